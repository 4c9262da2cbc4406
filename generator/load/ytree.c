/* ytree.c — libyaml events to a ynode tree (see ytree.h).
 *
 * Input: bytes of one YAML document. Output: a tree in the arena, or NULL
 * with diagnostics. Invariants: every node has a position; mapping keys
 * are scalars and unique; no pointer into libyaml survives an event. */
#include "ytree.h"

#include "../base/fileio.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <yaml.h>

ytree_limits ytree_default_limits(void)
{
  ytree_limits l;
  l.max_bytes = 32u * 1024u * 1024u;
  l.max_depth = 64;
  l.max_scalar = 64u * 1024u;
  l.max_nodes = 2000000;
  return l;
}

/* Keys in one mapping: the duplicate check is quadratic, and no facility
   or rule mapping comes near this. */
#define MAX_KEYS 4096

struct anchor {
  const char *name;
  ynode *node;
  struct anchor *next;
};

struct frame {
  ynode *node;
  ynode **items; /* growable child list (heap) */
  size_t n, cap;
  src_pos open;  /* where the collection opened, for unclosed messages */
};

struct builder {
  arena *a;
  diag_list *dl;
  const char *name;
  const ytree_limits *lim;
  struct frame *stack;
  int depth, cap;
  struct anchor *anchors;
  size_t nodes;
  ynode *root;
  bool failed;
};

static src_pos pos_of(const char *name, yaml_mark_t m, yaml_mark_t end)
{
  src_pos p;
  p.file = name;
  p.line = (int)m.line + 1;
  p.col = (int)m.column + 1;
  p.len = end.line == m.line && end.column > m.column
              ? (int)(end.column - m.column)
              : 0;
  return p;
}

static void push_child(struct frame *f, ynode *child)
{
  if (f->n == f->cap) {
    f->cap = f->cap ? f->cap * 2 : 8;
    f->items = mem_realloc(f->items, sizeof *f->items * f->cap);
  }
  f->items[f->n++] = child;
}

/* Adds a finished node to its parent, or makes it the root. Checks
   duplicate mapping keys and non-scalar keys. */
static void attach(struct builder *b, ynode *node, bool alias)
{
  /* A new node counts once (its children counted themselves); an alias
     counts the whole subtree it repeats. */
  b->nodes += alias ? node->weight : 1;
  if (b->nodes > b->lim->max_nodes) {
    if (!b->failed)
      diag_error(b->dl, node->pos,
                 "document too large: more than %zu nodes with aliases "
                 "expanded (an alias bomb?)",
                 b->lim->max_nodes);
    b->failed = true;
    return;
  }
  if (b->depth == 0) {
    b->root = node;
    return;
  }
  struct frame *f = &b->stack[b->depth - 1];
  if (f->node->kind == YN_MAP && f->n % 2 == 0) {
    if (f->n / 2 >= MAX_KEYS) {
      if (!b->failed)
        diag_error(b->dl, node->pos, "a mapping of more than %d keys", MAX_KEYS);
      b->failed = true;
      return;
    }
    if (node->kind != YN_SCALAR) {
      diag_error(b->dl, node->pos, "a mapping key must be a plain string, "
                                   "not %s",
                 ytree_kind_name(node));
      b->failed = true;
    } else {
      for (size_t i = 0; i < f->n; i += 2) {
        const ynode *k = f->items[i];
        if (k->len == node->len && memcmp(k->str, node->str, k->len) == 0) {
          diag_error(b->dl, node->pos,
                     "duplicate key \"%s\" (first at line %d)", node->str,
                     k->pos.line);
          b->failed = true;
          break;
        }
      }
    }
  }
  push_child(f, node);
}

static void remember_anchor(struct builder *b, yaml_char_t *anchor,
                            ynode *node)
{
  if (!anchor)
    return;
  struct anchor *an = ARENA_NEW(b->a, struct anchor);
  an->name = arena_strdup(b->a, (const char *)anchor);
  an->node = node;
  an->next = b->anchors; /* newest first: a redefined anchor wins */
  b->anchors = an;
}

