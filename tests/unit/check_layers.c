/* check_layers.c — a firm's rules layer that changes single entries
 * without copying whole files (issue 12): one supply-coal-rate year, one
 * grid factor of one year and region, one province's grid, one carrier's
 * coefficient; everything the layer does not name is kept. Figures worked
 * by hand beside each assertion. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "suites.h"
#include "testutil.h"
#include "../../generator/rules/checks.h"

static void layer(tu_run *r, const char *dir, const char *file,
                  const char *text)
{
  char path[700];
  snprintf(path, sizeof path, "%s/%s", dir, file);
  FILE *fp = fopen(path, "w");
  ck_assert_ptr_nonnull(fp);
  fputs(text, fp);
  fclose(fp);
  (void)r;
}

/* The shipped rules then the layer dir, and a facility. */
static void run(tu_run *r, const char *dir, const char *yaml)
{
  memset(r, 0, sizeof *r);
  r->a = arena_new();
  r->dl = diag_new(r->a);
  r->u = units_new();
  const char *dirs[2] = {arena_printf(r->a, "%s/rules", tu_root()), dir};
  bool io;
  r->f = factors_load(r->a, r->dl, r->u, dirs, 2, &io);
  r->checks = checks_load(r->a, r->dl, r->u, dirs, 1, &io);
  ck_assert_msg(r->f && r->checks, "layer refused:\n%s", tu_diags(r));
  tu_facility(r, yaml);
  ck_assert_msg(r->results != NULL, "refused:\n%s", tu_diags(r));
}

#define FACILITY(year, province)                                               \
  "auditgen: 1\n"                                                              \
  "facility:\n"                                                                \
  "  name: {zh: 测试厂, en: Test plant}\n"                                     \
  "  industry: cement\n"                                                       \
  "  province: " province "\n"                                                 \
  "audit:\n"                                                                   \
  "  period: {from: " year "-01-01, to: " year "-12-31}\n"                     \
  "meters:\n"                                                                  \
  "  - {id: E1, carrier: electricity, level: 1, total: \"1,000,000 kWh\"}\n"   \
  "  - {id: W1, carrier: fresh_water, level: 1, total: \"10,000 t\"}\n"

/* A layer's 2016 supply coal rate (grids.yaml) and its water
   coefficient (carriers.yaml), amending single entries. */
#define RATE_2016                                                              \
  "supply_coal_rate:\n"                                                        \
  "  - year: 2016\n"                                                           \
  "    value: \"300 gce/kWh\"\n"                                              \
  "    citation: {zh: 本省口径, en: the province's rate}\n"                   \
  "    source: {zh: 本省统计局, en: provincial statistics bureau}\n"          \
  "    verified: false\n"
#define WATER                                                                  \
  "carriers:\n"                                                                \
  "  fresh_water:\n"                                                           \
  "    coefficient: \"0.2571 kgce/t\"\n"                                      \
  "    source: {zh: 本省口径, en: the province's rules}\n"                    \
  "    citation: {zh: 本省能源统计制度, en: provincial energy statistics}\n"   \
  "    verified: false\n"

