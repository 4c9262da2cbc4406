/* command.c — `auditgen import` and `auditgen template`: arguments,
 * messages and exit codes of the import stage.
 *
 * Kept beside the stage rather than in main.c so that the command table
 * there grows by two lines only. Messages are printed here, in the order
 * they were found, as `file:sheet!cell: error: text`; an output is
 * written (temporary file, then rename) only when no error was found. */
#include "command.h"

#include <stdio.h>
#include <string.h>

#include "../base/buf.h"
#include "../base/fileio.h"
#include "import.h"

enum { OK = 0, INPUT = 1, USAGE = 2, IO = 3 };

const char imp_usage_import[] =
    "usage: auditgen import FILE.xlsx|FILE.csv... -o FACILITY.yaml\n"
    "                      [--form 205-1|ledger|meters|equipment]\n"
    "                      [--encoding utf-8|gbk] [--quiet]\n"
    "  Reads form 205-1, monthly energy ledgers, a meter list (JJF 1356 B.3)\n"
    "  and an equipment list, recognised by their headers (or all taken as\n"
    "  --form), and the intake workbook of `auditgen template`; writes a\n"
    "  facility file whose every value names its cell. Fields the forms do\n"
    "  not carry are ~ with a TO FILL comment, which `check` reports.\n"
    "  Every error is reported (file:sheet!cell); then nothing is written.\n";

const char imp_usage_template[] =
    "usage: auditgen template [FACILITY.yaml] -o INTAKE.xlsx\n"
    "  Writes the intake workbook: forms 205-1, ledger, meters, equipment\n"
    "  and the remaining fields as path/value rows, with drop-down lists of\n"
    "  carriers, units and meter levels; blank, or filled from a facility\n"
    "  file. `auditgen import` reads it back.\n";

static void print_msgs(const imp_msgs *m, bool quiet)
{
  for (size_t i = 0; i < m->n; i++) {
    if (!m->items[i].error && quiet)
      continue;
    fprintf(stderr, "%s: %s: %s\n", m->items[i].where,
            m->items[i].error ? "error" : "warning", m->items[i].text);
  }
}

static int write_out(const char *path, const void *data, size_t len)
{
  int err = file_write_atomic(path, data, len);
  if (err) {
    fprintf(stderr, "auditgen: cannot write %s: %s; nothing written\n", path,
            err == FILE_ERR_IS_INPUT ? "it is an input of this run"
                                     : file_strerror(err));
    return IO;
  }
  return OK;
}

static int usage(const char *msg, const char *text)
{
  fprintf(stderr, "auditgen: %s\n%s", msg, text);
  return USAGE;
}

int imp_cmd_import(int argc, char **argv)
{
  const char *out = NULL, *enc = NULL;
  imp_form form = IMP_FORM_AUTO;
  bool quiet = false;
  const char **files = mem_alloc(sizeof *files * (size_t)(argc + 1));
  size_t n = 0;
  int status = OK;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
      fputs(imp_usage_import, stdout);
      mem_free(files);
      return OK;
    } else if (!strcmp(a, "-o") || !strcmp(a, "--output")) {
      if (++i >= argc) {
        mem_free(files);
        return usage("-o needs a file name", imp_usage_import);
      }
      out = argv[i];
    } else if (!strcmp(a, "--form")) {
      const char *v = ++i < argc ? argv[i] : "";
      form = !strcmp(v, "205-1")       ? IMP_FORM_205
             : !strcmp(v, "ledger")    ? IMP_FORM_LEDGER
             : !strcmp(v, "meters")    ? IMP_FORM_METERS
             : !strcmp(v, "equipment") ? IMP_FORM_EQUIPMENT
                                       : IMP_FORM_AUTO;
      if (form == IMP_FORM_AUTO) {
        mem_free(files);
        return usage("--form takes 205-1, ledger, meters or equipment",
                     imp_usage_import);
      }
    } else if (!strcmp(a, "--encoding")) {
      enc = ++i < argc ? argv[i] : "";
      if (strcmp(enc, "utf-8") && strcmp(enc, "gbk")) {
        mem_free(files);
        return usage("--encoding takes utf-8 or gbk", imp_usage_import);
      }
    } else if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) {
      quiet = true;
    } else if (a[0] == '-' && a[1]) {
      fprintf(stderr, "auditgen import: unknown option %s\n%s", a,
              imp_usage_import);
      mem_free(files);
      return USAGE;
    } else
      files[n++] = a;
  }
  if (n == 0 || !out) {
    mem_free(files);
    return usage(n ? "import needs -o FACILITY.yaml" : "no file given",
                 imp_usage_import);
  }
  arena *ar = arena_new();
  imp_msgs m = {.a = ar};
  ibook **books = ARENA_ARRAY(ar, ibook *, n);
  bool all = true;
  for (size_t i = 0; i < n; i++) {
    books[i] = imp_read(ar, &m, files[i], enc);
    all &= books[i] != NULL;
  }
  int err = file_output_check(out);
  inode *root = all ? imp_forms(ar, &m, books, n, form) : NULL;
  for (size_t i = 0; i < n; i++)
    imp_free(books[i]); /* the tree holds what is written */
  print_msgs(&m, quiet);
  if (err) {
    fprintf(stderr, "auditgen: cannot write %s: %s; nothing written\n", out,
            err == FILE_ERR_IS_INPUT ? "it is an input of this run"
                                     : file_strerror(err));
    status = IO;
  } else if (!root) {
    fprintf(stderr, "auditgen import: %zu error%s; nothing written\n",
            m.errors, m.errors == 1 ? "" : "s");
    status = m.io ? IO : INPUT;
  } else {
    buf text;
    buf_init(&text);
    imp_emit(&text, root, files, n);
    status = write_out(out, text.data, text.len);
    buf_fini(&text);
  }
  arena_free(ar);
  mem_free(files);
  return status;
}

int imp_cmd_template(int argc, char **argv)
{
  const char *out = NULL, *in = NULL;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
      fputs(imp_usage_template, stdout);
      return OK;
    } else if (!strcmp(a, "-o") || !strcmp(a, "--output")) {
      if (++i >= argc)
        return usage("-o needs a file name", imp_usage_template);
      out = argv[i];
    } else if (a[0] == '-' && a[1]) {
      fprintf(stderr, "auditgen template: unknown option %s\n%s", a,
              imp_usage_template);
      return USAGE;
    } else if (in)
      return usage("template takes at most one facility file",
                   imp_usage_template);
    else
      in = a;
  }
  if (!out)
    return usage("template needs -o INTAKE.xlsx", imp_usage_template);
  arena *ar = arena_new();
  imp_msgs m = {.a = ar};
  size_t len = 0;
  char *bytes = imp_intake(ar, &m, in, &len);
  print_msgs(&m, false);
  int status;
  if (!bytes) {
    if (!m.io)
      fprintf(stderr, "auditgen template: %zu error%s; nothing written\n",
              m.errors, m.errors == 1 ? "" : "s");
    status = m.io ? IO : INPUT;
  } else {
    status = write_out(out, bytes, len);
    mem_free(bytes);
  }
  arena_free(ar);
  return status;
}
