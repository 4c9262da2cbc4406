/* layout.c — document blocks to pages of boxes (see layout.h).
 *
 * One pass places every block top to bottom; pages that the table of
 * contents needs are reserved when {% toc %} is met (their number is
 * known in advance: one line per heading of levels 1 and 2, measured) and
 * filled at the end, when every heading's page is known. Headers and
 * footers ("第 X 页 / 共 Y 页") are added last, when the page count is
 * known. Invariants: every box lies inside the page; a table's header row
 * is repeated at the top of each page it continues on; a heading is never
 * the last thing on a page. */
#include "layout.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../chart/chart.h"
#include "../template/docnum.h"
#include "linebreak.h"

#define MM (72.0 / 25.4)

lay_style lay_default_style(void)
{
  lay_style s;
  memset(&s, 0, sizeof s);
  s.page_w = 595.28;
  s.page_h = 841.89;
  s.margin_top = 25 * MM;
  s.margin_bottom = 20 * MM;
  s.margin_left = 20 * MM;
  s.margin_right = 20 * MM;
  s.body_size = 10.5;
  s.line_spacing = 1.5;
  s.color_primary = 0x1F4E79;
  s.color_text = 0x1A1A1A;
  s.color_secondary = 0x595959;
  s.color_band = 0xDCE6F0;
  s.color_rule = 0x7F7F7F;
  s.firm_zh = "";
  s.firm_en = "";
  s.report_no = "";
  return s;
}

typedef struct toc_entry {
  int level;
  const char *text;
  size_t page;
} toc_entry;

typedef struct L {
  arena *a;
  const doc *d;
  const lay_style *st;
  lay_lang lang;
  lay_measure m;
  void *ctx;
  layout *out;
  lay_page *page;
  double y;          /* top of the free space on the page */
  double left, width, bottom, top;
  doc_numbers num;    /* headings, tables, figures (template/docnum.h) */
  bool in_cover;
  size_t cover_pages;
  toc_entry *toc;
  size_t n_toc, cap_toc;
  size_t toc_first, toc_pages;
  bool has_toc;
  const doc_table *memo_t; /* the table last measured, and its measures */
  struct tmeasure *memo;
} L;

/* {====================================================== boxes */

static lay_box *add_box(L *l, box_kind k)
{
  lay_page *p = l->page;
  lay_box *b = ARENA_PUSH(l->a, p->boxes, p->n, p->cap);
  b->kind = k;
  return b;
}

static void text_box(L *l, double x, double baseline, const char *s,
                     lay_face face, double size, uint32_t color)
{
  lay_box *b = add_box(l, BOX_TEXT);
  b->x = x;
  b->y = baseline;
  b->text = arena_strdup(l->a, s); /* callers may pass stack buffers */
  b->face = face;
  b->size = size;
  b->color = color;
  b->w = l->m(l->ctx, s, strlen(s), face, size);
}

static void rule_box(L *l, double x, double y, double w, double lw,
                     uint32_t color)
{
  lay_box *b = add_box(l, BOX_RULE);
  b->x = x;
  b->y = y;
  b->w = w;
  b->h = lw;
  b->color = color;
}

static void rect_box(L *l, double x, double y, double w, double h,
                     uint32_t color)
{
  lay_box *b = add_box(l, BOX_RECT);
  b->x = x;
  b->y = y;
  b->w = w;
  b->h = h;
  b->color = color;
}

static void new_page(L *l)
{
  layout *o = l->out;
  l->page = ARENA_PUSH(l->a, o->pages, o->n, o->cap);
  l->page->cover = l->in_cover;
  if (l->in_cover)
    l->cover_pages = o->n;
  l->y = l->top;
}

static bool at_page_top(const L *l) { return l->y >= l->top - 0.01; }

/* Starts a new page unless h more points fit. */
static void ensure(L *l, double h)
{
  if (l->y - h < l->bottom && !at_page_top(l))
    new_page(l);
}

static void mark(L *l, int level, const char *title)
{
  layout *o = l->out;
  lay_mark *m = ARENA_PUSH(l->a, o->marks, o->n_marks, o->cap_marks);
  m->level = level;
  m->title = title;
  m->page = o->n - 1;
  m->y = l->y;
}

/* }====================================================== */
/* {====================================================== wrapping */

/* The end of the character starting at text[i]. */
static size_t char_end(const char *text, size_t n, size_t i)
{
  size_t j = i + 1;
  while (j < n && ((unsigned char)text[j] & 0xC0) == 0x80)
    j++;
  return j;
}

/* Each line is the longest run from its start to a break opportunity
   that fits, trailing spaces not counted. Widths are summed character by
   character as the line grows (the measure is additive: layout.h), once
   per character, not measured again from the line's start at every
   opportunity: in Chinese, where every character is one, that was
   quadratic in the line's length and half the layout's time. */
