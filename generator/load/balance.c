/* balance.c — checks of a whole facility file that no single field shows:
 * what each carrier's meters and stock say together (see balance.h).
 *
 * Input: a model whose every field is valid. Output: errors, each at the
 * meter, stock entry or saving that breaks a balance, naming the others
 * it is weighed against. Nothing is changed in the model. */
#include "balance.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../base/fmt.h"

typedef struct bal {
  arena *a;
  diag_list *dl;
  const model *m;
  const factors *f;
} bal;

#define ERR(ld, pos, ...) diag_error((ld)->dl, (pos), __VA_ARGS__)

/* Meter ids for a message: the first few, then how many more (a carrier
   bought through thousands of meters must not build a string of them). */
#define IDS_SHOWN 5

typedef struct ids {
  const char *text;
  size_t n;
} ids;

static void ids_add(arena *a, ids *l, const char *id)
{
  if (l->n < IDS_SHOWN)
    l->text = l->n ? arena_printf(a, "%s, %s", l->text, id) : id;
  l->n++;
}

static const char *ids_text(arena *a, const ids *l)
{
  return l->n > IDS_SHOWN
             ? arena_printf(a, "%s and %zu more", l->text, l->n - IDS_SHOWN)
             : l->n ? l->text
                    : "";
}

/* A number for a message: grouped, at most three decimals and fifteen
   digits in all (no binary noise: 1e14 is 100,000,000,000,000), trailing
   zeros dropped; %g beyond the range where that reads well. */
const char *balance_num(arena *a, double v)
{
  char b[64];
  if (!isfinite(v) || fabs(v) >= 1e15 || (v != 0 && fabs(v) < 1e-3)) {
    snprintf(b, sizeof b, "%.4g", v);
  } else {
    int digits = fabs(v) >= 1 ? (int)floor(log10(fabs(v))) + 1 : 1;
    int dec = 15 - digits;
    fmt_num(v, dec < 0 ? 0 : dec > 3 ? 3 : dec, true, b, sizeof b);
    char *dot = strchr(b, '.');
    if (dot) {
      char *e = b + strlen(b);
      while (e > dot + 1 && e[-1] == '0')
        *--e = '\0';
      if (e == dot + 1)
        *dot = '\0';
    }
  }
  return arena_strdup(a, b);
}

/* The flows of one carrier over the period, in its base unit: bought
   (meters from outside), sold (to outside), made (from a conversion
   unit), and its stock entry, if any. */
typedef struct flows {
  double bought, sold, made;
  const m_meter *first_bought, *first_sold;
  ids bought_ids; /* "C01, C02" */
  const m_stock *stock;
} flows;

static flows flows_of(const bal *ld, const char *key)
{
  const model *m = ld->m;
  flows fl;
  memset(&fl, 0, sizeof fl);
  for (size_t i = 0; i < m->n_meters; i++) {
    const m_meter *mt = &m->meters[i];
    if (mt->form == METER_NONE || !mt->carrier || strcmp(mt->carrier, key))
      continue;
    if (mt->from == PLACE_OUTSIDE) {
      fl.bought += mt->quantity;
      ids_add(ld->a, &fl.bought_ids, mt->id);
      if (!fl.first_bought)
        fl.first_bought = mt;
    }
    if (mt->to == PLACE_OUTSIDE) {
      fl.sold += mt->quantity;
      if (!fl.first_sold)
        fl.first_sold = mt;
    }
    if (mt->from >= 0 && m->units[mt->from].stage == STAGE_CONVERSION)
      fl.made += mt->quantity;
  }
  for (size_t i = 0; i < m->n_stock; i++)
    if (strcmp(m->stock[i].carrier, key) == 0)
      fl.stock = &m->stock[i];
  return fl;
}

/* What the site used of a carrier: bought + made + opening − closing −
   sold. A carrier made inside and sold has a negative consumption in
   GB/T 2589's sense (docs/calculation.md), but what leaves the site, or
   stays in store, cannot be more than what came in or was made. */
static double used_of(const flows *fl)
{
  double stock = fl->stock ? fl->stock->opening - fl->stock->closing : 0;
  return fl->bought + fl->made + stock - fl->sold;
}

/* Nothing below zero: closing stock above the opening stock and all
   receipts, or sales above what was available, is an impossible
   balance (consumption would be negative). */
