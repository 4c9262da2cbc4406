/* management.c — results.management: the enterprise's energy management
 * as the facility file states it (load/management.h), with the figures
 * the other sections computed beside it.
 *
 * Input: the model's management section and the results computed so far
 * (energy.total_tce and the intensities, metering.*, equipment[]). Output:
 * management.{provided, key_user, organisation, targets[], system,
 * meter_management, online_monitoring, obsolete, previous_audit}; a part
 * the file does not give is null. Targets are assessed here (completion,
 * met or not, docs/calculation.md "Energy management"); the findings come
 * from rules/checks/management.yaml. Nothing here re-checks meters or
 * equipment: their results are read and linked. */
#include "internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../base/fmt.h"

#define KEY_USER_TCE 10000.0 /* 重点用能单位: 10,000 tce a year and above */

static void set_text2(arena *a, value *o, const char *key, const text2 *t)
{
  if (!t || !t->zh) {
    val_set_null(a, o, key);
    return;
  }
  value *v = val_set(a, o, key, val_obj(a));
  val_set_str(a, v, "zh", t->zh);
  val_set_str(a, v, "en", t->en);
}

static void set_date(arena *a, value *o, const char *key, bool has, date d)
{
  if (!has) {
    val_set_null(a, o, key);
    return;
  }
  char buf[16];
  date_format(d, buf);
  val_set_str(a, o, key, arena_strdup(a, buf));
}

static double num_at(calc_ctx *c, const char *path)
{
  const value *v = val_path(c->root, path);
  return v && v->kind == VAL_NUM ? v->num : (double)NAN;
}


/* {====================================================== organisation */

static void organisation(calc_ctx *c, value *mg, const m_management *g)
{
  arena *a = c->a;
  if (!g->has_organisation) {
    val_set_null(a, mg, "organisation");
    return;
  }
  value *o = val_set(a, mg, "organisation", val_obj(a));
  set_text2(a, o, "department", &g->department);
  value *man = val_set(a, o, "manager", val_obj(a));
  set_text2(a, man, "name", &g->manager_name);
  set_text2(a, man, "post", &g->manager_post);
  val_set_str(a, man, "registration", g->registration);
  set_date(a, man, "registered", g->has_registered, g->registered);
  /* registered: a number or a date of the filing (备案) */
  val_set_bool(a, o, "manager_registered",
               g->registration != NULL || g->has_registered);
  if (g->has_staff) {
    val_set_num(a, o, "staff", (double)g->staff);
    /* as the chapter's table prints it (null: —) */
    const char *n = calc_num_text(a, (double)g->staff, 0);
    val_set_str(a, o, "staff_text_zh", arena_printf(a, "%s人", n));
    val_set_str(a, o, "staff_text_en",
                arena_printf(a, "%s %s", n, g->staff == 1 ? "person" : "people"));
  } else {
    val_set_null(a, o, "staff");
    val_set_null(a, o, "staff_text_zh");
    val_set_null(a, o, "staff_text_en");
  }
}

/* }====================================================== */
/* {====================================================== targets */

static const char *const status_words[][3] = {
    {"met", "完成", "Met"},
    {"not_met", "未完成", "Not met"},
    {"on_track", "进度符合要求", "On track"},
    {"behind", "进度滞后", "Behind schedule"}};

static void set_status(calc_ctx *c, value *r, int st)
{
  val_set_str(c->a, r, "status", status_words[st][0]);
  val_set_str(c->a, r, "status_zh", status_words[st][1]);
  val_set_str(c->a, r, "status_en", status_words[st][2]);
  val_set_bool(c->a, r, "met", st == 0);
}

