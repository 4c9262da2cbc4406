/* pdf.h — pages of boxes to PDF bytes through libharu.
 *
 * The only module that includes <hpdf.h>. It embeds a CJK TrueType face
 * and a Latin face with its bold (subset by libharu), sets each run of
 * text in the face of its script, writes the outline in both languages and
 * the document information, and replaces libharu 2.3's ToUnicode CMap
 * (which uses begincidrange, an operator a ToUnicode map may not use) with
 * a correct bfrange map, so text extracts cleanly. No clock is read: dates
 * come from the caller (SOURCE_DATE_EPOCH), so the bytes are reproducible. */
#ifndef GEN_PDF_H
#define GEN_PDF_H

#include <stdint.h>

#include "../base/buf.h"
#include "../base/diag.h"
#include "../layout/layout.h"
#include "../template/doc.h"

typedef struct pdf_writer pdf_writer;

typedef struct pdf_fonts {
  const char *cjk;        /* TrueType or TTC (face 0) with CJK glyphs */
  const char *latin;      /* TrueType, regular */
  const char *latin_bold; /* TrueType, bold */
} pdf_fonts;

typedef doc_info pdf_info; /* template/doc.h */

/* Reads each font file, checks it (base/ttf.h) and loads the checked
   bytes, not the file again. Returns NULL after a diagnostic on failure
   (a face the check refuses, or one libharu cannot load). */
pdf_writer *pdf_new(diag_list *dl, const pdf_fonts *fonts);
void pdf_free(pdf_writer *w);
/* The layout's measure callback (ctx is the writer). */
double pdf_measure(void *ctx, const char *s, size_t len, lay_face face,
                   double size);
/* Text measured as pdf_measure measures it (the same faces, the same
   widths, to the bit) from the checked font files alone, without loading
   them into libharu: for the Word writer, whose charts place their labels
   by width but which draws no PDF. NULL after a diagnostic on failure
   (a file that cannot be read or that the check refuses). */
typedef struct pdf_metrics pdf_metrics;
pdf_metrics *pdf_metrics_new(diag_list *dl, const pdf_fonts *fonts);
void pdf_metrics_free(pdf_metrics *m);
/* The measure callback (ctx is the metrics). */
double pdf_metrics_measure(void *ctx, const char *s, size_t len,
                           lay_face face, double size);
/* Draws every page and writes the PDF into out. Returns false after a
   diagnostic on a libharu error. The writer is spent afterwards. */
bool pdf_render(pdf_writer *w, const layout *lay, const pdf_info *info,
                buf *out);

#endif
