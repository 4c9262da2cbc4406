/* expr.c — lexer, parser and evaluator of rule expressions (grammar in
 * expr.h). Input: expression text. Output: an AST in the arena, then
 * values over the results tree. The parser is recursive descent with one
 * token of lookahead. Invariants that keep hostile text from exhausting
 * the stack: the parser counts every recursive entry against
 * EXPR_MAX_DEPTH, and every node records its height, which is never more
 * than EXPR_MAX_DEPTH; the evaluator recurses only along the tree, one
 * level per node. Evaluation work is charged to an expr_budget. */
#include "expr.h"

#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/buf.h"
#include "../base/fmt.h"

/* No unit name is longer (the longest, kW/(m3/min), has 11 bytes): the
   lexer looks no further for one, so a long word after a number costs
   linear time, not quadratic. */
#define UNIT_MAX_LEN 64

/* {====================================================== AST */

typedef enum {
  N_NUM, N_STR, N_BOOL, N_NULL, N_PATH, N_CALL, N_NEG, N_NOT, N_BIN
} node_kind;

typedef enum { OP_OR, OP_AND, OP_LT, OP_LE, OP_GT, OP_GE, OP_EQ, OP_NE,
               OP_ADD, OP_SUB, OP_MUL, OP_DIV } bin_op;

typedef enum { S_KEY, S_ALL, S_INDEX, S_NAME, S_FILTER, S_PICK } step_kind;

typedef struct step {
  step_kind kind;
  const char *name;  /* S_KEY, S_NAME; S_PICK: the member */
  const char *value; /* S_PICK: the string it holds */
  size_t index;
  struct expr *filter;
} step;

typedef enum { F_MIN, F_MAX, F_SUM, F_COUNT, F_ANY, F_ALL, F_ABS, F_EXISTS,
               F_LEN } func_id;

static const char *const func_names[] = {"min", "max", "sum", "count", "any",
                                         "all", "abs", "exists", "len", NULL};

struct expr {
  node_kind kind;
  double num;
  const char *unit;
  const char *str;
  bool b;
  bool relative;
  const char *shape; /* paths: "energy.carriers[].share" */
  step *steps;
  size_t n_steps;
  func_id func;
  struct expr **args;
  size_t n_args;
  bin_op op;
  struct expr *l, *r;
  int height; /* 1 for a leaf; at most EXPR_MAX_DEPTH */
};

/* }====================================================== */
/* {====================================================== lexer */

typedef enum { T_EOF, T_NUM, T_STR, T_NAME, T_OP, T_ERR } tok_kind;

typedef struct parser {
  arena *a;
  const units *u;
  const char *text, *p;
  tok_kind tok;
  const char *tok_start;
  size_t tok_len;
  double num;
  const char *unit;
  const char *str;
  int depth; /* recursive entries open now */
  expr_error *err;
  bool failed;
  expr_path_check check;
  void *ctx;
  const char *item_shape; /* shape relative paths start from */
} parser;

static int col_of(const parser *ps, const char *at)
{
  int col = 1;
  for (const char *q = ps->text; q < at; q++)
    col += ((unsigned char)*q & 0xC0) != 0x80;
  return col;
}

static void fail(parser *ps, const char *at, size_t len, const char *msg)
{
  if (ps->failed)
    return;
  ps->failed = true;
  ps->err->col = col_of(ps, at);
  ps->err->len = len ? (int)(col_of(ps, at + len) - col_of(ps, at)) : 1;
  ps->err->msg = msg;
}

