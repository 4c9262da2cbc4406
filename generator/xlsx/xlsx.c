/* xlsx.c — the report's tables as a workbook (see xlsx.h).
 *
 * What goes in which cell, in which style, how wide and how tall: the
 * workbook itself is written in memory by xlw.c, and the caller writes
 * the bytes atomically as for every other format. */
#include "xlsx.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/utf8.h"
#include "../template/docnum.h"
#include "xlw.h"

#define SHEET_NAME_MAX 31   /* Excel's limit, in characters */
#define COL_WIDTH_MAX 60.0  /* characters */
/* A row's height for its lines of wrapped 11 pt text: LibreOffice draws
   a line of DejaVu Sans in about 13 pt and a line of Chinese (WenQuanYi)
   in about 14 (measured in its PDF of the workbook), and keeps the height
   a row is given, clipping what does not fit; 16 a line and 4 for the
   cell's margins leave room for both and for Excel's Calibri. */
#define LINE_PT 16.0
#define ROW_PAD 4.0
/* Bold text is wider: its lines are counted at this much more width. */
#define BOLD_WIDTH 1.1

typedef struct X {
  arena *a;
  diag_list *dl;
  xlw_book *wb;
  lay_lang lang;
  int title, head, text, bold_text; /* styles (xlw.h) */
  const char **sheets;     /* names given so far */
  const char **captions;   /* what each holds, for the contents */
  size_t n_sheets, cap_sheets, cap_captions;
  struct {
    const char *excel;
    bool bold, boxed;
    int f;
  } * nfmt;                /* number formats made so far */
  size_t n_nfmt, cap_nfmt;
} X;

static const char *pick(const X *x, doc_text t)
{
  const char *zh = t.zh ? t.zh : "", *en = t.en ? t.en : zh;
  if (x->lang == LANG_EN)
    return en;
  if (x->lang == LANG_BILINGUAL && strcmp(zh, en) != 0)
    return arena_printf(x->a, "%s\n%s", zh, en);
  return zh;
}

/* {====================================================== formats */

const char *xlsx_num_format(arena *a, const char *fmt, const char *suffix)
{
  const char *base;
  if (!fmt)
    base = "#,##0.00"; /* the templates' default: two decimals */
  else if (strcmp(fmt, "#") == 0)
    base = "0";
  else if (fmt[0] == '%' || fmt[0] == '0') {
    bool pct = fmt[0] == '%';
    const char *f = pct ? fmt + 1 : fmt;
    int dec = pct ? 1 : 0;
    if (*f == '0') {
      const char *dot = strchr(f, '.');
      dec = dot ? (int)strlen(dot + 1) : 0;
    } else if (*f) {
      return NULL;
    }
    for (const char *q = f; *q; q++)
      if (*q != '0' && *q != '.')
        return NULL;
    if (dec > 9)
      return NULL;
    base = arena_printf(a, "%s%s%.*s%s", pct ? "0" : "#,##0", dec ? "." : "",
                        dec, "000000000", pct ? "%" : "");
  } else {
    return NULL;
  }
  if (!suffix || !*suffix)
    return base;
  /* the unit as literal text of the format: "#,##0.00\" tce\"" */
  buf q;
  buf_init(&q);
  buf_puts(&q, base);
  buf_putc(&q, '"');
  for (const char *p = suffix; *p; p++)
    if (*p != '"' && *p != '\\' && (unsigned char)*p >= 0x20)
      buf_putc(&q, *p);
  buf_putc(&q, '"');
  const char *r = arena_strdup(a, q.data);
  buf_fini(&q);
  return r;
}

/* A number format, bold or not, boxed (thin borders: a form's cell) or
   not; made once per workbook. */
