/* check_gases.c — process emissions by formula (rules/process.yaml
 * `formula:`: oxide, carbonate, carbon) and the non-CO2 gases
 * (rules/gases.yaml, rules/gwp.yaml), each worked by hand beside its
 * assertion (docs/calculation.md "Process emissions by formula", "Non-CO2
 * gases"). No published worked example of the guidelines was found in the
 * sources searched; the figures below are worked from the formulas, and the
 * aluminium slope case is the example of issue 16. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "suites.h"
#include "testutil.h"

static char yaml[16384];

/* TU_HEAD + a meter + body, loaded and computed; fails on any error. */
static void load(tu_run *r, const char *body)
{
  snprintf(yaml, sizeof yaml, "%s%s%s", TU_HEAD,
           "meters:\n"
           "  - {id: E1, carrier: electricity, level: 1, total: \"1,000 kWh\"}\n",
           body);
  tu_open(r);
  tu_facility(r, yaml);
  ck_assert_msg(r->results, "%s", tu_diags(r));
}

/* {====================================================== oxide */

START_TEST(t_oxide_cement_full)
{
  tu_run r;
  load(&r, "process_emissions:\n"
           "  - id: P1\n"
           "    name: {zh: 熟料, en: Clinker}\n"
           "    rule: cement_clinker_carbonate\n"
           "    activity: \"1,000,000 t\"\n"
           "    cao: \"65.2 %\"\n"
           "    mgo: \"1.8 %\"\n"
           "    cao_non_carbonate: \"0.8 %\"\n"
           "    kiln_head_dust: \"2,000 t\"\n"
           "    bypass_dust: \"1,000 t\"\n"
           "    raw_meal: \"1,550,000 t\"\n"
           "    raw_meal_organic_carbon: \"0.2 %\"\n");
  /* (1,000,000 + 2,000 + 1,000) × [(0.652 − 0.008) × 44/56
       + (0.018 − 0) × 44/40.30]
     = 1,003,000 × (0.506 + 0.0196526055) = 527,229.5633
     + 1,550,000 × 0.002 × 44/12 = 11,366.6667
     = 538,596.2299421009 tCO2 */
  TU_NEAR(&r, "carbon.scope1.process[P1].tco2", 538596.2299421009);
  /* implied factor 538,596.2299 / 1,000,000 = 0.5385962299 tCO2/t */
  TU_NEAR(&r, "carbon.scope1.process[P1].factor", 0.5385962299421009);
  ck_assert_str_eq(tu_str(&r, "carbon.scope1.process[P1].formula"), "oxide");
  ck_assert_str_eq(
      tu_str(&r, "carbon.scope1.process[P1].inputs[key=cao].basis"), "plant");
  /* the process total is the row */
  TU_NEAR(&r, "carbon.scope1.process_tco2", 538596.2299421009);
  tu_close(&r);
}
END_TEST

START_TEST(t_oxide_lime_optional_zero)
{
  tu_run r;
  load(&r, "process_emissions:\n"
           "  - id: L1\n"
           "    name: {zh: 石灰, en: Lime}\n"
           "    rule: lime_carbonate\n"
           "    activity: \"10,000 t\"\n"
           "    cao: \"92 %\"\n"
           "    mgo: \"1.5 %\"\n");
  /* no dusts, no non-carbonate shares, no raw meal: all 0
     10,000 × (0.92 × 44/56 + 0.015 × 44/40.30)
     = 10,000 × (0.722857143 + 0.016377171) = 7,392.343140730239 */
  TU_NEAR(&r, "carbon.scope1.process[L1].tco2", 7392.343140730239);
  ck_assert_str_eq(
      tu_str(&r, "carbon.scope1.process[L1].inputs[key=bypass_dust].basis"),
      "absent");
  tu_close(&r);
}
END_TEST

/* }====================================================== */
/* {====================================================== carbonate */

