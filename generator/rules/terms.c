/* terms.c — the glossary (rules/terms.yaml), the names tables
 * (rules/names.yaml) and their application to the results' traces (see
 * terms.h).
 *
 * Input: rule files' ynode trees; later the results tree. Output: term_def
 * entries in the factors struct; the wording fields of every trace. An
 * entry is a machine name mapped to {zh:, en:, source:}; a later rules
 * directory replaces an entry of the same section and key. */
#include "terms.h"

#include <stdio.h>
#include <string.h>

#include "../base/buf.h"
#include "../base/strmap.h"

/* {====================================================== loading */

static const char *const section_names[TERM_SECTIONS] = {
    "terms", "formulas", "bases", "sources", "units", "industries",
    "provinces"};

/* Whether an array of n entries, grown only here, is full: its room is
   doubled at 1, 2, 4, 8… entries (room for 2n), so that adding the
   entries of a file costs linear time and memory, not quadratic. */
static bool grows(size_t n) { return (n & (n - 1)) == 0; }

/* The index key of an entry in out; false when it does not fit. */
static bool index_key(term_section sec, const char *key, char *out,
                      size_t cap)
{
  /* "%d:%s" without snprintf: this runs for every trace term of every
     facility (batch) */
  char num[16];
  size_t nn = 0;
  unsigned v = (unsigned)sec;
  do {
    num[nn++] = (char)('0' + v % 10);
    v /= 10;
  } while (v);
  size_t kl = strlen(key);
  if (nn + 1 + kl >= cap)
    return false;
  for (size_t i = 0; i < nn; i++)
    out[i] = num[nn - 1 - i];
  out[nn] = ':';
  memcpy(out + nn + 1, key, kl + 1);
  return true;
}

/* Entries are found through f->term_index (a glossary of a thousand
   entries was scanned once per entry added and once per trace term). */
