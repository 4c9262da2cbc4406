/* conversion.c — conversion units as the limit standards and GB/T 28751
 * treat them (docs/calculation.md, "Conversion units"): what each makes
 * from what, its efficiency, its own use, its hours at capacity; and the
 * credit a waste-heat unit's output gives the unit whose heat it recovers
 * (GB 16780: the clinker's comprehensive energy consumption deducts the
 * waste-heat power generated from its own heat). */
#include "internal.h"

#include <math.h>
#include <string.h>

bool calc_passes_through(const model *m, int unit)
{
  return unit >= 0 && m->units[unit].stage == STAGE_CONVERSION &&
         m->units[unit].conv.kind == CONV_RECTIFIER;
}

double calc_content_kgce(const carrier_fig *cf)
{
  if (cf->coef_basis && strncmp(cf->coef_basis, "measured", 8) == 0)
    return cf->coefficient;
  return cf->def ? cf->def->coef_kgce : 0;
}

double calc_split_weight(const carrier_fig *cf)
{
  double w = cf ? calc_content_kgce(cf) : 0;
  return w > 0 ? w : 1.0;
}

static bool in_mask(const bool *mask, int place)
{
  return place >= 0 && mask[place];
}

bool calc_recovers_for(const model *m, int place, const bool *mask)
{
  return place >= 0 && CONV_RECOVERS(m->units[place].conv.kind) &&
         m->units[place].conv.heat_from >= 0 &&
         mask[m->units[place].conv.heat_from];
}

double calc_recovery_credit(calc_ctx *c, int u, const bool *mask, int mo,
                            double *out_q, const m_meter **annual)
{
  const model *m = c->m;
  const m_conversion *cv = &m->units[u].conv;
  *out_q = 0;
  if (!calc_recovers_for(m, u, mask))
    return 0;
  bool inside = mask[u];
  /* the unit's own closure: its metered input when it lies outside mask */
  size_t nu = m->n_units;
  bool *sel = ARENA_ARRAY(c->a, bool, nu + 1);
  bool *own = ARENA_ARRAY(c->a, bool, nu + 1);
  sel[u] = true;
  calc_closure(c, sel, own);
  double tce = 0;
  for (size_t i = 0; i < m->n_meters; i++) {
    const m_meter *mt = &m->meters[i];
    int k = c->meter_carrier[i];
    if (mt->form == METER_NONE || k < 0)
      continue;
    bool out = mt->from == u &&
               /* inside the set, only what leaves it was not counted */
               !(inside && in_mask(mask, mt->to));
    bool in = !inside && in_mask(own, mt->to) && !in_mask(own, mt->from);
    if (!out && !in)
      continue;
    if (mo >= 0 && mt->form != METER_MONTHLY && mt->form != METER_SERIES) {
      *annual = mt;
      return NAN;
    }
    double q = mo < 0 ? mt->quantity : mt->monthly[mo];
    const carrier_fig *cf = &c->carriers[k];
    if (in) {
      tce -= q * cf->internal / 1000.0;
      continue;
    }
    tce += q * calc_content_kgce(cf) / 1000.0;
    if (cv->carrier && strcmp(cf->key, cv->carrier) == 0)
      *out_q += q;
  }
  return tce;
}

/* {====================================================== results */

/* A carrier's energy content for an efficiency: as for the totals, except
   steam, whose reference coefficient (low-pressure steam) says nothing of
   the steam a boiler makes: only its measured enthalpy will do. 0 when not
   known. */
static double exact_content(const carrier_fig *cf)
{
  bool measured = cf->coef_basis && strncmp(cf->coef_basis, "measured", 8) == 0;
  if (cf->def && cf->def->cls == CARRIER_STEAM && !measured)
    return 0;
  if (!cf->def && !measured)
    return 0;
  return calc_content_kgce(cf);
}

