/* factors.c — loads rules/carriers.yaml and rules/grids.yaml.
 *
 * Input: rule directories. Output: a factors table with every value in
 * the carrier's own unit (kgce per t, MJ per m3…), each with its source.
 * Rule files are validated as strictly as facility files: unknown keys,
 * wrong units and missing sources are errors at file:line:column. */
#include "factors.h"

#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../base/buf.h"
#include "../base/strmap.h"
#include "../load/ytree.h"
#include "image.h"

static const char *const class_names[] = {"fuel",  "electricity", "heat",
                                          "steam", "medium",      NULL};

/* The base units a carrier may use, and the dimension of each. */
static bool base_unit(const char *u)
{
  return strcmp(u, "t") == 0 || strcmp(u, "m3") == 0 ||
         strcmp(u, "kWh") == 0 || strcmp(u, "GJ") == 0;
}

static dimvec dim_div(dimvec a, dimvec b)
{
  dimvec d;
  for (int i = 0; i < DIM_COUNT; i++)
    d.e[i] = (signed char)(a.e[i] - b.e[i]);
  return d;
}

static void read_source(schema *s, const ynode *m, const char *path,
                        text2 *src, bool *verified)
{
  const ynode *n = ytree_get(m, "source");
  if (n)
    sch_text2(s, n, sch_path(s, path, "source"), src);
  n = ytree_get(m, "verified");
  *verified = false;
  if (n)
    sch_bool(s, n, sch_path(s, path, "verified"), verified);
}

/* A non-empty text of a `checked` mark. */
static void check_text(schema *s, const ynode *n, const char *path,
                       const char **out, bool *ok)
{
  if (!n || !sch_str(s, n, path, out)) {
    *ok = false;
    return;
  }
  const char *p = *out;
  while (*p == ' ' || *p == '\t')
    p++;
  if (!*p) {
    diag_error(s->dl, n->pos, "%s: empty; name %s", path,
               strstr(path, ".by") ? "who checked the value"
                                   : "the copy of the text it was checked "
                                     "against");
    *ok = false;
  }
}

/* checked: {by: TEXT, against: TEXT, on: DATE} */
static void read_checked(schema *s, const ynode *n, const char *path,
                         rule_check *chk)
{
  static const char *const keys[] = {"by", "against", "on", NULL};
  memset(chk, 0, sizeof *chk);
  if (!sch_map(s, n, path, keys, keys))
    return;
  bool ok = ytree_get(n, "by") && ytree_get(n, "against") &&
            ytree_get(n, "on");
  if (ytree_get(n, "by"))
    check_text(s, ytree_get(n, "by"), sch_path(s, path, "by"), &chk->by,
               &ok);
  if (ytree_get(n, "against"))
    check_text(s, ytree_get(n, "against"), sch_path(s, path, "against"),
               &chk->against, &ok);
  if (ytree_get(n, "on") &&
      !sch_date(s, ytree_get(n, "on"), sch_path(s, path, "on"), &chk->on))
    ok = false;
  chk->present = ok;
}

void factors_cite(schema *s, const ynode *m, const char *path, text2 *cite,
                  rule_check *chk)
{
  const ynode *n = ytree_get(m, "citation");
  if (n)
    sch_text2(s, n, sch_path(s, path, "citation"), cite);
  if (chk) {
    memset(chk, 0, sizeof *chk);
    if ((n = ytree_get(m, "checked")))
      read_checked(s, n, sch_path(s, path, "checked"), chk);
  }
}

bool factors_only_checked(const ynode *m, bool carrier)
{
  if (!m || m->kind != YN_MAP || m->n == 0)
    return false;
  bool any = false;
  for (size_t i = 0; i < m->n; i++) {
    const ynode *k = m->kids[2 * i], *v = m->kids[2 * i + 1];
    if (k->kind != YN_SCALAR)
      return false;
    if (strcmp(k->str, "checked") == 0)
      any = true;
    else if (carrier && strcmp(k->str, "carbon") == 0 && v->kind == YN_MAP &&
             v->n == 1 && v->kids[0]->kind == YN_SCALAR &&
             strcmp(v->kids[0]->str, "checked") == 0)
      any = true;
    else
      return false;
  }
  return any;
}

bool factors_mark(schema *s, const ynode *key, const ynode *m, bool found,
                  const char *what, const char *path, rule_check *chk)
{
  if (!found) {
    diag_error(s->dl, key->pos,
               "%s: marks as checked %s \"%s\" that no earlier rules "
               "directory defines; give the whole entry or mark an existing "
               "one",
               path, what, key->str);
    return false;
  }
  const ynode *n = ytree_get(m, "checked");
  if (n)
    read_checked(s, n, sch_path(s, path, "checked"), chk);
  return true;
}

