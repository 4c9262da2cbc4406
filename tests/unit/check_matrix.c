/* check_matrix.c — the energy balance matrix of GB/T 28751
 * (energy.balance_matrix) and the stage flow diagram (energy.flow): hand
 * worked facilities, the closure of every row and of the total for every
 * sample and for a generated facility, and the table and the diagram's
 * stage headings in a Chinese and an English report. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../generator/calc/calc.h"
#include "../../generator/chart/chart.h"
#include "../../generator/template/charts.h"
#include "suites.h"
#include "testutil.h"

static char yaml[16384];

static void load(tu_run *r, const char *body)
{
  snprintf(yaml, sizeof yaml, "%s%s", TU_HEAD, body);
  tu_open(r);
  tu_facility(r, yaml);
  ck_assert_msg(r->results != NULL, "%s", tu_diags(r));
}

/* The matrix row of carrier on basis ("physical" or "tce"). */
static const value *row(const value *results, const char *carrier,
                        const char *basis)
{
  const value *rows = val_path(results, "energy.balance_matrix.rows");
  ck_assert_ptr_nonnull(rows);
  for (size_t i = 0; i < rows->n; i++)
    if (strcmp(val_get(rows->items[i], "carrier")->str, carrier) == 0 &&
        strcmp(val_get(rows->items[i], "basis")->str, basis) == 0)
      return rows->items[i];
  ck_abort_msg("no %s row of %s", basis, carrier);
  return NULL;
}

static double num(const value *o, const char *key)
{
  const value *v = val_get(o, key);
  ck_assert_msg(v && v->kind == VAL_NUM, "no number %s", key);
  return v->num;
}

#define IS(o, key, want)                                                       \
  ck_assert_double_eq_tol(num((o), (key)), (want),                             \
                          1e-9 * fmax(1.0, fabs((double)(want))))

static const char *const fields[] = {
    "purchased",  "stock_change", "exported",  "supply",
    "conversion_input", "conversion_output", "distribution_loss",
    "production", "auxiliary",    "ancillary", "unmetered_use",
    "end_use",    NULL};

/* Every row closes; the total is the sum of the counted rows in tce and
   its supply is energy.total_tce; a carrier's distribution loss is the
   loss of energy.balance[] (for energy, not a working medium). */
static void closes(const value *res, const char *what)
{
  const value *rows = val_path(res, "energy.balance_matrix.rows");
  const value *total = val_path(res, "energy.balance_matrix.total");
  ck_assert_msg(rows && total, "%s: no matrix", what);
  double sum[16] = {0};
  for (size_t i = 0; i < rows->n; i++) {
    const value *o = rows->items[i];
    const char *k = val_get(o, "carrier")->str;
    double scale = 1.0;
    for (int f = 0; fields[f]; f++)
      scale = fmax(scale, fabs(num(o, fields[f])));
    double tol = 1e-9 * scale;
    double s = num(o, "supply");
    ck_assert_msg(fabs(s - (num(o, "conversion_input") +
                            num(o, "conversion_output") +
                            num(o, "distribution_loss") +
                            num(o, "end_use"))) <= tol,
                  "%s: %s row %zu does not close", what, k, i);
    ck_assert_msg(fabs(s - (num(o, "purchased") + num(o, "stock_change") +
                            num(o, "exported"))) <= tol,
                  "%s: %s supply", what, k);
    ck_assert_msg(fabs(num(o, "end_use") -
                       (num(o, "production") + num(o, "auxiliary") +
                        num(o, "ancillary") + num(o, "unmetered_use"))) <= tol,
                  "%s: %s end use", what, k);
    if (strcmp(val_get(o, "basis")->str, "tce") == 0 &&
        val_get(o, "counted")->b)
      for (int f = 0; fields[f]; f++)
        sum[f] += num(o, fields[f]);
  }
  double tt = fabs(num(total, "supply"));
  for (int f = 0; fields[f]; f++)
    ck_assert_msg(fabs(num(total, fields[f]) - sum[f]) <= 1e-9 * fmax(1, tt),
                  "%s: total %s", what, fields[f]);
  double want = val_path(res, "energy.total_tce")->num;
  ck_assert_msg(fabs(num(total, "supply") - want) <= 1e-9 * fmax(1, want),
                "%s: total supply %g, total_tce %g", what,
                num(total, "supply"), want);
  /* the loss of the balance by carrier, where there is one */
  const value *bal = val_path(res, "energy.balance");
  for (size_t i = 0; bal && i < bal->n; i++) {
    const value *b = bal->items[i];
    const char *k = val_get(b, "carrier")->str;
    if (strcmp(val_get(b, "loss_kind")->str, "working_medium") == 0)
      continue;
    const value *o = row(res, k, "physical");
    ck_assert_msg(fabs(num(o, "distribution_loss") - num(b, "loss")) <=
                      1e-9 * fmax(1, num(b, "input")),
                  "%s: %s loss %g in the matrix, %g in the balance", what, k,
                  num(o, "distribution_loss"), num(b, "loss"));
  }
}

