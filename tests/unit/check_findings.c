/* check_findings.c — the shipped checks (rules/checks/): for each, a
 * facility that triggers it and one that does not. Each case asserts the
 * presence or absence of the finding by rule id, and for triggering cases
 * a key part of its text in both languages. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../generator/rules/checks.h"

#include "suites.h"
#include "testutil.h"

/* True when results.findings holds a finding of rule id. */
static bool has_finding(const tu_run *r, const char *id, const char **zh,
                        const char **en)
{
  const value *fs = val_path(r->results, "findings");
  for (size_t i = 0; fs && i < fs->n; i++)
    if (strcmp(val_get(fs->items[i], "rule")->str, id) == 0) {
      if (zh)
        *zh = val_path(fs->items[i], "text.zh")->str;
      if (en)
        *en = val_path(fs->items[i], "text.en")->str;
      return true;
    }
  return false;
}

static char yaml[8192];

/* True when a finding of rule id mentions part in either language. */
static bool finding_mentions(const tu_run *r, const char *id, const char *part)
{
  const value *fs = val_path(r->results, "findings");
  for (size_t i = 0; fs && i < fs->n; i++)
    if (strcmp(val_get(fs->items[i], "rule")->str, id) == 0 &&
        (strstr(val_path(fs->items[i], "text.zh")->str, part) ||
         strstr(val_path(fs->items[i], "text.en")->str, part)))
      return true;
  return false;
}

/* Facility heads for the grading tests: a period whose editions are those
   the rules transcribe (GB 16780-2021 in force from 2022-11-01, GB 24500-2020
   and GB 18613-2020 from 2021-06-01, GB 19153-2019 from 2020-07-01; pumps:
   GB 19762-2025 from 2026-03-01). TU_HEAD's 2016 is graded by none of them
   (rules/standards.yaml). */
#define HEAD_YEAR(y)                                                           \
  "auditgen: 1\n"                                                              \
  "facility:\n"                                                                \
  "  name: {zh: 测试厂, en: Test plant}\n"                                     \
  "  industry: cement\n"                                                       \
  "  output_value: \"10,000 万元\"\n"                                          \
  "audit:\n"                                                                   \
  "  period: {from: " y "-01-01, to: " y "-12-31}\n"
#define HEAD_2023 HEAD_YEAR("2023")
#define HEAD_2026 HEAD_YEAR("2026")

/* A clinker line of 100,000 t whose coal gives the unit consumption
   wanted: kgce/t × 100,000 t / 714.3 kgce/t of raw coal = tonnes of coal. */
static void clinker_plant(tu_run *r, double kgce_per_t)
{
  double coal_t = kgce_per_t * 100000.0 / 714.3;
  snprintf(yaml, sizeof yaml,
           "%s"
           "units:\n"
           "  - {id: kiln, name: {zh: 窑, en: Kiln}, stage: end_use}\n"
           "meters:\n"
           "  - {id: C1, carrier: raw_coal, level: 1, to: kiln, total: "
           "\"%.6f t\"}\n"
           "products:\n"
           "  - {id: clinker, name: {zh: 熟料, en: Clinker}, benchmark: "
           "cement_clinker, quantity: \"100,000 t\", units: [kiln]}\n",
           HEAD_2023, coal_t);
  tu_open(r);
  tu_facility(r, yaml);
  ck_assert_msg(r->results, "%s", tu_diags(r));
}

START_TEST(t_product_exceeds_limit)
{
  tu_run r;
  const char *zh, *en;
  /* 120 kgce/t > the GB 16780-2021 clinker limit of 117 kgce/t */
  clinker_plant(&r, 120.0);
  ck_assert(has_finding(&r, "product_exceeds_limit", &zh, &en));
  ck_assert_ptr_nonnull(strstr(zh, "120.00 kgce/t"));
  ck_assert_ptr_nonnull(strstr(en, "exceeds the limit value 117.00 kgce/t"));
  tu_close(&r);
  /* 110 kgce/t is within the limit (grade 3) */
  clinker_plant(&r, 110.0);
  ck_assert(!has_finding(&r, "product_exceeds_limit", NULL, NULL));
  ck_assert(has_finding(&r, "product_grade_3_only", NULL, NULL));
  tu_close(&r);
}
END_TEST

/* {====================================================== helpers */

/* A facility head like TU_HEAD with another industry, period and extras
   (facility_extra goes under facility:, audit_extra under audit:). */
static const char *head(const char *industry, const char *year,
                        const char *facility_extra, const char *audit_extra)
{
  static char h[1024];
  snprintf(h, sizeof h,
           "auditgen: 1\n"
           "facility:\n"
           "  name: {zh: 测试厂, en: Test plant}\n"
           "  industry: %s\n"
           "  output_value: \"10,000 万元\"\n"
           "%s"
           "audit:\n"
           "  period: {from: %s-01-01, to: %s-12-31}\n"
           "%s",
           industry, facility_extra, year, year, audit_extra);
  return h;
}

/* head (TU_HEAD when NULL) followed by body, loaded and computed with the
   shipped rules; the test fails with the diagnostics when it does not
   load. */
static void load(tu_run *r, const char *h, const char *body)
{
  snprintf(yaml, sizeof yaml, "%s%s", h ? h : TU_HEAD, body);
  tu_open(r);
  tu_facility(r, yaml);
  ck_assert_msg(r->results != NULL, "%s", tu_diags(r));
}

/* Asserts that finding id is present and that its zh and en texts hold
   the given parts (NULL: not checked). */
static void fires(const tu_run *r, const char *id, const char *zh_part,
                  const char *en_part)
{
  const char *zh, *en;
  ck_assert_msg(has_finding(r, id, &zh, &en), "%s does not fire", id);
  if (zh_part)
    ck_assert_msg(strstr(zh, zh_part) != NULL, "%s zh: %s", id, zh);
  if (en_part)
    ck_assert_msg(strstr(en, en_part) != NULL, "%s en: %s", id, en);
}
#define FIRES(r, id, zh_part, en_part) fires((r), (id), (zh_part), (en_part))

#define QUIET(r, id)                                                           \
  ck_assert_msg(!has_finding((r), (id), NULL, NULL), "%s fires", (id))

/* }====================================================== */
/* {====================================================== benchmarks */

/* A 2016 clinker line: GB 16780-2012 is in force, its values are not in
   the rules, so the product is not graded against the 2021 values (not
   even when it exceeds them), and a finding says which edition applies. */
START_TEST(t_product_edition_not_in_force)
{
  tu_run r;
  char body[1024];
  snprintf(body, sizeof body, "%s",
           "units:\n"
           "  - {id: kiln, name: {zh: 窑, en: Kiln}, stage: end_use}\n"
           "meters:\n"
           "  - {id: C1, carrier: raw_coal, level: 1, to: kiln, total: "
           "\"16,800 t\"}\n"
           "products:\n"
           "  - {id: clinker, name: {zh: 熟料, en: Clinker}, benchmark: "
           "cement_clinker, quantity: \"100,000 t\", units: [kiln]}\n");
  load(&r, NULL, body);
  ck_assert(tu_is_null(&r, "energy.products[clinker].benchmark.grade"));
  ck_assert(tu_is_null(&r, "energy.products[clinker].benchmark.meets_limit"));
  ck_assert(tu_is_null(&r, "energy.products[clinker].benchmark.savings_"
                           "potential_tce"));
  ck_assert_str_eq(tu_str(&r, "energy.products[clinker].benchmark."
                              "edition_in_force"),
                   "GB 16780-2012");
  /* the mark in words says so (not the later edition's grade) */
  ck_assert_str_eq(tu_str(&r, "energy.products[clinker].benchmark.status"),
                   "not_graded");
  ck_assert_str_eq(tu_str(&r, "energy.products[clinker].benchmark.status_zh"),
                   "未对标");
  ck_assert_str_eq(tu_str(&r, "energy.products[clinker].benchmark."
                              "indicators[0].status_en"),
                   "Not graded");
  QUIET(&r, "product_exceeds_limit");
  FIRES(&r, "edition_values_absent",
        "适用的GB 16780-2012的限额值未收入规则，产品未对标；所列GB 16780-2021各级值仅供参考。",
        "The limit values of GB 16780-2012, which applies, are not in the "
        "rules: the products are not graded");
  /* the date of GB 16780-2012 is read from its cover (2013-10-01) */
  FIRES(&r, "edition_values_absent",
        "审计期末（2016-12-31）有效的版本为GB 16780-2012（2013-10-01起实施）",
        "GB 16780-2012 (in force from 2013-10-01) is the edition in force at "
        "the end of the audit period (2016-12-31).");
  /* and the register says why its tables are not in the rules, in the
     finding and in the product's note */
  FIRES(&r, "edition_values_absent", "限额表（现有企业限定值、新建企业准入值及先进值",
        "could not be obtained (only its cover, contents and foreword were "
        "available)");
  ck_assert_ptr_nonnull(
      strstr(tu_str(&r, "standards_applied[gb16780].values_note_en"),
             "GB 16780-2012 (limit values for existing plants"));
  tu_close(&r);
  /* 2013-09-30: GB 16780-2007 still applied (GB 16780-2012 came into force
     on 2013-10-01); its limits are not in the rules either */
  load(&r,
       "auditgen: 1\n"
       "facility:\n"
       "  name: {zh: 测试厂, en: Test plant}\n"
       "  industry: cement\n"
       "  output_value: \"10,000 万元\"\n"
       "audit:\n"
       "  period: {from: 2012-10-01, to: 2013-09-30}\n",
       body);
  ck_assert_str_eq(tu_str(&r, "energy.products[clinker].benchmark."
                              "edition_in_force"),
                   "GB 16780-2007");
  FIRES(&r, "edition_values_absent", "GB 16780-2007的限额值（按熟料生产线规模分类）未收入规则",
        "The limit values of GB 16780-2007 (classed by the size of the "
        "clinker line) are not in the rules.");
  tu_close(&r);
  /* the same line in 2023 is graded against GB 16780-2021 */
  load(&r, HEAD_2023, body);
  FIRES(&r, "product_exceeds_limit", NULL, NULL);
  ck_assert_str_eq(tu_str(&r, "energy.products[clinker].benchmark.status"),
                   "not_reached");
  ck_assert(!finding_mentions(&r, "edition_values_absent", "GB 16780"));
  tu_close(&r);
}
END_TEST

/* The boolean at a results path; fails the test when it is not one. */
static bool flag(const tu_run *r, const char *path)
{
  const value *v = val_path(r->results, path);
  ck_assert_msg(v && v->kind == VAL_BOOL, "%s is not a boolean", path);
  return v->b;
}

/* A pot line of 100,000 t of aluminium ingot whose only carrier is
   electricity: kWh/t × 100,000 t of electricity, in the year given. */
static void smelter(tu_run *r, const char *year, double kwh_per_t)
{
  char body[1024];
  snprintf(body, sizeof body,
           "units:\n"
           "  - {id: pots, name: {zh: 电解车间, en: Pot rooms}, stage: "
           "end_use}\n"
           "meters:\n"
           "  - {id: E1, carrier: electricity, level: 1, to: pots, total: "
           "\"%.3f kWh\"}\n"
           "products:\n"
           "  - {id: ingot, name: {zh: 铝锭, en: Aluminium ingot}, benchmark: "
           "aluminium_ingot, quantity: \"100,000 t\", units: [pots]}\n",
           kwh_per_t * 100000.0);
  load(r, head("aluminium", year, "", ""), body);
}

/* The grade of the ingot's comprehensive AC electricity (indicators[0]),
   0 when none is reached. */
static int ingot_grade(const tu_run *r)
{
  const char *p = "energy.products[ingot].benchmark.indicators[0].grade";
  return tu_is_null(r, p) ? 0 : (int)tu_num(r, p);
}

/* A 2023 smelter: GB 21346-2022 came into force on 2024-01-01, so the
   earlier edition GB 21346-2013 applies, and the rules hold its limits
   (aluminium_ingot_2013, from its foreword): 铝锭综合交流电耗 先进值 ≤13,100,
   准入值 ≤13,200, 限定值 ≤14,100 kWh/t, graded 1 / 2 / 3. A value on a
   boundary belongs to the better grade; one kWh/t above it to the next. */
START_TEST(t_product_earlier_edition_graded)
{
  tu_run r;
  smelter(&r, "2023", 13100.0); /* 13,100 ≤ 13,100: grade 1 */
  ck_assert_str_eq(tu_str(&r, "energy.products[ingot].benchmark.standard"),
                   "GB 21346-2013");
  ck_assert_str_eq(tu_str(&r, "energy.products[ingot].benchmark."
                              "edition_in_force"),
                   "GB 21346-2013");
  ck_assert(flag(&r, "energy.products[ingot].benchmark.graded"));
  /* 13,100 kWh/t = 1.31e9 kWh / 100,000 t */
  ck_assert_double_eq_tol(tu_num(&r, "energy.products[ingot].benchmark."
                                     "indicators[0].value"),
                          13100.0, 1e-6);
  ck_assert_int_eq(ingot_grade(&r), 1);
  ck_assert(!finding_mentions(&r, "edition_values_absent", "GB 21346"));
  tu_close(&r);
  smelter(&r, "2023", 13101.0); /* 13,100 < 13,101 ≤ 13,200: grade 2 */
  ck_assert_int_eq(ingot_grade(&r), 2);
  tu_close(&r);
  smelter(&r, "2023", 13200.0); /* on the access value: grade 2 */
  ck_assert_int_eq(ingot_grade(&r), 2);
  tu_close(&r);
  smelter(&r, "2023", 13201.0); /* 13,200 < 13,201 ≤ 14,100: grade 3 */
  ck_assert_int_eq(ingot_grade(&r), 3);
  /* potential to grade 1: (13,201 − 13,100) kWh/t × 100,000 t = 10,100,000
     kWh, × 0.1229 kgce/kWh (GB/T 2589 electricity) = 1,241.29 tce */
  ck_assert_double_eq_tol(tu_num(&r, "energy.products[ingot].benchmark."
                                     "indicators[0].savings_potential_tce"),
                          1241.29, 0.01);
  FIRES(&r, "product_grade_3_only", "准入值13,200.00",
        "access value 13,200.00");
  tu_close(&r);
  smelter(&r, "2023", 14100.0); /* on the limit: grade 3, meets it */
  ck_assert_int_eq(ingot_grade(&r), 3);
  ck_assert(flag(&r, "energy.products[ingot].benchmark.indicators[0]."
                        "meets_limit"));
  QUIET(&r, "product_exceeds_limit");
  tu_close(&r);
  smelter(&r, "2023", 14101.0); /* above the 2013 limit of 14,100 */
  ck_assert_int_eq(ingot_grade(&r), 0);
  ck_assert(!flag(&r, "energy.products[ingot].benchmark.indicators[0]."
                         "meets_limit"));
  FIRES(&r, "product_exceeds_limit", "14,100.00", "14,100.00");
  tu_close(&r);
  /* 2024: GB 21346-2022 is in force, limit 13,750 kWh/t: the same
     14,100 kWh/t fails it, 13,750 meets it (grade 3) */
  smelter(&r, "2024", 14100.0);
  ck_assert_str_eq(tu_str(&r, "energy.products[ingot].benchmark.standard"),
                   "GB 21346-2022");
  ck_assert_int_eq(ingot_grade(&r), 0);
  FIRES(&r, "product_exceeds_limit", "13,750.00", "13,750.00");
  tu_close(&r);
  smelter(&r, "2024", 13750.0);
  ck_assert_int_eq(ingot_grade(&r), 3);
  tu_close(&r);
}
END_TEST

/* The second 2013 indicator, 铝锭综合能源单耗 先进值 ≤1,660, 准入值 ≤1,680,
   限定值 ≤1,760 kgce/t: with electricity alone at 0.1229 kgce/kWh, the
   comprehensive energy is kWh/t × 0.1229. 1,660 / 0.1229 = 13,506.92
   kWh/t, 1,680 / 0.1229 = 13,669.65, 1,760 / 0.1229 = 14,320.59. */
START_TEST(t_product_earlier_edition_energy)
{
  tu_run r;
  static const struct {
    double kwh;
    int grade;
  } cases[] = {
      {13506.0, 1}, /* 1,659.89 kgce/t ≤ 1,660 */
      {13508.0, 2}, /* 1,660.13 > 1,660, ≤ 1,680 */
      {13669.0, 2}, /* 1,679.92 ≤ 1,680 */
      {13671.0, 3}, /* 1,680.17 > 1,680, ≤ 1,760 */
      {14320.0, 3}, /* 1,759.93 ≤ 1,760 */
      {14322.0, 0}, /* 1,760.17 > 1,760: the limit is not met */
  };
  const char *p = "energy.products[ingot].benchmark.indicators[1].grade";
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    smelter(&r, "2023", cases[i].kwh);
    ck_assert_str_eq(tu_str(&r, "energy.products[ingot].benchmark."
                                "indicators[1].name_zh"),
                     "铝锭综合能源单耗");
    ck_assert_double_eq_tol(
        tu_num(&r, "energy.products[ingot].benchmark.indicators[1].value"),
        cases[i].kwh * 0.1229, 1e-6);
    ck_assert_int_eq(tu_is_null(&r, p) ? 0 : (int)tu_num(&r, p),
                     cases[i].grade);
    tu_close(&r);
  }
}
END_TEST

/* Liquid aluminium in 2023 (aluminium_liquid_2013): 铝液综合交流电耗 先进值
   13,050, 准入值 13,150, 限定值 14,050 kWh/t (indicators[0]) and 铝液交流电耗
   ≤12,650 / ≤12,750 / ≤13,700 kWh/t (indicators[1]). With electricity
   alone both indicators are the same kWh/t; each boundary is met (the
   better grade) and one kWh/t above it is not. */
START_TEST(t_liquid_earlier_edition_graded)
{
  tu_run r;
  static const struct {
    double kwh;
    int comprehensive, ac; /* the grades of indicators[0] and [1] */
  } cases[] = {
      {12650.0, 1, 1}, {12651.0, 1, 2}, {12750.0, 1, 2}, {12751.0, 1, 3},
      {13050.0, 1, 3}, {13051.0, 2, 3}, {13150.0, 2, 3}, {13151.0, 3, 3},
      {13700.0, 3, 3}, {13701.0, 3, 0}, {14050.0, 3, 0}, {14051.0, 0, 0},
  };
  char body[1024];
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    snprintf(body, sizeof body,
             "units:\n"
             "  - {id: pots, name: {zh: 电解车间, en: Pot rooms}, stage: "
             "end_use}\n"
             "meters:\n"
             "  - {id: E1, carrier: electricity, level: 1, to: pots, total: "
             "\"%.3f kWh\"}\n"
             "products:\n"
             "  - {id: liquid, name: {zh: 铝液, en: Liquid aluminium}, "
             "benchmark: aluminium_liquid, quantity: \"100,000 t\", units: "
             "[pots]}\n",
             cases[i].kwh * 100000.0);
    load(&r, head("aluminium", "2023", "", ""), body);
    ck_assert_str_eq(tu_str(&r, "energy.products[liquid].benchmark.standard"),
                     "GB 21346-2013");
    const char *g0 = "energy.products[liquid].benchmark.indicators[0].grade";
    const char *g1 = "energy.products[liquid].benchmark.indicators[1].grade";
    ck_assert_str_eq(tu_str(&r, "energy.products[liquid].benchmark."
                                "indicators[1].name_zh"),
                     "铝液交流电耗");
    ck_assert_msg((tu_is_null(&r, g0) ? 0 : (int)tu_num(&r, g0)) ==
                      cases[i].comprehensive,
                  "%.0f kWh/t: comprehensive grade", cases[i].kwh);
    ck_assert_msg((tu_is_null(&r, g1) ? 0 : (int)tu_num(&r, g1)) ==
                      cases[i].ac,
                  "%.0f kWh/t: AC grade", cases[i].kwh);
    tu_close(&r);
  }
}
END_TEST

/* A facility names the benchmark, never another edition's entry. */
START_TEST(t_product_edition_entry_not_named)
{
  tu_run r;
  snprintf(yaml, sizeof yaml,
           "%s"
           "units:\n"
           "  - {id: pots, name: {zh: 电解车间, en: Pot rooms}, stage: "
           "end_use}\n"
           "meters:\n"
           "  - {id: E1, carrier: electricity, level: 1, to: pots, total: "
           "\"1,000 kWh\"}\n"
           "products:\n"
           "  - {id: ingot, name: {zh: 铝锭, en: Aluminium ingot}, benchmark: "
           "aluminium_ingot_2013, quantity: \"1 t\", units: [pots]}\n",
           head("aluminium", "2023", "", ""));
  tu_open(&r);
  tu_facility(&r, yaml);
  ck_assert_ptr_null(r.results);
  ck_assert_ptr_nonnull(strstr(tu_diags(&r), "unknown benchmark "
                                             "(rules/benchmarks/) "
                                             "\"aluminium_ingot_2013\""));
  tu_close(&r);
}
END_TEST

/* A 2016 boiler: GB 24500-2009 applies and its grades are not in the
   rules: not graded, with that reason; in 2023 it is graded. */
START_TEST(t_equipment_edition_not_in_force)
{
  tu_run r;
  static const char body[] =
      "units:\n"
      "  - {id: boiler, name: {zh: 锅炉房, en: Boiler house}, stage: "
      "end_use}\n"
      "meters:\n"
      "  - {id: C1, carrier: raw_coal, level: 1, to: boiler, total: "
      "\"1,000 t\"}\n"
      "equipment:\n"
      "  - {id: B1, kind: industrial_boiler, name: {zh: 1#锅炉, en: No.1 "
      "boiler}, unit: boiler, fuel: raw_coal, type: grate, coal_class: "
      "bituminous_II, capacity: \"10 t/h\", rated: {efficiency: \"78 %\"}}\n";
  load(&r, NULL, body);
  ck_assert(tu_is_null(&r, "equipment[B1].grade"));
  ck_assert(tu_is_null(&r, "equipment[B1].meets_limit"));
  ck_assert_str_eq(tu_str(&r, "equipment[B1].not_graded_en"),
                   "the grades of GB 24500-2009, which applies, are not in "
                   "the rules (those of GB 24500-2020 do not apply to this "
                   "period)");
  QUIET(&r, "equipment_below_limit");
  FIRES(&r, "equipment_not_graded", "GB 24500-2009", "GB 24500-2009");
  FIRES(&r, "edition_values_absent", "GB 24500-2009",
        "The grades of GB 24500-2009, which applies, are not in the rules");
  tu_close(&r);
  load(&r, HEAD_2023, body);
  FIRES(&r, "equipment_below_limit", NULL, NULL);
  ck_assert(!finding_mentions(&r, "edition_values_absent", "GB 24500"));
  tu_close(&r);
}
END_TEST

/* The earlier editions of GB 18613, GB 19153, GB 19761 and GB 19762,
   whose tables were not found (rules/equipment.yaml missing_editions):
   the item is not graded and the reason says why, in both languages. */
#define OLD_EQUIPMENT                                                          \
  "units:\n"                                                                   \
  "  - {id: aux, name: {zh: 辅助, en: Auxiliary}, stage: end_use}\n"           \
  "meters:\n"                                                                  \
  "  - {id: E1, carrier: electricity, level: 1, to: aux, total: "             \
  "\"1,000,000 kWh\"}\n"                                                       \
  "equipment:\n"                                                               \
  "  - {id: MT2, kind: motor, name: {zh: 电机, en: Motor}, unit: aux, "       \
  "capacity: \"250 kW\", poles: 4, rated: {efficiency: \"95.3 %\"}}\n"         \
  "  - {id: AC1, kind: air_compressor, name: {zh: 空压机, en: Compressor}, "   \
  "unit: aux, type: oil_injected_rotary, capacity: \"250 kW\", pressure: "     \
  "\"0.8 MPa\", cooling: air, rated: {specific_power: \"7.0 kW/(m3/min)\"}}\n" \
  "  - {id: F1, kind: fan, name: {zh: 风机, en: Fan}, unit: aux, type: "       \
  "centrifugal, pressure_coefficient: 0.44, specific_speed: 73, "              \
  "machine_number: 20, rated: {efficiency: \"84 %\"}}\n"                       \
  "  - {id: P1, kind: pump, type: double_suction, name: {zh: 泵, en: Pump}, "  \
  "unit: aux, flow: \"1,250 m3/h\", head: \"32 m\", speed: \"1,480 r/min\", "  \
  "rated: {efficiency: \"87.5 %\"}}\n"

START_TEST(t_equipment_edition_missing)
{
  tu_run r;
  load(&r, HEAD_YEAR("2016"), OLD_EQUIPMENT);
  const char *ids[] = {"MT2", "AC1", "F1", "P1"};
  for (size_t i = 0; i < 4; i++) {
    char path[64];
    snprintf(path, sizeof path, "equipment[%s].grade", ids[i]);
    ck_assert_msg(tu_is_null(&r, path), "%s graded", ids[i]);
  }
  /* the default reason, then the kind's own for that edition */
  ck_assert_str_eq(tu_str(&r, "equipment[MT2].not_graded_en"),
                   "the grades of GB 18613-2012, which applies, are not in "
                   "the rules (those of GB 18613-2020 do not apply to this "
                   "period). Table 1 of GB 18613-2012 (small and medium "
                   "three-phase asynchronous motors: the efficiency of grades "
                   "1 to 3 by rated power and poles) could not be "
                   "obtained; check the nameplate "
                   "efficiency against that table");
  ck_assert(strstr(tu_str(&r, "equipment[MT2].not_graded_zh"),
                   "（GB 18613-2020的数值不适用于本审计期）。GB 18613-2012"
                   "《中小型三相异步电动机能效限定值及能效等级》的表1"));
  /* the note adds the full stop the reason dropped, once */
  FIRES(&r, "equipment_not_graded", "请按该标准表1核对铭牌效率。",
        "check the nameplate efficiency against that table.");
  ck_assert(strstr(tu_str(&r, "equipment[AC1].not_graded_en"),
                   "Tables 1 to 7 of GB 19153-2009"));
  ck_assert(strstr(tu_str(&r, "equipment[F1].not_graded_zh"),
                   "GB 19761-2009《通风机能效限定值及能效等级》的能效等级表"));
  /* the pump's edition: the method, and why it cannot be applied */
  ck_assert(strstr(tu_str(&r, "equipment[P1].not_graded_en"),
                   "the limit η1 = η0 − 4 % and the evaluating value "
                   "η3 = η0 + 1 %"));
  ck_assert(strstr(tu_str(&r, "equipment[P1].not_graded_zh"),
                   "其表2、表4的数值未能取得"));
  /* the edition's note in standards_applied[] says it too */
  ck_assert(strstr(tu_str(&r, "standards_applied[gb19762].values_note_en"),
                   "equipment under it is not graded. GB 19762-2007 "
                   "(centrifugal pumps for fresh water) has no grades"));
  ck_assert_str_eq(tu_str(&r, "standards_applied[gb18613].title_zh"),
                   "中小型三相异步电动机能效限定值及能效等级");
  tu_close(&r);
  /* in 2023 the motor is judged by GB 18613-2020 (250 kW 4-pole, 3级
     96.0 %: 95.3 % < 96.0 %, below the limit) and no reason of the earlier
     edition is left; the pump is still under GB 19762-2007 */
  load(&r, HEAD_2023, OLD_EQUIPMENT);
  ck_assert(!val_path(r.results, "equipment[MT2].meets_limit")->b);
  ck_assert_ptr_null(val_path(r.results, "equipment[MT2].not_graded_en"));
  ck_assert(strstr(tu_str(&r, "equipment[P1].not_graded_en"),
                   "GB 19762-2007 (centrifugal pumps for fresh water)"));
  tu_close(&r);
}
END_TEST