START_TEST(t_carbonate_default_and_own_purity)
{
  tu_run r;
  load(&r, "process_emissions:\n"
           "  - id: D1\n"
           "    name: {zh: 脱硫, en: FGD}\n"
           "    rule: desulfurisation_limestone\n"
           "    activity: \"20,000 t\"\n"
           "  - id: D2\n"
           "    name: {zh: 脱硫2, en: FGD 2}\n"
           "    rule: desulfurisation_limestone\n"
           "    activity: \"20,000 t\"\n"
           "    purity: \"95 %\"\n"
           "  - id: G1\n"
           "    name: {zh: 白云石, en: Dolomite}\n"
           "    rule: carbonate_dolomite\n"
           "    activity: \"5,000 t\"\n"
           "    purity: \"97 %\"\n");
  /* rule default purity 90 %: 20,000 × 0.90 × 44.01/100.09
     = 20,000 × 0.9 × 0.439704266 = 7,914.6767908882 */
  TU_NEAR(&r, "carbon.scope1.process[D1].tco2", 7914.6767908882);
  ck_assert_str_eq(
      tu_str(&r, "carbon.scope1.process[D1].inputs[key=purity].basis"),
      "default");
  ck_assert(!val_path(r.results, "carbon.scope1.process[D1].inputs[0]."
                                 "verified")
                 ->b);
  /* the plant's 95 %: 20,000 × 0.95 × 44.01/100.09 = 8,354.381057048657 */
  TU_NEAR(&r, "carbon.scope1.process[D2].tco2", 8354.381057048657);
  /* dolomite 5,000 × 0.97 × 88.02/184.40 = 2,315.059652928416 */
  TU_NEAR(&r, "carbon.scope1.process[G1].tco2", 2315.059652928416);
  TU_NEAR(&r, "carbon.scope1.process[G1].ratio", 88.02 / 184.40);
  tu_close(&r);
}
END_TEST

/* }====================================================== */
/* {====================================================== carbon */

START_TEST(t_carbon_anode_defaults)
{
  tu_run r;
  load(&r, "process_emissions:\n"
           "  - id: A1\n"
           "    name: {zh: 阳极, en: Anodes}\n"
           "    rule: aluminium_anode\n"
           "    activity: \"500,000 t\"\n");
  /* all three defaults: 500,000 × 0.42 × (1 − 0.02 − 0.004) × 44/12
     = 210,000 × 0.976 × 3.666667 = 751,520 tCO2 */
  TU_NEAR(&r, "carbon.scope1.process[A1].tco2", 751520.0);
  /* one default overridden: sulphur 2.5 % → (1 − 0.025 − 0.004) */
  tu_close(&r);
  load(&r, "process_emissions:\n"
           "  - id: A1\n"
           "    name: {zh: 阳极, en: Anodes}\n"
           "    rule: aluminium_anode\n"
           "    activity: \"500,000 t\"\n"
           "    sulfur: \"2.5 %\"\n");
  /* 500,000 × 0.42 × 0.971 × 44/12 = 747,670 */
  TU_NEAR(&r, "carbon.scope1.process[A1].tco2", 747670.0);
  ck_assert_str_eq(
      tu_str(&r, "carbon.scope1.process[A1].inputs[key=sulfur].basis"),
      "plant");
  ck_assert_str_eq(
      tu_str(&r, "carbon.scope1.process[A1].inputs[key=ash].basis"),
      "default");
  tu_close(&r);
}
END_TEST

START_TEST(t_carbon_balance_steel)
{
  tu_run r;
  load(&r, "process_emissions:\n"
           "  - id: EL\n"
           "    name: {zh: 电极, en: Electrodes}\n"
           "    rule: steel_electrode\n"
           "    activity: \"1,000 t\"\n"
           "  - id: PI\n"
           "    name: {zh: 生铁, en: Pig iron}\n"
           "    rule: steel_purchased_pig_iron\n"
           "    activity: \"10,000 t\"\n"
           "    carbon_content: \"4.2 %\"\n"
           "  - id: CS\n"
           "    name: {zh: 粗钢, en: Crude steel}\n"
           "    rule: steel_product_carbon\n"
           "    activity: \"1,000,000 t\"\n"
           "    carbon_content: \"0.42 %\"\n");
  /* electrodes, default 99.9 %: 1,000 × 0.999 × 44/12 = 3,663 */
  TU_NEAR(&r, "carbon.scope1.process[EL].tco2", 3663.0);
  /* pig iron, the plant's 4.2 %: 10,000 × 0.042 × 44/12 = 1,540 */
  TU_NEAR(&r, "carbon.scope1.process[PI].tco2", 1540.0);
  /* crude steel deducted: −1,000,000 × 0.0042 × 44/12 = −15,400 */
  TU_NEAR(&r, "carbon.scope1.process[CS].tco2", -15400.0);
  /* balance: 3,663 + 1,540 − 15,400 = −10,197 */
  TU_NEAR(&r, "carbon.scope1.process_tco2", -10197.0);
  tu_close(&r);
}
END_TEST

