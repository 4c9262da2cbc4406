/* internal.h — what the calc files share: the run's context and the
 * energy figures later sections (carbon, measures) build on. Not part of
 * calc's public face. */
#ifndef GEN_CALC_INTERNAL_H
#define GEN_CALC_INTERNAL_H

#include <stdbool.h>

#include "calc.h"

/* 1 kgce = 29.3076 MJ (GB/T 2589-2020 §3). */
#define MJ_PER_KGCE 29.3076

/* One carrier as the energy section computed it. */
typedef struct carrier_fig {
  const char *key;
  const char *unit;
  const carrier_def *def; /* NULL for a carrier made in-house only */
  double purchased, sold, stock_change, produced, consumed;
  double coefficient;     /* kgce per unit */
  const char *coef_basis; /* "reference", "measured_ncv", "in_house", … */
  const char *coef_source;
  const char *coef_source_zh;
  bool coef_verified;
  text2 coef_cite;        /* what a report cites for the coefficient */
  const rule_check *coef_checked; /* the firm's check, or NULL */
  const char *coef_edition; /* edition of GB/T 2589 of the coefficient */
  double internal;        /* kgce per unit inside the boundary */
  double made;            /* kgce per unit of what the site's conversion
                             units make (the actual coefficient of the
                             part made inside), 0 when none is made */
  double feedstock;       /* of consumed, used as raw material: out of
                             combustion (process_emissions[].carrier) */
  double tce;
  bool counted;
  bool has_price;
  double price;           /* CNY per unit */
  value *node;            /* its object in energy.carriers[] */
} carrier_fig;

/* Emission of one unit of a carrier, as carbon.c computed it. */
typedef struct carbon_fig {
  bool known;
  double per_unit; /* tCO2 per carrier unit, used inside the boundary */
  /* tCO2 per unit of what is bought (its GB/T 32150 factor: a fuel's,
     heat's 0.11 tCO2/GJ by its enthalpy), where bought_known; a carrier
     both bought and made has the blend in per_unit */
  bool bought_known;
  double bought_per_unit;
} carbon_fig;

typedef struct calc_ctx {
  arena *a;
  diag_list *dl; /* input errors calc finds */
  const model *m;
  const factors *f;
  value *root, *notes, *factors_used;
  carrier_fig *carriers;
  size_t n_carriers;
  double total_tce;
  carbon_fig *carbon;       /* per carrier, parallel to carriers */
  double grid_factor;       /* tCO2/MWh in use, NAN when none */
  double total_tco2;
  double ets_tco2; /* the total the ETS threshold is judged on */
  int *meter_carrier;       /* per meter: index into carriers, or -1 */
  unsigned char *cl_state;  /* closure scratch, n_units each */
  int *cl_walk;
  bool *cl_mask;
  const date *as_of;        /* --as-of: editions in force on this day */
  value *applied;           /* standards_applied[] */
} calc_ctx;

/* Appends a note (reason for a null, an assumption) in both languages. */
void calc_note(calc_ctx *c, const char *path, const char *zh, const char *en);
/* Records a factor in factors_used[] once per key; source_zh NULL: the
   English source serves both. origin says where the value comes from
   (calc_origin_of_rule, calc_origin_of_user, or "calculated"); verified
   is only for values of the rules checked against their text, and is
   false for every other origin. */
void calc_factor_used(calc_ctx *c, const char *key, double x,
                      const char *unit, const char *source,
                      const char *source_zh, bool verified, bool own,
                      const char *origin);
/* The origin of a value of the rules: "standard" when its source cites a
   national standard (GB…), else "publication". */
const char *calc_origin_of_rule(const char *source);
/* The origin of a value the facility file gives: what its origin key
   says, else "enterprise" (the enterprise's own, basis not stated). */
const char *calc_origin_of_user(const m_factor *fo);
/* Sets <prefix>origin, <prefix>origin_zh and <prefix>origin_en on o. */
void calc_set_origin(calc_ctx *c, value *o, const char *prefix,
                     const char *origin);
/* Sets the citation of a value (prefix "citation", "citation_zh": the
   official document a report prints; en serves zh when zh is NULL) and,
   when a firm checked it, prefix "checked" {by, against, on} on o. */
void calc_set_cite(arena *a, value *o, const char *prefix, const text2 *cite,
                   const rule_check *chk);
/* The same on the factors_used[] entry of key (after calc_factor_used). */
void calc_factor_cite(calc_ctx *c, const char *key, const text2 *cite,
                      const rule_check *chk);