/* The dates read for GB 19762 and GB 19153 (rules/standards.yaml), a pair
   on each side: GB 19762-2007 came into force on 2008-07-01, before it
   GB 19762-2005 (from 2005-12-01); GB 19153-2009 on 2009-12-01, with no
   earlier edition in the register. */
#define PERIOD_TO(from, to)                                                    \
  "auditgen: 1\n"                                                              \
  "facility:\n"                                                                \
  "  name: {zh: 测试厂, en: Test plant}\n"                                     \
  "  industry: cement\n"                                                       \
  "  output_value: \"10,000 万元\"\n"                                          \
  "audit:\n"                                                                   \
  "  period: {from: " from ", to: " to "}\n"

START_TEST(t_old_edition_dates)
{
  tu_run r;
  /* period ending 2008-06-30: the 2005 edition */
  load(&r, PERIOD_TO("2007-07-01", "2008-06-30"), OLD_EQUIPMENT);
  ck_assert_str_eq(tu_str(&r, "standards_applied[gb19762].designation"),
                   "GB 19762-2005");
  ck_assert_str_eq(tu_str(&r, "standards_applied[gb19762].in_force_from"),
                   "2005-12-01");
  /* GB 19153 had no listed edition in force on 2008-06-30 */
  ck_assert(tu_is_null(&r, "standards_applied[gb19153].edition"));
  tu_close(&r);
  /* period ending 2008-07-01: the 2007 edition, date read on its cover */
  load(&r, PERIOD_TO("2007-07-02", "2008-07-01"), OLD_EQUIPMENT);
  ck_assert_str_eq(tu_str(&r, "standards_applied[gb19762].designation"),
                   "GB 19762-2007");
  ck_assert_str_eq(tu_str(&r, "standards_applied[gb19762].in_force_from"),
                   "2008-07-01");
  ck_assert(val_path(r.results, "standards_applied[gb19762].in_force_verified")
                ->b);
  tu_close(&r);
  /* GB 19153-2009: not in force on 2009-11-30, in force on 2009-12-01 */
  load(&r, PERIOD_TO("2008-12-01", "2009-11-30"), OLD_EQUIPMENT);
  ck_assert(tu_is_null(&r, "standards_applied[gb19153].edition"));
  tu_close(&r);
  load(&r, PERIOD_TO("2008-12-02", "2009-12-01"), OLD_EQUIPMENT);
  ck_assert_str_eq(tu_str(&r, "standards_applied[gb19153].designation"),
                   "GB 19153-2009");
  ck_assert(val_path(r.results, "standards_applied[gb19153].in_force_verified")
                ->b);
  tu_close(&r);
}
END_TEST

START_TEST(t_product_grade_3_only)
{
  tu_run r;
  /* 110 kgce/t: 107 < 110 <= 117, grade 3 of GB 16780-2021 clinker;
     potential to grade 1 = (110 − 100) × 100,000 t / 1000 = 1,000 tce */
  clinker_plant(&r, 110.0);
  FIRES(&r, "product_grade_3_only", "110.00 kgce/t", "110.00 kgce/t");
  FIRES(&r, "product_grade_3_only", "准入值107.00", "access value 107.00");
  FIRES(&r, "product_grade_3_only", "约1,000 tce/a", "about 1,000 tce/a");
  tu_close(&r);
  /* 105 kgce/t: 100 < 105 <= 107, grade 2 */
  clinker_plant(&r, 105.0);
  QUIET(&r, "product_grade_3_only");
  tu_close(&r);
}
END_TEST

START_TEST(t_product_grade_1)
{
  tu_run r;
  /* 95 kgce/t <= 100, grade 1 */
  clinker_plant(&r, 95.0);
  FIRES(&r, "product_grade_1", "95.00 kgce/t", "reaches grade 1");
  FIRES(&r, "product_grade_1", "GB 16780-2021的1级", "of 95.00 kgce/t");
  tu_close(&r);
  /* 105 kgce/t > 100: grade 2 */
  clinker_plant(&r, 105.0);
  QUIET(&r, "product_grade_1");
  tu_close(&r);
}
END_TEST

/* A clinker line of 100,000 t with 14,000 t of coal and kwh of power. */
static void clinker_coal_power(tu_run *r, const char *kwh)
{
  char body[1024];
  snprintf(body, sizeof body,
           "units:\n"
           "  - {id: kiln, name: {zh: 窑, en: Kiln}, stage: end_use}\n"
           "meters:\n"
           "  - {id: C1, carrier: raw_coal, level: 1, to: kiln, total: "
           "\"14,000 t\"}\n"
           "  - {id: E1, carrier: electricity, level: 1, to: kiln, total: "
           "\"%s kWh\"}\n"
           "products:\n"
           "  - {id: clinker, name: {zh: 熟料, en: Clinker}, benchmark: "
           "cement_clinker, quantity: \"100,000 t\", units: [kiln]}\n",
           kwh);
  load(r, HEAD_2023, body);
}

/* {====================================================== potentials */

/* Potentials that do not overlap (docs/calculation.md "Potentials"). A
   2023 clinker line of 100,000 t burns 15,000 t of raw coal: 15,000 ×
   714.3 / 100,000 = 107.145 kgce/t, potential (107.145 − 100) × 100,000 /
   1000 = 714.5 tce, 7.145 kgce/t counted. Cement (grade 1: 80 kgce/t),
   120,000 t, uses 90,000 t of clinker (9,643.05 tce, of which 90,000 ×
   7.145 / 1000 = 643.05 tce of potential) and its mill's electricity. */
static void cement_chain(tu_run *r, const char *mill_kwh, const char *more)
{
  char body[4096];
  snprintf(body, sizeof body,
           "units:\n"
           "  - {id: kiln, name: {zh: 窑, en: Kiln}, stage: end_use}\n"
           "  - {id: mill, name: {zh: 磨, en: Mill}, stage: end_use}\n"
           "  - {id: mill2, name: {zh: 二磨, en: Mill 2}, stage: end_use}\n"
           "meters:\n"
           "  - {id: C1, carrier: raw_coal, level: 1, to: kiln, total: "
           "\"15,000 t\"}\n"
           "  - {id: E1, carrier: electricity, level: 1, to: mill, total: "
           "\"%s kWh\"}\n"
           "  - {id: E2, carrier: electricity, level: 1, to: mill2, total: "
           "\"8,000,000 kWh\"}\n"
           "products:\n"
           "  - {id: clinker, name: {zh: 熟料, en: Clinker}, benchmark: "
           "cement_clinker, quantity: \"100,000 t\", units: [kiln]}\n"
           "%s",
           mill_kwh, more);
  load(r, HEAD_2023, body);
}

#define NEAR TU_NEAR
#define POT(id, field) "energy.products[" id "].benchmark." field

/* Cement's mill at 4,000,000 kWh: 491.6 tce, cement 10,134.65 tce, 84.4554
   kgce/t, potential 534.65 tce < the 643.05 of its clinker: own stage 0
   (as in the cement sample: 6,736.56 < 10,998.62). Total 714.5, not
   1,249.15. At 6,000,000 kWh: 737.4 tce, cement 10,380.45 tce, potential
   780.45, own 780.45 − 643.05 = 137.4; total 851.9. */
START_TEST(t_potential_product_uses_another)
{
  static const char *cement =
      "  - {id: cement, name: {zh: 水泥, en: Cement}, benchmark: cement, "
      "quantity: \"120,000 t\", units: [mill], uses: [{product: clinker, "
      "quantity: \"90,000 t\"}]}\n";
  tu_run r;
  cement_chain(&r, "4,000,000", cement);
  NEAR(&r, POT("clinker", "savings_potential_tce"), 714.5);
  NEAR(&r, POT("clinker", "potential_own_tce"), 714.5);
  NEAR(&r, POT("clinker", "potential_in_used_tce"), 0);
  NEAR(&r, POT("cement", "savings_potential_tce"), 534.65);
  NEAR(&r, POT("cement", "potential_in_used_tce"), 643.05);
  NEAR(&r, POT("cement", "potential_own_tce"), 0);
  NEAR(&r, "energy.products_potential_tce", 714.5);
  tu_close(&r);
  cement_chain(&r, "6,000,000", cement);
  NEAR(&r, POT("cement", "savings_potential_tce"), 780.45);
  NEAR(&r, POT("cement", "potential_own_tce"), 137.4);
  NEAR(&r, "energy.products_potential_tce", 851.9);
  tu_close(&r);
}
END_TEST

/* Three products chained, the middle one without a benchmark: clinker →
   binder (95,000 t, no benchmark, 1,000,000 kWh in mill2, 90,000 t of
   clinker) → cement (120,000 t, 5,000,000 kWh... here mill's 5,000,000 and
   mill2's 1,000,000 exchange nothing: cement 737.4 + 9,643.05 = 10,380.45
   tce). The binder counts nothing itself and passes its clinker's 643.05
   tce on: cement's own stage 780.45 − 643.05 = 137.4; total 851.9 as when
   cement used the clinker directly. */
START_TEST(t_potential_through_unbenchmarked)
{
  tu_run r;
  char body[4096];
  snprintf(body, sizeof body,
           "units:\n"
           "  - {id: kiln, name: {zh: 窑, en: Kiln}, stage: end_use}\n"
           "  - {id: mill, name: {zh: 磨, en: Mill}, stage: end_use}\n"
           "  - {id: blend, name: {zh: 配料, en: Blending}, stage: end_use}\n"
           "meters:\n"
           "  - {id: C1, carrier: raw_coal, level: 1, to: kiln, total: "
           "\"15,000 t\"}\n"
           "  - {id: E1, carrier: electricity, level: 1, to: mill, total: "
           "\"5,000,000 kWh\"}\n"
           "  - {id: E2, carrier: electricity, level: 1, to: blend, total: "
           "\"1,000,000 kWh\"}\n"
           "products:\n"
           "  - {id: clinker, name: {zh: 熟料, en: Clinker}, benchmark: "
           "cement_clinker, quantity: \"100,000 t\", units: [kiln]}\n"
           "  - {id: binder, name: {zh: 胶凝料, en: Binder}, quantity: "
           "\"95,000 t\", units: [blend], uses: [{product: clinker, "
           "quantity: \"90,000 t\"}]}\n"
           "  - {id: cement, name: {zh: 水泥, en: Cement}, benchmark: cement, "
           "quantity: \"120,000 t\", units: [mill], uses: [{product: binder, "
           "quantity: \"95,000 t\"}]}\n");
  load(&r, HEAD_2023, body);
  ck_assert_ptr_null(val_path(r.results, "energy.products[binder].benchmark"));
  NEAR(&r, "energy.products[cement].energy_tce", 10380.45);
  NEAR(&r, POT("cement", "savings_potential_tce"), 780.45);
  NEAR(&r, POT("cement", "potential_in_used_tce"), 643.05);
  NEAR(&r, POT("cement", "potential_own_tce"), 137.4);
  NEAR(&r, "energy.products_potential_tce", 851.9);
  tu_close(&r);
}
END_TEST

/* Three products chained, all benchmarked: cement2 (50,000 t, mill2's
   8,000,000 kWh = 983.2 tce) uses 40,000 t of cement. Cement at 6,000,000
   kWh: 86.50375 kgce/t, counted 780.45 / 120,000 t (its own 137.4 plus its
   clinker's 643.05); cement2 983.2 + 3,460.15 = 4,443.35 tce, potential
   443.35, in used 40,000 × 780.45 / 120,000 = 260.15, own 183.2; total
   714.5 + 137.4 + 183.2 = 1,035.1. Cement at 4,000,000 kWh: own 0 but
   counted 643.05 / 120,000 t (its clinker's, more than its own potential
   534.65); cement2 983.2 + 40,000 × 84.4554167 / 1000 = 4,361.4166667,
   potential 361.4166667, in used 214.35, own 147.0666667; total
   861.5666667. */
START_TEST(t_potential_three_chained)
{
  static const char *two =
      "  - {id: cement, name: {zh: 水泥, en: Cement}, benchmark: cement, "
      "quantity: \"120,000 t\", units: [mill], uses: [{product: clinker, "
      "quantity: \"90,000 t\"}]}\n"
      "  - {id: cement2, name: {zh: 复合水泥, en: Cement 2}, benchmark: "
      "cement, quantity: \"50,000 t\", units: [mill2], uses: [{product: "
      "cement, quantity: \"40,000 t\"}]}\n";
  tu_run r;
  cement_chain(&r, "6,000,000", two);
  NEAR(&r, POT("cement2", "savings_potential_tce"), 443.35);
  NEAR(&r, POT("cement2", "potential_in_used_tce"), 260.15);
  NEAR(&r, POT("cement2", "potential_own_tce"), 183.2);
  NEAR(&r, "energy.products_potential_tce", 1035.1);
  tu_close(&r);
  cement_chain(&r, "4,000,000", two);
  NEAR(&r, POT("cement", "potential_own_tce"), 0);
  NEAR(&r, POT("cement2", "savings_potential_tce"), 361.41666666666667);
  NEAR(&r, POT("cement2", "potential_in_used_tce"), 214.35);
  NEAR(&r, POT("cement2", "potential_own_tce"), 147.06666666666667);
  NEAR(&r, "energy.products_potential_tce", 861.56666666666667);
  tu_close(&r);
}
END_TEST

/* No product with a potential (2016: the edition in force is not in the
   rules, every potential is null): the total and the own-stage figures are
   null, not 0. */
START_TEST(t_potential_none)
{
  tu_run r;
  load(&r, NULL,
       "units:\n"
       "  - {id: kiln, name: {zh: 窑, en: Kiln}, stage: end_use}\n"
       "meters:\n"
       "  - {id: C1, carrier: raw_coal, level: 1, to: kiln, total: "
       "\"15,000 t\"}\n"
       "products:\n"
       "  - {id: clinker, name: {zh: 熟料, en: Clinker}, benchmark: "
       "cement_clinker, quantity: \"100,000 t\", units: [kiln]}\n");
  ck_assert(tu_is_null(&r, "energy.products_potential_tce"));
  ck_assert(tu_is_null(&r, POT("clinker", "potential_own_tce")));
  ck_assert(tu_is_null(&r, POT("clinker", "potential_in_used_tce")));
  tu_close(&r);
}
END_TEST

/* }====================================================== */

START_TEST(t_secondary_indicator_exceeds_limit)
{
  tu_run r;
  /* coal 14,000 t × 714.3 / 100,000 t = 100.002 kgce/t (<= 109);
     power 7,000,000 kWh / 100,000 t = 70 kWh/t > 61 (limit);
     headline 100.002 + 70 × 0.1229 = 108.605 kgce/t <= 117 meets */
  clinker_coal_power(&r, "7,000,000");
  FIRES(&r, "secondary_indicator_exceeds_limit", "分项指标中有1项超过限定值",
        "the limit value is exceeded by 1 further indicator of "
        "GB 16780-2021");
  QUIET(&r, "product_exceeds_limit");
  tu_close(&r);
  /* 6,000,000 kWh: 60 kWh/t <= 61; all indicators meet */
  clinker_coal_power(&r, "6,000,000");
  QUIET(&r, "secondary_indicator_exceeds_limit");
  tu_close(&r);
}
END_TEST

static void clinker_quantity(tu_run *r, const char *quantity, const char *bm)
{
  char body[1024];
  snprintf(body, sizeof body,
           "units:\n"
           "  - {id: kiln, name: {zh: 窑, en: Kiln}, stage: end_use}\n"
           "meters:\n"
           "  - {id: C1, carrier: raw_coal, level: 1, to: kiln, total: "
           "\"1,000 t\"}\n"
           "products:\n"
           "  - {id: clinker, name: {zh: 熟料, en: Clinker}, %s"
           "quantity: \"%s\", units: [kiln]}\n",
           bm, quantity);
  load(r, NULL, body);
}

/* Was a CHECK FAULT, fixed since (the test is registered): benchmark_not_comparable names the benchmark by its raw key
   ({.benchmark.key}): "产品熟料指定了限额标准cement_clinker" / "Clinker names
   the benchmark cement_clinker", where the standard (GB 16780-2021,
   {.benchmark.standard}) is known. The test below asserts the text as it
   should read; it is not registered. */
START_TEST(t_benchmark_not_comparable)
{
  tu_run r;
  /* a clinker quantity in m3: kgce/m3 cannot be compared with kgce/t */
  clinker_quantity(&r, "10,000 m3", "benchmark: cement_clinker, ");
  FIRES(&r, "benchmark_not_comparable", "GB 16780-2021", "GB 16780-2021");
  const char *zh, *en;
  ck_assert(has_finding(&r, "benchmark_not_comparable", &zh, &en));
  ck_assert_ptr_null(strstr(zh, "cement_clinker"));
  ck_assert_ptr_null(strstr(en, "cement_clinker"));
  tu_close(&r);
  /* the same quantity in t is compared */
  clinker_quantity(&r, "10,000 t", "benchmark: cement_clinker, ");
  QUIET(&r, "benchmark_not_comparable");
  tu_close(&r);
}
END_TEST

START_TEST(t_product_without_benchmark)
{
  tu_run r;
  /* no benchmark; energy = 1,000 t × 714.3 / 1000 = 714.3 tce > 0 */
  clinker_quantity(&r, "10,000 t", "");
  FIRES(&r, "product_without_benchmark", "产品熟料未指定",
        "Clinker names no unit-consumption limit standard");
  tu_close(&r);
  /* with a benchmark */
  clinker_quantity(&r, "10,000 t", "benchmark: cement_clinker, ");
  QUIET(&r, "product_without_benchmark");
  tu_close(&r);
}
END_TEST

/* }====================================================== */
/* {====================================================== carbon */

/* Raw coal in tonnes, bought, burnt on site, for 2017 (365 days, so the
   annual figures are the period's). Default emission per t:
   20.908 GJ/t × 0.02637 tC/GJ × 0.94 × 44/12 = 1.90029885… tCO2/t. */
static void coal_site(tu_run *r, const char *industry, const char *tonnes)
{
  char body[512];
  snprintf(body, sizeof body,
           "meters:\n"
           "  - {id: C1, carrier: raw_coal, level: 1, accuracy: \"0.5\", "
           "total: \"%s t\"}\n",
           tonnes);
  load(r, head(industry, "2019", "", ""), body);
}

static bool ets_flag(const tu_run *r, const char *path)
{
  const value *v = val_path(r->results, path);
  ck_assert_msg(v && v->kind == VAL_BOOL, "no boolean at %s", path);
  return v->b;
}

/* A sector that joined the ETS after the audit period: cement (since 2024)
   audited for 2019 with the same 26,604.2 tCO2. */
START_TEST(t_ets_sector_joined_later)
{
  tu_run r;
  coal_site(&r, "cement", "14,000");
  FIRES(&r, "ets_sector_joined_later", "自2024年起纳入", "joined the national ETS in 2024");
  QUIET(&r, "ets_covered");
  /* results.md: covered = threshold reached in a covered industry (today's
     list); covered_in_period also asks that the sector was in by 2019 */
  ck_assert(ets_flag(&r, "carbon.ets.covered"));
  ck_assert(!ets_flag(&r, "carbon.ets.covered_in_period"));
  tu_close(&r);
  /* power was covered by 2019: the later-joined finding stays quiet */
  coal_site(&r, "power", "14,000");
  QUIET(&r, "ets_sector_joined_later");
  tu_close(&r);
}
END_TEST

START_TEST(t_ets_covered)
{
  tu_run r;
  /* power (covered since 2019): 14,000 t × 1.90029885 = 26,604.2 tCO2
     >= 26,000; 14,000 × 714.3 / 1000 = 10,000.2 tce >= 10,000 */
  coal_site(&r, "power", "14,000");
  FIRES(&r, "ets_covered", "年排放26,604 tCO2（或综合能耗10,000 tce）",
        "Annual emissions of 26,604 tCO2 (or 10,000 tce)");
  FIRES(&r, "ets_covered", "自2019年", "(since 2019)");
  ck_assert(ets_flag(&r, "carbon.ets.covered"));
  ck_assert(ets_flag(&r, "carbon.ets.covered_in_period"));
  tu_close(&r);
  /* 13,000 t: 24,703.9 tCO2 < 26,000 and 9,285.9 tce < 10,000 */
  coal_site(&r, "power", "13,000");
  QUIET(&r, "ets_covered");
  tu_close(&r);
}
END_TEST

START_TEST(t_ets_threshold_not_covered_sector)
{
  tu_run r;
  /* chemicals (no ETS sector): 26,604.2 tCO2 >= 26,000 */
  coal_site(&r, "chemicals", "14,000");
  FIRES(&r, "ets_threshold_not_covered_sector", "年排放26,604 tCO2已超过",
        "Annual emissions of 26,604 tCO2 exceed");
  QUIET(&r, "ets_covered");
  tu_close(&r);
  /* 13,000 t: 24,265.0 tCO2 and 9,285.9 tce under both thresholds */
  coal_site(&r, "chemicals", "13,000");
  QUIET(&r, "ets_threshold_not_covered_sector");
  tu_close(&r);
  /* the same emissions in a covered sector */
  coal_site(&r, "power", "14,000");
  QUIET(&r, "ets_threshold_not_covered_sector");
  tu_close(&r);
}
END_TEST

/* A chemical works with its own coal-fired CHP: the power sector covers
   the captive plants of other industries (2019–2020 allocation plan), so
   the site is not told "the sector is not yet covered". 14,000 t of coal
   into the CHP: 14,000 × 20.908 × 0.02637 × 94 % × 44/12 = 26,604.2
   tCO2 >= 26,000; 13,000 t: 24,703.9, under the threshold. */
static void chp_site(tu_run *r, const char *industry, const char *tonnes,
                     const char *kind)
{
  char body[1024];
  snprintf(body, sizeof body,
           "units:\n"
           "  - {id: chp, name: {zh: 自备热电站, en: Captive CHP}, stage: "
           "conversion, conversion: {kind: %s}}\n"
           "meters:\n"
           "  - {id: C1, carrier: raw_coal, level: 1, accuracy: \"0.5\", "
           "to: chp, total: \"%s t\"}\n"
           "  - {id: G1, carrier: electricity, level: 2, from: chp, to: site, "
           "total: \"20,000,000 kWh\"}\n",
           kind, tonnes);
  load(r, head(industry, "2019", "", ""), body);
}

START_TEST(t_ets_captive_power_plant)
{
  tu_run r;
  chp_site(&r, "chemicals", "14,000", "chp");
  FIRES(&r, "ets_captive_power_plant",
        "企业有自备发电机组（自备热电站），年排放26,604 tCO2达到纳入门槛",
        "own generating units (Captive CHP) and its annual emissions of "
        "26,604 tCO2 reach the threshold");
  QUIET(&r, "ets_threshold_not_covered_sector");
  tu_close(&r);
  chp_site(&r, "chemicals", "14,000", "turbine_generator");
  FIRES(&r, "ets_captive_power_plant", NULL, NULL);
  tu_close(&r);
  /* under the threshold: quiet */
  chp_site(&r, "chemicals", "13,000", "chp");
  QUIET(&r, "ets_captive_power_plant");
  tu_close(&r);
  /* a boiler house makes no power: the other finding stays */
  chp_site(&r, "chemicals", "14,000", "boiler");
  QUIET(&r, "ets_captive_power_plant");
  FIRES(&r, "ets_threshold_not_covered_sector", NULL, NULL);
  tu_close(&r);
  /* a power plant is covered as such */
  chp_site(&r, "power", "14,000", "chp");
  QUIET(&r, "ets_captive_power_plant");
  FIRES(&r, "ets_covered", NULL, NULL);
  tu_close(&r);
}
END_TEST

START_TEST(t_combustion_defaults_only)
{
  tu_run r;
  /* 1,000 t × 1.90029885 = 1,900.3 tCO2, the only emission (> 10 %) */
  coal_site(&r, "cement", "1,000");
  FIRES(&r, "combustion_defaults_only", "原煤燃烧排放1,900 tCO2",
        "Raw coal combustion (1,900 tCO2)");
  tu_close(&r);
  /* the same with a measured carbon content */
  load(&r, head("cement", "2017", "", ""),
       "meters:\n"
       "  - {id: C1, carrier: raw_coal, level: 1, total: \"1,000 t\"}\n"
       "factors:\n"
       "  raw_coal:\n"
       "    carbon_content: \"0.02618 tC/GJ\"\n"
       "    source: {zh: 化验, en: Lab tests}\n");
  QUIET(&r, "combustion_defaults_only");
  tu_close(&r);
}
END_TEST

/* Was a CHECK FAULT, fixed since (the test is registered): grid_factor_unverified prints the grid by its raw key
   ({carbon.scope2.grid}): "所用电网排放因子0.7120 tCO2/MWh（north，2021年）
   未经公开来源核实" — an English key in the Chinese text (and a key, not a
   name, in the English one). The test asserts the text as it should read;
   it is not registered. */
START_TEST(t_grid_factor_unverified)
{
  tu_run r;
  /* north grid, 2021: 0.7120 tCO2/MWh, verified: false in grids.yaml */
  load(&r, head("cement", "2021", "  grid: north\n", "  grid_year: 2021\n"),
       "meters:\n"
       "  - {id: E1, carrier: electricity, level: 1, total: \"100,000 kWh\"}\n");
  FIRES(&r, "grid_factor_unverified", "0.7120 tCO2/MWh", "0.7120 tCO2/MWh");
  const char *zh, *en;
  ck_assert(has_finding(&r, "grid_factor_unverified", &zh, &en));
  ck_assert_ptr_null(strstr(zh, "north"));
  ck_assert_ptr_nonnull(strstr(zh, "华北"));
  tu_close(&r);
  /* north grid, 2022: 0.6776 tCO2/MWh, verified */
  load(&r, head("cement", "2022", "  grid: north\n", "  grid_year: 2022\n"),
       "meters:\n"
       "  - {id: E1, carrier: electricity, level: 1, total: \"100,000 kWh\"}\n");
  QUIET(&r, "grid_factor_unverified");
  tu_close(&r);
}
END_TEST

/* Coal (t) and 100,000 kWh of grid power in 2017; the grid factor is the
   national 2021 one, 0.5568 tCO2/MWh: 100 MWh × 0.5568 = 55.68 tCO2. */
static void coal_and_power(tu_run *r, const char *coal_t, const char *extra)
{
  char body[1024];
  snprintf(body, sizeof body,
           "meters:\n"
           "  - {id: C1, carrier: raw_coal, level: 1, total: \"%s t\"}\n"
           "  - {id: E1, carrier: electricity, level: 1, total: "
           "\"100,000 kWh\"}\n"
           "%s",
           coal_t, extra);
  load(r, head("cement", "2017", "", ""), body);
}

START_TEST(t_scope2_dominant)
{
  tu_run r;
  /* coal 10 t × 1.90029885 = 19.003 tCO2; 55.68 / (55.68 + 19.003) =
     74.6 % > 50 % */
  coal_and_power(&r, "10", "");
  FIRES(&r, "scope2_dominant", "占总排放74.6 %", "make up 74.6 % of emissions");
  tu_close(&r);
  /* coal 100 t: 190.03 tCO2; 55.68 / 245.71 = 22.7 % */
  coal_and_power(&r, "100", "");
  QUIET(&r, "scope2_dominant");
  tu_close(&r);
  /* the share is of all gases in CO2 equivalent: coal 10 t as above and
     5 kg of SF6 topped up, 0.005 t × 23,900 (SAR) = 119.5 tCO2e;
     55.68 / (55.68 + 19.003 + 119.5) = 28.7 % (of CO2 alone it would be
     the 74.6 % above) */
  coal_and_power(&r, "10",
                 "gases:\n  - {id: GIS, rule: sf6_electrical_equipment, "
                 "top_up: \"5 kg\"}\n");
  TU_NEAR(&r, "carbon.total_tco2e", 55.68 + 19.0029885 + 119.5);
  QUIET(&r, "scope2_dominant");
  tu_close(&r);
}
END_TEST

