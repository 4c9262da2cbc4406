/* matrix.c — the energy balance matrix of GB/T 28751 (energy.balance_matrix)
 * and the energy flow diagram of GB/T 16616 / GB/T 28749 (energy.flow).
 *
 * Input: the model and the carriers as energy.c computed them (quantities,
 * coefficients, totals). Output: energy.balance_matrix — per carrier, in
 * physical units and in tce, the stages 购入贮存 (purchase and storage),
 * 加工转换 (conversion), 输送分配 (distribution) and 最终使用 (end use:
 * production, auxiliary, ancillary systems) — and energy.flow, the nodes
 * and links of the diagram in stage columns. Invariants (docs/calculation.md
 * "Balance matrix"): every row closes, supply = conversion input +
 * conversion output (negative) + distribution loss + end use; the tce
 * total of the supply is energy.total_tce; every node of the diagram
 * balances. Work is linear in units and meters: one walk up the unit tree
 * per unit (at most 32 levels), one pass over the meters. */
#include "internal.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* {====================================================== groups */

/* Where a unit's flows count: distribution (no conversion or end-use unit
   above it), conversion, or an end-use system. */
enum { B_DIST, B_CONV, B_PROD, B_AUX, B_ANC, B_N };

typedef struct bal {
  size_t nk, nu;
  int *grp;              /* per unit: its group (a unit index), -1: none */
  unsigned char *bucket; /* per unit, as a group: B_* */
  double *bin, *bout;    /* [b * nk + k]: carrier k into / out of bucket b */
  bool *balanced;        /* per carrier: a meter into a conversion or end-use
                            unit (as energy.balance[] has it) */
  int *conv;             /* per unit: its index among conversion groups */
  int *conv_unit;        /* conversion index -> unit */
  size_t nconv;
  double *cin, *cout;    /* [ci * nk + k] */
  double *recovered;     /* per conversion group: tce of its outputs beyond
                            its metered inputs */
  double recovered_tce;
} bal;

/* A unit's group: the nearest unit at or above it of stage conversion or
   end_use, so that a sub-unit's meter moves energy only when it crosses
   from one group to another (hierarchical metering is not counted twice);
   -1 when there is none (distribution, purchase and storage). */
static int group_of(const model *m, int u)
{
  for (size_t steps = 0; u >= 0 && steps <= m->n_units; steps++) {
    unit_stage st = m->units[u].stage;
    if (st == STAGE_CONVERSION || st == STAGE_END_USE)
      return u;
    u = m->units[u].parent;
  }
  return -1;
}

/* An end-use unit's system: its own, else the nearest ancestor's, else
   production. */
static int system_of(const model *m, int u)
{
  for (size_t steps = 0; u >= 0 && steps <= m->n_units; steps++) {
    switch (m->units[u].system) {
    case SYSTEM_PRODUCTION:
      return B_PROD;
    case SYSTEM_AUXILIARY:
      return B_AUX;
    case SYSTEM_ANCILLARY:
      return B_ANC;
    case SYSTEM_NONE:
      break;
    }
    u = m->units[u].parent;
  }
  return B_PROD;
}

/* A place's group: -2 outside, -1 the site or a distribution unit. */
static int place_group(const bal *b, int place)
{
  if (place == PLACE_OUTSIDE)
    return -2;
  if (place < 0)
    return -1;
  return b->grp[place];
}

