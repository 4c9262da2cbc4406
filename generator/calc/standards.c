/* standards.c — comparisons against the standards' tables: products
 * against their unit-consumption limits (单位产品能源消耗限额), meters against
 * GB 17167, equipment against its efficiency grades.
 *
 * Input: the energy figures of the results tree, the model and the rule
 * tables. Output: energy.products[].benchmark, metering.*, equipment[].
 * Grades: 1 is the best, 3 the limit (限定值); a value beyond grade 3 fails
 * the limit (grade null, meets_limit false) — results.md "Benchmark". */
#include "internal.h"

#include "../base/buf.h"
#include "../base/fmt.h"
#include "../rules/terms.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Values equal to a grade boundary within rounding belong to that grade. */
#define EPS 1e-9

/* {====================================================== benchmarks */

static double base_scale(const char *unit)
{
  return 1.0 / units_to(1.0, unit);
}

/* The indicator's value for a product, in base units of ind->dim, or NAN
   when the dimensions do not fit. */
static double indicator_value(calc_ctx *c, const bm_indicator *ind,
                              value *prod, double *numerator_base)
{
  const char *punit = val_get(prod, "unit")->str;
  double qbase = val_get(prod, "quantity")->num * base_scale(punit);
  dimvec want = dim_of(ind->basis == BASIS_ELECTRICITY ? "kWh" : "kgce");
  dimvec pd = dim_of(punit);
  for (int d = 0; d < DIM_COUNT; d++)
    want.e[d] = (signed char)(want.e[d] - pd.e[d]);
  if (!dim_eq(want, ind->dim))
    return NAN;
  double num = ind->basis == BASIS_ENERGY
                   ? val_get(prod, "energy_tce")->num * 1000.0 /* kgce */
               : ind->basis == BASIS_ELECTRICITY
                   ? val_get(prod, "electricity_kwh")->num * 3.6 /* MJ */
                   : val_get(prod, "fuel_kgce")->num;
  (void)c;
  *numerator_base = num;
  return num / qbase;
}

/* What a grade column shows, in words: "graded" (grade 1–3), "not_reached"
   (the limit, grade 3, is not met: 未达限定值) or "not_applicable" (not
   graded: no class, no figure, another unit: 不适用), with status_zh and
   status_en. A null grade alone does not tell these apart. */
static void set_status(arena *a, value *o, int grade, bool judged, bool meets)
{
  if (grade > 0) {
    val_set_str(a, o, "status", "graded");
    val_set_str(a, o, "status_zh", arena_printf(a, "%d级", grade));
    val_set_str(a, o, "status_en", arena_printf(a, "Grade %d", grade));
  } else if (judged && !meets) {
    val_set_str(a, o, "status", "not_reached");
    val_set_str(a, o, "status_zh", "未达限定值");
    val_set_str(a, o, "status_en", "Not reached");
  } else if (judged) {
    /* meets a limit given without grades 1–3 (an electric boiler's 97 %) */
    val_set_str(a, o, "status", "limit_met");
    val_set_str(a, o, "status_zh", "达到限定值");
    val_set_str(a, o, "status_en", "Limit met");
  } else {
    val_set_str(a, o, "status", "not_applicable");
    val_set_str(a, o, "status_zh", "不适用");
    val_set_str(a, o, "status_en", "Not applicable");
  }
}

/* The class an item was graded in and its three grade values (null
   where the class has none), as the class gives them. */
static void set_class_grades(arena *a, value *o, const eq_class *cls)
{
  val_set_str(a, o, "class_zh", cls->name.zh);
  val_set_str(a, o, "class_en", cls->name.en);
  value *grades = val_set(a, o, "grades", val_arr(a));
  for (int g = 0; g < 3; g++)
    val_push(a, grades,
             cls->has_grade[g] ? val_num(a, cls->grade[g]) : val_null(a));
}

/* The fields every graded item ends with: its grade (null when none is
   reached), whether it meets the limit, its status, and the kind's
   verification and citation. Returns the grade's value (for its trace). */
static value *set_graded(arena *a, value *o, const eq_kind *k, int grade,
                         bool meets)
{
  value *gv = grade ? val_num(a, grade) : val_null(a);
  val_set(a, o, "grade", gv);
  val_set_bool(a, o, "meets_limit", meets);
  set_status(a, o, grade, true, meets);
  val_set_bool(a, o, "verified", k->verified);
  calc_set_cite(a, o, "", &k->citation, &k->checked);
  return gv;
}

static int grade_low_is_better(const bool *has, const double *g, double v)
{
  for (int i = 0; i < 3; i++)
    if (has[i] && v <= g[i] * (1 + EPS) + EPS)
      return i + 1;
  return 0;
}

/* The limits of benchmark b for the edition of its standard in force: b,
   or the rules' entry holding that edition (edition_of: b). When the rules
   hold no limits of that edition, b — editions.c then withdraws the grade
   and says which edition applies. */
static const benchmark *benchmark_in_force(calc_ctx *c, const benchmark *b)
{
  const char *code, *ed;
  if (!b->standard || !factors_designation(c->a, b->standard, &code, &ed))
    return b;
  const char *desig = calc_std_in_force(c, code);
  const benchmark *in_force =
      desig ? factors_benchmark_edition(c->f, b->key, desig) : NULL;
  return in_force ? in_force : b;
}

static void benchmark_product(calc_ctx *c, value *prod, const m_product *p)
{
  arena *a = c->a;
  const benchmark *bm = factors_benchmark(c->f, p->benchmark);
  value *o = val_set(a, prod, "benchmark", val_obj(a));
  val_set_str(a, o, "key", p->benchmark);
  if (!bm) {
    val_set_null(a, o, "grade");
    set_status(a, o, 0, false, false);
    return;
  }
  bm = benchmark_in_force(c, bm);
  val_set_str(a, o, "standard", bm->standard);
  val_set_str(a, o, "title_zh", bm->title.zh);
  val_set_str(a, o, "title_en", bm->title.en);
  val_set_str(a, o, "source", bm->source.en);
  val_set_str(a, o, "source_zh", bm->source.zh ? bm->source.zh : bm->source.en);
  val_set_bool(a, o, "verified", bm->verified);
  calc_set_cite(a, o, "", &bm->citation, &bm->checked);
  val_set(a, o, "layer", bm->layer ? val_str(a, bm->layer) : val_null(a));
  value *all = val_arr(a);
  double qbase = p->quantity.v * base_scale(p->unit);
  for (size_t i = 0; i < bm->n_ind; i++) {
    const bm_indicator *ind = &bm->ind[i];
    value *io = val_obj(a);
    val_push(a, all, io);
    val_set_str(a, io, "id", ind->id);
    val_set_str(a, io, "name_zh", ind->name.zh);
    val_set_str(a, io, "name_en", ind->name.en);
    val_set_str(a, io, "unit", ind->unit);
    /* the unit in English: 重箱 is a weight case (rules/terms.yaml) */
    val_set_str(a, io, "unit_en", terms_unit(a, c->f, ind->unit, false));
    double num = 0;
    double v = indicator_value(c, ind, prod, &num);
    value *grades = val_set(a, io, "grades", val_arr(a));
    for (int g = 0; g < 3; g++)
      val_push(a, grades, ind->has_grade[g]
                              ? val_num(a, units_to(ind->grade[g], ind->unit))
                              : val_null(a));
    if (!isfinite(v)) {
      val_set_null(a, io, "value");
      val_set_null(a, io, "grade");
      val_set_null(a, io, "meets_limit");
      set_status(a, io, 0, false, false);
      calc_note(c, arena_printf(a, "energy.products[%s].benchmark", p->id),
                arena_printf(a, "产品%s的计量单位与%s指标单位%s不一致，未对标。",
                             p->name.zh, bm->standard, ind->unit),
                arena_printf(a, "%s is counted in %s, which does not "
                                "fit the indicator unit %s of %s: not "
                                "compared.",
                             p->name.en, p->unit, ind->unit, bm->standard));
      continue;
    }
    int grade = grade_low_is_better(ind->has_grade, ind->grade, v);
    bool meets = v <= ind->grade[2] * (1 + EPS) + EPS;
    value *vv = val_set_num(a, io, "value", units_to(v, ind->unit));
    trace *t = val_trace(a, vv, "indicator / quantity", bm->standard);
    trace_add(a, t, "numerator", num, ind->basis == BASIS_ELECTRICITY ? "MJ"
                                                                       : "kgce",
              NULL);
    trace_add(a, t, "quantity", p->quantity.v, p->unit, NULL);
    if (grade)
      val_set_num(a, io, "grade", grade);
    else
      val_set_null(a, io, "grade");
    val_set_bool(a, io, "meets_limit", meets);
    set_status(a, io, grade, true, meets);
    /* Savings potential to the best grade given, in tce. */
    int best = 0;
    while (best < 3 && !ind->has_grade[best])
      best++;
    double gap = fmax(0.0, v - ind->grade[best]) * qbase;
    double pot = ind->basis == BASIS_ELECTRICITY
                     ? units_to(gap, "kWh") *
                           factors_carrier(c->f, "electricity")->coef_kgce /
                           1000.0
                     : gap / 1000.0;
    value *pv = val_set_num(a, io, "savings_potential_tce", pot);
    t = val_trace(a, pv, "max(0, value − grade 1) × quantity",
                  "results.md Benchmark");
    trace_add(a, t, "value", units_to(v, ind->unit), ind->unit, NULL);
    trace_add(a, t, "grade 1", units_to(ind->grade[best], ind->unit), ind->unit,
              bm->standard);
    trace_add(a, t, "quantity", p->quantity.v, p->unit, NULL);
    if (ind->has_corrections) {
      val_set_str(a, io, "corrections_not_applied", ind->corrections.en);
      val_set_str(a, io, "corrections_not_applied_zh", ind->corrections.zh);
    }
  }
  /* The headline indicator fills the results.md fields. */
  value *h = all->n ? all->items[0] : NULL;
  if (h) {
    val_set_str(a, o, "indicator", val_get(h, "id")->str);
    val_set(a, o, "indicator_zh", val_get(h, "name_zh"));
    val_set(a, o, "indicator_en", val_get(h, "name_en"));
    val_set_str(a, o, "unit", val_get(h, "unit")->str);
    val_set(a, o, "unit_en", val_get(h, "unit_en"));
    val_set(a, o, "value", val_get(h, "value"));
    val_set(a, o, "grade", val_get(h, "grade"));
    val_set(a, o, "meets_limit", val_get(h, "meets_limit"));
    val_set(a, o, "status", val_get(h, "status"));
    val_set(a, o, "status_zh", val_get(h, "status_zh"));
    val_set(a, o, "status_en", val_get(h, "status_en"));
    value *g = val_get(h, "grades");
    val_set(a, o, "limit_kgce", g->items[2]);
    val_set(a, o, "access_kgce", g->items[1]);
    val_set(a, o, "advanced_kgce", g->items[0]);
    value *sp = val_get(h, "savings_potential_tce");
    val_set(a, o, "savings_potential_tce", sp ? sp : val_null(a));
  }
  val_set(a, o, "indicators", all);
  if (bm->has_in_force && date_days(bm->in_force) > date_days(c->m->to))
    calc_note(c, arena_printf(a, "energy.products[%s].benchmark", p->id),
              arena_printf(a, "%s在审计期后才实施，对标仅供参考。", bm->standard),
              arena_printf(a, "%s came into force after the audit period: "
                              "the comparison is for reference.",
                           bm->standard));
  /* Values awaiting checking are listed once, in Appendix B (from
     verified and checked), not in a note per product. */
}

