/* ttf.c — TrueType tables read from memory (see ttf.h).
 *
 * Input: the bytes of a TrueType file or collection. Output: the offsets
 * of the tables the PDF writer needs, every one checked to lie inside the
 * file, and lookups that read nothing outside them. The checks follow what
 * libharu 2.3 (hpdf_fontdef_tt.c) reads, field by field, so that a font
 * accepted here cannot make it fail, crash or read past the file. */
#include "ttf.h"

#include <stdio.h>
#include <string.h>

#include "bytes.h"

/* {====================================================== tables */

typedef struct table {
  size_t off, len;
  bool found;
} table;

enum { T_HEAD, T_HHEA, T_MAXP, T_HMTX, T_LOCA, T_GLYF, T_CMAP, T_NAME,
       T_OS2, T_COUNT };
static const char *const tags[T_COUNT] = {"head", "hhea", "maxp", "hmtx",
                                          "loca", "glyf", "cmap", "name",
                                          "OS/2"};

/* The table directory of the face at dir: every record inside the file;
   the first record of each needed tag kept (libharu takes the first). */
static bool directory(const unsigned char *d, size_t size, size_t dir,
                      table *t, char *why, size_t wn)
{
  uint32_t ver = bytes_be32(d + dir);
  if (ver == 0x4F54544Fu) /* "OTTO" */
    return bytes_fail(why, wn, "has PostScript (CFF) outlines; libharu 2.3 embeds "
                         "TrueType outlines only");
  if (ver != 0x00010000u && ver != 0x74727565u) /* 1.0 or "true" */
    return bytes_fail(why, wn, "is not a TrueType font");
  unsigned n = bytes_be16(d + dir + 4);
  if (n == 0 || n > 128)
    return bytes_fail(why, wn, "is not a usable TrueType font: its table directory "
                         "lists %u tables (a font has 1 to 128)",
                n);
  if (12 + 16 * (size_t)n > size - dir)
    return bytes_fail(why, wn, "is truncated: its table directory runs past the "
                         "end of the file");
  for (unsigned i = 0; i < n; i++) {
    const unsigned char *e = d + dir + 12 + 16 * (size_t)i;
    size_t off = bytes_be32(e + 8), len = bytes_be32(e + 12);
    if (off > size || len > size - off) {
      char tag[5];
      for (int k = 0; k < 4; k++)
        tag[k] = e[k] >= 0x20 && e[k] < 0x7F ? (char)e[k] : '?';
      tag[4] = '\0';
      return bytes_fail(why, wn, "is truncated or corrupt: its '%s' table (offset "
                           "%zu, %zu bytes) lies outside the file of %zu "
                           "bytes",
                  tag, off, len, size);
    }
    for (int k = 0; k < T_COUNT; k++)
      if (!t[k].found && memcmp(e, tags[k], 4) == 0)
        t[k] = (table){off, len, true};
  }
  for (int k = 0; k < T_COUNT; k++)
    if (!t[k].found)
      return bytes_fail(why, wn, "is not a usable TrueType font: it has no '%s' "
                           "table",
                  tags[k]);
  return true;
}

/* head, maxp, hhea, hmtx and loca: the sizes libharu divides by and
   allocates from, and glyph offsets that stay inside glyf. */
