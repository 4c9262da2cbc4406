/* declared.c — the figures the enterprise declared beside the computed
 * ones (results `declared[]`, docs/calculation.md "Declared and computed
 * figures").
 *
 * Each declared figure is a path of the results; once everything else is
 * computed its value is read there, the declared value converted to the
 * figure's unit (an error at the value when the dimensions differ), and
 * difference = declared − computed, relative = difference / computed.
 * Within the tolerance of rules/declared.yaml the two agree. Otherwise,
 * for the total energy, the usual causes are tried on the data: the
 * purchases counted in place of the consumption (stock change and sales
 * left out), the GB/T 2589 reference coefficients in place of the
 * measured calorific values, one carrier left out, one carrier counted
 * that the total leaves out; the first that gives the declared value
 * within the tolerance is named. For a carrier's consumption, its
 * purchases are tried. Findings come from rules/checks/declared.yaml. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../load/units.h"
#include "internal.h"

typedef struct cause {
  const char *id;
  const char *zh, *en;
} cause;

/* The value's parent object and last key: "energy.products[clinker]" and
   "unit_consumption_kgce". */
static const value *parent_of(arena *a, const value *root, const char *figure,
                              const char **key)
{
  const char *dot = strrchr(figure, '.');
  if (!dot) {
    *key = figure;
    return root;
  }
  *key = dot + 1;
  return val_path(root, arena_strndup(a, figure, (size_t)(dot - figure)));
}

/* The figure's unit: by its key (val_key_unit), a unit consumption per
   its product's unit. NULL: a plain number. */
static const char *figure_unit(arena *a, const value *parent, const char *key)
{
  char buf[96];
  const char *u = val_key_unit(key, parent, buf, sizeof buf);
  const value *pu = parent ? val_get(parent, "unit") : NULL;
  if (u && strncmp(key, "unit_consumption_", 17) == 0 && pu &&
      pu->kind == VAL_STR && !strchr(u, '/'))
    return arena_printf(a, "%s/%s", u, pu->str);
  return u ? arena_strdup(a, u) : NULL;
}

static bool near(double x, double target, double tol_abs)
{
  return fabs(x - target) <= tol_abs;
}

/* The first usual cause that gives the declared total energy. */
static bool total_cause(calc_ctx *c, double declared, double tol_abs,
                        cause *out)
{
  arena *a = c->a;
  double purchases = 0, reference = 0;
  bool any_measured = false;
  for (size_t k = 0; k < c->n_carriers; k++) {
    const carrier_fig *cf = &c->carriers[k];
    if (!cf->counted)
      continue;
    purchases += cf->purchased * cf->coefficient / 1000.0;
    double ref = cf->def ? cf->def->coef_kgce : cf->coefficient;
    if (cf->def && strcmp(cf->coef_basis, "reference") != 0)
      any_measured = true;
    reference += cf->consumed * ref / 1000.0;
  }
  if (near(purchases, declared, tol_abs) &&
      !near(purchases, c->total_tce, tol_abs)) {
    out->id = "purchases";
    out->zh = arena_printf(a, "申报值与按购进量计算的%s tce相符：申报时以购进量"
                              "代替了消费量，未计库存变化和外销量",
                           calc_num_text(a, purchases, 2));
    out->en = arena_printf(a, "the declared value matches %s tce computed "
                              "from the purchases: the purchases were "
                              "declared in place of the consumption, leaving "
                              "out the stock change and the sales",
                           calc_num_text(a, purchases, 2));
    return true;
  }
  if (any_measured && near(reference, declared, tol_abs)) {
    out->id = "reference_coefficients";
    out->zh = arena_printf(a, "申报值与按GB/T 2589参考折标系数计算的%s tce相符："
                              "申报时未采用实测低位发热量",
                           calc_num_text(a, reference, 2));
    out->en = arena_printf(a, "the declared value matches %s tce computed "
                              "with the GB/T 2589 reference coefficients: the "
                              "measured calorific values were not used",
                           calc_num_text(a, reference, 2));
    return true;
  }
  for (size_t k = 0; k < c->n_carriers; k++) {
    const carrier_fig *cf = &c->carriers[k];
    const char *zh = calc_carrier_name(c, cf, true);
    const char *en = calc_carrier_name(c, cf, false);
    if (!(fabs(cf->tce) > tol_abs))
      continue;
    if (cf->counted && near(c->total_tce - cf->tce, declared, tol_abs)) {
      out->id = "carrier_left_out";
      out->zh = arena_printf(a, "申报值与不计%s（%s tce）的合计相符：申报时漏计"
                                "了该品种",
                             zh, calc_num_text(a, cf->tce, 2));
      out->en = arena_printf(a, "the declared value matches the total "
                                "without %s (%s tce): that carrier was left "
                                "out",
                             en, calc_num_text(a, cf->tce, 2));
      return true;
    }
    if (!cf->counted && near(c->total_tce + cf->tce, declared, tol_abs)) {
      out->id = "carrier_not_counted";
      out->zh = arena_printf(a, "申报值与计入%s（%s tce）的合计相符：该品种按"
                                "规则不计入综合能耗，申报时却计入了",
                             zh, calc_num_text(a, cf->tce, 2));
      out->en = arena_printf(a, "the declared value matches the total with "
                                "%s (%s tce), which the total does not "
                                "count under the rules",
                             en, calc_num_text(a, cf->tce, 2));
      return true;
    }
  }
  return false;
}

