/* carbonq.c — the carbon audit beyond the inventory: CO2 recovered and
 * supplied outside, the market-based scope 2, the data quality of each
 * emission source with the inventory's uncertainty, and the enterprise's
 * carbon management as it states it.
 *
 * Input: the model's carbon_in sections, the rules (grid factor sets,
 * rules/carbon.yaml uncertainty tiers) and carbon.* as carbon.c built it.
 * Output: carbon.recovery, carbon.scope2.market_based(_tco2),
 * carbon.data_quality and carbon.management. Definitions:
 * docs/calculation.md "Recovery, market-based scope 2, data quality and
 * allowances". */
#include "internal.h"

#include "../base/fmt.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static void text_pair(arena *a, value *o, const char *key, text2 t) {
  if (!t.zh) {
    val_set_null(a, o, arena_printf(a, "%s_zh", key));
    val_set_null(a, o, arena_printf(a, "%s_en", key));
    return;
  }
  val_set_str(a, o, arena_printf(a, "%s_zh", key), t.zh);
  val_set_str(a, o, arena_printf(a, "%s_en", key), t.en ? t.en : t.zh);
}

/* {====================================================== recovery */

double calc_carbon_recovery(calc_ctx *c, value *carbon, double scope1) {
  arena *a = c->a;
  const m_carbon_in *ci = &c->m->carbon_in;
  if (!ci->n_recovered)
    return 0;
  value *o = val_set(a, carbon, "recovery", val_obj(a));
  value *arr = val_set(a, o, "items", val_arr(a));
  value *tv = val_num(a, 0);
  trace *tt = val_trace(a, tv, "Σ recovered CO2", "核算指南 (CO2回收利用量)");
  double total = 0;
  for (size_t i = 0; i < ci->n_recovered; i++) {
    const m_recovered *r = &ci->recovered[i];
    value *row = val_obj(a);
    val_push(a, arr, row);
    val_set_str(a, row, "id", r->id);
    text_pair(a, row, "supplied_to", r->supplied_to);
    text_pair(a, row, "use", r->use);
    val_set_num(a, row, "quantity_t", r->quantity_t);
    val_set_str(a, row, "quantity_text", r->quantity_text);
    val_set_num(a, row, "purity", r->purity);
    val_set_num(a, row, "evidence", (double)r->n_evidence);
    value *v = val_set_num(a, row, "tco2", r->tco2);
    trace *t = val_trace(a, v, "quantity × purity", "核算指南 (CO2回收利用量)");
    trace_add(a, t, "quantity", r->quantity_t, "t", NULL);
    trace_add(a, t, "purity", r->purity, NULL, NULL);
    trace_add_ref(a, tt, r->id, r->tco2, "tCO2",
                  arena_printf(a, "carbon.recovery.items[%s].tco2", r->id));
    /* named by who receives it, as the report's table does */
    trace_label(a, tt, r->supplied_to.zh,
                r->supplied_to.en ? r->supplied_to.en : r->supplied_to.zh);
    total += r->tco2;
  }
  tv->num = total;
  val_set(a, o, "tco2", tv);
  if (total > scope1) {
    char t1[48], t2[48];
    diag_error(c->dl, ci->recovered[0].pos,
               "co2_recovered: %s tCO2 recovered and supplied outside in all, "
               "more than the %s tCO2 of scope 1 it is deducted from",
               fmt_num(total, 2, true, t1, sizeof t1),
               fmt_num(scope1, 2, true, t2, sizeof t2));
  }
  return total;
}

/* }====================================================== */
/* {====================================================== market-based */

