/* fuzz_style.c — libFuzzer target: any bytes as a firm's style file
 * (--style), read with its fonts and logo checked. Must never crash, hang
 * or leak; a bad style must only produce diagnostics. Font and logo
 * paths the input names are read like any user's, so the corpus names
 * only the shipped fonts and the scratch folder's files. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "../../generator/load/style.h"
#include "fuzzenv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  const fuzz_env *e = fuzz_env_get();
  const char *path = fuzz_env_write("style.yaml", data, size);
  arena *a = arena_new();
  diag_list *dl = diag_new(a);
  style_load(a, dl, e->u, path);
  fuzz_env_done(a, dl);
  return 0;
}
