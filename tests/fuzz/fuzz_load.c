/* fuzz_load.c — libFuzzer target: any bytes as a facility file, through
 * the loader and (when valid) calc and the checks. Must never crash, hang
 * or leak; invalid input must only produce diagnostics. The shipped rules
 * are loaded once, from AUDITGEN_DATA or the source tree. */
#include <stdint.h>
#include <stdlib.h>

#include "../../generator/base/diag.h"
#include "../../generator/calc/calc.h"
#include "../../generator/load/model.h"
#include "../../generator/rules/checks.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  static arena *ra;
  static factors *f;
  static checkset *cs;
  static units *u;
  if (!ra) {
    ra = arena_new();
    u = units_new();
    diag_list *dl = diag_new(ra);
    const char *root = getenv("AUDITGEN_DATA");
    const char *dir = arena_printf(ra, "%s/rules", root ? root : ".");
    bool io;
    f = factors_load(ra, dl, u, &dir, 1, &io);
    cs = checks_load(ra, dl, u, &dir, 1);
    if (!f || !cs)
      abort();
  }
  arena *a = arena_new();
  diag_list *dl = diag_new(a);
  model *m = model_load_text(a, dl, u, f, (const char *)data, size, "fuzz.yaml");
  if (m) {
    value *r = calc_run(a, dl, m, f, "fuzz");
    if (r)
      checks_run(a, cs, r);
  }
  arena_free(a);
  return 0;
}
