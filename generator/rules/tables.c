/* tables.c — the standard tables of rules/: unit-product limits
 * (the files of benchmarks/), GB 17167 metering (metering.yaml), equipment
 * efficiency grades (equipment.yaml), the national ETS (ets.yaml), process
 * emission factors (process.yaml) and finance defaults (finance.yaml).
 *
 * Input: ynode trees of rule files. Output: typed tables in the factors
 * struct, every value in base units (units.h) with its source. Errors are
 * diagnostics at rule-file:line:column, as for facility files. */
#include "factors.h"

#include <math.h>
#include <string.h>

#include "../base/buf.h"
#include "../load/ycache.h"

/* {====================================================== helpers */

static void source_of(schema *s, const ynode *m, const char *path, text2 *src,
                      bool *verified)
{
  const ynode *n = ytree_get(m, "source");
  if (n)
    sch_text2(s, n, sch_path(s, path, "source"), src);
  *verified = false;
  if ((n = ytree_get(m, "verified")))
    sch_bool(s, n, sch_path(s, path, "verified"), verified);
}

/* A list of identifiers, NULL-terminated, in the arena. */
static const char **id_list(schema *s, const ynode *n, const char *path,
                            size_t *count)
{
  *count = 0;
  if (!n || !sch_list(s, n, path))
    return NULL;
  const char **out = ARENA_ARRAY(s->a, const char *, n->n + 1);
  for (size_t i = 0; i < n->n; i++)
    if (sch_id(s, n->kids[i], sch_index(s, path, i), &out[*count]))
      (*count)++;
  return out;
}

void tables_source(schema *s, const ynode *m, const char *path, text2 *src,
                   bool *verified)
{
  source_of(s, m, path, src, verified);
}

const char **tables_id_list(schema *s, const ynode *n, const char *path,
                            size_t *count)
{
  return id_list(s, n, path, count);
}

/* Three grade values (1, 2, 3) of dimension want; null allowed. */
static void read_grades(schema *s, const ynode *n, const char *path,
                        const dimvec *want, bool *has, double *v,
                        const char **text)
{
  if (!sch_list(s, n, path))
    return;
  if (n->n != 3) {
    diag_error(s->dl, n->pos, "%s: expected three values (grades 1, 2, 3), "
                              "found %zu",
               path, n->n);
    return;
  }
  for (int g = 0; g < 3; g++) {
    const ynode *x = n->kids[g];
    has[g] = false;
    if (ytree_is_null(x))
      continue;
    qty q;
    if (sch_qty(s, x, sch_index(s, path, (size_t)g), want, &q)) {
      has[g] = true;
      v[g] = q.v;
      text[g] = q.text;
    }
  }
  if (!has[2])
    diag_error(s->dl, n->pos, "%s: grade 3 (the limit) is required", path);
}

/* }====================================================== */
/* {====================================================== benchmarks */

static void read_indicator(schema *s, const ynode *n, const char *path,
                           bm_indicator *ind)
{
  static const char *const keys[] = {"id",     "name",   "basis",
                                     "unit",   "grades", "corrections",
                                     NULL};
  static const char *const req[] = {"id", "name", "basis", "unit", "grades",
                                    NULL};
  static const char *const bases[] = {"energy", "electricity", "fuel", NULL};
  memset(ind, 0, sizeof *ind);
  if (!sch_map(s, n, path, keys, req))
    return;
  const ynode *x;
  if ((x = ytree_get(n, "id")))
    sch_id(s, x, sch_path(s, path, "id"), &ind->id);
  if ((x = ytree_get(n, "name")))
    sch_text2(s, x, sch_path(s, path, "name"), &ind->name);
  if ((x = ytree_get(n, "basis")))
    sch_enum(s, x, sch_path(s, path, "basis"), bases, &ind->basis);
  unit_info ui;
  if ((x = ytree_get(n, "unit")) &&
      sch_str(s, x, sch_path(s, path, "unit"), &ind->unit)) {
    if (!units_lookup(ind->unit, strlen(ind->unit), &ui)) {
      diag_error(s->dl, x->pos, "%s.unit: unknown unit \"%s\"", path,
                 ind->unit);
      ind->unit = NULL;
    } else {
      ind->dim = ui.dim;
      /* The numerator must fit the basis: standard coal, or energy. */
      bool sce = ui.dim.e[DIM_SCE] == 1, energy = ui.dim.e[DIM_ENERGY] == 1;
      if ((ind->basis == BASIS_ELECTRICITY && !energy) ||
          (ind->basis != BASIS_ELECTRICITY && !sce)) {
        diag_error(s->dl, x->pos, "%s.unit: \"%s\" does not fit basis %s",
                   path, ind->unit, bases[ind->basis]);
        ind->unit = NULL;
      }
    }
  }
  if ((x = ytree_get(n, "grades")) && ind->unit)
    read_grades(s, x, sch_path(s, path, "grades"), &ind->dim, ind->has_grade,
                ind->grade, ind->grade_text);
  if ((x = ytree_get(n, "corrections")))
    ind->has_corrections = sch_text2(s, x, sch_path(s, path, "corrections"),
                                     &ind->corrections);
}

/* edition_of: KEY — an entry holding the limits of another edition of
   benchmark KEY (a benchmark of its own, read before it in this file or
   an earlier one). Its standard is another edition of KEY's (same code,
   another year); name, industry, and title and boundary when it gives
   none, are KEY's. Facilities name KEY; calc takes the entry of the
   edition in force. */
static bool bm_edition_of(schema *s, const ynode *n, const char *path,
                          const benchmark *all, size_t n_all, benchmark *b)
{
  const ynode *x = ytree_get(n, "edition_of");
  const char *base_key;
  if (!sch_id(s, x, sch_path(s, path, "edition_of"), &base_key))
    return false;
  if (strcmp(base_key, b->key) == 0) {
    diag_error(s->dl, x->pos,
               "%s.edition_of: a benchmark cannot be another edition of "
               "itself (give the entry a key of its own)",
               path);
    return false;
  }
  const benchmark *base = NULL;
  for (size_t i = 0; i < n_all && !base; i++)
    if (strcmp(all[i].key, base_key) == 0)
      base = &all[i];
  if (!base) {
    diag_error(s->dl, x->pos,
               "%s.edition_of: \"%s\" is not a benchmark read before this "
               "entry",
               path, base_key);
    return false;
  }
  if (base->edition_of) {
    diag_error(s->dl, x->pos,
               "%s.edition_of: \"%s\" is itself another edition of \"%s\"; "
               "name the benchmark \"%s\"",
               path, base_key, base->edition_of, base->edition_of);
    return false;
  }
  const char *code, *ed, *bcode, *bed;
  if (!b->standard || !factors_designation(s->a, b->standard, &code, &ed) ||
      !base->standard ||
      !factors_designation(s->a, base->standard, &bcode, &bed) ||
      strcmp(code, bcode) != 0 || strcmp(ed, bed) == 0) {
    const ynode *sx = ytree_get(n, "standard");
    diag_error(s->dl, sx ? sx->pos : x->pos,
               "%s.standard: \"%s\" is not another edition of %s's standard "
               "%s",
               path, b->standard ? b->standard : "", base_key,
               base->standard ? base->standard : "");
    return false;
  }
  b->edition_of = base->key;
  b->name = base->name;
  b->industry = base->industry;
  b->industry_pos = base->industry_pos;
  if (!b->title.zh)
    b->title = base->title;
  if (!b->boundary.zh)
    b->boundary = base->boundary;
  return true;
}

void tables_benchmarks(schema *s, const ynode *root, factors *f)
{
  static const char *const top[] = {"benchmarks", NULL};
  static const char *const keys[] = {"name",     "industry", "standard",
                                     "title",    "in_force", "indicators",
                                     "boundary", "source",   "verified",
                                     "citation", "checked",  "edition_of",
                                     NULL};
  static const char *const req[] = {"name",   "standard", "indicators",
                                    "source", "citation", NULL};
  /* another edition's entry takes its name and industry from the base */
  static const char *const ed_keys[] = {
      "edition_of", "standard", "title",    "in_force", "indicators",
      "boundary",   "source",   "verified", "citation", "checked",
      NULL};
  static const char *const ed_req[] = {"edition_of", "standard", "indicators",
                                       "source",     "citation", NULL};
  if (!sch_map(s, root, "benchmarks file", top, top))
    return;
  const ynode *bs = ytree_get(root, "benchmarks");
  if (!bs || bs->kind != YN_MAP) {
    if (bs)
      diag_error(s->dl, bs->pos, "benchmarks: expected a mapping, found %s",
                 ytree_kind_name(bs));
    return;
  }
  benchmark *all = ARENA_ARRAY(s->a, benchmark, f->n_benchmarks + bs->n + 1);
  if (f->n_benchmarks)
    memcpy(all, f->benchmarks, sizeof *all * f->n_benchmarks);
  for (size_t i = 0; i < bs->n; i++) {
    const ynode *k = bs->kids[2 * i], *n = bs->kids[2 * i + 1];
    const char *key;
    if (!sch_id(s, k, "benchmarks", &key))
      continue;
    const char *path = arena_printf(s->a, "benchmarks.%s", key);
    size_t at = 0;
    while (at < f->n_benchmarks && strcmp(all[at].key, key) != 0)
      at++;
    if (factors_only_checked(n, false)) {
      /* A firm marks the limit values of an earlier directory checked. */
      factors_mark(s, k, n, at < f->n_benchmarks, "a benchmark", path,
                   &all[at].checked);
      continue;
    }
    benchmark b;
    memset(&b, 0, sizeof b);
    b.key = key;
    b.pos = k->pos;
    bool edition = n->kind == YN_MAP && ytree_get(n, "edition_of");
    if (!sch_map(s, n, path, edition ? ed_keys : keys, edition ? ed_req : req))
      continue;
    const ynode *x;
    if ((x = ytree_get(n, "name")))
      sch_text2(s, x, sch_path(s, path, "name"), &b.name);
    if ((x = ytree_get(n, "industry")) &&
        sch_id(s, x, sch_path(s, path, "industry"), &b.industry))
      b.industry_pos = x->pos;
    if ((x = ytree_get(n, "standard")))
      sch_str(s, x, sch_path(s, path, "standard"), &b.standard);
    if ((x = ytree_get(n, "title")))
      sch_text2(s, x, sch_path(s, path, "title"), &b.title);
    if ((x = ytree_get(n, "in_force")))
      b.has_in_force = sch_date(s, x, sch_path(s, path, "in_force"),
                                &b.in_force);
    if ((x = ytree_get(n, "boundary")))
      sch_text2(s, x, sch_path(s, path, "boundary"), &b.boundary);
    if (edition && !bm_edition_of(s, n, path, all, f->n_benchmarks, &b))
      continue;
    source_of(s, n, path, &b.source, &b.verified);
    factors_cite(s, n, path, &b.citation, &b.checked);
    if ((x = ytree_get(n, "indicators")) &&
        sch_list(s, x, sch_path(s, path, "indicators"))) {
      if (x->n == 0)
        diag_error(s->dl, x->pos, "%s.indicators: at least one indicator",
                   path);
      b.ind = ARENA_ARRAY(s->a, bm_indicator, x->n + 1);
      for (size_t j = 0; j < x->n; j++) {
        read_indicator(s, x->kids[j],
                       sch_index(s, sch_path(s, path, "indicators"), j),
                       &b.ind[b.n_ind]);
        if (b.ind[b.n_ind].unit && b.ind[b.n_ind].has_grade[2])
          b.n_ind++;
      }
    }
    b.layer = f->layer;
    all[at] = b;
    if (at == f->n_benchmarks)
      f->n_benchmarks++;
  }
  f->benchmarks = all;
}

