/* check_batch.c — `auditgen batch` at scale (issue 13, "Scale"): --jobs,
 * DIR/summary.jsonl, --resume, failures isolated, --shard and a list on
 * the standard input, and the contrib/ recipes for GNU parallel and
 * Slurm whose merged summaries equal one batch's. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "suites.h"
#include "testutil.h"

#define LIST                                                                   \
  "samples/training/boiler-house.yaml samples/training/dyeing-plant.yaml "     \
  "samples/training/office-building.yaml tests/bad/unknown-key.yaml"

static char *sh(const char *fmt, const char *dir, int want)
{
  char cmd[4096];
  snprintf(cmd, sizeof cmd, fmt, tu_root(), tu_bin(), dir, dir, dir, dir, dir,
           dir);
  char *out;
  int rc = tu_sh(cmd, &out);
  ck_assert_msg(rc == want, "exit %d, want %d: %s\n%s", rc, want, cmd, out);
  return out;
}

static char *scratch(void)
{
  char *d = strdup("/tmp/auditgen-batch-XXXXXX");
  ck_assert_ptr_nonnull(mkdtemp(d));
  return d;
}

static void rm_scratch(char *d)
{
  char cmd[256];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", d);
  ck_assert_int_eq(system(cmd), 0);
  free(d);
}

static char *slurp2(const char *dir, const char *name)
{
  char p[512];
  snprintf(p, sizeof p, "%s/%s", dir, name);
  char *t = tu_slurp(p, NULL);
  ck_assert_msg(t != NULL, "%s missing", p);
  return t;
}

/* The same table, messages, JSON and summary with one worker or three;
   summary.jsonl has one sorted line per facility with its status,
   totals, findings by severity and outputs. */
START_TEST(t_jobs_same_output)
{
  char *d = scratch();
  char *o1 = sh("cd '%s' && '%s' batch " LIST " -o '%s/a' --jobs 1 "
                ">'%s/a.out' 2>'%s/a.err'; echo $?",
                d, 0);
  char *o3 = sh("cd '%s' && '%s' batch " LIST " -o '%s/b' --jobs 3 "
                ">'%s/b.out' 2>'%s/b.err'; echo $?",
                d, 0);
  ck_assert_str_eq(o1, "1\n"); /* one invalid file */
  ck_assert_str_eq(o3, "1\n");
  free(o1), free(o3);
  char *a = slurp2(d, "a.out"), *b = slurp2(d, "b.out");
  ck_assert_str_eq(a, b);
  ck_assert_msg(strstr(a, "samples/training/boiler-house.yaml") < strstr(a, "tests/bad"), "%s", a);
  free(a), free(b);
  a = slurp2(d, "a.err"), b = slurp2(d, "b.err");
  char *cut = strstr(a, "/a/summary.jsonl");
  ck_assert_ptr_nonnull(cut);
  ck_assert_msg(strstr(a, "batch: 4 facilities: 3 written, 0 up to date, 1 "
                          "failed (1 invalid, 0 not written, 0 crashed); ") !=
                    NULL,
                "%s", a);
  ck_assert_ptr_nonnull(strstr(a, "tests/bad/unknown-key.yaml:4:3: error:"));
  ck_assert_int_eq(strncmp(a, b, (size_t)(cut - a)), 0);
  free(a), free(b);
  a = slurp2(d, "a/boiler-house.json");
  b = slurp2(d, "b/boiler-house.json");
  ck_assert_str_eq(a, b);
  free(a), free(b);
  char *s = slurp2(d, "a/summary.jsonl");
  char want[2048];
  snprintf(want, sizeof want,
           "{\"file\":\"samples/training/boiler-house.yaml\",\"name\":"
           "\"boiler-house\",\"status\":\"ok\",\"total_tce\":4323.464999999999,"
           "\"total_tco2\":11648.632280111999,\"findings\":{\"nonconformity\":1,"
           "\"warning\":1,\"advice\":6,\"info\":6},\"outputs\":[\"%s/a/"
           "boiler-house.json\"]}\n",
           d);
  ck_assert_int_eq(strncmp(s, want, strlen(want)), 0);
  ck_assert_ptr_nonnull(strstr(s, "{\"file\":\"tests/bad/unknown-key.yaml\","
                                  "\"name\":\"unknown-key\",\"status\":"
                                  "\"invalid\",\"errors\":1,\"outputs\":[]}\n"));
  size_t lines = 0;
  for (const char *p = s; *p; p++)
    lines += *p == '\n';
  ck_assert_uint_eq(lines, 4);
  free(s);
  /* the totals are those of calc */
  char *calc = sh("cd '%s' && '%s' calc samples/training/boiler-house.yaml "
                  "--json | grep -m1 '\"total_tce\"'",
                  d, 0);
  ck_assert_str_eq(calc, "    \"total_tce\": 4323.464999999999,\n");
  free(calc);
  rm_scratch(d);
}
END_TEST

