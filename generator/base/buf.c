/* buf.c — growable byte buffer (see buf.h). */
#include "buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "mem.h"

void buf_init(buf *b)
{
  b->cap = 64;
  b->len = 0;
  b->data = mem_alloc(b->cap);
}

void buf_fini(buf *b)
{
  mem_free(b->data);
  b->data = NULL;
  b->len = b->cap = 0;
}

static void reserve(buf *b, size_t extra)
{
  if (b->len + extra + 1 <= b->cap)
    return;
  size_t cap = b->cap ? b->cap : 64;
  while (cap < b->len + extra + 1)
    cap *= 2;
  b->data = mem_realloc(b->data, cap);
  b->cap = cap;
}

void buf_add(buf *b, const char *s, size_t n)
{
  reserve(b, n);
  memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = '\0';
}

void buf_puts(buf *b, const char *s) { buf_add(b, s, strlen(s)); }

void buf_putc(buf *b, char c) { buf_add(b, &c, 1); }

void buf_printf(buf *b, const char *fmt, ...)
{
  va_list ap, ap2;
  va_start(ap, fmt);
  va_copy(ap2, ap);
  /* formatted once into the room there is; again only when it was short */
  size_t room = b->data ? b->cap - b->len : 0;
  int n = vsnprintf(room ? b->data + b->len : NULL, room, fmt, ap);
  va_end(ap);
  if (n > 0) {
    if ((size_t)n >= room) {
      reserve(b, (size_t)n);
      vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap2);
    }
    b->len += (size_t)n;
  } else if (room) {
    b->data[b->len] = '\0'; /* nothing written, or an encoding error */
  }
  va_end(ap2);
}

void buf_clear(buf *b)
{
  b->len = 0;
  if (b->data)
    b->data[0] = '\0';
}
