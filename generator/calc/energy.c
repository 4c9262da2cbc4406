/* energy.c — the energy part of the results: carriers, totals, products,
 * intensity, balance, cost and monthly figures.
 *
 * Input: the model and the carrier rules. Output: energy.* of the results
 * tree, each figure with its trace. The exact definitions are in
 * docs/calculation.md; the section names below follow it. Invariants:
 * quantities are in the carrier's base unit; coefficients in kgce per base
 * unit; nothing here rounds. */
#include "internal.h"

#include "../base/fmt.h"
#include "../rules/terms.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* {====================================================== flows */

/* Marks closure(U): the units of U and all their descendants. Each
   unit's answer is remembered for the units below it, so a deep tree of
   thousands of units costs one pass, not one walk to the root per unit. */
static void closure(calc_ctx *c, const bool *in, bool *out)
{
  const model *m = c->m;
  size_t nu = m->n_units;
  if (!c->cl_state) {
    c->cl_state = ARENA_ARRAY(c->a, unsigned char, nu + 1);
    c->cl_walk = ARENA_ARRAY(c->a, int, nu + 1);
  }
  /* 0 not known, 1 inside, 2 outside, 3 on the current walk */
  unsigned char *st = c->cl_state;
  int *walk = c->cl_walk;
  memset(st, 0, nu + 1);
  for (size_t i = 0; i < nu; i++) {
    size_t n = 0;
    unsigned char v = 2;
    for (int at = (int)i; at >= 0; at = m->units[at].parent) {
      if (st[at] == 1 || st[at] == 2) {
        v = st[at];
        break;
      }
      if (in[at]) {
        v = 1;
        break;
      }
      if (st[at] == 3 || n >= nu)
        break; /* a cycle (the loader refuses them): outside */
      st[at] = 3;
      walk[n++] = at;
    }
    for (size_t k = 0; k < n; k++)
      st[walk[k]] = v;
    if (in[i])
      st[i] = 1;
    out[i] = st[i] == 1;
  }
}

/* A place (a unit, outside or the site) as a report names it. */
static const char *place_name(const model *m, int place, bool zh)
{
  if (place == PLACE_OUTSIDE)
    return zh ? "边界外" : "outside the boundary";
  if (place == PLACE_SITE)
    return zh ? "厂区" : "the site";
  return zh ? m->units[place].name.zh : m->units[place].name.en;
}

static bool in_mask(const bool *mask, int place)
{
  return place >= 0 && mask[place];
}

/* Inflow of carrier key into the closed set mask: meters whose to is in
   the set and whose from is not. Adds a term per meter to tr when given. */
static double inflow(calc_ctx *c, const char *key, const bool *mask,
                     trace *tr)
{
  /* meters carry their carrier's index: no string compare per meter */
  int k = -1;
  for (size_t j = 0; j < c->n_carriers && k < 0; j++)
    if (strcmp(c->carriers[j].key, key) == 0)
      k = (int)j;
  double sum = 0;
  for (size_t i = 0; i < c->m->n_meters; i++) {
    const m_meter *mt = &c->m->meters[i];
    if (mt->form == METER_NONE || k < 0 || c->meter_carrier[i] != k)
      continue;
    if (in_mask(mask, mt->to) && !in_mask(mask, mt->from)) {
      sum += mt->quantity;
      if (tr) {
        trace_add2(c->a, tr, mt->id, mt->quantity, NULL,
                   arena_printf(c->a, "%s → %s",
                                place_name(c->m, mt->from, false),
                                place_name(c->m, mt->to, false)),
                   arena_printf(c->a, "%s → %s",
                                place_name(c->m, mt->from, true),
                                place_name(c->m, mt->to, true)));
        trace_label(c->a, tr, arena_printf(c->a, "计量点%s", mt->id),
                    arena_printf(c->a, "Meter %s", mt->id));
      }
    }
  }
  return sum;
}

/* The inflow of every carrier into the closed set mask, in one pass over
   the meters: q[k] for carrier k (each summed in meter order, as inflow
   sums it). */
static void inflows(calc_ctx *c, const bool *mask, double *q)
{
  memset(q, 0, sizeof *q * (c->n_carriers + 1));
  for (size_t i = 0; i < c->m->n_meters; i++) {
    const m_meter *mt = &c->m->meters[i];
    int k = c->meter_carrier[i];
    if (mt->form != METER_NONE && k >= 0 && in_mask(mask, mt->to) &&
        !in_mask(mask, mt->from))
      q[k] += mt->quantity;
  }
}

void calc_closure(calc_ctx *c, const bool *in, bool *out)
{
  closure(c, in, out);
}

void calc_inflows(calc_ctx *c, const bool *mask, double *q)
{
  inflows(c, mask, q);
}

double calc_inflow(calc_ctx *c, const char *key, const bool *sel)
{
  if (!c->cl_mask)
    c->cl_mask = ARENA_ARRAY(c->a, bool, c->m->n_units + 1);
  closure(c, sel, c->cl_mask);
  return inflow(c, key, c->cl_mask, NULL);
}

/* }====================================================== */
/* {====================================================== carriers */

carrier_fig *calc_carrier(calc_ctx *c, const char *key)
{
  for (size_t i = 0; i < c->n_carriers; i++)
    if (strcmp(c->carriers[i].key, key) == 0)
      return &c->carriers[i];
  return NULL;
}

const char *calc_carrier_name(calc_ctx *c, const carrier_fig *cf, bool zh)
{
  if (cf->def)
    return zh ? cf->def->name.zh : cf->def->name.en;
  /* made inside under a key of the facility's own: named by its maker */
  const model *m = c->m;
  for (size_t i = 0; i < m->n_meters; i++) {
    const m_meter *mt = &m->meters[i];
    if (mt->from >= 0 && strcmp(mt->carrier, cf->key) == 0)
      return zh ? arena_printf(c->a, "%s产出的能源", m->units[mt->from].name.zh)
                : arena_printf(c->a, "Energy made by %s",
                               m->units[mt->from].name.en);
  }
  return zh ? "自产能源" : "Energy made on site";
}

value *calc_carrier_row(calc_ctx *c, value *arr, const carrier_fig *cf)
{
  value *o = val_obj(c->a);
  val_push(c->a, arr, o);
  val_set_str(c->a, o, "carrier", cf->key);
  val_set_str(c->a, o, "name_zh", calc_carrier_name(c, cf, true));
  val_set_str(c->a, o, "name_en", calc_carrier_name(c, cf, false));
  val_set_str(c->a, o, "unit", cf->unit);
  return o;
}

static const m_factor *override_of(const model *m, const char *key)
{
  for (size_t i = 0; i < m->n_factor_overrides; i++)
    if (strcmp(m->factor_overrides[i].carrier, key) == 0)
      return &m->factor_overrides[i];
  return NULL;
}

static void add_carrier(calc_ctx *c, const char *key)
{
  if (calc_carrier(c, key))
    return;
  carrier_fig *cf = &c->carriers[c->n_carriers++];
  memset(cf, 0, sizeof *cf);
  cf->key = key;
  cf->def = factors_carrier(c->f, key);
  cf->unit = model_carrier_unit(c->m, c->f, key);
  cf->counted = cf->def ? cf->def->counted : true;
  const m_factor *fo = override_of(c->m, key);
  if (fo && fo->has_counted && cf->counted != fo->counted) {
    cf->counted = fo->counted;
    const char *zh = calc_carrier_name(c, cf, true);
    const char *en = calc_carrier_name(c, cf, false);
    calc_note(c, arena_printf(c->a, "energy.carriers[%s].counted", key),
              arena_printf(c->a, "%s按企业所给口径%s综合能耗（%s）。", zh,
                           fo->counted ? "计入" : "不计入", fo->source.zh),
              arena_printf(c->a, "%s is %s the total energy as the facility "
                                 "file states (%s).",
                           en, fo->counted ? "counted in" : "left out of",
                           fo->source.en));
  }
}

/* The carriers of the facility in a stable order: the order of the rule
   file for known carriers, then in-house carriers by first appearance. */
static void collect_carriers(calc_ctx *c)
{
  const model *m = c->m;
  c->carriers = ARENA_ARRAY(c->a, carrier_fig,
                            c->f->n_carriers + m->n_own + 1);
  for (size_t k = 0; k < c->f->n_carriers; k++) {
    const char *key = c->f->carriers[k].key;
    bool used = false;
    for (size_t i = 0; i < m->n_meters && !used; i++)
      used = m->meters[i].form != METER_NONE &&
             strcmp(m->meters[i].carrier, key) == 0;
    for (size_t i = 0; i < m->n_stock && !used; i++)
      used = strcmp(m->stock[i].carrier, key) == 0;
    if (used)
      add_carrier(c, key);
  }
  for (size_t i = 0; i < m->n_own; i++) {
    bool used = false;
    for (size_t j = 0; j < m->n_meters && !used; j++)
      used = m->meters[j].form != METER_NONE &&
             strcmp(m->meters[j].carrier, m->own_carriers[i]) == 0;
    if (used)
      add_carrier(c, m->own_carriers[i]);
  }
  c->meter_carrier = ARENA_ARRAY(c->a, int, m->n_meters + 1);
  for (size_t i = 0; i < m->n_meters; i++) {
    c->meter_carrier[i] = -1;
    for (size_t k = 0; k < c->n_carriers; k++)
      if (m->meters[i].carrier && strcmp(m->meters[i].carrier,
                                         c->carriers[k].key) == 0)
        c->meter_carrier[i] = (int)k;
  }
}

/* A conversion unit makes what leaves it, except a rectifier, through
   which electricity passes (AC in, DC out: the same carrier). */
static bool is_producer(const model *m, int place)
{
  return place >= 0 && m->units[place].stage == STAGE_CONVERSION &&
         !calc_passes_through(m, place);
}

