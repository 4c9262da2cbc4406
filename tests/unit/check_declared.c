/* check_declared.c — the facility file's `declared:` section: declared
 * figures beside the computed ones (results declared[]), their tolerance
 * from rules/declared.yaml and a firm's layer, the usual causes calc
 * recognises, and the findings of rules/checks/declared.yaml; and the
 * facility's treatment of a working medium (factors.X.counted), which
 * declared totals often differ by. Every
 * expected number is worked by hand in the comment beside it. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suites.h"
#include "testutil.h"

#define HEAD                                                                   \
  "auditgen: 1\n"                                                              \
  "facility:\n"                                                                \
  "  name: {zh: 测试厂, en: Test plant}\n"                                     \
  "  industry: cement\n"                                                       \
  "audit:\n"                                                                   \
  "  period: {from: 2016-01-01, to: 2016-12-31}\n"

/* Coal: 1,000 t bought, stock 200 t → 100 t: consumed 1,000 + (200 − 100)
   = 1,100 t. GB/T 2589 raw coal 0.7143 kgce/kg = 714.3 kgce/t:
   1,100 × 714.3 / 1000 = 785.73 tce. Electricity 1,000,000 kWh × 0.1229 /
   1000 = 122.9 tce. Fresh water 10,000 t × 0.0857 / 1000 = 0.857 tce.
   Total 785.73 + 122.9 + 0.857 = 909.487 tce. From the purchases instead:
   1,000 × 714.3 / 1000 + 122.9 + 0.857 = 838.057 tce. */
#define SITE                                                                   \
  "meters:\n"                                                                  \
  "  - {id: C1, carrier: raw_coal, level: 1, total: \"1,000 t\"}\n"           \
  "  - {id: E1, carrier: electricity, level: 1, total: \"1,000,000 kWh\"}\n"  \
  "  - {id: W1, carrier: fresh_water, level: 1, total: \"10,000 t\"}\n"       \
  "stock:\n"                                                                   \
  "  - {carrier: raw_coal, opening: \"200 t\", closing: \"100 t\"}\n"

#define FILED "filed_in: {zh: 205-1表, en: form 205-1}"

static char yaml[8192];

static void run(tu_run *r, const char *extra, const char *declared)
{
  snprintf(yaml, sizeof yaml, "%s%s%s" "declared:\n%s", HEAD, SITE, extra,
           declared);
  tu_open(r);
  tu_facility(r, yaml);
  ck_assert_msg(r->results != NULL, "refused:\n%s", tu_diags(r));
}

#define NEAR(r, path, want)                                                    \
  ck_assert_double_eq_tol(tu_num((r), (path)), (want),                         \
                          1e-9 * fmax(1.0, fabs(want)))

static bool has_finding(const tu_run *r, const char *id, const char *part)
{
  const value *fs = val_path(r->results, "findings");
  for (size_t i = 0; fs && i < fs->n; i++)
    if (strcmp(val_get(fs->items[i], "rule")->str, id) == 0 &&
        (!part || strstr(val_path(fs->items[i], "text.zh")->str, part) ||
         strstr(val_path(fs->items[i], "text.en")->str, part)))
      return true;
  return false;
}

