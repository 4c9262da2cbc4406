/* carbon.c — the carbon audit: fuel combustion, process emissions,
 * purchased electricity and heat, totals, intensities and ETS coverage.
 *
 * Input: the model, the rules and the carrier figures of energy.c.
 * Output: carbon.* of the results tree, and each carrier's emission per
 * unit (used for products and measures). Definitions: docs/calculation.md
 * "The carbon audit"; GB/T 32150-2015 and the industry guidelines. */
#include "internal.h"

#include <math.h>
#include <string.h>

#include "../base/fmt.h"
#include "../rules/terms.h"

#define CO2_PER_C (44.0 / 12.0)

static const m_factor *override_of(const model *m, const char *key)
{
  for (size_t i = 0; i < m->n_factor_overrides; i++)
    if (strcmp(m->factor_overrides[i].carrier, key) == 0)
      return &m->factor_overrides[i];
  return NULL;
}

/* {====================================================== grid factor */

/* The regional grid of the facility: its `grid`, else its province's. */
static const char *grid_region(calc_ctx *c)
{
  if (c->m->grid)
    return c->m->grid;
  for (size_t i = 0; c->m->province && i < c->f->n_provinces; i++)
    if (strcmp(c->f->provinces[i].province, c->m->province) == 0)
      return c->f->provinces[i].region;
  return "national";
}

const year_value *calc_pick_factor(const grid_set *g, const char *region,
                                   int year, bool *fallback_year)
{
  const year_value *best = NULL, *earliest = NULL;
  for (size_t i = 0; i < g->n; i++) {
    const year_value *y = &g->factors[i];
    if (strcmp(y->region, region) != 0)
      continue;
    if (y->year <= year && (!best || y->year > best->year))
      best = y;
    if (!earliest || y->year < earliest->year)
      earliest = y;
  }
  *fallback_year = !best && earliest;
  return best ? best : earliest;
}

/* Bilingual names of the grid regions (MEE/NBS usage); a province's own
   factor is named by the province (rules/names.yaml). */
static const char *grid_name(calc_ctx *c, const char *region, bool zh)
{
  static const char *const names[][3] = {
      {"national", "全国电网", "national grid"},
      {"north", "华北电网", "North China grid"},
      {"northeast", "东北电网", "Northeast China grid"},
      {"east_china", "华东电网", "East China grid"},
      {"central", "华中电网", "Central China grid"},
      {"northwest", "西北电网", "Northwest China grid"},
      {"south", "南方电网", "China Southern grid"},
      {"southwest", "西南电网", "Southwest China grid"},
      {"enterprise", "企业自定因子", "enterprise's own factor"}};
  for (size_t i = 0; i < sizeof names / sizeof *names; i++)
    if (strcmp(names[i][0], region) == 0)
      return names[i][zh ? 1 : 2];
  const term_def *p = terms_lookup(c->f, TERM_PROVINCE, region);
  if (p)
    return zh ? p->text.zh : p->text.en;
  return region;
}

static void grid_names(calc_ctx *c, value *o, const char *region)
{
  val_set_str(c->a, o, "grid_name_zh", grid_name(c, region, true));
  val_set_str(c->a, o, "grid_name_en", grid_name(c, region, false));
}

/* Sets c->grid_factor and fills the scope-2 header fields of o. */
static void grid_factor(calc_ctx *c, value *o)
{
  arena *a = c->a;
  const m_factor *fo = override_of(c->m, "electricity");
  c->grid_factor = NAN;
  if (fo && fo->has_ef) {
    c->grid_factor = fo->ef * 1000.0; /* tCO2/kWh -> tCO2/MWh */
    val_set_str(a, o, "grid", "enterprise");
    grid_names(c, o, "enterprise");
    val_set_null(a, o, "grid_year");
    val_set_num(a, o, "grid_factor_tco2_per_mwh", c->grid_factor);
    val_set_str(a, o, "grid_factor_source", fo->source.en);
    val_set_str(a, o, "grid_factor_source_zh", fo->source.zh);
    /* the enterprise's value: its own, never "verified" by the rules */
    val_set_bool(a, o, "grid_factor_verified", false);
    calc_set_origin(c, o, "grid_factor_", calc_origin_of_user(fo));
    calc_set_cite(a, o, "grid_factor_", &fo->source, NULL);
    calc_factor_used(c, "electricity.emission_factor", c->grid_factor,
                     "tCO2/MWh", fo->source.en, fo->source.zh, false, true,
                     calc_origin_of_user(fo));
    calc_factor_cite(c, "electricity.emission_factor", &fo->source, NULL);
    return;
  }
  const grid_set *set = NULL;
  for (size_t i = 0; i < c->f->n_grid_sets; i++)
    if (strcmp(c->f->grid_sets[i].key, "average") == 0)
      set = &c->f->grid_sets[i];
  const char *region = grid_region(c);
  int year = c->m->grid_year ? c->m->grid_year : c->m->to.y;
  bool fallback = false;
  const year_value *y =
      set ? calc_pick_factor(set, region, year, &fallback) : NULL;
  if (!y && set && strcmp(region, "national") != 0) {
    calc_note(c, "carbon.scope2.grid_factor_tco2_per_mwh",
              arena_printf(a, "规则中没有%s的排放因子，采用全国电网平均排放因子。",
                           grid_name(c, region, true)),
              arena_printf(a, "No emission factor for the %s in the "
                              "rules: the national average is used.",
                           grid_name(c, region, false)));
    region = "national";
    y = calc_pick_factor(set, region, year, &fallback);
  }
  val_set_str(a, o, "grid", region);
  grid_names(c, o, region);
  if (!y) {
    val_set_null(a, o, "grid_year");
    val_set_null(a, o, "grid_factor_tco2_per_mwh");
    calc_note(c, "carbon.scope2.grid_factor_tco2_per_mwh",
              "规则中没有可用的电网排放因子，外购电力排放未计算。",
              "No grid emission factor in the rules: purchased electricity "
              "emissions are not computed.");
    return;
  }
  c->grid_factor = y->value;
  val_set_num(a, o, "grid_year", y->year);
  val_set_num(a, o, "grid_year_wanted", year);
  val_set_num(a, o, "grid_factor_tco2_per_mwh", y->value);
  val_set_str(a, o, "grid_factor_set", set->key);
  val_set_str(a, o, "grid_factor_source", y->source.en);
  val_set_str(a, o, "grid_factor_source_zh", y->source.zh);
  val_set_bool(a, o, "grid_factor_verified", y->verified);
  calc_set_origin(c, o, "grid_factor_", calc_origin_of_rule(y->source.en));
  calc_set_cite(a, o, "grid_factor_", &y->citation, &y->checked);
  calc_factor_used(c, "electricity.emission_factor", y->value, "tCO2/MWh",
                   arena_printf(a, "%s, %s, data year %d", y->source.en,
                                grid_name(c, region, false), y->year),
                   y->source.zh
                       ? arena_printf(a, "%s，%s，数据年份%d", y->source.zh,
                                      val_get(o, "grid_name_zh")->str, y->year)
                       : NULL,
                   y->verified, false, calc_origin_of_rule(y->source.en));
  calc_factor_cite(c, "electricity.emission_factor", &y->citation,
                   &y->checked);
  calc_factor_layer(c, "electricity.emission_factor", y->layer);
  if (fallback)
    calc_note(c, "carbon.scope2.grid_factor_tco2_per_mwh",
              arena_printf(a, "没有%d年及以前的%s排放因子，采用最早公布的%d年因子。",
                           year, grid_name(c, region, true), y->year),
              arena_printf(a, "No factor of the %s for %d or earlier: the "
                              "earliest published one (%d) is used.",
                           grid_name(c, region, false), year, y->year));
  if (!y->verified)
    calc_note(c, "carbon.scope2.grid_factor_tco2_per_mwh",
              "所用电网排放因子未经公开来源核实。",
              "The grid emission factor used is not verified against its "
              "publication.");
}

