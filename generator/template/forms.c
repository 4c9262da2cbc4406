/* forms.c — form layouts (templates/forms/NAME.yaml) loaded, checked and
 * filled from the results (see forms.h; the format is in
 * templates/README.md "Forms").
 *
 * Loading turns each file into a form: its columns, and its rows, each
 * with one compiled cell per column (a row that uses a model gets the
 * model's cells compiled with its $arguments put in). Every expression
 * is checked against the results schema, every unit looked up, every
 * column reference resolved and every formula checked for cycles, so
 * filling meets no error but a budget. Filling evaluates the rows (an
 * `each` row once per item), then the formulas: a row formula from the
 * cells of its own row, a total (sum, sumproduct) from the body rows
 * above it, each written as an Excel formula with the result computed
 * here stored beside it. */
#include "forms.h"

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "../base/buf.h"
#include "../base/utf8.h"
#include "../load/schema.h"
#include "../load/ytree.h"
#include "../rules/checks.h"
#include "../rules/expr.h"
#include "../xlsx/xlw.h"
#include "tmpl.h"

#define FORMS_MAX 64        /* form files in a set */
#define FORM_MAX_COLS 64    /* columns of a form */
#define FORM_MAX_ROWS 20000 /* rows a form fills */
#define FORM_MAX_TOKENS 256 /* tokens of a formula */
#define FORM_MAX_LINES 32   /* corner, info, notes, footer lines each */
#define SHEET_NAME_MAX 31   /* Excel's limit, in characters */

/* {====================================================== structures */

typedef enum { FT_NUM, FT_COL, FT_OP, FT_LP, FT_RP } ftok_kind;
typedef struct ftok {
  ftok_kind kind;
  double num;
  size_t col; /* FT_COL: column index */
  char op;    /* + - * / */
} ftok;

typedef enum {
  FC_TEXT,
  FC_VALUE,
  FC_FORMULA,
  FC_SUM,
  FC_SUMPRODUCT
} fcell_kind;

typedef struct fcell fcell;
struct fcell {
  fcell_kind kind;
  expr_text *zh, *en; /* FC_TEXT; en NULL: zh in both */
  expr *value;        /* FC_VALUE */
  double scale;       /* FC_VALUE: unit conversion factor */
  const char *fmt;    /* number format, NULL: the column's */
  ftok *toks;         /* FC_FORMULA */
  size_t ntoks;
  size_t col_a, col_b; /* FC_SUM (a), FC_SUMPRODUCT (a × b) */
  expr *when;          /* NULL: always */
  fcell *alt;          /* the next alternative when `when` fails */
  src_pos pos;
};

typedef struct frow {
  expr *item;    /* the item relative paths start from, or NULL */
  bool each;     /* item is a list: one row per element */
  expr *where;   /* each: keep the items where it holds */
  expr *when;    /* the row is left out unless it holds (root) */
  bool total;    /* bold */
  fcell **cells; /* ncols, NULL: empty */
  src_pos pos;
} frow;

typedef struct fcol {
  const char *id;
  doc_text head[2];
  size_t levels;
  const char *no;
  double width;
  const char *fmt;
  int align; /* texts: 0 left, 1 centre, 2 right */
} fcol;

typedef struct tline {
  expr_text *zh, *en; /* en NULL: zh in both */
} tline;

typedef struct form {
  const char *file; /* file name in the forms folder */
  doc_text sheet, title;
  src_pos sheet_pos;
  tline *corner, *info, *notes, *footer;
  size_t n_corner, n_info, n_notes, n_footer;
  fcol *cols;
  size_t ncols;
  frow *rows;
  size_t nrows;
} form;

struct form_set {
  form *forms;
  size_t n;
};

size_t forms_count(const form_set *fs) { return fs ? fs->n : 0; }

/* }====================================================== */
/* {====================================================== loading */

typedef struct loader {
  schema s;
  arena *a;
  diag_list *dl;
  const units *u;
  form *f;
  tmpl_paths *paths;   /* the schema's verdicts on path shapes */
  const ynode *models; /* the form's models: mapping */
  const ynode *args;   /* the current row's arguments: mapping or NULL */
  src_pos args_pos;
} loader;

/* Where the text of scalar n starts (a quoted scalar: after the quote). */
static src_pos at_char(const ynode *n, int chars, int len) {
  src_pos p = n->pos;
  p.col += (n->plain ? 0 : 1) + chars;
  p.len = len > 0 ? len : 1;
  return p;
}

static bool is_scalar(loader *l, const ynode *n, const char *path) {
  if (n && n->kind == YN_SCALAR)
    return true;
  diag_error(l->dl, n ? n->pos : src_none(), "%s: expected a string, found %s",
             path, ytree_kind_name(n));
  return false;
}

/* The text of scalar n with the row's $arguments put in. *changed tells
   that positions inside it no longer match the file. NULL after an
   error (an argument the row does not give). */
static const char *with_args(loader *l, const ynode *n, const char *path,
                             bool *changed) {
  *changed = false;
  const char *s = n->str;
  if (!strchr(s, '$'))
    return s;
  buf b;
  buf_init(&b);
  bool ok = true;
  for (const char *p = s; *p;) {
    if (*p != '$') {
      buf_putc(&b, *p++);
      continue;
    }
    const char *q = p + 1;
    while ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') ||
           (*q >= '0' && *q <= '9') || *q == '_')
      q++;
    if (q == p + 1) {
      buf_putc(&b, *p++);
      continue;
    }
    char name[64];
    snprintf(name, sizeof name, "%.*s", (int)(q - p - 1), p + 1);
    const ynode *v = l->args ? ytree_get(l->args, name) : NULL;
    if (!v || v->kind != YN_SCALAR) {
      int col = 0;
      for (const char *c = s; c < p; c++)
        col += ((unsigned char)*c & 0xC0) != 0x80;
      diag_error(l->dl, at_char(n, col, (int)(q - p)),
                 "%s: unknown argument $%s (the row's args%s)", path, name,
                 l->args ? " do not give it" : ": none given");
      ok = false;
    } else {
      buf_puts(&b, v->str);
      *changed = true;
    }
    p = q;
  }
  const char *r = ok ? arena_strdup(l->a, b.data ? b.data : "") : NULL;
  buf_fini(&b);
  return r;
}

/* The " | " that parts a text's Chinese from its English, outside
   placeholders; NULL when there is none. */
