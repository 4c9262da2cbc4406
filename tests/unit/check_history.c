/* check_history.c — earlier years (history:), the year-on-year changes,
 * the LMDI-I decomposition and the saving target (docs/calculation.md
 * "Earlier years"), each figure worked by hand beside its assertion. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../generator/calc/calc.h"
#include "../../generator/chart/chart.h"
#include "../../generator/template/charts.h"
#include "suites.h"
#include "testutil.h"

/* Two products on their own lines and an office, electricity only
   (0.1229 kgce/kWh):
     2023: line A 2,000,000 kWh = 245.8 tce for 1,000 t (245.8 kgce/t),
           line B 1,000,000 kWh = 122.9 tce for 500 t (245.8 kgce/t),
           office 100,000 kWh = 12.29 tce; total 380.99 tce;
           output value 2,000 万元.
     2022 (inline): 2,700,000 kWh = 331.83 tce; A 800 t at 250 kgce/t
           (200 tce), B 600 t at 200 kgce/t (120 tce), so the rest
           (not in a product) is 11.83 tce; output value 1,600 万元. */
#define PLANT_NO_PRODUCTS                                                      \
  "auditgen: 1\n"                                                              \
  "facility:\n"                                                                \
  "  name: {zh: 示范厂, en: Demo plant}\n"                                     \
  "  industry: textile\n"                                                      \
  "  output_value: \"2,000 万元\"\n"                                           \
  "audit:\n"                                                                   \
  "  period: {from: 2023-01-01, to: 2023-12-31}\n"                             \
  "units:\n"                                                                   \
  "  - {id: line_a, name: {zh: A线, en: Line A}, stage: end_use}\n"            \
  "  - {id: line_b, name: {zh: B线, en: Line B}, stage: end_use}\n"            \
  "  - {id: office, name: {zh: 办公, en: Office}, stage: end_use}\n"           \
  "meters:\n"                                                                  \
  "  - {id: E1, carrier: electricity, level: 1, from: outside, to: line_a, "  \
  "total: \"2,000,000 kWh\"}\n"                                                \
  "  - {id: E2, carrier: electricity, level: 1, from: outside, to: line_b, "  \
  "total: \"1,000,000 kWh\"}\n"                                                \
  "  - {id: E3, carrier: electricity, level: 1, from: outside, to: office, "  \
  "total: \"100,000 kWh\"}\n"
#define PLANT                                                                  \
  PLANT_NO_PRODUCTS                                                            \
  "products:\n"                                                                \
  "  - {id: a, name: {zh: 产品A, en: Product A}, quantity: \"1,000 t\", "     \
  "units: [line_a]}\n"                                                         \
  "  - {id: b, name: {zh: 产品B, en: Product B}, quantity: \"500 t\", "       \
  "units: [line_b]}\n"

#define YEAR_2022(products)                                                    \
  "  - period: {from: 2022-01-01, to: 2022-12-31}\n"                           \
  "    consumption: {electricity: \"2,700,000 kWh\"}\n"                        \
  "    products:\n" products "    output_value: \"1,600 万元\"\n"

#define BOTH                                                                   \
  "      - {id: a, quantity: \"800 t\", unit_consumption: \"250 kgce/t\"}\n"   \
  "      - {id: b, quantity: \"600 t\", unit_consumption: \"200 kgce/t\"}\n"

static void run(tu_run *r, const char *yaml)
{
  tu_open(r);
  tu_facility(r, yaml);
  ck_assert_msg(r->results != NULL, "refused:\n%s", tu_diags(r));
}

/* {====================================================== LMDI */

START_TEST(t_logmean)
{
  /* L(x, x) = x; L(e, 1) = (e − 1) / 1 */
  ck_assert_double_eq(calc_logmean(7.5, 7.5), 7.5);
  ck_assert_double_eq_tol(calc_logmean(exp(1.0), 1.0), exp(1.0) - 1.0,
                          1e-15);
  /* symmetric: L(2, 8) = 6 / ln 4 = 4.328085122666891 */
  ck_assert_double_eq_tol(calc_logmean(2, 8), 4.328085122666891, 1e-14);
  ck_assert_double_eq_tol(calc_logmean(8, 2), 4.328085122666891, 1e-14);
}
END_TEST

/* The three effects of one segment add up to its change, for any
   positive figures (LMDI-I has no residual). */
