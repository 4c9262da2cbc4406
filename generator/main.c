/* main.c — the command line: parses arguments, wires the stages together
 * and maps their outcome to exit codes. No calculation lives here. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/diag.h"
#include "base/fileio.h"
#include "base/mem.h"
#include "calc/calc.h"
#include "load/fschema.h"
#include "load/ycache.h"
#include "load/model.h"
#include "load/style.h"
#include "report/report.h"
#include "template/forms.h"
#include "template/tmpl.h"
#include "load/units.h"
#include "out/about.h"
#include "out/diagjson.h"
#include "out/explain.h"
#include "out/json.h"
#include "out/summary.h"
#include "import/command.h"
#include "rules/checks.h"
#include "rules/expr.h"
#include "rules/factors.h"
#include "rollup/rollup.h"
#include "batch/pool.h"
#include "base/strmap.h"
#include "base/version.h"

#ifndef AUDITGEN_DATADIR
#define AUDITGEN_DATADIR "."
#endif

/* One rule for every input kind (facility, rules directories and their
   files, templates folder, style file) and every output (-o, batch DIR,
   standard output): */
enum exit_code {
  EXIT_OK = 0,
  EXIT_INPUT = 1, /* an input's content is invalid (this includes a file
                     it names, such as a meter's series: or a template's
                     include, that cannot be read); nothing written */
  EXIT_USAGE = 2, /* the command line is wrong */
  EXIT_IO = 3     /* a file or folder given on the command line (or its
                     default) cannot be opened or read or is not a regular
                     file / folder; an output cannot be written (standard
                     output included); internal failure */
};

static const char USAGE[] =
    "usage: auditgen <command> [options]\n"
    "\n"
    "commands:\n"
    "  check FILE...              validate facility files; print every error\n"
    "  calc FILE [--json] [-o OUT] compute the energy and carbon audit; print a\n"
    "                             summary, or the results as JSON (--json, -o)\n"
    "  report FILE [-o OUT.pdf]   write the bilingual PDF report\n"
    "  explain FILE PATH          how a result was computed, step by step\n"
    "  batch FILE... -o DIR       audit several facilities: DIR/NAME.json each\n"
    "                             (--report: PDFs too) and a summary line each;\n"
    "                             --jobs N, --resume, --shard I/N (batch --help)\n"
    "  rollup GROUP.yaml [-o OUT] consolidate a group's facilities (JSON, PDF,\n"
    "                             Word or Excel by OUT's extension; --json)\n"
    "  rules list                 the checks in force\n"
    "  rules check DIR...         validate a firm's rules directory\n"
    "  schema                     print the JSON Schema of the facility file\n"
    "  cache [--stats|--prune|--clear]\n"
    "                             the cache of parsed rules: its size, or\n"
    "                             remove unused entries now, or all of them\n"
    "  import FILE.xlsx|.csv... -o FACILITY.yaml\n"
    "                             read form 205-1, ledgers, meter and equipment\n"
    "                             lists into a facility file\n"
    "  template [FILE.yaml] -o INTAKE.xlsx\n"
    "                             the intake workbook, blank or filled\n"
    "\n"
    "options of every command:\n"
    "  --rules DIR   a firm's rules directory, layered over the shipped one\n"
    "  --as-of DATE  apply the editions of the standards in force on DATE\n"
    "                (YYYY-MM-DD) instead of those of the audit period\n"
    "  --quiet       do not print warnings\n"
    "  --help, --version\n"
    "\n"
    "about the program: auditgen --version (its rules' and templates'\n"
    "digests), --man (the manual page), --completion bash|zsh\n"
    "\n"
    "exit codes: 0 ok; 1 an input is invalid (nothing written); 2 usage;\n"
    "3 a file or folder given (facility, --rules, --templates, --style)\n"
    "cannot be read, or an output (-o, standard output) cannot be written.\n"
    "-o never replaces one of the run's inputs, a folder, FIFO or socket; a\n"
    "device such as /dev/null is written through; a symbolic link's target\n"
    "is replaced, keeping its mode. Docs: README.md, docs/calculation.md.\n";

static const char USAGE_CHECK[] =
    "usage: auditgen check FILE... [--rules DIR] [--quiet]\n"
    "                      [--diagnostics text|json]\n"
    "\n"
    "Validates each facility file against the input schema (docs in\n"
    "README.md) and the carrier rules, and prints every error as\n"
    "file:line:column. Exit 0 when all files are valid, 1 otherwise.\n"
    "--diagnostics json prints instead one JSON array on standard output:\n"
    "{file, line, column, path, severity, message_en, message_zh} for each\n"
    "error and warning of every file (message_zh null where a message has\n"
    "no Chinese wording); the exit codes stay the same.\n";

static const char USAGE_CALC[] =
    "usage: auditgen calc FILE [--json] [-o OUT] [--rules DIR] [--quiet]\n"
    "\n"
    "Computes the energy audit of one facility file. Without options it\n"
    "prints a readable summary; --json prints the results tree as JSON\n"
    "(paths of results.md); -o OUT writes the JSON to OUT through a\n"
    "temporary file renamed into place. On invalid input nothing is\n"
    "written and the exit code is 1.\n";

static const char USAGE_RULES[] =
    "usage: auditgen rules list [--rules DIR]\n"
    "       auditgen rules check DIR...\n"
    "\n"
    "list prints every check in force (id, severity, clause), the shipped\n"
    "rules with any --rules DIR layered over them. check validates one or\n"
    "more firm rules directories layered over the shipped rules: every\n"
    "error at rule-file:line:column, exit 1 when any.\n";

static const char USAGE_SCHEMA[] =
    "usage: auditgen schema\n"
    "\n"
    "Prints the JSON Schema (draft 2020-12) of the facility file, made from\n"
    "the tables the loader checks keys with; every key is described in\n"
    "Chinese and English. The repository ships it as\n"
    "schema/facility.schema.json for editors (README.md, \"Editors\").\n";

static const char USAGE_CACHE[] =
    "usage: auditgen cache [--stats | --prune | --clear]\n"
    "\n"
    "The cache of parsed rule files ($XDG_CACHE_HOME/auditgen, else\n"
    "~/.cache/auditgen; README.md, \"The cache of parsed rules\").\n"
    "--stats (the default) prints its folder, its entries and their size,\n"
    "their oldest and newest use, the limits and the last housekeeping.\n"
    "--prune does now what a run that writes an entry does once a day:\n"
    "removes the entries unused for AUDITGEN_CACHE_MAX_AGE days (default\n"
    "30), then the least recently used until the rest fit in\n"
    "AUDITGEN_CACHE_MAX (default 200M; k, M, G are powers of 1000, Ki, Mi,\n"
    "Gi of 1024; a plain number is MB; 0: no limit). --clear removes every\n"
    "entry. Only the cache's own entries are removed, never another file, a\n"
    "link or a folder, and only in a folder that is yours alone; a run\n"
    "using an entry goes on reading it. Exit 0 when done; 3 when the folder\n"
    "is not yours alone, there is no home, or an entry cannot be removed.\n";

static const char USAGE_EXPLAIN[] =
    "usage: auditgen explain FILE PATH [--lang zh|en] [--rules DIR]\n"
    "\n"
    "Prints how the result at PATH (a path of the results, such as\n"
    "energy.total_tce or carbon.scope1.combustion[raw_coal].tco2) was\n"
    "computed: the formula, each input with its number, unit and source,\n"
    "and the clause of the standard, following computed inputs two levels\n"
    "down. rules/README.md lists the paths.\n";

static const char USAGE_REPORT[] =
    "usage: auditgen report FILE [-o OUT.pdf|OUT.docx|OUT.xlsx]\n"
    "                       [--format pdf|docx|xlsx] [--lang zh|en|bilingual]\n"
    "                       [--templates DIR] [--style FILE] [--rules DIR]\n"
    "                       [--exercise]\n"
    "\n"
    "Computes the audit of FILE and writes the report as PDF, as a Word\n"
    "document (.docx) from the same templates, or its tables as an Excel\n"
    "workbook (.xlsx): the format follows OUT's extension or --format\n"
    "(default: the file's name with .pdf, in the current folder), written\n"
    "through a temporary file renamed into place. --lang picks the language\n"
    "(default bilingual); --templates a firm's template folder (default\n"
    "templates/); --style its style file (default templates/style.yaml).\n"
    "Set SOURCE_DATE_EPOCH to date the output; the same input gives the\n"
    "same bytes. Template errors are reported before any page is drawn.\n"
    "--exercise leaves every computed figure blank for students (charts\n"
    "and findings are left out); the normal report is the answer key.\n";

static const char USAGE_BATCH[] =
    "usage: auditgen batch FILE... -o DIR [--report] [--formats pdf,docx,xlsx]\n"
    "                      [--jobs N] [--resume] [--shard I/N]\n"
    "                      [--lang zh|en|bilingual] [--templates DIR]\n"
    "                      [--style FILE] [--rules DIR] [--quiet]\n"
    "\n"
    "Computes each facility file and writes DIR/NAME.json (NAME: the file's\n"
    "name without .yaml) and, with --report, DIR/NAME.pdf; --formats names\n"
    "the report formats to write (pdf, docx, xlsx; implies --report). DIR is\n"
    "created if missing. A FILE of - stands for a list of files on the\n"
    "standard input, one a line. The files are taken in sorted order.\n"
    "\n"
    "--jobs N     N worker processes (default: the number of CPUs); the rules,\n"
    "             templates and style are loaded once, before the workers start\n"
    "--resume     skip a facility whose outputs are all newer than its file,\n"
    "             the rules, (for reports) the templates and style, and the\n"
    "             files it was computed from (earlier years, interval data,\n"
    "             evidence: recorded in DIR/.NAME.inputs); its summary line\n"
    "             is read back from DIR/NAME.json\n"
    "--shard I/N  only the files of shard I of N: the k-th file of the sorted\n"
    "             list (from 0) goes to shard k mod N + 1; the summary is then\n"
    "             DIR/summary-I-of-N.jsonl (contrib/ merges the shards)\n"
    "\n"
    "Prints one line per facility (total energy, CO2, findings by severity),\n"
    "a progress line on a terminal, and writes DIR/summary.jsonl: one JSON\n"
    "line per facility (file, name, status ok|invalid|failed|crashed, totals,\n"
    "findings by severity, outputs), sorted bytewise. A file with errors,\n"
    "or one that crashes its worker, gets its messages and no output; the\n"
    "others are still written. The last line on standard error counts them.\n"
    "Exit status: 0 when every facility was written or up to date; 1 when\n"
    "some were invalid and the rest written; 3 when any could not be\n"
    "written or crashed (or the rules, templates, DIR or the summary could\n"
    "not be read or written); how many failed is in that last line and in\n"
    "the summary.\n";

