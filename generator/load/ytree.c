/* ytree.c — libyaml events to a ynode tree (see ytree.h).
 *
 * Input: bytes of one YAML document. Output: a tree in the arena, or NULL
 * with diagnostics. Invariants: every node has a position; mapping keys
 * are scalars and unique; no pointer into libyaml survives an event. */
#include "ytree.h"

#include "../base/buf.h"
#include "../base/fileio.h"
#include "ycache.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
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
  arena *a;    /* nodes, child arrays, key indexes, anchors */
  arena *strs; /* scalar text (may be a: see ytree_load_file_apart) */
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
  bool aliased; /* an alias was expanded (the diag list knows it) */
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
  node->str = arena_strndup(b->strs, (const char *)ev->data.scalar.value, len);
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
      b->aliased = true;
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

/* ytree_load_string, the nodes in a and the scalars' text in strs;
   *aliased tells whether an alias was expanded. */
static ynode *parse_text(arena *a, arena *strs, diag_list *dl,
                         const char *text, size_t len, const char *name,
                         const ytree_limits *lim, bool *aliased)
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
  b.strs = strs;
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
  *aliased = b.aliased;
  return b.root;
}

ynode *ytree_load_string(arena *a, diag_list *dl, const char *text, size_t len,
                         const char *name, const ytree_limits *lim)
{
  bool aliased;
  return parse_text(a, a, dl, text, len, name, lim, &aliased);
}

ynode *ytree_load_string_apart(arena *a, arena *nodes, diag_list *dl,
                               const char *text, size_t len, const char *name,
                               const ytree_limits *lim)
{
  bool aliased;
  return parse_text(nodes, a, dl, text, len, name, lim, &aliased);
}

/* The text of the file at path, NUL-terminated, in the arena; NULL with
   *err as file_read_regular sets it. Read straight into the arena when
   the file is as long as it says (a rule file is read on every run: a
   copy of 650 KB costs as much as the read), else through
   file_read_regular (a file that changes while it is read). */
static char *read_text(arena *a, const char *path, size_t max_bytes,
                       size_t *len, int *err)
{
  int fd = file_open_read(path, max_bytes, err);
  if (fd < 0)
    return NULL;
  struct stat st;
  if (fstat(fd, &st) == 0) {
    size_t size = (size_t)st.st_size, n = 0;
    char *text = arena_alloc(a, size + 2);
    /* one byte more than the size, to see a file that has grown */
    while (n < size + 1) {
      ssize_t got = read(fd, text + n, size + 1 - n);
      if (got < 0 && errno == EINTR)
        continue;
      if (got <= 0)
        break;
      n += (size_t)got;
    }
    if (n == size) {
      close(fd);
      text[n] = '\0';
      *len = n;
      return text;
    }
  }
  close(fd);
  char *heap = file_read_regular(path, max_bytes, len, err);
  if (!heap)
    return NULL;
  char *text = arena_strndup(a, heap, *len);
  mem_free(heap);
  return text;
}

/* Reads path (errors as ytree_load_file) and parses it, through the
   cache of parsed trees when cached (its key to key_out when not NULL).
   The text and the scalars go to a, the nodes to nodes (a or an arena of
   their own). */
/* {====================================================== pruned trees */

/* A copy of n whose sequences at path (from n) have each item replaced by
   a null scalar at the item's position; the rest shared with n. */
static const ynode *prune_copy(arena *t, const ynode *n,
                               const char *const *path)
{
  if (!*path) {
    if (n->kind != YN_SEQ)
      return n;
    ynode *c = ARENA_NEW(t, ynode);
    *c = *n;
    c->kids = ARENA_ARRAY(t, ynode *, n->n + 1);
    for (size_t i = 0; i < n->n; i++) {
      ynode *z = ARENA_NEW(t, ynode);
      z->kind = YN_SCALAR;
      z->plain = true;
      z->pos = n->kids[i]->pos;
      z->str = "";
      z->weight = 1;
      c->kids[i] = z;
    }
    return c;
  }
  if (n->kind != YN_MAP)
    return n;
  ynode *c = ARENA_NEW(t, ynode);
  *c = *n;
  c->kids = ARENA_ARRAY(t, ynode *, 2 * n->n + 1);
  for (size_t i = 0; i < n->n; i++) {
    const ynode *k = n->kids[2 * i], *v = n->kids[2 * i + 1];
    bool on = strcmp(*path, "*") == 0 ||
              (k->kind == YN_SCALAR && strcmp(k->str, *path) == 0 &&
               k->len == strlen(*path));
    c->kids[2 * i] = (ynode *)k;
    c->kids[2 * i + 1] = (ynode *)(on ? prune_copy(t, v, path + 1) : v);
  }
  return c;
}