static const struct {
  const char *zh, *en;
} kind_names[] = {
    [CONV_OTHER] = {"能源加工转换", "Energy conversion"},
    [CONV_WASTE_HEAT_POWER] = {"余热发电", "Waste-heat power"},
    [CONV_WASTE_HEAT_BOILER] = {"余热锅炉", "Waste-heat boiler"},
    [CONV_BOILER] = {"锅炉", "Boiler"},
    [CONV_TURBINE_GENERATOR] = {"汽轮发电机组", "Turbine generator"},
    [CONV_CHP] = {"热电联产", "Combined heat and power"},
    [CONV_RECTIFIER] = {"整流", "Rectification (AC to DC)"},
    [CONV_COMPRESSED_AIR] = {"空气压缩", "Compressed air"},
    [CONV_OXYGEN] = {"制氧", "Oxygen production"},
    [CONV_REFRIGERATION] = {"制冷", "Refrigeration"},
};

static bool content_known_out(calc_ctx *c, const double *out)
{
  for (size_t k = 0; k < c->n_carriers; k++)
    if (out[k] != 0 && !(exact_content(&c->carriers[k]) > 0))
      return false;
  return true;
}

static bool makes_power(conv_kind k)
{
  return k == CONV_WASTE_HEAT_POWER || k == CONV_TURBINE_GENERATOR ||
         k == CONV_CHP;
}

/* One row of inputs[] or outputs[]. */
static void flow_row(calc_ctx *c, value *arr, const carrier_fig *cf,
                     double q, double tce)
{
  value *o = calc_carrier_row(c, arr, cf);
  val_set_num(c->a, o, "quantity", q);
  val_set_num(c->a, o, "tce", tce);
}

/* r.key = out × share / quantity of p, in per (cu per product unit),
   traced: what a conversion unit makes per unit of a product it serves. */
static void per_unit(calc_ctx *c, value *r, const char *key, const char *name,
                     double out, double share, const m_product *p,
                     const char *cu, const char *per, const char *source)
{
  arena *a = c->a;
  value *v = val_set_num(a, r, key, out * share / p->quantity.v);
  v->unit = per;
  trace *t = val_trace(a, v, arena_printf(a, "%s × share / quantity", name),
                       "docs/calculation.md Conversion units");
  trace_add(a, t, name, out, cu, source);
  trace_add(a, t, "share", share, NULL, NULL);
  trace_add(a, t, "quantity", p->quantity.v, p->unit, calc_data_term(c->m));
}

/* The products a conversion unit serves, with its output per unit of
   each (kWh per t clinker; DC kWh per t aluminium): a waste-heat unit
   serves the products whose units hold the unit its heat comes from, any
   other the products whose units hold it. gross_per_unit when the gross
   output is given. */
static void served_products(calc_ctx *c, value *o, int u, double gross,
                            double net)
{
  const model *m = c->m;
  arena *a = c->a;
  size_t nu = m->n_units;
  const m_conversion *cv = &m->units[u].conv;
  /* other kinds' output per unit of product (steam per kWh supplied) is
     no indicator anyone reads */
  if (!CONV_RECOVERS(cv->kind) && cv->kind != CONV_RECTIFIER)
    return;
  int at = CONV_RECOVERS(cv->kind) ? cv->heat_from : u;
  if (at < 0 || !cv->carrier || !(net > 0))
    return;
  bool *sel = ARENA_ARRAY(a, bool, nu + 1);
  bool *mask = ARENA_ARRAY(a, bool, nu + 1);
  value *arr = NULL;
  value *prods = val_get(val_get(c->root, "energy"), "products");
  const char *cu = calc_carrier(c, cv->carrier)->unit;
  for (size_t i = 0; i < m->n_products; i++) {
    const m_product *p = &m->products[i];
    memset(sel, 0, sizeof *sel * (nu + 1));
    for (size_t j = 0; j < p->n_units; j++)
      sel[p->units[j]] = true;
    calc_closure(c, sel, mask);
    double share = mask[at] ? 1.0 : 0.0;
    for (size_t j = 0; j < p->n_shared && share == 0; j++) {
      memset(sel, 0, sizeof *sel * (nu + 1));
      sel[p->shared[j].unit] = true;
      calc_closure(c, sel, mask);
      if (mask[at])
        share = p->shared[j].share;
    }
    if (share == 0)
      continue;
    if (!arr)
      arr = val_set(a, o, "products", val_arr(a));
    value *r = val_obj(a);
    val_push(a, arr, r);
    val_set_str(a, r, "unit_id", m->units[u].id);
    val_set_str(a, r, "unit_name_zh", m->units[u].name.zh);
    val_set_str(a, r, "unit_name_en", m->units[u].name.en);
    val_set_str(a, r, "output_unit", cu);
    val_set_str(a, r, "id", p->id);
    val_set_str(a, r, "name_zh", p->name.zh);
    val_set_str(a, r, "name_en", p->name.en);
    val_set_str(a, r, "unit", p->unit);
    val_set_num(a, r, "share", share);
    if (CONV_RECOVERS(cv->kind)) {
      value *pv = prods ? prods->items[i] : NULL;
      value *rec = pv ? val_get(pv, "recovered_tce") : NULL;
      val_set_num(a, r, "credited_tce", rec ? rec->num : 0);
    }
    const char *per = arena_printf(a, "%s/%s", cu, p->unit);
    if (cv->output.set)
      per_unit(c, r, "gross_per_unit", "gross_output", gross, share, p, cu,
               per, calc_data_term(c->m));
    per_unit(c, r, "net_per_unit", "net output", net, share, p, cu, per,
             "meters from the unit");
  }
}

