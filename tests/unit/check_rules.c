/* check_rules.c — the shipped rule tables: the coefficients that matter
 * most match GB/T 2589 (via shared/reference/standards.md), every entry
 * carries a source, and a bad rule file is refused with positions. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../generator/rules/checks.h"
#include "../../generator/rules/factors.h"
#include "../../generator/rules/terms.h"
#include "suites.h"
#include "testutil.h"

START_TEST(t_reference_coefficients)
{
  tu_run r;
  tu_open(&r);
  struct {
    const char *key, *unit;
    double coef;
  } want[] = {
      /* kgce per base unit: 0.7143 kgce/kg = 714.3 kgce/t, etc. */
      {"raw_coal", "t", 714.3},     {"washed_coal", "t", 900.0},
      {"coke", "t", 971.4},         {"diesel", "t", 1457.1},
      {"fuel_oil", "t", 1428.6},    {"gasoline", "t", 1471.4},
      {"lpg", "t", 1714.3},         {"electricity", "kWh", 0.1229},
      {"natural_gas", "m3", 1.2143}, {"blast_furnace_gas", "m3", 0.1286},
      /* heat 0.03412 kgce/MJ = 34.12 kgce/GJ */
      {"heat", "GJ", 34.12},
  };
  for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
    const carrier_def *c = factors_carrier(r.f, want[i].key);
    ck_assert_msg(c != NULL, "carrier %s missing", want[i].key);
    ck_assert_str_eq(c->unit, want[i].unit);
    ck_assert_msg(fabs(c->coef_kgce - want[i].coef) < 1e-9 * want[i].coef,
                  "%s: %.10g != %.10g", want[i].key, c->coef_kgce,
                  want[i].coef);
  }
  for (size_t i = 0; i < r.f->n_carriers; i++) {
    const carrier_def *c = &r.f->carriers[i];
    ck_assert_msg(c->source.zh && *c->source.zh && c->source.en &&
                      *c->source.en,
                  "%s has no bilingual source", c->key);
    ck_assert_msg(c->coef_kgce > 0, "%s has no coefficient", c->key);
  }
  /* the 2016 supply coal rate, 312 gce/kWh, is marked unverified */
  const year_value *y = factors_supply_rate(r.f, 2016);
  ck_assert_int_eq(y->year, 2016);
  ck_assert_double_eq_tol(y->value, 0.312, 1e-12);
  ck_assert(!y->verified);
  /* a year beyond the table takes the latest earlier one */
  ck_assert_int_eq(factors_supply_rate(r.f, 2099)->year, 2024);
  ck_assert_ptr_null(factors_supply_rate(r.f, 1990));
  tu_close(&r);
}
END_TEST

static void write_file(const char *path, const char *text)
{
  FILE *f = fopen(path, "w");
  ck_assert_ptr_nonnull(f);
  fputs(text, f);
  fclose(f);
}