/* }====================================================== */
/* {====================================================== gases */

START_TEST(t_gas_anode_effect_slope)
{
  tu_run r;
  /* the example of issue 16 */
  load(&r, "gases:\n"
           "  - id: AE1\n"
           "    rule: aluminium_anode_effect_slope\n"
           "    technology: cwpb\n"
           "    activity: \"500,000 t\"\n"
           "    anode_effect_frequency: 0.1\n"
           "    anode_effect_duration: \"1.5 min\"\n");
  /* CF4 = 500,000 × 0.1 × 1.5 × 0.143 / 1000 = 10.725 t */
  TU_NEAR(&r, "carbon.gases[gas=CF4].mass_t", 10.725);
  /* × SAR 6,500 = 69,712.5 tCO2e */
  TU_NEAR(&r, "carbon.gases[gas=CF4].tco2e", 69712.5);
  /* C2F6 = 10.725 × 0.121 = 1.297725 t; × 9,200 = 11,939.07 tCO2e */
  TU_NEAR(&r, "carbon.gases[gas=C2F6].mass_t", 1.297725);
  TU_NEAR(&r, "carbon.gases[gas=C2F6].tco2e", 11939.07);
  /* Σ = 81,651.57; total = CO2 (1,000 kWh of grid power) + gases */
  TU_NEAR(&r, "carbon.gases_tco2e", 81651.57);
  TU_NEAR(&r, "carbon.total_tco2e",
          tu_num(&r, "carbon.total_tco2") + 81651.57);
  ck_assert_str_eq(tu_str(&r, "carbon.gwp_set.key"), "sar");
  tu_close(&r);
  /* own slope and ratio, swpb's ignored: 500,000 × 0.15 × 0.2 / 1000 = 15
     t CF4; C2F6 15 × 0.1 = 1.5 t; own GWP 7,000: 105,000 tCO2e */
  load(&r, "gases:\n"
           "  - id: AE1\n"
           "    rule: aluminium_anode_effect_slope\n"
           "    technology: swpb\n"
           "    activity: \"500,000 t\"\n"
           "    anode_effect_frequency: 0.1\n"
           "    anode_effect_duration: \"90 s\"\n"
           "    slope_cf4: 0.2\n"
           "    c2f6_per_cf4: \"10 %\"\n"
           "    gwp: {CF4: 7000}\n");
  TU_NEAR(&r, "carbon.gases[gas=CF4].mass_t", 15.0);
  TU_NEAR(&r, "carbon.gases[gas=CF4].tco2e", 105000.0);
  ck_assert_str_eq(tu_str(&r, "carbon.gases[gas=CF4].gwp_basis"),
                   "enterprise");
  TU_NEAR(&r, "carbon.gases[gas=C2F6].mass_t", 1.5);
  /* C2F6 keeps the set's 9,200: 13,800 tCO2e */
  TU_NEAR(&r, "carbon.gases[gas=C2F6].tco2e", 13800.0);
  tu_close(&r);
}
END_TEST

