/* units.c — quantity and unit parsing (see units.h).
 *
 * Grammar (whitespace between number and unit optional):
 *   quantity := number [unit]
 *   number   := [+-] (d{1,3} (, d{3})+ | d+) [. d+] [(e|E) [+-] d+]
 *   unit     := simple | simple "/" simple
 * The table of simple units is input.md's; each entry gives its scale to
 * the base unit of its dimension. */
#include "units.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <errno.h>
#include <math.h>
#include <pcre2.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../base/fmt.h"
#include "../base/mem.h"
#include "../base/utf8.h"

/* {====================================================== unit table */

#define E_(en, ma, vo, sc, co, ca, mo, ar, ti)                                 \
  {                                                                            \
    { en, ma, vo, sc, co, ca, mo, ar, ti, 0 }                                  \
  }
#define P_                                                                     \
  {                                                                            \
    { 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 }                                           \
  }
#define L_                                                                     \
  {                                                                            \
    { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 }                                        \
  }

struct simple_unit {
  const char *name;
  double scale;
  dimvec dim;
  bool rare; /* accepted, but not offered in "expected …" hints */
};

static const struct simple_unit table[] = {
    /* energy, base MJ */
    {"kWh", 3.6, E_(1, 0, 0, 0, 0, 0, 0, 0, 0), false},
    {"MWh", 3600.0, E_(1, 0, 0, 0, 0, 0, 0, 0, 0), false},
    {"GWh", 3.6e6, E_(1, 0, 0, 0, 0, 0, 0, 0, 0), false},
    {"万kWh", 36000.0, E_(1, 0, 0, 0, 0, 0, 0, 0, 0), false},
    {"亿kWh", 3.6e8, E_(1, 0, 0, 0, 0, 0, 0, 0, 0), true},
    /* 度 is the everyday word for kWh (electricity bills, ledgers);
       千瓦时 its written form */
    {"度", 3.6, E_(1, 0, 0, 0, 0, 0, 0, 0, 0), true},
    {"万度", 36000.0, E_(1, 0, 0, 0, 0, 0, 0, 0, 0), true},
    {"千瓦时", 3.6, E_(1, 0, 0, 0, 0, 0, 0, 0, 0), true},
    {"万千瓦时", 36000.0, E_(1, 0, 0, 0, 0, 0, 0, 0, 0), true},
    {"kJ", 0.001, E_(1, 0, 0, 0, 0, 0, 0, 0, 0), false},
    {"MJ", 1.0, E_(1, 0, 0, 0, 0, 0, 0, 0, 0), false},
    {"GJ", 1000.0, E_(1, 0, 0, 0, 0, 0, 0, 0, 0), false},
    {"TJ", 1e6, E_(1, 0, 0, 0, 0, 0, 0, 0, 0), false},
    /* mass, base t */
    {"kg", 0.001, E_(0, 1, 0, 0, 0, 0, 0, 0, 0), false},
    {"t", 1.0, E_(0, 1, 0, 0, 0, 0, 0, 0, 0), false},
    {"万t", 1e4, E_(0, 1, 0, 0, 0, 0, 0, 0, 0), false},
    {"吨", 1.0, E_(0, 1, 0, 0, 0, 0, 0, 0, 0), true},
    {"万吨", 1e4, E_(0, 1, 0, 0, 0, 0, 0, 0, 0), true},
    /* 重(量)箱, the flat-glass unit: 50 kg of 2 mm glass */
    {"重箱", 0.05, E_(0, 1, 0, 0, 0, 0, 0, 0, 0), true},
    /* volume, base m3 */
    {"m3", 1.0, E_(0, 0, 1, 0, 0, 0, 0, 0, 0), false},
    {"Nm3", 1.0, E_(0, 0, 1, 0, 0, 0, 0, 0, 0), false},
    {"万m3", 1e4, E_(0, 0, 1, 0, 0, 0, 0, 0, 0), false},
    {"万Nm3", 1e4, E_(0, 0, 1, 0, 0, 0, 0, 0, 0), false},
    {"亿m3", 1e8, E_(0, 0, 1, 0, 0, 0, 0, 0, 0), true},
    {"亿Nm3", 1e8, E_(0, 0, 1, 0, 0, 0, 0, 0, 0), true},
    {"L", 0.001, E_(0, 0, 1, 0, 0, 0, 0, 0, 0), false},
    /* 立方米 and its short form 方 (water and gas bills) */
    {"立方米", 1.0, E_(0, 0, 1, 0, 0, 0, 0, 0, 0), true},
    {"方", 1.0, E_(0, 0, 1, 0, 0, 0, 0, 0, 0), true},
    {"万立方米", 1e4, E_(0, 0, 1, 0, 0, 0, 0, 0, 0), true},
    {"万方", 1e4, E_(0, 0, 1, 0, 0, 0, 0, 0, 0), true},
    /* standard coal, base kgce */
    {"gce", 0.001, E_(0, 0, 0, 1, 0, 0, 0, 0, 0), false},
    {"kgce", 1.0, E_(0, 0, 0, 1, 0, 0, 0, 0, 0), false},
    {"tce", 1000.0, E_(0, 0, 0, 1, 0, 0, 0, 0, 0), false},
    {"万tce", 1e7, E_(0, 0, 0, 1, 0, 0, 0, 0, 0), false},
    /* CO2, base t */
    {"gCO2", 1e-6, E_(0, 0, 0, 0, 1, 0, 0, 0, 0), true},
    {"kgCO2", 0.001, E_(0, 0, 0, 0, 1, 0, 0, 0, 0), false},
    {"tCO2", 1.0, E_(0, 0, 0, 0, 1, 0, 0, 0, 0), false},
    {"tCO2e", 1.0, E_(0, 0, 0, 0, 1, 0, 0, 0, 0), false},
    {"万tCO2", 1e4, E_(0, 0, 0, 0, 1, 0, 0, 0, 0), false},
    /* carbon, base t */
    {"kgC", 0.001, E_(0, 0, 0, 0, 0, 1, 0, 0, 0), false},
    {"tC", 1.0, E_(0, 0, 0, 0, 0, 1, 0, 0, 0), false},
    /* money, base CNY */
    {"CNY", 1.0, E_(0, 0, 0, 0, 0, 0, 1, 0, 0), false},
    {"元", 1.0, E_(0, 0, 0, 0, 0, 0, 1, 0, 0), false},
    {"万元", 1e4, E_(0, 0, 0, 0, 0, 0, 1, 0, 0), false},
    {"亿元", 1e8, E_(0, 0, 0, 0, 0, 0, 1, 0, 0), true},
    /* area, base m2 */
    {"m2", 1.0, E_(0, 0, 0, 0, 0, 0, 0, 1, 0), false},
    /* power, energy per time: MJ/h */
    {"kW", 3.6, E_(1, 0, 0, 0, 0, 0, 0, 0, -1), false},
    {"MW", 3600.0, E_(1, 0, 0, 0, 0, 0, 0, 0, -1), false},
    /* apparent power (transformer ratings), as power: the loader lets
       only transformers use it */
    {"kVA", 3.6, E_(1, 0, 0, 0, 0, 0, 0, 0, -1), true},
    {"MVA", 3600.0, E_(1, 0, 0, 0, 0, 0, 0, 0, -1), true},
    /* time, base h */
    {"h", 1.0, E_(0, 0, 0, 0, 0, 0, 0, 0, 1), false},
    {"a", 8760.0, E_(0, 0, 0, 0, 0, 0, 0, 0, 1), false},
    {"d", 24.0, E_(0, 0, 0, 0, 0, 0, 0, 0, 1), false},
    {"min", 1.0 / 60.0, E_(0, 0, 0, 0, 0, 0, 0, 0, 1), true},
    {"s", 1.0 / 3600.0, E_(0, 0, 0, 0, 0, 0, 0, 0, 1), true},
    /* volume flow (pumps), base m3/h */
    {"m3/h", 1.0, E_(0, 0, 1, 0, 0, 0, 0, 0, -1), false},
    /* pressure, base MPa */
    {"MPa", 1.0, P_, false},
    {"kPa", 0.001, P_, true},
    /* length (pump head), base m */
    {"m", 1.0, L_, false},
    /* rotational speed, base revolutions per hour (time⁻¹) */
    {"r/min", 60.0, E_(0, 0, 0, 0, 0, 0, 0, 0, -1), false},
    {"rpm", 60.0, E_(0, 0, 0, 0, 0, 0, 0, 0, -1), true},
    /* specific power of compressors: kW per m3/min = kW·min/m3 =
       (3.6 MJ/h) × (1/60 h) / m3 = 0.06 MJ/m3 (energy per volume) */
    {"kW/(m3/min)", 0.06, E_(1, 0, -1, 0, 0, 0, 0, 0, 0), false},
    /* ratio */
    {"%", 0.01, E_(0, 0, 0, 0, 0, 0, 0, 0, 0), false},
};

