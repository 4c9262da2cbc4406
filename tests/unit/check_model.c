/* check_model.c — the facility loader: what it accepts, and the message
 * and position of each thing it refuses. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../generator/calc/calc.h"
#include "../../generator/load/ytree.h"
#include "suites.h"
#include "testutil.h"

static char yaml[16384];

/* A facility file of YTREE_APART_MIN bytes or more: model_load builds the
   model from a tree whose nodes it frees before it returns (ytree.h). The
   model and the results computed from it must not point into them (ASan
   reports any read of the freed nodes; a release build faults on the
   unmapped blocks), and the run's arena keeps the text and scalars, not
   the ~4 MB of nodes. */
START_TEST(t_large_file_tree_freed)
{
  char dir[] = "/tmp/auditgen-bigtree-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  char path[64];
  snprintf(path, sizeof path, "%s/big.yaml", dir);
  FILE *f = fopen(path, "w");
  ck_assert_ptr_nonnull(f);
  fprintf(f, "auditgen: 1\nfacility:\n  name: {zh: 大厂, en: Big plant}\n"
             "  industry: cement\n  province: zhejiang\n"
             "audit:\n  period: {from: 2016-01-01, to: 2016-12-31}\n"
             "units:\n  - {id: line, name: {zh: 生产线, en: Line}, "
             "stage: end_use}\nmeters:\n");
  enum { N = 1500 };
  for (int i = 0; i < N; i++) {
    fprintf(f, "  - id: M%05d\n    name: {zh: 计量点%05d, en: Metering "
               "point %05d}\n    carrier: electricity\n    level: 1\n"
               "    accuracy: 0.5S\n    from: outside\n    to: line\n"
               "    monthly: [",
            i, i, i);
    for (int k = 0; k < 12; k++)
      fprintf(f, "%s\"%d,%03d kWh\"", k ? ", " : "", 100 + i % 7, k);
    fprintf(f, "]\n");
  }
  fprintf(f, "products:\n  - {id: clinker, name: {zh: 熟料, en: Clinker}, "
             "quantity: \"1,000 t\", units: [line]}\n");
  long bytes = ftell(f);
  fclose(f);
  ck_assert_int_ge(bytes, (long)YTREE_APART_MIN);
  tu_run r;
  tu_open(&r);
  size_t before = arena_used(r.a);
  bool io = false;
  r.m = model_load(r.a, r.dl, r.u, r.f, path, path, &io);
  if (!r.m)
    diag_print(r.dl, stderr, true);
  ck_assert_ptr_nonnull(r.m);
  ck_assert_uint_eq(r.m->n_meters, N);
  size_t kept = arena_used(r.a) - before;
  /* the text, the scalars and the model: less than the tree alone (text,
     scalars and nodes), which the run's arena would hold with the model
     if the nodes were kept */
  arena *ta = arena_new();
  ytree_limits lim = ytree_default_limits();
  ck_assert_ptr_nonnull(
      ytree_load_file(ta, diag_new(ta), path, path, &lim, &io));
  ck_assert_msg(kept < arena_used(ta), "%zu bytes kept, the tree is %zu",
                kept, arena_used(ta));
  arena_free(ta);
  r.results = calc_run(r.a, r.dl, r.m, r.f, "big");
  ck_assert_ptr_nonnull(r.results);
  ck_assert_str_eq(tu_str(&r, "inputs.meters[1499].meter"), "M01499");
  ck_assert_str_eq(tu_str(&r, "inputs.meters[7].meter_name_en"),
                   "Metering point 00007");
  double want = 0;
  for (int i = 0; i < N; i++)
    for (int k = 0; k < 12; k++)
      want += (100 + i % 7) * 1000 + k;
  TU_NEAR(&r, "energy.carriers[0].purchased", want);
  tu_close(&r);
  unlink(path);
  rmdir(dir);
}
END_TEST

START_TEST(t_credit_code)
{
  /* GB 32100: weights 3^(i-1) mod 31; the sample's 91330522MA28C4K79N has
     Σ = 2024, 2024 mod 31 = 9, check = 31 − 9 = 22 = 'N'. */
  ck_assert_ptr_null(credit_code_problem("91330522MA28C4K79N"));
  ck_assert_ptr_nonnull(credit_code_problem("91330522MA28C4K79P"));
  ck_assert_ptr_nonnull(credit_code_problem("91330522MA28C4K79"));
  ck_assert_ptr_nonnull(credit_code_problem("91330522MA28C4KI9N")); /* I */
}
END_TEST

START_TEST(t_wrong_dimension)
{
  snprintf(yaml, sizeof yaml, "%s%s", TU_HEAD,
           "meters:\n"
           "  - {id: M3, carrier: raw_coal, level: 1, total: \"12 kWh\"}\n");
  tu_run r;
  tu_open(&r);
  tu_facility(&r, yaml);
  ck_assert_ptr_null(r.m);
  ck_assert_str_eq(tu_diags(&r),
                   "test.yaml:9:50: error: meters[M3].total: \"12 kWh\" does "
                   "not fit carrier raw_coal (mass: kg, t, 万t)\n");
  tu_close(&r);
}
END_TEST

/* {====================================================== helpers */

/* Loads head (TU_HEAD when NULL) + body into r. */
static void load(tu_run *r, const char *head, const char *body)
{
  snprintf(yaml, sizeof yaml, "%s%s", head ? head : TU_HEAD, body);
  tu_open(r);
  tu_facility(r, yaml);
}

/* Loads and expects acceptance with no diagnostics at all. */
static void accept(tu_run *r, const char *head, const char *body)
{
  load(r, head, body);
  ck_assert_msg(r->m != NULL, "refused:\n%s", tu_diags(r));
  ck_assert_str_eq(tu_diags(r), "");
}

/* Loads and expects refusal with exactly the diagnostics want. */
static void refuse(const char *head, const char *body, const char *want)
{
  tu_run r;
  load(&r, head, body);
  ck_assert_ptr_null(r.m);
  ck_assert_str_eq(tu_diags(&r), want);
  tu_close(&r);
}

/* A head: auditgen, facility (name, industry, then extra lines), audit
   with the given period. Lines: 1 auditgen, 2 facility:, 3 name,
   4 industry, then the extra lines, then audit: and period:. */
static const char *hd(const char *facility_extra, const char *period)
{
  static char h[2048];
  snprintf(h, sizeof h,
           "auditgen: 1\n"
           "facility:\n"
           "  name: {zh: 测试厂, en: Test plant}\n"
           "  industry: cement\n"
           "%s"
           "audit:\n"
           "  period: %s\n",
           facility_extra, period);
  return h;
}

/* The units the program lists for a dimension, as in its messages. */
static const char *units_of(const char *unit)
{
  static char list[256];
  units_for_dim(dim_of(unit), list, sizeof list);
  return list;
}

/* }====================================================== */
/* {====================================================== quantities */

/* Products: required of industry (GB/T 4754 sections B, C, D) unless a
   building_type is named; buildings, public institutions, "other" and
   other sections (hotels) need none. Loaded with model_load_text, not
   tu_facility, which would add TU_PRODUCTS. */
static bool loads_without_products(const char *facility_lines)
{
  tu_run r;
  tu_open(&r);
  snprintf(yaml, sizeof yaml,
           "auditgen: 1\n"
           "facility:\n"
           "  name: {zh: 测试楼, en: Test site}\n"
           "%s"
           "audit:\n"
           "  period: {from: 2016-01-01, to: 2016-12-31}\n"
           "meters:\n"
           "  - {id: E1, carrier: electricity, level: 1, total: \"1,000 "
           "kWh\"}\n",
           facility_lines);
  bool ok = model_load_text(r.a, r.dl, r.u, r.f, yaml, strlen(yaml),
                            "test.yaml") != NULL;
  const char *d = tu_diags(&r);
  if (!ok)
    ck_assert_msg(strstr(d, "\"products\"") != NULL, "%s", d);
  else
    ck_assert_msg(strstr(d, "products") == NULL, "%s", d);
  tu_close(&r);
  return ok;
}

