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

#include "../../generator/chart/chart.h"
#include "../../generator/layout/layout.h"
#include "../../generator/rules/expr.h"
#include "../../generator/template/doc.h"
#include "suites.h"
#include "testutil.h"

/* {====================================================== helpers */

static char *run_sh(const char *cmd, int *rc)
{
  char *out;
  int st = tu_sh(cmd, &out);
  if (rc)
    *rc = st;
  return out;
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
   with the regional factor and with the organisation's own (the minimal
   facility is a building: 单位 / organisation, not 企业). */
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
  has(zh, "电力排放因子采用单位提供的数值0.5257 tCO2/MWh，代替区域电网平均二氧化碳排放因子。", "zh");
  has(en, "The emission factor of electricity is the organisation's own value, "
          "0.5257 tCO2/MWh, in place of the regional grid's average CO2 "
          "emission factor.",
      "en");
  lacks(zh, "自定因子—年", "zh");
  lacks(zh, "—年", "zh");
  lacks(en, "the — average", "en");
  lacks(en, "of the organisation's own factor", "en");
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
      {"internal", "示范小微企业有限公司组织本单位审计组，依据",
       "The internal audit team of Demo Small Enterprise Co., Ltd. audited "
       "the organisation's own energy use", "审计类型：单位内部审计",
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
  has(en, "The organisation used 1 energy carrier (working media included)",
      "carriers");
  has(en, "none has monthly purchase data, only annual figures", "monthly");
  has(en, "No price for 1 purchased carrier:", "finding");
  has(en, "365 days (12 months)", "period");
  /* the one warning: GB/T 2589-2020's electricity coefficient is not in
     the rules, the 2008 edition's is used (editions) */
  has(en, "0 nonconformities, 1 warning,", "findings");
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

/* {====================================================== sections */

/* The level of a heading line of `pdftotext -layout` ("5.3 …" 2,
   "A.1.2 …" 3, "5 …" or "附录A …" or "Appendix A …" 1), 0 for another
   line. Headings start at the margin; table rows are indented or start
   with something else. */
static int heading_level(const char *line)
{
  if (strncmp(line, "附录", 6) == 0 && line[6] >= 'A' && line[6] <= 'Z')
    return 1;
  if (strncmp(line, "Appendix ", 9) == 0 && line[9] >= 'A' && line[9] <= 'Z' &&
      line[10] == ' ')
    return 1;
  const char *p = line;
  if (*p >= 'A' && *p <= 'Z' && p[1] == '.')
    p++;
  else if (*p >= '1' && *p <= '9')
    while (*p >= '0' && *p <= '9')
      p++;
  else
    return 0;
  /* the report has 12 chapters: "31.5 MVA)", a wrapped table cell at the
     margin, is not section 31.5 */
  if (*line >= '1' && *line <= '9' && atoi(line) > 20)
    return 0;
  int level = 1;
  while (*p == '.' && p[1] >= '1' && p[1] <= '9') {
    p++;
    while (*p >= '0' && *p <= '9')
      p++;
    level++;
  }
  /* a title starts with a capital or a Chinese character */
  unsigned char t = (unsigned char)p[1];
  if (p == line || *p != ' ' || !((t >= 'A' && t <= 'Z') || t >= 0x80) ||
      (level == 1 && line[0] >= 'A'))
    return 0;
  return level;
}

/* Checks the body text of a report: no heading is followed by a heading
   of its level or above (an empty section), and no page ends with a
   heading. Contents pages (dot leaders), running headers and footers
   are left out. */
static void check_sections(const char *text, const char *what)
{
  char *copy = strdup(text);
  int prev = 0;            /* level of the previous body line if a heading */
  char prev_line[256] = "";
  int page = 1;
  char *save_page;
  for (char *pg = strtok_r(copy, "\f", &save_page); pg;
       pg = strtok_r(NULL, "\f", &save_page), page++) {
    /* the page's lines without blank ones; the first is the running
       header, the last the footer */
    char *lines[400];
    size_t n = 0;
    char *save;
    if (strstr(pg, ". . . . ."))
      continue;
    for (char *ln = strtok_r(pg, "\n", &save); ln && n < 400;
         ln = strtok_r(NULL, "\n", &save))
      if (ln[strspn(ln, " ")])
        lines[n++] = ln;
    if (n < 3)
      continue;
    int last = 0;
    for (size_t i = 1; i + 1 < n; i++) {
      int lv = heading_level(lines[i]);
      if (lv && prev && lv <= prev)
        ck_abort_msg("%s, page %d: \"%s\" has nothing under it (next: %s)",
                     what, page, prev_line, lines[i]);
      if (lv) {
        snprintf(prev_line, sizeof prev_line, "%s", lines[i]);
        prev = lv;
      } else {
        prev = 0;
      }
      last = lv;
    }
    /* a bilingual heading is two lines: the English one has the number
       too, so the last line is enough */
    ck_assert_msg(!last, "%s, page %d ends with the heading \"%s\"", what,
                  page, prev_line);
  }
  free(copy);
}

/* A section with nothing under it is not printed and the numbering has
   no gap (minimal facility: no products, measures, output value or
   equipment; 8.5 排放强度 and 9.1 节能潜力 were headings alone); no page
   of any sample ends with a heading. */
START_TEST(t_no_empty_sections)
{
  char *dir = scratch();
  static const char *const facilities[] = {
      "tests/present/minimal.yaml", "samples/cement-plant.yaml",
      "samples/power-plant.yaml", "samples/aluminium-smelter.yaml",
      "samples/training/office-building.yaml",
      "samples/training/boiler-house.yaml",
      "samples/training/dyeing-plant.yaml"};
  for (size_t f = 0; f < sizeof facilities / sizeof *facilities; f++)
    for (int l = 0; l < 2; l++) {
      const char *lang = l ? "en" : "zh";
      char *t = render(dir, facilities[f], lang);
      char what[256];
      snprintf(what, sizeof what, "%s %s", facilities[f], lang);
      check_sections(t, what);
      if (f == 0 && l == 0) {
        lacks(t, "8.6 排放强度", what);
        lacks(t, "9.1 节能潜力", what);
        has(t, "8.4 其他温室气体", what);
        has(t, "8.6 全国碳排放权交易市场", what);
        has(t, "9.1 节能措施", what);
        lacks(t, "A.2 单位产品综合能耗", what);
      }
      if (f == 0 && l == 1) {
        lacks(t, "8.6 Emission intensity", what);
        lacks(t, "9.1 Saving potential", what);
      }
      free(t);
    }
  rm_dir(dir);
}
END_TEST

/* }====================================================== */

/* {====================================================== tables */

static double fixed_measure(void *ctx, const char *s, size_t len,
                            lay_face face, double size)
{
  (void)ctx;
  (void)face;
  double w = 0;
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    w += c < 0x80 ? 0.5 : (c & 0xC0) != 0x80 ? 1.0 : 0;
  }
  return w * size;
}