void calc_scope2_market(calc_ctx *c, value *s2) {
  arena *a = c->a;
  const m_carbon_in *ci = &c->m->carbon_in;
  if (!ci->n_green)
    return;
  value *o = val_set(a, s2, "market_based", val_obj(a));
  value *arr = val_set(a, o, "items", val_arr(a));
  double cert = 0, direct = 0;
  for (size_t i = 0; i < ci->n_green; i++) {
    const m_green *g = &ci->green[i];
    value *row = val_obj(a);
    val_push(a, arr, row);
    val_set_str(a, row, "id", g->id);
    val_set_str(a, row, "kind",
                g->kind == GREEN_CERTIFICATE ? "certificate" : "direct");
    val_set_num(a, row, "mwh", g->mwh);
    text_pair(a, row, "supplier", g->supplier);
    val_set_num(a, row, "evidence", (double)g->n_evidence);
    if (g->kind == GREEN_CERTIFICATE)
      cert += g->mwh;
    else
      direct += g->mwh;
  }
  carrier_fig *el = calc_carrier(c, "electricity");
  double p = el ? el->purchased / 1000.0 : 0, x = el ? el->sold / 1000.0 : 0;
  double green = cert + direct;
  if (green > p * (1 + 1e-9)) {
    char t1[48], t2[48];
    diag_error(c->dl, ci->green[0].pos,
               "green_electricity: %s MWh of green electricity in all, more "
               "than the %s MWh of electricity purchased in the period",
               fmt_num(green, 2, true, t1, sizeof t1),
               fmt_num(p, 2, true, t2, sizeof t2));
  }
  val_set_num(a, o, "certificate_mwh", cert);
  val_set_num(a, o, "direct_mwh", direct);
  val_set_num(a, o, "green_mwh", green);
  val_set_num(a, o, "purchased_mwh", p);
  val_set_num(a, o, "exported_mwh", x);
  /* the national factor that leaves out market-traded non-fossil power,
     for the year of the period (the latest published before it) */
  const grid_set *set = NULL;
  for (size_t i = 0; i < c->f->n_grid_sets; i++)
    if (strcmp(c->f->grid_sets[i].key, "non_fossil_excluded") == 0)
      set = &c->f->grid_sets[i];
  int year = c->m->grid_year ? c->m->grid_year : c->m->to.y;
  bool fallback = false;
  const year_value *y =
      set ? calc_pick_factor(set, "national", year, &fallback) : NULL;
  double f;
  if (y) {
    f = y->value;
    val_set_num(a, o, "factor_year", y->year);
    val_set_str(a, o, "factor_basis", "non_fossil_excluded");
    val_set_str(a, o, "factor_source", y->source.en);
    val_set_str(a, o, "factor_source_zh", y->source.zh);
    val_set_bool(a, o, "factor_verified", y->verified);
    calc_set_cite(a, o, "factor_", &y->citation, &y->checked);
    calc_factor_used(
        c, "electricity.emission_factor_non_fossil_excluded", f, "tCO2/MWh",
        arena_printf(a, "%s, data year %d", y->source.en, y->year),
        y->source.zh ? arena_printf(a, "%s，数据年份%d", y->source.zh, y->year)
                     : NULL,
        y->verified, false, calc_origin_of_rule(y->source.en));
    calc_factor_cite(c, "electricity.emission_factor_non_fossil_excluded",
                     &y->citation, &y->checked);
    if (fallback || y->year != year)
      calc_note(
          c, "carbon.scope2.market_based.factor_tco2_per_mwh",
          arena_printf(
              a,
              "没有%d年不包括市场化交易非化石能源电量的电力排放因子，采用%"
              "d年公布值。",
              year, y->year),
          arena_printf(a,
                       "No factor excluding market-traded non-fossil "
                       "power for %d: the one of %d is used.",
                       year, y->year));
  } else if (isfinite(c->grid_factor)) {
    f = c->grid_factor;
    val_set_null(a, o, "factor_year");
    val_set_str(a, o, "factor_basis", "location");
    calc_note(c, "carbon.scope2.market_based.factor_tco2_per_mwh",
              "规则中没有不包括市场化交易非化石能源电量的电力排放因子，其余外购"
              "电量按所在电网平均因子计算。",
              "No factor excluding market-traded non-fossil power in the "
              "rules: the rest of the purchases is at the grid average "
              "factor.");
  } else {
    val_set_null(a, o, "factor_tco2_per_mwh");
    val_set_null(a, o, "electricity_tco2");
    val_set_null(a, s2, "market_based_tco2");
    return;
  }
  val_set_num(a, o, "factor_tco2_per_mwh", f);
  double rest = p - green;
  val_set_num(a, o, "other_purchased_mwh", rest);
  value *ev = val_set_num(a, o, "electricity_tco2", (rest - x) * f);
  trace *t = val_trace(a, ev,
                       "(purchased − green − exported) MWh × factor excluding "
                       "market-traded non-fossil power",
                       "生态环境部、国家统计局 电力二氧化碳排放因子公告");
  trace_add(a, t, "purchased", p, "MWh", NULL);
  trace_add(a, t, "green electricity", green, "MWh", NULL);
  trace_add(a, t, "exported", x, "MWh", NULL);
  trace_add(a, t, "factor", f, "tCO2/MWh", NULL);
  value *hv = val_get(s2, "heat_tco2");
  double heat = hv && hv->kind == VAL_NUM ? hv->num : 0;
  value *tot = val_set_num(a, s2, "market_based_tco2", ev->num + heat);
  t = val_trace(
      a, tot, "electricity (market-based) + heat",
      "GB/T 32150-2015; 生态环境部、国家统计局 电力二氧化碳排放因子公告");
  trace_add_ref(a, t, "electricity", ev->num, "tCO2",
                "carbon.scope2.market_based.electricity_tco2");
  trace_add_ref(a, t, "heat", heat, "tCO2", "carbon.scope2.heat_tco2");
  value *loc = val_get(s2, "electricity_tco2");
  if (loc && loc->kind == VAL_NUM)
    val_set_num(a, o, "reduction_tco2", loc->num - ev->num);
}