static bool is_name_start(char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
static bool is_name_char(char c)
{
  return is_name_start(c) || (c >= '0' && c <= '9');
}

/* A unit after a number: a word of unit characters that the unit table
   knows. Returns its length, or 0. */
static size_t unit_word(const char *p, unit_info *ui)
{
  size_t n = 0;
  while (n < UNIT_MAX_LEN && p[n] &&
         (is_name_char(p[n]) || p[n] == '/' || p[n] == '%' ||
          (unsigned char)p[n] >= 0x80))
    n++;
  while (n > 0 && !units_lookup(p, n, ui))
    n--; /* the longest known prefix */
  return n;
}

static void next(parser *ps)
{
  const char *p = ps->p;
  while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
    p++;
  ps->tok_start = p;
  ps->unit = NULL;
  if (!*p) {
    ps->tok = T_EOF;
    ps->tok_len = 0;
  } else if ((*p >= '0' && *p <= '9')) {
    char *end;
    ps->num = strtod(p, &end);
    if (!isfinite(ps->num)) {
      fail(ps, p, (size_t)(end - p), "number out of range");
      ps->tok = T_ERR;
      return;
    }
    const char *q = end;
    while (*q == ' ')
      q++;
    unit_info ui;
    size_t ul = unit_word(q, &ui);
    if (ul && !(ul && is_name_char(q[ul]))) {
      if (ul == 1 && q[0] == '%') {
        ps->num /= 100.0;
      } else {
        ps->unit = arena_strndup(ps->a, q, ul);
      }
      end = (char *)q + ul;
    }
    ps->tok = T_NUM;
    ps->tok_len = (size_t)(end - p);
    p = end;
  } else if (*p == '"' || *p == '\'') {
    char quote = *p;
    const char *q = p + 1;
    while (*q && *q != quote)
      q++;
    if (!*q) {
      fail(ps, p, 1, "unclosed string");
      ps->tok = T_ERR;
      return;
    }
    ps->str = arena_strndup(ps->a, p + 1, (size_t)(q - p - 1));
    ps->tok = T_STR;
    ps->tok_len = (size_t)(q + 1 - p);
    p = q + 1;
  } else if (is_name_start(*p)) {
    const char *q = p;
    while (is_name_char(*q))
      q++;
    ps->tok = T_NAME;
    ps->tok_len = (size_t)(q - p);
    p = q;
  } else {
    static const char *const ops[] = {"<=", ">=", "==", "!=", "<", ">", "+",
                                      "-",  "*",  "/",  "(",  ")", "[", "]",
                                      ".",  ",",  "?",  "=",  NULL};
    size_t len = 0;
    for (int i = 0; ops[i] && !len; i++)
      if (strncmp(p, ops[i], strlen(ops[i])) == 0)
        len = strlen(ops[i]);
    if (!len) {
      fail(ps, p, 1, arena_printf(ps->a, "unexpected character '%c'", *p));
      ps->tok = T_ERR;
      return;
    }
    ps->tok = T_OP;
    ps->tok_len = len;
    p += len;
  }
  ps->p = p;
}

static bool is_op(const parser *ps, const char *op)
{
  return ps->tok == T_OP && ps->tok_len == strlen(op) &&
         strncmp(ps->tok_start, op, ps->tok_len) == 0;
}

static bool is_word(const parser *ps, const char *w)
{
  return ps->tok == T_NAME && ps->tok_len == strlen(w) &&
         strncmp(ps->tok_start, w, ps->tok_len) == 0;
}

static void expect(parser *ps, const char *op)
{
  if (!is_op(ps, op)) {
    fail(ps, ps->tok_start, ps->tok_len,
         arena_printf(ps->a, "expected \"%s\"%s", op,
                      ps->tok == T_EOF ? " before the end" : ""));
    return;
  }
  next(ps);
}

/* }====================================================== */
/* {====================================================== parser */

static expr *parse_expr(parser *ps);

static expr *node(parser *ps, node_kind k)
{
  expr *e = ARENA_NEW(ps->a, expr);
  e->kind = k;
  e->height = 1;
  return e;
}

static void too_deep(parser *ps, const char *at, size_t len)
{
  fail(ps, at, len,
       arena_printf(ps->a, "expression nested deeper than %d", EXPR_MAX_DEPTH));
}

/* Every recursive entry of the parser: false, after an error, when it
   would nest deeper than EXPR_MAX_DEPTH. Pair with leave(). */
static bool enter(parser *ps)
{
  if (ps->failed)
    return false;
  if (ps->depth >= EXPR_MAX_DEPTH) {
    too_deep(ps, ps->tok_start, ps->tok_len);
    return false;
  }
  ps->depth++;
  return true;
}

static void leave(parser *ps) { ps->depth--; }

/* Makes e one level taller than child; past EXPR_MAX_DEPTH an error at
   `at` (the operator or token that made it so). */
static void above(parser *ps, expr *e, const expr *child, const char *at,
                  size_t len)
{
  if (child && child->height >= e->height)
    e->height = child->height + 1;
  if (e->height > EXPR_MAX_DEPTH)
    too_deep(ps, at, len);
}

/* Appends x then y to the shape of sl characters in cap bytes (cut to
   fit, NUL-ended) and returns the length it would have (≥ cap: too long),
   as snprintf would; called once a step of every path a template names. */
static size_t shape_add(char *shape, size_t sl, size_t cap, const char *x,
                        const char *y)
{
  size_t lx = strlen(x), ly = strlen(y);
  if (sl < cap) {
    size_t room = cap - sl - 1;
    size_t cx = lx < room ? lx : room;
    memcpy(shape + sl, x, cx);
    size_t cy = ly < room - cx ? ly : room - cx;
    memcpy(shape + sl + cx, y, cy);
    shape[sl + cx + cy] = '\0';
  }
  return sl + lx + ly;
}

/* path := ["."] NAME step* | "." — shape is built for the schema check */
static expr *parse_path(parser *ps, bool relative)
{
  expr *e = node(ps, N_PATH);
  e->relative = relative;
  const char *start = ps->tok_start;
  step steps[64];
  size_t n = 0;
  char shape[512];
  size_t sl = 0;
  shape[0] = '\0';
  if (relative) {
    if (!ps->item_shape) {
      fail(ps, start, 1, "a relative path (.name) needs an item: use it "
                         "inside a filter [? …] or with for:");
      return e;
    }
    sl = shape_add(shape, 0, sizeof shape, ps->item_shape, "");
    if (sl >= sizeof shape - 2) {
      fail(ps, start, 1, "path too long");
      return e;
    }
  }
  bool want_name = !relative || ps->tok == T_NAME;
  for (;;) {
    if (n == 64) {
      fail(ps, ps->tok_start, ps->tok_len, "path too long");
      return e;
    }
    if (want_name) {
      if (ps->tok != T_NAME) {
        fail(ps, ps->tok_start, ps->tok_len, "expected a name in the path");
        return e;
      }
      steps[n].kind = S_KEY;
      steps[n].name = arena_strndup(ps->a, ps->tok_start, ps->tok_len);
      sl = shape_add(shape, sl, sizeof shape, sl ? "." : "", steps[n].name);
      if (sl >= sizeof shape - 2) { /* room left for "[]" */
        fail(ps, ps->tok_start, ps->tok_len, "path too long");
        return e;
      }
      n++;
      next(ps);
      want_name = false;
      continue;
    }
    if (is_op(ps, ".")) {
      next(ps);
      want_name = true;
      continue;
    }
    if (is_op(ps, "[")) {
      next(ps);
      step *s = &steps[n];
      memset(s, 0, sizeof *s);
      if (is_op(ps, "]")) {
        s->kind = S_ALL;
      } else if (is_op(ps, "?")) {
        next(ps);
        s->kind = S_FILTER;
        const char *saved = ps->item_shape;
        char item[520];
        snprintf(item, sizeof item, "%s[]", shape);
        ps->item_shape = arena_strdup(ps->a, item);
        const char *at = ps->tok_start;
        s->filter = parse_expr(ps);
        above(ps, e, s->filter, at, 1);
        ps->item_shape = saved;
      } else if (ps->tok == T_NUM && !ps->unit) {
        s->kind = S_INDEX;
        if (ps->num != floor(ps->num)) {
          fail(ps, ps->tok_start, ps->tok_len,
               "an index is a whole number (0 is the first item)");
          return e;
        }
        /* an index past every list is null, as any past the end */
        s->index = ps->num < 0x1p53 ? (size_t)ps->num : SIZE_MAX;
        next(ps);
      } else if (ps->tok == T_NAME) {
        s->kind = S_NAME;
        s->name = arena_strndup(ps->a, ps->tok_start, ps->tok_len);
        next(ps);
        if (is_op(ps, "=")) {
          /* [carrier=electricity]: the first item whose member holds
             the string, as results paths are written */
          next(ps);
          s->kind = S_PICK;
          if (ps->tok == T_NAME)
            s->value = arena_strndup(ps->a, ps->tok_start, ps->tok_len);
          else if (ps->tok == T_STR)
            s->value = ps->str;
          else {
            fail(ps, ps->tok_start, ps->tok_len,
                 "expected a name or a string after = inside [ ]");
            return e;
          }
          next(ps);
        }
      } else {
        fail(ps, ps->tok_start, ps->tok_len,
             "expected ], a number, a name, name=value or ? filter "
             "inside [ ]");
        return e;
      }
      if (s->kind != S_ALL && ps->failed)
        return e;
      expect(ps, "]");
      sl = shape_add(shape, sl, sizeof shape, "[]", "");
      if (sl >= sizeof shape - 2) {
        fail(ps, ps->tok_start, ps->tok_len, "path too long");
        return e;
      }
      n++;
      continue;
    }
    break;
  }
  e->steps = ARENA_ARRAY(ps->a, step, n + 1);
  memcpy(e->steps, steps, sizeof *steps * n);
  e->n_steps = n;
  e->shape = arena_strdup(ps->a, shape);
  if (ps->check && !ps->failed) {
    const char *why = ps->check(shape, ps->ctx);
    if (why)
      fail(ps, start, (size_t)(ps->tok_start - start),
           arena_printf(ps->a, "%s: %s", shape, why));
  }
  return e;
}

/* primary := NUMBER [UNIT] | STRING | true | false | null | call | path
            | "(" expr ")" */
static expr *parse_primary(parser *ps)
{
  if (ps->failed)
    return node(ps, N_NULL);
  if (ps->tok == T_NUM) {
    expr *e = node(ps, N_NUM);
    e->num = ps->num;
    e->unit = ps->unit;
    next(ps);
    return e;
  }
  if (ps->tok == T_STR) {
    expr *e = node(ps, N_STR);
    e->str = ps->str;
    next(ps);
    return e;
  }
  if (is_word(ps, "true") || is_word(ps, "false")) {
    expr *e = node(ps, N_BOOL);
    e->b = is_word(ps, "true");
    next(ps);
    return e;
  }
  if (is_word(ps, "null")) {
    next(ps);
    return node(ps, N_NULL);
  }
  if (is_op(ps, "(")) {
    next(ps);
    expr *e = parse_expr(ps);
    expect(ps, ")");
    return e;
  }
  if (is_op(ps, ".")) {
    next(ps);
    return parse_path(ps, true);
  }
  if (ps->tok == T_NAME) {
    /* A name followed by "(" is a call. */
    const char *q = ps->p;
    while (*q == ' ')
      q++;
    if (*q == '(') {
      const char *name = ps->tok_start;
      size_t nl = ps->tok_len;
      int f = -1;
      for (int i = 0; func_names[i]; i++)
        if (strlen(func_names[i]) == nl && strncmp(func_names[i], name, nl) == 0)
          f = i;
      if (f < 0) {
        fail(ps, name, nl,
             arena_printf(ps->a, "unknown function \"%.*s\" (functions: min, "
                                 "max, sum, count, any, all, abs, exists, len)",
                          (int)nl, name));
        return node(ps, N_NULL);
      }
      expr *e = node(ps, N_CALL);
      e->func = (func_id)f;
      next(ps);
      next(ps); /* ( */
      expr *args[8];
      size_t na = 0;
      if (!is_op(ps, ")")) {
        for (;;) {
          if (na == 8) {
            fail(ps, ps->tok_start, ps->tok_len, "too many arguments");
            break;
          }
          const char *at = ps->tok_start;
          args[na] = parse_expr(ps);
          above(ps, e, args[na++], at, 1);
          if (!is_op(ps, ","))
            break;
          next(ps);
        }
      }
      expect(ps, ")");
      size_t want = (f == F_MIN || f == F_MAX) ? 0 : 1;
      if ((want && na != want) || na == 0)
        fail(ps, name, nl,
             arena_printf(ps->a, "%s() takes %s argument%s", func_names[f],
                          want ? "one" : "one or more", want ? "" : "s"));
      e->args = ARENA_ARRAY(ps->a, expr *, na + 1);
      memcpy(e->args, args, sizeof *args * na);
      e->n_args = na;
      return e;
    }
    return parse_path(ps, false);
  }
  fail(ps, ps->tok_start, ps->tok_len,
       ps->tok == T_EOF ? "expression ends too early" : "expected a value");
  return node(ps, N_NULL);
}

/* l op r, where op_at is the operator's text (for a chain too tall). */
static expr *binary(parser *ps, bin_op op, expr *l, expr *r, const char *op_at,
                    size_t op_len)
{
  expr *e = node(ps, N_BIN);
  e->op = op;
  e->l = l;
  e->r = r;
  above(ps, e, l, op_at, op_len);
  above(ps, e, r, op_at, op_len);
  return e;
}

/* unary := "-" unary | primary */
static expr *parse_unary(parser *ps)
{
  if (is_op(ps, "-")) {
    const char *at = ps->tok_start;
    if (!enter(ps))
      return node(ps, N_NULL);
    next(ps);
    expr *e = node(ps, N_NEG);
    e->l = parse_unary(ps);
    above(ps, e, e->l, at, 1);
    leave(ps);
    return e;
  }
  return parse_primary(ps);
}

/* mul := unary (("*" | "/") unary)* */
static expr *parse_mul(parser *ps)
{
  expr *l = parse_unary(ps);
  while (!ps->failed && (is_op(ps, "*") || is_op(ps, "/"))) {
    bin_op op = is_op(ps, "*") ? OP_MUL : OP_DIV;
    const char *at = ps->tok_start;
    next(ps);
    expr *r = parse_unary(ps);
    l = binary(ps, op, l, r, at, 1);
  }
  return l;
}

/* add := mul (("+" | "-") mul)* */
static expr *parse_add(parser *ps)
{
  expr *l = parse_mul(ps);
  while (!ps->failed && (is_op(ps, "+") || is_op(ps, "-"))) {
    bin_op op = is_op(ps, "+") ? OP_ADD : OP_SUB;
    const char *at = ps->tok_start;
    next(ps);
    expr *r = parse_mul(ps);
    l = binary(ps, op, l, r, at, 1);
  }
  return l;
}

/* cmp := add [cmp-op add] */
static expr *parse_cmp(parser *ps)
{
  expr *l = parse_add(ps);
  static const char *const ops[] = {"<=", ">=", "==", "!=", "<", ">"};
  static const bin_op codes[] = {OP_LE, OP_GE, OP_EQ, OP_NE, OP_LT, OP_GT};
  for (int i = 0; i < 6; i++)
    if (is_op(ps, ops[i])) {
      const char *at = ps->tok_start;
      size_t len = ps->tok_len;
      next(ps);
      expr *r = parse_add(ps);
      return binary(ps, codes[i], l, r, at, len);
    }
  return l;
}

/* not := "not" not | cmp */
static expr *parse_not(parser *ps)
{
  if (is_word(ps, "not")) {
    const char *at = ps->tok_start;
    if (!enter(ps))
      return node(ps, N_NULL);
    next(ps);
    expr *e = node(ps, N_NOT);
    e->l = parse_not(ps);
    above(ps, e, e->l, at, 3);
    leave(ps);
    return e;
  }
  return parse_cmp(ps);
}

/* and := not ("and" not)* */
static expr *parse_and(parser *ps)
{
  expr *l = parse_not(ps);
  while (!ps->failed && is_word(ps, "and")) {
    const char *at = ps->tok_start;
    next(ps);
    expr *r = parse_not(ps);
    l = binary(ps, OP_AND, l, r, at, 3);
  }
  return l;
}

/* expr := or := and ("or" and)* */
static expr *parse_expr(parser *ps)
{
  if (!enter(ps))
    return node(ps, N_NULL);
  expr *l = parse_and(ps);
  while (!ps->failed && is_word(ps, "or")) {
    const char *at = ps->tok_start;
    next(ps);
    expr *r = parse_and(ps);
    l = binary(ps, OP_OR, l, r, at, 2);
  }
  leave(ps);
  return l;
}

expr *expr_parse(arena *a, const units *u, const char *text,
                 const char *item_shape, expr_path_check check, void *ctx,
                 expr_error *err)
{
  parser ps;
  memset(&ps, 0, sizeof ps);
  ps.a = a;
  ps.u = u;
  ps.text = ps.p = text;
  ps.err = err;
  ps.check = check;
  ps.ctx = ctx;
  ps.item_shape = item_shape;
  next(&ps);
  expr *e = parse_expr(&ps);
  if (!ps.failed && ps.tok != T_EOF)
    fail(&ps, ps.tok_start, ps.tok_len, "unexpected text after the expression");
  return ps.failed ? NULL : e;
}

/* }====================================================== */
/* {====================================================== evaluation */

static ev ev_null(void)
{
  ev v;
  memset(&v, 0, sizeof v);
  return v;
}

static ev ev_num(double x, const char *unit)
{
  ev v = ev_null();
  v.kind = EV_NUM;
  v.num = x;
  v.unit = unit;
  return v;
}

static ev ev_bool(bool b)
{
  ev v = ev_null();
  v.kind = EV_BOOL;
  v.b = b;
  return v;
}

/* The unit a results key names by its suffix. */
static const char *key_unit(const char *key)
{
  static const char *const map[][2] = {
      {"_tce", "tce"},   {"_kgce", "kgce"}, {"_tco2", "tCO2"}, {"_cny", "CNY"},
      {"_kwh", "kWh"},   {"_gj", "GJ"},     {"_mwh", "MWh"}};
  size_t kl = strlen(key);
  for (size_t i = 0; i < sizeof map / sizeof *map; i++) {
    size_t sl = strlen(map[i][0]);
    if (kl > sl && strcmp(key + kl - sl, map[i][0]) == 0)
      return map[i][1];
  }
  return NULL;
}

static ev from_node(const value *v, const char *key)
{
  ev r = ev_null();
  if (!v)
    return r;
  switch (v->kind) {
  case VAL_NULL:
    return r;
  case VAL_BOOL:
    return ev_bool(v->b);
  case VAL_NUM: {
    ev n = ev_num(v->num, key ? key_unit(key) : NULL);
    n.node = v; /* where it came from: its trace, for explain and exercises */
    n.computed = v->tr != NULL;
    return n;
  }
  case VAL_STR:
    r.kind = EV_STR;
    r.str = v->str;
    return r;
  default:
    r.kind = EV_NODE;
    r.node = v;
    return r;
  }
}

/* The evaluator recurses along the tree (at most EXPR_MAX_DEPTH levels)
   and, mapping a name over arrays of arrays, along the results' nesting,
   which calc keeps shallow; past this the evaluation stops as if out of
   steps. */
#define EVAL_MAX_DEPTH (2 * EXPR_MAX_DEPTH)

void expr_budget_init(expr_budget *b)
{
  b->steps = EXPR_MAX_STEPS;
  b->items = EXPR_MAX_ITEMS;
  b->exhausted = false;
}

/* One evaluation: the arena its lists live in, the results root, and the
   budget every step is charged to. */
typedef struct evctx {
  arena *a;
  const value *root;
  expr_budget *b;
} evctx;

/* Charges n steps; false, with the budget marked exhausted, when they are
   not there. */
static bool spend(evctx *cx, size_t n)
{
  if (cx->b->exhausted || cx->b->steps < n) {
    cx->b->steps = 0;
    cx->b->exhausted = true;
    return false;
  }
  cx->b->steps -= n;
  return true;
}

typedef struct list {
  ev *items;
  size_t n, cap;
} list;

/* Charges n list slots: lists are all the memory an evaluation takes. */
static bool take_items(evctx *cx, size_t n)
{
  if (cx->b->exhausted || cx->b->items < n) {
    cx->b->items = 0;
    cx->b->exhausted = true;
    return false;
  }
  cx->b->items -= n;
  return true;
}

/* Room for n items to start with (a short list takes no more). */
static void list_reserve(evctx *cx, list *l, size_t n)
{
  if (n && take_items(cx, n)) {
    l->items = ARENA_ARRAY(cx->a, ev, n);
    l->cap = n;
  }
}

/* Appends v, charging a step, and the slots whenever the list grows. */
static void list_push(evctx *cx, list *l, ev v)
{
  if (!spend(cx, 1))
    return;
  if (l->n == l->cap && !take_items(cx, l->cap ? l->cap * 2 : 16))
    return;
  *ARENA_PUSH(cx->a, l->items, l->n, l->cap) = v;
}

static ev from_list(list *l)
{
  ev r = ev_null();
  r.kind = EV_LIST;
  r.items = l->items;
  r.n = l->n;
  return r;
}

/* The number of elements of a list or an array node; 0 for anything
   else. */
static size_t n_elems(const ev *v)
{
  if (v->kind == EV_LIST)
    return v->n;
  if (v->kind == EV_NODE && v->node->kind == VAL_ARR)
    return v->node->n;
  return 0;
}

/* Element i < n_elems(v), read in place. */
static ev elem(const ev *v, size_t i)
{
  return v->kind == EV_LIST ? v->items[i] : from_node(v->node->items[i], NULL);
}

static bool is_many(const ev *v)
{
  return v->kind == EV_LIST || (v->kind == EV_NODE && v->node->kind == VAL_ARR);
}

static bool item_named(const value *item, const char *name)
{
  static const char *const keys[] = {"id", "carrier", "key", "meter"};
  for (size_t k = 0; k < 4; k++) {
    const value *v = val_get(item, keys[k]);
    if (v && v->kind == VAL_STR && strcmp(v->str, name) == 0)
      return true;
  }
  return false;
}

static ev eval(evctx *cx, const expr *e, const value *item, int depth);

static ev apply_step(evctx *cx, ev cur, const step *s, int depth)
{
  if (depth > EVAL_MAX_DEPTH) {
    spend(cx, SIZE_MAX);
    return ev_null();
  }
  size_t n = n_elems(&cur);
  /* A name step on a list or an array maps over its elements and
     flattens (jq's .[]); the other steps apply to the list itself. */
  if (s->kind == S_KEY && is_many(&cur)) {
    list out = {0};
    for (size_t i = 0; i < n && spend(cx, 1); i++) {
      ev r = apply_step(cx, elem(&cur, i), s, depth + 1);
      if (r.kind == EV_LIST)
        for (size_t j = 0; j < r.n && !cx->b->exhausted; j++)
          list_push(cx, &out, r.items[j]);
      else if (r.kind != EV_NULL)
        list_push(cx, &out, r);
    }
    return from_list(&out);
  }
  switch (s->kind) {
  case S_KEY:
    if (cur.kind == EV_NODE && cur.node->kind == VAL_OBJ)
      return from_node(val_get(cur.node, s->name), s->name);
    return ev_null();
  case S_ALL: {
    list out = {0};
    list_reserve(cx, &out, n);
    for (size_t i = 0; i < n && !cx->b->exhausted; i++)
      list_push(cx, &out, elem(&cur, i));
    return from_list(&out);
  }
  case S_INDEX:
    return s->index < n ? elem(&cur, s->index) : ev_null();
  case S_NAME:
    for (size_t i = 0; i < n && spend(cx, 1); i++) {
      ev it = elem(&cur, i);
      if (it.kind == EV_NODE && item_named(it.node, s->name))
        return it;
    }
    return ev_null();
  case S_PICK:
    for (size_t i = 0; i < n && spend(cx, 1); i++) {
      ev it = elem(&cur, i);
      const value *m = it.kind == EV_NODE ? val_get(it.node, s->name) : NULL;
      if (m && m->kind == VAL_STR && strcmp(m->str, s->value) == 0)
        return it;
    }
    return ev_null();
  case S_FILTER: {
    list out = {0};
    list_reserve(cx, &out, n < 16 ? n : 16); /* it grows if need be */
    for (size_t i = 0; i < n && !cx->b->exhausted; i++) {
      ev it = elem(&cur, i);
      ev t = eval(cx, s->filter, it.kind == EV_NODE ? it.node : NULL,
                  depth + 1);
      if (ev_truthy(&t))
        list_push(cx, &out, it);
    }
    return from_list(&out);
  }
  }
  return ev_null();
}

bool ev_truthy(const ev *v)
{
  switch (v->kind) {
  case EV_NULL:
    return false;
  case EV_BOOL:
    return v->b;
  case EV_NUM:
    return v->num != 0 && !isnan(v->num);
  case EV_STR:
    return v->str[0] != '\0';
  case EV_NODE:
    return v->node->kind != VAL_ARR || v->node->n > 0;
  case EV_LIST:
    return v->n > 0;
  }
  return false;
}

/* Converts r to l's unit when both name units of one dimension. */
static double align(const ev *l, const ev *r)
{
  unit_info a, b;
  if (!l->unit || !r->unit || strcmp(l->unit, r->unit) == 0)
    return r->num;
  if (!units_lookup(l->unit, strlen(l->unit), &a) ||
      !units_lookup(r->unit, strlen(r->unit), &b) || !dim_eq(a.dim, b.dim))
    return r->num;
  return r->num * b.scale / a.scale;
}

static ev eval(evctx *cx, const expr *e, const value *item, int depth)
{
  if (depth > EVAL_MAX_DEPTH) /* cannot happen: heights are checked */
    spend(cx, SIZE_MAX);
  if (!spend(cx, 1))
    return ev_null();
  switch (e->kind) {
  case N_NUM:
    return ev_num(e->num, e->unit);
  case N_STR: {
    ev v = ev_null();
    v.kind = EV_STR;
    v.str = e->str;
    return v;
  }
  case N_BOOL:
    return ev_bool(e->b);
  case N_NULL:
    return ev_null();
  case N_PATH: {
    ev cur = ev_null();
    const value *start = e->relative ? item : cx->root;
    if (!start)
      return cur;
    cur.kind = EV_NODE;
    cur.node = start;
    if (start->kind != VAL_OBJ && start->kind != VAL_ARR)
      cur = from_node(start, NULL);
    for (size_t i = 0; i < e->n_steps && cur.kind != EV_NULL; i++)
      cur = apply_step(cx, cur, &e->steps[i], depth);
    return cur;
  }
  case N_NEG: {
    ev v = eval(cx, e->l, item, depth + 1);
    ev r = v.kind == EV_NUM ? ev_num(-v.num, v.unit) : ev_null();
    r.computed = v.computed;
    return r;
  }
  case N_NOT: {
    ev v = eval(cx, e->l, item, depth + 1);
    return ev_bool(!ev_truthy(&v));
  }
  case N_CALL: {
    if (e->func == F_EXISTS) {
      ev v = eval(cx, e->args[0], item, depth + 1);
      return ev_bool(v.kind != EV_NULL && !(v.kind == EV_LIST && v.n == 0) &&
                     !(v.kind == EV_NODE && v.node->kind == VAL_ARR &&
                       v.node->n == 0));
    }
    list all = {0};
    for (size_t i = 0; i < e->n_args; i++) {
      ev v = eval(cx, e->args[i], item, depth + 1);
      if (is_many(&v)) {
        size_t n = n_elems(&v);
        for (size_t j = 0; j < n && !cx->b->exhausted; j++)
          list_push(cx, &all, elem(&v, j));
      } else {
        list_push(cx, &all, v);
      }
    }
    switch (e->func) {
    case F_COUNT:
    case F_LEN: {
      size_t n = 0;
      for (size_t i = 0; i < all.n; i++)
        n += all.items[i].kind != EV_NULL;
      return ev_num((double)n, NULL);
    }
    case F_ANY:
    case F_ALL: {
      bool any = false, every = true;
      for (size_t i = 0; i < all.n; i++) {
        bool t = ev_truthy(&all.items[i]);
        any |= t;
        every &= t;
      }
      return ev_bool(e->func == F_ANY ? any : every);
    }
    case F_ABS: {
      ev r = all.n && all.items[0].kind == EV_NUM
                 ? ev_num(fabs(all.items[0].num), all.items[0].unit)
                 : ev_null();
      r.computed = all.n && all.items[0].computed;
      return r;
    }
    default: {
      bool have = false, computed = false;
      double acc = e->func == F_SUM ? 0 : NAN;
      const char *unit = NULL;
      for (size_t i = 0; i < all.n; i++) {
        if (all.items[i].kind != EV_NUM || isnan(all.items[i].num))
          continue;
        double x = all.items[i].num;
        computed |= all.items[i].computed;
        unit = unit ? unit : all.items[i].unit;
        if (e->func == F_SUM)
          acc += x;
        else if (!have || (e->func == F_MIN ? x < acc : x > acc))
          acc = x;
        have = true;
      }
      /* nothing to add up (no products, no measures) is not a zero */
      if (!have)
        return ev_null();
      ev r = ev_num(acc, unit);
      r.computed = computed;
      return r;
    }
    }
  }
  case N_BIN:
    break;
  }
  if (e->op == OP_AND) {
    ev l = eval(cx, e->l, item, depth + 1);
    if (!ev_truthy(&l))
      return ev_bool(false);
    ev r = eval(cx, e->r, item, depth + 1);
    return ev_bool(ev_truthy(&r));
  }
  if (e->op == OP_OR) {
    ev l = eval(cx, e->l, item, depth + 1);
    if (ev_truthy(&l))
      return ev_bool(true);
    ev r = eval(cx, e->r, item, depth + 1);
    return ev_bool(ev_truthy(&r));
  }
  ev l = eval(cx, e->l, item, depth + 1);
  ev r = eval(cx, e->r, item, depth + 1);
  if (e->op == OP_EQ || e->op == OP_NE) {
    bool eq;
    if (l.kind == EV_NULL || r.kind == EV_NULL)
      eq = l.kind == r.kind;
    else if (l.kind == EV_NUM && r.kind == EV_NUM)
      eq = fabs(l.num - align(&l, &r)) <= 1e-9 * fmax(1.0, fabs(l.num));
    else if (l.kind == EV_STR && r.kind == EV_STR)
      eq = strcmp(l.str, r.str) == 0;
    else if (l.kind == EV_BOOL && r.kind == EV_BOOL)
      eq = l.b == r.b;
    else
      eq = false;
    return ev_bool(e->op == OP_EQ ? eq : !eq);
  }
  if (l.kind != EV_NUM || r.kind != EV_NUM)
    return e->op >= OP_ADD ? ev_null() : ev_bool(false);
  double rv = align(&l, &r);
  if (e->op >= OP_ADD) {
    ev out = ev_null();
    switch (e->op) {
    case OP_ADD:
      out = ev_num(l.num + rv, l.unit ? l.unit : r.unit);
      break;
    case OP_SUB:
      out = ev_num(l.num - rv, l.unit ? l.unit : r.unit);
      break;
    case OP_MUL:
      out = ev_num(l.num * r.num, NULL);
      break;
    default:
      out = r.num != 0 ? ev_num(l.num / r.num, NULL) : ev_null();
      break;
    }
    out.computed = l.computed || r.computed;
    return out;
  }
  switch (e->op) {
  case OP_LT:
    return ev_bool(l.num < rv);
  case OP_LE:
    return ev_bool(l.num <= rv);
  case OP_GT:
    return ev_bool(l.num > rv);
  case OP_GE:
    return ev_bool(l.num >= rv);
  case OP_ADD:
    return ev_num(l.num + rv, l.unit ? l.unit : r.unit);
  case OP_SUB:
    return ev_num(l.num - rv, l.unit ? l.unit : r.unit);
  case OP_MUL:
    return ev_num(l.num * r.num, NULL);
  case OP_DIV:
    return r.num != 0 ? ev_num(l.num / r.num, NULL) : ev_null();
  default:
    return ev_null();
  }
}

const char *expr_shape(const expr *e)
{
  return e && e->kind == N_PATH ? e->shape : NULL;
}

ev expr_eval(arena *a, const expr *e, const value *root, const value *item,
             expr_budget *b)
{
  expr_budget own;
  if (!b) {
    expr_budget_init(&own);
    b = &own;
  }
  evctx cx = {a, root, b};
  ev v = eval(&cx, e, item, 1);
  return b->exhausted ? ev_null() : v;
}

static const char *plural_noun(arena *a, const char *fmt, double n);

/* A quantity as a client wrote it ("18,600 万m3", "5.96 tC/万m3", "12 千元"),
   for an English report (format "en"): the Chinese multipliers 万, 亿 and 千
   as powers of ten, 元 as CNY — "18,600 × 10⁴ m3", "5.96 tC/10⁴ m3",
   "12 × 10³ CNY". Other text is kept. */
static const char *en_quantity(arena *a, const char *s)
{
  static const struct {
    const char *zh, *en;
  } mult[] = {{"万", "10⁴"}, {"亿", "10⁸"}, {"千", "10³"}};
  buf b;
  buf_init(&b);
  for (const char *p = s; *p;) {
    bool done = false;
    for (size_t k = 0; k < sizeof mult / sizeof *mult && !done; k++) {
      size_t n = strlen(mult[k].zh);
      if (strncmp(p, mult[k].zh, n) != 0)
        continue;
      /* after a number ("18,600 万m3") a factor; after "/" or at the start
         a unit of its own ("tC/万m3") */
      size_t len = b.len;
      while (len && b.data[len - 1] == ' ')
        len--;
      bool after_num = len && isdigit((unsigned char)b.data[len - 1]);
      if (after_num) {
        b.len = len;
        buf_printf(&b, " × %s ", mult[k].en);
      } else {
        buf_printf(&b, "%s ", mult[k].en);
      }
      p += n;
      done = true;
    }
    if (done)
      continue;
    if (strncmp(p, "元", strlen("元")) == 0) {
      if (b.len && b.data[b.len - 1] != ' ' && b.data[b.len - 1] != '/')
        buf_putc(&b, ' ');
      buf_puts(&b, "CNY");
      p += strlen("元");
      continue;
    }
    buf_putc(&b, *p++);
  }
  const char *out = arena_strndup(a, b.data ? b.data : "", b.len);
  buf_fini(&b);
  return out;
}

const char *ev_format(arena *a, const ev *v, const char *fmt)
{
  char b[64];
  switch (v->kind) {
  case EV_NULL:
    return "—";
  case EV_BOOL:
    if (fmt && strcmp(fmt, "是否") == 0)
      return v->b ? "是" : "否";
    if (fmt && strcmp(fmt, "yesno") == 0)
      return v->b ? "yes" : "no";
    return v->b ? "true" : "false";
  case EV_STR:
    return fmt && strcmp(fmt, "en") == 0 ? en_quantity(a, v->str) : v->str;
  case EV_NUM: {
    int dec = 2;
    bool pct = false;
    if (fmt && strcmp(fmt, "#") == 0) /* a year or a count: no separators */
      return arena_strdup(a, fmt_num(v->num, 0, false, b, sizeof b));
    if (fmt && strncmp(fmt, "plural ", 7) == 0) /* "3 carriers" */
      return arena_printf(a, "%s %s", fmt_num(v->num, 0, true, b, sizeof b),
                          plural_noun(a, fmt, v->num));
    if (fmt) {
      const char *f = fmt;
      if (*f == '%') {
        pct = true;
        f++;
        dec = 1;
      }
      if (*f == '0') {
        const char *dot = strchr(f, '.');
        dec = dot ? (int)strlen(dot + 1) : 0;
      }
    }
    /* a true zero is 0, not 0.00: what was not computed is null (—) */
    if (v->num == 0)
      dec = 0;
    fmt_num(pct ? v->num * 100.0 : v->num, dec, true, b, sizeof b);
    return pct ? arena_printf(a, "%s %%", b) : arena_strdup(a, b);
  }
  case EV_LIST:
    return arena_printf(a, "%zu items", v->n);
  case EV_NODE:
    return v->node->kind == VAL_ARR
               ? arena_printf(a, "%zu items", (size_t)v->node->n)
               : "{…}";
  }
  return "";
}
/* }====================================================== */

/* {====================================================== texts */

typedef struct piece {
  const char *lit; /* literal, or NULL for a placeholder */
  expr *e;
  const char *fmt;
  expr *unit;      /* display-unit formats: the value's unit */
} piece;

/* {------------------------------------------------------ display units */

/* Formats that show a quantity in the unit a Chinese report uses for it
   (kWh and m3 in 万, coefficients per kg, m3, kWh, MJ), given the
   unit of the stored value by an expression: "qty .unit" the number,
   "qunit .unit" its unit (万kWh), "qunit_en .unit" in English (10⁴ kWh),
   "coef .unit" a coefficient in kgce per that unit, with its unit (per
   kg for a fuel in t, per MJ for GJ); "qty0 .unit" the number as "qty"
   does, to the whole unit (a wide table such as the balance matrix). */
typedef enum {
  DU_QTY,
  DU_UNIT,
  DU_UNIT_EN,
  DU_COEF,
  DU_QTY0,
  DU_NONE
} du_kind;

static const char *const du_names[] = {"qty ",  "qunit ", "qunit_en ",
                                       "coef ", "qty0 ",  NULL};

static du_kind du_of(const char *fmt)
{
  for (int k = 0; du_names[k]; k++)
    if (strncmp(fmt, du_names[k], strlen(du_names[k])) == 0)
      return (du_kind)k;
  return DU_NONE;
}

/* The number a display unit shows for x stored in unit (unrounded), and
   the unit it is shown in: kWh and m3 in 万 for quantities; for a
   coefficient in kgce per unit, per kg for a fuel in t (working media,
   water 0.2571 kgce/t, stay per t as GB/T 2589's tables give them), per
   MJ for GJ. Shared by the text (du_format) and the number a spreadsheet
   keeps (expr_text_number). */
static double du_scale(du_kind k, const char *unit, double x, bool *wan,
                       const char **per)
{
  bool kwh = strcmp(unit, "kWh") == 0, m3 = strcmp(unit, "m3") == 0,
       nm3 = strcmp(unit, "Nm3") == 0;
  *wan = kwh || m3 || nm3;
  *per = m3 ? "m³" : nm3 ? "Nm³" : unit;
  if (k == DU_COEF) {
    if (strcmp(unit, "t") == 0 && fabs(x) >= 10) {
      *per = "kg";
      return x / 1000;
    }
    if (strcmp(unit, "GJ") == 0) {
      *per = "MJ";
      return x / 1000;
    }
    return x;
  }
  return *wan ? x / 1e4 : x;
}

static const char *du_format(arena *a, du_kind k, const ev *v,
                             const char *unit)
{
  char b[64];
  bool num = v->kind == EV_NUM && isfinite(v->num);
  bool wan;
  const char *shown;
  double x = du_scale(k, unit, num ? v->num : 0, &wan, &shown);
  if (k == DU_COEF) {
    if (!num)
      return "—";
    fmt_num(x, x == 0 ? 0 : 4, true, b, sizeof b);
    return arena_printf(a, "%s kgce/%s", b, shown);
  }
  /* by the unit alone, so that every column of a row agrees */
  if (k == DU_UNIT)
    return wan ? arena_printf(a, "万%s", shown) : shown;
  if (k == DU_UNIT_EN)
    return wan ? arena_printf(a, "10⁴ %s", shown) : shown;
  if (!num)
    return "—";
  fmt_num(x, x == 0 || k == DU_QTY0 ? 0 : 2, true, b, sizeof b);
  return arena_strdup(a, b);
}

/* }------------------------------------------------------ */

struct expr_text {
  piece *p;
  size_t n;
};

static int chars_between(const char *from, const char *to)
{
  int n = 0;
  for (const char *q = from; q < to; q++)
    n += ((unsigned char)*q & 0xC0) != 0x80;
  return n;
}

/* "plural NOUN" or "plural NOUN/PLURAL": NOUN words of letters, spaces
   and hyphens, the plural form given when it is not regular. */
static bool good_plural(const char *fmt)
{
  if (strncmp(fmt, "plural ", 7) != 0)
    return false;
  const char *p = fmt + 7;
  size_t slash = 0, letters = 0;
  for (; *p; p++) {
    if (*p == '/') {
      if (slash++ || !letters)
        return false;
      letters = 0;
    } else if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')) {
      letters++;
    } else if (*p != ' ' && *p != '-') {
      return false;
    }
  }
  return letters > 0 && p - fmt <= 80;
}