static const char *text_bar(const char *s) {
  int depth = 0;
  for (const char *q = s; *q; q++) {
    if (q[0] == '{' && q[1] == '{') {
      depth++;
      q++;
    } else if (q[0] == '}' && q[1] == '}' && depth) {
      depth--;
      q++;
    } else if (*q == '|' && !depth) {
      return q;
    }
  }
  return NULL;
}

static const char *trim(arena *a, const char *s, const char *e) {
  while (s < e && *s == ' ')
    s++;
  while (e > s && e[-1] == ' ')
    e--;
  return arena_strndup(a, s, (size_t)(e - s));
}

static int chars_of(const char *s, const char *e) {
  int n = 0;
  for (; s < e; s++)
    n += ((unsigned char)*s & 0xC0) != 0x80;
  return n;
}

static expr_text *compile_text(loader *l, const ynode *n, const char *full,
                               const char *part, bool changed,
                               const char *item_shape) {
  expr_error err;
  expr_text *t = expr_text_compile(l->a, l->u, part, true, item_shape,
                                   tmpl_path_check, l->paths, &err);
  if (!t) {
    const char *at = changed ? NULL : strstr(full, part);
    src_pos p =
        at ? at_char(n, chars_of(full, at) + err.col - 1, err.len) : n->pos;
    diag_error(l->dl, p, "%s", err.msg);
  }
  return t;
}

/* A bilingual text "中文 | English" (either part may hold {{…}}); with
   item_shape, relative paths start at the row's item. */
static bool parse_text(loader *l, const ynode *n, const char *path,
                       const char *item_shape, expr_text **zh, expr_text **en) {
  *zh = *en = NULL;
  if (!is_scalar(l, n, path))
    return false;
  bool changed;
  const char *s = with_args(l, n, path, &changed);
  if (!s)
    return false;
  const char *bar = text_bar(s);
  const char *z = trim(l->a, s, bar ? bar : s + strlen(s));
  *zh = compile_text(l, n, s, z, changed, item_shape);
  if (bar) {
    const char *e = trim(l->a, bar + 1, bar + strlen(bar));
    *en = compile_text(l, n, s, e, changed, item_shape);
    return *zh && *en;
  }
  return *zh != NULL;
}

/* A fixed bilingual text (no placeholders): titles, headers, lines. */
static bool fixed_text(loader *l, const ynode *n, const char *path,
                       doc_text *out) {
  if (!is_scalar(l, n, path))
    return false;
  const char *s = n->str, *bar = text_bar(s);
  out->zh = trim(l->a, s, bar ? bar : s + strlen(s));
  out->en = bar ? trim(l->a, bar + 1, bar + strlen(bar)) : out->zh;
  return true;
}

static expr *parse_expr(loader *l, const ynode *n, const char *path,
                        const char *item_shape) {
  if (!is_scalar(l, n, path))
    return NULL;
  bool changed;
  const char *s = with_args(l, n, path, &changed);
  if (!s)
    return NULL;
  expr_error err;
  expr *e =
      expr_parse(l->a, l->u, s, item_shape, tmpl_path_check, l->paths, &err);
  if (!e)
    diag_error(l->dl, changed ? n->pos : at_char(n, err.col - 1, err.len), "%s",
               err.msg);
  return e;
}

/* A unit name the units table knows. */
static bool parse_unit(loader *l, const ynode *n, const char *path,
                       unit_info *info, const char **name) {
  if (!is_scalar(l, n, path))
    return false;
  bool changed;
  const char *s = with_args(l, n, path, &changed);
  if (!s)
    return false;
  if (!units_lookup(s, strlen(s), info)) {
    char hint[160];
    units_hint(s, strlen(s), NULL, hint, sizeof hint);
    diag_error(l->dl,
               changed ? n->pos : at_char(n, 0, chars_of(s, s + strlen(s))),
               "%s: unknown unit \"%s\"%s", path, s, hint);
    return false;
  }
  *name = s;
  return true;
}

/* A number format of the templates that a spreadsheet can show: 0,
   0.0…, #, %, %0, %0.0… (at most 9 decimals). */
static bool good_number_format(const char *f) {
  if (strcmp(f, "#") == 0 || strcmp(f, "%") == 0)
    return true;
  if (*f == '%')
    f++;
  if (*f != '0')
    return false;
  f++;
  if (!*f)
    return true;
  if (*f != '.' || !f[1] || strlen(f + 1) > 9)
    return false;
  for (f++; *f; f++)
    if (*f != '0')
      return false;
  return true;
}

static bool parse_format(loader *l, const ynode *n, const char *path,
                         const char **out) {
  if (!is_scalar(l, n, path))
    return false;
  if (!good_number_format(n->str)) {
    diag_error(l->dl, at_char(n, 0, chars_of(n->str, n->str + n->len)),
               "%s: bad number format \"%s\" (use 0, 0.0, 0.00 …, #, %%, "
               "%%0, %%0.00 …)",
               path, n->str);
    return false;
  }
  *out = n->str;
  return true;
}

static ssize_t col_index(const form *f, const char *id, size_t len) {
  for (size_t i = 0; i < f->ncols; i++)
    if (strlen(f->cols[i].id) == len && strncmp(f->cols[i].id, id, len) == 0)
      return (ssize_t)i;
  return -1;
}

static void bad_column(loader *l, const ynode *n, const char *path, int col,
                       const char *id, size_t len) {
  const char **ids = ARENA_ARRAY(l->a, const char *, l->f->ncols + 1);
  for (size_t i = 0; i < l->f->ncols; i++)
    ids[i] = l->f->cols[i].id;
  const char *word = arena_strndup(l->a, id, len);
  const char *hint = sch_suggest(word, ids, l->f->ncols);
  diag_error(l->dl, at_char(n, col, chars_of(id, id + len)),
             "%s: no column \"%s\" in this form%s%s%s", path, word,
             hint ? " (did you mean \"" : "", hint ? hint : "",
             hint ? "\"?)" : "");
}

/* A column reference: the id of one of the form's columns. */
static bool parse_colref(loader *l, const ynode *n, const char *path,
                         size_t *out) {
  if (!is_scalar(l, n, path))
    return false;
  ssize_t c = col_index(l->f, n->str, n->len);
  if (c < 0) {
    bad_column(l, n, path, 0, n->str, n->len);
    return false;
  }
  *out = (size_t)c;
  return true;
}

/* formula := term (("+" | "-") term)*
   term    := factor (("*" | "/") factor)*
   factor  := NUMBER | COLUMN-ID | "(" formula ")" | "-" factor
   Tokens are checked here; the grammar by a walk that counts nesting. */
