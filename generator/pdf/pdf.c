/* pdf.c — layout boxes to PDF through libharu (see pdf.h).
 *
 * Input: a layout. Output: PDF bytes. Invariants: every string handed to
 * libharu is UTF-8 text of one font (runs are split by script here), and
 * libharu's errors are caught by the handler and turned into one
 * diagnostic; nothing here decides where anything goes on the page. */
#include "pdf.h"

#include <hb-subset.h>
#include <hb.h>
#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <libdeflate.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../base/fileio.h"
#include "../base/image.h"
#include "../base/mem.h"
#include "../base/ttf.h"
#include "../base/dynlib.h"

/* {====================================================== libraries on demand */

#define PDF_HPDF(X) \
  X(HPDF_AddPage) X(HPDF_Array_Add) X(HPDF_Array_AddNumber) \
  X(HPDF_Array_New) X(HPDF_CallbackReader_New) X(HPDF_CreateOutline) \
  X(HPDF_Destination_SetFitH) X(HPDF_DictStream_New) X(HPDF_Dict_Add) \
  X(HPDF_Dict_AddName) X(HPDF_Dict_AddNumber) X(HPDF_Dict_GetItem) \
  X(HPDF_Dict_New) X(HPDF_Doc_FindFontDef) X(HPDF_Doc_RegisterFontDef) \
  X(HPDF_FontDef_Free) X(HPDF_Font_TextWidth) X(HPDF_Free) \
  X(HPDF_GetEncoder) X(HPDF_GetFont) X(HPDF_Image_GetHeight) \
  X(HPDF_Image_GetWidth) X(HPDF_List_ItemAt) X(HPDF_LoadJpegImageFromMem) \
  X(HPDF_LoadPngImageFromMem) X(HPDF_MemStream_FreeData) \
  X(HPDF_MemStream_GetBufCount) X(HPDF_MemStream_GetBufPtr) X(HPDF_New) \
  X(HPDF_Outline_SetDestination) X(HPDF_Outline_SetOpened) \
  X(HPDF_Page_CreateDestination) X(HPDF_Page_DrawImage) \
  X(HPDF_Page_GetLocalFontName) X(HPDF_Page_SetSize) X(HPDF_SaveToStream) \
  X(HPDF_SetCompressionMode) X(HPDF_SetCurrentEncoder) X(HPDF_SetError) \
  X(HPDF_SetInfoAttr) X(HPDF_SetInfoDateAttr) X(HPDF_SetPageMode) \
  X(HPDF_Stream_Size) X(HPDF_Stream_Write) X(HPDF_Stream_WriteStr) \
  X(HPDF_String_New) X(HPDF_TTFontDef_GetGidWidth) X(HPDF_TTFontDef_Load) \
  X(HPDF_TTFontDef_Load2) X(HPDF_TTFontDef_SetTagName) \
  X(HPDF_UseUTFEncodings)
#define PDF_HB(X) \
  X(hb_blob_create) X(hb_blob_destroy) X(hb_blob_get_data) \
  X(hb_face_create) X(hb_face_destroy) X(hb_face_reference_blob) \
  X(hb_map_get) X(hb_set_add) X(hb_subset_input_create_or_fail) \
  X(hb_subset_input_destroy) X(hb_subset_input_glyph_set) \
  X(hb_subset_input_set) X(hb_subset_plan_create_or_fail) \
  X(hb_subset_plan_destroy) X(hb_subset_plan_execute_or_fail) \
  X(hb_subset_plan_old_to_new_glyph_mapping) X(hb_tag_from_string)
DYNLIB_POINTERS(PDF_HPDF)
DYNLIB_POINTERS(PDF_HB)

/* libharu and HarfBuzz's subsetter, opened at the first pdf_new
   (dynlib.h): no other command loads them or what they depend on. */
static bool pdf_libs(diag_list *dl)
{
  static dynlib hpdf = {AUDITGEN_SONAME_HPDF, "libhpdf-2.3.0", NULL, false};
  static dynlib hb = {AUDITGEN_SONAME_HB_SUBSET, "libharfbuzz-subset0", NULL,
                      false};
  static bool bound;
  char why[DYNLIB_WHY];
  bool ok = bound;
  if (!ok)
    DYNLIB_BIND(&hpdf, PDF_HPDF, ok, why);
  if (ok && !bound)
    DYNLIB_BIND(&hb, PDF_HB, ok, why);
  if (!ok)
    diag_error(dl, src_none(), "%s", why);
  bound = ok;
  return ok;
}

#define HPDF_AddPage (*dl_HPDF_AddPage)
#define HPDF_Array_Add (*dl_HPDF_Array_Add)
#define HPDF_Array_AddNumber (*dl_HPDF_Array_AddNumber)
#define HPDF_Array_New (*dl_HPDF_Array_New)
#define HPDF_CallbackReader_New (*dl_HPDF_CallbackReader_New)
#define HPDF_CreateOutline (*dl_HPDF_CreateOutline)
#define HPDF_Destination_SetFitH (*dl_HPDF_Destination_SetFitH)
#define HPDF_DictStream_New (*dl_HPDF_DictStream_New)
#define HPDF_Dict_Add (*dl_HPDF_Dict_Add)
#define HPDF_Dict_AddName (*dl_HPDF_Dict_AddName)
#define HPDF_Dict_AddNumber (*dl_HPDF_Dict_AddNumber)
#define HPDF_Dict_GetItem (*dl_HPDF_Dict_GetItem)
#define HPDF_Dict_New (*dl_HPDF_Dict_New)
#define HPDF_Doc_FindFontDef (*dl_HPDF_Doc_FindFontDef)
#define HPDF_Doc_RegisterFontDef (*dl_HPDF_Doc_RegisterFontDef)
#define HPDF_FontDef_Free (*dl_HPDF_FontDef_Free)
#define HPDF_Font_TextWidth (*dl_HPDF_Font_TextWidth)
#define HPDF_Free (*dl_HPDF_Free)
#define HPDF_GetEncoder (*dl_HPDF_GetEncoder)
#define HPDF_GetFont (*dl_HPDF_GetFont)
#define HPDF_Image_GetHeight (*dl_HPDF_Image_GetHeight)
#define HPDF_Image_GetWidth (*dl_HPDF_Image_GetWidth)
#define HPDF_List_ItemAt (*dl_HPDF_List_ItemAt)
#define HPDF_LoadJpegImageFromMem (*dl_HPDF_LoadJpegImageFromMem)
#define HPDF_LoadPngImageFromMem (*dl_HPDF_LoadPngImageFromMem)
#define HPDF_MemStream_FreeData (*dl_HPDF_MemStream_FreeData)
#define HPDF_MemStream_GetBufCount (*dl_HPDF_MemStream_GetBufCount)
#define HPDF_MemStream_GetBufPtr (*dl_HPDF_MemStream_GetBufPtr)
#define HPDF_New (*dl_HPDF_New)
#define HPDF_Outline_SetDestination (*dl_HPDF_Outline_SetDestination)
#define HPDF_Outline_SetOpened (*dl_HPDF_Outline_SetOpened)
#define HPDF_Page_CreateDestination (*dl_HPDF_Page_CreateDestination)
#define HPDF_Page_DrawImage (*dl_HPDF_Page_DrawImage)
#define HPDF_Page_GetLocalFontName (*dl_HPDF_Page_GetLocalFontName)
#define HPDF_Page_SetSize (*dl_HPDF_Page_SetSize)
#define HPDF_SaveToStream (*dl_HPDF_SaveToStream)
#define HPDF_SetCompressionMode (*dl_HPDF_SetCompressionMode)
#define HPDF_SetCurrentEncoder (*dl_HPDF_SetCurrentEncoder)
#define HPDF_SetError (*dl_HPDF_SetError)
#define HPDF_SetInfoAttr (*dl_HPDF_SetInfoAttr)
#define HPDF_SetInfoDateAttr (*dl_HPDF_SetInfoDateAttr)
#define HPDF_SetPageMode (*dl_HPDF_SetPageMode)
#define HPDF_Stream_Size (*dl_HPDF_Stream_Size)
#define HPDF_Stream_Write (*dl_HPDF_Stream_Write)
#define HPDF_Stream_WriteStr (*dl_HPDF_Stream_WriteStr)
#define HPDF_String_New (*dl_HPDF_String_New)
#define HPDF_TTFontDef_GetGidWidth (*dl_HPDF_TTFontDef_GetGidWidth)
#define HPDF_TTFontDef_Load (*dl_HPDF_TTFontDef_Load)
#define HPDF_TTFontDef_Load2 (*dl_HPDF_TTFontDef_Load2)
#define HPDF_TTFontDef_SetTagName (*dl_HPDF_TTFontDef_SetTagName)
#define HPDF_UseUTFEncodings (*dl_HPDF_UseUTFEncodings)
#define hb_blob_create (*dl_hb_blob_create)
#define hb_blob_destroy (*dl_hb_blob_destroy)
#define hb_blob_get_data (*dl_hb_blob_get_data)
#define hb_face_create (*dl_hb_face_create)
#define hb_face_destroy (*dl_hb_face_destroy)
#define hb_face_reference_blob (*dl_hb_face_reference_blob)
#define hb_map_get (*dl_hb_map_get)
#define hb_set_add (*dl_hb_set_add)
#define hb_subset_input_create_or_fail (*dl_hb_subset_input_create_or_fail)
#define hb_subset_input_destroy (*dl_hb_subset_input_destroy)
#define hb_subset_input_glyph_set (*dl_hb_subset_input_glyph_set)
#define hb_subset_input_set (*dl_hb_subset_input_set)
#define hb_subset_plan_create_or_fail (*dl_hb_subset_plan_create_or_fail)
#define hb_subset_plan_destroy (*dl_hb_subset_plan_destroy)
#define hb_subset_plan_execute_or_fail (*dl_hb_subset_plan_execute_or_fail)
#define hb_subset_plan_old_to_new_glyph_mapping (*dl_hb_subset_plan_old_to_new_glyph_mapping)
#define hb_tag_from_string (*dl_hb_tag_from_string)

