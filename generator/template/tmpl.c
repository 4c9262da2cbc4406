/* tmpl.c — template files to a template tree, and its expansion into the
 * document tree (doc.h).
 *
 * Input: the templates (language: templates/README.md) and the results
 * tree. Output: doc blocks in reading order. Parsing is line-oriented:
 *   file      := block*
 *   block     := heading | para | item | note | directive | table
 *   heading   := "#"{1,3} ["*" | APPENDIX-LETTER] TEXT ["|" TEXT]
 *   para      := ("zh:" | "en:") TEXT (NL "  " TEXT)*   (one or both)
 *   item      := "- " para
 *   note      := "note:" "zh:" TEXT "|" "en:" TEXT
 *   directive := "{%" WORD ARGS "%}"
 *   table     := "{% table" PATH ["|" TEXT "|" TEXT] "%}" ["{% where" EXPR "%}"]
 *                column+ ["{% total %}" cell+] "{% endtable %}"
 *   column    := "|" zh "|" en "|" cell-zh "|" cell-en "|" align "|" weight
 * Invariant: a parsed template has every expression compiled and checked
 * against the results schema, so expansion cannot meet an error in the
 * template's text. What expansion can meet is its size: loops nested over
 * long lists, filters nested in filters. Every stage of it runs on a
 * budget (the TMPL_MAX_ limits below, and an expr_budget for the
 * expressions), and the first budget exceeded is an error at the
 * directive that exceeded it, before any page is drawn. Parsing has its
 * own: block nesting, and the lines that includes add. */
#include "tmpl.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../base/buf.h"
#include "../base/fileio.h"
#include "../base/fmt.h"
#include "../base/strmap.h"
#include "../base/utf8.h"
#include "charts.h"
#include <math.h>
#include "../rules/checks.h"
#include "../rules/expr.h"

/* A template file larger than this is refused, never cut. */
#define TMPL_MAX_BYTES (4u << 20)
#define TMPL_MAX_DEPTH 8 /* includes nested */

/* Budgets. The shipped report.tpl against the largest sample
   (cement-plant) takes, measured: 24 includes, 1,803 lines (99 KB) read
   with them, blocks 4 deep, 269 loop passes and table rows, 1,983 blocks
   and table cells, 0.86 MB of expansion, and 11,915 expression steps
   collecting 684 list items (expr.h). Each limit is 80 times that or more
   (nesting: 8 times), room for a facility many times the samples' size.
   The parsed tree takes up to about 100 bytes per byte of template, so
   the bytes read bound the memory of parsing as well. */
#define TMPL_MAX_NEST 32              /* if/for inside if/for … */
#define TMPL_MAX_INCLUDES 5000        /* files included, each time */
#define TMPL_MAX_LINES 200000         /* lines read, an include's each */
#define TMPL_MAX_READ (8u << 20)      /* time it is included; bytes too */
#define TMPL_MAX_PASSES 100000        /* for passes and table rows */
#define TMPL_MAX_NODES 200000         /* doc blocks and table cells */
#define TMPL_MAX_EXPANSION (128u << 20) /* arena bytes expansion takes */

/* {====================================================== tree */

typedef enum {
  T_BLOCK, /* a fixed doc block with compiled texts */
  T_IF,
  T_FOR,
  T_TABLE,
  T_EXPLAIN /* the trace of a result as a table */
} tnode_kind;

typedef struct ttext {
  expr_text *zh, *en; /* en may be NULL: the zh text in both */
} ttext;

typedef struct tcol {
  ttext head, cell;
  doc_align align;
  double weight;
} tcol;

typedef struct tnode tnode;
typedef struct tlist {
  tnode **items;
  size_t n, cap;
} tlist;

struct tnode {
  tnode_kind kind;
  src_pos pos;        /* its line, or its directive's word */
  doc_kind block;     /* T_BLOCK */
  int level;
  bool numbered;
  char appendix;
  ttext text;
  expr *cond;         /* T_IF */
  tlist then, other;
  expr *path;         /* T_FOR, T_TABLE (NULL: keyvalue) */
  tlist body;
  expr *where;        /* T_TABLE */
  ttext caption;
  tcol *cols;
  size_t ncols;
  const char *chart;  /* T_BLOCK of DOC_CHART: the chart's kind */
  ttext *total;       /* ncols cells, or NULL */
  ttext *kv_label;    /* keyvalue rows */
  ttext *kv_value;
  size_t nkv;
};

struct tmpl {
  tlist top;
};

static void tpush(arena *a, tlist *l, tnode *n)
{
  *ARENA_PUSH(a, l->items, l->n, l->cap) = n;
}

/* }====================================================== */
/* {====================================================== parser */

typedef struct line {
  const char *s; /* NUL-terminated, without newline */
  int no;
} line;

/* What parsing a template and its includes has taken, shared by the
   parsers of all its files. */
typedef struct read_budget {
  size_t files, lines, bytes;
  bool stopped;       /* a budget was exceeded: the rest is not parsed */
} read_budget;

typedef struct parser {
  arena *a;
  diag_list *dl;
  const units *u;
  const char *dir, *file;
  line *lines;
  size_t n, at;
  int depth;          /* include depth */
  int nest;           /* if/for blocks open around this one */
  read_budget *rb;
  src_pos here;       /* of the block being parsed */
  const char *item;   /* shape relative paths start from, or NULL */
  tmpl_paths *paths;  /* the schema's verdicts on path shapes */
  const char *root;   /* real path of the template folder, or NULL */
  const char *real[TMPL_MAX_DEPTH + 1]; /* real paths of the open files, */
  const char *name[TMPL_MAX_DEPTH + 1]; /* outermost first, for cycles */
} parser;

static src_pos pos_at(parser *p, int line_no, const char *line_s,
                      const char *at, int len)
{
  src_pos pos = {p->file, line_no, 1, len};
  for (const char *q = line_s; q < at; q++)
    pos.col += ((unsigned char)*q & 0xC0) != 0x80;
  return pos;
}

/* The same schema as rule checks, with did-you-mean; paths under an item
   whose own path was already reported are not reported again. */
struct tmpl_paths {
  arena *a;
  strmap *seen;           /* shape -> index in verdicts */
  const char **verdicts;  /* NULL: a known path */
  size_t n, cap;
};

tmpl_paths *tmpl_paths_new(arena *a)
{
  tmpl_paths *m = ARENA_NEW(a, tmpl_paths);
  m->a = a;
  m->seen = strmap_new(a);
  m->verdicts = NULL;
  m->n = m->cap = 0;
  return m;
}

const char *tmpl_path_check(const char *shape, void *paths)
{
  tmpl_paths *m = paths;
  long k = strmap_get(m->seen, shape);
  if (k >= 0)
    return m->verdicts[k];
  const char *v = checks_path_check(shape, m->a);
  if (m->n == m->cap) {
    size_t cap = m->cap ? 2 * m->cap : 256;
    const char **grown = ARENA_ARRAY(m->a, const char *, cap);
    if (m->n)
      memcpy(grown, m->verdicts, sizeof *grown * m->n);
    m->verdicts = grown;
    m->cap = cap;
  }
  m->verdicts[m->n] = v;
  strmap_put(m->seen, arena_strdup(m->a, shape), (long)m->n);
  m->n++;
  return v;
}

