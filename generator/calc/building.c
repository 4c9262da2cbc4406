/* building.c — buildings and public institutions: the facility's building
 * keys, the per-m², per-person, per-bed … indicators, and the comparison
 * with the quotas of rules/buildings.yaml.
 *
 * Input: the model, the energy and carbon sections already computed, the
 * quotas. Output: facility.building_* names, energy.intensity's building
 * indicators, carbon.intensity.kgco2_per_m2 / kgco2_per_occupant, and
 * benchmark.building[], benchmark.lighting[] (the lighting power density
 * of facility.lighting's rooms against the rules' lighting table)
 * (docs/calculation.md "Buildings"). Invariant: an
 * indicator is null exactly when its denominator (or a figure it needs)
 * is absent, and every number set carries its trace. */
#include "internal.h"

#include "../rules/terms.h"

#include <math.h>
#include <string.h>

/* {====================================================== words */

static const char *const type_names[][3] = {
    {"office_government", "党政机关办公建筑", "government office building"},
    {"office_commercial", "商业办公建筑", "commercial office building"},
    {"hotel", "旅馆建筑", "hotel"},
    {"mall", "商场建筑", "shopping mall"},
    {"hospital", "医院", "hospital"},
    {"school", "中小学校", "school"},
    {"university", "高等院校", "university"},
    {"other", "其他公共建筑", "other public building"}};
static const char *const zone_names[][3] = {
    {"severe_cold", "严寒地区", "severe cold zone"},
    {"cold", "寒冷地区", "cold zone"},
    {"hot_summer_cold_winter", "夏热冬冷地区", "hot-summer cold-winter zone"},
    {"hot_summer_warm_winter", "夏热冬暖地区", "hot-summer warm-winter zone"},
    {"mild", "温和地区", "mild zone"}};
static const char *const ventilation_names[][3] = {
    {"natural", "A类（可开窗自然通风）", "class A (natural ventilation)"},
    {"mechanical", "B类（常年机械通风和空调）",
     "class B (mechanical ventilation and air conditioning)"}};
static const char *const grade_names[][3] = {
    {"tertiary_a", "三级甲等", "grade III class A"},
    {"tertiary_b", "三级乙等", "grade III class B"},
    {"tertiary", "三级", "grade III"},
    {"secondary_a", "二级甲等", "grade II class A"},
    {"secondary_b", "二级乙等", "grade II class B"},
    {"secondary", "二级", "grade II"},
    {"primary", "一级", "grade I"}};

#define N_OF(t) (sizeof(t) / sizeof *(t))

static void set_name(calc_ctx *c, value *o, const char *key,
                     const char *const (*names)[3], size_t n,
                     const char *word)
{
  if (!word)
    return;
  for (size_t i = 0; i < n; i++)
    if (strcmp(names[i][0], word) == 0) {
      value *v = val_set(c->a, o, key, val_obj(c->a));
      val_set_str(c->a, v, "zh", names[i][1]);
      val_set_str(c->a, v, "en", names[i][2]);
    }
}

/* A facility is audited as a building when it names its building type or
   its industry is one of the own keys of buildings (rules/industries.yaml
   `own:` building, public_institution). */
bool calc_is_building(const model *m)
{
  return m->building_type ||
         (m->industry && !m->industry_code &&
          (strcmp(m->industry, "building") == 0 ||
           strcmp(m->industry, "public_institution") == 0));
}

const char *calc_organisation(const model *m, bool zh)
{
  if (!calc_is_building(m))
    return zh ? "企业" : "enterprise";
  const char *t = m->building_type ? m->building_type : "";
  if (strcmp(t, "hospital") == 0)
    return zh ? "医院" : "hospital";
  if (strcmp(t, "school") == 0)
    return zh ? "学校" : "school";
  if (strcmp(t, "university") == 0)
    return zh ? "学校" : "university";
  return zh ? "单位" : "organisation";
}

const char *calc_data_term(const model *m)
{
  return calc_is_building(m) ? "organisation data" : "enterprise data";
}

void calc_building_facility(calc_ctx *c)
{
  arena *a = c->a;
  const model *m = c->m;
  value *f = val_get(c->root, "facility");
  val_set_bool(a, f, "is_building", calc_is_building(m));
  /* the word the report names the audited body by: an enterprise, or a
     building's organisation (a hospital, a school, else 单位) */
  value *org = val_set(a, f, "organisation", val_obj(a));
  val_set_str(a, org, "zh", calc_organisation(m, true));
  val_set_str(a, org, "en", calc_organisation(m, false));
  val_set_str(a, f, "building_type", m->building_type);
  set_name(c, f, "building_type_name", type_names, N_OF(type_names),
           m->building_type);
  val_set_str(a, f, "climate_zone", m->climate_zone);
  set_name(c, f, "climate_zone_name", zone_names, N_OF(zone_names),
           m->climate_zone);
  val_set_str(a, f, "ventilation", m->ventilation);
  set_name(c, f, "ventilation_name", ventilation_names,
           N_OF(ventilation_names), m->ventilation);
  val_set_str(a, f, "hospital_grade", m->hospital_grade);
  set_name(c, f, "hospital_grade_name", grade_names, N_OF(grade_names),
           m->hospital_grade);
  struct {
    const char *key;
    long n;
  } counts[] = {{"beds", m->beds},
                {"bed_days", m->bed_days},
                {"outpatient_visits", m->outpatient_visits},
                {"students", m->students},
                {"occupants", m->occupants}};
  for (size_t i = 0; i < N_OF(counts); i++) {
    if (counts[i].n > 0)
      val_set_num(a, f, counts[i].key, (double)counts[i].n);
    else
      val_set_null(a, f, counts[i].key);
  }
  if (m->operating_hours > 0)
    val_set_num(a, f, "operating_hours", m->operating_hours);
  else
    val_set_null(a, f, "operating_hours");
}

