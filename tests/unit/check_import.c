/* check_import.c — `auditgen import` and `auditgen template`: the three
 * samples through their intake workbooks and back, the client files of
 * samples/intake (a 205-1 form and a ledger as a firm keeps them), the
 * bad-input catalogue tests/bad-import/ (exact messages, exit 1, nothing
 * written), hostile workbooks built here (zip bombs, missing parts, bad
 * XML, cells beyond the grid), CSV encodings and the command line. */
#include <check.h>
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../generator/base/buf.h"
#include "../../generator/base/diag.h"
#include "../../generator/base/zipw.h"
#include "suites.h"
#include "testutil.h"

static char tmpdir[64];

static void mk_tmp(void)
{
  snprintf(tmpdir, sizeof tmpdir, "/tmp/auditgen-import-XXXXXX");
  ck_assert_ptr_nonnull(mkdtemp(tmpdir));
}

static void rm_tmp(void)
{
  char cmd[128];
  snprintf(cmd, sizeof cmd, "rm -rf %s", tmpdir);
  char *out;
  tu_sh(cmd, &out);
  free(out);
}

static const char *tmp(const char *name)
{
  static char paths[8][256];
  static int k;
  k = (k + 1) % 8;
  snprintf(paths[k], sizeof paths[k], "%s/%s", tmpdir, name);
  return paths[k];
}

static bool exists(const char *path)
{
  struct stat st;
  return stat(path, &st) == 0;
}

/* {====================================================== round trip */

/* template SAMPLE.yaml -o w.xlsx; import w.xlsx -o DIR/SAMPLE.yaml; the
   results of calc --json are the sample's, byte for byte. Nothing is
   excluded: the one field of the results that depends on where the input
   lies is facility.id, the file's stem, and the imported file keeps the
   sample's name (in another folder) so that it is the same too. Every
   section of the samples is carried: what the forms' columns hold goes
   to them (meters, monthly values, stock, equipment), the rest to the
   workbook's 其他 sheet as path/value rows. */
START_TEST(t_roundtrip)
{
  /* the boiler house: its meters' carrier is an in-house steam the 能源种类
     column has no word for, carried by 其他 while the meter's name says
     蒸汽 (a guess from the name yields to the value given) */
  static const char *const samples[] = {
      "cement-plant",           "power-plant",
      "aluminium-smelter",      "hospital",
      "training/boiler-house",  "training/office-building"};
  mk_tmp();
  const char *s = samples[_i];
  const char *stem = strrchr(s, '/') ? strrchr(s, '/') + 1 : s;
  char sample[256], back[256], xlsx[256], xlsx2[256];
  snprintf(sample, sizeof sample, "samples/%s.yaml", s);
  snprintf(back, sizeof back, "%s/%s.yaml", tmpdir, stem);
  snprintf(xlsx, sizeof xlsx, "%s/w.xlsx", tmpdir);
  snprintf(xlsx2, sizeof xlsx2, "%s/w2.xlsx", tmpdir);
  char *out, *err;
  const char *t1[] = {tu_bin(), "template", sample, "-o", xlsx, NULL};
  ck_assert_int_eq(tu_exec(t1, tu_root(), &out, &err), 0);
  ck_assert_str_eq(err, "");
  free(out), free(err);
  const char *t2[] = {tu_bin(), "template", sample, "-o", xlsx2, NULL};
  ck_assert_int_eq(tu_exec(t2, tu_root(), &out, &err), 0);
  free(out), free(err);
  size_t n1, n2;
  char *b1 = tu_slurp(xlsx, &n1), *b2 = tu_slurp(xlsx2, &n2);
  ck_assert_msg(n1 == n2 && memcmp(b1, b2, n1) == 0,
                "two runs of template gave different bytes");
  free(b1), free(b2);
  const char *im[] = {tu_bin(), "import", xlsx, "-o", back, NULL};
  ck_assert_int_eq(tu_exec(im, tu_root(), &out, &err), 0);
  ck_assert_str_eq(err, ""); /* not a warning */
  free(out), free(err);
  char *want, *got;
  const char *c1[] = {tu_bin(), "calc", sample, "--json", NULL};
  ck_assert_int_eq(tu_exec(c1, tu_root(), &want, &err), 0);
  free(err);
  const char *c2[] = {tu_bin(), "calc", back, "--json", NULL};
  ck_assert_int_eq(tu_exec(c2, tu_root(), &got, &err), 0);
  free(err);
  ck_assert_msg(strcmp(want, got) == 0, "%s: calc of the round trip differs",
                s);
  free(want), free(got);
  /* every value names its cell */
  char *yaml = tu_slurp(back, NULL);
  char *orig = tu_slurp(sample, NULL);
  ck_assert_ptr_nonnull(strstr(yaml, "\"  # 计量器具!B4\n"));
  if (strstr(orig, "monthly:")) /* the ledger sheet holds monthly values */
    ck_assert_ptr_nonnull(strstr(yaml, "  # 台帐!D4…O4\n"));
  free(orig);
  ck_assert_ptr_nonnull(strstr(yaml, "  # 其他!B"));
  free(yaml);
  rm_tmp();
}
END_TEST

/* The blank workbook read back: every required field is a placeholder
   that check names; nothing is made up. */