static const char *path_check(const char *shape, void *ctx)
{
  if (strncmp(shape, "(invalid)", 9) == 0)
    return NULL;
  return tmpl_path_check(shape, ctx);
}

static const char *trim(arena *a, const char *s, const char *e)
{
  while (s < e && (*s == ' ' || *s == '\t'))
    s++;
  while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
    e--;
  return arena_strndup(a, s, (size_t)(e - s));
}

/* Compiles one text found at `at` on line ln. */
static expr_text *text_at(parser *p, const line *ln, const char *at,
                          const char *text)
{
  expr_error err;
  expr_text *t = expr_text_compile(p->a, p->u, text, true, p->item, path_check,
                                   p->paths, &err);
  if (!t) {
    /* find where the text starts in the line to place the column */
    const char *start = strstr(at, text);
    if (!start)
      start = at;
    src_pos pos = pos_at(p, ln->no, ln->s, start, err.len);
    pos.col += err.col - 1;
    diag_error(p->dl, pos, "%s", err.msg);
  }
  return t;
}

static expr *expr_at(parser *p, const line *ln, const char *at,
                     const char *text, const char *item_shape)
{
  expr_error err;
  expr *e = expr_parse(p->a, p->u, text, item_shape, path_check, p->paths,
                       &err);
  if (!e) {
    const char *start = strstr(at, text);
    src_pos pos = pos_at(p, ln->no, ln->s, start ? start : at, err.len);
    pos.col += err.col - 1;
    diag_error(p->dl, pos, "%s", err.msg);
  }
  return e;
}

/* The next "|" of a directive's arguments, skipping those inside {{ }}
   (a placeholder's format). */
static const char *next_bar(const char *s)
{
  for (const char *q = s; *q; q++) {
    if (q[0] == '{' && q[1] == '{') {
      const char *e = strstr(q + 2, "}}");
      if (!e)
        return NULL;
      q = e + 1;
      continue;
    }
    if (*q == '|')
      return q;
  }
  return NULL;
}

/* Splits "zh | en" at the first " | ". */
static void split2(arena *a, const char *s, const char **zh, const char **en)
{
  const char *bar = strstr(s, " | ");
  if (!bar) {
    *zh = trim(a, s, s + strlen(s));
    *en = NULL;
    return;
  }
  *zh = trim(a, s, bar);
  *en = trim(a, bar + 3, s + strlen(s));
}

static bool is_blank(const char *s)
{
  return s[strspn(s, " \t\r")] == '\0';
}

/* A directive line "{% word rest %}": sets *word and *rest. */
static bool directive(parser *p, const char *s, const char **word,
                      const char **rest)
{
  const char *q = s + strspn(s, " \t");
  if (strncmp(q, "{%", 2) != 0)
    return false;
  /* the closing "%}" after the opening one: "{%}" is not a directive */
  const char *end = strstr(q + 2, "%}");
  if (!end)
    return false;
  q += 2;
  while (*q == ' ')
    q++;
  const char *w = q;
  while (*q && *q != ' ' && q < end)
    q++;
  *word = arena_strndup(p->a, w, (size_t)(q - w));
  *rest = trim(p->a, q, end);
  return true;
}

static void parse_list(parser *p, tlist *out, const char *const *stops,
                       const char **stopped, const line **stop_line);

static tnode *tnode_new(parser *p, tnode_kind k)
{
  tnode *n = ARENA_NEW(p->a, tnode);
  n->kind = k;
  n->pos = p->here;
  return n;
}

static tnode *block(parser *p, doc_kind k)
{
  tnode *n = tnode_new(p, T_BLOCK);
  n->block = k;
  return n;
}

/* Counts a template file just read (the first, or one included: then
   at is the include) against the read budget; false, after an error at
   `at` and with parsing stopped, when the files read exceed it. */
static bool read_lines(parser *p, const parser *file, src_pos at,
                       bool included)
{
  read_budget *rb = p->rb;
  size_t bytes = 0;
  for (size_t i = 0; i < file->n; i++)
    bytes += strlen(file->lines[i].s) + 1;
  rb->files += included;
  rb->lines += file->n;
  rb->bytes += bytes;
  const char *what;
  if (rb->files > TMPL_MAX_INCLUDES)
    what = arena_printf(p->a, "%d includes", TMPL_MAX_INCLUDES);
  else if (rb->lines > TMPL_MAX_LINES)
    what = arena_printf(p->a, "%d lines with its includes", TMPL_MAX_LINES);
  else if (rb->bytes > TMPL_MAX_READ)
    what = arena_printf(p->a, "%u MB with its includes", TMPL_MAX_READ >> 20);
  else
    return true;
  diag_error(p->dl, at, "the template reads more than %s (an include counts "
                        "each time it is included)",
             what);
  rb->stopped = true;
  return false;
}

/* Opens an if or for block: false, after an error at `at` and with
   parsing stopped, when it would nest deeper than TMPL_MAX_NEST. */
static bool open_block(parser *p, src_pos at)
{
  if (p->nest < TMPL_MAX_NEST)
    return true;
  diag_error(p->dl, at, "blocks nested deeper than %d", TMPL_MAX_NEST);
  p->rb->stopped = true;
  return false;
}

/* para := ("zh:" | "en:") TEXT continuation* — both languages, in either
   order; returns false when the line is not a paragraph start. */
static bool parse_para(parser *p, ttext *t)
{
  const line *ln = &p->lines[p->at];
  const char *s = ln->s;
  bool any = false;
  t->zh = t->en = NULL;
  while (p->at < p->n) {
    ln = &p->lines[p->at];
    s = ln->s;
    bool zh = strncmp(s, "zh:", 3) == 0, en = strncmp(s, "en:", 3) == 0;
    if (!zh && !en)
      break;
    buf b;
    buf_init(&b);
    buf_puts(&b, s + 3);
    const line *first = ln;
    p->at++;
    while (p->at < p->n && strncmp(p->lines[p->at].s, "  ", 2) == 0 &&
           !is_blank(p->lines[p->at].s)) {
      buf_putc(&b, ' ');
      buf_puts(&b, p->lines[p->at].s + 2);
      p->at++;
    }
    const char *text = trim(p->a, b.data, b.data + b.len);
    buf_fini(&b);
    expr_text *c = text_at(p, first, first->s + 3, text);
    if (zh)
      t->zh = c;
    else
      t->en = c;
    any = true;
  }
  if (any && !t->zh) {
    t->zh = t->en;
    t->en = NULL;
  }
  return any;
}

static doc_align parse_align(parser *p, const line *ln, const char *s)
{
  if (strcmp(s, "left") == 0 || !*s)
    return ALIGN_LEFT;
  if (strcmp(s, "center") == 0)
    return ALIGN_CENTER;
  if (strcmp(s, "number") == 0)
    return ALIGN_NUMBER;
  diag_error(p->dl, pos_at(p, ln->no, ln->s, strstr(ln->s, s), (int)strlen(s)),
             "alignment \"%s\" is not left, center or number", s);
  return ALIGN_LEFT;
}

