/* stages.c — stage (工段) indicators: energy.stages.
 *
 * Input: the units that name a section of their industry's stage set
 * (rules/stages.yaml), the carriers calc_energy computed and the
 * products. Output: per indicator, what enters the sections' units (or
 * what conversion units of a kind give them) per unit of the product
 * those units serve, graded where a limit standard defines the same
 * indicator and set beside the industry's advanced level where the rules
 * give one (docs/calculation.md "Stage indicators"). */
#include "internal.h"

#include <math.h>
#include <string.h>

#define EPS 1e-9

static const char *const measure_names[] = {"electricity", "fuel_heat",
                                            "energy", "conversion_output"};

/* The units tagged with one of ind's sections, and their closure. False
   when none is. */
static bool section_units(calc_ctx *c, const st_indicator *ind, bool *tagged,
                          bool *mask)
{
  const model *m = c->m;
  bool any = false;
  for (size_t u = 0; u < m->n_units; u++) {
    tagged[u] = false;
    for (size_t k = 0; m->units[u].section && k < ind->n_sections; k++)
      if (strcmp(m->units[u].section, ind->sections[k]) == 0)
        tagged[u] = any = true;
  }
  if (any)
    calc_closure(c, tagged, mask);
  return any;
}

/* The product the tagged units serve: the one whose units contain every
   tagged unit. -1 when none does, -2 when more than one. */
static int served_product(calc_ctx *c, const bool *tagged)
{
  const model *m = c->m;
  size_t nu = m->n_units;
  bool *sel = ARENA_ARRAY(c->a, bool, nu + 1);
  bool *cl = ARENA_ARRAY(c->a, bool, nu + 1);
  int found = -1;
  for (size_t p = 0; p < m->n_products; p++) {
    const m_product *mp = &m->products[p];
    memset(sel, 0, nu + 1);
    for (size_t k = 0; k < mp->n_units; k++)
      sel[mp->units[k]] = true;
    calc_closure(c, sel, cl);
    bool all = true;
    for (size_t u = 0; u < nu && all; u++)
      all = !tagged[u] || cl[u];
    if (all) {
      if (found >= 0)
        return -2;
      found = (int)p;
    }
  }
  return found;
}

/* Conversion unit u's gross output of carrier (its own output carrier
   when NULL; NAN when it sends out several and none is named): its
   `output` when it is of that carrier, else what meters carry out of it.
   *into_mask tells whether a meter carries it into mask (may be NULL).
   Adds a term to tr. */
static double unit_gross(calc_ctx *c, int u, const char *carrier,
                         const bool *mask, bool *into_mask, trace *tr)
{
  const model *m = c->m;
  size_t nu = m->n_units;
  const m_conversion *cv = &m->units[u].conv;
  if (!carrier)
    carrier = cv->carrier;
  if (!carrier)
    return NAN;
  bool *sel = ARENA_ARRAY(c->a, bool, nu + 1);
  bool *own = ARENA_ARRAY(c->a, bool, nu + 1);
  sel[u] = true;
  calc_closure(c, sel, own);
  double out = 0;
  for (size_t i = 0; i < m->n_meters; i++) {
    const m_meter *mt = &m->meters[i];
    if (mt->form == METER_NONE || mt->from < 0 || !own[mt->from] ||
        (mt->to >= 0 && own[mt->to]) || strcmp(mt->carrier, carrier) != 0)
      continue;
    out += mt->quantity;
    if (into_mask && mt->to >= 0 && mask[mt->to])
      *into_mask = true;
  }
  bool given = cv->output.set && cv->carrier && strcmp(cv->carrier, carrier) == 0;
  double gross = given ? cv->output.v : out;
  const carrier_fig *cf = calc_carrier(c, carrier);
  trace_add2(c->a, tr, m->units[u].id, gross, cf ? cf->unit : carrier,
             given ? "gross output at the terminals (enterprise data)"
                   : "metered outflow",
             given ? "机端毛产出（企业数据）" : "计量输出量");
  trace_label(c->a, tr, m->units[u].name.zh, m->units[u].name.en);
  return gross;
}

