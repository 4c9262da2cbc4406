/* gases.c — non-CO2 greenhouse gases: each source of `gases:` by its rule
 * of rules/gases.yaml, in tonnes of gas and in tCO2e with a GWP set of
 * rules/gwp.yaml.
 *
 * Input: the model's gases, the rules and carbon.total_tco2. Output:
 * carbon.gases[] (one row per gas of a source), carbon.gases_tco2e,
 * carbon.gwp_set and carbon.total_tco2e (CO2 + the other gases). The ETS
 * figures stay on carbon.total_tco2 (carbon.c). Definitions:
 * docs/calculation.md "Non-CO2 gases". The loader has checked the inputs
 * (present or defaulted, not negative, recovered ≤ capacity). */
#include "internal.h"

#include <math.h>
#include <string.h>

static const char *own_en(const m_gas *g)
{
  return g->has_source ? g->source.en : "enterprise";
}

static const char *own_zh(const m_gas *g)
{
  return g->has_source ? g->source.zh : "企业提供";
}

/* A value of the facility, else the technology's default: adds the term
   and returns the value. */
static double term(arena *a, trace *t, const char *name, const m_param *own,
                   const m_gas *g, double dflt, const gas_tech *tech,
                   const proc_default *d, const char *unit)
{
  if (own->has) {
    trace_add2(a, t, name, own->v, unit, own_en(g), own_zh(g));
    return own->v;
  }
  if (tech) {
    trace_add2(a, t, name, dflt, unit, tech->citation.en, tech->citation.zh);
    return dflt;
  }
  trace_add2(a, t, name, d->v, unit, d->citation.en, d->citation.zh);
  return d->v;
}

/* The GWP of gas for source g: its own, else the set's; NAN when neither
   has one. */
static double gwp_of(const m_gas *g, const gwp_set *set, const char *gas,
                     bool *own, bool *verified)
{
  for (size_t i = 0; i < g->n_gwp; i++)
    if (strcmp(g->gwp_gas[i], gas) == 0) {
      *own = true;
      *verified = false;
      return g->gwp_value[i];
    }
  *own = false;
  if (strcmp(gas, "CO2") == 0) { /* the reference gas: 1 in every set */
    *verified = true;
    return 1;
  }
  const gwp_value *v = factors_gwp(set, gas);
  *verified = v && v->verified;
  return v ? v->gwp : (double)NAN;
}

/* The uncertainty (95 %) of a data tier of rules/carbon.yaml; NAN when
   the rules have none. */
static double tier_u(const calc_ctx *c, const char *key)
{
  const unc_tier *t = factors_uncertainty(c->f, key);
  return t ? t->value : (double)NAN;
}

/* The uncertainty of a rule's default factors: its own
   (factor_uncertainty, IPCC 2006 ranges), else the rules' default tier. */
static double rule_u(const calc_ctx *c, const gas_rule *r)
{
  return r->factor_unc.has ? r->factor_unc.v : tier_u(c, "factor_default");
}

/* A row's data quality, for carbon.data_quality: its factor tier by its
   inputs (own: the plant's values used, dflt: the rules' defaults used;
   measured, default or partly_measured between, as for a process
   emission) and its factor's uncertainty. */
typedef struct gas_dq {
  const char *tier;
  double u; /* NAN: a tier the rules have no uncertainty for */
} gas_dq;

static gas_dq dq_by(const calc_ctx *c, const gas_rule *r, size_t own,
                    size_t dflt)
{
  gas_dq q;
  q.tier = own && !dflt ? "measured" : own ? "partly_measured" : "default";
  q.u = own && !dflt ? tier_u(c, "factor_measured") : rule_u(c, r);
  return q;
}

/* One row of carbon.gases[]: the gas's mass (trace t already made on
   mass) and its tCO2e. Returns the tCO2e, 0 when no GWP is known. */