/* }====================================================== */

enum { F_CJK, F_LATIN, F_LATIN_BOLD, F_COUNT };

struct pdf_writer {
  HPDF_Doc doc;
  HPDF_Font font[F_COUNT];
  const char *bytes[F_COUNT]; /* each font file, mapped once, checked,
                                 drawn (file_map_regular) */
  size_t len[F_COUNT];
  struct reader {         /* libharu's stream over bytes[i] */
    const unsigned char *p;
    size_t len, pos;
  } rd[F_COUNT];
  const char *path[F_COUNT];
  ttf_face ttf[F_COUNT];  /* its tables */
  unsigned char *marked[F_COUNT]; /* code points drawn, a bit each */
  /* Per BMP code point: its glyph + 1 (0: not looked up yet), and its
     width in 1/1000 em, set when its bit in known is. Zero until set, so
     that the pages of code points never drawn are never touched (calloc
     gives untouched zero pages): 1.5 MB and 400 page faults a run when
     they were filled with "unknown" up front. ascii: the same widths of
     ASCII, <0 = unknown, for measuring without the bitmap. */
  uint32_t *gid[F_COUNT];
  float *widths[F_COUNT];
  unsigned char *known[F_COUNT];
  float ascii[F_COUNT][128];
  /* The codes a Latin face is drawn with (see "codes" below): per BMP
     code point its two-byte code, 0 = none yet; and per code from 0x8000
     on, its code point. NULL for a face drawn with two-byte codes. */
  uint16_t *code[F_COUNT];
  uint16_t *code_cp[F_COUNT];
  unsigned n_codes[F_COUNT];
  int canon[F_COUNT];     /* the first index drawing with the same font */
  const char **image_paths; /* the images loaded, and their XObjects */
  HPDF_Image *images;
  size_t n_images;
  bool failed;            /* a diagnostic was added while drawing */
  struct {                /* the page's graphics state as last set, so an
                             operator that would not change it is not
                             written again (content streams are ~60 % of
                             the file); reset at each page */
    uint32_t fill, stroke;
    bool has_fill, has_stroke;
    float line_width;     /* <0: not set */
    int render;           /* text rendering mode; -1: not set */
    int font;             /* F_*; -1: not set */
    float size;
    bool in_text;         /* inside BT … ET */
    bool has_line;        /* a Td was written in this text object */
    float lx, ly;         /* where its last line starts */
  } gs;
  struct libdeflate_compressor *deflater; /* see "deflate" */
  buf ops;                /* the page's operators, written at its end */
  buf raw;                /* a stream's bytes, gathered */
  char *packed;           /* and compressed */
  size_t packed_cap;
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

/* {====================================================== deflate */

/* Streams are compressed here by libdeflate instead of by libharu's zlib
   (deflate was a sixth of a report's instructions, and zlib's reading
   the stream back 4 KB at a time through libharu's memory stream another
   copy): as the document is saved, just before each stream's dictionary
   is written, its bytes are taken from the memory stream, compressed in
   one call and put back, the dictionary's filter set to none so that
   libharu copies them as they are, and /Filter /FlateDecode written into
   the dictionary by its write hook. PDF_DEFLATE_LEVEL, measured on the
   cement sample's bilingual report (whole run, callgrind): libdeflate's 6
   makes the file as small as zlib's 6 did (471,857 bytes against
   472,495) in 879 M instructions against 950 M with zlib; 1 saves 45 M
   more but grows the file to 499,916 bytes, 9 saves 4 KB for 50 M more,
   12 takes 2.4 G. */
enum { PDF_DEFLATE_LEVEL = 6 };

static HPDF_STATUS put_filter(HPDF_Dict d, HPDF_Stream out)
{
  (void)d;
  return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012");
}

/* Compresses len bytes at data into w->packed; returns the compressed
   length, 0 on failure. */
static size_t pack(pdf_writer *w, const char *data, size_t len)
{
  size_t cap = libdeflate_zlib_compress_bound(w->deflater, len);
  if (cap > w->packed_cap) {
    w->packed = mem_realloc(w->packed, cap);
    w->packed_cap = cap;
  }
  return libdeflate_zlib_compress(w->deflater, data, len, w->packed, cap);
}

/* Writes len bytes at data, deflated, as the whole of stream dictionary
   d's data (empty so far), which libharu then copies as it is. False when
   they cannot be (no compressor: libharu's zlib then deflates them). */
static bool put_packed(pdf_writer *w, HPDF_Dict d, const char *data,
                       size_t len)
{
  size_t n = w->deflater && !d->before_write_fn && !d->write_fn &&
                     d->filter == HPDF_STREAM_FILTER_FLATE_DECODE &&
                     HPDF_Stream_Size(d->stream) == 0
                 ? pack(w, data, len)
                 : 0;
  if (!n)
    return false;
  HPDF_Stream_Write(d->stream, (const HPDF_BYTE *)w->packed, (HPDF_UINT)n);
  d->filter = HPDF_STREAM_FILTER_NONE;
  d->write_fn = put_filter;
  return true;
}

static HPDF_STATUS pack_stream(HPDF_Dict d)
{
  pdf_writer *w = d->attr;
  HPDF_Stream s = d->stream;
  d->before_write_fn = NULL; /* once, should the document be saved twice */
  d->attr = NULL;
  buf_clear(&w->raw);
  for (HPDF_UINT k = 0, n = HPDF_MemStream_GetBufCount(s); k < n; k++) {
    HPDF_UINT len = 0;
    HPDF_BYTE *p = HPDF_MemStream_GetBufPtr(s, k, &len);
    if (p && len)
      buf_add(&w->raw, (const char *)p, len);
  }
  if (w->raw.len != HPDF_Stream_Size(s))
    return HPDF_SetError(d->error, HPDF_INVALID_STREAM, 0);
  size_t n = pack(w, w->raw.data, w->raw.len);
  if (!n)
    return HPDF_SetError(d->error, HPDF_ZLIB_ERROR, 0);
  HPDF_MemStream_FreeData(s);
  HPDF_STATUS st = HPDF_Stream_Write(s, (const HPDF_BYTE *)w->packed,
                                     (HPDF_UINT)n);
  d->filter = HPDF_STREAM_FILTER_NONE;
  d->write_fn = put_filter;
  return st;
}

/* Hands every stream libharu would deflate to pack_stream. A dictionary
   with hooks of its own (none in a report) is left to libharu. */
static void deflate_here(pdf_writer *w)
{
  if (!w->deflater)
    return; /* libharu's zlib then */
  for (HPDF_Xref x = w->doc->xref; x; x = x->prev)
    for (HPDF_UINT k = 0; k < x->entries->count; k++) {
      HPDF_XrefEntry e = HPDF_List_ItemAt(x->entries, k);
      HPDF_Dict d = e ? e->obj : NULL;
      if (!d || (d->header.obj_class & HPDF_OCLASS_ANY) != HPDF_OCLASS_DICT ||
          !d->stream || d->stream->type != HPDF_STREAM_MEMORY ||
          d->filter != HPDF_STREAM_FILTER_FLATE_DECODE || d->before_write_fn ||
          d->write_fn || d->attr)
        continue;
      d->attr = w;
      d->before_write_fn = pack_stream;
    }
}

/* }====================================================== */

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

/* {====================================================== codes */

/* libharu writes every string of a CID font as hex of two-byte codes
   (Identity-H, code = CID = the code point): four bytes of content
   stream per letter. Strings are written here instead, as literal
   strings, and a Latin face that the CJK text does not share gets an
   encoding CMap of its own: one byte for ASCII (code = CID = the code
   point) and two bytes, from 0x8000 on, for any other code point,
   numbered in the order first drawn (the same document numbers them the
   same). The CID of a code is the code, so that every CID lies in the
   codespace (MuPDF checks the ToUnicode map by CID against it); the
   CIDToGIDMap and the widths (see "subsets") are by CID, and the
   ToUnicode map by code. */

enum { CODE_FIRST = 0x8000 };

/* A literal string is built in a small staging array and appended to
   the page's operators in pieces, not a byte at a time. */
typedef struct stage {
  buf *b;
  size_t n;
  char d[256];
} stage;

static void put_byte(stage *t, unsigned c)
{
  if (t->n + 3 > sizeof t->d) { /* room for two bytes and the ')' */
    buf_add(t->b, t->d, t->n);
    t->n = 0;
  }
  if (c == '(' || c == ')' || c == '\\') {
    t->d[t->n++] = '\\';
    t->d[t->n++] = (char)c;
  } else if (c == '\r') {
    t->d[t->n++] = '\\'; /* a bare CR would be read as LF */
    t->d[t->n++] = 'r';
  } else {
    t->d[t->n++] = (char)c;
  }
}

static unsigned decode(const char *s, size_t n, size_t *len);

/* Appends the literal string of run s (UTF-8, one font f). */
static void encode_run(pdf_writer *w, int f, const char *s, size_t len,
                       buf *b)
{
  int c = w->canon[f];
  stage t = {b, 1, {'('}};
  for (size_t i = 0; i < len;) {
    size_t cl;
    unsigned cp = decode(s + i, len - i, &cl);
    i += cl;
    if (cp > 0xFFFF)
      cp = 0; /* as .notdef: the faces are read for the BMP only */
    if (!w->code[c]) {
      put_byte(&t, cp >> 8);
      put_byte(&t, cp & 0xFF);
      continue;
    }
    if (cp < 0x80) {
      put_byte(&t, cp);
      continue;
    }
    unsigned code = w->code[c][cp];
    if (!code) {
      /* at most the BMP's non-CJK code points, well below 0x8000 of
         them; past that, .notdef */
      if (w->n_codes[c] >= 0x10000 - CODE_FIRST) {
        put_byte(&t, 0);
        continue;
      }
      code = CODE_FIRST + w->n_codes[c];
      w->code_cp[c][w->n_codes[c]++] = (uint16_t)cp;
      w->code[c][cp] = (uint16_t)code;
    }
    put_byte(&t, code >> 8);
    put_byte(&t, code & 0xFF);
  }
  t.d[t.n++] = ')';
  buf_add(b, t.d, t.n);
}

static void cmap_head(buf *b, const char *name, bool to_unicode)
{
  buf_printf(b, "/CIDInit /ProcSet findresource begin\n12 dict begin\n"
                "begincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering "
                "(%s) /Supplement 0 >> def\n/CMapName /%s def\n"
                "/CMapType %d def\n2 begincodespacerange\n<00> <7F>\n"
                "<8000> <FFFF>\nendcodespacerange\n",
             to_unicode ? "UCS" : "Identity", name, to_unicode ? 2 : 1);
}

static void cmap_tail(buf *b)
{
  buf_puts(b, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\n"
              "end\n");
}

/* The pairs code → code point of font c's two-byte codes, as bfchar
   entries in blocks of at most 100. */
static void cmap_pairs(const pdf_writer *w, int c, buf *b)
{
  for (unsigned i = 0; i < w->n_codes[c]; i += 100) {
    unsigned k = w->n_codes[c] - i < 100 ? w->n_codes[c] - i : 100;
    buf_printf(b, "%u beginbfchar\n", k);
    for (unsigned j = i; j < i + k; j++)
      buf_printf(b, "<%04X> <%04X>\n", CODE_FIRST + j, w->code_cp[c][j]);
    buf_puts(b, "endbfchar\n");
  }
}

/* Gives font c its encoding CMap and the ToUnicode map of its codes. */
static bool finish_codes(pdf_writer *w, int c)
{
  HPDF_Font font = w->font[c];
  HPDF_FontAttr fa = (HPDF_FontAttr)font->attr;
  char name[32];
  snprintf(name, sizeof name, "Auditgen-Codes-%d", c);
  buf b;
  buf_init(&b);
  cmap_head(&b, name, false);
  /* CID = code: one range for ASCII, one per high byte of the others
     (a range varies its last byte only) */
  unsigned hi_n = (w->n_codes[c] + 255) / 256;
  buf_printf(&b, "%u begincidrange\n<00> <7F> 0\n", 1 + hi_n);
  for (unsigned h = 0; h < hi_n; h++) {
    unsigned lo = CODE_FIRST + 256 * h;
    buf_printf(&b, "<%04X> <%04X> %u\n", lo, lo + 255, lo);
  }
  buf_puts(&b, "endcidrange\n");
  cmap_tail(&b);
  HPDF_STATUS st = HPDF_OK;
  HPDF_Dict cmap = HPDF_DictStream_New(font->mmgr, fa->xref);
  HPDF_Dict info = cmap ? HPDF_Dict_New(font->mmgr) : NULL;
  if (!cmap || !info) {
    buf_fini(&b);
    return false;
  }
  cmap->filter = font->filter;
  st += HPDF_Dict_AddName(cmap, "Type", "CMap");
  st += HPDF_Dict_AddName(cmap, "CMapName", name);
  st += HPDF_Dict_Add(info, "Registry", HPDF_String_New(font->mmgr, "Adobe", NULL));
  st += HPDF_Dict_Add(info, "Ordering",
                      HPDF_String_New(font->mmgr, "Identity", NULL));
  st += HPDF_Dict_AddNumber(info, "Supplement", 0);
  st += HPDF_Dict_Add(cmap, "CIDSystemInfo", info);
  st += HPDF_Stream_Write(cmap->stream, (const HPDF_BYTE *)b.data,
                          (HPDF_UINT)b.len);
  st += HPDF_Dict_Add(font, "Encoding", cmap);

  HPDF_Dict tu = HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT);
  if (tu && tu->stream) {
    buf_clear(&b);
    cmap_head(&b, "Adobe-Identity-UCS", true);
    buf_puts(&b, "1 beginbfrange\n<00> <7F> <0000>\nendbfrange\n");
    cmap_pairs(w, c, &b);
    cmap_tail(&b);
    HPDF_MemStream_FreeData(tu->stream);
    st += HPDF_Stream_Write(tu->stream, (const HPDF_BYTE *)b.data,
                            (HPDF_UINT)b.len);
  }
  buf_fini(&b);
  return st == HPDF_OK;
}

