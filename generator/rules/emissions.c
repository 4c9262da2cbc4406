/* emissions.c — the emission formulas of rules/: a process rule's
 * `formula:` (process.yaml), the non-CO2 gas rules (gases.yaml) and the
 * GWP sets (gwp.yaml).
 *
 * Input: ynode trees of rule files. Output: process_rule formulas,
 * gas_rule and gwp_set tables in the factors struct, each default with its
 * citation, source and `verified`. The forms themselves are computed in
 * calc/process.c and calc/gases.c (docs/calculation.md "Process emissions
 * by formula", "Non-CO2 gases"). Errors are diagnostics at
 * rule-file:line:column. */
#include "factors.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* {====================================================== formula inputs */

static const struct {
  const char *key;
  const char *zh, *en;
  bool mass;
} params[PP_COUNT] = {
    [PP_CAO] = {"cao", "CaO含量", "CaO content", false},
    [PP_MGO] = {"mgo", "MgO含量", "MgO content", false},
    [PP_CAO_NC] = {"cao_non_carbonate", "非碳酸盐来源的CaO含量",
                   "CaO from non-carbonate sources", false},
    [PP_MGO_NC] = {"mgo_non_carbonate", "非碳酸盐来源的MgO含量",
                   "MgO from non-carbonate sources", false},
    [PP_KILN_HEAD_DUST] = {"kiln_head_dust", "窑头粉尘量", "Kiln-head dust",
                           true},
    [PP_BYPASS_DUST] = {"bypass_dust", "旁路放风粉尘量", "Bypass dust", true},
    [PP_RAW_MEAL] = {"raw_meal", "生料消耗量", "Raw meal consumed", true},
    [PP_RAW_MEAL_TOC] = {"raw_meal_organic_carbon", "生料中非燃料碳含量",
                         "Organic carbon content of the raw meal", false},
    [PP_PURITY] = {"purity", "碳酸盐含量（纯度）", "Carbonate content (purity)",
                   false},
    [PP_CARBON_CONTENT] = {"carbon_content", "含碳量", "Carbon content",
                           false},
    [PP_CONSUMPTION] = {"net_anode_consumption", "吨铝炭阳极净耗",
                        "Net anode consumption per t of aluminium", false},
    [PP_SULFUR] = {"sulfur", "炭阳极含硫量", "Sulphur content of the anode",
                   false},
    [PP_ASH] = {"ash", "炭阳极灰分", "Ash content of the anode", false},
};

const char *factors_proc_param_key(proc_param p) { return params[p].key; }

text2 factors_proc_param_name(proc_param p)
{
  text2 t;
  memset(&t, 0, sizeof t);
  t.zh = params[p].zh;
  t.en = params[p].en;
  return t;
}

bool factors_proc_param_is_mass(proc_param p) { return params[p].mass; }

bool factors_proc_takes(const process_rule *r, proc_param p)
{
  switch (r->formula) {
  case PF_OXIDE:
    return p <= PP_RAW_MEAL_TOC;
  case PF_CARBONATE:
    return p == PP_PURITY;
  case PF_CARBON:
    if (p == PP_CONSUMPTION)
      return r->consumption;
    if (p == PP_SULFUR || p == PP_ASH)
      return r->impurities;
    return p == PP_CARBON_CONTENT && !r->impurities;
  case PF_FACTOR:
    break;
  }
  return false;
}

bool factors_proc_needs(const process_rule *r, proc_param p)
{
  if (!factors_proc_takes(r, p) || r->defaults[p].has)
    return false;
  switch (p) {
  case PP_CAO:
  case PP_PURITY:
  case PP_CARBON_CONTENT:
  case PP_CONSUMPTION:
  case PP_SULFUR:
  case PP_ASH:
    return true;
  default:
    return false; /* MgO, non-carbonate shares, dusts, raw meal: 0 */
  }
}

/* }====================================================== */
/* {====================================================== process formula */

