/* intake.c — the intake workbook: what the client fills in and `import`
 * reads back.
 *
 * Input: a facility file (read with ytree, not validated: a draft may be
 * incomplete) or nothing. Output: xlsx bytes (xlsx/xlw.h, in memory). Sheets: 说明 (how to fill it
 * in), 205-1 (the statistics form; stock), 台帐 (one meter per row, months
 * across), 计量器具 (the meter list: JJF 1356 B.3 columns and the facility
 * file's), 设备 (equipment), 其他 (every other value of the facility file
 * as a path and a value) and a hidden 列表 holding the drop-down lists of
 * carriers, units and levels. A value goes to exactly one sheet, so the
 * round trip template → import gives back every value of the facility
 * file: what a form's columns cannot hold (a meter's register readings, a
 * quantity written as a map) goes to 其他. */
#include "import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/buf.h"
#include "../base/diag.h"
#include "../load/ytree.h"
#include "../xlsx/xlw.h"
#include "internal.h"

typedef struct T {
  arena *a;
  xlw_book *wb;
  int title, head, text; /* styles (xlsx/xlw.h) */
  const char **paths, **values; /* the 其他 sheet's rows, written last */
  size_t n_rows, cap_p, cap_v;
} T;

static const char *sv(const ynode *n)
{
  return n && n->kind == YN_SCALAR ? n->str : NULL;
}

/* "1,234.5 kWh" → 1234.5 and "kWh" when the unit is one forms.c reads. */
static bool split_qty(const ynode *n, double *v, const char **unit, arena *a)
{
  const char *s = sv(n);
  if (!s)
    return false;
  const char *sp = strrchr(s, ' ');
  if (!sp || !imp_unit_known(sp + 1))
    return false;
  char clean[64];
  size_t k = 0;
  for (const char *p = s; p < sp && k + 1 < sizeof clean; p++)
    if (*p != ',')
      clean[k++] = *p;
  clean[k] = '\0';
  char *end;
  double d = strtod(clean, &end);
  if (end == clean || *end)
    return false;
  /* the number must come back as written: at most 15 significant digits */
  char back[64];
  snprintf(back, sizeof back, "%.15g", d);
  if (strtod(back, NULL) != d)
    return false;
  *v = d;
  *unit = arena_strdup(a, sp + 1);
  return true;
}

static void other_row(T *t, const char *path, const char *value)
{
  *ARENA_PUSH(t->a, t->paths, t->n_rows, t->cap_p) = path;
  t->n_rows--;
  *ARENA_PUSH(t->a, t->values, t->n_rows, t->cap_v) = value;
}

/* A sequence item's step: [id] for a map with a plain id, else [i]. */
static const char *step(arena *a, const ynode *item, size_t i)
{
  const char *id = item->kind == YN_MAP ? sv(ytree_get(item, "id")) : NULL;
  bool ok = id && *id;
  bool digits = true;
  for (const char *p = id; ok && *p; p++) {
    ok = *p != '[' && *p != ']' && *p != '.' && (unsigned char)*p >= 0x20;
    digits &= *p >= '0' && *p <= '9';
  }
  if (ok && !digits)
    return arena_printf(a, "[%s]", id);
  return arena_printf(a, "[%zu]", i);
}

/* Every scalar under n as a path/value row, but for the keys skip names
   (at this level only) and, in an item with an id, the id itself. */
static void flatten(T *t, const ynode *n, const char *path,
                    const char *const *skip)
{
  if (!n)
    return;
  if (n->kind == YN_SCALAR) {
    if (!ytree_is_null(n))
      other_row(t, path, n->str);
    return;
  }
  if (n->kind == YN_SEQ) {
    for (size_t i = 0; i < n->n; i++) {
      const char *st = step(t->a, n->kids[i], i);
      flatten(t, n->kids[i], arena_printf(t->a, "%s%s", path, st),
              st[1] < '0' || st[1] > '9' ? (const char *const[]){"id", NULL}
                                         : NULL);
    }
    return;
  }
  for (size_t i = 0; i < n->n; i++) {
    const char *k = n->kids[2 * i]->str;
    bool skipped = false;
    for (size_t s = 0; skip && skip[s]; s++)
      skipped |= strcmp(skip[s], k) == 0;
    if (skipped)
      continue;
    flatten(t, n->kids[2 * i + 1],
            *path ? arena_printf(t->a, "%s.%s", path, k) : k, NULL);
  }
}

