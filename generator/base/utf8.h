/* utf8.h — UTF-8 well-formedness, as RFC 3629 defines it: no overlong
 * forms, no surrogates, nothing above U+10FFFF. Every text that reaches
 * a library expecting UTF-8 (libunibreak, libharu) passes through here or
 * through a loader that checked it. */
#ifndef GEN_UTF8_H
#define GEN_UTF8_H

#include <stdbool.h>
#include <stddef.h>

/* Byte length of the well-formed character at p (n bytes left), its
   code point in *cp; 0 (cp untouched) when the bytes there are not one. */
size_t utf8_decode(const char *p, size_t n, unsigned *cp);
/* Byte length of the well-formed character at p, or 0. */
size_t utf8_char_len(const char *p, size_t n);
/* Whether s[0..n) is well-formed; if not, *bad (may be NULL) is the
   offset of the first byte that is not. */
bool utf8_valid(const char *s, size_t n, size_t *bad);

#endif