const benchmark *factors_benchmark(const factors *f, const char *key)
{
  for (size_t i = 0; i < f->n_benchmarks; i++)
    if (!f->benchmarks[i].edition_of &&
        strcmp(f->benchmarks[i].key, key) == 0)
      return &f->benchmarks[i];
  return NULL;
}

const benchmark *factors_benchmark_edition(const factors *f, const char *key,
                                           const char *designation)
{
  for (size_t i = 0; i < f->n_benchmarks; i++) {
    const benchmark *b = &f->benchmarks[i];
    const char *base = b->edition_of ? b->edition_of : b->key;
    if (strcmp(base, key) == 0 && b->standard &&
        strcmp(b->standard, designation) == 0)
      return b;
  }
  return NULL;
}

/* }====================================================== */
/* {====================================================== metering */

const char *const METER_KINDS[] = {
    "energy_meter",       "static_scale",  "truck_scale",
    "static_rail_scale",  "dynamic_scale", "belt_scale",
    "dynamic_rail_scale", "flow_meter",    NULL};

bool meter_kind_known(const char *kind)
{
  for (int i = 0; METER_KINDS[i]; i++)
    if (strcmp(kind, METER_KINDS[i]) == 0)
      return true;
  return false;
}

void tables_metering(schema *s, const ynode *root, factors *f)
{
  static const char *const keys[] = {"standard", "source",   "verified",
                                     "levels",   "coverage", "accuracy",
                                     "citation", NULL};
  static const char *const req[] = {"standard", "source",   "coverage",
                                    "accuracy", "citation", NULL};
  metering_rules *mr = &f->metering;
  memset(mr, 0, sizeof *mr);
  mr->layer = f->layer;
  if (!sch_map(s, root, "metering.yaml", keys, req))
    return;
  const ynode *x;
  if ((x = ytree_get(root, "standard")))
    sch_str(s, x, "standard", &mr->standard);
  source_of(s, root, "metering", &mr->source, &mr->verified);
  factors_cite(s, root, "metering", &mr->citation, NULL);
  if ((x = ytree_get(root, "levels")) && x->kind == YN_MAP) {
    static const char *const lk[] = {"1", "2", "3", NULL};
    sch_map(s, x, "levels", lk, lk);
    for (int l = 0; l < 3; l++) {
      const ynode *y = ytree_get(x, lk[l]);
      if (y)
        sch_text2(s, y, sch_path(s, "levels", lk[l]), &mr->level_name[l]);
    }
  }
  dimvec none = {{0}};
  if ((x = ytree_get(root, "coverage")) && sch_list(s, x, "coverage")) {
    static const char *const gk[] = {"group", "name", "carriers", "rates",
                                     NULL};
    mr->groups = ARENA_ARRAY(s->a, mt_group, x->n + 1);
    for (size_t i = 0; i < x->n; i++) {
      const ynode *g = x->kids[i], *y;
      const char *path = sch_index(s, "coverage", i);
      if (!sch_map(s, g, path, gk, gk))
        continue;
      mt_group *mg = &mr->groups[mr->n_groups];
      memset(mg, 0, sizeof *mg);
      if ((y = ytree_get(g, "group")))
        sch_id(s, y, sch_path(s, path, "group"), &mg->group);
      if ((y = ytree_get(g, "name")))
        sch_text2(s, y, sch_path(s, path, "name"), &mg->name);
      mg->carriers = id_list(s, ytree_get(g, "carriers"),
                             sch_path(s, path, "carriers"), &mg->n_carriers);
      if ((y = ytree_get(g, "rates")) &&
          sch_list(s, y, sch_path(s, path, "rates"))) {
        if (y->n != 3) {
          diag_error(s->dl, y->pos, "%s.rates: expected three values (levels "
                                    "1, 2, 3)",
                     path);
        } else {
          for (int l = 0; l < 3; l++) {
            if (ytree_is_null(y->kids[l]))
              continue;
            qty q;
            if (sch_qty(s, y->kids[l],
                        sch_index(s, sch_path(s, path, "rates"), (size_t)l),
                        &none, &q)) {
              mg->has_rate[l] = true;
              mg->rate[l] = q.v;
            }
          }
        }
      }
      if (mg->group)
        mr->n_groups++;
    }
  }
  if ((x = ytree_get(root, "accuracy")) && sch_list(s, x, "accuracy")) {
    static const char *const ak[] = {"carriers", "name",  "class",
                                     "by_user_class", "kinds", "assumed",
                                     NULL};
    static const char *const areq[] = {"carriers", "name", NULL};
    mr->accuracy = ARENA_ARRAY(s->a, mt_accuracy, x->n + 1);
    for (size_t i = 0; i < x->n; i++) {
      const ynode *g = x->kids[i], *y;
      const char *path = sch_index(s, "accuracy", i);
      if (!sch_map(s, g, path, ak, areq))
        continue;
      mt_accuracy *ma = &mr->accuracy[mr->n_accuracy];
      memset(ma, 0, sizeof *ma);
      ma->carriers = id_list(s, ytree_get(g, "carriers"),
                             sch_path(s, path, "carriers"), &ma->n_carriers);
      if ((y = ytree_get(g, "name")))
        sch_text2(s, y, sch_path(s, path, "name"), &ma->name);
      if ((y = ytree_get(g, "class")))
        sch_str(s, y, sch_path(s, path, "class"), &ma->cls);
      if ((y = ytree_get(g, "kinds"))) {
        const char *kpath = sch_path(s, path, "kinds");
        ma->kinds = id_list(s, y, kpath, &ma->n_kinds);
        for (size_t j = 0; ma->n_kinds == y->n && j < ma->n_kinds; j++)
          if (!meter_kind_known(ma->kinds[j]))
            diag_error(s->dl, y->kids[j]->pos,
                       "%s: unknown meter kind \"%s\" (energy_meter, "
                       "static_scale, truck_scale, static_rail_scale, "
                       "dynamic_scale, belt_scale, dynamic_rail_scale, "
                       "flow_meter)",
                       sch_index(s, kpath, j), ma->kinds[j]);
      }
      if ((y = ytree_get(g, "assumed")))
        sch_bool(s, y, sch_path(s, path, "assumed"), &ma->assumed);
      if ((y = ytree_get(g, "by_user_class")) &&
          sch_list(s, y, sch_path(s, path, "by_user_class"))) {
        static const char *const uk[] = {"class", "min_monthly", "user_class",
                                         NULL};
        ma->uc = ARENA_ARRAY(s->a, mt_user_class, y->n + 1);
        dimvec kwh = dim_of("kWh");
        for (size_t j = 0; j < y->n; j++) {
          const ynode *u = y->kids[j], *z;
          const char *upath = sch_index(s, sch_path(s, path, "by_user_class"), j);
          if (!sch_map(s, u, upath, uk, uk))
            continue;
          mt_user_class *c = &ma->uc[ma->n_uc];
          qty q;
          if (!(z = ytree_get(u, "class")) ||
              !sch_str(s, z, sch_path(s, upath, "class"), &c->cls) ||
              !(z = ytree_get(u, "user_class")) ||
              !sch_str(s, z, sch_path(s, upath, "user_class"), &c->user_class) ||
              !(z = ytree_get(u, "min_monthly")) ||
              !sch_qty(s, z, sch_path(s, upath, "min_monthly"), &kwh, &q))
            continue;
          c->min_monthly_kwh = units_to(q.v, "kWh");
          ma->n_uc++;
        }
      }
      if (!ma->cls && !ma->n_uc)
        diag_error(s->dl, g->pos, "%s: give class or by_user_class", path);
      else
        mr->n_accuracy++;
    }
  }
  mr->present = true;
}

/* }====================================================== */
/* {====================================================== equipment */

static void read_range(schema *s, const ynode *n, const char *path,
                       const dimvec *want, bool *has, dimvec *dim, double *lo,
                       double *hi, const char **unit)
{
  if (!sch_list(s, n, path))
    return;
  if (n->n != 2) {
    diag_error(s->dl, n->pos, "%s: expected [min, max]", path);
    return;
  }
  qty a, b;
  if (!sch_qty(s, n->kids[0], sch_index(s, path, 0), want, &a) ||
      !sch_qty(s, n->kids[1], sch_index(s, path, 1), want ? want : &a.dim,
               &b))
    return;
  if (!dim_eq(a.dim, b.dim) || b.v < a.v) {
    diag_error(s->dl, n->pos, "%s: max must be at least min, in the same "
                              "dimension",
               path);
    return;
  }
  *has = true;
  if (dim)
    *dim = a.dim;
  *lo = a.v;
  *hi = b.v;
  if (unit)
    *unit = b.unit;
}

/* One end of an interval: a number, or a quantity of dimension want
   (NULL: a plain number); empty = unbounded. A scalar node over the part
   lets the schema readers report it at the interval's position. */
static bool interval_end(schema *s, const ynode *n, const char *path,
                         const char *b, const char *e, const dimvec *want,
                         bool any_dim, dimvec *dim, bool *has, double *v,
                         const char **unit)
{
  while (b < e && (*b == ' ' || *b == '\t'))
    b++;
  while (e > b && (e[-1] == ' ' || e[-1] == '\t'))
    e--;
  *has = e > b;
  if (!*has)
    return true;
  ynode part = *n;
  part.kind = YN_SCALAR;
  part.plain = true;
  part.len = (size_t)(e - b);
  char *t = arena_printf(s->a, "%.*s", (int)part.len, b);
  part.str = t;
  if (!want && !any_dim)
    return sch_num(s, &part, path, v);
  qty q;
  if (!sch_qty(s, &part, path, want, &q))
    return false;
  *v = q.v;
  *unit = q.unit;
  if (dim)
    *dim = q.dim;
  return true;
}