/* }====================================================== */
/* {====================================================== combustion */

/* Emission factor of a fuel per carrier unit, with the three factors and
   whether each is the enterprise's own. */
typedef struct fuel_factors {
  bool ok;
  double ncv_gj, cc, ox;
  bool own_ncv, own_cc, own_ox;
} fuel_factors;

static fuel_factors fuel_factors_of(calc_ctx *c, const carrier_fig *cf)
{
  fuel_factors ff;
  memset(&ff, 0, sizeof ff);
  const carrier_def *d = cf->def;
  const m_factor *fo = override_of(c->m, cf->key);
  bool have_ncv = false, have_cc = false, have_ox = false;
  if (fo && fo->has_ncv) {
    ff.ncv_gj = fo->ncv_mj / 1000.0;
    ff.own_ncv = have_ncv = true;
  } else if (d && d->has_carbon) {
    ff.ncv_gj = d->c_ncv_gj;
    have_ncv = true;
  }
  if (fo && fo->has_cc) {
    ff.cc = fo->cc;
    ff.own_cc = have_cc = true;
  } else if (d && d->has_carbon) {
    ff.cc = d->c_cc;
    have_cc = true;
  }
  if (fo && fo->has_ox) {
    ff.ox = fo->ox;
    ff.own_ox = have_ox = true;
  } else if (d && d->has_carbon) {
    ff.ox = d->c_ox;
    have_ox = true;
  }
  ff.ok = have_ncv && have_cc && have_ox;
  return ff;
}

/* How a trace names a value of the facility file, by its origin. */
static void own_words(const m_factor *fo, const char **en, const char **zh)
{
  const char *o = calc_origin_of_user(fo);
  if (strcmp(o, "measured") == 0)
    *en = "enterprise (measured)", *zh = "企业实测";
  else if (strcmp(o, "contract") == 0)
    *en = "enterprise (contract)", *zh = "企业合同约定值";
  else if (strcmp(o, "assumed") == 0)
    *en = "enterprise (assumed)", *zh = "企业假定值";
  else if (strcmp(o, "publication") == 0)
    *en = "enterprise (publication)", *zh = "企业引用的公开资料";
  else
    *en = "enterprise (basis not stated)", *zh = "企业提供（未说明依据）";
}

/* The quantity of each fuel that process_emissions[] use as raw material
   (`carrier:`), into carrier_fig.feedstock, bounded by what was consumed:
   a feedstock of a fuel the facility did not consume, or more of it than
   it consumed, is an input error at the row that goes over. The energy
   audit keeps the whole consumption (GB/T 2589): energy.carriers[] gets
   raw_material (form 205-1, column 6). */
static void feedstock_taken(calc_ctx *c)
{
  arena *a = c->a;
  for (size_t i = 0; i < c->m->n_process; i++) {
    const m_process *p = &c->m->process[i];
    if (!p->carrier)
      continue;
    carrier_fig *cf = calc_carrier(c, p->carrier);
    char t1[48], t2[48];
    if (!cf || cf->consumed <= 0) {
      diag_error(c->dl, p->carrier_pos,
                 "%s.carrier: no %s is consumed in the period, so none can "
                 "be used as feedstock",
                 p->path, p->carrier);
      continue;
    }
    bool within = cf->feedstock <= cf->consumed * (1 + 1e-9);
    cf->feedstock += p->activity.v;
    if (within && cf->feedstock > cf->consumed * (1 + 1e-9))
      diag_error(c->dl, p->activity.pos,
                 "%s.activity: %s %s of %s used as feedstock in all, more "
                 "than the %s %s consumed in the period",
                 p->path, fmt_num(cf->feedstock, 2, true, t1, sizeof t1),
                 cf->unit, p->carrier,
                 fmt_num(cf->consumed, 2, true, t2, sizeof t2), cf->unit);
  }
  for (size_t k = 0; k < c->n_carriers; k++)
    if (c->carriers[k].feedstock > 0 && c->carriers[k].node)
      val_set_num(a, c->carriers[k].node, "raw_material",
                  c->carriers[k].feedstock);
}

