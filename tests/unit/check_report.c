/* check_report.c — the report stages: line breaking (UAX #14 plus the
 * Chinese prohibitions and number–unit rule), wrapping and table
 * splitting with a fixed-width measurer (no PDF needed), template errors,
 * and the finished PDF of the samples checked with qpdf, pdffonts and
 * pdftotext. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <dirent.h>

#include "../../generator/chart/chart.h"
#include "../../generator/layout/layout.h"
#include "../../generator/template/charts.h"
#include "../../generator/template/tmpl.h"
#include "../../generator/rules/checks.h"
#include "../../generator/layout/linebreak.h"
#include "../../generator/base/buf.h"
#include "../../generator/calc/calc.h"
#include "suites.h"
#include "testutil.h"

/* {====================================================== line breaks */

/* The break value after the character that ends at the n-th byte of the
   first occurrence of `after` in s. */
static char brk_after(const char *s, const char *after)
{
  size_t n = strlen(s);
  char *b = malloc(n + 1);
  lb_breaks(s, n, b);
  const char *at = strstr(s, after);
  ck_assert_ptr_nonnull(at);
  char r = b[(size_t)(at - s) + strlen(after) - 1];
  free(b);
  return r;
}

START_TEST(t_breaks)
{
  const char *s = "综合能耗为173,848.24 tce，占比92.3 %（当量值）。Energy use fell.";
  /* between two Chinese characters: allowed */
  ck_assert_int_eq(brk_after(s, "综"), LB_ALLOW);
  /* never between a number and its unit: not after "24", not after "24 " */
  ck_assert_int_eq(brk_after(s, "173,848.24"), LB_NO);
  ck_assert_int_eq(brk_after(s, "173,848.24 "), LB_NO);
  ck_assert_int_eq(brk_after(s, "92.3 "), LB_NO);
  /* no line starts with "，" or "%" and none ends with "（" */
  ck_assert_int_eq(brk_after(s, "tce"), LB_NO);
  ck_assert_int_eq(brk_after(s, "92.3"), LB_NO);
  ck_assert_int_eq(brk_after(s, "（"), LB_NO);
  /* inside a number: no break at its separators */
  ck_assert_int_eq(brk_after(s, "173,"), LB_NO);
  /* Latin words break at spaces */
  ck_assert_int_eq(brk_after(s, "Energy "), LB_ALLOW);
  ck_assert_int_eq(brk_after(s, "Ener"), LB_NO);
}
END_TEST

/* Malformed UTF-8 (a lone 0xFF, a lead byte cut off at the end, an
   overlong form, a surrogate) once tripped libunibreak's assertion (found
   by fuzz_tmpl): the loaders refuse it, and line breaking still survives
   it, with a mandatory break at the end and no break inside the valid
   characters around it. */
START_TEST(t_breaks_malformed)
{
  static const char *const texts[] = {
      "\xff\xffT\x94y\x98\xb7\xbc", "能耗\xe8\x83", "a\xc0\xaf" "b",
      "x\xed\xa0\x80y", "\xf4\x90\x80\x80", "\xe8"};
  for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
    size_t n = strlen(texts[i]);
    char *b = malloc(n);
    lb_breaks(texts[i], n, b);
    ck_assert_int_eq(b[n - 1], LB_MUST);
    free(b);
  }
  /* "能耗" keeps its character boundaries: no break inside 能 */
  char b[8];
  lb_breaks("能耗\xe8\x83", 8, b);
  ck_assert_int_eq(b[0], LB_NO);
  ck_assert_int_eq(b[1], LB_NO);
}
END_TEST

/* A fixed-width measurer: ASCII half an em, anything else a full em. */
static double fixed(void *ctx, const char *s, size_t len, lay_face face,
                    double size)
{
  (void)ctx;
  (void)face;
  double w = 0;
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80)
      w += 0.5;
    else if ((c & 0xC0) != 0x80)
      w += 1.0;
  }
  return w * size;
}

START_TEST(t_wrap)
{
  arena *a = arena_new();
  const char **lines;
  /* 10 pt: 4 Chinese characters are 40 pt; width 45 takes four */
  size_t n = layout_wrap(a, "能源审计报告及碳排放审计", 45, FACE_REGULAR, 10,
                         fixed, NULL, &lines);
  ck_assert_uint_eq(n, 3);
  ck_assert_str_eq(lines[0], "能源审计");
  ck_assert_str_eq(lines[2], "排放审计"); /* 12 characters, 4 a line */
  /* "值为173,848.24 tce。" must keep "173,848.24 tce。" whole: at width 60
     (12 ASCII or 6 CJK) the number and unit move to the next line
     together with the closing full stop. */
  n = layout_wrap(a, "综合能耗值为173,848.24 tce。", 90, FACE_REGULAR, 10,
                  fixed, NULL, &lines);
  ck_assert_uint_eq(n, 2);
  ck_assert_str_eq(lines[0], "综合能耗值为");
  ck_assert_str_eq(lines[1], "173,848.24 tce。");
  /* a word longer than the line is cut, not dropped */
  n = layout_wrap(a, "abcdefghijklmnopqrstuvwxyz", 50, FACE_REGULAR, 10, fixed,
                  NULL, &lines);
  ck_assert_uint_eq(n, 3);
  ck_assert_str_eq(lines[0], "abcdefghij");
  arena_free(a);
}
END_TEST

/* fixed(), counting the characters it is asked to measure. */
static double counted(void *ctx, const char *s, size_t len, lay_face face,
                      double size)
{
  size_t *chars = ctx;
  for (size_t i = 0; i < len; i++)
    *chars += ((unsigned char)s[i] & 0xC0) != 0x80;
  return fixed(NULL, s, len, face, size);
}

/* A line is measured as it grows, each character once: 2,000 Chinese
   characters (each a break opportunity) in lines of 40 ask for about
   2,000 characters' widths, not the 41,000 of measuring every line
   from its start; the lines are those of the whole measure. Trailing
   spaces do not count against the width, a hard line break ends a line,
   and a word too long for the line is cut where it stops fitting. */
