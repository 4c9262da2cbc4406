/* check_energy.c — the energy calculations of docs/calculation.md, each
 * expected number worked by hand from the formula and the factor of
 * rules/carriers.yaml (GB/T 2589 reference coefficients). */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../../generator/base/buf.h"
#include "../../generator/calc/calc.h"
#include "../../generator/out/json.h"
#include "suites.h"
#include "testutil.h"

static char yaml[16384];

/* Twelve monthly values of 1,000 kWh, of 1 t. */
#define M12_1000                                                               \
  "\"1,000 kWh\", \"1,000 kWh\", \"1,000 kWh\", \"1,000 kWh\", "        \
  "\"1,000 kWh\", \"1,000 kWh\", \"1,000 kWh\", \"1,000 kWh\", "        \
  "\"1,000 kWh\", \"1,000 kWh\", \"1,000 kWh\", \"1,000 kWh\""
#define M12_1T                                                                 \
  "\"1 t\", \"1 t\", \"1 t\", \"1 t\", \"1 t\", \"1 t\", \"1 t\", "  \
  "\"1 t\", \"1 t\", \"1 t\", \"1 t\", \"1 t\""

/* {====================================================== helpers */

/* TU_HEAD (or head) followed by body, loaded and computed; the test
   fails with the diagnostics when the facility does not load. */
static void load(tu_run *r, const char *head, const char *body)
{
  snprintf(yaml, sizeof yaml, "%s%s", head ? head : TU_HEAD, body);
  tu_open(r);
  tu_facility(r, yaml);
  ck_assert_msg(r->results != NULL, "%s", tu_diags(r));
}

/* Asserts the number at path equals want to 1e-9 relative (the inputs
   are exact decimals, so only rounding of the last bits may differ). */
#define NEAR TU_NEAR

static size_t len_at(const tu_run *r, const char *path)
{
  const value *v = val_path(r->results, path);
  ck_assert_msg(v && v->kind == VAL_ARR, "no array at %s", path);
  return v->n;
}

/* Whether notes[] has a note for path whose English text contains en. */
static bool has_note(const tu_run *r, const char *path, const char *en)
{
  const value *notes = val_path(r->results, "notes");
  for (size_t i = 0; notes && i < notes->n; i++) {
    const value *p = val_get(notes->items[i], "path");
    const value *e = val_get(notes->items[i], "en");
    if (p && e && strcmp(p->str, path) == 0 && strstr(e->str, en))
      return true;
  }
  return false;
}

/* A head like TU_HEAD with another facility and audit block. */
static const char *head(const char *facility_extra, const char *period,
                        const char *audit_extra)
{
  static char h[2048];
  snprintf(h, sizeof h,
           "auditgen: 1\n"
           "facility:\n"
           "  name: {zh: 测试厂, en: Test plant}\n"
           "  industry: cement\n"
           "%s"
           "audit:\n"
           "  period: %s\n"
           "%s",
           facility_extra, period, audit_extra);
  return h;
}

/* }====================================================== */

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

/* {====================================================== coefficients */

/* A measured NCV replaces the reference coefficient: NCV / 29.3076. */
START_TEST(t_ncv_override_coal)
{
  tu_run r;
  load(&r, NULL,
       "meters:\n"
       "  - {id: C1, carrier: raw_coal, level: 1, total: \"10,000 t\"}\n"
       "factors:\n"
       "  raw_coal:\n"
       "    ncv: \"21,500 kJ/kg\"\n"
       "    source: {zh: 入厂煤化验, en: Delivery lab tests}\n");
  /* 21,500 kJ/kg = 21.5 MJ/kg = 21,500 MJ/t; / 29.3076 MJ/kgce =
     733.598111070166 kgce/t (not the reference 714.3) */
  NEAR(&r, "energy.carriers[raw_coal].coefficient_kgce", 733.598111070166);
  ck_assert_str_eq(tu_str(&r, "energy.carriers[raw_coal].coefficient_basis"),
                   "measured_ncv");
  /* tce = 10,000 t × 733.598111070166 / 1000 = 7,335.98111070166 */
  NEAR(&r, "energy.carriers[raw_coal].tce", 7335.98111070166);
  /* the only carrier: total = 7,335.98111070166 tce */
  NEAR(&r, "energy.total_tce", 7335.98111070166);
  tu_close(&r);
}
END_TEST

/* The row of factors_used[] whose key is key. */
static const value *factor_row(const tu_run *r, const char *key)
{
  const value *fs = val_path(r->results, "factors_used");
  for (size_t i = 0; fs && i < fs->n; i++)
    if (strcmp(val_get(fs->items[i], "key")->str, key) == 0)
      return fs->items[i];
  ck_abort_msg("no factors_used row %s", key);
  return NULL;
}

static void origin_is(const value *row, const char *pre, const char *origin,
                      const char *zh, const char *en)
{
  char k[64];
  snprintf(k, sizeof k, "%sorigin", pre);
  ck_assert_str_eq(val_get(row, k)->str, origin);
  snprintf(k, sizeof k, "%sorigin_zh", pre);
  ck_assert_str_eq(val_get(row, k)->str, zh);
  snprintf(k, sizeof k, "%sorigin_en", pre);
  ck_assert_str_eq(val_get(row, k)->str, en);
}

/* A value of the facility file is the enterprise's, as the file says
   (origin), never "verified": that is for values of the rules checked
   against their text. */