static const char USAGE_ROLLUP[] =
    "usage: auditgen rollup GROUP.yaml [--json] [-o OUT.json|OUT.pdf|OUT.docx|"
    "OUT.xlsx]\n"
    "                       [--lang zh|en|bilingual] [--templates DIR]\n"
    "                       [--style FILE] [--rules DIR] [--quiet]\n"
    "\n"
    "Consolidates the facilities a group file lists (facility files, or\n"
    "results JSON written by calc --json; paths relative to the group file)\n"
    "by the group's approach: equity_share weighs each by its equity,\n"
    "operational_control and financial_control count it fully when the\n"
    "group has that control and not at all otherwise. A sale between two\n"
    "facilities of the group (a meter to: outside with sold_to: ID) is\n"
    "netted out. -o writes the group results as JSON, or the group report\n"
    "(templates/group/) as PDF, Word or Excel, by OUT's extension; --json\n"
    "prints the JSON; without either a table of the facilities is printed.\n"
    "A facility file with errors is reported, left out and listed in the\n"
    "results (invalid[]); an error in the group file writes nothing (exit 1).\n";

struct opts {
  const char *cmd;
  const char **files;
  size_t nfiles;
  const char *out;
  const char *rules[8];
  size_t nrules;
  bool json, quiet, exercise, report;
  const char *lang, *templates, *style;
  const char *format;   /* report: "pdf", "docx" or "xlsx" (NULL: from -o) */
  bool fmt_pdf, fmt_docx, fmt_xlsx; /* batch: the report formats */
  bool has_as_of;
  date as_of; /* --as-of: editions of the standards in force on this day */
  bool resume;          /* batch: skip facilities whose outputs are newer */
  unsigned jobs;        /* batch: workers (0: the number of CPUs) */
  unsigned shard, shards; /* batch --shard I/N (shards 0: all) */
  bool diag_json; /* check --diagnostics json */
};

/* The report format a file name asks for by its extension: docx for
   .docx, NULL for the extensions of formats this program does not write
   (a Word 97 .doc, an OpenDocument text…), pdf for anything else (a
   device, a pipe, a name without extension: as before there was Word). */
static const char *format_of(const char *path)
{
  const char *dot = strrchr(path, '.');
  const char *slash = strrchr(path, '/');
  if (!dot || (slash && dot < slash))
    return "pdf";
  if (strcasecmp(dot, ".docx") == 0)
    return "docx";
  if (strcasecmp(dot, ".xlsx") == 0)
    return "xlsx";
  static const char *const other[] = {".doc", ".odt", ".rtf", ".xls",
                                      ".ods", ".html", ".htm", NULL};
  for (size_t i = 0; other[i]; i++)
    if (strcasecmp(dot, other[i]) == 0)
      return NULL;
  return "pdf";
}

/* A calendar date YYYY-MM-DD between 1949 and 2100, as facility files
   write them. */
static bool parse_day(const char *s, date *out)
{
  static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
    return false;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
      return false;
  int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (y < 1949 || y > 2100 || m < 1 || m > 12 || d < 1 ||
      d > mdays[m - 1] + (m == 2 && leap))
    return false;
  memset(out, 0, sizeof *out);
  out->y = y;
  out->m = m;
  out->d = d;
  return true;
}

static int usage_error(const char *msg, const char *usage)
{
  fprintf(stderr, "auditgen: %s\n%s", msg, usage);
  return EXIT_USAGE;
}

/* {====================================================== standard output */

/* Everything printed on standard output goes through out_write and
   out_printf, which keep the first error (a full disk, a closed
   descriptor, a reader gone: EPIPE, SIGPIPE being ignored); main reports
   it and exits 3 once the command is done. */
static int stdout_err;

static void out_write(const void *data, size_t len)
{
  errno = 0;
  if (len && fwrite(data, 1, len, stdout) != len && !stdout_err)
    stdout_err = errno ? errno : EIO;
}

static void out_printf(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

static void out_printf(const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  errno = 0;
  if (vprintf(fmt, ap) < 0 && !stdout_err)
    stdout_err = errno ? errno : EIO;
  va_end(ap);
}

/* Flushes and closes standard output: status, or 3 after a message when
   anything printed was not written. */
static int close_stdout(int status)
{
  int err = stdout_err;
  errno = 0;
  if (fflush(stdout) != 0 && !err)
    err = errno ? errno : EIO;
  if (ferror(stdout) && !err)
    err = EIO;
  errno = 0;
  if (fclose(stdout) != 0 && !err)
    err = errno ? errno : EIO;
  if (!err)
    return status;
  fprintf(stderr, "auditgen: cannot write the standard output: %s\n",
          strerror(err));
  return EXIT_IO;
}

/* A descriptor 0, 1 or 2 closed by whoever started us is opened on
   /dev/null, so that no file opened later takes its number and receives
   what was meant for it; read-only, so that a write to a closed standard
   output still fails and is reported. */
static void guard_std_fds(void)
{
  for (int fd = 0; fd < 3; fd++) {
    if (fcntl(fd, F_GETFD) >= 0 || errno != EBADF)
      continue;
    int nfd = open("/dev/null", fd == 2 ? O_WRONLY : O_RDONLY);
    if (nfd >= 0 && nfd != fd) {
      dup2(nfd, fd);
      close(nfd);
    }
  }
}

/* }====================================================== */

/* {====================================================== outputs */

/* Says why path cannot be written. */
static void write_error(const char *path, int err)
{
  struct stat st;
  const char *in = NULL;
  if (err == FILE_ERR_IS_INPUT && stat(path, &st) == 0)
    in = file_input_same((unsigned long long)st.st_dev,
                         (unsigned long long)st.st_ino);
  if (in && strcmp(in, path) == 0)
    fprintf(stderr, "auditgen: will not write %s: it is an input of this "
                    "run; nothing written\n",
            path);
  else if (in)
    fprintf(stderr, "auditgen: will not write %s: it is the same file as "
                    "%s, an input of this run; nothing written\n",
            path, in);
  else
    fprintf(stderr, "auditgen: cannot write %s: %s\n", path,
            file_strerror(err));
}

/* Whether path may be written (file_output_check); a message when not. */
static bool output_ok(const char *path)
{
  int err = file_output_check(path);
  if (err)
    write_error(path, err);
  return err == 0;
}

/* Writes an output file; a message and false when it fails. */
static bool output_write(const char *path, const buf *b)
{
  int err = file_write_atomic(path, b->data, b->len);
  if (err)
    write_error(path, err);
  return err == 0;
}

/* json_stream's sink: the output file being written, standard output, or
   both. */
typedef struct json_sink {
  file_out *f;
  bool to_stdout;
} json_sink;

static void sink_put(void *ctx, const char *data, size_t len)
{
  json_sink *s = ctx;
  if (s->f)
    file_out_write(s->f, data, len);
  if (s->to_stdout)
    out_write(data, len);
}

/* Writes results as JSON to path (when set; temporary file and rename, as
   output_write) and to standard output (when to_stdout), produced as it
   is written so that the text is never held whole. Returns false after
   printing why path could not be written. */
static bool json_output(const value *results, const char *path,
                        bool to_stdout)
{
  int err = 0;
  json_sink s = {NULL, to_stdout};
  if (path && !(s.f = file_out_open(path, &err))) {
    write_error(path, err);
    if (!to_stdout)
      return false;
  }
  json_stream(results, sink_put, &s);
  if (s.f && (err = file_out_close(s.f, true)) != 0)
    write_error(path, err);
  return err == 0;
}

/* }====================================================== */

/* The facility id: the file name without directories and extension. */
static const char *stem(arena *a, const char *path)
{
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  const char *dot = strrchr(base, '.');
  size_t len = dot && dot != base ? (size_t)(dot - base) : strlen(base);
  return arena_strndup(a, base, len);
}

/* Where the shipped rules and templates are: AUDITGEN_DATA when set; else
   PREFIX/share/auditgen when the program runs as PREFIX/bin/auditgen and
   that folder holds rules (an installed copy, wherever DESTDIR put it);
   else the source tree the program was built in. origin says which. */
static const char *data_dir_origin(const char **origin)
{
  static char installed[4096];
  static int found = -1; /* -1: not yet looked */
  const char *env = getenv("AUDITGEN_DATA");
  if (env && *env) {
    *origin = "AUDITGEN_DATA";
    return env;
  }
  if (found < 0) {
    found = 0;
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
      exe[n] = '\0';
      char *slash = strrchr(exe, '/');
      if (slash) {
        *slash = '\0';
        slash = strrchr(exe, '/');
        if (slash && strcmp(slash, "/bin") == 0) {
          *slash = '\0';
          char probe[4200];
          int len = snprintf(installed, sizeof installed,
                             "%.4000s/share/auditgen", exe);
          snprintf(probe, sizeof probe, "%s/rules/carriers.yaml", installed);
          found = len > 0 && (size_t)len < sizeof installed &&
                  access(probe, R_OK) == 0;
        }
      }
    }
  }
  if (found) {
    *origin = "installed with the program";
    return installed;
  }
  *origin = "the source tree it was built in";
  return AUDITGEN_DATADIR;
}

static const char *data_dir(void)
{
  const char *origin;
  return data_dir_origin(&origin);
}

/* The commands and their help texts, for --man and --completion. */
static const about_command COMMANDS[] = {
    {"check", USAGE_CHECK},     {"calc", USAGE_CALC},
    {"report", USAGE_REPORT},   {"explain", USAGE_EXPLAIN},
    {"batch", USAGE_BATCH},     {"rollup", USAGE_ROLLUP},
    {"rules", USAGE_RULES},     {"schema", USAGE_SCHEMA},
    {"cache", USAGE_CACHE},
    {"import", imp_usage_import}, {"template", imp_usage_template},
};

static const about_program PROGRAM = {
    AUDITGEN_VERSION, USAGE, COMMANDS,
    (unsigned)(sizeof COMMANDS / sizeof COMMANDS[0])};

/* --version, --man, --completion SHELL: what the program says about
   itself. Returns -1 when arg is none of these. */
static int about(const char *arg, const char *next)
{
  buf b;
  buf_init(&b);
  const char *origin;
  const char *dir = data_dir_origin(&origin);
  int status = EXIT_OK;
  if (strcmp(arg, "--version") == 0) {
    about_version(&PROGRAM, dir, origin, &b);
  } else if (strcmp(arg, "--man") == 0) {
    about_man(&PROGRAM, dir, &b);
  } else if (strcmp(arg, "--completion") == 0) {
    if (!next || !about_completion(&PROGRAM, next, &b)) {
      buf_fini(&b);
      return usage_error("--completion takes bash or zsh", USAGE);
    }
  } else {
    buf_fini(&b);
    return -1;
  }
  out_write(b.data, b.len);
  buf_fini(&b);
  return status;
}

/* Loads the rules — the shipped directory, then each --rules DIR — and
   the checks (unless cs is NULL: a command that runs none), all validated
   before any facility is read. Returns NULL after diagnostics when any
   rule file read is invalid. */
