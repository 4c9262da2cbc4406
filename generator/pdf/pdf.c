/* pdf.c — layout boxes to PDF through libharu (see pdf.h).
 *
 * Input: a layout. Output: PDF bytes. Invariants: every string handed to
 * libharu is UTF-8 text of one font (runs are split by script here), and
 * libharu's errors are caught by the handler and turned into one
 * diagnostic; nothing here decides where anything goes on the page. */
#include "pdf.h"

#include <fcntl.h>
#include <hpdf.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <sys/mman.h>
#include <unistd.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "../base/mem.h"

enum { F_CJK, F_LATIN, F_LATIN_BOLD, F_COUNT };

/* The glyph tables of one TrueType face, read from the file (mapped), to
   find the components of composite glyphs: libharu 2.3's subsetter copies
   a composite glyph but not the glyphs it is built from, and many CJK
   characters of WenQuanYi are composites, so they would print blank. */
typedef struct ttf_glyphs {
  const unsigned char *data;
  size_t size;
  uint32_t loca, glyf;
  bool long_loca;
  unsigned num_glyphs;
} ttf_glyphs;

struct pdf_writer {
  HPDF_Doc doc;
  HPDF_Font font[F_COUNT];
  ttf_glyphs ttf[F_COUNT];
  unsigned char *marked[F_COUNT]; /* code points already marked, a bit each */
  float *widths[F_COUNT]; /* per BMP code point, 1/1000 em; <0 = unknown */
  diag_list *dl;
  HPDF_STATUS error, detail;
};

static void on_error(HPDF_STATUS error, HPDF_STATUS detail, void *data)
{
  pdf_writer *w = data;
  if (!w->error) {
    w->error = error;
    w->detail = detail;
  }
}

/* {====================================================== ToUnicode */

/* libharu's UTF-8 CID fonts use Identity-H with CID = the Unicode code
   point, so the right map is the identity, written as bfranges of one
   high byte each (a bfrange may only vary its last byte). */
static void fix_to_unicode(HPDF_Font font)
{
  HPDF_Dict tu = HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT);
  if (!tu || !tu->stream)
    return;
  HPDF_MemStream_FreeData(tu->stream);
  buf b;
  buf_init(&b);
  buf_puts(&b, "/CIDInit /ProcSet findresource begin\n12 dict begin\n"
               "begincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering "
               "(UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS "
               "def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\n"
               "endcodespacerange\n");
  int hi[256], n = 0;
  for (int h = 0; h < 256; h++)
    if (h < 0xD8 || h > 0xDF) /* no surrogates */
      hi[n++] = h;
  for (int i = 0; i < n; i += 100) {
    int k = n - i < 100 ? n - i : 100;
    buf_printf(&b, "%d beginbfrange\n", k);
    for (int j = 0; j < k; j++)
      buf_printf(&b, "<%02X00> <%02XFF> <%02X00>\n", hi[i + j], hi[i + j],
                 hi[i + j]);
    buf_puts(&b, "endbfrange\n");
  }
  buf_puts(&b, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\n"
               "end\n");
  HPDF_Stream_Write(tu->stream, (const HPDF_BYTE *)b.data, (HPDF_UINT)b.len);
  buf_fini(&b);
}

/* }====================================================== */

/* {====================================================== composites */

static uint32_t be32(const unsigned char *p)
{
  return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}
static unsigned be16(const unsigned char *p) { return (unsigned)p[0] << 8 | p[1]; }

/* Maps the file and finds loca and glyf of face 0. On any surprise the
   table stays empty and composites are simply not followed. */