/* interval := ( "[" | "(" ) end? "," end? ( "]" | ")" )
   An interval with its own end points (see eq_interval); an empty end
   is unbounded and takes a round bracket. want: the dimension of the
   ends, or NULL for plain numbers. */
static void read_interval(schema *s, const ynode *n, const char *path,
                          const dimvec *want, bool any_dim, dimvec *dim,
                          eq_interval *iv)
{
  memset(iv, 0, sizeof *iv);
  const char *str;
  if (!sch_str(s, n, path, &str))
    return;
  size_t len = strlen(str);
  const char *comma = strchr(str, ',');
  if (len < 3 || (str[0] != '[' && str[0] != '(') ||
      (str[len - 1] != ']' && str[len - 1] != ')') || !comma ||
      strchr(comma + 1, ',')) {
    diag_error(s->dl, n->pos, "%s: expected an interval such as \"[1.35, "
                              "1.55)\" or \"(45,)\", found \"%s\"",
               path, str);
    return;
  }
  eq_interval r = {.lo_incl = str[0] == '[', .hi_incl = str[len - 1] == ']',
                   .text = str};
  dimvec d1 = {{0}};
  if (!interval_end(s, n, path, str + 1, comma, want, any_dim, &d1,
                    &r.has_lo, &r.lo, &r.unit))
    return;
  /* with any dimension, the upper end takes the lower end's */
  bool same = any_dim && r.has_lo;
  if (!interval_end(s, n, path, comma + 1, str + len - 1, same ? &d1 : want,
                    any_dim && !same, &d1, &r.has_hi, &r.hi, &r.unit))
    return;
  if (dim)
    *dim = d1;
  if ((!r.has_lo && r.lo_incl) || (!r.has_hi && r.hi_incl)) {
    diag_error(s->dl, n->pos, "%s: \"%s\": an open end takes a round "
                              "bracket",
               path, str);
    return;
  }
  if (!r.has_lo && !r.has_hi) {
    diag_error(s->dl, n->pos, "%s: \"%s\": give at least one end", path,
               str);
    return;
  }
  if (r.has_lo && r.has_hi &&
      (r.hi < r.lo || (r.hi == r.lo && !(r.lo_incl && r.hi_incl)))) {
    diag_error(s->dl, n->pos, "%s: \"%s\" is empty (the upper end must be "
                              "above the lower)",
               path, str);
    return;
  }
  r.set = true;
  *iv = r;
}

const char *const EQ_METRICS[] = {"seer", "apf", "iplv", "aeer", "cop", NULL};

static void read_class(schema *s, const ynode *n, const char *path,
                       const eq_kind *k, eq_class *c)
{
  static const char *const keys[] = {"name",    "match",        "grades",
                                     "formula", "suction",      "c",
                                     "no_load_loss", "load_loss", "iplv_min",
                                     "metric",  NULL};
  static const char *const req[] = {"name", NULL};
  static const char *const mkeys[] = {"type",     "fuel",    "capacity",
                                      "poles",    "pressure", "cooling",
                                      "coal_class", "flow",
                                      "pressure_coefficient", "hub_ratio",
                                      "specific_speed", "machine_number",
                                      "voltage_class", "core", "connection",
                                      "insulation", NULL};
  /* the interval keys, in the order of EQ_IV_* after flow */
  static const char *const ivkeys[] = {"pressure_coefficient", "hub_ratio",
                                       "specific_speed", "machine_number",
                                       "voltage_class"};
  static const char *const suctions[] = {"single", "double", NULL};
  memset(c, 0, sizeof *c);
  c->formula = -1;
  if (!sch_map(s, n, path, keys, req))
    return;
  bool has_grades = ytree_get(n, "grades") != NULL;
  bool by_formula = ytree_get(n, "c") != NULL;
  bool by_losses = ytree_get(n, "no_load_loss") || ytree_get(n, "load_loss");
  if (k->indicator == EQ_LOSSES || by_losses) {
    /* transformers: both losses, nothing else */
    if (k->indicator != EQ_LOSSES || has_grades || by_formula ||
        !ytree_get(n, "no_load_loss") || !ytree_get(n, "load_loss")) {
      diag_error(s->dl, n->pos, "%s: %s", path,
                 k->indicator == EQ_LOSSES
                     ? "a kind graded by losses gives no_load_loss and "
                       "load_loss (three values each), not grades or c"
                     : "no_load_loss and load_loss are for a kind whose "
                       "indicator is losses");
      return;
    }
  } else if (has_grades == by_formula) {
    diag_error(s->dl, n->pos, "%s: give either grades or formula and c",
               path);
    return;
  }
  const ynode *x;
  if ((x = ytree_get(n, "name")))
    sch_text2(s, x, sch_path(s, path, "name"), &c->name);
  if ((x = ytree_get(n, "match"))) {
    const char *mp = sch_path(s, path, "match");
    if (sch_map(s, x, mp, mkeys, NULL)) {
      const ynode *y;
      if ((y = ytree_get(x, "type")))
        c->types = id_list(s, y, sch_path(s, mp, "type"), &c->n_types);
      if ((y = ytree_get(x, "fuel")))
        c->fuels = id_list(s, y, sch_path(s, mp, "fuel"), &c->n_fuels);
      if ((y = ytree_get(x, "cooling")))
        c->cooling = id_list(s, y, sch_path(s, mp, "cooling"), &c->n_cooling);
      if ((y = ytree_get(x, "coal_class")))
        c->coal_class = id_list(s, y, sch_path(s, mp, "coal_class"),
                                &c->n_coal_class);
      c->cap_hi_incl = true; /* a list [min, max] is (min, max] */
      if ((y = ytree_get(x, "capacity")) && y->kind == YN_SEQ) {
        read_range(s, y, sch_path(s, mp, "capacity"), NULL, &c->has_capacity,
                   &c->cap_dim, &c->cap_min, &c->cap_max, &c->cap_unit);
      } else if (y) {
        /* an interval with both ends, in one unit: "[30 kVA, 30 kVA]" */
        eq_interval r;
        const char *cp = sch_path(s, mp, "capacity");
        read_interval(s, y, cp, NULL, true, &c->cap_dim, &r);
        if (r.set && !(r.has_lo && r.has_hi)) {
          diag_error(s->dl, y->pos, "%s: a capacity interval needs both ends",
                     cp);
        } else if (r.set) {
          c->has_capacity = true;
          c->cap_min = r.lo, c->cap_max = r.hi;
          c->cap_lo_incl = r.lo_incl, c->cap_hi_incl = r.hi_incl;
          c->cap_unit = r.unit;
        }
      }
      if ((y = ytree_get(x, "pressure"))) {
        dimvec pd = dim_of("MPa");
        read_range(s, y, sch_path(s, mp, "pressure"), &pd, &c->has_pressure,
                   NULL, &c->p_min, &c->p_max, NULL);
      }
      if ((y = ytree_get(x, "flow"))) {
        dimvec fd = dim_of("m3/h");
        eq_interval *q = &c->iv[EQ_IV_FLOW];
        /* [min, max] as a list: both ends inclusive */
        if (y->kind == YN_SEQ) {
          read_range(s, y, sch_path(s, mp, "flow"), &fd, &q->set, NULL,
                     &q->lo, &q->hi, &q->unit);
          q->has_lo = q->has_hi = q->lo_incl = q->hi_incl = q->set;
        } else {
          read_interval(s, y, sch_path(s, mp, "flow"), &fd, false, NULL, q);
        }
      }
      if ((y = ytree_get(x, "core")))
        c->core = id_list(s, y, sch_path(s, mp, "core"), &c->n_core);
      if ((y = ytree_get(x, "connection")))
        c->connection = id_list(s, y, sch_path(s, mp, "connection"),
                                &c->n_connection);
      if ((y = ytree_get(x, "insulation")))
        c->insulation = id_list(s, y, sch_path(s, mp, "insulation"),
                                &c->n_insulation);
      for (int j = 0; j < 5; j++)
        if ((y = ytree_get(x, ivkeys[j])))
          read_interval(s, y, sch_path(s, mp, ivkeys[j]), NULL, false, NULL,
                        &c->iv[EQ_IV_PSI + j]);
      if ((y = ytree_get(x, "poles")) &&
          sch_list(s, y, sch_path(s, mp, "poles"))) {
        c->poles = ARENA_ARRAY(s->a, long, y->n + 1);
        for (size_t i = 0; i < y->n; i++)
          if (sch_int(s, y->kids[i], sch_index(s, sch_path(s, mp, "poles"), i),
                      2, 16, &c->poles[c->n_poles]))
            c->n_poles++;
      }
    }
  }
  dimvec gd = k->indicator == EQ_SPECIFIC_POWER ? dim_of("kW/(m3/min)")
                                                : (dimvec){{0}};
  if ((x = ytree_get(n, "metric"))) {
    int m;
    if (k->indicator != EQ_PERF)
      diag_error(s->dl, x->pos, "%s.metric: only for a kind whose "
                                "indicator is performance",
                 path);
    else if (sch_enum(s, x, sch_path(s, path, "metric"), EQ_METRICS, &m))
      c->metric = arena_intern(s->a, EQ_METRICS[m]);
  } else if (k->indicator == EQ_PERF) {
    diag_error(s->dl, n->pos, "%s: missing required key \"metric\" (the "
                              "ratio the class grades: seer, apf, iplv, aeer "
                              "or cop)",
               path);
  }
  if ((x = ytree_get(n, "iplv_min"))) {
    if (k->indicator != EQ_COP)
      diag_error(s->dl, x->pos, "%s.iplv_min: only for a kind whose "
                                "indicator is cop",
                 path);
    else if (sch_num(s, x, sch_path(s, path, "iplv_min"), &c->iplv_min)) {
      if (!(c->iplv_min > 0))
        diag_error(s->dl, x->pos, "%s.iplv_min: must be greater than zero",
                   path);
      else
        c->has_iplv_min = true;
    }
  }
  if ((x = ytree_get(n, "grades")))
    read_grades(s, x, sch_path(s, path, "grades"), &gd, c->has_grade, c->grade,
                c->grade_text);
  if (k->indicator == EQ_LOSSES) {
    dimvec pw = dim_of("kW");
    read_grades(s, ytree_get(n, "no_load_loss"),
                sch_path(s, path, "no_load_loss"), &pw, c->has_p0, c->p0,
                c->p0_text);
    read_grades(s, ytree_get(n, "load_loss"), sch_path(s, path, "load_loss"),
                &pw, c->has_pk, c->pk, c->pk_text);
    for (int g = 0; g + 1 < 3; g++)
      if ((c->has_p0[g] && c->has_p0[g + 1] && c->p0[g] > c->p0[g + 1]) ||
          (c->has_pk[g] && c->has_pk[g + 1] && c->pk[g] > c->pk[g + 1])) {
        diag_error(s->dl, n->pos, "%s: grade %d's losses must not be above "
                                  "grade %d's",
                   path, g + 1, g + 2);
        c->has_p0[2] = false;
        break;
      }
    return;
  }
  if (!by_formula)
    return;
  const char *fp = sch_path(s, path, "formula");
  if (!(x = ytree_get(n, "formula"))) {
    diag_error(s->dl, n->pos, "%s: grades given as c need a formula", path);
    return;
  }
  const char *fkey;
  if (!sch_id(s, x, fp, &fkey))
    return;
  for (size_t i = 0; i < k->n_formulas && c->formula < 0; i++)
    if (strcmp(k->formulas[i].key, fkey) == 0)
      c->formula = (int)i;
  if (c->formula < 0) {
    diag_error(s->dl, x->pos, "%s: no formula \"%s\" in this kind's formulas",
               fp, fkey);
  }
  int su = 0;
  if ((x = ytree_get(n, "suction")) &&
      sch_enum(s, x, sch_path(s, path, "suction"), suctions, &su))
    c->double_suction = su == 1;
  x = ytree_get(n, "c");
  const char *cp = sch_path(s, path, "c");
  if (!sch_list(s, x, cp))
    return;
  if (x->n != 3) {
    diag_error(s->dl, x->pos, "%s: expected three values (grades 1, 2, 3)",
               cp);
    return;
  }
  bool ok = true;
  for (size_t i = 0; i < 3; i++)
    ok &= sch_num(s, x->kids[i], sch_index(s, cp, i), &c->c[i]);
  if (ok && !(c->c[0] <= c->c[1] && c->c[1] <= c->c[2])) {
    diag_error(s->dl, x->pos, "%s: grade 1 must be the strictest (c1 ≤ c2 ≤ "
                              "c3)",
               cp);
    ok = false;
  }
  c->has_c = ok && c->formula >= 0;
}

