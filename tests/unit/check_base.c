/* check_base.c — arena, buffer, number formatting, value tree, JSON,
 * diagnostics and atomic writes. */
#include <check.h>
#include <errno.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "../../generator/base/buf.h"
#include "../../generator/base/diag.h"
#include "../../generator/base/dynlib.h"
#include "../../generator/base/fileio.h"
#include "../../generator/base/fmt.h"
#include "../../generator/base/mem.h"
#include "../../generator/base/value.h"
#include "../../generator/out/json.h"
#include "suites.h"

START_TEST(t_arena)
{
  arena *a = arena_new();
  char *big = arena_alloc(a, 200000); /* larger than a block */
  memset(big, 'x', 200000);
  for (int i = 0; i < 10000; i++) {
    int *p = arena_alloc(a, sizeof(int) * 3);
    ck_assert_int_eq(p[0] | p[1] | p[2], 0); /* zeroed */
    ck_assert_uint_eq((uintptr_t)p % sizeof(double), 0);
  }
  ck_assert_str_eq(arena_printf(a, "%d-%s", 42, "x"), "42-x");
  ck_assert_uint_ge(arena_used(a), 200000);
  arena_free(a);
}
END_TEST

/* Past 2 MiB an arena's blocks are mapped for huge pages: 20 MB of
   objects of many sizes and a few requests larger than a block all come
   zeroed and aligned, none overlaps another (each keeps the bytes written
   into it), and the arena frees them all. */
START_TEST(t_arena_huge_blocks)
{
  arena *a = arena_new();
  enum { N = 4000 };
  static unsigned char *p[N];
  static size_t len[N];
  unsigned long seed = 99;
  for (int i = 0; i < N; i++) {
    seed = seed * 6364136223846793005ul + 1442695040888963407ul;
    len[i] = i % 500 == 499 ? (2u << 20) + (seed >> 40) % 3000000
                            : 1 + (seed >> 33) % 10000;
    p[i] = arena_alloc(a, len[i]);
    ck_assert_uint_eq((uintptr_t)p[i] % _Alignof(max_align_t), 0);
    for (size_t j = 0; j < len[i]; j += 509)
      ck_assert_int_eq(p[i][j], 0);
    ck_assert_int_eq(p[i][len[i] - 1], 0);
    memset(p[i], (unsigned char)i, len[i]);
  }
  ck_assert_uint_ge(arena_used(a), 20000000);
  for (int i = 0; i < N; i++) {
    ck_assert_int_eq(p[i][0], (unsigned char)i);
    ck_assert_int_eq(p[i][len[i] / 2], (unsigned char)i);
    ck_assert_int_eq(p[i][len[i] - 1], (unsigned char)i);
  }
  arena_free(a);
}
END_TEST

/* arena_reset: what comes after is zeroed again (the kept block was
   written all over), interned strings are not the old ones, and the
   arena takes a large block after the reset as before it. */
START_TEST(t_arena_reset)
{
  arena *a = arena_new();
  for (int round = 0; round < 3; round++) {
    const char *k = arena_intern(a, "kWh");
    ck_assert_str_eq(k, "kWh");
    unsigned char *big = arena_alloc(a, 300000);
    for (size_t j = 0; j < 300000; j += 997)
      ck_assert_int_eq(big[j], 0);
    memset(big, 0xAB, 300000);
    for (int i = 0; i < 2000; i++) {
      unsigned char *p = arena_alloc(a, 1 + (size_t)i % 700);
      for (size_t j = 0; j <= (size_t)i % 700; j++)
        ck_assert_int_eq(p[j], 0);
      memset(p, 0xCD, 1 + (size_t)i % 700);
    }
    ck_assert_uint_gt(arena_used(a), 300000);
    arena_reset(a);
    ck_assert_uint_eq(arena_used(a), 0);
  }
  arena_reset(a); /* twice in a row */
  ck_assert_uint_eq(arena_used(a), 0);
  arena_free(a);
}
END_TEST

/* Strings take their length (no rounding to 16 bytes), the next object
   is aligned again, and arena_intern shares a short text and copies a
   long one. */
START_TEST(t_arena_strings)
{
  arena *a = arena_new();
  size_t before = arena_used(a);
  for (int i = 0; i < 1000; i++) {
    char *s = arena_strdup(a, i % 2 ? "ab" : "abcde");
    ck_assert_str_eq(s, i % 2 ? "ab" : "abcde");
    double *d = arena_alloc(a, sizeof *d);
    ck_assert_uint_eq((uintptr_t)d % _Alignof(max_align_t), 0);
    ck_assert(*d == 0);
    *d = 1;
  }
  /* 500 × (3 + 6) bytes of text and 1,000 doubles in 16-byte slots */
  ck_assert_uint_le(arena_used(a) - before, 500 * 9 + 1000 * 16 + 16000);
  char key[8] = "level";
  const char *k1 = arena_intern(a, key);
  strcpy(key, "other");
  const char *k2 = arena_intern(a, "level");
  ck_assert_ptr_eq(k1, k2);
  ck_assert_str_eq(k1, "level");
  ck_assert_ptr_ne(arena_intern(a, "other"), k1);
  ck_assert_str_eq(arena_intern(a, ""), "");
  /* many distinct texts: the set grows and keeps every one */
  const char *kept[3000];
  for (int i = 0; i < 3000; i++)
    kept[i] = arena_intern(a, arena_printf(a, "k%d", i));
  for (int i = 0; i < 3000; i++) {
    char b[16];
    snprintf(b, sizeof b, "k%d", i);
    ck_assert_ptr_eq(arena_intern(a, b), kept[i]);
  }
  char longer[ARENA_INTERN_MAX + 2];
  memset(longer, 'x', sizeof longer - 1);
  longer[sizeof longer - 1] = '\0';
  const char *l1 = arena_intern(a, longer), *l2 = arena_intern(a, longer);
  ck_assert_str_eq(l1, longer);
  ck_assert_ptr_ne(l1, l2);
  /* arena_intern remembers its answers by the address asked about: one
     buffer whose text changes (a prefix, a longer text, one past the
     length interned, back again) gets the answer of its text each time */
  char tb[ARENA_INTERN_MAX + 8];
  static const char *const texts[] = {"carrier", "carr", "carrier_zh",
                                      "carrier", "", "carrier"};
  for (int round = 0; round < 2; round++)
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
      strcpy(tb, texts[i]);
      const char *got = arena_intern(a, tb);
      ck_assert_str_eq(got, texts[i]);
      ck_assert_ptr_eq(got, arena_intern(a, texts[i]));
      ck_assert_ptr_ne(got, tb);
    }
  memset(tb, 'y', ARENA_INTERN_MAX + 1);
  tb[ARENA_INTERN_MAX + 1] = '\0';
  const char *y1 = arena_intern(a, tb);
  ck_assert_str_eq(y1, tb);
  ck_assert_ptr_ne(y1, arena_intern(a, tb)); /* long: copied each time */
  tb[5] = '\0';
  ck_assert_str_eq(arena_intern(a, tb), "yyyyy");
  arena_free(a);
}
END_TEST

