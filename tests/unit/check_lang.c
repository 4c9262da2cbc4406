/* check_lang.c — each language mode speaks only its language: the text of
 * every sample's Chinese report holds no English word and its English
 * report no Chinese character (`pdftotext -layout`, page by page).
 *
 * An English word is a run of letters, digits and "_" with three letters
 * in a row that is not an acronym (all capitals: NCV, CRF, GB), not one of
 * the symbols below and not a word of the enterprise's, the auditor's or
 * the firm's own name. A Chinese run is allowed only inside those names.
 * The failure lists every offending word with its page. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../generator/base/buf.h"
#include "../../generator/calc/calc.h"
#include "../../generator/load/style.h"
#include "suites.h"
#include "testutil.h"

/* Unit symbols and chemical or analysis symbols, the same in both
   languages. Nothing else: a word that reaches a Chinese report needs a
   Chinese wording (rules/terms.yaml, the templates, the rule texts). */
static const char *const symbols[] = {
    "tce",  "kgce", "gce", "tCO2", "tCO2e", "kgCO2", "kWh", "MWh", "GWh",
    "kcal", "MPa",  "kPa", "min",  "kVA", "MVA",
    "CaO",  "MgO",  "Car", /* clinker and coal analyses (C as received) */
    "CaCO3",               /* the carbonate of a sorbent or flux */
    NULL};

/* Words allowed for now although they are not the report's language
   (work in progress elsewhere); empty: a report cites only official
   documents (rules/README.md, "Citation and provenance"). */
static const char *const pending[] = {NULL};

/* The provenance of a value (where this project took it from, why it is
   unverified) is for maintainers: a report cites the standard or the
   notice, or says once that a value awaits checking. None of these may
   appear in a report of either language (case-sensitive substrings). */
static const char *const provenance[] = {
    "UNVERIFIED", "compiler",   "GitHub",      "github",    "adgo07",
    "ECQuota",    "EquipEffi",  "build_",      "tools/",    "README",
    "standards.md", "transcri", "Transcri",    "database",  "Interfax",
    "Reuters",    "tothetick",  "转录",        "转载",      "问答",
    "数据库",     "编者",       "本项目",      "第三方",    NULL};

/* Provenance words of text, "p.N word" each, into out; returns the count. */
static int scan_provenance(const char *text, buf *out)
{
  int count = 0;
  for (size_t i = 0; provenance[i]; i++)
    for (const char *p = strstr(text, provenance[i]); p;
         p = strstr(p + 1, provenance[i])) {
      int page = 1;
      for (const char *q = text; q < p; q++)
        page += *q == '\f';
      if (count < 60)
        buf_printf(out, "  p.%d %s\n", page, provenance[i]);
      count++;
    }
  return count;
}

static const char *const samples[] = {
    "cement-plant",          "power-plant",           "aluminium-smelter",
    "training/boiler-house", "training/dyeing-plant", "training/office-building",
    "hospital",
    "sectors/lime-kiln",     "sectors/float-glass",   "sectors/eaf-steel",
    "sectors/soda-ash",      "sectors/coal-power-fgd", "sectors/clinker-lines",
    "sectors/methanol",      "sectors/ammonia",       "sectors/calcium-carbide",
    "sectors/coking",        "sectors/coal-mine",     "sectors/adipic-acid",
    "sectors/paper-mill",    "sectors/dye-works",
    /* industry: C34 (GB/T 4754-2017), a test facility */
    "../tests/lang/machinery-plant"};

static bool listed(const char *const *list, const char *w, size_t n)
{
  for (size_t i = 0; list[i]; i++)
    if (strlen(list[i]) == n && memcmp(list[i], w, n) == 0)
      return true;
  return false;
}

static bool is_word_char(unsigned char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '_';
}

