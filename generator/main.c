/* main.c — the command line: parses arguments, wires the stages together
 * and maps their outcome to exit codes. No calculation lives here. */
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
#include <unistd.h>

#include "base/buf.h"
#include "base/diag.h"
#include "base/fileio.h"
#include "base/mem.h"
#include "calc/calc.h"
#include "load/model.h"
#include "load/style.h"
#include "report/report.h"
#include "template/forms.h"
#include "template/tmpl.h"
#include "load/units.h"
#include "out/explain.h"
#include "out/json.h"
#include "out/summary.h"
#include "rules/checks.h"
#include "rules/expr.h"
#include "rules/factors.h"

#ifndef AUDITGEN_VERSION
#define AUDITGEN_VERSION "0.1.0"
#endif
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
    "                             (--report: PDFs too) and a summary line each\n"
    "  rules list                 the checks in force\n"
    "  rules check DIR...         validate a firm's rules directory\n"
    "\n"
    "options of every command:\n"
    "  --rules DIR   a firm's rules directory, layered over the shipped one\n"
    "  --as-of DATE  apply the editions of the standards in force on DATE\n"
    "                (YYYY-MM-DD) instead of those of the audit period\n"
    "  --quiet       do not print warnings\n"
    "  --help, --version\n"
    "\n"
    "exit codes: 0 ok; 1 an input is invalid (nothing written); 2 usage;\n"
    "3 a file or folder given (facility, --rules, --templates, --style)\n"
    "cannot be read, or an output (-o, standard output) cannot be written.\n"
    "-o never replaces one of the run's inputs, a folder, FIFO or socket; a\n"
    "device such as /dev/null is written through; a symbolic link's target\n"
    "is replaced, keeping its mode. Docs: README.md, docs/calculation.md.\n";

static const char USAGE_CHECK[] =
    "usage: auditgen check FILE... [--rules DIR] [--quiet]\n"
    "\n"
    "Validates each facility file against the input schema (docs in\n"
    "README.md) and the carrier rules, and prints every error as\n"
    "file:line:column. Exit 0 when all files are valid, 1 otherwise.\n";

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
    "                      [--lang zh|en|bilingual] [--templates DIR]\n"
    "                      [--style FILE] [--rules DIR]\n"
    "\n"
    "Computes each facility file and writes DIR/NAME.json (NAME: the file's\n"
    "name without .yaml) and, with --report, DIR/NAME.pdf; --formats names\n"
    "the report formats to write (pdf, docx, xlsx; implies --report). DIR is\n"
    "created if missing. A file with errors gets its messages and no output; the\n"
    "others are still written. Prints one line per facility (total energy,\n"
    "CO2, findings by severity). Exit 1 when any file was invalid.\n";

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

static const char *data_dir(void)
{
  const char *env = getenv("AUDITGEN_DATA");
  return env && *env ? env : AUDITGEN_DATADIR;
}