/* formulas: {single_stage: {a:, b:, c:, d:, e:}, multistage: {...}} */
static void read_formulas(schema *s, const ynode *n, const char *path,
                          eq_kind *k)
{
  static const char *const keys[] = {"a", "b", "c", "d", "e", "multistage",
                                     NULL};
  static const char *const req[] = {"a", "b", "c", "d", "e", NULL};
  if (n->kind != YN_MAP) {
    diag_error(s->dl, n->pos, "%s: expected a mapping, found %s", path,
               ytree_kind_name(n));
    return;
  }
  k->formulas = ARENA_ARRAY(s->a, eq_formula, n->n + 1);
  for (size_t i = 0; i < n->n; i++) {
    const ynode *kn = n->kids[2 * i], *v = n->kids[2 * i + 1];
    eq_formula *f = &k->formulas[k->n_formulas];
    memset(f, 0, sizeof *f);
    if (!sch_id(s, kn, path, &f->key))
      continue;
    const char *fp = sch_path(s, path, f->key);
    if (!sch_map(s, v, fp, keys, req))
      continue;
    /* kept even when a number is wrong (the error stops the run), so
       that classes naming it do not report it missing as well */
    double *dst[] = {&f->a, &f->b, &f->c, &f->d, &f->e};
    for (size_t j = 0; j < 5; j++) {
      const ynode *y = ytree_get(v, keys[j]);
      if (y)
        sch_num(s, y, sch_path(s, fp, keys[j]), dst[j]);
    }
    const ynode *m = ytree_get(v, "multistage");
    if (m)
      sch_bool(s, m, sch_path(s, fp, "multistage"), &f->multistage);
    k->n_formulas++;
  }
}

/* operation: {standard, title, method, economic/allowable | best_factor/
   best_high | min_ratio, citation, source, verified} — the operating
   standard (经济运行) a kind's measured values are judged by. */
static void read_operation(schema *s, const ynode *n, const char *path,
                           eq_operation *op)
{
  static const char *const keys[] = {
      "standard",  "title",     "method",    "economic", "allowable",
      "best_factor", "best_high", "min_ratio", "citation", "source",
      "verified",  NULL};
  static const char *const req[] = {"standard", "title",  "method",
                                    "citation", "source", NULL};
  static const char *const methods[] = {"motor_load_factor",
                                        "transformer_load_factor",
                                        "efficiency_ratio", NULL};
  static const char *const need[][3] = {{"economic", "allowable", NULL},
                                        {"best_factor", "best_high", NULL},
                                        {"min_ratio", NULL, NULL}};
  memset(op, 0, sizeof *op);
  if (!sch_map(s, n, path, keys, req))
    return;
  const ynode *x;
  int m = -1;
  if ((x = ytree_get(n, "standard")))
    sch_str(s, x, sch_path(s, path, "standard"), &op->standard);
  if ((x = ytree_get(n, "title")))
    sch_text2(s, x, sch_path(s, path, "title"), &op->title);
  source_of(s, n, path, &op->source, &op->verified);
  factors_cite(s, n, path, &op->citation, NULL);
  if ((x = ytree_get(n, "method")) &&
      !sch_enum(s, x, sch_path(s, path, "method"), methods, &m))
    m = -1;
  if (m < 0)
    return;
  /* each method's numbers, all required, none of another method's */
  static const char *const all[] = {"economic", "allowable", "best_factor",
                                    "best_high", "min_ratio", NULL};
  bool ok = true;
  for (size_t i = 0; all[i]; i++) {
    bool wanted = false;
    for (size_t j = 0; need[m][j]; j++)
      wanted |= strcmp(need[m][j], all[i]) == 0;
    x = ytree_get(n, all[i]);
    if (x && !wanted) {
      diag_error(s->dl, x->pos, "%s.%s: not a figure of method %s", path,
                 all[i], methods[m]);
      ok = false;
    } else if (!x && wanted) {
      diag_error(s->dl, n->pos, "%s: method %s needs %s", path, methods[m],
                 all[i]);
      ok = false;
    }
  }
  double *dst[] = {&op->economic, &op->allowable, &op->best_factor,
                   &op->best_high, &op->min_ratio};
  bool got[5] = {false};
  for (size_t i = 0; all[i]; i++) {
    if (!(x = ytree_get(n, all[i])))
      continue;
    const char *p = sch_path(s, path, all[i]);
    bool read = i == 2 ? sch_num(s, x, p, dst[i])
                       : sch_ratio(s, x, p, true, dst[i]);
    if (read && !(*dst[i] > 0)) {
      diag_error(s->dl, x->pos, "%s: must be greater than zero", p);
      read = false;
    }
    got[i] = read;
    ok &= read;
  }
  if (m == 0 && got[0] && got[1] && !(op->allowable < op->economic)) {
    diag_error(s->dl, n->pos, "%s: allowable must lie below economic", path);
    ok = false;
  }
  if (ok)
    op->method = m + 1; /* EQ_OP_MOTOR, EQ_OP_TRANSFORMER, EQ_OP_RATIO */
}

/* A list of non-empty strings (series and model names hold '/' and
   spaces, so they are not identifiers), NULL-terminated, in the arena. */
static const char **str_list(schema *s, const ynode *n, const char *path,
                             size_t *count)
{
  *count = 0;
  if (!n || !sch_list(s, n, path))
    return NULL;
  const char **out = ARENA_ARRAY(s->a, const char *, n->n + 1);
  for (size_t i = 0; i < n->n; i++)
    if (sch_str(s, n->kids[i], sch_index(s, path, i), &out[*count]))
      (*count)++;
  return out;
}

static void read_cat_entry(schema *s, const ynode *n, const char *path,
                           eq_cat_entry *e)
{
  static const char *const keys[] = {"item",   "product", "reason", "kinds",
                                     "series", "models",  "fuel",   "type",
                                     "capacity", NULL};
  static const char *const req[] = {"product", "kinds", NULL};
  memset(e, 0, sizeof *e);
  e->pos = n->pos;
  if (!sch_map(s, n, path, keys, req))
    return;
  const ynode *x;
  if ((x = ytree_get(n, "item")))
    sch_str(s, x, sch_path(s, path, "item"), &e->item);
  if ((x = ytree_get(n, "product")))
    sch_text2(s, x, sch_path(s, path, "product"), &e->product);
  if ((x = ytree_get(n, "reason")))
    sch_text2(s, x, sch_path(s, path, "reason"), &e->reason);
  e->kinds = id_list(s, ytree_get(n, "kinds"), sch_path(s, path, "kinds"),
                     &e->n_kinds);
  e->series = str_list(s, ytree_get(n, "series"), sch_path(s, path, "series"),
                       &e->n_series);
  e->models = str_list(s, ytree_get(n, "models"), sch_path(s, path, "models"),
                       &e->n_models);
  e->fuels = id_list(s, ytree_get(n, "fuel"), sch_path(s, path, "fuel"),
                     &e->n_fuels);
  e->types = id_list(s, ytree_get(n, "type"), sch_path(s, path, "type"),
                     &e->n_types);
  const char *lo_unit = NULL;
  if ((x = ytree_get(n, "capacity"))) {
    read_range(s, x, sch_path(s, path, "capacity"), NULL, &e->has_capacity,
               &e->cap_dim, &e->cap_min, &e->cap_max, &lo_unit);
    if (e->has_capacity)
      e->cap_text = x->kids[1]->str;
  }
  if (!ytree_get(n, "series") && !ytree_get(n, "models") &&
      !ytree_get(n, "fuel") && !ytree_get(n, "type") &&
      !ytree_get(n, "capacity"))
    diag_error(s->dl, n->pos, "%s: names no series, model or condition: it "
                              "would list every item of its kinds",
               path);
}

/* catalogues: [{key, name, in_force, citation, source, verified,
   entries: [...]}]; a later directory replaces a catalogue of the same
   key and adds new ones. */