static void build_groups(calc_ctx *c, bal *b)
{
  const model *m = c->m;
  arena *a = c->a;
  size_t nk = c->n_carriers, nu = m->n_units;
  b->nk = nk;
  b->nu = nu;
  b->grp = ARENA_ARRAY(a, int, nu + 1);
  b->bucket = ARENA_ARRAY(a, unsigned char, nu + 1);
  b->conv = ARENA_ARRAY(a, int, nu + 1);
  b->conv_unit = ARENA_ARRAY(a, int, nu + 1);
  b->nconv = 0;
  for (size_t u = 0; u < nu; u++) {
    b->grp[u] = group_of(m, (int)u);
    b->conv[u] = -1;
    unit_stage st = m->units[u].stage;
    b->bucket[u] = st == STAGE_CONVERSION ? B_CONV
                   : st == STAGE_END_USE  ? (unsigned char)system_of(m, (int)u)
                                          : B_DIST;
    if (st == STAGE_CONVERSION) {
      b->conv[u] = (int)b->nconv;
      b->conv_unit[b->nconv++] = (int)u;
    }
  }
  b->bin = ARENA_ARRAY(a, double, B_N * nk + 1);
  b->bout = ARENA_ARRAY(a, double, B_N * nk + 1);
  b->balanced = ARENA_ARRAY(a, bool, nk + 1);
  b->cin = ARENA_ARRAY(a, double, b->nconv * nk + 1);
  b->cout = ARENA_ARRAY(a, double, b->nconv * nk + 1);
  for (size_t i = 0; i < m->n_meters; i++) {
    const m_meter *mt = &m->meters[i];
    int k = c->meter_carrier[i];
    if (mt->form == METER_NONE || k < 0)
      continue;
    int ga = place_group(b, mt->from), gb = place_group(b, mt->to);
    if (gb >= 0)
      b->balanced[k] = true;
    if (ga == gb)
      continue;
    double q = mt->quantity;
    if (gb >= 0) {
      b->bin[b->bucket[gb] * nk + (size_t)k] += q;
      if (b->conv[gb] >= 0)
        b->cin[(size_t)b->conv[gb] * nk + (size_t)k] += q;
    }
    if (ga >= 0) {
      b->bout[b->bucket[ga] * nk + (size_t)k] += q;
      if (b->conv[ga] >= 0)
        b->cout[(size_t)b->conv[ga] * nk + (size_t)k] += q;
    }
  }
  /* A conversion unit whose outputs exceed its metered inputs in tce (a
     waste-heat power unit has none: its input is heat recovered from the
     process) draws the difference from recovered energy. */
  b->recovered = ARENA_ARRAY(a, double, b->nconv + 1);
  b->recovered_tce = 0;
  for (size_t ci = 0; ci < b->nconv; ci++) {
    double in = 0, out = 0;
    for (size_t k = 0; k < nk; k++) {
      const carrier_fig *cf = &c->carriers[k];
      if (!cf->counted)
        continue;
      in += b->cin[ci * nk + k] * cf->coefficient / 1000.0;
      out += b->cout[ci * nk + k] * cf->coefficient / 1000.0;
    }
    if (out > in + 1e-9 * fmax(out, 1.0)) {
      b->recovered[ci] = out - in;
      b->recovered_tce += out - in;
    }
  }
}

static bool is_medium(const carrier_fig *cf)
{
  return cf->def && cf->def->cls == CARRIER_MEDIUM;
}

/* }====================================================== */
/* {====================================================== matrix */

/* One row of the matrix: the figures of one carrier on one basis. */
typedef struct mrow {
  double purchased, stock_change, exported, supply;
  double conv_in, conv_out, loss;
  double prod, aux, anc, unmetered, end_use;
} mrow;

static void physical_row(const bal *b, const carrier_fig *cf, size_t k,
                         mrow *r)
{
  size_t nk = b->nk;
  memset(r, 0, sizeof *r);
  r->purchased = cf->purchased;
  r->stock_change = cf->stock_change;
  r->exported = -cf->sold;
  r->supply = cf->consumed;
  r->conv_in = b->bin[B_CONV * nk + k];
  r->conv_out = -b->bout[B_CONV * nk + k];
  r->prod = b->bin[B_PROD * nk + k] - b->bout[B_PROD * nk + k];
  r->aux = b->bin[B_AUX * nk + k] - b->bout[B_AUX * nk + k];
  r->anc = b->bin[B_ANC * nk + k] - b->bout[B_ANC * nk + k];
  /* What stays in distribution: a loss where the carrier is metered into
     the units; else (no sub-meter, or a working medium, whose rest is
     use) end use not metered by system. */
  double rest = r->supply - r->conv_in - r->conv_out - r->prod - r->aux -
                r->anc;
  if (b->balanced[k] && !is_medium(cf))
    r->loss = rest;
  else
    r->unmetered = rest;
  r->end_use = r->prod + r->aux + r->anc + r->unmetered;
}