START_TEST(t_fmt)
{
  char b[64];
  ck_assert_str_eq(fmt_num(1234567.891, 2, true, b, sizeof b), "1,234,567.89");
  ck_assert_str_eq(fmt_num(-1234.5, 0, true, b, sizeof b), "-1,235");
  ck_assert_str_eq(fmt_num(0.125, 2, true, b, sizeof b), "0.13");
  ck_assert_str_eq(fmt_num(-0.001, 2, true, b, sizeof b), "0.00");
  ck_assert_str_eq(fmt_num(999.999, 2, true, b, sizeof b), "1,000.00");
  ck_assert_str_eq(fmt_num(100, 0, true, b, sizeof b), "100");
  ck_assert_str_eq(fmt_num(NAN, 2, true, b, sizeof b), "—");
  /* the nudge that makes 0.125 round up never shows in the decimals of a
     large number */
  ck_assert_str_eq(fmt_num(1e13, 2, true, b, sizeof b), "10,000,000,000,000.00");
  ck_assert_str_eq(fmt_num(123456789012345, 2, true, b, sizeof b),
                   "123,456,789,012,345.00");
  ck_assert_str_eq(fmt_num(12345678.125, 2, true, b, sizeof b),
                   "12,345,678.13");
  ck_assert_str_eq(fmt_num(1e10, 6, false, b, sizeof b), "10000000000.000000");
  /* too long for the room: an exponent, never the first 63 digits of a
     number that then reads as another one */
  ck_assert_str_eq(fmt_num(1e200, 2, true, b, sizeof b), "1.00e+200");
  ck_assert_str_eq(fmt_num(-1e300, 0, false, b, sizeof b), "-1.00e+300");
  ck_assert_str_eq(fmt_num(1.7976931348623157e308, 12, true, b, sizeof b),
                   "1.797693e+308");
  ck_assert_str_eq(fmt_num(1e60, 7, false, b, sizeof b), "1.000000e+60");
  /* what fits is written in full (digits past the 17th are the binary
     value's) */
  fmt_num(1e40, 5, true, b, sizeof b);
  ck_assert_uint_eq(strlen(b), 41 + 13 + 6);
  ck_assert(strncmp(b, "10,000,000,000,000,0", 20) == 0);
  ck_assert_str_eq(b + 54, ".00000");
  char big[600];
  fmt_num(-1.7976931348623157e308, 12, true, big, sizeof big);
  ck_assert_uint_eq(strlen(big), 1 + 309 + 102 + 13);
  ck_assert(strncmp(big, "-179,769,313,486,231,570,", 25) == 0);
}
END_TEST

START_TEST(t_json_numbers)
{
  char b[40];
  json_number(0.1, b, sizeof b);
  ck_assert_str_eq(b, "0.1");
  json_number(173848.24159600001, b, sizeof b);
  ck_assert_double_eq(strtod(b, NULL), 173848.24159600001);
  json_number(-0.0, b, sizeof b);
  ck_assert_str_eq(b, "0");
  json_number(NAN, b, sizeof b);
  ck_assert_str_eq(b, "null");
  json_number(1e21, b, sizeof b);
  ck_assert_str_eq(b, "1e+21");
  /* plain notation between 1e-6 and 1e15, with the shortest digits */
  json_number(56820, b, sizeof b);
  ck_assert_str_eq(b, "56820");
  json_number(103785670, b, sizeof b);
  ck_assert_str_eq(b, "103785670");
  json_number(-6150, b, sizeof b);
  ck_assert_str_eq(b, "-6150");
  json_number(0.0001234, b, sizeof b);
  ck_assert_str_eq(b, "0.0001234");
  json_number(999999999999999.0, b, sizeof b);
  ck_assert_str_eq(b, "999999999999999");
  json_number(1e15, b, sizeof b);
  ck_assert_str_eq(b, "1e+15");
  json_number(1.5e-7, b, sizeof b);
  ck_assert_str_eq(b, "1.5e-07");
  for (double v = 1e-6; v < 1e15; v *= 7.3) { /* every one reads back */
    json_number(v, b, sizeof b);
    ck_assert_double_eq(strtod(b, NULL), v);
    ck_assert_ptr_null(strchr(b, 'e'));
  }
}
END_TEST

