/* check_building.c — buildings and public institutions: the building
 * indicators of energy.intensity and carbon.intensity, the quotas of
 * benchmark.building[] with GB/T 51161's correction, and rules layers that
 * add a province's quota or a fixed equal-value coefficient. Every expected
 * number is worked by hand in the comment beside it (docs/calculation.md
 * "Buildings"). */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../generator/base/value.h"
#include "suites.h"
#include "testutil.h"

#define NEAR TU_NEAR

/* A government office of 10,000 m², 500 occupants, 2,000 h a year, in the
   hot-summer cold-winter zone, class A, audited over 2023:
     E1 outside → dist          1,000,000 kWh
     E2 dist → office             700,000 kWh
     E3 dist → data (special)     200,000 kWh
     E4 data → ups (below data)    50,000 kWh  (inside the special set)
     G1 outside → boiler (heating) 20,000 m³
     G2 outside → office (canteen) 10,000 m³ */
static const char OFFICE[] =
    "auditgen: 1\n"
    "facility:\n"
    "  name: {zh: 测试机关, en: Test office}\n"
    "  industry: building\n"
    "  province: hubei\n"
    "  building_type: office_government\n"
    "  climate_zone: hot_summer_cold_winter\n"
    "  ventilation: natural\n"
    "  floor_area: \"10,000 m2\"\n"
    "  occupants: 500\n"
    "  operating_hours: \"2,000 h\"\n"
    "audit:\n"
    "  period: {from: 2023-01-01, to: 2023-12-31}\n"
    "units:\n"
    "  - {id: dist, name: {zh: 配电室, en: Switch room}, stage: distribution}\n"
    "  - {id: office, name: {zh: 办公区, en: Offices}, stage: end_use}\n"
    "  - {id: data, name: {zh: 机房, en: Data room}, stage: end_use, use: "
    "special}\n"
    "  - {id: ups, name: {zh: UPS, en: UPS}, stage: end_use, parent: data}\n"
    "  - {id: boiler, name: {zh: 锅炉房, en: Boiler house}, stage: "
    "conversion, use: heating}\n"
    "meters:\n"
    "  - {id: E1, carrier: electricity, level: 1, to: dist, total: "
    "\"1,000,000 kWh\"}\n"
    "  - {id: E2, carrier: electricity, level: 2, from: dist, to: office, "
    "total: \"700,000 kWh\"}\n"
    "  - {id: E3, carrier: electricity, level: 2, from: dist, to: data, "
    "total: \"200,000 kWh\"}\n"
    "  - {id: E4, carrier: electricity, level: 3, from: data, to: ups, "
    "total: \"50,000 kWh\"}\n"
    "  - {id: G1, carrier: natural_gas, level: 1, to: boiler, total: "
    "\"20,000 m3\"}\n"
    "  - {id: G2, carrier: natural_gas, level: 1, to: office, total: "
    "\"10,000 m3\"}\n";

/* Removes the first occurrence of line from y, which must hold it. */
static void drop_line(char *y, const char *line)
{
  char *p = strstr(y, line);
  ck_assert_msg(p != NULL, "no line %s", line);
  size_t n = strlen(line);
  memmove(p, p + n, strlen(p + n) + 1);
}

START_TEST(t_building_indicators)
{
  tu_run r;
  tu_open(&r);
  tu_facility(&r, OFFICE);
  ck_assert_msg(r.results != NULL, "%s", tu_diags(&r));
  ck_assert(val_path(r.results, "facility.is_building")->b);
  /* electricity 1,000,000 × 0.1229 / 1000 = 122.9 tce; gas 30,000 ×
     1.2143 / 1000 = 36.429 tce; total 159.329 tce */
  NEAR(&r, "energy.total_tce", 159.329);
  /* equal value, 2023 rate 0.3019: 159.329 − 122.9 + 301.9 = 338.329 */
  NEAR(&r, "energy.total_equal_value_tce", 338.329);
  /* 1,000,000 / 10,000 = 100 kWh/m² */
  NEAR(&r, "energy.intensity.kwh_per_m2", 100);
  /* special electricity = E3 only (E4 stays inside the special set):
     (1,000,000 − 200,000 − 0) / 10,000 = 80 */
  NEAR(&r, "energy.intensity.kwh_per_m2_regular", 80);
  /* special 200,000 × 0.1229 / 1000 = 24.58 tce, heating 20,000 × 1.2143 /
     1000 = 24.286 tce: (159.329 − 24.58 − 24.286) × 1000 / 10,000 =
     11.0463 */
  NEAR(&r, "energy.intensity.kgce_per_m2_regular", 11.0463);
  /* apart at equal value 24.58 + 24.286 + 200,000 × (0.3019 − 0.1229) /
     1000 = 48.866 + 35.8 = 84.666; (338.329 − 84.666) × 1000 / 10,000 =
     25.3663 */
  NEAR(&r, "energy.intensity.kgce_per_m2_regular_equal_value", 25.3663);
  /* non-heating: the canteen's gas 10,000 × 1.2143 / 1000 = 12.143 tce →
     12.143 × 1000 / 0.3019 = 40,221.2653 kWh; (1,000,000 + 40,221.2653) /
     10,000 = 104.022126532 */
  NEAR(&r, "energy.intensity.kwh_per_m2_non_heating",
       (1e6 + 12.143 * 1000 / 0.3019) / 1e4);
  /* per occupant 159,329 / 500 = 318.658; equal 338,329 / 500 = 676.658 */
  NEAR(&r, "energy.intensity.kgce_per_occupant", 318.658);
  NEAR(&r, "energy.intensity.kgce_per_occupant_equal_value", 676.658);
  ck_assert(tu_is_null(&r, "energy.intensity.kgce_per_bed"));
  ck_assert(tu_is_null(&r, "energy.intensity.kgce_per_student_equal_value"));
  /* 6 rows: m², regular m², kWh/m², regular kWh/m², non-heating, occupant */
  ck_assert_int_eq((int)val_path(r.results, "energy.building_indicators")->n,
                   6);
  tu_close(&r);
}
END_TEST

