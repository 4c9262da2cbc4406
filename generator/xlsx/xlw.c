/* xlw.c — a workbook written as SpreadsheetML (see xlw.h).
 *
 * Input: calls that write cells, styles and sheet settings. Output: the
 * bytes of an .xlsx package: [Content_Types].xml, _rels/.rels,
 * docProps/{app,core}.xml (base/opc.c), xl/workbook.xml and its
 * relationships, xl/styles.xml, xl/sharedStrings.xml and one
 * xl/worksheets/sheetN.xml a sheet, the elements of each part in the
 * order the schema requires (ECMA-376 Part 1, §18). The structure is the
 * one libxlsxwriter 1.1 wrote for the same workbooks (known to open in
 * Excel), less its theme and its list of sheet titles in app.xml, which
 * are optional; app.xml names Excel as libxlsxwriter's did (see
 * xlw_finish).
 *
 * Invariants: a cell's string is an index into the shared strings, one
 * entry per distinct text; style 0 is the default xf, and the
 * Hyperlink cell style is cellStyleXfs 1 (font 1). Cells are kept in
 * the order written and sorted when the sheet is written; of two writes
 * to one cell the later wins. */
#include "xlw.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/strmap.h"
#include "../base/xml.h"
#include "../base/zipw.h"
#include "../out/json.h"

#define NS_MAIN "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define CT_SML "application/vnd.openxmlformats-officedocument.spreadsheetml."
#define LINK_RGB "FF0563C1" /* Excel's hyperlink blue */
#define FIRST_CUSTOM_FMT 164
/* libdeflate's level 1: the cement workbook 4 % larger than at 6 (200 KB,
   still smaller than libxlsxwriter's zlib made it) for a third of the
   instructions (24 M instead of 46 M) */
#define ZIP_LEVEL 1

enum { CELL_BLANK, CELL_STR, CELL_NUM, CELL_FORMULA };

typedef struct cell {
  uint32_t row, col;
  uint32_t seq; /* order written: of two writes to a cell the later wins */
  int style;
  int kind;
  long sst;        /* CELL_STR: index into the shared strings */
  double v;        /* CELL_NUM, CELL_FORMULA (its result) */
  const char *f;   /* CELL_FORMULA, without '=' */
} cell;

typedef struct range {
  uint32_t r0, c0, r1, c1;
  const char *text; /* a link's target sheet, a validation's formula */
} range;

typedef struct row_ht {
  uint32_t row, seq;
  double ht;
} row_ht;

typedef struct col_w {
  uint32_t c0, c1;
  double w;
} col_w;

struct xlw_sheet {
  xlw_book *book;
  const char *name;
  cell *cells;
  size_t n_cells, cap_cells;
  row_ht *rows;
  size_t n_rows, cap_rows;
  col_w *cols;
  size_t n_cols, cap_cols;
  range *merges, *links, *lists;
  size_t n_merges, cap_merges, n_links, cap_links, n_lists, cap_lists;
  uint32_t freeze_r, freeze_c;
  bool has_titles;
  uint32_t title_r0, title_r1;
  int paper, fit_w, fit_h;
  bool landscape, fit, page_set, hidden;
};

typedef struct xstyle {
  xlw_style s;
  bool link;
  int font, fill, fmt;
} xstyle;

typedef struct font {
  double size;
  bool bold, link;
} font;

struct xlw_book {
  arena *a;
  xlw_sheet **sheets;
  size_t n_sheets, cap_sheets;
  xstyle *styles;
  size_t n_styles, cap_styles;
  font *fonts;
  size_t n_fonts, cap_fonts;
  uint32_t *fills; /* solid fills' colours, from fill 2 */
  size_t n_fills, cap_fills;
  const char **fmts; /* custom number formats, from FIRST_CUSTOM_FMT */
  size_t n_fmts, cap_fmts;
  strmap *sst_map;
  const char **sst;
  size_t n_sst, cap_sst;
  int link_style;
  uint32_t seq;
};

/* {====================================================== styles */

/* Excel's built-in number formats that need no numFmt element. */
static const struct {
  const char *code;
  int id;
} BUILTIN_FMT[] = {{"General", 0}, {"0", 1},      {"0.00", 2},
                   {"#,##0", 3},   {"#,##0.00", 4}, {"0%", 9},
                   {"0.00%", 10},  {"@", 49}};