static double row(calc_ctx *c, value *o, value *mass, const m_gas *g,
                  const gas_rule *r, const char *gas, const gwp_set *set,
                  bool defaults_verified, gas_dq q)
{
  arena *a = c->a;
  val_set_str(a, o, "gas", gas);
  val_set_str(a, o, "factor_tier", q.tier);
  if (isfinite(q.u))
    val_set_num(a, o, "factor_uncertainty", q.u);
  else
    val_set_null(a, o, "factor_uncertainty");
  bool own = false, gv = false;
  double gwp = gwp_of(g, set, gas, &own, &gv);
  val_set_bool(a, o, "verified", r->verified && defaults_verified);
  calc_set_cite(a, o, "", &r->citation, NULL);
  val_set_str(a, o, "source", r->source.en);
  val_set_str(a, o, "source_zh", r->source.zh ? r->source.zh : r->source.en);
  const char *path = arena_printf(a, "carbon.gases[%s].tco2e", g->id);
  if (!isfinite(gwp)) {
    val_set_null(a, o, "gwp");
    val_set_null(a, o, "tco2e");
    calc_note(c, path,
              arena_printf(a, "%s中没有%s的GWP，且企业未提供：未折算二氧化碳当量。",
                           set ? set->name.zh : "GWP值组", gas),
              arena_printf(a, "No GWP of %s in the %s and none given: not "
                              "converted to CO2e.",
                           gas, set ? set->name.en : "rules"));
    return 0;
  }
  val_set_num(a, o, "gwp", gwp);
  val_set_str(a, o, "gwp_basis", own ? "enterprise" : "set");
  val_set_bool(a, o, "gwp_verified", gv);
  double e = mass->num * gwp;
  value *v = val_set_num(a, o, "tco2e", e);
  trace *t = val_trace(a, v, "mass × GWP", "IPCC GWP (100 years)");
  trace_add(a, t, "mass", mass->num, "t", NULL);
  if (own)
    trace_add2(a, t, "GWP", gwp, NULL, own_en(g), own_zh(g));
  else if (strcmp(gas, "CO2") == 0)
    trace_add2(a, t, "GWP", gwp, NULL, "CO2, the reference gas",
               "二氧化碳为基准气体");
  else
    trace_add2(a, t, "GWP", gwp, NULL, set->citation.en, set->citation.zh);
  if (!own && !gv)
    calc_note(c, path,
              arena_printf(a, "%s的GWP（%s）未经公开来源核实。", gas,
                           set->name.zh),
              arena_printf(a, "The GWP of %s (%s) is not verified against "
                              "its publication.",
                           gas, set->name.en));
  return e;
}

static value *new_row(calc_ctx *c, value *arr, const m_gas *g,
                      const gas_rule *r)
{
  arena *a = c->a;
  value *o = val_obj(a);
  val_push(a, arr, o);
  val_set_str(a, o, "id", g->id);
  val_set_str(a, o, "rule", g->rule);
  calc_set_layer(a, o, r->layer);
  val_set_str(a, o, "name_zh", g->has_name ? g->name.zh : r->name.zh);
  val_set_str(a, o, "name_en", g->has_name ? g->name.en : r->name.en);
  if (g->technology)
    val_set_str(a, o, "technology", g->technology);
  if (g->activity.set) {
    val_set_num(a, o, "activity", g->activity.v);
    val_set_str(a, o, "activity_text", g->activity.text);
  }
  return o;
}

/* A volume the facility gives, or 0 "not given", traced in m3. */
static double volume(arena *a, trace *t, const char *name, const m_param *p,
                     const m_gas *g)
{
  if (p->has)
    trace_add2(a, t, name, p->v, "m3", own_en(g), own_zh(g));
  else
    trace_add2(a, t, name, 0, "m3", "not given: 0", "未提供：按0计");
  return p->has ? p->v : 0;
}

/* Coal mining and post-mining (coal-production guideline): a CH4 row
   (underground: the measured ventilation and drained CH4 less what was
   flared or used, × its density; surface: raw coal × the mining factor;
   both + raw coal × the post-mining factor) and, underground, a CO2 row
   (the measured CO2 × its density + the flared CH4 burnt to CO2).
   Returns the tCO2e of both. */
