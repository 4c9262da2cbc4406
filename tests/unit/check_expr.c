/* check_expr.c — the rule expression language (rules/expr.h): parsing
 * with positions, schema checks, evaluation over a results tree. */
#include <check.h>
#include <string.h>

#include "../../generator/rules/checks.h"
#include "../../generator/rules/expr.h"
#include "suites.h"

static arena *a;
static units *u;
static value *root;

static void setup(void)
{
  a = arena_new();
  u = units_new();
  root = val_obj(a);
  value *e = val_set(a, root, "energy", val_obj(a));
  val_set_num(a, e, "total_tce", 12000);
  value *cs = val_set(a, e, "carriers", val_arr(a));
  const char *keys[] = {"raw_coal", "electricity", "diesel"};
  double shares[] = {0.8, 0.15, 0.05};
  for (int i = 0; i < 3; i++) {
    value *o = val_obj(a);
    val_set_str(a, o, "carrier", keys[i]);
    val_set_num(a, o, "share", shares[i]);
    val_set_num(a, o, "tce", 12000 * shares[i]);
    val_push(a, cs, o);
  }
  /* a list of one item: nested filters over it cost one pass each */
  value *one = val_set(a, root, "one", val_arr(a));
  val_push(a, one, val_obj(a));
}

static void teardown(void)
{
  units_free(u);
  arena_free(a);
}

static ev eval(const char *text)
{
  expr_error err;
  expr *e = expr_parse(a, u, text, NULL, NULL, NULL, &err);
  ck_assert_msg(e != NULL, "%s: col %d: %s", text, err.col, err.msg);
  return expr_eval(a, e, root, NULL, NULL);
}

START_TEST(t_arith_and_units)
{
  ck_assert_double_eq(eval("1 + 2 * 3").num, 7);
  ck_assert_double_eq(eval("(1 + 2) * 3").num, 9);
  ck_assert_double_eq(eval("-4 / 2").num, -2);
  /* 5 % is 0.05 */
  ck_assert_double_eq_tol(eval("5 %").num, 0.05, 1e-15);
  /* total_tce is in tce: 12,000 tce ≥ 10,000 tce, and ≥ 1.2e7 kgce */
  ck_assert(eval("energy.total_tce >= 10000 tce").b);
  ck_assert(eval("energy.total_tce >= 12000000 kgce").b);
  ck_assert(!eval("energy.total_tce > 1.2 万tce").b);
  ck_assert(eval("1 / 0").kind == EV_NULL);
}
END_TEST

START_TEST(t_paths_and_functions)
{
  /* the list of shares: 0.8, 0.15, 0.05 */
  ck_assert_double_eq_tol(eval("sum(energy.carriers.share)").num, 1.0, 1e-12);
  ck_assert_double_eq(eval("count(energy.carriers)").num, 3);
  ck_assert_double_eq(eval("max(energy.carriers.share)").num, 0.8);
  ck_assert_double_eq(eval("min(energy.carriers.share)").num, 0.05);
  ck_assert_double_eq(eval("energy.carriers[electricity].tce").num, 1800);
  ck_assert_double_eq(eval("energy.carriers[2].tce").num, 600);
  /* filter relative to each item */
  ck_assert_double_eq(eval("count(energy.carriers[? .share > 10 %])").num, 2);
  ck_assert(eval("any(energy.carriers[? .carrier == \"diesel\"])").b);
  ck_assert(eval("all(energy.carriers.share)").b);
  ck_assert(!eval("exists(energy.carriers[nothing])").b);
  ck_assert_double_eq(eval("abs(-3)").num, 3);
  /* [member=value] picks the first item whose member holds the string,
     as the results paths are written: electricity 0.15 × 12,000 = 1,800 */
  ck_assert_double_eq(eval("energy.carriers[carrier=electricity].tce").num,
                      1800);
  ck_assert_double_eq(eval("energy.carriers[carrier = \"diesel\"].tce").num,
                      600);
  ck_assert(eval("energy.carriers[carrier=gas].tce").kind == EV_NULL);
  ck_assert(eval("energy.carriers[share=electricity]").kind == EV_NULL);
  ck_assert(eval("energy.carriers[carrier=raw_coal].share == 80 %").b);
  /* missing paths are null; comparisons with null are false */
  ck_assert(eval("energy.nothing").kind == EV_NULL);
  ck_assert(!eval("energy.nothing > 1").b);
  ck_assert(eval("energy.nothing == null").b);
  ck_assert(eval("not energy.nothing").b);
  ck_assert(eval("1 < 2 and (2 < 1 or true)").b);
}
END_TEST

