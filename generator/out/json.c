/* json.c — results tree to JSON text (see json.h). */
#include "json.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The reference: %.15g, %.16g or %.17g, the first that strtod reads back,
   then the same digits without an exponent where that reads back too.
   Every number takes this path unless fast_number gives the same bytes
   with less work (tests/unit/check_base.c keeps a copy of it and
   compares the two over millions of doubles). */
static void slow_number(double x, char *out, size_t cap)
{
  if (!isfinite(x)) {
    snprintf(out, cap, "null");
    return;
  }
  if (x == 0) {
    snprintf(out, cap, "0"); /* also for -0 */
    return;
  }
  /* whole numbers below 10^15 print exactly as integers (from 10^15 on,
     with an exponent, as below) */
  if (fabs(x) < 1e15 && x == (double)(long long)x) {
    snprintf(out, cap, "%lld", (long long)x);
    return;
  }
  /* The shortest digits that read back as x. When 15 significant digits
     read back, %.15g (trailing zeros dropped) is the shortest form: a
     shorter decimal d that reads back lies within half an ulp of x
     (< 1.2e-16 relative), closer than half the spacing of 15-digit
     decimals (>= 5e-16 relative), so x rounds to d at 15 digits. Else the
     shortest has 16 or 17 digits. Three tries, not seventeen. */
  int prec = 15;
  for (; prec <= 17; prec++) {
    snprintf(out, cap, "%.*g", prec, x);
    if (strtod(out, NULL) == x)
      break;
  }
  /* the same digits without an exponent where a reader expects plain
     numbers (56820, not 5.682e+04; 0.0001234, not 1.234e-04) */
  double ax = fabs(x);
  if (strchr(out, 'e') && ax >= 1e-6 && ax < 1e15) {
    int e10 = (int)floor(log10(ax));
    int sig = 0; /* significant digits printed (trailing zeros dropped) */
    for (const char *p = out; *p && *p != 'e'; p++)
      sig += *p >= '0' && *p <= '9';
    int dec = sig - 1 - e10;
    char fixed[64];
    snprintf(fixed, sizeof fixed, "%.*f", dec > 0 ? dec : 0, x);
    if (strtod(fixed, NULL) == x && strlen(fixed) < cap)
      memcpy(out, fixed, strlen(fixed) + 1);
  }
}

/* {====================================================== fast path */

/* Numbers of 1e-4 <= |x| < 1e14 that are not whole (nearly all the
   results) are printed from exact integer arithmetic: x = f / 2^s with
   f < 2^53 and 0 < s <= 66, so x * 10^k for k <= 20 is the 128-bit
   integer f * 10^k shifted right by s, its remainder telling exactly
   where x lies between two decimals. From it come the digits "%.Pg"
   prints (rounded to nearest, ties to even, as glibc's printf rounds),
   the round-trip test of 15 and 16 digits without strtod (a decimal of
   at most 2^53 over an exact power of ten of at most 10^22 reads back
   as the one correctly rounded division: Clinger's fast path), and the
   plain notation "%g" uses for exponents -4 to P-1. What it cannot
   decide this way (16 digits above 2^53) goes to strtod; every other
   number goes to slow_number. */
__extension__ typedef unsigned __int128 u128;

static const unsigned long long pow10_u64[] = {
    1ULL,
    10ULL,
    100ULL,
    1000ULL,
    10000ULL,
    100000ULL,
    1000000ULL,
    10000000ULL,
    100000000ULL,
    1000000000ULL,
    10000000000ULL,
    100000000000ULL,
    1000000000000ULL,
    10000000000000ULL,
    100000000000000ULL,
    1000000000000000ULL,
    10000000000000000ULL,
    100000000000000000ULL,
    1000000000000000000ULL,
    10000000000000000000ULL};

/* 10^k for 0 <= k <= 20 */
static u128 pow10_u128(int k)
{
  return k <= 19 ? (u128)pow10_u64[k] : (u128)pow10_u64[19] * 10;
}

