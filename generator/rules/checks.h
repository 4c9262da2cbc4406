/* checks.h — the rules stage: findings from rules/checks/ files.
 *
 * A check has an id, an optional `for:` (a path to a list; the check runs
 * once per item), a `when:` expression (expr.h) over the results tree, a
 * severity, bilingual text with {expression|format} placeholders, and the
 * clause it comes from. Check files are validated before any calculation:
 * a syntax error, an unknown path or function, or a bad placeholder is an
 * error at rule-file:line:column. A later rules directory replaces a check
 * of the same id and adds new ones. */
#ifndef GEN_CHECKS_H
#define GEN_CHECKS_H

#include "../base/diag.h"
#include "../base/mem.h"
#include "../base/value.h"
#include "../load/schema.h"
#include "expr.h"

typedef enum {
  SEV_INFO,
  SEV_ADVICE,
  SEV_WARNING,
  SEV_NONCONFORMITY
} check_severity;

typedef struct checkset checkset;

/* Loads the .yaml files of <dir>/checks/ of each directory in order. Returns NULL after
   diagnostics when any check is invalid; *io_error tells whether a file
   could not be read at all. */
checkset *checks_load(arena *a, diag_list *dl, const units *u,
                      const char *const *dirs, size_t ndirs, bool *io_error);
/* Runs every check over the results and sets results.findings (most
   severe first, then in rule order). Returns the number of findings.
   All the checks of a run share one expr_budget: a check whose
   evaluation runs out of it is an error in dl at its for:, when: or
   text:, and the checks after it are not run. */
size_t checks_run(arena *a, const checkset *cs, value *results,
                  diag_list *dl);

/* For exercises: replaces the text of every finding with a blank line to
   fill in (the texts state computed figures); keeps rule, severity and
   clause. */
void checks_blank_texts(arena *a, value *results);

/* For `auditgen rules list`. */
size_t checks_count(const checkset *cs);
void checks_describe(const checkset *cs, size_t i, const char **id,
                     const char **severity, const char **source,
                     const char **file, const char **text_en,
                     const char **layer);
const char *checks_severity_name(check_severity s);

/* Checks a path shape against the results schema: NULL when valid, else
   the message (with a did-you-mean) in the arena ctx. An expr_path_check
   for expr_parse. */
const char *checks_path_check(const char *shape, void *arena_ctx);

/* The path shapes the results tree may hold (schema_paths.c). */
extern const char *const checks_result_shapes[];

#endif