/* Loads the rules — the shipped directory, then each --rules DIR — and
   the checks, all validated before any facility is read. Returns NULL
   after diagnostics when any rule file is invalid. */
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
  *cs = checks_load(a, dl, u, dirs, n, &cio);
  *io = fio || cio;
  return f && *cs ? f : NULL;
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
  for (size_t i = 0; i < o->nfiles; i++) {
    arena *a = arena_new();
    diag_list *dl = diag_new(a);
    units *u = units_new();
    bool io = false;
    checkset *cs;
    factors *f = load_rules(a, dl, u, o, &io, &cs);
    bool mio = false;
    model *m = f ? model_load(a, dl, u, f, o->files[i], o->files[i], &mio)
                 : NULL;
    io |= mio;
    if (m && !calc_run_at(a, dl, m, f, "check",
                          o->has_as_of ? &o->as_of : NULL))
      m = NULL; /* calc finds some impossible inputs too */
    print_diags(dl, o);
    if (m) {
      out_printf("%s: ok (%zu meters, %zu units, %zu products", o->files[i],
                 m->n_meters, m->n_units, m->n_products);
      if (diag_warnings(dl))
        out_printf(", %zu warnings", diag_warnings(dl));
      out_printf(")\n");
    } else {
      fprintf(stderr, "%s: %zu error%s\n", o->files[i], diag_errors(dl),
              diag_errors(dl) == 1 ? "" : "s");
      int s = io ? EXIT_IO : EXIT_INPUT;
      if (s > status)
        status = s;
    }
    units_free(u);
    arena_free(a);
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

static bool report_kit_load(run *r, const struct opts *o, report_kit *k)
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
    k->forms = forms_load(a, r->dl, r->u,
                          arena_printf(a, "%s/templates", data_dir()), tdir,
                          &fio);
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
  return k->t && k->sf && k->forms;
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
  ok = report_kit_load(&r, o, &k) && ok;
  int status;
  if (!run_model(&r, o, ok, "report", "; nothing written"))
    status = run_failed(&r);
  else
    status = report_write(&r, o, &k, r.outs[0], format);
  run_close(&r);
  return status;
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
      const char *id, *sev, *src, *file, *text;
      checks_describe(cs, i, &id, &sev, &src, &file, &text);
      out_printf("%-34s %-13s %s\n", id, sev, src);
    }
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
  buf out;
  buf_init(&out);
  if (o->json || o->out)
    json_write(r.results, &out);
  else
    summary_write(r.results, &out);
  if (o->out) {
    if (!output_write(o->out, &out))
      status = EXIT_IO;
    else if (!o->json)
      fprintf(stderr, "wrote %s\n", o->out);
    if (o->json)
      out_write(out.data, out.len);
  } else {
    out_write(out.data, out.len);
  }
  buf_fini(&out);
  run_close(&r);
  return status;
}

/* The number at a results path, NAN when it is missing or null. */
static double num_at(const value *root, const char *path)
{
  const value *v = val_path(root, path);
  return v && v->kind == VAL_NUM ? v->num : (double)NAN;
}

