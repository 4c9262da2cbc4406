/* check_units.c — quantity parsing: numbers, separators, units, dimensions.
 * Expected values are the unit table of input.md worked by hand. */
#include <check.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
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

/* The words of Chinese ledgers and bills, worked by hand:
   3,022,482 度 = 3,022,482 kWh × 3.6 = 10,880,935.2 MJ;
   1.5 万度 = 15,000 kWh = 54,000 MJ; 2 千瓦时 = 7.2 MJ;
   1.2 亿kWh = 1.2e8 kWh = 4.32e8 MJ; 12 吨 = 12 t; 3 万吨 = 30,000 t;
   500 方 = 500 立方米 = 500 m3; 2 万方 = 20,000 m3; 0.8 亿m3 = 8e7 m3;
   1.5 亿元 = 1.5e8 CNY. */
START_TEST(t_ledger_words)
{
  double v;
  unit_info ui;
  ck_assert_int_eq(parse("3,022,482 度", &v, &ui), UNITS_OK);
  ck_assert_double_eq_tol(v, 10880935.2, 1e-6);
  ck_assert(dim_eq(ui.dim, dim_of("kWh")));
  ck_assert_int_eq(parse("3,022,482度", &v, &ui), UNITS_OK);
  ck_assert_double_eq_tol(v, 10880935.2, 1e-6);
  ck_assert_int_eq(parse("1.5 万度", &v, &ui), UNITS_OK);
  ck_assert_double_eq_tol(v, 54000.0, 1e-9);
  ck_assert_int_eq(parse("2 千瓦时", &v, &ui), UNITS_OK);
  ck_assert_double_eq_tol(v, 7.2, 1e-12);
  ck_assert_int_eq(parse("3 万千瓦时", &v, &ui), UNITS_OK);
  ck_assert_double_eq_tol(v, 108000.0, 1e-9);
  ck_assert_int_eq(parse("1.2 亿kWh", &v, &ui), UNITS_OK);
  ck_assert_double_eq_tol(v, 4.32e8, 1e-3);
  ck_assert_int_eq(parse("12 吨", &v, &ui), UNITS_OK);
  ck_assert_double_eq_tol(v, 12.0, 1e-12);
  ck_assert(dim_eq(ui.dim, dim_of("t")));
  ck_assert_int_eq(parse("3万吨", &v, &ui), UNITS_OK);
  ck_assert_double_eq_tol(v, 30000.0, 1e-9);
  ck_assert_int_eq(parse("1.2万t", &v, &ui), UNITS_OK);
  ck_assert_double_eq_tol(v, 12000.0, 1e-9);
  ck_assert_int_eq(parse("500 方", &v, &ui), UNITS_OK);
  ck_assert_double_eq_tol(v, 500.0, 1e-12);
  ck_assert(dim_eq(ui.dim, dim_of("m3")));
  ck_assert_int_eq(parse("500 立方米", &v, &ui), UNITS_OK);
  ck_assert_double_eq_tol(v, 500.0, 1e-12);
  ck_assert_int_eq(parse("2 万方", &v, &ui), UNITS_OK);
  ck_assert_double_eq_tol(v, 20000.0, 1e-9);
  ck_assert_int_eq(parse("0.8 亿m3", &v, &ui), UNITS_OK);
  ck_assert_double_eq_tol(v, 8e7, 1e-6);
  ck_assert_int_eq(parse("1.5 亿元", &v, &ui), UNITS_OK);
  ck_assert_double_eq_tol(v, 1.5e8, 1e-6);
  ck_assert(dim_eq(ui.dim, dim_of("CNY")));
  /* a price per 度: 0.62 元/度 = 0.62 CNY/kWh */
  ck_assert_int_eq(parse("0.62 元/度", &v, &ui), UNITS_OK);
  ck_assert_double_eq_tol(v, 0.62 / 3.6, 1e-15);
  /* each word in its carrier family, and only there */
  ck_assert(units_in_family("kWh", "度", strlen("度")));
  ck_assert(units_in_family("t", "吨", strlen("吨")));
  ck_assert(units_in_family("m3", "方", strlen("方")));
  ck_assert(!units_in_family("GJ", "度", strlen("度")));
  ck_assert(!units_in_family("t", "方", strlen("方")));
}
END_TEST

/* A number run into a word is a number with an unknown unit; run into
   punctuation or a base prefix, no number. The hint names the unit one
   edit away, or writes out a 万/亿 quantity whose unit takes none. */
