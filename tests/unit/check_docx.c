/* check_docx.c — the Word document: its package and markup (docx_write on
 * a document tree built here), the samples' documents as python-docx
 * reads them against the PDF's outline, LibreOffice's rendering of them,
 * and the command line (format by extension or --format, batch
 * --formats). */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#include "../../generator/base/buf.h"
#include "../../generator/base/diag.h"
#include "../../generator/base/zipw.h"
#include "../../generator/chart/chart.h"
#include "../../generator/docx/docx.h"
#include "suites.h"
#include "testutil.h"

/* {====================================================== a document tree */

static double measure(void *ctx, const char *s, size_t len, lay_face face,
                      double size)
{
  (void)ctx;
  (void)s;
  (void)face;
  return (double)len * size * 0.5;
}

static doc_block *add(arena *a, doc *d, doc_kind k, const char *zh,
                      const char *en)
{
  doc_block *b = ARENA_PUSH(a, d->blocks, d->n, d->cap);
  memset(b, 0, sizeof *b);
  b->kind = k;
  b->text.zh = zh;
  b->text.en = en;
  return b;
}

static doc_table *table_of(arena *a, size_t nrows, bool keyvalue)
{
  doc_table *t = ARENA_NEW(a, doc_table);
  memset(t, 0, sizeof *t);
  t->caption = (doc_text){"能源消费", "Energy consumption"};
  t->ncols = 2;
  t->header = ARENA_ARRAY(a, doc_text, 2);
  t->header[0] = (doc_text){"能源", "Carrier"};
  t->header[1] = (doc_text){"折标量", "tce"};
  t->align = ARENA_ARRAY(a, doc_align, 2);
  t->align[0] = ALIGN_LEFT;
  t->align[1] = ALIGN_NUMBER;
  t->weight = ARENA_ARRAY(a, double, 2);
  t->weight[0] = 3;
  t->weight[1] = 1;
  t->nrows = nrows;
  t->cells = ARENA_ARRAY(a, doc_text, 2 * nrows);
  for (size_t r = 0; r < nrows; r++) {
    t->cells[2 * r] = (doc_text){arena_printf(a, "原煤%zu", r),
                                 arena_printf(a, "Raw coal %zu", r)};
    t->cells[2 * r + 1] = (doc_text){"1,234.50", "1,234.50"};
  }
  t->last_is_total = true;
  t->keyvalue = keyvalue;
  return t;
}

/* Cover, contents, two chapters with sections, a paragraph with markup
   characters and a control character, a list item, a note, a short and a
   long table, a donut chart, an appendix. */
static doc *sample_doc(arena *a)
{
  doc *d = ARENA_NEW(a, doc);
  memset(d, 0, sizeof *d);
  d->title = (doc_text){"能源审计报告", "Energy Audit Report"};
  d->short_name = (doc_text){"某公司", "Some Co."};
  add(a, d, DOC_COVER_BEGIN, NULL, NULL);
  add(a, d, DOC_PARA, "某公司", "Some Co.");
  add(a, d, DOC_COVER_END, NULL, NULL);
  add(a, d, DOC_TOC, NULL, NULL);
  doc_block *h = add(a, d, DOC_HEADING, "概述", "Overview");
  h->level = 1;
  h->numbered = true;
  h = add(a, d, DOC_HEADING, "目的", "Purpose");
  h->level = 2;
  h->numbered = true;
  add(a, d, DOC_PARA, "A<B & \"C\" 'D'\x01 完", "A<B & \"C\" 'D'\x01 done");
  add(a, d, DOC_LIST_ITEM, "第一项", "First item");
  add(a, d, DOC_NOTE, "注：说明", "Note: remark");
  add(a, d, DOC_TABLE, NULL, NULL)->table = table_of(a, 3, false);
  h = add(a, d, DOC_HEADING, "能源消费", "Energy use");
  h->level = 1;
  h->numbered = true;
  h = add(a, d, DOC_HEADING, "构成", "Structure");
  h->level = 3;
  h->numbered = true;
  add(a, d, DOC_TABLE, NULL, NULL)->table = table_of(a, 30, false);
  doc_chart *c = ARENA_NEW(a, doc_chart);
  memset(c, 0, sizeof *c);
  c->kind = CHART_DONUT;
  c->caption = (doc_text){"能源结构", "Energy structure"};
  c->unit = "tce";
  c->ncat = 2;
  c->nser = 1;
  c->cats = ARENA_ARRAY(a, doc_text, 2);
  c->cats[0] = (doc_text){"原煤", "Raw coal"};
  c->cats[1] = (doc_text){"电力", "Electricity"};
  c->sers = ARENA_ARRAY(a, doc_text, 1);
  c->sers[0] = (doc_text){"折标量", "tce"};
  c->values = ARENA_ARRAY(a, double, 2);
  c->values[0] = 900;
  c->values[1] = 100;
  add(a, d, DOC_CHART, NULL, NULL)->chart = c;
  add(a, d, DOC_PAGEBREAK, NULL, NULL);
  h = add(a, d, DOC_HEADING, "计算过程", "Calculations");
  h->level = 1;
  h->numbered = true;
  h->appendix = 'A';
  add(a, d, DOC_TABLE, NULL, NULL)->table = table_of(a, 2, true);
  return d;
}