static int fmt_id(xlw_book *b, const char *code)
{
  if (!code)
    return 0;
  for (size_t i = 0; i < sizeof BUILTIN_FMT / sizeof *BUILTIN_FMT; i++)
    if (strcmp(BUILTIN_FMT[i].code, code) == 0)
      return BUILTIN_FMT[i].id;
  for (size_t i = 0; i < b->n_fmts; i++)
    if (strcmp(b->fmts[i], code) == 0)
      return FIRST_CUSTOM_FMT + (int)i;
  *ARENA_PUSH(b->a, b->fmts, b->n_fmts, b->cap_fmts) =
      arena_strdup(b->a, code);
  return FIRST_CUSTOM_FMT + (int)b->n_fmts - 1;
}

static int font_id(xlw_book *b, double size, bool bold, bool link)
{
  if (size <= 0)
    size = 11;
  for (size_t i = 0; i < b->n_fonts; i++)
    if (b->fonts[i].size == size && b->fonts[i].bold == bold &&
        b->fonts[i].link == link)
      return (int)i;
  font *f = ARENA_PUSH(b->a, b->fonts, b->n_fonts, b->cap_fonts);
  f->size = size;
  f->bold = bold;
  f->link = link;
  return (int)b->n_fonts - 1;
}

static int fill_id(xlw_book *b, const xlw_style *s)
{
  if (!s->filled)
    return 0;
  uint32_t rgb = s->fill & 0xFFFFFF;
  for (size_t i = 0; i < b->n_fills; i++)
    if (b->fills[i] == rgb)
      return 2 + (int)i;
  *ARENA_PUSH(b->a, b->fills, b->n_fills, b->cap_fills) = rgb;
  return 2 + (int)b->n_fills - 1;
}

static bool same_style(const xstyle *x, const xlw_style *s, bool link)
{
  const xlw_style *t = &x->s;
  return x->link == link && t->bold == s->bold && t->wrap == s->wrap &&
         t->font_size == s->font_size && t->halign == s->halign &&
         t->valign == s->valign && t->filled == s->filled &&
         (!s->filled || t->fill == s->fill) && t->border == s->border &&
         (t->num_format == s->num_format ||
          (t->num_format && s->num_format &&
           strcmp(t->num_format, s->num_format) == 0));
}

static int style_add(xlw_book *b, const xlw_style *s, bool link)
{
  for (size_t i = 0; i < b->n_styles; i++)
    if (same_style(&b->styles[i], s, link))
      return (int)i;
  xstyle *x = ARENA_PUSH(b->a, b->styles, b->n_styles, b->cap_styles);
  x->s = *s;
  if (s->num_format)
    x->s.num_format = arena_strdup(b->a, s->num_format);
  x->link = link;
  x->font = font_id(b, s->font_size, s->bold, link);
  x->fill = fill_id(b, s);
  x->fmt = fmt_id(b, s->num_format);
  return (int)b->n_styles - 1;
}

int xlw_style_id(xlw_book *b, const xlw_style *s)
{
  return style_add(b, s, false);
}

/* }====================================================== */
/* {====================================================== cells */

xlw_book *xlw_new(arena *a)
{
  xlw_book *b = ARENA_NEW(a, xlw_book);
  b->a = a;
  b->sst_map = strmap_new(a);
  font_id(b, 11, false, false); /* font 0: the default */
  font_id(b, 11, false, true);  /* font 1: the Hyperlink style's */
  xlw_style none;
  memset(&none, 0, sizeof none);
  style_add(b, &none, false); /* xf 0 */
  b->link_style = style_add(b, &none, true);
  return b;
}

xlw_sheet *xlw_add_sheet(xlw_book *b, const char *name)
{
  xlw_sheet *s = ARENA_NEW(b->a, xlw_sheet);
  s->book = b;
  s->name = arena_strdup(b->a, name);
  *ARENA_PUSH(b->a, b->sheets, b->n_sheets, b->cap_sheets) = s;
  return s;
}

static xlw_book *book_of(xlw_sheet *s) { return s->book; }

static cell *new_cell(xlw_sheet *s, uint32_t row, uint32_t col, int kind,
                      int style)
{
  xlw_book *b = book_of(s);
  cell *c = ARENA_PUSH(b->a, s->cells, s->n_cells, s->cap_cells);
  c->row = row;
  c->col = col;
  c->seq = b->seq++;
  c->kind = kind;
  c->style = style;
  return c;
}

void xlw_blank(xlw_sheet *s, uint32_t row, uint32_t col, int style)
{
  if (style)
    new_cell(s, row, col, CELL_BLANK, style);
}