static value *target_row(calc_ctx *c, value *arr, const mg_target *t,
                         bool five, const char *kind)
{
  arena *a = c->a;
  value *r = val_obj(a);
  val_push(a, arr, r);
  val_set_str(a, r, "id",
              arena_printf(a, "%s.%s",
                           five ? "five_year" : arena_printf(a, "%d", t->from),
                           kind));
  val_set_str(a, r, "scope", five ? "five_year" : "year");
  val_set_num(a, r, "from", t->from);
  val_set_num(a, r, "to", t->to);
  val_set_str(a, r, "period_zh",
              five ? arena_printf(a, "%d—%d年", t->from, t->to)
                   : arena_printf(a, "%d年", t->from));
  val_set_str(a, r, "period_en",
              five ? arena_printf(a, "%d–%d", t->from, t->to)
                   : arena_printf(a, "%d", t->from));
  val_set_str(a, r, "kind", kind);
  val_set_bool(a, r, "of_audit", five || t->of_audit);
  set_text2(a, r, "document", &t->doc);
  return r;
}

/* target_text_zh/en and actual_text_zh/en: the figures a finding quotes,
   worded by the kind of target. */
static void row_texts(calc_ctx *c, value *r, bool total, double target,
                      double actual, double share)
{
  arena *a = c->a;
  const char *t = calc_num_text(a, total ? target : target * 100, total ? 2 : 1);
  const char *x = calc_num_text(a, total ? actual : actual * 100, total ? 2 : 1);
  const char *p = calc_num_text(a, share * 100, 1);
  if (total) {
    val_set_str(a, r, "target_text_zh", arena_printf(a, "控制在%s tce以内", t));
    val_set_str(a, r, "target_text_en", arena_printf(a, "at most %s tce", t));
    val_set_str(a, r, "actual_text_zh",
                arena_printf(a, "%s tce（为控制目标的%s %%）", x, p));
    val_set_str(a, r, "actual_text_en",
                arena_printf(a, "%s tce (%s %% of the ceiling)", x, p));
  } else {
    val_set_str(a, r, "target_text_zh", arena_printf(a, "下降%s %%", t));
    val_set_str(a, r, "target_text_en", arena_printf(a, "down %s %%", t));
    val_set_str(a, r, "actual_text_zh",
                arena_printf(a, "%s%s %%（完成%s %%）",
                             actual < 0 ? "上升" : "下降",
                             actual < 0 ? calc_num_text(a, -actual * 100, 1) : x,
                             p));
    val_set_str(a, r, "actual_text_en",
                arena_printf(a, "%s %s %% (%s %% of the target)",
                             actual < 0 ? "up" : "down",
                             actual < 0 ? calc_num_text(a, -actual * 100, 1) : x,
                             p));
  }
}

/* Time elapsed of a five-year period at the end of the audit year. */
static double time_progress(const calc_ctx *c, const mg_target *t)
{
  return (double)(c->m->to.y - t->from + 1) / 5.0;
}

static void total_row(calc_ctx *c, value *arr, const mg_target *t, bool five)
{
  arena *a = c->a;
  value *r = target_row(c, arr, t, five, "total");
  val_set_str(a, r, "kind_zh", "能源消费总量控制");
  val_set_str(a, r, "kind_en", "Ceiling of total energy consumption");
  val_set_num(a, r, "target", t->total_tce);
  val_set_str(a, r, "unit", "tce");
  double actual;
  if (five || t->of_audit) {
    int months = c->m->months > 0 ? c->m->months : 12;
    actual = c->total_tce * 12.0 / months;
    value *v = val_set_num(a, r, "actual", actual);
    trace *tr = val_trace(a, v, "total_tce × 12 / months",
                          calc_std_clause(c, "GB/T 17166", " (能源消费指标)"));
    trace_add_ref(a, tr, "total_tce", c->total_tce, "tce", "energy.total_tce");
    trace_add(a, tr, "months", months, NULL, "audit period");
    val_set_str(a, r, "actual_from", "results");
  } else {
    actual = t->actual_tce;
    val_set_num(a, r, "actual", actual);
    val_set_str(a, r, "actual_from", "enterprise");
  }
  value *u = val_set_num(a, r, "used", actual / t->total_tce);
  trace *tr = val_trace(a, u, "actual / ceiling", "project term (目标完成)");
  trace_add(a, tr, "actual", actual, "tce", NULL);
  trace_add(a, tr, "ceiling", t->total_tce, "tce", "management: targets");
  val_set_null(a, r, "completion");
  row_texts(c, r, true, t->total_tce, actual, actual / t->total_tce);
  bool within = actual <= t->total_tce * (1 + 1e-9);
  int st;
  if (five && c->m->to.y < t->to) {
    val_set_num(a, r, "time_progress", time_progress(c, t));
    st = within ? 2 : 3;
  } else {
    if (five)
      val_set_num(a, r, "time_progress", 1.0);
    st = within ? 0 : 1;
  }
  set_status(c, r, st);
}