static bool of_kind(const m_unit *mu, const char *kind)
{
  return mu->conv.given && strcmp(model_conv_kind(mu->conv.kind), kind) == 0;
}

static bool of_kinds(const m_unit *mu, const st_indicator *ind)
{
  for (size_t k = 0; k < ind->n_per_kinds; k++)
    if (of_kind(mu, ind->per_kinds[k]))
      return true;
  return false;
}

/* The gross output of the conversion units of kind that recover the
   sections' waste heat or feed the sections (a meter from the unit into
   them), in the output carrier's unit; NAN when their carriers differ.
   Adds a term per unit to tr; *carrier is the output's carrier. */
static double conversion_output(calc_ctx *c, const char *kind,
                                const bool *mask, trace *tr,
                                const char **carrier, size_t *n_units)
{
  const model *m = c->m;
  double sum = 0;
  *n_units = 0;
  for (size_t u = 0; u < m->n_units; u++) {
    const m_conversion *cv = &m->units[u].conv;
    if (!of_kind(&m->units[u], kind) || mask[u] || !cv->carrier)
      continue;
    bool serves = cv->heat_from >= 0 && mask[cv->heat_from];
    trace probe;
    memset(&probe, 0, sizeof probe);
    unit_gross(c, (int)u, NULL, mask, &serves, &probe);
    if (!serves)
      continue;
    if (*carrier && strcmp(*carrier, cv->carrier) != 0)
      return NAN; /* two carriers do not add up */
    *carrier = cv->carrier;
    (*n_units)++;
    sum += unit_gross(c, (int)u, NULL, mask, NULL, tr);
  }
  return sum;
}

/* The denominator of an indicator per conversion output: the gross output
   of every conversion unit of ind's per kind, in its carrier; NAN with the
   reason when there is none or a unit's output carrier is not clear. */
static double per_conversion(calc_ctx *c, const st_indicator *ind, trace *tr,
                             const char **unit, const char **names_zh,
                             const char **names_en, const char **why_zh,
                             const char **why_en)
{
  const model *m = c->m;
  arena *a = c->a;
  double sum = 0;
  size_t n = 0;
  const char *carrier = NULL;
  for (size_t u = 0; u < m->n_units; u++) {
    if (!of_kinds(&m->units[u], ind))
      continue;
    const char *car =
        ind->per_carrier ? ind->per_carrier : m->units[u].conv.carrier;
    if (!car || (carrier && strcmp(car, carrier) != 0)) {
      *why_zh = arena_printf(a, "转换单元%s输出多种能源，规则未指明按哪一种计算",
                             m->units[u].name.zh);
      *why_en = arena_printf(a, "conversion unit %s sends out several "
                                "carriers and the rules name none",
                             m->units[u].name.en);
      return NAN;
    }
    sum += unit_gross(c, (int)u, car, NULL, NULL, tr);
    carrier = car;
    *names_zh = arena_printf(a, "%s%s%s", n ? *names_zh : "", n ? "、" : "",
                             m->units[u].name.zh);
    *names_en = arena_printf(a, "%s%s%s", n ? *names_en : "", n ? "; " : "",
                             m->units[u].name.en);
    n++;
  }
  if (!n) {
    const char *kinds = "";
    for (size_t k = 0; k < ind->n_per_kinds; k++)
      kinds = arena_printf(a, "%s%s%s", kinds, k ? ", " : "",
                           ind->per_kinds[k]);
    *why_zh = arena_printf(a, "无%s类转换单元", kinds);
    *why_en = arena_printf(a, "no conversion unit of kind %s", kinds);
    return NAN;
  }
  const carrier_fig *cf = calc_carrier(c, carrier);
  *unit = cf ? cf->unit : carrier;
  return sum;
}

