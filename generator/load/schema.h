/* schema.h — typed reading of ynode trees, shared by the facility loader
 * and the rule-file loaders.
 *
 * Every reader takes the node, a key path for messages ("meters[3].total")
 * and an output; on bad input it appends a diagnostic at the node's
 * position and returns false, so callers go on and one run reports every
 * error. Strings are the tree's own (arena) strings. */
#ifndef GEN_SCHEMA_H
#define GEN_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>

#include "../base/diag.h"
#include "../base/mem.h"
#include "units.h"
#include "ytree.h"

typedef struct schema {
  arena *a;
  diag_list *dl;
  const units *u;
  arena *paths; /* where sch_path and sch_index put the key paths they
                   make (for messages only), when not a: a converter of
                   many nodes that keeps no path frees them at once */
} schema;

/* Bilingual text: both languages always set once read. */
typedef struct text2 {
  const char *zh, *en;
  src_pos pos;
} text2;

/* A quantity in base units of its dimension (see units.h). */
typedef struct qty {
  bool set;
  double v;
  dimvec dim;
  const char *text; /* as written, for reports and messages */
  const char *unit; /* the unit as written ("万kWh", "CNY/t"); "" if none */
  src_pos pos;
} qty;

typedef struct date {
  int y, m, d;
  src_pos pos;
} date;

/* Checks that n is a mapping whose keys are all in keys (NULL-terminated)
   and that every key of required (NULL-terminated, may be NULL) is there.
   An unknown key gets a "did you mean" hint. Returns false when n is not a
   mapping (other problems are reported and true is returned). */
bool sch_map(schema *s, const ynode *n, const char *path,
             const char *const *keys, const char *const *required);
/* Checks that n is a list. */
bool sch_list(schema *s, const ynode *n, const char *path);
/* A non-empty string scalar. */
bool sch_str(schema *s, const ynode *n, const char *path, const char **out);
/* An identifier: letters, digits, '_', '-', '.', at most 64 bytes. */
bool sch_id(schema *s, const ynode *n, const char *path, const char **out);
/* One of the words in choices (NULL-terminated); sets *out to its index. */
bool sch_enum(schema *s, const ynode *n, const char *path,
              const char *const *choices, int *out);
bool sch_bool(schema *s, const ynode *n, const char *path, bool *out);
/* A plain number (thousands separators allowed), finite. */
bool sch_num(schema *s, const ynode *n, const char *path, double *out);
/* A whole number in [lo, hi]. */
bool sch_int(schema *s, const ynode *n, const char *path, long lo, long hi,
             long *out);
/* A date YYYY-MM-DD that exists in the calendar. */
bool sch_date(schema *s, const ynode *n, const char *path, date *out);
/* {zh:, en:} or a plain string (used for both, with a warning). */
bool sch_text2(schema *s, const ynode *n, const char *path, text2 *out);
/* A quantity, "<number> <unit>" or {value:, unit:}. When want is not NULL
   its dimension must match; what names the field for the message. Its
   magnitude in base units is zero or within [UNITS_TINY, UNITS_LIMIT]
   (units.h); a value outside is an error that states the limit in the
   unit written. */
bool sch_qty(schema *s, const ynode *n, const char *path, const dimvec *want,
             qty *out);
/* A ratio: a plain number, or a percent; must lie in [0, 1] after
   conversion when unit_interval is set. */
bool sch_ratio(schema *s, const ynode *n, const char *path, bool unit_interval,
               double *out);

/* The closest candidate to word by edit distance, or NULL when none is
   close enough to be a likely typo. */
const char *sch_suggest(const char *word, const char *const *cands, size_t n);
/* path + "." + key, in the arena. */
const char *sch_path(schema *s, const char *path, const char *key);
/* path + "[i]", in the arena. */
const char *sch_index(schema *s, const char *path, size_t i);

/* Day number of a date (days since 1970-01-01), for periods. */
long date_days(date d);
/* "2016-01-01" into out (at least 16 bytes). */
void date_format(date d, char *out);

#endif
