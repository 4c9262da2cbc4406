/* ycache.c — the cache of parsed rule files (see ycache.h).
 *
 * An entry is a 48-byte header — magic, format, a byte-order mark, the
 * key, the payload's length and its checksum — then the payload, the
 * tree as ytree_encode writes it. The entry's name is its key in hex. */
#include "ycache.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../base/buf.h"
#include "../base/mem.h"
#include "../base/version.h"

/* Bump when the entry or the tree's binary form changes meaning. */
#define FORMAT 3
#define MAGIC "AGYTREE\0"
#define HEADER 48
/* An entry larger than this is not read (rule files are far below). */
#define ENTRY_MAX (256u * 1024u * 1024u)
#define ORDER 0x01020304u
#define DAY 86400
/* An entry's modification time is its last use to within this (note_use) */
#define USE_INTERVAL DAY
/* The automatic housekeeping runs at most once in this (STAMP's time) */
#define HOUSEKEEP_INTERVAL DAY
#define STAMP ".housekeeping"
#define TEMP_PREFIX ".new-"
/* The limits' defaults (ycache_limits_get) */
#define DEFAULT_MAX_BYTES (200u * 1000u * 1000u)
#define DEFAULT_MAX_DAYS 30u

/* {====================================================== hash */

static uint64_t mix(uint64_t x)
{
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdu;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53u;
  x ^= x >> 33;
  return x;
}

/* Two lanes over every 8-byte word, each step a bijection of the lane's
   state for a given word: a change confined to one word always changes
   both lanes' results. */
void ycache_hash(const void *p, size_t n, uint64_t seed, uint64_t out[2])
{
  const unsigned char *s = p;
  uint64_t a = seed ^ 0x9e3779b97f4a7c15u, b = ~seed ^ 0x6a09e667f3bcc909u;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    memcpy(&w, s + i, 8);
    a = (a ^ w) * 0x87c37b91114253d5u;
    a ^= a >> 31;
    b = (b ^ w) * 0x4cf5ad432745937fu;
    b ^= b >> 29;
  }
  uint64_t w = 0;
  memcpy(&w, s + i, n - i);
  a = (a ^ w ^ (uint64_t)n) * 0x87c37b91114253d5u;
  b = (b ^ w ^ (uint64_t)n) * 0x4cf5ad432745937fu;
  out[0] = mix(a ^ mix(b));
  out[1] = mix(b + out[0]);
}

/* A rule text's key, and an entry's checksum. 1.7 MB of rule texts are
   keyed and ~4 MB of entries checked on every run, which the hash above
   does in ~2 instructions a byte. With the x86-64 AES instruction, a lane
   of 128 bits takes a 16-byte block in two instructions: s = AESENC(s ^
   block, K), a bijection of the block for a given state and of the state
   for a given block, so a change confined to one block always changes its
   lane's state (and every later one). Four lanes take the blocks in turn,
   so that the instructions of one 64-byte step do not wait for each other
   (one lane was latency-bound: 4 MB took 0.46 ms, four take 0.16 ms); the
   lanes end folded pairwise by the same step, a bijection of either input
   for the other, then the blocks left over, the length and three more
   rounds. Where there is no such instruction, the hash above: the two are
   told apart by the seed ycache_key_of gives them (a key of one is never
   taken for the other's). */
#if defined(__x86_64__) && defined(__GNUC__)
#include <wmmintrin.h>

