/* check_evidence.c — evidence files: the JPEG check, the results (what
 * each file supports, its SHA-256 as sha256sum computes it), and the
 * evidence appendix of the PDF and the Word document. The refusals are
 * cases of tests/bad (evidence-files, evidence-shape). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../generator/base/image.h"
#include "suites.h"
#include "testutil.h"

/* {====================================================== JPEG headers */

static size_t seg(unsigned char *p, unsigned marker, const unsigned char *body,
                  size_t n)
{
  p[0] = 0xFF;
  p[1] = (unsigned char)marker;
  p[2] = (unsigned char)((n + 2) >> 8);
  p[3] = (unsigned char)(n + 2);
  memcpy(p + 4, body, n);
  return n + 4;
}

/* SOI, a frame of the given type, precision, size and components, a
   scan header, some data and (with eoi) EOI. */
static size_t jpeg(unsigned char *p, unsigned frame, unsigned prec, unsigned w,
                   unsigned h, unsigned comps, bool eoi)
{
  size_t n = 0;
  p[n++] = 0xFF;
  p[n++] = 0xD8;
  unsigned char app0[] = {'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0};
  n += seg(p + n, 0xE0, app0, sizeof app0);
  unsigned char f[6 + 3 * 4] = {(unsigned char)prec, (unsigned char)(h >> 8),
                                (unsigned char)h, (unsigned char)(w >> 8),
                                (unsigned char)w, (unsigned char)comps};
  for (unsigned i = 0; i < comps && i < 4; i++) {
    f[6 + 3 * i] = (unsigned char)(i + 1);
    f[7 + 3 * i] = 0x11;
  }
  n += seg(p + n, frame, f, 6 + 3 * (comps < 4 ? comps : 4));
  unsigned char sos[] = {1, 1, 0, 0, 63, 0};
  n += seg(p + n, 0xDA, sos, sizeof sos);
  memset(p + n, 0x55, 16);
  n += 16;
  if (eoi) {
    p[n++] = 0xFF;
    p[n++] = 0xD9;
  }
  return n;
}

START_TEST(t_jpeg_check)
{
  unsigned char b[256];
  image_jpeg j;
  char why[200];
  /* baseline, extended and progressive: shown; the size from the frame */
  unsigned ok_frames[] = {0xC0, 0xC1, 0xC2};
  for (size_t i = 0; i < 3; i++) {
    size_t n = jpeg(b, ok_frames[i], 8, 640, 480, 3, true);
    ck_assert_msg(image_jpeg_check(b, n, &j, why, sizeof why), "%s", why);
    ck_assert_uint_eq(j.width, 640);
    ck_assert_uint_eq(j.height, 480);
    ck_assert_uint_eq(j.components, 3);
  }
  size_t n = jpeg(b, 0xC0, 8, 10, 10, 1, true);
  ck_assert(image_jpeg_check(b, n, &j, why, sizeof why));
  /* data after EOI (a camera's trailer) is allowed */
  memcpy(b + n, "trailer", 7);
  ck_assert(image_jpeg_check(b, n + 7, &j, why, sizeof why));
  /* lossless, hierarchical and arithmetic frames: refused */
  unsigned bad_frames[] = {0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF};
  for (size_t i = 0; i < sizeof bad_frames / sizeof bad_frames[0]; i++) {
    n = jpeg(b, bad_frames[i], 8, 10, 10, 3, true);
    ck_assert(!image_jpeg_check(b, n, &j, why, sizeof why));
    ck_assert_ptr_nonnull(strstr(why, "uses a JPEG coding a PDF cannot show"));
  }
  /* 12-bit samples, CMYK, no size, too large */
  n = jpeg(b, 0xC0, 12, 10, 10, 3, true);
  ck_assert(!image_jpeg_check(b, n, &j, why, sizeof why));
  ck_assert_str_eq(why, "has 12-bit samples; a PDF shows 8-bit JPEG");
  n = jpeg(b, 0xC0, 8, 10, 10, 4, true);
  ck_assert(!image_jpeg_check(b, n, &j, why, sizeof why));
  ck_assert_str_eq(why, "has 4 colour components; save it as RGB or greyscale");
  n = jpeg(b, 0xC0, 8, 0, 10, 3, true);
  ck_assert(!image_jpeg_check(b, n, &j, why, sizeof why));
  ck_assert_str_eq(why, "has no size in its frame header");
  n = jpeg(b, 0xC2, 8, 20000, 10, 3, true);
  ck_assert(!image_jpeg_check(b, n, &j, why, sizeof why));
  ck_assert_str_eq(why, "is 20000 x 10 pixels; a JPEG of a report may have at "
                        "most 10000 pixels a side");
  /* no EOI; cut inside a segment; cut after SOI; scan before frame */
  n = jpeg(b, 0xC0, 8, 10, 10, 3, false);
  ck_assert(!image_jpeg_check(b, n, &j, why, sizeof why));
  ck_assert_str_eq(why, "is truncated: it has no end of image marker");
  n = jpeg(b, 0xC0, 8, 10, 10, 3, true);
  for (size_t cut = 3; cut < 40; cut++)
    ck_assert_msg(!image_jpeg_check(b, cut, &j, why, sizeof why), "cut %zu", cut);
  unsigned char scan_first[] = {0xFF, 0xD8, 0xFF, 0xDA, 0, 2, 0xFF, 0xD9};
  ck_assert(!image_jpeg_check(scan_first, sizeof scan_first, &j, why, sizeof why));
  ck_assert_str_eq(why, "is corrupt: its image data come before its frame header");
  /* a segment length that runs past the end, a zero length */
  unsigned char longseg[] = {0xFF, 0xD8, 0xFF, 0xE0, 0xFF, 0xFF, 0};
  ck_assert(!image_jpeg_check(longseg, sizeof longseg, &j, why, sizeof why));
  ck_assert_str_eq(why, "is truncated");
  unsigned char zero[] = {0xFF, 0xD8, 0xFF, 0xE0, 0, 0, 0xFF, 0xD9};
  ck_assert(!image_jpeg_check(zero, sizeof zero, &j, why, sizeof why));
  /* fill bytes or a restart marker before the frame: libharu, which
     reads marker and length in turn up to the frame, would refuse the
     image only when the PDF is written; after the frame they are data */
  unsigned char fill[] = {0xFF, 0xD8, 0xFF, 0xFF, 0xE0, 0, 2, 0xFF, 0xD9};
  ck_assert(!image_jpeg_check(fill, sizeof fill, &j, why, sizeof why));
  ck_assert_str_eq(why, "is corrupt: fill bytes or a restart marker before "
                        "its frame header (byte 2); save it again as a "
                        "baseline JPEG");
  unsigned char rst[] = {0xFF, 0xD8, 0xFF, 0xD0, 0xFF, 0xD9};
  ck_assert(!image_jpeg_check(rst, sizeof rst, &j, why, sizeof why));
  ck_assert_str_eq(why, "is corrupt: fill bytes or a restart marker before "
                        "its frame header (byte 2); save it again as a "
                        "baseline JPEG");
  n = jpeg(b, 0xC0, 8, 10, 10, 3, true);
  memmove(b + n - 1, b + n - 2, 2); /* EOI preceded by a fill byte */
  b[n - 2] = 0xFF;
  ck_assert_msg(image_jpeg_check(b, n + 1, &j, why, sizeof why), "%s", why);
  /* two frame headers (10 x 10, then 20 x 30): libharu takes the first,
     the check had taken the last. SOI and APP0 are 20 bytes, a frame of
     three components 19 */
  unsigned char b2[256], two[300];
  n = jpeg(b, 0xC0, 8, 10, 10, 3, true);
  jpeg(b2, 0xC0, 8, 20, 30, 3, true);
  memcpy(two, b, 39);
  memcpy(two + 39, b2 + 20, 19);
  memcpy(two + 58, b + 39, n - 39);
  ck_assert(!image_jpeg_check(two, n + 19, &j, why, sizeof why));
  ck_assert_str_eq(why, "is corrupt: it has a second frame header (byte 39)");
  /* not a JPEG at all */
  ck_assert(!image_jpeg_check("GIF89a", 6, &j, why, sizeof why));
  ck_assert_str_eq(why, "is not a JPEG file");
}
END_TEST

/* }====================================================== */
/* {====================================================== a facility with evidence */

/* The boiler-house sample in dir with evidence: a PDF (invoice) cited by
   the coal meter and the boiler, a JPEG (a page of a report, rendered by
   pdftoppm) and the PNG logo cited by the coal meter. */
static void make_facility(const char *dir)
{
  char cmd[4096], *out;
  snprintf(cmd, sizeof cmd,
           "cd %s && mkdir -p ev && printf '%%%%PDF-1.4\\n%%%%invoice\\n' > "
           "ev/invoice.pdf && cp '%s/templates/logo.png' ev/logo.png && "
           "'%s' report '%s/samples/training/boiler-house.yaml' -o cover.pdf -q && "
           "pdftoppm -jpeg -singlefile -r 20 -f 1 -l 1 cover.pdf ev/page && "
           "sed -e '/^  - id: C01$/,/^    carrier:/{/^    carrier:/a\\\n"
           "    evidence:\\\n"
           "      - ev/invoice.pdf\\\n"
           "      - {file: ev/page.jpg, title: {zh: 检定证书, en: Calibration "
           "certificate}}\\\n"
           "      - ev/logo.png\n"
           "}' -e '/^  - id: B1$/a\\\n"
           "    evidence: [ev/invoice.pdf]' "
           "'%s/samples/training/boiler-house.yaml' > f.yaml && ls ev && "
           "grep -c 'evidence' f.yaml",
           dir, tu_root(), tu_bin(), tu_root(), tu_root());
  int rc = tu_sh(cmd, &out);
  ck_assert_msg(rc == 0 && strstr(out, "page.jpg") && strstr(out, "\n2\n"),
                "%s", out);
  free(out);
}

/* What python reads of the results: one line per evidence item. */
static char *evidence_lines(const char *dir)
{
  char cmd[2048], *out;
  snprintf(cmd, sizeof cmd,
           "cd %s && '%s' calc f.yaml -o r.json -q && /usr/bin/python3 -c '"
           "import json\n"
           "for e in json.load(open(\"r.json\"))[\"evidence\"]:\n"
           "  print(e[\"no\"], e[\"file\"], e[\"type\"], e[\"bytes\"], e[\"sha256\"],\n"
           "        e.get(\"width_px\"), e.get(\"height_px\"),\n"
           "        \",\".join(s[\"kind\"] + \":\" + s[\"id\"] for s in e[\"supports\"]),\n"
           "        e[\"title\"][\"en\"], \"|\", e[\"supports_text\"][\"zh\"])'",
           dir, tu_bin());
  ck_assert_int_eq(tu_sh(cmd, &out), 0);
  return out;
}

START_TEST(t_evidence_results)
{
  char dir[] = "/tmp/auditgen-ev-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  make_facility(dir);
  char *got = evidence_lines(dir);
  /* the expected lines from sha256sum, stat and the file's own header */
  char cmd[2048], *want;
  snprintf(cmd, sizeof cmd,
           "cd %s && for f in ev/invoice.pdf ev/page.jpg ev/logo.png; do "
           "echo \"$(stat -c %%s $f) $(sha256sum $f | cut -c1-64)\"; done",
           dir);
  tu_sh(cmd, &want);
  char s1[80], s2[80], s3[80];
  size_t b1, b2, b3;
  ck_assert_int_eq(sscanf(want, "%zu %79s %zu %79s %zu %79s", &b1, s1, &b2, s2,
                          &b3, s3),
                   6);
  char line[1024];
  /* 1: the invoice, cited by the coal meter and the boiler (one file, two
     supports), titled by its name */
  snprintf(line, sizeof line,
           "1 ev/invoice.pdf pdf %zu %s None None meter:C01,equipment:B1 "
           "invoice.pdf | 计量器具 C01 进厂原煤汽车衡；设备 B1 1#链条炉排蒸汽锅炉(10 t/h, 1.25 MPa)\n",
           b1, s1);
  ck_assert_msg(strstr(got, line) != NULL, "want %sgot %s", line, got);
  /* 2: the JPEG with its title; 3: the logo, 240 x 80 pixels */
  snprintf(line, sizeof line, "2 ev/page.jpg jpeg %zu %s ", b2, s2);
  ck_assert_msg(strstr(got, line) != NULL, "want %sgot %s", line, got);
  ck_assert_ptr_nonnull(strstr(got, " meter:C01 Calibration certificate | "
                                    "计量器具 C01 进厂原煤汽车衡\n"));
  snprintf(line, sizeof line,
           "3 ev/logo.png png %zu %s 240 80 meter:C01 logo.png | ", b3, s3);
  ck_assert_msg(strstr(got, line) != NULL, "want %sgot %s", line, got);
  free(want);
  free(got);
  /* `check` reads the evidence too: a file gone is an error at its line */
  snprintf(cmd, sizeof cmd,
           "cd %s && rm ev/logo.png && '%s' check f.yaml 2>&1; echo rc=$?", dir,
           tu_bin());
  tu_sh(cmd, &got);
  ck_assert_msg(strstr(got, "f.yaml:") &&
                    strstr(got, "error: meters[C01].evidence[2]: cannot read "
                                "evidence ev/logo.png: No such file or directory") &&
                    strstr(got, "rc=1\n"),
                "%s", got);
  free(got);
  snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
  ck_assert_int_eq(system(cmd), 0);
}
END_TEST

START_TEST(t_evidence_report)
{
  char dir[] = "/tmp/auditgen-evr-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  make_facility(dir);
  char cmd[2048], *out;
  /* the PDF: Appendix D lists every file and places the two images */
  snprintf(cmd, sizeof cmd,
           "cd %s && '%s' report f.yaml --lang zh -o zh.pdf -q && pdftotext "
           "zh.pdf - && pdfimages -list zh.pdf | tail -n +3 | wc -l && "
           "sha256sum ev/page.jpg | cut -c1-12",
           dir, tu_bin());
  ck_assert_int_eq(tu_sh(cmd, &out), 0);
  ck_assert_ptr_nonnull(strstr(out, "附录D 证据材料"));
  ck_assert_ptr_nonnull(strstr(out, "表 D-1 证据材料清单"));
  ck_assert_ptr_nonnull(strstr(out, "图 D-1 检定证书（证据2）"));
  ck_assert_ptr_nonnull(strstr(out, "图 D-2 logo.png（证据3）"));
  /* the logo of the cover, the JPEG and the PNG */
  ck_assert_msg(strstr(out, "\n3\n") != NULL, "%s", out);
  char *nl = strrchr(out, '\n');
  *nl = '\0';
  ck_assert_ptr_nonnull(strstr(out, strrchr(out, '\n') + 1)); /* the hash prefix */
  free(out);
  /* the Word document: the same appendix, the pictures as media parts */
  snprintf(cmd, sizeof cmd,
           "cd %s && '%s' report f.yaml --lang en -o en.docx -q && unzip -l "
           "en.docx | grep -o 'word/media/[a-z0-9.]*' && unzip -p en.docx "
           "word/document.xml | grep -o 'Figure D-1  Calibration certificate "
           "(evidence 2)\\|>Appendix D Evidence<' | sort -u",
           dir, tu_bin());
  ck_assert_int_eq(tu_sh(cmd, &out), 0);
  ck_assert_str_eq(out, "word/media/logo.png\nword/media/image1.jpeg\n"
                        "word/media/image2.png\n>Appendix D Evidence<\n"
                        "Figure D-1  Calibration certificate (evidence 2)\n");
  free(out);
  /* a report without evidence has no Appendix D */
  snprintf(cmd, sizeof cmd,
           "cd '%s' && '%s' report samples/training/boiler-house.yaml --lang zh "
           "-o %s/none.pdf -q && pdftotext %s/none.pdf - | grep -c '附录D'",
           tu_root(), tu_bin(), dir, dir);
  tu_sh(cmd, &out);
  ck_assert_str_eq(out, "0\n");
  free(out);
  snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
  ck_assert_int_eq(system(cmd), 0);
}
END_TEST

/* }====================================================== */

Suite *evidence_suite(void)
{
  Suite *s = suite_create("evidence");
  TCase *tc = tcase_create("evidence");
  tcase_set_timeout(tc, 300);
  tcase_add_test(tc, t_jpeg_check);
  tcase_add_test(tc, t_evidence_results);
  tcase_add_test(tc, t_evidence_report);
  suite_add_tcase(s, tc);
  return s;
}
