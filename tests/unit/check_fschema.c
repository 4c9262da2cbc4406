/* check_fschema.c — the facility file's schema: the tables the loader
 * checks keys with (load/fschema.c), `auditgen schema`, the shipped
 * schema/facility.schema.json, and its verdicts beside `auditgen check`'s
 * on the samples and on every tests/bad case (python3-jsonschema, through
 * tests/tools/schema_validate.py). */
#include <check.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../generator/load/fschema.h"
#include "suites.h"
#include "testutil.h"

static const char *const SAMPLES[] = {
    "samples/aluminium-smelter.yaml",      "samples/cement-plant.yaml",
    "samples/power-plant.yaml",            "samples/training/boiler-house.yaml",
    "samples/training/dyeing-plant.yaml",  "samples/training/office-building.yaml",
    NULL};

static const char *path_in_root(const char *rel)
{
  static char buf[4][PATH_MAX];
  static int k;
  k = (k + 1) % 4;
  snprintf(buf[k], sizeof buf[k], "%s/%s", tu_root(), rel);
  return buf[k];
}

/* Runs the validator; *out is its standard output (free it). */
static int validate(const char *mode, const char *args, char **out)
{
  char cmd[8192];
  snprintf(cmd, sizeof cmd,
           "cd '%s' && /usr/bin/python3 tests/tools/schema_validate.py "
           "schema/facility.schema.json %s %s 2>&1",
           tu_root(), mode, args);
  return tu_sh(cmd, out);
}

START_TEST(t_schema_file_in_sync)
{
  char *out, *err;
  const char *argv[] = {tu_bin(), "schema", NULL};
  ck_assert_int_eq(tu_exec(argv, tu_root(), &out, &err), 0);
  ck_assert_str_eq(err, "");
  char *file = tu_slurp(path_in_root("schema/facility.schema.json"), NULL);
  ck_assert_msg(file, "schema/facility.schema.json is missing");
  ck_assert_msg(strcmp(out, file) == 0,
                "schema/facility.schema.json differs from `auditgen schema`: "
                "run build/release/auditgen schema > "
                "schema/facility.schema.json");
  ck_assert_ptr_nonnull(
      strstr(out, "\"$schema\": \"https://json-schema.org/draft/2020-12/schema\""));
  /* bilingual words, raw UTF-8 */
  ck_assert_ptr_nonnull(strstr(out, "计量器具编号\\nmeter id"));
  free(file), free(out), free(err);
  const char *extra[] = {tu_bin(), "schema", "x.yaml", NULL};
  ck_assert_int_eq(tu_exec(extra, tu_root(), &out, &err), 2);
  ck_assert_ptr_nonnull(strstr(err, "schema takes no arguments"));
  ck_assert_str_eq(out, "");
  free(out), free(err);
  const char *help[] = {tu_bin(), "schema", "--help", NULL};
  ck_assert_int_eq(tu_exec(help, tu_root(), &out, &err), 0);
  ck_assert_ptr_nonnull(strstr(out, "usage: auditgen schema"));
  free(out), free(err);
}
END_TEST

/* Each sample names the shipped schema on its first line, by a path
   relative to the sample that leads to the file. */
START_TEST(t_samples_name_the_schema)
{
  char want[PATH_MAX], got[PATH_MAX];
  ck_assert_ptr_nonnull(realpath(path_in_root("schema/facility.schema.json"),
                                 want));
  for (size_t i = 0; SAMPLES[i]; i++) {
    char *text = tu_slurp(path_in_root(SAMPLES[i]), NULL);
    ck_assert_ptr_nonnull(text);
    static const char head[] = "# yaml-language-server: $schema=";
    ck_assert_msg(strncmp(text, head, strlen(head)) == 0,
                  "%s: the first line does not name the schema", SAMPLES[i]);
    const char *rel = text + strlen(head);
    size_t n = strcspn(rel, "\n");
    char dir[PATH_MAX], relb[256], p[PATH_MAX + 260];
    snprintf(dir, sizeof dir, "%s", path_in_root(SAMPLES[i]));
    *strrchr(dir, '/') = '\0';
    snprintf(relb, sizeof relb, "%.*s", (int)n, rel);
    snprintf(p, sizeof p, "%s/%s", dir, relb);
    ck_assert_msg(realpath(p, got) && strcmp(got, want) == 0,
                  "%s: $schema=%.*s does not lead to "
                  "schema/facility.schema.json",
                  SAMPLES[i], (int)n, rel);
    free(text);
  }
}
END_TEST

