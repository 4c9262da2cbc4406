/* declared.c — rules/declared.yaml: the tolerance within which a figure
 * the enterprise declared agrees with the computed one (factors.h). */
#include <string.h>

#include "checks.h"
#include "factors.h"

/* A tolerance: a percent (or a fraction) from 0 to 50 %. */
static bool read_tolerance(schema *s, const ynode *n, const char *path,
                           double *out)
{
  if (!sch_ratio(s, n, path, true, out))
    return false;
  if (*out > 0.5) {
    diag_error(s->dl, n->pos, "%s: a tolerance of more than 50 %% would let "
                              "any figure agree",
               path);
    return false;
  }
  return true;
}

const declared_rule *factors_declared(const factors *f, const char *shape)
{
  for (size_t i = 0; i < f->declared.n_figures; i++)
    if (strcmp(f->declared.figures[i].shape, shape) == 0)
      return &f->declared.figures[i];
  return NULL;
}

void tables_declared(schema *s, const ynode *root, factors *f)
{
  static const char *const keys[] = {"default_tolerance", "figures", "source",
                                     "verified", NULL};
  static const char *const req[] = {"source", NULL};
  if (!sch_map(s, root, "declared.yaml", keys, req))
    return;
  declared_rules *d = &f->declared;
  const ynode *x;
  if ((x = ytree_get(root, "default_tolerance")) &&
      read_tolerance(s, x, "default_tolerance", &d->default_tolerance))
    d->has_default = true;
  if ((x = ytree_get(root, "source")))
    sch_text2(s, x, "source", &d->source);
  d->verified = false;
  if ((x = ytree_get(root, "verified")))
    sch_bool(s, x, "verified", &d->verified);
  const ynode *figs = ytree_get(root, "figures");
  if (!figs || ytree_is_null(figs))
    return;
  if (figs->kind != YN_MAP) {
    diag_error(s->dl, figs->pos, "figures: expected a mapping of result "
                                 "paths, each to {name, tolerance}");
    return;
  }
  static const char *const fkeys[] = {"name", "tolerance", NULL};
  static const char *const freq[] = {"name", "tolerance", NULL};
  for (size_t i = 0; i < figs->n; i++) {
    const ynode *k = figs->kids[2 * i], *v = figs->kids[2 * i + 1];
    const char *shape = k->str;
    const char *path = sch_path(s, "figures", shape);
    const char *why = checks_path_check(shape, s->a);
    if (why) {
      diag_error(s->dl, k->pos, "%s: %s", path, why);
      continue;
    }
    if (!sch_map(s, v, path, fkeys, freq))
      continue;
    declared_rule r;
    memset(&r, 0, sizeof r);
    r.shape = shape;
    r.layer = f->layer;
    bool ok = (x = ytree_get(v, "name")) &&
              sch_text2(s, x, sch_path(s, path, "name"), &r.name);
    ok = (x = ytree_get(v, "tolerance")) &&
         read_tolerance(s, x, sch_path(s, path, "tolerance"), &r.tolerance) &&
         ok;
    if (!ok)
      continue;
    declared_rule *have = (declared_rule *)factors_declared(f, shape);
    if (have) {
      *have = r;
      continue;
    }
    *ARENA_PUSH(s->a, d->figures, d->n_figures, d->cap) = r;
  }
}
