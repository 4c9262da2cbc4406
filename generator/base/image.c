/* image.c — PNG files checked and stripped before drawing (see image.h).
 *
 * Input: the bytes of a file said to be a PNG. Output: a PNG libpng
 * reads without an error, of a kind libharu 2.3 draws correctly, within
 * the size limits; or the reason it is not. The check walks every chunk
 * (lengths, names, CRCs, order), validates the header's fields against
 * the PNG specification, and inflates the image data in a fixed buffer to
 * check that it holds exactly height rows of the right length, each
 * starting with a filter type 0 to 4. */
#include "image.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <zlib.h>

#include "bytes.h"
#include "mem.h"

/* The header fields the rest of the check needs. */
typedef struct ihdr {
  unsigned w, h, depth, color, channels;
  size_t row; /* bytes of one row, its filter byte included */
} ihdr;

static bool header(const unsigned char *p, ihdr *hd, char *why, size_t wn)
{
  hd->w = bytes_be32(p);
  hd->h = bytes_be32(p + 4);
  hd->depth = p[8];
  hd->color = p[9];
  if (hd->w == 0 || hd->h == 0 || hd->w > 0x7FFFFFFFu || hd->h > 0x7FFFFFFFu)
    return bytes_fail(why, wn, "is corrupt: its header gives a size of %u x %u",
                hd->w, hd->h);
  static const struct {
    unsigned color, channels, depths; /* depths: bit n = depth n allowed */
  } kinds[] = {{0, 1, 1u << 1 | 1u << 2 | 1u << 4 | 1u << 8 | 1u << 16},
               {2, 3, 1u << 8 | 1u << 16},
               {3, 1, 1u << 1 | 1u << 2 | 1u << 4 | 1u << 8},
               {4, 2, 1u << 8 | 1u << 16},
               {6, 4, 1u << 8 | 1u << 16}};
  hd->channels = 0;
  for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
    if (kinds[i].color == hd->color && hd->depth <= 16 &&
        (kinds[i].depths >> hd->depth & 1))
      hd->channels = kinds[i].channels;
  if (!hd->channels)
    return bytes_fail(why, wn, "is corrupt: its header gives colour type %u with "
                         "%u bits, which PNG does not define",
                hd->color, hd->depth);
  if (p[10] != 0 || p[11] != 0)
    return bytes_fail(why, wn, "is corrupt: its header names an unknown "
                         "compression or filter method");
  if (p[12] == 1)
    return bytes_fail(why, wn, "is interlaced; libharu 2.3 cannot draw interlaced "
                         "PNGs (save it without interlacing)");
  if (p[12] != 0)
    return bytes_fail(why, wn, "is corrupt: its header names an unknown "
                         "interlace method");
  if (hd->w > IMAGE_MAX_SIDE || hd->h > IMAGE_MAX_SIDE ||
      (uint64_t)hd->w * hd->h > IMAGE_MAX_PIXELS)
    return bytes_fail(why, wn, "is %u x %u pixels; an image of a report may have at most %u "
                         "pixels a side and %u million in all",
                hd->w, hd->h, IMAGE_MAX_SIDE, IMAGE_MAX_PIXELS / 1000000);
  hd->row = 1 + ((size_t)hd->w * hd->channels * hd->depth + 7) / 8;
  return true;
}

/* Inflates the concatenated image data: exactly h rows of hd->row bytes,
   each starting with a filter type of 0 to 4, then the end of the zlib
   stream (its checksum verified) and nothing after it. */