START_TEST(t_firm_override_and_errors)
{
  char dir[] = "/tmp/auditgen-rules-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  char path[160];
  snprintf(path, sizeof path, "%s/carriers.yaml", dir);
  write_file(path, "carriers:\n"
                   "  raw_coal:\n"
                   "    name: {zh: 原煤, en: Raw coal}\n"
                   "    unit: t\n"
                   "    class: fuel\n"
                   "    coefficient: \"0.7000 kgce/kg\"\n"
                   "    source: {zh: 企业标准, en: Firm standard}\n"
                   "    citation: {zh: 企业标准, en: Firm standard}\n"
                   "    verified: false\n");
  tu_run r;
  tu_open(&r);
  const char *dirs[2] = {arena_printf(r.a, "%s/rules", tu_root()), dir};
  bool io;
  factors *f = factors_load(r.a, r.dl, r.u, dirs, 2, &io);
  ck_assert_ptr_nonnull(f);
  /* same key replaces: 0.7000 kgce/kg = 700 kgce/t */
  ck_assert_double_eq_tol(factors_carrier(f, "raw_coal")->coef_kgce, 700.0,
                          1e-9);
  ck_assert_double_eq_tol(factors_carrier(f, "diesel")->coef_kgce, 1457.1,
                          1e-9);
  write_file(path, "carriers:\n"
                   "  raw_coal:\n"
                   "    name: {zh: 原煤, en: Raw coal}\n"
                   "    unit: t\n"
                   "    clas: fuel\n"
                   "    coefficient: \"0.7000 kgce/kWh\"\n"
                   "    source: {zh: 企业标准, en: Firm standard}\n"
                   "    citation: {zh: 企业标准, en: Firm standard}\n");
  diag_list *dl = diag_new(r.a);
  f = factors_load(r.a, dl, r.u, dirs, 2, &io);
  ck_assert_ptr_null(f);
  char *out = NULL;
  size_t len = 0;
  FILE *mf = open_memstream(&out, &len);
  diag_print(dl, mf, false);
  fclose(mf);
  ck_assert_msg(strstr(out, "carriers.yaml:5:5: error: carriers.raw_coal: "
                            "unknown key \"clas\" (did you mean \"class\"?)"),
                "%s", out);
  ck_assert_msg(strstr(out, "carriers.yaml:6:18: error: "
                            "carriers.raw_coal.coefficient: \"0.7000 "
                            "kgce/kWh\" is standard coal per energy, expected "
                            "standard coal per mass"),
                "%s", out);
  free(out);
  unlink(path);
  rmdir(dir);
  tu_close(&r);
}
END_TEST

/* The glossary and names tables: a firm's entry replaces the shipped one
   of the same section and key; an entry needs zh, en and source; a key
   given twice in a file and an unknown section are errors. */
START_TEST(t_glossary_layering)
{
  char dir[] = "/tmp/auditgen-terms-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  char path[160], names[160];
  snprintf(path, sizeof path, "%s/terms.yaml", dir);
  snprintf(names, sizeof names, "%s/names.yaml", dir);
  write_file(path, "terms:\n"
                   "  consumed: {zh: 实物消费量, en: physical consumption, "
                   "source: firm term}\n"
                   "units:\n"
                   "  kgce: {zh: 千克标准煤, en: kgce, source: firm term}\n");
  write_file(names, "provinces:\n"
                    "  zhejiang: {zh: 浙江, en: Zhejiang Province, source: "
                    "firm term}\n");
  tu_run r;
  tu_open(&r);
  const char *dirs[2] = {arena_printf(r.a, "%s/rules", tu_root()), dir};
  bool io;
  factors *f = factors_load(r.a, r.dl, r.u, dirs, 2, &io);
  ck_assert_ptr_nonnull(f);
  ck_assert_str_eq(terms_lookup(f, TERM_NAME, "consumed")->text.zh,
                   "实物消费量");
  /* the rest of the shipped glossary stays */
  ck_assert_str_eq(terms_lookup(f, TERM_NAME, "purchased")->text.zh, "购入量");
  ck_assert_str_eq(terms_lookup(f, TERM_PROVINCE, "zhejiang")->text.en,
                   "Zhejiang Province");
  ck_assert_str_eq(terms_lookup(f, TERM_PROVINCE, "jilin")->text.zh, "吉林省");
  ck_assert_ptr_null(terms_lookup(f, TERM_NAME, "zhejiang"));
  /* units are translated token by token */
  ck_assert_str_eq(terms_unit(r.a, f, "kgce/万元", true), "千克标准煤/万元");
  ck_assert_str_eq(terms_unit(r.a, f, "kgce/万元", false), "kgce/10⁴ CNY");
  ck_assert_str_eq(terms_unit(r.a, f, "CNY/a", true), "元/a");
  ck_assert_str_eq(terms_unit(r.a, f, "tCO2/MWh", true), "tCO2/MWh");
  write_file(path, "terms:\n"
                   "  consumed: {zh: 消费量, en: consumed}\n"
                   "  sold: [外供量]\n"
                   "term:\n"
                   "  x: {zh: 甲, en: x, source: x}\n");
  diag_list *dl = diag_new(r.a);
  ck_assert_ptr_null(factors_load(r.a, dl, r.u, dirs, 2, &io));
  char *out = NULL;
  size_t len = 0;
  FILE *mf = open_memstream(&out, &len);
  diag_print(dl, mf, false);
  fclose(mf);
  ck_assert_msg(strstr(out, "terms.yaml:2:13: error: terms[\"consumed\"]: "
                            "missing required key \"source\""),
                "%s", out);
  ck_assert_msg(strstr(out, "terms.yaml:3:9: error: terms[\"sold\"]: "
                            "expected a mapping"),
                "%s", out);
  ck_assert_msg(strstr(out, "terms.yaml:4:1: error: terms.yaml: unknown key "
                            "\"term\" (did you mean \"terms\"?)"),
                "%s", out);
  free(out);
  unlink(path);
  unlink(names);
  rmdir(dir);
  tu_close(&r);
}
END_TEST

