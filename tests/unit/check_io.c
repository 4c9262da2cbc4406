/* check_io.c — hostile files around a run: a standard output that fails,
 * -o targets that are not plain files (devices, links, folders, FIFOs,
 * sockets, the run's own inputs), runs killed while writing, inputs that
 * are FIFOs or not where they are said to be, and the exit code of each.
 * Every run of the binary has an alarm set in the child (it survives
 * exec), so a regression that blocks fails the test instead of hanging. */
#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../../generator/base/fileio.h"
#include "suites.h"
#include "testutil.h"

#define SAMPLE "samples/cement-plant.yaml"

/* How the child's standard output is set up. */
typedef enum {
  OUT_CAPTURE, /* a temporary file, returned in *out */
  OUT_FULL,    /* /dev/full */
  OUT_CLOSED,  /* closed (>&-) */
  OUT_BROKEN   /* a pipe whose reader is gone */
} out_how;

typedef struct {
  out_how how;
  const char *env;  /* NAME=VALUE set in the child, or NULL */
  long fsize_limit; /* RLIMIT_FSIZE in bytes, or 0 */
} exec_opts;

static char *read_fd(int fd)
{
  lseek(fd, 0, SEEK_SET);
  size_t cap = 4096, n = 0;
  char *s = malloc(cap);
  ssize_t got;
  while ((got = read(fd, s + n, cap - n - 1)) > 0) {
    n += (size_t)got;
    if (cap - n < 2)
      s = realloc(s, cap *= 2);
  }
  s[n] = '\0';
  return s;
}

/* Runs argv in the repository under an alarm of 20 s; returns the exit
   status or 128 + signal. *out (OUT_CAPTURE only) and *err are malloc'd. */