/* GB/T 51161 (rules/buildings.yaml, gb51161_office_government, hot summer
   cold winter, class A: constraint 70, guide 55). Corrections: T0 2,500 h,
   T 2,000 h → 0.3 + 0.7 × 2,500 / 2,000 = 1.175; S = 10,000 / 500 = 20 m²,
   S0 = 8 m² → 0.7 + 0.3 × 20 / 8 = 1.45. Corrected 104.022126532 × 1.175
   × 1.45 = 177.22... > 70: exceeds. */
START_TEST(t_building_gb51161)
{
  tu_run r;
  tu_open(&r);
  tu_facility(&r, OFFICE);
  ck_assert_msg(r.results != NULL, "%s", tu_diags(&r));
  ck_assert_int_eq((int)val_path(r.results, "benchmark.building")->n, 1);
  ck_assert_str_eq(tu_str(&r, "benchmark.building[0].key"),
                   "gb51161_office_government");
  double v = (1e6 + 12.143 * 1000 / 0.3019) / 1e4;
  NEAR(&r, "benchmark.building[0].value", v);
  NEAR(&r, "benchmark.building[0].correction.hours_factor", 1.175);
  NEAR(&r, "benchmark.building[0].correction.density_factor", 1.45);
  NEAR(&r, "benchmark.building[0].corrected", v * 1.175 * 1.45);
  NEAR(&r, "benchmark.building[0].constraint", 70);
  NEAR(&r, "benchmark.building[0].guide", 55);
  ck_assert(tu_is_null(&r, "benchmark.building[0].baseline"));
  ck_assert_str_eq(tu_str(&r, "benchmark.building[0].grade"), "exceeds");
  ck_assert(!val_path(r.results, "benchmark.building[0].verified")->b);
  tu_close(&r);
}
END_TEST

/* Without hours and occupants each factor is 1 and the value is compared
   as measured: 104.022126532 > 70, exceeds; the correction says it was
   not applied. */
START_TEST(t_building_gb51161_uncorrected)
{
  tu_run r;
  tu_open(&r);
  char *y = strdup(OFFICE);
  drop_line(y, "  occupants: 500\n");
  drop_line(y, "  operating_hours: \"2,000 h\"\n");
  tu_facility(&r, y);
  ck_assert_msg(r.results != NULL, "%s", tu_diags(&r));
  double v = (1e6 + 12.143 * 1000 / 0.3019) / 1e4;
  NEAR(&r, "benchmark.building[0].correction.hours_factor", 1);
  NEAR(&r, "benchmark.building[0].correction.density_factor", 1);
  NEAR(&r, "benchmark.building[0].corrected", v);
  ck_assert(!val_path(r.results, "benchmark.building[0].correction.applied")
                 ->b);
  ck_assert(tu_is_null(&r, "energy.intensity.kgce_per_occupant"));
  ck_assert(tu_is_null(&r, "carbon.intensity.kgco2_per_occupant"));
  free(y);
  tu_close(&r);
}
END_TEST

/* The row's selectors: without climate_zone the quota is not compared and
   says which key is missing; with a zone but no ventilation, that one. */
START_TEST(t_building_no_row)
{
  const char *drop[] = {"  climate_zone: hot_summer_cold_winter\n",
                        "  ventilation: natural\n"};
  const char *want[] = {"climate_zone", "ventilation"};
  for (int i = 0; i < 2; i++) {
    tu_run r;
    tu_open(&r);
    char *y = strdup(OFFICE);
    drop_line(y, drop[i]);
    tu_facility(&r, y);
    ck_assert_msg(r.results != NULL, "%s", tu_diags(&r));
    ck_assert(tu_is_null(&r, "benchmark.building[0].grade"));
    ck_assert(tu_is_null(&r, "benchmark.building[0].constraint"));
    ck_assert_str_eq(tu_str(&r, "benchmark.building[0].reason_key"), want[i]);
    ck_assert(strstr(tu_str(&r, "benchmark.building[0].finding_en"), want[i]));
    free(y);
    tu_close(&r);
  }
}
END_TEST

/* A facility's own quota on kwh_per_m2 = 100 (1,000,000 / 10,000), at
   each class boundary: <= is within, so 100 against a constraint of 100
   is within it and against 99.99 exceeds it; 100 against a baseline of
   100 reaches the baseline, against a guide of 100 the guide. */