size_t layout_wrap(arena *a, const char *text, double w, lay_face face,
                   double size, lay_measure measure, void *ctx,
                   const char ***lines)
{
  size_t n = strlen(text);
  size_t cap = 8, nl = 0;
  const char **out = ARENA_ARRAY(a, const char *, cap);
  if (!n) {
    out[0] = "";
    *lines = out;
    return 1;
  }
  /* A text that fits whole on the line (most table cells) is one line:
     its break opportunities are not needed, and finding them (UAX #14)
     costs more than measuring it. Found by measuring up to the width. */
  size_t first = 0;
  while (first < n && text[first] == ' ')
    first++;
  if (first == n) {
    out[0] = "";
    *lines = out;
    return 1;
  }
  double whole = 0, whole_inked = 0;
  size_t at = first;
  while (at < n && text[at] != '\n') {
    size_t next = char_end(text, n, at);
    whole += measure(ctx, text + at, next - at, face, size);
    if (text[at] != ' ')
      whole_inked = whole;
    if (whole_inked > w)
      break;
    at = next;
  }
  if (at == n) {
    size_t e = n;
    while (e > first && text[e - 1] == ' ')
      e--;
    out[0] = arena_strndup(a, text + first, e - first);
    *lines = out;
    return 1;
  }
  /* on the heap, freed below: the arena would keep a copy of every
     paragraph's opportunities for the run */
  char *brk = mem_alloc(n + 1);
  lb_breaks(text, n, brk);
  size_t start = 0;
  while (start < n) {
    /* Skip spaces at the start of a line. */
    while (start < n && text[start] == ' ')
      start++;
    if (start >= n)
      break;
    size_t last_ok = 0; /* end (exclusive) of the longest fitting segment */
    size_t i = start;
    bool must = false;
    double width = 0,  /* of text[start..i) */
        inked = 0;     /* of it without its trailing spaces */
    while (i < n) {
      size_t j = char_end(text, n, i);
      if (brk[j - 1] == LB_MUST && text[j - 1] == '\n') {
        /* a hard line break: the line ends before the newline */
        if (width <= w || !last_ok) {
          last_ok = j; /* consume the newline */
          must = true;
        }
        break;
      }
      width += measure(ctx, text + i, j - i, face, size);
      if (text[i] != ' ')
        inked = width;
      if (brk[j - 1] != LB_NO || j == n) {
        if (inked <= w)
          last_ok = j;
        else
          break;
      }
      i = j;
    }
    if (!last_ok) {
      /* Nothing fits: break inside the word, character by character. */
      size_t j = start;
      size_t fit = 0;
      double run = 0;
      while (j < n) {
        size_t k = char_end(text, n, j);
        run += measure(ctx, text + j, k - j, face, size);
        if (run > w && fit)
          break;
        fit = k;
        j = k;
      }
      last_ok = fit;
    }
    size_t e = last_ok;
    if (must && e > start && text[e - 1] == '\n')
      e--;
    while (e > start && text[e - 1] == ' ')
      e--;
    *ARENA_PUSH(a, out, nl, cap) = arena_strndup(a, text + start, e - start);
    start = last_ok;
  }
  mem_free(brk);
  if (!nl)
    out[nl++] = "";
  *lines = out;
  return nl;
}

/* }====================================================== */
/* {====================================================== text blocks */

static double line_h(const L *l, double size) { return size * l->st->line_spacing; }

/* Places wrapped text; align 0 left, 1 centre. Returns lines placed. */
static size_t para(L *l, const char *text, lay_face face, double size,
                   uint32_t color, double indent, int align, double after)
{
  const char **lines;
  size_t n = layout_wrap(l->a, text, l->width - indent, face, size, l->m,
                         l->ctx, &lines);
  double lh = line_h(l, size);
  for (size_t i = 0; i < n; i++) {
    /* keep at least two lines of a paragraph together at a page end */
    ensure(l, (i == 0 && n > 1) ? 2 * lh : lh);
    double base = l->y - (lh - size) / 2 - size * 0.82;
    double x = l->left + indent;
    if (align == 1)
      x = l->left + (l->width - l->m(l->ctx, lines[i], strlen(lines[i]), face,
                                     size)) /
                        2;
    text_box(l, x, base, lines[i], face, size, color);
    l->y -= lh;
  }
  l->y -= after;
  return n;
}

static bool differs(doc_text t) { return t.en && t.zh && strcmp(t.zh, t.en); }

/* A text in the output language; bilingual gives zh first. */
static const char *pick(const L *l, doc_text t)
{
  if (l->lang == LANG_EN)
    return t.en ? t.en : t.zh;
  return t.zh ? t.zh : t.en;
}

static void bilingual_para(L *l, doc_text t, double indent, int align,
                           double size)
{
  const lay_style *st = l->st;
  if (l->lang == LANG_BILINGUAL && differs(t)) {
    para(l, t.zh, FACE_REGULAR, size, st->color_text, indent, align, 0);
    para(l, t.en, FACE_REGULAR, size - 1.5, st->color_secondary, indent, align,
         size * 0.6);
  } else {
    para(l, pick(l, t), FACE_REGULAR, size, st->color_text, indent, align,
         size * 0.6);
  }
}

/* }====================================================== */
/* {====================================================== headings */

static void add_toc(L *l, int level, const char *text)
{
  toc_entry *e = ARENA_PUSH(l->a, l->toc, l->n_toc, l->cap_toc);
  e->level = level;
  e->text = text;
  e->page = l->out->n - 1;
}

static const double heading_sizes[] = {16, 13, 11.5};