START_TEST(t_wrap_linear)
{
  arena *a = arena_new();
  buf b;
  buf_init(&b);
  for (int i = 0; i < 2000; i++)
    buf_puts(&b, i % 2 ? "审" : "能");
  const char **lines;
  size_t chars = 0;
  size_t n = layout_wrap(a, b.data, 400, FACE_REGULAR, 10, counted, &chars,
                         &lines);
  ck_assert_uint_eq(n, 50);
  for (size_t i = 0; i < n; i++)
    ck_assert_uint_eq(strlen(lines[i]), 40 * 3);
  /* each character once, plus the one that did not fit at each line's
     end and the first line measured once more to see the text does not
     fit whole */
  ck_assert_uint_le(chars, 2000 + 50 + 41);
  buf_fini(&b);
  /* at width 20 (4 ASCII) "ab" fits, "ab cd" does not; "cd" and the
     spaces after it fit, "cd   ef" does not */
  n = layout_wrap(a, "ab cd   ef", 20, FACE_REGULAR, 10, fixed, NULL, &lines);
  ck_assert_uint_eq(n, 3);
  ck_assert_str_eq(lines[0], "ab");
  ck_assert_str_eq(lines[1], "cd");
  ck_assert_str_eq(lines[2], "ef");
  n = layout_wrap(a, "abcd  \nef gh", 20, FACE_REGULAR, 10, fixed, NULL,
                  &lines);
  ck_assert_uint_eq(n, 3);
  ck_assert_str_eq(lines[0], "abcd");
  ck_assert_str_eq(lines[1], "ef");
  ck_assert_str_eq(lines[2], "gh");
  /* a text that fits whole is one line, without its outer spaces; a
     hard line break still ends a line; only spaces is one empty line */
  n = layout_wrap(a, "  能源 ab  ", 100, FACE_REGULAR, 10, fixed, NULL, &lines);
  ck_assert_uint_eq(n, 1);
  ck_assert_str_eq(lines[0], "能源 ab");
  n = layout_wrap(a, "ab\ncd", 100, FACE_REGULAR, 10, fixed, NULL, &lines);
  ck_assert_uint_eq(n, 2);
  ck_assert_str_eq(lines[0], "ab");
  ck_assert_str_eq(lines[1], "cd");
  n = layout_wrap(a, "   ", 100, FACE_REGULAR, 10, fixed, NULL, &lines);
  ck_assert_uint_eq(n, 1);
  ck_assert_str_eq(lines[0], "");
  chars = 0;
  n = layout_wrap(a, "能源abcdefghijklmnop", 40, FACE_REGULAR, 10, counted,
                  &chars, &lines);
  ck_assert_uint_eq(n, 3);
  ck_assert_str_eq(lines[0], "能源");
  ck_assert_str_eq(lines[1], "abcdefgh");
  ck_assert_str_eq(lines[2], "ijklmnop");
  arena_free(a);
}
END_TEST

/* A document of one table t (with the chapter heading before it when
   heading), laid out in Chinese with the fixed measure. */
static layout *lay_table(arena *a, doc_table *t, bool heading)
{
  t->caption.zh = "测试表";
  t->caption.en = "Test table";
  doc_block *blocks = ARENA_ARRAY(a, doc_block, 2);
  memset(blocks, 0, 2 * sizeof *blocks);
  size_t n = 0;
  if (heading) {
    blocks[n].kind = DOC_HEADING;
    blocks[n].level = 1;
    blocks[n].numbered = true;
    blocks[n].text.zh = "第一章";
    blocks[n].text.en = "Chapter";
    n++;
  }
  blocks[n].kind = DOC_TABLE;
  blocks[n].table = t;
  doc *d = ARENA_NEW(a, doc);
  memset(d, 0, sizeof *d);
  d->blocks = blocks;
  d->n = n + 1;
  d->short_name.zh = d->short_name.en = "X";
  d->title.zh = d->title.en = "T";
  lay_style st = lay_default_style();
  return layout_run(a, d, &st, LANG_ZH, fixed, NULL);
}

/* A 120-row table splits over pages, each continuation under its header. */
START_TEST(t_table_split)
{
  arena *a = arena_new();
  doc_table t;
  memset(&t, 0, sizeof t);
  doc_text head[2] = {{"名称", "Name"}, {"数值", "Value"}};
  doc_align align[2] = {ALIGN_LEFT, ALIGN_NUMBER};
  double weight[2] = {3, 1};
  size_t rows = 120;
  doc_text *cells = calloc(rows * 2, sizeof *cells);
  for (size_t r = 0; r < rows; r++) {
    cells[2 * r].zh = cells[2 * r].en = arena_printf(a, "行%zu", r);
    cells[2 * r + 1].zh = cells[2 * r + 1].en = arena_printf(a, "%zu.00", r);
  }
  t.ncols = 2;
  t.header = head;
  t.align = align;
  t.weight = weight;
  t.cells = cells;
  t.nrows = rows;
  layout *lay = lay_table(a, &t, true);
  lay_style st = lay_default_style();
  ck_assert_uint_ge(lay->n, 3);
  size_t seen_rows = 0;
  for (size_t p = 0; p < lay->n; p++) {
    bool header = false, body = false;
    double header_y = 0, first_row_y = 1e9;
    for (size_t i = 0; i < lay->pages[p].n; i++) {
      const lay_box *b = &lay->pages[p].boxes[i];
      if (b->kind != BOX_TEXT)
        continue;
      ck_assert(b->x >= 0 && b->x <= st.page_w && b->y >= 0 && b->y <= st.page_h);
      if (strcmp(b->text, "名称") == 0) {
        header = true;
        header_y = b->y;
      }
      if (strncmp(b->text, "行", 3) == 0) {
        body = true;
        seen_rows++;
        if (b->y < first_row_y)
          first_row_y = b->y;
      }
    }
    /* every page with rows has the header above them */
    if (body) {
      ck_assert_msg(header, "page %zu has rows but no header", p + 1);
      ck_assert(header_y > first_row_y);
    }
  }
  ck_assert_uint_eq(seen_rows, rows);
  /* the footer counts pages: "第 1 页 / 共 N 页" */
  char want[64];
  snprintf(want, sizeof want, "第 1 页 / 共 %zu 页", lay->n);
  bool footer = false;
  for (size_t i = 0; i < lay->pages[0].n; i++)
    if (lay->pages[0].boxes[i].kind == BOX_TEXT &&
        strcmp(lay->pages[0].boxes[i].text, want) == 0)
      footer = true;
  ck_assert_msg(footer, "no footer \"%s\"", want);
  free(cells);
  arena_free(a);
}
END_TEST

