/* factors.h — the rule tables that a standard defines: energy carriers
 * (rules/carriers.yaml) and grid data (rules/grids.yaml).
 *
 * Every value keeps its bilingual source and whether it was verified
 * against the standard; calc copies both into the results so the report
 * can say where each number comes from. A firm's own rules directory is
 * layered over the shipped one: a carrier with the same key replaces the
 * shipped entry. All memory belongs to the arena passed to factors_load. */
#ifndef GEN_FACTORS_H
#define GEN_FACTORS_H

#include <stdbool.h>
#include <stddef.h>

#include "../base/diag.h"
#include "../base/mem.h"
#include "../load/schema.h"
#include "../load/ytree.h"

typedef enum {
  CARRIER_FUEL,
  CARRIER_ELECTRICITY,
  CARRIER_HEAT,
  CARRIER_STEAM,
  CARRIER_MEDIUM
} carrier_class;

/* A firm's check of a value against the official text: who checked it,
   against which copy and when (a `checked:` of a rules file, which a
   later rules directory may add to an entry without repeating it). */
typedef struct rule_check {
  bool present;
  const char *by, *against;
  date on;
} rule_check;
/* A carrier's coefficient of another edition of GB/T 2589 than its own. */
typedef struct carrier_alt {
  const char *edition; /* designation: "GB/T 2589-2008" */
  double coef_kgce;    /* kgce per carrier unit */
  text2 source;
  text2 citation;      /* the official document a report prints */
  bool verified;
} carrier_alt;

typedef struct carrier_def {
  const char *key;
  text2 name;
  const char *unit;   /* base unit name: t, m3, kWh or GJ */
  dimvec dim;         /* dimension of the base unit */
  double unit_scale;  /* base units of dim in one carrier unit (kWh: 3.6 MJ) */
  carrier_class cls;
  bool counted;       /* counts in 综合能耗 (GB/T 2589) */
  double ncv_mj;      /* MJ per carrier unit; NAN when not given */
  double coef_kgce;   /* kgce per carrier unit */
  const char *coef_text; /* the coefficient as the rule file writes it */
  double density;     /* t per m3 when a volume may stand for the mass
                         (water: 1 t/m3), else 0 */
  const char *density_text; /* as the rule file writes it */
  text2 source;       /* provenance: where the value was taken from */
  bool verified;
  text2 citation;     /* the official document, as a report cites it */
  rule_check checked;
  src_pos pos;
  bool has_carbon;    /* combustion defaults present */
  double c_ncv_gj;    /* GJ per carrier unit */
  double c_cc;        /* tC per GJ */
  double c_ox;        /* oxidation rate, 0..1 */
  text2 c_source;
  bool c_verified;
  text2 c_citation;
  rule_check c_checked;
  const char *edition; /* the edition coef_kgce belongs to ("GB/T 2589-2008"),
                          or NULL when the rule file does not say */
  bool amended;        /* a later rules directory amended some of its
                          keys (pos: where) */
  carrier_alt *alts;   /* the coefficient in other editions */
  size_t n_alts;
  const char *layer;   /* the --rules folder its coefficient came from;
                          NULL: the shipped rules */
  const char *c_layer; /* likewise its carbon defaults */
} carrier_def;

/* One edition of a standard in the register (rules/standards.yaml). */
typedef struct std_edition {
  const char *edition; /* "2020" */
  date in_force;
  bool has_title;      /* the edition's own title differs */
  text2 title;
  text2 source;        /* where the date comes from */
  bool verified;
  bool has_values_note;
  text2 values_note;   /* what is known of the edition's values when the
                          rules do not hold them (why not: e.g. its tables
                          were not found), said with the statement */
} std_edition;

typedef struct std_def {
  const char *key;     /* gbt2589 */
  const char *code;    /* "GB/T 2589" */
  text2 title;
  bool by_report;      /* selected on the report date, else the period's end */
  std_edition *ed;     /* in order of in_force */
  size_t n_ed;
  const char *earlier; /* the edition before ed[0], known by its year only
                          (no date of entry into force read), or NULL: it
                          applies to days before ed[0] */
  text2 earlier_source;
  bool has_earlier_title;
  text2 earlier_title;       /* earlier's own title, when it differs */
  bool has_earlier_values_note;
  text2 earlier_values_note; /* as std_edition.values_note, for earlier */
} std_def;

typedef struct year_value {
  int year;
  const char *region; /* grid factors only */
  double value;       /* supply rate: kgce/kWh; grid factor: tCO2/MWh */
  const char *text;
  text2 source;
  bool verified;
  text2 citation;
  rule_check checked;
  const char *layer;  /* the --rules folder the row came from; NULL: the
                         shipped rules */
} year_value;

typedef struct grid_set {
  const char *key;
  text2 name;
  year_value *factors;
  size_t n;
} grid_set;

typedef struct province_map {
  const char *province, *region;
  bool verified;
} province_map;

/* {====================================================== standard tables */

enum { BASIS_ENERGY, BASIS_ELECTRICITY, BASIS_FUEL };

/* One indicator of a unit-product limit standard. Grades are in base
   units of dim (units.h); grade 3 is the limit (限定值). */
