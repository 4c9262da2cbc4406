/* allowance.c — the allowance position of a facility in the national ETS:
 * allocation by benchmark × output against the verified emissions, the
 * surplus or shortfall and its cost at the carbon price the user gives.
 *
 * Input: the model's allowance: section, rules/ets.yaml (power benchmarks
 * by key and years, the sector's basis of emissions) and carbon.* as
 * carbon.c built it. Output: carbon.allowance (absent without lines).
 * Definitions: docs/calculation.md "Allowance position". */
#include "internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The first and last year of "2019-2020" or "2021". */
static void years_of(const char *s, int *first, int *last) {
  char *end;
  *first = (int)strtol(s, &end, 10);
  *last = *end == '-' ? (int)strtol(end + 1, NULL, 10) : *first;
}

/* The benchmark of key for year: the entry whose years hold it, else the
   latest that begins before it (*in_force false), else NULL. */
static const ets_power_bm *benchmark_for(const ets_rules *r, const char *key,
                                         int year, bool *in_force) {
  const ets_power_bm *best = NULL;
  int best_first = 0;
  *in_force = false;
  for (size_t i = 0; i < r->n_power; i++) {
    const ets_power_bm *b = &r->power[i];
    if (!b->key || strcmp(b->key, key) != 0 || !b->years)
      continue;
    int f, l;
    years_of(b->years, &f, &l);
    if (f <= year && year <= l) {
      *in_force = true;
      return b;
    }
    if (f <= year && (!best || f > best_first))
      best = b, best_first = f;
  }
  return best;
}

/* The facility's ETS sector (as carbon.c finds it), or NULL. */
static const ets_sector *sector_of(const calc_ctx *c) {
  const ets_rules *r = &c->f->ets;
  for (size_t i = 0; c->m->industry && r->present && i < r->n_sectors; i++) {
    const char *code = NULL;
    text2 name;
    if (!industries_resolve(c->f, r->sectors[i].industry, &code, &name))
      continue;
    if (code ? industries_within(c->m->industry_code, code)
             : strcmp(r->sectors[i].industry, c->m->industry) == 0)
      return &r->sectors[i];
  }
  return NULL;
}