static void physical_flows(calc_ctx *c)
{
  const model *m = c->m;
  for (size_t k = 0; k < c->n_carriers; k++) {
    carrier_fig *cf = &c->carriers[k];
    for (size_t i = 0; i < m->n_meters; i++) {
      const m_meter *mt = &m->meters[i];
      if (mt->form == METER_NONE || strcmp(mt->carrier, cf->key) != 0)
        continue;
      if (mt->from == PLACE_OUTSIDE)
        cf->purchased += mt->quantity;
      if (mt->to == PLACE_OUTSIDE)
        cf->sold += mt->quantity;
      if (is_producer(m, mt->from))
        cf->produced += mt->quantity;
    }
    for (size_t i = 0; i < m->n_stock; i++)
      if (strcmp(m->stock[i].carrier, cf->key) == 0)
        cf->stock_change += m->stock[i].opening - m->stock[i].closing;
    cf->consumed = cf->purchased - cf->sold + cf->stock_change;
    for (size_t i = 0; i < m->n_prices; i++)
      if (strcmp(m->prices[i].carrier, cf->key) == 0) {
        cf->has_price = true;
        cf->price = m->prices[i].cny_per_unit;
      }
  }
}

/* The reference coefficient, or the enterprise's measured NCV (or steam
   enthalpy) over 29.3076 MJ/kgce. */
static void reference_coefficients(calc_ctx *c)
{
  for (size_t k = 0; k < c->n_carriers; k++) {
    carrier_fig *cf = &c->carriers[k];
    const m_factor *fo = override_of(c->m, cf->key);
    if (fo && (fo->has_ncv || fo->has_enthalpy)) {
      double mj = fo->has_ncv ? fo->ncv_mj : fo->enthalpy_mj;
      cf->coefficient = mj / MJ_PER_KGCE;
      cf->coef_basis = fo->has_ncv ? "measured_ncv" : "measured_enthalpy";
      cf->coef_source = arena_printf(
          c->a, "%s %s / 29.3076 MJ/kgce (%s: 1 kgce = 29 307.6 kJ); %s",
          fo->has_ncv ? "measured NCV" : "measured enthalpy",
          fo->has_ncv ? fo->ncv_text : fo->enthalpy_text,
          calc_std(c, "GB/T 2589"), fo->source.en);
      cf->coef_source_zh = arena_printf(
          c->a, "实测%s %s ÷ 29.3076 MJ/kgce（%s：1 kgce = 29 307.6 kJ）；%s",
          fo->has_ncv ? "低位发热量" : "焓值",
          fo->has_ncv ? fo->ncv_text : fo->enthalpy_text,
          calc_std(c, "GB/T 2589"),
          fo->source.zh ? fo->source.zh : fo->source.en);
      cf->coef_verified = false; /* the enterprise's value, not the rules' */
      cf->coef_cite.en = cf->coef_source;
      cf->coef_cite.zh = cf->coef_source_zh;
    } else if (cf->def) {
      cf->coefficient = cf->def->coef_kgce;
      cf->coef_basis = "reference";
      cf->coef_source = cf->def->source.en;
      cf->coef_source_zh =
          cf->def->source.zh ? cf->def->source.zh : cf->def->source.en;
      cf->coef_verified = cf->def->verified;
      cf->coef_cite = cf->def->citation;
      cf->coef_checked = &cf->def->checked;
      calc_edition_coefficient(c, cf);
    } else {
      cf->coef_basis = "in_house";
    }
    cf->internal = cf->coefficient;
  }
}

/* tce into one producing unit: the inflow of every carrier into its
   closure at the carriers' internal coefficients. */
static double producer_input_tce(calc_ctx *c, int unit, bool *mask,
                                 bool *scratch)
{
  memset(scratch, 0, sizeof *scratch * c->m->n_units);
  scratch[unit] = true;
  closure(c, scratch, mask);
  double tce = 0;
  double *q = ARENA_ARRAY(c->a, double, c->n_carriers + 1);
  inflows(c, mask, q);
  for (size_t k = 0; k < c->n_carriers; k++)
    tce += q[k] * c->carriers[k].internal / 1000.0;
  return tce;
}

/* Output of carrier key by unit u (meters from u). */
static double output_of(const model *m, int u, const char *key)
{
  double q = 0;
  for (size_t i = 0; i < m->n_meters; i++) {
    const m_meter *mt = &m->meters[i];
    if (mt->form != METER_NONE && mt->from == u &&
        strcmp(mt->carrier, key) == 0)
      q += mt->quantity;
  }
  return q;
}

/* Solves the coefficients of carriers made inside (docs/calculation.md,
   "Coefficient" rule 2, and "Internal coefficient"). A producer's input
   may itself be made inside (steam from a boiler fed by waste-heat power),
   so the figures are iterated to a fixed point; the map is a contraction
   for any physical plant and converges in a few rounds. */
static void in_house_coefficients(calc_ctx *c)
{
  const model *m = c->m;
  bool any = false;
  for (size_t k = 0; k < c->n_carriers; k++)
    any |= c->carriers[k].produced > 0;
  if (!any)
    return;
  size_t nu = m->n_units;
  bool *mask = ARENA_ARRAY(c->a, bool, nu + 1);
  bool *scratch = ARENA_ARRAY(c->a, bool, nu + 1);
  double *made_tce = ARENA_ARRAY(c->a, double, c->n_carriers + 1);
  double *own_tce = ARENA_ARRAY(c->a, double, c->n_carriers + 1);
  double *q = ARENA_ARRAY(c->a, double, c->n_carriers + 1);
  for (int round = 0; round < 200; round++) {
    memset(made_tce, 0, sizeof *made_tce * c->n_carriers);
    memset(own_tce, 0, sizeof *own_tce * c->n_carriers);
    for (size_t u = 0; u < nu; u++) {
      if (!is_producer(m, (int)u))
        continue;
      if (CONV_RECOVERS(m->units[u].conv.kind)) {
        /* Recovered heat is already in the fuel of the unit it comes
           from: what the unit makes enters the mixture at its reference
           coefficient, and that unit's products are credited with it
           (calc_recovery_credit). */
        for (size_t k = 0; k < c->n_carriers; k++) {
          double x = output_of(m, (int)u, c->carriers[k].key) *
                     calc_content_kgce(&c->carriers[k]) / 1000.0;
          made_tce[k] += x;
          own_tce[k] += x;
        }
        continue;
      }
      /* Split the unit's input over its outputs by their energy content
         (calc_split_weight: the measured enthalpy of its steam where the
         file gives one, not the table's low-pressure steam). */
      double weight_sum = 0;
      for (size_t k = 0; k < c->n_carriers; k++) {
        const carrier_fig *cf = &c->carriers[k];
        double w = calc_split_weight(cf);
        weight_sum += output_of(m, (int)u, cf->key) * w;
      }
      if (weight_sum <= 0)
        continue;
      double in = producer_input_tce(c, (int)u, mask, scratch);
      inflows(c, mask, q); /* mask: the unit's closure */
      for (size_t k = 0; k < c->n_carriers; k++) {
        const carrier_fig *cf = &c->carriers[k];
        double w = calc_split_weight(cf);
        double part = output_of(m, (int)u, cf->key) * w / weight_sum;
        made_tce[k] += in * part;
        /* the actual coefficient of what is made: an input of the same
           carrier (start-up power bought into a generating unit) at the
           coefficient it is bought at, not at the blend, which holds
           what the unit makes */
        own_tce[k] += (in + q[k] * (cf->coefficient - cf->internal) / 1000.0) *
                      part;
      }
    }
    double change = 0;
    for (size_t k = 0; k < c->n_carriers; k++) {
      carrier_fig *cf = &c->carriers[k];
      if (cf->produced <= 0)
        continue;
      double old = cf->internal;
      cf->made = own_tce[k] * 1000.0 / cf->produced;
      bool measured = cf->coef_basis && strncmp(cf->coef_basis, "measured", 8) == 0;
      if (cf->purchased <= 0 && !measured) {
        /* Made inside only: the actual coefficient. */
        cf->coefficient = made_tce[k] * 1000.0 / cf->produced;
        cf->coef_basis = "in_house";
        cf->internal = cf->coefficient;
      } else {
        cf->internal = (cf->purchased * cf->coefficient +
                        made_tce[k] * 1000.0) /
                       (cf->purchased + cf->produced);
      }
      double d = fabs(cf->internal - old);
      if (d > change)
        change = d;
    }
    if (change < 1e-13)
      break;
  }
  for (size_t k = 0; k < c->n_carriers; k++) {
    carrier_fig *cf = &c->carriers[k];
    if (cf->produced > 0 && strcmp(cf->coef_basis, "in_house") == 0) {
      cf->coef_source = arena_printf(
          c->a,
          "actual coefficient: tce into the producing unit / its output (%s)",
          calc_std(c, "GB/T 2589"));
      cf->coef_source_zh = arena_printf(
          c->a, "实际折算系数：生产单元投入的标准煤量 ÷ 其产出量（%s）",
          calc_std(c, "GB/T 2589"));
      cf->coef_cite.en = cf->coef_source;
      cf->coef_cite.zh = cf->coef_source_zh;
    }
  }
}

/* Where a carrier's coefficient comes from: the rules (standard or
   publication), the facility file (as it says), or the site's own
   conversion (calculated). */
static const char *coef_origin(calc_ctx *c, const carrier_fig *cf)
{
  if (strncmp(cf->coef_basis, "measured", 8) == 0)
    return calc_origin_of_user(override_of(c->m, cf->key));
  if (strcmp(cf->coef_basis, "in_house") == 0)
    return "calculated";
  return calc_origin_of_rule(cf->coef_source);
}

/* What the price of carrier key says about VAT. */
static vat_basis price_vat(const model *m, const char *key)
{
  for (size_t i = 0; i < m->n_prices; i++)
    if (strcmp(m->prices[i].carrier, key) == 0)
      return m->prices[i].vat;
  return VAT_NOT_STATED;
}

/* The results word for a VAT basis (results.md Cost). */
static const char *vat_name(vat_basis b)
{
  return b == VAT_INCLUDED   ? "included"
         : b == VAT_EXCLUDED ? "excluded"
                             : "not_stated";
}