/* {====================================================== hand worked */

/* A coal boiler making steam, electricity to three systems, stock drawn,
   a loss in each network. */
START_TEST(t_matrix_boiler)
{
  tu_run r;
  load(&r, "units:\n"
           "  - {id: yard, name: {zh: 煤场, en: Coal yard}, stage: "
           "distribution}\n"
           "  - {id: boiler, name: {zh: 锅炉房, en: Boiler house}, stage: "
           "conversion}\n"
           "  - {id: net, name: {zh: 蒸汽管网, en: Steam network}, stage: "
           "distribution}\n"
           "  - {id: mill, name: {zh: 造纸车间, en: Paper mill}, stage: "
           "end_use}\n"
           "  - {id: repair, name: {zh: 机修车间, en: Repair shop}, stage: "
           "end_use, system: auxiliary}\n"
           "  - {id: office, name: {zh: 办公楼, en: Offices}, stage: end_use, "
           "system: ancillary}\n"
           "meters:\n"
           "  - {id: C1, carrier: raw_coal, level: 1, from: outside, to: "
           "yard, total: \"1,000 t\"}\n"
           "  - {id: C2, carrier: raw_coal, level: 2, from: yard, to: boiler, "
           "total: \"990 t\"}\n"
           "  - {id: E1, carrier: electricity, level: 1, from: outside, to: "
           "site, total: \"1,000,000 kWh\"}\n"
           "  - {id: E2, carrier: electricity, level: 2, from: site, to: "
           "boiler, total: \"100,000 kWh\"}\n"
           "  - {id: E3, carrier: electricity, level: 2, from: site, to: "
           "mill, total: \"700,000 kWh\"}\n"
           "  - {id: E4, carrier: electricity, level: 2, from: site, to: "
           "repair, total: \"100,000 kWh\"}\n"
           "  - {id: E5, carrier: electricity, level: 2, from: site, to: "
           "office, total: \"50,000 kWh\"}\n"
           "  - {id: S1, carrier: lp_steam, level: 2, from: boiler, to: net, "
           "total: \"5,000 t\"}\n"
           "  - {id: S2, carrier: lp_steam, level: 2, from: net, to: mill, "
           "total: \"4,500 t\"}\n"
           "stock:\n"
           "  - {carrier: raw_coal, opening: \"100 t\", closing: \"80 t\"}\n");
  const value *res = r.results;
  /* coal: supply = 1,000 + (100 − 80) = 1,020 t; 990 t into the boiler;
     distribution loss 1,020 − 990 = 30 t. At 714.3 kgce/t: 728.586,
     707.157 and 21.429 tce */
  const value *o = row(res, "raw_coal", "physical");
  IS(o, "purchased", 1000);
  IS(o, "stock_change", 20);
  IS(o, "supply", 1020);
  IS(o, "conversion_input", 990);
  IS(o, "distribution_loss", 30);
  IS(o, "end_use", 0);
  o = row(res, "raw_coal", "tce");
  IS(o, "supply", 728.586);
  IS(o, "conversion_input", 707.157);
  IS(o, "distribution_loss", 21.429);
  /* electricity: 1,000,000 kWh; 100,000 to the boiler; 700,000
     production, 100,000 auxiliary, 50,000 ancillary; loss 50,000. At
     0.1229: 122.9, 12.29, 86.03, 12.29, 6.145, 6.145 tce */
  o = row(res, "electricity", "physical");
  IS(o, "conversion_input", 1e5);
  IS(o, "production", 7e5);
  IS(o, "auxiliary", 1e5);
  IS(o, "ancillary", 5e4);
  IS(o, "end_use", 8.5e5);
  IS(o, "distribution_loss", 5e4);
  o = row(res, "electricity", "tce");
  IS(o, "supply", 122.9);
  IS(o, "production", 86.03);
  IS(o, "auxiliary", 12.29);
  IS(o, "ancillary", 6.145);
  IS(o, "distribution_loss", 6.145);
  /* steam: made 5,000 t (conversion output −5,000, its supply), 4,500 t
     to the mill, 500 t lost. Its actual coefficient: (707.157 + 12.29)
     tce × 1000 / 5,000 t = 143.8894 kgce/t: −719.447, 647.5023 and
     71.9447 tce */
  o = row(res, "lp_steam", "physical");
  IS(o, "supply", 0);
  IS(o, "conversion_output", -5000);
  IS(o, "distribution_loss", 500);
  IS(o, "production", 4500);
  o = row(res, "lp_steam", "tce");
  IS(o, "conversion_output", -719.447);
  IS(o, "distribution_loss", 71.9447);
  IS(o, "production", 647.5023);
  /* total: supply 728.586 + 122.9 = 851.486 tce = energy.total_tce;
     conversion 719.447 in, −719.447 out (the boiler's loss is in its
     steam's coefficient); losses 21.429 + 6.145 + 71.9447 = 99.5187;
     end use 86.03 + 647.5023 + 12.29 + 6.145 = 751.9673 */
  o = val_path(res, "energy.balance_matrix.total");
  IS(o, "supply", 851.486);
  TU_NEAR(&r, "energy.total_tce", 851.486);
  IS(o, "conversion_input", 719.447);
  IS(o, "conversion_output", -719.447);
  IS(o, "distribution_loss", 99.5187);
  IS(o, "production", 733.5323);
  IS(o, "end_use", 751.9673);
  TU_NEAR(&r, "energy.balance_matrix.recovered_tce", 0);
  closes(res, "boiler");
  /* the diagram: coal to the boiler, the boiler's steam to its network,
     the network to the mill and to the losses */
  const value *lk = val_path(res, "energy.flow.links");
  bool coal = false, steam = false, lost = false;
  for (size_t i = 0; i < lk->n; i++) {
    const char *f = val_get(lk->items[i], "from")->str;
    const char *t = val_get(lk->items[i], "to")->str;
    double x = val_get(lk->items[i], "tce")->num;
    coal |= !strcmp(f, "purchase:raw_coal") && !strcmp(t, "unit:boiler") &&
            fabs(x - 707.157) < 1e-6;
    steam |= !strcmp(f, "unit:boiler") &&
             !strcmp(t, "distribution:lp_steam") && fabs(x - 719.447) < 1e-6;
    lost |= !strcmp(f, "distribution:lp_steam") && !strcmp(t, "losses") &&
            fabs(x - 71.9447) < 1e-6;
  }
  ck_assert(coal && steam && lost);
  tu_close(&r);
}
END_TEST

