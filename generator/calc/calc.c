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

#include "../base/buf.h"
#include "../base/fmt.h"
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

const char *calc_origin_of_rule(const char *source)
{
  return source && strncmp(source, "GB", 2) == 0 ? "standard" : "publication";
}

const char *calc_origin_of_user(const m_factor *fo)
{
  return fo && fo->origin ? fo->origin : "enterprise";
}

void calc_set_origin(calc_ctx *c, value *o, const char *prefix,
                     const char *origin)
{
  static const char *const words[][3] = {
      {"standard", "标准", "Standard"},
      {"publication", "公开发布的资料", "Publication"},
      {"calculated", "按本企业数据计算", "Calculated from the enterprise's data"},
      {"measured", "企业实测", "Measured by the enterprise"},
      {"contract", "合同约定值", "Contract value"},
      {"assumed", "假定值", "Assumed"},
      {"enterprise", "企业提供（未说明依据）",
       "Supplied by the enterprise (basis not stated)"}};
  size_t i = 0;
  while (i + 1 < sizeof words / sizeof *words &&
         strcmp(words[i][0], origin) != 0)
    i++;
  val_set_str(c->a, o, arena_printf(c->a, "%sorigin", prefix), words[i][0]);
  val_set_str(c->a, o, arena_printf(c->a, "%sorigin_zh", prefix), words[i][1]);
  val_set_str(c->a, o, arena_printf(c->a, "%sorigin_en", prefix), words[i][2]);
}

void calc_factor_used(calc_ctx *c, const char *key, double x,
                      const char *unit, const char *source,
                      const char *source_zh, bool verified, bool own,
                      const char *origin)
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
  bool of_rules = strcmp(origin, "standard") == 0 ||
                  strcmp(origin, "publication") == 0;
  val_set_bool(c->a, o, "verified", verified && of_rules);
  val_set_bool(c->a, o, "enterprise_value", own);
  calc_set_origin(c, o, "", origin);
  val_set(c->a, o, "layer", val_null(c->a));
  val_push(c->a, c->factors_used, o);
}

void calc_set_layer(arena *a, value *o, const char *layer)
{
  val_set(a, o, "layer", layer ? val_str(a, layer) : val_null(a));
}

void calc_factor_layer(calc_ctx *c, const char *key, const char *layer)
{
  for (size_t i = 0; layer && i < c->factors_used->n; i++) {
    value *o = c->factors_used->items[i];
    if (strcmp(val_get(o, "key")->str, key) == 0) {
      val_set_str(c->a, o, "layer", layer);
      return;
    }
  }
}

void calc_set_cite(arena *a, value *o, const char *prefix, const text2 *cite,
                   const rule_check *chk)
{
  const char *en = cite && cite->en ? cite->en : "";
  const char *zh = cite && cite->zh ? cite->zh : en;
  val_set_str(a, o, arena_printf(a, "%scitation", prefix), en);
  val_set_str(a, o, arena_printf(a, "%scitation_zh", prefix), zh);
  if (chk && chk->present) {
    value *k = val_set(a, o, arena_printf(a, "%schecked", prefix), val_obj(a));
    char on[16];
    date_format(chk->on, on);
    val_set_str(a, k, "by", chk->by);
    val_set_str(a, k, "against", chk->against);
    val_set_str(a, k, "on", arena_strdup(a, on));
  }
}

void calc_factor_cite(calc_ctx *c, const char *key, const text2 *cite,
                      const rule_check *chk)
{
  for (size_t i = 0; i < c->factors_used->n; i++) {
    value *o = c->factors_used->items[i];
    if (strcmp(val_get(o, "key")->str, key) == 0 && !val_get(o, "citation")) {
      calc_set_cite(c->a, o, "", cite, chk);
      return;
    }
  }
}

/* A quantity as written, a Chinese unit in English ("200 万t/a" is
   "200 10⁴ t/a"). */
