/* buildings.c — the quotas buildings are compared with: rules/buildings.yaml.
 *
 * Input: the file's tree. Output: factors.quotas, each a standard's
 * comparison values (constraint, baseline, guide) for one indicator of
 * energy.intensity, in rows selected by climate zone, GB/T 51161 class
 * and hospital grade. Errors at rules-file:line:column; a later rules
 * directory replaces a quota of the same key and adds new ones.
 * Invariant: in every row guide <= baseline <= constraint, all > 0.
 * Also factors.lighting, the lighting power density limits by kind of
 * room (target <= current, both > 0, at least one given). */
#include "factors.h"

#include "../load/fschema.h"

#include <math.h>
#include <string.h>

/* name, unit: the per-m², per-person, per-bed … figures calc/building.c
   computes (docs/calculation.md "Buildings"). */
const char *const BUILDING_INDICATORS[] = {
    "kgce_per_m2", "kgce/m2",
    "kgce_per_m2_equal_value", "kgce/m2",
    "kwh_per_m2", "kWh/m2",
    "kwh_per_m2_regular", "kWh/m2",
    "kgce_per_m2_regular", "kgce/m2",
    "kgce_per_m2_regular_equal_value", "kgce/m2",
    "kwh_per_m2_non_heating", "kWh/m2",
    "kgce_per_employee", "kgce/person",
    "kgce_per_employee_equal_value", "kgce/person",
    "kgce_per_occupant", "kgce/person",
    "kgce_per_occupant_equal_value", "kgce/person",
    "kgce_per_bed", "kgce/bed",
    "kgce_per_bed_equal_value", "kgce/bed",
    "kgce_per_bed_day", "kgce/bed-day",
    "kgce_per_bed_day_equal_value", "kgce/bed-day",
    "kgce_per_outpatient_visit", "kgce/visit",
    "kgce_per_outpatient_visit_equal_value", "kgce/visit",
    "kgce_per_student", "kgce/person",
    "kgce_per_student_equal_value", "kgce/person",
    NULL};

const char *factors_building_unit(const char *key)
{
  for (size_t i = 0; key && BUILDING_INDICATORS[i]; i += 2)
    if (strcmp(BUILDING_INDICATORS[i], key) == 0)
      return BUILDING_INDICATORS[i + 1];
  return NULL;
}

/* A list of words of one vocabulary (a single word is a list of one). */
static const char **word_list(schema *s, const ynode *n, const char *path,
                              const char *const *words, size_t *count)
{
  *count = 0;
  int k;
  if (n && n->kind == YN_SCALAR) {
    const char **out = ARENA_ARRAY(s->a, const char *, 2);
    if (sch_enum(s, n, path, words, &k))
      out[(*count)++] = arena_intern(s->a, words[k]);
    return *count ? out : NULL;
  }
  if (!sch_list(s, n, path))
    return NULL;
  if (n->n == 0) {
    diag_error(s->dl, n->pos, "%s: expected at least one word", path);
    return NULL;
  }
  const char **out = ARENA_ARRAY(s->a, const char *, n->n + 1);
  for (size_t i = 0; i < n->n; i++)
    if (sch_enum(s, n->kids[i], sch_index(s, path, i), words, &k))
      out[(*count)++] = arena_intern(s->a, words[k]);
  return *count ? out : NULL;
}

/* A comparison value: a plain number in the quota's unit, > 0. */
static double read_value(schema *s, const ynode *n, const char *path)
{
  double v;
  if (!sch_num(s, n, path, &v))
    return NAN;
  if (!(v > 0) || !isfinite(v)) {
    diag_error(s->dl, n->pos, "%s: must be greater than zero, found %s", path,
               n->str);
    return NAN;
  }
  return v;
}