/* }====================================================== */
/* {====================================================== data quality */

/* The accuracy class of the carrier's boundary meters (from outside):
   the worst class stated; *n the meters, *unclassed those without one. */
static double boundary_class(const model *m, const char *carrier,
                             const char **text, size_t *n, size_t *unclassed) {
  double worst = 0;
  *text = NULL;
  *n = *unclassed = 0;
  for (size_t i = 0; i < m->n_meters; i++) {
    const m_meter *mt = &m->meters[i];
    if (mt->form == METER_NONE || !mt->installed || mt->from != PLACE_OUTSIDE ||
        strcmp(mt->carrier, carrier) != 0)
      continue;
    (*n)++;
    double cls = mt->accuracy ? strtod(mt->accuracy, NULL) : 0;
    if (!(cls > 0)) {
      (*unclassed)++;
      continue;
    }
    if (cls > worst) {
      worst = cls;
      *text = mt->accuracy;
    }
  }
  return worst / 100.0;
}

typedef struct dq_tier {
  const char *key;
  double u; /* NAN when the rules have no tier */
} dq_tier;

static dq_tier tier(calc_ctx *c, const char *key) {
  const unc_tier *t = factors_uncertainty(c->f, key);
  dq_tier r = {key, t ? t->value : (double)NAN};
  return r;
}

/* carbon.data_quality.tiers: the rules' tiers, each with its citation. */
static void tiers(calc_ctx *c, value *dq) {
  arena *a = c->a;
  value *arr = val_set(a, dq, "tiers", val_arr(a));
  for (size_t i = 0; factors_unc_keys[i]; i++) {
    const unc_tier *t = factors_uncertainty(c->f, factors_unc_keys[i]);
    if (!t)
      continue;
    value *o = val_obj(a);
    val_push(a, arr, o);
    val_set_str(a, o, "key", t->key);
    val_set_num(a, o, "value", t->value);
    text_pair(a, o, "name", t->name);
    val_set_str(a, o, "source", t->source.en);
    val_set_str(a, o, "source_zh", t->source.zh ? t->source.zh : t->source.en);
    val_set_bool(a, o, "verified", t->verified);
    calc_set_cite(a, o, "", &t->citation, NULL);
  }
}