static bool write_doc(arena *a, const doc *d, lay_lang lang, bool has_date,
                      buf *out)
{
  diag_list *dl = diag_new(a);
  lay_style st = lay_default_style();
  docx_fonts f = {"宋体", "黑体", "Times New Roman"};
  docx_info info = {"T", "Firm", "S", "K", has_date, 1700000000};
  return docx_write(a, dl, d, &st, &f, lang, measure, NULL, &info, out);
}

/* The text of one part of the package (malloc'd), or NULL. */
static char *part(const buf *pkg, const char *name)
{
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t *src = zip_source_buffer_create(pkg->data, pkg->len, 0, &ze);
  zip_t *z = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
  char *s = NULL;
  zip_stat_t st;
  if (z && zip_stat(z, name, 0, &st) == 0) {
    zip_file_t *f = zip_fopen(z, name, 0);
    s = malloc(st.size + 1);
    zip_int64_t got = f ? zip_fread(f, s, st.size) : -1;
    s[got > 0 ? got : 0] = '\0';
    if (f)
      zip_fclose(f);
  }
  if (z)
    zip_close(z);
  else if (src)
    zip_source_free(src);
  zip_error_fini(&ze);
  return s;
}

static size_t count(const char *s, const char *needle)
{
  size_t n = 0;
  for (const char *p = s; (p = strstr(p, needle)); p += strlen(needle))
    n++;
  return n;
}

/* xmllint finds every part well-formed. */
static void assert_well_formed(const buf *pkg)
{
  char dir[] = "/tmp/auditgen-docx-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  char path[512], cmd[1024], *out;
  snprintf(path, sizeof path, "%s/x.docx", dir);
  FILE *f = fopen(path, "wb");
  ck_assert_ptr_nonnull(f);
  fwrite(pkg->data, 1, pkg->len, f);
  fclose(f);
  snprintf(cmd, sizeof cmd,
           "cd %s && unzip -q x.docx && find . -name '*.xml' -o -name "
           "'*.rels' | sort | xargs xmllint --noout 2>&1; echo rc=$?",
           dir);
  tu_sh(cmd, &out);
  ck_assert_msg(strcmp(out, "rc=0\n") == 0, "xmllint: %s", out);
  free(out);
  snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
  ck_assert_int_eq(system(cmd), 0);
}

/* }====================================================== */

