/* check_golden.c — every sample against its golden results JSON
 * (tests/golden/NAME.json, byte for byte: the output is deterministic),
 * and against the independent hand working in docs/worked/NAME.md, whose
 * "EXPECT path = value" lines are compared numerically. */
#include <check.h>
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../generator/base/buf.h"
#include "../../generator/calc/calc.h"
#include "../../generator/out/explain.h"
#include "../../generator/out/json.h"
#include "../../generator/rules/checks.h"
#include "suites.h"
#include "testutil.h"

static char *slurp(const char *path, size_t *len)
{
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  buf b;
  buf_init(&b);
  char tmp[8192];
  size_t n;
  while ((n = fread(tmp, 1, sizeof tmp, f)) > 0)
    buf_add(&b, tmp, n);
  fclose(f);
  *len = b.len;
  return b.data;
}

/* Results of samples/NAME.yaml, or fails. */
static void sample(tu_run *r, const char *name)
{
  tu_open(r);
  const char *path = arena_printf(r->a, "%s/samples/%s.yaml", tu_root(), name);
  bool io;
  r->m = model_load(r->a, r->dl, r->u, r->f, path, path, &io);
  if (!r->m)
    diag_print(r->dl, stderr, true);
  ck_assert_msg(r->m != NULL, "sample %s does not load", name);
  const char *slash = strrchr(name, '/');
  r->results = calc_run(r->a, r->dl, r->m, r->f, slash ? slash + 1 : name);
  if (!r->results)
    diag_print(r->dl, stderr, true);
  ck_assert_msg(r->results != NULL, "sample %s does not compute", name);
  checks_run(r->a, r->checks, r->results, r->dl);
  tu_assert_glossary(r);
}

static const char *const samples[] = {
    "cement-plant", "power-plant", "aluminium-smelter",
    "training/boiler-house", "training/dyeing-plant",
    "training/office-building", "hospital",
    /* sector examples: process emissions by the guidelines' formulas */
    "sectors/lime-kiln", "sectors/float-glass", "sectors/eaf-steel", "sectors/soda-ash",
    "sectors/coal-power-fgd",
    /* fuels used as raw material (process_emissions[].carrier) */
    "sectors/ammonia", "sectors/calcium-carbide", "sectors/coking",
    "sectors/methanol",
    /* fugitive CH4 and CO2 of coal mining (gases: ch4_coal_mining) */
    "sectors/coal-mine",
    /* N2O of nitric and adipic acid, wastewater CH4, SF6 */
    "sectors/adipic-acid",
    /* the allowance position of the steel, cement and aluminium plan */
    "sectors/clinker-lines",
    /* a CHP that makes two carriers, both also bought and sold; coal stock;
       two products on shared units; baseline, measures, captive-plant ETS */
    "sectors/paper-mill",
    /* steam bought, made and sold; diesel stock; GB 17167 coverage and
       accuracy at three levels; a boiler graded; product energy cost;
       five measures and their order; GB/T 13234 savings and their total */
    "sectors/dye-works"};

START_TEST(t_golden_json)
{
  const char *name = samples[_i];
  tu_run r;
  sample(&r, name);
  buf out;
  buf_init(&out);
  json_write(r.results, &out);
  size_t len;
  char *gold = slurp(arena_printf(r.a, "%s/tests/golden/%s.json", tu_root(),
                                  name),
                     &len);
  ck_assert_msg(gold != NULL, "no tests/golden/%s.json", name);
  if (len != out.len || memcmp(gold, out.data, len) != 0) {
    /* name the first differing line for the reader */
    size_t i = 0, line = 1;
    while (i < len && i < out.len && gold[i] == out.data[i])
      line += gold[i++] == '\n';
    ck_abort_msg("%s: results differ from tests/golden/%s.json at line %zu "
                 "(./build.sh golden-update rewrites it for review)",
                 name, name, line);
  }
  free(gold);
  buf_fini(&out);
  tu_close(&r);
}
END_TEST