/* Sets `filler` one-line paragraphs then a table of `rows` rows (the last
   a total when `total`); returns how many rows each page got (pages
   without rows left out) in per_page, and the number of such pages. */
static size_t rows_per_page(size_t filler, size_t rows, bool total, bool kv,
                            size_t *per_page, size_t cap)
{
  arena *a = arena_new();
  doc d;
  memset(&d, 0, sizeof d);
  doc_table *t = ARENA_NEW(a, doc_table);
  static doc_text head[2] = {{"名称", "Name"}, {"数值", "Value"}};
  static doc_align align[2] = {ALIGN_LEFT, ALIGN_NUMBER};
  static double weight[2] = {3, 1};
  t->cells = ARENA_ARRAY(a, doc_text, rows * 2 + 1);
  for (size_t r = 0; r < rows; r++) {
    t->cells[2 * r].zh = t->cells[2 * r].en = arena_printf(a, "行%zu", r);
    t->cells[2 * r + 1].zh = t->cells[2 * r + 1].en = "1.00";
  }
  t->ncols = 2;
  t->header = head;
  t->align = align;
  t->weight = weight;
  t->nrows = rows;
  t->last_is_total = total;
  t->keyvalue = kv;
  t->caption.zh = "主要指标";
  t->caption.en = "Key figures";
  d.blocks = ARENA_ARRAY(a, doc_block, filler + 2);
  for (size_t i = 0; i < filler; i++) {
    d.blocks[i].kind = DOC_PARA;
    d.blocks[i].text.zh = d.blocks[i].text.en = "一行文字。";
  }
  d.blocks[filler].kind = DOC_TABLE;
  d.blocks[filler].table = t;
  d.n = filler + 1;
  d.short_name.zh = d.short_name.en = "X";
  d.title.zh = d.title.en = "T";
  lay_style st = lay_default_style();
  layout *lay = layout_run(a, &d, &st, LANG_ZH, fixed_measure, NULL);
  size_t np = 0;
  for (size_t p = 0; p < lay->n; p++) {
    size_t k = 0;
    for (size_t i = 0; i < lay->pages[p].n; i++) {
      const lay_box *b = &lay->pages[p].boxes[i];
      k += b->kind == BOX_TEXT && strncmp(b->text, "行", 3) == 0;
    }
    if (k && np < cap)
      per_page[np++] = k;
  }
  arena_free(a);
  return np;
}

/* Wherever a table starts on a page: a table of up to 12 rows is never
   split (a key-value table neither); a longer one (the summary's 17 key
   figures) never leaves one row alone at the foot of a page or
   at the top of the next (the total row included). */