/* The words of a tier in both languages. */
static void tier_words(arena *a, value *o, const char *prefix, const char *t) {
  static const char *const words[][3] = {
      {"metered_class", "计量（按准确度等级）", "metered (by accuracy class)"},
      {"metered", "计量（未注明等级）", "metered (class not stated)"},
      {"records", "生产记录", "production records"},
      {"estimated", "推算或估计", "derived or estimated"},
      {"measured", "实测", "measured"},
      {"partly_measured", "部分实测", "partly measured"},
      {"default", "缺省值", "default"},
      {"calculated", "企业计算值", "calculated by the enterprise"},
      {"published", "公布因子", "published factor"}};
  for (size_t i = 0; i < sizeof words / sizeof *words; i++)
    if (strcmp(words[i][0], t) == 0) {
      val_set_str(a, o, arena_printf(a, "%s_zh", prefix), words[i][1]);
      val_set_str(a, o, arena_printf(a, "%s_en", prefix), words[i][2]);
    }
}

/* One source's row: its activity tier (by the meters of carrier, or
   records for a process or a gas), its factor tier and the two combined.
   uf, when not NULL, is the factor's uncertainty the source states (a
   gas row's: its rule's default factors, NAN when none is known),
   uf_cite where it comes from; else the factor tier's. */
static value *dq_row(calc_ctx *c, value *arr, const char *id, const char *kind,
                     const char *name_zh, const char *name_en, double e,
                     const char *carrier, const char *factor_tier,
                     const double *uf, const text2 *uf_cite, double *ue) {
  arena *a = c->a;
  value *o = val_obj(a);
  val_push(a, arr, o);
  val_set_str(a, o, "id", id);
  val_set_str(a, o, "kind", kind);
  val_set_str(a, o, "name_zh", name_zh);
  val_set_str(a, o, "name_en", name_en);
  val_set_num(a, o, "tco2", e);
  double ua;
  const char *atier;
  if (!carrier) {
    dq_tier t = tier(c, "activity_records");
    ua = t.u, atier = "records";
    val_set_null(a, o, "accuracy_class");
  } else {
    const char *cls_text;
    size_t n, unclassed;
    double cls = boundary_class(c->m, carrier, &cls_text, &n, &unclassed);
    if (n == 0) {
      dq_tier t = tier(c, "activity_estimated");
      ua = t.u, atier = "estimated";
      val_set_null(a, o, "accuracy_class");
    } else if (unclassed > 0) {
      dq_tier t = tier(c, "activity_metered");
      ua = t.u, atier = "metered";
      if (cls_text)
        val_set_str(a, o, "accuracy_class", cls_text);
      else
        val_set_null(a, o, "accuracy_class");
      /* a stated class worse than the default still counts */
      if (cls > ua)
        ua = cls;
    } else {
      ua = cls, atier = "metered_class";
      val_set_str(a, o, "accuracy_class", cls_text);
    }
  }
  val_set_str(a, o, "activity_tier", atier);
  tier_words(a, o, "activity_tier", atier);
  dq_tier ft =
      tier(c, strcmp(factor_tier, "measured") == 0    ? "factor_measured"
              : strcmp(factor_tier, "published") == 0 ? "factor_published"
                                                      : "factor_default");
  if (uf)
    ft.u = *uf;
  val_set_str(a, o, "factor_tier", factor_tier);
  tier_words(a, o, "factor_tier", factor_tier);
  if (!isfinite(ua) || !isfinite(ft.u)) {
    val_set_null(a, o, "activity_uncertainty");
    val_set_null(a, o, "factor_uncertainty");
    val_set_null(a, o, "uncertainty");
    *ue = NAN;
    return o;
  }
  val_set_num(a, o, "activity_uncertainty", ua);
  val_set_num(a, o, "factor_uncertainty", ft.u);
  double u = sqrt(ua * ua + ft.u * ft.u);
  value *v = val_set_num(a, o, "uncertainty", u);
  trace *t = val_trace(a, v, "√(u_activity² + u_factor²)",
                       "IPCC 2006 Vol. 1 Ch. 3 Eq. 3.1; ISO 14064-1:2018");
  trace_add(a, t, "u_activity", ua, NULL,
            strcmp(atier, "metered_class") == 0 ? "meter accuracy class"
                                                : NULL);
  if (uf && uf_cite && uf_cite->en)
    trace_add2(a, t, "u_factor", ft.u, NULL, uf_cite->en,
               uf_cite->zh ? uf_cite->zh : uf_cite->en);
  else
    trace_add(a, t, "u_factor", ft.u, NULL, NULL);
  *ue = u * e;
  return o;
}