/* Metering uncertainty of a turbine's steam in and out (its efficiency is
   near 100 %): 2 % beyond it is an error. */
#define CONVERSION_SLACK 0.02
/* Outputs of a conversion unit of no stated kind above this multiple of
   its metered input are warned of: a heat pump gives 3 to 6 times its
   electricity as heat; ten times is no equipment's. */
#define OTHER_MAX_RATIO 10.0

/* The meter that sends the most energy out of the closed set mask: where
   an error about the unit's outputs points. */
static const m_meter *largest_outflow(calc_ctx *c, const bool *mask)
{
  const model *m = c->m;
  const m_meter *best = NULL;
  double best_w = -1;
  for (size_t i = 0; i < m->n_meters; i++) {
    const m_meter *mt = &m->meters[i];
    int k = c->meter_carrier[i];
    if (mt->form == METER_NONE || k < 0 || !in_mask(mask, mt->from) ||
        in_mask(mask, mt->to))
      continue;
    double w = mt->quantity * calc_split_weight(&c->carriers[k]);
    if (w > best_w) {
      best_w = w;
      best = mt;
    }
  }
  return best;
}

/* A unit that makes energy from fuel (boiler, turbine-generator, CHP)
   cannot send out energy with nothing metered into it — what it makes
   would take the actual coefficient 0 — nor more energy than it takes in:
   an efficiency above 100 % means a meter out of it (a sale, most often)
   is too large or its input is metered elsewhere, and the totals would
   deduct energy the site never had (a negative comprehensive energy
   consumption). Input errors at the largest outflow (docs/calculation.md,
   "What the loader refuses as impossible"). Heat pumps, chillers and
   compressors are not judged (their outputs may exceed their input), nor
   a unit of no stated kind: input.md's units have no `conversion:`, and
   files that model a waste-heat station as a bare conversion unit with
   no metered input are valid; such a unit whose outputs are more than ten
   times its metered input is warned of. */