/* }====================================================== */
/* {====================================================== uses */

unit_use calc_unit_use(const model *m, int u)
{
  for (size_t hop = 0; u >= 0 && hop <= m->n_units; hop++) {
    if (m->units[u].use != USE_NONE)
      return m->units[u].use;
    u = m->units[u].parent;
  }
  return USE_REGULAR;
}

/* Net inflow of every carrier into the units of use `use`: meters into
   them from a unit of another use (or from outside, the site), less
   meters out of them to another use or outside. q[k] for carrier k. */
static void use_flows(calc_ctx *c, const unit_use *uses, unit_use use,
                      double *q)
{
  const model *m = c->m;
  memset(q, 0, sizeof *q * (c->n_carriers + 1));
  for (size_t i = 0; i < m->n_meters; i++) {
    const m_meter *mt = &m->meters[i];
    int k = c->meter_carrier[i];
    if (mt->form == METER_NONE || k < 0)
      continue;
    bool in_to = mt->to >= 0 && uses[mt->to] == use;
    bool in_from = mt->from >= 0 && uses[mt->from] == use;
    if (in_to && !in_from)
      q[k] += mt->quantity;
    else if (in_from && !in_to)
      q[k] -= mt->quantity;
  }
}

/* }====================================================== */
/* {====================================================== indicators */

typedef struct bfig {
  double total, equal;   /* tce, equal-value tce (NAN: none) */
  double el_kwh, el_tce; /* electricity consumed */
  double r;              /* supply coal rate, kgce/kWh (NAN: none) */
  double special_tce, heating_tce;   /* net into special / heating units */
  double special_kwh, heating_kwh;   /* their electricity */
  double heating_other_tce;          /* heating units' other carriers */
  bool grid_rate;        /* the equal value is E at the grid's rate */
} bfig;

static double num_at(const value *o, const char *key)
{
  const value *v = o ? val_get(o, key) : NULL;
  return v && v->kind == VAL_NUM ? v->num : (double)NAN;
}

static void figures(calc_ctx *c, bfig *b)
{
  const model *m = c->m;
  value *energy = val_get(c->root, "energy");
  b->total = c->total_tce;
  b->equal = num_at(energy, "total_equal_value_tce");
  const value *ev = val_get(energy, "equal_value");
  const value *meth = ev ? val_get(ev, "method") : NULL;
  b->grid_rate = meth && meth->kind == VAL_STR &&
                 strcmp(meth->str, "grid_rate") == 0;
  b->r = num_at(ev, "supply_coal_rate_gce_per_kwh") / 1000.0;
  carrier_fig *el = calc_carrier(c, "electricity");
  b->el_kwh = el && el->counted ? el->consumed : 0;
  b->el_tce = el && el->counted ? el->tce : 0;
  unit_use *uses = ARENA_ARRAY(c->a, unit_use, m->n_units + 1);
  for (size_t i = 0; i < m->n_units; i++)
    uses[i] = calc_unit_use(m, (int)i);
  double *qs = ARENA_ARRAY(c->a, double, c->n_carriers + 1);
  double *qh = ARENA_ARRAY(c->a, double, c->n_carriers + 1);
  use_flows(c, uses, USE_SPECIAL, qs);
  use_flows(c, uses, USE_HEATING, qh);
  for (size_t k = 0; k < c->n_carriers; k++) {
    const carrier_fig *cf = &c->carriers[k];
    if (!cf->counted)
      continue;
    bool is_el = strcmp(cf->key, "electricity") == 0;
    b->special_tce += qs[k] * cf->coefficient / 1000.0;
    b->heating_tce += qh[k] * cf->coefficient / 1000.0;
    if (is_el) {
      b->special_kwh += qs[k];
      b->heating_kwh += qh[k];
    } else {
      b->heating_other_tce += qh[k] * cf->coefficient / 1000.0;
    }
  }
}

/* Sets o.key to x in unit, with a trace of formula on basis (*t). */
static value *put(calc_ctx *c, value *o, const char *key, double x,
                  const char *unit, const char *formula, const char *basis,
                  trace **t)
{
  value *v = val_set_num(c->a, o, key, x);
  v->unit = unit;
  *t = val_trace(c->a, v, formula, basis);
  return v;
}