/* The factor tier of a fuel: both NCV and carbon content measured, one
   of them, or neither. */
static const char *fuel_tier(const value *row) {
  const value *m = val_get(row, "measured");
  const value *n = m ? val_get(m, "ncv") : NULL;
  const value *cc = m ? val_get(m, "carbon_content") : NULL;
  bool bn = n && n->kind == VAL_BOOL && n->b;
  bool bc = cc && cc->kind == VAL_BOOL && cc->b;
  return bn && bc ? "measured" : bn || bc ? "partly_measured" : "default";
}

/* The factor tier of a process emission: the enterprise's own factor is
   `calculated`; a rule's fixed factor is `default`; a rule's formula is
   `measured` when every input it used is the plant's (its own value, or
   the NCV and carbon per unit heat it gives for a fuel used as raw
   material), `default` when every one is the rules', `partly_measured`
   between. Inputs not given that count 0 (dusts, non-carbonate shares)
   weigh neither way; a formula with no input of either kind (all absent)
   is `default`. */
static const char *process_tier(const m_process *p, const value *row) {
  if (!p->rule)
    return "calculated";
  const value *in = val_get(row, "inputs");
  size_t own = 0, dflt = 0;
  for (size_t i = 0; in && i < in->n; i++) {
    const value *b = val_get(in->items[i], "basis");
    if (!b || b->kind != VAL_STR)
      continue;
    if (strcmp(b->str, "plant") == 0 || strcmp(b->str, "carrier_plant") == 0)
      own++;
    else if (strcmp(b->str, "default") == 0 || strcmp(b->str, "carrier") == 0)
      dflt++;
  }
  return own && !dflt ? "measured" : own ? "partly_measured" : "default";
}

