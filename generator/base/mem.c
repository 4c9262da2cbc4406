/* mem.c — heap wrapper and bump arena.
 *
 * The arena hands out memory from blocks of at least 64 KiB; a request
 * larger than a block gets a block of its own. Blocks are chained and freed
 * together. Alignment is that of max_align_t. */
#include "mem.h"

#include <stdarg.h>
#include <stdalign.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long fail_countdown;

void mem_fail_after(unsigned long n) { fail_countdown = n; }

static void out_of_memory(size_t n)
{
  fprintf(stderr, "auditgen: out of memory (%zu bytes)\n", n);
  abort();
}

static int should_fail(void)
{
  if (fail_countdown == 0)
    return 0;
  return --fail_countdown == 0;
}

void *mem_alloc(size_t n)
{
  void *p = should_fail() ? NULL : calloc(1, n ? n : 1);
  if (!p)
    out_of_memory(n);
  return p;
}

void *mem_realloc(void *p, size_t n)
{
  void *q = should_fail() ? NULL : realloc(p, n ? n : 1);
  if (!q)
    out_of_memory(n);
  return q;
}

void mem_free(void *p) { free(p); }

/* {====================================================== arena */

#define BLOCK_MIN (64u * 1024u)
#define ALIGN (alignof(max_align_t))

struct block {
  struct block *next;
  size_t size, used;
  alignas(max_align_t) unsigned char data[];
};

struct arena {
  struct block *head;
  size_t total;
};

arena *arena_new(void) { return mem_alloc(sizeof(arena)); }

void arena_free(arena *a)
{
  if (!a)
    return;
  struct block *b = a->head;
  while (b) {
    struct block *next = b->next;
    mem_free(b);
    b = next;
  }
  mem_free(a);
}

void *arena_alloc(arena *a, size_t n)
{
  size_t need = (n + ALIGN - 1) & ~(ALIGN - 1);
  if (need < n)
    out_of_memory(n);
  struct block *b = a->head;
  if (!b || b->size - b->used < need) {
    size_t size = need > BLOCK_MIN ? need : BLOCK_MIN;
    struct block *nb = mem_alloc(sizeof(struct block) + size);
    nb->size = size;
    if (b && need > BLOCK_MIN) {
      /* A big request goes behind the current block so that the
         current block's free space stays usable. */
      nb->next = b->next;
      b->next = nb;
    } else {
      nb->next = b;
      a->head = nb;
    }
    b = nb;
  }
  /* Blocks come zeroed from mem_alloc and are never reused. */
  void *p = b->data + b->used;
  b->used += need;
  a->total += need;
  return p;
}

char *arena_strndup(arena *a, const char *s, size_t len)
{
  char *p = arena_alloc(a, len + 1);
  if (len)
    memcpy(p, s, len);
  p[len] = '\0';
  return p;
}

char *arena_strdup(arena *a, const char *s)
{
  return arena_strndup(a, s, strlen(s));
}

char *arena_printf(arena *a, const char *fmt, ...)
{
  /* One pass into a stack buffer covers nearly every call (key paths,
     messages); only longer texts are formatted twice. */
  char tmp[256];
  va_list ap, ap2;
  va_start(ap, fmt);
  va_copy(ap2, ap);
  int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
  va_end(ap);
  if (n < 0)
    n = 0;
  char *p = arena_alloc(a, (size_t)n + 1);
  if ((size_t)n < sizeof tmp)
    memcpy(p, tmp, (size_t)n + 1);
  else
    vsnprintf(p, (size_t)n + 1, fmt, ap2);
  va_end(ap2);
  return p;
}

void *arena_grow(arena *a, void *items, size_t n, size_t *cap, size_t elem)
{
  if (n < *cap)
    return items;
  size_t nc = *cap ? *cap * 2 : 16;
  void *p = arena_alloc(a, nc * elem);
  if (n)
    memcpy(p, items, n * elem);
  *cap = nc;
  return p;
}

size_t arena_used(const arena *a) { return a->total; }
/* }====================================================== */
