/* mem.c — heap wrapper and bump arena.
 *
 * The arena hands out memory from a first block of 64 KiB, then blocks
 * of 2 MiB (huge pages where the kernel gives them); a request larger than a block gets a block of its
 * own. Strings are not rounded up to the alignment, and arena_intern keeps
 * one copy of each short string a run repeats. Blocks are chained and freed
 * together. Alignment is that of max_align_t. */
#include "mem.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdalign.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

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
/* Blocks from 2 MiB up (the last size of the doubling, and any request
   that large) are mapped at a 2 MiB boundary and the kernel is asked to
   back them with huge pages (madvise; a hint it may ignore): one page
   fault per 2 MiB instead of 512. A fault costs ~9 µs on the machine we
   measure on, and a calc of the cement sample fills ~12 MB of arena
   (issue 14: 3,070 faults became 950). */
#define HUGE_PAGE (2u * 1024u * 1024u)

struct block {
  struct block *next;
  size_t size, used;
  size_t mapped; /* bytes mapped for it (munmap), 0 when from mem_alloc */
  alignas(max_align_t) unsigned char data[];
};

/* Blocks after the first are this size: a large run makes few blocks,
   they come zeroed from the system (mmap) instead of cleared by calloc,
   and a run past 64 KiB faults in 2 MiB at a time (doubling from 64 KiB
   to 1 MiB first cost the cement sample's calc 420 faults of 955). */
#define BLOCK_MAX (HUGE_PAGE - sizeof(struct block))
#define ALIGN (alignof(max_align_t))

/* A block of at least size bytes of data, zeroed. */
static struct block *block_new(size_t size)
{
  size_t bytes = sizeof(struct block) + size;
  if (size >= BLOCK_MAX && bytes <= SIZE_MAX - 2 * HUGE_PAGE) {
    if (should_fail())
      out_of_memory(size);
    size_t len = (bytes + HUGE_PAGE - 1) & ~(size_t)(HUGE_PAGE - 1);
    unsigned char *p = mmap(NULL, len + HUGE_PAGE, PROT_READ | PROT_WRITE,
                            MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p != MAP_FAILED) {
      size_t head = (HUGE_PAGE - (uintptr_t)p % HUGE_PAGE) % HUGE_PAGE;
      if (head)
        munmap(p, head);
      munmap(p + head + len, HUGE_PAGE - head);
      madvise(p + head, len, MADV_HUGEPAGE);
      struct block *b = (struct block *)(void *)(p + head);
      b->size = len - sizeof(struct block);
      b->mapped = len;
      return b;
    }
  }
  struct block *b = mem_alloc(bytes);
  b->size = size;
  return b;
}

static void block_free(struct block *b)
{
  if (b->mapped)
    munmap(b, b->mapped);
  else
    mem_free(b);
}

struct arena {
  struct block *head;
  size_t total;
  size_t next_block;     /* size of the next block: BLOCK_MAX after one */
  const char **interned; /* arena_intern's set (heap, open addressing) */
  size_t n_interned, cap_interned;
  /* arena_intern's last answers by the address asked about: most calls
     pass the same literal or rules string again (a key, a carrier's
     name), and a comparison with the answer costs less than hashing */
  struct {
    const char *asked, *interned;
  } recent[256];
  void *recycled[64]; /* arena_recycle's lists, by log2 of the size */
  size_t fixed;       /* bytes of its region, for an arena made by
                         arena_new_fixed (0 otherwise): the arena and its
                         first block live in the region, the intern set
                         too, and arena_free unmaps it */
  struct arena *adopted; /* arenas freed with this one (arena_adopt) */
  struct arena *sibling; /* the next of them */
};

arena *arena_new(void) { return mem_alloc(sizeof(arena)); }

/* The region's layout: the arena, then its first block. */
#define FIXED_BLOCK                                                            \
  ((sizeof(arena) + alignof(struct block) - 1) & ~(alignof(struct block) - 1))