START_TEST(t_docx_markup)
{
  arena *a = arena_new();
  doc *d = sample_doc(a);
  buf pkg;
  buf_init(&pkg);
  ck_assert(write_doc(a, d, LANG_ZH, true, &pkg));
  assert_well_formed(&pkg);
  char *body = part(&pkg, "word/document.xml");
  char *styles = part(&pkg, "word/styles.xml");
  char *footer = part(&pkg, "word/footer1.xml");
  char *core = part(&pkg, "docProps/core.xml");
  ck_assert_ptr_nonnull(body);
  ck_assert_ptr_nonnull(styles);
  /* headings by style, numbered as the PDF numbers them */
  ck_assert_uint_eq(count(body, "<w:pStyle w:val=\"Heading1\"/>"), 3);
  ck_assert_ptr_nonnull(strstr(body, ">1 概述<"));
  ck_assert_ptr_nonnull(strstr(body, ">1.1 目的<"));
  ck_assert_ptr_nonnull(strstr(body, ">2 能源消费<"));
  ck_assert_ptr_nonnull(strstr(body, ">2.0.1 构成<"));
  ck_assert_ptr_nonnull(strstr(body, ">附录A 计算过程<"));
  /* chapter 1 follows the contents' page break: no second break; chapter
     2 starts a page; the appendix follows an explicit break */
  ck_assert_uint_eq(count(body, "<w:pageBreakBefore/>"), 1);
  /* outline levels 0–2 on the heading styles, the default style marked */
  ck_assert_ptr_nonnull(strstr(styles, "<w:outlineLvl w:val=\"0\"/>"));
  ck_assert_ptr_nonnull(strstr(styles, "<w:outlineLvl w:val=\"2\"/>"));
  ck_assert_ptr_nonnull(strstr(styles, "w:default=\"1\" w:styleId=\"Normal\""));
  ck_assert_ptr_nonnull(strstr(styles, "w:eastAsia=\"宋体\""));
  ck_assert_ptr_nonnull(strstr(styles, "w:eastAsia=\"黑体\""));
  /* a TOC field over levels 1–2 whose entries point at the headings'
     bookmarks: 4 entries (the level-3 heading is not listed) */
  ck_assert_ptr_nonnull(strstr(body, " TOC \\o \"1-2\" \\h \\z \\u "));
  ck_assert_uint_eq(count(body, "PAGEREF _Toc"), 4);
  ck_assert_uint_eq(count(body, "<w:bookmarkStart"), 5);
  ck_assert_ptr_nonnull(strstr(body, "w:anchor=\"_Toc1\""));
  /* text escaped; the control character dropped */
  ck_assert_ptr_nonnull(strstr(body, "A&lt;B &amp; &quot;C&quot; &apos;D&apos; 完"));
  ck_assert_ptr_null(strstr(body, "\x01"));
  /* tables: three with a header row that repeats, the key-value table
     without one; captions numbered within their chapter */
  ck_assert_uint_eq(count(body, "<w:tbl>"), 3);
  ck_assert_uint_eq(count(body, "<w:tblHeader/>"), 2);
  ck_assert_ptr_nonnull(strstr(body, ">表 1-1  能源消费<"));
  ck_assert_ptr_nonnull(strstr(body, ">表 2-1  能源消费<"));
  ck_assert_ptr_nonnull(strstr(body, ">表 A-1  能源消费<"));
  ck_assert_ptr_nonnull(strstr(body, ">图 2-1  能源结构<"));
  /* keep-with-next, per cell of two columns: the 3-row table keeps its
     header and rows 1–2 with the next (2 + 4), the 30-row one only its
     header, its first row and the row before the last (2 + 4), the
     2-row key-value table its first row (2) */
  ck_assert_uint_eq(count(body, "TableText\"/><w:keepNext/>"), 6 + 6 + 2);
  /* white space kept where a run has two spaces in a row (a caption's
     number and text), not marked on a run without */
  ck_assert_ptr_nonnull(strstr(body, "<w:t xml:space=\"preserve\">表 1-1  能源消费<"));
  ck_assert_ptr_nonnull(strstr(body, "<w:t>原煤0</w:t>"));
  /* a left-aligned cell takes the table style's alignment */
  ck_assert_ptr_null(strstr(body, "TableText\"/><w:jc w:val=\"left\"/>"));
  ck_assert_ptr_null(strstr(body, "TableText\"/><w:keepNext/><w:jc w:val=\"left\"/>"));
  ck_assert_ptr_nonnull(strstr(body, "TableText\"/><w:keepNext/></w:pPr>"));
  /* numbers right-aligned, the total row ruled above and bold */
  ck_assert_ptr_nonnull(strstr(body, "<w:jc w:val=\"right\"/>"));
  ck_assert_uint_eq(count(body, "<w:tcBorders><w:top "), 2 * 3);
  /* the chart as a group of vector shapes, not a picture */
  ck_assert_uint_eq(count(body, "<wpg:wgp>"), 1);
  ck_assert_uint_gt(count(body, "<wps:wsp>"), 5);
  ck_assert_ptr_null(strstr(body, "<pic:pic"));
  /* the cover is a section without header and footer; the body's has
     both, on A4 with the style's margins (25 mm = 1417 twips) */
  ck_assert_uint_eq(count(body, "<w:sectPr>"), 2);
  ck_assert_uint_eq(count(body, "<w:footerReference"), 1);
  ck_assert_ptr_nonnull(strstr(body, "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"));
  ck_assert_ptr_nonnull(strstr(body, "w:top=\"1417\""));
  /* 第 X 页 共 Y 页 from fields */
  ck_assert_ptr_nonnull(strstr(footer, "第 "));
  ck_assert_ptr_nonnull(strstr(footer, "w:instr=\" PAGE \""));
  ck_assert_ptr_nonnull(strstr(footer, "w:instr=\" NUMPAGES \""));
  ck_assert_ptr_null(strstr(footer, "Page"));
  /* dated from the caller (1700000000 = 2023-11-14T22:13:20Z) */
  ck_assert_ptr_nonnull(strstr(core, "<dcterms:created xsi:type=\"dcterms:W3CDTF\">"
                                     "2023-11-14T22:13:20Z<"));
  ck_assert_ptr_nonnull(strstr(core, "<dc:language>zh-CN<"));
  free(body);
  free(styles);
  free(footer);
  free(core);
  buf_fini(&pkg);
  arena_free(a);
}
END_TEST

