/* check_management.c — the facility file's `management:` section: what the
 * loader reads, the target completion calc works out (figures worked by
 * hand in the comments), the links to the metering and equipment results,
 * the findings of rules/checks/management.yaml, and Chapter 3 of the
 * report in Chinese and in English, with and without the section. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suites.h"
#include "testutil.h"

#define HEAD(from, to)                                                         \
  "auditgen: 1\n"                                                              \
  "facility:\n"                                                                \
  "  name: {zh: 测试厂, en: Test plant}\n"                                     \
  "  industry: cement\n"                                                       \
  "  output_value: \"10,000 万元\"\n"                                          \
  "audit:\n"                                                                   \
  "  period: {from: " from ", to: " to "}\n"

/* 1,000,000 kWh × 0.1229 kgce/kWh = 122.9 tce; per 10,000 万元 of output:
   0.01229 tce/万元. */
#define SITE                                                                   \
  "meters:\n"                                                                  \
  "  - {id: E1, carrier: electricity, level: 1, total: \"1,000,000 kWh\"}\n"

static bool has_finding(const tu_run *r, const char *id, const char *part)
{
  const value *fs = val_path(r->results, "findings");
  for (size_t i = 0; fs && i < fs->n; i++)
    if (strcmp(val_get(fs->items[i], "rule")->str, id) == 0 &&
        (!part || strstr(val_path(fs->items[i], "text.zh")->str, part) ||
         strstr(val_path(fs->items[i], "text.en")->str, part)))
      return true;
  return false;
}

static void run(tu_run *r, const char *yaml)
{
  tu_open(r);
  tu_facility(r, yaml);
  ck_assert_msg(r->results != NULL, "refused:\n%s", tu_diags(r));
}

static void refuse(const char *yaml, const char *want)
{
  tu_run r;
  tu_open(&r);
  tu_facility(&r, yaml);
  ck_assert_ptr_null(r.m);
  ck_assert_str_eq(tu_diags(&r), want);
  tu_close(&r);
}

/* {====================================================== loading */

static const char FULL[] =
    HEAD("2016-01-01", "2016-12-31") SITE
    "equipment:\n"
    "  - {id: MT1, kind: motor, name: {zh: 风机电机, en: Fan motor}, "
    "capacity: \"250 kW\"}\n"
    "management:\n"
    "  organisation:\n"
    "    department: {zh: 能源科, en: Energy section}\n"
    "    manager:\n"
    "      name: {zh: 王建国, en: Wang Jianguo}\n"
    "      post: {zh: 副总经理, en: Deputy general manager}\n"
    "      registration: \"ZJ-2015-0031\"\n"
    "      registered: 2015-04-20\n"
    "    staff: 4\n"
    "  targets:\n"
    "    five_year: {from: 2016, to: 2020, total_tce: \"120 tce\", "
    "intensity_reduction: \"10 %\", intensity_base: \"0.0130 tce/万元\"}\n"
    "    yearly:\n"
    "      - {year: 2015, total_tce: \"125 tce\", actual_tce: \"124 tce\", "
    "intensity_reduction: \"5 %\", actual_reduction: \"5.5 %\"}\n"
    "      - {year: 2016, total_tce: \"130 tce\", intensity_reduction: "
    "\"6 %\", intensity_base: \"0.0130 tce/万元\"}\n"
    "  system:\n"
    "    standard: GB/T 15587\n"
    "    self_assessed_on: 2016-10-01\n"
    "    elements: {policy: true, organisation: true, training: false}\n"
    "  meter_management: {system: true, staff: 2, ledger: false, "
    "calibration_records: true}\n"
    "  online_monitoring: {connected: true, connected_on: 2016-05-01, "
    "data_points: 0}\n"
    "  obsolete_check:\n"
    "    checked: true\n"
    "    checked_on: 2016-12-01\n"
    "    catalogues: [{zh: 第一批目录, en: Batch 1}]\n"
    "    found:\n"
    "      - {equipment: MT1, catalogue: {zh: 第一批, en: batch 1}, plan: "
    "{zh: 更换, en: Replace}, deadline: 2017-06-30}\n"
    "  previous_audit:\n"
    "    report_date: 2013-11-20\n"
    "    measures:\n"
    "      - {id: P1, name: {zh: 余热利用, en: Waste heat}, planned_tce: "
    "\"100 tce\", implemented: yes, saving_tce: \"80 tce\"}\n"
    "      - {id: P2, name: {zh: 变频改造, en: VFD}, planned_tce: \"200 tce\", "
    "implemented: partly, saving_tce: \"50 tce\"}\n"
    "      - {id: P3, name: {zh: 照明改造, en: Lighting}, planned_tce: "
    "\"20 tce\", implemented: no, note: {zh: 资金未落实, en: Not funded}}\n";

