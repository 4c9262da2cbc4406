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

typedef enum {
  CARRIER_FUEL,
  CARRIER_ELECTRICITY,
  CARRIER_HEAT,
  CARRIER_STEAM,
  CARRIER_MEDIUM
} carrier_class;

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
  text2 source;
  bool verified;
  src_pos pos;
  bool has_carbon;    /* combustion defaults present */
  double c_ncv_gj;    /* GJ per carrier unit */
  double c_cc;        /* tC per GJ */
  double c_ox;        /* oxidation rate, 0..1 */
  text2 c_source;
  bool c_verified;
} carrier_def;

typedef struct year_value {
  int year;
  const char *region; /* grid factors only */
  double value;       /* supply rate: kgce/kWh; grid factor: tCO2/MWh */
  const char *text;
  text2 source;
  bool verified;
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

typedef struct factors {
  carrier_def *carriers;
  size_t n_carriers;
  year_value *supply_rate; /* 供电煤耗 by year, kgce/kWh */
  size_t n_supply_rate;
  grid_set *grid_sets;
  size_t n_grid_sets;
  bool has_heat_factor;
  double heat_factor;      /* tCO2/GJ */
  text2 heat_source;
  province_map *provinces;
  size_t n_provinces;
} factors;

/* Loads carriers.yaml and grids.yaml from each directory in dirs (in
   order; later ones override earlier ones by key). Returns NULL after
   diagnostics when a file is missing or invalid. */
factors *factors_load(arena *a, diag_list *dl, const units *u,
                      const char *const *dirs, size_t ndirs, bool *io_error);

/* The carrier with key, or NULL. */
const carrier_def *factors_carrier(const factors *f, const char *key);
/* Keys of all carriers (NULL-terminated, arena), for did-you-mean. */
const char **factors_carrier_keys(const factors *f, arena *a);
/* The supply coal rate of year, or else of the latest year before it;
   NULL when there is none. */
const year_value *factors_supply_rate(const factors *f, int year);

#endif