void calc_carbon_quality(calc_ctx *c, value *carbon) {
  arena *a = c->a;
  value *dq = val_set(a, carbon, "data_quality", val_obj(a));
  tiers(c, dq);
  value *arr = val_set(a, dq, "sources", val_arr(a));
  double sum = 0, abs_sum = 0, sq = 0, on_default = 0;
  bool complete = true;
  value *rows = val_path(carbon, "scope1.combustion");
  for (size_t i = 0; rows && i < rows->n; i++) {
    const value *r = rows->items[i], *tv = val_get(r, "tco2");
    if (!tv || tv->kind != VAL_NUM)
      continue;
    const char *ft = fuel_tier(r);
    double ue;
    dq_row(c, arr, val_get(r, "carrier")->str, "combustion",
           val_get(r, "name_zh")->str, val_get(r, "name_en")->str, tv->num,
           val_get(r, "carrier")->str, ft, NULL, NULL, &ue);
    sum += tv->num, abs_sum += fabs(tv->num);
    if (strcmp(ft, "measured") != 0)
      on_default += fabs(tv->num);
    complete &= isfinite(ue);
    sq += isfinite(ue) ? ue * ue : 0;
  }
  rows = val_path(carbon, "scope1.process");
  for (size_t i = 0; rows && i < rows->n; i++) {
    const value *r = rows->items[i], *tv = val_get(r, "tco2");
    if (!tv || tv->kind != VAL_NUM)
      continue;
    const m_process *p = &c->m->process[i];
    const char *ft = process_tier(p, r);
    double ue;
    dq_row(c, arr, p->id, "process", p->name.zh, p->name.en, tv->num, NULL, ft,
           NULL, NULL, &ue);
    sum += tv->num, abs_sum += fabs(tv->num);
    if (strcmp(ft, "default") == 0 || strcmp(ft, "partly_measured") == 0)
      on_default += fabs(tv->num);
    complete &= isfinite(ue);
    sq += isfinite(ue) ? ue * ue : 0;
  }
  /* the non-CO2 gases (and a coal mine's CO2), each gas of a source a row
     of tCO2e: activity from records, the factor tier and uncertainty as
     gases.c found them (the rule's defaults or the plant's values) */
  rows = val_get(carbon, "gases");
  for (size_t i = 0; rows && i < rows->n; i++) {
    const value *r = rows->items[i], *tv = val_get(r, "tco2e");
    if (!tv || tv->kind != VAL_NUM)
      continue;
    const char *gid = val_get(r, "id")->str, *gas = val_get(r, "gas")->str;
    const char *ft = val_get(r, "factor_tier")->str;
    const value *fu = val_get(r, "factor_uncertainty");
    double uf = fu && fu->kind == VAL_NUM ? fu->num : (double)NAN;
    const gas_rule *gr = factors_gas(c->f, val_get(r, "rule")->str);
    /* where the factor's uncertainty comes from: the measured tier, the
       rule's own default uncertainty or the default tier */
    const unc_tier *ut = factors_uncertainty(
        c->f, strcmp(ft, "measured") == 0 ? "factor_measured"
                                          : "factor_default");
    bool own_u = strcmp(ft, "measured") != 0 && gr && gr->factor_unc.has;
    const text2 *cite = own_u ? &gr->factor_unc.citation
                        : ut  ? &ut->citation
                              : NULL;
    double ue;
    value *o = dq_row(c, arr, arena_printf(a, "%s/%s", gid, gas), "gas",
                      arena_printf(a, "%s（%s）", val_get(r, "name_zh")->str,
                                   gas),
                      arena_printf(a, "%s (%s)", val_get(r, "name_en")->str,
                                   gas),
                      tv->num, NULL, ft, &uf, cite, &ue);
    val_set_str(a, o, "gas", gas);
    val_set_str(a, o, "source_id", gid);
    /* what to measure instead of the defaults, the rule's own words, or
       the general advice of GB/T 32150 */
    bool own_m = gr && gr->measure.zh;
    val_set_str(a, o, "measure_zh",
                own_m ? gr->measure.zh : "按核算指南实测其活动水平和排放因子");
    val_set_str(a, o, "measure_en",
                own_m ? (gr->measure.en ? gr->measure.en : gr->measure.zh)
                      : "measure its activity data and factors as the "
                        "guideline describes");
    /* whether that uncertainty is checked against its publication */
    val_set_bool(a, o, "factor_uncertainty_verified",
                 own_u ? gr->factor_unc.verified : ut && ut->verified);
    sum += tv->num, abs_sum += fabs(tv->num);
    if (strcmp(ft, "default") == 0 || strcmp(ft, "partly_measured") == 0)
      on_default += fabs(tv->num);
    complete &= isfinite(ue);
    sq += isfinite(ue) ? ue * ue : 0;
  }
  /* scope 2 by what is bought: exports are a deduction, not a source */
  value *s2 = val_get(carbon, "scope2");
  value *ev = val_get(s2, "electricity_purchased_tco2");
  if (ev && ev->kind == VAL_NUM && ev->num > 0) {
    double ue;
    dq_row(c, arr, "electricity", "electricity", "外购电力",
           "Purchased electricity", ev->num, "electricity", "published", NULL,
           NULL, &ue);
    sum += ev->num, abs_sum += fabs(ev->num);
    complete &= isfinite(ue);
    sq += isfinite(ue) ? ue * ue : 0;
  }
  value *hg = val_get(s2, "heat_purchased_gj");
  value *hf = val_get(s2, "heat_factor_tco2_per_gj");
  if (hg && hf && hg->kind == VAL_NUM && hf->kind == VAL_NUM && hg->num > 0) {
    /* the heat-carrying carriers bought: the first one's meters */
    value *hc = val_get(s2, "heat_carriers");
    const char *key = "heat";
    for (size_t i = 0; hc && i < hc->n; i++)
      if (val_get(hc->items[i], "purchased_gj")->num > 0) {
        key = val_get(hc->items[i], "carrier")->str;
        break;
      }
    double ue, e = hg->num * hf->num;
    dq_row(c, arr, "heat", "heat", "外购热力", "Purchased heat", e, key,
           "published", NULL, NULL, &ue);
    sum += e, abs_sum += e;
    complete &= isfinite(ue);
    sq += isfinite(ue) ? ue * ue : 0;
  }
  for (size_t i = 0; i < arr->n; i++) {
    value *r = arr->items[i];
    double e = val_get(r, "tco2")->num;
    value *v = val_set_num(a, r, "share", abs_sum > 0 ? fabs(e) / abs_sum : 0);
    trace *t = val_trace(a, v, "tco2 / Σ tco2 of the sources",
                         "docs/calculation.md Data quality");
    trace_add(a, t, "tco2", e, "tCO2", NULL);
    trace_add(a, t, "Σ tco2 of the sources", abs_sum, "tCO2", NULL);
  }
  val_set_num(a, dq, "sources_tco2", sum);
  val_set_num(a, dq, "default_share", abs_sum > 0 ? on_default / abs_sum : 0);
  if (!complete || !(fabs(sum) > 0)) {
    val_set_null(a, dq, "uncertainty");
    val_set_null(a, dq, "uncertainty_tco2");
    if (!complete)
      calc_note(c, "carbon.data_quality.uncertainty",
                "规则中缺少数据层级的不确定性缺省值（rules/"
                "carbon.yaml），总不确定性未计算。",
                "A data tier has no default uncertainty in the rules "
                "(rules/carbon.yaml): the overall uncertainty is not "
                "computed.");
    return;
  }
  value *ut = val_set_num(a, dq, "uncertainty_tco2", sqrt(sq));
  trace *t = val_trace(a, ut, "√Σ(u_i × E_i)²",
                       "IPCC 2006 Vol. 1 Ch. 3 Eq. 3.2; ISO 14064-1:2018");
  for (size_t i = 0; i < arr->n; i++) {
    value *uv = val_get(arr->items[i], "uncertainty");
    double e = val_get(arr->items[i], "tco2")->num;
    trace_add(a, t, val_get(arr->items[i], "id")->str, uv->num * e, "tCO2",
              NULL);
    trace_label(a, t, val_get(arr->items[i], "name_zh")->str,
                val_get(arr->items[i], "name_en")->str);
  }
  value *u = val_set_num(a, dq, "uncertainty", sqrt(sq) / fabs(sum));
  t = val_trace(a, u, "√Σ(u_i × E_i)² / |Σ E_i|",
                "IPCC 2006 Vol. 1 Ch. 3 Eq. 3.2; ISO 14064-1:2018");
  trace_add_ref(a, t, "√Σ(u_i × E_i)²", sqrt(sq), "tCO2",
                "carbon.data_quality.uncertainty_tco2");
  trace_add_ref(a, t, "Σ E_i", sum, "tCO2", "carbon.data_quality.sources_tco2");
}