typedef struct fparse {
  const ftok *t;
  size_t n, i;
  int depth;
  bool ok;
} fparse;

static void f_expr(fparse *p);
static void f_factor(fparse *p) {
  if (++p->depth > 32 || p->i >= p->n) {
    p->ok = false;
    return;
  }
  const ftok *t = &p->t[p->i];
  if (t->kind == FT_NUM || t->kind == FT_COL) {
    p->i++;
  } else if (t->kind == FT_OP && t->op == '-') {
    p->i++;
    f_factor(p);
  } else if (t->kind == FT_LP) {
    p->i++;
    f_expr(p);
    if (p->i < p->n && p->t[p->i].kind == FT_RP)
      p->i++;
    else
      p->ok = false;
  } else {
    p->ok = false;
  }
  p->depth--;
}

static void f_expr(fparse *p) {
  f_factor(p);
  while (p->ok && p->i < p->n && p->t[p->i].kind == FT_OP)
    p->i++, f_factor(p);
}

static bool parse_formula(loader *l, const ynode *n, const char *path,
                          fcell *c) {
  if (!is_scalar(l, n, path))
    return false;
  ftok *toks = ARENA_ARRAY(l->a, ftok, FORM_MAX_TOKENS);
  size_t nt = 0;
  bool ok = true;
  const char *s = n->str;
  for (const char *p = s; *p;) {
    if (*p == ' ') {
      p++;
      continue;
    }
    if (nt == FORM_MAX_TOKENS) {
      diag_error(l->dl, at_char(n, chars_of(s, p), 1),
                 "%s: formula longer than %d tokens", path, FORM_MAX_TOKENS);
      return false;
    }
    ftok *t = &toks[nt++];
    memset(t, 0, sizeof *t);
    if ((*p >= '0' && *p <= '9') || *p == '.') {
      char *end;
      t->kind = FT_NUM;
      t->num = strtod(p, &end);
      if (end == p || !isfinite(t->num)) {
        diag_error(l->dl, at_char(n, chars_of(s, p), 1),
                   "%s: bad number in formula", path);
        return false;
      }
      p = end;
    } else if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
               *p == '_') {
      const char *q = p;
      while ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') ||
             (*q >= '0' && *q <= '9') || *q == '_')
        q++;
      ssize_t ci = col_index(l->f, p, (size_t)(q - p));
      if (ci < 0) {
        bad_column(l, n, path, chars_of(s, p), p, (size_t)(q - p));
        ok = false;
      }
      t->kind = FT_COL;
      t->col = ci < 0 ? 0 : (size_t)ci;
      p = q;
    } else if (strchr("+-*/", *p)) {
      t->kind = FT_OP;
      t->op = *p++;
    } else if (*p == '(' || *p == ')') {
      t->kind = *p++ == '(' ? FT_LP : FT_RP;
    } else {
      size_t cl = utf8_char_len(p, strlen(p));
      cl = cl ? cl : 1;
      diag_error(l->dl, at_char(n, chars_of(s, p), 1),
                 "%s: unexpected \"%.*s\" in formula (use column ids, "
                 "numbers, + - * / and parentheses)",
                 path, (int)cl, p);
      return false;
    }
  }
  if (!ok)
    return false;
  fparse fp = {toks, nt, 0, 0, true};
  f_expr(&fp);
  if (!fp.ok || fp.i != nt || !nt) {
    diag_error(l->dl, at_char(n, 0, chars_of(s, s + strlen(s))),
               "%s: formula \"%s\" is not well formed (column ids and "
               "numbers joined by + - * /, parentheses nested at most 32 "
               "deep)",
               path, s);
    return false;
  }
  c->toks = toks;
  c->ntoks = nt;
  return true;
}

/* cell  := TEXT | {text | value [from to per] | formula | sum | sumproduct,
             format?, when?} | [cell, cell …]   (alternatives: the first
             whose `when` holds) */
static fcell *parse_cell(loader *l, const ynode *n, const char *path,
                         const char *item_shape) {
  if (n->kind == YN_SEQ) {
    fcell *first = NULL, **tail = &first;
    if (!n->n) {
      diag_error(l->dl, n->pos, "%s: an empty list of alternatives", path);
      return NULL;
    }
    for (size_t i = 0; i < n->n; i++) {
      if (n->kids[i]->kind == YN_SEQ) {
        diag_error(l->dl, n->kids[i]->pos, "%s: alternatives do not nest",
                   sch_index(&l->s, path, i));
        return NULL;
      }
      fcell *c =
          parse_cell(l, n->kids[i], sch_index(&l->s, path, i), item_shape);
      if (!c)
        return NULL;
      *tail = c;
      tail = &c->alt;
    }
    return first;
  }
  fcell *c = ARENA_NEW(l->a, fcell);
  c->scale = 1;
  c->pos = n->pos;
  if (n->kind == YN_SCALAR) {
    c->kind = FC_TEXT;
    return parse_text(l, n, path, item_shape, &c->zh, &c->en) ? c : NULL;
  }
  static const char *const keys[] = {"text",   "value",   "from", "to",
                                     "per",    "formula", "sum",  "sumproduct",
                                     "format", "when",    NULL};
  if (!sch_map(&l->s, n, path, keys, NULL))
    return NULL;
  static const char *const kinds[] = {"text", "value",      "formula",
                                      "sum",  "sumproduct", NULL};
  const ynode *k = NULL;
  int nk = 0, which = -1;
  for (int i = 0; kinds[i]; i++)
    if (ytree_get(n, kinds[i])) {
      nk++;
      if (which < 0) {
        which = i;
        k = ytree_get(n, kinds[i]);
      }
    }
  if (nk != 1) {
    diag_error(l->dl, n->pos,
               "%s: a cell takes one of text, value, formula, sum, "
               "sumproduct (found %d)",
               path, nk);
    return NULL;
  }
  bool ok = true;
  const char *kp = sch_path(&l->s, path, kinds[which]);
  switch (which) {
  case 0:
    c->kind = FC_TEXT;
    ok = parse_text(l, k, kp, item_shape, &c->zh, &c->en);
    break;
  case 1:
    c->kind = FC_VALUE;
    ok = (c->value = parse_expr(l, k, kp, item_shape)) != NULL;
    break;
  case 2:
    c->kind = FC_FORMULA;
    ok = parse_formula(l, k, kp, c);
    break;
  case 3:
    c->kind = FC_SUM;
    ok = parse_colref(l, k, kp, &c->col_a);
    break;
  default:
    c->kind = FC_SUMPRODUCT;
    if (k->kind != YN_SEQ || k->n != 2) {
      diag_error(l->dl, k->pos, "%s: expected two column ids [A, B], found %s",
                 kp, k->kind == YN_SEQ ? "another count" : ytree_kind_name(k));
      ok = false;
    } else {
      ok = parse_colref(l, k->kids[0], sch_index(&l->s, kp, 0), &c->col_a) &
           parse_colref(l, k->kids[1], sch_index(&l->s, kp, 1), &c->col_b);
    }
  }
  const ynode *from = ytree_get(n, "from"), *to = ytree_get(n, "to"),
              *per = ytree_get(n, "per"), *x;
  if ((from || to || per) && c->kind != FC_VALUE) {
    diag_error(l->dl,
               (from ? from
                : to ? to
                     : per)
                   ->pos,
               "%s: from, to and per convert a value; this cell has none",
               path);
    ok = false;
  } else if (!from != !to) {
    diag_error(l->dl, (from ? from : to)->pos,
               "%s: a conversion needs both from and to", path);
    ok = false;
  } else if (from) {
    unit_info fi, ti;
    const char *fname, *tname;
    bool uf = parse_unit(l, from, sch_path(&l->s, path, "from"), &fi, &fname);
    bool ut = parse_unit(l, to, sch_path(&l->s, path, "to"), &ti, &tname);
    bool inverse = false;
    if (per && !sch_bool(&l->s, per, sch_path(&l->s, path, "per"), &inverse))
      ok = false;
    if (uf && ut && !dim_eq(fi.dim, ti.dim)) {
      char d1[64], d2[64];
      diag_error(l->dl, to->pos, "%s: cannot convert %s (%s) to %s (%s)", path,
                 fname, dim_name(fi.dim, d1, sizeof d1), tname,
                 dim_name(ti.dim, d2, sizeof d2));
      ok = false;
    } else if (uf && ut) {
      c->scale = inverse ? ti.scale / fi.scale : fi.scale / ti.scale;
    } else {
      ok = false;
    }
  } else if (per) {
    diag_error(l->dl, per->pos, "%s: per needs from and to", path);
    ok = false;
  }
  if ((x = ytree_get(n, "format")) &&
      !parse_format(l, x, sch_path(&l->s, path, "format"), &c->fmt))
    ok = false;
  if ((x = ytree_get(n, "when")) &&
      !(c->when = parse_expr(l, x, sch_path(&l->s, path, "when"), item_shape)))
    ok = false;
  return ok ? c : NULL;
}

