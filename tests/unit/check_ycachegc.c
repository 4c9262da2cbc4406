/* check_ycachegc.c — the cache's housekeeping (ycache.h): entries unused
 * for the maximum age are removed and used ones kept; the size limit
 * removes the least recently used first; files, links and folders not
 * the cache's own are never touched, nor is anything in a folder that is
 * not the user's alone; a run that has an entry mapped goes on reading
 * it; the automatic housekeeping runs once a day, on a run that writes;
 * `auditgen cache --stats/--prune/--clear` and their exit codes. Each
 * test has a cache folder of its own (XDG_CACHE_HOME in its temporary
 * folder), never the user's. */
#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../../generator/base/diag.h"
#include "../../generator/load/ycache.h"
#include "../../generator/load/ytree.h"
#include "suites.h"
#include "testutil.h"

#define DAY 86400

static char tmp[64];      /* the test's folder */
static char cache[128];   /* XDG_CACHE_HOME inside it */
static char entries[160]; /* cache/auditgen */

static void setup(void)
{
  strcpy(tmp, "/tmp/auditgen-ycachegc-XXXXXX");
  ck_assert_ptr_nonnull(mkdtemp(tmp));
  snprintf(cache, sizeof cache, "%s/xdg", tmp);
  snprintf(entries, sizeof entries, "%s/auditgen", cache);
  setenv("XDG_CACHE_HOME", cache, 1);
  unsetenv("AUDITGEN_CACHE");
  unsetenv("AUDITGEN_CACHE_MAX");
  unsetenv("AUDITGEN_CACHE_MAX_AGE");
  /* runs that map the parsed trees (the rules image would spare them:
     its own use is recorded the same way, see check_image.c) */
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

/* The path of name in the cache folder (a static buffer of 4). */
static const char *at(const char *name)
{
  static char bufs[4][512];
  static int k;
  char *p = bufs[k++ % 4];
  snprintf(p, 512, "%s/%s", entries, name);
  return p;
}

static bool exists(const char *path)
{
  struct stat st;
  return lstat(path, &st) == 0;
}

/* Sets path's modification time (not following a link) to now minus
   seconds (negative: ahead). */
static void age(const char *path, double seconds)
{
  struct timespec now;
  clock_gettime(CLOCK_REALTIME, &now);
  struct timespec ts[2];
  ts[0] = now;
  ts[1].tv_sec = now.tv_sec - (time_t)seconds;
  ts[1].tv_nsec = 0;
  ck_assert_int_eq(utimensat(AT_FDCWD, path, ts, AT_SYMLINK_NOFOLLOW), 0);
}

/* The cache folder, 0700, made when missing. */
static void make_folder(void)
{
  mkdir(cache, 0700);
  mkdir(entries, 0700);
  chmod(entries, 0700);
}

/* A file of size bytes in the cache folder, 0600, last modified days ago. */
static void fake(const char *name, size_t size, double days)
{
  make_folder();
  const char *p = at(name);
  int fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  ck_assert_int_ge(fd, 0);
  char zero[4096] = {0};
  for (size_t put = 0; put < size;) {
    size_t n = size - put < sizeof zero ? size - put : sizeof zero;
    ck_assert_int_eq(write(fd, zero, n), (ssize_t)n);
    put += n;
  }
  close(fd);
  age(p, days * DAY);
}

/* An entry's name: 32 hex digits from c, then .ytree. */
static const char *entry(char c)
{
  static char bufs[4][40];
  static int k;
  char *p = bufs[k++ % 4];
  memset(p, c, 32);
  strcpy(p + 32, ".ytree");
  return p;
}

/* The number of entries (names not starting with a dot) in the folder. */
static int n_entries(void)
{
  DIR *d = opendir(entries);
  if (!d)
    return -1;
  int n = 0;
  struct dirent *de;
  while ((de = readdir(d)) != NULL)
    n += de->d_name[0] != '.';
  closedir(d);
  return n;
}

/* Runs `auditgen cache ARG` (arg NULL: none); its exit status. */
static int cache_cmd(const char *arg, char **out, char **err)
{
  const char *argv[] = {tu_bin(), "cache", arg, NULL};
  return tu_exec(argv, NULL, out, err);
}

/* `auditgen cache ARG` must exit 0 and print nothing on stderr; its
   output (free it). */
static char *cache_ok(const char *arg)
{
  char *out, *err;
  int rc = cache_cmd(arg, &out, &err);
  ck_assert_msg(rc == 0, "cache %s: exit %d: %s", arg ? arg : "", rc, err);
  ck_assert_str_eq(err, "");
  free(err);
  return out;
}

/* check of the cement sample, which fills the cache (or hits it). */
static void check_run(void)
{
  char sample[512];
  snprintf(sample, sizeof sample, "%s/samples/cement-plant.yaml", tu_root());
  const char *argv[] = {tu_bin(), "check", sample, NULL};
  char *out, *err;
  int rc = tu_exec(argv, NULL, &out, &err);
  ck_assert_msg(rc == 0, "check exit %d: %s", rc, err);
  ck_assert_str_eq(err, "");
  free(out);
  free(err);
}

/* The name of the folder's first real entry (one the program wrote). */
static void first_real(char *out, size_t cap)
{
  DIR *d = opendir(entries);
  ck_assert_ptr_nonnull(d);
  struct dirent *de;
  out[0] = '\0';
  while ((de = readdir(d)) != NULL)
    if (de->d_name[0] != '.' && strlen(de->d_name) == 38 &&
        de->d_name[0] != de->d_name[1]) /* not one of entry()'s */
      snprintf(out, cap, "%s", de->d_name);
  closedir(d);
  ck_assert(out[0]);
}

/* Ages every file of the folder (the stamp included) by days. */
static void age_all(double days)
{
  DIR *d = opendir(entries);
  ck_assert_ptr_nonnull(d);
  struct dirent *de;
  while ((de = readdir(d)) != NULL)
    if (strcmp(de->d_name, ".") && strcmp(de->d_name, ".."))
      age(at(de->d_name), days * DAY);
  closedir(d);
}

/* {====================================================== age */

/* Unused for the maximum age (30 days): removed; used since: kept. Use
   is recorded to within a day (USE_INTERVAL), so the cut is at 30 + 1
   days of modification time: 31.1 days goes, 30.9 stays (an entry used
   30.9 - 1 < 30 days ago may carry that time). */
START_TEST(t_age)
{
  check_run(); /* real entries, just written */
  int real = n_entries();
  ck_assert_int_ge(real, 30);
  fake(entry('a'), 1000, 40);
  fake(entry('b'), 1000, 20);
  fake(entry('c'), 1000, 31.1);
  fake(entry('d'), 1000, 30.9);
  char *out = cache_ok("--prune");
  ck_assert_ptr_nonnull(strstr(out, "removed 已删除: 2 entries, 2 kB\n"));
  free(out);
  ck_assert(!exists(at(entry('a'))));
  ck_assert(exists(at(entry('b'))));
  ck_assert(!exists(at(entry('c'))));
  ck_assert(exists(at(entry('d'))));
  ck_assert_int_eq(n_entries(), real + 2);
  /* AUDITGEN_CACHE_MAX_AGE=10: 20 days goes (cut at 11); 0: no limit */
  fake(entry('e'), 1000, 400);
  setenv("AUDITGEN_CACHE_MAX_AGE", "0", 1);
  free(cache_ok("--prune"));
  ck_assert(exists(at(entry('e'))));
  setenv("AUDITGEN_CACHE_MAX_AGE", "10d", 1);
  free(cache_ok("--prune"));
  ck_assert(!exists(at(entry('b'))));
  ck_assert(!exists(at(entry('e'))));
  ck_assert_int_eq(n_entries(), real);
}
END_TEST

/* The folder's entries as "name inode\n" lines, sorted (malloc'd). */
static char *snapshot(void)
{
  struct dirent **list;
  int n = scandir(entries, &list, NULL, alphasort);
  ck_assert_int_ge(n, 0);
  size_t cap = 64 * (size_t)n + 1, len = 0;
  char *s = malloc(cap);
  s[0] = '\0';
  for (int i = 0; i < n; i++) {
    struct stat st;
    if (list[i]->d_name[0] != '.' && lstat(at(list[i]->d_name), &st) == 0)
      len += (size_t)snprintf(s + len, cap - len, "%.40s %llu\n",
                              list[i]->d_name,
                              (unsigned long long)st.st_ino);
    free(list[i]);
  }
  free(list);
  return s;
}

/* The number of entries last modified in the last minute. */
static int n_fresh(void)
{
  DIR *d = opendir(entries);
  ck_assert_ptr_nonnull(d);
  int n = 0;
  struct dirent *de;
  struct stat st;
  while ((de = readdir(d)) != NULL)
    n += de->d_name[0] != '.' && stat(at(de->d_name), &st) == 0 &&
         st.st_mtim.tv_sec >= time(NULL) - 60;
  closedir(d);
  return n;
}

/* A run that maps an entry records the use: of entries aged 40 days, those
   a hit maps are touched and kept by --prune, the others (whole trees a
   check does not need, another set's entry) removed; the run after that
   is still a hit (nothing written). A hit on entries used today changes
   nothing (no write: recording use costs a clock read). */
START_TEST(t_used_kept)
{
  check_run();
  int real = n_entries();
  char *s0 = snapshot();
  struct stat st0, st1;
  char name[64];
  first_real(name, sizeof name);
  ck_assert_int_eq(stat(at(name), &st0), 0);
  check_run(); /* a hit the same day */
  ck_assert_int_eq(stat(at(name), &st1), 0);
  ck_assert_int_eq(st1.st_mtim.tv_sec, st0.st_mtim.tv_sec);
  ck_assert_int_eq(st1.st_mtim.tv_nsec, st0.st_mtim.tv_nsec);
  ck_assert_int_eq(st1.st_ctim.tv_sec, st0.st_ctim.tv_sec);
  ck_assert_int_eq(st1.st_ctim.tv_nsec, st0.st_ctim.tv_nsec);
  age_all(40);
  ck_assert_int_eq(n_fresh(), 0);
  check_run(); /* a hit 40 days on: every entry it maps is touched */
  char *s1 = snapshot();
  ck_assert_str_eq(s1, s0); /* nothing rewritten or added */
  int used = n_fresh();
  ck_assert_int_ge(used, 20);
  ck_assert_int_le(used, real);
  fake(entry('a'), 1000, 40); /* not used by the run */
  char *out = cache_ok("--prune");
  char want[64];
  snprintf(want, sizeof want, "removed 已删除: %d entries, ",
           real - used + 1);
  ck_assert_ptr_nonnull(strstr(out, want));
  free(out);
  ck_assert_int_eq(n_entries(), used);
  ck_assert_int_eq(n_fresh(), used);
  char *s2 = snapshot();
  check_run(); /* what it uses was kept: nothing written */
  char *s3 = snapshot();
  ck_assert_str_eq(s3, s2);
  free(s0);
  free(s1);
  free(s2);
  free(s3);
}
END_TEST

/* }====================================================== */

/* {====================================================== size */

/* Five entries of 10,000 bytes used 5, 4, 3, 2 and 1 days ago (50,000
   bytes). A limit of 29k (29,000) removes the three oldest (50,000 ->
   40,000 -> 30,000 > 29,000 -> 20,000); 30k keeps three (30,000 is not
   over 30,000); 30KiB (30,720) keeps three; 0 is no limit. */
static void five(void)
{
  for (int i = 0; i < 5; i++)
    fake(entry((char)('1' + i)), 10000, 5 - i);
}

static int kept_of_five(void)
{
  int n = 0;
  for (int i = 0; i < 5; i++)
    n += exists(at(entry((char)('1' + i))));
  return n;
}

START_TEST(t_size_limit)
{
  five();
  setenv("AUDITGEN_CACHE_MAX", "29k", 1);
  char *out = cache_ok("--prune");
  ck_assert_str_eq(out, "removed 已删除: 3 entries, 30 kB\n"
                        "left 保留: 2 entries, 20 kB\n");
  free(out);
  /* the oldest used went first */
  ck_assert(!exists(at(entry('1'))));
  ck_assert(!exists(at(entry('2'))));
  ck_assert(!exists(at(entry('3'))));
  ck_assert(exists(at(entry('4'))));
  ck_assert(exists(at(entry('5'))));

  five();
  setenv("AUDITGEN_CACHE_MAX", "30k", 1);
  free(cache_ok("--prune"));
  ck_assert_int_eq(kept_of_five(), 3);
  ck_assert(exists(at(entry('3'))));

  five();
  setenv("AUDITGEN_CACHE_MAX", "30KiB", 1);
  free(cache_ok("--prune"));
  ck_assert_int_eq(kept_of_five(), 3);

  five();
  setenv("AUDITGEN_CACHE_MAX", "0", 1);
  free(cache_ok("--prune"));
  ck_assert_int_eq(kept_of_five(), 5);

  /* a plain number is MB: 0.04 MB does not parse, 1 (MB) keeps all */
  setenv("AUDITGEN_CACHE_MAX", "1", 1);
  free(cache_ok("--prune"));
  ck_assert_int_eq(kept_of_five(), 5);

  /* a value not understood: a warning, the default (200M) */
  setenv("AUDITGEN_CACHE_MAX", "lots", 1);
  setenv("AUDITGEN_CACHE_MAX_AGE", "a month", 1);
  char *err;
  ck_assert_int_eq(cache_cmd("--prune", &out, &err), 0);
  ck_assert_ptr_nonnull(
      strstr(err, "AUDITGEN_CACHE_MAX=lots is not a size"));
  ck_assert_ptr_nonnull(
      strstr(err, "AUDITGEN_CACHE_MAX_AGE=a month is not a number of days"));
  ck_assert_int_eq(kept_of_five(), 5);
  free(out);
  free(err);
}
END_TEST

/* }====================================================== */

/* {====================================================== what is not ours */

/* Everything in the folder that is not a regular file of the user's own
   named like an entry (or a write's temporary file a day old) is left
   alone by --prune and --clear, however old: other names, a link named
   like an entry (and the file it points to, outside), a folder named
   like one (and what is in it), a FIFO. */
START_TEST(t_foreign_untouched)
{
  make_folder();
  char outside[128], sub[512], inner[600];
  snprintf(outside, sizeof outside, "%s/outside.ytree", tmp);
  FILE *f = fopen(outside, "w");
  ck_assert_ptr_nonnull(f);
  fputs("not the cache's\n", f);
  fclose(f);
  age(outside, 400.0 * DAY);
  fake("README", 100, 400);
  fake("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.ytree.bak", 100, 400);
  fake("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ytree", 100, 400); /* upper case */
  fake("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.ytree", 100, 400);  /* 31 digits */
  fake(".new-abc12", 100, 400);                             /* 5 letters */
  fake(".new-abc123", 100, 2);  /* a write's, 2 days old: removed */
  fake(".new-abc124", 100, 0.1); /* a write's under way: kept */
  fake(entry('9'), 100, 400);   /* an entry: removed */
  ck_assert_int_eq(symlink(outside, at(entry('l'))), 0);
  age(at(entry('l')), 400.0 * DAY);
  snprintf(sub, sizeof sub, "%s", at(entry('d')));
  ck_assert_int_eq(mkdir(sub, 0700), 0);
  snprintf(inner, sizeof inner, "%s/%s", sub, entry('i'));
  f = fopen(inner, "w");
  ck_assert_ptr_nonnull(f);
  fclose(f);
  age(inner, 400.0 * DAY);
  age(sub, 400.0 * DAY);
  ck_assert_int_eq(mkfifo(at(entry('f')), 0600), 0);
  age(at(entry('f')), 400.0 * DAY);
  bool root = geteuid() == 0;
  if (root) { /* another user's file named like an entry */
    fake(entry('o'), 100, 400);
    ck_assert_int_eq(chown(at(entry('o')), 65534, 65534), 0);
  }

  char *out = cache_ok("--prune");
  ck_assert_ptr_nonnull(strstr(out, "removed 已删除: 2 entries, 200 bytes\n"));
  ck_assert_ptr_nonnull(strstr(out, root ? "left alone 未动: 9 other"
                                         : "left alone 未动: 8 other"));
  free(out);
  ck_assert(!exists(at(entry('9'))));
  ck_assert(!exists(at(".new-abc123")));
  out = cache_ok("--clear"); /* also a write's temporary file, however new */
  ck_assert_ptr_nonnull(strstr(out, "removed 已删除: 1 entries, 100 bytes\n"));
  free(out);
  ck_assert(!exists(at(".new-abc124")));

  const char *kept[] = {"README",
                        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.ytree.bak",
                        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ytree",
                        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.ytree",
                        ".new-abc12",
                        entry('l'),
                        entry('d'),
                        entry('f')};
  for (size_t i = 0; i < sizeof kept / sizeof kept[0]; i++)
    ck_assert_msg(exists(at(kept[i])), "%s removed", kept[i]);
  struct stat st;
  ck_assert_int_eq(lstat(at(entry('l')), &st), 0);
  ck_assert(S_ISLNK(st.st_mode));
  ck_assert(exists(outside));
  ck_assert(exists(inner));
  if (root)
    ck_assert(exists(at(entry('o'))));
}
END_TEST

/* A folder the reader would not use is left alone, whatever is in it:
   one others may write, a link to a folder, a file, another user's. */
START_TEST(t_folder_not_own)
{
  fake(entry('a'), 100, 400);
  chmod(entries, 0777);
  const char *jobs[] = {"--prune", "--clear", "--stats"};
  for (int j = 0; j < 3; j++) {
    char *out, *err;
    ck_assert_int_eq(cache_cmd(jobs[j], &out, &err), 3);
    ck_assert_str_eq(out, "");
    ck_assert_ptr_nonnull(strstr(err, "is not a folder of yours alone"));
    free(out);
    free(err);
    ck_assert(exists(at(entry('a'))));
  }
  check_run(); /* a run neither reads nor writes it, nor cleans it */
  ck_assert(exists(at(entry('a'))));
  ck_assert_int_eq(n_entries(), 1);

  /* the folder a link to a folder of ours */
  chmod(entries, 0700);
  char real[160];
  snprintf(real, sizeof real, "%s/real", tmp);
  ck_assert_int_eq(rename(entries, real), 0);
  ck_assert_int_eq(symlink(real, entries), 0);
  char *out, *err;
  ck_assert_int_eq(cache_cmd("--clear", &out, &err), 3);
  free(out);
  free(err);
  char p[512];
  snprintf(p, sizeof p, "%s/%s", real, entry('a'));
  ck_assert(exists(p));

  /* another user's folder (needs root to give it away) */
  unlink(entries);
  ck_assert_int_eq(rename(real, entries), 0);
  if (geteuid() == 0) {
    ck_assert_int_eq(chown(entries, 65534, 65534), 0);
    ck_assert_int_eq(cache_cmd("--clear", &out, &err), 3);
    free(out);
    free(err);
    ck_assert(exists(at(entry('a'))));
  }
}
END_TEST

/* }====================================================== */

/* {====================================================== mapped entries */

static void write_file(const char *path, const char *text)
{
  FILE *f = fopen(path, "w");
  ck_assert_ptr_nonnull(f);
  fputs(text, f);
  fclose(f);
}

/* Loads path through the cache into a new arena (*a); b reads "two". */
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

/* Another process removes an entry this one has mapped (--prune of an
   entry aged 40 days, and --clear): the tree read from it stays
   readable, and the next load parses the file again and rewrites it. */
static void removed_while_mapped(const char *job)
{
  char path[128];
  snprintf(path, sizeof path, "%s/r.yaml", tmp);
  write_file(path, "a: 1\nb: two\n");
  arena *a0, *a1, *a2;
  load_two(path, &a0); /* parsed, stored */
  ynode *r1 = load_two(path, &a1); /* mapped */
  ck_assert_int_eq(n_entries(), 1);
  age_all(40);
  char *out = cache_ok(job);
  ck_assert_ptr_nonnull(strstr(out, "removed 已删除: 1 entries"));
  free(out);
  ck_assert_int_eq(n_entries(), 0);
  /* the mapping is still there and whole */
  ck_assert_str_eq(ytree_get(r1, "b")->str, "two");
  ck_assert_str_eq(ytree_get(r1, "a")->str, "1");
  load_two(path, &a2); /* parsed again, stored again */
  ck_assert_int_eq(n_entries(), 1);
  ck_assert_str_eq(ytree_get(r1, "b")->str, "two");
  arena_free(a2);
  arena_free(a1);
  arena_free(a0);
}

START_TEST(t_pruned_while_mapped) { removed_while_mapped("--prune"); }
END_TEST

START_TEST(t_cleared_while_mapped) { removed_while_mapped("--clear"); }
END_TEST

/* The housekeeping of a process keeps the entries it mapped or wrote,
   even past the limits: an in-process --clear removes only the others. */
START_TEST(t_own_entries_kept)
{
  char path[128];
  snprintf(path, sizeof path, "%s/r.yaml", tmp);
  write_file(path, "a: 1\nb: two\n");
  arena *a0, *a1;
  load_two(path, &a0); /* written by this process */
  load_two(path, &a1); /* and mapped */
  fake(entry('a'), 100, 400);
  ycache_limits l;
  ycache_limits_get(&l);
  ycache_stats st;
  ck_assert_int_eq(ycache_housekeep(YCACHE_CLEAR, &l, &st), YCACHE_OK);
  ck_assert_uint_eq(st.removed, 1);
  ck_assert_uint_eq(st.entries, 1);
  ck_assert_int_eq(n_entries(), 1);
  ck_assert(!exists(at(entry('a'))));
  arena_free(a1);
  arena_free(a0);
}
END_TEST

/* }====================================================== */

/* {====================================================== automatic */

/* The automatic housekeeping: on a run that writes an entry, when the
   stamp (.housekeeping) is a day old or missing, never on a run that only
   reads; the stamp then says when. */
START_TEST(t_stamp_once_a_day)
{
  fake(entry('a'), 100, 40); /* unused for 40 days */
  check_run(); /* writes every entry: housekeeping (no stamp yet) */
  ck_assert(!exists(at(entry('a'))));
  struct stat st;
  ck_assert_int_eq(lstat(at(".housekeeping"), &st), 0);
  ck_assert(S_ISREG(st.st_mode));
  ck_assert_int_eq(st.st_mode & 07777, 0600);
  ck_assert_int_ge(st.st_mtim.tv_sec, time(NULL) - 60);
  int real = n_entries();

  /* the same day, a run that writes: no housekeeping */
  char name[64];
  fake(entry('b'), 100, 40);
  first_real(name, sizeof name);
  unlink(at(name));
  check_run();
  ck_assert(exists(at(name))); /* written again */
  ck_assert(exists(at(entry('b'))));

  /* a day later, a run that only reads: none either */
  age(at(".housekeeping"), 1.5 * DAY);
  check_run();
  ck_assert(exists(at(entry('b'))));
  ck_assert_int_eq(lstat(at(".housekeeping"), &st), 0);
  ck_assert_int_lt(st.st_mtim.tv_sec, time(NULL) - DAY);

  /* and a run that writes: housekeeping, the stamp set again */
  unlink(at(name));
  check_run();
  ck_assert(!exists(at(entry('b'))));
  ck_assert_int_eq(n_entries(), real);
  ck_assert_int_eq(lstat(at(".housekeeping"), &st), 0);
  ck_assert_int_ge(st.st_mtim.tv_sec, time(NULL) - 60);

  /* a stamp two days ahead (a clock set back) does not stop it */
  fake(entry('c'), 100, 40);
  age(at(".housekeeping"), -2.0 * DAY);
  unlink(at(name));
  check_run();
  ck_assert(!exists(at(entry('c'))));

  /* --prune sets the stamp too; --stats says when */
  age(at(".housekeeping"), 3.0 * DAY);
  free(cache_ok("--prune"));
  ck_assert_int_eq(lstat(at(".housekeeping"), &st), 0);
  ck_assert_int_ge(st.st_mtim.tv_sec, time(NULL) - 60);
}
END_TEST

/* The automatic size limit removes the least recently used entries of
   other runs, never those the run has mapped or written: under a 1 kB
   limit a run keeps what it uses (those it had not mapped yet when the
   housekeeping ran are written again), an entry of another set goes, and
   the next run is a hit (nothing written). */
START_TEST(t_auto_limit_keeps_run)
{
  check_run();
  fake(entry('a'), 5000, 2); /* another set's, used 2 days ago */
  age(at(".housekeeping"), 2.0 * DAY);
  setenv("AUDITGEN_CACHE_MAX", "1k", 1);
  char name[64];
  first_real(name, sizeof name);
  unlink(at(name));
  check_run(); /* writes an entry: housekeeping */
  ck_assert(!exists(at(entry('a'))));
  ck_assert_int_ge(n_entries(), 20);
  char *s0 = snapshot();
  check_run();
  char *s1 = snapshot();
  ck_assert_str_eq(s1, s0);
  free(s0);
  free(s1);
}
END_TEST

/* }====================================================== */

/* {====================================================== the command */

START_TEST(t_cache_command)
{
  /* no folder yet */
  char *out = cache_ok(NULL);
  ck_assert_ptr_nonnull(strstr(out, "entries 条目: 0\n"));
  ck_assert_ptr_nonnull(strstr(out, "(none yet)"));
  free(out);
  out = cache_ok("--clear");
  free(out);

  check_run();
  int real = n_entries();
  age_all(3); /* the oldest use 3 days ago */
  out = cache_ok("--stats");
  char want[128];
  snprintf(want, sizeof want, "entries 条目: %d, ", real);
  ck_assert_ptr_nonnull(strstr(out, want));
  ck_assert_ptr_nonnull(strstr(out, entries));
  ck_assert_ptr_nonnull(strstr(out, "(3 days ago)"));
  ck_assert_ptr_nonnull(strstr(out, "limits 上限: 200 MB (AUDITGEN_CACHE_MAX), "
                                    "unused 30 days (AUDITGEN_CACHE_MAX_AGE)"));
  ck_assert_ptr_nonnull(strstr(out, "housekeeping 清理: last "));
  ck_assert_ptr_null(strstr(out, "left alone"));
  free(out);
  ck_assert_int_eq(n_entries(), real); /* --stats removes nothing */

  out = cache_ok("--clear");
  snprintf(want, sizeof want, "removed 已删除: %d entries, ", real);
  ck_assert_ptr_nonnull(strstr(out, want));
  ck_assert_ptr_nonnull(strstr(out, "left 保留: 0 entries, 0 bytes\n"));
  free(out);
  ck_assert_int_eq(n_entries(), 0);
  out = cache_ok("--stats");
  ck_assert_ptr_nonnull(strstr(out, "entries 条目: 0, 0 bytes\n"));
  free(out);

  /* help, and the overview names the command */
  out = cache_ok("--help");
  ck_assert(strncmp(out, "usage: auditgen cache [--stats | --prune | --clear]",
                    51) == 0);
  ck_assert_ptr_nonnull(strstr(out, "AUDITGEN_CACHE_MAX_AGE"));
  free(out);
  char *err;
  const char *help[] = {tu_bin(), "--help", NULL};
  ck_assert_int_eq(tu_exec(help, NULL, &out, &err), 0);
  ck_assert_ptr_nonnull(strstr(out, "  cache [--stats|--prune|--clear]\n"));
  free(out);
  free(err);

  /* usage errors: 2, nothing done */
  check_run();
  real = n_entries();
  const char *bad[][3] = {{"--bogus", NULL, "unknown option --bogus"},
                          {"file.yaml", NULL, "cache takes no file"},
                          {"--stats", "--clear", "one of --stats"},
                          {"--clear", "--prune", "one of --stats"}};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    const char *argv[] = {tu_bin(), "cache", bad[i][0], bad[i][1], NULL};
    ck_assert_int_eq(tu_exec(argv, NULL, &out, &err), 2);
    ck_assert_str_eq(out, "");
    ck_assert_ptr_nonnull(strstr(err, bad[i][2]));
    ck_assert_ptr_nonnull(strstr(err, "usage: auditgen cache"));
    free(out);
    free(err);
  }
  ck_assert_int_eq(n_entries(), real);

  /* no home: 3 */
  unsetenv("XDG_CACHE_HOME");
  unsetenv("HOME");
  ck_assert_int_eq(cache_cmd("--stats", &out, &err), 3);
  ck_assert_ptr_nonnull(strstr(err, "no cache folder"));
  free(out);
  free(err);
  setenv("XDG_CACHE_HOME", cache, 1);

  /* an entry that cannot be removed: 3 (a folder without write
     permission stops no one as root) */
  if (geteuid() != 0) {
    chmod(entries, 0500);
    ck_assert_int_eq(cache_cmd("--clear", &out, &err), 3);
    ck_assert_ptr_nonnull(strstr(err, "could not be removed"));
    free(out);
    free(err);
    chmod(entries, 0700);
    ck_assert_int_eq(n_entries(), real);
  }
}
END_TEST

/* }====================================================== */

Suite *ycachegc_suite(void)
{
  Suite *s = suite_create("ycachegc");
  TCase *tc = tcase_create("ycachegc");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, t_age);
  tcase_add_test(tc, t_used_kept);
  tcase_add_test(tc, t_size_limit);
  tcase_add_test(tc, t_foreign_untouched);
  tcase_add_test(tc, t_folder_not_own);
  tcase_add_test(tc, t_pruned_while_mapped);
  tcase_add_test(tc, t_cleared_while_mapped);
  tcase_add_test(tc, t_own_entries_kept);
  tcase_add_test(tc, t_stamp_once_a_day);
  tcase_add_test(tc, t_auto_limit_keeps_run);
  tcase_add_test(tc, t_cache_command);
  suite_add_tcase(s, tc);
  return s;
}
