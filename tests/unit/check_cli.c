/* check_cli.c — the command line as a user meets it: help, version, exit
 * codes, atomic output, and byte-identical results on repeated runs. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "suites.h"
#include "testutil.h"

static int run(const char *const *argv, char **out, char **err)
{
  return tu_exec(argv, tu_root(), out, err);
}

/* The libraries of the PDF, docx, xlsx and import paths are opened when
   a command first needs them (generator/base/dynlib.h): the program
   does not name them, so the dynamic linker maps none of them, nor what
   they pull in (libcrypto, FreeType, GLib), for calc or check. */
START_TEST(t_heavy_libraries_on_demand)
{
  char *out = NULL;
  char cmd[4096];
  snprintf(cmd, sizeof cmd, "LD_TRACE_LOADED_OBJECTS=1 '%s'", tu_bin());
  ck_assert_int_eq(tu_sh(cmd, &out), 0);
  ck_assert_ptr_nonnull(strstr(out, "libyaml"));
  static const char *const lazy[] = {"libzip", "libharfbuzz", "libhpdf",
                                     "libexpat", "libcrypto", "libfreetype",
                                     "libglib"};
  for (size_t i = 0; i < sizeof lazy / sizeof lazy[0]; i++)
    ck_assert_msg(!strstr(out, lazy[i]), "%s loaded at start:\n%s", lazy[i],
                  out);
  free(out);
}
END_TEST

START_TEST(t_help_version_usage)
{
  char *out, *err;
  const char *help[] = {tu_bin(), "--help", NULL};
  ck_assert_int_eq(run(help, &out, &err), 0);
  ck_assert_ptr_nonnull(strstr(out, "usage: auditgen"));
  free(out), free(err);
  const char *sub[] = {tu_bin(), "calc", "--help", NULL};
  ck_assert_int_eq(run(sub, &out, &err), 0);
  ck_assert_ptr_nonnull(strstr(out, "usage: auditgen calc"));
  free(out), free(err);
  const char *ver[] = {tu_bin(), "--version", NULL};
  ck_assert_int_eq(run(ver, &out, &err), 0);
  ck_assert_ptr_nonnull(strstr(out, "auditgen "));
  free(out), free(err);
  const char *none[] = {tu_bin(), NULL};
  ck_assert_int_eq(run(none, &out, &err), 2);
  free(out), free(err);
  const char *unk[] = {tu_bin(), "frobnicate", NULL};
  ck_assert_int_eq(run(unk, &out, &err), 2);
  ck_assert_ptr_nonnull(strstr(err, "unknown command"));
  free(out), free(err);
  const char *opt[] = {tu_bin(), "calc", "--bogus", "x.yaml", NULL};
  ck_assert_int_eq(run(opt, &out, &err), 2);
  free(out), free(err);
  const char *two[] = {tu_bin(), "calc", "a.yaml", "b.yaml", NULL};
  ck_assert_int_eq(run(two, &out, &err), 2);
  free(out), free(err);
}
END_TEST

START_TEST(t_missing_file_is_io)
{
  char *out, *err;
  const char *argv[] = {tu_bin(), "calc", "no/such/file.yaml", NULL};
  ck_assert_int_eq(run(argv, &out, &err), 3);
  ck_assert_ptr_nonnull(strstr(err, "no/such/file.yaml: error: cannot open"));
  free(out), free(err);
}
END_TEST

START_TEST(t_check_command)
{
  char *out, *err;
  const char *argv[] = {tu_bin(), "check", "samples/cement-plant.yaml",
                        "tests/bad/unknown-key.yaml", NULL};
  ck_assert_int_eq(run(argv, &out, &err), 1);
  ck_assert_ptr_nonnull(strstr(out, "samples/cement-plant.yaml: ok"));
  ck_assert_ptr_nonnull(strstr(err, "tests/bad/unknown-key.yaml:"));
  free(out), free(err);
}
END_TEST


/* check finds what calc finds: a product credited more than the site
   took in is an error of check too, with its position. */
START_TEST(t_check_runs_calc)
{
  char *out, *err;
  const char *argv[] = {tu_bin(), "check",
                        "tests/bad/product-energy-above-site.yaml", NULL};
  ck_assert_int_eq(run(argv, &out, &err), 1);
  ck_assert_str_eq(out, "");
  ck_assert_ptr_nonnull(strstr(err, "tests/bad/product-energy-above-site.yaml:"
                                    "23:41: error: products[cement]: credited"));
  ck_assert_ptr_nonnull(
      strstr(err, "tests/bad/product-energy-above-site.yaml: 2 errors\n"));
  free(out), free(err);
}
END_TEST