static const char *text_en(arena *a, const factors *f, const qty *q)
{
  size_t n = strlen(q->text), k = q->unit ? strlen(q->unit) : 0;
  bool ascii = true;
  for (size_t i = 0; i < k; i++)
    ascii &= (unsigned char)q->unit[i] < 0x80;
  /* only a Chinese unit (万t/a) needs words: t/d is t/d in English */
  if (ascii || n < k || strcmp(q->text + n - k, q->unit) != 0)
    return q->text;
  const char *en = terms_unit(a, f, q->unit, false);
  return en == q->unit ? q->text
                       : arena_printf(a, "%.*s%s", (int)(n - k), q->text, en);
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
    /* as a report prints it: the name, with its GB/T 4754 code if any */
    value *l = val_set(a, f, "industry_label", val_obj(a));
    val_set_str(a, l, "zh", m->industry_code
                                ? arena_printf(a, "%s（%s）", m->industry_name.zh,
                                               m->industry_code)
                                : m->industry_name.zh);
    val_set_str(a, l, "en", m->industry_code
                                ? arena_printf(a, "%s (%s)", m->industry_name.en,
                                               m->industry_code)
                                : m->industry_name.en);
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
  /* design capacities as written (5,000 t/d) and the process route */
  value *caps = val_set(a, f, "capacity", val_arr(a));
  for (size_t i = 0; i < m->n_capacity; i++) {
    value *o = val_obj(a);
    val_push(a, caps, o);
    val_set_str(a, o, "name_zh", m->capacity[i].name.zh);
    val_set_str(a, o, "name_en", m->capacity[i].name.en);
    val_set_str(a, o, "value", m->capacity[i].value.text);
    val_set_str(a, o, "value_en", text_en(a, c->f, &m->capacity[i].value));
  }
  if (m->has_process_route) {
    value *pr2 = val_set(a, f, "process", val_obj(a));
    val_set_str(a, pr2, "zh", m->process_route.zh);
    val_set_str(a, pr2, "en", m->process_route.en);
  }

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
  value *team = val_set(a, au, "team", val_arr(a));
  for (size_t i = 0; i < m->n_team; i++) {
    const m_member *mb = &m->team[i];
    value *o = val_obj(a);
    val_push(a, team, o);
    val_set_str(a, o, "name_zh", mb->name.zh);
    val_set_str(a, o, "name_en", mb->name.en);
    val_set_str(a, o, "role_zh", mb->role.zh);
    val_set_str(a, o, "role_en", mb->role.en);
    if (mb->has_qualification) {
      val_set_str(a, o, "qualification_zh", mb->qualification.zh);
      val_set_str(a, o, "qualification_en", mb->qualification.en);
    }
    val_set_str(a, o, "certificate", mb->certificate);
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
  char day[16];
  date_format(m->from, day);
  val_set_str(a, p, "from", day);
  date_format(m->to, day);
  val_set_str(a, p, "to", day);
  val_set_num(a, p, "days", (double)(date_days(m->to) - date_days(m->from) + 1));
  val_set_num(a, p, "months", m->months);
}

/* {====================================================== input echo */

static const char *const forms[] = {"none", "total", "monthly", "register",
                                    "series"};

/* A carrier's names: the rules', else its maker's (an in-house key). */
static void carrier_names(calc_ctx *c, value *o, const char *key)
{
  carrier_fig *cf = calc_carrier(c, key);
  const carrier_def *d = factors_carrier(c->f, key);
  val_set_str(c->a, o, "name_zh", cf ? calc_carrier_name(c, cf, true)
                                  : d ? d->name.zh : key);
  val_set_str(c->a, o, "name_en", cf ? calc_carrier_name(c, cf, false)
                                  : d ? d->name.en : key);
}

/* A meter's place as a report names it. */
static const char *place_name(arena *a, const model *m, int place, bool zh)
{
  if (place == PLACE_OUTSIDE)
    return zh ? arena_printf(a, "%s外部", calc_organisation(m, true))
              : "Outside";
  if (place == PLACE_SITE)
    return zh ? "全厂" : "Whole site";
  return zh ? m->units[place].name.zh : m->units[place].name.en;
}

/* "2016-03": month k (0-based) of the audit period, made once for all
   the meters and products of a run (labels, *n of them so far). */
static const char *month_label(arena *a, const model *m, size_t k,
                               const char ***labels, size_t *n)
{
  if (k >= *n) {
    size_t nn = k + 1 > 2 * *n ? k + 1 : 2 * *n;
    const char **l = ARENA_ARRAY(a, const char *, nn);
    if (*n)
      memcpy(l, *labels, sizeof *l * *n);
    *labels = l;
    *n = nn;
  }
  if (!(*labels)[k]) {
    int ym = m->from.y * 12 + (m->from.m - 1) + (int)k;
    char text[32];
    snprintf(text, sizeof text, "%04d-%02d", ym / 12, ym % 12 + 1);
    (*labels)[k] = arena_intern(a, text);
  }
  return (*labels)[k];
}

/* The figures of the facility file a reader checks the audit against
   (Appendix C): every meter with its reading (by month where the file
   gives months), the stock counts and the prices as written. Numbers
   are in the carrier's base unit. */
static void emit_inputs(calc_ctx *c)
{
  arena *a = c->a;
  const model *m = c->m;
  value *in = val_set(a, c->root, "inputs", val_obj(a));
  value *ms = val_set(a, in, "meters", val_arr(a));
  const char **months = NULL;
  size_t n_months = 0;
  /* the outside as the zh text names it, once */
  const char *outside_zh = place_name(a, m, PLACE_OUTSIDE, true);
  for (size_t i = 0; i < m->n_meters; i++) {
    const m_meter *mt = &m->meters[i];
    value *o = val_obj(a);
    val_push(a, ms, o);
    val_set_str(a, o, "meter", mt->id);
    val_set_str(a, o, "meter_name_zh", mt->name.zh);
    val_set_str(a, o, "meter_name_en", mt->name.en);
    val_set_str(a, o, "carrier", mt->carrier);
    carrier_names(c, o, mt->carrier);
    val_set_str(a, o, "unit", model_carrier_unit(m, c->f, mt->carrier));
    val_set_num(a, o, "level", mt->level);
    val_set_str(a, o, "from", model_place(m, mt->from));
    val_set_str(a, o, "to", model_place(m, mt->to));
    val_set_str(a, o, "from_zh", mt->from == PLACE_OUTSIDE
                                     ? outside_zh
                                     : place_name(a, m, mt->from, true));
    val_set_str(a, o, "from_en", place_name(a, m, mt->from, false));
    val_set_str(a, o, "to_zh", mt->to == PLACE_OUTSIDE
                                   ? outside_zh
                                   : place_name(a, m, mt->to, true));
    val_set_str(a, o, "to_en", place_name(a, m, mt->to, false));
    if (mt->sold_to) /* the group's buyer: rollup nets the sale out */
      val_set_str(a, o, "sold_to", mt->sold_to);
    val_set_str(a, o, "form", forms[mt->form]);
    val_set_str(a, o, "accuracy", mt->accuracy);
    if (mt->form == METER_NONE)
      val_set_null(a, o, "quantity");
    else
      val_set_num(a, o, "quantity", mt->quantity);
    if (mt->form == METER_MONTHLY) {
      value *mo = val_set(a, o, "monthly", val_arr(a));
      for (size_t k = 0; k < mt->n_monthly; k++) {
        value *r = val_obj(a);
        val_push(a, mo, r);
        val_set_str(a, r, "month", month_label(a, m, k, &months, &n_months));
        val_set_num(a, r, "quantity", mt->monthly[k]);
        val_set_str(a, r, "unit", model_carrier_unit(m, c->f, mt->carrier));
      }
    }
  }
  value *st = val_set(a, in, "stock", val_arr(a));
  for (size_t i = 0; i < m->n_stock; i++) {
    const m_stock *sk = &m->stock[i];
    value *o = val_obj(a);
    val_push(a, st, o);
    val_set_str(a, o, "carrier", sk->carrier);
    carrier_names(c, o, sk->carrier);
    val_set_str(a, o, "unit", model_carrier_unit(m, c->f, sk->carrier));
    val_set_num(a, o, "opening", sk->opening);
    val_set_num(a, o, "closing", sk->closing);
  }
  value *ps = val_set(a, in, "prices", val_arr(a));
  for (size_t i = 0; i < m->n_prices; i++) {
    const m_price *pr = &m->prices[i];
    value *o = val_obj(a);
    val_push(a, ps, o);
    val_set_str(a, o, "carrier", pr->carrier);
    carrier_names(c, o, pr->carrier);
    val_set_str(a, o, "text", pr->text);
    val_set_str(a, o, "vat", pr->vat == VAT_INCLUDED   ? "included"
                             : pr->vat == VAT_EXCLUDED ? "excluded"
                                                       : "not_stated");
  }
  value *eq = val_set(a, in, "equipment", val_arr(a));
  for (size_t i = 0; i < m->n_equipment; i++) {
    const m_equipment *e = &m->equipment[i];
    value *o = val_obj(a);
    val_push(a, eq, o);
    val_set_str(a, o, "id", e->id);
    val_set_str(a, o, "name_zh", e->name.zh);
    val_set_str(a, o, "name_en", e->name.en);
    val_set_str(a, o, "kind", e->kind);
    const eq_kind *k = factors_equipment(c->f, e->kind);
    val_set_str(a, o, "kind_zh", k ? k->name.zh : e->kind);
    val_set_str(a, o, "kind_en", k ? k->name.en : e->kind);
    if (e->capacity.set)
      val_set_str(a, o, "capacity", e->capacity.text);
    else
      val_set_null(a, o, "capacity");
    if (e->unit >= 0) {
      val_set_str(a, o, "unit_zh", m->units[e->unit].name.zh);
      val_set_str(a, o, "unit_en", m->units[e->unit].name.en);
    } else {
      val_set_null(a, o, "unit_zh");
      val_set_null(a, o, "unit_en");
    }
  }
  value *pd = val_set(a, in, "products", val_arr(a));
  for (size_t i = 0; i < m->n_products; i++) {
    const m_product *p = &m->products[i];
    value *o = val_obj(a);
    val_push(a, pd, o);
    val_set_str(a, o, "id", p->id);
    val_set_str(a, o, "name_zh", p->name.zh);
    val_set_str(a, o, "name_en", p->name.en);
    val_set_str(a, o, "unit", p->unit);
    val_set_num(a, o, "quantity", p->quantity.v);
    if (p->monthly) {
      value *mo = val_set(a, o, "monthly", val_arr(a));
      for (size_t k = 0; k < p->n_monthly; k++) {
        value *r = val_obj(a);
        val_push(a, mo, r);
        val_set_str(a, r, "month", month_label(a, m, k, &months, &n_months));
        val_set_num(a, r, "quantity", p->monthly[k]);
        val_set_str(a, r, "unit", p->unit);
      }
    }
  }
}

/* }====================================================== */
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

/* Appends a label for an array item, as val_path reads it: [id], else
   [i]. */
static void item_label(buf *path, const value *item, size_t i)
{
  static const char *const keys[] = {"id", "carrier", "key", "meter"};
  for (size_t k = 0; item->kind == VAL_OBJ && k < 4; k++) {
    const value *x = val_get(item, keys[k]);
    if (x && x->kind == VAL_STR) {
      buf_printf(path, "[%s]", x->str);
      return;
    }
  }
  buf_printf(path, "[%zu]", i);
}

/* The path of v is in path (one buffer for the whole walk, cut back after
   each child): no string is made per node, only per error. */
static void walk(guard *g, const value *v, buf *path)
{
  size_t mark = path->len;
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
                 path->data, isnan(v->num) ? "NaN" : "an infinity", detail);
      g->found++;
    }
    break;
  case VAL_ARR:
    for (size_t i = 0; i < v->n; i++) {
      item_label(path, v->items[i], i);
      walk(g, v->items[i], path);
      path->len = mark;
      path->data[mark] = '\0';
    }
    break;
  case VAL_OBJ:
    for (size_t i = 0; i < v->n; i++) {
      if (mark)
        buf_putc(path, '.');
      buf_puts(path, v->keys[i]);
      walk(g, v->items[i], path);
      path->len = mark;
      path->data[mark] = '\0';
    }
    break;
  default:
    break;
  }
}