/* Waste-heat power: no metered input. Its output is supply from
   recovered heat, shown as conversion input and taken from the end use of
   production: nothing is gained. */
START_TEST(t_matrix_waste_heat)
{
  tu_run r;
  load(&r, "units:\n"
           "  - {id: kiln, name: {zh: 窑, en: Kiln}, stage: end_use}\n"
           "  - {id: whr, name: {zh: 余热电站, en: Waste-heat power}, stage: "
           "conversion}\n"
           "meters:\n"
           "  - {id: E1, carrier: electricity, level: 1, from: outside, to: "
           "site, total: \"9,000,000 kWh\"}\n"
           "  - {id: G1, carrier: electricity, level: 2, from: whr, to: site, "
           "total: \"1,000,000 kWh\"}\n"
           "  - {id: E2, carrier: electricity, level: 2, from: site, to: "
           "kiln, total: \"9,500,000 kWh\"}\n");
  const value *res = r.results;
  /* 9,000,000 = −1,000,000 + 500,000 loss + 9,500,000 kiln */
  const value *o = row(res, "electricity", "physical");
  IS(o, "supply", 9e6);
  IS(o, "conversion_output", -1e6);
  IS(o, "distribution_loss", 5e5);
  IS(o, "production", 9.5e6);
  /* at 0.1229: 1,106.1 = −122.9 + 61.45 + 1,167.55 */
  o = row(res, "electricity", "tce");
  IS(o, "conversion_output", -122.9);
  IS(o, "production", 1167.55);
  /* recovered heat: 122.9 tce into conversion, −122.9 from production */
  TU_NEAR(&r, "energy.balance_matrix.recovered_tce", 122.9);
  ck_assert_str_eq(tu_str(&r, "energy.balance_matrix.recovered_units[0].id"),
                   "whr");
  o = row(res, "recovered", "tce");
  IS(o, "supply", 0);
  IS(o, "conversion_input", 122.9);
  IS(o, "production", -122.9);
  /* total: 1,106.1 = 122.9 − 122.9 + 61.45 + 1,044.65 */
  o = val_path(res, "energy.balance_matrix.total");
  IS(o, "supply", 1106.1);
  IS(o, "conversion_input", 122.9);
  IS(o, "conversion_output", -122.9);
  IS(o, "production", 1044.65);
  closes(res, "waste heat");
  /* the diagram draws recovered heat into the station */
  const value *lk = val_path(res, "energy.flow.links");
  bool rec = false;
  for (size_t i = 0; i < lk->n; i++)
    rec |= !strcmp(val_get(lk->items[i], "from")->str, "recovered") &&
           !strcmp(val_get(lk->items[i], "to")->str, "unit:whr") &&
           fabs(val_get(lk->items[i], "tce")->num - 122.9) < 1e-9;
  ck_assert(rec);
  tu_close(&r);
}
END_TEST

