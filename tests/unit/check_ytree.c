/* check_ytree.c — the YAML layer: positions, and refusal of hostile input
 * within bounds (alias bombs, deep nesting, binary, huge scalars). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../generator/base/diag.h"
#include "../../generator/load/schema.h"
#include "../../generator/load/ytree.h"
#include "suites.h"
#include "testutil.h"

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
  diag_add_source_lines(dl, "t.yaml", text, len, DIAG_LINES_YAML);
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

/* Time bounds are for a release build; sanitizers run slower. */
#if defined(__SANITIZE_ADDRESS__)
#define SLOWER 4
#else
#define SLOWER 1
#endif

/* CPU seconds of this process: the bounds are on work, not on load. */
static double seconds(void)
{
  return tu_cpu_self();
}

/* ytree_load_string_apart: the nodes in their own arena, the scalars'
   text in the caller's. Once the nodes' arena is freed the strings stay
   readable (under ASan a string left among the nodes would be a
   use-after-free), and the caller's arena grew by the text alone. */
START_TEST(t_apart)
{
  const char *t = "name: {zh: 水泥厂, en: Cement plant}\n"
                  "meters:\n  - {id: M1, carrier: electricity}\n"
                  "  - {id: M2, carrier: raw_coal}\n  - {id: M2, carrier: raw_coal}\n"
                  "keys: {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9}\n";
  ytree_limits lim = ytree_default_limits();
  arena *nodes = arena_new();
  size_t before = arena_used(a);
  ynode *r = ytree_load_string_apart(a, nodes, dl, t, strlen(t), "t.yaml",
                                     &lim);
  ck_assert_ptr_nonnull(r);
  const ynode *meters = ytree_get(r, "meters");
  ck_assert_uint_eq(meters->n, 3);
  const char *id2 = ytree_get(meters->kids[2], "id")->str;
  const char *en = ytree_get(ytree_get(r, "name"), "en")->str;
  const char *nine = ytree_get(ytree_get(r, "keys"), "i")->str;
  size_t text = arena_used(a) - before;
  /* the scalars and their NULs are 154 bytes; the 38 nodes over 2,000 */
  ck_assert_uint_eq(text, 154);
  ck_assert_uint_gt(arena_used(nodes), 30 * sizeof(ynode));
  arena_free(nodes);
  /* reused memory must not be what the strings are made of */
  void *scribble[16];
  for (int i = 0; i < 16; i++) {
    scribble[i] = malloc(4096);
    memset(scribble[i], 0xA5, 4096);
  }
  ck_assert_str_eq(id2, "M2");
  ck_assert_str_eq(en, "Cement plant");
  ck_assert_str_eq(nine, "9");
  for (int i = 0; i < 16; i++)
    free(scribble[i]);
  ck_assert_uint_eq(diag_errors(dl), 0);
}
END_TEST

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

/* Positions after the line breaks libyaml counts (CR alone, CR LF,
   U+0085, U+2028, U+2029) and after a BOM: the error's line is the line
   quoted. */
START_TEST(t_line_breaks)
{
  static const char *const breaks[] = {"\r", "\r\n", "\xc2\x85",
                                       "\xe2\x80\xa8", "\xe2\x80\xa9", "\n"};
  for (size_t i = 0; i < sizeof breaks / sizeof *breaks; i++) {
    teardown();
    setup();
    char t[256];
    /* the break inside the quoted string counts too */
    snprintf(t, sizeof t, "\xef\xbb\xbf" "a: 1%sb: \"x%s y\"%sa: 3%s",
             breaks[i], breaks[i], breaks[i], breaks[i]);
    ck_assert_ptr_null(load(t, strlen(t)));
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    diag_print(dl, f, true);
    fclose(f);
    ck_assert_msg(strcmp(out, "t.yaml:4:1: error: duplicate key \"a\" "
                              "(first at line 1)\n  a: 3\n  ^\n") == 0,
                  "break %zu: %s", i, out);
    free(out);
  }
}
END_TEST

/* Tags that would change a value's meaning are refused, each of them;
   !!str, !!seq and !!map on their own kinds are accepted. */