__attribute__((target("aes,sse2"))) static void
hash_aes(const void *p, size_t n, uint64_t seed, uint64_t out[2])
{
  const unsigned char *s = p;
  const __m128i k = _mm_set_epi64x((long long)0x9e3779b97f4a7c15u,
                                   (long long)0x6a09e667f3bcc909u);
  __m128i h = _mm_set_epi64x((long long)seed, (long long)~seed);
  size_t i = 0;
  if (n >= 64) {
    __m128i l1 = _mm_xor_si128(h, _mm_set1_epi32(0x5bd1e995)),
            l2 = _mm_xor_si128(h, _mm_set1_epi32(0x1b873593)),
            l3 = _mm_xor_si128(h, _mm_set1_epi32(0x7feb352d));
    for (; i + 64 <= n; i += 64) {
      const __m128i *b = (const __m128i *)(s + i);
      h = _mm_aesenc_si128(_mm_xor_si128(h, _mm_loadu_si128(b)), k);
      l1 = _mm_aesenc_si128(_mm_xor_si128(l1, _mm_loadu_si128(b + 1)), k);
      l2 = _mm_aesenc_si128(_mm_xor_si128(l2, _mm_loadu_si128(b + 2)), k);
      l3 = _mm_aesenc_si128(_mm_xor_si128(l3, _mm_loadu_si128(b + 3)), k);
    }
    h = _mm_aesenc_si128(_mm_xor_si128(h, l1), k);
    l2 = _mm_aesenc_si128(_mm_xor_si128(l2, l3), k);
    h = _mm_aesenc_si128(_mm_xor_si128(h, l2), k);
  }
  for (; i + 16 <= n; i += 16)
    h = _mm_aesenc_si128(
        _mm_xor_si128(h, _mm_loadu_si128((const __m128i *)(s + i))), k);
  unsigned char tail[16] = {0};
  memcpy(tail, s + i, n - i);
  h = _mm_aesenc_si128(_mm_xor_si128(h, _mm_loadu_si128((__m128i *)tail)),
                       k);
  h = _mm_aesenc_si128(
      _mm_xor_si128(h, _mm_set_epi64x((long long)n, (long long)seed)), k);
  for (int r = 0; r < 3; r++)
    h = _mm_aesenc_si128(h, k);
  _mm_storeu_si128((__m128i *)out, h);
}
#endif

bool ycache_hash_fast(const void *p, size_t n, uint64_t seed, bool soft,
                      uint64_t out[2])
{
#if defined(__x86_64__) && defined(__GNUC__)
  if (!soft && __builtin_cpu_supports("aes")) {
    hash_aes(p, n, seed, out);
    return true;
  }
#endif
  ycache_hash(p, n, seed, out);
  return false;
}

/* The payload's checksum: the hash that keys texts, folded to 64 bits
   (the key, not this, tells one text from another; this tells damage).
   By the AES instruction where there is one, like the keys: an entry is
   only ever read where its key (which says "aes" or "mul") was made. */
uint64_t ycache_checksum(const void *p, size_t n, uint64_t seed, bool soft)
{
  uint64_t h[2];
  ycache_hash_fast(p, n, seed, soft, h);
  return h[0] ^ h[1];
}

static uint64_t checksum(const void *p, size_t n, uint64_t seed)
{
  return ycache_checksum(p, n, seed, false);
}

/* }====================================================== */

static bool cache_off(void)
{
  const char *v = getenv("AUDITGEN_CACHE");
  return v && (strcmp(v, "off") == 0 || strcmp(v, "0") == 0 ||
               strcmp(v, "no") == 0);
}

/* The folder's parent ($XDG_CACHE_HOME or $HOME/.cache) in out; false
   when there is none. */
static bool cache_base(char *out, size_t cap)
{
  const char *x = getenv("XDG_CACHE_HOME");
  int n;
  if (x && x[0] == '/') {
    n = snprintf(out, cap, "%s", x);
  } else {
    const char *h = getenv("HOME");
    if (!h || h[0] != '/')
      return false;
    n = snprintf(out, cap, "%s/.cache", h);
  }
  return n > 0 && (size_t)n < cap;
}

/* The entry's path in out (dir_len: the folder's length in it). */
static bool entry_path(const ycache_key *k, char *out, size_t cap,
                       size_t *dir_len)
{
  char base[PATH_MAX];
  if (!cache_base(base, sizeof base))
    return false;
  int d = snprintf(out, cap, "%s/auditgen", base);
  if (d <= 0 || (size_t)d >= cap)
    return false;
  *dir_len = (size_t)d;
  int n = snprintf(out + d, cap - (size_t)d, "/%016llx%016llx.ytree",
                   (unsigned long long)k->h[0], (unsigned long long)k->h[1]);
  return n > 0 && (size_t)n < cap - (size_t)d;
}

