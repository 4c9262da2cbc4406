/* check_bad.c — the bad-input catalogue: every tests/bad/NAME.yaml must
 * make `auditgen calc` exit 1, print exactly tests/bad/NAME.err on stderr
 * (every error with file:line:column, the source line and carets), and
 * leave no output file. */
#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "suites.h"
#include "testutil.h"


static int by_name(const struct dirent **a, const struct dirent **b)
{
  return strcmp((*a)->d_name, (*b)->d_name);
}

static int only_yaml(const struct dirent *d)
{
  size_t n = strlen(d->d_name);
  return n > 5 && strcmp(d->d_name + n - 5, ".yaml") == 0;
}

START_TEST(t_catalogue)
{
  char dir[512];
  snprintf(dir, sizeof dir, "%s/tests/bad", tu_root());
  struct dirent **list;
  int n = scandir(dir, &list, only_yaml, by_name);
  ck_assert_msg(n >= 25, "tests/bad has %d cases, expected at least 25", n);
  char tmp[] = "/tmp/auditgen-bad-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(tmp));
  char outpath[128];
  snprintf(outpath, sizeof outpath, "%s/out.json", tmp);
  int failures = 0;
  for (int i = 0; i < n; i++) {
    char rel[300], errpath[800];
    snprintf(rel, sizeof rel, "tests/bad/%s", list[i]->d_name);
    snprintf(errpath, sizeof errpath, "%s/%.*s.err", dir,
             (int)strlen(list[i]->d_name) - 5, list[i]->d_name);
    const char *argv[] = {tu_bin(), "calc", rel, "-o", outpath, NULL};
    char *out, *err;
    int rc = tu_exec(argv, tu_root(), &out, &err);
    char *want = tu_slurp(errpath, NULL);
    struct stat st;
    bool wrote = stat(outpath, &st) == 0;
    if (rc != 1 || wrote || !want || strcmp(want, err) != 0) {
      failures++;
      fprintf(stderr,
              "bad case %s: exit %d (want 1), output %s\n--- want\n%s--- got\n%s",
              rel, rc, wrote ? "WRITTEN" : "absent",
              want ? want : "(no .err file)\n", err);
      unlink(outpath);
    }
    free(out);
    free(err);
    free(want);
    free(list[i]);
  }
  free(list);
  rmdir(tmp);
  ck_assert_msg(failures == 0, "%d of %d bad cases failed (details on stderr)",
                failures, n);
}
END_TEST

static int only_dirs(const struct dirent *d)
{
  return d->d_name[0] != '.' && d->d_type == DT_DIR;
}

/* Bad rule directories: `auditgen rules check tests/bad-rules/NAME` must
   exit 1 and print exactly NAME.err. */
START_TEST(t_bad_rules)
{
  char dir[512];
  snprintf(dir, sizeof dir, "%s/tests/bad-rules", tu_root());
  struct dirent **list;
  int n = scandir(dir, &list, only_dirs, by_name);
  ck_assert_msg(n >= 15, "tests/bad-rules has %d cases", n);
  int failures = 0;
  for (int i = 0; i < n; i++) {
    char rel[300], errpath[800];
    snprintf(rel, sizeof rel, "tests/bad-rules/%s", list[i]->d_name);
    snprintf(errpath, sizeof errpath, "%s/%s.err", dir, list[i]->d_name);
    const char *argv[] = {tu_bin(), "rules", "check", rel, NULL};
    char *out, *err;
    int rc = tu_exec(argv, tu_root(), &out, &err);
    char *want = tu_slurp(errpath, NULL);
    if (rc != 1 || !want || strcmp(want, err) != 0) {
      failures++;
      fprintf(stderr, "bad rules %s: exit %d (want 1)\n--- want\n%s--- got\n%s",
              rel, rc, want ? want : "(no .err file)\n", err);
    }
    free(out);
    free(err);
    free(want);
    free(list[i]);
  }
  free(list);
  ck_assert_msg(failures == 0, "%d of %d bad rule directories failed", failures,
                n);
}
END_TEST

/* The fuzz corpora (tests/fuzz/corpus_NAME: inputs that libFuzzer found
   to reach new code, and any that once crashed), with the seeds the
   fuzzers start from, replayed by build/.../replay_NAME: each fuzz target
   linked with a plain main under this build, sanitizers included. A
   crash, a sanitizer report or an abort of the target's own checks
   (a non-finite result, a negative series total) fails the test. */
START_TEST(t_fuzz_replay)
{
  static const char *const runs[][5] = {
      {"load", "tests/fuzz/corpus_load", "samples", "samples/training",
       "tests/bad"},
      {"series", "tests/fuzz/corpus_series", "tests/bad/series", NULL, NULL},
      {"expr", "tests/fuzz/corpus_expr", NULL, NULL, NULL},
      {"tmpl", "tests/fuzz/corpus_tmpl", NULL, NULL, NULL},
      {"style", "tests/fuzz/corpus_style", NULL, NULL, NULL},
      {"report", "tests/fuzz/corpus_report", "samples", "samples/training",
       NULL},
      {"ttf", "tests/fuzz/corpus_ttf", NULL, NULL, NULL},
      {"png", "tests/fuzz/corpus_png", NULL, NULL, NULL},
  };
  char bindir[1024];
  snprintf(bindir, sizeof bindir, "%s", tu_bin());
  char *slash = strrchr(bindir, '/');
  if (slash)
    *slash = '\0';
  int failures = 0;
  for (size_t i = 0; i < sizeof runs / sizeof runs[0]; i++) {
    char bin[1100];
    snprintf(bin, sizeof bin, "%s/replay_%s", slash ? bindir : ".",
             runs[i][0]);
    const char *argv[6] = {bin, NULL, NULL, NULL, NULL, NULL};
    for (int j = 1; j < 5 && runs[i][j]; j++)
      argv[j] = runs[i][j];
    char *out, *err;
    int rc = tu_exec(argv, tu_root(), &out, &err);
    long count = 0;
    if (rc != 0 || sscanf(out, "replayed %ld inputs", &count) != 1 ||
        count < 1) {
      failures++;
      fprintf(stderr, "replay_%s: exit %d\n%s%s", runs[i][0], rc, out, err);
    }
    free(out);
    free(err);
  }
  ck_assert_msg(failures == 0, "%d fuzz corpora failed to replay (stderr)",
                failures);
}
END_TEST

Suite *bad_suite(void)
{
  Suite *s = suite_create("bad");
  TCase *tc = tcase_create("catalogue");
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, t_catalogue);
  tcase_add_test(tc, t_bad_rules);
  tcase_add_test(tc, t_fuzz_replay);
  suite_add_tcase(s, tc);
  return s;
}
