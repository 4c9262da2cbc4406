/* image.c — the rules image (see image.h). */
#define _GNU_SOURCE /* dl_iterate_phdr */
#include "image.h"

#include <elf.h>
#include <errno.h>
#include <link.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "../base/buf.h"
#include "../base/fileio.h"
#include "../base/version.h"
#include "factors.h"

/* The region: far from where Linux puts the program (0x55…/0x56… with
   address randomisation), its heap, libraries and stack (0x7f…), and
   from AddressSanitizer's shadow (below 0x10007fff8000). Reserved, not
   committed: only the pages written count. */
#define IMAGE_BASE ((uintptr_t)0x10c000000000u)
#define IMAGE_RESERVE ((size_t)1 << 30)
/* The file: a header page, then the region's bytes from its start. */
#define IMAGE_PAGE 4096u
#define IMAGE_MAGIC "AGRULIMG"
/* Bump when the file's form changes meaning. */
#define IMAGE_FORMAT 1u

typedef struct image_head {
  char magic[8];
  uint32_t format, order;
  uint64_t key[2];
  uint64_t base, reserve, len; /* len: region bytes that follow */
  uint64_t sum;                /* ycache_checksum of those bytes */
  uint64_t factors;            /* the address of the factors */
} image_head;

static bool tracing(void)
{
  const char *v = getenv("AUDITGEN_IMAGE_TRACE");
  return v && *v && strcmp(v, "0") != 0;
}

/* {====================================================== key */

/* The program's GNU build ID (what changes with every build: the layout
   of what the image holds and the addresses of nothing in it may
   differ between builds of one version). */
typedef struct build_id {
  unsigned char id[64];
  size_t len;
} build_id;

static int find_build_id(struct dl_phdr_info *info, size_t size, void *ctx)
{
  (void)size;
  build_id *b = ctx;
  /* the program is the first object, with an empty name */
  for (int i = 0; i < info->dlpi_phnum; i++) {
    const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
    if (ph->p_type != PT_NOTE)
      continue;
    const unsigned char *p =
        (const unsigned char *)(info->dlpi_addr + ph->p_vaddr);
    size_t at = 0;
    while (at + sizeof(ElfW(Nhdr)) <= ph->p_memsz) {
      ElfW(Nhdr) nh;
      memcpy(&nh, p + at, sizeof nh);
      size_t name = (nh.n_namesz + 3) & ~(size_t)3,
             desc = (nh.n_descsz + 3) & ~(size_t)3;
      size_t next = at + sizeof nh + name + desc;
      if (next > ph->p_memsz)
        break;
      if (nh.n_type == NT_GNU_BUILD_ID && nh.n_namesz == 4 &&
          memcmp(p + at + sizeof nh, "GNU", 4) == 0 && nh.n_descsz &&
          nh.n_descsz <= sizeof b->id) {
        memcpy(b->id, p + at + sizeof nh + name, nh.n_descsz);
        b->len = nh.n_descsz;
        return 1;
      }
      at = next;
    }
  }
  return 1; /* only the first object */
}

void rules_image_key(rules_image *im, arena *a, const char *manifest,
                     const char *const *paths, size_t n)
{
  memset(im, 0, sizeof *im);
  long page = sysconf(_SC_PAGESIZE);
  const char *off = getenv("AUDITGEN_RULES_IMAGE");
  if (!ycache_enabled() || page <= 0 || IMAGE_PAGE % (unsigned long)page ||
      (off && (strcmp(off, "off") == 0 || strcmp(off, "0") == 0 ||
               strcmp(off, "no") == 0)))
    return;
  static build_id bid;
  static bool bid_done;
  if (!bid_done) {
    dl_iterate_phdr(find_build_id, &bid);
    bid_done = true;
  }
  if (!bid.len)
    return;
  ytree_limits lim = ytree_default_limits();
  uint64_t probe[2];
  bool aes = ycache_hash_fast("", 0, 0, false, probe);
  buf b;
  buf_init(&b);
  buf_printf(&b, "auditgen %s rules image %u %s %zu %zu %zu %llx %zu ",
             AUDITGEN_VERSION, IMAGE_FORMAT, aes ? "aes" : "mul",
             sizeof(factors), lim.max_bytes, lim.max_nodes,
             (unsigned long long)IMAGE_BASE, IMAGE_RESERVE);
  for (size_t i = 0; i < bid.len; i++)
    buf_printf(&b, "%02x", bid.id[i]);
  buf_printf(&b, "\n%s\n", manifest);
  im->files = ARENA_ARRAY(a, image_file, n + 1);
  for (size_t i = 0; i < n; i++) {
    int err;
    size_t len;
    const char *text = file_map_text(paths[i], lim.max_bytes, &len, &err);
    if (!text) {
      buf_fini(&b);
      return; /* the conversion will say why */
    }
    uint64_t h[2];
    ycache_hash_fast(text, len, 0x696d616765u, false, h);
    buf_printf(&b, "%s %zu %016llx%016llx\n", paths[i], len,
               (unsigned long long)h[0], (unsigned long long)h[1]);
    im->files[i] = (image_file){paths[i], text, len};
  }
  im->n_files = n;
  ycache_hash(b.data, b.len, 0x72756c6573u, im->key.h);
  buf_fini(&b);
  im->ok = true;
}

