/* carbonin.c — the facility file's co2_recovered:, green_electricity:,
 * carbon_management: and allowance: sections to m_carbon_in (carbonin.h).
 *
 * Input: the top-level ynode tree, the model read so far and the rules
 * (the allowance benchmark keys). Output: m->carbon_in, every quantity in
 * the unit calc uses (t, MWh, GJ, CNY/tCO2), or errors at their positions;
 * reading goes on after an error so that one run reports all of them. */
#include "carbonin.h"
#include "fschema.h"
#include "model.h"

#include "../base/strmap.h"
#include "../rules/factors.h"

#include <math.h>
#include <string.h>

#define ERR(s, pos, ...) diag_error((s)->dl, (pos), __VA_ARGS__)
#define PATH(s, p, k) sch_path((s), (p), (k))

#define MAX_LIST 1000

/* A list of at most MAX_LIST entries. */
static bool short_list(schema *s, const ynode *x, const char *path) {
  if (!sch_list(s, x, path))
    return false;
  if (x->n <= MAX_LIST)
    return true;
  ERR(s, x->pos,
      "%s: %zu entries, more than the %d one facility file may "
      "have",
      path, x->n, MAX_LIST);
  return false;
}

/* A quantity of the dimension of unit, greater than zero, in unit. */
static bool positive(schema *s, const ynode *x, const char *path,
                     const char *unit, double *out, const char **text) {
  dimvec want = dim_of(unit);
  qty q;
  if (!sch_qty(s, x, path, &want, &q))
    return false;
  if (!(q.v > 0)) {
    ERR(s, x->pos, "%s: %s is not greater than zero", path, q.text);
    return false;
  }
  *out = units_to(q.v, unit);
  if (text)
    *text = q.text;
  return true;
}

/* The id of a list item, unique in ids; NULL (reported) otherwise. */
static const char *item_id(schema *s, const ynode *n, const char *path,
                           strmap *ids) {
  const ynode *y = ytree_get(n, "id");
  const char *id;
  if (!y || !sch_id(s, y, PATH(s, path, "id"), &id))
    return NULL;
  long first = strmap_get(ids, id);
  if (first >= 0) {
    ERR(s, y->pos, "%s.id: duplicate id \"%s\" (first at line %ld)", path, id,
        first);
    return NULL;
  }
  strmap_put(ids, id, (long)y->pos.line);
  return id;
}

static size_t evidence_of(schema *s, model *m, const ynode *n, const char *path,
                          const char *kind, const char *id, text2 name) {
  const ynode *ev = ytree_get(n, "evidence");
  if (!ev)
    return 0;
  evidence_read(s, &m->evidence, ev, path, kind, id, name);
  return ev->kind == YN_SEQ ? ev->n : 0;
}

/* {====================================================== recovery */

static void read_recovered(schema *s, const ynode *x, model *m,
                           m_carbon_in *ci) {
  if (!short_list(s, x, "co2_recovered"))
    return;
  ci->recovered = ARENA_ARRAY(s->a, m_recovered, x->n + 1);
  strmap *ids = strmap_new(s->a);
  for (size_t i = 0; i < x->n; i++) {
    const ynode *n = x->kids[i], *y;
    const char *path = sch_index(s, "co2_recovered", i);
    if (!fs_map(s, n, path, &fs_recovered))
      continue;
    m_recovered r;
    memset(&r, 0, sizeof r);
    r.pos = n->pos;
    bool ok = (r.id = item_id(s, n, path, ids)) != NULL;
    ok &= (y = ytree_get(n, "quantity")) &&
          positive(s, y, PATH(s, path, "quantity"), "t", &r.quantity_t,
                   &r.quantity_text);
    if ((y = ytree_get(n, "purity"))) {
      if (sch_ratio(s, y, PATH(s, path, "purity"), true, &r.purity)) {
        if (!(r.purity > 0)) {
          ERR(s, y->pos, "%s.purity: must be greater than zero", path);
          ok = false;
        }
      } else {
        ok = false;
      }
    }
    ok &= (y = ytree_get(n, "supplied_to")) &&
          sch_text2(s, y, PATH(s, path, "supplied_to"), &r.supplied_to);
    if ((y = ytree_get(n, "use")))
      ok &= sch_text2(s, y, PATH(s, path, "use"), &r.use);
    if (!ok)
      continue;
    r.tco2 = r.quantity_t * r.purity;
    r.n_evidence =
        evidence_of(s, m, n, path, "co2_recovered", r.id, r.supplied_to);
    ci->recovered[ci->n_recovered++] = r;
  }
}

