/* check_image.c — the rules image (generator/rules/image.h): a run that
 * maps it gives the output of a cold run on every sample; an image that
 * is damaged, cut short, of other rules or of a --rules layer that changed
 * is never used and is rewritten; a second set of rules loaded while the
 * first lives (the region in use) is converted as before; the conversion
 * keeps no pointer out of its region (else no image is stored, and every
 * run would convert again). Each test has a cache folder of its own. */
#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "../../generator/base/diag.h"
#include "../../generator/base/mem.h"
#include "../../generator/load/units.h"
#include "../../generator/rules/factors.h"
#include "suites.h"
#include "testutil.h"

static char tmp[64];      /* the test's folder */
static char cache[128];   /* XDG_CACHE_HOME inside it */
static char entries[160]; /* cache/auditgen */

static void setup(void)
{
  strcpy(tmp, "/tmp/auditgen-image-XXXXXX");
  ck_assert_ptr_nonnull(mkdtemp(tmp));
  snprintf(cache, sizeof cache, "%s/xdg", tmp);
  snprintf(entries, sizeof entries, "%s/auditgen", cache);
  setenv("XDG_CACHE_HOME", cache, 1);
  unsetenv("AUDITGEN_CACHE");
  unsetenv("AUDITGEN_RULES_IMAGE");
  setenv("AUDITGEN_IMAGE_TRACE", "1", 1);
}

static void teardown(void)
{
  unsetenv("AUDITGEN_IMAGE_TRACE");
  char cmd[256];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
  char *out = NULL;
  tu_sh(cmd, &out);
  free(out);
}

/* `auditgen calc FILE --json [--rules DIR]`: its output; its stderr in
   *err (the image's trace lines). */
static char *calc(const char *file, const char *layer, char **err)
{
  char path[512];
  snprintf(path, sizeof path, "%s/%s", tu_root(), file);
  const char *argv[] = {tu_bin(), "calc", path, "--json", NULL, NULL, NULL};
  if (layer) {
    argv[4] = "--rules";
    argv[5] = layer;
  }
  char *out;
  int rc = tu_exec(argv, NULL, &out, err);
  ck_assert_msg(rc == 0, "%s: exit %d: %s", file, rc, *err);
  return out;
}

/* The image file in the cache folder (the one that starts with the
   image's magic), or false. */
static bool image_path(char *out, size_t cap)
{
  DIR *d = opendir(entries);
  if (!d)
    return false;
  bool found = false;
  struct dirent *e;
  while (!found && (e = readdir(d))) {
    snprintf(out, cap, "%s/%s", entries, e->d_name);
    FILE *f = fopen(out, "rb");
    char magic[8] = {0};
    if (f) {
      found = fread(magic, 1, 8, f) == 8 && memcmp(magic, "AGRULIMG", 8) == 0;
      fclose(f);
    }
  }
  closedir(d);
  return found;
}

/* Every sample: cold (cache off), the run that stores the image, and one
   that maps it, the same output; the trace says it was stored, then
   used. */
START_TEST(t_image_every_sample)
{
  static const char *const samples[] = {
      "samples/cement-plant.yaml",
      "samples/aluminium-smelter.yaml",
      "samples/power-plant.yaml",
      "samples/hospital.yaml",
      "samples/training/office-building.yaml",
      "samples/training/boiler-house.yaml",
      "samples/training/dyeing-plant.yaml",
      "samples/sectors/paper-mill.yaml",
      "samples/sectors/adipic-acid.yaml",
      "samples/sectors/clinker-lines.yaml",
      NULL};
  for (size_t i = 0; samples[i]; i++) {
    char *err[3], *out[3];
    setenv("AUDITGEN_CACHE", "off", 1);
    out[0] = calc(samples[i], NULL, &err[0]);
    unsetenv("AUDITGEN_CACHE");
    out[1] = calc(samples[i], NULL, &err[1]);
    out[2] = calc(samples[i], NULL, &err[2]);
    if (i == 0)
      ck_assert_msg(strstr(err[1], "rules image: stored"), "%s", err[1]);
    ck_assert_msg(strstr(err[2], "rules image: used"), "%s", err[2]);
    ck_assert_msg(strcmp(out[1], out[0]) == 0, "%s: storing run differs",
                  samples[i]);
    ck_assert_msg(strcmp(out[2], out[0]) == 0, "%s: mapped image differs",
                  samples[i]);
    for (int r = 0; r < 3; r++) {
      free(out[r]);
      free(err[r]);
    }
  }
}
END_TEST