typedef struct bm_indicator {
  const char *id;
  text2 name;
  int basis;
  const char *unit;
  dimvec dim;
  bool has_grade[3];
  double grade[3];
  const char *grade_text[3];
  bool has_corrections;
  text2 corrections;
} bm_indicator;

typedef struct benchmark {
  const char *key;
  text2 name, title, boundary, source;
  const char *industry, *standard;
  src_pos industry_pos;
  date in_force;
  bool has_in_force;
  bm_indicator *ind;
  size_t n_ind;
  bool verified;
  text2 citation;
  rule_check checked;
  src_pos pos;
  const char *layer; /* the --rules folder it came from; NULL: shipped */
  const char *edition_of; /* another edition's limits of this benchmark:
                             the key of the benchmark it is an edition of
                             (facilities name that key); NULL: a
                             benchmark of its own */
} benchmark;

typedef struct mt_group {
  const char *group;
  text2 name;
  const char **carriers;
  size_t n_carriers;
  bool has_rate[3];
  double rate[3]; /* 0..1, levels 1–3 */
} mt_group;

typedef struct mt_user_class {
  const char *cls, *user_class;
  double min_monthly_kwh;
} mt_user_class;

typedef struct mt_accuracy {
  const char **carriers;
  size_t n_carriers;
  text2 name;
  const char *cls;       /* fixed class, or NULL when by user class */
  mt_user_class *uc;     /* descending thresholds */
  size_t n_uc;
  const char **kinds;    /* meter kinds the row is for; none = any kind */
  size_t n_kinds;
  bool assumed;          /* taken for a meter of its carriers that states
                            no kind */
} mt_accuracy;

/* The instrument kinds a meter may state (input.md meters[].kind), NULL
   ended; metering.yaml's accuracy rows name them in kinds:. */
extern const char *const METER_KINDS[];
bool meter_kind_known(const char *kind);

typedef struct metering_rules {
  bool present;
  const char *standard;
  text2 source;
  bool verified;
  text2 citation;
  text2 level_name[3];
  mt_group *groups;
  size_t n_groups;
  mt_accuracy *accuracy;
  size_t n_accuracy;
  const char *layer;  /* the --rules folder metering.yaml came from */
} metering_rules;

/* What a kind grades: efficiency (higher is better), specific power
   (lower), the two losses of a transformer (both lower, GB 20052), or the
   cooling COP of a water-chilling package (higher, GB 19577). */
/* EQ_PERF: a ratio (W/W) higher is better, each class naming which of
   the item's rated ratios it grades (unitary air conditioners, GB 19576:
   SEER, APF, IPLV, AEER or COP by type). */
enum { EQ_EFFICIENCY, EQ_SPECIFIC_POWER, EQ_LOSSES, EQ_COP, EQ_PERF };
/* The ratios a class of an EQ_PERF kind may grade, NULL-ended. */
extern const char *const EQ_METRICS[];

/* A range of a match key with its own end points, written in the rules as
   an interval: "[1.35, 1.55)" (from 1.35 inclusive to 1.55 exclusive),
   "(45, 65]", "(10,)" (above 10, no upper end). The standards' tables
   close their bands on either side row by row, so each end says whether
   it belongs to the range. */
typedef struct eq_interval {
  bool set;
  bool has_lo, has_hi;     /* false: unbounded on that side */
  bool lo_incl, hi_incl;   /* the end point belongs to the range */
  double lo, hi;           /* base units */
  const char *unit;        /* the unit written, or NULL for a number */
  const char *text;        /* as written in the rules */
} eq_interval;

/* The match keys given as intervals (fans, GB 19761; pump flow). */
enum { EQ_IV_FLOW, EQ_IV_PSI, EQ_IV_HUB, EQ_IV_NS, EQ_IV_NO, EQ_IV_VOLT,
       EQ_IV_N };

typedef struct eq_class {
  text2 name;
  const char **types, **fuels, **cooling, **coal_class;
  size_t n_types, n_fuels, n_cooling, n_coal_class;
  const char **core, **connection, **insulation; /* transformers */
  size_t n_core, n_connection, n_insulation;
  long *poles;
  size_t n_poles;
  bool has_capacity;
  dimvec cap_dim;
  double cap_min, cap_max; /* base units of cap_dim: (min, max] as a list,
                              or as the interval closes them */
  bool cap_lo_incl, cap_hi_incl;
  const char *cap_unit;    /* the unit the rules wrote the range in */
  bool has_pressure;
  double p_min, p_max;     /* MPa: (min, max] */
  eq_interval iv[EQ_IV_N]; /* flow (m3/h), pressure coefficient, hub
                              ratio, specific speed, machine number,
                              rated voltage (kV) */
  bool has_grade[3];
  double grade[3];         /* efficiency 0..1, or MJ/m3 */
  const char *grade_text[3];
  /* Grades by formula (pumps, GB 19762): η_g = f(ns, Q) − c[g], in %. */
  int formula;             /* index into eq_kind.formulas, or -1 */
  bool double_suction;     /* ns is computed with half the flow */
  bool has_c;
  double c[3];
  /* Grades by losses (transformers, GB 20052): no-load loss P0 and load
     loss Pk of grades 1, 2, 3, kW in base units (W); a grade is reached
     when both losses are at most its values. */
  const char *metric;      /* EQ_PERF: seer | apf | iplv | aeer | cop */
  bool has_iplv_min;       /* chillers: the limit also needs IPLV >= this */
  double iplv_min;
  bool has_p0[3], has_pk[3];
  double p0[3], pk[3];
  const char *p0_text[3], *pk_text[3];
} eq_class;