/* --resume skips a facility whose outputs are newer than its file, the
   rules and the other files it was computed from, with the same summary;
   a newer facility file, rules file or earlier year's file makes it
   computed again. */
START_TEST(t_resume)
{
  char *d = scratch();
  free(sh("mkdir '%3$s/fr' && cp '%1$s/rules/names.yaml' '%3$s/fr/' && "
          "touch -d '2020-01-01' '%3$s/fr/names.yaml' && "
          "cd '%1$s' && cp samples/training/*.yaml '%3$s/' && "
          "cp -r samples/training/dyeing-plant '%3$s/' && "
          "'%2$s' batch '%3$s'/*.yaml -o '%3$s/o' --rules '%3$s/fr' -q "
          ">/dev/null && cp '%3$s/o/summary.jsonl' '%3$s/first'",
          d, 0));
  char *err = sh("cd '%1$s' && '%2$s' batch '%3$s'/*.yaml -o '%3$s/o' "
                 "--rules '%3$s/fr' --resume 2>&1 >/dev/null",
                 d, 0);
  ck_assert_msg(strstr(err, "3 facilities: 0 written, 3 up to date, 0 "
                            "failed") != NULL,
                "%s", err);
  free(err);
  free(sh("cmp '%3$s/first' '%3$s/o/summary.jsonl'", d, 0));
  /* a facility edited since */
  err = sh("touch -d '+1 hour' '%3$s/dyeing-plant.yaml' && cd '%1$s' && "
           "'%2$s' batch '%3$s'/*.yaml -o '%3$s/o' --rules '%3$s/fr' "
           "--resume 2>&1 >/dev/null",
           d, 0);
  ck_assert_msg(strstr(err, "1 written, 2 up to date") != NULL, "%s", err);
  free(err);
  free(sh("cmp '%3$s/first' '%3$s/o/summary.jsonl'", d, 0));
  /* the rules changed: everything again */
  err = sh("touch -d '+2 hours' '%3$s/fr/names.yaml' && cd '%1$s' && "
           "'%2$s' batch '%3$s'/*.yaml -o '%3$s/o' --rules '%3$s/fr' "
           "--resume 2>&1 >/dev/null",
           d, 0);
  ck_assert_msg(strstr(err, "3 written, 0 up to date") != NULL, "%s", err);
  free(err);
  /* an output missing: that facility again */
  err = sh("touch -d '+3 hours' '%3$s'/o/*.json && rm '%3$s/o/office-building.json' "
           "&& cd '%1$s' && '%2$s' batch '%3$s'/*.yaml -o '%3$s/o' --rules "
           "'%3$s/fr' --resume 2>&1 >/dev/null",
           d, 0);
  ck_assert_msg(strstr(err, "1 written, 2 up to date") != NULL, "%s", err);
  free(err);
  free(sh("cmp '%3$s/first' '%3$s/o/summary.jsonl'", d, 0));
  /* an earlier year's file edited since (dyeing-plant/2021.yaml, under
     the dyeing plant's history:): that facility again */
  err = sh("touch -d '+4 hours' '%3$s'/o/*.json && touch -d '+5 hours' "
           "'%3$s/dyeing-plant/2021.yaml' && cd '%1$s' && '%2$s' batch "
           "'%3$s'/*.yaml -o '%3$s/o' --rules '%3$s/fr' --resume 2>&1 "
           ">/dev/null",
           d, 0);
  ck_assert_msg(strstr(err, "1 written, 2 up to date") != NULL, "%s", err);
  free(err);
  char *rec = slurp2(d, "o/.dyeing-plant.inputs");
  ck_assert_msg(strstr(rec, "dyeing-plant/2021.yaml\n") != NULL, "%s", rec);
  free(rec);
  /* outputs without the record of their inputs (written by an earlier
     version): computed again */
  err = sh("touch -d '+6 hours' '%3$s'/o/*.json && rm "
           "'%3$s/o/.office-building.inputs' && cd '%1$s' && '%2$s' batch "
           "'%3$s'/*.yaml -o '%3$s/o' --rules '%3$s/fr' --resume 2>&1 "
           ">/dev/null",
           d, 0);
  ck_assert_msg(strstr(err, "1 written, 2 up to date") != NULL, "%s", err);
  free(err);
  free(sh("cmp '%3$s/first' '%3$s/o/summary.jsonl'", d, 0));
  rm_scratch(d);
}
END_TEST