static xlw_sheet *sheet(T *t, const char *name, const char *title,
                            const char *const *heads, const double *widths)
{
  xlw_sheet *ws = xlw_add_sheet(t->wb, name);
  xlw_string(ws, 0, 0, title, t->title);
  uint32_t nc = 0;
  for (; heads[nc]; nc++) {
    xlw_string(ws, 2, nc, heads[nc], t->head);
    xlw_col_width(ws, nc, nc, widths[nc]);
  }
  xlw_freeze(ws, 3, 0);
  /* printed to be filled in by hand too: A4, one page wide (landscape
     when wide), the heading row on every page */
  xlw_print_titles(ws, 2, 2);
  xlw_page(ws, 9, nc >= 7, 1, 0);
  return ws;
}

static void list_validation(T *t, xlw_sheet *ws, uint32_t col,
                            const char *range)
{
  (void)t;
  xlw_list_validation(ws, 3, col, 2000, col, range);
}

/* {====================================================== sheets */

static void notes_sheet(T *t)
{
  xlw_sheet *ws = xlw_add_sheet(t->wb, "说明");
  xlw_col_width(ws, 0, 0, 100);
  xlw_page(ws, 9, false, 1, 0);
  static const char *const lines[] = {
      "能源审计资料收集表 / Energy audit intake workbook (auditgen)",
      "",
      "205-1：能源购进、消费与库存（期初、期末库存；购进量与金额）。"
      "Form 205-1: opening and closing stock, purchases and their cost.",
      "台帐：每行一个计量器具，各月用量（1月…12月）。"
      "Ledger: one meter per row, its quantity per month.",
      "计量器具：计量器具一览表（JJF 1356 附录B）及其在能源网络中的位置。"
      "Meters: the meter list and where each meter sits.",
      "设备：主要用能设备。Equipment: the main energy-using equipment.",
      "其他：其余各项，每行一个路径和值（如 facility.name.zh）。"
      "Other: every other field, one path and value a row.",
      "",
      "单位可写在计量单位列；万千瓦时、万立方米、百万千焦、千元均可。"
      "Units go in the unit column; 万 units are read as such.",
      "填好后：auditgen import 本文件.xlsx -o facility.yaml，再 auditgen "
      "check facility.yaml。",
      "Then: auditgen import THIS.xlsx -o facility.yaml; auditgen check "
      "facility.yaml.",
  };
  for (uint32_t r = 0; r < sizeof lines / sizeof *lines; r++)
    xlw_string(ws, r, 0, lines[r], r == 0 ? t->title : 0);
}

static void lists_sheet(T *t)
{
  xlw_sheet *ws = xlw_add_sheet(t->wb, "列表");
  for (size_t i = 0; imp_carrier_list(i); i++)
    xlw_string(ws, (uint32_t)i, 0, imp_carrier_list(i), 0);
  for (size_t i = 0; imp_unit_list(i); i++)
    xlw_string(ws, (uint32_t)i, 1, imp_unit_list(i), 0);
  static const char *const levels[] = {"1", "2", "3"};
  for (size_t i = 0; i < 3; i++)
    xlw_string(ws, (uint32_t)i, 2, levels[i], 0);
  xlw_string(ws, 0, 3, "是", 0);
  xlw_string(ws, 1, 3, "否", 0);
  xlw_hide(ws);
}

static const char *carrier_cell(const char *key)
{
  const char *zh = key ? imp_carrier_zh(key) : NULL;
  return zh ? zh : key;
}