/* A figure never breaks inside: the benchmark table of the aluminium
   report printed "13,100.0" over "0" in a column of weight 1.8 of 16.8.
   Here a 14-character figure (63 pt at the fixed measure's 4.5 pt a
   character) in the five number columns of weights 1.8 to 2.1 (52 to 60
   pt, less 6 pt of padding): they take the width from the text columns
   and each figure is set whole, on one line. */
START_TEST(t_table_numbers_whole)
{
  arena *a = arena_new();
  doc_table t;
  memset(&t, 0, sizeof t);
  enum { NC = 8, NR = 3 };
  doc_text head[NC] = {{"产品", "Product"}, {"指标", "Indicator"},
                       {"实际值", "Actual"}, {"1级", "Grade 1"},
                       {"2级", "Grade 2"}, {"3级", "Grade 3"},
                       {"等级", "Grade"},  {"潜力", "Potential"}};
  doc_align align[NC] = {ALIGN_LEFT,   ALIGN_LEFT,   ALIGN_NUMBER,
                         ALIGN_NUMBER, ALIGN_NUMBER, ALIGN_NUMBER,
                         ALIGN_CENTER, ALIGN_NUMBER};
  double weight[NC] = {2.4, 3.4, 1.9, 1.8, 1.8, 1.9, 1.7, 2.1};
  doc_text cells[NC * NR];
  const char *fig = "123,456,789.00";
  for (size_t r = 0; r < NR; r++)
    for (size_t c = 0; c < NC; c++) {
      const char *x = align[c] == ALIGN_NUMBER ? fig
                      : c == 6                  ? "3级"
                          : "重熔用铝锭综合交流电耗（kWh/t）";
      cells[r * NC + c].zh = cells[r * NC + c].en = x;
    }
  t.ncols = NC;
  t.header = head;
  t.align = align;
  t.weight = weight;
  t.cells = cells;
  t.nrows = NR;
  layout *lay = lay_table(a, &t, false);
  size_t whole = 0;
  for (size_t p = 0; p < lay->n; p++)
    for (size_t i = 0; i < lay->pages[p].n; i++) {
      const lay_box *b = &lay->pages[p].boxes[i];
      if (b->kind != BOX_TEXT || strncmp(b->text, "123,", 4) != 0)
        continue;
      ck_assert_str_eq(b->text, fig);
      whole++;
    }
  /* five number columns × three rows, each figure one box */
  ck_assert_uint_eq(whole, 5 * NR);
  arena_free(a);
}
END_TEST

START_TEST(t_ticks)
{
  double first, step;
  /* 0..173,848 in about five steps: 50,000 (1, 2, 5 × 10^k) */
  chart_ticks(0, 173848, 5, &first, &step);
  ck_assert_double_eq(step, 50000);
  ck_assert_double_eq(first, 0);
  /* -884..0: 200 */
  chart_ticks(-884, 0, 5, &first, &step);
  ck_assert_double_eq(step, 200);
  ck_assert_double_eq(first, -1000);
  /* 0.03..0.07: 0.01 */
  chart_ticks(0.03, 0.07, 5, &first, &step);
  ck_assert_double_eq_tol(step, 0.01, 1e-15);
}
END_TEST


/* Charts are robust by themselves: whatever the series (NaN, infinities,
   1e300, −1e300, 0, tiny), chart_draw gives a bounded number of commands,
   all finite and inside the box, and draws nothing from an infinity or
   an absurd magnitude, saying so instead. */
static void check_drawing(const ch_drawing *d, const char *what)
{
  ck_assert_msg(d->n < 5000, "%s: %zu commands", what, d->n);
  for (size_t i = 0; i < d->n; i++) {
    const ch_cmd *m = &d->cmds[i];
    double xs[] = {m->x, m->y, m->w, m->h};
    for (int k = 0; k < 4; k++)
      ck_assert_msg(isfinite(xs[k]), "%s: command %zu not finite", what, i);
    if (m->kind == CH_RECT)
      ck_assert_msg(m->x >= -0.01 && m->y >= -0.01 &&
                        m->x + m->w <= d->w + 0.01 &&
                        m->y + m->h <= d->h + 0.01,
                    "%s: rect %zu outside the box", what, i);
    for (size_t k = 0; m->kind == CH_POLY && k < 2 * m->npts; k++)
      ck_assert_msg(isfinite(m->pts[k]), "%s: polygon %zu not finite", what,
                    i);
  }
}

static bool omitted(const ch_drawing *d)
{
  return d->n == 1 && d->cmds[0].kind == CH_TEXT &&
         strstr(d->cmds[0].text, "Chart omitted") != NULL;
}