static void read_row(schema *s, const ynode *n, const char *path, bq_row *r)
{
  static const char *const keys[] = {
      "climate_zone", "ventilation", "hospital_grade", "constraint",
      "baseline",     "guide",       "source",         "verified", NULL};
  static const char *const req[] = {"constraint", "source", "verified", NULL};
  memset(r, 0, sizeof *r);
  r->constraint = r->baseline = r->guide = NAN;
  r->pos = n ? n->pos : src_none();
  if (!sch_map(s, n, path, keys, req))
    return;
  const ynode *x;
  if ((x = ytree_get(n, "climate_zone")))
    r->climate_zones = word_list(s, x, sch_path(s, path, "climate_zone"),
                                 fs_climate_zones, &r->n_climate_zones);
  int k;
  if ((x = ytree_get(n, "ventilation")) &&
      sch_enum(s, x, sch_path(s, path, "ventilation"), fs_ventilations, &k))
    r->ventilation = arena_intern(s->a, fs_ventilations[k]);
  if ((x = ytree_get(n, "hospital_grade")))
    r->hospital_grades =
        word_list(s, x, sch_path(s, path, "hospital_grade"),
                  fs_hospital_grades, &r->n_hospital_grades);
  const char *names[] = {"constraint", "baseline", "guide"};
  double *vals[] = {&r->constraint, &r->baseline, &r->guide};
  for (int i = 0; i < 3; i++)
    if ((x = ytree_get(n, names[i])))
      *vals[i] = read_value(s, x, sch_path(s, path, names[i]));
  tables_source(s, n, path, &r->source, &r->verified);
  /* the guide is the better level, the constraint the worst allowed:
     each pair of values given in order */
  for (int lo = 2; lo > 0; lo--)
    for (int hi = lo - 1; hi >= 0; hi--)
      if (isfinite(*vals[lo]) && isfinite(*vals[hi]) &&
          *vals[lo] > *vals[hi])
        diag_error(s->dl, ytree_get(n, names[lo])->pos,
                   "%s.%s: %g is above the %s %g (expected guide <= "
                   "baseline <= constraint: the guide value is the better "
                   "level)",
                   path, names[lo], *vals[lo], names[hi], *vals[hi]);
}

static void read_correction(schema *s, const ynode *n, const char *path,
                            bq_quota *q)
{
  static const char *const keys[] = {"hours", "area_per_person", "source",
                                     "verified", NULL};
  if (!sch_map(s, n, path, keys, keys))
    return;
  dimvec h = dim_of("h"), m2 = dim_of("m2");
  qty a, b;
  const ynode *x;
  bool ok = (x = ytree_get(n, "hours")) &&
            sch_qty(s, x, sch_path(s, path, "hours"), &h, &a);
  if (ok && !(a.v > 0 && a.v <= 8784)) {
    diag_error(s->dl, x->pos, "%s.hours: %s is not a number of hours in a "
                              "year (more than 0, at most 8,784 h)",
               path, a.text);
    ok = false;
  }
  bool ok2 = (x = ytree_get(n, "area_per_person")) &&
             sch_qty(s, x, sch_path(s, path, "area_per_person"), &m2, &b);
  if (ok2 && !(b.v > 0)) {
    diag_error(s->dl, x->pos, "%s.area_per_person: must be greater than "
                              "zero, found %s",
               path, b.text);
    ok2 = false;
  }
  tables_source(s, n, path, &q->correction_source, &q->correction_verified);
  if (ok && ok2) {
    q->has_correction = true;
    q->hours0 = a.v;
    q->area_per_person0 = b.v;
  }
}