/* Whether any number under v is not finite: walk, which builds the path
   of every value it passes, runs only when there is one to report. */
static bool any_nonfinite(const value *v)
{
  if (v->kind == VAL_NUM)
    return !isfinite(v->num);
  if (v->kind == VAL_ARR || v->kind == VAL_OBJ)
    for (size_t i = 0; i < v->n; i++)
      if (any_nonfinite(v->items[i]))
        return true;
  return false;
}

size_t calc_check_finite(arena *a, diag_list *dl, const model *m,
                         const value *results)
{
  guard g = {a, dl, m, results, 0};
  if (any_nonfinite(results)) {
    buf path;
    buf_init(&path);
    walk(&g, results, &path);
    buf_fini(&path);
  }
  return g.found;
}

/* The files behind the figures, in the order the facility file first
   lists them: what each supports, its size and SHA-256 (evidence.h). The
   checked real path is not printed: the JSON names files as the facility
   file does, so the same input gives the same results anywhere. */
static void emit_evidence(calc_ctx *c)
{
  arena *a = c->a;
  const evidence_list *ev = &c->m->evidence;
  value *list = val_set(a, c->root, "evidence", val_arr(a));
  for (size_t i = 0; i < ev->n; i++) {
    const m_evidence *e = &ev->items[i];
    value *o = val_obj(a);
    val_set_num(a, o, "no", (double)(i + 1));
    val_set_str(a, o, "file", e->file);
    value *t = val_set(a, o, "title", val_obj(a));
    val_set_str(a, t, "zh", e->title.zh);
    val_set_str(a, t, "en", e->title.en);
    val_set_str(a, o, "type", evidence_type_name(e->type));
    val_set_num(a, o, "bytes", (double)e->bytes);
    val_set_str(a, o, "sha256", e->sha256);
    if (e->type != EVIDENCE_PDF) {
      val_set_num(a, o, "width_px", e->width);
      val_set_num(a, o, "height_px", e->height);
    }
    /* what it supports, as a report prints it: 计量器具 C01 进厂原煤汽车衡；… */
    static const char *const kinds[][3] = {
        {"meter", "计量器具", "meter"},
        {"product", "产品", "product"},
        {"equipment", "设备", "equipment"},
        {"factor", "因子", "factor"},
        {"process_emission", "过程排放", "process emission"}};
    const char *zh = "", *en = "";
    for (size_t k = 0; k < e->n_supports; k++) {
      const m_support *sp = &e->supports[k];
      const char *kz = sp->kind, *ke = sp->kind;
      for (size_t j = 0; j < sizeof kinds / sizeof kinds[0]; j++)
        if (strcmp(kinds[j][0], sp->kind) == 0) {
          kz = kinds[j][1];
          ke = kinds[j][2];
        }
      bool nz = strcmp(sp->name.zh, sp->id) != 0, ne = strcmp(sp->name.en, sp->id) != 0;
      zh = arena_printf(a, "%s%s%s %s%s%s", zh, k ? "；" : "", kz, sp->id,
                        nz ? " " : "", nz ? sp->name.zh : "");
      en = arena_printf(a, "%s%s%s %s%s%s", en, k ? "; " : "", ke, sp->id,
                        ne ? " " : "", ne ? sp->name.en : "");
    }
    value *st = val_set(a, o, "supports_text", val_obj(a));
    val_set_str(a, st, "zh", zh);
    val_set_str(a, st, "en", en);
    value *sup = val_set(a, o, "supports", val_arr(a));
    for (size_t k = 0; k < e->n_supports; k++) {
      const m_support *sp = &e->supports[k];
      value *so = val_obj(a);
      val_set_str(a, so, "kind", sp->kind);
      val_set_str(a, so, "id", sp->id);
      value *n = val_set(a, so, "name", val_obj(a));
      val_set_str(a, n, "zh", sp->name.zh);
      val_set_str(a, n, "en", sp->name.en);
      val_push(a, sup, so);
    }
    val_push(a, list, o);
  }
}