static void intensity(calc_ctx *c, const bfig *b)
{
  arena *a = c->a;
  const model *m = c->m;
  value *o = val_get(val_get(c->root, "energy"), "intensity");
  const char *basis = calc_std_clause(c, "GB/T 17166", " (能源消费指标)");
  bool area = m->floor_area.set && m->floor_area.v > 0;
  double A = area ? m->floor_area.v : (double)NAN;
  trace *t;

  /* electricity per m² */
  if (area) {
    put(c, o, "kwh_per_m2", b->el_kwh / A, "kWh/m2",
            "E / floor_area", basis, &t);
    trace_add(a, t, "E", b->el_kwh, "kWh", "electricity consumed");
    trace_add(a, t, "floor_area", A, "m2", "organisation data");
  } else {
    val_set_null(a, o, "kwh_per_m2");
  }

  /* regular use: less the special and heating units' energy */
  double apart_kwh = b->special_kwh + b->heating_kwh;
  double apart_tce = b->special_tce + b->heating_tce;
  if (area) {
    put(c, o, "kwh_per_m2_regular", (b->el_kwh - apart_kwh) / A,
            "kWh/m2", "(E − E_special − E_heating) / floor_area", basis, &t);
    trace_add(a, t, "E", b->el_kwh, "kWh", "electricity consumed");
    trace_add(a, t, "E_special", b->special_kwh, "kWh", "units of use special");
    trace_add(a, t, "E_heating", b->heating_kwh, "kWh", "units of use heating");
    trace_add(a, t, "floor_area", A, "m2", "organisation data");
    put(c, o, "kgce_per_m2_regular", (b->total - apart_tce) * 1000.0 / A,
            "kgce/m2",
            "(total_tce − special_tce − heating_tce) × 1000 / floor_area",
            basis, &t);
    trace_add_ref(a, t, "total_tce", b->total, "tce", "energy.total_tce");
    trace_add(a, t, "special_tce", b->special_tce, "tce",
              "units of use special");
    trace_add(a, t, "heating_tce", b->heating_tce, "tce",
              "units of use heating");
    trace_add(a, t, "floor_area", A, "m2", "organisation data");
  } else {
    val_set_null(a, o, "kwh_per_m2_regular");
    val_set_null(a, o, "kgce_per_m2_regular");
  }
  if (area && isfinite(b->equal) && b->grid_rate && isfinite(b->r)) {
    double apart_eq = apart_tce + apart_kwh * b->r / 1000.0 -
                      apart_kwh * (b->el_kwh > 0 ? b->el_tce / b->el_kwh : 0);
    put(c, o, "kgce_per_m2_regular_equal_value",
            (b->equal - apart_eq) * 1000.0 / A, "kgce/m2",
            "(total_equal_value_tce − apart_equal_value_tce) × 1000 / "
            "floor_area",
            basis, &t);
    trace_add_ref(a, t, "total_equal_value_tce", b->equal, "tce",
                  "energy.total_equal_value_tce");
    trace_add(a, t, "apart_equal_value_tce", apart_eq, "tce",
              "units of use special or heating, electricity at r");
    trace_add(a, t, "floor_area", A, "m2", "organisation data");
  } else {
    val_set_null(a, o, "kgce_per_m2_regular_equal_value");
  }

  /* GB/T 51161's non-heating energy: electricity, other carriers as
     electricity at the supply coal rate */
  double other_tce = b->total - b->el_tce - b->heating_other_tce;
  bool other = fabs(other_tce) > 1e-9;
  if (area && (!other || isfinite(b->r))) {
    double e = b->el_kwh - b->heating_kwh +
               (other ? other_tce * 1000.0 / b->r : 0);
    put(c, o, "kwh_per_m2_non_heating", e / A, "kWh/m2",
            "(E − E_heating + other_tce × 1000 / r) / floor_area",
            calc_std_clause(c, "GB/T 51161", " (非供暖能耗)"), &t);
    trace_add(a, t, "E", b->el_kwh, "kWh", "electricity consumed");
    trace_add(a, t, "E_heating", b->heating_kwh, "kWh",
              "units of use heating");
    trace_add(a, t, "other_tce", other_tce, "tce",
              "other carriers, less units of use heating");
    if (other)
      trace_add_ref(a, t, "r", b->r, "kgce/kWh",
                    "energy.equal_value.supply_coal_rate_gce_per_kwh");
    trace_add(a, t, "floor_area", A, "m2", "organisation data");
  } else {
    val_set_null(a, o, "kwh_per_m2_non_heating");
    if (area)
      calc_note(c, "energy.intensity.kwh_per_m2_non_heating",
                "规则中没有供电煤耗，非电能源无法折算为电量，未计算单位面积非供暖能耗。",
                "No supply coal rate in the rules: the other carriers cannot "
                "be expressed as electricity, and the non-heating energy per "
                "m² is not computed.");
  }

  /* per person, bed, bed-day, visit, student: both values */
  struct {
    const char *key, *field, *unit, *per;
    long n;
  } per[] = {
      {"kgce_per_occupant", "occupants", "kgce/person", "person",
       m->occupants},
      {"kgce_per_bed", "beds", "kgce/bed", "bed", m->beds},
      {"kgce_per_bed_day", "bed_days", "kgce/bed-day", "bed-day",
       m->bed_days},
      {"kgce_per_outpatient_visit", "outpatient_visits", "kgce/visit",
       "visit", m->outpatient_visits},
      {"kgce_per_student", "students", "kgce/person", "person", m->students},
  };
  for (size_t i = 0; i < N_OF(per); i++) {
    const char *eqk = arena_printf(a, "%s_equal_value", per[i].key);
    if (per[i].n <= 0) {
      val_set_null(a, o, per[i].key);
      val_set_null(a, o, eqk);
      continue;
    }
    double d = (double)per[i].n;
    put(c, o, per[i].key, b->total * 1000.0 / d, per[i].unit,
            arena_printf(a, "total_tce × 1000 / %s", per[i].field), basis, &t);
    trace_add_ref(a, t, "total_tce", b->total, "tce",
                  "energy.total_tce");
    trace_add(a, t, per[i].field, d, per[i].per, "organisation data");
    if (!isfinite(b->equal)) {
      val_set_null(a, o, eqk);
      continue;
    }
    put(c, o, eqk, b->equal * 1000.0 / d, per[i].unit,
            arena_printf(a, "total_equal_value_tce × 1000 / %s", per[i].field),
            basis, &t);
    trace_add_ref(a, t, "total_equal_value_tce", b->equal, "tce",
                  "energy.total_equal_value_tce");
    trace_add(a, t, per[i].field, d, per[i].per, "organisation data");
  }
}

