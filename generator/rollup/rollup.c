/* rollup.c — group file → consolidated group results (rollup.h).
 *
 * Three steps: rollup_load reads the group file with the facility file's
 * schema readers; rollup_summarise copies each member's figures out of
 * its results tree (so that a thousand members never hold a thousand
 * trees); rollup_run weighs them by the group's approach, nets the sales
 * between members out and ranks the members. Invariant: a member counts
 * with one weight everywhere (energy, scope 1, scope 2, its sales). */
#include "rollup.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../base/fileio.h"
#include "../load/ytree.h"

/* {====================================================== group file */

static const char *const APPROACHES[] = {"equity_share", "operational_control",
                                         "financial_control", NULL};

/* The file name without folders and extension: the facility id its
   results carry (main passes the same stem to calc). */
static const char *stem_of(arena *a, const char *path)
{
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  const char *dot = strrchr(base, '.');
  size_t len = dot && dot != base ? (size_t)(dot - base) : strlen(base);
  return arena_strndup(a, base, len);
}

static bool ends_with(const char *s, const char *tail)
{
  size_t n = strlen(s), t = strlen(tail);
  return n >= t && strcmp(s + n - t, tail) == 0;
}

static void read_member(schema *s, const ynode *n, const char *path,
                        const char *dir, rollup_approach approach,
                        rollup_member *m)
{
  static const char *const keys[] = {"file", "equity", "operational_control",
                                     "financial_control", NULL};
  static const char *const req[] = {"file", NULL};
  memset(m, 0, sizeof *m);
  m->equity = NAN;
  m->pos = n->pos;
  if (!sch_map(s, n, path, keys, req))
    return;
  const ynode *x;
  if ((x = ytree_get(n, "file")) &&
      sch_str(s, x, sch_path(s, path, "file"), &m->file)) {
    m->pos = x->pos;
    m->path = m->file[0] == '/' || !dir
                  ? m->file
                  : arena_printf(s->a, "%s/%s", dir, m->file);
    m->json = ends_with(m->file, ".json");
    if (!m->json && !ends_with(m->file, ".yaml") &&
        !ends_with(m->file, ".yml")) {
      diag_error(s->dl, x->pos,
                 "%s.file: \"%s\" is neither a facility file (.yaml, .yml) "
                 "nor a results file (.json) written by calc --json",
                 path, m->file);
      m->path = NULL;
    } else {
      int err = file_probe_regular(m->path);
      if (err) {
        diag_error(s->dl, x->pos, "%s.file: cannot read \"%s\": %s", path,
                   m->path, file_strerror(err));
        m->path = NULL;
      }
    }
  }
  if ((x = ytree_get(n, "equity")))
    sch_ratio(s, x, sch_path(s, path, "equity"), true, &m->equity);
  else if (approach == ROLLUP_EQUITY_SHARE)
    diag_error(s->dl, n->pos,
               "%s: missing key \"equity\" (the group consolidates by "
               "equity share)",
               path);
  if ((x = ytree_get(n, "operational_control")))
    sch_bool(s, x, sch_path(s, path, "operational_control"),
             &m->operational_control);
  else if (approach == ROLLUP_OPERATIONAL_CONTROL)
    diag_error(s->dl, n->pos,
               "%s: missing key \"operational_control\" (the group "
               "consolidates by operational control)",
               path);
  if ((x = ytree_get(n, "financial_control")))
    sch_bool(s, x, sch_path(s, path, "financial_control"),
             &m->financial_control);
  else if (approach == ROLLUP_FINANCIAL_CONTROL)
    diag_error(s->dl, n->pos,
               "%s: missing key \"financial_control\" (the group "
               "consolidates by financial control)",
               path);
}

