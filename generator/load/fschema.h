/* fschema.h — the facility file described as data: its sections, the keys
 * of each, their types and a description of each in both languages.
 *
 * One source for two readers: the loader checks every mapping's keys
 * against these tables (fs_map: unknown keys, missing required keys), and
 * `auditgen schema` writes them out as a JSON Schema (fs_json_schema) for
 * editors and tools. A key the loader reads must be in its section's
 * table, or the loader calls it unknown; tests/unit/check_fschema.c holds
 * the other direction (every key of a table is read by the loader).
 *
 * The tables are static constant data; nothing here allocates except
 * fs_json_schema, whose tree lives in the arena it is given. */
#ifndef GEN_FSCHEMA_H
#define GEN_FSCHEMA_H

#include <stdbool.h>
#include <stddef.h>

#include "../base/mem.h"
#include "../base/value.h"
#include "schema.h"

typedef enum fs_kind {
  FS_TEXT,   /* any scalar but null, read as text (sch_str) */
  FS_ID,     /* an identifier (sch_id) */
  FS_INT,    /* a whole number from lo to hi (sch_int) */
  FS_NUM,    /* a plain number (sch_num) */
  FS_BOOL,   /* true/false, yes/no (sch_bool) */
  FS_DATE,   /* YYYY-MM-DD (sch_date) */
  FS_TEXT2,  /* {zh:, en:}, or a plain string with a warning (sch_text2) */
  FS_QTY,    /* a quantity "<number> <unit>" or {value:, unit:} (sch_qty) */
  FS_RATIO,  /* a number or a percent (sch_ratio) */
  FS_ENUM,   /* one of choices (sch_enum) */
  FS_LIST,   /* a list of item */
  FS_MAP,    /* a mapping with the keys of sec */
  FS_FLAGS,  /* a mapping of some of choices, each true or false */
  FS_DICT,   /* a mapping of carrier keys, each to an item */
  FS_ONE_OF  /* item or alt (the loader tells them apart by shape) */
} fs_kind;

typedef struct fs_section fs_section;

typedef struct fs_type {
  fs_kind kind;
  const char *const *choices; /* FS_ENUM, FS_FLAGS: NULL-terminated */
  const char *unit;  /* FS_QTY: a unit of the dimension wanted (its units
                        are listed in the description); NULL: the dimension
                        depends on another key (a carrier's unit) */
  long lo, hi;       /* FS_INT */
  const struct fs_type *item, *alt; /* FS_LIST, FS_DICT, FS_ONE_OF */
  const fs_section *sec;            /* FS_MAP */
  bool nullable;     /* null is read as absent */
} fs_type;

typedef struct fs_key {
  const char *name;
  const fs_type *type;
  bool required;
  const char *zh, *en; /* what the key holds */
} fs_key;

struct fs_section {
  const char *def;     /* its name under $defs */
  const char *zh, *en; /* title */
  const fs_key *keys;  /* ends with an entry whose name is NULL */
};

/* The sections of the facility file, one per mapping the loader reads. */
extern const fs_section fs_root, fs_facility, fs_capacity, fs_audit,
    fs_period, fs_team, fs_unit, fs_conversion, fs_meter, fs_register,
    fs_stock, fs_price, fs_factor, fs_product, fs_share, fs_use,
    fs_process, fs_equipment, fs_rated, fs_measured, fs_measure,
    fs_saving, fs_schedule, fs_baseline, fs_base_product, fs_evidence,
    fs_management, fs_organisation, fs_manager, fs_targets, fs_five_year,
    fs_yearly, fs_system, fs_meter_management, fs_online, fs_obsolete,
    fs_obsolete_found, fs_previous, fs_previous_measure, fs_declared,
    fs_gas, fs_sf6, fs_recovered, fs_green, fs_carbon_management,
    fs_allowance, fs_allowance_line, fs_quota, fs_year, fs_year_product,
    fs_lighting;

/* Word lists the loader reads with sch_enum; the index of a word is its
   meaning (the order of the model's enums). */
extern const char *const fs_grids[], *const fs_audit_types[],
    *const fs_stages[], *const fs_systems[],
    *const fs_series_stamps[], *const fs_series_values[], *const fs_vats[], *const fs_origins[],
    *const fs_coolings[], *const fs_cores[], *const fs_insulations[],
    *const fs_controls[], *const fs_intensity_bases[],
    *const fs_ems_standards[], *const fs_implemented[], *const fs_green_kinds[],
    *const fs_building_types[], *const fs_climate_zones[],
    *const fs_ventilations[], *const fs_hospital_grades[], *const fs_uses[];

/* Every section, NULL-terminated (for tests and the schema writer). */
extern const fs_section *const fs_sections[];

/* sch_map over a section: n must be a mapping whose keys are all in sec,
   with every required key of sec. Same messages and result as sch_map. */
bool fs_map(schema *s, const ynode *n, const char *path,
            const fs_section *sec);

/* The JSON Schema (draft 2020-12) of the facility file, built in a. */
/* industrial: the keys of rules/industries.yaml standing for a code of
   GB/T 4754 sections B, C or D (NULL-terminated; may be NULL). */
value *fs_json_schema(arena *a, const char *const *industrial);

/* Whether path (keys and [item] steps: meters[E01].name.zh,
   audit.standards[0]) names a place of the facility file that holds a
   scalar: each key one of its section, an item only in a list (by index
   or id), a value only where the file takes a scalar. The import's
   path sheet builds only such paths. */
bool fs_path_fits(const char *path);

#endif
