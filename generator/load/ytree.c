/* ytree.c — libyaml events to a ynode tree (see ytree.h).
 *
 * Input: bytes of one YAML document. Output: a tree in the arena, or NULL
 * with diagnostics. Invariants: every node has a position; mapping keys
 * are scalars and unique; no pointer into libyaml survives an event. */
#include "ytree.h"

#include "../base/fileio.h"

#include <errno.h>
#include <stdint.h>
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
  /* Twice the largest file: a file without aliases never comes near it,
     one long string repeated by aliases does. */
  l.max_expanded = 2 * l.max_bytes;
  return l;
}

/* A mapping with more pairs than this gets a hash index of its keys. */
#define INDEX_FROM 8

/* {====================================================== key index */

struct yindex {
  uint32_t *slots; /* pair index + 1; 0 = empty */
  size_t cap;      /* a power of two, at least twice the pairs */
};

static uint64_t hash_key(const char *s, size_t len)
{
  uint64_t h = 1469598103934665603u;
  for (size_t i = 0; i < len; i++)
    h = (h ^ (unsigned char)s[i]) * 1099511628211u;
  return h;
}

/* The slot of key in the index over items (key, value, key, value…):
   the key's slot, or the empty slot where it would go. */
static size_t index_slot(const uint32_t *slots, size_t cap, ynode *const *items,
                         const char *key, size_t len)
{
  size_t i = (size_t)hash_key(key, len) & (cap - 1);
  while (slots[i]) {
    const ynode *k = items[2 * (slots[i] - 1)];
    /* a key that is not a scalar has no text (str NULL, len 0) */
    if (k->len == len && (len == 0 || memcmp(k->str, key, len) == 0))
      break;
    i = (i + 1) & (cap - 1);
  }
  return i;
}

/* }====================================================== */

struct anchor {
  const char *name;
  ynode *node;
  struct anchor *next;
};

