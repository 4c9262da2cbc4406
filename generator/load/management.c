/* management.c — the facility file's `management:` section to the typed
 * m_management (management.h).
 *
 * Input: the section's ynode tree and the model read so far (its audit
 * period, facility figures and equipment ids). Output: the section with
 * every value in base units (tce, tce per 万元, fractions), or errors at
 * their positions; reading goes on after an error so that one run reports
 * all of them. What the section cannot say without contradicting itself
 * (a certificate without certification, a saving of a measure not
 * implemented, an actual for the audit year, whose actual the results
 * give) is an error. */
#include "management.h"
#include "fschema.h"
#include "model.h"

#include "../base/strmap.h"

#include <math.h>
#include <string.h>

#define ERR(s, pos, ...) diag_error((s)->dl, (pos), __VA_ARGS__)
#define PATH(s, p, k) sch_path((s), (p), (k))

#define MAX_YEARLY 50
#define MAX_LIST 1000

const char *const mg_element_keys[] = {
    "policy",     "organisation", "targets",    "procurement",
    "conversion", "use",          "metering",   "statistics",
    "assessment", "training",     "records",    NULL};

/* A quantity of dimension unit (a unit name such as "tce"), greater than
   zero; *out in base units divided by units_to(1, unit). */
static bool positive_qty(schema *s, const ynode *x, const char *path,
                         const char *unit, double *out, const char **text)
{
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

/* A list of at most MAX_LIST entries (a larger one is refused, not cut). */
static bool short_list(schema *s, const ynode *x, const char *path)
{
  if (!sch_list(s, x, path))
    return false;
  if (x->n <= MAX_LIST)
    return true;
  ERR(s, x->pos, "%s: %zu entries, more than the %d one facility file may "
                 "have",
      path, x->n, MAX_LIST);
  return false;
}

/* An amount of energy that may be zero (a saving achieved). */
static bool energy_amount(schema *s, const ynode *x, const char *path,
                          double *out)
{
  dimvec want = dim_of("tce");
  qty q;
  if (!sch_qty(s, x, path, &want, &q))
    return false;
  if (q.v < 0) {
    ERR(s, x->pos, "%s: %s is negative", path, q.text);
    return false;
  }
  *out = units_to(q.v, "tce");
  return true;
}

static bool opt_date(schema *s, const ynode *n, const char *path,
                     const char *key, date *out)
{
  const ynode *x = ytree_get(n, key);
  return x && sch_date(s, x, PATH(s, path, key), out);
}

static bool opt_text(schema *s, const ynode *n, const char *path,
                     const char *key, text2 *out)
{
  const ynode *x = ytree_get(n, key);
  return x && sch_text2(s, x, PATH(s, path, key), out);
}

/* {====================================================== organisation */

static void read_organisation(schema *s, const ynode *n, m_management *g)
{
  const char *path = "management.organisation";
  if (!fs_map(s, n, path, &fs_organisation))
    return;
  g->has_organisation = true;
  const ynode *x;
  opt_text(s, n, path, "department", &g->department);
  if ((x = ytree_get(n, "staff")))
    g->has_staff = sch_int(s, x, PATH(s, path, "staff"), 0, 100000, &g->staff);
  if (!(x = ytree_get(n, "manager")))
    return;
  const char *mpath = PATH(s, path, "manager");
  if (!fs_map(s, x, mpath, &fs_manager))
    return;
  opt_text(s, x, mpath, "name", &g->manager_name);
  opt_text(s, x, mpath, "post", &g->manager_post);
  const ynode *y;
  if ((y = ytree_get(x, "registration")))
    sch_str(s, y, PATH(s, mpath, "registration"), &g->registration);
  g->has_registered = opt_date(s, x, mpath, "registered", &g->registered);
}

/* }====================================================== */
/* {====================================================== targets */

/* The figures of one target. five: the five-year target (its actuals are
   always those of the audit period). */
static void read_target(schema *s, const ynode *n, const char *path,
                        const struct model *m, bool five, mg_target *t)
{
  static const char *const *const bases = fs_intensity_bases;
  const ynode *x;
  t->pos = n->pos;
  if ((x = ytree_get(n, "total_tce")))
    t->has_total = positive_qty(s, x, PATH(s, path, "total_tce"), "tce",
                                &t->total_tce, &t->total_text);
  if ((x = ytree_get(n, "intensity_reduction"))) {
    const char *p = PATH(s, path, "intensity_reduction");
    if (sch_ratio(s, x, p, true, &t->reduction)) {
      if (!(t->reduction > 0 && t->reduction < 1))
        ERR(s, x->pos, "%s: %s: a reduction target is above 0 %% and below "
                       "100 %%",
            p, x->kind == YN_SCALAR ? x->str : "the value");
      else
        t->has_reduction = true;
    }
  }
  int basis = MG_BASIS_OUTPUT;
  if ((x = ytree_get(n, "intensity_basis")) &&
      sch_enum(s, x, PATH(s, path, "intensity_basis"), bases, &basis)) {
    const qty *den = basis == MG_BASIS_OUTPUT ? &m->output_value
                                               : &m->value_added;
    if (!den->set && (t->of_audit || five))
      ERR(s, x->pos, "%s.intensity_basis: facility.%s is not given, so the "
                     "audit period's intensity cannot be computed",
          path, bases[basis]);
  }
  t->basis = (mg_basis)basis;
  if ((x = ytree_get(n, "intensity_base"))) {
    const char *p = PATH(s, path, "intensity_base");
    dimvec want = dim_of("tce");
    dimvec per = dim_of("CNY");
    for (int i = 0; i < DIM_COUNT; i++)
      want.e[i] = (signed char)(want.e[i] - per.e[i]);
    qty q;
    if (sch_qty(s, x, p, &want, &q)) {
      if (!(q.v > 0))
        ERR(s, x->pos, "%s: %s is not greater than zero", p, q.text);
      else {
        t->has_base = true;
        /* kgce per CNY -> tce per 万元 */
        t->base_intensity = q.v * 1e4 / 1000.0;
        t->base_text = q.text;
      }
    }
  }
  if ((x = ytree_get(n, "actual_tce"))) {
    const char *p = PATH(s, path, "actual_tce");
    if (t->of_audit || five)
      ERR(s, x->pos, "%s: not for %s: its actual is the audit period's total "
                     "(energy.total_tce)",
          p, five ? "the five-year target" : "the audit year");
    else
      t->has_actual_tce = energy_amount(s, x, p, &t->actual_tce);
  }
  if ((x = ytree_get(n, "actual_reduction"))) {
    const char *p = PATH(s, path, "actual_reduction");
    double r;
    if (t->of_audit || five)
      ERR(s, x->pos, "%s: not for %s: its actual is computed from the audit "
                     "period's intensity and intensity_base",
          p, five ? "the five-year target" : "the audit year");
    else if (sch_ratio(s, x, p, false, &r)) {
      if (r <= -1 || r >= 1)
        ERR(s, x->pos, "%s: %s: an actual reduction is above -100 %% and "
                       "below 100 %%",
            p, x->kind == YN_SCALAR ? x->str : "the value");
      else {
        t->actual_reduction = r;
        t->has_actual_reduction = true;
      }
    }
  }
  opt_text(s, n, path, "document", &t->doc);
  /* what each figure needs */
  bool any_total = ytree_get(n, "total_tce") != NULL;
  bool any_red = ytree_get(n, "intensity_reduction") != NULL;
  if (!any_total && !any_red)
    ERR(s, n->pos, "%s: a target needs total_tce (the ceiling of total "
                   "consumption) or intensity_reduction, or both",
        path);
  bool computed = t->of_audit || five;
  if (any_red && computed && !ytree_get(n, "intensity_base"))
    ERR(s, n->pos, "%s: intensity_reduction needs intensity_base (the base "
                   "year's intensity in tce/万元) to compute the audit "
                   "period's reduction",
        path);
  if (any_red && computed && !ytree_get(n, "intensity_basis")) {
    const qty *den = &m->output_value;
    if (!den->set)
      ERR(s, n->pos, "%s: intensity_reduction is of the intensity per "
                     "output value (intensity_basis: output_value), but "
                     "facility.output_value is not given",
          path);
  }
  if (!computed) {
    if (any_total && !ytree_get(n, "actual_tce"))
      ERR(s, n->pos, "%s: total_tce needs actual_tce: year %d is not the "
                     "audit period, whose actual the results give",
          path, t->from);
    if (any_red && !ytree_get(n, "actual_reduction"))
      ERR(s, n->pos, "%s: intensity_reduction needs actual_reduction: year "
                     "%d is not the audit period, whose actual the results "
                     "give",
          path, t->from);
  }
}

static bool whole_year(const struct model *m, int y)
{
  return m->from.y == y && m->from.m == 1 && m->from.d == 1 && m->to.y == y &&
         m->to.m == 12 && m->to.d == 31;
}

static void read_targets(schema *s, const ynode *n, const struct model *m,
                         m_management *g)
{
  const char *path = "management.targets";
  if (!fs_map(s, n, path, &fs_targets))
    return;
  g->has_targets = true;
  const ynode *x;
  int audit_year = m->to.y;
  if ((x = ytree_get(n, "five_year"))) {
    const char *fp = PATH(s, path, "five_year");
    if (fs_map(s, x, fp, &fs_five_year)) {
      mg_target *t = &g->five_year;
      long from = 0, to = 0;
      const ynode *a = ytree_get(x, "from"), *b = ytree_get(x, "to");
      bool ok = a && sch_int(s, a, PATH(s, fp, "from"), 1990, 2100, &from);
      ok &= b && sch_int(s, b, PATH(s, fp, "to"), 1990, 2100, &to);
      if (ok && to - from != 4) {
        ERR(s, b->pos, "%s.to: a five-year period runs from %ld to %ld, not "
                       "to %ld",
            fp, from, from + 4, to);
        ok = false;
      }
      if (ok && (audit_year < from || audit_year > to)) {
        ERR(s, a->pos, "%s: %ld to %ld does not include the audit period's "
                       "year %d",
            fp, from, to, audit_year);
        ok = false;
      }
      t->from = (int)from;
      t->to = (int)to;
      read_target(s, x, fp, m, true, t);
      g->has_five_year = ok;
    }
  }
  if ((x = ytree_get(n, "yearly")) && !ytree_is_null(x)) {
    const char *yp = PATH(s, path, "yearly");
    if (!sch_list(s, x, yp))
      return;
    if (x->n > MAX_YEARLY) {
      ERR(s, x->pos, "%s: %zu entries, more than the %d one facility file "
                     "may have",
          yp, x->n, MAX_YEARLY);
      return;
    }
    g->yearly = ARENA_ARRAY(s->a, mg_target, x->n + 1);
    for (size_t i = 0; i < x->n; i++) {
      const ynode *u = x->kids[i], *y;
      const char *ip = sch_index(s, yp, i);
      if (!fs_map(s, u, ip, &fs_yearly))
        continue;
      long year;
      if (!(y = ytree_get(u, "year")) ||
          !sch_int(s, y, PATH(s, ip, "year"), 1990, 2100, &year))
        continue;
      ip = arena_printf(s->a, "%s[%ld]", yp, year);
      bool dup = false;
      for (size_t k = 0; k < g->n_yearly; k++)
        if (g->yearly[k].from == year) {
          ERR(s, y->pos, "%s.year: year %ld is given twice (first at line "
                         "%d)",
              ip, year, g->yearly[k].pos.line);
          dup = true;
        }
      if (year > audit_year) {
        ERR(s, y->pos, "%s.year: %ld is after the audit period (ending %d): "
                       "a target is assessed only once its year is over",
            ip, year, audit_year);
        continue;
      }
      if (year == audit_year && !whole_year(m, (int)year))
        ERR(s, y->pos, "%s.year: the audit period is not the calendar year "
                       "%ld, so the year's actual cannot come from the "
                       "results",
            ip, year);
      mg_target *t = &g->yearly[g->n_yearly];
      memset(t, 0, sizeof *t);
      t->from = t->to = (int)year;
      t->of_audit = year == audit_year;
      read_target(s, u, ip, m, false, t);
      if (!dup)
        g->n_yearly++;
    }
  }
}

/* }====================================================== */
/* {====================================================== system */

static void read_system(schema *s, const ynode *n, const struct model *m,
                        m_management *g)
{
  static const char *const *const stds = fs_ems_standards;
  const char *path = "management.system";
  if (!fs_map(s, n, path, &fs_system))
    return;
  const ynode *x;
  int st = 0;
  if (!(x = ytree_get(n, "standard")) ||
      !sch_enum(s, x, PATH(s, path, "standard"), stds, &st))
    return;
  g->has_system = true;
  g->standard = (mg_standard)st;
  bool certified = false;
  const ynode *cx = ytree_get(n, "certified");
  if (cx && sch_bool(s, cx, PATH(s, path, "certified"), &certified) &&
      certified && st != MG_STD_23331)
    ERR(s, cx->pos, "%s.certified: certification is to GB/T 23331 (standard: "
                    "\"GB/T 23331\"), not %s",
        path, stds[st]);
  g->certified = certified && st == MG_STD_23331;
  if ((x = ytree_get(n, "certificate")))
    sch_str(s, x, PATH(s, path, "certificate"), &g->certificate);
  opt_text(s, n, path, "body", &g->body);
  g->has_certified_on = opt_date(s, n, path, "certified_on", &g->certified_on);
  g->has_valid_until = opt_date(s, n, path, "valid_until", &g->valid_until);
  g->has_self_assessed =
      opt_date(s, n, path, "self_assessed_on", &g->self_assessed_on);
  static const char *const cert_keys[] = {"certificate", "body",
                                          "certified_on", "valid_until", NULL};
  for (int k = 0; cert_keys[k]; k++) {
    const ynode *y = ytree_get(n, cert_keys[k]);
    if (y && !certified)
      ERR(s, y->pos, "%s.%s: given, but the system is not certified "
                     "(certified: true)",
          path, cert_keys[k]);
  }
  if (certified && st == MG_STD_23331) {
    static const char *const need[] = {"certificate", "body", "certified_on",
                                       NULL};
    for (int k = 0; need[k]; k++)
      if (!ytree_get(n, need[k]))
        ERR(s, n->pos, "%s: a certified system needs %s", path, need[k]);
  }
  if (g->has_certified_on && g->has_valid_until &&
      date_days(g->valid_until) <= date_days(g->certified_on))
    ERR(s, g->valid_until.pos, "%s.valid_until: not after certified_on", path);
  if (g->has_certified_on && date_days(g->certified_on) > date_days(m->to) &&
      m->has_report_date &&
      date_days(g->certified_on) > date_days(m->report_date))
    ERR(s, g->certified_on.pos, "%s.certified_on: after the report date",
        path);
  for (int k = 0; k < MG_EL_N; k++)
    g->elements[k] = -1;
  if ((x = ytree_get(n, "elements"))) {
    const char *ep = PATH(s, path, "elements");
    if (st != MG_STD_15587)
      ERR(s, x->pos, "%s: elements are those of GB/T 15587 (standard: "
                     "\"GB/T 15587\")",
          ep);
    else if (sch_map(s, x, ep, mg_element_keys, NULL)) {
      g->has_elements = true;
      for (int k = 0; k < MG_EL_N; k++) {
        const ynode *y = ytree_get(x, mg_element_keys[k]);
        bool b;
        if (y && sch_bool(s, y, PATH(s, ep, mg_element_keys[k]), &b))
          g->elements[k] = b ? 1 : 0;
      }
    }
  }
}

/* }====================================================== */
/* {====================================================== meters, online */

static void read_meter_management(schema *s, const ynode *n, m_management *g)
{
  const char *path = "management.meter_management";
  if (!fs_map(s, n, path, &fs_meter_management))
    return;
  const ynode *x;
  bool ok = (x = ytree_get(n, "system")) &&
            sch_bool(s, x, PATH(s, path, "system"), &g->mm_system);
  ok &= (x = ytree_get(n, "staff")) &&
        sch_int(s, x, PATH(s, path, "staff"), 0, 100000, &g->mm_staff);
  if ((x = ytree_get(n, "ledger")))
    g->has_mm_ledger = sch_bool(s, x, PATH(s, path, "ledger"), &g->mm_ledger);
  if ((x = ytree_get(n, "calibration_records")))
    g->has_mm_calibration_records =
        sch_bool(s, x, PATH(s, path, "calibration_records"),
                 &g->mm_calibration_records);
  if ((x = ytree_get(n, "data_records")))
    g->has_mm_data_records =
        sch_bool(s, x, PATH(s, path, "data_records"), &g->mm_data_records);
  g->has_meter_management = ok;
}

static void read_online(schema *s, const ynode *n, m_management *g)
{
  const char *path = "management.online_monitoring";
  if (!fs_map(s, n, path, &fs_online))
    return;
  const ynode *x;
  if (!(x = ytree_get(n, "connected")) ||
      !sch_bool(s, x, PATH(s, path, "connected"), &g->connected))
    return;
  g->has_online = true;
  g->has_connected_on = opt_date(s, n, path, "connected_on", &g->connected_on);
  if ((x = ytree_get(n, "data_points")))
    g->has_data_points =
        sch_int(s, x, PATH(s, path, "data_points"), 0, 1000000,
                &g->data_points);
  opt_text(s, n, path, "platform", &g->platform);
  if (!g->connected) {
    static const char *const only[] = {"connected_on", "data_points",
                                       "platform", NULL};
    for (int k = 0; only[k]; k++)
      if ((x = ytree_get(n, only[k])))
        ERR(s, x->pos, "%s.%s: given, but connected is false", path, only[k]);
  }
}

/* }====================================================== */
/* {====================================================== obsolete, previous */

static void read_obsolete(schema *s, const ynode *n, const struct model *m,
                          m_management *g)
{
  const char *path = "management.obsolete_check";
  if (!fs_map(s, n, path, &fs_obsolete))
    return;
  const ynode *x;
  if (!(x = ytree_get(n, "checked")) ||
      !sch_bool(s, x, PATH(s, path, "checked"), &g->checked))
    return;
  g->has_obsolete = true;
  g->has_checked_on = opt_date(s, n, path, "checked_on", &g->checked_on);
  if ((x = ytree_get(n, "catalogues")) && !ytree_is_null(x)) {
    const char *cp = PATH(s, path, "catalogues");
    if (short_list(s, x, cp)) {
      g->catalogues = ARENA_ARRAY(s->a, text2, x->n + 1);
      for (size_t i = 0; i < x->n; i++)
        if (sch_text2(s, x->kids[i], sch_index(s, cp, i),
                      &g->catalogues[g->n_catalogues]))
          g->n_catalogues++;
    }
  }
  if ((x = ytree_get(n, "found")) && !ytree_is_null(x)) {
    const char *fp = PATH(s, path, "found");
    if (short_list(s, x, fp)) {
      if (!g->checked && x->n)
        ERR(s, x->pos, "%s: items found, but checked is false", fp);
      g->found = ARENA_ARRAY(s->a, mg_found, x->n + 1);
      for (size_t i = 0; i < x->n; i++) {
        const ynode *u = x->kids[i], *y;
        const char *ip = sch_index(s, fp, i);
        if (!fs_map(s, u, ip, &fs_obsolete_found))
          continue;
        mg_found *f = &g->found[g->n_found];
        memset(f, 0, sizeof *f);
        f->pos = u->pos;
        bool ok = true;
        if ((y = ytree_get(u, "equipment"))) {
          ok = sch_id(s, y, PATH(s, ip, "equipment"), &f->equipment);
          size_t k = 0;
          while (ok && k < m->n_equipment &&
                 strcmp(m->equipment[k].id, f->equipment) != 0)
            k++;
          if (ok && k == m->n_equipment) {
            const char **ids =
                ARENA_ARRAY(s->a, const char *, m->n_equipment + 1);
            for (size_t j = 0; j < m->n_equipment; j++)
              ids[j] = m->equipment[j].id;
            const char *hint = sch_suggest(f->equipment, ids, m->n_equipment);
            if (hint)
              ERR(s, y->pos, "%s.equipment: unknown equipment \"%s\" (did you "
                             "mean \"%s\"?)",
                  ip, f->equipment, hint);
            else
              ERR(s, y->pos, "%s.equipment: unknown equipment \"%s\"", ip,
                  f->equipment);
            ok = false;
          }
          if (ok && !ytree_get(u, "name")) {
            const m_equipment *e = &m->equipment[k];
            f->name = e->name.zh ? e->name : (text2){e->id, e->id, e->pos};
          }
        } else if (!ytree_get(u, "name")) {
          ERR(s, u->pos, "%s: an item found names its equipment (an id of "
                         "equipment:) or gives its name",
              ip);
          ok = false;
        }
        opt_text(s, u, ip, "name", &f->name);
        opt_text(s, u, ip, "catalogue", &f->catalogue);
        opt_text(s, u, ip, "plan", &f->plan);
        f->has_deadline = opt_date(s, u, ip, "deadline", &f->deadline);
        if (ok)
          g->n_found++;
      }
    }
  }
}

static void read_previous(schema *s, const ynode *n, const struct model *m,
                          m_management *g)
{
  static const char *const *const impl = fs_implemented;
  const char *path = "management.previous_audit";
  if (!fs_map(s, n, path, &fs_previous))
    return;
  g->has_previous = true;
  const ynode *x;
  g->has_previous_date =
      opt_date(s, n, path, "report_date", &g->previous_date);
  if (g->has_previous_date &&
      date_days(g->previous_date) >= date_days(m->from)) {
    ERR(s, g->previous_date.pos, "%s.report_date: the previous audit "
                                 "reported before this audit period began",
        path);
  }
  if (!(x = ytree_get(n, "measures")) || ytree_is_null(x))
    return;
  const char *lp = PATH(s, path, "measures");
  if (!short_list(s, x, lp))
    return;
  g->measures = ARENA_ARRAY(s->a, mg_measure, x->n + 1);
  strmap *ids = strmap_new(s->a);
  for (size_t i = 0; i < x->n; i++) {
    const ynode *u = x->kids[i], *y;
    const char *ip = sch_index(s, lp, i);
    if (!fs_map(s, u, ip, &fs_previous_measure))
      continue;
    mg_measure *me = &g->measures[g->n_measures];
    memset(me, 0, sizeof *me);
    me->pos = u->pos;
    if (!(y = ytree_get(u, "id")) || !sch_id(s, y, PATH(s, ip, "id"), &me->id))
      continue;
    long first = strmap_get(ids, me->id);
    if (first >= 0)
      ERR(s, y->pos, "%s.id: duplicate measure id \"%s\" (first at line %d)",
          ip, me->id, g->measures[first].pos.line);
    else
      ip = arena_printf(s->a, "%s[%s]", lp, me->id);
    opt_text(s, u, ip, "name", &me->name);
    int im = 0;
    bool ok = (y = ytree_get(u, "implemented")) &&
              sch_enum(s, y, PATH(s, ip, "implemented"), impl, &im);
    me->implemented = (mg_implemented)im;
    if ((y = ytree_get(u, "planned_tce")))
      me->has_planned = positive_qty(s, y, PATH(s, ip, "planned_tce"), "tce",
                                     &me->planned_tce, NULL);
    if ((y = ytree_get(u, "saving_tce"))) {
      if (ok && me->implemented == MG_IMPL_NO)
        ERR(s, y->pos, "%s.saving_tce: given, but the measure was not "
                       "implemented (implemented: no)",
            ip);
      else
        me->has_saving = energy_amount(s, y, PATH(s, ip, "saving_tce"),
                                       &me->saving_tce);
    }
    opt_text(s, u, ip, "note", &me->note);
    if (first < 0) {
      strmap_put(ids, me->id, (long)g->n_measures);
      g->n_measures++;
    }
  }
}

/* }====================================================== */

m_management *management_read(schema *s, const ynode *n, const struct model *m)
{
  if (!fs_map(s, n, "management", &fs_management))
    return NULL;
  m_management *g = ARENA_NEW(s->a, m_management);
  g->pos = n->pos;
  for (int k = 0; k < MG_EL_N; k++)
    g->elements[k] = -1;
  const ynode *x;
  if ((x = ytree_get(n, "organisation")))
    read_organisation(s, x, g);
  if ((x = ytree_get(n, "targets")))
    read_targets(s, x, m, g);
  if ((x = ytree_get(n, "system")))
    read_system(s, x, m, g);
  if ((x = ytree_get(n, "meter_management")))
    read_meter_management(s, x, g);
  if ((x = ytree_get(n, "online_monitoring")))
    read_online(s, x, g);
  if ((x = ytree_get(n, "obsolete_check")))
    read_obsolete(s, x, m, g);
  if ((x = ytree_get(n, "previous_audit")))
    read_previous(s, x, m, g);
  return g;
}