/* Does column c of a row's cells reach column target through formulas? */
static bool reaches(fcell **cells, size_t ncols, size_t c, size_t target,
                    unsigned char *seen) {
  if (seen[c])
    return false;
  seen[c] = 1;
  for (const fcell *x = cells[c]; x; x = x->alt)
    if (x->kind == FC_FORMULA)
      for (size_t i = 0; i < x->ntoks; i++)
        if (x->toks[i].kind == FT_COL &&
            (x->toks[i].col == target ||
             reaches(cells, ncols, x->toks[i].col, target, seen)))
          return true;
  return false;
}

/* row := {cells: {COL: cell …} | model: NAME, args?: {NAME: TEXT …},
           item?: PATH | each?: PATH, where?: EXPR, when?: EXPR,
           total?: BOOL} */
static void parse_row(loader *l, const ynode *n, const char *path, frow *r) {
  form *f = l->f;
  static const char *const keys[] = {"cells", "model", "args",  "item", "each",
                                     "where", "when",  "total", NULL};
  r->pos = n->pos;
  r->cells = ARENA_ARRAY(l->a, fcell *, f->ncols);
  memset(r->cells, 0, sizeof *r->cells * f->ncols);
  if (!sch_map(&l->s, n, path, keys, NULL))
    return;
  const ynode *cells = ytree_get(n, "cells"), *model = ytree_get(n, "model"),
              *args = ytree_get(n, "args"), *item = ytree_get(n, "item"),
              *each = ytree_get(n, "each"), *x;
  if (!cells == !model) {
    diag_error(l->dl, n->pos, "%s: a row takes cells or a model (one of them)",
               path);
    return;
  }
  if (item && each) {
    diag_error(l->dl, each->pos, "%s: a row takes item or each, not both",
               path);
    return;
  }
  if ((x = ytree_get(n, "where")) && !each) {
    diag_error(l->dl, x->pos, "%s: where filters the items of each", path);
    return;
  }
  l->args = NULL;
  if (args && args->kind != YN_MAP) {
    diag_error(l->dl, args->pos, "%s: expected a mapping, found %s",
               sch_path(&l->s, path, "args"), ytree_kind_name(args));
    return;
  }
  if (args) {
    for (size_t i = 0; i < args->n; i++)
      if (args->kids[2 * i + 1]->kind != YN_SCALAR)
        diag_error(l->dl, args->kids[2 * i + 1]->pos,
                   "%s.%s: expected a string, found %s",
                   sch_path(&l->s, path, "args"), args->kids[2 * i]->str,
                   ytree_kind_name(args->kids[2 * i + 1]));
    l->args = args;
  }
  if (model) {
    if (!is_scalar(l, model, sch_path(&l->s, path, "model")))
      return;
    cells = l->models ? ytree_get(l->models, model->str) : NULL;
    if (!cells) {
      diag_error(
          l->dl,
          at_char(model, 0, chars_of(model->str, model->str + model->len)),
          "%s: no model \"%s\" in this form's models", path, model->str);
      return;
    }
  }
  const char *shape = NULL;
  const ynode *pn = item ? item : each;
  if (pn) {
    r->item =
        parse_expr(l, pn, sch_path(&l->s, path, item ? "item" : "each"), NULL);
    r->each = each != NULL;
    const char *sh = r->item ? expr_shape(r->item) : NULL;
    if (r->item && !sh) {
      diag_error(l->dl, pn->pos, "%s: %s needs a path, not an expression", path,
                 item ? "item" : "each");
      return;
    }
    if (!sh)
      return;
    size_t sl = strlen(sh);
    shape = !each || (sl > 2 && strcmp(sh + sl - 2, "[]") == 0)
                ? sh
                : arena_printf(l->a, "%s[]", sh);
  }
  if ((x = ytree_get(n, "where")))
    r->where = parse_expr(l, x, sch_path(&l->s, path, "where"), shape);
  if ((x = ytree_get(n, "when")))
    r->when = parse_expr(l, x, sch_path(&l->s, path, "when"), NULL);
  if ((x = ytree_get(n, "total")))
    sch_bool(&l->s, x, sch_path(&l->s, path, "total"), &r->total);
  const char *cpath = model ? arena_printf(l->a, "models.%s", model->str)
                            : sch_path(&l->s, path, "cells");
  if (cells->kind != YN_MAP) {
    diag_error(l->dl, cells->pos,
               "%s: expected a mapping of column ids to "
               "cells, found %s",
               cpath, ytree_kind_name(cells));
    return;
  }
  for (size_t i = 0; i < cells->n; i++) {
    const ynode *k = cells->kids[2 * i], *v = cells->kids[2 * i + 1];
    size_t ci;
    if (!parse_colref(l, k, cpath, &ci))
      continue;
    r->cells[ci] = parse_cell(l, v, sch_path(&l->s, cpath, k->str), shape);
  }
  /* a formula may not lead back to its own column */
  unsigned char *seen = ARENA_ARRAY(l->a, unsigned char, f->ncols);
  for (size_t c = 0; c < f->ncols; c++) {
    memset(seen, 0, f->ncols);
    if (reaches(r->cells, f->ncols, c, c, seen))
      diag_error(l->dl, r->cells[c]->pos,
                 "%s: the formula of column \"%s\" depends on itself "
                 "(through the formulas of its row)",
                 path, f->cols[c].id);
  }
}