static void check_balances(const bal *ld)
{
  const model *m = ld->m;
  const char **seen = ARENA_ARRAY(ld->a, const char *,
                                  m->n_meters + m->n_stock + 1);
  size_t n = 0;
  for (size_t i = 0; i < m->n_meters + m->n_stock; i++) {
    const char *key = i < m->n_meters ? m->meters[i].carrier
                                      : m->stock[i - m->n_meters].carrier;
    bool dup = !key;
    for (size_t j = 0; j < n && !dup; j++)
      dup = strcmp(seen[j], key) == 0;
    if (dup)
      continue;
    seen[n++] = key;
    flows fl = flows_of(ld, key);
    const char *unit = model_carrier_unit(m, ld->f, key);
    double used = used_of(&fl);
    double scale = fl.bought + fl.made + fl.sold +
                   (fl.stock ? fl.stock->opening + fl.stock->closing : 0);
    if (!(used < -1e-9 * scale))
      continue;
    const char *made =
        fl.made > 0 ? arena_printf(ld->a, " + made inside %s %s",
                                   balance_num(ld->a, fl.made), unit)
                    : "";
    const char *bought =
        fl.bought_ids.n ? arena_printf(ld->a, "purchased %s %s (meters %s)",
                                       balance_num(ld->a, fl.bought), unit,
                                       ids_text(ld->a, &fl.bought_ids))
                        : "no purchases";
    const m_stock *st = fl.stock;
    if (st && st->closing > st->opening + fl.bought + fl.made) {
      size_t k = (size_t)(st - m->stock);
      ERR(ld, st->closing_pos, "stock[%zu].closing: closing stock %s of %s is "
                               "more than the opening stock %s + %s%s: its "
                               "consumption would be %s %s",
          k, st->closing_text, key, st->opening_text, bought, made,
          balance_num(ld->a, fl.bought + fl.made + st->opening - st->closing),
          unit);
    } else {
      const m_meter *s0 = fl.first_sold;
      const char *stock =
          st ? arena_printf(ld->a, " + stock change %s %s",
                            balance_num(ld->a, st->opening - st->closing), unit)
             : "";
      ERR(ld, s0 ? s0->data_pos : m->meters[0].pos,
          "meters[%s]: %s sold (to outside) %s %s, more than the site had: "
          "%s%s%s; what the site used would be %s %s",
          s0 ? s0->id : "?", key, balance_num(ld->a, fl.sold), unit, bought,
          made, stock, balance_num(ld->a, used), unit);
    }
  }
}

/* Only a conversion unit makes a carrier. Any other unit (with its
   children) cannot pass on more of one than it receives — its metered
   inflows, and whatever goes to the site as a whole, which may reach any
   unit. Sub-meters reading a few per cent above their feeder are a
   metering matter (the balance shows it, and a finding says so); beyond
   UNIT_FLOW_SLACK no meter error explains it, and it is an error at the
   biggest outgoing meter. Units whose receipt of the carrier is not
   metered at all, or partly by a point with no meter (installed: false),
   are not judged. A meter from a to b leaves the units above a (a
   included) that are not above b, and enters those above b not above a:
   one walk up each chain per meter, so thousands of units stay fast. */
#define UNIT_FLOW_SLACK 0.10

