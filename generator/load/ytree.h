/* ytree.h — YAML text to a tree of nodes, each with its source position.
 *
 * The only module that includes <yaml.h>. It reads a whole file, runs
 * libyaml's event parser and builds scalars, sequences and mappings in the
 * arena, copying every scalar before the event is deleted. It refuses
 * hostile input within fixed bounds: file size, nesting depth, scalar
 * length, and the size with aliases expanded — nodes, and bytes of
 * scalars plus nodes — so an alias bomb, of many nodes or of one long
 * string repeated, stops at the alias that crosses the budget.
 *
 * An alias becomes a copy of the subtree it names (strings shared) whose
 * nodes all carry the alias's position, and the diag list learns the
 * alias, so that an error about a value reached through it names the
 * `*name` and the anchor. Mappings of many keys are indexed: duplicate
 * keys and ytree_get cost constant time per key. Tags other than !!str,
 * !!seq and !!map on their own kinds are refused (!!binary, !include…
 * would change what a value means).
 *
 * Errors go to the diag list with file:line:column (1-based; libyaml's
 * marks are 0-based and converted here, nowhere else; lines are counted
 * as libyaml counts them, DIAG_LINES_YAML). On error the result is NULL. */
#ifndef GEN_YTREE_H
#define GEN_YTREE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../base/diag.h"
#include "../base/mem.h"

typedef enum { YN_SCALAR, YN_SEQ, YN_MAP } ynode_kind;

typedef struct ynode ynode;
struct yindex;
struct ynode {
  ynode_kind kind;
  bool plain;      /* scalar was unquoted (so "null", "~" and "" mean null) */
  unsigned char height; /* levels of collections: 0 for a scalar, else 1 +
                           the highest child's */
  src_pos pos;
  const char *str; /* scalar text, NUL-terminated (may contain NUL: see len) */
  size_t len;
  ynode **kids;    /* seq: items; map: key, value, key, value… */
  size_t n;        /* seq: item count; map: pair count */
  const struct yindex *index; /* map of many keys: key hash table */
  uint32_t weight; /* nodes in this subtree, aliases expanded */
  uint32_t bytes;  /* bytes of the scalars in this subtree, likewise */
};

typedef struct ytree_limits {
  size_t max_bytes;     /* file size */
  int max_depth;        /* nesting of sequences and mappings */
  size_t max_scalar;    /* bytes in one scalar */
  size_t max_nodes;     /* nodes with aliases expanded (below 2^32) */
  size_t max_expanded;  /* bytes of scalars plus one per node, likewise */
  bool own_scalars;     /* a tree from the cache has its scalars' text
                           copied into the arena, instead of pointing into
                           the cache entry's mapping (the rules image must
                           hold every byte it points to) */
} ytree_limits;

/* The defaults used for facility and rule files. */
ytree_limits ytree_default_limits(void);

/* Reads and parses the file at path. name is how diagnostics name it.
   The file text is registered with dl for quoting. Returns the root node,
   or NULL after adding diagnostics (I/O failure sets *io_error). */
ynode *ytree_load_file(arena *a, diag_list *dl, const char *path,
                       const char *name, const ytree_limits *lim,
                       bool *io_error);
/* As ytree_load_file, with the nodes (their child lists, key indexes and
   anchors) in the arena `nodes` and only the file's text and the scalars'
   text in a: a caller that copies out what it keeps of the tree (the
   facility loader) frees `nodes` once done with the tree, and keeps the
   strings, which what it built may point to. A file of less than
   YTREE_APART_MIN bytes has its nodes in a too (nothing worth giving
   back); nodes must be freed either way. */
#define YTREE_APART_MIN ((size_t)512 * 1024)
ynode *ytree_load_file_apart(arena *a, arena *nodes, diag_list *dl,
                             const char *path, const char *name,
                             const ytree_limits *lim, bool *io_error);
/* Parses text already in memory (tests, fuzzing). */
ynode *ytree_load_string(arena *a, diag_list *dl, const char *text, size_t len,
                         const char *name, const ytree_limits *lim);