START_TEST(t_single_entries)
{
  char dir[] = "/tmp/auditgen-layer-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  tu_run r;
  layer(&r, dir, "grids.yaml",
        RATE_2016
        "grid_factor_sets:\n"
        "  average:\n"
        "    factors:\n"
        "      - year: 2021\n"
        "        region: east_china\n"
        "        value: \"0.5000 tCO2/MWh\"\n"
        "        citation: {zh: 测试, en: test}\n"
        "        source: {zh: 测试, en: test}\n"
        "        verified: false\n"
        "provinces:\n"
        "  zhejiang: {grid: north, verified: false}\n");
  layer(&r, dir, "carriers.yaml",
        WATER);
  /* 2016: the layer's 300 gce/kWh: equal value of 1,000,000 kWh =
     300 t; water at the layer's 0.2571 kgce/t: 10,000 × 0.2571 / 1000 =
     2.571 tce; equivalent total 122.9 + 2.571 = 125.471 tce; equal value
     300 + 2.571 = 302.571 tce */
  run(&r, dir, FACILITY("2016", "jiangsu"));
  ck_assert_double_eq_tol(tu_num(&r, "energy.total_tce"), 125.471, 1e-9);
  ck_assert_double_eq_tol(tu_num(&r, "energy.total_equal_value_tce"),
                          302.571, 1e-9);
  /* the water keeps its name and unit from the shipped rules */
  ck_assert_str_eq(tu_str(&r, "energy.carriers[fresh_water].name_en"),
                   "Fresh water");
  ck_assert_str_eq(tu_str(&r, "energy.carriers[fresh_water].unit"), "t");
  /* and the results name the layer each value came from (Appendix B
     lists them): the water's coefficient and 2016's rate from dir, the
     electricity's coefficient from the shipped rules */
  ck_assert_str_eq(tu_str(&r, "factors_used[fresh_water.coefficient].layer"),
                   dir);
  ck_assert_str_eq(
      tu_str(&r, "factors_used[electricity.supply_coal_rate].layer"), dir);
  ck_assert(tu_is_null(&r, "factors_used[electricity.coefficient].layer"));
  tu_close(&r);
  /* 2015 is not in the layer: the shipped 315 gce/kWh stays,
     1,000,000 × 315 / 10^6 = 315 t + 2.571 = 317.571 tce */
  run(&r, dir, FACILITY("2015", "jiangsu"));
  ck_assert_double_eq_tol(tu_num(&r, "energy.total_equal_value_tce"),
                          317.571, 1e-9);
  ck_assert(tu_is_null(&r, "factors_used[electricity.supply_coal_rate].layer"));
  tu_close(&r);
  /* 2021 in Jiangsu (east China): the layer's 0.5000 tCO2/MWh replaces
     that row; 1,000 MWh × 0.5 = 500 tCO2. The national row of 2021 is
     kept: Zhejiang, mapped to north by the layer, has no north 2021 row
     of its own in the layer but keeps the shipped 0.7120 */
  run(&r, dir, FACILITY("2021", "jiangsu"));
  ck_assert_double_eq_tol(tu_num(&r, "carbon.scope2.grid_factor_tco2_per_mwh"),
                          0.5, 1e-12);
  ck_assert_double_eq_tol(tu_num(&r, "carbon.scope2.total_tco2"), 500.0,
                          1e-9);
  ck_assert_str_eq(
      tu_str(&r, "factors_used[electricity.emission_factor].layer"), dir);
  tu_close(&r);
  run(&r, dir, FACILITY("2021", "zhejiang"));
  ck_assert_str_eq(tu_str(&r, "carbon.scope2.grid"), "north");
  ck_assert_double_eq_tol(tu_num(&r, "carbon.scope2.grid_factor_tco2_per_mwh"),
                          0.7120, 1e-12);
  ck_assert(tu_is_null(&r, "factors_used[electricity.emission_factor].layer"));
  tu_close(&r);
  char cmd[600], *out;
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  ck_assert_int_eq(tu_sh(cmd, &out), 0);
  free(out);
}
END_TEST

/* An amending entry without the source of the value it changes, or a
   source with no value, is refused at the layer's line and column. */
START_TEST(t_amend_refused)
{
  char dir[] = "/tmp/auditgen-layer-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  tu_run r;
  layer(&r, dir, "carriers.yaml",
        "carriers:\n"
        "  fresh_water:\n"
        "    coefficient: \"0.2571 kgce/t\"\n"
        "  diesel:\n"
        "    verified: true\n");
  layer(&r, dir, "grids.yaml",
        "grid_factor_sets:\n"
        "  mine:\n"
        "    factors: []\n");
  const char *argv[] = {tu_bin(), "rules", "check", dir, NULL};
  char *out, *err;
  ck_assert_int_eq(tu_exec(argv, tu_root(), &out, &err), 1);
  ck_assert_msg(strstr(err, "carriers.yaml:3:5: error: carriers.fresh_water: "
                            "amends the carrier of an earlier rules "
                            "directory") != NULL,
                "%s", err);
  ck_assert_msg(strstr(err, "carriers.yaml:5:15: error: carriers.diesel: a "
                            "source, citation or verified flag goes with the "
                            "value it describes") != NULL,
                "%s", err);
  /* a new set needs its name */
  ck_assert_msg(strstr(err, "grids.yaml:3:5: error: grid_factor_sets.mine: "
                            "missing required key \"name\"") != NULL,
                "%s", err);
  free(out), free(err);
  char cmd[600];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  ck_assert_int_eq(tu_sh(cmd, &out), 0);
  free(out);
}
END_TEST