static factors *load_rules(arena *a, diag_list *dl, const units *u,
                           const struct opts *o, bool *io, checkset **cs)
{
  const char *dirs[9];
  struct {
    bool known;
    dev_t dev;
    ino_t ino;
  } id[9];
  size_t n = 0;
  for (size_t i = 0; i <= o->nrules && i < 9; i++) {
    const char *dir =
        i == 0 ? arena_printf(a, "%s/rules", data_dir()) : o->rules[i - 1];
    /* a directory given twice, or the shipped one under another name
       (rules check /path/to/rules), is layered once: twice would report
       each of its check ids as a duplicate of itself */
    struct stat st;
    bool known = stat(dir, &st) == 0, again = false;
    for (size_t j = 0; j < n && known && !again; j++)
      again = id[j].known && id[j].dev == st.st_dev && id[j].ino == st.st_ino;
    if (again)
      continue;
    id[n].known = known;
    id[n].dev = known ? st.st_dev : 0;
    id[n].ino = known ? st.st_ino : 0;
    dirs[n++] = dir;
  }
  bool fio = false, cio = false;
  factors *f = factors_load(a, dl, u, dirs, n, &fio);
  if (cs)
    *cs = checks_load(a, dl, u, dirs, n, &cio);
  *io = fio || cio;
  return f && (!cs || *cs) ? f : NULL;
}

static void print_diags(diag_list *dl, const struct opts *o)
{
  if (o->quiet && diag_errors(dl) == 0)
    return;
  diag_print(dl, stderr, true);
}

/* One facility's run: the arena and diagnostics, the rules and checks,
   then the model and its results. Every command that reads a facility
   goes through these steps in this order. */
typedef struct run {
  arena *a;
  diag_list *dl;
  units *u;
  factors *f;
  checkset *cs;
  model *m;
  value *results;
  bool io;
  const char *outs[4]; /* output files, checked once the inputs are read */
} run;

static bool run_open(run *r, const struct opts *o)
{
  memset(r, 0, sizeof *r);
  r->a = arena_new();
  r->dl = diag_new(r->a);
  r->u = units_new();
  r->f = load_rules(r->a, r->dl, r->u, o, &r->io, &r->cs);
  return r->f != NULL;
}

/* Loads the facility; on failure prints every diagnostic and a summary
   line ending in `tail`. */
static bool run_model(run *r, const struct opts *o, bool ok_so_far,
                      const char *who, const char *tail)
{
  if (ok_so_far) {
    bool io = false;
    r->m = model_load(r->a, r->dl, r->u, r->f, o->files[0], o->files[0],
                      &io);
    r->io |= io;
  }
  /* Every input has been read: an output that is one of them, or that
     became unwritable, is refused before the audit is computed. */
  for (size_t i = 0; r->m && i < 4; i++)
    if (r->outs[i] && !output_ok(r->outs[i])) {
      print_diags(r->dl, o);
      r->io = true;
      return false;
    }
  if (r->m)
    r->results = calc_run_at(r->a, r->dl, r->m, r->f, stem(r->a, o->files[0]),
                             o->has_as_of ? &o->as_of : NULL);
  if (r->results) /* the checks may run out of their budget */
    checks_run(r->a, r->cs, r->results, r->dl);
  print_diags(r->dl, o);
  if (!r->results || diag_errors(r->dl)) {
    fprintf(stderr, "%s: %zu error%s%s\n", who, diag_errors(r->dl),
            diag_errors(r->dl) == 1 ? "" : "s", tail);
    return false;
  }
  return true;
}

static int run_failed(const run *r) { return r->io ? EXIT_IO : EXIT_INPUT; }

static void run_close(run *r)
{
  units_free(r->u);
  arena_free(r->a);
}

static int run_check(const struct opts *o)
{
  int status = EXIT_OK;
  arena *ja = o->diag_json ? arena_new() : NULL; /* --diagnostics json */
  value *all = ja ? val_arr(ja) : NULL;
  for (size_t i = 0; i < o->nfiles; i++) {
    arena *a = arena_new();
    diag_list *dl = diag_new(a);
    units *u = units_new();
    bool io = false;
    /* check runs no checks: their rules are not loaded (rules check
       validates them) */
    factors *f = load_rules(a, dl, u, o, &io, NULL);
    bool mio = false;
    model *m = f ? model_load(a, dl, u, f, o->files[i], o->files[i], &mio)
                 : NULL;
    io |= mio;
    if (m && !calc_validate(a, dl, m, f, o->has_as_of ? &o->as_of : NULL))
      m = NULL; /* calc finds some impossible inputs too */
    if (all)
      diagjson_add(ja, all, dl, !o->quiet);
    else
      print_diags(dl, o);
    if (m && all) {
      /* valid: nothing more to say in JSON */
    } else if (m) {
      out_printf("%s: ok (%zu meter%s, %zu unit%s, %zu product%s",
                 o->files[i], m->n_meters, m->n_meters == 1 ? "" : "s",
                 m->n_units, m->n_units == 1 ? "" : "s", m->n_products,
                 m->n_products == 1 ? "" : "s");
      if (diag_warnings(dl))
        out_printf(", %zu warning%s", diag_warnings(dl),
                   diag_warnings(dl) == 1 ? "" : "s");
      out_printf(")\n");
    } else {
      if (!all)
        fprintf(stderr, "%s: %zu error%s\n", o->files[i], diag_errors(dl),
                diag_errors(dl) == 1 ? "" : "s");
      int s = io ? EXIT_IO : EXIT_INPUT;
      if (s > status)
        status = s;
    }
    units_free(u);
    arena_free(a);
  }
  if (all) {
    buf b;
    buf_init(&b);
    json_write(all, &b);
    out_write(b.data, b.len);
    buf_fini(&b);
    arena_free(ja);
  }
  return status;
}

static int run_explain(const struct opts *o)
{
  run r;
  int status = EXIT_OK;
  bool ok = run_open(&r, o);
  if (!run_model(&r, o, ok, o->files[0], "")) {
    status = run_failed(&r);
  } else {
    buf out;
    buf_init(&out);
    bool zh = o->lang && strcmp(o->lang, "zh") == 0;
    const char *path = o->files[1];
    if (strstr(path, "[?")) {
      /* a filter: the path as the checks write it (rules/expr.h) */
      expr_error err;
      memset(&err, 0, sizeof err);
      expr *e = expr_parse(r.a, r.u, path, NULL, checks_path_check, r.a, &err);
      if (!e) {
        fprintf(stderr, "auditgen explain: %s, column %d: %s\n", path, err.col,
                err.msg);
        status = EXIT_INPUT;
      } else {
        ev v = expr_eval(r.a, e, r.results, NULL, NULL);
        size_t found = 0;
        if (v.kind == EV_LIST) {
          for (size_t i = 0; i < v.n; i++)
            if (v.items[i].node) {
              explain_node(r.results, v.items[i].node, path, zh, &out);
              found++;
            }
        } else if (v.node) {
          explain_node(r.results, v.node, path, zh, &out);
          found++;
        }
        if (!found) {
          fprintf(stderr, "auditgen explain: no value at %s for this "
                          "facility\n",
                  path);
          status = EXIT_INPUT;
        } else
          out_write(out.data, out.len);
      }
    } else if (!explain_write(r.results, path, zh, &out)) {
      fprintf(stderr, "auditgen explain: %s\n",
              explain_unknown(r.a, r.results, path));
      status = EXIT_INPUT;
    } else {
      out_write(out.data, out.len);
    }
    buf_fini(&out);
  }
  run_close(&r);
  return status;
}

/* The report's templates and style, loaded into the run and checked
   before any facility is computed. False after diagnostics. */
typedef struct report_kit {
  tmpl *t;
  style_file *sf;
  form_set *forms; /* the filing forms (xlsx): shipped, a firm's replacing */
} report_kit;

/* Loads the templates and the style, and the filing forms when forms (an
   xlsx is among the outputs: only the workbook has them). */
static bool report_kit_load(run *r, const struct opts *o, report_kit *k,
                            bool forms)
{
  arena *a = r->a;
  const char *tdir = o->templates ? o->templates
                                  : arena_printf(a, "%s/templates", data_dir());
  const char *style_path =
      o->style ? o->style : arena_printf(a, "%s/style.yaml", tdir);
  struct stat st;
  if (o->style == NULL && o->templates && lstat(style_path, &st) != 0 &&
      errno == ENOENT) {
    /* a firm's folder without a style file uses the shipped one (a FIFO
       or a folder named style.yaml is refused when read, never opened
       here, where it could block) */
    style_path = arena_printf(a, "%s/templates/style.yaml", data_dir());
  }
  /* The folder, its report.tpl and the style file are inputs given on
     the command line (or their defaults): one that cannot be opened is
     an I/O failure (exit 3), told by the loaders' own messages. */
  k->t = NULL;
  int terr = stat(tdir, &st) != 0 ? errno : S_ISDIR(st.st_mode) ? 0 : ENOTDIR;
  if (terr) {
    src_pos where = {tdir, 0, 0, 0};
    diag_error(r->dl, where, "cannot open the templates folder: %s",
               strerror(terr));
    r->io = true;
  } else {
    int err = file_probe_regular(arena_printf(a, "%s/report.tpl", tdir));
    if (err && err != FILE_ERR_TOO_LARGE)
      r->io = true;
    k->t = tmpl_load(a, r->dl, r->u, tdir, "report.tpl");
    bool fio = false;
    k->forms = forms ? forms_load(a, r->dl, r->u,
                                  arena_printf(a, "%s/templates", data_dir()),
                                  tdir, &fio)
                     : NULL;
    r->io |= fio;
  }
  if (file_probe_regular(style_path) != 0)
    r->io = true;
  k->sf = style_load(a, r->dl, r->u, style_path);
  if (k->sf) {
    /* read by libharu, not through fileio: still inputs no output may
       replace */
    file_note_input(k->sf->logo);
    file_note_input(k->sf->font_cjk);
    file_note_input(k->sf->font_latin);
    file_note_input(k->sf->font_latin_bold);
  }
  return k->t && k->sf && (!forms || k->forms);
}

/* Renders the computed run r as a PDF or a Word document (format "pdf"
   or "docx") written atomically to path. */