/* η(%) = a(ln ns)² + b(ln Q)² + c(ln ns)(ln Q) + d(ln ns) + e(ln Q), with
   ns = 3.65 n √Q / H^0.75 (Q m3/s, H m per stage, n r/min), Q in m3/h. */
typedef struct eq_formula {
  const char *key;         /* single_stage | multistage */
  bool multistage;
  double a, b, c, d, e;
} eq_formula;

/* How a kind's measured (field-test) values are judged against its
   operating standard (经济运行), a block `operation:` of the kind. */
enum {
  EQ_OP_NONE,        /* no operating standard in the rules */
  EQ_OP_MOTOR,       /* load factor zones: economic, allowable, non-economic */
  EQ_OP_TRANSFORMER, /* load factor against the economic load factor */
  EQ_OP_RATIO        /* operating efficiency / rated efficiency >= min */
};

typedef struct eq_operation {
  int method;              /* EQ_OP_* */
  const char *standard;    /* "GB/T 12497-2006" */
  text2 title, citation, source;
  bool verified;
  double economic;         /* motor: lowest β of the economic zone */
  double allowable;        /* motor: lowest β of the allowable zone */
  double best_factor;      /* transformer: best zone from best_factor·β_JZ² */
  double best_high;        /* transformer: ... to best_high */
  double min_ratio;        /* ratio: lowest operating/rated efficiency */
} eq_operation;

/* An edition of a kind's standard whose tables the rules do not hold, and
   why (a kind's `missing_editions:`): said when that edition applies. */
typedef struct eq_missing {
  const char *standard;    /* "GB 18613-2012" */
  text2 why;
} eq_missing;

typedef struct eq_kind {
  const char *key;
  const char *layer;      /* the --rules folder it came from; NULL: shipped */
  const char *edition_of;  /* another edition's table of this kind: the
                              base kind's key (items name the base kind;
                              calc grades by the edition in force), or
                              NULL for a base kind */
  eq_operation op;         /* method EQ_OP_NONE when the kind has none */
  text2 name, title, source;
  const char *standard;
  int indicator;
  const char *unit;
  bool verified;
  text2 citation;
  rule_check checked;
  eq_class *classes;
  size_t n_classes;
  const ynode *class_src;  /* classes not converted yet (see
                              factors_equipment), or NULL */
  const char *class_path;  /* their key path, "kinds.motor.classes" */
  ytree_whole *class_whole; /* when class_src is of a pruned tree (its
                               items left out): the whole tree's source */
  uint64_t class_chain[2]; /* the digest of the equipment files read up
                              to the kind's (tables_equipment) */
  eq_formula *formulas;
  size_t n_formulas;
  text2 no_class;          /* why an item fits no class (kind's note) */
  text2 scope;             /* what the standard covers, added to the
                              reason an item fits no class; zh NULL if none */
  eq_missing *missing;     /* editions whose tables are not in the rules */
  size_t n_missing;
} eq_kind;

/* One item of an obsolete-equipment catalogue (淘汰目录). An equipment
   item is listed when its kind is among kinds, its series or model is
   named (when the entry names any) and every condition fits; a condition
   the item does not state (or states in another dimension) makes the
   match "possible" (to be checked), never "listed". */
typedef struct eq_cat_entry {
  const char *item;        /* the catalogue's item number ("1-8"), or NULL */
  text2 product, reason;
  const char **kinds, **series, **models, **fuels, **types;
  size_t n_kinds, n_series, n_models, n_fuels, n_types;
  bool has_capacity;
  dimvec cap_dim;
  double cap_min, cap_max; /* (min, max] in base units of cap_dim */
  const char *cap_text;    /* the range's upper bound as written, "10 t/h" */
  src_pos pos;
} eq_cat_entry;

typedef struct eq_catalogue {
  const char *key;
  const char *layer;      /* the --rules folder it came from; NULL: shipped */
  text2 name, citation, source;
  bool verified;
  date in_force;           /* applied to periods ending on or after it */
  eq_cat_entry *entries;
  size_t n_entries;
} eq_catalogue;

typedef struct ets_sector {
  const char *industry;
  src_pos industry_pos;
  int since;
  bool exports_product; /* the guideline does not deduct exports */
  int direct_only_from; /* first year whose allowances cover scope 1 only
                           (indirect emissions excluded), 0: none */
  text2 name, source;
  bool verified;
  text2 citation;
} ets_sector;

typedef struct ets_power_bm {
  const char *key; /* the unit category, the same in every year; or NULL */
  text2 category, source;
  const char *years;
  bool has_elec, has_heat;
  double elec; /* tCO2/MWh */
  double heat; /* tCO2/GJ */
  bool verified;
  text2 citation;
} ets_power_bm;