void xlw_string(xlw_sheet *s, uint32_t row, uint32_t col, const char *text,
                int style)
{
  if (!text || !*text) {
    xlw_blank(s, row, col, style);
    return;
  }
  xlw_book *b = book_of(s);
  long k = strmap_get(b->sst_map, text);
  if (k < 0) {
    const char *copy = arena_strdup(b->a, text);
    k = (long)b->n_sst;
    *ARENA_PUSH(b->a, b->sst, b->n_sst, b->cap_sst) = copy;
    strmap_put(b->sst_map, copy, k);
  }
  new_cell(s, row, col, CELL_STR, style)->sst = k;
}

void xlw_number(xlw_sheet *s, uint32_t row, uint32_t col, double v,
                int style)
{
  new_cell(s, row, col, CELL_NUM, style)->v = v;
}

void xlw_formula(xlw_sheet *s, uint32_t row, uint32_t col,
                 const char *formula, double result, int style)
{
  cell *c = new_cell(s, row, col, CELL_FORMULA, style);
  c->f = arena_strdup(book_of(s)->a, formula[0] == '=' ? formula + 1
                                                         : formula);
  c->v = result;
}

void xlw_link(xlw_sheet *s, uint32_t row, uint32_t col, const char *target,
              const char *text)
{
  xlw_book *b = book_of(s);
  xlw_string(s, row, col, text, b->link_style);
  range *r = ARENA_PUSH(b->a, s->links, s->n_links, s->cap_links);
  r->r0 = r->r1 = row;
  r->c0 = r->c1 = col;
  r->text = arena_strdup(b->a, target);
}

void xlw_merge(xlw_sheet *s, uint32_t r0, uint32_t c0, uint32_t r1,
               uint32_t c1, const char *text, int style)
{
  for (uint32_t r = r0; r <= r1; r++)
    for (uint32_t c = c0; c <= c1; c++)
      if (r == r0 && c == c0)
        xlw_string(s, r, c, text, style);
      else
        xlw_blank(s, r, c, style);
  range *m = ARENA_PUSH(book_of(s)->a, s->merges, s->n_merges, s->cap_merges);
  m->r0 = r0;
  m->c0 = c0;
  m->r1 = r1;
  m->c1 = c1;
}

/* }====================================================== */
/* {====================================================== sheet settings */

void xlw_col_width(xlw_sheet *s, uint32_t c0, uint32_t c1, double width)
{
  for (size_t i = 0; i < s->n_cols; i++)
    if (s->cols[i].c0 == c0 && s->cols[i].c1 == c1) {
      s->cols[i].w = width;
      return;
    }
  col_w *c = ARENA_PUSH(book_of(s)->a, s->cols, s->n_cols, s->cap_cols);
  c->c0 = c0;
  c->c1 = c1;
  c->w = width;
}

void xlw_row_height(xlw_sheet *s, uint32_t row, double height)
{
  xlw_book *b = book_of(s);
  row_ht *r = ARENA_PUSH(b->a, s->rows, s->n_rows, s->cap_rows);
  r->row = row;
  r->seq = b->seq++;
  r->ht = height;
}

void xlw_freeze(xlw_sheet *s, uint32_t row, uint32_t col)
{
  s->freeze_r = row;
  s->freeze_c = col;
}

void xlw_print_titles(xlw_sheet *s, uint32_t r0, uint32_t r1)
{
  s->has_titles = true;
  s->title_r0 = r0;
  s->title_r1 = r1;
}

void xlw_page(xlw_sheet *s, int paper, bool landscape, int fit_w, int fit_h)
{
  s->page_set = true;
  s->paper = paper;
  s->landscape = landscape;
  s->fit = true;
  s->fit_w = fit_w;
  s->fit_h = fit_h;
}

void xlw_hide(xlw_sheet *s) { s->hidden = true; }

void xlw_list_validation(xlw_sheet *s, uint32_t r0, uint32_t c0, uint32_t r1,
                         uint32_t c1, const char *formula)
{
  xlw_book *b = book_of(s);
  range *r = ARENA_PUSH(b->a, s->lists, s->n_lists, s->cap_lists);
  r->r0 = r0;
  r->c0 = c0;
  r->r1 = r1;
  r->c1 = c1;
  r->text = arena_strdup(b->a, formula[0] == '=' ? formula + 1 : formula);
}

/* }====================================================== */
/* {====================================================== writing */

const char *xlw_col_name(uint32_t c, char out[8])
{
  char tmp[8];
  size_t n = 0;
  c++;
  while (c && n < sizeof tmp - 1) {
    tmp[n++] = (char)('A' + (c - 1) % 26);
    c = (c - 1) / 26;
  }
  for (size_t i = 0; i < n; i++)
    out[i] = tmp[n - 1 - i];
  out[n] = '\0';
  return out;
}

