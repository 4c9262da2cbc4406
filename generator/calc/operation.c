/* operation.c — equipment as measured and as listed: the field-test values
 * of an item (load factor, operating efficiency) against the operating
 * standard of its kind (经济运行: GB/T 12497 motors, GB/T 13462
 * transformers, GB/T 13466/13469 fans and pumps), and the item's series or
 * model against the obsolete-equipment catalogues (淘汰目录).
 *
 * Input: the model's equipment items, their kinds' `operation:` blocks and
 * the `catalogues:` of rules/equipment.yaml. Output: equipment[].operation
 * and equipment[].catalogue. Invariants: a measured shortfall never sets
 * meets_limit (that is the rated value against the product standard); a
 * catalogue match is "listed" only when every condition of the entry was
 * stated by the item and fits, otherwise "possible". */
#include "internal.h"

#include "../base/fmt.h"

#include <math.h>
#include <string.h>

#define EPS 1e-9

/* {====================================================== helpers */

/* x as a percent with one decimal: "39.2 %". */
static const char *pct(arena *a, double x)
{
  char buf[64];
  return arena_printf(a, "%s %%", fmt_num(x * 100.0, 1, true, buf, sizeof buf));
}

static void set_zone(arena *a, value *op, const char *zone, const char *zh,
                     const char *en)
{
  val_set_str(a, op, "zone", zone);
  val_set_str(a, op, "zone_zh", zh);
  val_set_str(a, op, "zone_en", en);
}

static void set_cause(arena *a, value *op, const char *cause, const char *zh,
                      const char *en)
{
  val_set_str(a, op, "cause", cause);
  val_set_str(a, op, "cause_zh", zh);
  val_set_str(a, op, "cause_en", en);
}

/* Not assessed: meets null and the reason (a clause, no full stop). */
static void not_assessed(calc_ctx *c, value *op, const char *path,
                         const char *zh, const char *en)
{
  arena *a = c->a;
  val_set_null(a, op, "meets");
  set_zone(a, op, "not_assessed", "未评价", "Not assessed");
  val_set_str(a, op, "not_assessed_zh", zh);
  val_set_str(a, op, "not_assessed_en", en);
  calc_note(c, arena_printf(a, "%s.operation.meets", path),
            arena_printf(a, "未按运行标准评价：%s。", zh),
            arena_printf(a, "Not assessed against the operating standard: "
                            "%s.",
                         en));
}

/* }====================================================== */
/* {====================================================== load factor */

/* β of a motor (P2 / PN) or a transformer (S / SN), or as measured; NAN
   (with *why set) when the item gives neither. */