static void scale_row(const mrow *p, double f, mrow *r)
{
  r->purchased = p->purchased * f;
  r->stock_change = p->stock_change * f;
  r->exported = p->exported * f;
  r->supply = p->supply * f;
  r->conv_in = p->conv_in * f;
  r->conv_out = p->conv_out * f;
  r->loss = p->loss * f;
  r->prod = p->prod * f;
  r->aux = p->aux * f;
  r->anc = p->anc * f;
  r->unmetered = p->unmetered * f;
  r->end_use = p->end_use * f;
}

static void add_row(mrow *t, const mrow *r)
{
  t->purchased += r->purchased;
  t->stock_change += r->stock_change;
  t->exported += r->exported;
  t->supply += r->supply;
  t->conv_in += r->conv_in;
  t->conv_out += r->conv_out;
  t->loss += r->loss;
  t->prod += r->prod;
  t->aux += r->aux;
  t->anc += r->anc;
  t->unmetered += r->unmetered;
  t->end_use += r->end_use;
}

static void set_row(calc_ctx *c, value *o, const mrow *r, const char *unit)
{
  arena *a = c->a;
  val_set_num(a, o, "purchased", r->purchased);
  val_set_num(a, o, "stock_change", r->stock_change);
  val_set_num(a, o, "exported", r->exported);
  value *s = val_set_num(a, o, "supply", r->supply);
  trace *t = val_trace(a, s, "purchased + stock_change + exported",
                       "GB/T 28751 (购入贮存); docs/calculation.md Balance "
                       "matrix");
  trace_add(a, t, "purchased", r->purchased, unit, NULL);
  trace_add(a, t, "stock_change", r->stock_change, unit,
            "stock: opening - closing");
  trace_add(a, t, "exported", r->exported, unit, "meters to outside, negative");
  val_set_num(a, o, "conversion_input", r->conv_in);
  val_set_num(a, o, "conversion_output", r->conv_out);
  value *l = val_set_num(a, o, "distribution_loss", r->loss);
  t = val_trace(a, l,
                "supply − conversion_input − conversion_output − end use by "
                "system",
                "GB/T 28751 (输送分配); docs/calculation.md Balance matrix");
  trace_add(a, t, "supply", r->supply, unit, NULL);
  trace_add(a, t, "conversion_input", r->conv_in, unit,
            "meters into conversion units");
  trace_add(a, t, "conversion_output", r->conv_out, unit,
            "meters out of conversion units, negative");
  trace_add(a, t, "production + auxiliary + ancillary",
            r->prod + r->aux + r->anc, unit, "meters into end-use units");
  val_set_num(a, o, "production", r->prod);
  val_set_num(a, o, "auxiliary", r->aux);
  val_set_num(a, o, "ancillary", r->anc);
  val_set_num(a, o, "unmetered_use", r->unmetered);
  value *e = val_set_num(a, o, "end_use", r->end_use);
  t = val_trace(a, e, "production + auxiliary + ancillary + unmetered_use",
                "GB/T 28751 (最终使用); docs/calculation.md Balance matrix");
  trace_add(a, t, "production", r->prod, unit, NULL);
  trace_add(a, t, "auxiliary", r->aux, unit, NULL);
  trace_add(a, t, "ancillary", r->anc, unit, NULL);
  trace_add(a, t, "unmetered_use", r->unmetered, unit, NULL);
}

static value *matrix_row(calc_ctx *c, value *rows, const carrier_fig *cf,
                         const char *basis, const mrow *r)
{
  arena *a = c->a;
  value *o = calc_carrier_row(c, rows, cf);
  bool tce = strcmp(basis, "tce") == 0;
  if (tce)
    val_set_str(a, o, "unit", "tce");
  val_set_str(a, o, "basis", basis);
  val_set_bool(a, o, "counted", cf->counted);
  if (tce)
    val_set_num(a, o, "coefficient_kgce", cf->coefficient);
  set_row(c, o, r, tce ? "tce" : cf->unit);
  return o;
}