/* }====================================================== */

/* {====================================================== get */

/* The words of a factors that point out of the region by design, cleared
   in the copy and set on loading: f->u, and the text of equipment.yaml
   that kinds whose classes are converted on demand read it from (their
   class_whole). The text of the file named name. */
static const char *whole_text(const rules_image *im, const char *name,
                              size_t *len)
{
  for (size_t i = 0; i < im->n_files; i++)
    if (strcmp(im->files[i].path, name) == 0) {
      *len = im->files[i].len;
      return im->files[i].text;
    }
  return NULL;
}

static bool in_region(const void *p, size_t len)
{
  uintptr_t a = (uintptr_t)p;
  return a >= IMAGE_BASE && a - IMAGE_BASE <= len;
}

/* The image's factors once mapped at the base, or NULL. */
static factors *map_image(rules_image *im, int fd, size_t size)
{
  image_head h;
  if (size < IMAGE_PAGE || pread(fd, &h, sizeof h, 0) != (ssize_t)sizeof h)
    return NULL;
  if (memcmp(h.magic, IMAGE_MAGIC, 8) != 0 || h.format != IMAGE_FORMAT ||
      h.order != 0x01020304u || h.key[0] != im->key.h[0] ||
      h.key[1] != im->key.h[1] || h.base != IMAGE_BASE ||
      h.reserve != IMAGE_RESERVE || h.len % IMAGE_PAGE || !h.len ||
      h.len >= IMAGE_RESERVE || size - IMAGE_PAGE != h.len)
    return NULL;
  /* mapped read-only with its pages (the page cache's, not copied), then
     made writable: a page is copied only when written (a writable
     MAP_POPULATE copies them all: 0.7 ms for 2 MB) */
  void *p = mmap((void *)IMAGE_BASE, (size_t)h.len, PROT_READ,
                 MAP_PRIVATE | MAP_FIXED | MAP_POPULATE, fd, IMAGE_PAGE);
  if (p != (void *)IMAGE_BASE ||
      mprotect(p, (size_t)h.len, PROT_READ | PROT_WRITE) != 0 ||
      ycache_checksum(p, (size_t)h.len, im->key.h[0], false) != h.sum)
    return NULL;
  arena *r = arena_fixed_at(IMAGE_BASE, IMAGE_RESERVE, (size_t)h.len);
  factors *f = (factors *)(uintptr_t)h.factors;
  if (!r || !in_region(f, (size_t)h.len - sizeof *f) || f->a != r)
    return NULL;
  if (!in_region(f->equipment, (size_t)h.len) && f->n_equipment)
    return NULL;
  for (size_t i = 0; i < f->n_equipment; i++) {
    ytree_whole *w = f->equipment[i].class_whole;
    if (!w)
      continue;
    if (!in_region(w, (size_t)h.len - sizeof *w) ||
        !in_region(w->name, (size_t)h.len) ||
        !(w->text = whole_text(im, w->name, &w->len)))
      return NULL;
  }
  return f;
}

factors *rules_image_get(rules_image *im, arena *a, diag_list *dl,
                         const units *u, arena **fresh)
{
  *fresh = NULL;
  if (!im->ok)
    return NULL;
  arena *r = arena_new_fixed(IMAGE_BASE, IMAGE_RESERVE);
  if (!r) {
    if (tracing())
      fprintf(stderr, "auditgen: rules image: the region is in use\n");
    return NULL;
  }
  size_t size;
  int fd = ycache_open_file(&im->key, &size);
  if (fd >= 0) {
    factors *f = map_image(im, fd, size);
    close(fd);
    if (f) {
      f->u = u;
      for (size_t i = 0; i < im->n_files; i++)
        diag_add_source_lines(dl, im->files[i].path, im->files[i].text,
                              im->files[i].len, DIAG_LINES_YAML);
      arena_adopt(a, f->a);
      if (tracing())
        fprintf(stderr, "auditgen: rules image: used\n");
      return f;
    }
    /* not usable: the region made empty again */
    munmap((void *)IMAGE_BASE, IMAGE_RESERVE);
    r = arena_new_fixed(IMAGE_BASE, IMAGE_RESERVE);
    if (tracing())
      fprintf(stderr, "auditgen: rules image: refused (damaged or stale)\n");
  }
  *fresh = r;
  return NULL;
}

/* }====================================================== */

/* {====================================================== put */

typedef struct range {
  uintptr_t lo, hi;
  char name[96];
} range;

/* The process's readable mappings (/proc/self/maps), in a mem_alloc'd
   array. A mapping that cannot be read holds nothing a pointer of the
   rules could be to (AddressSanitizer's shadow gap: terabytes of
   addresses that small numbers fall in). */
