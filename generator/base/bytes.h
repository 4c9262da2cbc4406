/* bytes.h — reading binary file formats (TrueType fonts, PNG logos):
 * big-endian fields, and the reason a check refused a file. */
#ifndef GEN_BYTES_H
#define GEN_BYTES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The big-endian 16- and 32-bit numbers at p. */
static inline unsigned bytes_be16(const unsigned char *p)
{
  return (unsigned)p[0] << 8 | p[1];
}

static inline uint32_t bytes_be32(const unsigned char *p)
{
  return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 |
         p[3];
}

/* Writes the printf-formatted reason into why[0..n) and returns false, so
   a check can `return bytes_fail(why, n, "...", ...)`. */
bool bytes_fail(char *why, size_t n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