static void emit_matrix(calc_ctx *c, value *energy, const bal *b)
{
  arena *a = c->a;
  value *o = val_set(a, energy, "balance_matrix", val_obj(a));
  value *rows = val_set(a, o, "rows", val_arr(a));
  mrow total, ph, tc;
  memset(&total, 0, sizeof total);
  for (size_t k = 0; k < c->n_carriers; k++) {
    const carrier_fig *cf = &c->carriers[k];
    physical_row(b, cf, k, &ph);
    matrix_row(c, rows, cf, "physical", &ph);
    scale_row(&ph, cf->coefficient / 1000.0, &tc);
    tc.supply = cf->tce; /* the same figure as energy.carriers[].tce */
    matrix_row(c, rows, cf, "tce", &tc);
    if (cf->counted)
      add_row(&total, &tc);
  }
  value *ru = val_set(a, o, "recovered_units", val_arr(a));
  val_set_num(a, o, "recovered_tce", b->recovered_tce);
  if (b->recovered_tce > 0) {
    /* Recovered energy enters conversion and is taken from the end use
       of production, whose waste heat it is: it adds nothing to the
       total (GB/T 2589: energy recovered inside is not counted again). */
    mrow r;
    memset(&r, 0, sizeof r);
    r.conv_in = b->recovered_tce;
    r.prod = -b->recovered_tce;
    r.end_use = -b->recovered_tce;
    value *ro = val_obj(a);
    val_push(a, rows, ro);
    val_set_str(a, ro, "carrier", "recovered");
    val_set_str(a, ro, "name_zh", "回收余热余能");
    val_set_str(a, ro, "name_en", "Recovered waste heat and energy");
    val_set_str(a, ro, "unit", "tce");
    val_set_str(a, ro, "basis", "tce");
    val_set_bool(a, ro, "counted", true);
    set_row(c, ro, &r, "tce");
    add_row(&total, &r);
    for (size_t ci = 0; ci < b->nconv; ci++) {
      if (!(b->recovered[ci] > 0))
        continue;
      const m_unit *u = &c->m->units[b->conv_unit[ci]];
      value *x = val_obj(a);
      val_push(a, ru, x);
      val_set_str(a, x, "id", u->id);
      val_set_str(a, x, "name_zh", u->name.zh);
      val_set_str(a, x, "name_en", u->name.en);
      val_set_num(a, x, "tce", b->recovered[ci]);
    }
  }
  value *t = val_set(a, o, "total", val_obj(a));
  val_set_str(a, t, "basis", "tce");
  val_set_str(a, t, "unit", "tce");
  set_row(c, t, &total, "tce");
}

/* }====================================================== */
/* {====================================================== flow */

/* The diagram leaves out a facility of more nodes than this (a note says
   so): hundreds of boxes are unreadable, and the links are a square
   table of the nodes. End uses beyond FLOW_MAX_END_USES are drawn as one
   node, "other end uses", so that the last column stays legible. */
#define FLOW_MAX_NODES 500
#define FLOW_MAX_END_USES 12
/* Conversion units feeding each other (boiler → turbine) stand in
   sub-columns of the conversion stage, at most this many. */
#define FLOW_MAX_DEPTH 4

typedef struct fnode {
  const char *id, *zh, *en, *stage;
  int depth; /* sub-column within the stage */
} fnode;

/* The top-most end-use unit at or above group g below any conversion
   unit: the diagram's node for g (a unit's children are inside it). */
static int display_of(const model *m, int g)
{
  int top = g;
  int u = m->units[g].parent;
  for (size_t steps = 0; u >= 0 && steps <= m->n_units; steps++) {
    if (m->units[u].stage == STAGE_CONVERSION)
      break;
    if (m->units[u].stage == STAGE_END_USE)
      top = u;
    u = m->units[u].parent;
  }
  return top;
}

typedef struct bysize {
  size_t i;
  double v;
} bysize;

static int cmp_size(const void *x, const void *y)
{
  const bysize *p = x, *q = y;
  if (p->v != q->v)
    return p->v > q->v ? -1 : 1;
  return p->i < q->i ? -1 : p->i > q->i;
}