/* A byte of the image changed, or the file cut short: refused (the same
   output as cold), and stored again whole. */
static void damaged(bool cut)
{
  char *err, *cold;
  setenv("AUDITGEN_CACHE", "off", 1);
  cold = calc("samples/cement-plant.yaml", NULL, &err);
  free(err);
  unsetenv("AUDITGEN_CACHE");
  free(calc("samples/cement-plant.yaml", NULL, &err));
  free(err);
  char path[512];
  ck_assert(image_path(path, sizeof path));
  size_t len;
  char *good = tu_slurp(path, &len);
  ck_assert_uint_gt(len, 8192);
  FILE *f = fopen(path, "r+b");
  ck_assert_ptr_nonnull(f);
  if (cut) {
    ck_assert_int_eq(ftruncate(fileno(f), (off_t)(len - 4096)), 0);
  } else {
    /* a byte of the region, past the header page */
    ck_assert_int_eq(fseek(f, (long)(len / 2), SEEK_SET), 0);
    fputc(good[len / 2] ^ 0x20, f);
  }
  fclose(f);
  char *again = calc("samples/cement-plant.yaml", NULL, &err);
  ck_assert_msg(strstr(err, "rules image: refused"), "%s", err);
  ck_assert_msg(strstr(err, "rules image: stored"), "%s", err);
  ck_assert_str_eq(again, cold);
  free(err);
  free(again);
  /* stored again, whole: the next run maps it (its bytes need not be the
     first image's: what the conversion left in the region depends on
     whether the trees came from the cache) */
  again = calc("samples/cement-plant.yaml", NULL, &err);
  ck_assert_msg(strstr(err, "rules image: used"), "%s", err);
  ck_assert_str_eq(again, cold);
  free(err);
  free(again);
  free(good);
  free(cold);
}

START_TEST(t_image_flipped) { damaged(false); }
END_TEST

START_TEST(t_image_truncated) { damaged(true); }
END_TEST

/* A --rules layer (another finance.yaml) has an image of its own; edited,
   the next run converts again and gives the edited rules' output. */
START_TEST(t_image_layer_edited)
{
  char layer[160], fin[200];
  snprintf(layer, sizeof layer, "%s/layer", tmp);
  ck_assert_int_eq(mkdir(layer, 0700), 0);
  snprintf(fin, sizeof fin, "%s/finance.yaml", layer);
  static const char *const rates[] = {"6", "9"};
  char *outs[2];
  for (int k = 0; k < 2; k++) {
    FILE *f = fopen(fin, "w");
    ck_assert_ptr_nonnull(f);
    fprintf(f, "discount_rate: \"%s %%\"\ncitation:\n  zh: 测试\n"
               "  en: test\nsource:\n  zh: 测试\n  en: test\n"
               "verified: false\n",
            rates[k]);
    fclose(f);
    char *err, *cold;
    setenv("AUDITGEN_CACHE", "off", 1);
    cold = calc("samples/cement-plant.yaml", layer, &err);
    free(err);
    unsetenv("AUDITGEN_CACHE");
    free(calc("samples/cement-plant.yaml", layer, &err));
    free(err);
    outs[k] = calc("samples/cement-plant.yaml", layer, &err);
    ck_assert_msg(strstr(err, "rules image: used"), "%s", err);
    ck_assert_str_eq(outs[k], cold);
    free(err);
    free(cold);
  }
  ck_assert_str_ne(outs[0], outs[1]); /* the rate reached the output */
  free(outs[0]);
  free(outs[1]);
}
END_TEST