static void benchmarks(calc_ctx *c)
{
  value *prods = val_path(c->root, "energy.products");
  for (size_t i = 0; prods && i < c->m->n_products; i++)
    if (c->m->products[i].benchmark)
      benchmark_product(c, prods->items[i], &c->m->products[i]);
}

/* Potentials that do not overlap (docs/calculation.md "Potentials"). A
   product that uses another contains its energy, so its potential to grade
   1 contains the potential already counted for what it uses: per unit used,
   the potential counted for one unit of that product (its own stage plus
   what it contains in turn). Only the rest, the product's own stage, goes
   into the total: potential_own = max(0, potential − Σ used × counted per
   unit). A product without a potential (no benchmark, not judged) counts
   nothing itself and passes on what it contains. */
static void products_potential(calc_ctx *c)
{
  arena *a = c->a;
  const model *m = c->m;
  value *energy = val_path(c->root, "energy");
  value *prods = energy ? val_get(energy, "products") : NULL;
  if (!prods || prods->n != m->n_products)
    return;
  double *per = ARENA_ARRAY(a, double, m->n_products + 1);
  value *tv = val_num(a, 0);
  trace *tt = val_trace(a, tv, "Σ potential_own_tce",
                        "docs/calculation.md Potentials");
  double total = 0;
  bool any = false;
  for (size_t oi = 0; oi < m->n_products; oi++) {
    size_t i = m->product_order ? m->product_order[oi] : oi;
    const m_product *p = &m->products[i];
    value *prod = prods->items[i];
    double in_used = 0;
    for (size_t j = 0; j < p->n_uses; j++)
      in_used += p->uses[j].amount * per[p->uses[j].product];
    value *bm = val_get(prod, "benchmark");
    value *sp = bm ? val_get(bm, "savings_potential_tce") : NULL;
    double own = 0;
    if (sp && sp->kind == VAL_NUM) {
      own = fmax(0.0, sp->num - in_used);
      value *ov = val_set_num(a, bm, "potential_own_tce", own);
      value *uv = val_set_num(a, bm, "potential_in_used_tce", in_used);
      trace *t = val_trace(a, uv, "Σ used × potential counted per unit used",
                           "docs/calculation.md Potentials");
      for (size_t j = 0; j < p->n_uses; j++) {
        const m_product *q = &m->products[p->uses[j].product];
        trace_add(a, t, arena_printf(a, "%s used", q->id), p->uses[j].amount,
                  q->unit,
                  arena_printf(a, "× %.10g tce/%s", per[p->uses[j].product],
                               q->unit));
        trace_label(a, t, arena_printf(a, "所用%s", q->name.zh),
                    arena_printf(a, "%s used", q->name.en));
      }
      t = val_trace(a, ov, "max(0, savings_potential_tce − potential_in_used_tce)",
                    "docs/calculation.md Potentials");
      trace_add_ref(a, t, "savings_potential_tce", sp->num, "tce",
                    arena_printf(a, "energy.products[%s].benchmark."
                                    "savings_potential_tce", p->id));
      trace_add_ref(a, t, "potential_in_used_tce", in_used, "tce",
                    arena_printf(a, "energy.products[%s].benchmark."
                                    "potential_in_used_tce", p->id));
      total += own;
      any = true;
      trace_add_ref(a, tt, p->id, own, "tce",
                    arena_printf(a, "energy.products[%s].benchmark."
                                    "potential_own_tce", p->id));
      trace_label(a, tt, p->name.zh, p->name.en);
    } else if (bm) {
      val_set_null(a, bm, "potential_own_tce");
      val_set_null(a, bm, "potential_in_used_tce");
    }
    per[i] = (own + in_used) / p->quantity.v;
  }
  if (!any) {
    val_set_null(a, energy, "products_potential_tce");
    return;
  }
  tv->num = total;
  val_set(a, energy, "products_potential_tce", tv);
}

/* }====================================================== */
/* {====================================================== metering */

/* Accuracy classes ranked: smaller is finer; "S" is finer than the same
   number without it. */
static double class_rank(const char *cls)
{
  char *end;
  double x = strtod(cls, &end);
  return *end == 'S' ? x - 1e-6 : x;
}

static const mt_group *group_of(const metering_rules *mr, const char *carrier)
{
  for (size_t i = 0; i < mr->n_groups; i++)
    for (size_t j = 0; j < mr->groups[i].n_carriers; j++)
      if (strcmp(mr->groups[i].carriers[j], carrier) == 0)
        return &mr->groups[i];
  return NULL;
}

static void meter_carrier_names(calc_ctx *c, value *r, const m_meter *mt)
{
  arena *a = c->a;
  val_set_str(a, r, "carrier", mt->carrier);
  carrier_fig *mcf = calc_carrier(c, mt->carrier);
  const carrier_def *mdef = factors_carrier(c->f, mt->carrier);
  val_set_str(a, r, "name_zh", mcf ? calc_carrier_name(c, mcf, true)
                               : mdef ? mdef->name.zh : mt->carrier);
  val_set_str(a, r, "name_en", mcf ? calc_carrier_name(c, mcf, false)
                               : mdef ? mdef->name.en : mt->carrier);
}

/* Words of a meter kind (METER_KINDS order). */
static const struct {
  const char *kind, *zh, *en;
} kind_words[] = {
    {"energy_meter", "电能表", "Energy meter"},
    {"static_scale", "静态衡器", "Static scale"},
    {"truck_scale", "汽车衡（静态称重）", "Truck scale (static weighing)"},
    {"static_rail_scale", "静态轨道衡", "Static rail scale"},
    {"dynamic_scale", "动态衡器", "Dynamic scale"},
    {"belt_scale", "皮带秤（动态称重）", "Belt scale (dynamic weighing)"},
    {"dynamic_rail_scale", "动态轨道衡", "In-motion rail scale"},
    {"flow_meter", "流量计", "Flow meter"},
};

static bool row_has_carrier(const mt_accuracy *row, const char *carrier)
{
  for (size_t j = 0; j < row->n_carriers; j++)
    if (strcmp(row->carriers[j], carrier) == 0)
      return true;
  return false;
}