START_TEST(t_table_keep)
{
  static const size_t sizes[] = {2, 3, 7, 12, 13, 20, 45, 46, 47, 90};
  for (size_t s = 0; s < sizeof sizes / sizeof *sizes; s++)
    for (size_t filler = 0; filler < 60; filler++)
      for (int total = 0; total < 3; total++) {
        size_t per[64];
        bool kv = total == 2; /* a key-value table (no header, no total) */
        size_t np = rows_per_page(filler, sizes[s], total == 1, kv, per, 64);
        size_t sum = 0;
        for (size_t p = 0; p < np; p++)
          sum += per[p];
        ck_assert_uint_eq(sum, sizes[s]);
        if (sizes[s] <= 12)
          ck_assert_msg(np == 1, "%zu rows after %zu lines: split over %zu "
                                 "pages",
                        sizes[s], filler, np);
        for (size_t p = 0; p < np; p++)
          ck_assert_msg(per[p] >= 2 || np == 1,
                        "%zu rows after %zu lines: page %zu of the table "
                        "has %zu row",
                        sizes[s], filler, p + 1, per[p]);
      }
}
END_TEST

/* }====================================================== */

/* {====================================================== charts */

/* Every text of a drawing, joined by "|". */
static char *chart_texts(arena *a, const ch_drawing *d)
{
  char *all = arena_strdup(a, "");
  for (size_t i = 0; i < d->n; i++)
    if (d->cmds[i].kind == CH_TEXT)
      all = arena_printf(a, "%s|%s", all, d->cmds[i].text);
  return arena_printf(a, "%s|", all);
}

/* Whether some text of the drawing holds want whole. */
static bool drawn(const ch_drawing *d, const char *want)
{
  for (size_t i = 0; i < d->n; i++)
    if (d->cmds[i].kind == CH_TEXT && strstr(d->cmds[i].text, want))
      return true;
  return false;
}

/* Whether the words of want follow one another over the drawing's texts
   (a label wrapped over lines). */
static bool drawn_wrapped(arena *a, const ch_drawing *d, const char *want)
{
  char *all = chart_texts(a, d);
  for (char *p = all; *p; p++)
    if (*p == '|')
      *p = ' ';
  char *t = squeeze(all), *w = squeeze(want);
  bool r = strstr(t, w) != NULL;
  free(t);
  free(w);
  return r;
}

/* A long label wraps and its value is shown whole ("Clinker production
   line …" lost 166,791; "天然气（气田天然气）33,…"); bars with zero say 0
   in the format of the others, a null draws nothing; the donut's centre
   gives the total with its unit. */
