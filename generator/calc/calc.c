/* calc.c — the calc stage's entry: the results tree's frame (schema,
 * facility, period, notes, factors_used) and the order of the sections.
 *
 * Input: a validated model and the rule tables. Output: the results tree
 * of results.md. Sections are computed in dependency order: energy first,
 * since everything after it reads its carrier figures. */
#include "internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../rules/terms.h"

void calc_note(calc_ctx *c, const char *path, const char *zh, const char *en)
{
  value *o = val_obj(c->a);
  val_set_str(c->a, o, "path", path);
  val_set_str(c->a, o, "zh", zh);
  val_set_str(c->a, o, "en", en);
  val_push(c->a, c->notes, o);
}

/* name_zh, name_en of a factors_used key "carrier.kind": what Appendix B
   calls it instead of the key. */
static void factor_names(calc_ctx *c, value *o, const char *key)
{
  static const char *const kinds[][3] = {
      {"coefficient", "折标准煤系数", "conversion coefficient"},
      {"carbon", "单位实物量燃烧排放", "combustion emissions per unit"},
      {"supply_coal_rate", "供电煤耗", "supply coal rate"},
      {"emission_factor", "排放因子", "emission factor"}};
  const char *dot = strchr(key, '.');
  if (!dot)
    return;
  const char *carrier = arena_strndup(c->a, key, (size_t)(dot - key));
  const char *zh = carrier, *en = carrier;
  carrier_fig *cf = calc_carrier(c, carrier);
  const carrier_def *def = factors_carrier(c->f, carrier);
  if (cf) {
    zh = calc_carrier_name(c, cf, true);
    en = calc_carrier_name(c, cf, false);
  } else if (def) {
    zh = def->name.zh;
    en = def->name.en;
  }
  for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
    if (strcmp(dot + 1, kinds[i][0]) == 0) {
      if (strcmp(key, "electricity.emission_factor") == 0) {
        val_set_str(c->a, o, "name_zh", "电网排放因子");
        val_set_str(c->a, o, "name_en", "Grid emission factor");
      } else {
        val_set_str(c->a, o, "name_zh",
                    arena_printf(c->a, "%s%s", zh, kinds[i][1]));
        val_set_str(c->a, o, "name_en",
                    arena_printf(c->a, "%s: %s", en, kinds[i][2]));
      }
    }
}

void calc_factor_used(calc_ctx *c, const char *key, double x,
                      const char *unit, const char *source,
                      const char *source_zh, bool verified, bool own)
{
  for (size_t i = 0; i < c->factors_used->n; i++)
    if (strcmp(val_get(c->factors_used->items[i], "key")->str, key) == 0)
      return;
  struct value *o = val_obj(c->a);
  val_set_str(c->a, o, "key", key);
  factor_names(c, o, key);
  val_set_num(c->a, o, "value", x);
  val_set_str(c->a, o, "unit", unit);
  val_set_str(c->a, o, "source", source);
  val_set_str(c->a, o, "source_zh", source_zh ? source_zh : source);
  val_set_bool(c->a, o, "verified", verified);
  val_set_bool(c->a, o, "enterprise_value", own);
  val_push(c->a, c->factors_used, o);
}

static void emit_facility(calc_ctx *c, const char *facility_id)
{
  arena *a = c->a;
  const model *m = c->m;
  value *f = val_set(a, c->root, "facility", val_obj(a));
  val_set_str(a, f, "id", facility_id);
  value *name = val_set(a, f, "name", val_obj(a));
  val_set_str(a, name, "zh", m->name.zh);
  val_set_str(a, name, "en", m->name.en);
  val_set_str(a, f, "credit_code", m->credit_code);
  val_set_str(a, f, "industry", m->industry);
  /* GB/T 4754-2017 code and names from rules/industries.yaml */
  val_set_str(a, f, "industry_code", m->industry_code);
  if (m->industry_name.zh) {
    value *n = val_set(a, f, "industry_name", val_obj(a));
    val_set_str(a, n, "zh", m->industry_name.zh);
    val_set_str(a, n, "en", m->industry_name.en);
  }
  val_set_str(a, f, "province", m->province);
  const term_def *pr = terms_lookup(c->f, TERM_PROVINCE, m->province);
  if (pr) {
    value *n = val_set(a, f, "province_name", val_obj(a));
    val_set_str(a, n, "zh", pr->text.zh);
    val_set_str(a, n, "en", pr->text.en);
  }
  val_set_str(a, f, "grid", m->grid);
  if (m->output_value.set)
    val_set_num(a, f, "output_value_10k_cny", m->output_value.v / 1e4);
  if (m->value_added.set)
    val_set_num(a, f, "value_added_10k_cny", m->value_added.v / 1e4);
  if (m->floor_area.set)
    val_set_num(a, f, "floor_area_m2", m->floor_area.v);
  if (m->has_employees)
    val_set_num(a, f, "employees", (double)m->employees);

  value *au = val_set(a, c->root, "audit", val_obj(a));
  val_set_str(a, au, "type", m->audit_type);
  if (m->has_auditor) {
    value *n = val_set(a, au, "auditor", val_obj(a));
    val_set_str(a, n, "zh", m->auditor.zh);
    val_set_str(a, n, "en", m->auditor.en);
  }
  if (m->has_report_date) {
    char d[16];
    date_format(m->report_date, d);
    val_set_str(a, au, "report_date", d);
  }
  value *stds = val_set(a, au, "standards", val_arr(a));
  for (size_t i = 0; i < m->n_standards; i++)
    val_push(a, stds, val_str(a, m->standards[i]));
  if (m->has_address) {
    value *ad = val_set(a, f, "address", val_obj(a));
    val_set_str(a, ad, "zh", m->address.zh);
    val_set_str(a, ad, "en", m->address.en);
  }

  value *p = val_set(a, c->root, "period", val_obj(a));
  char buf[16];
  date_format(m->from, buf);
  val_set_str(a, p, "from", buf);
  date_format(m->to, buf);
  val_set_str(a, p, "to", buf);
  val_set_num(a, p, "days", (double)(date_days(m->to) - date_days(m->from) + 1));
  val_set_num(a, p, "months", m->months);
}