static bool row_has_kind(const mt_accuracy *row, const char *kind)
{
  if (!row->n_kinds)
    return true;
  for (size_t j = 0; kind && j < row->n_kinds; j++)
    if (strcmp(row->kinds[j], kind) == 0)
      return true;
  return false;
}

/* The Table 4 row of a meter: by carrier and stated kind; without a kind,
   the carrier's only row, or its row marked assumed:, else none (the kind
   decides and is not known). */
static const mt_accuracy *accuracy_rule(const metering_rules *mr,
                                        const m_meter *mt, const char **why,
                                        bool *assumed)
{
  const mt_accuracy *first = NULL, *guess = NULL;
  size_t n = 0;
  *assumed = false;
  for (size_t k = 0; k < mr->n_accuracy; k++) {
    const mt_accuracy *row = &mr->accuracy[k];
    if (!row_has_carrier(row, mt->carrier))
      continue;
    if (mt->kind && row_has_kind(row, mt->kind))
      return row;
    if (!first)
      first = row;
    if (row->assumed && !guess)
      guess = row;
    n++;
  }
  if (!n) {
    *why = "no_row";
    return NULL;
  }
  if (mt->kind) {
    *why = "kind_not_in_table";
    return NULL;
  }
  if (n == 1)
    return first; /* the carrier's only row: nothing is assumed */
  if (guess) {
    *assumed = true;
    return guess;
  }
  *why = "kind_missing";
  return NULL;
}

static const struct {
  const char *key, *zh, *en;
} reason_words[] = {
    {"class_missing", "未注明准确度等级", "no accuracy class stated"},
    {"kind_missing", "未注明器具类型，表4对该能源品种按器具类型（如静态、动态称重）要求不同等级",
     "the instrument kind is not stated and Table 4 requires different "
     "classes by kind for this carrier (e.g. static or dynamic weighing)"},
    {"no_row", "表4未规定该能源品种计量器具的准确度等级",
     "Table 4 sets no class for meters of this carrier"},
    {"kind_not_in_table", "表4未规定该类器具用于该能源品种时的准确度等级",
     "Table 4 sets no class for this kind of instrument on this carrier"},
};

static void accuracy_row(calc_ctx *c, value *r, const m_meter *mt,
                         double monthly_kwh)
{
  arena *a = c->a;
  const metering_rules *mr = &c->f->metering;
  val_set_str(a, r, "meter", mt->id);
  val_set_str(a, r, "meter_name_zh", mt->name.zh);
  val_set_str(a, r, "meter_name_en", mt->name.en);
  val_set_num(a, r, "level", mt->level);
  meter_carrier_names(c, r, mt);
  val_set_str(a, r, "class", mt->accuracy);
  const char *why = NULL;
  bool assumed = false;
  const mt_accuracy *rule = accuracy_rule(mr, mt, &why, &assumed);
  const char *req = rule ? rule->cls : NULL, *user_class = NULL;
  bool lower = false;
  for (size_t k = 0; rule && !req && k < rule->n_uc; k++)
    if (monthly_kwh >= rule->uc[k].min_monthly_kwh) {
      /* Electricity meters of levels 2 and 3 may be one grade lower than
         the same user class needs at the boundary (4.3.9, 4.3.10): the
         class of the next user class down. */
      size_t g = k;
      if (mt->level > 1 && k + 1 < rule->n_uc) {
        g = k + 1;
        lower = true;
      }
      req = rule->uc[g].cls;
      user_class = rule->uc[k].user_class;
    }
  val_set_str(a, r, "required_class", req);
  if (rule) {
    val_set_str(a, r, "instrument_zh", rule->name.zh);
    val_set_str(a, r, "instrument_en", rule->name.en);
  } else {
    val_set_null(a, r, "instrument_zh");
    val_set_null(a, r, "instrument_en");
  }
  if (user_class)
    val_set_str(a, r, "user_class", user_class);
  val_set_bool(a, r, "one_grade_lower", lower);
  const char *kz = NULL, *ke = NULL;
  for (size_t k = 0; mt->kind && k < sizeof kind_words / sizeof *kind_words;
       k++)
    if (strcmp(kind_words[k].kind, mt->kind) == 0) {
      kz = kind_words[k].zh;
      ke = kind_words[k].en;
    }
  val_set_str(a, r, "kind", mt->kind);
  val_set_str(a, r, "kind_zh", kz);
  val_set_str(a, r, "kind_en", ke);
  val_set_bool(a, r, "kind_assumed", assumed);
  if (rule && !mt->accuracy)
    why = "class_missing";
  const char *status = "cannot_check", *cz = "无法判定", *ce = "Cannot be checked";
  if (!why && req) {
    bool ok = class_rank(mt->accuracy) <= class_rank(req);
    val_set_bool(a, r, "ok", ok);
    status = ok ? "meets" : "does_not_meet";
    cz = ok ? "符合" : "不符合";
    ce = ok ? "Meets" : "Does not meet";
  } else {
    val_set_null(a, r, "ok");
  }
  /* No class stated is a gap in the records, not a failed check: its own
     status, kept apart from the meters checked in the counts. */
  if (!mt->accuracy) {
    status = "not_stated";
    cz = "未注明";
    ce = "Not stated";
  }
  val_set_str(a, r, "status", status);
  val_set_str(a, r, "check_zh", cz);
  val_set_str(a, r, "check_en", ce);
  val_set_str(a, r, "reason", why);
  const char *rz = NULL, *re = NULL;
  for (size_t k = 0; why && k < sizeof reason_words / sizeof *reason_words; k++)
    if (strcmp(reason_words[k].key, why) == 0) {
      rz = reason_words[k].zh;
      re = reason_words[k].en;
    }
  val_set_str(a, r, "reason_zh", rz);
  val_set_str(a, r, "reason_en", re);
}

/* Calibration at the period's end (GB 17167-2006 5.3): valid, overdue,
   missing (no date), no_due (a date without due date or interval), or
   after_period (calibrated only after the period ended). */
static void calibration_row(calc_ctx *c, value *r, const m_meter *mt)
{
  arena *a = c->a;
  char day[16];
  const char *st;
  if (mt->has_calibrated) {
    date_format(mt->calibrated, day);
    val_set_str(a, r, "calibrated", arena_strdup(a, day));
  } else {
    val_set_null(a, r, "calibrated");
  }
  if (mt->has_due) {
    date_format(mt->due, day);
    val_set_str(a, r, "calibration_due", arena_strdup(a, day));
  } else {
    val_set_null(a, r, "calibration_due");
  }
  val_set_str(a, r, "certificate", mt->certificate);
  long end = date_days(c->m->to);
  if (!mt->has_calibrated)
    st = "missing";
  else if (date_days(mt->calibrated) > end)
    st = "after_period";
  else if (!mt->has_due)
    st = "no_due";
  else
    st = date_days(mt->due) < end ? "overdue" : "valid";
  static const struct {
    const char *key, *zh, *en;
  } w[] = {{"valid", "有效", "Valid"},
           {"overdue", "超期", "Overdue"},
           {"missing", "无记录", "No record"},
           {"no_due", "未注明有效期", "No due date"},
           {"after_period", "期末后检定", "After the period"}};
  val_set_str(a, r, "calibration_status", st);
  for (size_t k = 0; k < sizeof w / sizeof *w; k++)
    if (strcmp(w[k].key, st) == 0) {
      val_set_str(a, r, "calibration_zh", w[k].zh);
      val_set_str(a, r, "calibration_en", w[k].en);
    }
}

/* metering.calibration: counts by status, and the meters without a
   calibration on record at the period's end listed once (one finding for
   all, not one per meter). */
static void calibration_summary(calc_ctx *c, value *o, const value *acc)
{
  arena *a = c->a;
  static const char *const sts[] = {"valid", "overdue", "missing", "no_due",
                                    "after_period", NULL};
  value *cal = val_set(a, o, "calibration", val_obj(a));
  for (int k = 0; sts[k]; k++) {
    size_t n = 0;
    for (size_t i = 0; i < acc->n; i++) {
      const value *st = val_get(acc->items[i], "calibration_status");
      n += st && st->kind == VAL_STR && strcmp(st->str, sts[k]) == 0;
    }
    val_set_num(a, cal, sts[k], (double)n);
  }
  /* In the meters' order; built in a growing buffer, not by copying the
     list once per meter (20,000 meters took minutes and gigabytes). */
  size_t nmiss = 0;
  buf zh, en;
  buf_init(&zh);
  buf_init(&en);
  for (size_t i = 0; i < acc->n; i++) {
    const value *st = val_get(acc->items[i], "calibration_status");
    if (!st || st->kind != VAL_STR ||
        (strcmp(st->str, "missing") != 0 &&
         strcmp(st->str, "after_period") != 0))
      continue;
    const char *id = val_get(acc->items[i], "meter")->str;
    if (nmiss) {
      buf_puts(&zh, "、");
      buf_puts(&en, ", ");
    }
    buf_puts(&zh, id);
    buf_puts(&en, id);
    nmiss++;
  }
  val_set_num(a, cal, "without_record", (double)nmiss);
  val_set_str(a, cal, "without_record_zh",
              nmiss ? arena_strdup(a, zh.data) : NULL);
  val_set_str(a, cal, "without_record_en",
              nmiss ? arena_strdup(a, en.data) : NULL);
  buf_fini(&zh);
  buf_fini(&en);
}