/* }====================================================== */
/* {====================================================== green power */

static void read_green(schema *s, const ynode *x, model *m, m_carbon_in *ci) {
  if (!short_list(s, x, "green_electricity"))
    return;
  ci->green = ARENA_ARRAY(s->a, m_green, x->n + 1);
  strmap *ids = strmap_new(s->a);
  for (size_t i = 0; i < x->n; i++) {
    const ynode *n = x->kids[i], *y;
    const char *path = sch_index(s, "green_electricity", i);
    if (!fs_map(s, n, path, &fs_green))
      continue;
    m_green g;
    memset(&g, 0, sizeof g);
    g.pos = n->pos;
    int kind = 0;
    bool ok = (g.id = item_id(s, n, path, ids)) != NULL;
    ok &= (y = ytree_get(n, "kind")) &&
          sch_enum(s, y, PATH(s, path, "kind"), fs_green_kinds, &kind);
    ok &= (y = ytree_get(n, "quantity")) &&
          positive(s, y, PATH(s, path, "quantity"), "MWh", &g.mwh, &g.text);
    if ((y = ytree_get(n, "supplier")))
      ok &= sch_text2(s, y, PATH(s, path, "supplier"), &g.supplier);
    if (!ok)
      continue;
    g.kind = (green_kind)kind;
    text2 name = g.supplier.zh ? g.supplier : (text2){.zh = g.id, .en = g.id};
    g.n_evidence = evidence_of(s, m, n, path, "green_electricity", g.id, name);
    ci->green[ci->n_green++] = g;
  }
}

/* }====================================================== */
/* {====================================================== management */

static void flag(schema *s, const ynode *n, const char *key, signed char *out) {
  const ynode *y = ytree_get(n, key);
  bool b;
  *out = -1;
  if (y && sch_bool(s, y, PATH(s, "carbon_management", key), &b))
    *out = b ? 1 : 0;
}

static const m_carbon_mgmt *read_mgmt(schema *s, const ynode *n) {
  const char *path = "carbon_management";
  if (!fs_map(s, n, path, &fs_carbon_management))
    return NULL;
  m_carbon_mgmt *g = ARENA_NEW(s->a, m_carbon_mgmt);
  g->pos = n->pos;
  flag(s, n, "monitoring_plan", &g->monitoring_plan);
  flag(s, n, "activity_metering", &g->activity_metering);
  flag(s, n, "carbon_content_tested", &g->carbon_content_tested);
  flag(s, n, "ncv_tested", &g->ncv_tested);
  flag(s, n, "laboratory_accredited", &g->laboratory_accredited);
  flag(s, n, "internal_review", &g->internal_review);
  flag(s, n, "reporting", &g->reporting);
  const ynode *y;
  if ((y = ytree_get(n, "monitoring_plan_date")) &&
      sch_date(s, y, PATH(s, path, "monitoring_plan_date"), &g->plan_date)) {
    g->has_plan_date = true;
    if (g->monitoring_plan == 0)
      ERR(s, y->pos,
          "%s.monitoring_plan_date: given, but monitoring_plan "
          "says there is no plan",
          path);
  }
  if ((y = ytree_get(n, "responsible")))
    sch_text2(s, y, PATH(s, path, "responsible"), &g->responsible);
  if ((y = ytree_get(n, "laboratory")))
    sch_text2(s, y, PATH(s, path, "laboratory"), &g->laboratory);
  if (g->laboratory_accredited == 1 && g->carbon_content_tested != 1 &&
      g->ncv_tested != 1)
    ERR(s, ytree_get(n, "laboratory_accredited")->pos,
        "%s.laboratory_accredited: an accredited laboratory is stated, but "
        "neither carbon_content_tested nor ncv_tested is true",
        path);
  if ((y = ytree_get(n, "peak_year")))
    sch_int(s, y, PATH(s, path, "peak_year"), 2000, 2100, &g->peak_year);
  if ((y = ytree_get(n, "intensity_target")) &&
      sch_ratio(s, y, PATH(s, path, "intensity_target"), true,
                &g->intensity_target)) {
    if (!(g->intensity_target > 0))
      ERR(s, y->pos, "%s.intensity_target: a reduction greater than zero",
          path);
    else
      g->has_intensity_target = true;
  }
  if ((y = ytree_get(n, "intensity_target_year"))) {
    sch_int(s, y, PATH(s, path, "intensity_target_year"), 2000, 2100,
            &g->intensity_target_year);
    if (!ytree_get(n, "intensity_target"))
      ERR(s, y->pos,
          "%s.intensity_target_year: given without "
          "intensity_target",
          path);
  }
  return g;
}

