/* check_rollup.c — `auditgen rollup`: a group's consolidated inventory
 * (issue 13, "Groups"; generator/rollup/).
 *
 * The hand-worked group is tests/group/: three facilities and one steam
 * sale between two of them.
 *
 *   boiler  the 60 % joint venture, operated by the group, not financially
 *           controlled. Coal 6,000 t at NCV 20,515.32 kJ/kg = 0.7 kgce/kg:
 *           4,200 tce into the boiler house, which makes 42,000 t of steam,
 *           so steam costs it 4,200 / 42,000 = 100 kgce/t. It sells
 *           10,000 t to dyeing (meter S03, sold_to: dyeing):
 *             E = 4,200 − 10,000 × 0.100            = 3,200 tce
 *             S1 = 6,000 × 20.51532 GJ/t × 0.025 tC/GJ × 1 × 44/12
 *                                                   = 11,283.426 tCO2
 *             S2 = −10,000 t × 3.763 GJ/t × 0.11 tCO2/GJ = −4,139.3 tCO2
 *                  (the export deducted, GB/T 32150)
 *   dyeing  wholly owned and controlled: buys the 10,000 t at the standard
 *           coefficient 128.6 kgce/t, and 1,000,000 kWh at 0.1229 kgce/kWh
 *           and 0.5 tCO2/MWh:
 *             E = 1,286 + 122.9                      = 1,408.9 tce
 *             S2 = 4,139.3 + 500                     = 4,639.3 tCO2
 *   mill    30 %, financed but not operated: 2,000,000 kWh
 *             E = 245.8 tce, S2 = 1,000 tCO2
 *
 * The sale is netted out for m = min(w_boiler, w_dyeing): the seller's
 * deduction (10,000 × 0.100 = 1,000 tce) and the buyer's purchase
 * (10,000 × 0.1286 = 1,286 tce) both leave the totals for the share m,
 * an adjustment of m × (1,000 − 1,286) = −286 m tce; in scope 2 both
 * sides are 4,139.3 tCO2, an adjustment of 0.
 *
 *   equity share (0.6, 1, 0.3), m = 0.6:
 *     E  = 0.6 × 3,200 + 1,408.9 + 0.3 × 245.8 − 0.6 × 286
 *        = 1,920 + 1,408.9 + 73.74 − 171.6 = 3,231.04 tce
 *        (check: 0.6 × 4,200 coal + 122.9 + 0.4 × 1,286 steam bought from
 *         the partners' share + 73.74 = 3,231.04)
 *     S1 = 0.6 × 11,283.426 = 6,770.0556
 *     S2 = 0.6 × (−4,139.3) + 4,639.3 + 0.3 × 1,000 = 2,455.72
 *     total 9,225.7756 tCO2; steam bought from outside the group
 *     10,000 − 0.6 × 10,000 = 4,000 t; intensity 3,231.04 /
 *     (0.6 × 2,000 + 5,000 + 0.3 × 3,000 = 7,100 万元) = 0.455076…
 *   operational control (1, 1, 0), m = 1:
 *     E  = 3,200 + 1,408.9 − 286 = 4,322.9 tce (= 4,200 + 122.9)
 *     S1 = 11,283.426; S2 = −4,139.3 + 4,639.3 = 500; total 11,783.426
 *   financial control (0, 1, 1), m = 0: nothing to net
 *     E  = 1,408.9 + 245.8 = 1,654.7 tce
 *     S1 = 0; S2 = 4,639.3 + 1,000 = 5,639.3; total 5,639.3 */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../generator/rollup/rollup.h"
#include "suites.h"
#include "testutil.h"

static int run(const char *const *argv, char **out, char **err)
{
  return tu_exec(argv, tu_root(), out, err);
}