/* A position on the 1/8-pt grid (see grid()), as the shortest decimal. */
static void put_num(buf *b, double v)
{
  static const char *const eighth[8] = {"",    ".125", ".25", ".375",
                                        ".5",  ".625", ".75", ".875"};
  long e = lround(v * 8);
  char t[32], *p = t + sizeof t;
  unsigned long u = e < 0 ? 0ul - (unsigned long)e : (unsigned long)e;
  const char *frac = eighth[u % 8];
  size_t fl = strlen(frac);
  p -= fl;
  memcpy(p, frac, fl);
  unsigned long whole = u / 8;
  do {
    *--p = (char)('0' + whole % 10);
    whole /= 10;
  } while (whole);
  if (e < 0)
    *--p = '-';
  buf_add(b, p, (size_t)(t + sizeof t - p));
}

/* {====================================================== subsets */

/* libharu 2.3's "subset" keeps every glyph slot of the face (for
   WenQuanYi: 49,531 entries of loca, hmtx and post for a few hundred
   glyphs drawn) and misses the components of composite glyphs. So the
   font file is cut here with HarfBuzz's subsetter, which keeps only the
   glyphs drawn and what they are built from and numbers them afresh; the
   content streams are unchanged (CID = the code point, as libharu writes
   them) and the CIDToGIDMap and the widths (W) are rewritten for the code
   points drawn only. */

