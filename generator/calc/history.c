/* history.c — results.history: the earlier years beside the audit year,
 * the year-on-year changes, the LMDI decomposition of the change in total
 * energy and the completion of the saving target.
 *
 * Input: the model's history[] (each year a facility file of its own,
 * computed here by the same calc_run, or its totals written inline), the
 * audit year's results computed so far (energy.total_tce, its equal
 * value, energy.products[], carbon.total_tco2) and the carriers'
 * coefficients and emission factors. Output: history.{years[], changes[],
 * lmdi.{previous, base}, target}; absent (null) when the file has no
 * history. Invariant: the three effects of each decomposition add up to
 * the change of total energy (LMDI-I has no residual; docs/calculation.md
 * "Earlier years"). */
#include "internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define NO_VALUE ((double)NAN)

/* {====================================================== one year */

typedef struct year_fig {
  const char *label;  /* "2022", or "2022-01-01–2022-06-30" */
  date from, to;
  const char *source; /* "audit", "file" or "inline" */
  const char *file;
  const m_year *y;    /* NULL for the audit year */
  double tce, eq_tce; /* eq_tce NO_VALUE when not computable */
  double value_cny;   /* NO_VALUE when not given */
  double co2;         /* tCO2, NO_VALUE when not computable */
  const char *co2_how; /* "computed", "given" */
  double *q;          /* per product of the main file: output, 0 if none */
  double *e;          /* per product: energy of its net output, tce, NO_VALUE
                         when not known */
  double *uc;         /* per product: unit consumption, kgce/unit, NO_VALUE */
  bool segmented;     /* every product's energy known */
  const char *why_not; /* why not segmented (en), or NULL */
  const char *why_not_zh;
} year_fig;

static const char *year_label(arena *a, date f, date t)
{
  if (f.m == 1 && f.d == 1 && t.m == 12 && t.d == 31 && f.y == t.y)
    return arena_printf(a, "%d", f.y);
  char x[16], y[16];
  date_format(f, x);
  date_format(t, y);
  return arena_printf(a, "%s–%s", x, y);
}

static double num_at(const value *root, const char *path)
{
  const value *v = val_path(root, path);
  return v && v->kind == VAL_NUM ? v->num : NO_VALUE;
}

/* The output of each product not used by another product inside the
   boundary (its net output), from a model's uses. */
static void net_output(const model *m, const char *id, double q, double *out)
{
  double used = 0;
  for (size_t j = 0; j < m->n_products; j++)
    for (size_t k = 0; k < m->products[j].n_uses; k++) {
      const m_use *u = &m->products[j].uses[k];
      if (strcmp(m->products[u->product].id, id) == 0)
        used += u->amount;
    }
  /* more used than made: drawn from stock; no net output */
  *out = q > used ? q - used : 0;
}

/* Reads a year computed by calc (the audit year, or a year's own file):
   its totals and each product's output, unit consumption and the energy
   of its net output (unit consumption × output not used by another
   product inside). */
static void from_results(calc_ctx *c, year_fig *yf, const model *m,
                         const value *r)
{
  const model *main = c->m;
  yf->tce = num_at(r, "energy.total_tce");
  yf->eq_tce = num_at(r, "energy.total_equal_value_tce");
  yf->co2 = num_at(r, "carbon.total_tco2");
  yf->co2_how = "computed";
  yf->value_cny = m->output_value.set ? m->output_value.v : NO_VALUE;
  yf->segmented = true;
  const value *ps = val_path(r, "energy.products");
  for (size_t i = 0; i < main->n_products; i++) {
    const char *id = main->products[i].id;
    const value *p = NULL;
    for (size_t k = 0; ps && k < ps->n; k++) {
      const value *idv = val_get(ps->items[k], "id");
      if (idv && idv->kind == VAL_STR && strcmp(idv->str, id) == 0)
        p = ps->items[k];
    }
    if (!p)
      continue; /* not made that year: zero output and energy */
    const value *qv = val_get(p, "quantity"), *uv =
                                                  val_get(p, "unit_consumption_kgce");
    yf->q[i] = qv && qv->kind == VAL_NUM ? qv->num : 0;
    yf->uc[i] = uv && uv->kind == VAL_NUM ? uv->num : NO_VALUE;
    double net;
    net_output(m, id, yf->q[i], &net);
    yf->e[i] = isfinite(yf->uc[i]) ? net * yf->uc[i] / 1000.0 : NO_VALUE;
    if (!isfinite(yf->e[i])) {
      yf->segmented = false;
      yf->why_not = arena_printf(c->a, "the unit consumption of %s in %s is "
                                       "not known",
                                 id, yf->label);
      yf->why_not_zh = arena_printf(c->a, "%s年%s的单位产品能耗未知", yf->label,
                                    id);
    }
  }
}