static void ttf_open(ttf_glyphs *t, const char *path)
{
  memset(t, 0, sizeof *t);
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return;
  struct stat st;
  if (fstat(fd, &st) != 0 || st.st_size < 12) {
    close(fd);
    return;
  }
  void *m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
  close(fd);
  if (m == MAP_FAILED)
    return;
  const unsigned char *d = m;
  size_t n = (size_t)st.st_size;
  size_t dir = 0;
  if (memcmp(d, "ttcf", 4) == 0) {
    if (n < 16)
      goto fail;
    dir = be32(d + 12); /* the offset of face 0 */
  }
  if (dir + 12 > n)
    goto fail;
  unsigned ntables = be16(d + dir + 4);
  uint32_t head = 0, maxp = 0;
  for (unsigned i = 0; i < ntables; i++) {
    size_t e = dir + 12 + 16 * (size_t)i;
    if (e + 16 > n)
      goto fail;
    uint32_t off = be32(d + e + 8);
    if (memcmp(d + e, "head", 4) == 0)
      head = off;
    else if (memcmp(d + e, "loca", 4) == 0)
      t->loca = off;
    else if (memcmp(d + e, "glyf", 4) == 0)
      t->glyf = off;
    else if (memcmp(d + e, "maxp", 4) == 0)
      maxp = off;
  }
  if (!head || !t->loca || !t->glyf || !maxp || head + 54 > n || maxp + 6 > n)
    goto fail;
  t->long_loca = be16(d + head + 50) != 0;
  t->num_glyphs = be16(d + maxp + 4);
  t->data = d;
  t->size = n;
  return;
fail:
  munmap(m, n);
  memset(t, 0, sizeof *t);
}

static void ttf_close(ttf_glyphs *t)
{
  if (t->data)
    munmap((void *)t->data, t->size);
  memset(t, 0, sizeof *t);
}

/* Marks glyph gid used in libharu's subset, with its components. */
static void mark_glyph(const ttf_glyphs *t, HPDF_TTFontDefAttr attr,
                       unsigned gid, int depth)
{
  if (gid >= attr->num_glyphs || depth > 8)
    return;
  attr->glyph_tbl.flgs[gid] = 1;
  if (!t->data || gid + 1 >= t->num_glyphs + 1u)
    return;
  size_t lo = t->loca + (t->long_loca ? 4 * (size_t)gid : 2 * (size_t)gid);
  if (lo + (t->long_loca ? 8 : 4) > t->size)
    return;
  uint32_t a = t->long_loca ? be32(t->data + lo) : 2u * be16(t->data + lo);
  uint32_t b = t->long_loca ? be32(t->data + lo + 4)
                            : 2u * be16(t->data + lo + 2);
  size_t g = t->glyf + (size_t)a, end = t->glyf + (size_t)b;
  if (b <= a || end > t->size || g + 10 > end)
    return;
  if ((int16_t)be16(t->data + g) >= 0)
    return; /* a simple glyph */
  size_t p = g + 10;
  for (;;) {
    if (p + 4 > end)
      return;
    unsigned flags = be16(t->data + p), comp = be16(t->data + p + 2);
    mark_glyph(t, attr, comp, depth + 1);
    p += 4 + ((flags & 0x0001) ? 4 : 2);      /* ARG_1_AND_2_ARE_WORDS */
    if (flags & 0x0008)                       /* WE_HAVE_A_SCALE */
      p += 2;
    else if (flags & 0x0040)                  /* X_AND_Y_SCALE */
      p += 4;
    else if (flags & 0x0080)                  /* TWO_BY_TWO */
      p += 8;
    if (!(flags & 0x0020))                    /* MORE_COMPONENTS */
      return;
  }
}

/* Marks the glyphs of code point cp of font f (and their components). */
static void use_glyph(pdf_writer *w, int f, unsigned cp)
{
  if (cp > 0xFFFF || (w->marked[f][cp >> 3] & (1u << (cp & 7))))
    return;
  w->marked[f][cp >> 3] |= (unsigned char)(1u << (cp & 7));
  HPDF_FontAttr fa = (HPDF_FontAttr)w->font[f]->attr;
  HPDF_TTFontDefAttr attr = (HPDF_TTFontDefAttr)fa->fontdef->attr;
  unsigned gid = HPDF_TTFontDef_GetGlyphid(fa->fontdef, (HPDF_UINT16)cp);
  mark_glyph(&w->ttf[f], attr, gid, 0);
}

/* }====================================================== */

