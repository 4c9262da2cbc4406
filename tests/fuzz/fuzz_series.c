/* fuzz_series.c — libFuzzer target: any bytes as a meter's interval-data
 * CSV (series:), read for a two-month period. Must never crash, hang or
 * leak; bad rows must only produce diagnostics. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "../../generator/base/diag.h"
#include "../../generator/load/series.h"
#include "fuzzenv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  const char *path = fuzz_env_write("series.csv", data, size);
  arena *a = arena_new();
  diag_list *dl = diag_new(a);
  series_in in = {0};
  in.path = in.name = path;
  in.from = (date){2016, 1, 30, {NULL, 0, 0, 0}};
  in.to = (date){2016, 2, 29, {NULL, 0, 0, 0}};
  in.months = 2;
  in.scale = 1;
  in.what = "meters[E1].series";
  series_out out;
  if (series_read(a, dl, &in, &out) && !(out.total >= 0))
    abort(); /* values are checked to be finite and not negative */
  fuzz_env_done(a, dl);
  return 0;
}
