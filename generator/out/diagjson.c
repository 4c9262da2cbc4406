/* diagjson.c — diagnostics as JSON values (see diagjson.h).
 *
 * Input: a diagnostics list. Output: objects appended to an array in the
 * caller's arena. The Chinese wording is found by the message's class,
 * read from its fixed English words (load/schema.c writes them); the
 * values quoted in it (keys, words, paths) are kept as written. */
#include "diagjson.h"

#include <stdio.h>
#include <string.h>

/* The key path a message starts with ("meters[E01].total: ..."), or
   NULL: the text before the first ": ", when it has no space or quote
   ("(top level)" too). *rest is the message after it. */
static const char *path_of(arena *a, const char *msg, const char **rest)
{
  const char *colon = strstr(msg, ": ");
  *rest = msg;
  if (!colon || colon == msg)
    return NULL;
  size_t n = (size_t)(colon - msg);
  bool top = n == 11 && strncmp(msg, "(top level)", 11) == 0;
  for (size_t i = 0; i < n && !top; i++)
    if (msg[i] == ' ' || msg[i] == '"' || msg[i] == '\'')
      return NULL;
  *rest = colon + 2;
  return arena_strndup(a, msg, n);
}

/* "a mapping", "a list"… as ytree_kind_name writes them. */
static const char *kind_zh(const char *en)
{
  static const char *const k[][2] = {{"a mapping", "映射"},
                                     {"a list", "列表"},
                                     {"a string", "字符串"},
                                     {"an empty value", "空值"},
                                     {"nothing", "无"}};
  for (size_t i = 0; i < sizeof k / sizeof *k; i++)
    if (strcmp(en, k[i][0]) == 0)
      return k[i][1];
  return en;
}

/* Whether s starts with p; *after is what follows. */
static bool starts(const char *s, const char *p, const char **after)
{
  size_t n = strlen(p);
  if (strncmp(s, p, n) != 0)
    return false;
  *after = s + n;
  return true;
}

const char *diagjson_zh(arena *a, const char *en)
{
  static const struct {
    const char *prefix, *zh; /* zh: printf with the found kind */
  } expected[] = {
      {"expected a mapping, found ", "应为映射（键: 值），实为%s"},
      {"expected a list, found ", "应为列表，实为%s"},
      {"expected text, found ", "应为文字，实为%s"},
      {"expected a number, found ", "应为数，实为%s"},
      {"expected a name {zh: ..., en: ...}, found ",
       "应为双语名称 {zh: ..., en: ...}，实为%s"},
      {"expected a quantity such as \"1,200 t\", found ",
       "应为带单位的量（如 \"1,200 t\"），实为%s"},
  };
  const char *r;
  for (size_t i = 0; i < sizeof expected / sizeof *expected; i++)
    if (starts(en, expected[i].prefix, &r))
      return arena_printf(a, expected[i].zh, kind_zh(r));
  if (starts(en, "expected true or false, found ", &r))
    return arena_printf(a, "应为 true 或 false，实为%s", r);
  if (starts(en, "unknown key ", &r)) {
    /* "KEY[ (did you mean "K"?)]; allowed keys: LIST" */
    const char *allowed = strstr(r, "; allowed keys: ");
    if (!allowed)
      return NULL;
    const char *list = allowed + strlen("; allowed keys: ");
    const char *hint = strstr(r, " (did you mean ");
    if (!hint || hint > allowed)
      return arena_printf(a, "未知的键 %.*s；允许的键：%s", (int)(allowed - r),
                          r, list);
    size_t n = (size_t)(hint - r);
    const char *h = hint + strlen(" (did you mean ");
    size_t hn = (size_t)(allowed - h);
    if (hn >= 2 && strncmp(h + hn - 2, "?)", 2) == 0)
      return arena_printf(a, "未知的键 %.*s（是否应为 %.*s？）；允许的键：%s",
                          (int)n, r, (int)(hn - 2), h, list);
    return NULL;
  }
  if (starts(en, "missing required key ", &r))
    return arena_printf(a, "缺少必需的键 %s", r);
  if (starts(en, "merge keys (<<) are not supported; write the keys out", &r) &&
      !*r)
    return arena_strdup(a, "不支持合并键（<<），请逐个写出各键");
  if (strcmp(en, "a plain string is used for both languages; write "
                 "{zh: ..., en: ...}") == 0)
    return arena_strdup(a, "一个字符串同时用于两种语言；请写 {zh: ..., en: ...}");
  const char *not_one = strstr(en, " is not one of ");
  if (en[0] == '"' && not_one) {
    const char *list = not_one + strlen(" is not one of ");
    const char *hint = strstr(list, " (did you mean ");
    size_t vn = (size_t)(not_one - en);
    if (!hint)
      return arena_printf(a, "%.*s 不是以下之一：%s", (int)vn, en, list);
    const char *h = hint + strlen(" (did you mean ");
    size_t hn = strlen(h);
    if (hn < 2 || strcmp(h + hn - 2, "?)") != 0)
      return NULL;
    return arena_printf(a, "%.*s 不是以下之一：%.*s（是否应为 %.*s？）",
                        (int)vn, en, (int)(hint - list), list, (int)(hn - 2),
                        h);
  }
  const char *not_date = strstr(en, " is not a date YYYY-MM-DD");
  if (en[0] == '"' && not_date && !not_date[strlen(" is not a date "
                                                   "YYYY-MM-DD")])
    return arena_printf(a, "%.*s 不是 YYYY-MM-DD 格式的日期",
                        (int)(not_date - en), en);
  return NULL;
}

static const char *sev_word(diag_severity s)
{
  return s == DIAG_ERROR ? "error" : s == DIAG_WARNING ? "warning" : "note";
}

void diagjson_add(arena *a, value *arr, diag_list *dl, bool warnings)
{
  size_t n;
  diag **all = diag_sorted(dl, &n);
  for (size_t i = 0; i < n; i++) {
    const diag *d = all[i];
    if (d->sev != DIAG_ERROR && !warnings)
      continue;
    value *o = val_obj(a);
    if (d->pos.file)
      val_set_str(a, o, "file", arena_strdup(a, d->pos.file));
    else
      val_set_null(a, o, "file");
    if (d->pos.line > 0) {
      val_set_num(a, o, "line", d->pos.line);
      val_set_num(a, o, "column", d->pos.col > 0 ? d->pos.col : 1);
    } else {
      val_set_null(a, o, "line");
      val_set_null(a, o, "column");
    }
    const char *rest;
    const char *path = path_of(a, d->msg, &rest);
    if (path)
      val_set_str(a, o, "path", path);
    else
      val_set_null(a, o, "path");
    val_set_str(a, o, "severity", sev_word(d->sev));
    val_set_str(a, o, "message_en", arena_strdup(a, d->msg));
    const char *zh = diagjson_zh(a, rest);
    if (zh && path)
      val_set_str(a, o, "message_zh", arena_printf(a, "%s: %s", path, zh));
    else if (zh)
      val_set_str(a, o, "message_zh", zh);
    else
      val_set_null(a, o, "message_zh");
    val_push(a, arr, o);
  }
}