/* }====================================================== */
/* {====================================================== allowance */

/* A line of a covered steel, cement or aluminium process: its key and case
   known to rules/ets.yaml industrial_allocation, no power keys. */
static bool read_industrial_line(schema *s, const ynode *ln, const char *lp,
                                 const factors *f, m_allowance_line *l) {
  const ets_rules *r = &f->ets;
  const ynode *z;
  bool ok = true;
  for (const char *const *k =
           (const char *const[]){"electricity", "heat", "correction", NULL};
       *k; k++)
    if ((z = ytree_get(ln, *k))) {
      ERR(s, z->pos,
          "%s.%s: a process line is allocated by the steel, cement and "
          "aluminium plan; %s belongs to a power benchmark line",
          lp, *k, *k);
      ok = false;
    }
  z = ytree_get(ln, "process");
  if (!sch_id(s, z, PATH(s, lp, "process"), &l->process))
    return false;
  l->benchmark_pos = z->pos;
  const char **keys = ARENA_ARRAY(s->a, const char *, r->n_industrial + 1);
  size_t nk = 0;
  for (size_t i = 0; i < r->n_industrial; i++) {
    bool seen = false;
    for (size_t j = 0; j < nk; j++)
      seen |= strcmp(keys[j], r->industrial[i].key) == 0;
    if (!seen)
      keys[nk++] = r->industrial[i].key;
  }
  bool known = false;
  for (size_t j = 0; j < nk; j++)
    known |= strcmp(keys[j], l->process) == 0;
  if (!known) {
    const char *hint = sch_suggest(l->process, keys, nk);
    if (hint)
      ERR(s, z->pos,
          "%s.process: unknown process \"%s\" of rules/ets.yaml "
          "industrial_allocation (did you mean \"%s\"?)",
          lp, l->process, hint);
    else
      ERR(s, z->pos,
          "%s.process: unknown process \"%s\" of rules/ets.yaml "
          "industrial_allocation",
          lp, l->process);
    return false;
  }
  if ((z = ytree_get(ln, "case"))) {
    if (!sch_id(s, z, PATH(s, lp, "case"), &l->case_key))
      return false;
    const char **cs = NULL;
    size_t nc = 0, cap = 0;
    for (size_t i = 0; i < r->n_industrial; i++)
      if (strcmp(r->industrial[i].key, l->process) == 0)
        cap += r->industrial[i].n_cases;
    cs = ARENA_ARRAY(s->a, const char *, cap + 1);
    bool found = false;
    for (size_t i = 0; i < r->n_industrial; i++) {
      const ets_ind_alloc *ia = &r->industrial[i];
      if (strcmp(ia->key, l->process) != 0)
        continue;
      for (size_t j = 0; j < ia->n_cases; j++) {
        found |= strcmp(ia->cases[j].key, l->case_key) == 0;
        cs[nc++] = ia->cases[j].key;
      }
    }
    if (!found) {
      const char *hint = nc ? sch_suggest(l->case_key, cs, nc) : NULL;
      if (hint)
        ERR(s, z->pos,
            "%s.case: the plan names no case \"%s\" for process \"%s\" "
            "(did you mean \"%s\"?)",
            lp, l->case_key, l->process, hint);
      else
        ERR(s, z->pos,
            "%s.case: the plan names no case \"%s\" for process \"%s\" "
            "in rules/ets.yaml",
            lp, l->case_key, l->process);
      ok = false;
    }
  }
  if ((z = ytree_get(ln, "emissions")))
    ok &= l->has_emissions = positive(s, z, PATH(s, lp, "emissions"), "tCO2",
                                      &l->emissions_tco2, &l->emissions_text);
  if ((z = ytree_get(ln, "allocated")))
    ok &= l->has_allocated = positive(s, z, PATH(s, lp, "allocated"), "tCO2",
                                      &l->allocated_tco2, &l->allocated_text);
  return ok;
}