static void add_entry(factors *f, arena *a, const term_def *e)
{
  if (!f->term_index)
    f->term_index = strmap_new(a);
  const char *k = arena_printf(a, "%d:%s", (int)e->section, e->key);
  long i = strmap_get(f->term_index, k);
  if (i >= 0) {
    f->terms[i] = *e;
    return;
  }
  strmap_put(f->term_index, k, (long)f->n_terms);
  if (grows(f->n_terms)) {
    term_def *all = ARENA_ARRAY(a, term_def, f->n_terms ? 2 * f->n_terms : 1);
    if (f->n_terms)
      memcpy(all, f->terms, sizeof *all * f->n_terms);
    f->terms = all;
  }
  f->terms[f->n_terms++] = *e;
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

/* {====================================================== industries */

static bool code_form(const char *k)
{
  if (!(k[0] >= 'A' && k[0] <= 'T'))
    return false;
  size_t d = 0;
  while (k[1 + d] >= '0' && k[1 + d] <= '9')
    d++;
  return k[1 + d] == '\0' && (d == 0 || d == 2 || d == 3 || d == 4);
}

static const industry_def *industry_key(const factors *f, const char *key)
{
  if (!f || !key || !f->industry_index)
    return NULL;
  long i = strmap_get(f->industry_index, key);
  return i >= 0 ? &f->industries[i] : NULL;
}

/* Entries are found through f->industry_index (key -> index), built as
   they are added: the table has some fifteen hundred codes, looked up
   for each one added and each one a rule or facility names. */
static void add_industry(factors *f, arena *a, const industry_def *e)
{
  if (!f->industry_index)
    f->industry_index = strmap_new(a);
  long i = strmap_put(f->industry_index, e->key, (long)f->n_industries);
  if (i >= 0) {
    f->industries[i] = *e; /* a later layer replaces */
    return;
  }
  if (grows(f->n_industries)) {
    industry_def *all = ARENA_ARRAY(a, industry_def,
                                     f->n_industries ? 2 * f->n_industries : 1);
    if (f->n_industries)
      memcpy(all, f->industries, sizeof *all * f->n_industries);
    f->industries = all;
  }
  f->industries[f->n_industries++] = *e;
}

/* sections, divisions, classes: code -> {zh, en[, source]} */
static void read_codes(schema *s, const ynode *n, const char *path,
                       factors *f)
{
  static const char *const keys[] = {"zh", "en", "source", NULL};
  static const char *const req[] = {"zh", "en", NULL};
  if (n->kind != YN_MAP) {
    diag_error(s->dl, n->pos, "%s: expected a mapping of codes, found %s",
               path, ytree_kind_name(n));
    return;
  }
  for (size_t i = 0; i < n->n; i++) {
    const ynode *k = n->kids[2 * i], *v = n->kids[2 * i + 1];
    industry_def e;
    memset(&e, 0, sizeof e);
    if (!sch_str(s, k, path, &e.key))
      continue;
    const char *epath = arena_printf(s->a, "%s.%s", path, e.key);
    if (!code_form(e.key)) {
      diag_error(s->dl, k->pos, "%s: \"%s\" is not a GB/T 4754 code (a "
                                "section letter A–T and 0, 2, 3 or 4 digits)",
                 path, e.key);
      continue;
    }
    if (!sch_map(s, v, epath, keys, req))
      continue;
    const ynode *zh = ytree_get(v, "zh"), *en = ytree_get(v, "en");
    if (!sch_str(s, zh, sch_path(s, epath, "zh"), &e.name.zh) ||
        !sch_str(s, en, sch_path(s, epath, "en"), &e.name.en))
      continue;
    e.name.pos = v->pos;
    e.code = e.key;
    add_industry(f, s->a, &e);
  }
}

void tables_industries(schema *s, const ynode *root, factors *f)
{
  static const char *const keys[] = {"sections", "divisions", "classes",
                                     "keys", "own", NULL};
  if (!sch_map(s, root, "industries.yaml", keys, NULL))
    return;
  static const char *const code_parts[] = {"sections", "divisions",
                                           "classes"};
  for (size_t i = 0; i < 3; i++) {
    const ynode *n = ytree_get(root, code_parts[i]);
    if (n && !ytree_is_null(n))
      read_codes(s, n, code_parts[i], f);
  }
  const ynode *n = ytree_get(root, "keys");
  for (size_t i = 0; n && n->kind == YN_MAP && i < n->n; i++) {
    const ynode *k = n->kids[2 * i], *v = n->kids[2 * i + 1];
    industry_def e;
    memset(&e, 0, sizeof e);
    if (!sch_id(s, k, "keys", &e.key) ||
        !sch_str(s, v, arena_printf(s->a, "keys.%s", e.key), &e.code))
      continue;
    const industry_def *c = industry_key(f, e.code);
    bool known = c && c->code;
    if (!known) {
      diag_error(s->dl, v->pos, "keys.%s: \"%s\" is not a code of the "
                                "table",
                 e.key, e.code);
      continue;
    }
    add_industry(f, s->a, &e);
  }
  n = ytree_get(root, "own");
  static const char *const okeys[] = {"zh", "en", NULL};
  for (size_t i = 0; n && n->kind == YN_MAP && i < n->n; i++) {
    const ynode *k = n->kids[2 * i], *v = n->kids[2 * i + 1];
    industry_def e;
    memset(&e, 0, sizeof e);
    if (!sch_id(s, k, "own", &e.key))
      continue;
    const char *epath = arena_printf(s->a, "own.%s", e.key);
    if (!sch_map(s, v, epath, okeys, okeys) ||
        !sch_str(s, ytree_get(v, "zh"), sch_path(s, epath, "zh"),
                 &e.name.zh) ||
        !sch_str(s, ytree_get(v, "en"), sch_path(s, epath, "en"), &e.name.en))
      continue;
    add_industry(f, s->a, &e);
  }
}

bool industries_resolve(const factors *f, const char *written,
                        const char **code, text2 *name)
{
  const industry_def *e = industry_key(f, written);
  if (!e && written && written[0] >= '0' && written[0] <= '9') {
    /* digits alone: the one code of the table that ends in them */
    size_t wl = strlen(written);
    for (size_t i = 0; i < f->n_industries; i++) {
      const industry_def *c = &f->industries[i];
      if (c->code && strcmp(c->key, c->code) == 0 &&
          strlen(c->key) == wl + 1 && strcmp(c->key + 1, written) == 0) {
        e = c;
        break;
      }
    }
  }
  if (!e)
    return false;
  *code = e->code;
  if (e->code && !e->name.zh) {
    const industry_def *c = industry_key(f, e->code);
    *name = c ? c->name : e->name;
  } else
    *name = e->name;
  return true;
}

bool industries_within(const char *facility_code, const char *rule_code)
{
  if (!facility_code || !rule_code)
    return false;
  size_t n = strlen(rule_code);
  return strncmp(facility_code, rule_code, n) == 0;
}

const char **industries_all(const factors *f, arena *a)
{
  const char **out = ARENA_ARRAY(a, const char *, f->n_industries + 1);
  for (size_t i = 0; i < f->n_industries; i++)
    out[i] = f->industries[i].key;
  out[f->n_industries] = NULL;
  return out;
}

/* }====================================================== */

const term_def *terms_lookup(const factors *f, term_section section,
                             const char *key)
{
  if (!f || !key)
    return NULL;
  char k[256];
  if (f->term_index && index_key(section, key, k, sizeof k)) {
    long i = strmap_get(f->term_index, k);
    return i >= 0 ? &f->terms[i] : NULL;
  }
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

static void localize_trace(arena *a, const factors *f, const value *root,
                           const value *v, const char *key,
                           const value *parent)
{
  trace *t = v->tr;
  const term_def *e;
  char kb[64];
  const char *unit =
      v->unit ? v->unit : val_key_unit(key, parent, kb, sizeof kb);
  if (unit == kb)
    unit = arena_strdup(a, kb);
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