static void read_carbon(schema *s, const ynode *n, const char *path,
                        carrier_def *c)
{
  static const char *const keys[] = {"ncv",      "carbon_content", "oxidation",
                                     "source",   "verified",       "citation",
                                     "checked",  NULL};
  static const char *const req[] = {"ncv",    "carbon_content", "oxidation",
                                    "source", "citation",       NULL};
  if (!sch_map(s, n, path, keys, req))
    return;
  dimvec energy = dim_of("GJ");
  dimvec ncv_dim = dim_div(energy, c->dim);
  dimvec cc_dim = dim_of("tC/GJ");
  qty q;
  bool ok = true;
  const ynode *x;
  if ((x = ytree_get(n, "ncv")) &&
      sch_qty(s, x, sch_path(s, path, "ncv"), &ncv_dim, &q))
    c->c_ncv_gj = q.v * c->unit_scale / 1000.0; /* MJ per unit -> GJ */
  else
    ok = false;
  if ((x = ytree_get(n, "carbon_content")) &&
      sch_qty(s, x, sch_path(s, path, "carbon_content"), &cc_dim, &q))
    c->c_cc = q.v * 1000.0; /* tC per MJ -> tC per GJ */
  else
    ok = false;
  if (!(x = ytree_get(n, "oxidation")) ||
      !sch_ratio(s, x, sch_path(s, path, "oxidation"), true, &c->c_ox))
    ok = false;
  read_source(s, n, path, &c->c_source, &c->c_verified);
  factors_cite(s, n, path, &c->c_citation, &c->c_checked);
  c->has_carbon = ok;
}

/* A designation of GB/T 2589 ("GB/T 2589-2008"), else an error. */
static bool read_edition_of(schema *s, const ynode *x, const char *path,
                            const char **out)
{
  const char *code, *year;
  if (!sch_str(s, x, path, out))
    return false;
  if (!factors_designation(s->a, *out, &code, &year) ||
      strcmp(code, "GB/T 2589") != 0) {
    diag_error(s->dl, x->pos, "%s: \"%s\" is not an edition of GB/T 2589 "
                              "(GB/T 2589-YYYY)",
               path, *out);
    *out = NULL;
    return false;
  }
  return true;
}

/* editions: the carrier's coefficient in other editions of GB/T 2589. */
static void read_alts(schema *s, const ynode *n, const char *path,
                      carrier_def *c)
{
  static const char *const keys[] = {"edition", "coefficient", "source",
                                     "verified", "citation", NULL};
  static const char *const req[] = {"edition", "coefficient", "source",
                                    "citation", NULL};
  if (!sch_list(s, n, path))
    return;
  c->alts = ARENA_ARRAY(s->a, carrier_alt, n->n + 1);
  c->n_alts = 0; /* an amending entry's list replaces the earlier one */
  for (size_t i = 0; i < n->n; i++) {
    const char *ipath = sch_index(s, path, i);
    const ynode *m = n->kids[i], *x;
    carrier_alt *al = &c->alts[c->n_alts];
    memset(al, 0, sizeof *al);
    if (!sch_map(s, m, ipath, keys, req))
      continue;
    bool ok = (x = ytree_get(m, "edition")) &&
              read_edition_of(s, x, sch_path(s, ipath, "edition"),
                              &al->edition);
    qty q;
    dimvec want = dim_div(dim_of("kgce"), c->dim);
    if ((x = ytree_get(m, "coefficient")) &&
        sch_qty(s, x, sch_path(s, ipath, "coefficient"), &want, &q)) {
      al->coef_kgce = q.v * c->unit_scale;
      if (!(al->coef_kgce > 0)) {
        diag_error(s->dl, x->pos, "%s.coefficient must be positive", ipath);
        ok = false;
      }
    } else {
      ok = false;
    }
    read_source(s, m, ipath, &al->source, &al->verified);
    const ynode *cn = ytree_get(m, "citation");
    if (cn)
      sch_text2(s, cn, sch_path(s, ipath, "citation"), &al->citation);
    for (size_t j = 0; ok && j < c->n_alts; j++)
      if (strcmp(c->alts[j].edition, al->edition) == 0) {
        diag_error(s->dl, m->pos, "%s: edition %s is listed twice", ipath,
                   al->edition);
        ok = false;
      }
    if (ok && c->edition && strcmp(c->edition, al->edition) == 0) {
      diag_error(s->dl, m->pos, "%s: %s is the carrier's own edition", ipath,
                 al->edition);
      ok = false;
    }
    if (ok)
      c->n_alts++;
  }
}

/* A carrier entry. With base (an earlier directory's entry of the same
   key) and no name, unit or class, the entry amends base: the keys it
   gives replace base's (a coefficient, NCV, density or counted with the
   entry's own source and citation, which then describe the carrier's
   values; carbon and editions whole), the rest is kept. */