static const double exact_pow10[] = {
    1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

/* ax (= f / 2^s) rounded to P significant digits, ties to even, with
   decimal exponent e10 (the first digit's): returns the digits as an
   integer in [10^(P-1), 10^P) and updates *e10 when rounding carries. */
static unsigned long long round_digits(unsigned long long f, int s, int P,
                                       int *e10)
{
  int k = P - 1 - *e10; /* 1 <= k <= 20 in the fast range */
  u128 t = (u128)f * pow10_u128(k);
  u128 q = t >> s;
  u128 r = t & (((u128)1 << s) - 1);
  u128 half = (u128)1 << (s - 1);
  if (r > half || (r == half && (q & 1)))
    q++;
  u128 top = pow10_u128(P);
  if (q >= top) { /* 9.99…5 rounded up to 10.0… */
    q /= 10;
    (*e10)++;
  }
  return (unsigned long long)q;
}

/* Writes sign, digits (P of them, as an integer) and decimal exponent e10
   as "%.Pg" does for -4 <= e10 < P: plain notation, trailing zeros of the
   fraction and a bare point dropped. */
static void plain(bool neg, unsigned long long digits, int P, int e10,
                  char *out)
{
  char d[24];
  for (int i = P - 1; i >= 0; i--) {
    d[i] = (char)('0' + digits % 10);
    digits /= 10;
  }
  int last = P - 1; /* the last digit kept: trailing zeros after the point */
  while (last > e10 && last > 0 && d[last] == '0')
    last--;
  char *o = out;
  if (neg)
    *o++ = '-';
  if (e10 < 0) {
    *o++ = '0';
    *o++ = '.';
    for (int i = -1; i > e10; i--)
      *o++ = '0';
    for (int i = 0; i <= last; i++)
      *o++ = d[i];
  } else {
    for (int i = 0; i <= e10; i++)
      *o++ = d[i];
    if (last > e10) {
      *o++ = '.';
      for (int i = e10 + 1; i <= last; i++)
        *o++ = d[i];
    }
  }
  *o = '\0';
}

/* Whether the P-digit decimal digits * 10^(e10 - P + 1) reads back as x. */
static bool reads_back(double x, bool neg, unsigned long long digits, int P,
                       int e10, char *tmp)
{
  int k = P - 1 - e10; /* the decimal is digits / 10^k, 1 <= k <= 20 */
  if (digits <= (1ULL << 53) && k <= 22) {
    double v = (double)digits / exact_pow10[k];
    return (neg ? -v : v) == x;
  }
  plain(neg, digits, P, e10, tmp);
  return strtod(tmp, NULL) == x;
}

/* json_number for the fast range; false when x is outside it (out is
   then untouched). */
static bool fast_number(double x, char *out, size_t cap)
{
  double ax = fabs(x);
  if (!(ax >= 1e-4 && ax < 1e14) || cap < 32)
    return false;
  int be;
  double m = frexp(ax, &be); /* ax = m * 2^be, 0.5 <= m < 1 */
  unsigned long long f = (unsigned long long)ldexp(m, 53);
  int s = 53 - be;           /* ax = f / 2^s */
  while (s > 0 && !(f & 1)) { /* smallest s: whole numbers have s <= 0 */
    f >>= 1;
    s--;
  }
  if (s <= 0 || s > 66)
    return false;
  /* the first digit's exponent: log10's guess, corrected exactly */
  int e10 = (int)floor(log10(ax));
  if (e10 < -4)
    e10 = -4;
  if (e10 > 13)
    e10 = 13;
  for (int tries = 0;; tries++) {
    u128 t = ((u128)f * pow10_u128(16 - e10)) >> s; /* 17 digits, cut */
    if (t < pow10_u128(16) && e10 > -4 && tries < 2)
      e10--;
    else if (t >= pow10_u128(17) && e10 < 13 && tries < 2)
      e10++;
    else if (t < pow10_u128(16) || t >= pow10_u128(17))
      return false;
    else
      break;
  }
  bool neg = x < 0;
  char tmp[40];
  for (int P = 15; P <= 17; P++) {
    int e = e10;
    unsigned long long d = round_digits(f, s, P, &e);
    if (e >= P - 1)
      return false; /* would be written with an exponent */
    if (P == 17 || reads_back(x, neg, d, P, e, tmp)) {
      plain(neg, d, P, e, out);
      return true;
    }
  }
  return false;
}

/* }====================================================== */

/* A whole number below 10^15 in magnitude, as "%lld" writes it. */
static void whole(double x, char *out)
{
  long long v = (long long)x;
  unsigned long long u =
      v < 0 ? 0 - (unsigned long long)v : (unsigned long long)v;
  char d[24];
  int n = 0;
  do {
    d[n++] = (char)('0' + u % 10);
    u /= 10;
  } while (u);
  if (v < 0)
    *out++ = '-';
  while (n)
    *out++ = d[--n];
  *out = '\0';
}

void json_number(double x, char *out, size_t cap)
{
  if (x != 0 && fabs(x) < 1e15 && x == (double)(long long)x && cap >= 24) {
    whole(x, out);
    return;
  }
  if (isfinite(x) && x != 0 &&
      !(fabs(x) < 1e15 && x == (double)(long long)x) &&
      fast_number(x, out, cap))
    return;
  slow_number(x, out, cap);
}

/* {====================================================== writer */

/* The text goes into out; with put set, out is handed to put and emptied
   whenever it holds JSON_CHUNK bytes, so a large tree is never held whole
   as text. */
#define JSON_CHUNK (64u * 1024u)
typedef struct jw {
  buf *out;
  void (*put)(void *ctx, const char *data, size_t len);
  void *ctx;
} jw;

/* Appends n bytes: a copy into the room the buffer has (keeping room for
   its NUL, which json_write and json_write_line put at the end), buf_add
   when it must grow. The writer's hot path: every piece goes through it. */
static inline void put(buf *b, const char *s, size_t n)
{
  if (b->len + n < b->cap) {
    memcpy(b->data + b->len, s, n);
    b->len += n;
  } else {
    buf_add(b, s, n);
  }
}

static inline void putch(buf *b, char c)
{
  if (b->len + 1 < b->cap)
    b->data[b->len++] = c;
  else
    buf_add(b, &c, 1);
}

static void flush(jw *w, size_t at_least)
{
  if (w->put && w->out->len >= at_least) {
    w->put(w->ctx, w->out->data, w->out->len);
    w->out->len = 0;
    w->out->data[0] = '\0';
  }
}

/* The bytes a JSON string escapes (controls, '"', '\\'), and NUL, its
   end: one look-up a byte instead of three comparisons. */
static const unsigned char stops[256] = {
    [0] = 1,  [1] = 1,  [2] = 1,  [3] = 1,  [4] = 1,  [5] = 1,  [6] = 1,
    [7] = 1,  [8] = 1,  [9] = 1,  [10] = 1, [11] = 1, [12] = 1, [13] = 1,
    [14] = 1, [15] = 1, [16] = 1, [17] = 1, [18] = 1, [19] = 1, [20] = 1,
    [21] = 1, [22] = 1, [23] = 1, [24] = 1, [25] = 1, [26] = 1, [27] = 1,
    [28] = 1, [29] = 1, [30] = 1, [31] = 1, ['"'] = 1, ['\\'] = 1};

static void write_string(const char *s, buf *out)
{
  putch(out, '"');
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    /* a run of characters that need no escape goes in one copy */
    const unsigned char *q = p;
    while (!stops[*q])
      q++;
    if (q != p) {
      put(out, (const char *)p, (size_t)(q - p));
      p = q;
      if (!*p)
        break;
    }
    switch (*p) {
    case '"':
      put(out, "\\\"", 2);
      break;
    case '\\':
      put(out, "\\\\", 2);
      break;
    case '\n':
      put(out, "\\n", 2);
      break;
    case '\r':
      put(out, "\\r", 2);
      break;
    case '\t':
      put(out, "\\t", 2);
      break;
    default:
      if (*p < 0x20)
        buf_printf(out, "\\u%04x", *p);
      else
        putch(out, (char)*p);
    }
  }
  putch(out, '"');
}

