/* finance.c — NPV, IRR, CRF and discounted payback (see finance.h). */
#include "finance.h"

#include <math.h>

double fin_npv(const double *cf, size_t n, double r)
{
  double v = 0, d = 1;
  for (size_t t = 0; t <= n; t++) {
    v += cf[t] / d;
    d *= 1 + r;
  }
  return v;
}

double fin_crf(double r, int n)
{
  if (n <= 0)
    return NAN;
  if (fabs(r) < 1e-12)
    return 1.0 / n;
  double g = pow(1 + r, n);
  return r * g / (g - 1);
}

fin_irr_status fin_irr(const double *cf, size_t n, double *irr)
{
  int changes = 0, last = 0;
  for (size_t t = 0; t <= n; t++) {
    int s = cf[t] > 0 ? 1 : cf[t] < 0 ? -1 : 0;
    if (!s)
      continue;
    if (last && s != last)
      changes++;
    last = s;
  }
  if (changes == 0)
    return FIN_IRR_NO_SIGN_CHANGE;
  if (changes > 1)
    return FIN_IRR_SEVERAL_CHANGES;
  /* One sign change: NPV(r) is monotonic in r over (−1, ∞) for such
     flows, so at most one root. Bracket it by scanning. */
  double lo = -0.99, hi = 10.0;
  double flo = fin_npv(cf, n, lo), fhi = fin_npv(cf, n, hi);
  if (!isfinite(flo) || !isfinite(fhi) || (flo > 0) == (fhi > 0))
    return FIN_IRR_NOT_BRACKETED;
  for (int i = 0; i < 200 && hi - lo > 1e-14; i++) {
    double mid = (lo + hi) / 2, fm = fin_npv(cf, n, mid);
    if (fm == 0) {
      lo = hi = mid;
      break;
    }
    if ((fm > 0) == (flo > 0)) {
      lo = mid;
      flo = fm;
    } else {
      hi = mid;
    }
  }
  *irr = (lo + hi) / 2;
  return FIN_IRR_OK;
}

const char *fin_irr_reason(fin_irr_status st)
{
  switch (st) {
  case FIN_IRR_OK:
    return "ok";
  case FIN_IRR_NO_SIGN_CHANGE:
    return "the cash flows never change sign: no rate makes NPV zero";
  case FIN_IRR_SEVERAL_CHANGES:
    return "the cash flows change sign more than once: the IRR is not "
           "unique";
  case FIN_IRR_NOT_BRACKETED:
    return "the IRR lies outside -99 % to 1000 %";
  }
  return "?";
}

double fin_discounted_payback(double investment, double saving, double r,
                              int n)
{
  if (investment <= 0)
    return 0;
  double cum = 0;
  for (int t = 1; t <= n; t++) {
    double pv = saving / pow(1 + r, t);
    if (pv <= 0)
      return -1;
    if (cum + pv >= investment)
      return (t - 1) + (investment - cum) / pv;
    cum += pv;
  }
  return -1;
}