static void emit_carriers(calc_ctx *c, value *energy)
{
  arena *a = c->a;
  value *arr = val_set(a, energy, "carriers", val_arr(a));
  c->total_tce = 0;
  for (size_t k = 0; k < c->n_carriers; k++) {
    carrier_fig *cf = &c->carriers[k];
    cf->tce = cf->consumed * cf->coefficient / 1000.0;
    if (cf->counted)
      c->total_tce += cf->tce;
  }
  for (size_t k = 0; k < c->n_carriers; k++) {
    carrier_fig *cf = &c->carriers[k];
    value *o = calc_carrier_row(c, arr, cf);
    cf->node = o;
    val_set_num(a, o, "purchased", cf->purchased);
    val_set_num(a, o, "sold", cf->sold);
    val_set_num(a, o, "stock_change", cf->stock_change);
    /* the stock itself, for forms that state it (205-1); null when the
       facility file gives none for the carrier */
    const m_stock *st = NULL;
    for (size_t i = 0; i < c->m->n_stock && !st; i++)
      if (strcmp(c->m->stock[i].carrier, cf->key) == 0)
        st = &c->m->stock[i];
    if (st) {
      val_set_num(a, o, "opening_stock", st->opening);
      val_set_num(a, o, "closing_stock", st->closing);
    } else {
      val_set_null(a, o, "opening_stock");
      val_set_null(a, o, "closing_stock");
    }
    val_set_num(a, o, "produced", cf->produced);
    value *cons = val_set_num(a, o, "consumed", cf->consumed);
    trace *t = val_trace(a, cons, "purchased - sold + stock_change",
                         calc_std_clause(c, "GB/T 2589",
                                         " 4; docs/calculation.md Carriers"));
    trace_add(a, t, "purchased", cf->purchased, cf->unit, "meters from outside");
    trace_add(a, t, "sold", cf->sold, cf->unit, "meters to outside");
    trace_add(a, t, "stock_change", cf->stock_change, cf->unit,
              "stock: opening - closing");
    value *coef = val_set_num(a, o, "coefficient_kgce", cf->coefficient);
    coef->unit = arena_printf(a, "kgce/%s", cf->unit);
    if (strncmp(cf->coef_basis, "measured", 8) == 0) {
      const m_factor *fo = override_of(c->m, cf->key);
      bool ncv = strcmp(cf->coef_basis, "measured_ncv") == 0;
      trace *ct = val_trace(a, coef,
                            ncv ? "measured NCV / 29.3076 MJ per kgce"
                                : "steam enthalpy / 29.3076 MJ per kgce",
                            calc_std_clause(c, "GB/T 2589",
                                            " (1 kgce = 29 307.6 kJ)"));
      trace_add2(a, ct, ncv ? "NCV" : "enthalpy",
                 ncv ? fo->ncv_mj : fo->enthalpy_mj,
                 arena_printf(a, "MJ/%s", cf->unit), fo->source.en,
                 fo->source.zh);
    } else if (strcmp(cf->coef_basis, "in_house") == 0 && cf->produced > 0) {
      trace *ct = val_trace(a, coef,
                            "tce into the producing units × 1000 / output",
                            calc_std_clause(c, "GB/T 2589",
                                            " (actual coefficient of energy "
                                            "made inside)"));
      trace_add(a, ct, "tce into producers", cf->coefficient * cf->produced / 1000.0,
                "tce", NULL);
      trace_add(a, ct, "output", cf->produced, cf->unit, "meters from the "
                                                         "conversion units");
    }
    val_set_str(a, o, "coefficient_basis", cf->coef_basis);
    val_set_str(a, o, "coefficient_source", cf->coef_source);
    if (cf->coef_source_zh)
      val_set_str(a, o, "coefficient_source_zh", cf->coef_source_zh);
    val_set_bool(a, o, "coefficient_verified", cf->coef_verified);
    calc_set_origin(c, o, "coefficient_", coef_origin(c, cf));
    if (cf->coef_cite.en)
      calc_set_cite(a, o, "coefficient_", &cf->coef_cite, cf->coef_checked);
    if (cf->coef_edition && strcmp(cf->coef_basis, "reference") == 0)
      val_set_str(a, o, "coefficient_edition", cf->coef_edition);
    if (cf->produced > 0) {
      val_set_num(a, o, "internal_coefficient_kgce", cf->internal);
      val_set_num(a, o, "made_coefficient_kgce", cf->made);
    }
    val_set_bool(a, o, "counted", cf->counted);
    value *tce = val_set_num(a, o, "tce", cf->tce);
    t = val_trace(a, tce, "consumed × coefficient_kgce / 1000",
                  calc_std_clause(c, "GB/T 2589", " 4.2"));
    trace_add_ref(a, t, "consumed", cf->consumed, cf->unit,
                  arena_printf(a, "energy.carriers[%s].consumed", cf->key));
    trace_add2(a, t, "coefficient_kgce", cf->coefficient, coef->unit,
               cf->coef_cite.en ? cf->coef_cite.en : cf->coef_source,
               cf->coef_cite.zh ? cf->coef_cite.zh : cf->coef_source_zh);
    val_set_numf(a, o, "share",
                 c->total_tce != 0 ? cf->tce / c->total_tce : (double)NAN);
    if (cf->has_price) {
      val_set_num(a, o, "price_cny", cf->price);
      /* the price's unit as each language prints it (元/t, CNY/kWh) and
         what the input says about VAT */
      const char *pu = arena_printf(a, "CNY/%s", cf->unit);
      val_set_str(a, o, "price_unit_zh", terms_unit(a, c->f, pu, true));
      val_set_str(a, o, "price_unit_en", terms_unit(a, c->f, pu, false));
      vat_basis vb = price_vat(c->m, cf->key);
      val_set_str(a, o, "price_vat", vat_name(vb));
      val_set_str(a, o, "price_vat_zh", vb == VAT_INCLUDED   ? "含税"
                                        : vb == VAT_EXCLUDED ? "不含税"
                                                             : "未注明");
      val_set_str(a, o, "price_vat_en", vb == VAT_INCLUDED   ? "incl. VAT"
                                        : vb == VAT_EXCLUDED ? "excl. VAT"
                                                             : "not stated");
      value *cost = val_set_num(a, o, "cost_cny", cf->purchased * cf->price);
      t = val_trace(a, cost, "purchased × price", "results.md Cost");
      trace_add(a, t, "purchased", cf->purchased, cf->unit, NULL);
      trace_add(a, t, "price", cf->price, arena_printf(a, "CNY/%s", cf->unit),
                "prices:");
    } else {
      val_set_null(a, o, "cost_cny");
      if (cf->purchased > 0)
        calc_note(c, arena_printf(a, "energy.carriers[%s].cost_cny", cf->key),
                  arena_printf(a, "未给出%s的价格，能源成本未计入该品种。",
                               calc_carrier_name(c, cf, true)),
                  arena_printf(a, "No price is given for %s: its cost is "
                                  "not in the energy cost.",
                               calc_carrier_name(c, cf, false)));
    }
    if (cf->def || cf->coef_basis)
      calc_factor_used(c, arena_printf(a, "%s.coefficient", cf->key),
                       cf->coefficient, coef->unit, cf->coef_source,
                       cf->coef_source_zh, cf->coef_verified,
                       strcmp(cf->coef_basis, "reference") != 0,
                       coef_origin(c, cf));
    if ((cf->def || cf->coef_basis) && cf->coef_cite.en)
      calc_factor_cite(c, arena_printf(a, "%s.coefficient", cf->key),
                       &cf->coef_cite, cf->coef_checked);
    if (cf->def && cf->coef_basis && strcmp(cf->coef_basis, "reference") == 0)
      calc_factor_layer(c, arena_printf(a, "%s.coefficient", cf->key),
                        cf->def->layer);
    /* A coefficient awaiting checking is listed once, in Appendix B. */
  }
}

/* }====================================================== */
/* {====================================================== totals */

