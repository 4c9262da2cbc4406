/* check_io.c — hostile files around a run: a standard output that fails,
 * -o targets that are not plain files (devices, links, folders, FIFOs,
 * sockets, the run's own inputs), runs killed while writing, inputs that
 * are FIFOs or not where they are said to be, and the exit code of each.
 * Every run of the binary has an alarm set in the child (it survives
 * exec), so a regression that blocks fails the test instead of hanging. */
#include <check.h>
#include <dirent.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
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

#include "../../generator/base/buf.h"
#include "../../generator/base/fileio.h"
#include "../../generator/load/series.h"
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
    struct rlimit nocore = {0, 0}; /* SIGQUIT would dump core */
    setrlimit(RLIMIT_CORE, &nocore);
    signal(SIGPIPE, SIG_DFL); /* as a shell leaves it */
    /* a suite started as a background job inherits SIGINT and SIGQUIT
       ignored, which the program (rightly) keeps ignoring: the tests of
       its handlers start it as a foreground command would */
    signal(SIGINT, SIG_DFL);
    signal(SIGQUIT, SIG_DFL);
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

/* The names in dir other than . and .., one per line, sorted. */
static char *listing(const char *dir)
{
  struct dirent **names;
  int n = scandir(dir, &names, NULL, alphasort);
  ck_assert_int_ge(n, 0);
  size_t cap = 16;
  for (int i = 0; i < n; i++)
    cap += strlen(names[i]->d_name) + 1;
  char *s = malloc(cap);
  s[0] = '\0';
  for (int i = 0; i < n; i++) {
    if (strcmp(names[i]->d_name, ".") && strcmp(names[i]->d_name, "..")) {
      strcat(s, names[i]->d_name);
      strcat(s, "\n");
    }
    free(names[i]);
  }
  free(names);
  return s;
}