static char *repeat(const char *prefix, size_t n, const char *tail);

static expr_error parse_error(const char *text, bool with_schema)
{
  expr_error err = {0, 0, NULL};
  expr *e = expr_parse(a, u, text, NULL, NULL, NULL, &err);
  (void)with_schema;
  ck_assert_msg(e == NULL, "%s should not parse", text);
  return err;
}

START_TEST(t_errors_with_columns)
{
  expr_error e = parse_error("energy.total_tce >", false);
  ck_assert_str_eq(e.msg, "expression ends too early");
  e = parse_error("frobnicate(1)", false);
  ck_assert_int_eq(e.col, 1);
  ck_assert_int_eq(e.len, 10);
  ck_assert_ptr_nonnull(strstr(e.msg, "unknown function \"frobnicate\""));
  e = parse_error("1 + (2 * 3", false);
  ck_assert_str_eq(e.msg, "expected \")\" before the end");
  e = parse_error("a $ b", false);
  ck_assert_int_eq(e.col, 3);
  e = parse_error(".share > 1", false);
  ck_assert_ptr_nonnull(strstr(e.msg, "relative path"));
  e = parse_error("1 2", false);
  ck_assert_int_eq(e.col, 3);
  e = parse_error("energy.carriers[carrier=].tce", false);
  ck_assert_int_eq(e.col, 25);
  ck_assert_str_eq(e.msg, "expected a name or a string after = inside [ ]");
  e = parse_error("energy.carriers[carrier=1].tce", false);
  ck_assert_int_eq(e.col, 25);
  e = parse_error("energy.total_tce = 1", false);
  ck_assert_int_eq(e.col, 18);
  /* nesting is bounded */
  char deep[400];
  memset(deep, '(', 300);
  strcpy(deep + 300, "1");
  e = parse_error(deep, false);
  ck_assert_str_eq(e.msg, "expression nested deeper than 100");
}
END_TEST

/* {====================================================== hostile text */

/* prefix repeated n times, then tail, in the arena. */
static char *repeat(const char *prefix, size_t n, const char *tail)
{
  size_t pl = strlen(prefix), tl = strlen(tail);
  char *s = arena_alloc(a, pl * n + tl + 1);
  for (size_t i = 0; i < n; i++)
    memcpy(s + i * pl, prefix, pl);
  memcpy(s + pl * n, tail, tl + 1);
  return s;
}

/* An index is a whole number; one past every list (however large, even
   past what size_t holds) is null like any index past the end, never a
   conversion of an out-of-range double. */
START_TEST(t_huge_index)
{
  static const char *const null_ix[] = {
      "energy.carriers[3].tce",
      "energy.carriers[1e30].tce",
      "energy.carriers[1e308].tce",
      "energy.carriers[18446744073709551615].tce",
      "energy.carriers[18446744073709551616].tce",
      "energy.carriers[9007199254740993].tce",
      "energy.carriers[0x1p64].tce",
      "energy.carriers[nan].tce", /* a name: no item is named nan */
      "energy.carriers[inf].tce",
      "energy.carriers[1e30]",
      NULL};
  for (size_t i = 0; null_ix[i]; i++)
    ck_assert_msg(eval(null_ix[i]).kind == EV_NULL, "%s", null_ix[i]);
  ck_assert_double_eq(eval("energy.carriers[2].tce").num, 600);
  ck_assert_double_eq(eval("energy.carriers[100 %].tce").num, 1800);
  ck_assert_double_eq(eval("energy.carriers[0x1].tce").num, 1800);
  expr_error e = parse_error("energy.carriers[1.5].tce", false);
  ck_assert_str_eq(e.msg, "an index is a whole number (0 is the first item)");
  ck_assert_int_eq(e.col, 17);
  ck_assert_int_eq(e.len, 3);
  e = parse_error("energy.carriers[50 %].tce", false);
  ck_assert_str_eq(e.msg, "an index is a whole number (0 is the first item)");
  e = parse_error("energy.carriers[1e-300].tce", false);
  ck_assert_str_eq(e.msg, "an index is a whole number (0 is the first item)");
  e = parse_error("energy.carriers[-1].tce", false);
  ck_assert_int_eq(e.col, 17);
  e = parse_error("energy.carriers[1e400].tce", false);
  ck_assert_str_eq(e.msg, "number out of range");
}
END_TEST

