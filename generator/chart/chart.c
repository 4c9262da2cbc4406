/* chart.c — doc_chart to drawing commands (see chart.h).
 *
 * Each kind lays out its plot area, axis and legend in the box, then its
 * marks. Invariants: every command lies inside [0, w] × [0, h]; labels
 * that would collide are dropped or moved to a legend rather than drawn
 * over each other; values are not rounded before they are drawn.
 *
 * The data are checked before anything is sized from them (chart_draw):
 * an infinity, a magnitude beyond CHART_MAX_VALUE, more than
 * CHART_MAX_ITEMS categories or series, or fewer values than the kind
 * reads, and the chart is replaced by a line saying why. NaN is a missing
 * value, as before. Every loop over ticks, arc steps or items has a
 * bound that does not come from the values. */
#include "chart.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../base/fmt.h"

#define PI 3.14159265358979323846

typedef struct C {
  arena *a;
  ch_drawing *d;
  lay_lang lang;
  lay_measure m;
  void *ctx;
} C;

uint32_t chart_color(size_t i)
{
  /* Okabe–Ito, ordered so that neighbours differ in lightness too. */
  static const uint32_t pal[] = {0x0072B2, 0xE69F00, 0x009E73, 0xCC79A7,
                                 0x56B4E9, 0xD55E00, 0x999999, 0xF0E442,
                                 0x000000};
  return pal[i % (sizeof pal / sizeof *pal)];
}

static ch_cmd *add(C *c, ch_kind k)
{
  ch_drawing *d = c->d;
  ch_cmd *x = ARENA_PUSH(c->a, d->cmds, d->n, d->cap);
  x->kind = k;
  return x;
}

static void rect(C *c, double x, double y, double w, double h, uint32_t col)
{
  if (w < 0) {
    x += w;
    w = -w;
  }
  if (h < 0) {
    y += h;
    h = -h;
  }
  ch_cmd *r = add(c, CH_RECT);
  r->x = x;
  r->y = y;
  r->w = w;
  r->h = h;
  r->color = col;
}

static void line(C *c, double x0, double y0, double x1, double y1, double lw,
                 uint32_t col)
{
  ch_cmd *l = add(c, CH_LINE);
  l->x = x0;
  l->y = y0;
  l->w = x1;
  l->h = y1;
  l->lw = lw;
  l->color = col;
}

static double tw(C *c, const char *s, double size)
{
  return c->m(c->ctx, s, strlen(s), FACE_REGULAR, size);
}

static void text(C *c, double x, double y, const char *s, double size,
                 int anchor, uint32_t col)
{
  ch_cmd *t = add(c, CH_TEXT);
  t->x = x;
  t->y = y;
  t->text = arena_strdup(c->a, s);
  t->size = size;
  t->anchor = anchor;
  t->color = col;
  t->face = FACE_REGULAR;
}

static void poly(C *c, const double *pts, size_t n, uint32_t col)
{
  ch_cmd *p = add(c, CH_POLY);
  p->pts = ARENA_ARRAY(c->a, double, 2 * n);
  memcpy(p->pts, pts, sizeof *pts * 2 * n);
  p->npts = n;
  p->color = col;
}

static const char *label(C *c, doc_text t)
{
  if (c->lang == LANG_EN)
    return t.en ? t.en : t.zh;
  return t.zh ? t.zh : t.en;
}

/* Shortens s with "…" to fit width w at size. */
static const char *fit(C *c, const char *s, double w, double size)
{
  if (tw(c, s, size) <= w)
    return s;
  size_t n = strlen(s);
  char *b = arena_alloc(c->a, n + 4);
  while (n > 0) {
    do
      n--;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80);
    memcpy(b, s, n);
    strcpy(b + n, "…");
    if (tw(c, b, size) <= w)
      return b;
  }
  return "…";
}

/* The lines of a label "name value" in width w: the name wraps where a
   line may break (linebreak.c), at most maxl lines, its end cut with "…"
   beyond them; the value (NULL: none) follows on the last line when it
   fits, else on a line of its own. A value is never cut. */
static size_t label_lines(C *c, const char *name, const char *value, double w,
                          double size, size_t maxl, const char ***out)
{
  const char **ls;
  size_t n = layout_wrap(c->a, name, w, FACE_REGULAR, size, c->m, c->ctx, &ls);
  if (maxl < 1)
    maxl = 1;
  if (n > maxl) {
    ls[maxl - 1] = fit(c, arena_printf(c->a, "%s %s", ls[maxl - 1], ls[maxl]),
                       w, size);
    n = maxl;
  }
  const char **r = ARENA_ARRAY(c->a, const char *, n + 2);
  memcpy(r, ls, n * sizeof *r);
  if (value && *value) {
    const char *joined = arena_printf(c->a, "%s %s", r[n - 1], value);
    if (tw(c, joined, size) <= w)
      r[n - 1] = joined;
    else
      r[n++] = value;
  }
  *out = r;
  return n;
}

/* Lines from baseline y downwards. */
static void text_lines(C *c, double x, double y, const char *const *ls,
                       size_t n, double size, int anchor, uint32_t col)
{
  for (size_t k = 0; k < n; k++)
    text(c, x, y - (double)k * size * 1.15, ls[k], size, anchor, col);
}