/* metering.class_check: the meters in use by accuracy status; checked is
   those judged (meets + does_not_meet), the base of the summary's
   "meeting the required class" count, so that a meter stating no class
   (not_stated) or one Table 4 cannot judge (cannot_check) is not counted
   as failing (GB 17167-2006 4.3.8). */
static void class_summary(calc_ctx *c, value *o, const value *acc)
{
  arena *a = c->a;
  static const char *const sts[] = {"meets", "does_not_meet", "not_stated",
                                    "cannot_check", NULL};
  value *cc = val_set(a, o, "class_check", val_obj(a));
  size_t n[4] = {0};
  for (size_t i = 0; i < acc->n; i++) {
    const value *st = val_get(acc->items[i], "status");
    for (int k = 0; sts[k] && st && st->kind == VAL_STR; k++)
      n[k] += strcmp(st->str, sts[k]) == 0;
  }
  for (int k = 0; sts[k]; k++)
    val_set_num(a, cc, sts[k], (double)n[k]);
  val_set_num(a, cc, "checked", (double)(n[0] + n[1]));
}

static void metering(calc_ctx *c)
{
  arena *a = c->a;
  const model *m = c->m;
  const metering_rules *mr = &c->f->metering;
  value *o = val_set(a, c->root, "metering", val_obj(a));
  value *cov = val_set(a, o, "coverage", val_arr(a));
  value *acc = val_set(a, o, "accuracy", val_arr(a));
  if (!mr->present)
    return;
  val_set_str(a, o, "standard", mr->standard);
  calc_set_layer(a, o, mr->layer);
  /* Coverage per level and carrier (results.md), in the order carriers
     first appear among the meters; the required rate is that of the
     carrier's GB 17167 group. */
  const char **keys = ARENA_ARRAY(a, const char *, m->n_meters + 1);
  size_t nk = 0;
  for (size_t i = 0; i < m->n_meters; i++) {
    bool seen = false;
    for (size_t k = 0; k < nk && !seen; k++)
      seen = strcmp(keys[k], m->meters[i].carrier) == 0;
    if (!seen)
      keys[nk++] = m->meters[i].carrier;
  }
  for (int level = 1; level <= 3; level++) {
    for (size_t k = 0; k < nk; k++) {
      const mt_group *grp = group_of(mr, keys[k]);
      size_t inst = 0, total = 0;
      for (size_t i = 0; i < m->n_meters; i++) {
        const m_meter *mt = &m->meters[i];
        if (mt->level != level || strcmp(mt->carrier, keys[k]) != 0)
          continue;
        total++;
        inst += mt->installed;
      }
      if (!total)
        continue;
      value *r = val_obj(a);
      val_push(a, cov, r);
      val_set_num(a, r, "level", level);
      val_set_str(a, r, "carrier", keys[k]);
      carrier_fig *cf = calc_carrier(c, keys[k]);
      val_set_str(a, r, "name_zh",
                  cf ? calc_carrier_name(c, cf, true) : keys[k]);
      val_set_str(a, r, "name_en",
                  cf ? calc_carrier_name(c, cf, false) : keys[k]);
      val_set_str(a, r, "group", grp ? grp->group : "other");
      val_set_num(a, r, "installed", (double)inst);
      val_set_num(a, r, "required_points", (double)total);
      value *rate = val_set_num(a, r, "rate", (double)inst / (double)total);
      trace *t = val_trace(a, rate, "installed / required_points",
                           "GB 17167-2006 4.3.1");
      trace_add(a, t, "installed", (double)inst, NULL, NULL);
      trace_add(a, t, "required_points", (double)total, NULL, NULL);
      if (grp && grp->has_rate[level - 1]) {
        val_set_num(a, r, "required_rate", grp->rate[level - 1]);
        val_set_bool(a, r, "ok", (double)inst / (double)total >=
                                     grp->rate[level - 1] - EPS);
      } else {
        val_set_null(a, r, "required_rate");
        val_set_null(a, r, "ok");
      }
    }
  }
  /* Every installed meter against GB 17167 Table 4 (4.3.8; levels 2 and 3
     by reference, 4.3.9 and 4.3.10), and its calibration at the period's
     end (5.3). */
  carrier_fig *el = calc_carrier(c, "electricity");
  double monthly_kwh = el && m->months > 0 ? el->purchased / m->months : 0;
  for (size_t i = 0; i < m->n_meters; i++) {
    const m_meter *mt = &m->meters[i];
    if (!mt->installed)
      continue;
    value *r = val_obj(a);
    val_push(a, acc, r);
    accuracy_row(c, r, mt, monthly_kwh);
    calibration_row(c, r, mt);
  }
  calibration_summary(c, o, acc);
  class_summary(c, o, acc);
  /* The metering points the data name without a meter (installed: false). */
  value *miss = val_set(a, o, "missing", val_arr(a));
  for (size_t i = 0; i < m->n_meters; i++) {
    const m_meter *mt = &m->meters[i];
    if (mt->installed)
      continue;
    value *r = val_obj(a);
    val_push(a, miss, r);
    val_set_str(a, r, "meter", mt->id);
    val_set_str(a, r, "meter_name_zh", mt->name.zh);
    val_set_str(a, r, "meter_name_en", mt->name.en);
    val_set_num(a, r, "level", mt->level);
    meter_carrier_names(c, r, mt);
  }
}

/* }====================================================== */
/* {====================================================== equipment */

static bool in_list(const char *const *l, size_t n, const char *s)
{
  if (!n)
    return true;
  if (!s)
    return false;
  for (size_t i = 0; i < n; i++) /* the first byte before strcmp */
    if (l[i][0] == s[0] && strcmp(l[i], s) == 0)
      return true;
  return false;
}

/* {------------------------------------------- why no class fits */

/* One match key of a class: whether the class accepts the item on it. */
enum { SEL_TYPE, SEL_FUEL, SEL_COAL, SEL_COOLING, SEL_POLES, SEL_CAPACITY,
       SEL_PRESSURE, SEL_FLOW, SEL_PSI, SEL_HUB, SEL_NS, SEL_NO, SEL_VOLT,
       SEL_CORE, SEL_CONN, SEL_INSUL, SEL_N };

/* The keys that name a value from a list (type, fuel, … connection). */
static bool id_sel(int sel)
{
  return sel <= SEL_COOLING || sel >= SEL_CORE;
}

/* The item's value of an interval key (flow in base units), NAN when it
   gives none. */
static double iv_value(const m_equipment *e, int iv)
{
  switch (iv) {
  case EQ_IV_FLOW:
    return e->flow.set ? e->flow.v : (double)NAN;
  case EQ_IV_PSI:
    return e->pressure_coefficient;
  case EQ_IV_HUB:
    return e->hub_ratio;
  case EQ_IV_NS:
    return e->specific_speed;
  case EQ_IV_NO:
    return e->machine_number;
  default:
    return e->voltage_class;
  }
}

/* Whether x lies in the interval, each end as the rules close it (a
   relative tolerance of EPS on the end points, as for the other ranges). */
static bool iv_fits(const eq_interval *r, double x)
{
  if (!r->set)
    return true;
  if (isnan(x))
    return false;
  double tl = fabs(r->lo) * EPS, th = fabs(r->hi) * EPS;
  if (r->has_lo && !(r->lo_incl ? x >= r->lo - tl : x > r->lo + tl))
    return false;
  if (r->has_hi && !(r->hi_incl ? x <= r->hi + th : x < r->hi - th))
    return false;
  return true;
}