START_TEST(t_blank_template)
{
  mk_tmp();
  char *out, *err;
  const char *t[] = {tu_bin(), "template", "-o", tmp("blank.xlsx"), NULL};
  ck_assert_int_eq(tu_exec(t, tu_root(), &out, &err), 0);
  free(out), free(err);
  /* printable as a blank to fill in by hand: every visible sheet A4
     (paperSize 9) one page wide; the wide ones (205-1's 13 columns, the
     meter list, the ledger's months) landscape; the headings repeated on
     each page (205-1: both of its heading rows) */
  char cmd[1024];
  snprintf(cmd, sizeof cmd,
           "/usr/bin/python3 -c '\n"
           "import sys, openpyxl\n"
           "wb = openpyxl.load_workbook(sys.argv[1])\n"
           "for s in wb.worksheets:\n"
           "    if s.sheet_state != \"visible\":\n"
           "        continue\n"
           "    p = s.page_setup\n"
           "    print(s.title, p.paperSize, p.orientation, "
           "s.sheet_properties.pageSetUpPr.fitToPage, p.fitToWidth, "
           "p.fitToHeight, s.print_title_rows)\n"
           "' %s 2>&1",
           tmp("blank.xlsx"));
  ck_assert_int_eq(tu_sh(cmd, &out), 0);
  ck_assert_str_eq(out, "说明 9 portrait True None 0 None\n"
                        "205-1 9 landscape True None 0 $3:$4\n"
                        "计量器具 9 landscape True None 0 $3:$3\n"
                        "台帐 9 landscape True None 0 $3:$3\n"
                        "设备 9 landscape True None 0 $3:$3\n"
                        "其他 9 portrait True None 0 $3:$3\n");
  free(out);
  const char *im[] = {tu_bin(), "import", tmp("blank.xlsx"), "-o",
                      tmp("blank.yaml"), NULL};
  ck_assert_int_eq(tu_exec(im, tu_root(), &out, &err), 0);
  free(out), free(err);
  char *yaml = tu_slurp(tmp("blank.yaml"), NULL);
  ck_assert_ptr_nonnull(strstr(
      yaml, "  industry: ~  # TO FILL / 待填: cement, steel, aluminium,"));
  ck_assert_ptr_nonnull(strstr(yaml, "    from: ~  # TO FILL / 待填: first "
                                     "day of the audit period"));
  free(yaml);
  const char *ck[] = {tu_bin(), "check", tmp("blank.yaml"), NULL};
  ck_assert_int_eq(tu_exec(ck, tu_root(), &out, &err), 1);
  ck_assert_ptr_nonnull(strstr(err, "error: facility.name: "));
  ck_assert_ptr_nonnull(strstr(err, "error: facility.industry: "));
  ck_assert_ptr_nonnull(strstr(err, "error: facility.province: "));
  ck_assert_ptr_nonnull(strstr(err, "error: audit.period.from: "));
  free(out), free(err);
  rm_tmp();
}
END_TEST

/* {====================================================== client files */

/* samples/intake/205-1.xlsx and ledger.xlsx (tests/tools/
   make_intake_samples.py): a dyeing plant's 2024.

   Alone they give a facility whose name in English, industry and province
   no form carries: check names exactly those three.

   With facility.csv (those three as path/value rows) calc accepts it.
   Worked by hand, GB/T 2589 coefficients of the rules:
     raw coal     18,950 t consumed (ledger: 1,250 + 18,600 − 900) × 0.7143
                  = 13,535.985 tce
     diesel       43.10 t (205-1: 3.20 + 42.60 − 2.70) × 1.4571 = 62.80101
     natural gas  126.50 万m3 = 1,265,000 m3 × 1.2143 kgce = 1,536.0895
     electricity  2,386.45 万kWh (Σ of the ledger's months) × 0.1229 kgce
                  = 2,932.94705
     heat         85,000 GJ × 34.12 kgce/GJ = 2,900.2
     total        20,968.02256 tce
   The form's 能源合计 of consumption is 20,966.32 tce: its 采用折标系数
   for heat is the rounded 0.0341 tce/GJ, 85,000 × 0.00002 = 1.70 tce less.
   Cost: the 金额 column, 16,182.0 + 4,301.0 + 318.6 + 12,750.0 + 15,511.9
   = 49,063.5 千元 = 49,063,500 CNY (prices are 金额 ÷ 购进量). */
START_TEST(t_client_files)
{
  mk_tmp();
  char *out, *err;
  const char *im[] = {tu_bin(), "import", "samples/intake/205-1.xlsx",
                      "samples/intake/ledger.xlsx", "-o", tmp("a.yaml"),
                      NULL};
  ck_assert_int_eq(tu_exec(im, tu_root(), &out, &err), 0);
  ck_assert_str_eq(err, "");
  free(out), free(err);
  char *yaml = tu_slurp(tmp("a.yaml"), NULL);
  /* provenance: the form's cells, the ledger's row of purchases */
  ck_assert_ptr_nonnull(
      strstr(yaml, "    total: \"126.5 万m3\"  # 205-1表!E12\n"));
  ck_assert_ptr_nonnull(strstr(yaml, "\"198.91 万kWh\"]  # 电力!C10…N10\n"));
  ck_assert_ptr_nonnull(strstr(yaml, "    opening: \"1250 t\"  # 原煤!C15\n"));
  ck_assert_ptr_nonnull(strstr(yaml, "    closing: \"900 t\"  # 原煤!N16\n"));
  ck_assert_ptr_nonnull(
      strstr(yaml, "  credit_code: \"91330602MA2D8K3L11\"  # 205-1表!A2\n"));
  ck_assert_ptr_nonnull(strstr(yaml, "    from: 2024-01-01  # 电力!A1\n"));
  /* the totals row is not a carrier, the 其中 row not an addition; the
     totals row's consumption is what the enterprise declared */
  const char *dt = strstr(yaml, "能源合计");
  ck_assert_ptr_nonnull(dt);
  ck_assert_ptr_null(strstr(dt + 1, "能源合计"));
  ck_assert_ptr_nonnull(strstr(
      yaml, "declared:\n  - figure: energy.total_tce  # 205-1表!G18\n"
            "    value: \"20966.32 tce\"  # 205-1表!G18\n"));
  ck_assert_ptr_nonnull(
      strstr(yaml, "      zh: \"2024年205-1表“能源合计”\"  # 205-1表!G18\n"));
  ck_assert_ptr_null(strstr(yaml, "用于运输"));
  free(yaml);
  const char *ck[] = {tu_bin(), "check", tmp("a.yaml"), NULL};
  ck_assert_int_eq(tu_exec(ck, tu_root(), &out, &err), 1);
  ck_assert_ptr_nonnull(strstr(err, "error: facility.name.en: "));
  ck_assert_ptr_nonnull(strstr(err, "error: facility.industry: "));
  ck_assert_ptr_nonnull(strstr(err, "error: facility.province: "));
  ck_assert_ptr_nonnull(strstr(err, ": 3 errors\n"));
  free(out), free(err);

  const char *im2[] = {tu_bin(), "import", "samples/intake/205-1.xlsx",
                       "samples/intake/ledger.xlsx",
                       "samples/intake/facility.csv", "-o", tmp("b.yaml"),
                       NULL};
  ck_assert_int_eq(tu_exec(im2, tu_root(), &out, &err), 0);
  free(out), free(err);
  tu_run r;
  tu_open(&r);
  char *text = tu_slurp(tmp("b.yaml"), NULL);
  tu_facility(&r, text);
  ck_assert_msg(r.results != NULL, "%s", tu_diags(&r));
  TU_NEAR(&r, "energy.total_tce", 20968.02256);
  /* declared 20,966.32 against 20,968.02256: −1.70256 tce (the form's
     rounded heat coefficient, worked above), −0.0081 %: within 0.5 % */
  TU_NEAR(&r, "declared[0].difference", 20966.32 - 20968.02256);
  ck_assert_str_eq(tu_str(&r, "declared[0].status"), "agrees");
  ck_assert_double_eq_tol(tu_num(&r, "energy.cost.total_cny"), 49063500.0,
                          0.01);
  free(text);
  tu_close(&r);
  rm_tmp();
}
END_TEST