static bool image_data(const unsigned char *d, const size_t *at,
                       const size_t *len, size_t n, const ihdr *hd, char *why,
                       size_t wn)
{
  z_stream z;
  memset(&z, 0, sizeof z);
  if (inflateInit(&z) != Z_OK)
    return bytes_fail(why, wn, "could not be read (zlib failed to start)");
  unsigned char out[65536];
  size_t want = hd->row * hd->h, got = 0, filter = 0; /* next filter byte */
  int rc = Z_OK;
  bool ok = true;
  for (size_t i = 0; i < n && ok && rc != Z_STREAM_END; i++) {
    z.next_in = (unsigned char *)(d + at[i]);
    z.avail_in = (uInt)len[i];
    for (;;) {
      z.next_out = out;
      z.avail_out = sizeof out;
      rc = inflate(&z, Z_NO_FLUSH);
      if (rc == Z_BUF_ERROR && z.avail_in == 0) {
        rc = Z_OK; /* this chunk is used up: on to the next */
        break;
      }
      if (rc != Z_OK && rc != Z_STREAM_END) {
        ok = bytes_fail(why, wn, "is corrupt: its image data does not inflate (%s)",
                  z.msg ? z.msg : "zlib error");
        break;
      }
      size_t k = sizeof out - z.avail_out;
      if (k > want - got) {
        ok = bytes_fail(why, wn, "is corrupt: it holds more image data than its "
                           "%u x %u pixels",
                  hd->w, hd->h);
        break;
      }
      for (; filter < got + k; filter += hd->row)
        if (out[filter - got] > 4) {
          ok = bytes_fail(why, wn, "is corrupt: row %zu has an unknown filter "
                             "type (%u)",
                    filter / hd->row + 1, out[filter - got]);
          break;
        }
      got += k;
      if (!ok || rc == Z_STREAM_END || (z.avail_in == 0 && z.avail_out > 0))
        break;
    }
    if (ok && rc == Z_STREAM_END) {
      size_t after = z.avail_in;
      for (size_t j = i + 1; j < n; j++)
        after += len[j];
      if (after)
        ok = bytes_fail(why, wn, "is corrupt: %zu bytes follow the end of its image "
                           "stream",
                  after);
    }
  }
  inflateEnd(&z);
  if (!ok)
    return false;
  if (rc != Z_STREAM_END || got != want)
    return bytes_fail(why, wn, "is truncated: its image data ends after %zu of %zu "
                         "bytes",
                got, want);
  return true;
}

