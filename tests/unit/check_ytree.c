/* check_ytree.c — the YAML layer: positions, and refusal of hostile input
 * within bounds (alias bombs, deep nesting, binary, huge scalars). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../generator/base/diag.h"
#include "../../generator/load/ytree.h"
#include "suites.h"

static arena *a;
static diag_list *dl;

static void setup(void)
{
  a = arena_new();
  dl = diag_new(a);
}
static void teardown(void) { arena_free(a); }

static ynode *load(const char *text, size_t len)
{
  ytree_limits lim = ytree_default_limits();
  diag_add_source(dl, "t.yaml", text, len);
  return ytree_load_string(a, dl, text, len, "t.yaml", &lim);
}

static const char *diags(void)
{
  char *out = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&out, &len);
  diag_print(dl, f, false);
  fclose(f);
  const char *s = arena_strdup(a, out);
  free(out);
  return s;
}

static double seconds(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

START_TEST(t_positions)
{
  const char *t = "a: 1\nlist:\n  - x\n  - {k: \"v w\"}\n";
  ynode *r = load(t, strlen(t));
  ck_assert_ptr_nonnull(r);
  ck_assert_int_eq(r->kind, YN_MAP);
  ynode *list = ytree_get(r, "list");
  ck_assert_int_eq(list->kind, YN_SEQ);
  ck_assert_uint_eq(list->n, 2);
  ck_assert_int_eq(list->kids[0]->pos.line, 3);
  ck_assert_int_eq(list->kids[0]->pos.col, 5);
  ynode *v = ytree_get(list->kids[1], "k");
  ck_assert_str_eq(v->str, "v w");
  ck_assert_int_eq(v->pos.line, 4);
  ck_assert_int_eq(v->pos.col, 9);
  ck_assert_int_eq(v->pos.len, 5); /* "v w" with its quotes */
  ck_assert(!v->plain);
}
END_TEST

START_TEST(t_duplicate_key)
{
  const char *t = "a: 1\nb: 2\na: 3\n";
  ck_assert_ptr_null(load(t, strlen(t)));
  ck_assert_str_eq(diags(),
                   "t.yaml:3:1: error: duplicate key \"a\" (first at line 1)\n");
}
END_TEST

START_TEST(t_syntax_error)
{
  const char *t = "a: [1, 2\nb: 3\n";
  ck_assert_ptr_null(load(t, strlen(t)));
  const char *d = diags();
  ck_assert_msg(strstr(d, "t.yaml:2:") && strstr(d, "YAML syntax error"),
                "%s", d);
  ck_assert_msg(strstr(d, "(line 1, column 4)"), "names the opening: %s", d);
}
END_TEST

START_TEST(t_alias_bomb)
{
  /* nine levels of nine references: 9^9 nodes if expanded */
  char t[4096];
  size_t n = (size_t)snprintf(t, sizeof t, "a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
  for (int i = 1; i <= 9; i++) {
    n += (size_t)snprintf(t + n, sizeof t - n, "a%d: &a%d [", i, i);
    for (int j = 0; j < 9; j++)
      n += (size_t)snprintf(t + n, sizeof t - n, "%s*a%d", j ? ", " : "", i - 1);
    n += (size_t)snprintf(t + n, sizeof t - n, "]\n");
  }
  double t0 = seconds();
  ck_assert_ptr_null(load(t, n));
  /* the copies cost up to the node budget: generous for asan */
  ck_assert_double_lt(seconds() - t0, 5.0);
  ck_assert_msg(strstr(diags(), "alias bomb"), "%s", diags());
}
END_TEST

START_TEST(t_deep_nesting)
{
  size_t n = 100000;
  char *t = malloc(n + 1);
  memset(t, '[', n);
  t[n] = '\0';
  double t0 = seconds();
  ck_assert_ptr_null(load(t, n));
  ck_assert_double_lt(seconds() - t0, 0.5);
  ck_assert_str_eq(diags(), "t.yaml:1:65: error: nesting deeper than 64 levels\n");
  free(t);
}
END_TEST

START_TEST(t_binary)
{
  const char t[] = "a: 1\n\x7f" "ELF\x00\x01\x02";
  ck_assert_ptr_null(load(t, sizeof t - 1));
  ck_assert_str_eq(diags(), "t.yaml:2:5: error: binary data (a NUL byte at "
                            "offset 9): a facility file is UTF-8 YAML text\n");
}
END_TEST

START_TEST(t_bad_utf8)
{
  const char t[] = "name: \xff\xfe bad\n";
  ck_assert_ptr_null(load(t, sizeof t - 1));
  ck_assert_msg(strstr(diags(), "t.yaml:1:7: error: not valid UTF-8"), "%s",
                diags());
}
END_TEST

START_TEST(t_empty_and_documents)
{
  ck_assert_ptr_null(load("  \n\n", 4));
  ck_assert_str_eq(diags(), "t.yaml: error: file is empty\n");
  teardown();
  setup();
  const char *t = "a: 1\n---\nb: 2\n";
  ck_assert_ptr_null(load(t, strlen(t)));
  ck_assert_msg(strstr(diags(), "a second YAML document"), "%s", diags());
}
END_TEST

START_TEST(t_huge_scalar)
{
  size_t n = 200000;
  char *t = malloc(n + 8);
  memcpy(t, "a: ", 3);
  memset(t + 3, 'x', n);
  t[n + 3] = '\n';
  ck_assert_ptr_null(load(t, n + 4));
  ck_assert_msg(strstr(diags(), "longer than the limit"), "%s", diags());
  free(t);
}
END_TEST

START_TEST(t_unknown_anchor)
{
  const char *t = "a: *nope\n";
  ck_assert_ptr_null(load(t, strlen(t)));
  ck_assert_msg(strstr(diags(), "unknown anchor *nope"), "%s", diags());
}
END_TEST

Suite *ytree_suite(void)
{
  Suite *s = suite_create("ytree");
  TCase *tc = tcase_create("ytree");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, t_positions);
  tcase_add_test(tc, t_duplicate_key);
  tcase_add_test(tc, t_syntax_error);
  tcase_add_test(tc, t_alias_bomb);
  tcase_add_test(tc, t_deep_nesting);
  tcase_add_test(tc, t_binary);
  tcase_add_test(tc, t_bad_utf8);
  tcase_add_test(tc, t_empty_and_documents);
  tcase_add_test(tc, t_huge_scalar);
  tcase_add_test(tc, t_unknown_anchor);
  suite_add_tcase(s, tc);
  return s;
}
