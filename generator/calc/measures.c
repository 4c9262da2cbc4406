/* measures.c — energy-saving measures and their economics, and energy
 * savings against the base period (GB/T 13234).
 *
 * Input: the model's measures and baseline, the carrier figures and
 * emission factors. Output: measures[] and savings of the results tree.
 * Definitions: docs/calculation.md "Measures" (results.md's formulas). */
#include "internal.h"

#include "../base/fmt.h"

#include <math.h>
#include <string.h>

#include "finance.h"

/* fin_irr_reason in Chinese. */
static const char *irr_reason_zh(fin_irr_status st)
{
  switch (st) {
  case FIN_IRR_OK:
    break;
  case FIN_IRR_NO_SIGN_CHANGE:
    return "现金流不变号，不存在使净现值为零的折现率";
  case FIN_IRR_SEVERAL_CHANGES:
    return "现金流多次变号，内部收益率不唯一";
  case FIN_IRR_NOT_BRACKETED:
    return "内部收益率超出−99%～1000%的范围";
  }
  return "";
}

static void set_text2(arena *a, value *o, const char *key, const text2 *t)
{
  value *v = val_set(a, o, key, val_obj(a));
  val_set_str(a, v, "zh", t->zh);
  val_set_str(a, v, "en", t->en);
}

/* The measure's description as the input gives it: situation, scheme,
   basis of the saving, schedule and operating hours. */
static void emit_plan(arena *a, const m_measure *me, value *o)
{
  if (me->has_situation)
    set_text2(a, o, "situation", &me->situation);
  if (me->has_scheme)
    set_text2(a, o, "scheme", &me->scheme);
  if (me->has_saving_basis)
    set_text2(a, o, "saving_basis", &me->saving_basis);
  if (me->has_start || me->months) {
    value *sc = val_set(a, o, "schedule", val_obj(a));
    char d[16];
    if (me->has_start) {
      date_format(me->start, d);
      val_set_str(a, sc, "start", d);
    }
    if (me->has_finish) {
      date_format(me->finish, d);
      val_set_str(a, sc, "finish", d);
    }
    if (me->months)
      val_set_num(a, sc, "months", (double)me->months);
  }
  if (isfinite(me->operating_hours))
    val_set_num(a, o, "operating_hours", me->operating_hours);
}