#define NTABLE (sizeof table / sizeof *table)

/* {====================================================== name index */

/* The table's names hashed (open addressing, entry + 1, 0 empty), built
   once per process: a rules load looks up ~7,400 units, and a scan of
   the table cost 7 M instructions of a 97 M calc. The first entry of a
   name wins, as the scan's did. */
#define SLOTS 256
static unsigned char slots[SLOTS];
static pthread_once_t slots_once = PTHREAD_ONCE_INIT;

static size_t name_hash(const char *s, size_t len)
{
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < len; i++)
    h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h & (SLOTS - 1);
}

static void build_slots(void)
{
  _Static_assert(NTABLE < SLOTS / 2 && NTABLE < 255, "index too small");
  for (size_t i = 0; i < NTABLE; i++) {
    size_t len = strlen(table[i].name), h = name_hash(table[i].name, len);
    bool again = false;
    while (slots[h] && !again) {
      again = strcmp(table[slots[h] - 1].name, table[i].name) == 0;
      h = (h + 1) & (SLOTS - 1);
    }
    if (!again)
      slots[h] = (unsigned char)(i + 1);
  }
}

static const struct simple_unit *find_simple(const char *s, size_t len)
{
  /* no name holds a NUL: strncmp then compares len bytes of both */
  if (!len || memchr(s, '\0', len))
    return NULL;
  pthread_once(&slots_once, build_slots);
  for (size_t h = name_hash(s, len); slots[h]; h = (h + 1) & (SLOTS - 1)) {
    const struct simple_unit *t = &table[slots[h] - 1];
    if (strncmp(t->name, s, len) == 0 && t->name[len] == '\0')
      return t;
  }
  return NULL;
}