/* samples/intake/205-1-monthly.xlsx: the same year's 原煤 and 电力 as
   twelve monthly 205-1 sheets (1月 … 12月). The months become the
   boundary meters' monthly values (the ledger's), the first month's 期初
   and the last month's 期末 the stock, Σ 金额 ÷ Σ 购进量 the prices, each
   sheet's 能源合计 checked. Total: 13,535.985 + 2,932.94705 =
   16,468.93205 tce (raw coal and electricity as in t_client_files). */
START_TEST(t_month_sheets)
{
  mk_tmp();
  char *out, *err;
  const char *im[] = {tu_bin(), "import", "samples/intake/205-1-monthly.xlsx",
                      "samples/intake/facility.csv", "-o", tmp("m.yaml"),
                      NULL};
  ck_assert_int_eq(tu_exec(im, tu_root(), &out, &err), 0);
  ck_assert_str_eq(err, "");
  free(out), free(err);
  char *yaml = tu_slurp(tmp("m.yaml"), NULL);
  ck_assert_ptr_nonnull(strstr(yaml, "\"198.91 万kWh\"]  # 1月!D7…12月!D7\n"));
  ck_assert_ptr_nonnull(strstr(yaml, "    opening: \"1250 t\"  # 1月!C6\n"));
  ck_assert_ptr_nonnull(strstr(yaml, "    closing: \"900 t\"  # 12月!G6\n"));
  ck_assert_ptr_nonnull(strstr(yaml, "  raw_coal: \"870 CNY/t\"  # Σ 金额"));
  tu_run r;
  tu_open(&r);
  tu_facility(&r, yaml);
  ck_assert_msg(r.results != NULL, "%s", tu_diags(&r));
  TU_NEAR(&r, "energy.total_tce", 16468.93205);
  free(yaml);
  tu_close(&r);
  /* the ledger gives the same carriers: its months, not the sheets' */
  const char *both[] = {tu_bin(), "import", "samples/intake/205-1-monthly.xlsx",
                        "samples/intake/ledger.xlsx", "-o", tmp("n.yaml"),
                        NULL};
  ck_assert_int_eq(tu_exec(both, tu_root(), &out, &err), 0);
  free(out), free(err);
  yaml = tu_slurp(tmp("n.yaml"), NULL);
  ck_assert_ptr_nonnull(strstr(yaml, "\"198.91 万kWh\"]  # 电力!C10…N10\n"));
  free(yaml);
  rm_tmp();
}
END_TEST

/* {====================================================== bad inputs */

static int only_inputs(const struct dirent *d)
{
  size_t n = strlen(d->d_name);
  return (n > 4 && strcmp(d->d_name + n - 4, ".csv") == 0) ||
         (n > 5 && strcmp(d->d_name + n - 5, ".xlsx") == 0);
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
  return strcmp((*a)->d_name, (*b)->d_name);
}

/* tests/bad-import/NAME.csv|xlsx: exit 1, exactly NAME.err, no output. */
START_TEST(t_bad_catalogue)
{
  char dir[512];
  snprintf(dir, sizeof dir, "%s/tests/bad-import", tu_root());
  struct dirent **list;
  int n = scandir(dir, &list, only_inputs, by_name);
  ck_assert_msg(n >= 20, "tests/bad-import has %d cases", n);
  mk_tmp();
  int failures = 0;
  for (int i = 0; i < n; i++) {
    char rel[300], errpath[800];
    snprintf(rel, sizeof rel, "tests/bad-import/%s", list[i]->d_name);
    const char *dot = strrchr(list[i]->d_name, '.');
    snprintf(errpath, sizeof errpath, "%s/%.*s.err", dir,
             (int)(dot - list[i]->d_name), list[i]->d_name);
    const char *argv[] = {tu_bin(), "import", rel, "-o", tmp("out.yaml"),
                          NULL};
    char *out, *err;
    int rc = tu_exec(argv, tu_root(), &out, &err);
    char *want = tu_slurp(errpath, NULL);
    bool wrote = exists(tmp("out.yaml"));
    if (rc != 1 || wrote || !want || strcmp(want, err) != 0) {
      failures++;
      fprintf(stderr, "bad import %s: exit %d, output %s\n--- want\n%s--- "
              "got\n%s", rel, rc, wrote ? "written" : "none",
              want ? want : "(no .err)\n", err);
    }
    free(want), free(out), free(err);
    free(list[i]);
  }
  free(list);
  rm_tmp();
  ck_assert_int_eq(failures, 0);
}
END_TEST

/* {====================================================== hostile xlsx */

static const char CT[] =
    "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/"
    "package/2006/content-types\"/>";
static const char WB[] =
    "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats."
    "org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats."
    "org/officeDocument/2006/relationships\"><sheets><sheet name=\"表\" "
    "sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
static const char RELS[] =
    "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas."
    "openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
    "</Relationships>";
static const char SST[] =
    "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
    "<si><t>路径</t></si></sst>";

/* A workbook of the given parts (NULL data: the part is left out). */
/* Writes the archive of z to path. */
static void finish_zip(zip_writer *z, const char *path)
{
  buf b;
  buf_init(&b);
  ck_assert(zipw_finish(z, &b));
  FILE *f = fopen(path, "wb");
  ck_assert_ptr_nonnull(f);
  fwrite(b.data, 1, b.len, f);
  fclose(f);
  buf_fini(&b);
}

static void workbook(const char *path, const char *wb, const char *rels,
                     const char *sheet, size_t sheet_len, const char *sst)
{
  arena *a = arena_new();
  diag_list *dl = diag_new(a);
  zip_writer *z = zipw_new(dl, false, 0);
  zipw_add(z, "[Content_Types].xml", CT, strlen(CT));
  if (wb)
    zipw_add(z, "xl/workbook.xml", wb, strlen(wb));
  if (rels)
    zipw_add(z, "xl/_rels/workbook.xml.rels", rels, strlen(rels));
  if (sst)
    zipw_add(z, "xl/sharedStrings.xml", sst, strlen(sst));
  if (sheet)
    zipw_add(z, "xl/worksheets/sheet1.xml", sheet,
             sheet_len ? sheet_len : strlen(sheet));
  finish_zip(z, path);
  arena_free(a);
}