static void carbon_intensity(calc_ctx *c)
{
  arena *a = c->a;
  const model *m = c->m;
  value *o = val_get(val_get(c->root, "carbon"), "intensity");
  struct {
    const char *key, *field, *unit, *per;
    bool given;
    double d;
  } rows[] = {
      {"kgco2_per_m2", "floor_area", "kgCO2/m2", "m2", m->floor_area.set,
       m->floor_area.v},
      {"kgco2_per_occupant", "occupants", "kgCO2/person", "person",
       m->occupants > 0, (double)m->occupants},
  };
  for (size_t i = 0; i < N_OF(rows); i++) {
    if (!rows[i].given || !(rows[i].d > 0) || !isfinite(c->total_tco2)) {
      val_set_null(a, o, rows[i].key);
      continue;
    }
    trace *t;
    put(c, o, rows[i].key, c->total_tco2 * 1000.0 / rows[i].d,
                   rows[i].unit,
                   arena_printf(a, "total_tco2 × 1000 / %s", rows[i].field),
                   "GB/T 32150-2015", &t);
    trace_add_ref(a, t, "total_tco2", c->total_tco2, "tCO2",
                  "carbon.total_tco2");
    trace_add(a, t, rows[i].field, rows[i].d, rows[i].per,
              "organisation data");
  }
}

/* energy.building_indicators[]: the building's indicators as a report
   tabulates them, a row each whose denominator is given, the equivalent
   and equal values side by side. */
static void indicator_table(calc_ctx *c)
{
  arena *a = c->a;
  value *energy = val_get(c->root, "energy");
  const value *in = val_get(energy, "intensity");
  value *arr = val_set(a, energy, "building_indicators", val_arr(a));
  if (!calc_is_building(c->m))
    return;
  static const struct {
    const char *key, *equal, *zh, *en, *uzh, *uen;
  } rows[] = {
      {"kgce_per_m2", "kgce_per_m2_equal_value", "单位建筑面积综合能耗",
       "Energy per m²", "kgce/m²", "kgce/m²"},
      {"kgce_per_m2_regular", "kgce_per_m2_regular_equal_value",
       "单位建筑面积常规能耗（不含特殊用能和供暖）",
       "Regular-use energy per m² (special use and heating excluded)",
       "kgce/m²", "kgce/m²"},
      {"kwh_per_m2", NULL, "单位建筑面积电耗", "Electricity per m²", "kWh/m²",
       "kWh/m²"},
      {"kwh_per_m2_regular", NULL, "单位建筑面积常规用电量",
       "Regular-use electricity per m²", "kWh/m²", "kWh/m²"},
      {"kwh_per_m2_non_heating", NULL,
       "单位建筑面积非供暖能耗（GB/T 51161）",
       "Non-heating energy per m² (GB/T 51161)", "kWh/m²", "kWh/m²"},
      {"kgce_per_occupant", "kgce_per_occupant_equal_value", "人均综合能耗",
       "Energy per occupant", "kgce/人", "kgce/person"},
      {"kgce_per_bed", "kgce_per_bed_equal_value", "单位床位综合能耗",
       "Energy per bed", "kgce/床", "kgce/bed"},
      {"kgce_per_bed_day", "kgce_per_bed_day_equal_value",
       "单位床日综合能耗", "Energy per bed-day", "kgce/床日",
       "kgce/bed-day"},
      {"kgce_per_outpatient_visit", "kgce_per_outpatient_visit_equal_value",
       "单位门急诊人次综合能耗", "Energy per outpatient visit",
       "kgce/人次", "kgce/visit"},
      {"kgce_per_student", "kgce_per_student_equal_value", "生均综合能耗",
       "Energy per student", "kgce/人", "kgce/student"},
  };
  for (size_t i = 0; i < N_OF(rows); i++) {
    const value *v = val_get(in, rows[i].key);
    if (!v || v->kind != VAL_NUM)
      continue;
    value *o = val_obj(a);
    val_push(a, arr, o);
    val_set_str(a, o, "key", rows[i].key);
    val_set_str(a, o, "name_zh", rows[i].zh);
    val_set_str(a, o, "name_en", rows[i].en);
    val_set_str(a, o, "unit_zh", rows[i].uzh);
    val_set_str(a, o, "unit_en", rows[i].uen);
    val_set_num(a, o, "equivalent", v->num);
    const value *e = rows[i].equal ? val_get(in, rows[i].equal) : NULL;
    if (e && e->kind == VAL_NUM)
      val_set_num(a, o, "equal_value", e->num);
    else
      val_set_null(a, o, "equal_value");
  }
}

/* }====================================================== */
/* {====================================================== quotas */