/* One entry of industrial_allocation: how the steel, cement and
   aluminium plan allocates to a covered process in some years. */
typedef enum ets_method {
  ETS_VERIFIED_EMISSIONS, /* allocation = the line's verified emissions */
  ETS_NOT_FOUND           /* no formula in the sources read: the line's
                             `allocated:` only */
} ets_method;

typedef struct ets_case {
  const char *key;
  text2 name;
} ets_case;

typedef struct ets_ind_alloc {
  const char *key;      /* the covered process, the same in every year */
  const char *industry; /* the sector's industry key (sectors[]) */
  text2 process, source, citation;
  const char *years;
  const char **gases; /* NULL-terminated: CO2 and the other gases covered */
  size_t n_gases;
  ets_method method;
  ets_case *cases; /* applies only to lines of these cases; none: others */
  size_t n_cases;
  bool has_pre_allocation;
  double pre_allocation; /* share of the previous year's verified emissions */
  bool verified;
} ets_ind_alloc;

typedef struct ets_rules {
  bool present;
  double threshold_tco2, threshold_tce;
  text2 source, citation;
  ets_sector *sectors;
  size_t n_sectors;
  ets_power_bm *power;
  size_t n_power;
  ets_ind_alloc *industrial;
  size_t n_industrial;
  const char *layer;  /* the --rules folder ets.yaml came from */
} ets_rules;

/* The inputs a process formula may take (rules/process.yaml `formula:`),
   named as the facility file writes them (process_emissions[] keys). */
typedef enum proc_param {
  PP_CAO,              /* CaO content of the clinker (lime), ratio */
  PP_MGO,              /* MgO content, ratio */
  PP_CAO_NC,           /* CaO from non-carbonate sources, ratio */
  PP_MGO_NC,           /* MgO from non-carbonate sources, ratio */
  PP_KILN_HEAD_DUST,   /* kiln-head dust, mass like the activity */
  PP_BYPASS_DUST,      /* bypass dust, mass like the activity */
  PP_RAW_MEAL,         /* raw meal consumed, mass like the activity */
  PP_RAW_MEAL_TOC,     /* organic carbon content of the raw meal, ratio */
  PP_PURITY,           /* carbonate content of the material, ratio */
  PP_CARBON_CONTENT,   /* carbon content of the material, ratio */
  PP_CONSUMPTION,      /* net consumption per unit of activity (t/t) */
  PP_SULFUR,           /* sulphur content of the anode, ratio */
  PP_ASH,              /* ash content of the anode, ratio */
  PP_COUNT
} proc_param;

/* The generic forms of a process emission (docs/calculation.md):
   PF_FACTOR  activity × factor (a rule's fixed factor);
   PF_OXIDE   carbonate decomposition by oxide content:
              (activity + dusts) × Σ (oxide − non-carbonate) × ratio,
              plus raw meal × organic carbon × 44/12 when given;
   PF_CARBONATE  carbonate by mass: activity × purity × ratio;
   PF_CARBON  carbon balance: ± activity × [consumption] × carbon × 44/12,
              carbon = carbon_content, or 1 − sulphur − ash. */
typedef enum proc_formula {
  PF_FACTOR,
  PF_OXIDE,
  PF_CARBONATE,
  PF_CARBON
} proc_formula;

/* A guideline default of one formula input. */
typedef struct proc_default {
  bool has;
  double v;
  const char *text; /* as written ("0.8 %") */
  text2 citation, source;
  bool verified;
} proc_default;
/* One tier of rules/carbon.yaml `uncertainty:` (uncertainty.c). */
typedef struct unc_tier {
  bool present;
  const char *key;
  double value; /* relative uncertainty, 95 % confidence, fraction */
  text2 name, source, citation;
  bool verified;
} unc_tier;

/* The tier keys calc knows, in the order of factors.uncertainty[]. */
#define FACTORS_UNC_N 6
extern const char *const factors_unc_keys[];

typedef struct process_rule {
  const char *key;
  const char *layer;      /* the --rules folder it came from; NULL: shipped */
  text2 name, source;
  qty factor;          /* PF_FACTOR only */
  bool verified;
  text2 citation;
  rule_check checked;
  proc_formula formula;
  double ratio;        /* PF_CARBONATE: CO2 per unit of carbonate */
  const char *ratio_text; /* as written ("44/100.09") */
  bool deduct;         /* PF_CARBON: carbon leaving in products */
  bool impurities;     /* PF_CARBON: carbon = 1 − sulphur − ash */
  bool consumption;    /* PF_CARBON: takes a net consumption per unit */
  text2 activity;      /* what the activity is, as the guideline names it */
  proc_default defaults[PP_COUNT];
} process_rule;

/* The facility key of each formula input ("cao"), its wording
   ({zh, en}) and whether it is a mass (else a ratio or t/t). */
const char *factors_proc_param_key(proc_param p);
text2 factors_proc_param_name(proc_param p);
bool factors_proc_param_is_mass(proc_param p);
/* Whether formula f takes input p (for a PF_CARBON rule, its flags say
   which carbon inputs). */
bool factors_proc_takes(const process_rule *r, proc_param p);
/* Whether formula f needs p (no default and no way around it). */
bool factors_proc_needs(const process_rule *r, proc_param p);