static void read_carrier(schema *s, const ynode *key, const ynode *n,
                         carrier_def *c, const char *file_edition,
                         const carrier_def *base)
{
  static const char *const keys[] = {"name",   "unit",        "class",
                                     "counted", "ncv",        "coefficient",
                                     "source", "verified",    "carbon",
                                     "citation", "checked",   "edition",
                                     "editions",  "density",   NULL};
  static const char *const req[] = {"name",        "unit",   "class",
                                    "coefficient", "source", "citation",
                                    NULL};
  const char *path = arena_printf(s->a, "carriers.%s", key->str);
  bool amend = base && n->kind == YN_MAP && !ytree_get(n, "name") &&
               !ytree_get(n, "unit") && !ytree_get(n, "class");
  bool values = amend && (ytree_get(n, "coefficient") || ytree_get(n, "ncv") ||
                          ytree_get(n, "density") || ytree_get(n, "counted"));
  if (amend) {
    *c = *base;
    c->pos = key->pos;
    c->amended = true;
    if (!sch_map(s, n, path, keys, NULL))
      return;
    if (values && (!ytree_get(n, "source") || !ytree_get(n, "citation"))) {
      diag_error(s->dl, n->pos, "%s: amends the carrier of an earlier rules "
                                "directory; a coefficient, NCV, density or "
                                "counted given here needs its source and "
                                "citation (or give the whole entry: name, "
                                "unit, class, coefficient, source, citation)",
                 path);
      return;
    }
    if (!values && (ytree_get(n, "source") || ytree_get(n, "citation") ||
                    ytree_get(n, "verified"))) {
      const ynode *x = ytree_get(n, "source") ? ytree_get(n, "source")
                       : ytree_get(n, "citation") ? ytree_get(n, "citation")
                                                  : ytree_get(n, "verified");
      diag_error(s->dl, x->pos, "%s: a source, citation or verified flag "
                                "goes with the value it describes: give the "
                                "coefficient, NCV, density or counted it is "
                                "for",
                 path);
      return;
    }
    if (ytree_get(n, "coefficient") && !ytree_get(n, "edition"))
      c->edition = file_edition; /* no longer the standard's edition */
  } else {
    memset(c, 0, sizeof *c);
    c->key = key->str;
    c->pos = key->pos;
    c->ncv_mj = NAN;
    c->counted = true;
    c->edition = file_edition;
    if (!sch_map(s, n, path, keys, req))
      return;
  }
  const ynode *x;
  if ((x = ytree_get(n, "name")))
    sch_text2(s, x, sch_path(s, path, "name"), &c->name);
  if (!amend)
    c->unit = "t";
  if ((x = ytree_get(n, "unit")) && sch_str(s, x, sch_path(s, path, "unit"),
                                             &c->unit)) {
    if (!base_unit(c->unit)) {
      diag_error(s->dl, x->pos, "%s.unit: \"%s\" is not a base unit (t, m3, "
                                "kWh or GJ)",
                 path, c->unit);
      c->unit = "t";
    }
  }
  c->dim = dim_of(c->unit);
  c->unit_scale = units_to(1.0, c->unit) > 0 ? 1.0 / units_to(1.0, c->unit)
                                             : 1.0;
  int cls = (int)c->cls;
  if ((x = ytree_get(n, "class")))
    sch_enum(s, x, sch_path(s, path, "class"), class_names, &cls);
  c->cls = (carrier_class)cls;
  if ((x = ytree_get(n, "counted")))
    sch_bool(s, x, sch_path(s, path, "counted"), &c->counted);
  qty q;
  if ((x = ytree_get(n, "ncv"))) {
    dimvec want = dim_div(dim_of("MJ"), c->dim);
    if (sch_qty(s, x, sch_path(s, path, "ncv"), &want, &q))
      c->ncv_mj = q.v * c->unit_scale;
  }
  if ((x = ytree_get(n, "coefficient"))) {
    dimvec want = dim_div(dim_of("kgce"), c->dim);
    if (sch_qty(s, x, sch_path(s, path, "coefficient"), &want, &q)) {
      c->coef_kgce = q.v * c->unit_scale;
      c->coef_text = q.text;
      if (!(c->coef_kgce > 0))
        diag_error(s->dl, x->pos, "%s.coefficient must be positive", path);
    }
  }
  /* density: the convention by which a volume reading stands for the
     mass of a carrier counted by mass (water bills are in m3) */
  if ((x = ytree_get(n, "density"))) {
    dimvec want = dim_div(dim_of("t"), dim_of("m3"));
    if (strcmp(c->unit, "t") != 0)
      diag_error(s->dl, x->pos, "%s.density: only a carrier counted by mass "
                                "(unit: t) may be written as a volume",
                 path);
    else if (sch_qty(s, x, sch_path(s, path, "density"), &want, &q)) {
      if (!(q.v > 0))
        diag_error(s->dl, x->pos, "%s.density must be positive", path);
      else {
        c->density = q.v;
        c->density_text = q.text;
      }
    }
  }
  if (!amend || values) {
    read_source(s, n, path, &c->source, &c->verified);
    factors_cite(s, n, path, &c->citation, &c->checked);
  }
  if ((x = ytree_get(n, "carbon")))
    read_carbon(s, x, sch_path(s, path, "carbon"), c);
  if ((x = ytree_get(n, "edition")))
    read_edition_of(s, x, sch_path(s, path, "edition"), &c->edition);
  if ((x = ytree_get(n, "editions")))
    read_alts(s, x, sch_path(s, path, "editions"), c);
}