/* Marks code point cp of font f drawn. */
static void use_glyph(pdf_writer *w, int f, unsigned cp)
{
  if (cp <= 0xFFFF)
    w->marked[f][cp >> 3] |= (unsigned char)(1u << (cp & 7));
}

static bool drawn(const pdf_writer *w, HPDF_Font font, unsigned cp)
{
  for (int i = 0; i < F_COUNT; i++)
    if (w->font[i] == font && (w->marked[i][cp >> 3] & (1u << (cp & 7))))
      return true;
  return false;
}

/* The glyph font i draws for code point cp, looked up once per code
   point. */
static unsigned glyph_of(pdf_writer *w, int i, unsigned cp)
{
  if (!w->gid[i][cp])
    w->gid[i][cp] = ttf_glyph(&w->ttf[i], cp) + 1;
  return w->gid[i][cp] - 1;
}

/* The code point font i draws as CID cid, or -1 for a CID not drawn:
   the CID is the code point, or for a face with codes of its own (see
   "codes") the code. */
static long cp_of_cid(const pdf_writer *w, int i, unsigned cid)
{
  const int c = w->canon[i];
  long cp = cid;
  if (w->code[c] && cid >= 0x80)
    cp = cid >= CODE_FIRST && cid - CODE_FIRST < w->n_codes[c]
             ? w->code_cp[c][cid - CODE_FIRST]
             : -1;
  return cp >= 0 && drawn(w, w->font[i], (unsigned)cp) ? cp : -1;
}

/* When HarfBuzz cannot cut a face (a damaged font that libharu still
   reads), libharu's own subset is embedded as before: the glyphs drawn
   and, since libharu 2.3's subsetter would leave composite glyphs blank,
   the glyphs they are built from, marked used. */
typedef struct marker {
  HPDF_TTFontDefAttr attr;
  unsigned char *walked; /* glyphs whose components are marked */
} marker;

static bool mark(void *ctx, unsigned gid)
{
  marker *m = ctx;
  if (gid < m->attr->num_glyphs)
    m->attr->glyph_tbl.flgs[gid] = 1;
  unsigned char bit = (unsigned char)(1u << (gid & 7));
  if (m->walked[gid >> 3] & bit)
    return false;
  m->walked[gid >> 3] |= bit;
  return true;
}

static void mark_for_libharu(pdf_writer *w, int i)
{
  HPDF_FontAttr fa = (HPDF_FontAttr)w->font[i]->attr;
  marker m = {(HPDF_TTFontDefAttr)fa->fontdef->attr,
              mem_alloc(w->ttf[i].num_glyphs / 8 + 1)};
  for (unsigned cp = 0; cp <= 0xFFFF; cp++)
    if (drawn(w, w->font[i], cp)) {
      unsigned gid = glyph_of(w, i, cp);
      if (mark(&m, gid))
        ttf_components(&w->ttf[i], gid, mark, &m);
    }
  mem_free(m.walked);
}

/* Embeds the subset of font i (and of every other index drawing with the
   same libharu font). False after a diagnostic. */