static void emit_totals(calc_ctx *c, value *energy)
{
  arena *a = c->a;
  value *tot = val_set_num(a, energy, "total_tce", c->total_tce);
  trace *t = val_trace(a, tot, "Σ carriers tce (当量值)",
                       calc_std_clause(c, "GB/T 2589", " 4"));
  for (size_t k = 0; k < c->n_carriers; k++)
    if (c->carriers[k].counted)
      trace_add_ref(a, t, c->carriers[k].key, c->carriers[k].tce, "tce",
                    arena_printf(a, "energy.carriers[%s].tce",
                                 c->carriers[k].key));

  /* 等价值: electricity at the supply coal rate of the grid year. */
  int year = c->m->grid_year ? c->m->grid_year : c->m->to.y;
  const year_value *rate = factors_supply_rate(c->f, year);
  carrier_fig *el = calc_carrier(c, "electricity");
  double e_kwh = el ? el->consumed : 0;
  double e_coef = el ? el->coefficient : 0;
  if (!rate) {
    val_set_null(a, energy, "total_equal_value_tce");
    if (el)
      calc_note(c, "energy.total_equal_value_tce",
                arena_printf(a, "规则中没有%d年及以前的供电煤耗，无法计算等价值。", year),
                arena_printf(a, "No supply coal rate for %d or earlier in the "
                                "rules: the equal-value total is not computed.",
                             year));
    return;
  }
  /* A site that makes electricity and sells some (a power plant, a CHP
     plant, a mill with its own CHP) sells what it made: its exports are
     valued at its own conversion, the actual coefficient of the
     electricity it makes (GB/T 2589 等价值: the energy spent to make one
     unit of the secondary energy), whether it buys more than it sells or
     not. At the grid's rate they would be credited with coal the site
     never burnt. Electricity bought (and stock drawn) stays at the grid's
     rate. Any other site takes E = its net consumption at the grid's
     rate (with nothing sold, the two formulas agree). */
  bool own = el && el->produced > 0 && el->sold > 0;
  /* k: power made with no metered input (a bare conversion unit standing
     for a waste-heat station) at its energy content, as the recovery
     kinds are (in_house_coefficients) */
  double k = el && el->made > 0 ? el->made : el ? calc_content_kgce(el) : 0;
  double ev;
  if (own) {
    double in = el->purchased + el->stock_change;
    ev = c->total_tce - e_kwh * e_coef / 1000.0 + in * rate->value / 1000.0 -
         el->sold * k / 1000.0;
  } else {
    ev = c->total_tce - e_kwh * e_coef / 1000.0 +
         e_kwh * rate->value / 1000.0;
  }
  if (ev < 0) {
    /* never a negative total: the data contradict the definition */
    val_set_null(a, energy, "total_equal_value_tce");
    value *ev_info = val_set(a, energy, "equal_value", val_obj(a));
    val_set_str(a, ev_info, "method", "not_applicable");
    calc_note(c, "energy.total_equal_value_tce",
              "按等价值计算的综合能耗为负值，等价值对本企业不适用，未列示。",
              "The equal-value total would be negative: the indicator does "
              "not apply to this enterprise and is not given.");
    return;
  }
  value *v = val_set_num(a, energy, "total_equal_value_tce", ev);
  if (own) {
    t = val_trace(a, v,
                  "total_tce − E × electricity coefficient / 1000 + "
                  "(purchased + stock_change) × r / 1000 − sold × k / 1000",
                  calc_std_clause(c, "GB/T 2589",
                                  " (等价值; exports at own conversion)"));
    trace_add_ref(a, t, "total_tce", c->total_tce, "tce", "energy.total_tce");
    trace_add(a, t, "E", e_kwh, "kWh", "electricity consumed");
    trace_add(a, t, "electricity coefficient", e_coef, "kgce/kWh", NULL);
    trace_add(a, t, "purchased", el->purchased, "kWh", "meters from outside");
    trace_add(a, t, "stock_change", el->stock_change, "kWh",
              "stock: opening - closing");
    trace_add(a, t, "sold", el->sold, "kWh", "meters to outside");
    trace_add_ref(a, t, "k", k, "kgce/kWh",
                  "energy.carriers[electricity].made_coefficient_kgce");
    trace_add2(a, t, "r", rate->value, "kgce/kWh", rate->citation.en,
               rate->citation.zh);
  } else {
    t = val_trace(a, v,
                  "total_tce − E × electricity coefficient / 1000 + E × r / 1000",
                  calc_std_clause(c, "GB/T 2589", " (等价值)"));
    trace_add_ref(a, t, "total_tce", c->total_tce, "tce", "energy.total_tce");
    trace_add(a, t, "E", e_kwh, "kWh", "electricity consumed");
    trace_add(a, t, "electricity coefficient", e_coef, "kgce/kWh", NULL);
    trace_add2(a, t, "r", rate->value, "kgce/kWh", rate->citation.en,
               rate->citation.zh);
  }
  value *ev_info = val_set(a, energy, "equal_value", val_obj(a));
  val_set_str(a, ev_info, "method", own ? "own_conversion" : "grid_rate");
  if (own)
    val_set_num(a, ev_info, "own_coefficient_kgce_per_kwh", k);
  val_set_num(a, ev_info, "year", rate->year);
  val_set_num(a, ev_info, "year_wanted", year);
  val_set_num(a, ev_info, "supply_coal_rate_gce_per_kwh", rate->value * 1000.0);
  val_set_bool(a, ev_info, "verified", rate->verified);
  val_set_str(a, ev_info, "source", rate->source.en);
  val_set_str(a, ev_info, "source_zh",
              rate->source.zh ? rate->source.zh : rate->source.en);
  calc_set_cite(a, ev_info, "", &rate->citation, &rate->checked);
  calc_factor_used(c, "electricity.supply_coal_rate", rate->value * 1000.0,
                   "gce/kWh",
                   arena_printf(a, "%s (year %d)", rate->source.en, rate->year),
                   rate->source.zh
                       ? arena_printf(a, "%s（%d年）", rate->source.zh, rate->year)
                       : NULL,
                   rate->verified, false,
                   calc_origin_of_rule(rate->source.en));
  calc_factor_cite(c, "electricity.supply_coal_rate", &rate->citation,
                   &rate->checked);
  calc_factor_layer(c, "electricity.supply_coal_rate", rate->layer);
  if (!rate->verified)
    calc_note(c, "energy.total_equal_value_tce",
              arena_printf(a, "%d年供电煤耗%.1f gce/kWh未经公开来源核实，等价值仅供参考。",
                           rate->year, rate->value * 1000.0),
              arena_printf(a, "The %d supply coal rate %.1f gce/kWh is not "
                              "verified against a published source: the "
                              "equal-value total is indicative.",
                           rate->year, rate->value * 1000.0));
  if (rate->year != year)
    calc_note(c, "energy.total_equal_value_tce",
              arena_printf(a, "%d年供电煤耗缺失，采用%d年数据。", year, rate->year),
              arena_printf(a, "No supply coal rate for %d: the %d rate is "
                              "used.",
                           year, rate->year));
}

/* }====================================================== */
/* {====================================================== products */

/* Energy into a closed set of units, each carrier at its internal
   coefficient, in tce; fills inputs[] with the carriers' inflows. */
static double energy_into(calc_ctx *c, const bool *mask, double share,
                          value *inputs, trace *t, const char *label,
                          const text2 *into)
{
  arena *a = c->a;
  double tce = 0;
  double *qs = ARENA_ARRAY(a, double, c->n_carriers + 1);
  inflows(c, mask, qs);
  for (size_t k = 0; k < c->n_carriers; k++) {
    carrier_fig *cf = &c->carriers[k];
    double q = qs[k];
    if (q == 0)
      continue;
    double part = q * share * cf->internal / 1000.0;
    tce += part;
    value *o = val_obj(a);
    val_push(a, inputs, o);
    val_set_str(a, o, "carrier", cf->key);
    val_set_str(a, o, "via", label);
    val_set_num(a, o, "quantity", q * share);
    val_set_str(a, o, "unit", cf->unit);
    val_set_num(a, o, "coefficient_kgce", cf->internal);
    val_set_num(a, o, "tce", part);
    trace_add(a, t,
              arena_printf(a, "%s into %s%s", cf->key, label,
                           share < 1 ? " × share" : ""),
              q * share, cf->unit,
              arena_printf(a, "× %.10g kgce/%s", cf->internal, cf->unit));
    trace_label(a, t,
                arena_printf(a, "进入%s的%s%s", into->zh, calc_carrier_name(c, cf, true),
                             share < 1 ? "（按分摊比例）" : ""),
                arena_printf(a, "%s into %s%s", calc_carrier_name(c, cf, false), into->en,
                             share < 1 ? " (its share)" : ""));
  }
  return tce;
}

/* What the waste-heat units recovering heat from the units of mask give
   back, × share (docs/calculation.md, Conversion units): a negative row
   of inputs[] per unit, marked recovered. Returns the tce credited. */
static double recovered_into(calc_ctx *c, const bool *mask, double share,
                             value *inputs, trace *t)
{
  arena *a = c->a;
  const model *m = c->m;
  double sum = 0;
  for (size_t u = 0; u < m->n_units; u++) {
    const m_conversion *cv = &m->units[u].conv;
    if (!CONV_RECOVERS(cv->kind) || cv->heat_from < 0 || !cv->carrier)
      continue;
    double q;
    const m_meter *annual;
    double tce = calc_recovery_credit(c, (int)u, mask, -1, &q, &annual) *
                 share;
    if (tce == 0 && q == 0)
      continue;
    q *= share;
    sum += tce;
    carrier_fig *cf = calc_carrier(c, cv->carrier);
    value *o = val_obj(a);
    val_push(a, inputs, o);
    val_set_str(a, o, "carrier", cf->key);
    val_set_str(a, o, "via", m->units[u].id);
    val_set_bool(a, o, "recovered", true);
    val_set_num(a, o, "quantity", -q);
    val_set_str(a, o, "unit", cf->unit);
    val_set_num(a, o, "coefficient_kgce", calc_content_kgce(cf));
    val_set_num(a, o, "tce", -tce);
    trace_add(a, t,
              arena_printf(a, "%s from %s (recovered heat, deducted)%s",
                           cf->key, m->units[u].id,
                           share < 1 ? " × share" : ""),
              -q, cf->unit,
              arena_printf(a, "× %.10g kgce/%s", calc_content_kgce(cf),
                           cf->unit));
    trace_label(a, t,
                arena_printf(a, "扣减%s回收余热所产%s%s", m->units[u].name.zh,
                             calc_carrier_name(c, cf, true),
                             share < 1 ? "（按分摊比例）" : ""),
                arena_printf(a, "%s made by %s from recovered heat, "
                                "deducted%s",
                             calc_carrier_name(c, cf, false),
                             m->units[u].name.en,
                             share < 1 ? " (its share)" : ""));
  }
  return sum;
}

/* What the site took in, in tce: purchases and stock drawn, each carrier
   at its coefficient. No product can be credited more: its units' inflows
   come from these (energy made inside is made from them). */
static double site_input_tce(const calc_ctx *c)
{
  double tce = 0;
  for (size_t k = 0; k < c->n_carriers; k++) {
    const carrier_fig *cf = &c->carriers[k];
    double in = cf->purchased + cf->stock_change;
    if (in > 0)
      tce += in * cf->coefficient / 1000.0;
  }
  return tce;
}

/* Sub-meters may read above the incomer (meters a few per cent out; the
   balance shows it and a finding says so): beyond 10 % no meter error
   explains a product credited more than the site took in — a unit counted
   again in a product it uses, or more of a product used than was made. */
#define PRODUCT_INPUT_SLACK 0.10

/* A tce figure for a message: grouped, to the tce above 100, else to
   three decimals without trailing zeros. */
static const char *tce_text(calc_ctx *c, double x)
{
  char b[64];
  if (!isfinite(x) || fabs(x) >= 1e15)
    snprintf(b, sizeof b, "%.4g", x);
  else
    fmt_num(x, fabs(x) >= 100 ? 0 : 3, true, b, sizeof b);
  char *dot = strchr(b, '.');
  if (dot) { /* 12.290 -> 12.29 */
    char *e = b + strlen(b);
    while (e > dot + 1 && e[-1] == '0')
      *--e = '\0';
    if (e == dot + 1)
      *dot = '\0';
  }
  return arena_strdup(c->a, b);
}

static void check_product_energy(calc_ctx *c, const m_product *p, double tce,
                                 double own, double used, double site,
                                 const double *part)
{
  if (!(tce > site * (1 + PRODUCT_INPUT_SLACK) + 1e-9))
    return;
  src_pos at = p->pos;
  if (used > own) {
    /* the biggest use is the likeliest culprit */
    size_t big = 0;
    for (size_t j = 1; j < p->n_uses; j++)
      if (part[j] > part[big])
        big = j;
    at = p->uses[big].pos;
  }
  const char *split =
      p->n_uses ? arena_printf(c->a, " (units %s + uses %s)",
                               tce_text(c, own), tce_text(c, used))
                : "";
  diag_error(c->dl, at, "products[%s]: credited %s tce%s, more than the whole "
                        "site took in (%s tce: purchases and stock drawn at "
                        "their coefficients): a unit counted again in a "
                        "product it uses, or more of a product used than "
                        "was made",
             p->id, tce_text(c, tce), split, tce_text(c, site));
}