START_TEST(t_factor_origin)
{
  static const struct {
    const char *line, *origin, *zh, *en;
  } cases[] = {
      {"    origin: assumed\n", "assumed", "假定值", "Assumed"},
      {"    origin: measured\n", "measured", "企业实测",
       "Measured by the enterprise"},
      {"    origin: contract\n", "contract", "合同约定值", "Contract value"},
      {"    origin: publication\n", "publication", "公开发布的资料",
       "Publication"},
      {"", "enterprise", "企业提供（未说明依据）",
       "Supplied by the enterprise (basis not stated)"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    tu_run r;
    char body[1024];
    snprintf(body, sizeof body,
             "meters:\n"
             "  - {id: C1, carrier: raw_coal, level: 1, total: \"10,000 t\"}\n"
             "  - {id: E1, carrier: electricity, level: 1, total: "
             "\"1,000,000 kWh\"}\n"
             "factors:\n"
             "  raw_coal:\n"
             "    ncv: \"21,500 kJ/kg\"\n"
             "%s"
             "    source: {zh: 估算, en: Estimate}\n"
             "  electricity:\n"
             "    emission_factor: \"0.6 tCO2/MWh\"\n"
             "%s"
             "    source: {zh: 估算, en: Estimate}\n",
             cases[i].line, cases[i].line);
    load(&r, NULL, body);
    /* the value is used as given: 21,500 / 29.3076 = 733.598111070166 */
    NEAR(&r, "energy.carriers[raw_coal].coefficient_kgce", 733.598111070166);
    const value *coal = factor_row(&r, "raw_coal.coefficient");
    ck_assert(!val_get(coal, "verified")->b);
    ck_assert(val_get(coal, "enterprise_value")->b);
    origin_is(coal, "", cases[i].origin, cases[i].zh, cases[i].en);
    const value *grid = factor_row(&r, "electricity.emission_factor");
    ck_assert(!val_get(grid, "verified")->b);
    ck_assert(val_get(grid, "enterprise_value")->b);
    origin_is(grid, "", cases[i].origin, cases[i].zh, cases[i].en);
    ck_assert(!val_path(r.results, "carbon.scope2.grid_factor_verified")->b);
    origin_is(val_path(r.results, "carbon.scope2"), "grid_factor_",
              cases[i].origin, cases[i].zh, cases[i].en);
    origin_is(val_path(r.results, "energy.carriers[raw_coal]"),
              "coefficient_", cases[i].origin, cases[i].zh, cases[i].en);
    ck_assert(!val_path(r.results,
                        "energy.carriers[raw_coal].coefficient_verified")->b);
    /* not reported as an unverified publication */
    const value *fs = val_path(r.results, "findings");
    for (size_t j = 0; fs && j < fs->n; j++)
      ck_assert_str_ne(val_get(fs->items[j], "rule")->str,
                       "grid_factor_unverified");
    /* a value of the rules keeps its own: the reference coefficient of
       electricity, GB/T 2589 */
    const value *el = factor_row(&r, "electricity.coefficient");
    ck_assert(!val_get(el, "enterprise_value")->b);
    ck_assert_str_eq(val_get(el, "origin")->str, "standard");
    tu_close(&r);
  }
}
END_TEST

/* An NCV in GJ/万m3 on a gas, beside a carrier keeping its reference. */
START_TEST(t_ncv_override_gas_units)
{
  tu_run r;
  load(&r, NULL,
       "meters:\n"
       "  - {id: G1, carrier: natural_gas, level: 1, total: \"12 万m3\"}\n"
       "  - {id: D1, carrier: diesel, level: 1, total: \"10 t\"}\n"
       "factors:\n"
       "  natural_gas: {ncv: \"360 GJ/万m3\", source: {zh: 供气方, en: "
       "Supplier}}\n");
  /* 360 GJ/万m3 = 360,000 MJ / 10,000 m3 = 36 MJ/m3; / 29.3076 =
     1.2283503255128363 kgce/m3 */
  NEAR(&r, "energy.carriers[natural_gas].coefficient_kgce",
       1.2283503255128363);
  /* 12 万m3 = 120,000 m3 × 1.2283503255128363 / 1000 = 147.40203906154036 */
  NEAR(&r, "energy.carriers[natural_gas].tce", 147.40203906154036);
  /* diesel keeps 1.4571 kgce/kg = 1,457.1 kgce/t; 10 t → 14.571 tce */
  NEAR(&r, "energy.carriers[diesel].coefficient_kgce", 1457.1);
  NEAR(&r, "energy.carriers[diesel].tce", 14.571);
  /* total = 147.40203906154036 + 14.571 = 161.97303906154036 tce */
  NEAR(&r, "energy.total_tce", 161.97303906154036);
  tu_close(&r);
}
END_TEST

/* Purchased heat (GJ) and steam (t) at their reference coefficients. */
START_TEST(t_heat_and_steam_purchased)
{
  tu_run r;
  load(&r, NULL,
       "meters:\n"
       "  - {id: H1, carrier: heat, level: 1, total: \"5 TJ\"}\n"
       "  - {id: S1, carrier: steam, level: 1, total: \"1,000 t\"}\n");
  /* heat 0.03412 kgce/MJ = 34.12 kgce/GJ */
  NEAR(&r, "energy.carriers[heat].coefficient_kgce", 34.12);
  /* 5 TJ = 5,000 GJ × 34.12 / 1000 = 170.6 tce */
  NEAR(&r, "energy.carriers[heat].consumed", 5000.0);
  NEAR(&r, "energy.carriers[heat].tce", 170.6);
  /* steam bought, not made: reference 0.1286 kgce/kg = 128.6 kgce/t;
     1,000 t → 128.6 tce */
  NEAR(&r, "energy.carriers[steam].coefficient_kgce", 128.6);
  NEAR(&r, "energy.carriers[steam].tce", 128.6);
  /* total = 170.6 + 128.6 = 299.2 tce */
  NEAR(&r, "energy.total_tce", 299.2);
  tu_close(&r);
}
END_TEST

/* }====================================================== */
/* {====================================================== physical flows */

/* A stock build-up (closing > opening) lowers consumption; a stock entry
   alone (no meter) still counts. */
START_TEST(t_stock_change_sign)
{
  tu_run r;
  load(&r, NULL,
       "meters:\n"
       "  - {id: C1, carrier: raw_coal, level: 1, total: \"10,000 t\"}\n"
       "stock:\n"
       "  - {carrier: raw_coal, opening: \"500 t\", closing: \"1,500 t\"}\n"
       "  - {carrier: diesel, opening: \"30 t\", closing: \"10,000 kg\"}\n");
  /* stock_change = opening − closing = 500 − 1,500 = −1,000 t */
  NEAR(&r, "energy.carriers[raw_coal].stock_change", -1000.0);
  /* consumed = 10,000 − 0 + (−1,000) = 9,000 t */
  NEAR(&r, "energy.carriers[raw_coal].consumed", 9000.0);
  /* tce = 9,000 × 714.3 / 1000 = 6,428.7 */
  NEAR(&r, "energy.carriers[raw_coal].tce", 6428.7);
  /* diesel: 30 t − 10,000 kg (= 10 t) = 20 t drawn from stock, nothing
     metered: consumed = 0 − 0 + 20 = 20 t × 1,457.1 / 1000 = 29.142 tce */
  NEAR(&r, "energy.carriers[diesel].purchased", 0.0);
  NEAR(&r, "energy.carriers[diesel].consumed", 20.0);
  NEAR(&r, "energy.carriers[diesel].tce", 29.142);
  /* total = 6,428.7 + 29.142 = 6,457.842 tce */
  NEAR(&r, "energy.total_tce", 6457.842);
  tu_close(&r);
}
END_TEST

/* Energy sold (to: outside) is deducted from consumption. */
START_TEST(t_sold_deducted)
{
  tu_run r;
  load(&r, NULL,
       "meters:\n"
       "  - {id: D1, carrier: diesel, level: 1, total: \"100 t\"}\n"
       "  - {id: D2, carrier: diesel, level: 1, from: site, to: outside, "
       "total: \"20 t\"}\n"
       "  - {id: E1, carrier: electricity, level: 1, total: \"1,000,000 "
       "kWh\"}\n"
       "  - {id: E2, carrier: electricity, level: 1, from: site, to: outside, "
       "total: \"100 MWh\"}\n");
  /* diesel: purchased 100, sold 20, consumed = 100 − 20 + 0 = 80 t */
  NEAR(&r, "energy.carriers[diesel].purchased", 100.0);
  NEAR(&r, "energy.carriers[diesel].sold", 20.0);
  NEAR(&r, "energy.carriers[diesel].consumed", 80.0);
  /* 80 t × 1,457.1 kgce/t / 1000 = 116.568 tce */
  NEAR(&r, "energy.carriers[diesel].tce", 116.568);
  /* electricity: 100 MWh = 100,000 kWh sold; consumed = 1,000,000 −
     100,000 = 900,000 kWh × 0.1229 / 1000 = 110.61 tce */
  NEAR(&r, "energy.carriers[electricity].sold", 100000.0);
  NEAR(&r, "energy.carriers[electricity].tce", 110.61);
  /* total = 116.568 + 110.61 = 227.178 tce */
  NEAR(&r, "energy.total_tce", 227.178);
  /* 等价值 with E = 900,000 kWh consumed, r = 312 gce/kWh (2016):
     227.178 − 110.61 + 900,000 × 0.312 / 1000 = 397.368 tce */
  NEAR(&r, "energy.total_equal_value_tce", 397.368);
  tu_close(&r);
}
END_TEST

/* }====================================================== */
/* {====================================================== made in-house */

/* A boiler house (stage conversion) burns coal and electricity and makes
   a carrier the rules do not know (lp_steam, in t). */
START_TEST(t_in_house_only_carrier)
{
  tu_run r;
  load(&r, NULL,
       "units:\n"
       "  - {id: boiler, name: {zh: 锅炉房, en: Boiler house}, stage: "
       "conversion}\n"
       "  - {id: plant, name: {zh: 造纸车间, en: Paper machine}, stage: "
       "end_use}\n"
       "meters:\n"
       "  - {id: C1, carrier: raw_coal, level: 1, to: boiler, total: \"1,000 "
       "t\"}\n"
       "  - {id: E1, carrier: electricity, level: 1, to: boiler, total: "
       "\"100,000 kWh\"}\n"
       "  - {id: S1, carrier: lp_steam, level: 2, from: boiler, to: plant, "
       "total: \"5,000 t\"}\n"
       "products:\n"
       "  - {id: paper, name: {zh: 纸, en: Paper}, quantity: \"2,000 t\", "
       "units: [plant]}\n");
  /* tce into the boiler: coal 1,000 × 714.3 / 1000 = 714.3, electricity
     100,000 × 0.1229 / 1000 = 12.29; 726.59 tce. Actual coefficient =
     726.59 tce × 1000 / 5,000 t = 145.318 kgce/t */
  NEAR(&r, "energy.carriers[lp_steam].produced", 5000.0);
  NEAR(&r, "energy.carriers[lp_steam].coefficient_kgce", 145.318);
  ck_assert_str_eq(tu_str(&r, "energy.carriers[lp_steam].coefficient_basis"),
                   "in_house");
  ck_assert_str_eq(tu_str(&r, "energy.carriers[lp_steam].unit"), "t");
  /* made and not sold: consumed = 0 − 0 + 0 = 0, tce 0 */
  NEAR(&r, "energy.carriers[lp_steam].consumed", 0.0);
  NEAR(&r, "energy.carriers[lp_steam].tce", 0.0);
  /* total counts only the boiler's inputs: 714.3 + 12.29 = 726.59 tce */
  NEAR(&r, "energy.total_tce", 726.59);
  /* product: 5,000 t steam into plant × 145.318 / 1000 = 726.59 tce;
     unit consumption 726.59 × 1000 / 2,000 t = 363.295 kgce/t */
  NEAR(&r, "energy.products[paper].energy_tce", 726.59);
  NEAR(&r, "energy.products[paper].unit_consumption_kgce", 363.295);
  tu_close(&r);
}
END_TEST

/* The rules' own steam key, made on site and not bought, takes the actual
   coefficient, not the 128.6 kgce/t reference; the boiler house's input
   is the inflow into its closure (its child boilers). */
START_TEST(t_in_house_steam_rules_key)
{
  tu_run r;
  load(&r, NULL,
       "units:\n"
       "  - {id: bh, name: {zh: 锅炉房, en: Boiler house}, stage: conversion}\n"
       "  - {id: b1, name: {zh: 1#锅炉, en: Boiler 1}, stage: conversion, "
       "parent: bh}\n"
       "  - {id: b2, name: {zh: 2#锅炉, en: Boiler 2}, stage: conversion, "
       "parent: bh}\n"
       "meters:\n"
       "  - {id: C1, carrier: raw_coal, level: 2, to: b1, total: \"1,200 t\"}\n"
       "  - {id: C2, carrier: raw_coal, level: 2, to: b2, total: \"800 t\"}\n"
       "  - {id: S1, carrier: steam, level: 1, from: bh, to: site, total: "
       "\"10,000 t\"}\n");
  /* input to bh = coal into closure{bh, b1, b2} = 1,200 + 800 = 2,000 t ×
     714.3 / 1000 = 1,428.6 tce; / 10,000 t × 1000 = 142.86 kgce/t */
  NEAR(&r, "energy.carriers[steam].coefficient_kgce", 142.86);
  ck_assert_str_eq(tu_str(&r, "energy.carriers[steam].coefficient_basis"),
                   "in_house");
  /* steam consumed 0: total = coal 1,428.6 tce */
  NEAR(&r, "energy.total_tce", 1428.6);
  tu_close(&r);
}
END_TEST

/* Made inside and partly sold: consumed = −S, the sold energy is deducted
   from the total (GB/T 2589 §4). */
START_TEST(t_in_house_sold)
{
  tu_run r;
  load(&r, NULL,
       "units:\n"
       "  - {id: boiler, name: {zh: 锅炉房, en: Boiler house}, stage: "
       "conversion}\n"
       "  - {id: plant, name: {zh: 车间, en: Workshop}, stage: end_use}\n"
       "meters:\n"
       "  - {id: C1, carrier: raw_coal, level: 1, to: boiler, total: \"1,000 "
       "t\"}\n"
       "  - {id: S1, carrier: lp_steam, level: 2, from: boiler, to: plant, "
       "total: \"4,000 t\"}\n"
       "  - {id: S2, carrier: lp_steam, level: 1, from: boiler, to: outside, "
       "total: \"1,000 t\"}\n");
  /* produced G = 4,000 + 1,000 = 5,000 t; coefficient = 714.3 tce × 1000 /
     5,000 t = 142.86 kgce/t */
  NEAR(&r, "energy.carriers[lp_steam].produced", 5000.0);
  NEAR(&r, "energy.carriers[lp_steam].coefficient_kgce", 142.86);
  /* consumed = 0 − 1,000 + 0 = −1,000 t; tce = −1,000 × 142.86 / 1000 =
     −142.86 */
  NEAR(&r, "energy.carriers[lp_steam].consumed", -1000.0);
  NEAR(&r, "energy.carriers[lp_steam].tce", -142.86);
  /* total = 714.3 − 142.86 = 571.44 tce */
  NEAR(&r, "energy.total_tce", 571.44);
  tu_close(&r);
}
END_TEST

/* A combined heat and power unit making two carriers splits its input in
   proportion to the outputs at their reference coefficients. */
START_TEST(t_two_outputs_split)
{
  tu_run r;
  load(&r, NULL,
       "units:\n"
       "  - {id: chp, name: {zh: 热电站, en: CHP plant}, stage: conversion}\n"
       "meters:\n"
       "  - {id: C1, carrier: raw_coal, level: 1, to: chp, total: \"10,000 "
       "t\"}\n"
       "  - {id: G1, carrier: electricity, level: 2, from: chp, to: site, "
       "total: \"20,000 MWh\"}\n"
       "  - {id: S1, carrier: steam, level: 2, from: chp, to: site, total: "
       "\"30,000 t\"}\n");
  /* input 10,000 t × 714.3 / 1000 = 7,143 tce. Weights at reference:
     electricity 20,000,000 kWh × 0.1229 = 2,458,000 kgce; steam 30,000 t ×
     128.6 = 3,858,000 kgce; sum 6,316,000.
     electricity: 7,143 × 2,458,000 / 6,316,000 = 2,779.8438885370488 tce
     → × 1000 / 20,000,000 kWh = 0.13899219442685243 kgce/kWh */
  NEAR(&r, "energy.carriers[electricity].coefficient_kgce",
       0.13899219442685243);
  /* steam: 7,143 × 3,858,000 / 6,316,000 = 4,363.156111462951 tce → × 1000
     / 30,000 t = 145.43853704876506 kgce/t */
  NEAR(&r, "energy.carriers[steam].coefficient_kgce", 145.43853704876506);
  /* neither is bought or sold: consumed 0; total = 7,143 tce */
  NEAR(&r, "energy.total_tce", 7143.0);
  /* 等价值: E = electricity consumed = 0, so equal to total: 7,143 */
  NEAR(&r, "energy.total_equal_value_tce", 7143.0);
  tu_close(&r);
}
END_TEST

/* The same CHP with the steam's measured enthalpy: the coal is shared by
   the energy content of what it makes (the heat method of DL/T 904), the
   steam at 2.80 GJ/t, not at the table's 128.6 kgce/t for low-pressure
   steam (docs/calculation.md, Coefficient rule 2). Worked in
   docs/worked/sectors/paper-mill.md §1.2. */
START_TEST(t_two_outputs_split_enthalpy)
{
  tu_run r;
  load(&r, NULL,
       "units:\n"
       "  - {id: chp, name: {zh: 热电站, en: CHP plant}, stage: conversion}\n"
       "meters:\n"
       "  - {id: C1, carrier: raw_coal, level: 1, to: chp, total: \"10,000 "
       "t\"}\n"
       "  - {id: G1, carrier: electricity, level: 2, from: chp, to: site, "
       "total: \"20,000 MWh\"}\n"
       "  - {id: S1, carrier: steam, level: 2, from: chp, to: site, total: "
       "\"30,000 t\"}\n"
       "factors:\n"
       "  steam: {enthalpy: \"2.80 GJ/t\", source: {zh: 蒸汽表, en: Steam "
       "tables}}\n");
  /* input 10,000 t × 714.3 / 1000 = 7,143 tce. Weights: electricity
     20,000,000 kWh × 0.1229 = 2,458,000 kgce; steam 30,000 t × 2,800 /
     29.3076 = 30,000 × 95.53835865099838 = 2,866,150.7595299515 kgce; sum
     5,324,150.759529952.
     electricity 7,143 × 2,458,000 / 5,324,150.759529952 =
     3,297.70789615095 tce → / 20,000,000 kWh = 0.1648853948075475
     kgce/kWh (at the table's steam weight it was 0.13899219442685243) */
  NEAR(&r, "energy.carriers[electricity].coefficient_kgce",
       0.1648853948075475);
  /* steam: 7,143 − 3,297.70789615095 = 3,845.29210384905 tce → / 30,000 t
     = 128.176403461635 kgce/t; the made coefficient is the same figure */
  NEAR(&r, "energy.carriers[steam].made_coefficient_kgce", 128.176403461635);
  /* the unit's outputs at their actual coefficients close on its input */
  NEAR(&r, "energy.conversion[chp].outputs[electricity].tce",
       3297.70789615095);
  NEAR(&r, "energy.conversion[chp].output_tce", 7143.0);
  tu_close(&r);
}
END_TEST

/* The CHP's steam is also bought from a district network (10,000 t): the
   steam inside the boundary is a blend of bought and made, but what the
   CHP makes is still valued at its own actual coefficient, so the unit
   closes (docs/calculation.md, Conversion units: output_tce equals the
   input it was made from). */
/* A conversion unit of no stated kind is not judged (a waste-heat station
   may be modelled so), but outputs far beyond its metered input are said:
   a sale typed 1,000 times too large. 1 t of coal at 21,300 kJ/kg is
   21,300 MJ / 29,307.6 MJ/tce = 0.7268 tce in; 31,500 MWh out at 0.1229
   kgce/kWh (equal calorific value) = 3,871.35 tce, 5,327 times as much:
   a warning, and the results are still computed. 10 MWh out (1.229 tce,
   1.7 times) is not warned of. */
START_TEST(t_conversion_of_no_kind_far_beyond_input)
{
  for (int big = 0; big < 2; big++) {
    tu_run r;
    snprintf(yaml, sizeof yaml, "%s%s", TU_HEAD,
             big ? "units:\n"
                   "  - {id: st, name: {zh: 动力站, en: Power house}, stage: "
                   "conversion}\n"
                   "meters:\n"
                   "  - {id: C1, carrier: raw_coal, level: 1, to: st, total: "
                   "\"1 t\"}\n"
                   "  - {id: G2, carrier: electricity, level: 1, from: st, "
                   "to: outside, total: \"31,500 MWh\"}\n"
                   "factors:\n"
                   "  raw_coal: {ncv: \"21,300 kJ/kg\", source: {zh: 化验, "
                   "en: Lab}}\n"
                 : "units:\n"
                   "  - {id: st, name: {zh: 动力站, en: Power house}, stage: "
                   "conversion}\n"
                   "meters:\n"
                   "  - {id: C1, carrier: raw_coal, level: 1, to: st, total: "
                   "\"1 t\"}\n"
                   "  - {id: G2, carrier: electricity, level: 1, from: st, "
                   "to: outside, total: \"10 MWh\"}\n"
                   "factors:\n"
                   "  raw_coal: {ncv: \"21,300 kJ/kg\", source: {zh: 化验, "
                   "en: Lab}}\n");
    tu_open(&r);
    tu_facility(&r, yaml);
    ck_assert_msg(r.results != NULL, "%s", tu_diags(&r));
    ck_assert_uint_eq(diag_warnings(r.dl), (size_t)big);
    if (big)
      ck_assert_msg(strstr(tu_diags(&r), "5327 times as much") &&
                        strstr(tu_diags(&r), "meters[G2]: unit st"),
                    "%s", tu_diags(&r));
    tu_close(&r);
  }
}
END_TEST

START_TEST(t_conversion_closes_with_bought_steam)
{
  tu_run r;
  load(&r, NULL,
       "units:\n"
       "  - {id: chp, name: {zh: 热电站, en: CHP plant}, stage: conversion}\n"
       "meters:\n"
       "  - {id: C1, carrier: raw_coal, level: 1, to: chp, total: \"10,000 "
       "t\"}\n"
       "  - {id: S0, carrier: steam, level: 1, to: site, total: \"10,000 "
       "t\"}\n"
       "  - {id: G1, carrier: electricity, level: 2, from: chp, to: site, "
       "total: \"20,000 MWh\"}\n"
       "  - {id: S1, carrier: steam, level: 2, from: chp, to: site, total: "
       "\"30,000 t\"}\n"
       "factors:\n"
       "  steam: {enthalpy: \"2.80 GJ/t\", source: {zh: 蒸汽表, en: Steam "
       "tables}}\n");
  /* split as in t_two_outputs_split_enthalpy: steam made 3,845.29210384905
     tce; internal = (10,000 × 95.53835865099838 + 3,845,292.10384905) /
     40,000 = (955,383.5865099838 + 3,845,292.10384905) / 40,000 =
     120.01689225 kgce/t */
  NEAR(&r, "energy.carriers[steam].internal_coefficient_kgce",
       (955383.5865099838 + 3845292.10384905) / 40000.0);
  /* outputs: steam 3,845.29210384905 tce (not 30,000 × 120.0169 / 1000 =
     3,600.51), electricity 3,297.70789615095; Σ 7,143 = input */
  NEAR(&r, "energy.conversion[chp].outputs[steam].tce", 3845.29210384905);
  NEAR(&r, "energy.conversion[chp].output_tce", 7143.0);
  NEAR(&r, "energy.conversion[chp].input_tce", 7143.0);
  tu_close(&r);
}
END_TEST

/* Steam bought (1,000 t) and made from coal (5,000 t) feeds one workshop:
   the bought part keeps the heat factor, 2.80 GJ/t × 0.11 tCO2/GJ = 0.308
   tCO2/t (GB/T 32150, purchased heat), and the made part takes the
   boiler's coal. The blend used to start from the bought rate and then
   feed the blend back as the bought rate, which drifted to the made rate
   alone. */
START_TEST(t_bought_and_made_steam_carbon)
{
  tu_run r;
  load(&r, NULL,
       "units:\n"
       "  - {id: boiler, name: {zh: 锅炉房, en: Boiler house}, stage: "
       "conversion, conversion: {kind: boiler}}\n"
       "  - {id: plant, name: {zh: 车间, en: Workshop}, stage: end_use}\n"
       "meters:\n"
       "  - {id: C1, carrier: raw_coal, level: 1, to: boiler, total: \"1,000 "
       "t\"}\n"
       "  - {id: S0, carrier: steam, level: 1, to: plant, total: \"1,000 "
       "t\"}\n"
       "  - {id: S1, carrier: steam, level: 2, from: boiler, to: plant, "
       "total: \"5,000 t\"}\n"
       "factors:\n"
       "  steam: {enthalpy: \"2.80 GJ/t\", source: {zh: 蒸汽表, en: Steam "
       "tables}}\n"
       "products:\n"
       "  - {id: cloth, name: {zh: 布, en: Cloth}, quantity: \"1,000 t\", "
       "units: [plant]}\n");
  /* coal: 20.908 GJ/t × 0.02637 tC/GJ × 94 % × 44/12 = 1.9002988488
     tCO2/t; 1,000 t burnt = 1,900.2988488 tCO2, all in the made steam.
     cloth: bought 1,000 t × 0.308 = 308 + made 1,900.2988488 =
     2,208.2988488 tCO2 (the drift gave 6,000 × 1,900.2988488 / 5,000 =
     2,280.35861856) */
  NEAR(&r, "carbon.intensity.products[cloth].tco2", 2208.2988488);
  NEAR(&r, "carbon.intensity.products[cloth].tco2_per_unit", 2.2082988488);
  tu_close(&r);
}
END_TEST

/* The enterprise's product saving (GB/T 13234, several products) adds the
   products' savings, each on its output less what products with a saving
   of their own use of it: the cement's unit consumption holds the clinker
   it uses, so that clinker is not counted again with the clinker. */
static const char savings_body[] =
    "units:\n"
    "  - {id: kiln, name: {zh: 窑, en: Kiln}, stage: end_use}\n"
    "  - {id: mill, name: {zh: 磨, en: Mill}, stage: end_use}\n"
    "meters:\n"
    "  - {id: E1, carrier: electricity, level: 1, total: \"100,000 kWh\"}\n"
    "  - {id: E2, carrier: electricity, level: 2, from: site, to: kiln, "
    "total: \"50,000 kWh\"}\n"
    "  - {id: E3, carrier: electricity, level: 2, from: site, to: mill, "
    "total: \"50,000 kWh\"}\n"
    "products:\n"
    "  - {id: clinker, name: {zh: 熟料, en: Clinker}, quantity: \"1,000 t\", "
    "units: [kiln]}\n"
    "  - {id: cement, name: {zh: 水泥, en: Cement}, quantity: \"1,000 t\", "
    "units: [mill], uses: [{product: clinker, quantity: \"800 t\"}]}\n"
    "baseline:\n"
    "  period: {from: 2015-01-01, to: 2015-12-31}\n"
    "  products:\n"
    "    - {id: clinker, unit_consumption: \"7 kgce/t\"}\n";

START_TEST(t_product_saving_total)
{
  tu_run r;
  char body[2048];
  snprintf(body, sizeof body, "%s%s", savings_body,
           "    - {id: cement, unit_consumption: \"12 kgce/t\"}\n");
  load(&r, NULL, body);
  /* clinker 50,000 kWh × 0.1229 / 1,000 t = 6.145 kgce/t: (7 − 6.145) ×
     1,000 t / 1000 = 0.855 tce; cement (50,000 × 0.1229 + 800 × 6.145) /
     1,000 t = 11.061 kgce/t: (12 − 11.061) × 1,000 / 1000 = 0.939 tce */
  NEAR(&r, "savings.products[clinker].saving_tce", 0.855);
  NEAR(&r, "savings.products[cement].saving_tce", 0.939);
  /* total: clinker on 1,000 − 800 = 200 t, 0.855 × 0.2 = 0.171, + 0.939 =
     1.11 tce (adding the two gives 1.794, the 800 t twice) */
  NEAR(&r, "savings.product_saving_tce", 1.11);
  tu_close(&r);
  /* without the cement's base value the clinker counts on all its output:
     0.855 tce */
  load(&r, NULL, savings_body);
  NEAR(&r, "savings.product_saving_tce", 0.855);
  tu_close(&r);
}
END_TEST

/* A measure saving steam that is both bought (1,000 t) and made from coal
   (5,000 t): its tce is at the bought steam's coefficient (the measured
   enthalpy) and its money at the bought price, so its CO2 is at the
   bought steam's factor too, 2.80 GJ/t × 0.11 tCO2/GJ (GB/T 32150,
   purchased heat) — not at the blend of bought and made, which is no
   steam the measure displaces (docs/worked/sectors/dye-works.md D2). */
START_TEST(t_measure_saves_bought_steam)
{
  tu_run r;
  load(&r, NULL,
       "units:\n"
       "  - {id: boiler, name: {zh: 锅炉房, en: Boiler house}, stage: "
       "conversion, conversion: {kind: boiler}}\n"
       "  - {id: plant, name: {zh: 车间, en: Workshop}, stage: end_use}\n"
       "meters:\n"
       "  - {id: C1, carrier: raw_coal, level: 1, to: boiler, total: \"1,000 "
       "t\"}\n"
       "  - {id: S0, carrier: steam, level: 1, to: plant, total: \"1,000 "
       "t\"}\n"
       "  - {id: S1, carrier: steam, level: 2, from: boiler, to: plant, "
       "total: \"5,000 t\"}\n"
       "factors:\n"
       "  steam: {enthalpy: \"2.80 GJ/t\", source: {zh: 蒸汽表, en: Steam "
       "tables}}\n"
       "products:\n"
       "  - {id: cloth, name: {zh: 布, en: Cloth}, quantity: \"1,000 t\", "
       "units: [plant]}\n"
       "prices:\n"
       "  steam: \"260 CNY/t\"\n"
       "measures:\n"
       "  - {id: M1, name: {zh: 冷凝水回收, en: Condensate recovery}, "
       "investment: \"100,000 CNY\", lifetime: \"5 a\", saves: [{carrier: "
       "steam, amount: \"100 t\"}]}\n");
  /* 100 t × 2.80 × 0.11 = 30.8 tCO2 (the blend, (308 + 1,900.2988488) /
     6,000 = 0.368049808 tCO2/t, gave 36.8049808) */
  NEAR(&r, "measures[M1].annual_reduction_tco2", 30.8);
  /* 100 t × 2,800 / 29.3076 = 9.5538358651 tce; 100 × 260 = 26,000 CNY */
  NEAR(&r, "measures[M1].annual_saving_tce", 280.0 / 29.3076);
  NEAR(&r, "measures[M1].annual_saving_cny", 26000.0);
  tu_close(&r);
}
END_TEST

/* Steam bought (1,000 t at 260 CNY/t) and made in a gas boiler house
   (5,000 t) feeds one workshop. The made steam costs what the boiler
   house's gas and power cost (cost accounting of self-made secondary
   energy at its production cost, as GB/T 2589 takes it at its actual
   input); it used to cost nothing, so the boiler's gas was in no
   product's energy cost (docs/worked/sectors/dye-works.md D1). */
START_TEST(t_made_steam_cost)
{
  tu_run r;
  load(&r, NULL,
       "units:\n"
       "  - {id: boiler, name: {zh: 锅炉房, en: Boiler house}, stage: "
       "conversion, conversion: {kind: boiler}}\n"
       "  - {id: plant, name: {zh: 车间, en: Workshop}, stage: end_use}\n"
       "meters:\n"
       "  - {id: G1, carrier: natural_gas, level: 1, to: boiler, total: "
       "\"400,000 m3\"}\n"
       "  - {id: E1, carrier: electricity, level: 1, to: boiler, total: "
       "\"75,000 kWh\"}\n"
       "  - {id: S0, carrier: steam, level: 1, to: plant, total: \"1,000 "
       "t\"}\n"
       "  - {id: S1, carrier: steam, level: 2, from: boiler, to: plant, "
       "total: \"5,000 t\"}\n"
       "products:\n"
       "  - {id: cloth, name: {zh: 布, en: Cloth}, quantity: \"1,000 t\", "
       "units: [plant]}\n"
       "prices:\n"
       "  natural_gas: \"3.60 CNY/m3\"\n"
       "  electricity: \"0.68 CNY/kWh\"\n"
       "  steam: \"260 CNY/t\"\n");
  /* boiler house: 400,000 m3 × 3.60 + 75,000 kWh × 0.68 = 1,440,000 +
     51,000 = 1,491,000 CNY for 5,000 t = 298.2 CNY/t made; inside the
     boundary (1,000 × 260 + 1,491,000) / 6,000 = 1,751,000 / 6,000 =
     291.8333… CNY/t */
  NEAR(&r, "energy.carriers[steam].internal_cost_cny", 1751000.0 / 6000.0);
  /* cloth takes all 6,000 t: 1,751,000 CNY, 1,751 CNY/t (it was 6,000 ×
     1,000 / 6,000 × 260 = 260,000 CNY, the bought steam only) */
  NEAR(&r, "energy.cost.products[cloth].energy_cost_cny", 1751000.0);
  NEAR(&r, "energy.cost.products[cloth].cny_per_unit", 1751.0);
  /* the purchases, 1,440,000 + 51,000 + 260,000, are the cost total: the
     product's cost is all of them, nothing lost or sold */
  NEAR(&r, "energy.cost.total_cny", 1751000.0);
  tu_close(&r);
}
END_TEST

/* Grid power plus waste-heat power: the internal coefficient mixes the
   two, and the product is charged at it. */
START_TEST(t_grid_plus_waste_heat)
{
  tu_run r;
  load(&r, NULL,
       "units:\n"
       "  - {id: kiln, name: {zh: 窑, en: Kiln}, stage: end_use}\n"
       "  - {id: whr, name: {zh: 余热电站, en: Waste-heat power}, stage: "
       "conversion}\n"
       "meters:\n"
       "  - {id: E1, carrier: electricity, level: 1, total: \"9,000,000 "
       "kWh\"}\n"
       "  - {id: G1, carrier: electricity, level: 1, from: whr, to: site, "
       "total: \"1,000,000 kWh\"}\n"
       "  - {id: E2, carrier: electricity, level: 2, from: site, to: kiln, "
       "total: \"8,000,000 kWh\"}\n"
       "products:\n"
       "  - {id: clinker, name: {zh: 熟料, en: Clinker}, quantity: \"100,000 "
       "t\", units: [kiln]}\n");
  /* P = 9,000,000, G = 1,000,000; the bought part keeps 0.1229 */
  NEAR(&r, "energy.carriers[electricity].purchased", 9e6);
  NEAR(&r, "energy.carriers[electricity].produced", 1e6);
  NEAR(&r, "energy.carriers[electricity].coefficient_kgce", 0.1229);
  /* internal = (9,000,000 × 0.1229 + 0 tce into whr) / (9,000,000 +
     1,000,000) = 1,106,100 / 10,000,000 = 0.11061 kgce/kWh */
  NEAR(&r, "energy.carriers[electricity].internal_coefficient_kgce", 0.11061);
  /* consumed = P − S + ΔS = 9,000,000 kWh; tce = 1,106.1 = total */
  NEAR(&r, "energy.carriers[electricity].tce", 1106.1);
  NEAR(&r, "energy.total_tce", 1106.1);
  /* clinker: 8,000,000 kWh × 0.11061 / 1000 = 884.88 tce;
     884.88 × 1000 / 100,000 t = 8.8488 kgce/t */
  NEAR(&r, "energy.products[clinker].energy_tce", 884.88);
  NEAR(&r, "energy.products[clinker].unit_consumption_kgce", 8.8488);
  tu_close(&r);
}
END_TEST


/* The waste-heat plant's own auxiliary power comes from the mixed network:
   its input is electricity at the internal coefficient, so the internal
   coefficient is the fixed point x = (P × 0.1229 + A × x) / (P + G). */
START_TEST(t_waste_heat_own_use)
{
  tu_run r;
  load(&r, NULL,
       "units:\n"
       "  - {id: kiln, name: {zh: 窑, en: Kiln}, stage: end_use}\n"
       "  - {id: whr, name: {zh: 余热电站, en: Waste-heat power}, stage: "
       "conversion}\n"
       "meters:\n"
       "  - {id: E1, carrier: electricity, level: 1, total: \"9,000,000 "
       "kWh\"}\n"
       "  - {id: G1, carrier: electricity, level: 1, from: whr, to: site, "
       "total: \"1,000,000 kWh\"}\n"
       "  - {id: A1, carrier: electricity, level: 2, from: site, to: whr, "
       "total: \"50,000 kWh\"}\n"
       "  - {id: E2, carrier: electricity, level: 2, from: site, to: kiln, "
       "total: \"8,000,000 kWh\"}\n"
       "products:\n"
       "  - {id: clinker, name: {zh: 熟料, en: Clinker}, quantity: \"100,000 "
       "t\", units: [kiln]}\n");
  /* x (P + G − A) = P × 0.1229 → x = 9,000,000 × 0.1229 / (9,000,000 +
     1,000,000 − 50,000) = 1,106,100 / 9,950,000 = 0.11116582914572865
     (were the own use taken at 0.1229 instead: (1,106,100 + 50,000 ×
     0.1229) / 10,000,000 = 0.1112245) */
  NEAR(&r, "energy.carriers[electricity].internal_coefficient_kgce",
       0.11116582914572865);
  /* clinker: 8,000,000 × 0.11116582914572865 / 1000 = 889.3266331658291 */
  NEAR(&r, "energy.products[clinker].energy_tce", 889.3266331658291);
  /* the total is unchanged: 9,000,000 × 0.1229 / 1000 = 1,106.1 tce */
  NEAR(&r, "energy.total_tce", 1106.1);
  tu_close(&r);
}
END_TEST

/* Grid power plus power from a coal-fired unit: the producer's input
   enters the mixture at its tce. */
START_TEST(t_grid_plus_coal_power)
{
  tu_run r;
  load(&r, NULL,
       "units:\n"
       "  - {id: kiln, name: {zh: 窑, en: Kiln}, stage: end_use}\n"
       "  - {id: pp, name: {zh: 自备电厂, en: Captive plant}, stage: "
       "conversion}\n"
       "meters:\n"
       "  - {id: E1, carrier: electricity, level: 1, total: \"5,000,000 "
       "kWh\"}\n"
       "  - {id: C1, carrier: raw_coal, level: 1, to: pp, total: \"1,000 "
       "t\"}\n"
       "  - {id: G1, carrier: electricity, level: 2, from: pp, to: site, "
       "total: \"2,000,000 kWh\"}\n"
       "  - {id: E2, carrier: electricity, level: 2, from: site, to: kiln, "
       "total: \"6,500,000 kWh\"}\n"
       "products:\n"
       "  - {id: clinker, name: {zh: 熟料, en: Clinker}, quantity: \"50,000 "
       "t\", units: [kiln]}\n");
  /* internal = (5,000,000 × 0.1229 + 1,000 t × 714.3 kgce/t) / (5,000,000
     + 2,000,000) = (614,500 + 714,300) / 7,000,000 = 0.18982857142857143 */
  NEAR(&r, "energy.carriers[electricity].internal_coefficient_kgce",
       0.18982857142857143);
  /* bought power keeps 0.1229 for the total: 714.3 + 614.5 = 1,328.8 */
  NEAR(&r, "energy.carriers[electricity].coefficient_kgce", 0.1229);
  NEAR(&r, "energy.total_tce", 1328.8);
  /* clinker: 6,500,000 × 0.18982857142857143 / 1000 = 1,233.8857142857144
     tce; × 1000 / 50,000 t = 24.677714285714288 kgce/t */
  NEAR(&r, "energy.products[clinker].energy_tce", 1233.8857142857144);
  NEAR(&r, "energy.products[clinker].unit_consumption_kgce",
       24.677714285714288);
  /* balance: input = 5,000,000 + 0 + 2,000,000; end_use = 6,500,000 (kiln)
     → loss 500,000 kWh, ratio 500,000 / 7,000,000 = 0.071428571… */
  NEAR(&r, "energy.balance[electricity].input", 7000000.0);
  NEAR(&r, "energy.balance[electricity].loss", 500000.0);
  NEAR(&r, "energy.balance[electricity].loss_ratio", 0.5 / 7.0);
  tu_close(&r);
}
END_TEST

/* A producer fed by another producer's output: captive power (made only
   inside) drives a boiler house. */
START_TEST(t_chained_producers)
{
  tu_run r;
  load(&r, NULL,
       "units:\n"
       "  - {id: pp, name: {zh: 自备电厂, en: Captive plant}, stage: "
       "conversion}\n"
       "  - {id: boiler, name: {zh: 锅炉房, en: Boiler house}, stage: "
       "conversion}\n"
       "  - {id: plant, name: {zh: 车间, en: Workshop}, stage: end_use}\n"
       "meters:\n"
       "  - {id: C1, carrier: raw_coal, level: 1, to: pp, total: \"1,000 "
       "t\"}\n"
       "  - {id: C2, carrier: raw_coal, level: 1, to: boiler, total: \"500 "
       "t\"}\n"
       "  - {id: G1, carrier: electricity, level: 2, from: pp, to: site, "
       "total: \"1,000,000 kWh\"}\n"
       "  - {id: E2, carrier: electricity, level: 2, from: site, to: boiler, "
       "total: \"100,000 kWh\"}\n"
       "  - {id: S1, carrier: lp_steam, level: 2, from: boiler, to: plant, "
       "total: \"2,000 t\"}\n"
       "products:\n"
       "  - {id: cloth, name: {zh: 布, en: Cloth}, quantity: \"1,000 t\", "
       "units: [plant]}\n");
  /* electricity, made only in pp: 1,000 t × 714.3 / 1000 = 714.3 tce ×
     1000 / 1,000,000 kWh = 0.7143 kgce/kWh */
  NEAR(&r, "energy.carriers[electricity].coefficient_kgce", 0.7143);
  /* boiler input: coal 500 × 714.3 / 1000 = 357.15 tce + power 100,000 ×
     0.7143 / 1000 = 71.43 tce = 428.58 tce; lp_steam = 428.58 × 1000 /
     2,000 t = 214.29 kgce/t */
  NEAR(&r, "energy.carriers[lp_steam].coefficient_kgce", 214.29);
  /* total = coal only (1,000 + 500) × 714.3 / 1000 = 1,071.45 tce */
  NEAR(&r, "energy.total_tce", 1071.45);
  /* cloth: 2,000 t × 214.29 / 1000 = 428.58 tce; / 1,000 t = 428.58
     kgce/t */
  NEAR(&r, "energy.products[cloth].energy_tce", 428.58);
  NEAR(&r, "energy.products[cloth].unit_consumption_kgce", 428.58);
  tu_close(&r);
}
END_TEST

/* PROGRAM DISAGREES: a carrier of the rules made inside only (coke from a
   coke oven) that carries a factor override other than ncv (here a
   measured carbon content, for the carbon audit) keeps the reference
   coefficient 971.4 kgce/t and coefficient_basis "reference"; by
   docs/calculation.md rule 2 (no NCV override; G > 0, P = 0) it takes the
   actual coefficient. The override of another factor must not change the
   energy coefficient. Program: coke coefficient 971.4, tce −194.28,
   total_tce 975.72. Not registered. */
START_TEST(t_in_house_with_carbon_override)
{
  tu_run r;
  load(&r, NULL,
       "units:\n"
       "  - {id: oven, name: {zh: 焦炉, en: Coke oven}, stage: conversion}\n"
       "  - {id: bf, name: {zh: 高炉, en: Blast furnace}, stage: end_use}\n"
       "meters:\n"
       "  - {id: W1, carrier: washed_coal, level: 1, to: oven, total: "
       "\"1,300 t\"}\n"
       "  - {id: K1, carrier: coke, level: 2, from: oven, to: bf, total: "
       "\"800 t\"}\n"
       "  - {id: K2, carrier: coke, level: 1, from: oven, to: outside, "
       "total: \"200 t\"}\n"
       "factors:\n"
       "  coke: {carbon_content: \"0.0295 tC/GJ\", source: {zh: 化验, en: "
       "Lab}}\n");
  /* input 1,300 t × 900 kgce/t (0.9000 kgce/kg) / 1000 = 1,170 tce; G =
     800 + 200 = 1,000 t → actual coefficient 1,170 kgce/t */
  NEAR(&r, "energy.carriers[coke].coefficient_kgce", 1170.0);
  /* consumed = 0 − 200 = −200 t × 1,170 / 1000 = −234 tce */
  NEAR(&r, "energy.carriers[coke].tce", -234.0);
  /* total = 1,170 − 234 = 936 tce */
  NEAR(&r, "energy.total_tce", 936.0);
  tu_close(&r);
}
END_TEST

/* 等价值 when the electricity is made inside and partly exported: a net
   exporter that makes electricity sells its product, and its exports are
   valued at its own conversion (the actual coefficient), not at the grid's
   supply coal rate (docs/calculation.md, Totals). */
START_TEST(t_equal_value_own_power_exported)
{
  tu_run r;
  load(&r, NULL,
       "units:\n"
       "  - {id: chp, name: {zh: 自备电厂, en: Captive plant}, stage: "
       "conversion}\n"
       "meters:\n"
       "  - {id: C1, carrier: raw_coal, level: 1, to: chp, total: \"10,000 "
       "t\"}\n"
       "  - {id: G1, carrier: electricity, level: 2, from: chp, to: site, "
       "total: \"20,000,000 kWh\"}\n"
       "  - {id: X1, carrier: electricity, level: 1, from: site, to: outside, "
       "total: \"5,000,000 kWh\"}\n");
  /* coefficient = 7,143 tce × 1000 / 20,000,000 kWh = 0.35715 kgce/kWh;
     consumed = 0 − 5,000,000 = −5,000,000 kWh; tce = −1,785.75;
     total = 7,143 − 1,785.75 = 5,357.25 tce */
  NEAR(&r, "energy.carriers[electricity].coefficient_kgce", 0.35715);
  NEAR(&r, "energy.total_tce", 5357.25);
  /* E = −5,000,000 kWh counted at 0.35715; nothing bought; sold
     5,000,000 kWh at k = 0.35715:
     5,357.25 + 5,000,000 × 0.35715 / 1000 + 0 × 0.312 / 1000
     − 5,000,000 × 0.35715 / 1000 = 5,357.25 tce (the 15,000,000 kWh used
     on site at the plant's own 0.35715). At the grid's 0.312 it would be
     5,583: 226 tce of coal the plant did not burn. */
  NEAR(&r, "energy.total_equal_value_tce", 5357.25);
  ck_assert_str_eq(tu_str(&r, "energy.equal_value.method"), "own_conversion");
  NEAR(&r, "energy.equal_value.own_coefficient_kgce_per_kwh", 0.35715);
  tu_close(&r);
}
END_TEST

/* A power plant: coal into its generators, a little grid power for
   start-ups, most of its output exported. */
START_TEST(t_equal_value_power_plant)
{
  tu_run r;
  load(&r, NULL,
       "units:\n"
       "  - {id: pp, name: {zh: 发电机组, en: Generating units}, stage: "
       "conversion}\n"
       "meters:\n"
       "  - {id: C1, carrier: raw_coal, level: 1, to: pp, total: \"10,000 "
       "t\"}\n"
       "  - {id: E1, carrier: electricity, level: 1, total: \"1,000,000 "
       "kWh\"}\n"
       "  - {id: G1, carrier: electricity, level: 2, from: pp, to: site, "
       "total: \"20,000,000 kWh\"}\n"
       "  - {id: X1, carrier: electricity, level: 1, from: site, to: outside, "
       "total: \"18,000,000 kWh\"}\n");
  /* internal (the blend inside the boundary) = (1,000,000 × 0.1229 +
     10,000 t × 714.3) / (1,000,000 + 20,000,000) = 7,265,900 / 21,000,000
     = 0.3459952380952381 kgce/kWh; k, the actual coefficient of what the
     plant makes = 7,143,000 kgce / 20,000,000 kWh = 0.35715 kgce/kWh */
  NEAR(&r, "energy.carriers[electricity].internal_coefficient_kgce",
       0.3459952380952381);
  NEAR(&r, "energy.carriers[electricity].made_coefficient_kgce", 0.35715);
  /* E = 1,000,000 − 18,000,000 = −17,000,000 kWh at 0.1229 (bought power
     keeps 0.1229): −2,089.3 tce; total = 7,143 − 2,089.3 = 5,053.7 */
  NEAR(&r, "energy.total_tce", 5053.7);
  /* 5,053.7 + 2,089.3 + 1,000,000 × 0.312 / 1000
     − 18,000,000 × 0.35715 / 1000 = 7,455 − 6,428.7 = 1,026.3 tce: the
     2,000,000 kWh kept at the plant's own 0.35715 (714.3 tce) plus the
     1,000,000 kWh bought at 0.312 (312 tce). The blend 0.34600 (1,227.09
     tce before) valued the exports partly at the bought power's 当量值
     0.1229, which has no place in an equal-value figure. (At the grid's
     rate: 5,053.7 + 2,089.3 − 17,000,000 × 0.312 / 1000 = 1,839.) */
  NEAR(&r, "energy.total_equal_value_tce", 1026.3);
  ck_assert_str_eq(tu_str(&r, "energy.equal_value.method"), "own_conversion");
  NEAR(&r, "energy.equal_value.own_coefficient_kgce_per_kwh", 0.35715);
  tu_close(&r);
}
END_TEST

/* A site that makes a little electricity from waste heat and exports a
   surplus but still buys more than it sells. What it buys is at the
   grid's rate; what it sells it made, and is valued at its own
   conversion (GB/T 2589 等价值: the energy spent making a unit of the
   secondary energy), here the waste-heat power's 0.1229 (recovered heat
   enters at its energy content). Before, exports of a net buyer were
   taken off at the grid's 0.312: credit for coal the site never burnt. */
START_TEST(t_equal_value_small_exporter)
{
  tu_run r;
  load(&r, NULL,
       "units:\n"
       "  - {id: whr, name: {zh: 余热电站, en: Waste-heat power}, stage: "
       "conversion}\n"
       "meters:\n"
       "  - {id: E1, carrier: electricity, level: 1, total: \"10,000,000 "
       "kWh\"}\n"
       "  - {id: G1, carrier: electricity, level: 2, from: whr, to: site, "
       "total: \"1,000,000 kWh\"}\n"
       "  - {id: X1, carrier: electricity, level: 1, from: site, to: outside, "
       "total: \"500,000 kWh\"}\n");
  /* E = 10,000,000 − 500,000 = 9,500,000 kWh × 0.1229 / 1000 = 1,167.55 */
  NEAR(&r, "energy.total_tce", 1167.55);
  /* 1,167.55 − 1,167.55 + 10,000,000 × 0.312 / 1000 − 500,000 × 0.1229
     / 1000 = 3,120 − 61.45 = 3,058.55 tce (at the grid's rate throughout:
     9,500,000 × 0.312 / 1000 = 2,964) */
  NEAR(&r, "energy.total_equal_value_tce", 3058.55);
  ck_assert_str_eq(tu_str(&r, "energy.equal_value.method"), "own_conversion");
  NEAR(&r, "energy.equal_value.own_coefficient_kgce_per_kwh", 0.1229);
  tu_close(&r);
}
END_TEST

/* A mill with its own coal-fired CHP (one output here) that buys more
   power than it sells: bought at the grid's rate, sold at its own
   conversion (docs/worked/sectors/paper-mill.md §1.3). */
START_TEST(t_equal_value_net_buyer_own_power)
{
  tu_run r;
  load(&r, NULL,
       "units:\n"
       "  - {id: chp, name: {zh: 自备电厂, en: Captive plant}, stage: "
       "conversion}\n"
       "meters:\n"
       "  - {id: C1, carrier: raw_coal, level: 1, to: chp, total: \"10,000 "
       "t\"}\n"
       "  - {id: E1, carrier: electricity, level: 1, total: \"30,000,000 "
       "kWh\"}\n"
       "  - {id: G1, carrier: electricity, level: 2, from: chp, to: site, "
       "total: \"20,000,000 kWh\"}\n"
       "  - {id: X1, carrier: electricity, level: 1, from: site, to: outside, "
       "total: \"5,000,000 kWh\"}\n");
  /* E = 30,000,000 − 5,000,000 = 25,000,000 kWh × 0.1229 / 1000 =
     3,072.5 tce; total = 7,143 + 3,072.5 = 10,215.5 tce */
  NEAR(&r, "energy.total_tce", 10215.5);
  /* k = 7,143,000 kgce / 20,000,000 kWh = 0.35715;
     10,215.5 − 3,072.5 + 30,000,000 × 0.312 / 1000 − 5,000,000 × 0.35715
     / 1000 = 7,143 + 9,360 − 1,785.75 = 14,717.25 tce (at the grid's rate
     for the exports: 7,143 + 25,000,000 × 0.312 / 1000 = 14,943) */
  NEAR(&r, "energy.total_equal_value_tce", 14717.25);
  ck_assert_str_eq(tu_str(&r, "energy.equal_value.method"), "own_conversion");
  NEAR(&r, "energy.equal_value.own_coefficient_kgce_per_kwh", 0.35715);
  tu_close(&r);
}
END_TEST

/* Heat bought (10 GJ) and made from unmetered waste heat (1,000 GJ), all
   1,000 GJ sold: consumed = 10 − 1,000 = −990 GJ at the reference 34.12
   kgce/GJ = −33.7788 tce; with 1,000 kWh × 0.1229 / 1000 = 0.1229 tce the
   total is −33.6559 tce, and the equal value −33.6559 − 0.1229 + 1,000 ×
   0.312 / 1000 = −33.4669 tce. A negative total is no figure to give: the
   equal value is null, "not applicable", with a note. */
START_TEST(t_equal_value_never_negative)
{
  tu_run r;
  load(&r, NULL,
       "units:\n"
       "  - {id: whr, name: {zh: 余热锅炉, en: Waste-heat boiler}, stage: "
       "conversion}\n"
       "meters:\n"
       "  - {id: H1, carrier: heat, level: 1, total: \"10 GJ\"}\n"
       "  - {id: G1, carrier: heat, level: 2, from: whr, to: site, total: "
       "\"1,000 GJ\"}\n"
       "  - {id: X1, carrier: heat, level: 1, from: site, to: outside, total: "
       "\"1,000 GJ\"}\n"
       "  - {id: E1, carrier: electricity, level: 1, total: \"1,000 kWh\"}\n");
  NEAR(&r, "energy.total_tce", -33.6559);
  ck_assert(tu_is_null(&r, "energy.total_equal_value_tce"));
  ck_assert_str_eq(tu_str(&r, "energy.equal_value.method"), "not_applicable");
  ck_assert(has_note(&r, "energy.total_equal_value_tce",
                     "The equal-value total would be negative: the indicator "
                     "does not apply to this enterprise and is not given."));
  tu_close(&r);
}
END_TEST

/* }====================================================== */
/* {====================================================== products */

/* Inflow closure: a meter into a parent and one into its child are not
   both counted; flows between units of one set are not counted. */
START_TEST(t_inflow_closure)
{
  tu_run r;
  load(&r, NULL,
       "units:\n"
       "  - {id: line, name: {zh: 生产线, en: Line}, stage: end_use}\n"
       "  - {id: mill, name: {zh: 磨, en: Mill}, stage: end_use, parent: "
       "line}\n"
       "  - {id: kiln, name: {zh: 窑, en: Kiln}, stage: end_use, parent: "
       "line}\n"
       "meters:\n"
       "  - {id: E1, carrier: electricity, level: 1, total: \"1,000,000 "
       "kWh\"}\n"
       "  - {id: E2, carrier: electricity, level: 2, from: site, to: line, "
       "total: \"800,000 kWh\"}\n"
       "  - {id: E3, carrier: electricity, level: 3, from: line, to: mill, "
       "total: \"300,000 kWh\"}\n"
       "  - {id: E4, carrier: electricity, level: 3, from: mill, to: kiln, "
       "total: \"50,000 kWh\"}\n"
       "products:\n"
       "  - {id: a, name: {zh: 甲, en: A}, quantity: \"1,000 t\", units: "
       "[line]}\n"
       "  - {id: b, name: {zh: 乙, en: B}, quantity: \"1,000 t\", units: "
       "[line, mill]}\n"
       "  - {id: c, name: {zh: 丙, en: C}, quantity: \"1,000 t\", units: "
       "[mill, kiln]}\n"
       "  - {id: d, name: {zh: 丁, en: D}, quantity: \"1,000 t\", units: "
       "[kiln]}\n");
  /* a: closure{line} = {line, mill, kiln}; only E2 (site → line) enters
     from outside the set: 800,000 × 0.1229 / 1000 = 98.32 tce */
  NEAR(&r, "energy.products[a].energy_tce", 98.32);
  /* b: naming the child as well changes nothing: 98.32 tce */
  NEAR(&r, "energy.products[b].energy_tce", 98.32);
  /* c: {mill, kiln}: E3 (line → mill) 300,000 enters; E4 mill → kiln is
     inside: 300,000 × 0.1229 / 1000 = 36.87 tce */
  NEAR(&r, "energy.products[c].energy_tce", 36.87);
  /* d: {kiln}: E4 50,000 × 0.1229 / 1000 = 6.145 tce; 6.145 × 1000 /
     1,000 t = 6.145 kgce/t */
  NEAR(&r, "energy.products[d].energy_tce", 6.145);
  NEAR(&r, "energy.products[d].unit_consumption_kgce", 6.145);
  /* total from the boundary meter only: 1,000,000 × 0.1229 / 1000 =
     122.9 tce */
  NEAR(&r, "energy.total_tce", 122.9);
  tu_close(&r);
}
END_TEST

/* Shared units with a share (percent and plain ratio); quantity in 万t. */
START_TEST(t_shared_units)
{
  tu_run r;
  load(&r, NULL,
       "units:\n"
       "  - {id: kiln, name: {zh: 窑, en: Kiln}, stage: end_use}\n"
       "  - {id: mill, name: {zh: 水泥磨, en: Cement mill}, stage: end_use}\n"
       "  - {id: aux, name: {zh: 辅助, en: Auxiliary}, stage: end_use}\n"
       "meters:\n"
       "  - {id: E1, carrier: electricity, level: 1, total: \"1,000,000 "
       "kWh\"}\n"
       "  - {id: E2, carrier: electricity, level: 2, from: site, to: kiln, "
       "total: \"500,000 kWh\"}\n"
       "  - {id: E3, carrier: electricity, level: 2, from: site, to: mill, "
       "total: \"300,000 kWh\"}\n"
       "  - {id: E4, carrier: electricity, level: 2, from: site, to: aux, "
       "total: \"200,000 kWh\"}\n"
       "products:\n"
       "  - id: clinker\n"
       "    name: {zh: 熟料, en: Clinker}\n"
       "    quantity: \"8 万t\"\n"
       "    units: [kiln]\n"
       "    shared: [{unit: aux, share: \"70 %\"}]\n"
       "  - id: cement\n"
       "    name: {zh: 水泥, en: Cement}\n"
       "    quantity: \"120,000 t\"\n"
       "    units: [mill]\n"
       "    shared: [{unit: aux, share: 0.3}]\n");
  /* 8 万t = 80,000 t */
  NEAR(&r, "energy.products[clinker].quantity", 80000.0);
  ck_assert_str_eq(tu_str(&r, "energy.products[clinker].unit"), "t");
  /* clinker: (500,000 + 0.7 × 200,000) = 640,000 kWh × 0.1229 / 1000 =
     78.656 tce; 78.656 × 1000 / 80,000 t = 0.9832 kgce/t */
  NEAR(&r, "energy.products[clinker].energy_tce", 78.656);
  NEAR(&r, "energy.products[clinker].unit_consumption_kgce", 0.9832);
  /* cement: (300,000 + 0.3 × 200,000) = 360,000 kWh × 0.1229 / 1000 =
     44.244 tce; 44.244 × 1000 / 120,000 t = 0.3687 kgce/t */
  NEAR(&r, "energy.products[cement].energy_tce", 44.244);
  NEAR(&r, "energy.products[cement].unit_consumption_kgce", 0.3687);
  tu_close(&r);
}
END_TEST

/* }====================================================== */
/* {====================================================== intensity */

START_TEST(t_intensity)
{
  tu_run r;
  load(&r,
       head("  output_value: \"50,000,000 CNY\"\n"
            "  value_added: \"1,200 万元\"\n"
            "  floor_area: {value: \"50,000\", unit: m2}\n"
            "  employees: 100\n",
            "{from: 2016-01-01, to: 2016-12-31}", ""),
       "meters:\n"
       "  - {id: C1, carrier: raw_coal, level: 1, total: \"1,000 t\"}\n"
       "  - {id: E1, carrier: electricity, level: 1, total: \"0 kWh\"}\n");
  /* total = 1,000 × 714.3 / 1000 = 714.3 tce */
  NEAR(&r, "energy.total_tce", 714.3);
  /* per employee: 714.3 × 1000 / 100 = 7,143 kgce/person; coal's equal
     value is its equivalent value and no electricity was used, so the
     equal-value figures are the same: 7,143 and 14.286 kgce/m2 */
  NEAR(&r, "energy.intensity.kgce_per_employee", 7143);
  NEAR(&r, "energy.intensity.kgce_per_employee_equal_value", 7143);
  NEAR(&r, "energy.intensity.kgce_per_m2_equal_value", 14.286);
  /* 50,000,000 CNY = 5,000 万元: 714.3 / 5,000 = 0.14286 tce/万元 */
  NEAR(&r, "energy.intensity.tce_per_10k_cny_output", 0.14286);
  /* 714.3 / 1,200 万元 = 0.59525 tce/万元 */
  NEAR(&r, "energy.intensity.tce_per_10k_cny_value_added", 0.59525);
  /* 714.3 × 1000 / 50,000 m2 = 14.286 kgce/m2 */
  NEAR(&r, "energy.intensity.kgce_per_m2", 14.286);
  tu_close(&r);
  /* Without value added and floor area those two are null. */
  load(&r, NULL,
       "meters:\n"
       "  - {id: C1, carrier: raw_coal, level: 1, total: \"1,000 t\"}\n");
  ck_assert(tu_is_null(&r, "energy.intensity.tce_per_10k_cny_value_added"));
  ck_assert(tu_is_null(&r, "energy.intensity.kgce_per_m2"));
  ck_assert(tu_is_null(&r, "energy.intensity.kgce_per_m2_equal_value"));
  ck_assert(tu_is_null(&r, "energy.intensity.kgce_per_employee"));
  /* TU_HEAD's 10,000 万元: 714.3 / 10,000 = 0.07143 */
  NEAR(&r, "energy.intensity.tce_per_10k_cny_output", 0.07143);
  tu_close(&r);
}
END_TEST

/* Equal-value intensities with electricity: 1,000,000 kWh at 0.1229
   kgce/kWh = 122.9 tce (equivalent); at 2016's supply coal rate of 312
   gce/kWh (rules/grids.yaml, equal value) 312 tce. Per m² of 10,000 m²
   and per each of 50 employees: equivalent 122.9 × 1000 / 10,000 = 12.29
   kgce/m2 and 122.9 × 1000 / 50 = 2,458 kgce; equal value 312 × 1000 /
   10,000 = 31.2 kgce/m2 and 312 × 1000 / 50 = 6,240 kgce. */
START_TEST(t_intensity_equal_value)
{
  tu_run r;
  load(&r,
       head("  floor_area: {value: \"10,000\", unit: m2}\n"
            "  employees: 50\n",
            "{from: 2016-01-01, to: 2016-12-31}", ""),
       "meters:\n"
       "  - {id: E1, carrier: electricity, level: 1, total: "
       "\"1,000,000 kWh\"}\n");
  NEAR(&r, "energy.intensity.kgce_per_m2", 12.29);
  NEAR(&r, "energy.intensity.kgce_per_employee", 2458);
  NEAR(&r, "energy.total_equal_value_tce", 312);
  NEAR(&r, "energy.intensity.kgce_per_m2_equal_value", 31.2);
  NEAR(&r, "energy.intensity.kgce_per_employee_equal_value", 6240);
  tu_close(&r);
}
END_TEST

/* }====================================================== */
/* {====================================================== balance */

/* Balance with a stock draw-down (coal) and with in-house generation
   (waste-heat power feeding the site network). */
START_TEST(t_balance_stock_and_generation)
{
  tu_run r;
  load(&r, NULL,
       "units:\n"
       "  - {id: kiln, name: {zh: 窑, en: Kiln}, stage: end_use}\n"
       "  - {id: whr, name: {zh: 余热电站, en: Waste-heat power}, stage: "
       "conversion}\n"
       "meters:\n"
       "  - {id: C1, carrier: raw_coal, level: 1, total: \"1,000 t\"}\n"
       "  - {id: C2, carrier: raw_coal, level: 2, from: site, to: kiln, "
       "total: \"1,050 t\"}\n"
       "  - {id: E1, carrier: electricity, level: 1, total: \"1,000,000 "
       "kWh\"}\n"
       "  - {id: G1, carrier: electricity, level: 1, from: whr, to: site, "
       "total: \"200,000 kWh\"}\n"
       "  - {id: E2, carrier: electricity, level: 2, from: site, to: kiln, "
       "total: \"1,100,000 kWh\"}\n"
       "stock:\n"
       "  - {carrier: raw_coal, opening: \"200 t\", closing: \"100 t\"}\n");
  /* coal: input = P + ΔS + G = 1,000 + (200 − 100) + 0 = 1,100 t */
  NEAR(&r, "energy.balance[raw_coal].input", 1100.0);
  /* end_use = inflow into {kiln, whr} + sold = 1,050 + 0 */
  NEAR(&r, "energy.balance[raw_coal].end_use", 1050.0);
  /* loss = 1,100 − 1,050 = 50 t; ratio 50 / 1,100 = 0.045454545… */
  NEAR(&r, "energy.balance[raw_coal].loss", 50.0);
  NEAR(&r, "energy.balance[raw_coal].loss_ratio", 50.0 / 1100.0);
  /* electricity: input = 1,000,000 + 0 + 200,000 = 1,200,000 kWh */
  NEAR(&r, "energy.balance[electricity].input", 1200000.0);
  /* end_use = E2 1,100,000 (G1 leaves whr for site: not an inflow) */
  NEAR(&r, "energy.balance[electricity].end_use", 1100000.0);
  /* loss = 100,000 kWh; ratio 100,000 / 1,200,000 = 0.083333… */
  NEAR(&r, "energy.balance[electricity].loss", 100000.0);
  NEAR(&r, "energy.balance[electricity].loss_ratio", 1.0 / 12.0);
  /* total = coal 1,100 × 714.3 / 1000 = 785.73 + electricity consumed
     1,000,000 × 0.1229 / 1000 = 122.9 → 908.63 tce */
  NEAR(&r, "energy.total_tce", 908.63);
  tu_close(&r);
}
END_TEST

/* Balance with a sale: sold energy is part of end_use. */
START_TEST(t_balance_with_sale)
{
  tu_run r;
  load(&r, NULL,
       "units:\n"
       "  - {id: shop, name: {zh: 车间, en: Workshop}, stage: end_use}\n"
       "meters:\n"
       "  - {id: E1, carrier: electricity, level: 1, total: \"2,000,000 "
       "kWh\"}\n"
       "  - {id: E2, carrier: electricity, level: 2, from: site, to: shop, "
       "total: \"1,500,000 kWh\"}\n"
       "  - {id: E3, carrier: electricity, level: 1, from: site, to: outside, "
       "total: \"400,000 kWh\"}\n");
  /* input = 2,000,000 + 0 + 0; end_use = 1,500,000 + 400,000 sold =
     1,900,000; loss = 100,000; ratio = 100,000 / 2,000,000 = 0.05 */
  NEAR(&r, "energy.balance[electricity].input", 2000000.0);
  NEAR(&r, "energy.balance[electricity].end_use", 1900000.0);
  NEAR(&r, "energy.balance[electricity].loss", 100000.0);
  NEAR(&r, "energy.balance[electricity].loss_ratio", 0.05);
  tu_close(&r);
}
END_TEST

/* No balance row for a carrier no meter takes into a conversion or
   end-use unit (a distribution unit does not count). */
START_TEST(t_no_balance_row)
{
  tu_run r;
  load(&r, NULL,
       "units:\n"
       "  - {id: sub, name: {zh: 变电站, en: Substation}, stage: "
       "distribution}\n"
       "meters:\n"
       "  - {id: E1, carrier: electricity, level: 1, total: \"1,000,000 "
       "kWh\"}\n"
       "  - {id: E2, carrier: electricity, level: 2, from: site, to: sub, "
       "total: \"900,000 kWh\"}\n"
       "  - {id: C1, carrier: raw_coal, level: 1, total: \"100 t\"}\n");
  ck_assert_uint_eq(len_at(&r, "energy.balance"), 0);
  tu_close(&r);
  load(&r, NULL,
       "units:\n"
       "  - {id: kiln, name: {zh: 窑, en: Kiln}, stage: end_use}\n"
       "meters:\n"
       "  - {id: E1, carrier: electricity, level: 1, total: \"1,000,000 "
       "kWh\"}\n"
       "  - {id: C1, carrier: raw_coal, level: 1, total: \"100 t\"}\n"
       "  - {id: C2, carrier: raw_coal, level: 2, from: site, to: kiln, "
       "total: \"90 t\"}\n");
  ck_assert_uint_eq(len_at(&r, "energy.balance"), 1);
  ck_assert_ptr_null(val_path(r.results, "energy.balance[electricity]"));
  /* coal: 100 in, 90 into the kiln: loss 10 t, ratio 0.1 */
  NEAR(&r, "energy.balance[raw_coal].loss", 10.0);
  NEAR(&r, "energy.balance[raw_coal].loss_ratio", 0.1);
  tu_close(&r);
}
END_TEST

/* }====================================================== */
/* {====================================================== cost */

START_TEST(t_cost)
{
  tu_run r;
  load(&r, NULL,
       "meters:\n"
       "  - {id: C1, carrier: raw_coal, level: 1, total: \"2,000 t\"}\n"
       "  - {id: E1, carrier: electricity, level: 1, total: \"1,000,000 "
       "kWh\"}\n"
       "  - {id: D1, carrier: diesel, level: 1, total: \"10 t\"}\n"
       "stock:\n"
       "  - {carrier: raw_coal, opening: \"500 t\", closing: \"0 t\"}\n"
       "prices:\n"
       "  electricity: \"620 CNY/MWh\"\n"
       "  raw_coal: \"0.065 万元/t\"\n"
       "  diesel: \"7,000 元/t\"\n");
  /* 0.065 万元/t = 650 CNY/t; cost on purchases only (stock ignored):
     2,000 t × 650 = 1,300,000 CNY */
  NEAR(&r, "energy.carriers[raw_coal].cost_cny", 1300000.0);
  /* 620 CNY/MWh = 0.62 CNY/kWh × 1,000,000 kWh = 620,000 CNY */
  NEAR(&r, "energy.carriers[electricity].cost_cny", 620000.0);
  /* 10 t × 7,000 = 70,000 CNY */
  NEAR(&r, "energy.carriers[diesel].cost_cny", 70000.0);
  /* total = 1,300,000 + 620,000 + 70,000 = 1,990,000 CNY */
  NEAR(&r, "energy.cost.total_cny", 1990000.0);
  tu_close(&r);
}
END_TEST

START_TEST(t_cost_null)
{
  tu_run r;
  load(&r, NULL,
       "meters:\n"
       "  - {id: E1, carrier: electricity, level: 1, total: \"1,000 kWh\"}\n");
  ck_assert(tu_is_null(&r, "energy.cost.total_cny"));
  ck_assert(has_note(&r, "energy.cost.total_cny", "No prices are given"));
  ck_assert(tu_is_null(&r, "energy.carriers[electricity].cost_cny"));
  tu_close(&r);
  /* Electricity priced, coal not: the total covers electricity and the
     coal's cost is null with a note. */
  load(&r, NULL,
       "meters:\n"
       "  - {id: E1, carrier: electricity, level: 1, total: \"1,000 kWh\"}\n"
       "  - {id: C1, carrier: raw_coal, level: 1, total: \"10 t\"}\n"
       "prices:\n"
       "  electricity: \"0.6 CNY/kWh\"\n");
  /* 1,000 kWh × 0.6 = 600 CNY */
  NEAR(&r, "energy.cost.total_cny", 600.0);
  ck_assert(tu_is_null(&r, "energy.carriers[raw_coal].cost_cny"));
  ck_assert(has_note(&r, "energy.carriers[raw_coal].cost_cny",
                     "No price is given for Raw coal"));
  tu_close(&r);
}
END_TEST

/* }====================================================== */
/* {====================================================== meter forms */

START_TEST(t_monthly_summed)
{
  tu_run r;
  load(&r, NULL,
       "meters:\n"
       "  - id: E1\n"
       "    carrier: electricity\n"
       "    level: 1\n"
       "    monthly: [\"100,000 kWh\", \"90 MWh\", \"8 万kWh\", \"70,000 kWh\",\n"
       "              \"60,000 kWh\", \"50,000 kWh\", \"50,000 kWh\", "
       "\"60,000 kWh\",\n"
       "              \"70,000 kWh\", \"80,000 kWh\", \"90,000 kWh\", "
       "\"100,000 kWh\"]\n");
  /* Σ = 100,000 + 90,000 + 80,000 + 70,000 + 60,000 + 50,000 + 50,000 +
     60,000 + 70,000 + 80,000 + 90,000 + 100,000 = 900,000 kWh */
  NEAR(&r, "energy.carriers[electricity].purchased", 900000.0);
  /* 900,000 × 0.1229 / 1000 = 110.61 tce */
  NEAR(&r, "energy.carriers[electricity].tce", 110.61);
  /* month 2 (Feb): 90 MWh = 90,000 kWh; × 0.1229 / 1000 = 11.061 tce */
  NEAR(&r, "energy.monthly.carriers[electricity].purchased[1]", 90000.0);
  NEAR(&r, "energy.monthly.carriers[electricity].tce[1]", 11.061);
  /* month 3: 8 万kWh = 80,000 kWh × 0.1229 / 1000 = 9.832 tce */
  NEAR(&r, "energy.monthly.total_purchased_tce[2]", 9.832);
  ck_assert_uint_eq(len_at(&r, "energy.monthly.months"), 12);
  tu_close(&r);
}
END_TEST

/* A six-month period takes six monthly values. */
START_TEST(t_monthly_six_months)
{
  tu_run r;
  load(&r, head("", "{from: 2016-03-01, to: 2016-08-31}", ""),
       "meters:\n"
       "  - {id: C1, carrier: raw_coal, level: 1, monthly: [\"100 t\", "
       "\"200 t\", \"300 t\", \"400 t\", \"500 t\", \"600 t\"]}\n");
  /* days = 31 + 30 + 31 + 30 + 31 + 31 (Mar..Aug) = 184 */
  NEAR(&r, "period.days", 184.0);
  /* Σ = 100 + 200 + … + 600 = 2,100 t × 714.3 / 1000 = 1,500.03 tce */
  NEAR(&r, "energy.carriers[raw_coal].consumed", 2100.0);
  NEAR(&r, "energy.total_tce", 1500.03);
  ck_assert_uint_eq(len_at(&r, "energy.monthly.months"), 6);
  ck_assert_str_eq(tu_str(&r, "energy.monthly.months[0]"), "2016-03");
  ck_assert_str_eq(tu_str(&r, "energy.monthly.months[5]"), "2016-08");
  /* August: 600 t × 714.3 / 1000 = 428.58 tce */
  NEAR(&r, "energy.monthly.carriers[raw_coal].tce[5]", 428.58);
  tu_close(&r);
}
END_TEST

/* A carrier counts monthly when its boundary meters giving monthly data
   carry at least 95 % of its boundary quantity, whatever its sub-meters
   give; a small annual-only incomer is its annual part. */
START_TEST(t_monthly_standby_incomer)
{
  tu_run r;
  load(&r, NULL,
       "units:\n"
       "  - {id: plant, name: {zh: 车间, en: Plant}, stage: end_use}\n"
       "meters:\n"
       "  - {id: E1, carrier: electricity, level: 1, monthly: [" M12_1000 "]}\n"
       "  - {id: E2, carrier: electricity, level: 1, total: \"500 kWh\"}\n"
       "  - {id: E3, carrier: electricity, level: 2, from: site, to: plant, "
       "total: \"11,000 kWh\"}\n");
  /* monthly 12 × 1,000 = 12,000 kWh of 12,000 + 500 = 12,500: 0.96 ≥ 0.95;
     the sub-meter E3 (annual) does not matter */
  NEAR(&r, "energy.monthly.carriers[electricity].monthly_share", 0.96);
  NEAR(&r, "energy.monthly.carriers[electricity].annual_part", 500.0);
  ck_assert_str_eq(tu_str(&r, "energy.monthly.carriers[electricity]."
                              "annual_meters[0]"), "E2");
  /* January: 1,000 kWh × 0.1229 / 1000 = 0.1229 tce */
  NEAR(&r, "energy.monthly.carriers[electricity].purchased[0]", 1000.0);
  NEAR(&r, "energy.monthly.total_purchased_tce[0]", 0.1229);
  ck_assert_uint_eq(len_at(&r, "energy.monthly.annual_carriers"), 0);
  /* the months add up to 500 kWh less than the year */
  ck_assert(!val_path(r.results, "energy.monthly.complete")->b);
  ck_assert(has_note(&r, "energy.monthly",
                     "Electricity: the monthly figures come from the main"));
  tu_close(&r);
  /* 1,000 kWh annual: 12,000 / 13,000 = 0.923… < 0.95: annual */
  load(&r, NULL,
       "meters:\n"
       "  - {id: E1, carrier: electricity, level: 1, monthly: [" M12_1000 "]}\n"
       "  - {id: E2, carrier: electricity, level: 1, total: \"1,000 kWh\"}\n");
  ck_assert_uint_eq(len_at(&r, "energy.monthly.carriers"), 0);
  NEAR(&r, "energy.monthly.annual_carriers[electricity].monthly_share",
       12000.0 / 13000.0);
  ck_assert_str_eq(tu_str(&r, "energy.monthly.annual_carriers[electricity]."
                              "annual_meters[0]"), "E2");
  ck_assert(has_note(&r, "energy.monthly", "Some carriers have no monthly "
                                           "data (Electricity:"));
  tu_close(&r);
  /* only monthly boundary meters, annual sub-meter: complete */
  load(&r, NULL,
       "units:\n"
       "  - {id: plant, name: {zh: 车间, en: Plant}, stage: end_use}\n"
       "meters:\n"
       "  - {id: E1, carrier: electricity, level: 1, monthly: [" M12_1000 "]}\n"
       "  - {id: E3, carrier: electricity, level: 2, from: site, to: plant, "
       "total: \"11,000 kWh\"}\n");
  NEAR(&r, "energy.monthly.carriers[electricity].monthly_share", 1.0);
  NEAR(&r, "energy.monthly.carriers[electricity].annual_part", 0.0);
  ck_assert(val_path(r.results, "energy.monthly.complete")->b);
  tu_close(&r);
}
END_TEST

/* Output by month: the product's units metered monthly give its unit
   consumption by month. E1 into the plant: 10,000 kWh a month, February
   8,000 kWh: 118,000 kWh. Output 100 t a month, February 50 t: 1,150 t.
   Annual: 118,000 × 0.1229 / 1000 = 14.5022 tce × 1000 / 1,150 t
   = 12.610608… kgce/t. February: 8,000 × 0.1229 / 1000 = 0.9832 tce
   × 1000 / 50 t = 19.664 kgce/t, 19.664 / 12.610608… − 1 = +55.93 %;
   output 50 / (1,150 / 12) = 52.17 % of the monthly mean. January:
   1.229 tce / 100 t = 12.29 kgce/t, −2.54 %. */
START_TEST(t_monthly_products)
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
       "\"100 t\", \"0.01 万t\"]}\n"
       "  - {id: q, name: {zh: 产品二, en: Product two}, quantity: \"10 t\"}\n");
  ck_assert_uint_eq(len_at(&r, "energy.monthly.products"), 1);
  NEAR(&r, "energy.monthly.products[p].quantity[1]", 50.0);
  NEAR(&r, "energy.monthly.products[p].quantity[11]", 100.0);
  ck_assert(val_path(r.results, "energy.monthly.products[p].attributable")->b);
  NEAR(&r, "energy.monthly.products[p].annual_unit_consumption_kgce",
       12.610608695652173);
  NEAR(&r, "energy.monthly.products[p].energy_tce[1]", 0.9832);
  NEAR(&r, "energy.monthly.products[p].unit_consumption_kgce[1]", 19.664);
  NEAR(&r, "energy.monthly.products[p].unit_consumption_kgce[0]", 12.29);
  ck_assert_uint_eq(len_at(&r, "energy.monthly.unit_consumption_months"), 12);
  ck_assert_str_eq(tu_str(&r, "energy.monthly.unit_consumption_months[1]."
                              "month"), "2016-02");
  NEAR(&r, "energy.monthly.unit_consumption_months[1].deviation",
       19.664 / 12.610608695652173 - 1);
  NEAR(&r, "energy.monthly.unit_consumption_months[1].output_ratio",
       50.0 / (1150.0 / 12.0));
  tu_close(&r);
}
END_TEST