static void parse_lines(loader *l, const ynode *root, const char *key,
                        tline **out, size_t *n) {
  const ynode *x = ytree_get(root, key);
  *out = NULL;
  *n = 0;
  if (!x || !sch_list(&l->s, x, key))
    return;
  if (x->n > FORM_MAX_LINES) {
    diag_error(l->dl, x->pos, "%s: at most %d lines", key, FORM_MAX_LINES);
    return;
  }
  *out = ARENA_ARRAY(l->a, tline, x->n);
  l->args = NULL;
  for (size_t i = 0; i < x->n; i++)
    if (parse_text(l, x->kids[i], sch_index(&l->s, key, i), NULL,
                   &(*out)[*n].zh, &(*out)[*n].en))
      (*n)++;
}

/* A sheet name Excel takes: 1 to 31 characters, none of []:*?/\. */
static void check_sheet_name(loader *l, const ynode *n, const char *name,
                             const char *lang) {
  int chars = chars_of(name, name + strlen(name));
  if (!*name || chars > SHEET_NAME_MAX)
    diag_error(l->dl, at_char(n, 0, chars_of(n->str, n->str + n->len)),
               "sheet: the %s name \"%s\" has %d characters (a sheet name has "
               "1 to %d)",
               lang, name, chars, SHEET_NAME_MAX);
  for (const char *p = name; *p; p++)
    if (strchr("[]:*?/\\", *p) || (unsigned char)*p < 0x20) {
      diag_error(
          l->dl,
          at_char(n, chars_of(n->str, strstr(n->str, name)) + chars_of(name, p),
                  1),
          "sheet: a sheet name may not hold \"%c\"", *p);
      break;
    }
}

/* form := {sheet, title, corner?, info?, columns, models?, rows, notes?,
            footer?} */
static bool parse_form(loader *l, const ynode *root, form *f) {
  static const char *const keys[] = {"sheet",   "title",  "corner", "info",
                                     "columns", "models", "rows",   "notes",
                                     "footer",  NULL};
  static const char *const req[] = {"sheet", "title", "columns", "rows", NULL};
  size_t before = diag_errors(l->dl);
  if (!sch_map(&l->s, root, "form", keys, req))
    return false;
  l->f = f;
  const ynode *x;
  if ((x = ytree_get(root, "sheet")) && fixed_text(l, x, "sheet", &f->sheet)) {
    f->sheet_pos = x->pos;
    check_sheet_name(l, x, f->sheet.zh, "Chinese");
    if (strcmp(f->sheet.en, f->sheet.zh) != 0)
      check_sheet_name(l, x, f->sheet.en, "English");
  }
  if ((x = ytree_get(root, "title")))
    fixed_text(l, x, "title", &f->title);
  parse_lines(l, root, "corner", &f->corner, &f->n_corner);
  parse_lines(l, root, "info", &f->info, &f->n_info);
  parse_lines(l, root, "notes", &f->notes, &f->n_notes);
  parse_lines(l, root, "footer", &f->footer, &f->n_footer);
  x = ytree_get(root, "columns");
  if (!x || !sch_list(&l->s, x, "columns"))
    return false;
  if (!x->n || x->n > FORM_MAX_COLS) {
    diag_error(l->dl, x->pos, "columns: 1 to %d columns, found %zu",
               FORM_MAX_COLS, x->n);
    return false;
  }
  f->cols = ARENA_ARRAY(l->a, fcol, x->n);
  memset(f->cols, 0, sizeof *f->cols * x->n);
  for (size_t i = 0; i < x->n; i++) {
    const ynode *c = x->kids[i], *y;
    const char *cp = sch_index(&l->s, "columns", i);
    fcol *col = &f->cols[f->ncols];
    static const char *const ck[] = {"id",     "head",  "no", "width",
                                     "format", "align", NULL};
    static const char *const cr[] = {"id", "head", NULL};
    if (!sch_map(&l->s, c, cp, ck, cr))
      continue;
    col->width = 12;
    if ((y = ytree_get(c, "id")) &&
        sch_id(&l->s, y, sch_path(&l->s, cp, "id"), &col->id)) {
      if (col_index(f, col->id, strlen(col->id)) >= 0)
        diag_error(l->dl, y->pos, "%s: a second column \"%s\"", cp, col->id);
    } else {
      col->id = "";
    }
    if ((y = ytree_get(c, "head"))) {
      const char *hp = sch_path(&l->s, cp, "head");
      if (y->kind == YN_SEQ) {
        if (!y->n || y->n > 2)
          diag_error(l->dl, y->pos, "%s: one or two header levels, found %zu",
                     hp, y->n);
        for (size_t k = 0; k < y->n && k < 2; k++)
          if (fixed_text(l, y->kids[k], sch_index(&l->s, hp, k), &col->head[k]))
            col->levels = k + 1;
      } else if (fixed_text(l, y, hp, &col->head[0])) {
        col->levels = 1;
      }
    }
    if ((y = ytree_get(c, "no")) && is_scalar(l, y, sch_path(&l->s, cp, "no")))
      col->no = y->str;
    double w;
    if ((y = ytree_get(c, "width")) &&
        sch_num(&l->s, y, sch_path(&l->s, cp, "width"), &w)) {
      if (w < 1 || w > 100)
        diag_error(l->dl, y->pos, "%s.width: 1 to 100 characters, found %g", cp,
                   w);
      else
        col->width = w;
    }
    if ((y = ytree_get(c, "format")))
      parse_format(l, y, sch_path(&l->s, cp, "format"), &col->fmt);
    static const char *const aligns[] = {"left", "center", "right", NULL};
    if ((y = ytree_get(c, "align")))
      sch_enum(&l->s, y, sch_path(&l->s, cp, "align"), aligns, &col->align);
    f->ncols++;
  }
  l->models = NULL;
  if ((x = ytree_get(root, "models"))) {
    if (x->kind != YN_MAP)
      diag_error(l->dl, x->pos,
                 "models: expected a mapping of names to "
                 "cells, found %s",
                 ytree_kind_name(x));
    else
      l->models = x;
  }
  x = ytree_get(root, "rows");
  if (!x || !sch_list(&l->s, x, "rows"))
    return false;
  f->rows = ARENA_ARRAY(l->a, frow, x->n + 1);
  memset(f->rows, 0, sizeof *f->rows * (x->n + 1));
  for (size_t i = 0; i < x->n; i++)
    parse_row(l, x->kids[i], sch_index(&l->s, "rows", i), &f->rows[f->nrows++]);
  /* a model no row uses is still checked: its column ids */
  for (size_t i = 0; l->models && i < l->models->n; i++) {
    const ynode *m = l->models->kids[2 * i + 1];
    const char *mp =
        arena_printf(l->a, "models.%s", l->models->kids[2 * i]->str);
    if (m->kind != YN_MAP) {
      diag_error(l->dl, m->pos,
                 "%s: expected a mapping of column ids to "
                 "cells, found %s",
                 mp, ytree_kind_name(m));
      continue;
    }
    bool used = false;
    for (size_t r = 0; r < x->n && !used; r++) {
      const ynode *mn =
          x->kids[r]->kind == YN_MAP ? ytree_get(x->kids[r], "model") : NULL;
      used = mn && mn->kind == YN_SCALAR &&
             strcmp(mn->str, l->models->kids[2 * i]->str) == 0;
    }
    if (!used)
      for (size_t k = 0; k < m->n; k++) {
        size_t ci;
        parse_colref(l, m->kids[2 * k], mp, &ci);
      }
  }
  return diag_errors(l->dl) == before;
}