/* A ratio written "44/100.09" or as a number. */
static bool read_ratio_expr(schema *s, const ynode *n, const char *path,
                            double *out)
{
  if (n && n->kind == YN_SCALAR && !ytree_is_null(n)) {
    const char *slash = strchr(n->str, '/');
    char *end;
    if (slash) {
      double a = strtod(n->str, &end);
      if (end == slash) {
        double b = strtod(slash + 1, &end);
        if (*end == '\0' && end != slash + 1 && a > 0 && b > 0) {
          *out = a / b;
          return true;
        }
      }
    } else if (sch_num(s, n, path, out)) {
      if (*out > 0)
        return true;
    } else {
      return false;
    }
  }
  diag_error(s->dl, n ? n->pos : src_none(),
             "%s: expected a positive ratio such as \"44/100.09\" or 0.44, "
             "found %s",
             path, n && n->kind == YN_SCALAR ? n->str : ytree_kind_name(n));
  return false;
}

/* The end of reading a default: its text, source and citation, and that
   it is there. */
static void default_done(schema *s, const ynode *n, const ynode *v,
                         const char *path, proc_default *d)
{
  d->text = v->str;
  tables_source(s, n, path, &d->source, &d->verified);
  factors_cite(s, n, path, &d->citation, NULL);
  d->has = true;
}

/* The value node of a gas rule's default (value, citation, source,
   verified), or NULL after a diagnostic. */
static const ynode *gas_default_value(schema *s, const ynode *n,
                                      const char *path)
{
  static const char *const keys[] = {"value", "citation", "source",
                                     "verified", NULL};
  static const char *const req[] = {"value", "citation", "source", NULL};
  return sch_map(s, n, path, keys, req) ? ytree_get(n, "value") : NULL;
}

static void read_default(schema *s, const ynode *k, const ynode *n,
                         const char *path, process_rule *r)
{
  static const char *const keys[] = {"value", "citation", "source",
                                     "verified", "checked", NULL};
  static const char *const req[] = {"value", "citation", "source", NULL};
  int p = 0;
  while (p < PP_COUNT && strcmp(params[p].key, k->str) != 0)
    p++;
  if (p == PP_COUNT || !factors_proc_takes(r, (proc_param)p)) {
    diag_error(s->dl, k->pos, "%s: \"%s\" is not an input of this formula",
               path, k->str);
    return;
  }
  if (params[p].mass) {
    diag_error(s->dl, k->pos, "%s: a mass (%s) is the plant's own figure "
                              "and has no default",
               path, k->str);
    return;
  }
  if (!sch_map(s, n, path, keys, req))
    return;
  proc_default *d = &r->defaults[p];
  const ynode *v = ytree_get(n, "value");
  if (!sch_ratio(s, v, sch_path(s, path, "value"), p != PP_CONSUMPTION,
                 &d->v))
    return;
  if (d->v < 0) {
    diag_error(s->dl, v->pos, "%s.value: negative %s", path, v->str);
    return;
  }
  default_done(s, n, v, path, d);
}

/* A gas density default of a coal-mine rule: a positive mass per volume
   ("7.17 t/万m3"), kept in t per m3. */
static void read_density(schema *s, const ynode *n, const char *path,
                         proc_default *d)
{
  const ynode *v = gas_default_value(s, n, path);
  if (!v)
    return;
  dimvec want = dim_of("t/m3");
  qty q;
  if (!sch_qty(s, v, sch_path(s, path, "value"), &want, &q))
    return;
  if (!(q.v > 0)) {
    diag_error(s->dl, v->pos, "%s.value: expected a positive density, found "
                              "%s",
               path, v->str);
    return;
  }
  d->v = q.v;
  default_done(s, n, v, path, d);
}