/* Products whose energy cannot be attributed by month: a unit with an
   annual meter, a product using another; their output is still shown. */
START_TEST(t_monthly_products_unattributed)
{
  tu_run r;
  load(&r, NULL,
       "units:\n"
       "  - {id: plant, name: {zh: 车间, en: Plant}, stage: end_use}\n"
       "  - {id: mill, name: {zh: 粉磨, en: Mill}, stage: end_use}\n"
       "meters:\n"
       "  - {id: E1, carrier: electricity, level: 1, to: plant, monthly: ["
       M12_1000 "]}\n"
       "  - {id: E2, carrier: electricity, level: 1, to: mill, total: "
       "\"100 kWh\"}\n"
       "products:\n"
       "  - {id: a, name: {zh: 甲, en: A}, quantity: \"12 t\", units: [mill], "
       "monthly: [" M12_1T "]}\n"
       "  - {id: b, name: {zh: 乙, en: B}, quantity: \"12 t\", units: [plant], "
       "uses: [{product: a, quantity: \"12 t\"}], monthly: [" M12_1T "]}\n");
  ck_assert(!val_path(r.results, "energy.monthly.products[a].attributable")->b);
  ck_assert(tu_is_null(&r, "energy.monthly.products[a].unit_consumption_kgce"));
  ck_assert_str_eq(tu_str(&r, "energy.monthly.products[a].why_en"),
                   "meter E2 into its units gives an annual figure only");
  ck_assert(!val_path(r.results, "energy.monthly.products[b].attributable")->b);
  ck_assert(has_note(&r, "energy.monthly.products[b]", "it uses another "
                                                       "product"));
  NEAR(&r, "energy.monthly.products[b].quantity[3]", 1.0);
  ck_assert_uint_eq(len_at(&r, "energy.monthly.unit_consumption_months"), 0);
  tu_close(&r);
}
END_TEST