/* }====================================================== */

bool units_lookup(const char *name, size_t len, unit_info *info)
{
  const struct simple_unit *whole = find_simple(name, len);
  if (whole) {
    info->scale = whole->scale;
    info->dim = whole->dim;
    return true;
  }
  const char *slash = memchr(name, '/', len);
  if (!slash) {
    const struct simple_unit *u = find_simple(name, len);
    if (!u)
      return false;
    info->scale = u->scale;
    info->dim = u->dim;
    return true;
  }
  const struct simple_unit *num = find_simple(name, (size_t)(slash - name));
  const struct simple_unit *den =
      find_simple(slash + 1, len - (size_t)(slash - name) - 1);
  if (!num || !den || num->dim.e[DIM_TIME] < 0 || den->dim.e[DIM_TIME] < 0)
    return false;
  info->scale = num->scale / den->scale;
  for (int i = 0; i < DIM_COUNT; i++)
    info->dim.e[i] = (signed char)(num->dim.e[i] - den->dim.e[i]);
  return true;
}

/* Whether a and b (la, lb bytes) are one edit apart: one byte
   inserted, deleted or replaced, or two neighbours swapped. */
static bool one_edit(const char *a, size_t la, const char *b, size_t lb)
{
  if (la == lb) {
    size_t i = 0;
    while (i < la && a[i] == b[i])
      i++;
    if (i == la)
      return false; /* equal */
    if (memcmp(a + i + 1, b + i + 1, la - i - 1) == 0)
      return true; /* one replaced */
    return i + 1 < la && a[i] == b[i + 1] && a[i + 1] == b[i] &&
           memcmp(a + i + 2, b + i + 2, la - i - 2) == 0;
  }
  if (la + 1 == lb)
    return one_edit(b, lb, a, la);
  if (la != lb + 1)
    return false;
  size_t i = 0;
  while (i < lb && a[i] == b[i])
    i++;
  return memcmp(a + i + 1, b + i, lb - i) == 0;
}

