/* mem.h — the one heap entry point and the per-run arena.
 *
 * All heap memory of auditgen goes through mem_alloc/mem_realloc, which
 * print a message and abort on exhaustion, so no caller checks for NULL.
 * Tests can make the Nth allocation fail (mem_fail_after) to prove that
 * failure is loud rather than silent.
 *
 * An arena owns every object of one run (model, results, diagnostics);
 * nothing in it is freed alone, and arena_free releases it all at once. */
#ifndef GEN_MEM_H
#define GEN_MEM_H

#include <stddef.h>
#include <stdint.h>

/* Allocates n bytes (zeroed). Never returns NULL: aborts on failure. */
void *mem_alloc(size_t n);
/* Resizes p to n bytes. Never returns NULL: aborts on failure. */
void *mem_realloc(void *p, size_t n);
void mem_free(void *p);
/* For tests: the Nth allocation from now fails (0 = never). */
void mem_fail_after(unsigned long n);

typedef struct arena arena;

/* Creates an empty arena. Free it with arena_free. */
arena *arena_new(void);
/* Releases every block of the arena and the arena itself. NULL is allowed. */
void arena_free(arena *a);
/* Gives back everything the arena handed out, at once: its largest
   block is kept (zeroed again) for what comes next, the others released.
   For scratch work repeated in turn (a rule file's tree, converted and
   dropped before the next is read). No pointer into the arena may be
   used afterwards. */
void arena_reset(arena *a);
/* An arena that lives at a fixed address: its bookkeeping and its
   memory in one region of reserve bytes mapped at base (reserved, not
   committed: pages count only once written), so that a copy of the
   region's bytes, mapped at base again in another process, holds valid
   pointers (the rules image, rules/image.c). NULL when the region cannot
   be mapped there (taken: by another fixed arena of this process, or
   anything else). Freed by arena_free, which unmaps the region. */
arena *arena_new_fixed(uintptr_t base, size_t reserve);
/* The arena at base, of a region of reserve bytes that the caller has
   mapped there (a copy of `copied` bytes of a fixed arena's, followed by
   zeros); NULL when the bytes there are not such an arena's. Its caches of
   recent answers are cleared; its intern set is the copy's; what it hands
   out next starts at the next 2 MiB boundary (huge pages). */
arena *arena_fixed_at(uintptr_t base, size_t reserve, size_t copied);
/* How many bytes from the region's start a fixed arena uses so far (its
   bookkeeping and what it handed out); 0 for other arenas, or a fixed
   arena that outgrew its region. */
size_t arena_fixed_end(const arena *a);
/* Clears what a copy of a fixed arena's region must not hold: its caches
   of recent answers (they point anywhere) and its adopted arenas. Call it
   on the copy. */
void arena_fixed_clean(arena *a);
/* child is freed when a is. */
void arena_adopt(arena *a, arena *child);
/* Returns n zeroed bytes aligned for any type, owned by the arena. */
void *arena_alloc(arena *a, size_t n);
/* n zeroed bytes aligned to align (a power of two, at most that of
   max_align_t): for small objects made by the million, which would waste
   the rest of a max_align_t multiple. */
void *arena_alloc_align(arena *a, size_t n, size_t align);
/* Gives back size bytes at p (from arena_alloc_recycled with the same
   size, or any arena memory of at least that size and pointer
   alignment) for arena_alloc_recycled to hand out again: for arrays
   outgrown by doubling. size must be a power of two, at least 16 bytes;
   p must not be used afterwards. Memory still returns to the system only
   with arena_free. */
void arena_recycle(arena *a, void *p, size_t size);
/* size bytes (a power of two, at least 16), aligned for pointers and
   doubles: a block given back with arena_recycle when there is one (its
   contents are left as they were: NOT zeroed), else fresh zeroed arena
   memory. */
void *arena_alloc_recycled(arena *a, size_t size);
/* Copies len bytes of s into the arena and adds a terminating NUL. */
char *arena_strndup(arena *a, const char *s, size_t len);
char *arena_strdup(arena *a, const char *s);
/* printf into arena memory. */
char *arena_printf(arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Room for one more element in an array held in the arena: returns the
   array (moved when it grows, doubling; the old copy stays in the arena)
   with space for at least n + 1 elements of elem bytes; updates *cap. */
void *arena_grow(arena *a, void *items, size_t n, size_t *cap, size_t elem);
/* Appends one element to the arena array (items, n, cap) and returns a
   pointer to it. It is zeroed: arena memory comes zeroed and is never
   reused. */
#define ARENA_PUSH(a, items, n, cap)                                           \
  ((items) = arena_grow((a), (items), (n), &(cap), sizeof *(items)),          \
   &(items)[(n)++])

/* A copy of s owned by the arena, shared with every earlier call for the
   same text: for the short strings a run repeats thousands of times (the
   results' keys, units, carrier and place names). The text must never be
   changed through the pointer. Strings of more than ARENA_INTERN_MAX bytes
   are copied, not shared. */
#define ARENA_INTERN_MAX 48
const char *arena_intern(arena *a, const char *s);

/* Bytes handed out so far (for benchmarks and limits). */
size_t arena_used(const arena *a);

#define ARENA_NEW(a, type) ((type *)arena_alloc((a), sizeof(type)))
#define ARENA_ARRAY(a, type, n) ((type *)arena_alloc((a), sizeof(type) * (n)))

#endif