static int report_write(run *r, const struct opts *o, const report_kit *k,
                        const char *path, const char *format)
{
  report_opts ro;
  memset(&ro, 0, sizeof ro);
  ro.lang = LANG_BILINGUAL;
  if (o->lang && strcmp(o->lang, "zh") == 0)
    ro.lang = LANG_ZH;
  else if (o->lang && strcmp(o->lang, "en") == 0)
    ro.lang = LANG_EN;
  ro.exercise = o->exercise;
  ro.forms = k->forms;
  const char *slash = strrchr(o->files[0], '/');
  ro.facility_dir = !slash ? NULL
                    : slash == o->files[0]
                        ? ""
                        : arena_strndup(r->a, o->files[0],
                                        (size_t)(slash - o->files[0]));
  const char *epoch = getenv("SOURCE_DATE_EPOCH");
  if (epoch && *epoch) {
    char *end;
    errno = 0;
    long long e = strtoll(epoch, &end, 10);
    if (*end || e < 0 || errno) {
      fprintf(stderr, "auditgen: SOURCE_DATE_EPOCH=\"%s\" is not a number "
                      "of seconds\n",
              epoch);
      return EXIT_USAGE;
    }
    ro.has_date = true;
    ro.epoch = e;
  }
  buf out;
  buf_init(&out);
  size_t pages = 0;
  bool docx = strcmp(format, "docx") == 0, xlsx = strcmp(format, "xlsx") == 0;
  report_status rs =
      docx   ? report_render_docx(r->a, r->dl, k->t, k->sf, r->results, &ro, &out)
      : xlsx ? report_render_xlsx(r->a, r->dl, k->t, k->sf, r->results, &ro, &out)
             : report_render_pdf(r->a, r->dl, k->t, k->sf, r->results, &ro,
                                 &out, &pages);
  if (rs != REPORT_OK) {
    print_diags(r->dl, o);
    if (rs == REPORT_INPUT) /* the templates expand past a budget */
      fprintf(stderr, "report: %zu error%s; nothing written\n",
              diag_errors(r->dl), diag_errors(r->dl) == 1 ? "" : "s");
    buf_fini(&out);
    return rs == REPORT_INPUT ? EXIT_INPUT : EXIT_IO;
  }
  int status = EXIT_OK;
  if (!output_write(path, &out)) {
    status = EXIT_IO;
  } else if (!o->quiet && (docx || xlsx)) {
    fprintf(stderr, "wrote %s (%zu KB)\n", path, out.len / 1024);
  } else if (!o->quiet) {
    fprintf(stderr, "wrote %s (%zu pages, %zu KB)\n", path, pages,
            out.len / 1024);
  }
  buf_fini(&out);
  return status;
}

static int run_report(const struct opts *o)
{
  run r;
  report_kit k = {NULL, NULL, NULL};
  arena *na = arena_new();
  const char *format = o->format ? o->format
                       : o->out  ? format_of(o->out)
                                 : "pdf";
  if (!format) {
    arena_free(na);
    fprintf(stderr, "auditgen: cannot write \"%s\" in the format its name "
                    "asks for: name it .pdf, .docx or .xlsx, or give "
                    "--format pdf|docx|xlsx\n%s",
            o->out, USAGE_REPORT);
    return EXIT_USAGE;
  }
  const char *ext = o->out ? strrchr(o->out, '.') : NULL;
  if (o->format && ext && (strcasecmp(ext, ".pdf") == 0 ||
                           strcasecmp(ext, ".docx") == 0 ||
                           strcasecmp(ext, ".xlsx") == 0) &&
      strcmp(format_of(o->out), o->format) != 0) {
    arena_free(na);
    fprintf(stderr, "auditgen: -o %s does not match --format %s\n%s", o->out,
            o->format, USAGE_REPORT);
    return EXIT_USAGE;
  }
  const char *path =
      o->out ? o->out
             : arena_printf(na, "%s.%s", stem(na, o->files[0]), format);
  if (!output_ok(path)) { /* a doomed run stops before any work */
    arena_free(na);
    return EXIT_IO;
  }
  bool ok = run_open(&r, o);
  r.outs[0] = arena_strdup(r.a, path);
  arena_free(na);
  /* templates and style are checked before the facility is computed */
  ok = report_kit_load(&r, o, &k, strcmp(format, "xlsx") == 0) && ok;
  int status;
  if (!run_model(&r, o, ok, "report", "; nothing written"))
    status = run_failed(&r);
  else
    status = report_write(&r, o, &k, r.outs[0], format);
  run_close(&r);
  return status;
}

/* One line of rules list's values from --rules folders, the heading
   before the first. */
static void layered_line(bool *any, const char *what, const char *from)
{
  if (!*any)
    out_printf("\nvalues from --rules folders:\n");
  *any = true;
  out_printf("%-50s %s\n", what, from);
}

/* The values a --rules folder gave instead of the shipped rules, each
   with its folder (Appendix B names them too: factors_used[].layer). */
static void rules_list_layered(arena *a, const factors *f,
                               const checkset *cs)
{
  bool any = false;
  for (size_t i = 0; i < f->n_carriers; i++) {
    const carrier_def *c = &f->carriers[i];
    if (c->layer)
      layered_line(&any, arena_printf(a, "carriers.%s coefficient", c->key),
                   c->layer);
    if (c->c_layer && c->has_carbon)
      layered_line(&any, arena_printf(a, "carriers.%s carbon", c->key),
                   c->c_layer);
  }
  for (size_t i = 0; i < f->n_benchmarks; i++)
    if (f->benchmarks[i].layer)
      layered_line(&any, arena_printf(a, "benchmarks.%s", f->benchmarks[i].key),
                   f->benchmarks[i].layer);
  for (size_t i = 0; i < f->n_supply_rate; i++)
    if (f->supply_rate[i].layer)
      layered_line(&any,
                   arena_printf(a, "supply_coal_rate %d", f->supply_rate[i].year),
                   f->supply_rate[i].layer);
  for (size_t i = 0; i < f->n_grid_sets; i++)
    for (size_t j = 0; j < f->grid_sets[i].n; j++) {
      const year_value *y = &f->grid_sets[i].factors[j];
      if (y->layer)
        layered_line(&any,
                     arena_printf(a, "grid_factor_sets.%s %d %s",
                                  f->grid_sets[i].key, y->year, y->region),
                     y->layer);
    }
  /* entries replaced or added whole, by their key */
#define LAYERED(arr, n, prefix, key)                                          \
  for (size_t i = 0; i < (n); i++)                                             \
    if ((arr)[i].layer)                                                        \
      layered_line(&any, arena_printf(a, prefix "%s", (arr)[i].key),          \
                   (arr)[i].layer)
  LAYERED(f->equipment, f->n_equipment, "equipment.kinds.", key);
  LAYERED(f->catalogues, f->n_catalogues, "equipment.catalogues.", key);
  LAYERED(f->process, f->n_process, "process.", key);
  LAYERED(f->gases, f->n_gases, "gases.", key);
  LAYERED(f->gwp_sets, f->n_gwp_sets, "gwp.", key);
  LAYERED(f->quotas, f->n_quotas, "buildings.", key);
  LAYERED(f->lighting, f->n_lighting, "buildings.lighting.", key);
  LAYERED(f->stages, f->n_stages, "stages.", key);
  LAYERED(f->declared.figures, f->declared.n_figures, "declared.figures.",
          shape);
#undef LAYERED
  for (size_t i = 0; i < checks_count(cs); i++) {
    const char *id, *sev, *src, *file, *text, *layer;
    checks_describe(cs, i, &id, &sev, &src, &file, &text, &layer);
    if (layer)
      layered_line(&any, arena_printf(a, "checks.%s", id), layer);
  }
  /* files a folder replaces whole */
  if (f->metering.layer)
    layered_line(&any, "metering.yaml", f->metering.layer);
  if (f->ets.layer)
    layered_line(&any, "ets.yaml", f->ets.layer);
  if (f->discount_layer)
    layered_line(&any, "finance.yaml", f->discount_layer);
}

/* `rules list` prints the checks in force; `rules check DIR` validates a
   firm's rules directory layered over the shipped one. */
static int run_rules(const struct opts *o)
{
  arena *a = arena_new();
  diag_list *dl = diag_new(a);
  units *u = units_new();
  bool io = false;
  struct opts lo = *o;
  bool check = strcmp(o->files[0], "check") == 0;
  if (check) {
    /* main has refused more than 8 directories in all */
    for (size_t i = 1; i < o->nfiles && lo.nrules < 8; i++)
      lo.rules[lo.nrules++] = o->files[i];
  }
  checkset *cs;
  factors *f = load_rules(a, dl, u, &lo, &io, &cs);
  print_diags(dl, o);
  int status = EXIT_OK;
  if (!f) {
    fprintf(stderr, "rules: %zu error%s\n", diag_errors(dl),
            diag_errors(dl) == 1 ? "" : "s");
    status = io ? EXIT_IO : EXIT_INPUT;
  } else if (check) {
    out_printf("rules ok: %zu carriers, %zu benchmarks, %zu equipment kinds, "
               "%zu checks\n",
               f->n_carriers, f->n_benchmarks, f->n_equipment,
               checks_count(cs));
  } else {
    for (size_t i = 0; i < checks_count(cs); i++) {
      const char *id, *sev, *src, *file, *text, *layer;
      checks_describe(cs, i, &id, &sev, &src, &file, &text, &layer);
      out_printf("%-34s %-13s %s\n", id, sev, src);
    }
    rules_list_layered(a, f, cs);
  }
  units_free(u);
  arena_free(a);
  return status;
}

static int run_calc(const struct opts *o)
{
  run r;
  int status = EXIT_OK;
  if (o->out && !output_ok(o->out)) /* a doomed run stops before any work */
    return EXIT_IO;
  bool ok = run_open(&r, o);
  r.outs[0] = o->out;
  if (!run_model(&r, o, ok, o->files[0], "; nothing written")) {
    status = run_failed(&r);
    run_close(&r);
    return status;
  }
  if (o->json || o->out) {
    if (!json_output(r.results, o->out, o->json))
      status = EXIT_IO;
    else if (o->out && !o->json)
      fprintf(stderr, "wrote %s\n", o->out);
  } else {
    buf out;
    buf_init(&out);
    summary_write(r.results, &out);
    out_write(out.data, out.len);
    buf_fini(&out);
  }
  run_close(&r);
  return status;
}

/* The number at a results path, NAN when it is missing or null. */
static double num_at(const value *root, const char *path)
{
  const value *v = val_path(root, path);
  return v && v->kind == VAL_NUM ? v->num : (double)NAN;
}

/* {====================================================== batch */

/* A batch: the facility files (sorted, this shard's), what they share —
   rules, checks, templates and style, loaded once before the workers
   are forked — and, in the parent, the summary lines and the counts. */
typedef struct batch {
  const struct opts *o;
  const char **files;
  size_t n;
  run shared;      /* rules and checks (its arena holds the kit too) */
  report_kit k;
  int w;           /* the table's first column */
  struct timespec newest; /* of the rules, templates and style (--resume) */
  /* parent only */
  char **lines;    /* summary.jsonl lines, by job */
  size_t ok, invalid, failed, crashed, skipped;
  int status;
  bool tty;
  double t0, last_plain;
} batch;