#define SHEET(rows)                                                            \
  "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/"  \
  "main\"><sheetData>" rows "</sheetData></worksheet>"

/* Runs import on path; asserts the exit code, that stderr holds want and
   that nothing was written. */
static void expect(const char *path, int code, const char *want)
{
  char *out, *err;
  const char *argv[] = {tu_bin(), "import", path, "-o", tmp("o.yaml"), NULL};
  int rc = tu_exec(argv, tu_root(), &out, &err);
  ck_assert_msg(rc == code && strstr(err, want) && !exists(tmp("o.yaml")),
                "%s: exit %d (want %d), stderr:\n%s(want \"%s\")", path, rc,
                code, err, want);
  free(out), free(err);
}

START_TEST(t_hostile_xlsx)
{
  mk_tmp();
  /* not a zip at all */
  FILE *f = fopen(tmp("text.xlsx"), "w");
  fputs("能源名称,计量单位\n", f);
  fclose(f);
  expect(tmp("text.xlsx"), 1, "text.xlsx: error: not an xlsx workbook");
  /* a part missing */
  workbook(tmp("nowb.xlsx"), NULL, RELS, SHEET(""), 0, NULL);
  expect(tmp("nowb.xlsx"), 1,
         "nowb.xlsx:xl/workbook.xml: error: this part of the workbook is "
         "missing");
  workbook(tmp("nosheet.xlsx"), WB, RELS, NULL, 0, NULL);
  expect(tmp("nosheet.xlsx"), 1,
         "nosheet.xlsx:xl/worksheets/sheet1.xml: error: this part of the "
         "workbook is missing");
  workbook(tmp("norel.xlsx"), WB, "<Relationships/>", SHEET(""), 0, NULL);
  expect(tmp("norel.xlsx"), 1, "sheet \"表\" (rId1) has no relationship");
  workbook(tmp("nosheets.xlsx"), "<workbook/>", RELS, SHEET(""), 0, NULL);
  expect(tmp("nosheets.xlsx"), 1, "the workbook lists no sheet");
  /* bad XML, with its line and column */
  workbook(tmp("badxml.xlsx"), WB, RELS,
           "<worksheet>\n<sheetData><row><c></row>", 0, NULL);
  expect(tmp("badxml.xlsx"), 1,
         "badxml.xlsx:xl/worksheets/sheet1.xml:2:22: error: bad XML: "
         "mismatched tag");
  workbook(tmp("truncated.xlsx"), WB, RELS, "<worksheet><sheetData>", 0,
           NULL);
  expect(tmp("truncated.xlsx"), 1, "bad XML: no element found");
  /* entities: the billion laughs never expand */
  workbook(tmp("laughs.xlsx"), WB, RELS,
           "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY a \"aaaaaaaaaa\">"
           "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><worksheet>&b;"
           "</worksheet>",
           0, NULL);
  expect(tmp("laughs.xlsx"), 1, "a document type declaration");
  /* beyond the grid */
  workbook(tmp("bigrow.xlsx"), WB, RELS, SHEET("<row r=\"1048577\"/>"), 0,
           NULL);
  expect(tmp("bigrow.xlsx"), 1,
         "row number \"1048577\" outside 1 to 1,048,576");
  workbook(tmp("hugerow.xlsx"), WB, RELS,
           SHEET("<row r=\"99999999999999999999999\"/>"), 0, NULL);
  expect(tmp("hugerow.xlsx"), 1, "outside 1 to 1,048,576");
  workbook(tmp("bigcol.xlsx"), WB, RELS,
           SHEET("<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>"), 0, NULL);
  expect(tmp("bigcol.xlsx"), 1,
         "cell reference \"XFE1\" outside A1 to XFD1048576");
  workbook(tmp("badref.xlsx"), WB, RELS,
           SHEET("<row><c r=\"1A\"><v>1</v></c></row>"), 0, NULL);
  expect(tmp("badref.xlsx"), 1, "cell reference \"1A\" outside");
  workbook(tmp("badmerge.xlsx"), WB, RELS,
           "<worksheet><sheetData/><mergeCells><mergeCell ref=\"B2:A1\"/>"
           "</mergeCells></worksheet>",
           0, NULL);
  expect(tmp("badmerge.xlsx"), 1, "merged range \"B2:A1\" is not a range");
  /* a shared string that is not there, a number that is not one */
  workbook(tmp("sst.xlsx"), WB, RELS,
           SHEET("<row><c r=\"A1\" t=\"s\"><v>7</v></c></row>"), 0, SST);
  expect(tmp("sst.xlsx"), 1,
         "cell A1: shared string \"7\" does not exist (1 strings)");
  workbook(tmp("nan.xlsx"), WB, RELS,
           SHEET("<row><c r=\"B3\"><v>abc</v></c></row>"), 0, NULL);
  expect(tmp("nan.xlsx"), 1, "cell B3: \"abc\" is not a number");
  /* a zip bomb: a part inflating past the cap (lowered for the test; the
     shipped cap is IMP_MAX_PART, 512 MiB) stops there */
  size_t big = 2u << 20;
  char *spaces = malloc(big + 64);
  strcpy(spaces, "<worksheet>");
  memset(spaces + 11, ' ', big);
  strcpy(spaces + 11 + big, "</worksheet>");
  workbook(tmp("bomb.xlsx"), WB, RELS, spaces, 0, NULL);
  free(spaces);
  setenv("AUDITGEN_TEST_MAX_PART", "1000000", 1);
  expect(tmp("bomb.xlsx"), 1,
         "bomb.xlsx:xl/worksheets/sheet1.xml: error: inflates to more than "
         "1000000 bytes (a zip bomb?)");
  unsetenv("AUDITGEN_TEST_MAX_PART");
  /* a text longer than a cell holds */
  size_t longn = 200000;
  char *lt = malloc(longn + 200);
  int k = sprintf(lt, "<worksheet><sheetData><row><c r=\"A1\" t=\"inlineStr\">"
                      "<is><t>");
  memset(lt + k, 'x', longn);
  strcpy(lt + k + longn, "</t></is></c></row></sheetData></worksheet>");
  workbook(tmp("longtext.xlsx"), WB, RELS, lt, 0, NULL);
  free(lt);
  expect(tmp("longtext.xlsx"), 1, "a text longer than 32767 characters");
  /* too many merged ranges */
  buf mg;
  buf_init(&mg);
  buf_puts(&mg, "<worksheet><sheetData/><mergeCells>");
  for (int i = 1; i <= 2001; i++)
    buf_printf(&mg, "<mergeCell ref=\"A%d:B%d\"/>", i, i);
  buf_puts(&mg, "</mergeCells></worksheet>");
  workbook(tmp("merges.xlsx"), WB, RELS, mg.data, mg.len, NULL);
  buf_fini(&mg);
  expect(tmp("merges.xlsx"), 1, "more than 2000 merged ranges in a sheet");
  /* files that cannot be read: exit 3 */
  expect(tmp("missing.xlsx"), 3, "missing.xlsx: error: cannot be read");
  mkdir(tmp("dir.xlsx"), 0755);
  expect(tmp("dir.xlsx"), 3, "dir.xlsx: error: cannot be read");
  expect(tmp("old.xls"), 1, "not a .xlsx or .csv file");
  rm_tmp();
}
END_TEST

