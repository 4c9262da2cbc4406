/* check_ycache.c — the cache of parsed rule files: a hit gives the same
 * output as a cold run; a damaged, foreign-format or stale entry is never
 * used and is rewritten; --rules layers and rule errors are unchanged; a
 * cache folder that cannot be used costs nothing and prints nothing; the
 * folder and entries are the user's alone; mapping an entry records its
 * use (its modification time, once a day). Each test has a cache folder of
 * its own (XDG_CACHE_HOME; check_main.c gives the whole suite one too). */
#include <check.h>
#include <dirent.h>
#include <stddef.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "../../generator/base/buf.h"
#include "../../generator/base/diag.h"
#include "../../generator/load/ycache.h"
#include "../../generator/load/ytree.h"
#include "../../generator/rules/factors.h"
#include "suites.h"
#include "testutil.h"

static char tmp[64];    /* the test's folder */
static char cache[128]; /* XDG_CACHE_HOME inside it */
static char entries[160]; /* cache/auditgen */

static void setup(void)
{
  strcpy(tmp, "/tmp/auditgen-ycache-XXXXXX");
  ck_assert_ptr_nonnull(mkdtemp(tmp));
  snprintf(cache, sizeof cache, "%s/xdg", tmp);
  snprintf(entries, sizeof entries, "%s/auditgen", cache);
  setenv("XDG_CACHE_HOME", cache, 1);
  unsetenv("AUDITGEN_CACHE");
  /* these tests are about the trees and records; the rules image, which
     makes a run read neither, has tests of its own (check_image.c) */
  setenv("AUDITGEN_RULES_IMAGE", "off", 1);
}

static void teardown(void)
{
  unsetenv("AUDITGEN_RULES_IMAGE");
  char cmd[256];
  snprintf(cmd, sizeof cmd, "chmod -R u+rwx '%s'; rm -rf '%s'", tmp, tmp);
  char *out = NULL;
  tu_sh(cmd, &out);
  free(out);
}

/* The entries of the cache folder (names sorted), -1 when it is missing. */
static int n_entries(char names[][64], int max)
{
  struct dirent **list;
  int n = scandir(entries, &list, NULL, alphasort);
  if (n < 0)
    return -1;
  int k = 0;
  for (int i = 0; i < n; i++) {
    if (list[i]->d_name[0] != '.' && k < max && names)
      snprintf(names[k], 64, "%.63s", list[i]->d_name);
    k += list[i]->d_name[0] != '.';
    free(list[i]);
  }
  free(list);
  return k;
}

/* calc --json of the cement sample (with an optional --rules layer):
   stdout, and stderr must be empty. */
static char *calc_json(const char *layer)
{
  char sample[512];
  snprintf(sample, sizeof sample, "%s/samples/cement-plant.yaml", tu_root());
  const char *argv[] = {tu_bin(), "calc", sample, "--json",
                        layer ? "--rules" : NULL, layer, NULL};
  char *out, *err;
  int rc = tu_exec(argv, NULL, &out, &err);
  ck_assert_msg(rc == 0, "calc exit %d: %s", rc, err);
  ck_assert_str_eq(err, "");
  free(err);
  return out;
}

static char *cold_json(const char *layer)
{
  setenv("AUDITGEN_CACHE", "off", 1);
  char *s = calc_json(layer);
  unsetenv("AUDITGEN_CACHE");
  return s;
}

START_TEST(t_hit_same_output)
{
  char *cold = cold_json(NULL);
  ck_assert_int_eq(n_entries(NULL, 0), -1); /* off: nothing written */
  char *first = calc_json(NULL); /* fills the cache */
  int n = n_entries(NULL, 0);
  ck_assert_int_ge(n, 30); /* carriers, grids, tables, benchmarks, checks */
  char *hit = calc_json(NULL);
  ck_assert_int_eq(n_entries(NULL, 0), n); /* nothing new */
  ck_assert_str_eq(first, cold);
  ck_assert_str_eq(hit, cold);
  free(cold);
  free(first);
  free(hit);
}
END_TEST

/* Folder 0700, entries 0600, whatever the umask. */
START_TEST(t_permissions)
{
  mode_t old = umask(0);
  free(calc_json(NULL));
  umask(old);
  struct stat st;
  ck_assert_int_eq(stat(entries, &st), 0);
  ck_assert_int_eq(st.st_mode & 07777, 0700);
  ck_assert_int_eq(stat(cache, &st), 0);
  ck_assert_int_eq(st.st_mode & 07777, 0700);
  char names[64][64];
  int n = n_entries(names, 64);
  ck_assert_int_gt(n, 0);
  for (int i = 0; i < n && i < 64; i++) {
    char p[512];
    snprintf(p, sizeof p, "%s/%.63s", entries, names[i]);
    ck_assert_int_eq(lstat(p, &st), 0);
    ck_assert(S_ISREG(st.st_mode));
    ck_assert_int_eq(st.st_mode & 07777, 0600);
  }
}
END_TEST

/* Damage of each kind to every entry: the run's output is the cold one,
   nothing is printed, and each entry is rewritten as it was. */
static void damage_all(void (*hurt)(const char *path, size_t len))
{
  char *cold = cold_json(NULL);
  free(calc_json(NULL));
  char names[64][64];
  int n = n_entries(names, 64);
  ck_assert_int_gt(n, 0);
  ck_assert_int_le(n, 64);
  char *good[64];
  size_t glen[64];
  for (int i = 0; i < n; i++) {
    char p[512];
    snprintf(p, sizeof p, "%s/%.63s", entries, names[i]);
    good[i] = tu_slurp(p, &glen[i]);
    hurt(p, glen[i]);
  }
  char *again = calc_json(NULL);
  ck_assert_str_eq(again, cold);
  ck_assert_int_eq(n_entries(NULL, 0), n);
  for (int i = 0; i < n; i++) {
    char p[512];
    snprintf(p, sizeof p, "%s/%.63s", entries, names[i]);
    size_t len;
    char *now = tu_slurp(p, &len);
    ck_assert_msg(len == glen[i] && memcmp(now, good[i], len) == 0,
                  "%s was not rewritten", names[i]);
    free(now);
    free(good[i]);
  }
  free(again);
  free(cold);
}