static void process_and_power(tu_run *r, const char *activity_t)
{
  char body[1024];
  snprintf(body, sizeof body,
           "meters:\n"
           "  - {id: E1, carrier: electricity, level: 1, total: "
           "\"100,000 kWh\"}\n"
           "process_emissions:\n"
           "  - {id: calc, name: {zh: 煅烧, en: Calcination}, activity: \"%s "
           "t\", factor: \"0.525 tCO2/t\", source: {zh: 测算, en: Test}}\n",
           activity_t);
  load(r, head("cement", "2017", "", ""), body);
}

START_TEST(t_process_emissions_large)
{
  tu_run r;
  /* 200 t × 0.525 = 105 tCO2; 105 / (105 + 55.68) = 65.3 % > 30 % */
  process_and_power(&r, "200");
  FIRES(&r, "process_emissions_large", "过程排放105 tCO2占总排放65.3 %",
        "Process emissions of 105 tCO2 are 65.3 % of the total");
  tu_close(&r);
  /* 40 t × 0.525 = 21 tCO2; 21 / 76.68 = 27.4 % */
  process_and_power(&r, "40");
  QUIET(&r, "process_emissions_large");
  tu_close(&r);
}
END_TEST

/* A firm's rules directory adding a fuel with no combustion defaults
   (biogas), layered over the shipped rules. */
static void open_with_biogas(tu_run *r, char *dir)
{
  strcpy(dir, "/tmp/auditgen-firm-XXXXXX");
  ck_assert_ptr_nonnull(mkdtemp(dir));
  char path[256];
  snprintf(path, sizeof path, "%s/carriers.yaml", dir);
  FILE *f = fopen(path, "w");
  ck_assert_ptr_nonnull(f);
  fputs("carriers:\n"
        "  biogas:\n"
        "    name: {zh: 沼气, en: Biogas}\n"
        "    unit: m3\n"
        "    class: fuel\n"
        "    counted: true\n"
        "    coefficient: \"0.7143 kgce/m3\"\n"
        "    source: {zh: 企业测定, en: Firm measurement}\n"
        "    citation: {zh: 企业测定, en: Firm measurement}\n"
        "    verified: true\n",
        f);
  fclose(f);
  memset(r, 0, sizeof *r);
  r->a = arena_new();
  r->dl = diag_new(r->a);
  r->u = units_new();
  const char *dirs[2] = {arena_printf(r->a, "%s/rules", tu_root()), dir};
  bool io;
  r->f = factors_load(r->a, r->dl, r->u, dirs, 2, &io);
  r->checks = checks_load(r->a, r->dl, r->u, dirs, 1, &io);
  ck_assert_msg(r->f && r->checks, "%s", tu_diags(r));
  unlink(path);
  rmdir(dir);
}

START_TEST(t_carbon_factor_missing)
{
  tu_run r;
  char dir[64];
  /* biogas has no carbon defaults and no measured factors: tco2 null */
  open_with_biogas(&r, dir);
  tu_facility(&r, "auditgen: 1\n"
                  "facility:\n"
                  "  name: {zh: 测试厂, en: Test plant}\n"
                  "  industry: cement\n"
                  "  output_value: \"10,000 万元\"\n"
                  "audit:\n"
                  "  period: {from: 2017-01-01, to: 2017-12-31}\n"
                  "meters:\n"
                  "  - {id: G1, carrier: biogas, level: 1, total: "
                  "\"100,000 m3\"}\n");
  ck_assert_msg(r.results != NULL, "%s", tu_diags(&r));
  FIRES(&r, "carbon_factor_missing", "燃料沼气缺少排放因子",
        "Fuel Biogas has no emission factors");
  tu_close(&r);
  /* the same with all three factors measured */
  open_with_biogas(&r, dir);
  tu_facility(&r, "auditgen: 1\n"
                  "facility:\n"
                  "  name: {zh: 测试厂, en: Test plant}\n"
                  "  industry: cement\n"
                  "  output_value: \"10,000 万元\"\n"
                  "audit:\n"
                  "  period: {from: 2017-01-01, to: 2017-12-31}\n"
                  "meters:\n"
                  "  - {id: G1, carrier: biogas, level: 1, total: "
                  "\"100,000 m3\"}\n"
                  "factors:\n"
                  "  biogas:\n"
                  "    ncv: \"21 MJ/m3\"\n"
                  "    carbon_content: \"0.0153 tC/GJ\"\n"
                  "    oxidation: \"99 %\"\n"
                  "    source: {zh: 化验, en: Lab tests}\n");
  ck_assert_msg(r.results != NULL, "%s", tu_diags(&r));
  QUIET(&r, "carbon_factor_missing");
  tu_close(&r);
}
END_TEST

/* }====================================================== */
/* {====================================================== energy */

/* 100,000 kWh in at the boundary, sub_kwh of it metered into the kiln. */
static void power_balance(tu_run *r, const char *sub_kwh)
{
  char body[1024];
  snprintf(body, sizeof body,
           "units:\n"
           "  - {id: kiln, name: {zh: 窑, en: Kiln}, stage: end_use}\n"
           "meters:\n"
           "  - {id: E1, carrier: electricity, level: 1, total: "
           "\"100,000 kWh\"}\n"
           "  - {id: E2, carrier: electricity, level: 2, from: site, to: "
           "kiln, total: \"%s kWh\"}\n",
           sub_kwh);
  load(r, NULL, body);
}

START_TEST(t_loss_ratio_high)
{
  tu_run r;
  /* loss = 100,000 − 94,000 = 6,000 kWh, 6 % > 5 % */
  power_balance(&r, "94,000");
  FIRES(&r, "loss_ratio_high", "输配损失率为6.0 %（6,000.00 kWh）",
        "loss of 6.0 % (6,000.00 kWh)");
  tu_close(&r);
  /* loss = 4,000 kWh, 4 % */
  power_balance(&r, "96,000");
  QUIET(&r, "loss_ratio_high");
  tu_close(&r);
}
END_TEST

START_TEST(t_loss_ratio_moderate)
{
  tu_run r;
  /* loss = 100,000 − 97,000 = 3,000 kWh, 2 % < 3 % <= 5 % */
  power_balance(&r, "97,000");
  FIRES(&r, "loss_ratio_moderate", "输配损失率为3.0 %", "loss ratio 3.0 %");
  QUIET(&r, "loss_ratio_high");
  tu_close(&r);
  /* loss = 1,000 kWh, 1 % <= 2 % */
  power_balance(&r, "99,000");
  QUIET(&r, "loss_ratio_moderate");
  tu_close(&r);
  /* 6 % belongs to loss_ratio_high only */
  power_balance(&r, "94,000");
  QUIET(&r, "loss_ratio_moderate");
  tu_close(&r);
}
END_TEST

START_TEST(t_loss_ratio_negative)
{
  tu_run r;
  /* loss = 100,000 − 101,000 = −1,000 kWh, −1 % < −0.5 % */
  power_balance(&r, "101,000");
  FIRES(&r, "loss_ratio_negative", "比输入多1,000.00 kWh（1.0 %）",
        "add up to 1,000.00 kWh (1.0 %) more than the input");
  tu_close(&r);
  /* loss = −400 kWh, −0.4 % */
  power_balance(&r, "100,400");
  QUIET(&r, "loss_ratio_negative");
  tu_close(&r);
}
END_TEST

/* A balance difference is a loss only when it is one (docs/calculation.md
   Balance). Fresh water, a working medium: 10,000 t in, 5,000 t metered
   into the kiln; the 50 % rest is unmetered use, not a loss — no loss
   finding, no saving (saving_loss_tce 0), loss_tce still shown. */
START_TEST(t_loss_working_medium)
{
  tu_run r;
  load(&r, NULL,
       "units:\n"
       "  - {id: kiln, name: {zh: 窑, en: Kiln}, stage: end_use}\n"
       "meters:\n"
       "  - {id: W1, carrier: fresh_water, level: 1, accuracy: 2.0, total: "
       "\"10,000 t\"}\n"
       "  - {id: W2, carrier: fresh_water, level: 2, from: site, to: kiln, "
       "total: \"5,000 t\"}\n");
  ck_assert_str_eq(tu_str(&r, "energy.balance[fresh_water].loss_kind"),
                   "working_medium");
  ck_assert_str_eq(tu_str(&r, "energy.balance[fresh_water].carrier_class"),
                   "medium");
  ck_assert_str_eq(tu_str(&r, "energy.balance[fresh_water].loss_kind_zh"),
                   "耗能工质，非损失");
  ck_assert(tu_num(&r, "energy.balance[fresh_water].loss_tce") > 0);
  NEAR(&r, "energy.balance[fresh_water].saving_loss_tce", 0);
  QUIET(&r, "loss_ratio_high");
  QUIET(&r, "loss_ratio_moderate");
  QUIET(&r, "loss_ratio_fuel");
  QUIET(&r, "loss_within_uncertainty");
  tu_close(&r);
}
END_TEST

/* Raw coal bought through a 0.1-class truck scale into the yard and
   weighed into the kiln by a 0.5-class belt scale: uncertainty
   √(0.1² + 0.5²) = 0.5099 %. into_kiln 9,950 t of 10,000: 0.5 %, within it
   (the cement sample's 0.50 %): metering uncertainty, no loss, no saving.
   9,700 t: 3 %, a loss of 300 t × 714.3 kgce/t = 214.29 tce with fuel
   advice (storage and handling), never transformer or pipe advice. */
static void coal_balance(tu_run *r, const char *into_kiln)
{
  char body[1024];
  snprintf(body, sizeof body,
           "units:\n"
           "  - {id: yard, name: {zh: 煤场, en: Yard}, stage: distribution}\n"
           "  - {id: kiln, name: {zh: 窑, en: Kiln}, stage: end_use}\n"
           "meters:\n"
           "  - {id: C1, carrier: raw_coal, level: 1, accuracy: 0.1, to: yard, "
           "total: \"10,000 t\"}\n"
           "  - {id: C2, carrier: raw_coal, level: 2, accuracy: 0.5, from: "
           "yard, to: kiln, total: \"%s t\"}\n",
           into_kiln);
  load(r, NULL, body);
}

START_TEST(t_loss_within_uncertainty)
{
  tu_run r;
  coal_balance(&r, "9,950");
  NEAR(&r, "energy.balance[raw_coal].uncertainty_ratio",
       0.0050990195135927848);
  ck_assert_str_eq(tu_str(&r, "energy.balance[raw_coal].loss_kind"),
                   "uncertainty");
  NEAR(&r, "energy.balance[raw_coal].saving_loss_tce", 0);
  FIRES(&r, "loss_within_uncertainty",
        "原煤的平衡差0.5 %不超过所用计量器具的准确度等级（±0.5 %），属计量"
        "不确定度，不作为损失或节能潜力。",
        "Raw coal: the balance difference of 0.5 % is within the accuracy "
        "class of the meters used (±0.5 %): metering uncertainty, not a loss "
        "or a saving potential.");
  QUIET(&r, "loss_ratio_fuel");
  tu_close(&r);
  coal_balance(&r, "9,700");
  ck_assert_str_eq(tu_str(&r, "energy.balance[raw_coal].loss_kind"), "loss");
  NEAR(&r, "energy.balance[raw_coal].saving_loss_tce", 214.29);
  FIRES(&r, "loss_ratio_fuel", "建议核查储存和转运损耗",
        "check storage and handling losses");
  QUIET(&r, "loss_within_uncertainty");
  QUIET(&r, "loss_ratio_moderate");
  QUIET(&r, "loss_ratio_high");
  ck_assert(!finding_mentions(&r, "loss_ratio_fuel", "保温"));
  ck_assert(!finding_mentions(&r, "loss_ratio_fuel", "transformer"));
  tu_close(&r);
  /* the same difference, no accuracy class given: a loss (nothing says
     the meters are that coarse) */
  load(&r, NULL,
       "units:\n"
       "  - {id: kiln, name: {zh: 窑, en: Kiln}, stage: end_use}\n"
       "meters:\n"
       "  - {id: C1, carrier: raw_coal, level: 1, total: \"10,000 t\"}\n"
       "  - {id: C2, carrier: raw_coal, level: 2, from: site, to: kiln, "
       "total: \"9,950 t\"}\n");
  ck_assert(tu_is_null(&r, "energy.balance[raw_coal].uncertainty_ratio"));
  ck_assert_str_eq(tu_str(&r, "energy.balance[raw_coal].loss_kind"), "loss");
  tu_close(&r);
}
END_TEST

/* The advice follows the carrier: electricity gets transformer and line
   losses, heat gets pipe insulation, neither gets the other's. 100 GJ of
   heat, 97 GJ into the kiln: 3 %. */
START_TEST(t_loss_advice_by_carrier)
{
  tu_run r;
  power_balance(&r, "97,000");
  FIRES(&r, "loss_ratio_moderate", "变压器经济运行", "reactive-power");
  ck_assert(!finding_mentions(&r, "loss_ratio_moderate", "保温"));
  ck_assert(!finding_mentions(&r, "loss_ratio_moderate", "insulation"));
  QUIET(&r, "loss_ratio_moderate_heat");
  tu_close(&r);
  load(&r, NULL,
       "units:\n"
       "  - {id: kiln, name: {zh: 窑, en: Kiln}, stage: end_use}\n"
       "meters:\n"
       "  - {id: H1, carrier: heat, level: 1, total: \"100 GJ\"}\n"
       "  - {id: H2, carrier: heat, level: 2, from: site, to: kiln, total: "
       "\"97 GJ\"}\n");
  FIRES(&r, "loss_ratio_moderate_heat", "管网保温", "pipe insulation");
  ck_assert(!finding_mentions(&r, "loss_ratio_moderate_heat", "变压器"));
  QUIET(&r, "loss_ratio_moderate");
  QUIET(&r, "loss_ratio_fuel");
  tu_close(&r);
}
END_TEST

START_TEST(t_no_balance_data)
{
  tu_run r;
  /* the only meter goes to site: no balance row */
  load(&r, NULL,
       "meters:\n"
       "  - {id: E1, carrier: electricity, level: 1, total: \"100,000 kWh\"}\n");
  FIRES(&r, "no_balance_data", "无法进行能量平衡和损失分析",
        "No meter goes into a process unit");
  tu_close(&r);
  /* the same meter into a unit */
  load(&r, NULL,
       "units:\n"
       "  - {id: kiln, name: {zh: 窑, en: Kiln}, stage: end_use}\n"
       "meters:\n"
       "  - {id: E1, carrier: electricity, level: 1, to: kiln, total: "
       "\"100,000 kWh\"}\n");
  QUIET(&r, "no_balance_data");
  tu_close(&r);
}
END_TEST

static void gas_and_power(tu_run *r, const char *gas_m3)
{
  char body[1024];
  snprintf(body, sizeof body,
           "meters:\n"
           "  - {id: G1, carrier: natural_gas, level: 1, total: \"%s m3\"}\n"
           "  - {id: E1, carrier: electricity, level: 1, total: "
           "\"1,000,000 kWh\"}\n",
           gas_m3);
  load(r, NULL, body);
}

START_TEST(t_coefficient_unverified)
{
  tu_run r;
  /* natural gas, reference 1.2143 kgce/m3 (verified: false):
     100,000 m3 → 121.43 tce; power 1,000,000 × 0.1229 = 122.9 tce;
     share 121.43 / 244.33 = 49.7 % > 1 % */
  gas_and_power(&r, "100,000");
  FIRES(&r, "coefficient_unverified", "折标系数1.2143未经标准原文核实，占综合能耗49.7 %",
        "(1.2143 kgce per m3)");
  FIRES(&r, "coefficient_unverified", NULL, "weighs 49.7 % of the total");
  tu_close(&r);
  /* 1,000 m3 → 1.2143 tce; 1.2143 / 124.1143 = 0.98 % <= 1 % */
  gas_and_power(&r, "1,000");
  QUIET(&r, "coefficient_unverified");
  tu_close(&r);
}
END_TEST

START_TEST(t_coal_without_measured_ncv)
{
  tu_run r;
  /* coal 1,000 t × 714.3 / 1000 = 714.3 tce; power 1,000,000 kWh =
     122.9 tce; share 714.3 / 837.2 = 85.3 % > 10 % */
  load(&r, NULL,
       "meters:\n"
       "  - {id: C1, carrier: raw_coal, level: 1, total: \"1,000 t\"}\n"
       "  - {id: E1, carrier: electricity, level: 1, total: "
       "\"1,000,000 kWh\"}\n");
  FIRES(&r, "coal_without_measured_ncv", "原煤占综合能耗85.3 %",
        "Raw coal weighs 85.3 % of the total energy");
  tu_close(&r);
  /* the same with a measured NCV */
  load(&r, NULL,
       "meters:\n"
       "  - {id: C1, carrier: raw_coal, level: 1, total: \"1,000 t\"}\n"
       "  - {id: E1, carrier: electricity, level: 1, total: "
       "\"1,000,000 kWh\"}\n"
       "factors:\n"
       "  raw_coal: {ncv: \"21,500 kJ/kg\", source: {zh: 化验, en: Lab}}\n");
  QUIET(&r, "coal_without_measured_ncv");
  tu_close(&r);
}
END_TEST

START_TEST(t_equal_value_indicative)
{
  tu_run r;
  /* 2016 rate 312 gce/kWh (verified: false): 100,000 kWh × 0.312 / 1000 =
     31.20 tce */
  load(&r, NULL,
       "meters:\n"
       "  - {id: E1, carrier: electricity, level: 1, total: \"100,000 kWh\"}\n");
  FIRES(&r, "equal_value_indicative", "2016年供电煤耗312.0 gce/kWh",
        "The 2016 supply coal rate 312.0 gce/kWh");
  FIRES(&r, "equal_value_indicative", "等价值综合能耗31.20 tce",
        "equal-value total 31.20 tce");
  tu_close(&r);
  /* 2015 rate 315 gce/kWh is verified */
  load(&r, head("cement", "2015", "", ""),
       "meters:\n"
       "  - {id: E1, carrier: electricity, level: 1, total: \"100,000 kWh\"}\n");
  QUIET(&r, "equal_value_indicative");
  tu_close(&r);
}
END_TEST

START_TEST(t_large_energy_user)
{
  tu_run r;
  /* 14,000 t × 714.3 / 1000 = 10,000.2 tce >= 10,000 */
  coal_site(&r, "cement", "14,000");
  FIRES(&r, "large_energy_user", "综合能耗10,000.20 tce",
        "Total energy 10,000.20 tce");
  tu_close(&r);
  /* 13,999 t: 9,999.4857 tce */
  coal_site(&r, "cement", "13,999");
  QUIET(&r, "large_energy_user");
  tu_close(&r);
}
END_TEST

START_TEST(t_missing_prices)
{
  tu_run r;
  /* two carriers bought, only electricity priced: 1 without price */
  load(&r, NULL,
       "meters:\n"
       "  - {id: C1, carrier: raw_coal, level: 1, total: \"1,000 t\"}\n"
       "  - {id: E1, carrier: electricity, level: 1, total: \"100,000 kWh\"}\n"
       "prices:\n"
       "  electricity: \"0.6 CNY/kWh\"\n");
  FIRES(&r, "missing_prices", "有1个外购能源品种未给出价格",
        "No price for 1 purchased carrier:");
  tu_close(&r);
  /* both priced */
  load(&r, NULL,
       "meters:\n"
       "  - {id: C1, carrier: raw_coal, level: 1, total: \"1,000 t\"}\n"
       "  - {id: E1, carrier: electricity, level: 1, total: \"100,000 kWh\"}\n"
       "prices:\n"
       "  electricity: \"0.6 CNY/kWh\"\n"
       "  raw_coal: \"600 CNY/t\"\n");
  QUIET(&r, "missing_prices");
  tu_close(&r);
}
END_TEST

/* A month's unit consumption more than 15 % from the annual value
   (rules/checks/energy.yaml); January, −2.5 %, is quiet. */
START_TEST(t_monthly_unit_consumption)
{
  tu_run r;
  load(&r, NULL,
       "units:\n"
       "  - {id: plant, name: {zh: 车间, en: Plant}, stage: end_use}\n"
       "meters:\n"
       "  - {id: E1, carrier: electricity, level: 1, to: plant, monthly: ["
       "\"10,000 kWh\", \"8,000 kWh\", \"10,000 kWh\", \"10,000 kWh\", "
       "\"10,000 kWh\", \"10,000 kWh\", \"10,000 kWh\", \"10,000 kWh\", "
       "\"10,000 kWh\", \"10,000 kWh\", \"10,000 kWh\", \"10,000 kWh\"]}\n"
       "products:\n"
       "  - {id: p, name: {zh: 产品, en: Product}, quantity: \"1,150 t\", "
       "units: [plant], monthly: [\"100 t\", \"50 t\", \"100 t\", \"100 t\", "
       "\"100 t\", \"100 t\", \"100 t\", \"100 t\", \"100 t\", \"100 t\", "
       "\"100 t\", \"100 t\"]}\n");
  /* annual 118,000 × 0.1229 / 1,150 = 12.61 kgce/t; February 19.664,
     19.664 / 12.6106… − 1 = 55.9 %; output 50 / 95.83 = 52.2 % */
  FIRES(&r, "monthly_unit_consumption_high",
        "产品2016-02的单位产品综合能耗为19.66 kgce/t，比全年值12.61 kgce/t高55.9 %",
        "Product, 2016-02: unit consumption 19.66 kgce/t, 55.9 % above the "
        "annual value of 12.61 kgce/t; the month's output was 50 t, 52.2 % "
        "of the monthly mean.");
  QUIET(&r, "monthly_unit_consumption_low");
  tu_close(&r);
  /* below: six months, each 10 t and 1,000 kWh, June 700 kWh: annual 5,700 × 0.1229 / 60 = 11.6755;
     June 700 × 0.1229 / 10 = 8.603, 700 / 950 − 1 = −26.3 % */
  load(&r, "auditgen: 1\n"
           "facility:\n"
           "  name: {zh: 测试厂, en: Test plant}\n"
           "  industry: cement\n"
           "audit:\n"
           "  period: {from: 2016-03-01, to: 2016-08-31}\n",
       "units:\n"
       "  - {id: plant, name: {zh: 车间, en: Plant}, stage: end_use}\n"
       "meters:\n"
       "  - {id: E1, carrier: electricity, level: 1, to: plant, monthly: ["
       "\"1,000 kWh\", \"1,000 kWh\", \"1,000 kWh\", \"700 kWh\", "
       "\"1,000 kWh\", \"1,000 kWh\"]}\n"
       "products:\n"
       "  - {id: p, name: {zh: 产品, en: Product}, quantity: \"60 t\", "
       "units: [plant], monthly: [\"10 t\", \"10 t\", \"10 t\", \"10 t\", "
       "\"10 t\", \"10 t\"]}\n");
  FIRES(&r, "monthly_unit_consumption_low", "低26.3 %",
        "Product, 2016-06: unit consumption 8.60 kgce/t, 26.3 % below the "
        "annual value of 11.68 kgce/t; the month's output was 10 t, 100.0 % "
        "of the monthly mean.");
  QUIET(&r, "monthly_unit_consumption_high");
  tu_close(&r);
  /* no monthly output: quiet */
  load(&r, NULL,
       "meters:\n"
       "  - {id: E1, carrier: electricity, level: 1, total: \"100 kWh\"}\n"
       "products:\n"
       "  - {id: p, name: {zh: 产品, en: Product}, quantity: \"1 t\"}\n");
  QUIET(&r, "monthly_unit_consumption_high");
  QUIET(&r, "monthly_unit_consumption_low");
  tu_close(&r);
}
END_TEST

START_TEST(t_monthly_data_incomplete)
{
  tu_run r;
  /* an annual total only */
  load(&r, NULL,
       "meters:\n"
       "  - {id: E1, carrier: electricity, level: 1, total: \"12,000 kWh\"}\n");
  FIRES(&r, "monthly_data_incomplete", "部分能源品种只有年度数据",
        "Some carriers have only annual data");
  tu_close(&r);
  /* the same 12,000 kWh as twelve monthly values */
  load(&r, NULL,
       "meters:\n"
       "  - {id: E1, carrier: electricity, level: 1, monthly: [\"1,000 kWh\", "
       "\"1,000 kWh\", \"1,000 kWh\", \"1,000 kWh\", \"1,000 kWh\", "
       "\"1,000 kWh\", \"1,000 kWh\", \"1,000 kWh\", \"1,000 kWh\", "
       "\"1,000 kWh\", \"1,000 kWh\", \"1,000 kWh\"]}\n");
  QUIET(&r, "monthly_data_incomplete");
  tu_close(&r);
}
END_TEST

static void intensity_base(tu_run *r, const char *base)
{
  char body[1024];
  snprintf(body, sizeof body,
           "meters:\n"
           "  - {id: E1, carrier: electricity, level: 1, total: "
           "\"1,000,000 kWh\"}\n"
           "baseline:\n"
           "  period: {from: 2015-01-01, to: 2015-12-31}\n"
           "  output_value_intensity: \"%s tce/万元\"\n",
           base);
  load(r, NULL, body);
}

START_TEST(t_intensity_increased)
{
  tu_run r;
  /* 1,000,000 kWh × 0.1229 = 122.9 tce / 10,000 万元 = 0.01229 tce/万元;
     saving = (0.01 − 0.01229) × 10,000 = −22.9 tce */
  intensity_base(&r, "0.01");
  FIRES(&r, "intensity_increased", "折合多用能22.90 tce",
        "22.90 tce more energy used");
  tu_close(&r);
  /* base 0.015: saving = (0.015 − 0.01229) × 10,000 = +27.1 tce */
  intensity_base(&r, "0.015");
  QUIET(&r, "intensity_increased");
  tu_close(&r);
}
END_TEST

/* Clinker 1,000 t from a kiln taking 970,000 kWh: 970,000 × 0.1229 / 1000
   = 119.213 tce, 119.213 kgce/t; base unit consumption as given. */
static void clinker_base(tu_run *r, const char *base)
{
  char body[1024];
  snprintf(body, sizeof body,
           "units:\n"
           "  - {id: kiln, name: {zh: 窑, en: Kiln}, stage: end_use}\n"
           "meters:\n"
           "  - {id: E1, carrier: electricity, level: 1, to: kiln, total: "
           "\"970,000 kWh\"}\n"
           "products:\n"
           "  - {id: clinker, name: {zh: 熟料, en: Clinker}, quantity: "
           "\"1,000 t\", units: [kiln]}\n"
           "baseline:\n"
           "  period: {from: 2015-01-01, to: 2015-12-31}\n"
           "  products:\n"
           "    - {id: clinker, unit_consumption: \"%s kgce/t\"}\n",
           base);
  load(r, NULL, body);
}

/* Was a CHECK FAULT, fixed since (the test is registered): product_unit_consumption_increased and
   product_savings_achieved name the product by its id ({.id}):
   "产品clinker单位产品能耗由基期100.00升至119.21 kgce" / "Product clinker:
   …", where every other product finding uses the product's name (熟料 /
   Clinker); savings.products carries no name. The tests assert the text as
   it should read; they are not registered. */