/* The group results of `rollup FILE --json`, parsed into a. */
static value *group_json(arena *a, const char *file, int want_rc)
{
  const char *argv[] = {tu_bin(), "rollup", file, "--json", NULL};
  char *out, *err;
  int rc = run(argv, &out, &err);
  ck_assert_msg(rc == want_rc, "%s: exit %d\n%s", file, rc, err);
  diag_list *dl = diag_new(a);
  value *v = rollup_parse_json(a, dl, out, strlen(out), file);
  ck_assert_ptr_nonnull(v);
  free(out);
  free(err);
  return v;
}

static double num(const value *v, const char *path)
{
  const value *x = val_path(v, path);
  ck_assert_msg(x && x->kind == VAL_NUM, "%s is not a number", path);
  return x->num;
}

#define NEAR(v, path, want)                                                    \
  ck_assert_double_eq_tol(num((v), (path)), (want),                            \
                          1e-9 * fmax(1.0, fabs((double)(want))))

START_TEST(t_hand_equity)
{
  arena *a = arena_new();
  value *g = group_json(a, "tests/group/equity_share.yaml", 0);
  NEAR(g, "energy.total_tce", 3231.04);
  NEAR(g, "energy.facilities_tce", 3402.64);
  NEAR(g, "energy.internal_adjustment_tce", -171.6);
  NEAR(g, "carbon.scope1.total_tco2", 6770.0556);
  NEAR(g, "carbon.scope2.total_tco2", 2455.72);
  NEAR(g, "carbon.scope2.internal_adjustment_tco2", 0);
  NEAR(g, "carbon.total_tco2", 9225.7756);
  NEAR(g, "energy.intensity.tce_per_10k_cny_output", 3231.04 / 7100);
  /* the steam bought inside the group is not bought twice */
  NEAR(g, "energy.carriers[steam].purchased", 4000);
  NEAR(g, "energy.carriers[steam].sold", 0);
  NEAR(g, "energy.carriers[steam].internal", 6000);
  NEAR(g, "energy.carriers[raw_coal].purchased", 3600);
  NEAR(g, "internal_sales[0].netted_share", 0.6);
  NEAR(g, "internal_sales[0].seller_tce", 1000);
  NEAR(g, "internal_sales[0].buyer_tce", 1286);
  ck_assert_str_eq(val_path(g, "internal_sales[0].seller")->str, "boiler");
  ck_assert_str_eq(val_path(g, "internal_sales[0].buyer")->str, "dyeing");
  NEAR(g, "facilities[boiler].weight", 0.6);
  NEAR(g, "facilities[boiler].total_tce", 3200);
  NEAR(g, "facilities[boiler].weighted_tce", 1920);
  NEAR(g, "facilities[mill].weight", 0.3);
  /* shares of the weighted sum before netting: 1,920 / 3,402.64 */
  NEAR(g, "facilities[boiler].share", 1920 / 3402.64);
  NEAR(g, "facilities[dyeing].share", 1408.9 / 3402.64);
  /* ranked by intensity: mill 245.8 / 3,000, dyeing 1,408.9 / 5,000,
     boiler 3,200 / 2,000 */
  ck_assert_str_eq(val_path(g, "ranking[0].id")->str, "mill");
  ck_assert_str_eq(val_path(g, "ranking[1].id")->str, "dyeing");
  ck_assert_str_eq(val_path(g, "ranking[2].id")->str, "boiler");
  NEAR(g, "facilities[boiler].rank", 3);
  NEAR(g, "ranking[0].intensity_tce_per_10k_cny", 245.8 / 3000);
  ck_assert_str_eq(val_path(g, "group.approach")->str, "equity_share");
  ck_assert_uint_eq(val_path(g, "invalid")->n, 0);
  ck_assert_uint_eq(val_path(g, "years_differ")->n, 0);
  arena_free(a);
}
END_TEST