static void rewrite(const char *path, const char *data, size_t len)
{
  FILE *f = fopen(path, "wb");
  ck_assert_ptr_nonnull(f);
  ck_assert_uint_eq(fwrite(data, 1, len, f), len);
  fclose(f);
}

static void truncate_half(const char *path, size_t len)
{
  ck_assert_int_eq(truncate(path, (off_t)(len / 2)), 0);
}

static void truncate_header(const char *path, size_t len)
{
  (void)len;
  ck_assert_int_eq(truncate(path, 20), 0);
}

/* One byte flipped in the payload's middle, where the tree is. */
static void flip_payload(const char *path, size_t len)
{
  char *d = tu_slurp(path, NULL);
  d[48 + (len - 48) / 2] ^= 0x10;
  rewrite(path, d, len);
  free(d);
}

/* The format number (after the 8-byte magic) of another version. */
static void other_format(const char *path, size_t len)
{
  char *d = tu_slurp(path, NULL);
  d[8] ^= 0x7f;
  rewrite(path, d, len);
  free(d);
}

/* The length field (bytes 32–39) no longer the payload's. */
static void wrong_length(const char *path, size_t len)
{
  char *d = tu_slurp(path, NULL);
  d[32] ^= 0x01;
  rewrite(path, d, len);
  free(d);
}

/* Zero bytes appended: the length no longer fits. */
static void grown(const char *path, size_t len)
{
  char *d = tu_slurp(path, NULL);
  char *e = calloc(1, len + 100);
  memcpy(e, d, len);
  rewrite(path, e, len + 100);
  free(e);
  free(d);
}

static void emptied(const char *path, size_t len)
{
  (void)len;
  rewrite(path, "", 0);
}

START_TEST(t_truncated) { damage_all(truncate_half); }
END_TEST
START_TEST(t_truncated_header) { damage_all(truncate_header); }
END_TEST
START_TEST(t_flipped) { damage_all(flip_payload); }
END_TEST
START_TEST(t_other_format) { damage_all(other_format); }
END_TEST
START_TEST(t_wrong_length) { damage_all(wrong_length); }
END_TEST
START_TEST(t_grown) { damage_all(grown); }
END_TEST
START_TEST(t_emptied) { damage_all(emptied); }
END_TEST

/* The decoder alone, without the checksum that guards it: every single
   byte flipped in a tree's form gives NULL or a tree, never a crash or a
   read out of bounds (the ASan suite runs this). */
START_TEST(t_decode_hostile)
{
  arena *a = arena_new();
  diag_list *dl = diag_new(a);
  ytree_limits lim = ytree_default_limits();
  buf t;
  buf_init(&t);
  buf_puts(&t, "top:\n");
  for (int i = 0; i < 12; i++)
    buf_printf(&t, "  k%d: [a, \"b\", {x: %d}]\n", i, i);
  ynode *root = ytree_load_string(a, dl, t.data, t.len, "t.yaml", &lim);
  ck_assert_ptr_nonnull(root);
  buf e;
  buf_init(&e);
  ytree_encode(root, &e);
  ynode *same = ytree_decode(a, NULL, e.data, e.len, "t.yaml");
  ck_assert_ptr_nonnull(same);
  const ynode *top = ytree_get(same, "top");
  ck_assert_ptr_nonnull(top->index); /* 12 keys: indexed */
  const ynode *x = ytree_get(ytree_get(top, "k11")->kids[2], "x");
  ck_assert_str_eq(x->str, "11");
  ck_assert_int_eq(x->pos.line, 13);
  ck_assert_int_eq(x->pos.col, 21);
  ck_assert_str_eq(x->pos.file, "t.yaml");
  ck_assert(ytree_get(top, "k5")->kids[1]->plain == false);
  uint32_t *copy = malloc(e.len + 4);
  for (size_t i = 0; i < e.len; i++)
    for (int bit = 0; bit < 8; bit += 3) {
      memcpy(copy, e.data, e.len);
      ((unsigned char *)copy)[i] ^= (unsigned char)(1u << bit);
      arena *b = arena_new();
      ynode *r = ytree_decode(b, NULL, copy, e.len, "t.yaml");
      if (r && r->kind == YN_MAP)
        ytree_get(r, "top"); /* walks the index, if any */
      arena_free(b);
    }
  for (size_t len = 0; len < e.len; len++) {
    arena *b = arena_new();
    memcpy(copy, e.data, e.len);
    ck_assert_ptr_null(ytree_decode(b, NULL, copy, len, "t.yaml"));
    arena_free(b);
  }
  /* strings and key indexes copied into own: the tree outlives the
     encoded form (the rules image holds no pointer into an entry) */
  memcpy(copy, e.data, e.len);
  arena *own = arena_new();
  ynode *kept = ytree_decode(a, own, copy, e.len, "t.yaml");
  ck_assert_ptr_nonnull(kept);
  memset(copy, 0xEE, e.len);
  const ynode *ktop = ytree_get(kept, "top");
  ck_assert_ptr_nonnull(ktop->index);
  ck_assert_str_eq(ytree_get(ytree_get(ktop, "k11")->kids[2], "x")->str, "11");
  ck_assert_str_eq(ytree_get(ktop, "k5")->kids[1]->str, "b");
  arena_free(own);
  free(copy);
  buf_fini(&e);
  buf_fini(&t);
  arena_free(a);
}
END_TEST

/* A file edited in place to the same size and the same time stamps: the
   cache must not give the old tree. */
START_TEST(t_stale_same_size_and_time)
{
  char path[128];
  snprintf(path, sizeof path, "%s/r.yaml", tmp);
  rewrite(path, "a: 1\nb: old\n", 12);
  struct stat st;
  ck_assert_int_eq(stat(path, &st), 0);
  ytree_limits lim = ytree_default_limits();
  for (int round = 0; round < 2; round++) {
    arena *a = arena_new();
    diag_list *dl = diag_new(a);
    bool io;
    ynode *r = ytree_load_file_cached(a, a, dl, path, path, &lim, &io);
    ck_assert_ptr_nonnull(r);
    ck_assert_str_eq(ytree_get(r, "b")->str, "old");
    arena_free(a);
  }
  ck_assert_int_eq(n_entries(NULL, 0), 1);
  rewrite(path, "a: 1\nb: new\n", 12);
  struct timeval tv[2] = {{st.st_atime, 0}, {st.st_mtime, 0}};
  ck_assert_int_eq(utimes(path, tv), 0);
  arena *a = arena_new();
  diag_list *dl = diag_new(a);
  bool io;
  ynode *r = ytree_load_file_cached(a, a, dl, path, path, &lim, &io);
  ck_assert_ptr_nonnull(r);
  ck_assert_str_eq(ytree_get(r, "b")->str, "new");
  arena_free(a);
  ck_assert_int_eq(n_entries(NULL, 0), 2);
}
END_TEST