static void check_unit_flows(const bal *ld)
{
  const model *m = ld->m;
  size_t nu = m->n_units, nm = m->n_meters;
  if (!nu)
    return;
  /* carriers by index */
  const char **keys = ARENA_ARRAY(ld->a, const char *, nm + 1);
  size_t *ci = ARENA_ARRAY(ld->a, size_t, nm + 1);
  size_t nc = 0;
  for (size_t i = 0; i < nm; i++) {
    size_t k = 0;
    while (k < nc && strcmp(keys[k], m->meters[i].carrier) != 0)
      k++;
    if (k == nc)
      keys[nc++] = m->meters[i].carrier;
    ci[i] = k;
  }
  double *in = ARENA_ARRAY(ld->a, double, nu * nc + 1);
  double *out = ARENA_ARRAY(ld->a, double, nu * nc + 1);
  double *site = ARENA_ARRAY(ld->a, double, nc + 1);
  bool *makes = ARENA_ARRAY(ld->a, bool, nu * nc + 1);
  bool *unmetered = ARENA_ARRAY(ld->a, bool, nu * nc + 1);
  size_t *big = ARENA_ARRAY(ld->a, size_t, nu * nc + 1);
  size_t *mark_a = ARENA_ARRAY(ld->a, size_t, nu + 1);
  size_t *mark_b = ARENA_ARRAY(ld->a, size_t, nu + 1);
  for (size_t i = 0; i < nm; i++) {
    const m_meter *mt = &m->meters[i];
    size_t c = ci[i];
    if (mt->form == METER_NONE)
      for (int x = mt->to, n = 0; x >= 0 && n++ <= (int)nu;
           x = m->units[x].parent)
        unmetered[(size_t)x * nc + c] = true;
    if (mt->form == METER_NONE || !(mt->quantity > 0))
      continue;
    if (mt->to == PLACE_SITE)
      site[c] += mt->quantity;
    /* marks are meter index + 1, so that zeroed arrays mark nothing */
    for (int x = mt->to, n = 0; x >= 0 && n++ <= (int)nu;
         x = m->units[x].parent)
      mark_b[x] = i + 1;
    for (int x = mt->from, n = 0; x >= 0 && n++ <= (int)nu;
         x = m->units[x].parent) {
      mark_a[x] = i + 1;
      if (m->units[mt->from].stage == STAGE_CONVERSION)
        makes[(size_t)x * nc + c] = true;
      if (mark_b[x] != i + 1) {
        out[(size_t)x * nc + c] += mt->quantity;
        if (!big[(size_t)x * nc + c] ||
            m->meters[big[(size_t)x * nc + c] - 1].quantity < mt->quantity)
          big[(size_t)x * nc + c] = i + 1;
      }
    }
    for (int x = mt->to, n = 0; x >= 0 && n++ <= (int)nu;
         x = m->units[x].parent)
      if (mark_a[x] != i + 1)
        in[(size_t)x * nc + c] += mt->quantity;
  }
  for (size_t u = 0; u < nu; u++)
    for (size_t c = 0; c < nc; c++) {
      size_t k = u * nc + c;
      double got = in[k] + site[c];
      if (m->units[u].stage == STAGE_CONVERSION || makes[k] || unmetered[k] ||
          !(in[k] > 0) || !(out[k] > got * (1 + UNIT_FLOW_SLACK)))
        continue;
      const m_meter *b = &m->meters[big[k] - 1];
      const char *unit = model_carrier_unit(m, ld->f, keys[c]);
      ids from = {NULL, 0};
      for (size_t i = 0; i < nm; i++) {
        const m_meter *mt = &m->meters[i];
        bool to_u = false, from_u = false;
        for (int x = mt->to, n = 0; x >= 0 && n++ <= (int)nu;
             x = m->units[x].parent)
          to_u |= x == (int)u;
        for (int x = mt->from, n = 0; x >= 0 && n++ <= (int)nu;
             x = m->units[x].parent)
          from_u |= x == (int)u;
        if (mt->form != METER_NONE && ci[i] == c &&
            ((to_u && !from_u) || mt->to == PLACE_SITE))
          ids_add(ld->a, &from, mt->id);
      }
      ERR(ld, b->data_pos.line ? b->data_pos : b->pos,
          "meters[%s]: unit %s passes on %s %s of %s but receives %s %s "
          "(meters %s): only a unit of stage conversion makes a carrier",
          b->id, m->units[u].id, balance_num(ld->a, out[k]), unit, keys[c],
          balance_num(ld->a, got), unit, ids_text(ld->a, &from));
    }
}

/* What the units take of a carrier (meters into conversion and end-use
   units from outside them) cannot be more than the site had: bought,
   made, drawn from stock. A few per cent more is a metering matter (the
   balance's loss_ratio_negative finding); beyond UNIT_FLOW_SLACK, or any
   with nothing bought or made, it is an error at the biggest such meter.
   A point with no meter (installed: false) from outside exempts the
   carrier. */