/* In one process: the rules loaded twice, the first still alive — the
   second cannot have the region and is converted as before; both give
   the same factors. Then, the first freed, a third load maps the image. */
START_TEST(t_image_region_in_use)
{
  char dir[512];
  snprintf(dir, sizeof dir, "%s/rules", tu_root());
  const char *dirs[] = {dir};
  arena *a[3];
  factors *f[3];
  units *u = units_new();
  for (int i = 0; i < 3; i++) {
    if (i == 2)
      arena_free(a[0]);
    a[i] = arena_new();
    diag_list *dl = diag_new(a[i]);
    bool io;
    f[i] = factors_load(a[i], dl, u, dirs, 1, &io);
    ck_assert_ptr_nonnull(f[i]);
    ck_assert_uint_eq(diag_errors(dl), 0);
  }
  /* the first and third in the region, the second not */
  ck_assert_ptr_eq(f[0], f[2]);
  ck_assert_ptr_ne(f[1], f[2]);
  for (int i = 1; i < 3; i++) {
    ck_assert_uint_eq(f[i]->n_carriers, f[1]->n_carriers);
    ck_assert_uint_eq(f[i]->n_benchmarks, f[1]->n_benchmarks);
    ck_assert_uint_eq(f[i]->n_equipment, f[1]->n_equipment);
    ck_assert_str_eq(f[i]->carriers[0].key, f[1]->carriers[0].key);
    for (size_t k = 0; k < f[1]->n_equipment; k++) {
      const eq_kind *x = factors_equipment(f[i], f[1]->equipment[k].key);
      const eq_kind *y = factors_equipment(f[1], f[1]->equipment[k].key);
      if (!y || !x) {
        ck_assert_ptr_eq(x, y);
        continue;
      }
      ck_assert_uint_eq(x->n_classes, y->n_classes);
      for (size_t c = 0; c < y->n_classes; c++)
        ck_assert(x->classes[c].grade[0] == y->classes[c].grade[0]);
    }
  }
  arena_free(a[1]);
  arena_free(a[2]);
  units_free(u);
}
END_TEST

/* A run that maps the image records its use as for any entry (its time
   set to now when a day old), so that the cache's housekeeping keeps an
   image in use. */
START_TEST(t_image_use_recorded)
{
  char *err;
  free(calc("samples/cement-plant.yaml", NULL, &err));
  free(err);
  char path[512];
  ck_assert(image_path(path, sizeof path));
  struct timeval old[2] = {{time(NULL) - 40 * 86400, 0},
                           {time(NULL) - 40 * 86400, 0}};
  ck_assert_int_eq(utimes(path, old), 0);
  free(calc("samples/cement-plant.yaml", NULL, &err));
  ck_assert_msg(strstr(err, "rules image: used"), "%s", err);
  free(err);
  struct stat st;
  ck_assert_int_eq(stat(path, &st), 0);
  ck_assert_int_ge(st.st_mtime, time(NULL) - 3600);
}
END_TEST

/* AUDITGEN_RULES_IMAGE=off: no image read or written (the trees and
   records of the cache as before). */
START_TEST(t_image_off)
{
  setenv("AUDITGEN_RULES_IMAGE", "off", 1);
  char *err;
  free(calc("samples/cement-plant.yaml", NULL, &err));
  ck_assert_msg(!strstr(err, "rules image"), "%s", err);
  free(err);
  unsetenv("AUDITGEN_RULES_IMAGE");
  char path[512];
  ck_assert(!image_path(path, sizeof path));
}
END_TEST

Suite *image_suite(void)
{
  Suite *s = suite_create("image");
  TCase *tc = tcase_create("image");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_set_timeout(tc, 240);
  tcase_add_test(tc, t_image_every_sample);
  tcase_add_test(tc, t_image_flipped);
  tcase_add_test(tc, t_image_truncated);
  tcase_add_test(tc, t_image_layer_edited);
  tcase_add_test(tc, t_image_region_in_use);
  tcase_add_test(tc, t_image_use_recorded);
  tcase_add_test(tc, t_image_off);
  suite_add_tcase(s, tc);
  return s;
}