/* A carrier entering the sections, and (with_coef) its coefficient, as
   trace terms named after the carrier. */
static void input_term(calc_ctx *c, trace *tr, const carrier_fig *cf,
                       double q, bool with_coef)
{
  arena *a = c->a;
  const char *zh = calc_carrier_name(c, cf, true);
  const char *en = calc_carrier_name(c, cf, false);
  trace_add(a, tr, cf->key, q, cf->unit, NULL);
  trace_label(a, tr, arena_printf(a, "进入工段的%s", zh),
              arena_printf(a, "%s into the sections", en));
  if (!with_coef)
    return;
  trace_add(a, tr, "coefficient_kgce", cf->coefficient,
            arena_printf(a, "kgce/%s", cf->unit), NULL);
  trace_label(a, tr, arena_printf(a, "%s折标准煤系数", zh),
              arena_printf(a, "%s: conversion coefficient", en));
}

/* The numerator of ind over mask in base units of its dimension (MJ, or
   kgce for energy), with its trace terms; NAN when it cannot be formed. */
static double numerator(calc_ctx *c, const st_indicator *ind,
                        const bool *mask, trace *tr, dimvec *dim,
                        const char **out_unit, const char **why_zh,
                        const char **why_en)
{
  arena *a = c->a;
  double *q = ARENA_ARRAY(a, double, c->n_carriers + 1);
  calc_inflows(c, mask, q);
  double sum = 0;
  *dim = dim_of(ind->measure == ST_ENERGY ? "kgce" : "MJ");
  if (ind->measure == ST_CONVERSION_OUTPUT) {
    const char *carrier = NULL;
    size_t n = 0;
    sum = conversion_output(c, ind->conversion, mask, tr, &carrier, &n);
    if (n == 0 || !carrier) {
      *why_zh = arena_printf(a, "无向该工段供能或回收其余热的%s单元",
                             ind->conversion);
      *why_en = arena_printf(a, "no %s unit feeds these sections or recovers "
                                "their waste heat",
                             ind->conversion);
      return NAN;
    }
    if (!isfinite(sum)) {
      *why_zh = "相关转换单元输出的能源品种不同，不能相加";
      *why_en = "the conversion units give different carriers, which do not "
                "add up";
      return NAN;
    }
    carrier_fig *cf = calc_carrier(c, carrier);
    const char *unit = cf ? cf->unit : carrier;
    *dim = dim_of(unit);
    *out_unit = unit;
    return sum * (1.0 / units_to(1.0, unit));
  }
  bool metered = false;
  for (size_t i = 0; i < c->m->n_meters; i++) {
    const m_meter *mt = &c->m->meters[i];
    int k = c->meter_carrier[i];
    if (mt->form == METER_NONE || k < 0 || mt->to < 0 || !mask[mt->to] ||
        (mt->from >= 0 && mask[mt->from]))
      continue;
    const carrier_fig *cf = &c->carriers[k];
    metered |= ind->measure == ST_ELECTRICITY
                   ? cf->def && cf->def->cls == CARRIER_ELECTRICITY
               : ind->measure == ST_FUEL_HEAT
                   ? cf->def && cf->def->cls == CARRIER_FUEL
                   : cf->counted;
  }
  if (!metered) {
    static const char *const what_zh[] = {"电力", "燃料", "计入综合能耗的能源"};
    static const char *const what_en[] = {"electricity", "fuel",
                                          "energy counted in the total"};
    *why_zh = arena_printf(a, "没有计量%s进入该工段单元的计量点",
                           what_zh[ind->measure]);
    *why_en = arena_printf(a, "no meter measures %s into the sections' units",
                           what_en[ind->measure]);
    return NAN;
  }
  for (size_t k = 0; k < c->n_carriers; k++) {
    const carrier_fig *cf = &c->carriers[k];
    if (q[k] == 0)
      continue;
    double x;
    if (ind->measure == ST_ELECTRICITY) {
      if (!cf->def || cf->def->cls != CARRIER_ELECTRICITY)
        continue;
      x = q[k] * 3.6; /* kWh → MJ */
      input_term(c, tr, cf, q[k], false);
    } else if (ind->measure == ST_FUEL_HEAT) {
      if (!cf->def || cf->def->cls != CARRIER_FUEL)
        continue;
      /* a fuel's coefficient is its net calorific value over 29.3076
         MJ/kgce (GB/T 2589), the measured one where the file gives it */
      x = q[k] * cf->coefficient * MJ_PER_KGCE;
      input_term(c, tr, cf, q[k], true);
    } else {
      if (!cf->counted)
        continue;
      x = q[k] * cf->coefficient;
      input_term(c, tr, cf, q[k], true);
    }
    sum += x;
  }
  if (ind->measure == ST_FUEL_HEAT)
    trace_add(a, tr, "mj_per_kgce", MJ_PER_KGCE, "MJ/kgce", NULL);
  return sum;
}