arena *arena_new_fixed(uintptr_t base, size_t reserve)
{
#ifdef MAP_FIXED_NOREPLACE
  if (reserve < FIXED_BLOCK + sizeof(struct block) + BLOCK_MIN)
    return NULL;
  void *p = mmap((void *)base, reserve, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE |
                     MAP_FIXED_NOREPLACE,
                 -1, 0);
  if (p == MAP_FAILED)
    return NULL;
  if ((uintptr_t)p != base) { /* a kernel before 4.17 took it as a hint */
    munmap(p, reserve);
    return NULL;
  }
  /* huge pages where the kernel gives them, as for other large blocks */
  if (base % HUGE_PAGE == 0)
    madvise(p, reserve, MADV_HUGEPAGE);
  arena *a = p;
  struct block *b = (struct block *)(void *)((char *)p + FIXED_BLOCK);
  b->size = reserve - FIXED_BLOCK - sizeof(struct block);
  a->head = b;
  a->next_block = BLOCK_MAX;
  a->fixed = reserve;
  return a;
#else
  (void)base;
  (void)reserve;
  return NULL;
#endif
}

arena *arena_fixed_at(uintptr_t base, size_t reserve, size_t copied)
{
  arena *a = (arena *)base;
  struct block *b = (struct block *)(void *)((char *)base + FIXED_BLOCK);
  if (copied < FIXED_BLOCK + sizeof(struct block) || a->fixed != reserve ||
      a->head != b || b->next ||
      b->size != reserve - FIXED_BLOCK - sizeof(struct block) ||
      b->used > copied - FIXED_BLOCK - sizeof(struct block) ||
      a->adopted || a->sibling ||
      a->cap_interned > (copied - FIXED_BLOCK) / sizeof(char *) ||
      a->n_interned > a->cap_interned ||
      (a->cap_interned && (a->cap_interned & (a->cap_interned - 1))) ||
      (a->cap_interned &&
       ((uintptr_t)a->interned < base + FIXED_BLOCK ||
        (uintptr_t)(a->interned + a->cap_interned) > base + copied)))
    return NULL;
  memset(a->recent, 0, sizeof a->recent);
  memset(a->recycled, 0, sizeof a->recycled);
  /* what comes next starts at a huge page of the region's own (past the
     copy's last page, which is a file's) */
  size_t end = FIXED_BLOCK + sizeof(struct block) + b->used;
  size_t next = (end + HUGE_PAGE - 1) / HUGE_PAGE * HUGE_PAGE;
  if (next < reserve)
    b->used = next - FIXED_BLOCK - sizeof(struct block);
  return a;
}

size_t arena_fixed_end(const arena *a)
{
  if (!a->fixed || a->head != (const struct block *)(const void *)(
                                   (const char *)a + FIXED_BLOCK))
    return 0;
  return FIXED_BLOCK + sizeof(struct block) + a->head->used;
}

void arena_fixed_clean(arena *a)
{
  memset(a->recent, 0, sizeof a->recent);
  memset(a->recycled, 0, sizeof a->recycled);
  a->adopted = a->sibling = NULL;
}

void arena_adopt(arena *a, arena *child)
{
  child->sibling = a->adopted;
  a->adopted = child;
}

void arena_free(arena *a)
{
  if (!a)
    return;
  arena *c = a->adopted;
  while (c) {
    arena *next = c->sibling;
    arena_free(c);
    c = next;
  }
  if (a->fixed) {
    /* blocks after the region's own (it was outgrown) */
    for (struct block *b = a->head, *next; b; b = next) {
      next = b->next;
      if ((char *)b < (char *)a || (char *)b >= (char *)a + a->fixed)
        block_free(b);
    }
    munmap(a, a->fixed);
    return;
  }
  struct block *b = a->head;
  while (b) {
    struct block *next = b->next;
    block_free(b);
    b = next;
  }
  mem_free(a->interned);
  mem_free(a);
}

void arena_reset(arena *a)
{
  if (a->fixed)
    return; /* not a scratch arena */
  struct block *keep = NULL, *b = a->head;
  /* the largest block stays: the next use will likely need as much */
  for (; b; b = b->next)
    if (!keep || b->size > keep->size)
      keep = b;
  b = a->head;
  while (b) {
    struct block *next = b->next;
    if (b != keep)
      block_free(b);
    b = next;
  }
  if (keep) {
    /* zeroed again, as arena memory is handed out */
    memset(keep->data, 0, keep->used);
    keep->used = 0;
    keep->next = NULL;
  }
  a->head = keep;
  a->total = 0;
  mem_free(a->interned);
  a->interned = NULL;
  a->n_interned = a->cap_interned = 0;
  memset(a->recent, 0, sizeof a->recent);
  memset(a->recycled, 0, sizeof a->recycled);
}

/* n bytes from the arena, the first at a multiple of align (a power of
   two, at most ALIGN). Strings ask for align 1, so that a short string
   takes its length and not a multiple of 16 bytes. */