/* Splits a "| a | b | c" line into trimmed fields. */
static size_t fields(parser *p, const char *s, const char **f, size_t max)
{
  size_t n = 0;
  const char *q = strchr(s, '|');
  while (q && n < max) {
    const char *next = strchr(q + 1, '|');
    /* a "|" inside {{ … }} (a format) does not split */
    const char *open = strstr(q + 1, "{{");
    while (next && open && open < next) {
      const char *close = strstr(open, "}}");
      if (!close)
        break;
      if (close > next)
        next = strchr(close + 2, '|');
      open = strstr(close + 2, "{{");
    }
    const char *end = next ? next : s + strlen(s);
    f[n++] = trim(p->a, q + 1, end);
    q = next;
  }
  return n;
}

/* The table directive and its rows; p->at is past the directive line. */
static tnode *table(parser *p, const line *ln, const char *rest, bool kv)
{
  tnode *n = tnode_new(p, T_TABLE);
  const char *f[3] = {"", "", ""};
  size_t nf = 0;
  {
    /* rest := [PATH] "|" caption-zh "|" caption-en */
    const char *q = rest;
    for (nf = 0; nf < 3; nf++) {
      const char *bar = nf < 2 ? next_bar(q) : NULL;
      f[nf] = trim(p->a, q, bar ? bar : q + strlen(q));
      if (!bar) {
        nf++;
        break;
      }
      q = bar + 1;
    }
  }
  const char *path = kv ? NULL : f[0];
  const char *cap_zh = kv ? f[1] : f[1], *cap_en = kv ? f[2] : f[2];
  if (kv && nf >= 1 && *f[0]) {
    diag_error(p->dl, pos_at(p, ln->no, ln->s, strstr(ln->s, f[0]), 1),
               "keyvalue takes no list: write {%% keyvalue | 中文 | English %%}");
  }
  const char *item = NULL;
  if (path) {
    if (!*path) {
      diag_error(p->dl, pos_at(p, ln->no, ln->s, ln->s, 2),
                 "table needs the path of a list");
    } else {
      n->path = expr_at(p, ln, ln->s, path, p->item);
      const char *sh = n->path ? expr_shape(n->path) : NULL;
      if (!n->path || !sh)
        item = "(invalid)[]";
      if (n->path && !sh) {
        diag_error(p->dl, pos_at(p, ln->no, ln->s, strstr(ln->s, path), 1),
                   "table needs the path of a list, not an expression");
      } else if (sh) {
        size_t l = strlen(sh);
        item = l > 2 && strcmp(sh + l - 2, "[]") == 0
                   ? sh
                   : arena_printf(p->a, "%s[]", sh);
      }
    }
  }
  n->caption.zh = cap_zh && *cap_zh ? text_at(p, ln, ln->s, cap_zh) : NULL;
  n->caption.en = cap_en && *cap_en ? text_at(p, ln, ln->s, cap_en) : NULL;
  const char *saved = p->item;
  tcol cols[32];
  size_t nc = 0;
  ttext labels[256], values[256];
  size_t nkv = 0;
  bool total = false;
  size_t ntotal = 0;
  ttext totals[32];
  while (p->at < p->n && !p->rb->stopped) {
    const line *l = &p->lines[p->at];
    const char *w, *r;
    if (directive(p, l->s, &w, &r)) {
      p->at++;
      if (strcmp(w, kv ? "endkeyvalue" : "endtable") == 0) {
        p->item = saved;
        goto done;
      }
      if (!kv && strcmp(w, "where") == 0) {
        n->where = expr_at(p, l, l->s, r, item);
      } else if (!kv && strcmp(w, "total") == 0) {
        total = true;
      } else {
        diag_error(p->dl, pos_at(p, l->no, l->s, strstr(l->s, w), (int)strlen(w)),
                   "\"%s\" is not allowed inside a table (where, total, "
                   "end%s)",
                   w, kv ? "keyvalue" : "table");
      }
      continue;
    }
    p->at++;
    if (is_blank(l->s) || strncmp(l->s, "#!", 2) == 0)
      continue;
    if (l->s[strspn(l->s, " ")] != '|') {
      diag_error(p->dl, pos_at(p, l->no, l->s, l->s, 1),
                 "a table row starts with |");
      continue;
    }
    const char *c[8];
    size_t k = fields(p, l->s, c, 8);
    if (kv) {
      /* | label zh | label en | value | unit */
      if (k < 3 || nkv == 256) {
        diag_error(p->dl, pos_at(p, l->no, l->s, l->s, 1),
                   "a key-value row is | 中文 | English | value | unit | "
                 "value (en) | unit (en)");
        continue;
      }
      /* | label zh | label en | value | unit | value (en) | unit (en):
         an empty English value or unit is the Chinese one */
      labels[nkv].zh = text_at(p, l, l->s, c[0]);
      labels[nkv].en = *c[1] ? text_at(p, l, l->s, c[1]) : NULL;
      const char *unit = k >= 4 ? c[3] : "";
      const char *v = *unit ? arena_printf(p->a, "%s %s", c[2], unit) : c[2];
      /* "value unit" is not in the line as such: columns from the value */
      const char *vat = strstr(l->s, c[2]);
      values[nkv].zh = text_at(p, l, vat ? vat : l->s, v);
      values[nkv].en = NULL;
      if ((k >= 5 && *c[4]) || (k >= 6 && *c[5])) {
        const char *ve = k >= 5 && *c[4] ? c[4] : c[2];
        const char *ue = k >= 6 && *c[5] ? c[5] : unit;
        const char *eat = strstr(l->s, ve);
        values[nkv].en =
            text_at(p, l, eat ? eat : l->s,
                    *ue ? arena_printf(p->a, "%s %s", ve, ue) : ve);
      }
      nkv++;
      continue;
    }
    if (total) {
      /* | cell zh | cell en — one line per column, in order */
      if (ntotal == 32 || k < 1)
        continue;
      p->item = NULL;
      totals[ntotal].zh = text_at(p, l, l->s, c[0]);
      totals[ntotal].en = k > 1 && *c[1] ? text_at(p, l, l->s, c[1]) : NULL;
      ntotal++;
      continue;
    }
    if (k < 3 || nc == 32) {
      diag_error(p->dl, pos_at(p, l->no, l->s, l->s, 1),
                 "a column is | 中文 | English | cell | cell (en) | align | "
                 "weight");
      continue;
    }
    p->item = item;
    tcol *col = &cols[nc++];
    memset(col, 0, sizeof *col);
    col->head.zh = text_at(p, l, l->s, c[0]);
    col->head.en = *c[1] ? text_at(p, l, l->s, c[1]) : NULL;
    col->cell.zh = text_at(p, l, l->s, c[2]);
    col->cell.en = k > 3 && *c[3] ? text_at(p, l, l->s, c[3]) : NULL;
    col->align = k > 4 ? parse_align(p, l, c[4]) : ALIGN_LEFT;
    col->weight = k > 5 && *c[5] ? strtod(c[5], NULL) : 1.0;
    if (!(col->weight > 0 && col->weight < 100))
      col->weight = 1.0;
  }
  if (!p->rb->stopped)
    diag_error(p->dl, pos_at(p, ln->no, ln->s, ln->s, 2),
               "%s opened here is never closed with {%% end%s %%}",
               kv ? "keyvalue" : "table", kv ? "keyvalue" : "table");
  p->item = saved;
done:
  if (!kv && nc == 0)
    diag_error(p->dl, pos_at(p, ln->no, ln->s, ln->s, 2), "a table without "
                                                          "columns");
  if (total && ntotal != nc && nc)
    diag_error(p->dl, pos_at(p, ln->no, ln->s, ln->s, 2),
               "the total row has %zu cells for %zu columns", ntotal, nc);
  n->cols = ARENA_ARRAY(p->a, tcol, nc + 1);
  memcpy(n->cols, cols, sizeof *cols * nc);
  n->ncols = kv ? 2 : nc;
  if (total && ntotal == nc) {
    n->total = ARENA_ARRAY(p->a, ttext, nc + 1);
    memcpy(n->total, totals, sizeof *totals * nc);
  }
  if (kv) {
    n->kv_label = ARENA_ARRAY(p->a, ttext, nkv + 1);
    n->kv_value = ARENA_ARRAY(p->a, ttext, nkv + 1);
    memcpy(n->kv_label, labels, sizeof *labels * nkv);
    memcpy(n->kv_value, values, sizeof *values * nkv);
    n->nkv = nkv;
  }
  return n;
}