START_TEST(t_products_required_of_industry)
{
  ck_assert(loads_without_products("  industry: building\n"
                                   "  floor_area: \"10,000 m2\"\n"));
  ck_assert(loads_without_products("  industry: public_institution\n"
                                   "  floor_area: \"10,000 m2\"\n"));
  ck_assert(loads_without_products("  industry: other\n"));
  ck_assert(loads_without_products("  industry: C3011\n"
                                   "  building_type: office_commercial\n"
                                   "  floor_area: \"10,000 m2\"\n"));
  ck_assert(loads_without_products("  industry: H61\n")); /* hotels */
  ck_assert(!loads_without_products("  industry: cement\n"));
  ck_assert(!loads_without_products("  industry: C3011\n"));
  ck_assert(!loads_without_products("  industry: D4411\n"));
  ck_assert(!loads_without_products("  industry: B06\n"));
}
END_TEST

/* A quantity may be a map {value:, unit:}. */
START_TEST(t_qty_map_accepted)
{
  tu_run r;
  accept(&r, NULL,
         "units:\n"
         "  - {id: kiln, name: {zh: 窑, en: Kiln}, stage: end_use}\n"
         "meters:\n"
         "  - {id: C1, carrier: raw_coal, level: 1, to: kiln, total: {value: "
         "\"10,000\", unit: t}}\n"
         "  - {id: E1, carrier: electricity, level: 1, total: {value: 1.5, "
         "unit: 万kWh}}\n"
         "  - {id: G1, carrier: natural_gas, level: 1, total: {value: 2, unit: "
         "万Nm3}}\n"
         "products:\n"
         "  - {id: p, name: {zh: 熟料, en: Clinker}, quantity: {value: 10, "
         "unit: 万t}, units: [kiln]}\n"
         "prices:\n"
         "  electricity: {value: 620, unit: CNY/MWh}\n");
  /* "10,000" t = 10,000 t */
  ck_assert_double_eq_tol(r.m->meters[0].quantity, 10000.0, 1e-9);
  /* 1.5 万kWh = 1.5 × 10,000 = 15,000 kWh */
  ck_assert_double_eq_tol(r.m->meters[1].quantity, 15000.0, 1e-9);
  /* 2 万Nm3 = 20,000 m3 */
  ck_assert_double_eq_tol(r.m->meters[2].quantity, 20000.0, 1e-9);
  /* 10 万t = 100,000 t */
  ck_assert_double_eq_tol(r.m->products[0].quantity.v, 100000.0, 1e-9);
  ck_assert_str_eq(r.m->products[0].unit, "t");
  /* 620 CNY/MWh = 0.62 CNY/kWh */
  ck_assert_double_eq_tol(r.m->prices[0].cny_per_unit, 0.62, 1e-12);
  tu_close(&r);
}
END_TEST

/* industry: a GB/T 4754-2017 code, its digits, a readable key or an own
   key; the JSON keeps what was written and adds the code and the
   bilingual name; the ETS sector (rules/ets.yaml names cement, i.e.
   C3011) matches by prefix. */
START_TEST(t_industry_codes)
{
  static const struct {
    const char *written, *code, *zh, *en;
    bool ets;
  } cases[] = {
      {"C34", "C34", "通用设备制造业", "Manufacture of general-purpose machinery",
       false},
      {"machinery", "C34", "通用设备制造业",
       "Manufacture of general-purpose machinery", false},
      {"\"34\"", "C34", "通用设备制造业",
       "Manufacture of general-purpose machinery", false},
      {"C3011", "C3011", "水泥制造", "Cement manufacturing", true},
      {"\"3011\"", "C3011", "水泥制造", "Cement manufacturing", true},
      {"cement", "C3011", "水泥制造", "Cement manufacturing", true},
      {"C3120", "C3120", "炼钢", "Steelmaking", true},
      {"C30", "C30", "非金属矿物制品业", "Manufacture of non-metallic mineral products",
       false},
      {"building", NULL, "公共建筑", "public buildings", false},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    char head[512];
    snprintf(head, sizeof head,
             "auditgen: 1\nfacility:\n  name: {zh: 测试厂, en: Test plant}\n"
             "  industry: %s\naudit:\n  period: {from: 2024-01-01, to: "
             "2024-12-31}\n",
             cases[i].written);
    tu_run r;
    accept(&r, head,
           "meters:\n"
           "  - {id: E1, carrier: electricity, level: 1, total: \"1,000 "
           "kWh\"}\n");
    ck_assert_ptr_nonnull(r.results);
    if (cases[i].code)
      ck_assert_str_eq(tu_str(&r, "facility.industry_code"), cases[i].code);
    else
      ck_assert(tu_is_null(&r, "facility.industry_code"));
    ck_assert_str_eq(tu_str(&r, "facility.industry_name.zh"), cases[i].zh);
    ck_assert_str_eq(tu_str(&r, "facility.industry_name.en"), cases[i].en);
    const value *cov = val_path(r.results, "carbon.ets.sector_covered");
    ck_assert_ptr_nonnull(cov);
    ck_assert_msg(cov->kind == VAL_BOOL && cov->b == cases[i].ets, "%s",
                  cases[i].written);
    tu_close(&r);
  }
}
END_TEST

/* Water is billed in m3 and counted in t: rules/carriers.yaml gives
   fresh, softened and deaerated water a density of 1 t/m3, so every form
   of a meter takes m3 (and its words), and a price per m3 is a price per
   t. Worked by hand: 349,469 m3 = 349,469 t; 1.2 万m3 = 12,000 t;
   500 方 = 500 t; 12 × 100 m3 = 1,200 t; register (2,500 − 1,000) × 10
   m3 = 15,000 t; 2,000 L = 2 t; 3.5 CNY/m3 = 3.5 CNY/t. */
START_TEST(t_water_by_volume)
{
  tu_run r;
  accept(&r, NULL,
         "meters:\n"
         "  - {id: W1, carrier: fresh_water, level: 1, total: \"349,469 m3\"}\n"
         "  - {id: W2, carrier: softened_water, level: 1, total: \"1.2万m3\"}\n"
         "  - {id: W3, carrier: deaerated_water, level: 1, total: \"500 方\"}\n"
         "  - {id: W4, carrier: fresh_water, level: 1, monthly: [\"100 m3\", "
         "\"100 m3\", \"100 m3\", \"100 m3\", \"100 m3\", \"100 m3\", "
         "\"100 m3\", \"100 m3\", \"100 m3\", \"100 m3\", \"100 t\", "
         "\"100 m3\"]}\n"
         "  - {id: W5, carrier: fresh_water, level: 1, register: {start: 1000, "
         "end: 2500, multiplier: 10, unit: m3}}\n"
         "  - {id: W6, carrier: fresh_water, level: 1, total: \"2,000 L\"}\n"
         "  - {id: E1, carrier: electricity, level: 1, total: \"3,022,482 度\"}\n"
         "prices:\n"
         "  fresh_water: \"3.5 CNY/m3\"\n"
         "  softened_water: \"12 元/t\"\n");
  ck_assert_double_eq_tol(r.m->meters[0].quantity, 349469.0, 1e-9);
  ck_assert_double_eq_tol(r.m->meters[1].quantity, 12000.0, 1e-9);
  ck_assert_double_eq_tol(r.m->meters[2].quantity, 500.0, 1e-9);
  ck_assert_double_eq_tol(r.m->meters[3].quantity, 1200.0, 1e-9);
  ck_assert_double_eq_tol(r.m->meters[4].quantity, 15000.0, 1e-9);
  ck_assert_double_eq_tol(r.m->meters[5].quantity, 2.0, 1e-12);
  /* 3,022,482 度 = 3,022,482 kWh */
  ck_assert_double_eq_tol(r.m->meters[6].quantity, 3022482.0, 1e-9);
  ck_assert_double_eq_tol(r.m->prices[0].cny_per_unit, 3.5, 1e-12);
  ck_assert_double_eq_tol(r.m->prices[1].cny_per_unit, 12.0, 1e-12);
  /* fresh water 349,469 + 1,200 + 15,000 + 2 = 365,671 t × 0.0857 kgce/t
     (GB/T 2589-2008, the edition in force for TU_HEAD's 2016 period)
     = 31,338.0047 kgce */
  ck_assert_ptr_nonnull(r.results);
  ck_assert_double_eq_tol(tu_num(&r, "energy.carriers[fresh_water].consumed"),
                          365671.0, 1e-6);
  ck_assert_double_eq_tol(tu_num(&r, "energy.carriers[fresh_water].tce"),
                          31.3380047, 1e-9);
  tu_close(&r);
}
END_TEST