void tables_process_formula(schema *s, const ynode *m, const char *path,
                            process_rule *r)
{
  static const char *const forms[] = {"factor", "oxide", "carbonate",
                                      "carbon", NULL};
  static const char *const carbon[] = {"content", "one_minus_sulfur_ash",
                                       NULL};
  const ynode *x = ytree_get(m, "formula");
  int f;
  if (!sch_enum(s, x, sch_path(s, path, "formula"), forms + 1, &f))
    return;
  r->formula = (proc_formula)(f + 1);
  if ((x = ytree_get(m, "activity")))
    sch_text2(s, x, sch_path(s, path, "activity"), &r->activity);
  x = ytree_get(m, "ratio");
  if (r->formula == PF_CARBONATE) {
    if (!x) {
      diag_error(s->dl, m->pos, "%s: a carbonate formula needs `ratio` "
                                "(CO2 per unit of carbonate, such as "
                                "\"44/100.09\")",
                 path);
      return;
    }
    if (read_ratio_expr(s, x, sch_path(s, path, "ratio"), &r->ratio))
      r->ratio_text = x->str;
  } else if (x) {
    diag_error(s->dl, x->pos, "%s.ratio: only a carbonate formula takes a "
                              "ratio (the oxide and carbon formulas use "
                              "44/56, 44/40.30 and 44/12)",
               path);
  }
  const ynode *dx = ytree_get(m, "deduct"), *cx = ytree_get(m, "carbon");
  if (r->formula != PF_CARBON) {
    if (dx || cx)
      diag_error(s->dl, (dx ? dx : cx)->pos,
                 "%s.%s: only a carbon formula takes it", path,
                 dx ? "deduct" : "carbon");
  } else {
    if (dx)
      sch_bool(s, dx, sch_path(s, path, "deduct"), &r->deduct);
    int c = 0;
    if (cx)
      sch_enum(s, cx, sch_path(s, path, "carbon"), carbon, &c);
    r->impurities = c == 1;
    /* the anode form takes the net consumption per unit of product */
    r->consumption = r->impurities;
  }
  const ynode *ds = ytree_get(m, "defaults");
  if (!ds || ytree_is_null(ds))
    return;
  if (ds->kind != YN_MAP) {
    diag_error(s->dl, ds->pos, "%s.defaults: expected a mapping, found %s",
               path, ytree_kind_name(ds));
    return;
  }
  for (size_t i = 0; i < ds->n; i++)
    read_default(s, ds->kids[2 * i], ds->kids[2 * i + 1],
                 sch_path(s, sch_path(s, path, "defaults"),
                          ds->kids[2 * i]->str),
                 r);
}

/* }====================================================== */
/* {====================================================== gases */

static void read_tech(schema *s, const ynode *k, const ynode *n,
                      const char *path, gas_kind kind, gas_tech *t)
{
  static const char *const slope_keys[] = {
      "name", "slope_cf4", "c2f6_per_cf4", "citation", "source", "verified",
      NULL};
  static const char *const slope_req[] = {"name", "slope_cf4", "c2f6_per_cf4",
                                          "citation", "source", NULL};
  static const char *const prod_keys[] = {"name",   "factor",   "citation",
                                          "source", "verified", NULL};
  static const char *const prod_req[] = {"name", "factor", "citation",
                                         "source", NULL};
  static const char *const mine_keys[] = {"name",     "post_mining", "mining",
                                          "citation", "source",      "verified",
                                          NULL};
  static const char *const mine_req[] = {"name", "post_mining", "citation",
                                         "source", NULL};
  bool slope = kind == GK_SLOPE, mine = kind == GK_COAL_MINE;
  memset(t, 0, sizeof *t);
  if (!sch_id(s, k, path, &t->key) ||
      !sch_map(s, n, path,
               slope  ? slope_keys
               : mine ? mine_keys
                      : prod_keys,
               slope  ? slope_req
               : mine ? mine_req
                      : prod_req))
    return;
  sch_text2(s, ytree_get(n, "name"), sch_path(s, path, "name"), &t->name);
  const char *an = slope ? "slope_cf4" : mine ? "post_mining" : "factor";
  const ynode *a = ytree_get(n, an);
  if (mine) {
    /* the surface mining factor, for a surface mine only */
    const ynode *b = ytree_get(n, "mining");
    if (b && sch_ratio(s, b, sch_path(s, path, "mining"), false, &t->b)) {
      t->b_text = b->str;
      if (t->b <= 0)
        diag_error(s->dl, b->pos,
                   "%s.mining: expected a positive number, found %s", path,
                   b->str);
    }
  }
  if (a && sch_ratio(s, a, sch_path(s, path, an), false, &t->a)) {
    t->a_text = a->str;
    if (t->a <= 0)
      diag_error(s->dl, a->pos, "%s.%s: expected a positive number, found %s",
                 path, an, a->str);
  }
  if (slope) {
    const ynode *b = ytree_get(n, "c2f6_per_cf4");
    if (b && sch_ratio(s, b, sch_path(s, path, "c2f6_per_cf4"), true, &t->b))
      t->b_text = b->str;
  }
  tables_source(s, n, path, &t->source, &t->verified);
  factors_cite(s, n, path, &t->citation, NULL);
}