rollup_group *rollup_load(arena *a, diag_list *dl, const units *u,
                          const char *path, bool *io)
{
  size_t before = diag_errors(dl);
  ytree_limits lim = ytree_default_limits();
  ynode *root = ytree_load_file(a, dl, path, path, &lim, io);
  if (!root)
    return NULL;
  schema s = {a, dl, u, NULL};
  static const char *const top[] = {"group", "facilities", NULL};
  if (!sch_map(&s, root, "(top level)", top, top))
    return NULL;
  rollup_group *g = ARENA_NEW(a, rollup_group);
  g->file = path;
  g->approach = ROLLUP_EQUITY_SHARE;
  bool approach_ok = false;
  const ynode *grp = ytree_get(root, "group");
  static const char *const gkeys[] = {"name", "approach", NULL};
  if (grp && sch_map(&s, grp, "group", gkeys, gkeys)) {
    const ynode *x;
    if ((x = ytree_get(grp, "name")))
      sch_text2(&s, x, "group.name", &g->name);
    int ap;
    if ((x = ytree_get(grp, "approach")) &&
        sch_enum(&s, x, "group.approach", APPROACHES, &ap)) {
      g->approach = (rollup_approach)ap;
      approach_ok = true;
    }
  }
  const ynode *fl = ytree_get(root, "facilities");
  if (fl && sch_list(&s, fl, "facilities")) {
    if (fl->n == 0)
      diag_error(dl, fl->pos, "facilities: at least one facility is required");
    const char *slash = strrchr(path, '/');
    const char *dir = !slash ? NULL
                      : slash == path
                          ? ""
                          : arena_strndup(a, path, (size_t)(slash - path));
    g->members = ARENA_ARRAY(a, rollup_member, fl->n + 1);
    for (size_t i = 0; i < fl->n; i++) {
      const char *ipath = sch_index(&s, "facilities", i);
      rollup_member *m = &g->members[g->n++];
      /* without a valid approach, no "missing key" for its flag */
      read_member(&s, fl->kids[i], ipath, dir,
                  approach_ok ? g->approach : (rollup_approach)-1, m);
      if (!m->path)
        continue;
      /* the same file twice, or two files of one name: their sales
         (sold_to: ID) could not tell them apart */
      const char *id = stem_of(a, m->file);
      for (size_t j = 0; j + 1 < g->n; j++) {
        const rollup_member *o = &g->members[j];
        if (!o->path)
          continue;
        struct stat st1, st2;
        if (stat(m->path, &st1) == 0 &&
            stat(o->path, &st2) == 0 && st1.st_dev == st2.st_dev &&
            st1.st_ino == st2.st_ino) {
          diag_error(dl, m->pos,
                     "%s.file: the same file as facilities[%zu] (line %d); a "
                     "facility counts once",
                     ipath, j, o->pos.line);
          break;
        }
        if (strcmp(stem_of(a, o->file), id) == 0) {
          diag_error(dl, m->pos,
                     "%s.file: a second facility named \"%s\" (facilities[%zu], "
                     "line %d); the facility id is the file name without its "
                     "extension and must be unique in the group",
                     ipath, id, j, o->pos.line);
          break;
        }
      }
    }
  }
  return diag_errors(dl) > before ? NULL : g;
}

/* }====================================================== */
/* {====================================================== results JSON */

/* A JSON document read by the YAML parser (JSON is YAML's flow style):
   unquoted scalars are null, true, false or numbers; quoted ones are
   strings. */
static value *to_value(arena *a, diag_list *dl, const ynode *n, bool *ok)
{
  if (n->kind == YN_SEQ) {
    value *v = val_arr(a);
    for (size_t i = 0; i < n->n; i++)
      val_push(a, v, to_value(a, dl, n->kids[i], ok));
    return v;
  }
  if (n->kind == YN_MAP) {
    value *v = val_obj(a);
    for (size_t i = 0; i < n->n; i++)
      val_set(a, v, n->kids[2 * i]->str,
              to_value(a, dl, n->kids[2 * i + 1], ok));
    return v;
  }
  if (!n->plain)
    return val_str(a, n->str);
  if (strcmp(n->str, "null") == 0)
    return val_null(a);
  if (strcmp(n->str, "true") == 0 || strcmp(n->str, "false") == 0)
    return val_bool(a, n->str[0] == 't');
  char *end;
  double x = strtod(n->str, &end);
  if (!*n->str || *end || !isfinite(x)) {
    if (*ok)
      diag_error(dl, n->pos, "\"%s\" is not a JSON value (a results file is "
                             "JSON written by calc --json)",
                 n->str);
    *ok = false;
    return val_null(a);
  }
  return val_num(a, x);
}