/* The key of the pruned tree of the text of key k. */
static bool prune_key(ycache_key *pk, const ycache_key *k,
                      const char *const *prune)
{
  char what[200] = "pruned tree";
  size_t at = strlen(what);
  for (size_t i = 0; prune[i]; i++) {
    int n = snprintf(what + at, sizeof what - at, " %s", prune[i]);
    if (n <= 0 || (size_t)n >= sizeof what - at)
      return false;
    at += (size_t)n;
  }
  return ycache_mark_key(pk, what, k->h);
}

static void put_pruned(const ycache_key *pk, const ynode *root,
                       const char *const *prune)
{
  arena *t = arena_new();
  ycache_put(pk, prune_copy(t, root, prune));
  arena_free(t);
}

const ynode *ytree_whole_tree(ytree_whole *w)
{
  if (w->root)
    return w->root;
  ycache_key k;
  memcpy(k.h, w->key, sizeof k.h);
  arena *nodes = w->nodes ? w->nodes : w->a;
  w->root = ycache_get(nodes, w->lim.own_scalars ? w->a : NULL, &k, w->name);
  if (!w->root) {
    /* parsed without a word before (or its pruned form was not stored) */
    bool aliased;
    w->root = parse_text(nodes, w->a, diag_new(nodes), w->text, w->len,
                         w->name, &w->lim, &aliased);
    if (w->root && !aliased)
      ycache_put(&k, w->root);
  }
  return w->root;
}

/* }====================================================== */

typedef struct prune_req {
  const char *const *path;
  bool (*want)(void *ctx, const uint64_t key[2]);
  void *ctx;
  ytree_whole **whole;
} prune_req;

