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
 * nothing is printed and the run goes on. Entries unused for a month, and
 * the least recently used past a size, are removed (housekeeping, below;
 * `auditgen cache`). */
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

/* {====================================================== housekeeping

   Entries of rules no longer used would pile up (each edit of a rule
   file, each --rules layer, each program version adds its own), so the
   cache is kept bounded, as build caches do:

   - Use: mapping an entry (a get that finds it whole) sets its
     modification time to now when that time is more than a day from now,
     so the time tells the last use to within a day at the cost of one
     futimens a day per entry; a hit on an entry used today costs nothing
     more than the time of day. (The access time is no use: relatime and
     noatime mounts do not keep it.)
   - Automatic: a run that writes an entry, at most once a day (the
     modification time of the folder's stamp file .housekeeping), removes
     the entries unused for the maximum age, then the least recently used
     until the entries fit the maximum size. The entries this process
     mapped or wrote are kept even past the size.
   - Only regular files of the user's own named like an entry (32
     lowercase hex digits, .ytree) or like a write's temporary file
     (.new-XXXXXX, those a day old) are removed; never a link, a folder
     or any other file, never outside the folder (names are resolved in
     the open folder), and nothing in a folder that the reader would not
     use (not a folder, a link, not the user's alone). A run that has an
     entry mapped keeps reading it after it is removed (unlink leaves the
     mapping; an entry is never truncated). */

/* The limits: AUDITGEN_CACHE_MAX (a size: 200M by default; k, M, G, T
   are powers of 1000, Ki, Mi, Gi, Ti of 1024, a B may follow, a plain
   number is MB; 0: no size limit) and AUDITGEN_CACHE_MAX_AGE (days unused:
   30 by default, a d may follow; 0: no age limit). A value not understood
   is named in bad_size / bad_age and its default used. */
typedef struct ycache_limits {
  uint64_t max_bytes;             /* 0: no limit */
  unsigned max_days;              /* 0: no limit */
  const char *bad_size, *bad_age; /* the value not understood, or NULL */
} ycache_limits;

void ycache_limits_get(ycache_limits *l);

typedef enum ycache_job {
  YCACHE_STATS, /* only count */
  YCACHE_PRUNE, /* what the automatic housekeeping does, now */
  YCACHE_CLEAR  /* remove every entry */
} ycache_job;

typedef enum ycache_status {
  YCACHE_OK,
  YCACHE_NO_FOLDER, /* none yet: nothing to count or remove */
  YCACHE_NO_HOME,   /* neither XDG_CACHE_HOME nor HOME is absolute */
  YCACHE_NOT_OWN    /* not a folder, a link, or not the user's alone:
                       left alone */
} ycache_status;

typedef struct ycache_stats {
  char dir[4096];         /* the folder */
  size_t entries;         /* after the job */
  uint64_t bytes;         /* their sizes */
  int64_t oldest, newest; /* their last uses (seconds since 1970; 0: none) */
  int64_t housekept;      /* the stamp's time (0: never) */
  size_t removed;         /* entries and temporary files removed */
  uint64_t removed_bytes;
  size_t failed;    /* entries that could not be removed */
  int fail_errno;   /* the first such failure's errno */
  size_t others;    /* files, links and folders left alone */
} ycache_stats;

/* Does job on the user's cache folder with limits l (YCACHE_PRUNE also
   sets the stamp's time) and fills st. The status says why nothing was
   done; st->dir is filled whenever there is a folder's name. Prints
   nothing. */
ycache_status ycache_housekeep(ycache_job job, const ycache_limits *l,
                               ycache_stats *st);

/* }====================================================== */

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