START_TEST(t_output_deterministic_and_kept_on_error)
{
  char dir[] = "/tmp/auditgen-cli-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  char p1[128], p2[128];
  snprintf(p1, sizeof p1, "%s/a.json", dir);
  snprintf(p2, sizeof p2, "%s/b.json", dir);
  char *out, *err;
  const char *a1[] = {tu_bin(), "calc", "samples/cement-plant.yaml", "-o", p1,
                      NULL};
  const char *a2[] = {tu_bin(), "calc", "samples/cement-plant.yaml", "--json",
                      "-o", p2, NULL};
  ck_assert_int_eq(run(a1, &out, &err), 0);
  free(out), free(err);
  ck_assert_int_eq(run(a2, &out, &err), 0);
  char *j1 = tu_slurp(p1, NULL), *j2 = tu_slurp(p2, NULL);
  ck_assert_str_eq(j1, j2);
  ck_assert_str_eq(out, j2); /* --json with -o also prints it */
  free(out), free(err);
  /* a failing run leaves the good file untouched */
  const char *bad[] = {tu_bin(), "calc", "tests/bad/unknown-key.yaml", "-o",
                       p1, NULL};
  ck_assert_int_eq(run(bad, &out, &err), 1);
  free(out), free(err);
  char *j3 = tu_slurp(p1, NULL);
  ck_assert_str_eq(j1, j3);
  free(j1), free(j2), free(j3);
  unlink(p1);
  unlink(p2);
  ck_assert_int_eq(rmdir(dir), 0); /* no temporary left behind */
}
END_TEST

/* batch: each valid facility's JSON equals its calc --json; an invalid
   one gets its messages, no output, and exit 1; same-named files are a
   usage error. */
/* explain takes the paths of the JSON and of the checks: [name],
   [member=value], [N], [? filter]; an unknown path is named with the
   keys it may have meant, exit 1, nothing on stdout. */
START_TEST(t_explain_paths)
{
  static const char *const same[] = {
      "energy.carriers[electricity].tce",
      "energy.carriers[carrier=electricity].tce",
      "energy.carriers[carrier=\"electricity\"].tce",
      "energy.carriers[? .carrier == \"electricity\"].tce"};
  char *first = NULL;
  for (size_t i = 0; i < sizeof same / sizeof *same; i++) {
    const char *argv[] = {tu_bin(), "explain", "samples/cement-plant.yaml",
                          same[i], NULL};
    char *out, *err;
    ck_assert_int_eq(run(argv, &out, &err), 0);
    ck_assert_str_eq(err, "");
    /* the same explanation under the path as written */
    const char *body = strstr(out, " = ");
    ck_assert_ptr_nonnull(body);
    ck_assert_msg(strncmp(out, same[i], strlen(same[i])) == 0, "%s", out);
    if (!first)
      first = strdup(body);
    else
      ck_assert_str_eq(body, first);
    free(out);
    free(err);
  }
  free(first);
  static const char *const bad[][2] = {
      {"energy.total",
       "auditgen explain: unknown path \"energy.total\" (did you mean "
       "\"energy.total_tce\", \"energy.total_equal_value_tce\"?)\n"},
      {"carbon.scope2.totl_tco2",
       "auditgen explain: unknown path \"carbon.scope2.totl_tco2\" (did you "
       "mean \"carbon.scope2.total_tco2\"?)\n"},
      {"energy.carriers[electrcity].tce",
       "auditgen explain: unknown path \"energy.carriers[electrcity].tce\" "
       "(did you mean \"energy.carriers[electricity].tce\"?)\n"},
      {"energy.carriers[carrier=coal].tce",
       "auditgen explain: unknown path \"energy.carriers[carrier=coal].tce\" "
       "(did you mean \"energy.carriers[carrier=raw_coal].tce\"?)\n"},
      {"energy.carriers[electricity].tcee",
       "auditgen explain: unknown path \"energy.carriers[electricity].tcee\" "
       "(did you mean \"energy.carriers[electricity].tce\"?)\n"},
      {"nothing_like_it",
       "auditgen explain: unknown path \"nothing_like_it\"\n"},
      {"energy.carriers[? .tce > 1e12].tce",
       "auditgen explain: no value at energy.carriers[? .tce > 1e12].tce for "
       "this facility\n"},
      {"energy.carriers[? .carrier = 1].tce",
       "auditgen explain: energy.carriers[? .carrier = 1].tce, column 28: "
       "expected \"]\"\n"},
  };
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    const char *argv[] = {tu_bin(), "explain", "samples/cement-plant.yaml",
                          bad[i][0], NULL};
    char *out, *err;
    ck_assert_int_eq(run(argv, &out, &err), 1);
    ck_assert_str_eq(out, "");
    ck_assert_str_eq(err, bad[i][1]);
    free(out);
    free(err);
  }
}
END_TEST

