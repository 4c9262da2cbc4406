/* finance.h — the economics of a saving measure as pure functions: NPV,
 * IRR, capital recovery factor, discounted payback. No energy knowledge;
 * tested on their own. */
#ifndef GEN_FINANCE_H
#define GEN_FINANCE_H

#include <stddef.h>

/* Net present value of cash flows cf[0..n] (cf[0] at time 0) at rate r. */
double fin_npv(const double *cf, size_t n, double r);
/* Capital recovery factor r(1+r)^n / ((1+r)^n − 1); 1/n at r = 0. */
double fin_crf(double r, int n);

typedef enum {
  FIN_IRR_OK,
  FIN_IRR_NO_SIGN_CHANGE,   /* no root: all flows of one sign (or zero) */
  FIN_IRR_SEVERAL_CHANGES,  /* the root may not be unique */
  FIN_IRR_NOT_BRACKETED     /* a root outside (−99 %, 1000 %) */
} fin_irr_status;

/* Internal rate of return of cf[0..n]. Solves NPV(r) = 0 by bisection on
   a bracketing interval in (−0.99, 10]; never loops beyond 200 halvings.
   Sets *irr only when FIN_IRR_OK. */
fin_irr_status fin_irr(const double *cf, size_t n, double *irr);
const char *fin_irr_reason(fin_irr_status st);

/* Years until the discounted savings (saving each year, at rate r) repay
   the investment, interpolated within the year; −1 when not within n
   years. */
double fin_discounted_payback(double investment, double saving, double r,
                              int n);

#endif
