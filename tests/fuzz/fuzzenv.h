/* fuzzenv.h — what the fuzz targets share: the shipped rules and checks
 * loaded once, the repository's data folder, and a private scratch folder
 * for targets whose stage reads its input from a file.
 *
 * Everything here lives for the whole process (libFuzzer runs the target
 * many times in one process); a target's per-input memory goes in its
 * own arena, freed before it returns. */
#ifndef GEN_FUZZENV_H
#define GEN_FUZZENV_H

#include <stddef.h>

#include "../../generator/base/diag.h"
#include "../../generator/base/mem.h"
#include "../../generator/base/value.h"
#include "../../generator/load/units.h"
#include "../../generator/rules/checks.h"
#include "../../generator/rules/factors.h"

typedef struct fuzz_env {
  arena *a;
  units *u;
  factors *f;
  checkset *cs;
  const char *data;    /* AUDITGEN_DATA, else the build's source tree */
  const char *scratch; /* a private folder, removed at exit */
} fuzz_env;

/* The process-wide environment, set up on first use; aborts when the
   shipped rules do not load (a broken build, not a finding). */
const fuzz_env *fuzz_env_get(void);
/* Replaces scratch/name with the bytes; returns its path (static). */
const char *fuzz_env_write(const char *name, const void *data, size_t len);
/* The results of samples/NAME.yaml (computed once, with the checks run);
   aborts when the sample does not load. */
const value *fuzz_env_sample(const char *name);

/* The end of one input: every diagnostic printed, quoted lines included
   (to /dev/null: printing must not overrun either), then the input's
   arena freed. */
void fuzz_env_done(arena *a, diag_list *dl);

#endif