value *rollup_parse_json(arena *a, diag_list *dl, const char *text,
                         size_t len, const char *name)
{
  ytree_limits lim = ytree_default_limits();
  const char *kept = arena_strndup(a, text, len);
  ynode *root = ytree_load_string(a, dl, kept, len, name, &lim);
  bool ok = true;
  value *v = root ? to_value(a, dl, root, &ok) : NULL;
  return ok ? v : NULL;
}

value *rollup_read_results(arena *a, diag_list *dl, const char *path,
                           bool *io)
{
  ytree_limits lim = ytree_default_limits();
  ynode *root = ytree_load_file(a, dl, path, path, &lim, io);
  if (!root)
    return NULL;
  bool ok = true;
  value *v = to_value(a, dl, root, &ok);
  if (!ok)
    return NULL;
  const value *sc = v->kind == VAL_OBJ ? val_get(v, "schema") : NULL;
  if (!sc || sc->kind != VAL_STR ||
      strcmp(sc->str, "auditgen-results/1") != 0) {
    diag_error(dl, root->pos,
               "not a results file: its schema is not \"auditgen-results/1\" "
               "(write one with calc --json -o)");
    return NULL;
  }
  /* what the consolidation reads must be there, and of its kind */
  static const char *const strs[] = {"facility.id", "period.from",
                                     "period.to", NULL};
  static const char *const nums[] = {"energy.total_tce",
                                     "carbon.scope1.total_tco2",
                                     "carbon.scope2.total_tco2",
                                     "carbon.total_tco2", NULL};
  bool whole = true;
  for (int i = 0; strs[i]; i++) {
    const value *x = val_path(v, strs[i]);
    if (!x || x->kind != VAL_STR) {
      diag_error(dl, root->pos, "not a results file: %s is not a string",
                 strs[i]);
      whole = false;
    }
  }
  for (int i = 0; nums[i]; i++) {
    const value *x = val_path(v, nums[i]);
    if (!x || x->kind != VAL_NUM) {
      diag_error(dl, root->pos, "not a results file: %s is not a number",
                 nums[i]);
      whole = false;
    }
  }
  return whole ? v : NULL;
}

/* }====================================================== */
/* {====================================================== summaries */

typedef struct fac_carrier {
  const char *key, *unit;
  double purchased, sold, kgce_per_unit; /* kgce_per_unit: NAN unknown */
  double tco2_per_unit; /* scope 2 per unit bought; NAN when none */
} fac_carrier;

typedef struct fac_sale {
  const char *meter, *carrier, *unit, *buyer;
  double quantity;
} fac_sale;

struct rollup_fac {
  const char *id, *name_zh, *name_en, *from, *to;
  double tce, scope1, scope2, co2, output_10k_cny, intensity;
  int grade;        /* worst grade of a graded product, 0 when none */
  int grade_status; /* 0 none, 1 not graded, 2 graded, 3 limit met,
                       4 limit not reached */
  fac_carrier *carriers;
  size_t n_carriers;
  fac_sale *sales;
  size_t n_sales;
};

static const char *str_at(arena *a, const value *v, const char *path)
{
  const value *x = val_path(v, path);
  return x && x->kind == VAL_STR ? arena_strdup(a, x->str) : NULL;
}

static double num_at(const value *v, const char *path)
{
  const value *x = val_path(v, path);
  return x && x->kind == VAL_NUM ? x->num : (double)NAN;
}

