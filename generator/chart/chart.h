/* chart.h — charts as vector drawing commands.
 *
 * Input: a doc_chart (template/doc.h: categories, series, values), a size
 * and the output language. Output: commands in a local box of w × h
 * points with the origin at the lower left: filled rectangles and
 * polygons, lines and text runs. No PDF, no results tree: the commands
 * are dumped as text for golden tests and drawn by the pdf stage through
 * layout. Deterministic: the same data give the same commands. The palette
 * (Okabe–Ito) reads for colour-blind readers, and its colours differ in
 * lightness so that a greyscale print keeps them apart. */
#ifndef GEN_CHART_H
#define GEN_CHART_H

#include <stddef.h>
#include <stdint.h>

#include "../base/buf.h"
#include "../base/mem.h"
#include "../layout/layout.h"
#include "../template/doc.h"

typedef enum { CH_RECT, CH_POLY, CH_LINE, CH_TEXT } ch_kind;

typedef struct ch_cmd {
  ch_kind kind;
  double x, y, w, h;   /* rect: lower left and size; line: from (x,y) to (w,h) */
  double *pts;         /* poly: x0 y0 x1 y1 … */
  size_t npts;
  uint32_t color;
  double lw;           /* line width */
  const char *text;
  double size;
  int anchor;          /* text: 0 left, 1 centre, 2 right of x */
  lay_face face;
} ch_cmd;

typedef struct ch_drawing {
  ch_cmd *cmds;
  size_t n, cap;
  double w, h;
} ch_drawing;

/* Limits of what chart_draw draws: magnitudes of values, categories or
   series, and ticks on an axis. */
#define CHART_MAX_VALUE 1e15
#define CHART_MAX_ITEMS DOC_CHART_MAX_ITEMS
#define CHART_MAX_TICKS 50

/* Draws chart c in w × h points. Text is measured with measure(ctx, …).
   Data it cannot draw from (an infinity, a magnitude beyond
   CHART_MAX_VALUE, more than CHART_MAX_ITEMS categories or series, fewer
   values than the kind reads) give one centred line saying why instead;
   NaN is a missing value. A box of no size gives no commands. */
ch_drawing *chart_draw(arena *a, const doc_chart *c, double w, double h,
                       lay_lang lang, lay_measure measure, void *ctx);
/* The commands as text, one per line, numbers to 0.1 pt (golden tests). */
void chart_dump(const ch_drawing *d, buf *out);
/* "Nice" axis: a step of 1, 2 or 5 × 10^k giving about n ticks over
   [lo, hi]; sets *first and *step. */
void chart_ticks(double lo, double hi, int n, double *first, double *step);
/* The i-th colour of the palette. */
uint32_t chart_color(size_t i);

#endif