const char *units_suggest(const char *name, size_t len)
{
  /* Units are case-sensitive; the commonest slip is the case. */
  for (size_t i = 0; i < NTABLE; i++)
    if (strlen(table[i].name) == len && strncasecmp(table[i].name, name, len) == 0)
      return table[i].name;
  /* then one byte too many ("tt", "kWhh"), then one byte off ("tec",
     "万tt"), among the common names (one edit from "t" is any letter,
     so the one-letter names only for the first) */
  for (size_t i = 0; len >= 2 && i < NTABLE; i++) {
    const char *t = table[i].name;
    if (strlen(t) + 1 == len && !table[i].rare && one_edit(name, len, t, len - 1))
      return t;
  }
  for (size_t i = 0; len >= 2 && i < NTABLE; i++) {
    const char *t = table[i].name;
    size_t tl = strlen(t);
    if (tl >= 2 && !table[i].rare && one_edit(name, len, t, tl))
      return t;
  }
  return NULL;
}

size_t units_multiplier(const char *name, size_t len, double *factor)
{
  static const struct {
    const char *word;
    double factor;
  } mult[] = {{"万", 1e4}, {"亿", 1e8}};
  for (size_t i = 0; i < sizeof mult / sizeof *mult; i++) {
    size_t wl = strlen(mult[i].word);
    if (len > wl && memcmp(name, mult[i].word, wl) == 0) {
      *factor = mult[i].factor;
      return wl;
    }
  }
  return 0;
}

const char *units_hint(const char *name, size_t len, const double *x,
                       char *out, size_t cap)
{
  out[0] = '\0';
  const char *near = units_suggest(name, len);
  bool case_only = near && strlen(near) == len &&
                   strncasecmp(near, name, len) == 0;
  double f;
  unit_info ui;
  size_t w = units_multiplier(name, len, &f);
  if (!case_only && w && units_lookup(name + w, len - w, &ui)) {
    /* "万m2": the unit is known, the multiplier word not with it */
    if (x && isfinite(*x * f) && fabs(*x * f) < 1e15) {
      char num[64];
      double v = *x * f;
      if (v == floor(v))
        fmt_num(v, 0, true, num, sizeof num);
      else
        snprintf(num, sizeof num, "%.10g", v);
      snprintf(out, cap, " (%.*s is not used with %.*s: write \"%s %.*s\")",
               (int)w, name, (int)(len - w), name + w, num, (int)(len - w),
               name + w);
    } else
      snprintf(out, cap, " (%.*s is not used with %.*s: write the number in "
                         "%.*s)",
               (int)w, name, (int)(len - w), name + w, (int)(len - w),
               name + w);
  } else if (near)
    snprintf(out, cap, " (did you mean \"%s\"?%s)", near,
             case_only ? " units are case-sensitive" : "");
  return out;
}