static double load_factor(calc_ctx *c, const eq_operation *k,
                          const m_equipment *e, value *op, const char **why_zh,
                          const char **why_en)
{
  arena *a = c->a;
  bool motor = k->method == EQ_OP_MOTOR;
  const qty *q = motor ? &e->output_power : &e->load;
  const char *u = motor ? "kW" : "kVA";
  if (isfinite(e->load_factor)) {
    value *v = val_set_num(a, op, "load_factor", e->load_factor);
    val_set_str(a, op, "load_factor_from", "measured");
    trace *t = val_trace(a, v, "measured load factor", k->standard);
    trace_add(a, t, "β", e->load_factor * 100.0, "%", NULL);
    return e->load_factor;
  }
  if (q->set && e->capacity.set) {
    double b = q->v / e->capacity.v;
    value *v = val_set_num(a, op, "load_factor", b);
    val_set_str(a, op, "load_factor_from", motor ? "output_power" : "load");
    trace *t = val_trace(a, v, motor ? "P2 / PN" : "S / SN", k->standard);
    trace_add(a, t, motor ? "P2" : "S", units_to(q->v, u), u, NULL);
    trace_add(a, t, motor ? "PN" : "SN", units_to(e->capacity.v, u), u, NULL);
    return b;
  }
  if (!motor && e->meter >= 0 && e->capacity.set) {
    const m_meter *mt = &c->m->meters[e->meter];
    if (!isfinite(e->power_factor)) {
      *why_zh = arena_printf(a, "由计量器具%s的电量计算平均负载系数需给出平均"
                                "功率因数（measured.power_factor）",
                             mt->id);
      *why_en = arena_printf(a, "the mean load factor from the electricity of "
                                "meter %s needs the average power factor "
                                "(measured.power_factor)",
                             mt->id);
      return NAN;
    }
    if (!mt->installed) {
      *why_zh = arena_printf(a, "计量器具%s未安装，没有计量电量", mt->id);
      *why_en = arena_printf(a, "meter %s is not installed and measured no "
                                "electricity",
                             mt->id);
      return NAN;
    }
    /* GB/T 13462: mean load factor over the period from the active energy,
       β = E / (SN · cos φ · T), T the hours of the audit period */
    double kwh = mt->quantity; /* electricity's carrier unit is kWh */
    double hours =
        (double)(date_days(c->m->to) - date_days(c->m->from) + 1) * 24.0;
    double sn = units_to(e->capacity.v, "kVA");
    double b = kwh / (sn * e->power_factor * hours);
    value *v = val_set_num(a, op, "load_factor", b);
    val_set_str(a, op, "load_factor_from", "meter");
    val_set_str(a, op, "meter", mt->id);
    trace *t = val_trace(a, v, "E / (SN × cos φ × T)", k->standard);
    trace_add2(a, t, "E", kwh, "kWh", arena_printf(a, "meter %s", mt->id),
               arena_printf(a, "计量器具%s", mt->id));
    trace_add(a, t, "SN", sn, "kVA", NULL);
    trace_add(a, t, "cos φ", e->power_factor, "", NULL);
    trace_add2(a, t, "T", hours, "h", "hours of the audit period",
               "审计期小时数");
    return b;
  }
  *why_zh = motor ? "未给出实测负载率或输出功率（及额定功率）"
                  : "未给出实测负载系数、负载或通过其电量的计量器具（及额定"
                    "容量）";
  *why_en = motor ? "no measured load factor or output power (and rated "
                    "power) is given"
                  : "no measured load factor, load or meter of the "
                    "electricity through it (and rated capacity) is given";
  return NAN;
}

static void overload(arena *a, value *op, const char *bs, bool motor)
{
  set_zone(a, op, "overload", "过载运行", "Overloaded");
  val_set_bool(a, op, "meets", false);
  set_cause(a, op, "overload", motor ? "负载超过额定功率" : "负载超过额定容量",
            motor ? "the load exceeds the rated power"
                  : "the load exceeds the rated capacity");
  val_set_str(a, op, "shortfall_zh",
              arena_printf(a, "%s%s，超过100 %%", motor ? "负载率" : "负载系数",
                           bs));
  val_set_str(a, op, "shortfall_en",
              arena_printf(a, "load factor %s, above 100 %%", bs));
}

/* GB/T 12497: economic from k->economic up to 100 %, allowable from
   k->allowable, non-economic below; above 100 % the motor is overloaded. */
static void motor_zone(calc_ctx *c, const eq_operation *k, double b,
                       value *op)
{
  arena *a = c->a;
  val_set_num(a, op, "economic_from", k->economic);
  val_set_num(a, op, "allowable_from", k->allowable);
  const char *ec = pct(a, k->economic), *al = pct(a, k->allowable);
  val_set_str(a, op, "criterion_zh",
              arena_printf(a, "经济运行区 %s～100 %%；允许运行区 %s～%s；"
                              "非经济运行区 < %s",
                           ec, al, ec, al));
  val_set_str(a, op, "criterion_en",
              arena_printf(a, "economic %s to 100 %%; allowable %s to %s; "
                              "non-economic below %s",
                           ec, al, ec, al));
  const char *bs = pct(a, b);
  if (b > 1.0 + EPS) {
    overload(a, op, bs, true);
  } else if (b >= k->economic - EPS) {
    set_zone(a, op, "economic", "经济运行区", "Economic");
    val_set_bool(a, op, "meets", true);
  } else if (b >= k->allowable - EPS) {
    set_zone(a, op, "allowable", "允许运行区", "Allowable");
    val_set_bool(a, op, "meets", true);
  } else {
    set_zone(a, op, "non_economic", "非经济运行区", "Non-economic");
    val_set_bool(a, op, "meets", false);
    set_cause(a, op, "low_load", "负载率低，电动机容量偏大（“大马拉小车”）",
              "low load factor: the motor is oversized for its load");
    val_set_str(a, op, "shortfall_zh",
                arena_printf(a, "负载率%s，低于允许运行区下限%s，处于非经济运行区",
                             bs, al));
    val_set_str(a, op, "shortfall_en",
                arena_printf(a, "load factor %s is below the allowable "
                                "zone's %s: non-economic operation",
                             bs, al));
  }
}

