/* process.c — process emissions by the guidelines' formulas: the generic
 * forms of rules/process.yaml `formula:` (oxide, carbonate, carbon).
 *
 * Input: one process_emissions[] entry whose rule has a formula, the
 * rule, and its row of carbon.scope1.process[]. Output: the row's tco2
 * with its trace, the factor per unit of activity it implies and the
 * inputs used (the plant's value first, the guideline's default
 * otherwise), each with its citation. Definitions: docs/calculation.md
 * "Process emissions by formula". The loader has checked the inputs
 * (present or defaulted, shares within 0–100 %, non-carbonate ≤ oxide). */
#include "internal.h"

#include <math.h>
#include <string.h>

#include "../base/fmt.h"

#define CO2_PER_C (44.0 / 12.0)
#define CO2_PER_CAO (44.0 / 56.0)   /* CaCO3 → CaO + CO2, molar masses */
#define CO2_PER_MGO (44.0 / 40.30)  /* MgCO3 → MgO + CO2 */

/* The value of input p in use and where it comes from. */
typedef struct used {
  double v;
  bool own;      /* the plant's value */
  bool set;      /* given or defaulted; else 0 */
} used;

static used input(const m_process *p, const process_rule *r, proc_param k)
{
  used u = {0, false, false};
  if (p->params[k].has)
    u = (used){p->params[k].v, true, true};
  else if (r->defaults[k].has)
    u = (used){r->defaults[k].v, false, true};
  return u;
}

/* Adds input k to the trace and to the row's inputs[]. */
static void add_input(calc_ctx *c, trace *t, value *list, const m_process *p,
                      const process_rule *r, proc_param k, const char *unit)
{
  arena *a = c->a;
  used u = input(p, r, k);
  const char *key = factors_proc_param_key(k);
  text2 nm = factors_proc_param_name(k);
  const proc_default *d = &r->defaults[k];
  const char *own_en = p->has_source ? p->source.en : "enterprise";
  const char *own_zh = p->has_source ? p->source.zh : "企业提供";
  if (u.own)
    trace_add2(a, t, key, u.v, unit, own_en, own_zh);
  else if (u.set)
    trace_add2(a, t, key, u.v, unit, d->citation.en, d->citation.zh);
  else
    trace_add2(a, t, key, 0, unit, "not given: 0", "未提供：按0计");
  trace_label(a, t, nm.zh, nm.en);
  value *o = val_obj(a);
  val_push(a, list, o);
  val_set_str(a, o, "key", key);
  val_set_str(a, o, "name_zh", nm.zh);
  val_set_str(a, o, "name_en", nm.en);
  val_set_num(a, o, "value", u.v);
  val_set_str(a, o, "text", u.own ? p->params[k].text
                            : u.set ? d->text
                                    : "0");
  val_set_str(a, o, "basis", u.own ? "plant" : u.set ? "default" : "absent");
  if (u.own) {
    text2 cite = {.en = own_en, .zh = own_zh};
    calc_set_cite(a, o, "", &cite, NULL);
    val_set_bool(a, o, "verified", false);
  } else if (u.set) {
    calc_set_cite(a, o, "", &d->citation, NULL);
    val_set_str(a, o, "source", d->source.en);
    val_set_str(a, o, "source_zh", d->source.zh ? d->source.zh : d->source.en);
    val_set_bool(a, o, "verified", d->verified);
    if (!d->verified)
      calc_note(c, arena_printf(a, "carbon.scope1.process[%s].tco2", p->id),
                arena_printf(a, "%s采用规则缺省值%s，该值未经公开来源核实。",
                             nm.zh, d->text),
                arena_printf(a, "The %s is the rules' default %s, not verified "
                                "against its publication.",
                             nm.en, d->text));
  }
}

/* The carbon content of a carbon balance's feedstock row that names a
   carrier and gives no carbon_content of its own: the carrier's NCV × CC
   (tC per unit), traced and listed with the carbon defaults' citation. */