START_TEST(t_parse)
{
  tu_run r;
  run(&r, FULL);
  const m_management *g = r.m->management;
  ck_assert_ptr_nonnull(g);
  ck_assert(g->has_organisation);
  ck_assert_str_eq(g->manager_name.en, "Wang Jianguo");
  ck_assert_str_eq(g->registration, "ZJ-2015-0031");
  ck_assert_int_eq(g->registered.y, 2015);
  ck_assert_int_eq(g->registered.m, 4);
  ck_assert_int_eq(g->registered.d, 20);
  ck_assert_int_eq(g->staff, 4);
  ck_assert(g->has_five_year);
  ck_assert_int_eq(g->five_year.from, 2016);
  ck_assert_int_eq(g->five_year.to, 2020);
  ck_assert_double_eq_tol(g->five_year.total_tce, 120.0, 1e-9);
  ck_assert_double_eq_tol(g->five_year.reduction, 0.10, 1e-12);
  ck_assert_double_eq_tol(g->five_year.base_intensity, 0.0130, 1e-12);
  ck_assert_int_eq((int)g->n_yearly, 2);
  ck_assert(!g->yearly[0].of_audit);
  ck_assert_double_eq_tol(g->yearly[0].actual_tce, 124.0, 1e-9);
  ck_assert_double_eq_tol(g->yearly[0].actual_reduction, 0.055, 1e-12);
  ck_assert(g->yearly[1].of_audit);
  ck_assert_int_eq(g->standard, MG_STD_15587);
  ck_assert(!g->certified);
  ck_assert_int_eq(g->elements[MG_EL_POLICY], 1);
  ck_assert_int_eq(g->elements[MG_EL_TRAINING], 0);
  ck_assert_int_eq(g->elements[MG_EL_RECORDS], -1);
  ck_assert(g->mm_system && !g->mm_ledger && g->has_mm_ledger);
  ck_assert(!g->has_mm_data_records);
  ck_assert(g->connected && g->has_data_points && g->data_points == 0);
  ck_assert_int_eq((int)g->n_catalogues, 1);
  ck_assert_int_eq((int)g->n_found, 1);
  ck_assert_str_eq(g->found[0].equipment, "MT1");
  /* named by the equipment entry when the item gives no name */
  ck_assert_str_eq(g->found[0].name.zh, "风机电机");
  ck_assert_int_eq((int)g->n_measures, 3);
  ck_assert_int_eq(g->measures[1].implemented, MG_IMPL_PARTLY);
  ck_assert_double_eq_tol(g->measures[1].saving_tce, 50.0, 1e-9);
  ck_assert(!g->measures[2].has_saving);
  ck_assert_str_eq(g->measures[2].note.en, "Not funded");
  tu_close(&r);
}
END_TEST

START_TEST(t_absent)
{
  tu_run r;
  run(&r, HEAD("2016-01-01", "2016-12-31") SITE);
  ck_assert_ptr_null(r.m->management);
  ck_assert_int_eq(val_path(r.results, "management.provided")->b, false);
  static const char *const parts[] = {
      "organisation", "targets",           "system",   "meter_management",
      "online_monitoring", "obsolete", "previous_audit", NULL};
  for (int i = 0; parts[i]; i++)
    ck_assert_msg(tu_is_null(&r, arena_printf(r.a, "management.%s", parts[i])),
                  "management.%s not null", parts[i]);
  /* and no finding of management fires on what was not given */
  static const char *const rules[] = {
      "energy_manager_not_registered", "ems_none", "meter_management_no_system",
      "online_monitoring_not_connected", "obsolete_not_checked", NULL};
  for (int i = 0; rules[i]; i++)
    ck_assert_msg(!has_finding(&r, rules[i], NULL), "%s fired", rules[i]);
  tu_close(&r);
}
END_TEST