static bool load_lines(parser *p, const char *path, const char *name,
                       const line *from);

/* Why an include's argument is not the name of a file of the template
   folder, or NULL when it is one. */
static const char *include_name(const char *s)
{
  if (!*s)
    return "no file name";
  for (const unsigned char *q = (const unsigned char *)s; *q; q++)
    if (*q < 0x20 || *q == 0x7F)
      return "the name contains a control character";
  if (s[0] == '/')
    return "an absolute path";
  if (strchr(s, '/'))
    return "a path with folders";
  if (strcmp(s, ".") == 0 || strcmp(s, "..") == 0)
    return "a folder";
  return NULL;
}

/* Records the template file at path (named name) as open at p's depth: its
   real path must lie inside the template folder (a symbolic link may not
   lead out of it) and must not be a file already open (a cycle). A file
   that does not resolve is left to load_lines, which says why it cannot be
   read. False after a diagnostic at pos. */
static bool open_file(parser *p, src_pos pos, const char *path,
                      const char *name)
{
  p->real[p->depth] = NULL;
  p->name[p->depth] = name;
  char *r = realpath(path, NULL);
  if (!r)
    return true;
  const char *real = arena_strdup(p->a, r);
  free(r);
  size_t n = p->root ? strlen(p->root) : 0;
  if (p->root && !(strncmp(real, p->root, n) == 0 &&
                   (real[n] == '/' || strcmp(p->root, "/") == 0))) {
    char to[512];
    ssize_t k = readlink(path, to, sizeof to - 1);
    to[k > 0 ? k : 0] = '\0';
    diag_error(p->dl, pos, "template %s leads outside the template folder%s%s "
                           "(a symbolic link may not lead out of it)",
               path, k > 0 ? ": it links to " : "", to);
    return false;
  }
  for (int i = 0; i < p->depth; i++)
    if (p->real[i] && strcmp(p->real[i], real) == 0) {
      buf chain;
      buf_init(&chain);
      for (int k = i; k < p->depth; k++)
        buf_printf(&chain, "%s includes ", p->name[k]);
      buf_puts(&chain, name);
      diag_error(p->dl, pos, "include of %s makes a cycle: %s", name,
                 chain.data);
      buf_fini(&chain);
      return false;
    }
  p->real[p->depth] = real;
  return true;
}