static int num_format_box(X *x, const char *excel, bool bold,
                                  bool boxed)
{
  for (size_t i = 0; i < x->n_nfmt; i++)
    if (x->nfmt[i].bold == bold && x->nfmt[i].boxed == boxed &&
        strcmp(x->nfmt[i].excel, excel) == 0)
      return x->nfmt[i].f;
  int f = xlw_style_id(
      x->wb, &(xlw_style){.num_format = excel,
                          .valign = boxed ? XLW_V_CENTER : XLW_V_TOP,
                          .border = boxed ? XLW_BORDER_BOX : XLW_BORDER_NONE,
                          .bold = bold});
  if (x->n_nfmt == x->cap_nfmt) {
    x->cap_nfmt = x->cap_nfmt ? 2 * x->cap_nfmt : 16;
    void *bigger = arena_alloc(x->a, x->cap_nfmt * sizeof *x->nfmt);
    if (x->n_nfmt)
      memcpy(bigger, x->nfmt, x->n_nfmt * sizeof *x->nfmt);
    x->nfmt = bigger;
  }
  x->nfmt[x->n_nfmt].excel = excel;
  x->nfmt[x->n_nfmt].bold = bold;
  x->nfmt[x->n_nfmt].boxed = boxed;
  x->nfmt[x->n_nfmt++].f = f;
  return f;
}

static int num_format(X *x, const char *excel, bool bold)
{
  return num_format_box(x, excel, bold, false);
}

/* }====================================================== */
/* {====================================================== names, widths */

/* Display width in Excel's character units of the bytes p..end (one
   line): a CJK character takes two. */
static double line_width(const unsigned char *p, const unsigned char *end)
{
  double w = 0;
  while (p < end) {
    if (*p < 0x80) { /* ASCII, most of a table */
      w += 1.1;
      p++;
      continue;
    }
    size_t n = utf8_char_len((const char *)p, (size_t)(end - p));
    w += n >= 3 ? 2 : 1.1;
    p += n ? n : 1;
  }
  return w;
}

/* The width of s's widest line. */
static double text_width(const char *s)
{
  double w = 0;
  const unsigned char *p = (const unsigned char *)s;
  for (;;) {
    const unsigned char *e = p + strcspn((const char *)p, "\n");
    w = fmax(w, line_width(p, e));
    if (!*e)
      return w;
    p = e + 1;
  }
}

/* Lines a text takes in a column of width w (characters): each of its
   lines, wrapped; bold text counted wider. */
static double lines_in(const char *s, double w, bool bold)
{
  double n = 0, room = fmax(1, w - 1) / (bold ? BOLD_WIDTH : 1);
  const unsigned char *p = (const unsigned char *)s;
  for (;;) {
    const unsigned char *e = p + strcspn((const char *)p, "\n");
    n += fmax(1, ceil(line_width(p, e) / room));
    if (!*e)
      return n;
    p = e + 1;
  }
}

/* The height of a row of lines (at most cap) of wrapped text. */
static double row_height(double lines, double cap)
{
  return LINE_PT * fmin(lines, cap) + ROW_PAD;
}

/* A sheet name Excel accepts: at most 31 characters, none of []:*?/\,
   not starting or ending with an apostrophe, unique in the workbook. */
static const char *sheet_name(X *x, const char *want)
{
  char base[128];
  size_t o = 0, chars = 0;
  for (const unsigned char *p = (const unsigned char *)want; *p && chars < SHEET_NAME_MAX;) {
    size_t n = utf8_char_len((const char *)p, strlen((const char *)p));
    if (!n)
      n = 1;
    if (o + n >= sizeof base)
      break;
    if (n == 1 && (strchr("[]:*?/\\\n\r\t", *p) || *p < 0x20)) {
      base[o++] = *p == '\n' ? ' ' : '_';
    } else {
      memcpy(base + o, p, n);
      o += n;
    }
    p += n;
    chars++;
  }
  while (o && (base[o - 1] == ' ' || base[o - 1] == '\''))
    o--;
  base[o] = '\0';
  if (base[0] == '\'')
    base[0] = '_';
  if (!base[0])
    snprintf(base, sizeof base, "Sheet");
  const char *name = arena_strdup(x->a, base);
  for (int k = 2;; k++) {
    bool taken = false;
    for (size_t i = 0; i < x->n_sheets && !taken; i++)
      taken = strcasecmp(x->sheets[i], name) == 0;
    if (!taken)
      return name;
    /* "…~2": cut the base to leave room */
    char suffix[16];
    snprintf(suffix, sizeof suffix, "~%d", k);
    size_t keep = 0, c = 0;
    for (const unsigned char *p = (const unsigned char *)base;
         *p && c + strlen(suffix) < SHEET_NAME_MAX; c++) {
      size_t n = utf8_char_len((const char *)p, strlen((const char *)p));
      p += n ? n : 1;
      keep = (size_t)((const char *)p - base);
    }
    name = arena_printf(x->a, "%.*s%s", (int)keep, base, suffix);
  }
}