/* A map quantity with the wrong dimension, an unknown (case-sensitive)
   unit and a value that is no number: all three reported, each where it
   is. Badly grouped thousands in a string quantity as well. */
START_TEST(t_qty_refused)
{
  char want[2048];
  snprintf(want, sizeof want,
           "test.yaml:9:53: error: meters[E1].total: \"12 t\" does not fit "
           "carrier electricity (energy: %s)\n"
           "test.yaml:10:71: error: meters[E2].total: unknown unit \"kwh\" in "
           "\"12 kwh\" (did you mean \"kWh\"? units are case-sensitive)\n"
           "test.yaml:11:61: error: meters[E3].total.value: \"lots\": not a "
           "number\n"
           "test.yaml:12:53: error: meters[E4].total: \"1,23,456 kWh\": "
           "thousands separators must group three digits (1,234,567.8)\n",
           units_of("kWh"));
  refuse(NULL,
         "meters:\n"
         "  - {id: E1, carrier: electricity, level: 1, total: {value: 12, "
         "unit: t}}\n"
         "  - {id: E2, carrier: electricity, level: 1, total: {value: 12, "
         "unit: kwh}}\n"
         "  - {id: E3, carrier: electricity, level: 1, total: {value: lots, "
         "unit: kWh}}\n"
         "  - {id: E4, carrier: electricity, level: 1, total: \"1,23,456 "
         "kWh\"}\n",
         want);
}
END_TEST

/* Ratios: "70%", a plain 0.2, a map {value: 10, unit: "%"}; together
   exactly 100 % of the shared unit. */
START_TEST(t_ratio_accepted)
{
  tu_run r;
  accept(&r, NULL,
         "units:\n"
         "  - {id: aux, name: {zh: 辅助, en: Auxiliary}, stage: end_use}\n"
         "meters:\n"
         "  - {id: E1, carrier: electricity, level: 1, total: \"1 kWh\"}\n"
         "products:\n"
         "  - {id: a, name: {zh: 甲, en: A}, quantity: \"1 t\", shared: "
         "[{unit: aux, share: \"70%\"}]}\n"
         "  - {id: b, name: {zh: 乙, en: B}, quantity: \"1 t\", shared: "
         "[{unit: aux, share: 0.2}]}\n"
         "  - {id: c, name: {zh: 丙, en: C}, quantity: \"1 t\", shared: "
         "[{unit: aux, share: {value: 10, unit: \"%\"}}]}\n");
  /* 70 % = 0.7; 0.2; 10 % = 0.1 (sum 1.0, not more than 100 %) */
  ck_assert_double_eq_tol(r.m->products[0].shared[0].share, 0.7, 1e-12);
  ck_assert_double_eq_tol(r.m->products[1].shared[0].share, 0.2, 1e-12);
  ck_assert_double_eq_tol(r.m->products[2].shared[0].share, 0.1, 1e-12);
  tu_close(&r);
}
END_TEST

START_TEST(t_ratio_refused)
{
  refuse(NULL,
         "units:\n"
         "  - {id: kiln, name: {zh: 窑, en: Kiln}, stage: end_use}\n"
         "  - {id: mill, name: {zh: 磨, en: Mill}, stage: end_use}\n"
         "  - {id: aux, name: {zh: 辅助, en: Auxiliary}, stage: end_use}\n"
         "meters:\n"
         "  - {id: E1, carrier: electricity, level: 1, total: \"1 kWh\"}\n"
         "products:\n"
         "  - {id: p, name: {zh: 甲, en: A}, quantity: \"1 t\", shared: "
         "[{unit: kiln, share: \"130 %\"}, {unit: mill, share: 1.5}, {unit: "
         "aux, share: \"70 kWh\"}]}\n",
         "test.yaml:15:81: error: products[p].shared[0].share: 130 % is "
         "outside 0 to 100 %\n"
         "test.yaml:15:111: error: products[p].shared[1].share: 1.5 is outside "
         "0 to 100 %\n"
         "test.yaml:15:136: error: products[p].shared[2].share: \"70 kWh\" is "
         "energy, expected a plain number or percent (%)\n");
}
END_TEST

/* }====================================================== */
/* {====================================================== names */

/* A plain string is used for both languages, with a warning; the model
   still loads. */
START_TEST(t_plain_name_warning)
{
  tu_run r;
  load(&r, NULL,
       "units:\n"
       "  - {id: kiln, name: 窑, stage: end_use}\n"
       "meters:\n"
       "  - {id: E1, carrier: electricity, level: 1, to: kiln, total: \"1 "
       "kWh\"}\n");
  ck_assert_msg(r.m != NULL, "%s", tu_diags(&r));
  ck_assert_str_eq(tu_diags(&r),
                   "test.yaml:9:22: warning: units[kiln].name: a plain string is "
                   "used for both languages; write {zh: ..., en: ...}\n");
  ck_assert_str_eq(r.m->units[0].name.zh, "窑");
  ck_assert_str_eq(r.m->units[0].name.en, "窑");
  ck_assert_ptr_nonnull(r.results);
  tu_close(&r);
}
END_TEST

START_TEST(t_name_incomplete)
{
  refuse(NULL,
         "units:\n"
         "  - {id: kiln, name: {zh: 窑}, stage: end_use}\n"
         "meters:\n"
         "  - {id: E1, carrier: electricity, level: 1, total: \"1 kWh\"}\n",
         "test.yaml:9:22: error: units[kiln].name: missing required key \"en\"\n");
}
END_TEST

/* }====================================================== */
/* {====================================================== references */

START_TEST(t_carrier_did_you_mean)
{
  refuse(NULL,
         "meters:\n"
         "  - {id: E1, carrier: electricty, level: 1, total: \"1 kWh\"}\n"
         "  - {id: W1, carrier: widgets, level: 1, total: \"1 t\"}\n"
         "stock:\n"
         "  - {carrier: raw_cole, opening: \"1 t\", closing: \"2 t\"}\n"
         "factors:\n"
         "  raw_col: {ncv: \"20 MJ/kg\", source: {zh: 化验, en: Lab}}\n",
         "test.yaml:9:23: error: meters[E1].carrier: unknown carrier "
         "\"electricty\" (did you mean \"electricity\"?); a carrier outside "
         "rules/carriers.yaml must come from a unit of stage conversion\n"
         "test.yaml:10:23: error: meters[W1].carrier: unknown carrier "
         "\"widgets\"; a carrier outside rules/carriers.yaml must come from a "
         "unit of stage conversion\n"
         "test.yaml:12:15: error: stock[0].carrier: unknown carrier "
         "\"raw_cole\" (did you mean \"raw_coal\"?)\n"
         "test.yaml:14:3: error: factors: unknown carrier \"raw_col\" (did you "
         "mean \"raw_coal\"?)\n");
}
END_TEST