/* GB/T 13462: β_JZ = √(P0 / Pk); economic from β_JZ² to 100 %, best from
   best_factor·β_JZ² to best_high; below β_JZ² non-economic (light load);
   above 100 % overloaded. */
static void transformer_zone(calc_ctx *c, const eq_operation *k,
                             const m_equipment *e, const char *path,
                             double b, value *op)
{
  arena *a = c->a;
  double p0 = units_to(e->no_load_loss.v, "kW");
  double pk = units_to(e->load_loss.v, "kW");
  double bj = sqrt(p0 / pk);
  const char *bj_path =
      arena_printf(a, "%s.operation.economic_load_factor", path);
  value *v = val_set_num(a, op, "economic_load_factor", bj);
  trace *t = val_trace(a, v, "√(P0 / Pk)", k->standard);
  trace_add(a, t, "P0", p0, "kW", NULL);
  trace_add(a, t, "Pk", pk, "kW", NULL);
  double lo = bj * bj, best_lo = k->best_factor * bj * bj;
  v = val_set_num(a, op, "economic_from", lo);
  t = val_trace(a, v, "β_JZ²", k->standard);
  trace_add_ref(a, t, "β_JZ", bj, "", bj_path);
  v = val_set_num(a, op, "best_from", best_lo);
  t = val_trace(a, v, "best_factor × β_JZ²", k->standard);
  trace_add(a, t, "best_factor", k->best_factor, "", NULL);
  trace_add_ref(a, t, "β_JZ", bj, "", bj_path);
  val_set_num(a, op, "best_to", k->best_high);
  const char *bjs = pct(a, bj), *los = pct(a, lo), *bls = pct(a, best_lo),
             *bhs = pct(a, k->best_high), *bs = pct(a, b);
  val_set_str(a, op, "criterion_zh",
              arena_printf(a, "经济负载系数β_JZ = %s；经济运行区 %s～100 %%；"
                              "最佳经济运行区 %s～%s",
                           bjs, los, bls, bhs));
  val_set_str(a, op, "criterion_en",
              arena_printf(a, "economic load factor β_JZ = %s; economic "
                              "zone %s to 100 %%; best zone %s to %s",
                           bjs, los, bls, bhs));
  if (b > 1.0 + EPS) {
    overload(a, op, bs, false);
  } else if (b < lo - EPS) {
    set_zone(a, op, "non_economic", "非经济运行区", "Non-economic");
    val_set_bool(a, op, "meets", false);
    set_cause(a, op, "light_load",
              "轻载运行，空载损耗所占比重大（可考虑调整运行方式或容量）",
              "light load: the no-load loss dominates (consider changing "
              "the operating mode or the capacity)");
    val_set_str(a, op, "shortfall_zh",
                arena_printf(a, "负载系数%s，低于经济运行区下限β_JZ² = %s，"
                                "处于非经济运行区",
                             bs, los));
    val_set_str(a, op, "shortfall_en",
                arena_printf(a, "load factor %s is below the economic "
                                "zone's β_JZ² = %s: non-economic operation",
                             bs, los));
  } else if (b >= best_lo - EPS && b <= k->best_high + EPS) {
    set_zone(a, op, "best", "最佳经济运行区", "Best economic");
    val_set_bool(a, op, "meets", true);
  } else {
    set_zone(a, op, "economic", "经济运行区", "Economic");
    val_set_bool(a, op, "meets", true);
  }
}

/* }====================================================== */
/* {====================================================== efficiency ratio */

/* Fans and pumps: the operating efficiency against the rated one. The
   cause of a shortfall: throttling when the flow is controlled by a valve,
   damper, bypass or inlet vanes; an operating point away from the best-
   efficiency point when the operating flow is known and off by more than
   20 %; otherwise not determined. */
