/* fileio.h — writing output files safely.
 *
 * Output is written to a temporary file beside the target and renamed
 * into place, so a failed run never leaves a partial file and never
 * overwrites a good one. */
#ifndef GEN_FILEIO_H
#define GEN_FILEIO_H

#include <stddef.h>

/* Writes len bytes to path atomically. Returns 0, or an errno value. */
int file_write_atomic(const char *path, const void *data, size_t len);

#endif