bool ycache_key_of(ycache_key *k, const char *text, size_t len,
                   const ytree_limits *lim)
{
  if (cache_off())
    return false;
  /* which of the two hashes keys the text is in the seed */
  uint64_t probe[2];
  bool aes = ycache_hash_fast("", 0, 0, false, probe);
  char what[256];
  int n = snprintf(what, sizeof what, "auditgen %s ytree %d %zu %zu %d %zu "
                                      "%zu %zu %s",
                   AUDITGEN_VERSION, FORMAT, sizeof(ynode), lim->max_bytes,
                   lim->max_depth, lim->max_scalar, lim->max_nodes,
                   lim->max_expanded, aes ? "aes" : "mul");
  if (n <= 0 || (size_t)n >= sizeof what)
    return false;
  uint64_t seed[2];
  ycache_hash(what, (size_t)n, 0, seed);
  ycache_hash_fast(text, len, seed[0] ^ seed[1], false, k->h);
  return true;
}

/* Whether a file or folder is the user's own and only the user may
   write it. */
static bool own(const struct stat *st)
{
  return st->st_uid == geteuid() && !(st->st_mode & (S_IWGRP | S_IWOTH));
}

/* {====================================================== mapped entries */

/* Entries are mapped read-only rather than read: the kernel maps the page
   cache's pages in (many a fault), where a read would copy 3 MB into fresh
   memory page by page. Trees decoded from an entry point into its mapping
   (strings, key indexes), and a tree lives as long as its arena, which
   says nothing when it is freed: so a mapping is never unmapped once a
   tree may point into it, and is kept for the process, found again by
   the file's identity. A process that runs many facilities (batch, the
   tests) maps each entry once, not once per run. An entry is only ever
   replaced by a rename (ycache_put), so a mapping's file is not changed
   under it by this program; the header and checksum are checked again on
   every get all the same, so that a file changed in place since it was
   mapped is refused like any damaged entry. */
typedef struct mapping {
  dev_t dev;
  ino_t ino;
  off_t size;
  struct timespec mtime;
  unsigned char *data;
} mapping;

static mapping *maps;
static size_t n_maps, cap_maps;

static bool same_file(const mapping *m, const struct stat *st)
{
  return m->dev == st->st_dev && m->ino == st->st_ino &&
         m->size == st->st_size && m->mtime.tv_sec == st->st_mtim.tv_sec &&
         m->mtime.tv_nsec == st->st_mtim.tv_nsec;
}

/* Whether the entry of size bytes at data is whole and of key k. */
static bool entry_ok(const unsigned char *data, size_t size,
                     const ycache_key *k)
{
  uint32_t format, order;
  uint64_t key[2], plen, sum;
  memcpy(&format, data + 8, 4);
  memcpy(&order, data + 12, 4);
  memcpy(key, data + 16, 16);
  memcpy(&plen, data + 32, 8);
  memcpy(&sum, data + 40, 8);
  return memcmp(data, MAGIC, 8) == 0 && format == FORMAT && order == ORDER &&
         key[0] == k->h[0] && key[1] == k->h[1] && plen == size - HEADER &&
         checksum(data + HEADER, size - HEADER, key[0]) == sum;
}

/* Records a use of the entry open on fd (st: its status, updated): its
   modification time is set to now when it is a day or more away from now
   (either way: a clock set back), so that the time tells the last use to
   within a day (housekeeping removes by it) for one futimens a day per
   entry; a hit on an entry used today costs the time of day. */
static void note_use(int fd, struct stat *st)
{
  time_t now = time(NULL), m = st->st_mtim.tv_sec;
  if (now - m < USE_INTERVAL && m - now < USE_INTERVAL)
    return;
  const struct timespec ts[2] = {{0, UTIME_OMIT}, {0, UTIME_NOW}};
  if (futimens(fd, ts) == 0)
    fstat(fd, st); /* the time the file system kept, for same_file */
}

/* The payload of key k's entry, mapped for the process, and its length;
   NULL when there is no usable entry. */
/* The file of key k opened for reading, its status in st: a regular file
   of the user's alone, not reached through a link, of at least min_size
   bytes and at most ENTRY_MAX; else -1. */
static int open_entry(const ycache_key *k, size_t min_size, struct stat *st)
{
  char path[PATH_MAX];
  size_t dlen;
  if (!entry_path(k, path, sizeof path, &dlen))
    return -1;
  int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0)
    return -1;
  if (fstat(fd, st) != 0 || !S_ISREG(st->st_mode) || !own(st) ||
      st->st_size < 0 || (unsigned long long)st->st_size < min_size ||
      (unsigned long long)st->st_size > ENTRY_MAX) {
    close(fd);
    return -1;
  }
  return fd;
}