/* Names the --rules folder the factor of key came from (NULL: the shipped
   rules, left null). */
void calc_factor_layer(calc_ctx *c, const char *key, const char *layer);
/* o.layer: the --rules folder the rule entry behind o came from, null for
   the shipped rules (Appendix B lists what a firm's layer gave). */
void calc_set_layer(arena *a, value *o, const char *layer);
carrier_fig *calc_carrier(calc_ctx *c, const char *key);
/* A carrier's name in one language: the rules' name, or for a carrier
   made inside under the facility's own key, "Energy made by <unit>". */
const char *calc_carrier_name(calc_ctx *c, const carrier_fig *cf, bool zh);
/* A number as a report prints it (fmt.h: thousands separators, decimals
   places), in the arena. */
const char *calc_num_text(arena *a, double x, int decimals);
/* Appends to arr a row for the carrier: carrier, name_zh, name_en, unit
   (an in-house carrier is named by its key). */
value *calc_carrier_row(calc_ctx *c, value *arr, const carrier_fig *cf);

/* Inflow of carrier key into the unit set sel (closed over descendants
   here): meters into the set from outside it. */
double calc_inflow(calc_ctx *c, const char *key, const bool *sel);
/* closure(in) into out: the units of in and all their descendants. */
void calc_closure(calc_ctx *c, const bool *in, bool *out);
/* The inflow of every carrier into the closed set mask: q[k], carrier k. */
void calc_inflows(calc_ctx *c, const bool *mask, double *q);

/* Conversion units (conversion.c, docs/calculation.md "Conversion
   units"). calc_passes_through: a rectifier, whose electricity out is
   the electricity in, transformed, not made. calc_content_kgce: the
   energy content of one unit of a carrier for conversion efficiencies and
   recovered energy (its measured or reference coefficient; 0 for a
   carrier made in-house without one). calc_recovers_for: whether place
   is a waste-heat unit recovering heat from a unit of mask.
   calc_recovery_credit: what that unit gives back to mask, tce (its output
   at the reference coefficient, less its own metered input when it lies
   outside mask), over the period (mo < 0) or in month mo; out_q receives
   the quantity of the unit's carrier credited; NAN for a month when a
   meter it needs gives the period only (*annual is that meter).
   calc_conversion: energy.conversion[] after the products.
   calc_split_weight: the weight of one unit of output when a unit making
   several carriers shares its input among them: the energy content (the
   measured NCV or enthalpy where the file gives one: a CHP's fuel is
   split by the heat of its electricity and its steam, DL/T 904's heat
   method), 1 for a carrier made in-house without one. */
bool calc_passes_through(const model *m, int unit);
double calc_content_kgce(const carrier_fig *cf);
double calc_split_weight(const carrier_fig *cf);
bool calc_recovers_for(const model *m, int place, const bool *mask);
double calc_recovery_credit(calc_ctx *c, int unit, const bool *mask, int mo,
                            double *out_q, const m_meter **annual);
void calc_conversion(calc_ctx *c, value *energy);

/* Editions (editions.c): calc_editions selects the editions of the
   standards every audit applies; calc_std gives the designation in use
   ("GB/T 2589-2008"); calc_edition_coefficient gives a carrier the
   coefficient of the GB/T 2589 edition in force when the rules have it;
   calc_editions_products withdraws benchmark grades of an edition not in
   force; calc_editions_finish does the same for equipment, states the
   editions of metering and coefficients, and sets standards_applied. */
void calc_editions(calc_ctx *c);
const char *calc_std(calc_ctx *c, const char *code);
/* The designation of code's edition in force, as calc_std, without
   recording it in standards_applied; NULL when the register has none. */
const char *calc_std_in_force(calc_ctx *c, const char *code);
/* calc_std(c, code) followed by rest: the basis of a trace. */
const char *calc_std_clause(calc_ctx *c, const char *code, const char *rest);
void calc_edition_coefficient(calc_ctx *c, carrier_fig *cf);
void calc_editions_products(calc_ctx *c);
/* Whether the edition of b's standard in force for the period is b's
   (registers the standard as applied). */
bool calc_benchmark_applies(calc_ctx *c, const benchmark *b);
/* energy.stages (stages.c): the stage indicators of the facility's
   industry over the units that name their sections. */
void calc_stages(calc_ctx *c);
void calc_editions_finish(calc_ctx *c);

void calc_energy(calc_ctx *c);
/* Buildings (building.c): calc_building_facility adds the building keys
   to facility (after it is emitted); calc_building the building
   indicators of energy.intensity and carbon.intensity and
   benchmark.building[] (after the carbon section). */
