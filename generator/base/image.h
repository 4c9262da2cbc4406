/* image.h — PNG files checked before libharu draws them.
 *
 * libharu 2.3 hands a PNG to libpng without an error exit: any libpng
 * error (a bad CRC, a corrupt or short image stream, a missing palette)
 * aborts the process. It also crashes on an RGB image with a transparent
 * colour (tRNS), frees twice on an interlaced image with alpha, misreads
 * the transparency of palette images of fewer than 8 bits, and decodes
 * whatever size the header claims (20000 x 20000 took 41 s and 1.2 GB).
 *
 * image_png_check reads the whole file as libpng would, inflating the
 * image data to check its length and every row's filter, and returns a
 * copy holding only the chunks libharu uses (IHDR, PLTE, tRNS, IDAT,
 * IEND, byte for byte), so the bytes checked are the bytes drawn and no
 * ancillary chunk reaches libpng. */
#ifndef GEN_IMAGE_H
#define GEN_IMAGE_H

#include <stdbool.h>
#include <stddef.h>

/* Limits for an image in a report (a logo is small). */
#define IMAGE_MAX_BYTES (4u << 20) /* file size */
#define IMAGE_MAX_SIDE 4096u       /* pixels, width and height */
#define IMAGE_MAX_PIXELS 16000000u /* width x height */

typedef struct image_png {
  unsigned width, height;
  unsigned char *data; /* the PNG to draw (mem_alloc'd; mem_free it) */
  size_t len;
} image_png;

/* Checks the PNG in data[0..len). On success fills *out and returns true;
   on failure returns false with a short reason in why ("is not a PNG
   file", "is truncated", …), written to follow the file's name. */
bool image_png_check(const void *data, size_t len, image_png *out, char *why,
                     size_t why_len);

/* A JPEG is drawn as it is (PDF's DCTDecode, Word's own decoder), never
   decoded here: it may be larger than a PNG. */
#define IMAGE_JPEG_MAX_SIDE 10000u
#define IMAGE_JPEG_MAX_BYTES (32u << 20)

typedef struct image_jpeg {
  unsigned width, height, components;
} image_jpeg;

/* Checks the JPEG in data[0..len): its markers up to the first scan, a
   frame a PDF can show (baseline, extended or progressive, 8-bit, grey or
   RGB) and an end-of-image marker. Fills *out or gives a reason in why. */
bool image_jpeg_check(const void *data, size_t len, image_jpeg *out, char *why,
                      size_t why_len);

#endif
