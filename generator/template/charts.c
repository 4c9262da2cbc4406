/* charts.c — results to chart series (see charts.h). Reads paths of
 * rules/README.md only; every number is the results' own, unrounded. */
#include "charts.h"

#include <math.h>
#include <string.h>

static const char *const kinds[] = {"monthly", "structure", "flow",
                                    "benchmark", "carbon", "macc",
                                    "trend",   "lmdi",      NULL};

bool charts_known(const char *kind)
{
  for (int i = 0; kinds[i]; i++)
    if (strcmp(kinds[i], kind) == 0)
      return true;
  return false;
}

static double num(const value *v, const char *key)
{
  const value *x = val_get(v, key);
  return x && x->kind == VAL_NUM ? x->num : (double)NAN;
}

static const char *str(const value *v, const char *key)
{
  const value *x = val_get(v, key);
  return x && x->kind == VAL_STR ? x->str : "";
}

static doc_text names(const value *v)
{
  doc_text t = {str(v, "name_zh"), str(v, "name_en")};
  if (!*t.zh)
    t.zh = *str(v, "carrier") ? str(v, "carrier") : str(v, "id");
  if (!*t.en)
    t.en = t.zh;
  return t;
}

/* A chart of ncat categories and nser series, every value missing; with
   more than DOC_CHART_MAX_ITEMS of either, no arrays at all (doc.h), so
   that a facility of thousands of units sizes nothing from its count. */
static doc_chart *make(arena *a, chart_kind k, size_t ncat, size_t nser,
                       const char *unit)
{
  doc_chart *c = ARENA_NEW(a, doc_chart);
  c->kind = k;
  c->unit = unit;
  c->ncat = ncat;
  c->nser = nser;
  if (ncat > DOC_CHART_MAX_ITEMS || nser > DOC_CHART_MAX_ITEMS)
    return c;
  c->cats = ARENA_ARRAY(a, doc_text, ncat + 1);
  c->sers = ARENA_ARRAY(a, doc_text, nser + 1);
  c->values = ARENA_ARRAY(a, double, ncat * nser + 1);
  for (size_t i = 0; i < ncat * nser; i++)
    c->values[i] = NAN;
  return c;
}

static size_t count(const value *arr) { return arr && arr->kind == VAL_ARR ? arr->n : 0; }

