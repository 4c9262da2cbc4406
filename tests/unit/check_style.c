/* check_style.c — the files a report reads besides the facility: the
 * style's fonts and logo, and the template folder's includes.
 *
 * TrueType faces and PNGs are built here byte by byte, then damaged in
 * every way the checks name (and by every truncation and random damage):
 * ttf_open and image_png_check must refuse each with its reason and never
 * read outside the bytes, and whatever they accept libharu must load and
 * draw (pdf_new, pdf_render) without crashing. The bad-style catalogue
 * (tests/bad-styles/NAME.yaml: `auditgen report` exits 1, prints exactly
 * NAME.err, writes nothing) covers the style's values and files through
 * the command line; FIFOs and symbolic links are made at run time. */
#include <check.h>
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "../../generator/base/buf.h"
#include "../../generator/base/image.h"
#include "../../generator/base/mem.h"
#include "../../generator/base/ttf.h"
#include "../../generator/pdf/pdf.h"
#include "suites.h"
#include "testutil.h"

/* {====================================================== bytes */

typedef struct bytes {
  unsigned char *d;
  size_t n, cap;
} bytes;

static void put(bytes *b, const void *p, size_t n)
{
  if (b->n + n > b->cap) {
    b->cap = (b->n + n) * 2 + 64;
    b->d = realloc(b->d, b->cap);
  }
  if (n)
    memcpy(b->d + b->n, p, n);
  b->n += n;
}

static void put16(bytes *b, unsigned v)
{
  unsigned char x[2] = {(unsigned char)(v >> 8), (unsigned char)v};
  put(b, x, 2);
}

static void put32(bytes *b, uint32_t v)
{
  unsigned char x[4] = {(unsigned char)(v >> 24), (unsigned char)(v >> 16),
                        (unsigned char)(v >> 8), (unsigned char)v};
  put(b, x, 4);
}

static void zeros(bytes *b, size_t n)
{
  while (n--)
    put(b, "", 1);
}

static void set16(unsigned char *p, unsigned v)
{
  p[0] = (unsigned char)(v >> 8);
  p[1] = (unsigned char)v;
}

static void set32(unsigned char *p, uint32_t v)
{
  p[0] = (unsigned char)(v >> 24);
  p[1] = (unsigned char)(v >> 16);
  p[2] = (unsigned char)(v >> 8);
  p[3] = (unsigned char)v;
}

static unsigned get16(const unsigned char *p)
{
  return (unsigned)p[0] << 8 | p[1];
}

static char tmpdir[64];

static void make_tmpdir(void)
{
  snprintf(tmpdir, sizeof tmpdir, "/tmp/auditgen-style-XXXXXX");
  ck_assert_ptr_nonnull(mkdtemp(tmpdir));
}

static void remove_tmpdir(void)
{
  char cmd[128];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
  ck_assert_int_eq(system(cmd), 0);
}

static const char *write_tmp(const char *name, const void *d, size_t n)
{
  static char path[8][256];
  static int k;
  char *p = path[k++ % 8];
  snprintf(p, 256, "%s/%s", tmpdir, name);
  FILE *f = fopen(p, "wb");
  ck_assert_ptr_nonnull(f);
  ck_assert_uint_eq(fwrite(d, 1, n, f), n);
  fclose(f);
  return p;
}

/* A small deterministic generator for damage. */
static uint32_t rnd_state = 12345;
static uint32_t rnd(void)
{
  rnd_state = rnd_state * 1664525u + 1013904223u;
  return rnd_state >> 8;
}

/* }====================================================== */
/* {====================================================== fonts */

/* A TrueType face of four glyphs: 0 a box, 1 a triangle mapped from A,
   2 a composite of glyphs 1 and 3 mapped from 中
   through the cmap's glyph array, 3 a triangle mapped from 文 by delta. */
enum { NG = 4 };
static const char *const font_tags[] = {"OS/2", "cmap", "glyf", "head",
                                        "hhea", "hmtx", "loca", "maxp",
                                        "name"};
enum { NT = 9 };

static void simple_glyph(bytes *g, int s)
{
  put16(g, 1); /* one contour */
  put16(g, 0);
  put16(g, 0);
  put16(g, (unsigned)s);
  put16(g, (unsigned)s);
  put16(g, 2); /* last point */
  put16(g, 0); /* no instructions */
  put(g, "\x01\x01\x01", 3); /* on-curve points, coordinates as words */
  put16(g, 0);
  put16(g, (unsigned)s);
  put16(g, 0);
  put16(g, 0);
  put16(g, (unsigned)s);
  put16(g, (unsigned)-s & 0xFFFF);
  zeros(g, 1); /* 29 bytes, padded to 30 for the short loca */
}

static unsigned char *make_font_named(size_t *len, const char *ps)
{
  bytes t[NT];
  memset(t, 0, sizeof t);
  /* OS/2 version 1 */
  put16(&t[0], 1);
  zeros(&t[0], 84);
  /* cmap: one (3,1) format 4 subtable */
  bytes *c = &t[1];
  put16(c, 0);
  put16(c, 1);
  put16(c, 3);
  put16(c, 1);
  put32(c, 12);
  static const unsigned starts[] = {0x41, 0x4E2D, 0x6587, 0xFFFF},
                        ends[] = {0x41, 0x4E2D, 0x6587, 0xFFFF};
  unsigned deltas[] = {(1u - 0x41) & 0xFFFF, 0, (3u - 0x6587) & 0xFFFF, 1},
           ros[] = {0, 6, 0, 0};
  put16(c, 4);
  put16(c, 16 + 4 * 8 + 2); /* length: the arrays and one glyph id */
  put16(c, 0);
  put16(c, 8);
  put16(c, 8);
  put16(c, 2);
  put16(c, 0);
  for (int i = 0; i < 4; i++)
    put16(c, ends[i]);
  put16(c, 0);
  for (int i = 0; i < 4; i++)
    put16(c, starts[i]);
  for (int i = 0; i < 4; i++)
    put16(c, deltas[i]);
  for (int i = 0; i < 4; i++)
    put16(c, ros[i]);
  put16(c, 2); /* 中 → glyph 2 */
  /* glyf and loca */
  bytes *g = &t[2], *l = &t[6];
  put16(l, 0);
  simple_glyph(g, 700);
  put16(l, (unsigned)g->n / 2);
  simple_glyph(g, 500);
  put16(l, (unsigned)g->n / 2);
  put16(g, 0xFFFF); /* composite */
  zeros(g, 8);
  put16(g, 0x0023); /* words, xy values, more components */
  put16(g, 1);
  put32(g, 0);
  put16(g, 0x0003);
  put16(g, 3);
  put32(g, 0);
  put16(l, (unsigned)g->n / 2);
  simple_glyph(g, 900);
  put16(l, (unsigned)g->n / 2);
  /* head */
  bytes *h = &t[3];
  put32(h, 0x00010000);
  put32(h, 0x00010000);
  put32(h, 0);
  put32(h, 0x5F0F3CF5);
  put16(h, 0);
  put16(h, 1000);
  zeros(h, 16);
  put16(h, 0);
  put16(h, 0);
  put16(h, 1000);
  put16(h, 1000);
  put16(h, 0);
  put16(h, 8);
  put16(h, 2);
  put16(h, 0); /* short loca */
  put16(h, 0);
  /* hhea */
  bytes *hh = &t[4];
  put32(hh, 0x00010000);
  put16(hh, 800);
  put16(hh, (unsigned)-200 & 0xFFFF);
  zeros(hh, 26);
  put16(hh, NG);
  /* hmtx */
  for (int i = 0; i < NG; i++) {
    put16(&t[5], 600);
    put16(&t[5], 0);
  }
  /* maxp 0.5 */
  put32(&t[7], 0x00005000);
  put16(&t[7], NG);
  /* name: style and PostScript names, Macintosh and Windows */
  bytes *nm = &t[8];
  size_t pl = strlen(ps);
  put16(nm, 0);
  put16(nm, 4);
  put16(nm, 6 + 12 * 4);
  const unsigned recs[4][6] = {{1, 0, 0, 2, 7, 0},
                               {1, 0, 0, 6, (unsigned)pl, 7},
                               {3, 1, 0x409, 2, 14, 7 + (unsigned)pl},
                               {3, 1, 0x409, 6, 2 * (unsigned)pl,
                                21 + (unsigned)pl}};
  for (int i = 0; i < 4; i++)
    for (int k = 0; k < 6; k++)
      put16(nm, recs[i][k]);
  put(nm, "Regular", 7);
  put(nm, ps, pl);
  for (const char *q = "Regular"; *q; q++)
    put16(nm, (unsigned char)*q);
  for (size_t i = 0; i < pl; i++)
    put16(nm, (unsigned char)ps[i]);
  /* the file */
  bytes f = {0};
  put32(&f, 0x00010000);
  put16(&f, NT);
  put16(&f, 128);
  put16(&f, 3);
  put16(&f, NT * 16 - 128);
  size_t off = 12 + 16 * NT;
  for (int i = 0; i < NT; i++) {
    put(&f, font_tags[i], 4);
    put32(&f, 0);
    put32(&f, (uint32_t)off);
    put32(&f, (uint32_t)t[i].n);
    off += (t[i].n + 3) & ~(size_t)3;
  }
  for (int i = 0; i < NT; i++) {
    put(&f, t[i].d, t[i].n);
    zeros(&f, ((t[i].n + 3) & ~(size_t)3) - t[i].n);
    free(t[i].d);
  }
  *len = f.n;
  return f.d;
}