START_TEST(t_hand_operational)
{
  arena *a = arena_new();
  value *g = group_json(a, "tests/group/operational_control.yaml", 0);
  NEAR(g, "energy.total_tce", 4322.9);
  NEAR(g, "energy.internal_adjustment_tce", -286);
  NEAR(g, "carbon.scope1.total_tco2", 11283.426);
  NEAR(g, "carbon.scope2.total_tco2", 500);
  NEAR(g, "carbon.total_tco2", 11783.426);
  NEAR(g, "energy.carriers[steam].purchased", 0);
  NEAR(g, "energy.carriers[steam].internal", 10000);
  NEAR(g, "facilities[mill].weight", 0);
  NEAR(g, "facilities[boiler].weight", 1);
  arena_free(a);
}
END_TEST

START_TEST(t_hand_financial)
{
  arena *a = arena_new();
  value *g = group_json(a, "tests/group/financial_control.yaml", 0);
  NEAR(g, "energy.total_tce", 1654.7);
  NEAR(g, "energy.internal_adjustment_tce", 0);
  NEAR(g, "carbon.scope1.total_tco2", 0);
  NEAR(g, "carbon.scope2.total_tco2", 5639.3);
  NEAR(g, "carbon.total_tco2", 5639.3);
  NEAR(g, "internal_sales[0].netted_share", 0);
  /* the JV is outside the boundary: dyeing's steam is bought outside */
  NEAR(g, "energy.carriers[steam].purchased", 10000);
  NEAR(g, "facilities[boiler].weight", 0);
  arena_free(a);
}
END_TEST

/* Members given as results JSON (calc --json -o) consolidate to the
   same figures as the facility files. */
START_TEST(t_results_json_members)
{
  char dir[] = "/tmp/auditgen-rollup-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  char cmd[2048];
  snprintf(cmd, sizeof cmd,
           "cd '%s' && for f in boiler dyeing mill; do '%s' calc "
           "tests/group/plants/$f.yaml -q -o '%s/'$f.json 2>/dev/null || exit 1; "
           "done && "
           "sed 's#plants/\\(.*\\)\\.yaml#\\1.json#' "
           "tests/group/equity_share.yaml > '%s/g.yaml'",
           tu_root(), tu_bin(), dir, dir);
  char *out;
  ck_assert_int_eq(tu_sh(cmd, &out), 0);
  free(out);
  char g[128];
  snprintf(g, sizeof g, "%s/g.yaml", dir);
  arena *a = arena_new();
  value *v = group_json(a, g, 0);
  NEAR(v, "energy.total_tce", 3231.04);
  NEAR(v, "carbon.total_tco2", 9225.7756);
  NEAR(v, "energy.carriers[steam].internal", 6000);
  /* a JSON that is not a results file is an invalid member */
  char p[160];
  snprintf(p, sizeof p, "%s/mill.json", dir);
  FILE *f = fopen(p, "w");
  fputs("{\"schema\": \"something-else\"}\n", f);
  fclose(f);
  const char *argv[] = {tu_bin(), "rollup", g, "--json", NULL};
  char *err;
  ck_assert_int_eq(run(argv, &out, &err), 0);
  ck_assert_msg(strstr(err, "mill.json:1:1: error: not a results file") != NULL,
                "%s", err);
  ck_assert_msg(strstr(err, "1 of 3 facilities invalid") != NULL, "%s", err);
  free(out), free(err);
  /* a results file without the figures the group needs, or not JSON */
  static const struct {
    const char *text, *want;
  } bad[] = {
      {"{\"schema\": \"auditgen-results/1\", \"facility\": {\"id\": 3}}\n",
       "mill.json:1:1: error: not a results file: facility.id is not a "
       "string"},
      {"{\"schema\": \"auditgen-results/1\", \"energy\": {}}\n",
       "mill.json:1:1: error: not a results file: carbon.total_tco2 is not a "
       "number"},
      {"schema: auditgen-results/1\n",
       "mill.json:1:9: error: \"auditgen-results/1\" is not a JSON value"},
      {"[1, 2\n", "mill.json:2:1: error:"},
  };
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    f = fopen(p, "w");
    fputs(bad[i].text, f);
    fclose(f);
    ck_assert_int_eq(run(argv, &out, &err), 0);
    ck_assert_msg(strstr(err, bad[i].want) != NULL, "case %zu: %s", i, err);
    ck_assert_msg(strstr(err, "1 of 3 facilities invalid") != NULL, "%s", err);
    free(out), free(err);
  }
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  ck_assert_int_eq(system(cmd), 0);
  arena_free(a);
}
END_TEST