START_TEST(t_chart_labels)
{
  arena *a = arena_new();
  for (int l = 0; l < 2; l++) {
    lay_lang lang = l ? LANG_EN : LANG_ZH;
    /* flow: a source with a long name into a unit with a long name */
    doc_chart fl = {CHART_FLOW, {"能流", "Flow"}, "tce", 3, 3, NULL, NULL,
                    NULL, NULL, NULL};
    fl.cats = ARENA_ARRAY(a, doc_text, 3);
    fl.cats[0] = (doc_text){"天然气（气田天然气）输入计量", "Natural gas (gas "
                                                          "field gas) purchased"};
    fl.cats[1] = (doc_text){"熟料生产线（含余热发电及窑头窑尾系统）",
                            "Clinker production line with waste-heat power"};
    fl.cats[2] = (doc_text){"损失及未计量", "Losses and unmetered"};
    fl.sers = fl.cats;
    fl.values = ARENA_ARRAY(a, double, 9);
    for (int i = 0; i < 9; i++)
      fl.values[i] = NAN;
    fl.values[1 * 3 + 0] = 33456.7; /* 0 → 1 */
    fl.values[2 * 3 + 0] = 400;     /* 0 → 2 */
    ch_drawing *d = chart_draw(a, &fl, 481.9, 230, lang, fixed_measure, NULL);
    ck_assert_msg(drawn(d, "33,857"), "flow: the source's value is cut: %s",
                  chart_texts(a, d));
    ck_assert_msg(drawn(d, "33,457"), "flow: the unit's value is cut: %s",
                  chart_texts(a, d));
    ck_assert_msg(drawn_wrapped(a, d, lang == LANG_EN
                                          ? "Clinker production line with "
                                            "waste-heat power"
                                          : "熟料生产线（含余热发电及窑头窑尾系统）"),
                  "flow: the unit's name is cut: %s", chart_texts(a, d));
    ck_assert_msg(!strstr(chart_texts(a, d), "…"), "flow: %s",
                  chart_texts(a, d));
    /* bars: 376, 0 and not computed */
    doc_chart hb = {CHART_HBARS, {"碳", "CO2"}, "tCO2", 3, 1,
        NULL, NULL, NULL, NULL, NULL};
    hb.cats = ARENA_ARRAY(a, doc_text, 3);
    hb.cats[0] = (doc_text){"范围二 外购电力", "Scope 2 purchased electricity"};
    hb.cats[1] = (doc_text){"范围二 外购热力", "Scope 2 purchased heat"};
    hb.cats[2] = (doc_text){"范围一 过程", "Scope 1 process"};
    hb.values = ARENA_ARRAY(a, double, 3);
    hb.values[0] = 376.2;
    hb.values[1] = 0;
    hb.values[2] = NAN;
    d = chart_draw(a, &hb, 481.9, 190, lang, fixed_measure, NULL);
    char *texts = chart_texts(a, d);
    ck_assert_msg(strstr(texts, "|376 tCO2|") && strstr(texts, "|0 tCO2|"),
                  "bars: %s", texts);
    ck_assert_msg(!strstr(texts, "0.00"), "bars: %s", texts);
    size_t bars = 0, values = 0;
    for (size_t i = 0; i < d->n; i++) {
      bars += d->cmds[i].kind == CH_RECT;
      values += d->cmds[i].kind == CH_TEXT && strstr(d->cmds[i].text, "tCO2");
    }
    ck_assert_uint_eq(bars, 1);   /* the zero and the null draw no bar */
    ck_assert_uint_eq(values, 2); /* the null has no value */
    /* donut: the total with its unit in the centre */
    doc_chart dn = {CHART_DONUT, {"结构", "Structure"}, "tce", 2, 1, NULL, NULL,
                    NULL, NULL, NULL};
    dn.cats = ARENA_ARRAY(a, doc_text, 2);
    dn.cats[0] = (doc_text){"原煤", "Raw coal"};
    dn.cats[1] = (doc_text){"电力", "Electricity"};
    dn.values = ARENA_ARRAY(a, double, 2);
    dn.values[0] = 160503.53;
    dn.values[1] = 13344.71;
    d = chart_draw(a, &dn, 481.9, 190, lang, fixed_measure, NULL);
    texts = chart_texts(a, d);
    ck_assert_msg(strstr(texts, "|173,848.24|tce|"), "donut: %s", texts);
    ck_assert_msg(strstr(texts, lang == LANG_EN ? "|Total|" : "|合计|"),
                  "donut: %s", texts);
    /* abatement curve: five measures, the last with a long name: the
       legend has room for it on three lines, so it is not cut (it read
       "5 Heat pump replaces steam heating in pretreat…") */
    doc_chart mc = {CHART_MACC, {"减排", "MACC"}, "CNY/tCO2", 5, 2, NULL, NULL,
                    NULL, NULL, NULL};
    mc.cats = ARENA_ARRAY(a, doc_text, 5);
    mc.cats[0] = (doc_text){"锅炉烟气冷凝热回收", "Boiler flue-gas condensing economiser"};
    mc.cats[1] = (doc_text){"空压站变频及管网查漏", "Compressor VFD and leak repair"};
    mc.cats[2] = (doc_text){"定形机废气余热回收", "Stenter exhaust heat recovery"};
    mc.cats[3] = (doc_text){"低浴比溢流染色机替换", "Low liquor-ratio jet dyeing machines"};
    mc.cats[4] = (doc_text){"前处理及水洗工段热泵替代蒸汽直接加热改造",
                            "Heat pump replaces live steam heating in "
                            "pretreatment and washing"};
    mc.values = ARENA_ARRAY(a, double, 10);
    static const double red[] = {562, 231, 318, 1799, 558},
                        cost[] = {-1320, -973, -860, -352, 324};
    for (int i = 0; i < 5; i++) {
      mc.values[i] = red[i];
      mc.values[5 + i] = cost[i];
    }
    d = chart_draw(a, &mc, 481.9, 230, lang, fixed_measure, NULL);
    ck_assert_msg(drawn_wrapped(a, d, lang == LANG_EN
                                          ? "5 Heat pump replaces live steam "
                                            "heating in pretreatment and "
                                            "washing"
                                          : "5 前处理及水洗工段热泵替代蒸汽直接"
                                            "加热改造"),
                  "macc: the legend cuts a name: %s", chart_texts(a, d));
    ck_assert_msg(!strstr(chart_texts(a, d), "…"), "macc: %s",
                  chart_texts(a, d));
    /* bands: a long "product: indicator" label wraps whole */
    doc_chart bd = {CHART_BANDS, {"对标", "Grades"}, NULL, 1, 4, NULL, NULL,
                    NULL, NULL, NULL};
    bd.cats = ARENA_ARRAY(a, doc_text, 1);
    bd.cats[0] = (doc_text){"水泥熟料：可比熟料综合能耗（kgce/t）",
                            "Cement clinker: Comprehensive energy consumption "
                            "of clinker (kgce/t)"};
    bd.values = ARENA_ARRAY(a, double, 4);
    bd.values[0] = 100;
    bd.values[1] = 107;
    bd.values[2] = 117;
    bd.values[3] = 107.73;
    d = chart_draw(a, &bd, 481.9, 90, lang, fixed_measure, NULL);
    ck_assert_msg(drawn_wrapped(a, d, lang == LANG_EN ? bd.cats[0].en
                                                      : bd.cats[0].zh),
                  "bands: %s", chart_texts(a, d));
    ck_assert_msg(drawn(d, "|107.7|") || strstr(chart_texts(a, d), "|107.7|"),
                  "bands: %s", chart_texts(a, d));
    /* legend of stacked bars: a long carrier name wraps */
    doc_chart sb = {CHART_STACKED_BARS, {"逐月", "Monthly"}, "tce", 2, 1, NULL,
                    NULL, NULL, NULL, NULL};
    sb.cats = ARENA_ARRAY(a, doc_text, 2);
    sb.cats[0] = (doc_text){"1", "1"};
    sb.cats[1] = (doc_text){"2", "2"};
    sb.sers = ARENA_ARRAY(a, doc_text, 1);
    sb.sers[0] = (doc_text){"天然气（气田天然气）", "Natural gas (gas field "
                                                    "gas)"};
    sb.values = ARENA_ARRAY(a, double, 2);
    sb.values[0] = 10;
    sb.values[1] = 20;
    d = chart_draw(a, &sb, 481.9, 190, lang, fixed_measure, NULL);
    ck_assert_msg(drawn_wrapped(a, d, lang == LANG_EN ? sb.sers[0].en
                                                      : sb.sers[0].zh),
                  "legend: %s", chart_texts(a, d));
  }
  arena_free(a);
}
END_TEST