struct frame {
  ynode *node;
  ynode **items; /* growable child list (heap) */
  size_t n, cap;
  uint32_t *slots; /* a mapping's key index once it is long (heap) */
  size_t slots_cap;
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
  size_t nodes, expanded;
  ynode *root;
  bool failed; /* stop reading: the tree cannot be finished */
  bool bad;    /* an error was reported: no tree, but reading goes on */
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

/* Counts nodes and bytes toward the budget; false (reported once, at pos)
   when they pass it. */
static bool count(struct builder *b, size_t nodes, size_t bytes, src_pos pos,
                  const char *alias)
{
  b->nodes += nodes;
  b->expanded += nodes + bytes;
  if (b->nodes <= b->lim->max_nodes && b->expanded <= b->lim->max_expanded)
    return true;
  if (!b->failed) {
    if (b->nodes > b->lim->max_nodes && alias)
      diag_error(b->dl, pos,
                 "document too large: alias *%s repeats %zu nodes, and the "
                 "document passes %zu nodes with aliases expanded (an alias "
                 "bomb?)",
                 alias, nodes, b->lim->max_nodes);
    else if (b->nodes > b->lim->max_nodes)
      diag_error(b->dl, pos,
                 "document too large: more than %zu nodes",
                 b->lim->max_nodes);
    else if (alias)
      diag_error(b->dl, pos,
                 "document too large: alias *%s repeats %zu bytes, and the "
                 "document passes %zu bytes with aliases expanded (an alias "
                 "bomb?)",
                 alias, nodes + bytes, b->lim->max_expanded);
    else
      diag_error(b->dl, pos,
                 "document too large: more than %zu bytes with aliases "
                 "expanded",
                 b->lim->max_expanded);
  }
  b->failed = true;
  return false;
}

static void push_child(struct frame *f, ynode *child)
{
  if (f->n == f->cap) {
    f->cap = f->cap ? f->cap * 2 : 8;
    f->items = mem_realloc(f->items, sizeof *f->items * f->cap);
  }
  f->items[f->n++] = child;
}

/* Rebuilds the frame's key index at twice its pairs or more. */
static void grow_index(struct frame *f, size_t pairs)
{
  size_t cap = f->slots_cap ? f->slots_cap : 32;
  while (cap < 2 * (pairs + 1))
    cap *= 2;
  if (cap == f->slots_cap)
    return;
  mem_free(f->slots);
  f->slots = mem_alloc(sizeof *f->slots * cap);
  f->slots_cap = cap;
  for (size_t i = 0; i < pairs; i++) {
    const ynode *k = f->items[2 * i];
    f->slots[index_slot(f->slots, cap, f->items, k->str, k->len)] =
        (uint32_t)(i + 1);
  }
}

/* The pair index of a key already in the frame's mapping, or -1. */
static long find_key(struct frame *f, const ynode *key)
{
  size_t pairs = f->n / 2;
  if (pairs < INDEX_FROM) {
    for (size_t i = 0; i < pairs; i++) {
      const ynode *k = f->items[2 * i];
      if (k->len == key->len &&
          (k->len == 0 || memcmp(k->str, key->str, k->len) == 0))
        return (long)i;
    }
    return -1;
  }
  grow_index(f, pairs);
  size_t s = index_slot(f->slots, f->slots_cap, f->items, key->str, key->len);
  return f->slots[s] ? (long)f->slots[s] - 1 : -1;
}

/* Adds a finished node to its parent, or makes it the root. Checks
   duplicate mapping keys and non-scalar keys. */
static void attach(struct builder *b, ynode *node)
{
  if (b->depth == 0) {
    b->root = node;
    return;
  }
  struct frame *f = &b->stack[b->depth - 1];
  if (f->node->kind == YN_MAP && f->n % 2 == 0) {
    if (node->kind != YN_SCALAR) {
      diag_error(b->dl, node->pos, "a mapping key must be a plain string, "
                                   "not %s",
                 ytree_kind_name(node));
      b->bad = true;
    } else {
      long first = find_key(f, node);
      if (first >= 0) {
        diag_error(b->dl, node->pos,
                   "duplicate key \"%s\" (first at line %d)", node->str,
                   f->items[2 * first]->pos.line);
        b->bad = true;
      } else if (f->slots) {
        f->slots[index_slot(f->slots, f->slots_cap, f->items, node->str,
                            node->len)] = (uint32_t)(f->n / 2 + 1);
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

/* Refuses a tag that would change what a node means: only !!str on a
   scalar (it stays text), !!seq on a list and !!map on a mapping are
   accepted, and the non-specific "!". */
static void check_tag(struct builder *b, const yaml_char_t *tag,
                      ynode_kind kind, src_pos pos)
{
  if (!tag)
    return;
  const char *t = (const char *)tag;
  static const char core[] = "tag:yaml.org,2002:";
  static const char *const same[] = {"str", "seq", "map"};
  bool core_tag = strncmp(t, core, sizeof core - 1) == 0;
  const char *shortname = core_tag ? t + sizeof core - 1 : t;
  if (strcmp(t, "!") == 0 ||
      (core_tag && strcmp(shortname, same[kind]) == 0))
    return;
  bool misplaced = false;
  for (int k = 0; k < 3 && core_tag; k++)
    misplaced |= strcmp(shortname, same[k]) == 0;
  if (misplaced)
    diag_error(b->dl, pos, "tag !!%s does not fit %s", shortname,
               kind == YN_SCALAR ? "a string"
               : kind == YN_SEQ  ? "a list"
                                 : "a mapping");
  else
    diag_error(b->dl, pos, "tag %s%s is not supported: a facility file holds "
                           "plain values (write the value without the tag)",
               core_tag ? "!!" : "", shortname);
  b->bad = true;
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
  check_tag(b,
            kind == YN_MAP ? ev->data.mapping_start.tag
                           : ev->data.sequence_start.tag,
            kind, node->pos);
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
  node->height = 1;
  for (size_t i = 0; i < f->n; i++) {
    node->weight += f->items[i]->weight;
    node->bytes += f->items[i]->bytes;
    if (f->items[i]->height >= node->height)
      node->height = (unsigned char)(f->items[i]->height + 1);
  }
  if (node->kind == YN_MAP && node->n >= INDEX_FROM) {
    grow_index(f, node->n);
    struct yindex *ix = ARENA_NEW(b->a, struct yindex);
    ix->cap = f->slots_cap;
    ix->slots = ARENA_ARRAY(b->a, uint32_t, ix->cap);
    memcpy(ix->slots, f->slots, sizeof *ix->slots * ix->cap);
    node->index = ix;
  }
  mem_free(f->items);
  mem_free(f->slots);
  if (count(b, 1, 0, node->pos, NULL))
    attach(b, node);
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
    return;
  }
  check_tag(b, ev->data.scalar.tag, YN_SCALAR, node->pos);
  if (ev->data.scalar.tag)
    node->plain = false; /* !!str null is the text "null" */
  node->str = arena_strndup(b->a, (const char *)ev->data.scalar.value, len);
  node->len = len;
  node->bytes = (uint32_t)len;
  remember_anchor(b, ev->data.scalar.anchor, node);
  if (count(b, 1, len, node->pos, NULL))
    attach(b, node);
}

/* A copy of the subtree at n whose nodes all stand at pos (an alias);
   strings and key indexes are shared. */
static ynode *copy_at(struct builder *b, const ynode *n, src_pos pos)
{
  ynode *c = ARENA_NEW(b->a, ynode);
  *c = *n;
  c->pos = pos;
  if (n->kind != YN_SCALAR) {
    size_t k = n->kind == YN_MAP ? 2 * n->n : n->n;
    c->kids = ARENA_ARRAY(b->a, ynode *, k ? k : 1);
    for (size_t i = 0; i < k; i++)
      c->kids[i] = copy_at(b, n->kids[i], pos);
  }
  return c;
}

static void add_alias(struct builder *b, yaml_event_t *ev)
{
  const char *name = (const char *)ev->data.alias.anchor;
  src_pos pos = pos_of(b->name, ev->start_mark, ev->end_mark);
  for (struct anchor *an = b->anchors; an; an = an->next)
    if (strcmp(an->name, name) == 0) {
      const ynode *n = an->node;
      if (!n->weight) {
        /* The anchored collection is still open: a recursive alias. */
        diag_error(b->dl, pos, "alias *%s refers to a node that contains it",
                   name);
        b->failed = true;
        return;
      }
      if (b->depth + n->height > b->lim->max_depth) {
        diag_error(b->dl, pos,
                   "nesting deeper than %d levels through alias *%s",
                   b->lim->max_depth, name);
        b->failed = true;
        return;
      }
      /* The budget first: the copy costs what it counts. */
      if (!count(b, n->weight, n->bytes, pos, name))
        return;
      diag_note_alias(b->dl, pos, name, n->pos);
      attach(b, copy_at(b, n, pos));
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
  if (p->error == YAML_READER_ERROR) {
    size_t off = p->problem_offset < len ? p->problem_offset : len;
    src_pos pos = diag_locate(b->name, text, len, off, DIAG_LINES_YAML);
    if (p->problem && strstr(p->problem, "control characters"))
      diag_error(b->dl, pos, "a control character (U+%04X at byte %zu): "
                             "YAML text may not hold one",
                 (unsigned)p->problem_value, off);
    else
      diag_error(b->dl, pos, "not valid UTF-8 text (%s at byte %zu)",
                 p->problem ? p->problem : "bad byte", off);
    return;
  }
  src_pos pos = {b->name, (int)p->problem_mark.line + 1,
                 (int)p->problem_mark.column + 1, 0};
  /* the mark counts characters: find its byte */
  size_t at = diag_offset(text, len, pos.line, pos.col, DIAG_LINES_YAML);
  if (at < len && text[at] == '\t') {
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

/* The encoding of text that is not UTF-8 but UTF-16 or UTF-32, by its
   byte order mark or, without one, by the NUL bytes of ASCII characters;
   NULL otherwise. */
static const char *wide_encoding(const unsigned char *t, size_t len)
{
  if (len >= 4 && !memcmp(t, "\xFF\xFE\0\0", 4))
    return "UTF-32 (little-endian)";
  if (len >= 4 && !memcmp(t, "\0\0\xFE\xFF", 4))
    return "UTF-32 (big-endian)";
  if (len >= 2 && t[0] == 0xFF && t[1] == 0xFE)
    return "UTF-16 (little-endian)";
  if (len >= 2 && t[0] == 0xFE && t[1] == 0xFF)
    return "UTF-16 (big-endian)";
  if (len >= 4 && t[0] && !t[1] && t[2] && !t[3])
    return "UTF-16 (little-endian)";
  if (len >= 4 && !t[0] && t[1] && !t[2] && t[3])
    return "UTF-16 (big-endian)";
  return NULL;
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
  const char *enc = wide_encoding((const unsigned char *)text, len);
  if (enc) {
    diag_error(dl, whole, "the file is %s text: a facility file is UTF-8 "
                          "(save it as UTF-8)",
               enc);
    return NULL;
  }
  const char *nul = memchr(text, '\0', len);
  if (nul) {
    size_t off = (size_t)(nul - text);
    diag_error(dl, diag_locate(name, text, len, off, DIAG_LINES_YAML),
               "binary data (a NUL byte at offset %zu): a facility "
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
  while (b.depth > 0) {
    b.depth--;
    mem_free(b.stack[b.depth].items);
    mem_free(b.stack[b.depth].slots);
  }
  mem_free(b.stack);
  if (b.failed || b.bad)
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
  diag_add_source_lines(dl, name, kept, len, DIAG_LINES_YAML);
  return ytree_load_string(a, dl, kept, len, name, lim);
}

ynode *ytree_get(const ynode *map, const char *key)
{
  if (!map || map->kind != YN_MAP)
    return NULL;
  size_t klen = strlen(key);
  if (map->index) {
    size_t s = index_slot(map->index->slots, map->index->cap, map->kids, key,
                          klen);
    uint32_t v = map->index->slots[s];
    return v ? map->kids[2 * (v - 1) + 1] : NULL;
  }
  for (size_t i = 0; i < map->n; i++) {
    const ynode *k = map->kids[2 * i];
    if (k->len == klen && (klen == 0 || memcmp(k->str, key, klen) == 0))
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
