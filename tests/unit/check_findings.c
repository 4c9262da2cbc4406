/* check_findings.c — the shipped checks (rules/checks/): for each, a
 * facility that triggers it and one that does not. Each case asserts the
 * presence or absence of the finding by rule id, and for triggering cases
 * a key part of its text in both languages. */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "suites.h"
#include "testutil.h"

/* True when results.findings holds a finding of rule id. */
static bool has_finding(const tu_run *r, const char *id, const char **zh,
                        const char **en)
{
  const value *fs = val_path(r->results, "findings");
  for (size_t i = 0; fs && i < fs->n; i++)
    if (strcmp(val_get(fs->items[i], "rule")->str, id) == 0) {
      if (zh)
        *zh = val_path(fs->items[i], "text.zh")->str;
      if (en)
        *en = val_path(fs->items[i], "text.en")->str;
      return true;
    }
  return false;
}

static char yaml[8192];

/* A clinker line of 100,000 t whose coal gives the unit consumption
   wanted: kgce/t × 100,000 t / 714.3 kgce/t of raw coal = tonnes of coal. */
static void clinker_plant(tu_run *r, double kgce_per_t)
{
  double coal_t = kgce_per_t * 100000.0 / 714.3;
  snprintf(yaml, sizeof yaml,
           "%s"
           "units:\n"
           "  - {id: kiln, name: {zh: 窑, en: Kiln}, stage: end_use}\n"
           "meters:\n"
           "  - {id: C1, carrier: raw_coal, level: 1, to: kiln, total: "
           "\"%.6f t\"}\n"
           "products:\n"
           "  - {id: clinker, name: {zh: 熟料, en: Clinker}, benchmark: "
           "cement_clinker, quantity: \"100,000 t\", units: [kiln]}\n",
           TU_HEAD, coal_t);
  tu_open(r);
  tu_facility(r, yaml);
  ck_assert_msg(r->results, "%s", tu_diags(r));
}

START_TEST(t_product_exceeds_limit)
{
  tu_run r;
  const char *zh, *en;
  /* 120 kgce/t > the GB 16780-2021 clinker limit of 117 kgce/t */
  clinker_plant(&r, 120.0);
  ck_assert(has_finding(&r, "product_exceeds_limit", &zh, &en));
  ck_assert_ptr_nonnull(strstr(zh, "120.00 kgce/t"));
  ck_assert_ptr_nonnull(strstr(en, "exceeds the limit value 117.00 kgce/t"));
  tu_close(&r);
  /* 110 kgce/t is within the limit (grade 3) */
  clinker_plant(&r, 110.0);
  ck_assert(!has_finding(&r, "product_exceeds_limit", NULL, NULL));
  ck_assert(has_finding(&r, "product_grade_3_only", NULL, NULL));
  tu_close(&r);
}
END_TEST

Suite *findings_suite(void)
{
  Suite *s = suite_create("findings");
  TCase *tc = tcase_create("checks");
  tcase_add_test(tc, t_product_exceeds_limit);
  suite_add_tcase(s, tc);
  return s;
}