bool image_png_check(const void *data, size_t len, image_png *out, char *why,
                     size_t why_len)
{
  memset(out, 0, sizeof *out);
  const unsigned char *d = data;
  static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n',
                                       0x1A, '\n'};
  if (len < 8 || memcmp(d, sig, 8) != 0)
    return bytes_fail(why, why_len, "is not a PNG file");
  /* where the kept chunks start (at[]) and how long their data is */
  size_t ihdr_at = 0, plte_at = 0, trns_at = 0, iend_at = 0;
  size_t plte_len = 0, trns_len = 0;
  size_t n_idat = 0, cap = 0, *idat_at = NULL, *idat_len = NULL;
  ihdr hd;
  memset(&hd, 0, sizeof hd);
  bool ok = true;
  size_t p = 8;
  while (ok && !iend_at) {
    if (len - p < 12) {
      ok = bytes_fail(why, why_len, "is truncated: it ends before its IEND chunk");
      break;
    }
    size_t n = bytes_be32(d + p);
    const unsigned char *name = d + p + 4;
    if (n > 0x7FFFFFFFu || n > len - p - 12) {
      ok = bytes_fail(why, why_len, "is truncated: a chunk runs past the end of "
                              "the file");
      break;
    }
    char tag[5];
    for (int k = 0; k < 4; k++) {
      unsigned char c = name[k];
      bool letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
      tag[k] = letter ? (char)c : '?';
      if (!letter)
        ok = false;
    }
    tag[4] = '\0';
    if (!ok) {
      bytes_fail(why, why_len, "is corrupt: a chunk at byte %zu has an invalid "
                         "name",
           p);
      break;
    }
    uint32_t crc = (uint32_t)crc32(0L, name, (uInt)(n + 4));
    if (crc != bytes_be32(d + p + 8 + n)) {
      ok = bytes_fail(why, why_len, "is corrupt: its %s chunk fails its CRC check",
                tag);
      break;
    }
    const unsigned char *body = d + p + 8;
    bool first = p == 8;
    if (first != (memcmp(tag, "IHDR", 4) == 0)) {
      ok = bytes_fail(why, why_len, first ? "is corrupt: it does not start with an "
                                      "IHDR chunk"
                                    : "is corrupt: it has two IHDR chunks");
    } else if (first) {
      ok = n == 13 ? header(body, &hd, why, why_len)
                   : bytes_fail(why, why_len, "is corrupt: its IHDR chunk has %zu "
                                        "bytes, not 13",
                          n);
      ihdr_at = p;
    } else if (memcmp(tag, "PLTE", 4) == 0) {
      if (plte_at || n_idat)
        ok = bytes_fail(why, why_len, "is corrupt: its PLTE chunk is repeated or "
                                "follows the image data");
      else if (n == 0 || n % 3 || n / 3 > 256 ||
               (hd.color == 3 && n / 3 > (1u << hd.depth)))
        ok = bytes_fail(why, why_len, "is corrupt: its palette has %zu bytes", n);
      else if (hd.color == 0 || hd.color == 4)
        ok = bytes_fail(why, why_len, "is corrupt: a grey image has a palette");
      else if (hd.color == 3) { /* a suggested palette of RGB is dropped */
        plte_at = p;
        plte_len = n;
      }
    } else if (memcmp(tag, "tRNS", 4) == 0) {
      if (hd.color != 3)
        ok = bytes_fail(why, why_len, "has a transparent colour (tRNS) in %s "
                                "image, which libharu 2.3 cannot draw (use "
                                "an alpha channel instead)",
                  hd.color == 0 ? "a grey" : hd.color == 2 ? "a colour"
                                                            : "an alpha");
      else if (trns_at || !plte_at || n_idat || n > plte_len / 3)
        ok = bytes_fail(why, why_len, "is corrupt: its tRNS chunk is repeated, out "
                                "of place or longer than its palette");
      else if (hd.depth != 8)
        ok = bytes_fail(why, why_len, "is a %u-bit palette image with transparency, "
                                "which libharu 2.3 misreads (save it with "
                                "8-bit palette indices or an alpha channel)",
                  hd.depth);
      else {
        trns_at = p;
        trns_len = n;
      }
    } else if (memcmp(tag, "IDAT", 4) == 0) {
      if (hd.color == 3 && !plte_at)
        ok = bytes_fail(why, why_len, "is corrupt: its palette (PLTE) is missing "
                                "before the image data");
      else {
        if (n_idat == cap) {
          cap = cap ? 2 * cap : 16;
          idat_at = mem_realloc(idat_at, cap * sizeof *idat_at);
          idat_len = mem_realloc(idat_len, cap * sizeof *idat_len);
        }
        idat_at[n_idat] = p;
        idat_len[n_idat++] = n;
      }
    } else if (memcmp(tag, "IEND", 4) == 0) {
      if (n != 0)
        ok = bytes_fail(why, why_len, "is corrupt: its IEND chunk has data");
      iend_at = p;
    } else if (tag[0] >= 'A' && tag[0] <= 'Z') {
      ok = bytes_fail(why, why_len, "has a critical chunk %s that PNG readers do "
                              "not know",
                tag);
    }
    p += 12 + n;
  }
  if (ok && !n_idat)
    ok = bytes_fail(why, why_len, "is corrupt: it has no image data");
  if (ok) {
    size_t *data_at = mem_alloc(n_idat * sizeof *data_at);
    for (size_t i = 0; i < n_idat; i++)
      data_at[i] = idat_at[i] + 8;
    ok = image_data(d, data_at, idat_len, n_idat, &hd, why, why_len);
    mem_free(data_at);
  }
  if (ok) {
    /* the kept chunks, whole (length, name, data, CRC), in their order */
    size_t total = 8 + 25 + 12;
    if (plte_at)
      total += 12 + plte_len;
    if (trns_at)
      total += 12 + trns_len;
    for (size_t i = 0; i < n_idat; i++)
      total += 12 + idat_len[i];
    unsigned char *o = mem_alloc(total), *q = o;
    memcpy(q, d, 8);
    q += 8;
    size_t keep[3] = {ihdr_at, plte_at, trns_at};
    for (int k = 0; k < 3; k++)
      if (keep[k] || k == 0) {
        size_t m = 12 + bytes_be32(d + keep[k]);
        memcpy(q, d + keep[k], m);
        q += m;
      }
    for (size_t i = 0; i < n_idat; i++) {
      memcpy(q, d + idat_at[i], 12 + idat_len[i]);
      q += 12 + idat_len[i];
    }
    memcpy(q, d + iend_at, 12);
    q += 12;
    out->width = hd.w;
    out->height = hd.h;
    out->data = o;
    out->len = (size_t)(q - o);
  }
  mem_free(idat_at);
  mem_free(idat_len);
  return ok;
}