static void emit_products(calc_ctx *c, value *energy)
{
  arena *a = c->a;
  const model *m = c->m;
  value *arr = val_set(a, energy, "products", val_arr(a));
  double site = site_input_tce(c);
  size_t nu = m->n_units;
  bool *sel = ARENA_ARRAY(a, bool, nu + 1);
  bool *mask = ARENA_ARRAY(a, bool, nu + 1);
  /* Objects in input order; computed in dependency order so that an
     intermediate product's unit consumption is known when used. */
  for (size_t i = 0; i < m->n_products; i++)
    val_push(a, arr, val_obj(a));
  for (size_t oi = 0; oi < m->n_products; oi++) {
    size_t i = m->product_order ? m->product_order[oi] : oi;
    const m_product *p = &m->products[i];
    value *o = arr->items[i];
    val_set_str(a, o, "id", p->id);
    val_set_str(a, o, "name_zh", p->name.zh);
    val_set_str(a, o, "name_en", p->name.en);
    val_set_num(a, o, "quantity", p->quantity.v);
    val_set_str(a, o, "unit", p->unit);
    value *inputs = val_arr(a);
    memset(sel, 0, sizeof *sel * (nu + 1));
    for (size_t j = 0; j < p->n_units; j++)
      sel[p->units[j]] = true;
    closure(c, sel, mask);
    value *etce = val_num(a, 0);
    trace *t = val_trace(a, etce,
                         "Σ inflow × internal coefficient / 1000 (+ share × "
                         "shared unit)",
                         calc_std_clause(c, "GB/T 2589",
                                         " 4; docs/calculation.md Products"));
    double tce = 0, recovered = 0;
    if (p->n_units) {
      const char *label = m->units[p->units[0]].id;
      text2 into = m->units[p->units[0]].name;
      if (p->n_units > 1) {
        label = arena_printf(a, "%s…", label);
        into.zh = arena_printf(a, "%s等%zu个单元", into.zh, p->n_units);
        into.en = arena_printf(a, "%s and %zu more units", into.en,
                               p->n_units - 1);
      }
      tce += energy_into(c, mask, 1.0, inputs, t, label, &into);
      recovered -= recovered_into(c, mask, 1.0, inputs, t);
    }
    for (size_t j = 0; j < p->n_shared; j++) {
      memset(sel, 0, sizeof *sel * (nu + 1));
      sel[p->shared[j].unit] = true;
      closure(c, sel, mask);
      tce += energy_into(c, mask, p->shared[j].share, inputs, t,
                         m->units[p->shared[j].unit].id,
                         &m->units[p->shared[j].unit].name);
      recovered -= recovered_into(c, mask, p->shared[j].share, inputs, t);
    }
    tce += recovered;
    double own = tce, used = 0;
    double *parts = ARENA_ARRAY(a, double, p->n_uses + 1);
    for (size_t j = 0; j < p->n_uses; j++) {
      const m_use *mu = &p->uses[j];
      value *q = arr->items[mu->product];
      double uc = val_get(q, "unit_consumption_kgce")->num;
      double part = mu->amount * uc / 1000.0;
      parts[j] = part;
      used += part;
      tce += part;
      value *in = val_obj(a);
      val_push(a, inputs, in);
      val_set_str(a, in, "product", m->products[mu->product].id);
      val_set_str(a, in, "via", "uses");
      val_set_num(a, in, "quantity", mu->amount);
      val_set_str(a, in, "unit", m->products[mu->product].unit);
      val_set_num(a, in, "unit_consumption_kgce", uc);
      val_set_num(a, in, "tce", part);
      trace_add(a, t, arena_printf(a, "%s used", m->products[mu->product].id),
                mu->amount, m->products[mu->product].unit,
                arena_printf(a, "× %.10g kgce/%s", uc,
                             m->products[mu->product].unit));
      trace_label(a, t,
                  arena_printf(a, "所用%s", m->products[mu->product].name.zh),
                  arena_printf(a, "%s used", m->products[mu->product].name.en));
    }
    etce->num = tce;
    val_set(a, o, "energy_tce", etce);
    check_product_energy(c, p, tce, own, used, site, parts);
    /* Electricity (kWh) and fuel (kgce) content, for benchmark indicators
       on those bases; a used product brings its own per unit. */
    double kwh = 0, kwh_net = 0, fuel_kgce = 0;
    for (size_t j = 0; j < inputs->n; j++) {
      value *in = inputs->items[j];
      value *ck = val_get(in, "carrier");
      if (ck) {
        carrier_fig *cf = calc_carrier(c, ck->str);
        bool rec = val_get(in, "recovered") != NULL;
        if (cf->def && cf->def->cls == CARRIER_ELECTRICITY) {
          if (!rec)
            kwh += val_get(in, "quantity")->num;
          kwh_net += val_get(in, "quantity")->num;
        }
        else if (cf->def && cf->def->cls == CARRIER_FUEL)
          fuel_kgce += val_get(in, "tce")->num * 1000.0;
      } else {
        value *q = arr->items[p->uses[0].product];
        for (size_t u = 0; u < p->n_uses; u++)
          if (strcmp(m->products[p->uses[u].product].id,
                     val_get(in, "product")->str) == 0)
            q = arr->items[p->uses[u].product];
        double per = val_get(in, "quantity")->num / val_get(q, "quantity")->num;
        kwh += per * val_get(q, "electricity_kwh")->num;
        kwh_net += per * val_get(q, "electricity_net_kwh")->num;
        fuel_kgce += per * val_get(q, "fuel_kgce")->num;
      }
    }
    val_set_num(a, o, "electricity_kwh", kwh);
    val_set_num(a, o, "electricity_net_kwh", kwh_net);
    val_set_num(a, o, "recovered_tce", -recovered);
    val_set_num(a, o, "fuel_kgce", fuel_kgce);
    if (!p->n_units && !p->n_shared)
      calc_note(c, arena_printf(a, "energy.products[%s].energy_tce", p->id),
                "产品未指定用能单元，其能耗为零。",
                "The product names no units: its energy is zero.");
    value *uc = val_set_num(a, o, "unit_consumption_kgce",
                            tce * 1000.0 / p->quantity.v);
    uc->unit = arena_printf(a, "kgce/%s", p->unit);
    t = val_trace(a, uc, "energy_tce × 1000 / quantity",
                  calc_std_clause(c, "GB/T 2589", " (单位产品综合能耗)"));
    trace_add_ref(a, t, "energy_tce", tce, "tce",
                  arena_printf(a, "energy.products[%s].energy_tce", p->id));
    trace_add(a, t, "quantity", p->quantity.v, p->unit, calc_data_term(c->m));
    val_set(a, o, "inputs", inputs);
    if (p->benchmark)
      val_set_str(a, o, "benchmark_key", p->benchmark);
  }
}

/* }====================================================== */
/* {====================================================== intensity */

static void emit_intensity(calc_ctx *c, value *energy)
{
  arena *a = c->a;
  const model *m = c->m;
  value *o = val_set(a, energy, "intensity", val_obj(a));
  struct {
    const char *key, *field, *zh, *en;
    const qty *q;
    double per; /* base units per denominator unit */
    double mul; /* tce -> output unit */
  } rows[] = {
      {"tce_per_10k_cny_output", "output_value", "工业总产值", "output value",
       &m->output_value, 1e4, 1.0},
      {"tce_per_10k_cny_value_added", "value_added", "工业增加值",
       "value added", &m->value_added, 1e4, 1.0},
      {"kgce_per_m2", "floor_area", "建筑面积", "floor area", &m->floor_area,
       1.0, 1000.0},
  };
  for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
    if (!rows[i].q->set) {
      val_set_null(a, o, rows[i].key);
      continue;
    }
    double denom = rows[i].q->v / rows[i].per;
    value *v = val_set_num(a, o, rows[i].key, c->total_tce * rows[i].mul / denom);
    trace *t = val_trace(a, v,
                         rows[i].mul > 1 ? "total_tce × 1000 / floor_area"
                                         : arena_printf(a, "total_tce / %s (万元)",
                                                        rows[i].field),
                         calc_std_clause(c, "GB/T 17166", " (能源消费指标)"));
    trace_add_ref(a, t, "total_tce", c->total_tce, "tce", "energy.total_tce");
    trace_add(a, t, rows[i].field, denom, rows[i].per > 1 ? "万元" : "m2",
              calc_data_term(c->m));
  }
  /* Per m² at equal value, and per employee at both values (public
     institutions report both values; GB/T 17166's indicators of energy
     consumption): only where the denominator is given. */
  const value *ev = val_get(energy, "total_equal_value_tce");
  double eq = ev && ev->kind == VAL_NUM ? ev->num : (double)NAN;
  struct {
    const char *key, *formula, *field, *unit, *total, *total_path;
    bool given;
    double denom, tce;
  } per[] = {
      {"kgce_per_m2_equal_value", "total_equal_value_tce × 1000 / floor_area",
       "floor_area", "m2", "total_equal_value_tce",
       "energy.total_equal_value_tce", m->floor_area.set, m->floor_area.v, eq},
      {"kgce_per_employee", "total_tce × 1000 / employees", "employees",
       "person", "total_tce", "energy.total_tce", m->has_employees,
       (double)m->employees, c->total_tce},
      {"kgce_per_employee_equal_value",
       "total_equal_value_tce × 1000 / employees", "employees", "person",
       "total_equal_value_tce", "energy.total_equal_value_tce",
       m->has_employees, (double)m->employees, eq},
  };
  for (size_t i = 0; i < sizeof per / sizeof *per; i++) {
    if (!per[i].given || !(per[i].denom > 0) || !isfinite(per[i].tce)) {
      val_set_null(a, o, per[i].key);
      continue;
    }
    value *v = val_set_num(a, o, per[i].key,
                           per[i].tce * 1000.0 / per[i].denom);
    v->unit = strcmp(per[i].unit, "m2") == 0 ? "kgce/m2" : "kgce/person";
    trace *t = val_trace(a, v, per[i].formula,
                         calc_std_clause(c, "GB/T 17166", " (能源消费指标)"));
    trace_add_ref(a, t, per[i].total, per[i].tce, "tce", per[i].total_path);
    trace_add(a, t, per[i].field, per[i].denom, per[i].unit,
              calc_data_term(c->m));
  }
}

