/* ttf.h — a TrueType face read from memory and checked before libharu
 * sees it.
 *
 * libharu 2.3 trusts the font file it loads: a units-per-em of 0 divides
 * by zero, more horizontal metrics than glyphs overflow its arrays, a cmap
 * whose last segment does not end at U+FFFF or whose glyph index runs one
 * past its array is read out of bounds, a glyph index past the font is
 * looked up unchecked, and loca offsets past glyf make the subsetter copy
 * the rest of the file once per glyph. ttf_open refuses each of these, so
 * a face it accepts is one libharu loads, measures and subsets without
 * reading outside the file, and the glyph ttf_glyph returns is the one
 * libharu draws (it reads the same cmap subtable the same way).
 *
 * The face points into the caller's bytes and owns nothing. */
#ifndef GEN_TTF_H
#define GEN_TTF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Font files larger than this are refused before they are read (a CJK
   face is 5 to 30 MB). */
#define TTF_MAX_BYTES (64u << 20)

typedef struct ttf_face {
  const unsigned char *data;
  size_t size;
  bool collection;     /* a TTC: face 0 is the one used */
  unsigned num_glyphs;
  bool long_loca;
  size_t loca, glyf, glyf_len;
  size_t cmap4;        /* the (3,1) format 4 subtable */
  unsigned segs;       /* its segment count */
  unsigned gid_count;  /* entries of its glyph array, as libharu counts */
  size_t hmtx;         /* the horizontal metrics */
  unsigned n_hmetrics; /* their long entries (the last one's advance
                          serves the glyphs after it) */
  unsigned upem;       /* units per em */
} ttf_face;

/* Reads face 0 of the TrueType file or collection in data[0..size) and
   checks every table libharu reads. Returns true, or false with a short
   reason in why ("is truncated: …"), written to be preceded by the file's
   name. */
bool ttf_open(ttf_face *f, const void *data, size_t size, char *why,
              size_t why_len);

/* The glyph libharu draws for code point cp (0 for none, and for any code
   point past U+FFFF, which libharu's cmap reading cannot reach). */
unsigned ttf_glyph(const ttf_face *f, unsigned cp);

/* The advance of glyph gid in 1/1000 em, as libharu computes it (the
   advance × 1000 / units per em, truncated; a glyph past the font has
   glyph 0's), so a text measured here is as wide as libharu sets it. */
unsigned ttf_width(const ttf_face *f, unsigned gid);

/* Whether glyph gid has an outline (an empty glyph prints nothing). */
bool ttf_has_outline(const ttf_face *f, unsigned gid);

/* Calls use(ctx, component) for each glyph composite glyph gid is built
   from; when use returns true (a glyph new to the caller) that glyph's own
   components follow, at most 8 levels deep, so each glyph is walked once.
   A simple glyph has no components. */
void ttf_components(const ttf_face *f, unsigned gid,
                    bool (*use)(void *ctx, unsigned gid), void *ctx);

#endif