START_TEST(t_segment_sums)
{
  static const double cases[][6] = {
      /* q0, q1, s0, s1, i0, i1 */
      {100, 120, 0.5, 0.4, 2.0, 1.7},
      {1e4, 9e3, 1.0, 1.0, 0.03, 0.05},
      {3, 3, 0.2, 0.9, 10, 10},
      {1e-3, 5e5, 7, 0.01, 1e-4, 3e2},
  };
  for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
    const double *c = cases[k];
    double e0 = c[0] * c[2] * c[4], e1 = c[1] * c[3] * c[5], fx[3];
    calc_lmdi_segment(e0, e1, c[0], c[1], c[2], c[3], c[4], c[5], fx);
    double sum = fx[0] + fx[1] + fx[2];
    ck_assert_double_eq_tol(sum, e1 - e0, 1e-9 * fmax(1.0, fabs(e1 - e0)));
  }
}
END_TEST

/* Zeros (Ang & Liu 2007): a segment begun (E0 = 0) or stopped (E1 = 0)
   puts its whole change in the structure effect, the limit of the
   formulas as the zero is replaced by δ → 0: L(E, δ) → 0 makes the
   activity and intensity terms vanish, and L(E, δ) × ln(s / δ') → E. */
START_TEST(t_segment_zeros)
{
  double fx[3];
  calc_lmdi_segment(0, 122.9, 1600, 2000, 0, 0.25, 0, 245.8, fx);
  ck_assert_double_eq(fx[0], 0);
  ck_assert_double_eq(fx[1], 122.9);
  ck_assert_double_eq(fx[2], 0);
  calc_lmdi_segment(40, 0, 1600, 2000, 0.1, 0, 0.25, 0, fx);
  ck_assert_double_eq(fx[0], 0);
  ck_assert_double_eq(fx[1], -40);
  ck_assert_double_eq(fx[2], 0);
  calc_lmdi_segment(0, 0, 1, 1, 0, 0, 0, 0, fx);
  ck_assert_double_eq(fx[0] + fx[1] + fx[2], 0);
  /* the small-value strategy (s0 = δ, I0 = I1, E0 = Q0 δ I1) tends to
     the same figures, slowly (the error is about ln(Q1/Q0) / ln(1/δ)):
     at δ = 1e-300, activity 122.9 × ln 1.25 / ln(E1/E0) = 0.0402 and
     structure 122.9 × ln(0.25/δ) / ln(E1/E0) = 124.1 */
  double err_s[2], err_a[2], ds[2] = {1e-30, 1e-300};
  for (int k = 0; k < 2; k++) {
    double d = ds[k];
    calc_lmdi_segment(1600 * d * 245.8, 122.9, 1600, 2000, d, 0.25, 245.8,
                      245.8, fx);
    ck_assert_double_eq(fx[2], 0);
    err_a[k] = fabs(fx[0]);
    err_s[k] = fabs(fx[1] - 122.9);
  }
  ck_assert(err_a[1] < err_a[0] && err_s[1] < err_s[0]);
  ck_assert_double_lt(err_a[1], 0.05);
  ck_assert_double_lt(err_s[1], 1.5);
}
END_TEST

/* The hand-worked case of the file's head, 2022 → 2023.
   L(a, b) = (a − b) / ln(a / b).
   A: E 200 → 245.8, L = 45.8 / ln 1.229 = 222.11355730385878;
      s = Y / Q = 800/1600 = 0.5 → 1000/2000 = 0.5; I 250 → 245.8 kgce/t.
      activity 222.1136 × ln(2000/1600) = 49.56320797181528
      structure 0
      intensity 222.1136 × ln(245.8/250) = −3.7632079718154112
   B: E 120 → 122.9, L = 121.44422923034195;
      s 600/1600 = 0.375 → 500/2000 = 0.25; I 200 → 245.8.
      activity 121.4442 × ln 1.25 = 27.09949659707546
      structure 121.4442 × ln(0.25/0.375) = −49.2413975339933
      intensity 121.4442 × ln(245.8/200) = 25.041900936917795
   other: E 11.83 → 12.29, L = 12.058537724384138; s = 1;
      I = E / Q: 11.83/1600 → 12.29/2000.
      activity 12.0585 × ln 1.25 = 2.690784931475446
      intensity 12.0585 × ln((12.29/2000) / (11.83/1600)) = −2.23078493147541
   Sums: activity 79.3534895003662, structure −49.2413975339933,
   intensity 19.047908033626975; together 49.16 = 380.99 − 331.83. */