START_TEST(t_unit_did_you_mean)
{
  refuse(NULL,
         "units:\n"
         "  - {id: kiln, name: {zh: 窑, en: Kiln}, stage: end_use}\n"
         "  - {id: mill, name: {zh: 磨, en: Mill}, stage: end_use, parent: "
         "kil}\n"
         "meters:\n"
         "  - {id: E1, carrier: electricity, level: 1, total: \"1 kWh\"}\n"
         "  - {id: E2, carrier: electricity, level: 2, to: kil, total: \"1 "
         "kWh\"}\n"
         "  - {id: E3, carrier: electricity, level: 2, from: sit, to: mill, "
         "total: \"1 kWh\"}\n"
         "products:\n"
         "  - {id: p, name: {zh: 甲, en: A}, quantity: \"1 t\", units: [kil], "
         "shared: [{unit: mil, share: 0.5}]}\n",
         "test.yaml:10:65: error: units[mill].parent: unknown unit \"kil\" "
         "(did you mean \"kiln\"?)\n"
         "test.yaml:13:50: error: meters[E2].to: unknown place (a unit id, "
         "site or outside) \"kil\" (did you mean \"kiln\"?)\n"
         "test.yaml:14:52: error: meters[E3].from: unknown place (a unit id, "
         "site or outside) \"sit\" (did you mean \"site\"?)\n"
         "test.yaml:16:60: error: products[p].units[0]: unknown unit \"kil\" "
         "(did you mean \"kiln\"?)\n"
         "test.yaml:16:82: error: products[p].shared[0].unit: unknown unit "
         "\"mil\" (did you mean \"mill\"?)\n");
}
END_TEST

START_TEST(t_unknown_place)
{
  refuse(NULL,
         "units:\n"
         "  - {id: kiln, name: {zh: 窑, en: Kiln}, stage: end_use}\n"
         "meters:\n"
         "  - {id: E1, carrier: electricity, level: 1, total: \"1 kWh\"}\n"
         "  - {id: E2, carrier: electricity, level: 2, to: warehouse, total: "
         "\"1 kWh\"}\n",
         "test.yaml:12:50: error: meters[E2].to: unknown place (a unit id, "
         "site or outside) \"warehouse\"\n");
}
END_TEST

/* from == to is refused. (Where it points: see t_from_equals_to_position,
   a PROGRAM DISAGREES test; here only the message.) */
START_TEST(t_from_equals_to)
{
  tu_run r;
  load(&r, NULL,
       "units:\n"
       "  - {id: kiln, name: {zh: 窑, en: Kiln}, stage: end_use}\n"
       "meters:\n"
       "  - {id: E1, carrier: electricity, level: 1, total: \"1 kWh\"}\n"
       "  - {id: E2, carrier: electricity, level: 2, from: kiln, to: kiln, "
       "total: \"1 kWh\"}\n");
  ck_assert_ptr_null(r.m);
  const char *d = tu_diags(&r);
  ck_assert_ptr_nonnull(
      strstr(d, "error: meters[E2]: from and to are both \"kiln\"\n"));
  ck_assert_ptr_nonnull(strstr(d, "test.yaml:12:"));
  ck_assert_uint_eq(diag_errors(r.dl), 1);
  tu_close(&r);
}
END_TEST

/* A carrier outside the rules is accepted when a conversion unit makes
   it; it takes its base unit from the first meter. */
START_TEST(t_own_carrier_accepted)
{
  tu_run r;
  accept(&r, NULL,
         "units:\n"
         "  - {id: boiler, name: {zh: 锅炉房, en: Boiler house}, stage: "
         "conversion}\n"
         "  - {id: plant, name: {zh: 车间, en: Workshop}, stage: end_use}\n"
         "meters:\n"
         "  - {id: C1, carrier: raw_coal, level: 1, to: boiler, total: \"100 "
         "t\"}\n"
         "  - {id: S1, carrier: lp_steam, level: 2, from: boiler, to: plant, "
         "total: \"500,000 kg\"}\n");
  ck_assert_uint_eq(r.m->n_own, 1);
  ck_assert_str_eq(r.m->own_carriers[0], "lp_steam");
  ck_assert_str_eq(r.m->own_units[0], "t");
  /* 500,000 kg = 500 t */
  ck_assert_double_eq_tol(r.m->meters[1].quantity, 500.0, 1e-9);
  tu_close(&r);
}
END_TEST

/* ... and refused when it only comes from an end-use unit or from outside. */
START_TEST(t_own_carrier_refused)
{
  refuse(NULL,
         "units:\n"
         "  - {id: boiler, name: {zh: 锅炉房, en: Boiler house}, stage: "
         "conversion}\n"
         "  - {id: plant, name: {zh: 车间, en: Workshop}, stage: end_use}\n"
         "meters:\n"
         "  - {id: C1, carrier: raw_coal, level: 1, to: boiler, total: \"100 "
         "t\"}\n"
         "  - {id: S1, carrier: lp_steam, level: 2, from: plant, to: boiler, "
         "total: \"5 t\"}\n"
         "  - {id: S2, carrier: hp_steam, level: 1, to: plant, total: \"5 "
         "t\"}\n",
         "test.yaml:13:23: error: meters[S1].carrier: unknown carrier "
         "\"lp_steam\"; a carrier outside rules/carriers.yaml must come from a "
         "unit of stage conversion\n"
         "test.yaml:14:23: error: meters[S2].carrier: unknown carrier "
         "\"hp_steam\"; a carrier outside rules/carriers.yaml must come from a "
         "unit of stage conversion\n");
}
END_TEST

/* }====================================================== */
/* {====================================================== period and dates */

/* A 6-month period takes exactly 6 monthly values. */
START_TEST(t_monthly_count)
{
  const char *six = hd("", "{from: 2016-03-01, to: 2016-08-31}");
  tu_run r;
  accept(&r, six,
         "meters:\n"
         "  - {id: E1, carrier: electricity, level: 1, monthly: [\"1 kWh\", "
         "\"2 kWh\", \"3 kWh\", \"4 kWh\", \"5 kWh\", \"6 kWh\"]}\n");
  /* Mar..Aug = 6 months; Σ 1 + 2 + … + 6 = 21 kWh */
  ck_assert_int_eq(r.m->months, 6);
  ck_assert_double_eq_tol(r.m->meters[0].quantity, 21.0, 1e-12);
  tu_close(&r);
  refuse(six,
         "meters:\n"
         "  - {id: E1, carrier: electricity, level: 1, monthly: [\"1 kWh\", "
         "\"2 kWh\", \"3 kWh\", \"4 kWh\", \"5 kWh\"]}\n",
         "test.yaml:8:55: error: meters[E1].monthly: 5 monthly values, but the "
         "audit period 2016-03 to 2016-08 has 6 months\n");
  refuse(six,
         "meters:\n"
         "  - {id: E1, carrier: electricity, level: 1, monthly: [\"1 kWh\", "
         "\"1 kWh\", \"1 kWh\", \"1 kWh\", \"1 kWh\", \"1 kWh\", \"1 kWh\", "
         "\"1 kWh\", \"1 kWh\", \"1 kWh\", \"1 kWh\", \"1 kWh\"]}\n",
         "test.yaml:8:55: error: meters[E1].monthly: 12 monthly values, but "
         "the audit period 2016-03 to 2016-08 has 6 months\n");
  /* 2016-01-15 .. 2016-02-14 touches two calendar months: two values */
  accept(&r, hd("", "{from: 2016-01-15, to: 2016-02-14}"),
         "meters:\n"
         "  - {id: E1, carrier: electricity, level: 1, monthly: [\"1 kWh\", "
         "\"2 kWh\"]}\n");
  ck_assert_int_eq(r.m->months, 2);
  tu_close(&r);
}
END_TEST

START_TEST(t_leap_year)
{
  static const char meters[] =
      "meters:\n"
      "  - {id: E1, carrier: electricity, level: 1, total: \"1 kWh\"}\n";
  tu_run r;
  /* 2016 is a leap year (÷4, not ÷100) */
  accept(&r, hd("", "{from: 2016-02-01, to: 2016-02-29}"), meters);
  ck_assert_int_eq(r.m->to.d, 29);
  tu_close(&r);
  /* 2000 is a leap year (÷400) */
  accept(&r, hd("", "{from: 2000-02-01, to: 2000-02-29}"), meters);
  tu_close(&r);
  /* 2015 is not */
  refuse(hd("", "{from: 2015-01-01, to: 2015-02-29}"), meters,
         "test.yaml:6:34: error: audit.period.to: 2015-02-29 is not a date in "
         "the calendar\n");
  /* nor is 2100 (÷100, not ÷400) */
  refuse(hd("", "{from: 2100-01-01, to: 2100-02-29}"), meters,
         "test.yaml:6:34: error: audit.period.to: 2100-02-29 is not a date in "
         "the calendar\n");
}
END_TEST