/* A zip of parts: the workbook of `workbook` and extra empty parts, so
   that it holds total entries. */
static void many_parts(const char *path, size_t total)
{
  arena *a = arena_new();
  diag_list *dl = diag_new(a);
  zip_writer *z = zipw_new(dl, false, 0);
  zipw_add(z, "[Content_Types].xml", CT, strlen(CT));
  zipw_add(z, "xl/workbook.xml", WB, strlen(WB));
  zipw_add(z, "xl/_rels/workbook.xml.rels", RELS, strlen(RELS));
  const char *sheet = SHEET("");
  zipw_add(z, "xl/worksheets/sheet1.xml", sheet, strlen(sheet));
  for (size_t i = 4; i < total; i++)
    zipw_add(z, arena_printf(a, "x/%zu", i), "", 0);
  finish_zip(z, path);
  arena_free(a);
}

/* A zip of a million empty entries is 100 MB and cost libzip gigabytes
   and minutes to open: the entry count of the end record is read first.
   10,000 parts pass (and fail later for what the sheet lacks), 10,001
   are refused; a zip64 end record (over 65,535 entries) is read too. */
START_TEST(t_zip_parts)
{
  mk_tmp();
  many_parts(tmp("p10000.xlsx"), 10000);
  char *out, *err;
  const char *argv[] = {tu_bin(), "import", tmp("p10000.xlsx"), "-o",
                        tmp("o.yaml"), NULL};
  tu_exec(argv, tu_root(), &out, &err);
  ck_assert_msg(!strstr(err, "parts;"), "%s", err);
  free(out), free(err);
  many_parts(tmp("p10001.xlsx"), 10001);
  expect(tmp("p10001.xlsx"), 1,
         "p10001.xlsx: error: the zip holds 10001 parts; a workbook has at "
         "most 10000 (not a workbook a spreadsheet program wrote)\n");
  char cmd[512];
  snprintf(cmd, sizeof cmd,
           "python3 -c 'import zipfile\n"
           "with zipfile.ZipFile(\"%s\", \"w\") as z:\n"
           " [z.writestr(\"x%%d\" %% i, b\"\") for i in range(70000)]'",
           tmp("zip64.xlsx"));
  ck_assert_int_eq(tu_sh(cmd, &out), 0);
  free(out);
  expect(tmp("zip64.xlsx"), 1, "the zip holds 70000 parts");
  rm_tmp();
}
END_TEST

/* Two sheets: the workbook's second sheet names part2 (through rId2). */
static void two_sheets(const char *path, const char *part2, const char *s1,
                       const char *s2)
{
  static const char wb[] =
      "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/"
      "2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/"
      "officeDocument/2006/relationships\"><sheets><sheet name=\"一\" "
      "sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"二\" sheetId=\"2\" "
      "r:id=\"rId2\"/></sheets></workbook>";
  arena *a = arena_new();
  const char *rels = arena_printf(
      a,
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
      "relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas."
      "openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
      "Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" "
      "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
      "relationships/worksheet\" Target=\"%s\"/></Relationships>",
      part2);
  diag_list *dl = diag_new(a);
  zip_writer *z = zipw_new(dl, false, 0);
  zipw_add(z, "[Content_Types].xml", CT, strlen(CT));
  zipw_add(z, "xl/workbook.xml", wb, strlen(wb));
  zipw_add(z, "xl/_rels/workbook.xml.rels", rels, strlen(rels));
  zipw_add(z, "xl/worksheets/sheet1.xml", s1, strlen(s1));
  if (s2)
    zipw_add(z, "xl/worksheets/sheet2.xml", s2, strlen(s2));
  finish_zip(z, path);
  arena_free(a);
}

/* Amplification across parts: one part listed under many sheet names was
   read once for each (999 names of a 577 KB sheet: 47 s, 657 MB); and
   the inflated bytes are counted over the whole book, not only per part
   (a thousand parts each under the cap). */
START_TEST(t_book_amplified)
{
  mk_tmp();
  const char *one = SHEET("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>");
  two_sheets(tmp("same.xlsx"), "worksheets/sheet1.xml", one, NULL);
  expect(tmp("same.xlsx"), 1,
         "same.xlsx:xl/workbook.xml: error: sheet \"二\" (rId2) names the "
         "part xl/worksheets/sheet1.xml of sheet \"一\"\n");
  two_sheets(tmp("abs.xlsx"), "/xl/worksheets/sheet1.xml", one, NULL);
  expect(tmp("abs.xlsx"), 1, "names the part xl/worksheets/sheet1.xml");
  /* each part 600,000 bytes under a cap of 1,000,000: the second crosses
     it with the first */
  size_t big = 600000;
  char *s = malloc(big + 32);
  strcpy(s, "<worksheet>");
  memset(s + 11, ' ', big - 23);
  strcpy(s + big - 12, "</worksheet>");
  two_sheets(tmp("sum.xlsx"), "worksheets/sheet2.xml", s, s);
  free(s);
  setenv("AUDITGEN_TEST_MAX_PART", "1000000", 1);
  expect(tmp("sum.xlsx"), 1,
         "sum.xlsx:xl/worksheets/sheet2.xml: error: with the parts before "
         "it, the workbook inflates to more than 1000000 bytes (a zip "
         "bomb?)\n");
  unsetenv("AUDITGEN_TEST_MAX_PART");
  rm_tmp();
}
END_TEST

