/* editions.c — the register of standards (rules/standards.yaml): each
 * standard's editions and the date each came into force.
 *
 * Input: the file's YAML tree. Output: factors.standards, each standard's
 * editions in order of their dates. Invariants: an edition is a year of
 * four digits, dates are calendar dates, no two editions of a standard
 * share a year or a date. calc picks the edition in force on the period's
 * last day or the report date (editions in calc/editions.c). */
#include "factors.h"

#include <stdlib.h>
#include <string.h>

static bool year_text(const char *s)
{
  if (strlen(s) != 4)
    return false;
  for (int i = 0; i < 4; i++)
    if (s[i] < '0' || s[i] > '9')
      return false;
  return true;
}

static bool read_edition(schema *s, const ynode *n, const char *path,
                         std_edition *e)
{
  static const char *const keys[] = {"edition", "in_force_from", "title",
                                     "source",  "verified",      "values_note",
                                     NULL};
  static const char *const req[] = {"edition", "in_force_from", "source",
                                    NULL};
  memset(e, 0, sizeof *e);
  if (!sch_map(s, n, path, keys, req))
    return false;
  bool ok = true;
  const ynode *x = ytree_get(n, "edition");
  if (x && sch_str(s, x, sch_path(s, path, "edition"), &e->edition)) {
    if (!year_text(e->edition)) {
      diag_error(s->dl, x->pos, "%s.edition: \"%s\" is not a year of four "
                                "digits",
                 path, e->edition);
      ok = false;
    }
  } else {
    ok = false;
  }
  if (!(x = ytree_get(n, "in_force_from")) ||
      !sch_date(s, x, sch_path(s, path, "in_force_from"), &e->in_force))
    ok = false;
  if ((x = ytree_get(n, "title")))
    e->has_title = sch_text2(s, x, sch_path(s, path, "title"), &e->title);
  if ((x = ytree_get(n, "source")))
    sch_text2(s, x, sch_path(s, path, "source"), &e->source);
  if ((x = ytree_get(n, "verified")))
    sch_bool(s, x, sch_path(s, path, "verified"), &e->verified);
  if ((x = ytree_get(n, "values_note")))
    e->has_values_note =
        sch_text2(s, x, sch_path(s, path, "values_note"), &e->values_note);
  return ok;
}

static int by_date(const void *pa, const void *pb)
{
  long a = date_days(((const std_edition *)pa)->in_force);
  long b = date_days(((const std_edition *)pb)->in_force);
  return (a > b) - (a < b);
}

/* `earlier: {edition: YYYY, source: {zh, en}}`: the edition the first
   listed one replaced, whose date of entry into force was not read. Its
   year must come before every listed edition's. title and values_note as
   an edition's. */
static bool read_earlier(schema *s, const ynode *n, const char *path,
                         std_def *sd)
{
  static const char *const keys[] = {"edition", "source", "title",
                                     "values_note", NULL};
  static const char *const req[] = {"edition", "source", NULL};
  const char *p = sch_path(s, path, "earlier");
  if (!sch_map(s, n, p, keys, req))
    return false;
  const ynode *tn = ytree_get(n, "title");
  if (tn)
    sd->has_earlier_title =
        sch_text2(s, tn, sch_path(s, p, "title"), &sd->earlier_title);
  const ynode *vn = ytree_get(n, "values_note");
  if (vn)
    sd->has_earlier_values_note = sch_text2(
        s, vn, sch_path(s, p, "values_note"), &sd->earlier_values_note);
  const ynode *x = ytree_get(n, "edition");
  const char *ed;
  if (!x || !sch_str(s, x, sch_path(s, p, "edition"), &ed))
    return false;
  if (!year_text(ed)) {
    diag_error(s->dl, x->pos, "%s.edition: \"%s\" is not a year of four digits",
               p, ed);
    return false;
  }
  for (size_t i = 0; i < sd->n_ed; i++)
    if (strcmp(ed, sd->ed[i].edition) >= 0) {
      diag_error(s->dl, x->pos, "%s.edition: %s is not earlier than the "
                                "listed edition %s",
                 p, ed, sd->ed[i].edition);
      return false;
    }
  const ynode *src = ytree_get(n, "source");
  if (!src || !sch_text2(s, src, sch_path(s, p, "source"), &sd->earlier_source))
    return false;
  sd->earlier = ed;
  return true;
}