static xlw_sheet *add_sheet(X *x, const char *want, const char *caption)
{
  const char *name = sheet_name(x, want);
  xlw_sheet *ws = xlw_add_sheet(x->wb, name);
  size_t n = x->n_sheets;
  *ARENA_PUSH(x->a, x->captions, n, x->cap_captions) = caption;
  *ARENA_PUSH(x->a, x->sheets, x->n_sheets, x->cap_sheets) = name;
  return ws;
}

/* }====================================================== */
/* {====================================================== a table */

static bool near(double a, double b)
{
  return fabs(a - b) <= 1e-9 * fmax(1.0, fmax(fabs(a), fabs(b)));
}

/* Rows r0..r1-1 of column c all numbers? */
static bool numeric_column(const doc_table *t, size_t c, size_t r0, size_t r1)
{
  if (r1 <= r0)
    return false;
  for (size_t r = r0; r < r1; r++)
    if (!t->nums[r * t->ncols + c].set)
      return false;
  return true;
}

static void write_title(X *x, xlw_sheet *ws, const char *title,
                        size_t ncols, double width);

static void write_table(X *x, const doc_table *t, const char *num)
{
  arena *a = x->a;
  const char *cap = pick(x, t->caption);
  const char *word = x->lang == LANG_EN ? "Table" : "表";
  const char *title = arena_printf(a, "%s %s  %s", word, num, cap);
  const char *first_line = x->lang == LANG_BILINGUAL && t->caption.zh
                               ? t->caption.zh
                               : cap;
  xlw_sheet *ws = add_sheet(
      x, arena_printf(a, "%s%s %s", x->lang == LANG_EN ? "T" : "表", num, first_line),
      title);
  size_t nc = t->ncols;
  double *width = ARENA_ARRAY(a, double, nc);
  /* each cell's text once: the header's after the rows' */
  const char **text = ARENA_ARRAY(a, const char *, (t->nrows + 1) * nc);
  const char **head = text + t->nrows * nc;
  write_title(x, ws, title, nc, 400);
  uint32_t row = 1;
  if (!t->keyvalue) {
    for (size_t c = 0; c < nc; c++) {
      const char *h = head[c] = pick(x, t->header[c]);
      xlw_string(ws, row, (uint32_t)c, h, x->head);
      width[c] = fmin(text_width(h), 24);
    }
    row++;
  }
  uint32_t first = row;
  size_t nr = t->nrows, data_rows = t->last_is_total ? nr - 1 : nr;
  for (size_t r = 0; r < nr; r++, row++) {
    bool total = t->last_is_total && r + 1 == nr;
    for (size_t c = 0; c < nc; c++) {
      const doc_num *n = t->nums ? &t->nums[r * nc + c] : NULL;
      const char *s = text[r * nc + c] = pick(x, t->cells[r * nc + c]);
      width[c] = fmax(width[c], text_width(s));
      const char *excel = n && n->set ? xlsx_num_format(a, n->fmt, n->suffix) : NULL;
      if (!excel) {
        if (*s)
          xlw_string(ws, row, (uint32_t)c, s,
                                 total ? x->bold_text : x->text);
        continue;
      }
      int f = num_format(x, excel, total);
      double v = n->v; /* a share is stored as the fraction it is */
      char formula[128] = "", cn[8];
      if (total && numeric_column(t, c, 0, data_rows)) {
        double sum = 0;
        for (size_t k = 0; k < data_rows; k++)
          sum += t->nums[k * nc + c].v;
        if (near(sum, v))
          snprintf(formula, sizeof formula, "=SUM(%s%u:%s%u)", xlw_col_name((uint32_t)c, cn),
                   (unsigned)first + 1, cn, (unsigned)(first + data_rows));
      }
      if (!*formula && !total && t->last_is_total && n->fmt && n->fmt[0] == '%') {
        /* a share: this row's value of another column over its total */
        for (size_t k = 0; k < nc && !*formula; k++) {
          if (k == c || !numeric_column(t, k, 0, nr))
            continue;
          double tot = t->nums[(nr - 1) * nc + k].v;
          bool all = tot != 0;
          for (size_t rr = 0; rr < data_rows && all; rr++)
            all = t->nums[rr * nc + c].set &&
                  near(t->nums[rr * nc + k].v / tot, t->nums[rr * nc + c].v);
          if (all)
            snprintf(formula, sizeof formula, "=%s%u/%s$%u", xlw_col_name((uint32_t)k, cn),
                     (unsigned)row + 1, cn, (unsigned)(first + nr));
        }
      }
      if (*formula)
        xlw_formula(ws, row, (uint32_t)c, formula, v, f);
      else
        xlw_number(ws, row, (uint32_t)c, v, f);
    }
  }
  for (size_t c = 0; c < nc; c++) {
    width[c] = fmin(COL_WIDTH_MAX, fmax(8, width[c] + 2));
    xlw_col_width(ws, (uint32_t)c, (uint32_t)c, width[c]);
  }
  /* each row as tall as its tallest cell: a bilingual cell is two lines,
     and neither Excel nor LibreOffice grows a row for them on opening */
  for (size_t r = 0; r <= nr; r++) {
    if (r == nr && t->keyvalue)
      break;
    double lines = 1;
    bool bold = r == nr || (t->last_is_total && r + 1 == nr);
    for (size_t c = 0; c < nc; c++) {
      const char *s = text[r * nc + c];
      if (s && *s)
        lines = fmax(lines, lines_in(s, width[c], bold));
    }
    if (lines > 1)
      xlw_row_height(ws, r == nr ? 1 : (uint32_t)(first + r),
                        row_height(lines, 12));
  }
  if (!t->keyvalue) {
    xlw_freeze(ws, 2, 0);
    xlw_print_titles(ws, 1, 1); /* the header on every printed page */
  }
  /* printed as the report prints it: A4, one page wide, wide tables
     across the page */
  xlw_page(ws, 9, nc >= 7, 1, 0);
}