/* }====================================================== */
/* {====================================================== management */

static void flag(arena *a, value *o, const char *key, signed char f) {
  if (f < 0)
    val_set_null(a, o, key);
  else
    val_set_bool(a, o, key, f == 1);
}

/* carbon.management.items: each statement as a report row (what, and its
   state in both languages). */
static void item(arena *a, value *arr, const char *zh, const char *en,
                 const char *vzh, const char *ven) {
  value *o = val_obj(a);
  val_push(a, arr, o);
  val_set_str(a, o, "item_zh", zh);
  val_set_str(a, o, "item_en", en);
  val_set_str(a, o, "state_zh", vzh);
  val_set_str(a, o, "state_en", ven);
}

static void yes_no(arena *a, value *arr, const char *zh, const char *en,
                   signed char f) {
  item(a, arr, zh, en,
       f < 0 ? "未说明"
       : f   ? "是"
             : "否",
       f < 0 ? "not stated"
       : f   ? "yes"
             : "no");
}

static void items(calc_ctx *c, value *o, const m_carbon_mgmt *g) {
  arena *a = c->a;
  value *arr = val_set(a, o, "items", val_arr(a));
  yes_no(a, arr, "数据质量控制计划（监测计划）", "Monitoring plan",
         g->monitoring_plan);
  if (g->has_plan_date) {
    char d[16];
    date_format(g->plan_date, d);
    item(a, arr, "监测计划批准（修订）日期", "Plan approved (revised) on",
         arena_strdup(a, d), arena_strdup(a, d));
  }
  if (g->responsible.zh)
    item(a, arr, "负责部门或人员", "Responsible", g->responsible.zh,
         g->responsible.en ? g->responsible.en : g->responsible.zh);
  yes_no(a, arr, "活动数据按计划计量并留存记录",
         "Activity data metered and recorded", g->activity_metering);
  yes_no(a, arr, "燃料元素碳含量采样化验",
         "Fuel carbon content sampled and analysed", g->carbon_content_tested);
  yes_no(a, arr, "燃料低位发热量采样化验", "Fuel NCV sampled and analysed",
         g->ncv_tested);
  if (g->laboratory.zh)
    item(a, arr, "化验机构", "Laboratory", g->laboratory.zh,
         g->laboratory.en ? g->laboratory.en : g->laboratory.zh);
  yes_no(a, arr, "化验机构具备CMA或CNAS资质",
         "Laboratory accredited (CMA or CNAS)", g->laboratory_accredited);
  yes_no(a, arr, "排放报告经内部审核", "Emission report reviewed internally",
         g->internal_review);
  yes_no(a, arr, "按规定报送排放报告", "Emission reports submitted as required",
         g->reporting);
  if (g->peak_year)
    item(a, arr, "碳达峰目标年份", "Peak year",
         arena_printf(a, "%ld年", g->peak_year),
         arena_printf(a, "%ld", g->peak_year));
  else
    item(a, arr, "碳达峰目标年份", "Peak year", "未说明", "not stated");
  if (g->has_intensity_target) {
    char num[32];
    const char *pct = arena_printf(
        a, "%s %%",
        fmt_num(g->intensity_target * 100, 1, false, num, sizeof num));
    if (g->intensity_target_year)
      item(a, arr, "碳排放强度下降目标", "Carbon-intensity reduction target",
           arena_printf(a, "%s（%ld年）", pct, g->intensity_target_year),
           arena_printf(a, "%s (by %ld)", pct, g->intensity_target_year));
    else
      item(a, arr, "碳排放强度下降目标", "Carbon-intensity reduction target",
           arena_strdup(a, pct), arena_strdup(a, pct));
  } else {
    item(a, arr, "碳排放强度下降目标", "Carbon-intensity reduction target",
         "未说明", "not stated");
  }
}