/* `rules list --rules DIR` names each value DIR gave, and the report's
   Appendix B lists them with the folder: the water coefficient (new
   value), its carbon defaults left shipped (not listed), 2016's rate. */
START_TEST(t_list_names_layers)
{
  char dir[] = "/tmp/auditgen-layer-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  tu_run r;
  layer(&r, dir, "grids.yaml",
        RATE_2016);
  layer(&r, dir, "carriers.yaml",
        WATER);
  char cmd[2048], *out;
  snprintf(cmd, sizeof cmd, "'%s' rules list --rules '%s' | sed -n "
                            "'/^values from --rules folders:/,$p'",
           tu_bin(), dir);
  ck_assert_int_eq(tu_sh(cmd, &out), 0);
  char want[1024];
  snprintf(want, sizeof want,
           "values from --rules folders:\n"
           "%-50s %s\n%-50s %s\n",
           "carriers.fresh_water coefficient", dir, "supply_coal_rate 2016",
           dir);
  ck_assert_str_eq(out, want);
  free(out);
  /* Appendix B of a report on 2016 names the folder of both values */
  snprintf(cmd, sizeof cmd,
           "cd '%s' && printf 'auditgen: 1\nfacility:\n  name: {zh: 测试厂, "
           "en: Test plant}\n  industry: other\naudit:\n  period: {from: "
           "2016-01-01, to: 2016-12-31}\nmeters:\n  - {id: W1, carrier: "
           "fresh_water, level: 1, total: \"10,000 t\"}\n  - {id: E1, "
           "carrier: electricity, level: 1, total: \"1,000 kWh\"}\n' > f.yaml "
           "&& '%s' report f.yaml --rules '%s' --lang en -o r.pdf -q && "
           "pdftotext -raw r.pdf - | grep -A3 'own rules layer'",
           dir, tu_bin(), dir);
  ck_assert_int_eq(tu_sh(cmd, &out), 0);
  ck_assert_msg(strstr(out, "supply coal rate") && strstr(out, dir), "%s",
                out);
  free(out);
  /* a limit standard in the folder (GB 16780's file, copied): the
     cement sample's clinker benchmark names it, and rules list too */
  snprintf(cmd, sizeof cmd,
           "mkdir '%s/benchmarks' && cp '%s/rules/benchmarks/gb16780-cement.yaml' "
           "'%s/benchmarks/' && cd '%s' && '%s' calc samples/cement-plant.yaml "
           "--rules '%s' --json | grep -c '\"layer\": \"%s\"' && '%s' rules "
           "list --rules '%s' | grep -c '^benchmarks.cement_clinker  *%s$'",
           dir, tu_root(), dir, tu_root(), tu_bin(), dir, dir, tu_bin(), dir,
           dir);
  ck_assert_int_eq(tu_sh(cmd, &out), 0);
  /* clinker and cement: two products with a benchmark, plus the water
     coefficient and 2016's rate in factors_used */
  ck_assert_str_eq(out, "4\n1\n");
  free(out);
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  ck_assert_int_eq(tu_sh(cmd, &out), 0);
  free(out);
}
END_TEST

/* Entries a folder replaces whole (an equipment kind, a process rule, a
   checks file, metering.yaml) are named in rules list and in the results
   that used them (equipment[].layer, carbon.scope1.process[].layer,
   findings[].layer, metering.layer; null for the shipped rules), and so in
   Appendix B. The folder's files are copies of shipped parts, so every
   figure is unchanged and only the naming is tested. */