/* A period that is not the calendar year cannot take the year's actual
   from the results; an unknown part of the section is refused with a
   hint. */
START_TEST(t_refused)
{
  refuse(HEAD("2016-01-01", "2016-06-30") SITE
         "management:\n"
         "  targets:\n"
         "    yearly:\n"
         "      - {year: 2016, total_tce: \"130 tce\"}\n",
         "test.yaml:13:16: error: management.targets.yearly[2016].year: the "
         "audit period is not the calendar year 2016, so the year's actual "
         "cannot come from the results\n");
  refuse(HEAD("2016-01-01", "2016-12-31") SITE
         "management:\n"
         "  online_monitorring: {connected: true}\n",
         "test.yaml:11:3: error: management: unknown key "
         "\"online_monitorring\" (did you mean \"online_monitoring\"?); "
         "allowed keys: meter_management, obsolete_check, online_monitoring, "
         "organisation, previous_audit, system, targets\n");
  /* intensity per value added needs the value added */
  refuse(HEAD("2016-01-01", "2016-12-31") SITE
         "management:\n"
         "  targets:\n"
         "    yearly:\n"
         "      - {year: 2016, intensity_reduction: \"3 %\", "
         "intensity_basis: value_added, intensity_base: \"1 tce/万元\"}\n",
         "test.yaml:13:67: error: management.targets.yearly[2016]."
         "intensity_basis: facility.value_added is not given, so the audit "
         "period's intensity cannot be computed\n");
}
END_TEST


/* Lists longer than a facility file may hold are refused, never cut: 1,001
   catalogues, 51 yearly targets. */
START_TEST(t_limits)
{
  size_t cap = 200000, len = 0;
  char *y = malloc(cap);
  ck_assert_ptr_nonnull(y);
  len += (size_t)snprintf(y + len, cap - len, "%s%s",
                          HEAD("2016-01-01", "2016-12-31"), SITE);
  len += (size_t)snprintf(y + len, cap - len,
                          "management:\n  obsolete_check:\n    checked: "
                          "true\n    catalogues:\n");
  for (int i = 0; i < 1001; i++)
    len += (size_t)snprintf(y + len, cap - len, "      - {zh: 目录, en: C}\n");
  len += (size_t)snprintf(y + len, cap - len, "  targets:\n    yearly:\n");
  for (int i = 0; i < 51; i++)
    len += (size_t)snprintf(y + len, cap - len,
                            "      - {year: %d, total_tce: \"1 tce\", "
                            "actual_tce: \"1 tce\"}\n",
                            1960 + i);
  refuse(y, "test.yaml:14:7: error: management.obsolete_check.catalogues: 1001 "
            "entries, more than the 1000 one facility file may have\n"
            "test.yaml:1017:7: error: management.targets.yearly: 51 entries, "
            "more than the 50 one facility file may have\n");
  free(y);
}
END_TEST

/* }====================================================== */
/* {====================================================== calculation */