static void put_uint(buf *b, unsigned long v)
{
  char tmp[24];
  size_t n = sizeof tmp;
  do {
    tmp[--n] = (char)('0' + v % 10);
    v /= 10;
  } while (v);
  buf_add(b, tmp + n, sizeof tmp - n);
}

/* A cell reference: A1. */
static void put_ref(buf *b, uint32_t row, uint32_t col)
{
  char cn[8];
  buf_puts(b, xlw_col_name(col, cn));
  put_uint(b, (unsigned long)row + 1);
}

static void put_range(buf *b, const range *r)
{
  put_ref(b, r->r0, r->c0);
  if (r->r1 != r->r0 || r->c1 != r->c0) {
    buf_putc(b, ':');
    put_ref(b, r->r1, r->c1);
  }
}

/* A finite number in the shortest form that reads back as itself. */
static void put_num(buf *b, double v)
{
  char tmp[40];
  json_number(v, tmp, sizeof tmp);
  buf_puts(b, tmp);
}

/* A sheet's name quoted for a reference: 'It''s'. */
static void put_sheet_ref(buf *b, const char *name)
{
  buf q;
  buf_init(&q);
  buf_putc(&q, '\'');
  for (const char *p = name; *p; p++) {
    if (*p == '\'')
      buf_putc(&q, '\'');
    buf_putc(&q, *p);
  }
  buf_putc(&q, '\'');
  xml_text(b, q.data);
  buf_fini(&q);
}

