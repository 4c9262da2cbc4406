/* checks.c — loads check files and turns the results into findings.
 *
 * Input: rules/checks/ files of each rules directory, the results tree.
 * Output: results.findings[]. Invariants: every loaded check has a parsed
 * `when:` and compiled texts whose paths exist in the results schema, so
 * running checks cannot meet a parse error. */
#include "checks.h"

#include <dirent.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../base/strmap.h"
#include "../load/ytree.h"

static const char *const sev_names[] = {"info", "advice", "warning",
                                        "nonconformity", NULL};

const char *checks_severity_name(check_severity s) { return sev_names[s]; }

typedef struct check_rule {
  const char *id;
  check_severity sev;
  expr *for_;
  expr *when;
  expr_text *zh, *en;
  const char *text_en;
  const char *source;
  expr_text *basis_zh, *basis_en; /* NULL: the source serves both */
  const char *file;
  const char *layer; /* the --rules folder it came from; NULL: shipped */
  src_pos pos;
  src_pos for_pos, when_pos, zh_pos, en_pos; /* for errors while running */
} check_rule;

struct checkset {
  check_rule *rules;
  size_t n, cap;
  strmap *ids; /* id -> index in rules */
};

/* {====================================================== schema check */

/* The shapes sorted, built once per process (a thousand checks and
   template paths each searched the whole table: 17 million instructions
   of strncmp a run). Read-only once built. */
static const char **sorted_shapes;
static size_t n_sorted;
static pthread_once_t sorted_once = PTHREAD_ONCE_INIT;

static int cmp_shape(const void *x, const void *y)
{
  return strcmp(*(const char *const *)x, *(const char *const *)y);
}

static void sort_shapes(void)
{
  size_t n = 0;
  while (checks_result_shapes[n])
    n++;
  sorted_shapes = mem_alloc(sizeof *sorted_shapes * (n ? n : 1));
  memcpy(sorted_shapes, checks_result_shapes, sizeof *sorted_shapes * n);
  qsort(sorted_shapes, n, sizeof *sorted_shapes, cmp_shape);
  n_sorted = n;
}

/* Valid when the shape is a known path or a prefix of one (an object or
   list on the way to a leaf). The shapes that start with it follow one
   another in sorted order, from the first not below it. */