static bool sel_fits(const eq_class *k, const m_equipment *e, int sel)
{
  switch (sel) {
  case SEL_TYPE:
    return in_list(k->types, k->n_types, e->type);
  case SEL_FUEL:
    return in_list(k->fuels, k->n_fuels, e->fuel);
  case SEL_COAL:
    return in_list(k->coal_class, k->n_coal_class, e->coal_class);
  case SEL_COOLING:
    return in_list(k->cooling, k->n_cooling, e->cooling);
  case SEL_CORE:
    return in_list(k->core, k->n_core, e->core);
  case SEL_CONN:
    return in_list(k->connection, k->n_connection, e->connection);
  case SEL_INSUL:
    return in_list(k->insulation, k->n_insulation, e->insulation);
  case SEL_POLES: {
    bool ok = !k->n_poles;
    for (size_t i = 0; i < k->n_poles; i++)
      ok |= k->poles[i] == e->poles;
    return ok;
  }
  case SEL_CAPACITY: {
    if (!k->has_capacity)
      return true;
    if (!e->capacity.set || !dim_eq(e->capacity.dim, k->cap_dim))
      return false;
    eq_interval r = {.set = true, .has_lo = true, .has_hi = true,
                     .lo_incl = k->cap_lo_incl, .hi_incl = k->cap_hi_incl,
                     .lo = k->cap_min, .hi = k->cap_max};
    return iv_fits(&r, e->capacity.v);
  }
  case SEL_PRESSURE:
    return !k->has_pressure ||
           (e->pressure.set && e->pressure.v > k->p_min * (1 + EPS) &&
            e->pressure.v <= k->p_max * (1 + EPS));
  default: {
    int iv = EQ_IV_FLOW + (sel - SEL_FLOW);
    return iv_fits(&k->iv[iv], iv_value(e, iv));
  }
  }
}

/* The FIRST class in file order whose every match key fits the item. */
static bool class_fits(const eq_class *k, const m_equipment *e)
{
  for (int sel = 0; sel < SEL_N; sel++)
    if (!sel_fits(k, e, sel))
      return false;
  return true;
}

/* The widest range the classes of k give on a range key, in base units;
   capacity only over the classes in the item's dimension. False when no
   class has the key (in that dimension). */
static bool range_of(const eq_kind *k, const bool *cand, const m_equipment *e,
                     int sel, double *lo, double *hi, const char **unit,
                     bool *lo_incl)
{
  bool any = false;
  for (size_t j = 0; j < k->n_classes; j++) {
    const eq_class *cl = &k->classes[j];
    if (!cand[j])
      continue;
    double l, h;
    if (sel == SEL_CAPACITY && cl->has_capacity &&
        (!e->capacity.set || dim_eq(cl->cap_dim, e->capacity.dim))) {
      l = cl->cap_min, h = cl->cap_max;
      if (!any)
        *unit = cl->cap_unit;
    } else if (sel == SEL_PRESSURE && cl->has_pressure) {
      l = cl->p_min, h = cl->p_max;
      *unit = "MPa";
    } else if (sel == SEL_FLOW && cl->iv[EQ_IV_FLOW].set) {
      l = cl->iv[EQ_IV_FLOW].lo, h = cl->iv[EQ_IV_FLOW].hi;
      *unit = "m3/h";
    } else {
      continue;
    }
    bool li = sel == SEL_CAPACITY ? cl->cap_lo_incl
              : sel == SEL_FLOW   ? cl->iv[EQ_IV_FLOW].lo_incl
                                  : false;
    if (!any || l < *lo || (l == *lo && li))
      *lo_incl = li;
    *lo = any ? fmin(*lo, l) : l;
    *hi = any ? fmax(*hi, h) : h;
    any = true;
  }
  return any;
}

/* The span the candidate classes cover on interval key iv, in interval
   notation: the lowest lower end to the highest upper end, each closed as
   the class that gives it closes it ("[0.25, 1.55)"); gaps between the
   classes are not shown. */
static const char *plain_num(arena *a, double x)
{
  char num[64];
  char *t = arena_printf(a, "%s", fmt_num(x, 2, false, num, sizeof num));
  char *dot = strchr(t, '.');
  if (dot) {
    char *end = t + strlen(t);
    while (end > dot && (end[-1] == '0' || end[-1] == '.'))
      *--end = '\0';
  }
  return t;
}

static const char *iv_span(arena *a, const eq_kind *k, const bool *cand,
                           int iv)
{
  bool any = false, lo_open = false, hi_open = false, li = false, hi_i = false;
  double lo = 0, hi = 0;
  for (size_t j = 0; j < k->n_classes; j++) {
    const eq_interval *r = &k->classes[j].iv[iv];
    if (!cand[j] || !r->set)
      continue;
    if (!r->has_lo)
      lo_open = true;
    else if (!any || r->lo < lo || (r->lo == lo && r->lo_incl))
      lo = r->lo, li = r->lo_incl;
    if (!r->has_hi)
      hi_open = true;
    else if (!any || r->hi > hi || (r->hi == hi && r->hi_incl))
      hi = r->hi, hi_i = r->hi_incl;
    any = true;
  }
  if (!any)
    return "—";
  const char *l = plain_num(a, lo), *h = plain_num(a, hi);
  return arena_printf(a, "%s%s, %s%s", lo_open ? "(" : li ? "[" : "(",
                      lo_open ? "" : l, hi_open ? "" : h,
                      hi_open ? ")" : hi_i ? "]" : ")");
}

/* x (base units) in unit, to two decimals without trailing zeros. */
static const char *num_in(arena *a, double base, const char *unit)
{
  char num[64];
  char *t = arena_printf(a, "%s",
                         fmt_num(units_to(base, unit), 2, true, num, sizeof num));
  char *dot = strchr(t, '.');
  if (dot) {
    char *end = t + strlen(t);
    while (end > dot && (end[-1] == '0' || end[-1] == '.'))
      *--end = '\0';
  }
  return arena_printf(a, "%s %s", t, unit);
}

/* Why no class of kind k fits e: each match key on which no class at all
   accepts the item, in both languages, naming what the classes cover;
   when each key alone fits some class, the combination. The kind's scope
   (what its standard covers, and which standard covers the rest) follows. */