static bool metrics(ttf_face *f, const table *t, char *why, size_t wn)
{
  const unsigned char *d = f->data;
  if (t[T_HEAD].len < 54)
    return bytes_fail(why, wn, "is truncated: its 'head' table has %zu bytes of 54",
                t[T_HEAD].len);
  unsigned upem = bytes_be16(d + t[T_HEAD].off + 18);
  if (upem < 16 || upem > 16384)
    return bytes_fail(why, wn, "is corrupt: its units per em (%u) lie outside 16 "
                         "to 16384",
                upem);
  unsigned ilf = bytes_be16(d + t[T_HEAD].off + 50);
  if (ilf > 1)
    return bytes_fail(why, wn, "is corrupt: its glyph offset format (%u) is "
                         "neither 0 nor 1",
                ilf);
  f->long_loca = ilf == 1;
  if (t[T_MAXP].len < 6)
    return bytes_fail(why, wn, "is truncated: its 'maxp' table has %zu bytes of 6",
                t[T_MAXP].len);
  f->num_glyphs = bytes_be16(d + t[T_MAXP].off + 4);
  if (f->num_glyphs == 0)
    return bytes_fail(why, wn, "has no glyphs");
  if (t[T_HHEA].len < 36)
    return bytes_fail(why, wn, "is truncated: its 'hhea' table has %zu bytes of 36",
                t[T_HHEA].len);
  unsigned nh = bytes_be16(d + t[T_HHEA].off + 34);
  if (nh == 0 || nh > f->num_glyphs)
    return bytes_fail(why, wn, "is corrupt: it gives %u horizontal metrics for %u "
                         "glyphs",
                nh, f->num_glyphs);
  if (t[T_HMTX].len < 4 * (size_t)nh + 2 * (size_t)(f->num_glyphs - nh))
    return bytes_fail(why, wn, "is truncated: its 'hmtx' table is too short for "
                         "its %u glyphs",
                f->num_glyphs);
  size_t entry = f->long_loca ? 4 : 2;
  if (t[T_LOCA].len < entry * ((size_t)f->num_glyphs + 1))
    return bytes_fail(why, wn, "is truncated: its 'loca' table is too short for "
                         "its %u glyphs",
                f->num_glyphs);
  f->hmtx = t[T_HMTX].off;
  f->n_hmetrics = nh;
  f->upem = upem;
  f->loca = t[T_LOCA].off;
  f->glyf = t[T_GLYF].off;
  f->glyf_len = t[T_GLYF].len;
  size_t prev = 0;
  for (unsigned g = 0; g <= f->num_glyphs; g++) {
    const unsigned char *p = d + f->loca + entry * g;
    size_t v = f->long_loca ? bytes_be32(p) : 2 * (size_t)bytes_be16(p);
    if (v < prev)
      return bytes_fail(why, wn, "is corrupt: its glyph offsets go backwards at "
                           "glyph %u",
                  g);
    if (v > f->glyf_len)
      return bytes_fail(why, wn, "is corrupt: glyph %u lies outside its 'glyf' "
                           "table",
                  g);
    prev = v;
  }
  return true;
}

static size_t loca_at(const ttf_face *f, unsigned g)
{
  const unsigned char *p = f->data + f->loca + (f->long_loca ? 4 : 2) * g;
  return f->long_loca ? bytes_be32(p) : 2 * (size_t)bytes_be16(p);
}

/* Each glyph's header, and each composite glyph's component records,
   inside the glyph (libharu walks components on past a glyph's end). */
static bool glyphs(const ttf_face *f, char *why, size_t wn)
{
  for (unsigned g = 0; g < f->num_glyphs; g++) {
    size_t a = loca_at(f, g), b = loca_at(f, g + 1);
    if (a == b)
      continue; /* empty: a space */
    if (b - a < 10)
      return bytes_fail(why, wn, "is corrupt: glyph %u has %zu bytes, too few for "
                           "a glyph",
                  g, b - a);
    if ((int16_t)bytes_be16(f->data + f->glyf + a) >= 0)
      continue;
    for (size_t p = a + 10;;) {
      unsigned flags = b - p >= 2 ? bytes_be16(f->data + f->glyf + p) : 0;
      size_t step = 4 + ((flags & 0x0001) ? 4 : 2);
      if (flags & 0x0008)
        step += 2;
      else if (flags & 0x0040)
        step += 4;
      else if (flags & 0x0080)
        step += 8;
      if (b - p < step)
        return bytes_fail(why, wn, "is corrupt: the components of glyph %u run "
                             "past its end",
                    g);
      if (!(flags & 0x0020))
        break;
      p += step;
    }
  }
  return true;
}

/* The (3,1) format 4 subtable, chosen as libharu chooses it (the first
   such record), its arrays inside the cmap table, and every code point
   mapped to a glyph of the font. */
