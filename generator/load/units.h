/* units.h — quantities: "1,234.5 万kWh" to a number in base units with a
 * dimension.
 *
 * A dimension is a vector of exponents over nine base quantities (energy
 * in MJ, mass in t, volume in m3, standard coal in kgce, CO2 in t, carbon
 * in t, money in CNY, area in m2, time in h, pressure in MPa). A unit is
 * a name from the
 * table of input.md, or two such names joined by "/" (CNY/kWh, tCO2/MWh,
 * kJ/kg, kgce/t). Numbers may carry thousands separators and exponents;
 * NaN, infinities and empty values are refused.
 *
 * Magnitude. A quantity, once in the base unit of its dimension, must be
 * zero or lie between UNITS_TINY and UNITS_LIMIT in magnitude. The bound
 * is far beyond any plant (10^15 MJ is 34 billion tce) and keeps every
 * product, sum and quotient of the calc stage finite: no chain of a few
 * dozen such factors reaches the range of a double.
 *
 * The parser object holds the compiled PCRE2 patterns; create one per run
 * (units_new) and free it with units_free. Parsing allocates nothing. */
#ifndef GEN_UNITS_H
#define GEN_UNITS_H

#include <stdbool.h>
#include <stddef.h>

enum {
  DIM_ENERGY,
  DIM_MASS,
  DIM_VOLUME,
  DIM_SCE,
  DIM_CO2,
  DIM_CARBON,
  DIM_MONEY,
  DIM_AREA,
  DIM_TIME,
  DIM_PRESSURE,
  DIM_LENGTH,
  DIM_COUNT
};

typedef struct dimvec {
  signed char e[DIM_COUNT];
} dimvec;

/* Magnitudes allowed in base units (see above). */
#define UNITS_LIMIT 1e15
#define UNITS_TINY 1e-12

typedef struct unit_info {
  double scale; /* base units per one of this unit */
  dimvec dim;
} unit_info;

typedef struct units units;

units *units_new(void);
void units_free(units *u);

typedef enum {
  UNITS_OK,
  UNITS_EMPTY,      /* nothing there */
  UNITS_NOT_NUMBER, /* the number part does not parse */
  UNITS_NOT_FINITE, /* NaN, inf, or overflow */
  UNITS_BAD_GROUPS, /* thousands separators in the wrong places */
  UNITS_UNKNOWN,    /* the unit is not in the table */
  UNITS_TOO_LARGE,  /* beyond UNITS_LIMIT in base units (or a double) */
  UNITS_TOO_SMALL   /* non-zero but below UNITS_TINY in base units */
} units_status;

/* Parses "<number> [unit]" (the unit may be absent: a plain number; "%"
   may follow the number directly). On success sets *value to the number
   in base units of *info's dimension and *unit_at to the offset of the
   unit in s (len when none). UNITS_TOO_LARGE and UNITS_TOO_SMALL (the
   magnitude bounds above) also set *info and *unit_at, so that a message
   can state the limit in the unit written. */
units_status units_parse(const units *u, const char *s, size_t len,
                         double *value, unit_info *info, size_t *unit_at);
/* The same through the two patterns only, without units_parse's fast
   path for plain "123.4 unit" texts: for the test that they agree. */
units_status units_parse_patterns(const units *u, const char *s, size_t len,
                                  double *value, unit_info *info,
                                  size_t *unit_at);
/* Parses a bare number with optional thousands separators. No magnitude
   bound beyond the range of a double (UNITS_TOO_LARGE, UNITS_TOO_SMALL
   for a number that overflows or underflows it). */
units_status units_number(const units *u, const char *s, size_t len,
                          double *value);
/* Looks up a unit name (simple or "a/b"). */
bool units_lookup(const char *name, size_t len, unit_info *info);
/* A unit of the table that differs from name only in letter case, or
   else by one character (among the common ASCII names), or NULL. */
const char *units_suggest(const char *name, size_t len);
/* When name starts with a Chinese multiplier word (万 = 10^4,
   亿 = 10^8) followed by more text, sets *factor and returns the
   word's length in bytes; otherwise returns 0. The table accepts the
   prefixed units that ledgers use (万kWh, 万t, 万m3, 万元, 亿元 …);
   this lets a message about another one ("万m2") say how to write it. */
size_t units_multiplier(const char *name, size_t len, double *factor);
/* The hint that follows "unknown unit \"name\"" in a message: a unit
   that is near (units_suggest), or for a multiplier word before a unit
   that takes none ("万m2"), the quantity written out when the number x
   is given (" (万 is not used with m2: write \"75,000 m2\")"). Writes ""
   when there is none. Returns out. */
const char *units_hint(const char *name, size_t len, const double *x,
                       char *out, size_t cap);
bool dim_eq(dimvec a, dimvec b);
dimvec dim_of(const char *unit);
/* Converts x in base units to the named unit (which must exist). */
double units_to(double x, const char *unit);
/* "energy", "mass", "money per energy", … for messages. */
const char *dim_name(dimvec d, char *out, size_t cap);
/* The units accepted for dimension d, comma-separated (for messages). */
const char *units_for_dim(dimvec d, char *out, size_t cap);
/* The regular expression (PCRE2 and ECMAScript alike, anchored) of the
   numbers units_number accepts, for the facility file's JSON Schema. */
const char *units_number_pattern(void);
const char *units_status_text(units_status st);

/* Unit families. input.md lists, per kind of carrier, the units it may
   be written in: electricity in kWh, MWh, GWh, 万kWh; heat in MJ, GJ, TJ;
   a mass in kg, t, 万t; a volume in m3, Nm3, 万m3, 万Nm3, L. Energy is one
   dimension, so the dimension alone would let "5 GJ" of electricity
   through. base names the base unit of a carrier (kWh, GJ, t, m3) or of
   a product; the unit name (simple, not "a/b") must be in its family.
   True also when base has no family (m2, …). */
bool units_in_family(const char *base, const char *unit, size_t len);
/* The family's units for messages ("kWh, MWh, GWh, 万kWh") and what the
   family is called ("electricity", "heat", "mass", "volume"); NULL when
   base has no family. */
const char *units_family_list(const char *base);
const char *units_family_name(const char *base);
/* For a compound unit "CNY/GJ" the part after the slash, else the whole
   name; sets *len to its length. */
const char *units_denominator(const char *name, size_t *len);

#endif
