/* buf.h — a growable byte buffer on the heap.
 *
 * buf_ functions grow the buffer in place; the struct is caller storage
 * (buf_init / buf_fini). data is always NUL-terminated. */
#ifndef GEN_BUF_H
#define GEN_BUF_H

#include <stddef.h>

typedef struct buf {
  char *data;
  size_t len, cap;
} buf;

void buf_init(buf *b);
void buf_fini(buf *b);
void buf_add(buf *b, const char *s, size_t n);
void buf_puts(buf *b, const char *s);
void buf_putc(buf *b, char c);
void buf_printf(buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void buf_clear(buf *b);

#endif
