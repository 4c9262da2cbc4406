/* checks.c — loads check files and turns the results into findings.
 *
 * Input: rules/checks/ files of each rules directory, the results tree.
 * Output: results.findings[]. Invariants: every loaded check has a parsed
 * `when:` and compiled texts whose paths exist in the results schema, so
 * running checks cannot meet a parse error. */
#include "checks.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../load/ytree.h"

static const char *const sev_names[] = {"info", "advice", "warning",
                                        "nonconformity", NULL};

const char *checks_severity_name(check_severity s) { return sev_names[s]; }

/* A text compiled into literal pieces and placeholders. */
typedef struct piece {
  const char *lit; /* literal, or NULL for a placeholder */
  expr *e;
  const char *fmt;
} piece;

typedef struct compiled {
  piece *p;
  size_t n;
} compiled;

typedef struct check_rule {
  const char *id;
  check_severity sev;
  expr *for_;
  expr *when;
  compiled zh, en;
  const char *text_en;
  const char *source;
  const char *file;
  src_pos pos;
} check_rule;

struct checkset {
  check_rule *rules;
  size_t n;
};

/* {====================================================== schema check */

/* Valid when the shape is a known path or a prefix of one (an object or
   list on the way to a leaf). */
static const char *check_shape(const char *shape, void *ctx)
{
  arena *a = ctx;
  size_t n = strlen(shape);
  for (size_t i = 0; checks_result_shapes[i]; i++) {
    const char *s = checks_result_shapes[i];
    if (strncmp(s, shape, n) == 0 && (s[n] == '\0' || s[n] == '.' || s[n] == '['))
      return NULL;
  }
  /* A did-you-mean over the last step of known shapes. */
  const char *dot = strrchr(shape, '.');
  size_t plen = dot ? (size_t)(dot - shape) : 0;
  const char *cands[512] = {NULL};
  size_t nc = 0;
  for (size_t i = 0; checks_result_shapes[i] && nc < 511; i++) {
    const char *s = checks_result_shapes[i];
    if ((plen == 0 && !strchr(s, '.')) ||
        (plen && strncmp(s, shape, plen) == 0 && s[plen] == '.' &&
         !strchr(s + plen + 1, '.') && !strchr(s + plen + 1, '[')))
      cands[nc++] = plen ? s + plen + 1 : s;
  }
  const char *hint = sch_suggest(dot ? dot + 1 : shape, cands, nc);
  if (!hint)
    return "no such path in the results (rules/README.md lists them)";
  return arena_printf(a, "no such path in the results (did you mean "
                         "\"%.*s%s%s\"?)",
                      (int)plen, shape, plen ? "." : "", hint);
}

/* }====================================================== */

/* Position of character offset `off` (bytes) inside scalar node n: exact
   for one-line plain and quoted scalars, the node's start otherwise. */
static src_pos pos_in(const ynode *n, const char *text, int col1, int len)
{
  src_pos p = n->pos;
  (void)text;
  if (n->pos.len > 0) {
    int quote = n->plain ? 0 : 1;
    p.col = n->pos.col + quote + col1 - 1;
    p.len = len;
  }
  return p;
}

static bool compile_text(schema *s, const units *u, const ynode *n,
                         const char *path, const char *item_shape,
                         compiled *out)
{
  const char *t = n->str;
  piece pieces[64];
  size_t np = 0;
  const char *lit = t;
  bool ok = true;
  for (const char *p = t; *p;) {
    if (p[0] == '{' && p[1] == '{') {
      p += 2;
      continue;
    }
    if (*p != '{') {
      p++;
      continue;
    }
    const char *close = strchr(p, '}');
    int col = 1;
    for (const char *q = t; q < p; q++)
      col += ((unsigned char)*q & 0xC0) != 0x80;
    if (!close) {
      diag_error(s->dl, pos_in(n, t, col, 1), "%s: unclosed placeholder {",
                 path);
      return false;
    }
    if (np + 2 >= 64) {
      diag_error(s->dl, n->pos, "%s: too many placeholders", path);
      return false;
    }
    if (p > lit)
      pieces[np++] = (piece){arena_strndup(s->a, lit, (size_t)(p - lit)),
                             NULL, NULL};
    const char *bar = memchr(p, '|', (size_t)(close - p));
    const char *end = bar ? bar : close;
    const char *src = arena_strndup(s->a, p + 1, (size_t)(end - p - 1));
    const char *fmt = NULL;
    if (bar) {
      fmt = arena_strndup(s->a, bar + 1, (size_t)(close - bar - 1));
      while (*fmt == ' ')
        fmt++;
      size_t fl = strlen(fmt);
      while (fl && fmt[fl - 1] == ' ')
        ((char *)fmt)[--fl] = '\0';
      bool good = strcmp(fmt, "%") == 0 || strcmp(fmt, "0") == 0 ||
                  strcmp(fmt, "#") == 0 ||
                  ((fmt[0] == '%' || fmt[0] == '0') && fl <= 8);
      for (size_t k = fmt[0] == '%' ? 1 : 0; good && fmt[0] != '#' && k < fl;
           k++)
        good = fmt[k] == '0' || (fmt[k] == '.' && k > 0);
      if (!good) {
        diag_error(s->dl, pos_in(n, t, col, (int)(close - p + 1)),
                   "%s: bad format \"%s\" (use 0, 0.0, 0.00, #, %%, %%0.0)", path,
                   fmt);
        ok = false;
      }
    }
    expr_error err;
    expr *e = expr_parse(s->a, u, src, item_shape, check_shape, s->a, &err);
    if (!e) {
      diag_error(s->dl, pos_in(n, t, col + err.col, err.len), "%s: %s", path,
                 err.msg);
      ok = false;
    }
    pieces[np++] = (piece){NULL, e, fmt};
    p = close + 1;
    lit = p;
  }
  if (*lit)
    pieces[np++] = (piece){arena_strdup(s->a, lit), NULL, NULL};
  out->p = ARENA_ARRAY(s->a, piece, np + 1);
  memcpy(out->p, pieces, sizeof *pieces * np);
  out->n = np;
  return ok;
}