static double combustion(calc_ctx *c, value *scope1, carbon_fig *figs)
{
  arena *a = c->a;
  value *arr = val_set(a, scope1, "combustion", val_arr(a));
  double total = 0;
  for (size_t k = 0; k < c->n_carriers; k++) {
    carrier_fig *cf = &c->carriers[k];
    if (!cf->def || cf->def->cls != CARRIER_FUEL)
      continue;
    fuel_factors ff = fuel_factors_of(c, cf);
    if (ff.ok) {
      figs[k].known = true;
      figs[k].per_unit = ff.ncv_gj * ff.cc * ff.ox * CO2_PER_C;
    }
    if (cf->consumed == 0)
      continue;
    value *o = calc_carrier_row(c, arr, cf);
    val_set_num(a, o, "consumed", cf->consumed);
    if (!ff.ok) {
      val_set_null(a, o, "tco2");
      calc_note(c, arena_printf(a, "carbon.scope1.combustion[%s].tco2", cf->key),
                arena_printf(a, "规则中没有%s的燃烧排放缺省因子，企业也未提供实测值。",
                             cf->def->name.zh),
                arena_printf(a, "No combustion defaults for %s in the rules "
                                "and no measured values: not computed.",
                             cf->def->name.en));
      continue;
    }
    /* a quantity used as raw material is in the process carbon balance */
    double burnt = cf->consumed - cf->feedstock;
    double e = burnt * figs[k].per_unit;
    total += e;
    if (cf->feedstock > 0)
      val_set_num(a, o, "feedstock", cf->feedstock);
    val_set_num(a, o, "combusted", burnt);
    val_set_num(a, o, "ncv_gj", ff.ncv_gj);
    val_set_num(a, o, "carbon_tc_per_gj", ff.cc);
    val_set_num(a, o, "oxidation", ff.ox);
    value *own = val_set(a, o, "measured", val_obj(a));
    val_set_bool(a, own, "ncv", ff.own_ncv);
    val_set_bool(a, own, "carbon_content", ff.own_cc);
    val_set_bool(a, own, "oxidation", ff.own_ox);
    val_set_bool(a, o, "defaults_verified", cf->def->c_verified);
    value *v = val_set_num(a, o, "tco2", e);
    trace *t = val_trace(a, v,
                         cf->feedstock > 0
                             ? "(consumed − feedstock) × NCV × CC × OX × 44/12"
                             : "consumed × NCV × CC × OX × 44/12",
                         "GB/T 32150-2015 附录; 核算指南 燃料燃烧排放");
    trace_add(a, t, "consumed", cf->consumed, cf->unit, NULL);
    if (cf->feedstock > 0) {
      trace_add2(a, t, "feedstock", cf->feedstock, cf->unit,
                 "the process rows that name this fuel as raw material",
                 "过程排放中注明该燃料为原料的行（能源作为原材料）");
      trace_label(a, t, "用作原料的量", "Used as raw material");
    }
    const char *oen, *ozh;
    own_words(override_of(c->m, cf->key), &oen, &ozh);
    const text2 *cite = &cf->def->c_citation;
    trace_add2(a, t, "NCV", ff.ncv_gj, arena_printf(a, "GJ/%s", cf->unit),
               ff.own_ncv ? oen : cite->en, ff.own_ncv ? ozh : cite->zh);
    trace_add2(a, t, "CC", ff.cc, "tC/GJ", ff.own_cc ? oen : cite->en,
               ff.own_cc ? ozh : cite->zh);
    trace_add2(a, t, "OX", ff.ox, NULL, ff.own_ox ? oen : cite->en,
               ff.own_ox ? ozh : cite->zh);
    if (ff.own_ncv || ff.own_cc || ff.own_ox)
      calc_set_origin(c, own, "", calc_origin_of_user(override_of(c->m,
                                                                  cf->key)));
    if (!ff.own_ncv || !ff.own_cc || !ff.own_ox) {
      calc_factor_used(c, arena_printf(a, "%s.carbon", cf->key),
                       ff.ncv_gj * ff.cc * ff.ox * CO2_PER_C,
                       arena_printf(a, "tCO2/%s", cf->unit),
                       cf->def->c_source.en, cf->def->c_source.zh,
                       cf->def->c_verified, false,
                       calc_origin_of_rule(cf->def->c_source.en));
      calc_factor_cite(c, arena_printf(a, "%s.carbon", cf->key), cite,
                       &cf->def->c_checked);
      calc_factor_layer(c, arena_printf(a, "%s.carbon", cf->key),
                        cf->def->c_layer);
    }
  }
  return total;
}

/* }====================================================== */
/* {====================================================== process */

/* The unit of a quantity as written ("1,553,260 t" → "t"), or NULL. */
static const char *unit_of(const char *text)
{
  if (!text)
    return NULL;
  const char *u = text + strspn(text, "0123456789,.+-eE ");
  return *u ? u : NULL;
}