/* A facility that takes its worker down (here: out of memory under a
   limit on the address space, so mem_alloc aborts: 150 MB, which the
   small facilities stay within and the largest the loader takes, 20,000
   meters (about 300 MB), does not) is reported as
   crashed; the others are written; exit 3. */
START_TEST(t_crash_isolated)
{
  if (getenv("ASAN_OPTIONS")) /* ASan reserves more than the limit */
    return;
  char *d = scratch();
  char *out = sh("cd '%1$s' && awk -v meters=20000 -v units=2000 -f "
                 "bench/gen-facility.awk > '%3$s/big.yaml' && "
                 "(ulimit -v 150000; '%2$s' batch "
                 "samples/training/boiler-house.yaml '%3$s/big.yaml' "
                 "samples/training/dyeing-plant.yaml -o '%3$s/o' --jobs 2 "
                 "2>'%3$s/err' >/dev/null; echo $?)",
                 d, 0);
  ck_assert_str_eq(out, "3\n");
  free(out);
  char *err = slurp2(d, "err");
  ck_assert_msg(strstr(err, "big.yaml: crashed (signal 6, Aborted); nothing "
                            "written for it") != NULL,
                "%s", err);
  ck_assert_msg(strstr(err, "2 written, 0 up to date, 1 failed (0 invalid, 0 "
                            "not written, 1 crashed)") != NULL,
                "%s", err);
  free(err);
  char *s = slurp2(d, "o/summary.jsonl");
  char want[512];
  snprintf(want, sizeof want,
           "{\"file\":\"%s/big.yaml\",\"name\":\"big\",\"status\":"
           "\"crashed\",\"signal\":6,\"outputs\":[]}\n",
           d);
  ck_assert_msg(strstr(s, want) != NULL, "%s", s);
  free(s);
  struct stat st;
  char p[256];
  snprintf(p, sizeof p, "%s/o/dyeing-plant.json", d);
  ck_assert_int_eq(stat(p, &st), 0);
  snprintf(p, sizeof p, "%s/o/big.json", d);
  ck_assert_int_ne(stat(p, &st), 0);
  rm_scratch(d);
}
END_TEST

/* --shard I/N and a list on the standard input: the shards partition the
   sorted list (the k-th file to shard k mod N + 1), and their summaries
   merged are the whole batch's, byte for byte. */