START_TEST(t_chart_hostile)
{
  static const double vals[] = {NAN, INFINITY, -INFINITY, 1e300, -1e300,
                                0,   1e-300,   -1,        1e15,  -1e15};
  static const chart_kind kinds[] = {CHART_STACKED_BARS, CHART_DONUT,
                                     CHART_HBARS,        CHART_BANDS,
                                     CHART_MACC,         CHART_FLOW,
                                     CHART_TREND,        CHART_WATERFALL};
  arena *a = arena_new();
  size_t nv = sizeof vals / sizeof *vals;
  for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++)
    for (size_t x = 0; x < nv; x++)
      for (size_t y = 0; y < nv; y++) {
        /* three categories, four series: every value at two places and a
           sane one (10) beside them */
        doc_chart ch = {kinds[k], {"c", "c"}, "t", 3, 4,
            NULL, NULL, NULL, NULL, NULL};
        ch.cats = ARENA_ARRAY(a, doc_text, 3);
        ch.sers = ARENA_ARRAY(a, doc_text, 4);
        for (int i = 0; i < 3; i++)
          ch.cats[i] = (doc_text){"类", "cat"};
        for (int i = 0; i < 4; i++)
          ch.sers[i] = (doc_text){"系", "ser"};
        ch.values = ARENA_ARRAY(a, double, 12);
        for (int i = 0; i < 12; i++)
          ch.values[i] = i % 3 == 0 ? vals[x] : i % 3 == 1 ? vals[y] : 10;
        if (kinds[k] == CHART_FLOW) {
          ch.nser = 3; /* values[t * 3 + f] */
        }
        char what[64];
        snprintf(what, sizeof what, "kind %zu, %g and %g", k, vals[x],
                 vals[y]);
        ch_drawing *d = chart_draw(a, &ch, 481.9, 190, LANG_EN, fixed, NULL);
        check_drawing(d, what);
        bool absurd = isinf(vals[x]) || isinf(vals[y]) ||
                      fabs(vals[x]) > 1e15 || fabs(vals[y]) > 1e15;
        ck_assert_msg(omitted(d) == absurd, "%s: omitted %d", what,
                      omitted(d));
      }
  /* counts: too many categories, too few series for the kind */
  doc_chart big = {CHART_FLOW, {"c", "c"}, "t", 5000, 5000,
      NULL, NULL, NULL, NULL, NULL};
  ck_assert(omitted(chart_draw(a, &big, 400, 200, LANG_EN, fixed, NULL)));
  doc_chart few = {CHART_BANDS, {"c", "c"}, "t", 2, 1,
      NULL, NULL, NULL, NULL, NULL};
  few.cats = ARENA_ARRAY(a, doc_text, 2);
  few.values = ARENA_ARRAY(a, double, 2);
  ck_assert(omitted(chart_draw(a, &few, 400, 200, LANG_EN, fixed, NULL)));
  /* no box: nothing */
  ck_assert_uint_eq(chart_draw(a, &few, 0, NAN, LANG_EN, fixed, NULL)->n, 0);
  /* a flow with 60 nodes in one column has no room for its gaps */
  doc_chart many = {CHART_FLOW, {"c", "c"}, "t", 61, 61,
      NULL, NULL, NULL, NULL, NULL};
  many.cats = ARENA_ARRAY(a, doc_text, 61);
  many.sers = many.cats;
  many.values = ARENA_ARRAY(a, double, 61 * 61);
  for (int i = 0; i < 61; i++)
    many.cats[i] = (doc_text){"节点", "node"};
  for (int i = 1; i < 61; i++)
    many.values[i * 61] = 1; /* node 0 to every other */
  ch_drawing *d = chart_draw(a, &many, 481.9, 230, LANG_EN, fixed, NULL);
  check_drawing(d, "61 nodes");
  ck_assert(omitted(d));
  arena_free(a);
  /* ticks from any range: a finite positive step */
  double first, step;
  double los[] = {NAN, -INFINITY, -1e300, 0, 1e15, 1e-300};
  double his[] = {NAN, INFINITY, 1e300, 0, 1e15 + 0.125, 2e-300};
  for (size_t i = 0; i < 6; i++)
    for (size_t j = 0; j < 6; j++) {
      chart_ticks(los[i], his[j], 5, &first, &step);
      ck_assert(isfinite(first) && isfinite(step) && step > 0);
    }
}
END_TEST

/* The series handed to charts: a flow of 300 nodes (a facility of
   hundreds of top-level units) gathers no 300 × 300 values, and the chart
   says it is omitted; a null in the monthly series is a missing value. */
START_TEST(t_charts_many)
{
  arena *a = arena_new();
  value *root = val_obj(a);
  value *energy = val_set(a, root, "energy", val_obj(a));
  value *flow = val_set(a, energy, "flow", val_obj(a));
  value *nodes = val_set(a, flow, "nodes", val_arr(a));
  val_set(a, flow, "links", val_arr(a));
  for (int i = 0; i < 300; i++) {
    value *n = val_obj(a);
    val_set_str(a, n, "id", arena_printf(a, "u%d", i));
    val_set_num(a, n, "tce", 1);
    val_push(a, nodes, n);
  }
  doc_chart *c = charts_build(a, "flow", root);
  ck_assert_uint_eq(c->ncat, 300);
  ck_assert_ptr_null(c->values);
  ck_assert(omitted(chart_draw(a, c, 481.9, 230, LANG_EN, fixed, NULL)));
  value *mo = val_set(a, energy, "monthly", val_obj(a));
  value *months = val_set(a, mo, "months", val_arr(a));
  val_push(a, months, val_str(a, "2016-01"));
  val_push(a, months, val_str(a, "2016-02"));
  value *cs = val_set(a, mo, "carriers", val_arr(a));
  value *cv = val_obj(a);
  val_push(a, cs, cv);
  val_set_str(a, cv, "carrier", "electricity");
  value *t = val_set(a, cv, "tce", val_arr(a));
  val_push(a, t, val_null(a));
  val_push(a, t, val_num(a, 5));
  c = charts_build(a, "monthly", root);
  ck_assert(isnan(c->values[0]));
  ck_assert_double_eq(c->values[1], 5);
  arena_free(a);
}
END_TEST

static const char *const chart_samples[] = {"cement-plant", "power-plant",
                                            "aluminium-smelter"};

static void sample_results(tu_run *r, const char *name)
{
  tu_open(r);
  const char *path = arena_printf(r->a, "%s/samples/%s.yaml", tu_root(), name);
  bool io;
  r->m = model_load(r->a, r->dl, r->u, r->f, path, path, &io);
  ck_assert_ptr_nonnull(r->m);
  r->results = calc_run(r->a, r->dl, r->m, r->f, name);
  ck_assert_ptr_nonnull(r->results);
}

/* The energy flow balances at every node: what enters a conversion unit
   or a carrier's distribution leaves it; each source's links (purchase,
   recovered heat) add up to its tce; each end use, loss and export node
   receives its tce; and the stage of every node is one of the diagram's. */