START_TEST(t_completion)
{
  tu_run r;
  run(&r, FULL);
  /* energy.total_tce = 1,000,000 kWh × 0.1229 / 1000 = 122.9 tce;
     intensity = 122.9 / 10,000 万元 = 0.01229 tce/万元 */
  TU_NEAR(&r, "energy.total_tce", 122.9);
  /* five-year ceiling 120 tce: 122.9 / 120 = 1.0241666…, above it in the
     first of five years (time elapsed 1/5 = 20 %): behind */
  TU_NEAR(&r, "management.targets[five_year.total].actual", 122.9);
  TU_NEAR(&r, "management.targets[five_year.total].used", 122.9 / 120.0);
  TU_NEAR(&r, "management.targets[five_year.total].time_progress", 0.2);
  ck_assert_str_eq(tu_str(&r, "management.targets[five_year.total].status"),
                   "behind");
  /* five-year reduction 10 % from 0.0130: 1 − 0.01229 / 0.0130
     = 1 − 0.9453846… = 0.0546153…; completion 0.0546153 / 0.10
     = 54.6 % ≥ 20 % elapsed: on track */
  TU_NEAR(&r, "management.targets[five_year.intensity].actual",
          1.0 - 0.01229 / 0.0130);
  TU_NEAR(&r, "management.targets[five_year.intensity].completion",
          (1.0 - 0.01229 / 0.0130) / 0.10);
  ck_assert_str_eq(
      tu_str(&r, "management.targets[five_year.intensity].status"),
      "on_track");
  /* 2015 (the enterprise's figures): 124 / 125 = 99.2 %, met;
     5.5 % / 5 % = 110 %, met */
  TU_NEAR(&r, "management.targets[2015.total].used", 0.992);
  ck_assert_str_eq(tu_str(&r, "management.targets[2015.total].status"), "met");
  TU_NEAR(&r, "management.targets[2015.intensity].completion", 1.1);
  ck_assert_str_eq(tu_str(&r, "management.targets[2015.intensity].actual_from"),
                   "enterprise");
  /* 2016 (the audit year, from the results): 122.9 / 130 = 94.54 %, met;
     0.0546153 / 0.06 = 91.03 %, not met */
  TU_NEAR(&r, "management.targets[2016.total].used", 122.9 / 130.0);
  ck_assert_str_eq(tu_str(&r, "management.targets[2016.total].status"), "met");
  TU_NEAR(&r, "management.targets[2016.intensity].completion",
          (1.0 - 0.01229 / 0.0130) / 0.06);
  ck_assert_str_eq(tu_str(&r, "management.targets[2016.intensity].status"),
                   "not_met");
  TU_NEAR(&r, "management.targets_not_met", 2);
  ck_assert(has_finding(&r, "energy_target_behind", "120.00 tce"));
  ck_assert(has_finding(&r, "energy_target_not_met", "91.0 %"));
  ck_assert(!has_finding(&r, "energy_target_not_met", "2015"));
  /* previous audit: 80 / 100 = 80 %; 50 / 200 = 25 %; not implemented: 0;
     totals 320 planned, 130 saved */
  TU_NEAR(&r, "management.previous_audit.measures[P1].achieved", 0.8);
  TU_NEAR(&r, "management.previous_audit.measures[P2].achieved", 0.25);
  TU_NEAR(&r, "management.previous_audit.measures[P3].saving_tce", 0);
  TU_NEAR(&r, "management.previous_audit.planned_tce", 320);
  TU_NEAR(&r, "management.previous_audit.saving_tce", 130);
  ck_assert(has_finding(&r, "previous_measure_short", "80.0 %"));
  ck_assert(has_finding(&r, "previous_measure_partly", "25.0 %"));
  ck_assert(has_finding(&r, "previous_measure_not_implemented", "资金未落实"));
  /* system: GB/T 15587, 9 of 11 elements not stated or missing */
  TU_NEAR(&r, "management.system.elements_missing", 9);
  ck_assert(has_finding(&r, "ems_elements_missing", "Training"));
  /* meters: one in use, none calibrated, yet the file says records are
     kept */
  TU_NEAR(&r, "management.meter_management.meters_in_use", 1);
  TU_NEAR(&r, "management.meter_management.calibration_without_record", 1);
  ck_assert(has_finding(&r, "meter_records_contradicted", NULL));
  ck_assert(has_finding(&r, "meter_management_no_ledger", NULL));
  ck_assert(!has_finding(&r, "meter_management_no_system", NULL));
  /* connected with no data points */
  ck_assert(has_finding(&r, "online_monitoring_no_data", NULL));
  /* the item on a catalogue */
  ck_assert(has_finding(&r, "obsolete_equipment_found", "2017-06-30"));
  tu_close(&r);
}
END_TEST

