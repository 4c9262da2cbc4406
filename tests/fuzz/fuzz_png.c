/* fuzz_png.c — libFuzzer target: any bytes as the style's logo. What
 * image_png_check accepts it must accept again, unchanged, as the bytes
 * handed to libharu (the stripped copy holds only checked chunks). */
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
  if (!image_png_check(data, size, &a, why, sizeof why))
    return 0;
  if (!image_png_check(a.data, a.len, &b, why, sizeof why) ||
      b.len != a.len || memcmp(a.data, b.data, a.len) != 0)
    abort();
  mem_free(a.data);
  mem_free(b.data);
  return 0;
}