/* A year written inline: energy from each carrier's consumption at the
   audit year's coefficient (the rules' reference one for a carrier the
   audit year does not use), equal value at the supply coal rate of the
   year, CO2 at the audit year's emission factors. */
static void from_inline(calc_ctx *c, year_fig *yf, const m_year *y)
{
  const model *m = c->m;
  arena *a = c->a;
  double tce = 0, el_kwh = 0, el_coef = 0, co2 = 0;
  bool co2_known = m->n_process == 0;
  for (size_t k = 0; k < y->n_consumption; k++) {
    const m_year_carrier *yc = &y->consumption[k];
    carrier_fig *cf = calc_carrier(c, yc->carrier);
    const carrier_def *cd = factors_carrier(c->f, yc->carrier);
    double coef = cf ? cf->coefficient : cd ? cd->coef_kgce : NO_VALUE;
    bool counted = cf ? cf->counted : cd ? cd->counted : false;
    if (counted && isfinite(coef))
      tce += yc->quantity * coef / 1000.0;
    if (strcmp(yc->carrier, "electricity") == 0)
      el_kwh += yc->quantity, el_coef = coef;
    if (cf && c->carbon && c->carbon[cf - c->carriers].known)
      co2 += yc->quantity * c->carbon[cf - c->carriers].per_unit;
    else if (yc->quantity > 0 && !(cd && cd->cls == CARRIER_MEDIUM))
      co2_known = false; /* a working medium (water) emits nothing */
  }
  yf->tce = tce;
  const year_value *rate = factors_supply_rate(c->f, y->to.y);
  yf->eq_tce = rate ? tce - el_kwh * el_coef / 1000.0 +
                          el_kwh * rate->value / 1000.0
                    : NO_VALUE;
  if (isfinite(y->co2_t))
    yf->co2 = y->co2_t, yf->co2_how = "given";
  else if (co2_known)
    yf->co2 = co2, yf->co2_how = "computed";
  else
    yf->co2 = NO_VALUE;
  yf->value_cny = y->output_value;
  /* the decomposition by product needs each product's energy: every
     product has a unit consumption, and where the file's product uses
     another, the year says how much of it (the year's uses give the net
     outputs, as net_output does for a file) */
  yf->segmented = true;
  double *used = ARENA_ARRAY(a, double, m->n_products + 1); /* zeroed */
  const m_year_product **made =
      ARENA_ARRAY(a, const m_year_product *, m->n_products + 1);
  for (size_t k = 0; k < y->n_products; k++) {
    const m_year_product *yp = &y->products[k];
    made[yp->product] = yp;
    for (size_t u = 0; u < yp->n_uses; u++)
      used[yp->uses[u].product] += yp->uses[u].amount;
  }
  for (size_t k = 0; k < y->n_products; k++) {
    const m_year_product *yp = &y->products[k];
    double q = yp->quantity, u = used[yp->product];
    yf->q[yp->product] = q;
    yf->uc[yp->product] = yp->unit_kgce;
    yf->e[yp->product] = (q > u ? q - u : 0) * yp->unit_kgce / 1000.0;
    if (!isfinite(yp->unit_kgce) && yf->segmented) {
      yf->segmented = false;
      yf->why_not = arena_printf(a, "%s gives no unit consumption of %s",
                                 yf->label, m->products[yp->product].id);
      yf->why_not_zh = arena_printf(a, "%s年未给出%s的单位产品能耗", yf->label,
                                    m->products[yp->product].id);
    }
  }
  for (size_t i = 0; i < m->n_products && yf->segmented; i++) {
    const m_year_product *yp = made[i];
    for (size_t k = 0; yp && k < m->products[i].n_uses; k++) {
      int q = m->products[i].uses[k].product;
      bool given = false;
      for (size_t u = 0; u < yp->n_uses; u++)
        given |= yp->uses[u].product == q;
      if (given || !made[q])
        continue;
      yf->segmented = false;
      yf->why_not = arena_printf(a, "%s gives no uses of %s by %s",
                                 yf->label, m->products[q].id,
                                 m->products[i].id);
      yf->why_not_zh = arena_printf(a, "%s年未给出%s耗用%s的数量", yf->label,
                                    m->products[i].id, m->products[q].id);
      break;
    }
  }
  for (size_t i = 0; i < m->n_products; i++)
    if (!(yf->q[i] > 0))
      yf->e[i] = 0;
}