/* The baseline period must end before the audit period begins. */
START_TEST(t_baseline_order)
{
  static const char meters[] =
      "meters:\n"
      "  - {id: E1, carrier: electricity, level: 1, total: \"1 kWh\"}\n";
  char body[512];
  snprintf(body, sizeof body, "%s%s", meters,
           "baseline:\n"
           "  period: {from: 2015-01-01, to: 2015-12-31}\n");
  tu_run r;
  accept(&r, NULL, body);
  ck_assert(r.m->baseline.present);
  tu_close(&r);
  /* ends on the audit period's first day: one day of overlap */
  snprintf(body, sizeof body, "%s%s", meters,
           "baseline:\n"
           "  period: {from: 2015-02-01, to: 2016-01-01}\n");
  refuse(NULL, body,
         "test.yaml:11:11: error: baseline.period: the base period must end "
         "before the audit period begins\n");
  /* reversed */
  snprintf(body, sizeof body, "%s%s", meters,
           "baseline:\n"
           "  period: {from: 2015-12-31, to: 2015-01-01}\n");
  refuse(NULL, body,
         "test.yaml:11:34: error: baseline.period: reversed period: to "
         "2015-01-01 is before from 2015-12-31\n");
}
END_TEST

/* }====================================================== */
/* {====================================================== facility */

static const char ONE_METER[] =
    "meters:\n"
    "  - {id: E1, carrier: electricity, level: 1, total: \"1 kWh\"}\n";

START_TEST(t_grid_enum)
{
  tu_run r;
  accept(&r, hd("  grid: east_china\n", "{from: 2016-01-01, to: 2016-12-31}"),
         ONE_METER);
  ck_assert_str_eq(r.m->grid, "east_china");
  tu_close(&r);
  refuse(hd("  grid: east-china\n", "{from: 2016-01-01, to: 2016-12-31}"),
         ONE_METER,
         "test.yaml:5:9: error: facility.grid: \"east-china\" is not one of "
         "north, northeast, east_china, central, northwest, south, southwest, "
         "national (did you mean \"east_china\"?)\n");
  /* case matters: EAST_CHINA is 9 edits from east_china, more than a
     third of its 10 characters: no hint */
  refuse(hd("  grid: EAST_CHINA\n", "{from: 2016-01-01, to: 2016-12-31}"),
         ONE_METER,
         "test.yaml:5:9: error: facility.grid: \"EAST_CHINA\" is not one of "
         "north, northeast, east_china, central, northwest, south, southwest, "
         "national\n");
}
END_TEST

START_TEST(t_province_unknown)
{
  tu_run r;
  accept(&r,
         hd("  province: zhejiang\n", "{from: 2016-01-01, to: 2016-12-31}"),
         ONE_METER);
  ck_assert_str_eq(r.m->province, "zhejiang");
  tu_close(&r);
  refuse(hd("  province: zhejiangg\n", "{from: 2016-01-01, to: 2016-12-31}"),
         ONE_METER,
         "test.yaml:5:13: error: facility.province: unknown province "
         "\"zhejiangg\" (did you mean \"zhejiang\"?)\n");
  refuse(hd("  province: atlantis\n", "{from: 2016-01-01, to: 2016-12-31}"),
         ONE_METER,
         "test.yaml:5:13: error: facility.province: unknown province "
         "\"atlantis\"\n");
}
END_TEST

START_TEST(t_employees)
{
  tu_run r;
  accept(&r, hd("  employees: \"1,200\"\n", "{from: 2016-01-01, to: 2016-12-31}"),
         ONE_METER);
  ck_assert(r.m->has_employees);
  ck_assert_int_eq(r.m->employees, 1200);
  tu_close(&r);
  refuse(hd("  employees: 420.5\n", "{from: 2016-01-01, to: 2016-12-31}"),
         ONE_METER,
         "test.yaml:5:14: error: facility.employees: expected a whole number "
         "from 0 to 10000000, found 420.5\n");
  refuse(hd("  employees: -3\n", "{from: 2016-01-01, to: 2016-12-31}"),
         ONE_METER,
         "test.yaml:5:14: error: facility.employees: expected a whole number "
         "from 0 to 10000000, found -3\n");
}
END_TEST

/* Every error of a file at once, in the order of the file. */
START_TEST(t_all_errors_at_once)
{
  refuse(hd("  province: zhejiangg\n"
            "  grid: east-china\n"
            "  employees: 420.5\n",
            "{from: 2015-01-01, to: 2015-02-29}"),
         "meters:\n"
         "  - {id: E1, carrier: electricty, level: 1, total: \"1 kWh\"}\n",
         "test.yaml:5:13: error: facility.province: unknown province "
         "\"zhejiangg\" (did you mean \"zhejiang\"?)\n"
         "test.yaml:6:9: error: facility.grid: \"east-china\" is not one of "
         "north, northeast, east_china, central, northwest, south, southwest, "
         "national (did you mean \"east_china\"?)\n"
         "test.yaml:7:14: error: facility.employees: expected a whole number "
         "from 0 to 10000000, found 420.5\n"
         "test.yaml:9:34: error: audit.period.to: 2015-02-29 is not a date in "
         "the calendar\n"
         "test.yaml:11:23: error: meters[E1].carrier: unknown carrier "
         "\"electricty\" (did you mean \"electricity\"?); a carrier outside "
         "rules/carriers.yaml must come from a unit of stage conversion\n");
}
END_TEST

/* }====================================================== */
/* {====================================================== disagreements */

/* {====================================================== report keys */

/* facility.capacity and .process, audit.team, a measure's plan and a
   price's VAT are read into the model as written. */
START_TEST(t_report_keys_accepted)
{
  tu_run r;
  accept(&r,
         hd("  capacity:\n"
            "    - {name: {zh: 熟料线, en: Clinker line}, value: \"5,000 t/d\"}\n"
            "    - {name: {zh: 余热发电, en: Waste heat}, value: \"9 MW\"}\n"
            "    - {name: {zh: 水泥, en: Cement}, value: \"200 万t/a\"}\n"
            "  process: {zh: 新型干法, en: New dry process}\n",
            "{from: 2016-01-01, to: 2016-12-31}\n"
            "  team:\n"
            "    - {name: {zh: 王建国, en: Wang Jianguo}, role: {zh: 组长, en: "
            "Leader}, qualification: {zh: 高工, en: Senior engineer}, "
            "certificate: ZJ-0217}\n"
            "    - {name: {zh: 李燕, en: Li Yan}, role: {zh: 审计员, en: "
            "Auditor}}\n"),
         "meters:\n"
         "  - {id: E1, carrier: electricity, level: 1, total: \"1,000 kWh\"}\n"
         "prices:\n"
         "  electricity: {price: \"0.6 CNY/kWh\", vat: excluded}\n"
         "  raw_coal: {price: \"568 CNY/t\", vat: included}\n"
         "  diesel: \"6,150 CNY/t\"\n"
         "measures:\n"
         "  - id: M1\n"
         "    name: {zh: 变频, en: VFD}\n"
         "    investment: \"100,000 CNY\"\n"
         "    saves: [{carrier: electricity, amount: \"100 kWh\"}]\n"
         "    lifetime: \"10 a\"\n"
         "    situation: {zh: 阀门调节, en: Damper control}\n"
         "    scheme: {zh: 加装变频器, en: Fit a drive}\n"
         "    saving_basis: {zh: 按相似定律, en: Affinity laws}\n"
         "    schedule: {start: 2017-07-01, finish: 2017-08-31}\n"
         "    operating_hours: \"7,680 h\"\n"
         "  - id: M2\n"
         "    name: {zh: 照明, en: Lighting}\n"
         "    investment: \"10,000 CNY\"\n"
         "    saves: [{carrier: electricity, amount: \"10 kWh\"}]\n"
         "    lifetime: \"5 a\"\n"
         "    schedule: {months: 3}\n"
         "    operating_hours: \"1 a\"\n");
  const model *m = r.m;
  ck_assert_uint_eq(m->n_capacity, 3);
  /* 5,000 t/d = 5,000 / 24 t/h; 9 MW = 32,400 MJ/h */
  ck_assert_double_eq_tol(m->capacity[0].value.v, 5000.0 / 24, 1e-9);
  ck_assert_double_eq_tol(m->capacity[1].value.v, 32400.0, 1e-9);
  ck_assert_str_eq(m->capacity[2].value.text, "200 万t/a");
  ck_assert(m->has_process_route);
  ck_assert_str_eq(m->process_route.en, "New dry process");
  ck_assert_uint_eq(m->n_team, 2);
  ck_assert_str_eq(m->team[0].certificate, "ZJ-0217");
  ck_assert(m->team[0].has_qualification);
  ck_assert(!m->team[1].has_qualification);
  ck_assert_ptr_null(m->team[1].certificate);
  ck_assert_int_eq(m->prices[0].vat, VAT_EXCLUDED);
  ck_assert_int_eq(m->prices[1].vat, VAT_INCLUDED);
  ck_assert_int_eq(m->prices[2].vat, VAT_NOT_STATED);
  ck_assert_double_eq_tol(m->prices[0].cny_per_unit, 0.6, 1e-12);
  const m_measure *a = &m->measures[0], *b = &m->measures[1];
  ck_assert(a->has_situation && a->has_scheme && a->has_saving_basis);
  ck_assert(a->has_start && a->has_finish);
  ck_assert_int_eq(a->finish.m, 8);
  ck_assert_int_eq(a->months, 0);
  ck_assert_double_eq_tol(a->operating_hours, 7680, 1e-9);
  ck_assert(!b->has_situation && !b->has_start && !b->has_finish);
  ck_assert_int_eq(b->months, 3);
  /* a whole year of 8,760 h is within the 8,784 of a leap year */
  ck_assert_double_eq_tol(b->operating_hours, 8760, 1e-9);
  tu_close(&r);
}
END_TEST