/* }====================================================== */
/* {====================================================== filing forms */

typedef struct form_fmts {
  int title, line, head, no, blank, note;
  int text[3], bold_text[3]; /* left, centre, right */
} form_fmts;

static void form_formats(X *x, form_fmts *ff)
{
  xlw_book *wb = x->wb;
  ff->title = xlw_style_id(wb, &(xlw_style){.bold = true,
                                            .font_size = 14,
                                            .halign = XLW_H_CENTER,
                                            .valign = XLW_V_CENTER,
                                            .wrap = true});
  ff->line = xlw_style_id(wb, &(xlw_style){.valign = XLW_V_CENTER});
  ff->head = xlw_style_id(wb, &(xlw_style){.bold = true,
                                           .wrap = true,
                                           .halign = XLW_H_CENTER,
                                           .valign = XLW_V_CENTER,
                                           .border = XLW_BORDER_BOX});
  ff->no = xlw_style_id(wb, &(xlw_style){.halign = XLW_H_CENTER,
                                         .valign = XLW_V_CENTER,
                                         .border = XLW_BORDER_BOX});
  static const xlw_halign h[3] = {XLW_H_LEFT, XLW_H_CENTER, XLW_H_RIGHT};
  for (int k = 0; k < 3; k++)
    for (int b = 0; b < 2; b++)
      *(b ? &ff->bold_text[k] : &ff->text[k]) =
          xlw_style_id(wb, &(xlw_style){.bold = b,
                                        .wrap = true,
                                        .halign = h[k],
                                        .valign = XLW_V_CENTER,
                                        .border = XLW_BORDER_BOX});
  ff->blank = xlw_style_id(wb, &(xlw_style){.border = XLW_BORDER_BOX});
  ff->note = xlw_style_id(wb, &(xlw_style){.wrap = true, .valign = XLW_V_TOP});
}