START_TEST(t_whole_entries_named)
{
  char dir[] = "/tmp/auditgen-layer-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  char cmd[4096], *out;
  const char *root = tu_root();
  snprintf(cmd, sizeof cmd,
           "cd '%s' && awk '/^kinds:$/ {print} /^  [a-z_0-9]+:$/ {on = $1 == "
           "\"motor:\"} on' rules/equipment.yaml > '%s/equipment.yaml' && "
           "awk '/^process:$/ {print} /^  [a-z_0-9]+:$/ {on = $1 == "
           "\"cement_clinker_carbonate:\"} on' rules/process.yaml > "
           "'%s/process.yaml' && "
           "cp rules/metering.yaml '%s/' && mkdir '%s/checks' && "
           "cp rules/checks/metering.yaml '%s/checks/'",
           root, dir, dir, dir, dir, dir);
  ck_assert_int_eq(tu_sh(cmd, &out), 0);
  free(out);
  /* rules list: one line per entry, each with the folder */
  snprintf(cmd, sizeof cmd,
           "'%s' rules list --rules '%s' | sed -n '/^values from --rules "
           "folders:/,$p' | awk '$2 == \"%s\" {print $1}' | sed "
           "'s/^checks\\..*/checks/' | uniq",
           tu_bin(), dir, dir);
  ck_assert_int_eq(tu_sh(cmd, &out), 0);
  ck_assert_str_eq(out, "equipment.kinds.motor\nprocess.cement_clinker_carbonate\n"
                        "checks\nmetering.yaml\n");
  free(out);
  /* the results: exactly the items graded or computed by those entries */
  snprintf(cmd, sizeof cmd,
           "cd '%s' && '%s' calc samples/cement-plant.yaml --rules '%s' --json "
           "| /usr/bin/python3 -c '\n"
           "import json, sys, yaml\n"
           "d = json.load(sys.stdin); L = sys.argv[1]\n"
           "ids = {c[\"id\"] for c in yaml.safe_load(open(\"rules/checks/metering.yaml\"))[\"checks\"]}\n"
           "eq = [e for e in d[\"equipment\"] if \"layer\" in e]\n"
           "ok = all((e[\"layer\"] == L) == (e[\"kind\"] == \"motor\") for e in eq)\n"
           "pr = d[\"carbon\"][\"scope1\"][\"process\"]\n"
           "ok &= all((p[\"layer\"] == L) == (p.get(\"rule\") == \"cement_clinker_carbonate\") for p in pr)\n"
           "ok &= all((f[\"layer\"] == L) == (f[\"rule\"] in ids) for f in d[\"findings\"])\n"
           "ok &= d[\"metering\"][\"layer\"] == L\n"
           "cl = d[\"checks_layered\"]\n"
           "ok &= [c[\"rule\"] for c in cl] == sorted({f[\"rule\"] for f in d[\"findings\"] if f[\"layer\"]}, key=[c[\"rule\"] for c in cl].index)\n"
           "ok &= all(c[\"findings\"] == sum(f[\"rule\"] == c[\"rule\"] for f in d[\"findings\"]) for c in cl)\n"
           "print(ok, sum(e[\"kind\"] == \"motor\" for e in eq), len(cl),\n"
           "      sum(1 for p in pr if p[\"layer\"]))\n"
           "' '%s'",
           root, tu_bin(), dir, dir);
  ck_assert_int_eq(tu_sh(cmd, &out), 0);
  int motors = 0, layered = 0, process = 0;
  char ok[8] = "";
  ck_assert_int_eq(sscanf(out, "%7s %d %d %d", ok, &motors, &layered, &process), 4);
  ck_assert_str_eq(ok, "True");
  ck_assert_int_gt(motors, 0); /* the sample's low-voltage motors (its 10 kV
                                  ones are motor_hv, not in the folder) */
  ck_assert_int_gt(layered, 0);
  ck_assert_int_eq(process, 1); /* P1, the clinker's carbonate */
  free(out);
  /* and without the folder every one of them is null */
  snprintf(cmd, sizeof cmd,
           "cd '%s' && '%s' calc samples/cement-plant.yaml --json | grep -c "
           "'\"layer\": \"'",
           root, tu_bin());
  ck_assert_int_eq(tu_sh(cmd, &out), 1); /* grep -c: no line, exit 1 */
  ck_assert_str_eq(out, "0\n");
  free(out);
  /* Appendix B names them */
  snprintf(cmd, sizeof cmd,
           "cd '%s' && '%s' report '%s/samples/cement-plant.yaml' --rules '%s' "
           "--lang en -o r.pdf -q && pdftotext -raw r.pdf - | sed -n "
           "'/own rules layer/,/Editions of the standards/p' | grep -c "
           "'^\\(• \\)\\?\\(Efficiency grades for\\|The rule of the process "
           "emission\\|Metering coverage\\|Check meter.*(findings it gave: "
           "[0-9]*)\\)'",
           dir, tu_bin(), root, dir);
  ck_assert_int_eq(tu_sh(cmd, &out), 0);
  /* a line per motor, the process rule, metering.yaml, and each check */
  ck_assert_int_eq(atoi(out), motors + 1 + 1 + layered);
  free(out);
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  ck_assert_int_eq(tu_sh(cmd, &out), 0);
  free(out);
}
END_TEST