/* }====================================================== */
/* {====================================================== balance */

/* What a balance row's loss is (docs/calculation.md Balance): a working
   medium (fresh water, compressed air) is not energy lost on its way, so
   its rest is unmetered use ("working_medium"); a loss within the coarsest
   accuracy class of the meters weighed — those from outside and those into
   the conversion and end-use units — is metering uncertainty
   ("uncertainty"); a loss above it is a loss ("loss"); none at all is
   "none". Only a "loss" is a saving potential: saving_loss_tce. */
static void balance_kind(calc_ctx *c, value *o, const carrier_fig *cf,
                         const bool *mask, double input, double loss)
{
  arena *a = c->a;
  int cls = cf->def ? (int)cf->def->cls : -1;
  val_set_str(a, o, "carrier_class",
              cls == CARRIER_ELECTRICITY ? "electricity"
              : cls == CARRIER_HEAT      ? "heat"
              : cls == CARRIER_STEAM     ? "steam"
              : cls == CARRIER_MEDIUM    ? "medium"
                                         : "fuel");
  /* the coarsest class on each side, combined in quadrature (%) */
  double side[2] = {-1, -1}; /* 0: from outside, 1: into the units */
  for (size_t i = 0; i < c->m->n_meters; i++) {
    const m_meter *mt = &c->m->meters[i];
    if (mt->form == METER_NONE || !mt->accuracy ||
        strcmp(mt->carrier, cf->key) != 0)
      continue;
    int sd = mt->from == PLACE_OUTSIDE                             ? 0
             : in_mask(mask, mt->to) && !in_mask(mask, mt->from) ? 1
                                                                 : -1;
    double x = strtod(mt->accuracy, NULL);
    if (sd >= 0 && x > side[sd])
      side[sd] = x;
  }
  double worst = -1;
  if (side[0] >= 0 || side[1] >= 0) {
    double u0 = fmax(side[0], 0), u1 = fmax(side[1], 0);
    worst = sqrt(u0 * u0 + u1 * u1);
    value *uv = val_set_num(a, o, "uncertainty_ratio", worst / 100.0);
    trace *t = val_trace(a, uv, "√(class in² + class end use²) / 100",
                         "GB 17167-2006 4.3; docs/calculation.md Balance");
    trace_add(a, t, "class in", u0, "%", NULL);
    trace_add(a, t, "class end use", u1, "%", NULL);
  } else {
    val_set_null(a, o, "uncertainty_ratio");
  }
  double ratio = input > 0 ? loss / input : 0;
  const char *kind =
      cls == CARRIER_MEDIUM                            ? "working_medium"
      : fabs(loss) <= 1e-9 * fmax(1.0, fabs(input))    ? "none"
      : worst >= 0 && fabs(ratio) <= worst / 100.0 + 1e-12 ? "uncertainty"
                                                         : "loss";
  val_set_str(a, o, "loss_kind", kind);
  val_set_str(a, o, "loss_kind_zh",
              kind[0] == 'w'   ? "耗能工质，非损失"
              : kind[0] == 'n' ? "无"
              : kind[0] == 'u' ? "计量不确定度"
                               : "损失");
  val_set_str(a, o, "loss_kind_en",
              kind[0] == 'w'   ? "Working medium, not a loss"
              : kind[0] == 'n' ? "None"
              : kind[0] == 'u' ? "Metering uncertainty"
                               : "Loss");
  val_set_num(a, o, "saving_loss_tce",
              strcmp(kind, "loss") == 0 && loss > 0
                  ? loss * cf->internal / 1000.0
                  : 0.0);
}

static void emit_balance(calc_ctx *c, value *energy)
{
  arena *a = c->a;
  const model *m = c->m;
  size_t nu = m->n_units;
  bool *sel = ARENA_ARRAY(a, bool, nu + 1);
  bool *mask = ARENA_ARRAY(a, bool, nu + 1);
  for (size_t i = 0; i < nu; i++)
    sel[i] = m->units[i].stage == STAGE_CONVERSION ||
             m->units[i].stage == STAGE_END_USE;
  closure(c, sel, mask);
  value *arr = val_set(a, energy, "balance", val_arr(a));
  for (size_t k = 0; k < c->n_carriers; k++) {
    carrier_fig *cf = &c->carriers[k];
    bool submetered = false;
    for (size_t i = 0; i < m->n_meters && !submetered; i++) {
      const m_meter *mt = &m->meters[i];
      submetered = mt->form != METER_NONE &&
                   strcmp(mt->carrier, cf->key) == 0 && in_mask(mask, mt->to);
    }
    if (!submetered)
      continue;
    value *o = calc_carrier_row(c, arr, cf);
    double input = cf->purchased + cf->stock_change + cf->produced;
    value *vin = val_set_num(a, o, "input", input);
    trace *t = val_trace(a, vin, "purchased + stock_change + produced",
                         "GB/T 16616; docs/calculation.md Balance");
    trace_add(a, t, "purchased", cf->purchased, cf->unit, NULL);
    trace_add(a, t, "stock_change", cf->stock_change, cf->unit, NULL);
    trace_add(a, t, "produced", cf->produced, cf->unit, NULL);
    value *eu = val_num(a, 0);
    t = val_trace(a, eu, "Σ inflow into conversion and end-use units + sold",
                  "GB/T 16616; docs/calculation.md Balance");
    double end_use = inflow(c, cf->key, mask, t) + cf->sold;
    trace_add(a, t, "sold", cf->sold, cf->unit, NULL);
    eu->num = end_use;
    val_set(a, o, "end_use", eu);
    value *loss = val_set_num(a, o, "loss", input - end_use);
    t = val_trace(a, loss, "input − end_use", "docs/calculation.md Balance");
    trace_add(a, t, "input", input, cf->unit, NULL);
    trace_add(a, t, "end_use", end_use, cf->unit, NULL);
    val_set_numf(a, o, "loss_ratio", input > 0 ? (input - end_use) / input : (double)NAN);
    val_set_num(a, o, "loss_tce", (input - end_use) * cf->internal / 1000.0);
    balance_kind(c, o, cf, mask, input, input - end_use);
  }
}

/* }====================================================== */
/* {====================================================== cost, monthly */

/* The cost of one unit of each carrier inside the boundary (CNY per base
   unit), NAN when unknown, into ucost[]. A carrier only bought costs its
   price. One made inside costs what its producers' inputs cost, shared
   among their outputs as their fuel is (calc_split_weight); bought and
   made, the blend (P × price + made cost) / (P + G). What a waste-heat
   unit makes is priced as bought, as it is counted at the reference
   coefficient and its products' credit takes it off again
   (docs/calculation.md, Conversion units). An input of the carrier a
   unit makes is at its price, as for made_coefficient_kgce. Iterated as
   the coefficients are: a unit may take in a carrier made by another. Before the check of
   docs/worked/sectors/dye-works.md the made part cost nothing, and the
   fuel of the boiler house or CHP was in no product's cost. */
static void unit_costs(calc_ctx *c, double *ucost)
{
  const model *m = c->m;
  size_t nu = m->n_units;
  bool *sel = ARENA_ARRAY(c->a, bool, nu + 1);
  for (size_t k = 0; k < c->n_carriers; k++) {
    const carrier_fig *cf = &c->carriers[k];
    ucost[k] = cf->has_price ? cf->price : (double)NAN;
  }
  for (int round = 0; round < 50; round++) {
    double change = 0;
    for (size_t k = 0; k < c->n_carriers; k++) {
      const carrier_fig *cf = &c->carriers[k];
      if (cf->produced <= 0)
        continue;
      double made = 0;
      for (size_t u = 0; u < nu && isfinite(made); u++) {
        if (m->units[u].stage != STAGE_CONVERSION ||
            calc_passes_through(m, (int)u))
          continue;
        double out = 0, all_out = 0;
        for (size_t i = 0; i < m->n_meters; i++) {
          const m_meter *mt = &m->meters[i];
          int j = c->meter_carrier[i];
          if (mt->form == METER_NONE || mt->from != (int)u || j < 0)
            continue;
          double w = calc_split_weight(&c->carriers[j]);
          all_out += mt->quantity * w;
          if ((size_t)j == k)
            out += mt->quantity * w;
        }
        if (out <= 0)
          continue;
        if (CONV_RECOVERS(m->units[u].conv.kind)) {
          made += out / calc_split_weight(cf) *
                  (cf->has_price ? cf->price : (double)NAN);
          continue;
        }
        memset(sel, 0, sizeof *sel * (nu + 1));
        sel[u] = true;
        double in = 0;
        for (size_t j = 0; j < c->n_carriers; j++) {
          double q = calc_inflow(c, c->carriers[j].key, sel);
          /* an input of the carrier the unit makes (start-up power bought
             into a generating unit) at what it is bought at, as for
             made_coefficient_kgce, not at the blend */
          bool own = j == k && cf->purchased > 0 && cf->has_price;
          if (q != 0)
            in += q * (own ? cf->price : ucost[j]);
        }
        made += in * out / all_out;
      }
      double bought = cf->purchased > 0
                          ? cf->purchased * (cf->has_price ? cf->price
                                                           : (double)NAN)
                          : 0;
      double uc = (bought + made) / (cf->purchased + cf->produced);
      if (isfinite(uc) && isfinite(ucost[k]))
        change = fmax(change, fabs(uc - ucost[k]));
      else if (isfinite(uc) != isfinite(ucost[k]))
        change = INFINITY;
      ucost[k] = uc;
    }
    if (change < 1e-12)
      break;
  }
}