/* Text over columns c0..c1 of row r: merged when it spans more than one. */
static void put_span(xlw_sheet *ws, uint32_t r, size_t c0, size_t c1,
                     const char *s, int f)
{
  if (c1 > c0)
    xlw_merge(ws, r, (uint32_t)c0, r, (uint32_t)c1, s, f);
  else
    xlw_string(ws, r, (uint32_t)c0, s, f);
}

/* A sheet's title in row 0: across ncols columns (merged), wrapped, the
   row as tall as its lines (a bilingual title has two), so that neither
   Excel nor LibreOffice draws one line over the other. */
static void write_title(X *x, xlw_sheet *ws, const char *title,
                        size_t ncols, double width)
{
  if (ncols > 1)
    xlw_merge(ws, 0, 0, 0, (uint32_t)(ncols - 1), title,
                          x->title);
  else
    xlw_string(ws, 0, 0, title, x->title);
  double lines = lines_in(title, width > 0 ? width : 60, true);
  if (lines > 1)
    xlw_row_height(ws, 0, 17 * fmin(lines, 6) + 2);
}

/* One filing form as a sheet, laid out as the form is printed: the title
   across the top, the lines of the unit at the left and the form's block
   (表号, 制定机关 …) at the right, one or two header rows merged where
   the form merges them, the row of column marks (甲 乙 丙 1 2 …), the
   rows in borders, the notes (说明) and the footer (单位负责人 …). */