/* The same, the nodes in `nodes` and the scalars' text in a (as
   ytree_load_file_apart). */
ynode *ytree_load_string_apart(arena *a, arena *nodes, diag_list *dl,
                               const char *text, size_t len, const char *name,
                               const ytree_limits *lim);

/* As ytree_load_file, for rule files that many runs read unchanged: the
   tree comes from the cache of parsed files (ycache.h) when it holds this
   text, and a tree parsed without diagnostics is stored there. The text
   is read and registered for quoting either way, so a later diagnostic
   about a node is the same with or without the cache. The nodes (from
   the cache or parsed) are in `nodes`, the scalars' text in a or in the
   cache's mapping (for the process), as ytree_load_file_apart: a caller
   that converts the tree and drops it passes an arena it resets after
   each file; nodes may be a. */
ynode *ytree_load_file_cached(arena *a, arena *nodes, diag_list *dl,
                              const char *path, const char *name,
                              const ytree_limits *lim, bool *io_error);
/* The same, and the text's cache key in key (ycache_key_of), or zeros
   when the cache is off: what a cache of work done on the tree is keyed
   by. */
ynode *ytree_load_file_keyed(arena *a, arena *nodes, diag_list *dl,
                             const char *path, const char *name,
                             const ytree_limits *lim, bool *io_error,
                             uint64_t key[2]);

/* Trees with parts left out. A file whose tree is read whole only now and
   then (equipment.yaml: its kinds on every run, their classes only when
   the cache holds no record of them) is also kept in the cache pruned:
   the items of each sequence at the key path `prune` ("*" for any key)
   are null scalars at the items' positions, so that the sequences keep
   their lengths. The pruned tree is the one got (a tenth of the nodes to
   decode and bytes to checksum) when want(ctx, key) says, from the text's
   key, that the caller can do with it; *whole is then set (else NULL) and
   ytree_whole_tree gives the whole tree when a left-out part is needed.
   The pruned tree is stored whenever the whole one is (keyed by the same
   text, so never stale), or again when it was wanted and not usable. */
typedef struct ytree_whole {
  arena *a;
  arena *nodes; /* the whole tree's nodes, when not in a (its scalars are) */
  const char *text; /* the file's text, kept as for diagnostics */
  size_t len;
  const char *name;
  ytree_limits lim;
  uint64_t key[2];
  ynode *root; /* once got */
} ytree_whole;
ynode *ytree_load_file_pruned(arena *a, diag_list *dl, const char *path,
                              const char *name, const ytree_limits *lim,
                              bool *io_error, uint64_t key[2],
                              const char *const *prune,
                              bool (*want)(void *ctx, const uint64_t key[2]),
                              void *ctx, ytree_whole **whole);
/* The whole tree of a pruned load: from the cache, else parsed again from
   the kept text (it parsed without a diagnostic before), once. */
const ynode *ytree_whole_tree(ytree_whole *w);
/* The tree at root in a binary form (host byte order), appended to out:
   what the cache stores. */
struct buf;
void ytree_encode(const ynode *root, struct buf *out);
/* The tree of an encoded form of len bytes at data (aligned for uint32_t),
   built in a. Strings and key indexes point into data, which must live as
   long as the tree, or are copied into own when own is not NULL;
   positions name `name`. NULL when the form is not one
   ytree_encode writes: every count, index and offset is checked, so a
   damaged form is refused, never followed out of bounds. */
ynode *ytree_decode(arena *a, arena *own, const void *data, size_t len,
                   const char *name);

/* The value of key in a mapping, or NULL. Constant time for a mapping of
   many keys (hashed), a short scan otherwise. */
ynode *ytree_get(const ynode *map, const char *key);
/* "a mapping", "a sequence", "a string" — for messages. */
const char *ytree_kind_name(const ynode *n);
/* True for a plain scalar that YAML reads as null: "", "~", "null". */
bool ytree_is_null(const ynode *n);

#endif