START_TEST(t_batch)
{
  char dir[] = "/tmp/auditgen-batch-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  char outdir[128], pj[160], pa[160], pbad[160], pcalc[160];
  snprintf(outdir, sizeof outdir, "%s/out", dir);
  snprintf(pj, sizeof pj, "%s/cement-plant.json", outdir);
  snprintf(pa, sizeof pa, "%s/aluminium-smelter.json", outdir);
  snprintf(pbad, sizeof pbad, "%s/unknown-key.json", outdir);
  snprintf(pcalc, sizeof pcalc, "%s/calc.json", dir);
  char *out, *err;
  const char *argv[] = {tu_bin(), "batch", "samples/cement-plant.yaml",
                        "tests/bad/unknown-key.yaml",
                        "samples/aluminium-smelter.yaml", "-o", outdir, NULL};
  ck_assert_int_eq(run(argv, &out, &err), 1);
  /* one line per facility: 173,743.20 tce for the cement plant (its
     worked file, docs/worked/cement-plant.md §3) */
  ck_assert_ptr_nonnull(strstr(out, "samples/cement-plant.yaml"));
  ck_assert_ptr_nonnull(strstr(out, "173743.20"));
  ck_assert_ptr_nonnull(strstr(out, "tests/bad/unknown-key.yaml"));
  ck_assert_ptr_nonnull(strstr(out, "invalid"));
  ck_assert_ptr_nonnull(strstr(err, "tests/bad/unknown-key.yaml:"));
  free(out), free(err);
  struct stat st;
  ck_assert_int_ne(stat(pbad, &st), 0);
  const char *calc[] = {tu_bin(), "calc", "samples/cement-plant.yaml", "-o",
                        pcalc, NULL};
  ck_assert_int_eq(run(calc, &out, &err), 0);
  free(out), free(err);
  char *j1 = tu_slurp(pj, NULL), *j2 = tu_slurp(pcalc, NULL);
  ck_assert_ptr_nonnull(j1);
  ck_assert_ptr_nonnull(j2);
  ck_assert_str_eq(j1, j2);
  free(j1), free(j2);
  ck_assert_int_eq(stat(pa, &st), 0);
  const char *same[] = {tu_bin(), "batch", "samples/cement-plant.yaml",
                        "samples/./cement-plant.yaml", "-o", outdir, NULL};
  ck_assert_int_eq(run(same, &out, &err), 2);
  ck_assert_ptr_nonnull(strstr(err, "same name"));
  free(out), free(err);
  const char *noout[] = {tu_bin(), "batch", "samples/cement-plant.yaml",
                         NULL};
  ck_assert_int_eq(run(noout, &out, &err), 2);
  free(out), free(err);
  /* --report: the same PDF as `report` gives (same SOURCE_DATE_EPOCH) */
  char cmd[1024], ppdf[160], prep[160];
  snprintf(ppdf, sizeof ppdf, "%s/boiler-house.pdf", outdir);
  snprintf(prep, sizeof prep, "%s/report.pdf", dir);
  snprintf(cmd, sizeof cmd,
           "cd '%s' && export SOURCE_DATE_EPOCH=1700000000 && '%s' batch "
           "samples/training/boiler-house.yaml -o '%s' --report -q >/dev/null "
           "&& '%s' report samples/training/boiler-house.yaml -o '%s' -q && "
           "cmp '%s' '%s'",
           tu_root(), tu_bin(), outdir, tu_bin(), prep, ppdf, prep);
  ck_assert_int_eq(system(cmd), 0);
  unlink(ppdf);
  unlink(prep);
  snprintf(pj, sizeof pj, "%s/boiler-house.json", outdir);
  unlink(pj);
  snprintf(pj, sizeof pj, "%s/cement-plant.json", outdir);
  unlink(pj);
  unlink(pa);
  unlink(pcalc);
  snprintf(pj, sizeof pj, "%s/summary.jsonl", outdir);
  unlink(pj);
  /* the records of each facility's other inputs, for --resume */
  snprintf(pj, sizeof pj, "%s/.boiler-house.inputs", outdir);
  ck_assert_int_eq(unlink(pj), 0);
  snprintf(pj, sizeof pj, "%s/.cement-plant.inputs", outdir);
  ck_assert_int_eq(unlink(pj), 0);
  snprintf(pj, sizeof pj, "%s/.aluminium-smelter.inputs", outdir);
  ck_assert_int_eq(unlink(pj), 0);
  ck_assert_int_eq(rmdir(outdir), 0); /* no temporary left behind */
  ck_assert_int_eq(rmdir(dir), 0);
}
END_TEST