static void form_sheet(X *x, const form_fmts *ff, const form_grid *g)
{
  arena *a = x->a;
  const char *want = x->lang == LANG_BILINGUAL ? g->sheet.zh : pick(x, g->sheet);
  xlw_sheet *ws = add_sheet(x, want, pick(x, g->title));
  if (!g->ncols)
    return;
  size_t nc = g->ncols, last = nc - 1;
  double total_w = 0;
  for (size_t c = 0; c < nc; c++) {
    xlw_col_width(ws, (uint32_t)c, (uint32_t)c, g->cols[c].width);
    total_w += g->cols[c].width;
  }
  put_span(ws, 0, 0, last, pick(x, g->title), ff->title);
  xlw_row_height(ws, 0, x->lang == LANG_BILINGUAL ? 40 : 24);
  size_t split = nc > 4 ? nc - 3 : nc > 1 ? nc - 1 : 0;
  size_t top = g->n_corner > g->n_info ? g->n_corner : g->n_info;
  for (size_t i = 0; i < top; i++) {
    uint32_t r = (uint32_t)(1 + i);
    const char *info = i < g->n_info ? pick(x, g->info[i]) : NULL;
    const char *corner = i < g->n_corner ? pick(x, g->corner[i]) : NULL;
    if (split == 0) {
      put_span(ws, r, 0, 0,
               arena_printf(a, "%s%s%s", info ? info : "",
                            info && corner ? "    " : "", corner ? corner : ""),
               ff->line);
      continue;
    }
    if (info)
      put_span(ws, r, 0, split - 1, info, ff->line);
    if (corner)
      put_span(ws, r, split, last, corner, ff->line);
    if (x->lang == LANG_BILINGUAL &&
        ((info && strchr(info, '\n')) || (corner && strchr(corner, '\n'))))
      xlw_row_height(ws, r, row_height(2, 2));
  }
  /* the header rows */
  uint32_t hr = (uint32_t)(1 + top);
  double head_lines[2] = {1, 1};
  for (size_t c = 0; c < nc;) {
    const form_col *col = &g->cols[c];
    const char *h0 = pick(x, col->head[0]);
    if (g->head_levels == 1 || !col->head[1].zh) {
      if (g->head_levels == 2)
        xlw_merge(ws, hr, (uint32_t)c, hr + 1, (uint32_t)c, h0,
                              ff->head);
      else
        xlw_string(ws, hr, (uint32_t)c, h0, ff->head);
      head_lines[0] = fmax(head_lines[0], lines_in(h0, col->width, true) /
                                              (double)g->head_levels);
      c++;
      continue;
    }
    /* columns under one upper header: a run of the same text */
    size_t e = c, wsum = col->width;
    while (e + 1 < nc && g->cols[e + 1].head[1].zh &&
           strcmp(g->cols[e + 1].head[0].zh, col->head[0].zh) == 0 &&
           strcmp(g->cols[e + 1].head[0].en, col->head[0].en) == 0)
      wsum += (size_t)g->cols[++e].width;
    put_span(ws, hr, c, e, h0, ff->head);
    head_lines[0] = fmax(head_lines[0], lines_in(h0, (double)wsum, true));
    for (size_t k = c; k <= e; k++) {
      const char *h1 = pick(x, g->cols[k].head[1]);
      xlw_string(ws, hr + 1, (uint32_t)k, h1, ff->head);
      head_lines[1] =
          fmax(head_lines[1], lines_in(h1, g->cols[k].width, true));
    }
    c = e + 1;
  }
  for (size_t l = 0; l < g->head_levels; l++)
    xlw_row_height(ws, hr + (uint32_t)l, row_height(head_lines[l], 8));
  if (g->numbers_row)
    for (size_t c = 0; c < nc; c++)
      xlw_string(ws, hr + (uint32_t)g->head_levels, (uint32_t)c,
                             g->cols[c].no ? g->cols[c].no : "", ff->no);
  /* the body */
  for (size_t r = 0; r < g->nrows; r++) {
    uint32_t row = (uint32_t)(g->first_row + r);
    bool bold = g->total[r];
    double lines = 1;
    for (size_t c = 0; c < nc; c++) {
      const form_cell *k = &g->cells[r * nc + c];
      const char *excel = k->num ? xlsx_num_format(a, k->fmt, NULL) : NULL;
      if (excel) {
        int f = num_format_box(x, excel, bold, true);
        if (k->formula)
          xlw_formula(ws, row, (uint32_t)c, k->formula, k->v, f);
        else
          xlw_number(ws, row, (uint32_t)c, k->v, f);
      } else if (k->text.zh) {
        const char *t = pick(x, k->text);
        int al = g->cols[c].align;
        xlw_string(ws, row, (uint32_t)c, t,
                               bold ? ff->bold_text[al] : ff->text[al]);
        lines = fmax(lines, lines_in(t, g->cols[c].width, bold));
      } else {
        xlw_blank(ws, row, (uint32_t)c, ff->blank);
      }
    }
    if (lines > 1)
      xlw_row_height(ws, row, row_height(lines, 12));
  }
  uint32_t r = (uint32_t)(g->first_row + g->nrows);
  for (size_t i = 0; i < g->n_notes; i++, r++) {
    const char *t = pick(x, g->notes[i]);
    put_span(ws, r, 0, last, t, ff->note);
    xlw_row_height(ws, r, row_height(lines_in(t, total_w, false), 12));
  }
  if (g->n_footer) {
    r++;
    for (size_t i = 0; i < g->n_footer; i++) {
      size_t c0 = i * nc / g->n_footer, c1 = (i + 1) * nc / g->n_footer;
      put_span(ws, r, c0, c1 > c0 + 1 ? c1 - 1 : c0, pick(x, g->footer[i]),
               ff->line);
    }
    if (x->lang == LANG_BILINGUAL)
      xlw_row_height(ws, r, row_height(2, 2));
  }
  xlw_freeze(ws, (uint32_t)g->first_row, 0);
  xlw_print_titles(ws, hr, (uint32_t)(g->first_row - 1));
  xlw_page(ws, 9, nc >= 7, 1, 0);
}

/* }====================================================== */
/* {====================================================== factors, contents */