START_TEST(t_hand_worked)
{
  tu_run r;
  run(&r, PLANT "history:\n" YEAR_2022(BOTH));
  /* 2,700,000 × 0.1229 / 1000 */
  TU_NEAR(&r, "history.years[0].total_tce", 331.83);
  /* 331.83 / 1,600 */
  TU_NEAR(&r, "history.years[0].intensity_tce_per_10k_cny", 0.20739375);
  /* 2,000,000 + 1,000,000 + 100,000 kWh × 0.1229 / 1000 */
  TU_NEAR(&r, "history.years[1].total_tce", 380.99);
  ck_assert_str_eq(tu_str(&r, "history.years[1].source"), "audit");
  /* (380.99 − 331.83) / 331.83 × 100 */
  TU_NEAR(&r, "history.changes[0].total_tce_change_pct",
          (380.99 - 331.83) / 331.83 * 100);
  /* B: 200 → 245.8 kgce/t, +22.9 % */
  TU_NEAR(&r, "history.changes[0].products[b].unit_consumption_change_pct",
          22.9);
  ck_assert(val_path(r.results, "history.lmdi.previous.by_product")->b);
  TU_NEAR(&r, "history.lmdi.previous.change_tce", 49.16);
  TU_NEAR(&r, "history.lmdi.previous.activity_tce", 79.3534895003662);
  TU_NEAR(&r, "history.lmdi.previous.structure_tce", -49.2413975339933);
  TU_NEAR(&r, "history.lmdi.previous.intensity_tce", 19.047908033626975);
  TU_NEAR(&r, "history.lmdi.previous.segments[a].intensity_tce",
          -3.7632079718154112);
  TU_NEAR(&r, "history.lmdi.previous.segments[b].structure_tce",
          -49.2413975339933);
  TU_NEAR(&r, "history.lmdi.previous.segments[other].energy0_tce", 11.83);
  /* no residual: the effects add up to the change to 1e-9 relative */
  double sum = tu_num(&r, "history.lmdi.previous.activity_tce") +
               tu_num(&r, "history.lmdi.previous.structure_tce") +
               tu_num(&r, "history.lmdi.previous.intensity_tce");
  double ch = tu_num(&r, "history.lmdi.previous.change_tce");
  ck_assert_double_eq_tol(sum, ch, 1e-9 * fabs(ch));
  /* no base period: no base → audit decomposition, no target */
  ck_assert(tu_is_null(&r, "history.lmdi.base"));
  ck_assert(tu_is_null(&r, "history.target"));
  tu_close(&r);
}
END_TEST

/* Product B new in 2023: its 122.9 tce all go to structure (Ang & Liu's
   limit); the rest of 2022 is 331.83 − 200 = 131.83 tce.
   other: 131.83 → 12.29, L = (12.29 − 131.83) / ln(12.29/131.83).
   activity: A 49.56320797181528 + other L × ln 1.25 → 60.80536809462606
   structure: 122.9 (B) + 0 (A: s 0.5 → 0.5)
   intensity: A −3.7632 + other L × ln((12.29/2000)/(131.83/1600))
              = −134.54536809462618
   sum 49.16 again. */
START_TEST(t_new_product)
{
  tu_run r;
  run(&r, PLANT "history:\n" YEAR_2022(
              "      - {id: a, quantity: \"800 t\", unit_consumption: "
              "\"250 kgce/t\"}\n"));
  TU_NEAR(&r, "history.lmdi.previous.segments[b].energy0_tce", 0);
  TU_NEAR(&r, "history.lmdi.previous.segments[b].structure_tce", 122.9);
  TU_NEAR(&r, "history.lmdi.previous.segments[b].activity_tce", 0);
  TU_NEAR(&r, "history.lmdi.previous.segments[b].intensity_tce", 0);
  TU_NEAR(&r, "history.lmdi.previous.activity_tce", 60.80536809462606);
  TU_NEAR(&r, "history.lmdi.previous.structure_tce", 122.9);
  TU_NEAR(&r, "history.lmdi.previous.intensity_tce", -134.54536809462618);
  /* B not made in 2022: no unit consumption that year */
  ck_assert(tu_is_null(&r, "history.years[0].products[b].unit_consumption_kgce"));
  tu_close(&r);
}
END_TEST