/* Reads one year_value list item {year, value, source, verified[, region]}. */
static bool read_year_value(schema *s, const ynode *n, const char *path,
                            const dimvec *want, bool with_region,
                            year_value *out)
{
  static const char *const keys[] = {"year",   "value",    "region",
                                     "source", "verified", "citation",
                                     "checked", NULL};
  static const char *const keys_nr[] = {"year",     "value",    "source",
                                        "verified", "citation", "checked",
                                        NULL};
  static const char *const req[] = {"year", "value", "source", "citation",
                                    NULL};
  memset(out, 0, sizeof *out);
  if (!sch_map(s, n, path, with_region ? keys : keys_nr, req))
    return false;
  long year = 0;
  qty q;
  const ynode *x;
  bool ok = true;
  if ((x = ytree_get(n, "year")) &&
      sch_int(s, x, sch_path(s, path, "year"), 1949, 2100, &year))
    out->year = (int)year;
  else
    ok = false;
  if ((x = ytree_get(n, "value")) &&
      sch_qty(s, x, sch_path(s, path, "value"), want, &q)) {
    out->value = q.v;
    out->text = q.text;
  } else {
    ok = false;
  }
  if (with_region) {
    out->region = "national";
    if ((x = ytree_get(n, "region")))
      sch_id(s, x, sch_path(s, path, "region"), &out->region);
  }
  read_source(s, n, path, &out->source, &out->verified);
  factors_cite(s, n, path, &out->citation, &out->checked);
  return ok;
}

/* A copy of a table's n_old entries with room for n_more: a later rules
   directory amends the earlier directories' table entry by entry. */
static void *extend(arena *a, const void *old, size_t n_old, size_t n_more,
                    size_t elem)
{
  void *all = arena_alloc(a, elem * (n_old + n_more + 1));
  if (n_old)
    memcpy(all, old, elem * n_old);
  return all;
}

static void read_grids(schema *s, const ynode *root, factors *f)
{
  static const char *const keys[] = {"supply_coal_rate", "grid_factor_sets",
                                     "heat_factor", "provinces", "replace",
                                     NULL};
  if (!sch_map(s, root, "grids.yaml", keys, NULL))
    return;
  /* replace: the tables this file replaces whole instead of amending row
     by row (a province's fixed rate for every year) */
  static const char *const tables[] = {"supply_coal_rate", "grid_factor_sets",
                                       "provinces", NULL};
  bool whole[3] = {false, false, false};
  const ynode *rp = ytree_get(root, "replace");
  if (rp && sch_list(s, rp, "replace"))
    for (size_t i = 0; i < rp->n; i++) {
      int k;
      if (sch_enum(s, rp->kids[i], sch_index(s, "replace", i), tables, &k))
        whole[k] = true;
    }
  if (whole[0])
    f->n_supply_rate = 0;
  if (whole[1])
    f->n_grid_sets = 0;
  if (whole[2])
    f->n_provinces = 0;
  const ynode *x = ytree_get(root, "supply_coal_rate");
  dimvec rate_dim = dim_of("kgce/kWh");
  if (x && sch_list(s, x, "supply_coal_rate")) {
    /* A later directory's row replaces the earlier directories' row of
       the same year; the other years are kept. */
    size_t n_old = f->n_supply_rate;
    year_value *all = extend(s->a, f->supply_rate, n_old, x->n, sizeof *all);
    f->supply_rate = all;
    for (size_t i = 0; i < x->n; i++) {
      year_value yv;
      memset(&yv, 0, sizeof yv);
      if (!read_year_value(s, x->kids[i], sch_index(s, "supply_coal_rate", i),
                           &rate_dim, false, &yv))
        continue;
      yv.value *= 3.6; /* kgce per MJ -> kgce per kWh */
      yv.layer = f->layer;
      size_t j = 0;
      while (j < n_old && all[j].year != yv.year)
        j++;
      all[j < n_old ? j : f->n_supply_rate++] = yv;
    }
  }
  x = ytree_get(root, "grid_factor_sets");
  dimvec ef_dim = dim_of("tCO2/MWh");
  if (x && x->kind != YN_MAP) {
    diag_error(s->dl, x->pos, "grid_factor_sets: expected a mapping, found %s",
               ytree_kind_name(x));
  } else if (x) {
    /* A later directory's set of the same key amends the earlier one: each
       of its rows replaces the row of the same year and region, the other
       rows are kept (its name, optional then, replaces the name). A new
       set needs its name. */
    size_t n_old = f->n_grid_sets;
    grid_set *sets = extend(s->a, f->grid_sets, n_old, x->n, sizeof *sets);
    f->grid_sets = sets;
    for (size_t i = 0; i < x->n; i++) {
      const ynode *k = x->kids[2 * i], *v = x->kids[2 * i + 1];
      const char *path = arena_printf(s->a, "grid_factor_sets.%s", k->str);
      size_t gi = 0;
      while (gi < n_old && strcmp(sets[gi].key, k->str) != 0)
        gi++;
      bool amend = gi < n_old;
      static const char *const skeys[] = {"name", "factors", NULL};
      static const char *const sreq[] = {"factors", NULL};
      if (!sch_map(s, v, path, skeys, amend ? sreq : skeys))
        continue;
      grid_set *g = &sets[amend ? gi : f->n_grid_sets++];
      if (!amend) {
        memset(g, 0, sizeof *g);
        g->key = k->str;
      }
      const ynode *y = ytree_get(v, "name");
      if (y)
        sch_text2(s, y, sch_path(s, path, "name"), &g->name);
      y = ytree_get(v, "factors");
      const char *fpath = sch_path(s, path, "factors");
      if (y && sch_list(s, y, fpath)) {
        size_t r_old = g->n;
        year_value *rows = extend(s->a, g->factors, r_old, y->n, sizeof *rows);
        g->factors = rows;
        for (size_t j = 0; j < y->n; j++) {
          year_value yv;
          memset(&yv, 0, sizeof yv);
          if (!read_year_value(s, y->kids[j], sch_index(s, fpath, j), &ef_dim,
                               true, &yv))
            continue;
          yv.value *= 3600.0; /* tCO2/MJ -> tCO2/MWh */
          yv.layer = f->layer;
          size_t r = 0;
          while (r < r_old && (rows[r].year != yv.year ||
                               strcmp(rows[r].region, yv.region) != 0))
            r++;
          rows[r < r_old ? r : g->n++] = yv;
        }
      }
    }
  }
  x = ytree_get(root, "heat_factor");
  if (x) {
    static const char *const hkeys[] = {"value",    "source",   "verified",
                                        "citation", NULL};
    static const char *const hreq[] = {"value", "source", "verified",
                                       "citation", NULL};
    dimvec hd = dim_of("tCO2/GJ");
    qty q;
    if (sch_map(s, x, "heat_factor", hkeys, hreq) &&
        ytree_get(x, "value") &&
        sch_qty(s, ytree_get(x, "value"), "heat_factor.value", &hd, &q)) {
      f->has_heat_factor = true;
      f->heat_factor = q.v * 1000.0;
      read_source(s, x, "heat_factor", &f->heat_source, &f->heat_verified);
      factors_cite(s, x, "heat_factor", &f->heat_citation, NULL);
    }
  }
  x = ytree_get(root, "provinces");
  if (x && x->kind == YN_MAP) {
    /* a later directory's province replaces the earlier mapping of it */
    size_t n_old = f->n_provinces;
    province_map *all = extend(s->a, f->provinces, n_old, x->n, sizeof *all);
    f->provinces = all;
    static const char *const pkeys[] = {"grid", "verified", NULL};
    for (size_t i = 0; i < x->n; i++) {
      const ynode *k = x->kids[2 * i], *v = x->kids[2 * i + 1];
      const char *path = arena_printf(s->a, "provinces.%s", k->str);
      size_t pj = 0;
      while (pj < n_old && strcmp(all[pj].province, k->str) != 0)
        pj++;
      province_map scratch;
      memset(&scratch, 0, sizeof scratch);
      province_map *pm = &scratch;
      pm->verified = true;
      if (v->kind == YN_MAP) {
        if (!sch_map(s, v, path, pkeys, (const char *const[]){"grid", NULL}) ||
            !ytree_get(v, "grid") ||
            !sch_id(s, ytree_get(v, "grid"), sch_path(s, path, "grid"),
                    &pm->region))
          continue;
        if (ytree_get(v, "verified"))
          sch_bool(s, ytree_get(v, "verified"), sch_path(s, path, "verified"),
                   &pm->verified);
      } else if (!sch_id(s, v, path, &pm->region)) {
        continue;
      }
      pm->province = k->str;
      all[pj < n_old ? pj : f->n_provinces++] = *pm;
    }
  } else if (x) {
    diag_error(s->dl, x->pos, "provinces: expected a mapping, found %s",
               ytree_kind_name(x));
  }
}