START_TEST(t_gas_sf6_and_gwp_sets)
{
  static const char body[] =
      "gases:\n"
      "  - id: GIS\n"
      "    rule: sf6_electrical_equipment\n"
      "    retired: [{capacity: \"120 kg\", recovered: \"110 kg\"}]\n"
      "    overhauled: [{capacity: \"1,450 kg\", recovered: \"1,420 kg\"}]\n"
      "    top_up: \"5 kg\"\n";
  tu_run r;
  load(&r, body);
  /* (120 − 110) + (1,450 − 1,420) + 5 = 45 kg = 0.045 t; × 23,900 (SAR)
     = 1,075.5 tCO2e */
  TU_NEAR(&r, "carbon.gases[GIS].mass_t", 0.045);
  TU_NEAR(&r, "carbon.gases[GIS].tco2e", 1075.5);
  tu_close(&r);
  /* audit.gwp: ar5 → 0.045 × 23,500 = 1,057.5; ar6 → × 25,200 = 1,134 */
  static const char *const sets[] = {"ar5", "ar6"};
  static const double want[] = {1057.5, 1134.0};
  for (int i = 0; i < 2; i++) {
    char head[512];
    snprintf(head, sizeof head,
             "auditgen: 1\n"
             "facility:\n"
             "  name: {zh: 测试厂, en: Test plant}\n"
             "  industry: cement\n"
             "audit:\n"
             "  period: {from: 2016-01-01, to: 2016-12-31}\n"
             "  gwp: %s\n"
             "meters:\n"
             "  - {id: E1, carrier: electricity, level: 1, total: \"1 kWh\"}\n",
             sets[i]);
    snprintf(yaml, sizeof yaml, "%s%s", head, body);
    tu_open(&r);
    tu_facility(&r, yaml);
    ck_assert_msg(r.results, "%s", tu_diags(&r));
    TU_NEAR(&r, "carbon.gases[GIS].tco2e", want[i]);
    ck_assert_str_eq(tu_str(&r, "carbon.gwp_set.key"), sets[i]);
    tu_close(&r);
  }
}
END_TEST

START_TEST(t_gas_production_rules)
{
  tu_run r;
  load(&r, "gases:\n"
           "  - id: N1\n"
           "    rule: n2o_nitric_acid\n"
           "    technology: high_pressure\n"
           "    activity: \"100,000 t\"\n"
           "    abatement: \"80 %\"\n"
           "  - id: A1\n"
           "    rule: n2o_adipic_acid\n"
           "    activity: \"1,000 t\"\n"
           "  - id: H1\n"
           "    rule: hfc23_hcfc22\n"
           "    activity: \"20,000 t\"\n"
           "    abatement: \"90 %\"\n"
           "  - id: T1\n"
           "    rule: aluminium_cf4_default\n"
           "    activity: \"500,000 t\"\n");
  /* nitric: 100,000 × 9 kg/t × (1 − 0.8) = 180 t N2O; × 310 = 55,800 */
  TU_NEAR(&r, "carbon.gases[N1].mass_t", 180.0);
  TU_NEAR(&r, "carbon.gases[N1].tco2e", 55800.0);
  /* adipic, its one technology: 1,000 × 300 kg/t = 300 t; × 310 = 93,000 */
  TU_NEAR(&r, "carbon.gases[A1].mass_t", 300.0);
  TU_NEAR(&r, "carbon.gases[A1].tco2e", 93000.0);
  /* HFC-23: 20,000 × 0.04 × (1 − 0.9) = 80 t; × 11,700 = 936,000 */
  TU_NEAR(&r, "carbon.gases[H1].mass_t", 80.0);
  TU_NEAR(&r, "carbon.gases[H1].tco2e", 936000.0);
  /* Tier 1 CF4: 500,000 × 0.034 kg/t = 17 t; × 6,500 = 110,500 */
  TU_NEAR(&r, "carbon.gases[T1].mass_t", 17.0);
  TU_NEAR(&r, "carbon.gases[T1].tco2e", 110500.0);
  /* Σ 55,800 + 93,000 + 936,000 + 110,500 = 1,195,300 */
  TU_NEAR(&r, "carbon.gases_tco2e", 1195300.0);
  tu_close(&r);
}
END_TEST

START_TEST(t_gas_wastewater)
{
  tu_run r;
  load(&r, "gases:\n"
           "  - id: WW\n"
           "    rule: ch4_industrial_wastewater\n"
           "    activity: \"5,000 t\"\n"
           "    sludge_cod: \"500 t\"\n"
           "    mcf: \"80 %\"\n"
           "    recovered: \"300 t\"\n");
  /* (5,000 − 500) × 0.25 (default B0) × 0.8 − 300 = 900 − 300 = 600 t CH4;
     × 21 (SAR) = 12,600 tCO2e */
  TU_NEAR(&r, "carbon.gases[WW].mass_t", 600.0);
  TU_NEAR(&r, "carbon.gases[WW].tco2e", 12600.0);
  tu_close(&r);
}
END_TEST

/* Coal mining (coal-production guideline): an underground high-gas mine
   with flaring and use, and a surface mine on the rules' defaults. */
