/* check_hostile.c — hostile facility files through the program, each
 * under a time bound: resource bombs that once took seconds to minutes
 * (an alias repeating a long string, 150,000 errors, 100,000 meters with
 * duplicate ids, a long chain of products, unknown references among many
 * ids, many interval files with warnings), and a series: path that points
 * out of the facility's folder. Every run must exit 1 (or 0 for valid
 * input), write nothing on failure, and print a bounded report. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include "suites.h"
#include "testutil.h"

/* Time bounds are for a release build; sanitizers run several times
   slower. A quadratic path at these sizes takes minutes. */
#if defined(__SANITIZE_ADDRESS__)
#define BOUND 20.0
#else
#define BOUND 5.0
#endif

static char dir[64];

static void setup(void)
{
  strcpy(dir, "/tmp/auditgen-hostile-XXXXXX");
  ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void teardown(void)
{
  char cmd[128];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  ck_assert_int_eq(system(cmd), 0);
}

static const char HEAD[] = "auditgen: 1\n"
                           "facility:\n"
                           "  name: {zh: 测试厂, en: Test plant}\n"
                           "  industry: cement\n"
                           "audit:\n"
                           "  period: {from: 2016-01-01, to: 2016-12-31}\n";

/* An industrial facility states its products (the loader requires them):
   written at the end of the files of tests about something else, so that
   the lines the tests name do not move. */
static const char PRODUCTS[] =
    "products:\n  - {id: p1, name: {zh: 产品, en: Product}, quantity: "
    "\"1,000 t\"}\n";

/* Opens dir/name for writing, with HEAD written. */
static FILE *facility(const char *name, char *path, size_t cap)
{
  snprintf(path, cap, "%s/%s", dir, name);
  FILE *f = fopen(path, "w");
  ck_assert_ptr_nonnull(f);
  fputs(HEAD, f);
  return f;
}

struct outcome {
  int rc;
  char *out, *err;
  double secs;
  bool wrote;
};

/* Runs `auditgen calc FILE -o dir/out.json` (or `check FILE` when check)
   and measures the CPU time it took (the bound is on the work done, not
   on how busy the machine is). */
static struct outcome run(const char *path, bool check)
{
  char outpath[128];
  snprintf(outpath, sizeof outpath, "%s/out.json", dir);
  const char *calc[] = {tu_bin(), "calc", path, "-o", outpath, NULL};
  const char *chk[] = {tu_bin(), "check", path, NULL};
  struct outcome o;
  double t0 = tu_cpu_children();
  o.rc = tu_exec(check ? chk : calc, tu_root(), &o.out, &o.err);
  o.secs = tu_cpu_children() - t0;
  struct stat st;
  o.wrote = stat(outpath, &st) == 0;
  return o;
}

static void done(struct outcome *o)
{
  free(o->out);
  free(o->err);
}

/* The tail of s (for messages). */
static const char *tail(const char *s)
{
  size_t n = strlen(s);
  return n > 600 ? s + n - 600 : s;
}

/* One 60 KB string aliased 20,000 times (1.2 GB expanded) once took 25 s,
   2.4 GB and printed 1.2 GB of JSON. Now: one error at the alias that
   crosses the budget, nothing written. */
START_TEST(t_alias_byte_bomb)
{
  char path[128];
  FILE *f = facility("bomb.yaml", path, sizeof path);
  fputs("meters:\n  - {id: E1, carrier: electricity, level: 1, total: "
        "\"1 kWh\", name: {zh: &s ",
        f);
  for (int i = 0; i < 60000; i++)
    fputc('x', f);
  fputs(", en: x}}\nmeasures:\n  - {id: M1, name: {zh: x, en: x}, "
        "investment: \"1 CNY\", lifetime: \"1 a\", saves: [",
        f);
  for (int i = 0; i < 20000; i++)
    fprintf(f, "%s{carrier: electricity, amount: \"1 kWh\", note: *s}",
            i ? ", " : "");
  fputs("]}\n", f);
  fclose(f);
  struct outcome o = run(path, false);
  ck_assert_msg(o.rc == 1 && !o.wrote, "exit %d\n%s", o.rc, tail(o.err));
  ck_assert_double_lt(o.secs, BOUND);
  ck_assert_str_eq(o.out, "");
  ck_assert_msg(strlen(o.err) < 4000, "%zu bytes on stderr", strlen(o.err));
  ck_assert_msg(strstr(o.err, "error: document too large: alias *s repeats "
                              "60001 bytes, and the document passes 67108864 "
                              "bytes with aliases expanded"),
                "%s", tail(o.err));
  ck_assert_msg(strstr(o.err, "bomb.yaml: 1 error; nothing written\n"), "%s",
                tail(o.err));
  done(&o);
}
END_TEST

/* 150,000 errors once took 90 s (each quoted line searched from the top
   of the file). Now the first 1000 are shown, the rest counted, and the
   count in the summary is exact. */
START_TEST(t_many_errors)
{
  char path[128];
  FILE *f = facility("errors.yaml", path, sizeof path);
  fputs("meters:\n  - {id: E1, carrier: electricity, level: 1, total: "
        "\"1 kWh\"}\n",
        f);
  for (int i = 0; i < 150000; i++)
    fprintf(f, "x%d: 1\n", i);
  fputs(PRODUCTS, f);
  fclose(f);
  struct outcome o = run(path, false);
  ck_assert_msg(o.rc == 1 && !o.wrote, "exit %d\n%s", o.rc, tail(o.err));
  ck_assert_double_lt(o.secs, BOUND);
  char want[1024];
  snprintf(want, sizeof want,
           "%s:1008:1: error: (top level): unknown key \"x999\"; allowed keys: "
           "allowance, audit, auditgen, baseline, carbon_management, "
           "co2_recovered, declared, equipment, facility, factors, gases, "
           "green_electricity, history, management, measures, meters, prices, "
           "process_emissions, products, quotas, saving_target, stock, units\n"
           "  x999: 1\n  ^^^^\n"
           "%s: … and 149000 more errors (not shown)\n"
           "%s: 150000 errors; nothing written\n",
           path, path, path);
  ck_assert_msg(strlen(o.err) > strlen(want) &&
                    strcmp(o.err + strlen(o.err) - strlen(want), want) == 0,
                "%s", tail(o.err));
  done(&o);
}
END_TEST

/* 20,000 meters (the most a file may have), half of them repeating an
   id: the duplicate check and the printing are linear. */
START_TEST(t_duplicate_meters)
{
  char path[128];
  FILE *f = facility("dup.yaml", path, sizeof path);
  fputs("meters:\n", f);
  for (int i = 0; i < 20000; i++)
    fprintf(f, "  - {id: E%d, carrier: electricity, level: 1, total: "
               "\"1 kWh\"}\n",
            i % 10000);
  fputs(PRODUCTS, f);
  fclose(f);
  struct outcome o = run(path, true);
  ck_assert_msg(o.rc == 1, "exit %d\n%s", o.rc, tail(o.err));
  ck_assert_double_lt(o.secs, BOUND);
  ck_assert_msg(strstr(o.err, ":10008:10: error: meters[10000].id: duplicate "
                              "meter id \"E0\" (first at line 8)\n"),
                "%.600s", o.err);
  char want[400];
  snprintf(want, sizeof want,
           "%s: … and 9000 more errors (not shown)\n%s: 10000 errors\n",
           path, path);
  ck_assert_msg(strstr(o.err, want), "%s", tail(o.err));
  done(&o);
}
END_TEST

/* Lists as long as a file may have them: unknown references among 5,000
   unit ids (did-you-mean over every id made them quadratic), 1,000
   products each using the next (one scan of the list per pass made the
   order quadratic) with a repeated id at the end, and 10,000 equipment
   items with a repeated id at the end. */
START_TEST(t_long_lists)
{
  char path[128];
  int n = 5000;
  FILE *f = facility("refs.yaml", path, sizeof path);
  fputs("units:\n", f);
  for (int i = 0; i < n; i++)
    fprintf(f, "  - {id: U%d, name: {zh: u, en: u}, stage: end_use}\n", i);
  fputs("meters:\n  - {id: E1, carrier: electricity, level: 1, total: "
        "\"1 kWh\"}\n",
        f);
  for (int i = 0; i < n; i++)
    fprintf(f, "  - {id: M%d, carrier: electricity, level: 2, to: V%d, "
               "total: \"1 kWh\"}\n",
            i, i);
  fputs(PRODUCTS, f);
  fclose(f);
  struct outcome o = run(path, true);
  ck_assert_msg(o.rc == 1, "exit %d\n%s", o.rc, tail(o.err));
  ck_assert_double_lt(o.secs, BOUND);
  ck_assert_msg(strstr(o.err, "meters[M0].to: unknown place (a unit id, site "
                              "or outside) \"V0\"\n") &&
                    strstr(o.err, ": … and 4000 more errors (not shown)\n"),
                "%s", tail(o.err));
  done(&o);

  n = 999; /* and the repeated one: 1,000 */
  f = facility("products.yaml", path, sizeof path);
  fputs("meters:\n  - {id: E1, carrier: electricity, level: 1, total: "
        "\"1 kWh\"}\nproducts:\n",
        f);
  for (int i = 0; i < n; i++) {
    fprintf(f, "  - {id: P%d, name: {zh: p, en: p}, quantity: \"1 t\"", i);
    if (i + 1 < n)
      fprintf(f, ", uses: [{product: P%d, quantity: \"1 t\"}]", i + 1);
    fputs("}\n", f);
  }
  fputs("  - {id: P0, name: {zh: p, en: p}, quantity: \"1 t\"}\n", f);
  fclose(f);
  o = run(path, true);
  ck_assert_msg(o.rc == 1, "exit %d\n%s", o.rc, tail(o.err));
  ck_assert_double_lt(o.secs, BOUND);
  char want[200];
  snprintf(want, sizeof want,
           ":%d:10: error: products[%d].id: duplicate product id \"P0\" "
           "(first at line 10)\n",
           10 + n, n);
  ck_assert_msg(strstr(o.err, want), "%s", tail(o.err));
  done(&o);

  n = 9999; /* and the repeated one: 10,000 */
  f = facility("equipment.yaml", path, sizeof path);
  fputs("meters:\n  - {id: E1, carrier: electricity, level: 1, total: "
        "\"1 kWh\"}\nequipment:\n",
        f);
  for (int i = 0; i <= n; i++)
    fprintf(f, "  - {id: Q%d, kind: motor, name: {zh: q, en: q}}\n", i % n);
  fputs(PRODUCTS, f);
  fclose(f);
  o = run(path, true);
  ck_assert_double_lt(o.secs, BOUND);
  snprintf(want, sizeof want,
           "equipment[%d].id: duplicate equipment id \"Q0\" (first at line "
           "10)\n",
           n);
  ck_assert_msg(strstr(o.err, want), "%s", tail(o.err));
  done(&o);
}
END_TEST

/* A series: path outside the facility's folder — up the tree, absolute,
   or through a link in the folder — is refused at the key, and nothing of
   that file is read or quoted; inside the folder (also through a link)
   it is read. A FIFO inside the folder is refused without blocking. */
START_TEST(t_series_outside)
{
  char path[128], sub[160], csv[192], link[192], fifo[192];
  snprintf(sub, sizeof sub, "%s/plant", dir);
  ck_assert_int_eq(mkdir(sub, 0700), 0);
  snprintf(csv, sizeof csv, "%s/secret.csv", dir);
  FILE *s = fopen(csv, "w");
  fputs("2016-01-01,SECRET\n", s);
  fclose(s);
  snprintf(link, sizeof link, "%s/plant/out.csv", dir);
  ck_assert_int_eq(symlink("../secret.csv", link), 0);
  snprintf(csv, sizeof csv, "%s/plant/data.csv", dir);
  s = fopen(csv, "w");
  fputs("2016-01-01,x\n", s);
  fclose(s);
  snprintf(link, sizeof link, "%s/plant/in.csv", dir);
  ck_assert_int_eq(symlink("data.csv", link), 0);
  snprintf(fifo, sizeof fifo, "%s/plant/pipe.csv", dir);
  ck_assert_int_eq(mkfifo(fifo, 0600), 0);
  snprintf(path, sizeof path, "%s/plant/f.yaml", dir);
  FILE *f = fopen(path, "w");
  fprintf(f, "%smeters:\n", HEAD);
  const char *series[] = {"../secret.csv", "out.csv", "in.csv", "pipe.csv",
                          NULL};
  for (int i = 0; series[i]; i++)
    fprintf(f, "  - {id: E%d, carrier: electricity, level: 1, unit: kWh, "
               "series: \"%s\"}\n",
            i, series[i]);
  fprintf(f, "  - {id: E9, carrier: electricity, level: 1, unit: kWh, "
             "series: \"%s/secret.csv\"}\n",
          dir);
  fclose(f);
  struct outcome o = run(path, true);
  ck_assert_msg(o.rc == 1, "exit %d\n%s", o.rc, o.err);
  ck_assert_msg(!strstr(o.err, "SECRET"), "%s", o.err);
  ck_assert_msg(strstr(o.err, "meters[E0].series: ") &&
                    strstr(o.err, "meters[E1].series: ") &&
                    strstr(o.err, "meters[E9].series: "),
                "%s", o.err);
  ck_assert_msg(strstr(o.err, "is not inside the folder of the facility file"),
                "%s", o.err);
  ck_assert_msg(strstr(o.err, "plant/in.csv:1:12: error: \"x\" is not a "
                              "number\n"),
                "%s", o.err);
  ck_assert_msg(strstr(o.err, "meters[E3].series: cannot read interval "
                              "data ") &&
                    strstr(o.err, "not a regular file"),
                "%s", o.err);
  done(&o);
}
END_TEST

Suite *hostile_suite(void)
{
  Suite *s = suite_create("hostile");
  TCase *tc = tcase_create("pathological");
  tcase_set_timeout(tc, 300);
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, t_alias_byte_bomb);
  tcase_add_test(tc, t_many_errors);
  tcase_add_test(tc, t_duplicate_meters);
  tcase_add_test(tc, t_long_lists);
  tcase_add_test(tc, t_series_outside);
  suite_add_tcase(s, tc);
  return s;
}