/* Whether anything is at path: a FIFO, a folder or a broken link named
   like a rule file is then read, and refused with a message, rather
   than passed over in silence. */
static bool present(const char *path)
{
  struct stat st;
  return lstat(path, &st) == 0;
}

static void add_carriers(schema *s, const ynode *root, factors *f)
{
  static const char *const keys[] = {"edition", "carriers", NULL};
  static const char *const req[] = {"carriers", NULL};
  if (!sch_map(s, root, "carriers.yaml", keys, req))
    return;
  /* The edition of GB/T 2589 the file's coefficients belong to, unless a
     carrier names its own. */
  const char *file_edition = NULL;
  const ynode *fe = ytree_get(root, "edition");
  if (fe)
    read_edition_of(s, fe, "edition", &file_edition);
  const ynode *cs = ytree_get(root, "carriers");
  if (!cs || cs->kind != YN_MAP) {
    if (cs)
      diag_error(s->dl, cs->pos, "carriers: expected a mapping, found %s",
                 ytree_kind_name(cs));
    return;
  }
  carrier_def *all = extend(s->a, f->carriers, f->n_carriers, cs->n,
                            sizeof *all);
  for (size_t i = 0; i < cs->n; i++) {
    carrier_def c;
    const ynode *k = cs->kids[2 * i], *v = cs->kids[2 * i + 1];
    const char *id;
    if (!sch_id(s, k, "carriers", &id))
      continue;
    size_t j = 0;
    while (j < f->n_carriers && strcmp(all[j].key, id) != 0)
      j++;
    if (factors_only_checked(v, true)) {
      /* A firm marks the value of an earlier directory checked. */
      const char *path = arena_printf(s->a, "carriers.%s", id);
      if (factors_mark(s, k, v, j < f->n_carriers, "a carrier", path,
                       &all[j].checked) &&
          ytree_get(v, "carbon")) {
        if (!all[j].has_carbon)
          diag_error(s->dl, ytree_get(v, "carbon")->pos,
                     "%s.carbon: carrier \"%s\" has no carbon defaults to "
                     "mark checked",
                     path, id);
        else
          factors_mark(s, k, ytree_get(v, "carbon"), true, "a carrier",
                       sch_path(s, path, "carbon"), &all[j].c_checked);
      }
      continue;
    }
    const carrier_def *base = j < f->n_carriers ? &all[j] : NULL;
    read_carrier(s, k, v, &c, file_edition, base);
    /* the layer of what this entry gives: all of a new carrier; of an
       amended one, the coefficient (by value, NCV or density) and the
       carbon defaults each where given */
    bool coef = !base || ytree_get(v, "coefficient") || ytree_get(v, "ncv") ||
                ytree_get(v, "density");
    c.layer = coef ? f->layer : base->layer;
    c.c_layer = !base || ytree_get(v, "carbon") ? f->layer : base->c_layer;
    all[j] = c; /* same key replaces; else appends */
    if (j == f->n_carriers)
      f->n_carriers++;
  }
  f->carriers = all;
}