/* }====================================================== */
/* {====================================================== LMDI */

/* The logarithmic mean L(x, y) = (x − y) / (ln x − ln y), L(x, x) = x
   (Ang 2004). Both positive. */
double calc_logmean(double x, double y)
{
  if (x == y)
    return x;
  double d = log(x) - log(y);
  if (d == 0) /* x and y a rounding apart */
    return 0.5 * (x + y);
  return (x - y) / d;
}

/* One segment's contribution: E = Q × s × I, the change from year 0 to
   year 1 split into activity (Q), structure (s) and intensity (I) by
   additive LMDI-I. A segment with zero energy in one of the two years
   takes the analytical limit of Ang & Liu (2007) (zeros replaced by
   δ → 0): its whole change is the structure effect (a product begun or
   stopped is a change in the mix), the other two effects are 0. */
void calc_lmdi_segment(double e0, double e1, double q0, double q1,
                       double s0, double s1, double i0, double i1,
                       double out[3])
{
  out[0] = out[1] = out[2] = 0;
  if (e0 == 0 && e1 == 0)
    return;
  if (e0 == 0 || e1 == 0) {
    out[1] = e1 - e0;
    return;
  }
  double w = calc_logmean(e1, e0);
  out[0] = w * log(q1 / q0);
  out[1] = w * log(s1 / s0);
  out[2] = w * log(i1 / i0);
}

typedef struct segment {
  const char *id, *zh, *en;
  const char *unit; /* of its output: a product's, or 万元 */
  double e0, e1, y0, y1, fx[3];
} segment;

static void set_effect(calc_ctx *c, value *o, const char *key, double x,
                       const char *formula, const year_fig *y0,
                       const year_fig *y1, const segment *sg, size_t ns,
                       bool outputs)
{
  arena *a = c->a;
  value *v = val_set_num(a, o, key, x);
  trace *t = val_trace(a, v, formula, "LMDI-I (Ang 2004; Ang & Liu 2007)");
  trace_add(a, t, "Q0", y0->value_cny / 1e4, "万元", NULL);
  trace_label(a, t, arena_printf(a, "%s年工业总产值", y0->label),
              arena_printf(a, "Gross output value %s", y0->label));
  trace_add(a, t, "Q1", y1->value_cny / 1e4, "万元", NULL);
  trace_label(a, t, arena_printf(a, "%s年工业总产值", y1->label),
              arena_printf(a, "Gross output value %s", y1->label));
  for (size_t i = 0; i < ns; i++) {
    bool rest = strcmp(sg[i].unit, "万元") == 0;
    const char *fe = rest ? "total energy − the products' energy"
                          : "unit consumption × net output / 1000";
    const char *fz = rest ? "综合能耗 − 各产品能耗"
                          : "单位产品综合能耗 × 净产量 ÷ 1000";
    if (strcmp(sg[i].id, "site") == 0)
      fe = "total energy", fz = "综合能耗";
    for (int k = 0; k < 2; k++) {
      const year_fig *yy = k ? y1 : y0;
      trace_add2(a, t, k ? "E1" : "E0", k ? sg[i].e1 : sg[i].e0, "tce", fe,
                 fz);
      trace_label(a, t, arena_printf(a, "%s %s年能耗", sg[i].zh, yy->label),
                  arena_printf(a, "%s, energy %s", sg[i].en, yy->label));
    }
    for (int k = 0; outputs && !rest && k < 2; k++) {
      const year_fig *yy = k ? y1 : y0;
      trace_add2(a, t, k ? "Y1" : "Y0", k ? sg[i].y1 : sg[i].y0, sg[i].unit,
                 "output less what other products use",
                 "产量减去被其他产品消耗的量");
      trace_label(a, t, arena_printf(a, "%s %s年净产量", sg[i].zh, yy->label),
                  arena_printf(a, "%s, net output %s", sg[i].en, yy->label));
    }
  }
}