START_TEST(t_flow_balances)
{
  tu_run r;
  sample_results(&r, chart_samples[_i]);
  const value *nodes = val_path(r.results, "energy.flow.nodes");
  const value *lk = val_path(r.results, "energy.flow.links");
  ck_assert_uint_gt(nodes->n, 1);
  for (size_t i = 0; i < nodes->n; i++) {
    const char *id = val_get(nodes->items[i], "id")->str;
    const char *stage = val_get(nodes->items[i], "stage")->str;
    double in = 0, out = 0;
    for (size_t l = 0; l < lk->n; l++) {
      if (strcmp(val_get(lk->items[l], "from")->str, id) == 0)
        out += val_get(lk->items[l], "tce")->num;
      if (strcmp(val_get(lk->items[l], "to")->str, id) == 0)
        in += val_get(lk->items[l], "tce")->num;
    }
    double want = val_get(nodes->items[i], "tce")->num;
    if (strcmp(stage, "purchase") == 0)
      ck_assert_msg(fabs(out - want) <= 1e-9 * want, "%s: out %g vs %g", id,
                    out, want);
    else if (strcmp(stage, "conversion") == 0 ||
             strcmp(stage, "distribution") == 0)
      ck_assert_msg(fabs(in - out) <= 1e-9 * want && fabs(in - want) <= 1e-9 * want,
                    "%s: in %g out %g", id, in, out);
    else
      ck_assert_msg(fabs(in - want) <= 1e-9 * want, "%s: in %g vs %g", id, in,
                    want);
  }
  /* and the whole: purchases = end uses + losses + exports */
  double src = 0, sink = 0;
  for (size_t i = 0; i < nodes->n; i++) {
    const char *stage = val_get(nodes->items[i], "stage")->str;
    double t = val_get(nodes->items[i], "tce")->num;
    if (strcmp(stage, "purchase") == 0)
      src += t;
    else if (strcmp(stage, "end_use") == 0 || strcmp(stage, "loss") == 0 ||
             strcmp(stage, "export") == 0)
      sink += t;
    else
      ck_assert_msg(strcmp(stage, "conversion") == 0 ||
                        strcmp(stage, "distribution") == 0,
                    "stage %s", stage);
  }
  ck_assert_msg(fabs(src - sink) <= 1e-9 * src, "sources %g, sinks %g", src,
                sink);
  tu_close(&r);
}
END_TEST

/* Chart geometry, dumped as text, against tests/golden/NAME.charts.txt
   (AUDITGEN_GOLDEN_UPDATE=1 rewrites; ./build.sh golden-update). Every
   command must lie inside its box. */
START_TEST(t_chart_golden)
{
  static const char *const kinds[] = {"monthly", "structure", "flow",
                                      "benchmark", "carbon", "macc"};
  const char *name = chart_samples[_i];
  tu_run r;
  sample_results(&r, name);
  buf out;
  buf_init(&out);
  for (size_t k = 0; k < 6; k++) {
    doc_chart *c = charts_build(r.a, kinds[k], r.results);
    ch_drawing *d = chart_draw(r.a, c, 481.9, 190, LANG_ZH, fixed, NULL);
    buf_printf(&out, "== %s\n", kinds[k]);
    chart_dump(d, &out);
    for (size_t i = 0; i < d->n; i++) {
      const ch_cmd *m = &d->cmds[i];
      if (m->kind == CH_RECT)
        ck_assert_msg(m->x >= -0.01 && m->y >= -0.01 &&
                          m->x + m->w <= d->w + 0.01 && m->y + m->h <= d->h + 0.01,
                      "%s %s: a rect outside the box", name, kinds[k]);
    }
  }
  char path[600];
  snprintf(path, sizeof path, "%s/tests/golden/%s.charts.txt", tu_root(), name);
  if (getenv("AUDITGEN_GOLDEN_UPDATE")) {
    FILE *f = fopen(path, "wb");
    fwrite(out.data, 1, out.len, f);
    fclose(f);
  } else {
    char *gold = tu_slurp(path, NULL);
    ck_assert_msg(gold != NULL, "no %s", path);
    ck_assert_msg(strcmp(gold, out.data) == 0, "%s: chart geometry differs "
                                               "from %s",
                  name, path);
    free(gold);
  }
  buf_fini(&out);
  tu_close(&r);
}
END_TEST

/* }====================================================== */
/* {====================================================== templates */


static int by_name(const struct dirent **a, const struct dirent **b)
{
  return strcmp((*a)->d_name, (*b)->d_name);
}

static int only_dirs(const struct dirent *d)
{
  return d->d_name[0] != '.' && d->d_type == DT_DIR;
}

/* tests/bad-templates/NAME/report.tpl must fail with NAME.err exactly,
   exit 1, and write no PDF; a forms-* case (the filing forms, which only
   a workbook has and reads) no workbook. */
START_TEST(t_bad_templates)
{
  char dir[512];
  snprintf(dir, sizeof dir, "%s/tests/bad-templates", tu_root());
  struct dirent **list;
  int n = scandir(dir, &list, only_dirs, by_name);
  ck_assert_msg(n >= 8, "tests/bad-templates has %d cases", n);
  char tmp[] = "/tmp/auditgen-tpl-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(tmp));
  char out[128];
  int failures = 0;
  for (int i = 0; i < n; i++) {
    snprintf(out, sizeof out, "%s/r.%s", tmp,
             strncmp(list[i]->d_name, "forms-", 6) == 0 ? "xlsx" : "pdf");
    char rel[300], errpath[800];
    snprintf(rel, sizeof rel, "tests/bad-templates/%s", list[i]->d_name);
    snprintf(errpath, sizeof errpath, "%s/%s.err", dir, list[i]->d_name);
    const char *argv[] = {tu_bin(), "report", "samples/cement-plant.yaml",
                          "--templates", rel, "-o", out, NULL};
    char *o, *e;
    int rc = tu_exec(argv, tu_root(), &o, &e);
    char *want = tu_slurp(errpath, NULL);
    struct stat st;
    bool wrote = stat(out, &st) == 0;
    if (rc != 1 || wrote || !want || strcmp(want, e) != 0) {
      failures++;
      fprintf(stderr, "bad template %s: exit %d, pdf %s\n--- want\n%s--- got\n%s",
              rel, rc, wrote ? "WRITTEN" : "absent", want ? want : "(none)\n", e);
      unlink(out);
    }
    free(o);
    free(e);
    free(want);
    free(list[i]);
  }
  free(list);
  rmdir(tmp);
  ck_assert_msg(failures == 0, "%d bad templates failed", failures);
}
END_TEST

/* Templates too large to keep in the repository, written at run time:
   nesting far past what the stack would take without the bounds. Each
   must fail cleanly (exit 1, the message at the place, no PDF). */
static char *repeated(const char *head, const char *unit, size_t n,
                      const char *tail)
{
  size_t hl = strlen(head), ul = strlen(unit), tl = strlen(tail);
  char *s = malloc(hl + ul * n + tl + 1);
  memcpy(s, head, hl);
  for (size_t i = 0; i < n; i++)
    memcpy(s + hl + i * ul, unit, ul);
  memcpy(s + hl + ul * n, tail, tl + 1);
  return s;
}