static int yaml_file(const struct dirent *d) {
  size_t n = strlen(d->d_name);
  return d->d_name[0] != '.' && n > 5 &&
         strcmp(d->d_name + n - 5, ".yaml") == 0;
}

/* The names of dir/forms/NAME.yaml, sorted; 0 when there is no such folder. */
static size_t list_forms(arena *a, const char *dir, const char ***out) {
  struct dirent **list;
  *out = NULL;
  int n =
      scandir(arena_printf(a, "%s/forms", dir), &list, yaml_file, alphasort);
  if (n <= 0)
    return 0;
  const char **names = ARENA_ARRAY(a, const char *, (size_t)n);
  for (int i = 0; i < n; i++) {
    names[i] = arena_strdup(a, list[i]->d_name);
    free(list[i]);
  }
  free(list);
  *out = names;
  return (size_t)n;
}

/* A form file's real path lies inside its template folder: a symbolic
   link may not lead out of it (as for the report's templates). A file
   that does not resolve is left to the reader, which says why. */
static bool inside_folder(arena *a, diag_list *dl, const char *dir,
                          const char *path) {
  char *root = realpath(dir, NULL), *r = realpath(path, NULL);
  bool ok = true;
  if (root && r) {
    size_t n = strlen(root);
    ok = strncmp(r, root, n) == 0 && (r[n] == '/' || strcmp(root, "/") == 0);
  }
  if (!ok) {
    char to[512];
    ssize_t k = readlink(path, to, sizeof to - 1);
    to[k > 0 ? k : 0] = '\0';
    src_pos pos = {arena_strdup(a, path), 0, 0, 0};
    diag_error(dl, pos,
               "form %s leads outside the template folder%s%s (a "
               "symbolic link may not lead out of it)",
               path, k > 0 ? ": it links to " : "", to);
  }
  free(root);
  free(r);
  return ok;
}

form_set *forms_load(arena *a, diag_list *dl, const units *u,
                     const char *shipped_dir, const char *firm_dir, bool *io) {
  *io = false;
  const char **sn, **fn = NULL;
  size_t ns = list_forms(a, shipped_dir, &sn), nf = 0;
  if (firm_dir && strcmp(firm_dir, shipped_dir) != 0)
    nf = list_forms(a, firm_dir, &fn);
  /* the union of names, sorted, the firm's file winning */
  size_t cap = ns + nf;
  const char **names = ARENA_ARRAY(a, const char *, cap + 1);
  const char **dirs = ARENA_ARRAY(a, const char *, cap + 1);
  size_t n = 0, i = 0, j = 0;
  while (i < ns || j < nf) {
    int c = i == ns ? 1 : j == nf ? -1 : strcmp(sn[i], fn[j]);
    if (c < 0) {
      names[n] = sn[i++];
      dirs[n++] = shipped_dir;
    } else {
      if (c == 0)
        i++;
      names[n] = fn[j++];
      dirs[n++] = firm_dir;
    }
  }
  form_set *fs = ARENA_NEW(a, form_set);
  fs->forms = ARENA_ARRAY(a, form, n + 1);
  memset(fs->forms, 0, sizeof *fs->forms * (n + 1));
  if (n > FORMS_MAX) {
    diag_error(dl, src_none(), "forms: %zu form files; at most %d", n,
               FORMS_MAX);
    return NULL;
  }
  loader l;
  memset(&l, 0, sizeof l);
  l.s = (schema){a, dl, u, NULL};
  l.a = a;
  l.dl = dl;
  l.u = u;
  l.paths = tmpl_paths_new(a);
  ytree_limits lim = ytree_default_limits();
  bool ok = true;
  for (size_t k = 0; k < n; k++) {
    const char *path = arena_printf(a, "%s/forms/%s", dirs[k], names[k]);
    if (!inside_folder(a, dl, dirs[k], path)) {
      ok = false;
      continue;
    }
    bool fio = false;
    ynode *root = ytree_load_file_cached(a, a, dl, path, path, &lim, &fio);
    if (!root) {
      *io |= fio;
      ok = false;
      continue;
    }
    form *f = &fs->forms[fs->n];
    memset(f, 0, sizeof *f); /* the slot of a form that failed is reused */
    f->file = names[k];
    if (!parse_form(&l, root, f)) {
      ok = false;
      continue;
    }
    /* sheet names are unique in a workbook (Excel ignores case) */
    for (size_t m = 0; m < fs->n; m++) {
      const form *g = &fs->forms[m];
      bool zh = strcasecmp(g->sheet.zh, f->sheet.zh) == 0,
           en = strcasecmp(g->sheet.en, f->sheet.en) == 0;
      if (zh || en) {
        diag_error(dl, f->sheet_pos,
                   "sheet: \"%s\" is the sheet name of forms/%s too",
                   zh ? f->sheet.zh : f->sheet.en, g->file);
        ok = false;
      }
    }
    fs->n++;
  }
  return ok ? fs : NULL;
}