START_TEST(t_gas_coal_mine)
{
  tu_run r;
  load(&r, "gases:\n"
           "  - id: CM1\n"
           "    rule: ch4_coal_mining\n"
           "    technology: high_gas\n"
           "    activity: \"3,000,000 t\"\n"
           "    ch4_ventilation: \"2,000 万m3\"\n"
           "    ch4_drained: \"1,500 万m3\"\n"
           "    ch4_flared: \"200 万m3\"\n"
           "    ch4_used: \"800 万m3\"\n"
           "    co2_ventilation: \"300 万m3\"\n"
           "    co2_drained: \"50 万m3\"\n"
           "  - id: CM2\n"
           "    rule: ch4_coal_mining\n"
           "    technology: surface\n"
           "    activity: \"10,000,000 t\"\n");
  /* CM1 CH4: (2,000 + 1,500 − 200 − 800) 万m3 = 2,500 万m3 × 7.17 t/万m3
     = 17,925 t; post-mining 3,000,000 t × 2.01 kg/t = 6,030 t;
     17,925 + 6,030 = 23,955 t CH4 × 21 (SAR) = 503,055 tCO2e */
  TU_NEAR(&r, "carbon.gases[0].mining_t", 17925.0);
  TU_NEAR(&r, "carbon.gases[0].post_mining_t", 6030.0);
  TU_NEAR(&r, "carbon.gases[0].mass_t", 23955.0);
  TU_NEAR(&r, "carbon.gases[0].tco2e", 503055.0);
  /* CM1 CO2: (300 + 50) 万m3 × 19.7 t/万m3 = 6,895 t; flared
     2,000,000 m3 × 12/22.4 kg C/m3 = 1,071,428.571 kg = 1,071.428571 tC
     × 98 % = 1,050 tC × 44/12 = 3,850 t; 6,895 + 3,850 = 10,745 tCO2,
     GWP 1 */
  ck_assert_str_eq(tu_str(&r, "carbon.gases[1].gas"), "CO2");
  TU_NEAR(&r, "carbon.gases[1].escaped_t", 6895.0);
  TU_NEAR(&r, "carbon.gases[1].flared_t", 3850.0);
  TU_NEAR(&r, "carbon.gases[1].gwp", 1.0);
  TU_NEAR(&r, "carbon.gases[1].tco2e", 10745.0);
  /* CM2 surface: 10,000,000 t × (1.34 + 0.34) kg/t = 16,800 t CH4
     × 21 = 352,800 tCO2e; no CO2 row */
  ck_assert_str_eq(tu_str(&r, "carbon.gases[2].id"), "CM2");
  TU_NEAR(&r, "carbon.gases[2].mining_t", 13400.0);
  TU_NEAR(&r, "carbon.gases[2].mass_t", 16800.0);
  TU_NEAR(&r, "carbon.gases[2].tco2e", 352800.0);
  ck_assert_int_eq((int)val_path(r.results, "carbon.gases")->n, 3);
  /* 503,055 + 10,745 + 352,800 = 866,600 tCO2e */
  TU_NEAR(&r, "carbon.gases_tco2e", 866600.0);
  tu_close(&r);
  /* a low-gas mine with its own post-mining factor and flare oxidation;
     nothing drained is used, all of it flared */
  load(&r, "gases:\n"
           "  - id: CM3\n"
           "    rule: ch4_coal_mining\n"
           "    technology: low_gas\n"
           "    activity: \"1,000,000 t\"\n"
           "    ch4_ventilation: \"500 万m3\"\n"
           "    ch4_drained: \"100 万m3\"\n"
           "    ch4_flared: \"100 万m3\"\n"
           "    post_mining: \"1 kg/t\"\n"
           "    flare_oxidation: \"100 %\"\n");
  /* (500 + 100 − 100) 万m3 × 7.17 = 3,585 t + 1,000,000 t × 1 kg/t
     = 1,000 t → 4,585 t CH4 (not the rules' 0.6 kg/t) */
  TU_NEAR(&r, "carbon.gases[0].mass_t", 4585.0);
  /* 1,000,000 m3 × 12/22.4 = 535,714.2857 kg C = 535.7142857 tC × 100 %
     × 44/12 = 1,964.285714 tCO2; no CO2 measured: 0 escaped */
  TU_NEAR(&r, "carbon.gases[1].escaped_t", 0.0);
  TU_NEAR(&r, "carbon.gases[1].mass_t", 1964.2857142857142);
  tu_close(&r);
}
END_TEST