static void read_quota(schema *s, const char *key, const ynode *n,
                       bq_quota *q)
{
  static const char *const keys[] = {
      "standard",  "name",       "citation",  "checked", "building_types",
      "provinces", "indicator",  "correction", "rows",   NULL};
  static const char *const req[] = {"standard", "name", "citation",
                                    "building_types", "indicator", "rows",
                                    NULL};
  const char *path = sch_path(s, "quotas", key);
  memset(q, 0, sizeof *q);
  q->key = key;
  q->pos = n ? n->pos : src_none();
  if (!sch_map(s, n, path, keys, req))
    return;
  const ynode *x;
  if ((x = ytree_get(n, "standard")))
    sch_str(s, x, sch_path(s, path, "standard"), &q->standard);
  if ((x = ytree_get(n, "name")))
    sch_text2(s, x, sch_path(s, path, "name"), &q->name);
  factors_cite(s, n, path, &q->citation, &q->checked);
  if ((x = ytree_get(n, "building_types")))
    q->building_types =
        word_list(s, x, sch_path(s, path, "building_types"),
                  fs_building_types, &q->n_building_types);
  if ((x = ytree_get(n, "provinces"))) {
    q->provinces = tables_id_list(s, x, sch_path(s, path, "provinces"),
                                  &q->n_provinces);
    /* the positions of the ids read (a list of scalars when any was) */
    if (x->kind == YN_SEQ && x->n == 0)
      diag_error(s->dl, x->pos, "%s.provinces: expected at least one "
                                "province (leave the key out for every "
                                "province)",
                 path);
    q->provinces_pos = ARENA_ARRAY(s->a, src_pos, q->n_provinces + 1);
    for (size_t i = 0, k = 0; x->kind == YN_SEQ && i < x->n; i++)
      if (k < q->n_provinces && x->kids[i]->kind == YN_SCALAR &&
          strcmp(x->kids[i]->str, q->provinces[k]) == 0)
        q->provinces_pos[k++] = x->kids[i]->pos;
  }
  if ((x = ytree_get(n, "indicator")) &&
      sch_id(s, x, sch_path(s, path, "indicator"), &q->indicator) &&
      !factors_building_unit(q->indicator)) {
    size_t nn = 0;
    const char *names[sizeof BUILDING_INDICATORS / sizeof *BUILDING_INDICATORS];
    for (size_t i = 0; BUILDING_INDICATORS[i]; i += 2)
      names[nn++] = BUILDING_INDICATORS[i];
    const char *hint = sch_suggest(q->indicator, names, nn);
    diag_error(s->dl, x->pos, "%s.indicator: \"%s\" is not an indicator a "
                              "building is compared on%s%s%s (kgce_per_m2, "
                              "kwh_per_m2_non_heating, kgce_per_bed … as "
                              "rules/README.md lists them)",
               path, q->indicator, hint ? " (did you mean \"" : "",
               hint ? hint : "", hint ? "\"?)" : "");
    q->indicator = NULL;
  }
  if ((x = ytree_get(n, "correction")))
    read_correction(s, x, sch_path(s, path, "correction"), q);
  x = ytree_get(n, "rows");
  const char *rpath = sch_path(s, path, "rows");
  if (x && sch_list(s, x, rpath)) {
    if (x->n == 0)
      diag_error(s->dl, x->pos, "%s: expected at least one row", rpath);
    q->rows = ARENA_ARRAY(s->a, bq_row, x->n + 1);
    for (size_t i = 0; i < x->n; i++)
      read_row(s, x->kids[i], sch_index(s, rpath, i), &q->rows[q->n_rows++]);
  }
}

/* lighting.KEY: {standard, name, citation, current?, target?,
   accent_allowance?, source, verified} — one kind of room of a lighting
   design standard. accent_allowance (W/m2) is what both values rise by
   when the room has accent lighting (GB 50034-2024 6.3.6: shop sales
   floors, 5 W/m2). */
static void read_room(schema *s, const char *key, const ynode *n, bl_room *r)
{
  static const char *const keys[] = {
      "standard", "name",         "citation", "checked",
      "current",  "target",       "source",   "current_note",
      "verified", "accent_allowance", NULL};
  static const char *const req[] = {"standard", "name", "citation", "source",
                                    "verified", NULL};
  const char *path = sch_path(s, "lighting", key);
  memset(r, 0, sizeof *r);
  r->key = key;
  r->current = r->target = r->accent = NAN;
  r->pos = n ? n->pos : src_none();
  if (!sch_map(s, n, path, keys, req))
    return;
  const ynode *x;
  if ((x = ytree_get(n, "standard")))
    sch_str(s, x, sch_path(s, path, "standard"), &r->standard);
  if ((x = ytree_get(n, "name")))
    sch_text2(s, x, sch_path(s, path, "name"), &r->name);
  factors_cite(s, n, path, &r->citation, &r->checked);
  const ynode *cur = ytree_get(n, "current"), *tgt = ytree_get(n, "target");
  if (cur)
    r->current = read_value(s, cur, sch_path(s, path, "current"));
  if (tgt)
    r->target = read_value(s, tgt, sch_path(s, path, "target"));
  if (!cur && !tgt)
    diag_error(s->dl, n->pos, "%s: expected a current value, a target "
                              "value or both (W/m2)",
               path);
  if (isfinite(r->current) && isfinite(r->target) && r->target > r->current)
    diag_error(s->dl, tgt->pos,
               "%s.target: %g is above the current value %g (expected "
               "target <= current: the target value is the stricter one)",
               path, r->target, r->current);
  if ((x = ytree_get(n, "accent_allowance")))
    r->accent = read_value(s, x, sch_path(s, path, "accent_allowance"));
  if ((x = ytree_get(n, "current_note"))) {
    if (cur)
      diag_error(s->dl, x->pos, "%s.current_note: says why the current "
                                "value is not given, but current is given",
                 path);
    sch_text2(s, x, sch_path(s, path, "current_note"), &r->current_note);
  }
  tables_source(s, n, path, &r->source, &r->verified);
}