/* }====================================================== */
/* {====================================================== filling */

typedef struct filler {
  arena *a;
  diag_list *dl;
  const value *root;
  expr_budget eb;
  const form *f;
  form_grid *g;
  const fcell **pending; /* nrows × ncols: formula cells to resolve */
  unsigned char *state;  /* 0 unresolved, 1 resolving, 2 done */
} filler;

/* The first alternative of c whose condition holds for item. */
static const fcell *chosen(filler *x, const fcell *c, const value *item) {
  for (; c; c = c->alt) {
    if (!c->when)
      return c;
    ev w = expr_eval(x->a, c->when, x->root, item, &x->eb);
    if (ev_truthy(&w))
      return c;
  }
  return NULL;
}

static void fill_cell(filler *x, size_t r, size_t col, const fcell *c,
                      const value *item) {
  form_cell *out = &x->g->cells[r * x->g->ncols + col];
  c = chosen(x, c, item);
  if (!c)
    return;
  out->fmt = c->fmt                ? c->fmt
             : x->f->cols[col].fmt ? x->f->cols[col].fmt
                                   : "0.00";
  if (c->kind == FC_TEXT) {
    out->text.zh = expr_text_render(x->a, c->zh, x->root, item, &x->eb);
    out->text.en = c->en ? expr_text_render(x->a, c->en, x->root, item, &x->eb)
                         : out->text.zh;
    if (!*out->text.zh && !*out->text.en)
      out->text.zh = out->text.en = NULL;
  } else if (c->kind == FC_VALUE) {
    ev v = expr_eval(x->a, c->value, x->root, item, &x->eb);
    if (v.kind == EV_NUM && isfinite(v.num * c->scale)) {
      out->num = true;
      out->v = v.num * c->scale;
    } else if (v.kind == EV_STR) {
      out->text.zh = out->text.en = v.str;
    }
  } else {
    x->pending[r * x->g->ncols + col] = c;
  }
}

static bool resolve(filler *x, size_t r, size_t c);

/* The number of column c in row r for a formula: an empty cell counts 0,
   as in a spreadsheet; false for a text (the formula gets no result). */
static bool operand(filler *x, size_t r, size_t c, double *v) {
  resolve(x, r, c);
  const form_cell *k = &x->g->cells[r * x->g->ncols + c];
  *v = k->num ? k->v : 0;
  return k->num || !k->text.zh;
}

typedef struct feval {
  filler *x;
  size_t r;
  const fcell *c;
  size_t i;
  bool ok;
  buf *out;
} feval;

static double fe_expr(feval *e);
static double fe_factor(feval *e) {
  const ftok *t = &e->c->toks[e->i++];
  char cn[8];
  double v = 0;
  switch (t->kind) {
  case FT_NUM:
    buf_printf(e->out, "%.17g", t->num);
    return t->num;
  case FT_COL:
    if (!operand(e->x, e->r, t->col, &v))
      e->ok = false;
    buf_printf(e->out, "%s%u", xlw_col_name((uint32_t)t->col, cn),
               e->x->g->first_row + (unsigned)e->r + 1);
    return v;
  case FT_OP: /* unary minus */
    buf_putc(e->out, '-');
    return -fe_factor(e);
  default: /* "(" */
    buf_putc(e->out, '(');
    v = fe_expr(e);
    buf_putc(e->out, ')');
    e->i++;
    return v;
  }
}

static double fe_term(feval *e) {
  double v = fe_factor(e);
  while (e->i < e->c->ntoks && e->c->toks[e->i].kind == FT_OP &&
         (e->c->toks[e->i].op == '*' || e->c->toks[e->i].op == '/')) {
    char op = e->c->toks[e->i++].op;
    buf_putc(e->out, op);
    double w = fe_factor(e);
    if (op == '*')
      v *= w;
    else if (w == 0)
      e->ok = false;
    else
      v /= w;
  }
  return v;
}

static double fe_expr(feval *e) {
  double v = fe_term(e);
  while (e->i < e->c->ntoks && e->c->toks[e->i].kind == FT_OP &&
         (e->c->toks[e->i].op == '+' || e->c->toks[e->i].op == '-')) {
    char op = e->c->toks[e->i++].op;
    buf_putc(e->out, op);
    double w = fe_term(e);
    v = op == '+' ? v + w : v - w;
  }
  return v;
}

/* The body rows a total in row r adds up: those after the previous
   total row. */
static size_t body_start(const filler *x, size_t r) {
  size_t s = r;
  while (s > 0 && !x->g->total[s - 1])
    s--;
  return s;
}

/* Works out a formula cell (a row formula or a total) once. Loading
   refused cycles within a row; totals read only rows above. */