static const bm_indicator *bench_indicator(const benchmark *b, const char *id)
{
  for (size_t i = 0; b && i < b->n_ind; i++)
    if (strcmp(b->ind[i].id, id) == 0)
      return &b->ind[i];
  return NULL;
}

/* compare: the grade of the limit standard's indicator of the same name,
   when its edition applies to the period; grade 1 is the advanced value. */
static void compare(calc_ctx *c, value *io, const st_indicator *ind, double v)
{
  arena *a = c->a;
  const benchmark *b = factors_benchmark(c->f, ind->cmp_benchmark);
  const bm_indicator *bi = bench_indicator(b, ind->cmp_indicator);
  if (!bi)
    return; /* rules check refuses it; a firm's layer may have dropped it */
  value *o = val_set(a, io, "compare", val_obj(a));
  val_set_str(a, o, "benchmark", b->key);
  val_set_str(a, o, "standard", b->standard);
  val_set_str(a, o, "indicator_zh", bi->name.zh);
  val_set_str(a, o, "indicator_en", bi->name.en);
  calc_set_cite(a, o, "", &b->citation, &b->checked);
  val_set_bool(a, o, "verified", b->verified);
  value *gr = val_set(a, o, "grades", val_arr(a));
  for (int g = 0; g < 3; g++)
    val_push(a, gr, bi->has_grade[g] ? val_num(a, units_to(bi->grade[g],
                                                           bi->unit))
                                     : val_null(a));
  bool applies = calc_benchmark_applies(c, b);
  val_set_bool(a, o, "graded", applies);
  if (!isfinite(v) || !applies) {
    val_set_null(a, o, "grade");
    val_set_str(a, o, "status", "not_graded");
    val_set_str(a, o, "status_zh", "未对标");
    val_set_str(a, o, "status_en", "Not graded");
    return;
  }
  int grade = 0;
  for (int g = 0; g < 3 && !grade; g++)
    if (bi->has_grade[g] && v <= bi->grade[g] * (1 + EPS) + EPS)
      grade = g + 1;
  if (grade) {
    val_set_num(a, o, "grade", grade);
    val_set_str(a, o, "status", "graded");
    val_set_str(a, o, "status_zh", arena_printf(a, "%d级", grade));
    val_set_str(a, o, "status_en", arena_printf(a, "Grade %d", grade));
  } else {
    val_set_null(a, o, "grade");
    val_set_str(a, o, "status", "not_reached");
    val_set_str(a, o, "status_zh", "未达限定值");
    val_set_str(a, o, "status_en", "Not reached");
  }
}

/* The gap to a level (the advanced value): per unit of product and over
   the period's production, in the indicator's unit and the numerator's. */