static double coal_mine(calc_ctx *c, value *arr, const m_gas *g,
                        const gas_rule *r, const gas_tech *tech,
                        const gwp_set *set)
{
  arena *a = c->a;
  double act = g->activity.v, sum = 0;
  bool surface = tech->b > 0;
  value *o = new_row(c, arr, g, r);
  value *m = val_set_num(a, o, "mass_t", 0);
  trace *t = val_trace(
      a, m,
      surface ? "activity × mining + activity × post_mining"
              : "(ch4_ventilation + ch4_drained − ch4_flared − ch4_used) × "
                "ch4_density + activity × post_mining",
      "NDRC coal producers GHG guideline (2015)");
  trace_add(a, t, "activity", act, "t", NULL);
  trace_label(a, t, "原煤产量", "Raw coal produced");
  double mined;
  bool dv = true;
  if (surface) {
    double f = term(a, t, "mining", &g->mining, g, tech->b, tech, NULL, "t/t");
    mined = act * f;
    dv &= g->mining.has || tech->verified;
  } else {
    double q = volume(a, t, "ch4_ventilation", &g->ch4_vent, g) +
               volume(a, t, "ch4_drained", &g->ch4_drained, g) -
               volume(a, t, "ch4_flared", &g->ch4_flared, g) -
               volume(a, t, "ch4_used", &g->ch4_used, g);
    trace_add2(a, t, "ch4_density", r->ch4_density.v, "t/m3",
               r->ch4_density.citation.en, r->ch4_density.citation.zh);
    mined = q * r->ch4_density.v;
    dv &= r->ch4_density.verified;
  }
  double post = term(a, t, "post_mining", &g->post_mining, g, tech->a, tech,
                     NULL, "t/t");
  dv &= g->post_mining.has || tech->verified;
  m->num = mined + act * post;
  val_set_num(a, o, "mining_t", mined);
  val_set_num(a, o, "post_mining_t", act * post);
  /* the measured volumes (or the plant's factors) and the rules' default
     factors each with their uncertainty, combined by their masses */
  double um = surface && !g->mining.has ? rule_u(c, r)
                                        : tier_u(c, "factor_measured");
  double up = g->post_mining.has ? tier_u(c, "factor_measured") : rule_u(c, r);
  gas_dq q = dq_by(c, r, (size_t)(!surface || g->mining.has) +
                             (size_t)g->post_mining.has,
                   (size_t)(surface && !g->mining.has) +
                       (size_t)!g->post_mining.has);
  q.u = m->num > 0 ? hypot(um * mined, up * act * post) / m->num
                   : fmax(um, up);
  sum += row(c, o, m, g, r, r->gas, set, dv, q);
  if (surface)
    return sum;
  value *o2 = new_row(c, arr, g, r);
  value *m2 = val_set_num(a, o2, "mass_t", 0);
  trace *t2 = val_trace(a, m2,
                        "(co2_ventilation + co2_drained) × co2_density + "
                        "ch4_flared × 12/22.4 × flare_oxidation × 44/12",
                        "NDRC coal producers GHG guideline (2015)");
  double q2 = volume(a, t2, "co2_ventilation", &g->co2_vent, g) +
              volume(a, t2, "co2_drained", &g->co2_drained, g);
  trace_add2(a, t2, "co2_density", r->co2_density.v, "t/m3",
             r->co2_density.citation.en, r->co2_density.citation.zh);
  double fl = volume(a, t2, "ch4_flared", &g->ch4_flared, g);
  /* the carbon of CH4 at 0 °C and 101.325 kPa: 12 g per 22.4 L */
  trace_add2(a, t2, "12/22.4", 12.0 / 22.4 / 1000.0, "tC/m3",
             "molar volume 22.4 L/mol (standard conditions)",
             "标准状况摩尔体积22.4 L/mol");
  double of = 1;
  if (g->flare_oxidation.has)
    of = term(a, t2, "flare_oxidation", &g->flare_oxidation, g, 0, NULL, NULL,
              NULL);
  else if (r->flare_oxidation.has)
    of = term(a, t2, "flare_oxidation", &g->flare_oxidation, g, 0, NULL,
              &r->flare_oxidation, NULL);
  else
    trace_add2(a, t2, "flare_oxidation", 1, NULL, "not given: 100 %",
               "未提供：按100%计");
  double escaped = q2 * r->co2_density.v;
  double flared = fl * (12.0 / 22.4 / 1000.0) * of * (44.0 / 12.0);
  m2->num = escaped + flared;
  val_set_num(a, o2, "escaped_t", escaped);
  val_set_num(a, o2, "flared_t", flared);
  bool dv2 = r->co2_density.verified &&
             (g->flare_oxidation.has || !r->flare_oxidation.has ||
              r->flare_oxidation.verified);
  /* the measured volumes; the flare's oxidation the plant's or the rules'
     default (the tier factor_default) */
  bool of_default = fl > 0 && !g->flare_oxidation.has && r->flare_oxidation.has;
  gas_dq d2 = dq_by(c, r, 1, of_default);
  double ue = tier_u(c, "factor_measured");
  double uf = of_default ? tier_u(c, "factor_default") : ue;
  d2.u = m2->num > 0 ? hypot(ue * escaped, uf * flared) / m2->num : ue;
  sum += row(c, o2, m2, g, r, r->gas2, set, dv2, d2);
  return sum;
}