doc_chart *charts_build(arena *a, const char *kind, const value *r)
{
  if (strcmp(kind, "monthly") == 0) {
    const value *months = val_path(r, "energy.monthly.months");
    const value *cs = val_path(r, "energy.monthly.carriers");
    size_t nm = count(months), nc = count(cs);
    doc_chart *c = make(a, CHART_STACKED_BARS, nm, nc, "tce");
    if (!c->values)
      return c;
    for (size_t i = 0; i < nm; i++) {
      const char *m = months->items[i]->str; /* "2016-01" */
      const char *mm = strlen(m) >= 7 ? m + 5 : m;
      c->cats[i].zh = arena_printf(a, "%d月", (mm[0] - '0') * 10 + (mm[1] - '0'));
      c->cats[i].en = arena_strdup(a, m);
    }
    for (size_t s = 0; s < nc; s++) {
      const value *cv = cs->items[s];
      const value *e = val_path(r, arena_printf(a, "energy.carriers[%s]",
                                                str(cv, "carrier")));
      c->sers[s] = e ? names(e) : names(cv);
      const value *t = val_get(cv, "tce");
      for (size_t i = 0; i < nm && t && i < t->n; i++)
        c->values[s * nm + i] =
            t->items[i]->kind == VAL_NUM ? t->items[i]->num : (double)NAN;
    }
    return c;
  }
  if (strcmp(kind, "structure") == 0) {
    const value *cs = val_path(r, "energy.carriers");
    size_t n = 0;
    for (size_t i = 0; i < count(cs); i++)
      n += num(cs->items[i], "tce") > 0 && val_get(cs->items[i], "counted")->b;
    doc_chart *c = make(a, CHART_DONUT, n, 1, "tce");
    if (!c->values)
      return c;
    size_t k = 0;
    for (size_t i = 0; i < count(cs); i++) {
      const value *cv = cs->items[i];
      if (!(num(cv, "tce") > 0) || !val_get(cv, "counted")->b)
        continue;
      c->cats[k] = names(cv);
      c->values[k++] = num(cv, "tce");
    }
    return c;
  }
  if (strcmp(kind, "flow") == 0) {
    const value *nodes = val_path(r, "energy.flow.nodes");
    const value *lk = val_path(r, "energy.flow.links");
    size_t n = count(nodes);
    doc_chart *c = make(a, CHART_FLOW, n, n, "tce");
    if (!c->values)
      return c;
    c->stage = ARENA_ARRAY(a, int, n + 1);
    c->depth = ARENA_ARRAY(a, int, n + 1);
    for (size_t i = 0; i < n; i++) {
      const value *nv = nodes->items[i];
      const char *st = str(nv, "stage");
      c->cats[i] = c->sers[i] = names(nv);
      c->stage[i] = strcmp(st, "purchase") == 0       ? 0
                    : strcmp(st, "conversion") == 0   ? 1
                    : strcmp(st, "distribution") == 0 ? 2
                                                      : 3;
      double d = num(nv, "depth");
      c->depth[i] = d >= 1 && d <= 8 ? (int)d : 0;
    }
    for (size_t l = 0; l < count(lk); l++) {
      const value *x = lk->items[l];
      size_t f = 0, t = 0;
      while (f < n && strcmp(str(nodes->items[f], "id"), str(x, "from")))
        f++;
      while (t < n && strcmp(str(nodes->items[t], "id"), str(x, "to")))
        t++;
      if (f < n && t < n)
        c->values[t * n + f] = num(x, "tce");
    }
    return c;
  }
  if (strcmp(kind, "benchmark") == 0) {
    const value *ps = val_path(r, "energy.products");
    size_t n = 0;
    for (size_t i = 0; i < count(ps); i++)
      n += count(val_path(ps->items[i], "benchmark.indicators"));
    doc_chart *c = make(a, CHART_BANDS, n, 4, NULL);
    if (!c->values)
      return c;
    size_t k = 0;
    for (size_t i = 0; i < count(ps); i++) {
      const value *ind = val_path(ps->items[i], "benchmark.indicators");
      for (size_t j = 0; j < count(ind); j++, k++) {
        const value *x = ind->items[j];
        doc_text pn = names(ps->items[i]), in = names(x);
        c->cats[k].zh = arena_printf(a, "%s %s（%s）", pn.zh, in.zh, str(x, "unit"));
        c->cats[k].en = arena_printf(a, "%s: %s (%s)", pn.en, in.en, str(x, "unit_en"));
        const value *g = val_get(x, "grades");
        for (size_t q = 0; q < 3 && g && q < g->n; q++)
          if (g->items[q]->kind == VAL_NUM)
            c->values[q * n + k] = g->items[q]->num;
        c->values[3 * n + k] = num(x, "value");
      }
    }
    return c;
  }
  if (strcmp(kind, "carbon") == 0) {
    const value *comb = val_path(r, "carbon.scope1.combustion");
    const value *proc = val_path(r, "carbon.scope1.process");
    size_t n = count(comb) + count(proc) + 2;
    doc_chart *c = make(a, CHART_HBARS, n, 1, "tCO2");
    if (!c->values)
      return c;
    size_t k = 0;
    for (size_t i = 0; i < count(comb); i++, k++) {
      doc_text t = names(comb->items[i]);
      c->cats[k].zh = arena_printf(a, "范围一 燃烧：%s", t.zh);
      c->cats[k].en = arena_printf(a, "Scope 1 combustion: %s", t.en);
      c->values[k] = num(comb->items[i], "tco2");
    }
    for (size_t i = 0; i < count(proc); i++, k++) {
      doc_text t = names(proc->items[i]);
      c->cats[k].zh = arena_printf(a, "范围一 过程：%s", t.zh);
      c->cats[k].en = arena_printf(a, "Scope 1 process: %s", t.en);
      c->values[k] = num(proc->items[i], "tco2");
    }
    c->cats[k].zh = "范围二 外购电力";
    c->cats[k].en = "Scope 2 electricity";
    c->values[k++] = num(val_path(r, "carbon.scope2"), "electricity_tco2");
    c->cats[k].zh = "范围二 外购热力";
    c->cats[k].en = "Scope 2 heat";
    c->values[k++] = num(val_path(r, "carbon.scope2"), "heat_tco2");
    return c;
  }
  if (strcmp(kind, "trend") == 0) {
    /* history.years[]: total energy, energy per 万元, CO2 and CO2 per 万元,
       each product's unit consumption; a series no year has is left out */
    const value *ys = val_path(r, "history.years");
    size_t ny = count(ys);
    const value *ps = ny ? val_get(ys->items[0], "products") : NULL;
    static const struct {
      const char *key, *zh, *en;
    } fixed[] = {
        {"total_tce", "综合能耗", "Total energy"},
        {"intensity_tce_per_10k_cny", "万元产值综合能耗",
         "Energy per 10⁴ CNY of output"},
        {"total_tco2", "二氧化碳排放量", "CO2 emissions"},
        {"tco2_per_10k_cny", "万元产值二氧化碳排放", "CO2 per 10⁴ CNY of output"},
    };
    size_t nf = sizeof fixed / sizeof fixed[0], np = count(ps);
    bool *has = ARENA_ARRAY(a, bool, nf + np + 1);
    size_t ns = 0;
    for (size_t s = 0; s < nf + np; s++) {
      for (size_t i = 0; i < ny && !has[s]; i++) {
        const value *y = ys->items[i];
        double v = s < nf ? num(y, fixed[s].key)
                          : num(val_get(y, "products")->items[s - nf],
                                "unit_consumption_kgce");
        has[s] = !isnan(v);
      }
      ns += has[s];
    }
    doc_chart *c = make(a, CHART_TREND, ny, ns, ny ? arena_printf(a, "%s = 100",
                                                                  str(ys->items[0], "label"))
                                                   : NULL);
    if (!c->values)
      return c;
    for (size_t i = 0; i < ny; i++) {
      c->cats[i].zh = arena_printf(a, "%s", str(ys->items[i], "label"));
      c->cats[i].en = c->cats[i].zh;
    }
    size_t k = 0;
    for (size_t s = 0; s < nf + np; s++) {
      if (!has[s])
        continue;
      if (s < nf) {
        c->sers[k].zh = fixed[s].zh;
        c->sers[k].en = fixed[s].en;
      } else {
        doc_text t = names(ps->items[s - nf]);
        c->sers[k].zh = arena_printf(a, "%s单位产品综合能耗", t.zh);
        c->sers[k].en = arena_printf(a, "Unit consumption: %s", t.en);
      }
      for (size_t i = 0; i < ny; i++) {
        const value *y = ys->items[i];
        c->values[k * ny + i] =
            s < nf ? num(y, fixed[s].key)
                   : num(val_get(y, "products")->items[s - nf],
                         "unit_consumption_kgce");
      }
      k++;
    }
    return c;
  }
  if (strcmp(kind, "lmdi") == 0) {
    /* history.lmdi.previous: the earlier year's total, the three effects,
       the audit year's total */
    const value *l = val_path(r, "history.lmdi.previous");
    if (!l || l->kind != VAL_OBJ)
      return make(a, CHART_WATERFALL, 0, 1, "tce");
    doc_chart *c = make(a, CHART_WATERFALL, 5, 1, "tce");
    c->cats[0].zh = arena_printf(a, "%s年", str(l, "from"));
    c->cats[0].en = str(l, "from");
    c->cats[1].zh = "产出效应";
    c->cats[1].en = "Activity";
    c->cats[2].zh = "结构效应";
    c->cats[2].en = "Structure";
    c->cats[3].zh = "强度效应";
    c->cats[3].en = "Intensity";
    c->cats[4].zh = arena_printf(a, "%s年", str(l, "to"));
    c->cats[4].en = str(l, "to");
    c->sers[0].zh = "综合能耗";
    c->sers[0].en = "Total energy";
    c->values[0] = num(l, "energy0_tce");
    c->values[1] = num(l, "activity_tce");
    c->values[2] = num(l, "structure_tce");
    c->values[3] = num(l, "intensity_tce");
    c->values[4] = num(l, "energy1_tce");
    return c;
  }
  /* macc */
  const value *ms = val_path(r, "measures");
  size_t n = count(ms);
  doc_chart *c = make(a, CHART_MACC, n, 2, "CNY/tCO2");
  if (!c->values)
    return c;
  for (size_t i = 0; i < n; i++) {
    c->cats[i] = names(ms->items[i]);
    c->values[i] = num(ms->items[i], "annual_reduction_tco2");
    c->values[n + i] = num(ms->items[i], "abatement_cost_cny_per_tco2");
  }
  return c;
}