void calc_building_facility(calc_ctx *c);
/* Whether the facility is audited as a building (a building_type, or the
   industry building or public_institution), and a unit's use (its own,
   else its nearest ancestor's, else regular). */
bool calc_is_building(const model *m);
/* The word the report names the audited body by: 企业/enterprise, or for
   a building 医院/hospital, 学校/school or university, else
   单位/organisation. */
const char *calc_organisation(const model *m, bool zh);
/* The trace source of figures the audited body states: the term
   "enterprise data", or "organisation data" for a building. */
const char *calc_data_term(const model *m);
unit_use calc_unit_use(const model *m, int unit);
void calc_building(calc_ctx *c);
/* energy.balance_matrix (GB/T 28751) and energy.flow (the stage diagram
   of GB/T 16616), from the carriers calc_energy computed (matrix.c). */
void calc_balance_matrix(calc_ctx *c, value *energy);
void calc_carbon(calc_ctx *c);
/* process.c: the tCO2 of process emission p by its rule's formula (r's
   formula is not PF_FACTOR), with its trace, inputs[], factor and
   factor_text on row o. */
/* The carbon per unit of a fuel used as feedstock (`carrier:`), from
   its NCV × carbon content per unit heat: the default of a carbon
   balance's carbon_content when the plant gives none. */
typedef struct proc_feed {
  const char *unit;    /* the carrier's unit (t, m3) */
  text2 name;          /* the carrier's name */
  bool known;          /* NCV and CC known */
  double tc_per_unit;  /* tC per unit */
  bool own;            /* from the facility's own NCV/CC */
  text2 citation;      /* of the carrier's carbon defaults */
  bool verified;
} proc_feed;
/* process.c: the tCO2 of process emission p by its rule's formula (r's
   formula is not PF_FACTOR), with its trace, inputs[], factor and
   factor_text on row o; feed the carrier it uses as feedstock, or NULL. */
double calc_process_formula(calc_ctx *c, const m_process *p,
                            const process_rule *r, const proc_feed *feed,
                            value *o);
/* gases.c: carbon.gases[] (each gas in t and tCO2e with its GWP),
   carbon.gases_tco2e and carbon.gwp_set; returns the tCO2e sum. */
double calc_gases(calc_ctx *c, value *carbon);
/* The factor of region for year in set: the latest year not after it,
   else the earliest (*fallback_year set); NULL when the set has none of
   the region (carbon.c). */
const year_value *calc_pick_factor(const grid_set *g, const char *region,
                                   int year, bool *fallback_year);
/* carbonq.c, called by calc_carbon: carbon.recovery (returns the tCO2
   deducted; an error when it is more than scope1), the market-based scope
   2 beside the location-based one (carbon.scope2.market_based), the data
   quality of each source with the inventory's uncertainty
   (carbon.data_quality) and the carbon management as stated
   (carbon.management). */
double calc_carbon_recovery(calc_ctx *c, value *carbon, double scope1);
void calc_scope2_market(calc_ctx *c, value *s2);
void calc_carbon_quality(calc_ctx *c, value *carbon);
void calc_carbon_management(calc_ctx *c, value *carbon);
/* allowance.c: carbon.allowance, after carbon.ets. */
void calc_allowance(calc_ctx *c, value *carbon);
void calc_products_rules(calc_ctx *c);
/* energy.products_potential_tce and each benchmark's potential_own_tce:
   potentials that do not overlap, after calc_editions_products. */
void calc_products_potential(calc_ctx *c);
void calc_metering(calc_ctx *c);
void calc_equipment(calc_ctx *c);
/* operation.c: equipment[].operation, the measured values against the
   kind's operating standard (nothing when the kind has none), and
   equipment[].catalogue, the item against the obsolete-equipment
   catalogues in force at the period's end (nothing without catalogues). */
void calc_equipment_operation(calc_ctx *c, const eq_kind *k,
                              const m_equipment *e, const char *path,
                              value *o);
void calc_equipment_catalogue(calc_ctx *c, const m_equipment *e, value *o);
void calc_measures(calc_ctx *c);
/* results.management (management.c): after every other section, whose
   results it links. */
void calc_management(calc_ctx *c);
/* declared[]: the figures the enterprise declared beside the computed
   ones (declared.c). Runs after every other section. */
void calc_declared(calc_ctx *c);
/* results.history: earlier years, changes, LMDI, target (history.c). */
void calc_history(calc_ctx *c);

#endif
