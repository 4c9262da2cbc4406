/* diag.h — diagnostics: every error and warning of a run, with where it
 * comes from.
 *
 * Stages never print or exit: they append to a diag_list and go on, so one
 * run reports every error of a file. main prints the list sorted by file,
 * line and column, each with its source line and carets under the span.
 * All memory belongs to the list's arena. */
#ifndef GEN_DIAG_H
#define GEN_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "mem.h"

/* A place in a source file. line and col are 1-based; 0 means unknown.
   len is the width of the span in bytes on that line (0 = one caret). */
typedef struct src_pos {
  const char *file;
  int line, col, len;
} src_pos;

typedef enum { DIAG_ERROR, DIAG_WARNING, DIAG_NOTE } diag_severity;

typedef struct diag {
  diag_severity sev;
  src_pos pos;
  const char *msg;
  struct diag *next;
} diag;

typedef struct diag_list diag_list;

/* Creates a list whose strings live in arena a. */
diag_list *diag_new(arena *a);
/* Keeps a copy of a file's text so printing can quote its lines. */
void diag_add_source(diag_list *dl, const char *file, const char *text,
                     size_t len);
/* Appends a diagnostic; the message is printf-formatted. One identical
   to a diagnostic already in the list (severity, place, message) is not
   added again. */
void diag_add(diag_list *dl, diag_severity sev, src_pos pos, const char *fmt,
              ...) __attribute__((format(printf, 4, 5)));
#define diag_error(dl, pos, ...) diag_add((dl), DIAG_ERROR, (pos), __VA_ARGS__)
#define diag_warn(dl, pos, ...) diag_add((dl), DIAG_WARNING, (pos), __VA_ARGS__)
size_t diag_errors(const diag_list *dl);
size_t diag_warnings(const diag_list *dl);
/* The diagnostics sorted by file, line, column, then order of arrival. */
diag **diag_sorted(diag_list *dl, size_t *n);
/* Prints all diagnostics as "file:line:col: error: msg", the source line
   and carets. With quote false, only the first line of each. */
void diag_print(diag_list *dl, FILE *out, bool quote);
/* A position with no file (command line, rules of the program itself). */
src_pos src_none(void);

#endif