/* {====================================================== finite guard */

typedef struct guard {
  arena *a;
  diag_list *dl;
  const model *m;
  const value *root;
  size_t found;
} guard;

/* The model input a term names (meter, product, measure or unit id), or
   a position without a line. */
static bool input_pos(const model *m, const char *name, src_pos *at)
{
  if (!name)
    return false;
  for (size_t i = 0; i < m->n_meters; i++)
    if (strcmp(m->meters[i].id, name) == 0) {
      *at = m->meters[i].data_pos.line ? m->meters[i].data_pos
                                       : m->meters[i].pos;
      return true;
    }
  for (size_t i = 0; i < m->n_products; i++)
    if (strcmp(m->products[i].id, name) == 0) {
      *at = m->products[i].quantity.pos.line ? m->products[i].quantity.pos
                                             : m->products[i].pos;
      return true;
    }
  for (size_t i = 0; i < m->n_measures; i++)
    if (strcmp(m->measures[i].id, name) == 0) {
      *at = m->measures[i].pos;
      return true;
    }
  return false;
}

/* Follows v's trace to the first non-finite input that names a model
   input, through computed inputs (term paths) a few levels deep. */
static bool blame(const guard *g, const value *v, int depth, src_pos *at)
{
  if (!v || !v->tr || depth > 6)
    return false;
  for (size_t i = 0; i < v->tr->n; i++) {
    const trace_term *t = &v->tr->terms[i];
    if (isfinite(t->value))
      continue;
    if (t->path && blame(g, val_path(g->root, t->path), depth + 1, at))
      return true;
    if (input_pos(g->m, t->name, at))
      return true;
  }
  /* no non-finite input named: the largest named one */
  const trace_term *big = NULL;
  for (size_t i = 0; i < v->tr->n; i++) {
    const trace_term *t = &v->tr->terms[i];
    src_pos p;
    if (input_pos(g->m, t->name, &p) &&
        (!big || !(fabs(t->value) <= fabs(big->value))))
      big = t;
  }
  return big && input_pos(g->m, big->name, at);
}

/* A label for an array item, as val_path reads it: [id], else [i]. */
static const char *item_label(arena *a, const value *item, size_t i)
{
  static const char *const keys[] = {"id", "carrier", "key", "meter"};
  for (size_t k = 0; item->kind == VAL_OBJ && k < 4; k++) {
    const value *x = val_get(item, keys[k]);
    if (x && x->kind == VAL_STR)
      return arena_printf(a, "[%s]", x->str);
  }
  return arena_printf(a, "[%zu]", i);
}

static void walk(guard *g, const value *v, const char *path)
{
  switch (v->kind) {
  case VAL_NUM:
    if (!isfinite(v->num)) {
      src_pos at = {g->m->file, 0, 0, 0};
      blame(g, v, 0, &at);
      /* the formula and its inputs as substituted */
      char inputs[512];
      size_t len = 0;
      inputs[0] = '\0';
      for (size_t i = 0; v->tr && i < v->tr->n && len < sizeof inputs; i++)
        len += (size_t)snprintf(inputs + len, sizeof inputs - len, "%s%s = %g",
                                i ? ", " : "", v->tr->terms[i].name,
                                v->tr->terms[i].value);
      const char *detail =
          !v->tr ? ""
          : len  ? arena_printf(g->a, " (%s, with %s)", v->tr->formula, inputs)
                 : arena_printf(g->a, " (%s)", v->tr->formula);
      diag_error(g->dl, at,
                 "%s: the calculation gives %s%s: an input is out of "
                 "proportion to the others",
                 path, isnan(v->num) ? "NaN" : "an infinity", detail);
      g->found++;
    }
    break;
  case VAL_ARR:
    for (size_t i = 0; i < v->n; i++)
      walk(g, v->items[i],
           arena_printf(g->a, "%s%s", path, item_label(g->a, v->items[i], i)));
    break;
  case VAL_OBJ:
    for (size_t i = 0; i < v->n; i++)
      walk(g, v->items[i],
           *path ? arena_printf(g->a, "%s.%s", path, v->keys[i]) : v->keys[i]);
    break;
  default:
    break;
  }
}

size_t calc_check_finite(arena *a, diag_list *dl, const model *m,
                         const value *results)
{
  guard g = {a, dl, m, results, 0};
  walk(&g, results, "");
  return g.found;
}

/* }====================================================== */

value *calc_run(arena *a, diag_list *dl, const model *m, const factors *f,
                const char *facility_id)
{
  calc_ctx c;
  memset(&c, 0, sizeof c);
  c.a = a;
  c.dl = dl;
  c.m = m;
  c.f = f;
  size_t before = diag_errors(dl);
  c.root = val_obj(a);
  c.notes = val_arr(a);
  c.factors_used = val_arr(a);
  val_set_str(a, c.root, "schema", "auditgen-results/1");
  emit_facility(&c, facility_id);
  calc_energy(&c);
  calc_products_rules(&c);
  calc_carbon(&c);
  calc_metering(&c);
  calc_equipment(&c);
  calc_measures(&c);
  val_set(a, c.root, "factors_used", c.factors_used);
  val_set(a, c.root, "notes", c.notes);
  calc_check_finite(a, dl, m, c.root);
  if (diag_errors(dl) > before)
    return NULL;
  terms_localize(a, f, c.root);
  return c.root;
}