START_TEST(t_building_quota_boundaries)
{
  static const struct {
    const char *values, *grade;
  } cases[] = {
      {"constraint: 100, baseline: 90, guide: 80", "constraint"},
      {"constraint: 99.99", "exceeds"},
      {"constraint: 120, baseline: 100", "baseline"},
      {"constraint: 120, baseline: 110, guide: 100", "guide"},
      {"constraint: 120, baseline: 99.99, guide: 90", "constraint"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    tu_run r;
    tu_open(&r);
    char *y = arena_printf(
        r.a,
        "%squotas:\n  - {name: {zh: 定额, en: Quota}, standard: {zh: 通知, en: "
        "Notice}, indicator: kwh_per_m2, %s}\n",
        OFFICE, cases[i].values);
    tu_facility(&r, y);
    ck_assert_msg(r.results != NULL, "%s", tu_diags(&r));
    /* entry 0 is GB/T 51161's, entry 1 the facility's */
    ck_assert_str_eq(tu_str(&r, "benchmark.building[1].origin"), "facility");
    NEAR(&r, "benchmark.building[1].value", 100);
    ck_assert_msg(strcmp(tu_str(&r, "benchmark.building[1].grade"),
                         cases[i].grade) == 0,
                  "%s: %s, want %s", cases[i].values,
                  tu_str(&r, "benchmark.building[1].grade"), cases[i].grade);
    tu_close(&r);
  }
}
END_TEST

/* The OFFICE facility with one room of lighting, given as a flow map's
   inner text ("room: …, area: …, power: …"). */
static char *office_with_room(tu_run *r, const char *room)
{
  char *y = arena_printf(r->a, "%s", OFFICE);
  char *at = strstr(y, "audit:\n");
  ck_assert_ptr_nonnull(at);
  *at = '\0';
  return arena_printf(r->a,
                      "%s  lighting:\n    - {name: {zh: 测试场所, en: Test "
                      "room}, %s}\n%s",
                      y, room, strstr(OFFICE, "audit:\n"));
}

/* The finding of rule id whose text names the room, or NULL. */
static const value *lighting_finding(const tu_run *r, const char *id,
                                     const char *room)
{
  const value *fs = val_path(r->results, "findings");
  for (size_t i = 0; fs && i < fs->n; i++) {
    const value *t = val_get(val_get(fs->items[i], "text"), "en");
    if (strcmp(val_get(fs->items[i], "rule")->str, id) == 0 && t &&
        strstr(t->str, room))
      return fs->items[i];
  }
  return NULL;
}

/* Lighting power density at each limit of GB 50034-2024 (the shipped
   table): a general office has a target value of 6.5 W/m² only (its
   current value is GB 55015-2021's, not in the rules), an open reading
   room a current value of 8.0 and a target of 6.5 W/m². A room at a value
   meets it ("≤"); 0.01 kW more over 1,000 m² is 0.01 W/m² above it. The
   power and area are written in other units too (15.6 kW over 2,400 m²
   reads back as 15,599.999… W without the rounding to the microwatt). */
START_TEST(t_lighting_boundaries)
{
  static const struct {
    const char *room, *area, *power;
    double lpd;
    const char *result, *rule;
    int meets; /* meets_current: -1 null, 0 false, 1 true */
  } cases[] = {
      {"office_general", "1,000 m2", "6.5 kW", 6.5, "target",
       "lighting_within_target", -1},
      {"office_general", "1,000 m2", "6.51 kW", 6.51, "above_target",
       "lighting_above_target_no_current", -1},
      {"office_general", "2,400 m2", "15.6 kW", 6.5, "target",
       "lighting_within_target", -1},
      {"office_general", "2,400 m2", "0.0156 MW", 6.5, "target",
       "lighting_within_target", -1},
      {"office_service_hall", "100 m2", "0.8 kW", 8.0, "target",
       "lighting_within_target", -1},
      {"office_service_hall", "100 m2", "0.81 kW", 8.1, "above_target",
       "lighting_above_target_no_current", -1},
      {"library_reading", "1,000 m2", "6.5 kW", 6.5, "target",
       "lighting_within_target", 1},
      {"library_reading", "1,000 m2", "6.51 kW", 6.51, "current",
       "lighting_above_target", 1},
      {"library_reading", "1,000 m2", "8 kW", 8.0, "current",
       "lighting_above_target", 1},
      {"library_reading", "1,000 m2", "8.01 kW", 8.01, "exceeds",
       "lighting_exceeds_current", 0},
      {"hospital_ward", "500 m2", "2 kW", 4.0, "target",
       "lighting_within_target", -1},
      {"hospital_ward", "500 m2", "2.005 kW", 4.01, "above_target",
       "lighting_above_target_no_current", -1},
      {"school_classroom", "80 m2", "0.52 kW", 6.5, "target",
       "lighting_within_target", -1},
      {"hotel_guest_room", "30 m2", "0.136 kW", 0.136e3 / 30,
       "above_target", "lighting_above_target_no_current", -1},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    tu_run r;
    tu_open(&r);
    tu_facility(&r, office_with_room(
                        &r, arena_printf(r.a,
                                         "room: %s, area: \"%s\", power: "
                                         "\"%s\"",
                                         cases[i].room, cases[i].area,
                                         cases[i].power)));
    ck_assert_msg(r.results != NULL, "%s", tu_diags(&r));
    NEAR(&r, "benchmark.lighting[0].lpd", cases[i].lpd);
    ck_assert_msg(strcmp(tu_str(&r, "benchmark.lighting[0].result"),
                         cases[i].result) == 0,
                  "%s %s / %s: %s, want %s", cases[i].room, cases[i].power,
                  cases[i].area, tu_str(&r, "benchmark.lighting[0].result"),
                  cases[i].result);
    if (cases[i].meets < 0)
      ck_assert(tu_is_null(&r, "benchmark.lighting[0].meets_current"));
    else
      ck_assert(val_path(r.results, "benchmark.lighting[0].meets_current")->b ==
                (cases[i].meets == 1));
    const value *f = lighting_finding(&r, cases[i].rule, "Test room");
    ck_assert_msg(f != NULL, "%s %s: no finding %s", cases[i].room,
                  cases[i].power, cases[i].rule);
    /* exactly one lighting finding for the one room */
    static const char *const rules[] = {
        "lighting_within_target", "lighting_above_target",
        "lighting_above_target_no_current", "lighting_exceeds_current"};
    int n = 0;
    for (size_t k = 0; k < sizeof rules / sizeof *rules; k++)
      n += lighting_finding(&r, rules[k], "Test room") != NULL;
    ck_assert_int_eq(n, 1);
    tu_close(&r);
  }
}
END_TEST

/* The room's values and their source in the results and factors_used:
   a general office names no current value and says why; a reading room
   gives both, verified false (an OCR of the standard's text). */
START_TEST(t_lighting_values)
{
  tu_run r;
  tu_open(&r);
  char *y = arena_printf(r.a, "%s", OFFICE);
  char *at = strstr(y, "audit:\n");
  *at = '\0';
  y = arena_printf(
      r.a,
      "%s  lighting:\n"
      "    - {room: office_general, area: \"32,000 m2\", power: \"272 kW\"}\n"
      "    - {room: library_reading, area: \"700 m2\", power: \"6.3 kW\"}\n%s",
      y, strstr(OFFICE, "audit:\n"));
  tu_facility(&r, y);
  ck_assert_msg(r.results != NULL, "%s", tu_diags(&r));
  /* 272,000 W / 32,000 m² = 8.5; 6,300 / 700 = 9 */
  NEAR(&r, "benchmark.lighting[0].lpd", 8.5);
  NEAR(&r, "benchmark.lighting[0].power_kw", 272);
  NEAR(&r, "benchmark.lighting[0].area", 32000);
  ck_assert(tu_is_null(&r, "benchmark.lighting[0].current"));
  NEAR(&r, "benchmark.lighting[0].target", 6.5);
  ck_assert_str_eq(tu_str(&r, "benchmark.lighting[0].name_en"),
                   "General office, meeting room");
  ck_assert_str_eq(tu_str(&r, "benchmark.lighting[0].standard"),
                   "GB 50034-2024");
  ck_assert(strstr(tu_str(&r, "benchmark.lighting[0].current_note_en"),
                   "GB 55015-2021"));
  ck_assert(!val_path(r.results, "benchmark.lighting[0].verified")->b);
  ck_assert(strstr(tu_str(&r, "benchmark.lighting[0].source"),
                   "song0910song/AIExp"));
  NEAR(&r, "benchmark.lighting[1].lpd", 9);
  NEAR(&r, "benchmark.lighting[1].current", 8);
  NEAR(&r, "benchmark.lighting[1].target", 6.5);
  ck_assert(val_path(r.results, "benchmark.lighting[1].current_note_en") ==
            NULL);
  ck_assert_str_eq(tu_str(&r, "benchmark.lighting[1].result"), "exceeds");
  NEAR(&r, "factors_used[lighting.library_reading.current].value", 8);
  NEAR(&r, "factors_used[lighting.office_general.target].value", 6.5);
  ck_assert(val_path(r.results,
                     "factors_used[lighting.office_general.current]") == NULL);
  /* a facility without lighting has an empty list */
  tu_close(&r);
  tu_open(&r);
  tu_facility(&r, OFFICE);
  ck_assert_msg(r.results != NULL, "%s", tu_diags(&r));
  ck_assert_int_eq((int)val_path(r.results, "benchmark.lighting")->n, 0);
  tu_close(&r);
}
END_TEST

/* GB 50034-2024 6.3.6: a sales floor of an ordinary, high-grade or
   specialty shop with accent lighting (重点照明) has its limits raised by
   5 W/m²; 6.3.18: decorative luminaires count at half their power. Each
   case at the raised value and 0.01 W/m² over it. */
START_TEST(t_lighting_accent_decorative)
{
  static const struct {
    const char *room;
    double lpd, target;
    const char *result;
  } cases[] = {
      /* ordinary shop: target 7.0 + 5 = 12.0; 12 kW / 1,000 m² = 12.0 */
      {"room: shop_general, accent_lighting: true, area: \"1,000 m2\", "
       "power: \"12 kW\"",
       12.0, 12.0, "target"},
      /* 12.01 kW / 1,000 m² = 12.01 > 12.0; no current value in the rules */
      {"room: shop_general, accent_lighting: true, area: \"1,000 m2\", "
       "power: \"12.01 kW\"",
       12.01, 12.0, "above_target"},
      /* without accent lighting the table's 7.0 holds: 12.0 is above it */
      {"room: shop_general, accent_lighting: false, area: \"1,000 m2\", "
       "power: \"12 kW\"",
       12.0, 7.0, "above_target"},
      /* high-grade shop: 11.0 + 5 = 16.0; 8 kW / 500 m² = 16.0 */
      {"room: shop_high_grade, accent_lighting: true, area: \"500 m2\", "
       "power: \"8 kW\"",
       16.0, 16.0, "target"},
      /* specialty shop: 8.0 + 5 = 13.0; 2.6 kW / 200 m² = 13.0 */
      {"room: shop_specialty, accent_lighting: true, area: \"200 m2\", "
       "power: \"2.6 kW\"",
       13.0, 13.0, "target"},
      /* general office, decorative luminaires: (5,500 W + 0.5 × 2,000 W)
         / 1,000 m² = 6.5 = its target 6.5 */
      {"room: office_general, area: \"1,000 m2\", power: \"5.5 kW\", "
       "decorative_power: \"2 kW\"",
       6.5, 6.5, "target"},
      /* (5,500 + 0.5 × 2,020) / 1,000 = 6.51 > 6.5 */
      {"room: office_general, area: \"1,000 m2\", power: \"5.5 kW\", "
       "decorative_power: \"2.02 kW\"",
       6.51, 6.5, "above_target"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    tu_run r;
    tu_open(&r);
    tu_facility(&r, office_with_room(&r, cases[i].room));
    ck_assert_msg(r.results != NULL, "%s", tu_diags(&r));
    NEAR(&r, "benchmark.lighting[0].lpd", cases[i].lpd);
    NEAR(&r, "benchmark.lighting[0].target", cases[i].target);
    ck_assert_msg(strcmp(tu_str(&r, "benchmark.lighting[0].result"),
                         cases[i].result) == 0,
                  "%s: %s, want %s", cases[i].room,
                  tu_str(&r, "benchmark.lighting[0].result"), cases[i].result);
    bool accent = strstr(cases[i].room, "accent_lighting: true") != NULL;
    if (accent) {
      NEAR(&r, "benchmark.lighting[0].accent_allowance", 5.0);
      ck_assert(strstr(tu_str(&r, "benchmark.lighting[0].room_en"),
                       "with accent lighting"));
    } else {
      ck_assert(tu_is_null(&r, "benchmark.lighting[0].accent_allowance"));
    }
    if (strstr(cases[i].room, "decorative_power"))
      ck_assert(!tu_is_null(&r, "benchmark.lighting[0].decorative_power_kw"));
    else
      ck_assert(tu_is_null(&r, "benchmark.lighting[0].decorative_power_kw"));
    tu_close(&r);
  }
}
END_TEST

/* Accent lighting where the standard gives no allowance, and a negative
   decorative power: input errors at their keys, both in one run. */
START_TEST(t_lighting_accent_refused)
{
  tu_run r;
  tu_open(&r);
  char *y = office_with_room(
      &r, "room: office_general, accent_lighting: true, area: \"100 m2\", "
          "power: \"0.5 kW\"");
  char *at = strstr(y, "  lighting:\n");
  y = arena_printf(r.a, "%.*s  lighting:\n    - {room: shop_general, area: "
                        "\"100 m2\", power: \"1 kW\", decorative_power: "
                        "\"-1 kW\"}\n%s",
                   (int)(at - y), y, at + strlen("  lighting:\n"));
  tu_facility(&r, y);
  ck_assert(r.results == NULL);
  const char *d = tu_diags(&r);
  ck_assert_msg(strstr(d, "facility.lighting[1].accent_lighting: the rules' "
                          "lighting table gives no allowance for accent "
                          "lighting in office_general"),
                "%s", d);
  ck_assert_msg(strstr(d, "facility.lighting[0].decorative_power: must not be "
                          "negative, found -1 kW"),
                "%s", d);
  tu_close(&r);
}
END_TEST

/* A firm's layer gives GB 55015-2021's current value for the general
   office (a room of the same key replaces the shipped one): 8.5 W/m²
   then exceeds a current value of 8.0 and the finding is a
   nonconformity; rules list names the entry the layer replaced. */
START_TEST(t_lighting_layer)
{
  char dir[] = "/tmp/auditgen-light-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  char path[512];
  snprintf(path, sizeof path, "%s/buildings.yaml", dir);
  FILE *fp = fopen(path, "w");
  ck_assert_ptr_nonnull(fp);
  fputs("lighting:\n"
        "  office_general:\n"
        "    standard: \"GB 55015-2021\"\n"
        "    name: {zh: 普通办公室、会议室, en: General office}\n"
        "    citation: {zh: 表3.3.7-3, en: Table 3.3.7-3}\n"
        "    current: 8.0\n"
        "    target: 6.5\n"
        "    source: {zh: 事务所核对的规范文本, en: the firm's copy}\n"
        "    verified: true\n",
        fp);
  fclose(fp);
  char sample[512];
  snprintf(sample, sizeof sample, "%s/samples/training/office-building.yaml",
           tu_root());
  const char *argv[] = {tu_bin(), "calc", sample, "--rules", dir, "--json",
                        NULL};
  char *out, *err;
  int rc = tu_exec(argv, tu_root(), &out, &err);
  ck_assert_msg(rc == 0, "%s", err);
  /* the offices (8.5) now exceed; the reading room (9.0) did before */
  const char *first = strstr(out, "\"result_zh\": \"超过现行值\"");
  ck_assert(first && strstr(first + 1, "\"result_zh\": \"超过现行值\""));
  char layer[128];
  snprintf(layer, sizeof layer, "\"layer\": \"%s\"", dir);
  ck_assert(strstr(out, layer));
  ck_assert(strstr(out, "exceeds the current value of 8.0 W/m² of GB "
                        "55015-2021 for General office"));
  free(out);
  free(err);
  const char *argv2[] = {tu_bin(), "rules", "list", "--rules", dir, NULL};
  rc = tu_exec(argv2, tu_root(), &out, &err);
  ck_assert_msg(rc == 0, "%s", err);
  ck_assert_msg(strstr(out, "buildings.lighting.office_general"), "%s", out);
  free(out);
  free(err);
  unlink(path);
  rmdir(dir);
}
END_TEST

/* A factory has no building entries and no building rows, and a building
   without floor area or occupants has null indicators. */
/* The text of sample NAME's report in one language (pdftotext), with every
   run of white space made one space, so that phrases broken across lines
   are found. */
static char *report_text(tu_run *r, const char *name, const char *lang)
{
  char dir[] = "/tmp/auditgen-org-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  const char *path = arena_printf(r->a, "%s/samples/%s.yaml", tu_root(), name);
  const char *pdf = arena_printf(r->a, "%s/r.pdf", dir);
  const char *argv[] = {tu_bin(), "report", path, "--lang", lang, "-o", pdf,
                        "-q", NULL};
  char *out, *err;
  int rc = tu_exec(argv, tu_root(), &out, &err);
  ck_assert_msg(rc == 0, "%s --lang %s: exit %d: %s", name, lang, rc, err);
  free(out);
  free(err);
  const char *cmd = arena_printf(r->a, "pdftotext '%s' -", pdf);
  const char *sh[] = {"/bin/sh", "-c", cmd, NULL};
  rc = tu_exec(sh, dir, &out, &err);
  ck_assert_msg(rc == 0, "pdftotext: %s", err);
  free(err);
  unlink(pdf);
  rmdir(dir);
  char *w = out;
  bool space = false;
  for (const char *p = out; *p; p++) {
    bool ws = *p == ' ' || *p == '\n' || *p == '\t' || *p == '\f' ||
              *p == '\r';
    if (ws && !space)
      *w++ = ' ';
    else if (!ws)
      *w++ = *p;
    space = ws;
  }
  *w = '\0';
  char *t = arena_strdup(r->a, out);
  free(out);
  return t;
}

/* A building's report names the audited body as a building's: the hospital
   医院 / hospital, the office 单位 / organisation — never 企业 or "the
   enterprise" for it (the official titles that hold the word, GB/T 32150's
   工业企业 and the industry guidelines, stay); a factory's report is
   unchanged. */
START_TEST(t_building_wording)
{
  tu_run r;
  tu_open(&r);
  const char *zh = report_text(&r, "hospital", "zh");
  ck_assert_msg(strstr(zh, "（以下简称“医院”）"), "hospital: no 医院");
  ck_assert(strstr(zh, "医院概况"));
  ck_assert(strstr(zh, "对该医院"));
  ck_assert(strstr(zh, "医院外部"));
  static const char *const no_zh[] = {"企业概况", "该企业", "企业未提供",
                                      "企业基本情况", "企业能量平衡表",
                                      "企业外部", "企业统计数据",
                                      "企业内部审计"};
  for (size_t i = 0; i < sizeof no_zh / sizeof *no_zh; i++)
    ck_assert_msg(!strstr(zh, no_zh[i]), "hospital zh says %s", no_zh[i]);
  const char *en = report_text(&r, "hospital", "en");
  ck_assert(strstr(en, "(\"the hospital\")"));
  ck_assert_msg(!strstr(en, "the enterprise") && !strstr(en, "The enterprise"),
                "hospital en says the enterprise");
  const char *office = report_text(&r, "training/office-building", "zh");
  ck_assert(strstr(office, "（以下简称“单位”）"));
  ck_assert(!strstr(office, "企业概况"));
  const char *office_en = report_text(&r, "training/office-building", "en");
  ck_assert(strstr(office_en, "The organisation"));
  ck_assert(!strstr(office_en, "the enterprise"));
  /* the lighting power density section and its findings, both languages */
  ck_assert(strstr(office, "照明功率密度对比"));
  ck_assert(strstr(office, "职工阅览室的照明功率密度为9.00 W/m²，超过GB "
                           "50034-2024"));
  ck_assert(strstr(office, "规定现行值按GB 55015-2021执行"));
  ck_assert(strstr(office_en, "Lighting power density against the limits"));
  ck_assert(strstr(office_en, "The lighting power density of Meeting rooms, "
                              "6.50 W/m², is within the target value of 6.5 "
                              "W/m²"));
  ck_assert(strstr(office_en, "its current value (the mandatory limit) is "
                              "not in the rules"));
  const char *plant = report_text(&r, "training/boiler-house", "zh");
  ck_assert(strstr(plant, "（以下简称“企业”）"));
  ck_assert(strstr(plant, "企业概况"));
  tu_close(&r);
}
END_TEST

/* facility.organisation by building type. */
START_TEST(t_building_organisation)
{
  static const struct {
    const char *type, *zh, *en;
  } cases[] = {{"hospital", "医院", "hospital"},
               {"school", "学校", "school"},
               {"university", "学校", "university"},
               {"hotel", "单位", "organisation"},
               {"office_government", "单位", "organisation"}};
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    tu_run r;
    tu_open(&r);
    char *y = arena_strdup(r.a, OFFICE);
    char *t = strstr(y, "office_government");
    char *z = arena_printf(r.a, "%.*s%s%s", (int)(t - y), y, cases[i].type,
                           t + strlen("office_government"));
    tu_facility(&r, z);
    ck_assert_msg(r.results != NULL, "%s", tu_diags(&r));
    ck_assert_str_eq(tu_str(&r, "facility.organisation.zh"), cases[i].zh);
    ck_assert_str_eq(tu_str(&r, "facility.organisation.en"), cases[i].en);
    tu_close(&r);
  }
  tu_run r;
  tu_open(&r);
  tu_facility(&r, arena_printf(r.a, "%s%s", TU_HEAD,
                               "meters:\n  - {id: E1, carrier: electricity, "
                               "level: 1, total: \"1,000 kWh\"}\n"));
  ck_assert_msg(r.results != NULL, "%s", tu_diags(&r));
  ck_assert_str_eq(tu_str(&r, "facility.organisation.zh"), "企业");
  ck_assert_str_eq(tu_str(&r, "facility.organisation.en"), "enterprise");
  tu_close(&r);
}
END_TEST

START_TEST(t_building_absent)
{
  tu_run r;
  tu_open(&r);
  char *y = arena_printf(r.a, "%s%s", TU_HEAD,
                         "meters:\n  - {id: E1, carrier: electricity, level: "
                         "1, total: \"1,000 kWh\"}\n");
  tu_facility(&r, y);
  ck_assert_msg(r.results != NULL, "%s", tu_diags(&r));
  ck_assert(!val_path(r.results, "facility.is_building")->b);
  ck_assert_int_eq((int)val_path(r.results, "benchmark.building")->n, 0);
  ck_assert_int_eq((int)val_path(r.results, "energy.building_indicators")->n,
                   0);
  ck_assert(tu_is_null(&r, "energy.intensity.kwh_per_m2"));
  ck_assert(tu_is_null(&r, "energy.intensity.kwh_per_m2_non_heating"));
  ck_assert(tu_is_null(&r, "carbon.intensity.kgco2_per_m2"));
  tu_close(&r);
}
END_TEST

/* Before the supply-coal-rate table (2001): no equal value, so gas cannot
   be expressed as electricity and the non-heating energy is null with a
   note; with electricity only it is E / A = 100. */
START_TEST(t_building_no_rate)
{
  for (int gas = 0; gas < 2; gas++) {
    tu_run r;
    tu_open(&r);
    const char *y = arena_printf(
        r.a,
        "auditgen: 1\nfacility:\n  name: {zh: 楼, en: Building}\n"
        "  industry: building\n  floor_area: \"10,000 m2\"\n"
        "audit:\n  period: {from: 2001-01-01, to: 2001-12-31}\n"
        "meters:\n  - {id: E1, carrier: electricity, level: 1, total: "
        "\"1,000,000 kWh\"}\n%s",
        gas ? "  - {id: G1, carrier: natural_gas, level: 1, total: \"10 m3\"}\n"
            : "");
    tu_facility(&r, y);
    ck_assert_msg(r.results != NULL, "%s", tu_diags(&r));
    ck_assert(tu_is_null(&r, "energy.intensity.kgce_per_m2_equal_value"));
    if (gas)
      ck_assert(tu_is_null(&r, "energy.intensity.kwh_per_m2_non_heating"));
    else
      NEAR(&r, "energy.intensity.kwh_per_m2_non_heating", 100);
    tu_close(&r);
  }
}
END_TEST

/* Runs calc --json on samples/hospital.yaml with a rules layer. */
static char *hospital_with(const char *layer)
{
  char rules[512], sample[512];
  snprintf(rules, sizeof rules, "%s/tests/rules-layers/%s", tu_root(), layer);
  snprintf(sample, sizeof sample, "%s/samples/hospital.yaml", tu_root());
  const char *argv[] = {tu_bin(), "calc", sample, "--rules", rules, "--json",
                        NULL};
  char *out, *err;
  int rc = tu_exec(argv, tu_root(), &out, &err);
  ck_assert_msg(rc == 0, "%s", err);
  free(err);
  return out;
}

/* A province's hospital quota as a rules layer: grade III class A selects
   the second row (constraint 9,000, baseline 8,000, guide 7,000 kgce per
   bed at equal value); the hospital's 9,443.34 × 1000 / 1,200 = 7,869.45
   lies between the guide and the baseline: "baseline". The Chongqing quota
   of the same layer is for another province and is not applied. */
START_TEST(t_province_quota_layer)
{
  char *out = hospital_with("province-hospital-quota");
  ck_assert_msg(strstr(out, "\"key\": \"example_sichuan_hospital\""), "%s",
                out);
  ck_assert(!strstr(out, "example_chongqing_hospital"));
  ck_assert(strstr(out, "\"value\": 7869.45,"));
  ck_assert(strstr(out, "\"constraint\": 9000,"));
  ck_assert(strstr(out, "\"grade\": \"baseline\""));
  free(out);
}
END_TEST

/* A fixed 等价值 coefficient of 0.328 kgce/kWh as a grids.yaml layer: the
   hospital's equal value = 2,185.74 + 24,000,000 × 0.328 / 1000 = 2,185.74
   + 7,872 = 10,057.74 tce, 83.8145 kgce/m² over 120,000 m²; the grid
   factor is still the shipped one (scope 2 = 24,000 × 0.2472 = 5,932.8). */
START_TEST(t_fixed_equal_value_layer)
{
  char *out = hospital_with("fixed-equal-value");
  ck_assert_msg(strstr(out, "\"total_equal_value_tce\": 10057.74,"), "%s",
                out);
  ck_assert(strstr(out, "\"kgce_per_m2_equal_value\": 83.8145,"));
  ck_assert(strstr(out, "\"supply_coal_rate_gce_per_kwh\": 328,"));
  ck_assert(strstr(out, "\"electricity_tco2\": 5932.8,"));
  free(out);
}
END_TEST

/* The hospital's flow diagram ends its boiler houses in their uses: the
   heating boilers' 700,000 m³ × 1.2143 / 1000 = 850.01 tce in "heating",
   the steam boilers' 600,000 × 1.2143 / 1000 = 728.58 tce in "special
   use"; the unmetered node is named as a building's end use. */
START_TEST(t_building_flow)
{
  tu_run r;
  tu_open(&r);
  char path[512];
  snprintf(path, sizeof path, "%s/samples/hospital.yaml", tu_root());
  char *y = tu_slurp(path, NULL);
  tu_facility(&r, y);
  free(y);
  ck_assert_msg(r.results != NULL, "%s", tu_diags(&r));
  const value *nodes = val_path(r.results, "energy.flow.nodes");
  double heating = -1, special = -1;
  for (size_t i = 0; i < nodes->n; i++) {
    const char *id = val_get(nodes->items[i], "id")->str;
    double tce = val_get(nodes->items[i], "tce")->num;
    if (strcmp(id, "end:heating") == 0)
      heating = tce;
    if (strcmp(id, "end:special") == 0)
      special = tce;
    ck_assert_msg(strcmp(id, "unmetered_use") != 0, "nothing is unmetered");
  }
  ck_assert_double_eq_tol(heating, 850.01, 1e-9 * 850.01);
  ck_assert_double_eq_tol(special, 728.58, 1e-9 * 728.58);
  tu_close(&r);
}
END_TEST

/* Meters that stop at the building: the whole 1,000,000 kWh × 0.1229 /
   1000 = 122.9 tce ends in the building's end uses, not in losses, and
   the finding asks for sub-metering by system, in a building's words (not
   the industrial "no meter goes into a process unit"). */
START_TEST(t_building_boundary_only)
{
  char dir[] = "/tmp/auditgen-building-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  char path[512];
  snprintf(path, sizeof path, "%s/b.yaml", dir);
  FILE *f = fopen(path, "w");
  ck_assert_ptr_nonnull(f);
  fputs("auditgen: 1\nfacility:\n  name: {zh: 楼, en: Building}\n"
        "  industry: building\n  building_type: office_commercial\n"
        "  floor_area: \"10,000 m2\"\n"
        "audit:\n  period: {from: 2023-01-01, to: 2023-12-31}\n"
        "meters:\n  - {id: E1, carrier: electricity, level: 1, total: "
        "\"1,000,000 kWh\"}\n",
        f);
  fclose(f);
  const char *argv[] = {tu_bin(), "calc", path, "--json", NULL};
  char *out, *err;
  int rc = tu_exec(argv, tu_root(), &out, &err);
  ck_assert_msg(rc == 0, "exit %d: %s", rc, err);
  ck_assert_msg(strstr(out, "\"name_en\": \"Building end uses (not "
                            "sub-metered)\""),
                "%s", out);
  ck_assert(strstr(out, "\"to\": \"unmetered_use\",\n          \"tce\": "
                        "122.9\n"));
  ck_assert(!strstr(out, "\"id\": \"losses\""));
  ck_assert(strstr(out, "\"rule\": \"no_building_submetering\""));
  ck_assert(!strstr(out, "\"rule\": \"no_balance_data\""));
  ck_assert(!strstr(out, "process unit"));
  free(out);
  free(err);
  unlink(path);
  rmdir(dir);
}
END_TEST

Suite *building_suite(void)
{
  Suite *s = suite_create("building");
  TCase *tc = tcase_create("buildings");
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, t_building_indicators);
  tcase_add_test(tc, t_building_gb51161);
  tcase_add_test(tc, t_building_gb51161_uncorrected);
  tcase_add_test(tc, t_building_no_row);
  tcase_add_test(tc, t_building_quota_boundaries);
  tcase_add_test(tc, t_lighting_boundaries);
  tcase_add_test(tc, t_lighting_values);
  tcase_add_test(tc, t_lighting_layer);
  tcase_add_test(tc, t_lighting_accent_decorative);
  tcase_add_test(tc, t_lighting_accent_refused);
  tcase_add_test(tc, t_building_absent);
  tcase_add_test(tc, t_building_no_rate);
  tcase_add_test(tc, t_province_quota_layer);
  tcase_add_test(tc, t_fixed_equal_value_layer);
  tcase_add_test(tc, t_building_flow);
  tcase_add_test(tc, t_building_boundary_only);
  tcase_add_test(tc, t_building_organisation);
  tcase_add_test(tc, t_building_wording);
  suite_add_tcase(s, tc);
  return s;
}