/* A GWP set (rules/gwp.yaml): 100-year global warming potentials. */
typedef struct gwp_value {
  const char *gas; /* "CF4" */
  double gwp;
  bool verified;
} gwp_value;

typedef struct gwp_set {
  const char *key; /* "sar" */
  const char *layer;      /* the --rules folder it came from; NULL: shipped */
  text2 name, citation, source;
  gwp_value *values;
  size_t n;
} gwp_set;

/* The forms of a non-CO2 gas rule (rules/gases.yaml):
   GK_SLOPE       anode effects, slope method: CF4 = activity × AEF × AED ×
                  slope; C2F6 = CF4 × ratio (per technology);
   GK_EQUIPMENT   SF6 of electrical equipment: Σ (capacity − recovered) of
                  retired and overhauled equipment + top-ups;
   GK_PRODUCTION  activity × factor × (1 − abatement) (N2O of nitric and
                  adipic acid, HFC-23 of HCFC-22), factor per technology;
   GK_WASTEWATER  CH4 = (COD removed − COD in sludge) × B0 × MCF −
                  recovered;
   GK_COAL_MINE   coal mining: CH4 = (ventilation + drained − flared −
                  used) × ρCH4 underground, or raw coal × mining factor
                  (surface), + raw coal × post-mining factor; CO2 =
                  (CO2 ventilation + drained) × ρCO2 + flared CH4 × 12/22.4
                  × OF × 44/12 (per technology: the mine type). */
typedef enum gas_kind {
  GK_SLOPE,
  GK_EQUIPMENT,
  GK_PRODUCTION,
  GK_WASTEWATER,
  GK_COAL_MINE
} gas_kind;

/* One technology of a gas rule and its defaults. */
typedef struct gas_tech {
  const char *key; /* "cwpb" */
  text2 name;
  double a, b;     /* GK_SLOPE: slope (kg CF4/t per AE-min/cell-day),
                      C2F6/CF4; GK_PRODUCTION: factor (t gas/t);
                      GK_COAL_MINE: post-mining CH4 (t/t raw coal), the
                      surface mining CH4 (t/t; 0 underground) */
  const char *a_text, *b_text;
  text2 citation, source;
  bool verified;
} gas_tech;

typedef struct gas_rule {
  const char *key;
  const char *layer;      /* the --rules folder it came from; NULL: shipped */
  text2 name, citation, source;
  bool verified;
  gas_kind kind;
  const char *gas;  /* the gas (GK_SLOPE: "CF4", its second is "C2F6") */
  const char *gas2;
  gas_tech *techs;
  size_t n_techs;
  proc_default b0, mcf; /* GK_WASTEWATER defaults */
  proc_default ch4_density, co2_density; /* GK_COAL_MINE, t per m3 */
  proc_default flare_oxidation;          /* GK_COAL_MINE, fraction */
  proc_default factor_unc; /* uncertainty of its default factors (95 %) */
  text2 measure; /* what the plant should measure instead of the defaults
                    (the guideline's monitoring), or zh NULL */
} gas_rule;

/* Stage (工段) indicators of an industry (rules/stages.yaml): the sections
   a facility's units may name (units[].section) and the indicators
   computed over them, per unit of the product those units serve. */
enum {
  ST_ELECTRICITY,       /* electricity into the sections' units */
  ST_FUEL_HEAT,         /* fuels into them, at their net calorific value */
  ST_ENERGY,            /* every counted carrier into them, in kgce */
  ST_CONVERSION_OUTPUT  /* gross output of conversion units of a kind that
                           recover their heat or feed them */
};

typedef struct st_section {
  const char *id;
  text2 name;
} st_section;

typedef struct st_indicator {
  const char *id;
  text2 name, definition, source;
  text2 citation;            /* the document a report cites; zh NULL if none */
  bool verified;
  int measure;               /* ST_* */
  const char **sections;     /* section ids */
  size_t n_sections;
  const char *conversion;    /* ST_CONVERSION_OUTPUT: a CONVERSION_KINDS key */
  const char **per_kinds;    /* divide by the gross output of the conversion
                                units of these kinds (in per_carrier), not
                                by a product's output; none: per product */
  size_t n_per_kinds;
  const char *per_carrier;
  src_pos per_pos;
  const char *unit;          /* "kWh/t", "kJ/kg" */
  dimvec dim;
  const char *cmp_benchmark; /* graded by that benchmark's indicator, or NULL */
  const char *cmp_indicator;
  src_pos cmp_pos;
  bool has_reference;        /* the industry's advanced level, when sourced */
  double reference;          /* base units of dim */
  const char *reference_text;
  text2 reference_name, reference_source, reference_citation;
  bool reference_verified;
  src_pos pos;
} st_indicator;

typedef struct stage_set {
  const char *key;
  const char *layer;      /* the --rules folder it came from; NULL: shipped */
  const char *industry;
  src_pos industry_pos;
  text2 name;
  st_section *sections;
  size_t n_sections;
  st_indicator *ind;
  size_t n_ind;
  src_pos pos;
} stage_set;