static const unsigned char *entry_payload(const ycache_key *k, size_t *len)
{
  struct stat st;
  int fd = open_entry(k, HEADER, &st);
  if (fd < 0)
    return NULL;
  size_t size = (size_t)st.st_size;
  unsigned char *data = NULL;
  for (size_t i = 0; i < n_maps && !data; i++)
    if (same_file(&maps[i], &st))
      data = maps[i].data;
  bool fresh = !data;
  if (fresh) {
    void *p = mmap(NULL, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
    data = p == MAP_FAILED ? NULL : p;
  }
  if (!data || !entry_ok(data, size, k)) {
    close(fd);
    if (data && fresh) /* no tree points into it */
      munmap(data, size);
    return NULL;
  }
  if (fresh)
    note_use(fd, &st);
  close(fd);
  if (fresh) {
    if (n_maps == cap_maps) {
      cap_maps = cap_maps ? 2 * cap_maps : 64;
      maps = mem_realloc(maps, sizeof *maps * cap_maps);
    }
    maps[n_maps++] =
        (mapping){st.st_dev, st.st_ino, st.st_size, st.st_mtim, data};
  }
  *len = size - HEADER;
  return data + HEADER;
}

ynode *ycache_get(arena *a, arena *own, const ycache_key *k, const char *name)
{
  size_t len;
  const unsigned char *p = entry_payload(k, &len);
  return p ? ytree_decode(a, own, p, len, name) : NULL;
}

/* }====================================================== */

static void auto_housekeep(const char *dir);

/* The entries this process wrote (besides those it mapped: maps), which
   its own housekeeping keeps. */
typedef struct file_id {
  dev_t dev;
  ino_t ino;
} file_id;

static file_id *written;
static size_t n_written, cap_written;

static void note_written(const struct stat *st)
{
  if (n_written == cap_written) {
    cap_written = cap_written ? 2 * cap_written : 64;
    written = mem_realloc(written, sizeof *written * cap_written);
  }
  written[n_written++] = (file_id){st->st_dev, st->st_ino};
}

/* Makes the folder at path (0700) unless it is there; true when it is a
   folder of the user's own that only the user may write. */
static bool own_dir(const char *path)
{
  if (mkdir(path, 0700) != 0 && errno != EEXIST)
    return false;
  struct stat st;
  return lstat(path, &st) == 0 && S_ISDIR(st.st_mode) && own(&st);
}

/* Writes the entry of key k whose payload is what out holds from
   HEADER on (the header is filled here); failures are silent. */
/* The folder of the entry of key k made ready for writing (see below);
   its path in path, the folder's in dir. */
static bool ready_dir(const ycache_key *k, char path[PATH_MAX],
                      char dir[PATH_MAX])
{
  char base[PATH_MAX];
  size_t dlen;
  if (!entry_path(k, path, PATH_MAX, &dlen) || !cache_base(base, sizeof base))
    return false;
  /* The parent ($HOME/.cache) is made when missing (0700) in a folder of
     the user's own, and must be the user's: a run as root with another
     user's HOME leaves no root-owned folder in that home. It need not be
     the user's alone; the cache folder must. */
  struct stat st;
  if (lstat(base, &st) != 0) {
    char parent[PATH_MAX];
    memcpy(parent, base, strlen(base) + 1);
    char *slash = strrchr(parent, '/');
    if (!slash)
      return false;
    slash[slash == parent] = '\0'; /* "/x" -> "/" */
    if (stat(parent, &st) != 0 || st.st_uid != geteuid() ||
        (mkdir(base, 0700) != 0 && errno != EEXIST) || lstat(base, &st) != 0)
      return false;
  }
  if (!S_ISDIR(st.st_mode) || st.st_uid != geteuid())
    return false;
  memcpy(dir, path, dlen);
  dir[dlen] = '\0';
  return own_dir(dir);
}

/* Writes the n parts as the file of key k: a new file renamed over the
   entry, so that a reader sees the old file or the new one, whole. */
static void write_entry(const ycache_key *k, const void *const *parts,
                        const size_t *lens, size_t n)
{
  char path[PATH_MAX], dir[PATH_MAX];
  if (!ready_dir(k, path, dir))
    return;
  char tmp[PATH_MAX];
  int w = snprintf(tmp, sizeof tmp, "%s/.new-XXXXXX", dir);
  int fd = w > 0 && (size_t)w < sizeof tmp ? mkstemp(tmp) : -1;
  if (fd < 0)
    return;
  bool ok = true;
  for (size_t i = 0; i < n && ok; i++) {
    const char *d = parts[i];
    size_t put = 0;
    while (put < lens[i]) {
      ssize_t got = write(fd, d + put, lens[i] - put);
      if (got < 0 && errno == EINTR)
        continue;
      if (got <= 0)
        break;
      put += (size_t)got;
    }
    ok = put == lens[i];
  }
  ok = ok && fchmod(fd, 0600) == 0;
  struct stat wst;
  bool known = fstat(fd, &wst) == 0;
  ok = close(fd) == 0 && ok;
  if (!ok || rename(tmp, path) != 0) {
    unlink(tmp);
  } else {
    if (known)
      note_written(&wst);
    auto_housekeep(dir);
  }
}

/* Writes the entry of key k whose payload is what out holds from
   HEADER on (the header is filled here); failures are silent. */
static void put_entry(const ycache_key *k, buf *b)
{
  uint32_t format = FORMAT, order = ORDER;
  memcpy(b->data, MAGIC, 8);
  memcpy(b->data + 8, &format, 4);
  memcpy(b->data + 12, &order, 4);
  memcpy(b->data + 16, k->h, 16);
  uint64_t plen = b->len - HEADER,
           sum = checksum(b->data + HEADER, plen, k->h[0]);
  memcpy(b->data + 32, &plen, 8);
  memcpy(b->data + 40, &sum, 8);
  const void *part = b->data;
  write_entry(k, &part, &b->len, 1);
}

void ycache_put_file(const ycache_key *k, const void *head, size_t hlen,
                     const void *body, size_t blen)
{
  const void *parts[2] = {head, body};
  size_t lens[2] = {hlen, blen};
  write_entry(k, parts, lens, 2);
}

int ycache_open_file(const ycache_key *k, size_t *size)
{
  struct stat st;
  int fd = cache_off() ? -1 : open_entry(k, 0, &st);
  if (fd < 0)
    return -1;
  /* its use recorded, and kept by this process's housekeeping, as an
     entry mapped */
  note_use(fd, &st);
  note_written(&st);
  *size = (size_t)st.st_size;
  return fd;
}

bool ycache_enabled(void) { return !cache_off(); }

/* A header's room, filled by put_entry. */
static void begin_entry(buf *b)
{
  static const char zero[HEADER] = {0};
  buf_init(b);
  buf_add(b, zero, HEADER);
}

void ycache_put(const ycache_key *k, const ynode *root)
{
  buf b;
  begin_entry(&b);
  ytree_encode(root, &b);
  put_entry(k, &b);
  buf_fini(&b);
}

/* {====================================================== marks */

bool ycache_mark_key(ycache_key *k, const char *what, const uint64_t in[2])
{
  if (cache_off())
    return false;
  char s[256];
  int n = snprintf(s, sizeof s, "auditgen %s mark %d %s", AUDITGEN_VERSION,
                   FORMAT, what);
  if (n <= 0 || (size_t)n >= sizeof s)
    return false;
  uint64_t seed[2];
  ycache_hash(s, (size_t)n, 0, seed);
  ycache_hash(in, 2 * sizeof *in, seed[0] ^ seed[1], k->h);
  return true;
}

/* A record's payload is its `what`, NUL included, zeros to a multiple of
   8 bytes, then its data: an entry of another kind under the same name
   (which the keys' seeds make all but impossible) is not taken for it. */
const void *ycache_record_get(const ycache_key *k, const char *what,
                              size_t *len)
{
  size_t n, w = strlen(what) + 1, pad = (w + 7) & ~(size_t)7;
  const unsigned char *p = entry_payload(k, &n);
  if (!p || n < pad || memcmp(p, what, w) != 0)
    return NULL;
  for (size_t i = w; i < pad; i++)
    if (p[i])
      return NULL;
  *len = n - pad;
  return p + pad;
}

void ycache_record_put(const ycache_key *k, const char *what,
                       const void *data, size_t len)
{
  static const char zero[8] = {0};
  size_t w = strlen(what) + 1;
  buf b;
  begin_entry(&b);
  buf_add(&b, what, w);
  buf_add(&b, zero, ((w + 7) & ~(size_t)7) - w);
  if (len)
    buf_add(&b, data, len);
  put_entry(k, &b);
  buf_fini(&b);
}

bool ycache_marked(const ycache_key *k, const char *what)
{
  size_t len;
  return ycache_record_get(k, what, &len) && len == 0;
}

void ycache_mark(const ycache_key *k, const char *what)
{
  ycache_record_put(k, what, NULL, 0);
}

/* }====================================================== */

/* {====================================================== housekeeping */

/* Whether name is an entry's: 32 lowercase hex digits, then ".ytree". */
static bool entry_name(const char *name)
{
  for (int i = 0; i < 32; i++)
    if (!((name[i] >= '0' && name[i] <= '9') ||
          (name[i] >= 'a' && name[i] <= 'f')))
      return false; /* a shorter name stops here at its NUL */
  return strcmp(name + 32, ".ytree") == 0;
}

/* Whether name is a write's temporary file: ".new-" and mkstemp's six
   letters and digits. */
static bool temp_name(const char *name)
{
  size_t n = sizeof TEMP_PREFIX - 1;
  if (strncmp(name, TEMP_PREFIX, n) != 0 || strlen(name) != n + 6)
    return false;
  for (size_t i = n; i < n + 6; i++) {
    char c = name[i];
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
          (c >= 'A' && c <= 'Z')))
      return false;
  }
  return true;
}