bool dim_eq(dimvec a, dimvec b)
{
  return memcmp(a.e, b.e, sizeof a.e) == 0;
}

dimvec dim_of(const char *unit)
{
  unit_info info;
  memset(&info, 0, sizeof info);
  if (!units_lookup(unit, strlen(unit), &info))
    abort(); /* a unit name in the program itself: a bug */
  return info.dim;
}

double units_to(double x, const char *unit)
{
  unit_info info;
  if (!units_lookup(unit, strlen(unit), &info))
    abort();
  return x / info.scale;
}

static const char *const dim_names[DIM_COUNT] = {
    "energy", "mass",  "volume", "standard coal", "CO2",
    "carbon", "money", "area",   "time",          "pressure", "length"};

const char *dim_name(dimvec d, char *out, size_t cap)
{
  static const dimvec power = {{1, 0, 0, 0, 0, 0, 0, 0, -1, 0, 0}};
  size_t len = 0;
  out[0] = '\0';
  if (dim_eq(d, power)) {
    snprintf(out, cap, "power");
    return out;
  }
  for (int pass = 0; pass < 2; pass++) {
    bool first = true;
    for (int i = 0; i < DIM_COUNT; i++) {
      int e = d.e[i];
      if ((pass == 0 && e <= 0) || (pass == 1 && e >= 0))
        continue;
      const char *sep = pass == 1 && first ? (len ? " per " : "per ")
                        : first            ? ""
                                           : " ";
      len += (size_t)snprintf(out + len, len < cap ? cap - len : 0, "%s%s",
                              sep, dim_names[i]);
      first = false;
      if (len >= cap)
        return out;
    }
  }
  if (!len)
    snprintf(out, cap, "a plain number or percent");
  return out;
}

const char *units_for_dim(dimvec d, char *out, size_t cap)
{
  size_t len = 0;
  out[0] = '\0';
  for (size_t i = 0; i < NTABLE; i++) {
    if (!dim_eq(table[i].dim, d) || table[i].rare)
      continue;
    len += (size_t)snprintf(out + len, len < cap ? cap - len : 0, "%s%s",
                            len ? ", " : "", table[i].name);
    if (len >= cap)
      break;
  }
  return out;
}

const char *units_status_text(units_status st)
{
  switch (st) {
  case UNITS_OK:
    return "ok";
  case UNITS_EMPTY:
    return "empty value";
  case UNITS_NOT_NUMBER:
    return "not a number";
  case UNITS_NOT_FINITE:
    return "not a finite number";
  case UNITS_BAD_GROUPS:
    return "thousands separators must group three digits (1,234,567.8)";
  case UNITS_UNKNOWN:
    return "unknown unit";
  case UNITS_TOO_LARGE:
    return "out of range";
  case UNITS_TOO_SMALL:
    return "too small to be told from zero";
  }
  return "?";
}

/* }====================================================== */
/* {====================================================== parsing */

struct units {
  pcre2_code *quantity;
  pcre2_code *number;
  pcre2_match_data *md;
};

static const char QUANTITY_RE[] =
    "^\\s*([+-]?[0-9][0-9,]*(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)\\s*"
    "([^\\s0-9.,].*?)?\\s*$";
static const char NUMBER_RE[] =
    "^[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+"
    ")?$";

const char *units_number_pattern(void)
{
  return NUMBER_RE;
}

static pcre2_code *compile(const char *re)
{
  int err;
  PCRE2_SIZE off;
  pcre2_code *c = pcre2_compile((PCRE2_SPTR)re, PCRE2_ZERO_TERMINATED,
                                PCRE2_UTF | PCRE2_DOTALL, &err, &off, NULL);
  if (!c) {
    fprintf(stderr, "auditgen: internal error: bad pattern at %zu\n",
            (size_t)off);
    abort();
  }
  /* JIT where the library supports it; the interpreter otherwise. */
  (void)pcre2_jit_compile(c, PCRE2_JIT_COMPLETE);
  return c;
}