static void measure(calc_ctx *c, const m_measure *me, value *arr)
{
  arena *a = c->a;
  value *o = val_obj(a);
  val_push(a, arr, o);
  val_set_str(a, o, "id", me->id);
  val_set_str(a, o, "name_zh", me->name.zh);
  val_set_str(a, o, "name_en", me->name.en);
  val_set_num(a, o, "investment_cny", me->investment);
  val_set_num(a, o, "om_cost_cny", me->om_cost);
  val_set_num(a, o, "lifetime_years", me->lifetime);
  double r = isfinite(me->discount_rate) ? me->discount_rate
             : c->f->has_discount_rate ? c->f->discount_rate
                                       : 0.08;
  val_set_num(a, o, "discount_rate", r);
  const char *path = arena_printf(a, "measures[%s]", me->id);
  emit_plan(a, me, o);

  double tce = 0, cny = 0, tco2 = 0;
  bool priced = true, emissions_known = true;
  value *saves = val_set(a, o, "saves", val_arr(a));
  value *vt = val_num(a, 0), *vc = val_num(a, 0), *ve = val_num(a, 0);
  trace *tt = val_trace(a, vt, "Σ amount × coefficient_kgce / 1000",
                        arena_printf(a, "GB/T 13234; %s",
                                     calc_std(c, "GB/T 2589")));
  trace *tc = val_trace(a, vc, "Σ amount × price − om_cost", "results.md");
  trace *te = val_trace(a, ve, "Σ amount × emission per unit",
                        "GB/T 32150-2015");
  for (size_t i = 0; i < me->n_saves; i++) {
    const m_saving *sv = &me->saves[i];
    carrier_fig *cf = calc_carrier(c, sv->carrier);
    double coef = cf ? cf->coefficient
                     : (factors_carrier(c->f, sv->carrier)
                            ? factors_carrier(c->f, sv->carrier)->coef_kgce
                            : (double)NAN);
    double t = sv->amount * coef / 1000.0;
    value *so = val_obj(a);
    val_push(a, saves, so);
    val_set_str(a, so, "carrier", sv->carrier);
    val_set_num(a, so, "amount", sv->amount);
    val_set_numf(a, so, "tce", t);
    tce += t;
    const carrier_def *def = factors_carrier(c->f, sv->carrier);
    const char *unit = cf ? cf->unit : def ? def->unit : NULL;
    const char *name_zh = def ? def->name.zh : sv->carrier;
    const char *name_en = def ? def->name.en : sv->carrier;
    trace_add(a, tt, sv->carrier, sv->amount, unit,
              unit ? arena_printf(a, "× %.10g kgce/%s", coef, unit)
                   : arena_printf(a, "× %.10g kgce", coef));
    trace_label(a, tt, name_zh, name_en);
    if (cf && cf->has_price) {
      cny += sv->amount * cf->price;
      trace_add2(a, tc, sv->carrier, sv->amount * cf->price, "CNY",
                 arena_printf(a, "× %.10g CNY/%s", cf->price, cf->unit),
                 arena_printf(a, "× %.10g 元/%s", cf->price, cf->unit));
      trace_label(a, tc, name_zh, name_en);
    } else {
      priced = false;
    }
    size_t k = cf ? (size_t)(cf - c->carriers) : 0;
    /* A saving displaces purchases at the margin: electricity saved is
       grid electricity even where waste-heat power supplies a share, and
       steam or heat both bought and made is saved at the factor of the
       bought (GB/T 32150: heat × 0.11 tCO2/GJ), as its tce is at the
       bought coefficient and its money at the bought price. The blend of
       bought and made (per_unit) is neither; it was used before the check
       of docs/worked/sectors/dye-works.md (D2). */
    bool grid = strcmp(sv->carrier, "electricity") == 0 &&
                isfinite(c->grid_factor);
    bool bought = !grid && cf && c->carbon[k].bought_known;
    if (grid || (cf && c->carbon[k].known)) {
      double pu = grid     ? c->grid_factor / 1000.0
                  : bought ? c->carbon[k].bought_per_unit
                           : c->carbon[k].per_unit;
      tco2 += sv->amount * pu;
      trace_add(a, te, sv->carrier, sv->amount * pu, "tCO2",
                unit ? arena_printf(a, "× %.10g tCO2/%s", pu, unit)
                     : arena_printf(a, "× %.10g tCO2", pu));
      trace_label(a, te, name_zh, name_en);
    } else if (!(cf && cf->def && cf->def->cls == CARRIER_MEDIUM)) {
      emissions_known = false;
    }
  }
  cny -= me->om_cost;
  trace_add(a, tc, "om_cost", me->om_cost, "CNY", NULL);
  vt->num = tce;
  val_set(a, o, "annual_saving_tce", isfinite(tce) ? vt : val_null(a));
  if (priced) {
    vc->num = cny;
    val_set(a, o, "annual_saving_cny", vc);
  } else {
    val_set_null(a, o, "annual_saving_cny");
    calc_note(c, arena_printf(a, "%s.annual_saving_cny", path),
              "措施节约的能源品种缺少价格，经济性指标未计算。",
              "A carrier the measure saves has no price: its economics are "
              "not computed.");
  }
  if (emissions_known) {
    ve->num = tco2;
    val_set(a, o, "annual_reduction_tco2", ve);
  } else {
    val_set_null(a, o, "annual_reduction_tco2");
  }
  int n = (int)me->lifetime;
  if (!priced) {
    const char *keys[] = {"payback_years", "discounted_payback_years",
                          "npv_cny", "irr", "abatement_cost_cny_per_tco2"};
    for (size_t i = 0; i < 5; i++)
      val_set_null(a, o, keys[i]);
    return;
  }
  if (cny > 0) {
    value *v = val_set_num(a, o, "payback_years", me->investment / cny);
    trace *t = val_trace(a, v, "investment / annual_saving_cny", "results.md");
    trace_add(a, t, "investment", me->investment, "CNY", NULL);
    trace_add(a, t, "annual_saving_cny", cny, "CNY", NULL);
    double dp = fin_discounted_payback(me->investment, cny, r, n);
    if (dp >= 0)
      val_set_num(a, o, "discounted_payback_years", dp);
    else
      val_set_null(a, o, "discounted_payback_years");
  } else {
    val_set_null(a, o, "payback_years");
    val_set_null(a, o, "discounted_payback_years");
    calc_note(c, arena_printf(a, "%s.payback_years", path),
              "措施年节约金额不为正，无法回收投资。",
              "The measure's annual saving is not positive: it never pays "
              "back.");
  }
  double *cf = ARENA_ARRAY(a, double, (size_t)n + 1);
  cf[0] = -me->investment;
  for (int t = 1; t <= n; t++)
    cf[t] = cny;
  value *npv = val_set_num(a, o, "npv_cny", fin_npv(cf, (size_t)n, r));
  trace *t = val_trace(a, npv, "−investment + Σ_{t=1..n} saving / (1+r)^t",
                       "results.md");
  trace_add(a, t, "investment", me->investment, "CNY", NULL);
  trace_add(a, t, "saving", cny, "CNY/a", NULL);
  trace_add(a, t, "r", r, NULL, NULL);
  trace_add(a, t, "n", n, "a", NULL);
  double irr;
  fin_irr_status st = fin_irr(cf, (size_t)n, &irr);
  if (st == FIN_IRR_OK) {
    val_set_num(a, o, "irr", irr);
  } else {
    val_set_null(a, o, "irr");
    val_set_str(a, o, "irr_reason", fin_irr_reason(st));
    val_set_str(a, o, "irr_reason_zh", irr_reason_zh(st));
    calc_note(c, arena_printf(a, "%s.irr", path),
              arena_printf(a, "未计算内部收益率：%s。", irr_reason_zh(st)),
              fin_irr_reason(st));
  }
  double crf = fin_crf(r, n);
  val_set_num(a, o, "crf", crf);
  if (emissions_known && tco2 > 0) {
    value *v = val_set_num(a, o, "abatement_cost_cny_per_tco2",
                           (me->investment * crf - cny) / tco2);
    t = val_trace(a, v, "(investment × CRF(r,n) − annual_saving_cny) / "
                        "annual_reduction_tco2",
                  "results.md");
    trace_add(a, t, "investment", me->investment, "CNY", NULL);
    trace_add(a, t, "CRF", crf, NULL, NULL);
    trace_add(a, t, "annual_saving_cny", cny, "CNY", NULL);
    trace_add(a, t, "annual_reduction_tco2", tco2, "tCO2", NULL);
  } else {
    val_set_null(a, o, "abatement_cost_cny_per_tco2");
  }
}