rollup_fac *rollup_summarise(arena *a, const value *r)
{
  rollup_fac *f = ARENA_NEW(a, rollup_fac);
  f->id = str_at(a, r, "facility.id");
  if (!f->id)
    f->id = "?"; /* rollup_read_results and calc always give one */
  f->name_zh = str_at(a, r, "facility.name.zh");
  f->name_en = str_at(a, r, "facility.name.en");
  if (!f->name_zh)
    f->name_zh = f->id;
  if (!f->name_en)
    f->name_en = f->id;
  f->from = str_at(a, r, "period.from");
  f->to = str_at(a, r, "period.to");
  f->tce = num_at(r, "energy.total_tce");
  f->scope1 = num_at(r, "carbon.scope1.total_tco2");
  f->scope2 = num_at(r, "carbon.scope2.total_tco2");
  f->co2 = num_at(r, "carbon.total_tco2");
  f->output_10k_cny = num_at(r, "facility.output_value_10k_cny");
  f->intensity = num_at(r, "energy.intensity.tce_per_10k_cny_output");
  const value *ps = val_path(r, "energy.products");
  for (size_t i = 0; ps && ps->kind == VAL_ARR && i < ps->n; i++) {
    const value *st = val_path(ps->items[i], "benchmark.status");
    if (!st || st->kind != VAL_STR)
      continue;
    int s = strcmp(st->str, "graded") == 0        ? 2
            : strcmp(st->str, "limit_met") == 0   ? 3
            : strcmp(st->str, "not_reached") == 0 ? 4
                                                  : 1;
    double g = num_at(ps->items[i], "benchmark.grade");
    if (s == 2 && isfinite(g) && (int)g > f->grade)
      f->grade = (int)g;
    if (s > f->grade_status)
      f->grade_status = s;
  }
  double grid = num_at(r, "carbon.scope2.grid_factor_tco2_per_mwh");
  double heat = num_at(r, "carbon.scope2.heat_factor_tco2_per_gj");
  const value *hc = val_path(r, "carbon.scope2.heat_carriers");
  const value *cs = val_path(r, "energy.carriers");
  size_t cap = 0;
  for (size_t i = 0; cs && cs->kind == VAL_ARR && i < cs->n; i++) {
    const value *c = cs->items[i];
    const char *key = str_at(a, c, "carrier");
    if (!key)
      continue;
    fac_carrier *fc = ARENA_PUSH(a, f->carriers, f->n_carriers, cap);
    fc->key = key;
    fc->unit = str_at(a, c, "unit");
    if (!fc->unit)
      fc->unit = "";
    fc->purchased = num_at(c, "purchased");
    fc->sold = num_at(c, "sold");
    fc->kgce_per_unit = num_at(c, "coefficient_kgce");
    fc->tco2_per_unit = NAN;
    if (strcmp(key, "electricity") == 0 && fc->unit &&
        strcmp(fc->unit, "kWh") == 0)
      fc->tco2_per_unit = grid / 1000.0;
    for (size_t k = 0; hc && hc->kind == VAL_ARR && k < hc->n; k++) {
      const value *h = val_get(hc->items[k], "carrier");
      if (h && h->kind == VAL_STR && strcmp(h->str, key) == 0)
        fc->tco2_per_unit = num_at(hc->items[k], "gj_per_unit") * heat;
    }
  }
  const value *ms = val_path(r, "inputs.meters");
  cap = 0;
  for (size_t i = 0; ms && ms->kind == VAL_ARR && i < ms->n; i++) {
    const value *m = ms->items[i];
    const char *buyer = str_at(a, m, "sold_to");
    double q = num_at(m, "quantity");
    if (!buyer || !isfinite(q) || !str_at(a, m, "meter") ||
        !str_at(a, m, "carrier"))
      continue;
    fac_sale *s = ARENA_PUSH(a, f->sales, f->n_sales, cap);
    s->meter = str_at(a, m, "meter");
    s->carrier = str_at(a, m, "carrier");
    s->unit = str_at(a, m, "unit");
    if (!s->unit)
      s->unit = "";
    s->buyer = buyer;
    s->quantity = q;
  }
  return f;
}