static bool embed_subset(pdf_writer *w, int i)
{
  HPDF_Font font = w->font[i];
  HPDF_FontAttr fa = (HPDF_FontAttr)font->attr;
  HPDF_TTFontDefAttr da = (HPDF_TTFontDefAttr)fa->fontdef->attr;
  hb_blob_t *blob = hb_blob_create(w->bytes[i], (unsigned)w->ttf[i].size,
                                   HB_MEMORY_MODE_READONLY, NULL, NULL);
  hb_face_t *face = hb_face_create(blob, 0);
  hb_subset_input_t *in = hb_subset_input_create_or_fail();
  hb_subset_plan_t *plan = NULL;
  hb_face_t *sub = NULL;
  hb_blob_t *out = NULL;
  bool ok = false;
  if (!in)
    goto done;
  hb_set_t *glyphs = hb_subset_input_glyph_set(in);
  for (unsigned cp = 0; cp <= 0xFFFF; cp++)
    if (drawn(w, font, cp))
      hb_set_add(glyphs, glyph_of(w, i, cp));
  /* layout tables serve shaping, which a PDF does not do */
  hb_set_t *drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
  static const char *const dropped[] = {"GSUB", "GPOS", "GDEF", "BASE",
                                        "JSTF", "DSIG", "kern", "morx"};
  for (size_t k = 0; k < sizeof dropped / sizeof *dropped; k++)
    hb_set_add(drop, hb_tag_from_string(dropped[k], 4));
  plan = hb_subset_plan_create_or_fail(face, in);
  const hb_map_t *to_new =
      plan ? hb_subset_plan_old_to_new_glyph_mapping(plan) : NULL;
  sub = plan ? hb_subset_plan_execute_or_fail(plan) : NULL;
  out = sub ? hb_face_reference_blob(sub) : NULL;
  unsigned n = 0;
  const char *data = out ? hb_blob_get_data(out, &n) : NULL;
  HPDF_STATUS st = HPDF_OK;
  if (!n) {
    /* libharu's own subset: every glyph keeps its number */
    mark_for_libharu(w, i);
    to_new = NULL;
  } else {
    /* the descriptor, as libharu writes it, without libharu's font file */
    da->embedding = HPDF_FALSE;
    st = font->before_write_fn(font);
    da->embedding = HPDF_TRUE;
    HPDF_Dict desc = fa->fontdef->descriptor;
    if (st != HPDF_OK || !desc)
      goto done;
    HPDF_Dict file = HPDF_DictStream_New(font->mmgr, fa->xref);
    if (!file)
      goto done;
    file->filter = font->filter; /* deflate, as the other streams */
    if (!put_packed(w, file, data, n))
      st = HPDF_Stream_Write(file->stream, (const HPDF_BYTE *)data, n);
    st += HPDF_Dict_AddNumber(file, "Length1", n);
    st += HPDF_Dict_Add(desc, "FontFile2", file);
  }

  /* CIDToGIDMap: CID → new glyph, up to the last CID drawn */
  unsigned max_cid = 0;
  for (unsigned cid = 0; cid <= 0xFFFF; cid++)
    if (cp_of_cid(w, i, cid) >= 0)
      max_cid = cid;
  unsigned char *map = mem_alloc(2 * ((size_t)max_cid + 1));
  for (unsigned cid = 0; cid <= max_cid; cid++) {
    unsigned g = 0;
    long cp = cp_of_cid(w, i, cid);
    if (cp >= 0) {
      g = glyph_of(w, i, (unsigned)cp);
      hb_codepoint_t ng = to_new ? hb_map_get(to_new, g) : g;
      g = ng == HB_MAP_VALUE_INVALID ? 0 : ng;
    }
    map[2 * cid] = (unsigned char)(g >> 8);
    map[2 * cid + 1] = (unsigned char)g;
  }
  HPDF_MemStream_FreeData(fa->map_stream->stream);
  st += HPDF_Stream_Write(fa->map_stream->stream, map,
                          (HPDF_UINT)(2 * ((size_t)max_cid + 1)));
  mem_free(map);

  /* W: the width of each CID drawn, runs of consecutive ones together */
  HPDF_Array widths = HPDF_Array_New(font->mmgr);
  if (!widths)
    goto done;
  HPDF_Array run = NULL;
  for (unsigned cid = 0; cid <= max_cid; cid++) {
    long cp = cp_of_cid(w, i, cid);
    if (cp < 0) {
      run = NULL;
      continue;
    }
    if (!run) {
      st += HPDF_Array_AddNumber(widths, (HPDF_INT32)cid);
      run = HPDF_Array_New(font->mmgr);
      if (!run || HPDF_Array_Add(widths, run) != HPDF_OK)
        goto done;
    }
    st += HPDF_Array_AddNumber(
        run, (HPDF_INT32)HPDF_TTFontDef_GetGidWidth(
                 fa->fontdef, (HPDF_UINT16)glyph_of(w, i, (unsigned)cp)));
  }
  st += HPDF_Dict_Add(fa->descendant_font, "W", widths);
  ok = st == HPDF_OK;
done:
  if (!ok && !w->error)
    diag_error(w->dl, src_none(), "cannot embed a subset of font %s",
               w->path[i]);
  hb_blob_destroy(out);
  hb_face_destroy(sub);
  hb_subset_plan_destroy(plan);
  hb_subset_input_destroy(in);
  hb_face_destroy(face);
  hb_blob_destroy(blob);
  return ok;
}

/* }====================================================== */

/* libharu reads a face through a stream: this one reads the mapped bytes
   in place (a memory stream would copy the whole file, 5 MB for the CJK
   face, of which libharu reads the tables and the subset the glyphs
   drawn). It answers as libharu's memory stream does: a short read is
   HPDF_STREAM_EOF, a seek outside the bytes an error. */
static HPDF_STATUS rd_read(HPDF_Stream s, HPDF_BYTE *ptr, HPDF_UINT *siz)
{
  struct reader *r = s->attr;
  size_t n = r->len - r->pos < *siz ? r->len - r->pos : *siz;
  memcpy(ptr, r->p + r->pos, n);
  r->pos += n;
  bool eof = n < *siz;
  *siz = (HPDF_UINT)n;
  return eof ? HPDF_STREAM_EOF : HPDF_OK;
}

static HPDF_STATUS rd_seek(HPDF_Stream s, HPDF_INT pos, HPDF_WhenceMode mode)
{
  struct reader *r = s->attr;
  long long to = mode == HPDF_SEEK_CUR   ? (long long)r->pos + pos
                 : mode == HPDF_SEEK_END ? (long long)r->len + pos
                                         : pos;
  if (to < 0 || (unsigned long long)to > r->len)
    return HPDF_SetError(s->error, HPDF_STREAM_EOF, 0);
  r->pos = (size_t)to;
  return HPDF_OK;
}

static HPDF_INT32 rd_tell(HPDF_Stream s)
{
  return (HPDF_INT32)((struct reader *)s->attr)->pos;
}

static HPDF_UINT32 rd_size(HPDF_Stream s)
{
  return (HPDF_UINT32)((struct reader *)s->attr)->len;
}

/* Loads font i from its bytes, mapped and checked here (the style checked
   the same file when it loaded; a file changed since is caught again),
   through a stream over them, as libharu's HPDF_LoadTTFontFromFile would
   from the file: so the bytes checked are the bytes embedded, and a
   collection is known by its content, not its name. Returns libharu's
   name of the face, or NULL after a diagnostic. */
static const char *load_face(pdf_writer *w, int i, const char *path)
{
  size_t len = 0;
  int err;
  w->bytes[i] = path ? file_map_regular(path, TTF_MAX_BYTES, &len, &err)
                     : NULL;
  w->len[i] = len;
  if (!w->bytes[i]) {
    diag_error(w->dl, src_none(), "font %s: %s", path ? path : "(none)",
               path ? file_strerror(err) : "no path");
    return NULL;
  }
  char why[200];
  if (!ttf_open(&w->ttf[i], w->bytes[i], len, why, sizeof why)) {
    diag_error(w->dl, src_none(), "font %s %s", path, why);
    return NULL;
  }
  HPDF_Doc pdf = w->doc;
  w->rd[i] = (struct reader){(const unsigned char *)w->bytes[i], len, 0};
  HPDF_Stream s = HPDF_CallbackReader_New(pdf->mmgr, rd_read, rd_seek,
                                          rd_tell, rd_size, &w->rd[i]);
  if (!s)
    return NULL;
  /* the definition owns the stream from here, on failure too */
  HPDF_FontDef def = w->ttf[i].collection
                         ? HPDF_TTFontDef_Load2(pdf->mmgr, s, 0, HPDF_TRUE)
                         : HPDF_TTFontDef_Load(pdf->mmgr, s, HPDF_TRUE);
  if (!def)
    return NULL;
  HPDF_FontDef have = HPDF_Doc_FindFontDef(pdf, def->base_font);
  if (have) {
    /* a face of the same name is loaded: libharu draws that one, so its
       tables are the ones to follow */
    for (int j = 0; j < i; j++)
      if (w->font[j] &&
          ((HPDF_FontAttr)w->font[j]->attr)->fontdef == have) {
        w->ttf[i] = w->ttf[j];
        break;
      }
    HPDF_FontDef_Free(def);
    return have->base_font;
  }
  /* the subset tag, as libharu gives it: HPDFAA, HPDFAB, … */
  if (pdf->ttfont_tag[0] == 0) {
    memcpy(pdf->ttfont_tag, "HPDFAA", 6);
  } else {
    for (int k = 5; k >= 0; k--) {
      pdf->ttfont_tag[k] += 1;
      if (pdf->ttfont_tag[k] > 'Z')
        pdf->ttfont_tag[k] = 'A';
      else
        break;
    }
  }
  HPDF_TTFontDef_SetTagName(def, (char *)pdf->ttfont_tag);
  if (HPDF_Doc_RegisterFontDef(pdf, def) != HPDF_OK)
    return NULL;
  return def->base_font;
}

