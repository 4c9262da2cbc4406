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

/* The basis of the steel, cement and aluminium plan's traces. */
#define PLAN_BASIS                                                             \
  "2024、2025年度全国碳排放权交易市场钢铁、水泥、铝冶炼行业配额总量和分配方案"

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

/* The industrial_allocation entry of process key for year: one whose cases
   hold the line's case, else one without cases; NULL when none holds the
   year (the plan's method changes by year: none is carried forward). */
static const ets_ind_alloc *ind_entry_for(const ets_rules *r, const char *key,
                                          const char *case_key, int year) {
  const ets_ind_alloc *plain = NULL;
  for (size_t i = 0; i < r->n_industrial; i++) {
    const ets_ind_alloc *e = &r->industrial[i];
    int f, l;
    if (strcmp(e->key, key) != 0 || !e->years)
      continue;
    years_of(e->years, &f, &l);
    if (year < f || year > l)
      continue;
    if (!e->n_cases) {
      if (!plain)
        plain = e;
      continue;
    }
    for (size_t j = 0; case_key && j < e->n_cases; j++)
      if (strcmp(e->cases[j].key, case_key) == 0)
        return e;
  }
  return plain;
}

/* The name of case_key in the entries of process key (NULL if none). */
static const ets_case *case_named(const ets_rules *r, const char *key,
                                  const char *case_key) {
  for (size_t i = 0; case_key && i < r->n_industrial; i++)
    if (strcmp(r->industrial[i].key, key) == 0)
      for (size_t j = 0; j < r->industrial[i].n_cases; j++)
        if (strcmp(r->industrial[i].cases[j].key, case_key) == 0)
          return &r->industrial[i].cases[j];
  return NULL;
}

/* The facility's direct emissions in the covered gases: scope 1 (CO2 of
   combustion and processes) when CO2 is covered, plus the tCO2e of each
   carbon.gases[] row whose gas is covered. Adds the terms to t. */
static double covered_direct(calc_ctx *c, const value *carbon,
                             const ets_ind_alloc *e, trace *t) {
  double sum = 0;
  for (size_t g = 0; g < e->n_gases; g++) {
    if (strcmp(e->gases[g], "CO2") == 0) {
      const value *s1 = val_path(carbon, "scope1.total_tco2");
      if (s1 && s1->kind == VAL_NUM) {
        sum += s1->num;
        trace_add_ref(c->a, t, "scope1", s1->num, "tCO2",
                      "carbon.scope1.total_tco2");
      }
    }
    const value *rows = val_get(carbon, "gases");
    for (size_t i = 0; rows && i < rows->n; i++) {
      const value *gv = val_get(rows->items[i], "gas"),
                  *tv = val_get(rows->items[i], "tco2e");
      if (!gv || gv->kind != VAL_STR || strcmp(gv->str, e->gases[g]) != 0 ||
          !tv || tv->kind != VAL_NUM)
        continue;
      sum += tv->num;
      trace_add_ref(
          c->a, t, gv->str, tv->num, "tCO2e",
          arena_printf(c->a, "carbon.gases[%zu].tco2e", i));
    }
  }
  return sum;
}

/* A line of a covered steel, cement or aluminium process: its row of
   carbon.allowance.lines. Sets *alloc and *em; returns false when the
   allocation is not computed (the row says why). */
