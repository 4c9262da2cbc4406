/* management.h — the facility file's optional `management:` section: how
 * the enterprise manages energy, as it states it (docs/calculation.md,
 * "Energy management").
 *
 *   management:
 *     organisation:        department, the registered energy manager, staff
 *     targets:             five_year and yearly targets (tce ceiling and/or
 *                          intensity reduction), actuals of earlier years
 *     system:              GB/T 23331 certification or GB/T 15587 elements
 *     meter_management:    GB 17167 chapter 5: system, staff, records
 *     online_monitoring:   connection to the online energy-monitoring system
 *     obsolete_check:      equipment checked against the obsolete catalogues
 *     previous_audit:      follow-up of the previous audit's measures
 *
 * Every part is optional; a part present is read whole and checked (dates
 * that exist, percentages within range, targets greater than zero, no
 * statement that contradicts itself). The section lives in the run's arena
 * and every field keeps its source position. */
#ifndef GEN_MANAGEMENT_H
#define GEN_MANAGEMENT_H

#include <stdbool.h>
#include <stddef.h>

#include "schema.h"

struct model;

/* GB/T 15587 elements, in the order a report lists them. */
typedef enum {
  MG_EL_POLICY,
  MG_EL_ORGANISATION,
  MG_EL_TARGETS,
  MG_EL_PROCUREMENT,
  MG_EL_CONVERSION,
  MG_EL_USE,
  MG_EL_METERING,
  MG_EL_STATISTICS,
  MG_EL_ASSESSMENT,
  MG_EL_TRAINING,
  MG_EL_RECORDS,
  MG_EL_N
} mg_element;

/* The element keys of the input (mg_element order), NULL-terminated. */
extern const char *const mg_element_keys[];

typedef enum { MG_STD_NONE, MG_STD_23331, MG_STD_15587 } mg_standard;
typedef enum { MG_IMPL_YES, MG_IMPL_PARTLY, MG_IMPL_NO } mg_implemented;
typedef enum { MG_BASIS_OUTPUT, MG_BASIS_VALUE_ADDED } mg_basis;

/* One target: a year (from == to) or the five-year period. */
typedef struct mg_target {
  int from, to;            /* years */
  bool has_total, has_reduction;
  double total_tce;        /* ceiling of total consumption, tce */
  const char *total_text;
  double reduction;        /* intensity reduction target, 0..1 */
  mg_basis basis;          /* the intensity the reduction is of */
  bool has_base;
  double base_intensity;   /* tce per 万元 of the base (previous) year */
  const char *base_text;
  bool has_actual_tce, has_actual_reduction;
  double actual_tce;       /* earlier years: as the enterprise states */
  double actual_reduction; /* earlier years: -1..1 */
  bool of_audit;           /* the year is the audit period (its actuals
                              come from the results) */
  text2 doc;               /* the document that set it, or zh NULL */
  src_pos pos;
} mg_target;

typedef struct mg_found {
  const char *equipment;   /* equipment id, or NULL */
  text2 name, catalogue, plan;
  bool has_deadline;
  date deadline;
  src_pos pos;
} mg_found;

typedef struct mg_measure {
  const char *id;
  text2 name;
  bool has_planned;
  double planned_tce;
  mg_implemented implemented;
  bool has_saving;
  double saving_tce;
  text2 note;              /* zh NULL when none */
  src_pos pos;
} mg_measure;

typedef struct m_management {
  /* organisation */
  bool has_organisation;
  text2 department;
  text2 manager_name, manager_post;
  const char *registration;  /* 备案 number, or NULL */
  bool has_registered;
  date registered;
  bool has_staff;
  long staff;
  /* targets */
  bool has_five_year;
  mg_target five_year;
  mg_target *yearly;
  size_t n_yearly;
  bool has_targets;
  /* energy management system */
  bool has_system;
  mg_standard standard;
  bool certified;
  const char *certificate;
  text2 body;                /* zh NULL when none */
  bool has_certified_on, has_valid_until, has_self_assessed;
  date certified_on, valid_until, self_assessed_on;
  bool has_elements;
  signed char elements[MG_EL_N]; /* 1 present, 0 absent, -1 not stated */
  /* meter management (GB 17167 chapter 5) */
  bool has_meter_management;
  bool mm_system, mm_ledger, mm_calibration_records, mm_data_records;
  bool has_mm_ledger, has_mm_calibration_records, has_mm_data_records;
  long mm_staff;
  /* online energy monitoring */
  bool has_online;
  bool connected;
  bool has_connected_on;
  date connected_on;
  bool has_data_points;
  long data_points;
  text2 platform;            /* zh NULL when none */
  /* obsolete-equipment catalogues */
  bool has_obsolete;
  bool checked;
  bool has_checked_on;
  date checked_on;
  text2 *catalogues;
  size_t n_catalogues;
  mg_found *found;
  size_t n_found;
  /* previous audit */
  bool has_previous;
  bool has_previous_date;
  date previous_date;
  mg_measure *measures;
  size_t n_measures;
  src_pos pos;
} m_management;

/* Reads the management: node n into a new m_management (in s->a) for the
   model m, whose facility, audit period and equipment are read already.
   Every error goes to s->dl at its position; returns NULL when n is not a
   mapping, else the section (possibly with errors recorded). */
m_management *management_read(schema *s, const ynode *n,
                              const struct model *m);

#endif