/* libharu's font of face name, in UTF-8. Making it, libharu looks up
   the glyph of each of the 65,536 code points through the face's cmap,
   searching its segments one by one (a fifth of a report's time for
   WenQuanYi's thousands of segments), for a CIDToGIDMap and widths that
   are rewritten anyway for the CIDs drawn (embed_subset). So the cmap is
   replaced for the call by one that maps every code point to glyph 0 and
   restored after it, for libharu's measuring; likewise the default width.
   That cmap ends, as libharu's search needs, with the segment U+FFFF
   (whose delta 1 takes it to glyph 0): a code point past the last
   segment's end would be read past the arrays, and the garbage glyphs
   read there gave a W array of thousands of entries built and thrown
   away for each face. */
static HPDF_Font get_font(pdf_writer *w, const char *name)
{
  HPDF_FontDef def = HPDF_Doc_FindFontDef(w->doc, name);
  HPDF_TTFontDefAttr attr =
      def && def->type == HPDF_FONTDEF_TYPE_TRUETYPE
          ? (HPDF_TTFontDefAttr)def->attr
          : NULL;
  /* U+0000 → none (start 1 > end 0), U+FFFF → 0xFFFF + 1 = glyph 0;
     every other code point falls between them, before the second
     segment's start: glyph 0 */
  static HPDF_UINT16 end[2] = {0, 0xFFFF}, start[2] = {1, 0xFFFF},
                     range[2] = {0, 0};
  static HPDF_INT16 delta[2] = {0, 1};
  HPDF_TTF_CmapRange cmap;
  HPDF_INT16 dw = def ? def->missing_width : 0;
  bool cut = attr && attr->cmap.format == 4 && attr->cmap.seg_count_x2 >= 2;
  if (cut) {
    cmap = attr->cmap;
    attr->cmap.seg_count_x2 = 4;
    attr->cmap.end_count = end;
    attr->cmap.start_count = start;
    attr->cmap.id_delta = delta;
    attr->cmap.id_range_offset = range;
    /* and its W array lists every code point whose glyph (now .notdef)
       differs in width from the default: with the default width that of
       .notdef, the glyph of every CID not drawn, it lists none, and DW
       is right for those CIDs */
    def->missing_width = (HPDF_INT16)HPDF_TTFontDef_GetGidWidth(def, 0);
  }
  HPDF_Font font = HPDF_GetFont(w->doc, name, "UTF-8");
  if (cut) {
    attr->cmap = cmap;
    def->missing_width = dw;
  }
  return font;
}

pdf_writer *pdf_new(diag_list *dl, const pdf_fonts *fonts)
{
  if (!pdf_libs(dl))
    return NULL;
  const char *paths[F_COUNT] = {fonts->cjk, fonts->latin, fonts->latin_bold};
  pdf_writer *w = mem_alloc(sizeof *w);
  w->dl = dl;
  w->deflater = libdeflate_alloc_compressor(PDF_DEFLATE_LEVEL);
  buf_init(&w->ops);
  buf_init(&w->raw);
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
    size_t before = diag_errors(dl);
    const char *name = load_face(w, i, paths[i]);
    w->font[i] = name && !w->error ? get_font(w, name) : NULL;
    if (!w->font[i] || w->error) {
      if (diag_errors(dl) == before)
        diag_error(dl, src_none(), "cannot load font %s (libharu error "
                                   "0x%04X)",
                   paths[i], (unsigned)(w->error ? w->error
                                                 : w->doc->error.error_no));
      pdf_free(w);
      return NULL;
    }
    fix_to_unicode(w->font[i]);
    w->path[i] = paths[i];
    w->marked[i] = mem_alloc(65536 / 8);
    w->gid[i] = mem_alloc(sizeof(uint32_t) * 65536);
    w->widths[i] = mem_alloc(sizeof(float) * 65536);
    w->known[i] = mem_alloc(65536 / 8);
    for (size_t k = 0; k < 128; k++)
      w->ascii[i][k] = -1;
  }
  for (int i = 0; i < F_COUNT; i++) {
    w->canon[i] = i;
    for (int j = i - 1; j >= 0; j--)
      if (w->font[j] == w->font[i])
        w->canon[i] = j;
    if (w->canon[i] == i && w->font[i] != w->font[F_CJK]) {
      w->code[i] = mem_alloc(sizeof(uint16_t) * 65536); /* zeroed */
      w->code_cp[i] = mem_alloc(sizeof(uint16_t) * (0x10000 - CODE_FIRST));
    }
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
    mem_free(w->known[i]);
    mem_free(w->marked[i]);
    mem_free(w->gid[i]);
    file_unmap(w->bytes[i], w->len[i]);
    mem_free(w->code[i]);
    mem_free(w->code_cp[i]);
  }
  mem_free(w->image_paths);
  mem_free(w->images);
  if (w->deflater)
    libdeflate_free_compressor(w->deflater);
  buf_fini(&w->ops);
  buf_fini(&w->raw);
  mem_free(w->packed);
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
  unsigned char bit = (unsigned char)(1u << (cp & 7));
  if (cp < 65536 && (w->known[f][cp >> 3] & bit))
    return w->widths[f][cp];
  HPDF_TextWidth tw = HPDF_Font_TextWidth(w->font[f], (const HPDF_BYTE *)s,
                                          (HPDF_UINT)len);
  float v = (float)tw.width;
  if (cp < 65536) {
    w->widths[f][cp] = v;
    w->known[f][cp >> 3] |= bit;
    if (cp < 128)
      w->ascii[f][cp] = v;
  }
  return v;
}

double pdf_measure(void *ctx, const char *s, size_t len, lay_face face,
                   double size)
{
  pdf_writer *w = ctx;
  /* ASCII, once its width is known, straight from the Latin face's table:
     the layout measures a character at a time */
  const float *ascii = w->ascii[face_font(false, face)];
  double total = 0;
  size_t i = 0;
  while (i < len) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80 && ascii[c] >= 0) {
      total += (double)ascii[c];
      i++;
      continue;
    }
    size_t cl;
    unsigned cp = decode(s + i, len - i, &cl);
    int f = face_font(cjk(cp), face);
    total += (double)glyph_width(w, f, s + i, cl, cp);
    i += cl;
  }
  return total * size / 1000.0;
}

/* {====================================================== metrics */

struct pdf_metrics {
  const char *bytes[F_COUNT]; /* mapped (file_map_regular) */
  size_t len[F_COUNT];
  ttf_face ttf[F_COUNT];
  float *widths[F_COUNT]; /* per BMP code point, 1/1000 em; <0 = unknown */
};