static double feed_carbon(calc_ctx *c, trace *t, value *list,
                          const proc_feed *f, const char *unit)
{
  arena *a = c->a;
  const char *en =
      f->own ? arena_printf(a, "%s: the enterprise's NCV × carbon per unit "
                               "heat",
                            f->name.en)
             : arena_printf(a, "%s: NCV × carbon per unit heat, %s", f->name.en,
                            f->citation.en);
  const char *zh =
      f->own ? arena_printf(a, "%s：企业实测低位发热量×单位热值含碳量",
                            f->name.zh)
             : arena_printf(a, "%s：低位发热量×单位热值含碳量，%s", f->name.zh,
                            f->citation.zh ? f->citation.zh : f->citation.en);
  trace_add2(a, t, "carbon_content", f->tc_per_unit, unit, en, zh);
  text2 nm = factors_proc_param_name(PP_CARBON_CONTENT);
  trace_label(a, t, nm.zh, nm.en);
  value *o = val_obj(a);
  val_push(a, list, o);
  val_set_str(a, o, "key", "carbon_content");
  val_set_str(a, o, "name_zh", nm.zh);
  val_set_str(a, o, "name_en", nm.en);
  val_set_num(a, o, "value", f->tc_per_unit);
  /* a gas per 10⁴ m3, as the guideline's tables write it */
  char num[64];
  val_set_str(a, o, "text",
              unit ? arena_printf(a, "%s tC/万m3",
                                  fmt_num(f->tc_per_unit * 1e4, 6, true, num,
                                          sizeof num))
                   : arena_printf(a, "%s tC/t",
                                  fmt_num(f->tc_per_unit, 6, true, num,
                                          sizeof num)));
  /* the enterprise's own NCV and carbon per unit heat, or the rules' */
  val_set_str(a, o, "basis", f->own ? "carrier_plant" : "carrier");
  text2 cite = {.en = en, .zh = zh};
  calc_set_cite(a, o, "", &cite, NULL);
  val_set_bool(a, o, "verified", f->own ? false : f->verified);
  return f->tc_per_unit;
}

