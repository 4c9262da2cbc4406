/* expr.h — the small expression language of rule checks.
 *
 * Grammar (full, with precedence from low to high):
 *   expr    := or
 *   or      := and ("or" and)*
 *   and     := not ("and" not)*
 *   not     := "not" not | cmp
 *   cmp     := add [("<" | "<=" | ">" | ">=" | "==" | "!=") add]
 *   add     := mul (("+" | "-") mul)*
 *   mul     := unary (("*" | "/") unary)*
 *   unary   := "-" unary | primary
 *   primary := NUMBER [UNIT] | STRING | "true" | "false" | "null"
 *            | NAME "(" [expr ("," expr)*] ")"      function call
 *            | path | "(" expr ")"
 *   path    := ["."] NAME step*  |  "."               "." starts at the item
 *   step    := "." NAME | "[" "]" | "[" NUMBER "]" | "[" NAME "]"
 *            | "[" "?" expr "]"                      filter, relative to item
 * A path through an array without an index maps over its items (jq's
 * .[]), so energy.carriers.share is the list of shares. Literals with a
 * unit are converted to the unit of what they are compared with when the
 * path's key names one (_tce, _kgce, _tco2, _cny, _kwh, _gj, _mwh); "%"
 * divides by 100. Functions: min max sum count any all abs exists len.
 *
 * Parsing reports errors with the column inside the expression; the
 * caller maps it to the file. Evaluation never fails: a missing path is
 * null, arithmetic on null is null, a comparison with null is false. */
#ifndef GEN_EXPR_H
#define GEN_EXPR_H

#include <stdbool.h>
#include <stddef.h>

#include "../base/mem.h"
#include "../base/value.h"
#include "../load/units.h"

typedef struct expr expr;

typedef struct expr_error {
  int col;          /* 1-based column in the source text */
  int len;          /* span length (characters) */
  const char *msg;  /* in the arena */
} expr_error;

/* Checks a path's shape ("energy.carriers[].share") against the results
   schema; NULL when valid, else what is wrong. */
typedef const char *(*expr_path_check)(const char *shape, void *ctx);

/* Parses text; returns NULL and fills *err on a syntax error, an unknown
   function or (when check is given) a path the schema does not have.
   item_shape is the shape of the item that relative paths (".x") start
   from, or NULL when there is none. */
expr *expr_parse(arena *a, const units *u, const char *text,
                 const char *item_shape, expr_path_check check, void *ctx,
                 expr_error *err);

/* The shape of a path expression ("energy.products[]"), or NULL when e is
   not a plain path. */
const char *expr_shape(const expr *e);

/* Evaluation results. */
typedef enum { EV_NULL, EV_BOOL, EV_NUM, EV_STR, EV_NODE, EV_LIST } ev_kind;
typedef struct ev ev;
struct ev {
  ev_kind kind;
  bool b;
  double num;
  const char *unit; /* for numbers: a unit name, or NULL */
  const char *str;
  const value *node; /* objects and arrays of the results tree; for
                        numbers read from it, the node they came from */
  ev *items;         /* EV_LIST */
  size_t n;
  bool computed;     /* a number calc computed, or one derived from one */
};

/* Evaluates e against the results root, with item as the relative root
   (may be NULL). */
ev expr_eval(arena *a, const expr *e, const value *root, const value *item);
bool ev_truthy(const ev *v);
/* Formats v for a finding's text: numbers with fmt ("0", "0.00", "%",
   "%0"; NULL = 2 decimals), strings as they are. */
const char *ev_format(arena *a, const ev *v, const char *fmt);

/* {====================================================== texts */

/* A text with placeholders: {expr} (or {{expr}} when doubled), each with
   an optional |format. */
typedef struct expr_text expr_text;

/* Compiles text; on the first error returns NULL and fills *err with the
   column (1-based, characters) inside text. */
expr_text *expr_text_compile(arena *a, const units *u, const char *text,
                             bool doubled, const char *item_shape,
                             expr_path_check check, void *ctx,
                             expr_error *err);
/* Renders a compiled text; never fails. */
const char *expr_text_render(arena *a, const expr_text *t, const value *root,
                             const value *item);
/* The same; with blank_computed, every number that calc computed (it has
   a trace) prints as a blank to fill in (exercises for training). */
const char *expr_text_render_blank(arena *a, const expr_text *t,
                                   const value *root, const value *item,
                                   bool blank_computed);

#endif
