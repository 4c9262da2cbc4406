/* model.h — the typed facility model: what one facility file says, checked
 * against input.md (schema `auditgen: 1`) and the carrier rules.
 *
 * Every field keeps the position it came from. Quantities are in the base
 * unit of their dimension (see units.h); a meter's quantity is converted to
 * its carrier's base unit (t, m3, kWh or GJ). References (a meter's from/to,
 * a product's units, a price's carrier) are resolved and checked here, so
 * calc never meets a dangling id. The model lives in the run's arena. */
#ifndef GEN_MODEL_H
#define GEN_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "../base/diag.h"
#include "../base/mem.h"
#include "../rules/factors.h"
#include "carbonin.h"
#include "evidence.h"
#include "management.h"
#include "schema.h"

/* Places a flow can come from or go to, besides unit indices (>= 0). */
#define PLACE_OUTSIDE (-1)
#define PLACE_SITE (-2)

typedef enum {
  STAGE_PURCHASE,
  STAGE_CONVERSION,
  STAGE_DISTRIBUTION,
  STAGE_END_USE
} unit_stage;

/* What a conversion unit (stage: conversion) is, for its indicators
   (docs/calculation.md, "Conversion units"). */
typedef enum {
  CONV_OTHER,             /* no conversion: block, or kind: other */
  CONV_WASTE_HEAT_POWER,  /* 余热发电: power from recovered heat */
  CONV_WASTE_HEAT_BOILER, /* 余热锅炉: steam or hot water from recovered heat */
  CONV_BOILER,
  CONV_TURBINE_GENERATOR,
  CONV_CHP,
  CONV_RECTIFIER,         /* AC to DC: the carrier passes through */
  CONV_COMPRESSED_AIR,
  CONV_OXYGEN,
  CONV_REFRIGERATION
} conv_kind;

/* A recovery kind takes no metered energy for what it makes: its heat is
   already counted in the fuel of the unit it recovers from. */
#define CONV_RECOVERS(k) \
  ((k) == CONV_WASTE_HEAT_POWER || (k) == CONV_WASTE_HEAT_BOILER)

typedef struct m_conversion {
  bool given;          /* the unit has a conversion: block */
  conv_kind kind;
  int heat_from;       /* unit whose waste heat it recovers, or -1 */
  const char *carrier; /* the carrier its output is of (its outflow), or NULL */
  qty output;          /* gross output at the terminals, carrier base unit */
  qty capacity;        /* kW or t/h */
  src_pos pos, kind_pos, heat_from_pos;
} m_conversion;
/* The system an end-use unit belongs to (GB/T 28751 最终使用: 主要生产,
   辅助生产, 附属生产). SYSTEM_NONE: not given, the nearest ancestor's
   applies, else production. */
typedef enum {
  SYSTEM_NONE,
  SYSTEM_PRODUCTION,
  SYSTEM_AUXILIARY,
  SYSTEM_ANCILLARY
} unit_system;
/* A building unit's energy use as the quota standards divide it: regular
   (常规用能), special (特殊用能: data rooms, medical equipment the quota
   leaves out) or heating (供暖, apart in GB/T 51161). USE_NONE: not given,
   the nearest ancestor's applies, else regular. */
typedef enum { USE_NONE, USE_REGULAR, USE_SPECIAL, USE_HEATING } unit_use;

typedef struct m_unit {
  const char *id;
  text2 name;
  unit_stage stage;
  unit_system system; /* only on end-use units */
  unit_use use;       /* building energy use, or USE_NONE */
  int parent; /* unit index, or -1 */
  m_conversion conv;
  const char *section; /* the stage set's section (rules/stages.yaml), or NULL */
  src_pos section_pos;
  src_pos pos;
} m_unit;

typedef enum {
  METER_NONE, /* installed: false */
  METER_TOTAL,
  METER_MONTHLY,
  METER_REGISTER,
  METER_SERIES
} meter_form;