/* The optional tables of one rules directory. */
static void load_tables(schema *s, arena *t, arena *eq_nodes,
                        const char *dir, const ytree_limits *lim, factors *f,
                        bool *io_error)
{
  static const struct {
    const char *file;
    void (*load)(schema *, const ynode *, factors *);
  } tables[] = {{"metering.yaml", tables_metering},
                {"equipment.yaml", tables_equipment},
                {"ets.yaml", tables_ets},
                {"process.yaml", tables_process},
                {"gases.yaml", tables_gases},
                {"gwp.yaml", tables_gwp},
                {"finance.yaml", tables_finance},
                {"declared.yaml", tables_declared},
                {"carbon.yaml", tables_carbon},
                {"terms.yaml", tables_terms},
                {"names.yaml", tables_names},
                {"standards.yaml", tables_standards},
                {"industries.yaml", tables_industries},
                {"stages.yaml", tables_stages},
                {"buildings.yaml", tables_buildings}};
  for (size_t i = 0; i < sizeof tables / sizeof *tables; i++) {
    const char *path = arena_printf(s->a, "%s/%s", dir, tables[i].file);
    if (!present(path))
      continue;
    bool io = false;
    /* equipment.yaml: pruned when its classes are read from the cache's
       records; whole, its nodes kept until every kind's classes are
       converted, for the rules image (eq_nodes) */
    ynode *root =
        tables[i].load == tables_equipment && eq_nodes
            ? ytree_load_file_keyed(s->a, eq_nodes, s->dl, path, path, lim,
                                    &io, f->file_key)
        : tables[i].load == tables_equipment
            ? ytree_load_file_pruned(s->a, s->dl, path, path, lim, &io,
                                     f->file_key, tables_equipment_pruned,
                                     tables_equipment_prunable, f,
                                     &f->eq_whole)
            : ytree_load_file_keyed(s->a, t, s->dl, path, path, lim, &io,
                                    f->file_key);
    *io_error |= io;
    if (root)
      tables[i].load(s, root, f);
    arena_reset(t);
  }
  /* The files of benchmarks/, in name order so that the result is the same on
     every machine. */
  const char *bdir = arena_printf(s->a, "%s/benchmarks", dir);
  struct dirent **names;
  int n = scandir(bdir, &names, NULL, alphasort);
  if (n < 0 && errno != ENOENT) {
    src_pos where = {bdir, 0, 0, 0};
    diag_error(s->dl, where, "cannot open the folder of .yaml files: %s",
               strerror(errno));
    *io_error = true;
  }
  for (int i = 0; i < n; i++) {
    const char *nm = names[i]->d_name;
    size_t len = strlen(nm);
    if (len > 5 && strcmp(nm + len - 5, ".yaml") == 0) {
      const char *path = arena_printf(s->a, "%s/%s", bdir, nm);
      bool io = false;
      ynode *root =
          ytree_load_file_cached(s->a, t, s->dl, path, path, lim, &io);
      *io_error |= io;
      if (root)
        tables_benchmarks(s, root, f);
      arena_reset(t);
    }
    free(names[i]);
  }
  if (n >= 0)
    free(names);
}

/* What a rules directory may hold (the folders hold .yaml files); a
   firm's directory holding none of it is a mistaken path, not an empty
   layer. */
static const struct {
  const char *name;
  bool folder;
} rule_entries[] = {
    {"carriers.yaml", false},  {"grids.yaml", false}, {"metering.yaml", false},
    {"equipment.yaml", false}, {"ets.yaml", false},   {"process.yaml", false},
    {"finance.yaml", false},   {"terms.yaml", false}, {"names.yaml", false},
    {"declared.yaml", false},  {"carbon.yaml", false},
    {"standards.yaml", false},
    {"industries.yaml", false}, {"stages.yaml", false},
    {"gases.yaml", false},      {"gwp.yaml", false},
    {"buildings.yaml", false},
    {"benchmarks", true},       {"checks", true}};

