/* check_main.c — runs every unit suite and prints Check's summary.
 *
 * The suite never touches the user's cache of parsed rule files
 * (generator/load/ycache.h): XDG_CACHE_HOME points at a folder of its own,
 * removed at the end. */
#define _XOPEN_SOURCE 700
#include <check.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "suites.h"

static int remove_one(const char *path, const struct stat *st, int flag,
                      struct FTW *ftw)
{
  (void)st;
  (void)flag;
  (void)ftw;
  remove(path);
  return 0;
}

int main(void)
{
  char cache[] = "/tmp/auditgen-test-cache-XXXXXX";
  if (!mkdtemp(cache)) {
    perror("check_auditgen: mkdtemp");
    return EXIT_FAILURE;
  }
  setenv("XDG_CACHE_HOME", cache, 1);
  /* Check's default of 4 s a test is wall time: a test that loads the
     rules in-process takes 0.1 s alone and several seconds on a machine
     busy with other builds. Hangs are still caught at 60 s; a caller's
     own CK_DEFAULT_TIMEOUT wins. Tcases that set their own keep it. */
  setenv("CK_DEFAULT_TIMEOUT", "60", 0);
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
  srunner_add_suite(sr, ycache_suite());
  srunner_add_suite(sr, image_suite());
  srunner_add_suite(sr, ycachegc_suite());
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  nftw(cache, remove_one, 16, FTW_DEPTH | FTW_PHYS);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