START_TEST(t_unknown_units)
{
  double v;
  unit_info ui;
  size_t at;
  ck_assert_int_eq(units_parse(u, "7.5万m2", strlen("7.5万m2"), &v, &ui, &at),
                   UNITS_UNKNOWN);
  ck_assert_uint_eq(at, 3);
  ck_assert_int_eq(parse("7.5 万m2", &v, &ui), UNITS_UNKNOWN);
  ck_assert_int_eq(parse("3亿m2", &v, &ui), UNITS_UNKNOWN);
  ck_assert_int_eq(parse("12kwh", &v, &ui), UNITS_UNKNOWN);
  ck_assert_int_eq(parse("5 万GJ", &v, &ui), UNITS_UNKNOWN);
  ck_assert_int_eq(parse("5 千度", &v, &ui), UNITS_UNKNOWN);
  ck_assert_int_eq(parse("0x10 kWh", &v, &ui), UNITS_NOT_NUMBER);
  ck_assert_int_eq(parse("0x10", &v, &ui), UNITS_NOT_NUMBER);
  ck_assert_int_eq(parse("1_000 t", &v, &ui), UNITS_NOT_NUMBER);
  ck_assert_int_eq(parse("1'000 t", &v, &ui), UNITS_NOT_NUMBER);
  char h[160];
  double x = 7.5;
  ck_assert_str_eq(units_hint("万m2", strlen("万m2"), &x, h, sizeof h),
                   " (万 is not used with m2: write \"75,000 m2\")");
  x = 1.25;
  ck_assert_str_eq(units_hint("亿m2", strlen("亿m2"), &x, h, sizeof h),
                   " (亿 is not used with m2: write \"125,000,000 m2\")");
  x = 0.00001;
  ck_assert_str_eq(units_hint("万MJ", strlen("万MJ"), &x, h, sizeof h),
                   " (万 is not used with MJ: write \"0.1 MJ\")");
  ck_assert_str_eq(units_hint("万GJ", strlen("万GJ"), NULL, h, sizeof h),
                   " (万 is not used with GJ: write the number in GJ)");
  ck_assert_str_eq(units_hint("kwh", 3, NULL, h, sizeof h),
                   " (did you mean \"kWh\"? units are case-sensitive)");
  ck_assert_str_eq(units_hint("kWhh", 4, NULL, h, sizeof h),
                   " (did you mean \"kWh\"?)");
  ck_assert_str_eq(units_hint("tec", 3, NULL, h, sizeof h),
                   " (did you mean \"tce\"?)");
  ck_assert_str_eq(units_hint("万tt", strlen("万tt"), NULL, h, sizeof h),
                   " (did you mean \"万t\"?)");
  ck_assert_str_eq(units_hint("furlongs", 8, NULL, h, sizeof h), "");
  ck_assert_str_eq(units_hint("x", 1, NULL, h, sizeof h), "");
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

/* units_parse's fast path for plain quantities agrees with the two
   patterns on every text: status, value, unit and where the unit starts.
   Random texts over the characters that steer the split (digits, signs,
   dots, commas, exponents, white space of each kind, units ASCII and CJK,
   a broken UTF-8 byte), plus the rules' own forms. */
START_TEST(t_fast_path_agrees)
{
  static const char *const atoms[] = {
      "0", "1", "7", "12", "3.5", ".", ",", "e", "E", "+", "-", " ", "\t",
      "\n", "\r", "\f", "kWh", "t", "kW", "%", "/", "h", "万", "kgce/t",
      "m3", "\xff", "\xe4", "inf", "x", "1,234", "e3", "°C", "tCO2/MWh"};
  size_t na = sizeof atoms / sizeof *atoms;
  unsigned long seed = 12345;
  char text[64];
  for (int round = 0; round < 60000; round++) {
    size_t len = 0;
    int parts = 1 + (int)(seed % 5);
    for (int p = 0; p < parts; p++) {
      seed = seed * 6364136223846793005ul + 1442695040888963407ul;
      const char *a = atoms[(seed >> 33) % na];
      size_t l = strlen(a);
      if (len + l >= sizeof text)
        break;
      memcpy(text + len, a, l);
      len += l;
    }
    text[len] = '\0';
    double v1 = -1, v2 = -1;
    unit_info i1, i2;
    memset(&i1, 0, sizeof i1);
    memset(&i2, 0, sizeof i2);
    size_t at1 = 999, at2 = 999;
    units_status s1 = units_parse(u, text, len, &v1, &i1, &at1);
    units_status s2 = units_parse_patterns(u, text, len, &v2, &i2, &at2);
    ck_assert_msg(s1 == s2, "\"%s\": status %d, patterns %d", text, s1, s2);
    if (s1 == UNITS_OK) {
      ck_assert_msg(v1 == v2, "\"%s\": %.17g, patterns %.17g", text, v1, v2);
      ck_assert(i1.scale == i2.scale);
      ck_assert(memcmp(&i1.dim, &i2.dim, sizeof i1.dim) == 0);
    }
    if (s1 == UNITS_OK || s1 == UNITS_UNKNOWN || s1 == UNITS_TOO_LARGE ||
        s1 == UNITS_TOO_SMALL)
      ck_assert_msg(at1 == at2, "\"%s\": unit at %zu, patterns %zu", text,
                    at1, at2);
  }
}
END_TEST

/* Plain decimals read by the exact fast path give the very double strtod
   gives (bit for bit, -0 included) at 1 to 17 digits (16 and 17 go to
   strtod), every position of the point, signs and thousands commas. */
START_TEST(t_decimal_exact)
{
  unsigned long seed = 777;
  for (int round = 0; round < 40000; round++) {
    seed = seed * 6364136223846793005ul + 1442695040888963407ul;
    int digits = 1 + (int)((seed >> 33) % 17);
    int point = (int)((seed >> 40) % (unsigned long)(digits + 1));
    char plain[40], text[64];
    size_t n = 0, t = 0;
    int sign = (int)((seed >> 50) % 3);
    if (sign)
      plain[n++] = text[t++] = sign == 1 ? '-' : '+';
    bool commas = (seed >> 52) & 1;
    for (int d = 0; d < digits; d++) {
      seed = seed * 6364136223846793005ul + 1442695040888963407ul;
      if (d == point && d > 0)
        plain[n++] = text[t++] = '.';
      if (commas && d > 0 && d < point && (point - d) % 3 == 0)
        text[t++] = ',';
      char c = (char)('0' + (seed >> 33) % 10);
      if (round % 7 == 0)
        c = '0'; /* zeros: -0, 0.000 */
      plain[n++] = text[t++] = c;
    }
    plain[n] = text[t] = '\0';
    double v = -1, want = strtod(plain, NULL);
    unit_info ui;
    size_t at;
    units_status st = units_parse(u, text, t, &v, &ui, &at);
    if (want != 0 && fabs(want) < UNITS_TINY) { /* "0.0000000000000007" */
      ck_assert_int_eq(st, UNITS_TOO_SMALL);
      continue;
    }
    if (fabs(want) > UNITS_LIMIT) { /* 17 digits */
      ck_assert_int_eq(st, UNITS_TOO_LARGE);
      continue;
    }
    if (st != UNITS_OK || memcmp(&v, &want, sizeof v) != 0)
      ck_abort_msg("\"%s\": status %d, %.17g, strtod %.17g", text, st, v,
                   want);
  }
}
END_TEST

/* The hashed unit names: each known name found with its own dimension,
   near misses and prefixes not. */
START_TEST(t_lookup_index)
{
  static const char *const known[] = {"kWh", "MWh", "万kWh", "度", "t",
                                      "万t", "m3", "万Nm3", "GJ", "%",
                                      "kgce/t", "tCO2/MWh", "万元"};
  for (size_t i = 0; i < sizeof known / sizeof *known; i++) {
    unit_info ui;
    ck_assert_msg(units_lookup(known[i], strlen(known[i]), &ui), "%s",
                  known[i]);
  }
  static const char *const unknown[] = {"kW h", "kWhh", "Wh ", "k", "万",
                                        "kgce/", "/t", "KWH", ""};
  for (size_t i = 0; i < sizeof unknown / sizeof *unknown; i++) {
    unit_info ui;
    ck_assert_msg(!units_lookup(unknown[i], strlen(unknown[i]), &ui), "%s",
                  unknown[i]);
  }
  unit_info a, b;
  ck_assert(units_lookup("万kWh", strlen("万kWh"), &a));
  ck_assert(units_lookup("kWh", 3, &b));
  ck_assert(a.scale == 1e4 * b.scale && dim_eq(a.dim, b.dim));
  ck_assert(!units_lookup("kWh\0x", 5, &a)); /* a NUL inside */
}
END_TEST

Suite *units_suite(void)
{
  Suite *s = suite_create("units");
  TCase *tc = tcase_create("parse");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, t_plain_number);
  tcase_add_test(tc, t_fast_path_agrees);
  tcase_add_test(tc, t_decimal_exact);
  tcase_add_test(tc, t_lookup_index);
  tcase_add_test(tc, t_thousands_and_wan);
  tcase_add_test(tc, t_ledger_words);
  tcase_add_test(tc, t_unknown_units);
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