/* }====================================================== */

/* {====================================================== zero and null */

/* Whether text shows a figure "0.00" (or 0.0, 0.000, "0.0 %"): a zero
   printed as if rounded. */
static const char *zero_figure(const char *text)
{
  for (const char *p = strstr(text, "0.0"); p; p = strstr(p + 1, "0.0")) {
    if (p > text && ((p[-1] >= '0' && p[-1] <= '9') || p[-1] == ',' ||
                     p[-1] == '.' || p[-1] == '-'))
      continue;
    const char *q = p + 3;
    while (*q == '0')
      q++;
    if (*q >= '1' && *q <= '9')
      continue; /* 0.05 */
    return p;
  }
  return NULL;
}

/* Not computed is "—" with a note, zero is 0: the minimal facility has no
   products, measures or output value, and no fuel (scope 1 is a true
   zero). Its industry is `building`: the summary gives the building's
   figures (no floor area: "—"), not a product potential. */
START_TEST(t_zero_and_null)
{
  char *dir = scratch();
  char *zh = render(dir, "tests/present/minimal.yaml", "zh");
  char *en = render(dir, "tests/present/minimal.yaml", "en");
  has(zh, "单位建筑面积综合能耗（当量值） — kgce/m²", "zh");
  lacks(zh, "产品对标节能潜力", "zh");
  has(zh, "建议措施年节能量 — tce/a", "zh");
  has(zh, "建议措施总投资 — 万元", "zh");
  has(zh, "其中：范围一（直接排放） 0 tCO2", "zh");
  has(zh, "“—”表示未计算", "zh");
  has(zh, "注：“—”表示未计算：单位未提供工业总产值。", "zh");
  has(zh, "等价值362.28 tce；二氧化碳排放总量763.32 tCO2", "zh");
  has(en, "Energy per m² (equivalent value) — kgce/m²", "en");
  lacks(en, "Product saving potential", "en");
  has(en, "Annual energy saving of the proposed measures — tce/a", "en");
  has(en, "of which Scope 1 (direct) 0 tCO2", "en");
  has(en, "\"—\" means not computed", "en");
  const char *z = zero_figure(zh);
  ck_assert_msg(!z, "zh shows a zero as …%.40s…", z ? z - 20 : "");
  z = zero_figure(en);
  ck_assert_msg(!z, "en shows a zero as …%.40s…", z ? z - 20 : "");
  free(zh);
  free(en);
  rm_dir(dir);
}
END_TEST

/* The summed product potential does not count the clinker in the cement
   twice (docs/calculation.md "Potentials"): the cement sample graded as of
   2025 (GB 16780-2021) — clinker (106.034639 − 100) × 1,553,260 t / 1000 =
   9,373.36 tce (waste-heat power deducted, worked in
   docs/worked/cement-plant.md), cement (83.584534 − 80) × 1,896,540 / 1000 =
   6,798.21 tce less its clinker's 1,422,400 × 6.034639 / 1000 = 8,583.67
   gives 0 — prints 9,373.36 in the summary, in the table of Chapter 7 and in
   the saving-potential chapter, never the sum 16,171.57. */