/* A size as AUDITGEN_CACHE_MAX takes it (ycache.h). */
static bool parse_size(const char *s, uint64_t *out)
{
  if (*s < '0' || *s > '9')
    return false;
  errno = 0;
  char *end;
  unsigned long long v = strtoull(s, &end, 10);
  if (errno)
    return false;
  size_t n = strlen(end);
  bool bytes = n && end[n - 1] == 'B';
  n -= bytes;
  uint64_t mul;
  static const char units[] = "kMGT";
  const char *u = n ? strchr(units, end[0] == 'K' ? 'k' : end[0]) : NULL;
  if (n == 0)
    mul = bytes ? 1 : 1000000u; /* a plain number is MB */
  else if (!u || !end[0] || (n == 2 && end[1] != 'i') || n > 2)
    return false;
  else {
    mul = 1;
    for (const char *p = units; p <= u; p++)
      mul *= n == 2 ? 1024u : 1000u;
  }
  if (v > UINT64_MAX / mul)
    return false;
  *out = (uint64_t)v * mul;
  return true;
}

/* Days as AUDITGEN_CACHE_MAX_AGE takes them: digits, then d or nothing. */
static bool parse_days(const char *s, unsigned *out)
{
  if (*s < '0' || *s > '9')
    return false;
  errno = 0;
  char *end;
  unsigned long v = strtoul(s, &end, 10);
  if (errno || v > 100000 || (*end && strcmp(end, "d") != 0))
    return false;
  *out = (unsigned)v;
  return true;
}