/* Every error of the new keys in one run, each at its place (hd leaves
   a blank line after the team, line 12). */
START_TEST(t_report_keys_all_errors)
{
  refuse(hd("  capacity:\n"
            "    - {name: {zh: 熟料线, en: Clinker line}, value: \"5,000 "
            "t/h/h\"}\n"
            "    - {name: {zh: 窑, en: Kiln}, value: \"-3 t/h\"}\n",
            "{from: 2016-01-01, to: 2016-12-31}\n"
            "  team:\n"
            "    - {name: {zh: 王, en: Wang}, role: {zh: 组长, en: Leader}, "
            "certificate: \"a\\nb\"}\n"),
         "meters:\n"
         "  - {id: E1, carrier: electricity, level: 1, total: \"1,000 kWh\"}\n"
         "prices:\n"
         "  electricity: {price: \"0.6 CNY/kWh\", vat: net}\n"
         "measures:\n"
         "  - id: M1\n"
         "    name: {zh: 变频, en: VFD}\n"
         "    investment: \"100,000 CNY\"\n"
         "    saves: [{carrier: electricity, amount: \"100 kWh\"}]\n"
         "    lifetime: \"10 a\"\n"
         "    schedule: {start: 2017-07-01, finish: 2017-06-01}\n"
         "    operating_hours: \"8,785 h\"\n",
         "test.yaml:6:50: error: facility.capacity[0].value: unknown unit "
         "\"t/h/h\" in \"5,000 t/h/h\"\n"
         "test.yaml:7:40: error: facility.capacity[1].value: must be greater "
         "than zero, found -3 t/h\n"
         "test.yaml:11:74: error: audit.team[0].certificate: expected a "
         "certificate number of 1 to 64 characters on one line\n"
         "test.yaml:16:44: error: prices.electricity.vat: \"net\" is not one "
         "of included, excluded\n"
         "test.yaml:23:43: error: measures[M1].schedule.finish: 2017-06-01 is "
         "before start 2017-07-01\n"
         "test.yaml:24:22: error: measures[M1].operating_hours: 8,785 h is not "
         "a number of hours in a year (more than 0, at most 8,784 h)\n");
}
END_TEST

/* }====================================================== */

/* PROGRAM DISAGREES: a misspelt price key gets no "did you mean", unlike
   every other carrier reference (meters, stock, factors). Program:
   "test.yaml:11:3: error: prices: unknown carrier \"electricty\"". */
START_TEST(t_price_did_you_mean)
{
  refuse(NULL,
         "meters:\n"
         "  - {id: E1, carrier: electricity, level: 1, total: \"1 kWh\"}\n"
         "prices:\n"
         "  electricty: \"0.6 CNY/kWh\"\n",
         "test.yaml:11:3: error: prices: unknown carrier \"electricty\" (did "
         "you mean \"electricity\"?)\n");
}
END_TEST

/* PROGRAM DISAGREES: a carrier made in-house metered in a unit that is no
   mass, volume or energy (here CNY) is silently dropped: no diagnostic,
   the model loads, and the meter counts nothing. It must be refused. */
START_TEST(t_own_carrier_odd_unit)
{
  tu_run r;
  load(&r, NULL,
       "units:\n"
       "  - {id: boiler, name: {zh: 锅炉房, en: Boiler house}, stage: "
       "conversion}\n"
       "meters:\n"
       "  - {id: C1, carrier: raw_coal, level: 1, to: boiler, total: \"100 "
       "t\"}\n"
       "  - {id: W1, carrier: widgets, level: 2, from: boiler, total: \"5 "
       "CNY\"}\n");
  ck_assert_msg(r.m == NULL, "accepted; diagnostics: \"%s\"", tu_diags(&r));
  tu_close(&r);
}
END_TEST

/* PROGRAM DISAGREES: a carrier outside the rules that one conversion unit
   makes may also be bought (from: outside); the bought part then has no
   coefficient and counts 0 kgce in total_tce, silently (lp_steam 5,000 t
   purchased: consumed 5,000, coefficient 0, tce 0). It must be refused
   (or need an ncv override). */
START_TEST(t_own_carrier_purchased)
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
       "total: \"5,000 t\"}\n"
       "  - {id: S2, carrier: lp_steam, level: 1, to: plant, total: \"5,000 "
       "t\"}\n");
  ck_assert_msg(r.m == NULL, "accepted; diagnostics: \"%s\"", tu_diags(&r));
  tu_close(&r);
}
END_TEST

/* from: outside with to: outside is one mistake and gets one error. (The
   loader of the first commit gave two, "from and to are both \"outside\""
   and "a flow from outside to outside"; fixed since.) */
START_TEST(t_outside_to_outside_once)
{
  tu_run r;
  load(&r, NULL,
       "meters:\n"
       "  - {id: E1, carrier: electricity, level: 1, from: outside, to: "
       "outside, total: \"1 kWh\"}\n");
  ck_assert_ptr_null(r.m);
  ck_assert_uint_eq(diag_errors(r.dl), 1);
  tu_close(&r);
}
END_TEST

/* PROGRAM DISAGREES: an unknown from: (a typo of outside) leaves from at
   its default outside, and with to: outside the meter also gets a false
   "from and to are both \"outside\"" (the first commit: two false
   errors). Only the unknown-place error is right. */
START_TEST(t_unknown_from_no_cascade)
{
  refuse(NULL,
         "meters:\n"
         "  - {id: E1, carrier: electricity, level: 1, from: outsid, to: "
         "outside, total: \"1 kWh\"}\n",
         "test.yaml:9:52: error: meters[E1].from: unknown place (a unit id, "
         "site or outside) \"outsid\" (did you mean \"outside\"?)\n");
}
END_TEST

/* PROGRAM DISAGREES: the same cascade from an unknown to: (default
   site) beside from: site: a false "from and to are both \"site\"" at
   12:5 besides the right error. Program: 2 errors. */
START_TEST(t_unknown_to_no_cascade)
{
  refuse(NULL,
         "units:\n"
         "  - {id: kiln, name: {zh: 窑, en: Kiln}, stage: end_use}\n"
         "meters:\n"
         "  - {id: E1, carrier: electricity, level: 1, total: \"1 kWh\"}\n"
         "  - {id: E2, carrier: electricity, level: 2, from: site, to: kil, "
         "total: \"1 kWh\"}\n",
         "test.yaml:12:62: error: meters[E2].to: unknown place (a unit id, "
         "site or outside) \"kil\" (did you mean \"kiln\"?)\n");
}
END_TEST