static double process(calc_ctx *c, value *scope1)
{
  arena *a = c->a;
  value *arr = val_set(a, scope1, "process", val_arr(a));
  double total = 0;
  for (size_t i = 0; i < c->m->n_process; i++) {
    const m_process *p = &c->m->process[i];
    value *o = val_obj(a);
    val_push(a, arr, o);
    val_set_str(a, o, "id", p->id);
    val_set_str(a, o, "name_zh", p->name.zh);
    val_set_str(a, o, "name_en", p->name.en);
    const qty *fq = &p->factor;
    const char *src = p->has_source ? p->source.en : "enterprise";
    const char *src_zh = p->has_source ? p->source.zh : "企业提供";
    bool verified = true;
    text2 cite = {.en = src, .zh = src_zh};
    const rule_check *chk = NULL;
    const char *layer = NULL;
    if (p->rule) {
      const process_rule *pr = factors_process(c->f, p->rule);
      if (!pr) {
        val_set_null(a, o, "tco2");
        calc_note(c, arena_printf(a, "carbon.scope1.process[%s].tco2", p->id),
                  arena_printf(a, "规则中没有过程排放因子“%s”。", p->rule),
                  arena_printf(a, "No process factor \"%s\" in the rules: not "
                                  "computed.",
                               p->rule));
        continue;
      }
      if (pr->formula != PF_FACTOR) {
        proc_feed feed;
        memset(&feed, 0, sizeof feed);
        carrier_fig *cf = p->carrier ? calc_carrier(c, p->carrier) : NULL;
        if (cf && cf->def) {
          fuel_factors ff = fuel_factors_of(c, cf);
          feed.unit = cf->unit;
          feed.name = cf->def->name;
          feed.known = ff.ok;
          feed.tc_per_unit = ff.ncv_gj * ff.cc;
          feed.own = ff.own_ncv || ff.own_cc;
          feed.citation = cf->def->c_citation;
          feed.verified = cf->def->c_verified;
          if (!ff.ok && !p->params[PP_CARBON_CONTENT].has)
            diag_error(c->dl, p->carrier_pos,
                       "%s: give carbon_content: the rules have no carbon "
                       "defaults for %s and the facility gives none",
                       p->path, p->carrier);
        }
        double e = calc_process_formula(c, p, pr, cf ? &feed : NULL, o);
        if (p->carrier)
          val_set_str(a, o, "carrier", p->carrier);
        total += e;
        val_set_num(a, o, "activity", p->activity.v);
        val_set_str(a, o, "activity_text", p->activity.text);
        val_set_str(a, o, "rule", p->rule);
        val_set_str(a, o, "source", pr->source.en);
        val_set_str(a, o, "source_zh", pr->source.zh ? pr->source.zh
                                                     : pr->source.en);
        val_set_bool(a, o, "verified", pr->verified);
        calc_set_layer(a, o, pr->layer);
        calc_set_cite(a, o, "", &pr->citation, &pr->checked);
        if (p->product >= 0)
          val_set_str(a, o, "product", c->m->products[p->product].id);
        continue;
      }
      fq = &pr->factor;
      src = pr->source.en;
      src_zh = pr->source.zh;
      verified = pr->verified;
      cite = pr->citation;
      chk = &pr->checked;
      layer = pr->layer;
    }
    /* Dimensions: tCO2 per activity unit; check the activity fits. */
    dimvec per = fq->dim;
    per.e[DIM_CO2]--;
    dimvec act = p->activity.dim;
    bool fits = true;
    for (int d = 0; d < DIM_COUNT; d++)
      fits &= per.e[d] == -act.e[d];
    if (!fits) {
      val_set_null(a, o, "tco2");
      calc_note(c, arena_printf(a, "carbon.scope1.process[%s].tco2", p->id),
                "过程排放因子的单位与活动水平不一致。",
                "The process factor's unit does not fit the activity.");
      continue;
    }
    double e = p->activity.v * fq->v;
    total += e;
    val_set_num(a, o, "activity", p->activity.v);
    val_set_str(a, o, "activity_text", p->activity.text);
    val_set_str(a, o, "factor_text", fq->text);
    value *v = val_set_num(a, o, "tco2", e);
    trace *t = val_trace(a, v, "activity × factor",
                         "GB/T 32150-2015 (过程排放)");
    trace_add(a, t, "activity", p->activity.v, unit_of(p->activity.text),
              NULL);
    trace_add2(a, t, "factor", fq->v, unit_of(fq->text), cite.en, cite.zh);
    val_set_str(a, o, "source", src);
    val_set_str(a, o, "source_zh", src_zh ? src_zh : src);
    val_set_bool(a, o, "verified", verified);
    calc_set_layer(a, o, layer);
    calc_set_cite(a, o, "", &cite, chk);
    if (p->product >= 0)
      val_set_str(a, o, "product", c->m->products[p->product].id);
  }
  return total;
}

/* }====================================================== */
/* {====================================================== scope 2 */

/* GJ of heat in one unit of a heat-carrying carrier (heat: 1; steam: its
   enthalpy), or NAN. */
static double heat_gj_per_unit(calc_ctx *c, const carrier_fig *cf)
{
  if (!cf->def)
    return NAN;
  if (cf->def->cls == CARRIER_HEAT)
    return strcmp(cf->unit, "GJ") == 0 ? 1.0 : (double)NAN;
  if (cf->def->cls == CARRIER_STEAM) {
    const m_factor *fo = override_of(c->m, cf->key);
    if (fo && fo->has_enthalpy)
      return fo->enthalpy_mj / 1000.0;
    if (isfinite(cf->def->ncv_mj))
      return cf->def->ncv_mj / 1000.0;
  }
  return NAN;
}

/* The facility's ETS sector (rules/ets.yaml), or NULL. */
static const ets_sector *ets_sector_of(const calc_ctx *c)
{
  const ets_rules *r = &c->f->ets;
  /* a sector names a code or a key of rules/industries.yaml; the
     facility is in it when its code lies within the sector's
     (C3011 within C30), or when both name the same own key */
  for (size_t i = 0; c->m->industry && r->present && i < r->n_sectors; i++) {
    const char *code = NULL;
    text2 name;
    if (!industries_resolve(c->f, r->sectors[i].industry, &code, &name))
      continue;
    if (code ? industries_within(c->m->industry_code, code)
             : strcmp(r->sectors[i].industry, c->m->industry) == 0)
      return &r->sectors[i];
  }
  return NULL;
}

/* Whether the sector's guideline counts exports as the product. */
static bool exports_are_product(const calc_ctx *c)
{
  const ets_sector *sec = ets_sector_of(c);
  return sec && sec->exports_product;
}