static void *arena_take(arena *a, size_t n, size_t align)
{
  size_t need = n ? n : 1;
  if (need > SIZE_MAX - ALIGN)
    out_of_memory(n);
  struct block *b = a->head;
  size_t at = b ? (b->used + align - 1) & ~(align - 1) : 0;
  if (!b || at > b->size || b->size - at < need) {
    size_t blk = a->next_block ? a->next_block : BLOCK_MIN;
    size_t size = need > blk ? need : blk;
    struct block *nb = block_new(size);
    if (b && need > blk) {
      /* A big request goes behind the current block so that the
         current block's free space stays usable. */
      nb->next = b->next;
      b->next = nb;
    } else {
      nb->next = b;
      a->head = nb;
      a->next_block = BLOCK_MAX;
    }
    b = nb;
    at = 0;
  }
  /* Blocks come zeroed from mem_alloc and are never reused. */
  void *p = b->data + at;
  a->total += at + need - b->used;
  b->used = at + need;
  return p;
}

void *arena_alloc(arena *a, size_t n) { return arena_take(a, n, ALIGN); }

void *arena_alloc_align(arena *a, size_t n, size_t align)
{
  if (!align || (align & (align - 1)) || align > ALIGN)
    align = ALIGN;
  return arena_take(a, n, align);
}

/* log2 of size, a power of two of at least 16 bytes (room for the link) */
static unsigned size_class(size_t size)
{
  unsigned k = 0;
  while (((size_t)1 << k) < size)
    k++;
  return k;
}

void arena_recycle(arena *a, void *p, size_t size)
{
  if (!p || size < 16 || (size & (size - 1)))
    return; /* not a size handed out again: stays unused */
  unsigned k = size_class(size);
  memcpy(p, &a->recycled[k], sizeof(void *));
  a->recycled[k] = p;
}

void *arena_alloc_recycled(arena *a, size_t size)
{
  if (size >= 16 && !(size & (size - 1))) {
    unsigned k = size_class(size);
    void *p = a->recycled[k];
    if (p) {
      memcpy(&a->recycled[k], p, sizeof(void *));
      return p;
    }
  }
  return arena_take(a, size, size < ALIGN ? size : ALIGN);
}

char *arena_strndup(arena *a, const char *s, size_t len)
{
  if (len >= SIZE_MAX)
    out_of_memory(len);
  char *p = arena_take(a, len + 1, 1);
  if (len)
    memcpy(p, s, len);
  p[len] = '\0';
  return p;
}

char *arena_strdup(arena *a, const char *s)
{
  return arena_strndup(a, s, strlen(s));
}

/* The directive at f ("%s", "%d", "%zu" or "%%"): its length, 0 for any
   other. */
static size_t quick_directive(const char *f)
{
  if (f[1] == 's' || f[1] == 'd' || f[1] == '%')
    return 2;
  return f[1] == 'z' && f[2] == 'u' ? 3 : 0;
}

/* The decimal digits of v (and a '-' when neg) ending at end; their
   start. */
static char *quick_number(char *end, unsigned long long v, bool neg)
{
  do
    *--end = (char)('0' + v % 10);
  while ((v /= 10) != 0);
  if (neg)
    *--end = '-';
  return end;
}

/* The text of the directive at f for the next argument of ap: a string
   (glibc's "(null)" for a null one), or a number written in num. */
static const char *quick_arg(const char *f, va_list *ap, char num[24],
                             size_t *len)
{
  const char *t;
  if (f[1] == '%') {
    t = "%";
  } else if (f[1] == 's') {
    t = va_arg(*ap, const char *);
    if (!t)
      t = "(null)";
  } else if (f[1] == 'd') {
    int v = va_arg(*ap, int);
    t = quick_number(num + 24, v < 0 ? 0ull - (unsigned long long)v
                                     : (unsigned long long)v,
                     v < 0);
    *len = (size_t)(num + 24 - t);
    return t;
  } else {
    t = quick_number(num + 24, va_arg(*ap, size_t), false);
    *len = (size_t)(num + 24 - t);
    return t;
  }
  *len = strlen(t);
  return t;
}

/* A format of text and %s, %d, %zu alone (key paths, "%s.%s": most calls
   while the rules load) put together without vsnprintf, which takes
   ~1,000 instructions a call; NULL for any other format. The same bytes
   (glibc's "(null)" for a null string included). */
enum { QUICK_PIECES = 16 };