static bool cmap(ttf_face *f, const table *c, char *why, size_t wn)
{
  const unsigned char *d = f->data, *t = d + c->off;
  if (c->len < 4 || bytes_be16(t) != 0)
    return bytes_fail(why, wn, "is corrupt: its 'cmap' table is truncated or of "
                         "an unknown version");
  unsigned nrec = bytes_be16(t + 2);
  if (4 + 8 * (size_t)nrec > c->len)
    return bytes_fail(why, wn, "is truncated: its 'cmap' table lists %u subtables "
                         "it has no room for",
                nrec);
  size_t sub = 0;
  bool found = false;
  for (unsigned i = 0; i < nrec; i++) {
    const unsigned char *r = t + 4 + 8 * (size_t)i;
    size_t o = bytes_be32(r + 4);
    if (c->len < 2 || o > c->len - 2)
      return bytes_fail(why, wn, "is corrupt: its cmap subtable %u lies outside "
                           "the 'cmap' table",
                  i);
    if (!found && bytes_be16(r) == 3 && bytes_be16(r + 2) == 1 && bytes_be16(t + o) == 4) {
      sub = o;
      found = true;
    }
  }
  if (!found)
    return bytes_fail(why, wn, "has no Unicode cmap of platform 3, encoding 1, "
                         "format 4 (the only one libharu 2.3 reads)");
  const unsigned char *s = t + sub;
  size_t room = c->len - sub;
  if (room < 14)
    return bytes_fail(why, wn, "is truncated: its format 4 cmap runs past the "
                         "'cmap' table");
  unsigned length = bytes_be16(s + 2), segx2 = bytes_be16(s + 6);
  if (segx2 == 0 || segx2 % 2)
    return bytes_fail(why, wn, "is corrupt: its format 4 cmap has an invalid "
                         "segment count (segCountX2 %u)",
                segx2);
  size_t head = 16 + 4 * (size_t)segx2;
  if (head > room)
    return bytes_fail(why, wn, "is truncated: the segments of its format 4 cmap "
                         "run past the 'cmap' table");
  if (length < head)
    return bytes_fail(why, wn, "is corrupt: its format 4 cmap's length (%u) is "
                         "shorter than its %u segments",
                length, segx2 / 2);
  f->cmap4 = c->off + sub;
  f->segs = segx2 / 2;
  f->gid_count = (unsigned)(length - head) / 2;
  if (head + 2 * (size_t)f->gid_count > room)
    return bytes_fail(why, wn, "is truncated: the glyph array of its format 4 "
                         "cmap runs past the 'cmap' table");
  const unsigned char *ends = s + 14, *starts = s + 16 + segx2,
                      *deltas = starts + segx2, *ros = deltas + segx2,
                      *arr = ros + segx2;
  unsigned segs = f->segs;
  if (bytes_be16(ends + 2 * (segs - 1)) != 0xFFFF)
    return bytes_fail(why, wn, "is corrupt: its format 4 cmap does not end with "
                         "the segment of U+FFFF");
  /* Each code point is looked up in the first segment whose end is at or
     above it, so segment i serves (max end of segments before i, end i],
     cut to its start: the ranges are disjoint and the walk is at most
     65,536 steps. */
  long top = -1;
  for (unsigned i = 0; i < segs; i++) {
    long end = (long)bytes_be16(ends + 2 * i), start = (long)bytes_be16(starts + 2 * i);
    unsigned delta = bytes_be16(deltas + 2 * i), ro = bytes_be16(ros + 2 * i);
    for (long u = start > top + 1 ? start : top + 1; u <= end; u++) {
      unsigned gid;
      if (ro == 0) {
        gid = ((unsigned)u + delta) & 0xFFFF;
      } else {
        /* libharu's index, in its unsigned arithmetic; past the array it
           returns 0, at the array's end it would read one entry beyond */
        unsigned idx = ro / 2 + (unsigned)(u - start) - (segs - i);
        if (idx > f->gid_count)
          continue;
        if (idx == f->gid_count)
          return bytes_fail(why, wn, "is corrupt: its format 4 cmap reads past "
                               "its glyph array for U+%04lX",
                      u);
        gid = (bytes_be16(arr + 2 * (size_t)idx) + delta) & 0xFFFF;
      }
      if (gid >= f->num_glyphs)
        return bytes_fail(why, wn, "is corrupt: its cmap maps U+%04lX to glyph %u, "
                             "past its %u glyphs",
                    u, gid, f->num_glyphs);
    }
    if (end > top)
      top = end;
  }
  return true;
}