START_TEST(t_docx_languages)
{
  arena *a = arena_new();
  doc *d = sample_doc(a);
  buf en, bi;
  buf_init(&en);
  buf_init(&bi);
  ck_assert(write_doc(a, d, LANG_EN, true, &en));
  ck_assert(write_doc(a, d, LANG_BILINGUAL, true, &bi));
  char *body = part(&en, "word/document.xml"), *foot = part(&en, "word/footer1.xml");
  ck_assert_ptr_nonnull(strstr(body, ">1 Overview<"));
  ck_assert_ptr_nonnull(strstr(body, ">Table 1-1  Energy consumption<"));
  ck_assert_ptr_nonnull(strstr(body, ">Figure 2-1  Energy structure<"));
  ck_assert_ptr_nonnull(strstr(body, ">Appendix A Calculations<"));
  ck_assert_ptr_nonnull(strstr(body, ">Contents<"));
  ck_assert_ptr_null(strstr(body, "概述"));
  ck_assert_ptr_null(strstr(body, "表 "));
  ck_assert_ptr_nonnull(strstr(foot, "Page "));
  ck_assert_ptr_null(strstr(foot, "第"));
  free(body);
  free(foot);
  /* bilingual: the English in its own paragraphs and runs */
  body = part(&bi, "word/document.xml");
  ck_assert_ptr_nonnull(strstr(body, ">1 概述<"));
  ck_assert_ptr_nonnull(strstr(body, ">1 Overview<"));
  ck_assert_ptr_nonnull(strstr(body, "<w:pStyle w:val=\"BodyTextEn\"/>"));
  ck_assert_ptr_nonnull(strstr(body, "<w:pStyle w:val=\"TableTextEn\"/>"));
  ck_assert_ptr_nonnull(strstr(body, ">Table 1-1  Energy consumption<"));
  free(body);
  buf_fini(&en);
  buf_fini(&bi);
  arena_free(a);
}
END_TEST

/* Same tree, same bytes; no date: every entry dated 1980-01-01 and no
   creation date in the properties. */
START_TEST(t_docx_reproducible)
{
  arena *a = arena_new();
  doc *d = sample_doc(a);
  buf one, two;
  buf_init(&one);
  buf_init(&two);
  ck_assert(write_doc(a, d, LANG_ZH, false, &one));
  ck_assert(write_doc(a, d, LANG_ZH, false, &two));
  ck_assert_uint_eq(one.len, two.len);
  ck_assert(memcmp(one.data, two.data, one.len) == 0);
  /* the local header's DOS date of the first entry: 1980-01-01 00:00 is
     date 0x0021, time 0 (bytes 10–13, little-endian) */
  ck_assert(memcmp(one.data, "PK\3\4", 4) == 0);
  ck_assert_uint_eq((unsigned char)one.data[10], 0);
  ck_assert_uint_eq((unsigned char)one.data[11], 0);
  ck_assert_uint_eq((unsigned char)one.data[12], 0x21);
  ck_assert_uint_eq((unsigned char)one.data[13], 0);
  /* [Content_Types].xml comes first (bytes 30.. hold the name) */
  ck_assert(memcmp(one.data + 30, "[Content_Types].xml", 19) == 0);
  char *core = part(&one, "docProps/core.xml");
  ck_assert_ptr_null(strstr(core, "dcterms:created"));
  free(core);
  buf_fini(&one);
  buf_fini(&two);
  arena_free(a);
}
END_TEST

/* {====================================================== the samples */

static const char *const samples[] = {"cement-plant", "power-plant",
                                      "aluminium-smelter"};

/* The level-1 and level-2 titles of the PDF's outline, one per line
   ("1|title"), from mutool. */
static char *pdf_outline(const char *pdf)
{
  char cmd[1024], *out;
  /* mutool prints an entry as [|+-], one tab per level, "title", tab,
     target */
  snprintf(cmd, sizeof cmd,
           "mutool show '%s' outline | sed -n "
           "-e 's/^.\t\"\\(.*\\)\"\t.*/1|\\1/p' "
           "-e 's/^.\t\t\"\\(.*\\)\"\t.*/2|\\1/p'",
           pdf);
  tu_sh(cmd, &out);
  return out;
}

/* The same titles from the Word document's heading paragraphs. */
static char *docx_outline(const char *docx)
{
  char cmd[1024], *out;
  snprintf(cmd, sizeof cmd,
           "/usr/bin/python3 -c 'import docx, sys\n"
           "for p in docx.Document(sys.argv[1]).paragraphs:\n"
           "  s = p.style.name if p.style is not None else \"\"\n"
           "  if s in (\"Heading 1\", \"Heading 2\"): print(s[-1] + \"|\" + p.text)' '%s'",
           docx);
  tu_sh(cmd, &out);
  return out;
}

/* Each sample in each language: the document python-docx reads has the
   PDF's headings in the same order, every data table repeats its header,
   the page set-up and the fields; the same input gives the same bytes. */