/* Parses blocks until a directive in stops (NULL-terminated) or the end. */
static void parse_list(parser *p, tlist *out, const char *const *stops,
                       const char **stopped, const line **stop_line)
{
  *stopped = NULL;
  while (p->at < p->n && !p->rb->stopped) {
    const line *ln = &p->lines[p->at];
    const char *s = ln->s;
    if (is_blank(s) || strncmp(s, "#!", 2) == 0) {
      p->at++;
      continue;
    }
    p->here = pos_at(p, ln->no, s, s, 1);
    const char *w, *rest;
    if (directive(p, s, &w, &rest)) {
      for (size_t i = 0; stops && stops[i]; i++)
        if (strcmp(w, stops[i]) == 0) {
          *stopped = stops[i];
          *stop_line = ln;
          p->at++;
          return;
        }
      p->at++;
      src_pos wpos = pos_at(p, ln->no, s, strstr(s, w), (int)strlen(w));
      p->here = wpos;
      if (strcmp(w, "if") == 0) {
        if (!open_block(p, wpos))
          break;
        tnode *n = tnode_new(p, T_IF);
        n->cond = expr_at(p, ln, s, rest, p->item);
        static const char *const st[] = {"else", "endif", NULL};
        const char *got;
        const line *sl;
        p->nest++;
        parse_list(p, &n->then, st, &got, &sl);
        if (got && strcmp(got, "else") == 0) {
          static const char *const st2[] = {"endif", NULL};
          parse_list(p, &n->other, st2, &got, &sl);
        }
        p->nest--;
        if (!got && !p->rb->stopped)
          diag_error(p->dl, wpos, "if opened here is never closed with "
                                  "{%% endif %%}");
        tpush(p->a, out, n);
      } else if (strcmp(w, "for") == 0) {
        if (!open_block(p, wpos))
          break;
        tnode *n = tnode_new(p, T_FOR);
        n->path = expr_at(p, ln, s, rest, p->item);
        const char *sh = n->path ? expr_shape(n->path) : NULL;
        if (n->path && !sh)
          diag_error(p->dl, wpos, "for needs the path of a list");
        const char *saved = p->item;
        if (!sh)
          p->item = "(invalid)[]";
        if (sh) {
          size_t l = strlen(sh);
          p->item = l > 2 && strcmp(sh + l - 2, "[]") == 0
                        ? sh
                        : arena_printf(p->a, "%s[]", sh);
        }
        static const char *const st[] = {"endfor", NULL};
        const char *got;
        const line *sl;
        p->nest++;
        parse_list(p, &n->body, st, &got, &sl);
        p->nest--;
        p->item = saved;
        if (!got && !p->rb->stopped)
          diag_error(p->dl, wpos, "for opened here is never closed with "
                                  "{%% endfor %%}");
        tpush(p->a, out, n);
      } else if (strcmp(w, "table") == 0 || strcmp(w, "keyvalue") == 0) {
        tpush(p->a, out, table(p, ln, rest, strcmp(w, "keyvalue") == 0));
      } else if (strcmp(w, "include") == 0) {
        if (p->depth >= TMPL_MAX_DEPTH) {
          diag_error(p->dl, wpos, "includes nested more than %d deep",
                     TMPL_MAX_DEPTH);
          continue;
        }
        const char *bad = include_name(rest);
        if (bad) {
          buf shown; /* the name, control characters escaped */
          buf_init(&shown);
          for (const unsigned char *q = (const unsigned char *)rest; *q; q++)
            if (*q < 0x20 || *q == 0x7F)
              buf_printf(&shown, "\\x%02X", *q);
            else
              buf_add(&shown, (const char *)q, 1);
          diag_error(p->dl, wpos, "include \"%s\": %s; include takes the "
                                  "name of a file in the template folder",
                     shown.data, bad);
          buf_fini(&shown);
          continue;
        }
        parser sub = *p;
        sub.depth = p->depth + 1;
        const char *path = arena_printf(p->a, "%s/%s", p->dir, rest);
        if (!open_file(&sub, wpos, path, rest) ||
            !load_lines(&sub, path, rest, ln))
          continue;
        if (!read_lines(p, &sub, wpos, true))
          break;
        const char *got;
        const line *sl;
        parse_list(&sub, out, NULL, &got, &sl);
      } else if (strcmp(w, "explain") == 0) {
        /* {% explain PATH | 中文标题 | English title %} */
        tnode *n = tnode_new(p, T_EXPLAIN);
        const char *bar = next_bar(rest);
        const char *path = trim(p->a, rest, bar ? bar : rest + strlen(rest));
        n->path = expr_at(p, ln, s, path, p->item);
        if (n->path && !expr_shape(n->path)) {
          diag_error(p->dl, wpos, "explain needs the path of a result");
          continue;
        }
        if (bar) {
          const char *b2 = next_bar(bar + 1);
          const char *zh = trim(p->a, bar + 1, b2 ? b2 : bar + strlen(bar));
          const char *en = b2 ? trim(p->a, b2 + 1, b2 + strlen(b2)) : NULL;
          n->caption.zh = text_at(p, ln, s, zh);
          n->caption.en = en && *en ? text_at(p, ln, s, en) : NULL;
        }
        tpush(p->a, out, n);
      } else if (strcmp(w, "chart") == 0) {
        /* {% chart KIND | caption zh | caption en %} */
        tnode *n = block(p, DOC_CHART);
        const char *bar = next_bar(rest);
        const char *kind = trim(p->a, rest, bar ? bar : rest + strlen(rest));
        if (!charts_known(kind)) {
          diag_error(p->dl, pos_at(p, ln->no, s, strstr(s, kind),
                                   (int)strlen(kind) ? (int)strlen(kind) : 1),
                     "unknown chart \"%s\" (monthly, structure, flow, "
                     "benchmark, carbon, macc)",
                     kind);
          continue;
        }
        n->chart = kind;
        if (bar) {
          const char *zh, *en;
          split2(p->a, bar + 1, &zh, &en);
          if (zh && zh[0] == '|')
            zh = trim(p->a, zh + 1, zh + strlen(zh));
          const char *b2 = next_bar(bar + 1);
          if (b2) {
            zh = trim(p->a, bar + 1, b2);
            en = trim(p->a, b2 + 1, b2 + strlen(b2));
          }
          n->text.zh = text_at(p, ln, s, zh);
          n->text.en = en && *en ? text_at(p, ln, s, en) : NULL;
        }
        tpush(p->a, out, n);
      } else if (strcmp(w, "image") == 0) {
        /* {% image PATH | caption zh | caption en %}: PATH gives an image
           of the results' evidence (file, type, width_px, height_px) */
        tnode *n = block(p, DOC_IMAGE);
        const char *bar = next_bar(rest);
        const char *path = trim(p->a, rest, bar ? bar : rest + strlen(rest));
        n->path = expr_at(p, ln, s, path, p->item);
        if (n->path && !expr_shape(n->path)) {
          diag_error(p->dl, wpos, "image needs the path of an evidence item");
          continue;
        }
        if (bar) {
          const char *b2 = next_bar(bar + 1);
          const char *zh = trim(p->a, bar + 1, b2 ? b2 : bar + strlen(bar));
          const char *en = b2 ? trim(p->a, b2 + 1, b2 + strlen(b2)) : NULL;
          n->text.zh = text_at(p, ln, s, zh);
          n->text.en = en && *en ? text_at(p, ln, s, en) : NULL;
        }
        tpush(p->a, out, n);
      } else if (strcmp(w, "pagebreak") == 0) {
        tpush(p->a, out, block(p, DOC_PAGEBREAK));
      } else if (strcmp(w, "toc") == 0) {
        tpush(p->a, out, block(p, DOC_TOC));
      } else if (strcmp(w, "cover") == 0) {
        tpush(p->a, out, block(p, DOC_COVER_BEGIN));
      } else if (strcmp(w, "endcover") == 0) {
        tpush(p->a, out, block(p, DOC_COVER_END));
      } else {
        diag_error(p->dl, wpos,
                   "unknown directive \"%s\" (if, else, endif, for, endfor, "
                   "table, keyvalue, chart, image, explain, include, pagebreak, "
                   "toc, cover, endcover)",
                   w);
      }
      continue;
    }
    if (s[0] == '#') {
      tnode *n = block(p, DOC_HEADING);
      int level = 0;
      while (s[level] == '#')
        level++;
      const char *q = s + level;
      n->numbered = true;
      if (*q == '*') {
        n->numbered = false;
        q++;
      } else if (*q >= 'A' && *q <= 'Z' && q[1] == ' ') {
        n->appendix = *q;
        q++;
      }
      if (level > 3) {
        diag_error(p->dl, pos_at(p, ln->no, s, s, level),
                   "headings have levels 1 to 3");
        level = 3;
      }
      n->level = level;
      const char *zh, *en;
      split2(p->a, q, &zh, &en);
      n->text.zh = text_at(p, ln, s, zh);
      n->text.en = en ? text_at(p, ln, s, en) : NULL;
      p->at++;
      tpush(p->a, out, n);
      continue;
    }
    if (strncmp(s, "note:", 5) == 0) {
      tnode *n = block(p, DOC_NOTE);
      const char *q = s + 5;
      q += strspn(q, " ");
      const char *zh, *en;
      split2(p->a, q, &zh, &en);
      if (strncmp(zh, "zh:", 3) == 0)
        zh = trim(p->a, zh + 3, zh + strlen(zh));
      if (en && strncmp(en, "en:", 3) == 0)
        en = trim(p->a, en + 3, en + strlen(en));
      n->text.zh = text_at(p, ln, s, zh);
      n->text.en = en ? text_at(p, ln, s, en) : NULL;
      p->at++;
      tpush(p->a, out, n);
      continue;
    }
    if (strncmp(s, "- ", 2) == 0) {
      /* a list item: "- zh: …" then "  en: …" */
      tnode *n = block(p, DOC_LIST_ITEM);
      line saved = p->lines[p->at];
      p->lines[p->at].s = s + 2;
      if (strncmp(p->lines[p->at + 1 < p->n ? p->at + 1 : p->at].s, "  en:", 5) == 0)
        p->lines[p->at + 1].s += 2;
      parse_para(p, &n->text);
      (void)saved;
      tpush(p->a, out, n);
      continue;
    }
    tnode *n = block(p, DOC_PARA);
    if (!parse_para(p, &n->text)) {
      diag_error(p->dl, pos_at(p, ln->no, s, s, 1),
                 "expected a heading (#), a paragraph (zh:/en:), a list item "
                 "(- ), a note (note:) or a directive ({%% %%})");
      p->at++;
      continue;
    }
    tpush(p->a, out, n);
  }
}

