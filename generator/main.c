/* main.c — the command line: parses arguments, wires the stages together
 * and maps their outcome to exit codes. No calculation lives here. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/buf.h"
#include "base/diag.h"
#include "base/fileio.h"
#include "base/mem.h"
#include "calc/calc.h"
#include "layout/layout.h"
#include "load/model.h"
#include "load/style.h"
#include "pdf/pdf.h"
#include "template/tmpl.h"
#include "load/units.h"
#include "out/explain.h"
#include "out/json.h"
#include "out/summary.h"
#include "rules/checks.h"
#include "rules/factors.h"

#ifndef AUDITGEN_VERSION
#define AUDITGEN_VERSION "0.1.0"
#endif
#ifndef AUDITGEN_DATADIR
#define AUDITGEN_DATADIR "."
#endif

enum exit_code {
  EXIT_OK = 0,
  EXIT_INPUT = 1, /* input invalid, nothing written */
  EXIT_USAGE = 2,
  EXIT_IO = 3     /* I/O or internal failure */
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
    "  --quiet       do not print warnings\n"
    "  --help, --version\n"
    "\n"
    "exit codes: 0 ok, 1 input invalid (nothing written), 2 usage, 3 I/O or\n"
    "internal failure. Docs: README.md, docs/calculation.md.\n";

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
    "usage: auditgen report FILE [-o OUT.pdf] [--lang zh|en|bilingual]\n"
    "                       [--templates DIR] [--style FILE] [--rules DIR]\n"
    "                       [--exercise]\n"
    "\n"
    "Computes the audit of FILE and writes the report as PDF (default: the\n"
    "file's name with .pdf, in the current folder) through a temporary\n"
    "file renamed into place. --lang picks the language (default\n"
    "bilingual); --templates a firm's template folder (default templates/);\n"
    "--style its style file (default templates/style.yaml). Set\n"
    "SOURCE_DATE_EPOCH to date the PDF; the same input gives the same\n"
    "bytes. Template errors are reported before any page is drawn.\n"
    "--exercise leaves every computed figure blank for students (charts\n"
    "and findings are left out); the normal report is the answer key.\n";

static const char USAGE_BATCH[] =
    "usage: auditgen batch FILE... -o DIR [--report] [--lang zh|en|bilingual]\n"
    "                      [--templates DIR] [--style FILE] [--rules DIR]\n"
    "\n"
    "Computes each facility file and writes DIR/NAME.json (NAME: the file's\n"
    "name without .yaml) and, with --report, DIR/NAME.pdf; DIR is created\n"
    "if missing. A file with errors gets its messages and no output; the\n"
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
};