static void check_site_balance(const bal *ld)
{
  const model *m = ld->m;
  size_t nu = m->n_units, nm = m->n_meters;
  bool *in_s = ARENA_ARRAY(ld->a, bool, nu + 1);
  for (size_t u = 0; u < nu; u++)
    for (int x = (int)u, n = 0; x >= 0 && n++ <= (int)nu;
         x = m->units[x].parent)
      if (m->units[x].stage == STAGE_CONVERSION ||
          m->units[x].stage == STAGE_END_USE) {
        in_s[u] = true;
        break;
      }
  /* per carrier, in one pass: what the units take, the biggest such
     meter, and whether a point from outside has no meter */
  const char **keys = ARENA_ARRAY(ld->a, const char *, nm + 1);
  double *use = ARENA_ARRAY(ld->a, double, nm + 1);
  const m_meter **big = ARENA_ARRAY(ld->a, const m_meter *, nm + 1);
  bool *unmetered = ARENA_ARRAY(ld->a, bool, nm + 1);
  size_t nc = 0;
  for (size_t i = 0; i < nm; i++) {
    const m_meter *o = &m->meters[i];
    size_t k = 0;
    while (k < nc && strcmp(keys[k], o->carrier) != 0)
      k++;
    if (k == nc)
      keys[nc++] = o->carrier;
    if (o->form == METER_NONE) {
      unmetered[k] |= o->from == PLACE_OUTSIDE;
      continue;
    }
    if (o->to >= 0 && in_s[o->to] && !(o->from >= 0 && in_s[o->from])) {
      use[k] += o->quantity;
      if (!big[k] || o->quantity > big[k]->quantity)
        big[k] = o;
    }
  }
  for (size_t k = 0; k < nc; k++) {
    if (!big[k] || unmetered[k])
      continue;
    flows fl = flows_of(ld, keys[k]);
    double had = fl.bought + fl.made +
                 (fl.stock ? fl.stock->opening - fl.stock->closing : 0);
    if (!(use[k] + fl.sold > had * (1 + UNIT_FLOW_SLACK)))
      continue;
    const char *unit = model_carrier_unit(m, ld->f, keys[k]);
    const m_meter *b = big[k];
    ERR(ld, b->data_pos.line ? b->data_pos : b->pos,
        "meters[%s]: the units take %s %s of %s (meters into conversion and "
        "end-use units)%s, more than the site had: %s %s bought, made and "
        "drawn from stock",
        b->id, balance_num(ld->a, use[k]), unit, keys[k],
        fl.sold > 0 ? arena_printf(ld->a, " and the site sells %s %s",
                                   balance_num(ld->a, fl.sold), unit)
                    : "",
        balance_num(ld->a, had), unit);
  }
}

/* A measure cannot save more of a carrier in a year than the site uses
   in one (the period's use scaled to 366 days: generous, so that a
   measure saving all of a carrier in a leap year passes). */
static void check_savings(const bal *ld)
{
  const model *m = ld->m;
  double days = (double)(date_days(m->to) - date_days(m->from) + 1);
  if (m->months <= 0 || !(days > 0))
    return;
  for (size_t i = 0; i < m->n_measures; i++) {
    const m_measure *me = &m->measures[i];
    for (size_t j = 0; j < me->n_saves; j++) {
      const m_saving *sv = &me->saves[j];
      if (!(sv->amount > 0))
        continue;
      flows fl = flows_of(ld, sv->carrier);
      if (used_of(&fl) < 0)
        continue; /* an impossible balance, reported by check_balances */
      double year = used_of(&fl) * 366.0 / days;
      if (sv->amount <= year * (1 + 1e-9))
        continue;
      const char *unit = model_carrier_unit(m, ld->f, sv->carrier);
      ERR(ld, sv->amount_pos, "measures[%s].saves[%zu].amount: saves %s of %s "
                              "a year, more than the site uses: %s %s in the "
                              "audit period (%.0f days)",
          me->id, j, sv->text, sv->carrier, balance_num(ld->a, used_of(&fl)),
          unit, days);
    }
  }
}

void balance_check(arena *a, diag_list *dl, const model *m,
                   const factors *f)
{
  bal b = {a, dl, m, f};
  check_balances(&b);
  /* a unit passing on too much usually shows at the site too: one error
     for one fault */
  size_t before = diag_errors(dl);
  check_unit_flows(&b);
  if (diag_errors(dl) == before)
    check_site_balance(&b);
  check_savings(&b);
}
