/* ycache.c — the cache of parsed rule files (see ycache.h).
 *
 * An entry is a 48-byte header — magic, format, a byte-order mark, the
 * key, the payload's length and its checksum — then the payload, the
 * tree as ytree_encode writes it. The entry's name is its key in hex. */
#include "ycache.h"

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
#define FORMAT 2
#define MAGIC "AGYTREE\0"
#define HEADER 48
/* An entry larger than this is not read (rule files are far below). */
#define ENTRY_MAX (256u * 1024u * 1024u)
#define ORDER 0x01020304u
#define DAY 86400
/* An entry's modification time is its last use to within this (note_use) */
#define USE_INTERVAL DAY

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

/* A rule text's key. 1.7 MB of rule texts are keyed on every run, which
   the hash above does in ~2 instructions a byte (3.5 M of a warm check's
   36 M). With the x86-64 AES instruction, one lane of 128 bits takes a
   16-byte block in two instructions: s = AESENC(s ^ block, K), a
   bijection of the block for a given state and of the state for a given
   block, so a change confined to one block always changes the state (and
   every later one); the length and four more rounds end it. Where there
   is no such instruction, the hash above: the two are told apart by the
   seed ycache_key_of gives them (a key of one is never taken for the
   other's). */
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

/* The payload's checksum: CRC-32C (Castagnoli) of the even and of the
   odd 8-byte words, two lanes that run side by side, enough to tell
   damage (the key, not this, tells one text from another). The x86-64
   instruction does a word in one step (about a sixth of the cost of the
   hash above on the 5 MB of entries a run reads); a table gives the same
   values anywhere else. */
static uint32_t crc_table[256];

static void crc_table_init(void)
{
  for (uint32_t i = 0; i < 256; i++) {
    uint32_t c = i;
    for (int k = 0; k < 8; k++)
      c = c & 1 ? (c >> 1) ^ 0x82f63b78u : c >> 1;
    crc_table[i] = c;
  }
}

static uint32_t crc_word_soft(uint32_t c, uint64_t w)
{
  for (int k = 0; k < 8; k++, w >>= 8)
    c = crc_table[(c ^ (uint32_t)w) & 0xff] ^ (c >> 8);
  return c;
}

static void crc_soft(const unsigned char *s, size_t words, uint32_t *a,
                     uint32_t *b)
{
  if (!crc_table[1])
    crc_table_init();
  for (size_t i = 0; i + 1 < words; i += 2) {
    uint64_t w0, w1;
    memcpy(&w0, s + 8 * i, 8);
    memcpy(&w1, s + 8 * i + 8, 8);
    *a = crc_word_soft(*a, w0);
    *b = crc_word_soft(*b, w1);
  }
  if (words & 1) {
    uint64_t w;
    memcpy(&w, s + 8 * (words - 1), 8);
    *a = crc_word_soft(*a, w);
  }
}

#if defined(__x86_64__) && defined(__GNUC__)
__attribute__((target("sse4.2"))) static void
crc_hw(const unsigned char *s, size_t words, uint32_t *a, uint32_t *b)
{
  unsigned long long x = *a, y = *b;
  for (size_t i = 0; i + 1 < words; i += 2) {
    uint64_t w0, w1;
    memcpy(&w0, s + 8 * i, 8);
    memcpy(&w1, s + 8 * i + 8, 8);
    x = __builtin_ia32_crc32di(x, w0);
    y = __builtin_ia32_crc32di(y, w1);
  }
  if (words & 1) {
    uint64_t w;
    memcpy(&w, s + 8 * (words - 1), 8);
    x = __builtin_ia32_crc32di(x, w);
  }
  *a = (uint32_t)x;
  *b = (uint32_t)y;
}
#endif

uint64_t ycache_checksum(const void *p, size_t n, uint64_t seed, bool soft)
{
  const unsigned char *s = p;
  uint32_t a = (uint32_t)seed, b = (uint32_t)(seed >> 32);
  size_t words = n / 8;
#if defined(__x86_64__) && defined(__GNUC__)
  if (!soft && __builtin_cpu_supports("sse4.2"))
    crc_hw(s, words, &a, &b);
  else
#endif
    crc_soft(s, words, &a, &b);
  uint64_t w = 0;
  memcpy(&w, s + 8 * words, n - 8 * words);
  return mix(((uint64_t)a << 32 | b) ^ mix(w ^ (uint64_t)n));
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
   within a day (for a housekeeping to come) for one futimens a day per
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
static const unsigned char *entry_payload(const ycache_key *k, size_t *len)
{
  char path[PATH_MAX];
  size_t dlen;
  if (!entry_path(k, path, sizeof path, &dlen))
    return NULL;
  int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0)
    return NULL;
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || !own(&st) ||
      st.st_size < HEADER || (unsigned long long)st.st_size > ENTRY_MAX) {
    close(fd);
    return NULL;
  }
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

ynode *ycache_get(arena *a, const ycache_key *k, const char *name)
{
  size_t len;
  const unsigned char *p = entry_payload(k, &len);
  return p ? ytree_decode(a, p, len, name) : NULL;
}

/* }====================================================== */

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
static void put_entry(const ycache_key *k, buf *b)
{
  char path[PATH_MAX], base[PATH_MAX];
  size_t dlen;
  if (!entry_path(k, path, sizeof path, &dlen) ||
      !cache_base(base, sizeof base))
    return;
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
      return;
    slash[slash == parent] = '\0'; /* "/x" -> "/" */
    if (stat(parent, &st) != 0 || st.st_uid != geteuid() ||
        (mkdir(base, 0700) != 0 && errno != EEXIST) || lstat(base, &st) != 0)
      return;
  }
  if (!S_ISDIR(st.st_mode) || st.st_uid != geteuid())
    return;
  char dir[PATH_MAX];
  memcpy(dir, path, dlen);
  dir[dlen] = '\0';
  if (!own_dir(dir))
    return;
  uint32_t format = FORMAT, order = ORDER;
  memcpy(b->data, MAGIC, 8);
  memcpy(b->data + 8, &format, 4);
  memcpy(b->data + 12, &order, 4);
  memcpy(b->data + 16, k->h, 16);
  uint64_t plen = b->len - HEADER,
           sum = checksum(b->data + HEADER, plen, k->h[0]);
  memcpy(b->data + 32, &plen, 8);
  memcpy(b->data + 40, &sum, 8);

  char tmp[PATH_MAX];
  int n = snprintf(tmp, sizeof tmp, "%s/.new-XXXXXX", dir);
  int fd = n > 0 && (size_t)n < sizeof tmp ? mkstemp(tmp) : -1;
  if (fd >= 0) {
    size_t put = 0;
    while (put < b->len) {
      ssize_t w = write(fd, b->data + put, b->len - put);
      if (w < 0 && errno == EINTR)
        continue;
      if (w <= 0)
        break;
      put += (size_t)w;
    }
    bool ok = put == b->len && fchmod(fd, 0600) == 0;
    ok = close(fd) == 0 && ok;
    if (!ok || rename(tmp, path) != 0)
      unlink(tmp);
  }
}

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
