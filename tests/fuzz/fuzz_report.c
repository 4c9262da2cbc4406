/* fuzz_report.c — libFuzzer target: any bytes as a facility file, through
 * the whole report: load, calc, the checks, the shipped templates, layout
 * and libharu, into PDF bytes in memory (nothing is written to disk).
 * Must never crash, hang or leak; invalid input must only produce
 * diagnostics, and a valid one a PDF. The templates and the style are
 * loaded once. Slow per input (fonts load for every PDF): the fast
 * targets (load, tmpl) explore, this one proves the pages get drawn. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../generator/calc/calc.h"
#include "../../generator/load/model.h"
#include "../../generator/report/report.h"
#include "fuzzenv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  const fuzz_env *e = fuzz_env_get();
  static const tmpl *t;
  static const style_file *sf;
  if (!t) {
    diag_list *dl = diag_new(e->a);
    const char *dir = arena_printf(e->a, "%s/templates", e->data);
    t = tmpl_load(e->a, dl, e->u, dir, "report.tpl");
    sf = style_load(e->a, dl, e->u,
                    arena_printf(e->a, "%s/style.yaml", dir));
    if (!t || !sf) {
      diag_print(dl, stderr, true);
      abort();
    }
  }
  arena *a = arena_new();
  diag_list *dl = diag_new(a);
  model *m = model_load_text(a, dl, e->u, e->f, (const char *)data, size,
                             "fuzz.yaml");
  value *r = m ? calc_run(a, dl, m, e->f, "fuzz") : NULL;
  if (r) {
    checks_run(a, e->cs, r, dl);
    /* the language and exercise mode vary with the input's length */
    report_opts o;
    memset(&o, 0, sizeof o);
    o.lang = (lay_lang)(size % 3);
    o.exercise = size % 7 == 0;
    buf out;
    buf_init(&out);
    size_t pages;
    /* A valid facility gets its report, unless the checks ran out of
       their budget (an error already); the shipped templates never do. */
    if (diag_errors(dl) == 0 &&
        (report_render_pdf(a, dl, t, sf, r, &o, &out, &pages) != REPORT_OK ||
         out.len < 5 || memcmp(out.data, "%PDF-", 5) != 0 || pages == 0))
      abort();
    buf_fini(&out);
  }
  fuzz_env_done(a, dl);
  return 0;
}