/* An invalid facility file is reported with its own file:line:column,
   left out and listed; the others are still consolidated. */
START_TEST(t_invalid_member)
{
  char dir[] = "/tmp/auditgen-rollup-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  char cmd[1024];
  snprintf(cmd, sizeof cmd,
           "cp '%s'/tests/group/plants/*.yaml '%s'/ && "
           "printf 'auditgen: 1\\nfacility: 3\\n' > '%s'/dyeing.yaml && "
           "printf 'group: {name: {zh: 集团, en: G}, approach: "
           "equity_share}\\nfacilities:\\n  - {file: boiler.yaml, equity: "
           "\"60 %%%%\"}\\n  - {file: dyeing.yaml, equity: 1}\\n' > '%s'/g.yaml",
           tu_root(), dir, dir, dir);
  char *out;
  ck_assert_int_eq(tu_sh(cmd, &out), 0);
  free(out);
  char g[128], j[128];
  snprintf(g, sizeof g, "%s/g.yaml", dir);
  snprintf(j, sizeof j, "%s/g.json", dir);
  const char *argv[] = {tu_bin(), "rollup", g, "-o", j, NULL};
  char *err;
  ck_assert_int_eq(run(argv, &out, &err), 0);
  ck_assert_msg(strstr(err, "dyeing.yaml:2:11: error:") != NULL, "%s", err);
  ck_assert_msg(strstr(err, "dyeing.yaml: 3 errors; left out of the group") !=
                    NULL,
                "%s", err);
  /* the buyer is invalid: its sale is not warned about as outside */
  ck_assert_ptr_null(strstr(err, "not a facility of this group"));
  free(out), free(err);
  arena *a = arena_new();
  size_t len;
  char *text = tu_slurp(j, &len);
  ck_assert_ptr_nonnull(text);
  value *v = rollup_parse_json(a, diag_new(a), text, len, j);
  free(text);
  ck_assert_str_eq(val_path(v, "invalid[0].file")->str, "dyeing.yaml");
  NEAR(v, "invalid[0].errors", 3);
  NEAR(v, "group.facilities_valid", 1);
  NEAR(v, "energy.total_tce", 0.6 * 3200);
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  ck_assert_int_eq(system(cmd), 0);
  arena_free(a);
}
END_TEST

/* The group file: every error in one run, file:line:column, exit 1,
   nothing written. */