/* A sub-unit of another system moves its use there (the parent's meter
   includes it); a child without system takes its parent's; a working
   medium's rest is use not metered by system, not a loss. */
START_TEST(t_matrix_systems)
{
  tu_run r;
  load(&r, "units:\n"
           "  - {id: works, name: {zh: 车间, en: Works}, stage: end_use}\n"
           "  - {id: light, name: {zh: 照明, en: Lighting}, stage: end_use, "
           "parent: works, system: ancillary}\n"
           "  - {id: aux, name: {zh: 辅助, en: Auxiliary}, stage: end_use, "
           "system: auxiliary}\n"
           "  - {id: pumps, name: {zh: 水泵, en: Pumps}, stage: end_use, "
           "parent: aux}\n"
           "meters:\n"
           "  - {id: E1, carrier: electricity, level: 1, from: outside, to: "
           "site, total: \"1,000 kWh\"}\n"
           "  - {id: E2, carrier: electricity, level: 2, from: site, to: "
           "works, total: \"600 kWh\"}\n"
           "  - {id: E3, carrier: electricity, level: 3, from: works, to: "
           "light, total: \"100 kWh\"}\n"
           "  - {id: E4, carrier: electricity, level: 2, from: site, to: "
           "pumps, total: \"300 kWh\"}\n"
           "  - {id: W1, carrier: fresh_water, level: 1, from: outside, to: "
           "site, total: \"1,000 t\"}\n"
           "  - {id: W2, carrier: fresh_water, level: 2, from: site, to: "
           "works, total: \"800 t\"}\n");
  /* works 600 − 100 = 500 production; lighting 100 ancillary; pumps 300
     auxiliary (their parent's system); loss 1,000 − 900 = 100 */
  const value *o = row(r.results, "electricity", "physical");
  IS(o, "production", 500);
  IS(o, "ancillary", 100);
  IS(o, "auxiliary", 300);
  IS(o, "distribution_loss", 100);
  /* water: 800 t to the works, the 200 t rest is use, not loss */
  o = row(r.results, "fresh_water", "physical");
  IS(o, "production", 800);
  IS(o, "distribution_loss", 0);
  IS(o, "unmetered_use", 200);
  IS(o, "end_use", 1000);
  closes(r.results, "systems");
  tu_close(&r);
}
END_TEST

/* }====================================================== */
/* {====================================================== every facility */

static const char *const samples[] = {
    "cement-plant", "power-plant", "aluminium-smelter",
    "training/boiler-house", "training/dyeing-plant",
    "training/office-building"};

static void sample(tu_run *r, const char *path)
{
  tu_open(r);
  bool io;
  r->m = model_load(r->a, r->dl, r->u, r->f, path, path, &io);
  ck_assert_msg(r->m != NULL, "%s: %s", path, tu_diags(r));
  r->results = calc_run(r->a, r->dl, r->m, r->f, path);
  ck_assert_msg(r->results != NULL, "%s: %s", path, tu_diags(r));
}

START_TEST(t_matrix_samples_close)
{
  tu_run r;
  char path[1024];
  snprintf(path, sizeof path, "%s/samples/%s.yaml", tu_root(), samples[_i]);
  sample(&r, path);
  closes(r.results, samples[_i]);
  tu_close(&r);
}
END_TEST

/* A facility of bench/gen-facility.awk (hundreds of units, thousands of
   meters, sub-units under production lines) closes too. */
START_TEST(t_matrix_generated_close)
{
  char dir[] = "/tmp/auditgen-matrix-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  char cmd[1024];
  snprintf(cmd, sizeof cmd,
           "awk -v meters=3000 -v units=400 -f '%s/bench/gen-facility.awk' "
           "> %s/big.yaml",
           tu_root(), dir);
  char *out = NULL;
  ck_assert_int_eq(tu_sh(cmd, &out), 0);
  free(out);
  tu_run r;
  char path[256];
  snprintf(path, sizeof path, "%s/big.yaml", dir);
  sample(&r, path);
  closes(r.results, "generated");
  tu_close(&r);
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  tu_sh(cmd, &out);
  free(out);
}
END_TEST