static void read_standard(schema *s, const char *key, const ynode *n,
                          std_def *sd, bool *ok)
{
  static const char *const keys[] = {"code",     "title",   "selected_by",
                                     "editions", "earlier", NULL};
  static const char *const req[] = {"code", "title", "selected_by",
                                    "editions", NULL};
  static const char *const by[] = {"period", "report", NULL};
  const char *path = arena_printf(s->a, "standards.%s", key);
  memset(sd, 0, sizeof *sd);
  sd->key = key;
  *ok = false;
  if (!sch_map(s, n, path, keys, req))
    return;
  const ynode *x;
  bool good = true;
  if (!(x = ytree_get(n, "code")) ||
      !sch_str(s, x, sch_path(s, path, "code"), &sd->code))
    good = false;
  if ((x = ytree_get(n, "title")))
    sch_text2(s, x, sch_path(s, path, "title"), &sd->title);
  int sel = 0;
  if ((x = ytree_get(n, "selected_by")) &&
      sch_enum(s, x, sch_path(s, path, "selected_by"), by, &sel))
    sd->by_report = sel == 1;
  x = ytree_get(n, "editions");
  const char *epath = sch_path(s, path, "editions");
  if (!x || !sch_list(s, x, epath))
    return;
  if (x->n == 0) {
    diag_error(s->dl, x->pos, "%s: at least one edition", epath);
    return;
  }
  sd->ed = ARENA_ARRAY(s->a, std_edition, x->n + 1);
  for (size_t i = 0; i < x->n; i++) {
    std_edition *e = &sd->ed[sd->n_ed];
    const char *ipath = sch_index(s, epath, i);
    if (!read_edition(s, x->kids[i], ipath, e)) {
      good = false;
      continue;
    }
    for (size_t j = 0; j < sd->n_ed; j++) {
      if (strcmp(sd->ed[j].edition, e->edition) == 0) {
        diag_error(s->dl, x->kids[i]->pos, "%s: edition %s is listed twice",
                   ipath, e->edition);
        good = false;
      } else if (date_days(sd->ed[j].in_force) ==
                 date_days(e->in_force)) {
        diag_error(s->dl, x->kids[i]->pos,
                   "%s: editions %s and %s come into force on the same day",
                   ipath, sd->ed[j].edition, e->edition);
        good = false;
      }
    }
    sd->n_ed++;
  }
  qsort(sd->ed, sd->n_ed, sizeof *sd->ed, by_date);
  if ((x = ytree_get(n, "earlier")) && !read_earlier(s, x, path, sd))
    good = false;
  *ok = good;
}

void tables_standards(schema *s, const ynode *root, factors *f)
{
  static const char *const top[] = {"standards", NULL};
  if (!sch_map(s, root, "standards.yaml", top, top))
    return;
  const ynode *ss = ytree_get(root, "standards");
  if (!ss || ss->kind != YN_MAP) {
    if (ss)
      diag_error(s->dl, ss->pos, "standards: expected a mapping, found %s",
                 ytree_kind_name(ss));
    return;
  }
  std_def *all = ARENA_ARRAY(s->a, std_def, f->n_standards + ss->n + 1);
  if (f->n_standards)
    memcpy(all, f->standards, sizeof *all * f->n_standards);
  for (size_t i = 0; i < ss->n; i++) {
    const char *key;
    if (!sch_id(s, ss->kids[2 * i], "standards", &key))
      continue;
    std_def sd;
    bool ok;
    read_standard(s, key, ss->kids[2 * i + 1], &sd, &ok);
    if (!ok)
      continue;
    size_t j = 0;
    while (j < f->n_standards && strcmp(all[j].key, key) != 0)
      j++;
    all[j] = sd; /* same key replaces; else appends */
    if (j == f->n_standards)
      f->n_standards++;
  }
  f->standards = all;
}

const std_def *factors_standard(const factors *f, const char *code)
{
  for (size_t i = 0; i < f->n_standards; i++)
    if (strcmp(f->standards[i].code, code) == 0)
      return &f->standards[i];
  return NULL;
}

const std_edition *factors_edition_at(const std_def *sd, date day)
{
  const std_edition *best = NULL;
  for (size_t i = 0; i < sd->n_ed; i++)
    if (date_days(sd->ed[i].in_force) <= date_days(day))
      best = &sd->ed[i];
  return best;
}

bool factors_designation(arena *a, const char *designation, const char **code,
                         const char **edition)
{
  const char *dash = strrchr(designation, '-');
  if (!dash || dash == designation || !year_text(dash + 1))
    return false;
  *code = arena_strndup(a, designation, (size_t)(dash - designation));
  *edition = dash + 1;
  return true;
}