static void read_gas_default(schema *s, const ynode *n, const char *path,
                             proc_default *d)
{
  const ynode *v = gas_default_value(s, n, path);
  if (!v)
    return;
  if (!sch_ratio(s, v, sch_path(s, path, "value"), false, &d->v))
    return;
  default_done(s, n, v, path, d);
}

void tables_gases(schema *s, const ynode *root, factors *f)
{
  static const char *const top[] = {"gases", NULL};
  static const char *const keys[] = {
      "name",        "kind",        "gas",          "technologies",
      "citation",    "source",      "verified",     "b0",
      "mcf",         "ch4_density", "co2_density",  "flare_oxidation",
      "factor_uncertainty", "measure", NULL};
  static const char *const req[] = {"name", "kind", "gas", "citation",
                                    "source", NULL};
  static const char *const kinds[] = {"anode_effect_slope", "equipment",
                                      "production", "wastewater",
                                      "coal_mine",  NULL};
  if (!sch_map(s, root, "gases.yaml", top, top))
    return;
  const ynode *gs = ytree_get(root, "gases");
  if (!gs || gs->kind != YN_MAP) {
    if (gs && !ytree_is_null(gs))
      diag_error(s->dl, gs->pos, "gases: expected a mapping, found %s",
                 ytree_kind_name(gs));
    return;
  }
  gas_rule *all = ARENA_ARRAY(s->a, gas_rule, f->n_gases + gs->n + 1);
  if (f->n_gases)
    memcpy(all, f->gases, sizeof *all * f->n_gases);
  for (size_t i = 0; i < gs->n; i++) {
    const ynode *k = gs->kids[2 * i], *n = gs->kids[2 * i + 1], *x;
    gas_rule g;
    memset(&g, 0, sizeof g);
    if (!sch_id(s, k, "gases", &g.key))
      continue;
    const char *path = arena_printf(s->a, "gases.%s", g.key);
    size_t before = diag_errors(s->dl);
    if (!sch_map(s, n, path, keys, req))
      continue;
    sch_text2(s, ytree_get(n, "name"), sch_path(s, path, "name"), &g.name);
    int kind;
    if (!sch_enum(s, ytree_get(n, "kind"), sch_path(s, path, "kind"), kinds,
                  &kind))
      continue;
    g.kind = (gas_kind)kind;
    x = ytree_get(n, "gas");
    if (g.kind == GK_SLOPE || g.kind == GK_COAL_MINE) {
      /* the two perfluorocarbons of an anode effect; a mine's CH4, CO2 */
      size_t cnt;
      const char **two = tables_id_list(s, x, sch_path(s, path, "gas"), &cnt);
      if (cnt != 2) {
        if (x->kind == YN_SEQ) /* else tables_id_list said so */
          diag_error(s->dl, x->pos, "%s.gas: the %s names two gases %s",
                     path,
                     g.kind == GK_SLOPE ? "slope method" : "coal-mine kind",
                     g.kind == GK_SLOPE ? "[CF4, C2F6]" : "[CH4, CO2]");
        continue;
      }
      g.gas = two[0];
      g.gas2 = two[1];
    } else if (!sch_str(s, x, sch_path(s, path, "gas"), &g.gas)) {
      continue;
    }
    const ynode *ts = ytree_get(n, "technologies");
    bool wants_tech = g.kind == GK_SLOPE || g.kind == GK_PRODUCTION ||
                      g.kind == GK_COAL_MINE;
    if (ts && !wants_tech) {
      diag_error(s->dl, ts->pos, "%s.technologies: only the slope, "
                                 "production and coal-mine kinds have "
                                 "technologies",
                 path);
      continue;
    }
    if (ts && ts->kind == YN_MAP) {
      g.techs = ARENA_ARRAY(s->a, gas_tech, ts->n + 1);
      for (size_t j = 0; j < ts->n; j++)
        read_tech(s, ts->kids[2 * j], ts->kids[2 * j + 1],
                  sch_path(s, sch_path(s, path, "technologies"),
                           ts->kids[2 * j]->str),
                  g.kind, &g.techs[g.n_techs++]);
    } else if (ts) {
      diag_error(s->dl, ts->pos, "%s.technologies: expected a mapping, "
                                 "found %s",
                 path, ytree_kind_name(ts));
    }
    if (g.kind == GK_WASTEWATER) {
      if ((x = ytree_get(n, "b0")))
        read_gas_default(s, x, sch_path(s, path, "b0"), &g.b0);
      if ((x = ytree_get(n, "mcf")))
        read_gas_default(s, x, sch_path(s, path, "mcf"), &g.mcf);
      if (g.mcf.has && g.mcf.v > 1)
        diag_error(s->dl, x->pos, "%s.mcf.value: %s is outside 0 to 100 %%",
                   path, g.mcf.text);
    } else if (ytree_get(n, "b0") || ytree_get(n, "mcf")) {
      diag_error(s->dl, n->pos, "%s: b0 and mcf belong to a wastewater rule",
                 path);
    }
    if (g.kind == GK_COAL_MINE) {
      if ((x = ytree_get(n, "ch4_density")))
        read_density(s, x, sch_path(s, path, "ch4_density"), &g.ch4_density);
      if ((x = ytree_get(n, "co2_density")))
        read_density(s, x, sch_path(s, path, "co2_density"), &g.co2_density);
      if ((x = ytree_get(n, "flare_oxidation"))) {
        read_gas_default(s, x, sch_path(s, path, "flare_oxidation"),
                         &g.flare_oxidation);
        if (g.flare_oxidation.has && g.flare_oxidation.v > 1)
          diag_error(s->dl, x->pos,
                     "%s.flare_oxidation.value: %s is outside 0 to 100 %%",
                     path, g.flare_oxidation.text);
      }
      if (!g.ch4_density.has || !g.co2_density.has)
        diag_error(s->dl, n->pos, "%s: a coal-mine rule needs ch4_density and "
                                  "co2_density",
                   path);
    } else if (ytree_get(n, "ch4_density") || ytree_get(n, "co2_density") ||
               ytree_get(n, "flare_oxidation")) {
      diag_error(s->dl, n->pos, "%s: ch4_density, co2_density and "
                                "flare_oxidation belong to a coal-mine rule",
                 path);
    }
    if ((x = ytree_get(n, "factor_uncertainty"))) {
      read_gas_default(s, x, sch_path(s, path, "factor_uncertainty"),
                       &g.factor_unc);
      if (g.factor_unc.has && !(g.factor_unc.v > 0))
        diag_error(s->dl, ytree_get(x, "value")->pos,
                   "%s.factor_uncertainty.value: %s is not an uncertainty "
                   "greater than zero",
                   path, g.factor_unc.text);
    }
    if ((x = ytree_get(n, "measure")))
      sch_text2(s, x, sch_path(s, path, "measure"), &g.measure);
    tables_source(s, n, path, &g.source, &g.verified);
    factors_cite(s, n, path, &g.citation, NULL);
    if (diag_errors(s->dl) != before)
      continue;
    size_t at = 0;
    while (at < f->n_gases && strcmp(all[at].key, g.key) != 0)
      at++;
    g.layer = f->layer;
    all[at] = g;
    if (at == f->n_gases)
      f->n_gases++;
  }
  f->gases = all;
}