/* A number a text shows is never cut short: too long for its room it is
   written with an exponent. */
START_TEST(t_huge_numbers)
{
  ev v = eval("1e200");
  ck_assert_str_eq(ev_format(a, &v, NULL), "1.00e+200");
  ck_assert_str_eq(ev_format(a, &v, "0.000000"), "1.000000e+200");
  ck_assert_str_eq(ev_format(a, &v, "#"), "1.00e+200");
  ck_assert_str_eq(ev_format(a, &v, "%0.0"), "1.00e+202 %");
  v = eval("-1e300 * 1e300"); /* -inf */
  ck_assert_str_eq(ev_format(a, &v, NULL), "—");
  v = eval("123456789012345");
  ck_assert_str_eq(ev_format(a, &v, "0.00"), "123,456,789,012,345.00");
}
END_TEST

/* A path's shape has room for 511 bytes: a longer one is an error, not a
   shape cut short (or written past its buffer). */
START_TEST(t_long_path)
{
  char *name = repeat("n", 600, "");
  expr_error e = parse_error(arena_printf(a, "energy.%s", name), false);
  ck_assert_str_eq(e.msg, "path too long");
  e = parse_error(arena_printf(a, "energy.%s[0].x", repeat("a", 505, "")),
                  false);
  ck_assert_str_eq(e.msg, "path too long");
  ck_assert(eval(arena_printf(a, "energy.%s", repeat("n", 400, "")))
                .kind == EV_NULL);
  /* a shape that ends just short of the room, then grows by [] steps */
  for (size_t k = 495; k <= 505; k++) {
    e = parse_error(arena_printf(a, "energy.%s%s", repeat("m", k, ""),
                                 repeat("[]", 20, "")),
                    false);
    ck_assert_str_eq(e.msg, "path too long");
  }
  /* a number followed by a long word: not a unit, read in linear time */
  e = parse_error(arena_printf(a, "1%s", repeat("k", 4000000, "")), false);
  ck_assert_str_eq(e.msg, "unexpected text after the expression");
}
END_TEST

/* Evaluations draw on a budget: nested filters over a list of 3 would take
   3^20 steps; they stop at the budget with a null value and the budget
   marked, and every evaluation after it on that budget is null too. */
START_TEST(t_eval_budget)
{
  expr_error err;
  const char *bomb = arena_printf(a, "%s%s",
                                  repeat("count(energy.carriers[? ", 20, "true"),
                                  repeat("])", 20, ""));
  expr *e = expr_parse(a, u, bomb, NULL, NULL, NULL, &err);
  ck_assert_ptr_nonnull(e);
  expr_budget b;
  expr_budget_init(&b);
  ck_assert(expr_eval(a, e, root, NULL, &b).kind == EV_NULL);
  ck_assert(b.exhausted);
  ck_assert(b.steps == 0 || b.items == 0);
  expr *one = expr_parse(a, u, "1 + 2", NULL, NULL, NULL, &err);
  ck_assert(expr_eval(a, one, root, NULL, &b).kind == EV_NULL);
  /* a fresh budget: three nodes, three steps */
  expr_budget_init(&b);
  ck_assert_double_eq(expr_eval(a, one, root, NULL, &b).num, 3);
  ck_assert_uint_eq(EXPR_MAX_STEPS - b.steps, 3);
  ck_assert(!b.exhausted);
  /* NULL: a fresh budget for the one evaluation */
  ck_assert(expr_eval(a, e, root, NULL, NULL).kind == EV_NULL);
  ck_assert_double_eq(expr_eval(a, one, root, NULL, NULL).num, 3);
  /* the same bomb where nothing matches: its memory (the lists' slots)
     stays within the items of the budget */
  const char *none = arena_printf(a, "%s%s",
                                  repeat("count(energy.carriers[? ", 20, "false"),
                                  repeat("])", 20, ""));
  expr_budget_init(&b);
  size_t before = arena_used(a);
  ck_assert(expr_eval(a, expr_parse(a, u, none, NULL, NULL, NULL, &err), root,
                      NULL, &b)
                .kind == EV_NULL);
  ck_assert(b.exhausted);
  ck_assert_uint_le(arena_used(a) - before,
                    EXPR_MAX_ITEMS * sizeof(ev) + (1u << 20));
  /* a text renders with its values null once the budget is gone */
  expr_text *t = expr_text_compile(
      a, u, arena_printf(a, "a {%s} b {energy.total_tce|0}", bomb), false,
      NULL, NULL, NULL, &err);
  ck_assert_ptr_nonnull(t);
  expr_budget_init(&b);
  ck_assert_str_eq(expr_text_render(a, t, root, NULL, &b), "a — b —");
  ck_assert(b.exhausted);
}
END_TEST