/* {====================================================== mapped entries */

/* Loads path through the cache in a new arena (returned in *a) and checks
   that key b reads "two". */
static ynode *load_two(const char *path, arena **a)
{
  ytree_limits lim = ytree_default_limits();
  *a = arena_new();
  diag_list *dl = diag_new(*a);
  bool io;
  ynode *r = ytree_load_file_cached(*a, *a, dl, path, path, &lim, &io);
  ck_assert_ptr_nonnull(r);
  ck_assert_uint_eq(diag_errors(dl), 0);
  ck_assert_str_eq(ytree_get(r, "b")->str, "two");
  return r;
}

/* The path of the folder's only entry in out. */
static void only_entry(char *out, size_t cap)
{
  char names[4][64];
  ck_assert_int_eq(n_entries(names, 4), 1);
  snprintf(out, cap, "%s/%s", entries, names[0]);
}

/* An entry is mapped once per process: two hits share its strings. */
START_TEST(t_mapped_once)
{
  char path[128];
  snprintf(path, sizeof path, "%s/r.yaml", tmp);
  rewrite(path, "a: 1\nb: two\n", 12);
  arena *a0, *a1, *a2;
  ynode *r0 = load_two(path, &a0); /* parsed, stored */
  ynode *r1 = load_two(path, &a1); /* mapped */
  ynode *r2 = load_two(path, &a2); /* the same mapping */
  ck_assert_ptr_ne(ytree_get(r0, "b")->str, ytree_get(r1, "b")->str);
  ck_assert_ptr_eq(ytree_get(r1, "b")->str, ytree_get(r2, "b")->str);
  /* a tree outlives the next run's arena: the mapping stays */
  arena_free(a2);
  ck_assert_str_eq(ytree_get(r1, "b")->str, "two");
  arena_free(a1);
  arena_free(a0);
}
END_TEST

/* Mapping an entry records its use in its modification time: not when
   that time is less than a day from now (a hit costs no write), and when
   it is a day old (or a day ahead: a clock set back) it is set to now,
   once: the mapping is then found again by the time read back, not
   mapped anew on every get. */
START_TEST(t_use_recorded)
{
  char path[128], entry[512];
  snprintf(path, sizeof path, "%s/r.yaml", tmp);
  rewrite(path, "a: 1\nb: two\n", 12);
  arena *a[5];
  load_two(path, &a[0]); /* parsed, stored */
  only_entry(entry, sizeof entry);
  struct stat st0, st;
  ck_assert_int_eq(stat(entry, &st0), 0);
  ynode *r1 = load_two(path, &a[1]); /* mapped the same day */
  ck_assert_int_eq(stat(entry, &st), 0);
  ck_assert_int_eq(st.st_mtim.tv_sec, st0.st_mtim.tv_sec);
  ck_assert_int_eq(st.st_mtim.tv_nsec, st0.st_mtim.tv_nsec);
  ck_assert_int_eq(st.st_ctim.tv_nsec, st0.st_ctim.tv_nsec); /* no write */
  for (int ahead = 0; ahead < 2; ahead++) {
    time_t now = time(NULL);
    struct timespec ts[2] = {st0.st_atim,
                             {ahead ? now + 2 * 86400 : now - 2 * 86400, 0}};
    ck_assert_int_eq(utimensat(AT_FDCWD, entry, ts, 0), 0);
    ynode *r2 = load_two(path, &a[2 + ahead]); /* mapped again: touched */
    ck_assert_int_eq(stat(entry, &st), 0);
    ck_assert_int_ge(st.st_mtim.tv_sec, now - 60);
    ck_assert_int_le(st.st_mtim.tv_sec, now + 60);
    ck_assert_int_eq(st.st_ino, st0.st_ino); /* the same file */
    ck_assert_ptr_ne(ytree_get(r2, "b")->str, ytree_get(r1, "b")->str);
    r1 = r2;
  }
  ynode *r4 = load_two(path, &a[4]); /* the last mapping, found again */
  ck_assert_ptr_eq(ytree_get(r4, "b")->str, ytree_get(r1, "b")->str);
  for (int i = 0; i < 5; i++)
    arena_free(a[i]);
}
END_TEST

/* An entry already mapped and then changed in place, keeping its size
   and time stamps (how = 0: a payload byte flipped; 1: the checksum; 2:
   the magic), is refused on the next get, the file parsed again and the
   entry rewritten as it was; so is one truncated in place (how = 3),
   without a fault on the pages the mapping had. */
static void damage_mapped(int how)
{
  char path[128], entry[512];
  snprintf(path, sizeof path, "%s/r.yaml", tmp);
  rewrite(path, "a: 1\nb: two\n", 12);
  arena *a0, *a1, *a2;
  load_two(path, &a0);
  arena_free(a0);
  load_two(path, &a1); /* mapped */
  arena_free(a1);
  only_entry(entry, sizeof entry);
  size_t len;
  char *good = tu_slurp(entry, &len);
  struct stat st;
  ck_assert_int_eq(stat(entry, &st), 0);
  if (how == 3) {
    ck_assert_int_eq(truncate(entry, (off_t)(len / 2)), 0);
  } else {
    FILE *f = fopen(entry, "r+b"); /* in place: the same inode */
    ck_assert_ptr_nonnull(f);
    long at = how == 0 ? (long)(48 + (len - 48) / 2) : how == 1 ? 40 : 0;
    ck_assert_int_eq(fseek(f, at, SEEK_SET), 0);
    int c = (unsigned char)good[at] ^ 0x10;
    ck_assert_int_eq(fputc(c, f), c);
    fclose(f);
    struct timespec ts[2] = {st.st_atim, st.st_mtim};
    ck_assert_int_eq(utimensat(AT_FDCWD, entry, ts, 0), 0);
  }
  load_two(path, &a2); /* not from the damaged entry */
  arena_free(a2);
  size_t now_len;
  char *now = tu_slurp(entry, &now_len);
  ck_assert_uint_eq(now_len, len);
  ck_assert(memcmp(now, good, len) == 0); /* rewritten */
  struct stat st2;
  ck_assert_int_eq(stat(entry, &st2), 0);
  ck_assert(st2.st_ino != st.st_ino); /* by a rename */
  load_two(path, &a2); /* and used again */
  arena_free(a2);
  free(now);
  free(good);
}