/* Text that reads the same in both languages needs no glossary entry:
   codes, numbers, symbols and acronyms, not words or CJK. */
START_TEST(t_neutral_text)
{
  ck_assert(terms_neutral("GB/T 2589-2020 4.2"));
  ck_assert(terms_neutral("× 733.5981111 kgce/t"));
  ck_assert(terms_neutral("3.65 × n × √Q / H^0.75"));
  ck_assert(terms_neutral("E01"));
  ck_assert(terms_neutral("NCV"));
  ck_assert(terms_neutral("tCO2/MWh"));
  ck_assert(!terms_neutral("raw_coal"));
  ck_assert(!terms_neutral("consumed"));
  ck_assert(!terms_neutral("Q (half, double suction)"));
  ck_assert(!terms_neutral("GB/T 2589-2020 (等价值)"));
  ck_assert(!terms_neutral("万元"));
}
END_TEST

/* Every shipped check states its basis in both languages (the report
   prints it); a firm's check without one shows its source in both. */
START_TEST(t_check_basis)
{
  static const char *const files[] = {"benchmarks", "carbon", "energy",
                                      "equipment", "measures", "metering"};
  for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
    char path[512];
    snprintf(path, sizeof path, "%s/rules/checks/%s.yaml", tu_root(),
             files[i]);
    char *text = tu_slurp(path, NULL);
    ck_assert_ptr_nonnull(text);
    int sources = 0, bases = 0;
    for (char *l = strtok(text, "\n"); l; l = strtok(NULL, "\n")) {
      l += strspn(l, " ");
      sources += strncmp(l, "source:", 7) == 0;
      bases += strncmp(l, "basis:", 6) == 0;
    }
    ck_assert_msg(sources > 0 && sources == bases,
                  "%s: %d checks, %d with a basis", files[i], sources, bases);
    free(text);
  }
  char dir[] = "/tmp/auditgen-basis-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  char sub[160], path[200];
  snprintf(sub, sizeof sub, "%s/checks", dir);
  ck_assert_int_eq(mkdir(sub, 0700), 0);
  snprintf(path, sizeof path, "%s/firm.yaml", sub);
  write_file(path,
             "checks:\n"
             "  - id: firm_plain\n"
             "    when: energy.total_tce > 0\n"
             "    severity: info\n"
             "    text: {zh: 有能耗。, en: Energy is used.}\n"
             "    source: Firm manual 3.1\n"
             "  - id: firm_basis\n"
             "    when: energy.total_tce > 0\n"
             "    severity: info\n"
             "    text: {zh: 有能耗。, en: Energy is used.}\n"
             "    source: Firm manual 3.2\n"
             "    basis: {zh: \"企业手册第3.2条（{energy.total_tce|0} tce）\", "
             "en: \"firm manual, clause 3.2 ({energy.total_tce|0} tce)\"}\n");
  tu_run r;
  tu_open(&r);
  const char *dirs[2] = {arena_printf(r.a, "%s/rules", tu_root()), dir};
  bool io;
  r.checks = checks_load(r.a, r.dl, r.u, dirs, 2, &io);
  ck_assert_ptr_nonnull(r.checks);
  tu_facility(&r, arena_printf(r.a, "%s"
                                    "meters:\n"
                                    "  - {id: C1, carrier: raw_coal, level: 1, "
                                    "total: \"1,000 t\"}\n",
                               TU_HEAD));
  ck_assert_msg(r.results, "%s", tu_diags(&r));
  const value *fs = val_path(r.results, "findings");
  int seen = 0;
  for (size_t i = 0; fs && i < fs->n; i++) {
    const char *id = val_get(fs->items[i], "rule")->str;
    const char *zh = val_path(fs->items[i], "basis.zh")->str;
    const char *en = val_path(fs->items[i], "basis.en")->str;
    if (strcmp(id, "firm_plain") == 0) {
      ck_assert_str_eq(zh, "Firm manual 3.1");
      ck_assert_str_eq(en, "Firm manual 3.1");
      seen++;
    } else if (strcmp(id, "firm_basis") == 0) {
      ck_assert_str_eq(zh, "企业手册第3.2条（714 tce）");
      ck_assert_str_eq(en, "firm manual, clause 3.2 (714 tce)");
      ck_assert_str_eq(val_get(fs->items[i], "source")->str, "Firm manual 3.2");
      seen++;
    } else {
      ck_assert_msg(!strchr(en, '.') || !strstr(en, ".md"), "%s: %s", id, en);
    }
  }
  ck_assert_int_eq(seen, 2);
  unlink(path);
  rmdir(sub);
  rmdir(dir);
  tu_close(&r);
}
END_TEST