/* The noun of a plural format for a count n: the singular for exactly
   one, else the given plural or the regular one (-s, -es after s, x, z,
   ch, sh; -ies after a consonant and y). */
static const char *plural_noun(arena *a, const char *fmt, double n)
{
  const char *noun = fmt + 7, *slash = strchr(noun, '/');
  if (n == 1)
    return slash ? arena_strndup(a, noun, (size_t)(slash - noun)) : noun;
  if (slash)
    return slash + 1;
  size_t l = strlen(noun);
  char last = noun[l - 1], before = l > 1 ? noun[l - 2] : ' ';
  if (last == 's' || last == 'x' || last == 'z' ||
      (last == 'h' && (before == 'c' || before == 's')))
    return arena_printf(a, "%ses", noun);
  if (last == 'y' && !strchr("aeiou", before))
    return arena_printf(a, "%.*sies", (int)(l - 1), noun);
  return arena_printf(a, "%ss", noun);
}

static bool good_format(const char *fmt)
{
  size_t fl = strlen(fmt);
  if (good_plural(fmt))
    return true;
  if (strcmp(fmt, "#") == 0 || strcmp(fmt, "%") == 0 ||
      strcmp(fmt, "yesno") == 0 || strcmp(fmt, "是否") == 0 ||
      strcmp(fmt, "en") == 0)
    return true;
  if (!fl || fl > 8 || (fmt[0] != '%' && fmt[0] != '0'))
    return false;
  size_t k = fmt[0] == '%' ? 1 : 0;
  if (k < fl && fmt[k] != '0')
    return false;
  for (; k < fl; k++)
    if (fmt[k] != '0' && !(fmt[k] == '.' && k > 0 && fmt[k - 1] == '0'))
      return false;
  return true;
}