static bool has_word(const char *const *list, size_t n, const char *w)
{
  for (size_t i = 0; w && i < n; i++)
    if (strcmp(list[i], w) == 0)
      return true;
  return false;
}

/* The first row of q whose selectors fit; NULL with *why_key naming the
   selector that found none (the facility's value missing, or no row for
   it). */
static const bq_row *fitting_row(const model *m, const bq_quota *q,
                                 const char **why_key, bool *missing)
{
  *why_key = NULL;
  *missing = false;
  for (size_t i = 0; i < q->n_rows; i++) {
    const bq_row *r = &q->rows[i];
    const char *fail = NULL;
    bool miss = false;
    if (r->climate_zones &&
        !has_word(r->climate_zones, r->n_climate_zones, m->climate_zone)) {
      fail = "climate_zone";
      miss = !m->climate_zone;
    } else if (r->ventilation &&
               !(m->ventilation && strcmp(r->ventilation, m->ventilation) == 0)) {
      fail = "ventilation";
      miss = !m->ventilation;
    } else if (r->hospital_grades &&
               !has_word(r->hospital_grades, r->n_hospital_grades,
                         m->hospital_grade)) {
      fail = "hospital_grade";
      miss = !m->hospital_grade;
    }
    if (!fail)
      return r;
    /* the first selector that failed names the reason, a missing key
       before a word with no row */
    if (!*why_key || (miss && !*missing)) {
      *why_key = fail;
      *missing = miss;
    }
  }
  return NULL;
}

/* A unit of BUILDING_INDICATORS as a report prints it. */
static const char *unit_text(const char *unit, bool zh)
{
  static const char *const names[][3] = {
      {"kgce/m2", "kgce/m²", "kgce/m²"},
      {"kWh/m2", "kWh/m²", "kWh/m²"},
      {"kgce/person", "kgce/人", "kgce/person"},
      {"kgce/bed", "kgce/床", "kgce/bed"},
      {"kgce/bed-day", "kgce/床日", "kgce/bed-day"},
      {"kgce/visit", "kgce/人次", "kgce/visit"}};
  for (size_t i = 0; unit && i < N_OF(names); i++)
    if (strcmp(names[i][0], unit) == 0)
      return names[i][zh ? 1 : 2];
  return unit;
}

static const char *indicator_name(calc_ctx *c, const char *key, bool zh)
{
  const term_def *t = terms_lookup(c->f, TERM_NAME, key);
  if (t)
    return zh ? t->text.zh : t->text.en;
  return key;
}

/* The quota values a comparison used, in factors_used[] (Appendix B lists
   those awaiting checking), named by the quota. */
static void record_values(calc_ctx *c, const bq_quota *q, const bq_row *r)
{
  static const char *const levels[][3] = {{"constraint", "约束值",
                                           "constraint value"},
                                          {"baseline", "基准值",
                                           "baseline value"},
                                          {"guide", "引导值", "guide value"}};
  const double v[] = {r->constraint, r->baseline, r->guide};
  const char *unit = factors_building_unit(q->indicator);
  for (size_t i = 0; i < N_OF(levels); i++) {
    if (!isfinite(v[i]))
      continue;
    const char *key = arena_printf(c->a, "%s.%s", q->key, levels[i][0]);
    calc_factor_used(c, key, v[i], unit, r->source.en, r->source.zh,
                     r->verified, false, calc_origin_of_rule(q->standard));
    calc_factor_cite(c, key, &q->citation, &q->checked);
    value *o = c->factors_used->items[c->factors_used->n - 1];
    if (strcmp(val_get(o, "key")->str, key) != 0)
      continue;
    val_set_str(c->a, o, "name_zh",
                arena_printf(c->a, "%s%s", q->name.zh, levels[i][1]));
    val_set_str(c->a, o, "name_en",
                arena_printf(c->a, "%s: %s", q->name.en, levels[i][2]));
  }
}