START_TEST(t_group_errors)
{
  static const struct {
    const char *text, *err;
  } cases[] = {
      {"group:\n"
       "  name: {zh: 集团, en: G}\n"
       "  approach: equity_shares\n"
       "  extra: 1\n"
       "facilities:\n"
       "  - file: boiler.yaml\n"
       "    equity: \"160 %\"\n"
       "  - file: nosuch.yaml\n"
       "    equity: \"50 %\"\n"
       "  - file: boiler.yaml\n"
       "    equity: \"10 %\"\n"
       "  - file: boiler.txt\n"
       "  - {file: mill.yaml, equty: \"1 %\"}\n",
       "G:3:13: error: group.approach: \"equity_shares\" is not one of "
       "equity_share, operational_control, financial_control (did you mean "
       "\"equity_share\"?)\n"
       "G:4:3: error: group: unknown key \"extra\"; allowed keys: approach, "
       "name\n"
       "G:7:13: error: facilities[0].equity: 160 % is outside 0 to 100 %\n"
       "G:8:11: error: facilities[1].file: cannot read \"D/nosuch.yaml\": No "
       "such file or directory\n"
       "G:10:11: error: facilities[2].file: the same file as facilities[0] "
       "(line 6); a facility counts once\n"
       "G:12:11: error: facilities[3].file: \"boiler.txt\" is neither a "
       "facility file (.yaml, .yml) nor a results file (.json) written by "
       "calc --json\n"
       "G:13:23: error: facilities[4]: unknown key \"equty\" (did you mean "
       "\"equity\"?); allowed keys: equity, file, financial_control, "
       "operational_control\n"
       "G: 7 errors; nothing written\n"},
      {"group:\n"
       "  name: {zh: 集团, en: G}\n"
       "  approach: financial_control\n"
       "facilities:\n"
       "  - file: boiler.yaml\n"
       "    equity: \"60 %\"\n"
       "  - file: sub/boiler.yaml\n"
       "    financial_control: true\n",
       "G:5:5: error: facilities[0]: missing key \"financial_control\" (the "
       "group consolidates by financial control)\n"
       "G:7:11: error: facilities[1].file: a second facility named \"boiler\" "
       "(facilities[0], line 5); the facility id is the file name without "
       "its extension and must be unique in the group\n"
       "G: 2 errors; nothing written\n"},
      {"group: {name: {zh: 集团, en: G}, approach: operational_control}\n"
       "facilities: []\n",
       "G:2:13: error: facilities: at least one facility is required\n"
       "G: 1 error; nothing written\n"},
      {"group: {name: {zh: 集团, en: G}}\n"
       "facilities:\n"
       "  - {file: mill.yaml, equity: \"30 %\", operational_control: maybe}\n",
       "G:1:8: error: group: missing required key \"approach\"\n"
       "G:3:60: error: facilities[0].operational_control: expected true or "
       "false, found a string \"maybe\"\n"
       "G: 2 errors; nothing written\n"},
  };
  char dir[] = "/tmp/auditgen-rollup-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  char cmd[1024];
  snprintf(cmd, sizeof cmd,
           "cp '%s'/tests/group/plants/*.yaml '%s'/ && mkdir '%s/sub' && "
           "cp '%s/mill.yaml' '%s/sub/boiler.yaml'",
           tu_root(), dir, dir, dir, dir);
  char *out;
  ck_assert_int_eq(tu_sh(cmd, &out), 0);
  free(out);
  char g[128], o[128];
  snprintf(g, sizeof g, "%s/g.yaml", dir);
  snprintf(o, sizeof o, "%s/out.json", dir);
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    FILE *f = fopen(g, "w");
    fputs(cases[i].text, f);
    fclose(f);
    const char *argv[] = {tu_bin(), "rollup", g, "-o", o, NULL};
    char *err;
    ck_assert_int_eq(run(argv, &out, &err), 1);
    /* first lines only: the quoted source and carets are diag's own */
    char want[4096], got[4096];
    size_t w = 0;
    for (const char *p = cases[i].err; *p && w + 200 < sizeof want; p++) {
      if (*p == 'G' && (p == cases[i].err || p[-1] == '\n')) {
        w += (size_t)snprintf(want + w, sizeof want - w, "%s", g);
      } else if (*p == 'D' && p[1] == '/') {
        w += (size_t)snprintf(want + w, sizeof want - w, "%s", dir);
      } else {
        want[w++] = *p;
      }
    }
    want[w] = '\0';
    size_t n = 0;
    for (const char *line = err; *line;) {
      const char *end = strchr(line, '\n');
      size_t len = end ? (size_t)(end - line + 1) : strlen(line);
      if (line[0] != ' ' && n + len < sizeof got) {
        memcpy(got + n, line, len);
        n += len;
      }
      line += len;
    }
    got[n] = '\0';
    ck_assert_str_eq(got, want);
    ck_assert_str_eq(out, "");
    free(out), free(err);
    struct stat st;
    ck_assert_int_ne(stat(o, &st), 0);
  }
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  ck_assert_int_eq(system(cmd), 0);
}
END_TEST

