/* ycache.h — a cache of parsed rule files, so that a run does not parse
 * ~650 KB of YAML that has not changed since the last one.
 *
 * An entry is the binary form of one file's ynode tree (ytree_encode),
 * keyed by a 128-bit hash of the file's text (ycache_hash_fast), the
 * program's version, this format's version and the parsing limits: an edited file (whatever its
 * size or time stamps) has another key, and a new program never reads an
 * old program's entries. Each entry carries a checksum of its contents;
 * an entry that is truncated, damaged, of another format or not wholly
 * consistent is not used (the file is parsed again and the entry
 * rewritten). Only trees parsed without diagnostics are stored.
 *
 * Where: $XDG_CACHE_HOME/auditgen (an absolute XDG_CACHE_HOME), else
 * $HOME/.cache/auditgen; AUDITGEN_CACHE=off turns the cache off. The
 * folder is made 0700 and entries 0600, written to a temporary name and
 * renamed into place. A folder or entry that is not the user's own, or
 * that others may write, is not used: the cache is never shared between
 * users. Every failure (no home, a read-only disk) only means no cache:
 * nothing is printed and the run goes on. */
#ifndef GEN_YCACHE_H
#define GEN_YCACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ytree.h"

typedef struct ycache_key {
  uint64_t h[2];
} ycache_key;

/* The key of a file's text parsed under lim. False when the cache is off
   (AUDITGEN_CACHE=off) or has no folder: then neither get nor put. */
bool ycache_key_of(ycache_key *k, const char *text, size_t len,
                   const ytree_limits *lim);
/* The cached tree of key, built in a (positions name `name`), or NULL
   when there is no usable entry. The entry is mapped read-only, not read,
   and the tree's strings point into the mapping, which stays for the
   process (one per entry file, reused by later gets), or are copied into
   own when own is not NULL; its header and checksum are checked on every
   get. */
ynode *ycache_get(arena *a, arena *own, const ycache_key *k,
                  const char *name);
/* Stores the tree for key, replacing any entry; failures are silent. */
void ycache_put(const ycache_key *k, const ynode *root);

/* Marks: an entry that only says "this was found true of these inputs"
   (the rule files whose conversion was checked without a diagnostic), so
   that a later run may skip work whose only outcome would be the same
   finding. The key of a mark named what over the 128-bit digest in of its
   inputs (file keys combined with ycache_hash); false when the cache is
   off. Marks are entries like the trees: per user, checked (header,
   checksum, and the payload naming `what`) on every look-up. */
bool ycache_mark_key(ycache_key *k, const char *what, const uint64_t in[2]);
/* Whether a usable mark named what is stored for k. */
bool ycache_marked(const ycache_key *k, const char *what);
/* Stores the mark; failures are silent. */
void ycache_mark(const ycache_key *k, const char *what);
/* Records: a mark with data, work done on checked inputs kept in a form
   of its user's own (mapped like the trees: the data lives for the
   process, 8-byte aligned). The data of the usable record named what for
   k and its length, or NULL. The user checks the data's structure. */
const void *ycache_record_get(const ycache_key *k, const char *what,
                              size_t *len);
/* Stores a record; failures are silent. */
void ycache_record_put(const ycache_key *k, const char *what,
                       const void *data, size_t len);

/* Files of other forms kept in the cache under a key of their own (the
   rules image, rules/image.c), written and checked by their user, named
   like the entries and in the same folder, with the same care: written
   whole (head, then body) to a new file renamed over the old; opened only
   when a regular file of the user's alone. ycache_open_file gives a
   descriptor (the caller closes it) and the file's size, or -1. */
void ycache_put_file(const ycache_key *k, const void *head, size_t hlen,
                     const void *body, size_t blen);
int ycache_open_file(const ycache_key *k, size_t *size);
/* Whether the cache is on (AUDITGEN_CACHE is not off). */
bool ycache_enabled(void);

/* A 128-bit hash of n bytes (not cryptographic: it tells edits and
   damage apart from the original, it does not resist forgery, which the
   cache's owner-only folder makes moot). Exposed for tests. */
void ycache_hash(const void *p, size_t n, uint64_t seed, uint64_t out[2]);
/* The hash of a rule text's key: by the CPU's AES instruction where
   there is one (true), else (false, or soft) ycache_hash. The two give
   other values; a key says which made it (ycache_key_of). Exposed for
   tests. */
bool ycache_hash_fast(const void *p, size_t n, uint64_t seed, bool soft,
                      uint64_t out[2]);
/* An entry's checksum of n bytes: ycache_hash_fast's hash folded to 64
   bits (by the AES instruction where there is one and not soft, else
   ycache_hash; the two give other values, as for keys). Exposed for
   tests. */
uint64_t ycache_checksum(const void *p, size_t n, uint64_t seed, bool soft);

#endif
