/* check_present.c — what a reviewer sends back about the presentation of a
 * report (issue 10): empty sections, "0.00" for what was not computed, the
 * grid-factor sentence, chart labels and values, display units, tables
 * split at a page end, the PDF's information, the audit type's wording and
 * English plurals. Each test renders a sample or a small facility of
 * tests/present/ (or a variant of it written here) in Chinese and English
 * and looks at `pdftotext -layout` of the result, or `pdfinfo`. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../../generator/rules/expr.h"
#include "suites.h"
#include "testutil.h"

/* {====================================================== helpers */

static char *run_sh(const char *cmd, int *rc)
{
  FILE *p = popen(cmd, "r");
  ck_assert_ptr_nonnull(p);
  size_t cap = 1 << 16, len = 0, got;
  char *s = malloc(cap);
  while ((got = fread(s + len, 1, cap - len - 1, p)) > 0) {
    len += got;
    if (cap - len < 2) {
      cap *= 2;
      s = realloc(s, cap);
    }
  }
  s[len] = '\0';
  int st = pclose(p);
  if (rc)
    *rc = WEXITSTATUS(st);
  return s;
}

/* A scratch folder for one test (removed by rm_dir). */
static char *scratch(void)
{
  char *dir = strdup("/tmp/auditgen-present-XXXXXX");
  ck_assert_ptr_nonnull(mkdtemp(dir));
  return dir;
}

static void rm_dir(char *dir)
{
  char cmd[512];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  free(run_sh(cmd, NULL));
  free(dir);
}

/* Writes tests/present/minimal.yaml to dir/NAME.yaml with each "FROM"
   line replaced by "TO" (pairs, NULL-terminated), for variants. */
static const char *variant(const char *dir, const char *name,
                           const char *const *edits)
{
  char path[512];
  snprintf(path, sizeof path, "%s/tests/present/minimal.yaml", tu_root());
  char *text = tu_slurp(path, NULL);
  ck_assert_ptr_nonnull(text);
  for (size_t i = 0; edits && edits[i]; i += 2) {
    char *at = strstr(text, edits[i]);
    ck_assert_msg(at != NULL, "no \"%s\" in minimal.yaml", edits[i]);
    size_t fl = strlen(edits[i]), tl = strlen(edits[i + 1]);
    char *next = malloc(strlen(text) - fl + tl + 1);
    memcpy(next, text, (size_t)(at - text));
    memcpy(next + (at - text), edits[i + 1], tl);
    strcpy(next + (at - text) + tl, at + fl);
    free(text);
    text = next;
  }
  static char out[512];
  snprintf(out, sizeof out, "%s/%s.yaml", dir, name);
  FILE *f = fopen(out, "w");
  ck_assert_ptr_nonnull(f);
  fputs(text, f);
  fclose(f);
  free(text);
  return out;
}

/* Renders the facility at yaml (absolute, or relative to the root) in
   lang to dir/LANG.pdf; returns the text of `pdftotext -layout`. */
static char *render(const char *dir, const char *yaml, const char *lang)
{
  char cmd[2048];
  int rc;
  snprintf(cmd, sizeof cmd,
           "cd '%s' && SOURCE_DATE_EPOCH=1700000000 '%s' report '%s' --lang "
           "%s -o '%s/%s.pdf' -q 2>&1",
           tu_root(), tu_bin(), yaml, lang, dir, lang);
  char *out = run_sh(cmd, &rc);
  ck_assert_msg(rc == 0, "%s %s: %s", yaml, lang, out);
  free(out);
  snprintf(cmd, sizeof cmd, "pdftotext -layout '%s/%s.pdf' - 2>&1", dir,
           lang);
  return run_sh(cmd, NULL);
}

/* The `pdfinfo` line of KEY ("Title") of dir/LANG.pdf, without the key. */
static char *info_of(const char *dir, const char *lang, const char *key)
{
  char cmd[1024];
  snprintf(cmd, sizeof cmd,
           "pdfinfo '%s/%s.pdf' | sed -n 's/^%s: *//p' | tr -d '\\n'", dir,
           lang, key);
  return run_sh(cmd, NULL);
}

/* s without white space (malloc'd): a sentence that pdftotext wraps, or
   sets with the spaces of a justified line, still matches. */
static char *squeeze(const char *s)
{
  char *o = malloc(strlen(s) + 1), *q = o;
  for (; *s; s++)
    if (*s != ' ' && *s != '\n' && *s != '\t' && *s != '\f')
      *q++ = *s;
  *q = '\0';
  return o;
}

/* Whether want is in text, white space aside. */
static bool contains(const char *text, const char *want)
{
  char *t = squeeze(text), *w = squeeze(want);
  bool r = strstr(t, w) != NULL;
  free(t);
  free(w);
  return r;
}

static void has(const char *text, const char *want, const char *what)
{
  ck_assert_msg(contains(text, want), "%s: no \"%s\"", what, want);
}

static void lacks(const char *text, const char *bad, const char *what)
{
  ck_assert_msg(!contains(text, bad), "%s: \"%s\" is there", what, bad);
}