static const m_allowance *read_allowance(schema *s, const ynode *n,
                                         const factors *f) {
  const char *path = "allowance";
  if (!fs_map(s, n, path, &fs_allowance))
    return NULL;
  m_allowance *al = ARENA_NEW(s->a, m_allowance);
  al->pos = n->pos;
  const ynode *y;
  if ((y = ytree_get(n, "carbon_price"))) {
    qty q;
    if (sch_qty(s, y, PATH(s, path, "carbon_price"), NULL, &q)) {
      dimvec per_t = dim_of("CNY/t"), per_co2 = dim_of("CNY/tCO2");
      if (dim_eq(q.dim, per_t) || dim_eq(q.dim, per_co2)) {
        al->price = dim_eq(q.dim, per_t) ? units_to(q.v, "CNY/t")
                                         : units_to(q.v, "CNY/tCO2");
        al->price_text = q.text;
        if (!(al->price > 0))
          ERR(s, y->pos, "%s.carbon_price: %s is not greater than zero", path,
              q.text);
        else
          al->has_price = true;
      } else {
        ERR(s, y->pos,
            "%s.carbon_price: expected a price per tonne of CO2 "
            "(such as \"85 CNY/t\"), found %s",
            path, q.text);
      }
    }
  }
  if (!(y = ytree_get(n, "lines")) || !short_list(s, y, "allowance.lines"))
    return al;
  /* the benchmark keys the rules have, for the message */
  const char **keys = ARENA_ARRAY(s->a, const char *, f->ets.n_power + 1);
  size_t nk = 0;
  for (size_t i = 0; i < f->ets.n_power; i++) {
    const char *k = f->ets.power[i].key;
    bool seen = false;
    for (size_t j = 0; k && j < nk; j++)
      seen |= strcmp(keys[j], k) == 0;
    if (k && !seen)
      keys[nk++] = k;
  }
  al->lines = ARENA_ARRAY(s->a, m_allowance_line, y->n + 1);
  size_t n_power = 0, n_ind = 0, n_ind_bare = 0;
  for (size_t i = 0; i < y->n; i++) {
    const ynode *ln = y->kids[i], *z;
    const char *lp = sch_index(s, "allowance.lines", i);
    if (!fs_map(s, ln, lp, &fs_allowance_line))
      continue;
    m_allowance_line l;
    memset(&l, 0, sizeof l);
    l.pos = ln->pos;
    l.correction = 1.0;
    bool ok = true;
    bool has_b = ytree_get(ln, "benchmark") != NULL,
         has_p = ytree_get(ln, "process") != NULL;
    if (has_b == has_p) {
      ERR(s, ln->pos,
          has_b ? "%s: both benchmark and process are given: a line is a "
                  "power benchmark line or a covered industrial process, "
                  "not both"
                : "%s: neither benchmark nor process is given: a line names "
                  "a power benchmark or a covered industrial process",
          lp);
      continue;
    }
    if (has_p) {
      if (read_industrial_line(s, ln, lp, f, &l)) {
        al->lines[al->n_lines++] = l;
        n_ind++;
        n_ind_bare += !l.has_emissions;
      }
      continue;
    }
    n_power++;
    for (const char *const *k =
             (const char *const[]){"case", "emissions", "allocated", NULL};
         *k; k++)
      if ((z = ytree_get(ln, *k))) {
        ERR(s, z->pos,
            "%s.%s: a power benchmark line is allocated by benchmark × "
            "output; %s belongs to a process line",
            lp, *k, *k);
        ok = false;
      }
    if ((z = ytree_get(ln, "benchmark")) &&
        sch_id(s, z, PATH(s, lp, "benchmark"), &l.benchmark)) {
      l.benchmark_pos = z->pos;
      bool known = false;
      for (size_t j = 0; j < nk; j++)
        known |= strcmp(keys[j], l.benchmark) == 0;
      if (!known) {
        const char *hint = sch_suggest(l.benchmark, keys, nk);
        if (hint)
          ERR(s, z->pos,
              "%s.benchmark: unknown benchmark \"%s\" of "
              "rules/ets.yaml (did you mean \"%s\"?)",
              lp, l.benchmark, hint);
        else
          ERR(s, z->pos,
              "%s.benchmark: unknown benchmark \"%s\" of "
              "rules/ets.yaml",
              lp, l.benchmark);
        ok = false;
      }
    } else {
      ok = false;
    }
    if ((z = ytree_get(ln, "electricity")))
      ok &= l.has_electricity = positive(s, z, PATH(s, lp, "electricity"),
                                         "MWh", &l.electricity_mwh, NULL);
    if ((z = ytree_get(ln, "heat")))
      ok &= l.has_heat =
          positive(s, z, PATH(s, lp, "heat"), "GJ", &l.heat_gj, NULL);
    if (!ytree_get(ln, "electricity") && !ytree_get(ln, "heat")) {
      ERR(s, ln->pos,
          "%s: neither electricity nor heat is given: a line "
          "allocates on one of them at least",
          lp);
      ok = false;
    }
    if ((z = ytree_get(ln, "correction"))) {
      double cf;
      if (sch_num(s, z, PATH(s, lp, "correction"), &cf)) {
        if (!(cf > 0 && cf <= 2)) {
          ERR(s, z->pos, "%s.correction: %g is outside (0, 2]", lp, cf);
          ok = false;
        } else {
          l.correction = cf;
        }
      } else {
        ok = false;
      }
    }
    if (ok)
      al->lines[al->n_lines++] = l;
  }
  if (n_power && n_ind)
    ERR(s, y->pos,
        "allowance.lines: power benchmark lines and industrial process lines "
        "in one facility: a captive power plant is an entity of the power "
        "sector, audit it as a facility of its own");
  else if (n_ind > 1 && n_ind_bare)
    ERR(s, y->pos,
        "allowance.lines: %zu process lines, %zu of them without emissions: "
        "with more than one line each gives its verified emissions",
        n_ind, n_ind_bare);
  return al;
}

/* }====================================================== */

void carbonin_read(schema *s, const ynode *root, model *m, const factors *f) {
  m_carbon_in *ci = &m->carbon_in;
  memset(ci, 0, sizeof *ci);
  const ynode *x;
  if ((x = ytree_get(root, "co2_recovered")) && !ytree_is_null(x))
    read_recovered(s, x, m, ci);
  if ((x = ytree_get(root, "green_electricity")) && !ytree_is_null(x))
    read_green(s, x, m, ci);
  if ((x = ytree_get(root, "carbon_management")) && !ytree_is_null(x))
    ci->mgmt = read_mgmt(s, x);
  if ((x = ytree_get(root, "allowance")) && !ytree_is_null(x))
    ci->allowance = read_allowance(s, x, f);
}