static void open_collection(struct builder *b, ynode_kind kind,
                            yaml_event_t *ev)
{
  if (b->depth >= b->lim->max_depth) {
    diag_error(b->dl, pos_of(b->name, ev->start_mark, ev->start_mark),
               "nesting deeper than %d levels", b->lim->max_depth);
    b->failed = true;
    return;
  }
  if (b->depth == b->cap) {
    b->cap = b->cap ? b->cap * 2 : 16;
    b->stack = mem_realloc(b->stack, sizeof *b->stack * (size_t)b->cap);
  }
  ynode *node = ARENA_NEW(b->a, ynode);
  node->kind = kind;
  node->pos = pos_of(b->name, ev->start_mark, ev->start_mark);
  node->pos.len = 0;
  struct frame *f = &b->stack[b->depth++];
  memset(f, 0, sizeof *f);
  f->node = node;
  f->open = node->pos;
  yaml_char_t *anchor = kind == YN_MAP ? ev->data.mapping_start.anchor
                                       : ev->data.sequence_start.anchor;
  remember_anchor(b, anchor, node);
}

static void close_collection(struct builder *b)
{
  struct frame *f = &b->stack[--b->depth];
  ynode *node = f->node;
  node->kids = ARENA_ARRAY(b->a, ynode *, f->n ? f->n : 1);
  if (f->n)
    memcpy(node->kids, f->items, sizeof *f->items * f->n);
  node->n = node->kind == YN_MAP ? f->n / 2 : f->n;
  node->weight = 1;
  for (size_t i = 0; i < f->n; i++)
    node->weight += f->items[i]->weight;
  mem_free(f->items);
  attach(b, node, false);
}

static void add_scalar(struct builder *b, yaml_event_t *ev)
{
  size_t len = ev->data.scalar.length;
  ynode *node = ARENA_NEW(b->a, ynode);
  node->kind = YN_SCALAR;
  node->pos = pos_of(b->name, ev->start_mark, ev->end_mark);
  node->weight = 1;
  node->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
  if (len > b->lim->max_scalar) {
    diag_error(b->dl, node->pos, "string of %zu bytes is longer than the "
                                 "limit of %zu",
               len, b->lim->max_scalar);
    b->failed = true;
    len = 0;
  }
  node->str = arena_strndup(b->a, (const char *)ev->data.scalar.value, len);
  node->len = len;
  remember_anchor(b, ev->data.scalar.anchor, node);
  attach(b, node, false);
}

static void add_alias(struct builder *b, yaml_event_t *ev)
{
  const char *name = (const char *)ev->data.alias.anchor;
  src_pos pos = pos_of(b->name, ev->start_mark, ev->end_mark);
  for (struct anchor *an = b->anchors; an; an = an->next)
    if (strcmp(an->name, name) == 0) {
      if (!an->node->weight) {
        /* The anchored collection is still open: a recursive alias. */
        diag_error(b->dl, pos, "alias *%s refers to a node that contains it",
                   name);
        b->failed = true;
        return;
      }
      attach(b, an->node, true);
      return;
    }
  diag_error(b->dl, pos, "unknown anchor *%s", name);
  b->failed = true;
}

/* Turns libyaml's parser error into one diagnostic. libyaml's reader
   errors carry a byte offset, the others a mark. */
static void parser_error(struct builder *b, yaml_parser_t *p,
                         const char *text, size_t len)
{
  src_pos pos = {b->name, 1, 1, 0};
  if (p->error == YAML_READER_ERROR) {
    size_t off = p->problem_offset < len ? p->problem_offset : len;
    for (size_t i = 0; i < off; i++) {
      if (text[i] == '\n') {
        pos.line++;
        pos.col = 1;
      } else if (((unsigned char)text[i] & 0xC0) != 0x80) {
        pos.col++;
      }
    }
    diag_error(b->dl, pos, "not valid UTF-8 text (%s at byte %zu)",
               p->problem ? p->problem : "bad byte", off);
    return;
  }
  pos.line = (int)p->problem_mark.line + 1;
  pos.col = (int)p->problem_mark.column + 1;
  if (p->problem_mark.index < len && text[p->problem_mark.index] == '\t') {
    diag_error(b->dl, pos, "a tab character in indentation: YAML indents "
                           "with spaces only");
    return;
  }
  if (p->context)
    diag_error(b->dl, pos, "YAML syntax error: %s %s (line %d, column %d)",
               p->problem ? p->problem : "?", p->context,
               (int)p->context_mark.line + 1, (int)p->context_mark.column + 1);
  else
    diag_error(b->dl, pos, "YAML syntax error: %s",
               p->problem ? p->problem : "malformed input");
}