START_TEST(t_docx_sample)
{
  const char *name = samples[_i];
  char dir[] = "/tmp/auditgen-docxs-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  char cmd[2048], path[512], *out;
  const char *langs[] = {"zh", "en", "bilingual"};
  for (int l = 0; l < 3; l++) {
    snprintf(cmd, sizeof cmd,
             "cd '%s' && SOURCE_DATE_EPOCH=1700000000 '%s' report "
             "samples/%s.yaml --lang %s -o %s/%s.docx -q 2>&1 && "
             "SOURCE_DATE_EPOCH=1700000000 '%s' report samples/%s.yaml --lang %s "
             "-o %s/%s.pdf -q 2>&1",
             tu_root(), tu_bin(), name, langs[l], dir, langs[l], tu_bin(), name,
             langs[l], dir, langs[l]);
    ck_assert_msg(tu_sh(cmd, &out) == 0, "%s %s: %s", name, langs[l], out);
    free(out);
    snprintf(path, sizeof path, "%s/%s.pdf", dir, langs[l]);
    char *want = pdf_outline(path);
    snprintf(path, sizeof path, "%s/%s.docx", dir, langs[l]);
    char *got = docx_outline(path);
    /* bilingual headings carry the English after a line break (the
       PDF's outline joins them with " / "): zh and en are compared */
    if (l < 2)
      ck_assert_msg(strcmp(want, got) == 0, "%s %s: headings differ\nPDF:\n%s\nWord:\n%s",
                    name, langs[l], want, got);
    ck_assert_uint_gt(strlen(got), 200);
    free(want);
    free(got);
    snprintf(cmd, sizeof cmd, "/usr/bin/python3 '%s/tests/tools/docx_facts.py' '%s'",
             tu_root(), path);
    ck_assert_msg(tu_sh(cmd, &out) == 0, "docx_facts: %s", out);
    ck_assert_msg(strstr(out, "\"Heading1\": 0") && strstr(out, "\"Heading2\": 1") &&
                      strstr(out, "\"Heading3\": 2"),
                  "outline levels: %s", out);
    ck_assert(strstr(out, "\"toc_field\": true") != NULL);
    ck_assert(strstr(out, "\"w_mm\": 210.0") && strstr(out, "\"h_mm\": 297.0"));
    ck_assert(strstr(out, "\" PAGE \"") && strstr(out, "\" NUMPAGES \""));
    ck_assert(strstr(out, "\"sections\": 2") != NULL);
    if (l == 0) {
      ck_assert_msg(strstr(out, "\"footer_text\": \"第  页 共  页\""), "%s", out);
      ck_assert(strstr(out, "\"language\": \"zh-CN\"") != NULL);
    }
    if (l == 1)
      ck_assert(strstr(out, "\"footer_text\": \"Page  of \"") != NULL);
    /* every table with a header row repeats it */
    const char *t = strstr(out, "\"tables\": "), *r = strstr(out, "\"tables_header_repeat\": ");
    ck_assert(t && r);
    ck_assert_int_gt(atoi(r + 24), 10);
    ck_assert_int_ge(atoi(t + 10), atoi(r + 24));
    free(out);
  }
  snprintf(cmd, sizeof cmd,
           "cd '%s' && SOURCE_DATE_EPOCH=1700000000 '%s' report samples/%s.yaml "
           "--lang zh -o %s/again.docx -q && cmp %s/zh.docx %s/again.docx 2>&1",
           tu_root(), tu_bin(), name, dir, dir, dir);
  ck_assert_msg(tu_sh(cmd, &out) == 0, "two runs differ: %s", out);
  free(out);
  snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
  ck_assert_int_eq(system(cmd), 0);
}
END_TEST

/* LibreOffice, a real client, opens the cement sample's documents and
   prints them: the text of its PDF carries the key figures of the JSON
   results in each language. */
START_TEST(t_docx_libreoffice)
{
  char dir[] = "/tmp/auditgen-lo-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  char cmd[4096], *out;
  snprintf(cmd, sizeof cmd,
           "cd '%s' && SOURCE_DATE_EPOCH=1700000000 '%s' report "
           "samples/cement-plant.yaml --lang zh -o %s/zh.docx -q 2>&1 && "
           "SOURCE_DATE_EPOCH=1700000000 '%s' report samples/cement-plant.yaml "
           "--lang en -o %s/en.docx -q 2>&1 && '%s' calc samples/cement-plant.yaml "
           "-o %s/r.json 2>&1 && cd %s && HOME=%s timeout 300 soffice --headless "
           "--norestore --convert-to pdf --outdir %s zh.docx en.docx >/dev/null "
           "2>&1; ls %s",
           tu_root(), tu_bin(), dir, tu_bin(), dir, tu_bin(), dir, dir, dir, dir,
           dir);
  tu_sh(cmd, &out);
  ck_assert_msg(strstr(out, "zh.pdf") && strstr(out, "en.pdf"),
                "LibreOffice did not convert: %s", out);
  free(out);
  /* the key figures as the JSON has them, formatted as the report does */
  snprintf(cmd, sizeof cmd,
           "/usr/bin/python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); "
           "print(\"{:,.2f}\".format(r[\"energy\"][\"total_tce\"])); "
           "print(\"{:,.2f}\".format(r[\"carbon\"][\"total_tco2\"]))' %s/r.json",
           dir);
  tu_sh(cmd, &out);
  char tce[64] = "", co2[64] = "";
  ck_assert_int_eq(sscanf(out, "%63s %63s", tce, co2), 2);
  free(out);
  const char *langs[] = {"zh", "en"};
  for (int l = 0; l < 2; l++) {
    snprintf(cmd, sizeof cmd, "pdftotext %s/%s.pdf - 2>/dev/null", dir, langs[l]);
    tu_sh(cmd, &out);
    ck_assert_msg(strstr(out, tce) != NULL, "%s: no total %s", langs[l], tce);
    ck_assert_msg(strstr(out, co2) != NULL, "%s: no CO2 %s", langs[l], co2);
    if (l == 0) {
      ck_assert(strstr(out, "综合能耗") != NULL);
      ck_assert(strstr(out, "第 2 页 共") != NULL);
      ck_assert(strstr(out, "浙江华东示范水泥有限公司") != NULL);
    } else {
      ck_assert(strstr(out, "Comprehensive energy consumption") != NULL);
      ck_assert(strstr(out, "Page 2 of") != NULL);
    }
    free(out);
    snprintf(cmd, sizeof cmd, "pdfinfo %s/%s.pdf | awk '/^Pages:/ { print $2 }'",
             dir, langs[l]);
    tu_sh(cmd, &out);
    ck_assert_msg(atoi(out) > 25, "%s: %s pages", langs[l], out);
    free(out);
  }
  snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
  ck_assert_int_eq(system(cmd), 0);
}
END_TEST