/* PROGRAM DISAGREES: from == to points at the start of the meter (col 5)
   rather than at the to: value that repeats from: (col 62). */
START_TEST(t_from_equals_to_position)
{
  refuse(NULL,
         "units:\n"
         "  - {id: kiln, name: {zh: 窑, en: Kiln}, stage: end_use}\n"
         "meters:\n"
         "  - {id: E1, carrier: electricity, level: 1, total: \"1 kWh\"}\n"
         "  - {id: E2, carrier: electricity, level: 2, from: kiln, to: kiln, "
         "total: \"1 kWh\"}\n",
         "test.yaml:12:62: error: meters[E2]: from and to are both \"kiln\"\n");
}
END_TEST

/* PROGRAM DISAGREES: a shared entry whose share is bad hides an unknown
   unit in the same entry: only the share is reported ("all errors at
   once" is not met). */
START_TEST(t_shared_all_errors)
{
  refuse(NULL,
         "units:\n"
         "  - {id: aux, name: {zh: 辅助, en: Auxiliary}, stage: end_use}\n"
         "meters:\n"
         "  - {id: E1, carrier: electricity, level: 1, total: \"1 kWh\"}\n"
         "products:\n"
         "  - {id: p, name: {zh: 甲, en: A}, quantity: \"1 t\", shared: "
         "[{unit: au, share: \"170 %\"}]}\n",
         "test.yaml:13:68: error: products[p].shared[0].unit: unknown unit "
         "\"au\" (did you mean \"aux\"?)\n"
         "test.yaml:13:79: error: products[p].shared[0].share: 170 % is "
         "outside 0 to 100 %\n");
}
END_TEST

/* PROGRAM DISAGREES: a map quantity with a misspelt unit: key is shown
   with a stray space, the value and an empty unit: first as "\"5 \" does
   not fit carrier electricity", now as "5  has no unit; write it with the
   unit, e.g. \"5  kWh\"" (two spaces). */
START_TEST(t_qty_map_text)
{
  tu_run r;
  load(&r, NULL,
       "meters:\n"
       "  - {id: E1, carrier: electricity, level: 1, total: {value: 5, units: "
       "kWh}}\n");
  ck_assert_ptr_null(r.m);
  const char *d = tu_diags(&r);
  ck_assert_ptr_null(strstr(d, "\"5 \""));
  ck_assert_ptr_null(strstr(d, "5  "));
  tu_close(&r);
}
END_TEST

/* }====================================================== */
/* {====================================================== limits */

/* A facility of n lines made by line(i), after the head; malloc'd. */
static char *big(const char *head, const char *list, size_t n,
                 void (*line)(char *, size_t, size_t), const char *tail)
{
  size_t cap = strlen(head) + strlen(list) + strlen(tail) + n * 160 + 1;
  char *t = malloc(cap), one[160];
  size_t len = (size_t)snprintf(t, cap, "%s%s", head, list);
  for (size_t i = 0; i < n; i++) {
    line(one, sizeof one, i);
    len += (size_t)snprintf(t + len, cap - len, "%s", one);
  }
  snprintf(t + len, cap - len, "%s", tail);
  return t;
}

static void unit_line(char *b, size_t cap, size_t i)
{
  snprintf(b, cap, "  - {id: u%zu, name: {zh: 单元, en: Unit}, stage: end_use}\n",
           i);
}

static void chain_line(char *b, size_t cap, size_t i)
{
  if (i == 0)
    unit_line(b, cap, i);
  else
    snprintf(b, cap,
             "  - {id: u%zu, name: {zh: 单元, en: Unit}, stage: end_use, "
             "parent: u%zu}\n",
             i, i - 1);
}

static void meter_line(char *b, size_t cap, size_t i)
{
  snprintf(b, cap, "  - {id: E%zu, carrier: electricity, level: 1, total: "
                   "\"1 kWh\"}\n",
           i);
}

static void product_line(char *b, size_t cap, size_t i)
{
  snprintf(b, cap, "  - {id: p%zu, name: {zh: 品, en: P}, quantity: \"1 t\"}\n",
           i);
}

/* Counts bound the work of a run: more units, meters or products than a
   file may have is one error at the list, and nothing of it is read. */
START_TEST(t_count_limits)
{
  struct {
    const char *list;
    size_t n;
    void (*line)(char *, size_t, size_t);
    const char *tail, *want;
  } cases[] = {
      {"units:\n", 5001, unit_line, ONE_METER,
       "units: 5001 entries, more than the 5000 one facility file may have"},
      {"meters:\n", 20001, meter_line, "",
       "meters: 20001 entries, more than the 20000 one facility file may "
       "have"},
      {"products:\n", 1001, product_line, ONE_METER,
       "products: 1001 entries, more than the 1000 one facility file may "
       "have"},
  };
  for (size_t k = 0; k < 3; k++) {
    char *t = big(TU_HEAD, cases[k].list, cases[k].n, cases[k].line,
                  cases[k].tail);
    tu_run r;
    tu_open(&r);
    tu_facility(&r, t);
    ck_assert_ptr_null(r.m);
    ck_assert_msg(strstr(tu_diags(&r), cases[k].want) != NULL, "%s",
                  tu_diags(&r));
    /* one error: the entries are not read one by one */
    ck_assert_uint_eq(diag_errors(r.dl), 1);
    tu_close(&r);
    free(t);
    /* one fewer is fine */
    t = big(TU_HEAD, cases[k].list, cases[k].n - 1, cases[k].line,
            cases[k].tail);
    tu_open(&r);
    tu_facility(&r, t);
    ck_assert_msg(strstr(tu_diags(&r), "entries, more than") == NULL, "%s",
                  tu_diags(&r));
    tu_close(&r);
    free(t);
  }
}
END_TEST

/* Units nest at most 32 levels: u32 is the 33rd of a chain. A chain of
   5,000 is refused with the same one error, quickly (every walk up the
   tree is bounded by the limit). */
START_TEST(t_units_too_deep)
{
  size_t lens[] = {32, 33, 5000};
  for (size_t k = 0; k < 3; k++) {
    char *t = big(TU_HEAD, "units:\n", lens[k], chain_line, ONE_METER);
    tu_run r;
    tu_open(&r);
    tu_facility(&r, t);
    if (k == 0) {
      ck_assert_msg(r.m != NULL, "%s", tu_diags(&r));
    } else {
      ck_assert_ptr_null(r.m);
      ck_assert_uint_eq(diag_errors(r.dl), 1);
      ck_assert_msg(strstr(tu_diags(&r),
                           "test.yaml:41:65: error: units[u32].parent: units "
                           "nest more than 32 levels deep") != NULL,
                    "%s", tu_diags(&r));
    }
    tu_close(&r);
    free(t);
  }
}
END_TEST

/* A substation passing on 8 % more than its metered feed is a metering
   matter (the balance's finding), 12 % more is an error; with a second
   feed that has no meter (installed: false) it is not judged at all. */
START_TEST(t_unit_flow_slack)
{
  static const char *const out[] = {"108,000 kWh", "112,000 kWh",
                                     "1,000,000 kWh"};
  for (int k = 0; k < 3; k++) {
    char body[1024];
    snprintf(body, sizeof body,
             "units:\n"
             "  - {id: sub, name: {zh: 站, en: Sub}, stage: distribution}\n"
             "  - {id: mill, name: {zh: 磨, en: Mill}, stage: end_use}\n"
             "meters:\n"
             "  - {id: E1, carrier: electricity, level: 1, to: sub, total: "
             "\"100,000 kWh\"}\n"
             "  - {id: E2, carrier: electricity, level: 2, from: sub, to: "
             "mill, total: \"%s\"}\n%s",
             out[k],
             k == 2 ? "  - {id: E3, carrier: electricity, level: 1, to: sub, "
                      "installed: false}\n"
                    : "");
    tu_run r;
    load(&r, NULL, body);
    if (k == 1) {
      ck_assert_ptr_null(r.m);
      ck_assert_str_eq(tu_diags(&r),
                       "test.yaml:13:74: error: meters[E2]: unit sub passes "
                       "on 112,000 kWh of electricity but receives 100,000 "
                       "kWh (meters E1): only a unit of stage conversion "
                       "makes a carrier\n");
    } else {
      ck_assert_msg(r.m != NULL, "%s", tu_diags(&r));
    }
    tu_close(&r);
  }
}
END_TEST