static double scope2(calc_ctx *c, value *o, carbon_fig *figs)
{
  arena *a = c->a;
  grid_factor(c, o);
  bool guideline = exports_are_product(c);
  double total = 0;
  carrier_fig *el = calc_carrier(c, "electricity");
  double p_mwh = el ? el->purchased / 1000.0 : 0;
  double s_mwh = el ? el->sold / 1000.0 : 0;
  val_set_num(a, o, "electricity_purchased_mwh", p_mwh);
  val_set_num(a, o, "electricity_exported_mwh", s_mwh);
  if (isfinite(c->grid_factor)) {
    /* GB/T 32150 and results.md: net purchases, exports deducted. The
       power-generation guideline counts a power plant's exports as its
       product instead; that figure is given beside the net one. */
    double e = (p_mwh - s_mwh) * c->grid_factor;
    val_set_num(a, o, "electricity_purchased_tco2", p_mwh * c->grid_factor);
    val_set_num(a, o, "electricity_exported_tco2", s_mwh * c->grid_factor);
    value *v = val_set_num(a, o, "electricity_tco2", e);
    trace *t = val_trace(a, v, "(purchased − exported) MWh × grid factor",
                         "GB/T 32150-2015 (净购入电力)");
    trace_add(a, t, "purchased", p_mwh, "MWh", NULL);
    trace_add(a, t, "exported", s_mwh, "MWh", NULL);
    trace_add(a, t, "grid factor", c->grid_factor, "tCO2/MWh", NULL);
    total += e;
    if (guideline && s_mwh > 0)
      calc_note(c, "carbon.scope2.electricity_tco2",
                "按GB/T 32150扣除了上网电量；发电设施核算指南将上网电量视为产品、不予扣除，按该口径的排放总量见附录A。",
                "Exports are deducted as GB/T 32150 requires; the "
                "power-generation guideline treats them as the product and "
                "does not deduct them: the total on that basis is in "
                "Appendix A.");
    if (el) {
      size_t k = (size_t)(el - c->carriers);
      double total_supply = el->purchased + el->produced;
      figs[k].known = true;
      /* Inside the boundary only the purchased part carries grid
         emissions; in-house power carries those of its fuel. */
      figs[k].per_unit = total_supply > 0
                             ? c->grid_factor / 1000.0 * el->purchased /
                                   total_supply
                             : c->grid_factor / 1000.0;
    }
  } else {
    val_set_null(a, o, "electricity_tco2");
  }
  double heat_e = 0, heat_gj = 0, heat_out_gj = 0;
  bool any_heat = false;
  for (size_t k = 0; k < c->n_carriers; k++) {
    carrier_fig *cf = &c->carriers[k];
    double gj = heat_gj_per_unit(c, cf);
    if (!isfinite(gj) || !c->f->has_heat_factor)
      continue;
    if (cf->purchased == 0 && cf->sold == 0)
      continue;
    any_heat = true;
    heat_gj += cf->purchased * gj;
    heat_out_gj += cf->sold * gj;
    /* per carrier, so that a group (rollup) can net a sale between two
       of its facilities out of their scope 2 */
    value *hc = val_get(o, "heat_carriers");
    if (!hc)
      hc = val_set(a, o, "heat_carriers", val_arr(a));
    value *row = val_obj(a);
    val_push(a, hc, row);
    val_set_str(a, row, "carrier", cf->key);
    val_set_str(a, row, "unit", cf->unit);
    val_set_num(a, row, "gj_per_unit", gj);
    val_set_num(a, row, "purchased_gj", cf->purchased * gj);
    val_set_num(a, row, "exported_gj", cf->sold * gj);
    if (cf->purchased > 0) {
      /* what is bought; a carrier also made inside gets the blend of
         bought and made in in_house_emissions, which keeps this rate for
         the bought part */
      figs[k].known = true;
      figs[k].per_unit = gj * c->f->heat_factor;
    }
  }
  val_set_num(a, o, "heat_purchased_gj", heat_gj);
  val_set_num(a, o, "heat_exported_gj", heat_out_gj);
  if (any_heat) {
    val_set_num(a, o, "heat_factor_tco2_per_gj", c->f->heat_factor);
    heat_e = (heat_gj - heat_out_gj) * c->f->heat_factor;
    value *v = val_set_num(a, o, "heat_tco2", heat_e);
    trace *t = val_trace(a, v, "(purchased − exported) GJ × heat factor",
                         "GB/T 32150-2015 (净购入热力)");
    trace_add(a, t, "purchased", heat_gj, "GJ", NULL);
    trace_add(a, t, "exported", heat_out_gj, "GJ", NULL);
    trace_add2(a, t, "heat factor", c->f->heat_factor, "tCO2/GJ",
               c->f->heat_citation.en, c->f->heat_citation.zh);
    calc_factor_used(c, "heat.emission_factor", c->f->heat_factor, "tCO2/GJ",
                     c->f->heat_source.en, c->f->heat_source.zh, true,
                     false, calc_origin_of_rule(c->f->heat_source.en));
    calc_factor_cite(c, "heat.emission_factor", &c->f->heat_citation, NULL);
  } else {
    val_set_num(a, o, "heat_tco2", 0);
  }
  total += heat_e;
  return total;
}

/* }====================================================== */
/* {====================================================== per unit, products */

/* The power-generation guideline (发电设施温室气体排放核算指南) counts a
   plant's exports as its product: scope 1 plus purchased electricity and
   heat, nothing deducted. It is the figure the national ETS uses for
   power plants; GB/T 32150's net figure stays in total_tco2. */
static double power_guideline_total(calc_ctx *c, value *carbon, double s1,
                                    value *s2)
{
  arena *a = c->a;
  value *pe = val_get(s2, "electricity_purchased_tco2");
  value *ph = val_get(s2, "heat_purchased_gj");
  double e = pe && pe->kind == VAL_NUM ? pe->num : 0;
  double h = ph && ph->kind == VAL_NUM && c->f->has_heat_factor
                 ? ph->num * c->f->heat_factor
                 : 0;
  double total = s1 + e + h;
  value *v = val_set_num(a, carbon, "total_tco2_power_guideline", total);
  trace *t = val_trace(a, v, "scope1 + purchased electricity + purchased heat",
                       "发电设施温室气体排放核算技术指南 (exports not deducted)");
  trace_add_ref(a, t, "scope1", s1, "tCO2", "carbon.scope1.total_tco2");
  trace_add_ref(a, t, "purchased electricity", e, "tCO2",
                "carbon.scope2.electricity_purchased_tco2");
  trace_add(a, t, "purchased heat", h, "tCO2", NULL);
  return total;
}