/* check runs no checks and does not load their rules: a layer whose
   checks/ holds an invalid check (each check-* case of tests/bad-rules)
   leaves check of the sample ok, with nothing on stderr, while calc,
   which runs the checks, refuses it with the error rules check gives. */
START_TEST(t_check_skips_checks)
{
  static const char *const cases[] = {
      "check-bad-severity", "check-duplicate-id", "check-for-not-a-path",
      "check-missing-source", "check-placeholder-bad-format"};
  char sample[512];
  snprintf(sample, sizeof sample, "%s/samples/cement-plant.yaml", tu_root());
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    char dir[512], errf[1100];
    snprintf(dir, sizeof dir, "tests/bad-rules/%s", cases[i]);
    snprintf(errf, sizeof errf, "%s/%s.err", tu_root(), dir);
    char *want = tu_slurp(errf, NULL);
    ck_assert_ptr_nonnull(want);
    char *nl = strchr(want, '\n');
    ck_assert_ptr_nonnull(nl);
    *nl = '\0'; /* the first diagnostic's line */
    const char *chk[] = {tu_bin(), "check", sample, "--rules", dir, NULL};
    char *out, *err;
    ck_assert_int_eq(tu_exec(chk, tu_root(), &out, &err), 0);
    ck_assert_str_eq(err, "");
    ck_assert_ptr_nonnull(strstr(out, ": ok ("));
    free(out);
    free(err);
    const char *calc[] = {tu_bin(), "calc", sample, "--json", "--rules", dir,
                          NULL};
    ck_assert_int_eq(tu_exec(calc, tu_root(), &out, &err), 1);
    ck_assert_str_eq(out, "");
    ck_assert_msg(strstr(err, want),
                  "%s: calc said %s, rules check %s", cases[i], err, want);
    free(out);
    free(err);
    free(want);
  }
}
END_TEST

/* A firm holding a copy of an edition the shipped rules lack adds its
   limits as a layer entry of another edition (edition_of), without
   recompiling: a 2016 clinker line is then graded by GB 16780-2012 with
   the firm's values, and the results name the folder. The values below
   are test values, not the standard's. A layer's register may name an
   earlier edition with a values_note, said when its values are absent. */