void chart_ticks(double lo, double hi, int n, double *first, double *step)
{
  if (!isfinite(lo) || !isfinite(hi)) {
    *first = 0;
    *step = 1;
    return;
  }
  double span = hi - lo;
  if (!(span > 0)) {
    double m = fmax(fabs(lo), fabs(hi));
    span = m > 0 ? m : 1;
  }
  double raw = span / (n > 0 ? n : 5);
  double p = pow(10, floor(log10(raw)));
  double f = raw / p;
  double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
  *step = nice * p;
  if (!(*step > 0) || !isfinite(*step))
    *step = 1;
  *first = floor(lo / *step) * *step;
  if (!isfinite(*first))
    *first = lo;
}

static const char *tick_label(C *c, double v, double step)
{
  char b[64];
  int dec = step >= 1 ? 0 : (int)ceil(-log10(step) - 1e-9);
  fmt_num(v, dec, true, b, sizeof b);
  return arena_strdup(c->a, b);
}

/* A value axis along y over [lo, hi] into [y0, y1] at x = x0, with
   gridlines to x1. Returns the scale (points per unit). */
static double value_axis(C *c, double lo, double hi, double x0, double x1,
                         double y0, double y1, const char *unit)
{
  double first, step;
  chart_ticks(lo, hi, 5, &first, &step);
  double top = first;
  /* a step below the spacing of doubles at top would never get there */
  for (int i = 0; top < hi - 1e-12 * fabs(hi) && i < CHART_MAX_TICKS; i++)
    top += step;
  lo = first < lo ? first : lo;
  hi = top > lo ? top : lo + 1;
  double k = (y1 - y0) / (hi - lo);
  int ticks = 0;
  for (double v = first; v <= top + step * 0.5 && ticks++ <= CHART_MAX_TICKS;
       v += step) {
    double y = y0 + (v - lo) * k;
    line(c, x0, y, x1, y, 0.3, 0xD9D9D9);
    text(c, x0 - 3, y - 2.5, tick_label(c, v, step), 7, 2, 0x404040);
  }
  line(c, x0, y0, x0, y1, 0.6, 0x404040);
  if (unit)
    text(c, x0, y1 + 5, unit, 7, 1, 0x404040);
  return k;
}

/* A legend: colour swatches and labels from (x, y) downwards. With both
   (a bilingual report, where the legend has the room), each label's
   English follows its Chinese on a line of its own. */
static void legend2(C *c, double x, double y, double w, const doc_text *items,
                    size_t n, const char *const *suffix, bool both)
{
  /* Labels wrap to two lines, or to as many as four when every item
     could take that many and still fit above the box's foot: a long
     measure's name ("Heat pump replaces steam heating in pretreatment")
     is cut only when the legend has no room for it. */
  size_t maxl = 2;
  for (size_t l = 4; l > 2 && maxl == 2; l--) {
    double per = 13 + (double)(l - 1) * 7.5 * 1.15 +
                 (both ? 8.5 + (double)(l - 1) * 6.5 * 1.15 : 0);
    if ((double)n * per <= y - 8)
      maxl = l;
  }
  for (size_t i = 0; i < n && y > 8; i++) {
    rect(c, x, y - 7, 8, 8, chart_color(i));
    bool two = both && items[i].zh && items[i].en &&
               strcmp(items[i].zh, items[i].en) != 0;
    const char **ls;
    size_t nl = label_lines(c, label(c, items[i]), suffix ? suffix[i] : NULL,
                            w - 12, 7.5, maxl, &ls);
    text_lines(c, x + 12, y - 6, ls, nl, 7.5, 0, 0x1A1A1A);
    y -= 13 + (double)(nl - 1) * 7.5 * 1.15;
    if (two) {
      nl = label_lines(c, items[i].en, NULL, w - 12, 6.5, maxl, &ls);
      text_lines(c, x + 12, y - 4, ls, nl, 6.5, 0, 0x707070);
      y -= 8.5 + (double)(nl - 1) * 6.5 * 1.15;
    }
  }
}

static void legend(C *c, double x, double y, double w, const doc_text *items,
                   size_t n, const char *const *suffix)
{
  legend2(c, x, y, w, items, n, suffix, false);
}

/* {====================================================== kinds */

static void stacked_bars(C *c, const doc_chart *ch, double w, double h)
{
  double lw = 110, x0 = 46, x1 = w - lw - 8, y0 = 22, y1 = h - 16;
  double hi = 0, lo = 0;
  for (size_t i = 0; i < ch->ncat; i++) {
    double pos = 0, neg = 0;
    for (size_t s = 0; s < ch->nser; s++) {
      double v = ch->values[s * ch->ncat + i];
      if (isnan(v))
        continue;
      if (v >= 0)
        pos += v;
      else
        neg += v;
    }
    hi = fmax(hi, pos);
    lo = fmin(lo, neg);
  }
  if (hi <= lo)
    hi = lo + 1;
  double k = value_axis(c, lo, hi, x0, x1, y0, y1, ch->unit);
  double first, step;
  chart_ticks(lo, hi, 5, &first, &step);
  double base_v = first < lo ? first : lo;
  double slot = (x1 - x0) / (ch->ncat ? ch->ncat : 1);
  double every = 1;
  double widest = 0;
  for (size_t i = 0; i < ch->ncat; i++)
    widest = fmax(widest, tw(c, label(c, ch->cats[i]), 7));
  while (widest * 1.15 > slot * every && every < ch->ncat)
    every++;
  for (size_t i = 0; i < ch->ncat; i++) {
    double x = x0 + slot * (i + 0.2), bw = slot * 0.6;
    double up = 0, down = 0;
    for (size_t s = 0; s < ch->nser; s++) {
      double v = ch->values[s * ch->ncat + i];
      if (isnan(v) || v == 0)
        continue;
      double from = v >= 0 ? up : down;
      double y = y0 + (from - base_v) * k;
      rect(c, x, y, bw, v * k, chart_color(s));
      if (v >= 0)
        up += v;
      else
        down += v;
    }
    if (i % (size_t)every == 0)
      text(c, x + bw / 2, y0 - 11, label(c, ch->cats[i]), 7, 1, 0x404040);
  }
  legend(c, w - lw, h - 10, lw, ch->sers, ch->nser, NULL);
}