/* No gases: the totals are CO2 alone and the set is still named. */
START_TEST(t_no_gases)
{
  tu_run r;
  load(&r, "");
  TU_NEAR(&r, "carbon.gases_tco2e", 0.0);
  TU_NEAR(&r, "carbon.total_tco2e", tu_num(&r, "carbon.total_tco2"));
  ck_assert_str_eq(tu_str(&r, "carbon.gwp_set.key"), "sar");
  tu_close(&r);
}
END_TEST

/* }====================================================== */

/* {====================================================== feedstock */

/* TU_HEAD + body, loaded and computed; fails on any error. */
static void load_raw(tu_run *r, const char *body)
{
  snprintf(yaml, sizeof yaml, "%s%s", TU_HEAD, body);
  tu_open(r);
  tu_facility(r, yaml);
  ck_assert_msg(r->results, "%s", tu_diags(r));
}

START_TEST(t_feedstock_gas_default_carbon)
{
  tu_run r;
  load_raw(&r, "meters:\n"
               "  - {id: E1, carrier: electricity, level: 1, total: \"1,000 kWh\"}\n"
               "  - {id: G1, carrier: natural_gas, level: 1, total: \"10,000 万m3\"}\n"
               "process_emissions:\n"
               "  - id: F1\n"
               "    name: {zh: 原料气, en: Feed gas}\n"
               "    rule: feedstock_carbon\n"
               "    carrier: natural_gas\n"
               "    activity: \"6,000 万m3\"\n");
  /* the gas's carbon per m3 (rules/carriers.yaml): NCV 389.31 GJ/万m3 =
     0.038931 GJ/m3 × 0.0153 tC/GJ = 0.0005956443 tC/m3 (5.956443 tC/万m3) */
  TU_NEAR(&r, "carbon.scope1.process[F1].inputs[key=carbon_content].value",
          0.0005956443);
  ck_assert_str_eq(
      tu_str(&r, "carbon.scope1.process[F1].inputs[key=carbon_content].basis"),
      "carrier");
  ck_assert_str_eq(
      tu_str(&r, "carbon.scope1.process[F1].inputs[key=carbon_content].text"),
      "5.956443 tC/万m3");
  /* feedstock: 60,000,000 m3 × 0.0005956443 × 44/12 = 131,041.746 tCO2
     (all its carbon: no oxidation factor in a carbon balance) */
  TU_NEAR(&r, "carbon.scope1.process[F1].tco2", 131041.746);
  ck_assert_str_eq(tu_str(&r, "carbon.scope1.process[F1].carrier"),
                   "natural_gas");
  /* combustion keeps the rest: 100,000,000 − 60,000,000 = 40,000,000 m3
     × 0.038931 × 0.0153 × 0.99 × 44/12 (0.002162188809 tCO2/m3)
     = 86,487.55236 tCO2 */
  TU_NEAR(&r, "carbon.scope1.combustion[natural_gas].consumed", 1e8);
  TU_NEAR(&r, "carbon.scope1.combustion[natural_gas].feedstock", 6e7);
  TU_NEAR(&r, "carbon.scope1.combustion[natural_gas].combusted", 4e7);
  TU_NEAR(&r, "carbon.scope1.combustion[natural_gas].tco2", 86487.55236);
  /* scope 1 = 86,487.55236 + 131,041.746 = 217,529.29836 */
  TU_NEAR(&r, "carbon.scope1.total_tco2", 217529.29836);
  /* the energy audit keeps the whole gas: 100,000,000 m3 × 1.2143 kgce/m3
     = 121,430 tce + 1,000 kWh × 0.1229 kgce/kWh = 0.1229 tce → 121,430.1229;
     6,000 万m3 is form 205-1's 用于原材料 */
  TU_NEAR(&r, "energy.total_tce", 121430.1229);
  TU_NEAR(&r, "energy.carriers[natural_gas].raw_material", 6e7);
  ck_assert_ptr_null(val_path(r.results, "energy.carriers[electricity].raw_material"));
  tu_close(&r);
}
END_TEST

