/* utf8.c — UTF-8 well-formedness (see utf8.h). */
#include "utf8.h"

size_t utf8_decode(const char *p, size_t n, unsigned *cp)
{
  const unsigned char *s = (const unsigned char *)p;
  if (n == 0)
    return 0;
  unsigned c = s[0];
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  size_t len = c >= 0xC2 && c <= 0xDF   ? 2
               : c >= 0xE0 && c <= 0xEF ? 3
               : c >= 0xF0 && c <= 0xF4 ? 4
                                        : 0;
  if (!len || len > n)
    return 0;
  unsigned v = c & (0x7Fu >> len);
  for (size_t i = 1; i < len; i++) {
    if ((s[i] & 0xC0) != 0x80)
      return 0;
    v = (v << 6) | (s[i] & 0x3Fu);
  }
  /* overlong forms, surrogates, beyond U+10FFFF */
  if ((len == 3 && (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF))) ||
      (len == 4 && (v < 0x10000 || v > 0x10FFFF)))
    return 0;
  *cp = v;
  return len;
}

size_t utf8_char_len(const char *p, size_t n)
{
  unsigned cp;
  return utf8_decode(p, n, &cp);
}

bool utf8_valid(const char *s, size_t n, size_t *bad)
{
  size_t i = 0;
  while (i < n) {
    size_t l = utf8_char_len(s + i, n - i);
    if (l == 0) {
      if (bad)
        *bad = i;
      return false;
    }
    i += l;
  }
  return true;
}