static double now_s(void)
{
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static bool ts_after(struct timespec a, struct timespec b)
{
  return a.tv_sec > b.tv_sec || (a.tv_sec == b.tv_sec && a.tv_nsec > b.tv_nsec);
}

/* The newest modification time of path and, for a folder, of everything
   below it (--resume compares outputs with it). */
static void newest_below(const char *path, struct timespec *newest, int depth)
{
  struct stat st;
  if (stat(path, &st) != 0)
    return;
  if (ts_after(st.st_mtim, *newest))
    *newest = st.st_mtim;
  if (!S_ISDIR(st.st_mode) || depth > 8)
    return;
  DIR *d = opendir(path);
  if (!d)
    return;
  struct dirent *e;
  while ((e = readdir(d))) {
    if (e->d_name[0] == '.')
      continue;
    size_t n = strlen(path) + strlen(e->d_name) + 2;
    char *sub = mem_alloc(n);
    snprintf(sub, n, "%s/%s", path, e->d_name);
    newest_below(sub, newest, depth + 1);
    mem_free(sub);
  }
  closedir(d);
}

/* The outputs of facility file i, in the run's arena. */
static void batch_outputs(const batch *b, run *r, const char *file)
{
  const struct opts *o = b->o;
  const char *name = stem(r->a, file);
  r->outs[0] = arena_printf(r->a, "%s/%s.json", o->out, name);
  if (o->report) {
    if (o->fmt_pdf || (!o->fmt_docx && !o->fmt_xlsx))
      r->outs[1] = arena_printf(r->a, "%s/%s.pdf", o->out, name);
    if (o->fmt_docx)
      r->outs[2] = arena_printf(r->a, "%s/%s.docx", o->out, name);
    if (o->fmt_xlsx)
      r->outs[3] = arena_printf(r->a, "%s/%s.xlsx", o->out, name);
  }
}

/* The record of the other files a facility's outputs were computed
   from (DIR/.NAME.inputs), for --resume. */
static const char *batch_inputs_path(const batch *b, run *r, const char *file)
{
  return arena_printf(r->a, "%s/.%s.inputs", b->o->out, stem(r->a, file));
}

/* Appends path to the record as an absolute path (so that a run from
   another folder reads it back), one a line. False for a name the record
   cannot hold (a newline in it) or that no longer resolves. */
static bool batch_input(const char *path, buf *out)
{
  char *real = realpath(path, NULL);
  bool ok = real && !strchr(real, '\n');
  if (ok) {
    buf_puts(out, real);
    buf_putc(out, '\n');
  }
  free(real);
  return ok;
}

/* Appends the files model m was read from besides its own file: its
   earlier years' files, interval data and evidence, and theirs. False
   when one cannot be recorded. */
static bool batch_inputs(const model *m, buf *out)
{
  bool ok = true;
  for (size_t i = 0; i < m->n_meters; i++)
    if (m->meters[i].series_file)
      ok = batch_input(m->meters[i].series_file, out) && ok;
  for (size_t i = 0; i < m->evidence.n; i++)
    ok = batch_input(m->evidence.items[i].real, out) && ok;
  for (size_t i = 0; i < m->n_history; i++) {
    const model *sub = m->history[i].sub;
    if (sub)
      ok = batch_input(sub->file, out) && batch_inputs(sub, out) && ok;
  }
  return ok;
}

/* --resume: every output exists and is newer than the facility file,
   the rules, (for reports) the templates and style, and every other file
   the outputs were computed from, as recorded when they were written
   (no record: computed again). */
static bool batch_up_to_date(const batch *b, run *r, const char *file)
{
  struct stat st;
  if (stat(file, &st) != 0)
    return false;
  struct timespec in = st.st_mtim;
  if (ts_after(b->newest, in))
    in = b->newest;
  bool have = false;
  struct timespec oldest = {0, 0};
  for (size_t i = 0; i < 4; i++) {
    if (!r->outs[i])
      continue;
    if (stat(r->outs[i], &st) != 0 || !S_ISREG(st.st_mode) ||
        !ts_after(st.st_mtim, in))
      return false;
    if (!have || ts_after(oldest, st.st_mtim))
      oldest = st.st_mtim;
    have = true;
  }
  /* read with stdio, not file_read_regular: the record is rewritten
     by this run, and an input read may not be an output */
  FILE *f = fopen(batch_inputs_path(b, r, file), "r");
  if (!f)
    return false;
  bool fresh = true;
  char line[8192];
  while (fresh && fgets(line, sizeof line, f)) {
    char *nl = strchr(line, '\n');
    if (!nl) {
      fresh = false; /* a name longer than any path, or no end */
      break;
    }
    *nl = '\0';
    fresh = stat(line, &st) == 0 && ts_after(oldest, st.st_mtim);
  }
  fresh = fresh && !ferror(f);
  fclose(f);
  return fresh;
}

/* Records the other files the outputs just written came from (see
   batch_up_to_date); without a record the next --resume computes the
   facility again. */
static void batch_record_inputs(const batch *b, run *r, const char *file)
{
  const char *path = batch_inputs_path(b, r, file);
  buf list;
  buf_init(&list);
  if (!batch_inputs(r->m, &list) ||
      file_write_atomic(path, list.data, list.len) != 0)
    unlink(path);
  buf_fini(&list);
}

/* The summary line of a facility computed (or read back: --resume), and
   its line of the table. */
/* The summary line (JSON) and the table row of a facility that was not
   written: invalid (exit 1) or failed (exit 3). */
static void batch_report_failed(const batch *b, run *r, const char *file,
                                int s, const char *why)
{
  value *line = val_obj(r->a);
  val_set_str(r->a, line, "file", file);
  val_set_str(r->a, line, "name", stem(r->a, file));
  val_set_str(r->a, line, "status", s == EXIT_INPUT ? "invalid" : "failed");
  val_set_num(r->a, line, "errors", (double)diag_errors(r->dl));
  val_set(r->a, line, "outputs", val_arr(r->a));
  buf jb;
  buf_init(&jb);
  json_write_line(line, &jb);
  out_write(jb.data, jb.len);
  out_write("\n", 1);
  buf_fini(&jb);
  out_printf("%-*s %16s %16s %s\n", b->w, file, "-", "-", why);
}

static void batch_report_ok(const batch *b, const run *r, const value *res,
                            const char *file)
{
  size_t sev[4] = {0, 0, 0, 0};
  static const char *const sevs[4] = {"nonconformity", "warning", "advice",
                                      "info"};
  const value *fs = val_path(res, "findings");
  for (size_t f = 0; fs && f < fs->n; f++) {
    const value *sv = val_get(fs->items[f], "severity");
    for (int j = 0; sv && sv->kind == VAL_STR && j < 4; j++)
      if (strcmp(sv->str, sevs[j]) == 0)
        sev[j]++;
  }
  double t = num_at(res, "energy.total_tce");
  double c = num_at(res, "carbon.total_tco2");
  value *line = val_obj(r->a);
  val_set_str(r->a, line, "file", file);
  val_set_str(r->a, line, "name", stem(r->a, file));
  val_set_str(r->a, line, "status", "ok");
  val_set_numf(r->a, line, "total_tce", t);
  val_set_numf(r->a, line, "total_tco2", c);
  value *fo = val_set(r->a, line, "findings", val_obj(r->a));
  for (int j = 0; j < 4; j++)
    val_set_num(r->a, fo, sevs[j], (double)sev[j]);
  value *outs = val_set(r->a, line, "outputs", val_arr(r->a));
  for (size_t i = 0; i < 4; i++)
    if (r->outs[i])
      val_push(r->a, outs, val_str(r->a, r->outs[i]));
  buf jb;
  buf_init(&jb);
  json_write_line(line, &jb);
  out_write(jb.data, jb.len);
  out_write("\n", 1);
  buf_fini(&jb);
  char tce[32], co2[32];
  snprintf(tce, sizeof tce, isfinite(t) ? "%.2f" : "-", t);
  snprintf(co2, sizeof co2, isfinite(c) ? "%.2f" : "-", c);
  out_printf("%-*s %16s %16s %zu/%zu/%zu/%zu\n", b->w, file, tce, co2,
             sev[0], sev[1], sev[2], sev[3]);
}

/* One facility, in a worker: its first line on standard output is its
   summary line, the rest its line of the table; its messages go to
   standard error. Returns its exit code. */
static int batch_job(size_t i, void *ctx)
{
  batch *b = ctx;
  const struct opts *o = b->o;
  const char *file = b->files[i];
  stdout_err = 0;
  struct opts one = *o;
  one.files = &b->files[i];
  one.nfiles = 1;
  run r = b->shared;
  memset(r.outs, 0, sizeof r.outs);
  r.a = arena_new();
  r.dl = diag_new(r.a);
  r.m = NULL;
  r.results = NULL;
  r.io = false;
  batch_outputs(b, &r, file);
  int s = EXIT_OK;
  if (o->resume && batch_up_to_date(b, &r, file)) {
    /* the summary as the run that wrote the JSON gave it */
    size_t len = 0;
    int rerr = 0;
    char *text = file_read_regular(r.outs[0], (size_t)1 << 30, &len, &rerr);
    value *res = text ? rollup_parse_json(r.a, r.dl, text, len, r.outs[0])
                      : NULL;
    mem_free(text);
    if (res) {
      batch_report_ok(b, &r, res, file);
      arena_free(r.a);
      return 100; /* skipped: up to date */
    }
    r.dl = diag_new(r.a); /* unreadable: computed again */
  }
  if (!run_model(&r, &one, true, file, "; nothing written")) {
    s = run_failed(&r);
    batch_report_failed(b, &r, file, s, r.m ? "not written" : "invalid");
  } else {
    if (!json_output(r.results, r.outs[0], false))
      s = EXIT_IO;
    /* after the JSON: the report adds its own fields to the results */
    if (s == EXIT_OK && r.outs[1])
      s = report_write(&r, &one, &b->k, r.outs[1], "pdf");
    if (s == EXIT_OK && r.outs[2])
      s = report_write(&r, &one, &b->k, r.outs[2], "docx");
    if (s == EXIT_OK && r.outs[3])
      s = report_write(&r, &one, &b->k, r.outs[3], "xlsx");
    if (s == EXIT_OK) {
      batch_record_inputs(b, &r, file);
      batch_report_ok(b, &r, r.results, file);
    } else {
      batch_report_failed(b, &r, file, s, "not written");
    }
  }
  arena_free(r.a);
  if (stdout_err && s == EXIT_OK)
    s = EXIT_IO;
  return s;
}

/* The progress line: redrawn on a terminal, a plain line every ten
   seconds otherwise (none in a run shorter than that). */
static void batch_progress(const batch *b, size_t done, size_t total,
                           bool final)
{
  double t = now_s() - b->t0;
  double rate = t > 0 ? (double)done / t : 0;
  double left = rate > 0 ? (double)(total - done) / rate : 0;
  char line[160];
  snprintf(line, sizeof line,
           "batch: %zu/%zu facilities (%.0f %%), %.1f/s, %.0f s left", done,
           total, 100.0 * (double)done / (double)total, rate, left);
  if (b->tty)
    fprintf(stderr, "\r\033[K%s", final ? "" : line);
  else
    fprintf(stderr, "%s\n", line);
  fflush(stderr);
}

static void batch_tick(size_t finished, size_t total, void *ctx)
{
  batch *b = ctx;
  if (b->o->quiet)
    return;
  if (b->tty) {
    batch_progress(b, finished, total, false);
  } else if (now_s() - b->last_plain >= 10) {
    b->last_plain = now_s();
    batch_progress(b, finished, total, false);
  }
}

static void batch_done(size_t i, const pool_result *pr, void *ctx)
{
  batch *b = ctx;
  if (b->tty && !b->o->quiet)
    fprintf(stderr, "\r\033[K"); /* the progress line, drawn again later */
  const char *nl = memchr(pr->out, '\n', pr->out_len);
  if (pr->status == POOL_CRASHED || !nl) {
    /* the facility took its worker down (or printed nothing) */
    b->crashed++;
    char why[96];
    if (pr->status != POOL_CRASHED)
      snprintf(why, sizeof why, "printed no summary");
    else if (pr->signal)
      snprintf(why, sizeof why, "crashed (signal %d, %s)", pr->signal,
               strsignal(pr->signal));
    else
      snprintf(why, sizeof why, "crashed (exit %d)", pr->exit_code);
    fwrite(pr->err, 1, pr->err_len, stderr);
    fprintf(stderr, "%s: %s; nothing written for it\n", b->files[i], why);
    out_printf("%-*s %16s %16s %s\n", b->w, b->files[i], "-", "-", "crashed");
    arena *a = arena_new();
    value *line = val_obj(a);
    val_set_str(a, line, "file", b->files[i]);
    val_set_str(a, line, "name", stem(a, b->files[i]));
    val_set_str(a, line, "status", "crashed");
    if (pr->signal)
      val_set_num(a, line, "signal", pr->signal);
    val_set(a, line, "outputs", val_arr(a));
    buf jb;
    buf_init(&jb);
    json_write_line(line, &jb);
    b->lines[i] = arena_strndup(b->shared.a, jb.data, jb.len);
    buf_fini(&jb);
    arena_free(a);
    if (EXIT_IO > b->status)
      b->status = EXIT_IO;
    return;
  }
  b->lines[i] = arena_strndup(b->shared.a, pr->out, (size_t)(nl - pr->out));
  out_write(nl + 1, pr->out_len - (size_t)(nl + 1 - pr->out));
  fwrite(pr->err, 1, pr->err_len, stderr);
  int s = pr->status;
  if (s == 100) {
    b->skipped++;
    s = EXIT_OK;
  } else if (s == EXIT_OK) {
    b->ok++;
  } else if (s == EXIT_INPUT) {
    b->invalid++;
  } else {
    b->failed++;
  }
  if (s > b->status)
    b->status = s;
}

static int cmp_str(const void *a, const void *b)
{
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The facility files: the arguments, "-" standing for the lines of the
   standard input; sorted (the order of the table, the summary and the
   shards does not depend on the order given). NULL after a message. */
static const char **batch_files(arena *a, const struct opts *o, size_t *n)
{
  const char **v = NULL;
  size_t cap = 0;
  *n = 0;
  bool stdin_read = false;
  for (size_t i = 0; i < o->nfiles; i++) {
    if (strcmp(o->files[i], "-") != 0) {
      *ARENA_PUSH(a, v, *n, cap) = o->files[i];
      continue;
    }
    if (stdin_read)
      continue;
    stdin_read = true;
    char *line = NULL;
    size_t lcap = 0;
    ssize_t len;
    while ((len = getline(&line, &lcap, stdin)) >= 0) {
      while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
        line[--len] = '\0';
      if (len > 0)
        *ARENA_PUSH(a, v, *n, cap) = arena_strndup(a, line, (size_t)len);
    }
    free(line);
  }
  if (*n)
    qsort(v, *n, sizeof *v, cmp_str);
  return v;
}

static int run_batch(const struct opts *o)
{
  int err = mkdir(o->out, 0777) != 0 ? errno : 0;
  struct stat st;
  if (err == EEXIST) /* an existing folder is fine, a file is not */
    err = stat(o->out, &st) != 0 ? errno : S_ISDIR(st.st_mode) ? 0 : ENOTDIR;
  if (err) {
    fprintf(stderr, "auditgen: cannot create the folder %s: %s\n", o->out,
            strerror(err));
    return EXIT_IO;
  }
  batch b;
  memset(&b, 0, sizeof b);
  b.o = o;
  bool ok = run_open(&b.shared, o);
  arena *a = b.shared.a;
  size_t nall;
  const char **all = batch_files(a, o, &nall);
  /* two files of the same name would write the same outputs (checked
     over every file, so that all shards agree) */
  strmap *names = strmap_new(a);
  for (size_t i = 0; i < nall; i++) {
    long j = strmap_get(names, stem(a, all[i]));
    if (j >= 0 || (i > 0 && strcmp(all[i], all[i - 1]) == 0)) {
      fprintf(stderr, "auditgen batch: %s and %s have the same name; their "
                      "outputs would overwrite each other\n",
              all[j >= 0 ? j : (long)i - 1], all[i]);
      run_close(&b.shared);
      return EXIT_USAGE;
    }
    strmap_put(names, stem(a, all[i]), (long)i);
  }
  if (nall == 0) {
    run_close(&b.shared);
    return usage_error("no facility file given (a list on the standard input "
                       "was empty)",
                       USAGE_BATCH);
  }
  /* this shard's files: the i-th of the sorted list goes to shard
     i mod N + 1 */
  b.files = ARENA_ARRAY(a, const char *, nall);
  for (size_t i = 0; i < nall; i++)
    if (o->shards == 0 || i % o->shards == o->shard - 1)
      b.files[b.n++] = all[i];
  if (o->report)
    ok = report_kit_load(&b.shared, o, &b.k, o->fmt_xlsx) && ok;
  if (!ok) {
    print_diags(b.shared.dl, o);
    fprintf(stderr, "batch: %zu error%s in the rules or templates; nothing "
                    "written\n",
            diag_errors(b.shared.dl), diag_errors(b.shared.dl) == 1 ? "" : "s");
    int s = run_failed(&b.shared);
    run_close(&b.shared);
    return s;
  }
  print_diags(b.shared.dl, o); /* warnings of the rules */
  if (o->resume) {
    for (size_t i = 0; i <= o->nrules; i++)
      newest_below(i == 0 ? arena_printf(a, "%s/rules", data_dir())
                          : o->rules[i - 1],
                   &b.newest, 0);
    if (o->report) {
      newest_below(o->templates ? o->templates
                                : arena_printf(a, "%s/templates", data_dir()),
                   &b.newest, 0);
      if (o->style)
        newest_below(o->style, &b.newest, 0);
    }
  }
  b.w = 8;
  for (size_t i = 0; i < b.n; i++)
    if ((int)strlen(b.files[i]) > b.w)
      b.w = (int)strlen(b.files[i]);
  out_printf("%-*s %16s %16s %s\n", b.w, "facility", "total tce",
             "total tCO2", "findings (nonconformity/warning/advice/info)");
  b.lines = ARENA_ARRAY(a, char *, b.n + 1);
  b.tty = isatty(2);
  b.t0 = b.last_plain = now_s();
  long cpus = sysconf(_SC_NPROCESSORS_ONLN);
  unsigned jobs = o->jobs ? o->jobs : cpus > 0 ? (unsigned)cpus : 1;
  fflush(stdout);
  int perr = pool_run(b.n, jobs, batch_job, batch_done, batch_tick, &b);
  if (perr) {
    fprintf(stderr, "auditgen batch: cannot start a worker: %s\n",
            strerror(perr));
    run_close(&b.shared);
    return EXIT_IO;
  }
  if (b.tty && !o->quiet)
    batch_progress(&b, b.n, b.n, true);
  /* DIR/summary.jsonl: one line per facility, sorted bytewise, so that
     the shards' files merged by `LC_ALL=C sort -m` give the same bytes */
  qsort(b.lines, b.n, sizeof *b.lines, cmp_str);
  buf sum;
  buf_init(&sum);
  for (size_t i = 0; i < b.n; i++) {
    buf_add(&sum, b.lines[i], strlen(b.lines[i]));
    buf_add(&sum, "\n", 1);
  }
  const char *spath =
      o->shards ? arena_printf(a, "%s/summary-%u-of-%u.jsonl", o->out,
                               o->shard, o->shards)
                : arena_printf(a, "%s/summary.jsonl", o->out);
  if (!output_write(spath, &sum) && EXIT_IO > b.status)
    b.status = EXIT_IO;
  buf_fini(&sum);
  size_t bad = b.invalid + b.failed + b.crashed;
  if (!o->quiet || bad)
    fprintf(stderr,
            "batch: %zu facilit%s: %zu written, %zu up to date, %zu failed "
            "(%zu invalid, %zu not written, %zu crashed); %s\n",
            b.n, b.n == 1 ? "y" : "ies", b.ok, b.skipped, bad, b.invalid,
            b.failed, b.crashed, spath);
  int status = b.status;
  run_close(&b.shared);
  return status;
}

/* }====================================================== */

/* {====================================================== rollup */

/* One member of a group: its results computed from a facility file (the
   rules loaded once for the group) or read from a results JSON, then
   summarised into the group's arena. NULL, after its messages, when the
   file is invalid; *errors says how many errors it had. */
static rollup_fac *rollup_member_load(arena *ga, const struct opts *o,
                                      const factors *f, const checkset *cs,
                                      units *u, const rollup_member *mb,
                                      size_t *errors, bool *io)
{
  arena *fa = arena_new();
  diag_list *dl = diag_new(fa);
  value *res = NULL;
  bool fio = false;
  if (mb->json) {
    res = rollup_read_results(fa, dl, mb->path, &fio);
  } else {
    model *m = model_load(fa, dl, u, f, mb->path, mb->path, &fio);
    if (m)
      res = calc_run_at(fa, dl, m, f, stem(fa, mb->path),
                        o->has_as_of ? &o->as_of : NULL);
    if (res)
      checks_run(fa, cs, res, dl);
  }
  print_diags(dl, o);
  *errors = diag_errors(dl);
  *io |= fio;
  rollup_fac *rf = NULL;
  if (res && *errors == 0)
    rf = rollup_summarise(ga, res);
  else
    fprintf(stderr, "%s: %zu error%s; left out of the group\n", mb->path,
            *errors, *errors == 1 ? "" : "s");
  arena_free(fa);
  return rf;
}

/* Prints the group's facilities, best first, and its totals. */
static void rollup_table(const value *g)
{
  const value *rk = val_get(g, "ranking");
  out_printf("%-4s %-24s %7s %16s %16s %10s %s\n", "rank", "facility",
             "weight", "total tce", "total tCO2", "tce/10k", "grade");
  for (size_t i = 0; rk && i < rk->n; i++) {
    const value *f = rk->items[i];
    char in[32], gr[32];
    double x = num_at(f, "intensity_tce_per_10k_cny");
    snprintf(in, sizeof in, isfinite(x) ? "%.3f" : "-", x);
    const value *gv = val_get(f, "grade");
    snprintf(gr, sizeof gr, "%s", val_get(f, "grade_status")->str);
    if (gv && gv->kind == VAL_NUM)
      snprintf(gr, sizeof gr, "grade %d", (int)gv->num);
    out_printf("%-4zu %-24s %6.1f%% %16.2f %16.2f %10s %s%s\n", i + 1,
               val_get(f, "id")->str, 100 * num_at(f, "weight"),
               num_at(f, "total_tce"), num_at(f, "total_tco2"), in, gr,
               val_get(f, "year_differs")->b ? " (other period)" : "");
  }
  const value *inv = val_get(g, "invalid");
  for (size_t i = 0; inv && i < inv->n; i++)
    out_printf("%-4s %-24s invalid, left out\n", "-",
               val_get(inv->items[i], "file")->str);
  out_printf("group (%s): %.2f tce, %.2f tCO2 (scope 1 %.2f, scope 2 %.2f)\n",
             val_path(g, "group.approach")->str,
             num_at(g, "energy.total_tce"), num_at(g, "carbon.total_tco2"),
             num_at(g, "carbon.scope1.total_tco2"),
             num_at(g, "carbon.scope2.total_tco2"));
}

static int run_rollup(const struct opts *o)
{
  const char *format = NULL;
  if (o->out) {
    const char *ext = strrchr(o->out, '.');
    format = ext && strcasecmp(ext, ".json") == 0 ? "json" : format_of(o->out);
    if (!format) {
      fprintf(stderr, "auditgen: cannot write \"%s\": name it .json, .pdf, "
                      ".docx or .xlsx\n%s",
              o->out, USAGE_ROLLUP);
      return EXIT_USAGE;
    }
    if (!output_ok(o->out))
      return EXIT_IO;
  }
  run r;
  bool ok = run_open(&r, o);
  report_kit k = {NULL, NULL, NULL};
  if (format && strcmp(format, "json") != 0) {
    /* the group's own templates; a firm's --templates folder replaces them */
    struct opts go = *o;
    if (!go.templates)
      go.templates = arena_printf(r.a, "%s/templates/group", data_dir());
    /* the filing forms are a facility's, not a group's */
    ok = report_kit_load(&r, &go, &k, false) && ok;
  }
  rollup_group *g = NULL;
  if (ok) {
    bool gio = false;
    g = rollup_load(r.a, r.dl, r.u, o->files[0], &gio);
    r.io |= gio;
  }
  if (!g) {
    print_diags(r.dl, o);
    fprintf(stderr, "%s: %zu error%s; nothing written\n", o->files[0],
            diag_errors(r.dl), diag_errors(r.dl) == 1 ? "" : "s");
    int st = run_failed(&r);
    run_close(&r);
    return st;
  }
  rollup_fac **facs = ARENA_ARRAY(r.a, rollup_fac *, g->n + 1);
  size_t *errs = ARENA_ARRAY(r.a, size_t, g->n + 1), bad = 0;
  bool io = false;
  for (size_t i = 0; i < g->n; i++) {
    facs[i] = rollup_member_load(r.a, o, r.f, r.cs, r.u, &g->members[i],
                                 &errs[i], &io);
    bad += facs[i] == NULL;
  }
  /* an output that became one of the inputs, or unwritable */
  if (o->out && !output_ok(o->out)) {
    run_close(&r);
    return EXIT_IO;
  }
  r.results = rollup_run(r.a, r.dl, g, facs, errs);
  print_diags(r.dl, o); /* the group file's warnings */
  if (bad && !o->quiet)
    fprintf(stderr, "%s: %zu of %zu facilities invalid, left out of the "
                    "totals (listed in the results)\n",
            o->files[0], bad, g->n);
  int status = EXIT_OK;
  buf out;
  buf_init(&out);
  if (!o->out || strcmp(format, "json") == 0) {
    if (o->json || o->out)
      json_write(r.results, &out);
    if (o->out && !output_write(o->out, &out))
      status = EXIT_IO;
    else if (o->out && !o->quiet)
      fprintf(stderr, "wrote %s\n", o->out);
    if (o->json)
      out_write(out.data, out.len);
    else if (!o->out)
      rollup_table(r.results);
  } else {
    if (o->json) {
      json_write(r.results, &out);
      out_write(out.data, out.len);
    }
    status = report_write(&r, o, &k, o->out, format);
  }
  buf_fini(&out);
  run_close(&r);
  return status;
}

/* }====================================================== */

/* auditgen schema: the facility file's JSON Schema on standard output. */
static int run_schema(const struct opts *o)
{
  arena *a = arena_new();
  diag_list *dl = diag_new(a);
  units *u = units_new();
  bool io = false;
  checkset *cs;
  /* the shipped rules: which industries' keys stand for industry */
  factors *f = load_rules(a, dl, u, o, &io, &cs);
  int status = EXIT_OK;
  if (!f) {
    print_diags(dl, o);
    status = io ? EXIT_IO : EXIT_INPUT;
  } else {
    /* a code of the table, its digits alone (industries_resolve), or a
       key standing for one */
    const char **keys = ARENA_ARRAY(a, const char *, 2 * f->n_industries + 1);
    size_t n = 0;
    for (size_t i = 0; i < f->n_industries; i++) {
      const industry_def *d = &f->industries[i];
      if (!d->code || !d->code[0] || !strchr("BCD", d->code[0]))
        continue;
      keys[n++] = d->key;
      if (strcmp(d->key, d->code) == 0 && d->key[1])
        keys[n++] = d->key + 1;
    }
    keys[n] = NULL;
    buf b;
    buf_init(&b);
    json_write(fs_json_schema(a, keys), &b);
    out_write(b.data, b.len);
    buf_fini(&b);
  }
  units_free(u);
  arena_free(a);
  return status;
}

/* {====================================================== cache */

/* A size for people: "9.29 MB" (powers of 1000). */
static void cache_size(char *out, size_t cap, uint64_t bytes)
{
  static const char *const unit[] = {"kB", "MB", "GB", "TB", "PB"};
  if (bytes < 1000) {
    snprintf(out, cap, "%llu bytes", (unsigned long long)bytes);
    return;
  }
  double v = (double)bytes / 1000;
  size_t u = 0;
  while (v >= 1000 && u + 1 < sizeof unit / sizeof unit[0]) {
    v /= 1000;
    u++;
  }
  snprintf(out, cap, "%.3g %s", v, unit[u]);
}

/* A time for people: "2026-12-07 01:55 UTC". */
static void cache_time(char *out, size_t cap, int64_t t)
{
  time_t tt = (time_t)t;
  struct tm tm;
  if (!gmtime_r(&tt, &tm) || !strftime(out, cap, "%Y-%m-%d %H:%M UTC", &tm))
    snprintf(out, cap, "%lld", (long long)t);
}

/* auditgen cache [--stats | --prune | --clear] (USAGE_CACHE); argv[0] is
   "cache". */
static int run_cache(int argc, char **argv)
{
  ycache_job job = YCACHE_STATS;
  int jobs = 0;
  bool quiet = false;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
      out_write(USAGE_CACHE, strlen(USAGE_CACHE));
      return EXIT_OK;
    } else if (strcmp(a, "--version") == 0) {
      return about(a, NULL);
    } else if (strcmp(a, "--stats") == 0) {
      job = YCACHE_STATS;
      jobs++;
    } else if (strcmp(a, "--prune") == 0) {
      job = YCACHE_PRUNE;
      jobs++;
    } else if (strcmp(a, "--clear") == 0) {
      job = YCACHE_CLEAR;
      jobs++;
    } else if (strcmp(a, "--quiet") == 0 || strcmp(a, "-q") == 0) {
      quiet = true;
    } else if (a[0] == '-' && a[1]) {
      fprintf(stderr, "auditgen cache: unknown option %s\n%s", a,
              USAGE_CACHE);
      return EXIT_USAGE;
    } else {
      return usage_error("cache takes no file, only --stats, --prune or "
                         "--clear",
                         USAGE_CACHE);
    }
  }
  if (jobs > 1)
    return usage_error("cache takes one of --stats, --prune and --clear",
                       USAGE_CACHE);
  ycache_limits l;
  ycache_limits_get(&l);
  if (l.bad_size && !quiet)
    fprintf(stderr, "auditgen: warning: AUDITGEN_CACHE_MAX=%s is not a size "
                    "(such as 200M, 1G or 0): 200M is used\n",
            l.bad_size);
  if (l.bad_age && !quiet)
    fprintf(stderr, "auditgen: warning: AUDITGEN_CACHE_MAX_AGE=%s is not a "
                    "number of days (such as 30 or 0): 30 is used\n",
            l.bad_age);
  ycache_stats st;
  ycache_status s = ycache_housekeep(job, &l, &st);
  if (s == YCACHE_NO_HOME) {
    fprintf(stderr, "auditgen: no cache folder: neither XDG_CACHE_HOME nor "
                    "HOME is an absolute path\n");
    return EXIT_IO;
  }
  if (s == YCACHE_NOT_OWN) {
    fprintf(stderr, "auditgen: %s is not a folder of yours alone (a link, "
                    "a file, another user's, or others may write it): the "
                    "cache does not use it and nothing was removed\n",
            st.dir);
    return EXIT_IO;
  }
  char size[32], t0[40], t1[40];
  if (s == YCACHE_NO_FOLDER) {
    out_printf("folder 目录: %s (none yet)\n"
               "entries 条目: 0\n",
               st.dir);
    return EXIT_OK;
  }
  if (job != YCACHE_STATS) {
    cache_size(size, sizeof size, st.removed_bytes);
    out_printf("removed 已删除: %zu entries, %s\n", st.removed, size);
    cache_size(size, sizeof size, st.bytes);
    out_printf("left 保留: %zu entries, %s\n", st.entries, size);
  } else {
    int64_t now = (int64_t)time(NULL);
    cache_size(size, sizeof size, st.bytes);
    out_printf("folder 目录: %s\nentries 条目: %zu, %s\n", st.dir,
               st.entries, size);
    if (st.entries) {
      cache_time(t0, sizeof t0, st.oldest);
      cache_time(t1, sizeof t1, st.newest);
      long long days = now > st.oldest ? (now - st.oldest) / 86400 : 0;
      out_printf("last used 最近使用: oldest %s (%lld days ago), newest %s\n",
                 t0, days, t1);
    }
    if (l.max_bytes)
      cache_size(size, sizeof size, l.max_bytes);
    else
      snprintf(size, sizeof size, "no size limit");
    if (l.max_days)
      out_printf("limits 上限: %s (AUDITGEN_CACHE_MAX), unused %u days "
                 "(AUDITGEN_CACHE_MAX_AGE)\n",
                 size, l.max_days);
    else
      out_printf("limits 上限: %s (AUDITGEN_CACHE_MAX), no age limit "
                 "(AUDITGEN_CACHE_MAX_AGE)\n",
                 size);
    if (st.housekept) {
      cache_time(t0, sizeof t0, st.housekept);
      cache_time(t1, sizeof t1, st.housekept + 86400);
      out_printf("housekeeping 清理: last %s; next on the first run that "
                 "writes an entry after %s\n",
                 t0, t1);
    } else {
      out_printf("housekeeping 清理: never; next on the first run that "
                 "writes an entry\n");
    }
  }
  if (st.others)
    out_printf("left alone 未动: %zu other files, links or folders\n",
               st.others);
  if (st.failed) {
    fprintf(stderr, "auditgen: %zu entries in %s could not be removed: %s\n",
            st.failed, st.dir, strerror(st.fail_errno));
    return EXIT_IO;
  }
  return EXIT_OK;
}