START_TEST(t_samples_valid)
{
  char args[4096] = "";
  for (size_t i = 0; SAMPLES[i]; i++)
    strcat(strcat(args, " "), SAMPLES[i]);
  char *out;
  int rc = validate("samples", args, &out);
  ck_assert_msg(rc == 0, "samples against the schema:\n%s", out);
  for (size_t i = 0; SAMPLES[i]; i++) {
    char line[256];
    snprintf(line, sizeof line, "ok   %s\n", SAMPLES[i]);
    ck_assert_msg(strstr(out, line), "%s not validated:\n%s", SAMPLES[i], out);
  }
  free(out);
}
END_TEST

/* Every tests/bad case, classified by its expected messages (see the
   validator's header): a structural error (unknown key, missing required
   key, wrong type, a word not in its list) must be rejected by the schema
   too; a file a YAML parser refuses is outside the schema; an error about
   values may pass the schema. Named cases pin the classification. */
START_TEST(t_bad_cases_classified)
{
  char *out;
  int rc = validate("bad", "tests/bad", &out);
  ck_assert_msg(rc == 0, "tests/bad against the schema:\n%s", out);
  static const char *const pinned[] = {
      /* unknown key, at the top, in a section, in a list item */
      "ok   structural unknown-top-level-key.yaml",
      "ok   structural unknown-key.yaml",
      "ok   structural management-unknown-key.yaml",
      "ok   structural capacity-not-a-rate.yaml",
      /* missing required key */
      "ok   structural missing-meters.yaml",
      "ok   structural missing-facility.yaml",
      "ok   structural team-incomplete.yaml",
      "ok   structural factor-override-without-source.yaml",
      /* wrong type */
      "ok   structural team-not-a-list.yaml",
      "ok   structural evidence-shape.yaml",
      "ok   structural management-wrong-type.yaml",
      "ok   structural null-value.yaml",
      "ok   structural unit-system-not-scalar.yaml",
      /* a word not in its list */
      "ok   structural unknown-stage.yaml",
      "ok   structural factor-origin-typo.yaml",
      "ok   structural price-vat-unknown.yaml",
      "ok   structural meter-kind-unknown.yaml",
      "ok   structural series-bad-meters.yaml",
      /* errors about values: the schema need not see them */
      "ok   semantic   duplicate-meter-id.yaml",
      "ok   semantic   baseline-unknown-product.yaml",
      /* products required of industry: the schema's if/then, by key, code
         and digits alone */
      "ok   semantic   products-required.yaml: schema also rejects",
      "ok   semantic   products-required-code.yaml: schema also rejects",
      "ok   semantic   products-required-mining.yaml: schema also rejects",
      "ok   semantic   products-required-null.yaml: schema also rejects",
      /* not one YAML document */
      "ok   not-yaml   duplicate-yaml-key.yaml",
      "ok   not-yaml   binary-garbage.yaml",
      NULL};
  for (size_t i = 0; pinned[i]; i++)
    ck_assert_msg(strstr(out, pinned[i]), "expected \"%s\" in:\n%s", pinned[i],
                  out);
  ck_assert_ptr_nonnull(strstr(out, ", failures 0\n"));
  free(out);
}
END_TEST

/* The validator can fail, and agrees with check: a valid file and one
   mutant per structural class. */