/* For a carrier's consumption: its purchases declared in its place. */
static bool consumed_cause(calc_ctx *c, const value *parent, double declared,
                           double tol_abs, cause *out)
{
  const value *p = val_get(parent, "purchased");
  const value *u = val_get(parent, "unit");
  const value *k = val_get(parent, "consumed");
  if (!p || p->kind != VAL_NUM || !k || k->kind != VAL_NUM ||
      !near(p->num, declared, tol_abs) || near(p->num, k->num, tol_abs))
    return false;
  const char *unit = u && u->kind == VAL_STR ? u->str : "";
  out->id = "purchases";
  out->zh = arena_printf(c->a, "申报值与购进量%s %s相符：申报时以购进量代替了消费"
                               "量，未计库存变化和外销量",
                         calc_num_text(c->a, p->num, 2), unit);
  out->en = arena_printf(c->a, "the declared value matches the purchases of "
                               "%s %s: the purchases were declared in place "
                               "of the consumption",
                         calc_num_text(c->a, p->num, 2), unit);
  return true;
}

void calc_declared(calc_ctx *c)
{
  const model *m = c->m;
  if (!m->n_declared)
    return;
  arena *a = c->a;
  const declared_rules *dr = &c->f->declared;
  value *arr = val_set(a, c->root, "declared", val_arr(a));
  for (size_t i = 0; i < m->n_declared; i++) {
    const m_declared *d = &m->declared[i];
    const char *key;
    const value *parent = parent_of(a, c->root, d->figure, &key);
    const value *v = val_path(c->root, d->figure);
    const declared_rule *rule = factors_declared(c->f, d->shape);
    double tol = rule ? rule->tolerance
                 : dr->has_default ? dr->default_tolerance
                                   : 0.005;
    value *o = val_obj(a);
    val_set_str(a, o, "figure", d->figure);
    /* the figure's name, and for an item of a list the item's name */
    const char *nzh = rule ? rule->name.zh : d->figure;
    const char *nen = rule ? rule->name.en : d->figure;
    const value *izh = strchr(d->figure, '[') && parent
                           ? val_get(parent, "name_zh")
                           : NULL;
    const value *ien = izh ? val_get(parent, "name_en") : NULL;
    if (izh && izh->kind == VAL_STR && ien && ien->kind == VAL_STR) {
      nzh = arena_printf(a, "%s：%s", nzh, izh->str);
      nen = arena_printf(a, "%s: %s", nen, ien->str);
    }
    val_set_str(a, o, "name_zh", nzh);
    val_set_str(a, o, "name_en", nen);
    val_set_str(a, o, "filed_in_zh", d->filed_in.zh);
    val_set_str(a, o, "filed_in_en", d->filed_in.en);
    val_set_str(a, o, "declared_text", d->value.text);
    if (v && v->kind != VAL_NUM && v->kind != VAL_NULL) {
      diag_error(c->dl, d->figure_pos,
                 "declared[%zu].figure: %s is not a number of the results "
                 "(it holds %s); declare a figure such as energy.total_tce",
                 i, d->figure,
                 v->kind == VAL_STR   ? "a text"
                 : v->kind == VAL_ARR ? "a list"
                 : v->kind == VAL_OBJ ? "several values"
                                      : "true or false");
      continue;
    }
    const char *unit = figure_unit(a, parent, key);
    unit_info ui = {1.0, {{0}}};
    if (unit && !units_lookup(unit, strlen(unit), &ui))
      unit = NULL, ui.scale = 1.0, memset(&ui.dim, 0, sizeof ui.dim);
    if (!dim_eq(ui.dim, d->value.dim)) {
      char h1[64], h2[64];
      diag_error(c->dl, d->value_pos,
                 "declared[%zu].value: \"%s\" is %s, but %s is %s%s%s: write "
                 "the value in %s",
                 i, d->value.text, dim_name(d->value.dim, h1, sizeof h1),
                 d->figure, dim_name(ui.dim, h2, sizeof h2),
                 unit ? " in " : "", unit ? unit : "",
                 unit ? unit : "a plain number");
      continue;
    }
    double declared = d->value.v / ui.scale;
    val_set_str(a, o, "unit", unit ? unit : "");
    val_set_num(a, o, "declared", declared);
    val_set_num(a, o, "tolerance", tol);
    if (!v || v->kind == VAL_NULL) {
      val_set_null(a, o, "computed");
      val_set_null(a, o, "difference");
      val_set_null(a, o, "relative_difference");
      val_set_null(a, o, "within_tolerance");
      val_set_str(a, o, "status", "not_computed");
      val_set_str(a, o, "status_zh", "未能核对");
      val_set_str(a, o, "status_en", "Not reconciled");
      val_set_null(a, o, "cause");
      calc_note(c, arena_printf(a, "declared[%zu]", i),
                arena_printf(a, "申报数据%s未能与核算结果对照：审计数据不足以计算"
                                "该项。",
                             d->figure),
                arena_printf(a, "The declared %s is not reconciled: the audit "
                                "data do not give that figure.",
                             d->figure));
      val_push(a, arr, o);
      continue;
    }
    double computed = v->num, diff = declared - computed;
    double tol_abs = tol * fabs(computed);
    bool within = computed != 0 ? fabs(diff) <= tol_abs : diff == 0;
    val_set_num(a, o, "computed", computed);
    val_set_num(a, o, "difference", diff);
    if (computed != 0)
      val_set_num(a, o, "relative_difference", diff / computed);
    else
      val_set_null(a, o, "relative_difference");
    val_set_bool(a, o, "within_tolerance", within);
    val_set_str(a, o, "status", within ? "agrees" : "differs");
    val_set_str(a, o, "status_zh", within ? "相符" : "不符");
    val_set_str(a, o, "status_en", within ? "Agrees" : "Differs");
    cause cs = {NULL, NULL, NULL};
    bool found = false;
    if (!within && strcmp(d->figure, "energy.total_tce") == 0)
      found = total_cause(c, declared, tol_abs, &cs);
    else if (!within && strcmp(d->shape, "energy.carriers[].consumed") == 0)
      found = consumed_cause(c, parent, declared, tol_abs, &cs);
    if (found) {
      val_set_str(a, o, "cause", cs.id);
      val_set_str(a, o, "cause_zh", cs.zh);
      val_set_str(a, o, "cause_en", cs.en);
    } else {
      val_set_null(a, o, "cause");
    }
    val_push(a, arr, o);
  }
}