/* A workbook written by hand: inline strings, cells without r (the
   columns counted), a shared string with phonetic runs, booleans; read
   as a path/value sheet. */
START_TEST(t_minimal_xlsx)
{
  mk_tmp();
  static const char sst[] =
      "<sst><si><r><t>路径</t></r><rPh><t>ろ</t></rPh></si><si><t>值</t></si>"
      "</sst>";
  static const char sheet[] = SHEET(
      "<row r=\"1\"><c t=\"s\"><v>0</v></c><c t=\"s\"><v>1</v></c></row>"
      "<row r=\"3\"><c t=\"inlineStr\"><is><t>facility.industry</t></is></c>"
      "<c t=\"inlineStr\"><is><t>textile</t></is></c></row>"
      "<row><c t=\"inlineStr\"><is><t>meters[E1].installed</t></is></c>"
      "<c t=\"b\"><v>0</v></c></row>"
      "<row><c t=\"str\"><v>meters[E1].level</v></c><c><v>3</v></c></row>");
  workbook(tmp("min.xlsx"), WB, RELS, sheet, 0, sst);
  char *out, *err;
  const char *argv[] = {tu_bin(), "import", tmp("min.xlsx"), "-o",
                        tmp("min.yaml"), NULL};
  ck_assert_int_eq(tu_exec(argv, tu_root(), &out, &err), 0);
  free(out), free(err);
  char *y = tu_slurp(tmp("min.yaml"), NULL);
  ck_assert_ptr_nonnull(strstr(y, "  industry: \"textile\"  # 表!B3\n"));
  ck_assert_ptr_nonnull(strstr(y, "    installed: false  # 表!B4\n"));
  ck_assert_ptr_nonnull(strstr(y, "    level: \"3\"  # 表!B5\n"));
  free(y);
  /* a sheet name with a line break does not end the comment */
  static const char wb[] =
      "<workbook xmlns:r=\"r\"><sheets><sheet name=\"表&#10;evil: 1\" "
      "r:id=\"rId1\"/></sheets></workbook>";
  workbook(tmp("nl.xlsx"), wb, RELS, sheet, 0, sst);
  const char *nl[] = {tu_bin(), "import", tmp("nl.xlsx"), "-o",
                      tmp("nl.yaml"), NULL};
  ck_assert_int_eq(tu_exec(nl, tu_root(), &out, &err), 0);
  free(out), free(err);
  y = tu_slurp(tmp("nl.yaml"), NULL);
  ck_assert_ptr_null(strstr(y, "\nevil"));
  ck_assert_ptr_nonnull(strstr(y, "  # 表 evil: 1!B3\n"));
  free(y);
  rm_tmp();
}
END_TEST

/* {====================================================== dates */

/* Cell formats: 0 general, 1 built-in date 14, 2 a custom date
   yyyy"年"m"月"d"日", 3 a time h:mm (20, not a date). */
static const char STYLES[] =
    "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/"
    "2006/main\"><numFmts count=\"1\"><numFmt numFmtId=\"176\" "
    "formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/>"
    "</numFmts><cellXfs count=\"4\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/>"
    "<xf numFmtId=\"176\"/><xf numFmtId=\"20\"/></cellXfs></styleSheet>";

/* A workbook with styles.xml (and workbookPr date1904 when asked). */
static void dated_book(const char *path, bool d1904, const char *sheet)
{
  char wb[1024];
  snprintf(wb, sizeof wb,
           "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/"
           "2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/"
           "officeDocument/2006/relationships\">%s<sheets><sheet name=\"表\" "
           "sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
           d1904 ? "<workbookPr date1904=\"1\"/>" : "");
  arena *a = arena_new();
  diag_list *dl = diag_new(a);
  zip_writer *z = zipw_new(dl, false, 0);
  zipw_add(z, "[Content_Types].xml", CT, strlen(CT));
  zipw_add(z, "xl/workbook.xml", wb, strlen(wb));
  zipw_add(z, "xl/_rels/workbook.xml.rels", RELS, strlen(RELS));
  zipw_add(z, "xl/styles.xml", STYLES, strlen(STYLES));
  zipw_add(z, "xl/worksheets/sheet1.xml", sheet, strlen(sheet));
  finish_zip(z, path);
  arena_free(a);
}

#define IS(t) "<c t=\"inlineStr\"><is><t>" t "</t></is></c>"

/* Imports path (exit 0 expected) and returns the YAML (malloc'd). */
static char *imported(const char *path)
{
  char *out, *err;
  const char *argv[] = {tu_bin(), "import", path, "-o", tmp("d.yaml"), NULL};
  int rc = tu_exec(argv, tu_root(), &out, &err);
  ck_assert_msg(rc == 0, "exit %d:\n%s", rc, err);
  free(out), free(err);
  char *y = tu_slurp(tmp("d.yaml"), NULL);
  unlink(tmp("d.yaml"));
  return y;
}

/* Numbers shown as dates are dates: serial 42430 is 2016-03-01 in the
   1900 system (past Excel's fictitious 1900-02-29), 40968 in the 1904
   system; serial 59 is 1900-02-28 and 61 is 1900-03-01, while 60 (the
   day that does not exist) is an error naming the cell, as is a date
   where an amount belongs. A ledger's months may be headed by the first
   days of the months. A time format is not a date. */
