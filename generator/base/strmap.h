/* strmap.h — a string-to-index map in an arena (open addressing, FNV-1a),
 * so loaders resolve ids in constant time instead of scanning lists. Keys
 * are not copied: they must outlive the map (arena strings do). */
#ifndef GEN_STRMAP_H
#define GEN_STRMAP_H

#include <stddef.h>

#include "mem.h"

typedef struct strmap strmap;

strmap *strmap_new(arena *a);
/* Adds key -> v; returns the existing value (and changes nothing) when the
   key is already there, else -1. */
long strmap_put(strmap *m, const char *key, long v);
/* The value of key, or -1. */
long strmap_get(const strmap *m, const char *key);

#endif