/* A sale to a facility outside the group, or to the seller itself, is a
   warning and is not netted; a buyer who buys none of it too. */
START_TEST(t_sale_warnings)
{
  char dir[] = "/tmp/auditgen-rollup-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  char cmd[1024];
  snprintf(cmd, sizeof cmd,
           "cp '%s'/tests/group/plants/*.yaml '%s'/ && "
           "printf 'group: {name: {zh: 集团, en: G}, approach: "
           "equity_share}\\nfacilities:\\n  - {file: boiler.yaml, equity: "
           "1}\\n  - {file: mill.yaml, equity: 1}\\n' > '%s'/g.yaml && "
           "sed 's/sold_to: dyeing/sold_to: mill/' '%s/boiler.yaml' > "
           "'%s/b2.yaml' && "
           "printf 'group: {name: {zh: 集团, en: G}, approach: "
           "equity_share}\\nfacilities:\\n  - {file: b2.yaml, equity: "
           "1}\\n  - {file: mill.yaml, equity: 1}\\n' > '%s'/g2.yaml",
           tu_root(), dir, dir, dir, dir, dir);
  char *out;
  ck_assert_int_eq(tu_sh(cmd, &out), 0);
  free(out);
  char g[128];
  snprintf(g, sizeof g, "%s/g.yaml", dir);
  const char *argv[] = {tu_bin(), "rollup", g, NULL};
  char *err;
  ck_assert_int_eq(run(argv, &out, &err), 0);
  ck_assert_msg(strstr(err, "g.yaml:3:12: warning: facilities[0]: meter S03 "
                            "sells steam to \"dyeing\", which is not a "
                            "facility of this group; counted as a sale "
                            "outside the group") != NULL,
                "%s", err);
  free(out), free(err);
  snprintf(g, sizeof g, "%s/g2.yaml", dir);
  ck_assert_int_eq(run(argv, &out, &err), 0);
  ck_assert_msg(strstr(err, "warning: facilities[1] (mill) buys no steam from "
                            "outside, though b2's meter S03 sells it 10000 "
                            "t; the sale is not netted") != NULL,
                "%s", err);
  free(out), free(err);
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  ck_assert_int_eq(system(cmd), 0);
}
END_TEST

/* The sample group of the three samples consolidates under each approach:
   its totals are the weighted sums of the facilities' own (no sale
   between them), the cement plant's 2016 data is listed, and the group
   report is written as PDF, Word and Excel. */
