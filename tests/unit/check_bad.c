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

static char *slurp(const char *path)
{
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *s = malloc((size_t)n + 1);
  size_t got = fread(s, 1, (size_t)n, f);
  s[got] = '\0';
  fclose(f);
  return s;
}

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
  ck_assert_msg(n >= 1, "tests/bad has %d cases", n);
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
    char *want = slurp(errpath);
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

Suite *bad_suite(void)
{
  Suite *s = suite_create("bad");
  TCase *tc = tcase_create("catalogue");
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, t_catalogue);
  suite_add_tcase(s, tc);
  return s;
}