static void gap_to(calc_ctx *c, value *o, double v, double level,
                   const st_indicator *ind, double qv, const char *qunit,
                   const char *what, const char *total_unit)
{
  arena *a = c->a;
  double qbase = qv * (1.0 / units_to(1.0, qunit));
  double gap = fmax(0.0, v - level);
  value *g = val_set_num(a, o, "gap", units_to(gap, ind->unit));
  g->unit = ind->unit;
  trace *t = val_trace(a, g, "max(0, value − level)",
                       "docs/calculation.md Stages");
  trace_add(a, t, "value", units_to(v, ind->unit), ind->unit, NULL);
  trace_add(a, t, what, units_to(level, ind->unit), ind->unit, NULL);
  /* over the period's output, in the numerator's own unit */
  value *gt = val_set_num(a, o, "gap_total",
                          units_to(gap * qbase, total_unit));
  gt->unit = total_unit;
  val_set_str(a, o, "gap_total_unit", total_unit);
  t = val_trace(a, gt, "gap × quantity", "docs/calculation.md Stages");
  trace_add(a, t, "gap", units_to(gap, ind->unit), ind->unit, NULL);
  trace_add(a, t, "quantity", qv, qunit, NULL);
}

static void emit_indicator(calc_ctx *c, value *arr, const st_indicator *ind)
{
  arena *a = c->a;
  const model *m = c->m;
  size_t nu = m->n_units;
  bool *tagged = ARENA_ARRAY(a, bool, nu + 1);
  bool *mask = ARENA_ARRAY(a, bool, nu + 1);
  if (!section_units(c, ind, tagged, mask))
    return; /* the facility has no unit in these sections */
  value *io = val_obj(a);
  val_push(a, arr, io);
  val_set_str(a, io, "id", ind->id);
  val_set_str(a, io, "name_zh", ind->name.zh);
  val_set_str(a, io, "name_en", ind->name.en);
  val_set_str(a, io, "unit", ind->unit);
  val_set_str(a, io, "measure", measure_names[ind->measure]);
  if (ind->conversion)
    val_set_str(a, io, "conversion", ind->conversion);
  value *secs = val_set(a, io, "sections", val_arr(a));
  for (size_t k = 0; k < ind->n_sections; k++)
    val_push(a, secs, val_str(a, ind->sections[k]));
  value *us = val_set(a, io, "units", val_arr(a));
  const char *names_zh = "", *names_en = "";
  for (size_t u = 0; u < nu; u++)
    if (tagged[u]) {
      val_push(a, us, val_str(a, m->units[u].id));
      bool first = !*names_zh;
      names_zh = arena_printf(a, "%s%s%s", names_zh, first ? "" : "、",
                              m->units[u].name.zh);
      names_en = arena_printf(a, "%s%s%s", names_en, first ? "" : "; ",
                              m->units[u].name.en);
    }
  val_set_str(a, io, "units_zh", names_zh);
  val_set_str(a, io, "units_en", names_en);
  val_set_str(a, io, "definition_zh", ind->definition.zh);
  val_set_str(a, io, "definition_en", ind->definition.en);
  val_set_str(a, io, "source", ind->source.en);
  val_set_str(a, io, "source_zh", ind->source.zh ? ind->source.zh
                                                 : ind->source.en);
  val_set_bool(a, io, "verified", ind->verified);
  /* what a report cites: the document that defines the indicator, else
     the report's own definition (the provenance stays in source) */
  bool cited = ind->citation.zh != NULL;
  val_set_str(a, io, "basis_zh", cited ? ind->citation.zh
                                       : "工段统计口径（本报告定义）");
  val_set_str(a, io, "basis_en",
              cited ? ind->citation.en
                    : "sectional energy statistics (defined in this report)");

  const char *path = arena_printf(a, "energy.stages.indicators[%s]", ind->id);
  const char *why_zh = NULL, *why_en = NULL;
  /* the denominator: a product's output, or a conversion kind's */
  trace den;
  memset(&den, 0, sizeof den);
  double qv = NAN;           /* in qunit */
  const char *qunit = NULL;
  if (ind->n_per_kinds) {
    const char *nzh = "", *nen = "";
    qv = per_conversion(c, ind, &den, &qunit, &nzh, &nen, &why_zh, &why_en);
    value *pk = val_set(a, io, "per_conversion", val_arr(a));
    for (size_t k = 0; k < ind->n_per_kinds; k++)
      val_push(a, pk, val_str(a, ind->per_kinds[k]));
    if (isfinite(qv)) {
      /* what the table's product column shows */
      val_set_str(a, io, "product_zh", arena_printf(a, "%s毛产出", nzh));
      val_set_str(a, io, "product_en", arena_printf(a, "gross output of %s",
                                                    nen));
      val_set_num(a, io, "quantity", qv);
      val_set_str(a, io, "quantity_unit", qunit);
    }
  } else {
    int p = served_product(c, tagged);
    if (p == -1) {
      why_zh = "工段单元不属于任何产品（products[].units），无产量可除";
      why_en = "the sections' units belong to no product (products[].units): "
               "no output to divide by";
    } else if (p == -2) {
      why_zh = "工段单元同属多个产品，按哪一产品计算不明确";
      why_en = "the sections' units belong to more than one product: which "
               "output to divide by is not clear";
    } else {
      const m_product *mp = &m->products[p];
      val_set_str(a, io, "product", mp->id);
      val_set_str(a, io, "product_zh", mp->name.zh);
      val_set_str(a, io, "product_en", mp->name.en);
      val_set_num(a, io, "quantity", mp->quantity.v);
      val_set_str(a, io, "quantity_unit", mp->unit);
      qv = mp->quantity.v;
      qunit = mp->unit;
      trace_add(a, &den, "quantity", mp->quantity.v, mp->unit, NULL);
    }
  }
  value *vv = val_set_null(a, io, "value");
  double v = NAN, qbase = 0;
  /* a total (the gap over the period) in the numerator's own unit */
  const char *total_unit = ind->measure == ST_ENERGY      ? "tce"
                           : ind->measure == ST_FUEL_HEAT ? "GJ"
                                                          : "kWh";
  if (isfinite(qv)) {
    qbase = qv * (1.0 / units_to(1.0, qunit));
    trace scratch;
    memset(&scratch, 0, sizeof scratch);
    dimvec ndim;
    double num = numerator(c, ind, mask, &scratch, &ndim, &total_unit,
                           &why_zh, &why_en);
    dimvec want = ndim, pd = dim_of(qunit);
    for (int d = 0; d < DIM_COUNT; d++)
      want.e[d] = (signed char)(want.e[d] - pd.e[d]);
    if (isfinite(num) && !dim_eq(want, ind->dim)) {
      why_zh = arena_printf(a, "分母的计量单位%s与指标单位%s不相容", qunit,
                            ind->unit);
      why_en = arena_printf(a, "the denominator is counted in %s, which does "
                               "not fit the indicator's unit %s",
                            qunit, ind->unit);
      num = NAN;
    }
    if (isfinite(num) && qbase > 0) {
      v = num / qbase;
      vv = val_set_num(a, io, "value", units_to(v, ind->unit));
      vv->unit = ind->unit;
      trace *tr = val_trace(a, vv, ind->n_per_kinds
                                       ? "section input / conversion output"
                                       : "section input / quantity",
                            "docs/calculation.md Stages");
      tr->terms = scratch.terms; /* the numerator's terms, labels kept */
      tr->n = scratch.n;
      tr->cap = scratch.cap;
      for (size_t k = 0; k < den.n; k++) { /* then the denominator's */
        const trace_term *tm = &den.terms[k];
        trace_add2(a, tr, tm->name, tm->value, tm->unit, tm->from,
                   tm->from_zh);
        if (tm->label_zh)
          trace_label(a, tr, tm->label_zh, tm->label_en);
      }
      val_set_num(a, io, "numerator", units_to(num, total_unit));
      val_set_str(a, io, "numerator_unit", total_unit);
    }
  }
  if (why_zh) {
    val_set_str(a, io, "why_zh", why_zh);
    val_set_str(a, io, "why_en", why_en);
    calc_note(c, path, arena_printf(a, "%s未计算：%s。", ind->name.zh, why_zh),
              arena_printf(a, "%s is not computed: %s.", ind->name.en,
                           why_en));
  }
  if (ind->cmp_benchmark)
    compare(c, io, ind, v);
  /* the industry's advanced level: grade 1 of the limit standard where
     one defines the indicator, else the rules' reference when sourced */
  value *adv;
  val_set_null(a, io, "advanced");
  const bm_indicator *bi =
      ind->cmp_benchmark
          ? bench_indicator(factors_benchmark(c->f, ind->cmp_benchmark),
                            ind->cmp_indicator)
          : NULL;
  if (bi && bi->has_grade[0]) {
    adv = val_set(a, io, "advanced", val_obj(a));
    val_set_num(a, adv, "value", units_to(bi->grade[0], bi->unit));
    val_set_str(a, adv, "name_zh", "限额标准1级（先进值）");
    val_set_str(a, adv, "name_en", "Grade 1 of the limit standard (advanced)");
    val_set_str(a, adv, "source", factors_benchmark(c->f, ind->cmp_benchmark)
                                      ->citation.en);
    val_set_str(a, adv, "source_zh",
                factors_benchmark(c->f, ind->cmp_benchmark)->citation.zh);
    val_set_bool(a, adv, "verified",
                 factors_benchmark(c->f, ind->cmp_benchmark)->verified);
    if (isfinite(v))
      gap_to(c, adv, v, bi->grade[0], ind, qv, qunit, "grade 1", total_unit);
  } else if (ind->has_reference) {
    adv = val_set(a, io, "advanced", val_obj(a));
    val_set_num(a, adv, "value", units_to(ind->reference, ind->unit));
    val_set_str(a, adv, "name_zh", ind->reference_name.zh);
    val_set_str(a, adv, "name_en", ind->reference_name.en);
    val_set_str(a, adv, "source", ind->reference_citation.en);
    val_set_str(a, adv, "source_zh", ind->reference_citation.zh);
    val_set_bool(a, adv, "verified", ind->reference_verified);
    if (isfinite(v))
      gap_to(c, adv, v, ind->reference, ind, qv, qunit, "reference",
             total_unit);
  }
}