static int cmp_cell(const void *pa, const void *pb)
{
  const cell *a = pa, *b = pb;
  if (a->row != b->row)
    return a->row < b->row ? -1 : 1;
  if (a->col != b->col)
    return a->col < b->col ? -1 : 1;
  return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static int cmp_row(const void *pa, const void *pb)
{
  const row_ht *a = pa, *b = pb;
  if (a->row != b->row)
    return a->row < b->row ? -1 : 1;
  return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static int cmp_col(const void *pa, const void *pb)
{
  const col_w *a = pa, *b = pb;
  return a->c0 < b->c0 ? -1 : a->c0 > b->c0;
}

/* A width in characters as Excel stores it: the pixels of the width at
   Calibri 11's 7-pixel digit plus 5 of padding, in 1/256 of a digit
   (libxlsxwriter's conversion; 34 → 34.7109375). */
static double stored_width(double w)
{
  if (w <= 0)
    return 0;
  unsigned px = w < 1 ? (unsigned)(w * 12 + 0.5)
                      : (unsigned)(w * 7 + 0.5) + 5;
  return (double)(unsigned)(px / 7.0 * 256.0) / 256.0;
}

static void cell_xml(buf *b, const cell *c)
{
  buf_puts(b, "<c r=\"");
  put_ref(b, c->row, c->col);
  buf_putc(b, '"');
  if (c->style) {
    buf_puts(b, " s=\"");
    put_uint(b, (unsigned long)c->style);
    buf_putc(b, '"');
  }
  bool finite = isfinite(c->v);
  switch (c->kind) {
  case CELL_BLANK:
    buf_puts(b, "/>");
    return;
  case CELL_STR:
    buf_puts(b, " t=\"s\"><v>");
    put_uint(b, (unsigned long)c->sst);
    break;
  case CELL_NUM:
    if (!finite) {
      buf_puts(b, " t=\"e\"><v>#NUM!");
      break;
    }
    buf_puts(b, "><v>");
    put_num(b, c->v);
    break;
  default:
    buf_puts(b, finite ? "><f>" : " t=\"e\"><f>");
    xml_text(b, c->f);
    buf_puts(b, "</f><v>");
    if (finite)
      put_num(b, c->v);
    else
      buf_puts(b, "#NUM!");
    break;
  }
  buf_puts(b, "</v></c>");
}

static void pane_xml(buf *b, const xlw_sheet *s)
{
  uint32_t r = s->freeze_r, c = s->freeze_c;
  if (!r && !c)
    return;
  const char *active = r && c ? "bottomRight" : r ? "bottomLeft" : "topRight";
  buf_puts(b, "<pane");
  if (c) {
    buf_puts(b, " xSplit=\"");
    put_uint(b, c);
    buf_putc(b, '"');
  }
  if (r) {
    buf_puts(b, " ySplit=\"");
    put_uint(b, r);
    buf_putc(b, '"');
  }
  buf_puts(b, " topLeftCell=\"");
  put_ref(b, r, c);
  buf_printf(b, "\" activePane=\"%s\" state=\"frozen\"/>", active);
  if (r && c)
    buf_puts(b, "<selection pane=\"topRight\"/><selection pane=\"bottomLeft\"/>");
  buf_printf(b, "<selection pane=\"%s\"/>", active);
}

/* Sorts the sheet's cells and row heights and drops all but the last
   write to each cell and each row. Returns the number of string cells. */
static size_t settle(xlw_sheet *s)
{
  if (s->n_cells > 1) /* (qsort takes no NULL array, even empty) */
    qsort(s->cells, s->n_cells, sizeof *s->cells, cmp_cell);
  size_t n = 0, strings = 0;
  for (size_t i = 0; i < s->n_cells; i++) {
    if (i + 1 < s->n_cells && s->cells[i + 1].row == s->cells[i].row &&
        s->cells[i + 1].col == s->cells[i].col)
      continue;
    strings += s->cells[i].kind == CELL_STR;
    s->cells[n++] = s->cells[i];
  }
  s->n_cells = n;
  if (s->n_rows > 1)
    qsort(s->rows, s->n_rows, sizeof *s->rows, cmp_row);
  n = 0;
  for (size_t i = 0; i < s->n_rows; i++)
    if (i + 1 == s->n_rows || s->rows[i + 1].row != s->rows[i].row)
      s->rows[n++] = s->rows[i];
  s->n_rows = n;
  if (s->n_cols > 1)
    qsort(s->cols, s->n_cols, sizeof *s->cols, cmp_col);
  return strings;
}

static void merges_xml(buf *b, const range *r, size_t n)
{
  if (!n)
    return;
  buf_printf(b, "<mergeCells count=\"%zu\">", n);
  for (size_t i = 0; i < n; i++) {
    buf_puts(b, "<mergeCell ref=\"");
    put_range(b, &r[i]);
    buf_puts(b, "\"/>");
  }
  buf_puts(b, "</mergeCells>");
}

static void sheet_xml(buf *b, const xlw_sheet *s, bool selected)
{
  buf_puts(b, OPC_XML_DECL "<worksheet xmlns=\"" NS_MAIN
              "\" xmlns:r=\"" OPC_NS_R "\">");
  if (s->fit)
    buf_puts(b, "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>");
  /* dimension: the cells' bounding range */
  range dim = {0, 0, 0, 0, NULL};
  if (s->n_cells) {
    dim.r0 = s->cells[0].row;
    dim.r1 = s->cells[s->n_cells - 1].row;
    dim.c0 = dim.c1 = s->cells[0].col;
    for (size_t i = 0; i < s->n_cells; i++) {
      dim.c0 = s->cells[i].col < dim.c0 ? s->cells[i].col : dim.c0;
      dim.c1 = s->cells[i].col > dim.c1 ? s->cells[i].col : dim.c1;
    }
  }
  buf_puts(b, "<dimension ref=\"");
  put_range(b, &dim);
  buf_printf(b, "\"/><sheetViews><sheetView %sworkbookViewId=\"0\"",
             selected ? "tabSelected=\"1\" " : "");
  if (s->freeze_r || s->freeze_c) {
    buf_putc(b, '>');
    pane_xml(b, s);
    buf_puts(b, "</sheetView>");
  } else {
    buf_puts(b, "/>");
  }
  buf_puts(b, "</sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>");
  if (s->n_cols) {
    buf_puts(b, "<cols>");
    for (size_t i = 0; i < s->n_cols; i++) {
      buf_puts(b, "<col min=\"");
      put_uint(b, (unsigned long)s->cols[i].c0 + 1);
      buf_puts(b, "\" max=\"");
      put_uint(b, (unsigned long)s->cols[i].c1 + 1);
      buf_puts(b, "\" width=\"");
      put_num(b, stored_width(s->cols[i].w));
      buf_puts(b, "\" customWidth=\"1\"/>");
    }
    buf_puts(b, "</cols>");
  }
  /* the rows: those with cells and those given a height, in order */
  buf_puts(b, "<sheetData>");
  size_t ci = 0, ri = 0;
  while (ci < s->n_cells || ri < s->n_rows) {
    uint32_t row = ci < s->n_cells ? s->cells[ci].row : UINT32_MAX;
    if (ri < s->n_rows && s->rows[ri].row < row)
      row = s->rows[ri].row;
    buf_puts(b, "<row r=\"");
    put_uint(b, (unsigned long)row + 1);
    buf_putc(b, '"');
    if (ri < s->n_rows && s->rows[ri].row == row) {
      buf_puts(b, " ht=\"");
      put_num(b, s->rows[ri++].ht);
      buf_puts(b, "\" customHeight=\"1\"");
    }
    if (ci < s->n_cells && s->cells[ci].row == row) {
      buf_putc(b, '>');
      for (; ci < s->n_cells && s->cells[ci].row == row; ci++)
        cell_xml(b, &s->cells[ci]);
      buf_puts(b, "</row>");
    } else {
      buf_puts(b, "/>");
    }
  }
  buf_puts(b, "</sheetData>");
  merges_xml(b, s->merges, s->n_merges);
  if (s->n_lists) {
    buf_printf(b, "<dataValidations count=\"%zu\">", s->n_lists);
    for (size_t i = 0; i < s->n_lists; i++) {
      buf_puts(b, "<dataValidation type=\"list\" allowBlank=\"1\" "
                  "showInputMessage=\"1\" showErrorMessage=\"1\" sqref=\"");
      put_range(b, &s->lists[i]);
      buf_puts(b, "\"><formula1>");
      xml_text(b, s->lists[i].text);
      buf_puts(b, "</formula1></dataValidation>");
    }
    buf_puts(b, "</dataValidations>");
  }
  if (s->n_links) {
    buf_puts(b, "<hyperlinks>");
    for (size_t i = 0; i < s->n_links; i++) {
      buf_puts(b, "<hyperlink ref=\"");
      put_range(b, &s->links[i]);
      buf_puts(b, "\" location=\"");
      put_sheet_ref(b, s->links[i].text);
      buf_puts(b, "!A1\" display=\"");
      xml_text(b, s->links[i].text);
      buf_puts(b, "\"/>");
    }
    buf_puts(b, "</hyperlinks>");
  }
  buf_puts(b, "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" "
              "bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>");
  if (s->page_set) {
    buf_printf(b, "<pageSetup paperSize=\"%d\"", s->paper);
    if (s->fit_w != 1)
      buf_printf(b, " fitToWidth=\"%d\"", s->fit_w);
    if (s->fit_h != 1)
      buf_printf(b, " fitToHeight=\"%d\"", s->fit_h);
    buf_printf(b, " orientation=\"%s\"/>",
               s->landscape ? "landscape" : "portrait");
  }
  buf_puts(b, "</worksheet>");
}

static void styles_xml(buf *b, const xlw_book *k)
{
  buf_puts(b, OPC_XML_DECL "<styleSheet xmlns=\"" NS_MAIN "\">");
  if (k->n_fmts) {
    buf_printf(b, "<numFmts count=\"%zu\">", k->n_fmts);
    for (size_t i = 0; i < k->n_fmts; i++) {
      buf_printf(b, "<numFmt numFmtId=\"%zu\" formatCode=\"",
                 FIRST_CUSTOM_FMT + i);
      xml_text(b, k->fmts[i]);
      buf_puts(b, "\"/>");
    }
    buf_puts(b, "</numFmts>");
  }
  buf_printf(b, "<fonts count=\"%zu\">", k->n_fonts);
  for (size_t i = 0; i < k->n_fonts; i++) {
    const font *f = &k->fonts[i];
    buf_printf(b, "<font>%s%s<sz val=\"", f->bold ? "<b/>" : "",
               f->link ? "<u/>" : "");
    put_num(b, f->size);
    buf_printf(b, "\"/>%s<name val=\"Calibri\"/><family val=\"2\"/></font>",
               f->link ? "<color rgb=\"" LINK_RGB "\"/>" : "");
  }
  buf_printf(b, "</fonts><fills count=\"%zu\"><fill><patternFill "
                "patternType=\"none\"/></fill><fill><patternFill "
                "patternType=\"gray125\"/></fill>",
             k->n_fills + 2);
  for (size_t i = 0; i < k->n_fills; i++)
    buf_printf(b, "<fill><patternFill patternType=\"solid\"><fgColor "
                  "rgb=\"FF%06X\"/><bgColor indexed=\"64\"/></patternFill>"
                  "</fill>",
               (unsigned)k->fills[i]);
  /* the borders, by xlw_border: none, a thin bottom, a thin box */
  const char *thin = " style=\"thin\"><color auto=\"1\"/>";
  buf_printf(b, "</fills><borders count=\"3\"><border><left/><right/><top/>"
                "<bottom/><diagonal/></border><border><left/><right/><top/>"
                "<bottom%s</bottom><diagonal/></border><border><left%s</left>"
                "<right%s</right><top%s</top><bottom%s</bottom><diagonal/>"
                "</border></borders>",
             thin, thin, thin, thin, thin);
  buf_puts(b, "<cellStyleXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" "
              "fillId=\"0\" borderId=\"0\"/><xf numFmtId=\"0\" fontId=\"1\" "
              "fillId=\"0\" borderId=\"0\" applyNumberFormat=\"0\" "
              "applyFill=\"0\" applyBorder=\"0\" applyAlignment=\"0\" "
              "applyProtection=\"0\"><alignment vertical=\"top\"/>"
              "<protection locked=\"0\"/></xf></cellStyleXfs>");
  buf_printf(b, "<cellXfs count=\"%zu\">", k->n_styles);
  static const char *const H[] = {NULL, "left", "center", "right"};
  static const char *const V[] = {NULL, "top", "center"};
  for (size_t i = 0; i < k->n_styles; i++) {
    const xstyle *x = &k->styles[i];
    const xlw_style *s = &x->s;
    buf_printf(b, "<xf numFmtId=\"%d\" fontId=\"%d\" fillId=\"%d\" "
                  "borderId=\"%d\" xfId=\"%d\"",
               x->fmt, x->font, x->fill, (int)s->border, x->link ? 1 : 0);
    bool align = s->halign || s->valign || s->wrap;
    buf_printf(b, "%s%s%s%s%s", x->fmt ? " applyNumberFormat=\"1\"" : "",
               x->font && !x->link ? " applyFont=\"1\"" : "",
               x->fill ? " applyFill=\"1\"" : "",
               s->border ? " applyBorder=\"1\"" : "",
               align ? " applyAlignment=\"1\"" : "");
    if (x->link)
      buf_puts(b, " applyAlignment=\"1\" applyProtection=\"1\"");
    if (!align) {
      buf_puts(b, "/>");
      continue;
    }
    buf_puts(b, "><alignment");
    if (s->halign)
      buf_printf(b, " horizontal=\"%s\"", H[s->halign]);
    if (s->valign)
      buf_printf(b, " vertical=\"%s\"", V[s->valign]);
    if (s->wrap)
      buf_puts(b, " wrapText=\"1\"");
    buf_puts(b, "/></xf>");
  }
  buf_puts(b, "</cellXfs><cellStyles count=\"2\"><cellStyle name=\"Hyperlink\" "
              "xfId=\"1\" builtinId=\"8\"/><cellStyle name=\"Normal\" "
              "xfId=\"0\" builtinId=\"0\"/></cellStyles><dxfs count=\"0\"/>"
              "<tableStyles count=\"0\" defaultTableStyle=\"TableStyleMedium9\""
              " defaultPivotStyle=\"PivotStyleLight16\"/></styleSheet>");
}

/* Leading or trailing white space, which XML readers may drop unless the
   element says xml:space="preserve". */
static bool edge_space(const char *s)
{
  size_t n = strlen(s);
  return n && (strchr(" \t\n\r", s[0]) || strchr(" \t\n\r", s[n - 1]));
}

static void strings_xml(buf *b, const xlw_book *k, size_t count)
{
  buf_printf(b, OPC_XML_DECL "<sst xmlns=\"" NS_MAIN "\" count=\"%zu\" "
                "uniqueCount=\"%zu\">",
             count, k->n_sst);
  for (size_t i = 0; i < k->n_sst; i++) {
    buf_puts(b, edge_space(k->sst[i]) ? "<si><t xml:space=\"preserve\">"
                                      : "<si><t>");
    xml_text(b, k->sst[i]);
    buf_puts(b, "</t></si>");
  }
  buf_puts(b, "</sst>");
}

static void workbook_xml(buf *b, const xlw_book *k)
{
  buf_puts(b, OPC_XML_DECL "<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\""
              OPC_NS_R "\"><workbookPr/><bookViews><workbookView "
              "xWindow=\"240\" yWindow=\"15\" windowWidth=\"16095\" "
              "windowHeight=\"9660\"/></bookViews><sheets>");
  for (size_t i = 0; i < k->n_sheets; i++) {
    buf_puts(b, "<sheet name=\"");
    xml_text(b, k->sheets[i]->name);
    buf_printf(b, "\" sheetId=\"%zu\"%s r:id=\"rId%zu\"/>", i + 1,
               k->sheets[i]->hidden ? " state=\"hidden\"" : "", i + 1);
  }
  buf_puts(b, "</sheets>");
  bool any = false;
  for (size_t i = 0; i < k->n_sheets; i++) {
    const xlw_sheet *s = k->sheets[i];
    if (!s->has_titles)
      continue;
    if (!any)
      buf_puts(b, "<definedNames>");
    any = true;
    buf_printf(b, "<definedName name=\"_xlnm.Print_Titles\" "
                  "localSheetId=\"%zu\">",
               i);
    put_sheet_ref(b, s->name);
    buf_printf(b, "!$%lu:$%lu</definedName>",
               (unsigned long)s->title_r0 + 1, (unsigned long)s->title_r1 + 1);
  }
  if (any)
    buf_puts(b, "</definedNames>");
  buf_puts(b, "<calcPr calcId=\"124519\" fullCalcOnLoad=\"1\"/></workbook>");
}

bool xlw_finish(xlw_book *k, const opc_props *props, diag_list *dl, buf *out)
{
  size_t n = k->n_sheets, strings = 0;
  buf *sheets = mem_alloc((n ? n : 1) * sizeof *sheets);
  for (size_t i = 0; i < n; i++) {
    buf_init(&sheets[i]);
    strings += settle(k->sheets[i]);
    sheet_xml(&sheets[i], k->sheets[i], i == 0);
  }
  enum { CT, RELS, APP, CORE, BOOK, BOOK_RELS, STYLES, SST, NPARTS };
  buf parts[NPARTS];
  for (size_t i = 0; i < NPARTS; i++)
    buf_init(&parts[i]);
  buf over;
  buf_init(&over);
  buf_puts(&over, "<Override PartName=\"/xl/workbook.xml\" ContentType=\""
                  CT_SML "sheet.main+xml\"/><Override PartName=\"/xl/"
                  "styles.xml\" ContentType=\"" CT_SML "styles+xml\"/>"
                  "<Override PartName=\"/xl/sharedStrings.xml\" "
                  "ContentType=\"" CT_SML "sharedStrings+xml\"/>");
  buf_puts(&parts[BOOK_RELS], OPC_XML_DECL "<Relationships xmlns=\""
                              OPC_NS_REL "\">");
  for (size_t i = 0; i < n; i++) {
    buf_printf(&over, "<Override PartName=\"/xl/worksheets/sheet%zu.xml\" "
                      "ContentType=\"" CT_SML "worksheet+xml\"/>",
               i + 1);
    buf_printf(&parts[BOOK_RELS],
               "<Relationship Id=\"rId%zu\" Type=\"" OPC_REL_BASE
               "worksheet\" Target=\"worksheets/sheet%zu.xml\"/>",
               i + 1, i + 1);
  }
  buf_printf(&parts[BOOK_RELS],
             "<Relationship Id=\"rId%zu\" Type=\"" OPC_REL_BASE
             "styles\" Target=\"styles.xml\"/><Relationship Id=\"rId%zu\" "
             "Type=\"" OPC_REL_BASE "sharedStrings\" Target=\""
             "sharedStrings.xml\"/></Relationships>",
             n + 1, n + 2);
  opc_content_types(&parts[CT], "", over.data);
  buf_fini(&over);
  opc_package_rels(&parts[RELS], "xl/workbook.xml");
  /* as libxlsxwriter named it: LibreOffice then sets each row at the
     height Excel shows (whole pixels at 96 dpi: 40 pt → 39.75), which the
     row heights of xlsx.c were measured under; named otherwise, the rows
     come out a fraction of a point taller and the 205-1 form's third note
     falls onto a second page */
  opc_app(&parts[APP], "Microsoft Excel");
  opc_core(&parts[CORE], props);
  workbook_xml(&parts[BOOK], k);
  styles_xml(&parts[STYLES], k);
  strings_xml(&parts[SST], k, strings);
  static const char *const names[NPARTS] = {
      "[Content_Types].xml", "_rels/.rels",         "docProps/app.xml",
      "docProps/core.xml",   "xl/workbook.xml",     "xl/_rels/workbook.xml.rels",
      "xl/styles.xml",       "xl/sharedStrings.xml"};
  zip_writer *z = zipw_new(dl, props->has_date, props->epoch);
  zipw_level(z, ZIP_LEVEL);
  bool ok = true;
  for (size_t i = 0; ok && i < NPARTS; i++)
    ok = zipw_add(z, names[i], parts[i].data, parts[i].len);
  for (size_t i = 0; ok && i < n; i++)
    ok = zipw_add(z, arena_printf(k->a, "xl/worksheets/sheet%zu.xml", i + 1),
                  sheets[i].data, sheets[i].len);
  ok = zipw_finish(z, out) && ok;
  for (size_t i = 0; i < NPARTS; i++)
    buf_fini(&parts[i]);
  for (size_t i = 0; i < n; i++)
    buf_fini(&sheets[i]);
  mem_free(sheets);
  return ok;
}

/* }====================================================== */