static void read_catalogues(schema *s, const ynode *n, factors *f)
{
  static const char *const keys[] = {"key",    "name",     "in_force",
                                     "citation", "source", "verified",
                                     "entries", NULL};
  static const char *const req[] = {"key",    "name",    "in_force",
                                    "citation", "source", "entries", NULL};
  if (!sch_list(s, n, "catalogues"))
    return;
  eq_catalogue *all =
      ARENA_ARRAY(s->a, eq_catalogue, f->n_catalogues + n->n + 1);
  if (f->n_catalogues)
    memcpy(all, f->catalogues, sizeof *all * f->n_catalogues);
  size_t total = f->n_catalogues;
  for (size_t i = 0; i < n->n; i++) {
    const ynode *c = n->kids[i];
    const char *path = sch_index(s, "catalogues", i);
    eq_catalogue k;
    memset(&k, 0, sizeof k);
    if (!sch_map(s, c, path, keys, req))
      continue;
    const ynode *x;
    if (!(x = ytree_get(c, "key")) ||
        !sch_id(s, x, sch_path(s, path, "key"), &k.key))
      continue;
    if ((x = ytree_get(c, "name")))
      sch_text2(s, x, sch_path(s, path, "name"), &k.name);
    if ((x = ytree_get(c, "in_force")))
      sch_date(s, x, sch_path(s, path, "in_force"), &k.in_force);
    source_of(s, c, path, &k.source, &k.verified);
    factors_cite(s, c, path, &k.citation, NULL);
    const char *ep = sch_path(s, path, "entries");
    if ((x = ytree_get(c, "entries")) && sch_list(s, x, ep)) {
      k.entries = ARENA_ARRAY(s->a, eq_cat_entry, x->n + 1);
      for (size_t j = 0; j < x->n; j++)
        read_cat_entry(s, x->kids[j], sch_index(s, ep, j),
                       &k.entries[k.n_entries++]);
    }
    size_t at = 0;
    while (at < total && strcmp(all[at].key, k.key) != 0)
      at++;
    k.layer = f->layer;
    all[at] = k;
    if (at == total)
      total++;
  }
  f->catalogues = all;
  f->n_catalogues = total;
}

/* edition_of: KIND — an entry holding another edition of KIND's table
   (a base kind read before it, in this file or an earlier one) takes
   everything but its standard, source, citation, classes and notes from
   KIND; its standard is another edition of KIND's. */
static bool edition_of(schema *s, const ynode *n, const char *path,
                       const eq_kind *all, size_t n_all, eq_kind *k)
{
  const ynode *x = ytree_get(n, "edition_of");
  const char *base_key;
  if (!sch_id(s, x, sch_path(s, path, "edition_of"), &base_key))
    return false;
  const eq_kind *base = NULL;
  for (size_t i = 0; i < n_all && !base; i++)
    if (strcmp(all[i].key, base_key) == 0)
      base = &all[i];
  if (strcmp(base_key, k->key) == 0) {
    diag_error(s->dl, x->pos,
               "%s.edition_of: a kind cannot be another edition of itself "
               "(give the entry a key of its own)",
               path);
    return false;
  }
  if (!base) {
    diag_error(s->dl, x->pos,
               "%s.edition_of: \"%s\" is not an equipment kind read before "
               "this entry",
               path, base_key);
    return false;
  }
  if (base->edition_of) {
    diag_error(s->dl, x->pos,
               "%s.edition_of: \"%s\" is itself another edition of \"%s\"; "
               "name the kind \"%s\"",
               path, base_key, base->edition_of, base->edition_of);
    return false;
  }
  const ynode *sx = ytree_get(n, "standard");
  const char *std = NULL, *code, *ed, *bcode, *bed;
  if (!sch_str(s, sx, sch_path(s, path, "standard"), &std))
    return false;
  if (!factors_designation(s->a, std, &code, &ed) || !base->standard ||
      !factors_designation(s->a, base->standard, &bcode, &bed) ||
      strcmp(code, bcode) != 0 || strcmp(ed, bed) == 0) {
    diag_error(s->dl, sx->pos,
               "%s.standard: \"%s\" is not another edition of %s's standard "
               "%s",
               path, std, base_key, base->standard ? base->standard : "");
    return false;
  }
  const char *key = k->key;
  *k = *base;
  k->key = key;
  k->edition_of = base->key;
  k->classes = NULL;
  k->n_classes = 0;
  k->class_src = NULL;
  k->class_whole = NULL;
  memset(&k->checked, 0, sizeof k->checked);
  return true;
}

/* {------------------------------------------------------ kept classes */

/* A kind's converted classes, kept in the cache as a record (ycache.h)
   keyed by the digest of the equipment files up to the kind's and the
   kind's key, so that a run that grades motors does not convert 168
   classes of them again. The record: the count of class nodes and of
   classes; each class field by field (the scalars as bytes, each string
   and list as a reference: 0 for NULL, else 1 + an index); the words (the
   lists' string references, the poles); the strings. Read back, every
   reference is checked against its area, every string for its NUL and
   every flag for 0 or 1, so a record that is not wholly consistent is
   refused (the classes are converted again and the record rewritten).
   Strings stay in the record's mapping; the rest goes to the arena. */

#define CLASS_STR_FIELDS                                                      \
  X(name.zh) X(name.en) X(cap_unit) X(iv[0].unit) X(iv[0].text)              \
  X(iv[1].unit) X(iv[1].text) X(iv[2].unit) X(iv[2].text) X(iv[3].unit)      \
  X(iv[3].text) X(iv[4].unit) X(iv[4].text) X(iv[5].unit) X(iv[5].text)      \
  X(grade_text[0]) X(grade_text[1]) X(grade_text[2]) X(p0_text[0])           \
  X(p0_text[1]) X(p0_text[2]) X(pk_text[0]) X(pk_text[1]) X(pk_text[2])     \
  X(metric)
#define CLASS_LIST_FIELDS                                                     \
  X(types, n_types) X(fuels, n_fuels) X(cooling, n_cooling)                  \
  X(coal_class, n_coal_class) X(core, n_core) X(connection, n_connection)    \
  X(insulation, n_insulation)
#define CLASS_IV_SCALARS(i)                                                   \
  B(iv[i].set) B(iv[i].has_lo) B(iv[i].has_hi) B(iv[i].lo_incl)              \
  B(iv[i].hi_incl) V(iv[i].lo) V(iv[i].hi)
/* every other field: V a value, B a bool (0 or 1 when read back) */
#define CLASS_SCALARS                                                         \
  V(name.pos.line) V(name.pos.col) V(name.pos.len) V(n_types) V(n_fuels)     \
  V(n_cooling) V(n_coal_class) V(n_core) V(n_connection) V(n_insulation)     \
  V(n_poles) B(has_capacity) V(cap_dim) V(cap_min) V(cap_max)                \
  B(cap_lo_incl) B(cap_hi_incl) B(has_pressure) V(p_min) V(p_max)            \
  CLASS_IV_SCALARS(0) CLASS_IV_SCALARS(1) CLASS_IV_SCALARS(2)                \
  CLASS_IV_SCALARS(3) CLASS_IV_SCALARS(4) CLASS_IV_SCALARS(5)                \
  B(has_grade[0]) B(has_grade[1]) B(has_grade[2]) V(grade) V(formula)        \
  B(double_suction) B(has_c) V(c) B(has_iplv_min) V(iplv_min)                \
  B(has_p0[0]) B(has_p0[1]) B(has_p0[2]) B(has_pk[0]) B(has_pk[1])          \
  B(has_pk[2]) V(p0) V(pk)
#define X(f) +1
enum { CLASS_N_STR = 0 CLASS_STR_FIELDS };
#undef X
#define X(f, n) +1
enum { CLASS_N_LIST = 0 CLASS_LIST_FIELDS };
#undef X
/* A field added to eq_class must be added to the lists above (and
   this size updated): a record would lose it otherwise. */
_Static_assert(sizeof(eq_class) == 696 && EQ_IV_N == 6,
               "eq_class changed: update the kept classes (tables.c)");

typedef struct kept_out {
  buf recs, words, strs;
} kept_out;

static uint64_t keep_str(kept_out *o, const char *str)
{
  if (!str)
    return 0;
  uint64_t at = o->strs.len + 1;
  buf_add(&o->strs, str, strlen(str) + 1);
  return at;
}

static void keep_u64(buf *b, uint64_t w)
{
  buf_add(b, (const char *)&w, sizeof w);
}

/* What a record of kind k's classes is named. */
static const char *kept_what(arena *a, const eq_kind *k)
{
  return arena_printf(a, "equipment classes 3 %s", k->key);
}

static bool kept_key(const eq_kind *k, ycache_key *key)
{
  uint64_t in[2];
  ycache_hash(k->key, strlen(k->key), k->class_chain[0] ^ k->class_chain[1],
              in);
  in[1] ^= k->class_chain[1];
  return ycache_mark_key(key, "equipment classes 3", in);
}

/* A record of kind k's classes (version 3): two words (n_nodes and the
   number of classes), then each class as the eq_class it is, every
   pointer in it replaced by a reference (a string's offset + 1 into the
   strings, a list's word + 1 into the words; 0 for NULL) and its padding
   zero, then the number of words, the words (a list's strings' references,
   the poles) and the strings. Reading it back is one copy of the classes
   and the references turned into pointers (kept_classes), which checks
   every reference and every bool as before. */
_Static_assert(sizeof(void *) == 8 && sizeof(eq_class) % 8 == 0,
               "the kept classes hold pointers as 8-byte references");

static void put_ref(void *field, uint64_t r)
{
  memcpy(field, &r, sizeof r);
}

/* Writes the record of kind k's classes, converted from n_nodes nodes. */
static void keep_classes(arena *a, const eq_kind *k, size_t n_nodes)
{
  ycache_key key;
  if (!kept_key(k, &key))
    return;
  kept_out o;
  buf_init(&o.recs);
  buf_init(&o.words);
  buf_init(&o.strs);
  keep_u64(&o.recs, n_nodes);
  keep_u64(&o.recs, k->n_classes);
  for (size_t j = 0; j < k->n_classes; j++) {
    const eq_class *c = &k->classes[j];
    eq_class t;
    memset(&t, 0, sizeof t); /* padding and name.pos.file: zero */
#define X(f) put_ref(&t.f, keep_str(&o, c->f));
    CLASS_STR_FIELDS
#undef X
#define X(f, n)                                                               \
  put_ref(&t.f, c->f ? o.words.len / 8 + 1 : 0);                              \
  for (size_t i = 0; c->f && i < c->n; i++)                                   \
    keep_u64(&o.words, keep_str(&o, c->f[i]));
    CLASS_LIST_FIELDS
#undef X
    put_ref(&t.poles, c->poles ? o.words.len / 8 + 1 : 0);
    for (size_t i = 0; c->poles && i < c->n_poles; i++)
      keep_u64(&o.words, (uint64_t)c->poles[i]);
#define V(f) memcpy(&t.f, &c->f, sizeof c->f);
#define B(f) t.f = c->f;
    CLASS_SCALARS
#undef V
#undef B
    buf_add(&o.recs, (const char *)&t, sizeof t);
  }
  keep_u64(&o.recs, o.words.len / 8);
  buf_add(&o.recs, o.words.data, o.words.len);
  buf_add(&o.recs, o.strs.data, o.strs.len);
  ycache_record_put(&key, kept_what(a, k), o.recs.data, o.recs.len);
  buf_fini(&o.recs);
  buf_fini(&o.words);
  buf_fini(&o.strs);
}