/* }====================================================== */

static int run_command(int argc, char **argv)
{
  struct opts o;
  memset(&o, 0, sizeof o);
  if (argc < 2)
    return usage_error("no command given", USAGE);
  const char *cmd = argv[1];
  if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 ||
      strcmp(cmd, "help") == 0) {
    out_write(USAGE, strlen(USAGE));
    return EXIT_OK;
  }
  int said = about(cmd, argc > 2 ? argv[2] : NULL);
  if (said >= 0)
    return said;
  if (strcmp(cmd, "import") == 0)
    return imp_cmd_import(argc - 1, argv + 1);
  if (strcmp(cmd, "template") == 0)
    return imp_cmd_template(argc - 1, argv + 1);
  if (strcmp(cmd, "cache") == 0)
    return run_cache(argc - 1, argv + 1);
  const char *usage;
  if (strcmp(cmd, "check") == 0)
    usage = USAGE_CHECK;
  else if (strcmp(cmd, "calc") == 0)
    usage = USAGE_CALC;
  else if (strcmp(cmd, "rules") == 0)
    usage = USAGE_RULES;
  else if (strcmp(cmd, "report") == 0)
    usage = USAGE_REPORT;
  else if (strcmp(cmd, "explain") == 0)
    usage = USAGE_EXPLAIN;
  else if (strcmp(cmd, "batch") == 0)
    usage = USAGE_BATCH;
  else if (strcmp(cmd, "rollup") == 0)
    usage = USAGE_ROLLUP;
  else if (strcmp(cmd, "schema") == 0)
    usage = USAGE_SCHEMA;
  else {
    fprintf(stderr, "auditgen: unknown command \"%s\"\n%s", cmd, USAGE);
    return EXIT_USAGE;
  }
  o.cmd = cmd;
  o.files = (const char **)mem_alloc(sizeof *o.files * (size_t)argc);
  int status;
  for (int i = 2; i < argc; i++) {
    const char *arg = argv[i];
    if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
      out_write(usage, strlen(usage));
      mem_free(o.files);
      return EXIT_OK;
    } else if (strcmp(arg, "--version") == 0) {
      mem_free(o.files);
      return about(arg, NULL);
    } else if (strcmp(arg, "--exercise") == 0 && usage == USAGE_REPORT) {
      o.exercise = true;
    } else if (strcmp(arg, "--report") == 0 && usage == USAGE_BATCH) {
      o.report = true;
    } else if (strcmp(arg, "--resume") == 0 && usage == USAGE_BATCH) {
      o.resume = true;
    } else if ((strcmp(arg, "--jobs") == 0 || strcmp(arg, "-j") == 0) &&
               usage == USAGE_BATCH) {
      char *end = NULL;
      long n = ++i < argc ? strtol(argv[i], &end, 10) : 0;
      if (i >= argc || !*argv[i] || *end || n < 1 || n > 1024) {
        mem_free(o.files);
        return usage_error("--jobs takes a number of workers, 1 to 1024",
                           usage);
      }
      o.jobs = (unsigned)n;
    } else if (strcmp(arg, "--shard") == 0 && usage == USAGE_BATCH) {
      unsigned si = 0, sn = 0;
      char tail = 0;
      if (++i >= argc ||
          sscanf(argv[i], "%u/%u%c", &si, &sn, &tail) != 2 || sn < 1 ||
          sn > 100000 || si < 1 || si > sn || argv[i][0] == '+' ||
          strchr(argv[i], ' ') || strchr(argv[i], '-')) {
        mem_free(o.files);
        return usage_error("--shard takes I/N: shard I (1 to N) of N", usage);
      }
      o.shard = si;
      o.shards = sn;
    } else if (strcmp(arg, "--format") == 0 && usage == USAGE_REPORT) {
      if (++i >= argc ||
          (strcmp(argv[i], "pdf") != 0 && strcmp(argv[i], "docx") != 0 &&
           strcmp(argv[i], "xlsx") != 0)) {
        mem_free(o.files);
        return usage_error("--format takes pdf, docx or xlsx", usage);
      }
      o.format = argv[i];
    } else if (strcmp(arg, "--formats") == 0 && usage == USAGE_BATCH) {
      if (++i >= argc) {
        mem_free(o.files);
        return usage_error("--formats needs a list, such as pdf,docx", usage);
      }
      /* a comma-separated list of pdf and docx, each at most once */
      o.report = true;
      const char *p = argv[i];
      bool bad = !*p;
      while (*p && !bad) {
        size_t n = strcspn(p, ",");
        bool *f = n == 3 && strncmp(p, "pdf", 3) == 0    ? &o.fmt_pdf
                  : n == 4 && strncmp(p, "docx", 4) == 0 ? &o.fmt_docx
                  : n == 4 && strncmp(p, "xlsx", 4) == 0 ? &o.fmt_xlsx
                                                         : NULL;
        if (!f || *f)
          bad = true;
        else
          *f = true;
        p += n;
        if (*p == ',' && !*++p)
          bad = true; /* a trailing comma */
      }
      if (bad) {
        mem_free(o.files);
        return usage_error("--formats takes pdf, docx and xlsx, "
                           "comma-separated, each once (such as pdf,docx)",
                           usage);
      }
    } else if (strcmp(arg, "--diagnostics") == 0 && usage == USAGE_CHECK) {
      if (++i >= argc ||
          (strcmp(argv[i], "json") != 0 && strcmp(argv[i], "text") != 0)) {
        mem_free(o.files);
        return usage_error("--diagnostics takes text or json", usage);
      }
      o.diag_json = strcmp(argv[i], "json") == 0;
    } else if (strcmp(arg, "--json") == 0 &&
               (usage == USAGE_CALC || usage == USAGE_ROLLUP)) {
      o.json = true;
    } else if (strcmp(arg, "--quiet") == 0 || strcmp(arg, "-q") == 0) {
      o.quiet = true;
    } else if ((strcmp(arg, "--lang") == 0 || strcmp(arg, "--templates") == 0 ||
                strcmp(arg, "--style") == 0) &&
               (usage == USAGE_REPORT || usage == USAGE_BATCH ||
                usage == USAGE_ROLLUP ||
                (usage == USAGE_EXPLAIN && strcmp(arg, "--lang") == 0))) {
      if (++i >= argc) {
        mem_free(o.files);
        return usage_error("--lang, --templates and --style need a value", usage);
      }
      if (strcmp(arg, "--lang") == 0) {
        if (strcmp(argv[i], "zh") && strcmp(argv[i], "en") &&
            strcmp(argv[i], "bilingual")) {
          mem_free(o.files);
          return usage_error("--lang takes zh, en or bilingual", usage);
        }
        o.lang = argv[i];
      } else if (strcmp(arg, "--templates") == 0) {
        o.templates = argv[i];
      } else {
        o.style = argv[i];
      }
    } else if ((strcmp(arg, "-o") == 0 || strcmp(arg, "--output") == 0) &&
               (usage == USAGE_CALC || usage == USAGE_REPORT ||
                usage == USAGE_BATCH || usage == USAGE_ROLLUP)) {
      if (++i >= argc) {
        mem_free(o.files);
        return usage_error("-o needs a file name", usage);
      }
      o.out = argv[i];
    } else if (strcmp(arg, "--as-of") == 0 && usage != USAGE_RULES) {
      if (++i >= argc || !parse_day(argv[i], &o.as_of)) {
        mem_free(o.files);
        return usage_error("--as-of takes a date YYYY-MM-DD (1949 to 2100)",
                           usage);
      }
      o.has_as_of = true;
    } else if (strcmp(arg, "--rules") == 0) {
      if (++i >= argc || o.nrules == 8) {
        mem_free(o.files);
        return usage_error("--rules needs a directory (at most 8)", usage);
      }
      size_t len = strlen(argv[i]);
      while (len > 1 && argv[i][len - 1] == '/')
        argv[i][--len] = '\0';
      o.rules[o.nrules++] = argv[i];
    } else if (arg[0] == '-' && arg[1]) {
      fprintf(stderr, "auditgen %s: unknown option %s\n%s", cmd, arg, usage);
      mem_free(o.files);
      return EXIT_USAGE;
    } else {
      /* "dir/" and "dir" name the same rules directory in messages */
      size_t len = strlen(arg);
      while (len > 1 && arg[len - 1] == '/')
        argv[i][--len] = '\0';
      o.files[o.nfiles++] = arg;
    }
  }
  if (usage == USAGE_SCHEMA)
    status = o.nfiles || o.nrules || o.quiet || o.has_as_of
                 ? usage_error("schema takes no arguments", usage)
                 : run_schema(&o);
  else if (o.nfiles == 0)
    status = usage_error(usage == USAGE_ROLLUP ? "no group file given"
                                               : "no facility file given",
                         usage);
  else if ((usage == USAGE_CALC || usage == USAGE_REPORT) && o.nfiles > 1)
    status = usage_error("calc and report take one facility file", usage);
  else if (usage == USAGE_REPORT)
    status = run_report(&o);
  else if (usage == USAGE_ROLLUP)
    status = o.nfiles == 1 ? run_rollup(&o)
                           : usage_error("rollup takes one group file", usage);
  else if (usage == USAGE_BATCH)
    status = o.out ? run_batch(&o)
                   : usage_error("batch needs -o DIR", usage);
  else if (usage == USAGE_EXPLAIN)
    status = o.nfiles == 2 ? run_explain(&o)
                           : usage_error("explain takes FILE and PATH", usage);
  else if (usage == USAGE_CHECK)
    status = run_check(&o);
  else if (usage == USAGE_RULES) {
    if (strcmp(o.files[0], "list") == 0 && o.nfiles == 1)
      status = run_rules(&o);
    else if (strcmp(o.files[0], "check") == 0 && o.nfiles >= 2 &&
             o.nrules + o.nfiles - 1 <= 8)
      status = run_rules(&o);
    else if (strcmp(o.files[0], "check") == 0 && o.nfiles >= 2)
      status = usage_error("rules check takes at most 8 directories, "
                           "--rules included",
                           usage);
    else
      status = usage_error("rules takes list, or check DIR...", usage);
  }
  else
    status = run_calc(&o);
  mem_free(o.files);
  return status;
}

int main(int argc, char **argv)
{
  guard_std_fds();
  signal(SIGPIPE, SIG_IGN); /* a reader gone is a write error (EPIPE) */
  file_signals_init();
  int status = close_stdout(run_command(argc, argv));
  file_inputs_reset();
  return status;
}