/* What a firm does with the deliverables (issue 11): an auditor rewrites a
   paragraph of the Word report (python-docx) and corrects a quantity in
   the workbook (openpyxl, tests/tools/edit_roundtrip.py); LibreOffice
   still opens both — the document prints with the edited sentence and all
   its pages, and the workbook's total recalculates: the first SUM over
   plain numbers (Table 6's investment, 180 + 1,650 + 125 + 48 = 2,003 万元)
   is 1,000 more after 1,000 is added to its first cell. */
START_TEST(t_edit_round_trip)
{
  char dir[] = "/tmp/auditgen-edit-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  char cmd[4096], *out;
  snprintf(cmd, sizeof cmd,
           "cd '%s' && '%s' report samples/cement-plant.yaml --lang zh -o "
           "%s/r.docx -q && '%s' report samples/cement-plant.yaml --lang zh "
           "-o %s/r.xlsx -q && /usr/bin/python3 tests/tools/edit_roundtrip.py "
           "docx %s/r.docx %s/ed.docx && /usr/bin/python3 "
           "tests/tools/edit_roundtrip.py xlsx %s/r.xlsx %s/ed.xlsx 2>&1",
           tu_root(), tu_bin(), dir, tu_bin(), dir, dir, dir, dir, dir);
  ck_assert_msg(tu_sh(cmd, &out) == 0, "%s", out);
  char sentence[256], sheet[128], cell[16];
  double old;
  /* "SENTENCE\nSHEET CELL OLD": the sheet name has a space in it */
  char *nl = strchr(out, '\n');
  ck_assert_ptr_nonnull(nl);
  snprintf(sentence, sizeof sentence, "%.*s", (int)(nl - out), out);
  char *last = strrchr(nl + 1, ' ');
  ck_assert_ptr_nonnull(last);
  old = atof(last + 1);
  *last = '\0';
  char *mid = strrchr(nl + 1, ' ');
  ck_assert_ptr_nonnull(mid);
  snprintf(cell, sizeof cell, "%s", mid + 1);
  snprintf(sheet, sizeof sheet, "%.*s", (int)(mid - nl - 1), nl + 1);
  free(out);
  ck_assert_double_eq_tol(old, 2003.0, 1e-9);
  snprintf(cmd, sizeof cmd,
           "cd %s && HOME=%s timeout 300 soffice --headless --norestore "
           "--convert-to pdf ed.docx >/dev/null 2>&1; HOME=%s timeout 300 "
           "soffice --headless --norestore --convert-to xlsx:\"Calc MS Excel "
           "2007 XML\" --outdir lo ed.xlsx >/dev/null 2>&1; pdftotext ed.pdf - "
           "| grep -c '%s'; pdfinfo ed.pdf | awk '/^Pages:/ { print $2 }'; "
           "/usr/bin/python3 %s/tests/tools/edit_roundtrip.py total "
           "lo/ed.xlsx '%s' %s",
           dir, dir, dir, sentence, tu_root(), sheet, cell);
  tu_sh(cmd, &out);
  int found = 0, pages = 0;
  double total = 0;
  ck_assert_msg(sscanf(out, "%d %d %lf", &found, &pages, &total) == 3, "%s",
                out);
  ck_assert_int_eq(found, 1);
  ck_assert_msg(pages > 25, "%d pages", pages);
  /* 2,003 + 1,000 */
  ck_assert_double_eq_tol(total, 3003.0, 1e-9);
  free(out);
  snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
  ck_assert_int_eq(system(cmd), 0);
}
END_TEST

/* }====================================================== */
/* {====================================================== command line */