typedef struct kept_in {
  const unsigned char *words;
  size_t n_words;
  const char *strs;
  size_t n_strs;
} kept_in;

static uint64_t word(const kept_in *in, size_t i)
{
  uint64_t w;
  memcpy(&w, in->words + 8 * i, 8);
  return w;
}

static uint64_t get_ref(const void *field)
{
  uint64_t r;
  memcpy(&r, field, sizeof r);
  return r;
}

/* Field *f, which holds a string's reference, made the string (NULL for
   0); false when the reference is not one. The strings' area ends with a
   NUL (kept_classes checks it once), so every offset in it starts a
   terminated string. */
static inline bool kept_str(const kept_in *in, const char **f)
{
  uint64_t r = get_ref(f);
  if (!r) {
    *f = NULL;
    return true;
  }
  if (r - 1 >= in->n_strs)
    return false;
  *f = in->strs + (r - 1);
  return true;
}

/* Field *f, which holds the word reference r (not 0) of a list of n
   strings, made the list. */
static bool kept_list(arena *a, const kept_in *in, uint64_t r,
                      const char ***f, size_t n)
{
  if (r - 1 > in->n_words || n > in->n_words - (r - 1))
    return false;
  const char **l = ARENA_ARRAY(a, const char *, n + 1);
  for (size_t i = 0; i < n; i++) {
    uint64_t s = word(in, r - 1 + i);
    if (!s || s - 1 >= in->n_strs)
      return false;
    l[i] = in->strs + (s - 1);
  }
  *f = l;
  return true;
}

/* Class c, copied from the records, with its references made pointers;
   false when it is not wholly consistent. */
static bool kept_class(arena *a, const kept_in *in, const eq_kind *k,
                       eq_class *c)
{
  unsigned flags = 0;
  unsigned char b;
#define V(f)
#define B(f) memcpy(&b, &c->f, 1), flags |= b;
  CLASS_SCALARS
#undef V
#undef B
  bool ok = flags <= 1;
#define X(f) ok = ok && kept_str(in, &c->f);
  CLASS_STR_FIELDS
#undef X
#define X(f, n)                                                               \
  if (ok) {                                                                   \
    uint64_t r = get_ref(&c->f);                                              \
    if (r)                                                                    \
      ok = kept_list(a, in, r, &c->f, c->n);                                  \
    else                                                                      \
      c->f = NULL, ok = c->n == 0;                                            \
  }
  CLASS_LIST_FIELDS
#undef X
  uint64_t r = get_ref(&c->poles);
  c->poles = NULL;
  if (!ok || (!r && c->n_poles) ||
      (r && (r - 1 > in->n_words || c->n_poles > in->n_words - (r - 1))))
    return false;
  if (r) {
    c->poles = ARENA_ARRAY(a, long, c->n_poles + 1);
    for (size_t i = 0; i < c->n_poles; i++)
      c->poles[i] = (long)word(in, r - 1 + i);
  }
  return c->formula >= -1 && c->formula < (long)k->n_formulas;
}

/* Kind k's classes from its record, or false (nothing set) when there is
   no usable one for the n_nodes class nodes it has. */
static bool kept_classes(arena *a, eq_kind *k, size_t n_nodes)
{
  ycache_key key;
  size_t len;
  const unsigned char *p = kept_key(k, &key)
                               ? ycache_record_get(&key, kept_what(a, k), &len)
                               : NULL;
  if (!p || len < 16)
    return false;
  uint64_t head[2];
  memcpy(head, p, sizeof head);
  if (head[0] != n_nodes || head[1] > n_nodes ||
      head[1] > (len - 16) / sizeof(eq_class))
    return false;
  size_t n = (size_t)head[1];
  size_t end = 16 + sizeof(eq_class) * n;
  uint64_t nw;
  if (len - end < 8)
    return false;
  memcpy(&nw, p + end, 8);
  if ((len - end - 8) / 8 < nw)
    return false;
  kept_in in;
  in.words = p + end + 8;
  in.n_words = (size_t)nw;
  in.strs = (const char *)(p + end + 8 + 8 * nw);
  in.n_strs = len - end - 8 - 8 * nw;
  if (in.n_strs && in.strs[in.n_strs - 1] != '\0')
    return false;
  eq_class *cs = ARENA_ARRAY(a, eq_class, n + 1);
  for (size_t j = 0; j < n; j++) {
    /* one class at a time: a copy this size is not done by rep movsb */
    memcpy(&cs[j], p + 16 + sizeof(eq_class) * j, sizeof(eq_class));
    if (!kept_class(a, &in, k, &cs[j]))
      return false;
    cs[j].name.pos.file = k->class_src->pos.file;
  }
  k->classes = cs;
  k->n_classes = n;
  return true;
}

/* missing_editions: [{standard, why: {zh, en}}] — editions of the kind's
   standard whose tables the rules do not hold, with the reason (a table
   not found in any source read, a method not implemented). Each is
   another edition of the kind's own standard, named once. */
static void read_missing(schema *s, const ynode *x, const char *path,
                         eq_kind *k)
{
  static const char *const keys[] = {"standard", "why", NULL};
  if (!sch_list(s, x, path))
    return;
  k->missing = ARENA_ARRAY(s->a, eq_missing, x->n + 1);
  k->n_missing = 0;
  const char *kcode = NULL, *ked = NULL;
  if (!k->standard || !factors_designation(s->a, k->standard, &kcode, &ked))
    kcode = NULL;
  for (size_t i = 0; i < x->n; i++) {
    const ynode *n = x->kids[i];
    const char *ipath = sch_index(s, path, i);
    if (!sch_map(s, n, ipath, keys, keys))
      continue;
    eq_missing m;
    memset(&m, 0, sizeof m);
    const ynode *sx = ytree_get(n, "standard");
    const char *code, *ed;
    if (!sch_str(s, sx, sch_path(s, ipath, "standard"), &m.standard))
      continue;
    if (!kcode || !factors_designation(s->a, m.standard, &code, &ed) ||
        strcmp(code, kcode) != 0 || strcmp(ed, ked) == 0) {
      diag_error(s->dl, sx->pos,
                 "%s.standard: \"%s\" is not another edition of the kind's "
                 "standard %s",
                 ipath, m.standard, k->standard ? k->standard : "");
      continue;
    }
    bool twice = false;
    for (size_t j = 0; j < k->n_missing && !twice; j++)
      twice = strcmp(k->missing[j].standard, m.standard) == 0;
    if (twice) {
      diag_error(s->dl, sx->pos, "%s.standard: %s is named twice", ipath,
                 m.standard);
      continue;
    }
    if (!sch_text2(s, ytree_get(n, "why"), sch_path(s, ipath, "why"),
                   &m.why))
      continue;
    k->missing[k->n_missing++] = m;
  }
}

/* The classes of kind k from list x (path cp), each read against k's
   indicator and formulas; a class that gives no grade is left out. */
static void convert_classes(schema *s, eq_kind *k, const ynode *x,
                            const char *cp)
{
  k->classes = ARENA_ARRAY(s->a, eq_class, x->n + 1);
  k->n_classes = 0;
  /* the key paths of ~1,800 classes' fields are for messages only: made
     in an arena of their own, freed here (they were 3.5 MB of the rules
     image) */
  arena *paths = arena_new();
  schema cs = *s;
  cs.paths = paths;
  for (size_t j = 0; j < x->n; j++) {
    read_class(&cs, x->kids[j], sch_index(&cs, cp, j), k,
               &k->classes[k->n_classes]);
    const eq_class *kc = &k->classes[k->n_classes];
    if (kc->has_grade[2] || kc->has_c || (kc->has_p0[2] && kc->has_pk[2]))
      k->n_classes++;
  }
  arena_free(paths);
}

/* Converting the classes (642 of them, each a few quantities with units)
   is most of the cost of loading the rules, and a facility grades a few
   kinds. So once the equipment files of a run (the same texts, in the same
   order, read by the same program) have had every class converted without
   a diagnostic, a mark in the cache (ycache.h) says so, and later runs
   with that mark convert a kind's classes when factors_equipment first
   returns it. Whatever lacks the mark (a first run, an edited file or
   layer, the cache off, a file with an error) is converted whole, here, as
   before: the diagnostics never depend on the cache. */
#define CLASSES_MARK "equipment classes converted without a diagnostic"

const char *const tables_equipment_pruned[] = {"kinds", "*", "classes",
                                               NULL};

/* The digest of the equipment files read so far and the one of key (the
   cache key of its text) in chain; the mark's key for that digest in mark
   and true, or false when there can be no mark. */
static bool classes_mark_key(const factors *f, const uint64_t key[2],
                             uint64_t chain[2], ycache_key *mark)
{
  uint64_t in[4] = {f->eq_chain[0], f->eq_chain[1], key[0], key[1]};
  ycache_hash(in, sizeof in, 0, chain);
  return !f->eq_unkeyed && (key[0] || key[1]) &&
         ycache_mark_key(mark, CLASSES_MARK, chain);
}

bool tables_equipment_prunable(void *ctx, const uint64_t key[2])
{
  uint64_t chain[2];
  ycache_key mark;
  return classes_mark_key(ctx, key, chain, &mark) &&
         ycache_marked(&mark, CLASSES_MARK);
}