/* The decomposition of total energy from y0 to y1. Segments: each
   product's net output (E_i = unit consumption × output not used by
   another product inside, s_i = Y_i / Q, I_i = E_i / Y_i) and the rest of
   the site's energy (s = 1, I = E / Q); Q is the output value. Where a
   year lacks the products' energy, one segment: the whole site. */
static value *lmdi(calc_ctx *c, const year_fig *y0, const year_fig *y1,
                   const char *path)
{
  arena *a = c->a;
  const model *m = c->m;
  if (!(y0->value_cny > 0) || !(y1->value_cny > 0)) {
    calc_note(c, path,
              arena_printf(a, "%s年或%s年没有工业总产值，未作因素分解。",
                           y0->label, y1->label),
              arena_printf(a, "No output value for %s or %s: the change is "
                              "not decomposed.",
                           y0->label, y1->label));
    return val_null(a);
  }
  if (!(y0->tce > 0) || !(y1->tce > 0)) {
    /* a site that supplies more energy than it takes in (a power plant)
       has no positive total to take logarithms of */
    calc_note(c, path,
              arena_printf(a, "%s年或%s年综合能耗不为正值，未作因素分解。",
                           y0->label, y1->label),
              arena_printf(a, "The total energy of %s or %s is not positive: "
                              "the change is not decomposed.",
                           y0->label, y1->label));
    return val_null(a);
  }
  bool seg = y0->segmented && y1->segmented;
  segment *sg = ARENA_ARRAY(a, segment, m->n_products + 2);
  size_t ns = 0;
  double q0 = y0->value_cny / 1e4, q1 = y1->value_cny / 1e4;
  double rest0 = y0->tce, rest1 = y1->tce;
  if (seg) {
    for (size_t i = 0; i < m->n_products; i++) {
      const m_product *p = &m->products[i];
      double e0 = y0->e[i], e1 = y1->e[i];
      if (e0 == 0 && e1 == 0)
        continue;
      segment *s = &sg[ns++];
      s->id = p->id, s->zh = p->name.zh, s->en = p->name.en;
      s->e0 = e0, s->e1 = e1;
      s->unit = p->unit ? p->unit : "";
      /* net output: energy / unit consumption */
      double n0 = e0 > 0 ? e0 * 1000.0 / y0->uc[i] : 0;
      double n1 = e1 > 0 ? e1 * 1000.0 / y1->uc[i] : 0;
      s->y0 = n0, s->y1 = n1;
      calc_lmdi_segment(e0, e1, q0, q1, n0 / q0, n1 / q1,
                        n0 > 0 ? e0 / n0 : 0, n1 > 0 ? e1 / n1 : 0, s->fx);
      rest0 -= e0, rest1 -= e1;
    }
  } else {
    calc_note(c, path,
              arena_printf(a, "%s，结构效应未单独分离（全厂作为一个分项）。",
                           y0->why_not_zh ? y0->why_not_zh : y1->why_not_zh),
              arena_printf(a, "Structure is not separated (the whole site is "
                              "one segment): %s.",
                           y0->why_not ? y0->why_not : y1->why_not));
  }
  /* the rest: below 0.5 kgce a rounding of the products' sum */
  if (fabs(rest0) < 5e-4)
    rest0 = 0;
  if (fabs(rest1) < 5e-4)
    rest1 = 0;
  if (rest0 < 0 || rest1 < 0) {
    const year_fig *yb = rest0 < 0 ? y0 : y1;
    calc_note(c, path,
              arena_printf(a, "%s年各产品能耗之和超过综合能耗总量，结构效应未单独分离。",
                           yb->label),
              arena_printf(a, "In %s the products' energy exceeds the total: "
                              "structure is not separated.",
                           yb->label));
    ns = 0, seg = false;
    rest0 = y0->tce, rest1 = y1->tce;
  }
  if (rest0 != 0 || rest1 != 0) {
    segment *s = &sg[ns++];
    s->id = seg ? "other" : "site";
    s->zh = seg ? "其他（非产品）" : "全厂";
    s->en = seg ? "Other (not in a product)" : "Whole site";
    s->e0 = rest0, s->e1 = rest1;
    s->unit = "万元";
    s->y0 = q0, s->y1 = q1;
    calc_lmdi_segment(rest0, rest1, q0, q1, 1, 1, rest0 / q0, rest1 / q1,
                      s->fx);
  }
  double fx[3] = {0, 0, 0};
  for (size_t i = 0; i < ns; i++)
    for (int k = 0; k < 3; k++)
      fx[k] += sg[i].fx[k];
  value *o = val_obj(a);
  val_set_str(a, o, "from", y0->label);
  val_set_str(a, o, "to", y1->label);
  val_set_str(a, o, "method", "LMDI-I additive");
  val_set_bool(a, o, "by_product", seg);
  val_set_num(a, o, "energy0_tce", y0->tce);
  val_set_num(a, o, "energy1_tce", y1->tce);
  value *ch = val_set_num(a, o, "change_tce", y1->tce - y0->tce);
  trace *t = val_trace(a, ch, "E1 − E0", "LMDI-I (Ang 2004; Ang & Liu 2007)");
  trace_add(a, t, "E0", y0->tce, "tce", NULL);
  trace_label(a, t, arena_printf(a, "%s年综合能耗", y0->label),
              arena_printf(a, "Total energy %s", y0->label));
  trace_add(a, t, "E1", y1->tce, "tce", NULL);
  trace_label(a, t, arena_printf(a, "%s年综合能耗", y1->label),
              arena_printf(a, "Total energy %s", y1->label));
  set_effect(c, o, "activity_tce", fx[0], "Σ L(E1_i, E0_i) × ln(Q1 / Q0)", y0,
             y1, sg, ns, false);
  set_effect(c, o, "structure_tce", fx[1],
             "Σ L(E1_i, E0_i) × ln(s1_i / s0_i), s_i = Y_i / Q", y0, y1, sg,
             ns, true);
  set_effect(c, o, "intensity_tce", fx[2],
             "Σ L(E1_i, E0_i) × ln(I1_i / I0_i), I_i = E_i / Y_i", y0, y1, sg,
             ns, true);
  value *arr = val_set(a, o, "segments", val_arr(a));
  for (size_t i = 0; i < ns; i++) {
    value *s = val_obj(a);
    val_set_str(a, s, "id", sg[i].id);
    val_set_str(a, s, "name_zh", sg[i].zh);
    val_set_str(a, s, "name_en", sg[i].en);
    val_set_num(a, s, "energy0_tce", sg[i].e0);
    val_set_num(a, s, "energy1_tce", sg[i].e1);
    val_set_num(a, s, "activity_tce", sg[i].fx[0]);
    val_set_num(a, s, "structure_tce", sg[i].fx[1]);
    val_set_num(a, s, "intensity_tce", sg[i].fx[2]);
    val_push(a, arr, s);
  }
  return o;
}