/* Six months (March to August): E1 into the plant 1,000 kWh a month,
   June 600 kWh: 5,600 kWh; output 10 t a month, 60 t. Annual
   5,600 × 0.1229 / 1000 × 1000 / 60 = 11.470666… kgce/t; June
   600 × 0.1229 / 10 = 7.374 kgce/t, 600 / (5,600 / 6) − 1 = −35.71 %. */
START_TEST(t_monthly_products_six_months)
{
  tu_run r;
  load(&r, head("", "{from: 2016-03-01, to: 2016-08-31}", ""),
       "units:\n"
       "  - {id: plant, name: {zh: 车间, en: Plant}, stage: end_use}\n"
       "meters:\n"
       "  - {id: E1, carrier: electricity, level: 1, to: plant, monthly: ["
       "\"1,000 kWh\", \"1,000 kWh\", \"1,000 kWh\", \"600 kWh\", "
       "\"1,000 kWh\", \"1,000 kWh\"]}\n"
       "products:\n"
       "  - {id: p, name: {zh: 产品, en: Product}, quantity: \"60 t\", "
       "units: [plant], monthly: [\"10 t\", \"10 t\", \"10 t\", \"10 t\", "
       "\"10 t\", \"10 t\"]}\n");
  NEAR(&r, "energy.monthly.products[p].unit_consumption_kgce[3]", 7.374);
  ck_assert_str_eq(tu_str(&r, "energy.monthly.unit_consumption_months[3]."
                              "month"), "2016-06");
  NEAR(&r, "energy.monthly.unit_consumption_months[3].deviation",
       600.0 / (5600.0 / 6.0) - 1);
  NEAR(&r, "energy.monthly.unit_consumption_months[3].output_ratio", 1.0);
  tu_close(&r);
}
END_TEST