static void assert_listing(const char *dir, const char *want)
{
  char *got = listing(dir);
  ck_assert_str_eq(got, want);
  free(got);
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

/* {====================================================== -o targets */

/* Devices are written through and stay devices: /dev/full is exit 3
   (ENOSPC), /dev/null a success. */
START_TEST(t_output_devices)
{
  char *err;
  const char *full[] = {tu_bin(), "calc", SAMPLE, "-o", "/dev/full", NULL};
  ck_assert_int_eq(run(full, &err), 3);
  ASSERT_ERR(err, "auditgen: cannot write /dev/full: No space left on device");
  free(err);
  const char *rfull[] = {tu_bin(),    "report", SAMPLE, "-o",
                         "/dev/full", "-q",     NULL};
  ck_assert_int_eq(run(rfull, &err), 3);
  ASSERT_ERR(err, "auditgen: cannot write /dev/full: No space left on device");
  free(err);
  const char *null[] = {tu_bin(), "calc", SAMPLE, "-o", "/dev/null", NULL};
  ck_assert_int_eq(run(null, &err), 0);
  free(err);
  struct stat st;
  ck_assert_int_eq(stat("/dev/full", &st), 0);
  ck_assert(S_ISCHR(st.st_mode));
  ck_assert_int_eq(stat("/dev/null", &st), 0);
  ck_assert(S_ISCHR(st.st_mode));
  ck_assert_int_eq(lstat("/dev/null", &st), 0);
  ck_assert(S_ISCHR(st.st_mode));
}
END_TEST

/* A symbolic link is followed: its target is replaced, the link stays;
   a link to nothing is refused. Permission bits (and owner, as root)
   of the replaced file are kept; a new file gets 0666 less the umask. */
START_TEST(t_output_links_and_modes)
{
  char dir[64], real[128], link[128], dang[128], priv[128], fresh[128];
  scratch(dir);
  snprintf(real, sizeof real, "%s/real.json", dir);
  snprintf(link, sizeof link, "%s/link.json", dir);
  snprintf(dang, sizeof dang, "%s/dangling.json", dir);
  snprintf(priv, sizeof priv, "%s/private.json", dir);
  snprintf(fresh, sizeof fresh, "%s/fresh.json", dir);
  write_text(real, "old\n");
  ck_assert_int_eq(symlink("real.json", link), 0);
  ck_assert_int_eq(symlink("nowhere.json", dang), 0);
  char *err;
  const char *a[] = {tu_bin(), "calc", SAMPLE, "-o", link, NULL};
  ck_assert_int_eq(run(a, &err), 0);
  free(err);
  struct stat st;
  ck_assert_int_eq(lstat(link, &st), 0);
  ck_assert(S_ISLNK(st.st_mode));
  char *j = tu_slurp(real, NULL);
  ck_assert(strncmp(j, "{\n", 2) == 0);
  free(j);
  const char *d[] = {tu_bin(), "calc", SAMPLE, "-o", dang, NULL};
  ck_assert_int_eq(run(d, &err), 3);
  ASSERT_ERR(err, "a symbolic link to a file that does not exist");
  free(err);
  ck_assert_int_eq(lstat(dang, &st), 0);
  ck_assert(S_ISLNK(st.st_mode));

  write_text(priv, "secret\n");
  ck_assert_int_eq(chmod(priv, 0600), 0);
  bool root = geteuid() == 0;
  if (root)
    ck_assert_int_eq(chown(priv, 65534, 65534), 0);
  const char *p[] = {tu_bin(), "calc", SAMPLE, "-o", priv, NULL};
  ck_assert_int_eq(run(p, &err), 0);
  free(err);
  ck_assert_int_eq(stat(priv, &st), 0);
  ck_assert_int_eq(st.st_mode & 07777, 0600);
  if (root) {
    ck_assert_int_eq(st.st_uid, 65534);
    ck_assert_int_eq(st.st_gid, 65534);
  }
  ck_assert_int_eq(chmod(priv, 0751), 0);
  ck_assert_int_eq(run(p, &err), 0);
  free(err);
  ck_assert_int_eq(stat(priv, &st), 0);
  ck_assert_int_eq(st.st_mode & 07777, 0751);

  mode_t mask = umask(022);
  const char *f[] = {tu_bin(), "calc", SAMPLE, "-o", fresh, NULL};
  ck_assert_int_eq(run(f, &err), 0);
  umask(mask);
  free(err);
  ck_assert_int_eq(stat(fresh, &st), 0);
  ck_assert_int_eq(st.st_mode & 07777, 0644);
  assert_listing(dir, "dangling.json\nfresh.json\nlink.json\nprivate.json\n"
                      "real.json\n");
  rm_tree(dir);
}
END_TEST

/* A folder, a FIFO, a socket or a path under a missing folder is
   refused with exit 3 before anything is read: the facility named does
   not even exist, and no message is about it. */
START_TEST(t_output_not_a_file)
{
  char dir[64], sub[128], fifo[128], sock[128], missing[128];
  scratch(dir);
  snprintf(sub, sizeof sub, "%s/folder", dir);
  snprintf(fifo, sizeof fifo, "%s/fifo", dir);
  snprintf(sock, sizeof sock, "%s/sock", dir);
  snprintf(missing, sizeof missing, "%s/no/such/out.json", dir);
  ck_assert_int_eq(mkdir(sub, 0755), 0);
  ck_assert_int_eq(mkfifo(fifo, 0644), 0);
  int s = socket(AF_UNIX, SOCK_STREAM, 0);
  struct sockaddr_un addr;
  memset(&addr, 0, sizeof addr);
  addr.sun_family = AF_UNIX;
  ck_assert_uint_lt(strlen(sock), sizeof addr.sun_path);
  memcpy(addr.sun_path, sock, strlen(sock) + 1);
  ck_assert_int_eq(bind(s, (struct sockaddr *)&addr, sizeof addr), 0);
  static const struct {
    const char *cmd;
    int which;
    const char *why;
  } cases[] = {
      {"calc", 0, "Is a directory"},
      {"calc", 1, "a FIFO, socket or block device, not a regular file"},
      {"calc", 2, "a FIFO, socket or block device, not a regular file"},
      {"calc", 3, "No such file or directory"},
      {"report", 0, "Is a directory"},
      {"report", 1, "a FIFO, socket or block device, not a regular file"},
      {"report", 2, "a FIFO, socket or block device, not a regular file"},
      {"report", 3, "No such file or directory"},
      {"calc", 4, "No such file or directory"},
      {"calc", 5, "Is a directory"},
  };
  char slash[160];
  snprintf(slash, sizeof slash, "%s/", sub);
  const char *targets[] = {sub, fifo, sock, missing, "", slash};
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    const char *t = targets[cases[i].which];
    const char *argv[] = {tu_bin(), cases[i].cmd, "no-such-facility.yaml", "-o",
                          t,        NULL};
    char *err;
    ck_assert_int_eq(run(argv, &err), 3);
    char want[300];
    snprintf(want, sizeof want, "auditgen: cannot write %s: %s\n", t,
             cases[i].why);
    ck_assert_str_eq(err, want);
    free(err);
  }
  close(s);
  struct stat st;
  ck_assert_int_eq(lstat(fifo, &st), 0);
  ck_assert(S_ISFIFO(st.st_mode));
  ck_assert_int_eq(lstat(sock, &st), 0);
  ck_assert(S_ISSOCK(st.st_mode));
  assert_listing(dir, "fifo\nfolder\nsock\n");
  assert_listing(sub, "");
  /* batch: its DIR must be a folder */
  char file[128];
  snprintf(file, sizeof file, "%s/plain", dir);
  write_text(file, "x\n");
  const char *b[] = {tu_bin(), "batch", SAMPLE, "-o", file, NULL};
  char *err;
  ck_assert_int_eq(run(b, &err), 3);
  ASSERT_ERR(err, "auditgen: cannot create the folder");
  free(err);
  assert_text(file, "x\n");
  rm_tree(dir);
}
END_TEST

/* An output that is one of the run's inputs, by any name (the same
   path, a symbolic link, a hard link), is refused with exit 3, a
   message, and the input untouched: the facility, a series file, a
   rules file, a template, the style; in batch too. */