/* The 205-1 form: stock entries the form's columns can hold. Returns the
   stock items that went elsewhere (path/value rows). */
static void form_205(T *t, const ynode *root, bool *stock_done)
{
  static const char *const heads[] = {
      "能源名称", "计量单位", "代码", "期初库存量", "购进量", "",
      "消费量", "", "", "", "", "期末库存量", "采用折标系数", NULL};
  static const double w[] = {16, 12, 6, 14, 14, 14, 14, 14, 14, 14, 14,
                             14, 12};
  xlw_sheet *ws =
      sheet(t, "205-1", "能源购进、消费与库存（205-1表）", heads, w);
  const ynode *fac = ytree_get(root, "facility");
  const ynode *name = fac ? ytree_get(fac, "name") : NULL;
  const char *zh = name && name->kind == YN_MAP ? sv(ytree_get(name, "zh"))
                                                 : NULL;
  const char *code = fac ? sv(ytree_get(fac, "credit_code")) : NULL;
  xlw_string(
      ws, 1, 0,
      arena_printf(t->a, "单位详细名称：%s    统一社会信用代码：%s",
                   zh ? zh : "", code ? code : ""),
      0);
  /* the two header rows: 购进量 over 实物量 and 金额; 消费量 over its
     parts; the single headings merged down */
  static const char *const sub[] = {"",         "",         "",
                                    "",         "实物量",   "金额（千元）",
                                    "合计",     "工业生产消费", "用于原材料",
                                    "非工业生产消费", "运输工具消费", "",
                                    ""};
  for (uint32_t c = 0; c < 13; c++)
    xlw_string(ws, 3, c, sub[c], t->head);
  for (uint32_t c = 0; c < 13; c++)
    if (!*sub[c])
      xlw_merge(ws, 2, c, 3, c, heads[c], t->head);
  xlw_merge(ws, 2, 4, 2, 5, "购进量", t->head);
  xlw_merge(ws, 2, 6, 2, 10, "消费量", t->head);
  xlw_freeze(ws, 4, 1);
  xlw_print_titles(ws, 2, 3); /* both heading rows of the form */
  list_validation(t, ws, 0, "=列表!$A$1:$A$60");
  list_validation(t, ws, 1, "=列表!$B$1:$B$60");
  uint32_t r = 4;
  const ynode *stock = ytree_get(root, "stock");
  for (size_t i = 0; stock && stock->kind == YN_SEQ && i < stock->n; i++) {
    const ynode *it = stock->kids[i];
    const char *car = it->kind == YN_MAP ? sv(ytree_get(it, "carrier")) : NULL;
    double o = 0, c = 0;
    const char *uo = NULL, *uc = NULL;
    const ynode *on = it->kind == YN_MAP ? ytree_get(it, "opening") : NULL;
    const ynode *cn = it->kind == YN_MAP ? ytree_get(it, "closing") : NULL;
    bool ok = car && imp_carrier_zh(car) && it->n <= 3 &&
              (!on || split_qty(on, &o, &uo, t->a)) &&
              (!cn || split_qty(cn, &c, &uc, t->a)) && (on || cn) &&
              (!uo || !uc || strcmp(uo, uc) == 0) && (o != 0 || c != 0);
    stock_done[i] = ok;
    if (!ok)
      continue;
    xlw_string(ws, r, 0, carrier_cell(car), 0);
    xlw_string(ws, r, 1, uo ? uo : uc, 0);
    if (on)
      xlw_number(ws, r, 3, o, 0);
    if (cn)
      xlw_number(ws, r, 11, c, 0);
    r++;
  }
  if (r == 4) { /* blank: the form's rows, for the client to fill */
    static const char *const rows[][2] = {
        {"原煤", "吨"}, {"洗精煤", "吨"}, {"焦炭", "吨"},
        {"焦炉煤气", "万立方米"}, {"天然气", "万立方米"},
        {"液化天然气", "吨"}, {"汽油", "吨"}, {"柴油", "吨"},
        {"燃料油", "吨"}, {"液化石油气", "吨"}, {"热力", "百万千焦"},
        {"电力", "万千瓦时"}};
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++, r++) {
      xlw_string(ws, r, 0, rows[i][0], 0);
      xlw_string(ws, r, 1, rows[i][1], 0);
    }
  }
  xlw_string(ws, r + 1, 0, "单位负责人：          填表人：          "
                         "报出日期：    年  月  日", 0);
}

