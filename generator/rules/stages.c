/* stages.c — stage (工段) indicators of an industry: rules/stages.yaml.
 *
 * Input: the file's tree. Output: factors.stages, one set per industry,
 * each with the sections a facility's units may name and the indicators
 * computed over them (calc/stages.c). Errors at rules-file:line:column. */
#include "factors.h"

#include <string.h>

const char *const CONVERSION_KINDS[] = {
    "other",          "waste_heat_power", "waste_heat_boiler", "boiler",
    "turbine_generator", "chp",           "rectifier",         "compressed_air",
    "oxygen",         "refrigeration",    NULL};

static const char *const measures[] = {"electricity", "fuel_heat", "energy",
                                       "conversion_output", NULL};

/* The numerator's dimension of a measure (before the product's). */
static dimvec measure_dim(int measure)
{
  return dim_of(measure == ST_ENERGY ? "kgce" : "kWh");
}

static void read_reference(schema *s, const ynode *n, const char *path,
                           st_indicator *ind)
{
  static const char *const keys[] = {"value",  "name",     "citation",
                                     "source", "verified", NULL};
  static const char *const req[] = {"value", "name", "citation", "source",
                                    NULL};
  if (!sch_map(s, n, path, keys, req))
    return;
  const ynode *x;
  qty q;
  if ((x = ytree_get(n, "value")) && ind->unit &&
      sch_qty(s, x, sch_path(s, path, "value"), &ind->dim, &q)) {
    ind->has_reference = true;
    ind->reference = q.v;
    ind->reference_text = q.text;
  }
  if ((x = ytree_get(n, "name")))
    sch_text2(s, x, sch_path(s, path, "name"), &ind->reference_name);
  if ((x = ytree_get(n, "citation")))
    sch_text2(s, x, sch_path(s, path, "citation"), &ind->reference_citation);
  tables_source(s, n, path, &ind->reference_source, &ind->reference_verified);
}

static void read_compare(schema *s, const ynode *n, const char *path,
                         st_indicator *ind)
{
  static const char *const keys[] = {"benchmark", "indicator", NULL};
  if (!sch_map(s, n, path, keys, keys))
    return;
  const ynode *x;
  if ((x = ytree_get(n, "benchmark")))
    sch_id(s, x, sch_path(s, path, "benchmark"), &ind->cmp_benchmark);
  if ((x = ytree_get(n, "indicator")))
    sch_id(s, x, sch_path(s, path, "indicator"), &ind->cmp_indicator);
  ind->cmp_pos = n->pos;
  if (!ind->cmp_benchmark || !ind->cmp_indicator)
    ind->cmp_benchmark = ind->cmp_indicator = NULL;
}

/* per: {conversion, carrier}: the denominator is the gross output of the
   conversion units of that kind, in that carrier (the unit's own output
   carrier when not given). */
static bool read_per(schema *s, const ynode *n, const char *path,
                     st_indicator *ind)
{
  static const char *const keys[] = {"conversion", "carrier", NULL};
  static const char *const req[] = {"conversion", NULL};
  if (!sch_map(s, n, path, keys, req))
    return false;
  const ynode *x;
  int k;
  bool ok = true;
  if ((x = ytree_get(n, "conversion"))) {
    /* one kind, or a list of kinds */
    const char *cpath = sch_path(s, path, "conversion");
    size_t nk = x->kind == YN_SEQ ? x->n : 1;
    ind->per_kinds = ARENA_ARRAY(s->a, const char *, nk + 1);
    if (x->kind == YN_SEQ && x->n == 0) {
      diag_error(s->dl, x->pos, "%s: at least one kind", cpath);
      ok = false;
    }
    for (size_t i = 0; i < nk; i++) {
      const ynode *y = x->kind == YN_SEQ ? x->kids[i] : x;
      if (sch_enum(s, y, x->kind == YN_SEQ ? sch_index(s, cpath, i) : cpath,
                   CONVERSION_KINDS, &k))
        ind->per_kinds[ind->n_per_kinds++] =
            arena_intern(s->a, CONVERSION_KINDS[k]);
      else
        ok = false;
    }
  }
  if ((x = ytree_get(n, "carrier")))
    ok &= sch_id(s, x, sch_path(s, path, "carrier"), &ind->per_carrier);
  ind->per_pos = n->pos;
  return ok && ind->n_per_kinds > 0;
}