START_TEST(t_potential_not_counted_twice)
{
  char *dir = scratch();
  const char *lang[] = {"zh", "en"};
  char *txt[2];
  for (int i = 0; i < 2; i++) {
    char cmd[2048];
    int rc;
    snprintf(cmd, sizeof cmd,
             "cd '%s' && SOURCE_DATE_EPOCH=1700000000 '%s' report "
             "samples/cement-plant.yaml --as-of 2025-01-01 --lang %s -o "
             "'%s/%s.pdf' -q 2>&1",
             tu_root(), tu_bin(), lang[i], dir, lang[i]);
    char *out = run_sh(cmd, &rc);
    ck_assert_msg(rc == 0, "%s: %s", lang[i], out);
    free(out);
    snprintf(cmd, sizeof cmd, "pdftotext -layout '%s/%s.pdf' - 2>&1", dir,
             lang[i]);
    txt[i] = run_sh(cmd, NULL);
  }
  has(txt[0], "产品对标节能潜力（达到1级，不重复计算） 9,373.36 tce", "zh");
  has(txt[0], "节能潜力不重复计算", "zh");
  has(txt[0], "通用硅酸盐水泥 6,798.21 8,583.67 0", "zh");
  has(txt[0], "企业产品节能潜力合计9,373.36 tce/a", "zh");
  has(txt[1], "Product saving potential (to grade 1, not counted twice) "
              "9,373.36 tce", "en");
  has(txt[1], "Potentials not counted twice", "en");
  has(txt[1], "the enterprise would save 9,373.36 tce a year", "en");
  for (int i = 0; i < 2; i++) {
    lacks(txt[i], "16,171", lang[i]);
    free(txt[i]);
  }
  rm_dir(dir);
}
END_TEST

/* }====================================================== */

/* {====================================================== display units */

/* The display-unit formats on their own: kWh and m3 in 10⁴, coefficients
   per kg (fuels in t), per t (working media), per MJ, per m³ and kWh. */