/* }====================================================== */
/* {====================================================== results */

static double pct(double x0, double x1)
{
  return isfinite(x0) && isfinite(x1) && x0 > 0 ? (x1 - x0) / x0 * 100.0
                                                : NO_VALUE;
}

static value *emit_year(calc_ctx *c, const year_fig *yf)
{
  arena *a = c->a;
  const model *m = c->m;
  value *o = val_obj(a);
  char b0[16], b1[16];
  date_format(yf->from, b0);
  date_format(yf->to, b1);
  val_set_str(a, o, "label", yf->label);
  val_set_str(a, o, "from", arena_strdup(a, b0));
  val_set_str(a, o, "to", arena_strdup(a, b1));
  val_set_str(a, o, "source", yf->source);
  if (yf->file)
    val_set_str(a, o, "file", yf->file);
  else
    val_set_null(a, o, "file");
  value *v = val_set_num(a, o, "total_tce", yf->tce);
  if (yf->y && !yf->y->sub) {
    trace *t = val_trace(a, v, "Σ consumed × coefficient_kgce / 1000",
                         calc_std_clause(c, "GB/T 2589", " 4"));
    for (size_t k = 0; k < yf->y->n_consumption; k++) {
      const m_year_carrier *yc = &yf->y->consumption[k];
      carrier_fig *cf = calc_carrier(c, yc->carrier);
      const carrier_def *cd = factors_carrier(c->f, yc->carrier);
      const char *zh = cf ? calc_carrier_name(c, cf, true) : cd->name.zh;
      const char *en = cf ? calc_carrier_name(c, cf, false) : cd->name.en;
      trace_add(a, t, "consumed", yc->quantity,
                cf ? cf->unit : cd ? cd->unit : "", yc->text);
      trace_label(a, t, arena_printf(a, "%s消费量", zh),
                  arena_printf(a, "%s consumed", en));
      trace_add2(a, t, "coefficient_kgce",
                 cf ? cf->coefficient : cd->coef_kgce,
                 arena_printf(a, "kgce/%s", cf ? cf->unit : cd->unit),
                 cf ? "as in the audit year" : "rules/carriers.yaml",
                 cf ? "与审计年相同" : "rules/carriers.yaml");
      trace_label(a, t, arena_printf(a, "%s折标准煤系数", zh),
                  arena_printf(a, "%s conversion coefficient", en));
    }
  }
  val_set_numf(a, o, "total_equal_value_tce", yf->eq_tce);
  val_set_numf(a, o, "output_value_10k_cny", yf->value_cny / 1e4);
  v = val_set_numf(a, o, "intensity_tce_per_10k_cny",
                   yf->value_cny > 0 ? yf->tce / (yf->value_cny / 1e4) : NO_VALUE);
  if (v->kind == VAL_NUM) {
    trace *t = val_trace(a, v, "total_tce / output_value (万元)",
                         calc_std_clause(c, "GB/T 17166", " (能源消费指标)"));
    trace_add2(a, t, "total_tce", yf->tce, "tce", yf->label,
               arena_printf(a, "%s年", yf->label));
    trace_add2(a, t, "output_value", yf->value_cny / 1e4, "万元", yf->label,
               arena_printf(a, "%s年", yf->label));
  }
  val_set_numf(a, o, "total_tco2", yf->co2);
  if (isfinite(yf->co2))
    val_set_str(a, o, "tco2_basis", yf->co2_how);
  else
    val_set_null(a, o, "tco2_basis");
  val_set_numf(a, o, "tco2_per_10k_cny",
               yf->value_cny > 0 && isfinite(yf->co2)
                   ? yf->co2 / (yf->value_cny / 1e4)
                   : NO_VALUE);
  value *ps = val_set(a, o, "products", val_arr(a));
  for (size_t i = 0; i < m->n_products; i++) {
    const m_product *p = &m->products[i];
    value *po = val_obj(a);
    val_set_str(a, po, "id", p->id);
    val_set_str(a, po, "name_zh", p->name.zh);
    val_set_str(a, po, "name_en", p->name.en);
    val_set_str(a, po, "unit", p->unit ? p->unit : "");
    val_set_num(a, po, "quantity", yf->q[i]);
    val_set_numf(a, po, "unit_consumption_kgce",
                 yf->q[i] > 0 ? yf->uc[i] : NO_VALUE);
    val_push(a, ps, po);
  }
  return o;
}