static void intensity_row(calc_ctx *c, value *arr, const mg_target *t,
                          bool five)
{
  arena *a = c->a;
  value *r = target_row(c, arr, t, five, "intensity");
  bool va = t->basis == MG_BASIS_VALUE_ADDED;
  val_set_str(a, r, "basis", va ? "value_added" : "output_value");
  val_set_str(a, r, "kind_zh",
              va ? "单位工业增加值能耗下降" : "单位工业总产值能耗下降");
  val_set_str(a, r, "kind_en",
              va ? "Reduction of energy per unit of value added"
                 : "Reduction of energy per unit of output value");
  val_set_num(a, r, "target", t->reduction);
  val_set_str(a, r, "unit", "%");
  double actual;
  if (five || t->of_audit) {
    const char *path = va ? "energy.intensity.tce_per_10k_cny_value_added"
                          : "energy.intensity.tce_per_10k_cny_output";
    double now = num_at(c, path);
    val_set_num(a, r, "base_intensity", t->base_intensity);
    val_set_num(a, r, "intensity", now);
    actual = 1.0 - now / t->base_intensity;
    value *v = val_set_num(a, r, "actual", actual);
    trace *tr = val_trace(a, v, "1 − audit-period intensity / base-year intensity",
                          calc_std_clause(c, "GB/T 17166", " (能源消费指标)"));
    trace_add_ref(a, tr, "audit-period intensity", now, "tce/万元", path);
    trace_add(a, tr, "base-year intensity", t->base_intensity, "tce/万元",
              "management: targets");
    val_set_str(a, r, "actual_from", "results");
  } else {
    actual = t->actual_reduction;
    val_set_null(a, r, "base_intensity");
    val_set_null(a, r, "intensity");
    val_set_num(a, r, "actual", actual);
    val_set_str(a, r, "actual_from", "enterprise");
  }
  val_set_null(a, r, "used");
  value *u = val_set_num(a, r, "completion", actual / t->reduction);
  trace *tr = val_trace(a, u, "actual reduction / target reduction",
                        "project term (目标完成)");
  trace_add(a, tr, "actual reduction", actual, NULL, NULL);
  trace_add(a, tr, "target reduction", t->reduction, NULL,
            "management: targets");
  double done = actual / t->reduction;
  row_texts(c, r, false, t->reduction, actual, done);
  int st;
  if (done >= 1 - 1e-9)
    st = 0;
  else if (five && c->m->to.y < t->to) {
    double tp = time_progress(c, t);
    st = done >= tp - 1e-9 ? 2 : 3;
  } else {
    st = 1;
  }
  if (five)
    val_set_num(a, r, "time_progress",
                c->m->to.y < t->to ? time_progress(c, t) : 1.0);
  set_status(c, r, st);
}

static void targets(calc_ctx *c, value *mg, const m_management *g)
{
  arena *a = c->a;
  if (!g->has_targets) {
    val_set_null(a, mg, "targets");
    return;
  }
  value *arr = val_set(a, mg, "targets", val_arr(a));
  if (g->has_five_year) {
    if (g->five_year.has_total)
      total_row(c, arr, &g->five_year, true);
    if (g->five_year.has_reduction && g->five_year.has_base)
      intensity_row(c, arr, &g->five_year, true);
  }
  for (size_t i = 0; i < g->n_yearly; i++) {
    const mg_target *t = &g->yearly[i];
    if (t->has_total)
      total_row(c, arr, t, false);
    if (t->has_reduction && (t->of_audit ? t->has_base : true))
      intensity_row(c, arr, t, false);
  }
  size_t unmet = 0;
  for (size_t i = 0; i < arr->n; i++) {
    const char *st = val_get(arr->items[i], "status")->str;
    unmet += strcmp(st, "not_met") == 0 || strcmp(st, "behind") == 0;
  }
  val_set_num(a, mg, "targets_not_met", (double)unmet);
}