static bool read_st_indicator(schema *s, const ynode *n, const char *path,
                              const stage_set *set, st_indicator *ind)
{
  static const char *const keys[] = {
      "id",      "name",      "measure", "sections", "conversion", "unit",
      "compare", "reference", "definition", "citation", "source", "verified",
      "per",     NULL};
  static const char *const req[] = {"id",         "name",   "measure",
                                    "sections",   "unit",   "definition",
                                    "source",     NULL};
  memset(ind, 0, sizeof *ind);
  ind->pos = n->pos;
  if (!sch_map(s, n, path, keys, req))
    return false;
  const ynode *x;
  bool ok = true;
  if ((x = ytree_get(n, "id")))
    ok &= sch_id(s, x, sch_path(s, path, "id"), &ind->id);
  if ((x = ytree_get(n, "name")))
    sch_text2(s, x, sch_path(s, path, "name"), &ind->name);
  if ((x = ytree_get(n, "definition")))
    sch_text2(s, x, sch_path(s, path, "definition"), &ind->definition);
  if ((x = ytree_get(n, "citation")))
    sch_text2(s, x, sch_path(s, path, "citation"), &ind->citation);
  tables_source(s, n, path, &ind->source, &ind->verified);
  ok &= (x = ytree_get(n, "measure")) &&
        sch_enum(s, x, sch_path(s, path, "measure"), measures, &ind->measure);
  const char *spath = sch_path(s, path, "sections");
  if ((x = ytree_get(n, "sections"))) {
    ind->sections = tables_id_list(s, x, spath, &ind->n_sections);
    if (x->kind == YN_SEQ && x->n == 0) {
      diag_error(s->dl, x->pos, "%s: at least one section", spath);
      ok = false;
    }
    for (size_t i = 0; i < ind->n_sections; i++) {
      size_t k = 0;
      while (k < set->n_sections &&
             strcmp(set->sections[k].id, ind->sections[i]) != 0)
        k++;
      if (k == set->n_sections) {
        const char **ids =
            ARENA_ARRAY(s->a, const char *, set->n_sections + 1);
        for (size_t j = 0; j < set->n_sections; j++)
          ids[j] = set->sections[j].id;
        const char *near = sch_suggest(ind->sections[i], ids, set->n_sections);
        diag_error(s->dl, x->kids[i]->pos,
                   "%s: \"%s\" is not a section of this set%s%s%s",
                   sch_index(s, spath, i), ind->sections[i],
                   near ? " (did you mean \"" : "", near ? near : "",
                   near ? "\"?)" : "");
        ok = false;
      }
    }
  }
  x = ytree_get(n, "conversion");
  if (ind->measure == ST_CONVERSION_OUTPUT) {
    int k;
    if (!x) {
      diag_error(s->dl, n->pos, "%s: measure conversion_output needs "
                                "conversion (the kind of unit whose output "
                                "is counted)",
                 path);
      ok = false;
    } else if (sch_enum(s, x, sch_path(s, path, "conversion"),
                        CONVERSION_KINDS, &k)) {
      ind->conversion = arena_intern(s->a, CONVERSION_KINDS[k]);
    } else {
      ok = false;
    }
  } else if (x) {
    diag_error(s->dl, x->pos, "%s.conversion: only measure "
                              "conversion_output names a kind of conversion "
                              "unit; this indicator's measure is %s",
               path, measures[ind->measure]);
    ok = false;
  }
  unit_info ui;
  if ((x = ytree_get(n, "unit")) &&
      sch_str(s, x, sch_path(s, path, "unit"), &ind->unit)) {
    if (!units_lookup(ind->unit, strlen(ind->unit), &ui)) {
      diag_error(s->dl, x->pos, "%s.unit: unknown unit \"%s\"", path,
                 ind->unit);
      ind->unit = NULL;
      ok = false;
    } else {
      ind->dim = ui.dim;
      /* per unit of product: the numerator's dimension over one more */
      dimvec num = measure_dim(ind->measure);
      bool fits = true;
      int diff = 0;
      for (int d = 0; d < DIM_COUNT; d++) {
        int e = num.e[d] - ind->dim.e[d];
        if (e < 0)
          fits = false;
        diff += e;
      }
      /* a conversion's output is in its carrier's unit, checked in calc */
      if (ind->measure != ST_CONVERSION_OUTPUT && (!fits || diff == 0)) {
        diag_error(s->dl, x->pos,
                   "%s.unit: \"%s\" is not %s per unit of product",
                   path, ind->unit,
                   ind->measure == ST_ENERGY ? "kgce" : "energy");
        ind->unit = NULL;
        ok = false;
      }
    }
  }
  if ((x = ytree_get(n, "per")))
    ok &= read_per(s, x, sch_path(s, path, "per"), ind);
  if ((x = ytree_get(n, "compare")))
    read_compare(s, x, sch_path(s, path, "compare"), ind);
  if ((x = ytree_get(n, "reference")))
    read_reference(s, x, sch_path(s, path, "reference"), ind);
  return ok && ind->unit;
}