/* The name table: every string inside it (libharu copies them all into
   the subset), and the PostScript and style names libharu builds the
   font's name from, within its 127-byte buffer. */
static bool names(const ttf_face *f, const table *n, char *why, size_t wn)
{
  const unsigned char *t = f->data + n->off;
  if (n->len < 6)
    return bytes_fail(why, wn, "is truncated: its 'name' table has %zu bytes",
                n->len);
  unsigned count = bytes_be16(t + 2), strings = bytes_be16(t + 4);
  if (6 + 12 * (size_t)count > n->len)
    return bytes_fail(why, wn, "is truncated: its 'name' table lists %u names it "
                         "has no room for",
                count);
  /* libharu: the last Macintosh Roman (1,0) or Windows US-English (3,1,
     0x409) record of name IDs 6 and 2 */
  bool mac[2] = {false, false}, win[2] = {false, false};
  size_t at[2] = {0, 0};
  unsigned len[2] = {0, 0}, wlen[2] = {0, 0};
  for (unsigned i = 0; i < count; i++) {
    const unsigned char *r = t + 6 + 12 * (size_t)i;
    unsigned pid = bytes_be16(r), eid = bytes_be16(r + 2), lang = bytes_be16(r + 4),
             id = bytes_be16(r + 6), l = bytes_be16(r + 8), o = bytes_be16(r + 10);
    if ((size_t)strings + o + l > n->len)
      return bytes_fail(why, wn, "is corrupt: name %u of its 'name' table lies "
                           "outside the table",
                  i);
    int k = id == 6 ? 0 : id == 2 ? 1 : -1;
    if (k < 0)
      continue;
    if (pid == 1 && eid == 0) {
      mac[k] = true;
      at[k] = (size_t)strings + o;
      len[k] = l;
    } else if (pid == 3 && eid == 1 && lang == 0x409) {
      win[k] = true;
      wlen[k] = l;
    }
  }
  for (int k = 0; k < 2; k++) {
    if (!mac[k] && !win[k])
      return bytes_fail(why, wn, "is not a usable TrueType font: its 'name' table "
                           "has no %s name (ID %d) in Macintosh Roman or "
                           "Windows US English",
                  k == 0 ? "PostScript" : "style", k == 0 ? 6 : 2);
    if (len[k] == 0 && wlen[k] > 0)
      len[k] = wlen[k] / 2 + wlen[k] % 2;
    /* a Macintosh string is read with that length */
    if (mac[k] && at[k] + len[k] > n->len)
      return bytes_fail(why, wn, "is corrupt: its %s name lies outside its 'name' "
                           "table",
                  k == 0 ? "PostScript" : "style");
  }
  if (len[0] + len[1] + 8 > 127)
    return bytes_fail(why, wn, "has PostScript and style names of %u bytes "
                         "together; libharu 2.3 takes at most 119",
                len[0] + len[1]);
  return true;
}

bool ttf_open(ttf_face *f, const void *data, size_t size, char *why,
              size_t why_len)
{
  memset(f, 0, sizeof *f);
  const unsigned char *d = data;
  f->data = d;
  f->size = size;
  if (size < 12)
    return bytes_fail(why, why_len, "is not a TrueType font (%zu bytes)", size);
  size_t dir = 0;
  if (memcmp(d, "ttcf", 4) == 0) {
    f->collection = true;
    if (size < 16)
      return bytes_fail(why, why_len, "is truncated: its collection header runs "
                                "past the end of the file");
    if (bytes_be32(d + 8) == 0)
      return bytes_fail(why, why_len, "is a font collection without fonts");
    dir = bytes_be32(d + 12);
    if (dir > size - 12)
      return bytes_fail(why, why_len, "is truncated: its first font lies outside "
                                "the file");
  }
  table t[T_COUNT];
  memset(t, 0, sizeof t);
  if (!directory(d, size, dir, t, why, why_len) ||
      !metrics(f, t, why, why_len) || !glyphs(f, why, why_len) ||
      !cmap(f, &t[T_CMAP], why, why_len) ||
      !names(f, &t[T_NAME], why, why_len))
    return false;
  const unsigned char *os2 = d + t[T_OS2].off;
  size_t os2_need = t[T_OS2].len >= 2 && bytes_be16(os2) > 0 ? 86 : 42;
  if (t[T_OS2].len < os2_need)
    return bytes_fail(why, why_len, "is truncated: its 'OS/2' table has %zu bytes "
                              "of %zu",
                t[T_OS2].len, os2_need);
  unsigned fstype = bytes_be16(os2 + 8);
  if (fstype & 0x0302)
    return bytes_fail(why, why_len, "may not be embedded in a PDF: its licence "
                              "bits (OS/2 fsType 0x%04X) forbid it",
                fstype);
  /* libharu reads the bounding boxes of H and x at load */
  for (const char *c = "Hx"; *c; c++) {
    unsigned g = ttf_glyph(f, (unsigned char)*c);
    if (g && f->glyf + loca_at(f, g) + 10 > size)
      return bytes_fail(why, why_len, "is truncated: the glyph of '%c' runs past "
                                "the end of the file",
                  *c);
  }
  return true;
}

