/* fmt.c — number formatting for people (see fmt.h). */
#include "fmt.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

const char *fmt_num(double x, int decimals, bool group, char *out, size_t cap)
{
  if (!isfinite(x)) {
    snprintf(out, cap, "—");
    return out;
  }
  if (decimals < 0)
    decimals = 0;
  if (decimals > 12)
    decimals = 12;
  /* Room for every finite double: 309 integer digits, the point, 12
     decimals, a sign; and for its thousands separators. */
  char raw[336];
  /* %.*f rounds half to even on the binary value; nudge by the value's own
     ulp so that 0.125 -> 0.13 as a person rounding by hand expects. The
     nudge stays far below the last decimal shown: for large numbers four
     ulps would show up (123456789012345 as …345.11). */
  double nudge = fmin(fabs(x) * 4 * 2.220446049250313e-16,
                      1e-3 * pow(10.0, -decimals));
  double nudged = x + copysign(nudge, x);
  snprintf(raw, sizeof raw, "%.*f", decimals, nudged);
  if (strspn(raw, "-0.") == strlen(raw) && raw[0] == '-')
    memmove(raw, raw + 1, strlen(raw)); /* no "-0.00" */
  char res[448];
  size_t n = 0;
  const char *p = raw;
  if (!group) {
    n = (size_t)snprintf(res, sizeof res, "%s", raw);
  } else {
    if (*p == '-')
      res[n++] = *p++;
    size_t int_len = strcspn(p, ".");
    for (size_t i = 0; i < int_len; i++) {
      if (i && (int_len - i) % 3 == 0)
        res[n++] = ',';
      res[n++] = p[i];
    }
    n += (size_t)snprintf(res + n, sizeof res - n, "%s", p + int_len);
  }
  /* A number too long for the caller's room is written with an exponent,
     never cut short: a cut number would read as a different one. */
  if (n >= cap)
    snprintf(out, cap, "%.*e", decimals < 2 ? 2 : decimals > 6 ? 6 : decimals,
             x);
  else
    memcpy(out, res, n + 1);
  return out;
}