static bool is_producer(const model *m, int place)
{
  return place >= 0 && m->units[place].stage == STAGE_CONVERSION &&
         !calc_passes_through(m, place);
}

/* Carriers made inside take the emissions of their producers' inputs per
   unit of output (one producer per carrier is the common case; several
   are pooled). Iterated as the coefficients are. */
static void in_house_emissions(calc_ctx *c, carbon_fig *figs)
{
  const model *m = c->m;
  size_t nu = m->n_units;
  bool *sel = ARENA_ARRAY(c->a, bool, nu + 1);
  /* The emission per unit of what is bought, fixed before the blend
     overwrites figs[]: else the bought part of a carrier also made
     inside (steam from the park's network and from the site's CHP) would
     take the blend itself and drift to the made rate. */
  double *bought_pu = ARENA_ARRAY(c->a, double, c->n_carriers + 1);
  for (size_t k = 0; k < c->n_carriers; k++) {
    bought_pu[k] = figs[k].known ? figs[k].per_unit : 0;
    figs[k].bought_known = figs[k].known && c->carriers[k].purchased > 0;
    figs[k].bought_per_unit = bought_pu[k];
  }
  for (int round = 0; round < 50; round++) {
    double change = 0;
    for (size_t k = 0; k < c->n_carriers; k++) {
      carrier_fig *cf = &c->carriers[k];
      if (cf->produced <= 0)
        continue;
      double made = 0;
      for (size_t u = 0; u < nu; u++) {
        double out = 0, all_out = 0;
        for (size_t i = 0; i < m->n_meters; i++) {
          const m_meter *mt = &m->meters[i];
          if (mt->form == METER_NONE || mt->from != (int)u || !is_producer(m, mt->from))
            continue;
          const carrier_fig *o = calc_carrier(c, mt->carrier);
          double w = calc_split_weight(o);
          all_out += mt->quantity * w;
          if (strcmp(mt->carrier, cf->key) == 0)
            out += mt->quantity * w;
        }
        if (out <= 0)
          continue;
        if (CONV_RECOVERS(m->units[u].conv.kind) &&
            strcmp(cf->key, "electricity") == 0 && isfinite(c->grid_factor)) {
          /* waste-heat power: at the grid's factor, as its energy is at
             the reference coefficient; the unit whose heat it recovers is
             credited with it (docs/calculation.md, Conversion units) */
          made += out / (cf->def ? cf->def->coef_kgce : 1.0) *
                  c->grid_factor / 1000.0;
          continue;
        }
        memset(sel, 0, sizeof *sel * (nu + 1));
        sel[u] = true;
        double e = 0;
        for (size_t j = 0; j < c->n_carriers; j++)
          if (figs[j].known)
            e += calc_inflow(c, c->carriers[j].key, sel) * figs[j].per_unit;
        made += e * out / all_out;
      }
      double supply = cf->produced + cf->purchased;
      double bought = cf->purchased > 0 ? cf->purchased * bought_pu[k] : 0;
      /* For electricity the purchased part was set by scope2 already as a
         blend; recompute the blend with the in-house part. */
      if (strcmp(cf->key, "electricity") == 0 && isfinite(c->grid_factor))
        bought = cf->purchased * c->grid_factor / 1000.0;
      double pu = supply > 0 ? (bought + made) / supply : 0;
      change = fmax(change, fabs(pu - figs[k].per_unit));
      figs[k].per_unit = pu;
      figs[k].known = true;
    }
    if (change < 1e-15)
      break;
  }
}

/* The feedstock of carrier cf that process rows without a product take. */
static double unassigned_feedstock(calc_ctx *c, const carrier_fig *cf)
{
  double q = 0;
  for (size_t j = 0; j < c->m->n_process; j++) {
    const m_process *pe = &c->m->process[j];
    if (pe->carrier && pe->product < 0 && strcmp(pe->carrier, cf->key) == 0)
      q += pe->activity.v;
  }
  return cf->consumed > 0 ? q : 0;
}