START_TEST(t_benchmark_edition_layer)
{
  char dir[] = "/tmp/auditgen-layer-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  char bdir[64];
  snprintf(bdir, sizeof bdir, "%s/benchmarks", dir);
  ck_assert_int_eq(mkdir(bdir, 0700), 0);
  layer(NULL, bdir, "firm.yaml",
        "benchmarks:\n"
        "  cement_clinker_2012:\n"
        "    edition_of: cement_clinker\n"
        "    standard: \"GB 16780-2012\"\n"
        "    indicators:\n"
        "      - {id: comprehensive, name: {zh: 可比熟料综合能耗, en: "
        "Comparable clinker energy}, basis: energy, unit: kgce/t, grades: "
        "[\"50 kgce/t\", \"60 kgce/t\", \"70 kgce/t\"]}\n"
        "    source: {zh: 测试值, en: test values}\n"
        "    citation: {zh: 测试, en: test}\n"
        "    verified: false\n");
  /* 100,000 t of clinker from 9,099.82 t of raw coal × 0.7143 kgce/kg =
     6,500,000 kgce: 65 kgce/t, 60 < 65 ≤ 70: grade 3 */
  static const char yaml[] =
      "auditgen: 1\n"
      "facility:\n"
      "  name: {zh: 测试厂, en: Test plant}\n"
      "  industry: cement\n"
      "audit:\n"
      "  period: {from: 2016-01-01, to: 2016-12-31}\n"
      "units:\n"
      "  - {id: kiln, name: {zh: 窑, en: Kiln}, stage: end_use}\n"
      "meters:\n"
      "  - {id: C1, carrier: raw_coal, level: 1, to: kiln, total: "
      "\"9,099.8180 t\"}\n"
      "products:\n"
      "  - {id: clinker, name: {zh: 熟料, en: Clinker}, benchmark: "
      "cement_clinker, quantity: \"100,000 t\", units: [kiln]}\n";
  tu_run r;
  run(&r, dir, yaml);
  ck_assert_str_eq(tu_str(&r, "energy.products[clinker].benchmark.standard"),
                   "GB 16780-2012");
  ck_assert_str_eq(tu_str(&r, "energy.products[clinker].benchmark.layer"),
                   dir);
  ck_assert_double_eq_tol(
      tu_num(&r, "energy.products[clinker].benchmark.value"), 65.0, 1e-4);
  ck_assert_int_eq(
      (int)tu_num(&r, "energy.products[clinker].benchmark.grade"), 3);
  tu_close(&r);
  /* without the firm's entry, and with a register in the layer that knows
     GB 16780-2012 by its year only and says why its values are absent:
     not graded, and the statement carries the layer's note */
  char path[128];
  snprintf(path, sizeof path, "%s/firm.yaml", bdir);
  ck_assert_int_eq(remove(path), 0);
  ck_assert_int_eq(rmdir(bdir), 0);
  layer(NULL, dir, "standards.yaml",
        "standards:\n"
        "  gb16780:\n"
        "    code: \"GB 16780\"\n"
        "    title: {zh: 水泥单位产品能源消耗限额, en: Cement}\n"
        "    selected_by: period\n"
        "    earlier:\n"
        "      edition: \"2012\"\n"
        "      title: {zh: 水泥旧版, en: Cement (old title)}\n"
        "      source: {zh: 测试, en: test}\n"
        "      values_note: {zh: 本公司尚未录入。, en: The firm has not "
        "entered them.}\n"
        "    editions:\n"
        "      - {edition: \"2021\", in_force_from: 2022-11-01, source: {zh: "
        "测试, en: test}}\n");
  run(&r, dir, yaml);
  ck_assert(tu_is_null(&r, "energy.products[clinker].benchmark.grade"));
  /* the earlier edition's own title, not the standard's */
  ck_assert_str_eq(tu_str(&r, "standards_applied[gb16780].title_en"),
                   "Cement (old title)");
  ck_assert_str_eq(tu_str(&r, "standards_applied[gb16780].values_note_en"),
                   "The limit values of GB 16780-2012, which applies, are "
                   "not in the rules: the products are not graded; the "
                   "grades of GB 16780-2021 shown are for reference only. "
                   "The firm has not entered them.");
  ck_assert_str_eq(tu_str(&r, "standards_applied[gb16780].values_note_zh"),
                   "适用的GB 16780-2012的限额值未收入规则，产品未对标；所列GB "
                   "16780-2021各级值仅供参考。本公司尚未录入。");
  tu_close(&r);
  snprintf(path, sizeof path, "%s/standards.yaml", dir);
  remove(path);
  rmdir(dir);
}
END_TEST

/* A kind's missing_editions (rules/equipment.yaml): each names another
   edition of the kind's own standard, once; a firm's layer that names one
   has its reason said when that edition applies. */
#define LAYER_MOTOR(extra)                                                     \
  "kinds:\n"                                                                   \
  "  motor:\n"                                                                 \
  "    name: {zh: 电动机, en: Motor}\n"                                        \
  "    standard: \"GB 18613-2020\"\n"                                         \
  "    indicator: efficiency\n"                                                \
  "    unit: \"%\"\n"                                                          \
  "    source: {zh: 本厂, en: the firm}\n"                                     \
  "    citation: {zh: 本厂, en: the firm}\n"                                   \
  "    verified: false\n"                                                      \
  "    classes:\n"                                                             \
  "      - name: {zh: 甲, en: A}\n"                                            \
  "        match: {capacity: [\"0 kW\", \"1000 kW\"], poles: [4]}\n"          \
  "        grades: [\"97 %\", \"96 %\", \"95 %\"]\n"                           \
  "    missing_editions:\n" extra

