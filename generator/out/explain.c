/* explain.c — results traces as text (see explain.h). */
#include "explain.h"

#include <math.h>
#include <string.h>

#include "../base/fmt.h"
#include "../load/schema.h"

/* Six significant digits, with thousands separators. */
static const char *num(double x, char *b, size_t cap)
{
  if (!isfinite(x))
    return "—";
  double ax = fabs(x);
  int dec = ax >= 1e5 ? 2 : ax >= 100 ? 3 : ax >= 1 ? 4 : ax >= 0.01 ? 6 : 9;
  if (x == 0)
    dec = 0;
  fmt_num(x, dec, true, b, cap);
  /* drop trailing zeros after the point */
  char *dot = strchr(b, '.');
  if (dot) {
    char *e = b + strlen(b);
    while (e > dot + 1 && e[-1] == '0')
      *--e = '\0';
    if (e == dot + 1)
      *dot = '\0';
  }
  return b;
}

/* The unit of the result at path (results.md), by its key and the item
   it belongs to; kb holds a compound unit. */
static const char *path_unit(const value *root, const char *path, char *kb,
                             size_t cap)
{
  const char *dot = strrchr(path, '.');
  if (!dot || strchr(dot, ']'))
    return NULL;
  char pp[512];
  size_t n = (size_t)(dot - path);
  if (n >= sizeof pp)
    return NULL;
  memcpy(pp, path, n);
  pp[n] = '\0';
  return val_key_unit(dot + 1, val_path(root, pp), kb, cap);
}

/* A term as the language names it, else its machine name. */
static const char *term_name(const trace_term *x, bool zh)
{
  const char *label = zh ? x->label_zh : x->label_en;
  return label ? label : x->name ? x->name : "";
}

/* Terminal columns of UTF-8 text: a CJK character takes two. */
static size_t width(const char *s)
{
  size_t w = 0;
  for (const unsigned char *p = (const unsigned char *)s; *p; p++)
    if ((*p & 0xC0) != 0x80)
      w += (*p >= 0xE3 && *p <= 0xE9) || *p == 0xEF ? 2 : 1; /* CJK, fullwidth */
  return w;
}

static void line_for(const value *root, const value *v, const char *path,
                     buf *out, int indent)
{
  char b[64], kb[64];
  buf_printf(out, "%*s%s = ", indent, "", path);
  const char *unit =
      v->unit ? v->unit : path_unit(root, path, kb, sizeof kb);
  if (v->kind == VAL_NUM)
    buf_printf(out, "%s%s%s\n", num(v->num, b, sizeof b), unit ? " " : "",
               unit ? unit : "");
  else if (v->kind == VAL_STR)
    buf_printf(out, "%s\n", v->str);
  else if (v->kind == VAL_BOOL)
    buf_printf(out, "%s\n", v->b ? "true" : "false");
  else if (v->kind == VAL_NULL)
    buf_puts(out, "null\n");
  else
    buf_printf(out, "(%zu items)\n", (size_t)v->n);
}

static void explain(const value *root, const value *v, const char *path,
                    bool zh, buf *out, int depth)
{
  line_for(root, v, path, out, depth * 4);
  const trace *t = v->tr;
  if (!t) {
    buf_printf(out, "%*s%s\n", depth * 4 + 2, "",
               zh ? "（输入值或规则值，未经计算）" : "(an input or a rule value: not computed)");
    return;
  }
  /* the wording of the language (rules/terms.yaml), else the machine text */
  const char *formula = zh ? t->formula_zh : t->formula_en;
  const char *clause = zh ? t->clause_zh : t->clause_en;
  buf_printf(out, "%*s= %s", depth * 4 + 2, "", formula ? formula : t->formula);
  if (t->clause)
    buf_printf(out, "    [%s]", clause ? clause : t->clause);
  buf_putc(out, '\n');
  size_t w = 0;
  for (size_t i = 0; i < t->n; i++)
    if (width(term_name(&t->terms[i], zh)) > w)
      w = width(term_name(&t->terms[i], zh));
  char b[64];
  for (size_t i = 0; i < t->n; i++) {
    const trace_term *x = &t->terms[i];
    const char *name = term_name(x, zh);
    const char *unit = zh ? x->unit_zh : x->unit_en;
    if (!unit)
      unit = x->unit;
    buf_printf(out, "%*s%s%*s  %s%s%s", depth * 4 + 6, "", name,
               (int)(w - width(name)), "", num(x->value, b, sizeof b),
               unit && *unit ? " " : "", unit ? unit : "");
    const char *from = zh && x->from_zh ? x->from_zh : x->from;
    if (from)
      buf_printf(out, "   (%s)", from);
    buf_putc(out, '\n');
  }
  if (depth >= 2)
    return;
  bool header = false;
  for (size_t i = 0; i < t->n; i++) {
    const trace_term *x = &t->terms[i];
    if (!x->path)
      continue;
    const value *sub = val_path(root, x->path);
    if (!sub || !sub->tr)
      continue;
    if (!header) {
      buf_printf(out, "%*s%s\n", depth * 4 + 2, "", zh ? "其中：" : "where:");
      header = true;
    }
    explain(root, sub, x->path, zh, out, depth + 1);
  }
}