static void emit_flow(calc_ctx *c, value *energy, const bal *b)
{
  arena *a = c->a;
  const model *m = c->m;
  size_t nk = b->nk, nu = b->nu;
  value *o = val_set(a, energy, "flow", val_obj(a));
  value *nodes = val_set(a, o, "nodes", val_arr(a));
  value *links = val_set(a, o, "links", val_arr(a));
  /* carriers drawn: those counted in the total (a working medium too: its
     rest is use not metered by unit, never a loss) */
  bool *drawn = ARENA_ARRAY(a, bool, nk + 1);
  for (size_t k = 0; k < nk; k++) {
    const carrier_fig *cf = &c->carriers[k];
    drawn[k] = cf->counted && cf->coefficient > 0;
  }
  /* end use by display unit and carrier: the groups' net inflows */
  int *disp = ARENA_ARRAY(a, int, nu + 1); /* unit -> display index */
  int *disp_unit = ARENA_ARRAY(a, int, nu + 1);
  size_t nd = 0;
  for (size_t u = 0; u < nu; u++)
    disp[u] = -1;
  for (size_t u = 0; u < nu; u++) {
    if (m->units[u].stage != STAGE_END_USE || b->grp[u] != (int)u)
      continue;
    int top = display_of(m, (int)u);
    if (disp[top] < 0) {
      disp[top] = (int)nd;
      disp_unit[nd++] = top;
    }
    disp[u] = disp[top];
  }
  double *eu = ARENA_ARRAY(a, double, nd * nk + 1);
  for (size_t i = 0; i < m->n_meters; i++) {
    const m_meter *mt = &m->meters[i];
    int k = c->meter_carrier[i];
    if (mt->form == METER_NONE || k < 0 || !drawn[k])
      continue;
    int ga = place_group(b, mt->from), gb = place_group(b, mt->to);
    if (ga == gb)
      continue;
    if (gb >= 0 && disp[gb] >= 0)
      eu[(size_t)disp[gb] * nk + (size_t)k] += mt->quantity;
    if (ga >= 0 && disp[ga] >= 0)
      eu[(size_t)disp[ga] * nk + (size_t)k] -= mt->quantity;
  }
  /* the largest end uses keep a node of their own */
  bysize *sz = ARENA_ARRAY(a, bysize, nd + 1);
  for (size_t d = 0; d < nd; d++) {
    sz[d].i = d;
    sz[d].v = 0;
    for (size_t k = 0; k < nk; k++)
      if (drawn[k] && eu[d * nk + k] > 0)
        sz[d].v += eu[d * nk + k] * c->carriers[k].coefficient / 1000.0;
  }
  qsort(sz, nd, sizeof *sz, cmp_size);
  bool *keep = ARENA_ARRAY(a, bool, nd + 1);
  size_t kept = 0;
  for (size_t j = 0; j < nd && j < FLOW_MAX_END_USES; j++)
    if (sz[j].v > 0) {
      keep[sz[j].i] = true;
      kept++;
    }
  bool others = kept < nd;
  size_t cap = nk + 1 + b->nconv + nk + kept + 6;
  if (cap > FLOW_MAX_NODES) {
    calc_note(c, "energy.flow",
              arena_printf(a, "加工转换单元有%zu个，过多，不绘制能流图。",
                           b->nconv),
              arena_printf(a, "%zu conversion units are too many for an "
                              "energy flow diagram: none is drawn.",
                           b->nconv));
    return;
  }
  fnode *nd_ = ARENA_ARRAY(a, fnode, cap);
  size_t nn = 0;
  size_t *buy = ARENA_ARRAY(a, size_t, nk + 1);
  size_t *net = ARENA_ARRAY(a, size_t, nk + 1);
  size_t *conv_node = ARENA_ARRAY(a, size_t, b->nconv + 1);
  size_t *disp_node = ARENA_ARRAY(a, size_t, nd + 1);
  /* recovered energy first: it feeds the conversion units at the top */
  size_t rec = SIZE_MAX;
  if (b->recovered_tce > 0) {
    rec = nn;
    nd_[nn++] = (fnode){"recovered", "回收余热余能", "Recovered waste heat",
                        "purchase", 0};
  }
  for (size_t k = 0; k < nk; k++) {
    const carrier_fig *cf = &c->carriers[k];
    buy[k] = SIZE_MAX;
    if (!drawn[k] || !(cf->purchased + cf->stock_change > 0))
      continue;
    buy[k] = nn;
    nd_[nn++] = (fnode){arena_printf(a, "purchase:%s", cf->key),
                        calc_carrier_name(c, cf, true),
                        calc_carrier_name(c, cf, false), "purchase", 0};
  }
  for (size_t ci = 0; ci < b->nconv; ci++) {
    const m_unit *u = &m->units[b->conv_unit[ci]];
    conv_node[ci] = nn;
    nd_[nn++] = (fnode){arena_printf(a, "unit:%s", u->id), u->name.zh,
                        u->name.en, "conversion", 0};
  }
  for (size_t k = 0; k < nk; k++) {
    const carrier_fig *cf = &c->carriers[k];
    net[k] = SIZE_MAX;
    if (!drawn[k])
      continue;
    net[k] = nn;
    nd_[nn++] = (fnode){
        arena_printf(a, "distribution:%s", cf->key),
        arena_printf(a, "%s输配", calc_carrier_name(c, cf, true)),
        arena_printf(a, "%s distribution", calc_carrier_name(c, cf, false)),
        "distribution", 0};
  }
  for (size_t d = 0; d < nd; d++) {
    const m_unit *u = &m->units[disp_unit[d]];
    disp_node[d] = keep[d] ? nn : SIZE_MAX;
    if (keep[d])
      nd_[nn++] = (fnode){arena_printf(a, "unit:%s", u->id), u->name.zh,
                          u->name.en, "end_use", 0};
  }
  size_t other = SIZE_MAX;
  if (others) {
    other = nn;
    nd_[nn++] = (fnode){"other_end_use", "其他最终使用", "Other end uses",
                        "end_use", 0};
  }
  for (size_t d = 0; d < nd; d++)
    if (!keep[d])
      disp_node[d] = other;
  /* a building's end uses are its systems: what no meter divides among
     them is the building's end use, not a process's; a boiler house with
     no metered output ends in the use it serves (heating, special use) */
  bool bld = calc_is_building(m);
  size_t unmet = nn;
  nd_[nn++] = bld ? (fnode){"unmetered_use", "建筑末端用能（未分项计量）",
                            "Building end uses (not sub-metered)", "end_use",
                            0}
                  : (fnode){"unmetered_use", "未分项计量的使用",
                            "Use not metered by unit", "end_use", 0};
  size_t end_heating = SIZE_MAX, end_special = SIZE_MAX;
  if (bld) {
    end_heating = nn;
    nd_[nn++] = (fnode){"end:heating", "供暖", "Space heating", "end_use", 0};
    end_special = nn;
    nd_[nn++] = (fnode){"end:special", "特殊用能", "Special use", "end_use",
                        0};
  }
  size_t exported = nn;
  nd_[nn++] = (fnode){"exported", "输出能源", "Energy exported", "export", 0};
  size_t loss = nn;
  nd_[nn++] = (fnode){"losses", "损失", "Losses", "loss", 0};
  double *w = ARENA_ARRAY(a, double, nn * nn + 1);
  /* Each carrier is a pool: its sources (the purchase and stock, the
     conversion units making it) feed its sinks (conversion units taking
     it, its distribution, exports) in proportion. */
  for (size_t k = 0; k < nk; k++) {
    if (!drawn[k])
      continue;
    const carrier_fig *cf = &c->carriers[k];
    double f = cf->coefficient / 1000.0;
    double bought = fmax(cf->purchased + cf->stock_change, 0.0);
    double src = bought;
    for (size_t ci = 0; ci < b->nconv; ci++)
      src += b->cout[ci * nk + k];
    if (!(src > 0))
      continue;
    mrow r;
    physical_row(b, cf, k, &r);
    double to_net = r.loss + r.end_use;
    for (int s = -1; s < (int)b->nconv; s++) {
      double part = s < 0 ? bought : b->cout[(size_t)s * nk + k];
      size_t from = s < 0 ? buy[k] : conv_node[s];
      if (!(part > 0) || from == SIZE_MAX)
        continue;
      double share = part / src;
      for (size_t ci = 0; ci < b->nconv; ci++) {
        double x = b->cin[ci * nk + k];
        if (x > 0 && conv_node[ci] != from)
          w[from * nn + conv_node[ci]] += x * share * f;
      }
      if (to_net > 0)
        w[from * nn + net[k]] += to_net * share * f;
      if (cf->sold > 0)
        w[from * nn + exported] += cf->sold * share * f;
    }
    /* distribution: to the end uses, the use not metered by unit, and
       the loss */
    for (size_t d = 0; d < nd; d++)
      if (eu[d * nk + k] > 0)
        w[net[k] * nn + disp_node[d]] += eu[d * nk + k] * f;
    if (r.unmetered > 0)
      w[net[k] * nn + unmet] += r.unmetered * f;
    if (r.loss > 0)
      w[net[k] * nn + loss] += r.loss * f;
  }
  for (size_t ci = 0; ci < b->nconv; ci++)
    if (b->recovered[ci] > 0)
      w[rec * nn + conv_node[ci]] += b->recovered[ci];
  /* a conversion unit's input beyond its outputs is its conversion loss;
     a unit with no metered output (a boiler house heating the building)
     passes it on to use not metered by unit */
  double *in = ARENA_ARRAY(a, double, nn + 1);
  double *out = ARENA_ARRAY(a, double, nn + 1);
  for (size_t ci = 0; ci < b->nconv; ci++) {
    size_t x = conv_node[ci];
    for (size_t y = 0; y < nn; y++) {
      in[x] += w[y * nn + x];
      out[x] += w[x * nn + y];
    }
    if (in[x] - out[x] > 1e-9 * in[x]) {
      unit_use use = bld ? calc_unit_use(m, b->conv_unit[ci]) : USE_REGULAR;
      size_t sink = out[x] > 0                ? loss
                    : use == USE_HEATING ? end_heating
                    : use == USE_SPECIAL ? end_special
                                          : unmet;
      w[x * nn + sink] += in[x] - out[x];
      out[x] = in[x];
    }
  }
  /* sub-columns of the conversion stage: a unit fed by another stands to
     its right (a boiler, then the turbine it feeds) */
  for (int pass = 0; pass < FLOW_MAX_DEPTH; pass++) {
    bool moved = false;
    for (size_t ci = 0; ci < b->nconv; ci++)
      for (size_t cj = 0; cj < b->nconv; cj++) {
        size_t x = conv_node[ci], y = conv_node[cj];
        if (w[x * nn + y] > 0 && nd_[y].depth < nd_[x].depth + 1 &&
            nd_[x].depth + 1 < FLOW_MAX_DEPTH) {
          nd_[y].depth = nd_[x].depth + 1;
          moved = true;
        }
      }
    if (!moved)
      break;
  }
  memset(in, 0, sizeof *in * nn);
  memset(out, 0, sizeof *out * nn);
  for (size_t x = 0; x < nn; x++)
    for (size_t y = 0; y < nn; y++) {
      out[x] += w[x * nn + y];
      in[y] += w[x * nn + y];
    }
  for (size_t i = 0; i < nn; i++) {
    double tce = fmax(in[i], out[i]);
    if (!(tce > 0))
      continue;
    value *v = val_obj(a);
    val_push(a, nodes, v);
    val_set_str(a, v, "id", nd_[i].id);
    val_set_str(a, v, "name_zh", nd_[i].zh);
    val_set_str(a, v, "name_en", nd_[i].en);
    val_set_str(a, v, "stage", nd_[i].stage);
    val_set_num(a, v, "depth", nd_[i].depth);
    val_set_num(a, v, "tce", tce);
  }
  for (size_t x = 0; x < nn; x++)
    for (size_t y = 0; y < nn; y++)
      if (w[x * nn + y] > 0) {
        value *lv = val_obj(a);
        val_push(a, links, lv);
        val_set_str(a, lv, "from", nd_[x].id);
        val_set_str(a, lv, "to", nd_[y].id);
        val_set_num(a, lv, "tce", w[x * nn + y]);
      }
}

/* }====================================================== */

void calc_balance_matrix(calc_ctx *c, value *energy)
{
  bal b;
  memset(&b, 0, sizeof b);
  build_groups(c, &b);
  emit_matrix(c, energy, &b);
  emit_flow(c, energy, &b);
}