static void ratio_zone(calc_ctx *c, const eq_operation *k,
                       const m_equipment *e, const char *path, value *op)
{
  arena *a = c->a;
  if (!isfinite(e->efficiency) || !isfinite(e->rated_efficiency)) {
    bool nm = !isfinite(e->efficiency);
    not_assessed(c, op, path,
                 nm ? "未给出实测运行效率" : "未给出额定效率（铭牌值）",
                 nm ? "no measured operating efficiency is given"
                    : "no rated (nameplate) efficiency is given");
    return;
  }
  double r = e->efficiency / e->rated_efficiency;
  value *v = val_set_num(a, op, "efficiency_ratio", r);
  trace *t = val_trace(a, v, "η_op / η_rated", k->standard);
  trace_add(a, t, "η_op", e->efficiency * 100.0, "%", NULL);
  trace_add(a, t, "η_rated", e->rated_efficiency * 100.0, "%", NULL);
  val_set_num(a, op, "min_ratio", k->min_ratio);
  val_set_str(a, op, "reading",
              arena_printf(a, "%s / %s = %s", pct(a, e->efficiency),
                           pct(a, e->rated_efficiency), pct(a, r)));
  const char *ms = pct(a, k->min_ratio), *rs = pct(a, r);
  val_set_str(a, op, "criterion_zh",
              arena_printf(a, "运行效率不低于额定效率的%s", ms));
  val_set_str(a, op, "criterion_en",
              arena_printf(a, "operating efficiency at least %s of the "
                              "rated efficiency",
                           ms));
  if (r >= k->min_ratio - EPS) {
    set_zone(a, op, "economic", "经济运行", "Economic");
    val_set_bool(a, op, "meets", true);
    return;
  }
  set_zone(a, op, "non_economic", "非经济运行", "Non-economic");
  val_set_bool(a, op, "meets", false);
  val_set_str(a, op, "shortfall_zh",
              arena_printf(a, "运行效率%s仅为额定效率%s的%s，低于%s",
                           pct(a, e->efficiency), pct(a, e->rated_efficiency),
                           rs, ms));
  val_set_str(a, op, "shortfall_en",
              arena_printf(a, "operating efficiency %s is only %s of the "
                              "rated %s, below %s",
                           pct(a, e->efficiency), rs,
                           pct(a, e->rated_efficiency), ms));
  static const char *const keys[] = {"throttle", "damper", "bypass",
                                     "inlet_vanes", NULL};
  static const char *const zh[] = {"阀门节流", "挡板节流", "旁路回流",
                                   "入口导叶"};
  static const char *const en[] = {"a throttle valve", "a damper",
                                   "a bypass", "inlet vanes"};
  for (size_t i = 0; e->control && keys[i]; i++)
    if (strcmp(keys[i], e->control) == 0) {
      set_cause(a, op, "throttling",
                arena_printf(a, "采用%s调节流量，节流损失大（宜改为调速调节）",
                             zh[i]),
                arena_printf(a, "the flow is controlled by %s: throttling "
                                "losses (speed control would avoid them)",
                             en[i]));
      return;
    }
  if (e->op_flow.set && e->flow.set) {
    double q = e->op_flow.v / e->flow.v;
    value *qv = val_set_num(a, op, "flow_ratio", q);
    trace *tq = val_trace(a, qv, "Q_op / Q_rated", k->standard);
    trace_add(a, tq, "Q_op", e->op_flow.v, "m3/h", NULL);
    trace_add(a, tq, "Q_rated", e->flow.v, "m3/h", NULL);
    if (fabs(q - 1.0) > 0.2) {
      set_cause(a, op, "off_design",
                arena_printf(a, "运行点偏离最高效率点（运行流量为额定流量的%s）",
                             pct(a, q)),
                arena_printf(a, "the operating point is away from the best-"
                                "efficiency point (operating flow %s of the "
                                "rated flow)",
                             pct(a, q)));
      return;
    }
  }
  set_cause(a, op, "not_determined",
            "原因未确定，应检查叶轮磨损、密封泄漏及与管网的匹配",
            "cause not determined: check impeller wear, seal leakage and "
            "the match with the system");
}

/* }====================================================== */