/* A fuel split between the furnace (feedstock, its product) and burning;
   the product's carbon counts the burnt part and the process row. */
static const char split_head[] =
    "units:\n"
    "  - {id: u1, name: {zh: 电石炉, en: Furnace}, stage: end_use}\n"
    "meters:\n"
    "  - {id: K1, carrier: coke, level: 1, from: outside, to: u1, total: \"1,000 t\"}\n"
    "products:\n"
    "  - {id: p1, name: {zh: 电石, en: Carbide}, quantity: \"1,000 t\", units: [u1]}\n"
    "process_emissions:\n"
    "  - id: F1\n"
    "    name: {zh: 焦炭还原剂, en: Coke reductant}\n"
    "    rule: feedstock_carbon\n"
    "    carrier: coke\n"
    "    activity: \"600 t\"\n"
    "    carbon_content: \"84 %\"\n";

START_TEST(t_feedstock_split_product)
{
  tu_run r;
  char body[2048];
  snprintf(body, sizeof body, "%s    product: p1\n", split_head);
  load_raw(&r, body);
  /* coke per t burnt: 28.435 GJ/t × 0.0295 tC/GJ × 0.93 × 44/12
     = 2.860418825 tCO2/t; 400 t burnt = 1,144.16753 tCO2 */
  TU_NEAR(&r, "carbon.scope1.combustion[coke].combusted", 400.0);
  TU_NEAR(&r, "carbon.scope1.combustion[coke].tco2", 1144.16753);
  /* the plant's 84 %: 600 × 0.84 × 44/12 = 1,848 tCO2 */
  TU_NEAR(&r, "carbon.scope1.process[F1].tco2", 1848.0);
  ck_assert_str_eq(
      tu_str(&r, "carbon.scope1.process[F1].inputs[key=carbon_content].basis"),
      "plant");
  /* p1: its 1,000 t of coke × 2.860418825 = 2,860.418825, less the 600 t
     of its feedstock not burnt (−1,716.251295), plus its process row
     1,848 = 2,992.16753 tCO2 = scope 1 */
  TU_NEAR(&r, "carbon.intensity.products[p1].tco2", 2992.16753);
  TU_NEAR(&r, "carbon.scope1.total_tco2", 2992.16753);
  tu_close(&r);
}
END_TEST

START_TEST(t_feedstock_split_no_product)
{
  tu_run r;
  load_raw(&r, split_head);
  /* the row names no product: p1 burns its coke in proportion to what is
     left for burning, 1,000 × (1 − 600/1,000) = 400 t × 2.860418825
     = 1,144.16753 tCO2, and no process row is its own */
  TU_NEAR(&r, "carbon.intensity.products[p1].tco2", 1144.16753);
  /* the facility's scope 1 is the same as with a product: 1,144.16753
     + 1,848 = 2,992.16753 */
  TU_NEAR(&r, "carbon.scope1.total_tco2", 2992.16753);
  tu_close(&r);
}
END_TEST

