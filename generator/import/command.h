/* command.h — the import stage's two commands, for main.c's table. */
#ifndef GEN_IMPORT_COMMAND_H
#define GEN_IMPORT_COMMAND_H

/* `auditgen import …` (argv[0] is "import") and `auditgen template …`.
   Each prints its messages and returns the exit code: 0 ok, 1 an input is
   invalid (nothing written), 2 usage, 3 a file cannot be read or the
   output cannot be written. */
int imp_cmd_import(int argc, char **argv);
int imp_cmd_template(int argc, char **argv);

/* Their help texts (for the manual page and the completions). */
extern const char imp_usage_import[];
extern const char imp_usage_template[];

#endif
