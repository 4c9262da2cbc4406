/* docx.h — the document tree as a Word document (OOXML, .docx).
 *
 * Input: the same doc the PDF is laid out from (template/doc.h), the
 * style's colours and margins (a lay_style), the Word font names and the
 * output language. Output: the bytes of a .docx package. Word does the
 * page layout itself, so the document carries structure, not positions:
 * heading styles with outline levels (navigation pane, an updatable TOC
 * field), body, caption and note styles a firm restyles in one place,
 * tables as Word tables whose header row repeats on every page, captions
 * numbered as in the PDF (template/docnum.h), a header and a footer with
 * PAGE and NUMPAGES fields, and charts as vector drawings: the chart
 * stage's commands become DrawingML shapes in a group (rectangles,
 * polygons, lines, text boxes), which Word 2010 and later and LibreOffice
 * show and print without rasterising. No clock is read: the package's
 * dates come from the caller. */
#ifndef GEN_DOCX_H
#define GEN_DOCX_H

#include <stdbool.h>
#include <stdint.h>

#include "../base/buf.h"
#include "../base/diag.h"
#include "../base/mem.h"
#include "../layout/layout.h"
#include "../template/doc.h"

/* Font names as Word knows them (not files: Word uses installed fonts). */
typedef struct docx_fonts {
  const char *cjk;         /* body, East Asian text (宋体) */
  const char *cjk_heading; /* headings, East Asian text (黑体) */
  const char *latin;       /* Latin text (Times New Roman) */
} docx_fonts;

typedef doc_info docx_info; /* template/doc.h */

/* Writes d as a .docx package into out. measure sizes the charts' text
   (the chart stage places labels by their width). Returns false after a
   diagnostic (a logo that cannot be read, a zip error). */
bool docx_write(arena *a, diag_list *dl, const doc *d, const lay_style *st,
                const docx_fonts *fonts, lay_lang lang, lay_measure measure,
                void *ctx, const docx_info *info, buf *out);

#endif