/* --as-of DATE re-assesses under the editions in force on DATE: the 2016
   cement sample then applies GB/T 2589-2020 and GB 16780-2021 (its
   products are graded) and says that GB 17167-2025's tables are not in
   the rules. */
START_TEST(t_as_of)
{
  char *out, *err;
  const char *plain[] = {tu_bin(), "calc", "samples/cement-plant.yaml",
                         "--json", NULL};
  ck_assert_int_eq(run(plain, &out, &err), 0);
  ck_assert_ptr_nonnull(strstr(out, "\"designation\": \"GB/T 2589-2008\""));
  ck_assert_ptr_nonnull(strstr(out, "\"designation\": \"GB 16780-2012\""));
  ck_assert_ptr_nonnull(strstr(out, "\"graded\": false"));
  ck_assert_ptr_null(strstr(out, "\"selected_by\": \"as_of\""));
  ck_assert_ptr_nonnull(strstr(out, "The limit values of GB 16780-2012, which "
                                    "applies, are not in the rules"));
  ck_assert_ptr_nonnull(strstr(out, "\"coefficient_kgce\": 0.0857"));
  free(out), free(err);
  const char *later[] = {tu_bin(), "calc", "samples/cement-plant.yaml",
                         "--json", "--as-of", "2026-12-01", NULL};
  ck_assert_int_eq(run(later, &out, &err), 0);
  ck_assert_ptr_nonnull(strstr(out, "\"designation\": \"GB/T 2589-2020\""));
  ck_assert_ptr_nonnull(strstr(out, "\"designation\": \"GB 16780-2021\""));
  ck_assert_ptr_nonnull(strstr(out, "\"designation\": \"GB/T 17166-2019\""));
  ck_assert_ptr_nonnull(strstr(out, "\"designation\": \"GB 17167-2025\""));
  ck_assert_ptr_nonnull(strstr(out, "\"selected_by\": \"as_of\""));
  ck_assert_ptr_nonnull(strstr(out, "\"date\": \"2026-12-01\""));
  ck_assert_ptr_null(strstr(out, "\"graded\": false"));
  ck_assert_ptr_nonnull(strstr(out, "The tables of GB 17167-2025, which "
                                    "applies, are not in the rules"));
  ck_assert_ptr_nonnull(strstr(out, "\"coefficient_kgce\": 0.2571"));
  free(out), free(err);
  /* every computing command takes it */
  static const char *const cmds[][2] = {{"check", NULL}, {"explain",
                                                          "energy.total_tce"}};
  for (size_t i = 0; i < 2; i++) {
    const char *argv[] = {tu_bin(), cmds[i][0], "samples/cement-plant.yaml",
                          cmds[i][1] ? cmds[i][1] : "--as-of",
                          cmds[i][1] ? "--as-of" : "2026-12-01",
                          cmds[i][1] ? "2026-12-01" : NULL, NULL};
    ck_assert_int_eq(run(argv, &out, &err), 0);
    free(out), free(err);
  }
  const char *expl[] = {tu_bin(), "explain", "samples/cement-plant.yaml",
                        "energy.carriers[fresh_water].tce", "--as-of",
                        "2026-12-01", NULL};
  ck_assert_int_eq(run(expl, &out, &err), 0);
  ck_assert_ptr_nonnull(strstr(out, "GB/T 2589-2020"));
  free(out), free(err);
}
END_TEST

/* An --as-of that is not a calendar date YYYY-MM-DD in 1949–2100, or
   none: a usage error (exit 2), nothing computed or written. */
