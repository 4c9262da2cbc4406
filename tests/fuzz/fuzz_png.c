/* fuzz_png.c — libFuzzer target: any bytes as the style's logo or an
 * evidence image. What image_png_check accepts it must accept again,
 * unchanged, as the bytes handed to libharu (the stripped copy holds only
 * checked chunks). Bytes starting as a JPEG go to image_jpeg_check, and
 * what it accepts libharu must load: an image refused only when the PDF
 * is written would be an error without its file's place. */
#include <hpdf.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../generator/base/image.h"
#include "../../generator/base/mem.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  image_png a, b;
  char why[200];
  if (size >= 2 && data[0] == 0xFF && data[1] == 0xD8) {
    image_jpeg j;
    if (!image_jpeg_check(data, size, &j, why, sizeof why))
      return 0;
    HPDF_Doc doc = HPDF_New(NULL, NULL);
    if (!doc)
      abort();
    HPDF_Image img = HPDF_LoadJpegImageFromMem(doc, data, (HPDF_UINT)size);
    if (!img || HPDF_Image_GetWidth(img) != j.width ||
        HPDF_Image_GetHeight(img) != j.height)
      abort();
    HPDF_Free(doc);
    return 0;
  }
  if (!image_png_check(data, size, &a, why, sizeof why))
    return 0;
  if (!image_png_check(a.data, a.len, &b, why, sizeof why) ||
      b.len != a.len || memcmp(a.data, b.data, a.len) != 0)
    abort();
  mem_free(a.data);
  mem_free(b.data);
  return 0;
}