static void compare(calc_ctx *c, const bq_quota *q, value *arr, bool own)
{
  arena *a = c->a;
  const model *m = c->m;
  value *o = val_obj(a);
  val_push(a, arr, o);
  val_set_str(a, o, "key", q->key);
  /* rules: a standard's quota of rules/buildings.yaml; facility: the
     quota set for this facility (its file's quotas:) */
  val_set_str(a, o, "origin", own ? "facility" : "rules");
  val_set_str(a, o, "standard", q->standard);
  calc_set_layer(a, o, own ? NULL : q->layer);
  val_set_str(a, o, "standard_zh",
              own && q->citation.zh ? q->citation.zh : q->standard);
  val_set_str(a, o, "name_zh", q->name.zh);
  val_set_str(a, o, "name_en", q->name.en);
  calc_set_cite(a, o, "", &q->citation, &q->checked);
  val_set_str(a, o, "indicator", q->indicator);
  val_set_str(a, o, "indicator_zh", indicator_name(c, q->indicator, true));
  val_set_str(a, o, "indicator_en", indicator_name(c, q->indicator, false));
  const char *unit = factors_building_unit(q->indicator);
  val_set_str(a, o, "unit", unit);
  val_set_str(a, o, "unit_zh", unit_text(unit, true));
  val_set_str(a, o, "unit_en", unit_text(unit, false));
  const value *iv =
      val_get(val_get(val_get(c->root, "energy"), "intensity"), q->indicator);
  double x = iv && iv->kind == VAL_NUM ? iv->num : (double)NAN;
  const char *why_key;
  bool missing;
  const bq_row *r = fitting_row(m, q, &why_key, &missing);
  bool verified = r ? r->verified : false;
  if (r && q->has_correction)
    verified = verified && q->correction_verified;
  val_set_bool(a, o, "verified", verified);
  if (r) {
    val_set_str(a, o, "source", r->source.en);
    val_set_str(a, o, "source_zh", r->source.zh ? r->source.zh : r->source.en);
  }
  if (r && !own)
    record_values(c, q, r);
  if (isfinite(x))
    val_set_num(a, o, "value", x);
  else
    val_set_null(a, o, "value");
  /* the correction for hours of use and occupant density */
  double corrected = x;
  if (q->has_correction && isfinite(x)) {
    value *co = val_set(a, o, "correction", val_obj(a));
    double g1 = 1.0, g2 = 1.0;
    val_set_num(a, co, "hours_standard", q->hours0);
    val_set_num(a, co, "area_per_person_standard", q->area_per_person0);
    if (m->operating_hours > 0) {
      g1 = 0.3 + 0.7 * q->hours0 / m->operating_hours;
      val_set_num(a, co, "hours", m->operating_hours);
    } else {
      val_set_null(a, co, "hours");
    }
    double s_pp = m->occupants > 0 && m->floor_area.set
                      ? m->floor_area.v / (double)m->occupants
                      : (double)NAN;
    if (isfinite(s_pp)) {
      g2 = 0.7 + 0.3 * s_pp / q->area_per_person0;
      val_set_num(a, co, "area_per_person", s_pp);
    } else {
      val_set_null(a, co, "area_per_person");
    }
    value *gv = val_set_num(a, co, "hours_factor", g1);
    trace *t = val_trace(a, gv, "0.3 + 0.7 × T0_hours / T_hours",
                         calc_std_clause(c, "GB/T 51161", " (使用时间修正)"));
    trace_add(a, t, "T0_hours", q->hours0, "h", "rules/buildings.yaml");
    if (m->operating_hours > 0)
      trace_add(a, t, "T_hours", m->operating_hours, "h", "organisation data");
    gv = val_set_num(a, co, "density_factor", g2);
    t = val_trace(a, gv, "0.7 + 0.3 × S_person / S0_person",
                  calc_std_clause(c, "GB/T 51161", " (人员密度修正)"));
    trace_add(a, t, "S0_person", q->area_per_person0, "m2", "rules/buildings.yaml");
    if (isfinite(s_pp))
      trace_add(a, t, "S_person", s_pp, "m2", "floor_area / occupants");
    corrected = x * g1 * g2;
    val_set_bool(a, co, "applied", m->operating_hours > 0 || isfinite(s_pp));
    val_set_str(a, co, "source", q->correction_source.en);
    val_set_str(a, co, "source_zh", q->correction_source.zh
                                        ? q->correction_source.zh
                                        : q->correction_source.en);
    value *cv = val_set_num(a, o, "corrected", corrected);
    cv->unit = unit;
    t = val_trace(a, cv, "value × hours_factor × density_factor",
                  calc_std_clause(c, "GB/T 51161", " (实测值修正)"));
    trace_add_ref(a, t, "value", x, unit,
                  arena_printf(a, "energy.intensity.%s", q->indicator));
    trace_add(a, t, "hours_factor", g1, NULL, NULL);
    trace_add(a, t, "density_factor", g2, NULL, NULL);
  } else if (isfinite(x)) {
    val_set_num(a, o, "corrected", x);
  } else {
    val_set_null(a, o, "corrected");
  }
  if (r)
    val_set_num(a, o, "constraint", r->constraint);
  else
    val_set_null(a, o, "constraint");
  if (r && isfinite(r->baseline))
    val_set_num(a, o, "baseline", r->baseline);
  else
    val_set_null(a, o, "baseline");
  if (r && isfinite(r->guide))
    val_set_num(a, o, "guide", r->guide);
  else
    val_set_null(a, o, "guide");
  const char *grade = NULL, *gzh = NULL, *gen = NULL;
  const char *fzh = NULL, *fen = NULL;
  if (!r) {
    const char *fw = why_key && strcmp(why_key, "climate_zone") == 0
                         ? m->climate_zone
                     : why_key && strcmp(why_key, "ventilation") == 0
                         ? m->ventilation
                         : m->hospital_grade;
    if (missing) {
      fzh = arena_printf(a, "未对标：设施文件未给出 facility.%s，无法选取%s的指标行。",
                         why_key, q->standard);
      fen = arena_printf(a, "Not compared: the facility file gives no "
                            "facility.%s, which selects the row of %s.",
                         why_key, q->standard);
    } else {
      fzh = arena_printf(a, "未对标：%s没有 %s = %s 的指标行。", q->standard,
                         why_key ? why_key : "?", fw ? fw : "?");
      fen = arena_printf(a, "Not compared: %s has no row for %s = %s.",
                         q->standard, why_key ? why_key : "?", fw ? fw : "?");
    }
    val_set_str(a, o, "reason_key", why_key);
  } else if (!isfinite(x)) {
    fzh = "未对标：该指标未能计算（见计算说明）。";
    fen = "Not compared: the indicator could not be computed (see the "
          "notes).";
  } else if (isfinite(r->guide) && corrected <= r->guide) {
    grade = "guide";
    gzh = "达到引导值";
    gen = "within the guide value";
  } else if (isfinite(r->baseline) && corrected <= r->baseline) {
    grade = "baseline";
    gzh = "达到基准值";
    gen = "within the baseline value";
  } else if (corrected <= r->constraint) {
    grade = "constraint";
    gzh = "达到约束值";
    gen = "within the constraint value";
  } else {
    grade = "exceeds";
    gzh = "超过约束值";
    gen = "exceeds the constraint value";
  }
  val_set_str(a, o, "grade", grade);
  val_set_str(a, o, "grade_zh", gzh);
  val_set_str(a, o, "grade_en", gen);
  val_set_bool(a, o, "meets_constraint",
               grade != NULL && strcmp(grade, "exceeds") != 0);
  if (!grade)
    val_set_null(a, o, "meets_constraint");
  val_set_str(a, o, "finding_zh", fzh);
  val_set_str(a, o, "finding_en", fen);
}