START_TEST(t_date_serials)
{
  mk_tmp();
  static const char pv[] = SHEET(
      "<row r=\"1\">" IS("路径") IS("值") "</row>"
      "<row r=\"2\">" IS("meters[E1].calibrated") "<c s=\"1\"><v>42430</v></c>"
      "</row>"
      "<row r=\"3\">" IS("meters[E2].calibrated") "<c s=\"2\"><v>59</v></c>"
      "</row>"
      "<row r=\"4\">" IS("meters[E3].calibrated") "<c s=\"1\"><v>61</v></c>"
      "</row>"
      "<row r=\"5\">" IS("meters[E4].level") "<c s=\"3\"><v>2</v></c></row>");
  dated_book(tmp("d1900.xlsx"), false, pv);
  char *y = imported(tmp("d1900.xlsx"));
  ck_assert_msg(strstr(y, "calibrated: \"2016-03-01\"  # 表!B2\n"), "%s", y);
  ck_assert_msg(strstr(y, "calibrated: \"1900-02-28\"  # 表!B3\n"), "%s", y);
  ck_assert_msg(strstr(y, "calibrated: \"1900-03-01\"  # 表!B4\n"), "%s", y);
  ck_assert_msg(strstr(y, "level: \"2\"  # 表!B5\n"), "%s", y);
  free(y);
  /* the 1904 system: the same day is 1,462 days less */
  static const char pv4[] = SHEET(
      "<row r=\"1\">" IS("路径") IS("值") "</row>"
      "<row r=\"2\">" IS("meters[E1].calibrated") "<c s=\"1\"><v>40968</v></c>"
      "</row>"
      "<row r=\"3\">" IS("meters[E2].calibrated") "<c s=\"2\"><v>0</v></c>"
      "</row>");
  dated_book(tmp("d1904.xlsx"), true, pv4);
  y = imported(tmp("d1904.xlsx"));
  ck_assert_msg(strstr(y, "calibrated: \"2016-03-01\"  # 表!B2\n"), "%s", y);
  ck_assert_msg(strstr(y, "calibrated: \"1904-01-01\"  # 表!B3\n"), "%s", y);
  free(y);
  /* 1900-02-29 and a time of day shown as a date */
  static const char bad[] = SHEET(
      "<row r=\"1\">" IS("路径") IS("值") "</row>"
      "<row r=\"2\">" IS("meters[E1].calibrated") "<c s=\"1\"><v>60</v></c>"
      "</row>"
      "<row r=\"3\">" IS("meters[E2].calibrated") "<c s=\"2\"><v>0.5</v></c>"
      "</row>");
  dated_book(tmp("d60.xlsx"), false, bad);
  expect(tmp("d60.xlsx"), 1,
         "d60.xlsx:表!B2: error: 60 is shown as a date but is 1900-02-29 "
         "(serial 60), a day that does not exist (Excel's 1900 leap-year "
         "bug)");
  expect(tmp("d60.xlsx"), 1,
         "d60.xlsx:表!B3: error: 0.5 is shown as a date but is a time of "
         "day, not a date");
  /* a ledger with months headed by dates; an amount shown as a date */
  static const char ledger[] = SHEET(
      "<row r=\"1\">" IS("编号") IS("能源") IS("单位")
      "<c s=\"1\"><v>42370</v></c><c s=\"1\"><v>42401</v></c>"
      "<c s=\"2\"><v>42430</v></c></row>"
      "<row r=\"2\">" IS("E1") IS("电力") IS("kWh")
      "<c><v>100</v></c><c><v>200</v></c><c><v>300</v></c></row>");
  dated_book(tmp("ledger.xlsx"), false, ledger);
  y = imported(tmp("ledger.xlsx"));
  ck_assert_msg(strstr(y, "100") && strstr(y, "200") && strstr(y, "300"),
                "%s", y);
  ck_assert_msg(strstr(y, "monthly:"), "%s", y);
  free(y);
  static const char ledger_bad[] = SHEET(
      "<row r=\"1\">" IS("编号") IS("能源") IS("单位")
      "<c s=\"1\"><v>42370</v></c><c s=\"1\"><v>42401</v></c></row>"
      "<row r=\"2\">" IS("E1") IS("电力") IS("kWh")
      "<c><v>100</v></c><c s=\"1\"><v>200</v></c></row>");
  dated_book(tmp("ledger2.xlsx"), false, ledger_bad);
  expect(tmp("ledger2.xlsx"), 1, "ledger2.xlsx:表!E2: error:");
  rm_tmp();
}
END_TEST

/* {====================================================== CSV, usage */

START_TEST(t_csv_encodings)
{
  mk_tmp();
  /* GBK: refused without --encoding (bad case not-utf8), read with it */
  char *out, *err;
  const char *argv[] = {tu_bin(), "import", "tests/bad-import/not-utf8.csv",
                        "--encoding", "gbk", "-o", tmp("g.yaml"), NULL};
  ck_assert_int_eq(tu_exec(argv, tu_root(), &out, &err), 0);
  free(out), free(err);
  char *y = tu_slurp(tmp("g.yaml"), NULL);
  ck_assert_ptr_nonnull(strstr(y, "    total: \"100 t\"  # not-utf8:2:3\n"));
  ck_assert_ptr_nonnull(strstr(y, "      zh: \"原煤购进（205-1表）\""));
  free(y);
  /* a BOM and CRLF are not part of the first header nor of the values */
  FILE *f = fopen(tmp("bom.csv"), "wb");
  fputs("\xEF\xBB\xBF能源名称,计量单位,购进量\r\n柴油,吨,\"1,250.5\"\r\n", f);
  fclose(f);
  const char *b[] = {tu_bin(), "import", tmp("bom.csv"), "-o", tmp("b.yaml"),
                     NULL};
  ck_assert_int_eq(tu_exec(b, tu_root(), &out, &err), 0);
  free(out), free(err);
  y = tu_slurp(tmp("b.yaml"), NULL);
  ck_assert_ptr_nonnull(strstr(y, "    total: \"1250.5 t\"  # bom:2:3\n"));
  free(y);
  /* --form: a sheet taken as the form named, its header still required */
  const char *fm[] = {tu_bin(), "import", tmp("bom.csv"), "--form", "meters",
                      "-o", tmp("c.yaml"), NULL};
  ck_assert_int_eq(tu_exec(fm, tu_root(), &out, &err), 1);
  ck_assert_ptr_nonnull(strstr(err, "bom.csv:1:1: error: no header with "
                                    "计量器具名称 (meter list)\n"));
  ck_assert(!exists(tmp("c.yaml")));
  free(out), free(err);
  rm_tmp();
}
END_TEST