static double table_start_height(L *l, const doc_table *t);
static double chart_block_height(const L *l, const doc_chart *c);
static double image_block_height(const L *l, const doc_image *im);

/* The height a heading takes (as heading() sets it). */
static double heading_height(const L *l, const doc_block *b)
{
  double size = heading_sizes[b->level - 1];
  const char *zh = b->text.zh ? b->text.zh : "", *en = b->text.en ? b->text.en : zh;
  bool two = l->lang == LANG_BILINGUAL && strcmp(zh, en) != 0;
  return line_h(l, size) * (two ? 2 : 1) + size * (b->level == 1 ? 0.85 : 0.95) +
         (b->level == 1 ? 6 : 0);
}

/* What must stay on the page of a heading after it: the start of the
   block that follows (two lines of a paragraph, a table's caption, header
   and first rows, a whole chart; a heading that follows, with its own
   start), so that a heading is never the last thing on a page. */
static double lead_of(L *l, size_t i, int depth)
{
  const doc *d = l->d;
  if (i >= d->n || d->blocks[i].kind == DOC_PAGEBREAK)
    return 0;
  const doc_block *b = &d->blocks[i];
  double body = line_h(l, l->st->body_size);
  switch (b->kind) {
  case DOC_PARA:
  case DOC_LIST_ITEM:
    return 2 * body;
  case DOC_NOTE:
    return 2 * line_h(l, 8.5);
  case DOC_TABLE:
    return table_start_height(l, b->table);
  case DOC_CHART:
    return chart_block_height(l, b->chart);
  case DOC_IMAGE:
    return image_block_height(l, b->image);
  case DOC_HEADING:
    if (depth >= 3 || b->level == 1) /* a chapter starts a new page */
      return 0;
    return heading_height(l, b) + lead_of(l, i + 1, depth + 1);
  default:
    return 0;
  }
}

static void heading(L *l, const doc_block *b, size_t index)
{
  const lay_style *st = l->st;
  double size = heading_sizes[b->level - 1];
  if (b->level == 1 && !l->in_cover && !at_page_top(l))
    new_page(l);
  char num[32];
  doc_number_heading(&l->num, b, num, sizeof num);
  const char *zh = b->text.zh ? b->text.zh : "", *en = b->text.en ? b->text.en : zh;
  const char *prefix_zh = "", *prefix_en = "";
  if (b->appendix) {
    prefix_zh = arena_printf(l->a, "附录%c ", b->appendix);
    prefix_en = arena_printf(l->a, "Appendix %c ", b->appendix);
  } else if (*num) {
    prefix_zh = prefix_en = arena_printf(l->a, "%s ", num);
  }
  const char *line1, *line2 = NULL;
  if (l->lang == LANG_EN) {
    line1 = arena_printf(l->a, "%s%s", prefix_en, en);
  } else {
    line1 = arena_printf(l->a, "%s%s", prefix_zh, zh);
    if (l->lang == LANG_BILINGUAL && strcmp(zh, en) != 0)
      line2 = arena_printf(l->a, "%s%s", prefix_en, en);
  }
  /* keep with the next block (a page at most) */
  double need = heading_height(l, b) + lead_of(l, index + 1, 0);
  ensure(l, fmin(need, l->top - l->bottom));
  l->y -= b->level == 1 ? size * 0.5 : size * 0.6;
  para(l, line1, FACE_BOLD, size, st->color_primary, 0, 0, 0);
  if (line2)
    para(l, line2, FACE_REGULAR, size - 2.5, st->color_primary, 0, 0, 0);
  l->y -= size * 0.35;
  if (b->level == 1) {
    rule_box(l, l->left, l->y + 2, l->width, 0.6, st->color_primary);
    l->y -= 6;
  }
  if (b->level <= 2) {
    const char *entry = line2 ? arena_printf(l->a, "%s  %s", line1, en) : line1;
    add_toc(l, b->level, entry);
    mark(l, b->level, line2 ? arena_printf(l->a, "%s / %s", line1, en) : line1);
  }
}

/* }====================================================== */
/* {====================================================== tables */

typedef struct cell_lines {
  const char **zh, **en;
  size_t nzh, nen;
} cell_lines;

static double cell_size(const L *l) { return l->st->body_size - 1.5; }

static void wrap_cell(L *l, doc_text t, double w, lay_face face, double size,
                      cell_lines *c)
{
  c->nen = 0;
  if (l->lang == LANG_BILINGUAL && differs(t)) {
    c->nzh = layout_wrap(l->a, t.zh, w, face, size, l->m, l->ctx, &c->zh);
    c->nen = layout_wrap(l->a, t.en, w, face, size - 1, l->m, l->ctx, &c->en);
  } else {
    c->nzh = layout_wrap(l->a, pick(l, t), w, face, size, l->m, l->ctx, &c->zh);
  }
}

static double cell_height(const L *l, const cell_lines *c)
{
  double s = cell_size(l);
  return c->nzh * s * 1.3 + c->nen * (s - 1) * 1.3;
}