START_TEST(t_mapped_flipped) { damage_mapped(0); }
END_TEST
START_TEST(t_mapped_checksum) { damage_mapped(1); }
END_TEST
START_TEST(t_mapped_magic) { damage_mapped(2); }
END_TEST
START_TEST(t_mapped_truncated) { damage_mapped(3); }
END_TEST

/* A rule file whose size says 0 but that has text (as /proc's files do)
   is read whole, not taken for an empty file. */
START_TEST(t_text_size_lies)
{
  size_t len;
  char *comm = tu_slurp("/proc/self/comm", &len);
  ck_assert_ptr_nonnull(comm);
  ck_assert_uint_gt(len, 1);
  comm[len - 1] = '\0'; /* the newline */
  struct stat st;
  ck_assert_int_eq(stat("/proc/self/comm", &st), 0);
  ck_assert_int_eq(st.st_size, 0);
  arena *a = arena_new();
  diag_list *dl = diag_new(a);
  ytree_limits lim = ytree_default_limits();
  bool io;
  ynode *r = ytree_load_file_cached(a, a, dl, "/proc/self/comm", "comm", &lim,
                                    &io);
  ck_assert_ptr_nonnull(r);
  ck_assert_int_eq(r->kind, YN_SCALAR);
  ck_assert_str_eq(r->str, comm);
  arena_free(a);
  free(comm);
}
END_TEST

/* }====================================================== */

/* The same through the program and a --rules layer: a layer's grid
   factor edited to the same length (and time stamps) changes the output
   as a cold run does. */
START_TEST(t_stale_rules_layer)
{
  char layer[128], grids[160];
  snprintf(layer, sizeof layer, "%s/firm", tmp);
  snprintf(grids, sizeof grids, "%s/grids.yaml", layer);
  mkdir(layer, 0755);
  /* the shipped grids.yaml as the layer, so its edit is a real factor */
  char src[512];
  snprintf(src, sizeof src, "%s/rules/grids.yaml", tu_root());
  size_t len;
  char *text = tu_slurp(src, &len);
  ck_assert_ptr_nonnull(text);
  rewrite(grids, text, len);
  struct stat st;
  ck_assert_int_eq(stat(grids, &st), 0);
  char *cold1 = cold_json(layer);
  char *warm1 = calc_json(layer);
  char *hit1 = calc_json(layer);
  ck_assert_str_eq(warm1, cold1);
  ck_assert_str_eq(hit1, cold1);
  /* the last digit of every grid factor ("0.7035 tCO2/MWh") moves one
     up: the same length */
  size_t edits = 0;
  for (char *p = text; (p = strstr(p, " tCO2/MWh\"")); p++)
    if (p[-1] >= '0' && p[-1] <= '9') {
      p[-1] = (char)('0' + (p[-1] - '0' + 1) % 10);
      edits++;
    }
  ck_assert_uint_gt(edits, 0);
  rewrite(grids, text, len);
  struct timeval tv[2] = {{st.st_atime, 0}, {st.st_mtime, 0}};
  ck_assert_int_eq(utimes(grids, tv), 0);
  char *cold2 = cold_json(layer);
  char *hit2 = calc_json(layer);
  ck_assert_str_ne(cold2, cold1); /* the edit matters */
  ck_assert_str_eq(hit2, cold2);
  free(text);
  free(cold1);
  free(warm1);
  free(hit1);
  free(cold2);
  free(hit2);
}
END_TEST

/* Rule errors found after parsing (a wrong dimension) read the same from
   a cached tree: positions, quoted line and carets. */
START_TEST(t_rule_errors_same)
{
  char dir[512];
  snprintf(dir, sizeof dir, "%s/tests/bad-rules/carrier-wrong-dimension",
           tu_root());
  const char *argv[] = {tu_bin(), "rules", "check", dir, NULL};
  char *out[3], *err[3];
  setenv("AUDITGEN_CACHE", "off", 1);
  int rc0 = tu_exec(argv, tu_root(), &out[0], &err[0]);
  unsetenv("AUDITGEN_CACHE");
  int rc1 = tu_exec(argv, tu_root(), &out[1], &err[1]);
  int rc2 = tu_exec(argv, tu_root(), &out[2], &err[2]);
  ck_assert_int_eq(rc0, 1);
  ck_assert_int_eq(rc1, 1);
  ck_assert_int_eq(rc2, 1);
  ck_assert_ptr_nonnull(strstr(err[0], "carriers.yaml:6:18: error:"));
  ck_assert_ptr_nonnull(strstr(err[0], "^^^^^^^^^^^^^^^^^"));
  for (int i = 1; i < 3; i++) {
    ck_assert_str_eq(err[i], err[0]);
    ck_assert_str_eq(out[i], out[0]);
  }
  for (int i = 0; i < 3; i++) {
    free(out[i]);
    free(err[i]);
  }
}
END_TEST

/* A cache folder that cannot be made (XDG_CACHE_HOME is a file): the run
   works and prints nothing more. */
START_TEST(t_unwritable)
{
  char *cold = cold_json(NULL);
  rewrite(cache, "not a folder\n", 13);
  char *run = calc_json(NULL); /* asserts empty stderr */
  ck_assert_str_eq(run, cold);
  free(run);
  free(cold);
}
END_TEST

/* A folder others may write is not used (neither read nor written), nor
   is an entry that is not the user's alone. */