START_TEST(t_docx_cli)
{
  char dir[] = "/tmp/auditgen-docxcli-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  char cmd[2048], *out;
  /* the format follows the extension, in any case */
  snprintf(cmd, sizeof cmd,
           "cd '%s' && '%s' report samples/training/boiler-house.yaml -o "
           "%s/a.DOCX 2>&1; echo rc=$?; unzip -l %s/a.DOCX | grep -c "
           "word/document.xml",
           tu_root(), tu_bin(), dir, dir);
  tu_sh(cmd, &out);
  ck_assert_msg(strstr(out, "rc=0\n1\n") != NULL, "%s", out);
  free(out);
  /* an extension of a format not written (Word 97, OpenDocument):
     usage error, nothing written; any other name is a PDF, as before */
  snprintf(cmd, sizeof cmd,
           "cd '%s' && '%s' report samples/training/boiler-house.yaml -o "
           "%s/a.doc 2>&1 | head -1; ls %s",
           tu_root(), tu_bin(), dir, dir);
  tu_sh(cmd, &out);
  ck_assert_msg(strstr(out, "auditgen: cannot write \"") &&
                    strstr(out, "a.doc\" in the format its name asks for: "
                                "name it .pdf, .docx or .xlsx, or give "
                                "--format pdf|docx|xlsx\n") &&
                    !strstr(out, "a.doc\n"),
                "%s", out);
  free(out);
  /* --format picks it; a contradicting extension is refused (exit 2) */
  snprintf(cmd, sizeof cmd,
           "cd '%s' && '%s' report samples/training/boiler-house.yaml "
           "--format docx -o %s/b.report -q; echo rc=$?; '%s' report "
           "samples/training/boiler-house.yaml --format docx -o %s/c.pdf 2>&1 "
           "| head -1; echo rc=$?; '%s' report samples/training/boiler-house.yaml "
           "--format odt 2>&1 | head -1; ls %s",
           tu_root(), tu_bin(), dir, tu_bin(), dir, tu_bin(), dir);
  tu_sh(cmd, &out);
  ck_assert_msg(strstr(out, "rc=0\n") && strstr(out, "c.pdf does not match --format docx") &&
                    strstr(out, "auditgen: --format takes pdf, docx or xlsx\n") &&
                    strstr(out, "b.report") && !strstr(out, "c.pdf\n"),
                "%s", out);
  free(out);
  /* without -o: NAME.docx in the current folder */
  snprintf(cmd, sizeof cmd,
           "cd %s && '%s' report '%s/samples/training/boiler-house.yaml' "
           "--format docx -q && ls",
           dir, tu_bin(), tu_root());
  tu_sh(cmd, &out);
  ck_assert_msg(strstr(out, "boiler-house.docx\n") != NULL, "%s", out);
  free(out);
  /* batch: every format asked for, beside the JSON */
  snprintf(cmd, sizeof cmd,
           "cd '%s' && '%s' batch samples/training/boiler-house.yaml "
           "samples/training/office-building.yaml -o %s/out --formats docx,pdf "
           ">/dev/null && ls %s/out | tr '\\n' ' '",
           tu_root(), tu_bin(), dir, dir);
  tu_sh(cmd, &out);
  ck_assert_str_eq(out, "boiler-house.docx boiler-house.json boiler-house.pdf "
                        "office-building.docx office-building.json "
                        "office-building.pdf summary.jsonl ");
  free(out);
  /* a format listed twice, an unknown one, an empty item: usage errors */
  const char *bad[] = {"pdf,pdf", "odt", "pdf,", ",docx", "", "docx,xlsx,docx"};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    snprintf(cmd, sizeof cmd,
             "cd '%s' && '%s' batch samples/training/boiler-house.yaml -o "
             "%s/bad --formats '%s' 2>&1 | head -1",
             tu_root(), tu_bin(), dir, bad[i]);
    tu_sh(cmd, &out);
    ck_assert_msg(strstr(out, "--formats takes pdf, docx and xlsx") != NULL,
                  "--formats '%s': %s", bad[i], out);
    free(out);
  }
  snprintf(cmd, sizeof cmd, "ls %s/bad 2>&1 | head -1", dir);
  tu_sh(cmd, &out);
  ck_assert_msg(strstr(out, "No such file") != NULL, "%s", out);
  free(out);
  /* --exercise: no computed figure in the Word document either */
  snprintf(cmd, sizeof cmd,
           "cd '%s' && '%s' report samples/cement-plant.yaml --exercise -o "
           "%s/ex.docx -q && cd %s && unzip -p ex.docx word/document.xml | "
           "grep -c '173,848.24'",
           tu_root(), tu_bin(), dir, dir);
  tu_sh(cmd, &out);
  ck_assert_str_eq(out, "0\n");
  free(out);
  snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
  ck_assert_int_eq(system(cmd), 0);
}
END_TEST