/* }====================================================== */

const char *calc_num_text(arena *a, double x, int decimals)
{
  char text[64];
  return arena_strdup(a, fmt_num(x, decimals, true, text, sizeof text));
}

value *calc_run(arena *a, diag_list *dl, const model *m, const factors *f,
                const char *facility_id)
{
  return calc_run_at(a, dl, m, f, facility_id, NULL);
}

/* The results tree; localize: with the wording of its traces (terms.c),
   which only the outputs read. */
static value *run(arena *a, diag_list *dl, const model *m, const factors *f,
                  const char *facility_id, const date *as_of, bool localize)
{
  calc_ctx c;
  memset(&c, 0, sizeof c);
  c.a = a;
  c.dl = dl;
  c.m = m;
  c.f = f;
  c.as_of = as_of;
  size_t before = diag_errors(dl);
  c.root = val_obj(a);
  c.notes = val_arr(a);
  c.factors_used = val_arr(a);
  val_set_str(a, c.root, "schema", "auditgen-results/1");
  emit_facility(&c, facility_id);
  calc_building_facility(&c);
  calc_editions(&c);
  calc_energy(&c);
  calc_products_rules(&c);
  calc_editions_products(&c);
  calc_products_potential(&c);
  calc_stages(&c);
  calc_carbon(&c);
  calc_building(&c);
  calc_metering(&c);
  calc_equipment(&c);
  calc_editions_finish(&c);
  calc_measures(&c);
  calc_management(&c);
  calc_declared(&c);
  calc_history(&c);
  emit_inputs(&c);
  emit_evidence(&c);
  val_set(a, c.root, "factors_used", c.factors_used);
  val_set(a, c.root, "notes", c.notes);
  calc_check_finite(a, dl, m, c.root);
  if (diag_errors(dl) > before)
    return NULL;
  if (localize)
    terms_localize(a, f, c.root);
  return c.root;
}

value *calc_run_at(arena *a, diag_list *dl, const model *m, const factors *f,
                   const char *facility_id, const date *as_of)
{
  return run(a, dl, m, f, facility_id, as_of, true);
}

bool calc_validate(arena *a, diag_list *dl, const model *m, const factors *f,
                   const date *as_of)
{
  return run(a, dl, m, f, "check", as_of, false) != NULL;
}