void calc_equipment_operation(calc_ctx *c, const eq_kind *k,
                              const m_equipment *e, const char *path,
                              value *o)
{
  arena *a = c->a;
  const eq_operation *p = &k->op;
  if (p->method == EQ_OP_NONE)
    return;
  value *op = val_set(a, o, "operation", val_obj(a));
  static const char *const methods[] = {"", "motor_load_factor",
                                        "transformer_load_factor",
                                        "efficiency_ratio"};
  val_set_str(a, op, "method", methods[p->method]);
  val_set_str(a, op, "standard", p->standard);
  val_set_str(a, op, "title_zh", p->title.zh);
  val_set_str(a, op, "title_en", p->title.en);
  bool ratio = p->method == EQ_OP_RATIO;
  val_set_str(a, op, "indicator", ratio ? "efficiency_ratio" : "load_factor");
  val_set_str(a, op, "indicator_zh",
              ratio ? "运行效率与额定效率之比" : "负载率");
  val_set_str(a, op, "indicator_en",
              ratio ? "operating to rated efficiency" : "load factor");
  val_set_bool(a, op, "verified", p->verified);
  calc_set_cite(a, op, "", &p->citation, NULL);
  if (ratio) {
    ratio_zone(c, p, e, path, op);
    return;
  }
  const char *wz = NULL, *we = NULL;
  double b = load_factor(c, p, e, op, &wz, &we);
  if (!isfinite(b)) {
    not_assessed(c, op, path, wz, we);
    return;
  }
  /* a load factor from a meter's electricity names the meter */
  const value *from = val_get(op, "meter");
  val_set_str(a, op, "reading",
              from ? arena_printf(a, "β = %s (%s)", pct(a, b), from->str)
                   : arena_printf(a, "β = %s", pct(a, b)));
  if (p->method == EQ_OP_MOTOR) {
    motor_zone(c, p, b, op);
    return;
  }
  if (!e->no_load_loss.set || !e->load_loss.set) {
    not_assessed(c, op, path,
                 "未给出额定空载损耗和负载损耗（铭牌值），无法计算经济负载系数",
                 "no rated no-load and load losses (nameplate) are given, so "
                 "the economic load factor cannot be computed");
    return;
  }
  transformer_zone(c, p, e, path, b, op);
}

/* {====================================================== catalogues */

/* A model or series as compared: ASCII letters folded to upper case,
   spaces dropped, full-width and long dashes read as '-'. */
static const char *norm(arena *a, const char *s)
{
  size_t n = strlen(s);
  char *out = arena_alloc(a, n + 1);
  size_t j = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char ch = (unsigned char)s[i];
    unsigned char c1 = i + 1 < n ? (unsigned char)s[i + 1] : 0;
    unsigned char c2 = i + 2 < n ? (unsigned char)s[i + 2] : 0;
    /* U+FF0D － (EF BC 8D), U+2014 — (E2 80 94), U+2013 – (E2 80 93) */
    if ((ch == 0xEF && c1 == 0xBC && c2 == 0x8D) ||
        (ch == 0xE2 && c1 == 0x80 && (c2 == 0x94 || c2 == 0x93))) {
      out[j++] = '-';
      i += 2;
    } else if (ch != ' ') {
      out[j++] = (char)(ch >= 'a' && ch <= 'z' ? ch - 'a' + 'A' : ch);
    }
  }
  out[j] = '\0';
  return out;
}

static bool named(arena *a, const char *const *l, size_t n, const char *s)
{
  if (!s)
    return false;
  const char *ns = norm(a, s);
  for (size_t i = 0; i < n; i++)
    if (strcmp(norm(a, l[i]), ns) == 0)
      return true;
  return false;
}

static bool listed_in(const char *const *l, size_t n, const char *s)
{
  for (size_t i = 0; s && i < n; i++)
    if (strcmp(l[i], s) == 0)
      return true;
  return false;
}

/* Appends what to a list of missing conditions in both languages. */
static void missing(arena *a, const char **z, const char **e, const char *wz,
                    const char *we)
{
  *z = **z ? arena_printf(a, "%s、%s", *z, wz) : wz;
  *e = **e ? arena_printf(a, "%s, %s", *e, we) : we;
}

/* Whether entry x lists item e: 1 listed, 2 possible (conditions the item
   does not state: *mz, *me name them), 0 not. */
