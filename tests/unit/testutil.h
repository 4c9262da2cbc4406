/* testutil.h — helpers shared by the unit suites: the shipped rules, a
 * facility from text, the results of a facility, and the repository's
 * paths (AUDITGEN_ROOT, AUDITGEN_BIN, set by build.sh). */
#ifndef GEN_TESTUTIL_H
#define GEN_TESTUTIL_H

#include "../../generator/base/diag.h"
#include "../../generator/base/mem.h"
#include "../../generator/base/value.h"
#include "../../generator/load/model.h"
#include "../../generator/load/units.h"
#include "../../generator/rules/factors.h"

typedef struct tu_run {
  arena *a;
  diag_list *dl;
  units *u;
  factors *f;
  struct checkset *checks;
  model *m;
  value *results;
} tu_run;

/* The repository root (AUDITGEN_ROOT, else "."). */
const char *tu_root(void);
/* The auditgen binary (AUDITGEN_BIN, else build/release/auditgen). */
const char *tu_bin(void);
/* Loads the shipped rules into a new run; aborts the test if they fail. */
void tu_open(tu_run *r);
/* Loads YAML text as a facility (r->m NULL on errors; TU_PRODUCTS added to
   an industrial facility without products) and, when valid,
   computes its results (r->results NULL when calc finds an error). */
void tu_facility(tu_run *r, const char *yaml);
void tu_close(tu_run *r);
/* Fails the test when a formula, basis, term or source of the results'
   worked calculations has no wording in rules/terms.yaml (terms.h): a
   report would print its machine name. tu_facility calls it. */
void tu_assert_glossary(const tu_run *r);
/* The number at a results path; fails the test when it is missing or not
   a number. */
double tu_num(const tu_run *r, const char *path);
/* Whether the value at a results path is null (false when missing). */
bool tu_is_null(const tu_run *r, const char *path);
/* The string at a results path; fails the test when it is not one. */
const char *tu_str(const tu_run *r, const char *path);
/* Asserts a number at a path to 1e-9 relative (the expected values are
   worked by hand to about that precision). Needs <check.h>, <math.h>. */
#define TU_NEAR(r, path, want)                                                 \
  ck_assert_double_eq_tol(tu_num((r), (path)), (want),                         \
                          1e-9 * fmax(1.0, fabs((double)(want))))
/* All diagnostics printed as text (first lines only), in the arena. */
const char *tu_diags(tu_run *r);
/* The header of a minimal valid facility (auditgen, facility, audit for
   2016); tests append units/meters/products to it. */
extern const char TU_HEAD[];
/* A minimal products list (one product, no units: its energy is zero).
   tu_facility appends it to an industrial facility that states none,
   since the loader requires products of industry; tests of products
   write their own. */
extern const char TU_PRODUCTS[];


/* The bytes of a file, NUL-terminated (malloc'd), or NULL; *len may be
   NULL. */
char *tu_slurp(const char *path, size_t *len);

/* Runs argv (argv[0] a path) with cwd, stdin empty; captures stdout and
   stderr (malloc'd, NUL-terminated; free them). Returns the exit status,
   or 128 + signal. */
int tu_exec(const char *const *argv, const char *cwd, char **out, char **err);

/* Runs cmd with /bin/sh (fails the test when no shell starts); *out is
   what it printed on standard output (malloc'd, NUL-terminated). Returns
   the exit status, or -1 when it did not exit normally. */
int tu_sh(const char *cmd, char **out);

/* Seconds of CPU (user + system) spent by this process, and by its
   children that have been waited for. Bounds on work (a quadratic path,
   a resource bomb) are stated in CPU time: the wall clock of a loaded
   machine says nothing about the code. Hangs are caught by the tcase's
   timeout. */
double tu_cpu_self(void);
double tu_cpu_children(void);

#endif
