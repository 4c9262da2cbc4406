/* terms.c — the glossary (rules/terms.yaml), the names tables
 * (rules/names.yaml) and their application to the results' traces (see
 * terms.h).
 *
 * Input: rule files' ynode trees; later the results tree. Output: term_def
 * entries in the factors struct; the wording fields of every trace. An
 * entry is a machine name mapped to {zh:, en:, source:}; a later rules
 * directory replaces an entry of the same section and key. */
#include "terms.h"

#include <string.h>

#include "../base/buf.h"

/* {====================================================== loading */

static const char *const section_names[TERM_SECTIONS] = {
    "terms", "formulas", "bases", "sources", "units", "industries",
    "provinces"};

static void add_entry(factors *f, arena *a, const term_def *e)
{
  for (size_t i = 0; i < f->n_terms; i++)
    if (f->terms[i].section == e->section &&
        strcmp(f->terms[i].key, e->key) == 0) {
      f->terms[i] = *e;
      return;
    }
  term_def *all = ARENA_ARRAY(a, term_def, f->n_terms + 1);
  if (f->n_terms)
    memcpy(all, f->terms, sizeof *all * f->n_terms);
  all[f->n_terms++] = *e;
  f->terms = all;
}

/* One section: a mapping of machine names to {zh:, en:, source:}. */
static void read_section(schema *s, const ynode *n, term_section sec,
                         factors *f)
{
  const char *path = section_names[sec];
  if (n->kind != YN_MAP) {
    diag_error(s->dl, n->pos, "%s: expected a mapping of names, found %s",
               path, ytree_kind_name(n));
    return;
  }
  static const char *const keys[] = {"zh", "en", "source", NULL};
  for (size_t i = 0; i < n->n; i++) {
    const ynode *k = n->kids[2 * i], *v = n->kids[2 * i + 1];
    term_def e;
    memset(&e, 0, sizeof e);
    e.section = sec;
    if (!sch_str(s, k, path, &e.key))
      continue;
    const char *epath = arena_printf(s->a, "%s[\"%s\"]", path, e.key);
    if (!sch_map(s, v, epath, keys, keys))
      continue;
    const ynode *zh = ytree_get(v, "zh"), *en = ytree_get(v, "en"),
                *src = ytree_get(v, "source");
    if (!zh || !en || !src ||
        !sch_str(s, zh, sch_path(s, epath, "zh"), &e.text.zh) ||
        !sch_str(s, en, sch_path(s, epath, "en"), &e.text.en) ||
        !sch_str(s, src, sch_path(s, epath, "source"), &e.source))
      continue;
    e.text.pos = v->pos;
    add_entry(f, s->a, &e); /* a key twice in one file is a YAML error */
  }
}

static void read_file(schema *s, const ynode *root, factors *f,
                      const char *file, term_section first, term_section last)
{
  const char *keys[TERM_SECTIONS + 1];
  size_t nk = 0;
  for (int i = (int)first; i <= (int)last; i++)
    keys[nk++] = section_names[i];
  keys[nk] = NULL;
  if (!sch_map(s, root, file, keys, NULL))
    return;
  for (int i = (int)first; i <= (int)last; i++) {
    const ynode *n = ytree_get(root, section_names[i]);
    if (n && !ytree_is_null(n))
      read_section(s, n, (term_section)i, f);
  }
}

void tables_terms(schema *s, const ynode *root, factors *f)
{
  read_file(s, root, f, "terms.yaml", TERM_NAME, TERM_UNIT);
}

void tables_names(schema *s, const ynode *root, factors *f)
{
  read_file(s, root, f, "names.yaml", TERM_INDUSTRY, TERM_PROVINCE);
}

const term_def *terms_lookup(const factors *f, term_section section,
                             const char *key)
{
  if (!f || !key)
    return NULL;
  for (size_t i = 0; i < f->n_terms; i++)
    if (f->terms[i].section == section && strcmp(f->terms[i].key, key) == 0)
      return &f->terms[i];
  return NULL;
}

/* }====================================================== */
/* {====================================================== neutral text */

/* Letter runs of three or more that are symbols, not words. */
static const char *const symbols[] = {
    "tce", "kgce", "gce", "tCO", "kgCO", "gCO", "kWh", "MWh", "GWh", "kcal",
    "MPa", "kPa", "min", NULL};

static bool is_cjk(unsigned cp)
{
  return (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFFEF);
}