START_TEST(t_tags)
{
  const char *ok = "a: !!str null\nb: !!seq [1]\nc: !!map {d: 1}\ne: ! x\n";
  ynode *r = load(ok, strlen(ok));
  ck_assert_ptr_nonnull(r);
  ck_assert(!ytree_is_null(ytree_get(r, "a"))); /* the text "null" */
  teardown();
  setup();
  const char *t = "a: !!binary aGVsbG8=\nb: !include x.yaml\nc: !!int 5\n"
                  "d: !!str [1]\ne: !<tag:example.com,2000:x> 1\n";
  ck_assert_ptr_null(load(t, strlen(t)));
  ck_assert_str_eq(diags(),
                   "t.yaml:1:4: error: tag !!binary is not supported: a "
                   "facility file holds plain values (write the value without "
                   "the tag)\n"
                   "t.yaml:2:4: error: tag !include is not supported: a "
                   "facility file holds plain values (write the value without "
                   "the tag)\n"
                   "t.yaml:3:4: error: tag !!int is not supported: a facility "
                   "file holds plain values (write the value without the tag)\n"
                   "t.yaml:4:4: error: tag !!str does not fit a list\n"
                   "t.yaml:5:4: error: tag tag:example.com,2000:x is not "
                   "supported: a facility file holds plain values (write the "
                   "value without the tag)\n");
}
END_TEST

/* An anchor on a key, and an alias used as a key; a merge key is an
   ordinary key here (the schema refuses it). */
START_TEST(t_anchor_on_key)
{
  const char *t = "&k name: 1\nother:\n  *k : 2\n<<: {x: 1}\n";
  ynode *r = load(t, strlen(t));
  ck_assert_ptr_nonnull(r);
  ynode *o = ytree_get(r, "other");
  ck_assert_str_eq(ytree_get(o, "name")->str, "2");
  ck_assert_int_eq(o->kids[0]->pos.line, 3); /* the key stands at *k */
  ck_assert_int_eq(o->kids[0]->pos.col, 3);
  ck_assert_ptr_nonnull(ytree_get(r, "<<"));
}
END_TEST

/* A node reached through an alias stands at the alias, every node of it,
   and a diagnostic there names the alias and the anchor. */
START_TEST(t_alias_position)
{
  const char *t = "base: &b {x: 1, y: [2, 3]}\nuse:\n  - *b\n";
  ynode *r = load(t, strlen(t));
  ck_assert_ptr_nonnull(r);
  const ynode *u = ytree_get(r, "use")->kids[0];
  ck_assert_int_eq(u->pos.line, 3);
  ck_assert_int_eq(u->pos.col, 5);
  ck_assert_int_eq(u->pos.len, 2);
  const ynode *y = ytree_get(u, "y");
  ck_assert_int_eq(y->kids[1]->pos.line, 3);
  ck_assert_str_eq(y->kids[1]->str, "3");
  /* the anchored original keeps its place */
  ck_assert_int_eq(ytree_get(ytree_get(r, "base"), "y")->kids[1]->pos.line, 1);
  diag_error(dl, y->kids[1]->pos, "use[0].y[1]: bad");
  ck_assert_str_eq(diags(), "t.yaml:3:5: error: use[0].y[1]: bad: via alias *b "
                            "at 3:5, anchored at 1:7\n");
}
END_TEST

/* One long string repeated by aliases passes the expanded-size budget at
   the alias that crosses it, fast and without building it. */
START_TEST(t_alias_byte_bomb)
{
  size_t big = 60000, refs = 20000;
  char *t = malloc(big + refs * 4 + 64);
  size_t n = (size_t)sprintf(t, "s: &s ");
  memset(t + n, 'a', big);
  n += big;
  n += (size_t)sprintf(t + n, "\nl: [");
  for (size_t i = 0; i < refs; i++)
    n += (size_t)sprintf(t + n, "%s*s", i ? "," : "");
  n += (size_t)sprintf(t + n, "]\n");
  double t0 = seconds();
  ck_assert_ptr_null(load(t, n));
  ck_assert_double_lt(seconds() - t0, 2.0);
  /* 64 MiB over 60,001 (the string and its node) is 1118.4: with the
     anchored original, the 1118th alias crosses, at column 5 + 3 × 1117 */
  char want[256];
  snprintf(want, sizeof want,
           "t.yaml:2:%d: error: document too large: alias *s repeats 60001 "
           "bytes, and the document passes 67108864 bytes with aliases "
           "expanded (an alias bomb?)\n",
           5 + 3 * 1117);
  ck_assert_str_eq(diags(), want);
  free(t);
}
END_TEST

/* Nesting through an alias counts the depth of what it repeats: 64
   levels in all are accepted, 65 refused. */
static size_t nested(char *t, int anchored, int outer)
{
  size_t n = (size_t)sprintf(t, "a: &a ");
  for (int i = 0; i < anchored; i++)
    t[n++] = '[';
  for (int i = 0; i < anchored; i++)
    t[n++] = ']';
  n += (size_t)sprintf(t + n, "\nb: ");
  for (int i = 0; i < outer; i++)
    t[n++] = '[';
  n += (size_t)sprintf(t + n, "*a");
  for (int i = 0; i < outer; i++)
    t[n++] = ']';
  t[n++] = '\n';
  return n;
}