/* }====================================================== */
/* {====================================================== system */

static const char *const element_names[MG_EL_N][2] = {
    {"能源方针", "Energy policy"},
    {"组织机构与职责", "Organisation and responsibilities"},
    {"能源目标与指标", "Energy targets"},
    {"能源采购与贮存管理", "Purchase and storage of energy"},
    {"能源加工转换与输送分配管理", "Conversion and distribution of energy"},
    {"能源使用管理", "Use of energy"},
    {"能源计量管理", "Energy metering"},
    {"能源统计与分析", "Energy statistics and analysis"},
    {"节能考核与奖惩", "Assessment of energy performance"},
    {"培训", "Training"},
    {"文件与记录", "Documents and records"}};

static void mgmt_system(calc_ctx *c, value *mg, const m_management *g)
{
  arena *a = c->a;
  if (!g->has_system) {
    val_set_null(a, mg, "system");
    return;
  }
  static const char *const stds[][3] = {
      {"none", "未建立", "None"},
      {"GB/T 23331", "GB/T 23331", "GB/T 23331"},
      {"GB/T 15587", "GB/T 15587", "GB/T 15587"}};
  value *o = val_set(a, mg, "system", val_obj(a));
  val_set_str(a, o, "standard", stds[g->standard][0]);
  val_set_str(a, o, "standard_zh", stds[g->standard][1]);
  val_set_str(a, o, "standard_en", stds[g->standard][2]);
  val_set_bool(a, o, "certified", g->certified);
  val_set_str(a, o, "certificate", g->certificate);
  set_text2(a, o, "body", &g->body);
  set_date(a, o, "certified_on", g->has_certified_on, g->certified_on);
  set_date(a, o, "valid_until", g->has_valid_until, g->valid_until);
  if (g->certified && g->has_valid_until)
    val_set_bool(a, o, "valid_at_period_end",
                 date_days(g->valid_until) >= date_days(c->m->to));
  else
    val_set_null(a, o, "valid_at_period_end");
  set_date(a, o, "self_assessed_on", g->has_self_assessed, g->self_assessed_on);
  if (!g->has_elements) {
    val_set_null(a, o, "elements");
    val_set_null(a, o, "elements_missing");
    return;
  }
  value *els = val_set(a, o, "elements", val_arr(a));
  size_t miss = 0;
  const char *zh = "", *en = "";
  for (int k = 0; k < MG_EL_N; k++) {
    value *e = val_obj(a);
    val_push(a, els, e);
    val_set_str(a, e, "key", mg_element_keys[k]);
    val_set_str(a, e, "name_zh", element_names[k][0]);
    val_set_str(a, e, "name_en", element_names[k][1]);
    static const char *const st[][3] = {{"not_stated", "未说明", "Not stated"},
                                        {"missing", "缺失", "Missing"},
                                        {"present", "具备", "Present"}};
    int s = g->elements[k] + 1;
    val_set_str(a, e, "status", st[s][0]);
    val_set_str(a, e, "status_zh", st[s][1]);
    val_set_str(a, e, "status_en", st[s][2]);
    if (g->elements[k] != 1) {
      zh = arena_printf(a, "%s%s%s", zh, miss ? "、" : "", element_names[k][0]);
      en = arena_printf(a, "%s%s%s", en, miss ? ", " : "",
                        element_names[k][1]);
      miss++;
    }
  }
  val_set_num(a, o, "elements_missing", (double)miss);
  val_set_str(a, o, "elements_missing_zh", miss ? zh : NULL);
  val_set_str(a, o, "elements_missing_en", miss ? en : NULL);
}

/* }====================================================== */
/* {====================================================== meters, online */

