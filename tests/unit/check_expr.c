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
  return expr_eval(a, e, root, NULL);
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
  /* missing paths are null; comparisons with null are false */
  ck_assert(eval("energy.nothing").kind == EV_NULL);
  ck_assert(!eval("energy.nothing > 1").b);
  ck_assert(eval("energy.nothing == null").b);
  ck_assert(eval("not energy.nothing").b);
  ck_assert(eval("1 < 2 and (2 < 1 or true)").b);
}
END_TEST

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
  /* nesting is bounded */
  char deep[400];
  memset(deep, '(', 300);
  strcpy(deep + 300, "1");
  e = parse_error(deep, false);
  ck_assert_str_eq(e.msg, "expression nested too deeply");
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
  suite_add_tcase(s, tc);
  return s;
}
