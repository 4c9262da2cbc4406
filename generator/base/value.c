/* value.c — construction and lookup of the results tree (see value.h). */
#include "value.h"

#include <math.h>
#include <stdalign.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static value *make(arena *a, val_kind k)
{
  value *v = arena_alloc_align(a, sizeof(value), alignof(value));
  v->kind = (unsigned char)k;
  return v;
}

value *val_null(arena *a) { return make(a, VAL_NULL); }

value *val_bool(arena *a, bool b)
{
  value *v = make(a, VAL_BOOL);
  v->b = b;
  return v;
}

value *val_num(arena *a, double x)
{
  value *v = make(a, VAL_NUM);
  v->num = x;
  return v;
}

value *val_str(arena *a, const char *s)
{
  value *v = make(a, VAL_STR);
  v->str = arena_intern(a, s ? s : "");
  return v;
}

value *val_arr(arena *a) { return make(a, VAL_ARR); }
value *val_obj(arena *a) { return make(a, VAL_OBJ); }

/* The room of a container of n items: none when empty, else the power of
   two at or above n, at least 4. */
static size_t room(size_t n)
{
  if (!n)
    return 0;
  size_t cap = 4;
  while (cap < n)
    cap *= 2;
  return cap;
}

/* Makes room for one more item (and key for objects), doubling. The
   arrays outgrown go back to the arena for the next container that needs
   that room (arena_recycle), so a tree of millions of small objects does
   not leave a copy of each array behind. */
static void grow(arena *a, value *c)
{
  size_t cap = room(c->n);
  if (c->n < cap)
    return;
  if (c->n >= UINT32_MAX / 2) {
    fprintf(stderr, "auditgen: a results array of %lu items\n",
            (unsigned long)c->n);
    abort(); /* far beyond any input limit: a bug */
  }
  size_t nc = cap ? cap * 2 : 4;
  value **items = arena_alloc_recycled(a, nc * sizeof *items);
  if (c->n) {
    memcpy(items, c->items, sizeof *items * c->n);
    arena_recycle(a, c->items, cap * sizeof *items);
  }
  c->items = items;
  if (c->kind == VAL_OBJ) {
    const char **keys = arena_alloc_recycled(a, nc * sizeof *keys);
    if (c->n) {
      memcpy(keys, c->keys, sizeof *keys * c->n);
      arena_recycle(a, (void *)c->keys, cap * sizeof *keys);
    }
    c->keys = keys;
  }
}

void val_push(arena *a, value *arr, value *v)
{
  grow(a, arr);
  arr->items[arr->n++] = v;
}

value *val_set(arena *a, value *obj, const char *key, value *v)
{
  /* the first byte first: most keys differ there, and a call to strcmp
     per member was a tenth of a batch run */
  for (size_t i = 0; i < obj->n; i++)
    if (obj->keys[i][0] == key[0] && strcmp(obj->keys[i], key) == 0) {
      obj->items[i] = v;
      return v;
    }
  grow(a, obj);
  obj->keys[obj->n] = arena_intern(a, key);
  obj->items[obj->n++] = v;
  return v;
}

value *val_set_num(arena *a, value *obj, const char *key, double x)
{
  return val_set(a, obj, key, val_num(a, x));
}

value *val_set_numf(arena *a, value *obj, const char *key, double x)
{
  return val_set(a, obj, key, isfinite(x) ? val_num(a, x) : val_null(a));
}

value *val_set_str(arena *a, value *obj, const char *key, const char *s)
{
  return val_set(a, obj, key, s ? val_str(a, s) : val_null(a));
}

value *val_set_bool(arena *a, value *obj, const char *key, bool b)
{
  return val_set(a, obj, key, val_bool(a, b));
}

value *val_set_null(arena *a, value *obj, const char *key)
{
  return val_set(a, obj, key, val_null(a));
}

value *val_get(const value *obj, const char *key)
{
  if (!obj || obj->kind != VAL_OBJ)
    return NULL;
  for (size_t i = 0; i < obj->n; i++)
    if (obj->keys[i][0] == key[0] && strcmp(obj->keys[i], key) == 0)
      return obj->items[i];
  return NULL;
}

static bool item_named(const value *item, const char *name, size_t len)
{
  static const char *const id_keys[] = {"id", "carrier", "key", "meter"};
  for (size_t k = 0; k < sizeof id_keys / sizeof *id_keys; k++) {
    const value *v = val_get(item, id_keys[k]);
    if (v && v->kind == VAL_STR && strlen(v->str) == len &&
        memcmp(v->str, name, len) == 0)
      return true;
  }
  return false;
}

