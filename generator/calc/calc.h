/* calc.h — the calc stage: a validated model and the rule tables to the
 * results tree of results.md.
 *
 * calc never fails on a valid model: a figure that cannot be computed is
 * null, with the reason in notes[]. Every computed figure carries a trace
 * (value.h) naming its inputs, factors and clause. The tree lives in the
 * arena. */
#ifndef GEN_CALC_H
#define GEN_CALC_H

#include "../base/mem.h"
#include "../base/value.h"
#include "../load/model.h"
#include "../rules/factors.h"

/* Builds the whole results tree. facility_id names the facility (the
   file's stem). */
value *calc_run(arena *a, const model *m, const factors *f,
                const char *facility_id);

#endif