START_TEST(t_schema_and_check_agree)
{
  static const char meter[] =
      "meters:\n"
      "  - {id: E1, carrier: electricity, level: 1, total: \"1,000 kWh\"}\n";
  static const struct {
    const char *name, *extra;
    int rc;
  } cases[] = {
      {"valid", "", 0},
      {"unknown-key", "stock: [{carrier: raw_coal, opening: \"1 t\", "
                      "closing: \"1 t\", openng: \"2 t\"}]\n", 1},
      {"missing-key", "units: [{id: kiln, name: {zh: 窑, en: Kiln}}]\n", 1},
      {"wrong-type", "products: {id: p}\n", 1},
      {"bad-word", "units: [{id: kiln, name: {zh: 窑, en: Kiln}, "
                   "stage: use}]\n", 1},
      {"text2-key", "units: [{id: kiln, name: {zh: 窑, fr: Four}, "
                    "stage: end_use}]\n", 1},
      {"quantity-key", "stock: [{carrier: raw_coal, opening: {value: 1, "
                       "units: t}, closing: \"1 t\"}]\n", 1},
      /* an industrial facility (TU_HEAD's cement) without products: the
         schema's if/then says it too */
      {"products-empty", "products: []\n", 1},
      {"products-null", "products: null\n", 1},
  };
  char dir[] = "/tmp/auditgen-fschema-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/%s.yaml", dir, cases[i].name);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fprintf(f, "%s%s%s%s", TU_HEAD, meter, cases[i].extra,
            strstr(cases[i].extra, "products:") ? "" : TU_PRODUCTS);
    fclose(f);
    char *out, *err;
    const char *argv[] = {tu_bin(), "check", path, NULL};
    ck_assert_int_eq(tu_exec(argv, tu_root(), &out, &err), cases[i].rc);
    free(out), free(err);
    ck_assert_msg(validate("samples", path, &out) == cases[i].rc,
                  "%s: schema verdict differs from check:\n%s", cases[i].name,
                  out);
    free(out);
    unlink(path);
  }
  rmdir(dir);
}
END_TEST

/* Walks the types reachable from t, marking the sections reached. */
static void reach(const fs_type *t, const fs_section **seen, size_t n)
{
  if (!t)
    return;
  if (t->kind == FS_MAP)
    for (size_t i = 0; i < n; i++)
      if (seen[i] == t->sec)
        return;
  if (t->kind == FS_MAP) {
    size_t k = 0;
    while (seen[k])
      k++;
    seen[k] = t->sec;
    for (const fs_key *key = t->sec->keys; key->name; key++)
      reach(key->type, seen, n);
    return;
  }
  reach(t->item, seen, n);
  reach(t->alt, seen, n);
}

/* The tables and the loader: each section is reached from the top, has
   at most 64 keys (fs_map's bound), no key twice, a description in both
   languages for each; and every key of a table is read by the loader (its
   name is written in the loader's sources: a key left in a table after
   its reader went would be accepted and ignored). The other direction
   needs no test of its own: fs_map refuses a key not in the table, so a
   key the loader reads without the table fails every test that uses it. */
START_TEST(t_tables_match_loader)
{
  static const char *const src[] = {"generator/load/model.c",
                                    "generator/load/management.c",
                                    "generator/load/evidence.c",
                                    "generator/rules/emissions.c",
                                    "generator/load/carbonin.c", NULL};
  size_t total = 0;
  char *code[8];
  for (int i = 0; src[i]; i++) {
    code[i] = tu_slurp(path_in_root(src[i]), NULL);
    ck_assert_ptr_nonnull(code[i]);
  }
  size_t nsec = 0;
  while (fs_sections[nsec])
    nsec++;
  const fs_section **seen = calloc(nsec + 1, sizeof *seen);
  reach(&(fs_type){.kind = FS_MAP, .sec = &fs_root}, seen, nsec + 1);
  for (size_t i = 0; i < nsec; i++) {
    const fs_section *s = fs_sections[i];
    bool reached = false;
    for (size_t j = 0; seen[j]; j++)
      reached |= seen[j] == s;
    ck_assert_msg(reached, "section %s is not reached from the top", s->def);
    for (size_t j = 0; j < i; j++)
      ck_assert_msg(strcmp(fs_sections[j]->def, s->def) != 0,
                    "two sections named %s", s->def);
    size_t n = 0;
    for (const fs_key *k = s->keys; k->name; k++, n++) {
      ck_assert_msg(k->zh && *k->zh && k->en && *k->en,
                    "%s.%s: no description in both languages", s->def, k->name);
      for (const fs_key *o = s->keys; o < k; o++)
        ck_assert_msg(strcmp(o->name, k->name) != 0, "%s.%s twice", s->def,
                      k->name);
      char lit[96];
      snprintf(lit, sizeof lit, "\"%s\"", k->name);
      bool read = false;
      for (int f = 0; src[f] && !read; f++)
        read = strstr(code[f], lit) != NULL;
      ck_assert_msg(read, "%s.%s is in the table but no loader reads it",
                    s->def, k->name);
    }
    ck_assert_msg(n <= 64, "%s has %zu keys, more than fs_map's 64", s->def, n);
    total += n;
  }
  ck_assert_uint_gt(total, 150);
  free(seen);
  for (int i = 0; src[i]; i++)
    free(code[i]);
}
END_TEST