/* A figure more than BOUNDARY_RATIO times its base-period value, or less
   than its 1/BOUNDARY_RATIO, does not measure a saving: no process change
   moves a unit consumption or an intensity that far within a few years,
   while a different boundary (cement with or without the clinker in it,
   one plant or two) does. Such a comparison gives no saving or loss. */
#define BOUNDARY_RATIO 3.0

/* Sets <prefix>ratio and <prefix>comparable on o (prefix "" for a product,
   "output_value_" for the intensity) and, when the two periods do not
   compare, the reason in both languages and a note. True when they do. */
static bool comparable(calc_ctx *c, value *o, const char *path, double base,
                       double now, const char *name_zh, const char *name_en,
                       const char *what_zh, const char *what_en)
{
  arena *a = c->a;
  bool product = name_zh != NULL;
  const char *pre = product ? "" : "output_value_";
  double ratio = base > 0 ? now / base : (double)NAN;
  val_set_numf(a, o, arena_printf(a, "%sratio", pre), ratio);
  value *rv = val_get(o, arena_printf(a, "%sratio", pre));
  if (rv && rv->kind == VAL_NUM) {
    trace *t = val_trace(a, rv, product ? "reporting / base"
                                        : "intensity / base intensity",
                         "comparison of periods (boundary check)");
    trace_add(a, t, product ? "reporting" : "intensity", now,
              product ? "kgce/unit" : "tce/万元", NULL);
    trace_add(a, t, product ? "base" : "base intensity", base,
              product ? "kgce/unit" : "tce/万元", NULL);
  }
  bool ok = isfinite(ratio) && ratio <= BOUNDARY_RATIO &&
            ratio >= 1.0 / BOUNDARY_RATIO;
  val_set_bool(a, o, arena_printf(a, "%scomparable", pre), ok);
  if (ok)
    return true;
  char buf[64];
  const char *rz = fmt_num(ratio, 2, true, buf, sizeof buf), *re = rz;
  const char *zh = arena_printf(
      a, "%s%s审计期为基期的%s倍，超出1/%.0f至%.0f倍的范围：两期的统计边界"
         "可能不同（如一期含中间产品、另一期不含），不计算节能量",
      product ? name_zh : "", what_zh, rz, BOUNDARY_RATIO, BOUNDARY_RATIO);
  const char *en = arena_printf(
      a, "%s%s%s in the audit period is %s times the base period's, outside "
         "1/%.0f to %.0f times: the two periods probably have different "
         "boundaries (an intermediate product counted in one and not in the "
         "other, for example), so no saving is computed",
      product ? name_en : "", product ? ": " : "", what_en, re,
      BOUNDARY_RATIO, BOUNDARY_RATIO);
  val_set_str(a, o, arena_printf(a, "%snot_comparable_zh", pre), zh);
  val_set_str(a, o, arena_printf(a, "%snot_comparable_en", pre), en);
  calc_note(c,
            product ? arena_printf(a, "%s.saving_tce", path)
                    : "savings.output_value_saving_tce",
            arena_printf(a, "%s。", zh), arena_printf(a, "%s.", en));
  return false;
}

