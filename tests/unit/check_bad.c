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

#include <math.h>

#include "../../generator/calc/calc.h"
#include "../../generator/chart/chart.h"
#include "../../generator/rules/checks.h"
#include "../../generator/template/charts.h"
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

/* Rule directories that load but cannot be run over a facility: `auditgen
   calc samples/cement-plant.yaml --rules tests/bad-rules-run/NAME -o OUT`
   must exit 1, print exactly NAME.err and write nothing (checks whose
   evaluation exceeds the budget of expr.h). */
START_TEST(t_bad_rules_run)
{
  char dir[512];
  snprintf(dir, sizeof dir, "%s/tests/bad-rules-run", tu_root());
  struct dirent **list;
  int n = scandir(dir, &list, only_dirs, by_name);
  ck_assert_msg(n >= 4, "tests/bad-rules-run has %d cases", n);
  char tmp[] = "/tmp/auditgen-run-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(tmp));
  char outpath[128];
  snprintf(outpath, sizeof outpath, "%s/out.json", tmp);
  int failures = 0;
  for (int i = 0; i < n; i++) {
    char rel[300], errpath[800];
    snprintf(rel, sizeof rel, "tests/bad-rules-run/%s", list[i]->d_name);
    snprintf(errpath, sizeof errpath, "%s/%s.err", dir, list[i]->d_name);
    const char *argv[] = {tu_bin(), "calc", "samples/cement-plant.yaml",
                          "--rules", rel, "-o", outpath, NULL};
    char *out, *err;
    int rc = tu_exec(argv, tu_root(), &out, &err);
    char *want = tu_slurp(errpath, NULL);
    struct stat st;
    bool wrote = stat(outpath, &st) == 0;
    if (rc != 1 || wrote || !want || strcmp(want, err) != 0) {
      failures++;
      fprintf(stderr, "bad rules run %s: exit %d (want 1), output %s\n--- want\n%s--- got\n%s",
              rel, rc, wrote ? "WRITTEN" : "absent", want ? want : "(no .err file)\n", err);
      unlink(outpath);
    }
    free(out);
    free(err);
    free(want);
    free(list[i]);
  }
  free(list);
  rmdir(tmp);
  ck_assert_msg(failures == 0, "%d of %d bad rule runs failed", failures, n);
}
END_TEST

/* A rules directory of 60,000 checks loads in linear time (the id of
   each new check was compared with every earlier one, here sharing a
   long prefix: half a minute), and a duplicate id among them is still
   found. */
