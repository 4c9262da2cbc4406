/* schema.c — typed readers over ynode trees (see schema.h).
 *
 * Input: nodes with positions. Output: C values, and diagnostics naming the
 * key path, what was expected and what was found. */
#include "schema.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Paths are built for every node read (they name it in messages); plain
   copies, not printf, since loading the rules makes tens of thousands. */
const char *sch_path(schema *s, const char *path, const char *key)
{
  arena *a = s->paths ? s->paths : s->a;
  if (!path || !*path)
    return arena_strdup(a, key);
  size_t lp = strlen(path), lk = strlen(key);
  char *p = arena_alloc_align(a, lp + 1 + lk + 1, 1);
  memcpy(p, path, lp);
  p[lp] = '.';
  memcpy(p + lp + 1, key, lk + 1);
  return p;
}

const char *sch_index(schema *s, const char *path, size_t i)
{
  char num[24];
  size_t ln = 0;
  do
    num[sizeof num - 1 - ln++] = (char)('0' + i % 10);
  while ((i /= 10) != 0);
  size_t lp = strlen(path);
  char *p = arena_alloc_align(s->paths ? s->paths : s->a, lp + ln + 3, 1);
  memcpy(p, path, lp);
  p[lp] = '[';
  memcpy(p + lp + 1, num + sizeof num - ln, ln);
  p[lp + 1 + ln] = ']';
  p[lp + 2 + ln] = '\0';
  return p;
}

/* {====================================================== did you mean */

/* Did-you-mean looks at no more candidates than this: past a few
   thousand ids a suggestion is noise, and the search would cost the
   number of references times the number of ids. */
#define SUGGEST_MAX_CANDIDATES 4096

/* Optimal string alignment distance: insertions, deletions, substitutions
   and transpositions of neighbours ("klin" -> "kiln" is one edit). Stops
   early with max + 1 once every alignment costs more than max. */
static size_t edit_distance(const char *a, size_t la, const char *b,
                            size_t lb, size_t max)
{
  if (la > 64 || lb > 64)
    return max + 1;
  if ((la > lb ? la - lb : lb - la) > max)
    return max + 1; /* each extra character is an edit */
  size_t d[65][65];
  for (size_t i = 0; i <= la; i++)
    d[i][0] = i;
  for (size_t j = 0; j <= lb; j++)
    d[0][j] = j;
  for (size_t i = 1; i <= la; i++) {
    size_t row_min = d[i][0];
    for (size_t j = 1; j <= lb; j++) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      size_t best = d[i - 1][j - 1] + cost;
      if (d[i - 1][j] + 1 < best)
        best = d[i - 1][j] + 1;
      if (d[i][j - 1] + 1 < best)
        best = d[i][j - 1] + 1;
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
          d[i - 2][j - 2] + 1 < best)
        best = d[i - 2][j - 2] + 1;
      d[i][j] = best;
      if (best < row_min)
        row_min = best;
    }
    /* Later rows never go below this row's minimum (a cell is at most
       one more than the cell above it, so the row above is at least max
       too, and a transposition from it adds one). */
    if (row_min > max)
      return max + 1;
  }
  return d[la][lb];
}

const char *sch_suggest(const char *word, const char *const *cands, size_t n)
{
  if (n > SUGGEST_MAX_CANDIDATES)
    return NULL;
  const char *best = NULL;
  size_t wl = strlen(word);
  /* Up to a third of the word may differ (at least one edit). */
  size_t allowed = wl / 3 > 1 ? wl / 3 : 1;
  size_t best_d = allowed + 1;
  for (size_t i = 0; i < n; i++) {
    if (!cands[i])
      continue;
    size_t d = edit_distance(word, wl, cands[i], strlen(cands[i]),
                             best_d - 1);
    if (d < best_d) {
      best_d = d;
      best = cands[i];
    }
  }
  return best;
}

/* }====================================================== */

/* An unknown-key message names every key the mapping allows, so that the
   file can be fixed from the message alone; past this many (no facility
   section has as many) the first ones alphabetically and a count. */
#define ALLOWED_KEYS_SHOWN 40