/* The factors sheet's name column at most, and its source column. */
#define FACTOR_NAME_MAX 40.0
#define FACTOR_SOURCE_WIDTH 70.0

static const char *str_of(const value *o, const char *key)
{
  const value *v = val_get(o, key);
  return v && v->kind == VAL_STR ? v->str : NULL;
}

/* Every factor the calculation used, with its value and where it comes
   from (results.factors_used). The name and unit columns are as wide as
   their longest text (within bounds), the source wraps in a wide column,
   and each row is as tall as its longest text takes lines, so that no
   text runs over the next row (LibreOffice keeps the height a row is
   given); printed landscape, one page wide, the header on each page. */
static void factors_sheet(X *x, const value *results)
{
  const value *fu = val_path(results, "factors_used");
  if (!fu || fu->kind != VAL_ARR || !fu->n)
    return;
  bool en = x->lang == LANG_EN;
  const char *title = en ? "Factors and their sources" : "因子与来源";
  xlw_sheet *ws = add_sheet(x, title, title);
  write_title(x, ws, title, 4, 400);
  const char *heads_zh[] = {"因子", "数值", "单位", "出处"};
  const char *heads_en[] = {"Factor", "Value", "Unit", "Reference"};
  for (int c = 0; c < 4; c++)
    xlw_string(ws, 1, (uint32_t)c,
                           en ? heads_en[c]
                           : x->lang == LANG_BILINGUAL
                               ? arena_printf(x->a, "%s\n%s", heads_zh[c], heads_en[c])
                               : heads_zh[c],
                           x->head);
  if (x->lang == LANG_BILINGUAL)
    xlw_row_height(ws, 1, row_height(2, 2));
  int g = num_format(x, "General", false);
  const char **names = ARENA_ARRAY(x->a, const char *, fu->n);
  const char **cites = ARENA_ARRAY(x->a, const char *, fu->n);
  double name_w = 10, unit_w = 8;
  for (size_t i = 0; i < fu->n; i++) {
    const value *o = fu->items[i];
    uint32_t r = (uint32_t)(i + 2);
    const char *nz = str_of(o, "name_zh"), *ne = str_of(o, "name_en");
    doc_text name = {nz ? nz : str_of(o, "key"), ne ? ne : str_of(o, "key")};
    names[i] = pick(x, name);
    if (names[i]) {
      xlw_string(ws, r, 0, names[i], x->text);
      name_w = fmax(name_w, text_width(names[i]) + 2);
    }
    const value *v = val_get(o, "value");
    if (v && v->kind == VAL_NUM)
      xlw_number(ws, r, 1, v->num, g);
    const char *unit = str_of(o, "unit");
    if (unit) {
      xlw_string(ws, r, 2, unit, x->text);
      unit_w = fmax(unit_w, text_width(unit) + 2);
    }
    const char *cz = str_of(o, "citation_zh"), *ce = str_of(o, "citation");
    if (!cz && !ce) {
      cz = str_of(o, "source_zh");
      ce = str_of(o, "source");
    }
    doc_text cite = {cz ? cz : ce, ce ? ce : cz};
    cites[i] = cite.zh ? pick(x, cite) : NULL;
    if (cites[i])
      xlw_string(ws, r, 3, cites[i], x->text);
  }
  name_w = fmin(name_w, FACTOR_NAME_MAX);
  unit_w = fmin(unit_w, 16);
  xlw_col_width(ws, 0, 0, name_w);
  xlw_col_width(ws, 1, 1, 16);
  xlw_col_width(ws, 2, 2, unit_w);
  xlw_col_width(ws, 3, 3, FACTOR_SOURCE_WIDTH);
  for (size_t i = 0; i < fu->n; i++) {
    double lines = 1;
    if (names[i])
      lines = fmax(lines, lines_in(names[i], name_w, false));
    if (cites[i])
      lines = fmax(lines, lines_in(cites[i], FACTOR_SOURCE_WIDTH, false));
    if (lines > 1)
      xlw_row_height(ws, (uint32_t)(i + 2), row_height(lines, 12));
  }
  xlw_freeze(ws, 2, 0);
  xlw_print_titles(ws, 1, 1);
  xlw_page(ws, 9, true, 1, 0);
}