/* savings.product_saving_tce: the enterprise's product saving, Σ over the
   products of GB/T 13234's multi-product formula, each product on its
   output less what other products with a saving of their own use of it —
   a product that uses another (cement, clinker) holds that product's
   energy in its unit consumption, so the clinker in the cement is counted
   with the cement and not again with the clinker (as for the potentials,
   docs/calculation.md "Potentials that do not overlap"). Null when a
   product with a base value does not compare (its saving is null). */
static void product_total(calc_ctx *c, value *o, value *arr)
{
  arena *a = c->a;
  const model *m = c->m;
  const m_baseline *b = &m->baseline;
  if (!b->n_products) {
    val_set_null(a, o, "product_saving_tce");
    return;
  }
  /* the base-period products whose saving is known, by product index */
  bool *saved = ARENA_ARRAY(a, bool, m->n_products + 1);
  bool all = true;
  for (size_t i = 0; i < b->n_products; i++) {
    value *sv = val_get(arr->items[i], "saving_tce");
    if (sv && sv->kind == VAL_NUM)
      saved[b->products[i].product] = true;
    else
      all = false;
  }
  if (!all) {
    val_set_null(a, o, "product_saving_tce");
    return;
  }
  value *v = val_num(a, 0);
  trace *t = val_trace(a, v, "Σ (base − reporting unit consumption) × "
                             "(output − used by products with a saving) / "
                             "1000",
                       "GB/T 13234 (产品节能量, several products)");
  double total = 0;
  for (size_t i = 0; i < b->n_products; i++) {
    const m_base_product *bp = &b->products[i];
    const m_product *p = &m->products[bp->product];
    double used = 0;
    for (size_t r = 0; r < m->n_products; r++)
      for (size_t u = 0; saved[r] && u < m->products[r].n_uses; u++)
        if (m->products[r].uses[u].product == bp->product)
          used += m->products[r].uses[u].amount;
    double net = p->quantity.v - used;
    double uc = val_get(arr->items[i], "unit_consumption_kgce")->num;
    double x = (bp->unit_consumption_kgce - uc) * net / 1000.0;
    total += x;
    const char *nt = calc_num_text(a, net, net == floor(net) ? 0 : 2);
    const char *ut = calc_num_text(a, used, used == floor(used) ? 0 : 2);
    trace_add2(a, t, p->id, x, "tce",
               used > 0 ? arena_printf(a, "on %s %s, %s %s being used by "
                                          "other products",
                                       nt, p->unit, ut, p->unit)
                        : NULL,
               used > 0 ? arena_printf(a, "按%s %s计，另%s %s为其他产品所用",
                                       nt, p->unit, ut, p->unit)
                        : NULL);
    trace_label(a, t, p->name.zh, p->name.en);
  }
  v->num = total;
  val_set(a, o, "product_saving_tce", v);
}