static int entry_match(arena *a, const eq_cat_entry *x, const m_equipment *e,
                       const char **mz, const char **me)
{
  if (!listed_in(x->kinds, x->n_kinds, e->kind))
    return 0;
  if ((x->n_series || x->n_models) &&
      !named(a, x->series, x->n_series, e->series) &&
      !named(a, x->models, x->n_models, e->model_no))
    return 0;
  const char *z = "", *en = "";
  if (x->n_fuels) {
    if (!e->fuel)
      missing(a, &z, &en, "燃料", "fuel");
    else if (!listed_in(x->fuels, x->n_fuels, e->fuel))
      return 0;
  }
  if (x->n_types) {
    if (!e->type)
      missing(a, &z, &en, "类型", "type");
    else if (!listed_in(x->types, x->n_types, e->type))
      return 0;
  }
  if (x->has_capacity) {
    if (!e->capacity.set || !dim_eq(e->capacity.dim, x->cap_dim))
      missing(a, &z, &en, arena_printf(a, "以%s的单位计的容量", x->cap_text),
              arena_printf(a, "capacity in the unit of %s", x->cap_text));
    else if (!(e->capacity.v > x->cap_min * (1 + EPS) &&
               e->capacity.v <= x->cap_max * (1 + EPS)))
      return 0;
  }
  if (!*z)
    return 1;
  *mz = z;
  *me = en;
  return 2;
}

void calc_equipment_catalogue(calc_ctx *c, const m_equipment *e, value *o)
{
  arena *a = c->a;
  if (!c->f->n_catalogues)
    return;
  value *cat = val_set(a, o, "catalogue", val_obj(a));
  value *ms = val_arr(a), *maybe = val_arr(a); /* listed first */
  int best = 0;
  long end = date_days(c->m->to);
  for (size_t i = 0; i < c->f->n_catalogues; i++) {
    const eq_catalogue *k = &c->f->catalogues[i];
    if (date_days(k->in_force) > end)
      continue; /* issued after the period: not applied to it */
    for (size_t j = 0; j < k->n_entries; j++) {
      const eq_cat_entry *x = &k->entries[j];
      const char *mz = NULL, *me = NULL;
      int m = entry_match(a, x, e, &mz, &me);
      if (!m)
        continue;
      value *r = val_obj(a);
      val_push(a, m == 1 ? ms : maybe, r);
      val_set_str(a, r, "catalogue", k->key);
      val_set_str(a, r, "name_zh", k->name.zh);
      val_set_str(a, r, "name_en", k->name.en);
      if (x->item)
        val_set_str(a, r, "item", x->item);
      val_set_str(a, r, "product_zh", x->product.zh);
      val_set_str(a, r, "product_en", x->product.en);
      /* how a report names the entry: "第1-8项：…" or the product alone */
      val_set_str(a, r, "entry_zh",
                  x->item ? arena_printf(a, "第%s项：%s", x->item,
                                         x->product.zh)
                          : x->product.zh);
      val_set_str(a, r, "entry_en",
                  x->item ? arena_printf(a, "item %s: %s", x->item,
                                         x->product.en)
                          : x->product.en);
      val_set_str(a, r, "reason_zh", x->reason.zh ? x->reason.zh : "");
      val_set_str(a, r, "reason_en", x->reason.en ? x->reason.en : "");
      val_set_bool(a, r, "possible", m == 2);
      if (m == 2) {
        val_set_str(a, r, "missing_zh", mz);
        val_set_str(a, r, "missing_en", me);
      }
      val_set_bool(a, r, "verified", k->verified);
      calc_set_cite(a, r, "", &k->citation, NULL);
      if (m == 1)
        best = 1;
      else if (!best)
        best = 2;
    }
  }
  for (size_t i = 0; i < maybe->n; i++)
    val_push(a, ms, maybe->items[i]);
  val_set(a, cat, "matches", ms);
  static const char *const st[][3] = {
      {"not_checked", "未给出型号，未核对", "No model given, not checked"},
      {"listed", "列入淘汰目录", "Listed as obsolete"},
      {"possible", "可能列入，待核对", "Possibly listed, to check"},
      {"not_listed", "未列入", "Not listed"}};
  int s = best ? best : (e->model_no || e->series) ? 3 : 0;
  val_set_str(a, cat, "status", st[s][0]);
  val_set_str(a, cat, "status_zh", st[s][1]);
  val_set_str(a, cat, "status_en", st[s][2]);
}

/* }====================================================== */