static bool known_shape(const char *shape)
{
  pthread_once(&sorted_once, sort_shapes);
  size_t n = strlen(shape), lo = 0, hi = n_sorted;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (strcmp(sorted_shapes[mid], shape) < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  for (size_t i = lo; i < n_sorted; i++) {
    const char *s = sorted_shapes[i];
    if (strncmp(s, shape, n) != 0)
      break;
    if (s[n] == '\0' || s[n] == '.' || s[n] == '[')
      return true;
  }
  return false;
}

/* A name step through a list maps over its items (expr.h), so
   "measures.npv_cny" is "measures[].npv_cny": try "[]" before each dot
   where the list is. */
static bool known_mapped(const char *shape, int depth)
{
  if (known_shape(shape))
    return true;
  if (depth > 4)
    return false;
  for (const char *d = strchr(shape, '.'); d; d = strchr(d + 1, '.')) {
    size_t k = (size_t)(d - shape);
    if (k >= 2 && shape[k - 1] == ']')
      continue;
    char buf[512];
    if (strlen(shape) + 3 > sizeof buf)
      return false;
    memcpy(buf, shape, k);
    memcpy(buf + k, "[]", 2);
    strcpy(buf + k + 2, d);
    buf[k + 2] = '\0';
    if (!known_shape(buf))
      continue;
    strcpy(buf + k + 2, d);
    if (known_mapped(buf, depth + 1))
      return true;
  }
  return false;
}

const char *checks_path_check(const char *shape, void *ctx)
{
  arena *a = ctx;
  if (known_mapped(shape, 0))
    return NULL;
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

static expr_text *compile_text(schema *s, const units *u, const ynode *n,
                               const char *path, const char *item_shape)
{
  expr_error err;
  expr_text *t = expr_text_compile(s->a, u, n->str, false, item_shape,
                                   checks_path_check, s->a, &err);
  if (!t)
    diag_error(s->dl, pos_in(n, n->str, err.col, err.len), "%s: %s", path,
               err.msg);
  return t;
}

static bool read_check(schema *s, const units *u, const ynode *n,
                       const char *path, const char *file, check_rule *r)
{
  static const char *const keys[] = {"id",   "for",    "when",  "severity",
                                     "text", "source", "basis", NULL};
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
    r->for_pos = x->pos;
    r->for_ = expr_parse(s->a, u, x->str, NULL, checks_path_check, s->a, &err);
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
    r->when_pos = x->pos;
    r->when = expr_parse(s->a, u, x->str, item_shape, checks_path_check, s->a, &err);
    if (!r->when)
      diag_error(s->dl, pos_in(x, x->str, err.col, err.len), "%s.when: %s",
                 path, err.msg);
  }
  if ((x = ytree_get(n, "text"))) {
    text2 t;
    if (sch_text2(s, x, sch_path(s, path, "text"), &t)) {
      const ynode *zh = ytree_get(x, "zh"), *en = ytree_get(x, "en");
      if (zh && en) {
        r->zh_pos = zh->pos;
        r->en_pos = en->pos;
        r->zh = compile_text(s, u, zh, sch_path(s, path, "text.zh"), item_shape);
        r->en = compile_text(s, u, en, sch_path(s, path, "text.en"), item_shape);
        r->text_en = t.en;
      }
    }
  }
  if ((x = ytree_get(n, "basis"))) {
    text2 t;
    if (sch_text2(s, x, sch_path(s, path, "basis"), &t)) {
      const ynode *zh = ytree_get(x, "zh"), *en = ytree_get(x, "en");
      if (zh && en) {
        r->basis_zh =
            compile_text(s, u, zh, sch_path(s, path, "basis.zh"), item_shape);
        r->basis_en =
            compile_text(s, u, en, sch_path(s, path, "basis.en"), item_shape);
      }
    }
  }
  return diag_errors(s->dl) == before && r->id && r->when;
}

static void load_file(schema *s, const units *u, const char *path,
                      const char *layer, checkset *cs, bool *io_error)
{
  ytree_limits lim = ytree_default_limits();
  bool io;
  ynode *root = ytree_load_file_cached(s->a, s->a, s->dl, path, path, &lim, &io);
  *io_error |= io;
  if (!root)
    return;
  static const char *const top[] = {"checks", NULL};
  if (!sch_map(s, root, "checks file", top, top))
    return;
  const ynode *list = ytree_get(root, "checks");
  if (!list || !sch_list(s, list, "checks"))
    return;
  for (size_t i = 0; i < list->n; i++) {
    check_rule r;
    if (!read_check(s, u, list->kids[i], sch_index(s, "checks", i), path, &r))
      continue;
    r.layer = layer;
    /* by id, not by a scan: a file of many checks loads in linear time */
    long j = strmap_get(cs->ids, r.id);
    if (j >= 0 && strcmp(cs->rules[j].file, path) == 0) {
      diag_error(s->dl, r.pos, "duplicate check id \"%s\" (first at line %d)",
                 r.id, cs->rules[j].pos.line);
      continue;
    }
    if (j >= 0) {
      cs->rules[j] = r; /* same id from a later directory replaces */
    } else {
      strmap_put(cs->ids, r.id, (long)cs->n);
      *ARENA_PUSH(s->a, cs->rules, cs->n, cs->cap) = r;
    }
  }
}

checkset *checks_load(arena *a, diag_list *dl, const units *u,
                      const char *const *dirs, size_t ndirs, bool *io_error)
{
  schema s = {a, dl, u, NULL};
  checkset *cs = ARENA_NEW(a, checkset);
  cs->ids = strmap_new(a);
  size_t before = diag_errors(dl);
  *io_error = false;
  for (size_t d = 0; d < ndirs; d++) {
    const char *dir = arena_printf(a, "%s/checks", dirs[d]);
    struct dirent **names;
    int n = scandir(dir, &names, NULL, alphasort);
    for (int i = 0; i < n; i++) {
      const char *nm = names[i]->d_name;
      size_t len = strlen(nm);
      if (len > 5 && strcmp(nm + len - 5, ".yaml") == 0)
        load_file(&s, u, arena_printf(a, "%s/%s", dir, nm),
                  d == 0 ? NULL : dirs[d], cs, io_error);
      free(names[i]);
    }
    if (n >= 0)
      free(names);
  }
  return diag_errors(dl) > before ? NULL : cs;
}

/* {====================================================== running */

/* The error of a check whose evaluation ran out of the budget, at the
   part (for:, when: or a text) that was being evaluated. */
static void out_of_budget(diag_list *dl, const check_rule *r, src_pos pos,
                          const char *part)
{
  diag_error(dl, pos,
             "check \"%s\", %s: evaluating it over these results takes "
             "more than %d steps or %d list items (filters nested over long "
             "lists?)",
             r->id, part, EXPR_MAX_STEPS, EXPR_MAX_ITEMS);
}

/* Adds the finding of r (for item, or NULL) to arr; false after an error
   when its texts exhaust the budget. */
static bool emit(arena *a, value *arr, const check_rule *r, const value *root,
                 const value *item, expr_budget *b, diag_list *dl)
{
  value *f = val_obj(a);
  val_set_str(a, f, "rule", r->id);
  val_set_str(a, f, "severity", sev_names[r->sev]);
  value *t = val_set(a, f, "text", val_obj(a));
  val_set_str(a, t, "zh", expr_text_render(a, r->zh, root, item, b));
  if (b->exhausted) {
    out_of_budget(dl, r, r->zh_pos, "text.zh");
    return false;
  }
  val_set_str(a, t, "en", expr_text_render(a, r->en, root, item, b));
  if (b->exhausted) {
    out_of_budget(dl, r, r->en_pos, "text.en");
    return false;
  }
  val_set_str(a, f, "source", r->source);
  val_set(a, f, "layer", r->layer ? val_str(a, r->layer) : val_null(a));
  /* what a report prints as the basis, in each language */
  value *basis = val_set(a, f, "basis", val_obj(a));
  val_set_str(a, basis, "zh",
              r->basis_zh ? expr_text_render(a, r->basis_zh, root, item, b)
                          : r->source);
  val_set_str(a, basis, "en",
              r->basis_en ? expr_text_render(a, r->basis_en, root, item, b)
                          : r->source);
  if (b->exhausted) {
    out_of_budget(dl, r, r->zh_pos, "basis");
    return false;
  }
  const value *id = item ? val_get(item, "id") : NULL;
  if (!id && item)
    id = val_get(item, "carrier");
  if (!id && item)
    id = val_get(item, "meter");
  if (id && id->kind == VAL_STR)
    val_set_str(a, f, "item", id->str);
  val_push(a, arr, f);
  return true;
}

/* Runs r once, for item (or NULL); false after an error when the budget
   runs out. */
static bool run_one(arena *a, value *arr, const check_rule *r,
                    const value *root, const value *item, expr_budget *b,
                    diag_list *dl)
{
  ev w = expr_eval(a, r->when, root, item, b);
  if (b->exhausted) {
    out_of_budget(dl, r, r->when_pos, "when");
    return false;
  }
  return !ev_truthy(&w) || emit(a, arr, r, root, item, b, dl);
}

size_t checks_run(arena *a, const checkset *cs, value *results,
                  diag_list *dl)
{
  value *tmp = val_arr(a);
  expr_budget b;
  expr_budget_init(&b); /* one for all the checks of the run */
  bool ok = true;
  for (size_t i = 0; cs && i < cs->n && ok; i++) {
    const check_rule *r = &cs->rules[i];
    if (!r->for_) {
      ok = run_one(a, tmp, r, results, NULL, &b, dl);
      continue;
    }
    ev items = expr_eval(a, r->for_, results, NULL, &b);
    if (b.exhausted) {
      out_of_budget(dl, r, r->for_pos, "for");
      break;
    }
    size_t n = items.kind == EV_LIST                                 ? items.n
               : items.kind == EV_NODE && items.node->kind == VAL_ARR ? items.node->n
                                                                      : 0;
    for (size_t k = 0; k < n && ok; k++) {
      const value *it = items.kind == EV_LIST ? items.items[k].node
                                              : items.node->items[k];
      if (it)
        ok = run_one(a, tmp, r, results, it, &b, dl);
    }
  }
  /* Most severe first; stable within a severity. */
  value *out = val_set(a, results, "findings", val_arr(a));
  for (int sev = SEV_NONCONFORMITY; sev >= SEV_INFO; sev--)
    for (size_t i = 0; i < tmp->n; i++)
      if (strcmp(val_get(tmp->items[i], "severity")->str, sev_names[sev]) == 0)
        val_push(a, out, tmp->items[i]);
  /* The checks of a --rules folder that gave findings, once each (Appendix
     B names them; findings[].layer tells it per finding). */
  value *lay = val_set(a, results, "checks_layered", val_arr(a));
  for (size_t i = 0; cs && i < cs->n; i++) {
    const check_rule *r = &cs->rules[i];
    size_t n = 0;
    for (size_t k = 0; r->layer && k < out->n; k++)
      n += strcmp(val_get(out->items[k], "rule")->str, r->id) == 0;
    if (!n)
      continue;
    value *o = val_obj(a);
    val_set_str(a, o, "rule", r->id);
    val_set_str(a, o, "layer", r->layer);
    val_set_num(a, o, "findings", (double)n);
    val_push(a, lay, o);
  }
  return out->n;
}

void checks_blank_texts(arena *a, value *results)
{
  value *fs = val_get(results, "findings");
  for (size_t i = 0; fs && i < fs->n; i++) {
    value *txt = val_get(fs->items[i], "text");
    val_set_str(a, txt, "zh", "________________________________");
    val_set_str(a, txt, "en", "________________________________");
  }
}

size_t checks_count(const checkset *cs) { return cs ? cs->n : 0; }

void checks_describe(const checkset *cs, size_t i, const char **id,
                     const char **severity, const char **source,
                     const char **file, const char **text_en,
                     const char **layer)
{
  const check_rule *r = &cs->rules[i];
  *layer = r->layer;
  *id = r->id;
  *severity = sev_names[r->sev];
  *source = r->source;
  *file = r->file;
  *text_en = r->text_en;
}
/* }====================================================== */
