/* carbonin.h — the facility file's carbon-audit sections beyond the
 * inventory (docs/calculation.md, "Recovery, market-based scope 2, data
 * quality and allowances"):
 *
 *   co2_recovered:       CO2 recovered and supplied outside the boundary
 *                        (quantity × purity is deducted, with evidence)
 *   green_electricity:   green certificates (绿证) and direct green-power
 *                        purchases (绿电直购), MWh, for the market-based
 *                        scope 2
 *   carbon_management:   monitoring plan, responsibilities, metering,
 *                        lab analysis of carbon content and NCV, internal
 *                        review, targets (peak year, intensity), reporting
 *   allowance:           the ETS allocation lines (power: benchmark ×
 *                        output; steel, cement, aluminium: a covered
 *                        process with its case, verified emissions and
 *                        the allocation determined) and the carbon price
 *                        the position is costed at
 *
 * Every section is optional; one present is read whole and checked
 * (purity and shares within range, quantities greater than zero, ids
 * unique, benchmark, process and case keys of rules/ets.yaml). The sections live in the
 * run's arena and every field keeps its source position. */
#ifndef GEN_CARBONIN_H
#define GEN_CARBONIN_H

#include <stdbool.h>
#include <stddef.h>

#include "schema.h"

struct model;
struct factors;

typedef struct m_recovered {
  const char *id;
  double quantity_t; /* mass of the gas recovered, t */
  const char *quantity_text;
  double purity;     /* CO2 share by mass, 0..1 */
  double tco2;       /* quantity × purity */
  text2 supplied_to; /* who receives it outside the boundary */
  text2 use;         /* zh NULL when not stated */
  size_t n_evidence; /* evidence files listed for it */
  src_pos pos;
} m_recovered;

typedef enum { GREEN_CERTIFICATE, GREEN_DIRECT } green_kind;

typedef struct m_green {
  const char *id;
  green_kind kind;
  double mwh;
  const char *text;
  text2 supplier; /* zh NULL when not stated */
  size_t n_evidence;
  src_pos pos;
} m_green;

/* The carbon-management statements: each flag -1 not stated, 0 no, 1 yes. */
typedef struct m_carbon_mgmt {
  signed char monitoring_plan, activity_metering, carbon_content_tested,
      ncv_tested, laboratory_accredited, internal_review, reporting;
  bool has_plan_date;
  date plan_date;
  text2 responsible; /* zh NULL when not stated */
  text2 laboratory;  /* zh NULL when not stated */
  long peak_year;    /* 0: not stated */
  bool has_intensity_target;
  double intensity_target;    /* reduction, 0..1 */
  long intensity_target_year; /* 0: not stated */
  src_pos pos;
} m_carbon_mgmt;

typedef struct m_allowance_line {
  const char *benchmark; /* key of rules/ets.yaml power_benchmarks, or NULL */
  const char *process;   /* key of industrial_allocation, or NULL */
  const char *case_key;  /* a case of the process's entries, or NULL */
  bool has_electricity, has_heat;
  double electricity_mwh, heat_gj;
  double correction; /* 1 when not given */
  bool has_emissions, has_allocated;
  double emissions_tco2, allocated_tco2; /* tCO2e */
  const char *emissions_text, *allocated_text;
  src_pos pos, benchmark_pos;
} m_allowance_line;

typedef struct m_allowance {
  bool has_price;
  double price; /* CNY per tCO2 */
  const char *price_text;
  m_allowance_line *lines;
  size_t n_lines;
  src_pos pos;
} m_allowance;

typedef struct m_carbon_in {
  m_recovered *recovered;
  size_t n_recovered;
  m_green *green;
  size_t n_green;
  const m_carbon_mgmt *mgmt;    /* NULL without carbon_management: */
  const m_allowance *allowance; /* NULL without allowance: */
} m_carbon_in;

/* Reads the sections of root that this file owns into m->carbon_in (the
   arena's), each error at its position; a section absent or null is left
   empty. f gives the benchmark keys an allowance line may name. */
void carbonin_read(schema *s, const ynode *root, struct model *m,
                   const struct factors *f);

#endif