/* A newline and two spaces a level (nothing on one line). */
static void indent(buf *out, int depth)
{
  static const char nl[] = "\n                                "
                           "                                ";
  if (depth < 0)
    return; /* json_write_line: one line */
  size_t want = 1 + 2 * (size_t)depth;
  put(out, nl, want < sizeof nl - 1 ? want : sizeof nl - 1);
  for (size_t i = sizeof nl - 1; i < want; i++)
    putch(out, ' ');
}

static void write_value(const value *v, jw *w, int depth)
{
  buf *out = w->out;
  char num[40];
  switch (v->kind) {
  case VAL_NULL:
    put(out, "null", 4);
    break;
  case VAL_BOOL:
    if (v->b)
      put(out, "true", 4);
    else
      put(out, "false", 5);
    break;
  case VAL_NUM:
    json_number(v->num, num, sizeof num);
    put(out, num, strlen(num));
    break;
  case VAL_STR:
    write_string(v->str, out);
    break;
  case VAL_ARR:
    if (!v->n) {
      put(out, "[]", 2);
      break;
    }
    /* Arrays of scalars stay on one line. */
    {
      bool flat = true;
      for (size_t i = 0; i < v->n && flat; i++)
        flat = v->items[i]->kind != VAL_ARR && v->items[i]->kind != VAL_OBJ;
      putch(out, '[');
      for (size_t i = 0; i < v->n; i++) {
        if (i) {
          if (flat && depth >= 0)
            put(out, ", ", 2);
          else
            putch(out, ',');
        }
        if (!flat)
          indent(out, depth + 1);
        write_value(v->items[i], w, depth + 1);
        flush(w, JSON_CHUNK);
      }
      if (!flat)
        indent(out, depth);
      putch(out, ']');
    }
    break;
  case VAL_OBJ:
    if (!v->n) {
      put(out, "{}", 2);
      break;
    }
    putch(out, '{');
    for (size_t i = 0; i < v->n; i++) {
      if (i)
        putch(out, ',');
      indent(out, depth + 1);
      write_string(v->keys[i], out);
      if (depth >= 0)
        put(out, ": ", 2);
      else
        putch(out, ':');
      write_value(v->items[i], w, depth + 1);
      flush(w, JSON_CHUNK);
    }
    indent(out, depth);
    putch(out, '}');
    break;
  }
}

void json_write(const value *v, buf *out)
{
  jw w = {out, NULL, NULL};
  write_value(v, &w, 0);
  buf_putc(out, '\n'); /* and the NUL */
}

void json_stream(const value *v,
                 void (*put_text)(void *ctx, const char *data, size_t len),
                 void *ctx)
{
  buf out;
  buf_init(&out);
  jw w = {&out, put_text, ctx};
  write_value(v, &w, 0);
  buf_putc(&out, '\n');
  flush(&w, 1);
  buf_fini(&out);
}

void json_write_line(const value *v, buf *out)
{
  jw w = {out, NULL, NULL};
  write_value(v, &w, -1000000);
  out->data[out->len] = '\0'; /* put keeps room for it */
}

/* }====================================================== */