static void products(calc_ctx *c, value *carbon, carbon_fig *figs)
{
  arena *a = c->a;
  value *intensity = val_get(carbon, "intensity");
  value *arr = val_set(a, intensity, "products", val_arr(a));
  value *eprods = val_path(c->root, "energy.products");
  for (size_t i = 0; eprods && i < eprods->n; i++)
    val_push(a, arr, val_obj(a));
  for (size_t oi = 0; eprods && oi < eprods->n; oi++) {
    size_t i = c->m->product_order ? c->m->product_order[oi] : oi;
    value *p = eprods->items[i], *inputs = val_get(p, "inputs");
    value *o = arr->items[i];
    const char *id = val_get(p, "id")->str;
    val_set_str(a, o, "id", id);
    val_set_str(a, o, "name_zh", val_get(p, "name_zh")->str);
    val_set_str(a, o, "name_en", val_get(p, "name_en")->str);
    val_set_str(a, o, "unit", val_get(p, "unit")->str);
    double e = 0;
    bool complete = true;
    value *v = val_num(a, 0);
    trace *t = val_trace(a, v, "Σ input × emission per unit + process",
                         "docs/calculation.md (carbon per product)");
    for (size_t j = 0; inputs && j < inputs->n; j++) {
      value *ck = val_get(inputs->items[j], "carrier");
      double q = val_get(inputs->items[j], "quantity")->num;
      if (!ck) {
        /* An intermediate product brings its own emission per unit. */
        const char *used = val_get(inputs->items[j], "product")->str;
        for (size_t u = 0; u < arr->n; u++) {
          value *uv = val_get(arr->items[u], "id");
          if (uv && strcmp(uv->str, used) == 0) {
            double per = val_get(arr->items[u], "tco2_per_unit")->num;
            e += q * per;
            trace_add(a, t, used, q * per, "tCO2", "intermediate product");
            value *un = val_get(eprods->items[u], "name_zh"),
                  *ue = val_get(eprods->items[u], "name_en");
            if (un && ue)
              trace_label(a, t, un->str, ue->str);
          }
        }
        continue;
      }
      const char *key = ck->str;
      carrier_fig *cf = calc_carrier(c, key);
      size_t k = (size_t)(cf - c->carriers);
      if (!figs[k].known) {
        if (cf->def && cf->def->cls != CARRIER_MEDIUM)
          complete = false;
        continue;
      }
      /* a feedstock row without a product: the products burn the rest
         of the fuel in proportion */
      double free_q = unassigned_feedstock(c, cf);
      double burnt = free_q > 0 ? q * (1 - free_q / cf->consumed) : q;
      e += burnt * figs[k].per_unit;
      trace_add(a, t, key, burnt * figs[k].per_unit, "tCO2", NULL);
      trace_label(a, t, calc_carrier_name(c, cf, true),
                  calc_carrier_name(c, cf, false));
    }
    /* feedstock of this product: not burnt, its carbon is in the process
       rows below */
    for (size_t j = 0; j < c->m->n_process; j++) {
      const m_process *pe = &c->m->process[j];
      carrier_fig *cf = pe->carrier ? calc_carrier(c, pe->carrier) : NULL;
      if (!cf || pe->product < 0 ||
          strcmp(c->m->products[pe->product].id, id) != 0)
        continue;
      size_t k = (size_t)(cf - c->carriers);
      if (!figs[k].known)
        continue;
      double x = -pe->activity.v * figs[k].per_unit;
      e += x;
      trace_add(a, t, pe->id, x, "tCO2", "feedstock, not burnt");
      trace_label(a, t, "用作原料（不计燃烧）", "Used as raw material (not burnt)");
    }
    for (size_t j = 0; j < c->m->n_process; j++) {
      const m_process *pe = &c->m->process[j];
      value *pv = val_path(carbon, arena_printf(a, "scope1.process[%s].tco2",
                                                pe->id));
      if (pe->product >= 0 && strcmp(c->m->products[pe->product].id, id) == 0 &&
          pv && pv->kind == VAL_NUM) {
        e += pv->num;
        trace_add(a, t, pe->id, pv->num, "tCO2", "process emissions");
        trace_label(a, t, pe->name.zh, pe->name.en);
      }
    }
    v->num = e;
    val_set(a, o, "tco2", v);
    double qn = val_get(p, "quantity")->num;
    val_set_num(a, o, "tco2_per_unit", e / qn);
    val_set_bool(a, o, "complete", complete);
  }
}

/* }====================================================== */
/* {====================================================== ETS */

static void ets(calc_ctx *c, value *carbon)
{
  arena *a = c->a;
  const ets_rules *r = &c->f->ets;
  value *o = val_set(a, carbon, "ets", val_obj(a));
  if (!r->present) {
    val_set_null(a, o, "covered");
    return;
  }
  /* A period from a date to the day before the same date a year later is
     a year, 365 or 366 days: its figures are already annual. Only a shorter
     or longer period is scaled to 365 days. */
  date from = c->m->from, to = c->m->to, next = from;
  next.y += 1; /* date_days takes 29 Feb of a common year as 1 Mar */
  long days = date_days(to) - date_days(from) + 1;
  bool full_year = date_days(next) == date_days(to) + 1;
  double year_scale = full_year || days <= 0 ? 1.0 : 365.0 / (double)days;
  double tco2_a = c->ets_tco2 * year_scale, tce_a = c->total_tce * year_scale;
  bool reaches = tco2_a >= r->threshold_tco2 || tce_a >= r->threshold_tce;
  const ets_sector *sec = ets_sector_of(c);
  /* results.md: covered = reaches the threshold in a covered industry
   * (today's scope). covered_in_period adds that the sector was in the
   * ETS by the end of the audit period. */
  bool in_period = sec && sec->since <= c->m->to.y;
  val_set_bool(a, o, "covered", sec && reaches);
  val_set_bool(a, o, "covered_in_period", in_period && reaches);
  val_set_bool(a, o, "sector_covered", sec != NULL);
  if (sec)
    val_set_num(a, o, "sector_since", sec->since);
  val_set_bool(a, o, "reaches_threshold", reaches);
  val_set_num(a, o, "threshold_tco2", r->threshold_tco2);
  val_set_num(a, o, "threshold_tce", r->threshold_tce);
  val_set_num(a, o, "annual_tco2", tco2_a);
  val_set_num(a, o, "annual_tce", tce_a);
  val_set_bool(a, o, "annualised", !full_year);
  const char *basis = full_year
                          ? "annual: the period is one year"
                          : "annualised: a period other than one year, "
                            "scaled to 365 days";
  trace *t = val_trace(a, val_path(o, "annual_tco2"),
                       full_year ? "tco2" : "tco2 × 365 / days", basis);
  trace_add(a, t, "tco2", c->ets_tco2, "tCO2", NULL);
  if (!full_year)
    trace_add(a, t, "days", (double)days, "d", "audit period");
  t = val_trace(a, val_path(o, "annual_tce"),
                full_year ? "total_tce" : "total_tce × 365 / days", basis);
  trace_add_ref(a, t, "total_tce", c->total_tce, "tce", "energy.total_tce");
  if (!full_year)
    trace_add(a, t, "days", (double)days, "d", "audit period");
  val_set_str(a, o, "source", r->source.en);
  val_set_str(a, o, "source_zh", r->source.zh ? r->source.zh : r->source.en);
  calc_set_cite(a, o, "", &r->citation, NULL);
  if (sec)
    calc_set_cite(a, o, "sector_", &sec->citation, NULL);
  if (sec && sec->since > c->m->to.y)
    calc_note(c, "carbon.ets.covered",
              arena_printf(a, "本行业自%d年起纳入全国碳市场，晚于审计期：按现行范围属于纳入行业，审计期内尚未纳入。",
                           sec->since),
              arena_printf(a, "The sector joined the national ETS in %d, "
                              "after the audit period: it is covered under "
                              "today's scope but was not in the period.",
                           sec->since));
  /* power_benchmarks of rules/ets.yaml are those of the power sector */
  if (sec && strcmp(sec->industry, "power") == 0 && r->n_power) {
    value *bm = val_set(a, o, "power_benchmarks", val_arr(a));
    for (size_t i = 0; i < r->n_power; i++) {
      const ets_power_bm *pb = &r->power[i];
      value *b = val_obj(a);
      val_push(a, bm, b);
      val_set_str(a, b, "category_zh", pb->category.zh);
      val_set_str(a, b, "category_en", pb->category.en);
      val_set_str(a, b, "years", pb->years);
      if (pb->has_elec)
        val_set_num(a, b, "electricity_tco2_per_mwh", pb->elec);
      if (pb->has_heat)
        val_set_num(a, b, "heat_tco2_per_gj", pb->heat);
      val_set_bool(a, b, "verified", pb->verified);
      calc_set_cite(a, b, "", &pb->citation, NULL);
    }
  }
}