static void savings(calc_ctx *c)
{
  arena *a = c->a;
  const m_baseline *b = &c->m->baseline;
  value *o = val_set(a, c->root, "savings", val_obj(a));
  value *arr = val_set(a, o, "products", val_arr(a));
  if (!b->present) {
    val_set_null(a, o, "output_value_saving_tce");
    val_set_null(a, o, "product_saving_tce");
    return;
  }
  char from[16], to[16];
  date_format(b->from, from);
  date_format(b->to, to);
  val_set_str(a, o, "base_from", from);
  val_set_str(a, o, "base_to", to);
  for (size_t i = 0; i < b->n_products; i++) {
    const m_base_product *bp = &b->products[i];
    const m_product *p = &c->m->products[bp->product];
    value *uc = val_path(c->root, arena_printf(a, "energy.products[%s]."
                                                  "unit_consumption_kgce",
                                               p->id));
    value *po = val_obj(a);
    val_push(a, arr, po);
    val_set_str(a, po, "id", p->id);
    val_set_str(a, po, "name_zh", p->name.zh);
    val_set_str(a, po, "name_en", p->name.en);
    val_set_str(a, po, "unit", p->unit);
    val_set_num(a, po, "base_unit_consumption_kgce", bp->unit_consumption_kgce);
    val_set_num(a, po, "unit_consumption_kgce", uc->num);
    const char *path = arena_printf(a, "savings.products[%s]", p->id);
    if (!comparable(c, po, path, bp->unit_consumption_kgce, uc->num,
                    p->name.zh, p->name.en, "单位产品综合能耗",
                    "unit consumption")) {
      val_set_null(a, po, "saving_tce");
      val_set_null(a, po, "saving_rate");
      continue;
    }
    value *v = val_set_num(a, po, "saving_tce",
                           (bp->unit_consumption_kgce - uc->num) *
                               p->quantity.v / 1000.0);
    trace *t = val_trace(a, v, "(base − reporting unit consumption) × "
                               "quantity / 1000",
                         "GB/T 13234 (产品节能量; sign: positive = saved)");
    trace_add(a, t, "base", bp->unit_consumption_kgce, "kgce/unit", bp->text);
    trace_add(a, t, "reporting", uc->num, "kgce/unit", NULL);
    trace_add(a, t, "quantity", p->quantity.v, p->unit, NULL);
    val_set_num(a, po, "saving_rate",
                (bp->unit_consumption_kgce - uc->num) /
                    bp->unit_consumption_kgce);
  }
  product_total(c, o, arr);
  value *in = val_path(c->root, "energy.intensity.tce_per_10k_cny_output");
  if (b->has_intensity && in && in->kind == VAL_NUM &&
      !comparable(c, o, "savings", b->intensity_tce_per_10k, in->num,
                  NULL, NULL, "万元产值综合能耗",
                  "energy per 10⁴ CNY of output value")) {
    val_set_null(a, o, "output_value_saving_tce");
  } else if (b->has_intensity && in && in->kind == VAL_NUM) {
    double ov = c->m->output_value.v / 1e4;
    value *v = val_set_num(a, o, "output_value_saving_tce",
                           (b->intensity_tce_per_10k - in->num) * ov);
    trace *t = val_trace(a, v, "(base intensity − intensity) × output value",
                         "GB/T 13234 (产值节能量; sign: positive = saved)");
    trace_add(a, t, "base intensity", b->intensity_tce_per_10k, "tce/万元",
              NULL);
    trace_add(a, t, "intensity", in->num, "tce/万元", NULL);
    trace_add(a, t, "output value", ov, "万元", NULL);
  } else {
    val_set_null(a, o, "output_value_saving_tce");
  }
}

void calc_measures(calc_ctx *c)
{
  value *arr = val_set(c->a, c->root, "measures", val_arr(c->a));
  for (size_t i = 0; i < c->m->n_measures; i++)
    measure(c, &c->m->measures[i], arr);
  savings(c);
}