typedef struct m_meter {
  const char *id;
  text2 name;
  const char *carrier;     /* key (rules, or made in-house) */
  int level;               /* GB 17167 level 1..3 */
  const char *accuracy;    /* class as printed, or NULL */
  src_pos accuracy_pos;
  const char *kind;        /* METER_KINDS entry, or NULL when not stated */
  bool has_calibrated, has_due;
  date calibrated;         /* last calibration (检定/校准) */
  date due;                /* calibration_due, or calibrated + interval */
  int interval_months;     /* calibration_interval, 0 when not given */
  const char *certificate; /* certificate number, or NULL */
  int from, to;            /* unit index or PLACE_* */
  const char *sold_to;     /* a sale (to: outside) to another facility of
                              the same group: its id, or NULL (rollup) */
  bool installed;
  meter_form form;
  double quantity;         /* carrier base units over the period */
  double *monthly;         /* carrier base units, n_monthly values */
  size_t n_monthly;
  double reg_start, reg_end, reg_multiplier;
  const char *reg_unit;
  const char *text;        /* the total/register as written, for reports */
  const char *series_file; /* series: the CSV as named in messages */
  size_t series_values, series_missing; /* rows used; grid intervals absent */
  long series_interval_s;  /* the commonest step, 0 when unknown */
  src_pos pos, carrier_pos, data_pos;
} m_meter;

typedef struct m_stock {
  const char *carrier;
  double opening, closing; /* carrier base units */
  const char *opening_text, *closing_text;
  src_pos pos, opening_pos, closing_pos;
} m_stock;

typedef struct m_share {
  int unit;
  double share;
  src_pos pos;
} m_share;

/* An intermediate product consumed by another (clinker in cement). */
typedef struct m_use {
  int product;           /* product index */
  double amount;         /* in that product's unit */
  const char *text;
  src_pos pos;
} m_use;

typedef struct m_product {
  const char *id;
  text2 name;
  const char *benchmark; /* key, or NULL */
  src_pos benchmark_pos;
  qty quantity;
  const char *unit;      /* the base unit the quantity is in: t, m3, m2, kWh */
  int *units;
  size_t n_units;
  m_share *shared;
  size_t n_shared;
  m_use *uses;
  size_t n_uses;
  double *monthly;       /* output per month in unit, n_monthly values;
                            NULL when not given */
  size_t n_monthly;
  src_pos monthly_pos;
  src_pos pos;
} m_product;

/* What a price says about value-added tax (增值税). */
typedef enum { VAT_NOT_STATED, VAT_INCLUDED, VAT_EXCLUDED } vat_basis;

typedef struct m_price {
  const char *carrier;
  double cny_per_unit; /* CNY per carrier base unit */
  const char *text;
  vat_basis vat;       /* prices.X: {price:, vat:}; NOT_STATED otherwise */
  src_pos pos;
} m_price;

typedef struct m_factor {
  const char *carrier;
  bool has_ncv, has_cc, has_ox, has_ef, has_enthalpy;
  bool has_counted, counted; /* a working medium left out of (or put in)
                                the total */
  double ncv_mj;    /* MJ per carrier unit */
  double cc;        /* tC per GJ */
  double ox;        /* 0..1 */
  double ef;        /* tCO2 per carrier unit */
  double enthalpy_mj; /* MJ per carrier unit (steam) */
  const char *ncv_text, *cc_text, *ox_text, *ef_text, *enthalpy_text;
  text2 source;
  const char *origin; /* what the file says the values are: "measured",
                         "contract", "assumed", "publication"; NULL when
                         it does not say */
  src_pos pos;
} m_factor;

/* A value of the facility file that may stand in for a rule's default. */
typedef struct m_param {
  bool has;
  double v;            /* base units (a ratio as a fraction, a mass in t) */
  const char *text;    /* as written */
  src_pos pos;
} m_param;

typedef struct m_process {
  const char *id;
  text2 name;
  int product;         /* product index the emission belongs to, or -1 */
  qty activity;
  qty factor;          /* tCO2 per activity unit, when given */
  const char *rule;    /* or a rule key */
  text2 source;
  bool has_source;
  src_pos pos;
  m_param params[PP_COUNT]; /* the inputs of a rule's formula, when given */
  const char *path;    /* process_emissions[id] as messages name it */
  const char *carrier; /* the fuel whose metered quantity this feedstock
                          takes out of combustion (`carrier:`), or NULL */
  src_pos carrier_pos;
} m_process;

/* One SF6 item: the nameplate capacity of a retired or overhauled piece of
   equipment, or a cylinder top-up (capacity = the mass charged), and the
   gas recovered from it (t). */