static const struct {
  const char *head, *unit, *tail;
  size_t n;
  const char *want; /* in stderr after the template's path */
} huge_templates[] = {
    {"zh: {{", "-", "1}}\n", 1000000,
     "/report.tpl:1:106: error: expression nested deeper than 100\n"},
    {"zh: {{", "not ", "true}}\n", 500000,
     "/report.tpl:1:403: error: expression nested deeper than 100\n"},
    {"{% if ", "(", "true %}\n{% endif %}\n", 1000000,
     "/report.tpl:1:107: error: expression nested deeper than 100\n"},
    {"zh: {{1", " + 1", "}}\n", 500000,
     "/report.tpl:1:405: error: expression nested deeper than 100\n"},
    {"", "{% if true %}\n", "", 190000,
     "/report.tpl:33:4: error: blocks nested deeper than 32\n"},
    {"", "{% for energy.carriers %}\n", "", 150000,
     "/report.tpl:33:4: error: blocks nested deeper than 32\n"},
};

START_TEST(t_huge_templates)
{
  char dir[] = "/tmp/auditgen-huge-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  char tpl[128], pdf[128];
  snprintf(tpl, sizeof tpl, "%s/report.tpl", dir);
  snprintf(pdf, sizeof pdf, "%s/r.pdf", dir);
  char *text = repeated(huge_templates[_i].head, huge_templates[_i].unit,
                        huge_templates[_i].n, huge_templates[_i].tail);
  FILE *f = fopen(tpl, "w");
  ck_assert_ptr_nonnull(f);
  fputs(text, f);
  fclose(f);
  free(text);
  const char *argv[] = {tu_bin(), "report", "samples/cement-plant.yaml",
                        "--templates", dir, "-o", pdf, NULL};
  char *o, *e;
  int rc = tu_exec(argv, tu_root(), &o, &e);
  struct stat st;
  bool wrote = stat(pdf, &st) == 0;
  unlink(pdf);
  unlink(tpl);
  rmdir(dir);
  ck_assert_msg(rc == 1, "exit %d: %s", rc, e);
  ck_assert(!wrote);
  ck_assert_msg(strstr(e, huge_templates[_i].want) != NULL, "want %s got %s",
                huge_templates[_i].want, e);
  ck_assert_ptr_nonnull(strstr(e, "report: 1 error; nothing written\n"));
  free(o);
  free(e);
}
END_TEST

/* }====================================================== */
/* {====================================================== the PDF */



/* A shell command's exit status and standard output (testutil's tu_sh). */
static int sh(const char *cmd, char **out) { return tu_sh(cmd, out); }

/* A run of text longer than the staging array pdf.c builds literal
   strings in (256 bytes): a line of backslashes, each written escaped
   as two bytes, with parentheses (escaped too) and letters; the text
   extracts as written, the first line in one Tj string of over 256
   bytes. */
START_TEST(t_pdf_long_run)
{
  char dir[] = "/tmp/auditgen-run-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  char tpl[128], pdf[128], cmd[512];
  snprintf(tpl, sizeof tpl, "%s/report.tpl", dir);
  snprintf(pdf, sizeof pdf, "%s/r.pdf", dir);
  char *line = repeated("x", "\\", 130, "()y");
  FILE *f = fopen(tpl, "w");
  ck_assert_ptr_nonnull(f);
  fprintf(f, "# T | T\n\nzh: 测试\nen: %s\n", line);
  fclose(f);
  const char *argv[] = {tu_bin(), "report", "samples/cement-plant.yaml",
                        "--templates", dir, "--lang", "en", "-o", pdf, NULL};
  char *o, *e;
  int rc = tu_exec(argv, tu_root(), &o, &e);
  ck_assert_msg(rc == 0, "exit %d: %s", rc, e);
  free(o);
  free(e);
  snprintf(cmd, sizeof cmd, "pdftotext %s - 2>&1 | tr -d '\\n'", pdf);
  char *out;
  sh(cmd, &out);
  ck_assert_msg(strstr(out, line) != NULL, "%s not in %s", line, out);
  free(out);
  snprintf(cmd, sizeof cmd,
           "qpdf --qdf --object-streams=disable %s - | LC_ALL=C grep -a "
           "'Tj' | awk 'length($0) > 256' | wc -l",
           pdf);
  sh(cmd, &out);
  ck_assert_msg(strtol(out, NULL, 10) >= 1, "no run over 256 bytes: %s", out);
  free(out);
  free(line);
  snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
  sh(cmd, &out);
  free(out);
}
END_TEST


static const char *const samples[] = {"cement-plant", "power-plant",
                                      "aluminium-smelter"};