static void read_set(schema *s, const char *key, const ynode *k,
                     const ynode *n, stage_set *set)
{
  static const char *const keys[] = {"industry", "name", "sections",
                                     "indicators", NULL};
  const char *path = arena_printf(s->a, "stages.%s", key);
  memset(set, 0, sizeof *set);
  set->key = key;
  set->pos = k->pos;
  if (!sch_map(s, n, path, keys, keys))
    return;
  const ynode *x;
  if ((x = ytree_get(n, "industry")) &&
      sch_id(s, x, sch_path(s, path, "industry"), &set->industry))
    set->industry_pos = x->pos;
  if ((x = ytree_get(n, "name")))
    sch_text2(s, x, sch_path(s, path, "name"), &set->name);
  const char *spath = sch_path(s, path, "sections");
  if ((x = ytree_get(n, "sections"))) {
    if (x->kind != YN_MAP) {
      diag_error(s->dl, x->pos, "%s: expected a mapping of section ids to "
                                "names, found %s",
                 spath, ytree_kind_name(x));
    } else {
      set->sections = ARENA_ARRAY(s->a, st_section, x->n + 1);
      for (size_t i = 0; i < x->n; i++) {
        st_section *sec = &set->sections[set->n_sections];
        if (!sch_id(s, x->kids[2 * i], spath, &sec->id) ||
            !sch_text2(s, x->kids[2 * i + 1], sch_path(s, spath, sec->id),
                       &sec->name))
          continue;
        set->n_sections++;
      }
    }
  }
  const char *ipath = sch_path(s, path, "indicators");
  if ((x = ytree_get(n, "indicators")) && sch_list(s, x, ipath)) {
    set->ind = ARENA_ARRAY(s->a, st_indicator, x->n + 1);
    for (size_t i = 0; i < x->n; i++) {
      st_indicator *ind = &set->ind[set->n_ind];
      if (!read_st_indicator(s, x->kids[i], sch_index(s, ipath, i), set, ind))
        continue;
      bool dup = false;
      for (size_t j = 0; j < set->n_ind && !dup; j++)
        dup = strcmp(set->ind[j].id, ind->id) == 0;
      if (dup) {
        diag_error(s->dl, x->kids[i]->pos, "%s: duplicate indicator id "
                                           "\"%s\"",
                   sch_index(s, ipath, i), ind->id);
        continue;
      }
      set->n_ind++;
    }
  }
}

void tables_stages(schema *s, const ynode *root, factors *f)
{
  static const char *const top[] = {"stages", NULL};
  if (!sch_map(s, root, "stages file", top, top))
    return;
  const ynode *ss = ytree_get(root, "stages");
  if (!ss || ss->kind != YN_MAP) {
    if (ss)
      diag_error(s->dl, ss->pos, "stages: expected a mapping, found %s",
                 ytree_kind_name(ss));
    return;
  }
  stage_set *all = ARENA_ARRAY(s->a, stage_set, f->n_stages + ss->n + 1);
  if (f->n_stages)
    memcpy(all, f->stages, sizeof *all * f->n_stages);
  for (size_t i = 0; i < ss->n; i++) {
    const ynode *k = ss->kids[2 * i];
    const char *key;
    if (!sch_id(s, k, "stages", &key))
      continue;
    size_t at = 0;
    while (at < f->n_stages && strcmp(all[at].key, key) != 0)
      at++;
    read_set(s, key, k, ss->kids[2 * i + 1], &all[at]);
    all[at].layer = f->layer;
    if (at == f->n_stages)
      f->n_stages++;
  }
  f->stages = all;
}

