/* utf8.c — UTF-8 well-formedness (see utf8.h). */
#include "utf8.h"

size_t utf8_char_len(const char *p, size_t n)
{
  const unsigned char *s = (const unsigned char *)p;
  if (n == 0)
    return 0;
  unsigned c = s[0];
  if (c < 0x80)
    return 1;
  size_t len;
  unsigned lo = 0x80, hi = 0xBF; /* range of the second byte */
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    if (c == 0xE0)
      lo = 0xA0; /* overlong */
    else if (c == 0xED)
      hi = 0x9F; /* surrogates */
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    if (c == 0xF0)
      lo = 0x90; /* overlong */
    else if (c == 0xF4)
      hi = 0x8F; /* above U+10FFFF */
  } else {
    return 0;
  }
  if (n < len || s[1] < lo || s[1] > hi)
    return 0;
  for (size_t i = 2; i < len; i++)
    if ((s[i] & 0xC0) != 0x80)
      return 0;
  return len;
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