static unsigned char *make_font(size_t *len)
{
  return make_font_named(len, "AuditgenTest");
}

/* The offset and length of a table of the made font. */
static unsigned char *table(unsigned char *f, const char *tag, size_t *len)
{
  for (int i = 0; i < NT; i++) {
    unsigned char *e = f + 12 + 16 * i;
    if (memcmp(e, tag, 4) == 0) {
      if (len)
        *len = (size_t)get16(e + 14) | (size_t)get16(e + 12) << 16;
      return f + ((size_t)get16(e + 10) | (size_t)get16(e + 8) << 16);
    }
  }
  ck_abort_msg("no table %s", tag);
  return NULL;
}

static unsigned char *dir_entry(unsigned char *f, const char *tag)
{
  for (int i = 0; i < NT; i++)
    if (memcmp(f + 12 + 16 * i, tag, 4) == 0)
      return f + 12 + 16 * i;
  ck_abort_msg("no table %s", tag);
  return NULL;
}

static bool counted(void *ctx, unsigned gid)
{
  unsigned *seen = ctx;
  seen[gid < 8 ? gid : 7]++;
  return true;
}

START_TEST(t_font_made)
{
  size_t n;
  unsigned char *f = make_font(&n);
  ttf_face t;
  char why[200] = "";
  ck_assert_msg(ttf_open(&t, f, n, why, sizeof why), "%s", why);
  ck_assert(!t.collection);
  ck_assert_uint_eq(t.num_glyphs, NG);
  ck_assert_uint_eq(ttf_glyph(&t, 'A'), 1);
  ck_assert_uint_eq(ttf_glyph(&t, 'B'), 0);
  ck_assert_uint_eq(ttf_glyph(&t, 0x4E2D), 2);
  ck_assert_uint_eq(ttf_glyph(&t, 0x6587), 3);
  ck_assert_uint_eq(ttf_glyph(&t, '\t'), 0);
  ck_assert_uint_eq(ttf_glyph(&t, 0x80FD), 0);
  ck_assert_uint_eq(ttf_glyph(&t, 0x1F600), 0);
  ck_assert(ttf_has_outline(&t, 1) && ttf_has_outline(&t, 2));
  ck_assert(!ttf_has_outline(&t, NG));
  unsigned seen[8] = {0};
  ttf_components(&t, 2, counted, seen);
  ck_assert_uint_eq(seen[1], 1);
  ck_assert_uint_eq(seen[3], 1);
  ck_assert_uint_eq(seen[0] + seen[2] + seen[4] + seen[7], 0);
  ttf_components(&t, 1, counted, seen); /* simple: nothing */
  ck_assert_uint_eq(seen[1], 1);
  free(f);
}
END_TEST

/* The shipped faces pass, and only the CJK one has Chinese. */
START_TEST(t_font_shipped)
{
  static const char *const files[] = {
      "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
      "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
      "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"};
  for (int i = 0; i < 3; i++) {
    size_t n;
    char *d = tu_slurp(files[i], &n);
    ck_assert_ptr_nonnull(d);
    ttf_face t;
    char why[200] = "";
    ck_assert_msg(ttf_open(&t, d, n, why, sizeof why), "%s %s", files[i],
                  why);
    ck_assert(t.collection == (i == 0));
    ck_assert(ttf_glyph(&t, 'A') != 0);
    ck_assert((ttf_glyph(&t, 0x4E2D) != 0) == (i == 0));
    free(d);
  }
}
END_TEST

typedef struct font_case {
  const char *name, *want; /* a part of the reason */
  void (*damage)(unsigned char *f, size_t *n);
} font_case;

static void f_short(unsigned char *f, size_t *n)
{
  (void)f;
  *n = 11;
}
static void f_tables_65535(unsigned char *f, size_t *n)
{
  (void)n;
  set16(f + 4, 65535);
}
static void f_tables_0(unsigned char *f, size_t *n)
{
  (void)n;
  set16(f + 4, 0);
}
static void f_directory_cut(unsigned char *f, size_t *n)
{
  (void)f;
  *n = 12 + 16 * 4;
}
static void f_offset_eof(unsigned char *f, size_t *n)
{
  set32(dir_entry(f, "glyf") + 8, (uint32_t)*n + 4);
}
static void f_length_wraps(unsigned char *f, size_t *n)
{
  (void)n;
  set32(dir_entry(f, "glyf") + 12, 0xFFFFFFF0u);
}
static void f_cff(unsigned char *f, size_t *n)
{
  (void)n;
  memcpy(f, "OTTO", 4);
}
static void f_not_font(unsigned char *f, size_t *n)
{
  (void)n;
  memcpy(f, "\x89PNG", 4);
}
static void f_no_cmap(unsigned char *f, size_t *n)
{
  (void)n;
  memcpy(dir_entry(f, "cmap"), "cmaq", 4);
}
static void f_upem_0(unsigned char *f, size_t *n)
{
  (void)n;
  set16(table(f, "head", NULL) + 18, 0);
}
static void f_loca_format(unsigned char *f, size_t *n)
{
  (void)n;
  set16(table(f, "head", NULL) + 50, 2);
}
static void f_head_short(unsigned char *f, size_t *n)
{
  (void)n;
  set32(dir_entry(f, "head") + 12, 40);
}
static void f_no_glyphs(unsigned char *f, size_t *n)
{
  (void)n;
  set16(table(f, "maxp", NULL) + 4, 0);
}
static void f_metrics(unsigned char *f, size_t *n)
{
  (void)n;
  set16(table(f, "hhea", NULL) + 34, NG + 1);
}
static void f_metrics_0(unsigned char *f, size_t *n)
{
  (void)n;
  set16(table(f, "hhea", NULL) + 34, 0);
}
static void f_hmtx_short(unsigned char *f, size_t *n)
{
  (void)n;
  set32(dir_entry(f, "hmtx") + 12, 4 * NG - 1);
}
static void f_more_glyphs(unsigned char *f, size_t *n)
{
  (void)n; /* maxp claims more glyphs than loca and hmtx hold */
  set16(table(f, "maxp", NULL) + 4, 4000);
  set16(table(f, "hhea", NULL) + 34, 1);
}
static void f_loca_back(unsigned char *f, size_t *n)
{
  (void)n;
  set16(table(f, "loca", NULL) + 4, 1);
}
static void f_loca_past(unsigned char *f, size_t *n)
{
  (void)n;
  set16(table(f, "loca", NULL) + 2 * NG, 0x7FFF);
}
static void f_cmap_sub_outside(unsigned char *f, size_t *n)
{
  (void)n;
  set32(table(f, "cmap", NULL) + 8, 0x10000);
}
static void f_cmap_not_31(unsigned char *f, size_t *n)
{
  (void)n;
  set16(table(f, "cmap", NULL) + 4, 1);
}
static void f_cmap_records(unsigned char *f, size_t *n)
{
  (void)n;
  set16(table(f, "cmap", NULL) + 2, 5000);
}
static void f_cmap_segs_odd(unsigned char *f, size_t *n)
{
  (void)n;
  set16(table(f, "cmap", NULL) + 12 + 6, 7);
}
static void f_cmap_segs_huge(unsigned char *f, size_t *n)
{
  (void)n;
  set16(table(f, "cmap", NULL) + 12 + 6, 0xFFFE);
}
static void f_cmap_last(unsigned char *f, size_t *n)
{
  (void)n; /* the last segment ends at U+FFFE */
  set16(table(f, "cmap", NULL) + 12 + 14 + 6, 0xFFFE);
}
static void f_cmap_length(unsigned char *f, size_t *n)
{
  (void)n;
  set16(table(f, "cmap", NULL) + 12 + 2, 20);
}
static void f_cmap_length_long(unsigned char *f, size_t *n)
{
  (void)n; /* the glyph array claims 1,000 ids past the table */
  set16(table(f, "cmap", NULL) + 12 + 2, 16 + 32 + 2000);
}
static void f_cmap_array_end(unsigned char *f, size_t *n)
{
  (void)n; /* 中 reads entry 1 of an array of 1: one past */
  set16(table(f, "cmap", NULL) + 12 + 16 + 3 * 8 + 2, 8);
}
static void f_cmap_gid(unsigned char *f, size_t *n)
{
  (void)n; /* 文 maps to glyph 3 + 5 */
  unsigned char *d = table(f, "cmap", NULL) + 12 + 16 + 2 * 8 + 4;
  set16(d, (get16(d) + 5) & 0xFFFF);
}
static void f_cmap_array_gid(unsigned char *f, size_t *n)
{
  (void)n; /* the glyph array holds glyph 9 */
  set16(table(f, "cmap", NULL) + 12 + 16 + 4 * 8, 9);
}
static void f_name_none(unsigned char *f, size_t *n)
{
  (void)n;
  unsigned char *t = table(f, "name", NULL);
  for (int i = 0; i < 4; i++)
    if (get16(t + 6 + 12 * i + 6) == 6)
      set16(t + 6 + 12 * i + 6, 7);
}
static void f_name_outside(unsigned char *f, size_t *n)
{
  (void)n;
  set16(table(f, "name", NULL) + 6 + 12 * 3 + 10, 0xFF00);
}
static void f_name_count(unsigned char *f, size_t *n)
{
  (void)n;
  set16(table(f, "name", NULL) + 2, 60000);
}
static void f_embedding(unsigned char *f, size_t *n)
{
  (void)n;
  set16(table(f, "OS/2", NULL) + 8, 0x0002);
}
static void f_os2_short(unsigned char *f, size_t *n)
{
  (void)n;
  set32(dir_entry(f, "OS/2") + 12, 60);
}
static void f_glyph_short(unsigned char *f, size_t *n)
{
  (void)n; /* glyph 1 of 4 bytes */
  unsigned char *l = table(f, "loca", NULL);
  set16(l + 4, get16(l + 2) + 2);
}
static void f_components_past(unsigned char *f, size_t *n)
{
  (void)n; /* the last component of glyph 2 says more follow */
  set16(table(f, "glyf", NULL) + 60 + 18, 0x0023);
}

