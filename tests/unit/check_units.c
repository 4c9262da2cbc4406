/* check_units.c — quantity parsing: numbers, separators, units, dimensions.
 * Expected values are the unit table of input.md worked by hand. */
#include <check.h>
#include <math.h>
#include <string.h>

#include "../../generator/load/units.h"
#include "suites.h"

static units *u;

static void setup(void) { u = units_new(); }
static void teardown(void) { units_free(u); }

static units_status parse(const char *s, double *v, unit_info *ui)
{
  size_t at;
  return units_parse(u, s, strlen(s), v, ui, &at);
}

START_TEST(t_plain_number)
{
  double v;
  unit_info ui;
  ck_assert_int_eq(parse("0.78", &v, &ui), UNITS_OK);
  ck_assert_double_eq_tol(v, 0.78, 1e-15);
  dimvec none = {{0}};
  ck_assert(dim_eq(ui.dim, none));
}
END_TEST

START_TEST(t_thousands_and_wan)
{
  double v;
  unit_info ui;
  /* 1,234.5 万kWh = 1234.5 × 10^4 kWh × 3.6 MJ/kWh = 44,442,000 MJ */
  ck_assert_int_eq(parse("1,234.5 万kWh", &v, &ui), UNITS_OK);
  ck_assert_double_eq_tol(v, 44442000.0, 1e-6);
  ck_assert(dim_eq(ui.dim, dim_of("kWh")));
  /* 1,200,000 t stays 1,200,000 t (base unit of mass is t) */
  ck_assert_int_eq(parse("1,200,000 t", &v, &ui), UNITS_OK);
  ck_assert_double_eq_tol(v, 1200000.0, 1e-9);
  /* 85,000 万元 = 8.5e8 CNY */
  ck_assert_int_eq(parse("85,000 万元", &v, &ui), UNITS_OK);
  ck_assert_double_eq_tol(v, 8.5e8, 1e-3);
}
END_TEST

START_TEST(t_percent)
{
  double v;
  unit_info ui;
  /* 78 % = 0.78; "78%" without a space is the same */
  ck_assert_int_eq(parse("78 %", &v, &ui), UNITS_OK);
  ck_assert_double_eq_tol(v, 0.78, 1e-15);
  ck_assert_int_eq(parse("78%", &v, &ui), UNITS_OK);
  ck_assert_double_eq_tol(v, 0.78, 1e-15);
}
END_TEST

START_TEST(t_compound)
{
  double v;
  unit_info ui;
  /* 0.62 CNY/kWh = 0.62 / 3.6 CNY per MJ */
  ck_assert_int_eq(parse("0.62 CNY/kWh", &v, &ui), UNITS_OK);
  ck_assert_double_eq_tol(v, 0.62 / 3.6, 1e-15);
  ck_assert(dim_eq(ui.dim, dim_of("CNY/MJ")));
  /* 21,500 kJ/kg = 21.5 MJ/kg = 21,500 MJ/t */
  ck_assert_int_eq(parse("21,500 kJ/kg", &v, &ui), UNITS_OK);
  ck_assert_double_eq_tol(v, 21500.0, 1e-9);
  /* 389.31 GJ/万m3 = 389,310 MJ / 10,000 m3 = 38.931 MJ/m3 */
  ck_assert_int_eq(parse("389.31 GJ/万m3", &v, &ui), UNITS_OK);
  ck_assert_double_eq_tol(v, 38.931, 1e-12);
  /* 0.5703 tCO2/MWh = 0.5703 / 3600 tCO2 per MJ */
  ck_assert_int_eq(parse("0.5703 tCO2/MWh", &v, &ui), UNITS_OK);
  ck_assert_double_eq_tol(v * 3600.0, 0.5703, 1e-15);
  /* 20 t/h is mass per time */
  ck_assert_int_eq(parse("20 t/h", &v, &ui), UNITS_OK);
  ck_assert(dim_eq(ui.dim, dim_of("t/h")));
}
END_TEST

START_TEST(t_exponent_and_sign)
{
  double v;
  unit_info ui;
  ck_assert_int_eq(parse("1.5e3 kWh", &v, &ui), UNITS_OK);
  ck_assert_double_eq_tol(v, 1500 * 3.6, 1e-9);
  ck_assert_int_eq(parse("-15,000 CNY", &v, &ui), UNITS_OK);
  ck_assert_double_eq_tol(v, -15000.0, 1e-9);
}
END_TEST

START_TEST(t_refused)
{
  double v;
  unit_info ui;
  ck_assert_int_eq(parse("", &v, &ui), UNITS_EMPTY);
  ck_assert_int_eq(parse("   ", &v, &ui), UNITS_EMPTY);
  ck_assert_int_eq(parse("NaN kWh", &v, &ui), UNITS_NOT_FINITE);
  ck_assert_int_eq(parse("inf t", &v, &ui), UNITS_NOT_FINITE);
  ck_assert_int_eq(parse("-Infinity", &v, &ui), UNITS_NOT_FINITE);
  ck_assert_int_eq(parse("1e400 t", &v, &ui), UNITS_TOO_LARGE);
  ck_assert_int_eq(parse("12,34 t", &v, &ui), UNITS_BAD_GROUPS);
  ck_assert_int_eq(parse("1,2345 t", &v, &ui), UNITS_BAD_GROUPS);
  ck_assert_int_eq(parse("12 kwh", &v, &ui), UNITS_UNKNOWN); /* case-sensitive */
  ck_assert_int_eq(parse("12 furlongs", &v, &ui), UNITS_UNKNOWN);
  ck_assert_int_eq(parse("kWh", &v, &ui), UNITS_NOT_NUMBER);
  ck_assert_int_eq(parse("1.2.3 t", &v, &ui), UNITS_NOT_NUMBER);
  ck_assert_int_eq(parse("12 kW/h", &v, &ui), UNITS_UNKNOWN); /* power per time */
}
END_TEST