/* A series meter into the product's unit counts monthly: hourly rows of
   10 kWh from 2016-01-31 00:00 to 2016-02-01 23:00 (period of these two
   days, 2 months): January 24 × 10 = 240 kWh, February 240 kWh. Output
   24 t and 12 t (36 t). Annual 480 × 0.1229 / 36 = 1.638666… kgce/t;
   January 240 × 0.1229 / 24 = 1.229 (−25 %), February 240 × 0.1229 / 12
   = 2.458 kgce/t, 2.458 / 1.638666… − 1 = +50 %. */
START_TEST(t_monthly_products_series)
{
  char dir[] = "/tmp/auditgen-mseries-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  char csv[64];
  snprintf(csv, sizeof csv, "%s/E1.csv", dir);
  FILE *f = fopen(csv, "w");
  ck_assert_ptr_nonnull(f);
  fprintf(f, "timestamp,value\n");
  for (int k = 0; k < 48; k++)
    fprintf(f, "2016-%s-%02dT%02d:00,10\n", k < 24 ? "01" : "02",
            k < 24 ? 31 : 1, k % 24);
  fclose(f);
  char text[2048];
  snprintf(text, sizeof text,
           "auditgen: 1\n"
           "facility:\n"
           "  name: {zh: 测试厂, en: Test plant}\n"
           "  industry: cement\n"
           "audit:\n"
           "  period: {from: 2016-01-31, to: 2016-02-01}\n"
           "units:\n"
           "  - {id: plant, name: {zh: 车间, en: Plant}, stage: end_use}\n"
           "meters:\n"
           "  - {id: E1, carrier: electricity, level: 1, to: plant, series: "
           "\"%s\", unit: kWh}\n"
           "products:\n"
           "  - {id: p, name: {zh: 产品, en: Product}, quantity: \"36 t\", "
           "units: [plant], monthly: [\"24 t\", \"12 t\"]}\n",
           csv);
  tu_run r;
  tu_open(&r);
  tu_facility(&r, text);
  unlink(csv);
  rmdir(dir);
  ck_assert_msg(r.results != NULL, "%s", tu_diags(&r));
  NEAR(&r, "energy.monthly.carriers[electricity].purchased[0]", 240.0);
  ck_assert(val_path(r.results, "energy.monthly.products[p].attributable")->b);
  NEAR(&r, "energy.monthly.products[p].unit_consumption_kgce[0]", 1.229);
  NEAR(&r, "energy.monthly.products[p].unit_consumption_kgce[1]", 2.458);
  NEAR(&r, "energy.monthly.unit_consumption_months[1].deviation", 0.5);
  NEAR(&r, "energy.monthly.unit_consumption_months[0].deviation", -0.25);
  tu_close(&r);
}
END_TEST

/* Within 0.1 % of quantity the monthly values are accepted as rounded
   (beyond it, tests/bad/product-monthly-sum). */
START_TEST(t_monthly_products_rounding)
{
  tu_run r;
  load(&r, NULL,
       "meters:\n"
       "  - {id: E1, carrier: electricity, level: 1, total: \"100 kWh\"}\n"
       "products:\n"
       "  - {id: p, name: {zh: 产品, en: Product}, quantity: \"1,200 t\", "
       "monthly: [\"100.1 t\", \"100.1 t\", \"100.1 t\", \"100.1 t\", "
       "\"100.1 t\", \"100.1 t\", \"100.1 t\", \"100.1 t\", \"100.1 t\", "
       "\"100.1 t\", \"100.1 t\", \"100 t\"]}\n");
  /* 11 × 100.1 + 100 = 1,201.1 t: 0.092 % */
  NEAR(&r, "energy.monthly.products[p].quantity[0]", 100.1);
  tu_close(&r);
}
END_TEST

/* A register: (end − start) × multiplier in the register's unit. */
/* Interval data (series:): hourly rows of 10 kWh from 2016-01-30 00:00
   to 2016-02-02 23:00, but 2016-01-31 05:00 missing, plus one row after
   the period (2016-02-03 00:00, ignored) and a header line. Period
   2016-01-30 … 2016-02-02 (4 days, 2 months).
   January: 24 + 23 rows = 47 × 10 = 470 kWh; February: 48 × 10 = 480 kWh;
   purchased = 950 kWh; tce = 950 × 0.1229 / 1000 = 0.116755;
   gap: 1 interval of 1 h missing → note 1 / (1 + 95) = 1.0 %. */
static void series_site(tu_run *r, const char *unit, const char *each,
                        bool end_stamped)
{
  char dir[] = "/tmp/auditgen-series-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  char csv[64];
  snprintf(csv, sizeof csv, "%s/E1.csv", dir);
  FILE *f = fopen(csv, "w");
  ck_assert_ptr_nonnull(f);
  fprintf(f, "timestamp,value\r\n");
  /* hour k from 2016-01-30 00:00 (k = 0 … 96, 96 being the row after the
     period); end-stamped rows carry the end of their hour */
  for (int k = 0; k <= 96; k++) {
    if (k == 24 + 5)
      continue; /* 2016-01-31 05:00 missing */
    struct tm tm = {0};
    tm.tm_year = 2016 - 1900;
    tm.tm_mon = 0;
    tm.tm_mday = 30;
    tm.tm_hour = k + (end_stamped ? 1 : 0);
    time_t t = timegm(&tm);
    struct tm *g = gmtime(&t);
    fprintf(f, "%04d-%02d-%02dT%02d:00,%s\r\n", g->tm_year + 1900,
            g->tm_mon + 1, g->tm_mday, g->tm_hour, each);
  }
  fclose(f);
  char text[1024];
  snprintf(text, sizeof text,
           "auditgen: 1\n"
           "facility:\n"
           "  name: {zh: 测试厂, en: Test plant}\n"
           "  industry: cement\n"
           "audit:\n"
           "  period: {from: 2016-01-30, to: 2016-02-02}\n"
           "meters:\n"
           "  - {id: E1, carrier: electricity, level: 1, series: \"%s\", "
           "unit: %s%s}\n",
           csv, unit, end_stamped ? ", series_stamp: end" : "");
  tu_open(r);
  tu_facility(r, text);
  unlink(csv);
  rmdir(dir);
  ck_assert_msg(r->results != NULL, "%s", tu_diags(r));
}

START_TEST(t_series)
{
  tu_run r;
  series_site(&r, "kWh", "10", false);
  NEAR(&r, "energy.carriers[electricity].purchased", 950);
  NEAR(&r, "energy.total_tce", 0.116755);
  NEAR(&r, "energy.monthly.carriers[0].purchased[0]", 470);
  NEAR(&r, "energy.monthly.carriers[0].purchased[1]", 480);
  ck_assert(has_note(&r, "meters[E1]", "lack 1 intervals (1.0 %)"));
  /* the gap understates January: not complete */
  ck_assert(!val_path(r.results, "energy.monthly.complete")->b);
  ck_assert(has_note(&r, "energy.monthly", "do not cover the whole"));
  tu_close(&r);
  /* the same in MWh: 0.01 MWh = 10 kWh a row */
  series_site(&r, "MWh", "0.01", false);
  NEAR(&r, "energy.carriers[electricity].purchased", 950);
  tu_close(&r);
  /* end-stamped (01:00 … 2016-02-03 00:00, 2016-02-03 01:00 after the
     period) with series_stamp: end: the same 470 + 480 kWh */
  series_site(&r, "kWh", "10", true);
  NEAR(&r, "energy.monthly.carriers[0].purchased[0]", 470);
  NEAR(&r, "energy.monthly.carriers[0].purchased[1]", 480);
  tu_close(&r);
}
END_TEST

/* Two 15-minute rows standing for a year: the rows cover 2 × 15 min of
   366 days, so 35,134 intervals are missing (2016-01-01 00:30 to the
   end: 366 × 96 − 2); the monthly figures are not complete, and the
   notes say by how much the total understates. */