void ycache_limits_get(ycache_limits *l)
{
  memset(l, 0, sizeof *l);
  l->max_bytes = DEFAULT_MAX_BYTES;
  l->max_days = DEFAULT_MAX_DAYS;
  const char *v = getenv("AUDITGEN_CACHE_MAX");
  if (v && *v && !parse_size(v, &l->max_bytes)) {
    l->bad_size = v;
    l->max_bytes = DEFAULT_MAX_BYTES;
  }
  v = getenv("AUDITGEN_CACHE_MAX_AGE");
  if (v && *v && !parse_days(v, &l->max_days)) {
    l->bad_age = v;
    l->max_days = DEFAULT_MAX_DAYS;
  }
}

/* Opens the cache folder at path for housekeeping: a folder, not a link,
   of the user's own that only the user may write (as the reader and
   writer want it); -1 otherwise, *missing when there is none. */
static int open_own_dir(const char *path, bool *missing)
{
  int fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  *missing = fd < 0 && errno == ENOENT;
  if (fd < 0)
    return -1;
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISDIR(st.st_mode) || !own(&st)) {
    close(fd);
    return -1;
  }
  return fd;
}

/* Sets the time of the stamp in the folder dfd to now, making it (0600)
   when missing; false when it cannot (a link, a FIFO: refused, never
   waited on). */