/* The first sheet: the report's title and a link to every sheet. */
static void contents_sheet(X *x, xlw_sheet *ws, const doc *d)
{
  bool en = x->lang == LANG_EN;
  write_title(x, ws, pick(x, d->title), 2, 400);
  const char *name = pick(x, d->short_name);
  xlw_merge(ws, 1, 0, 1, 1, name, x->text);
  double name_lines = lines_in(name, 400, false);
  if (name_lines > 1)
    xlw_row_height(ws, 1, row_height(name_lines, 6));
  xlw_string(ws, 3, 0, en ? "Sheet" : "工作表", x->head);
  xlw_string(ws, 3, 1, en ? "Contents" : "内容", x->head);
  for (size_t i = 1; i < x->n_sheets; i++) {
    uint32_t r = (uint32_t)(i + 3);
    xlw_link(ws, r, 0, x->sheets[i], x->sheets[i]);
    xlw_string(ws, r, 1, x->captions[i], x->text);
    /* a bilingual caption is two lines: the row holds both */
    double lines = lines_in(x->captions[i], 70, false);
    if (lines > 1)
      xlw_row_height(ws, r, row_height(lines, 12));
  }
  xlw_col_width(ws, 0, 0, 34);
  xlw_col_width(ws, 1, 1, 70);
  xlw_print_titles(ws, 3, 3);
  xlw_page(ws, 9, false, 1, 0);
}

/* }====================================================== */

bool xlsx_write(arena *a, diag_list *dl, const doc *d, const value *results,
                const form_grid *forms, size_t nforms, lay_lang lang,
                const xlsx_info *info, buf *out)
{
  X x;
  memset(&x, 0, sizeof x);
  x.a = a;
  x.dl = dl;
  x.lang = lang;
  x.wb = xlw_new(a);
  x.title = xlw_style_id(x.wb, &(xlw_style){.bold = true,
                                            .font_size = 12,
                                            .wrap = true,
                                            .valign = XLW_V_TOP});
  x.head = xlw_style_id(x.wb, &(xlw_style){.bold = true,
                                           .wrap = true,
                                           .halign = XLW_H_CENTER,
                                           .valign = XLW_V_CENTER,
                                           .filled = true,
                                           .fill = 0xDCE6F0,
                                           .border = XLW_BORDER_BOTTOM});
  x.text = xlw_style_id(x.wb, &(xlw_style){.wrap = true, .valign = XLW_V_TOP});
  x.bold_text = xlw_style_id(x.wb, &(xlw_style){.bold = true, .wrap = true});
  bool en = lang == LANG_EN;
  const char *cname = en ? "Contents" : "目录";
  xlw_sheet *contents = add_sheet(&x, cname, cname);
  /* the tables in the report's order, numbered as in the report */
  doc_numbers num;
  memset(&num, 0, sizeof num);
  for (size_t i = 0; i < d->n; i++) {
    const doc_block *b = &d->blocks[i];
    char no[32];
    if (b->kind == DOC_HEADING)
      doc_number_heading(&num, b, no, sizeof no);
    else if (b->kind == DOC_CHART || b->kind == DOC_IMAGE)
      doc_number_figure(&num, no, sizeof no);
    else if (b->kind == DOC_TABLE) {
      doc_number_table(&num, no, sizeof no);
      if (b->table->ncols && b->table->nrows)
        write_table(&x, b->table, no);
    }
  }
  if (nforms) {
    form_fmts ff;
    form_formats(&x, &ff);
    for (size_t i = 0; i < nforms; i++)
      form_sheet(&x, &ff, &forms[i]);
  }
  factors_sheet(&x, results);
  contents_sheet(&x, contents, d);
  opc_props props = {info->title,    info->subject,
                     info->author,   info->keywords,
                     lang == LANG_EN ? "en-US" : "zh-CN",
                     info->has_date, info->epoch};
  return xlw_finish(x.wb, &props, dl, out);
}