/* A year without the products' unit consumption: the whole site is one
   segment, activity = L(380.99, 331.83) × ln(2000/1600), structure 0,
   intensity = L × ln((380.99/2000) / (331.83/1600)).
   L = 49.16 / ln(380.99/331.83) = 355.82...; ln 1.25 = 0.22314355131;
   ln(0.190495 / 0.20739375) = −0.08499... */
START_TEST(t_whole_site)
{
  tu_run r;
  run(&r, PLANT "history:\n" YEAR_2022("      - {id: a, quantity: \"800 t\"}\n"
                                       "      - {id: b, quantity: \"600 t\"}\n"));
  ck_assert(!val_path(r.results, "history.lmdi.previous.by_product")->b);
  double L = 49.16 / log(380.99 / 331.83);
  TU_NEAR(&r, "history.lmdi.previous.activity_tce", L * log(1.25));
  TU_NEAR(&r, "history.lmdi.previous.structure_tce", 0);
  TU_NEAR(&r, "history.lmdi.previous.intensity_tce",
          L * log((380.99 / 2000) / (331.83 / 1600)));
  ck_assert_str_eq(tu_str(&r, "history.lmdi.previous.segments[0].id"), "site");
  /* the unit consumption of a year without it is null */
  ck_assert(tu_is_null(&r, "history.years[0].products[a].unit_consumption_kgce"));
  tu_close(&r);
}
END_TEST

/* An intermediate product (clinker into cement, here a into b): the
   audit year's b uses 200 t of a, so
     a: net output 1,000 − 200 = 800 t at 245.8 kgce/t = 196.64 tce;
     b: (122.9 tce + 200 t × 245.8 kgce/t) / 500 t = 344.12 kgce/t,
        500 t → 172.06 tce; rest (office) 12.29; Σ 380.99 tce.
   2022 inline with b's uses (300 t of a):
     a: net 800 − 300 = 500 t × 250 kgce/t = 125 tce;
     b: 600 t × 200 kgce/t = 120 tce; rest 331.83 − 245 = 86.83 tce. */
#define PLANT_USES                                                             \
  PLANT_NO_PRODUCTS                                                            \
  "products:\n"                                                                \
  "  - {id: a, name: {zh: 产品A, en: Product A}, quantity: \"1,000 t\", "     \
  "units: [line_a]}\n"                                                         \
  "  - {id: b, name: {zh: 产品B, en: Product B}, quantity: \"500 t\", "       \
  "units: [line_b],\n"                                                         \
  "     uses: [{product: a, quantity: \"200 t\"}]}\n"

static int has_note(const tu_run *r, const char *path, const char *en)
{
  const value *notes = val_path(r->results, "notes");
  for (size_t i = 0; notes && i < notes->n; i++)
    if (strcmp(val_get(notes->items[i], "path")->str, path) == 0 &&
        strstr(val_get(notes->items[i], "en")->str, en))
      return 1;
  return 0;
}

