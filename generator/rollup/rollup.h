/* rollup.h — a group's consolidated inventory from its facilities' results
 * (GHG Protocol corporate standard, ch. 3; issue 13 "Groups").
 *
 * Input: a group file (group.name, group.approach, facilities[] with file,
 * equity, operational_control, financial_control), read with the facility
 * file's schema readers, and each member's results tree (computed from
 * its facility YAML, or read back from a results JSON written by
 * `calc --json`). Output: one group results tree that uses the facility
 * results' paths where they mean the same (energy.total_tce,
 * carbon.scope1.total_tco2, carbon.scope2.total_tco2, carbon.total_tco2)
 * plus facilities[] (each one's weight, totals, share, intensity, grade
 * and rank), ranking[], internal_sales[], invalid[] and years_differ[].
 *
 * Weights: equity_share → the equity; operational_control and
 * financial_control → 1 when the group has that control, else 0. One
 * approach for the whole group. A sale between two members (a meter
 * `to: outside` with `sold_to: ID`) is netted out in proportion
 * m = min(w_seller, w_buyer): the seller's deduction of the sale and the
 * buyer's purchase are both taken out of the group's totals for the
 * share m, so that what the group makes and uses itself is counted once.
 *
 * Ownership: everything lives in the arena passed in; the facility
 * summaries are copies, so a facility's own arena may be freed once it
 * has been summarised. Stages never print: errors go to the diag list. */
#ifndef GEN_ROLLUP_H
#define GEN_ROLLUP_H

#include <stdbool.h>
#include <stddef.h>

#include "../base/diag.h"
#include "../base/mem.h"
#include "../base/value.h"
#include "../load/schema.h"
#include "../load/units.h"

typedef enum {
  ROLLUP_EQUITY_SHARE,
  ROLLUP_OPERATIONAL_CONTROL,
  ROLLUP_FINANCIAL_CONTROL
} rollup_approach;

/* One entry of facilities[] as the group file gives it. */
typedef struct rollup_member {
  const char *file; /* as written in the group file */
  const char *path; /* resolved against the group file's folder */
  bool json;        /* a results JSON (by its .json extension) */
  src_pos pos;      /* of the file: scalar, for messages */
  double equity;    /* 0..1; NAN when not given */
  bool operational_control, financial_control;
} rollup_member;

typedef struct rollup_group {
  const char *file;
  text2 name;
  rollup_approach approach;
  rollup_member *members;
  size_t n;
} rollup_group;

/* A member's figures, copied out of its results tree. Opaque. */
typedef struct rollup_fac rollup_fac;

/* Reads and validates the group file at path: every error with
   file:line:column, all in one run. A member file that does not exist
   or is not a regular file is an error at the line naming it. Returns
   NULL after diagnostics (*io set when the group file itself could not
   be read). */
rollup_group *rollup_load(arena *a, diag_list *dl, const units *u,
                          const char *path, bool *io);

/* Reads a results JSON (as written by calc --json) into a value tree.
   NULL after diagnostics when it is not JSON of an object with
   schema "auditgen-results/1". */
value *rollup_read_results(arena *a, diag_list *dl, const char *path,
                           bool *io);

/* Parses JSON text (as auditgen writes it) into a value tree; name is
   how messages call it. NULL after diagnostics. For tests and tools. */
value *rollup_parse_json(arena *a, diag_list *dl, const char *text,
                         size_t len, const char *name);

/* Copies what the consolidation needs out of member i's results into a.
   results may then be freed. */
rollup_fac *rollup_summarise(arena *a, const value *results);

/* The group results. facs[i] is NULL for a member whose file was
   invalid; errors[i] then says how many errors it had. Inconsistencies
   between members (a sale to a member that buys none of the carrier, a
   buyer outside the group named like a member) are warnings. */
value *rollup_run(arena *a, diag_list *dl, const rollup_group *g,
                  rollup_fac *const *facs, const size_t *errors);

#endif