static int exec_with(const char *const *argv, const exec_opts *x, char **out,
                     char **err)
{
  char o[] = "/tmp/auditgen-io-out-XXXXXX", e[] = "/tmp/auditgen-io-err-XXXXXX";
  int fo = mkstemp(o), fe = mkstemp(e);
  ck_assert(fo >= 0 && fe >= 0);
  unlink(o);
  unlink(e);
  int pfd[2] = {-1, -1};
  if (x->how == OUT_BROKEN) {
    ck_assert_int_eq(pipe(pfd), 0);
    close(pfd[0]); /* the reader is gone before anything is written */
  }
  pid_t pid = fork();
  ck_assert(pid >= 0);
  if (pid == 0) {
    int devnull = open("/dev/null", O_RDONLY);
    dup2(devnull, 0);
    dup2(fe, 2);
    if (x->how == OUT_CAPTURE)
      dup2(fo, 1);
    else if (x->how == OUT_FULL)
      dup2(open("/dev/full", O_WRONLY), 1);
    else if (x->how == OUT_BROKEN)
      dup2(pfd[1], 1);
    else
      close(1);
    if (chdir(tu_root()) != 0)
      _exit(126);
    if (x->env)
      putenv((char *)x->env);
    if (x->fsize_limit) {
      struct rlimit rl = {(rlim_t)x->fsize_limit, (rlim_t)x->fsize_limit};
      setrlimit(RLIMIT_FSIZE, &rl);
    }
    signal(SIGPIPE, SIG_DFL); /* as a shell leaves it */
    alarm(20);
    execv(argv[0], (char *const *)argv);
    _exit(127);
  }
  if (pfd[1] >= 0)
    close(pfd[1]);
  int st;
  waitpid(pid, &st, 0);
  if (out)
    *out = read_fd(fo);
  *err = read_fd(fe);
  close(fo);
  close(fe);
  return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

static int run(const char *const *argv, char **err)
{
  exec_opts x = {OUT_CAPTURE, NULL, 0};
  char *out;
  int rc = exec_with(argv, &x, &out, err);
  free(out);
  return rc;
}

#define ASSERT_ERR(err, want)                                                  \
  ck_assert_msg(strstr((err), (want)) != NULL, "want \"%s\" in:\n%s", (want),  \
                (err))

static void write_text(const char *path, const char *text)
{
  FILE *f = fopen(path, "w");
  ck_assert_ptr_nonnull(f);
  fputs(text, f);
  fclose(f);
}

/* A scratch folder; rm_tree removes it and what the test left in it. */
static void scratch(char *dir)
{
  strcpy(dir, "/tmp/auditgen-io-XXXXXX");
  ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void rm_tree(const char *dir)
{
  char cmd[600];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  ck_assert_int_eq(system(cmd), 0);
}

static void assert_text(const char *path, const char *want)
{
  char *got = tu_slurp(path, NULL);
  ck_assert_ptr_nonnull(got);
  ck_assert_str_eq(got, want);
  free(got);
}

/* {====================================================== standard output */

/* Every command that prints to standard output exits 3 with a message
   when it cannot: a full device, a closed descriptor, a reader gone. */
START_TEST(t_stdout_errors)
{
  static const char *const cmds[][6] = {
      {"calc", SAMPLE, "--json", NULL},
      {"calc", SAMPLE, NULL},
      {"check", SAMPLE, NULL},
      {"explain", SAMPLE, "energy.total_tce", NULL},
      {"rules", "list", NULL},
      {"rules", "check", "rules", NULL},
      {"--help", NULL},
      {"calc", "--version", NULL},
  };
  static const struct {
    out_how how;
    const char *msg;
  } hows[] = {
      {OUT_FULL, "auditgen: cannot write the standard output: No space left "
                 "on device\n"},
      {OUT_CLOSED, "auditgen: cannot write the standard output: Bad file "
                   "descriptor\n"},
      {OUT_BROKEN, "auditgen: cannot write the standard output: Broken pipe\n"},
  };
  for (size_t c = 0; c < sizeof cmds / sizeof *cmds; c++)
    for (size_t h = 0; h < sizeof hows / sizeof *hows; h++) {
      const char *argv[8] = {tu_bin()};
      for (int i = 0; cmds[c][i]; i++)
        argv[i + 1] = cmds[c][i];
      exec_opts x = {hows[h].how, NULL, 0};
      char *err;
      int rc = exec_with(argv, &x, NULL, &err);
      ck_assert_msg(rc == 3, "%s %s (stdout %zu): exit %d\n%s", cmds[c][0],
                    cmds[c][1] ? cmds[c][1] : "", h, rc, err);
      ck_assert_msg(strstr(err, hows[h].msg) != NULL, "%s: %s", cmds[c][0],
                    err);
      free(err);
    }
}
END_TEST

/* batch prints a table: a full standard output is exit 3, though every
   JSON file is written; calc --json -o writes the file and still fails
   for the lost copy on standard output. A closed standard output never
   lends its number to a file opened later. */
START_TEST(t_stdout_errors_with_files)
{
  char dir[64], out[128], json[128];
  scratch(dir);
  snprintf(out, sizeof out, "%s/out", dir);
  snprintf(json, sizeof json, "%s/out/cement-plant.json", dir);
  const char *batch[] = {tu_bin(), "batch", SAMPLE, "-o", out, NULL};
  exec_opts full = {OUT_FULL, NULL, 0};
  char *err;
  ck_assert_int_eq(exec_with(batch, &full, NULL, &err), 3);
  ASSERT_ERR(err, "cannot write the standard output: No space left");
  free(err);
  struct stat st;
  ck_assert_int_eq(stat(json, &st), 0);
  char *want = tu_slurp(json, NULL);
  unlink(json);

  const char *calc[] = {tu_bin(), "calc", SAMPLE, "--json", "-o", json, NULL};
  exec_opts closed = {OUT_CLOSED, NULL, 0};
  ck_assert_int_eq(exec_with(calc, &closed, NULL, &err), 3);
  ASSERT_ERR(err, "cannot write the standard output: Bad file descriptor");
  free(err);
  assert_text(json, want); /* the whole JSON, and nothing else, in the file */
  /* a command that prints nothing does not mind a closed output */
  const char *quiet[] = {tu_bin(), "calc", SAMPLE, "-o", json, NULL};
  ck_assert_int_eq(exec_with(quiet, &closed, NULL, &err), 0);
  free(err);
  assert_text(json, want);
  free(want);
  rm_tree(dir);
}
END_TEST

/* }====================================================== */

/* {====================================================== inputs */

/* --rules and rules check name a directory: a missing path or a file is
   an error naming it (exit 3); a folder holding no rules is refused
   (exit 1); benchmarks/ or checks/ that are files are errors (exit 3);
   more than 8 directories is a usage error. */
START_TEST(t_rules_dirs)
{
  char dir[64], empty[128], bad[128], p[192];
  scratch(dir);
  snprintf(empty, sizeof empty, "%s/empty", dir);
  ck_assert_int_eq(mkdir(empty, 0755), 0);
  snprintf(bad, sizeof bad, "%s/bad", dir);
  ck_assert_int_eq(mkdir(bad, 0755), 0);
  static const struct {
    const char *dir;
    int rc;
    const char *msg;
  } cases[] = {
      {"/no/such/rules", 3,
       "/no/such/rules: error: cannot open the rules directory: No such file "
       "or directory\n"},
      {SAMPLE, 3,
       SAMPLE ": error: cannot open the rules directory: Not a directory\n"},
      {"/dev/null", 3,
       "/dev/null: error: cannot open the rules directory: Not a directory\n"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    const char *a[] = {tu_bin(), "calc", SAMPLE, "--rules", cases[i].dir, NULL};
    const char *b[] = {tu_bin(), "rules", "check", cases[i].dir, NULL};
    const char *c[] = {tu_bin(),  "rules",      "list",
                       "--rules", cases[i].dir, NULL};
    const char *const *runs[] = {a, b, c};
    for (size_t r = 0; r < 3; r++) {
      char *err;
      int rc = run(runs[r], &err);
      ck_assert_msg(rc == cases[i].rc, "%s: exit %d\n%s", cases[i].dir, rc,
                    err);
      ck_assert_msg(strncmp(err, cases[i].msg, strlen(cases[i].msg)) == 0, "%s",
                    err);
      free(err);
    }
  }
  char *err;
  const char *e[] = {tu_bin(), "rules", "check", empty, NULL};
  ck_assert_int_eq(run(e, &err), 1);
  ASSERT_ERR(err, "error: not a rules directory: it holds none of");
  free(err);
  /* benchmarks and checks that are files */
  static const char *const folders[] = {"benchmarks", "checks"};
  for (size_t i = 0; i < 2; i++) {
    snprintf(p, sizeof p, "%s/%s", bad, folders[i]);
    write_text(p, "x\n");
    const char *b[] = {tu_bin(), "rules", "check", bad, NULL};
    ck_assert_int_eq(run(b, &err), 3);
    char want[300];
    snprintf(want, sizeof want,
             "%s: error: cannot open the folder of .yaml files: Not a "
             "directory\n",
             p);
    ASSERT_ERR(err, want);
    free(err);
    unlink(p);
  }
  /* at most 8, --rules included */
  const char *nine[] = {tu_bin(), "rules", "check", "rules", "rules",
                        "rules",  "rules", "rules", "rules", "rules",
                        "rules",  "rules", NULL};
  ck_assert_int_eq(run(nine, &err), 2);
  ASSERT_ERR(err, "at most 8 directories");
  free(err);
  const char *mixed[] = {tu_bin(),  "rules", "check",   "rules", "rules",
                         "rules",   "rules", "rules",   "rules", "rules",
                         "--rules", "rules", "--rules", "rules", NULL};
  ck_assert_int_eq(run(mixed, &err), 2);
  free(err);
  const char *eight[] = {tu_bin(), "rules", "check", "rules", "rules", "rules",
                         "rules",  "rules", "rules", "rules", "rules", NULL};
  ck_assert_int_eq(run(eight, &err), 0);
  free(err);
  rm_tree(dir);
}
END_TEST

/* The shipped rules directory named again, by any path (relative,
   absolute, through a link), is layered once: no false duplicate ids. */
START_TEST(t_shipped_rules_named_again)
{
  char dir[64], lnk[128], abs[512];
  scratch(dir);
  snprintf(lnk, sizeof lnk, "%s/link", dir);
  snprintf(abs, sizeof abs, "%s/rules", tu_root());
  char real[4096];
  ck_assert_ptr_nonnull(realpath(abs, real));
  ck_assert_int_eq(symlink(real, lnk), 0);
  const char *paths[] = {"rules", "rules/", "./rules", real, lnk};
  char *out, *err, *want = NULL;
  exec_opts x = {OUT_CAPTURE, NULL, 0};
  for (size_t i = 0; i < sizeof paths / sizeof *paths; i++) {
    const char *a[] = {tu_bin(), "rules", "check", paths[i], NULL};
    ck_assert_int_eq(exec_with(a, &x, &out, &err), 0);
    ck_assert_str_eq(err, "");
    ck_assert_ptr_nonnull(strstr(out, "rules ok: "));
    free(out), free(err);
    const char *l[] = {tu_bin(), "rules",   "list", "--rules",
                       paths[i], "--rules", real,   NULL};
    ck_assert_int_eq(exec_with(l, &x, &out, &err), 0);
    ck_assert_str_eq(err, "");
    if (want)
      ck_assert_str_eq(out, want);
    else
      want = strdup(out);
    free(out), free(err);
  }
  free(want);
  rm_tree(dir);
}
END_TEST

/* }====================================================== */

Suite *io_suite(void)
{
  Suite *s = suite_create("io");
  TCase *tc = tcase_create("io");
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, t_stdout_errors);
  tcase_add_test(tc, t_stdout_errors_with_files);
  tcase_add_test(tc, t_rules_dirs);
  tcase_add_test(tc, t_shipped_rules_named_again);
  suite_add_tcase(s, tc);
  return s;
}