const gas_rule *factors_gas(const factors *f, const char *key)
{
  for (size_t i = 0; i < f->n_gases; i++)
    if (strcmp(f->gases[i].key, key) == 0)
      return &f->gases[i];
  return NULL;
}

const gas_tech *factors_gas_tech(const gas_rule *r, const char *key)
{
  for (size_t i = 0; key && i < r->n_techs; i++)
    if (strcmp(r->techs[i].key, key) == 0)
      return &r->techs[i];
  return NULL;
}

/* }====================================================== */
/* {====================================================== GWP */

void tables_gwp(schema *s, const ynode *root, factors *f)
{
  static const char *const top[] = {"default", "sets", NULL};
  static const char *const keys[] = {"name",   "citation", "source",
                                     "values", NULL};
  static const char *const vkeys[] = {"gwp", "verified", NULL};
  static const char *const vreq[] = {"gwp", NULL};
  if (!sch_map(s, root, "gwp.yaml", top, top))
    return;
  const ynode *ss = ytree_get(root, "sets");
  if (!ss || ss->kind != YN_MAP) {
    diag_error(s->dl, ss ? ss->pos : root->pos,
               "sets: expected a mapping, found %s", ytree_kind_name(ss));
    return;
  }
  gwp_set *all = ARENA_ARRAY(s->a, gwp_set, f->n_gwp_sets + ss->n + 1);
  if (f->n_gwp_sets)
    memcpy(all, f->gwp_sets, sizeof *all * f->n_gwp_sets);
  for (size_t i = 0; i < ss->n; i++) {
    const ynode *k = ss->kids[2 * i], *n = ss->kids[2 * i + 1];
    gwp_set g;
    memset(&g, 0, sizeof g);
    if (!sch_id(s, k, "sets", &g.key))
      continue;
    const char *path = arena_printf(s->a, "sets.%s", g.key);
    if (!sch_map(s, n, path, keys, keys))
      continue;
    sch_text2(s, ytree_get(n, "name"), sch_path(s, path, "name"), &g.name);
    sch_text2(s, ytree_get(n, "source"), sch_path(s, path, "source"),
              &g.source);
    factors_cite(s, n, path, &g.citation, NULL);
    const ynode *vs = ytree_get(n, "values");
    if (!vs || vs->kind != YN_MAP) {
      diag_error(s->dl, vs ? vs->pos : n->pos,
                 "%s.values: expected a mapping, found %s",
                 path, ytree_kind_name(vs));
      continue;
    }
    g.values = ARENA_ARRAY(s->a, gwp_value, vs->n + 1);
    for (size_t j = 0; j < vs->n; j++) {
      const ynode *gk = vs->kids[2 * j], *gv = vs->kids[2 * j + 1];
      gwp_value *v = &g.values[g.n];
      const char *vp = sch_path(s, sch_path(s, path, "values"), gk->str);
      if (!sch_str(s, gk, vp, &v->gas) || !sch_map(s, gv, vp, vkeys, vreq) ||
          !ytree_get(gv, "gwp") ||
          !sch_num(s, ytree_get(gv, "gwp"), sch_path(s, vp, "gwp"), &v->gwp))
        continue;
      if (!(v->gwp > 0)) {
        diag_error(s->dl, ytree_get(gv, "gwp")->pos,
                   "%s.gwp: expected a positive number", vp);
        continue;
      }
      const ynode *vv = ytree_get(gv, "verified");
      if (vv)
        sch_bool(s, vv, sch_path(s, vp, "verified"), &v->verified);
      g.n++;
    }
    size_t at = 0;
    while (at < f->n_gwp_sets && strcmp(all[at].key, g.key) != 0)
      at++;
    g.layer = f->layer;
    all[at] = g;
    if (at == f->n_gwp_sets)
      f->n_gwp_sets++;
  }
  f->gwp_sets = all;
  const ynode *d = ytree_get(root, "default");
  if (d && sch_id(s, d, "default", &f->gwp_default) &&
      !factors_gwp_set(f, f->gwp_default)) {
    diag_error(s->dl, d->pos, "default: no GWP set \"%s\" in sets",
               f->gwp_default);
    f->gwp_default = NULL;
  }
}

const gwp_set *factors_gwp_set(const factors *f, const char *key)
{
  for (size_t i = 0; key && i < f->n_gwp_sets; i++)
    if (strcmp(f->gwp_sets[i].key, key) == 0)
      return &f->gwp_sets[i];
  return NULL;
}

const gwp_value *factors_gwp(const gwp_set *set, const char *gas)
{
  for (size_t i = 0; set && i < set->n; i++)
    if (strcmp(set->values[i].gas, gas) == 0)
      return &set->values[i];
  return NULL;
}

/* }====================================================== */