/* json_number before its fast path (issue 14), kept here as the
   reference: %.15g, %.16g or %.17g, the first that reads back, then the
   same digits without an exponent where that reads back too. */
static void reference_number(double x, char *out, size_t cap)
{
  if (!isfinite(x)) {
    snprintf(out, cap, "null");
    return;
  }
  if (x == 0) {
    snprintf(out, cap, "0");
    return;
  }
  if (fabs(x) < 1e15 && x == (double)(long long)x) {
    snprintf(out, cap, "%lld", (long long)x);
    return;
  }
  int prec = 15;
  for (; prec <= 17; prec++) {
    snprintf(out, cap, "%.*g", prec, x);
    if (strtod(out, NULL) == x)
      break;
  }
  double ax = fabs(x);
  if (strchr(out, 'e') && ax >= 1e-6 && ax < 1e15) {
    int e10 = (int)floor(log10(ax));
    int sig = 0;
    for (const char *p = out; *p && *p != 'e'; p++)
      sig += *p >= '0' && *p <= '9';
    int dec = sig - 1 - e10;
    char fixed[64];
    snprintf(fixed, sizeof fixed, "%.*f", dec > 0 ? dec : 0, x);
    if (strtod(fixed, NULL) == x && strlen(fixed) < cap)
      memcpy(out, fixed, strlen(fixed) + 1);
  }
}

static unsigned long long xorshift(unsigned long long *s)
{
  *s ^= *s << 13;
  *s ^= *s >> 7;
  *s ^= *s << 17;
  return *s;
}

/* Fails with both texts when json_number and the reference differ. */
static void same_as_reference(double x)
{
  char got[64], want[64];
  json_number(x, got, sizeof got);
  reference_number(x, want, sizeof want);
  ck_assert_msg(strcmp(got, want) == 0,
                "%a (%.17g): json_number %s, reference %s", x, x, got, want);
}

/* The same bytes as the reference for every double tried: random bit
   patterns (every exponent, subnormals, NaNs), random values of the
   fast path's range (1e-4 to 1e14) with 17 digits and with short
   decimals, sums of short decimals (as the results' totals are), whole
   numbers and their neighbours, and the edges: powers of ten and two and
   the doubles next to them, the fast range's limits, 2^53, the largest
   and smallest doubles, zeros and infinities. */
START_TEST(t_json_numbers_reference)
{
  unsigned long long s = 0x9E3779B97F4A7C15ULL;
  for (int i = 0; i < 20000; i++) {
    unsigned long long bits = xorshift(&s);
    double x;
    memcpy(&x, &bits, sizeof x);
    same_as_reference(x);
  }
  for (int i = 0; i < 40000; i++) {
    unsigned long long r = xorshift(&s);
    double mant = (double)(r >> 11) / 9007199254740992.0 + 0.1;
    double x = mant * pow(10.0, (int)(r % 20) - 5);
    if (i % 4 == 1)
      x = round(x * 1e3) / 1e3; /* a short decimal */
    else if (i % 4 == 2) { /* a sum of short decimals */
      double sum = 0;
      for (int k = 0; k < 12; k++)
        sum += (double)(xorshift(&s) % 10000000) / 100.0;
      x = sum;
    } else if (i % 4 == 3)
      x = (double)(long long)(x * 1e3) + 0.5 * (double)(r % 3);
    same_as_reference(i % 2 ? -x : x);
  }
  for (int e = -330; e <= 310; e++) {
    double p = pow(10.0, e);
    double q = ldexp(1.0, e);
    double list[] = {p, nextafter(p, 0), nextafter(p, INFINITY),
                     p * 5,  p * 9.999999999999999, p * 1.5,
                     q, nextafter(q, 0), nextafter(q, INFINITY)};
    for (size_t k = 0; k < sizeof list / sizeof *list; k++) {
      same_as_reference(list[k]);
      same_as_reference(-list[k]);
    }
  }
  double edges[] = {0.0, -0.0, INFINITY, -INFINITY, NAN, DBL_MAX, -DBL_MAX,
                    DBL_MIN, DBL_TRUE_MIN, 1e-4, 1e14, 1e15, 1e-6,
                    9007199254740992.0, 9007199254740993.0,
                    0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 0.1 + 0.2,
                    1495306.0000000002, 714.3000000000001, 56081932.91999998,
                    99999999999999.99, 9999999999999.998,
                    0.00009999999999999999,
                    0.000123456789012345678, 123456789012.34567};
  for (size_t k = 0; k < sizeof edges / sizeof *edges; k++) {
    same_as_reference(edges[k]);
    same_as_reference(nextafter(edges[k], 0));
    same_as_reference(nextafter(edges[k], INFINITY));
  }
  for (long long n = -100000; n <= 100000; n += 97) { /* whole and near */
    same_as_reference((double)n);
    same_as_reference(nextafter((double)n, INFINITY));
    same_as_reference((double)n + 0.5);
    same_as_reference((double)n / 100);
  }
}
END_TEST

/* The shortest digits, tried from 1 to 17 precisions: what json_number
   must print (it tries at most three). */
static void shortest_digits(double x, char *out, size_t cap)
{
  int prec = 1;
  for (; prec <= 17; prec++) {
    snprintf(out, cap, "%.*g", prec, x);
    if (strtod(out, NULL) == x)
      break;
  }
}

/* json_number's digits are the shortest that read back, for numbers of
   every size, short decimals and full-precision ones alike (a fixed
   pseudo-random sequence, so the test is the same on every run). */