START_TEST(t_as_of_invalid)
{
  static const char *const bad[] = {"2026-13-01", "2026-02-29", "26-12-01",
                                    "2026-1-01",  "2026-12-1x", "1900-01-01",
                                    "2101-01-01", "",           "today"};
  char *out, *err;
  char path[] = "/tmp/auditgen-asof-XXXXXX";
  int fd = mkstemp(path);
  ck_assert_int_ge(fd, 0);
  close(fd);
  unlink(path);
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    const char *argv[] = {tu_bin(), "calc", "samples/cement-plant.yaml",
                          "--as-of", bad[i], "-o", path, NULL};
    ck_assert_int_eq(run(argv, &out, &err), 2);
    static const char want[] =
        "auditgen: --as-of takes a date YYYY-MM-DD (1949 to 2100)\n";
    ck_assert_msg(strncmp(err, want, sizeof want - 1) == 0, "%s: %s", bad[i],
                  err);
    ck_assert_str_eq(out, "");
    free(out), free(err);
    struct stat st;
    ck_assert_int_ne(stat(path, &st), 0);
  }
  const char *missing[] = {tu_bin(), "report", "samples/cement-plant.yaml",
                           "--as-of", NULL};
  ck_assert_int_eq(run(missing, &out, &err), 2);
  ck_assert_ptr_nonnull(strstr(err, "--as-of takes a date"));
  free(out), free(err);
  /* rules list does not compute an audit: an unknown option there */
  const char *rules[] = {tu_bin(), "rules", "list", "--as-of", "2026-12-01",
                         NULL};
  ck_assert_int_eq(run(rules, &out, &err), 2);
  ck_assert_ptr_nonnull(strstr(err, "unknown option --as-of"));
  free(out), free(err);
}
END_TEST

/* make install into a temporary DESTDIR: the installed program finds its
   data next to itself (PREFIX/share/auditgen), computes the same results
   as the build tree's, writes a report from outside the source tree; the
   manual page and the completions are there and work; uninstall removes
   every file. */