START_TEST(t_alias_depth)
{
  char t[1024];
  /* the top mapping, 29 lists, then 34 through the alias: 64 */
  size_t n = nested(t, 34, 29);
  ck_assert_msg(load(t, n) != NULL, "%s", diags());
  teardown();
  setup();
  n = nested(t, 34, 30);
  ck_assert_ptr_null(load(t, n));
  ck_assert_str_eq(diags(), "t.yaml:2:34: error: nesting deeper than 64 levels "
                            "through alias *a\n");
}
END_TEST

/* Mappings of many keys: lookups and duplicates through the index, the
   same as through a scan. 240 mappings of 4,000 keys load in linear
   time. */
START_TEST(t_many_keys)
{
  size_t maps = 240, keys = 4000;
  char *t = malloc(maps * keys * 16 + 64);
  size_t n = 0;
  for (size_t m = 0; m < maps; m++) {
    n += (size_t)sprintf(t + n, "m%zu: {", m);
    for (size_t k = 0; k < keys; k++)
      n += (size_t)sprintf(t + n, "%sk%zu: %zu", k ? ", " : "", k, k * m);
    n += (size_t)sprintf(t + n, "}\n");
  }
  double t0 = seconds();
  ynode *r = load(t, n);
  ck_assert_double_lt(seconds() - t0, 5.0 * SLOWER);
  ck_assert_msg(r != NULL, "%s", diags());
  ynode *m7 = ytree_get(r, "m7");
  ck_assert_uint_eq(m7->n, keys);
  char k[16];
  for (size_t i = 0; i < keys; i += 37) {
    snprintf(k, sizeof k, "k%zu", i);
    ck_assert_uint_eq(strtoul(ytree_get(m7, k)->str, NULL, 10), i * 7);
  }
  ck_assert_ptr_null(ytree_get(m7, "k4000"));
  ck_assert_ptr_null(ytree_get(m7, "k"));
  /* a duplicate far into a long mapping, and one in a short one */
  teardown();
  setup();
  n = (size_t)sprintf(t, "a: {");
  for (size_t i = 0; i < keys; i++)
    n += (size_t)sprintf(t + n, "k%zu: 1, ", i);
  n += (size_t)sprintf(t + n, "k3999: 2, k0: 3}\nb: {x: 1, x: 2}\n");
  ck_assert_ptr_null(load(t, n));
  const char *d = diags();
  ck_assert_msg(strstr(d, "duplicate key \"k3999\" (first at line 1)\n") &&
                    strstr(d, "duplicate key \"k0\" (first at line 1)\n") &&
                    strstr(diags(), "t.yaml:2:11: error: duplicate key \"x\""),
                "%s", diags());
  free(t);
}
END_TEST

/* UTF-16 and UTF-32 named as such (with or without a BOM), not called
   binary; invalid UTF-8 inside a quoted string located; a control
   character named. */
START_TEST(t_encodings)
{
  const char le[] = "\xff\xfe" "a\0:\0 \0" "1\0\n\0";
  ck_assert_ptr_null(load(le, sizeof le - 1));
  ck_assert_str_eq(diags(), "t.yaml: error: the file is UTF-16 (little-endian) "
                            "text: a facility file is UTF-8 (save it as "
                            "UTF-8)\n");
  teardown();
  setup();
  const char be[] = "\0a\0:\0 \0" "1\0\n";
  ck_assert_ptr_null(load(be, sizeof be - 1));
  ck_assert_msg(strstr(diags(), "UTF-16 (big-endian)"), "%s", diags());
  teardown();
  setup();
  const char q[] = "a: 1\nb: \"x \xc3\x28 y\"\n";
  ck_assert_ptr_null(load(q, sizeof q - 1));
  ck_assert_str_eq(diags(), "t.yaml:2:8: error: not valid UTF-8 text (invalid "
                            "trailing UTF-8 octet at byte 12)\n");
  teardown();
  setup();
  const char c[] = "a: 1\nb: x\x1b[2J\n";
  ck_assert_ptr_null(load(c, sizeof c - 1));
  ck_assert_str_eq(diags(), "t.yaml:2:5: error: a control character (U+001B "
                            "at byte 9): YAML text may not hold one\n");
}
END_TEST

/* Neighbours that must end fast with one clean error: a 10 MB scalar on
   one line, a key of a million characters, 100,000 documents, deep flow
   mappings and block sequences. */