/* check --diagnostics json: the same diagnostics and exit codes as the
   text, one array, on several kinds of bad files (structural, values,
   YAML, I/O) and a valid one (tests/tools/diag_compare.py). */
START_TEST(t_diagnostics_json_matches_text)
{
  static const char *const files[] = {
      "tests/bad/unknown-key.yaml",          "tests/bad/many-errors.yaml",
      "tests/bad/missing-meters.yaml",       "tests/bad/team-not-a-list.yaml",
      "tests/bad/unknown-stage.yaml",        "tests/bad/management-wrong-type.yaml",
      "tests/bad/plain-string-name-with-error.yaml",
      "tests/bad/duplicate-yaml-key.yaml",   "tests/bad/binary-garbage.yaml",
      "tests/bad/price-vat-unknown.yaml",    "tests/bad/meter-calibration-dates.yaml",
      "tests/bad/yaml-control-characters.yaml",
      "samples/cement-plant.yaml",           "tests/bad/no-such-file.yaml",
      NULL};
  char cmd[8192];
  int len = snprintf(cmd, sizeof cmd,
                     "cd '%s' && /usr/bin/python3 tests/tools/diag_compare.py "
                     "'%s'",
                     tu_root(), tu_bin());
  for (size_t i = 0; files[i]; i++)
    len += snprintf(cmd + len, sizeof cmd - (size_t)len, " %s", files[i]);
  snprintf(cmd + len, sizeof cmd - (size_t)len, " 2>&1");
  char *out;
  int rc = tu_sh(cmd, &out);
  ck_assert_msg(rc == 0, "%s", out);
  ck_assert_ptr_nonnull(strstr(out, "ok   tests/bad/no-such-file.yaml: 1 "
                                    "diagnostics, exit 3"));
  ck_assert_ptr_nonnull(strstr(out, "ok   samples/cement-plant.yaml: 0 "
                                    "diagnostics, exit 0"));
  free(out);
}
END_TEST

/* The keys of facility: in alphabetical order, as an unknown key's
   message lists them. */
#define FACILITY_KEYS                                                          \
  "address, bed_days, beds, building_type, capacity, climate_zone, "           \
  "credit_code, employees, floor_area, grid, hospital_grade, industry, "      \
  "lighting, name, occupants, operating_hours, outpatient_visits, "           \
  "output_value, process, "                                                    \
  "province, students, value_added, ventilation"

