/* report.h — the report stage: a computed audit rendered as a deliverable.
 *
 * Input: the results tree (calc and the checks already run), the parsed
 * templates and the firm's style file; output: the PDF's bytes in a
 * buffer. It runs template expansion → layout → pdf and maps the style
 * file onto the layout's settings and the PDF's document information, so
 * the command line only chooses files and writes bytes. It knows nothing
 * of energy or carbon. */
#ifndef GEN_REPORT_H
#define GEN_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../base/buf.h"
#include "../base/diag.h"
#include "../base/mem.h"
#include "../base/value.h"
#include "../layout/layout.h"
#include "../load/style.h"
#include "../template/forms.h"
#include "../template/tmpl.h"

typedef struct report_opts {
  lay_lang lang;
  bool exercise;   /* figures left blank, for training */
  bool has_date;   /* SOURCE_DATE_EPOCH was given */
  int64_t epoch;   /* seconds since 1970, UTC */
  const char *facility_dir; /* the facility file's folder (NULL: the
                               current one): images of its evidence lie in
                               it or below it */
  const form_set *forms;    /* the filing forms of the workbook (NULL:
                               none); left out of an exercise */
} report_opts;

/* The name the templates see for a language ("zh", "en", "bilingual"). */
const char *report_lang_name(lay_lang lang);

typedef enum {
  REPORT_OK,
  REPORT_INPUT, /* the templates' expansion failed (a budget): exit 1 */
  REPORT_IO     /* fonts that do not load, a libharu error: exit 3 */
} report_status;

/* Renders the report of results as PDF bytes appended to out; *pages is
   the page count. Adds the report's own fields (firm, report number,
   language, exercise) under results.report, and with exercise blanks the
   findings' computed texts. On failure returns after diagnostics;
   nothing is written anywhere. */
report_status report_render_pdf(arena *a, diag_list *dl, const tmpl *t,
                       const style_file *sf, value *results,
                       const report_opts *o, buf *out, size_t *pages);
/* The same report as a Word document (.docx bytes appended to out), from
   the same templates and document tree. */
report_status report_render_docx(arena *a, diag_list *dl, const tmpl *t,
                                 const style_file *sf, value *results,
                                 const report_opts *o, buf *out);
/* The report's tables as an Excel workbook (.xlsx bytes appended to out),
   followed by the filing forms of o->forms filled from the results. */
report_status report_render_xlsx(arena *a, diag_list *dl, const tmpl *t,
                                 const style_file *sf, value *results,
                                 const report_opts *o, buf *out);

#endif