static void check_makes(calc_ctx *c, int u, const bool *mask,
                        const double *out, double in_tce, double in_content,
                        double out_content, bool content_known)
{
  const model *m = c->m;
  conv_kind kind = m->units[u].conv.kind;
  if (kind == CONV_OTHER && in_tce > 0 && content_known && in_content > 0 &&
      out_content > OTHER_MAX_RATIO * in_content) {
    /* a unit of no stated kind is not judged, but one whose outputs are
       many times what is metered into it is most likely a meter wrong by
       orders of magnitude (a typo in a sale): said, not refused */
    const m_meter *at = largest_outflow(c, mask);
    double times = out_content / in_content;
    if (at)
      diag_warn(c->dl, at->data_pos,
                "meters[%s]: unit %s (conversion of no stated kind) sends "
                "out %.4g tce of energy but takes in %.4g tce, %.*g times "
                "as much: more than any heat pump gives; a meter out of it "
                "is likely too large (or, for a unit recovering waste heat, "
                "give conversion.kind waste_heat_power or "
                "waste_heat_boiler)",
                at->id, m->units[u].id, out_content, in_content,
                times < 1e9 ? 9 : 3, times < 1e9 ? round(times) : times);
  }
  if (kind != CONV_BOILER && kind != CONV_TURBINE_GENERATOR &&
      kind != CONV_CHP)
    return;
  bool any_out = false;
  for (size_t k = 0; k < c->n_carriers; k++)
    any_out |= out[k] > 0;
  const m_meter *at = any_out ? largest_outflow(c, mask) : NULL;
  if (!at)
    return;
  if (!(in_tce > 0)) {
    diag_error(c->dl, at->data_pos,
               "meters[%s]: unit %s (conversion) sends out %s but no "
               "metered energy goes into it: what it makes would count as "
               "made from nothing; meter its fuel into it (or, for a unit "
               "recovering waste heat, give conversion.kind "
               "waste_heat_power or waste_heat_boiler)",
               at->id, m->units[u].id, at->carrier);
    return;
  }
  if (content_known && in_content > 0 && out_content > in_content * (1 + CONVERSION_SLACK)) {
    diag_error(c->dl, at->data_pos,
               "meters[%s]: unit %s sends out %.0f tce of energy (outputs at "
               "their energy content) but takes in %.0f tce: a conversion "
               "efficiency of %.1f %%, more out than in (beyond 2 %% of "
               "metering uncertainty); a meter out of it is too large, or "
               "its input is metered elsewhere",
               at->id, m->units[u].id, out_content, in_content,
               100.0 * out_content / in_content);
  }
}

