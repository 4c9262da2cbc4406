/* json.c — results tree to JSON text (see json.h). */
#include "json.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void json_number(double x, char *out, size_t cap)
{
  if (!isfinite(x)) {
    snprintf(out, cap, "null");
    return;
  }
  if (x == 0) {
    snprintf(out, cap, "0"); /* also for -0 */
    return;
  }
  /* whole numbers below 10^15 print exactly as integers (from 10^15 on,
     with an exponent, as below) */
  if (fabs(x) < 1e15 && x == (double)(long long)x) {
    snprintf(out, cap, "%lld", (long long)x);
    return;
  }
  /* The shortest digits that read back as x. When 15 significant digits
     read back, %.15g (trailing zeros dropped) is the shortest form: a
     shorter decimal d that reads back lies within half an ulp of x
     (< 1.2e-16 relative), closer than half the spacing of 15-digit
     decimals (>= 5e-16 relative), so x rounds to d at 15 digits. Else the
     shortest has 16 or 17 digits. Three tries, not seventeen. */
  int prec = 15;
  for (; prec <= 17; prec++) {
    snprintf(out, cap, "%.*g", prec, x);
    if (strtod(out, NULL) == x)
      break;
  }
  /* the same digits without an exponent where a reader expects plain
     numbers (56820, not 5.682e+04; 0.0001234, not 1.234e-04) */
  double ax = fabs(x);
  if (strchr(out, 'e') && ax >= 1e-6 && ax < 1e15) {
    int e10 = (int)floor(log10(ax));
    int sig = 0; /* significant digits printed (trailing zeros dropped) */
    for (const char *p = out; *p && *p != 'e'; p++)
      sig += *p >= '0' && *p <= '9';
    int dec = sig - 1 - e10;
    char fixed[64];
    snprintf(fixed, sizeof fixed, "%.*f", dec > 0 ? dec : 0, x);
    if (strtod(fixed, NULL) == x && strlen(fixed) < cap)
      memcpy(out, fixed, strlen(fixed) + 1);
  }
}

static void write_string(const char *s, buf *out)
{
  buf_putc(out, '"');
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    /* a run of characters that need no escape goes in one copy */
    const unsigned char *q = p;
    while (*q >= 0x20 && *q != '"' && *q != '\\')
      q++;
    if (q != p) {
      buf_add(out, (const char *)p, (size_t)(q - p));
      p = q;
      if (!*p)
        break;
    }
    switch (*p) {
    case '"':
      buf_puts(out, "\\\"");
      break;
    case '\\':
      buf_puts(out, "\\\\");
      break;
    case '\n':
      buf_puts(out, "\\n");
      break;
    case '\r':
      buf_puts(out, "\\r");
      break;
    case '\t':
      buf_puts(out, "\\t");
      break;
    default:
      if (*p < 0x20)
        buf_printf(out, "\\u%04x", *p);
      else
        buf_putc(out, (char)*p);
    }
  }
  buf_putc(out, '"');
}

static void indent(buf *out, int depth)
{
  if (depth < 0)
    return; /* json_write_line: one line */
  buf_putc(out, '\n');
  for (int i = 0; i < depth; i++)
    buf_puts(out, "  ");
}

static void write_value(const value *v, buf *out, int depth)
{
  char num[40];
  switch (v->kind) {
  case VAL_NULL:
    buf_puts(out, "null");
    break;
  case VAL_BOOL:
    buf_puts(out, v->b ? "true" : "false");
    break;
  case VAL_NUM:
    json_number(v->num, num, sizeof num);
    buf_puts(out, num);
    break;
  case VAL_STR:
    write_string(v->str, out);
    break;
  case VAL_ARR:
    if (!v->n) {
      buf_puts(out, "[]");
      break;
    }
    /* Arrays of scalars stay on one line. */
    {
      bool flat = true;
      for (size_t i = 0; i < v->n && flat; i++)
        flat = v->items[i]->kind != VAL_ARR && v->items[i]->kind != VAL_OBJ;
      buf_putc(out, '[');
      for (size_t i = 0; i < v->n; i++) {
        if (i)
          buf_puts(out, flat && depth >= 0 ? ", " : ",");
        if (!flat)
          indent(out, depth + 1);
        write_value(v->items[i], out, depth + 1);
      }
      if (!flat)
        indent(out, depth);
      buf_putc(out, ']');
    }
    break;
  case VAL_OBJ:
    if (!v->n) {
      buf_puts(out, "{}");
      break;
    }
    buf_putc(out, '{');
    for (size_t i = 0; i < v->n; i++) {
      if (i)
        buf_putc(out, ',');
      indent(out, depth + 1);
      write_string(v->keys[i], out);
      buf_puts(out, depth >= 0 ? ": " : ":");
      write_value(v->items[i], out, depth + 1);
    }
    indent(out, depth);
    buf_putc(out, '}');
    break;
  }
}

void json_write(const value *v, buf *out)
{
  write_value(v, out, 0);
  buf_putc(out, '\n');
}

void json_write_line(const value *v, buf *out)
{
  write_value(v, out, -1000000);
}