static void donut(C *c, const doc_chart *ch, double w, double h)
{
  double r = fmin(h / 2 - 8, w * 0.22), ri = r * 0.55;
  double cx = r + 12, cy = h / 2;
  double total = 0;
  for (size_t i = 0; i < ch->ncat; i++) {
    double v = ch->values[i];
    if (!isnan(v) && v > 0)
      total += v;
  }
  const char **pct = ARENA_ARRAY(c->a, const char *, ch->ncat + 1);
  double ang = PI / 2;
  for (size_t i = 0; i < ch->ncat; i++) {
    double v = ch->values[i];
    char b[32];
    if (isnan(v) || v <= 0 || total <= 0) {
      pct[i] = "";
      continue;
    }
    double sweep = 2 * PI * v / total;
    if (!(sweep > 0 && sweep <= 2 * PI + 1e-9)) {
      pct[i] = "";
      continue;
    }
    /* 2° a step: at most 182 for the whole circle */
    size_t steps = (size_t)(sweep / (PI / 90)) + 2;
    double *pts = arena_alloc(c->a, sizeof(double) * 4 * (steps + 1));
    size_t n = 0;
    for (size_t k = 0; k <= steps; k++) {
      double t = ang - sweep * (double)k / (double)steps;
      pts[2 * n] = cx + r * cos(t);
      pts[2 * n + 1] = cy + r * sin(t);
      n++;
    }
    for (size_t k = 0; k <= steps; k++) {
      double t = ang - sweep + sweep * (double)k / (double)steps;
      pts[2 * n] = cx + ri * cos(t);
      pts[2 * n + 1] = cy + ri * sin(t);
      n++;
    }
    poly(c, pts, n, chart_color(i));
    ang -= sweep;
    fmt_num(v / total * 100.0, 1, false, b, sizeof b);
    pct[i] = arena_printf(c->a, "%s %%", b);
  }
  /* the centre: the total and its unit */
  if (total > 0) {
    char b[48];
    fmt_num(total, 2, true, b, sizeof b);
    text(c, cx, cy + 7, c->lang == LANG_EN ? "Total" : "合计", 7, 1, 0x404040);
    text(c, cx, cy - 3, b, 8.5, 1, 0x1A1A1A);
    if (ch->unit)
      text(c, cx, cy - 13, ch->unit, 7.5, 1, 0x404040);
  }
  legend(c, cx + r + 24, h - 12, w - (cx + r + 24), ch->cats, ch->ncat, pct);
}

static void hbars(C *c, const doc_chart *ch, double w, double h)
{
  double labw = 0;
  for (size_t i = 0; i < ch->ncat; i++)
    labw = fmax(labw, tw(c, label(c, ch->cats[i]), 7.5));
  labw = fmin(labw, w * 0.35);
  double x0 = labw + 8, x1 = w - 60, y1 = h - 14, y0 = 14;
  double hi = 0, lo = 0;
  for (size_t i = 0; i < ch->ncat; i++) {
    double v = ch->values[i];
    if (!isnan(v)) {
      hi = fmax(hi, v);
      lo = fmin(lo, v);
    }
  }
  if (hi <= lo)
    hi = lo + 1;
  double k = (x1 - x0) / (hi - lo);
  double zero = x0 - lo * k;
  double row = (y1 - y0) / (ch->ncat ? ch->ncat : 1);
  /* one number format for every bar: a zero is 0, not 0.00 beside 376 */
  double most = 0;
  for (size_t i = 0; i < ch->ncat; i++)
    if (!isnan(ch->values[i]))
      most = fmax(most, fabs(ch->values[i]));
  int dec = most >= 100 ? 0 : 2;
  for (size_t i = 0; i < ch->ncat; i++) {
    double v = ch->values[i];
    double y = y1 - row * (i + 1) + row * 0.2;
    const char **ls;
    size_t nl = label_lines(c, label(c, ch->cats[i]), NULL, labw, 7.5,
                            row >= 20 ? 2 : 1, &ls);
    text_lines(c, x0 - 4, y + row * 0.3 - 2 + (double)(nl - 1) * 4.3, ls, nl,
               7.5, 2, 0x1A1A1A);
    if (isnan(v))
      continue; /* not computed: no bar, no label */
    if (v != 0)
      rect(c, zero, y, v * k, row * 0.6, chart_color(i));
    char b[48];
    fmt_num(v, v == 0 ? 0 : dec, true, b, sizeof b);
    text(c, v >= 0 ? zero + v * k + 3 : zero + 3, y + row * 0.3 - 2,
         arena_printf(c->a, "%s%s%s", b, ch->unit ? " " : "",
                      ch->unit ? ch->unit : ""),
         7, 0, 0x404040);
  }
  line(c, zero, y0, zero, y1, 0.6, 0x404040);
}