static void quotas(calc_ctx *c)
{
  arena *a = c->a;
  const model *m = c->m;
  value *bm = val_set(a, c->root, "benchmark", val_obj(a));
  value *arr = val_set(a, bm, "building", val_arr(a));
  for (size_t i = 0; m->building_type && i < c->f->n_quotas; i++) {
    const bq_quota *q = &c->f->quotas[i];
    if (!q->indicator ||
        !has_word(q->building_types, q->n_building_types, m->building_type))
      continue;
    if (q->provinces && !has_word(q->provinces, q->n_provinces, m->province))
      continue;
    compare(c, q, arr, false);
  }
  for (size_t i = 0; i < m->n_quotas; i++)
    compare(c, &m->quotas[i], arr, true);
}

/* {====================================================== lighting */

/* benchmark.lighting[]: each of facility.lighting's rooms, its lighting
   power density LPD = P / A (W/m2, general lighting with its ballasts and
   drivers, GB 50034 2.0.61) against the current value (现行值, the
   mandatory limit) and the target value (目标值) of the rules' lighting
   table. result: target (LPD <= target), current (target < LPD <=
   current), exceeds (LPD > current), above_target (LPD > target and the
   rules give no current value), within_current (LPD <= current, no target
   in the rules). A limit is met at equality: the standards write "≤". */
static bool within(double x, double limit)
{
  /* kW and m2 given in other units convert with rounding; a value equal
     to the limit as written must meet it */
  return x <= limit * (1.0 + 1e-12);
}

static void lighting_values(calc_ctx *c, const bl_room *r)
{
  static const char *const levels[][3] = {
      {"current", "现行值", "current value"},
      {"target", "目标值", "target value"}};
  const double v[] = {r->current, r->target};
  for (size_t i = 0; i < N_OF(levels); i++) {
    if (!isfinite(v[i]))
      continue;
    const char *key =
        arena_printf(c->a, "lighting.%s.%s", r->key, levels[i][0]);
    calc_factor_used(c, key, v[i], "W/m2", r->source.en, r->source.zh,
                     r->verified, false, calc_origin_of_rule(r->standard));
    calc_factor_cite(c, key, &r->citation, &r->checked);
    value *o = c->factors_used->items[c->factors_used->n - 1];
    if (strcmp(val_get(o, "key")->str, key) != 0)
      continue;
    val_set_str(c->a, o, "name_zh", arena_printf(c->a, "%s照明功率密度%s",
                                                 r->name.zh, levels[i][1]));
    val_set_str(c->a, o, "name_en",
                arena_printf(c->a, "%s: lighting power density, %s",
                             r->name.en, levels[i][2]));
  }
}