START_TEST(t_hand_working)
{
  const char *name = samples[_i];
  tu_run r;
  sample(&r, name);
  size_t len;
  /* training cases keep their answer key beside the facility file */
  char *doc = strncmp(name, "training/", 9) == 0
                  ? slurp(arena_printf(r.a, "%s/samples/%s.md", tu_root(), name),
                          &len)
                  : slurp(arena_printf(r.a, "%s/docs/worked/%s.md", tu_root(),
                                       name),
                          &len);
  ck_assert_msg(doc != NULL, "no docs/worked/%s.md", name);
  int checked = 0;
  for (char *line = strtok(doc, "\n"); line; line = strtok(NULL, "\n")) {
    char path[256];
    double want;
    if (sscanf(line, "EXPECT %255s = %lf", path, &want) != 2)
      continue;
    const value *v = val_path(r.results, path);
    ck_assert_msg(v && v->kind == VAL_NUM, "%s: no number at %s", name, path);
    double tol = 1e-9 * fmax(1.0, fabs(want));
    ck_assert_msg(fabs(v->num - want) <= tol,
                  "%s: %s = %.12g, hand working says %.12g", name, path,
                  v->num, want);
    checked++;
  }
  ck_assert_msg(checked >= 20, "%s: only %d EXPECT lines", name, checked);
  free(doc);
  tu_close(&r);
}
END_TEST

/* Every path the results hold must be in the rules' schema list, or rule
   files could not name it. */
static void walk(const value *v, char *shape, size_t len, int *missing)
{
  if (len) {
    bool found = false;
    for (size_t i = 0; checks_result_shapes[i] && !found; i++)
      found = strcmp(checks_result_shapes[i], shape) == 0;
    if (!found) {
      fprintf(stderr, "results path not in schema_paths.c: %s\n", shape);
      (*missing)++;
    }
  }
  if (v->kind == VAL_OBJ)
    for (size_t i = 0; i < v->n; i++) {
      size_t n = (size_t)snprintf(shape + len, 512 - len, "%s%s",
                                  len ? "." : "", v->keys[i]);
      walk(v->items[i], shape, len + n, missing);
      shape[len] = '\0';
    }
  else if (v->kind == VAL_ARR)
    for (size_t i = 0; i < v->n; i++) {
      snprintf(shape + len, 512 - len, "[]");
      walk(v->items[i], shape, len + 2, missing);
      shape[len] = '\0';
    }
}

START_TEST(t_schema_covers_results)
{
  tu_run r;
  sample(&r, samples[_i]);
  char shape[512] = "";
  int missing = 0;
  walk(r.results, shape, 0, &missing);
  ck_assert_msg(missing == 0, "%d result paths missing from the schema list",
                missing);
  tu_close(&r);
}
END_TEST

/* explain output of a few results per sample, against
   tests/golden/NAME.explain.txt (./build.sh golden-update rewrites). */
START_TEST(t_explain)
{
  static const char *const paths[] = {
      "energy.total_tce", "energy.total_equal_value_tce",
      "energy.products[0].unit_consumption_kgce", "carbon.total_tco2",
      "measures[0].npv_cny"};
  const char *name = samples[_i];
  tu_run r;
  sample(&r, name);
  buf out;
  buf_init(&out);
  for (size_t i = 0; i < sizeof paths / sizeof *paths; i++) {
    /* a facility without products or measures has nothing there */
    if (!explain_write(r.results, paths[i], false, &out))
      buf_printf(&out, "%s: (none)\n", paths[i]);
    buf_putc(&out, '\n');
  }
  size_t len;
  char *gold = slurp(arena_printf(r.a, "%s/tests/golden/%s.explain.txt",
                                  tu_root(), name),
                     &len);
  if (getenv("AUDITGEN_GOLDEN_UPDATE")) {
    FILE *f = fopen(arena_printf(r.a, "%s/tests/golden/%s.explain.txt",
                                 tu_root(), name),
                    "wb");
    fwrite(out.data, 1, out.len, f);
    fclose(f);
  } else {
    ck_assert_msg(gold != NULL, "no tests/golden/%s.explain.txt", name);
    ck_assert_msg(len == out.len && memcmp(gold, out.data, len) == 0,
                  "%s: explain differs from tests/golden/%s.explain.txt", name,
                  name);
  }
  free(gold);
  buf_fini(&out);
  tu_close(&r);
}
END_TEST

Suite *golden_suite(void)
{
  Suite *s = suite_create("golden");
  TCase *tc = tcase_create("golden");
  int n = (int)(sizeof samples / sizeof *samples);
  tcase_add_loop_test(tc, t_golden_json, 0, n);
  tcase_add_loop_test(tc, t_hand_working, 0, n);
  tcase_add_loop_test(tc, t_schema_covers_results, 0, n);
  tcase_add_loop_test(tc, t_explain, 0, n);
  suite_add_tcase(s, tc);
  return s;
}