static int usage_error(const char *msg, const char *usage)
{
  fprintf(stderr, "auditgen: %s\n%s", msg, usage);
  return EXIT_USAGE;
}

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
  size_t n = 0;
  dirs[n++] = arena_printf(a, "%s/rules", data_dir());
  for (size_t i = 0; i < o->nrules; i++)
    dirs[n++] = o->rules[i];
  factors *f = factors_load(a, dl, u, dirs, n, io);
  *cs = checks_load(a, dl, u, dirs, n);
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
  if (ok_so_far)
    r->m = model_load(r->a, r->dl, r->u, r->f, o->files[0], o->files[0],
                      &r->io);
  if (r->m)
    r->results = calc_run(r->a, r->dl, r->m, r->f, stem(r->a, o->files[0]));
  print_diags(r->dl, o);
  if (!r->results) {
    fprintf(stderr, "%s: %zu error%s%s\n", who, diag_errors(r->dl),
            diag_errors(r->dl) == 1 ? "" : "s", tail);
    return false;
  }
  checks_run(r->a, r->cs, r->results);
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
    model *m = f ? model_load(a, dl, u, f, o->files[i], o->files[i], &io)
                 : NULL;
    if (m && !calc_run(a, dl, m, f, "check"))
      m = NULL; /* calc finds some impossible inputs too */
    print_diags(dl, o);
    if (m) {
      printf("%s: ok (%zu meters, %zu units, %zu products", o->files[i],
             m->n_meters, m->n_units, m->n_products);
      if (diag_warnings(dl))
        printf(", %zu warnings", diag_warnings(dl));
      printf(")\n");
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
    if (!explain_write(r.results, o->files[1], zh, &out)) {
      const char *why = checks_path_check(o->files[1], r.a);
      fprintf(stderr, "auditgen explain: no value at %s%s%s\n", o->files[1],
              why ? ": " : "", why ? why : " for this facility");
      status = EXIT_INPUT;
    } else {
      fwrite(out.data, 1, out.len, stdout);
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
} report_kit;

static bool report_kit_load(run *r, const struct opts *o, report_kit *k)
{
  arena *a = r->a;
  const char *tdir = o->templates ? o->templates
                                  : arena_printf(a, "%s/templates", data_dir());
  const char *style_path =
      o->style ? o->style : arena_printf(a, "%s/style.yaml", tdir);
  if (o->style == NULL && o->templates) {
    /* a firm's folder without a style file uses the shipped one */
    FILE *sfile = fopen(style_path, "r");
    if (sfile)
      fclose(sfile);
    else
      style_path = arena_printf(a, "%s/templates/style.yaml", data_dir());
  }
  k->t = tmpl_load(a, r->dl, r->u, tdir, "report.tpl");
  k->sf = style_load(a, r->dl, r->u, style_path);
  return k->t && k->sf;
}

/* Renders the computed run r as a PDF written atomically to path. */
static int report_write(run *r, const struct opts *o, const report_kit *k,
                        const char *path)
{
  arena *a = r->a;
  diag_list *dl = r->dl;
  const style_file *sf = k->sf;
  lay_lang lang = LANG_BILINGUAL;
  if (o->lang && strcmp(o->lang, "zh") == 0)
    lang = LANG_ZH;
  else if (o->lang && strcmp(o->lang, "en") == 0)
    lang = LANG_EN;
  model *m = r->m;
  value *results = r->results;
  /* What the templates may say of the report itself (not of the audit):
     the firm and the report number of the style. */
  value *rep = val_set(a, results, "report", val_obj(a));
  value *firm = val_set(a, rep, "firm", val_obj(a));
  val_set_str(a, firm, "zh", sf->firm.zh);
  val_set_str(a, firm, "en", sf->firm.en);
  val_set_str(a, rep, "report_no", sf->report_no);
  val_set_str(a, rep, "lang", o->lang ? o->lang : "bilingual");
  val_set_bool(a, rep, "exercise", o->exercise);
  if (o->exercise)
    checks_blank_texts(a, results); /* findings state computed figures */
  doc *d = tmpl_expand(a, k->t, results, o->exercise);
  d->author = sf->firm.en;
  pdf_fonts fonts = {sf->font_cjk, sf->font_latin, sf->font_latin_bold};
  pdf_writer *w = pdf_new(dl, &fonts);
  if (!w) {
    print_diags(dl, o);
    return EXIT_IO;
  }
  lay_style ls = lay_default_style();
  ls.margin_top = sf->margin_top * 72.0 / 25.4;
  ls.margin_bottom = sf->margin_bottom * 72.0 / 25.4;
  ls.margin_left = sf->margin_left * 72.0 / 25.4;
  ls.margin_right = sf->margin_right * 72.0 / 25.4;
  ls.body_size = sf->body_size;
  ls.line_spacing = sf->line_spacing;
  ls.color_primary = sf->primary;
  ls.color_band = sf->band;
  ls.color_text = sf->text;
  ls.color_secondary = sf->secondary;
  ls.color_rule = sf->rule;
  ls.firm_zh = sf->firm.zh;
  ls.firm_en = sf->firm.en;
  ls.report_no = sf->report_no;
  ls.logo = sf->logo;
  layout *lay = layout_run(a, d, &ls, lang, pdf_measure, w);
  pdf_info info;
  memset(&info, 0, sizeof info);
  info.title = arena_printf(a, "Energy Audit Report and Carbon Audit - %s",
                            m->name.en);
  info.author = sf->firm.en;
  info.subject = "Energy audit (GB/T 17166) and carbon audit (GB/T 32150)";
  info.keywords = "energy audit; carbon audit; GB/T 17166; GB/T 2589";
  const char *epoch = getenv("SOURCE_DATE_EPOCH");
  if (epoch && *epoch) {
    char *end;
    long long e = strtoll(epoch, &end, 10);
    if (*end || e < 0) {
      fprintf(stderr, "auditgen: SOURCE_DATE_EPOCH=\"%s\" is not a number "
                      "of seconds\n",
              epoch);
      pdf_free(w);
      return EXIT_USAGE;
    }
    info.has_date = true;
    info.epoch = e;
  }
  buf out;
  buf_init(&out);
  bool rendered = pdf_render(w, lay, &info, &out);
  pdf_free(w);
  if (!rendered) {
    print_diags(dl, o);
    buf_fini(&out);
    return EXIT_IO;
  }
  int status = EXIT_OK;
  int err = file_write_atomic(path, out.data, out.len);
  if (err) {
    fprintf(stderr, "auditgen: cannot write %s: %s\n", path, strerror(err));
    status = EXIT_IO;
  } else if (!o->quiet) {
    fprintf(stderr, "wrote %s (%zu pages, %zu KB)\n", path, lay->n,
            out.len / 1024);
  }
  buf_fini(&out);
  return status;
}

static int run_report(const struct opts *o)
{
  run r;
  report_kit k = {NULL, NULL};
  bool ok = run_open(&r, o);
  /* templates and style are checked before the facility is computed */
  ok = report_kit_load(&r, o, &k) && ok;
  int status;
  if (!run_model(&r, o, ok, "report", "; nothing written"))
    status = run_failed(&r);
  else
    status = report_write(&r, o, &k,
                          o->out ? o->out
                                 : arena_printf(r.a, "%s.pdf",
                                                stem(r.a, o->files[0])));
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
    printf("rules ok: %zu carriers, %zu benchmarks, %zu equipment kinds, %zu "
           "checks\n",
           f->n_carriers, f->n_benchmarks, f->n_equipment, checks_count(cs));
  } else {
    for (size_t i = 0; i < checks_count(cs); i++) {
      const char *id, *sev, *src, *file, *text;
      checks_describe(cs, i, &id, &sev, &src, &file, &text);
      printf("%-34s %-13s %s\n", id, sev, src);
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
  bool ok = run_open(&r, o);
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
    int err = file_write_atomic(o->out, out.data, out.len);
    if (err) {
      fprintf(stderr, "auditgen: cannot write %s: %s\n", o->out, strerror(err));
      status = EXIT_IO;
    } else if (!o->json) {
      fprintf(stderr, "wrote %s\n", o->out);
    }
    if (o->json)
      fwrite(out.data, 1, out.len, stdout);
  } else {
    fwrite(out.data, 1, out.len, stdout);
  }
  if (fflush(stdout) != 0)
    status = EXIT_IO;
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
  if (mkdir(o->out, 0777) != 0 && errno != EEXIST) {
    fprintf(stderr, "auditgen: cannot create %s: %s\n", o->out,
            strerror(errno));
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
  printf("%-*s %16s %16s %s\n", w, "facility", "total tce", "total tCO2",
         "findings (nonconformity/warning/advice/info)");
  for (size_t i = 0; i < o->nfiles; i++) {
    struct opts one = *o;
    one.files = &o->files[i];
    one.nfiles = 1;
    run r;
    report_kit k = {NULL, NULL};
    bool ok = run_open(&r, &one);
    if (o->report)
      ok = report_kit_load(&r, &one, &k) && ok;
    int s = EXIT_OK;
    if (!run_model(&r, &one, ok, o->files[i], "; nothing written")) {
      s = run_failed(&r);
      printf("%-*s %16s %16s %s\n", w, o->files[i], "-", "-", "invalid");
    } else {
      const char *name = stem(r.a, o->files[i]);
      buf out;
      buf_init(&out);
      json_write(r.results, &out);
      const char *path = arena_printf(r.a, "%s/%s.json", o->out, name);
      int err = file_write_atomic(path, out.data, out.len);
      buf_fini(&out);
      if (err) {
        fprintf(stderr, "auditgen: cannot write %s: %s\n", path,
                strerror(err));
        s = EXIT_IO;
      }
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
      printf("%-*s %16s %16s %zu/%zu/%zu/%zu\n", w, o->files[i], tce, co2,
             sev[0], sev[1], sev[2], sev[3]);
      /* after the JSON: the report adds its own fields to the results */
      if (s == EXIT_OK && o->report)
        s = report_write(&r, &one, &k,
                         arena_printf(r.a, "%s/%s.pdf", o->out, name));
    }
    run_close(&r);
    if (s > status)
      status = s;
  }
  if (fflush(stdout) != 0 && status == EXIT_OK)
    status = EXIT_IO;
  return status;
}

int main(int argc, char **argv)
{
  struct opts o;
  memset(&o, 0, sizeof o);
  if (argc < 2)
    return usage_error("no command given", USAGE);
  const char *cmd = argv[1];
  if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 ||
      strcmp(cmd, "help") == 0) {
    fputs(USAGE, stdout);
    return EXIT_OK;
  }
  if (strcmp(cmd, "--version") == 0) {
    printf("auditgen %s\n", AUDITGEN_VERSION);
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
      fputs(usage, stdout);
      mem_free(o.files);
      return EXIT_OK;
    } else if (strcmp(arg, "--version") == 0) {
      printf("auditgen %s\n", AUDITGEN_VERSION);
      mem_free(o.files);
      return EXIT_OK;
    } else if (strcmp(arg, "--exercise") == 0 && usage == USAGE_REPORT) {
      o.exercise = true;
    } else if (strcmp(arg, "--report") == 0 && usage == USAGE_BATCH) {
      o.report = true;
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
    else if (strcmp(o.files[0], "check") == 0 && o.nfiles >= 2)
      status = run_rules(&o);
    else
      status = usage_error("rules takes list, or check DIR...", usage);
  }
  else
    status = run_calc(&o);
  mem_free(o.files);
  return status;
}