units *units_new(void)
{
  units *u = mem_alloc(sizeof *u);
  u->quantity = compile(QUANTITY_RE);
  u->number = compile(NUMBER_RE);
  u->md = pcre2_match_data_create(4, NULL);
  if (!u->md)
    abort();
  return u;
}

void units_free(units *u)
{
  if (!u)
    return;
  pcre2_code_free(u->quantity);
  pcre2_code_free(u->number);
  pcre2_match_data_free(u->md);
  mem_free(u);
}

static bool is_nonfinite_word(const char *s, size_t len)
{
  char low[16];
  size_t n = 0;
  while (len && (*s == ' ' || *s == '+' || *s == '-' || *s == '.')) {
    s++;
    len--;
  }
  for (; n < len && n < sizeof low - 1; n++)
    low[n] = (char)(s[n] >= 'A' && s[n] <= 'Z' ? s[n] + 32 : s[n]);
  low[n] = '\0';
  return strncmp(low, "nan", 3) == 0 || strncmp(low, "inf", 3) == 0;
}

/* Converts digits with optional commas to a double, after the number
   pattern has checked their grouping. */
/* A plain decimal ("1,200", "-0.85": at most 15 digits, no exponent)
   read exactly: its digits as an integer below 2^53 divided by a power of
   ten up to 10^22, both doubles without rounding, so the quotient is the
   correctly rounded value, the same double strtod gives (Clinger's fast
   path). False for anything else, which strtod reads. A rules load reads
   ~7,400 numbers: strtod cost 6 M instructions of a 92 M calc. */
static bool plain_decimal(const char *s, size_t len, double *out)
{
  static const double pow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,
                                 1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                 1e12, 1e13, 1e14, 1e15};
  size_t i = 0;
  bool neg = false;
  if (i < len && (s[i] == '+' || s[i] == '-'))
    neg = s[i++] == '-';
  uint64_t m = 0;
  int digits = 0, frac = 0;
  bool dot = false;
  for (; i < len; i++) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      if (++digits > 15)
        return false;
      m = m * 10 + (uint64_t)(c - '0');
      frac += dot;
    } else if (c == '.' && !dot) {
      dot = true;
    } else if (c != ',' || dot) {
      return false;
    }
  }
  if (!digits)
    return false;
  double x = (double)m / pow10[frac];
  *out = neg ? -x : x;
  return true;
}

static units_status to_double(const char *s, size_t len, double *out)
{
  if (plain_decimal(s, len, out))
    return UNITS_OK;
  char tmp[128];
  size_t n = 0;
  if (len >= sizeof tmp)
    return UNITS_NOT_NUMBER;
  for (size_t i = 0; i < len; i++)
    if (s[i] != ',')
      tmp[n++] = s[i];
  tmp[n] = '\0';
  char *end;
  errno = 0;
  double x = strtod(tmp, &end);
  if (*end)
    return UNITS_NOT_NUMBER;
  /* "1e400" is a finite number that no double holds; "1e-400" one that
     would silently read as zero or a denormal */
  if (!isfinite(x))
    return UNITS_TOO_LARGE;
  if (errno == ERANGE && fabs(x) < 1.0)
    return UNITS_TOO_SMALL;
  *out = x;
  return UNITS_OK;
}