START_TEST(t_product_unit_consumption_increased)
{
  tu_run r;
  /* saving = (100 − 119.213) × 1,000 t / 1000 = −19.213 tce */
  clinker_base(&r, "100");
  FIRES(&r, "product_unit_consumption_increased", "由基期100.00升至119.21 kgce",
        "rose from 100.00 to 119.21 kgce/t");
  FIRES(&r, "product_unit_consumption_increased", "多用能19.21 tce",
        "19.21 tce more");
  FIRES(&r, "product_unit_consumption_increased", "产品熟料", "Clinker");
  tu_close(&r);
  /* base 150: saving = (150 − 119.213) × 1 = +30.787 tce */
  clinker_base(&r, "150");
  QUIET(&r, "product_unit_consumption_increased");
  tu_close(&r);
}
END_TEST

/* A unit consumption more than 3 times the base period's, or less than a
   third of it, compares two boundaries, not two years: no saving or
   excess is computed and base_period_not_comparable says why. Reporting
   119.213 kgce/t (clinker_base). */
START_TEST(t_base_period_not_comparable)
{
  tu_run r;
  /* 119.213 / 39.7 = 3.0028 > 3: not comparable */
  clinker_base(&r, "39.7");
  ck_assert(tu_is_null(&r, "savings.products[clinker].saving_tce"));
  ck_assert(tu_is_null(&r, "savings.products[clinker].saving_rate"));
  ck_assert(!val_path(r.results, "savings.products[clinker].comparable")->b);
  ck_assert_double_eq_tol(tu_num(&r, "savings.products[clinker].ratio"),
                          119.213 / 39.7, 1e-9);
  FIRES(&r, "base_period_not_comparable",
        "产品熟料单位产品综合能耗由基期39.70 kgce/t变为审计期119.21 kgce/t，为基期的"
        "3.00倍：变化超过3倍",
        "Clinker: unit consumption went from 39.70 kgce/t in the base period "
        "to 119.21 kgce/t, 3.00 times the base: a change of more than 3 times "
        "points to different boundaries");
  QUIET(&r, "product_unit_consumption_increased");
  QUIET(&r, "product_savings_achieved");
  tu_close(&r);
  /* 119.213 / 39.8 = 2.9953 ≤ 3: a real rise; saving = (39.8 − 119.213)
     × 1,000 t / 1000 = −79.413 tce */
  clinker_base(&r, "39.8");
  ck_assert_double_eq_tol(tu_num(&r, "savings.products[clinker].saving_tce"),
                          -79.413, 1e-9);
  ck_assert(val_path(r.results, "savings.products[clinker].comparable")->b);
  QUIET(&r, "base_period_not_comparable");
  FIRES(&r, "product_unit_consumption_increased", NULL, "79.41 tce more");
  tu_close(&r);
  /* 119.213 / 357.7 = 0.33328 < 1/3: not comparable (a fall as large) */
  clinker_base(&r, "357.7");
  ck_assert(tu_is_null(&r, "savings.products[clinker].saving_tce"));
  FIRES(&r, "base_period_not_comparable", "为基期的0.33倍", "0.33 times");
  QUIET(&r, "product_savings_achieved");
  tu_close(&r);
  /* 119.213 / 357.6 = 0.33337 ≥ 1/3: saving = (357.6 − 119.213) × 1 =
     238.387 tce */
  clinker_base(&r, "357.6");
  ck_assert_double_eq_tol(tu_num(&r, "savings.products[clinker].saving_tce"),
                          238.387, 1e-9);
  QUIET(&r, "base_period_not_comparable");
  FIRES(&r, "product_savings_achieved", NULL, "saved 238.39 tce");
  tu_close(&r);
}
END_TEST

/* The same for energy per 10⁴ CNY of output value: reporting 0.01229
   tce/万元 (intensity_base). */
START_TEST(t_base_intensity_not_comparable)
{
  tu_run r;
  /* 0.01229 / 0.004 = 3.0725 > 3 */
  intensity_base(&r, "0.004");
  ck_assert(tu_is_null(&r, "savings.output_value_saving_tce"));
  ck_assert(!val_path(r.results, "savings.output_value_comparable")->b);
  FIRES(&r, "base_intensity_not_comparable", "审计期为基期的3.07倍",
        "is 3.07 times the base period's");
  QUIET(&r, "intensity_increased");
  tu_close(&r);
  /* 0.01229 / 0.0041 = 2.9976: saving = (0.0041 − 0.01229) × 10,000 万元
     = −81.9 tce */
  intensity_base(&r, "0.0041");
  ck_assert_double_eq_tol(tu_num(&r, "savings.output_value_saving_tce"),
                          -81.9, 1e-9);
  QUIET(&r, "base_intensity_not_comparable");
  FIRES(&r, "intensity_increased", NULL, "81.90 tce more energy used");
  tu_close(&r);
  /* 0.01229 / 0.037 = 0.33216 < 1/3 */
  intensity_base(&r, "0.037");
  ck_assert(tu_is_null(&r, "savings.output_value_saving_tce"));
  FIRES(&r, "base_intensity_not_comparable", "0.33倍", "0.33 times");
  tu_close(&r);
  /* 0.01229 / 0.0368 = 0.33397: saving = (0.0368 − 0.01229) × 10,000 =
     245.1 tce */
  intensity_base(&r, "0.0368");
  ck_assert_double_eq_tol(tu_num(&r, "savings.output_value_saving_tce"),
                          245.1, 1e-9);
  QUIET(&r, "base_intensity_not_comparable");
  tu_close(&r);
}
END_TEST

START_TEST(t_product_savings_achieved)
{
  tu_run r;
  /* saving = (150 − 119.213) × 1,000 t / 1000 = 30.787 tce;
     rate = 30.787 / 150 = 20.5 % */
  clinker_base(&r, "150");
  FIRES(&r, "product_savings_achieved", "实现节能量30.79 tce（单耗下降20.5 %）",
        "saved 30.79 tce against the base period (unit consumption down "
        "20.5 %)");
  FIRES(&r, "product_savings_achieved", "产品熟料", "Clinker");
  tu_close(&r);
  /* base 100: saving −19.213 tce */
  clinker_base(&r, "100");
  QUIET(&r, "product_savings_achieved");
  tu_close(&r);
}
END_TEST

/* }====================================================== */
/* {====================================================== equipment */

/* A grate boiler, 10 t/h, bituminous class II coal: GB 24500-2020 grades
   85 / 82 / 80 %; fields appended to its flow map. */
static void boiler(tu_run *r, const char *fields)
{
  char body[1024];
  snprintf(body, sizeof body,
           "units:\n"
           "  - {id: boiler, name: {zh: 锅炉房, en: Boiler house}, stage: "
           "end_use}\n"
           "meters:\n"
           "  - {id: C1, carrier: raw_coal, level: 1, to: boiler, total: "
           "\"1,000 t\"}\n"
           "equipment:\n"
           "  - {id: B1, kind: industrial_boiler, name: {zh: 1#锅炉, en: No.1 "
           "boiler}, unit: boiler, fuel: raw_coal, type: grate, coal_class: "
           "bituminous_II, capacity: \"10 t/h\"%s}\n",
           fields);
  load(r, HEAD_2023, body);
}

/* Was a CHECK FAULT, fixed since (the test is registered): equipment_below_limit prints the indicator key
   ({.indicator}): "设备1#锅炉（层燃燃煤锅炉 ≤20 t/h 烟煤Ⅱ类）实测efficiency
   低于GB 24500-2020的能效限定值" — an English key in the Chinese text. For an
   air compressor (indicator specific_power, lower is better) both texts say
   "实测specific_power低于…限定值" / "measured specific_power is below the
   minimum allowable value" while the value (9.9 kW/(m3/min)) is ABOVE the
   limit (7.1): the direction is wrong. Facility:
     - {id: AC1, kind: air_compressor, name: {zh: 空压机, en: Compressor},
        type: oil_injected_rotary, capacity: "250 kW", pressure: "0.8 MPa",
        cooling: air, specific_power: "9.9 kW/(m3/min)"}
   The test asserts the text as it should read; it is not registered. */
START_TEST(t_equipment_below_limit)
{
  tu_run r;
  /* 78 % < 80 % (limit) */
  boiler(&r, ", rated: {efficiency: \"78 %\"}");
  FIRES(&r, "equipment_below_limit", "设备1#锅炉", "No.1 boiler");
  FIRES(&r, "equipment_below_limit", "GB 24500-2020的能效限定值",
        "minimum allowable value of GB 24500-2020");
  const char *zh, *en;
  ck_assert(has_finding(&r, "equipment_below_limit", &zh, &en));
  ck_assert_ptr_null(strstr(zh, "efficiency"));
  tu_close(&r);
  /* 81 % >= 80 % */
  boiler(&r, ", rated: {efficiency: \"81 %\"}");
  QUIET(&r, "equipment_below_limit");
  tu_close(&r);
  /* a compressor above its limit 7.1 kW/(m3/min) */
  load(&r, HEAD_2023,
       "meters:\n"
       "  - {id: E1, carrier: electricity, level: 1, total: \"100,000 kWh\"}\n"
       "equipment:\n"
       "  - {id: AC1, kind: air_compressor, name: {zh: 空压机, en: "
       "Compressor}, type: oil_injected_rotary, capacity: \"250 kW\", "
       "pressure: \"0.8 MPa\", cooling: air, rated: {specific_power: \"9.9 "
       "kW/(m3/min)\"}}\n");
  ck_assert(has_finding(&r, "equipment_below_limit", &zh, &en));
  ck_assert_ptr_null(strstr(zh, "specific_power"));
  ck_assert_ptr_null(strstr(en, "is below"));
  tu_close(&r);
}
END_TEST

START_TEST(t_equipment_grade_3)
{
  tu_run r;
  /* 80 % <= 81 % < 82 %: grade 3 */
  boiler(&r, ", rated: {efficiency: \"81 %\"}");
  FIRES(&r, "equipment_grade_3", "设备1#锅炉仅达到GB 24500-2020的3级能效",
        "No.1 boiler reaches only efficiency grade 3 of GB 24500-2020");
  tu_close(&r);
  /* 82 % <= 83 % < 85 %: grade 2 */
  boiler(&r, ", rated: {efficiency: \"83 %\"}");
  QUIET(&r, "equipment_grade_3");
  tu_close(&r);
}
END_TEST

START_TEST(t_equipment_not_graded)
{
  tu_run r;
  /* no rated efficiency: the class fits, but nothing to grade */
  boiler(&r, "");
  FIRES(&r, "equipment_not_graded", "设备1#锅炉未按GB 24500-2020评定能效等级：未给出额定效率（铭牌值）。",
        "No.1 boiler is not graded against GB 24500-2020: no rated "
        "(nameplate) efficiency is given.");
  tu_close(&r);
  /* with 83 %: grade 2 */
  boiler(&r, ", rated: {efficiency: \"83 %\"}");
  QUIET(&r, "equipment_not_graded");
  tu_close(&r);
  /* below the limit is not "not graded" */
  boiler(&r, ", rated: {efficiency: \"78 %\"}");
  QUIET(&r, "equipment_not_graded");
  tu_close(&r);
}
END_TEST

/* A motor on the site; fields is the rest of its flow map. */
static void motor(tu_run *r, const char *fields)
{
  char body[1024];
  snprintf(body, sizeof body,
           "meters:\n"
           "  - {id: E1, carrier: electricity, level: 1, total: \"100,000 "
           "kWh\"}\n"
           "equipment:\n"
           "  - {id: MT1, kind: motor, name: {zh: 1#电机, en: No.1 motor}%s}\n",
           fields);
  load(r, HEAD_2023, body); /* GB 18613-2020 in force */
}

static void not_applicable(const tu_run *r, const char *id)
{
  const char *p = arena_printf(r->a, "equipment[%s].", id);
  ck_assert(tu_is_null(r, arena_printf(r->a, "%sgrade", p)));
  ck_assert_str_eq(tu_str(r, arena_printf(r->a, "%sstatus", p)),
                   "not_applicable");
  ck_assert_str_eq(tu_str(r, arena_printf(r->a, "%sstatus_zh", p)), "不适用");
  ck_assert_str_eq(tu_str(r, arena_printf(r->a, "%sstatus_en", p)),
                   "Not applicable");
}

/* An item no class fits says which of its keys no class accepts, in
   both languages; a motor's reason adds what GB 18613 covers. */
START_TEST(t_equipment_no_class_reason)
{
  tu_run r;
  /* a 10 kV 2,800 kW motor, 4 poles: only the power is out of the table */
  motor(&r, ", capacity: \"2,800 kW\", poles: 4, rated: {efficiency: \"95.8 %\"}");
  not_applicable(&r, "MT1");
  const char *en = tu_str(&r, "equipment[MT1].not_graded_en");
  const char *zh = tu_str(&r, "equipment[MT1].not_graded_zh");
  static const char want[] = "its capacity of 2,800 kW is outside the "
                             "classes of GB 18613-2020 (above 0.09 kW to "
                             "1,000 kW). GB 18613-2020 covers low-voltage";
  ck_assert_msg(strncmp(en, want, strlen(want)) == 0, "%s", en);
  ck_assert_ptr_nonnull(strstr(en, "high-voltage motors above 1000 V fall "
                                   "under GB 30254"));
  ck_assert_ptr_null(strstr(en, "poles are"));
  ck_assert_ptr_null(strstr(en, "fuel"));
  ck_assert_msg(strncmp(zh, "容量2,800 kW超出GB 18613-2020各类别的范围（0.09 "
                            "kW以上至1,000 kW）。GB 18613-2020适用于额定电压"
                            "1000 V及以下",
                        strlen("容量2,800 kW超出GB 18613-2020各类别的范围（0.09 "
                               "kW以上至1,000 kW）。GB 18613-2020适用于额定电压"
                               "1000 V及以下")) == 0,
                "%s", zh);
  ck_assert_ptr_nonnull(strstr(zh, "高压电动机适用GB 30254"));
  FIRES(&r, "equipment_not_graded", "设备1#电机未按GB 18613-2020评定能效等级：容量2,800 kW",
        "No.1 motor is not graded against GB 18613-2020: its capacity of "
        "2,800 kW");
  tu_close(&r);
  /* 250 kW without poles: the poles alone */
  motor(&r, ", capacity: \"250 kW\", rated: {efficiency: \"95.1 %\"}");
  not_applicable(&r, "MT1");
  en = tu_str(&r, "equipment[MT1].not_graded_en");
  ck_assert_msg(strncmp(en, "no number of poles is given, and GB 18613-2020 "
                            "grades by poles (2, 4, 6, 8). GB 18613-2020 "
                            "covers",
                        strlen("no number of poles is given, and GB "
                               "18613-2020 grades by poles (2, 4, 6, 8). GB "
                               "18613-2020 covers")) == 0,
                "%s", en);
  ck_assert_ptr_nonnull(strstr(tu_str(&r, "equipment[MT1].not_graded_zh"),
                               "未给出极数，GB 18613-2020按极数（2、4、6、8极）分级。"));
  tu_close(&r);
  /* 16 poles and 2,000 kW: both, poles first */
  motor(&r, ", capacity: \"2,000 kW\", poles: 16, rated: {efficiency: \"95 %\"}");
  en = tu_str(&r, "equipment[MT1].not_graded_en");
  ck_assert_msg(strncmp(en, "16 poles are not among those GB 18613-2020 grades "
                            "(2, 4, 6, 8 poles); its capacity of 2,000 kW is "
                            "outside",
                        strlen("16 poles are not among those GB 18613-2020 "
                               "grades (2, 4, 6, 8 poles); its capacity of "
                               "2,000 kW is outside")) == 0,
                "%s", en);
  tu_close(&r);
  /* no capacity at all */
  motor(&r, ", poles: 4, rated: {efficiency: \"95 %\"}");
  ck_assert_ptr_nonnull(strstr(tu_str(&r, "equipment[MT1].not_graded_en"),
                               "no capacity is given, and GB 18613-2020 "
                               "grades by capacity"));
  tu_close(&r);
  /* 250 kW, 4 poles, 95.1 %: a class fits; graded or not reached, never
     "not applicable" */
  motor(&r, ", capacity: \"250 kW\", poles: 4, rated: {efficiency: \"95.1 %\"}");
  ck_assert(val_path(r.results, "equipment[MT1].not_graded_en") == NULL);
  ck_assert_str_ne(tu_str(&r, "equipment[MT1].status"), "not_applicable");
  tu_close(&r);
  /* a grate boiler on coal without its design coal class: among the grate
     classes, the coal class is what is missing */
  load(&r, NULL,
       "meters:\n"
       "  - {id: C1, carrier: raw_coal, level: 1, total: \"1,000 t\"}\n"
       "equipment:\n"
       "  - {id: B1, kind: industrial_boiler, name: {zh: 1#锅炉, en: No.1 "
       "boiler}, fuel: raw_coal, type: grate, capacity: \"10 t/h\", "
       "rated: {efficiency: \"80 %\"}}\n");
  not_applicable(&r, "B1");
  ck_assert_str_eq(tu_str(&r, "equipment[B1].not_graded_en"),
                   "no design coal class is given, and GB 24500-2020 grades "
                   "by design coal class");
  ck_assert_str_eq(tu_str(&r, "equipment[B1].not_graded_zh"),
                   "未给出设计煤种，GB 24500-2020按设计煤种分级");
  tu_close(&r);
  /* a compressor without its type */
  load(&r, NULL,
       "meters:\n"
       "  - {id: E1, carrier: electricity, level: 1, total: \"100,000 kWh\"}\n"
       "equipment:\n"
       "  - {id: AC1, kind: air_compressor, name: {zh: 空压机, en: "
       "Compressor}, capacity: \"250 kW\", pressure: \"0.8 MPa\", cooling: "
       "air, rated: {specific_power: \"7.4 kW/(m3/min)\"}}\n");
  not_applicable(&r, "AC1");
  ck_assert_str_eq(tu_str(&r, "equipment[AC1].not_graded_en"),
                   "no type is given, and GB 19153-2019 grades by type");
  tu_close(&r);
}
END_TEST

/* Below the limit is "not reached" (未达限定值), a grade is "Grade n":
   the grade column no longer shows "—" for both. */
START_TEST(t_equipment_status)
{
  tu_run r;
  /* 78 % < 80 % (limit) */
  boiler(&r, ", rated: {efficiency: \"78 %\"}");
  ck_assert(tu_is_null(&r, "equipment[B1].grade"));
  ck_assert_str_eq(tu_str(&r, "equipment[B1].status"), "not_reached");
  ck_assert_str_eq(tu_str(&r, "equipment[B1].status_zh"), "未达限定值");
  ck_assert_str_eq(tu_str(&r, "equipment[B1].status_en"), "Not reached");
  tu_close(&r);
  /* 82 % <= 83 % < 85 %: grade 2 */
  boiler(&r, ", rated: {efficiency: \"83 %\"}");
  ck_assert_str_eq(tu_str(&r, "equipment[B1].status"), "graded");
  ck_assert_str_eq(tu_str(&r, "equipment[B1].status_zh"), "2级");
  ck_assert_str_eq(tu_str(&r, "equipment[B1].status_en"), "Grade 2");
  tu_close(&r);
  /* 80 % exactly: the limit, grade 3 */
  boiler(&r, ", rated: {efficiency: \"80 %\"}");
  ck_assert_str_eq(tu_str(&r, "equipment[B1].status_zh"), "3级");
  tu_close(&r);
  /* no rated efficiency: "no rated value", also when a measured one is
     given (a measured value is never graded against GB 24500) */
  boiler(&r, "");
  ck_assert(tu_is_null(&r, "equipment[B1].grade"));
  ck_assert_str_eq(tu_str(&r, "equipment[B1].status"), "no_rated");
  ck_assert_str_eq(tu_str(&r, "equipment[B1].status_zh"), "无额定值");
  ck_assert_str_eq(tu_str(&r, "equipment[B1].status_en"), "No rated value");
  tu_close(&r);
  boiler(&r, ", efficiency: \"70 %\"");
  ck_assert_str_eq(tu_str(&r, "equipment[B1].status"), "no_rated");
  ck_assert(tu_is_null(&r, "equipment[B1].meets_limit"));
  tu_close(&r);
}
END_TEST

/* A pump in a pump house; fields is the rest of its flow map. */
static void pump(tu_run *r, const char *fields)
{
  char body[1024];
  snprintf(body, sizeof body,
           "units:\n"
           "  - {id: ph, name: {zh: 泵房, en: Pump house}, stage: end_use}\n"
           "meters:\n"
           "  - {id: E1, carrier: electricity, level: 1, to: ph, total: "
           "\"100,000 kWh\"}\n"
           "equipment:\n"
           "  - {id: P1, kind: pump, name: {zh: 1#水泵, en: No.1 pump}, "
           "unit: ph%s}\n",
           fields);
  load(r, HEAD_2026, body);
}

/* GB 19762-2025, clean-water single-suction pump, 100 m3/h, 32 m,
   2,900 r/min (docs/calculation.md, worked):
   Q = 100 / 3600 = 0.0277778 m3/s, √Q = 0.1666667, 32^0.75 = 13.4543426;
   ns = 3.65 × 2900 × 0.1666667 / 13.4543426 = 131.12247200;
   ln ns = 4.8761318, ln 100 = 4.6051702;
   f = −8.44 × 23.7766612 − 0.48 × 21.2075924 + 0.09 × 22.4554167
       + 84.63 × 4.8761318 + 8.5 × 4.6051702 = 242.97730229;
   band [5, 300] m3/h: C = 161.33 / 163.33 / 168.33 →
   η = 81.647302 / 79.647302 / 74.647302 %. */
START_TEST(t_pump_single_suction)
{
  tu_run r;
  pump(&r, ", type: single_suction, flow: \"100 m3/h\", head: \"32 m\", "
           "speed: \"2,900 r/min\", rated: {efficiency: \"78 %\"}");
  TU_NEAR(&r, "equipment[P1].specific_speed", 131.1224720031646);
  TU_NEAR(&r, "equipment[P1].limit_formula_pct", 242.9773022854306);
  TU_NEAR(&r, "equipment[P1].grades[0]", 0.8164730228543058);
  TU_NEAR(&r, "equipment[P1].grades[2]", 0.7464730228543058);
  /* 78 % < 79.65 % (grade 2), ≥ 74.65 % (grade 3) */
  TU_NEAR(&r, "equipment[P1].grade", 3);
  FIRES(&r, "equipment_grade_3", "1#水泵仅达到GB 19762-2025的3级",
        "No.1 pump reaches only efficiency grade 3 of GB 19762-2025");
  tu_close(&r);
  /* 74 % < 74.65 %: below the limit */
  pump(&r, ", type: single_suction, flow: \"100 m3/h\", head: \"32 m\", "
           "speed: \"2,900 r/min\", rated: {efficiency: \"74 %\"}");
  ck_assert(tu_is_null(&r, "equipment[P1].grade"));
  FIRES(&r, "equipment_below_limit", "GB 19762-2025", "GB 19762-2025");
  tu_close(&r);
  /* 300 m3/h is the top of the first band (closed): C1 = 161.33, not the
     second band's 162.33. f(300) − 161.33 is checked against f − C1 of the
     same run: grades[0] = (limit_formula_pct − 161.33) / 100. */
  pump(&r, ", type: single_suction, flow: \"300 m3/h\", head: \"32 m\", "
           "speed: \"2,900 r/min\", rated: {efficiency: \"78 %\"}");
  TU_NEAR(&r, "equipment[P1].grades[0]",
         (tu_num(&r, "equipment[P1].limit_formula_pct") - 161.33) / 100.0);
  tu_close(&r);
}
END_TEST

/* A fan in a fan house (GB 19761-2020); fields is the rest of its map. */
static void fan(tu_run *r, const char *fields)
{
  char body[1024];
  snprintf(body, sizeof body,
           "units:\n"
           "  - {id: fh, name: {zh: 风机房, en: Fan house}, stage: end_use}\n"
           "meters:\n"
           "  - {id: E1, carrier: electricity, level: 1, to: fh, total: "
           "\"100,000 kWh\"}\n"
           "equipment:\n"
           "  - {id: F1, kind: fan, name: {zh: 1#风机, en: No.1 fan}, "
           "unit: fh%s}\n",
           fields);
  load(r, HEAD_2026, body);
}

/* GB 19761-2020 表2, centrifugal 0.35 ≤ ψ < 0.45, 65 ≤ ns < 80 (row
   GB19761-R000019), machine number column No5 ≤ No < No10: grades
   1/2/3 = 87 / 82 / 73 %. Each band end is closed as the table closes
   it: ψ 0.45 is in the next row up (0.45 ≤ ψ < 0.55, where ns 72 is in
   no band: 50 ≤ ns < 70 ends below 72); No10 is in the last column
   (No ≥ 10: 89 / 84 / 76 %). */
START_TEST(t_fan_table_bounds)
{
  tu_run r;
  /* inside: ψ 0.35 (lower end, closed), ns 65 (closed), No5 (closed);
     85 % ≥ 82 % (grade 2), < 87 % (grade 1) */
  fan(&r, ", type: centrifugal, pressure_coefficient: 0.35, "
          "specific_speed: 65, machine_number: 5, "
          "rated: {efficiency: \"85 %\"}");
  TU_NEAR(&r, "equipment[F1].grades[0]", 0.87);
  TU_NEAR(&r, "equipment[F1].grades[2]", 0.73);
  TU_NEAR(&r, "equipment[F1].grade", 2);
  tu_close(&r);
  /* No 9.99 still in No5 ≤ No < No10; 87 % = grade 1's 87 % → grade 1 */
  fan(&r, ", type: centrifugal, pressure_coefficient: 0.4499, "
          "specific_speed: 79.9, machine_number: 9.99, "
          "rated: {efficiency: \"87 %\"}");
  TU_NEAR(&r, "equipment[F1].grade", 1);
  tu_close(&r);
  /* No10 (closed lower end of No ≥ No10): 89 / 84 / 76 %; 85 % → 2 */
  fan(&r, ", type: centrifugal, pressure_coefficient: 0.43, "
          "specific_speed: 72, machine_number: 10, "
          "rated: {efficiency: \"85 %\"}");
  TU_NEAR(&r, "equipment[F1].grades[0]", 0.89);
  TU_NEAR(&r, "equipment[F1].grade", 2);
  tu_close(&r);
  /* 72.9 % < 73 % (grade 3 of No5–No10): below the limit */
  fan(&r, ", type: centrifugal, pressure_coefficient: 0.43, "
          "specific_speed: 72, machine_number: 8, "
          "rated: {efficiency: \"72.9 %\"}");
  ck_assert(tu_is_null(&r, "equipment[F1].grade"));
  ck_assert_str_eq(tu_str(&r, "equipment[F1].status"), "not_reached");
  FIRES(&r, "equipment_below_limit", "GB 19761-2020", "GB 19761-2020");
  tu_close(&r);
  /* ψ 0.45 (open upper end of 0.35–0.45): the next row up, 0.45 ≤ ψ <
     0.55, has no band with ns 72: the reason names the specific speed */
  fan(&r, ", type: centrifugal, pressure_coefficient: 0.45, "
          "specific_speed: 72, machine_number: 8, "
          "rated: {efficiency: \"85 %\"}");
  ck_assert(tu_is_null(&r, "equipment[F1].grade"));
  ck_assert_str_eq(tu_str(&r, "equipment[F1].not_graded_en"),
                   "its specific speed of 72 is in no class of GB 19761-2020 "
                   "(the classes together cover [10, 70)). GB 19761-2020 "
                   "grades in four tables: centrifugal fans (Table 1: 0.95 ≤ "
                   "ψ < 1.55; Table 2: 0.25 ≤ ψ < 0.95), axial fans (Table "
                   "3, by hub ratio) and external-rotor direct-drive "
                   "forward-curved centrifugal fans (Table 4); give type, "
                   "pressure coefficient (hub ratio for axial fans), specific "
                   "speed (not for axial fans) and machine number");
  tu_close(&r);
  /* ψ 0.2 is below every centrifugal row: the reason names ψ and the
     span [0.25, 1.55) */
  fan(&r, ", type: centrifugal, pressure_coefficient: 0.2, "
          "specific_speed: 72, machine_number: 8, "
          "rated: {efficiency: \"85 %\"}");
  ck_assert(strstr(tu_str(&r, "equipment[F1].not_graded_en"),
                   "its pressure coefficient of 0.2 is in no class of "
                   "GB 19761-2020 (the classes together cover [0.25, 1.55))"));
  ck_assert(strstr(tu_str(&r, "equipment[F1].not_graded_zh"),
                   "压力系数0.2不在GB 19761-2020任一类别的范围内（类别合计覆盖"
                   "[0.25, 1.55)）"));
  tu_close(&r);
  /* No3.5 itself is in neither No2 < No < No3.5 nor No3.5 < No < No5
     (表2 as transcribed): no class, the reason names the machine number */
  fan(&r, ", type: centrifugal, pressure_coefficient: 0.43, "
          "specific_speed: 72, machine_number: 3.5, "
          "rated: {efficiency: \"85 %\"}");
  ck_assert(strstr(tu_str(&r, "equipment[F1].not_graded_en"),
                   "its machine number of 3.5 is in no class"));
  tu_close(&r);
  /* no machine number: named as missing */
  fan(&r, ", type: centrifugal, pressure_coefficient: 0.43, "
          "specific_speed: 72, rated: {efficiency: \"85 %\"}");
  ck_assert(strstr(tu_str(&r, "equipment[F1].not_graded_en"),
                   "no machine number is given, and GB 19761-2020 grades by "
                   "machine number"));
  tu_close(&r);
}
END_TEST