START_TEST(t_shards)
{
  char *d = scratch();
  free(sh("cd '%1$s' && printf '%%s\\n' " LIST " samples/cement-plant.yaml "
          "> '%3$s/list' && for i in 1 2 3; do '%2$s' batch --shard $i/3 -q "
          "-o '%3$s/o' - < '%3$s/list' > /dev/null 2>&1; done; "
          "LC_ALL=C sort -m '%3$s'/o/summary-*-of-3.jsonl > '%3$s/merged' && "
          "'%2$s' batch -q -o '%3$s/o' - < '%3$s/list' >/dev/null 2>&1; "
          "cmp '%3$s/merged' '%3$s/o/summary.jsonl'",
          d, 0));
  /* sorted: boiler, dyeing, office, cement(samples/c… < samples/t…)… */
  char *s1 = slurp2(d, "o/summary-1-of-3.jsonl");
  ck_assert_msg(strstr(s1, "\"name\":\"cement-plant\"") &&
                    strstr(s1, "\"name\":\"office-building\"") &&
                    !strstr(s1, "boiler-house"),
                "%s", s1);
  free(s1);
  static const char *const bad[] = {"0/2", "3/2", "1/0", "a/b", "1/2x",
                                    "-1/2", "1", "+1/2", " 1/2"};
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    const char *argv[] = {tu_bin(), "batch", "--shard", bad[i], "-o", d,
                          "samples/training/boiler-house.yaml", NULL};
    char *out, *err;
    ck_assert_int_eq(tu_exec(argv, tu_root(), &out, &err), 2);
    ck_assert_msg(strstr(err, "--shard takes I/N") != NULL, "%s", err);
    free(out), free(err);
  }
  static const char *const badj[] = {"0", "x", "", "1025", "2x"};
  for (size_t i = 0; i < sizeof badj / sizeof *badj; i++) {
    const char *argv[] = {tu_bin(), "batch", "--jobs", badj[i], "-o", d,
                          "samples/training/boiler-house.yaml", NULL};
    char *out, *err;
    ck_assert_int_eq(tu_exec(argv, tu_root(), &out, &err), 2);
    ck_assert_msg(strstr(err, "--jobs takes") != NULL, "%s", err);
    free(out), free(err);
  }
  /* an empty list on the standard input */
  const char *argv[] = {tu_bin(), "batch", "-", "-o", d, NULL};
  char *out, *err;
  ck_assert_int_eq(tu_exec(argv, tu_root(), &out, &err), 2);
  ck_assert_msg(strstr(err, "no facility file given") != NULL, "%s", err);
  free(out), free(err);
  rm_scratch(d);
}
END_TEST

/* contrib/parallel-batch.sh on this machine: GNU parallel runs the
   shards with a joblog; the merged summary equals one batch's; run again
   it does nothing new (--resume). */
START_TEST(t_parallel_recipe)
{
  char *have = sh("command -v parallel >/dev/null && echo yes || echo no",
                  "", 0);
  bool yes = strcmp(have, "yes\n") == 0;
  free(have);
  if (!yes) /* build.sh installs it (Debian package parallel) */
    return;
  char *d = scratch();
  free(sh("cd '%1$s' && printf '%%s\\n' " LIST
          " samples/cement-plant.yaml > '%3$s/list' && "
          "AUDITGEN='%2$s' contrib/parallel-batch.sh '%3$s/list' '%3$s/o' 3 "
          "2>/dev/null; test $? -eq 1 && cp '%3$s/o/summary.jsonl' "
          "'%3$s/merged' && wc -l < '%3$s/o/parallel.joblog' > '%3$s/n1' && "
          "AUDITGEN='%2$s' contrib/parallel-batch.sh '%3$s/list' '%3$s/o' 3 "
          "2>/dev/null; wc -l < '%3$s/o/parallel.joblog' > '%3$s/n2' && "
          "cmp '%3$s/n1' '%3$s/n2' && "
          "'%2$s' batch -q -o '%3$s/o' - < '%3$s/list' >/dev/null 2>&1; "
          "cmp '%3$s/merged' '%3$s/o/summary.jsonl'",
          d, 0));
  char *n = slurp2(d, "n1");
  ck_assert_str_eq(n, "4\n"); /* a header and three shards */
  free(n);
  rm_scratch(d);
}
END_TEST

/* contrib/slurm-batch.sh without Slurm: the array task's number becomes
   the shard, from 0- or 1-based arrays alike; a stepped array is
   refused; the merge gives the whole batch's summary. */