static void no_class_reason(calc_ctx *c, const eq_kind *k,
                            const m_equipment *e, const char **zh,
                            const char **en)
{
  arena *a = c->a;
  static const char *const key_zh[] = {"类型",     "燃料",     "设计煤种",
                                       "冷却方式", "铁心材料", "联结组别",
                                       "绝缘耐热等级"};
  static const char *const key_en[] = {"type",          "fuel",
                                       "design coal class", "cooling",
                                       "core material", "connection",
                                       "insulation class"};
  const char *rz = "", *re = "";
  /* The keys in order, each among the classes that the keys before it
     left (a grate boiler's coal class among the grate classes); a key no
     candidate accepts is a reason, and the candidates stay as they were
     for the keys after it. */
  bool *cand = ARENA_ARRAY(a, bool, k->n_classes + 1);
  for (size_t j = 0; j < k->n_classes; j++)
    cand[j] = true;
  for (int sel = 0; sel < SEL_N; sel++) {
    bool fits = false;
    for (size_t j = 0; j < k->n_classes; j++)
      fits |= cand[j] && sel_fits(&k->classes[j], e, sel);
    if (fits) {
      for (size_t j = 0; j < k->n_classes; j++)
        cand[j] = cand[j] && sel_fits(&k->classes[j], e, sel);
      continue;
    }
    if (!k->n_classes)
      continue;
    const char *pz, *pe;
    if (id_sel(sel)) {
      const char *given = sel == SEL_TYPE      ? e->type
                          : sel == SEL_FUEL    ? e->fuel
                          : sel == SEL_COAL    ? e->coal_class
                          : sel == SEL_COOLING ? e->cooling
                          : sel == SEL_CORE    ? e->core
                          : sel == SEL_CONN    ? e->connection
                                               : e->insulation;
      int ki = sel <= SEL_COOLING ? sel : 4 + (sel - SEL_CORE);
      /* the words are the rules' keys: named in no report language */
      if (given)
        pz = arena_printf(a, "其%s不在%s的分级范围内", key_zh[ki],
                          k->standard),
        pe = arena_printf(a, "its %s is not among those %s grades",
                          key_en[ki], k->standard);
      else
        pz = arena_printf(a, "未给出%s，%s按%s分级", key_zh[ki], k->standard,
                          key_zh[ki]),
        pe = arena_printf(a, "no %s is given, and %s grades by %s",
                          key_en[ki], k->standard, key_en[ki]);
    } else if (sel == SEL_POLES) {
      const char *pl = "";
      long seen[32];
      size_t ns = 0;
      for (size_t j = 0; j < k->n_classes; j++)
        for (size_t i = 0; cand[j] && i < k->classes[j].n_poles; i++) {
          long p = k->classes[j].poles[i];
          bool dup = false;
          for (size_t q = 0; q < ns; q++)
            dup |= seen[q] == p;
          if (dup || ns == sizeof seen / sizeof *seen)
            continue;
          seen[ns++] = p;
          pl = *pl ? arena_printf(a, "%s, %ld", pl, p)
                   : arena_printf(a, "%ld", p);
        }
      const char *plz = pl;
      for (char *q; (q = strstr(plz, ", "));)
        plz = arena_printf(a, "%.*s、%s", (int)(q - plz), plz, q + 2);
      if (e->poles)
        pz = arena_printf(a, "极数%ld不在%s的分级范围内（%s极）", e->poles,
                          k->standard, plz),
        pe = arena_printf(a, "%ld poles are not among those %s grades (%s "
                             "poles)",
                          e->poles, k->standard, pl);
      else
        pz = arena_printf(a, "未给出极数，%s按极数（%s极）分级", k->standard,
                          plz),
        pe = arena_printf(a, "no number of poles is given, and %s grades by "
                             "poles (%s)",
                          k->standard, pl);
    } else if (sel >= SEL_PSI && sel <= SEL_VOLT) {
      static const char *const iz[] = {"压力系数", "轮毂比", "比转速", "机号",
                                       "电压等级（kV）"};
      static const char *const ie[] = {"pressure coefficient", "hub ratio",
                                       "specific speed", "machine number",
                                       "voltage class (kV)"};
      int i = sel - SEL_PSI, iv = EQ_IV_PSI + i;
      double x = iv_value(e, iv);
      if (isnan(x)) {
        pz = arena_printf(a, "未给出%s，%s按%s分级", iz[i], k->standard, iz[i]);
        pe = arena_printf(a, "no %s is given, and %s grades by %s", ie[i],
                          k->standard, ie[i]);
      } else {
        const char *span = iv_span(a, k, cand, iv);
        const char *num = plain_num(a, x);
        pz = arena_printf(a, "%s%s不在%s任一类别的范围内（类别合计覆盖%s）",
                          iz[i], num, k->standard, span);
        pe = arena_printf(a, "its %s of %s is in no class of %s (the "
                             "classes together cover %s)",
                          ie[i], num, k->standard, span);
      }
    } else {
      const qty *q = sel == SEL_CAPACITY   ? &e->capacity
                     : sel == SEL_PRESSURE ? &e->pressure
                                           : &e->flow;
      static const char *const rz_[] = {"容量", "压力", "流量"};
      static const char *const re_[] = {"capacity", "pressure", "flow"};
      int i = sel - SEL_CAPACITY;
      double lo = 0, hi = 0;
      const char *unit = NULL;
      bool lo_incl = false;
      bool have = range_of(k, cand, e, sel, &lo, &hi, &unit, &lo_incl);
      if (!q->set)
        pz = arena_printf(a, "未给出%s，%s按%s分级", rz_[i], k->standard,
                          rz_[i]),
        pe = arena_printf(a, "no %s is given, and %s grades by %s", re_[i],
                          k->standard, re_[i]);
      else if (!have)
        pz = arena_printf(a, "%s“%s”的单位与%s各类别不符", rz_[i], q->text,
                          k->standard),
        pe = arena_printf(a, "its %s \"%s\" is in a unit none of the classes "
                             "of %s uses",
                          re_[i], q->text, k->standard);
      else if (sel == SEL_CAPACITY && q->v >= lo * (1 - EPS) &&
               q->v <= hi * (1 + EPS)) {
        /* within the span but between the ratings the classes give */
        const char *l = num_in(a, lo, unit), *h = num_in(a, hi, unit);
        pz = arena_printf(a, "容量%s不是%s任一类别的额定容量（类别覆盖%s至%s的标准"
                             "额定容量）",
                          q->text, k->standard, l, h);
        pe = arena_printf(a, "its capacity of %s is a rating no class of %s "
                             "gives (the classes cover the standard ratings "
                             "from %s to %s)",
                          q->text, k->standard, l, h);
      } else {
        const char *l = num_in(a, lo, unit), *h = num_in(a, hi, unit);
        pz = arena_printf(a, "%s%s超出%s各类别的范围（%s%s至%s）", rz_[i],
                          q->text, k->standard, l,
                          lo_incl ? "" : "以上", h),
        pe = arena_printf(a, "its %s of %s is outside the classes of %s "
                             "(%s%s to %s)",
                          re_[i], q->text, k->standard,
                          lo_incl ? "" : "above ", l, h);
      }
    }
    rz = *rz ? arena_printf(a, "%s；%s", rz, pz) : pz;
    re = *re ? arena_printf(a, "%s; %s", re, pe) : pe;
    /* the type picks the table: the keys after it would be judged among
       classes of another type */
    if (sel == SEL_TYPE)
      break;
  }
  if (!*rz) {
    rz = arena_printf(a, "其各项参数单独均有%s的类别相符，但没有一个类别同时符合"
                         "其类型、燃料、容量等参数的组合",
                      k->standard);
    re = arena_printf(a, "each of its parameters fits some class of %s, but "
                         "no class fits their combination (type, fuel, "
                         "capacity…)",
                      k->standard);
  }
  if (k->scope.zh) {
    rz = arena_printf(a, "%s。%s", rz, k->scope.zh);
    re = arena_printf(a, "%s. %s", re, k->scope.en);
  }
  *zh = rz;
  *en = re;
}

/* }------------------------------------------- */

/* An item the standards cannot grade: grade and meets_limit null, the
   reason (a clause without a full stop) in the results and in notes[]. */
static void not_graded(calc_ctx *c, value *o, const char *path,
                       const char *id, const char *zh, const char *en)
{
  arena *a = c->a;
  val_set_null(a, o, "grade");
  val_set_null(a, o, "meets_limit");
  set_status(a, o, 0, false, false);
  val_set_str(a, o, "not_graded_zh", zh);
  val_set_str(a, o, "not_graded_en", en);
  const value *nz = val_get(o, "name_zh"), *ne = val_get(o, "name_en");
  calc_note(c, arena_printf(a, "%s.grade", path),
            arena_printf(a, "设备%s未评级：%s。", nz ? nz->str : id, zh),
            arena_printf(a, "%s is not graded: %s.", ne ? ne->str : id, en));
}

/* The class of kind k item e falls in, or NULL after marking the item
   not graded: with the kind's own words for it, else the selectors that
   miss (no_class_reason). */
static const eq_class *class_or_not_graded(calc_ctx *c, const eq_kind *k,
                                           const m_equipment *e, value *o,
                                           const char *path)
{
  for (size_t j = 0; j < k->n_classes; j++)
    if (class_fits(&k->classes[j], e))
      return &k->classes[j];
  const char *zh = k->no_class.zh, *en = k->no_class.en;
  if (!en)
    no_class_reason(c, k, e, &zh, &en);
  not_graded(c, o, path, e->id, zh, en);
  return NULL;
}

/* GB 19762: the formula value of a pump (%), from its specific speed and
   flow; grade g's limit is it less the class's C_g. False (with a note)
   when a figure it needs is missing or the stages contradict the class. */
static bool pump_formula(calc_ctx *c, const eq_kind *k, const eq_class *cls,
                         const m_equipment *e, const char *path, value *o,
                         double *formula)
{
  arena *a = c->a;
  const eq_formula *f = &k->formulas[cls->formula];
  const char *missing = !e->flow.set    ? "flow"
                        : !e->head.set  ? "head"
                        : !e->speed.set ? "speed"
                        : f->multistage && !e->stages ? "stages"
                                                      : NULL;
  if (missing) {
    not_graded(c, o, path, e->id,
               arena_printf(a, "未给出%s，无法按%s计算比转速和能效限值",
                            missing, k->standard),
               arena_printf(a, "no %s is given, so the specific speed and "
                               "limits of %s cannot be computed",
                            missing, k->standard));
    return false;
  }
  long stages = e->stages ? e->stages : 1;
  if (f->multistage != (stages > 1)) {
    not_graded(c, o, path, e->id,
               arena_printf(a, "级数%ld与类别“%s”不符", stages, cls->name.zh),
               arena_printf(a, "%ld stage(s) contradict its class \"%s\"",
                            stages, cls->name.en));
    return false;
  }
  double q = e->flow.v;                         /* m3/h */
  double qs = q / 3600.0 / (cls->double_suction ? 2.0 : 1.0); /* m3/s */
  double h = e->head.v / (double)stages;        /* m per stage */
  double n = units_to(e->speed.v, "r/min");
  double ns = 3.65 * n * sqrt(qs) / pow(h, 0.75);
  value *nv = val_set_num(a, o, "specific_speed", ns);
  trace *t = val_trace(a, nv, "3.65 × n × √Q / H^0.75",
                       arena_printf(a, "%s (比转速)", k->standard));
  t->clause_zh = arena_printf(a, "%s（比转速）", k->standard);
  t->clause_en = arena_printf(a, "%s (specific speed)", k->standard);
  trace_add(a, t, "n", n, "r/min", NULL);
  trace_add(a, t, cls->double_suction ? "Q (half, double suction)" : "Q", qs,
            "m3/s", NULL);
  trace_add(a, t, "H per stage", h, "m", NULL);
  double ln_ns = log(ns), ln_q = log(q);
  double base = f->a * ln_ns * ln_ns + f->b * ln_q * ln_q +
                f->c * ln_ns * ln_q + f->d * ln_ns + f->e * ln_q;
  *formula = base;
  value *lv = val_set_num(a, o, "limit_formula_pct", base);
  t = val_trace(a, lv,
                "a(ln ns)² + b(ln Q)² + c(ln ns)(ln Q) + d(ln ns) + e(ln Q)",
                k->standard);
  trace_add_ref(a, t, "ns", ns, "", arena_printf(a, "%s.specific_speed", path));
  trace_add(a, t, "Q", q, "m3/h", NULL);
  trace_add(a, t, "a", f->a, "", f->key);
  trace_add(a, t, "b", f->b, "", f->key);
  trace_add(a, t, "c", f->c, "", f->key);
  trace_add(a, t, "d", f->d, "", f->key);
  trace_add(a, t, "e", f->e, "", f->key);
  return true;
}