/* Reads a template file into lines (kept in the arena, registered for
   quoting). */
static bool load_lines(parser *p, const char *path, const char *name,
                       const line *from)
{
  size_t rawlen;
  int err;
  char *raw = file_read_regular(path, TMPL_MAX_BYTES, &rawlen, &err);
  if (!raw) {
    src_pos pos = from ? pos_at(p, from->no, from->s, from->s, 1)
                       : (src_pos){name, 0, 0, 0};
    if (err == FILE_ERR_TOO_LARGE)
      diag_error(p->dl, pos, "template %s is larger than the limit of %u MB",
                 path, TMPL_MAX_BYTES >> 20);
    else
      diag_error(p->dl, pos, "cannot %s template %s: %s",
                 err > 0 ? "open" : "read", path, file_strerror(err));
    return false;
  }
  /* Template text is UTF-8 without NUL bytes, like every other input:
     later stages (line breaking, the PDF's fonts) rely on it. */
  size_t bad = rawlen;
  if (!utf8_valid(raw, rawlen, &bad) || memchr(raw, '\0', rawlen)) {
    const char *nul = memchr(raw, '\0', rawlen);
    if (nul && (size_t)(nul - raw) < bad)
      bad = (size_t)(nul - raw);
    int ln = 1, col = 1;
    for (size_t i = 0; i < bad; i++) {
      if (raw[i] == '\n') {
        ln++;
        col = 1;
      } else if (((unsigned char)raw[i] & 0xC0) != 0x80) {
        col++;
      }
    }
    src_pos pos = {arena_strdup(p->a, path), ln, col, 1};
    if (raw[bad])
      diag_error(p->dl, pos,
                 "template is not UTF-8 text: malformed byte 0x%02X",
                 (unsigned char)raw[bad]);
    else
      diag_error(p->dl, pos, "template is not UTF-8 text: a NUL byte");
    mem_free(raw);
    return false;
  }
  /* One copy for quoting in messages, one cut into lines. */
  char *text = arena_strndup(p->a, raw, rawlen);
  mem_free(raw);
  diag_add_source(p->dl, arena_strdup(p->a, path), arena_strdup(p->a, text),
                  strlen(text));
  const char *file = arena_strdup(p->a, path);
  (void)name;
  size_t nl = 1;
  for (char *q = text; *q; q++)
    nl += *q == '\n';
  p->lines = ARENA_ARRAY(p->a, line, nl + 1);
  p->n = 0;
  p->at = 0;
  p->file = file;
  char *q = text;
  int no = 1;
  while (*q || p->n == 0) {
    char *e = strchr(q, '\n');
    if (e)
      *e = '\0';
    size_t len = strlen(q);
    if (len && q[len - 1] == '\r')
      q[len - 1] = '\0';
    p->lines[p->n].s = q;
    p->lines[p->n].no = no++;
    p->n++;
    if (!e)
      break;
    q = e + 1;
  }
  return true;
}

tmpl *tmpl_load(arena *a, diag_list *dl, const units *u, const char *dir,
                const char *name)
{
  parser p;
  memset(&p, 0, sizeof p);
  read_budget rb = {0, 0, 0, false};
  p.a = a;
  p.dl = dl;
  p.u = u;
  p.dir = dir;
  p.rb = &rb;
  p.paths = tmpl_paths_new(a);
  size_t before = diag_errors(dl);
  char *root = realpath(dir, NULL);
  if (root) {
    p.root = arena_strdup(a, root);
    free(root);
  }
  const char *path = arena_printf(a, "%s/%s", dir, name);
  if (!open_file(&p, (src_pos){name, 0, 0, 0}, path, name) ||
      !load_lines(&p, path, name, NULL))
    return NULL;
  if (!read_lines(&p, &p, (src_pos){p.file, 0, 0, 0}, false))
    return NULL;
  tmpl *t = ARENA_NEW(a, tmpl);
  const char *got;
  const line *sl;
  static const char *const stray[] = {"else", "endif", "endfor", "endtable",
                                      "endkeyvalue", "where", "total", NULL};
  for (;;) {
    parse_list(&p, &t->top, stray, &got, &sl);
    if (!got)
      break;
    diag_error(dl, pos_at(&p, sl->no, sl->s, strstr(sl->s, got),
                          (int)strlen(got)),
               "\"%s\" without the block it closes", got);
  }
  return diag_errors(dl) > before ? NULL : t;
}

/* }====================================================== */
/* {====================================================== expansion */

typedef struct expander {
  arena *a;
  diag_list *dl;
  const value *root;
  doc *d;
  bool exercise;
  expr_budget eb;     /* for every expression of the expansion */
  size_t passes;      /* for passes and table rows so far */
  size_t nodes;       /* doc blocks and table cells so far */
  size_t base;        /* arena_used when expansion began */
  const tnode *loop;  /* the innermost for or table being run, or NULL */
  bool stopped;       /* a budget was exceeded (and reported) */
} expander;

/* Reports the first budget that expansion has exceeded, at the loop that
   is running (or at n outside loops; at n for expressions, whose cost is
   their own), and stops expansion. True when it is stopped. */
static bool over(expander *x, const tnode *n)
{
  if (x->stopped)
    return true;
  src_pos at = x->loop ? x->loop->pos : n->pos;
  if (x->eb.exhausted)
    diag_error(x->dl, n->pos, "evaluating the expressions of the template "
                              "takes more than %d steps or %d list items "
                              "(filters nested over long lists?)",
               EXPR_MAX_STEPS, EXPR_MAX_ITEMS);
  else if (x->passes > TMPL_MAX_PASSES)
    diag_error(x->dl, at, "the template makes more than %d passes through "
                          "loops and table rows (loops nested over long "
                          "lists?)",
               TMPL_MAX_PASSES);
  else if (x->nodes > TMPL_MAX_NODES)
    diag_error(x->dl, at, "the template expands to more than %d blocks and "
                          "table cells",
               TMPL_MAX_NODES);
  else if (arena_used(x->a) - x->base > TMPL_MAX_EXPANSION)
    diag_error(x->dl, at, "the template expands to more than %u MB",
               TMPL_MAX_EXPANSION >> 20);
  else
    return false;
  x->stopped = true;
  return true;
}

static doc_block *add(expander *x, doc_kind k)
{
  doc *d = x->d;
  doc_block *b = ARENA_PUSH(x->a, d->blocks, d->n, d->cap);
  b->kind = k;
  x->nodes++;
  return b;
}

static doc_text render(expander *x, const ttext *t, const value *item)
{
  doc_text r = {"", ""};
  if (t->zh)
    r.zh = r.en = expr_text_render_blank(x->a, t->zh, x->root, item,
                                         x->exercise, &x->eb);
  if (t->en)
    r.en = expr_text_render_blank(x->a, t->en, x->root, item, x->exercise,
                                  &x->eb);
  return r;
}

/* A table cell: its text, and the number it shows (not in an exercise,
   whose figures are blank). */