START_TEST(t_display_unit_filters)
{
  tu_run r;
  tu_open(&r);
  tu_facility(&r, TU_HEAD);
  r.results = r.results ? r.results : val_obj(r.a);
  static const char *const cases[][2] = {
      {"{{75844560|qty \"kWh\"}}", "7,584.46"},
      {"{{75844560|qunit \"kWh\"}}", "万kWh"},
      {"{{75844560|qunit_en \"kWh\"}}", "10⁴ kWh"},
      {"{{450000|qty \"m3\"}}", "45.00"},
      {"{{450000|qunit \"m3\"}}", "万m³"},
      {"{{450000|qunit_en \"Nm3\"}}", "10⁴ Nm³"},
      {"{{218789.456|qty \"t\"}}", "218,789.46"},
      {"{{218789.456|qunit \"t\"}}", "t"},
      {"{{0|qty \"kWh\"}}", "0"},
      {"{{null|qty \"kWh\"}}", "—"},
      {"{{null|qunit \"kWh\"}}", "万kWh"},
      {"{{714.3|coef \"t\"}}", "0.7143 kgce/kg"},
      {"{{0.2571|coef \"t\"}}", "0.2571 kgce/t"},
      {"{{0.1229|coef \"kWh\"}}", "0.1229 kgce/kWh"},
      {"{{1.2143|coef \"m3\"}}", "1.2143 kgce/m³"},
      {"{{34.12|coef \"GJ\"}}", "0.0341 kgce/MJ"},
      {"{{null|coef \"t\"}}", "—"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
    ck_assert_str_eq(plural_of(&r, cases[i][0]), cases[i][1]);
  expr_error err;
  ck_assert_ptr_null(expr_text_compile(r.a, r.u, "{{1|qty (}}", true, NULL,
                                       NULL, NULL, &err));
  tu_close(&r);
}
END_TEST

/* {====================================================== client content */

/* The text between the last line starting with from (a chapter's
   heading, not its line in the contents) and the next line starting with
   to (malloc'd; the rest of the text when to is absent). */
static char *between(const char *text, const char *from, const char *to)
{
  const char *a = NULL;
  for (const char *l = text; l; l = (l = strchr(l, '\n')) ? l + 1 : NULL)
    if (strncmp(l, from, strlen(from)) == 0)
      a = l;
  ck_assert_msg(a != NULL, "no line \"%s\"", from);
  const char *b = strchr(a, '\n');
  while (b && strncmp(b + 1, to, strlen(to)) != 0)
    b = strchr(b + 1, '\n');
  size_t n = b ? (size_t)(b - a) : strlen(a);
  char *o = malloc(n + 1);
  memcpy(o, a, n);
  o[n] = '\0';
  return o;
}

/* No heading of a chapter repeats another's title or begins with it
   (12.4 建议与说明 beside 12.5 建议 read as the same section twice):
   headings of levels 2 and 3 of the body, by chapter number. */
static void check_heading_titles(const char *text, const char *what)
{
  char *copy = strdup(text), *save;
  char titles[400][160];
  int chapter[400];
  size_t n = 0;
  for (char *ln = strtok_r(copy, "\n", &save); ln && n < 400;
       ln = strtok_r(NULL, "\n", &save)) {
    if (strstr(ln, ". . . ") || heading_level(ln) < 2)
      continue;
    const char *sp = strchr(ln, ' ');
    /* a report has at most a few dozen chapters: "31.5 MVA)", a table's
       wrapped cell, is no heading */
    if (atoi(ln) > 20)
      continue;
    chapter[n] = atoi(ln);
    snprintf(titles[n], sizeof titles[n], "%s", sp + 1);
    n++;
  }
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < n; j++)
      if (i != j && chapter[i] == chapter[j] && chapter[i] > 0 &&
          strncmp(titles[j], titles[i], strlen(titles[i])) == 0)
        ck_abort_msg("%s: chapter %d has \"%s\" and \"%s\"", what, chapter[i],
                     titles[i], titles[j]);
  free(copy);
}

/* What a client acts on, in both languages of the cement sample: each
   measure's situation, scheme, basis, schedule and assumptions (discount
   rate, VAT basis of the prices, hours) with money in 万元 only; ch12's
   overall evaluation before the findings and no heading twice; the
   overview's capacity and process; the sign-off table; cost per carrier
   with its unit, VAT and total; Appendix C's raw data; Appendix A's
   results with their units. */
START_TEST(t_client_content)
{
  char *dir = scratch();
  char *zh = render(dir, "samples/cement-plant.yaml", "zh");
  char *en = render(dir, "samples/cement-plant.yaml", "en");
  /* ch11: per measure */
  char *c11 = between(zh, "11 节能潜力与措施", "12 结论与建议");
  has(c11, "11.2.1 M1 窑尾高温风机变频改造", "zh 11");
  has(c11, "现状：窑尾高温风机（2,800 kW）工频运行", "zh 11");
  has(c11, "改造方案：加装10 kV高压变频器", "zh 11");
  has(c11, "节能量测算依据：按风机相似定律", "zh 11");
  has(c11, "实施计划：2017-07-01开始，2017-08-31完成。", "zh 11");
  has(c11, "实施计划：2018-01-10开始，工期2个月。", "zh 11");
  has(c11, "测算假设：折现率8.0 %，计算期取寿命10年；能源价格按表“分能源品种费用”"
           "的结算单价（不含增值税）；年运行7,680 h", "zh 11");
  has(c11, "投资180.00万元", "zh 11 finding in 万元");
  lacks(c11, "1,800,000元", "zh 11: money in one unit");
  lacks(c11, "1,575,100元", "zh 11: money in one unit");
  free(c11);
  c11 = between(en, "11 Saving potential and measures", "12 Conclusions");
  has(c11, "Present situation: The kiln ID fan (2,800 kW) runs at fixed speed",
      "en 11");
  has(c11, "Scheme: Fit a 10 kV variable-frequency drive", "en 11");
  has(c11, "Basis of the saving: From the fan affinity laws", "en 11");
  has(c11, "Schedule: from 2017-07-01 to 2017-08-31.", "en 11");
  has(c11, "Schedule: from 2018-01-10, 2 months.", "en 11");
  has(c11, "Assumptions: discount rate 8.0 %, over a life of 10 years; energy "
           "at the settlement prices of the table Energy cost by carrier "
           "(excluding VAT); 7,680 operating hours a year", "en 11");
  has(c11, "investment 180.00 × 10⁴ CNY", "en 11 finding");
  lacks(c11, "1,800,000 CNY", "en 11: money in one unit");
  free(c11);
  /* ch12: the evaluation first, the findings after; no heading twice */
  char *c12 = between(zh, "12 结论与建议", "附录A");
  const char *eval = strstr(c12, "12.1 总体评价"),
             *verdict = strstr(c12, "综合评价："),
             *found = strstr(c12, "12.2 审计发现"),
             *nc = strstr(c12, "12.2.1 不符合项");
  ck_assert_msg(eval && verdict && found && nc, "%s", c12);
  ck_assert(eval < verdict && verdict < found && found < nc);
  has(c12, "能量平衡：", "zh 12");
  has(c12, "能源计量：对照GB 17167-2006", "zh 12");
  has(c12, "与基期（2015-01-01至2015-12-31）相比，水泥熟料单位产品综合能耗由"
           "110.60 kgce/t降至106.03 kgce/t", "zh 12");
  has(c12, "12.3 整改与措施实施安排", "zh 12");
  lacks(c12, "12.4", "zh 12: three sections");
  check_heading_titles(zh, "cement zh");
  check_heading_titles(en, "cement en");
  lacks(c12, "未达到GB 16780-2021的限定值", "zh 12: not graded is not failed");
  free(c12);
  c12 = between(en, "12 Conclusions and recommendations", "Appendix A");
  ck_assert_ptr_nonnull(strstr(c12, "12.1 Overall evaluation"));
  ck_assert(strstr(c12, "Overall: ") < strstr(c12, "12.2 Findings"));
  has(c12, "12.2.3 Advice and information", "en 12");
  has(c12, "12.3 Action plan", "en 12");
  free(c12);
  /* ch02 */
  has(zh, "熟料生产线 5,000 t/d", "zh 2");
  has(zh, "水泥粉磨 200 万t/a", "zh 2");
  has(zh, "生产工艺：新型干法熟料生产", "zh 2");
  /* the kind's name wraps in its column: its first line */
  has(zh, "MT1 窑尾高温风机电机(10kV, 2800kW) 高压三相笼型异步电动", "zh 2");
  has(en, "Cement grinding 200 10⁴ t/a", "en 2");
  has(en, "Process: New dry-process clinker", "en 2");
  /* sign-off */
  has(zh, "姓名 审计职责 职称或资格 证书编号 签字", "zh sign-off");
  has(zh, "王建国 审计组长 高级工程师、节能评估师 ZJJN-2014-0217", "zh sign-off");
  has(en, "Name Role Qualification Certificate No. Signature", "en sign-off");
  has(en, "Wang Jianguo Team leader", "en sign-off");
  /* ch08 */
  has(zh, "原煤 t 216,065.26 568.0000 元/t 不含税 12,272.51 64.4 %", "zh 8-1");
  has(zh, "合计 19,057.99 100.0 %", "zh 8-1 total");
  has(zh, "外购能源费用合计19,057.99万元（不含增值税）", "zh 8");
  /* clinker: coal 217,694.8 t × 568 = 123,650,646.40 + electricity net of
     the waste-heat power (85,750,000 + 0.7 × 4,210,000 − 50,482,600 =
     38,214,400 kWh) × 0.6135 = 23,444,534.40 + diesel 0.7 × 296.4 t × 6,150
     = 1,276,002.00 → 148,371,182.80 CNY = 14,837.12 万元;
     / 1,553,260 t = 95.52 CNY/t */
  has(zh, "水泥熟料 14,837.12 95.52 元/t", "zh 8-2");
  lacks(zh, "元/单位", "zh 8-2");
  has(en, "Raw coal t 216,065.26 568.0000 CNY/t excl. VAT", "en 8-1");
  has(en, "Total 19,057.99 100.0 %", "en 8-1 total");
  lacks(en, "CNY/unit", "en 8-2");
  /* Appendix C: meters, a monthly reading, stock, production by month,
     prices */
  has(zh, "E01 110kV总进线关口表 电力 1 0.2S 企业外部→110kV总", "zh C meters");
  has(zh, "103,599,250.00 kWh", "zh C meters");
  has(zh, "E01 110kV总进线关口表逐月读数（kWh）", "zh C monthly");
  has(zh, "2016-02 3,958,140.00", "zh C monthly");
  has(zh, "原煤 t 18,642.50 15,918.30", "zh C stock");
  has(zh, "水泥熟料逐月产量（t）", "zh C production");
  has(zh, "2016-02 56,240.00", "zh C production");
  has(zh, "电力 0.6135 元/kWh 不含税", "zh C prices");
  has(en, "E01 110 kV main incomer (tariff meter): monthly readings (kWh)",
      "en C monthly");
  lacks(zh, "审计数据文件中（", "zh C");
  /* Appendix A: results with their units */
  has(zh, "结果 3.0578 tce/万元", "zh A intensity");
  has(zh, "结果 23.5276 tCO2/万元", "zh A carbon intensity");
  has(zh, "结果 -714.475 元/tCO2", "zh A abatement cost");
  has(en, "Result 3.0578 tce/10⁴ CNY", "en A intensity");
  has(en, "Result -714.475 CNY/tCO2", "en A abatement cost");
  free(zh);
  free(en);
  rm_dir(dir);
}
END_TEST

/* }====================================================== */

/* The report body shows electricity in 万kWh (10⁴ kWh) and coefficients
   in the units of the standard's table; Appendix C keeps the full
   figures and the JSON is unchanged (golden suite). */
START_TEST(t_display_units)
{
  char *dir = scratch();
  char *zh = render(dir, "samples/cement-plant.yaml", "zh");
  char *en = render(dir, "samples/cement-plant.yaml", "en");
  has(zh, "原煤 t 218,789.46 0.7336 kgce/kg 160,503.53", "zh 5-1");
  has(zh, "电力 万kWh 10,378.57 0.1229 kgce/kWh 12,755.26", "zh 5-1");
  has(zh, "新水 t 612,850.00 0.0857 kgce/t", "zh 5-1");
  has(zh, "电力 万kWh 10,378.57 0.6135 元/kWh", "zh 8-1");
  has(en, "Electricity 10⁴ kWh 10,378.57 0.1229 kgce/kWh 12,755.26", "en");
  has(en, "Raw coal t 218,789.46 0.7336 kgce/kg", "en");
  lacks(zh, "103,785,670.00 0.1229", "zh 5-1");
  lacks(zh, "733.5981 160,503.53", "zh 5-1");
  lacks(en, "103,785,670.00 0.1229", "en 5-1");
  /* Appendix C: the full figure */
  has(zh, "103,785,670.00", "zh appendix C");
  free(zh);
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
  tcase_add_test(tc, t_no_empty_sections);
  tcase_add_test(tc, t_table_keep);
  tcase_add_test(tc, t_chart_labels);
  tcase_add_test(tc, t_zero_and_null);
  tcase_add_test(tc, t_potential_not_counted_twice);
  tcase_add_test(tc, t_display_unit_filters);
  tcase_add_test(tc, t_display_units);
  tcase_add_test(tc, t_client_content);
  suite_add_tcase(s, tc);
  return s;
}
