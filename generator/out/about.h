/* about.h — what the program says about itself: the version with the
 * digests of the rules and templates it reads, the manual page and the
 * shell completions, all made from the commands' help texts so that none
 * of them can drift from what `--help` prints. */
#ifndef GEN_ABOUT_H
#define GEN_ABOUT_H

#include <stdbool.h>

#include "../base/buf.h"

typedef struct about_command {
  const char *name;  /* "check", "calc", … */
  const char *usage; /* its --help text, starting "usage: auditgen …" */
} about_command;

typedef struct about_program {
  const char *version;
  const char *overview;          /* the text of `auditgen --help` */
  const about_command *commands;
  unsigned n_commands;
} about_program;

/* The digest of a folder's files: SHA-256 over each regular file's path
   below dir (sorted bytewise) and its bytes, the first 12 hex digits put
   in hex (13 bytes). Files and folders whose names start with a dot are
   left out. False when dir cannot be read (hex then "unreadable"). */
bool about_dir_digest(const char *dir, char hex[13], unsigned *n_files);

/* `auditgen --version`: the program's version, and where the shipped
   rules and templates are read from with their digests. */
void about_version(const about_program *p, const char *data_dir,
                   const char *data_origin, buf *out);

/* auditgen(1) in man(7) markup: NAME, SYNOPSIS, DESCRIPTION (the overview),
   a section per command (its help text), ENVIRONMENT, FILES, EXIT STATUS.
   data_dir is the installed data folder named under FILES. */
void about_man(const about_program *p, const char *data_dir, buf *out);

/* A completion script for shell "bash" or "zsh": the commands, each one's
   options as its help text lists them, the values of options that take
   a fixed set (--lang zh|en|bilingual), folders after --rules and
   --templates, and file names by kind (facility .yaml, workbooks .xlsx
   and .csv, outputs). False for another shell. */
bool about_completion(const about_program *p, const char *shell, buf *out);

#endif