START_TEST(t_series_sliver)
{
  char dir[] = "/tmp/auditgen-series-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  char csv[64], text[1024];
  snprintf(csv, sizeof csv, "%s/E1.csv", dir);
  FILE *f = fopen(csv, "w");
  ck_assert_ptr_nonnull(f);
  fprintf(f, "2016-01-01T00:00,500\n2016-01-01T00:15,500\n");
  fclose(f);
  snprintf(text, sizeof text,
           "%smeters:\n"
           "  - {id: E1, carrier: electricity, level: 1, series: \"%s\", "
           "unit: kWh}\n",
           TU_HEAD, csv);
  tu_run r;
  tu_open(&r);
  tu_facility(&r, text);
  unlink(csv);
  rmdir(dir);
  ck_assert_msg(r.results != NULL, "%s", tu_diags(&r));
  NEAR(&r, "energy.carriers[electricity].purchased", 1000);
  ck_assert(!val_path(r.results, "energy.monthly.complete")->b);
  ck_assert(has_note(&r, "meters[E1]", "lack 35134 intervals (100.0 %)"));
  ck_assert(strstr(tu_diags(&r), "the data end 35134 intervals of 15 min "
                                 "before the audit period does") != NULL);
  tu_close(&r);
}
END_TEST

/* The last guard of calc: a NaN or an infinity anywhere in a results tree
   is an error naming its path, formula and inputs, placed at the meter
   its trace leads to (through a computed input), or at the file. */
START_TEST(t_finite_guard)
{
  tu_run r;
  tu_open(&r);
  tu_facility(&r, arena_printf(r.a, "%smeters:\n"
                               "  - {id: E1, carrier: electricity, level: 1, "
                               "total: \"100 kWh\"}\n",
                               TU_HEAD));
  ck_assert_ptr_nonnull(r.results);
  ck_assert_uint_eq(calc_check_finite(r.a, r.dl, r.m, r.results), 0);
  value *root = val_obj(r.a);
  value *energy = val_set(r.a, root, "energy", val_obj(r.a));
  value *e = val_set_num(r.a, energy, "purchased", INFINITY);
  trace *t = val_trace(r.a, e, "Σ meters", "test");
  trace_add(r.a, t, "E1", INFINITY, "kWh", NULL);
  value *tot = val_set_num(r.a, energy, "total_tce", NAN);
  t = val_trace(r.a, tot, "purchased × 0.1229 / 1000", "test");
  trace_add_ref(r.a, t, "purchased", INFINITY, "kWh", "energy.purchased");
  value *arr = val_set(r.a, energy, "carriers", val_arr(r.a));
  value *item = val_obj(r.a);
  val_push(r.a, arr, item);
  val_set_str(r.a, item, "carrier", "electricity");
  val_set_num(r.a, item, "share", -INFINITY);
  val_set_num(r.a, item, "tce", 1e300); /* finite: not the guard's */
  ck_assert_uint_eq(calc_check_finite(r.a, r.dl, r.m, root), 3);
  const char *d = tu_diags(&r);
  ck_assert_msg(strstr(d, "test.yaml:9:53: error: energy.purchased: the "
                          "calculation gives an infinity (Σ meters, with E1 "
                          "= inf)") != NULL,
                "%s", d);
  ck_assert_msg(strstr(d, "test.yaml:9:53: error: energy.total_tce: the "
                          "calculation gives NaN (purchased × 0.1229 / 1000, "
                          "with purchased = inf)") != NULL,
                "%s", d);
  ck_assert_msg(strstr(d, "test.yaml: error: "
                          "energy.carriers[electricity].share: the "
                          "calculation gives an infinity") != NULL,
                "%s", d);
  tu_close(&r);
}
END_TEST

/* A product may be credited up to 10 % more than the site took in (sub-
   meters a little high are a metering matter: the balance and its
   finding); beyond, it is an error — here a product that uses more of
   another than was made. Site: 100,000 kWh × 0.1229 / 1000 = 12.29 tce;
   clinker: the kiln's 50,000 kWh = 6.145 tce for 1,000 t, 6.145 kgce/t;
   cement: the mill's 6.145 tce + X t clinker × 6.145 kgce/t. X = 1,190 t:
   6.145 + 7.31255 = 13.45755 tce (9.5 % above the site) passes; X =
   1,210 t: 13.58045 tce (10.5 % above) does not. */
START_TEST(t_product_slack)
{
  static const char *const used[] = {"1,190 t", "1,210 t"};
  for (int i = 0; i < 2; i++) {
    tu_run r;
    tu_open(&r);
    tu_facility(&r, arena_printf(r.a, "%sunits:\n"
                                 "  - {id: kiln, name: {zh: 窑, en: Kiln}, "
                                 "stage: end_use}\n"
                                 "  - {id: mill, name: {zh: 磨, en: Mill}, "
                                 "stage: end_use}\n"
                                 "meters:\n"
                                 "  - {id: E1, carrier: electricity, level: 1, "
                                 "total: \"100,000 kWh\"}\n"
                                 "  - {id: E2, carrier: electricity, level: 2, "
                                 "from: site, to: kiln, total: \"50,000 "
                                 "kWh\"}\n"
                                 "  - {id: E3, carrier: electricity, level: 2, "
                                 "from: site, to: mill, total: \"50,000 "
                                 "kWh\"}\n"
                                 "products:\n"
                                 "  - {id: clinker, name: {zh: 熟料, en: C}, "
                                 "quantity: \"1,000 t\", units: [kiln]}\n"
                                 "  - {id: cement, name: {zh: 水泥, en: D}, "
                                 "quantity: \"1,000 t\", units: [mill], "
                                 "uses: [{product: clinker, quantity: "
                                 "\"%s\"}]}\n",
                                 TU_HEAD, used[i]));
    ck_assert_ptr_nonnull(r.m);
    if (i == 0) {
      ck_assert_msg(r.results != NULL, "%s", tu_diags(&r));
      NEAR(&r, "energy.products[cement].energy_tce", 13.45755);
    } else {
      ck_assert_ptr_null(r.results);
      ck_assert_msg(strstr(tu_diags(&r),
                           "products[cement]: credited 13.58 tce (units "
                           "6.145 + uses 7.435), more than the whole site "
                           "took in (12.29 tce") != NULL,
                    "%s", tu_diags(&r));
    }
    tu_close(&r);
  }
}
END_TEST

START_TEST(t_register)
{
  tu_run r;
  load(&r, NULL,
       "meters:\n"
       "  - id: E1\n"
       "    carrier: electricity\n"
       "    level: 1\n"
       "    register: {start: \"1,250.5\", end: \"3,750.75\", multiplier: 10, "
       "unit: MWh}\n"
       "  - id: G1\n"
       "    carrier: natural_gas\n"
       "    level: 1\n"
       "    register: {start: 100, end: 112.5, unit: 万m3}\n");
  /* (3,750.75 − 1,250.5) × 10 = 25,002.5 MWh = 25,002,500 kWh */
  NEAR(&r, "energy.carriers[electricity].consumed", 25002500.0);
  /* × 0.1229 / 1000 = 3,072.80725 tce */
  NEAR(&r, "energy.carriers[electricity].tce", 3072.80725);
  /* gas: (112.5 − 100) × 1 = 12.5 万m3 = 125,000 m3 × 1.2143 / 1000 =
     151.7875 tce */
  NEAR(&r, "energy.carriers[natural_gas].consumed", 125000.0);
  NEAR(&r, "energy.carriers[natural_gas].tce", 151.7875);
  /* total = 3,072.80725 + 151.7875 = 3,224.59475 tce */
  NEAR(&r, "energy.total_tce", 3224.59475);
  tu_close(&r);
}
END_TEST


/* A period across two calendar years: months labelled by year, the
   equal value at the rate of the period's last year (2017: 309). */
START_TEST(t_period_across_years)
{
  tu_run r;
  load(&r, head("", "{from: 2016-07-01, to: 2017-06-30}", ""),
       "meters:\n"
       "  - {id: E1, carrier: electricity, level: 1, monthly: [\"10,000 kWh\", "
       "\"10,000 kWh\", \"10,000 kWh\", \"10,000 kWh\", \"10,000 kWh\", "
       "\"10,000 kWh\", \"10,000 kWh\", \"10,000 kWh\", \"10,000 kWh\", "
       "\"10,000 kWh\", \"10,000 kWh\", \"10,000 kWh\"]}\n");
  /* days: Jul–Dec 2016 = 31+31+30+31+30+31 = 184, Jan–Jun 2017 =
     31+28+31+30+31+30 = 181; 365 */
  NEAR(&r, "period.days", 365.0);
  ck_assert_str_eq(tu_str(&r, "energy.monthly.months[0]"), "2016-07");
  ck_assert_str_eq(tu_str(&r, "energy.monthly.months[6]"), "2017-01");
  ck_assert_str_eq(tu_str(&r, "energy.monthly.months[11]"), "2017-06");
  /* 12 × 10,000 = 120,000 kWh × 0.1229 / 1000 = 14.748 tce */
  NEAR(&r, "energy.total_tce", 14.748);
  /* 14.748 − 14.748 + 120,000 × 0.309 / 1000 = 37.08 tce */
  NEAR(&r, "energy.total_equal_value_tce", 37.08);
  NEAR(&r, "energy.equal_value.year", 2017.0);
  tu_close(&r);
}
END_TEST

/* }====================================================== */
/* {====================================================== equal value */

static const char COAL_AND_POWER[] =
    "meters:\n"
    "  - {id: C1, carrier: raw_coal, level: 1, total: \"1,000 t\"}\n"
    "  - {id: E1, carrier: electricity, level: 1, total: \"1,000,000 kWh\"}\n";

START_TEST(t_equal_value_grid_year)
{
  tu_run r;
  load(&r, head("", "{from: 2016-01-01, to: 2016-12-31}", "  grid_year: 2020\n"),
       COAL_AND_POWER);
  /* total = 1,000 × 714.3 / 1000 + 1,000,000 × 0.1229 / 1000 = 714.3 +
     122.9 = 837.2 tce */
  NEAR(&r, "energy.total_tce", 837.2);
  /* r(2020) = 305.5 gce/kWh: 837.2 − 122.9 + 1,000,000 × 0.3055 / 1000 =
     1,019.8 tce */
  NEAR(&r, "energy.total_equal_value_tce", 1019.8);
  NEAR(&r, "energy.equal_value.year", 2020.0);
  NEAR(&r, "energy.equal_value.supply_coal_rate_gce_per_kwh", 305.5);
  tu_close(&r);
}
END_TEST

START_TEST(t_equal_value_beyond_table)
{
  tu_run r;
  /* Period 2030, no grid_year: the latest rate ≤ 2030 is 2024's 302.4. */
  load(&r, head("", "{from: 2030-01-01, to: 2030-12-31}", ""), COAL_AND_POWER);
  /* 837.2 − 122.9 + 1,000,000 × 0.3024 / 1000 = 1,016.7 tce */
  NEAR(&r, "energy.total_equal_value_tce", 1016.7);
  NEAR(&r, "energy.equal_value.year", 2024.0);
  ck_assert(has_note(&r, "energy.total_equal_value_tce",
                     "No supply coal rate for 2030: the 2024 rate is used."));
  tu_close(&r);
  /* A grid year before the table (2003; the table starts 2005): no rate,
     the equal value is null with a note; total_tce is unaffected. */
  load(&r, head("", "{from: 2016-01-01, to: 2016-12-31}", "  grid_year: 2003\n"),
       COAL_AND_POWER);
  ck_assert(tu_is_null(&r, "energy.total_equal_value_tce"));
  ck_assert(has_note(&r, "energy.total_equal_value_tce",
                     "No supply coal rate for 2003 or earlier"));
  NEAR(&r, "energy.total_tce", 837.2);
  tu_close(&r);
}
END_TEST

/* The ETS threshold is judged on annual figures. A period from a date to
   the day before the same date a year later is a year (365 or 366 days)
   and is not scaled; any other period is scaled to 365 days. */
static void ets_period(tu_run *r, const char *period)
{
  load(r, head("", period, ""), COAL_AND_POWER);
  /* 1,000 t × 714.3 / 1000 + 1,000,000 kWh × 0.1229 / 1000 = 837.2 tce */
  NEAR(r, "energy.total_tce", 837.2);
}

START_TEST(t_ets_full_years)
{
  static const char *const years[] = {
      "{from: 2016-01-01, to: 2016-12-31}", /* leap: 366 days */
      "{from: 2015-01-01, to: 2015-12-31}", /* 365 days */
      "{from: 2015-07-01, to: 2016-06-30}", /* spans 29 Feb 2016: 366 */
      "{from: 2016-03-01, to: 2017-02-28}", /* 365 */
      "{from: 2016-02-29, to: 2017-02-28}", /* from 29 Feb: 366 */
      "{from: 2019-03-01, to: 2020-02-29}", /* ends on 29 Feb: 366 */
  };
  static const double days[] = {366, 365, 366, 365, 366, 366};
  for (size_t i = 0; i < sizeof years / sizeof *years; i++) {
    tu_run r;
    ets_period(&r, years[i]);
    NEAR(&r, "period.days", days[i]);
    ck_assert_msg(val_path(r.results, "carbon.ets.annualised")->b == false,
                  "%s annualised", years[i]);
    /* one figure: the annual values are the period's own */
    NEAR(&r, "carbon.ets.annual_tce", 837.2);
    ck_assert_double_eq(tu_num(&r, "carbon.ets.annual_tco2"),
                        tu_num(&r, "carbon.total_tco2"));
    tu_close(&r);
  }
}
END_TEST

START_TEST(t_ets_part_years)
{
  tu_run r;
  /* Jan–Jun 2015: 31 + 28 + 31 + 30 + 31 + 30 = 181 days;
     837.2 × 365 / 181 = 305,578 / 181 = 1,688.2762430939226 tce */
  ets_period(&r, "{from: 2015-01-01, to: 2015-06-30}");
  NEAR(&r, "period.days", 181.0);
  ck_assert(val_path(r.results, "carbon.ets.annualised")->b);
  NEAR(&r, "carbon.ets.annual_tce", 1688.2762430939226);
  ck_assert_double_eq_tol(tu_num(&r, "carbon.ets.annual_tco2"),
                          tu_num(&r, "carbon.total_tco2") * 365.0 / 181.0,
                          1e-9 * tu_num(&r, "carbon.total_tco2"));
  tu_close(&r);
  /* Jan–Jun 2016: 182 days (29 Feb); 837.2 × 365 / 182 =
     1,679.0 tce (837.2 / 182 = 4.6 exactly) */
  ets_period(&r, "{from: 2016-01-01, to: 2016-06-30}");
  NEAR(&r, "carbon.ets.annual_tce", 1679.0);
  tu_close(&r);
  /* One day short of a leap year (2016-01-01 to 2016-12-30, 365 days):
     not a year, scaled by 365 / 365 = 1 and marked annualised */
  ets_period(&r, "{from: 2016-01-01, to: 2016-12-30}");
  ck_assert(val_path(r.results, "carbon.ets.annualised")->b);
  NEAR(&r, "carbon.ets.annual_tce", 837.2);
  tu_close(&r);
  /* A day more than a year (2015-01-01 to 2016-01-01, 366 days):
     837.2 × 365 / 366 = 834.9125683060109 */
  ets_period(&r, "{from: 2015-01-01, to: 2016-01-01}");
  ck_assert(val_path(r.results, "carbon.ets.annualised")->b);
  NEAR(&r, "carbon.ets.annual_tce", 834.9125683060109);
  tu_close(&r);
}
END_TEST

/* }====================================================== */
/* {====================================================== edge cases */

/* Nothing consumed: shares are null (0/0), never NaN, in the tree and in
   the JSON. */
START_TEST(t_zero_consumption)
{
  tu_run r;
  load(&r, NULL,
       "meters:\n"
       "  - {id: E1, carrier: electricity, level: 1, total: \"0 kWh\"}\n");
  /* 0 kWh × 0.1229 / 1000 = 0 tce */
  NEAR(&r, "energy.total_tce", 0.0);
  /* 0 − 0 + 0 × 0.312 / 1000 = 0 */
  NEAR(&r, "energy.total_equal_value_tce", 0.0);
  ck_assert(tu_is_null(&r, "energy.carriers[electricity].share"));
  /* 0 / 10,000 万元 = 0 */
  NEAR(&r, "energy.intensity.tce_per_10k_cny_output", 0.0);
  buf b;
  buf_init(&b);
  json_write(r.results, &b);
  ck_assert_ptr_null(strstr(b.data, ": nan"));
  ck_assert_ptr_null(strstr(b.data, ": -nan"));
  ck_assert_ptr_null(strstr(b.data, ": NaN"));
  ck_assert_ptr_nonnull(strstr(b.data, "\"share\": null"));
  buf_fini(&b);
  tu_close(&r);
}
END_TEST

/* An energy-carrying working medium (fresh water) counts in the total. */
/* A facility head for year y (period y-01-01 to y-12-31) with extra
   audit: lines. */
static const char *head_for(const char *from, const char *to,
                            const char *audit_extra)
{
  static char h[1024];
  snprintf(h, sizeof h,
           "auditgen: 1\n"
           "facility:\n"
           "  name: {zh: 测试厂, en: Test plant}\n"
           "  industry: cement\n"
           "  province: zhejiang\n"
           "  output_value: \"10,000 万元\"\n"
           "audit:\n"
           "  period: {from: %s, to: %s}\n"
           "%s",
           from, to, audit_extra);
  return h;
}

static const char WATER_AND_POWER[] =
    "meters:\n"
    "  - {id: W1, carrier: fresh_water, level: 1, total: \"100,000 t\"}\n"
    "  - {id: E1, carrier: electricity, level: 1, total: \"1,000,000 "
    "kWh\"}\n";

/* {====================================================== stages */

/* A cement line in sections (rules/stages.yaml "cement"): raw meal and
   kiln under the line, coal entering the coal mill, a waste-heat station
   on the kiln, a grinding unit for cement. */
static const char STAGE_LINE[] =
    "units:\n"
    "  - {id: line, name: {zh: 熟料线, en: Line}, stage: end_use}\n"
    "  - {id: raw, name: {zh: 生料, en: Raw mill}, stage: end_use, "
    "parent: line, section: raw_meal}\n"
    "  - {id: cm, name: {zh: 煤磨, en: Coal mill}, stage: end_use, "
    "parent: line, section: coal_grinding}\n"
    "  - {id: kiln, name: {zh: 窑, en: Kiln}, stage: end_use, parent: line, "
    "section: clinker_burning}\n"
    "  - {id: fan, name: {zh: 风机, en: Fan}, stage: end_use, parent: kiln}\n"
    "  - {id: whr, name: {zh: 余热电站, en: WHR}, stage: conversion, "
    "conversion: {kind: waste_heat_power, heat_from: kiln, output: "
    "\"3,300,000 kWh\"}}\n"
    "  - {id: mill, name: {zh: 水泥磨, en: Cement mill}, stage: end_use, "
    "section: cement_grinding}\n"
    "meters:\n"
    "  - {id: E1, carrier: electricity, level: 1, to: site, total: "
    "\"20,000,000 kWh\"}\n"
    "  - {id: E2, carrier: electricity, level: 2, to: raw, total: "
    "\"2,000,000 kWh\"}\n"
    "  - {id: E3, carrier: electricity, level: 2, to: kiln, total: "
    "\"2,500,000 kWh\"}\n"
    "  - {id: E4, carrier: electricity, level: 3, from: kiln, to: fan, "
    "total: \"900,000 kWh\"}\n"
    "  - {id: E5, carrier: electricity, level: 2, to: mill, total: "
    "\"3,000,000 kWh\"}\n"
    "  - {id: E6, carrier: electricity, level: 2, from: whr, to: site, "
    "total: \"3,000,000 kWh\"}\n"
    "  - {id: C1, carrier: raw_coal, level: 1, to: cm, total: "
    "\"12,000 t\"}\n"
    "factors:\n"
    "  raw_coal: {ncv: \"22,000 kJ/kg\", origin: measured, source: {zh: 化验, "
    "en: lab}}\n";