/* The rated (nameplate) value of e against the grades of its kind's
   product standard: grade, meets_limit, status; not graded (with the
   reason) when no class fits or no rated value is given. A measured value
   is never graded here: the product standards define values at sale. */
/* The best grade (1..3) whose value v (kW, base units) does not exceed,
   0 when it exceeds grade 3. */
static int loss_grade(const bool *has, const double *g, double v)
{
  for (int i = 0; i < 3; i++)
    if (has[i] && v <= g[i] * (1 + EPS))
      return i + 1;
  return 0;
}

/* GB 20052: a transformer reaches grade g when its rated no-load loss P0
   and its rated load loss Pk are both at most grade g's values, so its
   grade is the worse of the two losses' grades; it meets the limit when
   both are at most grade 3's. */
static void grade_losses(calc_ctx *c, const eq_kind *k, const m_equipment *e,
                         const char *path, value *o)
{
  arena *a = c->a;
  val_set_str(a, o, "indicator", "losses");
  val_set_str(a, o, "indicator_zh", "损耗");
  val_set_str(a, o, "indicator_en", "losses");
  if (e->no_load_loss.set)
    val_set_num(a, o, "no_load_loss_kw", units_to(e->no_load_loss.v, "kW"));
  if (e->load_loss.set)
    val_set_num(a, o, "load_loss_kw", units_to(e->load_loss.v, "kW"));
  const eq_class *cls = class_or_not_graded(c, k, e, o, path);
  if (!cls)
    return;
  val_set_str(a, o, "class_zh", cls->name.zh);
  val_set_str(a, o, "class_en", cls->name.en);
  value *g0 = val_set(a, o, "grades_no_load_kw", val_arr(a));
  value *gk = val_set(a, o, "grades_load_kw", val_arr(a));
  for (int g = 0; g < 3; g++) {
    val_push(a, g0, cls->has_p0[g] ? val_num(a, units_to(cls->p0[g], "kW"))
                                   : val_null(a));
    val_push(a, gk, cls->has_pk[g] ? val_num(a, units_to(cls->pk[g], "kW"))
                                   : val_null(a));
  }
  if (!e->no_load_loss.set || !e->load_loss.set) {
    const char *wz = !e->no_load_loss.set && !e->load_loss.set
                         ? "空载损耗和负载损耗"
                     : !e->no_load_loss.set ? "空载损耗"
                                            : "负载损耗";
    const char *we = !e->no_load_loss.set && !e->load_loss.set
                         ? "no-load and load losses"
                     : !e->no_load_loss.set ? "no-load loss"
                                            : "load loss";
    not_graded(c, o, path, e->id,
               arena_printf(a, "未给出额定%s（铭牌值），%s按两项损耗分级", wz,
                            k->standard),
               arena_printf(a, "no rated (nameplate) %s is given, and %s "
                               "grades by both losses",
                            we, k->standard));
    val_set_str(a, o, "status", "no_rated");
    val_set_str(a, o, "status_zh", "无额定值");
    val_set_str(a, o, "status_en", "No rated value");
    return;
  }
  int gp0 = loss_grade(cls->has_p0, cls->p0, e->no_load_loss.v);
  int gpk = loss_grade(cls->has_pk, cls->pk, e->load_loss.v);
  bool meets = gp0 && gpk;
  int grade = meets ? (gp0 > gpk ? gp0 : gpk) : 0;
  val_set(a, o, "grade_no_load", gp0 ? val_num(a, gp0) : val_null(a));
  val_set(a, o, "grade_load", gpk ? val_num(a, gpk) : val_null(a));
  /* which loss decides: the worse one (both when equal) */
  val_set_str(a, o, "grade_set_by",
              gp0 == gpk ? "both"
              : (gp0 == 0 || (gpk != 0 && gp0 > gpk)) ? "no_load"
                                                       : "load");
  value *gv = set_graded(a, o, k, grade, meets);
  trace *t = val_trace(a, gv, "worse of the grades of P0 and Pk",
                       k->standard);
  trace_add(a, t, "P0", units_to(e->no_load_loss.v, "kW"), "kW", NULL);
  trace_add(a, t, "Pk", units_to(e->load_loss.v, "kW"), "kW", NULL);
}

/* GB 19577: a water-chilling package by its rated cooling COP (COPc,
   W/W), higher is better, grades as the class gives them; the class's
   iplv_min (the table's other index) must also be met for the limit and
   every grade. Without the IPLV the grade is that of the COP alone and
   the results say the IPLV condition was not checked. */
static void grade_cop(calc_ctx *c, const eq_kind *k, const m_equipment *e,
                      const char *path, value *o)
{
  arena *a = c->a;
  val_set_str(a, o, "indicator", "cop");
  val_set_str(a, o, "indicator_zh", "制冷性能系数");
  val_set_str(a, o, "indicator_en", "cooling COP");
  if (isfinite(e->rated_cop))
    val_set_num(a, o, "rated_cop", e->rated_cop);
  if (isfinite(e->rated_iplv))
    val_set_num(a, o, "rated_iplv", e->rated_iplv);
  const eq_class *cls = class_or_not_graded(c, k, e, o, path);
  if (!cls)
    return;
  set_class_grades(a, o, cls);
  if (cls->has_iplv_min)
    val_set_num(a, o, "iplv_min", cls->iplv_min);
  if (!isfinite(e->rated_cop)) {
    not_graded(c, o, path, e->id, "未给出名义制冷性能系数COP（铭牌值）",
               "no rated cooling COP (nameplate) is given");
    val_set_str(a, o, "status", "no_rated");
    val_set_str(a, o, "status_zh", "无额定值");
    val_set_str(a, o, "status_en", "No rated value");
    return;
  }
  double v = e->rated_cop;
  int grade = 0;
  for (int g = 0; g < 3 && !grade; g++)
    if (cls->has_grade[g] && v >= cls->grade[g] - EPS)
      grade = g + 1;
  bool meets = v >= cls->grade[2] - EPS;
  if (cls->has_iplv_min && isfinite(e->rated_iplv) &&
      e->rated_iplv < cls->iplv_min - EPS) {
    /* the other index fails: no grade, the limit not met */
    grade = 0;
    meets = false;
    val_set_str(a, o, "iplv_check", "not_met");
  } else if (cls->has_iplv_min) {
    val_set_str(a, o, "iplv_check",
                isfinite(e->rated_iplv) ? "met" : "not_checked");
  }
  value *gv = set_graded(a, o, k, grade, meets);
  trace *t = val_trace(a, gv, "first grade the rated value reaches",
                       k->standard);
  trace_add(a, t, "COP", v, "W/W", NULL);
  if (cls->has_iplv_min && !isfinite(e->rated_iplv))
    calc_note(c, arena_printf(a, "%s.grade", path),
              arena_printf(a, "未给出IPLV，%s对其限定值另有IPLV不低于%s的要求，"
                              "未核对。",
                           k->standard, plain_num(a, cls->iplv_min)),
              arena_printf(a, "No IPLV is given: %s also requires IPLV of at "
                              "least %s for the limit, which was not "
                              "checked.",
                           k->standard, plain_num(a, cls->iplv_min)));
}

/* GB 19576: a unitary air conditioner by the ratio its class names (SEER
   for cooling-only air-cooled units, APF for heat pumps, IPLV for
   water-cooled units, AEER for computer-room and constant-temperature
   units, COP for base-station units), W/W, higher is better: the first
   grade whose value it reaches. */