/* Format "en": a quantity as the client wrote it, for the English report.
   万 after a number is a factor of 10⁴, after "/" a unit of its own; 亿 and
   千 likewise; 元 is CNY; anything else is kept. */
START_TEST(t_format_en)
{
  static const char *const cases[][2] = {
      {"18,600 万m3", "18,600 × 10⁴ m3"},
      {"5.956443 tC/万m3", "5.956443 tC/10⁴ m3"},
      {"2.5 亿kWh", "2.5 × 10⁸ kWh"},
      {"12 千元", "12 × 10³ CNY"},
      {"3,000 万元", "3,000 × 10⁴ CNY"},
      {"7,800 元/t", "7,800 CNY/t"},
      {"0.00218403 tCO2/m3", "0.00218403 tCO2/m3"},
      {"", ""},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    value *r = val_obj(a);
    val_set_str(a, r, "t", cases[i][0]);
    expr_error err;
    expr_text *t = expr_text_compile(a, u, "<{t|en}>", false, NULL, NULL,
                                     NULL, &err);
    ck_assert_ptr_nonnull(t);
    const char *got = expr_text_render(a, t, r, NULL, NULL);
    ck_assert_str_eq(got, arena_printf(a, "<%s>", cases[i][1]));
  }
  /* a number keeps its own formats: "en" leaves it as the default */
  value *r = val_obj(a);
  val_set_num(a, r, "n", 1234.5);
  expr_error err;
  expr_text *t =
      expr_text_compile(a, u, "{n|en}", false, NULL, NULL, NULL, &err);
  ck_assert_ptr_nonnull(t);
  ck_assert_str_eq(expr_text_render(a, t, r, NULL, NULL), "1,234.50");
}
END_TEST

/* Every construct that recurses, far deeper than the stack would take
   without the bound: a clean error at the token that went too deep
   (level 1 is the expression itself, so the 100th opener is the one). */
static const struct {
  const char *open, *tail;
  size_t n;
  int col; /* 1-based column of the error */
} deep_cases[] = {
    /* unary minus: the 100th "-" */
    {"-", "1", 1000000, 100},
    /* not: the 100th "not" */
    {"not ", "true", 500000, 397},
    /* parentheses: what follows the 100th "(" */
    {"(", "1", 100000, 101},
    /* function arguments: what follows the 100th "abs(" */
    {"abs(", "1", 100000, 401},
    /* the first argument of the 100th max() */
    {"max(1, ", "1", 100000, 698},
    /* filters: a count() and a filter per level, 2 levels each; the 50th
       filter's content */
    {"count(energy.carriers[? ", "true", 50000, 1201},
    /* mixed: the 50th "(" after a "-" */
    {"-(", "1", 100000, 101},
    {"not (", "true", 100000, 251},
    /* chains, (1 + 1) + 1 …: the 100th operator */
    {"1 + ", "1", 1000000, 399},
    {"1 * ", "1", 1000000, 399},
    {"true and ", "true", 500000, 897},
    {"false or ", "true", 500000, 898},
    /* comparison operands: what follows the 100th "(" */
    {"1 < (", "2", 100000, 501},
};

START_TEST(t_deep_expressions)
{
  const char *open = deep_cases[_i].open, *tail = deep_cases[_i].tail;
  char *text = repeat(open, deep_cases[_i].n, tail);
  expr_error err = {0, 0, NULL};
  ck_assert_ptr_null(expr_parse(a, u, text, NULL, NULL, NULL, &err));
  ck_assert_str_eq(err.msg, "expression nested deeper than 100");
  ck_assert_msg(err.col == deep_cases[_i].col, "%s…: column %d, want %d",
                open, err.col, deep_cases[_i].col);
}
END_TEST

