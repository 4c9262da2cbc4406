/* uncertainty.c — rules/carbon.yaml: the uncertainty by data tier that the
 * carbon inventory's data-quality table and its error propagation take
 * when a figure states none (docs/calculation.md, "Data quality and
 * uncertainty").
 *
 * Input: the file's root. Output: f->uncertainty (the tiers calc knows,
 * each a fraction with its citation, source and verified flag). A later
 * directory replaces a tier of the same key. A key calc does not know is
 * an error, so that a misspelt tier is not silently ignored. */
#include "factors.h"

#include <string.h>

const char *const factors_unc_keys[] = {"activity_metered",
                                        "activity_records",
                                        "activity_estimated",
                                        "factor_measured",
                                        "factor_default",
                                        "factor_published",
                                        NULL};

void tables_carbon(schema *s, const ynode *root, factors *f) {
  static const char *const top[] = {"uncertainty", NULL};
  static const char *const keys[] = {"value",    "name",     "source",
                                     "verified", "citation", NULL};
  static const char *const req[] = {"value", "source", "citation", NULL};
  if (!sch_map(s, root, "carbon.yaml", top, top))
    return;
  const ynode *x = ytree_get(root, "uncertainty");
  if (!x)
    return;
  if (x->kind != YN_MAP) {
    diag_error(s->dl, x->pos,
               "uncertainty: expected a mapping of tiers, "
               "found %s",
               ytree_kind_name(x));
    return;
  }
  size_t nk = 0;
  while (factors_unc_keys[nk])
    nk++;
  for (size_t i = 0; i < x->n; i++) {
    const ynode *k = x->kids[2 * i], *n = x->kids[2 * i + 1], *y;
    int which = -1;
    for (size_t j = 0; j < nk; j++)
      if (strcmp(k->str, factors_unc_keys[j]) == 0)
        which = (int)j;
    if (which < 0) {
      const char *hint = sch_suggest(k->str, factors_unc_keys, nk);
      if (hint)
        diag_error(s->dl, k->pos,
                   "uncertainty.%s: unknown tier (did you mean "
                   "\"%s\"?)",
                   k->str, hint);
      else
        diag_error(s->dl, k->pos,
                   "uncertainty.%s: unknown tier; the tiers "
                   "are activity_metered, activity_records, "
                   "activity_estimated, factor_measured, "
                   "factor_default, factor_published",
                   k->str);
      continue;
    }
    const char *path = sch_path(s, "uncertainty", k->str);
    if (!sch_map(s, n, path, keys, req))
      continue;
    unc_tier t;
    memset(&t, 0, sizeof t);
    t.key = arena_intern(s->a, factors_unc_keys[which]);
    if (!(y = ytree_get(n, "value")) ||
        !sch_ratio(s, y, sch_path(s, path, "value"), true, &t.value))
      continue;
    if (!(t.value > 0)) {
      diag_error(s->dl, y->pos, "%s.value: an uncertainty greater than zero",
                 path);
      continue;
    }
    if ((y = ytree_get(n, "name")))
      sch_text2(s, y, sch_path(s, path, "name"), &t.name);
    tables_source(s, n, path, &t.source, &t.verified);
    factors_cite(s, n, path, &t.citation, NULL);
    t.present = true;
    f->uncertainty[which] = t;
  }
}

const unc_tier *factors_uncertainty(const factors *f, const char *key) {
  for (size_t j = 0; factors_unc_keys[j]; j++)
    if (strcmp(factors_unc_keys[j], key) == 0)
      return f->uncertainty[j].present ? &f->uncertainty[j] : NULL;
  return NULL;
}
