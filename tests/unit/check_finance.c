/* check_finance.c — NPV, IRR, CRF and payback (results.md "Measures"),
 * each expected number worked by hand. */
#include <check.h>
#include <math.h>

#include "../../generator/calc/finance.h"
#include "suites.h"

START_TEST(t_npv_crf)
{
  /* −1000 + 300/1.1 + 300/1.1^2 + 300/1.1^3 + 300/1.1^4 + 300/1.1^5
     = −1000 + 300 × 3.790786769 = 137.236031 */
  double cf[] = {-1000, 300, 300, 300, 300, 300};
  ck_assert_double_eq_tol(fin_npv(cf, 5, 0.10), 137.2360308, 1e-6);
  /* CRF(10 %, 5) = 0.1 × 1.61051 / 0.61051 = 0.263797481 */
  ck_assert_double_eq_tol(fin_crf(0.10, 5), 0.2637974808, 1e-9);
  /* CRF(0, 4) = 1/4 */
  ck_assert_double_eq_tol(fin_crf(0.0, 4), 0.25, 1e-15);
}
END_TEST

START_TEST(t_irr_simple)
{
  /* −100 + 110/(1+r) = 0 → r = 10 % */
  double cf[] = {-100, 110};
  double irr;
  ck_assert_int_eq(fin_irr(cf, 1, &irr), FIN_IRR_OK);
  ck_assert_double_eq_tol(irr, 0.10, 1e-10);
  /* −1000 + 300 × annuity(r, 5) = 0: annuity = 3.3333 → r = 15.238 %
     (3.3333 is the 5-year annuity factor at 15.2382 %, by bisection by
     hand: at 15 % 3.35216, at 15.5 % 3.31477) */
  double cf2[] = {-1000, 300, 300, 300, 300, 300};
  ck_assert_int_eq(fin_irr(cf2, 5, &irr), FIN_IRR_OK);
  ck_assert_double_eq_tol(fin_npv(cf2, 5, irr), 0.0, 1e-6);
  ck_assert_double_eq_tol(irr, 0.152382, 1e-5);
}
END_TEST

START_TEST(t_irr_edges)
{
  double irr = -7;
  /* no sign change: all savings, nothing invested */
  double none[] = {0, 100, 100};
  ck_assert_int_eq(fin_irr(none, 2, &irr), FIN_IRR_NO_SIGN_CHANGE);
  ck_assert_double_eq(irr, -7); /* untouched */
  /* all negative: never pays */
  double neg[] = {-100, -10, -10};
  ck_assert_int_eq(fin_irr(neg, 2, &irr), FIN_IRR_NO_SIGN_CHANGE);
  /* two sign changes: −100, +230, −132 has roots at 10 % and 20 %
     (−100(1+r)^2 + 230(1+r) − 132 = 0 → (1+r) = 1.1 or 1.2) */
  double two[] = {-100, 230, -132};
  ck_assert_int_eq(fin_irr(two, 2, &irr), FIN_IRR_SEVERAL_CHANGES);
  /* 30-year life: −1000 + 100 × annuity(r, 30) = 0 → r = 9.307 % */
  double cf30[31];
  cf30[0] = -1000;
  for (int t = 1; t <= 30; t++)
    cf30[t] = 100;
  ck_assert_int_eq(fin_irr(cf30, 30, &irr), FIN_IRR_OK);
  ck_assert_double_eq_tol(fin_npv(cf30, 30, irr), 0.0, 1e-6);
  ck_assert_double_eq_tol(irr, 0.093073, 1e-5);
  /* an enormous return: −1 then +1e6 → r = 999,999 is beyond 1000 % */
  double huge[] = {-1, 1e6};
  ck_assert_int_eq(fin_irr(huge, 1, &irr), FIN_IRR_NOT_BRACKETED);
}
END_TEST

START_TEST(t_discounted_payback)
{
  /* 1000 repaid by 300 a year at 10 %: discounted 272.727, 247.934,
     225.394, 204.904 (cumulative 950.959), then 186.276 in year 5:
     4 + 49.041 / 186.276 = 4.26327 */
  ck_assert_double_eq_tol(fin_discounted_payback(1000, 300, 0.10, 10),
                          4.26327, 1e-5);
  /* never within 3 years */
  ck_assert_double_eq(fin_discounted_payback(1000, 300, 0.10, 3), -1);
  /* zero investment pays back at once */
  ck_assert_double_eq(fin_discounted_payback(0, 300, 0.10, 3), 0);
}
END_TEST

Suite *finance_suite(void)
{
  Suite *s = suite_create("finance");
  TCase *tc = tcase_create("finance");
  tcase_add_test(tc, t_npv_crf);
  tcase_add_test(tc, t_irr_simple);
  tcase_add_test(tc, t_irr_edges);
  tcase_add_test(tc, t_discounted_payback);
  suite_add_tcase(s, tc);
  return s;
}