START_TEST(t_json_numbers_shortest)
{
  char got[64], want[64];
  unsigned long long s = 88172645463325252ULL;
  for (int i = 0; i < 20000; i++) {
    s ^= s << 13;
    s ^= s >> 7;
    s ^= s << 17;
    double mant = (double)(s >> 11) / 9007199254740992.0; /* [0, 1) */
    int e = (int)(s % 40) - 12;
    double x = (mant + 0.1) * pow(10.0, e);
    if (i % 3 == 1) /* a short decimal: 1 to 9 significant digits */
      x = round(x * 1e4) / 1e4;
    if (i % 5 == 0)
      x = -x;
    if (x == 0 || x == (double)(long long)x)
      continue; /* zero and whole numbers have their own paths */
    json_number(x, got, sizeof got);
    ck_assert_double_eq(strtod(got, NULL), x);
    shortest_digits(x, want, sizeof want);
    /* the same significant digits, whatever the notation */
    char dg[64], dw[64];
    size_t ng = 0, nw = 0;
    for (const char *p = got; *p && *p != 'e'; p++)
      if (*p >= '0' && *p <= '9' && (ng || *p != '0'))
        dg[ng++] = *p;
    for (const char *p = want; *p && *p != 'e'; p++)
      if (*p >= '0' && *p <= '9' && (nw || *p != '0'))
        dw[nw++] = *p;
    while (ng && dg[ng - 1] == '0')
      ng--;
    while (nw && dw[nw - 1] == '0')
      nw--;
    dg[ng] = dw[nw] = '\0';
    ck_assert_msg(strcmp(dg, dw) == 0, "%.17g: %s, shortest %s", x, got,
                  want);
  }
}
END_TEST

START_TEST(t_value_tree)
{
  arena *a = arena_new();
  value *root = val_obj(a);
  value *e = val_set(a, root, "energy", val_obj(a));
  val_set_num(a, e, "total_tce", 1.5);
  value *arr = val_set(a, e, "carriers", val_arr(a));
  for (int i = 0; i < 20; i++) {
    value *o = val_obj(a);
    val_set_str(a, o, "carrier", i == 7 ? "raw_coal" : "x");
    val_set_num(a, o, "tce", i);
    val_push(a, arr, o);
  }
  ck_assert_double_eq(val_path(root, "energy.total_tce")->num, 1.5);
  ck_assert_double_eq(val_path(root, "energy.carriers[3].tce")->num, 3);
  ck_assert_double_eq(val_path(root, "energy.carriers[raw_coal].tce")->num, 7);
  ck_assert_ptr_null(val_path(root, "energy.carriers[99].tce"));
  ck_assert_ptr_null(val_path(root, "energy.nothing"));
  /* replacing a key keeps its place */
  val_set_num(a, e, "total_tce", 2.5);
  ck_assert_str_eq(e->keys[0], "total_tce");
  buf b;
  buf_init(&b);
  value *s = val_obj(a);
  val_set_str(a, s, "q", "a\"b\\c\n\x01");
  json_write(s, &b);
  ck_assert_str_eq(b.data, "{\n  \"q\": \"a\\\"b\\\\c\\n\\u0001\"\n}\n");
  buf_fini(&b);
  arena_free(a);
}
END_TEST

/* An error on each of 200,000 lines: the first 1,000 to arrive are shown
   (sorted, each quoted), the rest counted in one line, in linear time;
   and the same message at the same place is kept once. */
START_TEST(t_diag_many)
{
  enum { N = 200000 };
  arena *a = arena_new();
  diag_list *dl = diag_new(a);
  char *text = arena_alloc(a, (size_t)N * 8 + 1);
  for (int i = 0; i < N; i++)
    memcpy(text + (size_t)i * 8, "line xx\n", 8);
  diag_add_source(dl, "f.yaml", text, (size_t)N * 8);
  for (int i = N; i >= 1; i--) /* in reverse: printing sorts them */
    diag_error(dl, ((src_pos){"f.yaml", i, 6, 2}), "bad");
  char *out = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&out, &len);
  diag_print(dl, f, true);
  fclose(f);
  /* shown: lines 199,001 to 200,000, the first to arrive */
  const char *first = "f.yaml:199001:6: error: bad\n  line xx\n       ^^\n";
  ck_assert(strncmp(out, first, strlen(first)) == 0);
  ck_assert_ptr_nonnull(
      strstr(out, "f.yaml:200000:6: error: bad\n  line xx\n       ^^\n"
                  "f.yaml: … and 199000 more errors (not shown)\n"));
  ck_assert_ptr_null(strstr(out, "f.yaml:199000:"));
  free(out);
  /* the same message at the same place is kept once */
  ck_assert_uint_eq(diag_errors(dl), N);
  diag_error(dl, ((src_pos){"f.yaml", 7, 6, 2}), "bad");
  diag_error(dl, ((src_pos){arena_strdup(a, "f.yaml"), 7, 6, 2}), "%s", "bad");
  ck_assert_uint_eq(diag_errors(dl), N);
  diag_error(dl, ((src_pos){"f.yaml", 7, 6, 3}), "bad");
  diag_error(dl, ((src_pos){"f.yaml", 7, 6, 2}), "worse");
  diag_warn(dl, ((src_pos){"f.yaml", 7, 6, 2}), "bad");
  ck_assert_uint_eq(diag_errors(dl), N + 2);
  ck_assert_uint_eq(diag_warnings(dl), 1);
  arena_free(a);
}
END_TEST