/* Draws a row at l->y; returns its height. */
static void draw_row(L *l, const doc_table *t, const double *x, const double *w,
                     cell_lines *cells, double h, lay_face face, bool band)
{
  const lay_style *st = l->st;
  double pad = 3, s = cell_size(l);
  if (band)
    rect_box(l, l->left, l->y - h, l->width, h, st->color_band);
  for (size_t c = 0; c < t->ncols; c++) {
    double base = l->y - pad - s * 0.95;
    for (int lang = 0; lang < 2; lang++) {
      const char **lines = lang ? cells[c].en : cells[c].zh;
      size_t n = lang ? cells[c].nen : cells[c].nzh;
      double size = lang ? s - 1 : s;
      uint32_t color = lang ? st->color_secondary : st->color_text;
      for (size_t i = 0; i < n; i++) {
        double tw = l->m(l->ctx, lines[i], strlen(lines[i]), face, size);
        double xx = x[c] + pad;
        doc_align al = t->align[c];
        if (band && al == ALIGN_NUMBER)
          al = ALIGN_CENTER;
        if (al == ALIGN_NUMBER)
          xx = x[c] + w[c] - pad - tw;
        else if (al == ALIGN_CENTER)
          xx = x[c] + (w[c] - tw) / 2;
        text_box(l, xx, base, lines[i], face, size, color);
        base -= size * 1.3;
      }
    }
  }
  l->y -= h;
}

static void caption(L *l, const doc_table *t)
{
  const lay_style *st = l->st;
  char num[32];
  doc_number_table(&l->num, num, sizeof num);
  doc_text c = t->caption;
  if (!c.zh && !c.en)
    return;
  const char *zh = c.zh ? c.zh : c.en, *en = c.en ? c.en : zh;
  double s = st->body_size - 0.5;
  if (l->lang != LANG_EN)
    para(l, arena_printf(l->a, "表 %s  %s", num, zh), FACE_BOLD, s,
         st->color_text, 0, 1, 0);
  if (l->lang == LANG_EN || (l->lang == LANG_BILINGUAL && strcmp(zh, en)))
    para(l, arena_printf(l->a, "Table %s  %s", num, en),
         l->lang == LANG_EN ? FACE_BOLD : FACE_REGULAR,
         l->lang == LANG_EN ? s : s - 1, st->color_secondary, 0, 1, 0);
  l->y -= 2;
}

/* A table with at most this many rows is kept on one page when it fits
   on one (a longer one that moved whole would leave half a page empty); a longer one splits, never leaving one row alone on a page. */
#define KEEP_ROWS 12

/* A table's columns and rows, wrapped and measured before it is set. */
typedef struct tmeasure {
  double *w, *x;      /* column widths and left edges */
  cell_lines *head;   /* the header row's cells */
  double head_h;
  cell_lines *cells;  /* nrows × ncols */
  double *h;          /* each row's height */
  double cap_h;       /* the caption's */
} tmeasure;

static const double TPAD = 3;

static lay_face row_face(const doc_table *t, size_t r)
{
  return t->last_is_total && r + 1 == t->nrows ? FACE_BOLD : FACE_REGULAR;
}

/* The caption's lines as caption() sets them. */
static double caption_height(L *l, const doc_table *t)
{
  const doc_text c = t->caption;
  if (!c.zh && !c.en)
    return 0;
  const char *zh = c.zh ? c.zh : c.en, *en = c.en ? c.en : zh;
  double s = l->st->body_size - 0.5, h = 2;
  const char **ls;
  if (l->lang != LANG_EN)
    h += line_h(l, s) * (double)layout_wrap(
                            l->a, arena_printf(l->a, "表 00-00  %s", zh),
                            l->width, FACE_BOLD, s, l->m, l->ctx, &ls);
  if (l->lang == LANG_EN || (l->lang == LANG_BILINGUAL && strcmp(zh, en)))
    h += line_h(l, s) * (double)layout_wrap(
                            l->a, arena_printf(l->a, "Table 00-00  %s", en),
                            l->width, FACE_BOLD, s, l->m, l->ctx, &ls);
  return h;
}

/* The widest run without a space in s, set in face at size. */
static double widest_word(L *l, const char *s, lay_face face, double size)
{
  double most = 0;
  while (s && *s) {
    while (*s == ' ')
      s++;
    size_t n = strcspn(s, " ");
    if (n)
      most = fmax(most, l->m(l->ctx, s, n, face, size));
    s += n;
  }
  return most;
}

/* A number never breaks inside (13,100.0 over 0): a number column narrower
   than its widest figure takes the difference from the text columns, in
   proportion to their widths, as long as they keep at least half of
   theirs (text wraps; a figure cannot). Widths in w change in place;
   their sum does not. */
static void widen_number_columns(L *l, const doc_table *t, double *w)
{
  size_t nc = t->ncols;
  double need = 0, donors = 0;
  double *want = ARENA_ARRAY(l->a, double, nc);
  for (size_t c = 0; c < nc; c++) {
    want[c] = 0;
    if (t->align[c] != ALIGN_NUMBER) {
      donors += w[c];
      continue;
    }
    for (size_t r = 0; r < t->nrows; r++) {
      doc_text x = t->cells[r * nc + c];
      double s = cell_size(l);
      want[c] = fmax(want[c], widest_word(l, pick(l, x), row_face(t, r), s));
      if (l->lang == LANG_BILINGUAL && differs(x))
        want[c] = fmax(want[c], widest_word(l, x.en, row_face(t, r), s - 1));
    }
    want[c] += 2 * TPAD + 0.5;
    need += fmax(0, want[c] - w[c]);
  }
  if (need <= 0 || donors <= 0 || need > donors / 2)
    return;
  for (size_t c = 0; c < nc; c++)
    w[c] = t->align[c] == ALIGN_NUMBER ? fmax(w[c], want[c])
                                       : w[c] - need * w[c] / donors;
}

