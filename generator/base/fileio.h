/* fileio.h — reading input files and writing output files safely.
 *
 * Inputs are read whole, and only from regular files: a FIFO, a device or
 * a directory named as an input is refused before anything blocks on it,
 * and a file over the caller's size limit is refused rather than cut.
 * Every file read is remembered (device and inode) for the life of the
 * process, so that no output ever replaces one of the run's inputs.
 *
 * Output is written to a temporary file beside the target and renamed
 * into place, so a failed or killed run never leaves a partial file and
 * never overwrites a good one. The process-wide state (the inputs read,
 * the temporary file being written) is what a signal handler and the
 * output check need; the program is single-threaded. */
#ifndef GEN_FILEIO_H
#define GEN_FILEIO_H

#include <stdbool.h>
#include <stddef.h>

/* Why a file was refused, beside errno values. */
enum {
  FILE_ERR_NOT_REGULAR = -1, /* input: a FIFO, device, socket or directory */
  FILE_ERR_TOO_LARGE = -2,   /* input: over the caller's max_bytes */
  FILE_ERR_SPECIAL = -3,     /* output: a FIFO, socket or block device */
  FILE_ERR_IS_INPUT = -4,    /* output: the same file as one of the inputs */
  FILE_ERR_DANGLING = -5     /* output: a symbolic link to nothing */
};

/* Reads the whole regular file at path, at most max_bytes. Returns a
   mem_alloc'd buffer with a NUL after the last byte (the caller frees it
   with mem_free) and sets *len; on failure returns NULL and sets *err to
   an errno value or one of FILE_ERR_*. Never blocks on a FIFO. A file
   read is remembered as an input of the run (file_input_same). */
char *file_read_regular(const char *path, size_t max_bytes, size_t *len,
                        int *err);

/* Maps the whole regular file at path read-only, at most max_bytes, with
   the checks of file_read_regular, and remembers it as an input. Returns
   the first byte (no NUL after the last; "" for an empty file) and sets
   *len; the caller releases it with file_unmap(p, *len). NULL on failure,
   *err set as file_read_regular sets it. Pages are read from the page
   cache as they are touched, not copied: for large files read in part,
   such as fonts (a 5 MB face of which a report touches the tables and
   the glyphs it draws). A file cut short by another process while mapped
   faults (SIGBUS) where the cut pages are read: not for files a user
   edits while the run reads them. */
const char *file_map_regular(const char *path, size_t max_bytes, size_t *len,
                             int *err);
/* Releases a mapping of file_map_regular (nothing for NULL or len 0). */
void file_unmap(const char *p, size_t len);
/* The whole text of the regular file at path, NUL-terminated and
   read-only, for the rest of the process (never released), with the
   checks of file_read_regular; remembered as an input. Mapped, not
   copied: for files read whole on every run and rarely edited, the rule
   files (a copy of their 1.6 MB into fresh memory cost a check a tenth of
   its time). The same file asked for again (same device, inode, size,
   modification and change times) gives the same text. A file that ends
   on a page boundary, or cannot be mapped, is read instead. Like
   file_map_regular, a file cut short while mapped faults (SIGBUS) where
   the cut pages are read. NULL on failure, *err set as
   file_read_regular sets it. */
const char *file_map_text(const char *path, size_t max_bytes, size_t *len,
                          int *err);
/* Opens the regular file at path to be read in pieces, with the checks
   of file_read_regular (never blocks on a FIFO; a file over max_bytes is
   refused: the caller stops reading at max_bytes + 1 bytes if it grows)
   and remembers it as an input. Returns a descriptor (the caller closes
   it), or -1 with *err set as file_read_regular sets it. */
int file_open_read(const char *path, size_t max_bytes, int *err);

/* Whether path opens as a regular file for reading, without reading it
   and without blocking: 0, or an errno value or FILE_ERR_NOT_REGULAR. */
int file_probe_regular(const char *path);

/* Remembers the file at path as an input of the run, for files another
   library reads (fonts, images). A path that does not exist is ignored. */
void file_note_input(const char *path);

/* The path (as first read) of an input of the run that is the same file
   (device and inode) as st_dev/st_ino, or NULL. */
const char *file_input_same(unsigned long long dev, unsigned long long ino);

/* Forgets every input remembered (frees the list). */
void file_inputs_reset(void);

/* A sentence for a FILE_ERR_* or errno code ("not a regular file (a
   FIFO, device or directory)", "larger than the limit", or strerror). */
const char *file_strerror(int err);

/* The real path of path (malloc'd; free it) when it lies inside root's
   folder tree, symbolic links followed. NULL otherwise: *outside set when
   the file exists elsewhere, *err an errno value when it cannot be
   resolved. For files a facility file names (interval data, evidence),
   which must lie in its folder or below it. */
char *file_resolve_inside(const char *root, const char *path, bool *outside,
                          int *err);

/* Installs what keeps a killed run from leaving a temporary file: SIGINT,
   SIGTERM, SIGHUP, SIGQUIT, SIGALRM, SIGUSR1 and SIGUSR2 (unless ignored
   when the program started) remove the temporary output being written,
   then kill the process with the same signal; SIGXFSZ is ignored, so a
   write over the file-size limit fails with EFBIG and is cleaned up like
   any write error. SIGKILL cannot be caught: file_write_atomic removes
   what it leaves the next time. Call once, first. */
void file_signals_init(void);

/* Whether path can be an output, checked before any work is done: 0 when
   it is a regular file that is none of the inputs read so far, a
   character device, or a new name in an existing writable folder; else
   EISDIR, FILE_ERR_SPECIAL (FIFO, socket, block device), FILE_ERR_IS_INPUT,
   FILE_ERR_DANGLING or the errno of the failed look-up. */
int file_output_check(const char *path);

/* Writes len bytes to path. After file_output_check passes (it is run
   again here): a character device (/dev/null, /dev/full, a terminal) is
   written through as a stream; anything else goes to a temporary file
   `.NAME.auditgen-PID-XXXXXX.tmp` beside the target, flushed to disk and
   renamed over it. A symbolic link is followed: its target is replaced
   and the link stays a link. An existing target keeps its permission
   bits, and its owner and group when the process may set them; a new one
   gets 0666 less the umask. Temporaries of this target left by runs that
   are no longer alive (killed with SIGKILL) are removed first; no other
   file is touched. Returns 0, or an error code as file_output_check's or
   an errno value; on error the target is unchanged and no temporary is
   left. AUDITGEN_TEST_RAISE_BEFORE_RENAME=SIGNO (tests only) raises that
   signal between the write and the rename. */
int file_write_atomic(const char *path, const void *data, size_t len);

/* The same in pieces, for an output produced as it is written (a large
   JSON text is never held whole): file_out_open makes the checks and the
   temporary file (or opens the character device), file_out_write appends
   (the first error is kept and later writes are skipped), file_out_close
   with keep flushes, closes and renames into place, or without keep (the
   producer failed) removes the temporary. file_out_close frees f and
   returns 0 or the first error; on error the target is unchanged. One
   output at a time: the signal handler knows one temporary. */
typedef struct file_out file_out;
file_out *file_out_open(const char *path, int *err);
void file_out_write(file_out *f, const void *data, size_t len);
int file_out_close(file_out *f, bool keep);

#endif