START_TEST(t_slurm_script)
{
  char *d = scratch();
  free(sh("cd '%1$s' && printf '%%s\\n' " LIST
          " samples/cement-plant.yaml > '%3$s/list' && "
          "for t in 0 1 2; do SLURM_ARRAY_TASK_ID=$t SLURM_ARRAY_TASK_MIN=0 "
          "SLURM_ARRAY_TASK_MAX=2 SLURM_ARRAY_TASK_COUNT=3 AUDITGEN='%2$s' "
          "contrib/slurm-batch.sh '%3$s/list' '%3$s/o' 2>/dev/null >/dev/null; "
          "done; ls '%3$s/o' | grep summary > '%3$s/names' && "
          "contrib/slurm-batch.sh --merge '%3$s/o' 3 && "
          "cp '%3$s/o/summary.jsonl' '%3$s/merged' && "
          "'%2$s' batch -q -o '%3$s/o' - < '%3$s/list' >/dev/null 2>&1; "
          "cmp '%3$s/merged' '%3$s/o/summary.jsonl'",
          d, 0));
  char *names = slurp2(d, "names");
  ck_assert_str_eq(names, "summary-1-of-3.jsonl\nsummary-2-of-3.jsonl\n"
                          "summary-3-of-3.jsonl\n");
  free(names);
  /* 1-based: task 3 of 1-3 is shard 3/3, the same files as task 2 of 0-2 */
  free(sh("cd '%1$s' && cp '%3$s/o/summary-3-of-3.jsonl' '%3$s/s3' && "
          "SLURM_ARRAY_TASK_ID=3 SLURM_ARRAY_TASK_MIN=1 SLURM_ARRAY_TASK_MAX=3 "
          "SLURM_ARRAY_TASK_COUNT=3 AUDITGEN='%2$s' contrib/slurm-batch.sh "
          "'%3$s/list' '%3$s/o' >/dev/null 2>&1; "
          "cmp '%3$s/s3' '%3$s/o/summary-3-of-3.jsonl'",
          d, 0));
  char *out = sh("cd '%1$s' && SLURM_ARRAY_TASK_ID=3 SLURM_ARRAY_TASK_MIN=1 "
                 "SLURM_ARRAY_TASK_MAX=5 SLURM_ARRAY_TASK_COUNT=3 "
                 "AUDITGEN='%2$s' contrib/slurm-batch.sh '%3$s/list' "
                 "'%3$s/o' 2>&1; echo $?",
                 d, 0);
  ck_assert_msg(strstr(out, "use a contiguous --array=A-B") && strstr(out, "\n2\n"),
                "%s", out);
  free(out);
  rm_scratch(d);
}
END_TEST

/* On a terminal the progress line is redrawn in place (count, rate, time
   left) and cleared at the end; not on a terminal, a short run prints
   none. */
START_TEST(t_progress)
{
  char *have = sh("command -v script >/dev/null && echo yes || echo no", "",
                  0);
  bool yes = strcmp(have, "yes\n") == 0;
  free(have);
  if (!yes)
    return;
  char *d = scratch();
  char *out = sh("cd '%1$s' && script -qec \"'%2$s' batch "
                 "samples/training/boiler-house.yaml "
                 "samples/training/dyeing-plant.yaml -o '%3$s/o' >/dev/null\" "
                 "/dev/null | od -c | tr -s ' ' | tr -d '\\n'",
                 d, 0);
  ck_assert_msg(strstr(out, "\\r 033 [ K b a t c h : 1 / 2") != NULL ||
                    strstr(out, "\\r 033 [ K b a t c h : 2 / 2") != NULL,
                "%s", out);
  free(out);
  char *err = sh("cd '%1$s' && '%2$s' batch samples/training/boiler-house.yaml "
                 "-o '%3$s/o' 2>&1 >/dev/null",
                 d, 0);
  ck_assert_msg(strstr(err, "batch: 1 facility: 1 written") == err, "%s", err);
  free(err);
  rm_scratch(d);
}
END_TEST

Suite *batch_suite(void)
{
  Suite *s = suite_create("batch");
  TCase *tc = tcase_create("batch");
  tcase_set_timeout(tc, 240);
  tcase_add_test(tc, t_jobs_same_output);
  tcase_add_test(tc, t_resume);
  tcase_add_test(tc, t_crash_isolated);
  tcase_add_test(tc, t_shards);
  tcase_add_test(tc, t_parallel_recipe);
  tcase_add_test(tc, t_slurm_script);
  tcase_add_test(tc, t_progress);
  suite_add_tcase(s, tc);
  return s;
}