START_TEST(t_pdf_sample)
{
  const char *name = samples[_i];
  char dir[] = "/tmp/auditgen-pdf-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  char cmd[2048], *out;
  const char *langs[] = {"bilingual", "zh", "en"};
  for (int l = 0; l < 3; l++) {
    snprintf(cmd, sizeof cmd,
             "cd '%s' && SOURCE_DATE_EPOCH=1700000000 '%s' report "
             "samples/%s.yaml --lang %s -o %s/%s.pdf -q 2>&1",
             tu_root(), tu_bin(), name, langs[l], dir, langs[l]);
    ck_assert_msg(sh(cmd, &out) == 0, "%s %s: %s", name, langs[l], out);
    free(out);
    /* qpdf finds no error */
    snprintf(cmd, sizeof cmd, "qpdf --check %s/%s.pdf 2>&1", dir, langs[l]);
    int rc = sh(cmd, &out);
    ck_assert_msg(rc == 0, "qpdf: %s", out);
    free(out);
    /* every stream deflated by pdf.c (libdeflate), none left to libharu's
       zlib, which writes its filter as an array; qpdf above inflated
       them all */
    snprintf(cmd, sizeof cmd,
             "f=%s/%s.pdf; echo $(LC_ALL=C grep -a -o 'stream.$' $f | wc -l) "
             "$(LC_ALL=C grep -a -o '/Filter /FlateDecode' $f | wc -l) "
             "$(LC_ALL=C grep -a -c '/Filter \\[' $f)",
             dir, langs[l]);
    sh(cmd, &out);
    long n_streams = strtol(out, NULL, 10);
    char want_streams[64];
    snprintf(want_streams, sizeof want_streams, "%ld %ld 0\n", n_streams,
             n_streams);
    ck_assert_msg(n_streams > 10 && strcmp(out, want_streams) == 0,
                  "streams, deflated, zlib's: %s", out);
    free(out);
    /* every font embedded */
    snprintf(cmd, sizeof cmd, "pdffonts %s/%s.pdf 2>&1 | tail -n +3", dir,
             langs[l]);
    sh(cmd, &out);
    ck_assert_msg(strlen(out) > 0 && !strstr(out, " no  "), "fonts: %s", out);
    free(out);
    /* every font a true subset: named with a tag, and holding only the
       glyphs drawn (libharu's own "subset" of the CJK face kept all
       49,531 glyph slots: 1,068 KB of font file for the cement sample,
       now 138 KB; the DejaVu faces 150 KB each, now about 20 KB) */
    snprintf(cmd, sizeof cmd,
             "pdffonts %s/%s.pdf 2>&1 | tail -n +3 | awk '$1 !~ "
             "/^[A-Z][A-Z][A-Z][A-Z][A-Z][A-Z]\\+/ || !/ yes yes yes /'",
             dir, langs[l]);
    sh(cmd, &out);
    ck_assert_msg(strlen(out) == 0, "fonts not subset: %s", out);
    free(out);
    snprintf(cmd, sizeof cmd,
             "mkdir %s/x%d && cd %s/x%d && mutool extract ../%s.pdf >/dev/null "
             "2>&1; for f in font-*; do echo \"$f $(wc -c < $f)\"; done",
             dir, l, dir, l, langs[l]);
    sh(cmd, &out);
    int n_fonts = 0;
    for (char *p = out; (p = strstr(p, "font-")) != NULL; n_fonts++) {
      long bytes = strtol(strchr(p, ' ') + 1, &p, 10);
      ck_assert_msg(bytes > 1000 && bytes < 200000, "%s %s: font %s", name,
                    langs[l], out);
    }
    ck_assert_msg(n_fonts == 3, "%s %s: fonts %s", name, langs[l], out);
    free(out);
    /* text extracts without warnings */
    snprintf(cmd, sizeof cmd, "pdftotext %s/%s.pdf - 2>&1 >/dev/null", dir,
             langs[l]);
    sh(cmd, &out);
    ck_assert_msg(strlen(out) == 0, "pdftotext warns: %s", out);
    free(out);
    /* and with MuPDF, whose only remark may be about its own build (no
       ICC colour management in Debian's mutool) */
    snprintf(cmd, sizeof cmd,
             "mutool draw -F txt -o %s/%s.txt %s/%s.pdf 2>&1 | grep -v "
             "-e '^page ' -e 'ICC support is not available'; grep -c "
             "'Page 1 of\\|第 1 页' %s/%s.txt",
             dir, langs[l], dir, langs[l], dir, langs[l]);
    sh(cmd, &out);
    ck_assert_msg(strcmp(out, "1\n") == 0, "mutool: %s", out);
    free(out);
    /* the Latin faces are drawn with codes of their own (one byte for
       ASCII), the CJK face with two-byte Identity-H codes */
    snprintf(cmd, sizeof cmd,
             "pdffonts %s/%s.pdf 2>&1 | tail -n +3 | awk '{print $1, $(NF-5)}'",
             dir, langs[l]);
    sh(cmd, &out);
    ck_assert_msg(strstr(out, "WenQuanYiMicroHei Identity-H\n") &&
                      strstr(out, "DejaVuSans,Book Custom\n") &&
                      strstr(out, "DejaVuSans-Bold,Bold Custom\n"),
                  "encodings: %s", out);
    free(out);
  }
  /* Latin text beyond ASCII (two-byte codes) and ASCII extract as
     written, with Poppler and with MuPDF: 10⁴ (U+2074), × (U+00D7), →
     (U+2192), and the parentheses and backslash a literal string must
     escape */
  snprintf(cmd, sizeof cmd,
           "pdftotext %s/en.pdf - 2>/dev/null | grep -c -e '× 10⁴ CNY' -e "
           "'→' -e '(' ; grep -c -e '× 10⁴ CNY' -e '→' -e '(' %s/en.txt",
           dir, dir);
  sh(cmd, &out);
  long n_poppler = strtol(out, NULL, 10),
       n_mupdf = strtol(strchr(out, '\n') + 1, NULL, 10);
  ck_assert_msg(n_poppler > 10 && n_mupdf > 10, "Latin text: %s", out);
  free(out);
  /* key strings of both languages and key numbers */
  snprintf(cmd, sizeof cmd, "pdftotext %s/bilingual.pdf - 2>/dev/null", dir);
  sh(cmd, &out);
  ck_assert_msg(strstr(out, "综合能耗") != NULL, "no 综合能耗");
  ck_assert_msg(strstr(out, "Energy") != NULL, "no English");
  ck_assert_msg(strstr(out, "第 1 页") != NULL, "no page footer");
  if (strcmp(name, "cement-plant") == 0) {
    ck_assert_msg(strstr(out, "173,743.20") != NULL, "no total tce");
    ck_assert_msg(strstr(out, "浙江华东示范水泥有限公司") != NULL, "no client");
  }
  free(out);
  snprintf(cmd, sizeof cmd, "pdftotext %s/en.pdf - 2>/dev/null", dir);
  sh(cmd, &out);
  ck_assert_msg(strstr(out, "Page 1 of") != NULL, "no English footer");
  free(out);
  /* the Chinese report quotes the Chinese source of every factor, not the
     English one ("as transcribed…", "Annex A", "data year") */
  snprintf(cmd, sizeof cmd, "pdftotext %s/zh.pdf - 2>/dev/null", dir);
  sh(cmd, &out);
  ck_assert_msg(strstr(out, "as transcribed") == NULL &&
                    strstr(out, "data year") == NULL,
                "English factor sources in the Chinese report");
  ck_assert_msg(strstr(out, "附录") != NULL, "no appendix in zh");
  free(out);
  /* the cement sample's bilingual report under 500 KB (issue 14; 914 KB
     with libharu's font subsets, 495 KB before text was written as
     literal strings in shared text objects, 451 KB after) */
  if (strcmp(name, "cement-plant") == 0) {
    struct stat st;
    snprintf(cmd, sizeof cmd, "%s/bilingual.pdf", dir);
    ck_assert_int_eq(stat(cmd, &st), 0);
    ck_assert_msg(st.st_size < 500000, "%lld bytes", (long long)st.st_size);
  }
  /* the same input gives the same bytes */
  snprintf(cmd, sizeof cmd,
           "cd '%s' && SOURCE_DATE_EPOCH=1700000000 '%s' report "
           "samples/%s.yaml -o %s/again.pdf -q && cmp %s/bilingual.pdf "
           "%s/again.pdf 2>&1",
           tu_root(), tu_bin(), name, dir, dir, dir);
  ck_assert_msg(sh(cmd, &out) == 0, "two runs differ: %s", out);
  free(out);
  snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
  sh(cmd, &out);
  free(out);
}
END_TEST