static void meter_management(calc_ctx *c, value *mg, const m_management *g)
{
  arena *a = c->a;
  if (!g->has_meter_management) {
    val_set_null(a, mg, "meter_management");
    return;
  }
  value *o = val_set(a, mg, "meter_management", val_obj(a));
  val_set_bool(a, o, "system", g->mm_system);
  val_set_num(a, o, "staff", (double)g->mm_staff);
#define OPT_BOOL(key, has, b)                                                  \
  do {                                                                         \
    if (has)                                                                   \
      val_set_bool(a, o, key, b);                                              \
    else                                                                       \
      val_set_null(a, o, key);                                                 \
  } while (0)
  OPT_BOOL("ledger", g->has_mm_ledger, g->mm_ledger);
  OPT_BOOL("calibration_records", g->has_mm_calibration_records,
           g->mm_calibration_records);
  OPT_BOOL("data_records", g->has_mm_data_records, g->mm_data_records);
#undef OPT_BOOL
  /* the metering results, linked (metering.*: nothing re-checked) */
  const value *acc = val_path(c->root, "metering.accuracy");
  val_set_num(a, o, "meters_in_use", acc ? (double)acc->n : 0);
  static const char *const links[][2] = {
      {"calibration_valid", "metering.calibration.valid"},
      {"calibration_overdue", "metering.calibration.overdue"},
      {"calibration_without_record", "metering.calibration.without_record"}};
  for (size_t i = 0; i < sizeof links / sizeof *links; i++) {
    double x = num_at(c, links[i][1]);
    if (isfinite(x))
      val_set_num(a, o, links[i][0], x);
    else
      val_set_null(a, o, links[i][0]);
  }
  const value *cov = val_path(c->root, "metering.coverage");
  size_t short_n = 0;
  for (size_t i = 0; cov && i < cov->n; i++) {
    const value *ok = val_get(cov->items[i], "ok");
    short_n += ok && ok->kind == VAL_BOOL && !ok->b;
  }
  val_set_num(a, o, "coverage_short", (double)short_n);
  const value *miss = val_path(c->root, "metering.missing");
  val_set_num(a, o, "points_without_meter", miss ? (double)miss->n : 0);
  const value *wr = val_path(c->root, "metering.calibration.without_record");
  bool contradicted = g->has_mm_calibration_records &&
                      g->mm_calibration_records && wr && wr->kind == VAL_NUM &&
                      wr->num > 0;
  val_set_bool(a, o, "records_contradicted", contradicted);
}

static void online(calc_ctx *c, value *mg, const m_management *g)
{
  arena *a = c->a;
  if (!g->has_online) {
    val_set_null(a, mg, "online_monitoring");
    return;
  }
  value *o = val_set(a, mg, "online_monitoring", val_obj(a));
  val_set_bool(a, o, "required", c->total_tce >= KEY_USER_TCE);
  val_set_bool(a, o, "connected", g->connected);
  set_date(a, o, "connected_on", g->has_connected_on, g->connected_on);
  if (g->has_data_points)
    val_set_num(a, o, "data_points", (double)g->data_points);
  else
    val_set_null(a, o, "data_points");
  set_text2(a, o, "platform", &g->platform);
  val_set_bool(a, o, "connected_after_period",
               g->connected && g->has_connected_on &&
                   date_days(g->connected_on) > date_days(c->m->to));
}

/* }====================================================== */
/* {====================================================== obsolete, previous */