/* Checks that dir is a directory whose benchmarks/ and checks/, when
   present, are directories too, with an error naming dir (as the user
   gave it) when not. False when dir is not to be read. */
static bool rules_dir_ok(schema *s, const char *dir, bool shipped,
                         bool *io_error)
{
  src_pos whole = {dir, 0, 0, 0};
  struct stat st;
  int err = stat(dir, &st) != 0 ? errno : S_ISDIR(st.st_mode) ? 0 : ENOTDIR;
  if (err) {
    diag_error(s->dl, whole, "cannot open the rules directory: %s",
               strerror(err));
    *io_error = true;
    return false;
  }
  bool any = false, ok = true;
  for (size_t i = 0; i < sizeof rule_entries / sizeof *rule_entries; i++) {
    const char *path = arena_printf(s->a, "%s/%s", dir, rule_entries[i].name);
    if (!present(path))
      continue;
    any = true;
    if (!rule_entries[i].folder)
      continue;
    err = stat(path, &st) != 0 ? errno : S_ISDIR(st.st_mode) ? 0 : ENOTDIR;
    if (err) {
      src_pos where = {path, 0, 0, 0};
      diag_error(s->dl, where, "cannot open the folder of .yaml files: %s",
                 strerror(err));
      *io_error = true;
      ok = false;
    }
  }
  if (!any && !shipped) {
    diag_error(s->dl, whole,
               "not a rules directory: it holds none of carriers.yaml, "
               "grids.yaml, metering.yaml, equipment.yaml, ets.yaml, "
               "process.yaml, finance.yaml, declared.yaml, carbon.yaml, "
               "terms.yaml, names.yaml, standards.yaml, industries.yaml, "
               "stages.yaml, gases.yaml, gwp.yaml, buildings.yaml, benchmarks/, "
               "checks/");
    return false;
  }
  return ok;
}

/* Every industry a rule names (a benchmark's, an ETS sector's) is one of
   rules/industries.yaml: a GB/T 4754-2017 code, its digits, a readable
   key or an own key. Checked once every layer is read, since a later
   layer may add the industry. */
static void check_industries(schema *s, const factors *f)
{
  if (!f->n_industries)
    return; /* no classification: nothing to check against */
  const char *code;
  text2 name;
  for (size_t i = 0; i < f->n_benchmarks; i++) {
    const benchmark *b = &f->benchmarks[i];
    if (b->industry && !industries_resolve(f, b->industry, &code, &name))
      diag_error(s->dl, b->industry_pos,
                 "benchmarks.%s.industry: \"%s\" is not an industry of "
                 "industries.yaml (a GB/T 4754-2017 code such as C3011, or a "
                 "key such as cement)",
                 b->key, b->industry);
  }
  for (size_t i = 0; i < f->ets.n_sectors; i++) {
    const ets_sector *es = &f->ets.sectors[i];
    if (es->industry && !industries_resolve(f, es->industry, &code, &name))
      diag_error(s->dl, es->industry_pos,
                 "sectors[%zu].industry: \"%s\" is not an industry of "
                 "industries.yaml (a GB/T 4754-2017 code such as C3011, or a "
                 "key such as cement)",
                 i, es->industry);
  }
}

/* The rule files a conversion of dirs reads, and a text that says what
   each folder holds (every name of rule_entries: a file, a folder,
   something else or nothing; the .yaml files of benchmarks/), for the
   rules image's key. Paths are made as the conversion makes them, so
   that the texts registered for quoting are named alike. */
static void image_of(rules_image *im, arena *a, const char *const *dirs,
                     size_t ndirs)
{
  memset(im, 0, sizeof *im);
  if (!ycache_enabled())
    return;
  buf m;
  buf_init(&m);
  const char **paths = NULL;
  size_t n = 0, cap = 0;
  for (size_t d = 0; d < ndirs; d++) {
    buf_printf(&m, "%s\n", dirs[d]);
    for (size_t i = 0; i < sizeof rule_entries / sizeof *rule_entries; i++) {
      const char *nm = rule_entries[i].name;
      const char *path = arena_printf(a, "%s/%s", dirs[d], nm);
      struct stat st;
      char kind = lstat(path, &st) != 0     ? '-'
                  : S_ISDIR(st.st_mode)     ? 'd'
                  : S_ISREG(st.st_mode)     ? 'f'
                  : S_ISLNK(st.st_mode) && stat(path, &st) == 0 &&
                          S_ISREG(st.st_mode)
                      ? 'f'
                      : 'x';
      buf_printf(&m, " %s %c\n", nm, kind);
      /* as factors_load reads them: carriers.yaml and grids.yaml of the
         shipped rules even when missing (an error then), the rest when
         there */
      bool always = d == 0 && (strcmp(nm, "carriers.yaml") == 0 ||
                               strcmp(nm, "grids.yaml") == 0);
      bool read = !rule_entries[i].folder && (kind != '-' || always);
      if (read)
        *ARENA_PUSH(a, paths, n, cap) = path;
    }
    const char *bdir = arena_printf(a, "%s/benchmarks", dirs[d]);
    struct dirent **names;
    int k = scandir(bdir, &names, NULL, alphasort);
    for (int i = 0; i < k; i++) {
      const char *nm = names[i]->d_name;
      size_t len = strlen(nm);
      if (len > 5 && strcmp(nm + len - 5, ".yaml") == 0) {
        buf_printf(&m, " benchmarks/%s\n", nm);
        *ARENA_PUSH(a, paths, n, cap) = arena_printf(a, "%s/%s", bdir, nm);
      }
      free(names[i]);
    }
    if (k >= 0)
      free(names);
  }
  buf_putc(&m, '\0');
  rules_image_key(im, a, m.data, paths, n);
  buf_fini(&m);
}

