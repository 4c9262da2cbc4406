/* fuzz_ttf.c — libFuzzer target: any bytes as a font of the style. What
 * ttf_open accepts must map every code point inside the font, and the
 * composite-glyph walk must stay inside the bytes and end. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

#include "../../generator/base/ttf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool walk(void *ctx, unsigned gid)
{
  unsigned char *seen = ctx;
  bool fresh = !(seen[gid >> 3] & (1u << (gid & 7)));
  seen[gid >> 3] |= (unsigned char)(1u << (gid & 7));
  return fresh;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  ttf_face f;
  char why[200];
  if (!ttf_open(&f, data, size, why, sizeof why))
    return 0;
  for (unsigned cp = 0; cp <= 0xFFFF; cp++)
    if (ttf_glyph(&f, cp) >= f.num_glyphs)
      abort();
  unsigned char seen[8192] = {0};
  for (unsigned g = 0; g < f.num_glyphs; g++) {
    (void)ttf_has_outline(&f, g);
    ttf_components(&f, g, walk, seen);
  }
  return 0;
}