static void obsolete(calc_ctx *c, value *mg, const m_management *g)
{
  arena *a = c->a;
  if (!g->has_obsolete) {
    val_set_null(a, mg, "obsolete");
    return;
  }
  value *o = val_set(a, mg, "obsolete", val_obj(a));
  val_set_bool(a, o, "checked", g->checked);
  set_date(a, o, "checked_on", g->has_checked_on, g->checked_on);
  value *cats = val_set(a, o, "catalogues", val_arr(a));
  for (size_t i = 0; i < g->n_catalogues; i++) {
    value *t = val_obj(a);
    val_set_str(a, t, "zh", g->catalogues[i].zh);
    val_set_str(a, t, "en", g->catalogues[i].en);
    val_push(a, cats, t);
  }
  value *found = val_set(a, o, "found", val_arr(a));
  for (size_t i = 0; i < g->n_found; i++) {
    const mg_found *f = &g->found[i];
    value *r = val_obj(a);
    val_push(a, found, r);
    val_set_num(a, r, "no", (double)(i + 1));
    val_set_str(a, r, "equipment", f->equipment);
    val_set_str(a, r, "name_zh", f->name.zh);
    val_set_str(a, r, "name_en", f->name.en);
    val_set_str(a, r, "catalogue_zh", f->catalogue.zh);
    val_set_str(a, r, "catalogue_en", f->catalogue.en);
    val_set_str(a, r, "plan_zh", f->plan.zh);
    val_set_str(a, r, "plan_en", f->plan.en);
    set_date(a, r, "deadline", f->has_deadline, f->deadline);
    char d[16] = "";
    if (f->has_deadline)
      date_format(f->deadline, d);
    val_set_str(a, r, "plan_text_zh",
                !f->plan.zh          ? "未说明"
                : f->has_deadline ? arena_printf(a, "%s（期限%s）", f->plan.zh, d)
                                  : f->plan.zh);
    val_set_str(a, r, "plan_text_en",
                !f->plan.en          ? "not stated"
                : f->has_deadline ? arena_printf(a, "%s (by %s)", f->plan.en, d)
                                  : f->plan.en);
  }
  /* The equipment results that already say an item is below its
     efficiency limit: whether the statement lists it. */
  value *below = val_set(a, o, "below_limit", val_arr(a));
  const value *eq = val_get(c->root, "equipment");
  size_t unlisted = 0;
  for (size_t i = 0; eq && eq->kind == VAL_ARR && i < eq->n; i++) {
    const value *e = eq->items[i], *ml = val_get(e, "meets_limit");
    if (!ml || ml->kind != VAL_BOOL || ml->b)
      continue;
    const char *id = val_get(e, "id")->str;
    bool listed = false;
    for (size_t k = 0; k < g->n_found; k++)
      listed |= g->found[k].equipment && strcmp(g->found[k].equipment, id) == 0;
    value *r = val_obj(a);
    val_push(a, below, r);
    val_set_str(a, r, "id", id);
    const value *nz = val_get(e, "name_zh"), *ne = val_get(e, "name_en"),
                *sd = val_get(e, "standard");
    val_set_str(a, r, "name_zh", nz ? nz->str : id);
    val_set_str(a, r, "name_en", ne ? ne->str : id);
    val_set_str(a, r, "standard", sd && sd->kind == VAL_STR ? sd->str : NULL);
    val_set_bool(a, r, "listed", listed);
    unlisted += !listed;
  }
  val_set_num(a, o, "below_limit_unlisted", (double)unlisted);
  /* The equipment a catalogue of the rules lists (equipment[].catalogue):
     whether the enterprise's own check found it. */
  value *cat = val_set(a, o, "catalogue_listed", val_arr(a));
  unlisted = 0;
  for (size_t i = 0; eq && eq->kind == VAL_ARR && i < eq->n; i++) {
    const value *e = eq->items[i], *cg = val_get(e, "catalogue");
    const value *st = cg ? val_get(cg, "status") : NULL;
    if (!st || st->kind != VAL_STR || strcmp(st->str, "listed") != 0)
      continue;
    const char *id = val_get(e, "id")->str;
    bool listed = false;
    for (size_t k = 0; k < g->n_found; k++)
      listed |= g->found[k].equipment && strcmp(g->found[k].equipment, id) == 0;
    const value *m0 = val_get(cg, "matches")->items[0];
    value *r = val_obj(a);
    val_push(a, cat, r);
    val_set_str(a, r, "id", id);
    const value *nz = val_get(e, "name_zh"), *ne = val_get(e, "name_en");
    val_set_str(a, r, "name_zh", nz ? nz->str : id);
    val_set_str(a, r, "name_en", ne ? ne->str : id);
    val_set(a, r, "catalogue_zh", val_get(m0, "name_zh"));
    val_set(a, r, "catalogue_en", val_get(m0, "name_en"));
    val_set(a, r, "entry_zh", val_get(m0, "entry_zh"));
    val_set(a, r, "entry_en", val_get(m0, "entry_en"));
    val_set_bool(a, r, "listed", listed);
    unlisted += !listed;
  }
  val_set_num(a, o, "catalogue_unlisted", (double)unlisted);
}