START_TEST(t_shared_folder_refused)
{
  char *cold = cold_json(NULL);
  mkdir(cache, 0700);
  mkdir(entries, 0700);
  chmod(entries, 0777);
  char *run = calc_json(NULL);
  ck_assert_str_eq(run, cold);
  ck_assert_int_eq(n_entries(NULL, 0), 0);
  chmod(entries, 0700);
  free(calc_json(NULL));
  char names[64][64];
  int n = n_entries(names, 64);
  ck_assert_int_gt(n, 0);
  /* an entry others may write is not read: damage it, make it 0666 —
     a read of it would give a wrong tree or none, and must not happen;
     the run rewrites it (0600) */
  for (int i = 0; i < n && i < 64; i++) {
    char p[512];
    snprintf(p, sizeof p, "%s/%.63s", entries, names[i]);
    chmod(p, 0666);
  }
  char *again = calc_json(NULL);
  ck_assert_str_eq(again, cold);
  struct stat st;
  char p[512];
  snprintf(p, sizeof p, "%s/%.63s", entries, names[0]);
  ck_assert_int_eq(stat(p, &st), 0);
  ck_assert_int_eq(st.st_mode & 07777, 0600);
  free(again);
  free(run);
  free(cold);
}
END_TEST

/* A cache home that is another user's (root running with someone's HOME)
   gets no folder of ours, nor does a missing one inside another user's
   folder. Needs root to give a folder away; elsewhere nothing to test. */
START_TEST(t_foreign_home)
{
  char *cold = cold_json(NULL);
  mkdir(cache, 0755);
  if (chown(cache, 65534, 65534) != 0) {
    free(cold);
    return;
  }
  char *run = calc_json(NULL);
  ck_assert_str_eq(run, cold);
  struct stat st;
  ck_assert_int_ne(stat(entries, &st), 0);
  free(run);
  /* XDG_CACHE_HOME missing, its parent another user's */
  char deeper[256];
  snprintf(deeper, sizeof deeper, "%s/sub", cache);
  setenv("XDG_CACHE_HOME", deeper, 1);
  run = calc_json(NULL);
  ck_assert_str_eq(run, cold);
  ck_assert_int_ne(stat(deeper, &st), 0);
  free(run);
  free(cold);
}
END_TEST

/* AUDITGEN_CACHE=off: no folder is made. */
START_TEST(t_off)
{
  free(cold_json(NULL));
  struct stat st;
  ck_assert_int_ne(stat(cache, &st), 0);
}
END_TEST

/* The hash sees a change of any single byte, and the length. */
START_TEST(t_hash)
{
  unsigned char b[100];
  for (int i = 0; i < 100; i++)
    b[i] = (unsigned char)i;
  uint64_t h0[2], h[2];
  ycache_hash(b, sizeof b, 7, h0);
  for (int i = 0; i < 100; i++) {
    b[i] ^= 1;
    ycache_hash(b, sizeof b, 7, h);
    ck_assert(h[0] != h0[0] && h[1] != h0[1]);
    b[i] ^= 1;
  }
  ycache_hash(b, 99, 7, h);
  ck_assert(h[0] != h0[0]);
  ycache_hash(b, sizeof b, 8, h);
  ck_assert(h[0] != h0[0]);
}
END_TEST

/* The keys' hash (by the AES instruction where there is one) sees a
   change of any single byte in both halves, at every length from 0 to 300
   (the four lanes' 64-byte steps, the 16-byte blocks after them and the
   tails), and the length and the seed; two blocks swapped between lanes,
   or within one, change it; the soft one is ycache_hash. */
START_TEST(t_hash_fast)
{
  unsigned char b[300];
  for (size_t i = 0; i < sizeof b; i++)
    b[i] = (unsigned char)(i * 37 + 11);
  for (size_t n = 0; n <= sizeof b; n++) {
    uint64_t h0[2], h[2];
    ycache_hash_fast(b, n, 7, false, h0);
    for (size_t i = 0; i < n; i++) {
      b[i] ^= 0x80;
      ycache_hash_fast(b, n, 7, false, h);
      ck_assert(h[0] != h0[0] && h[1] != h0[1]);
      b[i] ^= 0x80;
    }
    if (n) {
      ycache_hash_fast(b, n - 1, 7, false, h);
      ck_assert(h[0] != h0[0] && h[1] != h0[1]);
    }
    ycache_hash_fast(b, n, 8, false, h);
    ck_assert(h[0] != h0[0] && h[1] != h0[1]);
    ycache_hash_fast(b, n, 7, false, h);
    ck_assert(h[0] == h0[0] && h[1] == h0[1]);
    uint64_t s0[2], s1[2];
    ck_assert(!ycache_hash_fast(b, n, 7, true, s0));
    ycache_hash(b, n, 7, s1);
    ck_assert(s0[0] == s1[0] && s0[1] == s1[1]);
  }
  /* blocks 0 and 1 (two lanes), 0 and 4 (one lane, two steps) swapped */
  static const size_t swaps[][2] = {{0, 1}, {0, 4}, {3, 17}};
  for (size_t k = 0; k < sizeof swaps / sizeof *swaps; k++) {
    uint64_t h0[2], h[2];
    unsigned char t[16];
    ycache_hash_fast(b, sizeof b, 7, false, h0);
    unsigned char *x = b + 16 * swaps[k][0], *y = b + 16 * swaps[k][1];
    memcpy(t, x, 16);
    memcpy(x, y, 16);
    memcpy(y, t, 16);
    ycache_hash_fast(b, sizeof b, 7, false, h);
    ck_assert(h[0] != h0[0] && h[1] != h0[1]);
    memcpy(y, x, 16);
    memcpy(x, t, 16);
  }
  /* trailing zeros are not the same text: the length tells */
  unsigned char z[80] = {1};
  uint64_t a[2], c[2];
  ycache_hash_fast(z, 17, 3, false, a);
  ycache_hash_fast(z, 18, 3, false, c);
  ck_assert(a[0] != c[0] && a[1] != c[1]);
  ycache_hash_fast(z, 64, 3, false, a);
  ycache_hash_fast(z, 65, 3, false, c);
  ck_assert(a[0] != c[0] && a[1] != c[1]);
}
END_TEST

/* The checksum is the keys' hash folded, the same at every alignment; a
   flipped bit anywhere changes it, by the AES instruction and soft. */