pdf_metrics *pdf_metrics_new(diag_list *dl, const pdf_fonts *fonts)
{
  const char *paths[F_COUNT] = {fonts->cjk, fonts->latin, fonts->latin_bold};
  pdf_metrics *m = mem_alloc(sizeof *m);
  memset(m, 0, sizeof *m);
  for (int i = 0; i < F_COUNT; i++) {
    size_t len = 0;
    int err;
    m->bytes[i] = paths[i] ? file_map_regular(paths[i], TTF_MAX_BYTES, &len,
                                              &err)
                           : NULL;
    m->len[i] = len;
    if (!m->bytes[i]) {
      diag_error(dl, src_none(), "font %s: %s", paths[i] ? paths[i] : "(none)",
                 paths[i] ? file_strerror(err) : "no path");
      pdf_metrics_free(m);
      return NULL;
    }
    char why[200];
    if (!ttf_open(&m->ttf[i], m->bytes[i], len, why, sizeof why)) {
      diag_error(dl, src_none(), "font %s %s", paths[i], why);
      pdf_metrics_free(m);
      return NULL;
    }
    m->widths[i] = mem_alloc(sizeof(float) * 65536);
    for (size_t k = 0; k < 65536; k++)
      m->widths[i][k] = -1;
  }
  return m;
}

void pdf_metrics_free(pdf_metrics *m)
{
  if (!m)
    return;
  for (int i = 0; i < F_COUNT; i++) {
    mem_free(m->widths[i]);
    file_unmap(m->bytes[i], m->len[i]);
  }
  mem_free(m);
}

double pdf_metrics_measure(void *ctx, const char *s, size_t len,
                           lay_face face, double size)
{
  pdf_metrics *m = ctx;
  double total = 0;
  size_t i = 0;
  while (i < len) {
    size_t cl;
    unsigned cp = decode(s + i, len - i, &cl);
    int f = face_font(cjk(cp), face);
    float v;
    if (cp < 65536 && m->widths[f][cp] >= 0) {
      v = m->widths[f][cp];
    } else {
      /* libharu's UTF-8 reading takes a code point past the BMP for a
         space */
      unsigned c = cp < 65536 ? cp : 0x20;
      /* and adds the width as a 16-bit signed number to an unsigned 32-bit
         sum: an advance past 32.767 em comes out near 2^32, as it does
         in the PDF's measure */
      int16_t w16 = (int16_t)ttf_width(&m->ttf[f], ttf_glyph(&m->ttf[f], c));
      v = (float)(uint32_t)(int32_t)w16;
      if (cp < 65536)
        m->widths[f][cp] = v;
    }
    total += (double)v;
    i += cl;
  }
  return total * size / 1000.0;
}

/* }====================================================== */

/* A position or length on a grid of 1/8 pt (0.044 mm, far below what
   print or screen shows): eighths are exact in binary, so libharu writes
   them with at most three decimals, and the differences it takes for
   relative moves stay on the grid — the content streams deflate ~10 %
   smaller than with five noisy decimals. */
static float grid(double v)
{
  return (float)(floor(v * 8 + 0.5) / 8);
}

static void reset_state(pdf_writer *w)
{
  w->gs.has_fill = w->gs.has_stroke = false;
  w->gs.line_width = -1;
  w->gs.render = -1;
  w->gs.font = -1;
  w->gs.size = 0;
  w->gs.in_text = false;
}

/* The page's operators are gathered in w->ops and written into its
   content stream once, at the end of the page (or before an image, the
   one thing drawn through libharu): libharu's operator calls cost a
   512-byte clear of a buffer and a stream write each, 4,000 instructions
   a call, for a few bytes of output. The numbers are written as libharu
   writes them (real_num: up to five decimals, trailing zeros dropped;
   positions on the grid by put_num, which gives the same digits), so the
   streams are the ones libharu wrote. libharu's own graphics mode stays
   "page description" throughout, so its checks and its closing of the
   page at save (ending a text object or path it believes open) never
   apply. */

/* A real as libharu's HPDF_FToA writes it: float arithmetic, five
   decimals, truncated after adding 0.000005, trailing zeros and a bare
   point dropped. */
static void real_num(buf *b, float val)
{
  char t[32], *e = t + sizeof t, *p = e;
  if (val > 32767.0f)
    val = 32767.0f;
  else if (val < -32767.0f)
    val = -32767.0f;
  bool neg = val < 0;
  if (neg)
    val = -val;
  int32_t int_val = (int32_t)((double)val + 0.000005);
  int32_t fpart =
      (int32_t)((float)((double)(val - (float)int_val) + 0.000005) * 100000);
  char frac[5];
  for (int i = 4; i >= 0; i--) {
    frac[i] = (char)('0' + fpart % 10);
    fpart /= 10;
  }
  int nf = 5;
  while (nf > 0 && frac[nf - 1] == '0')
    nf--;
  p -= nf;
  memcpy(p, frac, (size_t)nf);
  if (nf)
    *--p = '.';
  do {
    *--p = (char)('0' + int_val % 10);
    int_val /= 10;
  } while (int_val > 0);
  if (neg)
    *--p = '-';
  buf_add(b, p, (size_t)(e - p));
}

/* A position on the grid and a space. */
static void op_num(pdf_writer *w, double v)
{
  put_num(&w->ops, grid(v));
  buf_putc(&w->ops, ' ');
}

/* Writes the page's gathered operators into its content stream. The
   whole page's (end: at its end, nothing written before, as on a page
   without images) go in deflated, straight from w->ops: not copied into
   libharu's memory stream, gathered back and put back (pack_stream). */
static void flush_ops(pdf_writer *w, HPDF_Page p, bool end)
{
  if (!w->ops.len)
    return;
  HPDF_PageAttr attr = (HPDF_PageAttr)p->attr;
  if (!end || !put_packed(w, attr->contents, w->ops.data, w->ops.len))
    HPDF_Stream_Write(attr->stream, (const HPDF_BYTE *)w->ops.data,
                      (HPDF_UINT)w->ops.len);
  buf_clear(&w->ops);
}

/* Ends the text object open, if any: text boxes that follow each other
   share one, so a line's runs and the lines of a paragraph move by short
   relative Td offsets. */
static void end_text(pdf_writer *w)
{
  if (w->gs.in_text)
    buf_puts(&w->ops, "ET\012");
  w->gs.in_text = false;
}

static void set_color(pdf_writer *w, uint32_t c, bool stroke)
{
  if (stroke ? w->gs.has_stroke && w->gs.stroke == c
             : w->gs.has_fill && w->gs.fill == c)
    return;
  for (int k = 16; k >= 0; k -= 8) {
    real_num(&w->ops, (float)((c >> k) & 0xFF) / 255.0f);
    buf_putc(&w->ops, ' ');
  }
  buf_puts(&w->ops, stroke ? "RG\012" : "rg\012");
  if (stroke) {
    w->gs.stroke = c;
    w->gs.has_stroke = true;
  } else {
    w->gs.fill = c;
    w->gs.has_fill = true;
  }
}

static void set_line_width(pdf_writer *w, float width)
{
  if (w->gs.line_width == width)
    return;
  real_num(&w->ops, width);
  buf_puts(&w->ops, " w\012");
  w->gs.line_width = width;
}

/* Draws one text box, a run per face. CJK bold is drawn as fill and
   stroke: the CJK face has no bold weight. */
