/* image.h — the rules image: the converted rules of a run, kept whole.
 *
 * Converting the rule files into factors (the tables every command reads)
 * took most of a check's time even with each file's parsed tree cached
 * (ycache.h). The image keeps what the conversion built: a run that
 * converts the rules without a single diagnostic does so in an arena at a
 * fixed address (arena_new_fixed), and stores the arena's bytes in the
 * cache, keyed by everything the conversion read — the program's build,
 * the rules folders in order, which rule files each holds and every
 * file's text. A later run with the same key maps those bytes back at the
 * same address, where every pointer in them is valid again, and converts
 * nothing.
 *
 * What makes a copy of the bytes valid in another process: the converted
 * rules point only into their own arena (the arena's bookkeeping and its
 * intern set live in the region too); the scalars of cached trees are
 * copied in (ytree_limits.own_scalars) instead of pointing into cache
 * entries; the few pointers a run must set (the units tables, the text of
 * equipment.yaml) are cleared in the copy and set on loading. Before an
 * image is stored, every 8-byte word of the copy is checked against the
 * process's mappings: a word that points anywhere but into the region
 * (the program, the heap, a library, a file) means a pointer the copy
 * cannot carry, and nothing is stored. The image is checked on every
 * load (its header, the key, and a checksum of every byte); one that is
 * not wholly right, or a region already in use in this process (a second
 * set of rules loaded while the first lives), means the rules are
 * converted as before. Diagnostics are unchanged: an image exists only
 * for rules that converted without one, and the rule files' texts are
 * registered for quoting as a conversion would. */
#ifndef GEN_RULES_IMAGE_H
#define GEN_RULES_IMAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../base/diag.h"
#include "../base/mem.h"
#include "../load/units.h"
#include "../load/ycache.h"

struct factors;

/* One rule file as the image knows it. */
typedef struct image_file {
  const char *path;
  const char *text;
  size_t len;
} image_file;

typedef struct rules_image {
  bool ok;          /* keyed: an image may be got or stored */
  ycache_key key;
  image_file *files;
  size_t n_files;
} rules_image;

/* Keys the image of the rules read from dirs (in order), whose files are
   the n paths given (every file the conversion reads, in the order it
   reads them; manifest: a text that says which of the files each folder
   holds, so that a file added or removed changes the key). The texts are
   mapped (file_map_text) and hashed. im->ok is false when there can be no
   image: the cache is off, AUDITGEN_RULES_IMAGE is off (the trees and
   records of the cache alone, as before images), the program has no build
   ID, a file cannot be read. */
void rules_image_key(rules_image *im, arena *a, const char *manifest,
                     const char *const *paths, size_t n);

/* The rules of im's image, mapped at the region's address, their pointers
   to the units tables and to equipment.yaml's text set, the rule files'
   texts registered with dl for quoting, and the region adopted by a (freed
   with it). NULL when there is no usable image: then *fresh is a new
   empty arena at the region's address to convert the rules into (and to
   give rules_image_put), or NULL when the region is in use (convert into
   a as before). */
struct factors *rules_image_get(rules_image *im, arena *a, diag_list *dl,
                                const units *u, arena **fresh);

/* Stores the image of f, converted into r (rules_image_get's *fresh)
   without a diagnostic; nothing when a word of it points out of the
   region or r outgrew it. AUDITGEN_IMAGE_TRACE=1 says on stderr what was
   done and why not. */
void rules_image_put(rules_image *im, arena *r, struct factors *f);

#endif