static const font_case font_cases[] = {
    {"short", "is not a TrueType font (11 bytes)", f_short},
    {"tables 65535", "lists 65535 tables", f_tables_65535},
    {"tables 0", "lists 0 tables", f_tables_0},
    {"directory cut", "table directory runs past the end", f_directory_cut},
    {"offset past eof", "'glyf' table (offset", f_offset_eof},
    {"length wraps", "lies outside the file", f_length_wraps},
    {"cff", "PostScript (CFF) outlines", f_cff},
    {"not a font", "is not a TrueType font", f_not_font},
    {"no cmap", "has no 'cmap' table", f_no_cmap},
    {"units per em 0", "units per em (0)", f_upem_0},
    {"loca format 2", "glyph offset format (2)", f_loca_format},
    {"head short", "'head' table has 40 bytes", f_head_short},
    {"no glyphs", "has no glyphs", f_no_glyphs},
    {"more metrics", "5 horizontal metrics for 4 glyphs", f_metrics},
    {"no metrics", "0 horizontal metrics", f_metrics_0},
    {"hmtx short", "'hmtx' table is too short", f_hmtx_short},
    {"more glyphs", "is too short for its 4000 glyphs", f_more_glyphs},
    {"loca backwards", "go backwards at glyph 2", f_loca_back},
    {"loca past glyf", "outside its 'glyf' table", f_loca_past},
    {"glyph short", "glyph 1 has 4 bytes, too few", f_glyph_short},
    {"components past end", "the components of glyph 2 run past its end",
     f_components_past},
    {"cmap subtable outside", "subtable 0 lies outside", f_cmap_sub_outside},
    {"cmap not 3,1", "has no Unicode cmap", f_cmap_not_31},
    {"cmap records", "lists 5000 subtables", f_cmap_records},
    {"cmap segments odd", "segCountX2 7", f_cmap_segs_odd},
    {"cmap segments huge", "segments of its format 4 cmap run past",
     f_cmap_segs_huge},
    {"cmap last segment", "does not end with the segment of U+FFFF",
     f_cmap_last},
    {"cmap length", "length (20) is shorter", f_cmap_length},
    {"cmap array past table", "glyph array of its format 4 cmap runs past",
     f_cmap_length_long},
    {"cmap array end", "reads past its glyph array for U+4E2D",
     f_cmap_array_end},
    {"cmap glyph", "maps U+6587 to glyph 8, past its 4 glyphs", f_cmap_gid},
    {"cmap array glyph", "maps U+4E2D to glyph 9", f_cmap_array_gid},
    {"name missing", "no PostScript name (ID 6)", f_name_none},
    {"name outside", "name 3 of its 'name' table lies outside", f_name_outside},
    {"name count", "lists 60000 names", f_name_count},
    {"no embedding", "fsType 0x0002", f_embedding},
    {"OS/2 short", "'OS/2' table has 60 bytes of 86", f_os2_short},
};

START_TEST(t_font_hostile)
{
  const font_case *c = &font_cases[_i];
  size_t n;
  unsigned char *f = make_font(&n);
  c->damage(f, &n);
  ttf_face t;
  char why[200] = "";
  bool ok = ttf_open(&t, f, n, why, sizeof why);
  ck_assert_msg(!ok, "%s: accepted", c->name);
  ck_assert_msg(strstr(why, c->want) != NULL, "%s: \"%s\" lacks \"%s\"",
                c->name, why, c->want);
  free(f);
}
END_TEST

START_TEST(t_font_names)
{
  char ps[120];
  memset(ps, 'N', sizeof ps - 1);
  ps[sizeof ps - 1] = '\0';
  size_t n;
  unsigned char *f = make_font_named(&n, ps);
  ttf_face t;
  char why[200] = "";
  ck_assert(!ttf_open(&t, f, n, why, sizeof why));
  ck_assert_msg(strstr(why, "names of 126 bytes together; libharu 2.3 takes "
                            "at most 119"),
                "%s", why);
  free(f);
  ps[112] = '\0'; /* 112 + 7 ("Regular") = 119: the most that fits */
  f = make_font_named(&n, ps);
  ck_assert_msg(ttf_open(&t, f, n, why, sizeof why), "%s", why);
  free(f);
}
END_TEST

/* A collection around the made face, with the face's offsets moved. */
static unsigned char *make_ttc(size_t *len, uint32_t nfonts)
{
  size_t n;
  unsigned char *f = make_font(&n);
  for (int i = 0; i < NT; i++) {
    unsigned char *e = f + 12 + 16 * i;
    set32(e + 8, ((uint32_t)get16(e + 8) << 16 | get16(e + 10)) + 16);
  }
  bytes b = {0};
  put(&b, "ttcf", 4);
  put32(&b, 0x00010000);
  put32(&b, nfonts);
  put32(&b, 16);
  put(&b, f, n);
  free(f);
  *len = b.n;
  return b.d;
}

START_TEST(t_font_collection)
{
  size_t n;
  unsigned char *f = make_ttc(&n, 1);
  ttf_face t;
  char why[200] = "";
  ck_assert_msg(ttf_open(&t, f, n, why, sizeof why), "%s", why);
  ck_assert(t.collection);
  ck_assert_uint_eq(ttf_glyph(&t, 0x4E2D), 2);
  set32(f + 8, 0);
  ck_assert(!ttf_open(&t, f, n, why, sizeof why));
  ck_assert_str_eq(why, "is a font collection without fonts");
  set32(f + 8, 1);
  set32(f + 12, (uint32_t)n);
  ck_assert(!ttf_open(&t, f, n, why, sizeof why));
  ck_assert_str_eq(why, "is truncated: its first font lies outside the file");
  ck_assert(!ttf_open(&t, f, 14, why, sizeof why));
  free(f);
}
END_TEST

/* Every prefix of a face is refused (its last table is cut). */
START_TEST(t_font_truncated)
{
  size_t n, name_len;
  unsigned char *f = make_font(&n);
  size_t end = (size_t)(table(f, "name", &name_len) - f) + name_len;
  for (size_t k = 0; k < end; k++) {
    unsigned char *cut = malloc(k ? k : 1); /* exact size: ASan sees over-reads */
    memcpy(cut, f, k);
    ttf_face t;
    char why[200];
    ck_assert_msg(!ttf_open(&t, cut, k, why, sizeof why), "%zu bytes", k);
    free(cut);
  }
  free(f);
}
END_TEST