typedef struct m_sf6 {
  double capacity, recovered;
  const char *capacity_text, *recovered_text;
  bool overhauled;     /* else retired; top-ups have recovered 0 */
  bool top_up;
} m_sf6;

/* A non-CO2 gas source (gases:), computed by a rule of rules/gases.yaml. */
typedef struct m_gas {
  const char *id, *rule;
  text2 name;
  bool has_name;
  const char *technology; /* selects the rule's defaults, or NULL */
  qty activity;           /* aluminium, acid or HCFC-22 made; COD removed */
  m_param frequency;      /* anode effects per cell-day */
  m_param duration;       /* minutes per anode effect */
  m_param slope, ratio;   /* slope_cf4, c2f6_per_cf4 */
  m_param factor;         /* t gas per t product (production) */
  m_param abatement;      /* share destroyed (production) */
  m_param sludge;         /* COD removed with sludge, t */
  m_param b0, mcf;        /* wastewater */
  m_param recovered;      /* CH4 recovered or flared, t */
  m_param ch4_vent, ch4_drained; /* coal mine: CH4 volumes, m3 */
  m_param ch4_flared, ch4_used;  /* coal mine: drained CH4 flared, used */
  m_param co2_vent, co2_drained; /* coal mine: CO2 volumes, m3 */
  m_param post_mining, mining;   /* coal mine: own CH4 factors, t/t */
  m_param flare_oxidation;       /* coal mine: flare oxidation, fraction */
  m_sf6 *sf6;             /* equipment items, n_sf6 */
  size_t n_sf6;
  const char **gwp_gas;   /* own GWPs by gas, n_gwp */
  double *gwp_value;
  size_t n_gwp;
  text2 source;
  bool has_source;
  src_pos pos;
} m_gas;

typedef struct m_equipment {
  const char *id, *kind;
  text2 name;
  int unit;            /* unit index or -1 */
  const char *fuel;    /* carrier key or NULL */
  const char *type;    /* boiler or compressor type, or NULL */
  const char *cooling; /* air | liquid, or NULL */
  const char *coal_class; /* I, II, III… or NULL */
  long poles;          /* motors; 0 = not given */
  qty capacity;        /* power (kW) or steam rate (t/h) */
  qty pressure;        /* MPa */
  qty flow;            /* pumps: flow at best efficiency, m3/h */
  qty head;            /* pumps: total head at best efficiency, m */
  qty speed;           /* pumps: rated speed, base revolutions per hour */
  long stages;         /* pumps: number of stages; 0 = not given */
  /* fans (GB 19761): NAN when not given */
  double pressure_coefficient; /* ψ, centrifugal fans */
  double hub_ratio;            /* γ, axial fans */
  double specific_speed;       /* ns at the best-efficiency point */
  double machine_number;       /* 机号 No. (impeller diameter, dm) */
  /* transformers (GB 20052): NULL / not set when not given */
  const char *core;            /* electrical_steel | amorphous */
  const char *connection;      /* Dyn11 | Yzn11 | Yyn0 */
  const char *insulation;      /* dry: B | F | H (insulation class) */
  double voltage_class;        /* 电压等级 kV (10, 35, 110…), NAN if none */
  int meter;                   /* transformers: the meter of the electricity
                                  through it, index or -1 */
  double power_factor;         /* measured average cos φ, NAN if none */
  const char *model_no;  /* nameplate model (型号), or NULL */
  const char *series;    /* the model's series, as the catalogues name it */
  /* rated (nameplate, 铭牌值): graded against the product standard */
  double rated_efficiency;     /* 0..1, NAN when not given */
  double rated_specific_power; /* MJ per m3, NAN when not given */
  double rated_cop, rated_iplv; /* chillers: COPc and IPLV (W/W), NAN */
  double rated_seer, rated_apf, rated_aeer; /* unitary air conditioners
                                               (GB 19576), W/W, NAN */
  qty no_load_loss, load_loss; /* transformers: P0 and Pk, power */
  /* measured (field test, 实测): judged by the operating standard. The
     top-level efficiency/specific_power of older files mean these. */
  double efficiency;   /* 0..1, NAN when not given */
  double specific_power; /* MJ per m3 (base of kW/(m3/min)), NAN if none */
  const char *specific_power_text;
  double load_factor;  /* β as measured, 0..2, NAN when not given */
  qty output_power;    /* motors: shaft output power */
  qty load;            /* transformers: apparent load (kVA) */
  qty op_flow;         /* fans, pumps: operating flow */
  const char *control; /* fans, pumps: flow control, or NULL */
  src_pos pos, kind_pos;
} m_equipment;