START_TEST(t_many_checks)
{
  char dir[] = "/tmp/auditgen-checks-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  char sub[128], path[160];
  snprintf(sub, sizeof sub, "%s/checks", dir);
  ck_assert_int_eq(mkdir(sub, 0777), 0);
  snprintf(path, sizeof path, "%s/x.yaml", sub);
  FILE *f = fopen(path, "w");
  ck_assert_ptr_nonnull(f);
  fputs("checks:\n", f);
#define LONG_ID "prefix_shared_by_every_check_id_so_comparing_two_is_slow_"
  for (int i = 0; i < 60000; i++)
    fprintf(f, "  - {id: " LONG_ID "%d, when: energy.total_tce > %d, "
               "severity: info, text: {zh: a, en: b}, source: s}\n", i, i);
  fputs("  - {id: " LONG_ID "7, when: true, severity: info, text: {zh: a, "
        "en: b}, source: s}\n", f);
  fclose(f);
  const char *argv[] = {tu_bin(), "rules", "check", dir, NULL};
  char *out, *err;
  int rc = tu_exec(argv, tu_root(), &out, &err);
  unlink(path);
  rmdir(sub);
  rmdir(dir);
  ck_assert_int_eq(rc, 1);
  ck_assert_msg(strstr(err, "/checks/x.yaml:60002:5: error: duplicate check "
                            "id \"" LONG_ID "7\" (first at line 9)\n") != NULL,
                "%s", err);
  ck_assert_ptr_nonnull(strstr(err, "rules: 1 error\n"));
  free(out);
  free(err);
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
      {"import", "tests/fuzz/corpus_import", NULL, NULL, NULL},
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

/* Hostile variants of the cement sample: each quantity written in quotes
   ("1,553,260 t") and each dial reading replaced in turn by 0, −1, 1e300,
   1e-300 and "1e308 万t". Every variant is either refused — each error at
   a file:line:column — or computed with every number finite (calc's
   guard) and charts whose commands are finite and inside their box. A
   crash, a sanitizer report or an error without a position fails. The
   rules are loaded once; each variant has an arena of its own. */
static double box_measure(void *ctx, const char *s, size_t len, lay_face face,
                          double size)
{
  (void)ctx;
  (void)s;
  (void)face;
  return (double)len * size * 0.5;
}

START_TEST(t_hostile_sample)
{
  static const char *const subst[] = {"0", "-1", "1e300", "1e-300",
                                      "1e308 万t"};
  static const char *const kinds[] = {"monthly", "structure", "flow",
                                      "benchmark", "carbon", "macc"};
  char path[512];
  snprintf(path, sizeof path, "%s/samples/cement-plant.yaml", tu_root());
  size_t len;
  char *text = tu_slurp(path, &len);
  ck_assert_ptr_nonnull(text);
  size_t variants = 0, refused = 0;
  tu_run r;
  tu_open(&r);
  for (size_t i = 0; i < len; i++) {
    /* a number that opens a quoted quantity, or a dial reading */
    bool quoted = text[i] == '"' && i + 1 < len && text[i + 1] >= '0' &&
                  text[i + 1] <= '9';
    bool dial = (i >= 7 && strncmp(text + i - 7, "start: ", 7) == 0) ||
                (i >= 5 && strncmp(text + i - 5, "end: ", 5) == 0 &&
                 text[i] >= '0' && text[i] <= '9') ||
                (i >= 12 && strncmp(text + i - 12, "multiplier: ", 12) == 0);
    if (!quoted && !dial)
      continue;
    size_t from = quoted ? i + 1 : i, to = from;
    while (to < len && strchr("0123456789,.", text[to]) != NULL)
      to++;
    if (to == from)
      continue;
    for (size_t k = 0; k < sizeof subst / sizeof *subst; k++) {
      const char *sub = subst[k];
      size_t cut_to = to;
      if (strchr(sub, ' ')) {
        if (!quoted)
          continue;
        while (cut_to < len && text[cut_to] != '"')
          cut_to++; /* the unit goes too */
      }
      size_t n = from + strlen(sub) + (len - cut_to);
      char *v = malloc(n + 1);
      memcpy(v, text, from);
      memcpy(v + from, sub, strlen(sub));
      memcpy(v + from + strlen(sub), text + cut_to, len - cut_to);
      v[n] = '\0';
      arena *a = arena_new();
      diag_list *dl = diag_new(a);
      model *m = model_load_text(a, dl, r.u, r.f, v, n, "cement.yaml");
      value *results = m ? calc_run(a, dl, m, r.f, "cement") : NULL;
      variants++;
      if (!results) {
        refused++;
        size_t nd;
        diag **all = diag_sorted(dl, &nd);
        ck_assert_uint_gt(diag_errors(dl), 0);
        for (size_t d = 0; d < nd; d++)
          ck_assert_msg(all[d]->sev != DIAG_ERROR || all[d]->pos.line > 0,
                        "variant at byte %zu (%s): error without a line: %s",
                        from, sub, all[d]->msg);
      } else {
        checks_run(a, r.checks, results, dl);
        ck_assert_uint_eq(calc_check_finite(a, dl, m, results), 0);
        for (size_t c = 0; c < 6; c++) {
          doc_chart *ch = charts_build(a, kinds[c], results);
          ch_drawing *d = chart_draw(a, ch, 481.9, 190, LANG_EN, box_measure,
                                     NULL);
          for (size_t j = 0; j < d->n; j++) {
            const ch_cmd *cm = &d->cmds[j];
            ck_assert_msg(isfinite(cm->x) && isfinite(cm->y) &&
                              isfinite(cm->w) && isfinite(cm->h),
                          "variant at byte %zu (%s): %s chart not finite",
                          from, sub, kinds[c]);
            if (cm->kind == CH_RECT)
              ck_assert_msg(cm->x >= -0.01 && cm->y >= -0.01 &&
                                cm->x + cm->w <= d->w + 0.01 &&
                                cm->y + cm->h <= d->h + 0.01,
                            "variant at byte %zu (%s): %s chart outside",
                            from, sub, kinds[c]);
          }
        }
      }
      arena_free(a);
      free(v);
    }
  }
  tu_close(&r);
  free(text);
  /* the sample has about a hundred quantities (457 variants); most are
     refused (1e300, 1e-300, 万t where no mass goes, −1 where no negative
     goes: 394), the rest computed */
  ck_assert_uint_gt(variants, 400);
  ck_assert_uint_gt(refused, variants / 2);
  ck_assert_uint_lt(refused, variants);
}
END_TEST

Suite *bad_suite(void)
{
  Suite *s = suite_create("bad");
  TCase *tc = tcase_create("catalogue");
  /* one process per case: 329 cases took over 120 s under the sanitizers
     on a loaded machine */
  tcase_set_timeout(tc, 240);
  tcase_add_test(tc, t_catalogue);
  tcase_add_test(tc, t_bad_rules);
  tcase_add_test(tc, t_bad_rules_run);
  tcase_add_test(tc, t_fuzz_replay);
  suite_add_tcase(s, tc);
  /* linear time: 2 s, 5 s under the sanitizers; the quadratic load took
     30 s */
  TCase *big = tcase_create("many checks");
  tcase_set_timeout(big, 20);
  tcase_add_test(big, t_many_checks);
  suite_add_tcase(s, big);
  tc = tcase_create("hostile");
  tcase_set_timeout(tc, 300);
  tcase_add_test(tc, t_hostile_sample);
  suite_add_tcase(s, tc);
  return s;
}