START_TEST(t_checksum)
{
  unsigned char d[600];
  unsigned r = 7;
  for (size_t i = 0; i < sizeof d; i++) {
    r = r * 1103515245u + 12345u;
    d[i] = (unsigned char)(r >> 16);
  }
  unsigned char copy[300], src[300];
  for (size_t n = 0; n <= 300; n += 7) {
    uint64_t h[2];
    ycache_hash_fast(d, n, 99, false, h);
    ck_assert(ycache_checksum(d, n, 99, false) == (h[0] ^ h[1]));
    ycache_hash(d, n, 99, h);
    ck_assert(ycache_checksum(d, n, 99, true) == (h[0] ^ h[1]));
    memcpy(src, d, n);
    uint64_t at0 = ycache_checksum(src, n, 99, false);
    for (size_t off = 1; off < 8; off++) {
      memcpy(copy, d + off, n);
      memcpy(d + off, src, n);
      ck_assert(ycache_checksum(d + off, n, 99, false) == at0);
      memcpy(d + off, copy, n);
    }
  }
  for (int soft = 0; soft < 2; soft++) {
    uint64_t base = ycache_checksum(d, 300, 5, soft);
    ck_assert(base != ycache_checksum(d, 300, 6, soft));
    ck_assert(base != ycache_checksum(d, 299, 5, soft));
    for (size_t i = 0; i < 300; i++)
      for (int bit = 0; bit < 8; bit++) {
        d[i] ^= (unsigned char)(1u << bit);
        ck_assert(ycache_checksum(d, 300, 5, soft) != base);
        d[i] ^= (unsigned char)(1u << bit);
      }
  }
}
END_TEST

/* {====================================================== kept classes */

/* The cache also keeps the equipment classes converted from the rules
   (rules/tables.c): a mark saying the run's equipment files converted
   without a diagnostic, and one record per kind. */
#define KEPT_PREFIX "equipment classes 3 "
#define MARK_WHAT "equipment classes converted without a diagnostic"

/* The kind a cache entry keeps the classes of (into kind), or false when
   the entry is not such a record. */
static bool record_kind(const char *name, char *kind, size_t cap)
{
  char p[512];
  snprintf(p, sizeof p, "%s/%.63s", entries, name);
  size_t len;
  char *d = tu_slurp(p, &len);
  bool is = d && len > 48 + strlen(KEPT_PREFIX) &&
            memcmp(d + 48, KEPT_PREFIX, strlen(KEPT_PREFIX)) == 0 &&
            memchr(d + 48, '\0', len - 48);
  if (is)
    snprintf(kind, cap, "%s", d + 48 + strlen(KEPT_PREFIX));
  free(d);
  return is;
}

static bool is_mark(const char *name)
{
  char p[512];
  snprintf(p, sizeof p, "%s/%.63s", entries, name);
  size_t len;
  char *d = tu_slurp(p, &len);
  bool is = d && len == 48 + 56 && strcmp(d + 48, MARK_WHAT) == 0;
  free(d);
  return is;
}

/* The entry name of kind's record into out; false when there is none. */
static bool record_of(const char *kind, char *out, size_t cap)
{
  char names[80][64];
  int n = n_entries(names, 80);
  for (int i = 0; i < n && i < 80; i++) {
    char k[64];
    if (record_kind(names[i], k, sizeof k) && strcmp(k, kind) == 0) {
      snprintf(out, cap, "%s/%.63s", entries, names[i]);
      return true;
    }
  }
  return false;
}

/* A first run writes the mark and a record per kind; a later one reads
   them (nothing new, the cold output, the same for check). */
START_TEST(t_classes_kept)
{
  char *cold = cold_json(NULL);
  char *first = calc_json(NULL);
  char names[80][64];
  int n = n_entries(names, 80);
  int marks = 0, records = 0;
  for (int i = 0; i < n && i < 80; i++) {
    char k[64];
    marks += is_mark(names[i]);
    records += record_kind(names[i], k, sizeof k);
  }
  ck_assert_int_eq(marks, 1);
  ck_assert_int_ge(records, 9); /* motor, motor_hv, fan, pump, ... */
  char rec[512];
  ck_assert(record_of("motor_hv", rec, sizeof rec));
  char *hit = calc_json(NULL);
  ck_assert_int_eq(n_entries(NULL, 0), n);
  ck_assert_str_eq(first, cold);
  ck_assert_str_eq(hit, cold);
  /* check, which grades the equipment too, says the same either way */
  char sample[512];
  snprintf(sample, sizeof sample, "%s/samples/cement-plant.yaml", tu_root());
  const char *argv[] = {tu_bin(), "check", sample, NULL};
  char *out[2], *err[2];
  for (int i = 0; i < 2; i++) {
    if (i == 0)
      setenv("AUDITGEN_CACHE", "off", 1);
    ck_assert_int_eq(tu_exec(argv, NULL, &out[i], &err[i]), 0);
    unsetenv("AUDITGEN_CACHE");
  }
  ck_assert_str_eq(out[1], out[0]);
  ck_assert_str_eq(err[1], err[0]);
  for (int i = 0; i < 2; i++) {
    free(out[i]);
    free(err[i]);
  }
  free(cold);
  free(first);
  free(hit);
}
END_TEST

/* Every sample (each grades other kinds: the office's unitary air
   conditioner grades by a metric of its class, the hospital's chillers,
   the power plant's compressors) gives from the kept classes the output
   it gives cold: a field of eq_class the records do not keep would show
   here. */
START_TEST(t_classes_kept_every_sample)
{
  static const char *const samples[] = {
      "samples/cement-plant.yaml",          "samples/aluminium-smelter.yaml",
      "samples/power-plant.yaml",           "samples/hospital.yaml",
      "samples/training/office-building.yaml",
      "samples/training/boiler-house.yaml", "samples/training/dyeing-plant.yaml",
      NULL};
  for (size_t i = 0; samples[i]; i++) {
    char path[512];
    snprintf(path, sizeof path, "%s/%s", tu_root(), samples[i]);
    const char *argv[] = {tu_bin(), "calc", path, "--json", NULL};
    char *out[3], *err[3];
    for (int r = 0; r < 3; r++) { /* cold, filling, from the records */
      if (r == 0)
        setenv("AUDITGEN_CACHE", "off", 1);
      int rc = tu_exec(argv, NULL, &out[r], &err[r]);
      unsetenv("AUDITGEN_CACHE");
      ck_assert_msg(rc == 0, "%s: exit %d: %s", samples[i], rc, err[r]);
    }
    ck_assert_msg(strcmp(out[1], out[0]) == 0, "%s: filling run differs",
                  samples[i]);
    ck_assert_msg(strcmp(out[2], out[0]) == 0, "%s: kept classes differ",
                  samples[i]);
    for (int r = 0; r < 3; r++) {
      free(out[r]);
      free(err[r]);
    }
  }
}
END_TEST