/* A 10 kV oil-immersed distribution transformer (GB 20052-2024 表1) on a
   substation metered by E1; fields is the rest of its map. */
static void transformer(tu_run *r, const char *fields)
{
  char body[1024];
  snprintf(body, sizeof body,
           "units:\n"
           "  - {id: sub, name: {zh: 配电室, en: Substation}, stage: end_use}\n"
           "meters:\n"
           "  - {id: E1, carrier: electricity, level: 1, to: sub, total: "
           "\"3,504,000 kWh\"}\n"
           "equipment:\n"
           "  - {id: T1, kind: transformer, name: {zh: 1#变压器, en: No.1 "
           "transformer}, unit: sub, type: oil_immersed, voltage_class: 10, "
           "capacity: \"1,000 kVA\", core: electrical_steel%s}\n",
           fields);
  load(r, HEAD_2026, body);
}

/* 1,000 kVA, electrical-steel core (row GB20052-R000053, one row for every
   connection from 630 kVA): P0 0.665 / 0.745 / 0.83 kW, Pk 7.415 / 8.24 /
   10.3 kW for grades 1 / 2 / 3. A grade is reached when both losses are
   at most its values: the grade is the worse of the two. */
START_TEST(t_transformer_losses)
{
  tu_run r;
  /* P0 0.745 = grade 2's, Pk 8.24 = grade 2's: grade 2, set by both */
  transformer(&r, ", connection: Dyn11, rated: {no_load_loss: \"0.745 kW\", "
                  "load_loss: \"8.24 kW\"}");
  TU_NEAR(&r, "equipment[T1].grade", 2);
  TU_NEAR(&r, "equipment[T1].grades_no_load_kw[0]", 0.665);
  TU_NEAR(&r, "equipment[T1].grades_load_kw[2]", 10.3);
  ck_assert_str_eq(tu_str(&r, "equipment[T1].grade_set_by"), "both");
  ck_assert_str_eq(tu_str(&r, "equipment[T1].class_en"),
                   "10 kV oil-immersed distribution transformer, 1,000 kVA, "
                   "electrical-steel core");
  tu_close(&r);
  /* P0 0.746 > 0.745: grade 3 by its no-load loss (Pk still grade 1) */
  transformer(&r, ", rated: {no_load_loss: \"0.746 kW\", load_loss: "
                  "\"7.415 kW\"}");
  TU_NEAR(&r, "equipment[T1].grade", 3);
  TU_NEAR(&r, "equipment[T1].grade_load", 1);
  ck_assert_str_eq(tu_str(&r, "equipment[T1].grade_set_by"), "no_load");
  FIRES(&r, "equipment_grade_3", "1#变压器仅达到GB 20052-2024的3级",
        "No.1 transformer reaches only efficiency grade 3 of GB 20052-2024");
  tu_close(&r);
  /* both at grade 1's values: grade 1 */
  transformer(&r, ", rated: {no_load_loss: \"0.665 kW\", load_loss: "
                  "\"7.415 kW\"}");
  TU_NEAR(&r, "equipment[T1].grade", 1);
  tu_close(&r);
  /* Pk 10.31 > 10.3 (grade 3): below the limit, whatever P0 */
  transformer(&r, ", rated: {no_load_loss: \"0.6 kW\", load_loss: "
                  "\"10.31 kW\"}");
  ck_assert(tu_is_null(&r, "equipment[T1].grade"));
  ck_assert_str_eq(tu_str(&r, "equipment[T1].status"), "not_reached");
  ck_assert_str_eq(tu_str(&r, "equipment[T1].grade_set_by"), "load");
  FIRES(&r, "equipment_below_limit", "GB 20052-2024", "GB 20052-2024");
  tu_close(&r);
}
END_TEST

/* Why a transformer fits no class: each key and value named. */
START_TEST(t_transformer_no_class)
{
  tu_run r;
  /* 999 kVA lies between the table's ratings (800 and 1,000 kVA) */
  load(&r, HEAD_2026,
       "units:\n"
       "  - {id: sub, name: {zh: 配电室, en: Substation}, stage: end_use}\n"
       "meters:\n"
       "  - {id: E1, carrier: electricity, level: 1, to: sub, total: "
       "\"1,000 kWh\"}\n"
       "equipment:\n"
       "  - {id: T1, kind: transformer, name: {zh: 1#变压器, en: No.1 "
       "transformer}, unit: sub, type: oil_immersed, voltage_class: 10, "
       "capacity: \"999 kVA\", core: electrical_steel, rated: {no_load_loss: "
       "\"0.7 kW\", load_loss: \"8 kW\"}}\n");
  ck_assert(strstr(tu_str(&r, "equipment[T1].not_graded_en"),
                   "its capacity of 999 kVA is a rating no class of "
                   "GB 20052-2024 gives (the classes cover the standard "
                   "ratings from 30 kVA to 2,500 kVA)"));
  tu_close(&r);
  /* 35 kV: the voltage class is named (the 10 kV table is [10, 10]) */
  load(&r, HEAD_2026,
       "units:\n"
       "  - {id: sub, name: {zh: 配电室, en: Substation}, stage: end_use}\n"
       "meters:\n"
       "  - {id: E1, carrier: electricity, level: 1, to: sub, total: "
       "\"1,000 kWh\"}\n"
       "equipment:\n"
       "  - {id: T1, kind: transformer, name: {zh: 1#变压器, en: No.1 "
       "transformer}, unit: sub, type: oil_immersed, voltage_class: 35, "
       "capacity: \"1,000 kVA\", core: electrical_steel, rated: "
       "{no_load_loss: \"0.7 kW\", load_loss: \"8 kW\"}}\n");
  ck_assert(strstr(tu_str(&r, "equipment[T1].not_graded_en"),
                   "its voltage class (kV) of 35 is in no class of "
                   "GB 20052-2024 (the classes together cover [10, 10])"));
  ck_assert(strstr(tu_str(&r, "equipment[T1].not_graded_zh"),
                   "电压等级（kV）35不在GB 20052-2024任一类别的范围内"));
  tu_close(&r);
  /* a dry transformer of a 2026 period without core or insulation: the
     core is the reason (表2 grades by both) */
  load(&r, HEAD_2026,
       "units:\n"
       "  - {id: sub, name: {zh: 配电室, en: Substation}, stage: end_use}\n"
       "meters:\n"
       "  - {id: E1, carrier: electricity, level: 1, to: sub, total: "
       "\"1,000 kWh\"}\n"
       "equipment:\n"
       "  - {id: T1, kind: transformer, name: {zh: 1#变压器, en: No.1 "
       "transformer}, unit: sub, type: dry, voltage_class: 10, "
       "capacity: \"1,000 kVA\", rated: {no_load_loss: \"0.7 kW\", "
       "load_loss: \"8 kW\"}}\n");
  ck_assert(strstr(tu_str(&r, "equipment[T1].not_graded_en"),
                   "no core material is given, and GB 20052-2024 grades by "
                   "core material"));
  tu_close(&r);
  /* a type no table names: the type is the reason */
  load(&r, HEAD_2026,
       "units:\n"
       "  - {id: sub, name: {zh: 配电室, en: Substation}, stage: end_use}\n"
       "meters:\n"
       "  - {id: E1, carrier: electricity, level: 1, to: sub, total: "
       "\"1,000 kWh\"}\n"
       "equipment:\n"
       "  - {id: T1, kind: transformer, name: {zh: 1#变压器, en: No.1 "
       "transformer}, unit: sub, type: gas_filled, voltage_class: 10, "
       "capacity: \"1,000 kVA\", rated: {no_load_loss: \"0.7 kW\", "
       "load_loss: \"8 kW\"}}\n");
  ck_assert(strstr(tu_str(&r, "equipment[T1].not_graded_en"),
                   "its type is not among those GB 20052-2024 grades. The "
                   "rules hold only Tables 1 and 2"));
  tu_close(&r);
  /* before 2021-06-01 neither the 2024 nor the 2020 edition applies
     (2020 period: the earlier edition, whose values are not in the rules) */
  load(&r, HEAD_YEAR("2020"),
       "units:\n"
       "  - {id: sub, name: {zh: 配电室, en: Substation}, stage: end_use}\n"
       "meters:\n"
       "  - {id: E1, carrier: electricity, level: 1, to: sub, total: "
       "\"1,000 kWh\"}\n"
       "equipment:\n"
       "  - {id: T1, kind: transformer, name: {zh: 1#变压器, en: No.1 "
       "transformer}, unit: sub, type: oil_immersed, voltage_class: 10, "
       "capacity: \"1,000 kVA\", core: electrical_steel, rated: "
       "{no_load_loss: \"0.7 kW\", load_loss: \"8 kW\"}}\n");
  ck_assert(tu_is_null(&r, "equipment[T1].grade"));
  ck_assert_str_eq(tu_str(&r, "equipment[T1].status"), "not_graded");
  ck_assert(strstr(tu_str(&r, "equipment[T1].not_graded_en"),
                   "the grades of the earlier edition of GB 20052, which "
                   "applies, are not in the rules"));
  tu_close(&r);
}
END_TEST

/* A transformer of a 2023 period is graded by GB 20052-2020 (in force
   2021-06-01 to 2025-01-31), the rules' transformer_2020 table: Table 1
   of the 2024 edition from 30 to 2,000 kVA, which the 2024 foreword says
   is unchanged but for 2,500 kVA's grade 1 and 2 load losses. */
START_TEST(t_transformer_2020)
{
  tu_run r;
  /* 1,000 kVA electrical steel: P0 0.665 / 0.745 / 0.83 kW, Pk 7.415 /
     8.24 / 10.3 kW. P0 0.7: 0.665 < 0.7 <= 0.745, grade 2; Pk 8:
     7.415 < 8 <= 8.24, grade 2. Grade 2 by GB 20052-2020. */
  load(&r, HEAD_2023,
       "units:\n"
       "  - {id: sub, name: {zh: 配电室, en: Substation}, stage: end_use}\n"
       "meters:\n"
       "  - {id: E1, carrier: electricity, level: 1, to: sub, total: "
       "\"1,000 kWh\"}\n"
       "equipment:\n"
       "  - {id: T1, kind: transformer, name: {zh: 1#变压器, en: No.1 "
       "transformer}, unit: sub, type: oil_immersed, voltage_class: 10, "
       "capacity: \"1,000 kVA\", core: electrical_steel, rated: "
       "{no_load_loss: \"0.7 kW\", load_loss: \"8 kW\"}}\n");
  ck_assert_str_eq(tu_str(&r, "equipment[T1].standard"), "GB 20052-2020");
  TU_NEAR(&r, "equipment[T1].grade", 2);
  ck_assert_str_eq(tu_str(&r, "equipment[T1].grade_set_by"), "both");
  ck_assert_str_eq(tu_str(&r, "equipment[T1].status"), "graded");
  tu_close(&r);
  /* 2,000 kVA electrical steel (the office sample's): P0 1.085 / 1.225 /
     1.36 kW, Pk 13.18 / 14.64 / 18.3 kW. P0 1.36 = grade 3's bound, Pk
     14.64 = grade 2's: grade 3, set by the no-load loss. Pk 18.31 > 18.3:
     below the limit. */
  load(&r, HEAD_2023,
       "units:\n"
       "  - {id: sub, name: {zh: 配电室, en: Substation}, stage: end_use}\n"
       "meters:\n"
       "  - {id: E1, carrier: electricity, level: 1, to: sub, total: "
       "\"1,000 kWh\"}\n"
       "equipment:\n"
       "  - {id: T1, kind: transformer, name: {zh: 1#变压器, en: No.1 "
       "transformer}, unit: sub, type: oil_immersed, voltage_class: 10, "
       "capacity: \"2,000 kVA\", core: electrical_steel, rated: "
       "{no_load_loss: \"1.36 kW\", load_loss: \"14.64 kW\"}}\n"
       "  - {id: T2, kind: transformer, name: {zh: 2#变压器, en: No.2 "
       "transformer}, unit: sub, type: oil_immersed, voltage_class: 10, "
       "capacity: \"2,000 kVA\", core: electrical_steel, rated: "
       "{no_load_loss: \"1.0 kW\", load_loss: \"18.31 kW\"}}\n");
  TU_NEAR(&r, "equipment[T1].grade", 3);
  ck_assert_str_eq(tu_str(&r, "equipment[T1].grade_set_by"), "no_load");
  ck_assert(tu_is_null(&r, "equipment[T2].grade"));
  ck_assert_str_eq(tu_str(&r, "equipment[T2].status"), "not_reached");
  FIRES(&r, "equipment_below_limit", "GB 20052-2020", "GB 20052-2020");
  tu_close(&r);
  /* 2,500 kVA: its 2020 grade 1 and 2 load losses are not known, the
     row is left out of the 2020 table: not graded, the reason names the
     rating and the 2020 edition's range */
  load(&r, HEAD_2023,
       "units:\n"
       "  - {id: sub, name: {zh: 配电室, en: Substation}, stage: end_use}\n"
       "meters:\n"
       "  - {id: E1, carrier: electricity, level: 1, to: sub, total: "
       "\"1,000 kWh\"}\n"
       "equipment:\n"
       "  - {id: T1, kind: transformer, name: {zh: 1#变压器, en: No.1 "
       "transformer}, unit: sub, type: oil_immersed, voltage_class: 10, "
       "capacity: \"2,500 kVA\", core: electrical_steel, rated: "
       "{no_load_loss: \"1.2 kW\", load_loss: \"15 kW\"}}\n");
  ck_assert(tu_is_null(&r, "equipment[T1].grade"));
  ck_assert_str_eq(tu_str(&r, "equipment[T1].standard"), "GB 20052-2020");
  ck_assert(strstr(tu_str(&r, "equipment[T1].not_graded_en"),
                   "GB 20052-2020 (30 kVA to 2,000 kVA)"));
  ck_assert(strstr(tu_str(&r, "equipment[T1].not_graded_en"),
                   "the 2020 values are not in the rules"));
  tu_close(&r);
}
END_TEST

/* GB/T 13462 from the metered electricity: β = E / (SN · cos φ · T) =
   3,504,000 kWh / (1,000 kVA × 0.9 × 8,760 h) = 3,504,000 / 7,884,000 =
   0.444444; β_JZ = √(P0/Pk) = √(0.745 / 8.24) = √0.0904126 = 0.300687;
   economic zone from β_JZ² = 9.04 %, best zone 1.33 × 0.0904126 = 12.02 %
   to 75 %: 44.4 % is in the best zone. */
/* A 10 kV high-voltage cage motor (GB 30254-2024, kind motor_hv) on a
   2026 period; fields is the rest of its map. */
static void hv_motor(tu_run *r, const char *head, const char *fields)
{
  char body[1024];
  snprintf(body, sizeof body,
           "meters:\n"
           "  - {id: E1, carrier: electricity, level: 1, total: \"100,000 "
           "kWh\"}\n"
           "equipment:\n"
           "  - {id: MT1, kind: motor_hv, name: {zh: 1#高压电机, en: No.1 HV "
           "motor}%s}\n",
           fields);
  load(r, head ? head : HEAD_2026, body);
}

/* The item of hv_motor with rated efficiency eff (a string, "95.8 %"),
   capacity cap and poles, IC611 at 10 kV (表4). */
static void hv_611(tu_run *r, const char *cap, int poles, const char *eff)
{
  char f[256];
  snprintf(f, sizeof f,
           ", type: IC611, voltage_class: 10, capacity: \"%s\", poles: %d, "
           "rated: {efficiency: \"%s\"}",
           cap, poles, eff);
  hv_motor(r, NULL, f);
}

/* GB 30254-2024 表4 (10 kV, IC611/IC616/IC511/IC516), 2,800 kW 6-pole:
   95.8 / 95.4 / 94.9 % for grades 1 / 2 / 3 (S-EE standards/motor_hv.json).
   Each grade boundary: at the limit reaches it, 0.1 below does not. */
START_TEST(t_hv_motor_grades)
{
  tu_run r;
  hv_611(&r, "2,800 kW", 6, "95.8 %");
  ck_assert_str_eq(tu_str(&r, "equipment[MT1].standard"), "GB 30254-2024");
  ck_assert_str_eq(tu_str(&r, "equipment[MT1].class_en"),
                   "10 kV (IC611, IC616, IC511, IC516), 2,800 kW, 6-pole");
  TU_NEAR(&r, "equipment[MT1].grades[0]", 0.958);
  TU_NEAR(&r, "equipment[MT1].grades[1]", 0.954);
  TU_NEAR(&r, "equipment[MT1].grades[2]", 0.949);
  TU_NEAR(&r, "equipment[MT1].grade", 1);
  QUIET(&r, "hv_motor_replace");
  tu_close(&r);
  hv_611(&r, "2,800 kW", 6, "95.7 %");
  TU_NEAR(&r, "equipment[MT1].grade", 2);
  tu_close(&r);
  hv_611(&r, "2,800 kW", 6, "95.4 %");
  TU_NEAR(&r, "equipment[MT1].grade", 2);
  QUIET(&r, "hv_motor_replace");
  QUIET(&r, "equipment_grade_3");
  tu_close(&r);
  hv_611(&r, "2,800 kW", 6, "95.3 %");
  TU_NEAR(&r, "equipment[MT1].grade", 3);
  FIRES(&r, "hv_motor_replace",
        "高压电动机1#高压电机的额定效率95.3 %未达到GB 30254-2024的2级：大修时不宜"
        "按原设计重绕修复",
        "High-voltage motor No.1 HV motor: its rated efficiency of 95.3 % is "
        "below grade 2 of GB 30254-2024. Do not rewind it");
  FIRES(&r, "equipment_grade_3", "GB 30254-2024的3级", "grade 3 of GB 30254-2024");
  tu_close(&r);
  hv_611(&r, "2,800 kW", 6, "94.9 %");
  TU_NEAR(&r, "equipment[MT1].grade", 3);
  ck_assert(val_path(r.results, "equipment[MT1].meets_limit")->b);
  QUIET(&r, "equipment_below_limit");
  tu_close(&r);
  hv_611(&r, "2,800 kW", 6, "94.8 %");
  ck_assert(tu_is_null(&r, "equipment[MT1].grade"));
  ck_assert(!val_path(r.results, "equipment[MT1].meets_limit")->b);
  ck_assert_str_eq(tu_str(&r, "equipment[MT1].status"), "not_reached");
  FIRES(&r, "equipment_below_limit", "GB 30254-2024", "GB 30254-2024");
  FIRES(&r, "hv_motor_replace", "94.8 %未达到", "94.8 % is below");
  tu_close(&r);
}
END_TEST

/* The rows: a rating between two takes the higher (2,801 kW → 3,150 kW);
   200 kW is the first row and 10,000 kW the last of 表4; outside the
   rows the motor is not graded, with the selector named. */
START_TEST(t_hv_motor_rows)
{
  tu_run r;
  hv_611(&r, "2,801 kW", 6, "96 %");
  ck_assert_str_eq(tu_str(&r, "equipment[MT1].class_en"),
                   "10 kV (IC611, IC616, IC511, IC516), 3,150 kW, 6-pole");
  tu_close(&r);
  hv_611(&r, "3,150 kW", 6, "96 %");
  ck_assert_str_eq(tu_str(&r, "equipment[MT1].class_en"),
                   "10 kV (IC611, IC616, IC511, IC516), 3,150 kW, 6-pole");
  tu_close(&r);
  /* 200 kW 4-pole: 93.0 / 92.1 / 91.3 */
  hv_611(&r, "200 kW", 4, "92.1 %");
  TU_NEAR(&r, "equipment[MT1].grade", 2);
  TU_NEAR(&r, "equipment[MT1].grades[2]", 0.913);
  tu_close(&r);
  hv_611(&r, "199 kW", 4, "92.1 %");
  not_applicable(&r, "MT1");
  ck_assert(strstr(tu_str(&r, "equipment[MT1].not_graded_en"),
                   "its capacity of 199 kW is outside the classes of "
                   "GB 30254-2024"));
  tu_close(&r);
  /* 10,000 kW 12-pole: 95.6 / 95.1 / 94.5 */
  hv_611(&r, "10,000 kW", 12, "94.5 %");
  TU_NEAR(&r, "equipment[MT1].grade", 3);
  tu_close(&r);
  hv_611(&r, "10,001 kW", 12, "96 %");
  not_applicable(&r, "MT1");
  tu_close(&r);
}
END_TEST

/* The cooling method picks the table (IC81W → 表2); empty cells, other
   voltages, other cooling methods and wound rotors are not graded, the
   selector named. */
START_TEST(t_hv_motor_tables)
{
  tu_run r;
  /* 表2 (IC81W), 2,800 kW 6-pole: 96.4 / 95.9 / 95.4 */
  hv_motor(&r, NULL,
           ", type: IC81W, voltage_class: 10, capacity: \"2,800 kW\", poles: "
           "6, rated: {efficiency: \"95.9 %\"}");
  TU_NEAR(&r, "equipment[MT1].grades[0]", 0.964);
  TU_NEAR(&r, "equipment[MT1].grade", 2);
  tu_close(&r);
  hv_motor(&r, NULL,
           ", type: IC81W, voltage_class: 10, capacity: \"2,800 kW\", poles: "
           "6, rated: {efficiency: \"95.8 %\"}");
  TU_NEAR(&r, "equipment[MT1].grade", 3);
  tu_close(&r);
  /* 表2 has no 12-pole value from 5,600 kW */
  hv_motor(&r, NULL,
           ", type: IC81W, voltage_class: 10, capacity: \"5,600 kW\", poles: "
           "12, rated: {efficiency: \"96 %\"}");
  not_applicable(&r, "MT1");
  tu_close(&r);
  /* 4 kV: no table (表1, 表3, 表5 are for 3 kV (3.3 kV) and 6 kV) */
  hv_motor(&r, NULL,
           ", type: IC611, voltage_class: 4, capacity: \"2,800 kW\", poles: "
           "6, rated: {efficiency: \"96 %\"}");
  not_applicable(&r, "MT1");
  ck_assert(strstr(tu_str(&r, "equipment[MT1].not_graded_en"),
                   "its voltage class (kV) of 4 is in no class of "
                   "GB 30254-2024"));
  tu_close(&r);
  /* IC666 (not in the standard's cooling groups) and a wound-rotor motor:
     the type names no table */
  hv_motor(&r, NULL,
           ", type: IC666, voltage_class: 10, capacity: \"2,800 kW\", poles: "
           "6, rated: {efficiency: \"96 %\"}");
  not_applicable(&r, "MT1");
  ck_assert(strstr(tu_str(&r, "equipment[MT1].not_graded_en"),
                   "its type is not among those GB 30254-2024 grades. "
                   "GB 30254-2024 grades cage motors only"));
  tu_close(&r);
  hv_motor(&r, NULL,
           ", type: wound_rotor, voltage_class: 10, capacity: \"3,800 kW\", "
           "poles: 6");
  not_applicable(&r, "MT1");
  ck_assert(strstr(tu_str(&r, "equipment[MT1].not_graded_zh"),
                   "GB 30254-2024只评笼型电动机（绕线转子电动机不在其范围内）"));
  tu_close(&r);
}
END_TEST

/* An HV motor of the given type, voltage, capacity, poles and rated
   efficiency on a 2026 period. */
static void hv_any(tu_run *r, const char *type, const char *kv,
                   const char *cap, int poles, const char *eff)
{
  char f[256];
  snprintf(f, sizeof f,
           ", type: %s, voltage_class: %s, capacity: \"%s\", poles: %d, "
           "rated: {efficiency: \"%s\"}",
           type, kv, cap, poles, eff);
  hv_motor(r, NULL, f);
}

/* The 3 kV (3.3 kV) / 6 kV tables and the IC411 tables of GB 30254-2024
   (S-EE standards/motor_hv.json, 表1, 表3, 表5, 表6). A grade is reached at
   its value and missed 0.1 below; rows take the next higher rating. */
