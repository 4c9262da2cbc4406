/* linebreak.c — line-break opportunities (see linebreak.h). libunibreak
 * does UAX #14; the prohibitions and the number-unit rule are applied on
 * top of its answer. */
#include "linebreak.h"

#include "../base/mem.h"
#include "../base/utf8.h"

#include <linebreak.h>
#include <stdbool.h>
#include <string.h>

/* Decodes the character starting at s[i]; sets *len. */
static unsigned cp_at(const char *s, size_t n, size_t i, size_t *len)
{
  const unsigned char *p = (const unsigned char *)s + i;
  unsigned c = p[0];
  size_t need = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (i + need > n)
    need = 1;
  unsigned cp = need == 1 ? c : c & (0x7Fu >> need);
  for (size_t k = 1; k < need; k++)
    cp = (cp << 6) | (p[k] & 0x3F);
  *len = need;
  return cp;
}

static bool no_line_start(unsigned cp)
{
  static const unsigned set[] = {0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A,
                                 0xFF1F, 0xFF01, 0xFF09, 0x300B, 0x300D,
                                 0x300F, 0x3011, 0x201D, 0x2019, '%',
                                 0xFF05, ',', '.', ';', ':', '?', '!', ')',
                                 ']', 0x2030};
  for (size_t i = 0; i < sizeof set / sizeof *set; i++)
    if (set[i] == cp)
      return true;
  return false;
}

static bool no_line_end(unsigned cp)
{
  static const unsigned set[] = {0xFF08, 0x300A, 0x300C, 0x300E, 0x3010,
                                 0x201C, 0x2018, '(', '['};
  for (size_t i = 0; i < sizeof set / sizeof *set; i++)
    if (set[i] == cp)
      return true;
  return false;
}

static bool is_digit(unsigned cp) { return cp >= '0' && cp <= '9'; }

/* The first character of a unit: a Latin letter, %, ‰, or 万 (万kWh). */
static bool unit_start(unsigned cp)
{
  return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '%' ||
         cp == 0x2030 || cp == 0x4E07;
}

void lb_breaks(const char *s, size_t n, char *brk)
{
  static bool ready;
  if (!ready) { /* libunibreak's tables: idempotent, set once */
    init_linebreak();
    ready = true;
  }
  if (!n)
    return;
  /* libunibreak asserts on malformed UTF-8: the loaders refuse it, and
     what got past them anyway is broken as '?' bytes (same offsets) */
  char *clean = NULL;
  size_t bad;
  if (!utf8_valid(s, n, &bad)) {
    clean = mem_alloc(n);
    memcpy(clean, s, n);
    for (size_t i = bad; i < n;) {
      size_t l = utf8_char_len(clean + i, n - i);
      if (l == 0) {
        clean[i] = '?';
        l = 1;
      }
      i += l;
    }
    s = clean;
  }
  set_linebreaks_utf8((const utf8_t *)s, n, "zh", brk);
  /* Character boundaries, to apply the character rules. */
  size_t i = 0;
  unsigned prev = 0, prev2 = 0;
  size_t prev_end = 0; /* index of the last byte of the previous char */
  bool have_prev = false;
  while (i < n) {
    size_t len;
    unsigned cp = cp_at(s, n, i, &len);
    for (size_t k = i; k + 1 < i + len; k++)
      brk[k] = LB_NO;
    if (have_prev && brk[prev_end] == LB_ALLOW) {
      if (no_line_start(cp) || no_line_end(prev))
        brk[prev_end] = LB_NO;
      /* "24 tce": the space between a number and its unit */
      if (prev == ' ' && is_digit(prev2) && unit_start(cp))
        brk[prev_end] = LB_NO;
      /* "GB 16780-2021", "2016-01-01": a hyphen between digits */
      if (prev == '-' && is_digit(prev2) && is_digit(cp))
        brk[prev_end] = LB_NO;
      /* "14,559", "1/2": inside a number */
      if ((prev == ',' || prev == '.' || prev == '/') && is_digit(prev2) &&
          is_digit(cp))
        brk[prev_end] = LB_NO;
    }
    /* and the break before that space */
    if (have_prev && cp == ' ' && is_digit(prev) && i + len < n) {
      size_t l2;
      unsigned next = cp_at(s, n, i + len, &l2);
      if (unit_start(next) && brk[i + len - 1] == LB_ALLOW)
        brk[i + len - 1] = LB_NO;
    }
    prev2 = prev;
    prev = cp;
    prev_end = i + len - 1;
    have_prev = true;
    i += len;
  }
  if (brk[n - 1] != LB_MUST)
    brk[n - 1] = LB_MUST; /* the end of the text */
  mem_free(clean);
}