/* Up to the limit, nesting parses and evaluates; the tree's height is the
   evaluator's depth, so the bound holds for it too. */
START_TEST(t_depth_limit_exact)
{
  /* 99 minus signs: 100 levels with the expression itself */
  ev v = eval(repeat("-", 99, "1"));
  ck_assert(v.kind == EV_NUM && v.num == -1);
  expr_error err;
  ck_assert_ptr_null(expr_parse(a, u, repeat("-", 100, "1"), NULL, NULL, NULL,
                                &err));
  /* a chain of 99 operators is 100 levels; 100 are too many */
  v = eval(repeat("1 + ", 99, "1"));
  ck_assert(v.kind == EV_NUM && v.num == 100);
  ck_assert_ptr_null(expr_parse(a, u, repeat("1 + ", 100, "1"), NULL, NULL,
                                NULL, &err));
  ck_assert_str_eq(err.msg, "expression nested deeper than 100");
  /* nots on a comparison: the comparison's own two levels count */
  v = eval(repeat("not ", 98, "1 < 2"));
  ck_assert(v.kind == EV_BOOL && v.b);
  ck_assert_ptr_null(expr_parse(a, u, repeat("not ", 99, "1 < 2"), NULL, NULL,
                                NULL, &err));
  ck_assert_str_eq(err.msg, "expression nested deeper than 100");
  ck_assert_int_eq(err.col, 1); /* the outermost not makes it 101 */
  /* a count() and a filter per level: 49 levels and the expression
     itself are 99 */
  v = eval(arena_printf(a, "%s%s", repeat("count(one[? ", 49, "true"),
                        repeat("])", 49, "")));
  ck_assert(v.kind == EV_NUM && v.num == 1);
  ck_assert_ptr_null(expr_parse(
      a, u,
      arena_printf(a, "%s%s", repeat("count(energy.carriers[? ", 50, "true"),
                   repeat("])", 50, "")),
      NULL, NULL, NULL, &err));
  ck_assert_str_eq(err.msg, "expression nested deeper than 100");
}
END_TEST

static const char *shape_check(const char *shape, void *ctx)
{
  (void)ctx;
  size_t n = strlen(shape);
  for (size_t i = 0; checks_result_shapes[i]; i++) {
    const char *s = checks_result_shapes[i];
    if (strncmp(s, shape, n) == 0 && (!s[n] || s[n] == '.' || s[n] == '['))
      return NULL;
  }
  return "unknown path";
}

START_TEST(t_schema)
{
  expr_error err;
  ck_assert_ptr_nonnull(expr_parse(a, u, "energy.carriers[? .share > 0].tce",
                                   NULL, shape_check, NULL, &err));
  ck_assert_ptr_null(expr_parse(a, u, "energy.totl_tce > 1", NULL, shape_check,
                                NULL, &err));
  ck_assert_int_eq(err.col, 1);
  ck_assert_str_eq(err.msg, "energy.totl_tce: unknown path");
  ck_assert_ptr_null(expr_parse(a, u, "count(energy.carriers[? .shar > 0])",
                                NULL, shape_check, NULL, &err));
  ck_assert_str_eq(err.msg, "energy.carriers[].shar: unknown path");
}
END_TEST

Suite *expr_suite(void)
{
  Suite *s = suite_create("expr");
  TCase *tc = tcase_create("expr");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, t_arith_and_units);
  tcase_add_test(tc, t_paths_and_functions);
  tcase_add_test(tc, t_errors_with_columns);
  tcase_add_test(tc, t_schema);
  tcase_add_test(tc, t_huge_index);
  tcase_add_test(tc, t_huge_numbers);
  suite_add_tcase(s, tc);
  /* hostile text: large inputs, bounded work, slower under sanitizers */
  TCase *th = tcase_create("hostile");
  tcase_add_checked_fixture(th, setup, teardown);
  tcase_set_timeout(th, 60);
  tcase_add_loop_test(th, t_deep_expressions, 0,
                      (int)(sizeof deep_cases / sizeof *deep_cases));
  tcase_add_test(th, t_depth_limit_exact);
  tcase_add_test(th, t_long_path);
  tcase_add_test(th, t_eval_budget);
  tcase_add_test(th, t_format_en);
  suite_add_tcase(s, th);
  return s;
}