START_TEST(t_feedstock_whole_and_gas_product)
{
  tu_run r;
  load_raw(&r, "meters:\n"
               "  - {id: C1, carrier: washed_coal, level: 1, total: \"1,000 t\"}\n"
               "  - {id: C2, carrier: washed_coal, level: 1, total: \"500 t\"}\n"
               "process_emissions:\n"
               "  - id: F1\n"
               "    name: {zh: 装炉煤, en: Coal charged}\n"
               "    rule: feedstock_carbon\n"
               "    carrier: washed_coal\n"
               "    activity: \"1,000 t\"\n"
               "    carbon_content: \"0.78 tC/t\"\n"
               "  - id: F2\n"
               "    name: {zh: 装炉煤2, en: Coal charged 2}\n"
               "    rule: feedstock_carbon\n"
               "    carrier: washed_coal\n"
               "    activity: \"500,000 kg\"\n"
               "    carbon_content: \"78 %\"\n"
               "  - id: G\n"
               "    name: {zh: 外供煤气, en: Gas supplied}\n"
               "    rule: product_carbon\n"
               "    activity: \"10 万m3\"\n"
               "    carbon_content: \"2.42 tC/万m3\"\n");
  /* two rows take the whole 1,500 t: nothing is burnt */
  TU_NEAR(&r, "carbon.scope1.combustion[washed_coal].feedstock", 1500.0);
  TU_NEAR(&r, "carbon.scope1.combustion[washed_coal].combusted", 0.0);
  TU_NEAR(&r, "carbon.scope1.combustion[washed_coal].tco2", 0.0);
  /* 0.78 tC/t is 78 %: 1,000 × 0.78 × 44/12 = 2,860; 500 × 0.78 × 44/12
     = 1,430 */
  TU_NEAR(&r, "carbon.scope1.process[F1].tco2", 2860.0);
  TU_NEAR(&r, "carbon.scope1.process[F2].tco2", 1430.0);
  /* gas out: 100,000 m3 × 0.000242 tC/m3 × 44/12 = −88.7333333 tCO2 */
  TU_NEAR(&r, "carbon.scope1.process[G].tco2", -88.73333333333333);
  /* 2,860 + 1,430 − 88.7333333 = 4,201.2666667 */
  TU_NEAR(&r, "carbon.scope1.process_tco2", 4201.266666666667);
  TU_NEAR(&r, "energy.carriers[washed_coal].raw_material", 1500.0);
  tu_close(&r);
}
END_TEST

START_TEST(t_feedstock_own_ncv)
{
  tu_run r;
  load_raw(&r, "meters:\n"
               "  - {id: G1, carrier: natural_gas, level: 1, total: \"1,000 万m3\"}\n"
               "factors:\n"
               "  natural_gas:\n"
               "    ncv: \"36,000 kJ/m3\"\n"
               "    carbon_content: \"0.0150 tC/GJ\"\n"
               "    source: {zh: 气质分析, en: Gas analyses}\n"
               "process_emissions:\n"
               "  - id: F1\n"
               "    name: {zh: 原料气, en: Feed gas}\n"
               "    rule: feedstock_carbon\n"
               "    carrier: natural_gas\n"
               "    activity: \"400 万m3\"\n");
  /* the facility's own NCV and CC: 0.036 GJ/m3 × 0.0150 tC/GJ
     = 0.00054 tC/m3; 4,000,000 m3 × 0.00054 × 44/12 = 7,920 tCO2 */
  TU_NEAR(&r, "carbon.scope1.process[F1].inputs[key=carbon_content].value",
          0.00054);
  TU_NEAR(&r, "carbon.scope1.process[F1].tco2", 7920.0);
  ck_assert(strstr(
      tu_str(&r, "carbon.scope1.process[F1].inputs[key=carbon_content].citation"),
      "the enterprise's NCV"));
  /* burnt 6,000,000 m3 × 0.036 × 0.0150 × 0.99 (the rules' oxidation)
     × 44/12 = 11,761.2 tCO2 */
  TU_NEAR(&r, "carbon.scope1.combustion[natural_gas].tco2", 11761.2);
  tu_close(&r);
}
END_TEST

/* }====================================================== */

Suite *gases_suite(void)
{
  Suite *s = suite_create("gases");
  TCase *tc = tcase_create("hand_worked");
  tcase_add_test(tc, t_oxide_cement_full);
  tcase_add_test(tc, t_oxide_lime_optional_zero);
  tcase_add_test(tc, t_carbonate_default_and_own_purity);
  tcase_add_test(tc, t_carbon_anode_defaults);
  tcase_add_test(tc, t_carbon_balance_steel);
  tcase_add_test(tc, t_gas_anode_effect_slope);
  tcase_add_test(tc, t_gas_sf6_and_gwp_sets);
  tcase_add_test(tc, t_gas_production_rules);
  tcase_add_test(tc, t_gas_wastewater);
  tcase_add_test(tc, t_gas_coal_mine);
  tcase_add_test(tc, t_no_gases);
  suite_add_tcase(s, tc);
  tc = tcase_create("feedstock");
  tcase_add_test(tc, t_feedstock_gas_default_carbon);
  tcase_add_test(tc, t_feedstock_split_product);
  tcase_add_test(tc, t_feedstock_split_no_product);
  tcase_add_test(tc, t_feedstock_whole_and_gas_product);
  tcase_add_test(tc, t_feedstock_own_ncv);
  suite_add_tcase(s, tc);
  return s;
}