/* The kinds the cement sample grades: their records are read, so a bad
   one is rewritten by the next run. */
static const char *const used_kinds[] = {"motor", "motor_hv", "fan", "pump",
                                         "air_compressor", "transformer",
                                         NULL};

/* Damage of each kind to the records alone (the mark intact, so the run
   reads them back): the cold output, and each record of a kind the
   sample grades rewritten as it was. */
static void damage_records(void (*hurt)(const char *path, size_t len))
{
  char *cold = cold_json(NULL);
  free(calc_json(NULL));
  int n = n_entries(NULL, 0);
  char path[8][512];
  char *good[8];
  size_t glen[8];
  int k = 0;
  for (; used_kinds[k]; k++) {
    ck_assert_msg(record_of(used_kinds[k], path[k], sizeof path[k]),
                  "no record of %s", used_kinds[k]);
    good[k] = tu_slurp(path[k], &glen[k]);
    hurt(path[k], glen[k]);
  }
  char *again = calc_json(NULL);
  ck_assert_str_eq(again, cold);
  ck_assert_int_eq(n_entries(NULL, 0), n);
  for (int i = 0; i < k; i++) {
    size_t len;
    char *now = tu_slurp(path[i], &len);
    ck_assert_msg(len == glen[i] && memcmp(now, good[i], len) == 0,
                  "the record of %s was not rewritten", used_kinds[i]);
    free(now);
    free(good[i]);
  }
  free(again);
  free(cold);
}

START_TEST(t_records_truncated) { damage_records(truncate_half); }
END_TEST
START_TEST(t_records_flipped) { damage_records(flip_payload); }
END_TEST
START_TEST(t_records_other_format) { damage_records(other_format); }
END_TEST
START_TEST(t_records_grown) { damage_records(grown); }
END_TEST
START_TEST(t_records_emptied) { damage_records(emptied); }
END_TEST

/* Records whose checksum is right but whose contents are not consistent
   (as a record of another layout or a program's bug would be): stored
   again through ycache_record_put with a good checksum, each is refused,
   the classes converted again (the cold output) and the record rewritten
   as it was. */
static int bad_how;
static void inconsistent(const char *path, size_t len)
{
  char *d = tu_slurp(path, NULL);
  ycache_key key;
  memcpy(key.h, d + 16, 16);
  const char *what = d + 48;
  size_t w = strlen(what) + 1, pad = (w + 7) & ~(size_t)7;
  unsigned char *data = (unsigned char *)d + 48 + pad;
  size_t dlen = len - 48 - pad;
  uint64_t all = ~(uint64_t)0;
  switch (bad_how) {
  case 0: /* cut short */
    dlen /= 2;
    break;
  case 1: /* a class node more than the rules have */
    data[0] ^= 1;
    break;
  case 2: /* more classes than nodes */
    memcpy(data + 8, &all, 8);
    break;
  /* the classes follow the two counts, each kept as the eq_class it is
     with references for pointers */
  case 3: /* the first class's first string out of the strings */
    memcpy(data + 16 + offsetof(eq_class, name.zh), &all, 8);
    break;
  case 4: /* its list of types past the words */
    memcpy(data + 16 + offsetof(eq_class, types), &all, 8);
    break;
  case 5: /* its has_capacity flag neither 0 nor 1 */
    data[16 + offsetof(eq_class, has_capacity)] = 2;
    break;
  case 6: /* the last string without its NUL */
    data[dlen - 1] = 'x';
    break;
  case 7: /* no data at all */
    dlen = 0;
    break;
  }
  unlink(path);
  ycache_record_put(&key, what, data, dlen);
  free(d);
}

START_TEST(t_records_inconsistent)
{
  bad_how = _i;
  damage_records(inconsistent);
}
END_TEST

/* The records of the graded kinds and equipment.yaml's whole tree (the
   largest entry) damaged, the mark and the pruned tree intact: the kinds
   come from the pruned tree, the graded kinds' classes from the kept text
   parsed again (ytree_whole_tree); the cold output, nothing new, and the
   records and the whole tree rewritten as they were. */
START_TEST(t_pruned_whole_damaged)
{
  char *cold = cold_json(NULL);
  free(calc_json(NULL));
  char names[80][64];
  int n = n_entries(names, 80);
  ck_assert_int_le(n, 80);
  char path[8][512];
  char *good[8];
  size_t glen[8];
  off_t big = 0;
  for (int i = 0; i < n; i++) {
    char p[512];
    struct stat st;
    snprintf(p, sizeof p, "%s/%.63s", entries, names[i]);
    if (stat(p, &st) == 0 && st.st_size > big) {
      big = st.st_size;
      snprintf(path[0], sizeof path[0], "%s", p);
    }
  }
  ck_assert_int_gt(big, 1000000); /* the whole equipment tree */
  int k = 1;
  for (; used_kinds[k - 1]; k++)
    ck_assert(record_of(used_kinds[k - 1], path[k], sizeof path[k]));
  for (int i = 0; i < k; i++) {
    good[i] = tu_slurp(path[i], &glen[i]);
    flip_payload(path[i], glen[i]);
  }
  char *again = calc_json(NULL);
  ck_assert_str_eq(again, cold);
  ck_assert_int_eq(n_entries(NULL, 0), n);
  for (int i = 0; i < k; i++) {
    size_t len;
    char *now = tu_slurp(path[i], &len);
    ck_assert_msg(len == glen[i] && memcmp(now, good[i], len) == 0,
                  "%s was not rewritten", path[i]);
    free(now);
    free(good[i]);
  }
  free(again);
  free(cold);
}
END_TEST

/* A --rules layer whose equipment.yaml renames a class the sample grades
   changes the output as a cold run does, first and from the records; an
   edit of the layer to the same size and time stamps too; and the
   shipped rules alone still give their own output. */