double calc_process_formula(calc_ctx *c, const m_process *p,
                            const process_rule *r, const proc_feed *feed,
                            value *o)
{
  arena *a = c->a;
  /* the activity in its base unit (a quantity's value is in base units) */
  bool volume = dim_eq(p->activity.dim, dim_of("m3"));
  const char *act_unit = volume ? "m3" : "t";
  const char *cc_unit = volume ? "tC/m3" : NULL;
  double act = p->activity.v, e = 0;
  value *inputs = val_set(a, o, "inputs", val_arr(a));
  trace *t = NULL;
  value *v = val_set_num(a, o, "tco2", 0);
  /* the guideline's formula; the rule's citation names the guideline */
  const char *basis = "sector guideline (process emissions formula)";
  switch (r->formula) {
  case PF_OXIDE: {
    used cao = input(p, r, PP_CAO), mgo = input(p, r, PP_MGO),
         cnc = input(p, r, PP_CAO_NC), mnc = input(p, r, PP_MGO_NC),
         kd = input(p, r, PP_KILN_HEAD_DUST), bd = input(p, r, PP_BYPASS_DUST),
         rm = input(p, r, PP_RAW_MEAL), toc = input(p, r, PP_RAW_MEAL_TOC);
    double mass = act + kd.v + bd.v;
    double per = (cao.v - cnc.v) * CO2_PER_CAO + (mgo.v - mnc.v) * CO2_PER_MGO;
    e = mass * per;
    bool organic = rm.set;
    if (organic)
      e += rm.v * toc.v * CO2_PER_C;
    t = val_trace(a, v,
                  organic ? "(activity + kiln_head_dust + bypass_dust) × "
                            "[(cao − cao_non_carbonate) × 44/56 + (mgo − "
                            "mgo_non_carbonate) × 44/40.30] + raw_meal × "
                            "raw_meal_organic_carbon × 44/12"
                          : "(activity + kiln_head_dust + bypass_dust) × "
                            "[(cao − cao_non_carbonate) × 44/56 + (mgo − "
                            "mgo_non_carbonate) × 44/40.30]",
                  basis);
    trace_add(a, t, "activity", act, act_unit, NULL);
    if (r->activity.zh)
      trace_label(a, t, r->activity.zh, r->activity.en);
    add_input(c, t, inputs, p, r, PP_KILN_HEAD_DUST, act_unit);
    add_input(c, t, inputs, p, r, PP_BYPASS_DUST, act_unit);
    add_input(c, t, inputs, p, r, PP_CAO, NULL);
    add_input(c, t, inputs, p, r, PP_CAO_NC, NULL);
    add_input(c, t, inputs, p, r, PP_MGO, NULL);
    add_input(c, t, inputs, p, r, PP_MGO_NC, NULL);
    if (organic) {
      add_input(c, t, inputs, p, r, PP_RAW_MEAL, act_unit);
      add_input(c, t, inputs, p, r, PP_RAW_MEAL_TOC, NULL);
    }
    break;
  }
  case PF_CARBONATE: {
    used pu = input(p, r, PP_PURITY);
    e = act * pu.v * r->ratio;
    t = val_trace(a, v, "activity × purity × ratio", basis);
    trace_add(a, t, "activity", act, act_unit, NULL);
    if (r->activity.zh)
      trace_label(a, t, r->activity.zh, r->activity.en);
    add_input(c, t, inputs, p, r, PP_PURITY, NULL);
    trace_add2(a, t, "ratio", r->ratio, NULL, r->ratio_text, r->ratio_text);
    val_set_num(a, o, "ratio", r->ratio);
    val_set_str(a, o, "ratio_text", r->ratio_text);
    break;
  }
  case PF_CARBON: {
    double carbon, per_unit = 1;
    if (r->impurities) {
      used s = input(p, r, PP_SULFUR), ash = input(p, r, PP_ASH);
      carbon = 1 - s.v - ash.v;
    } else if (feed && !p->params[PP_CARBON_CONTENT].has) {
      carbon = feed->tc_per_unit;
    } else {
      carbon = input(p, r, PP_CARBON_CONTENT).v;
    }
    if (r->consumption)
      per_unit = input(p, r, PP_CONSUMPTION).v;
    e = act * per_unit * carbon * CO2_PER_C * (r->deduct ? -1 : 1);
    const char *f =
        r->impurities
            ? (r->consumption
                   ? "activity × net_anode_consumption × (1 − sulfur − ash) "
                     "× 44/12"
                   : "activity × (1 − sulfur − ash) × 44/12")
            : "activity × carbon_content × 44/12";
    t = val_trace(a, v,
                  r->deduct ? (r->impurities ? "−activity × (1 − sulfur − ash) "
                                               "× 44/12"
                                             : "−activity × carbon_content × "
                                               "44/12")
                            : f,
                  basis);
    trace_add(a, t, "activity", act, act_unit, NULL);
    if (r->activity.zh)
      trace_label(a, t, r->activity.zh, r->activity.en);
    if (r->consumption)
      add_input(c, t, inputs, p, r, PP_CONSUMPTION, "t/t");
    if (r->impurities) {
      add_input(c, t, inputs, p, r, PP_SULFUR, NULL);
      add_input(c, t, inputs, p, r, PP_ASH, NULL);
    } else if (feed && !p->params[PP_CARBON_CONTENT].has) {
      feed_carbon(c, t, inputs, feed, cc_unit);
    } else {
      add_input(c, t, inputs, p, r, PP_CARBON_CONTENT, cc_unit);
    }
    val_set_bool(a, o, "deducted", r->deduct);
    break;
  }
  case PF_FACTOR:
    break;
  }
  v->num = e;
  /* the factor the formula implies, per unit of activity */
  double per = act > 0 ? e / act : 0;
  char num[64];
  val_set_num(a, o, "factor", per);
  val_set_str(a, o, "factor_text",
              arena_printf(a, "%s tCO2/%s", fmt_num(per, volume ? 8 : 4, true,
                                                    num, sizeof num),
                           act_unit));
  static const char *const forms[] = {"factor", "oxide", "carbonate",
                                      "carbon"};
  val_set_str(a, o, "formula", forms[r->formula]);
  val_set_str(a, o, "formula_text", t ? t->formula : "");
  return e;
}