/* {====================================================== JPEG */

/* The markers of frames a PDF's DCTDecode filter reads: baseline,
   extended sequential and progressive Huffman coding. */
static bool dct_frame(unsigned m) { return m == 0xC0 || m == 0xC1 || m == 0xC2; }

bool image_jpeg_check(const void *data, size_t len, image_jpeg *out, char *why,
                      size_t wn)
{
  const unsigned char *d = data;
  if (len < 4 || d[0] != 0xFF || d[1] != 0xD8 || d[2] != 0xFF)
    return bytes_fail(why, wn, "is not a JPEG file");
  size_t p = 2;
  bool frame = false;
  for (;;) {
    if (p >= len || d[p] != 0xFF)
      return bytes_fail(why, wn, "is corrupt: a marker was expected at byte %zu",
                        p);
    size_t at = p;
    while (p < len && d[p] == 0xFF)
      p++; /* fill bytes */
    if (p >= len)
      return bytes_fail(why, wn, "is truncated");
    unsigned m = d[p++];
    /* libharu reads the header up to the frame as marker, length, marker,
       length …: fill bytes or a marker without a length there would be
       read as a length and the image refused when the PDF is written */
    if (!frame && (p - at > 2 || m == 0x01 || (m >= 0xD0 && m <= 0xD7)))
      return bytes_fail(why, wn, "is corrupt: fill bytes or a restart marker "
                                 "before its frame header (byte %zu); save it "
                                 "again as a baseline JPEG",
                        at);
    if (m == 0x01 || (m >= 0xD0 && m <= 0xD7))
      continue; /* no length */
    if (m == 0xD8 || m == 0xD9)
      return bytes_fail(why, wn, "is corrupt: it ends before its image data");
    if (p + 2 > len)
      return bytes_fail(why, wn, "is truncated");
    size_t seg = bytes_be16(d + p);
    if (seg < 2 || p + seg > len)
      return bytes_fail(why, wn, "is truncated");
    if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
      if (!dct_frame(m))
        return bytes_fail(why, wn, "uses a JPEG coding a PDF cannot show (frame "
                                   "type 0x%02X: lossless, hierarchical or "
                                   "arithmetic); save it as a baseline JPEG",
                          m);
      if (frame) /* libharu would take the first, a viewer perhaps the last */
        return bytes_fail(why, wn, "is corrupt: it has a second frame header "
                                   "(byte %zu)",
                          at);
      if (seg < 8)
        return bytes_fail(why, wn, "is corrupt: its frame header is short");
      unsigned prec = d[p + 2], comps = d[p + 7];
      out->height = bytes_be16(d + p + 3);
      out->width = bytes_be16(d + p + 5);
      if (prec != 8)
        return bytes_fail(why, wn, "has %u-bit samples; a PDF shows 8-bit JPEG",
                          prec);
      if (comps != 1 && comps != 3)
        return bytes_fail(why, wn, "has %u colour components; save it as RGB or "
                                   "greyscale",
                          comps);
      if (!out->width || !out->height)
        return bytes_fail(why, wn, "has no size in its frame header");
      if (out->width > IMAGE_JPEG_MAX_SIDE || out->height > IMAGE_JPEG_MAX_SIDE)
        return bytes_fail(why, wn, "is %u x %u pixels; a JPEG of a report may "
                                   "have at most %u pixels a side",
                          out->width, out->height, IMAGE_JPEG_MAX_SIDE);
      out->components = comps;
      frame = true;
    }
    if (m == 0xDA) { /* start of scan: the entropy-coded data follow */
      if (!frame)
        return bytes_fail(why, wn, "is corrupt: its image data come before its "
                                   "frame header");
      /* the image ends with EOI; cameras may append data after it */
      for (size_t q = len - 1; q > p + seg; q--)
        if (d[q] == 0xD9 && d[q - 1] == 0xFF)
          return true;
      return bytes_fail(why, wn, "is truncated: it has no end of image marker");
    }
    p += seg;
  }
}

/* }====================================================== */