expr_text *expr_text_compile(arena *a, const units *u, const char *text,
                             bool doubled, const char *item_shape,
                             expr_path_check check, void *ctx,
                             expr_error *err)
{
  size_t olen = doubled ? 2 : 1;
  const char *open = doubled ? "{{" : "{", *close_s = doubled ? "}}" : "}";
  size_t cap = 8, n = 0;
  piece *ps = ARENA_ARRAY(a, piece, cap);
  const char *lit = text;
  const char *p = text;
  while (*p) {
    if (!doubled && p[0] == '{' && p[1] == '{') {
      /* "{{" is a literal brace in single-brace texts */
      *ARENA_PUSH(a, ps, n, cap) = (piece){arena_strndup(a, lit, (size_t)(p - lit + 1)), NULL,
                        NULL, NULL};
      p += 2;
      lit = p;
      continue;
    }
    if (p[0] != '{' || (doubled && p[1] != '{')) { /* not at `open` */
      p++;
      continue;
    }
    const char *end = strstr(p + olen, close_s);
    if (!end) {
      err->col = chars_between(text, p) + 1;
      err->len = (int)olen;
      err->msg = arena_printf(a, "unclosed placeholder %s", open);
      return NULL;
    }
    if (p > lit)
      *ARENA_PUSH(a, ps, n, cap) =
          (piece){arena_strndup(a, lit, (size_t)(p - lit)), NULL, NULL,
                  NULL};
    const char *inner = p + olen;
    const char *bar = NULL;
    for (const char *q = inner; q < end; q++)
      if (*q == '|')
        bar = q;
    const char *src = arena_strndup(a, inner, (size_t)((bar ? bar : end) - inner));
    const char *fmt = NULL;
    expr *unit_e = NULL;
    if (bar) {
      const char *f0 = bar + 1, *f1 = end;
      while (f0 < f1 && *f0 == ' ')
        f0++;
      while (f1 > f0 && f1[-1] == ' ')
        f1--;
      fmt = arena_strndup(a, f0, (size_t)(f1 - f0));
      du_kind dk = du_of(fmt);
      if (dk != DU_NONE) {
        const char *us = fmt + strlen(du_names[dk]);
        expr_error e3;
        unit_e = expr_parse(a, u, us, item_shape, check, ctx, &e3);
        if (!unit_e) {
          err->col = chars_between(text, f0) + (int)strlen(du_names[dk]) +
                     e3.col;
          err->len = e3.len;
          err->msg = e3.msg;
          return NULL;
        }
      } else if (!good_format(fmt)) {
        err->col = chars_between(text, p) + 1;
        err->len = chars_between(p, end + strlen(close_s));
        err->msg = arena_printf(a, "bad format \"%s\" (use 0, 0.0, 0.00, #, "
                                   "%%, %%0.0, yesno, 是否, plural NOUN, "
                                   "qty U, qunit U, qunit_en U, coef U)",
                                fmt);
        return NULL;
      }
    }
    expr_error e2;
    expr *x = expr_parse(a, u, src, item_shape, check, ctx, &e2);
    if (!x) {
      err->col = chars_between(text, inner) + e2.col;
      err->len = e2.len;
      err->msg = e2.msg;
      return NULL;
    }
    *ARENA_PUSH(a, ps, n, cap) = (piece){NULL, x, fmt, unit_e};
    p = end + strlen(close_s);
    lit = p;
  }
  if (*lit) {
    *ARENA_PUSH(a, ps, n, cap) =
        (piece){arena_strdup(a, lit), NULL, NULL, NULL};
  }
  expr_text *t = ARENA_NEW(a, expr_text);
  t->p = ps;
  t->n = n;
  return t;
}