static double source(calc_ctx *c, value *arr, const m_gas *g,
                     const gwp_set *set)
{
  arena *a = c->a;
  const gas_rule *r = factors_gas(c->f, g->rule);
  const gas_tech *tech = factors_gas_tech(r, g->technology);
  double act = g->activity.v, sum = 0;
  switch (r->kind) {
  case GK_SLOPE: {
    value *o = new_row(c, arr, g, r);
    value *m = val_set_num(a, o, "mass_t", 0);
    trace *t = val_trace(a, m, "activity × AEF × AED × slope_cf4 / 1000",
                         "IPCC 2006 Vol.3 Ch.4 (Tier 2 slope method)");
    trace_add(a, t, "activity", act, "t", NULL);
    double f = term(a, t, "AEF", &g->frequency, g, 0, NULL, NULL, NULL);
    double d = term(a, t, "AED", &g->duration, g, 0, NULL, NULL, "min");
    double s = term(a, t, "slope_cf4", &g->slope, g, tech ? tech->a : 0, tech,
                    NULL, NULL);
    m->num = act * f * d * s / 1000.0;
    bool dv = (g->slope.has || !tech || tech->verified);
    /* the plant's anode-effect frequency and duration, its slope or the
       technology's */
    sum += row(c, o, m, g, r, r->gas, set, dv,
               dq_by(c, r, 2 + (size_t)g->slope.has, !g->slope.has));
    value *o2 = new_row(c, arr, g, r);
    value *m2 = val_set_num(a, o2, "mass_t", 0);
    trace *t2 = val_trace(a, m2, "CF4 × c2f6_per_cf4",
                          "IPCC 2006 Vol.3 Ch.4 (Tier 2 slope method)");
    trace_add_ref(a, t2, "CF4", m->num, "t",
                  arena_printf(a, "carbon.gases[%zu].mass_t",
                               (size_t)arr->n - 2));
    double k = term(a, t2, "c2f6_per_cf4", &g->ratio, g, tech ? tech->b : 0,
                    tech, NULL, NULL);
    m2->num = m->num * k;
    sum += row(c, o2, m2, g, r, r->gas2, set,
               g->ratio.has || !tech || tech->verified,
               dq_by(c, r, 2 + (size_t)g->slope.has + (size_t)g->ratio.has,
                     (size_t)!g->slope.has + (size_t)!g->ratio.has));
    break;
  }
  case GK_EQUIPMENT: {
    value *o = new_row(c, arr, g, r);
    value *m = val_set_num(a, o, "mass_t", 0);
    trace *t = val_trace(a, m, "Σ (capacity − recovered)",
                         "GB/T 32151.2-2015 (SF6)");
    double total = 0;
    for (size_t i = 0; i < g->n_sf6; i++) {
      const m_sf6 *e = &g->sf6[i];
      double x = e->capacity - e->recovered;
      total += x;
      const char *nm = e->top_up       ? "top_up"
                       : e->overhauled ? "overhauled"
                                       : "retired";
      trace_add2(a, t, nm, x, "t", own_en(g), own_zh(g));
    }
    m->num = total;
    /* the plant's own mass balance */
    sum += row(c, o, m, g, r, r->gas, set, true, dq_by(c, r, 1, 0));
    break;
  }
  case GK_PRODUCTION: {
    value *o = new_row(c, arr, g, r);
    value *m = val_set_num(a, o, "mass_t", 0);
    trace *t = val_trace(a, m, "activity × factor × (1 − abatement)",
                         "IPCC 2006 Vol.3 Ch.3");
    trace_add(a, t, "activity", act, "t", NULL);
    double f = term(a, t, "factor", &g->factor, g, tech ? tech->a : 0, tech,
                    NULL, "t/t");
    double ab = 0;
    if (g->abatement.has)
      ab = term(a, t, "abatement", &g->abatement, g, 0, NULL, NULL, NULL);
    else
      trace_add2(a, t, "abatement", 0, NULL, "not given: 0", "未提供：按0计");
    m->num = act * f * (1 - ab);
    sum += row(c, o, m, g, r, r->gas, set,
               g->factor.has || !tech || tech->verified,
               dq_by(c, r, (size_t)g->factor.has + (size_t)g->abatement.has,
                     !g->factor.has));
    break;
  }
  case GK_COAL_MINE:
    sum += coal_mine(c, arr, g, r, tech, set);
    break;
  case GK_WASTEWATER: {
    value *o = new_row(c, arr, g, r);
    value *m = val_set_num(a, o, "mass_t", 0);
    trace *t = val_trace(a, m, "(activity − sludge_cod) × B0 × MCF − recovered",
                         "IPCC 2006 Vol.5 Ch.6 (industrial wastewater)");
    trace_add(a, t, "activity", act, "t", NULL);
    double sl = g->sludge.has ? g->sludge.v : 0;
    trace_add2(a, t, "sludge_cod", sl, "t", g->sludge.has ? own_en(g)
                                                          : "not given: 0",
               g->sludge.has ? own_zh(g) : "未提供：按0计");
    double b0 = term(a, t, "B0", &g->b0, g, 0, NULL, &r->b0, NULL);
    double mcf = term(a, t, "MCF", &g->mcf, g, 0, NULL, &r->mcf, NULL);
    double rec = g->recovered.has ? g->recovered.v : 0;
    trace_add2(a, t, "recovered", rec, "t",
               g->recovered.has ? own_en(g) : "not given: 0",
               g->recovered.has ? own_zh(g) : "未提供：按0计");
    m->num = (act - sl) * b0 * mcf - rec;
    bool dv = (g->b0.has || r->b0.verified) && (g->mcf.has || r->mcf.verified);
    /* the COD removed from records; sludge and recovery given or 0
       weigh neither way */
    sum += row(c, o, m, g, r, r->gas, set, dv,
               dq_by(c, r, (size_t)g->b0.has + (size_t)g->mcf.has,
                     (size_t)!g->b0.has + (size_t)!g->mcf.has));
    break;
  }
  }
  return sum;
}