START_TEST(t_year_uses)
{
  tu_run r;
  run(&r, PLANT_USES "history:\n" YEAR_2022(
              "      - {id: a, quantity: \"800 t\", unit_consumption: "
              "\"250 kgce/t\"}\n"
              "      - {id: b, quantity: \"600 t\", unit_consumption: "
              "\"200 kgce/t\",\n"
              "         uses: [{product: a, quantity: \"300 t\"}]}\n"));
  ck_assert(val_path(r.results, "history.lmdi.previous.by_product")->b);
  /* (800 − 300) t × 250 kgce/t */
  TU_NEAR(&r, "history.lmdi.previous.segments[a].energy0_tce", 125);
  /* 600 t × 200 kgce/t */
  TU_NEAR(&r, "history.lmdi.previous.segments[b].energy0_tce", 120);
  /* 331.83 − 125 − 120 */
  TU_NEAR(&r, "history.lmdi.previous.segments[other].energy0_tce", 86.83);
  /* (1,000 − 200) t × 245.8 kgce/t */
  TU_NEAR(&r, "history.lmdi.previous.segments[a].energy1_tce", 196.64);
  /* 500 t × 344.12 kgce/t */
  TU_NEAR(&r, "history.lmdi.previous.segments[b].energy1_tce", 172.06);
  /* the effects still add up to 380.99 − 331.83 */
  double sum = tu_num(&r, "history.lmdi.previous.activity_tce") +
               tu_num(&r, "history.lmdi.previous.structure_tce") +
               tu_num(&r, "history.lmdi.previous.intensity_tce");
  ck_assert_double_eq_tol(sum, 49.16, 1e-9 * 49.16);
  tu_close(&r);

  /* the same year without b's uses: a's net output that year is not
     known, so the whole site is one segment, and a note says why */
  run(&r, PLANT_USES "history:\n" YEAR_2022(BOTH));
  ck_assert(!val_path(r.results, "history.lmdi.previous.by_product")->b);
  ck_assert(has_note(&r, "history.lmdi.previous",
                     "2022 gives no uses of a by b"));
  tu_close(&r);

  /* a not made in 2022: nothing of it to net out, by product again */
  run(&r, PLANT_USES "history:\n" YEAR_2022(
              "      - {id: b, quantity: \"600 t\", unit_consumption: "
              "\"200 kgce/t\"}\n"));
  ck_assert(val_path(r.results, "history.lmdi.previous.by_product")->b);
  TU_NEAR(&r, "history.lmdi.previous.segments[a].energy0_tce", 0);
  tu_close(&r);
}
END_TEST

/* }====================================================== */
/* {====================================================== target */

/* "50 tce" from 2022: I0 = 331.83/1600 = 0.20739375, I1 = 380.99/2000 =
   0.190495 tce/万元; achieved (I0 − I1) × 2000 = 33.7975 tce; completed
   33.7975 / 50 = 67.595 %: not met, a warning. */
START_TEST(t_target_tce)
{
  tu_run r;
  run(&r, PLANT "history:\n" YEAR_2022(BOTH) "saving_target: \"50 tce\"\n");
  TU_NEAR(&r, "history.target.achieved", 33.7975);
  TU_NEAR(&r, "history.target.completed_pct", 67.595);
  ck_assert(!val_path(r.results, "history.target.met")->b);
  tu_close(&r);
}
END_TEST

/* "8 %": achieved (0.20739375 − 0.190495) / 0.20739375 = 8.14802... %;
   completed 8.148 / 8 = 101.85 %: met. */
START_TEST(t_target_pct)
{
  tu_run r;
  run(&r, PLANT "history:\n" YEAR_2022(BOTH) "saving_target: \"8 %\"\n");
  double a = (0.20739375 - 0.190495) / 0.20739375 * 100;
  TU_NEAR(&r, "history.target.achieved", a);
  TU_NEAR(&r, "history.target.completed_pct", a / 8 * 100);
  ck_assert(val_path(r.results, "history.target.met")->b);
  tu_close(&r);
}
END_TEST

/* The findings of the target, through the command line, both languages. */
START_TEST(t_target_finding)
{
  char path[] = "/tmp/auditgen-history-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(path));
  char file[64];
  snprintf(file, sizeof file, "%s/plant.yaml", path);
  FILE *f = fopen(file, "w");
  ck_assert_ptr_nonnull(f);
  fputs(PLANT "history:\n" YEAR_2022(BOTH) "saving_target: \"50 tce\"\n", f);
  fclose(f);
  char *out, *err;
  const char *argv[] = {tu_bin(), "calc", file, "--json", NULL};
  ck_assert_int_eq(tu_exec(argv, tu_root(), &out, &err), 0);
  ck_assert_msg(strstr(out, "\"saving_target_not_met_tce\"") != NULL, "%s",
                out);
  ck_assert_msg(strstr(out, "节能目标未完成：2022年至2023年节能量目标50 tce，"
                            "按产值计实现34 tce，完成67.6%。") != NULL,
                "%s", out);
  ck_assert_msg(strstr(out, "Saving target not met: the target from 2022 to "
                            "2023 is 50 tce; the saving by output value is 34 "
                            "tce, 67.6 % of the target.") != NULL,
                "%s", out);
  free(out);
  free(err);
  unlink(file);
  rmdir(path);
}
END_TEST

/* }====================================================== */
/* {====================================================== charts */

static double fixed_width(void *ctx, const char *s, size_t n, lay_face f,
                          double size)
{
  (void)ctx, (void)s, (void)f;
  return (double)n * size * 0.5;
}