START_TEST(t_within_and_beyond)
{
  tu_run r;
  run(&r, "",
      "  - {figure: energy.total_tce, value: \"912 tce\", " FILED "}\n"
      "  - {figure: \"energy.carriers[electricity].consumed\", value: "
      "\"100.3 万kWh\", " FILED "}\n"
      "  - {figure: \"energy.carriers[raw_coal].tce\", value: \"0.078573 万tce\", "
      FILED "}\n");
  NEAR(&r, "declared[0].computed", 909.487);
  /* 912 − 909.487 = 2.513 tce; 2.513 / 909.487 = 0.0027631…: 0.28 % is
     within the 0.5 % of rules/declared.yaml */
  NEAR(&r, "declared[0].difference", 2.513);
  NEAR(&r, "declared[0].relative_difference", 2.513 / 909.487);
  NEAR(&r, "declared[0].tolerance", 0.005);
  ck_assert_str_eq(tu_str(&r, "declared[0].status"), "agrees");
  /* 100.3 万kWh = 1,003,000 kWh; 3,000 / 1,000,000 = 0.3 %: agrees; the
     declared value is put in the figure's unit, kWh */
  NEAR(&r, "declared[1].declared", 1003000.0);
  ck_assert_str_eq(tu_str(&r, "declared[1].unit"), "kWh");
  ck_assert_str_eq(tu_str(&r, "declared[1].status"), "agrees");
  ck_assert_str_eq(tu_str(&r, "declared[1].name_en"),
                   "Consumption of a carrier (physical quantity): "
                   "Electricity");
  /* 0.078573 万tce = 785.73 tce, exactly the computed coal: difference 0 */
  NEAR(&r, "declared[2].declared", 785.73);
  ck_assert_double_eq_tol(tu_num(&r, "declared[2].difference"), 0, 1e-9);
  ck_assert(!has_finding(&r, "declared_differs", NULL));
  ck_assert(!has_finding(&r, "declared_differs_cause", NULL));
  tu_close(&r);
  /* 915 tce: 5.513 / 909.487 = 0.606 % > 0.5 %: differs, no cause the
     data show (purchases 838.057, no measured coefficient, no single
     carrier of 5.5 tce) */
  run(&r, "", "  - {figure: energy.total_tce, value: \"915 tce\", " FILED "}\n");
  ck_assert_str_eq(tu_str(&r, "declared[0].status"), "differs");
  ck_assert(tu_is_null(&r, "declared[0].cause"));
  ck_assert(has_finding(&r, "declared_differs", "0.6 %"));
  tu_close(&r);
}
END_TEST

START_TEST(t_causes)
{
  tu_run r;
  /* the purchases: 838.057 tce (worked above); 838.06 is 0.003 from it
     while 71.43 tce (7.9 %) from the total */
  run(&r, "", "  - {figure: energy.total_tce, value: \"838.06 tce\", " FILED
              "}\n");
  ck_assert_str_eq(tu_str(&r, "declared[0].status"), "differs");
  ck_assert_str_eq(tu_str(&r, "declared[0].cause"), "purchases");
  ck_assert(has_finding(&r, "declared_differs_cause", "838.06 tce"));
  tu_close(&r);
  /* electricity left out: 909.487 − 122.9 = 786.587 tce */
  run(&r, "", "  - {figure: energy.total_tce, value: \"786.59 tce\", " FILED
              "}\n");
  ck_assert_str_eq(tu_str(&r, "declared[0].cause"), "carrier_left_out");
  ck_assert(has_finding(&r, "declared_differs_cause", "122.90 tce"));
  tu_close(&r);
  /* measured coal NCV 21,500 kJ/kg: 21,500 / 29.3076 = 733.598111 kgce/t;
     coal 1,100 × 733.598111 / 1000 = 806.957922 tce; total 806.957922 +
     122.9 + 0.857 = 930.714922 tce. With the reference 714.3 kgce/t the
     total is 909.487 (worked above): a form that used it is named */
  run(&r,
      "factors:\n"
      "  raw_coal:\n"
      "    ncv: \"21,500 kJ/kg\"\n"
      "    source: {zh: 入厂煤化验, en: Delivery lab tests}\n",
      "  - {figure: energy.total_tce, value: \"909.49 tce\", " FILED "}\n");
  NEAR(&r, "declared[0].computed", 930.7149221601496);
  ck_assert_str_eq(tu_str(&r, "declared[0].cause"), "reference_coefficients");
  tu_close(&r);
  /* a carrier's purchases in place of its consumption: coal 1,000 t
     against 1,100 t consumed (−9.1 %) */
  run(&r, "", "  - {figure: \"energy.carriers[raw_coal].consumed\", value: "
              "\"1,000 t\", " FILED "}\n");
  ck_assert_str_eq(tu_str(&r, "declared[0].cause"), "purchases");
  NEAR(&r, "declared[0].relative_difference", -100.0 / 1100.0);
  tu_close(&r);
}
END_TEST

/* A figure the data do not give (no output value: no intensity) is not
   reconciled, with a note; it is not an error. */
START_TEST(t_not_computed)
{
  tu_run r;
  run(&r, "",
      "  - {figure: energy.intensity.tce_per_10k_cny_output, value: "
      "\"0.5 tce/万元\", " FILED "}\n");
  ck_assert_str_eq(tu_str(&r, "declared[0].status"), "not_computed");
  ck_assert(tu_is_null(&r, "declared[0].computed"));
  ck_assert(!has_finding(&r, "declared_differs", NULL));
  tu_close(&r);
}
END_TEST