static void emit_cost(calc_ctx *c, value *energy)
{
  arena *a = c->a;
  const model *m = c->m;
  value *o = val_set(a, energy, "cost", val_obj(a));
  double total = 0;
  bool any = false;
  value *v = val_num(a, 0);
  trace *t = val_trace(a, v, "Σ carriers purchased × price", "results.md Cost");
  for (size_t k = 0; k < c->n_carriers; k++) {
    carrier_fig *cf = &c->carriers[k];
    if (!cf->has_price)
      continue;
    any = true;
    total += cf->purchased * cf->price;
    trace_add(a, t, cf->key, cf->purchased * cf->price, "CNY", NULL);
    trace_label(a, t, calc_carrier_name(c, cf, true), calc_carrier_name(c, cf, false));
  }
  if (!any) {
    val_set_null(a, o, "total_cny");
    calc_note(c, "energy.cost.total_cny", "未给出能源价格（prices），不计算能源成本。",
              "No prices are given: the energy cost is not computed.");
    return;
  }
  v->num = total;
  val_set(a, o, "total_cny", v);
  /* one basis for every price, or "mixed" */
  const char *vat = NULL;
  for (size_t k = 0; k < c->n_carriers; k++)
    if (c->carriers[k].has_price) {
      const char *b = vat_name(price_vat(m, c->carriers[k].key));
      vat = !vat || strcmp(vat, b) == 0 ? b : "mixed";
    }
  val_set_str(a, o, "vat", vat);
  /* as a sentence says it: "prices … (excluding VAT)" */
  bool mixed = strcmp(vat, "mixed") == 0, inc = strcmp(vat, "included") == 0,
       exc = strcmp(vat, "excluded") == 0;
  val_set_str(a, o, "vat_zh", inc ? "含增值税" : exc ? "不含增值税"
                              : mixed ? "部分含增值税、部分不含增值税"
                                      : "未注明是否含增值税");
  val_set_str(a, o, "vat_en", inc ? "including VAT" : exc ? "excluding VAT"
                              : mixed ? "some including VAT, some excluding it"
                                      : "not stated whether VAT is included");
  if (m->output_value.set)
    val_set_num(a, o, "cny_per_10k_cny_output",
                total / (m->output_value.v / 1e4));
  value *pa = val_set(a, o, "products", val_arr(a));
  value *prods = val_get(energy, "products");
  double *ucost = ARENA_ARRAY(a, double, c->n_carriers + 1);
  unit_costs(c, ucost);
  /* a carrier made inside: its cost per unit inside the boundary */
  value *rows = val_get(energy, "carriers");
  for (size_t k = 0; rows && k < c->n_carriers; k++) {
    if (c->carriers[k].produced <= 0)
      continue;
    for (size_t r = 0; r < rows->n; r++) {
      value *key = val_get(rows->items[r], "carrier");
      if (key && key->kind == VAL_STR &&
          strcmp(key->str, c->carriers[k].key) == 0)
        val_set_numf(a, rows->items[r], "internal_cost_cny", ucost[k]);
    }
  }
  for (size_t i = 0; prods && i < prods->n; i++)
    val_push(a, pa, val_obj(a));
  for (size_t oi = 0; prods && oi < prods->n; oi++) {
    /* Unit product energy cost: each input at its carrier's price. */
    size_t i = m->product_order ? m->product_order[oi] : oi;
    value *p = prods->items[i], *inputs = val_get(p, "inputs");
    double cost = 0;
    bool priced = true;
    for (size_t j = 0; inputs && j < inputs->n; j++) {
      value *ck = val_get(inputs->items[j], "carrier");
      if (!ck) {
        /* An intermediate product at its own unit energy cost. */
        value *q = val_path(c->root, arena_printf(a, "energy.cost.products[%s]",
                                                  val_get(inputs->items[j],
                                                          "product")->str));
        if (q)
          cost += val_get(inputs->items[j], "quantity")->num *
                  val_get(q, "cny_per_unit")->num;
        else
          priced = false;
        continue;
      }
      carrier_fig *cf = calc_carrier(c, ck->str);
      double q = val_get(inputs->items[j], "quantity")->num;
      /* each carrier at its cost inside the boundary: a made one at what
         its producers' inputs cost (unit_costs) */
      double uc = ucost[cf - c->carriers];
      if (!isfinite(uc)) {
        priced = false;
        continue;
      }
      cost += q * uc;
    }
    value *o2 = pa->items[i];
    val_set_str(a, o2, "id", val_get(p, "id")->str);
    val_set_str(a, o2, "name_zh", val_get(p, "name_zh")->str);
    val_set_str(a, o2, "name_en", val_get(p, "name_en")->str);
    val_set_num(a, o2, "energy_cost_cny", cost);
    val_set_num(a, o2, "cny_per_unit", cost / val_get(p, "quantity")->num);
    const char *unit = val_get(p, "unit")->str;
    val_set_str(a, o2, "unit", unit);
    const char *pu = arena_printf(a, "CNY/%s", unit);
    val_set_str(a, o2, "per_unit_zh", terms_unit(a, c->f, pu, true));
    val_set_str(a, o2, "per_unit_en", terms_unit(a, c->f, pu, false));
    val_set_bool(a, o2, "all_priced", priced);
  }
}

/* Interval data with holes understate their meter's total: say so. */
static void note_series_gaps(calc_ctx *c)
{
  const model *m = c->m;
  for (size_t i = 0; i < m->n_meters; i++) {
    const m_meter *mt = &m->meters[i];
    if (mt->form != METER_SERIES || !mt->series_missing)
      continue;
    double share = (double)mt->series_missing /
                   (double)(mt->series_missing + mt->series_values);
    calc_note(c, arena_printf(c->a, "meters[%s]", mt->id),
              arena_printf(c->a, "计量器具%s的逐时段数据（%s）缺少%zu个时段（占%.1f%%），"
                                 "合计值未作补齐，偏低。",
                           mt->id, mt->series_file, mt->series_missing,
                           share * 100.0),
              arena_printf(c->a, "Meter %s's interval data (%s) lack %zu "
                                 "intervals (%.1f %%); the total is not "
                                 "filled in and understates.",
                           mt->id, mt->series_file, mt->series_missing,
                           share * 100.0));
  }
}

/* A carrier counts monthly when its boundary meters (outside → in) that
   give monthly data (monthly values or an interval series) carry at least
   this share of what all its boundary meters record: sub-meters do not
   matter, and a small annual-only incomer (a standby feeder) is shown as
   the carrier's annual part, not spread over the months. Below it, the
   monthly profile would be that of a minority of the carrier. */
#define MONTHLY_COVER 0.95

static bool gives_monthly(const m_meter *mt)
{
  return mt->form == METER_MONTHLY || mt->form == METER_SERIES;
}

/* A list of names for a note: "a、b" or "a, b". */
static const char *join_names(arena *a, const char *acc, const char *name,
                              bool zh)
{
  if (!acc)
    return name;
  return arena_printf(a, "%s%s%s", acc, zh ? "、" : ", ", name);
}

/* Product p's energy by month, in tce, into tce[]: every meter into its
   units (and shared units, at their share) must give monthly data, and
   the product uses no other product (whose monthly use is not known).
   Returns NULL when it can be attributed, else why not (zh, en). */
static const char *product_monthly_energy(calc_ctx *c, const m_product *p,
                                          double *tce, const char **why_en)
{
  const model *m = c->m;
  size_t nu = m->n_units;
  if (p->n_uses) {
    *why_en = "it uses another product, whose monthly use is not given";
    return "该产品消耗其他产品，其逐月消耗量未给出";
  }
  if (!p->n_units && !p->n_shared) {
    *why_en = "it names no units";
    return "该产品未指定用能单元";
  }
  bool *sel = ARENA_ARRAY(c->a, bool, nu + 1);
  bool *mask = ARENA_ARRAY(c->a, bool, nu + 1);
  memset(tce, 0, sizeof *tce * (size_t)m->months);
  for (size_t g = 0; g <= p->n_shared; g++) {
    memset(sel, 0, sizeof *sel * (nu + 1));
    double share = 1.0;
    if (g == 0) {
      if (!p->n_units)
        continue;
      for (size_t j = 0; j < p->n_units; j++)
        sel[p->units[j]] = true;
    } else {
      sel[p->shared[g - 1].unit] = true;
      share = p->shared[g - 1].share;
    }
    closure(c, sel, mask);
    for (size_t i = 0; i < m->n_meters; i++) {
      const m_meter *mt = &m->meters[i];
      int k = c->meter_carrier[i];
      if (mt->form == METER_NONE || k < 0 || !in_mask(mask, mt->to) ||
          in_mask(mask, mt->from))
        continue;
      if (!gives_monthly(mt)) {
        *why_en = arena_printf(c->a, "meter %s into its units gives an "
                                     "annual figure only", mt->id);
        return arena_printf(c->a, "进入其用能单元的计量点%s只有全年数据",
                            mt->id);
      }
      const carrier_fig *cf = &c->carriers[k];
      for (int mo = 0; mo < m->months; mo++)
        tce[mo] += mt->monthly[mo] * share * cf->internal / 1000.0;
    }
    /* waste-heat output made from these units' heat, deducted by month
       as over the year */
    for (size_t r = 0; r < nu; r++) {
      if (!calc_recovers_for(m, (int)r, mask))
        continue;
      for (int mo = 0; mo < m->months; mo++) {
        double q;
        const m_meter *annual = NULL;
        double cr = calc_recovery_credit(c, (int)r, mask, mo, &q, &annual);
        if (annual) {
          *why_en = arena_printf(c->a, "meter %s of the waste-heat unit %s "
                                       "gives an annual figure only",
                                 annual->id, m->units[r].id);
          return arena_printf(c->a, "余热回收单元%s的计量点%s只有全年数据",
                              m->units[r].id, annual->id);
        }
        tce[mo] -= cr * share;
      }
    }
  }
  return NULL;
}

/* Monthly production and unit consumption of the products that give
   their output by month; each month's unit consumption against the
   annual one, for the rules (rules/checks/energy.yaml). */