double calc_gases(calc_ctx *c, value *carbon)
{
  arena *a = c->a;
  const char *key = c->m->gwp ? c->m->gwp : c->f->gwp_default;
  const gwp_set *set = factors_gwp_set(c->f, key);
  value *gs = val_set(a, carbon, "gwp_set", val_obj(a));
  if (set) {
    val_set_str(a, gs, "key", set->key);
    val_set_str(a, gs, "name_zh", set->name.zh);
    val_set_str(a, gs, "name_en", set->name.en);
    val_set_bool(a, gs, "chosen", c->m->gwp != NULL);
    calc_set_cite(a, gs, "", &set->citation, NULL);
    val_set_str(a, gs, "source", set->source.en);
    val_set_str(a, gs, "source_zh", set->source.zh);
    calc_set_layer(a, gs, set->layer);
  } else {
    val_set_null(a, gs, "key");
  }
  value *arr = val_set(a, carbon, "gases", val_arr(a));
  double sum = 0;
  for (size_t i = 0; i < c->m->n_gases; i++)
    sum += source(c, arr, &c->m->gases[i], set);
  value *v = val_set_num(a, carbon, "gases_tco2e", sum);
  trace *t = val_trace(a, v, "Σ gases tCO2e", "IPCC GWP (100 years)");
  for (size_t i = 0; i < arr->n; i++) {
    value *e = val_get(arr->items[i], "tco2e");
    if (e && e->kind == VAL_NUM)
      trace_add_ref(a, t, val_get(arr->items[i], "gas")->str, e->num, "tCO2e",
                    arena_printf(a, "carbon.gases[%zu].tco2e", i));
  }
  value *tot = val_set_num(a, carbon, "total_tco2e", c->total_tco2 + sum);
  t = val_trace(a, tot, "total_tco2 + gases_tco2e", "GB/T 32150-2015");
  trace_add_ref(a, t, "total_tco2", c->total_tco2, "tCO2", "carbon.total_tco2");
  trace_add_ref(a, t, "gases_tco2e", sum, "tCO2e", "carbon.gases_tco2e");
  return sum;
}