static bool resolve(filler *x, size_t r, size_t c) {
  size_t k = r * x->g->ncols + c;
  if (x->state[k])
    return x->state[k] == 2;
  x->state[k] = 1;
  const fcell *fc = x->pending[k];
  form_cell *out = &x->g->cells[k];
  if (fc) {
    buf f;
    buf_init(&f);
    buf_putc(&f, '=');
    double v = 0;
    bool ok = true;
    if (fc->kind == FC_FORMULA) {
      feval e = {x, r, fc, 0, true, &f};
      v = fe_expr(&e);
      ok = e.ok && isfinite(v);
    } else {
      size_t s = body_start(x, r);
      char a[8], b[8];
      unsigned r0 = x->g->first_row + (unsigned)s + 1,
               r1 = x->g->first_row + (unsigned)r;
      for (size_t i = s; i < r; i++) {
        double p, q;
        if (fc->kind == FC_SUM)
          v += operand(x, i, fc->col_a, &p) ? p : 0;
        else if (operand(x, i, fc->col_a, &p) && operand(x, i, fc->col_b, &q))
          v += p * q;
      }
      if (fc->kind == FC_SUM)
        buf_printf(&f, "SUM(%s%u:%s%u)", xlw_col_name((uint32_t)fc->col_a, a), r0, a, r1);
      else
        buf_printf(&f, "SUMPRODUCT(%s%u:%s%u,%s%u:%s%u)",
                   xlw_col_name((uint32_t)fc->col_a, a), r0, a, r1,
                   xlw_col_name((uint32_t)fc->col_b, b), r0, b, r1);
      if (s == r) /* nothing above to add up */
        buf_fini(&f), buf_init(&f);
    }
    if (ok) {
      out->num = true;
      out->v = v;
      out->formula = f.len ? arena_strdup(x->a, f.data) : NULL;
    }
    buf_fini(&f);
  }
  x->state[k] = 2;
  return true;
}

static doc_text *render_lines(filler *x, const tline *t, size_t n) {
  doc_text *out = ARENA_ARRAY(x->a, doc_text, n + 1);
  for (size_t i = 0; i < n; i++) {
    out[i].zh = expr_text_render(x->a, t[i].zh, x->root, NULL, &x->eb);
    out[i].en = t[i].en ? expr_text_render(x->a, t[i].en, x->root, NULL, &x->eb)
                        : out[i].zh;
  }
  return out;
}

static bool fill_form(filler *x, const form *f, form_grid *g) {
  arena *a = x->a;
  memset(g, 0, sizeof *g);
  g->sheet = f->sheet;
  g->title = f->title;
  g->corner = render_lines(x, f->corner, g->n_corner = f->n_corner);
  g->info = render_lines(x, f->info, g->n_info = f->n_info);
  g->notes = render_lines(x, f->notes, g->n_notes = f->n_notes);
  g->footer = render_lines(x, f->footer, g->n_footer = f->n_footer);
  g->ncols = f->ncols;
  g->cols = ARENA_ARRAY(a, form_col, f->ncols);
  g->head_levels = 1;
  for (size_t c = 0; c < f->ncols; c++) {
    g->cols[c].head[0] = f->cols[c].head[0];
    g->cols[c].head[1] =
        f->cols[c].levels > 1 ? f->cols[c].head[1] : (doc_text){NULL, NULL};
    g->cols[c].no = f->cols[c].no;
    g->cols[c].width = f->cols[c].width;
    g->cols[c].align = f->cols[c].align;
    if (f->cols[c].levels > 1)
      g->head_levels = 2;
    if (f->cols[c].no)
      g->numbers_row = true;
  }
  size_t top = f->n_corner > f->n_info ? f->n_corner : f->n_info;
  g->first_row =
      (unsigned)(1 + top + g->head_levels + (g->numbers_row ? 1 : 0));
  /* the rows: each row of the layout once, or once per item */
  const frow **rows = NULL;
  const value **items = NULL;
  size_t n = 0, cap = 0, cap2 = 0, n2 = 0;
  for (size_t i = 0; i < f->nrows; i++) {
    const frow *r = &f->rows[i];
    if (r->when) {
      ev w = expr_eval(a, r->when, x->root, NULL, &x->eb);
      if (!ev_truthy(&w))
        continue;
    }
    const value *one = NULL;
    size_t k = 1;
    ev v = {0};
    if (r->item) {
      v = expr_eval(a, r->item, x->root, NULL, &x->eb);
      if (!r->each) {
        one = v.kind == EV_NODE ? v.node : NULL;
        if (!one || one->kind == VAL_NULL)
          continue; /* a row of something the results do not hold */
      } else {
        k = v.kind == EV_LIST                              ? v.n
            : v.kind == EV_NODE && v.node->kind == VAL_ARR ? v.node->n
                                                           : 0;
      }
    }
    for (size_t j = 0; j < k; j++) {
      const value *it = one;
      if (r->each) {
        it = v.kind == EV_LIST ? v.items[j].node : v.node->items[j];
        if (!it)
          continue;
        if (r->where) {
          ev w = expr_eval(a, r->where, x->root, it, &x->eb);
          if (!ev_truthy(&w))
            continue;
        }
      }
      if (n == FORM_MAX_ROWS) {
        diag_error(x->dl, r->pos, "form %s: more than %d rows", f->file,
                   FORM_MAX_ROWS);
        return false;
      }
      *ARENA_PUSH(a, rows, n, cap) = r;
      *ARENA_PUSH(a, items, n2, cap2) = it;
    }
  }
  g->nrows = n;
  size_t cells = n * f->ncols;
  g->cells = ARENA_ARRAY(a, form_cell, cells + 1);
  memset(g->cells, 0, sizeof *g->cells * (cells + 1));
  g->total = ARENA_ARRAY(a, bool, n + 1);
  x->pending = ARENA_ARRAY(a, const fcell *, cells + 1);
  memset(x->pending, 0, sizeof *x->pending * (cells + 1));
  x->state = ARENA_ARRAY(a, unsigned char, cells + 1);
  memset(x->state, 0, cells + 1);
  x->g = g;
  x->f = f;
  for (size_t r = 0; r < n; r++) {
    g->total[r] = rows[r]->total;
    for (size_t c = 0; c < f->ncols; c++)
      if (rows[r]->cells[c])
        fill_cell(x, r, c, rows[r]->cells[c], items[r]);
  }
  for (size_t r = 0; r < n; r++)
    for (size_t c = 0; c < f->ncols; c++)
      resolve(x, r, c);
  return true;
}

form_grid *forms_fill(arena *a, diag_list *dl, const form_set *fs,
                      const value *results, size_t *n) {
  *n = 0;
  filler x;
  memset(&x, 0, sizeof x);
  x.a = a;
  x.dl = dl;
  x.root = results;
  expr_budget_init(&x.eb);
  form_grid *grids = ARENA_ARRAY(a, form_grid, forms_count(fs) + 1);
  for (size_t i = 0; i < forms_count(fs); i++) {
    if (!fill_form(&x, &fs->forms[i], &grids[i]))
      return NULL;
    if (x.eb.exhausted) {
      diag_error(dl, fs->forms[i].sheet_pos,
                 "form %s: its expressions take more than %d steps",
                 fs->forms[i].file, EXPR_MAX_STEPS);
      return NULL;
    }
  }
  *n = forms_count(fs);
  return grids;
}

/* }====================================================== */