static bool readable(const char *path)
{
  struct stat st;
  return path && stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

pdf_writer *pdf_new(diag_list *dl, const pdf_fonts *fonts)
{
  const char *paths[F_COUNT] = {fonts->cjk, fonts->latin, fonts->latin_bold};
  for (int i = 0; i < F_COUNT; i++)
    if (!readable(paths[i])) {
      diag_error(dl, src_none(), "font %s not found (fonts/README.md says "
                                 "which Debian package provides it)",
                 paths[i] ? paths[i] : "(none)");
      return NULL;
    }
  pdf_writer *w = mem_alloc(sizeof *w);
  w->dl = dl;
  w->doc = HPDF_New(on_error, w);
  if (!w->doc) {
    mem_free(w);
    diag_error(dl, src_none(), "libharu could not start");
    return NULL;
  }
  HPDF_SetCompressionMode(w->doc, HPDF_COMP_ALL);
  HPDF_UseUTFEncodings(w->doc);
  HPDF_SetCurrentEncoder(w->doc, "UTF-8");
  for (int i = 0; i < F_COUNT; i++) {
    size_t n = strlen(paths[i]);
    bool ttc = n > 4 && strcmp(paths[i] + n - 4, ".ttc") == 0;
    const char *name = ttc ? HPDF_LoadTTFontFromFile2(w->doc, paths[i], 0,
                                                      HPDF_TRUE)
                           : HPDF_LoadTTFontFromFile(w->doc, paths[i],
                                                     HPDF_TRUE);
    w->font[i] = name ? HPDF_GetFont(w->doc, name, "UTF-8") : NULL;
    if (!w->font[i] || w->error) {
      diag_error(dl, src_none(), "cannot load font %s (libharu error 0x%04X; "
                                 "libharu 2.3 loads TrueType outlines only)",
                 paths[i], (unsigned)w->error);
      pdf_free(w);
      return NULL;
    }
    fix_to_unicode(w->font[i]);
    ttf_open(&w->ttf[i], paths[i]);
    w->marked[i] = mem_alloc(65536 / 8);
    w->widths[i] = mem_alloc(sizeof(float) * 65536);
    for (size_t k = 0; k < 65536; k++)
      w->widths[i][k] = -1;
  }
  return w;
}

void pdf_free(pdf_writer *w)
{
  if (!w)
    return;
  if (w->doc)
    HPDF_Free(w->doc);
  for (int i = 0; i < F_COUNT; i++) {
    mem_free(w->widths[i]);
    mem_free(w->marked[i]);
    ttf_close(&w->ttf[i]);
  }
  mem_free(w);
}

/* {====================================================== runs */

static unsigned decode(const char *s, size_t n, size_t *len)
{
  const unsigned char *p = (const unsigned char *)s;
  unsigned c = p[0];
  size_t need = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (need > n)
    need = 1;
  unsigned cp = need == 1 ? c : c & (0x7Fu >> need);
  for (size_t k = 1; k < need; k++)
    cp = (cp << 6) | (p[k] & 0x3F);
  *len = need;
  return cp;
}

/* Chinese, Japanese and Korean characters, CJK and full-width
   punctuation, and curly quotes (set in the CJK face so that Chinese
   quotes look right) take the CJK face; everything else the Latin one. */
static bool cjk(unsigned cp)
{
  return (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
         (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x20000 && cp <= 0x3FFFD) ||
         cp == 0x2018 || cp == 0x2019 || cp == 0x201C || cp == 0x201D ||
         cp == 0x2014 || cp == 0x2026 || cp == 0x00B7;
}

static int face_font(bool is_cjk, lay_face face)
{
  return is_cjk ? F_CJK : face == FACE_BOLD ? F_LATIN_BOLD : F_LATIN;
}

static float glyph_width(pdf_writer *w, int f, const char *s, size_t len,
                         unsigned cp)
{
  if (cp < 65536 && w->widths[f][cp] >= 0)
    return w->widths[f][cp];
  HPDF_TextWidth tw = HPDF_Font_TextWidth(w->font[f], (const HPDF_BYTE *)s,
                                          (HPDF_UINT)len);
  float v = (float)tw.width;
  if (cp < 65536)
    w->widths[f][cp] = v;
  return v;
}

double pdf_measure(void *ctx, const char *s, size_t len, lay_face face,
                   double size)
{
  pdf_writer *w = ctx;
  double total = 0;
  size_t i = 0;
  while (i < len) {
    size_t cl;
    unsigned cp = decode(s + i, len - i, &cl);
    int f = face_font(cjk(cp), face);
    total += (double)glyph_width(w, f, s + i, cl, cp);
    i += cl;
  }
  return total * size / 1000.0;
}

static void set_color(HPDF_Page p, uint32_t c, bool stroke)
{
  float r = (float)((c >> 16) & 0xFF) / 255.0f,
        g = (float)((c >> 8) & 0xFF) / 255.0f, b = (float)(c & 0xFF) / 255.0f;
  if (stroke)
    HPDF_Page_SetRGBStroke(p, r, g, b);
  else
    HPDF_Page_SetRGBFill(p, r, g, b);
}

/* Draws one text box, a run per face. CJK bold is drawn as fill and
   stroke: the CJK face has no bold weight. */
static void draw_text(pdf_writer *w, HPDF_Page p, const lay_box *b)
{
  const char *s = b->text;
  size_t len = strlen(s), i = 0;
  double x = b->x;
  char *run = mem_alloc(len + 1);
  set_color(p, b->color, false);
  set_color(p, b->color, true);
  HPDF_Page_BeginText(p);
  while (i < len) {
    size_t cl;
    unsigned cp = decode(s + i, len - i, &cl);
    bool c0 = cjk(cp);
    size_t j = i + cl;
    while (j < len) {
      size_t l2;
      unsigned c2 = decode(s + j, len - j, &l2);
      if (cjk(c2) != c0)
        break;
      j += l2;
    }
    memcpy(run, s + i, j - i);
    run[j - i] = '\0';
    int f = face_font(c0, b->face);
    for (size_t k = i; k < j;) {
      size_t l3;
      use_glyph(w, f, decode(s + k, j - k, &l3));
      k += l3;
    }
    bool fake_bold = c0 && b->face == FACE_BOLD;
    HPDF_Page_SetTextRenderingMode(p, fake_bold ? HPDF_FILL_THEN_STROKE
                                                : HPDF_FILL);
    if (fake_bold)
      HPDF_Page_SetLineWidth(p, (float)(b->size * 0.035));
    HPDF_Page_SetFontAndSize(p, w->font[f], (float)b->size);
    HPDF_Page_TextOut(p, (float)x, (float)b->y, run);
    x += pdf_measure(w, s + i, j - i, b->face, b->size);
    i = j;
  }
  HPDF_Page_EndText(p);
  if (b->face == FACE_BOLD)
    HPDF_Page_SetLineWidth(p, 1);
  mem_free(run);
}

/* }====================================================== */

static void set_date(pdf_writer *w, const pdf_info *info)
{
  if (!info->has_date)
    return;
  time_t t = (time_t)info->epoch;
  struct tm tm;
  gmtime_r(&t, &tm);
  HPDF_Date d;
  memset(&d, 0, sizeof d);
  d.year = tm.tm_year + 1900;
  d.month = tm.tm_mon + 1;
  d.day = tm.tm_mday;
  d.hour = tm.tm_hour;
  d.minutes = tm.tm_min;
  d.seconds = tm.tm_sec;
  d.ind = 'Z';
  HPDF_SetInfoDateAttr(w->doc, HPDF_INFO_CREATION_DATE, d);
  HPDF_SetInfoDateAttr(w->doc, HPDF_INFO_MOD_DATE, d);
}

bool pdf_render(pdf_writer *w, const layout *lay, const pdf_info *info,
                buf *out)
{
  HPDF_Page *pages = mem_alloc(sizeof *pages * (lay->n + 1));
  for (size_t i = 0; i < lay->n; i++) {
    const lay_page *lp = &lay->pages[i];
    HPDF_Page p = HPDF_AddPage(w->doc);
    pages[i] = p;
    HPDF_Page_SetSize(p, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
    for (size_t k = 0; k < lp->n; k++) {
      const lay_box *b = &lp->boxes[k];
      switch (b->kind) {
      case BOX_TEXT:
        if (b->text && *b->text)
          draw_text(w, p, b);
        break;
      case BOX_RULE:
        set_color(p, b->color, true);
        HPDF_Page_SetLineWidth(p, (float)b->h);
        HPDF_Page_MoveTo(p, (float)b->x, (float)b->y);
        HPDF_Page_LineTo(p, (float)(b->x + b->w), (float)b->y);
        HPDF_Page_Stroke(p);
        break;
      case BOX_IMAGE: {
        HPDF_Image img = HPDF_LoadPngImageFromFile(w->doc, b->text);
        if (img) {
          /* fit the box, keeping the aspect ratio */
          double iw = HPDF_Image_GetWidth(img), ih = HPDF_Image_GetHeight(img);
          double fit = fmin(b->w / iw, b->h / ih);
          HPDF_Page_DrawImage(p, img, (float)(b->x + b->w - iw * fit),
                              (float)(b->y + b->h - ih * fit), (float)(iw * fit),
                              (float)(ih * fit));
        }
        break;
      }
      case BOX_LINE:
        set_color(p, b->color, true);
        HPDF_Page_SetLineWidth(p, (float)b->h);
        HPDF_Page_MoveTo(p, (float)b->x, (float)b->y);
        HPDF_Page_LineTo(p, (float)b->x2, (float)b->y2);
        HPDF_Page_Stroke(p);
        break;
      case BOX_POLY:
        if (b->npts < 3)
          break;
        set_color(p, b->color, false);
        HPDF_Page_MoveTo(p, (float)b->pts[0], (float)b->pts[1]);
        for (size_t q = 1; q < b->npts; q++)
          HPDF_Page_LineTo(p, (float)b->pts[2 * q], (float)b->pts[2 * q + 1]);
        HPDF_Page_ClosePath(p);
        HPDF_Page_Fill(p);
        break;
      case BOX_RECT:
        set_color(p, b->color, false);
        HPDF_Page_Rectangle(p, (float)b->x, (float)b->y, (float)b->w,
                            (float)b->h);
        HPDF_Page_Fill(p);
        break;
      }
    }
  }
  /* Outline: chapters and their sections. */
  HPDF_Encoder enc = HPDF_GetEncoder(w->doc, "UTF-8");
  HPDF_Outline chapter = NULL;
  for (size_t i = 0; i < lay->n_marks; i++) {
    const lay_mark *m = &lay->marks[i];
    HPDF_Outline parent = m->level == 1 || !chapter ? NULL : chapter;
    HPDF_Outline o = HPDF_CreateOutline(w->doc, parent, m->title, enc);
    if (!o)
      continue;
    HPDF_Destination dst = HPDF_Page_CreateDestination(pages[m->page]);
    HPDF_Destination_SetFitH(dst, (float)(m->y + 20));
    HPDF_Outline_SetDestination(o, dst);
    HPDF_Outline_SetOpened(o, HPDF_FALSE);
    if (m->level == 1)
      chapter = o;
  }
  HPDF_SetPageMode(w->doc, HPDF_PAGE_MODE_USE_OUTLINE);
  if (info->title)
    HPDF_SetInfoAttr(w->doc, HPDF_INFO_TITLE, info->title);
  if (info->author)
    HPDF_SetInfoAttr(w->doc, HPDF_INFO_AUTHOR, info->author);
  if (info->subject)
    HPDF_SetInfoAttr(w->doc, HPDF_INFO_SUBJECT, info->subject);
  if (info->keywords)
    HPDF_SetInfoAttr(w->doc, HPDF_INFO_KEYWORDS, info->keywords);
  HPDF_SetInfoAttr(w->doc, HPDF_INFO_CREATOR, "auditgen");
  HPDF_SetInfoAttr(w->doc, HPDF_INFO_PRODUCER, "auditgen with libharu");
  set_date(w, info);
  mem_free(pages);
  if (!w->error)
    HPDF_SaveToStream(w->doc);
  if (w->error) {
    diag_error(w->dl, src_none(), "PDF writer failed (libharu error 0x%04X, "
                                  "detail %u)",
               (unsigned)w->error, (unsigned)w->detail);
    return false;
  }
  HPDF_ResetStream(w->doc);
  unsigned char chunk[65536];
  for (;;) {
    HPDF_UINT32 n = sizeof chunk;
    HPDF_STATUS st = HPDF_ReadFromStream(w->doc, chunk, &n);
    if (n)
      buf_add(out, (const char *)chunk, n);
    if (st == HPDF_STREAM_EOF || !n)
      break;
  }
  return true;
}