static void measure_table_now(L *l, const doc_table *t, tmeasure *m)
{
  size_t nc = t->ncols;
  double total = 0;
  for (size_t c = 0; c < nc; c++)
    total += t->weight[c] > 0 ? t->weight[c] : 1;
  m->w = ARENA_ARRAY(l->a, double, nc);
  m->x = ARENA_ARRAY(l->a, double, nc);
  for (size_t c = 0; c < nc; c++)
    m->w[c] = l->width * (t->weight[c] > 0 ? t->weight[c] : 1) / total;
  widen_number_columns(l, t, m->w);
  double xx = l->left;
  for (size_t c = 0; c < nc; c++) {
    m->x[c] = xx;
    xx += m->w[c];
  }
  m->head = ARENA_ARRAY(l->a, cell_lines, nc);
  m->head_h = 0;
  if (!t->keyvalue) {
    for (size_t c = 0; c < nc; c++) {
      wrap_cell(l, t->header[c], m->w[c] - 2 * TPAD, FACE_BOLD, cell_size(l),
                &m->head[c]);
      m->head_h = fmax(m->head_h, cell_height(l, &m->head[c]));
    }
    m->head_h += 2 * TPAD;
  }
  m->cells = ARENA_ARRAY(l->a, cell_lines, t->nrows * nc + 1);
  m->h = ARENA_ARRAY(l->a, double, t->nrows + 1);
  for (size_t r = 0; r < t->nrows; r++) {
    double h = 0;
    for (size_t c = 0; c < nc; c++) {
      cell_lines *cl = &m->cells[r * nc + c];
      wrap_cell(l, t->cells[r * nc + c], m->w[c] - 2 * TPAD, row_face(t, r),
                cell_size(l), cl);
      h = fmax(h, cell_height(l, cl));
    }
    m->h[r] = h + 2 * TPAD;
  }
  m->cap_h = caption_height(l, t);
}

/* The measures of table t: each cell wrapped once. A heading measures the
   table after it (what must stay on its page) just before the table is
   set, so the last table measured is kept; the measures depend on the
   table and on the text column (l->left, l->width), which a run does not
   change. */
static void measure_table(L *l, const doc_table *t, tmeasure *m)
{
  if (l->memo && l->memo_t == t) {
    *m = *l->memo;
    return;
  }
  measure_table_now(l, t, m);
  if (!l->memo)
    l->memo = ARENA_NEW(l->a, tmeasure);
  *l->memo = *m;
  l->memo_t = t;
}

/* What must stay together at the table's start: the caption, the header
   and every row of a short table, else the first two rows (no row alone
   at a page's foot). More than a page: the first rows that fit. */
static double table_lead(const L *l, const doc_table *t, const tmeasure *m)
{
  double lead = m->cap_h + m->head_h + 2, all = lead;
  for (size_t r = 0; r < t->nrows; r++)
    all += m->h[r];
  if (t->nrows <= KEEP_ROWS && all <= l->top - l->bottom)
    return all;
  for (size_t r = 0; r < t->nrows && r < 2; r++)
    lead += m->h[r];
  return fmin(lead, l->top - l->bottom);
}

static double table_start_height(L *l, const doc_table *t)
{
  if (!t->ncols)
    return 0;
  tmeasure m;
  measure_table(l, t, &m);
  return table_lead(l, t, &m);
}

static void table(L *l, const doc_table *t)
{
  const lay_style *st = l->st;
  size_t nc = t->ncols;
  if (!nc)
    return;
  tmeasure m;
  measure_table(l, t, &m);
  ensure(l, table_lead(l, t, &m));
  caption(l, t);
  rule_box(l, l->left, l->y, l->width, 0.9, st->color_text);
  if (!t->keyvalue) {
    draw_row(l, t, m.x, m.w, m.head, m.head_h, FACE_BOLD, true);
    rule_box(l, l->left, l->y, l->width, 0.5, st->color_text);
  }
  size_t on_page = 0; /* rows set on this page */
  for (size_t r = 0; r < t->nrows; r++) {
    bool is_total = t->last_is_total && r + 1 == t->nrows;
    double h = m.h[r];
    /* the last row never goes alone to the next page: the one before it
       goes with it, when the page keeps another row of the table */
    double need = h;
    if (r + 2 == t->nrows && on_page >= 2)
      need = h + m.h[r + 1];
    if (l->y - need < l->bottom && on_page > 0) {
      /* continue on the next page under a repeated header */
      rule_box(l, l->left, l->y, l->width, 0.9, st->color_text);
      new_page(l);
      on_page = 0;
      rule_box(l, l->left, l->y, l->width, 0.9, st->color_text);
      if (!t->keyvalue) {
        draw_row(l, t, m.x, m.w, m.head, m.head_h, FACE_BOLD, true);
        rule_box(l, l->left, l->y, l->width, 0.5, st->color_text);
      }
    }
    if (is_total)
      rule_box(l, l->left, l->y, l->width, 0.5, st->color_text);
    draw_row(l, t, m.x, m.w, &m.cells[r * nc], h, row_face(t, r), false);
    on_page++;
    if (r + 1 < t->nrows && !is_total)
      rule_box(l, l->left, l->y, l->width, 0.2, st->color_rule);
  }
  rule_box(l, l->left, l->y, l->width, 0.9, st->color_text);
  l->y -= st->body_size * 0.9;
}