static bool set_stamp(int dfd)
{
  int fd = openat(dfd, STAMP,
                  O_WRONLY | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC,
                  0600);
  if (fd < 0)
    return false;
  struct stat st;
  bool ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
            st.st_uid == geteuid() && futimens(fd, NULL) == 0;
  close(fd);
  return ok;
}

/* One of the folder's entries or temporary files. */
typedef struct hk_file {
  char name[40];
  struct timespec used; /* modification time: the last use (note_use) */
  uint64_t size;
  dev_t dev;
  ino_t ino;
  bool temp; /* a write's temporary file */
  bool gone;
} hk_file;

/* Whether this process mapped (maps) or wrote (written) the file f. */
static bool ours_now(const hk_file *f)
{
  for (size_t i = 0; i < n_maps; i++)
    if (maps[i].dev == f->dev && maps[i].ino == f->ino)
      return true;
  for (size_t i = 0; i < n_written; i++)
    if (written[i].dev == f->dev && written[i].ino == f->ino)
      return true;
  return false;
}

/* Oldest use first; the name breaks ties, so the order is the same on
   every run. */
static int by_use(const void *pa, const void *pb)
{
  const hk_file *a = pa, *b = pb;
  if (a->used.tv_sec != b->used.tv_sec)
    return a->used.tv_sec < b->used.tv_sec ? -1 : 1;
  if (a->used.tv_nsec != b->used.tv_nsec)
    return a->used.tv_nsec < b->used.tv_nsec ? -1 : 1;
  return strcmp(a->name, b->name);
}

/* Removes f from the folder dfd, unless a rename has put another file
   under its name since it was listed (a run that just rewrote it); a
   run that has it mapped keeps reading it. */