START_TEST(t_missing_editions)
{
  char dir[] = "/tmp/auditgen-layer-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  tu_run r;
  /* line 15: another standard; 17: the kind's own edition; 18: twice */
  layer(&r, dir, "equipment.yaml",
        LAYER_MOTOR("      - {standard: \"GB 19762-2007\", why: {zh: 甲, en: a}}\n"
                    "      - {standard: \"GB 18613-2012\", why: {zh: 乙, en: b}}\n"
                    "      - {standard: \"GB 18613-2020\", why: {zh: 丙, en: c}}\n"
                    "      - {standard: \"GB 18613-2012\", why: {zh: 丁, en: d}}\n"));
  memset(&r, 0, sizeof r);
  r.a = arena_new();
  r.dl = diag_new(r.a);
  r.u = units_new();
  const char *dirs[2] = {arena_printf(r.a, "%s/rules", tu_root()), dir};
  bool io;
  r.f = factors_load(r.a, r.dl, r.u, dirs, 2, &io);
  const char *d = tu_diags(&r);
  ck_assert_ptr_null(r.f);
  ck_assert_msg(strstr(d, "equipment.yaml:15:20:") &&
                    strstr(d, "kinds.motor.missing_editions[0].standard: "
                              "\"GB 19762-2007\" is not another edition of "
                              "the kind's standard GB 18613-2020"),
                "%s", d);
  ck_assert_msg(strstr(d, "equipment.yaml:17:20:") &&
                    strstr(d, "missing_editions[2].standard: \"GB 18613-2020\" "
                              "is not another edition"),
                "%s", d);
  ck_assert_msg(strstr(d, "equipment.yaml:18:20:") &&
                    strstr(d, "missing_editions[3].standard: GB 18613-2012 is "
                              "named twice"),
                "%s", d);
  tu_close(&r);
  /* a valid one: a 2016 motor under GB 18613-2012 gets the firm's reason */
  layer(&r, dir, "equipment.yaml",
        LAYER_MOTOR("      - standard: \"GB 18613-2012\"\n"
                    "        why: {zh: 本厂未录入该版本。, en: The firm has not "
                    "entered that edition.}\n"));
  run(&r, dir,
      FACILITY("2016", "jiangsu")
      "units:\n"
      "  - {id: aux, name: {zh: 辅助, en: Auxiliary}, stage: end_use}\n"
      "equipment:\n"
      "  - {id: M1, kind: motor, name: {zh: 电机, en: Motor}, unit: aux, "
      "capacity: \"250 kW\", poles: 4, rated: {efficiency: \"95.3 %\"}}\n");
  const value *v = val_path(r.results, "equipment[M1].not_graded_en");
  ck_assert_ptr_nonnull(v);
  ck_assert_str_eq(v->str,
                   "the grades of GB 18613-2012, which applies, are not in "
                   "the rules (those of GB 18613-2020 do not apply to this "
                   "period). The firm has not entered that edition");
  v = val_path(r.results, "equipment[M1].not_graded_zh");
  ck_assert_ptr_nonnull(v);
  ck_assert_str_eq(v->str,
                   "适用的GB 18613-2012的能效等级值未收入规则，设备未评级"
                   "（GB 18613-2020的数值不适用于本审计期）。本厂未录入该版本");
  tu_close(&r);
  char cmd[256], *out;
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  ck_assert_int_eq(tu_sh(cmd, &out), 0);
  free(out);
}
END_TEST

Suite *layers_suite(void)
{
  Suite *s = suite_create("layers");
  TCase *tc = tcase_create("layers");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, t_single_entries);
  tcase_add_test(tc, t_amend_refused);
  tcase_add_test(tc, t_list_names_layers);
  tcase_add_test(tc, t_whole_entries_named);
  tcase_add_test(tc, t_check_skips_checks);
  tcase_add_test(tc, t_benchmark_edition_layer);
  tcase_add_test(tc, t_missing_editions);
  suite_add_tcase(s, tc);
  return s;
}