/* At the end of a five-year period the target is met or not; a period of
   half a year is annualised: 122.9 tce × 12 / 6 = 245.8 tce. */
START_TEST(t_five_year_end_and_annualised)
{
  tu_run r;
  /* 2020 is the last year: reduction 20 % from 0.0150, actual 1 − 0.01229
     / 0.0150 = 0.180666…, completion 90.3 %: not met (time elapsed 100 %) */
  run(&r, HEAD("2020-01-01", "2020-12-31") SITE
      "management:\n"
      "  targets:\n"
      "    five_year: {from: 2016, to: 2020, intensity_reduction: \"20 %\", "
      "intensity_base: \"0.0150 tce/万元\"}\n");
  TU_NEAR(&r, "management.targets[five_year.intensity].completion",
          (1.0 - 0.01229 / 0.0150) / 0.20);
  TU_NEAR(&r, "management.targets[five_year.intensity].time_progress", 1.0);
  ck_assert_str_eq(
      tu_str(&r, "management.targets[five_year.intensity].status"), "not_met");
  ck_assert(has_finding(&r, "energy_target_not_met", "90.3 %"));
  tu_close(&r);
  run(&r, HEAD("2016-01-01", "2016-06-30") SITE
      "management:\n"
      "  targets:\n"
      "    five_year: {from: 2016, to: 2020, total_tce: \"240 tce\"}\n");
  TU_NEAR(&r, "management.targets[five_year.total].actual", 245.8);
  ck_assert_str_eq(tu_str(&r, "management.targets[five_year.total].status"),
                   "behind");
  tu_close(&r);
}
END_TEST

/* The equipment results that say an item's rated (nameplate) efficiency is
   below its limit (GB 18613-2020 in 2023: a 250 kW 4-pole motor needs
   96.0 %) are linked: listed when the
   statement names the item, else a finding. */
START_TEST(t_obsolete_link)
{
  tu_run r;
  static const char eq[] =
      "equipment:\n"
      "  - {id: MT1, kind: motor, name: {zh: 1#电机, en: No.1 motor}, "
      "capacity: \"250 kW\", poles: 4, rated: {efficiency: \"90 %\"}}\n"
      "  - {id: MT2, kind: motor, name: {zh: 2#电机, en: No.2 motor}, "
      "capacity: \"250 kW\", poles: 4, rated: {efficiency: \"90 %\"}}\n";
  char yaml[4096];
  snprintf(yaml, sizeof yaml,
           "%s%s%s"
           "management:\n"
           "  obsolete_check:\n"
           "    checked: true\n"
           "    found:\n"
           "      - {equipment: MT1, catalogue: {zh: 第四批, en: batch 4}}\n",
           HEAD("2023-01-01", "2023-12-31"), SITE, eq);
  run(&r, yaml);
  ck_assert_int_eq(val_path(r.results, "equipment[MT1].meets_limit")->b, false);
  ck_assert_int_eq(
      val_path(r.results, "management.obsolete.below_limit[MT1].listed")->b,
      true);
  ck_assert_int_eq(
      val_path(r.results, "management.obsolete.below_limit[MT2].listed")->b,
      false);
  TU_NEAR(&r, "management.obsolete.below_limit_unlisted", 1);
  ck_assert(has_finding(&r, "obsolete_below_limit_unlisted", "No.2 motor"));
  ck_assert(!has_finding(&r, "obsolete_below_limit_unlisted", "No.1 motor"));
  /* no plan given: the finding says so */
  ck_assert(has_finding(&r, "obsolete_equipment_found", "未说明"));
  tu_close(&r);
}
END_TEST

/* Equipment a catalogue of the rules lists (JO2 series: MIIT batch 1,
   item 1-1) is linked too: the enterprise's check names JO2-A, not JO2-B,
   so only JO2-B is unlisted and gets the warning. A motor of another
   series is not on the list. */