/* The magnitude bounds hold in base units: 10^15 t is 10^11 万t, and
   10^15 MJ is 2.78 × 10^14 kWh. */
START_TEST(t_bounds)
{
  double v;
  unit_info ui;
  size_t at;
  ck_assert_int_eq(parse("1e15 t", &v, &ui), UNITS_OK);
  ck_assert_int_eq(parse("1.0000001e15 t", &v, &ui), UNITS_TOO_LARGE);
  ck_assert_int_eq(parse("1e11 万t", &v, &ui), UNITS_OK);
  ck_assert_int_eq(parse("1.1e11 万t", &v, &ui), UNITS_TOO_LARGE);
  ck_assert_int_eq(parse("2.7e14 kWh", &v, &ui), UNITS_OK);
  ck_assert_int_eq(parse("2.8e14 kWh", &v, &ui), UNITS_TOO_LARGE);
  ck_assert_int_eq(parse("-1e16 CNY", &v, &ui), UNITS_TOO_LARGE);
  ck_assert_int_eq(parse("1e308 t", &v, &ui), UNITS_TOO_LARGE);
  ck_assert_int_eq(parse("0 t", &v, &ui), UNITS_OK);
  ck_assert_int_eq(parse("1e-12 t", &v, &ui), UNITS_OK);
  ck_assert_int_eq(parse("1e-13 t", &v, &ui), UNITS_TOO_SMALL);
  ck_assert_int_eq(parse("1e-300", &v, &ui), UNITS_TOO_SMALL);
  ck_assert_int_eq(parse("1e-400 kWh", &v, &ui), UNITS_TOO_SMALL);
  /* the unit is known on a bound error, for the message */
  ck_assert_int_eq(units_parse(u, "1e12 万t", strlen("1e12 万t"), &v, &ui, &at),
                   UNITS_TOO_LARGE);
  ck_assert_double_eq(ui.scale, 1e4);
  ck_assert_uint_eq(at, 5);
  /* plain numbers: only the range of a double */
  ck_assert_int_eq(units_number(u, "1e300", 5, &v), UNITS_OK);
  ck_assert_int_eq(units_number(u, "1e309", 5, &v), UNITS_TOO_LARGE);
  ck_assert_int_eq(units_number(u, "1e-400", 6, &v), UNITS_TOO_SMALL);
}
END_TEST

START_TEST(t_families)
{
  ck_assert(units_in_family("kWh", "万kWh", strlen("万kWh")));
  ck_assert(units_in_family("kWh", "MWh", 3));
  ck_assert(!units_in_family("kWh", "GJ", 2));
  ck_assert(!units_in_family("kWh", "kJ", 2));
  ck_assert(units_in_family("GJ", "TJ", 2));
  ck_assert(!units_in_family("GJ", "kWh", 3));
  ck_assert(units_in_family("t", "万t", strlen("万t")));
  ck_assert(!units_in_family("t", "重箱", strlen("重箱")));
  ck_assert(units_in_family("m3", "万Nm3", strlen("万Nm3")));
  ck_assert(units_in_family("m2", "anything", 8)); /* no family */
  ck_assert_str_eq(units_family_list("kWh"), "kWh, MWh, GWh, 万kWh");
  ck_assert_str_eq(units_family_name("GJ"), "heat");
  ck_assert_ptr_null(units_family_list("m2"));
  size_t len;
  ck_assert_str_eq(units_denominator("CNY/万kWh", &len), "万kWh");
  ck_assert_uint_eq(len, strlen("万kWh"));
  ck_assert_str_eq(units_denominator("t", &len), "t");
}
END_TEST

START_TEST(t_dim_names)
{
  char b[96];
  ck_assert_str_eq(dim_name(dim_of("t"), b, sizeof b), "mass");
  ck_assert_str_eq(dim_name(dim_of("CNY/kWh"), b, sizeof b),
                   "money per energy");
  ck_assert_str_eq(dim_name(dim_of("kW"), b, sizeof b), "power");
  ck_assert_str_eq(units_for_dim(dim_of("t"), b, sizeof b), "kg, t, 万t");
  /* units_to: 3,600 MJ is 1,000 kWh */
  ck_assert_double_eq_tol(units_to(3600.0, "kWh"), 1000.0, 1e-9);
}
END_TEST

Suite *units_suite(void)
{
  Suite *s = suite_create("units");
  TCase *tc = tcase_create("parse");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, t_plain_number);
  tcase_add_test(tc, t_thousands_and_wan);
  tcase_add_test(tc, t_percent);
  tcase_add_test(tc, t_compound);
  tcase_add_test(tc, t_exponent_and_sign);
  tcase_add_test(tc, t_refused);
  tcase_add_test(tc, t_dim_names);
  tcase_add_test(tc, t_bounds);
  tcase_add_test(tc, t_families);
  suite_add_tcase(s, tc);
  return s;
}