void tables_equipment(schema *s, const ynode *root, factors *f)
{
  static const char *const top[] = {"kinds", "catalogues", NULL};
  static const char *const top_req[] = {"kinds", NULL};
  static const char *const keys[] = {"name",   "standard", "title",
                                     "indicator", "unit",  "source",
                                     "verified", "classes", "formulas",
                                     "no_class", "scope", "citation", "checked",
                                     "operation", "edition_of",
                                     "missing_editions", NULL};
  static const char *const req[] = {"name",   "standard", "indicator", "unit",
                                    "source", "classes",  "citation",  NULL};
  /* another edition's table of a kind: what the kind is comes from it */
  static const char *const ed_keys[] = {"edition_of", "standard", "source",
                                        "verified",   "classes",  "no_class",
                                        "scope",      "citation", "checked",
                                        NULL};
  static const char *const ed_req[] = {"edition_of", "standard", "source",
                                       "classes",    "citation", NULL};
  static const char *const indicators[] = {"efficiency", "specific_power",
                                           "losses", "cop", "performance",
                                           NULL};
  /* the digest of the equipment files read so far, this one last */
  if (!f->file_key[0] && !f->file_key[1])
    f->eq_unkeyed = true;
  ycache_key mark;
  bool can_mark = classes_mark_key(f, f->file_key, f->eq_chain, &mark);
  bool lazy = can_mark && ycache_marked(&mark, CLASSES_MARK);
  /* the tree got pruned (the mark was there when it was loaded) serves
     only a lazy reading; were the mark gone since, the whole tree */
  ytree_whole *whole = f->eq_whole;
  f->eq_whole = NULL;
  if (whole && !lazy)
    root = ytree_whole_tree(whole);
  if (!sch_map(s, root, "equipment.yaml", top, top_req))
    return;
  if (ytree_get(root, "catalogues"))
    read_catalogues(s, ytree_get(root, "catalogues"), f);
  const ynode *ks = ytree_get(root, "kinds");
  if (!ks || ks->kind != YN_MAP) {
    if (ks)
      diag_error(s->dl, ks->pos, "kinds: expected a mapping, found %s",
                 ytree_kind_name(ks));
    return;
  }
  eq_kind *all = ARENA_ARRAY(s->a, eq_kind, f->n_equipment + ks->n + 1);
  size_t *n_nodes = ARENA_ARRAY(s->a, size_t, ks->n + 1);
  size_t *at_of = ARENA_ARRAY(s->a, size_t, ks->n + 1);
  memset(n_nodes, 0, sizeof *n_nodes * (ks->n + 1));
  if (f->n_equipment)
    memcpy(all, f->equipment, sizeof *all * f->n_equipment);
  for (size_t i = 0; i < ks->n; i++) {
    const ynode *kn = ks->kids[2 * i], *n = ks->kids[2 * i + 1];
    eq_kind k;
    memset(&k, 0, sizeof k);
    if (!sch_id(s, kn, "kinds", &k.key))
      continue;
    const char *path = arena_printf(s->a, "kinds.%s", k.key);
    size_t at = 0;
    while (at < f->n_equipment && strcmp(all[at].key, k.key) != 0)
      at++;
    if (factors_only_checked(n, false)) {
      factors_mark(s, kn, n, at < f->n_equipment, "an equipment kind", path,
                   &all[at].checked);
      continue;
    }
    bool edition = n->kind == YN_MAP && ytree_get(n, "edition_of");
    if (!sch_map(s, n, path, edition ? ed_keys : keys, edition ? ed_req : req))
      continue;
    const ynode *x;
    if (edition && !edition_of(s, n, path, all, f->n_equipment, &k))
      continue;
    if ((x = ytree_get(n, "name")))
      sch_text2(s, x, sch_path(s, path, "name"), &k.name);
    if ((x = ytree_get(n, "title")))
      sch_text2(s, x, sch_path(s, path, "title"), &k.title);
    if ((x = ytree_get(n, "standard")))
      sch_str(s, x, sch_path(s, path, "standard"), &k.standard);
    if ((x = ytree_get(n, "indicator")))
      sch_enum(s, x, sch_path(s, path, "indicator"), indicators, &k.indicator);
    if ((x = ytree_get(n, "unit")))
      sch_str(s, x, sch_path(s, path, "unit"), &k.unit);
    source_of(s, n, path, &k.source, &k.verified);
    factors_cite(s, n, path, &k.citation, &k.checked);
    if ((x = ytree_get(n, "no_class")))
      sch_text2(s, x, sch_path(s, path, "no_class"), &k.no_class);
    if ((x = ytree_get(n, "scope")))
      sch_text2(s, x, sch_path(s, path, "scope"), &k.scope);
    if ((x = ytree_get(n, "formulas")))
      read_formulas(s, x, sch_path(s, path, "formulas"), &k);
    if ((x = ytree_get(n, "operation")))
      read_operation(s, x, sch_path(s, path, "operation"), &k.op);
    if ((x = ytree_get(n, "missing_editions")))
      read_missing(s, x, sch_path(s, path, "missing_editions"), &k);
    const char *cp = sch_path(s, path, "classes");
    if ((x = ytree_get(n, "classes")) && sch_list(s, x, cp)) {
      if (lazy) {
        k.class_src = x;
        k.class_path = cp;
        k.class_whole = whole;
      } else {
        convert_classes(s, &k, x, cp);
        n_nodes[i] = x->n + 1; /* 0: no classes converted */
      }
      memcpy(k.class_chain, f->eq_chain, sizeof k.class_chain);
    }
    k.layer = f->layer;
    all[at] = k;
    at_of[i] = at;
    if (at == f->n_equipment)
      f->n_equipment++;
  }
  f->equipment = all;
  /* nothing said so far in the run: this file's classes, among the rest,
     were all converted without a word; later runs read them back */
  if (can_mark && !lazy && diag_errors(s->dl) == 0 &&
      diag_warnings(s->dl) == 0) {
    for (size_t i = 0; i < ks->n; i++)
      if (n_nodes[i])
        keep_classes(s->a, &all[at_of[i]], n_nodes[i] - 1);
    ycache_mark(&mark, CLASSES_MARK);
  }
}

/* {------------------------------------------------------ */

/* Kind k with its classes converted (see tables_equipment): once, on the
   first look-up, in the rules' arena, from the cache's record of them
   when there is a usable one, else converted and the record written. The
   classes were converted without a diagnostic in an earlier run, so none
   is expected; any would go to a list of its own (and no record is
   written). */
static const eq_kind *with_classes(const factors *f, const eq_kind *k)
{
  if (k && k->class_src) {
    eq_kind *m = (eq_kind *)k; /* the arena's, written once */
    const ynode *x = m->class_src;
    /* the rules image holds no pointer into a record: converted */
    if (f->image || !kept_classes(f->a, m, x->n)) {
      if (m->class_whole) /* x's items were left out */
        x = ytree_get(ytree_get(ytree_get(ytree_whole_tree(m->class_whole),
                                          "kinds"),
                                m->key),
                      "classes");
      if (!x) /* the same text: not so */
        x = m->class_src;
      diag_list *dl = diag_new(f->a);
      schema s = {f->a, dl, f->u, NULL};
      convert_classes(&s, m, x, m->class_path);
      if (!diag_errors(dl) && !diag_warnings(dl))
        keep_classes(f->a, m, x->n);
    }
    m->class_src = NULL;
    m->class_whole = NULL;
  }
  return k;
}

void factors_equipment_all(const factors *f)
{
  arena *t = arena_new();
  ytree_whole *whole[8];
  size_t n = 0;
  for (size_t i = 0; i < f->n_equipment; i++) {
    ytree_whole *w = f->equipment[i].class_whole;
    bool seen = !w;
    for (size_t j = 0; j < n && !seen; j++)
      seen = whole[j] == w;
    if (!seen && n < sizeof whole / sizeof *whole) {
      whole[n++] = w;
      if (!w->root)
        w->nodes = t;
    }
    with_classes(f, &f->equipment[i]);
  }
  /* no kind reads the file's text or tree any more (the tree was
     scratch: only what the classes keep stays) */
  for (size_t j = 0; j < n; j++) {
    whole[j]->text = NULL;
    whole[j]->len = 0;
    whole[j]->root = NULL;
    whole[j]->nodes = NULL;
  }
  arena_free(t);
}

const eq_kind *factors_equipment(const factors *f, const char *key)
{
  for (size_t i = 0; i < f->n_equipment; i++)
    if (!f->equipment[i].edition_of && strcmp(f->equipment[i].key, key) == 0)
      return with_classes(f, &f->equipment[i]);
  return NULL;
}

const eq_kind *factors_equipment_edition(const factors *f, const char *key,
                                         const char *designation)
{
  for (size_t i = 0; i < f->n_equipment; i++) {
    const eq_kind *k = &f->equipment[i];
    const char *base = k->edition_of ? k->edition_of : k->key;
    if (strcmp(base, key) == 0 && k->standard &&
        strcmp(k->standard, designation) == 0)
      return with_classes(f, k);
  }
  return NULL;
}

const text2 *factors_equipment_missing(const eq_kind *k,
                                       const char *designation)
{
  for (size_t i = 0; k && designation && i < k->n_missing; i++)
    if (strcmp(k->missing[i].standard, designation) == 0)
      return &k->missing[i].why;
  return NULL;
}

/* }====================================================== */
/* {====================================================== ETS */

/* industrial_allocation: the steel, cement and aluminium plan's rules by
   covered process and years (rules/ets.yaml header). */
static void ets_industrial(schema *s, const ynode *x, ets_rules *e)
{
  static const char *const ik[] = {
      "key",      "industry",       "process", "gases",    "years",
      "method",   "cases",          "source",  "verified", "citation",
      "pre_allocation", NULL};
  static const char *const ireq[] = {"key",    "industry", "process",
                                     "gases",  "years",    "method",
                                     "source", "citation", NULL};
  static const char *const methods[] = {"verified_emissions", "not_found",
                                        NULL};
  static const char *const ck[] = {"key", "name", NULL};
  e->industrial = ARENA_ARRAY(s->a, ets_ind_alloc, x->n + 1);
  for (size_t i = 0; i < x->n; i++) {
    const ynode *n = x->kids[i], *y;
    const char *path = sch_index(s, "industrial_allocation", i);
    if (!sch_map(s, n, path, ik, ireq))
      continue;
    ets_ind_alloc *ia = &e->industrial[e->n_industrial];
    memset(ia, 0, sizeof *ia);
    int m = 0;
    if (!(y = ytree_get(n, "key")) ||
        !sch_id(s, y, sch_path(s, path, "key"), &ia->key) ||
        !(y = ytree_get(n, "industry")) ||
        !sch_id(s, y, sch_path(s, path, "industry"), &ia->industry) ||
        !(y = ytree_get(n, "years")) ||
        !sch_str(s, y, sch_path(s, path, "years"), &ia->years) ||
        !(y = ytree_get(n, "method")) ||
        !sch_enum(s, y, sch_path(s, path, "method"), methods, &m))
      continue;
    ia->method = (ets_method)m;
    if ((y = ytree_get(n, "process")))
      sch_text2(s, y, sch_path(s, path, "process"), &ia->process);
    ia->gases = id_list(s, ytree_get(n, "gases"), sch_path(s, path, "gases"),
                        &ia->n_gases);
    if ((y = ytree_get(n, "cases")) &&
        sch_list(s, y, sch_path(s, path, "cases"))) {
      ia->cases = ARENA_ARRAY(s->a, ets_case, y->n + 1);
      for (size_t j = 0; j < y->n; j++) {
        const ynode *c = y->kids[j], *z;
        const char *cp = sch_index(s, sch_path(s, path, "cases"), j);
        if (!sch_map(s, c, cp, ck, ck))
          continue;
        ets_case *ec = &ia->cases[ia->n_cases];
        if ((z = ytree_get(c, "key")) &&
            sch_id(s, z, sch_path(s, cp, "key"), &ec->key) &&
            (z = ytree_get(c, "name")) &&
            sch_text2(s, z, sch_path(s, cp, "name"), &ec->name))
          ia->n_cases++;
      }
    }
    if ((y = ytree_get(n, "pre_allocation")) &&
        sch_ratio(s, y, sch_path(s, path, "pre_allocation"), true,
                  &ia->pre_allocation))
      ia->has_pre_allocation = true;
    source_of(s, n, path, &ia->source, &ia->verified);
    factors_cite(s, n, path, &ia->citation, NULL);
    e->n_industrial++;
  }
}