static char *printf_quick(arena *a, const char *fmt, va_list ap)
{
  /* the pieces (literal runs and arguments' texts) found in one pass,
     then copied; a format of more pieces goes to vsnprintf */
  const char *t[QUICK_PIECES];
  size_t l[QUICK_PIECES], np = 0, n = 0;
  char num[QUICK_PIECES / 2][24];
  size_t nnum = 0;
  va_list ap2;
  va_copy(ap2, ap);
  const char *lit = fmt;
  bool whole = false;
  for (const char *f = fmt;; f++) {
    if (*f != '%' && *f)
      continue;
    if (f > lit) {
      if (np == QUICK_PIECES)
        break;
      t[np] = lit, l[np] = (size_t)(f - lit), n += l[np++];
    }
    if (!*f) {
      whole = true;
      break;
    }
    size_t d = quick_directive(f);
    if (!d || np == QUICK_PIECES || nnum == QUICK_PIECES / 2)
      break;
    t[np] = quick_arg(f, &ap2, num[nnum], &l[np]);
    if (f[1] == 'd' || f[1] == 'z')
      nnum++;
    n += l[np++];
    f += d - 1;
    lit = f + 1;
  }
  va_end(ap2);
  if (!whole)
    return NULL;
  char *p = arena_take(a, n + 1, 1), *o = p;
  for (size_t i = 0; i < np; i++) {
    memcpy(o, t[i], l[i]);
    o += l[i];
  }
  *o = '\0';
  return p;
}

char *arena_printf(arena *a, const char *fmt, ...)
{
  va_list ap, ap2;
  va_start(ap, fmt);
  char *quick = printf_quick(a, fmt, ap);
  va_end(ap);
  if (quick)
    return quick;
  /* One pass into a stack buffer covers nearly every call (key paths,
     messages); only longer texts are formatted twice. */
  char tmp[256];
  va_start(ap, fmt);
  va_copy(ap2, ap);
  int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
  va_end(ap);
  if (n < 0)
    n = 0;
  char *p = arena_take(a, (size_t)n + 1, 1);
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

/* FNV-1a of the first len bytes of s. */
static size_t text_hash(const char *s, size_t len)
{
  uint64_t h = 1469598103934665603u;
  for (size_t i = 0; i < len; i++)
    h = (h ^ (unsigned char)s[i]) * 1099511628211u;
  return (size_t)h;
}

/* The slot of s in the set: where it is, or the empty slot it goes in. */
static size_t intern_slot(const char **set, size_t cap, const char *s,
                          size_t len)
{
  size_t i = text_hash(s, len) & (cap - 1);
  while (set[i] && (strncmp(set[i], s, len) != 0 || set[i][len] != '\0'))
    i = (i + 1) & (cap - 1);
  return i;
}

const char *arena_intern(arena *a, const char *s)
{
  /* the text at s may have changed since (a reused buffer): the answer
     is taken only when it is the same text */
  size_t r = ((uintptr_t)s >> 3 ^ (uintptr_t)s >> 11) & 255;
  if (a->recent[r].asked == s && strcmp(a->recent[r].interned, s) == 0)
    return a->recent[r].interned;
  size_t len = strlen(s);
  if (len > ARENA_INTERN_MAX)
    return arena_strndup(a, s, len);
  if ((a->n_interned + 1) * 2 > a->cap_interned) {
    size_t cap = a->cap_interned ? a->cap_interned * 2 : 1024;
    /* a fixed arena keeps its set in the region, so that it is part of
       what a copy of the region holds (the old set stays there unused) */
    const char **set = a->fixed ? arena_take(a, cap * sizeof *set, ALIGN)
                                : mem_alloc(cap * sizeof *set);
    for (size_t i = 0; i < a->cap_interned; i++)
      if (a->interned[i])
        set[intern_slot(set, cap, a->interned[i],
                        strlen(a->interned[i]))] = a->interned[i];
    if (!a->fixed)
      mem_free(a->interned);
    a->interned = set;
    a->cap_interned = cap;
  }
  size_t i = intern_slot(a->interned, a->cap_interned, s, len);
  if (!a->interned[i]) {
    a->interned[i] = arena_strndup(a, s, len);
    a->n_interned++;
  }
  a->recent[r].asked = s;
  a->recent[r].interned = a->interned[i];
  return a->interned[i];
}

size_t arena_used(const arena *a) { return a->total; }
/* }====================================================== */