/* }====================================================== */
/* {====================================================== metadata */

/* Title, subject and keywords in the report's language; the author the
   facility's auditor (the cover's), else the style's firm. */
START_TEST(t_metadata)
{
  char *dir = scratch();
  const char *langs[] = {"zh", "en", "bilingual"};
  for (int l = 0; l < 3; l++)
    free(render(dir, "samples/cement-plant.yaml", langs[l]));
  char *s = info_of(dir, "zh", "Title");
  ck_assert_str_eq(s, "能源审计报告（及碳排放审计）——浙江华东示范水泥有限公司");
  free(s);
  s = info_of(dir, "zh", "Author");
  ck_assert_str_eq(s, "浙江示范节能技术咨询有限公司");
  free(s);
  s = info_of(dir, "zh", "Subject");
  ck_assert_str_eq(s, "能源审计（GB/T 17166）及碳排放审计（GB/T 32150）");
  free(s);
  s = info_of(dir, "en", "Title");
  ck_assert_str_eq(s, "Energy Audit Report and Carbon Audit - Zhejiang "
                      "Huadong Demo Cement Co., Ltd.");
  free(s);
  s = info_of(dir, "en", "Author");
  ck_assert_str_eq(s, "Zhejiang Demo Energy Conservation Consulting Co., "
                      "Ltd.");
  free(s);
  s = info_of(dir, "en", "Subject");
  ck_assert_str_eq(s, "Energy audit (GB/T 17166) and carbon audit "
                      "(GB/T 32150)");
  free(s);
  s = info_of(dir, "bilingual", "Title");
  ck_assert_str_eq(s, "能源审计报告（及碳排放审计）——浙江华东示范水泥有限公司 "
                      "/ Energy Audit Report and Carbon Audit - Zhejiang "
                      "Huadong Demo Cement Co., Ltd.");
  free(s);
  /* no auditor in the facility file: the style's firm */
  free(render(dir, "tests/present/minimal.yaml", "en"));
  s = info_of(dir, "en", "Author");
  ck_assert_str_eq(s, "Example Energy Consulting Ltd.");
  free(s);
  rm_dir(dir);
}
END_TEST

/* }====================================================== */

/* {====================================================== grid factor */

/* The sentence that names the grid factor reads whole in both languages,
   with the regional factor and with the enterprise's own. */
START_TEST(t_grid_factor_sentence)
{
  char *dir = scratch();
  char *zh = render(dir, "tests/present/minimal.yaml", "zh");
  char *en = render(dir, "tests/present/minimal.yaml", "en");
  has(zh, "电网排放因子采用华北电网2023年电力平均二氧化碳排放因子0.6361", "zh");
  has(en, "The grid emission factor is the 2023 average CO2 emission factor "
          "of electricity of the North China grid, 0.6361",
      "en");
  free(zh);
  free(en);
  static const char *const own[] = {
      "    total: \"1,200,000 kWh\"\n",
      "    total: \"1,200,000 kWh\"\n\nfactors:\n  electricity:\n"
      "    emission_factor: \"0.5257 tCO2/MWh\"\n"
      "    source: {zh: 供电公司提供的绿电交易结算因子, en: \"green power "
      "settlement factor from the supplier\"}\n",
      NULL};
  const char *y = variant(dir, "own-factor", own);
  zh = render(dir, y, "zh");
  en = render(dir, y, "en");
  has(zh, "电力排放因子采用企业提供的数值0.5257 tCO2/MWh，代替区域电网平均二氧化碳排放因子。", "zh");
  has(en, "The emission factor of electricity is the enterprise's own value, "
          "0.5257 tCO2/MWh, in place of the regional grid's average CO2 "
          "emission factor.",
      "en");
  lacks(zh, "自定因子—年", "zh");
  lacks(zh, "—年", "zh");
  lacks(en, "the — average", "en");
  lacks(en, "of the enterprise's own factor", "en");
  free(zh);
  free(en);
  rm_dir(dir);
}
END_TEST

/* }====================================================== */

/* {====================================================== audit type */

/* The summary's opening and the cover follow the audit type: a full or
   special audit is made at the enterprise's request, an internal one by
   its own team ("受…委托" never appears in it). */