/* The text of s with every space, tab and newline removed, so that a
   phrase is found however the PDF's lines broke it. */
static char *squeeze(const char *s)
{
  char *out = malloc(strlen(s) + 1), *o = out;
  ck_assert_ptr_nonnull(out);
  for (; *s; s++)
    if (*s != ' ' && *s != '\n' && *s != '\t' && *s != '\f')
      *o++ = *s;
  *o = 0;
  return out;
}

/* The squeezed text of `report --lang lang` of the aluminium sample, with
   the rules directory dir layered (NULL: the shipped rules only). */
static char *report_text(const char *dir, const char *lang)
{
  char tmp[] = "/tmp/auditgen-checked-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(tmp));
  char pdf[64], cmd[160];
  snprintf(pdf, sizeof pdf, "%s/r.pdf", tmp);
  /* re-assessed on 2024-12-31, when GB 21346-2022 (the firm's marked,
     unverified limits) is in force: on 2023-12-31 GB 21346-2013 applies */
  const char *argv[] = {tu_bin(), "report", "samples/aluminium-smelter.yaml",
                        "--as-of", "2024-12-31", "--lang", lang, "-o", pdf,
                        "-q", dir ? "--rules" : NULL, dir, NULL};
  char *out, *err;
  ck_assert_msg(tu_exec(argv, tu_root(), &out, &err) == 0, "%s", err);
  free(out);
  free(err);
  snprintf(cmd, sizeof cmd, "pdftotext -layout '%s' -", pdf);
  const char *sh[] = {"/bin/sh", "-c", cmd, NULL};
  ck_assert_int_eq(tu_exec(sh, tmp, &out, &err), 0);
  char *text = squeeze(out);
  free(out);
  free(err);
  unlink(pdf);
  rmdir(tmp);
  return text;
}

/* The part of text from heading `from` to heading `to` (or the end): the
   last `from`, past the table of contents. */