static void draw_text(pdf_writer *w, HPDF_Page p, const lay_box *b)
{
  const char *s = b->text;
  size_t len = strlen(s), i = 0;
  double x = b->x;
  buf *ops = &w->ops;
  set_color(w, b->color, false);
  if (!w->gs.in_text) {
    buf_puts(ops, "BT\012");
    w->gs.in_text = true;
    w->gs.has_line = false;
  }
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
    int f = face_font(c0, b->face);
    for (size_t k = i; k < j;) {
      size_t l3;
      use_glyph(w, f, decode(s + k, j - k, &l3));
      k += l3;
    }
    bool fake_bold = c0 && b->face == FACE_BOLD;
    int render = fake_bold ? HPDF_FILL_THEN_STROKE : HPDF_FILL;
    if (w->gs.render != render) {
      buf_printf(ops, "%d Tr\012", render);
      w->gs.render = render;
    }
    if (fake_bold) {
      set_color(w, b->color, true);
      set_line_width(w, (float)(b->size * 0.035));
    }
    if (w->gs.font != f || w->gs.size != (float)b->size) {
      /* the font's name in the page's resources, added there the first
         time (as libharu's HPDF_Page_SetFontAndSize does) */
      const char *name = HPDF_Page_GetLocalFontName(p, w->font[f]);
      if (!name) {
        w->failed = true;
        name = "F0";
      }
      buf_putc(ops, '/');
      buf_puts(ops, name);
      buf_putc(ops, ' ');
      real_num(ops, (float)b->size);
      buf_puts(ops, " Tf\012");
      w->gs.font = f;
      w->gs.size = (float)b->size;
    }
    float gx = grid(x), gy = grid(b->y);
    put_num(ops, w->gs.has_line ? gx - w->gs.lx : gx);
    buf_putc(ops, ' ');
    put_num(ops, w->gs.has_line ? gy - w->gs.ly : gy);
    buf_puts(ops, " Td\n");
    encode_run(w, f, s + i, j - i, ops);
    buf_puts(ops, " Tj\n");
    w->gs.lx = gx;
    w->gs.ly = gy;
    w->gs.has_line = true;
    x += pdf_measure(w, s + i, j - i, b->face, b->size);
    i = j;
  }
}

/* }====================================================== */

/* The image at path (PNG or JPEG, by its content), read and checked
   (image.h: the style or the facility file checked it when it loaded; a
   file changed since is caught again) and drawn from the checked bytes,
   once per document. NULL after a diagnostic. */
static HPDF_Image load_image(pdf_writer *w, const char *path)
{
  for (size_t i = 0; i < w->n_images; i++)
    if (strcmp(w->image_paths[i], path) == 0)
      return w->images[i];
  size_t len;
  int err;
  char *data = file_read_regular(path, IMAGE_JPEG_MAX_BYTES, &len, &err);
  image_png png;
  image_jpeg jpg;
  char why[200];
  HPDF_Image img = NULL;
  if (!data) {
    diag_error(w->dl, src_none(), "image %s: %s", path, file_strerror(err));
  } else if (len >= 2 && (unsigned char)data[0] == 0xFF &&
             (unsigned char)data[1] == 0xD8) {
    if (!image_jpeg_check(data, len, &jpg, why, sizeof why))
      diag_error(w->dl, src_none(), "image %s %s", path, why);
    else
      img = HPDF_LoadJpegImageFromMem(w->doc, (const HPDF_BYTE *)data,
                                      (HPDF_UINT)len);
  } else if (len > IMAGE_MAX_BYTES) {
    diag_error(w->dl, src_none(), "image %s: a PNG of a report may hold at "
                                  "most 4 MB",
               path);
  } else if (!image_png_check(data, len, &png, why, sizeof why)) {
    diag_error(w->dl, src_none(), "image %s %s", path, why);
  } else {
    img = HPDF_LoadPngImageFromMem(w->doc, png.data, (HPDF_UINT)png.len);
    mem_free(png.data);
  }
  mem_free(data);
  if (!img && !w->error)
    w->failed = true;
  w->image_paths = mem_realloc(w->image_paths,
                               (w->n_images + 1) * sizeof *w->image_paths);
  w->images = mem_realloc(w->images, (w->n_images + 1) * sizeof *w->images);
  w->image_paths[w->n_images] = path;
  w->images[w->n_images++] = img;
  return img;
}

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
    reset_state(w);
    for (size_t k = 0; k < lp->n; k++) {
      const lay_box *b = &lp->boxes[k];
      switch (b->kind) {
      case BOX_TEXT:
        if (b->text && *b->text)
          draw_text(w, p, b);
        continue;
      default:
        end_text(w);
        break;
      }
      switch (b->kind) {
      case BOX_TEXT:
        break;
      case BOX_RULE:
        set_color(w, b->color, true);
        set_line_width(w, (float)b->h);
        op_num(w, b->x);
        op_num(w, b->y);
        buf_puts(&w->ops, "m\012");
        op_num(w, b->x + b->w);
        op_num(w, b->y);
        buf_puts(&w->ops, "l\012S\012");
        break;
      case BOX_IMAGE: {
        HPDF_Image img = load_image(w, b->text);
        if (img) {
          flush_ops(w, p, false); /* libharu draws it */
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
        set_color(w, b->color, true);
        set_line_width(w, (float)b->h);
        op_num(w, b->x);
        op_num(w, b->y);
        buf_puts(&w->ops, "m\012");
        op_num(w, b->x2);
        op_num(w, b->y2);
        buf_puts(&w->ops, "l\012S\012");
        break;
      case BOX_POLY:
        if (b->npts < 3)
          break;
        set_color(w, b->color, false);
        op_num(w, b->pts[0]);
        op_num(w, b->pts[1]);
        buf_puts(&w->ops, "m\012");
        for (size_t q = 1; q < b->npts; q++) {
          op_num(w, b->pts[2 * q]);
          op_num(w, b->pts[2 * q + 1]);
          buf_puts(&w->ops, "l\012");
        }
        buf_puts(&w->ops, "h\012f\012");
        break;
      case BOX_RECT:
        set_color(w, b->color, false);
        op_num(w, b->x);
        op_num(w, b->y);
        op_num(w, b->w);
        op_num(w, b->h);
        buf_puts(&w->ops, "re\012f\012");
        break;
      }
    }
    end_text(w);
    flush_ops(w, p, true);
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
  if (w->failed)
    return false;
  for (int i = 0; i < F_COUNT && !w->error; i++)
    if (w->code[i] && !finish_codes(w, i)) {
      diag_error(w->dl, src_none(), "cannot write the codes of font %s",
                 w->path[i]);
      return false;
    }
  for (int i = 0; i < F_COUNT && !w->error; i++) {
    bool first = true;
    for (int j = 0; j < i; j++)
      first = first && w->font[j] != w->font[i];
    if (first && !embed_subset(w, i))
      return false;
  }
  if (!w->error) {
    deflate_here(w);
    HPDF_SaveToStream(w->doc);
  }
  if (w->error) {
    diag_error(w->dl, src_none(), "PDF writer failed (libharu error 0x%04X, "
                                  "detail %u)",
               (unsigned)w->error, (unsigned)w->detail);
    return false;
  }
  /* the saved document's memory stream, taken block by block */
  HPDF_Stream s = w->doc->stream;
  size_t at = out->len;
  for (HPDF_UINT k = 0, n = HPDF_MemStream_GetBufCount(s); k < n; k++) {
    HPDF_UINT len = 0;
    HPDF_BYTE *p = HPDF_MemStream_GetBufPtr(s, k, &len);
    if (p && len)
      buf_add(out, (const char *)p, len);
  }
  if (out->len - at != HPDF_Stream_Size(s)) {
    diag_error(w->dl, src_none(), "PDF writer failed (its output is %zu "
                                  "bytes of %u)",
               out->len - at, (unsigned)HPDF_Stream_Size(s));
    return false;
  }
  return true;
}