START_TEST(t_output_is_an_input)
{
  char dir[64], fac[128], csv[128], lnk[128], hard[128], rules[128],
      carriers[128], tpl[128], style[128];
  scratch(dir);
  snprintf(fac, sizeof fac, "%s/f.yaml", dir);
  snprintf(csv, sizeof csv, "%s/E1.csv", dir);
  snprintf(lnk, sizeof lnk, "%s/link.json", dir);
  snprintf(hard, sizeof hard, "%s/hard.json", dir);
  snprintf(rules, sizeof rules, "%s/rules", dir);
  snprintf(carriers, sizeof carriers, "%s/rules/carriers.yaml", dir);
  snprintf(tpl, sizeof tpl, "%s/templates/report.tpl", tu_root());
  snprintf(style, sizeof style, "%s/templates/style.yaml", tu_root());
  const char *csv_text = "timestamp,value\n2016-01-01T00:00,10\n"
                         "2016-06-01T00:00,20\n";
  const char *fac_text = "auditgen: 1\n"
                         "facility:\n"
                         "  name: {zh: 测试厂, en: Test plant}\n"
                         "  industry: cement\n"
                         "audit:\n"
                         "  period: {from: 2016-01-01, to: 2016-12-31}\n"
                         "meters:\n"
                         "  - {id: E1, carrier: electricity, level: 1, "
                         "unit: kWh, series: E1.csv}\n"
                         "products:\n  - {id: p1, name: {zh: 产品, en: Product}, quantity: \"1,000 t\"}\n";
  write_text(csv, csv_text);
  write_text(fac, fac_text);
  ck_assert_int_eq(symlink("f.yaml", lnk), 0);
  ck_assert_int_eq(link(csv, hard), 0);
  ck_assert_int_eq(mkdir(rules, 0755), 0);
  const char *carriers_text =
      "carriers:\n"
      "  raw_coal:\n"
      "    name: {zh: 原煤, en: Raw coal}\n"
      "    unit: t\n"
      "    class: fuel\n"
      "    coefficient: \"0.7143 kgce/kg\"\n"
      "    source: {zh: GB/T 2589-2020 附录A, en: GB/T 2589-2020 Annex A}\n"
      "    citation: {zh: GB/T 2589-2020 附录A, en: GB/T 2589-2020 Annex A}\n";
  write_text(carriers, carriers_text);
  char *tpl_text = tu_slurp(tpl, NULL), *style_text = tu_slurp(style, NULL);
  const struct {
    const char *cmd, *out, *extra;
    const char *msg;
  } cases[] = {
      {"calc", fac, NULL, "it is an input of this run; nothing written\n"},
      {"calc", lnk, NULL, "it is the same file as"},
      {"calc", csv, NULL, "it is "},
      {"calc", hard, NULL, "it is the same file as"},
      {"calc", carriers, rules, "it is "},
      {"report", fac, NULL, "it is an input of this run; nothing written\n"},
      {"report", tpl, NULL, "it is "},
      {"report", style, NULL, "it is "},
      {"report", "templates/report.tpl", NULL, "it is the same file as"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    const char *argv[9] = {tu_bin(), cases[i].cmd, fac,
                           "-o",     cases[i].out, "-q"};
    if (cases[i].extra) {
      argv[6] = "--rules";
      argv[7] = cases[i].extra;
    }
    char *err;
    int rc = run(argv, &err);
    ck_assert_msg(rc == 3, "%s -o %s: exit %d\n%s", cases[i].cmd, cases[i].out,
                  rc, err);
    char want[300];
    snprintf(want, sizeof want, "auditgen: will not write %s: %s", cases[i].out,
             cases[i].msg);
    ASSERT_ERR(err, want);
    free(err);
  }
  assert_text(fac, fac_text);
  assert_text(csv, csv_text);
  assert_text(carriers, carriers_text);
  assert_text(tpl, tpl_text);
  assert_text(style, style_text);
  free(tpl_text);
  free(style_text);
  struct stat st;
  ck_assert_int_eq(lstat(lnk, &st), 0);
  ck_assert(S_ISLNK(st.st_mode));
  /* batch: DIR/NAME.json is the facility itself (named NAME.json) */
  char bfac[128];
  snprintf(bfac, sizeof bfac, "%s/g.json", dir);
  write_text(bfac, fac_text);
  const char *b[] = {tu_bin(), "batch", bfac, "-o", dir, NULL};
  char *out, *err;
  exec_opts x = {OUT_CAPTURE, NULL, 0};
  ck_assert_int_eq(exec_with(b, &x, &out, &err), 3);
  ASSERT_ERR(err, "it is an input of this run");
  ASSERT_ERR(out, "not written");
  free(out), free(err);
  assert_text(bfac, fac_text);
  /* the batch's summary.jsonl says it was not written */
  assert_listing(dir, "E1.csv\nf.yaml\ng.json\nhard.json\nlink.json\n"
                      "rules\nsummary.jsonl\n");
  rm_tree(dir);
}
END_TEST

/* }====================================================== */

/* {====================================================== killed runs */

/* A run killed between writing its temporary file and renaming it (the
   test hook raises the signal there) dies of that signal, leaves the old
   output as it was and no temporary file. */
START_TEST(t_killed_before_rename)
{
  char dir[64], out[128];
  scratch(dir);
  snprintf(out, sizeof out, "%s/out.json", dir);
  write_text(out, "old\n");
  static const int sigs[] = {SIGTERM, SIGINT,  SIGHUP, SIGQUIT,
                             SIGALRM, SIGUSR1, SIGUSR2};
  for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++) {
    char env[64];
    snprintf(env, sizeof env, "AUDITGEN_TEST_RAISE_BEFORE_RENAME=%d", sigs[i]);
    exec_opts x = {OUT_CAPTURE, env, 0};
    const char *calc[] = {tu_bin(), "calc", SAMPLE, "-o", out, NULL};
    const char *rep[] = {tu_bin(), "report", SAMPLE, "-o", out, NULL};
    char *o, *err;
    ck_assert_int_eq(exec_with(calc, &x, &o, &err), 128 + sigs[i]);
    free(o), free(err);
    assert_text(out, "old\n");
    assert_listing(dir, "out.json\n");
    if (sigs[i] != SIGTERM)
      continue; /* the PDF goes through the same writer */
    ck_assert_int_eq(exec_with(rep, &x, &o, &err), 128 + sigs[i]);
    free(o), free(err);
    assert_text(out, "old\n");
    assert_listing(dir, "out.json\n");
  }
  rm_tree(dir);
}
END_TEST

/* The same in-process: file_write_atomic in a child with the handlers
   of file_signals_init. */