static value *emit_change(calc_ctx *c, const year_fig *y0, const year_fig *y1)
{
  arena *a = c->a;
  value *o = val_obj(a);
  val_set_str(a, o, "from", y0->label);
  val_set_str(a, o, "to", y1->label);
  val_set_num(a, o, "total_tce_change", y1->tce - y0->tce);
  val_set_numf(a, o, "total_tce_change_pct", pct(y0->tce, y1->tce));
  double i0 = y0->value_cny > 0 ? y0->tce / y0->value_cny : NO_VALUE;
  double i1 = y1->value_cny > 0 ? y1->tce / y1->value_cny : NO_VALUE;
  val_set_numf(a, o, "intensity_change_pct", pct(i0, i1));
  val_set_numf(a, o, "tco2_change_pct", pct(y0->co2, y1->co2));
  double c0 = y0->value_cny > 0 ? y0->co2 / y0->value_cny : NO_VALUE;
  double c1 = y1->value_cny > 0 ? y1->co2 / y1->value_cny : NO_VALUE;
  val_set_numf(a, o, "tco2_intensity_change_pct", pct(c0, c1));
  value *ps = val_set(a, o, "products", val_arr(a));
  for (size_t i = 0; i < c->m->n_products; i++) {
    value *po = val_obj(a);
    val_set_str(a, po, "id", c->m->products[i].id);
    val_set_numf(a, po, "unit_consumption_change_pct",
                 y0->q[i] > 0 && y1->q[i] > 0 ? pct(y0->uc[i], y1->uc[i])
                                              : NO_VALUE);
    val_push(a, ps, po);
  }
  return o;
}