static range *mappings(size_t *n)
{
  *n = 0;
  FILE *m = fopen("/proc/self/maps", "re");
  if (!m)
    return NULL;
  size_t cap = 64;
  range *r = mem_alloc(cap * sizeof *r);
  char line[512];
  while (fgets(line, sizeof line, m)) {
    unsigned long lo, hi;
    char perm[8] = "";
    int at = 0;
    if (sscanf(line, "%lx-%lx %7s %*s %*s %*s %n", &lo, &hi, perm, &at) < 3 ||
        perm[0] != 'r')
      continue;
    if (*n == cap) {
      cap *= 2;
      r = mem_realloc(r, cap * sizeof *r);
    }
    r[*n].lo = lo;
    r[*n].hi = hi;
    snprintf(r[*n].name, sizeof r[*n].name, "%s", at ? line + at : "");
    r[*n].name[strcspn(r[*n].name, "\n")] = '\0';
    (*n)++;
  }
  fclose(m);
  return r;
}

/* The first word of the copy (len bytes, 8-byte aligned) that points
   into a mapping other than the region: its offset, or len. */
static size_t outside_word(const unsigned char *copy, size_t len,
                           const range *r, size_t nr, size_t *which)
{
  for (size_t at = 0; at + 8 <= len; at += 8) {
    uint64_t w;
    memcpy(&w, copy + at, 8);
    if (w < 4096 || (w >= IMAGE_BASE && w - IMAGE_BASE < IMAGE_RESERVE))
      continue;
    for (size_t i = 0; i < nr; i++)
      if (w >= r[i].lo && w < r[i].hi &&
          !(r[i].lo >= IMAGE_BASE && r[i].hi <= IMAGE_BASE + IMAGE_RESERVE)) {
        *which = i;
        return at;
      }
  }
  return len;
}

void rules_image_put(rules_image *im, arena *r, factors *f)
{
  size_t end = arena_fixed_end(r);
  if (!im->ok || !end || (uintptr_t)r != IMAGE_BASE || f->a != r) {
    if (tracing())
      fprintf(stderr, "auditgen: rules image: not stored (the arena "
                      "outgrew its region)\n");
    return;
  }
  size_t len = (end + IMAGE_PAGE - 1) / IMAGE_PAGE * IMAGE_PAGE;
  unsigned char *copy = mem_alloc(len);
  memcpy(copy, (const void *)IMAGE_BASE, end);
  arena_fixed_clean((arena *)(void *)copy);
  /* the pointers set on loading */
  size_t off = (size_t)((uintptr_t)&f->u - IMAGE_BASE);
  memset(copy + off, 0, sizeof f->u);
  for (size_t i = 0; i < f->n_equipment; i++) {
    const ytree_whole *w = f->equipment[i].class_whole;
    if (w && in_region(w, end - sizeof *w)) {
      off = (size_t)((uintptr_t)&w->text - IMAGE_BASE);
      memset(copy + off, 0, sizeof w->text);
    }
  }
  size_t nr, which = 0;
  range *maps = mappings(&nr);
  size_t bad = maps ? outside_word(copy, len, maps, nr, &which) : 0;
  if (bad < len || !maps) {
    if (tracing()) {
      if (!maps) {
        fprintf(stderr, "auditgen: rules image: not stored (no "
                        "/proc/self/maps)\n");
      } else {
        uint64_t w;
        memcpy(&w, copy + bad, 8);
        /* every such word, for whoever mends the conversion */
        for (; bad < len; bad += 8) {
          memcpy(&w, copy + bad, 8);
          fprintf(stderr,
                  "auditgen: rules image: not stored: the word at %#zx "
                  "points to %#llx in %s",
                  bad, (unsigned long long)w, maps[which].name);
          if (strstr(maps[which].name, "auditgen"))
            fprintf(stderr, " (\"%.40s\")", (const char *)(uintptr_t)w);
          fputc('\n', stderr);
          bad += outside_word(copy + bad + 8, len - bad - 8, maps, nr, &which);
        }
      }
    }
    mem_free(maps);
    mem_free(copy);
    return;
  }
  mem_free(maps);
  unsigned char head[IMAGE_PAGE];
  memset(head, 0, sizeof head);
  image_head h;
  memset(&h, 0, sizeof h);
  memcpy(h.magic, IMAGE_MAGIC, 8);
  h.format = IMAGE_FORMAT;
  h.order = 0x01020304u;
  h.key[0] = im->key.h[0];
  h.key[1] = im->key.h[1];
  h.base = IMAGE_BASE;
  h.reserve = IMAGE_RESERVE;
  h.len = len;
  h.sum = ycache_checksum(copy, len, im->key.h[0], false);
  h.factors = (uint64_t)(uintptr_t)f;
  memcpy(head, &h, sizeof h);
  ycache_put_file(&im->key, head, sizeof head, copy, len);
  if (tracing())
    fprintf(stderr, "auditgen: rules image: stored (%zu bytes)\n", len);
  mem_free(copy);
}

/* }====================================================== */