START_TEST(t_diag_sorted_and_quoted)
{
  arena *a = arena_new();
  diag_list *dl = diag_new(a);
  const char *text = "a: 1\nmeters: 名称 bad\n";
  diag_add_source(dl, "f.yaml", text, strlen(text));
  src_pos p2 = {"f.yaml", 2, 12, 3};
  src_pos p1 = {"f.yaml", 1, 1, 1};
  diag_error(dl, p2, "second");
  diag_warn(dl, p1, "first");
  ck_assert_uint_eq(diag_errors(dl), 1);
  ck_assert_uint_eq(diag_warnings(dl), 1);
  char *out = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&out, &len);
  diag_print(dl, f, true);
  fclose(f);
  /* sorted by line; the caret line skips "meters: " (8) and the two
     CJK characters plus a space (5 columns) */
  ck_assert_str_eq(out, "f.yaml:1:1: warning: first\n"
                        "  a: 1\n"
                        "  ^\n"
                        "f.yaml:2:12: error: second\n"
                        "  meters: 名称 bad\n"
                        "               ^^^\n");
  free(out);
  arena_free(a);
}
END_TEST

/* Prints dl (quoted when quote) into a malloc'd string. */
static char *printed(diag_list *dl, bool quote)
{
  char *out = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&out, &len);
  diag_print(dl, f, quote);
  fclose(f);
  return out;
}

/* Control characters, C1 controls, bidi overrides and bytes that are not
   UTF-8 never reach the terminal: in the message, the file name and the
   quoted line they print as escapes, and the carets still sit under the
   span, counted in shown columns. */
START_TEST(t_diag_escapes)
{
  arena *a = arena_new();
  diag_list *dl = diag_new(a);
  /* key \e[2J, a BEL, a CR, a backspace, U+009B (CSI), U+202E, \xff */
  const char *text = "a: 1\n"
                     "k\x1b[2J\a\r\b\xc2\x9b\xe2\x80\xae\xff: 名 v\n";
  diag_add_source(dl, "f\x1b.yaml", text, strlen(text));
  src_pos key = {"f\x1b.yaml", 2, 1, 11};
  src_pos val = {"f\x1b.yaml", 2, 16, 1};
  diag_error(dl, key, "unknown key \"%s\"",
             "k\x1b[2J\a\r\b\xc2\x9b\xe2\x80\xae\xff");
  diag_error(dl, val, "value %s", "v");
  char *out = printed(dl, true);
  ck_assert_str_eq(out,
                   "f\\x1b.yaml:2:1: error: unknown key "
                   "\"k\\x1b[2J\\x07\\x0d\\x08\\u009b\\u202e\\xff\"\n"
                   "  k\\x1b[2J\\x07\\x0d\\x08\\u009b\\u202e\\xff: 名 v\n"
                   "  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n"
                   "f\\x1b.yaml:2:16: error: value v\n"
                   "  k\\x1b[2J\\x07\\x0d\\x08\\u009b\\u202e\\xff: 名 v\n"
                   "                                           ^\n");
  free(out);
  arena_free(a);
}
END_TEST

/* A quoted value is cut after DIAG_QUOTE_MAX characters, a word after
   120, so a key of 100,000 characters prints as 80 and "…". */
START_TEST(t_diag_clips)
{
  arena *a = arena_new();
  diag_list *dl = diag_new(a);
  size_t n = 100000;
  char *key = malloc(n + 1);
  memset(key, 'k', n);
  key[n] = '\0';
  diag_error(dl, src_none(), "unknown key \"%s\" (did you mean \"id\"?)", key);
  diag_error(dl, src_none(), "prices.%s: bad", key);
  char *out = printed(dl, false);
  char want[1024];
  snprintf(want, sizeof want,
           "auditgen: error: unknown key \"%.*s…\" (did you mean \"id\"?)\n"
           "auditgen: error: prices.%.*s… bad\n",
           DIAG_QUOTE_MAX, key, 120 - 7, key);
  ck_assert_str_eq(out, want);
  free(out);
  free(key);
  arena_free(a);
}
END_TEST

/* Lines of a YAML source end where libyaml ends them — CR, LF, CR LF,
   U+0085, U+2028, U+2029 — and a BOM is no column; a TEXT source (CSV,
   templates) ends lines at LF only. */
START_TEST(t_diag_yaml_lines)
{
  arena *a = arena_new();
  diag_list *dl = diag_new(a);
  const char *y = "\xef\xbb\xbf" "a: 1\rb: 2\r\nc: 3\xc2\x85" "d: 4\xe2\x80\xa8"
                  "e: 5\xe2\x80\xa9" "f: 6\n";
  size_t yl = strlen(y);
  diag_add_source_lines(dl, "y.yaml", y, yl, DIAG_LINES_YAML);
  const char *t = "a,1\rb,2\r\nc,3\n";
  diag_add_source(dl, "t.csv", t, strlen(t));
  for (int line = 1; line <= 6; line++) {
    src_pos p = {"y.yaml", line, 4, 1};
    diag_error(dl, p, "line %d", line);
  }
  src_pos p1 = {"t.csv", 1, 3, 1}, p2 = {"t.csv", 2, 3, 1};
  diag_error(dl, p1, "csv 1");
  diag_error(dl, p2, "csv 2");
  char *out = printed(dl, true);
  ck_assert_str_eq(out, "t.csv:1:3: error: csv 1\n"
                        "  a,1\\x0db,2\n"
                        "    ^\n"
                        "t.csv:2:3: error: csv 2\n"
                        "  c,3\n"
                        "    ^\n"
                        "y.yaml:1:4: error: line 1\n  a: 1\n     ^\n"
                        "y.yaml:2:4: error: line 2\n  b: 2\n     ^\n"
                        "y.yaml:3:4: error: line 3\n  c: 3\n     ^\n"
                        "y.yaml:4:4: error: line 4\n  d: 4\n     ^\n"
                        "y.yaml:5:4: error: line 5\n  e: 5\n     ^\n"
                        "y.yaml:6:4: error: line 6\n  f: 6\n     ^\n");
  free(out);
  /* diag_locate and diag_offset agree with those lines */
  size_t off_f = (size_t)(strstr(y, "f: 6") - y);
  src_pos at = diag_locate("y.yaml", y, yl, off_f + 3, DIAG_LINES_YAML);
  ck_assert_int_eq(at.line, 6);
  ck_assert_int_eq(at.col, 4);
  ck_assert_uint_eq(diag_offset(y, yl, 6, 4, DIAG_LINES_YAML), off_f + 3);
  at = diag_locate("y.yaml", y, yl, 3, DIAG_LINES_YAML); /* after the BOM */
  ck_assert_int_eq(at.line, 1);
  ck_assert_int_eq(at.col, 1);
  at = diag_locate("t", "ab\xe2\x80\xa8" "c", 6, 5, DIAG_LINES_TEXT);
  ck_assert_int_eq(at.line, 1);
  ck_assert_int_eq(at.col, 4);
  arena_free(a);
}
END_TEST