ynode *ytree_load_string(arena *a, diag_list *dl, const char *text, size_t len,
                         const char *name, const ytree_limits *lim)
{
  src_pos whole = {name, 0, 0, 0};
  if (len > lim->max_bytes) {
    diag_error(dl, whole, "file of %zu bytes is larger than the limit of %zu",
               len, lim->max_bytes);
    return NULL;
  }
  const char *nul = memchr(text, '\0', len);
  if (nul) {
    size_t off = (size_t)(nul - text);
    int line = 1, col = 1;
    for (size_t i = 0; i < off; i++) {
      if (text[i] == '\n') {
        line++;
        col = 1;
      } else if (((unsigned char)text[i] & 0xC0) != 0x80) {
        col++;
      }
    }
    src_pos p = {name, line, col, 0};
    diag_error(dl, p, "binary data (a NUL byte at offset %zu): a facility "
                      "file is UTF-8 YAML text",
               off);
    return NULL;
  }
  size_t blank = 0;
  while (blank < len && strchr(" \t\r\n", text[blank]))
    blank++;
  if (blank == len) {
    diag_error(dl, whole, "file is empty");
    return NULL;
  }

  struct builder b;
  memset(&b, 0, sizeof b);
  b.a = a;
  b.dl = dl;
  b.name = name;
  b.lim = lim;

  yaml_parser_t parser;
  yaml_parser_initialize(&parser);
  yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
  int documents = 0;
  bool done = false;
  while (!done && !b.failed) {
    yaml_event_t ev;
    if (!yaml_parser_parse(&parser, &ev)) {
      parser_error(&b, &parser, text, len);
      b.failed = true;
      break;
    }
    switch (ev.type) {
    case YAML_DOCUMENT_START_EVENT:
      if (++documents > 1) {
        diag_error(dl, pos_of(name, ev.start_mark, ev.start_mark),
                   "a second YAML document: a file holds exactly one");
        b.failed = true;
      }
      break;
    case YAML_SCALAR_EVENT:
      add_scalar(&b, &ev);
      break;
    case YAML_ALIAS_EVENT:
      add_alias(&b, &ev);
      break;
    case YAML_SEQUENCE_START_EVENT:
      open_collection(&b, YN_SEQ, &ev);
      break;
    case YAML_MAPPING_START_EVENT:
      open_collection(&b, YN_MAP, &ev);
      break;
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
      close_collection(&b);
      break;
    case YAML_STREAM_END_EVENT:
      done = true;
      break;
    default:
      break;
    }
    yaml_event_delete(&ev);
  }
  yaml_parser_delete(&parser);
  while (b.depth > 0)
    mem_free(b.stack[--b.depth].items);
  mem_free(b.stack);
  if (b.failed)
    return NULL;
  if (!b.root) {
    diag_error(dl, whole, "file holds no YAML document");
    return NULL;
  }
  return b.root;
}

ynode *ytree_load_file(arena *a, diag_list *dl, const char *path,
                       const char *name, const ytree_limits *lim,
                       bool *io_error)
{
  src_pos whole = {name, 0, 0, 0};
  *io_error = false;
  size_t len;
  int err;
  char *text = file_read_regular(path, lim->max_bytes, &len, &err);
  if (!text) {
    if (err == FILE_ERR_TOO_LARGE) {
      diag_error(dl, whole, "file is larger than the limit of %zu bytes",
                 lim->max_bytes);
    } else {
      diag_error(dl, whole, "cannot %s: %s", err > 0 ? "open" : "read",
                 file_strerror(err));
      *io_error = true;
    }
    return NULL;
  }
  char *kept = arena_strndup(a, text, len);
  mem_free(text);
  diag_add_source(dl, name, kept, len);
  return ytree_load_string(a, dl, kept, len, name, lim);
}

ynode *ytree_get(const ynode *map, const char *key)
{
  if (!map || map->kind != YN_MAP)
    return NULL;
  size_t klen = strlen(key);
  for (size_t i = 0; i < map->n; i++) {
    const ynode *k = map->kids[2 * i];
    if (k->len == klen && memcmp(k->str, key, klen) == 0)
      return map->kids[2 * i + 1];
  }
  return NULL;
}

const char *ytree_kind_name(const ynode *n)
{
  if (!n)
    return "nothing";
  switch (n->kind) {
  case YN_SCALAR:
    return ytree_is_null(n) ? "an empty value" : "a string";
  case YN_SEQ:
    return "a list";
  case YN_MAP:
    return "a mapping";
  }
  return "?";
}

bool ytree_is_null(const ynode *n)
{
  if (!n || n->kind != YN_SCALAR || !n->plain)
    return false;
  return n->len == 0 || strcmp(n->str, "~") == 0 ||
         strcmp(n->str, "null") == 0 || strcmp(n->str, "Null") == 0 ||
         strcmp(n->str, "NULL") == 0;
}