static bool read_check(schema *s, const units *u, const ynode *n,
                       const char *path, const char *file, check_rule *r)
{
  static const char *const keys[] = {"id",   "for",    "when", "severity",
                                     "text", "source", NULL};
  static const char *const req[] = {"id", "when", "severity", "text", "source",
                                    NULL};
  memset(r, 0, sizeof *r);
  r->file = file;
  r->pos = n->pos;
  size_t before = diag_errors(s->dl);
  if (!sch_map(s, n, path, keys, req))
    return false;
  const ynode *x;
  if ((x = ytree_get(n, "id")))
    sch_id(s, x, sch_path(s, path, "id"), &r->id);
  int sev = 0;
  if ((x = ytree_get(n, "severity")) &&
      sch_enum(s, x, sch_path(s, path, "severity"), sev_names, &sev))
    r->sev = (check_severity)sev;
  if ((x = ytree_get(n, "source")))
    sch_str(s, x, sch_path(s, path, "source"), &r->source);
  const char *item_shape = NULL;
  expr_error err;
  if ((x = ytree_get(n, "for")) &&
      sch_str(s, x, sch_path(s, path, "for"), &(const char *){NULL})) {
    r->for_ = expr_parse(s->a, u, x->str, NULL, check_shape, s->a, &err);
    if (!r->for_) {
      diag_error(s->dl, pos_in(x, x->str, err.col, err.len), "%s.for: %s",
                 path, err.msg);
    } else if (!expr_shape(r->for_)) {
      diag_error(s->dl, x->pos, "%s.for: expected a path to a list", path);
      r->for_ = NULL;
    } else {
      const char *sh = expr_shape(r->for_);
      size_t l = strlen(sh);
      item_shape = l > 2 && strcmp(sh + l - 2, "[]") == 0
                       ? sh
                       : arena_printf(s->a, "%s[]", sh);
    }
  }
  if ((x = ytree_get(n, "when")) &&
      sch_str(s, x, sch_path(s, path, "when"), &(const char *){NULL})) {
    r->when = expr_parse(s->a, u, x->str, item_shape, check_shape, s->a, &err);
    if (!r->when)
      diag_error(s->dl, pos_in(x, x->str, err.col, err.len), "%s.when: %s",
                 path, err.msg);
  }
  if ((x = ytree_get(n, "text"))) {
    text2 t;
    if (sch_text2(s, x, sch_path(s, path, "text"), &t)) {
      const ynode *zh = ytree_get(x, "zh"), *en = ytree_get(x, "en");
      if (zh && en) {
        compile_text(s, u, zh, sch_path(s, path, "text.zh"), item_shape, &r->zh);
        compile_text(s, u, en, sch_path(s, path, "text.en"), item_shape, &r->en);
        r->text_en = t.en;
      }
    }
  }
  return diag_errors(s->dl) == before && r->id && r->when;
}

static void load_file(schema *s, const units *u, const char *path,
                      checkset *cs)
{
  ytree_limits lim = ytree_default_limits();
  bool io;
  ynode *root = ytree_load_file(s->a, s->dl, path, path, &lim, &io);
  if (!root)
    return;
  static const char *const top[] = {"checks", NULL};
  if (!sch_map(s, root, "checks file", top, top))
    return;
  const ynode *list = ytree_get(root, "checks");
  if (!list || !sch_list(s, list, "checks"))
    return;
  check_rule *all = ARENA_ARRAY(s->a, check_rule, cs->n + list->n + 1);
  if (cs->n)
    memcpy(all, cs->rules, sizeof *all * cs->n);
  for (size_t i = 0; i < list->n; i++) {
    check_rule r;
    if (!read_check(s, u, list->kids[i], sch_index(s, "checks", i), path, &r))
      continue;
    size_t j = 0;
    while (j < cs->n && strcmp(all[j].id, r.id) != 0)
      j++;
    if (j < cs->n && strcmp(all[j].file, path) == 0) {
      diag_error(s->dl, r.pos, "duplicate check id \"%s\" (first at line %d)",
                 r.id, all[j].pos.line);
      continue;
    }
    all[j] = r; /* same id from a later directory replaces */
    if (j == cs->n)
      cs->n++;
  }
  cs->rules = all;
}

