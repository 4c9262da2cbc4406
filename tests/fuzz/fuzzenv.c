/* fuzzenv.c — the fuzz targets' shared set-up (see fuzzenv.h). */
#define _POSIX_C_SOURCE 200809L
#include "fuzzenv.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../generator/base/fileio.h"
#include "../../generator/calc/calc.h"
#include "../../generator/load/model.h"

#ifndef AUDITGEN_DATADIR
#define AUDITGEN_DATADIR "."
#endif

static fuzz_env env;
static char scratch[64];

static void remove_scratch(void)
{
  DIR *d = opendir(scratch);
  if (!d)
    return;
  struct dirent *e;
  char path[512];
  while ((e = readdir(d)) != NULL) {
    if (e->d_name[0] == '.' &&
        (!e->d_name[1] || (e->d_name[1] == '.' && !e->d_name[2])))
      continue;
    snprintf(path, sizeof path, "%s/%s", scratch, e->d_name);
    unlink(path);
  }
  closedir(d);
  rmdir(scratch);
}

const fuzz_env *fuzz_env_get(void)
{
  if (env.a)
    return &env;
  env.a = arena_new();
  env.u = units_new();
  const char *root = getenv("AUDITGEN_DATA");
  env.data = root && *root ? root : AUDITGEN_DATADIR;
  diag_list *dl = diag_new(env.a);
  const char *dir = arena_printf(env.a, "%s/rules", env.data);
  bool io;
  env.f = factors_load(env.a, dl, env.u, &dir, 1, &io);
  env.cs = checks_load(env.a, dl, env.u, &dir, 1, &io);
  if (!env.f || !env.cs) {
    diag_print(dl, stderr, true);
    abort();
  }
  snprintf(scratch, sizeof scratch, "/tmp/auditgen-fuzz-XXXXXX");
  if (!mkdtemp(scratch))
    abort();
  atexit(remove_scratch);
  env.scratch = scratch;
  return &env;
}

const char *fuzz_env_write(const char *name, const void *data, size_t len)
{
  static char path[512];
  fuzz_env_get();
  snprintf(path, sizeof path, "%s/%s", scratch, name);
  FILE *f = fopen(path, "wb");
  if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0)
    abort();
  return path;
}

const value *fuzz_env_sample(const char *name)
{
  static const char *names[8];
  static const value *results[8];
  fuzz_env_get();
  size_t i = 0;
  for (; i < 8 && names[i]; i++)
    if (strcmp(names[i], name) == 0)
      return results[i];
  if (i == 8)
    abort();
  diag_list *dl = diag_new(env.a);
  const char *path = arena_printf(env.a, "%s/samples/%s.yaml", env.data, name);
  bool io;
  model *m = model_load(env.a, dl, env.u, env.f, path, path, &io);
  if (!m) {
    diag_print(dl, stderr, true);
    abort();
  }
  value *r = calc_run(env.a, dl, m, env.f, name);
  if (!r) {
    diag_print(dl, stderr, true);
    abort();
  }
  checks_run(env.a, env.cs, r, dl);
  names[i] = arena_strdup(env.a, name);
  results[i] = r;
  return r;
}

void fuzz_env_done(arena *a, diag_list *dl)
{
  static FILE *devnull;
  if (!devnull && !(devnull = fopen("/dev/null", "w")))
    abort();
  diag_print(dl, devnull, true);
  arena_free(a);
}