/* Past DIAG_SHOWN_PER_FILE errors of a file, the rest are counted: the
   count stays exact and one line says how many were not shown. Printing
   150,000 errors of a 150,000-line file is linear. */
START_TEST(t_diag_cap)
{
  arena *a = arena_new();
  diag_list *dl = diag_new(a);
  size_t n = 150000;
  char *text = malloc(n * 4 + 1);
  for (size_t i = 0; i < n; i++)
    memcpy(text + 4 * i, "x:1\n", 4);
  text[4 * n] = '\0';
  diag_add_source_lines(dl, "big.yaml", text, 4 * n, DIAG_LINES_YAML);
  /* last line first: which are kept is the order of arrival */
  for (size_t i = n; i > 0; i--) {
    src_pos p = {"big.yaml", (int)i, 1, 1};
    diag_error(dl, p, "bad %zu", i);
  }
  src_pos w = {"big.yaml", 1, 1, 1}, o = {"other.yaml", 0, 0, 0};
  diag_warn(dl, w, "a warning");
  diag_error(dl, o, "elsewhere");
  ck_assert_uint_eq(diag_errors(dl), n + 1);
  ck_assert_uint_eq(diag_warnings(dl), 1);
  ck_assert(diag_capped(dl, "big.yaml"));
  ck_assert(!diag_capped(dl, "other.yaml"));
  char *out = printed(dl, true);
  /* the kept ones are the first 1000 to arrive: lines 149001..150000 */
  ck_assert_msg(strncmp(out, "big.yaml:1:1: warning: a warning\n  x:1\n  ^\n"
                             "big.yaml:149001:1: error: bad 149001\n",
                        80) == 0,
                "%.200s", out);
  ck_assert_msg(strstr(out, "big.yaml:150000:1: error: bad 150000\n  x:1\n  ^\n"
                            "big.yaml: … and 149000 more errors (not shown)\n"
                            "other.yaml: error: elsewhere\n"),
                "%s", out + strlen(out) - 300);
  ck_assert(!strstr(out, "bad 149000\n"));
  free(out);
  free(text);
  arena_free(a);
}
END_TEST

/* A diagnostic at an alias names it and its anchor. */
START_TEST(t_diag_alias)
{
  arena *a = arena_new();
  diag_list *dl = diag_new(a);
  src_pos alias = {"f.yaml", 9, 7, 2}, anchored = {"f.yaml", 3, 5, 0};
  diag_note_alias(dl, alias, "m", anchored);
  diag_error(dl, alias, "meters[1].total: bad");
  src_pos other = {"f.yaml", 9, 8, 1};
  diag_error(dl, other, "next to it");
  char *out = printed(dl, false);
  ck_assert_str_eq(out, "f.yaml:9:7: error: meters[1].total: bad: via alias *m "
                        "at 9:7, anchored at 3:5\n"
                        "f.yaml:9:8: error: next to it\n");
  free(out);
  arena_free(a);
}
END_TEST

/* file_map_text: the whole text with a NUL after it, the same text for
   the same file asked again, a new one when the file is replaced, and a
   file that ends on a page boundary (no zero after it in a mapping) read
   instead, with its NUL. */
START_TEST(t_map_text)
{
  char dir[] = "/tmp/auditgen-test-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  char path[128], tmp[128];
  snprintf(path, sizeof path, "%s/rules.yaml", dir);
  snprintf(tmp, sizeof tmp, "%s/new.yaml", dir);
  ck_assert_int_eq(file_write_atomic(path, "a: 1\n", 5), 0);
  file_inputs_reset();
  size_t len;
  int err;
  const char *t = file_map_text(path, 1000, &len, &err);
  ck_assert_ptr_nonnull(t);
  ck_assert_uint_eq(len, 5);
  ck_assert_str_eq(t, "a: 1\n");
  ck_assert_ptr_eq(file_map_text(path, 1000, &len, &err), t);
  /* replaced (a new file renamed over it): the new text; written by
     hand, since the program never writes over one of its inputs */
  FILE *f = fopen(tmp, "w");
  ck_assert_ptr_nonnull(f);
  fputs("b: 22\n", f);
  fclose(f);
  ck_assert_int_eq(rename(tmp, path), 0);
  const char *u = file_map_text(path, 1000, &len, &err);
  ck_assert_ptr_nonnull(u);
  ck_assert_uint_eq(len, 6);
  ck_assert_str_eq(u, "b: 22\n");
  ck_assert_str_eq(t, "a: 1\n"); /* the old text stays readable */
  /* a page of text exactly */
  long page = sysconf(_SC_PAGESIZE);
  char *whole = malloc((size_t)page);
  memset(whole, 'x', (size_t)page);
  whole[page - 1] = '\n';
  f = fopen(tmp, "w");
  ck_assert_ptr_nonnull(f);
  ck_assert_uint_eq(fwrite(whole, 1, (size_t)page, f), (size_t)page);
  fclose(f);
  const char *w = file_map_text(tmp, (size_t)page * 2, &len, &err);
  ck_assert_ptr_nonnull(w);
  ck_assert_uint_eq(len, (size_t)page);
  ck_assert_int_eq(memcmp(w, whole, (size_t)page), 0);
  ck_assert_int_eq(w[page], '\0');
  /* over the limit, and missing */
  ck_assert_ptr_null(file_map_text(tmp, 100, &len, &err));
  ck_assert_int_eq(err, FILE_ERR_TOO_LARGE);
  unlink(tmp);
  ck_assert_ptr_null(file_map_text(tmp, 100, &len, &err));
  ck_assert_int_eq(err, ENOENT);
  free(whole);
  unlink(path);
  rmdir(dir);
  file_inputs_reset();
}
END_TEST