/* What a set names elsewhere: its industry (industries.yaml), and the
   benchmark indicator an indicator is graded by, whose unit must be the
   indicator's. Two sets may not claim the same industry. */
void stages_check(schema *s, const factors *f)
{
  const char *code;
  text2 name;
  for (size_t i = 0; i < f->n_stages; i++) {
    const stage_set *set = &f->stages[i];
    if (set->industry && f->n_industries &&
        !industries_resolve(f, set->industry, &code, &name))
      diag_error(s->dl, set->industry_pos,
                 "stages.%s.industry: \"%s\" is not an industry of "
                 "industries.yaml (a GB/T 4754-2017 code such as C3011, or a "
                 "key such as cement)",
                 set->key, set->industry);
    for (size_t j = 0; j < i; j++)
      if (set->industry && f->stages[j].industry &&
          strcmp(set->industry, f->stages[j].industry) == 0)
        diag_error(s->dl, set->industry_pos,
                   "stages.%s.industry: \"%s\" already has the stage set "
                   "\"%s\" (one set per industry)",
                   set->key, set->industry, f->stages[j].key);
    for (size_t k = 0; k < set->n_ind; k++) {
      const st_indicator *ind = &set->ind[k];
      if (ind->per_carrier && !factors_carrier(f, ind->per_carrier))
        diag_error(s->dl, ind->per_pos,
                   "stages.%s.indicators[%s].per.carrier: unknown carrier "
                   "\"%s\"",
                   set->key, ind->id, ind->per_carrier);
      if (!ind->cmp_benchmark)
        continue;
      const benchmark *b = factors_benchmark(f, ind->cmp_benchmark);
      const bm_indicator *bi = NULL;
      for (size_t m = 0; b && m < b->n_ind && !bi; m++)
        if (strcmp(b->ind[m].id, ind->cmp_indicator) == 0)
          bi = &b->ind[m];
      if (!b)
        diag_error(s->dl, ind->cmp_pos,
                   "stages.%s.indicators[%s].compare.benchmark: unknown "
                   "benchmark \"%s\"",
                   set->key, ind->id, ind->cmp_benchmark);
      else if (!bi)
        diag_error(s->dl, ind->cmp_pos,
                   "stages.%s.indicators[%s].compare.indicator: benchmark "
                   "\"%s\" has no indicator \"%s\"",
                   set->key, ind->id, ind->cmp_benchmark, ind->cmp_indicator);
      else if ((bi->basis == BASIS_ELECTRICITY) !=
                   (ind->measure == ST_ELECTRICITY) ||
               (bi->basis == BASIS_ENERGY) != (ind->measure == ST_ENERGY) ||
               bi->basis == BASIS_FUEL)
        diag_error(s->dl, ind->cmp_pos,
                   "stages.%s.indicators[%s].compare: the benchmark's "
                   "indicator counts %s; this one's measure is %s",
                   set->key, ind->id,
                   bi->basis == BASIS_ELECTRICITY ? "electricity"
                   : bi->basis == BASIS_ENERGY    ? "all energy (kgce)"
                                                  : "fuel (kgce)",
                   measures[ind->measure]);
      else if (!dim_eq(bi->dim, ind->dim))
        diag_error(s->dl, ind->cmp_pos,
                   "stages.%s.indicators[%s].compare: the benchmark's "
                   "indicator is in %s, this one in %s",
                   set->key, ind->id, bi->unit, ind->unit);
    }
  }
}

const stage_set *factors_stages(const factors *f, const char *code,
                                const char *written)
{
  for (size_t i = 0; written && i < f->n_stages; i++) {
    const stage_set *set = &f->stages[i];
    const char *scode = NULL;
    text2 name;
    if (!set->industry ||
        !industries_resolve(f, set->industry, &scode, &name))
      continue;
    if (scode ? code && industries_within(code, scode)
              : strcmp(set->industry, written) == 0)
      return set;
  }
  return NULL;
}
