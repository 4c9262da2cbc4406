/* ycache.h — a cache of parsed rule files, so that a run does not parse
 * ~650 KB of YAML that has not changed since the last one.
 *
 * An entry is the binary form of one file's ynode tree (ytree_encode),
 * keyed by a 128-bit hash of the file's text, the program's version, this
 * format's version and the parsing limits: an edited file (whatever its
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
   process (one per entry file, reused by later gets); its header and
   checksum are checked on every get. */
ynode *ycache_get(arena *a, const ycache_key *k, const char *name);
/* Stores the tree for key, replacing any entry; failures are silent. */
void ycache_put(const ycache_key *k, const ynode *root);

/* A 128-bit hash of n bytes (not cryptographic: it tells edits and
   damage apart from the original, it does not resist forgery, which the
   cache's owner-only folder makes moot). Exposed for tests. */
void ycache_hash(const void *p, size_t n, uint64_t seed, uint64_t out[2]);

#endif