START_TEST(t_killed_writer_unit)
{
  char dir[64], out[128];
  scratch(dir);
  snprintf(out, sizeof out, "%s/out.json", dir);
  write_text(out, "old\n");
  pid_t pid = fork();
  ck_assert(pid >= 0);
  if (pid == 0) {
    alarm(20);
    file_signals_init();
    setenv("AUDITGEN_TEST_RAISE_BEFORE_RENAME", "15", 1);
    file_write_atomic(out, "new\n", 4);
    _exit(0); /* not reached: the signal kills the child */
  }
  int st;
  waitpid(pid, &st, 0);
  ck_assert(WIFSIGNALED(st));
  ck_assert_int_eq(WTERMSIG(st), SIGTERM);
  assert_text(out, "old\n");
  assert_listing(dir, "out.json\n");
  rm_tree(dir);
}
END_TEST

/* A write over RLIMIT_FSIZE fails with EFBIG (SIGXFSZ ignored), exit 3,
   old output intact, no temporary: in-process and through the binary. */
START_TEST(t_file_size_limit)
{
  char dir[64], out[128];
  scratch(dir);
  snprintf(out, sizeof out, "%s/out.json", dir);
  write_text(out, "old\n");
  pid_t pid = fork();
  ck_assert(pid >= 0);
  if (pid == 0) {
    alarm(20);
    file_signals_init();
    struct rlimit rl = {1000, 1000};
    setrlimit(RLIMIT_FSIZE, &rl);
    static char big[5000];
    memset(big, 'x', sizeof big);
    _exit(file_write_atomic(out, big, sizeof big) == EFBIG ? 0 : 1);
  }
  int st;
  waitpid(pid, &st, 0);
  ck_assert(WIFEXITED(st));
  ck_assert_int_eq(WEXITSTATUS(st), 0);
  assert_text(out, "old\n");
  assert_listing(dir, "out.json\n");
  exec_opts x = {OUT_CAPTURE, NULL, 1000};
  const char *calc[] = {tu_bin(), "calc", SAMPLE, "-o", out, NULL};
  char *o, *err;
  ck_assert_int_eq(exec_with(calc, &x, &o, &err), 3);
  char want[256];
  snprintf(want, sizeof want, "auditgen: cannot write %s: File too large\n",
           out);
  ck_assert_str_eq(err, want);
  free(o), free(err);
  assert_text(out, "old\n");
  assert_listing(dir, "out.json\n");
  rm_tree(dir);
}
END_TEST

