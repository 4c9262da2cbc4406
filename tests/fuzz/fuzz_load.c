/* fuzz_load.c — libFuzzer target: any bytes as a facility file, through
 * the loader and (when valid) calc and the checks, and every diagnostic
 * printed with its quoted line. Must never crash, hang or leak; invalid
 * input must only produce diagnostics, and a valid one only finite
 * numbers. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "../../generator/calc/calc.h"
#include "../../generator/load/model.h"
#include "fuzzenv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A computed number that is not finite is a finding: calc promises a
   finite value or null. */
static void all_finite(const value *v)
{
  if (!v)
    return;
  if (v->kind == VAL_NUM && !isfinite(v->num))
    abort();
  if (v->kind == VAL_ARR || v->kind == VAL_OBJ)
    for (size_t i = 0; i < v->n; i++)
      all_finite(v->items[i]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  const fuzz_env *e = fuzz_env_get();
  arena *a = arena_new();
  diag_list *dl = diag_new(a);
  model *m = model_load_text(a, dl, e->u, e->f, (const char *)data, size,
                             "fuzz.yaml");
  if (m) {
    value *r = calc_run(a, dl, m, e->f, "fuzz");
    if (r) {
      checks_run(a, e->cs, r, dl);
      all_finite(r);
    }
  }
  fuzz_env_done(a, dl);
  return 0;
}