START_TEST(t_usage)
{
  mk_tmp();
  char *out, *err;
  const char *a1[] = {tu_bin(), "import", "samples/intake/facility.csv", NULL};
  ck_assert_int_eq(tu_exec(a1, tu_root(), &out, &err), 2);
  ck_assert_ptr_nonnull(strstr(err, "import needs -o FACILITY.yaml"));
  free(out), free(err);
  const char *a2[] = {tu_bin(), "import", "x.csv", "--form", "205",
                      "-o", tmp("x.yaml"), NULL};
  ck_assert_int_eq(tu_exec(a2, tu_root(), &out, &err), 2);
  free(out), free(err);
  const char *a3[] = {tu_bin(), "template", "a.yaml", "b.yaml", "-o",
                      tmp("x.xlsx"), NULL};
  ck_assert_int_eq(tu_exec(a3, tu_root(), &out, &err), 2);
  free(out), free(err);
  const char *a4[] = {tu_bin(), "template", "samples/none.yaml", "-o",
                      tmp("x.xlsx"), NULL};
  ck_assert_int_eq(tu_exec(a4, tu_root(), &out, &err), 3);
  ck_assert(!exists(tmp("x.xlsx")));
  free(out), free(err);
  /* an output in a folder that does not exist: 3, and the inputs read */
  const char *a5[] = {tu_bin(), "import", "samples/intake/facility.csv", "-o",
                      tmp("no/such/dir.yaml"), NULL};
  ck_assert_int_eq(tu_exec(a5, tu_root(), &out, &err), 3);
  free(out), free(err);
  /* the output may not be an input: 3, and the input unchanged */
  FILE *f = fopen(tmp("x.csv"), "w");
  fputs("路径,值\nfacility.industry,cement\n", f);
  fclose(f);
  const char *a6[] = {tu_bin(), "import", tmp("x.csv"), "-o", tmp("x.csv"),
                      NULL};
  ck_assert_int_eq(tu_exec(a6, tu_root(), &out, &err), 3);
  ck_assert_ptr_nonnull(strstr(err, "it is an input of this run"));
  free(out), free(err);
  char *still = tu_slurp(tmp("x.csv"), NULL);
  ck_assert_str_eq(still, "路径,值\nfacility.industry,cement\n");
  free(still);
  const char *help[] = {tu_bin(), "--help", NULL};
  ck_assert_int_eq(tu_exec(help, tu_root(), &out, &err), 0);
  ck_assert_ptr_nonnull(strstr(out, "  import FILE.xlsx|.csv... -o "));
  ck_assert_ptr_nonnull(strstr(out, "  template [FILE.yaml] -o INTAKE.xlsx"));
  free(out), free(err);
  rm_tmp();
}
END_TEST

/* A path sheet's path must be one of the facility file (a key of its
   section, an item only in a list, a value only where the file takes a
   scalar); an item it adds by index has no id, and the fill-in notes name
   it by its place. Paths of another shape (meters as a mapping, a meter's
   carrier as a mapping) once crashed import or, with a 205-1 form read
   after the path sheet, wrote YAML that did not parse (found by
   fuzz_import). */
START_TEST(t_path_sheet_shapes)
{
  static const struct {
    const char *csv, *book; /* book: a second input, or NULL */
    int rc;
    const char *want; /* in the YAML (rc 0) or on stderr (rc 1) */
  } cases[] = {
      {"路径,值\nmeters.id,z\n", NULL, 1,
       "p.csv:2:1: error: \"meters.id\" is not a path of the facility file"},
      {"路径,值\nmeters[0].carrier.zh,x\n", NULL, 1, "\"meters[0].carrier.zh\""},
      {"路径,值\nstock[0].carrier.zh,x\n", "samples/intake/205-1.xlsx", 1,
       "\"stock[0].carrier.zh\" is not a path"},
      {"路径,值\nstock.carrier,x\n", "samples/intake/ledger.xlsx", 1,
       "\"stock.carrier\" is not a path"},
      {"路径,值\nfacility[0],x\n", NULL, 1, "\"facility[0]\" is not a path"},
      {"路径,值\naudit.period,x\n", NULL, 1, "\"audit.period\" is not a path"},
      {"路径,值\nfacility.name.fr,x\n", NULL, 1, "\"facility.name.fr\""},
      /* stock may be null, but a value would hide the form's stock */
      {"路径,值\nstock,x\n", "samples/intake/205-1.xlsx", 1,
       "\"stock\" is not a path"},
      {"路径,值\nmeters[0].carrier,electricity\n", NULL, 0,
       "total: ~  # TO FILL / 待填: what meters[0] measured in the period"},
      {"路径,值\nmeters[0].name.zh,电表\n", NULL, 0,
       "en: ~  # TO FILL / 待填: meters[0]'s name in English"},
      {"路径,值\nmeters[0].id,E1\nmeters[0].name.zh,电表\n", NULL, 0,
       "en: ~  # TO FILL / 待填: meter E1's name in English"},
      {"路径,值\nmeters[0].carrier,electricity\n", "samples/intake/205-1.xlsx",
       0, "carrier: \"electricity\""},
      {"路径,值\nfacility.name.zh,厂\naudit.standards[0],GB/T 2589-2020\n",
       NULL, 0, "standards:\n    - \"GB/T 2589-2020\""},
  };
  mk_tmp();
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    FILE *f = fopen(tmp("p.csv"), "w");
    ck_assert_ptr_nonnull(f);
    fputs(cases[i].csv, f);
    fclose(f);
    unlink(tmp("p.yaml"));
    const char *argv[] = {tu_bin(), "import", tmp("p.csv"),
                          cases[i].book ? cases[i].book : "-o",
                          cases[i].book ? "-o" : tmp("p.yaml"),
                          cases[i].book ? tmp("p.yaml") : NULL, NULL};
    char *out, *err;
    int rc = tu_exec(argv, tu_root(), &out, &err);
    ck_assert_msg(rc == cases[i].rc, "case %zu: exit %d\n%s", i, rc, err);
    char *y = rc == 0 ? tu_slurp(tmp("p.yaml"), NULL) : NULL;
    ck_assert(rc != 0 || y);
    ck_assert_msg(!!exists(tmp("p.yaml")) == (rc == 0),
                  "case %zu: output %s", i, rc ? "written" : "missing");
    const char *in = rc == 0 ? y : err;
    ck_assert_msg(strstr(in, cases[i].want), "case %zu: no \"%s\" in\n%s",
                  i, cases[i].want, in);
    free(y), free(out), free(err);
  }
  rm_tmp();
}
END_TEST

Suite *import_suite(void)
{
  Suite *s = suite_create("import");
  TCase *tc = tcase_create("import");
  tcase_set_timeout(tc, 120);
  tcase_add_loop_test(tc, t_roundtrip, 0, 6);
  tcase_add_test(tc, t_blank_template);
  tcase_add_test(tc, t_client_files);
  tcase_add_test(tc, t_month_sheets);
  tcase_add_test(tc, t_bad_catalogue);
  tcase_add_test(tc, t_hostile_xlsx);
  tcase_add_test(tc, t_zip_parts);
  tcase_add_test(tc, t_book_amplified);
  tcase_add_test(tc, t_minimal_xlsx);
  tcase_add_test(tc, t_date_serials);
  tcase_add_test(tc, t_csv_encodings);
  tcase_add_test(tc, t_usage);
  tcase_add_test(tc, t_path_sheet_shapes);
  suite_add_tcase(s, tc);
  return s;
}