typedef struct m_saving {
  const char *carrier;
  double amount;       /* carrier base units per year */
  const char *text;
  src_pos pos, amount_pos;
} m_saving;

typedef struct m_measure {
  const char *id;
  text2 name;
  double investment;   /* CNY */
  m_saving *saves;
  size_t n_saves;
  double om_cost;      /* CNY per year (change of operating cost) */
  double lifetime;     /* years */
  double discount_rate; /* NAN = default of the rules */
  /* What a client needs to act on it (all optional): the present
     situation, the scheme, how the saving was estimated, the schedule
     and the operating hours the saving assumes. */
  text2 situation, scheme, saving_basis;
  bool has_situation, has_scheme, has_saving_basis;
  date start, finish;   /* schedule.start / schedule.finish */
  bool has_start, has_finish;
  long months;          /* schedule.months (duration); 0 = not given */
  double operating_hours; /* hours a year; NAN when not given */
  src_pos pos;
} m_measure;

/* A figure the enterprise declared (declared[]): a results path with
   brackets as written (energy.products[clinker].unit_consumption_kgce), its
   shape with [] for the rules, the value as written (dimension checked
   against the figure's unit by calc) and where it was filed. */
typedef struct m_declared {
  const char *figure, *shape;
  qty value;
  text2 filed_in;
  src_pos pos, figure_pos, value_pos;
} m_declared;

/* A design capacity of the facility (facility.capacity[]). */
typedef struct m_capacity {
  text2 name;
  qty value;           /* a rate: t/d, t/a, MW… */
  src_pos pos;
} m_capacity;

/* Lit rooms of one kind (facility.lighting[]): their floor area and the
   installed power of their general lighting, for the lighting power
   density of GB 50034. room is a key of the rules' lighting table. */
typedef struct m_lighting {
  const char *room;
  text2 name;          /* zh NULL when not given */
  qty area, power;     /* m2; power (kW) */
  qty decorative;      /* decorative luminaires (kW), text NULL: none */
  bool accent;         /* accent lighting on a sales floor */
  src_pos pos, room_pos;
} m_lighting;

/* A member of the audit team (audit.team[]), for the sign-off page. */
typedef struct m_member {
  text2 name, role;
  text2 qualification; /* title or qualification; has_qualification */
  bool has_qualification;
  const char *certificate; /* certificate number, or NULL */
  src_pos pos;
} m_member;

typedef struct m_base_product {
  int product;         /* product index */
  double unit_consumption_kgce; /* kgce per product unit */
  const char *text;
  src_pos pos;
} m_base_product;

typedef struct m_baseline {
  bool present;
  date from, to;
  m_base_product *products;
  size_t n_products;
  bool has_intensity;
  double intensity_tce_per_10k; /* tce per 万元 */
  src_pos pos;
} m_baseline;

/* One earlier year of history[] (docs/calculation.md "Earlier years"):
   either a facility file of its own (sub, loaded and validated like the
   main one, computed by the same calc), or its totals written inline. */
typedef struct m_year_carrier {
  const char *carrier;
  double quantity;     /* carrier base units consumed in the year */
  const char *text;
  src_pos pos;
} m_year_carrier;

typedef struct m_year_product {
  int product;         /* index in the main file's products */
  double quantity;     /* in that product's unit */
  double unit_kgce;    /* kgce per product unit; NAN when not given */
  m_use *uses;         /* intermediate products it used that year */
  size_t n_uses;
  const char *text;
  src_pos pos;
} m_year_product;

typedef struct m_year {
  date from, to;
  const char *file;            /* as written, or NULL (inline) */
  const struct model *sub;     /* the year's own model, or NULL */
  m_year_carrier *consumption; /* inline: per carrier */
  size_t n_consumption;
  m_year_product *products;    /* inline: output per product */
  size_t n_products;
  double output_value;         /* CNY; NAN when not given */
  double co2_t;                /* inline: tCO2 as given; NAN when not */
  src_pos pos;
} m_year;