static void emit_unit(calc_ctx *c, value *arr, int u)
{
  const model *m = c->m;
  arena *a = c->a;
  const m_unit *mu = &m->units[u];
  const m_conversion *cv = &mu->conv;
  size_t nu = m->n_units;
  value *o = val_obj(a);
  val_push(a, arr, o);
  val_set_str(a, o, "id", mu->id);
  val_set_str(a, o, "name_zh", mu->name.zh);
  val_set_str(a, o, "name_en", mu->name.en);
  val_set_str(a, o, "kind", model_conv_kind(cv->kind));
  val_set_str(a, o, "kind_zh", kind_names[cv->kind].zh);
  val_set_str(a, o, "kind_en", kind_names[cv->kind].en);

  /* inputs: the metered inflow into its closure, at the coefficients of
     the totals; outputs: what leaves it, at its energy content */
  bool *sel = ARENA_ARRAY(a, bool, nu + 1);
  bool *mask = ARENA_ARRAY(a, bool, nu + 1);
  double *q = ARENA_ARRAY(a, double, c->n_carriers + 1);
  sel[u] = true;
  calc_closure(c, sel, mask);
  calc_inflows(c, mask, q);
  value *ins = val_set(a, o, "inputs", val_arr(a));
  double in_tce = 0, in_el = 0, in_content = 0;
  bool content_known = true;
  for (size_t k = 0; k < c->n_carriers; k++) {
    if (q[k] == 0)
      continue;
    const carrier_fig *cf = &c->carriers[k];
    double tce = q[k] * cf->internal / 1000.0;
    in_tce += tce;
    in_content += q[k] * exact_content(cf) / 1000.0;
    if (!(exact_content(cf) > 0))
      content_known = false;
    if (cf->def && cf->def->cls == CARRIER_ELECTRICITY)
      in_el += q[k];
    flow_row(c, ins, cf, q[k], tce);
  }
  double *out = ARENA_ARRAY(a, double, c->n_carriers + 1);
  for (size_t i = 0; i < m->n_meters; i++) {
    const m_meter *mt = &m->meters[i];
    int k = c->meter_carrier[i];
    if (mt->form != METER_NONE && k >= 0 && in_mask(mask, mt->from) &&
        !in_mask(mask, mt->to))
      out[k] += mt->quantity;
  }
  /* What a unit makes is valued at its actual coefficient: its input
     shared over its outputs by their energy content, as the coefficients
     were made (energy.c in_house_coefficients), so output_tce equals
     input_tce; a recovery unit's output at its energy content; what a
     rectifier passes on at the internal coefficient. The internal
     coefficient of a carrier also bought is a blend of bought and made
     and would not close the unit. */
  bool makes = !calc_passes_through(m, u) && !CONV_RECOVERS(cv->kind);
  double weight_sum = 0;
  for (size_t k = 0; k < c->n_carriers; k++)
    weight_sum += out[k] * calc_split_weight(&c->carriers[k]);
  value *outs = val_set(a, o, "outputs", val_arr(a));
  double out_tce = 0, out_content = 0, out_el = 0, net = 0;
  for (size_t k = 0; k < c->n_carriers; k++) {
    if (out[k] == 0)
      continue;
    const carrier_fig *cf = &c->carriers[k];
    if (!(exact_content(cf) > 0))
      content_known = false;
    out_content += out[k] * exact_content(cf) / 1000.0;
    double tce =
        makes && weight_sum > 0
            ? in_tce * out[k] * calc_split_weight(cf) / weight_sum
        : CONV_RECOVERS(cv->kind) ? out[k] * calc_content_kgce(cf) / 1000.0
                                  : out[k] * cf->internal / 1000.0;
    out_tce += tce;
    if (cf->def && cf->def->cls == CARRIER_ELECTRICITY)
      out_el += out[k];
    if (cv->carrier && strcmp(cv->carrier, cf->key) == 0)
      net = out[k];
    flow_row(c, outs, cf, out[k], tce);
  }
  val_set_num(a, o, "input_tce", in_tce);
  val_set_num(a, o, "output_tce", out_tce);
  /* the outputs' energy content, where every output's is known */
  if (content_known_out(c, out) && out_content > 0)
    val_set_num(a, o, "output_content_tce", out_content);
  else
    val_set_null(a, o, "output_content_tce");

  /* efficiency: output energy over input energy (a rectifier: DC over AC) */
  value *eff = val_set(a, o, "efficiency", val_null(a));
  if (CONV_RECOVERS(cv->kind)) {
    calc_note(c, arena_printf(a, "energy.conversion[%s].efficiency", mu->id),
              "余热回收单元的输入为回收的余热，未计量，不计算转换效率。",
              "A waste-heat unit's input is recovered heat, which is not "
              "metered: no conversion efficiency.");
  } else if (cv->kind == CONV_RECTIFIER && in_el > 0 && out_el > 0) {
    eff = val_set_num(a, o, "efficiency", out_el / in_el);
    trace *t = val_trace(a, eff, "DC output / AC input",
                         "docs/calculation.md Conversion units");
    trace_add(a, t, "DC output", out_el, "kWh", "meters from the unit");
    trace_add(a, t, "AC input", in_el, "kWh", "meters into the unit");
  } else if (in_content > 0 && out_content > 0 && content_known) {
    eff = val_set_num(a, o, "efficiency", out_content / in_content);
    trace *t = val_trace(a, eff, "output energy content / input energy content",
                         calc_std_clause(c, "GB/T 2589",
                                         "; docs/calculation.md Conversion "
                                         "units"));
    trace_add(a, t, "output energy content", out_content, "tce",
              "meters from the unit");
    trace_add(a, t, "input energy content", in_content, "tce",
              "meters into the unit");
  } else if (in_tce > 0 && out_tce > 0) {
    calc_note(c, arena_printf(a, "energy.conversion[%s].efficiency", mu->id),
              "蒸汽只有实测焓值才能计算其能量，本单元的输入或输出缺少实测焓值，不计算转换效率。",
              "The energy of steam is known only from its measured enthalpy "
              "(factors: steam: enthalpy); an input or output of this unit "
              "has none: no conversion efficiency.");
  }
  (void)eff;
  check_makes(c, u, mask, out, in_tce, in_content, out_content,
              content_known);

  /* gross output, own use, hours at capacity */
  if (cv->output.set) {
    const carrier_fig *cf = calc_carrier(c, cv->carrier);
    value *g = val_set_num(a, o, "gross_output", cv->output.v);
    g->unit = cf->unit;
    val_set_str(a, o, "output_unit", cf->unit);
    value *own = val_set_num(a, o, "own_use", cv->output.v - net);
    own->unit = cf->unit;
    trace *t = val_trace(a, own, "gross_output − net output",
                         "docs/calculation.md Conversion units");
    trace_add(a, t, "gross_output", cv->output.v, cf->unit, calc_data_term(c->m));
    trace_add(a, t, "net output", net, cf->unit, "meters from the unit");
    value *r = val_set_num(a, o, "own_use_ratio",
                           (cv->output.v - net) / cv->output.v);
    t = val_trace(a, r, "own_use / gross_output",
                  "docs/calculation.md Conversion units");
    trace_add(a, t, "own_use", cv->output.v - net, cf->unit, NULL);
    trace_add(a, t, "gross_output", cv->output.v, cf->unit, calc_data_term(c->m));
  }
  if (cv->capacity.set) {
    bool kw = dim_eq(cv->capacity.dim, dim_of("kW"));
    /* base units: MJ/h and t/h (units.c) */
    double kwv = cv->capacity.v / 3.6;
    val_set_num(a, o, kw ? "capacity_kw" : "capacity_t_per_h",
                kw ? kwv : cv->capacity.v);
    double made = cv->output.set && strcmp(calc_carrier(c, cv->carrier)->unit,
                                           "kWh") == 0
                      ? cv->output.v
                      : out_el;
    if (kw && makes_power(cv->kind) && made > 0) {
      value *h = val_set_num(a, o, "hours_at_capacity",
                             made / kwv);
      h->unit = "h";
      trace *t = val_trace(a, h, "output (kWh) / capacity (kW)",
                           "docs/calculation.md Conversion units");
      trace_add(a, t, cv->output.set ? "gross_output" : "net output", made,
                "kWh", NULL);
      trace_add(a, t, "capacity", kwv, "kW",
                calc_data_term(c->m));
    }
  }

  /* recovery: the unit heat comes from and the credit to its products */
  if (CONV_RECOVERS(cv->kind) && cv->heat_from >= 0) {
    const m_unit *h = &m->units[cv->heat_from];
    val_set_str(a, o, "heat_from", h->id);
    val_set_str(a, o, "heat_from_zh", h->name.zh);
    val_set_str(a, o, "heat_from_en", h->name.en);
    memset(sel, 0, sizeof *sel * (nu + 1));
    sel[cv->heat_from] = true;
    calc_closure(c, sel, mask);
    double kwh;
    const m_meter *annual;
    value *cr = val_set_num(a, o, "recovered_tce",
                            calc_recovery_credit(c, u, mask, -1, &kwh,
                                                 &annual));
    trace *t = val_trace(a, cr, "Σ output × reference coefficient / 1000 − "
                                "metered input",
                         calc_std_clause(c, "GB 16780",
                                         "; docs/calculation.md Conversion "
                                         "units"));
    trace_add(a, t, "output_tce", out_tce, "tce", NULL);
    trace_add(a, t, "input_tce", in_tce, "tce", NULL);
  }
  served_products(c, o, u, cv->output.set ? cv->output.v : net, net);
}

void calc_conversion(calc_ctx *c, value *energy)
{
  const model *m = c->m;
  value *arr = val_set(c->a, energy, "conversion", val_arr(c->a));
  for (size_t u = 0; u < m->n_units; u++)
    if (m->units[u].stage == STAGE_CONVERSION)
      emit_unit(c, arr, (int)u);
}

/* }====================================================== */