START_TEST(t_hv_motor_3_6kv_ic411)
{
  tu_run r;
  /* 表3 (6 kV, IC611…), 3,550 kW 8-pole: 96.0 / 95.6 / 95.1 — the power
     plant's ID fan motor */
  hv_any(&r, "IC611", "6", "3,550 kW", 8, "96.0 %");
  ck_assert_str_eq(tu_str(&r, "equipment[MT1].class_en"),
                   "6 kV (IC611, IC616, IC511, IC516), 3,550 kW, 8-pole");
  TU_NEAR(&r, "equipment[MT1].grades[0]", 0.960);
  TU_NEAR(&r, "equipment[MT1].grades[1]", 0.956);
  TU_NEAR(&r, "equipment[MT1].grades[2]", 0.951);
  TU_NEAR(&r, "equipment[MT1].grade", 1);
  tu_close(&r);
  hv_any(&r, "IC611", "6", "3,550 kW", 8, "95.9 %");
  TU_NEAR(&r, "equipment[MT1].grade", 2);
  tu_close(&r);
  hv_any(&r, "IC611", "6", "3,550 kW", 8, "95.6 %");
  TU_NEAR(&r, "equipment[MT1].grade", 2);
  tu_close(&r);
  hv_any(&r, "IC611", "6", "3,550 kW", 8, "95.5 %");
  TU_NEAR(&r, "equipment[MT1].grade", 3);
  tu_close(&r);
  hv_any(&r, "IC611", "6", "3,550 kW", 8, "95.1 %");
  TU_NEAR(&r, "equipment[MT1].grade", 3);
  ck_assert(val_path(r.results, "equipment[MT1].meets_limit")->b);
  tu_close(&r);
  hv_any(&r, "IC611", "6", "3,550 kW", 8, "95.0 %");
  ck_assert(!val_path(r.results, "equipment[MT1].meets_limit")->b);
  FIRES(&r, "equipment_below_limit", "GB 30254-2024", "GB 30254-2024");
  tu_close(&r);
  /* 3,151 kW takes the 3,550 kW row; 3,150 kW its own (95.9 / 95.4 / 94.9
     at 8 poles) */
  hv_any(&r, "IC611", "6", "3,151 kW", 8, "96 %");
  ck_assert_str_eq(tu_str(&r, "equipment[MT1].class_en"),
                   "6 kV (IC611, IC616, IC511, IC516), 3,550 kW, 8-pole");
  tu_close(&r);
  hv_any(&r, "IC611", "6", "3,150 kW", 8, "94.9 %");
  TU_NEAR(&r, "equipment[MT1].grades[2]", 0.949);
  TU_NEAR(&r, "equipment[MT1].grade", 3);
  tu_close(&r);
  /* voltage: 3.3 kV and 3 kV are in 表3 as 6 kV is; 6.6 kV in no table */
  hv_any(&r, "IC611", "3.3", "3,550 kW", 8, "95.6 %");
  ck_assert_str_eq(tu_str(&r, "equipment[MT1].class_en"),
                   "3 kV (3.3 kV) (IC611, IC616, IC511, IC516), 3,550 kW, "
                   "8-pole");
  TU_NEAR(&r, "equipment[MT1].grade", 2);
  tu_close(&r);
  hv_any(&r, "IC611", "3", "3,550 kW", 8, "95.6 %");
  TU_NEAR(&r, "equipment[MT1].grade", 2);
  tu_close(&r);
  hv_any(&r, "IC611", "6.6", "3,550 kW", 8, "95.6 %");
  not_applicable(&r, "MT1");
  tu_close(&r);
  /* 表3 ends at 10,000 kW (2 and 4 poles: 97.0 / 96.6 / 96.1 at 4) */
  hv_any(&r, "IC611", "6", "10,000 kW", 4, "96.1 %");
  TU_NEAR(&r, "equipment[MT1].grade", 3);
  tu_close(&r);
  hv_any(&r, "IC611", "6", "10,001 kW", 4, "97 %");
  not_applicable(&r, "MT1");
  tu_close(&r);
  /* 表1 (6 kV, IC81W), 2,800 kW 6-pole: 96.6 / 96.2 / 95.7 */
  hv_any(&r, "IC81W", "6", "2,800 kW", 6, "96.2 %");
  ck_assert_str_eq(tu_str(&r, "equipment[MT1].class_en"),
                   "6 kV (IC01, IC11, IC21, IC31, IC81W), 2,800 kW, 6-pole");
  TU_NEAR(&r, "equipment[MT1].grades[0]", 0.966);
  TU_NEAR(&r, "equipment[MT1].grade", 2);
  tu_close(&r);
  hv_any(&r, "IC81W", "6", "2,800 kW", 6, "96.1 %");
  TU_NEAR(&r, "equipment[MT1].grade", 3);
  tu_close(&r);
  /* 表1: 200 kW is the first row (2-pole 94.0 / 93.1 / 92.3), 199 kW none;
     25,000 kW the last (2-pole 97.9 / 97.6 / 97.2); 16,000 kW 2-pole is an
     empty cell; 16 poles are in no table (the power plant's circulating
     water pump motor) */
  hv_any(&r, "IC01", "6", "200 kW", 2, "92.3 %");
  TU_NEAR(&r, "equipment[MT1].grade", 3);
  tu_close(&r);
  hv_any(&r, "IC01", "6", "199 kW", 2, "95 %");
  not_applicable(&r, "MT1");
  tu_close(&r);
  hv_any(&r, "IC81W", "6", "25,000 kW", 2, "97.6 %");
  TU_NEAR(&r, "equipment[MT1].grade", 2);
  tu_close(&r);
  hv_any(&r, "IC81W", "6", "25,001 kW", 2, "98 %");
  not_applicable(&r, "MT1");
  tu_close(&r);
  hv_any(&r, "IC81W", "6", "16,000 kW", 2, "98 %");
  not_applicable(&r, "MT1");
  tu_close(&r);
  hv_any(&r, "IC81W", "6", "2,000 kW", 16, "96 %");
  not_applicable(&r, "MT1");
  ck_assert(strstr(tu_str(&r, "equipment[MT1].not_graded_en"),
                   "16 poles are not among those GB 30254-2024 grades"));
  tu_close(&r);
  /* 表5 (6 kV, IC411), 1,000 kW 4-pole: 96.4 / 95.9 / 95.3; the table ends
     at 3,150 kW and 8 poles */
  hv_any(&r, "IC411", "6", "1,000 kW", 4, "95.3 %");
  ck_assert_str_eq(tu_str(&r, "equipment[MT1].class_en"),
                   "6 kV (IC411), 1,000 kW, 4-pole");
  TU_NEAR(&r, "equipment[MT1].grades[0]", 0.964);
  TU_NEAR(&r, "equipment[MT1].grades[1]", 0.959);
  TU_NEAR(&r, "equipment[MT1].grade", 3);
  tu_close(&r);
  hv_any(&r, "IC411", "6", "1,000 kW", 4, "95.2 %");
  ck_assert(!val_path(r.results, "equipment[MT1].meets_limit")->b);
  tu_close(&r);
  hv_any(&r, "IC411", "6", "3,150 kW", 8, "95.9 %");
  TU_NEAR(&r, "equipment[MT1].grade", 3); /* 96.9 / 96.4 / 95.9 */
  tu_close(&r);
  hv_any(&r, "IC411", "6", "3,151 kW", 8, "97 %");
  not_applicable(&r, "MT1");
  tu_close(&r);
  hv_any(&r, "IC411", "6", "1,000 kW", 10, "97 %");
  not_applicable(&r, "MT1");
  tu_close(&r);
  /* 表6 (10 kV, IC411), 2,800 kW 6-pole: 96.7 / 96.3 / 95.8; 2,801 kW none;
     2,401 kW takes the 2,500 kW row (96.7 / 96.2 / 95.7) */
  hv_any(&r, "IC411", "10", "2,800 kW", 6, "96.7 %");
  ck_assert_str_eq(tu_str(&r, "equipment[MT1].class_en"),
                   "10 kV (IC411), 2,800 kW, 6-pole");
  TU_NEAR(&r, "equipment[MT1].grade", 1);
  tu_close(&r);
  hv_any(&r, "IC411", "10", "2,800 kW", 6, "96.6 %");
  TU_NEAR(&r, "equipment[MT1].grade", 2);
  tu_close(&r);
  hv_any(&r, "IC411", "10", "2,801 kW", 6, "97 %");
  not_applicable(&r, "MT1");
  tu_close(&r);
  hv_any(&r, "IC411", "10", "2,401 kW", 6, "96.2 %");
  ck_assert_str_eq(tu_str(&r, "equipment[MT1].class_en"),
                   "10 kV (IC411), 2,500 kW, 6-pole");
  TU_NEAR(&r, "equipment[MT1].grade", 2);
  tu_close(&r);
}
END_TEST

/* Before 2025-09-01 the 2013 edition applies, whose tables are not in the
   rules: the motor is not graded and the 2024 grades stay for reference.
   On 2025-09-01 the 2024 edition is graded. */
START_TEST(t_hv_motor_edition)
{
  tu_run r;
  static const char f[] = ", type: IC611, voltage_class: 10, capacity: "
                          "\"2,800 kW\", poles: 6, rated: {efficiency: "
                          "\"96.5 %\"}";
  hv_motor(&r, HEAD_YEAR("2016"), f);
  ck_assert(tu_is_null(&r, "equipment[MT1].grade"));
  ck_assert_str_eq(tu_str(&r, "equipment[MT1].status"), "not_graded");
  TU_NEAR(&r, "equipment[MT1].grades[0]", 0.958);
  ck_assert_str_eq(tu_str(&r, "equipment[MT1].not_graded_en"),
                   "the grades of GB 30254-2013, which applies, are not in "
                   "the rules (those of GB 30254-2024 do not apply to this "
                   "period)");
  FIRES(&r, "equipment_not_graded", "适用的GB 30254-2013的能效等级值未收入规则",
        "the grades of GB 30254-2013, which applies");
  /* the register names the 2013 edition without a date */
  ck_assert_str_eq(tu_str(&r, "standards_applied[gb30254].designation"),
                   "GB 30254-2013");
  ck_assert(tu_is_null(&r, "standards_applied[gb30254].in_force_from"));
  ck_assert_str_eq(tu_str(&r, "standards_applied[gb30254].why_en"),
                   "GB 30254-2013 applied at the end of the audit period "
                   "(2016-12-31): the register gives no date for it; "
                   "GB 30254-2024 came into force on 2025-09-01.");
  tu_close(&r);
  hv_motor(&r,
           "auditgen: 1\n"
           "facility:\n"
           "  name: {zh: 测试厂, en: Test plant}\n"
           "  industry: cement\n"
           "  output_value: \"10,000 万元\"\n"
           "audit:\n"
           "  period: {from: 2024-09-01, to: 2025-08-31}\n",
           f);
  ck_assert_str_eq(tu_str(&r, "equipment[MT1].status"), "not_graded");
  tu_close(&r);
  hv_motor(&r,
           "auditgen: 1\n"
           "facility:\n"
           "  name: {zh: 测试厂, en: Test plant}\n"
           "  industry: cement\n"
           "  output_value: \"10,000 万元\"\n"
           "audit:\n"
           "  period: {from: 2024-09-02, to: 2025-09-01}\n",
           f);
  TU_NEAR(&r, "equipment[MT1].grade", 1);
  ck_assert_str_eq(tu_str(&r, "standards_applied[gb30254].designation"),
                   "GB 30254-2024");
  tu_close(&r);
}
END_TEST

/* A 10 kV dry-type distribution transformer (GB 20052-2024 表2, S-EE
   data_id GB20052-R000063…R000170) on a 2026 period; fields is the rest of
   its map. 1,000 kVA: P0 1.02 / 1.205 / 1.415 kW (electrical steel),
   0.385 / 0.47 / 0.55 kW (amorphous); Pk 6.885 / 6.885 / 7.65 kW (class B),
   7.315 / 7.315 / 8.13 kW (F), 7.885 / 7.885 / 8.76 kW (H). */
static void dry_transformer(tu_run *r, const char *fields)
{
  char body[1024];
  snprintf(body, sizeof body,
           "units:\n"
           "  - {id: sub, name: {zh: 配电室, en: Substation}, stage: end_use}\n"
           "meters:\n"
           "  - {id: E1, carrier: electricity, level: 1, to: sub, total: "
           "\"3,504,000 kWh\"}\n"
           "equipment:\n"
           "  - {id: T1, kind: transformer, name: {zh: 1#干式变压器, en: No.1 "
           "dry-type transformer}, unit: sub, type: dry, voltage_class: 10%s}\n",
           fields);
  load(r, HEAD_2026, body);
}

/* Each loss at a grade's value reaches it, a watt more does not; the core
   picks the no-load row and the insulation class the load row. */
START_TEST(t_transformer_dry)
{
  tu_run r;
  dry_transformer(&r, ", capacity: \"1,000 kVA\", core: electrical_steel, "
                      "insulation: F, rated: {no_load_loss: \"1.02 kW\", "
                      "load_loss: \"7.315 kW\"}");
  TU_NEAR(&r, "equipment[T1].grade", 1);
  ck_assert_str_eq(tu_str(&r, "equipment[T1].class_en"),
                   "10 kV dry-type distribution transformer, 1,000 kVA, "
                   "electrical-steel core, insulation class F (120 °C)");
  TU_NEAR(&r, "equipment[T1].grades_no_load_kw[2]", 1.415);
  TU_NEAR(&r, "equipment[T1].grades_load_kw[2]", 8.13);
  tu_close(&r);
  /* P0 1.021 > 1.02: grade 2 by the no-load loss */
  dry_transformer(&r, ", capacity: \"1,000 kVA\", core: electrical_steel, "
                      "insulation: F, rated: {no_load_loss: \"1.021 kW\", "
                      "load_loss: \"7.315 kW\"}");
  TU_NEAR(&r, "equipment[T1].grade", 2);
  tu_close(&r);
  /* P0 1.205 = grade 2's; 1.206 → grade 3 */
  dry_transformer(&r, ", capacity: \"1,000 kVA\", core: electrical_steel, "
                      "insulation: F, rated: {no_load_loss: \"1.205 kW\", "
                      "load_loss: \"7.315 kW\"}");
  TU_NEAR(&r, "equipment[T1].grade", 2);
  tu_close(&r);
  dry_transformer(&r, ", capacity: \"1,000 kVA\", core: electrical_steel, "
                      "insulation: F, rated: {no_load_loss: \"1.206 kW\", "
                      "load_loss: \"7.315 kW\"}");
  TU_NEAR(&r, "equipment[T1].grade", 3);
  FIRES(&r, "equipment_grade_3", "1#干式变压器仅达到GB 20052-2024的3级",
        "No.1 dry-type transformer reaches only efficiency grade 3 of "
        "GB 20052-2024");
  tu_close(&r);
  /* Pk 8.13 = grade 3's (class F); 8.131 is below the limit */
  dry_transformer(&r, ", capacity: \"1,000 kVA\", core: electrical_steel, "
                      "insulation: F, rated: {no_load_loss: \"1.02 kW\", "
                      "load_loss: \"8.13 kW\"}");
  TU_NEAR(&r, "equipment[T1].grade", 3);
  ck_assert_str_eq(tu_str(&r, "equipment[T1].grade_set_by"), "load");
  tu_close(&r);
}
END_TEST

/* The limit, the insulation class and the core pick their rows; a missing
   insulation class or a rating 表2 lacks is not graded. */
START_TEST(t_transformer_dry_rows)
{
  tu_run r;
  dry_transformer(&r, ", capacity: \"1,000 kVA\", core: electrical_steel, "
                      "insulation: F, rated: {no_load_loss: \"1.02 kW\", "
                      "load_loss: \"8.131 kW\"}");
  ck_assert(tu_is_null(&r, "equipment[T1].grade"));
  ck_assert_str_eq(tu_str(&r, "equipment[T1].status"), "not_reached");
  FIRES(&r, "equipment_below_limit", "GB 20052-2024", "GB 20052-2024");
  tu_close(&r);
  /* class H: 7.885 kW is its grade 1 (and 2) load loss */
  dry_transformer(&r, ", capacity: \"1,000 kVA\", core: electrical_steel, "
                      "insulation: H, rated: {no_load_loss: \"1.02 kW\", "
                      "load_loss: \"7.885 kW\"}");
  TU_NEAR(&r, "equipment[T1].grade", 1);
  tu_close(&r);
  /* amorphous core: 0.47 kW is grade 2, 0.471 grade 3 */
  dry_transformer(&r, ", capacity: \"1,000 kVA\", core: amorphous, "
                      "insulation: B, rated: {no_load_loss: \"0.47 kW\", "
                      "load_loss: \"6.885 kW\"}");
  TU_NEAR(&r, "equipment[T1].grade", 2);
  ck_assert_str_eq(tu_str(&r, "equipment[T1].grade_set_by"), "no_load");
  tu_close(&r);
  dry_transformer(&r, ", capacity: \"1,000 kVA\", core: amorphous, "
                      "insulation: B, rated: {no_load_loss: \"0.471 kW\", "
                      "load_loss: \"6.885 kW\"}");
  TU_NEAR(&r, "equipment[T1].grade", 3);
  tu_close(&r);
  /* no insulation class: the reason names it */
  dry_transformer(&r, ", capacity: \"1,000 kVA\", core: electrical_steel, "
                      "rated: {no_load_loss: \"1.02 kW\", load_loss: "
                      "\"7.315 kW\"}");
  not_applicable(&r, "T1");
  ck_assert(strstr(tu_str(&r, "equipment[T1].not_graded_en"),
                   "no insulation class is given"));
  tu_close(&r);
  /* 63 kVA is not a rating of 表2 (30, 50, 80 …) */
  dry_transformer(&r, ", capacity: \"63 kVA\", core: electrical_steel, "
                      "insulation: F, rated: {no_load_loss: \"0.2 kW\", "
                      "load_loss: \"1 kW\"}");
  not_applicable(&r, "T1");
  tu_close(&r);
}
END_TEST

START_TEST(t_transformer_metered_load)
{
  tu_run r;
  transformer(&r, ", meter: E1, rated: {no_load_loss: \"0.745 kW\", "
                  "load_loss: \"8.24 kW\"}, measured: {power_factor: 0.9}");
  TU_NEAR(&r, "equipment[T1].operation.load_factor", 3504000.0 / 7884000.0);
  ck_assert_str_eq(tu_str(&r, "equipment[T1].operation.load_factor_from"),
                   "meter");
  TU_NEAR(&r, "equipment[T1].operation.economic_load_factor",
          sqrt(0.745 / 8.24));
  ck_assert_str_eq(tu_str(&r, "equipment[T1].operation.zone"), "best");
  tu_close(&r);
  /* no power factor: not assessed, the reason says what is missing */
  transformer(&r, ", meter: E1, rated: {no_load_loss: \"0.745 kW\", "
                  "load_loss: \"8.24 kW\"}");
  ck_assert_str_eq(tu_str(&r, "equipment[T1].operation.zone"),
                   "not_assessed");
  ck_assert(strstr(tu_str(&r, "equipment[T1].operation.not_assessed_en"),
                   "the mean load factor from the electricity of meter E1 "
                   "needs the average power factor"));
  tu_close(&r);
  /* 630,720 kWh: β = 630,720 / 7,884,000 = 0.08 < β_JZ² 0.0904: light
     load, below the economic zone */
  load(&r, HEAD_2026,
       "units:\n"
       "  - {id: sub, name: {zh: 配电室, en: Substation}, stage: end_use}\n"
       "meters:\n"
       "  - {id: E1, carrier: electricity, level: 1, to: sub, total: "
       "\"630,720 kWh\"}\n"
       "equipment:\n"
       "  - {id: T1, kind: transformer, name: {zh: 1#变压器, en: No.1 "
       "transformer}, unit: sub, type: oil_immersed, voltage_class: 10, "
       "capacity: \"1,000 kVA\", core: electrical_steel, meter: E1, rated: "
       "{no_load_loss: \"0.745 kW\", load_loss: \"8.24 kW\"}, measured: "
       "{power_factor: 0.9}}\n");
  TU_NEAR(&r, "equipment[T1].operation.load_factor", 0.08);
  ck_assert_str_eq(tu_str(&r, "equipment[T1].operation.zone"),
                   "non_economic");
  tu_close(&r);
}
END_TEST

/* A water-chilling package (GB 19577-2024 表2, COPc system); capacity
   and rated are the rest of its map. */
static void chiller(tu_run *r, const char *type, const char *capacity,
                    const char *rated)
{
  char body[1024];
  snprintf(body, sizeof body,
           "units:\n"
           "  - {id: ch, name: {zh: 冷站, en: Chiller plant}, stage: "
           "end_use}\n"
           "meters:\n"
           "  - {id: E1, carrier: electricity, level: 1, to: ch, total: "
           "\"100,000 kWh\"}\n"
           "equipment:\n"
           "  - {id: CH1, kind: chiller, name: {zh: 1#冷水机组, en: No.1 "
           "chiller}, unit: ch, type: %s, capacity: \"%s\", rated: {%s}}\n",
           type, capacity, rated);
  load(r, HEAD_2026, body);
}

/* Water-cooled bands (min, max]: ≤ 300 kW 5.3 / 5.1 / 4.2 (IPLV ≥ 5.2
   for the limit); 300–528 kW 5.8 / 5.6 / 5.0 (IPLV ≥ 5.7); 528–1,163 kW
   6.2 / 6.0 / 5.4; > 1,163 kW 6.4 / 6.2 / 5.6 (IPLV ≥ 6.3). */
START_TEST(t_chiller_cop)
{
  tu_run r;
  /* 300 kW is the top of the first band: COP 5.1 = grade 2's 5.1 */
  chiller(&r, "water_cooled", "300 kW", "cop: 5.1, iplv: 5.2");
  TU_NEAR(&r, "equipment[CH1].grades[0]", 5.3);
  TU_NEAR(&r, "equipment[CH1].grade", 2);
  ck_assert_str_eq(tu_str(&r, "equipment[CH1].iplv_check"), "met");
  tu_close(&r);
  /* 301 kW is in the second band: 5.1 < 5.6 (grade 2), ≥ 5.0: grade 3 */
  chiller(&r, "water_cooled", "301 kW", "cop: 5.1, iplv: 5.7");
  TU_NEAR(&r, "equipment[CH1].grades[2]", 5.0);
  TU_NEAR(&r, "equipment[CH1].grade", 3);
  tu_close(&r);
  /* 4.99 < 5.0: below the limit */
  chiller(&r, "water_cooled", "301 kW", "cop: 4.99, iplv: 6");
  ck_assert_str_eq(tu_str(&r, "equipment[CH1].status"), "not_reached");
  FIRES(&r, "equipment_below_limit", "GB 19577-2024", "GB 19577-2024");
  tu_close(&r);
  /* COP 6.4 (grade 1 above 1,163 kW) but IPLV 6.29 < 6.3: the limit is
     not met, no grade */
  chiller(&r, "water_cooled", "1,407 kW", "cop: 6.4, iplv: 6.29");
  ck_assert(tu_is_null(&r, "equipment[CH1].grade"));
  ck_assert_str_eq(tu_str(&r, "equipment[CH1].iplv_check"), "not_met");
  ck_assert_str_eq(tu_str(&r, "equipment[CH1].status"), "not_reached");
  tu_close(&r);
  /* no IPLV: graded by the COP alone, the IPLV condition not checked */
  chiller(&r, "water_cooled", "1,407 kW", "cop: 6.4");
  TU_NEAR(&r, "equipment[CH1].grade", 1);
  ck_assert_str_eq(tu_str(&r, "equipment[CH1].iplv_check"), "not_checked");
  tu_close(&r);
  /* air-cooled, one class: 3.2 → grade 2 (3.4 / 3.2 / 2.8) */
  chiller(&r, "air_cooled", "200 kW", "cop: 3.2, iplv: 3.3");
  TU_NEAR(&r, "equipment[CH1].grade", 2);
  tu_close(&r);
  /* evaporative: no class; the reason names the type */
  chiller(&r, "evaporative", "200 kW", "cop: 4.0");
  ck_assert(strstr(tu_str(&r, "equipment[CH1].not_graded_en"),
                   "its type is not among those GB 19577-2024 grades. The "
                   "rules hold only Table 2 of GB 19577-2024"));
  tu_close(&r);
}
END_TEST

/* A unitary air conditioner (GB 19576-2019 表1): type, capacity and the
   rated ratios. */
static void unitary(tu_run *r, const char *type, const char *capacity,
                    const char *rated)
{
  char body[1024];
  snprintf(body, sizeof body,
           "units:\n"
           "  - {id: ac, name: {zh: 空调, en: Air conditioning}, stage: "
           "end_use}\n"
           "meters:\n"
           "  - {id: E1, carrier: electricity, level: 1, to: ac, total: "
           "\"100,000 kWh\"}\n"
           "equipment:\n"
           "  - {id: AC1, kind: unitary_ac, name: {zh: 1#空调机, en: No.1 "
           "air conditioner}, unit: ac, type: %s, capacity: \"%s\", rated: "
           "{%s}}\n",
           type, capacity, rated);
  load(r, HEAD_2026, body);
}

/* Air-cooled cooling-only by SEER: (7, 14] kW 4.5 / 3.8 / 2.9, > 14 kW
   3.6 / 3.0 / 2.7; heat pumps by APF: 3.5 / 3.1 / 2.7 and 3.4 / 3.0 / 2.6;
   water-cooled by IPLV: 4.0 / 3.7 / 3.3 and 4.5 / 4.3 / 3.7; computer
   room air-cooled by AEER 4.0 / 3.6 / 3.0; base station by COP 3.2 / 3.0 /
   2.8. Each capacity boundary and grade boundary from both sides. */
START_TEST(t_unitary_ac_grades)
{
  static const struct {
    const char *type, *cap, *rated;
    int grade; /* 0: not reached */
    double g1;
  } cases[] = {
      {"air_cooled_cooling_only", "14 kW", "seer: 3.8", 2, 4.5},
      {"air_cooled_cooling_only", "14 kW", "seer: 3.79", 3, 4.5},
      {"air_cooled_cooling_only", "14.01 kW", "seer: 3.59", 2, 3.6},
      {"air_cooled_cooling_only", "14.01 kW", "seer: 3.6", 1, 3.6},
      {"air_cooled_cooling_only", "14.01 kW", "seer: 2.7", 3, 3.6},
      {"air_cooled_cooling_only", "14.01 kW", "seer: 2.69", 0, 3.6},
      {"air_cooled_cooling_only", "7.01 kW", "seer: 2.9", 3, 4.5},
      {"air_cooled_cooling_only", "7.01 kW", "seer: 2.89", 0, 4.5},
      {"air_cooled_heat_pump", "14 kW", "apf: 3.5", 1, 3.5},
      {"air_cooled_heat_pump", "14 kW", "apf: 3.49", 2, 3.5},
      {"air_cooled_heat_pump", "20 kW", "apf: 2.6", 3, 3.4},
      {"air_cooled_heat_pump", "20 kW", "apf: 2.59", 0, 3.4},
      {"water_cooled", "14 kW", "iplv: 3.7", 2, 4.0},
      {"water_cooled", "14.01 kW", "iplv: 3.7", 3, 4.5},
      {"water_cooled", "14.01 kW", "iplv: 3.69", 0, 4.5},
      {"computer_room_air_cooled", "40 kW", "aeer: 3.6", 2, 4.0},
      {"computer_room_air_cooled", "40 kW", "aeer: 3.59", 3, 4.0},
      {"base_station", "10 kW", "cop: 2.8", 3, 3.2},
      {"base_station", "10 kW", "cop: 2.79", 0, 3.2},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    tu_run r;
    unitary(&r, cases[i].type, cases[i].cap, cases[i].rated);
    TU_NEAR(&r, "equipment[AC1].grades[0]", cases[i].g1);
    if (cases[i].grade) {
      ck_assert_msg(tu_num(&r, "equipment[AC1].grade") == cases[i].grade,
                    "%s %s %s: grade %g, want %d", cases[i].type,
                    cases[i].cap, cases[i].rated,
                    tu_num(&r, "equipment[AC1].grade"), cases[i].grade);
    } else {
      ck_assert_msg(tu_is_null(&r, "equipment[AC1].grade"), "%s %s %s",
                    cases[i].type, cases[i].cap, cases[i].rated);
      ck_assert_str_eq(tu_str(&r, "equipment[AC1].status"), "not_reached");
      FIRES(&r, "equipment_below_limit", "GB 19576-2019", "GB 19576-2019");
    }
    tu_close(&r);
  }
}
END_TEST

/* A unitary air conditioner without the ratio its class grades (an APF
   for a cooling-only unit) is not graded and says which; 7 kW and below
   are outside GB 19576 (no class, the reason names the capacity); an
   unknown type names the type. */
