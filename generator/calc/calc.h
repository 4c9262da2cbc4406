/* calc.h — the calc stage: a validated model and the rule tables to the
 * results tree of results.md.
 *
 * A figure that cannot be computed is null, with the reason in notes[].
 * Every computed figure carries a trace (value.h) naming its inputs,
 * factors and clause. The tree lives in the arena.
 *
 * calc can still find a valid model impossible as a whole: a product
 * credited more energy than the site took in. That is an input error at
 * the product's position. And every number of the results must be
 * finite: the loader's bounds (units.h) make that so for today's
 * formulas, and a last walk over the tree turns any non-finite number a
 * future formula might leak into an error naming its path and inputs. */
#ifndef GEN_CALC_H
#define GEN_CALC_H

#include "../base/diag.h"
#include "../base/mem.h"
#include "../base/value.h"
#include "../load/model.h"
#include "../rules/factors.h"

/* Builds the whole results tree. facility_id names the facility (the
   file's stem). Returns NULL when an error was added to dl (input errors
   calc finds, or a non-finite result). */
value *calc_run(arena *a, diag_list *dl, const model *m, const factors *f,
                const char *facility_id);
/* calc_run with the editions of the standards selected on as_of (--as-of)
   instead of the period's end and the report date; as_of NULL: the same
   as calc_run. */
value *calc_run_at(arena *a, diag_list *dl, const model *m, const factors *f,
                   const char *facility_id, const date *as_of);
/* What `check` needs of calc_run_at: the same diagnostics (the impossible
   inputs calc finds), without wording the traces for the outputs. True
   when no error was added. */
bool calc_validate(arena *a, diag_list *dl, const model *m, const factors *f,
                   const date *as_of);

/* Walks results and adds an error to dl for every number that is not
   finite, naming its path, its formula and inputs, at the position of
   the model input its trace leads to (a meter, product or measure), else
   the file. Returns the number of such numbers. calc_run calls it last;
   it is public for tests. */
size_t calc_check_finite(arena *a, diag_list *dl, const model *m,
                         const value *results);

/* The logarithmic mean L(x, y) = (x − y) / (ln x − ln y), with
   L(x, x) = x; x and y positive. */
double calc_logmean(double x, double y);
/* One segment of an additive LMDI-I decomposition (docs/calculation.md
   "Earlier years"): energy E = Q × s × I in years 0 and 1 (e0, e1; the
   activity q, structure s and intensity i of each year). out[0..2]
   receive the activity, structure and intensity effects, which add up to
   e1 − e0. A zero energy in one year takes the analytical limit of Ang &
   Liu (2007): the whole change is the structure effect. */
void calc_lmdi_segment(double e0, double e1, double q0, double q1,
                       double s0, double s1, double i0, double i1,
                       double out[3]);

#endif
