/* fuzz_tmpl.c — libFuzzer target: any bytes as a firm's report.tpl, in a
 * folder that also holds the shipped chapter templates (so includes
 * reach real files), parsed, expanded against the cement sample's results
 * and laid out with a stand-in text measurer (layout knows nothing of
 * PDF). Must never crash, hang or leak; a bad template must only produce
 * diagnostics. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../generator/base/fileio.h"
#include "../../generator/layout/layout.h"
#include "../../generator/template/tmpl.h"
#include "fuzzenv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Latin bytes half an em wide, other characters a whole em. */
static double measure(void *ctx, const char *s, size_t len, lay_face face,
                      double size)
{
  (void)ctx;
  (void)face;
  double w = 0;
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80)
      w += 0.5;
    else if (c >= 0xC0)
      w += 1.0;
  }
  return w * size;
}

/* The shipped chapters copied once beside the fuzzed report.tpl. */
static void copy_chapters(const fuzz_env *e)
{
  const char *dir = arena_printf(e->a, "%s/templates", e->data);
  DIR *d = opendir(dir);
  if (!d)
    abort();
  struct dirent *de;
  while ((de = readdir(d)) != NULL) {
    size_t n = strlen(de->d_name);
    if (n < 5 || strcmp(de->d_name + n - 4, ".tpl") != 0 ||
        strcmp(de->d_name, "report.tpl") == 0)
      continue;
    size_t len;
    int err;
    char *text = file_read_regular(
        arena_printf(e->a, "%s/%s", dir, de->d_name), 1u << 22, &len, &err);
    if (!text)
      abort();
    fuzz_env_write(de->d_name, text, len);
    mem_free(text);
  }
  closedir(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  const fuzz_env *e = fuzz_env_get();
  static const value *results;
  if (!results) {
    results = fuzz_env_sample("cement-plant");
    copy_chapters(e);
  }
  fuzz_env_write("report.tpl", data, size);
  arena *a = arena_new();
  diag_list *dl = diag_new(a);
  tmpl *t = tmpl_load(a, dl, e->u, e->scratch, "report.tpl");
  if (t) {
    lay_style st = lay_default_style();
    for (int exercise = 0; exercise < 2; exercise++) {
      doc *d = tmpl_expand(a, dl, t, results, exercise);
      if (d) /* NULL after an error: a budget ran out */
        layout_run(a, d, &st, exercise ? LANG_ZH : LANG_BILINGUAL, measure,
                   NULL);
    }
  }
  fuzz_env_done(a, dl);
  return 0;
}