/* }====================================================== */
/* {====================================================== charts */

/* The caption under a figure, numbered (图 5-1 / Figure 5-1). */
static void figure_caption(L *l, doc_text caption)
{
  const lay_style *st = l->st;
  char num[32];
  doc_number_figure(&l->num, num, sizeof num);
  const char *zh = caption.zh ? caption.zh : "",
             *en = caption.en ? caption.en : zh;
  double s = st->body_size - 0.5;
  if (l->lang != LANG_EN)
    para(l, arena_printf(l->a, "图 %s  %s", num, zh), FACE_BOLD, s,
         st->color_text, 0, 1, 0);
  if (l->lang == LANG_EN || (l->lang == LANG_BILINGUAL && strcmp(zh, en)))
    para(l, arena_printf(l->a, "Figure %s  %s", num, en),
         l->lang == LANG_EN ? FACE_BOLD : FACE_REGULAR,
         l->lang == LANG_EN ? s : s - 1, st->color_secondary, 0, 1, 0);
  l->y -= st->body_size * 0.8;
}

double layout_chart_height(const doc_chart *c)
{
  return c->kind == CHART_FLOW    ? 430
         : c->kind == CHART_BANDS ? fmax(90, 46.0 * (double)c->ncat + 30)
                                  : 190;
}

/* A chart: its drawing in a box the width of the text, the caption
   below it (图 5-1 / Figure 5-1). */
static double chart_height(const L *l, const doc_chart *c)
{
  return fmin(layout_chart_height(c), l->top - l->bottom - 60);
}

/* The chart's box and its caption. */
static double chart_block_height(const L *l, const doc_chart *c)
{
  return chart_height(l, c) + 2.4 * line_h(l, l->st->body_size - 0.5) + 8;
}

static void chart(L *l, const doc_chart *c)
{
  double h = chart_height(l, c);
  ensure(l, chart_block_height(l, c));
  ch_drawing *d = chart_draw(l->a, c, l->width, h, l->lang, l->m, l->ctx);
  double ox = l->left, oy = l->y - h - 4;
  for (size_t i = 0; i < d->n; i++) {
    const ch_cmd *cm = &d->cmds[i];
    switch (cm->kind) {
    case CH_RECT:
      rect_box(l, ox + cm->x, oy + cm->y, cm->w, cm->h, cm->color);
      break;
    case CH_LINE: {
      lay_box *b = add_box(l, BOX_LINE);
      b->x = ox + cm->x;
      b->y = oy + cm->y;
      b->x2 = ox + cm->w;
      b->y2 = oy + cm->h;
      b->h = cm->lw;
      b->color = cm->color;
      break;
    }
    case CH_POLY: {
      lay_box *b = add_box(l, BOX_POLY);
      b->pts = ARENA_ARRAY(l->a, double, 2 * cm->npts);
      for (size_t k = 0; k < cm->npts; k++) {
        b->pts[2 * k] = ox + cm->pts[2 * k];
        b->pts[2 * k + 1] = oy + cm->pts[2 * k + 1];
      }
      b->npts = cm->npts;
      b->color = cm->color;
      break;
    }
    case CH_TEXT: {
      double w = l->m(l->ctx, cm->text, strlen(cm->text), cm->face, cm->size);
      double x = ox + cm->x - (cm->anchor == 1 ? w / 2 : cm->anchor == 2 ? w : 0);
      text_box(l, x, oy + cm->y, cm->text, cm->face, cm->size, cm->color);
      break;
    }
    }
  }
  l->y = oy - 4;
  figure_caption(l, c->caption);
}

double layout_image_size(const doc_image *im, double width, double *h)
{
  /* its size at 150 dpi, within the text width and 110 mm high */
  double w = im->width_px * 72.0 / 150, hh = im->height_px * 72.0 / 150;
  double fit = fmin(1, fmin(width / w, 110 * MM / hh));
  *h = hh * fit;
  return w * fit;
}

/* A picture's box and its caption. */
static double image_block_height(const L *l, const doc_image *im)
{
  double h;
  layout_image_size(im, l->width, &h);
  return h + 2.4 * line_h(l, l->st->body_size - 0.5) + 8;
}

/* A picture, centred, with its caption below (图 D-1 / Figure D-1). */
static void image(L *l, const doc_image *im)
{
  double h, w = layout_image_size(im, l->width, &h);
  ensure(l, image_block_height(l, im));
  lay_box *b = add_box(l, BOX_IMAGE);
  b->w = w;
  b->h = h;
  b->x = l->left + (l->width - w) / 2;
  b->y = l->y - 4 - h;
  b->text = im->file;
  l->y = b->y - 4;
  figure_caption(l, im->caption);
}