static void remove_file(int dfd, hk_file *f, ycache_stats *out)
{
  struct stat st;
  if (fstatat(dfd, f->name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
    f->gone = errno == ENOENT; /* another run removed it */
    return;
  }
  if (st.st_dev != f->dev || st.st_ino != f->ino)
    return;
  if (unlinkat(dfd, f->name, 0) != 0) {
    if (errno == ENOENT) {
      f->gone = true;
    } else if (!f->temp && out->failed++ == 0) {
      out->fail_errno = errno;
    }
    return;
  }
  f->gone = true;
  out->removed++;
  out->removed_bytes += f->size;
}

/* Lists the folder dfd's entries and temporary files (regular files of
   the user's own with such names; everything else is counted in
   out->others and left alone) into *files; their number. */
static size_t list_files(int dfd, hk_file **files, ycache_stats *out)
{
  *files = NULL;
  int fd = dup(dfd);
  DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
  if (!d) {
    if (fd >= 0)
      close(fd);
    return 0;
  }
  size_t n = 0, cap = 0;
  struct dirent *de;
  while ((de = readdir(d)) != NULL) {
    const char *nm = de->d_name;
    if (strcmp(nm, ".") == 0 || strcmp(nm, "..") == 0 ||
        strcmp(nm, STAMP) == 0)
      continue;
    bool entry = entry_name(nm), temp = !entry && temp_name(nm);
    struct stat st;
    if (fstatat(dfd, nm, &st, AT_SYMLINK_NOFOLLOW) != 0)
      continue; /* gone since it was listed */
    if ((!entry && !temp) || !S_ISREG(st.st_mode) ||
        st.st_uid != geteuid()) {
      out->others++;
      continue;
    }
    if (n == cap) {
      cap = cap ? 2 * cap : 256;
      *files = mem_realloc(*files, sizeof **files * cap);
    }
    hk_file *f = &(*files)[n++];
    memset(f, 0, sizeof *f);
    memcpy(f->name, nm, strlen(nm) + 1); /* at most 38 bytes */
    f->used = st.st_mtim;
    f->size = (uint64_t)st.st_size;
    f->dev = st.st_dev;
    f->ino = st.st_ino;
    f->temp = temp;
  }
  closedir(d);
  return n;
}

/* Does job in the open folder dfd at time now (ycache_housekeep). The
   entries this process mapped or wrote are never removed. */
static void housekeep(int dfd, ycache_job job, const ycache_limits *l,
                      time_t now, ycache_stats *out)
{
  hk_file *files;
  size_t n = list_files(dfd, &files, out);
  /* unused for max_days: the last use is at most USE_INTERVAL after the
     time, so an entry used in the last max_days days is never taken */
  time_t cutoff = now - (time_t)l->max_days * DAY - USE_INTERVAL;
  for (size_t i = 0; i < n && job != YCACHE_STATS; i++) {
    hk_file *f = &files[i];
    bool old = f->temp ? f->used.tv_sec < now - DAY
                       : l->max_days && f->used.tv_sec < cutoff;
    if ((job == YCACHE_CLEAR || old) && !ours_now(f))
      remove_file(dfd, f, out);
  }
  if (n)
    qsort(files, n, sizeof *files, by_use);
  uint64_t total = 0;
  for (size_t i = 0; i < n; i++)
    if (!files[i].gone && !files[i].temp)
      total += files[i].size;
  /* then the least recently used, until the entries fit */
  for (size_t i = 0; i < n && job == YCACHE_PRUNE && l->max_bytes &&
                     total > l->max_bytes;
       i++) {
    hk_file *f = &files[i];
    if (f->gone || f->temp || ours_now(f))
      continue;
    remove_file(dfd, f, out);
    if (f->gone)
      total -= f->size;
  }
  for (size_t i = 0; i < n; i++) {
    const hk_file *f = &files[i];
    if (f->gone || f->temp)
      continue;
    out->entries++;
    out->bytes += f->size;
    if (!out->oldest || f->used.tv_sec < out->oldest)
      out->oldest = f->used.tv_sec;
    if (f->used.tv_sec > out->newest)
      out->newest = f->used.tv_sec;
  }
  mem_free(files);
}

/* The automatic housekeeping, after an entry was written to the folder
   dir: at most once a process, and only when the stamp is a day old (or
   a day ahead: a clock set back), missing or can be set. */
static void auto_housekeep(const char *dir)
{
  static bool done;
  if (done)
    return;
  done = true;
  bool missing;
  int dfd = open_own_dir(dir, &missing);
  if (dfd < 0)
    return;
  time_t now = time(NULL);
  struct stat st;
  bool recent = fstatat(dfd, STAMP, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
                S_ISREG(st.st_mode) &&
                now - st.st_mtim.tv_sec < HOUSEKEEP_INTERVAL &&
                st.st_mtim.tv_sec - now < HOUSEKEEP_INTERVAL;
  /* the stamp first: a second run starting now finds it recent */
  if (!recent && set_stamp(dfd)) {
    ycache_limits l;
    ycache_limits_get(&l);
    ycache_stats s;
    memset(&s, 0, sizeof s);
    housekeep(dfd, YCACHE_PRUNE, &l, now, &s);
  }
  close(dfd);
}

ycache_status ycache_housekeep(ycache_job job, const ycache_limits *l,
                               ycache_stats *st)
{
  memset(st, 0, sizeof *st);
  char base[PATH_MAX];
  if (!cache_base(base, sizeof base))
    return YCACHE_NO_HOME;
  int n = snprintf(st->dir, sizeof st->dir, "%s/auditgen", base);
  if (n <= 0 || (size_t)n >= sizeof st->dir)
    return YCACHE_NO_HOME;
  bool missing;
  int dfd = open_own_dir(st->dir, &missing);
  if (dfd < 0)
    return missing ? YCACHE_NO_FOLDER : YCACHE_NOT_OWN;
  if (job == YCACHE_PRUNE)
    set_stamp(dfd);
  struct stat s;
  if (fstatat(dfd, STAMP, &s, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(s.st_mode))
    st->housekept = s.st_mtim.tv_sec;
  housekeep(dfd, job, l, time(NULL), st);
  close(dfd);
  return YCACHE_OK;
}

/* }====================================================== */