static void read_lighting(schema *s, const ynode *ls, factors *f)
{
  if (ls->kind != YN_MAP) {
    diag_error(s->dl, ls->pos, "lighting: expected a mapping, found %s",
               ytree_kind_name(ls));
    return;
  }
  bl_room *all = ARENA_ARRAY(s->a, bl_room, f->n_lighting + ls->n + 1);
  if (f->n_lighting)
    memcpy(all, f->lighting, sizeof *all * f->n_lighting);
  for (size_t i = 0; i < ls->n; i++) {
    const ynode *k = ls->kids[2 * i];
    const char *key;
    if (!sch_id(s, k, "lighting", &key))
      continue;
    size_t at = 0;
    while (at < f->n_lighting && strcmp(all[at].key, key) != 0)
      at++;
    read_room(s, key, ls->kids[2 * i + 1], &all[at]);
    all[at].layer = f->layer;
    if (at == f->n_lighting)
      f->n_lighting++;
  }
  f->lighting = all;
}

void tables_buildings(schema *s, const ynode *root, factors *f)
{
  static const char *const top[] = {"quotas", "lighting", NULL};
  static const char *const req[] = {NULL};
  if (!sch_map(s, root, "buildings file", top, req))
    return;
  const ynode *ls = ytree_get(root, "lighting");
  if (ls)
    read_lighting(s, ls, f);
  const ynode *qs = ytree_get(root, "quotas");
  if (!qs || qs->kind != YN_MAP) {
    if (qs)
      diag_error(s->dl, qs->pos, "quotas: expected a mapping, found %s",
                 ytree_kind_name(qs));
    else if (!ls)
      diag_error(s->dl, root->pos, "buildings file: expected quotas:, "
                                   "lighting: or both");
    return;
  }
  bq_quota *all = ARENA_ARRAY(s->a, bq_quota, f->n_quotas + qs->n + 1);
  if (f->n_quotas)
    memcpy(all, f->quotas, sizeof *all * f->n_quotas);
  for (size_t i = 0; i < qs->n; i++) {
    const ynode *k = qs->kids[2 * i];
    const char *key;
    if (!sch_id(s, k, "quotas", &key))
      continue;
    size_t at = 0;
    while (at < f->n_quotas && strcmp(all[at].key, key) != 0)
      at++;
    read_quota(s, key, qs->kids[2 * i + 1], &all[at]);
    all[at].layer = f->layer;
    if (at == f->n_quotas)
      f->n_quotas++;
  }
  f->quotas = all;
}

/* A quota for provinces no facility can name would never apply: each must
   be a province of grids.yaml (when the rules map any). */
void buildings_check(schema *s, const factors *f)
{
  if (!f->n_provinces)
    return;
  for (size_t i = 0; i < f->n_quotas; i++) {
    const bq_quota *q = &f->quotas[i];
    for (size_t k = 0; k < q->n_provinces; k++) {
      bool known = false;
      for (size_t j = 0; j < f->n_provinces && !known; j++)
        known = strcmp(f->provinces[j].province, q->provinces[k]) == 0;
      if (!known)
        diag_error(s->dl, q->provinces_pos[k],
                   "quotas.%s.provinces: \"%s\" is not a province of "
                   "grids.yaml (a key such as sichuan or chongqing)",
                   q->key, q->provinces[k]);
    }
  }
}