static doc_text cell_of(expander *x, const ttext *t, const value *item,
                        doc_num *num)
{
  num->set = !x->exercise && t->zh &&
             expr_text_number(x->a, t->zh, x->root, item, &x->eb, &num->v,
                              &num->fmt, &num->suffix);
  return render(x, t, item);
}

/* Six significant figures with separators: the numbers of a worked
   calculation are shown as computed, not as the report rounds them. */
static const char *sig(expander *x, double v)
{
  char b[64];
  double av = fabs(v);
  int dec = av >= 1e5 ? 2 : av >= 100 ? 3 : av >= 1 ? 4 : av >= 0.01 ? 6 : 9;
  if (v == 0)
    dec = 0;
  fmt_num(v, dec, true, b, sizeof b);
  char *dot = strchr(b, '.');
  if (dot) {
    char *e = b + strlen(b);
    while (e > dot + 1 && e[-1] == '0')
      *--e = '\0';
    if (e == dot + 1)
      *dot = '\0';
  }
  return arena_strdup(x->a, b);
}

/* The trace of a result as a table: one row per input with its number,
   unit and source, then the result. Inputs that are results themselves
   are named by their path. Nothing is re-derived: these are the numbers
   calc recorded. */
static void expand_explain(expander *x, const tnode *n, const value *item)
{
  ev v = expr_eval(x->a, n->path, x->root, item, &x->eb);
  if (v.kind != EV_NUM || !v.node || !v.node->tr)
    return;
  const trace *tr = v.node->tr;
  doc_block *b = add(x, DOC_TABLE);
  doc_table *t = ARENA_NEW(x->a, doc_table);
  b->table = t;
  doc_text cap = render(x, &n->caption, item);
  /* the wording of each language (rules/terms.yaml), else the machine text */
  const char *f_zh = tr->formula_zh ? tr->formula_zh : tr->formula;
  const char *f_en = tr->formula_en ? tr->formula_en : tr->formula;
  const char *c_zh = tr->clause_zh ? tr->clause_zh : tr->clause;
  const char *c_en = tr->clause_en ? tr->clause_en : tr->clause;
  t->caption.zh = c_zh ? arena_printf(x->a, "%s：%s（依据：%s）", cap.zh, f_zh,
                                      c_zh)
                       : arena_printf(x->a, "%s：%s", cap.zh, f_zh);
  t->caption.en = c_en ? arena_printf(x->a, "%s: %s (basis: %s)", cap.en,
                                      f_en, c_en)
                       : arena_printf(x->a, "%s: %s", cap.en, f_en);
  t->ncols = 4;
  static doc_text head[4] = {{"项目", "Term"}, {"数值", "Value"},
                             {"单位", "Unit"}, {"来源", "Source"}};
  static doc_align align[4] = {ALIGN_LEFT, ALIGN_NUMBER, ALIGN_CENTER,
                               ALIGN_LEFT};
  static double weight[4] = {2.2, 1.8, 1.1, 4};
  t->header = head;
  t->align = align;
  t->weight = weight;
  t->cells = ARENA_ARRAY(x->a, doc_text, 4 * (tr->n + 1) + 1);
  x->nodes += 4 * (tr->n + 1);
  for (size_t i = 0; i < tr->n; i++) {
    const trace_term *tm = &tr->terms[i];
    doc_text *row = &t->cells[4 * i];
    const char *name = tm->name ? tm->name : "";
    row[0].zh = tm->label_zh ? tm->label_zh : name;
    row[0].en = tm->label_en ? tm->label_en : name;
    row[1].zh = row[1].en = x->exercise && tm->path ? "________" : sig(x, tm->value);
    row[2].zh = tm->unit_zh ? tm->unit_zh : tm->unit ? tm->unit : "";
    row[2].en = tm->unit_en ? tm->unit_en : tm->unit ? tm->unit : "";
    if (tm->from) {
      row[3].en = tm->from;
      row[3].zh = tm->from_zh ? tm->from_zh : tm->from;
    } else if (tm->path) {
      /* a computed input: its own table is in this appendix */
      row[3].zh = "计算值，见本附录";
      row[3].en = "computed, see this appendix";
    } else {
      row[3].zh = row[3].en = "";
    }
  }
  doc_text *res = &t->cells[4 * tr->n];
  res[0].zh = "结果";
  res[0].en = "Result";
  res[1].zh = res[1].en = x->exercise ? "________" : sig(x, v.num);
  const char *unit = v.node->unit ? v.node->unit : v.unit ? v.unit : "";
  res[2].zh = tr->unit_zh ? tr->unit_zh : unit;
  res[2].en = tr->unit_en ? tr->unit_en : unit;
  res[3].zh = res[3].en = "";
  t->nrows = tr->n + 1;
  t->last_is_total = true;
}

/* The items of a list expression, as result nodes. */
static size_t items_of(expander *x, const expr *path, const value *item,
                       const value ***out)
{
  ev v = expr_eval(x->a, path, x->root, item, &x->eb);
  size_t n = v.kind == EV_LIST                                 ? v.n
             : v.kind == EV_NODE && v.node->kind == VAL_ARR ? v.node->n
                                                             : 0;
  const value **items = ARENA_ARRAY(x->a, const value *, n + 1);
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    const value *it = v.kind == EV_LIST ? v.items[i].node : v.node->items[i];
    if (it)
      items[k++] = it;
  }
  *out = items;
  return k;
}

static void expand_list(expander *x, const tlist *l, const value *item);

static void expand_table(expander *x, const tnode *n, const value *item)
{
  doc_block *b = add(x, DOC_TABLE);
  doc_table *t = ARENA_NEW(x->a, doc_table);
  b->table = t;
  t->caption = render(x, &n->caption, item);
  if (n->kv_label) {
    t->keyvalue = true;
    t->ncols = 2;
    t->align = ARENA_ARRAY(x->a, doc_align, 2);
    t->weight = ARENA_ARRAY(x->a, double, 2);
    t->header = ARENA_ARRAY(x->a, doc_text, 2);
    t->align[0] = ALIGN_LEFT;
    t->align[1] = ALIGN_NUMBER;
    t->weight[0] = 3;
    t->weight[1] = 2;
    t->cells = ARENA_ARRAY(x->a, doc_text, 2 * n->nkv + 2);
    t->nums = ARENA_ARRAY(x->a, doc_num, 2 * n->nkv + 2);
    x->nodes += 2 * n->nkv;
    for (size_t i = 0; i < n->nkv; i++) {
      t->cells[2 * i] = render(x, &n->kv_label[i], item);
      t->cells[2 * i + 1] = cell_of(x, &n->kv_value[i], item, &t->nums[2 * i + 1]);
    }
    t->nrows = n->nkv;
    return;
  }
  t->ncols = n->ncols;
  t->header = ARENA_ARRAY(x->a, doc_text, n->ncols + 1);
  t->align = ARENA_ARRAY(x->a, doc_align, n->ncols + 1);
  t->weight = ARENA_ARRAY(x->a, double, n->ncols + 1);
  for (size_t c = 0; c < n->ncols; c++) {
    t->header[c] = render(x, &n->cols[c].head, item);
    t->align[c] = n->cols[c].align;
    t->weight[c] = n->cols[c].weight;
  }
  const value **rows;
  size_t nr = n->path ? items_of(x, n->path, item, &rows) : 0;
  if (over(x, n))
    return;
  /* a table is a loop over its rows */
  const tnode *outer = x->loop;
  x->loop = n;
  if (nr > TMPL_MAX_PASSES - x->passes) {
    x->passes = TMPL_MAX_PASSES + 1;
    nr = 0;
  }
  t->cells = ARENA_ARRAY(x->a, doc_text, (nr + 1) * n->ncols + 1);
  t->nums = ARENA_ARRAY(x->a, doc_num, (nr + 1) * n->ncols + 1);
  size_t k = 0;
  for (size_t r = 0; r < nr; r++) {
    x->passes++;
    if (n->where) {
      ev w = expr_eval(x->a, n->where, x->root, rows[r], &x->eb);
      if (!ev_truthy(&w))
        continue;
    }
    x->nodes += n->ncols;
    for (size_t c = 0; c < n->ncols; c++)
      t->cells[k * n->ncols + c] = cell_of(x, &n->cols[c].cell, rows[r],
                                           &t->nums[k * n->ncols + c]);
    k++;
    if (over(x, n))
      break;
  }
  bool stop = over(x, n);
  x->loop = outer;
  if (stop)
    return;
  if (n->total) {
    for (size_t c = 0; c < n->ncols; c++)
      t->cells[k * n->ncols + c] = cell_of(x, &n->total[c], NULL,
                                           &t->nums[k * n->ncols + c]);
    k++;
    t->last_is_total = true;
  }
  t->nrows = k;
}