static int cmp_str(const void *a, const void *b)
{
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* "a, b, c" of keys in alphabetical order, in the arena. */
static const char *allowed_list(schema *s, const char *const *keys,
                                size_t nkeys)
{
  const char **sorted = ARENA_ARRAY(s->a, const char *, nkeys + 1);
  size_t len = 1;
  for (size_t i = 0; i < nkeys; i++) {
    sorted[i] = keys[i];
    len += strlen(keys[i]) + 2;
  }
  qsort(sorted, nkeys, sizeof *sorted, cmp_str);
  size_t shown = nkeys > ALLOWED_KEYS_SHOWN ? ALLOWED_KEYS_SHOWN : nkeys;
  char *out = arena_alloc(s->a, len + 48);
  size_t o = 0;
  for (size_t i = 0; i < shown; i++) {
    size_t l = strlen(sorted[i]);
    if (i) {
      memcpy(out + o, ", ", 2);
      o += 2;
    }
    memcpy(out + o, sorted[i], l);
    o += l;
  }
  out[o] = '\0';
  if (shown < nkeys)
    snprintf(out + o, 48, ", … (%zu more)", nkeys - shown);
  return out;
}

bool sch_map(schema *s, const ynode *n, const char *path,
             const char *const *keys, const char *const *required)
{
  if (!n || n->kind != YN_MAP) {
    diag_error(s->dl, n ? n->pos : src_none(), "%s: expected a mapping, found %s",
               path, ytree_kind_name(n));
    return false;
  }
  size_t nkeys = 0;
  while (keys[nkeys])
    nkeys++;
  /* suggested[j]: an unknown key got "did you mean keys[j]" */
  bool *suggested = NULL;
  const char *allowed = NULL; /* built at the first unknown key */
  for (size_t i = 0; i < n->n; i++) {
    const ynode *k = n->kids[2 * i];
    bool known = false;
    for (size_t j = 0; j < nkeys && !known; j++)
      known = k->str[0] == keys[j][0] && strcmp(k->str, keys[j]) == 0;
    if (known)
      continue;
    if (strcmp(k->str, "<<") == 0) {
      diag_error(s->dl, k->pos, "%s: merge keys (<<) are not supported; "
                                "write the keys out",
                 path);
      mem_free(suggested);
      return true; /* no "missing key" errors that the merge would fill */
    }
    if (diag_capped(s->dl, k->pos.file)) {
      /* only counted: no wording (150,000 unknown keys in one mapping) */
      diag_error(s->dl, k->pos, "%s: unknown key", path);
      continue;
    }
    const char *hint = sch_suggest(k->str, keys, nkeys);
    if (!allowed)
      allowed = nkeys ? allowed_list(s, keys, nkeys) : "none";
    if (hint) {
      if (!suggested)
        suggested = mem_alloc(sizeof *suggested * nkeys);
      for (size_t j = 0; j < nkeys; j++)
        suggested[j] |= keys[j] == hint;
      diag_error(s->dl, k->pos,
                 "%s: unknown key \"%s\" (did you mean \"%s\"?); allowed "
                 "keys: %s",
                 path, k->str, hint, allowed);
    } else {
      diag_error(s->dl, k->pos, "%s: unknown key \"%s\"; allowed keys: %s",
                 path, k->str, allowed);
    }
  }
  for (size_t j = 0; required && required[j]; j++) {
    if (ytree_get(n, required[j]))
      continue;
    /* A misspelt key already got "did you mean": no second message. */
    bool hinted = false;
    for (size_t i = 0; suggested && i < nkeys && !hinted; i++)
      hinted = suggested[i] && strcmp(keys[i], required[j]) == 0;
    if (!hinted)
      diag_error(s->dl, n->pos, "%s: missing required key \"%s\"", path,
                 required[j]);
  }
  mem_free(suggested);
  return true;
}

bool sch_list(schema *s, const ynode *n, const char *path)
{
  if (!n || n->kind != YN_SEQ) {
    diag_error(s->dl, n ? n->pos : src_none(), "%s: expected a list, found %s",
               path, ytree_kind_name(n));
    return false;
  }
  return true;
}

bool sch_str(schema *s, const ynode *n, const char *path, const char **out)
{
  if (!n || n->kind != YN_SCALAR || ytree_is_null(n)) {
    diag_error(s->dl, n ? n->pos : src_none(), "%s: expected text, found %s",
               path, ytree_kind_name(n));
    return false;
  }
  if (strlen(n->str) != n->len) {
    diag_error(s->dl, n->pos, "%s: text contains a NUL character", path);
    return false;
  }
  *out = n->str;
  return true;
}

bool sch_id(schema *s, const ynode *n, const char *path, const char **out)
{
  const char *v;
  if (!sch_str(s, n, path, &v))
    return false;
  bool ok = n->len > 0 && n->len <= 64;
  for (size_t i = 0; i < n->len && ok; i++) {
    char c = v[i];
    ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
  }
  if (!ok) {
    diag_error(s->dl, n->pos,
               "%s: \"%s\" is not an identifier (letters, digits, _ - . ; "
               "at most 64)",
               path, v);
    return false;
  }
  *out = v;
  return true;
}

bool sch_enum(schema *s, const ynode *n, const char *path,
              const char *const *choices, int *out)
{
  const char *v;
  if (!sch_str(s, n, path, &v))
    return false;
  size_t nc = 0;
  while (choices[nc])
    nc++;
  for (size_t i = 0; i < nc; i++)
    if (strcmp(v, choices[i]) == 0) {
      *out = (int)i;
      return true;
    }
  char list[256];
  size_t len = 0;
  list[0] = '\0';
  for (size_t i = 0; i < nc && len < sizeof list; i++)
    len += (size_t)snprintf(list + len, sizeof list - len, "%s%s",
                            i ? ", " : "", choices[i]);
  const char *hint = sch_suggest(v, choices, nc);
  if (hint)
    diag_error(s->dl, n->pos, "%s: \"%s\" is not one of %s (did you mean \"%s\"?)",
               path, v, list, hint);
  else
    diag_error(s->dl, n->pos, "%s: \"%s\" is not one of %s", path, v, list);
  return false;
}

bool sch_bool(schema *s, const ynode *n, const char *path, bool *out)
{
  if (n && n->kind == YN_SCALAR && n->plain) {
    if (strcmp(n->str, "true") == 0 || strcmp(n->str, "yes") == 0) {
      *out = true;
      return true;
    }
    if (strcmp(n->str, "false") == 0 || strcmp(n->str, "no") == 0) {
      *out = false;
      return true;
    }
  }
  diag_error(s->dl, n ? n->pos : src_none(),
             "%s: expected true or false, found %s%s%s%s", path,
             ytree_kind_name(n), n && n->kind == YN_SCALAR ? " \"" : "",
             n && n->kind == YN_SCALAR ? n->str : "",
             n && n->kind == YN_SCALAR ? "\"" : "");
  return false;
}

bool sch_num(schema *s, const ynode *n, const char *path, double *out)
{
  if (!n || n->kind != YN_SCALAR || ytree_is_null(n)) {
    diag_error(s->dl, n ? n->pos : src_none(), "%s: expected a number, found %s",
               path, ytree_kind_name(n));
    return false;
  }
  units_status st = units_number(s->u, n->str, n->len, out);
  if (st != UNITS_OK) {
    diag_error(s->dl, n->pos, "%s: \"%s\": %s", path, n->str,
               units_status_text(st));
    return false;
  }
  return true;
}

bool sch_int(schema *s, const ynode *n, const char *path, long lo, long hi,
             long *out)
{
  double x;
  if (!sch_num(s, n, path, &x))
    return false;
  /* range first: converting a double beyond long's range is undefined */
  if (!(x >= (double)lo && x <= (double)hi) || x != (double)(long)x) {
    diag_error(s->dl, n->pos, "%s: expected a whole number from %ld to %ld, "
                              "found %s",
               path, lo, hi, n->str);
    return false;
  }
  *out = (long)x;
  return true;
}

static bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int month_days(int y, int m)
{
  static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : d[m - 1];
}

bool sch_date(schema *s, const ynode *n, const char *path, date *out)
{
  const char *v;
  if (!sch_str(s, n, path, &v))
    return false;
  int y, m, d, used = 0;
  if (n->len != 10 || sscanf(v, "%4d-%2d-%2d%n", &y, &m, &d, &used) != 3 ||
      used != 10 || v[4] != '-' || v[7] != '-') {
    diag_error(s->dl, n->pos, "%s: \"%s\" is not a date YYYY-MM-DD", path, v);
    return false;
  }
  if (y < 1949 || y > 2100) {
    diag_error(s->dl, n->pos, "%s: the year of %s is outside 1949 to 2100",
               path, v);
    return false;
  }
  if (m < 1 || m > 12 || d < 1 || d > month_days(y, m)) {
    diag_error(s->dl, n->pos, "%s: %s is not a date in the calendar", path, v);
    return false;
  }
  out->y = y;
  out->m = m;
  out->d = d;
  out->pos = n->pos;
  return true;
}

long date_days(date d)
{
  /* Days from civil (Howard Hinnant's algorithm). */
  int y = d.y - (d.m <= 2);
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (d.m + (d.m > 2 ? -3 : 9)) + 2) / 5 + d.d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void date_format(date d, char *out)
{
  snprintf(out, 16, "%04d-%02d-%02d", d.y % 10000, d.m % 100, d.d % 100);
}

bool sch_text2(schema *s, const ynode *n, const char *path, text2 *out)
{
  if (n && n->kind == YN_SCALAR && !ytree_is_null(n)) {
    const char *v;
    if (!sch_str(s, n, path, &v))
      return false;
    out->zh = out->en = v;
    out->pos = n->pos;
    diag_warn(s->dl, n->pos,
              "%s: a plain string is used for both languages; write "
              "{zh: ..., en: ...}",
              path);
    return true;
  }
  static const char *const keys[] = {"zh", "en", NULL};
  if (!n || n->kind != YN_MAP) {
    diag_error(s->dl, n ? n->pos : src_none(),
               "%s: expected a name {zh: ..., en: ...}, found %s", path,
               ytree_kind_name(n));
    return false;
  }
  sch_map(s, n, path, keys, keys);
  const ynode *zh = ytree_get(n, "zh"), *en = ytree_get(n, "en");
  bool ok = true;
  if (zh && !sch_str(s, zh, sch_path(s, path, "zh"), &out->zh))
    ok = false;
  if (en && !sch_str(s, en, sch_path(s, path, "en"), &out->en))
    ok = false;
  const ynode *both[2] = {zh, en};
  const char *const *vals[2] = {&out->zh, &out->en};
  for (int i = 0; i < 2; i++)
    if (both[i] && ok && strspn(*vals[i], " \t") == strlen(*vals[i])) {
      diag_error(s->dl, both[i]->pos, "%s.%s: empty name", path, keys[i]);
      ok = false;
    }
  out->pos = n->pos;
  return ok && zh && en;
}

static void unit_mismatch(schema *s, src_pos pos, const char *path,
                          const char *text, dimvec got, dimvec want)
{
  char g[96], w[96], list[256];
  dim_name(got, g, sizeof g);
  dim_name(want, w, sizeof w);
  units_for_dim(want, list, sizeof list);
  if (*list)
    diag_error(s->dl, pos, "%s: \"%s\" is %s, expected %s (%s)", path, text, g,
               w, list);
  else
    diag_error(s->dl, pos, "%s: \"%s\" is %s, expected %s", path, text, g, w);
}

static bool parse_qty_text(schema *s, const ynode *at, const char *path,
                           const char *text, size_t len, const dimvec *want,
                           qty *out)
{
  double v;
  unit_info info;
  size_t unit_at;
  units_status st = units_parse(s->u, text, len, &v, &info, &unit_at);
  if (st == UNITS_UNKNOWN) {
    const char *unit = text + unit_at;
    size_t ulen = strlen(unit);
    while (ulen && (unit[ulen - 1] == ' ' || unit[ulen - 1] == '\t'))
      ulen--;
    /* the number before the unit, for a hint that writes it out */
    size_t n0 = 0, n1 = unit_at;
    while (n0 < n1 && (text[n0] == ' ' || text[n0] == '\t'))
      n0++;
    while (n1 > n0 && (text[n1 - 1] == ' ' || text[n1 - 1] == '\t'))
      n1--;
    double x;
    bool has_x = units_number(s->u, text + n0, n1 - n0, &x) == UNITS_OK;
    char hint[160];
    units_hint(unit, ulen, has_x ? &x : NULL, hint, sizeof hint);
    diag_error(s->dl, at->pos, "%s: unknown unit \"%.*s\" in \"%s\"%s", path,
               (int)ulen, unit, text, hint);
    return false;
  }
  if (st == UNITS_TOO_LARGE || st == UNITS_TOO_SMALL) {
    /* the bound in the unit written: 1e15 t is 1e11 万t */
    const char *unit = text + unit_at;
    size_t ulen = strlen(unit);
    while (ulen && (unit[ulen - 1] == ' ' || unit[ulen - 1] == '\t'))
      ulen--;
    double bound = st == UNITS_TOO_LARGE ? UNITS_LIMIT : UNITS_TINY;
    double lim = info.scale == 0.01 ? bound * 100.0 : bound / info.scale;
    diag_error(s->dl, at->pos, "%s: \"%s\": %s (%s %.3g%s%.*s)", path, text,
               st == UNITS_TOO_LARGE ? "out of range" : "too small to be told "
                                                        "from zero",
               st == UNITS_TOO_LARGE ? "at most" : "a non-zero value is at "
                                                   "least",
               lim, ulen ? " " : "", (int)ulen, unit);
    return false;
  }
  if (st != UNITS_OK) {
    diag_error(s->dl, at->pos, "%s: \"%s\": %s", path, text,
               units_status_text(st));
    return false;
  }
  if (want && !dim_eq(info.dim, *want)) {
    unit_mismatch(s, at->pos, path, text, info.dim, *want);
    return false;
  }
  size_t ulen = len > unit_at ? len - unit_at : 0;
  while (ulen && (text[unit_at + ulen - 1] == ' ' ||
                  text[unit_at + ulen - 1] == '\t'))
    ulen--;
  out->set = true;
  out->v = v;
  out->dim = info.dim;
  out->text = text;
  out->unit = arena_strndup(s->a, text + unit_at, ulen);
  out->pos = at->pos;
  return true;
}

bool sch_qty(schema *s, const ynode *n, const char *path, const dimvec *want,
             qty *out)
{
  memset(out, 0, sizeof *out);
  if (n && n->kind == YN_SCALAR && !ytree_is_null(n))
    return parse_qty_text(s, n, path, n->str, n->len, want, out);
  if (n && n->kind == YN_MAP) {
    static const char *const keys[] = {"value", "unit", NULL};
    static const char *const req[] = {"value", NULL};
    sch_map(s, n, path, keys, req);
    const ynode *vn = ytree_get(n, "value"), *un = ytree_get(n, "unit");
    double x;
    if (!vn || !sch_num(s, vn, sch_path(s, path, "value"), &x))
      return false;
    const char *unit = "";
    if (un && !sch_str(s, un, sch_path(s, path, "unit"), &unit))
      return false;
    const char *text = *unit ? arena_printf(s->a, "%s %s", vn->str, unit)
                             : vn->str;
    return parse_qty_text(s, un ? un : vn, path, text, strlen(text), want,
                          out);
  }
  diag_error(s->dl, n ? n->pos : src_none(),
             "%s: expected a quantity such as \"1,200 t\", found %s", path,
             ytree_kind_name(n));
  return false;
}

bool sch_ratio(schema *s, const ynode *n, const char *path, bool unit_interval,
               double *out)
{
  static const dimvec none = {{0}};
  qty q;
  if (!sch_qty(s, n, path, &none, &q))
    return false;
  if (unit_interval && (q.v < 0 || q.v > 1)) {
    diag_error(s->dl, n->pos, "%s: %s is outside 0 to 100 %%", path, q.text);
    return false;
  }
  *out = q.v;
  return true;
}
