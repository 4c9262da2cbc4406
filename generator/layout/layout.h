/* layout.h — the document tree on A4 pages: positioned boxes.
 *
 * Input: a doc (template/doc.h), a style, the output language and a text
 * measurer; output: pages of boxes (text runs, rules, filled rectangles)
 * in PDF points from the bottom-left corner, plus the outline. Layout
 * knows nothing of energy, and nothing of PDF: text is measured through
 * the callback, so it is tested without libharu. Two passes settle the
 * table of contents and "page X of Y". */
#ifndef GEN_LAYOUT_H
#define GEN_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../base/mem.h"
#include "../template/doc.h"

typedef enum { LANG_ZH, LANG_EN, LANG_BILINGUAL } lay_lang;
typedef enum { FACE_REGULAR, FACE_BOLD } lay_face;

/* Width in points of UTF-8 text s[0..len) in face at size. Additive: the
   width of a text is the sum of its characters' widths (no kerning), so
   that a line is measured as it grows, a character at a time. */
typedef double (*lay_measure)(void *ctx, const char *s, size_t len,
                              lay_face face, double size);

typedef struct lay_style {
  double page_w, page_h;                  /* points */
  double margin_top, margin_bottom, margin_left, margin_right;
  double body_size, line_spacing;         /* 10.5 pt, 1.5 */
  uint32_t color_primary, color_text, color_secondary, color_band,
      color_rule;                          /* 0xRRGGBB */
  const char *firm_zh, *firm_en;           /* auditing firm */
  const char *report_no;
  const char *logo;                       /* image path for the cover, or NULL */
} lay_style;

/* The defaults of report.md: A4, margins 25/20/20/20 mm, 10.5 pt, 1.5. */
lay_style lay_default_style(void);

typedef enum { BOX_TEXT, BOX_RULE, BOX_RECT, BOX_IMAGE, BOX_POLY, BOX_LINE } box_kind;

typedef struct lay_box {
  box_kind kind;
  double x, y;      /* text: left end of the baseline; rule/rect: lower left */
  double w, h;      /* rule: w × line width h; rect: size */
  const char *text; /* UTF-8, one line; BOX_IMAGE: the image path */
  lay_face face;
  double size;
  uint32_t color;
  double x2, y2;    /* line: the other end */
  double *pts;      /* poly: x0 y0 x1 y1 …, filled */
  size_t npts;
} lay_box;

typedef struct lay_page {
  lay_box *boxes;
  size_t n, cap;
  bool cover;
} lay_page;

typedef struct lay_mark {
  int level;          /* 1 or 2 */
  const char *title;  /* as shown in the outline */
  size_t page;        /* 0-based */
  double y;
} lay_mark;

typedef struct layout {
  lay_page *pages;
  size_t n, cap;
  lay_mark *marks;
  size_t n_marks, cap_marks;
} layout;

/* Lays out d. Never fails: text wider than a line is broken anywhere. */
layout *layout_run(arena *a, const doc *d, const lay_style *st, lay_lang lang,
                   lay_measure measure, void *ctx);

/* The width in points an image is drawn at within width (its height in
   *h): 150 dpi, at most the width and 110 mm high. */
double layout_image_size(const doc_image *im, double width, double *h);
/* The height in points a chart is drawn at, before a page's limit. */
double layout_chart_height(const doc_chart *c);

/* The lines a text breaks into at width w (for tests and tables). Returns
   the count; lines[i] are arena strings. */
size_t layout_wrap(arena *a, const char *text, double w, lay_face face,
                   double size, lay_measure measure, void *ctx,
                   const char ***lines);

#endif