START_TEST(t_atomic_write)
{
  char dir[] = "/tmp/auditgen-test-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  char path[128];
  snprintf(path, sizeof path, "%s/out.json", dir);
  ck_assert_int_eq(file_write_atomic(path, "hello", 5), 0);
  FILE *f = fopen(path, "r");
  char b[16] = {0};
  ck_assert_uint_eq(fread(b, 1, sizeof b, f), 5);
  fclose(f);
  ck_assert_str_eq(b, "hello");
  /* a target in a missing directory fails and leaves nothing */
  char bad[160];
  snprintf(bad, sizeof bad, "%s/missing/out.json", dir);
  ck_assert_int_ne(file_write_atomic(bad, "x", 1), 0);
  unlink(path);
  ck_assert_int_eq(rmdir(dir), 0); /* no temporary file left behind */
}
END_TEST

/* The unit a results key names: by suffix, as a rate A_per_B with or
   without a qualifier after it, per the item's unit, and the physical
   keys by their item's unit; none for what names no unit. */
START_TEST(t_key_unit)
{
  arena *a = arena_new();
  value *item = val_obj(a);
  val_set_str(a, item, "unit", "t");
  char b[64];
  static const char *const cases[][2] = {
      {"total_tce", "tce"},
      {"tce", "tce"},
      {"energy_cost_cny", "CNY"},
      {"payback_years", "a"},
      {"abatement_cost_cny_per_tco2", "CNY/tCO2"},
      {"tce_per_10k_cny_output", "tce/万元"},
      {"tce_per_10k_cny_value_added", "tce/万元"},
      {"tco2_per_10k_cny_output", "tCO2/万元"},
      {"cny_per_10k_cny_output", "CNY/万元"},
      {"kgce_per_m2", "kgce/m2"},
      {"grid_factor_tco2_per_mwh", "tCO2/MWh"},
      {"carbon_tc_per_gj", "tC/GJ"},
      {"cny_per_unit", "CNY/t"},
      {"tco2_per_unit", "tCO2/t"},
      {"consumed", "t"},
      {"opening", "t"},
      {"operating_hours", "h"},
      {"rate", NULL},
      {"share", NULL},
      {"specific_speed", NULL},
      {"per_unit", NULL},      /* no numerator */
      {"cost_per_widget", NULL},
      {"xtce", NULL},          /* a unit word only after '_' */
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    const char *u = val_key_unit(cases[i][0], item, b, sizeof b);
    if (!cases[i][1])
      ck_assert_msg(u == NULL, "%s: %s", cases[i][0], u);
    else
      ck_assert_msg(u && strcmp(u, cases[i][1]) == 0, "%s: %s", cases[i][0],
                    u ? u : "(none)");
  }
  /* without an item: a physical key has no unit, "per unit" stays "unit" */
  ck_assert_ptr_null(val_key_unit("consumed", NULL, b, sizeof b));
  ck_assert_str_eq(val_key_unit("cny_per_unit", NULL, b, sizeof b),
                   "CNY/unit");
  /* a buffer too small gives none rather than a cut unit */
  char small[4];
  ck_assert_ptr_null(val_key_unit("tce_per_10k_cny", item, small,
                                  sizeof small));
  arena_free(a);
}
END_TEST

/* dynlib: a library opened on first use. zlib stands in for the real
   ones (it is linked anyway); its zlibVersion is the same function
   whether called directly or through the pointer. */
#define T_ZLIB(X) X(zlibVersion) X(crc32)
DYNLIB_POINTERS(T_ZLIB)

/* arena_printf joins formats of text, %s, %d, %zu and %% itself: the
   same bytes as snprintf, at the ends of the ranges, and any other
   format (width, precision, other conversions) goes to vsnprintf. */