static void lighting_room(calc_ctx *c, const m_lighting *l, value *arr)
{
  arena *a = c->a;
  const bl_room *r = NULL;
  for (size_t k = 0; k < c->f->n_lighting && !r; k++)
    if (strcmp(c->f->lighting[k].key, l->room) == 0)
      r = &c->f->lighting[k];
  value *o = val_obj(a);
  val_push(a, arr, o);
  val_set_str(a, o, "room", l->room);
  if (l->name.zh) {
    val_set_str(a, o, "name_zh", l->name.zh);
    val_set_str(a, o, "name_en", l->name.en ? l->name.en : l->name.zh);
  } else {
    val_set_str(a, o, "name_zh", r ? r->name.zh : l->room);
    val_set_str(a, o, "name_en", r ? r->name.en : l->room);
  }
  /* watts to the microwatt: kW given as "15.6 kW" reads back as
     15599.999…, which would put a room at its limit just under it */
  double area = l->area.v,
         power_w = nearbyint(units_to(l->power.v, "kW") * 1e9) / 1e6;
  /* decorative luminaires count at half their power (GB 50034-2024
     6.3.18) */
  bool deco = l->decorative.text != NULL;
  double deco_w =
      deco ? nearbyint(units_to(l->decorative.v, "kW") * 1e9) / 1e6 : 0;
  value *v = val_set_num(a, o, "area", area);
  v->unit = "m2";
  v = val_set_num(a, o, "power_kw", power_w / 1000.0);
  v->unit = "kW";
  if (deco)
    val_set_num(a, o, "decorative_power_kw", deco_w / 1000.0)->unit = "kW";
  else
    val_set_null(a, o, "decorative_power_kw");
  double lpd = (power_w + 0.5 * deco_w) / area;
  v = val_set_num(a, o, "lpd", lpd);
  v->unit = "W/m2";
  const char *std = r ? r->standard : "GB 50034";
  trace *t = val_trace(
      a, v, deco ? "(P_lighting + 0.5 × P_decorative) / A_room"
                 : "P_lighting / A_room",
      deco ? arena_printf(a, "%s 2.0.61, 6.3.18", std)
           : arena_printf(a, "%s 2.0.61", std));
  trace_add(a, t, "P_lighting", power_w, "W", "organisation data");
  if (deco)
    trace_add(a, t, "P_decorative", deco_w, "W", "organisation data");
  trace_add(a, t, "A_room", area, "m2", "organisation data");
  if (!r) {
    /* a rules folder without this room (the loader checks the room
       against the rules it reads) */
    val_set_null(a, o, "accent_allowance");
    val_set_null(a, o, "current");
    val_set_null(a, o, "target");
    val_set_null(a, o, "result");
    val_set_null(a, o, "meets_current");
    val_set_bool(a, o, "verified", false);
    val_set_str(a, o, "finding_zh",
                arena_printf(a, "未对标：规则的照明功率密度表没有场所类型 %s。",
                             l->room));
    val_set_str(a, o, "finding_en",
                arena_printf(a, "Not compared: the rules' lighting table "
                                "has no room %s.",
                             l->room));
    return;
  }
  val_set_str(a, o, "standard", r->standard);
  calc_set_layer(a, o, r->layer);
  /* accent lighting on a sales floor raises both values (6.3.6); the
     loader refuses it for a room without an allowance */
  double add = l->accent && isfinite(r->accent) ? r->accent : 0;
  if (add > 0) {
    val_set_num(a, o, "accent_allowance", add)->unit = "W/m2";
    val_set_str(a, o, "room_zh",
                arena_printf(a, "%s（装设重点照明）", r->name.zh));
    val_set_str(a, o, "room_en",
                arena_printf(a, "%s, with accent lighting", r->name.en));
  } else {
    val_set_null(a, o, "accent_allowance");
    val_set_str(a, o, "room_zh", r->name.zh);
    val_set_str(a, o, "room_en", r->name.en);
  }
  calc_set_cite(a, o, "", &r->citation, &r->checked);
  val_set_bool(a, o, "verified", r->verified);
  val_set_str(a, o, "source", r->source.en);
  val_set_str(a, o, "source_zh", r->source.zh ? r->source.zh : r->source.en);
  lighting_values(c, r);
  const double cur = r->current + add, tgt = r->target + add;
  static const char *const lim[] = {"current", "target"};
  const double lv[] = {cur, tgt}, tv[] = {r->current, r->target};
  for (int i = 0; i < 2; i++) {
    if (!isfinite(lv[i])) {
      val_set_null(a, o, lim[i]);
      continue;
    }
    v = val_set_num(a, o, lim[i], lv[i]);
    v->unit = "W/m2";
    if (add > 0) {
      t = val_trace(a, v, "table value + accent allowance",
                    arena_printf(a, "%s 6.3.6", r->standard));
      trace_add(a, t, lim[i], tv[i], "W/m2", "rules/buildings.yaml");
      trace_add(a, t, "accent allowance", add, "W/m2",
                "rules/buildings.yaml");
    }
  }
  if (!isfinite(r->current) && r->current_note.zh) {
    val_set_str(a, o, "current_note_zh", r->current_note.zh);
    val_set_str(a, o, "current_note_en",
                r->current_note.en ? r->current_note.en : r->current_note.zh);
  }
  const char *res, *zh, *en;
  int meets = -1; /* the current value: -1 not known, 0 no, 1 yes */
  if (isfinite(tgt) && within(lpd, tgt)) {
    res = "target", zh = "达到目标值", en = "within the target value";
    meets = isfinite(cur) ? 1 : -1;
  } else if (isfinite(cur) && within(lpd, cur)) {
    res = isfinite(tgt) ? "current" : "within_current";
    zh = "达到现行值", en = "within the current value";
    meets = 1;
  } else if (isfinite(cur)) {
    res = "exceeds", zh = "超过现行值", en = "exceeds the current value";
    meets = 0;
  } else {
    res = "above_target", zh = "高于目标值，现行值未录入",
    en = "above the target; no current value";
  }
  val_set_str(a, o, "result", res);
  val_set_str(a, o, "result_zh", zh);
  val_set_str(a, o, "result_en", en);
  if (meets < 0)
    val_set_null(a, o, "meets_current");
  else
    val_set_bool(a, o, "meets_current", meets == 1);
}

static void lighting(calc_ctx *c)
{
  const model *m = c->m;
  value *bm = val_get(c->root, "benchmark");
  if (!bm)
    bm = val_set(c->a, c->root, "benchmark", val_obj(c->a));
  value *arr = val_set(c->a, bm, "lighting", val_arr(c->a));
  for (size_t i = 0; i < m->n_lighting; i++)
    lighting_room(c, &m->lighting[i], arr);
}

/* }====================================================== */

void calc_building(calc_ctx *c)
{
  bfig b;
  memset(&b, 0, sizeof b);
  figures(c, &b);
  intensity(c, &b);
  carbon_intensity(c);
  indicator_table(c);
  quotas(c);
  lighting(c);
}