void calc_carbon_management(calc_ctx *c, value *carbon) {
  arena *a = c->a;
  const m_carbon_mgmt *g = c->m->carbon_in.mgmt;
  value *o = val_set(a, carbon, "management", val_obj(a));
  val_set_bool(a, o, "stated", g != NULL);
  m_carbon_mgmt none;
  if (!g) {
    memset(&none, 0, sizeof none);
    none.monitoring_plan = none.activity_metering = none.carbon_content_tested =
        none.ncv_tested = none.laboratory_accredited = none.internal_review =
            none.reporting = -1;
    g = &none;
  }
  flag(a, o, "monitoring_plan", g->monitoring_plan);
  if (g->has_plan_date) {
    char d[16];
    date_format(g->plan_date, d);
    val_set_str(a, o, "monitoring_plan_date", arena_strdup(a, d));
  } else {
    val_set_null(a, o, "monitoring_plan_date");
  }
  text_pair(a, o, "responsible", g->responsible);
  flag(a, o, "activity_metering", g->activity_metering);
  flag(a, o, "carbon_content_tested", g->carbon_content_tested);
  flag(a, o, "ncv_tested", g->ncv_tested);
  text_pair(a, o, "laboratory", g->laboratory);
  flag(a, o, "laboratory_accredited", g->laboratory_accredited);
  flag(a, o, "internal_review", g->internal_review);
  flag(a, o, "reporting", g->reporting);
  items(c, o, g);
  if (g->peak_year)
    val_set_num(a, o, "peak_year", (double)g->peak_year);
  else
    val_set_null(a, o, "peak_year");
  if (g->has_intensity_target)
    val_set_num(a, o, "intensity_target", g->intensity_target);
  else
    val_set_null(a, o, "intensity_target");
  if (g->intensity_target_year)
    val_set_num(a, o, "intensity_target_year",
                (double)g->intensity_target_year);
  else
    val_set_null(a, o, "intensity_target_year");
}

/* }====================================================== */