START_TEST(t_obsolete_catalogue_link)
{
  tu_run r;
  static const char eq[] =
      "equipment:\n"
      "  - {id: JA, kind: motor, name: {zh: 甲电机, en: Motor JO2-A}, "
      "series: JO2, model: JO2-72-4, capacity: \"22 kW\", poles: 4}\n"
      "  - {id: JB, kind: motor, name: {zh: 乙电机, en: Motor JO2-B}, "
      "series: JO2, model: JO2-61-4, capacity: \"13 kW\", poles: 4}\n"
      "  - {id: YE, kind: motor, name: {zh: 丙电机, en: Motor YE3}, "
      "series: YE3, capacity: \"22 kW\", poles: 4}\n";
  char yaml[4096];
  snprintf(yaml, sizeof yaml,
           "%s%s%s"
           "management:\n"
           "  obsolete_check:\n"
           "    checked: true\n"
           "    found:\n"
           "      - {equipment: JA, catalogue: {zh: 第一批, en: batch 1}}\n",
           HEAD("2016-01-01", "2016-12-31"), SITE, eq);
  run(&r, yaml);
  ck_assert_str_eq(tu_str(&r, "equipment[JB].catalogue.status"), "listed");
  ck_assert_int_eq(
      val_path(r.results, "management.obsolete.catalogue_listed[JA].listed")
          ->b,
      true);
  ck_assert_int_eq(
      val_path(r.results, "management.obsolete.catalogue_listed[JB].listed")
          ->b,
      false);
  ck_assert(val_path(r.results, "management.obsolete.catalogue_listed[YE]") ==
            NULL);
  TU_NEAR(&r, "management.obsolete.catalogue_unlisted", 1);
  ck_assert(has_finding(&r, "obsolete_catalogue_unlisted", "Motor JO2-B"));
  ck_assert(!has_finding(&r, "obsolete_catalogue_unlisted", "Motor JO2-A"));
  tu_close(&r);
}
END_TEST

/* A key energy-using organisation (≥ 10,000 tce) without a registered
   manager, system, online connection or obsolete check. */
START_TEST(t_key_user_findings)
{
  tu_run r;
  run(&r, HEAD("2016-01-01", "2016-12-31")
      "meters:\n"
      "  - {id: E1, carrier: electricity, level: 1, total: \"100,000,000 "
      "kWh\"}\n"
      "management:\n"
      "  organisation:\n"
      "    department: {zh: 能源科, en: Energy section}\n"
      "    manager: {name: {zh: 王建国, en: Wang Jianguo}, post: {zh: 副总, "
      "en: Deputy manager}}\n"
      "  system: {standard: none}\n"
      "  meter_management: {system: false, staff: 0}\n"
      "  online_monitoring: {connected: false}\n"
      "  obsolete_check: {checked: false}\n");
  /* 100,000,000 kWh × 0.1229 / 1000 = 12,290 tce ≥ 10,000 */
  ck_assert_int_eq(val_path(r.results, "management.key_user")->b, true);
  static const char *const rules[] = {
      "energy_manager_not_registered", "ems_none", "meter_management_no_system",
      "meter_management_no_staff", "online_monitoring_not_connected",
      "obsolete_not_checked", NULL};
  for (int i = 0; rules[i]; i++)
    ck_assert_msg(has_finding(&r, rules[i], NULL), "%s did not fire",
                  rules[i]);
  ck_assert(has_finding(&r, "energy_manager_not_registered", "Wang Jianguo"));
  tu_close(&r);
  /* below 10,000 tce none of the key-user findings fires */
  run(&r, HEAD("2016-01-01", "2016-12-31") SITE
      "management:\n"
      "  organisation:\n"
      "    department: {zh: 能源科, en: Energy section}\n"
      "    manager: {name: {zh: 王建国, en: Wang Jianguo}, post: {zh: 副总, "
      "en: Deputy manager}}\n"
      "  system: {standard: none}\n"
      "  online_monitoring: {connected: false}\n");
  ck_assert(!has_finding(&r, "energy_manager_not_registered", NULL));
  ck_assert(!has_finding(&r, "ems_none", NULL));
  ck_assert(!has_finding(&r, "online_monitoring_not_connected", NULL));
  tu_close(&r);
}
END_TEST

