/* check_main.c — runs every unit suite and prints Check's summary. */
#include <check.h>
#include <stdlib.h>

#include "suites.h"

int main(void)
{
  SRunner *sr = srunner_create(base_suite());
  srunner_add_suite(sr, units_suite());
  srunner_add_suite(sr, ytree_suite());
  srunner_add_suite(sr, model_suite());
  srunner_add_suite(sr, rules_suite());
  srunner_add_suite(sr, energy_suite());
  srunner_add_suite(sr, golden_suite());
  srunner_add_suite(sr, bad_suite());
  srunner_add_suite(sr, cli_suite());
  srunner_add_suite(sr, findings_suite());
  srunner_add_suite(sr, finance_suite());
  srunner_add_suite(sr, expr_suite());
  srunner_add_suite(sr, report_suite());
  srunner_add_suite(sr, io_suite());
  srunner_add_suite(sr, hostile_suite());
  srunner_add_suite(sr, style_suite());
  srunner_add_suite(sr, lang_suite());
  srunner_add_suite(sr, docx_suite());
  srunner_add_suite(sr, evidence_suite());
  srunner_add_suite(sr, xlsx_suite());
  srunner_add_suite(sr, present_suite());
  srunner_add_suite(sr, management_suite());
  srunner_add_suite(sr, matrix_suite());
  srunner_add_suite(sr, rollup_suite());
  srunner_add_suite(sr, batch_suite());
  srunner_add_suite(sr, fschema_suite());
  srunner_add_suite(sr, import_suite());
  srunner_add_suite(sr, declared_suite());
  srunner_add_suite(sr, layers_suite());
  srunner_add_suite(sr, gases_suite());
  srunner_add_suite(sr, carbonq_suite());
  srunner_add_suite(sr, building_suite());
  srunner_add_suite(sr, history_suite());
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