/* The image a {% image %} path gives: an object with a file of type png
   or jpeg and its size in pixels. */
static bool image_of(expander *x, const tnode *n, const value *item,
                     doc_block *b)
{
  ev v = expr_eval(x->a, n->path, x->root, item, &x->eb);
  const value *o = v.node;
  if (!o || o->kind != VAL_OBJ)
    return false;
  const value *file = val_get(o, "file"), *type = val_get(o, "type"),
              *w = val_get(o, "width_px"), *h = val_get(o, "height_px");
  if (!file || file->kind != VAL_STR || !type || type->kind != VAL_STR || !w ||
      w->kind != VAL_NUM || !h || h->kind != VAL_NUM || !(w->num >= 1) ||
      !(h->num >= 1) || w->num > 1e5 || h->num > 1e5)
    return false;
  bool jpeg = strcmp(type->str, "jpeg") == 0;
  if (!jpeg && strcmp(type->str, "png") != 0)
    return false;
  doc_image *im = ARENA_NEW(x->a, doc_image);
  im->file = file->str;
  im->width_px = (unsigned)w->num;
  im->height_px = (unsigned)h->num;
  im->jpeg = jpeg;
  im->caption = b->text;
  b->image = im;
  return true;
}

static void expand_list(expander *x, const tlist *l, const value *item)
{
  for (size_t i = 0; i < l->n && !x->stopped; i++) {
    const tnode *n = l->items[i];
    switch (n->kind) {
    case T_BLOCK: {
      doc_block *b = add(x, n->block);
      b->level = n->level;
      b->numbered = n->numbered;
      b->appendix = n->appendix;
      b->text = render(x, &n->text, item);
      if (n->block == DOC_CHART) {
        b->chart = charts_build(x->a, n->chart, x->root);
        b->chart->caption = b->text;
        /* no data, or an exercise: no chart (it would show the answers) */
        if (!b->chart->ncat || x->exercise)
          x->d->n--;
      }
      if (n->block == DOC_IMAGE && !image_of(x, n, item, b))
        x->d->n--; /* not an image (a PDF document, nothing there) */
      break;
    }
    case T_IF: {
      ev c = expr_eval(x->a, n->cond, x->root, item, &x->eb);
      if (!over(x, n))
        expand_list(x, ev_truthy(&c) ? &n->then : &n->other, item);
      break;
    }
    case T_FOR: {
      const value **its;
      size_t k = items_of(x, n->path, item, &its);
      const tnode *outer = x->loop;
      x->loop = n;
      for (size_t j = 0; j < k && !over(x, n); j++) {
        x->passes++;
        expand_list(x, &n->body, its[j]);
      }
      x->loop = outer;
      break;
    }
    case T_TABLE:
      expand_table(x, n, item);
      break;
    case T_EXPLAIN:
      expand_explain(x, n, item);
      break;
    }
    over(x, n);
  }
}

/* Drops each heading whose section holds nothing: no paragraph, note,
   table, chart or kept subsection before the next heading of its level
   or above (a heading over a part left out by the template's ifs, or a
   chart without data). Numbering, done by layout, counts the headings
   that remain. One pass from the end: seen[k] says whether anything has
   been kept since the next kept heading of level k or above. */
static void prune_empty(arena *a, doc *d)
{
  bool seen[4] = {false, false, false, false};
  bool *keep = ARENA_ARRAY(a, bool, d->n + 1);
  for (size_t i = d->n; i-- > 0;) {
    const doc_block *b = &d->blocks[i];
    if (b->kind == DOC_PAGEBREAK) {
      keep[i] = true;
    } else if (b->kind != DOC_HEADING) {
      keep[i] = true;
      bool barrier = b->kind == DOC_TOC || b->kind == DOC_COVER_BEGIN ||
                     b->kind == DOC_COVER_END;
      for (int k = 1; k <= 3; k++)
        seen[k] = !barrier;
    } else {
      int lv = b->level < 1 ? 1 : b->level > 3 ? 3 : b->level;
      keep[i] = seen[lv];
      if (keep[i])
        for (int k = lv; k <= 3; k++)
          seen[k] = false;
    }
  }
  size_t n = 0;
  for (size_t i = 0; i < d->n; i++)
    if (keep[i])
      d->blocks[n++] = d->blocks[i];
  d->n = n;
}

doc *tmpl_expand(arena *a, diag_list *dl, const tmpl *t, const value *results,
                 bool exercise)
{
  expander x;
  memset(&x, 0, sizeof x);
  x.a = a;
  x.dl = dl;
  x.root = results;
  x.d = ARENA_NEW(a, doc);
  x.exercise = exercise;
  x.base = arena_used(a);
  expr_budget_init(&x.eb);
  expand_list(&x, &t->top, NULL);
  if (x.stopped)
    return NULL;
  prune_empty(a, x.d);
  /* a group's results (rollup) are named by the group */
  bool group = val_path(results, "group.name.zh") != NULL;
  const value *zh =
      val_path(results, group ? "group.name.zh" : "facility.name.zh");
  const value *en =
      val_path(results, group ? "group.name.en" : "facility.name.en");
  x.d->short_name.zh = zh && zh->kind == VAL_STR ? zh->str : "";
  x.d->short_name.en = en && en->kind == VAL_STR ? en->str : "";
  x.d->title.zh = group ? "集团能源消费与碳排放合并报告"
                        : "能源审计报告（及碳排放审计）";
  x.d->title.en = group ? "Consolidated Energy and Carbon Report of the Group"
                        : "Energy Audit Report and Carbon Audit";
  return x.d;
}
/* }====================================================== */