/* A certificate that expired before the period ended. */
START_TEST(t_certificate_expired)
{
  tu_run r;
  run(&r, HEAD("2016-01-01", "2016-12-31") SITE
      "management:\n"
      "  system: {standard: GB/T 23331, certified: true, certificate: "
      "\"C-1\", body: {zh: 认证中心, en: Certifier}, certified_on: "
      "2013-01-10, valid_until: 2016-01-09}\n");
  ck_assert_int_eq(
      val_path(r.results, "management.system.valid_at_period_end")->b, false);
  ck_assert(has_finding(&r, "ems_certificate_expired", "2016-01-09"));
  tu_close(&r);
}
END_TEST

/* }====================================================== */
/* {====================================================== the chapter */

/* pdftotext of one sample's report in one language. */
static char *report_text(const char *sample, const char *lang)
{
  char dir[] = "/tmp/auditgen-mgmt-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  char cmd[2048], *out;
  snprintf(cmd, sizeof cmd,
           "cd '%s' && '%s' report samples/%s.yaml --lang %s -o %s/r.pdf -q "
           "2>&1 && pdftotext -layout %s/r.pdf - 2>/dev/null; rm -rf %s",
           tu_root(), tu_bin(), sample, lang, dir, dir, dir);
  ck_assert_int_eq(tu_sh(cmd, &out), 0);
  return out;
}

START_TEST(t_chapter)
{
  char *zh = report_text("cement-plant", "zh");
  static const char *const want_zh[] = {
      "能源管理组织", "王建国", "ZJ-HZ-2015-0031", "能源消费总量控制目标完成情况",
      "185,000.00", "进度符合要求", "未完成", "118.5 %", "CQC-15-ENMS-0142",
      "有效期至2018-09-17", "浙江省重点用能单位能耗在线监测系统", "JO2",
      "上次能源审计措施落实情况", "3,870.00", "【警示】2016年能源消费总量控制目标未完成",
      NULL};
  for (int i = 0; want_zh[i]; i++)
    ck_assert_msg(strstr(zh, want_zh[i]), "zh report lacks %s", want_zh[i]);
  free(zh);
  char *en = report_text("cement-plant", "en");
  static const char *const want_en[] = {
      "Energy management organisation", "Wang Jianguo", "ZJ-HZ-2015-0031",
      "Ceilings of total energy consumption", "185,000.00", "On track",
      "Not met", "118.5 %", "China Quality Certification Centre",
      "Follow-up of the previous audit's measures", "3,870.00",
      "[Warning] 2016, target not met", NULL};
  for (int i = 0; want_en[i]; i++)
    ck_assert_msg(strstr(en, want_en[i]), "en report lacks %s", want_en[i]);
  free(en);
  /* without the section: one paragraph saying what was not provided */
  zh = report_text("training/boiler-house", "zh");
  ck_assert_ptr_nonnull(strstr(zh, "审计数据未包含企业能源管理的情况"));
  ck_assert_ptr_null(strstr(zh, "能源管理组织与能源管理负责人"));
  free(zh);
  en = report_text("training/boiler-house", "en");
  ck_assert_ptr_nonnull(
      strstr(en, "contain no account of the enterprise's energy management"));
  free(en);
}
END_TEST

/* }====================================================== */

Suite *management_suite(void)
{
  Suite *s = suite_create("management");
  TCase *tc = tcase_create("load");
  tcase_add_test(tc, t_parse);
  tcase_add_test(tc, t_absent);
  tcase_add_test(tc, t_refused);
  tcase_add_test(tc, t_limits);
  suite_add_tcase(s, tc);
  tc = tcase_create("calc");
  tcase_add_test(tc, t_completion);
  tcase_add_test(tc, t_five_year_end_and_annualised);
  tcase_add_test(tc, t_obsolete_link);
  tcase_add_test(tc, t_obsolete_catalogue_link);
  tcase_add_test(tc, t_key_user_findings);
  tcase_add_test(tc, t_certificate_expired);
  suite_add_tcase(s, tc);
  tc = tcase_create("chapter");
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, t_chapter);
  suite_add_tcase(s, tc);
  return s;
}