static ynode *load_file(arena *a, arena *nodes, diag_list *dl,
                        const char *path, const char *name,
                        const ytree_limits *lim, bool *io_error, bool cached,
                        uint64_t *key_out, const prune_req *pr)
{
  if (pr)
    *pr->whole = NULL;
  if (key_out)
    key_out[0] = key_out[1] = 0;
  src_pos whole = {name, 0, 0, 0};
  *io_error = false;
  size_t len;
  int err;
  /* a cached file is a rule file, read whole on every run: mapped */
  const char *kept = cached ? file_map_text(path, lim->max_bytes, &len, &err)
                            : read_text(a, path, lim->max_bytes, &len, &err);
  if (!kept) {
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
  diag_add_source_lines(dl, name, kept, len, DIAG_LINES_YAML);
  bool aliased = false;
  /* a small text's nodes stay in a: an arena of their own would take a
     block of its own (a 2 MiB huge page on the first fault) to give back
     little (batch: 1.6 more page faults a facility) */
  if (!cached)
    return parse_text(len >= YTREE_APART_MIN ? nodes : a, a, dl, kept, len,
                      name, lim, &aliased);
  ycache_key key;
  bool use = ycache_key_of(&key, kept, len, lim);
  if (use && key_out)
    memcpy(key_out, key.h, sizeof key.h);
  /* a pruned tree when the caller can do with one and it is stored;
     when it is not (or is damaged), it is stored from the whole tree */
  ycache_key pk;
  bool prune = use && pr && prune_key(&pk, &key, pr->path);
  if (prune && pr->want(pr->ctx, key.h)) {
    ynode *p = ycache_get(a, lim->own_scalars ? a : NULL, &pk, name);
    if (p) {
      ytree_whole *w = ARENA_NEW(a, ytree_whole);
      *w = (ytree_whole){a, NULL, kept, len, name, *lim,
                         {key.h[0], key.h[1]}, NULL};
      *pr->whole = w;
      return p;
    }
  } else {
    prune = false;
  }
  ynode *root =
      use ? ycache_get(nodes, lim->own_scalars ? a : NULL, &key, name) : NULL;
  if (root) {
    if (prune)
      put_pruned(&pk, root, pr->path);
    return root;
  }
  root = parse_text(nodes, a, dl, kept, len, name, lim, &aliased);
  /* Only a tree that loaded without a word (no error, no alias note for
     later messages) is kept: what is printed never depends on the cache. */
  if (use && root && !aliased) {
    ycache_put(&key, root);
    if (pr && prune_key(&pk, &key, pr->path))
      put_pruned(&pk, root, pr->path);
  }
  return root;
}

ynode *ytree_load_file(arena *a, diag_list *dl, const char *path,
                       const char *name, const ytree_limits *lim,
                       bool *io_error)
{
  return load_file(a, a, dl, path, name, lim, io_error, false, NULL, NULL);
}

ynode *ytree_load_file_apart(arena *a, arena *nodes, diag_list *dl,
                             const char *path, const char *name,
                             const ytree_limits *lim, bool *io_error)
{
  return load_file(a, nodes, dl, path, name, lim, io_error, false, NULL, NULL);
}

ynode *ytree_load_file_cached(arena *a, arena *nodes, diag_list *dl,
                              const char *path, const char *name,
                              const ytree_limits *lim, bool *io_error)
{
  return load_file(a, nodes, dl, path, name, lim, io_error, true, NULL, NULL);
}

ynode *ytree_load_file_keyed(arena *a, arena *nodes, diag_list *dl,
                             const char *path, const char *name,
                             const ytree_limits *lim, bool *io_error,
                             uint64_t key[2])
{
  return load_file(a, nodes, dl, path, name, lim, io_error, true, key, NULL);
}

ynode *ytree_load_file_pruned(arena *a, diag_list *dl, const char *path,
                              const char *name, const ytree_limits *lim,
                              bool *io_error, uint64_t key[2],
                              const char *const *prune,
                              bool (*want)(void *ctx, const uint64_t key[2]),
                              void *ctx, ytree_whole **whole)
{
  prune_req pr = {prune, want, ctx, whole};
  return load_file(a, a, dl, path, name, lim, io_error, true, key, &pr);
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
  /* a plain scalar has no NUL inside (only "..." escapes one): its
     length tells first (13,000 calls a check of the cement sample) */
  const char *t = n->str;
  return n->len == 0 || (n->len == 1 && t[0] == '~') ||
         (n->len == 4 && (memcmp(t, "null", 4) == 0 ||
                          memcmp(t, "Null", 4) == 0 ||
                          memcmp(t, "NULL", 4) == 0));
}

/* {====================================================== binary form */

/* The form: a header of four counts, then the node records, the child
   lists (node numbers), the key index slots, and the strings, each
   NUL-terminated. All are uint32_t but the strings. Nodes are numbered
   in preorder, so each child's number is above its parent's: a decoded
   form has no cycle whatever its bytes. */
enum {
  R_KIND,  /* kind | plain << 8 | height << 16 */
  R_LINE,
  R_COL,
  R_LEN,   /* position */
  R_STR,   /* offset of the string, or NO_STR */
  R_SLEN,
  R_N,     /* items or pairs */
  R_KIDS,  /* first entry in the child lists */
  R_SLOTS, /* first index slot */
  R_CAP,   /* index slots (0: no index) */
  R_WEIGHT,
  R_BYTES,
  R_SIZE
};
#define NO_STR UINT32_MAX

struct enc {
  buf nodes, kids, slots, strs;
  uint32_t n_nodes;
};

static void put32(buf *b, uint32_t v) { buf_add(b, (const char *)&v, 4); }

static void set32(buf *b, size_t at, uint32_t v)
{
  memcpy(b->data + 4 * at, &v, 4);
}

static uint32_t encode_node(struct enc *e, const ynode *n)
{
  uint32_t me = e->n_nodes++;
  size_t k = n->kind == YN_MAP ? 2 * n->n : n->kind == YN_SEQ ? n->n : 0;
  uint32_t r[R_SIZE];
  r[R_KIND] = (uint32_t)n->kind | (uint32_t)n->plain << 8 |
              (uint32_t)n->height << 16;
  r[R_LINE] = (uint32_t)n->pos.line;
  r[R_COL] = (uint32_t)n->pos.col;
  r[R_LEN] = (uint32_t)n->pos.len;
  r[R_STR] = n->str ? (uint32_t)e->strs.len : NO_STR;
  r[R_SLEN] = (uint32_t)n->len;
  r[R_N] = (uint32_t)n->n;
  r[R_KIDS] = (uint32_t)(e->kids.len / 4);
  r[R_SLOTS] = (uint32_t)(e->slots.len / 4);
  r[R_CAP] = n->index ? (uint32_t)n->index->cap : 0;
  r[R_WEIGHT] = n->weight;
  r[R_BYTES] = n->bytes;
  buf_add(&e->nodes, (const char *)r, sizeof r);
  if (n->str) {
    buf_add(&e->strs, n->str, n->len);
    buf_putc(&e->strs, '\0');
  }
  if (n->index)
    buf_add(&e->slots, (const char *)n->index->slots, 4 * n->index->cap);
  size_t first = e->kids.len / 4;
  for (size_t i = 0; i < k; i++)
    put32(&e->kids, 0);
  for (size_t i = 0; i < k; i++) {
    uint32_t c = encode_node(e, n->kids[i]);
    set32(&e->kids, first + i, c);
  }
  return me;
}

void ytree_encode(const ynode *root, buf *out)
{
  struct enc e;
  memset(&e, 0, sizeof e);
  buf_init(&e.nodes);
  buf_init(&e.kids);
  buf_init(&e.slots);
  buf_init(&e.strs);
  encode_node(&e, root);
  put32(out, e.n_nodes);
  put32(out, (uint32_t)(e.kids.len / 4));
  put32(out, (uint32_t)(e.slots.len / 4));
  put32(out, (uint32_t)e.strs.len);
  buf_add(out, e.nodes.data, e.nodes.len);
  buf_add(out, e.kids.data, e.kids.len);
  buf_add(out, e.slots.data, e.slots.len);
  buf_add(out, e.strs.data, e.strs.len);
  buf_fini(&e.nodes);
  buf_fini(&e.kids);
  buf_fini(&e.slots);
  buf_fini(&e.strs);
}

ynode *ytree_decode(arena *a, arena *own, const void *data, size_t len,
                   const char *name)
{
  const uint32_t *w = data;
  if (len < 16)
    return NULL;
  uint64_t n_nodes = w[0], n_kids = w[1], n_slots = w[2], n_strs = w[3];
  if (n_nodes == 0 ||
      len != 16 + 4 * (n_nodes * R_SIZE + n_kids + n_slots) + n_strs)
    return NULL;
  const uint32_t *recs = w + 4, *kids = recs + n_nodes * R_SIZE,
                 *slots = kids + n_kids;
  const char *strs = (const char *)(slots + n_slots);
  ynode *nodes = ARENA_ARRAY(a, ynode, n_nodes);
  ynode **ptrs = ARENA_ARRAY(a, ynode *, n_kids + 1);
  for (uint64_t i = 0; i < n_kids; i++) {
    if (kids[i] >= n_nodes)
      return NULL;
    ptrs[i] = &nodes[kids[i]];
  }
  for (uint64_t i = 0; i < n_nodes; i++) {
    const uint32_t *r = recs + i * R_SIZE;
    ynode *n = &nodes[i];
    uint32_t kind = r[R_KIND] & 0xff, plain = r[R_KIND] >> 8 & 0xff;
    if (kind > YN_MAP || plain > 1 || r[R_KIND] >> 24)
      return NULL;
    n->kind = (ynode_kind)kind;
    n->plain = plain;
    n->height = (unsigned char)(r[R_KIND] >> 16);
    n->pos.file = name;
    n->pos.line = (int)r[R_LINE];
    n->pos.col = (int)r[R_COL];
    n->pos.len = (int)r[R_LEN];
    n->weight = r[R_WEIGHT];
    n->bytes = r[R_BYTES];
    n->n = r[R_N];
    if (kind == YN_SCALAR) {
      if (r[R_STR] == NO_STR || r[R_N] || r[R_CAP] ||
          (uint64_t)r[R_STR] + r[R_SLEN] >= n_strs ||
          strs[r[R_STR] + r[R_SLEN]] != '\0')
        return NULL;
      n->str = own ? arena_strndup(own, strs + r[R_STR], r[R_SLEN])
                   : strs + r[R_STR];
      n->len = r[R_SLEN];
      continue;
    }
    uint64_t k = kind == YN_MAP ? 2 * (uint64_t)r[R_N] : r[R_N];
    if (r[R_STR] != NO_STR || r[R_SLEN] || (uint64_t)r[R_KIDS] + k > n_kids)
      return NULL;
    /* children come after their parent: no cycle */
    for (uint64_t j = 0; j < k; j++)
      if (kids[r[R_KIDS] + j] <= i)
        return NULL;
    n->kids = ptrs + r[R_KIDS];
    if (r[R_CAP]) {
      /* a power of two with room to spare, as grow_index makes it, so
         that a probe always meets an empty slot; each entry a pair */
      uint64_t cap = r[R_CAP];
      if (kind != YN_MAP || (cap & (cap - 1)) || cap < 2 * (k / 2 + 1) ||
          (uint64_t)r[R_SLOTS] + cap > n_slots)
        return NULL;
      for (uint64_t j = 0; j < cap; j++)
        if (slots[r[R_SLOTS] + j] > k / 2)
          return NULL;
      struct yindex *ix = ARENA_NEW(a, struct yindex);
      if (own) {
        uint32_t *copy = ARENA_ARRAY(own, uint32_t, cap);
        memcpy(copy, slots + r[R_SLOTS], cap * sizeof *copy);
        ix->slots = copy;
      } else {
        ix->slots = (uint32_t *)(slots + r[R_SLOTS]);
      }
      ix->cap = cap;
      n->index = ix;
    }
  }
  return &nodes[0];
}

/* }====================================================== */