/* A layout of one page: text in each face, and an image when png is set. */
static bool render(pdf_writer *w, const char *png)
{
  lay_box boxes[3];
  memset(boxes, 0, sizeof boxes);
  boxes[0] = (lay_box){.kind = BOX_TEXT, .x = 72, .y = 700,
                       .text = "Audit 中文 2016", .size = 12};
  boxes[1] = (lay_box){.kind = BOX_TEXT, .x = 72, .y = 680,
                       .text = "Bold 中 ~", .face = FACE_BOLD, .size = 12};
  boxes[2] = (lay_box){.kind = BOX_IMAGE, .x = 72, .y = 500, .w = 120,
                       .h = 40, .text = png};
  lay_page page = {boxes, png ? 3 : 2, 3, false};
  layout lay;
  memset(&lay, 0, sizeof lay);
  lay.pages = &page;
  lay.n = 1;
  pdf_info info;
  memset(&info, 0, sizeof info);
  info.title = "t";
  buf out;
  buf_init(&out);
  pdf_measure(w, "Audit 中文", strlen("Audit 中文"), FACE_REGULAR, 10);
  bool ok = pdf_render(w, &lay, &info, &out);
  if (ok)
    ck_assert(out.len > 100 && memcmp(out.data, "%PDF-", 5) == 0);
  buf_fini(&out);
  return ok;
}

/* The made face, plain and as a collection, loads in libharu and draws. */
START_TEST(t_font_draws)
{
  make_tmpdir();
  size_t n, m;
  unsigned char *f = make_font(&n), *c = make_ttc(&m, 1);
  const char *a = write_tmp("made.ttf", f, n);
  const char *b = write_tmp("made.ttc", c, m);
  arena *ar = arena_new();
  diag_list *dl = diag_new(ar);
  pdf_fonts fonts = {b, a, a};
  pdf_writer *w = pdf_new(dl, &fonts);
  if (!w)
    diag_print(dl, stderr, false);
  ck_assert_ptr_nonnull(w);
  ck_assert(render(w, NULL));
  pdf_free(w);
  /* a face refused by the check is refused by the writer too, with the
     reason, however it got there */
  set16(f + 4, 65535);
  write_tmp("made.ttf", f, n);
  w = pdf_new(dl, &fonts);
  ck_assert_ptr_null(w);
  ck_assert_uint_eq(diag_errors(dl), 1);
  arena_free(ar);
  free(f);
  free(c);
  remove_tmpdir();
}
END_TEST

/* Random damage: what ttf_open accepts is read within bounds by every
   lookup, and loads and draws in libharu (the first 150 of them). */
static unsigned metrics_differ(const pdf_fonts *fonts);

START_TEST(t_font_damage)
{
  make_tmpdir();
  size_t n;
  unsigned char *good = make_font(&n);
  int accepted = 0, drawn = 0;
  rnd_state = 2024;
  for (int k = 0; k < 4000; k++) {
    unsigned char *f = malloc(n);
    memcpy(f, good, n);
    int flips = 1 + (int)(rnd() % 4);
    for (int j = 0; j < flips; j++) {
      size_t at = rnd() % n;
      f[at] = (unsigned char)(rnd() % 3 == 0 ? 0xFF : rnd());
    }
    size_t len = rnd() % 8 == 0 ? n - rnd() % 40 : n;
    ttf_face t;
    char why[200];
    if (ttf_open(&t, f, len, why, sizeof why)) {
      accepted++;
      /* (not ck_assert in the loop: each one is a write to Check's pipe) */
      unsigned bad = 0;
      for (unsigned cp = 0; cp <= 0xFFFF; cp++)
        bad += ttf_glyph(&t, cp) >= t.num_glyphs;
      ck_assert_msg(bad == 0, "damage %d: %u glyphs past the font", k, bad);
      unsigned seen[8] = {0};
      for (unsigned g = 0; g < t.num_glyphs; g++)
        ttf_components(&t, g, counted, seen);
      if (drawn < 150) {
        drawn++;
        const char *p = write_tmp("damaged.ttf", f, len);
        arena *ar = arena_new();
        diag_list *dl = diag_new(ar);
        pdf_fonts fonts = {p, p, p};
        pdf_writer *w = pdf_new(dl, &fonts);
        if (!w)
          diag_print(dl, stderr, false);
        ck_assert_msg(w != NULL, "damage %d: accepted, not loaded", k);
        ck_assert_msg(render(w, NULL), "damage %d: accepted, not drawn", k);
        pdf_free(w);
        arena_free(ar);
        if (drawn <= 20)
          ck_assert_msg(metrics_differ(&fonts) == 0,
                        "damage %d: measured otherwise than libharu", k);
      }
    }
    free(f);
  }
  ck_assert_int_gt(accepted, 100); /* the damage also hits unread bytes */
  free(good);
  remove_tmpdir();
}
END_TEST

/* How many of the code points 0x20 … 0xFFFF and a few past the BMP
   pdf_metrics_measure measures otherwise than pdf_measure, in each face
   (surrogates are no characters; libharu's UTF-8 reading is not asked
   about them). */
static unsigned metrics_differ(const pdf_fonts *fonts)
{
  arena *ar = arena_new();
  diag_list *dl = diag_new(ar);
  pdf_writer *w = pdf_new(dl, fonts);
  pdf_metrics *m = pdf_metrics_new(dl, fonts);
  ck_assert_ptr_nonnull(w);
  ck_assert_ptr_nonnull(m);
  unsigned bad = 0;
  static const unsigned astral[] = {0x10000, 0x1F600, 0x20000, 0x2A6D6};
  for (unsigned k = 0x20; k < 0x10000 + 4; k++) {
    unsigned cp = k < 0x10000 ? k : astral[k - 0x10000];
    if (cp >= 0xD800 && cp <= 0xDFFF)
      continue;
    char s[8];
    size_t n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (n == 1) {
      s[0] = (char)cp;
    } else {
      s[0] = (char)((n == 2 ? 0xC0 : n == 3 ? 0xE0 : 0xF0) | (cp >> (6 * (n - 1))));
      for (size_t j = 1; j < n; j++)
        s[j] = (char)(0x80 | ((cp >> (6 * (n - 1 - j))) & 0x3F));
    }
    for (int face = FACE_REGULAR; face <= FACE_BOLD; face++)
      bad += pdf_measure(w, s, n, (lay_face)face, 10.5) !=
             pdf_metrics_measure(m, s, n, (lay_face)face, 10.5);
  }
  /* a run of text, measured as a whole */
  const char *run = "审计 Audit ‘能源’ 2016 — 10⁴ kWh";
  bad += pdf_measure(w, run, strlen(run), FACE_BOLD, 9) !=
         pdf_metrics_measure(m, run, strlen(run), FACE_BOLD, 9);
  pdf_metrics_free(m);
  pdf_free(w);
  arena_free(ar);
  return bad;
}

/* The Word writer's metrics, read from the font files alone, are
   libharu's to the bit: for the shipped faces and for a made face with
   more glyphs than long horizontal metrics (the glyphs past them take the
   last advance); a file the check refuses is refused with its reason. */
