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
 *            | "[" NAME "=" (NAME | STRING) "]"      first item whose member
 *                                                    NAME holds the string
 *            | "[" "?" expr "]"                      filter, relative to item
 * A path through an array without an index maps over its items (jq's
 * .[]), so energy.carriers.share is the list of shares. Literals with a
 * unit are converted to the unit of what they are compared with when the
 * path's key names one (_tce, _kgce, _tco2, _cny, _kwh, _gj, _mwh); "%"
 * divides by 100. Functions: min max sum count any all abs exists len.
 *
 * Parsing reports errors with the column inside the expression; the
 * caller maps it to the file. Evaluation never fails on data: a missing
 * path is null, arithmetic on null is null, a comparison with null is
 * false, an index past the end (however large) is null.
 *
 * Hostile text is bounded twice. Nesting: every construct that makes the
 * parser or the evaluator recurse counts one level (parentheses, unary
 * minus, not, a function call, a filter [? …], and each operator of a
 * chain: a + b + c is (a + b) + c); deeper text is a parse error, so the
 * evaluator, which follows the tree, never recurses deeper either. Work:
 * evaluations draw on a budget of steps (expr_budget) that the caller
 * shares among all the evaluations of one stage, so nested filters over
 * long lists cannot run for hours or fill memory; when it runs out the
 * value is null and the budget says so, and the caller reports an error. */
#ifndef GEN_EXPR_H
#define GEN_EXPR_H

#include <stdbool.h>
#include <stddef.h>

#include "../base/mem.h"
#include "../base/value.h"
#include "../load/units.h"

typedef struct expr expr;

/* The deepest nesting an expression may have (see above). */
#define EXPR_MAX_DEPTH 100

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

/* The evaluation work of one stage. Every node evaluated and every list
   item visited or collected is a step (time); every slot of a list is an
   item (lists are the only memory an evaluation takes). */
#define EXPR_MAX_STEPS 10000000
#define EXPR_MAX_ITEMS 1000000
typedef struct expr_budget {
  size_t steps, items; /* left */
  bool exhausted;      /* an evaluation ran out (its value was null) */
} expr_budget;

/* A full budget: EXPR_MAX_STEPS and EXPR_MAX_ITEMS. */
void expr_budget_init(expr_budget *b);

/* Evaluates e against the results root, with item as the relative root
   (may be NULL), charging b. When either part of b runs out (or is already exhausted)
   the value is null and b->exhausted is set: the caller reports it as an
   error. b may be NULL: a fresh full budget for this one evaluation. */
ev expr_eval(arena *a, const expr *e, const value *root, const value *item,
             expr_budget *b);
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
/* Renders a compiled text, charging its evaluations to b (as expr_eval;
   when b runs out the text is still rendered, the values left null). */
const char *expr_text_render(arena *a, const expr_text *t, const value *root,
                             const value *item, expr_budget *b);
/* The same; with blank_computed, every number that calc computed (it has
   a trace) prints as a blank to fill in (exercises for training). */
/* The number a text shows when it is one placeholder, with at most a
   literal after it (a unit): its value unrounded, the placeholder's
   format (NULL when none) and the literal ("" when none). False for any other text or value. */
bool expr_text_number(arena *a, const expr_text *t, const value *root,
                      const value *item, expr_budget *b, double *num,
                      const char **fmt, const char **suffix);
const char *expr_text_render_blank(arena *a, const expr_text *t,
                                   const value *root, const value *item,
                                   bool blank_computed, expr_budget *b);

#endif