/* word_fonts of the style file: names, one line, at most 31 characters. */
START_TEST(t_docx_style_fonts)
{
  char dir[] = "/tmp/auditgen-docxst-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  char cmd[4096], *out;
  snprintf(cmd, sizeof cmd,
           "cd %s && sed -e 's|^  cjk: 宋体.*|  cjk: \"\"|' -e "
           "'s|^  latin: Times New Roman|  latin: "
           "\"A font name that is far too long for Word\"|' -e "
           "'s|^logo: logo.png.*|logo: %s/templates/logo.png|' -e "
           "'s|^  cjk: /|  cjk: /|' %s/templates/style.yaml > s.yaml && "
           "'%s' report '%s/samples/training/boiler-house.yaml' --style s.yaml "
           "-o x.docx 2>&1; echo rc=$?; ls",
           dir, tu_root(), tu_root(), tu_bin(), tu_root());
  tu_sh(cmd, &out);
  ck_assert_msg(strstr(out, "s.yaml:") && strstr(out, "word_fonts.cjk: a font name is required") &&
                    strstr(out, "word_fonts.latin: 41 characters, more than the limit of 31") &&
                    strstr(out, "rc=1\n") && !strstr(out, "x.docx"),
                "%s", out);
  free(out);
  snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
  ck_assert_int_eq(system(cmd), 0);
}
END_TEST

/* }====================================================== */

/* The package's zip: a part deflate shrinks is deflated (libdeflate,
   handed to libzip as compressed data with its CRC), one it would not
   shrink (random bytes, an empty part) is stored; libzip reads every
   part back whole with its CRC checked; the same parts give the same
   bytes. */
static void zip_three(buf *out, const char *xml, const char *noise, size_t n)
{
  arena *a = arena_new();
  diag_list *dl = diag_new(a);
  zip_writer *z = zipw_new(dl, true, 1700000000);
  ck_assert(zipw_add(z, "a.xml", xml, strlen(xml)));
  ck_assert(zipw_add(z, "media/noise.bin", noise, n));
  ck_assert(zipw_add(z, "empty.xml", "", 0));
  ck_assert(zipw_finish(z, out));
  ck_assert_uint_eq(diag_errors(dl), 0);
  arena_free(a);
}

START_TEST(t_docx_zip_parts)
{
  buf xml;
  buf_init(&xml);
  for (int i = 0; i < 2000; i++)
    buf_printf(&xml, "<w:p><w:r><w:t>段落 %d</w:t></w:r></w:p>", i);
  buf_add(&xml, "", 1);
  char noise[4096];
  unsigned x = 12345;
  for (size_t i = 0; i < sizeof noise; i++) {
    x = x * 1103515245u + 12345u;
    noise[i] = (char)(x >> 16);
  }
  buf one, two;
  buf_init(&one);
  buf_init(&two);
  zip_three(&one, xml.data, noise, sizeof noise);
  zip_three(&two, xml.data, noise, sizeof noise);
  ck_assert_uint_eq(one.len, two.len);
  ck_assert(memcmp(one.data, two.data, one.len) == 0);
  ck_assert_uint_lt(one.len, strlen(xml.data) / 5 + sizeof noise);
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t *src = zip_source_buffer_create(one.data, one.len, 0, &ze);
  zip_t *z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
  ck_assert_ptr_nonnull(z);
  static const char *const names[] = {"a.xml", "media/noise.bin", "empty.xml"};
  const char *want[] = {xml.data, noise, ""};
  size_t lens[] = {strlen(xml.data), sizeof noise, 0};
  zip_uint16_t methods[] = {ZIP_CM_DEFLATE, ZIP_CM_STORE, ZIP_CM_STORE};
  for (int i = 0; i < 3; i++) {
    zip_stat_t st;
    ck_assert_int_eq(zip_stat(z, names[i], 0, &st), 0);
    ck_assert_uint_eq(st.size, lens[i]);
    ck_assert_uint_eq(st.comp_method, methods[i]);
    char *got = malloc(lens[i] + 1);
    zip_file_t *f = zip_fopen(z, names[i], 0);
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(zip_fread(f, got, lens[i] + 1), (zip_int64_t)lens[i]);
    ck_assert_int_eq(zip_fclose(f), 0); /* 0: the CRC matched */
    ck_assert(memcmp(got, want[i], lens[i]) == 0);
    free(got);
  }
  zip_close(z);
  zip_error_fini(&ze);
  buf_fini(&one);
  buf_fini(&two);
  buf_fini(&xml);
}
END_TEST

Suite *docx_suite(void)
{
  Suite *s = suite_create("docx");
  TCase *tc = tcase_create("docx");
  tcase_set_timeout(tc, 600);
  tcase_add_test(tc, t_docx_markup);
  tcase_add_test(tc, t_docx_zip_parts);
  tcase_add_test(tc, t_docx_languages);
  tcase_add_test(tc, t_docx_reproducible);
  tcase_add_loop_test(tc, t_docx_sample, 0, sizeof samples / sizeof samples[0]);
  tcase_add_test(tc, t_docx_libreoffice);
  tcase_add_test(tc, t_edit_round_trip);
  tcase_add_test(tc, t_docx_cli);
  tcase_add_test(tc, t_docx_style_fonts);
  suite_add_tcase(s, tc);
  return s;
}