factors *factors_load(arena *a, diag_list *dl, const units *u,
                      const char *const *dirs_in, size_t ndirs, bool *io_error)
{
  *io_error = false;
  /* The image of these rules when one is stored (image.h); else they are
     converted, into the image's region when it is free, and stored there
     if they convert without a word. */
  rules_image im;
  image_of(&im, a, dirs_in, ndirs);
  arena *r = NULL;
  factors *got = rules_image_get(&im, a, dl, u, &r);
  if (got)
    return got;
  if (r) {
    arena_adopt(a, r);
    a = r;
  }
  /* the folders' names are kept (layers); in the region, a copy of them */
  const char **dirs = ARENA_ARRAY(a, const char *, ndirs + 1);
  for (size_t d = 0; d < ndirs; d++)
    dirs[d] = r ? arena_strdup(a, dirs_in[d]) : dirs_in[d];
  schema s = {a, dl, u, NULL};
  factors *f = ARENA_NEW(a, factors);
  f->a = a;
  f->u = u;
  ytree_limits lim = ytree_default_limits();
  lim.own_scalars = r != NULL;
  f->image = r != NULL;
  size_t before = diag_errors(dl), words = before + diag_warnings(dl);
  bool any_carriers = false, any_grids = false;
  /* A file's tree is converted into f and dropped before the next file
     is read: its nodes go to t, reset after each (equipment.yaml's stay
     in a: its classes are converted when a facility names their kind).
     Scalars point into the cache's mapping or into a, and stay. */
  arena *t = arena_new();
  arena *eq_nodes = r ? arena_new() : NULL;
  for (size_t d = 0; d < ndirs; d++) {
    if (!rules_dir_ok(&s, dirs[d], d == 0, io_error))
      continue;
    f->layer = d == 0 ? NULL : dirs[d];
    const char *cpath = arena_printf(a, "%s/carriers.yaml", dirs[d]);
    const char *gpath = arena_printf(a, "%s/grids.yaml", dirs[d]);
    bool io = false;
    if (present(cpath) || d == 0) {
      ynode *root = ytree_load_file_cached(a, t, dl, cpath, cpath, &lim, &io);
      *io_error |= io;
      if (root) {
        add_carriers(&s, root, f);
        any_carriers = true;
      }
      arena_reset(t);
    }
    if (present(gpath) || d == 0) {
      ynode *root = ytree_load_file_cached(a, t, dl, gpath, gpath, &lim, &io);
      *io_error |= io;
      if (root) {
        read_grids(&s, root, f);
        any_grids = true;
      }
      arena_reset(t);
    }
    load_tables(&s, t, eq_nodes, dirs[d], &lim, f, io_error);
  }
  arena_free(t);
  /* factors_carrier is asked for every meter's carrier, many times */
  f->carrier_index = strmap_new(a);
  for (size_t i = 0; i < f->n_carriers; i++)
    strmap_put(f->carrier_index, f->carriers[i].key, (long)i);
  f->layer = NULL;
  check_industries(&s, f);
  stages_check(&s, f);
  buildings_check(&s, f);
  if (r) {
    /* every kind's classes converted while equipment.yaml's nodes live:
       the image holds them all, and a run that maps it converts none (the
       kinds' records cost a check 2 M instructions and 2 MB of copies) */
    factors_equipment_all(f);
    arena_free(eq_nodes);
  }
  if (diag_errors(dl) > before || !any_carriers || !any_grids)
    return NULL;
  if (r && !*io_error && diag_errors(dl) + diag_warnings(dl) == words)
    rules_image_put(&im, r, f);
  return f;
}

const carrier_def *factors_carrier(const factors *f, const char *key)
{
  if (f->carrier_index) {
    long i = strmap_get(f->carrier_index, key);
    return i >= 0 ? &f->carriers[i] : NULL;
  }
  for (size_t i = 0; i < f->n_carriers; i++)
    if (strcmp(f->carriers[i].key, key) == 0)
      return &f->carriers[i];
  return NULL;
}

const char **factors_carrier_keys(const factors *f, arena *a)
{
  const char **keys = ARENA_ARRAY(a, const char *, f->n_carriers + 1);
  for (size_t i = 0; i < f->n_carriers; i++)
    keys[i] = f->carriers[i].key;
  return keys;
}

const year_value *factors_supply_rate(const factors *f, int year)
{
  const year_value *best = NULL;
  for (size_t i = 0; i < f->n_supply_rate; i++) {
    const year_value *y = &f->supply_rate[i];
    if (y->year <= year && (!best || y->year > best->year))
      best = y;
  }
  return best;
}
