/* fuzz_expr.c — libFuzzer target: any bytes as a rule expression, parsed
 * and evaluated over a small results tree. */
#include <stdint.h>
#include <string.h>

#include "../../generator/rules/expr.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  static units *u;
  if (!u)
    u = units_new();
  arena *a = arena_new();
  char *text = arena_strndup(a, (const char *)data, size);
  if (strlen(text) != size) {
    arena_free(a);
    return 0;
  }
  value *root = val_obj(a);
  value *e = val_set(a, root, "energy", val_obj(a));
  val_set_num(a, e, "total_tce", 5);
  value *arr = val_set(a, e, "carriers", val_arr(a));
  value *o = val_obj(a);
  val_set_str(a, o, "carrier", "x");
  val_set_num(a, o, "share", 0.5);
  val_push(a, arr, o);
  expr_error err;
  expr *x = expr_parse(a, u, text, "energy.carriers[]", NULL, NULL, &err);
  if (x) {
    ev v = expr_eval(a, x, root, o, NULL);
    (void)ev_format(a, &v, "0.00");
  }
  arena_free(a);
  return 0;
}