/* }====================================================== */

/* The product order (uses first) against the passes the loader used to
   make, one scan of the list per pass, on random graphs: forward and
   backward uses, chains, cycles and products behind a cycle. */
static void ref_order(size_t n, int uses[][4], const int *nu, size_t *out,
                      bool *stuck)
{
  bool placed[40] = {false};
  size_t done = 0;
  while (done < n) {
    bool progress = false;
    for (size_t i = 0; i < n; i++) {
      if (placed[i])
        continue;
      bool ready = true;
      for (int j = 0; j < nu[i]; j++)
        ready &= placed[uses[i][j]];
      if (ready) {
        placed[i] = true;
        out[done++] = i;
        progress = true;
      }
    }
    if (!progress)
      for (size_t i = 0; i < n; i++)
        if (!placed[i]) {
          stuck[i] = true;
          placed[i] = true;
          out[done++] = i;
        }
  }
}

START_TEST(t_product_order_random)
{
  unsigned seed = 12345;
  tu_run r;
  tu_open(&r); /* the rules once; a new diagnostics list each round */
  for (int round = 0; round < 300; round++) {
    size_t n = 2 + (size_t)(rand_r(&seed) % 12);
    int uses[40][4], nu[40];
    for (size_t i = 0; i < n; i++) {
      int want = rand_r(&seed) % 4;
      nu[i] = 0;
      for (int j = 0; j < want; j++) {
        int u = rand_r(&seed) % (int)n;
        if (round % 3 && u <= (int)i) /* mostly later products: acyclic */
          u = (int)i + 1 + rand_r(&seed) % (int)n;
        if (round % 5 == 0 && u < (int)n)
          u = (int)n - 1 - u; /* reversed: backward uses */
        if (u < (int)n && u != (int)i)
          uses[i][nu[i]++] = u;
      }
    }
    char body[8192];
    size_t len = (size_t)snprintf(body, sizeof body,
                                  "meters:\n  - {id: E1, carrier: electricity, "
                                  "level: 1, total: \"1 kWh\"}\nproducts:\n");
    for (size_t i = 0; i < n; i++) {
      len += (size_t)snprintf(body + len, sizeof body - len,
                              "  - {id: P%zu, name: {zh: 产品, en: P}, "
                              "quantity: \"100 t\", uses: [",
                              i);
      for (int j = 0; j < nu[i]; j++)
        len += (size_t)snprintf(body + len, sizeof body - len,
                                "%s{product: P%d, quantity: \"1 t\"}",
                                j ? ", " : "", uses[i][j]);
      len += (size_t)snprintf(body + len, sizeof body - len, "]}\n");
    }
    size_t want[40];
    bool stuck[40] = {false}, any_stuck = false;
    ref_order(n, uses, nu, want, stuck);
    for (size_t i = 0; i < n; i++)
      any_stuck |= stuck[i];
    r.dl = diag_new(r.a);
    snprintf(yaml, sizeof yaml, "%s%s", TU_HEAD, body);
    r.m = model_load_text(r.a, r.dl, r.u, r.f, yaml, strlen(yaml), "t.yaml");
    if (!any_stuck) {
      ck_assert_msg(r.m != NULL, "%s\n%s", body, tu_diags(&r));
      for (size_t i = 0; i < n; i++)
        ck_assert_msg(r.m->product_order[i] == want[i],
                      "round %d: place %zu has P%zu, want P%zu\n%s", round, i,
                      r.m->product_order[i], want[i], body);
    } else {
      ck_assert_ptr_null(r.m);
      /* one cycle error per stuck product, in list order */
      char expect[4096];
      size_t el = 0;
      expect[0] = '\0';
      for (size_t i = 0; i < n; i++)
        if (stuck[i])
          el += (size_t)snprintf(expect + el, sizeof expect - el,
                                 "t.yaml:%zu:5: error: products[P%zu].uses: "
                                 "products use each other in a cycle\n",
                                 11 + i, i);
      ck_assert_str_eq(tu_diags(&r), expect);
    }
  }
  tu_close(&r);
}
END_TEST

Suite *model_suite(void)
{
  Suite *s = suite_create("model");
  TCase *tc = tcase_create("model");
  tcase_add_test(tc, t_credit_code);
  tcase_add_test(tc, t_wrong_dimension);
  tcase_add_test(tc, t_large_file_tree_freed);
  suite_add_tcase(s, tc);

  tc = tcase_create("quantities");
  tcase_add_test(tc, t_qty_map_accepted);
  tcase_add_test(tc, t_products_required_of_industry);
  tcase_add_test(tc, t_qty_refused);
  tcase_add_test(tc, t_ratio_accepted);
  tcase_add_test(tc, t_ratio_refused);
  suite_add_tcase(s, tc);

  tc = tcase_create("names");
  tcase_add_test(tc, t_plain_name_warning);
  tcase_add_test(tc, t_name_incomplete);
  suite_add_tcase(s, tc);

  tc = tcase_create("references");
  tcase_add_test(tc, t_carrier_did_you_mean);
  tcase_add_test(tc, t_unit_did_you_mean);
  tcase_add_test(tc, t_unknown_place);
  tcase_add_test(tc, t_from_equals_to);
  tcase_add_test(tc, t_outside_to_outside_once);
  tcase_add_test(tc, t_own_carrier_accepted);
  tcase_add_test(tc, t_own_carrier_refused);
  suite_add_tcase(s, tc);

  tc = tcase_create("period");
  tcase_add_test(tc, t_monthly_count);
  tcase_add_test(tc, t_leap_year);
  tcase_add_test(tc, t_baseline_order);
  suite_add_tcase(s, tc);

  tc = tcase_create("facility");
  tcase_add_test(tc, t_grid_enum);
  tcase_add_test(tc, t_province_unknown);
  tcase_add_test(tc, t_employees);
  tcase_add_test(tc, t_all_errors_at_once);
  suite_add_tcase(s, tc);

  tc = tcase_create("industry");
  tcase_add_test(tc, t_industry_codes);
  suite_add_tcase(s, tc);

  tc = tcase_create("water");
  tcase_add_test(tc, t_water_by_volume);
  suite_add_tcase(s, tc);

  tc = tcase_create("products");
  tcase_add_test(tc, t_product_order_random);
  suite_add_tcase(s, tc);

  tc = tcase_create("report_keys");
  tcase_add_test(tc, t_report_keys_accepted);
  tcase_add_test(tc, t_report_keys_all_errors);
  suite_add_tcase(s, tc);

  /* PROGRAM DISAGREES: not registered in the normal run; set
     AUDITGEN_DISAGREEMENTS=1 to run them and see them fail. */
  /* Former disagreements, settled by fixes in the loader. */
  {
    tc = tcase_create("settled");
    tcase_add_test(tc, t_price_did_you_mean);
    tcase_add_test(tc, t_own_carrier_odd_unit);
    tcase_add_test(tc, t_own_carrier_purchased);
    tcase_add_test(tc, t_unknown_from_no_cascade);
    tcase_add_test(tc, t_unknown_to_no_cascade);
    tcase_add_test(tc, t_from_equals_to_position);
    tcase_add_test(tc, t_shared_all_errors);
    tcase_add_test(tc, t_qty_map_text);
    suite_add_tcase(s, tc);
  }
  {
    tc = tcase_create("limits");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, t_count_limits);
    tcase_add_test(tc, t_units_too_deep);
    tcase_add_test(tc, t_unit_flow_slack);
    suite_add_tcase(s, tc);
  }
  return s;
}