static bool is_letter(unsigned char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Whether word w (n bytes) is a whole word of one of the names. */
static bool in_names(const char *const *names, const char *w, size_t n)
{
  for (size_t i = 0; names[i]; i++)
    for (const char *p = names[i]; *p; p++)
      if (strncmp(p, w, n) == 0 && !is_word_char((unsigned char)p[n]) &&
          (p == names[i] || !is_word_char((unsigned char)p[-1])))
        return true;
  return false;
}

/* An English word of the Chinese report (see the header). */
static bool foreign_word(const char *w, size_t n, const char *const *names)
{
  bool three = false, upper = true;
  for (size_t i = 0, run = 0; i < n; i++) {
    unsigned char c = (unsigned char)w[i];
    run = is_letter(c) ? run + 1 : 0;
    three |= run >= 3;
    upper &= !(c >= 'a' && c <= 'z');
  }
  return three && !upper && !listed(symbols, w, n) && !listed(pending, w, n) &&
         !in_names(names, w, n);
}

/* The code point at p (UTF-8), its length in *len. */
static unsigned code_point(const unsigned char *p, size_t *len)
{
  if (*p < 0x80) {
    *len = 1;
    return *p;
  }
  int more = *p >= 0xF0 ? 3 : *p >= 0xE0 ? 2 : 1;
  unsigned cp = *p & (0x3F >> more);
  size_t k = 1;
  for (; k <= (size_t)more && (p[k] & 0xC0) == 0x80; k++)
    cp = (cp << 6) | (p[k] & 0x3F);
  *len = k;
  return cp;
}

static bool is_cjk(unsigned cp)
{
  return (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFFEF);
}

/* Offending words of text, "p.N word" each, into out; returns the count. */
static int scan(const char *text, bool zh, const char *const *names, buf *out)
{
  int count = 0, page = 1;
  const unsigned char *p = (const unsigned char *)text;
  while (*p) {
    if (*p == '\f') {
      page++;
      p++;
      continue;
    }
    if (zh && is_word_char(*p)) {
      const unsigned char *w = p;
      while (is_word_char(*p))
        p++;
      if (foreign_word((const char *)w, (size_t)(p - w), names)) {
        if (count < 60)
          buf_printf(out, "  p.%d %.*s\n", page, (int)(p - w), (const char *)w);
        count++;
      }
      continue;
    }
    size_t len;
    unsigned cp = code_point(p, &len);
    if (!zh && is_cjk(cp)) {
      const unsigned char *w = p;
      while (*p && is_cjk(code_point(p, &len)))
        p += len;
      char *run = strndup((const char *)w, (size_t)(p - w));
      bool ok = false;
      for (size_t i = 0; names[i] && !ok; i++)
        ok = strstr(names[i], run) != NULL;
      if (!ok) {
        if (count < 60)
          buf_printf(out, "  p.%d %s\n", page, run);
        count++;
      }
      free(run);
      continue;
    }
    p += len;
  }
  return count;
}

START_TEST(t_one_language)
{
  const char *name = samples[_i];
  tu_run r;
  tu_open(&r);
  const char *path =
      arena_printf(r.a, "%s/samples/%s.yaml", tu_root(), name);
  bool io;
  r.m = model_load(r.a, r.dl, r.u, r.f, path, path, &io);
  ck_assert_msg(r.m != NULL, "%s does not load", name);
  r.results = calc_run(r.a, r.dl, r.m, r.f, name);
  style_file *sf = style_load(
      r.a, r.dl, r.u, arena_printf(r.a, "%s/templates/style.yaml", tu_root()));
  ck_assert_ptr_nonnull(sf);
  const char *keys[] = {"facility.name.zh", "facility.name.en",
                        "audit.auditor.zh", "audit.auditor.en"};
  const char *names[8];
  size_t nn = 0;
  for (size_t i = 0; i < 4; i++) {
    const value *v = val_path(r.results, keys[i]);
    if (v && v->kind == VAL_STR)
      names[nn++] = v->str;
  }
  names[nn++] = sf->firm.zh;
  names[nn++] = sf->firm.en;
  names[nn] = NULL;

  char dir[] = "/tmp/auditgen-lang-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  buf msg;
  buf_init(&msg);
  int total = 0;
  static const char *const langs[] = {"zh", "en"};
  for (int l = 0; l < 2; l++) {
    const char *pdf = arena_printf(r.a, "%s/%s.pdf", dir, langs[l]);
    const char *argv[] = {tu_bin(), "report", path,       "--lang",
                          langs[l], "-o",     pdf,        "-q",
                          NULL};
    char *out, *err;
    int rc = tu_exec(argv, tu_root(), &out, &err);
    ck_assert_msg(rc == 0, "%s --lang %s: exit %d: %s", name, langs[l], rc,
                  err);
    free(out);
    free(err);
    const char *cmd = arena_printf(r.a, "pdftotext -layout '%s' -", pdf);
    const char *sh[] = {"/bin/sh", "-c", cmd, NULL};
    rc = tu_exec(sh, dir, &out, &err);
    ck_assert_msg(rc == 0, "pdftotext: %s", err);
    buf found;
    buf_init(&found);
    int n = scan(out, l == 0, names, &found);
    if (n) {
      buf_printf(&msg, "%s --lang %s: %d %s:\n%s", name, langs[l], n,
                 l == 0 ? "English words" : "Chinese runs",
                 found.data ? found.data : "");
      total += n;
    }
    buf_fini(&found);
    buf_init(&found);
    n = scan_provenance(out, &found);
    if (n) {
      buf_printf(&msg, "%s --lang %s: %d working notes:\n%s", name,
                 langs[l], n, found.data ? found.data : "");
      total += n;
    }
    buf_fini(&found);
    free(out);
    free(err);
    unlink(pdf);
  }
  rmdir(dir);
  ck_assert_msg(total == 0, "foreign words in the reports:\n%s",
                msg.data ? msg.data : "");
  buf_fini(&msg);
  tu_close(&r);
}
END_TEST

/* The scanner itself: what counts as a foreign word. */
START_TEST(t_scanner)
{
  const char *names[] = {"Zhejiang Demo Cement Co., Ltd.", "浙江示范水泥有限公司",
                         NULL};
  buf out;
  buf_init(&out);
  ck_assert_int_eq(scan("综合能耗173,848.24 tce，tCO2/MWh，NCV、GB/T 2589、"
                        "91330522MA28C4K79N、E01、CaO\f企业英文名称 Zhejiang "
                        "Demo Cement Co., Ltd.",
                        true, names, &out),
                   0);
  ck_assert_int_eq(scan("原煤raw_coal\f依据：marginal abatement cost (results.md)",
                        true, names, &out),
                   5);
  ck_assert_msg(strstr(out.data, "p.1 raw_coal\n  p.2 marginal\n"), "%s",
                out.data);
  ck_assert_msg(strstr(out.data, "p.2 results\n"), "%s", out.data);
  buf_fini(&out);
  buf_init(&out);
  ck_assert_int_eq(scan("Name (Chinese) 浙江示范水泥\n有限公司 × 10⁴ CNY — “a”",
                        false, names, &out),
                   0);
  ck_assert_int_eq(scan("Energy cost 19,057.99 万元\f\f（Basis）", false, names,
                        &out),
                   3);
  ck_assert_msg(strstr(out.data, "p.1 万元\n  p.3 （\n  p.3 ）\n"), "%s",
                out.data);
  buf_fini(&out);
  buf_init(&out);
  ck_assert_int_eq(scan_provenance("GB 16780-2021《水泥单位产品能源消耗限额》表1",
                                   &out),
                   0);
  ck_assert_int_eq(scan_provenance("表1\f经第三方转录项目 adgo07/ECQuota-Insight"
                                   "（GitHub）\fUNVERIFIED: a compiler's note",
                                   &out),
                   7);
  ck_assert_msg(strstr(out.data, "p.3 UNVERIFIED\n  p.3 compiler\n  p.2 GitHub"),
                "%s", out.data);
  buf_fini(&out);
}
END_TEST

/* explain speaks the language asked for: the formula, basis, inputs and
   sources in its wording; only the result paths stay machine text. */
START_TEST(t_explain_languages)
{
  static const char *const paths[] = {
      "energy.total_tce", "energy.balance[electricity].loss",
      "measures[0].abatement_cost_cny_per_tco2",
      "energy.products[clinker].benchmark.savings_potential_tce"};
  for (size_t i = 0; i < sizeof paths / sizeof *paths; i++)
    for (int zh = 0; zh < 2; zh++) {
      const char *argv[] = {tu_bin(),  "explain",   "samples/cement-plant.yaml",
                            paths[i], "--lang", zh ? "zh" : "en", NULL};
      char *out, *err;
      ck_assert_int_eq(tu_exec(argv, tu_root(), &out, &err), 0);
      static const char *const machine[] = {
          "coefficient_kgce", "annual_saving_cny", "end_use", "results.md",
          "docs/", "stock_change", "required_points", "raw_coal  "};
      for (size_t k = 0; k < sizeof machine / sizeof *machine; k++)
        ck_assert_msg(!strstr(out, machine[k]), "%s --lang %s prints %s:\n%s",
                      paths[i], zh ? "zh" : "en", machine[k], out);
      if (zh)
        ck_assert_msg(strstr(out, "依据") || strstr(out, "["), "%s", out);
      free(out);
      free(err);
    }
  const char *argv[] = {tu_bin(), "explain", "samples/cement-plant.yaml",
                        "energy.balance[electricity].loss", "--lang", "zh",
                        NULL};
  char *out, *err;
  ck_assert_int_eq(tu_exec(argv, tu_root(), &out, &err), 0);
  ck_assert_msg(strstr(out, "= 输入量 − 最终使用量    [本报告“能量平衡与损失”一节]"),
                "%s", out);
  free(out);
  free(err);
}
END_TEST

Suite *lang_suite(void)
{
  Suite *s = suite_create("lang");
  TCase *tc = tcase_create("lang");
  tcase_set_timeout(tc, 600);
  tcase_add_test(tc, t_scanner);
  tcase_add_test(tc, t_explain_languages);
  tcase_add_loop_test(tc, t_one_language, 0,
                      (int)(sizeof samples / sizeof *samples));
  suite_add_tcase(s, tc);
  return s;
}