static void previous(calc_ctx *c, value *mg, const m_management *g)
{
  arena *a = c->a;
  if (!g->has_previous) {
    val_set_null(a, mg, "previous_audit");
    return;
  }
  static const char *const impl[][3] = {{"yes", "已实施", "Implemented"},
                                        {"partly", "部分实施", "Partly"},
                                        {"no", "未实施", "Not implemented"}};
  value *o = val_set(a, mg, "previous_audit", val_obj(a));
  set_date(a, o, "report_date", g->has_previous_date, g->previous_date);
  value *arr = val_set(a, o, "measures", val_arr(a));
  double planned = 0, saved = 0;
  size_t n_planned = 0, n_saved = 0, counts[3] = {0, 0, 0};
  for (size_t i = 0; i < g->n_measures; i++) {
    const mg_measure *me = &g->measures[i];
    value *r = val_obj(a);
    val_push(a, arr, r);
    val_set_str(a, r, "id", me->id);
    val_set_str(a, r, "name_zh", me->name.zh);
    val_set_str(a, r, "name_en", me->name.en);
    val_set_str(a, r, "implemented", impl[me->implemented][0]);
    val_set_str(a, r, "implemented_zh", impl[me->implemented][1]);
    val_set_str(a, r, "implemented_en", impl[me->implemented][2]);
    counts[me->implemented]++;
    if (me->has_planned) {
      val_set_num(a, r, "planned_tce", me->planned_tce);
      planned += me->planned_tce;
      n_planned++;
    } else {
      val_set_null(a, r, "planned_tce");
    }
    double sv = me->has_saving ? me->saving_tce
                : me->implemented == MG_IMPL_NO ? 0
                                                : (double)NAN;
    if (isfinite(sv)) {
      val_set_num(a, r, "saving_tce", sv);
      saved += sv;
      n_saved++;
    } else {
      val_set_null(a, r, "saving_tce");
    }
    if (me->has_planned && isfinite(sv)) {
      value *v = val_set_num(a, r, "achieved", sv / me->planned_tce);
      trace *t = val_trace(a, v, "saving achieved / saving planned",
                           "project term (目标完成)");
      trace_add(a, t, "saving achieved", sv, "tce",
                "management: previous_audit");
      trace_add(a, t, "saving planned", me->planned_tce, "tce",
                "management: previous_audit");
    } else {
      val_set_null(a, r, "achieved");
    }
    if (me->note.zh) {
      val_set_str(a, r, "note_zh", me->note.zh);
      val_set_str(a, r, "note_en", me->note.en);
    } else {
      val_set_null(a, r, "note_zh");
      val_set_null(a, r, "note_en");
    }
    /* what a finding adds after the name: the enterprise's note */
    val_set_str(a, r, "note_text_zh",
                me->note.zh ? arena_printf(a, "（%s）", me->note.zh) : "");
    val_set_str(a, r, "note_text_en",
                me->note.en ? arena_printf(a, " (%s)", me->note.en) : "");
  }
  val_set_num(a, o, "implemented", (double)counts[0]);
  val_set_num(a, o, "partly", (double)counts[1]);
  val_set_num(a, o, "not_implemented", (double)counts[2]);
  if (n_planned)
    val_set_num(a, o, "planned_tce", planned);
  else
    val_set_null(a, o, "planned_tce");
  if (n_saved)
    val_set_num(a, o, "saving_tce", saved);
  else
    val_set_null(a, o, "saving_tce");
}

/* }====================================================== */

void calc_management(calc_ctx *c)
{
  arena *a = c->a;
  value *mg = val_set(a, c->root, "management", val_obj(a));
  const m_management *g = c->m->management;
  val_set_bool(a, mg, "provided", g != NULL);
  val_set_bool(a, mg, "key_user", c->total_tce >= KEY_USER_TCE);
  m_management none;
  if (!g) {
    memset(&none, 0, sizeof none);
    g = &none;
  }
  organisation(c, mg, g);
  targets(c, mg, g);
  if (!g->has_targets)
    val_set_null(a, mg, "targets_not_met");
  mgmt_system(c, mg, g);
  meter_management(c, mg, g);
  online(c, mg, g);
  obsolete(c, mg, g);
  previous(c, mg, g);
}
