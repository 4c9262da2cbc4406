/* fmt.h — the one function that formats numbers a reader sees.
 *
 * Never depends on the locale: the decimal point is '.', thousands are
 * grouped with ',' (the usage of Chinese and English reports alike). */
#ifndef GEN_FMT_H
#define GEN_FMT_H

#include <stdbool.h>
#include <stddef.h>

/* Formats x with `decimals` places, rounding half away from zero, with
   thousands separators when group is set. A non-finite x gives "—"; a
   number too long for cap bytes is written with an exponent ("1.00e+200"),
   never cut. Returns out. */
const char *fmt_num(double x, int decimals, bool group, char *out, size_t cap);

#endif