units_status units_number(const units *u, const char *s, size_t len,
                          double *value)
{
  if (len == 0)
    return UNITS_EMPTY;
  if (is_nonfinite_word(s, len))
    return UNITS_NOT_FINITE;
  int rc = pcre2_match(u->number, (PCRE2_SPTR)s, len, 0, 0, u->md, NULL);
  if (rc < 0) {
    if (memchr(s, ',', len)) {
      /* Distinguish "1,23,456" from "12x". */
      char tmp[128];
      size_t n = 0;
      for (size_t i = 0; i < len && n < sizeof tmp - 1; i++)
        if (s[i] != ',')
          tmp[n++] = s[i];
      rc = pcre2_match(u->number, (PCRE2_SPTR)tmp, n, 0, 0, u->md, NULL);
      if (rc >= 0)
        return UNITS_BAD_GROUPS;
    }
    return UNITS_NOT_NUMBER;
  }
  return to_double(s, len, value);
}

/* The split of the commonest quantities — spaces or tabs, an optional
   sign, digits without commas, an optional fraction, spaces or tabs, and
   an optional unit that starts with none of the pattern's excluded
   characters — without PCRE2: the number [n0, n1) and unit [u0, u1) that
   QUANTITY_RE's groups give, and a number NUMBER_RE accepts. False for
   anything else (commas, exponents, other white space, a dot or digit
   where the unit would start): those take the patterns. Two PCRE2 matches
   were most of the cost of loading the rules' 7,000 quantities. */
static bool simple_split(const char *s, size_t len, size_t *n0, size_t *n1,
                         size_t *u0, size_t *u1)
{
  bool wide = false;
  for (size_t i = 0; i < len; i++) {
    if (s[i] == '\n' || s[i] == '\r' || s[i] == '\f' || s[i] == '\v')
      return false;
    wide |= (unsigned char)s[i] >= 0x80;
  }
  /* the patterns refuse text that is not UTF-8 */
  if (wide && !utf8_valid(s, len, NULL))
    return false;
  size_t i = 0;
  while (i < len && (s[i] == ' ' || s[i] == '\t'))
    i++;
  *n0 = i;
  if (i < len && (s[i] == '+' || s[i] == '-'))
    i++;
  size_t d = i;
  while (i < len && s[i] >= '0' && s[i] <= '9')
    i++;
  if (i == d)
    return false;
  if (i < len && s[i] == '.') {
    size_t f = ++i;
    while (i < len && s[i] >= '0' && s[i] <= '9')
      i++;
    if (i == f)
      return false;
  }
  *n1 = i;
  while (i < len && (s[i] == ' ' || s[i] == '\t'))
    i++;
  if (i == len) {
    *u0 = *u1 = len;
    return true;
  }
  char c = s[i];
  if ((c >= '0' && c <= '9') || c == '.' || c == ',' || c == 'e' || c == 'E')
    return false;
  size_t end = len;
  while (end > i && (s[end - 1] == ' ' || s[end - 1] == '\t'))
    end--;
  *u0 = i;
  *u1 = end;
  return true;
}