/* Building quotas (rules/buildings.yaml): the comparison values of a
   standard (GB/T 51161's constraint and guide values, a province's quota
   of constraint, baseline and guide) for one indicator of
   energy.intensity, by the building's type, climate zone, GB/T 51161
   class and hospital grade. Values in the indicator's unit. */
typedef struct bq_row {
  const char **climate_zones; /* NULL: any */
  size_t n_climate_zones;
  const char *ventilation;    /* NULL: any */
  const char **hospital_grades; /* NULL: any */
  size_t n_hospital_grades;
  double constraint, baseline, guide; /* NAN when not given (constraint
                                         always given) */
  text2 source;
  bool verified;
  src_pos pos;
} bq_row;

typedef struct bq_quota {
  const char *key;
  const char *layer;      /* the --rules folder it came from; NULL: shipped */
  const char *standard;       /* designation: "GB/T 51161-2016" */
  text2 name, citation;
  rule_check checked;
  const char **building_types; /* at least one */
  size_t n_building_types;
  const char **provinces;     /* NULL: every province */
  size_t n_provinces;
  src_pos *provinces_pos;     /* where each is written */
  const char *indicator;      /* a key of BUILDING_INDICATORS */
  /* GB/T 51161 §5.2's correction of an office's measured value for its
     hours of use and occupant density: E × (0.3 + 0.7 T0/T) × (0.7 + 0.3
     S/S0), T0 and S0 from the file */
  bool has_correction;
  double hours0, area_per_person0; /* h a year; m2 per person */
  text2 correction_source;
  bool correction_verified;
  bq_row *rows;
  size_t n_rows;
  src_pos pos;
} bq_quota;

/* Lighting power density limits (rules/buildings.yaml `lighting:`): for
   one kind of room (场所) of a design standard, the current value (现行值,
   the mandatory limit) and the target value (目标值), in W/m2 of floor
   area, target <= current; NAN when the rules do not give it (at least
   one is given). */
typedef struct bl_room {
  const char *key;
  const char *layer;      /* the --rules folder it came from; NULL: shipped */
  const char *standard;   /* designation: "GB 50034-2024" */
  text2 name, citation;
  rule_check checked;
  double current, target; /* W/m2, NAN when not given */
  double accent;          /* W/m2 both values rise by when the room has
                             accent lighting (GB 50034-2024 6.3.6); NAN:
                             no such allowance */
  text2 current_note;     /* why the current value is not given, or zh NULL */
  text2 source;
  bool verified;
  src_pos pos;
} bl_room;

/* The indicators of energy.intensity a building quota may compare, each
   with its unit ("kgce/m2"); NULL-ended, name and unit alternating. */
extern const char *const BUILDING_INDICATORS[];
/* The unit of a building indicator, or NULL when key is none. */
const char *factors_building_unit(const char *key);

/* The kinds of conversion unit (input.md units[].conversion.kind), NULL
   ended; "other" first. */
extern const char *const CONVERSION_KINDS[];

/* One entry of the glossary (rules/terms.yaml) or of the names tables
   (rules/names.yaml): a machine name and how each language says it. */
typedef enum {
  TERM_NAME,     /* terms: names of a calculation's inputs */
  TERM_FORMULA,  /* formulas: a calculation's formula as calc writes it */
  TERM_BASIS,    /* bases: the clause or definition a calculation follows */
  TERM_SOURCE,   /* sources: where an input comes from */
  TERM_UNIT,     /* units: one token of a unit (万元, CNY, unit) */
  TERM_INDUSTRY, /* industries: facility.industry keys */
  TERM_PROVINCE, /* provinces: facility.province keys */
  TERM_SECTIONS
} term_section;

typedef struct term_def {
  term_section section;
  const char *key;
  text2 text;
  const char *source; /* the standard that uses the wording, or "project term" */
} term_def;

/* }====================================================== */

/* An entry of rules/industries.yaml: a GB/T 4754-2017 code (section,
   division, group or class) with its names, a readable key that stands
   for a code (code set, name empty), or a key of its own (buildings,
   public institutions: no code). */
typedef struct industry_def {
  const char *key;  /* "C3011", "cement", "building" */
  const char *code; /* the GB/T 4754 code it is or stands for; NULL: own */
  text2 name;       /* empty for a readable key (the code's name serves) */
} industry_def;

/* Reconciling declared figures (rules/declared.yaml): per result shape
   ("energy.products[].unit_consumption_kgce") its name and relative
   tolerance. */
typedef struct declared_rule {
  const char *shape;
  const char *layer; /* the --rules folder it came from; NULL: shipped */
  text2 name;
  double tolerance;
} declared_rule;

typedef struct declared_rules {
  declared_rule *figures;
  size_t n_figures, cap;
  double default_tolerance;
  bool has_default;
  text2 source;  /* where the tolerances come from */
  bool verified;
} declared_rules;