/* Every indicator of the cement set, worked by hand:
   raw meal 2,000,000 kWh / 100,000 t clinker = 20 kWh/t;
   kiln 2,500,000 / 100,000 = 25 kWh/t (the fan's 900,000 is inside it);
   coal grinding: no electricity meter → not computed;
   heat 12,000 t × 22,000 kJ/kg = 264,000,000,000 kJ / 100,000,000 kg =
   2,640 kJ/kg clinker;
   waste-heat power: gross 3,300,000 kWh (not the 3,000,000 sent out) /
   100,000 t = 33 kWh/t;
   cement grinding 3,000,000 / 120,000 t = 25 kWh/t ≤ 26 (GB 16780 grade 1,
   but 2016 is before the standard: not graded); gap to grade 1 = 0. */
START_TEST(t_stages_cement)
{
  tu_run r;
  char body[4096];
  snprintf(body, sizeof body, "%s%s", STAGE_LINE,
           "products:\n"
           "  - {id: clinker, name: {zh: 熟料, en: Clinker}, benchmark: "
           "cement_clinker, quantity: \"100,000 t\", units: [line]}\n"
           "  - {id: cement, name: {zh: 水泥, en: Cement}, benchmark: cement, "
           "quantity: \"120,000 t\", units: [mill]}\n");
  load(&r, NULL, body);
  NEAR(&r, "energy.stages.indicators[raw_meal_power].value", 20);
  NEAR(&r, "energy.stages.indicators[kiln_power].value", 25);
  NEAR(&r, "energy.stages.indicators[clinker_heat].value", 2640);
  /* 12,000 t × 22,000 kJ/kg = 264,000 GJ */
  NEAR(&r, "energy.stages.indicators[clinker_heat].numerator", 264000);
  NEAR(&r, "energy.stages.indicators[whr_output].value", 33);
  NEAR(&r, "energy.stages.indicators[cement_grinding_power].value", 25);
  ck_assert_str_eq(
      tu_str(&r, "energy.stages.indicators[cement_grinding_power].product"),
      "cement");
  ck_assert(tu_is_null(&r, "energy.stages.indicators[coal_grinding_power]"
                           ".value"));
  ck_assert(has_note(&r, "energy.stages.indicators[coal_grinding_power]",
                     "no meter measures electricity"));
  ck_assert_str_eq(
      tu_str(&r,
             "energy.stages.indicators[cement_grinding_power].compare.status"),
      "not_graded");
  /* advanced level: grade 1 of GB 16780 table 3, 26 kWh/t; 25 ≤ 26 */
  NEAR(&r, "energy.stages.indicators[cement_grinding_power].advanced.value",
       26);
  NEAR(&r, "energy.stages.indicators[cement_grinding_power].advanced.gap", 0);
  /* no sourced advanced level for the raw meal section */
  ck_assert(tu_is_null(&r, "energy.stages.indicators[raw_meal_power]"
                           ".advanced"));
  /* packing has no unit in the facility: no row */
  ck_assert(val_path(r.results, "energy.stages.indicators[packing]") == NULL);
  tu_close(&r);
}
END_TEST

/* The same line audited for 2023, when GB 16780-2021 is in force:
   cement grinding 3,450,000 kWh / 120,000 t = 28.75 kWh/t, above grade 1
   (26) and within grade 2 (29): grade 2; gap 2.75 kWh/t × 120,000 t =
   330,000 kWh. */
START_TEST(t_stages_graded)
{
  tu_run r;
  char body[4096];
  snprintf(body, sizeof body, "%s%s", STAGE_LINE,
           "products:\n"
           "  - {id: clinker, name: {zh: 熟料, en: Clinker}, quantity: "
           "\"100,000 t\", units: [line]}\n"
           "  - {id: cement, name: {zh: 水泥, en: Cement}, quantity: "
           "\"120,000 t\", units: [mill]}\n");
  char *e5 = strstr(body, "\"3,000,000 kWh\"}\n  - {id: E6");
  ck_assert(e5 != NULL);
  memcpy(e5, "\"3,450,000 kWh\"", 15);
  load(&r, head_for("2023-01-01", "2023-12-31", ""), body);
  NEAR(&r, "energy.stages.indicators[cement_grinding_power].value", 28.75);
  NEAR(&r, "energy.stages.indicators[cement_grinding_power].compare.grade",
       2);
  NEAR(&r, "energy.stages.indicators[cement_grinding_power].advanced.gap",
       2.75);
  NEAR(&r,
       "energy.stages.indicators[cement_grinding_power].advanced.gap_total",
       330000);
  tu_close(&r);
}
END_TEST

/* The product a section serves: none (the units are in no product) or
   two (the units are in both) leaves the indicator uncomputed, with the
   reason. */
START_TEST(t_stages_product)
{
  tu_run r;
  char body[4096];
  snprintf(body, sizeof body, "%s%s", STAGE_LINE,
           "products:\n"
           "  - {id: clinker, name: {zh: 熟料, en: Clinker}, quantity: "
           "\"100,000 t\", units: [line]}\n"
           "  - {id: kiln_only, name: {zh: 窑产品, en: Kiln product}, "
           "quantity: \"90,000 t\", units: [kiln]}\n");
  load(&r, NULL, body);
  /* kiln is in both products */
  ck_assert(tu_is_null(&r, "energy.stages.indicators[kiln_power].value"));
  ck_assert(has_note(&r, "energy.stages.indicators[kiln_power]",
                     "more than one product"));
  /* raw meal only in clinker: 2,000,000 / 100,000 = 20 */
  NEAR(&r, "energy.stages.indicators[raw_meal_power].value", 20);
  /* the cement mill is in no product */
  ck_assert(tu_is_null(&r, "energy.stages.indicators[cement_grinding_power]"
                           ".value"));
  ck_assert(has_note(&r, "energy.stages.indicators[cement_grinding_power]",
                     "belong to no product"));
  tu_close(&r);
}
END_TEST

/* A firm's rules layer gives raw meal preparation an advanced level of
   15 kWh/t (tests/rules-layers/stages-reference): 2,000,000 kWh /
   100,000 t = 20 kWh/t, gap 20 − 15 = 5 kWh/t, over the output 5 ×
   100,000 = 500,000 kWh; the report cites the layer's citation. */
START_TEST(t_stages_reference)
{
  char dir[] = "/tmp/auditgen-stages-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  char path[512], rules[512];
  snprintf(path, sizeof path, "%s/f.yaml", dir);
  snprintf(rules, sizeof rules, "%s/tests/rules-layers/stages-reference",
           tu_root());
  FILE *f = fopen(path, "w");
  ck_assert_ptr_nonnull(f);
  fprintf(f, "%s%s", TU_HEAD,
          "units:\n"
          "  - {id: raw, name: {zh: 生料, en: Raw mill}, stage: end_use, "
          "section: raw_meal}\n"
          "meters:\n"
          "  - {id: E1, carrier: electricity, level: 1, to: raw, total: "
          "\"2,000,000 kWh\"}\n"
          "products:\n"
          "  - {id: clinker, name: {zh: 熟料, en: Clinker}, quantity: "
          "\"100,000 t\", units: [raw]}\n");
  fclose(f);
  const char *argv[] = {tu_bin(), "calc", path, "--rules", rules, "--json",
                        NULL};
  char *out, *err;
  int rc = tu_exec(argv, dir, &out, &err);
  ck_assert_msg(rc == 0, "%s", err);
  ck_assert_msg(strstr(out, "\"gap\": 5,"), "%s", out);
  ck_assert(strstr(out, "\"gap_total\": 500000,"));
  ck_assert(strstr(out, "\"source_zh\": \"集团对标手册表2\""));
  free(out);
  free(err);
  unlink(path);
  rmdir(dir);
}
END_TEST

/* A power plant's station service rate (rules/stages.yaml "power"): the
   electricity into the station-service unit, 30,000,000 kWh from the
   switchyard + 500,000 kWh bought at start-ups = 30,500,000 kWh, over the
   generators' gross output G1 + G2 = 400,000,000 + 200,000,000 =
   600,000,000 kWh: 5.0833… %. The heat the unit also sends out is not
   counted (the rule names electricity). */
START_TEST(t_stages_per_conversion)
{
  tu_run r;
  load(&r,
       "auditgen: 1\n"
       "facility:\n"
       "  name: {zh: 测试电厂, en: Test plant}\n"
       "  industry: power\n"
       "audit:\n"
       "  period: {from: 2016-01-01, to: 2016-12-31}\n",
       "units:\n"
       "  - {id: boiler, name: {zh: 锅炉, en: Boiler}, stage: conversion, "
       "conversion: {kind: boiler}}\n"
       "  - {id: tg, name: {zh: 机组, en: Turbine-generators}, stage: "
       "conversion, conversion: {kind: chp}}\n"
       "  - {id: yard, name: {zh: 升压站, en: Switchyard}, stage: "
       "distribution}\n"
       "  - {id: ss, name: {zh: 厂用电, en: Station service}, stage: "
       "distribution, section: station_service}\n"
       "  - {id: aux, name: {zh: 辅机, en: Auxiliaries}, stage: end_use}\n"
       "meters:\n"
       "  - {id: C1, carrier: raw_coal, level: 1, to: boiler, total: "
       "\"300,000 t\"}\n"
       "  - {id: S1, carrier: steam, level: 2, from: boiler, to: tg, total: "
       "\"2,000,000 t\"}\n"
       "  - {id: G1, carrier: electricity, level: 2, from: tg, to: yard, "
       "total: \"400,000,000 kWh\"}\n"
       "  - {id: G2, carrier: electricity, level: 2, from: tg, to: yard, "
       "total: \"200,000,000 kWh\"}\n"
       "  - {id: H1, carrier: heat, level: 1, from: tg, to: outside, total: "
       "\"1,000,000 GJ\"}\n"
       "  - {id: E1, carrier: electricity, level: 1, from: yard, to: outside, "
       "total: \"569,500,000 kWh\"}\n"
       "  - {id: E2, carrier: electricity, level: 2, from: yard, to: ss, "
       "total: \"30,000,000 kWh\"}\n"
       "  - {id: E3, carrier: electricity, level: 1, from: outside, to: ss, "
       "total: \"500,000 kWh\"}\n"
       "  - {id: E4, carrier: electricity, level: 2, from: ss, to: aux, "
       "total: \"30,500,000 kWh\"}\n");
  NEAR(&r, "energy.stages.indicators[station_service_rate].value",
       30500000.0 / 600000000.0 * 100);
  NEAR(&r, "energy.stages.indicators[station_service_rate].quantity",
       600000000);
  ck_assert_str_eq(
      tu_str(&r, "energy.stages.indicators[station_service_rate]"
                 ".quantity_unit"),
      "kWh");
  tu_close(&r);
}
END_TEST

/* A facility naming no section has no energy.stages. */
START_TEST(t_stages_absent)
{
  tu_run r;
  load(&r, NULL, WATER_AND_POWER);
  ck_assert(val_path(r.results, "energy.stages") == NULL);
  tu_close(&r);
}
END_TEST

/* }====================================================== */

START_TEST(t_fresh_water_counted)
{
  tu_run r;
  load(&r, head_for("2023-01-01", "2023-12-31", ""), WATER_AND_POWER);
  /* 0.2571 kgce/t (GB/T 2589-2020); 100,000 t × 0.2571 / 1000 = 25.71 */
  NEAR(&r, "energy.carriers[fresh_water].coefficient_kgce", 0.2571);
  NEAR(&r, "energy.carriers[fresh_water].tce", 25.71);
  /* total = 25.71 + 122.9 = 148.61 tce */
  NEAR(&r, "energy.total_tce", 148.61);
  /* share = 25.71 / 148.61 = 0.17300316264046833 */
  NEAR(&r, "energy.carriers[fresh_water].share", 0.17300316264046833);
  tu_close(&r);
}
END_TEST

/* {====================================================== editions */

static const value *applied_std(const tu_run *r, const char *key)
{
  return val_path(r->results,
                  arena_printf(r->a, "standards_applied[%s]", key));
}

static const char *str_at(const tu_run *r, const char *path)
{
  const value *v = val_path(r->results, path);
  ck_assert_msg(v && v->kind == VAL_STR, "no text at %s", path);
  return v->str;
}

static bool has_rule(const tu_run *r, const char *rule, const char *part)
{
  const value *fs = val_get(r->results, "findings");
  for (size_t i = 0; fs && i < fs->n; i++) {
    const value *f = fs->items[i];
    if (strcmp(val_get(f, "rule")->str, rule) != 0)
      continue;
    if (!part || strstr(val_path(f, "text.zh")->str, part) ||
        strstr(val_path(f, "text.en")->str, part))
      return true;
  }
  return false;
}

/* A 2013 audit: GB/T 2589-2008 is in force, fresh water at its 2008
   coefficient 0.0857 kgce/t; the grid factor of 2012 (NDRC), with a
   finding that no 2013 factor exists. */
START_TEST(t_edition_2013)
{
  tu_run r;
  load(&r, head_for("2013-01-01", "2013-12-31", ""), WATER_AND_POWER);
  ck_assert_str_eq(str_at(&r, "standards_applied[gbt2589].designation"),
                   "GB/T 2589-2008");
  ck_assert_str_eq(str_at(&r, "standards_applied[gbt2589].selected_by"),
                   "period_end");
  ck_assert(val_path(r.results, "standards_applied[gbt2589].values_in_rules")
                ->b);
  NEAR(&r, "energy.carriers[fresh_water].coefficient_kgce", 0.0857);
  NEAR(&r, "energy.carriers[fresh_water].tce", 8.57);
  ck_assert_str_eq(str_at(&r, "energy.carriers[fresh_water].coefficient_edition"),
                   "GB/T 2589-2008");
  ck_assert_str_eq(str_at(&r, "energy.carriers[electricity].coefficient_edition"),
                   "GB/T 2589-2008");
  NEAR(&r, "carbon.scope2.grid_year", 2012);
  NEAR(&r, "carbon.scope2.grid_year_wanted", 2013);
  NEAR(&r, "carbon.scope2.grid_factor_tco2_per_mwh", 0.7035);
  ck_assert(has_rule(&r, "grid_factor_year_absent", "2013"));
  ck_assert(has_rule(&r, "grid_factor_year_absent", "data year 2012"));
  ck_assert(!has_rule(&r, "edition_values_absent", NULL));
  /* the supply coal rate of 2013 exists: no finding */
  NEAR(&r, "energy.equal_value.year", 2013);
  ck_assert(!has_rule(&r, "supply_coal_rate_year_absent", NULL));
  /* the worked calculation names the edition applied */
  const value *tce = val_path(r.results, "energy.carriers[fresh_water].tce");
  ck_assert_str_eq(tce->tr->clause, "GB/T 2589-2008 4.2");
  tu_close(&r);
}
END_TEST

/* A 2023 audit: GB/T 2589-2020 is in force; only fresh water has a
   2020-edition coefficient in the rules, electricity's is the 2008 one,
   and the results and a finding say so. */
START_TEST(t_edition_2023)
{
  tu_run r;
  load(&r, head_for("2023-01-01", "2023-12-31", ""), WATER_AND_POWER);
  ck_assert_str_eq(str_at(&r, "standards_applied[gbt2589].designation"),
                   "GB/T 2589-2020");
  ck_assert_str_eq(str_at(&r, "energy.carriers[fresh_water].coefficient_edition"),
                   "GB/T 2589-2020");
  ck_assert_str_eq(str_at(&r, "energy.carriers[electricity].coefficient_edition"),
                   "GB/T 2589-2008");
  ck_assert(!val_path(r.results, "standards_applied[gbt2589].values_in_rules")
                 ->b);
  ck_assert_str_eq(str_at(&r, "standards_applied[gbt2589].values_edition"),
                   "GB/T 2589-2008");
  ck_assert(has_rule(&r, "edition_values_absent",
                     "The conversion coefficients of GB/T 2589-2020 are not "
                     "in the rules; these carriers use the coefficient of "
                     "another edition: Electricity (GB/T 2589-2008)."));
  ck_assert(has_rule(&r, "edition_values_absent",
                     "GB/T 2589-2020的折标准煤系数未收入规则"));
  NEAR(&r, "carbon.scope2.grid_year", 2023);
  ck_assert(!has_rule(&r, "grid_factor_year_absent", NULL));
  ck_assert_str_eq(str_at(&r, "standards_applied[gbt17166].designation"),
                   "GB/T 17166-2019");
  tu_close(&r);
}
END_TEST

/* A period across 2021-04-01: the edition in force at its end applies to
   the whole period, and the text says that the new edition came into
   force inside it. */
START_TEST(t_edition_spanning)
{
  tu_run r;
  load(&r, head_for("2020-07-01", "2021-06-30", ""), WATER_AND_POWER);
  ck_assert_str_eq(str_at(&r, "standards_applied[gbt2589].designation"),
                   "GB/T 2589-2020");
  NEAR(&r, "energy.carriers[fresh_water].coefficient_kgce", 0.2571);
  ck_assert_ptr_nonnull(strstr(str_at(&r, "standards_applied[gbt2589].why_en"),
                               "It came into force within the audit period "
                               "and is applied to the whole period; "
                               "GB/T 2589-2008 applied before."));
  ck_assert_ptr_nonnull(strstr(str_at(&r, "standards_applied[gbt2589].why_zh"),
                               "该版本于审计期内实施"));
  tu_close(&r);
  /* ending the day before: the 2008 edition, nothing said about 2020 */
  load(&r, head_for("2020-04-01", "2021-03-31", ""), WATER_AND_POWER);
  ck_assert_str_eq(str_at(&r, "standards_applied[gbt2589].designation"),
                   "GB/T 2589-2008");
  NEAR(&r, "energy.carriers[fresh_water].coefficient_kgce", 0.0857);
  ck_assert_ptr_null(strstr(str_at(&r, "standards_applied[gbt2589].why_en"),
                            "within the audit period"));
  tu_close(&r);
}
END_TEST

/* Standards of method follow the report date; without one, the period's
   end. */
START_TEST(t_edition_report_date)
{
  tu_run r;
  load(&r, head_for("2018-01-01", "2018-12-31", "  report_date: 2019-11-20\n"),
       WATER_AND_POWER);
  ck_assert_str_eq(str_at(&r, "standards_applied[gbt17166].designation"),
                   "GB/T 17166-2019");
  ck_assert_str_eq(str_at(&r, "standards_applied[gbt17166].selected_by"),
                   "report_date");
  ck_assert_str_eq(str_at(&r, "standards_applied[gbt13234].designation"),
                   "GB/T 13234-2018");
  ck_assert_str_eq(str_at(&r, "standards_applied[gbt2589].designation"),
                   "GB/T 2589-2008");
  tu_close(&r);
  load(&r, head_for("2018-01-01", "2018-12-31", ""), WATER_AND_POWER);
  ck_assert_str_eq(str_at(&r, "standards_applied[gbt17166].designation"),
                   "GB/T 17166-1997");
  ck_assert_str_eq(str_at(&r, "standards_applied[gbt17166].selected_by"),
                   "period_end");
  ck_assert(applied_std(&r, "gb16780") == NULL);
  tu_close(&r);
}
END_TEST

/* A year past the last published data: the latest earlier year, said in
   a finding for both the grid factor and the supply coal rate. */
START_TEST(t_edition_data_year_absent)
{
  tu_run r;
  load(&r, head_for("2025-01-01", "2025-12-31", ""), WATER_AND_POWER);
  NEAR(&r, "carbon.scope2.grid_year", 2023);
  NEAR(&r, "carbon.scope2.grid_year_wanted", 2025);
  ck_assert(has_rule(&r, "grid_factor_year_absent",
                     "没有2025年的华东电网平均二氧化碳排放因子，外购电力排放按2023年数据的因子计算。"));
  NEAR(&r, "energy.equal_value.year", 2024);
  NEAR(&r, "energy.equal_value.year_wanted", 2025);
  ck_assert(has_rule(&r, "supply_coal_rate_year_absent",
                     "The rules have no national supply coal rate for 2025: "
                     "the equal value uses the 2024 rate of 302.4 gce/kWh."));
  tu_close(&r);
}
END_TEST

/* }====================================================== */


/* {====================================================== conversion units */