void calc_stages(calc_ctx *c)
{
  arena *a = c->a;
  const model *m = c->m;
  bool any = false;
  for (size_t u = 0; u < m->n_units && !any; u++)
    any = m->units[u].section != NULL;
  if (!any)
    return; /* no unit names a section: no stage indicators */
  const stage_set *set = factors_stages(c->f, m->industry_code, m->industry);
  if (!set)
    return; /* the loader refused the sections */
  value *energy = val_path(c->root, "energy");
  value *o = val_set(a, energy, "stages", val_obj(a));
  val_set_str(a, o, "set", set->key);
  val_set_str(a, o, "name_zh", set->name.zh);
  val_set_str(a, o, "name_en", set->name.en);
  value *secs = val_set(a, o, "sections", val_arr(a));
  for (size_t k = 0; k < set->n_sections; k++) {
    value *so = NULL;
    for (size_t u = 0; u < m->n_units; u++) {
      if (!m->units[u].section ||
          strcmp(m->units[u].section, set->sections[k].id) != 0)
        continue;
      if (!so) {
        so = val_obj(a);
        val_push(a, secs, so);
        val_set_str(a, so, "id", set->sections[k].id);
        val_set_str(a, so, "name_zh", set->sections[k].name.zh);
        val_set_str(a, so, "name_en", set->sections[k].name.en);
        val_set(a, so, "units", val_arr(a));
      }
      val_push(a, val_get(so, "units"), val_str(a, m->units[u].id));
    }
  }
  value *inds = val_set(a, o, "indicators", val_arr(a));
  for (size_t i = 0; i < set->n_ind; i++)
    emit_indicator(c, inds, &set->ind[i]);
}