START_TEST(t_install_destdir)
{
  char dest[] = "/tmp/auditgen-install-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dest));
  char build[4096], cmd[16384];
  snprintf(build, sizeof build, "%s", tu_bin());
  char *slash = strrchr(build, '/');
  ck_assert_ptr_nonnull(slash);
  *slash = '\0';
  char *out;
  snprintf(cmd, sizeof cmd,
           "cd '%s' && make -s install BUILD='%s' DESTDIR='%s' PREFIX=/usr "
           "2>&1",
           tu_root(), build, dest);
  int rc = tu_sh(cmd, &out);
  ck_assert_msg(rc == 0, "make install: %d %s", rc, out);
  free(out);
  char bin[4200];
  snprintf(bin, sizeof bin, "%s/usr/bin/auditgen", dest);
  /* --version: the data installed with the program, with its digests */
  snprintf(cmd, sizeof cmd, "cd / && env -u AUDITGEN_DATA '%s' --version",
           bin);
  ck_assert_int_eq(tu_sh(cmd, &out), 0);
  char want[4400];
  snprintf(want, sizeof want,
           "data: %s/usr/share/auditgen (installed with the program)", dest);
  ck_assert_msg(strstr(out, want) != NULL, "%s", out);
  ck_assert_ptr_nonnull(strstr(out, "rules: digest "));
  ck_assert_ptr_nonnull(strstr(out, "templates: digest "));
  free(out);
  /* the same results as the build tree's program, run from / */
  char *mine, *theirs;
  snprintf(cmd, sizeof cmd,
           "cd / && env -u AUDITGEN_DATA '%s' calc --json "
           "'%s/samples/training/office-building.yaml'",
           bin, tu_root());
  ck_assert_int_eq(tu_sh(cmd, &theirs), 0);
  snprintf(cmd, sizeof cmd,
           "cd / && env -u AUDITGEN_DATA '%s' calc --json "
           "'%s/samples/training/office-building.yaml'",
           tu_bin(), tu_root());
  ck_assert_int_eq(tu_sh(cmd, &mine), 0);
  ck_assert_msg(strlen(mine) > 1000 && strcmp(mine, theirs) == 0,
                "installed and build-tree results differ");
  free(mine), free(theirs);
  /* a report, its templates and style from the installed data */
  snprintf(cmd, sizeof cmd,
           "cd '%s' && env -u AUDITGEN_DATA '%s' report "
           "'%s/samples/training/boiler-house.yaml' -o r.pdf 2>&1 && "
           "test -s r.pdf",
           dest, bin, tu_root());
  rc = tu_sh(cmd, &out);
  ck_assert_msg(rc == 0, "installed report: %s", out);
  free(out);
  /* the manual page: every command's help, and where the data is */
  char path[4400];
  snprintf(path, sizeof path, "%s/usr/share/man/man1/auditgen.1", dest);
  char *man = tu_slurp(path, NULL);
  ck_assert_ptr_nonnull(man);
  ck_assert_ptr_nonnull(strstr(man, ".TH AUDITGEN 1"));
  static const char *const cmds[] = {"check", "calc", "report", "explain",
                                     "batch", "rollup", "rules", "schema",
                                     "import", "template"};
  for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
    char ss[64];
    snprintf(ss, sizeof ss, "\n.SS %s\n.nf\nusage: auditgen %s", cmds[i],
             cmds[i]);
    ck_assert_msg(strstr(man, ss) != NULL, "man page lacks %s", cmds[i]);
  }
  ck_assert_ptr_nonnull(strstr(man, "/usr/share/auditgen/rules"));
  ck_assert_ptr_nonnull(strstr(man, "\\-\\-lang zh|en|bilingual"));
  free(man);
  /* bash completion: commands, options, an option's choices, folders */
  snprintf(cmd, sizeof cmd,
           "bash -c '. \"%s/usr/share/bash-completion/completions/auditgen\"; "
           "c() { COMP_WORDS=(\"$@\"); COMP_CWORD=$((${#COMP_WORDS[@]}-1)); "
           "COMPREPLY=(); _auditgen; echo \"${COMPREPLY[*]}\"; }; "
           "c auditgen rep; c auditgen report --la; c auditgen report --lang \"\"; "
           "c auditgen rules \"\"; c auditgen batch --form'",
           dest);
  ck_assert_int_eq(tu_sh(cmd, &out), 0);
  ck_assert_str_eq(out, "report\n--lang\nzh en bilingual\nlist check\n"
                        "--formats\n");
  free(out);
  snprintf(path, sizeof path, "%s/usr/share/zsh/vendor-completions/_auditgen",
           dest);
  char *zsh = tu_slurp(path, NULL);
  ck_assert_ptr_nonnull(zsh);
  ck_assert_ptr_nonnull(strstr(zsh, "#compdef auditgen\n"));
  ck_assert_ptr_nonnull(strstr(zsh, "'calc:compute the energy and carbon "
                                    "audit'"));
  free(zsh);
  /* uninstall leaves no file behind */
  snprintf(cmd, sizeof cmd,
           "cd '%s' && make -s uninstall BUILD='%s' DESTDIR='%s' PREFIX=/usr "
           ">/dev/null 2>&1 && rm -f '%s/r.pdf' && find '%s' -type f",
           tu_root(), build, dest, dest, dest);
  ck_assert_int_eq(tu_sh(cmd, &out), 0);
  ck_assert_str_eq(out, "");
  free(out);
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dest);
  ck_assert_int_eq(tu_sh(cmd, &out), 0);
  free(out);
}
END_TEST

/* --completion needs a shell it knows; --man and --version need nothing */
START_TEST(t_about_usage)
{
  char *out, *err;
  const char *none[] = {tu_bin(), "--completion", NULL};
  ck_assert_int_eq(run(none, &out, &err), 2);
  ck_assert_ptr_nonnull(strstr(err, "--completion takes bash or zsh"));
  ck_assert_str_eq(out, "");
  free(out), free(err);
  const char *fish[] = {tu_bin(), "--completion", "fish", NULL};
  ck_assert_int_eq(run(fish, &out, &err), 2);
  free(out), free(err);
  const char *ver[] = {tu_bin(), "report", "--version", NULL};
  ck_assert_int_eq(run(ver, &out, &err), 0);
  ck_assert_ptr_nonnull(strstr(out, "rules: digest "));
  free(out), free(err);
}
END_TEST

Suite *cli_suite(void)
{
  Suite *s = suite_create("cli");
  TCase *tc = tcase_create("cli");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, t_help_version_usage);
  tcase_add_test(tc, t_heavy_libraries_on_demand);
  tcase_add_test(tc, t_missing_file_is_io);
  tcase_add_test(tc, t_check_command);
  tcase_add_test(tc, t_check_runs_calc);
  tcase_add_test(tc, t_output_deterministic_and_kept_on_error);
  tcase_add_test(tc, t_batch);
  tcase_add_test(tc, t_as_of);
  tcase_add_test(tc, t_as_of_invalid);
  tcase_add_test(tc, t_explain_paths);
  tcase_add_test(tc, t_install_destdir);
  tcase_add_test(tc, t_about_usage);
  suite_add_tcase(s, tc);
  return s;
}