const char *expr_text_render(arena *a, const expr_text *t, const value *root,
                             const value *item, expr_budget *b)
{
  return expr_text_render_blank(a, t, root, item, false, b);
}

const char *expr_text_render_blank(arena *a, const expr_text *t,
                                   const value *root, const value *item,
                                   bool blank_computed, expr_budget *b)
{
  size_t cap = 256, len = 0;
  char *out = arena_alloc(a, cap);
  out[0] = '\0';
  for (size_t i = 0; i < t->n; i++) {
    const char *s;
    if (t->p[i].lit) {
      s = t->p[i].lit;
    } else {
      ev v = expr_eval(a, t->p[i].e, root, item, b);
      du_kind dk = t->p[i].unit ? du_of(t->p[i].fmt) : DU_NONE;
      /* an exercise leaves every computed number for the student (but
         says its unit) */
      if (blank_computed && v.kind == EV_NUM && v.computed &&
          dk != DU_UNIT && dk != DU_UNIT_EN)
        s = "________";
      else if (dk != DU_NONE) {
        ev uv = expr_eval(a, t->p[i].unit, root, item, b);
        s = du_format(a, dk, &v, uv.kind == EV_STR ? uv.str : "");
      } else
        s = ev_format(a, &v, t->p[i].fmt);
    }
    size_t sl = strlen(s);
    if (len + sl + 1 > cap) {
      while (len + sl + 1 > cap)
        cap *= 2;
      char *bigger = arena_alloc(a, cap);
      memcpy(bigger, out, len);
      out = bigger;
    }
    memcpy(out + len, s, sl);
    len += sl;
    out[len] = '\0';
  }
  return out;
}

