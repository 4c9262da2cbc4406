/* diag.h — diagnostics: every error and warning of a run, with where it
 * comes from.
 *
 * Stages never print or exit: they append to a diag_list and go on, so one
 * run reports every error of a file. main prints the list sorted by file,
 * line and column, each with its source line and carets under the span.
 * All memory belongs to the list's arena.
 *
 * What reaches the terminal is made safe here, once: control characters,
 * bidirectional overrides and bytes that are not UTF-8 — in a message or
 * in a quoted source line — are printed as escapes (\x1b, \u202e), a value
 * quoted in a message is cut after DIAG_QUOTE_MAX characters, and a file
 * with very many diagnostics shows the first DIAG_SHOWN_PER_FILE of each
 * severity and a line counting the rest (the counts stay exact). */
#ifndef GEN_DIAG_H
#define GEN_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "mem.h"

/* A place in a source file. line and col are 1-based; 0 means unknown.
   col and len count characters (a valid UTF-8 sequence, or one byte that
   is not part of one); len is the width of the span on that line (0 = one
   caret). */
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

/* Diagnostics of each severity kept and printed per file; the others are
   counted (diag_errors stays exact) and summed up in one line. */
#define DIAG_SHOWN_PER_FILE 1000
/* Characters of a "quoted" value kept in a message (then "…"). */
#define DIAG_QUOTE_MAX 80

/* How a source's text splits into lines. TEXT: at "\n" (a "\r" before it
   is not shown). YAML: as libyaml counts lines, at "\r\n", "\r", "\n",
   U+0085, U+2028 and U+2029; a UTF-8 byte order mark does not count as a
   column. */
typedef enum { DIAG_LINES_TEXT, DIAG_LINES_YAML } diag_lines;

/* Creates a list whose strings live in arena a. */
diag_list *diag_new(arena *a);
/* Keeps a copy of a file's text so printing can quote its lines; text is
   not copied and must outlive the list. diag_add_source splits TEXT. */
void diag_add_source(diag_list *dl, const char *file, const char *text,
                     size_t len);
void diag_add_source_lines(diag_list *dl, const char *file, const char *text,
                           size_t len, diag_lines how);
/* The position (line, column; len 0) of byte offset off in text, counted
   the way `how` splits lines. An offset inside a character counts as that
   character. */
src_pos diag_locate(const char *file, const char *text, size_t len,
                    size_t off, diag_lines how);
/* The inverse: the byte offset of line and col (1-based) in text, or of
   the end of that line, or len. */
size_t diag_offset(const char *text, size_t len, int line, int col,
                   diag_lines how);
/* Characters in p[0..n), counted as src_pos columns are. */
int diag_chars(const char *p, size_t n);
/* Says that the node at alias (the position of `*name`) repeats the node
   anchored at anchored: a diagnostic at exactly that line and column then
   ends with ": via alias *name at L:C, anchored at L2:C2". name is
   copied. */
void diag_note_alias(diag_list *dl, src_pos alias, const char *name,
                     src_pos anchored);
/* Appends a diagnostic; the message is printf-formatted, then made safe
   for a terminal (see above). One identical to
   a diagnostic already in the list (severity, place, message) is not
   added again. */
void diag_add(diag_list *dl, diag_severity sev, src_pos pos, const char *fmt,
              ...) __attribute__((format(printf, 4, 5)));
#define diag_error(dl, pos, ...) diag_add((dl), DIAG_ERROR, (pos), __VA_ARGS__)
#define diag_warn(dl, pos, ...) diag_add((dl), DIAG_WARNING, (pos), __VA_ARGS__)
size_t diag_errors(const diag_list *dl);
size_t diag_warnings(const diag_list *dl);
/* True once file has DIAG_SHOWN_PER_FILE errors: a further error is only
   counted, so work spent on its wording (a did-you-mean) is wasted. */
bool diag_capped(diag_list *dl, const char *file);
/* The kept diagnostics sorted by file, line, column, then order of
   arrival. */
diag **diag_sorted(diag_list *dl, size_t *n);
/* Prints the kept diagnostics as "file:line:col: error: msg", the source
   line and carets (with quote false, only the first line of each), and
   after a file's last one, a line counting those not kept. */
void diag_print(diag_list *dl, FILE *out, bool quote);
/* A position with no file (command line, rules of the program itself). */
src_pos src_none(void);

#endif