/* }====================================================== */
/* {====================================================== consolidation */

static const fac_carrier *carrier_of(const rollup_fac *f, const char *key)
{
  for (size_t i = 0; key && i < f->n_carriers; i++)
    if (strcmp(f->carriers[i].key, key) == 0)
      return &f->carriers[i];
  return NULL;
}

static double weight_of(const rollup_group *g, const rollup_member *m)
{
  switch (g->approach) {
  case ROLLUP_EQUITY_SHARE:
    return isfinite(m->equity) ? m->equity : 0;
  case ROLLUP_OPERATIONAL_CONTROL:
    return m->operational_control ? 1 : 0;
  case ROLLUP_FINANCIAL_CONTROL:
    return m->financial_control ? 1 : 0;
  }
  return 0;
}

static value *numf(arena *a, value *o, const char *key, double x)
{
  return val_set_numf(a, o, key, x);
}

static const char *const GRADE_STATUS[] = {"none", "not_graded", "graded",
                                           "limit_met", "not_reached"};

/* Ranking order: lower intensity first (unknown last), then the better
   grade status and grade, then the id: deterministic. */
static const rollup_fac *const *rank_facs;
static int rank_cmp(const void *pa, const void *pb)
{
  size_t ia = *(const size_t *)pa, ib = *(const size_t *)pb;
  const rollup_fac *x = rank_facs[ia], *y = rank_facs[ib];
  bool kx = isfinite(x->intensity), ky = isfinite(y->intensity);
  if (kx != ky)
    return kx ? -1 : 1;
  if (kx && x->intensity != y->intensity)
    return x->intensity < y->intensity ? -1 : 1;
  if (x->grade_status != y->grade_status)
    return x->grade_status < y->grade_status ? -1 : 1;
  if (x->grade != y->grade)
    return x->grade < y->grade ? -1 : 1;
  return ia < ib ? -1 : ia > ib;
}