void calc_allowance(calc_ctx *c, value *carbon) {
  arena *a = c->a;
  const m_allowance *al = c->m->carbon_in.allowance;
  if (!al || !al->n_lines)
    return;
  const ets_rules *r = &c->f->ets;
  int year = c->m->to.y;
  value *o = val_set(a, carbon, "allowance", val_obj(a));
  val_set_num(a, o, "year", year);
  value *arr = val_set(a, o, "lines", val_arr(a));
  value *tv = val_num(a, 0);
  trace *tt = val_trace(a, tv, "Σ allocation of the lines",
                        "全国碳排放权交易配额总量设定与分配实施方案");
  double total = 0;
  bool verified = true, in_force_all = true, complete = true;
  for (size_t i = 0; i < al->n_lines; i++) {
    const m_allowance_line *l = &al->lines[i];
    bool in_force;
    const ets_power_bm *b = benchmark_for(r, l->benchmark, year, &in_force);
    value *row = val_obj(a);
    val_push(a, arr, row);
    val_set_str(a, row, "benchmark", l->benchmark);
    if (l->has_electricity)
      val_set_num(a, row, "electricity_mwh", l->electricity_mwh);
    else
      val_set_null(a, row, "electricity_mwh");
    if (l->has_heat)
      val_set_num(a, row, "heat_gj", l->heat_gj);
    else
      val_set_null(a, row, "heat_gj");
    val_set_num(a, row, "correction", l->correction);
    if (!b) {
      val_set_null(a, row, "allocation_tco2");
      complete = false;
      calc_note(c, "carbon.allowance.allocation_tco2",
                arena_printf(a,
                             "规则中没有%d年及以前的基准值“%s”，配额未计算。",
                             year, l->benchmark),
                arena_printf(a,
                             "No benchmark \"%s\" for %d or earlier in "
                             "the rules: the allocation is not computed.",
                             l->benchmark, year));
      continue;
    }
    val_set_str(a, row, "category_zh", b->category.zh);
    val_set_str(a, row, "category_en", b->category.en);
    val_set_str(a, row, "years", b->years);
    val_set_bool(a, row, "in_force", in_force);
    val_set_bool(a, row, "verified", b->verified);
    calc_set_cite(a, row, "", &b->citation, NULL);
    verified &= b->verified;
    in_force_all &= in_force;
    double e = 0;
    value *v = val_num(a, 0);
    trace *t =
        val_trace(a, v,
                  "electricity × benchmark × correction + heat × "
                  "heat benchmark",
                  "全国碳排放权交易配额总量设定与分配实施方案（发电行业）");
    if (l->has_electricity) {
      if (!b->has_elec) {
        complete = false;
        val_set_null(a, row, "allocation_tco2");
        continue;
      }
      e += l->electricity_mwh * b->elec * l->correction;
      val_set_num(a, row, "electricity_benchmark", b->elec);
      trace_add(a, t, "electricity", l->electricity_mwh, "MWh", NULL);
      trace_add2(a, t, "benchmark", b->elec, "tCO2/MWh", b->citation.en,
                 b->citation.zh);
      trace_add(a, t, "correction", l->correction, NULL, NULL);
    }
    if (l->has_heat) {
      if (!b->has_heat) {
        complete = false;
        val_set_null(a, row, "allocation_tco2");
        continue;
      }
      e += l->heat_gj * b->heat;
      val_set_num(a, row, "heat_benchmark", b->heat);
      trace_add(a, t, "heat", l->heat_gj, "GJ", NULL);
      trace_add2(a, t, "heat benchmark", b->heat, "tCO2/GJ", b->citation.en,
                 b->citation.zh);
    }
    v->num = e;
    val_set(a, row, "allocation_tco2", v);
    trace_add_ref(
        a, tt, l->benchmark, e, "tCO2",
        arena_printf(a, "carbon.allowance.lines[%zu].allocation_tco2", i));
    trace_label(a, tt, b->category.zh, b->category.en);
    total += e;
  }
  val_set_bool(a, o, "benchmarks_verified", verified);
  val_set_bool(a, o, "plan_in_force", in_force_all);
  if (!in_force_all)
    calc_note(
        c, "carbon.allowance.allocation_tco2",
        arena_printf(
            a,
            "规则中没有%"
            "d年配额方案的基准值，采用此前最近一期方案的基准值，仅供参考。",
            year),
        arena_printf(a,
                     "The rules have no benchmarks of the allocation "
                     "plan for %d: those of the latest earlier plan "
                     "are used, for reference only.",
                     year));
  if (!verified)
    calc_note(c, "carbon.allowance.allocation_tco2",
              "所用配额基准值未经公开来源核实。",
              "The allocation benchmarks used are not verified against "
              "their publication.");
  /* the emissions the allowances are surrendered for */
  const ets_sector *sec = sector_of(c);
  double em;
  const char *basis;
  value *s1 = val_path(carbon, "scope1.total_tco2");
  value *pg = val_get(carbon, "total_tco2_power_guideline");
  if (sec && sec->direct_only_from && year >= sec->direct_only_from && s1) {
    em = s1->num, basis = "scope1";
  } else if (pg && pg->kind == VAL_NUM) {
    em = pg->num, basis = "power_guideline";
  } else {
    em = c->total_tco2, basis = "total";
  }
  val_set_str(a, o, "emissions_basis", basis);
  value *ev = val_set_num(a, o, "emissions_tco2", em);
  trace *et = val_trace(a, ev,
                        strcmp(basis, "scope1") == 0 ? "scope1"
                        : strcmp(basis, "power_guideline") == 0
                            ? "scope1 + purchased electricity + purchased heat"
                            : "scope1 + scope2",
                        "全国碳排放权交易配额总量设定与分配实施方案");
  trace_add_ref(a, et, "tco2", em, "tCO2",
                strcmp(basis, "scope1") == 0 ? "carbon.scope1.total_tco2"
                : strcmp(basis, "power_guideline") == 0
                    ? "carbon.total_tco2_power_guideline"
                    : "carbon.total_tco2");
  if (!sec)
    calc_note(c, "carbon.allowance.position_tco2",
              "所属行业不在全国碳市场覆盖范围内：配额盈缺仅供参考。",
              "The sector is not covered by the national ETS: the allowance "
              "position is for reference only.");
  if (!complete) {
    val_set_null(a, o, "allocation_tco2");
    val_set_null(a, o, "position_tco2");
    val_set_null(a, o, "cost_cny");
    return;
  }
  tv->num = total;
  val_set(a, o, "allocation_tco2", tv);
  value *pv = val_set_num(a, o, "position_tco2", total - em);
  trace *pt = val_trace(a, pv, "allocation − emissions",
                        "碳排放权交易管理办法（试行）");
  trace_add_ref(a, pt, "allocation", total, "tCO2",
                "carbon.allowance.allocation_tco2");
  trace_add_ref(a, pt, "emissions", em, "tCO2",
                "carbon.allowance.emissions_tco2");
  val_set_bool(a, o, "surplus", total - em >= 0);
  if (!al->has_price) {
    val_set_null(a, o, "price_cny_per_tco2");
    val_set_null(a, o, "cost_cny");
    return;
  }
  val_set_num(a, o, "price_cny_per_tco2", al->price);
  val_set_str(a, o, "price_text", al->price_text);
  /* a shortfall costs what buying it costs; a surplus is worth as much */
  value *cv = val_set_num(a, o, "cost_cny", (em - total) * al->price);
  trace *ct = val_trace(a, cv, "(emissions − allocation) × carbon price",
                        "docs/calculation.md Allowance position");
  trace_add_ref(a, ct, "position", total - em, "tCO2",
                "carbon.allowance.position_tco2");
  trace_add(a, ct, "carbon price", al->price, "CNY/tCO2", NULL);
}