static bool all_qty_same_unit(const ynode *seq, double *v, const char **unit,
                              arena *a)
{
  if (!seq || seq->kind != YN_SEQ || seq->n == 0 || seq->n > 12)
    return false;
  *unit = NULL;
  for (size_t i = 0; i < seq->n; i++) {
    const char *u;
    if (!split_qty(seq->kids[i], &v[i], &u, a))
      return false;
    if (*unit && strcmp(*unit, u) != 0)
      return false;
    *unit = u;
  }
  return true;
}

/* Keys of a meter the meter list and the ledger hold. */
static const char *const METER_COLS[] = {
    "id",        "name",       "carrier",     "level",
    "kind",      "accuracy",   "from",        "to",
    "installed", "total",      "calibrated",  "calibration_interval",
    "certificate", NULL};

static bool simple(const ynode *n)
{
  return n && n->kind == YN_SCALAR && !ytree_is_null(n) &&
         !strchr(n->str, '\n');
}

static void meters_sheets(T *t, const ynode *root)
{
  static const char *const heads[] = {
      "序号", "用能单位管理编号", "计量器具名称", "英文名称", "能源种类",
      "级别", "器具类型", "准确度等级", "来自", "去向", "是否安装",
      "期间用量", "计量单位", "检定日期", "检定周期（月）", "证书编号",
      "状态", NULL};
  static const double w[] = {6, 12, 28, 28, 12, 6, 12, 10, 12, 12, 8,
                             14, 10, 12, 10, 18, 8};
  xlw_sheet *ws = sheet(t, "计量器具",
                            "能源计量器具一览表（JJF 1356 附录B）", heads, w);
  list_validation(t, ws, 4, "=列表!$A$1:$A$60");
  list_validation(t, ws, 5, "=列表!$C$1:$C$3");
  list_validation(t, ws, 10, "=列表!$D$1:$D$2");
  list_validation(t, ws, 12, "=列表!$B$1:$B$60");
  static const char *const lheads[] = {"计量器具编号", "能源名称",
                                       "计量单位", "1月", "2月", "3月",
                                       "4月", "5月", "6月", "7月", "8月",
                                       "9月", "10月", "11月", "12月",
                                       "合计", NULL};
  static const double lw[] = {12, 12, 10, 12, 12, 12, 12, 12, 12,
                              12, 12, 12, 12, 12, 12, 14};
  xlw_sheet *ls =
      sheet(t, "台帐", "能源统计台帐（按计量器具，各月）", lheads, lw);
  list_validation(t, ls, 1, "=列表!$A$1:$A$60");
  list_validation(t, ls, 2, "=列表!$B$1:$B$60");
  const ynode *ms = ytree_get(root, "meters");
  uint32_t r = 3, lr = 3;
  for (size_t i = 0; ms && ms->kind == YN_SEQ && i < ms->n; i++) {
    const ynode *m = ms->kids[i];
    const char *id = m->kind == YN_MAP ? sv(ytree_get(m, "id")) : NULL;
    const ynode *name = m->kind == YN_MAP ? ytree_get(m, "name") : NULL;
    bool row_ok = id && *id && name && name->kind == YN_MAP &&
                  simple(ytree_get(name, "zh")) && name->n <= 2 &&
                  (name->n == 1 || simple(ytree_get(name, "en")));
    const char *step_s = step(t->a, m, i);
    const char *path = arena_printf(t->a, "meters%s", step_s);
    if (!row_ok || step_s[1] == '[' || (step_s[1] >= '0' && step_s[1] <= '9')) {
      flatten(t, m, path, NULL); /* the whole meter as paths */
      continue;
    }
    xlw_number(ws, r, 0, (double)(r - 2), 0);
    xlw_string(ws, r, 1, id, 0);
    xlw_string(ws, r, 2, sv(ytree_get(name, "zh")), 0);
    if (ytree_get(name, "en"))
      xlw_string(ws, r, 3, sv(ytree_get(name, "en")), 0);
    const char *car = sv(ytree_get(m, "carrier"));
    bool car_ok = simple(ytree_get(m, "carrier")) && imp_carrier_zh(car);
    if (car_ok)
      xlw_string(ws, r, 4, carrier_cell(car), 0);
    const char *lv = sv(ytree_get(m, "level"));
    bool lv_ok = simple(ytree_get(m, "level")) &&
                 (!strcmp(lv, "1") || !strcmp(lv, "2") || !strcmp(lv, "3"));
    if (lv_ok)
      xlw_string(ws, r, 5, lv, 0);
    struct {
      const char *key;
      uint32_t col;
    } cols[] = {{"kind", 6},        {"accuracy", 7},    {"from", 8},
                {"to", 9},          {"calibrated", 13}, {"certificate", 15}};
    bool done[sizeof cols / sizeof *cols] = {false};
    for (size_t k = 0; k < sizeof cols / sizeof *cols; k++) {
      const ynode *v = ytree_get(m, cols[k].key);
      if (simple(v)) {
        xlw_string(ws, r, cols[k].col, v->str, 0);
        done[k] = true;
      }
    }
    const char *inst = sv(ytree_get(m, "installed"));
    bool inst_ok = inst && (!strcmp(inst, "true") || !strcmp(inst, "false"));
    if (inst_ok)
      xlw_string(ws, r, 10, !strcmp(inst, "true") ? "是" : "否",
                             0);
    const char *ci = sv(ytree_get(m, "calibration_interval"));
    char *end = NULL;
    long civ = ci ? strtol(ci, &end, 10) : 0;
    bool ci_ok = ci && *ci && !*end && civ > 0 && civ < 10000;
    if (ci_ok)
      xlw_number(ws, r, 14, (double)civ, 0);
    double tv;
    const char *tu;
    bool tot_ok = split_qty(ytree_get(m, "total"), &tv, &tu, t->a);
    if (tot_ok) {
      xlw_number(ws, r, 11, tv, 0);
      xlw_string(ws, r, 12, tu, 0);
    }
    /* monthly values: the ledger sheet */
    double mv[12];
    const char *mu;
    bool mon_ok = all_qty_same_unit(ytree_get(m, "monthly"), mv, &mu, t->a);
    if (mon_ok) {
      const ynode *seq = ytree_get(m, "monthly");
      xlw_string(ls, lr, 0, id, 0);
      if (car_ok)
        xlw_string(ls, lr, 1, carrier_cell(car), 0);
      xlw_string(ls, lr, 2, mu, 0);
      double sum = 0;
      for (size_t k = 0; k < seq->n; k++) {
        xlw_number(ls, lr, (uint32_t)(3 + k), mv[k], 0);
        sum += mv[k];
      }
      char f[64];
      snprintf(f, sizeof f, "=SUM(D%u:%c%u)", (unsigned)lr + 1,
               (char)('D' + seq->n - 1), (unsigned)lr + 1);
      xlw_formula(ls, lr, 15, f, sum, 0);
      lr++;
    }
    r++;
    /* what the two sheets did not take */
    for (size_t k = 0; k < m->n; k++) {
      const char *key = m->kids[2 * k]->str;
      const ynode *v = m->kids[2 * k + 1];
      bool taken = !strcmp(key, "id") || !strcmp(key, "name") ||
                   (!strcmp(key, "carrier") && car_ok) ||
                   (!strcmp(key, "level") && lv_ok) ||
                   (!strcmp(key, "installed") && inst_ok) ||
                   (!strcmp(key, "calibration_interval") && ci_ok) ||
                   (!strcmp(key, "total") && tot_ok) ||
                   (!strcmp(key, "monthly") && mon_ok);
      for (size_t c = 0; c < sizeof cols / sizeof *cols; c++)
        taken |= !strcmp(key, cols[c].key) && done[c];
      if (!taken)
        flatten(t, v, arena_printf(t->a, "%s.%s", path, key), NULL);
    }
  }
  (void)METER_COLS;
}