value *rollup_run(arena *a, diag_list *dl, const rollup_group *g,
                  rollup_fac *const *facs, const size_t *errors)
{
  value *root = val_obj(a);
  val_set_str(a, root, "schema", "auditgen-group/1");
  value *gr = val_set(a, root, "group", val_obj(a));
  value *nm = val_set(a, gr, "name", val_obj(a));
  val_set_str(a, nm, "zh", g->name.zh);
  val_set_str(a, nm, "en", g->name.en);
  val_set_str(a, gr, "file", g->file);
  val_set_str(a, gr, "approach", APPROACHES[g->approach]);
  static const char *const ap_zh[] = {"股权比例法", "运营控制权法",
                                      "财务控制权法"};
  static const char *const ap_en[] = {"equity share", "operational control",
                                      "financial control"};
  val_set_str(a, gr, "approach_zh", ap_zh[g->approach]);
  val_set_str(a, gr, "approach_en", ap_en[g->approach]);

  /* The group's data year: the period most members share (the first
     such in file order on a tie). */
  const char *from = NULL, *to = NULL;
  size_t best = 0;
  for (size_t i = 0; i < g->n; i++) {
    if (!facs[i] || !facs[i]->from || !facs[i]->to)
      continue;
    size_t same = 0;
    for (size_t j = 0; j < g->n; j++)
      same += facs[j] && facs[j]->from && facs[j]->to &&
              strcmp(facs[j]->from, facs[i]->from) == 0 &&
              strcmp(facs[j]->to, facs[i]->to) == 0;
    if (same > best) {
      best = same;
      from = facs[i]->from;
      to = facs[i]->to;
    }
  }
  value *per = val_set(a, root, "period", val_obj(a));
  if (from) {
    val_set_str(a, per, "from", from);
    val_set_str(a, per, "to", to);
  } else {
    val_set_null(a, per, "from");
    val_set_null(a, per, "to");
  }

  double *w = ARENA_ARRAY(a, double, g->n + 1);
  double sum_tce = 0, sum_s1 = 0, sum_s2 = 0, sum_out = 0;
  bool out_known = true;
  size_t n_valid = 0;
  for (size_t i = 0; i < g->n; i++) {
    w[i] = weight_of(g, &g->members[i]);
    if (!facs[i])
      continue;
    n_valid++;
    sum_tce += w[i] * facs[i]->tce;
    sum_s1 += w[i] * facs[i]->scope1;
    sum_s2 += w[i] * facs[i]->scope2;
    if (w[i] > 0 && !isfinite(facs[i]->output_10k_cny))
      out_known = false;
    else if (w[i] > 0)
      sum_out += w[i] * facs[i]->output_10k_cny;
  }

  /* Sales between members, netted out for m = min(w_seller, w_buyer). */
  value *sales = val_set(a, root, "internal_sales", val_arr(a));
  double adj_tce = 0, adj_s2 = 0;
  for (size_t i = 0; i < g->n; i++) {
    const rollup_fac *s = facs[i];
    for (size_t k = 0; s && k < s->n_sales; k++) {
      const fac_sale *sl = &s->sales[k];
      size_t b = g->n;
      for (size_t j = 0; j < g->n && b == g->n; j++)
        if (j != i && facs[j] && facs[j]->id &&
            strcmp(facs[j]->id, sl->buyer) == 0)
          b = j;
      bool invalid_buyer = false;
      for (size_t j = 0; j < g->n && b == g->n && !invalid_buyer; j++)
        invalid_buyer = !facs[j] && g->members[j].file &&
                        strcmp(stem_of(a, g->members[j].file), sl->buyer) == 0;
      if (b == g->n) {
        if (!invalid_buyer && s->id && strcmp(sl->buyer, s->id) == 0)
          diag_warn(dl, g->members[i].pos,
                       "facilities[%zu]: meter %s sells to \"%s\", the "
                       "facility itself; the sale is not netted",
                       i, sl->meter, sl->buyer);
        else if (!invalid_buyer)
          diag_warn(dl, g->members[i].pos,
                       "facilities[%zu]: meter %s sells %s to \"%s\", which "
                       "is not a facility of this group; counted as a sale "
                       "outside the group",
                       i, sl->meter, sl->carrier, sl->buyer);
        continue;
      }
      const fac_carrier *cs = carrier_of(s, sl->carrier);
      const fac_carrier *cb = carrier_of(facs[b], sl->carrier);
      if (!cb || !(cb->purchased > 0)) {
        diag_warn(dl, g->members[b].pos,
                     "facilities[%zu] (%s) buys no %s from outside, though "
                     "%s's meter %s sells it %s %s; the sale is not netted",
                     b, facs[b]->id, sl->carrier, s->id, sl->meter,
                     arena_printf(a, "%.6g", sl->quantity),
                     sl->unit ? sl->unit : "");
        continue;
      }
      if (cb->purchased < sl->quantity)
        diag_warn(dl, g->members[b].pos,
                     "facilities[%zu] (%s) buys %.6g %s of %s from outside, "
                     "less than the %.6g %s that %s's meter %s sells it",
                     b, facs[b]->id, cb->purchased, cb->unit ? cb->unit : "",
                     sl->carrier, sl->quantity, sl->unit ? sl->unit : "",
                     s->id, sl->meter);
      double m = fmin(w[i], w[b]);
      double ks = cs ? cs->kgce_per_unit : (double)NAN, kb = cb->kgce_per_unit;
      double fs = cs ? cs->tco2_per_unit : (double)NAN, fb = cb->tco2_per_unit;
      double seller_tce = sl->quantity * ks / 1000.0;
      double buyer_tce = sl->quantity * kb / 1000.0;
      double seller_s2 = isfinite(fs) ? sl->quantity * fs : 0;
      double buyer_s2 = isfinite(fb) ? sl->quantity * fb : 0;
      double d_tce = m * (seller_tce - buyer_tce);
      double d_s2 = m * (seller_s2 - buyer_s2);
      if (isfinite(d_tce))
        adj_tce += d_tce;
      adj_s2 += d_s2;
      value *o = val_obj(a);
      val_push(a, sales, o);
      val_set_str(a, o, "seller", s->id);
      val_set_str(a, o, "buyer", facs[b]->id);
      val_set_str(a, o, "meter", sl->meter);
      val_set_str(a, o, "carrier", sl->carrier);
      val_set_str(a, o, "unit", sl->unit);
      val_set_num(a, o, "quantity", sl->quantity);
      val_set_num(a, o, "netted_share", m);
      val_set_num(a, o, "netted_quantity", m * sl->quantity);
      numf(a, o, "seller_tce", seller_tce);
      numf(a, o, "buyer_tce", buyer_tce);
      val_set_num(a, o, "seller_scope2_tco2", seller_s2);
      val_set_num(a, o, "buyer_scope2_tco2", buyer_s2);
      numf(a, o, "energy_adjustment_tce", d_tce);
      val_set_num(a, o, "scope2_adjustment_tco2", d_s2);
    }
  }

  double tce = sum_tce + adj_tce, s2 = sum_s2 + adj_s2;
  value *en = val_set(a, root, "energy", val_obj(a));
  numf(a, en, "total_tce", tce);
  numf(a, en, "facilities_tce", sum_tce);
  numf(a, en, "internal_adjustment_tce", adj_tce);
  value *in = val_set(a, en, "intensity", val_obj(a));
  numf(a, in, "tce_per_10k_cny_output",
       out_known && sum_out > 0 ? tce / sum_out : (double)NAN);
  /* purchases and sales by carrier, weighted, the group's own sales out */
  value *ecs = val_set(a, en, "carriers", val_arr(a));
  for (size_t i = 0; i < g->n; i++)
    for (size_t k = 0; facs[i] && k < facs[i]->n_carriers; k++) {
      const fac_carrier *c = &facs[i]->carriers[k];
      bool seen = false;
      for (size_t j = 0; j < ecs->n && !seen; j++)
        seen = strcmp(val_get(ecs->items[j], "carrier")->str, c->key) == 0;
      if (seen)
        continue;
      double p = 0, s = 0, net = 0;
      for (size_t j = 0; j < g->n; j++) {
        const fac_carrier *d = facs[j] ? carrier_of(facs[j], c->key) : NULL;
        if (d && isfinite(d->purchased))
          p += w[j] * d->purchased;
        if (d && isfinite(d->sold))
          s += w[j] * d->sold;
      }
      for (size_t j = 0; j < sales->n; j++) {
        value *o = sales->items[j];
        if (strcmp(val_get(o, "carrier")->str, c->key) == 0)
          net += val_get(o, "netted_quantity")->num;
      }
      if (p == 0 && s == 0)
        continue;
      value *o = val_obj(a);
      val_push(a, ecs, o);
      val_set_str(a, o, "carrier", c->key);
      val_set_str(a, o, "unit", c->unit);
      val_set_num(a, o, "purchased", p - net);
      val_set_num(a, o, "sold", s - net);
      val_set_num(a, o, "internal", net);
    }
  value *cb = val_set(a, root, "carbon", val_obj(a));
  numf(a, val_set(a, cb, "scope1", val_obj(a)), "total_tco2", sum_s1);
  value *c2 = val_set(a, cb, "scope2", val_obj(a));
  numf(a, c2, "total_tco2", s2);
  numf(a, c2, "facilities_tco2", sum_s2);
  numf(a, c2, "internal_adjustment_tco2", adj_s2);
  numf(a, cb, "total_tco2", sum_s1 + s2);

  /* facilities[], in the group file's order, and their ranking */
  value *fs = val_set(a, root, "facilities", val_arr(a));
  value *inv = val_set(a, root, "invalid", val_arr(a));
  value *yd = val_set(a, root, "years_differ", val_arr(a));
  size_t *order = ARENA_ARRAY(a, size_t, g->n + 1), n_order = 0;
  value **objs = ARENA_ARRAY(a, value *, g->n + 1);
  for (size_t i = 0; i < g->n; i++) {
    const rollup_member *mb = &g->members[i];
    const rollup_fac *f = facs[i];
    if (!f) {
      value *o = val_obj(a);
      val_push(a, inv, o);
      val_set_str(a, o, "file", mb->file);
      val_set_num(a, o, "errors", (double)errors[i]);
      continue;
    }
    value *o = val_obj(a);
    objs[i] = o;
    val_push(a, fs, o);
    order[n_order++] = i;
    val_set_str(a, o, "id", f->id);
    val_set_str(a, o, "file", mb->file);
    val_set_str(a, o, "name_zh", f->name_zh);
    val_set_str(a, o, "name_en", f->name_en);
    val_set_str(a, o, "from", f->from);
    val_set_str(a, o, "to", f->to);
    numf(a, o, "equity", mb->equity);
    val_set_bool(a, o, "operational_control", mb->operational_control);
    val_set_bool(a, o, "financial_control", mb->financial_control);
    val_set_num(a, o, "weight", w[i]);
    numf(a, o, "total_tce", f->tce);
    numf(a, o, "scope1_tco2", f->scope1);
    numf(a, o, "scope2_tco2", f->scope2);
    numf(a, o, "total_tco2", f->co2);
    numf(a, o, "weighted_tce", w[i] * f->tce);
    numf(a, o, "weighted_tco2", w[i] * f->co2);
    numf(a, o, "share", sum_tce != 0 ? w[i] * f->tce / sum_tce : (double)NAN);
    double co2_all = sum_s1 + sum_s2;
    numf(a, o, "co2_share",
         co2_all != 0 ? w[i] * f->co2 / co2_all : (double)NAN);
    numf(a, o, "intensity_tce_per_10k_cny", f->intensity);
    if (f->grade)
      val_set_num(a, o, "grade", f->grade);
    else
      val_set_null(a, o, "grade");
    val_set_str(a, o, "grade_status", GRADE_STATUS[f->grade_status]);
    static const char *const gzh[] = {"无对标产品", "未对标", "", "达到限定值",
                                      "未达到限定值"};
    static const char *const gen[] = {"no product benchmarked", "not graded",
                                      "", "limit met", "limit not met"};
    val_set_str(a, o, "grade_zh",
                f->grade_status == 2 ? arena_printf(a, "%d级", f->grade)
                                     : gzh[f->grade_status]);
    val_set_str(a, o, "grade_en",
                f->grade_status == 2 ? arena_printf(a, "grade %d", f->grade)
                                     : gen[f->grade_status]);
    bool differs = from && (!f->from || !f->to || strcmp(f->from, from) != 0 ||
                            strcmp(f->to, to) != 0);
    val_set_bool(a, o, "year_differs", differs);
    if (differs)
      val_push(a, yd, o);
  }
  rank_facs = (const rollup_fac *const *)facs;
  qsort(order, n_order, sizeof *order, rank_cmp);
  rank_facs = NULL;
  value *rk = val_set(a, root, "ranking", val_arr(a));
  for (size_t r = 0; r < n_order; r++) {
    val_set_num(a, objs[order[r]], "rank", (double)(r + 1));
    val_push(a, rk, objs[order[r]]);
  }
  val_set_num(a, gr, "facilities", (double)g->n);
  val_set_num(a, gr, "facilities_valid", (double)n_valid);
  return root;
}

/* }====================================================== */