bool explain_write(const value *results, const char *path, bool zh, buf *out)
{
  const value *v = val_path(results, path);
  if (!v)
    return false;
  explain(results, v, path, zh, out, 0);
  return true;
}

void explain_node(const value *results, const value *v, const char *label,
                  bool zh, buf *out)
{
  explain(results, v, label, zh, out, 0);
}

/* {====================================================== unknown paths */

/* The name by which an array item is picked ([electricity]), or NULL. */
static const char *item_name(const value *item)
{
  static const char *const id_keys[] = {"id", "carrier", "key", "meter"};
  for (size_t k = 0; k < sizeof id_keys / sizeof *id_keys; k++) {
    const value *v = val_get(item, id_keys[k]);
    if (v && v->kind == VAL_STR)
      return v->str;
  }
  return NULL;
}

const char *explain_unknown(arena *a, const value *results, const char *path)
{
  /* walk the longest prefix that exists */
  size_t ok = 0, at = 0, n = strlen(path);
  while (at < n) {
    size_t next = at;
    if (path[next] == '.')
      next++;
    if (path[next] == '[') {
      const char *close = strchr(path + next, ']');
      next = close ? (size_t)(close - path) + 1 : n;
    } else
      next += strcspn(path + next, ".[");
    if (!val_path(results, arena_strndup(a, path, next)))
      break;
    ok = next;
    at = next;
  }
  const value *parent = ok ? val_path(results, arena_strndup(a, path, ok))
                           : results;
  /* the failing step: a key, [name] or [member=value] */
  size_t s0 = ok < n && path[ok] == '.' ? ok + 1 : ok;
  bool bracket = s0 < n && path[s0] == '[';
  if (bracket)
    s0++;
  size_t sl = bracket ? strcspn(path + s0, "]") : strcspn(path + s0, ".[");
  const char *rest = path + s0 + sl + (bracket && s0 + sl < n ? 1 : 0);
  const char *word = arena_strndup(a, path + s0, sl);
  const char *member = NULL;
  char *eq = bracket ? strchr(word, '=') : NULL;
  if (eq) {
    member = arena_strndup(a, word, (size_t)(eq - word));
    word = eq + 1;
    while (*word == ' ' || *word == '"' || *word == '\'')
      word++;
    char *end = (char *)word + strlen(word);
    while (end > word && (end[-1] == ' ' || end[-1] == '"' || end[-1] == '\''))
      *--end = '\0';
  }
  /* the names at this step */
  const char *names[256];
  size_t nn = 0;
  for (size_t i = 0; parent && i < parent->n && nn < 256; i++) {
    const char *nm = NULL;
    if (parent->kind == VAL_OBJ && !bracket)
      nm = parent->keys[i];
    else if (parent->kind == VAL_ARR && bracket && member) {
      const value *m = val_get(parent->items[i], member);
      nm = m && m->kind == VAL_STR ? m->str : NULL;
    } else if (parent->kind == VAL_ARR && bracket)
      nm = item_name(parent->items[i]);
    if (nm)
      names[nn++] = nm;
  }
  const char *pick[4];
  size_t np = 0;
  for (size_t i = 0; i < nn && np < 4 && *word; i++)
    if (strstr(names[i], word))
      pick[np++] = names[i];
  if (!np && nn && *word) {
    const char *near = sch_suggest(word, names, nn);
    if (near)
      pick[np++] = near;
  }
  buf b;
  buf_init(&b);
  buf_printf(&b, "unknown path \"%s\"", path);
  for (size_t i = 0; i < np; i++)
    buf_printf(&b, "%s\"%.*s%s%s%s%s%s%s\"", i ? ", " : " (did you mean ",
               (int)ok, path, bracket ? "[" : ok ? "." : "",
               member ? member : "", member ? "=" : "", pick[i],
               bracket ? "]" : "", rest);
  if (np)
    buf_puts(&b, "?)");
  const char *msg = arena_strndup(a, b.data, b.len);
  buf_fini(&b);
  return msg;
}

/* }====================================================== */