/* The saving target from the earliest year to the audit year: a saving
   in tce is met by (I0 − I1) × Q1, the saving at the audit year's output
   value (GB/T 13234 产值节能量); a reduction in % by (I0 − I1) / I0. */
static value *emit_target(calc_ctx *c, const year_fig *y0, const year_fig *y1)
{
  arena *a = c->a;
  const model *m = c->m;
  value *o = val_obj(a);
  val_set_str(a, o, "kind", m->target_is_ratio ? "intensity" : "tce");
  val_set_str(a, o, "text", m->target_text);
  val_set_str(a, o, "from", y0->label);
  val_set_str(a, o, "to", y1->label);
  if (m->target_is_ratio)
    val_set_num(a, o, "target_pct", m->target * 100.0);
  else
    val_set_num(a, o, "target_tce", m->target);
  if (!(y0->value_cny > 0) || !(y1->value_cny > 0)) {
    val_set_null(a, o, "achieved");
    val_set_null(a, o, "completed_pct");
    val_set_null(a, o, "met");
    calc_note(c, "history.target.completed_pct",
              "基年或审计年没有工业总产值，无法计算节能目标完成率。",
              "No output value in the first year or the audit year: the "
              "completion of the saving target is not computed.");
    return o;
  }
  double i0 = y0->tce / (y0->value_cny / 1e4);
  double i1 = y1->tce / (y1->value_cny / 1e4);
  double q1 = y1->value_cny / 1e4;
  value *v;
  trace *t;
  double achieved, done;
  if (m->target_is_ratio) {
    achieved = (i0 - i1) / i0 * 100.0;
    v = val_set_num(a, o, "achieved", achieved);
    t = val_trace(a, v, "(I0 − I1) / I0 × 100",
                  "GB/T 13234 (产值节能量; sign: positive = saved)");
    done = achieved / (m->target * 100.0) * 100.0;
  } else {
    achieved = (i0 - i1) * q1;
    v = val_set_num(a, o, "achieved", achieved);
    t = val_trace(a, v, "(I0 − I1) × Q1",
                  "GB/T 13234 (产值节能量; sign: positive = saved)");
    done = achieved / m->target * 100.0;
  }
  trace_add(a, t, "I0", i0, "tce/万元", NULL);
  trace_label(a, t, arena_printf(a, "%s年万元产值综合能耗", y0->label),
              arena_printf(a, "Energy per 10⁴ CNY of output value %s",
                           y0->label));
  trace_add(a, t, "I1", i1, "tce/万元", NULL);
  trace_label(a, t, arena_printf(a, "%s年万元产值综合能耗", y1->label),
              arena_printf(a, "Energy per 10⁴ CNY of output value %s",
                           y1->label));
  if (!m->target_is_ratio) {
    trace_add(a, t, "Q1", q1, "万元", NULL);
    trace_label(a, t, arena_printf(a, "%s年工业总产值", y1->label),
                arena_printf(a, "Gross output value %s", y1->label));
  }
  val_set_str(a, o, "achieved_unit", m->target_is_ratio ? "%" : "tce");
  v = val_set_num(a, o, "completed_pct", done);
  t = val_trace(a, v, "achieved / target × 100", "project term (目标完成)");
  trace_add_ref(a, t, "achieved", achieved, m->target_is_ratio ? "%" : "tce",
                "history.target.achieved");
  trace_add(a, t, "target", m->target_is_ratio ? m->target * 100.0 : m->target,
            m->target_is_ratio ? "%" : "tce", "saving_target:");
  val_set_bool(a, o, "met", done >= 100.0);
  return o;
}

