/* summary.c — results tree to a terminal summary (see summary.h). */
#include "summary.h"

#include <ctype.h>
#include <math.h>
#include <string.h>

#include "../base/fmt.h"

static double num(const value *root, const char *path)
{
  const value *v = val_path(root, path);
  return v && v->kind == VAL_NUM ? v->num : (double)NAN;
}

static const char *str(const value *root, const char *path)
{
  const value *v = val_path(root, path);
  return v && v->kind == VAL_STR ? v->str : "";
}

/* Pads a UTF-8 string to `width` display columns (CJK counts two). */
static void cell(buf *out, const char *s, int width, bool right)
{
  int w = 0;
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (*p < 0x80)
      w++;
    else if (*p >= 0xE0 && *p < 0xF0)
      w += 2;
    else if (*p >= 0xC0)
      w++;
  }
  int pad = width > w ? width - w : 0;
  if (right)
    buf_printf(out, "%*s%s", pad, "", s);
  else
    buf_printf(out, "%s%*s", s, pad, "");
}

void summary_write(const value *r, buf *out)
{
  char a[64], b[64], c[64], d[64];
  buf_printf(out, "%s / %s\n", str(r, "facility.name.zh"),
             str(r, "facility.name.en"));
  buf_printf(out, "Audit period %s to %s (%s days)\n\n", str(r, "period.from"),
             str(r, "period.to"),
             fmt_num(num(r, "period.days"), 0, false, a, sizeof a));

  buf_puts(out, "Energy consumption by carrier (GB/T 2589)\n");
  cell(out, "carrier", 16, false);
  cell(out, "consumed", 18, true);
  cell(out, "unit", 6, true);
  cell(out, "kgce/unit", 14, true);
  cell(out, "tce", 14, true);
  cell(out, "share", 9, true);
  buf_putc(out, '\n');
  const value *cs = val_path(r, "energy.carriers");
  for (size_t i = 0; cs && i < cs->n; i++) {
    const value *o = cs->items[i];
    cell(out, str(o, "carrier"), 16, false);
    cell(out, fmt_num(num(o, "consumed"), 2, true, a, sizeof a), 18, true);
    cell(out, str(o, "unit"), 6, true);
    cell(out, fmt_num(num(o, "coefficient_kgce"), 4, true, b, sizeof b), 14,
         true);
    cell(out, fmt_num(num(o, "tce"), 2, true, c, sizeof c), 14, true);
    double share = num(o, "share");
    fmt_num(share * 100.0, 1, false, d, sizeof d);
    if (isfinite(share))
      strcat(d, " %");
    cell(out, d, 9, true);
    buf_putc(out, '\n');
  }
  buf_printf(out, "Total (equivalent value 当量值)   %s tce\n",
             fmt_num(num(r, "energy.total_tce"), 2, true, a, sizeof a));
  buf_printf(out, "Total (equal value 等价值)        %s tce\n",
             fmt_num(num(r, "energy.total_equal_value_tce"), 2, true, a,
                     sizeof a));

  const value *ps = val_path(r, "energy.products");
  if (ps && ps->n) {
    buf_puts(out, "\nProducts\n");
    for (size_t i = 0; i < ps->n; i++) {
      const value *o = ps->items[i];
      cell(out, str(o, "id"), 15, false);
      buf_printf(out, " %s %s   %s tce   %s kgce/%s",
                 fmt_num(num(o, "quantity"), 0, true, a, sizeof a),
                 str(o, "unit"),
                 fmt_num(num(o, "energy_tce"), 2, true, b, sizeof b),
                 fmt_num(num(o, "unit_consumption_kgce"), 2, true, c, sizeof c),
                 str(o, "unit"));
      const value *g = val_path(o, "benchmark.grade");
      const value *ml = val_path(o, "benchmark.meets_limit");
      if (g && g->kind == VAL_NUM)
        buf_printf(out, "   %s grade %d", str(o, "benchmark.standard"),
                   (int)g->num);
      else if (ml && ml->kind == VAL_BOOL && !ml->b)
        buf_printf(out, "   %s: exceeds the limit",
                   str(o, "benchmark.standard"));
      buf_putc(out, '\n');
    }
  }
  double io = num(r, "energy.intensity.tce_per_10k_cny_output");
  double iv = num(r, "energy.intensity.tce_per_10k_cny_value_added");
  double im = num(r, "energy.intensity.kgce_per_m2");
  if (isfinite(io) || isfinite(iv) || isfinite(im))
    buf_puts(out, "\nIntensity\n");
  if (isfinite(io))
    buf_printf(out, "  %s tce per 10^4 CNY output value\n",
               fmt_num(io, 4, true, a, sizeof a));
  if (isfinite(iv))
    buf_printf(out, "  %s tce per 10^4 CNY value added\n",
               fmt_num(iv, 4, true, a, sizeof a));
  if (isfinite(im))
    buf_printf(out, "  %s kgce per m2\n", fmt_num(im, 2, true, a, sizeof a));

  const value *bs = val_path(r, "energy.balance");
  if (bs && bs->n) {
    buf_puts(out, "\nBalance and losses\n");
    for (size_t i = 0; i < bs->n; i++) {
      const value *o = bs->items[i];
      cell(out, str(o, "carrier"), 16, false);
      buf_printf(out, "input %s, end use %s, loss %s %s (%s %%)\n",
                 fmt_num(num(o, "input"), 2, true, a, sizeof a),
                 fmt_num(num(o, "end_use"), 2, true, b, sizeof b),
                 fmt_num(num(o, "loss"), 2, true, c, sizeof c), str(o, "unit"),
                 fmt_num(num(o, "loss_ratio") * 100.0, 2, false, d, sizeof d));
    }
  }
  double cost = num(r, "energy.cost.total_cny");
  if (isfinite(cost))
    buf_printf(out, "\nEnergy cost  %s CNY\n", fmt_num(cost, 0, true, a, sizeof a));
  double t = num(r, "carbon.total_tco2");
  if (isfinite(t)) {
    buf_puts(out, "\nCarbon (GB/T 32150)\n");
    buf_printf(out, "  scope 1 combustion  %s tCO2\n",
               fmt_num(num(r, "carbon.scope1.combustion_tco2"), 0, true, a,
                       sizeof a));
    buf_printf(out, "  scope 1 process     %s tCO2\n",
               fmt_num(num(r, "carbon.scope1.process_tco2"), 0, true, a,
                       sizeof a));
    buf_printf(out, "  scope 2             %s tCO2\n",
               fmt_num(num(r, "carbon.scope2.total_tco2"), 0, true, a,
                       sizeof a));
    buf_printf(out, "  total               %s tCO2\n", fmt_num(t, 0, true, a,
                                                             sizeof a));
    /* the other gases in CO2 equivalent, and the total of all gases */
    const value *gs = val_path(r, "carbon.gases");
    if (gs && gs->n) {
      const char *set = str(r, "carbon.gwp_set.key");
      char up[16] = "?";
      for (size_t k = 0; set && set[k] && k + 1 < sizeof up; k++)
        up[k] = (char)toupper((unsigned char)set[k]), up[k + 1] = '\0';
      buf_printf(out, "  other gases         %s tCO2e (GWP of %s)\n",
                 fmt_num(num(r, "carbon.gases_tco2e"), 0, true, a, sizeof a),
                 up);
      buf_printf(out, "  total, all gases    %s tCO2e\n",
                 fmt_num(num(r, "carbon.total_tco2e"), 0, true, a, sizeof a));
    }
  }
  const value *ms = val_path(r, "measures");
  if (ms && ms->n) {
    buf_puts(out, "\nMeasures\n");
    for (size_t i = 0; i < ms->n; i++) {
      const value *o = ms->items[i];
      cell(out, str(o, "id"), 6, false);
      buf_printf(out, "%s tce/a, %s CNY/a, payback %s a, NPV %s CNY\n",
                 fmt_num(num(o, "annual_saving_tce"), 2, true, a, sizeof a),
                 fmt_num(num(o, "annual_saving_cny"), 0, true, b, sizeof b),
                 fmt_num(num(o, "payback_years"), 1, true, c, sizeof c),
                 fmt_num(num(o, "npv_cny"), 0, true, d, sizeof d));
    }
  }
  const value *fs = val_path(r, "findings");
  if (fs && fs->n) {
    buf_printf(out, "\nFindings (%zu)\n", (size_t)fs->n);
    for (size_t i = 0; i < fs->n; i++)
      buf_printf(out, "  [%s] %s\n", str(fs->items[i], "severity"),
                 str(fs->items[i], "text.en"));
  }
  const value *notes = val_path(r, "notes");
  if (notes && notes->n) {
    buf_puts(out, "\nNotes\n");
    for (size_t i = 0; i < notes->n; i++)
      buf_printf(out, "  - %s\n", str(notes->items[i], "en"));
  }
}