static bool is_letter(char ch)
{
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

bool terms_neutral(const char *s)
{
  if (!s)
    return true;
  const unsigned char *p = (const unsigned char *)s;
  while (*p) {
    if (*p >= 0x80) {
      unsigned cp = 0;
      int n = *p >= 0xF0 ? 3 : *p >= 0xE0 ? 2 : *p >= 0xC0 ? 1 : 0;
      cp = *p & (0x3F >> n);
      p++;
      for (int i = 0; i < n && (*p & 0xC0) == 0x80; i++, p++)
        cp = (cp << 6) | (*p & 0x3F);
      if (is_cjk(cp))
        return false;
      continue;
    }
    if (!is_letter((char)*p)) {
      p++;
      continue;
    }
    const char *w = (const char *)p;
    size_t len = 0;
    bool upper = true;
    while (is_letter((char)p[len])) {
      upper &= p[len] >= 'A' && p[len] <= 'Z';
      len++;
    }
    p += len;
    if (len < 3 || upper)
      continue;
    bool sym = false;
    for (size_t i = 0; symbols[i] && !sym; i++)
      sym = strlen(symbols[i]) == len && memcmp(symbols[i], w, len) == 0;
    if (!sym)
      return false;
  }
  return true;
}

const char *terms_unit(arena *a, const factors *f, const char *unit, bool zh)
{
  if (!unit)
    return NULL;
  buf out;
  buf_init(&out);
  bool changed = false;
  const char *p = unit;
  while (*p) {
    size_t sep = strspn(p, "/ ()·");
    buf_add(&out, p, sep);
    p += sep;
    size_t len = strcspn(p, "/ ()·");
    if (!len)
      continue;
    char *tok = arena_strndup(a, p, len);
    const term_def *e = terms_lookup(f, TERM_UNIT, tok);
    const char *w = e ? (zh ? e->text.zh : e->text.en) : tok;
    changed |= w != tok;
    buf_puts(&out, w);
    p += len;
  }
  const char *r = changed ? arena_strndup(a, out.data ? out.data : "", out.len)
                          : unit;
  buf_fini(&out);
  return r;
}

/* }====================================================== */
/* {====================================================== traces */

static void set2(const term_def *e, const char **zh, const char **en)
{
  *zh = e->text.zh;
  *en = e->text.en;
}

/* The name of the list item a term's path points into, when the term is
   named by that item's key: "raw_coal" with energy.carriers[raw_coal].tce
   reads as the carrier's name. */
static bool item_name(arena *a, const value *root, const trace_term *tm,
                      const char **zh, const char **en)
{
  if (!tm->path || !tm->name)
    return false;
  const char *dot = strrchr(tm->path, '.');
  if (!dot || dot == tm->path || dot[-1] != ']')
    return false;
  const value *it =
      val_path(root, arena_strndup(a, tm->path, (size_t)(dot - tm->path)));
  if (!it || it->kind != VAL_OBJ)
    return false;
  static const char *const ids[] = {"carrier", "id", "key", "meter"};
  bool named = false;
  for (size_t i = 0; i < sizeof ids / sizeof *ids && !named; i++) {
    const value *k = val_get(it, ids[i]);
    named = k && k->kind == VAL_STR && strcmp(k->str, tm->name) == 0;
  }
  const value *z = val_get(it, "name_zh"), *e = val_get(it, "name_en");
  if (!named || !z || !e || z->kind != VAL_STR || e->kind != VAL_STR)
    return false;
  *zh = z->str;
  *en = e->str;
  return true;
}

/* The unit a results key names by its suffix (as expressions read it),
   or for a physical quantity its item's unit member. */
static const char *suffix_unit(const char *key, const value *parent)
{
  static const char *const physical[] = {
      "consumed", "purchased", "sold", "stock_change", "produced", "input",
      "end_use",  "loss",      "quantity"};
  for (size_t i = 0; key && parent && i < sizeof physical / sizeof *physical;
       i++)
    if (strcmp(key, physical[i]) == 0) {
      const value *u = val_get(parent, "unit");
      return u && u->kind == VAL_STR ? u->str : NULL;
    }
  static const char *const map[][2] = {
      {"_cny_per_tco2", "CNY/tCO2"},
      {"_tce", "tce"},   {"_kgce", "kgce"}, {"_tco2", "tCO2"}, {"_cny", "CNY"},
      {"_kwh", "kWh"},   {"_gj", "GJ"},     {"_mwh", "MWh"},   {"_years", "a"}};
  size_t n = key ? strlen(key) : 0;
  for (size_t i = 0; i < sizeof map / sizeof *map; i++) {
    size_t k = strlen(map[i][0]);
    if (n > k && strcmp(key + n - k, map[i][0]) == 0)
      return map[i][1];
    if (n == k - 1 && strcmp(key, map[i][0] + 1) == 0) /* "tce" itself */
      return map[i][1];
  }
  return NULL;
}

static void localize_trace(arena *a, const factors *f, const value *root,
                           const value *v, const char *key,
                           const value *parent)
{
  trace *t = v->tr;
  const term_def *e;
  const char *unit = v->unit ? v->unit : suffix_unit(key, parent);
  t->unit_zh = terms_unit(a, f, unit, true);
  t->unit_en = terms_unit(a, f, unit, false);
  if (t->formula && !t->formula_zh) {
    if ((e = terms_lookup(f, TERM_FORMULA, t->formula)))
      set2(e, &t->formula_zh, &t->formula_en);
    else if (terms_neutral(t->formula))
      t->formula_zh = t->formula_en = t->formula;
  }
  if (t->clause && !t->clause_zh) {
    if ((e = terms_lookup(f, TERM_BASIS, t->clause)))
      set2(e, &t->clause_zh, &t->clause_en);
    else if (terms_neutral(t->clause))
      t->clause_zh = t->clause_en = t->clause;
  }
  for (size_t i = 0; i < t->n; i++) {
    trace_term *tm = &t->terms[i];
    if (tm->name && !tm->label_zh &&
        !item_name(a, root, tm, &tm->label_zh, &tm->label_en)) {
      if ((e = terms_lookup(f, TERM_NAME, tm->name)))
        set2(e, &tm->label_zh, &tm->label_en);
      else if (terms_neutral(tm->name))
        tm->label_zh = tm->label_en = tm->name;
    }
    tm->unit_zh = terms_unit(a, f, tm->unit, true);
    tm->unit_en = terms_unit(a, f, tm->unit, false);
    if (tm->from && !tm->from_zh) {
      if ((e = terms_lookup(f, TERM_SOURCE, tm->from)))
        set2(e, &tm->from_zh, &tm->from);
      else if (terms_neutral(tm->from))
        tm->from_zh = tm->from;
    }
  }
}

static void walk(arena *a, const factors *f, const value *root, value *v,
                 const char *key, const value *parent)
{
  if (v->tr)
    localize_trace(a, f, root, v, key, parent);
  if (v->kind == VAL_ARR || v->kind == VAL_OBJ)
    for (size_t i = 0; i < v->n; i++)
      walk(a, f, root, v->items[i], v->kind == VAL_OBJ ? v->keys[i] : key,
           v);
}

void terms_localize(arena *a, const factors *f, value *results)
{
  if (results)
    walk(a, f, results, results, NULL, NULL);
}

typedef struct missing {
  arena *a;
  const char **items;
  size_t n, cap;
} missing;

static void note(missing *m, const char *what, const char *name)
{
  const char *s = arena_printf(m->a, "%s: %s", what, name);
  for (size_t i = 0; i < m->n; i++)
    if (strcmp(m->items[i], s) == 0)
      return;
  *(const char **)ARENA_PUSH(m->a, m->items, m->n, m->cap) = s;
}

static void find_missing(missing *m, const value *v)
{
  const trace *t = v->tr;
  if (t) {
    if (t->formula && !t->formula_zh)
      note(m, "formula", t->formula);
    if (t->clause && !t->clause_zh)
      note(m, "basis", t->clause);
    for (size_t i = 0; i < t->n; i++) {
      const trace_term *tm = &t->terms[i];
      if (tm->name && !tm->label_zh)
        note(m, "term", tm->name);
      if (tm->from && !tm->from_zh)
        note(m, "source", tm->from);
    }
  }
  if (v->kind == VAL_ARR || v->kind == VAL_OBJ)
    for (size_t i = 0; i < v->n; i++)
      find_missing(m, v->items[i]);
}

size_t terms_missing(arena *a, const value *results, const char ***out)
{
  missing m = {a, NULL, 0, 0};
  if (results)
    find_missing(&m, results);
  *(const char **)ARENA_PUSH(a, m.items, m.n, m.cap) = NULL;
  m.n--;
  *out = m.items;
  return m.n;
}

/* }====================================================== */