START_TEST(t_arena_printf_quick)
{
  arena *a = arena_new();
  char want[512];
  static const int ints[] = {0, 7, -7, 10, -10, 123456789, INT_MAX, INT_MIN};
  static const size_t sizes[] = {0, 9, 10, 65535, SIZE_MAX};
  for (size_t i = 0; i < sizeof ints / sizeof *ints; i++) {
    snprintf(want, sizeof want, "%d:%s", ints[i], "key");
    ck_assert_str_eq(arena_printf(a, "%d:%s", ints[i], "key"), want);
    snprintf(want, sizeof want, "[%d]", ints[i]);
    ck_assert_str_eq(arena_printf(a, "[%d]", ints[i]), want);
  }
  for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
    snprintf(want, sizeof want, "%s[%zu]%%", "kinds", sizes[i]);
    ck_assert_str_eq(arena_printf(a, "%s[%zu]%%", "kinds", sizes[i]), want);
  }
  ck_assert_str_eq(arena_printf(a, "%s.%s", "kinds", "motor"), "kinds.motor");
  ck_assert_str_eq(arena_printf(a, "100%% %s", ""), "100% ");
  ck_assert_str_eq(arena_printf(a, "%s", "中文"), "中文");
  /* not for the quick path: the same as snprintf all the same */
  snprintf(want, sizeof want, "%5d|%-4s|%.2f|%zx|%u", 42, "ab", 1.5,
           (size_t)255, 7u);
  ck_assert_str_eq(arena_printf(a, "%5d|%-4s|%.2f|%zx|%u", 42, "ab", 1.5,
                                (size_t)255, 7u),
                   want);
  /* more pieces (18) or numbers (9) than the quick path keeps: the same
     bytes through vsnprintf; 16 pieces and 8 numbers through it */
  snprintf(want, sizeof want, "a%sb%sc%sd%se%sf%sg%sh%si%s", "1", "2", "3",
           "4", "5", "6", "7", "8", "9");
  ck_assert_str_eq(arena_printf(a, "a%sb%sc%sd%se%sf%sg%sh%si%s", "1", "2",
                                "3", "4", "5", "6", "7", "8", "9"),
                   want);
  ck_assert_str_eq(arena_printf(a, "a%sb%sc%sd%se%sf%sg%sh%s", "1", "2", "3",
                                "4", "5", "6", "7", "8"),
                   "a1b2c3d4e5f6g7h8");
  ck_assert_str_eq(arena_printf(a, "%d%d%d%d%d%d%d%d%d", 1, 2, 3, 4, 5, 6, 7,
                                8, -9),
                   "12345678-9");
  ck_assert_str_eq(arena_printf(a, "%d.%d.%d.%d.%d.%d.%d.%zu", 1, 2, 3, 4, 5,
                                6, 7, (size_t)8),
                   "1.2.3.4.5.6.7.8");
  char big[400];
  memset(big, 'x', sizeof big - 1);
  big[sizeof big - 1] = '\0';
  snprintf(want, sizeof want, "%s-%d", big, 3);
  ck_assert_str_eq(arena_printf(a, "%s-%d", big, 3), want);
  arena_free(a);
}
END_TEST

START_TEST(t_dynlib)
{
  char why[DYNLIB_WHY];
  dynlib z = {"libz.so.1", "zlib1g", NULL, false};
  bool ok = false;
  DYNLIB_BIND(&z, T_ZLIB, ok, why);
  ck_assert(ok);
  ck_assert_str_eq(dl_zlibVersion(), zlibVersion());
  /* CRC-32 of "123456789" is 0xcbf43926 (the check value of the CRC-32
     catalogue) */
  ck_assert_uint_eq(dl_crc32(0, (const unsigned char *)"123456789", 9),
                    0xcbf43926u);
  /* a function the library lacks: named, with the library */
  static const char *const names[] = {"zlibVersion", "no_such_function"};
  dynlib_fn fns[2];
  ck_assert(!dynlib_bind(&z, names, fns, 2, why));
  ck_assert_ptr_nonnull(strstr(why, "no_such_function"));
  ck_assert_ptr_nonnull(strstr(why, "libz.so.1"));
  ck_assert_ptr_nonnull(strstr(why, "没有函数"));
  /* a library that is not installed: a clear error, both languages, the
     package to install; a second call says so again without retrying */
  dynlib none = {"libauditgen-none.so.9", "libauditgen-none9", NULL, false};
  ck_assert(!dynlib_bind(&none, names, fns, 1, why));
  ck_assert_ptr_nonnull(strstr(why, "无法加载共享库 libauditgen-none.so.9"));
  ck_assert_ptr_nonnull(strstr(why, "cannot load the shared library "
                                    "libauditgen-none.so.9 (install the "
                                    "Debian package libauditgen-none9)"));
  ck_assert(none.tried);
  why[0] = 0;
  ck_assert(!dynlib_bind(&none, names, fns, 1, why));
  ck_assert_ptr_nonnull(strstr(why, "libauditgen-none9"));
}
END_TEST

Suite *base_suite(void)
{
  Suite *s = suite_create("base");
  TCase *tc = tcase_create("base");
  tcase_add_test(tc, t_arena);
  tcase_add_test(tc, t_arena_strings);
  tcase_add_test(tc, t_arena_huge_blocks);
  tcase_add_test(tc, t_arena_reset);
  tcase_add_test(tc, t_map_text);
  tcase_add_test(tc, t_fmt);
  tcase_add_test(tc, t_arena_printf_quick);
  tcase_add_test(tc, t_json_numbers);
  tcase_add_test(tc, t_json_numbers_shortest);
  tcase_add_test(tc, t_json_numbers_reference);
  tcase_add_test(tc, t_value_tree);
  tcase_add_test(tc, t_diag_sorted_and_quoted);
  tcase_add_test(tc, t_diag_escapes);
  tcase_add_test(tc, t_diag_clips);
  tcase_add_test(tc, t_diag_yaml_lines);
  tcase_add_test(tc, t_diag_cap);
  tcase_add_test(tc, t_diag_alias);
  tcase_add_test(tc, t_diag_many);
  tcase_add_test(tc, t_atomic_write);
  tcase_add_test(tc, t_key_unit);
  tcase_add_test(tc, t_dynlib);
  suite_add_tcase(s, tc);
  return s;
}