typedef struct factors {
  const char *layer; /* while loading: the --rules folder being read, NULL
                        for the shipped rules */
  carrier_def *carriers;
  size_t n_carriers;
  struct strmap *carrier_index; /* key -> index in carriers, set once
                                   every layer is read */
  year_value *supply_rate; /* 供电煤耗 by year, kgce/kWh */
  size_t n_supply_rate;
  grid_set *grid_sets;
  size_t n_grid_sets;
  bool has_heat_factor;
  double heat_factor;      /* tCO2/GJ */
  text2 heat_source, heat_citation;
  bool heat_verified;
  province_map *provinces;
  size_t n_provinces;
  benchmark *benchmarks;
  size_t n_benchmarks;
  metering_rules metering;
  eq_kind *equipment;
  size_t n_equipment;
  eq_catalogue *catalogues; /* equipment.yaml catalogues: */
  size_t n_catalogues;
  ets_rules ets;
  unc_tier uncertainty[FACTORS_UNC_N]; /* rules/carbon.yaml */
  process_rule *process;
  size_t n_process;
  gas_rule *gases; /* rules/gases.yaml */
  size_t n_gases;
  gwp_set *gwp_sets; /* rules/gwp.yaml */
  size_t n_gwp_sets;
  const char *gwp_default; /* the set of the guidelines in force */
  double discount_rate; /* default for measures */
  text2 discount_source, discount_citation;
  const char *discount_layer; /* the --rules folder finance.yaml came from */
  bool has_discount_rate;
  term_def *terms; /* glossary and names, every section */
  size_t n_terms;
  struct strmap *term_index; /* "section:key" -> index in terms */
  std_def *standards; /* the register of editions */
  size_t n_standards;
  industry_def *industries; /* rules/industries.yaml */
  size_t n_industries;
  struct strmap *industry_index; /* key -> index in industries */
  stage_set *stages; /* rules/stages.yaml */
  size_t n_stages;
  declared_rules declared; /* rules/declared.yaml */
  bq_quota *quotas; /* rules/buildings.yaml */
  size_t n_quotas;
  bl_room *lighting; /* rules/buildings.yaml lighting: */
  size_t n_lighting;
  /* Equipment classes converted when a kind is first looked up: the
     arena and units they are converted with, and while loading, the
     cache key of the file being read and the digest of the equipment
     files read so far (zeros: the cache is off). */
  arena *a;
  const units *u;
  uint64_t file_key[2], eq_chain[2];
  bool eq_unkeyed; /* an equipment file was read without a key */
  bool image; /* converted for the rules image (image.h): equipment classes
                 are converted, not read from the cache's records */
  ytree_whole *eq_whole; /* the equipment file being read was got pruned
                            (its classes left out): its whole tree */
} factors;

/* Loads carriers.yaml and grids.yaml from each directory in dirs (in
   order; later ones override earlier ones by key). Returns NULL after
   diagnostics when a file is missing or invalid, when a directory is not
   one (an error naming it as given), or when a directory after the first
   holds none of the rule files. *io_error tells whether a directory or a
   file in it could not be opened or read (a FIFO named like a rule file
   is read, and refused, never passed over). */
factors *factors_load(arena *a, diag_list *dl, const units *u,
                      const char *const *dirs, size_t ndirs, bool *io_error);

/* Loaders of the standard tables (tables.c); each reads one file's root
   into f, adding diagnostics. A later directory replaces an entry of the
   same key (benchmarks, equipment kinds, process rules) or the whole table
   (metering, ETS, finance). */
void tables_benchmarks(schema *s, const ynode *root, factors *f);
void tables_metering(schema *s, const ynode *root, factors *f);
void tables_equipment(schema *s, const ynode *root, factors *f);
/* The key path of what an equipment file's pruned tree leaves out (the
   classes), and whether tables_equipment, reading next the file of text
   key `key`, can do with that tree (ctx: the factors): its classes were
   all converted before (see ytree_load_file_pruned). */
extern const char *const tables_equipment_pruned[];
bool tables_equipment_prunable(void *ctx, const uint64_t key[2]);
void tables_ets(schema *s, const ynode *root, factors *f);
void tables_process(schema *s, const ynode *root, factors *f);
void tables_finance(schema *s, const ynode *root, factors *f);
/* declared.yaml: a figure replaces the one of the same path; the default
   tolerance and the source, when given, replace the earlier ones. */
void tables_declared(schema *s, const ynode *root, factors *f);
/* The rule of a declared figure's shape (brackets written []), or NULL. */
const declared_rule *factors_declared(const factors *f, const char *shape);
/* The formula of a process rule (emissions.c): reads `formula`, `ratio`,
   `activity`, `deduct`, `carbon` and `defaults` of entry m into r. */
void tables_process_formula(schema *s, const ynode *m, const char *path,
                            process_rule *r);
/* Non-CO2 gas rules (gases.yaml) and GWP sets (gwp.yaml), emissions.c; an
   entry replaces one of the same key. */
void tables_gases(schema *s, const ynode *root, factors *f);
void tables_gwp(schema *s, const ynode *root, factors *f);
const gas_rule *factors_gas(const factors *f, const char *key);
const gwp_set *factors_gwp_set(const factors *f, const char *key);
/* The GWP of gas in set, or NULL. */
const gwp_value *factors_gwp(const gwp_set *set, const char *gas);
const gas_tech *factors_gas_tech(const gas_rule *r, const char *key);
/* rules/carbon.yaml (uncertainty.c): the uncertainty by data tier; a
   later directory replaces a tier of the same key. */
