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
  char raw[64];
  /* %.*f rounds half to even on the binary value; nudge by the value's own
     ulp so that 0.125 -> 0.13 as a person rounding by hand expects. */
  double nudged = x + copysign(fabs(x) * 4 * 2.220446049250313e-16, x);
  snprintf(raw, sizeof raw, "%.*f", decimals, nudged);
  if (strspn(raw, "-0.") == strlen(raw) && raw[0] == '-')
    memmove(raw, raw + 1, strlen(raw)); /* no "-0.00" */
  if (!group) {
    snprintf(out, cap, "%s", raw);
    return out;
  }
  const char *p = raw;
  char res[96];
  size_t n = 0;
  if (*p == '-')
    res[n++] = *p++;
  size_t int_len = strcspn(p, ".");
  for (size_t i = 0; i < int_len; i++) {
    if (i && (int_len - i) % 3 == 0)
      res[n++] = ',';
    res[n++] = p[i];
  }
  snprintf(res + n, sizeof res - n, "%s", p + int_len);
  snprintf(out, cap, "%s", res);
  return out;
}