/* The worked-calculation appendix is the calc traces: the result row of
   each explain table equals the JSON value, shown to six significant
   figures; and the exercise version blanks every computed figure. */
START_TEST(t_appendix_and_exercise)
{
  tu_run r;
  sample_results(&r, "cement-plant");
  checks_run(r.a, r.checks, r.results, r.dl);
  tmpl *t = tmpl_load(r.a, r.dl, r.u,
                      arena_printf(r.a, "%s/templates", tu_root()),
                      "report.tpl");
  ck_assert_ptr_nonnull(t);
  doc *d = tmpl_expand(r.a, r.dl, t, r.results, false);
  int found = 0;
  for (size_t i = 0; i < d->n; i++) {
    const doc_block *b = &d->blocks[i];
    if (b->kind != DOC_TABLE || !b->table->caption.en ||
        !strstr(b->table->caption.en, "Total energy consumption (equivalent "
                                      "value): Σ each carrier in tce"))
      continue;
    const doc_table *tb = b->table;
    /* energy.total_tce = 173,743.199106 → "173,743.2" (eight significant
       figures, the trailing zero dropped) */
    ck_assert_str_eq(tb->cells[(tb->nrows - 1) * 4 + 1].zh, "173,743.2");
    /* the first term: raw coal 160,503.534578 → "160,503.53" */
    ck_assert_str_eq(tb->cells[1].zh, "160,503.53");
    found++;
  }
  ck_assert_int_eq(found, 1);
  checks_blank_texts(r.a, r.results);
  doc *x = tmpl_expand(r.a, r.dl, t, r.results, true);
  bool blank = false, leaked = false;
  for (size_t i = 0; i < x->n; i++) {
    const doc_block *b = &x->blocks[i];
    ck_assert_int_ne(b->kind, DOC_CHART);
    if (b->kind == DOC_PARA && b->text.zh && strstr(b->text.zh, "173,848.24"))
      leaked = true;
    if (b->kind == DOC_TABLE)
      for (size_t k = 0; k < b->table->nrows * b->table->ncols; k++) {
        const char *c = b->table->cells[k].zh;
        blank |= c && strstr(c, "________") != NULL;
        leaked |= c && strstr(c, "173,848.24") != NULL;
      }
  }
  ck_assert(blank);
  ck_assert_msg(!leaked, "the exercise shows the total energy");
  tu_close(&r);
}
END_TEST

/* A key-value row may give its English value and unit apart; a row
   without them shows the same text in both languages. */
START_TEST(t_keyvalue_languages)
{
  tu_run r;
  sample_results(&r, "cement-plant");
  char dir[] = "/tmp/auditgen-kv-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  const char *tpl = arena_printf(r.a, "%s/report.tpl", dir);
  FILE *f = fopen(tpl, "w");
  ck_assert_ptr_nonnull(f);
  fputs("{% keyvalue | 基本情况 | General data %}\n"
        "| 地址 | Address | {{facility.address.zh}} | | "
        "{{facility.address.en}} |\n"
        "| 工业总产值 | Output | {{facility.output_value_10k_cny|0.00}} | 万元 "
        "| | 10⁴ CNY\n"
        "| 所属行业 | Industry | {{facility.industry_name.zh}} | | "
        "{{facility.industry_name.en}}\n"
        "| 综合能耗 | Energy | {{energy.total_tce|0.00}} | tce\n"
        "{% endkeyvalue %}\n",
        f);
  fclose(f);
  tmpl *t = tmpl_load(r.a, r.dl, r.u, dir, "report.tpl");
  if (!t)
    diag_print(r.dl, stderr, true);
  ck_assert_ptr_nonnull(t);
  doc *d = tmpl_expand(r.a, r.dl, t, r.results, false);
  ck_assert_int_eq(d->n, 1);
  const doc_table *tb = d->blocks[0].table;
  ck_assert_int_eq(tb->nrows, 4);
  ck_assert_str_eq(tb->cells[1].zh, "浙江省湖州市长兴县煤山镇示范路88号");
  ck_assert_str_eq(tb->cells[1].en, "88 Shifan Road, Meishan Town, Changxing "
                                    "County, Huzhou, Zhejiang");
  ck_assert_str_eq(tb->cells[3].zh, "56,820.00 万元");
  ck_assert_str_eq(tb->cells[3].en, "56,820.00 10⁴ CNY");
  ck_assert_str_eq(tb->cells[5].zh, "水泥制造");
  ck_assert_str_eq(tb->cells[5].en, "Cement manufacturing");
  ck_assert_str_eq(tb->cells[7].zh, "173,743.20 tce");
  ck_assert(tb->cells[7].en == NULL || strcmp(tb->cells[7].en, tb->cells[7].zh) == 0);
  unlink(tpl);
  rmdir(dir);
  tu_close(&r);
}
END_TEST

/* }====================================================== */

Suite *report_suite(void)
{
  Suite *s = suite_create("report");
  TCase *tc = tcase_create("layout");
  tcase_add_test(tc, t_breaks);
  tcase_add_test(tc, t_breaks_malformed);
  tcase_add_test(tc, t_wrap);
  tcase_add_test(tc, t_wrap_linear);
  tcase_add_test(tc, t_table_split);
  tcase_add_test(tc, t_table_numbers_whole);
  tcase_add_test(tc, t_ticks);
  tcase_add_test(tc, t_chart_hostile);
  tcase_add_test(tc, t_charts_many);
  tcase_add_loop_test(tc, t_flow_balances, 0, 3);
  tcase_add_loop_test(tc, t_chart_golden, 0, 3);
  tcase_add_test(tc, t_appendix_and_exercise);
  tcase_add_test(tc, t_keyvalue_languages);
  suite_add_tcase(s, tc);
  tc = tcase_create("pdf");
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, t_bad_templates);
  tcase_add_loop_test(tc, t_huge_templates, 0,
                      (int)(sizeof huge_templates / sizeof *huge_templates));
  tcase_add_loop_test(tc, t_pdf_sample, 0, 3);
  tcase_add_test(tc, t_pdf_long_run);
  suite_add_tcase(s, tc);
  return s;
}