/* Grade bands of a limit standard with the measured value marked. */
static void bands(C *c, const doc_chart *ch, double w, double h)
{
  static const uint32_t band_col[] = {0x009E73, 0x56B4E9, 0xE69F00, 0xD55E00};
  double labw = 0;
  for (size_t i = 0; i < ch->ncat; i++)
    labw = fmax(labw, tw(c, label(c, ch->cats[i]), 7.5));
  labw = fmin(labw, w * 0.3);
  double x0 = labw + 10, x1 = w - 12, y1 = h - 22, y0 = 10;
  double row = (y1 - y0) / (ch->ncat ? ch->ncat : 1);
  for (size_t i = 0; i < ch->ncat; i++) {
    double g[3], v = ch->values[3 * ch->ncat + i];
    for (int k = 0; k < 3; k++)
      g[k] = ch->values[(size_t)k * ch->ncat + i];
    double lo = INFINITY, hi = -INFINITY;
    for (int k = 0; k < 3; k++)
      if (!isnan(g[k])) {
        lo = fmin(lo, g[k]);
        hi = fmax(hi, g[k]);
      }
    if (!isnan(v)) {
      lo = fmin(lo, v);
      hi = fmax(hi, v);
    }
    if (!isfinite(lo))
      continue;
    double span = hi - lo > 0 ? hi - lo : fabs(hi) * 0.1 + 1;
    lo -= span * 0.25;
    hi += span * 0.25;
    double k = (x1 - x0) / (hi - lo);
    double y = y1 - row * (i + 1) + row * 0.25, bh = row * 0.4;
    const char **ls;
    size_t nl = label_lines(c, label(c, ch->cats[i]), NULL, labw, 7.5,
                            row >= 30 ? 3 : row >= 20 ? 2 : 1, &ls);
    text_lines(c, x0 - 5, y + bh / 2 - 2.5 + (double)(nl - 1) * 4.3, ls, nl,
               7.5, 2, 0x1A1A1A);
    double from = lo;
    /* the grade labels under the bar, set after the bands in the order of
       their place on the scale: one that would overlap the one to its left
       (grades close together: 13,100 and 13,200 on a scale to 14,100)
       moves right until it clears it (a line lower would run into the
       next bar's value) */
    char lab[3][32];
    double lx[3];
    int nlab = 0, at[3];
    for (int b = 0; b < 4; b++) {
      double to = b < 3 ? g[b] : hi;
      if (b < 3 && isnan(to))
        continue;
      if (to > from)
        rect(c, x0 + (from - lo) * k, y, (to - from) * k, bh, band_col[b]);
      if (b < 3) {
        fmt_num(to, fabs(to) >= 100 ? 0 : 1, true, lab[nlab], sizeof lab[0]);
        lx[nlab] = x0 + (to - lo) * k;
        at[nlab] = nlab;
        nlab++;
      }
      from = fmax(from, to);
    }
    for (int q = 1; q < nlab; q++) /* by place, stable */
      for (int j = q; j > 0 && lx[at[j]] < lx[at[j - 1]]; j--) {
        int t = at[j];
        at[j] = at[j - 1];
        at[j - 1] = t;
      }
    double right = -1e9;
    for (int q = 0; q < nlab; q++) {
      const char *t = lab[at[q]];
      double half = tw(c, t, 6.5) / 2, tx = fmax(lx[at[q]], right + 3 + half);
      text(c, tx, y - 8, t, 6.5, 1, 0x404040);
      right = tx + half;
    }
    if (!isnan(v)) {
      double mx = x0 + (v - lo) * k;
      double tri[] = {mx - 4, y + bh + 7, mx + 4, y + bh + 7, mx, y + bh + 1};
      poly(c, tri, 3, 0x000000);
      line(c, mx, y - 1, mx, y + bh + 1, 1.2, 0x000000);
      char t[32];
      fmt_num(v, fabs(v) >= 100 ? 1 : 2, true, t, sizeof t);
      text(c, mx, y + bh + 9, t, 7, 1, 0x000000);
    }
  }
  /* the key of the bands */
  static const char *const key_zh[] = {"1级（先进值）", "2级（准入值）", "3级（限定值）", "超过限定值"};
  static const char *const key_en[] = {"grade 1", "grade 2", "grade 3 (limit)", "over the limit"};
  double kx = x0;
  for (int b = 0; b < 4; b++) {
    const char *t = c->lang == LANG_EN ? key_en[b] : key_zh[b];
    rect(c, kx, h - 9, 8, 7, band_col[b]);
    text(c, kx + 11, h - 8, t, 7, 0, 0x404040);
    kx += 11 + tw(c, t, 7) + 12;
  }
}

/* Marginal abatement cost curve: measures in order of cost, each a bar
   as wide as its annual reduction and as high as its cost. */