static void grade_perf(calc_ctx *c, const eq_kind *k, const m_equipment *e,
                       const char *path, value *o)
{
  static const char *const names[][3] = {
      {"seer", "制冷季节能效比SEER", "seasonal energy efficiency ratio SEER"},
      {"apf", "全年能源消耗效率APF", "annual performance factor APF"},
      {"iplv", "综合部分负荷性能系数IPLV", "integrated part-load value IPLV"},
      {"aeer", "全年能效比AEER", "annual energy efficiency ratio AEER"},
      {"cop", "能效比COP", "coefficient of performance COP"}};
  arena *a = c->a;
  val_set_str(a, o, "indicator", "performance");
  const eq_class *cls = class_or_not_graded(c, k, e, o, path);
  if (!cls) {
    val_set_str(a, o, "indicator_zh", "能效比");
    val_set_str(a, o, "indicator_en", "performance ratio");
    return;
  }
  const double vals[] = {e->rated_seer, e->rated_apf, e->rated_iplv,
                         e->rated_aeer, e->rated_cop};
  size_t mi = 0;
  while (mi + 1 < sizeof names / sizeof *names &&
         strcmp(names[mi][0], cls->metric ? cls->metric : "") != 0)
    mi++;
  val_set_str(a, o, "metric", names[mi][0]);
  val_set_str(a, o, "indicator_zh", names[mi][1]);
  val_set_str(a, o, "indicator_en", names[mi][2]);
  set_class_grades(a, o, cls);
  double v = vals[mi];
  if (!isfinite(v)) {
    not_graded(c, o, path, e->id,
               arena_printf(a, "未给出额定%s（铭牌值）", names[mi][1]),
               arena_printf(a, "no rated %s (nameplate) is given",
                            names[mi][2]));
    val_set_str(a, o, "status", "no_rated");
    val_set_str(a, o, "status_zh", "无额定值");
    val_set_str(a, o, "status_en", "No rated value");
    return;
  }
  val_set_num(a, o, "rated_value", v);
  int grade = 0;
  for (int g = 0; g < 3 && !grade; g++)
    if (cls->has_grade[g] && v >= cls->grade[g] - EPS)
      grade = g + 1;
  bool meets = cls->has_grade[2] && v >= cls->grade[2] - EPS;
  value *gv = set_graded(a, o, k, grade, meets);
  trace *t = val_trace(a, gv, "first grade the rated value reaches",
                       k->standard);
  static const char *const symbols[] = {"SEER", "APF", "IPLV", "AEER", "COP"};
  trace_add(a, t, symbols[mi], v, "W/W", NULL);
}

static void grade_rated(calc_ctx *c, const eq_kind *k, const m_equipment *e,
                        const char *path, value *o)
{
  arena *a = c->a;
  if (k->indicator == EQ_PERF) {
    grade_perf(c, k, e, path, o);
    return;
  }
  if (k->indicator == EQ_COP) {
    grade_cop(c, k, e, path, o);
    return;
  }
  if (k->indicator == EQ_LOSSES) {
    grade_losses(c, k, e, path, o);
    return;
  }
  bool eff = k->indicator == EQ_EFFICIENCY;
  double v = eff ? e->rated_efficiency : e->rated_specific_power;
  const char *ind = eff ? "efficiency" : "specific_power";
  val_set_str(a, o, "indicator", ind);
  val_set_str(a, o, "indicator_zh", eff ? "效率" : "比功率");
  val_set_str(a, o, "indicator_en", eff ? "efficiency" : "specific power");
  const eq_class *cls = class_or_not_graded(c, k, e, o, path);
  if (!cls)
    return;
  if (!isfinite(v)) {
    bool measured = isfinite(eff ? e->efficiency : e->specific_power);
    const char *wz = eff ? "效率" : "比功率";
    const char *we = eff ? "efficiency" : "specific power";
    not_graded(
        c, o, path, e->id,
        measured ? arena_printf(a, "未给出额定%s（铭牌值）；%s规定的是产品的额"
                                   "定%s，实测值不与之比较%s",
                                wz, k->standard, wz,
                                k->op.method ? "，按运行标准评价" : "")
                 : arena_printf(a, "未给出额定%s（铭牌值）", wz),
        measured ? arena_printf(a, "no rated (nameplate) %s is given; %s sets "
                                   "the rated %s of the product, which a "
                                   "measured value is not compared with%s",
                                we, k->standard, we,
                                k->op.method ? " (it is judged by the "
                                               "operating standard)"
                                             : "")
                 : arena_printf(a, "no rated (nameplate) %s is given", we));
    val_set_str(a, o, "status", "no_rated");
    val_set_str(a, o, "status_zh", "无额定值");
    val_set_str(a, o, "status_en", "No rated value");
    return;
  }
  val_set_str(a, o, "class_zh", cls->name.zh);
  val_set_str(a, o, "class_en", cls->name.en);
  bool has[3];
  double lim[3];
  memcpy(has, cls->has_grade, sizeof has);
  memcpy(lim, cls->grade, sizeof lim);
  double formula = 0;
  if (cls->has_c) {
    if (!pump_formula(c, k, cls, e, path, o, &formula))
      return;
    for (int g = 0; g < 3; g++) {
      has[g] = true;
      lim[g] = (formula - cls->c[g]) / 100.0;
    }
  }
  value *grades = val_set(a, o, "grades", val_arr(a));
  for (int g = 0; g < 3; g++) {
    value *gv = has[g] ? val_num(a, eff ? lim[g]
                                        : units_to(lim[g], "kW/(m3/min)"))
                       : val_null(a);
    val_push(a, grades, gv);
    if (cls->has_c) {
      trace *t = val_trace(a, gv, "(formula − C) / 100", k->standard);
      trace_add_ref(a, t, "formula", formula, "%",
                    arena_printf(a, "%s.limit_formula_pct", path));
      trace_add2(a, t, "C", cls->c[g], "%", cls->name.en, cls->name.zh);
    }
  }
  int grade = 0;
  for (int g = 0; g < 3 && !grade; g++) {
    if (!has[g])
      continue;
    bool ok = eff ? v >= lim[g] - EPS : v <= lim[g] + EPS;
    if (ok)
      grade = g + 1;
  }
  bool meets = eff ? v >= lim[2] - EPS : v <= lim[2] + EPS;
  value *gv = set_graded(a, o, k, grade, meets);
  trace *t = val_trace(a, gv, "first grade the rated value reaches",
                       k->standard);
  /* efficiencies are shown in percent, as the standards print them */
  trace_add(a, t, eff ? "rated_efficiency" : "rated_specific_power",
            eff ? v * 100.0 : units_to(v, "kW/(m3/min)"), k->unit, NULL);
}

/* The table of kind k for the edition of its standard in force: k, or
   the rules' entry holding that edition (edition_of: k). When the rules
   hold no table of that edition, k — editions.c then withdraws the
   grade and says which edition applies. */
static const eq_kind *kind_in_force(calc_ctx *c, const eq_kind *k)
{
  const char *code, *ed;
  if (!k->standard || !factors_designation(c->a, k->standard, &code, &ed))
    return k;
  const char *desig = calc_std_in_force(c, code);
  const eq_kind *in_force =
      desig ? factors_equipment_edition(c->f, k->key, desig) : NULL;
  return in_force ? in_force : k;
}

static void equipment(calc_ctx *c)
{
  arena *a = c->a;
  value *arr = val_set(a, c->root, "equipment", val_arr(a));
  for (size_t i = 0; i < c->m->n_equipment; i++) {
    const m_equipment *e = &c->m->equipment[i];
    value *o = val_obj(a);
    val_push(a, arr, o);
    val_set_str(a, o, "id", e->id);
    val_set_str(a, o, "kind", e->kind);
    val_set_str(a, o, "name_zh", e->name.zh);
    val_set_str(a, o, "name_en", e->name.en);
    if (e->model_no)
      val_set_str(a, o, "model", e->model_no);
    if (e->series)
      val_set_str(a, o, "series", e->series);
    /* measured (实测) as before; rated (铭牌) beside it */
    val_set_numf(a, o, "efficiency", e->efficiency);
    if (isfinite(e->specific_power))
      val_set_num(a, o, "specific_power", units_to(e->specific_power,
                                                   "kW/(m3/min)"));
    if (isfinite(e->rated_efficiency))
      val_set_num(a, o, "rated_efficiency", e->rated_efficiency);
    if (isfinite(e->rated_specific_power))
      val_set_num(a, o, "rated_specific_power",
                  units_to(e->rated_specific_power, "kW/(m3/min)"));
    const eq_kind *k = factors_equipment(c->f, e->kind);
    const char *path = arena_printf(a, "equipment[%s]", e->id);
    if (!k) {
      not_graded(c, o, path, e->id, "规则中没有该类设备的标准",
                 "the rules have no standard for its kind");
      calc_equipment_catalogue(c, e, o);
      continue;
    }
    k = kind_in_force(c, k);
    val_set_str(a, o, "standard", k->standard);
    calc_set_layer(a, o, k->layer);
    grade_rated(c, k, e, path, o);
    calc_equipment_operation(c, k, e, path, o);
    calc_equipment_catalogue(c, e, o);
  }
}

/* }====================================================== */

void calc_products_rules(calc_ctx *c)
{
  benchmarks(c);
}

void calc_products_potential(calc_ctx *c) { products_potential(c); }

void calc_metering(calc_ctx *c) { metering(c); }
void calc_equipment(calc_ctx *c) { equipment(c); }