static bool industrial_line(calc_ctx *c, const value *carbon,
                            const m_allowance_line *l, size_t i, int year,
                            const ets_sector *sec, value *row, double *alloc,
                            double *em, bool *verified, bool *in_force) {
  arena *a = c->a;
  const ets_rules *r = &c->f->ets;
  const ets_ind_alloc *e = ind_entry_for(r, l->process, l->case_key, year);
  /* any entry of the key names the process (for a year it lacks too) */
  const ets_ind_alloc *any = e;
  for (size_t k = 0; !any && k < r->n_industrial; k++)
    if (strcmp(r->industrial[k].key, l->process) == 0)
      any = &r->industrial[k];
  val_set_str(a, row, "kind", "process");
  val_set_str(a, row, "process", l->process);
  val_set_str(a, row, "process_zh", any->process.zh);
  val_set_str(a, row, "process_en", any->process.en);
  const ets_case *cs = case_named(r, l->process, l->case_key);
  if (cs) {
    val_set_str(a, row, "case", cs->key);
    val_set_str(a, row, "case_zh", cs->name.zh);
    val_set_str(a, row, "case_en", cs->name.en);
  } else {
    val_set_null(a, row, "case");
  }
  /* the gases covered, as the entry (or any entry of the key) lists them */
  const ets_ind_alloc *ge = e ? e : any;
  const char *gases = "";
  for (size_t g = 0; g < ge->n_gases; g++)
    gases = arena_printf(a, "%s%s%s", gases, g ? ", " : "", ge->gases[g]);
  val_set_str(a, row, "gases", gases);
  if (sec && strcmp(sec->industry, any->industry) != 0)
    calc_note(c, arena_printf(a, "carbon.allowance.lines[%zu]", i),
              arena_printf(a,
                           "配额分配项“%s”属于%s行业，与设施所属行业不同，"
                           "仅供参考。",
                           l->process, any->industry),
              arena_printf(a,
                           "Allocation line \"%s\" is a process of the %s "
                           "sector, not the facility's: for reference only.",
                           l->process, any->industry));
  /* the line's verified emissions: given, or the facility's direct
     emissions in the covered gases */
  value *ev = val_num(a, 0);
  if (l->has_emissions) {
    ev->num = l->emissions_tco2;
    trace *et = val_trace(a, ev, "verified emissions of the line", PLAN_BASIS);
    trace_add(a, et, "emissions", l->emissions_tco2, "tCO2e", NULL);
  } else {
    trace *et = val_trace(
        a, ev, "direct emissions in the covered gases",
        PLAN_BASIS);
    ev->num = covered_direct(c, carbon, ge, et);
  }
  val_set(a, row, "emissions_tco2", ev);
  val_set_bool(a, row, "emissions_given", l->has_emissions);
  *em = ev->num;
  if (e) {
    val_set_str(a, row, "years", e->years);
    val_set_str(a, row, "method", e->method == ETS_VERIFIED_EMISSIONS
                                      ? "verified_emissions"
                                      : "not_found");
    val_set_bool(a, row, "in_force", true);
    val_set_bool(a, row, "verified", e->verified);
    calc_set_cite(a, row, "", &e->citation, NULL);
    if (e->has_pre_allocation)
      val_set_num(a, row, "pre_allocation_share", e->pre_allocation);
    *verified &= e->verified;
  } else {
    val_set_null(a, row, "years");
    val_set_null(a, row, "method");
    val_set_bool(a, row, "in_force", false);
    *in_force = false;
  }
  const char *lp = arena_printf(a, "carbon.allowance.lines[%zu]", i);
  value *v = val_num(a, 0);
  if (l->has_allocated) {
    v->num = l->allocated_tco2;
    trace *t =
        val_trace(a, v, "allocation determined by the authority", PLAN_BASIS);
    trace_add(a, t, "allocated", l->allocated_tco2, "tCO2e", NULL);
    val_set_str(a, row, "allocation_basis", "notified");
    val_set_str(a, row, "allocation_basis_zh", "省级生态环境主管部门核定");
    val_set_str(a, row, "allocation_basis_en", "Determined by the province");
  } else if (e && e->method == ETS_VERIFIED_EMISSIONS) {
    v->num = *em;
    trace *t = val_trace(
        a, v, "allocation = verified emissions",
        PLAN_BASIS);
    trace_add_ref(a, t, "emissions", *em, "tCO2e",
                  arena_printf(a, "%s.emissions_tco2", lp));
    val_set_str(a, row, "allocation_basis", "verified_emissions");
    val_set_str(a, row, "allocation_basis_zh", "与经核查排放量相等");
    val_set_str(a, row, "allocation_basis_en", "Equal to verified emissions");
  } else {
    val_set_null(a, row, "allocation_basis");
    val_set_str(a, row, "allocation_basis_zh",
                e ? "公式未找到，未给出核定配额" : "方案未覆盖该年度");
    val_set_str(a, row, "allocation_basis_en",
                e ? "Formula not found, no allocation given"
                  : "Year not covered by the plan");
    val_set_null(a, row, "allocation_tco2");
    if (e)
      calc_note(c, arena_printf(a, "%s.allocation_tco2", lp),
                arena_printf(a,
                             "配额方案%d年度“%s”的配额计算公式与系数未在"
                             "已读来源中找到：请在allowance.lines[%zu]."
                             "allocated填入省级生态环境主管部门核定的配额。",
                             year, any->process.zh, i),
                arena_printf(a,
                             "The %d allocation formula of the plan for "
                             "\"%s\" and its coefficients were not found in "
                             "the sources read: give the allocation the "
                             "provincial authority determined in "
                             "allowance.lines[%zu].allocated.",
                             year, any->process.en, i));
    else
      calc_note(c, arena_printf(a, "%s.allocation_tco2", lp),
                arena_printf(a,
                             "规则中没有%d年度“%s”的配额分配方法（方案覆盖"
                             "的年度见rules/ets.yaml），配额未计算。",
                             year, any->process.zh),
                arena_printf(a,
                             "The rules have no allocation method for "
                             "\"%s\" in %d (rules/ets.yaml lists the "
                             "years the plan covers): the allocation is not "
                             "computed.",
                             any->process.en, year));
    return false;
  }
  val_set(a, row, "allocation_tco2", v);
  *alloc = v->num;
  return true;
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
  /* lines are all power or all process (carbonin.c refuses a mix) */
  bool industrial = al->lines[0].process != NULL;
  value *tv = val_num(a, 0);
  trace *tt = val_trace(a, tv, "Σ allocation of the lines",
                        industrial
                            ? PLAN_BASIS
                            : "全国碳排放权交易配额总量设定与分配实施方案");
  double total = 0, ind_em = 0;
  bool verified = true, in_force_all = true, complete = true;
  const ets_sector *sec = sector_of(c);
  val_set_str(a, o, "kind", industrial ? "process" : "power");
  for (size_t i = 0; i < al->n_lines; i++) {
    const m_allowance_line *l = &al->lines[i];
    value *row = val_obj(a);
    val_push(a, arr, row);
    if (l->process) {
      double la = 0, le = 0;
      bool ok = industrial_line(c, carbon, l, i, year, sec, row, &la, &le,
                                &verified, &in_force_all);
      ind_em += le;
      if (!ok) {
        complete = false;
        continue;
      }
      trace_add_ref(
          a, tt, l->process, la, "tCO2",
          arena_printf(a, "carbon.allowance.lines[%zu].allocation_tco2", i));
      trace_label(a, tt, val_get(row, "process_zh")->str,
                  val_get(row, "process_en")->str);
      total += la;
      continue;
    }
    bool in_force;
    const ets_power_bm *b = benchmark_for(r, l->benchmark, year, &in_force);
    val_set_str(a, row, "kind", "power");
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
  /* the plan's pre-allocation share, when an entry used states one */
  for (size_t i = 0; i < arr->n; i++) {
    const value *ps = val_get(arr->items[i], "pre_allocation_share");
    if (ps && ps->kind == VAL_NUM) {
      val_set_num(a, o, "pre_allocation_share", ps->num);
      break;
    }
  }
  val_set_bool(a, o, "benchmarks_verified", verified);
  val_set_bool(a, o, "plan_in_force", in_force_all);
  if (!in_force_all && !industrial)
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
              industrial ? "所用配额分配规则未经配额方案原文核实。"
                         : "所用配额基准值未经公开来源核实。",
              industrial ? "The allocation rules used are not verified "
                           "against the allocation plan's text."
                         : "The allocation benchmarks used are not verified "
                           "against their publication.");
  /* the emissions the allowances are surrendered for */
  double em;
  const char *basis;
  value *s1 = val_path(carbon, "scope1.total_tco2");
  value *pg = val_get(carbon, "total_tco2_power_guideline");
  if (industrial) {
    em = ind_em, basis = "covered_processes";
  } else if (sec && sec->direct_only_from && year >= sec->direct_only_from &&
             s1) {
    em = s1->num, basis = "scope1";
  } else if (pg && pg->kind == VAL_NUM) {
    em = pg->num, basis = "power_guideline";
  } else {
    em = c->total_tco2, basis = "total";
  }
  val_set_str(a, o, "emissions_basis", basis);
  value *ev = val_set_num(a, o, "emissions_tco2", em);
  if (industrial) {
    trace *et = val_trace(a, ev, "Σ verified emissions of the lines",
                          PLAN_BASIS);
    for (size_t i = 0; i < al->n_lines; i++) {
      const char *p =
          arena_printf(a, "carbon.allowance.lines[%zu].emissions_tco2", i);
      const value *lv = val_path(carbon, p + strlen("carbon."));
      const value *lr = val_path(carbon, "allowance.lines")->items[i];
      trace_add_ref(a, et, al->lines[i].process, lv ? lv->num : 0, "tCO2e",
                    p);
      trace_label(a, et, val_get(lr, "process_zh")->str,
                  val_get(lr, "process_en")->str);
    }
  } else {
    trace *et = val_trace(
        a, ev,
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
  }
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