START_TEST(t_classes_rules_layer)
{
  char layer[128], eq[160];
  snprintf(layer, sizeof layer, "%s/firm", tmp);
  snprintf(eq, sizeof eq, "%s/equipment.yaml", layer);
  mkdir(layer, 0755);
  char src[512];
  snprintf(src, sizeof src, "%s/rules/equipment.yaml", tu_root());
  size_t len;
  char *text = tu_slurp(src, &len);
  ck_assert_ptr_nonnull(text);
  char *at = strstr(text, "en: \"250 kW, 4-pole\"}");
  ck_assert_ptr_nonnull(at);
  memcpy(at + 5, "250 kW, 4-POLE", 14);
  rewrite(eq, text, len);
  struct stat st;
  ck_assert_int_eq(stat(eq, &st), 0);
  char *shipped = cold_json(NULL);
  char *cold1 = cold_json(layer);
  ck_assert_ptr_null(strstr(shipped, "250 kW, 4-POLE"));
  ck_assert_ptr_nonnull(strstr(cold1, "250 kW, 4-POLE"));
  char *warm1 = calc_json(layer);
  char *hit1 = calc_json(layer);
  ck_assert_str_eq(warm1, cold1);
  ck_assert_str_eq(hit1, cold1);
  char *alone = calc_json(NULL);
  char *alone_hit = calc_json(NULL);
  ck_assert_str_eq(alone, shipped);
  ck_assert_str_eq(alone_hit, shipped);
  memcpy(at + 5, "250 kW, 4-Pole", 14); /* same size */
  rewrite(eq, text, len);
  struct timeval tv[2] = {{st.st_atime, 0}, {st.st_mtime, 0}};
  ck_assert_int_eq(utimes(eq, tv), 0);
  char *cold2 = cold_json(layer);
  char *hit2 = calc_json(layer);
  ck_assert_ptr_nonnull(strstr(cold2, "250 kW, 4-Pole"));
  ck_assert_str_eq(hit2, cold2);
  free(text);
  free(shipped);
  free(cold1);
  free(warm1);
  free(hit1);
  free(alone);
  free(alone_hit);
  free(cold2);
  free(hit2);
}
END_TEST

/* An equipment layer with an error in a class: reported the same on
   every run, whatever the cache holds (a file with a diagnostic is never
   marked, so its classes are always converted), and no mark is written
   for it. */
START_TEST(t_classes_error_every_run)
{
  char layer[128], eq[160];
  snprintf(layer, sizeof layer, "%s/firm", tmp);
  snprintf(eq, sizeof eq, "%s/equipment.yaml", layer);
  mkdir(layer, 0755);
  char src[512];
  snprintf(src, sizeof src, "%s/rules/equipment.yaml", tu_root());
  size_t len;
  char *text = tu_slurp(src, &len);
  ck_assert_ptr_nonnull(text);
  /* a class of the chillers (which the sample does not grade): its
     first grade value made a word */
  char *chiller = strstr(text, "\n  chiller:");
  ck_assert_ptr_nonnull(chiller);
  char *g = strstr(chiller, "grades: [\"");
  ck_assert_ptr_nonnull(g);
  g += strlen("grades: [\"");
  g[0] = 'x';
  rewrite(eq, text, len);
  free(calc_json(NULL)); /* the shipped rules marked */
  char sample[512];
  snprintf(sample, sizeof sample, "%s/samples/cement-plant.yaml", tu_root());
  const char *argv[] = {tu_bin(), "calc", sample, "--json", "--rules", layer,
                        NULL};
  char *out[3], *err[3];
  int n0 = n_entries(NULL, 0);
  for (int i = 0; i < 3; i++) {
    if (i == 0)
      setenv("AUDITGEN_CACHE", "off", 1);
    ck_assert_int_eq(tu_exec(argv, NULL, &out[i], &err[i]), 1);
    unsetenv("AUDITGEN_CACHE");
    ck_assert_str_eq(out[i], "");
  }
  ck_assert_ptr_nonnull(strstr(err[0], "equipment.yaml:"));
  ck_assert_ptr_nonnull(strstr(err[0], "kinds.chiller.classes["));
  ck_assert_str_eq(err[1], err[0]);
  ck_assert_str_eq(err[2], err[0]);
  char names[80][64];
  int n = n_entries(names, 80), marks = 0;
  for (int i = 0; i < n && i < 80; i++)
    marks += is_mark(names[i]);
  ck_assert_int_eq(marks, 1); /* the shipped rules' alone */
  ck_assert_int_ge(n, n0);
  for (int i = 0; i < 3; i++) {
    free(out[i]);
    free(err[i]);
  }
  free(text);
}
END_TEST

/* }====================================================== */

Suite *ycache_suite(void)
{
  Suite *s = suite_create("ycache");
  TCase *tc = tcase_create("ycache");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, t_hit_same_output);
  tcase_add_test(tc, t_permissions);
  tcase_add_test(tc, t_truncated);
  tcase_add_test(tc, t_truncated_header);
  tcase_add_test(tc, t_flipped);
  tcase_add_test(tc, t_other_format);
  tcase_add_test(tc, t_wrong_length);
  tcase_add_test(tc, t_grown);
  tcase_add_test(tc, t_emptied);
  tcase_add_test(tc, t_decode_hostile);
  tcase_add_test(tc, t_stale_same_size_and_time);
  tcase_add_test(tc, t_stale_rules_layer);
  tcase_add_test(tc, t_mapped_once);
  tcase_add_test(tc, t_use_recorded);
  tcase_add_test(tc, t_mapped_flipped);
  tcase_add_test(tc, t_mapped_checksum);
  tcase_add_test(tc, t_mapped_magic);
  tcase_add_test(tc, t_mapped_truncated);
  tcase_add_test(tc, t_text_size_lies);
  tcase_add_test(tc, t_rule_errors_same);
  tcase_add_test(tc, t_unwritable);
  tcase_add_test(tc, t_shared_folder_refused);
  tcase_add_test(tc, t_foreign_home);
  tcase_add_test(tc, t_off);
  tcase_add_test(tc, t_hash);
  tcase_add_test(tc, t_hash_fast);
  tcase_add_test(tc, t_checksum);
  tcase_add_test(tc, t_classes_kept);
  tcase_add_test(tc, t_classes_kept_every_sample);
  tcase_add_test(tc, t_records_truncated);
  tcase_add_test(tc, t_records_flipped);
  tcase_add_test(tc, t_records_other_format);
  tcase_add_test(tc, t_records_grown);
  tcase_add_test(tc, t_records_emptied);
  tcase_add_loop_test(tc, t_records_inconsistent, 0, 8);
  tcase_add_test(tc, t_pruned_whole_damaged);
  tcase_add_test(tc, t_classes_rules_layer);
  tcase_add_test(tc, t_classes_error_every_run);
  suite_add_tcase(s, tc);
  return s;
}