/* }====================================================== */
/* {====================================================== report */

static double fixed(void *ctx, const char *s, size_t n, lay_face face,
                    double size)
{
  (void)ctx;
  (void)s;
  (void)face;
  return (double)n * size * 0.5;
}

/* The diagram heads its columns with the stages, in the report's
   language, and carries tce on its labels. */
START_TEST(t_flow_stage_headings)
{
  static const char *const zh[] = {"购入贮存", "加工转换", "输送分配",
                                   "最终使用"};
  static const char *const en[] = {"Purchase and storage", "Conversion",
                                   "Distribution", "End use"};
  tu_run r;
  char path[1024];
  snprintf(path, sizeof path, "%s/samples/power-plant.yaml", tu_root());
  sample(&r, path);
  doc_chart *c = charts_build(r.a, "flow", r.results);
  for (int l = 0; l < 2; l++) {
    ch_drawing *d = chart_draw(r.a, c, 481.9, 430, l ? LANG_EN : LANG_ZH,
                               fixed, NULL);
    for (int s = 0; s < 4; s++) {
      bool found = false;
      for (size_t i = 0; i < d->n; i++)
        found |= d->cmds[i].kind == CH_TEXT &&
                 strcmp(d->cmds[i].text, l ? en[s] : zh[s]) == 0;
      ck_assert_msg(found, "no heading %s", l ? en[s] : zh[s]);
    }
    bool unit = false;
    for (size_t i = 0; i < d->n; i++)
      unit |= d->cmds[i].kind == CH_TEXT && strstr(d->cmds[i].text, " tce");
    ck_assert(unit);
  }
  tu_close(&r);
}
END_TEST

/* The matrix tables and the diagram's headings in the PDF, one language
   at a time. */
START_TEST(t_matrix_report)
{
  static const char *const want[2][6] = {
      {"企业能量平衡表（一）：购入贮存与加工转换",
       "企业能量平衡表（二）：输送分配与最终使用", "加工转换产出",
       "辅助生产系统", "回收余热余能", "购入贮存"},
      {"Energy balance table (1): purchase, storage and conversion",
       "Energy balance table (2): distribution and end use",
       "Purchased", "Auxiliary", "Recovered waste heat and energy",
       "Purchase and storage"}};
  static const char *const lang[] = {"zh", "en"};
  char dir[] = "/tmp/auditgen-matrix-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  for (int l = 0; l < 2; l++) {
    char cmd[2048];
    snprintf(cmd, sizeof cmd,
             "'%s' report '%s/samples/cement-plant.yaml' --lang %s -o "
             "'%s/r.pdf' -q && pdftotext '%s/r.pdf' - | tr -d ' \\n'",
             tu_bin(), tu_root(), lang[l], dir, dir);
    char *out = NULL;
    ck_assert_int_eq(tu_sh(cmd, &out), 0);
    for (int k = 0; k < 6; k++) {
      char w[256];
      size_t n = 0;
      for (const char *p = want[l][k]; *p && n + 1 < sizeof w; p++)
        if (*p != ' ')
          w[n++] = *p;
      w[n] = '\0';
      ck_assert_msg(strstr(out, w) != NULL, "%s: no \"%s\"", lang[l],
                    want[l][k]);
    }
    free(out);
  }
  char cmd[300];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  char *out = NULL;
  tu_sh(cmd, &out);
  free(out);
}
END_TEST

/* }====================================================== */

Suite *matrix_suite(void)
{
  Suite *s = suite_create("matrix");
  TCase *tc = tcase_create("hand_worked");
  tcase_add_test(tc, t_matrix_boiler);
  tcase_add_test(tc, t_matrix_waste_heat);
  tcase_add_test(tc, t_matrix_systems);
  suite_add_tcase(s, tc);
  tc = tcase_create("closure");
  tcase_set_timeout(tc, 60);
  tcase_add_loop_test(tc, t_matrix_samples_close, 0,
                      (int)(sizeof samples / sizeof *samples));
  tcase_add_test(tc, t_matrix_generated_close);
  suite_add_tcase(s, tc);
  tc = tcase_create("report");
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, t_flow_stage_headings);
  tcase_add_test(tc, t_matrix_report);
  suite_add_tcase(s, tc);
  return s;
}