/* A waste-heat power unit recovering the kiln's heat (docs/calculation.md,
   "Conversion units"): grid P = 9,000,000 kWh, net output G (meter G1) =
   1,000,000 kWh, gross 1,100,000 kWh, 200 kW; kiln 6,000,000 kWh, mill
   2,500,000 kWh. */
#define WHR_UNITS                                                              \
  "units:\n"                                                                   \
  "  - {id: kiln, name: {zh: 窑, en: Kiln}, stage: end_use}\n"                  \
  "  - {id: mill, name: {zh: 磨, en: Mill}, stage: end_use}\n"                  \
  "  - id: whr\n"                                                              \
  "    name: {zh: 余热电站, en: Waste-heat power}\n"                           \
  "    stage: conversion\n"                                                    \
  "    conversion: {kind: waste_heat_power, heat_from: kiln, output: "        \
  "\"1,100,000 kWh\", capacity: \"200 kW\"}\n"
#define WHR_METERS                                                             \
  "meters:\n"                                                                  \
  "  - {id: E1, carrier: electricity, level: 1, total: \"9,000,000 kWh\"}\n"   \
  "  - {id: G1, carrier: electricity, level: 2, from: whr, to: site, total: "  \
  "\"1,000,000 kWh\"}\n"                                                       \
  "  - {id: E2, carrier: electricity, level: 2, from: site, to: kiln, total: " \
  "\"6,000,000 kWh\"}\n"                                                       \
  "  - {id: E3, carrier: electricity, level: 2, from: site, to: mill, total: " \
  "\"2,500,000 kWh\"}\n"

START_TEST(t_whr_credit)
{
  tu_run r;
  load(&r, NULL,
       WHR_UNITS WHR_METERS
       "products:\n"
       "  - {id: clinker, name: {zh: 熟料, en: Clinker}, quantity: \"100,000 "
       "t\", units: [kiln]}\n"
       "  - {id: cement, name: {zh: 水泥, en: Cement}, quantity: \"50,000 t\", "
       "units: [mill]}\n");
  /* waste-heat power enters at its reference coefficient: internal =
     (9,000,000 × 0.1229 + 1,000,000 × 0.1229) / 10,000,000 = 0.1229 */
  NEAR(&r, "energy.carriers[electricity].internal_coefficient_kgce", 0.1229);
  /* total: only the purchase, 9,000,000 × 0.1229 / 1000 = 1,106.1 tce */
  NEAR(&r, "energy.total_tce", 1106.1);
  /* clinker: 6,000,000 × 0.1229 / 1000 = 737.4 tce, less the waste-heat
     power 1,000,000 × 0.1229 / 1000 = 122.9 tce → 614.5 tce;
     614.5 × 1000 / 100,000 t = 6.145 kgce/t */
  NEAR(&r, "energy.products[clinker].recovered_tce", 122.9);
  NEAR(&r, "energy.products[clinker].energy_tce", 614.5);
  NEAR(&r, "energy.products[clinker].unit_consumption_kgce", 6.145);
  /* electricity consumed 6,000,000 kWh (graded); net 5,000,000 kWh */
  NEAR(&r, "energy.products[clinker].electricity_kwh", 6000000);
  NEAR(&r, "energy.products[clinker].electricity_net_kwh", 5000000);
  /* cement gets no credit: 2,500,000 × 0.1229 / 1000 = 307.25 tce (under
     the old spread it took 2,500,000 × 0.11061 = 276.525) */
  NEAR(&r, "energy.products[cement].energy_tce", 307.25);
  NEAR(&r, "energy.products[cement].recovered_tce", 0);
  /* closes: 614.5 + 307.25 + loss (10,000,000 − 8,500,000) × 0.1229 / 1000
     = 184.35 → 1,106.1 */
  NEAR(&r, "energy.balance[electricity].loss_tce", 184.35);
  /* the unit: own use 1,100,000 − 1,000,000 = 100,000 kWh, 100,000 /
     1,100,000 = 0.0909090909…; 1,100,000 kWh / 200 kW = 5,500 h */
  NEAR(&r, "energy.conversion[whr].gross_output", 1100000);
  NEAR(&r, "energy.conversion[whr].own_use", 100000);
  NEAR(&r, "energy.conversion[whr].own_use_ratio", 1.0 / 11.0);
  NEAR(&r, "energy.conversion[whr].capacity_kw", 200);
  NEAR(&r, "energy.conversion[whr].hours_at_capacity", 5500);
  NEAR(&r, "energy.conversion[whr].recovered_tce", 122.9);
  /* per t of clinker: gross 1,100,000 / 100,000 = 11, net 10 kWh/t */
  NEAR(&r, "energy.conversion[whr].products[clinker].gross_per_unit", 11);
  NEAR(&r, "energy.conversion[whr].products[clinker].net_per_unit", 10);
  ck_assert(val_path(r.results, "energy.conversion[whr].products[cement]") ==
            NULL);
  ck_assert(val_path(r.results, "energy.conversion[whr].efficiency")->kind ==
            VAL_NULL);
  ck_assert(has_note(&r, "energy.conversion[whr].efficiency", "not metered"));
  tu_close(&r);
}
END_TEST

/* The station draws 50,000 kWh from the grid (start-up): its credit is
   what it sends out less what it takes in. */
START_TEST(t_whr_credit_less_own_input)
{
  tu_run r;
  load(&r, NULL,
       WHR_UNITS WHR_METERS
       "  - {id: A1, carrier: electricity, level: 2, from: site, to: whr, "
       "total: \"50,000 kWh\"}\n"
       "products:\n"
       "  - {id: clinker, name: {zh: 熟料, en: Clinker}, quantity: \"100,000 "
       "t\", units: [kiln]}\n");
  /* credit = 1,000,000 × 0.1229 / 1000 − 50,000 × 0.1229 / 1000 = 122.9 −
     6.145 = 116.755 tce; clinker 737.4 − 116.755 = 620.645 tce */
  NEAR(&r, "energy.products[clinker].recovered_tce", 116.755);
  NEAR(&r, "energy.products[clinker].energy_tce", 620.645);
  NEAR(&r, "energy.conversion[whr].input_tce", 6.145);
  tu_close(&r);
}
END_TEST

/* The kiln is a shared unit of the product (share 0.3): the credit goes
   with the share. */
START_TEST(t_whr_credit_shared)
{
  tu_run r;
  load(&r, NULL,
       WHR_UNITS WHR_METERS
       "products:\n"
       "  - {id: cement, name: {zh: 水泥, en: Cement}, quantity: \"50,000 t\", "
       "units: [mill], shared: [{unit: kiln, share: 0.3}]}\n");
  /* 307.25 + 0.3 × 737.4 − 0.3 × 122.9 = 307.25 + 221.22 − 36.87 =
     491.6 tce */
  NEAR(&r, "energy.products[cement].recovered_tce", 36.87);
  NEAR(&r, "energy.products[cement].energy_tce", 491.6);
  /* per t: 0.3 × 1,000,000 / 50,000 = 6 kWh/t net */
  NEAR(&r, "energy.conversion[whr].products[cement].share", 0.3);
  NEAR(&r, "energy.conversion[whr].products[cement].net_per_unit", 6);
  tu_close(&r);
}
END_TEST

/* The credit month by month: the kiln and the station metered monthly. */
START_TEST(t_whr_credit_monthly)
{
  tu_run r;
  load(&r, NULL,
       WHR_UNITS
       "meters:\n"
       "  - {id: E1, carrier: electricity, level: 1, total: \"9,000,000 "
       "kWh\"}\n"
       "  - {id: G1, carrier: electricity, level: 2, from: whr, to: site, "
       "monthly: [" M12_1000 "]}\n"
       "  - {id: E2, carrier: electricity, level: 2, from: site, to: kiln, "
       "monthly: [\"6,000 kWh\", \"6,000 kWh\", \"6,000 kWh\", \"6,000 kWh\", "
       "\"6,000 kWh\", \"6,000 kWh\", \"6,000 kWh\", \"6,000 kWh\", \"6,000 "
       "kWh\", \"6,000 kWh\", \"6,000 kWh\", \"6,000 kWh\"]}\n"
       "products:\n"
       "  - id: clinker\n"
       "    name: {zh: 熟料, en: Clinker}\n"
       "    quantity: \"1,200 t\"\n"
       "    units: [kiln]\n"
       "    monthly: [\"100 t\", \"100 t\", \"100 t\", \"100 t\", \"100 t\", "
       "\"100 t\", \"100 t\", \"100 t\", \"100 t\", \"100 t\", \"100 t\", "
       "\"100 t\"]\n");
  /* each month: (6,000 − 1,000) kWh × 0.1229 / 1000 = 0.6145 tce;
     0.6145 × 1000 / 100 t = 6.145 kgce/t, as over the year (72,000 − 12,000)
     × 0.1229 / 1,200 = 6.145 */
  NEAR(&r, "energy.monthly.products[clinker].energy_tce[0]", 0.6145);
  NEAR(&r, "energy.monthly.products[clinker].unit_consumption_kgce[11]",
       6.145);
  NEAR(&r, "energy.products[clinker].unit_consumption_kgce", 6.145);
  tu_close(&r);
}
END_TEST

/* The station's output known for the year only: the clinker's months
   cannot be credited, and the reason names the meter. */
START_TEST(t_whr_credit_monthly_needs_months)
{
  tu_run r;
  load(&r, NULL,
       WHR_UNITS
       "meters:\n"
       "  - {id: E1, carrier: electricity, level: 1, total: \"9,000,000 "
       "kWh\"}\n"
       "  - {id: G1, carrier: electricity, level: 2, from: whr, to: site, "
       "total: \"12,000 kWh\"}\n"
       "  - {id: E2, carrier: electricity, level: 2, from: site, to: kiln, "
       "monthly: [" M12_1000 "]}\n"
       "products:\n"
       "  - id: clinker\n"
       "    name: {zh: 熟料, en: Clinker}\n"
       "    quantity: \"1,200 t\"\n"
       "    units: [kiln]\n"
       "    monthly: [\"100 t\", \"100 t\", \"100 t\", \"100 t\", \"100 t\", "
       "\"100 t\", \"100 t\", \"100 t\", \"100 t\", \"100 t\", \"100 t\", "
       "\"100 t\"]\n");
  ck_assert(!val_path(r.results,
                      "energy.monthly.products[clinker].attributable")->b);
  ck_assert_str_eq(tu_str(&r, "energy.monthly.products[clinker].why_en"),
                   "meter G1 of the waste-heat unit whr gives an annual figure "
                   "only");
  /* over the year the credit stands: (12,000 − 12,000) × 0.1229 = 0 tce */
  NEAR(&r, "energy.products[clinker].energy_tce", 0);
  tu_close(&r);
}
END_TEST

/* Rectifiers pass electricity through (AC in, DC out): no electricity is
   "produced", the product's electricity is the AC, the efficiency is DC /
   AC and the DC per t is the rectifier's output per unit of product. */
START_TEST(t_rectifier)
{
  tu_run r;
  load(&r, NULL,
       "units:\n"
       "  - {id: rect, name: {zh: 整流所, en: Rectifiers}, stage: conversion, "
       "conversion: {kind: rectifier}}\n"
       "  - {id: pots, name: {zh: 电解, en: Pots}, stage: end_use}\n"
       "meters:\n"
       "  - {id: E1, carrier: electricity, level: 1, to: rect, total: "
       "\"1,000,000 kWh\"}\n"
       "  - {id: D1, carrier: electricity, level: 2, from: rect, to: pots, "
       "total: \"975,000 kWh\"}\n"
       "products:\n"
       "  - {id: al, name: {zh: 铝, en: Aluminium}, quantity: \"75 t\", "
       "units: [rect, pots]}\n");
  NEAR(&r, "energy.carriers[electricity].produced", 0);
  /* 1,000,000 × 0.1229 / 1000 = 122.9 tce, all of it the product's */
  NEAR(&r, "energy.products[al].energy_tce", 122.9);
  NEAR(&r, "energy.products[al].electricity_kwh", 1000000);
  /* 975,000 / 1,000,000 = 0.975; DC per t 975,000 / 75 = 13,000 kWh/t */
  NEAR(&r, "energy.conversion[rect].efficiency", 0.975);
  NEAR(&r, "energy.conversion[rect].products[al].net_per_unit", 13000);
  tu_close(&r);
}
END_TEST

/* A boiler's efficiency needs the steam's measured enthalpy: with it,
   steam 1,000 t × 2,800 MJ/t / 29.3076 MJ/kgce / 1000 = 95.5383… tce out
   of 150 t coal × 0.7143 = 107.145 tce in: 0.891673… */
START_TEST(t_boiler_efficiency)
{
  tu_run r;
  const char *body =
      "units:\n"
      "  - {id: boiler, name: {zh: 锅炉, en: Boiler}, stage: conversion, "
      "conversion: {kind: boiler, capacity: \"10 t/h\"}}\n"
      "  - {id: dye, name: {zh: 染色, en: Dyeing}, stage: end_use}\n"
      "meters:\n"
      "  - {id: C1, carrier: raw_coal, level: 1, to: boiler, total: \"150 "
      "t\"}\n"
      "  - {id: S1, carrier: steam, level: 2, from: boiler, to: dye, total: "
      "\"1,000 t\"}\n";
  load(&r, NULL, body);
  /* no enthalpy: no efficiency, with its note */
  ck_assert(val_path(r.results, "energy.conversion[boiler].efficiency")->kind ==
            VAL_NULL);
  ck_assert(has_note(&r, "energy.conversion[boiler].efficiency", "enthalpy"));
  NEAR(&r, "energy.conversion[boiler].capacity_t_per_h", 10);
  tu_close(&r);
  char b2[2048];
  snprintf(b2, sizeof b2, "%s%s", body,
           "factors:\n  steam: {enthalpy: \"2,800 MJ/t\", source: {zh: 实测, en: "
           "Measured}}\n");
  load(&r, NULL, b2);
  /* coal 150 t × 714.3 kgce/t / 1000 = 107.145 tce; steam 1,000 t × 2,800
     MJ/t / 29.3076 / 1000 = 95.53836… tce; 95.53836 / 107.145 = 0.891674 */
  NEAR(&r, "energy.conversion[boiler].efficiency",
       (1000.0 * 2800.0 / 29.3076 / 1000.0) / (150.0 * 714.3 / 1000.0));
  tu_close(&r);
}
END_TEST

/* }====================================================== */

Suite *energy_suite(void)
{
  Suite *s = suite_create("energy");
  TCase *tc = tcase_create("energy");
  tcase_add_test(tc, t_coal_and_power);
  tcase_add_test(tc, t_edition_2013);
  tcase_add_test(tc, t_edition_2023);
  tcase_add_test(tc, t_edition_spanning);
  tcase_add_test(tc, t_edition_report_date);
  tcase_add_test(tc, t_edition_data_year_absent);
  suite_add_tcase(s, tc);

  tc = tcase_create("coefficients");
  tcase_add_test(tc, t_ncv_override_coal);
  tcase_add_test(tc, t_ncv_override_gas_units);
  tcase_add_test(tc, t_factor_origin);
  tcase_add_test(tc, t_heat_and_steam_purchased);
  suite_add_tcase(s, tc);

  tc = tcase_create("flows");
  tcase_add_test(tc, t_stock_change_sign);
  tcase_add_test(tc, t_sold_deducted);
  suite_add_tcase(s, tc);

  tc = tcase_create("in_house");
  tcase_add_test(tc, t_in_house_only_carrier);
  tcase_add_test(tc, t_in_house_steam_rules_key);
  tcase_add_test(tc, t_in_house_sold);
  tcase_add_test(tc, t_two_outputs_split);
  tcase_add_test(tc, t_two_outputs_split_enthalpy);
  tcase_add_test(tc, t_conversion_closes_with_bought_steam);
  tcase_add_test(tc, t_conversion_of_no_kind_far_beyond_input);
  tcase_add_test(tc, t_bought_and_made_steam_carbon);
  tcase_add_test(tc, t_made_steam_cost);
  tcase_add_test(tc, t_measure_saves_bought_steam);
  tcase_add_test(tc, t_product_saving_total);
  tcase_add_test(tc, t_grid_plus_waste_heat);
  tcase_add_test(tc, t_grid_plus_coal_power);
  tcase_add_test(tc, t_waste_heat_own_use);
  tcase_add_test(tc, t_chained_producers);
  suite_add_tcase(s, tc);

  tc = tcase_create("products");
  tcase_add_test(tc, t_inflow_closure);
  tcase_add_test(tc, t_shared_units);
  suite_add_tcase(s, tc);

  tc = tcase_create("intensity_balance_cost");
  tcase_add_test(tc, t_intensity);
  tcase_add_test(tc, t_intensity_equal_value);
  tcase_add_test(tc, t_balance_stock_and_generation);
  tcase_add_test(tc, t_balance_with_sale);
  tcase_add_test(tc, t_no_balance_row);
  tcase_add_test(tc, t_cost);
  tcase_add_test(tc, t_cost_null);
  suite_add_tcase(s, tc);

  tc = tcase_create("meter_forms");
  tcase_add_test(tc, t_monthly_summed);
  tcase_add_test(tc, t_monthly_six_months);
  tcase_add_test(tc, t_monthly_standby_incomer);
  tcase_add_test(tc, t_monthly_products);
  tcase_add_test(tc, t_monthly_products_unattributed);
  tcase_add_test(tc, t_monthly_products_six_months);
  tcase_add_test(tc, t_monthly_products_rounding);
  tcase_add_test(tc, t_monthly_products_series);
  tcase_add_test(tc, t_register);
  tcase_add_test(tc, t_finite_guard);
  tcase_add_test(tc, t_product_slack);
  tcase_add_test(tc, t_series);
  tcase_add_test(tc, t_series_sliver);
  tcase_add_test(tc, t_period_across_years);
  suite_add_tcase(s, tc);

  tc = tcase_create("equal_value");
  tcase_add_test(tc, t_equal_value_grid_year);
  tcase_add_test(tc, t_equal_value_beyond_table);
  tcase_add_test(tc, t_ets_full_years);
  tcase_add_test(tc, t_ets_part_years);
  suite_add_tcase(s, tc);

  tc = tcase_create("edge");
  tcase_add_test(tc, t_zero_consumption);
  tcase_add_test(tc, t_fresh_water_counted);
  suite_add_tcase(s, tc);

  /* PROGRAM DISAGREES: tests whose hand working the program does not
     meet (see each test's comment). Not registered in the normal run; set
     AUDITGEN_DISAGREEMENTS=1 to run them and see them fail. */
  /* Both former disagreements are settled: the override rule was fixed in
     the program, the equal-value wording in docs/calculation.md. */
  tc = tcase_create("conversion");
  tcase_add_test(tc, t_whr_credit);
  tcase_add_test(tc, t_whr_credit_less_own_input);
  tcase_add_test(tc, t_whr_credit_shared);
  tcase_add_test(tc, t_whr_credit_monthly);
  tcase_add_test(tc, t_whr_credit_monthly_needs_months);
  tcase_add_test(tc, t_rectifier);
  tcase_add_test(tc, t_boiler_efficiency);
  suite_add_tcase(s, tc);

  tc = tcase_create("stages");
  tcase_add_test(tc, t_stages_cement);
  tcase_add_test(tc, t_stages_graded);
  tcase_add_test(tc, t_stages_product);
  tcase_add_test(tc, t_stages_absent);
  tcase_add_test(tc, t_stages_reference);
  tcase_add_test(tc, t_stages_per_conversion);
  suite_add_tcase(s, tc);

  tc = tcase_create("settled");
  tcase_add_test(tc, t_in_house_with_carbon_override);
  tcase_add_test(tc, t_equal_value_own_power_exported);
  tcase_add_test(tc, t_equal_value_power_plant);
  tcase_add_test(tc, t_equal_value_small_exporter);
  tcase_add_test(tc, t_equal_value_net_buyer_own_power);
  tcase_add_test(tc, t_equal_value_never_negative);
  suite_add_tcase(s, tc);
  return s;
}