value *val_path(const value *root, const char *path)
{
  const value *cur = root;
  const char *p = path;
  while (cur && *p) {
    if (*p == '.') {
      p++;
      continue;
    }
    if (*p == '[') {
      const char *close = strchr(p, ']');
      if (!close || cur->kind != VAL_ARR)
        return NULL;
      const char *s = p + 1;
      size_t len = (size_t)(close - s);
      bool digits = len > 0;
      for (size_t i = 0; i < len; i++)
        if (s[i] < '0' || s[i] > '9')
          digits = false;
      const value *next = NULL;
      if (digits) {
        size_t idx = (size_t)strtoul(s, NULL, 10);
        next = idx < cur->n ? cur->items[idx] : NULL;
      } else if (memchr(s, '=', len)) {
        /* [key=value]: the first item whose key holds value ("value"
           and 'value' quoted or not) */
        const char *eq = memchr(s, '=', len);
        size_t kl = (size_t)(eq - s);
        const char *vs = eq + 1;
        size_t vl = len - kl - 1;
        while (kl && s[kl - 1] == ' ')
          kl--;
        while (vl && *vs == ' ') {
          vs++;
          vl--;
        }
        while (vl && vs[vl - 1] == ' ')
          vl--;
        if (vl >= 2 && (vs[0] == '"' || vs[0] == '\'') && vs[vl - 1] == vs[0]) {
          vs++;
          vl -= 2;
        }
        char key[128];
        if (kl == 0 || kl >= sizeof key)
          return NULL;
        memcpy(key, s, kl);
        key[kl] = '\0';
        for (size_t i = 0; i < cur->n && !next; i++) {
          const value *v = val_get(cur->items[i], key);
          if (v && v->kind == VAL_STR && strlen(v->str) == vl &&
              memcmp(v->str, vs, vl) == 0)
            next = cur->items[i];
        }
      } else {
        for (size_t i = 0; i < cur->n && !next; i++)
          if (item_named(cur->items[i], s, len))
            next = cur->items[i];
      }
      cur = next;
      p = close + 1;
      continue;
    }
    size_t len = strcspn(p, ".[");
    const value *next = NULL;
    if (cur->kind == VAL_OBJ)
      for (size_t i = 0; i < cur->n; i++)
        if (strlen(cur->keys[i]) == len && memcmp(cur->keys[i], p, len) == 0)
          next = cur->items[i];
    cur = next;
    p += len;
  }
  return (value *)cur;
}

trace *val_trace(arena *a, value *v, const char *formula, const char *clause)
{
  trace *t = ARENA_NEW(a, trace);
  t->formula = formula;
  t->clause = clause;
  v->tr = t;
  return t;
}

void trace_add(arena *a, trace *t, const char *name, double x,
               const char *unit, const char *from)
{
  trace_term *tm = ARENA_PUSH(a, t->terms, t->n, t->cap);
  tm->name = name ? arena_strdup(a, name) : NULL;
  tm->value = x;
  tm->unit = unit ? arena_strdup(a, unit) : NULL;
  tm->from = from ? arena_strdup(a, from) : NULL;
}

void trace_add2(arena *a, trace *t, const char *name, double x,
                const char *unit, const char *from_en, const char *from_zh)
{
  trace_add(a, t, name, x, unit, from_en);
  if (from_zh)
    t->terms[t->n - 1].from_zh = arena_strdup(a, from_zh);
}

void trace_add_ref(arena *a, trace *t, const char *name, double x,
                   const char *unit, const char *path)
{
  trace_add(a, t, name, x, unit, NULL);
  t->terms[t->n - 1].path = arena_strdup(a, path);
}

void trace_label(arena *a, trace *t, const char *zh, const char *en)
{
  if (!t->n)
    return;
  trace_term *tm = &t->terms[t->n - 1];
  tm->label_zh = zh ? arena_strdup(a, zh) : NULL;
  tm->label_en = en ? arena_strdup(a, en) : NULL;
}

/* {====================================================== key units */

/* Unit words of results keys, longest first where one ends another. */
static const char *const key_units[][2] = {
    {"10k_cny", "万元"}, {"cny", "CNY"},   {"tce", "tce"},   {"kgce", "kgce"},
    {"tco2", "tCO2"},    {"tc", "tC"},     {"kwh", "kWh"},   {"mwh", "MWh"},
    {"gj", "GJ"},        {"mj", "MJ"},     {"m2", "m2"},     {"m3", "m3"},
    {"years", "a"},      {"hours", "h"}};

/* The unit word that key[0..n) ends with (after '_' or as the whole). */
static const char *unit_ending(const char *key, size_t n)
{
  for (size_t i = 0; i < sizeof key_units / sizeof *key_units; i++) {
    size_t k = strlen(key_units[i][0]);
    if ((n == k || (n > k && key[n - k - 1] == '_')) &&
        strncmp(key + n - k, key_units[i][0], k) == 0)
      return key_units[i][1];
  }
  return NULL;
}

/* The unit word key begins with (followed by '_' or the end): *len set. */
static const char *unit_beginning(const char *key, size_t *len)
{
  for (size_t i = 0; i < sizeof key_units / sizeof *key_units; i++) {
    size_t k = strlen(key_units[i][0]);
    if (strncmp(key, key_units[i][0], k) == 0 &&
        (key[k] == '\0' || key[k] == '_')) {
      *len = k;
      return key_units[i][1];
    }
  }
  return NULL;
}

const char *val_key_unit(const char *key, const value *parent, char *buf,
                         size_t cap)
{
  if (!key)
    return NULL;
  static const char *const physical[] = {
      "consumed", "purchased", "sold",     "stock_change", "produced",
      "input",    "end_use",   "loss",     "quantity",     "opening",
      "closing"};
  const value *pu = parent ? val_get(parent, "unit") : NULL;
  const char *item_unit = pu && pu->kind == VAL_STR ? pu->str : NULL;
  for (size_t i = 0; i < sizeof physical / sizeof *physical; i++)
    if (strcmp(key, physical[i]) == 0)
      return item_unit;
  /* a rate: the last "_per_" (or a key that starts "per_" is not one) */
  const char *per = NULL;
  for (const char *p = strstr(key, "_per_"); p; p = strstr(p + 1, "_per_"))
    per = p;
  if (per) {
    const char *num = unit_ending(key, (size_t)(per - key));
    const char *den = NULL;
    size_t dl = 0;
    if (strncmp(per + 5, "unit", 4) == 0 &&
        (per[9] == '\0' || per[9] == '_'))
      den = item_unit ? item_unit : "unit";
    else
      den = unit_beginning(per + 5, &dl);
    if (num && den && (size_t)snprintf(buf, cap, "%s/%s", num, den) < cap)
      return buf;
    return NULL;
  }
  return unit_ending(key, strlen(key));
}