void tables_carbon(schema *s, const ynode *root, factors *f);
/* The tier of key when the rules give it, else NULL. */
const unc_tier *factors_uncertainty(const factors *f, const char *key);
/* The glossary (terms.yaml) and the names tables (names.yaml), terms.c;
   an entry replaces one of the same section and key. */
void tables_terms(schema *s, const ynode *root, factors *f);
void tables_names(schema *s, const ynode *root, factors *f);
/* The register of standards and editions (standards.yaml, editions.c); a
   standard replaces one of the same key. */
void tables_standards(schema *s, const ynode *root, factors *f);

/* The register's entry whose code is code ("GB/T 2589"), or NULL. */
const std_def *factors_standard(const factors *f, const char *code);
/* The edition of sd in force on day (the latest in_force on or before
   it), or NULL when none of its editions was in force yet. */
const std_edition *factors_edition_at(const std_def *sd, date day);
/* Splits a designation "GB 16780-2021" into its code (arena) and
   edition year; false when it has no "-YYYY" tail. */
bool factors_designation(arena *a, const char *designation, const char **code,
                         const char **edition);

/* Reads the `citation` ({zh, en}: the official document that a report
   prints) and the `checked` mark of entry m at path; the caller lists both
   keys in the entry's schema (`citation` among the required ones). */
void factors_cite(schema *s, const ynode *m, const char *path, text2 *cite,
                  rule_check *chk);
/* Whether entry m of a later rules directory only marks the entry of the
   same key checked: a mapping whose only key is `checked` (for a carrier,
   also `carbon: {checked: ...}`). It then keeps the earlier entry's value
   and adds the mark (factors_mark applies it; an error when no earlier
   directory has the key). */
bool factors_only_checked(const ynode *m, bool carrier);
bool factors_mark(schema *s, const ynode *key, const ynode *m, bool found,
                  const char *what, const char *path, rule_check *chk);
void tables_industries(schema *s, const ynode *root, factors *f);
/* Helpers of the table readers: `source` and `verified` of entry m; a
   list of identifiers (NULL-terminated, *count read). */
void tables_source(schema *s, const ynode *m, const char *path, text2 *src,
                   bool *verified);
const char **tables_id_list(schema *s, const ynode *n, const char *path,
                            size_t *count);
/* Stage indicators (stages.c): a set replaces one of the same key;
   stages_check checks what a set names in other tables once every layer
   is read. */
void tables_stages(schema *s, const ynode *root, factors *f);
void stages_check(schema *s, const factors *f);
/* Building quotas (buildings.c): a quota replaces one of the same key;
   buildings_check checks the provinces a quota names against grids.yaml's
   once every layer is read. */
void tables_buildings(schema *s, const ynode *root, factors *f);
void buildings_check(schema *s, const factors *f);
/* The stage set of a facility's industry (code, or own key written),
   or NULL. */
const stage_set *factors_stages(const factors *f, const char *code,
                                const char *written);
/* The industry a facility file or a rule names: a code of the table
   ("C3011"), its digits alone ("3011"), a readable key ("cement") or a
   key of its own ("building"). Sets *code (NULL for an own key) and
   *name (the code's names, or the own key's); false when unknown. */
bool industries_resolve(const factors *f, const char *written,
                        const char **code, text2 *name);
/* Whether a facility's code lies within a rule's code (prefix: C3011 is
   in C30 and in C); an own key matches only itself. */
bool industries_within(const char *facility_code, const char *rule_code);
/* Every key and code a file may write, NULL-terminated, for
   did-you-mean. */
const char **industries_all(const factors *f, arena *a);

/* The benchmark a facility names by key (never an edition_of entry), or
   NULL. */
const benchmark *factors_benchmark(const factors *f, const char *key);
/* The limits of benchmark key (a base benchmark) for the standard
   designation ("GB 21346-2013"): the base benchmark or one of its
   edition_of entries; NULL when none is of that designation. */
const benchmark *factors_benchmark_edition(const factors *f, const char *key,
                                           const char *designation);
/* Converts the classes of every kind not converted yet (kinds read from
   the cache's records convert when first asked for): for the rules image,
   which then holds them all. */
void factors_equipment_all(const factors *f);
const eq_kind *factors_equipment(const factors *f, const char *key);
/* The table of kind key (a base kind) for the standard designation
   ("GB 20052-2020"): the base kind or one of its edition_of entries;
   NULL when none is of that designation. */
const eq_kind *factors_equipment_edition(const factors *f, const char *key,
                                         const char *designation);
/* Why the rules hold no table of designation for kind k (its
   missing_editions entry), or NULL when k says nothing of it. */
const text2 *factors_equipment_missing(const eq_kind *k,
                                       const char *designation);
const process_rule *factors_process(const factors *f, const char *key);

/* The carrier with key, or NULL. */
const carrier_def *factors_carrier(const factors *f, const char *key);
/* Keys of all carriers (NULL-terminated, arena), for did-you-mean. */
const char **factors_carrier_keys(const factors *f, arena *a);
/* The supply coal rate of year, or else of the latest year before it;
   NULL when there is none. */
const year_value *factors_supply_rate(const factors *f, int year);

#endif