static void equipment_sheet(T *t, const ynode *root)
{
  static const char *const heads[] = {"序号", "编号", "设备名称", "英文名称",
                                      "设备类别", "所属单元", "型号规格",
                                      "额定容量", "燃料", NULL};
  static const double w[] = {6, 10, 30, 30, 18, 14, 18, 14, 12};
  xlw_sheet *ws = sheet(t, "设备", "主要用能设备一览表", heads, w);
  list_validation(t, ws, 8, "=列表!$A$1:$A$60");
  const ynode *eq = ytree_get(root, "equipment");
  uint32_t r = 3;
  for (size_t i = 0; eq && eq->kind == YN_SEQ && i < eq->n; i++) {
    const ynode *e = eq->kids[i];
    const char *id = e->kind == YN_MAP ? sv(ytree_get(e, "id")) : NULL;
    const ynode *name = e->kind == YN_MAP ? ytree_get(e, "name") : NULL;
    const char *st = step(t->a, e, i);
    const char *path = arena_printf(t->a, "equipment%s", st);
    bool ok = id && st[1] != '[' && !(st[1] >= '0' && st[1] <= '9') &&
              name && name->kind == YN_MAP && simple(ytree_get(name, "zh")) &&
              name->n <= 2 && (name->n == 1 || simple(ytree_get(name, "en")));
    if (!ok) {
      flatten(t, e, path, NULL);
      continue;
    }
    xlw_number(ws, r, 0, (double)(r - 2), 0);
    xlw_string(ws, r, 1, id, 0);
    xlw_string(ws, r, 2, sv(ytree_get(name, "zh")), 0);
    if (ytree_get(name, "en"))
      xlw_string(ws, r, 3, sv(ytree_get(name, "en")), 0);
    struct {
      const char *key;
      uint32_t col;
    } cols[] = {{"kind", 4}, {"unit", 5}, {"model", 6}, {"capacity", 7},
                {"fuel", 8}};
    bool done[5] = {false};
    for (size_t k = 0; k < 5; k++) {
      const ynode *v = ytree_get(e, cols[k].key);
      /* a fuel the list does not name stays on the path sheet */
      if (simple(v) && (k != 4 || imp_carrier_zh(v->str))) {
        xlw_string(ws, r, cols[k].col,
                               k == 4 ? carrier_cell(v->str) : v->str, 0);
        done[k] = true;
      }
    }
    r++;
    for (size_t k = 0; k < e->n; k++) {
      const char *key = e->kids[2 * k]->str;
      bool taken = !strcmp(key, "id") || !strcmp(key, "name");
      for (size_t c = 0; c < 5; c++)
        taken |= !strcmp(key, cols[c].key) && done[c];
      if (!taken)
        flatten(t, e->kids[2 * k + 1], arena_printf(t->a, "%s.%s", path, key),
                NULL);
    }
  }
}