static void inside(const ch_drawing *d)
{
  ck_assert_uint_gt(d->n, 10);
  for (size_t i = 0; i < d->n; i++) {
    const ch_cmd *m = &d->cmds[i];
    ck_assert(isfinite(m->x) && isfinite(m->y) && isfinite(m->w) &&
              isfinite(m->h));
    if (m->kind == CH_RECT)
      ck_assert_msg(m->x >= -0.01 && m->y >= -0.01 &&
                        m->x + m->w <= d->w + 0.01 && m->y + m->h <= d->h + 0.01,
                    "rect %zu outside the box", i);
  }
}

/* The trend: two years, a line each for total energy, energy per 万元,
   CO2, CO2 per 万元 and the two products' unit consumption; the
   waterfall: 331.83, the three effects of t_hand_worked, 380.99. */
START_TEST(t_charts)
{
  tu_run r;
  run(&r, PLANT "history:\n" YEAR_2022(BOTH));
  doc_chart *t = charts_build(r.a, "trend", r.results);
  ck_assert_int_eq(t->kind, CHART_TREND);
  ck_assert_uint_eq(t->ncat, 2);
  ck_assert_uint_eq(t->nser, 6);
  ck_assert_str_eq(t->cats[0].en, "2022");
  ck_assert_str_eq(t->sers[5].en, "Unit consumption: Product B");
  /* B: 200 → 245.8 kgce/t */
  ck_assert_double_eq(t->values[5 * 2 + 1], 245.8);
  inside(chart_draw(r.a, t, 481.9, 190, LANG_ZH, fixed_width, NULL));
  doc_chart *w = charts_build(r.a, "lmdi", r.results);
  ck_assert_int_eq(w->kind, CHART_WATERFALL);
  ck_assert_uint_eq(w->ncat, 5);
  ck_assert_double_eq_tol(w->values[0], 331.83, 1e-9);
  ck_assert_double_eq_tol(w->values[2], -49.2413975339933, 1e-9);
  ck_assert_double_eq_tol(w->values[4], 380.99, 1e-9);
  ck_assert_double_eq_tol(w->values[0] + w->values[1] + w->values[2] +
                              w->values[3],
                          w->values[4], 1e-9);
  inside(chart_draw(r.a, w, 481.9, 190, LANG_EN, fixed_width, NULL));
  /* no history: no data, the template leaves the charts out */
  tu_close(&r);
  run(&r, PLANT);
  ck_assert_uint_eq(charts_build(r.a, "trend", r.results)->ncat, 0);
  ck_assert_uint_eq(charts_build(r.a, "lmdi", r.results)->ncat, 0);
  tu_close(&r);
}
END_TEST

/* }====================================================== */
/* {====================================================== samples */

/* The training sample: 2021 from its own file, 2022 inline (part 6 of
   samples/training/dyeing-plant.md works every figure). */
START_TEST(t_dyeing_sample)
{
  char *text = tu_slurp("samples/training/dyeing-plant.yaml", NULL);
  ck_assert_ptr_nonnull(text);
  free(text);
  char *out, *err;
  const char *argv[] = {tu_bin(), "explain", "samples/training/dyeing-plant.yaml",
                        "history.lmdi.previous.intensity_tce", NULL};
  ck_assert_int_eq(tu_exec(argv, tu_root(), &out, &err), 0);
  ck_assert_msg(strstr(out, "LMDI") != NULL, "%s", out);
  free(out);
  free(err);
}
END_TEST

/* }====================================================== */

Suite *history_suite(void)
{
  Suite *s = suite_create("history");
  TCase *tc = tcase_create("years");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, t_logmean);
  tcase_add_test(tc, t_segment_sums);
  tcase_add_test(tc, t_segment_zeros);
  tcase_add_test(tc, t_hand_worked);
  tcase_add_test(tc, t_new_product);
  tcase_add_test(tc, t_whole_site);
  tcase_add_test(tc, t_year_uses);
  tcase_add_test(tc, t_target_tce);
  tcase_add_test(tc, t_target_pct);
  tcase_add_test(tc, t_target_finding);
  tcase_add_test(tc, t_charts);
  tcase_add_test(tc, t_dyeing_sample);
  suite_add_tcase(s, tc);
  return s;
}