static units_status parse(const units *u, const char *s, size_t len,
                          double *value, unit_info *info, size_t *unit_at,
                          bool fast)
{
  size_t k = 0;
  while (k < len && (s[k] == ' ' || s[k] == '\t'))
    k++;
  if (k == len)
    return UNITS_EMPTY;
  if (is_nonfinite_word(s + k, len - k))
    return UNITS_NOT_FINITE;
  size_t n0, n1, u0, u1;
  bool has_unit;
  double x = 0;
  units_status st;
  if (fast && simple_split(s, len, &n0, &n1, &u0, &u1)) {
    has_unit = u0 < len;
    st = to_double(s + n0, n1 - n0, &x);
  } else {
    int rc = pcre2_match(u->quantity, (PCRE2_SPTR)s, len, 0, 0, u->md, NULL);
    if (rc < 0)
      return UNITS_NOT_NUMBER;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(u->md);
    n0 = ov[2];
    n1 = ov[3];
    has_unit = rc >= 3 && ov[4] != PCRE2_UNSET;
    u0 = has_unit ? ov[4] : len;
    u1 = has_unit ? ov[5] : len;
    st = units_number(u, s + n0, n1 - n0, &x);
  }
  if (st != UNITS_OK && st != UNITS_TOO_LARGE && st != UNITS_TOO_SMALL)
    return st;
  unit_info ui;
  memset(&ui, 0, sizeof ui);
  ui.scale = 1.0;
  if (has_unit && !units_lookup(s + u0, u1 - u0, &ui)) {
    /* "0x10", "1_000", "1'000": a number run into punctuation or a
       base prefix, not a unit. A number run into a word ("7.5万m2",
       "12kwh") has an unknown unit. */
    unsigned char c0 = (unsigned char)s[u0];
    bool word = c0 >= 0x80 || (c0 >= 'A' && c0 <= 'Z') ||
                (c0 >= 'a' && c0 <= 'z');
    bool base_prefix = n1 - n0 == 1 && s[n0] == '0' &&
                       strchr("xXbBoO", (char)c0) && u1 - u0 > 1;
    if (u0 == n1 && (!word || base_prefix))
      return UNITS_NOT_NUMBER;
    *unit_at = u0;
    return UNITS_UNKNOWN;
  }
  *info = ui;
  *unit_at = u0;
  if (st != UNITS_OK)
    return st;
  /* Percent divides, so that "95 %" is the double nearest 0.95. */
  if (ui.scale == 0.01)
    x /= 100.0;
  else
    x *= ui.scale;
  if (!isfinite(x) || fabs(x) > UNITS_LIMIT)
    return UNITS_TOO_LARGE;
  if (x != 0 && fabs(x) < UNITS_TINY)
    return UNITS_TOO_SMALL;
  *value = x;
  return UNITS_OK;
}

units_status units_parse(const units *u, const char *s, size_t len,
                         double *value, unit_info *info, size_t *unit_at)
{
  return parse(u, s, len, value, info, unit_at, true);
}

units_status units_parse_patterns(const units *u, const char *s, size_t len,
                                  double *value, unit_info *info,
                                  size_t *unit_at)
{
  return parse(u, s, len, value, info, unit_at, false);
}
/* }====================================================== */

/* {====================================================== families */

static const struct family {
  const char *base, *name;
  const char *const units[12];
  const char *list; /* the units offered in messages */
} families[] = {
    {"kWh",
     "electricity",
     {"kWh", "MWh", "GWh", "万kWh", "亿kWh", "度", "万度", "千瓦时", "万千瓦时",
      NULL},
     "kWh, MWh, GWh, 万kWh"},
    {"GJ", "heat", {"MJ", "GJ", "TJ", NULL}, "MJ, GJ, TJ"},
    {"t", "mass", {"kg", "t", "万t", "吨", "万吨", NULL}, "kg, t, 万t"},
    {"m3",
     "volume",
     {"m3", "Nm3", "万m3", "万Nm3", "亿m3", "亿Nm3", "L", "立方米", "方",
      "万立方米", "万方", NULL},
     "m3, Nm3, 万m3, 万Nm3, L"},
};

static const struct family *family_of(const char *base)
{
  for (size_t i = 0; base && i < sizeof families / sizeof *families; i++)
    if (strcmp(families[i].base, base) == 0)
      return &families[i];
  return NULL;
}

bool units_in_family(const char *base, const char *unit, size_t len)
{
  const struct family *f = family_of(base);
  if (!f)
    return true;
  for (size_t i = 0; f->units[i]; i++)
    if (strlen(f->units[i]) == len && memcmp(f->units[i], unit, len) == 0)
      return true;
  return false;
}

const char *units_family_list(const char *base)
{
  const struct family *f = family_of(base);
  return f ? f->list : NULL;
}

const char *units_family_name(const char *base)
{
  const struct family *f = family_of(base);
  return f ? f->name : NULL;
}

const char *units_denominator(const char *name, size_t *len)
{
  const char *slash = strchr(name, '/');
  const char *d = slash ? slash + 1 : name;
  *len = strlen(d);
  return d;
}
/* }====================================================== */