/* }====================================================== */
/* {====================================================== contents */

/* The lines the contents will take: each heading of level 1 or 2 as
   fill_toc will set it (a number of the widest form, the titles). */
static size_t count_toc_lines(L *l)
{
  const lay_style *st = l->st;
  size_t lines = 3; /* the title and the space under it */
  for (size_t i = 0; i < l->d->n; i++) {
    const doc_block *b = &l->d->blocks[i];
    if (b->kind != DOC_HEADING || b->level > 2)
      continue;
    const char *zh = b->text.zh ? b->text.zh : "";
    const char *en = b->text.en ? b->text.en : zh;
    const char *text = l->lang == LANG_EN   ? arena_printf(l->a, "00.00 %s", en)
                       : differs(b->text) && l->lang == LANG_BILINGUAL
                           ? arena_printf(l->a, "00.00 %s  %s", zh, en)
                           : arena_printf(l->a, "00.00 %s", zh);
    double size = b->level == 1 ? st->body_size : st->body_size - 0.5;
    double indent = b->level == 1 ? 0 : 16;
    double nw = l->m(l->ctx, "000", 3, FACE_REGULAR, size);
    const char **ls;
    lines += layout_wrap(l->a, text, l->width - indent - nw - 20,
                         b->level == 1 ? FACE_BOLD : FACE_REGULAR, size, l->m,
                         l->ctx, &ls);
  }
  return lines;
}

static void reserve_toc(L *l)
{
  const lay_style *st = l->st;
  double lh = line_h(l, st->body_size);
  size_t per_page = (size_t)((l->top - l->bottom) / lh);
  size_t lines = count_toc_lines(l);
  l->toc_pages = (lines + per_page - 1) / per_page;
  if (!at_page_top(l))
    new_page(l);
  l->toc_first = l->out->n - 1;
  l->has_toc = true;
  for (size_t i = 1; i < l->toc_pages; i++)
    new_page(l);
  new_page(l);
}

static size_t display_page(const L *l, size_t index)
{
  return index + 1 - l->cover_pages;
}

static void fill_toc(L *l)
{
  const lay_style *st = l->st;
  double lh = line_h(l, st->body_size);
  size_t pg = l->toc_first;
  l->page = &l->out->pages[pg];
  l->y = l->top;
  const char *title = l->lang == LANG_EN          ? "Contents"
                      : l->lang == LANG_BILINGUAL ? "目  录  Contents"
                                                  : "目  录";
  para(l, title, FACE_BOLD, 16, st->color_primary, 0, 1, 10);
  for (size_t i = 0; i < l->n_toc; i++) {
    const toc_entry *e = &l->toc[i];
    if (l->y - lh < l->bottom && pg + 1 < l->toc_first + l->toc_pages) {
      l->page = &l->out->pages[++pg];
      l->y = l->top;
    }
    double indent = e->level == 1 ? 0 : 16;
    lay_face face = e->level == 1 ? FACE_BOLD : FACE_REGULAR;
    double size = e->level == 1 ? st->body_size : st->body_size - 0.5;
    char num[16];
    snprintf(num, sizeof num, "%zu", display_page(l, e->page));
    double nw = l->m(l->ctx, num, strlen(num), FACE_REGULAR, size);
    double avail = l->width - indent - nw - 20;
    const char **lines;
    size_t nl = layout_wrap(l->a, e->text, avail, face, size, l->m, l->ctx,
                            &lines);
    for (size_t k = 0; k < nl; k++) {
      double base = l->y - (lh - size) / 2 - size * 0.82;
      text_box(l, l->left + indent, base, lines[k], face, size, st->color_text);
      if (k + 1 == nl) {
        double tw = l->m(l->ctx, lines[k], strlen(lines[k]), face, size);
        /* dot leader */
        double dx0 = l->left + indent + tw + 6, dx1 = l->left + l->width - nw - 6;
        if (dx1 > dx0) {
          double dw = l->m(l->ctx, ". ", 2, FACE_REGULAR, size);
          size_t nd = dw > 0 ? (size_t)((dx1 - dx0) / dw) : 0;
          if (nd > 0 && nd < 400) {
            char *dots = arena_alloc(l->a, nd * 2 + 1);
            for (size_t d = 0; d < nd; d++) {
              dots[2 * d] = '.';
              dots[2 * d + 1] = ' ';
            }
            dots[nd * 2 - 1] = '\0';
            text_box(l, dx0, base, dots, FACE_REGULAR, size, st->color_rule);
          }
        }
        text_box(l, l->left + l->width - nw, base, num, FACE_REGULAR, size,
                 st->color_text);
      }
      l->y -= lh;
    }
  }
}

/* }====================================================== */
/* {====================================================== header, footer */

