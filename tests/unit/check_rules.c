/* check_rules.c — the shipped rule tables: the coefficients that matter
 * most match GB/T 2589 (via shared/reference/standards.md), every entry
 * carries a source, and a bad rule file is refused with positions. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../generator/rules/factors.h"
#include "suites.h"
#include "testutil.h"

START_TEST(t_reference_coefficients)
{
  tu_run r;
  tu_open(&r);
  struct {
    const char *key, *unit;
    double coef;
  } want[] = {
      /* kgce per base unit: 0.7143 kgce/kg = 714.3 kgce/t, etc. */
      {"raw_coal", "t", 714.3},     {"washed_coal", "t", 900.0},
      {"coke", "t", 971.4},         {"diesel", "t", 1457.1},
      {"fuel_oil", "t", 1428.6},    {"gasoline", "t", 1471.4},
      {"lpg", "t", 1714.3},         {"electricity", "kWh", 0.1229},
      {"natural_gas", "m3", 1.2143}, {"blast_furnace_gas", "m3", 0.1286},
      /* heat 0.03412 kgce/MJ = 34.12 kgce/GJ */
      {"heat", "GJ", 34.12},
  };
  for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
    const carrier_def *c = factors_carrier(r.f, want[i].key);
    ck_assert_msg(c != NULL, "carrier %s missing", want[i].key);
    ck_assert_str_eq(c->unit, want[i].unit);
    ck_assert_msg(fabs(c->coef_kgce - want[i].coef) < 1e-9 * want[i].coef,
                  "%s: %.10g != %.10g", want[i].key, c->coef_kgce,
                  want[i].coef);
  }
  for (size_t i = 0; i < r.f->n_carriers; i++) {
    const carrier_def *c = &r.f->carriers[i];
    ck_assert_msg(c->source.zh && *c->source.zh && c->source.en &&
                      *c->source.en,
                  "%s has no bilingual source", c->key);
    ck_assert_msg(c->coef_kgce > 0, "%s has no coefficient", c->key);
  }
  /* the 2016 supply coal rate, 312 gce/kWh, is marked unverified */
  const year_value *y = factors_supply_rate(r.f, 2016);
  ck_assert_int_eq(y->year, 2016);
  ck_assert_double_eq_tol(y->value, 0.312, 1e-12);
  ck_assert(!y->verified);
  /* a year beyond the table takes the latest earlier one */
  ck_assert_int_eq(factors_supply_rate(r.f, 2099)->year, 2024);
  ck_assert_ptr_null(factors_supply_rate(r.f, 1990));
  tu_close(&r);
}
END_TEST

static void write_file(const char *path, const char *text)
{
  FILE *f = fopen(path, "w");
  ck_assert_ptr_nonnull(f);
  fputs(text, f);
  fclose(f);
}

START_TEST(t_firm_override_and_errors)
{
  char dir[] = "/tmp/auditgen-rules-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  char path[160];
  snprintf(path, sizeof path, "%s/carriers.yaml", dir);
  write_file(path, "carriers:\n"
                   "  raw_coal:\n"
                   "    name: {zh: 原煤, en: Raw coal}\n"
                   "    unit: t\n"
                   "    class: fuel\n"
                   "    coefficient: \"0.7000 kgce/kg\"\n"
                   "    source: {zh: 企业标准, en: Firm standard}\n"
                   "    verified: false\n");
  tu_run r;
  tu_open(&r);
  const char *dirs[2] = {arena_printf(r.a, "%s/rules", tu_root()), dir};
  bool io;
  factors *f = factors_load(r.a, r.dl, r.u, dirs, 2, &io);
  ck_assert_ptr_nonnull(f);
  /* same key replaces: 0.7000 kgce/kg = 700 kgce/t */
  ck_assert_double_eq_tol(factors_carrier(f, "raw_coal")->coef_kgce, 700.0,
                          1e-9);
  ck_assert_double_eq_tol(factors_carrier(f, "diesel")->coef_kgce, 1457.1,
                          1e-9);
  write_file(path, "carriers:\n"
                   "  raw_coal:\n"
                   "    name: {zh: 原煤, en: Raw coal}\n"
                   "    unit: t\n"
                   "    clas: fuel\n"
                   "    coefficient: \"0.7000 kgce/kWh\"\n"
                   "    source: {zh: 企业标准, en: Firm standard}\n");
  diag_list *dl = diag_new(r.a);
  f = factors_load(r.a, dl, r.u, dirs, 2, &io);
  ck_assert_ptr_null(f);
  char *out = NULL;
  size_t len = 0;
  FILE *mf = open_memstream(&out, &len);
  diag_print(dl, mf, false);
  fclose(mf);
  ck_assert_msg(strstr(out, "carriers.yaml:5:5: error: carriers.raw_coal: "
                            "unknown key \"clas\" (did you mean \"class\"?)"),
                "%s", out);
  ck_assert_msg(strstr(out, "carriers.yaml:6:18: error: "
                            "carriers.raw_coal.coefficient: \"0.7000 "
                            "kgce/kWh\" is standard coal per energy, expected "
                            "standard coal per mass"),
                "%s", out);
  free(out);
  unlink(path);
  rmdir(dir);
  tu_close(&r);
}
END_TEST

Suite *rules_suite(void)
{
  Suite *s = suite_create("rules");
  TCase *tc = tcase_create("rules");
  tcase_add_test(tc, t_reference_coefficients);
  tcase_add_test(tc, t_firm_override_and_errors);
  suite_add_tcase(s, tc);
  return s;
}