#define MODEL_MAX_YEARS 5

typedef struct model {
  const char *file;
  /* facility */
  text2 name, address;
  bool has_address;
  const char *credit_code;
  const char *industry;      /* as the file writes it (code or key) */
  const char *industry_code; /* GB/T 4754-2017 code; NULL for own keys */
  text2 industry_name;       /* from rules/industries.yaml */
  const char *province, *grid;
  qty output_value, value_added, floor_area; /* money in CNY, area m2 */
  long employees;
  bool has_employees;
  /* buildings and public institutions: words of fs_building_types etc.,
     NULL when not given; counts 0 when not given */
  const char *building_type, *climate_zone, *ventilation, *hospital_grade;
  long beds, bed_days, outpatient_visits, students, occupants;
  double operating_hours; /* h a year, 0 when not given */
  bq_quota *quotas;       /* quotas: set for this facility, one row each */
  size_t n_quotas;
  m_capacity *capacity;      /* facility.capacity, n_capacity items */
  size_t n_capacity;
  m_lighting *lighting;      /* facility.lighting, n_lighting items */
  size_t n_lighting;
  text2 process_route;       /* facility.process: the process route */
  bool has_process_route;
  /* audit */
  date from, to;
  int months;          /* calendar months the period touches */
  const char *audit_type;   /* full, special or internal (the enterprise's own) */
  text2 auditor;
  bool has_auditor;
  date report_date;
  bool has_report_date;
  int grid_year;       /* 0 = default */
  src_pos grid_year_pos;
  const char **standards;
  size_t n_standards;
  m_member *team;      /* audit.team, n_team members */
  size_t n_team;

  m_unit *units;
  size_t n_units;
  m_meter *meters;
  size_t n_meters;
  m_stock *stock;
  size_t n_stock;
  m_product *products;
  size_t n_products;
  m_price *prices;
  size_t n_prices;
  m_factor *factor_overrides;
  size_t n_factor_overrides;
  m_process *process;
  size_t n_process;
  m_gas *gases;        /* gases:, n_gases */
  size_t n_gases;
  const char *gwp;     /* audit.gwp: the GWP set, or NULL (rules' default) */
  m_equipment *equipment;
  size_t n_equipment;
  m_measure *measures;
  size_t n_measures;
  m_baseline baseline;
  m_year *history;      /* earlier years, oldest first, n_history <= 5 */
  size_t n_history;
  bool has_target;      /* saving_target: */
  bool target_is_ratio; /* an intensity reduction (0..1), else tce */
  double target;        /* tce, or the reduction as a fraction */
  const char *target_text;
  src_pos target_pos;
  evidence_list evidence; /* files behind the figures (evidence.h) */
  const m_management *management; /* management: section, or NULL */
  m_declared *declared;  /* declared: figures the enterprise filed */
  size_t n_declared;
  m_carbon_in carbon_in; /* recovery, green power, carbon management,
                            allowances (carbonin.h) */
  size_t *product_order; /* products in dependency order (uses first) */
  struct strmap *unit_index; /* unit id -> index */

  /* Carriers made inside by a conversion unit that the rules do not
     define: key and inferred base unit. */
  const char **own_carriers;
  const char **own_units;
  size_t n_own;
} model;

/* Loads and validates a facility file. name is how messages call it.
   Returns NULL when the file has any error (all of them are in dl);
   warnings do not stop it. *io_error is set when the file could not be
   read at all. */
model *model_load(arena *a, diag_list *dl, const units *u, const factors *f,
                  const char *path, const char *name, bool *io_error);

/* The same for text in memory (tests, fuzzing). */
model *model_load_text(arena *a, diag_list *dl, const units *u,
                       const factors *f, const char *text, size_t len,
                       const char *name);

/* Index of unit id, or -1. */
int model_unit(const model *m, const char *id);

/* The name of a conversion kind as the input writes it. */
const char *model_conv_kind(conv_kind k);
/* Base unit of a carrier key (rules, or in-house), or NULL. */
const char *model_carrier_unit(const model *m, const factors *f,
                               const char *key);
/* "outside", "site" or the unit id. */
const char *model_place(const model *m, int place);
/* Validates a GB 32100 unified social credit code; returns NULL when
   valid, else what is wrong (static text). */
const char *credit_code_problem(const char *code);

#endif