void calc_history(calc_ctx *c)
{
  const model *m = c->m;
  arena *a = c->a;
  if (m->n_history == 0) {
    val_set_null(a, c->root, "history");
    return;
  }
  size_t n = m->n_history + 1, np = m->n_products;
  year_fig *ys = ARENA_ARRAY(a, year_fig, n);
  for (size_t i = 0; i < n; i++) {
    year_fig *yf = &ys[i];
    memset(yf, 0, sizeof *yf);
    yf->q = ARENA_ARRAY(a, double, np + 1);
    yf->e = ARENA_ARRAY(a, double, np + 1);
    yf->uc = ARENA_ARRAY(a, double, np + 1);
    for (size_t k = 0; k < np; k++)
      yf->q[k] = 0, yf->e[k] = 0, yf->uc[k] = NO_VALUE;
    const m_year *y = i < m->n_history ? &m->history[i] : NULL;
    yf->y = y;
    yf->from = y ? y->from : m->from;
    yf->to = y ? y->to : m->to;
    yf->label = year_label(a, yf->from, yf->to);
    if (!y) {
      yf->source = "audit";
      from_results(c, yf, m, c->root);
    } else if (y->sub) {
      yf->source = "file";
      yf->file = y->file;
      const char *stem = strrchr(y->sub->file, '/');
      value *r = calc_run_at(a, c->dl, y->sub, c->f,
                             stem ? stem + 1 : y->sub->file, c->as_of);
      if (!r)
        return; /* its errors are in dl */
      from_results(c, yf, y->sub, r);
    } else {
      yf->source = "inline";
      from_inline(c, yf, y);
    }
  }
  value *h = val_set(a, c->root, "history", val_obj(a));
  value *arr = val_set(a, h, "years", val_arr(a));
  for (size_t i = 0; i < n; i++)
    val_push(a, arr, emit_year(c, &ys[i]));
  /* one row per product and year, for the report's table */
  arr = val_set(a, h, "product_years", val_arr(a));
  for (size_t k = 0; k < np; k++)
    for (size_t i = 0; i < n; i++) {
      const m_product *p = &m->products[k];
      value *o = val_obj(a);
      val_set_str(a, o, "id", p->id);
      val_set_str(a, o, "name_zh", p->name.zh);
      val_set_str(a, o, "name_en", p->name.en);
      val_set_str(a, o, "label", ys[i].label);
      val_set_str(a, o, "unit", p->unit ? p->unit : "");
      val_set_num(a, o, "quantity", ys[i].q[k]);
      double u1 = ys[i].q[k] > 0 ? ys[i].uc[k] : NO_VALUE;
      val_set_numf(a, o, "unit_consumption_kgce", u1);
      double u0 = i > 0 && ys[i - 1].q[k] > 0 ? ys[i - 1].uc[k] : NO_VALUE;
      val_set_numf(a, o, "change_pct", pct(u0, u1));
      val_push(a, arr, o);
    }
  arr = val_set(a, h, "changes", val_arr(a));
  for (size_t i = 1; i < n; i++)
    val_push(a, arr, emit_change(c, &ys[i - 1], &ys[i]));
  value *l = val_set(a, h, "lmdi", val_obj(a));
  val_set(a, l, "previous", lmdi(c, &ys[n - 2], &ys[n - 1],
                                 "history.lmdi.previous"));
  /* base → audit: where the base period is one of the years */
  const year_fig *base = NULL;
  if (m->baseline.present)
    for (size_t i = 0; i < n - 1; i++)
      if (date_days(ys[i].from) == date_days(m->baseline.from) &&
          date_days(ys[i].to) == date_days(m->baseline.to))
        base = &ys[i];
  if (base)
    val_set(a, l, "base", lmdi(c, base, &ys[n - 1], "history.lmdi.base"));
  else
    val_set_null(a, l, "base");
  if (m->baseline.present && !base)
    calc_note(c, "history.lmdi.base",
              "基期不是往年数据中的某一年，未作基期至审计年的因素分解。",
              "The base period is not one of the earlier years: the change "
              "from the base period is not decomposed.");
  if (m->has_target)
    val_set(a, h, "target", emit_target(c, &ys[0], &ys[n - 1]));
  else
    val_set_null(a, h, "target");
}

/* }====================================================== */
