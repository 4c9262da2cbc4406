/* value.h — the results tree: one generic value tree for JSON, rules and
 * templates (in the spirit of jq's jv or a JSON DOM).
 *
 * A value is null, bool, number, string, array or object. Objects keep
 * their keys in insertion order, so serialisation is stable. A number may
 * carry a unit; any value may carry a trace: the formula, the inputs
 * substituted and the clause it comes from, which the worked-calculation
 * appendix and `auditgen explain` print.
 *
 * Ownership: every value, string and trace lives in the arena passed to
 * the constructor; nothing is freed alone. */
#ifndef GEN_VALUE_H
#define GEN_VALUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mem.h"

typedef enum {
  VAL_NULL,
  VAL_BOOL,
  VAL_NUM,
  VAL_STR,
  VAL_ARR,
  VAL_OBJ
} val_kind;

/* One input of a calculation: a name, its number and unit, and where it
   came from (a meter id, a factor and its source). */
typedef struct trace_term {
  const char *name;
  double value;
  const char *unit;
  const char *from;
  const char *from_zh; /* from in Chinese, or NULL (from serves both) */
  const char *path; /* the results path of a computed input, or NULL */
  /* How a report names the term and its unit in each language. Calc sets
     the label of a term named by a key of the facility or the rules (a
     carrier, a product); the glossary (rules/terms.yaml, rules/terms.h)
     fills everything else after calc. NULL until then. */
  const char *label_zh, *label_en;
  const char *unit_zh, *unit_en;
} trace_term;

/* How a value was computed. formula is written with the terms' names;
   clause names the standard and clause (or the project's own definition).
   Both are machine text, kept for `explain` and tests; a report reads the
   wording of each language (set by calc, else by the glossary). */
typedef struct trace {
  const char *formula;
  const char *clause;
  const char *formula_zh, *formula_en;
  const char *clause_zh, *clause_en;
  const char *unit_zh, *unit_en; /* the result's unit in each language */
  trace_term *terms;
  size_t n, cap;
} trace;

/* 56 bytes, 8-aligned: a large facility's results hold millions. The
   room of items (and keys) is not stored: it is the power of two at or
   above n, at least 4 (see value.c), as only value.c adds items. */
typedef struct value value;
struct value {
  unsigned char kind; /* a val_kind */
  bool b;
  uint32_t n;         /* array items or object members */
  double num;
  const char *str;
  const char *unit; /* optional unit of a number */
  trace *tr;        /* optional provenance */
  value **items;    /* array items or object values */
  const char **keys;
};

value *val_null(arena *a);
value *val_bool(arena *a, bool b);
value *val_num(arena *a, double x);
value *val_str(arena *a, const char *s);
value *val_arr(arena *a);
value *val_obj(arena *a);

/* Appends to an array. */
void val_push(arena *a, value *arr, value *v);
/* Sets key in an object: replaces an existing key in place, else appends.
   key is copied into the arena. Returns v. */
value *val_set(arena *a, value *obj, const char *key, value *v);
/* Shorthands that set and return the new value. */
value *val_set_num(arena *a, value *obj, const char *key, double x);
value *val_set_str(arena *a, value *obj, const char *key, const char *s);
value *val_set_bool(arena *a, value *obj, const char *key, bool b);
value *val_set_null(arena *a, value *obj, const char *key);
/* Sets a number, or null when x is not finite. */
value *val_set_numf(arena *a, value *obj, const char *key, double x);

/* The member key of an object, or NULL. */
value *val_get(const value *obj, const char *key);
/* Follows a path: "energy.total_tce", "energy.carriers[0].tce",
   "energy.carriers[raw_coal].tce" (an array item whose id, carrier, key or
   meter member equals the name), "energy.carriers[carrier=electricity].tce"
   (the first item whose member carrier is the string electricity, quoted
   or not). Returns NULL when a step is missing. */
value *val_path(const value *root, const char *path);

/* The unit a results key names (results.md): by its suffix ("_tce",
   "_cny", "_years"), by a rate "A_per_B" with an optional qualifier after
   it ("tce_per_10k_cny_output" is tce/万元, "cny_per_unit" CNY per the
   item's unit, "abatement_cost_cny_per_tco2" CNY/tCO2), or, for a
   physical quantity (consumed, purchased, loss…), parent's unit member.
   Machine units (CNY, 万元, m2); NULL when the key names none. The result
   is static, parent's, or written into buf (cap bytes). */
const char *val_key_unit(const char *key, const value *parent, char *buf,
                         size_t cap);

/* Provenance: creates a trace on v (replacing any) and returns it. */
trace *val_trace(arena *a, value *v, const char *formula, const char *clause);
void trace_add(arena *a, trace *t, const char *name, double x,
               const char *unit, const char *from);
/* A term whose source is given in both languages. */
void trace_add2(arena *a, trace *t, const char *name, double x,
                const char *unit, const char *from_en, const char *from_zh);
/* A term that is itself a result: explain follows path to its trace. */
void trace_add_ref(arena *a, trace *t, const char *name, double x,
                   const char *unit, const char *path);
/* Names the last term added to t in both languages: for a term named by
   a key (a carrier, a product, a unit) that no glossary can know. */
void trace_label(arena *a, trace *t, const char *zh, const char *en);

#endif
