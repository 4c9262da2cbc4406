/* suites.h — every unit suite; check_main.c runs them all. */
#ifndef GEN_TEST_SUITES_H
#define GEN_TEST_SUITES_H

#include <check.h>

Suite *base_suite(void);
Suite *units_suite(void);
Suite *ytree_suite(void);
Suite *model_suite(void);
Suite *rules_suite(void);
Suite *energy_suite(void);
Suite *golden_suite(void);
Suite *bad_suite(void);
Suite *cli_suite(void);
Suite *findings_suite(void);
Suite *finance_suite(void);
Suite *expr_suite(void);
Suite *report_suite(void);
Suite *io_suite(void);
Suite *hostile_suite(void);
Suite *style_suite(void);
Suite *lang_suite(void);
Suite *docx_suite(void);
Suite *evidence_suite(void);
Suite *xlsx_suite(void);
Suite *present_suite(void);
Suite *management_suite(void);
Suite *matrix_suite(void);
Suite *rollup_suite(void);
Suite *batch_suite(void);
Suite *fschema_suite(void);
Suite *import_suite(void);
Suite *declared_suite(void);
Suite *layers_suite(void);
Suite *gases_suite(void);
Suite *carbonq_suite(void);
Suite *building_suite(void);
Suite *history_suite(void);
Suite *ycache_suite(void);
Suite *image_suite(void);
Suite *ycachegc_suite(void);

#endif
