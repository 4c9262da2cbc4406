/* check_energy.c — the energy calculations of docs/calculation.md, each
 * expected number worked by hand from the formula and the factor of
 * rules/carriers.yaml (GB/T 2589 reference coefficients). */
#include <check.h>
#include <stdio.h>

#include "suites.h"
#include "testutil.h"

static char yaml[8192];

/* One purchased coal meter with a stock draw-down and one electricity
   meter: the simplest complete facility. */
START_TEST(t_coal_and_power)
{
  snprintf(yaml, sizeof yaml, "%s%s", TU_HEAD,
           "meters:\n"
           "  - {id: C1, carrier: raw_coal, level: 1, total: \"10,000 t\"}\n"
           "  - {id: E1, carrier: electricity, level: 1, total: \"100 万kWh\"}\n"
           "stock:\n"
           "  - {carrier: raw_coal, opening: \"1,000 t\", closing: \"500 t\"}\n");
  tu_run r;
  tu_open(&r);
  tu_facility(&r, yaml);
  ck_assert_msg(r.results, "%s", tu_diags(&r));
  /* consumed = 10,000 − 0 + (1,000 − 500) = 10,500 t */
  ck_assert_double_eq_tol(tu_num(&r, "energy.carriers[raw_coal].consumed"),
                          10500.0, 1e-9);
  /* coefficient 0.7143 kgce/kg = 714.3 kgce/t (GB/T 2589 Annex A) */
  ck_assert_double_eq_tol(
      tu_num(&r, "energy.carriers[raw_coal].coefficient_kgce"), 714.3, 1e-9);
  /* tce = 10,500 × 714.3 / 1000 = 7,500.15 */
  ck_assert_double_eq_tol(tu_num(&r, "energy.carriers[raw_coal].tce"),
                          7500.15, 1e-7);
  /* electricity 100 万kWh = 1,000,000 kWh × 0.1229 / 1000 = 122.9 tce */
  ck_assert_double_eq_tol(tu_num(&r, "energy.carriers[electricity].tce"), 122.9,
                          1e-9);
  /* total = 7,500.15 + 122.9 = 7,623.05 tce */
  ck_assert_double_eq_tol(tu_num(&r, "energy.total_tce"), 7623.05, 1e-7);
  /* 等价值 (2016 rate 312 gce/kWh): 7,623.05 − 122.9 + 1,000,000 × 0.312 /
     1000 = 7,812.15 tce */
  ck_assert_double_eq_tol(tu_num(&r, "energy.total_equal_value_tce"), 7812.15,
                          1e-7);
  /* share of coal = 7,500.15 / 7,623.05 = 0.983877974… */
  ck_assert_double_eq_tol(tu_num(&r, "energy.carriers[raw_coal].share"),
                          7500.15 / 7623.05, 1e-12);
  /* intensity = 7,623.05 tce / 10,000 万元 = 0.762305 */
  ck_assert_double_eq_tol(
      tu_num(&r, "energy.intensity.tce_per_10k_cny_output"), 0.762305, 1e-12);
  tu_close(&r);
}
END_TEST

Suite *energy_suite(void)
{
  Suite *s = suite_create("energy");
  TCase *tc = tcase_create("energy");
  tcase_add_test(tc, t_coal_and_power);
  suite_add_tcase(s, tc);
  return s;
}