static void emit_monthly_products(calc_ctx *c, value *o, value *energy)
{
  arena *a = c->a;
  const model *m = c->m;
  value *arr = val_set(a, o, "products", val_arr(a));
  value *months_out = val_set(a, o, "unit_consumption_months", val_arr(a));
  value *prods = val_get(energy, "products");
  double *tce = ARENA_ARRAY(a, double, (size_t)m->months + 1);
  for (size_t i = 0; i < m->n_products; i++) {
    const m_product *p = &m->products[i];
    if (!p->monthly || p->n_monthly != (size_t)m->months)
      continue;
    value *po = val_obj(a);
    val_push(a, arr, po);
    val_set_str(a, po, "id", p->id);
    val_set_str(a, po, "name_zh", p->name.zh);
    val_set_str(a, po, "name_en", p->name.en);
    val_set_str(a, po, "unit", p->unit);
    value *q = val_set(a, po, "quantity", val_arr(a));
    double mean = p->quantity.v / m->months;
    for (int mo = 0; mo < m->months; mo++)
      val_push(a, q, val_num(a, p->monthly[mo]));
    value *pv = prods ? val_path(energy, arena_printf(a, "products[%s]",
                                                      p->id))
                      : NULL;
    value *auc = pv ? val_get(pv, "unit_consumption_kgce") : NULL;
    double annual = auc ? auc->num : (double)NAN;
    val_set_numf(a, po, "annual_unit_consumption_kgce", annual);
    const char *why_en = NULL;
    const char *why = product_monthly_energy(c, p, tce, &why_en);
    val_set_bool(a, po, "attributable", why == NULL);
    if (why) {
      val_set_null(a, po, "energy_tce");
      val_set_null(a, po, "unit_consumption_kgce");
      val_set_str(a, po, "why_zh", why);
      val_set_str(a, po, "why_en", why_en);
      calc_note(c, arena_printf(a, "energy.monthly.products[%s]", p->id),
                arena_printf(a, "%s的逐月能耗无法归集（%s），只列逐月产量。",
                             p->name.zh, why),
                arena_printf(a, "%s: its energy cannot be attributed by "
                                "month (%s); only the monthly output is "
                                "shown.",
                             p->name.en, why_en));
      continue;
    }
    value *e = val_set(a, po, "energy_tce", val_arr(a));
    value *u = val_set(a, po, "unit_consumption_kgce", val_arr(a));
    for (int mo = 0; mo < m->months; mo++) {
      val_push(a, e, val_num(a, tce[mo]));
      if (!(p->monthly[mo] > 0)) {
        val_push(a, u, val_null(a));
        continue;
      }
      double uc = tce[mo] * 1000.0 / p->monthly[mo];
      val_push(a, u, val_num(a, uc));
      if (!(annual > 0))
        continue;
      value *mo_o = val_obj(a);
      val_push(a, months_out, mo_o);
      int mm = m->from.m - 1 + mo;
      val_set_str(a, mo_o, "product", p->id);
      val_set_str(a, mo_o, "name_zh", p->name.zh);
      val_set_str(a, mo_o, "name_en", p->name.en);
      val_set_str(a, mo_o, "unit", p->unit);
      val_set_str(a, mo_o, "month", arena_printf(a, "%04d-%02d",
                                                 m->from.y + mm / 12,
                                                 mm % 12 + 1));
      val_set_num(a, mo_o, "unit_consumption_kgce", uc);
      val_set_num(a, mo_o, "annual_kgce", annual);
      val_set_num(a, mo_o, "deviation", uc / annual - 1.0);
      val_set_num(a, mo_o, "output", p->monthly[mo]);
      val_set_num(a, mo_o, "output_ratio", p->monthly[mo] / mean);
    }
  }
}

static void emit_monthly(calc_ctx *c, value *energy)
{
  arena *a = c->a;
  const model *m = c->m;
  if (m->months <= 0)
    return;
  value *o = val_set(a, energy, "monthly", val_obj(a));
  value *months = val_set(a, o, "months", val_arr(a));
  for (int i = 0; i < m->months; i++) {
    int mm = m->from.m - 1 + i;
    val_push(a, months, val_str(a, arena_printf(a, "%04d-%02d",
                                                m->from.y + mm / 12,
                                                mm % 12 + 1)));
  }
  value *arr = val_set(a, o, "carriers", val_arr(a));
  value *annual_arr = val_set(a, o, "annual_carriers", val_arr(a));
  double *total = ARENA_ARRAY(a, double, (size_t)m->months);
  bool complete = true, gaps_any = false;
  const char *annual_zh = NULL, *annual_en = NULL;
  const char *part_zh = NULL, *part_en = NULL;
  for (size_t k = 0; k < c->n_carriers; k++) {
    carrier_fig *cf = &c->carriers[k];
    if (cf->purchased <= 0)
      continue;
    bool gaps = false;
    double mon = 0, ann = 0;
    for (size_t i = 0; i < m->n_meters; i++) {
      const m_meter *mt = &m->meters[i];
      if (mt->form == METER_NONE || mt->from != PLACE_OUTSIDE ||
          strcmp(mt->carrier, cf->key) != 0)
        continue;
      if (gives_monthly(mt))
        mon += mt->quantity;
      else
        ann += mt->quantity;
      /* interval data that cover only part of the period (gaps, a late
         start, an early end) understate their months */
      if (mt->form == METER_SERIES && mt->series_missing)
        gaps = true;
    }
    const char *zh = calc_carrier_name(c, cf, true);
    const char *en = calc_carrier_name(c, cf, false);
    bool monthly = mon > 0 && mon >= MONTHLY_COVER * (mon + ann);
    value *meters_v = val_arr(a);
    for (size_t i = 0; i < m->n_meters; i++) {
      const m_meter *mt = &m->meters[i];
      if (mt->form != METER_NONE && mt->from == PLACE_OUTSIDE &&
          strcmp(mt->carrier, cf->key) == 0 && !gives_monthly(mt))
        val_push(a, meters_v, val_str(a, mt->id));
    }
    if (!monthly) {
      value *ao = val_obj(a);
      val_push(a, annual_arr, ao);
      val_set_str(a, ao, "carrier", cf->key);
      val_set_str(a, ao, "name_zh", zh);
      val_set_str(a, ao, "name_en", en);
      val_set_str(a, ao, "unit", cf->unit);
      val_set_numf(a, ao, "monthly_share",
                   mon + ann > 0 ? mon / (mon + ann) : 0.0);
      val_set(a, ao, "annual_meters", meters_v);
      if (cf->counted) {
        complete = false;
        annual_zh = join_names(a, annual_zh, zh, true);
        annual_en = join_names(a, annual_en, en, false);
      }
      continue;
    }
    if ((gaps || ann > 0) && cf->counted)
      complete = false;
    gaps_any |= gaps && cf->counted;
    value *co = val_obj(a);
    val_push(a, arr, co);
    val_set_str(a, co, "carrier", cf->key);
    val_set_str(a, co, "name_zh", zh);
    val_set_str(a, co, "name_en", en);
    val_set_str(a, co, "unit", cf->unit);
    value *q = val_set(a, co, "purchased", val_arr(a));
    value *tq = val_set(a, co, "tce", val_arr(a));
    for (int i = 0; i < m->months; i++) {
      double sum = 0;
      for (size_t j = 0; j < m->n_meters; j++) {
        const m_meter *mt = &m->meters[j];
        if (gives_monthly(mt) && mt->from == PLACE_OUTSIDE &&
            strcmp(mt->carrier, cf->key) == 0)
          sum += mt->monthly[i];
      }
      val_push(a, q, val_num(a, sum));
      val_push(a, tq, val_num(a, sum * cf->coefficient / 1000.0));
      if (cf->counted)
        total[i] += sum * cf->coefficient / 1000.0;
    }
    val_set_num(a, co, "monthly_share", mon / (mon + ann));
    val_set_num(a, co, "annual_part", ann);
    val_set(a, co, "annual_meters", meters_v);
    if (ann > 0 && cf->counted) {
      part_zh = join_names(a, part_zh, zh, true);
      part_en = join_names(a, part_en, en, false);
    }
  }
  val_set_bool(a, o, "complete", complete);
  if (annual_zh)
    calc_note(c, "energy.monthly",
              arena_printf(a, "部分能源品种只有全年数据（%s：其边界计量点未给出逐月数据，"
                              "或逐月数据不足边界计量的95%%），逐月表只含有逐月计量的"
                              "品种（购入量，不含库存变化）。",
                           annual_zh),
              arena_printf(a, "Some carriers have no monthly data (%s: their "
                              "boundary meters give no monthly data, or "
                              "less than 95 %% of the boundary quantity): "
                              "the monthly figures cover only carriers "
                              "metered monthly (purchases, without stock "
                              "change).",
                           annual_en));
  if (part_zh)
    calc_note(c, "energy.monthly",
              arena_printf(a, "%s的逐月数据来自其主要边界计量点；只有全年数据的边界计量点"
                              "的量未分到各月，逐月合计略低于全年。",
                           part_zh),
              arena_printf(a, "%s: the monthly figures come from the main "
                              "boundary meters; boundary meters with an "
                              "annual figure only are not "
                              "spread over the months, so the months add up "
                              "to slightly less than the year.",
                           part_en));
  if (gaps_any)
    calc_note(c, "energy.monthly",
              "部分逐时段数据未覆盖整个审计期（缺少时段），逐月数据偏低、不完整。",
              "Some interval data do not cover the whole audit period "
              "(intervals missing): the monthly figures understate and are "
              "not complete.");
  value *tt = val_set(a, o, "total_purchased_tce", val_arr(a));
  for (int i = 0; i < m->months; i++)
    val_push(a, tt, val_num(a, total[i]));
  emit_monthly_products(c, o, energy);
}

/* }====================================================== */

void calc_energy(calc_ctx *c)
{
  value *energy = val_set(c->a, c->root, "energy", val_obj(c->a));
  /* The totals lead the object in the JSON; they are filled in later. */
  val_set_null(c->a, energy, "total_tce");
  val_set_null(c->a, energy, "total_equal_value_tce");
  collect_carriers(c);
  physical_flows(c);
  reference_coefficients(c);
  in_house_coefficients(c);
  emit_carriers(c, energy);
  emit_totals(c, energy);
  emit_products(c, energy);
  calc_conversion(c, energy);
  emit_intensity(c, energy);
  emit_balance(c, energy);
  emit_cost(c, energy);
  emit_monthly(c, energy);
  note_series_gaps(c);
  calc_balance_matrix(c, energy);
}
