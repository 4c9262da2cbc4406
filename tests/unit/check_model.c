/* check_model.c — the facility loader: what it accepts, and the message
 * and position of each thing it refuses. */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "suites.h"
#include "testutil.h"

static char yaml[8192];

START_TEST(t_credit_code)
{
  /* GB 32100: weights 3^(i-1) mod 31; the sample's 91330522MA28C4K79N has
     Σ = 2024, 2024 mod 31 = 9, check = 31 − 9 = 22 = 'N'. */
  ck_assert_ptr_null(credit_code_problem("91330522MA28C4K79N"));
  ck_assert_ptr_nonnull(credit_code_problem("91330522MA28C4K79P"));
  ck_assert_ptr_nonnull(credit_code_problem("91330522MA28C4K79"));
  ck_assert_ptr_nonnull(credit_code_problem("91330522MA28C4KI9N")); /* I */
}
END_TEST

START_TEST(t_wrong_dimension)
{
  snprintf(yaml, sizeof yaml, "%s%s", TU_HEAD,
           "meters:\n"
           "  - {id: M3, carrier: raw_coal, level: 1, total: \"12 kWh\"}\n");
  tu_run r;
  tu_open(&r);
  tu_facility(&r, yaml);
  ck_assert_ptr_null(r.m);
  ck_assert_str_eq(tu_diags(&r),
                   "test.yaml:9:50: error: meters[M3].total: \"12 kWh\" does "
                   "not fit carrier raw_coal (mass: kg, t, 万t)\n");
  tu_close(&r);
}
END_TEST

Suite *model_suite(void)
{
  Suite *s = suite_create("model");
  TCase *tc = tcase_create("model");
  tcase_add_test(tc, t_credit_code);
  tcase_add_test(tc, t_wrong_dimension);
  suite_add_tcase(s, tc);
  return s;
}