static int run_batch(const struct opts *o)
{
  int status = EXIT_OK;
  int err = mkdir(o->out, 0777) != 0 ? errno : 0;
  struct stat st;
  if (err == EEXIST) /* an existing folder is fine, a file is not */
    err = stat(o->out, &st) != 0 ? errno : S_ISDIR(st.st_mode) ? 0 : ENOTDIR;
  if (err) {
    fprintf(stderr, "auditgen: cannot create the folder %s: %s\n", o->out,
            strerror(err));
    return EXIT_IO;
  }
  /* two files of the same name would write the same outputs */
  arena *na = arena_new();
  for (size_t i = 0; i < o->nfiles; i++)
    for (size_t j = 0; j < i; j++)
      if (strcmp(stem(na, o->files[i]), stem(na, o->files[j])) == 0) {
        fprintf(stderr, "auditgen batch: %s and %s have the same name; their "
                        "outputs would overwrite each other\n",
                o->files[j], o->files[i]);
        arena_free(na);
        return EXIT_USAGE;
      }
  arena_free(na);
  int w = 8;
  for (size_t i = 0; i < o->nfiles; i++)
    if ((int)strlen(o->files[i]) > w)
      w = (int)strlen(o->files[i]);
  out_printf("%-*s %16s %16s %s\n", w, "facility", "total tce",
             "total tCO2", "findings (nonconformity/warning/advice/info)");
  for (size_t i = 0; i < o->nfiles; i++) {
    struct opts one = *o;
    one.files = &o->files[i];
    one.nfiles = 1;
    run r;
    report_kit k = {NULL, NULL, NULL};
    bool ok = run_open(&r, &one);
    const char *name = stem(r.a, o->files[i]);
    r.outs[0] = arena_printf(r.a, "%s/%s.json", o->out, name);
    if (o->report) {
      if (o->fmt_pdf || (!o->fmt_docx && !o->fmt_xlsx))
        r.outs[1] = arena_printf(r.a, "%s/%s.pdf", o->out, name);
      if (o->fmt_docx)
        r.outs[2] = arena_printf(r.a, "%s/%s.docx", o->out, name);
      if (o->fmt_xlsx)
        r.outs[3] = arena_printf(r.a, "%s/%s.xlsx", o->out, name);
      ok = report_kit_load(&r, &one, &k) && ok;
    }
    int s = EXIT_OK;
    if (!run_model(&r, &one, ok, o->files[i], "; nothing written")) {
      s = run_failed(&r);
      out_printf("%-*s %16s %16s %s\n", w, o->files[i], "-", "-",
                 r.m ? "not written" : "invalid");
    } else {
      buf out;
      buf_init(&out);
      json_write(r.results, &out);
      if (!output_write(r.outs[0], &out))
        s = EXIT_IO;
      buf_fini(&out);
      size_t sev[4] = {0, 0, 0, 0};
      static const char *const sevs[4] = {"nonconformity", "warning",
                                          "advice", "info"};
      const value *fs = val_path(r.results, "findings");
      for (size_t f = 0; fs && f < fs->n; f++) {
        const value *sv = val_get(fs->items[f], "severity");
        for (int j = 0; sv && j < 4; j++)
          if (strcmp(sv->str, sevs[j]) == 0)
            sev[j]++;
      }
      char tce[32], co2[32];
      double t = num_at(r.results, "energy.total_tce");
      double c = num_at(r.results, "carbon.total_tco2");
      snprintf(tce, sizeof tce, isfinite(t) ? "%.2f" : "-", t);
      snprintf(co2, sizeof co2, isfinite(c) ? "%.2f" : "-", c);
      out_printf("%-*s %16s %16s %zu/%zu/%zu/%zu\n", w, o->files[i], tce,
                 co2, sev[0], sev[1], sev[2], sev[3]);
      /* after the JSON: the report adds its own fields to the results */
      if (s == EXIT_OK && r.outs[1])
        s = report_write(&r, &one, &k, r.outs[1], "pdf");
      if (s == EXIT_OK && r.outs[2])
        s = report_write(&r, &one, &k, r.outs[2], "docx");
      if (s == EXIT_OK && r.outs[3])
        s = report_write(&r, &one, &k, r.outs[3], "xlsx");
    }
    run_close(&r);
    if (s > status)
      status = s;
  }
  return status;
}

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
  if (strcmp(cmd, "--version") == 0) {
    out_printf("auditgen %s\n", AUDITGEN_VERSION);
    return EXIT_OK;
  }
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
      out_printf("auditgen %s\n", AUDITGEN_VERSION);
      mem_free(o.files);
      return EXIT_OK;
    } else if (strcmp(arg, "--exercise") == 0 && usage == USAGE_REPORT) {
      o.exercise = true;
    } else if (strcmp(arg, "--report") == 0 && usage == USAGE_BATCH) {
      o.report = true;
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
    } else if (strcmp(arg, "--json") == 0 && usage == USAGE_CALC) {
      o.json = true;
    } else if (strcmp(arg, "--quiet") == 0 || strcmp(arg, "-q") == 0) {
      o.quiet = true;
    } else if ((strcmp(arg, "--lang") == 0 || strcmp(arg, "--templates") == 0 ||
                strcmp(arg, "--style") == 0) &&
               (usage == USAGE_REPORT || usage == USAGE_BATCH ||
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
                usage == USAGE_BATCH)) {
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
  if (o.nfiles == 0)
    status = usage_error("no facility file given", usage);
  else if ((usage == USAGE_CALC || usage == USAGE_REPORT) && o.nfiles > 1)
    status = usage_error("calc and report take one facility file", usage);
  else if (usage == USAGE_REPORT)
    status = run_report(&o);
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
