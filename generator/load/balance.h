/* balance.h — the balances of a facility file: checks over all its
 * meters, stock and savings together, after every field is read.
 *
 * - what the site used of a carrier (bought + made + opening − closing −
 *   sold) is not negative;
 * - only a unit of stage conversion makes a carrier: another unit passes
 *   on no more than it receives, beyond a 10 % metering slack;
 * - the units take no more of a carrier than the site had, beyond the
 *   same slack;
 * - a measure saves no carrier more in a year than the site uses.
 * docs/calculation.md states each with its reasons. */
#ifndef GEN_BALANCE_H
#define GEN_BALANCE_H

#include "../base/diag.h"
#include "../base/mem.h"
#include "../rules/factors.h"
#include "model.h"

/* Adds an error to dl for every balance m breaks. m must be valid as a
   set of fields (model_load calls this only when no error was found);
   strings live in a. */
void balance_check(arena *a, diag_list *dl, const model *m,
                   const factors *f);

/* A number for a message: grouped, at most three decimals and fifteen
   digits, trailing zeros dropped; %g beyond 10^15 or below 10^-3. In a. */
const char *balance_num(arena *a, double v);

#endif