/* {====================================================== entry */

char *imp_intake(arena *a, imp_msgs *m, const char *yaml_path, size_t *len)
{
  const ynode *root = NULL;
  if (yaml_path) {
    diag_list *dl = diag_new(a);
    bool io = false;
    ytree_limits lim = ytree_default_limits();
    root = ytree_load_file(a, dl, yaml_path, yaml_path, &lim, &io);
    if (!root) {
      size_t n;
      diag **all = diag_sorted(dl, &n);
      for (size_t i = 0; i < n; i++)
        imp_error(m,
                  all[i]->pos.line
                      ? arena_printf(a, "%s:%d:%d", all[i]->pos.file,
                                     all[i]->pos.line, all[i]->pos.col)
                      : yaml_path,
                  "%s", all[i]->msg);
      m->io = io;
      return NULL;
    }
    if (root->kind != YN_MAP) {
      imp_error(m, yaml_path, "a facility file is a mapping of keys");
      return NULL;
    }
  }
  T t = {.a = a};
  t.wb = xlw_new(a);
  t.title = xlw_style_id(t.wb, &(xlw_style){.bold = true, .font_size = 12});
  t.head = xlw_style_id(t.wb, &(xlw_style){.bold = true,
                                           .wrap = true,
                                           .halign = XLW_H_CENTER,
                                           .valign = XLW_V_CENTER,
                                           .filled = true,
                                           .fill = 0xDCE6F0,
                                           .border = XLW_BORDER_BOX});
  t.text = xlw_style_id(t.wb, &(xlw_style){.num_format = "@"});
  notes_sheet(&t);
  size_t n_stock = 0;
  const ynode *stock = root ? ytree_get(root, "stock") : NULL;
  if (stock && stock->kind == YN_SEQ)
    n_stock = stock->n;
  bool *stock_done = ARENA_ARRAY(a, bool, n_stock + 1);
  static const ynode empty = {.kind = YN_MAP};
  const ynode *r = root ? root : &empty;
  form_205(&t, r, stock_done);
  meters_sheets(&t, r);
  equipment_sheet(&t, r);
  static const char *const oheads[] = {"路径 Path", "值 Value", NULL};
  static const double ow[] = {48, 80};
  if (root)
    for (size_t i = 0; i < root->n; i++) {
      const char *key = root->kids[2 * i]->str;
      const ynode *v = root->kids[2 * i + 1];
      if (!strcmp(key, "auditgen") || !strcmp(key, "meters") ||
          !strcmp(key, "equipment"))
        continue;
      if (!strcmp(key, "stock") && v->kind == YN_SEQ) {
        size_t j = 0; /* the entries the 205-1 form did not take */
        for (size_t k = 0; k < v->n; k++)
          if (!stock_done[k])
            flatten(&t, v->kids[k], arena_printf(a, "stock[%zu]", j++), NULL);
        continue;
      }
      flatten(&t, v, key, NULL);
    }
  else {
    static const char *const blank[] = {
        "facility.name.zh", "facility.name.en", "facility.credit_code",
        "facility.industry", "facility.province", "facility.output_value",
        "audit.period.from", "audit.period.to", "audit.type",
        "audit.auditor.zh", "audit.auditor.en"};
    for (size_t i = 0; i < sizeof blank / sizeof *blank; i++)
      other_row(&t, blank[i], "");
  }
  xlw_sheet *other = sheet(
      &t, "其他", "其他各项 Other fields, one a row", oheads, ow);
  for (size_t i = 0; i < t.n_rows; i++) {
    xlw_string(other, (uint32_t)(i + 3), 0, t.paths[i], t.text);
    xlw_string(other, (uint32_t)(i + 3), 1, t.values[i], t.text);
  }
  lists_sheet(&t);
  /* no clock: the same bytes every run */
  opc_props props = {.title = "能源审计资料收集表 Energy audit intake",
                     .language = "zh-CN"};
  buf out;
  buf_init(&out);
  diag_list *dl = diag_new(a);
  if (!xlw_finish(t.wb, &props, dl, &out)) {
    size_t n;
    diag **all = diag_sorted(dl, &n);
    for (size_t i = 0; i < n; i++)
      imp_error(m, "intake workbook", "%s", all[i]->msg);
    m->io = true;
    buf_fini(&out);
    return NULL;
  }
  *len = out.len;
  return out.data;
}