/* A firm's layer replaces one figure's tolerance and keeps the others. */
START_TEST(t_layer_tolerance)
{
  char dir[512], cmd[2048], *out, *err;
  snprintf(dir, sizeof dir, "/tmp/auditgen-declared-XXXXXX");
  ck_assert_ptr_nonnull(mkdtemp(dir));
  snprintf(cmd, sizeof cmd,
           "cat > '%s/declared.yaml' <<'E'\n"
           "figures:\n"
           "  energy.total_tce:\n"
           "    name: {zh: 综合能耗, en: Total energy}\n"
           "    tolerance: \"10 %%\"\n"
           "source: {zh: 本机构规定, en: The firm's own rule}\n"
           "E\n"
           "cat > '%s/f.yaml' <<'E'\n" HEAD SITE "declared:\n"
           "  - {figure: energy.total_tce, value: \"838.06 tce\", " FILED "}\n"
           "  - {figure: \"energy.carriers[raw_coal].consumed\", value: "
           "\"1,000 t\", " FILED "}\n"
           "products:\n  - {id: p1, name: {zh: 产品, en: Product}, quantity: \"1,000 t\"}\n"
           "E\n",
           dir, dir);
  ck_assert_int_eq(tu_sh(cmd, &out), 0);
  free(out);
  char fpath[600], rdir[600];
  snprintf(fpath, sizeof fpath, "%s/f.yaml", dir);
  snprintf(rdir, sizeof rdir, "%s", dir);
  const char *argv[] = {tu_bin(), "calc", fpath, "--json", "--rules", rdir,
                        NULL};
  ck_assert_int_eq(tu_exec(argv, tu_root(), &out, &err), 0);
  /* the total: −7.9 % within the firm's 10 %; the coal consumption keeps
     the shipped 0.5 % and differs */
  ck_assert_ptr_nonnull(strstr(out, "\"name_en\": \"Total energy\""));
  ck_assert_ptr_nonnull(strstr(out, "\"tolerance\": 0.1,"));
  ck_assert_ptr_nonnull(strstr(out, "\"status\": \"agrees\""));
  ck_assert_ptr_nonnull(strstr(out, "\"status\": \"differs\""));
  ck_assert_ptr_nonnull(strstr(out, "\"tolerance\": 0.005,"));
  free(out), free(err);
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  ck_assert_int_eq(tu_sh(cmd, &out), 0);
  free(out);
}
END_TEST

/* factors.fresh_water.counted: false leaves the water out of the total
   (and names it in a note); a declared total that counted it still agrees,
   the water's 0.857 tce being within the 0.5 % of the total. */
START_TEST(t_medium_not_counted)
{
  tu_run r;
  run(&r,
      "factors:\n"
      "  fresh_water:\n"
      "    counted: false\n"
      "    source: {zh: 省统计口径, en: provincial statistics}\n",
      "  - {figure: energy.total_tce, value: \"909.49 tce\", " FILED "}\n");
  /* 909.487 − 0.857 (water) = 908.63 tce */
  NEAR(&r, "energy.total_tce", 908.63);
  ck_assert(!val_path(r.results, "energy.carriers[fresh_water].counted")->b);
  /* declared 909.49: 0.86 tce over, 0.095 %: within 0.5 %, agrees */
  ck_assert_str_eq(tu_str(&r, "declared[0].status"), "agrees");
  const value *notes = val_path(r.results, "notes");
  bool noted = false;
  for (size_t i = 0; notes && i < notes->n; i++)
    noted |= strcmp(val_get(notes->items[i], "path")->str,
                    "energy.carriers[fresh_water].counted") == 0;
  ck_assert(noted);
  tu_close(&r);
}
END_TEST

Suite *declared_suite(void)
{
  Suite *s = suite_create("declared");
  TCase *tc = tcase_create("declared");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, t_within_and_beyond);
  tcase_add_test(tc, t_causes);
  tcase_add_test(tc, t_not_computed);
  tcase_add_test(tc, t_layer_tolerance);
  tcase_add_test(tc, t_medium_not_counted);
  suite_add_tcase(s, tc);
  return s;
}