static void macc(C *c, const doc_chart *ch, double w, double h)
{
  size_t n = ch->ncat;
  size_t *ord = ARENA_ARRAY(c->a, size_t, n + 1);
  size_t m = 0;
  for (size_t i = 0; i < n; i++)
    if (!isnan(ch->values[i]) && !isnan(ch->values[n + i]) &&
        ch->values[i] > 0)
      ord[m++] = i;
  for (size_t i = 1; i < m; i++) /* stable insertion sort by cost */
    for (size_t j = i; j > 0 && ch->values[n + ord[j]] < ch->values[n + ord[j - 1]];
         j--) {
      size_t t = ord[j];
      ord[j] = ord[j - 1];
      ord[j - 1] = t;
    }
  double total = 0, lo = 0, hi = 0;
  for (size_t i = 0; i < m; i++) {
    total += ch->values[ord[i]];
    lo = fmin(lo, ch->values[n + ord[i]]);
    hi = fmax(hi, ch->values[n + ord[i]]);
  }
  if (hi <= lo)
    hi = lo + 1;
  double lw = 120, x0 = 52, x1 = w - lw - 8, y0 = 24, y1 = h - 16;
  double k = value_axis(c, lo, hi, x0, x1, y0, y1, ch->unit);
  double first, step;
  chart_ticks(lo, hi, 5, &first, &step);
  double base = first < lo ? first : lo;
  double zero = y0 + (0 - base) * k;
  line(c, x0, zero, x1, zero, 0.6, 0x404040);
  double kx = total > 0 ? (x1 - x0 - 4) / total : 0, x = x0 + 2;
  doc_text *names = ARENA_ARRAY(c->a, doc_text, m + 1);
  for (size_t i = 0; i < m; i++) {
    size_t j = ord[i];
    double bw = ch->values[j] * kx, v = ch->values[n + j];
    rect(c, x, zero, bw - 1, v * k, chart_color(i));
    /* the measure's number just beyond the end of its bar */
    text(c, x + bw / 2, v >= 0 ? zero + v * k + 3 : zero + v * k - 9,
         arena_printf(c->a, "%zu", i + 1), 7, 1, 0x1A1A1A);
    x += bw;
    names[i].zh = arena_printf(c->a, "%zu %s", i + 1, ch->cats[j].zh);
    names[i].en = arena_printf(c->a, "%zu %s", i + 1,
                               ch->cats[j].en ? ch->cats[j].en : ch->cats[j].zh);
  }
  char b[48];
  fmt_num(total, 0, true, b, sizeof b);
  text(c, x1, y0 - 14,
       c->lang == LANG_EN ? arena_printf(c->a, "cumulative %s tCO2/a", b)
                          : arena_printf(c->a, "累计 %s tCO2/a", b),
       7, 2, 0x404040);
  legend(c, w - lw, h - 10, lw, names, m, NULL);
}

/* An energy flow diagram in the stage columns of GB/T 16616: purchase and
   storage, conversion (sub-columns when conversion units feed each other),
   distribution, end use with losses and exports; bands as wide as the
   flows, each node labelled with its name and tce, each stage headed.
   values[t * n + f] is the flow from node f to node t. Work is n² in the
   nodes (at most CHART_MAX_ITEMS), whatever the links. */
#define FLOW_STAGES 4
/* The palette without its black: a black node would hide its label and
   its band would read as a shadow. */
static uint32_t flow_color(size_t i)
{
  return chart_color(i % 8);
}