static void furniture(L *l)
{
  const lay_style *st = l->st;
  size_t total = l->out->n - l->cover_pages;
  double size = 8;
  for (size_t i = 0; i < l->out->n; i++) {
    lay_page *p = &l->out->pages[i];
    if (p->cover)
      continue;
    l->page = p;
    double hy = st->page_h - st->margin_top + 12;
    const char *left = l->lang == LANG_EN ? l->d->short_name.en
                                          : l->d->short_name.zh;
    const char *right = l->lang == LANG_EN ? l->d->title.en : l->d->title.zh;
    text_box(l, l->left, hy, left ? left : "", FACE_REGULAR, size,
             st->color_secondary);
    double rw = l->m(l->ctx, right, strlen(right), FACE_REGULAR, size);
    text_box(l, l->left + l->width - rw, hy, right, FACE_REGULAR, size,
             st->color_secondary);
    rule_box(l, l->left, hy - 4, l->width, 0.4, st->color_rule);
    size_t no = display_page(l, i);
    const char *foot =
        l->lang == LANG_EN ? arena_printf(l->a, "Page %zu of %zu", no, total)
        : l->lang == LANG_ZH
            ? arena_printf(l->a, "第 %zu 页 / 共 %zu 页", no, total)
            : arena_printf(l->a, "第 %zu 页 / 共 %zu 页  Page %zu of %zu", no,
                           total, no, total);
    double fw = l->m(l->ctx, foot, strlen(foot), FACE_REGULAR, size);
    text_box(l, (st->page_w - fw) / 2, st->margin_bottom / 2, foot,
             FACE_REGULAR, size, st->color_secondary);
  }
}

/* }====================================================== */

layout *layout_run(arena *a, const doc *d, const lay_style *st, lay_lang lang,
                   lay_measure measure, void *ctx)
{
  L l;
  memset(&l, 0, sizeof l);
  l.a = a;
  l.d = d;
  l.st = st;
  l.lang = lang;
  l.m = measure;
  l.ctx = ctx;
  l.out = ARENA_NEW(a, layout);
  l.left = st->margin_left;
  l.width = st->page_w - st->margin_left - st->margin_right;
  l.top = st->page_h - st->margin_top;
  l.bottom = st->margin_bottom + 10;
  bool starts_with_cover = d->n && d->blocks[0].kind == DOC_COVER_BEGIN;
  l.in_cover = starts_with_cover;
  new_page(&l);
  for (size_t i = 0; i < d->n; i++) {
    const doc_block *b = &d->blocks[i];
    switch (b->kind) {
    case DOC_HEADING:
      heading(&l, b, i);
      break;
    case DOC_PARA:
      if (l.in_cover)
        para(&l, pick(&l, b->text), FACE_BOLD, 15, st->color_text, 0, 1, 8);
      if (l.in_cover && l.lang == LANG_BILINGUAL && differs(b->text))
        para(&l, b->text.en, FACE_REGULAR, 12, st->color_secondary, 0, 1, 14);
      if (!l.in_cover)
        bilingual_para(&l, b->text, 0, 0, st->body_size);
      break;
    case DOC_LIST_ITEM: {
      double y0 = l.y;
      size_t page0 = l.out->n;
      ensure(&l, 2 * line_h(&l, st->body_size));
      if (l.out->n != page0)
        y0 = l.y;
      double base = y0 - (line_h(&l, st->body_size) - st->body_size) / 2 -
                    st->body_size * 0.82;
      text_box(&l, l.left + 4, base, "•", FACE_REGULAR, st->body_size,
               st->color_primary);
      bilingual_para(&l, b->text, 16, 0, st->body_size);
      break;
    }
    case DOC_NOTE:
      if (l.lang == LANG_BILINGUAL && differs(b->text)) {
        para(&l, b->text.zh, FACE_REGULAR, 8.5, st->color_secondary, 0, 0, 0);
        para(&l, b->text.en, FACE_REGULAR, 8, st->color_secondary, 0, 0, 6);
      } else {
        para(&l, pick(&l, b->text), FACE_REGULAR, 8.5, st->color_secondary, 0,
             0, 6);
      }
      break;
    case DOC_TABLE:
      table(&l, b->table);
      break;
    case DOC_CHART:
      chart(&l, b->chart);
      break;
    case DOC_IMAGE:
      image(&l, b->image);
      break;
    case DOC_PAGEBREAK:
      if (!at_page_top(&l))
        new_page(&l);
      break;
    case DOC_TOC:
      reserve_toc(&l);
      break;
    case DOC_COVER_BEGIN:
      l.in_cover = true;
      if (!at_page_top(&l))
        new_page(&l);
      l.page->cover = true;
      l.cover_pages = l.out->n;
      if (st->logo) {
        /* the firm's logo, 45 mm wide, top right of the cover */
        lay_box *img = add_box(&l, BOX_IMAGE);
        img->w = 45 * MM;
        img->h = 15 * MM;
        img->x = l.left + l.width - img->w;
        img->y = l.top - img->h;
        img->text = st->logo;
      }
      l.y = l.top - (l.top - l.bottom) * 0.22;
      break;
    case DOC_COVER_END:
      l.in_cover = false;
      new_page(&l);
      break;
    }
  }
  /* a trailing empty page (after a cover end or a page break) goes */
  if (l.out->n > 1 && l.out->pages[l.out->n - 1].n == 0)
    l.out->n--;
  if (l.has_toc)
    fill_toc(&l);
  furniture(&l);
  return l.out;
}