START_TEST(t_sample_group)
{
  static const char *const approaches[] = {"equity_share",
                                            "operational_control",
                                            "financial_control"};
  /* weights of cement, aluminium, power under each approach */
  static const double w[3][3] = {{1, 0.6, 0.35}, {1, 1, 0}, {1, 0, 0}};
  char dir[] = "/tmp/auditgen-rollup-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  for (int k = 0; k < 3; k++) {
    char cmd[1024], g[128];
    snprintf(g, sizeof g, "%s/group-%d.yaml", dir, k);
    snprintf(cmd, sizeof cmd,
             "sed -e 's/approach: equity_share/approach: %s/' -e "
             "'s#file: #file: %s/samples/#' '%s/samples/group.yaml' > '%s'",
             approaches[k], tu_root(), tu_root(), g);
    char *out;
    ck_assert_int_eq(tu_sh(cmd, &out), 0);
    free(out);
    arena *a = arena_new();
    value *v = group_json(a, g, 0);
    static const char *const ids[] = {"cement-plant", "aluminium-smelter",
                                      "power-plant"};
    double e = 0, c = 0;
    for (int i = 0; i < 3; i++) {
      char p[96];
      snprintf(p, sizeof p, "facilities[%s].weight", ids[i]);
      NEAR(v, p, w[k][i]);
      snprintf(p, sizeof p, "facilities[%s].total_tce", ids[i]);
      e += w[k][i] * num(v, p);
      snprintf(p, sizeof p, "facilities[%s].total_tco2", ids[i]);
      c += w[k][i] * num(v, p);
    }
    /* docs/worked/cement-plant.md §3 */
  ck_assert_double_eq_tol(num(v, "facilities[cement-plant].total_tce"),
                          173743.20, 0.005);
    NEAR(v, "energy.total_tce", e);
    NEAR(v, "carbon.total_tco2", c);
    ck_assert_str_eq(val_path(v, "years_differ[0].id")->str, "cement-plant");
    ck_assert_str_eq(val_path(v, "period.to")->str, "2023-12-31");
    arena_free(a);
  }
  static const char *const fmts[] = {"pdf", "docx", "xlsx"};
  for (int i = 0; i < 3; i++) {
    char o[128];
    snprintf(o, sizeof o, "%s/group.%s", dir, fmts[i]);
    const char *argv[] = {tu_bin(), "rollup", "samples/group.yaml", "-o", o,
                          "-q", NULL};
    char *out, *err;
    ck_assert_int_eq(run(argv, &out, &err), 0);
    struct stat st;
    ck_assert_int_eq(stat(o, &st), 0);
    ck_assert_int_gt(st.st_size, 1000);
    free(out), free(err);
  }
  char cmd[512];
  snprintf(cmd, sizeof cmd,
           "pdftotext -layout '%s/group.pdf' - | grep -c "
           "'Zhejiang Huadong Demo Cement Co., Ltd. reports for 2016-01-01'",
           dir);
  char *out;
  ck_assert_int_eq(tu_sh(cmd, &out), 0);
  free(out);
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  ck_assert_int_eq(system(cmd), 0);
}
END_TEST

/* sold_to names the buyer of a sale: only on a meter to outside. */
START_TEST(t_sold_to_only_on_sales)
{
  tu_run r;
  tu_open(&r);
  char yaml[2048];
  snprintf(yaml, sizeof yaml,
           "%sunits:\n  - {id: k, name: {zh: 窑, en: Kiln}, stage: end_use}\n"
           "meters:\n"
           "  - {id: E1, carrier: electricity, level: 1, accuracy: 0.5S, "
           "total: \"10 kWh\", to: k, sold_to: other}\n"
           "  - {id: E2, carrier: electricity, level: 1, accuracy: 0.5S, "
           "total: \"1 kWh\", from: k, to: outside, sold_to: \"a b\"}\n",
           TU_HEAD);
  tu_facility(&r, yaml);
  ck_assert_ptr_null(r.m);
  const char *d = tu_diags(&r);
  ck_assert_msg(strstr(d, "meters[E1].sold_to: only a sale (a meter to: "
                          "outside) names its buyer; this meter goes to "
                          "\"k\"") != NULL,
                "%s", d);
  ck_assert_msg(strstr(d, "meters[E2].sold_to:") != NULL, "%s", d);
  tu_close(&r);
}
END_TEST

Suite *rollup_suite(void)
{
  Suite *s = suite_create("rollup");
  TCase *tc = tcase_create("rollup");
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, t_hand_equity);
  tcase_add_test(tc, t_hand_operational);
  tcase_add_test(tc, t_hand_financial);
  tcase_add_test(tc, t_results_json_members);
  tcase_add_test(tc, t_invalid_member);
  tcase_add_test(tc, t_group_errors);
  tcase_add_test(tc, t_sale_warnings);
  tcase_add_test(tc, t_sample_group);
  tcase_add_test(tc, t_sold_to_only_on_sales);
  suite_add_tcase(s, tc);
  return s;
}