static char *section(const char *text, const char *from, const char *to)
{
  const char *a = NULL;
  for (const char *p = strstr(text, from); p; p = strstr(p + 1, from))
    a = p;
  ck_assert_msg(a != NULL, "no section %s", from);
  const char *b = to ? strstr(a, to) : NULL;
  return strndup(a, b ? (size_t)(b - a) : strlen(a));
}

/* A firm's rules directory that only marks a value checked keeps the
   shipped value and adds who checked it, against which copy and when:
   the JSON carries it, Appendix B says so in either language, and the
   values no longer appear among those awaiting checking. */
START_TEST(t_firm_marks_checked)
{
  char dir[] = "/tmp/auditgen-firm-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  char cpath[160], bdir[160], bpath[200];
  snprintf(cpath, sizeof cpath, "%s/carriers.yaml", dir);
  snprintf(bdir, sizeof bdir, "%s/benchmarks", dir);
  snprintf(bpath, sizeof bpath, "%s/firm.yaml", bdir);
  ck_assert_int_eq(mkdir(bdir, 0755), 0);
  write_file(cpath, "carriers:\n"
                    "  natural_gas:\n"
                    "    checked: {by: 张三, against: GB/T 2589-2020正式文本, "
                    "on: 2026-11-30}\n");
  write_file(bpath, "benchmarks:\n"
                    "  aluminium_ingot:\n"
                    "    checked:\n"
                    "      by: Li Si\n"
                    "      against: GB 21346-2022 official text\n"
                    "      on: 2026-11-28\n");

  /* the loader: same coefficient and grades, the mark added */
  tu_run r;
  tu_open(&r);
  const char *dirs[2] = {arena_printf(r.a, "%s/rules", tu_root()), dir};
  bool io;
  factors *f = factors_load(r.a, r.dl, r.u, dirs, 2, &io);
  ck_assert_msg(f != NULL, "%s", tu_diags(&r));
  const carrier_def *ng = factors_carrier(f, "natural_gas");
  ck_assert_double_eq(ng->coef_kgce,
                      factors_carrier(r.f, "natural_gas")->coef_kgce);
  ck_assert(!ng->verified);
  ck_assert(ng->checked.present);
  ck_assert_str_eq(ng->checked.by, "张三");
  ck_assert(!ng->c_checked.present);
  ck_assert_str_eq(ng->citation.zh,
                   factors_carrier(r.f, "natural_gas")->citation.zh);
  const benchmark *bm = factors_benchmark(f, "aluminium_ingot");
  ck_assert_uint_eq(bm->n_ind, factors_benchmark(r.f, "aluminium_ingot")->n_ind);
  ck_assert_double_eq(bm->ind[0].grade[2],
                      factors_benchmark(r.f, "aluminium_ingot")->ind[0].grade[2]);
  ck_assert(bm->checked.present);
  ck_assert_int_eq(bm->checked.on.d, 28);
  ck_assert(!factors_benchmark(r.f, "aluminium_ingot")->checked.present);
  tu_close(&r);

  /* the JSON (spaces squeezed out): the mark beside the value and its
     citation, verified unchanged */
  const char *argv[] = {tu_bin(), "calc", "samples/aluminium-smelter.yaml",
                        "--as-of", "2024-12-31", "--json", "--rules", dir,
                        NULL};
  char *out, *err;
  ck_assert_int_eq(tu_exec(argv, tu_root(), &out, &err), 0);
  char *json = squeeze(out);
  free(out);
  free(err);
  const char *ngj = strstr(json, "\"key\":\"natural_gas.coefficient\"");
  ck_assert_ptr_nonnull(ngj);
  const char *end = strstr(ngj, "}}");
  ck_assert_ptr_nonnull(end);
  char *entry = strndup(ngj, (size_t)(end - ngj));
  ck_assert_msg(strstr(entry, "\"verified\":false,\"enterprise_value\":false,") &&
                    strstr(entry, "\"origin\":\"standard\",") &&
                    strstr(entry, "\"citation\":"),
                "%.400s", entry);
  ck_assert_msg(strstr(entry, "\"citation_zh\":\"GB/T2589-2008《综合能耗计算通则》"
                              "附录A（气田天然气）\",\"checked\":{\"by\":\"张三\","
                              "\"against\":\"GB/T2589-2020正式文本\",\"on\":"
                              "\"2026-11-30\""),
                "%.400s", entry);
  free(entry);
  ck_assert_msg(strstr(json, "\"coefficient_checked\":{\"by\":\"张三\""),
                "energy.carriers[natural_gas] has no coefficient_checked");
  ck_assert_msg(strstr(json, "表1\",\"checked\":{\"by\":\"LiSi\",\"against\":"
                             "\"GB21346-2022officialtext\",\"on\":\"2026-11-28\"}"),
                "the benchmark has no checked mark");
  free(json);

  /* the reports: without the layer both values await checking; with it
     Appendix B says who checked them, and they await checking no more */
  const char *zh_ng = "天然气（气田天然气）折标准煤系数";
  char *plain = report_text(NULL, "zh");
  char *wait = section(plain, "待核对的数值", "数据说明");
  ck_assert_msg(strstr(wait, zh_ng), "%.400s", wait);
  ck_assert_msg(strstr(wait, "能耗限额：GB21346-2022"), "%.400s", wait);
  ck_assert_ptr_null(strstr(plain, "经核对"));
  free(wait);
  free(plain);

  char *zh = report_text(dir, "zh");
  wait = section(zh, "待核对的数值", "经核对的数值");
  ck_assert_ptr_null(strstr(wait, zh_ng));
  ck_assert_ptr_null(strstr(wait, "能耗限额：GB21346-2022"));
  ck_assert_msg(strstr(wait, "电力供电煤耗"), "%.400s", wait);
  free(wait);
  char *done = section(zh, "经核对的数值", "数据说明");
  ck_assert_msg(strstr(done, "经核对：张三/GB/T2589-2020正式文本/2026-11-30"),
                "%.600s", done);
  ck_assert_msg(strstr(done, "经核对：LiSi/GB21346-2022officialtext/2026-11-28"),
                "%.600s", done);
  free(done);
  free(zh);

  char *en = report_text(dir, "en");
  wait = section(en, "Valuesawaitingchecking", "Valuescheckedagainstthetext");
  ck_assert_ptr_null(strstr(wait, "Naturalgas(gas-fieldgas):conversion"));
  ck_assert_ptr_null(strstr(wait, "GB21346-2022"));
  ck_assert_msg(strstr(wait, "Naturalgas(gas-fieldgas):combustion"),
                "%.400s", wait);
  free(wait);
  done = section(en, "Valuescheckedagainstthetext", "Notesonthedata");
  ck_assert_msg(strstr(done, "checkedby张三againstGB/T2589-2020正式文本on"
                             "2026-11-30"),
                "%.600s", done);
  ck_assert_msg(strstr(done, "checkedbyLiSiagainstGB21346-2022officialtexton"
                             "2026-11-28"),
                "%.600s", done);
  free(done);
  free(en);

  unlink(cpath);
  unlink(bpath);
  rmdir(bdir);
  rmdir(dir);
}
END_TEST

Suite *rules_suite(void)
{
  Suite *s = suite_create("rules");
  TCase *tc = tcase_create("rules");
  tcase_add_test(tc, t_reference_coefficients);
  tcase_add_test(tc, t_firm_override_and_errors);
  tcase_add_test(tc, t_glossary_layering);
  tcase_add_test(tc, t_neutral_text);
  tcase_add_test(tc, t_check_basis);
  suite_add_tcase(s, tc);
  /* four reports: longer than the default timeout on a busy machine */
  TCase *slow = tcase_create("checked");
  tcase_set_timeout(slow, 300);
  tcase_add_test(slow, t_firm_marks_checked);
  suite_add_tcase(s, slow);
  return s;
}