START_TEST(t_diagnostics_json_words)
{
  char *out, *err;
  const char *argv[] = {tu_bin(), "check", "tests/bad/unknown-key.yaml",
                        "--diagnostics", "json", NULL};
  ck_assert_int_eq(tu_exec(argv, tu_root(), &out, &err), 1);
  ck_assert_str_eq(err, "");
  ck_assert_str_eq(out,
                   "[\n"
                   "  {\n"
                   "    \"file\": \"tests/bad/unknown-key.yaml\",\n"
                   "    \"line\": 4,\n"
                   "    \"column\": 3,\n"
                   "    \"path\": \"facility\",\n"
                   "    \"severity\": \"error\",\n"
                   "    \"message_en\": \"facility: unknown key \\\"industy\\\" "
                   "(did you mean \\\"industry\\\"?); allowed keys: " FACILITY_KEYS
                   "\",\n"
                   "    \"message_zh\": \"facility: 未知的键 \\\"industy\\\"（是否应为 "
                   "\\\"industry\\\"？）；允许的键：" FACILITY_KEYS "\"\n"
                   "  }\n"
                   "]\n");
  free(out), free(err);
  /* a message about values: English only */
  const char *dup[] = {tu_bin(), "check", "tests/bad/duplicate-meter-id.yaml",
                       "--diagnostics", "json", NULL};
  ck_assert_int_eq(tu_exec(dup, tu_root(), &out, &err), 1);
  ck_assert_ptr_nonnull(strstr(out, "duplicate meter id"));
  ck_assert_ptr_nonnull(strstr(out, "\"message_zh\": null"));
  free(out), free(err);
  /* --quiet leaves the warnings out, as in text */
  const char *q[] = {tu_bin(), "check",
                     "tests/bad/plain-string-name-with-error.yaml",
                     "--diagnostics", "json", "--quiet", NULL};
  ck_assert_int_eq(tu_exec(q, tu_root(), &out, &err), 1);
  ck_assert_ptr_null(strstr(out, "\"warning\""));
  ck_assert_ptr_nonnull(strstr(out, "\"error\""));
  free(out), free(err);
  /* two files, one array; text stays the default */
  const char *two[] = {tu_bin(), "check", "samples/cement-plant.yaml",
                       "tests/bad/missing-meters.yaml", "--diagnostics",
                       "json", NULL};
  ck_assert_int_eq(tu_exec(two, tu_root(), &out, &err), 1);
  ck_assert_int_eq(out[0], '[');
  ck_assert_ptr_null(strstr(out, ": ok ("));
  ck_assert_ptr_nonnull(strstr(out, "missing required key"));
  ck_assert_ptr_nonnull(strstr(out, "缺少必需的键 \\\"meters\\\""));
  ck_assert_ptr_null(strstr(out + 1, "["));
  free(out), free(err);
  const char *text[] = {tu_bin(), "check", "tests/bad/missing-meters.yaml",
                        "--diagnostics", "text", NULL};
  ck_assert_int_eq(tu_exec(text, tu_root(), &out, &err), 1);
  ck_assert_str_eq(out, "");
  ck_assert_ptr_nonnull(strstr(err, ": error: (top level): missing required"));
  free(out), free(err);
  const char *bad[] = {tu_bin(), "check", "samples/cement-plant.yaml",
                       "--diagnostics", "xml", NULL};
  ck_assert_int_eq(tu_exec(bad, tu_root(), &out, &err), 2);
  ck_assert_ptr_nonnull(strstr(err, "--diagnostics takes text or json"));
  ck_assert_str_eq(out, "");
  free(out), free(err);
  const char *none[] = {tu_bin(), "check", "samples/cement-plant.yaml",
                        "--diagnostics", NULL};
  ck_assert_int_eq(tu_exec(none, tu_root(), &out, &err), 2);
  free(out), free(err);
  const char *calc[] = {tu_bin(), "calc", "samples/cement-plant.yaml",
                        "--diagnostics", "json", NULL};
  ck_assert_int_eq(tu_exec(calc, tu_root(), &out, &err), 2);
  ck_assert_ptr_nonnull(strstr(err, "unknown option --diagnostics"));
  free(out), free(err);
}
END_TEST

Suite *fschema_suite(void)
{
  Suite *s = suite_create("fschema");
  TCase *tc = tcase_create("fschema");
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, t_schema_file_in_sync);
  tcase_add_test(tc, t_samples_name_the_schema);
  tcase_add_test(tc, t_samples_valid);
  tcase_add_test(tc, t_bad_cases_classified);
  tcase_add_test(tc, t_schema_and_check_agree);
  tcase_add_test(tc, t_tables_match_loader);
  tcase_add_test(tc, t_diagnostics_json_matches_text);
  tcase_add_test(tc, t_diagnostics_json_words);
  suite_add_tcase(s, tc);
  return s;
}