checkset *checks_load(arena *a, diag_list *dl, const units *u,
                      const char *const *dirs, size_t ndirs)
{
  schema s = {a, dl, u};
  checkset *cs = ARENA_NEW(a, checkset);
  size_t before = diag_errors(dl);
  for (size_t d = 0; d < ndirs; d++) {
    const char *dir = arena_printf(a, "%s/checks", dirs[d]);
    struct dirent **names;
    int n = scandir(dir, &names, NULL, alphasort);
    for (int i = 0; i < n; i++) {
      const char *nm = names[i]->d_name;
      size_t len = strlen(nm);
      if (len > 5 && strcmp(nm + len - 5, ".yaml") == 0)
        load_file(&s, u, arena_printf(a, "%s/%s", dir, nm), cs);
      free(names[i]);
    }
    if (n >= 0)
      free(names);
  }
  return diag_errors(dl) > before ? NULL : cs;
}

/* {====================================================== running */

static const char *render(arena *a, const compiled *c, const value *root,
                          const value *item)
{
  size_t cap = 256, len = 0;
  char *out = arena_alloc(a, cap);
  for (size_t i = 0; i < c->n; i++) {
    const char *s;
    if (c->p[i].lit) {
      s = c->p[i].lit;
    } else {
      ev v = expr_eval(a, c->p[i].e, root, item);
      s = ev_format(a, &v, c->p[i].fmt);
    }
    size_t sl = strlen(s);
    if (len + sl + 1 > cap) {
      while (len + sl + 1 > cap)
        cap *= 2;
      char *bigger = arena_alloc(a, cap);
      memcpy(bigger, out, len);
      out = bigger;
    }
    memcpy(out + len, s, sl);
    len += sl;
  }
  out[len] = '\0';
  /* "{{" stands for a literal brace */
  for (char *p = out; (p = strstr(p, "{{")) != NULL; p++)
    memmove(p, p + 1, strlen(p + 1) + 1);
  return out;
}

static void emit(arena *a, value *arr, const check_rule *r, const value *root,
                 const value *item)
{
  value *f = val_obj(a);
  val_set_str(a, f, "rule", r->id);
  val_set_str(a, f, "severity", sev_names[r->sev]);
  value *t = val_set(a, f, "text", val_obj(a));
  val_set_str(a, t, "zh", render(a, &r->zh, root, item));
  val_set_str(a, t, "en", render(a, &r->en, root, item));
  val_set_str(a, f, "source", r->source);
  const value *id = item ? val_get(item, "id") : NULL;
  if (!id && item)
    id = val_get(item, "carrier");
  if (!id && item)
    id = val_get(item, "meter");
  if (id && id->kind == VAL_STR)
    val_set_str(a, f, "item", id->str);
  val_push(a, arr, f);
}

size_t checks_run(arena *a, const checkset *cs, value *results)
{
  value *tmp = val_arr(a);
  for (size_t i = 0; cs && i < cs->n; i++) {
    const check_rule *r = &cs->rules[i];
    if (r->for_) {
      ev items = expr_eval(a, r->for_, results, NULL);
      size_t n = items.kind == EV_LIST                                 ? items.n
                 : items.kind == EV_NODE && items.node->kind == VAL_ARR ? items.node->n
                                                                        : 0;
      for (size_t k = 0; k < n; k++) {
        const value *it = items.kind == EV_LIST ? items.items[k].node
                                                : items.node->items[k];
        if (!it)
          continue;
        ev w = expr_eval(a, r->when, results, it);
        if (ev_truthy(&w))
          emit(a, tmp, r, results, it);
      }
    } else {
      ev w = expr_eval(a, r->when, results, NULL);
      if (ev_truthy(&w))
        emit(a, tmp, r, results, NULL);
    }
  }
  /* Most severe first; stable within a severity. */
  value *out = val_set(a, results, "findings", val_arr(a));
  for (int sev = SEV_NONCONFORMITY; sev >= SEV_INFO; sev--)
    for (size_t i = 0; i < tmp->n; i++)
      if (strcmp(val_get(tmp->items[i], "severity")->str, sev_names[sev]) == 0)
        val_push(a, out, tmp->items[i]);
  return out->n;
}

size_t checks_count(const checkset *cs) { return cs ? cs->n : 0; }

void checks_describe(const checkset *cs, size_t i, const char **id,
                     const char **severity, const char **source,
                     const char **file, const char **text_en)
{
  const check_rule *r = &cs->rules[i];
  *id = r->id;
  *severity = sev_names[r->sev];
  *source = r->source;
  *file = r->file;
  *text_en = r->text_en;
}
/* }====================================================== */
