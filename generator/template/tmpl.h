/* tmpl.h — the template stage: the templates expanded against the
 * results tree into a document tree (doc.h).
 *
 * Grammar and blocks: templates/README.md. Parsing checks every directive,
 * block nesting (an unclosed block names the line where it opened), every
 * expression and placeholder against the results schema, before anything
 * is expanded; errors go to the diag list with template-file:line:column.
 * A null value prints "—". Expansion fails only on size: it runs on
 * budgets (loop passes, blocks and cells, memory, expression steps), and
 * the first one exceeded is an error at the template line that did it. */
#ifndef GEN_TMPL_H
#define GEN_TMPL_H

#include "../base/diag.h"
#include "../base/mem.h"
#include "../base/value.h"
#include "../load/units.h"
#include "doc.h"

typedef struct tmpl tmpl;

/* The results-schema check of a path shape (checks_path_check) with its
   verdicts remembered: a template folder asks about the same shapes
   thousands of times, and each ask scans the schema's paths. The
   expression parsers' path callback, with a tmpl_paths as its context.
   A verdict (NULL, or the error with its did-you-mean) lives in a. */
typedef struct tmpl_paths tmpl_paths;
tmpl_paths *tmpl_paths_new(arena *a);
const char *tmpl_path_check(const char *shape, void *paths);

/* Parses dir/name and everything it includes. Returns NULL after
   diagnostics on any error. */
tmpl *tmpl_load(arena *a, diag_list *dl, const units *u, const char *dir,
                const char *name);
/* Expands the template against results into a new document. With
   exercise, every computed number is left blank and charts are left out
   (a version for students; the normal report is the answer key). Returns
   NULL after an error in dl when the expansion exceeds a budget. */
doc *tmpl_expand(arena *a, diag_list *dl, const tmpl *t, const value *results,
                 bool exercise);

#endif
