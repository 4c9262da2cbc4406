/* fileio.h — reading input files and writing output files safely.
 *
 * Inputs are read whole, and only from regular files: a FIFO, a device or
 * a directory named as an input is refused before anything blocks on it,
 * and a file over the caller's size limit is refused rather than cut.
 *
 * Output is written to a temporary file beside the target and renamed
 * into place, so a failed run never leaves a partial file and never
 * overwrites a good one. */
#ifndef GEN_FILEIO_H
#define GEN_FILEIO_H

#include <stddef.h>

/* Why file_read_regular refused a file, beside errno values. */
enum {
  FILE_ERR_NOT_REGULAR = -1, /* a FIFO, device, socket or directory */
  FILE_ERR_TOO_LARGE = -2    /* over the caller's max_bytes */
};

/* Reads the whole regular file at path, at most max_bytes. Returns a
   mem_alloc'd buffer with a NUL after the last byte (the caller frees it
   with mem_free) and sets *len; on failure returns NULL and sets *err to
   an errno value or one of FILE_ERR_*. Never blocks on a FIFO. */
char *file_read_regular(const char *path, size_t max_bytes, size_t *len,
                        int *err);

/* A sentence for a file_read_regular error code ("not a regular file (a
   FIFO, device or directory)", "larger than the limit", or strerror). */
const char *file_strerror(int err);

/* Writes len bytes to path atomically. Returns 0, or an errno value. */
int file_write_atomic(const char *path, const void *data, size_t len);

#endif