static void flow(C *c, const doc_chart *ch, double w, double h)
{
  size_t n = ch->ncat;
  if (!n)
    return;
  const double *v = ch->values;
  double *in = ARENA_ARRAY(c->a, double, n), *out = ARENA_ARRAY(c->a, double, n);
  for (size_t t = 0; t < n; t++)
    for (size_t f = 0; f < n; f++) {
      double x = v[t * n + f];
      if (isnan(x) || x <= 0)
        continue;
      out[f] += x;
      in[t] += x;
    }
  /* columns by stage; without stages, sources first and sinks last */
  int *col = ARENA_ARRAY(c->a, int, n);
  int *stg = ARENA_ARRAY(c->a, int, n);
  int subs = 1;
  for (size_t i = 0; i < n; i++) {
    int st = ch->stage ? ch->stage[i] : in[i] <= 0 ? 0 : out[i] <= 0 ? 3 : 1;
    stg[i] = st < 0 ? 0 : st > 3 ? 3 : st;
    int d = ch->depth && stg[i] == 1 ? ch->depth[i] : 0;
    d = d < 0 ? 0 : d > 7 ? 7 : d;
    col[i] = d;
    if (stg[i] == 1 && d + 1 > subs)
      subs = d + 1;
  }
  for (size_t i = 0; i < n; i++)
    col[i] = stg[i] == 0   ? 0
             : stg[i] == 1 ? 1 + col[i]
             : stg[i] == 2 ? 1 + subs
                           : 2 + subs;
  int last = 2 + subs;
  double *size = ARENA_ARRAY(c->a, double, n);
  double scale = INFINITY, gap = 6, head = 22, top = h - head, bottom = 4;
  for (int k = 0; k <= last; k++) {
    double sum = 0;
    size_t cnt = 0;
    for (size_t i = 0; i < n; i++)
      if (col[i] == k) {
        size[i] = fmax(in[i], out[i]);
        sum += size[i];
        cnt += size[i] > 0;
      }
    if (sum > 0)
      scale = fmin(scale, (top - bottom - gap * (double)(cnt ? cnt - 1 : 0)) /
                              sum);
  }
  if (!isfinite(scale))
    return;
  if (!(scale > 0)) {
    /* more nodes in a column than gaps leave room for */
    text(c, w / 2, h / 2,
         c->lang == LANG_EN ? "Chart omitted: too many items to draw"
                            : "图表从略：项目过多，无法绘制",
         8, 1, 0x404040);
    return;
  }
  double labw = 86, nw = 8;
  double x0 = labw + 4, x1 = w - labw - 4 - nw;
  double colw = (x1 - x0) / last;
  /* the stage headings, each over its columns */
  static const char *const head_zh[FLOW_STAGES] = {"购入贮存", "加工转换",
                                                   "输送分配", "最终使用"};
  static const char *const head_en[FLOW_STAGES] = {
      "Purchase and storage", "Conversion", "Distribution", "End use"};
  int first_col[FLOW_STAGES] = {0, 1, 1 + subs, 2 + subs};
  int last_col[FLOW_STAGES] = {0, subs, 1 + subs, 2 + subs};
  for (int s = 0; s < FLOW_STAGES; s++) {
    double cx = x0 + colw * (first_col[s] + last_col[s]) / 2.0 + nw / 2;
    const char *t = c->lang == LANG_EN ? head_en[s] : head_zh[s];
    text(c, cx, h - 9, fit(c, t, colw * (last_col[s] - first_col[s]) +
                                     (s == 0 || s == 3 ? labw : colw - 4),
                           7.5),
         7.5, 1, 0x1A1A1A);
    line(c, cx - 14, h - 13, cx + 14, h - 13, 0.5, 0x7F7F7F);
  }
  double *nx = ARENA_ARRAY(c->a, double, n), *ny = ARENA_ARRAY(c->a, double, n);
  for (int k = 0; k <= last; k++) {
    double y = top;
    for (size_t i = 0; i < n; i++) {
      if (col[i] != k || size[i] <= 0)
        continue;
      nx[i] = x0 + colw * k;
      ny[i] = y;
      y -= size[i] * scale + gap;
    }
  }
  /* bands first, nodes and labels over them */
  double *oc = ARENA_ARRAY(c->a, double, n), *ic = ARENA_ARRAY(c->a, double, n);
  for (size_t i = 0; i < n; i++)
    oc[i] = ic[i] = ny[i];
  const int steps = 24;
  for (size_t f = 0; f < n; f++)
    for (size_t t = 0; t < n; t++) {
      double x = v[t * n + f];
      if (isnan(x) || x <= 0 || size[f] <= 0 || size[t] <= 0)
        continue;
      double th = x * scale, a0 = oc[f], b0 = ic[t];
      double xa = nx[f] + nw, xb = nx[t];
      double pts[4 * (24 + 1)];
      size_t m = 0;
      for (int q = 0; q <= steps; q++) {
        double u = (double)q / steps, sm = u * u * (3 - 2 * u);
        pts[2 * m] = xa + (xb - xa) * u;
        pts[2 * m + 1] = a0 + (b0 - a0) * sm;
        m++;
      }
      for (int q = steps; q >= 0; q--) {
        double u = (double)q / steps, sm = u * u * (3 - 2 * u);
        pts[2 * m] = xa + (xb - xa) * u;
        pts[2 * m + 1] = (a0 - th) + (b0 - a0) * sm;
        m++;
      }
      /* a band takes a light tint of its source's colour */
      uint32_t col0 = flow_color(f);
      uint32_t r = ((col0 >> 16) & 0xFF) + (0xFF - ((col0 >> 16) & 0xFF)) / 2;
      uint32_t g = ((col0 >> 8) & 0xFF) + (0xFF - ((col0 >> 8) & 0xFF)) / 2;
      uint32_t b = (col0 & 0xFF) + (0xFF - (col0 & 0xFF)) / 2;
      poly(c, pts, m, r << 16 | g << 8 | b);
      oc[f] -= th;
      ic[t] -= th;
    }
  double *last_label = ARENA_ARRAY(c->a, double, (size_t)last + 1);
  for (int k = 0; k <= last; k++)
    last_label[k] = top + 9;
  for (size_t i = 0; i < n; i++) {
    if (size[i] <= 0)
      continue;
    double hh = size[i] * scale;
    rect(c, nx[i], ny[i] - hh, nw, hh, flow_color(i));
    char b[48];
    fmt_num(size[i], 0, true, b, sizeof b);
    const char *val = ch->unit ? arena_printf(c->a, "%s %s", b, ch->unit)
                               : arena_strdup(c->a, b);
    /* the name wraps, the value is whole */
    double lw = col[i] == 0 || col[i] == last ? labw : colw - nw - 6;
    const char **ls;
    size_t nl = label_lines(c, label(c, ch->cats[i]), val, lw, 7, 3, &ls);
    double step = 7 * 1.15;
    double ty = fmin(ny[i] - hh / 2 - 2.5 + (double)(nl - 1) * step / 2,
                     last_label[col[i]] - 9);
    if (ty - (double)(nl - 1) * step < 1)
      continue; /* no room: the value is in the tables */
    last_label[col[i]] = ty - (double)(nl - 1) * step;
    if (col[i] == 0)
      text_lines(c, nx[i] - 3, ty, ls, nl, 7, 2, 0x1A1A1A);
    else
      text_lines(c, nx[i] + nw + (col[i] == last ? 3 : 2), ty, ls, nl, 7, 0,
                 0x1A1A1A);
  }
}


/* Lines over the categories (years), each series indexed to its first
   value = 100, so that figures in different units share one axis; a
   missing value breaks its line. Each line ends in its last index. */