void tables_ets(schema *s, const ynode *root, factors *f)
{
  static const char *const keys[] = {"threshold", "sectors", "power_benchmarks",
                                     "industrial_allocation", NULL};
  static const char *const req[] = {"threshold", "sectors", NULL};
  ets_rules *e = &f->ets;
  memset(e, 0, sizeof *e);
  e->layer = f->layer;
  if (!sch_map(s, root, "ets.yaml", keys, req))
    return;
  const ynode *x = ytree_get(root, "threshold");
  if (x) {
    static const char *const tk[] = {"tco2",     "tce",      "source",
                                     "verified", "citation", NULL};
    static const char *const treq[] = {"tco2", "tce", "source", "citation",
                                       NULL};
    bool v;
    dimvec co2 = dim_of("tCO2"), sce = dim_of("tce");
    qty a, b;
    if (sch_map(s, x, "threshold", tk, treq) && ytree_get(x, "tco2") &&
        ytree_get(x, "tce") &&
        sch_qty(s, ytree_get(x, "tco2"), "threshold.tco2", &co2, &a) &&
        sch_qty(s, ytree_get(x, "tce"), "threshold.tce", &sce, &b)) {
      e->threshold_tco2 = a.v;
      e->threshold_tce = b.v / 1000.0;
      source_of(s, x, "threshold", &e->source, &v);
      factors_cite(s, x, "threshold", &e->citation, NULL);
      e->present = true;
    }
  }
  if ((x = ytree_get(root, "sectors")) && sch_list(s, x, "sectors")) {
    static const char *const sk[] = {"industry", "since",           "name",
                                     "source",   "verified",        "citation",
                                     "exports_product", "direct_only_from",
                                     NULL};
    static const char *const sreq[] = {"industry", "since", "source",
                                       "citation", NULL};
    e->sectors = ARENA_ARRAY(s->a, ets_sector, x->n + 1);
    for (size_t i = 0; i < x->n; i++) {
      const ynode *n = x->kids[i], *y;
      const char *path = sch_index(s, "sectors", i);
      if (!sch_map(s, n, path, sk, sreq))
        continue;
      ets_sector *es = &e->sectors[e->n_sectors];
      memset(es, 0, sizeof *es);
      long since = 0;
      if (!(y = ytree_get(n, "industry")) ||
          !sch_id(s, y, sch_path(s, path, "industry"), &es->industry) ||
          !(y = ytree_get(n, "since")) ||
          !sch_int(s, y, sch_path(s, path, "since"), 2000, 2100, &since))
        continue;
      es->since = (int)since;
      es->industry_pos = ytree_get(n, "industry")->pos;
      if ((y = ytree_get(n, "name")))
        sch_text2(s, y, sch_path(s, path, "name"), &es->name);
      if ((y = ytree_get(n, "exports_product")))
        sch_bool(s, y, sch_path(s, path, "exports_product"),
                 &es->exports_product);
      long dof = 0;
      if ((y = ytree_get(n, "direct_only_from")) &&
          sch_int(s, y, sch_path(s, path, "direct_only_from"), 2000, 2100,
                  &dof))
        es->direct_only_from = (int)dof;
      source_of(s, n, path, &es->source, &es->verified);
      factors_cite(s, n, path, &es->citation, NULL);
      e->n_sectors++;
    }
  }
  if ((x = ytree_get(root, "power_benchmarks")) &&
      sch_list(s, x, "power_benchmarks")) {
    static const char *const pk[] = {"key", "category", "years", "electricity",
                                     "heat",     "source",   "verified",
                                     "citation", NULL};
    static const char *const preq[] = {"category", "years", "source",
                                       "citation", NULL};
    e->power = ARENA_ARRAY(s->a, ets_power_bm, x->n + 1);
    dimvec ed = dim_of("tCO2/MWh"), hd = dim_of("tCO2/GJ");
    for (size_t i = 0; i < x->n; i++) {
      const ynode *n = x->kids[i], *y;
      const char *path = sch_index(s, "power_benchmarks", i);
      if (!sch_map(s, n, path, pk, preq))
        continue;
      ets_power_bm *pb = &e->power[e->n_power];
      memset(pb, 0, sizeof *pb);
      qty q;
      if ((y = ytree_get(n, "key")))
        sch_id(s, y, sch_path(s, path, "key"), &pb->key);
      if ((y = ytree_get(n, "category")))
        sch_text2(s, y, sch_path(s, path, "category"), &pb->category);
      if ((y = ytree_get(n, "years")))
        sch_str(s, y, sch_path(s, path, "years"), &pb->years);
      if ((y = ytree_get(n, "electricity")) && !ytree_is_null(y) &&
          sch_qty(s, y, sch_path(s, path, "electricity"), &ed, &q)) {
        pb->has_elec = true;
        pb->elec = q.v * 3600.0;
      }
      if ((y = ytree_get(n, "heat")) && !ytree_is_null(y) &&
          sch_qty(s, y, sch_path(s, path, "heat"), &hd, &q)) {
        pb->has_heat = true;
        pb->heat = q.v * 1000.0;
      }
      source_of(s, n, path, &pb->source, &pb->verified);
      factors_cite(s, n, path, &pb->citation, NULL);
      e->n_power++;
    }
  }
  if ((x = ytree_get(root, "industrial_allocation")) &&
      sch_list(s, x, "industrial_allocation"))
    ets_industrial(s, x, e);
}

/* }====================================================== */
/* {====================================================== process, finance */

void tables_process(schema *s, const ynode *root, factors *f)
{
  static const char *const top[] = {"process", NULL};
  static const char *const keys[] = {
      "name",    "factor",   "source",   "verified", "citation",
      "checked", "formula",  "ratio",    "activity", "deduct",
      "carbon",  "defaults", NULL};
  static const char *const req[] = {"name", "source", "citation", NULL};
  if (!sch_map(s, root, "process.yaml", top, top))
    return;
  const ynode *ps = ytree_get(root, "process");
  if (!ps || ps->kind != YN_MAP) {
    if (ps && !(ps->kind == YN_SCALAR && ytree_is_null(ps)))
      diag_error(s->dl, ps->pos, "process: expected a mapping, found %s",
                 ytree_kind_name(ps));
    return;
  }
  process_rule *all = ARENA_ARRAY(s->a, process_rule, f->n_process + ps->n + 1);
  if (f->n_process)
    memcpy(all, f->process, sizeof *all * f->n_process);
  for (size_t i = 0; i < ps->n; i++) {
    const ynode *k = ps->kids[2 * i], *n = ps->kids[2 * i + 1], *x;
    process_rule pr;
    memset(&pr, 0, sizeof pr);
    if (!sch_id(s, k, "process", &pr.key))
      continue;
    const char *path = arena_printf(s->a, "process.%s", pr.key);
    size_t at = 0;
    while (at < f->n_process && strcmp(all[at].key, pr.key) != 0)
      at++;
    if (factors_only_checked(n, false)) {
      factors_mark(s, k, n, at < f->n_process, "a process rule", path,
                   &all[at].checked);
      continue;
    }
    if (!sch_map(s, n, path, keys, req))
      continue;
    if ((x = ytree_get(n, "name")))
      sch_text2(s, x, sch_path(s, path, "name"), &pr.name);
    if (!!ytree_get(n, "factor") == !!ytree_get(n, "formula")) {
      diag_error(s->dl, n->pos, "%s: give exactly one of factor and formula",
                 path);
      continue;
    }
    if (ytree_get(n, "formula")) {
      size_t before = diag_errors(s->dl);
      tables_process_formula(s, n, path, &pr);
      if (diag_errors(s->dl) != before)
        continue;
    } else if (!(x = ytree_get(n, "factor")) ||
               !sch_qty(s, x, sch_path(s, path, "factor"), NULL, &pr.factor)) {
      continue;
    } else if (pr.factor.dim.e[DIM_CO2] != 1) {
      diag_error(s->dl, x->pos, "%s.factor: \"%s\" is not CO2 per activity "
                                "unit",
                 path, pr.factor.text);
      continue;
    }
    source_of(s, n, path, &pr.source, &pr.verified);
    factors_cite(s, n, path, &pr.citation, &pr.checked);
    pr.layer = f->layer;
    all[at] = pr;
    if (at == f->n_process)
      f->n_process++;
  }
  f->process = all;
}

const process_rule *factors_process(const factors *f, const char *key)
{
  for (size_t i = 0; i < f->n_process; i++)
    if (strcmp(f->process[i].key, key) == 0)
      return &f->process[i];
  return NULL;
}

void tables_finance(schema *s, const ynode *root, factors *f)
{
  static const char *const keys[] = {"discount_rate", "source", "verified",
                                     "citation", NULL};
  static const char *const req[] = {"discount_rate", "source", "citation",
                                    NULL};
  if (!sch_map(s, root, "finance.yaml", keys, req))
    return;
  const ynode *x = ytree_get(root, "discount_rate");
  bool v;
  if (x && sch_ratio(s, x, "discount_rate", true, &f->discount_rate) &&
      f->discount_rate < 1.0) {
    f->has_discount_rate = true;
    f->discount_layer = f->layer;
    source_of(s, root, "finance", &f->discount_source, &v);
    factors_cite(s, root, "finance", &f->discount_citation, NULL);
  }
}
/* }====================================================== */