/* }====================================================== */

void calc_carbon(calc_ctx *c)
{
  arena *a = c->a;
  value *carbon = val_set(a, c->root, "carbon", val_obj(a));
  c->carbon = ARENA_ARRAY(a, carbon_fig, c->n_carriers + 1);
  value *s1 = val_set(a, carbon, "scope1", val_obj(a));
  feedstock_taken(c);
  double comb = combustion(c, s1, c->carbon);
  double proc = process(c, s1);
  value *t1 = val_set_num(a, s1, "total_tco2", comb + proc);
  trace *t = val_trace(a, t1, "combustion + process", "GB/T 32150-2015");
  trace_add_ref(a, t, "combustion", comb, "tCO2",
                "carbon.scope1.combustion_tco2");
  trace_add_ref(a, t, "process", proc, "tCO2", "carbon.scope1.process_tco2");
  value *cv = val_set_num(a, s1, "combustion_tco2", comb);
  trace *ct = val_trace(a, cv, "Σ fuels tCO2", "GB/T 32150-2015");
  value *rows = val_get(s1, "combustion");
  for (size_t i = 0; rows && i < rows->n; i++) {
    value *tv = val_get(rows->items[i], "tco2");
    if (tv && tv->kind == VAL_NUM)
      trace_add_ref(a, ct, val_get(rows->items[i], "carrier")->str, tv->num,
                    "tCO2",
                    arena_printf(a, "carbon.scope1.combustion[%s].tco2",
                                 val_get(rows->items[i], "carrier")->str));
  }
  value *pv = val_set_num(a, s1, "process_tco2", proc);
  trace *pt = val_trace(a, pv, "Σ process emissions", "GB/T 32150-2015");
  rows = val_get(s1, "process");
  for (size_t i = 0; rows && i < rows->n; i++) {
    value *tv = val_get(rows->items[i], "tco2");
    if (tv && tv->kind == VAL_NUM)
      trace_add_ref(a, pt, val_get(rows->items[i], "id")->str, tv->num, "tCO2",
                    arena_printf(a, "carbon.scope1.process[%s].tco2",
                                 val_get(rows->items[i], "id")->str));
  }
  value *s2 = val_set(a, carbon, "scope2", val_obj(a));
  double sc2 = scope2(c, s2, c->carbon);
  value *s2v = val_set_num(a, s2, "total_tco2", sc2);
  trace *s2t = val_trace(a, s2v, "electricity + heat", "GB/T 32150-2015");
  value *ev2 = val_get(s2, "electricity_tco2"), *hv = val_get(s2, "heat_tco2");
  if (ev2 && ev2->kind == VAL_NUM)
    trace_add_ref(a, s2t, "electricity", ev2->num, "tCO2",
                  "carbon.scope2.electricity_tco2");
  if (hv && hv->kind == VAL_NUM)
    trace_add_ref(a, s2t, "heat", hv->num, "tCO2", "carbon.scope2.heat_tco2");
  calc_scope2_market(c, s2);
  /* heat carriers' per-unit factors exist now; in-house ones follow */
  in_house_emissions(c, c->carbon);
  double rec = calc_carbon_recovery(c, carbon, comb + proc);
  c->total_tco2 = comb + proc + sc2 - rec;
  value *tot = val_set_num(a, carbon, "total_tco2", c->total_tco2);
  t = val_trace(a, tot, rec > 0 ? "scope1 + scope2 − recovered"
                                : "scope1 + scope2",
                "GB/T 32150-2015");
  trace_add_ref(a, t, "scope1", comb + proc, "tCO2", "carbon.scope1.total_tco2");
  trace_add_ref(a, t, "scope2", sc2, "tCO2", "carbon.scope2.total_tco2");
  calc_gases(c, carbon);
  if (rec > 0)
    trace_add_ref(a, t, "recovered", rec, "tCO2", "carbon.recovery.tco2");
  c->ets_tco2 = c->total_tco2;
  if (exports_are_product(c))
    c->ets_tco2 = power_guideline_total(c, carbon, comb + proc, s2);
  value *in = val_set(a, carbon, "intensity", val_obj(a));
  if (c->m->output_value.set) {
    value *v = val_set_num(a, in, "tco2_per_10k_cny_output",
                           c->total_tco2 / (c->m->output_value.v / 1e4));
    t = val_trace(a, v, "total_tco2 / output value (万元)", "GB/T 32150-2015");
    trace_add_ref(a, t, "total_tco2", c->total_tco2, "tCO2", "carbon.total_tco2");
    trace_add(a, t, "output value", c->m->output_value.v / 1e4, "万元", NULL);
  } else {
    val_set_null(a, in, "tco2_per_10k_cny_output");
  }
  products(c, carbon, c->carbon);
  ets(c, carbon);
  calc_allowance(c, carbon);
  calc_carbon_quality(c, carbon);
  calc_carbon_management(c, carbon);
}