START_TEST(t_huge_inputs)
{
  size_t big = 10u << 20;
  char *t = malloc(big + 64);
  memcpy(t, "a: ", 3);
  memset(t + 3, 'x', big);
  t[big + 3] = '\n';
  double t0 = seconds();
  ck_assert_ptr_null(load(t, big + 4));
  ck_assert_str_eq(diags(), "t.yaml:1:4: error: string of 10485760 bytes is "
                            "longer than the limit of 65536\n");
  teardown();
  setup();
  memset(t, 'k', 1u << 20);
  memcpy(t + (1u << 20), ": 1\n", 4);
  ck_assert_ptr_null(load(t, (1u << 20) + 4));
  ck_assert_str_eq(diags(), "t.yaml:1:1: error: string of 1048576 bytes is "
                            "longer than the limit of 65536\n");
  teardown();
  setup();
  size_t n = (size_t)sprintf(t, "a: 1\n");
  for (int i = 0; i < 100000; i++)
    n += (size_t)sprintf(t + n, "---\n");
  ck_assert_ptr_null(load(t, n));
  ck_assert_str_eq(diags(), "t.yaml:2:1: error: a second YAML document: a "
                            "file holds exactly one\n");
  teardown();
  setup();
  n = 0;
  for (int i = 0; i < 100000; i++)
    n += (size_t)sprintf(t + n, "{a: ");
  ck_assert_ptr_null(load(t, n));
  ck_assert_str_eq(diags(), "t.yaml:1:257: error: nesting deeper than 64 "
                            "levels\n");
  teardown();
  setup();
  n = 0;
  for (int i = 0; i < 200; i++)
    n += (size_t)sprintf(t + n, "%*s- \n", 2 * i, "");
  ck_assert_ptr_null(load(t, n));
  ck_assert_msg(strstr(diags(), "nesting deeper than 64 levels"), "%s",
                diags());
  ck_assert_double_lt(seconds() - t0, 5.0 * SLOWER);
  free(t);
}
END_TEST

/* An unknown key names the keys the mapping allows, in alphabetical order,
   with a did-you-mean when one is close; past 40 keys the first 40 and a
   count of the rest. */
START_TEST(t_unknown_key_lists_keys)
{
  schema sc = {a, dl, NULL, NULL};
  const char *text = "delta: 1\nalpah: 2\nbeta: 3\n";
  ynode *n = load(text, strlen(text));
  static const char *const keys[] = {"gamma", "beta", "alpha", NULL};
  static const char *const req[] = {"gamma", NULL};
  ck_assert(sch_map(&sc, n, "m", keys, req));
  ck_assert_str_eq(diags(),
                   "t.yaml:1:1: error: m: unknown key \"delta\"; allowed keys: "
                   "alpha, beta, gamma\n"
                   "t.yaml:1:1: error: m: missing required key \"gamma\"\n"
                   "t.yaml:2:1: error: m: unknown key \"alpah\" (did you mean "
                   "\"alpha\"?); allowed keys: alpha, beta, gamma\n");
  dl = diag_new(a);
  sc.dl = dl;
  const char *t2 = "k999: 1\n";
  n = load(t2, strlen(t2));
  const char *many[46];
  for (int i = 0; i < 45; i++)
    many[i] = arena_printf(a, "k%02d", 44 - i);
  many[45] = NULL;
  ck_assert(sch_map(&sc, n, "m", many, NULL));
  const char *got = diags();
  ck_assert_msg(strstr(got, "m: unknown key \"k999\"; allowed keys: k00, "
                            "k01, k02, ") != NULL,
                "%s", got);
  ck_assert_msg(strstr(got, ", k38, k39, … (5 more)\n") != NULL, "%s", got);
  ck_assert_ptr_null(strstr(got, "k40"));
}
END_TEST

Suite *ytree_suite(void)
{
  Suite *s = suite_create("ytree");
  TCase *tc = tcase_create("ytree");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, t_positions);
  tcase_add_test(tc, t_apart);
  tcase_add_test(tc, t_duplicate_key);
  tcase_add_test(tc, t_syntax_error);
  tcase_add_test(tc, t_alias_bomb);
  tcase_add_test(tc, t_deep_nesting);
  tcase_add_test(tc, t_binary);
  tcase_add_test(tc, t_bad_utf8);
  tcase_add_test(tc, t_empty_and_documents);
  tcase_add_test(tc, t_huge_scalar);
  tcase_add_test(tc, t_unknown_anchor);
  tcase_add_test(tc, t_line_breaks);
  tcase_add_test(tc, t_tags);
  tcase_add_test(tc, t_anchor_on_key);
  tcase_add_test(tc, t_alias_position);
  tcase_add_test(tc, t_alias_depth);
  tcase_add_test(tc, t_encodings);
  tcase_add_test(tc, t_unknown_key_lists_keys);
  suite_add_tcase(s, tc);

  tc = tcase_create("pathological");
  tcase_set_timeout(tc, 120);
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, t_alias_byte_bomb);
  tcase_add_test(tc, t_many_keys);
  tcase_add_test(tc, t_huge_inputs);
  suite_add_tcase(s, tc);
  return s;
}