START_TEST(t_unitary_ac_not_graded)
{
  tu_run r;
  unitary(&r, "air_cooled_cooling_only", "10 kW", "apf: 3.6");
  ck_assert_str_eq(tu_str(&r, "equipment[AC1].status"), "no_rated");
  ck_assert_str_eq(tu_str(&r, "equipment[AC1].metric"), "seer");
  ck_assert_msg(strstr(tu_str(&r, "equipment[AC1].not_graded_en"),
                       "no rated seasonal energy efficiency ratio SEER"),
                "%s", tu_str(&r, "equipment[AC1].not_graded_en"));
  tu_close(&r);
  unitary(&r, "air_cooled_cooling_only", "7 kW", "seer: 5");
  ck_assert(tu_is_null(&r, "equipment[AC1].grade"));
  ck_assert_msg(strstr(tu_str(&r, "equipment[AC1].not_graded_en"),
                       "capacity"),
                "%s", tu_str(&r, "equipment[AC1].not_graded_en"));
  ck_assert(strstr(tu_str(&r, "equipment[AC1].not_graded_en"),
                   "room air conditioners up to 14,000 W are graded by GB "
                   "21455"));
  tu_close(&r);
  unitary(&r, "split", "10 kW", "seer: 5");
  ck_assert(strstr(tu_str(&r, "equipment[AC1].not_graded_en"), "type"));
  tu_close(&r);
}
END_TEST

/* Axial fans by hub ratio (表3), no specific speed: γ < 0.3 is open at
   the top, so γ 0.3 is in 0.3 ≤ γ < 0.4; column No5 ≤ No < No10:
   γ 0.29 → 72 / 69 / 58 %, γ 0.3 → 74 / 71 / 61 %. 70 % is grade 2 in the
   first (≥ 69) and grade 3 in the second (< 71, ≥ 61). */
START_TEST(t_fan_axial_hub_ratio)
{
  tu_run r;
  fan(&r, ", type: axial, hub_ratio: 0.29, machine_number: 6, "
          "rated: {efficiency: \"70 %\"}");
  TU_NEAR(&r, "equipment[F1].grades[1]", 0.69);
  TU_NEAR(&r, "equipment[F1].grade", 2);
  tu_close(&r);
  fan(&r, ", type: axial, hub_ratio: 0.3, machine_number: 6, "
          "rated: {efficiency: \"70 %\"}");
  TU_NEAR(&r, "equipment[F1].grades[1]", 0.71);
  TU_NEAR(&r, "equipment[F1].grade", 3);
  tu_close(&r);
  /* γ 0.75 is above the last row (0.55 ≤ γ < 0.75) */
  fan(&r, ", type: axial, hub_ratio: 0.75, machine_number: 6, "
          "rated: {efficiency: \"70 %\"}");
  ck_assert(strstr(tu_str(&r, "equipment[F1].not_graded_en"),
                   "its hub ratio of 0.75 is in no class of GB 19761-2020 "
                   "(the classes together cover (, 0.75))"));
  tu_close(&r);
}
END_TEST

/* Double suction, 1,000 m3/h, 50 m, 1,480 r/min: ns uses half the flow,
   Q = 1000 / 3600 / 2 = 0.1388889 m3/s, √Q = 0.3726780, 50^0.75 =
   18.8030155; ns = 3.65 × 1480 × 0.3726780 / 18.8030155 = 107.06828059;
   the formula uses the whole 1,000 m3/h: f = 249.89219606; band
   (600, 20000]: C1 = 162.33 → η1 = 87.562196 %; 88 % → grade 1. */
START_TEST(t_pump_double_suction)
{
  tu_run r;
  pump(&r, ", type: double_suction, flow: \"1,000 m3/h\", head: \"50 m\", "
           "speed: \"1,480 r/min\", rated: {efficiency: \"88 %\"}");
  TU_NEAR(&r, "equipment[P1].specific_speed", 107.06828058741165);
  TU_NEAR(&r, "equipment[P1].limit_formula_pct", 249.8921960609738);
  TU_NEAR(&r, "equipment[P1].grades[0]", 0.8756219606097378);
  TU_NEAR(&r, "equipment[P1].grade", 1);
  tu_close(&r);
}
END_TEST

/* Multistage, 50 m3/h, 200 m in 5 stages (40 m each), 2,950 r/min:
   ns = 3.65 × 2950 × √(50/3600) / 40^0.75 = 3.65 × 2950 × 0.1178511 /
   15.9054146 = 79.78176478; multistage set: f = 209.72972432; band
   [5, 100]: C = 139.33 / 142.33 / 150.33 → 70.40 / 67.40 / 59.40 %;
   65 % → grade 3. */
START_TEST(t_pump_multistage)
{
  tu_run r;
  pump(&r, ", type: multistage, flow: \"50 m3/h\", head: \"200 m\", "
           "speed: \"2,950 r/min\", stages: 5, rated: {efficiency: \"65 %\"}");
  TU_NEAR(&r, "equipment[P1].specific_speed", 79.7817647816421);
  TU_NEAR(&r, "equipment[P1].limit_formula_pct", 209.72972431774315);
  TU_NEAR(&r, "equipment[P1].grades[1]", 0.6739972431774314);
  TU_NEAR(&r, "equipment[P1].grade", 3);
  tu_close(&r);
  /* without stages the head per stage is unknown: not graded */
  pump(&r, ", type: multistage, flow: \"50 m3/h\", head: \"200 m\", "
           "speed: \"2,950 r/min\", rated: {efficiency: \"65 %\"}");
  ck_assert(tu_is_null(&r, "equipment[P1].grade"));
  ck_assert(tu_is_null(&r, "equipment[P1].meets_limit"));
  ck_assert_ptr_nonnull(strstr(tu_str(&r, "equipment[P1].not_graded_en"),
                               "no stages is given"));
  FIRES(&r, "equipment_not_graded", "未给出stages",
        "No.1 pump is not graded against GB 19762-2025: no stages is given");
  tu_close(&r);
  /* a single-suction (single-stage) class with 3 stages contradicts */
  pump(&r, ", type: single_suction, flow: \"50 m3/h\", head: \"200 m\", "
           "speed: \"2,950 r/min\", stages: 3, rated: {efficiency: \"65 %\"}");
  ck_assert(tu_is_null(&r, "equipment[P1].grade"));
  ck_assert_ptr_nonnull(strstr(tu_str(&r, "equipment[P1].not_graded_en"),
                               "3 stage(s) contradict"));
  tu_close(&r);
}
END_TEST

/* Out of Table 3 (4 m3/h < 5), a type the table lacks, and a fan (GB
   19761-2020 not transcribed): reported, not graded, with the reason. */
START_TEST(t_pump_fan_not_graded)
{
  tu_run r;
  pump(&r, ", type: single_suction, flow: \"4 m3/h\", head: \"32 m\", "
           "speed: \"2,900 r/min\", rated: {efficiency: \"60 %\"}");
  ck_assert(tu_is_null(&r, "equipment[P1].grade"));
  /* the reason names the key and the value that found no class: 4 m3/h
     is below the first single-suction band [5, 300] */
  ck_assert_ptr_nonnull(strstr(tu_str(&r, "equipment[P1].not_graded_en"),
                               "its flow of 4 m3/h is outside the classes of "
                               "GB 19762-2025 (5 m3/h to 10,000 m3/h). "
                               "GB 19762-2025 Table 3 gives"));
  ck_assert_ptr_nonnull(strstr(tu_str(&r, "equipment[P1].not_graded_zh"),
                               "流量4 m3/h超出GB 19762-2025各类别的范围（5 m3/h"
                               "至10,000 m3/h）"));
  tu_close(&r);
  /* 10,000 m3/h is the closed top of (300, 10000]: graded; 10,001 is not */
  pump(&r, ", type: single_suction, flow: \"10,000 m3/h\", head: \"32 m\", "
           "speed: \"1,480 r/min\", rated: {efficiency: \"60 %\"}");
  ck_assert_str_eq(tu_str(&r, "equipment[P1].class_en"),
                   "Single-stage end-suction, 300–10,000 m³/h");
  tu_close(&r);
  pump(&r, ", type: single_suction, flow: \"10,001 m3/h\", head: \"32 m\", "
           "speed: \"1,480 r/min\", rated: {efficiency: \"60 %\"}");
  ck_assert(tu_is_null(&r, "equipment[P1].grade"));
  ck_assert_ptr_nonnull(strstr(tu_str(&r, "equipment[P1].not_graded_en"),
                               "its flow of 10,001 m3/h is outside"));
  tu_close(&r);
  /* a type no class names: the type is the reason, and the keys after it
     are not judged among classes of other types */
  pump(&r, ", type: chemical, flow: \"40 m3/h\", head: \"32 m\", "
           "speed: \"2,900 r/min\", rated: {efficiency: \"60 %\"}");
  ck_assert(tu_is_null(&r, "equipment[P1].grade"));
  ck_assert_ptr_nonnull(strstr(tu_str(&r, "equipment[P1].not_graded_en"),
                               "its type is not among those GB 19762-2025 "
                               "grades. GB 19762-2025"));
  tu_close(&r);
  char body[600];
  snprintf(body, sizeof body,
           "units:\n"
           "  - {id: fh, name: {zh: 风机房, en: Fan house}, stage: end_use}\n"
           "meters:\n"
           "  - {id: E1, carrier: electricity, level: 1, to: fh, total: "
           "\"100,000 kWh\"}\n"
           "equipment:\n"
           "  - {id: F1, kind: fan, name: {zh: 1#风机, en: No.1 fan}, unit: "
           "fh, efficiency: \"80 %%\"}\n");
  load(&r, NULL, body);
  TU_NEAR(&r, "equipment[F1].efficiency", 0.8);
  ck_assert(tu_is_null(&r, "equipment[F1].grade"));
  /* no type: the type is the reason (it picks the table) */
  FIRES(&r, "equipment_not_graded", "未给出类型，GB 19761-2020按类型分级。",
        "no type is given, and GB 19761-2020 grades by type. GB 19761-2020 "
        "grades in four tables");
  tu_close(&r);
}
END_TEST

/* {------------------------------------------- rated and measured */

/* The severity of the first finding of rule id, or "" when none. */
static const char *severity_of(const tu_run *r, const char *id)
{
  const value *fs = val_path(r->results, "findings");
  for (size_t i = 0; fs && i < fs->n; i++)
    if (strcmp(val_get(fs->items[i], "rule")->str, id) == 0)
      return val_get(fs->items[i], "severity")->str;
  return "";
}

/* One item of kind (and its fields) in a 2023 plant (GB 18613-2020 and
   GB/T 12497-2006 in force), or in the year given. */
static void item_in(tu_run *r, const char *year, const char *fields)
{
  char body[1200], h[600];
  snprintf(h, sizeof h,
           "auditgen: 1\n"
           "facility:\n"
           "  name: {zh: 测试厂, en: Test plant}\n"
           "  industry: cement\n"
           "  output_value: \"10,000 万元\"\n"
           "audit:\n"
           "  period: {from: %s-01-01, to: %s-12-31}\n",
           year, year);
  snprintf(body, sizeof body,
           "meters:\n"
           "  - {id: E1, carrier: electricity, level: 1, total: \"100,000 "
           "kWh\"}\n"
           "equipment:\n"
           "  - {id: X1, name: {zh: 设备甲, en: Item A}, %s}\n",
           fields);
  static char both[2000];
  snprintf(both, sizeof both, "%s", h);
  load(r, both, body);
}

/* GB/T 12497 zones of a 250 kW motor (economic ≥ 70 %, allowable ≥ 40 %):
     97 kW:  β = 97 / 250 = 0.388 < 0.40  → non-economic (warning)
     100 kW: β = 100 / 250 = 0.40         → allowable (the boundary)
     175 kW: β = 175 / 250 = 0.70         → economic (the boundary)
     260 kW: β = 260 / 250 = 1.04 > 1     → overloaded (warning)
   load_factor 64 % as measured           → allowable */
START_TEST(t_motor_load_factor)
{
  tu_run r;
  static const char m[] = "kind: motor, capacity: \"250 kW\", poles: 4, "
                          "rated: {efficiency: \"96.5 %%\"}, measured: "
                          "{efficiency: \"93.6 %%\", %s}";
  char f[300];
  snprintf(f, sizeof f, m, "output_power: \"97 kW\"");
  item_in(&r, "2023", f);
  NEAR(&r, "equipment[X1].operation.load_factor", 0.388);
  ck_assert_str_eq(tu_str(&r, "equipment[X1].operation.zone"),
                   "non_economic");
  ck_assert_str_eq(tu_str(&r, "equipment[X1].operation.cause"), "low_load");
  ck_assert_str_eq(tu_str(&r, "equipment[X1].operation.standard"),
                   "GB/T 12497-2006");
  FIRES(&r, "equipment_operation_short",
        "负载率38.8 %，低于允许运行区下限40.0 %",
        "load factor 38.8 % is below the allowable zone's 40.0 %");
  ck_assert_str_eq(severity_of(&r, "equipment_operation_short"), "warning");
  /* the rated 96.5 % reaches grade 3 (96.0 %): no nonconformity */
  ck_assert(tu_num(&r, "equipment[X1].grade") == 3);
  QUIET(&r, "equipment_below_limit");
  tu_close(&r);
  snprintf(f, sizeof f, m, "output_power: \"100 kW\"");
  item_in(&r, "2023", f);
  ck_assert_str_eq(tu_str(&r, "equipment[X1].operation.zone"), "allowable");
  QUIET(&r, "equipment_operation_short");
  tu_close(&r);
  snprintf(f, sizeof f, m, "output_power: \"175 kW\"");
  item_in(&r, "2023", f);
  ck_assert_str_eq(tu_str(&r, "equipment[X1].operation.zone"), "economic");
  tu_close(&r);
  snprintf(f, sizeof f, m, "output_power: \"260 kW\"");
  item_in(&r, "2023", f);
  NEAR(&r, "equipment[X1].operation.load_factor", 1.04);
  ck_assert_str_eq(tu_str(&r, "equipment[X1].operation.zone"), "overload");
  FIRES(&r, "equipment_operation_short", "负载率104.0 %，超过100 %",
        "load factor 104.0 %, above 100 %");
  tu_close(&r);
  snprintf(f, sizeof f, m, "load_factor: \"64 %\"");
  item_in(&r, "2023", f);
  ck_assert_str_eq(tu_str(&r, "equipment[X1].operation.load_factor_from"),
                   "measured");
  ck_assert_str_eq(tu_str(&r, "equipment[X1].operation.zone"), "allowable");
  tu_close(&r);
  /* nothing measured: not assessed, no warning */
  item_in(&r, "2023", "kind: motor, capacity: \"250 kW\", poles: 4");
  ck_assert(tu_is_null(&r, "equipment[X1].operation.meets"));
  ck_assert_str_eq(tu_str(&r, "equipment[X1].operation.zone"),
                   "not_assessed");
  QUIET(&r, "equipment_operation_short");
  tu_close(&r);
}
END_TEST

/* GB/T 13462, 1,000 kVA, P0 = 1.7 kW, Pk = 10.3 kW:
     β_JZ = √(1.7 / 10.3) = √0.16504854368932 = 0.4062616689885
     economic from β_JZ² = 0.16504854368932, best from 1.33 ×
     0.16504854368932 = 0.21951456310680 to 0.75
     150 kVA: β = 0.15 < 0.1650485 → non-economic (light load, warning)
     170 kVA: β = 0.17             → economic (below the best zone)
     500 kVA: β = 0.50             → best
     800 kVA: β = 0.80 > 0.75      → economic */
START_TEST(t_transformer_economic)
{
  tu_run r;
  static const char t[] = "kind: transformer, capacity: \"1,000 kVA\", "
                          "rated: {no_load_loss: \"1.7 kW\", load_loss: "
                          "\"10.3 kW\"}, measured: {load: \"%s kVA\"}";
  char f[300];
  snprintf(f, sizeof f, t, "150");
  item_in(&r, "2023", f);
  NEAR(&r, "equipment[X1].operation.economic_load_factor",
       0.4062616689885);
  NEAR(&r, "equipment[X1].operation.economic_from", 0.16504854368932);
  NEAR(&r, "equipment[X1].operation.best_from", 0.21951456310680);
  NEAR(&r, "equipment[X1].operation.load_factor", 0.15);
  ck_assert_str_eq(tu_str(&r, "equipment[X1].operation.zone"),
                   "non_economic");
  ck_assert_str_eq(tu_str(&r, "equipment[X1].operation.cause"), "light_load");
  FIRES(&r, "equipment_operation_short", "低于经济运行区下限β_JZ² = 16.5 %",
        "below the economic zone's β_JZ² = 16.5 %");
  ck_assert_str_eq(severity_of(&r, "equipment_operation_short"), "warning");
  QUIET(&r, "equipment_below_limit");
  tu_close(&r);
  static const char *const loads[] = {"170", "500", "800"};
  static const char *const zones[] = {"economic", "best", "economic"};
  for (int i = 0; i < 3; i++) {
    snprintf(f, sizeof f, t, loads[i]);
    item_in(&r, "2023", f);
    ck_assert_str_eq(tu_str(&r, "equipment[X1].operation.zone"), zones[i]);
    QUIET(&r, "equipment_operation_short");
    tu_close(&r);
  }
  /* without the nameplate losses: not assessed */
  item_in(&r, "2023", "kind: transformer, capacity: \"1,000 kVA\", "
                      "measured: {load: \"150 kVA\"}");
  ck_assert(tu_is_null(&r, "equipment[X1].operation.meets"));
  QUIET(&r, "equipment_operation_short");
  tu_close(&r);
}
END_TEST

/* Fans (GB/T 13466) and pumps (GB/T 13469): operating / rated efficiency
   at least 85 %:
     fan 63.5 % / 84 % = 0.75595238095 < 0.85, damper → throttling
     fan 72 % / 84 % = 0.85714285714 ≥ 0.85           → economic
     pump 70.5 % / 86 % = 0.81976744186 < 0.85, flow 560 / 900 =
       0.62222222222,
       more than 20 % off the rated flow           → off the design point
     pump 70.5 % / 86 %, flow 850 / 900 = 0.9444   → cause not determined */
START_TEST(t_fan_pump_operation)
{
  tu_run r;
  item_in(&r, "2023", "kind: fan, rated: {efficiency: \"84 %\"}, measured: "
                      "{efficiency: \"63.5 %\", control: damper}");
  NEAR(&r, "equipment[X1].operation.efficiency_ratio", 0.75595238095238);
  ck_assert_str_eq(tu_str(&r, "equipment[X1].operation.cause"), "throttling");
  FIRES(&r, "equipment_operation_short", "采用挡板节流调节流量",
        "the flow is controlled by a damper");
  ck_assert_str_eq(tu_str(&r, "equipment[X1].operation.standard"),
                   "GB/T 13466-2006");
  tu_close(&r);
  item_in(&r, "2023", "kind: fan, rated: {efficiency: \"84 %\"}, measured: "
                      "{efficiency: \"72 %\", control: damper}");
  NEAR(&r, "equipment[X1].operation.efficiency_ratio", 0.85714285714286);
  ck_assert_str_eq(tu_str(&r, "equipment[X1].operation.zone"), "economic");
  QUIET(&r, "equipment_operation_short");
  tu_close(&r);
  static const char p[] =
      "kind: pump, type: single_suction, flow: \"900 m3/h\", head: \"45 "
      "m\", speed: \"1,480 r/min\", rated: {efficiency: \"86 %%\"}, "
      "measured: {efficiency: \"70.5 %%\", flow: \"%s m3/h\"}";
  char f[400];
  snprintf(f, sizeof f, p, "560");
  item_in(&r, "2026", f);
  NEAR(&r, "equipment[X1].operation.efficiency_ratio", 0.81976744186047);
  NEAR(&r, "equipment[X1].operation.flow_ratio", 0.62222222222222);
  ck_assert_str_eq(tu_str(&r, "equipment[X1].operation.cause"), "off_design");
  FIRES(&r, "equipment_operation_short", "运行流量为额定流量的62.2 %",
        "operating flow 62.2 % of the rated flow");
  tu_close(&r);
  snprintf(f, sizeof f, p, "850");
  item_in(&r, "2026", f);
  ck_assert_str_eq(tu_str(&r, "equipment[X1].operation.cause"),
                   "not_determined");
  tu_close(&r);
}
END_TEST

/* The rated value below the product standard's limit is a nonconformity;
   a measured shortfall is a warning and never one. 75 kW, 4 poles:
   GB 18613-2020 grades 96.7 / 96.0 / 95.0 %. */
START_TEST(t_rated_nonconformity_measured_warning)
{
  tu_run r;
  /* rated 94.7 % < 95.0 %: nonconformity; β = 60 / 75 = 0.80 economic */
  item_in(&r, "2023", "kind: motor, capacity: \"75 kW\", poles: 4, rated: "
                      "{efficiency: \"94.7 %\"}, measured: {efficiency: "
                      "\"95.5 %\", output_power: \"60 kW\"}");
  FIRES(&r, "equipment_below_limit", "额定效率（铭牌值）未达到GB 18613-2020",
        "the rated (nameplate) efficiency does not reach");
  ck_assert_str_eq(severity_of(&r, "equipment_below_limit"), "nonconformity");
  QUIET(&r, "equipment_operation_short");
  tu_close(&r);
  /* rated 95.4 % (grade 3), measured 90 % at β = 20 / 75 = 0.2667: a
     warning with its cause, no nonconformity */
  item_in(&r, "2023", "kind: motor, capacity: \"75 kW\", poles: 4, rated: "
                      "{efficiency: \"95.4 %\"}, measured: {efficiency: "
                      "\"90 %\", output_power: \"20 kW\"}");
  ck_assert_str_eq(severity_of(&r, "equipment_operation_short"), "warning");
  FIRES(&r, "equipment_operation_short", "这是运行问题", "not a product");
  QUIET(&r, "equipment_below_limit");
  ck_assert(tu_num(&r, "equipment[X1].grade") == 3);
  tu_close(&r);
  /* an older file's single value is the measured one: 90 % is not graded
     against GB 18613 (no "淘汰" nonconformity) */
  item_in(&r, "2023", "kind: motor, capacity: \"75 kW\", poles: 4, "
                      "efficiency: \"90 %\"");
  NEAR(&r, "equipment[X1].efficiency", 0.9);
  ck_assert(tu_is_null(&r, "equipment[X1].meets_limit"));
  ck_assert_str_eq(tu_str(&r, "equipment[X1].status"), "no_rated");
  QUIET(&r, "equipment_below_limit");
  FIRES(&r, "equipment_not_graded", "实测值不与之比较",
        "which a measured value is not compared with");
  tu_close(&r);
}
END_TEST

/* The catalogues: listed by series or model (spaces, case and full-width
   dashes do not matter), possible when a condition is not stated, not
   applied before they came into force. */
START_TEST(t_equipment_catalogue)
{
  tu_run r;
  item_in(&r, "2016", "kind: motor, capacity: \"22 kW\", poles: 4, series: "
                      "jo2, model: \"JO2-72-4\"");
  ck_assert_str_eq(tu_str(&r, "equipment[X1].catalogue.status"), "listed");
  FIRES(&r, "equipment_obsolete", "第1-1项：小型异步电动机",
        "item 1-1: Small induction motors");
  ck_assert_str_eq(severity_of(&r, "equipment_obsolete"), "nonconformity");
  tu_close(&r);
  item_in(&r, "2025", "kind: air_compressor, model: \"L－10/8\"");
  ck_assert_str_eq(tu_str(&r, "equipment[X1].catalogue.status"), "listed");
  FIRES(&r, "equipment_obsolete", "L-10/8", "L-10/8");
  tu_close(&r);
  item_in(&r, "2025", "kind: air_compressor, model: \"L-10/9\"");
  ck_assert_str_eq(tu_str(&r, "equipment[X1].catalogue.status"),
                   "not_listed");
  QUIET(&r, "equipment_obsolete");
  tu_close(&r);
  /* a coal boiler of 8 t/h: listed from 2024-02-01, not in 2023 */
  static const char b[] = "kind: industrial_boiler, type: grate, fuel: "
                          "raw_coal, capacity: \"%s\"";
  char f[300];
  snprintf(f, sizeof f, b, "8 t/h");
  item_in(&r, "2025", f);
  ck_assert_str_eq(tu_str(&r, "equipment[X1].catalogue.status"), "listed");
  FIRES(&r, "equipment_obsolete", "每小时10蒸吨及以下燃煤锅炉",
        "Coal-fired boilers of 10 t/h of steam or less");
  tu_close(&r);
  item_in(&r, "2023", f);
  ck_assert_str_eq(tu_str(&r, "equipment[X1].catalogue.status"),
                   "not_checked");
  QUIET(&r, "equipment_obsolete");
  tu_close(&r);
  snprintf(f, sizeof f, b, "12 t/h");
  item_in(&r, "2025", f);
  QUIET(&r, "equipment_obsolete");
  QUIET(&r, "equipment_obsolete_possible");
  tu_close(&r);
  /* in MW the steam tonnes are not known: possible, a warning */
  snprintf(f, sizeof f, b, "5 MW");
  item_in(&r, "2025", f);
  ck_assert_str_eq(tu_str(&r, "equipment[X1].catalogue.status"), "possible");
  FIRES(&r, "equipment_obsolete_possible", "以10 t/h的单位计的容量",
        "capacity in the unit of 10 t/h");
  ck_assert_str_eq(severity_of(&r, "equipment_obsolete_possible"), "warning");
  QUIET(&r, "equipment_obsolete");
  tu_close(&r);
}
END_TEST

/* }------------------------------------------- */

START_TEST(t_boiler_efficiency_low)
{
  tu_run r;
  /* 78 % < 80 % */
  boiler(&r, ", efficiency: \"78 %\"");
  FIRES(&r, "boiler_efficiency_low", "锅炉1#锅炉实测热效率78.0 %低于80%",
        "Boiler No.1 boiler: measured thermal efficiency 78.0 % is below 80 %");
  tu_close(&r);
  /* 81 % */
  boiler(&r, ", efficiency: \"81 %\"");
  QUIET(&r, "boiler_efficiency_low");
  tu_close(&r);
}
END_TEST

/* }====================================================== */
/* {====================================================== measures */

/* One measure saving 100,000 kWh a year at 0.6 CNY/kWh = 60,000 CNY,
   12.29 tce, 100 MWh × 0.5568 = 55.68 tCO2 (national 2021 factor); 10
   years at 8 %: annuity factor (1 − 1.08^−10) / 0.08 = 6.7100814, CRF =
   1 / 6.7100814 = 0.1490295. */
static void measure(tu_run *r, const char *investment)
{
  char body[1024];
  snprintf(body, sizeof body,
           "meters:\n"
           "  - {id: E1, carrier: electricity, level: 1, total: "
           "\"1,000,000 kWh\"}\n"
           "prices:\n"
           "  electricity: \"0.6 CNY/kWh\"\n"
           "measures:\n"
           "  - id: M1\n"
           "    name: {zh: 变频改造, en: VFD retrofit}\n"
           "    investment: \"%s CNY\"\n"
           "    saves:\n"
           "      - {carrier: electricity, amount: \"100,000 kWh\"}\n"
           "    lifetime: \"10 a\"\n"
           "    discount_rate: \"8 %%\"\n",
           investment);
  load(r, NULL, body);
}