START_TEST(t_font_metrics)
{
  pdf_fonts shipped = {"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
                       "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                       "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"};
  ck_assert_uint_eq(metrics_differ(&shipped), 0);
  make_tmpdir();
  size_t n, m;
  unsigned char *f = make_font(&n), *c = make_ttc(&m, 1);
  const char *a = write_tmp("made.ttf", f, n);
  const char *b = write_tmp("made.ttc", c, m);
  pdf_fonts made = {b, a, a};
  ck_assert_uint_eq(metrics_differ(&made), 0);
  arena *ar = arena_new();
  diag_list *dl = diag_new(ar);
  set16(f + 4, 65535);
  write_tmp("made.ttf", f, n);
  ck_assert_ptr_null(pdf_metrics_new(dl, &made));
  ck_assert_uint_eq(diag_errors(dl), 1);
  pdf_fonts none = {b, "/nonexistent/x.ttf", a};
  ck_assert_ptr_null(pdf_metrics_new(dl, &none));
  ck_assert_uint_eq(diag_errors(dl), 2);
  arena_free(ar);
  free(f);
  free(c);
  remove_tmpdir();
}
END_TEST

/* A composite glyph built from itself, and one from many copies of
   another composite, are walked once each. */
static bool walked_once(void *ctx, unsigned gid)
{
  unsigned *seen = ctx;
  seen[gid]++;
  return seen[gid] == 1;
}

START_TEST(t_font_composite_cycle)
{
  size_t n;
  unsigned char *f = make_font(&n);
  /* glyph 2's components: 1 and 3; make them 2 and 2 (itself) */
  unsigned char *g = table(f, "glyf", NULL) + 60;
  ck_assert_uint_eq(get16(g), 0xFFFF);
  set16(g + 12, 2);
  set16(g + 20, 2);
  ttf_face t;
  char why[200] = "";
  ck_assert_msg(ttf_open(&t, f, n, why, sizeof why), "%s", why);
  unsigned seen[NG] = {0};
  ttf_components(&t, 2, walked_once, seen);
  ck_assert_uint_eq(seen[2], 4); /* 2 → (2 → 2, 2), 2 */
  unsigned any[8] = {0};
  ttf_components(&t, 2, counted, any); /* depth-limited without a check */
  ck_assert_uint_gt(any[2], 2);
  free(f);
}
END_TEST

/* }====================================================== */
/* {====================================================== PNGs */

static void chunk(bytes *b, const char *name, const void *d, size_t n)
{
  put32(b, (uint32_t)n);
  size_t at = b->n;
  put(b, name, 4);
  put(b, d, n);
  put32(b, (uint32_t)crc32(0L, b->d + at, (uInt)(n + 4)));
}

typedef struct png_spec {
  unsigned w, h, depth, color, interlace;
  int plte;        /* palette entries (0: none) */
  int trns;        /* tRNS bytes (0: none) */
  bool ancillary;  /* tEXt and gAMA chunks around the data */
  size_t rows_len; /* image data length to write (0: the right one) */
} png_spec;

static unsigned char *make_png(const png_spec *s, size_t *len)
{
  static const unsigned channels[] = {1, 0, 3, 1, 2, 0, 4};
  size_t row = 1 + ((size_t)s->w * channels[s->color] * s->depth + 7) / 8;
  size_t raw_len = s->rows_len ? s->rows_len : row * s->h;
  unsigned char *raw = calloc(raw_len, 1);
  for (size_t i = 0; i < raw_len; i++)
    raw[i] = i % row == 0 ? (unsigned char)(i / row % 5) : (unsigned char)i;
  uLongf zlen = compressBound(raw_len);
  unsigned char *z = malloc(zlen);
  ck_assert_int_eq(compress(z, &zlen, raw, raw_len), Z_OK);
  bytes b = {0};
  put(&b, "\x89PNG\r\n\x1a\n", 8);
  unsigned char ih[13];
  set32(ih, s->w);
  set32(ih + 4, s->h);
  ih[8] = (unsigned char)s->depth;
  ih[9] = (unsigned char)s->color;
  ih[10] = ih[11] = 0;
  ih[12] = (unsigned char)s->interlace;
  chunk(&b, "IHDR", ih, 13);
  if (s->ancillary)
    chunk(&b, "tEXt", "Title\0logo", 10);
  if (s->plte) {
    unsigned char pal[768];
    for (int i = 0; i < 768; i++)
      pal[i] = (unsigned char)(i * 7);
    chunk(&b, "PLTE", pal, 3 * (size_t)s->plte);
  }
  if (s->trns) {
    unsigned char tr[256];
    memset(tr, 0x80, sizeof tr);
    chunk(&b, "tRNS", tr, (size_t)s->trns);
  }
  if (s->ancillary)
    chunk(&b, "gAMA", "\0\0\xB1\x8F", 4);
  /* the data in two chunks, to check they are read as one stream */
  chunk(&b, "IDAT", z, zlen / 2);
  if (s->ancillary)
    chunk(&b, "tIME", "\x07\xE0\x01\x01\0\0\0", 7);
  chunk(&b, "IDAT", z + zlen / 2, zlen - zlen / 2);
  chunk(&b, "IEND", NULL, 0);
  free(raw);
  free(z);
  *len = b.n;
  return b.d;
}

static const png_spec good_pngs[] = {
    {16, 8, 1, 0, 0, 0, 0, false, 0},  {16, 8, 2, 0, 0, 0, 0, false, 0},
    {16, 8, 4, 0, 0, 0, 0, false, 0},  {16, 8, 8, 0, 0, 0, 0, false, 0},
    {16, 8, 16, 0, 0, 0, 0, false, 0}, {16, 8, 8, 2, 0, 0, 0, false, 0},
    {16, 8, 16, 2, 0, 0, 0, false, 0}, {16, 8, 1, 3, 0, 2, 0, false, 0},
    {16, 8, 2, 3, 0, 4, 0, false, 0},  {16, 8, 4, 3, 0, 16, 0, false, 0},
    {16, 8, 8, 3, 0, 256, 0, false, 0}, {16, 8, 8, 3, 0, 5, 3, false, 0},
    {16, 8, 8, 4, 0, 0, 0, false, 0},  {16, 8, 16, 4, 0, 0, 0, false, 0},
    {16, 8, 8, 6, 0, 0, 0, false, 0},  {16, 8, 16, 6, 0, 0, 0, false, 0},
    {1, 1, 8, 6, 0, 0, 0, true, 0},    {301, 7, 1, 0, 0, 0, 0, true, 0},
};

/* Every kind of PNG libharu draws passes the check and is drawn from the
   checked bytes; the ancillary chunks are left out of them. */
START_TEST(t_png_kinds)
{
  const png_spec *s = &good_pngs[_i];
  size_t n;
  unsigned char *d = make_png(s, &n);
  image_png img;
  char why[200] = "";
  ck_assert_msg(image_png_check(d, n, &img, why, sizeof why), "%u/%u: %s",
                s->color, s->depth, why);
  ck_assert_uint_eq(img.width, s->w);
  ck_assert_uint_eq(img.height, s->h);
  size_t dropped = s->ancillary ? 12 + 10 + 12 + 4 + 12 + 7 : 0;
  ck_assert_uint_eq(img.len, n - dropped);
  image_png again;
  ck_assert(image_png_check(img.data, img.len, &again, why, sizeof why));
  ck_assert_uint_eq(again.len, img.len);
  ck_assert(memcmp(again.data, img.data, img.len) == 0);
  mem_free(again.data);
  mem_free(img.data);
  make_tmpdir();
  const char *p = write_tmp("logo.png", d, n);
  size_t fn;
  unsigned char *font = make_font(&fn);
  const char *fp = write_tmp("made.ttf", font, fn);
  free(font);
  arena *ar = arena_new();
  diag_list *dl = diag_new(ar);
  pdf_fonts fonts = {fp, fp, fp};
  pdf_writer *w = pdf_new(dl, &fonts);
  ck_assert_ptr_nonnull(w);
  ck_assert(render(w, p));
  pdf_free(w);
  arena_free(ar);
  remove_tmpdir();
  free(d);
}
END_TEST

typedef struct png_case {
  const char *name, *want;
  png_spec spec;
  void (*damage)(bytes *b); /* after making, or NULL */
} png_case;

/* The offset of the data of the first chunk called name. */
static size_t find_chunk(const bytes *b, const char *name)
{
  for (size_t p = 8; p + 12 <= b->n;) {
    size_t n = (size_t)get16(b->d + p) << 16 | get16(b->d + p + 2);
    if (memcmp(b->d + p + 4, name, 4) == 0)
      return p + 8;
    p += 12 + n;
  }
  ck_abort_msg("no chunk %s", name);
  return 0;
}

static void refresh_crc(bytes *b, size_t data)
{
  size_t n = (size_t)get16(b->d + data - 8) << 16 | get16(b->d + data - 6);
  set32(b->d + data + n, (uint32_t)crc32(0L, b->d + data - 4, (uInt)(n + 4)));
}

static void p_signature(bytes *b) { b->d[1] = 'p'; }
static void p_ihdr_len(bytes *b)
{
  set32(b->d + 8, 12);
  refresh_crc(b, 16);
}
static void p_crc(bytes *b) { b->d[find_chunk(b, "IDAT") + 2] ^= 0x55; }
static void p_name(bytes *b)
{
  size_t d = find_chunk(b, "IEND");
  b->d[d - 2] = '#';
}
static void p_critical(bytes *b)
{
  size_t d = find_chunk(b, "IEND");
  memcpy(b->d + d - 4, "XEND", 4);
  refresh_crc(b, d);
}
static void p_compression(bytes *b)
{
  b->d[16 + 10] = 1;
  refresh_crc(b, 16);
}
static void p_interlace_2(bytes *b)
{
  b->d[16 + 12] = 2;
  refresh_crc(b, 16);
}
static void p_iend_data(bytes *b)
{
  size_t d = find_chunk(b, "IEND");
  b->n = d - 8;
  chunk(b, "IEND", "x", 1);
}
static void p_two_ihdr(bytes *b)
{
  size_t d = find_chunk(b, "IDAT");
  bytes t = {0};
  put(&t, b->d, d - 8);
  put(&t, b->d + 8, 25); /* IHDR again */
  put(&t, b->d + d - 8, b->n - (d - 8));
  free(b->d);
  *b = t;
}
static void p_no_idat(bytes *b)
{
  size_t d = find_chunk(b, "IDAT");
  bytes t = {0};
  put(&t, b->d, d - 8);
  chunk(&t, "IEND", NULL, 0);
  free(b->d);
  *b = t;
}
static void p_no_iend(bytes *b) { b->n -= 12; }
static void p_deflate(bytes *b)
{
  size_t d = find_chunk(b, "IDAT");
  b->d[d + 2] = 0xFF;
  b->d[d + 3] = 0xFF;
  refresh_crc(b, d);
}
static void p_after_stream(bytes *b)
{
  size_t d = find_chunk(b, "IEND");
  b->n = d - 8;
  chunk(b, "IDAT", "\0\0\0\0", 4);
  chunk(b, "IEND", NULL, 0);
}
static void p_chunk_len(bytes *b)
{
  size_t d = find_chunk(b, "IDAT");
  set32(b->d + d - 8, 0x7FFFFFF0u);
}

static const png_case png_cases[] = {
    {"signature", "is not a PNG file", {16, 8, 8, 2, 0, 0, 0, false, 0},
     p_signature},
    {"IHDR length", "IHDR chunk has 12 bytes", {16, 8, 8, 2, 0, 0, 0, false, 0},
     p_ihdr_len},
    {"crc", "its IDAT chunk fails its CRC check",
     {16, 8, 8, 2, 0, 0, 0, false, 0}, p_crc},
    {"chunk name", "has an invalid name", {16, 8, 8, 2, 0, 0, 0, false, 0},
     p_name},
    {"critical chunk", "critical chunk XEND", {16, 8, 8, 2, 0, 0, 0, false, 0},
     p_critical},
    {"two IHDR", "has two IHDR chunks", {16, 8, 8, 2, 0, 0, 0, false, 0},
     p_two_ihdr},
    {"chunk length", "a chunk runs past the end",
     {16, 8, 8, 2, 0, 0, 0, false, 0}, p_chunk_len},
    {"no IEND", "it ends before its IEND chunk",
     {16, 8, 8, 2, 0, 0, 0, false, 0}, p_no_iend},
    {"IEND data", "its IEND chunk has data", {16, 8, 8, 2, 0, 0, 0, false, 0},
     p_iend_data},
    {"no IDAT", "it has no image data", {16, 8, 8, 2, 0, 0, 0, false, 0},
     p_no_idat},
    {"compression", "unknown compression or filter method",
     {16, 8, 8, 2, 0, 0, 0, false, 0}, p_compression},
    {"interlace 2", "unknown interlace method",
     {16, 8, 8, 2, 0, 0, 0, false, 0}, p_interlace_2},
    {"deflate", "its image data does not inflate",
     {16, 8, 8, 2, 0, 0, 0, false, 0}, p_deflate},
    {"after stream", "4 bytes follow the end of its image stream",
     {16, 8, 8, 2, 0, 0, 0, false, 0}, p_after_stream},
    {"zero width", "a size of 0 x 8", {0, 8, 8, 2, 0, 0, 0, false, 0}, NULL},
    {"20000 square", "is 20000 x 20000 pixels",
     {20000, 20000, 8, 2, 0, 0, 0, false, 100}, NULL},
    {"4097 wide", "is 4097 x 1 pixels", {4097, 1, 8, 0, 0, 0, 0, false, 0},
     NULL},
    {"4097 high", "is 1 x 4097 pixels", {1, 4097, 8, 0, 0, 0, 0, false, 0},
     NULL},
    {"16.8 megapixels", "is 4096 x 4096 pixels",
     {4096, 4096, 1, 0, 0, 0, 0, false, 100}, NULL},
    {"colour type 5", "colour type 5 with 8 bits",
     {16, 8, 8, 5, 0, 0, 0, false, 100}, NULL},
    {"RGB of 4 bits", "colour type 2 with 4 bits",
     {16, 8, 4, 2, 0, 0, 0, false, 100}, NULL},
    {"palette of 16 bits", "colour type 3 with 16 bits",
     {16, 8, 16, 3, 0, 0, 0, false, 100}, NULL},
    {"interlaced", "is interlaced", {16, 8, 8, 6, 1, 0, 0, false, 0}, NULL},
    {"interlaced grey", "is interlaced", {16, 8, 8, 0, 1, 0, 0, false, 0},
     NULL},
    {"RGB tRNS", "transparent colour (tRNS) in a colour image",
     {16, 8, 8, 2, 0, 0, 6, false, 0}, NULL},
    {"grey tRNS", "transparent colour (tRNS) in a grey image",
     {16, 8, 8, 0, 0, 0, 2, false, 0}, NULL},
    {"alpha tRNS", "in an alpha image", {16, 8, 8, 6, 0, 0, 2, false, 0},
     NULL},
    {"palette 4-bit tRNS", "a 4-bit palette image with transparency",
     {16, 8, 4, 3, 0, 16, 1, false, 0}, NULL},
    {"palette 1-bit tRNS", "a 1-bit palette image with transparency",
     {16, 8, 1, 3, 0, 2, 1, false, 0}, NULL},
    {"tRNS longer than palette", "longer than its palette",
     {16, 8, 8, 3, 0, 4, 5, false, 0}, NULL},
    {"no palette", "palette (PLTE) is missing",
     {16, 8, 8, 3, 0, 0, 0, false, 0}, NULL},
    {"palette too long", "its palette has 51 bytes",
     {16, 8, 4, 3, 0, 17, 0, false, 0}, NULL},
    {"grey palette", "a grey image has a palette",
     {16, 8, 8, 0, 0, 4, 0, false, 0}, NULL},
    {"short data", "its image data ends after 100 of 392 bytes",
     {16, 8, 8, 2, 0, 0, 0, false, 100}, NULL},
    {"long data", "more image data than its 16 x 8 pixels",
     {16, 8, 8, 2, 0, 0, 0, false, 393}, NULL},
};

START_TEST(t_png_hostile)
{
  const png_case *c = &png_cases[_i];
  size_t n;
  unsigned char *d = make_png(&c->spec, &n);
  bytes b = {d, n, n};
  if (c->damage)
    c->damage(&b);
  image_png img;
  char why[200] = "";
  double t0 = tu_cpu_self();
  bool ok = image_png_check(b.d, b.n, &img, why, sizeof why);
  double s = tu_cpu_self() - t0;
  ck_assert_msg(!ok, "%s: accepted", c->name);
  ck_assert_msg(strstr(why, c->want) != NULL, "%s: \"%s\" lacks \"%s\"",
                c->name, why, c->want);
  ck_assert_msg(s < 1.0, "%s: %.2f s", c->name, s);
  free(b.d);
}
END_TEST

START_TEST(t_png_bad_filter)
{
  png_spec s = {16, 8, 8, 0, 0, 0, 0, false, 0};
  size_t n;
  unsigned char *d = make_png(&s, &n);
  /* rebuild the data with a filter byte of 5 on row 4 */
  unsigned char raw[8 * 17];
  memset(raw, 0, sizeof raw);
  raw[3 * 17] = 5;
  uLongf zlen = compressBound(sizeof raw);
  unsigned char z[256];
  ck_assert_int_eq(compress(z, &zlen, raw, sizeof raw), Z_OK);
  bytes b = {0};
  put(&b, d, 33);
  chunk(&b, "IDAT", z, zlen);
  chunk(&b, "IEND", NULL, 0);
  image_png img;
  char why[200] = "";
  ck_assert(!image_png_check(b.d, b.n, &img, why, sizeof why));
  ck_assert_str_eq(why, "is corrupt: row 4 has an unknown filter type (5)");
  free(b.d);
  free(d);
}
END_TEST

START_TEST(t_png_truncated)
{
  png_spec s = {16, 8, 8, 3, 0, 5, 3, true, 0};
  size_t n;
  unsigned char *d = make_png(&s, &n);
  for (size_t k = 0; k < n; k++) {
    unsigned char *cut = malloc(k ? k : 1);
    memcpy(cut, d, k);
    image_png img;
    char why[200];
    ck_assert_msg(!image_png_check(cut, k, &img, why, sizeof why), "%zu", k);
    free(cut);
  }
  free(d);
}
END_TEST

/* Random damage, the CRCs recomputed so that it reaches past them: what
   the check accepts is drawn without a crash (the first 150). */
START_TEST(t_png_damage)
{
  make_tmpdir();
  size_t fn;
  unsigned char *font = make_font(&fn);
  char fp[256]; /* write_tmp's buffers are reused by the loop */
  snprintf(fp, sizeof fp, "%s", write_tmp("made.ttf", font, fn));
  free(font);
  arena *ar = arena_new();
  diag_list *dl = diag_new(ar);
  pdf_fonts fonts = {fp, fp, fp};
  int accepted = 0, drawn = 0;
  rnd_state = 77;
  for (int k = 0; k < 3000; k++) {
    png_spec s = good_pngs[rnd() % (sizeof good_pngs / sizeof *good_pngs)];
    size_t n;
    unsigned char *d = make_png(&s, &n);
    bytes b = {d, n, n};
    int flips = 1 + (int)(rnd() % 3);
    for (int j = 0; j < flips; j++)
      b.d[8 + rnd() % (n - 8)] ^= (unsigned char)(1u << (rnd() % 8));
    for (size_t p = 8; p + 12 <= b.n;) { /* the CRCs made right again */
      size_t len = (size_t)get16(b.d + p) << 16 | get16(b.d + p + 2);
      if (len > b.n - p - 12)
        break;
      refresh_crc(&b, p + 8);
      p += 12 + len;
    }
    image_png img;
    char why[200];
    if (image_png_check(b.d, b.n, &img, why, sizeof why)) {
      accepted++;
      mem_free(img.data);
      if (drawn < 150) {
        drawn++;
        const char *p = write_tmp("damaged.png", b.d, b.n);
        pdf_writer *w = pdf_new(dl, &fonts);
        ck_assert_ptr_nonnull(w);
        ck_assert(render(w, p));
        pdf_free(w);
      }
    }
    free(b.d);
  }
  ck_assert_int_gt(accepted, 50);
  arena_free(ar);
  remove_tmpdir();
}
END_TEST

/* }====================================================== */
/* {====================================================== the command line */

static int by_name(const struct dirent **a, const struct dirent **b)
{
  return strcmp((*a)->d_name, (*b)->d_name);
}

static int only_yaml(const struct dirent *d)
{
  size_t n = strlen(d->d_name);
  return n > 5 && strcmp(d->d_name + n - 5, ".yaml") == 0;
}

/* tests/bad-styles/NAME.yaml as --style: exit 1, NAME.err exactly, no
   PDF. */
START_TEST(t_bad_styles)
{
  char dir[512];
  snprintf(dir, sizeof dir, "%s/tests/bad-styles", tu_root());
  struct dirent **list;
  int n = scandir(dir, &list, only_yaml, by_name);
  ck_assert_msg(n >= 30, "tests/bad-styles has %d cases", n);
  make_tmpdir();
  char out[128];
  snprintf(out, sizeof out, "%s/r.pdf", tmpdir);
  int failures = 0;
  for (int i = 0; i < n; i++) {
    char rel[300], errpath[800];
    snprintf(rel, sizeof rel, "tests/bad-styles/%s", list[i]->d_name);
    snprintf(errpath, sizeof errpath, "%s/%.*s.err", dir,
             (int)strlen(list[i]->d_name) - 5, list[i]->d_name);
    const char *argv[] = {tu_bin(), "report", "samples/cement-plant.yaml",
                          "--style", rel, "-o", out, NULL};
    char *o, *e;
    int rc = tu_exec(argv, tu_root(), &o, &e);
    char *want = tu_slurp(errpath, NULL);
    struct stat st;
    bool wrote = stat(out, &st) == 0;
    if (rc != 1 || wrote || !want || strcmp(want, e) != 0 || *o) {
      failures++;
      fprintf(stderr, "bad style %s: exit %d, pdf %s\n--- want\n%s--- got\n%s",
              rel, rc, wrote ? "WRITTEN" : "absent", want ? want : "(none)\n",
              e);
      unlink(out);
    }
    free(o);
    free(e);
    free(want);
    free(list[i]);
  }
  free(list);
  remove_tmpdir();
  ck_assert_msg(failures == 0, "%d bad styles failed", failures);
}
END_TEST

/* Runs `report` on the cement plant with extra arguments; returns the
   exit status and stderr (free it), and fails if a PDF was written. */
static int report(const char *style, const char *templates, char **err)
{
  char out[128];
  snprintf(out, sizeof out, "%s/r.pdf", tmpdir);
  const char *argv[10] = {tu_bin(), "report", "samples/cement-plant.yaml",
                          "-o", out};
  int k = 5;
  if (style) {
    argv[k++] = "--style";
    argv[k++] = style;
  }
  if (templates) {
    argv[k++] = "--templates";
    argv[k++] = templates;
  }
  argv[k] = NULL;
  char *o;
  int rc = tu_exec(argv, tu_root(), &o, err);
  free(o);
  struct stat st;
  bool wrote = stat(out, &st) == 0;
  unlink(out);
  ck_assert_msg(wrote == (rc == 0), "exit %d, pdf %s: %s", rc,
                wrote ? "written" : "absent", *err);
  return rc;
}

/* A style whose logo and latin face are a FIFO: refused at once, with
   the position of each key, and nothing blocks on the FIFO. */
START_TEST(t_style_fifo)
{
  make_tmpdir();
  char fifo[128], style[128];
  snprintf(fifo, sizeof fifo, "%s/pipe", tmpdir);
  ck_assert_int_eq(mkfifo(fifo, 0600), 0);
  snprintf(style, sizeof style, "%s/style.yaml", tmpdir);
  FILE *f = fopen(style, "w");
  fprintf(f, "firm: {zh: 某某, en: Example}\nfonts:\n"
             "  cjk: /usr/share/fonts/truetype/wqy/wqy-microhei.ttc\n"
             "  latin: pipe\n"
             "  latin_bold: /usr/share/fonts/truetype/dejavu/"
             "DejaVuSans-Bold.ttf\nlogo: pipe\n");
  fclose(f);
  char *e;
  ck_assert_int_eq(report(style, NULL, &e), 1);
  char want[512];
  snprintf(want, sizeof want,
           "%s:4:10: error: fonts.latin: %s is not a regular file (a FIFO, "
           "device or directory)\n",
           style, fifo);
  ck_assert_msg(strncmp(e, want, strlen(want)) == 0, "%s", e);
  snprintf(want, sizeof want,
           "%s:6:7: error: logo: %s is not a regular file (a FIFO, device or "
           "directory)\n",
           style, fifo);
  ck_assert_msg(strstr(e, want) != NULL, "%s", e);
  ck_assert_msg(strstr(e, "report: 2 errors; nothing written\n"), "%s", e);
  free(e);
  remove_tmpdir();
}
END_TEST

/* Fonts are mapped, not read (file_map_regular): an empty file, a file
   shorter than a font's header and a folder are each refused at their
   key, and a face that ends mid-page (the mapping's last page is part
   file, part zeros) is read to its last byte and no further. */
START_TEST(t_style_font_mapped)
{
  make_tmpdir();
  write_tmp("empty.ttf", "", 0);
  write_tmp("three.ttf", "abc", 3);
  char dir[160];
  snprintf(dir, sizeof dir, "%s/dir.ttf", tmpdir);
  ck_assert_int_eq(mkdir(dir, 0700), 0);
  char style[128];
  snprintf(style, sizeof style, "%s/style.yaml", tmpdir);
  FILE *s = fopen(style, "w");
  fprintf(s, "firm: {zh: 某某, en: Example}\nfonts:\n"
             "  cjk: empty.ttf\n  latin: three.ttf\n  latin_bold: dir.ttf\n");
  fclose(s);
  char *e;
  ck_assert_int_eq(report(style, NULL, &e), 1);
  char want[3][512];
  snprintf(want[0], 512,
           "%s:3:8: error: fonts.cjk: %s/empty.ttf is not a TrueType font "
           "(0 bytes)\n",
           style, tmpdir);
  snprintf(want[1], 512,
           "%s:4:10: error: fonts.latin: %s/three.ttf is not a TrueType font "
           "(3 bytes)\n",
           style, tmpdir);
  snprintf(want[2], 512,
           "%s:5:15: error: fonts.latin_bold: %s is not a regular file (a "
           "FIFO, device or directory)\n",
           style, dir);
  for (int i = 0; i < 3; i++)
    ck_assert_msg(strstr(e, want[i]) != NULL, "want %s\ngot %s", want[i], e);
  ck_assert_msg(strstr(e, "report: 3 errors; nothing written\n"), "%s", e);
  free(e);
  rmdir(dir);
  /* the shipped Latin face cut by one byte: its last table runs past the
     end of the file, and the byte after the end (a zero of the mapping's
     last page) is not taken for part of it */
  size_t n;
  char *full = tu_slurp("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", &n);
  ck_assert_ptr_nonnull(full);
  ck_assert_uint_gt(n % 4096, 0);
  write_tmp("short.ttf", full, n - 1);
  free(full);
  s = fopen(style, "w");
  fprintf(s, "firm: {zh: 某某, en: Example}\nfonts:\n"
             "  cjk: /usr/share/fonts/truetype/wqy/wqy-microhei.ttc\n"
             "  latin: short.ttf\n"
             "  latin_bold: /usr/share/fonts/truetype/dejavu/"
             "DejaVuSans-Bold.ttf\n");
  fclose(s);
  ck_assert_int_eq(report(style, NULL, &e), 1);
  snprintf(want[0], 512,
           "%s:4:10: error: fonts.latin: %s/short.ttf is truncated or "
           "corrupt: ",
           style, tmpdir);
  ck_assert_msg(strstr(e, want[0]) != NULL, "want %s\ngot %s", want[0], e);
  ck_assert_msg(strstr(e, "report: 1 error; nothing written\n"), "%s", e);
  free(e);
  remove_tmpdir();
}
END_TEST

/* Crafted faces through the command line: each refused at its key. */
START_TEST(t_style_fonts)
{
  make_tmpdir();
  size_t n;
  unsigned char *f = make_font(&n);
  write_tmp("made.ttf", f, n); /* has 中 and 文 only: not a CJK face */
  write_tmp("cut.ttf", f, n / 2);
  set16(f + 4, 65535);
  write_tmp("tables.ttf", f, n);
  char style[128];
  snprintf(style, sizeof style, "%s/style.yaml", tmpdir);
  FILE *s = fopen(style, "w");
  fprintf(s, "firm: {zh: 某某, en: Example}\nfonts:\n"
             "  cjk: made.ttf\n  latin: cut.ttf\n  latin_bold: tables.ttf\n");
  fclose(s);
  char *e;
  ck_assert_int_eq(report(style, NULL, &e), 1);
  char want[3][512];
  snprintf(want[0], 512,
           "%s:3:8: error: fonts.cjk: %s/made.ttf has no glyph for 能 "
           "(U+80FD), 源 (U+6E90), 审 (U+5BA1), 计 (U+8BA1), 报 (U+62A5), 告 "
           "(U+544A) and more; the report's Chinese would print as blanks\n",
           style, tmpdir);
  snprintf(want[1], 512,
           "%s:4:10: error: fonts.latin: %s/cut.ttf is truncated or corrupt: "
           "its ",
           style, tmpdir);
  snprintf(want[2], 512,
           "%s:5:15: error: fonts.latin_bold: %s/tables.ttf is not a usable "
           "TrueType font: its table directory lists 65535 tables (a font "
           "has 1 to 128)\n",
           style, tmpdir);
  for (int i = 0; i < 3; i++)
    ck_assert_msg(strstr(e, want[i]) != NULL, "want %s\ngot %s", want[i], e);
  ck_assert_msg(strstr(e, "report: 3 errors; nothing written\n"), "%s", e);
  free(e);
  /* a Latin face without most of ASCII */
  s = fopen(style, "w");
  fprintf(s, "firm: {zh: 某某, en: Example}\nfonts:\n"
             "  cjk: /usr/share/fonts/truetype/wqy/wqy-microhei.ttc\n"
             "  latin: /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf\n"
             "  latin_bold: made.ttf\n");
  fclose(s);
  ck_assert_int_eq(report(style, NULL, &e), 1);
  snprintf(want[0], 512,
           "%s:5:15: error: fonts.latin_bold: %s/made.ttf has no glyph for ! "
           "(U+0021), U+0022, # (U+0023), $ (U+0024), %% (U+0025), & "
           "(U+0026) and more; the report's English and numbers would print "
           "as blanks\n",
           style, tmpdir);
  ck_assert_msg(strncmp(e, want[0], strlen(want[0])) == 0, "want %s\ngot %s",
                want[0], e);
  free(e);
  free(f);
  remove_tmpdir();
}
END_TEST

/* The extremes of every range make a report, in time: nothing loops. */
START_TEST(t_style_extremes)
{
  make_tmpdir();
  static const char *const looks[] = {
      "margins_mm: {top: 60, bottom: 60, left: 60, right: 60}\n"
      "body_size: 16\nline_spacing: 3\n",
      "margins_mm: {top: 5, bottom: 5, left: 5, right: 5}\n"
      "body_size: 7\nline_spacing: 1\n"};
  for (int i = 0; i < 2; i++) {
    char style[128];
    snprintf(style, sizeof style, "%s/style.yaml", tmpdir);
    FILE *f = fopen(style, "w");
    fprintf(f, "firm: {zh: 某某, en: Example}\nfonts:\n"
               "  cjk: /usr/share/fonts/truetype/wqy/wqy-microhei.ttc\n"
               "  latin: /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf\n"
               "  latin_bold: /usr/share/fonts/truetype/dejavu/"
               "DejaVuSans-Bold.ttf\n%s",
            looks[i]);
    fclose(f);
    double t0 = tu_cpu_self() + tu_cpu_children();
    char *e;
    ck_assert_msg(report(style, NULL, &e) == 0, "%s", e);
    ck_assert_double_lt(tu_cpu_self() + tu_cpu_children() - t0, 15.0);
    free(e);
  }
  remove_tmpdir();
}
END_TEST

/* The shipped style, a logo with ancillary chunks and each kind of PNG
   still make a report (the checks refuse only what they must). */
START_TEST(t_style_good_logo)
{
  make_tmpdir();
  png_spec spec = {240, 80, 8, 6, 0, 0, 0, true, 0};
  size_t n;
  unsigned char *d = make_png(&spec, &n);
  write_tmp("logo.png", d, n);
  free(d);
  char style[128];
  snprintf(style, sizeof style, "%s/style.yaml", tmpdir);
  char p[512];
  snprintf(p, sizeof p, "%s/templates/style.yaml", tu_root());
  char *text = tu_slurp(p, NULL);
  ck_assert_ptr_nonnull(text);
  write_tmp("style.yaml", text, strlen(text));
  free(text);
  char *e;
  ck_assert_int_eq(report(style, NULL, &e), 0);
  free(e);
  remove_tmpdir();
}
END_TEST

/* }====================================================== */
/* {====================================================== templates */

static void write_text(const char *dir, const char *name, const char *text)
{
  char p[512];
  snprintf(p, sizeof p, "%s/%s", dir, name);
  FILE *f = fopen(p, "w");
  ck_assert_ptr_nonnull(f);
  fputs(text, f);
  fclose(f);
}

/* An include of a FIFO is refused without blocking; symbolic links that
   stay inside the folder, and a folder that is itself a link, are fine. */
START_TEST(t_template_files)
{
  make_tmpdir();
  char tdir[256], link[256], p[512], q[512];
  snprintf(tdir, sizeof tdir, "%s/tpl", tmpdir);
  ck_assert_int_eq(mkdir(tdir, 0700), 0);
  write_text(tdir, "report.tpl", "# 概况 | Overview\n\n{% include b.tpl %}\n");
  write_text(tdir, "a.tpl", "zh: 有能耗。\nen: Energy is used.\n");
  snprintf(p, sizeof p, "%s/b.tpl", tdir);
  ck_assert_int_eq(symlink("a.tpl", p), 0);
  char *e;
  ck_assert_msg(report(NULL, tdir, &e) == 0, "%s", e);
  free(e);
  snprintf(link, sizeof link, "%s/link", tmpdir);
  ck_assert_int_eq(symlink("tpl", link), 0);
  ck_assert_msg(report(NULL, link, &e) == 0, "%s", e);
  free(e);
  /* report.tpl a link inside the folder */
  snprintf(p, sizeof p, "%s/report.tpl", tdir);
  snprintf(q, sizeof q, "%s/main.tpl", tdir);
  ck_assert_int_eq(rename(p, q), 0);
  ck_assert_int_eq(symlink("main.tpl", p), 0);
  ck_assert_msg(report(NULL, tdir, &e) == 0, "%s", e);
  free(e);
  /* b.tpl a FIFO */
  snprintf(p, sizeof p, "%s/b.tpl", tdir);
  ck_assert_int_eq(unlink(p), 0);
  ck_assert_int_eq(mkfifo(p, 0600), 0);
  ck_assert_int_eq(report(NULL, tdir, &e), 1);
  char want[768];
  snprintf(want, sizeof want,
           "%s/report.tpl:3:1: error: cannot read template %s/b.tpl: not a "
           "regular file (a FIFO, device or directory)\n",
           tdir, tdir);
  ck_assert_msg(strncmp(e, want, strlen(want)) == 0, "want %s\ngot %s", want,
                e);
  free(e);
  remove_tmpdir();
}
END_TEST

/* }====================================================== */

Suite *style_suite(void)
{
  Suite *s = suite_create("style");
  TCase *tc = tcase_create("fonts");
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, t_font_made);
  tcase_add_test(tc, t_font_shipped);
  tcase_add_loop_test(tc, t_font_hostile, 0,
                      (int)(sizeof font_cases / sizeof *font_cases));
  tcase_add_test(tc, t_font_names);
  tcase_add_test(tc, t_font_collection);
  tcase_add_test(tc, t_font_truncated);
  tcase_add_test(tc, t_style_font_mapped);
  tcase_add_test(tc, t_font_draws);
  tcase_add_test(tc, t_font_metrics);
  tcase_add_test(tc, t_font_damage);
  tcase_add_test(tc, t_font_composite_cycle);
  suite_add_tcase(s, tc);
  tc = tcase_create("images");
  tcase_set_timeout(tc, 120);
  tcase_add_loop_test(tc, t_png_kinds, 0,
                      (int)(sizeof good_pngs / sizeof *good_pngs));
  tcase_add_loop_test(tc, t_png_hostile, 0,
                      (int)(sizeof png_cases / sizeof *png_cases));
  tcase_add_test(tc, t_png_bad_filter);
  tcase_add_test(tc, t_png_truncated);
  tcase_add_test(tc, t_png_damage);
  suite_add_tcase(s, tc);
  tc = tcase_create("command line");
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, t_bad_styles);
  tcase_add_test(tc, t_style_fifo);
  tcase_add_test(tc, t_style_fonts);
  tcase_add_test(tc, t_style_good_logo);
  tcase_add_test(tc, t_style_extremes);
  tcase_add_test(tc, t_template_files);
  suite_add_tcase(s, tc);
  return s;
}