static void trend(C *c, const doc_chart *ch, double w, double h)
{
  double lw = 130, x0 = 40, x1 = w - lw - 14, y0 = 22, y1 = h - 16;
  size_t n = ch->ncat;
  double *idx = ARENA_ARRAY(c->a, double, n * ch->nser + 1);
  double lo = 100, hi = 100;
  for (size_t s = 0; s < ch->nser; s++) {
    double first = NAN;
    for (size_t i = 0; i < n; i++) {
      double v = ch->values[s * n + i];
      if (isnan(first) && v > 0)
        first = v;
      double x = first > 0 && !isnan(v) ? v / first * 100.0 : (double)NAN;
      /* beyond a billion-fold change no line on a page says anything */
      idx[s * n + i] = isfinite(x) && fabs(x) <= 1e11 ? x : (double)NAN;
      if (!isnan(idx[s * n + i])) {
        lo = fmin(lo, idx[s * n + i]);
        hi = fmax(hi, idx[s * n + i]);
      }
    }
  }
  lo = lo >= 0 && lo < 5 ? 0 : lo - 5;
  hi += 5;
  double k = value_axis(c, lo, hi, x0, x1, y0, y1, ch->unit);
  double first, step;
  chart_ticks(lo, hi, 5, &first, &step);
  double base = first < lo ? first : lo;
  double slot = (x1 - x0) / (n ? (double)n : 1);
  for (size_t i = 0; i < n; i++)
    text(c, x0 + slot * (i + 0.5), y0 - 11, label(c, ch->cats[i]), 7, 1,
         0x404040);
  const char **ends = ARENA_ARRAY(c->a, const char *, ch->nser + 1);
  for (size_t s = 0; s < ch->nser; s++) {
    uint32_t col = chart_color(s);
    double px = NAN, py = NAN;
    ends[s] = NULL;
    for (size_t i = 0; i < n; i++) {
      double v = idx[s * n + i];
      if (isnan(v)) {
        px = py = NAN;
        continue;
      }
      double x = x0 + slot * (i + 0.5), y = y0 + (v - base) * k;
      if (!isnan(px))
        line(c, px, py, x, y, 1.4, col);
      rect(c, x - 2, y - 2, 4, 4, col);
      px = x, py = y;
      char b[32];
      fmt_num(v, 1, true, b, sizeof b);
      ends[s] = arena_strdup(c->a, b);
    }
  }
  legend2(c, w - lw, h - 10, lw, ch->sers, ch->nser, ends,
          c->lang == LANG_BILINGUAL);
}

/* A waterfall: the first category a total bar from zero (or from a cut
   axis, below), each one after it a change floating on the running total
   (up in the second colour, down in the third), the last a total bar
   again; each bar labelled with its value, a thin line joining the bars'
   levels. */
static void waterfall(C *c, const doc_chart *ch, double w, double h)
{
  size_t n = ch->ncat;
  double x0 = 46, x1 = w - 8, y0 = 30, y1 = h - 16;
  double run = 0, lo = 0, hi = 0;
  for (size_t i = 0; i < n; i++) {
    double v = isnan(ch->values[i]) ? 0 : ch->values[i];
    run = i == 0 || i + 1 == n ? v : run + v;
    lo = fmin(lo, run);
    hi = fmax(hi, run);
  }
  if (hi <= lo)
    hi = lo + 1;
  /* Totals far from zero and changes small beside them (a year's energy
     and effects of a few per cent): the axis starts below the lowest
     level instead of at zero, so the changes can be seen, and the total
     bars, cut there, carry a break mark, as does the axis. */
  double low = hi;
  run = 0;
  for (size_t i = 0; i < n; i++) {
    double v = isnan(ch->values[i]) ? 0 : ch->values[i];
    bool total = i == 0 || i + 1 == n;
    if (!total)
      low = fmin(low, run);
    run = total ? v : run + v;
    low = fmin(low, run);
  }
  bool cut = lo >= 0 && low > 0 && hi - low < 0.25 * hi;
  double top = hi * 1.08;
  if (cut) {
    lo = fmax(0, low - 1.5 * (hi - low));
    top = hi + 0.08 * (hi - lo);
  }
  double k = value_axis(c, lo, top, x0, x1, y0, y1, ch->unit);
  double first, step;
  chart_ticks(lo, top, 5, &first, &step);
  double base = first < lo ? first : lo;
  if (cut) {
    rect(c, x0 - 4, y0 + 5, 8, 3, 0xFFFFFF);
    line(c, x0 - 4, y0 + 4, x0 + 4, y0 + 6, 0.6, 0x404040);
    line(c, x0 - 4, y0 + 7, x0 + 4, y0 + 9, 0.6, 0x404040);
  }
  double slot = (x1 - x0) / (n ? (double)n : 1);
  double most = 0;
  for (size_t i = 0; i < n; i++)
    if (!isnan(ch->values[i]))
      most = fmax(most, fabs(ch->values[i]));
  int dec = most >= 100 ? 0 : 2;
  run = 0;
  double prev_top = NAN;
  for (size_t i = 0; i < n; i++) {
    double v = isnan(ch->values[i]) ? 0 : ch->values[i];
    bool total = i == 0 || i + 1 == n;
    double from = total ? (cut ? base : 0) : run, to = total ? v : run + v;
    double x = x0 + slot * (i + 0.2), bw = slot * 0.6;
    uint32_t col = total ? chart_color(0) : v >= 0 ? chart_color(5)
                                                    : chart_color(2);
    double ya = y0 + (from - base) * k, yb = y0 + (to - base) * k;
    if (to != from)
      rect(c, x, ya, bw, yb - ya, col);
    else
      line(c, x, ya, x + bw, ya, 0.8, col);
    if (total && cut)
      line(c, x - 1, y0 + 5, x + bw + 1, y0 + 8, 2.2, 0xFFFFFF);
    if (!isnan(prev_top))
      line(c, x - slot * 0.4, prev_top, x, prev_top, 0.4, 0x808080);
    prev_top = yb;
    char b[48];
    fmt_num(v, v == 0 ? 0 : dec, true, b, sizeof b);
    const char *t = !total && v > 0 ? arena_printf(c->a, "+%s", b)
                                    : arena_strdup(c->a, b);
    text(c, x + bw / 2, fmax(ya, yb) + 3, t, 7, 1, 0x1A1A1A);
    const char **ls;
    doc_text cat = ch->cats[i];
    bool both = c->lang == LANG_BILINGUAL && cat.zh && cat.en &&
                strcmp(cat.zh, cat.en) != 0;
    size_t nl = label_lines(c, label(c, cat), NULL, slot * 0.95, 7,
                            both ? 1 : 2, &ls);
    text_lines(c, x + bw / 2, y0 - 10, ls, nl, 7, 1, 0x404040);
    if (both) { /* the English beneath, as the report sets its text */
      nl = label_lines(c, cat.en, NULL, slot * 0.95, 6.5, 1, &ls);
      text_lines(c, x + bw / 2, y0 - 18, ls, nl, 6.5, 1, 0x707070);
    }
    run = to;
  }
}