START_TEST(t_measure_not_viable)
{
  tu_run r;
  /* NPV = −1,000,000 + 60,000 × 6.7100814 = −597,395 CNY: in 万元, as
     every amount of the measures chapter */
  measure(&r, "1,000,000");
  FIRES(&r, "measure_not_viable", "措施变频改造在8.0 %折现率下净现值为-59.74万元",
        "VFD retrofit: NPV of -59.74 × 10⁴ CNY at 8.0 % discount rate");
  tu_close(&r);
  /* NPV = −100,000 + 402,605 = +302,605 CNY */
  measure(&r, "100,000");
  QUIET(&r, "measure_not_viable");
  tu_close(&r);
}
END_TEST

START_TEST(t_measure_quick_payback)
{
  tu_run r;
  /* payback = 100,000 / 60,000 = 1.67 a <= 3 */
  measure(&r, "100,000");
  FIRES(&r, "measure_quick_payback",
        "投资10.00万元，年节能12.29 tce、节约6.00万元，静态回收期1.7年",
        "investment 10.00 × 10⁴ CNY, annual saving 12.29 tce and "
        "6.00 × 10⁴ CNY, "
        "simple payback 1.7 years");
  tu_close(&r);
  /* payback = 200,000 / 60,000 = 3.33 a */
  measure(&r, "200,000");
  QUIET(&r, "measure_quick_payback");
  tu_close(&r);
}
END_TEST

START_TEST(t_measure_payback_exceeds_life)
{
  tu_run r;
  /* payback = 1,000,000 / 60,000 = 16.7 a > 10 a */
  measure(&r, "1,000,000");
  FIRES(&r, "measure_payback_exceeds_life", "措施变频改造在寿命期10年内无法收回投资",
        "VFD retrofit does not pay back within its 10-year life");
  tu_close(&r);
  /* payback = 500,000 / 60,000 = 8.3 a <= 10 a */
  measure(&r, "500,000");
  QUIET(&r, "measure_payback_exceeds_life");
  tu_close(&r);
}
END_TEST

START_TEST(t_measure_negative_abatement_cost)
{
  tu_run r;
  /* (100,000 × 0.1490295 − 60,000) / 55.68 = −45,097.05 / 55.68 =
     −809.9 CNY/tCO2 */
  measure(&r, "100,000");
  FIRES(&r, "measure_negative_abatement_cost", "减排成本为-810元/tCO2",
        "abates CO2 at -810 CNY/tCO2");
  FIRES(&r, "measure_negative_abatement_cost", "年减排56 tCO2",
        "56 tCO2 a year");
  tu_close(&r);
  /* (1,000,000 × 0.1490295 − 60,000) / 55.68 = +1,598.9 CNY/tCO2 */
  measure(&r, "1,000,000");
  QUIET(&r, "measure_negative_abatement_cost");
  tu_close(&r);
}
END_TEST

START_TEST(t_no_measures)
{
  tu_run r;
  load(&r, NULL,
       "meters:\n"
       "  - {id: E1, carrier: electricity, level: 1, total: \"1,000,000 "
       "kWh\"}\n");
  FIRES(&r, "no_measures", "未提出节能技改措施",
        "No energy-saving measures are proposed");
  tu_close(&r);
  measure(&r, "100,000");
  QUIET(&r, "no_measures");
  tu_close(&r);
}
END_TEST

/* }====================================================== */
/* {====================================================== metering */

/* A boundary power meter (accuracy e1_class, "" for none; 100,000 kWh:
   GB 17167 Table 4 user class IV, class 2.0 required), a coal belt scale
   into the boiler house (coal_class; class 0.5 required for dynamic
   weighing of fuel)
   and a level-2 power point into the boiler house (e2: data or
   "installed: false"). */
static void metering(tu_run *r, const char *e1_class, const char *coal_class,
                     const char *e2)
{
  char body[2048];
  snprintf(body, sizeof body,
           "units:\n"
           "  - {id: boiler, name: {zh: 锅炉房, en: Boiler house}, stage: "
           "end_use}\n"
           "meters:\n"
           "  - {id: C1, carrier: raw_coal, level: 1, accuracy: \"%s\", kind: "
           "belt_scale, to: boiler, total: \"1,000 t\"}\n"
           "  - {id: E1, carrier: electricity, level: 1, %s total: "
           "\"100,000 kWh\"}\n"
           "  - {id: E2, carrier: electricity, level: 2, from: site, to: "
           "boiler, %s}\n",
           coal_class, e1_class, e2);
  load(r, NULL, body);
}

#define E2_OK "total: \"100,000 kWh\""
#define E2_MISSING "installed: false"

START_TEST(t_metering_coverage_short)
{
  tu_run r;
  /* level 2 power: 0 of 1 point metered = 0 % < 100 % */
  metering(&r, "accuracy: \"1.0\",", "0.5", E2_MISSING);
  FIRES(&r, "metering_coverage_short",
        "电力第2级计量器具配备率为0 %（0/1），低于GB 17167要求的100.0 %",
        "Electricity, level 2: metering coverage 0 % (0 of 1) is below the "
        "100.0 %");
  tu_close(&r);
  /* 1 of 1 = 100 % */
  metering(&r, "accuracy: \"1.0\",", "0.5", E2_OK);
  QUIET(&r, "metering_coverage_short");
  tu_close(&r);
}
END_TEST

START_TEST(t_metering_coverage_full)
{
  tu_run r;
  metering(&r, "accuracy: \"1.0\",", "0.5", E2_OK);
  FIRES(&r, "metering_coverage_full", "均满足GB 17167的要求",
        "Metering coverage meets GB 17167 at every level");
  tu_close(&r);
  metering(&r, "accuracy: \"1.0\",", "0.5", E2_MISSING);
  QUIET(&r, "metering_coverage_full");
  tu_close(&r);
}
END_TEST

START_TEST(t_meter_class_too_coarse)
{
  tu_run r;
  /* coal at the boundary: class 1.0 coarser than the 0.5 required */
  metering(&r, "accuracy: \"1.0\",", "1.0", E2_OK);
  FIRES(&r, "meter_class_too_coarse", "计量器具C1（衡器", "Meter C1 (Weighing");
  FIRES(&r, "meter_class_too_coarse", "准确度等级为1.0，低于GB 17167要求的0.5级",
        "is of class 1.0, coarser than the class 0.5");
  tu_close(&r);
  /* class 0.5 */
  metering(&r, "accuracy: \"1.0\",", "0.5", E2_OK);
  QUIET(&r, "meter_class_too_coarse");
  tu_close(&r);
}
END_TEST

START_TEST(t_meter_class_missing)
{
  tu_run r;
  /* E1 states no class; 100,000 kWh a year: class 2.0 required */
  metering(&r, "", "0.5", E2_OK);
  FIRES(&r, "meter_class_missing", "计量器具E1未注明准确度等级",
        "Level-1 meter E1 states no accuracy class");
  FIRES(&r, "meter_class_missing", "要求2.0级", "(class 2.0)");
  tu_close(&r);
  /* E1 states its class; E2 (level 2) states none and is now checked too */
  metering(&r, "accuracy: \"1.0\",", "0.5", E2_OK);
  ck_assert(!finding_mentions(&r, "meter_class_missing", "E1"));
  FIRES(&r, "meter_class_missing", "第2级计量器具E2未注明准确度等级",
        "Level-2 meter E2 states no accuracy class");
  tu_close(&r);
}
END_TEST

/* A meter that states no class is "not stated", not a failed check: its
   row says so and the counts keep it out of the checked meters (the
   summary's "meeting the required class" count is meets / checked).
   Worked by hand: C1 belt scale 0.5 against 0.5 (dynamic weighing) meets;
   E1 and E2 state no class. Then C1 1.0 against 0.5 does not meet, E1 2.0
   against 2.0 (100,000 kWh a year) meets, E2 still states none. */
START_TEST(t_meter_class_not_stated_counts)
{
  tu_run r;
  metering(&r, "", "0.5", E2_OK);
  const value *acc = val_path(r.results, "metering.accuracy");
  ck_assert_uint_eq(acc->n, 3);
  const value *e1 = NULL;
  for (size_t i = 0; i < acc->n; i++)
    if (strcmp(val_get(acc->items[i], "meter")->str, "E1") == 0)
      e1 = acc->items[i];
  ck_assert_ptr_nonnull(e1);
  ck_assert_str_eq(val_get(e1, "status")->str, "not_stated");
  ck_assert_str_eq(val_get(e1, "check_zh")->str, "未注明");
  ck_assert_str_eq(val_get(e1, "check_en")->str, "Not stated");
  ck_assert_str_eq(val_get(e1, "reason")->str, "class_missing");
  ck_assert_int_eq(val_get(e1, "ok")->kind, VAL_NULL);
  ck_assert_double_eq(tu_num(&r, "metering.class_check.meets"), 1);
  ck_assert_double_eq(tu_num(&r, "metering.class_check.does_not_meet"), 0);
  ck_assert_double_eq(tu_num(&r, "metering.class_check.not_stated"), 2);
  ck_assert_double_eq(tu_num(&r, "metering.class_check.cannot_check"), 0);
  ck_assert_double_eq(tu_num(&r, "metering.class_check.checked"), 1);
  QUIET(&r, "meter_kind_assumed"); /* nothing was checked as assumed */
  tu_close(&r);
  metering(&r, "accuracy: \"2.0\",", "1.0", E2_OK);
  ck_assert_double_eq(tu_num(&r, "metering.class_check.meets"), 1);
  ck_assert_double_eq(tu_num(&r, "metering.class_check.does_not_meet"), 1);
  ck_assert_double_eq(tu_num(&r, "metering.class_check.not_stated"), 1);
  ck_assert_double_eq(tu_num(&r, "metering.class_check.checked"), 2);
  tu_close(&r);
}
END_TEST

/* The meter's entry of metering.accuracy (or metering.missing). */
static const value *meter_row(const tu_run *r, const char *list,
                              const char *id)
{
  const value *acc = val_path(r->results, list);
  for (size_t i = 0; acc && i < acc->n; i++)
    if (strcmp(val_get(acc->items[i], "meter")->str, id) == 0)
      return acc->items[i];
  ck_abort_msg("no %s entry for %s", list, id);
  return NULL;
}

static const char *row_str(const value *row, const char *key)
{
  const value *v = val_get(row, key);
  return v && v->kind == VAL_STR ? v->str : "(null)";
}

/* One coal meter of the given class and meter fields (kind, calibration)
   at level 1 and a power meter, in 2016. */
static void coal_meter(tu_run *r, const char *cls, const char *fields)
{
  char body[1024];
  snprintf(body, sizeof body,
           "meters:\n"
           "  - {id: C1, name: {zh: 进厂煤汽车衡, en: Coal truck scale}, "
           "carrier: raw_coal, level: 1, accuracy: \"%s\", %s total: "
           "\"1,000 t\"}\n"
           "  - {id: E1, carrier: electricity, level: 1, accuracy: \"2.0\", "
           "total: \"100,000 kWh\"}\n",
           cls, fields);
  load(r, NULL, body);
}

/* GB 17167 Table 4: static weighing 0.1, dynamic 0.5. A truck scale is
   static (the 0.5 that meets dynamic weighing does not meet it); without a
   kind the class cannot be checked, and nothing is assumed for coal. */
START_TEST(t_meter_kind_weighing)
{
  tu_run r;
  coal_meter(&r, "0.5", "kind: truck_scale,");
  const value *c1 = meter_row(&r, "metering.accuracy", "C1");
  ck_assert_str_eq(row_str(c1, "required_class"), "0.1");
  ck_assert_str_eq(row_str(c1, "status"), "does_not_meet");
  ck_assert_str_eq(row_str(c1, "check_zh"), "不符合");
  ck_assert_str_eq(row_str(c1, "check_en"), "Does not meet");
  ck_assert_str_eq(row_str(c1, "kind_zh"), "汽车衡（静态称重）");
  FIRES(&r, "meter_class_too_coarse", "衡器（进出用能单位燃料的静态计量）",
        "is of class 0.5, coarser than the class 0.1");
  QUIET(&r, "meter_kind_missing");
  tu_close(&r);
  coal_meter(&r, "0.5", "kind: belt_scale,");
  c1 = meter_row(&r, "metering.accuracy", "C1");
  ck_assert_str_eq(row_str(c1, "required_class"), "0.5");
  ck_assert_str_eq(row_str(c1, "status"), "meets");
  ck_assert_str_eq(row_str(c1, "check_zh"), "符合");
  QUIET(&r, "meter_class_too_coarse");
  tu_close(&r);
  coal_meter(&r, "0.1", "kind: static_rail_scale,");
  ck_assert_str_eq(row_str(meter_row(&r, "metering.accuracy", "C1"), "status"),
                   "meets");
  tu_close(&r);
  coal_meter(&r, "0.5", "");
  c1 = meter_row(&r, "metering.accuracy", "C1");
  ck_assert_str_eq(row_str(c1, "status"), "cannot_check");
  ck_assert_str_eq(row_str(c1, "check_zh"), "无法判定");
  ck_assert_str_eq(row_str(c1, "check_en"), "Cannot be checked");
  ck_assert_str_eq(row_str(c1, "reason"), "kind_missing");
  ck_assert_int_eq(val_get(c1, "ok")->kind, VAL_NULL);
  ck_assert_int_eq(val_get(c1, "required_class")->kind, VAL_NULL);
  FIRES(&r, "meter_kind_missing", "计量器具C1（进厂煤汽车衡）未注明器具类型",
        "states no instrument kind");
  QUIET(&r, "meter_class_too_coarse");
  QUIET(&r, "meter_kind_assumed");
  tu_close(&r);
}
END_TEST

/* A kind the table has no row for on the carrier (a flow meter on coal),
   and a carrier with no row (heat): said, not checked. A diesel meter with
   no kind is checked as the oil flow meter, and a finding says so. */
START_TEST(t_meter_kind_not_in_table)
{
  tu_run r;
  coal_meter(&r, "0.5", "kind: flow_meter,");
  const value *c1 = meter_row(&r, "metering.accuracy", "C1");
  ck_assert_str_eq(row_str(c1, "status"), "cannot_check");
  ck_assert_str_eq(row_str(c1, "reason"), "kind_not_in_table");
  FIRES(&r, "meter_not_in_table", "表4未规定该类器具用于该能源品种时的准确度等级",
        "Table 4 sets no class for this kind of instrument on this carrier");
  tu_close(&r);
  load(&r, NULL,
       "meters:\n"
       "  - {id: H1, carrier: heat, level: 1, accuracy: \"2.0\", total: "
       "\"1,000 GJ\"}\n"
       "  - {id: D1, carrier: diesel, level: 1, accuracy: \"1.0\", total: "
       "\"10 t\"}\n");
  const value *h1 = meter_row(&r, "metering.accuracy", "H1");
  ck_assert_str_eq(row_str(h1, "reason"), "no_row");
  FIRES(&r, "meter_not_in_table", "表4未规定该能源品种计量器具的准确度等级",
        "Table 4 sets no class for meters of this carrier");
  const value *d1 = meter_row(&r, "metering.accuracy", "D1");
  ck_assert(val_get(d1, "kind_assumed")->b);
  ck_assert_str_eq(row_str(d1, "required_class"), "0.5");
  ck_assert_str_eq(row_str(d1, "status"), "does_not_meet");
  FIRES(&r, "meter_kind_assumed", "按“油流量表（装置）（成品油）”核对",
        "checked as for the instrument “Oil flow meter (refined oil products)”");
  tu_close(&r);
}
END_TEST

/* Every level is checked: 1.2 × 10^8 kWh a year is 10^7 kWh a month, user
   class I (0.5S at the boundary); levels 2 and 3 may be one grade lower
   (0.5, GB 17167 4.3.9, 4.3.10). */
START_TEST(t_meter_levels_one_grade_lower)
{
  tu_run r;
  load(&r, NULL,
       "units:\n"
       "  - {id: mill, name: {zh: 磨, en: Mill}, stage: end_use}\n"
       "meters:\n"
       "  - {id: E1, carrier: electricity, level: 1, accuracy: \"0.5\", "
       "total: \"120,000,000 kWh\"}\n"
       "  - {id: E2, carrier: electricity, level: 2, accuracy: \"0.5\", "
       "from: site, to: mill, total: \"60,000,000 kWh\"}\n"
       "  - {id: E3, carrier: electricity, level: 3, accuracy: \"1.0\", "
       "from: mill, to: outside, total: \"1,000,000 kWh\"}\n");
  const value *e1 = meter_row(&r, "metering.accuracy", "E1");
  ck_assert_str_eq(row_str(e1, "required_class"), "0.5S");
  ck_assert_str_eq(row_str(e1, "status"), "does_not_meet");
  ck_assert(!val_get(e1, "one_grade_lower")->b);
  const value *e2 = meter_row(&r, "metering.accuracy", "E2");
  ck_assert_str_eq(row_str(e2, "required_class"), "0.5");
  ck_assert_str_eq(row_str(e2, "status"), "meets");
  ck_assert(val_get(e2, "one_grade_lower")->b);
  ck_assert_int_eq((int)val_get(e2, "level")->num, 2);
  const value *e3 = meter_row(&r, "metering.accuracy", "E3");
  ck_assert_str_eq(row_str(e3, "status"), "does_not_meet");
  ck_assert(finding_mentions(&r, "meter_class_too_coarse", "计量器具E3"));
  ck_assert(finding_mentions(&r, "meter_class_too_coarse", "Meter E3 "));
  ck_assert(!finding_mentions(&r, "meter_class_too_coarse", "Meter E2 "));
  QUIET(&r, "meter_kind_assumed");
  tu_close(&r);
}
END_TEST

/* Calibration at the period's end (2016-12-31, GB 17167 5.3). */
START_TEST(t_meter_calibration)
{
  tu_run r;
  /* 2015-06-01 + 12 months = 2016-06-01 < 2016-12-31: overdue */
  coal_meter(&r, "0.1",
             "kind: truck_scale, calibrated: 2015-06-01, "
             "calibration_interval: 12, certificate: JL-0001,");
  const value *c1 = meter_row(&r, "metering.accuracy", "C1");
  ck_assert_str_eq(row_str(c1, "calibration_due"), "2016-06-01");
  ck_assert_str_eq(row_str(c1, "calibration_status"), "overdue");
  ck_assert_str_eq(row_str(c1, "certificate"), "JL-0001");
  FIRES(&r, "meter_calibration_overdue", "有效期至2016-06-01，审计期末已超期",
        "was due for calibration on 2016-06-01");
  /* E1 has no record: listed once */
  FIRES(&r, "meter_calibration_missing", "1台计量器具在审计期末无检定（校准）记录（E1）",
        "for 1 meter (E1)");
  tu_close(&r);
  /* due the last day of the period: still valid */
  coal_meter(&r, "0.1",
             "kind: truck_scale, calibrated: 2016-01-01, "
             "calibration_due: 2016-12-31,");
  ck_assert_str_eq(
      row_str(meter_row(&r, "metering.accuracy", "C1"), "calibration_status"),
      "valid");
  ck_assert_str_eq(
      row_str(meter_row(&r, "metering.accuracy", "C1"), "calibration_zh"),
      "有效");
  QUIET(&r, "meter_calibration_overdue");
  tu_close(&r);
  /* an interval from the 31st ends on the month's last day */
  coal_meter(&r, "0.1",
             "kind: truck_scale, calibrated: 2015-12-31, "
             "calibration_interval: 2,");
  c1 = meter_row(&r, "metering.accuracy", "C1");
  ck_assert_str_eq(row_str(c1, "calibration_due"), "2016-02-29");
  ck_assert_str_eq(row_str(c1, "calibration_status"), "overdue");
  tu_close(&r);
  /* a date without due date or interval */
  coal_meter(&r, "0.1", "kind: truck_scale, calibrated: 2016-03-01,");
  ck_assert_str_eq(
      row_str(meter_row(&r, "metering.accuracy", "C1"), "calibration_status"),
      "no_due");
  FIRES(&r, "meter_calibration_no_due", "于2016-03-01检定（校准），未注明有效期",
        "was calibrated on 2016-03-01 but no due date");
  tu_close(&r);
  /* calibrated only after the period: no record at its end */
  coal_meter(&r, "0.1",
             "kind: truck_scale, calibrated: 2017-02-01, "
             "calibration_interval: 12,");
  ck_assert_str_eq(
      row_str(meter_row(&r, "metering.accuracy", "C1"), "calibration_status"),
      "after_period");
  FIRES(&r, "meter_calibration_missing", "2台计量器具在审计期末无检定（校准）记录（C1、E1）",
        "for 2 meters (C1, E1)");
  QUIET(&r, "meter_calibration_overdue");
  tu_close(&r);
}
END_TEST

/* A required metering point without a meter is listed by name. */
START_TEST(t_metering_point_without_meter)
{
  tu_run r;
  metering(&r, "accuracy: \"1.0\",", "0.5", E2_MISSING);
  const value *e2 = meter_row(&r, "metering.missing", "E2");
  ck_assert_int_eq((int)val_get(e2, "level")->num, 2);
  FIRES(&r, "metering_point_without_meter", "第2级计量点“E2”（E2，电力）应配而未配计量器具",
        "Level-2 metering point \"E2\" (E2, Electricity) requires a meter");
  ck_assert_int_eq((int)val_path(r.results, "metering.accuracy")->n, 2);
  tu_close(&r);
  metering(&r, "accuracy: \"1.0\",", "0.5", E2_OK);
  QUIET(&r, "metering_point_without_meter");
  ck_assert_int_eq((int)val_path(r.results, "metering.missing")->n, 0);
  ck_assert_int_eq((int)val_path(r.results, "metering.accuracy")->n, 3);
  tu_close(&r);
}
END_TEST

/* }====================================================== */

Suite *findings_suite(void)
{
  Suite *s = suite_create("findings");
  TCase *tc = tcase_create("benchmarks");
  tcase_add_test(tc, t_product_exceeds_limit);
  tcase_add_test(tc, t_product_edition_not_in_force);
  tcase_add_test(tc, t_product_earlier_edition_graded);
  tcase_add_test(tc, t_product_earlier_edition_energy);
  tcase_add_test(tc, t_liquid_earlier_edition_graded);
  tcase_add_test(tc, t_product_edition_entry_not_named);
  tcase_add_test(tc, t_product_grade_3_only);
  tcase_add_test(tc, t_product_grade_1);
  tcase_add_test(tc, t_secondary_indicator_exceeds_limit);
  tcase_add_test(tc, t_potential_product_uses_another);
  tcase_add_test(tc, t_potential_through_unbenchmarked);
  tcase_add_test(tc, t_potential_three_chained);
  tcase_add_test(tc, t_potential_none);
  tcase_add_test(tc, t_product_without_benchmark);
  tcase_add_test(tc, t_benchmark_not_comparable);
  suite_add_tcase(s, tc);

  tc = tcase_create("carbon");
  tcase_add_test(tc, t_ets_covered);
  tcase_add_test(tc, t_ets_sector_joined_later);
  tcase_add_test(tc, t_ets_threshold_not_covered_sector);
  tcase_add_test(tc, t_ets_captive_power_plant);
  tcase_add_test(tc, t_combustion_defaults_only);
  tcase_add_test(tc, t_scope2_dominant);
  tcase_add_test(tc, t_process_emissions_large);
  tcase_add_test(tc, t_carbon_factor_missing);
  tcase_add_test(tc, t_grid_factor_unverified);
  suite_add_tcase(s, tc);

  tc = tcase_create("energy");
  tcase_add_test(tc, t_loss_ratio_high);
  tcase_add_test(tc, t_loss_ratio_moderate);
  tcase_add_test(tc, t_loss_ratio_negative);
  tcase_add_test(tc, t_loss_working_medium);
  tcase_add_test(tc, t_loss_within_uncertainty);
  tcase_add_test(tc, t_loss_advice_by_carrier);
  tcase_add_test(tc, t_no_balance_data);
  tcase_add_test(tc, t_coefficient_unverified);
  tcase_add_test(tc, t_coal_without_measured_ncv);
  tcase_add_test(tc, t_equal_value_indicative);
  tcase_add_test(tc, t_large_energy_user);
  tcase_add_test(tc, t_missing_prices);
  tcase_add_test(tc, t_monthly_data_incomplete);
  tcase_add_test(tc, t_monthly_unit_consumption);
  tcase_add_test(tc, t_intensity_increased);
  tcase_add_test(tc, t_product_unit_consumption_increased);
  tcase_add_test(tc, t_product_savings_achieved);
  tcase_add_test(tc, t_base_period_not_comparable);
  tcase_add_test(tc, t_base_intensity_not_comparable);
  suite_add_tcase(s, tc);

  tc = tcase_create("equipment_measures_metering");
  tcase_add_test(tc, t_equipment_grade_3);
  tcase_add_test(tc, t_equipment_not_graded);
  tcase_add_test(tc, t_equipment_edition_not_in_force);
  tcase_add_test(tc, t_equipment_edition_missing);
  tcase_add_test(tc, t_old_edition_dates);
  tcase_add_test(tc, t_pump_single_suction);
  tcase_add_test(tc, t_pump_double_suction);
  tcase_add_test(tc, t_fan_table_bounds);
  tcase_add_test(tc, t_fan_axial_hub_ratio);
  tcase_add_test(tc, t_transformer_losses);
  tcase_add_test(tc, t_transformer_no_class);
  tcase_add_test(tc, t_transformer_2020);
  tcase_add_test(tc, t_transformer_metered_load);
  tcase_add_test(tc, t_hv_motor_grades);
  tcase_add_test(tc, t_hv_motor_rows);
  tcase_add_test(tc, t_hv_motor_tables);
  tcase_add_test(tc, t_hv_motor_3_6kv_ic411);
  tcase_add_test(tc, t_hv_motor_edition);
  tcase_add_test(tc, t_transformer_dry);
  tcase_add_test(tc, t_transformer_dry_rows);
  tcase_add_test(tc, t_chiller_cop);
  tcase_add_test(tc, t_unitary_ac_grades);
  tcase_add_test(tc, t_unitary_ac_not_graded);
  tcase_add_test(tc, t_pump_multistage);
  tcase_add_test(tc, t_pump_fan_not_graded);
  tcase_add_test(tc, t_equipment_no_class_reason);
  tcase_add_test(tc, t_equipment_status);
  tcase_add_test(tc, t_boiler_efficiency_low);
  tcase_add_test(tc, t_motor_load_factor);
  tcase_add_test(tc, t_transformer_economic);
  tcase_add_test(tc, t_fan_pump_operation);
  tcase_add_test(tc, t_rated_nonconformity_measured_warning);
  tcase_add_test(tc, t_equipment_catalogue);
  tcase_add_test(tc, t_equipment_below_limit);
  tcase_add_test(tc, t_measure_not_viable);
  tcase_add_test(tc, t_measure_quick_payback);
  tcase_add_test(tc, t_measure_payback_exceeds_life);
  tcase_add_test(tc, t_measure_negative_abatement_cost);
  tcase_add_test(tc, t_no_measures);
  tcase_add_test(tc, t_metering_coverage_short);
  tcase_add_test(tc, t_metering_coverage_full);
  tcase_add_test(tc, t_meter_class_too_coarse);
  tcase_add_test(tc, t_meter_class_missing);
  tcase_add_test(tc, t_meter_class_not_stated_counts);
  tcase_add_test(tc, t_meter_kind_weighing);
  tcase_add_test(tc, t_meter_kind_not_in_table);
  tcase_add_test(tc, t_meter_levels_one_grade_lower);
  tcase_add_test(tc, t_meter_calibration);
  tcase_add_test(tc, t_metering_point_without_meter);
  suite_add_tcase(s, tc);
  return s;
}