bool expr_text_number(arena *a, const expr_text *t, const value *root,
                      const value *item, expr_budget *b, double *num,
                      const char **fmt, const char **suffix)
{
  if (t->n < 1 || t->n > 2 || t->p[0].lit || (t->n == 2 && !t->p[1].lit))
    return false;
  ev v = expr_eval(a, t->p[0].e, root, item, b);
  if (v.kind != EV_NUM || !isfinite(v.num))
    return false;
  *num = v.num;
  *fmt = t->p[0].fmt;
  *suffix = t->n == 2 ? t->p[1].lit : "";
  du_kind dk = *fmt && t->p[0].unit ? du_of(*fmt) : DU_NONE;
  if (dk == DU_UNIT || dk == DU_UNIT_EN)
    return false; /* a unit's name, not a number */
  if (dk == DU_QTY || dk == DU_QTY0 || dk == DU_COEF) {
    /* the number as the display unit shows it, unrounded: what
       du_format prints, with its unit after a coefficient */
    ev uv = expr_eval(a, t->p[0].unit, root, item, b);
    bool wan;
    const char *per;
    *num = du_scale(dk, uv.kind == EV_STR ? uv.str : "", v.num, &wan, &per);
    *fmt = dk == DU_QTY ? "0.00" : dk == DU_QTY0 ? "0" : "0.0000";
    if (dk == DU_COEF)
      *suffix = arena_printf(a, " kgce/%s%s", per, *suffix);
  }
  return true;
}
/* }====================================================== */