static int by_strcmp(const void *a, const void *b)
{
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Temporaries left by a run killed with SIGKILL are removed by the next
   write of the same target, and nothing else: not a live process's, not
   another target's, not a name of another shape, not a link or folder. */
START_TEST(t_stale_temporaries)
{
  char dir[64];
  scratch(dir);
  pid_t dead = fork();
  ck_assert(dead >= 0);
  if (dead == 0)
    _exit(0);
  waitpid(dead, NULL, 0); /* reaped: no such process any more */
  long alive = (long)getppid(), gone = (long)dead; /* the test runner */
  char names[10][96];
  /* kept: a live process's, another target's, other shapes */
  snprintf(names[0], 96, ".out.json.auditgen-%ld-aB3dE9.tmp", alive);
  snprintf(names[1], 96, ".other.json.auditgen-%ld-aB3dE9.tmp", gone);
  snprintf(names[2], 96, ".out.json.auditgen-%ld-aB3.tmp", gone);
  snprintf(names[3], 96, ".out.json.auditgen-%ld-aB3dE9.tmpx", gone);
  snprintf(names[4], 96, "out.json.auditgen-%ld-aB3dE9.tmp", gone);
  snprintf(names[5], 96, ".out.json.auditgen-%ld-zzzzz1.tmp", gone); /* dir */
  snprintf(names[6], 96, ".out.json.auditgen-%ld-zzzzz2.tmp", gone); /* link */
  /* removed: this target's, of a process gone */
  snprintf(names[7], 96, ".out.json.auditgen-%ld-Q1w2E3.tmp", gone);
  snprintf(names[8], 96, ".out.json.auditgen-%ld-000000.tmp", gone);
  char path[1200];
  for (int i = 0; i < 9; i++) {
    snprintf(path, sizeof path, "%s/%s", dir, names[i]);
    if (i == 5)
      ck_assert_int_eq(mkdir(path, 0755), 0);
    else if (i == 6)
      ck_assert_int_eq(symlink("out.json", path), 0);
    else
      write_text(path, "partial");
  }
  char out[128];
  snprintf(out, sizeof out, "%s/out.json", dir);
  ck_assert_int_eq(file_write_atomic(out, "new\n", 4), 0);
  assert_text(out, "new\n");
  const char *want[8] = {"out.json"};
  for (int i = 0; i < 7; i++)
    want[i + 1] = names[i];
  qsort(want, 8, sizeof *want, by_strcmp);
  char joined[1024] = "";
  for (int i = 0; i < 8; i++) {
    strcat(joined, want[i]);
    strcat(joined, "\n");
  }
  assert_listing(dir, joined);
  rm_tree(dir);
}
END_TEST

/* }====================================================== */

/* {====================================================== inputs */

/* Inputs that are FIFOs are refused at once (exit 3, a message naming
   the file), wherever they are: the facility, a file of a --rules
   directory, the style, the templates' report.tpl, a --templates folder's
   style.yaml, a --rules or --templates argument itself. */
START_TEST(t_fifo_inputs)
{
  char dir[64];
  scratch(dir);
  char fifo[128], rdir[128], tdir[128], tdir2[128], p[192];
  snprintf(fifo, sizeof fifo, "%s/fifo.yaml", dir);
  ck_assert_int_eq(mkfifo(fifo, 0644), 0);
  snprintf(rdir, sizeof rdir, "%s/rules", dir);
  ck_assert_int_eq(mkdir(rdir, 0755), 0);
  snprintf(p, sizeof p, "%s/checks", rdir);
  ck_assert_int_eq(mkdir(p, 0755), 0);
  snprintf(p, sizeof p, "%s/benchmarks", rdir);
  ck_assert_int_eq(mkdir(p, 0755), 0);
  snprintf(tdir, sizeof tdir, "%s/tpl", dir);
  ck_assert_int_eq(mkdir(tdir, 0755), 0);
  snprintf(p, sizeof p, "%s/report.tpl", tdir);
  ck_assert_int_eq(mkfifo(p, 0644), 0);
  snprintf(tdir2, sizeof tdir2, "%s/tpl2", dir);
  ck_assert_int_eq(mkdir(tdir2, 0755), 0);
  char cmd[512];
  snprintf(cmd, sizeof cmd, "cp '%s'/templates/*.tpl '%s'/", tu_root(), tdir2);
  ck_assert_int_eq(system(cmd), 0);
  snprintf(p, sizeof p, "%s/style.yaml", tdir2);
  ck_assert_int_eq(mkfifo(p, 0644), 0);

  const char *not_regular = "not a regular file (a FIFO, device or directory)";
  /* the facility */
  const char *c1[] = {tu_bin(), "calc", fifo, NULL};
  const char *c2[] = {tu_bin(), "check", fifo, NULL};
  const char *c3[] = {tu_bin(), "report", fifo, "-o", "/dev/null", NULL};
  const char *const *facility_runs[] = {c1, c2, c3};
  for (size_t i = 0; i < 3; i++) {
    char *err;
    ck_assert_int_eq(run(facility_runs[i], &err), 3);
    ASSERT_ERR(err, fifo);
    ASSERT_ERR(err, not_regular);
    free(err);
  }
  /* a file of a --rules directory, one at a time */
  static const char *const rule_files[] = {
      "carriers.yaml", "grids.yaml",    "metering.yaml",
      "ets.yaml",      "checks/x.yaml", "benchmarks/x.yaml"};
  for (size_t i = 0; i < sizeof rule_files / sizeof *rule_files; i++) {
    snprintf(p, sizeof p, "%s/%s", rdir, rule_files[i]);
    ck_assert_int_eq(mkfifo(p, 0644), 0);
    const char *a[] = {tu_bin(), "calc", SAMPLE, "--rules", rdir, NULL};
    const char *b[] = {tu_bin(), "rules", "check", rdir, NULL};
    const char *const *runs[] = {a, b};
    for (size_t r = 0; r < 2; r++) {
      char *err;
      int rc = run(runs[r], &err);
      ck_assert_msg(rc == 3, "%s: exit %d\n%s", rule_files[i], rc, err);
      char want[300];
      snprintf(want, sizeof want, "%s: error: cannot read: %s", p, not_regular);
      ASSERT_ERR(err, want);
      free(err);
    }
    unlink(p);
  }
  /* the style, report.tpl, a folder's style.yaml */
  const char *s1[] = {tu_bin(),    "report",  SAMPLE, "-o",
                      "/dev/null", "--style", fifo,   NULL};
  const char *s2[] = {tu_bin(),    "report",      SAMPLE, "-o",
                      "/dev/null", "--templates", tdir,   NULL};
  const char *s3[] = {tu_bin(),    "report",      SAMPLE, "-o",
                      "/dev/null", "--templates", tdir2,  NULL};
  const char *s4[] = {tu_bin(),   "batch",   SAMPLE, "-o", dir,
                      "--report", "--style", fifo,   NULL};
  /* --rules and --templates naming a FIFO */
  const char *s5[] = {tu_bin(), "calc", SAMPLE, "--rules", fifo, NULL};
  const char *s6[] = {tu_bin(),    "report",      SAMPLE, "-o",
                      "/dev/null", "--templates", fifo,   NULL};
  const char *s7[] = {tu_bin(), "rules", "check", fifo, NULL};
  const char *const *runs[] = {s1, s2, s3, s4, s5, s6, s7};
  const char *wants[] = {not_regular,
                         not_regular,
                         not_regular,
                         not_regular,
                         "cannot open the rules directory: Not a directory",
                         "cannot open the templates folder: Not a directory",
                         "cannot open the rules directory: Not a directory"};
  for (size_t i = 0; i < sizeof runs / sizeof *runs; i++) {
    char *err;
    int rc = run(runs[i], &err);
    ck_assert_msg(rc == 3, "case %zu: exit %d\n%s", i, rc, err);
    ASSERT_ERR(err, wants[i]);
    free(err);
  }
  rm_tree(dir);
}
END_TEST

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

/* The exit code rule, one case per input kind: a file or folder given on
   the command line (or its default) that cannot be opened is 3; invalid
   content is 1; a bad command line is 2. */
START_TEST(t_exit_code_rule)
{
  char dir[64], tdir[128], badstyle[128];
  scratch(dir);
  snprintf(tdir, sizeof tdir, "%s/tpl", dir);
  ck_assert_int_eq(mkdir(tdir, 0755), 0); /* a folder without report.tpl */
  snprintf(badstyle, sizeof badstyle, "%s/style.yaml", dir);
  write_text(badstyle, "firm: 3\n");
  static const char *const out = "/dev/null";
  const struct {
    const char *argv[10];
    int rc;
    const char *msg;
  } cases[] = {
      {{"calc", "no/such.yaml"}, 3, "cannot open"},
      {{"check", "no/such.yaml"}, 3, "cannot open"},
      {{"report", "no/such.yaml", "-o", out}, 3, "cannot open"},
      {{"report", SAMPLE, "-o", out, "--style", "no/such/style.yaml"},
       3,
       "no/such/style.yaml: error: cannot open: No such file or directory"},
      {{"report", SAMPLE, "-o", out, "--templates", "no/such/folder"},
       3,
       "no/such/folder: error: cannot open the templates folder: No such "
       "file or directory"},
      {{"report", SAMPLE, "-o", out, "--templates", tdir},
       3,
       "No such file or directory"},
      {{"batch", SAMPLE, "-o", dir, "--report", "--templates",
        "no/such/folder"},
       3,
       "cannot open the templates folder"},
      {{"calc", SAMPLE, "--rules", "no/such/rules"},
       3,
       "cannot open the "
       "rules directory"},
      {{"calc", "tests/bad/unknown-key.yaml"}, 1, "error"},
      {{"report", SAMPLE, "-o", out, "--style", badstyle}, 1, "error"},
      {{"calc", SAMPLE, "--frobnicate"}, 2, "unknown option"},
      {{"calc", SAMPLE, "-o"}, 2, "-o needs"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    const char *argv[12] = {tu_bin()};
    for (int j = 0; cases[i].argv[j]; j++)
      argv[j + 1] = cases[i].argv[j];
    char *err;
    int rc = run(argv, &err);
    ck_assert_msg(rc == cases[i].rc, "case %zu (%s %s): exit %d, want %d\n%s",
                  i, cases[i].argv[0], cases[i].argv[1], rc, cases[i].rc, err);
    ASSERT_ERR(err, cases[i].msg);
    free(err);
  }
  rm_tree(dir);
}
END_TEST

/* }====================================================== */

/* {====================================================== interval values */

/* How an interval value was read before the fast path (strtod on the
   checked text): the fast path must give the same doubles, bit for bit,
   and refuse the same texts. */
static bool value_by_strtod(const char *s, size_t n, double *v)
{
  char tmp[64];
  if (n == 0 || n >= sizeof tmp)
    return false;
  memcpy(tmp, s, n);
  tmp[n] = '\0';
  for (size_t i = 0; i < n; i++)
    if (!tmp[i] ||
        (!isdigit((unsigned char)tmp[i]) && !strchr("+-.eE", tmp[i])))
      return false;
  char *end;
  errno = 0;
  *v = strtod(tmp, &end);
  return *end == '\0' && errno == 0 && isfinite(*v);
}

static void same_value(const char *s, size_t n)
{
  double a = 0, b = 0;
  bool ra = series_parse_value(s, s + n, &a), rb = value_by_strtod(s, n, &b);
  ck_assert_msg(ra == rb, "\"%.*s\": accepted %d, strtod %d", (int)n, s, ra,
                rb);
  ck_assert_msg(!ra || memcmp(&a, &b, sizeof a) == 0,
                "\"%.*s\": %.17g, strtod %.17g", (int)n, s, a, b);
}

START_TEST(t_series_values_exact)
{
  static const char *const edge[] = {
      "0", "-0", "+0", "0.0", "-0.0", ".5", "5.", ".", "-", "+", "", "1.2.3",
      "0x10", "1,5", "1e3", "1E-3", "-1.5e+2", "inf", "nan", "1e400",
      "4.9e-324", "2.2250738585072014e-308", "1.7976931348623157e308",
      "9007199254740991", "9007199254740992", "9007199254740993",
      "90071992547409921", "0.1", "0.2", "0.3", "123.456", "57.00",
      "0.0000000000000000000001", "0.00000000000000000000001",
      "0000000000000000000000000000001.5", "12345678901234567890",
      "1234567890.123456789", "3.14159265358979323846", "--1", "+-1", "1-",
      "1.5 ", " 1.5", "1\x00" "5", "١",
      /* around the 15-digit path and the 2^53 one */
      "123456789012345", "1234567890123456", "12345678901234.5",
      "0.000000000000001", "0.0000000000000001", "999999999999999",
      "9999999999999999", ".123456789012345", "-999999999999.999",
      "000000000000000", "0000000000000000.5", "18446744073709551616"};
  for (size_t i = 0; i < sizeof edge / sizeof *edge; i++)
    same_value(edge[i], strlen(edge[i]));
  same_value("1\0005", 3); /* a NUL inside */
  /* 300,000 random decimals: 1 to 24 digits, a point anywhere or none,
     leading and trailing zeros, signs, sometimes an exponent */
  uint64_t x = 88172645463325252u;
  char b[48];
  for (int k = 0; k < 300000; k++) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    size_t n = 0;
    unsigned sign = (unsigned)(x % 5);
    if (sign == 1)
      b[n++] = '-';
    else if (sign == 2)
      b[n++] = '+';
    int nd = 1 + (int)((x >> 8) % 24), dot = (int)((x >> 16) % (nd + 2));
    uint64_t y = x * 0x9E3779B97F4A7C15u;
    for (int d = 0; d < nd; d++) {
      if (d == dot)
        b[n++] = '.';
      int zeros = (x >> 24) % 4 == 0 && (d < 3 || d > nd - 4);
      b[n++] = zeros ? '0' : (char)('0' + (y >> 60) % 10);
      y = y * 6364136223846793005u + 1442695040888963407u;
    }
    if (dot == nd)
      b[n++] = '.';
    if ((x >> 32) % 16 == 0)
      n += (size_t)snprintf(b + n, sizeof b - n, "e%d",
                            (int)((x >> 40) % 40) - 20);
    same_value(b, n);
  }
}
END_TEST

/* Rows in time order are read without sorting, rows out of order are
   sorted: the same rows in any order give the same audit and the same
   warnings (a gap, named by its line, moves with its row); steps of which
   none is most of them are counted by sorting, as before. */
START_TEST(t_series_any_order)
{
  char dir[64], fac[128], csv[128];
  scratch(dir);
  snprintf(fac, sizeof fac, "%s/f.yaml", dir);
  snprintf(csv, sizeof csv, "%s/E1.csv", dir);
  write_text(fac, "auditgen: 1\n"
                  "facility:\n"
                  "  name: {zh: 测试厂, en: Test plant}\n"
                  "  industry: cement\n"
                  "audit:\n"
                  "  period: {from: 2016-01-01, to: 2016-01-01}\n"
                  "meters:\n"
                  "  - {id: E1, carrier: electricity, level: 1, "
                  "unit: kWh, series: E1.csv}\n"
                  "products:\n  - {id: p1, name: {zh: 产品, en: Product}, quantity: \"1,000 t\"}\n");
  static const char *const files[][2] = {
      /* in order, one gap: the gap is before the row of line 4 */
      {"timestamp,value\n2016-01-01T00:00,1.5\n2016-01-01T00:15,2.25\n"
       "2016-01-01T01:00,0.1\n2016-01-01T01:15,7\n",
       "timestamp,value\n2016-01-01T01:15,7\n2016-01-01T00:15,2.25\n"
       "2016-01-01T00:00,1.5\n2016-01-01T01:00,0.1\n"},
      /* no step is most of them (15, 45, 60, 60 … minutes) */
      {"2016-01-01T00:00,1\n2016-01-01T00:15,2\n2016-01-01T01:00,3\n"
       "2016-01-01T02:00,4\n2016-01-01T02:15,5\n2016-01-01T03:00,6\n",
       "2016-01-01T03:00,6\n2016-01-01T00:15,2\n2016-01-01T02:00,4\n"
       "2016-01-01T00:00,1\n2016-01-01T02:15,5\n2016-01-01T01:00,3\n"}};
  for (size_t f = 0; f < 2; f++) {
    char *out[2], *err[2];
    for (int k = 0; k < 2; k++) {
      write_text(csv, files[f][k]);
      const char *argv[] = {tu_bin(), "calc", fac, "--json", NULL};
      ck_assert_int_eq(tu_exec(argv, tu_root(), &out[k], &err[k]), 0);
    }
    ck_assert_str_eq(out[0], out[1]);
    /* the same gaps, named at the lines their rows are on */
    static const char *const want[][2] = {
        {"E1.csv:4:1: warning: gap before this row: 2 intervals of 15 min "
         "missing (previous row: line 3)",
         "E1.csv:5:1: warning: gap before this row: 2 intervals of 15 min "
         "missing (previous row: line 3)"},
        {"E1.csv:4:1: warning: gap before this row: 3 intervals of 15 min "
         "missing (previous row: line 3)",
         "E1.csv:3:1: warning: gap before this row: 3 intervals of 15 min "
         "missing (previous row: line 6)"}};
    for (int k = 0; k < 2; k++)
      ck_assert_msg(strstr(err[k], want[f][k]) != NULL, "%zu/%d: %s", f, k,
                    err[k]);
    for (int k = 0; k < 2; k++) {
      free(out[k]);
      free(err[k]);
    }
  }
  rm_tree(dir);
}
END_TEST


/* The quantity of meter id in calc --json output (inputs.meters: the
   first "quantity" after its "meter"), NAN when missing. */
static double meter_qty(const char *json, const char *id)
{
  char key[64];
  snprintf(key, sizeof key, "\"meter\": \"%s\",", id);
  const char *p = strstr(json, "\"inputs\": {");
  p = p ? strstr(p, key) : NULL;
  p = p ? strstr(p, "\"quantity\": ") : NULL;
  return p ? strtod(p + 12, NULL) : (double)NAN;
}

/* Interval exports as platforms write them (issue 12): one wide file read
   by column name, UTC timestamps moved to the facility's clock, register
   readings (with a roll-over) made into intervals; streamed and sorted
   reading give the same; a file of many pieces reads as one. */
START_TEST(t_series_export_shapes)
{
  char dir[64], path[160];
  scratch(dir);
  snprintf(path, sizeof path, "%s/wide.csv", dir);
  write_text(path, "\xEF\xBB\xBF" "时间,\"E,1\",E2,E3\n"
                   "2016-01-01 00:00:00,1.5,2,x\n"
                   "2016-01-01 01:00:00,1.5,3,\n"
                   "2016-01-01 02:00:00,2,4.25,9,extra\n");
  snprintf(path, sizeof path, "%s/utc.csv", dir);
  /* 15:00Z the day before is 23:00 local: outside; 16:00Z is midnight */
  write_text(path, "timestamp,value\n2015-12-31T15:00Z,100\n"
                   "2015-12-31T16:00Z,1\n2015-12-31T17:00:00+00:00,2\n"
                   "2016-01-01T02:00+08:00,4\n2016-01-01T03:00,8\n"
                   "2016-01-01T16:00,16\n");
  snprintf(path, sizeof path, "%s/cum.csv", dir);
  write_text(path, "timestamp,reading\n2016-01-01T00:00,990\n"
                   "2016-01-01T01:00,998.5\n2016-01-01T02:00,3\n"
                   "2016-01-01T03:00,10\n2016-01-04T00:00,20\n");
  snprintf(path, sizeof path, "%s/cum-rev.csv", dir);
  write_text(path, "timestamp,reading\n2016-01-04T00:00,20\n"
                   "2016-01-01T03:00,10\n2016-01-01T02:00,3\n"
                   "2016-01-01T01:00,998.5\n2016-01-01T00:00,990\n");
  /* a file of many pieces: 8,640 rows a day of 27-byte lines (233 KB a
     day) over three days, in order and reversed */
  buf big, rev;
  buf_init(&big);
  buf_init(&rev);
  buf_puts(&big, "timestamp,value\n");
  size_t nrow = 0;
  for (int d = 1; d <= 3; d++)
    for (int sec = 0; sec < 86400; sec += 10, nrow++)
      buf_printf(&big, "2016-01-%02d %02d:%02d:%02d,%d.%03d\n", d,
                 sec / 3600, sec / 60 % 60, sec % 60, (int)(nrow % 97),
                 (int)(nrow * 7 % 1000));
  for (const char *e = big.data + big.len; e > big.data;) {
    const char *s = e - 1;
    while (s > big.data && s[-1] != '\n')
      s--;
    if (strncmp(s, "timestamp", 9) != 0)
      buf_add(&rev, s, (size_t)(e - s));
    e = s;
  }
  snprintf(path, sizeof path, "%s/big.csv", dir);
  write_text(path, big.data);
  snprintf(path, sizeof path, "%s/big-rev.csv", dir);
  write_text(path, rev.data);
  ck_assert_uint_gt(big.len, 600000);
  buf_fini(&big);
  buf_fini(&rev);
  snprintf(path, sizeof path, "%s/f.yaml", dir);
  write_text(path,
             "auditgen: 1\n"
             "facility:\n"
             "  name: {zh: 测试厂, en: Test plant}\n"
             "  industry: cement\n"
             "audit:\n"
             "  period: {from: 2016-01-01, to: 2016-01-03}\n"
             "meters:\n"
             "  - {id: W1, carrier: electricity, level: 1, unit: kWh, "
             "series: wide.csv, series_column: \"E,1\"}\n"
             "  - {id: W2, carrier: electricity, level: 1, unit: kWh, "
             "series: wide.csv, series_column: E2}\n"
             "  - {id: U1, carrier: electricity, level: 1, unit: kWh, "
             "series: utc.csv, series_timezone: Z}\n"
             "  - {id: U2, carrier: electricity, level: 1, unit: kWh, "
             "series: utc.csv}\n"
             "  - {id: C1, carrier: electricity, level: 1, unit: kWh, "
             "series: cum.csv, series_values: cumulative, "
             "series_rollover: 1000}\n"
             "  - {id: C2, carrier: electricity, level: 1, unit: kWh, "
             "series: cum-rev.csv, series_values: cumulative, "
             "series_rollover: 1000}\n"
             "  - {id: B1, carrier: electricity, level: 1, unit: kWh, "
             "series: big.csv}\n"
             "  - {id: B2, carrier: electricity, level: 1, unit: kWh, "
             "series: big-rev.csv}\n"
             "products:\n"
             "  - {id: p1, name: {zh: 产品, en: Product}, quantity: \"1,000 t\"}\n");
  const char *argv[] = {tu_bin(), "calc", path, "--json", NULL};
  char *out, *err;
  ck_assert_int_eq(tu_exec(argv, tu_root(), &out, &err), 0);
  ck_assert_double_eq(meter_qty(out, "W1"), 5);
  ck_assert_double_eq(meter_qty(out, "W2"), 9.25);
  /* Z: 16:00Z, 17:00Z, 18:00Z (02:00+08:00), and 03:00 and 16:00 read
     as UTC: 11:00 and 00:00 the next day, both inside */
  ck_assert_double_eq(meter_qty(out, "U1"), 1 + 2 + 4 + 8 + 16);
  /* without series_timezone the clock time is taken as it is written */
  ck_assert_double_eq(meter_qty(out, "U2"), 4 + 8 + 16);
  /* 998.5 − 990, 1000 − 998.5 + 3, 10 − 3, 20 − 10 */
  ck_assert_double_eq_tol(meter_qty(out, "C1"), 8.5 + 4.5 + 7 + 10, 1e-9);
  ck_assert_double_eq(meter_qty(out, "C1"), meter_qty(out, "C2"));
  ck_assert_double_eq(meter_qty(out, "B1"), meter_qty(out, "B2"));
  ck_assert(meter_qty(out, "B1") > 0);
  /* readings up to the midnight after the period cover it: no "data end"
     warning for the cumulative meters, one for the interval ones */
  ck_assert_msg(strstr(err, "cum.csv") == NULL, "%s", err);
  ck_assert_msg(strstr(err, "wide.csv:4:1: warning: the data end") != NULL,
                "%s", err);
  free(out);
  free(err);
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
  tcase_add_test(tc, t_series_values_exact);
  tcase_add_test(tc, t_series_any_order);
  tcase_add_test(tc, t_series_export_shapes);
  tcase_add_test(tc, t_stdout_errors_with_files);
  tcase_add_test(tc, t_output_devices);
  tcase_add_test(tc, t_output_links_and_modes);
  tcase_add_test(tc, t_output_not_a_file);
  tcase_add_test(tc, t_output_is_an_input);
  tcase_add_test(tc, t_killed_before_rename);
  tcase_add_test(tc, t_killed_writer_unit);
  tcase_add_test(tc, t_file_size_limit);
  tcase_add_test(tc, t_stale_temporaries);
  tcase_add_test(tc, t_fifo_inputs);
  tcase_add_test(tc, t_rules_dirs);
  tcase_add_test(tc, t_shipped_rules_named_again);
  tcase_add_test(tc, t_exit_code_rule);
  suite_add_tcase(s, tc);
  return s;
}