/* }====================================================== */
/* {====================================================== lookups */

unsigned ttf_glyph(const ttf_face *f, unsigned cp)
{
  if (!f->data || cp > 0xFFFF)
    return 0;
  const unsigned char *s = f->data + f->cmap4;
  unsigned segx2 = 2 * f->segs;
  const unsigned char *ends = s + 14, *starts = s + 16 + segx2,
                      *deltas = starts + segx2, *ros = deltas + segx2,
                      *arr = ros + segx2;
  unsigned i = 0;
  while (i + 1 < f->segs && cp > bytes_be16(ends + 2 * i))
    i++;
  unsigned start = bytes_be16(starts + 2 * i), delta = bytes_be16(deltas + 2 * i),
           ro = bytes_be16(ros + 2 * i);
  if (cp < start || cp > bytes_be16(ends + 2 * i))
    return 0;
  if (ro == 0)
    return (cp + delta) & 0xFFFF;
  unsigned idx = ro / 2 + (cp - start) - (f->segs - i);
  if (idx >= f->gid_count)
    return 0;
  return (bytes_be16(arr + 2 * (size_t)idx) + delta) & 0xFFFF;
}

unsigned ttf_width(const ttf_face *f, unsigned gid)
{
  if (!f->data)
    return 0;
  if (gid >= f->num_glyphs)
    gid = 0;
  unsigned k = gid < f->n_hmetrics ? gid : f->n_hmetrics - 1;
  unsigned adv = bytes_be16(f->data + f->hmtx + 4 * (size_t)k);
  return (adv * 1000u / f->upem) & 0xFFFF;
}

bool ttf_has_outline(const ttf_face *f, unsigned gid)
{
  return f->data && gid < f->num_glyphs && loca_at(f, gid + 1) > loca_at(f, gid);
}

static void components(const ttf_face *f, unsigned gid,
                       bool (*use)(void *ctx, unsigned gid), void *ctx,
                       int depth)
{
  if (depth > 8 || !ttf_has_outline(f, gid))
    return;
  size_t g = f->glyf + loca_at(f, gid), end = f->glyf + loca_at(f, gid + 1);
  if (end - g < 10 || (int16_t)bytes_be16(f->data + g) >= 0)
    return; /* a simple glyph */
  size_t p = g + 10;
  for (;;) {
    if (end - p < 4)
      return;
    unsigned flags = bytes_be16(f->data + p), comp = bytes_be16(f->data + p + 2);
    if (comp < f->num_glyphs && use(ctx, comp))
      components(f, comp, use, ctx, depth + 1);
    size_t step = 4 + ((flags & 0x0001) ? 4 : 2); /* ARG_1_AND_2_ARE_WORDS */
    if (flags & 0x0008)                           /* WE_HAVE_A_SCALE */
      step += 2;
    else if (flags & 0x0040)                      /* X_AND_Y_SCALE */
      step += 4;
    else if (flags & 0x0080)                      /* TWO_BY_TWO */
      step += 8;
    if (!(flags & 0x0020) || end - p < step)      /* MORE_COMPONENTS */
      return;
    p += step;
  }
}

void ttf_components(const ttf_face *f, unsigned gid,
                    bool (*use)(void *ctx, unsigned gid), void *ctx)
{
  components(f, gid, use, ctx, 0);
}

/* }====================================================== */
