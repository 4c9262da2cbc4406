/* bytes.c — see bytes.h. */
#include "bytes.h"

#include <stdarg.h>
#include <stdio.h>

bool bytes_fail(char *why, size_t n, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(why, n, fmt, ap);
  va_end(ap);
  return false;
}