START_TEST(t_audit_type)
{
  char *dir = scratch();
  static const struct {
    const char *type, *zh, *en, *cover_zh, *cover_en;
  } cases[] = {
      {"full", "受示范小微企业有限公司委托，审计组依据", "At the request of "
       "Demo Small Enterprise Co., Ltd., the audit team made a full energy "
       "audit", "审计类型：全面审计", "Audit type: full audit"},
      {"special", "受示范小微企业有限公司委托，审计组依据",
       "At the request of Demo Small Enterprise Co., Ltd., the audit team "
       "made a special energy audit", "审计类型：专项审计",
       "Audit type: special audit"},
      {"internal", "示范小微企业有限公司组织本企业审计组，依据",
       "The internal audit team of Demo Small Enterprise Co., Ltd. audited "
       "the enterprise's own energy use", "审计类型：企业内部审计",
       "Audit type: internal audit"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    char to[64];
    snprintf(to, sizeof to, "  type: %s\n", cases[i].type);
    const char *const edit[] = {"  type: full\n", to, NULL};
    const char *y = variant(dir, cases[i].type, edit);
    char *zh = render(dir, y, "zh");
    char *en = render(dir, y, "en");
    has(zh, cases[i].zh, cases[i].type);
    has(en, cases[i].en, cases[i].type);
    has(zh, cases[i].cover_zh, cases[i].type);
    has(en, cases[i].cover_en, cases[i].type);
    if (strcmp(cases[i].type, "internal") == 0) {
      lacks(zh, "委托", "internal");
      lacks(en, "At the request of", "internal");
    }
    free(zh);
    free(en);
  }
  rm_dir(dir);
}
END_TEST

/* }====================================================== */

/* {====================================================== plurals */

static const char *plural_of(tu_run *r, const char *text)
{
  expr_error err;
  expr_text *t = expr_text_compile(r->a, r->u, text, true, NULL, NULL, NULL,
                                   &err);
  ck_assert_msg(t != NULL, "%s: %s", text, t ? "" : err.msg);
  return expr_text_render(r->a, t, r->results, NULL, NULL);
}

/* "{{n|plural NOUN}}": the singular for one, regular plurals, a given
   irregular one; a null count is "—". */
START_TEST(t_plural_filter)
{
  tu_run r;
  tu_open(&r);
  tu_facility(&r, TU_HEAD);
  r.results = r.results ? r.results : val_obj(r.a);
  ck_assert_str_eq(plural_of(&r, "{{1|plural carrier}}"), "1 carrier");
  ck_assert_str_eq(plural_of(&r, "{{0|plural carrier}}"), "0 carriers");
  ck_assert_str_eq(plural_of(&r, "{{2|plural energy carrier}}"),
                   "2 energy carriers");
  ck_assert_str_eq(plural_of(&r, "{{3|plural nonconformity}}"),
                   "3 nonconformities");
  ck_assert_str_eq(plural_of(&r, "{{1|plural nonconformity}}"),
                   "1 nonconformity");
  ck_assert_str_eq(plural_of(&r, "{{2|plural day}}"), "2 days");
  ck_assert_str_eq(plural_of(&r, "{{2|plural box}}"), "2 boxes");
  ck_assert_str_eq(plural_of(&r, "{{2|plural switch}}"), "2 switches");
  ck_assert_str_eq(plural_of(&r, "{{1200|plural meter}}"), "1,200 meters");
  ck_assert_str_eq(
      plural_of(&r, "{{1|plural item of advice/items of advice}}"),
      "1 item of advice");
  ck_assert_str_eq(
      plural_of(&r, "{{4|plural item of advice/items of advice}}"),
      "4 items of advice");
  ck_assert_str_eq(plural_of(&r, "{{null|plural carrier}}"), "—");
  /* bad forms are template errors */
  static const char *const bad[] = {"{{1|plural }}", "{{1|plural a/b/c}}",
                                    "{{1|plural /x}}", "{{1|plural 3x}}",
                                    "{{1|plurals x}}", NULL};
  for (size_t i = 0; bad[i]; i++) {
    expr_error err;
    ck_assert_msg(expr_text_compile(r.a, r.u, bad[i], true, NULL, NULL, NULL,
                                    &err) == NULL,
                  "%s accepted", bad[i]);
  }
  tu_close(&r);
}
END_TEST

/* Every count the English report prints agrees with its noun: a facility
   with one carrier, one price missing, one finding of a kind. */
START_TEST(t_plurals_in_report)
{
  char *dir = scratch();
  char *en = render(dir, "tests/present/minimal.yaml", "en");
  has(en, "The enterprise used 1 energy carrier (working media included)",
      "carriers");
  has(en, "monthly purchase data for 0 carriers", "monthly");
  has(en, "No price for 1 purchased carrier:", "finding");
  has(en, "365 days (12 months)", "period");
  has(en, "0 nonconformities, 0 warnings,", "findings");
  lacks(en, "1 carriers", "carriers");
  lacks(en, "1 energy carriers", "carriers");
  lacks(en, "carrier(s)", "carriers");
  lacks(en, "1 findings", "findings");
  free(en);
  /* one month: 1 month, 31 days */
  static const char *const month[] = {
      "period: {from: 2023-01-01, to: 2023-12-31}",
      "period: {from: 2023-01-01, to: 2023-01-31}", NULL};
  en = render(dir, variant(dir, "month", month), "en");
  has(en, "31 days (1 month)", "one month");
  lacks(en, "1 months", "one month");
  free(en);
  rm_dir(dir);
}
END_TEST

/* }====================================================== */

Suite *present_suite(void)
{
  Suite *s = suite_create("present");
  TCase *tc = tcase_create("present");
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, t_metadata);
  tcase_add_test(tc, t_grid_factor_sentence);
  tcase_add_test(tc, t_audit_type);
  tcase_add_test(tc, t_plural_filter);
  tcase_add_test(tc, t_plurals_in_report);
  suite_add_tcase(s, tc);
  return s;
}