/* }====================================================== */

/* Why the chart cannot be drawn from these data, or NULL. */
static const char *refused(const doc_chart *ch, bool en)
{
  if (ch->ncat > CHART_MAX_ITEMS || ch->nser > CHART_MAX_ITEMS)
    return en ? "too many items to draw" : "项目过多，无法绘制";
  /* the values each kind reads: ncat × (series it needs) */
  size_t need = ch->kind == CHART_BANDS  ? 4
                : ch->kind == CHART_MACC ? 2
                : ch->kind == CHART_FLOW ? ch->ncat
                                         : 1;
  if (ch->ncat && (ch->nser < need || !ch->values || !ch->cats ||
                   ((ch->kind == CHART_STACKED_BARS ||
                     ch->kind == CHART_TREND) &&
                    !ch->sers)))
    return en ? "incomplete data" : "数据不完整";
  for (size_t i = 0; i < ch->ncat * ch->nser; i++) {
    double v = ch->values[i];
    if (isinf(v) || (isfinite(v) && fabs(v) > CHART_MAX_VALUE))
      return en ? "a value is out of range" : "数值超出范围";
  }
  return NULL;
}

ch_drawing *chart_draw(arena *a, const doc_chart *ch, double w, double h,
                       lay_lang lang, lay_measure measure, void *ctx)
{
  C c = {a, ARENA_NEW(a, ch_drawing), lang, measure, ctx};
  c.d->w = w;
  c.d->h = h;
  if (!(w > 0 && h > 0 && w < 1e5 && h < 1e5))
    return c.d; /* no box to draw in */
  const char *why = refused(ch, lang == LANG_EN);
  if (why) {
    /* say so where the chart would be, rather than draw from such data */
    const char *s = lang == LANG_EN ? arena_printf(a, "Chart omitted: %s", why)
                                    : arena_printf(a, "图表从略：%s", why);
    text(&c, w / 2, h / 2, fit(&c, s, w, 8), 8, 1, 0x404040);
    return c.d;
  }
  switch (ch->kind) {
  case CHART_STACKED_BARS:
    stacked_bars(&c, ch, w, h);
    break;
  case CHART_DONUT:
    donut(&c, ch, w, h);
    break;
  case CHART_HBARS:
    hbars(&c, ch, w, h);
    break;
  case CHART_BANDS:
    bands(&c, ch, w, h);
    break;
  case CHART_MACC:
    macc(&c, ch, w, h);
    break;
  case CHART_FLOW:
    flow(&c, ch, w, h);
    break;
  case CHART_TREND:
    trend(&c, ch, w, h);
    break;
  case CHART_WATERFALL:
    waterfall(&c, ch, w, h);
    break;
  }
  return c.d;
}

void chart_dump(const ch_drawing *d, buf *out)
{
  static const char *const names[] = {"rect", "poly", "line", "text"};
  for (size_t i = 0; i < d->n; i++) {
    const ch_cmd *c = &d->cmds[i];
    buf_printf(out, "%s #%06X", names[c->kind], (unsigned)c->color);
    switch (c->kind) {
    case CH_RECT:
    case CH_LINE:
      buf_printf(out, " %.1f %.1f %.1f %.1f", c->x, c->y, c->w, c->h);
      if (c->kind == CH_LINE)
        buf_printf(out, " lw %.1f", c->lw);
      break;
    case CH_POLY:
      buf_printf(out, " %zu points from %.1f %.1f", c->npts, c->pts[0],
                 c->pts[1]);
      break;
    case CH_TEXT:
      buf_printf(out, " %.1f %.1f %s %.1f \"%s\"", c->x, c->y,
                 c->anchor == 0 ? "left" : c->anchor == 1 ? "centre" : "right",
                 c->size, c->text);
      break;
    }
    buf_putc(out, '\n');
  }
}
