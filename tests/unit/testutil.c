/* testutil.c — see testutil.h. */
#include "testutil.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../generator/calc/calc.h"
#include "../../generator/rules/checks.h"
#include "../../generator/rules/terms.h"

const char TU_HEAD[] =
    "auditgen: 1\n"
    "facility:\n"
    "  name: {zh: 测试厂, en: Test plant}\n"
    "  industry: cement\n"
    "  output_value: \"10,000 万元\"\n"
    "audit:\n"
    "  period: {from: 2016-01-01, to: 2016-12-31}\n";

const char *tu_root(void)
{
  const char *r = getenv("AUDITGEN_ROOT");
  return r && *r ? r : ".";
}

const char *tu_bin(void)
{
  const char *b = getenv("AUDITGEN_BIN");
  return b && *b ? b : "build/release/auditgen";
}

void tu_open(tu_run *r)
{
  memset(r, 0, sizeof *r);
  r->a = arena_new();
  r->dl = diag_new(r->a);
  r->u = units_new();
  const char *dir = arena_printf(r->a, "%s/rules", tu_root());
  bool io;
  r->f = factors_load(r->a, r->dl, r->u, &dir, 1, &io);
  r->checks = checks_load(r->a, r->dl, r->u, &dir, 1, &io);
  if (!r->f || !r->checks)
    diag_print(r->dl, stderr, true);
  ck_assert_msg(r->f != NULL && r->checks != NULL, "shipped rules do not load");
}

/* Whether a test's facility is industrial (an industry other than the
   own keys building, public_institution and other, and no building_type)
   and states no products: the loader refuses it (products are required of
   industry), so tests of something else get TU_PRODUCTS. */
static bool lacks_products(const char *yaml)
{
  const char *ind = strstr(yaml, "\n  industry: ");
  if (!ind || strstr(yaml, "\nproducts:") || strstr(yaml, "building_type:"))
    return false;
  ind += strlen("\n  industry: ");
  static const char *const own[] = {"building", "public_institution", "other"};
  for (size_t i = 0; i < sizeof own / sizeof *own; i++) {
    size_t n = strlen(own[i]);
    if (strncmp(ind, own[i], n) == 0 &&
        (ind[n] == '\n' || ind[n] == ' ' || ind[n] == '\0'))
      return false;
  }
  return true;
}

const char TU_PRODUCTS[] =
    "products:\n"
    "  - {id: p1, name: {zh: 产品, en: Product}, quantity: \"1,000 t\"}\n";

void tu_facility(tu_run *r, const char *yaml)
{
  if (lacks_products(yaml)) {
    size_t n = strlen(yaml);
    bool nl = n && yaml[n - 1] == '\n';
    yaml = arena_printf(r->a, "%s%s%s", yaml, nl ? "" : "\n", TU_PRODUCTS);
  }
  r->m = model_load_text(r->a, r->dl, r->u, r->f, yaml, strlen(yaml),
                         "test.yaml");
  if (r->m) {
    r->results = calc_run(r->a, r->dl, r->m, r->f, "test");
    if (r->results) {
      checks_run(r->a, r->checks, r->results, r->dl);
      tu_assert_glossary(r);
    }
  }
}

void tu_assert_glossary(const tu_run *r)
{
  const char **miss;
  size_t n = terms_missing(r->a, r->results, &miss);
  for (size_t i = 0; i < n; i++)
    fprintf(stderr, "no glossary entry (rules/terms.yaml): %s\n", miss[i]);
  ck_assert_msg(n == 0,
                "%zu names of the worked calculations have no wording in "
                "rules/terms.yaml (the first: %s)",
                n, n ? miss[0] : "");
}

void tu_close(tu_run *r)
{
  units_free(r->u);
  arena_free(r->a);
  memset(r, 0, sizeof *r);
}

bool tu_is_null(const tu_run *r, const char *path)
{
  const value *v = val_path(r->results, path);
  return v && v->kind == VAL_NULL;
}

const char *tu_str(const tu_run *r, const char *path)
{
  const value *v = val_path(r->results, path);
  ck_assert_msg(v && v->kind == VAL_STR, "no string at %s", path);
  return v->str;
}

double tu_num(const tu_run *r, const char *path)
{
  ck_assert_msg(r->results != NULL, "no results (facility invalid?)");
  const value *v = val_path(r->results, path);
  ck_assert_msg(v != NULL, "no value at %s", path);
  ck_assert_msg(v->kind == VAL_NUM, "value at %s is not a number", path);
  return v->num;
}

const char *tu_diags(tu_run *r)
{
  char *text = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&text, &len);
  diag_print(r->dl, f, false);
  fclose(f);
  const char *out = arena_strndup(r->a, text, len);
  free(text);
  return out;
}

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static char *read_all(int fd)
{

  size_t cap = 4096, len = 0;
  char *s = malloc(cap);
  lseek(fd, 0, SEEK_SET);
  ssize_t n;
  while ((n = read(fd, s + len, cap - len - 1)) > 0) {
    len += (size_t)n;
    if (cap - len < 2) {
      cap *= 2;
      s = realloc(s, cap);
    }
  }
  s[len] = '\0';
  return s;
}

int tu_exec(const char *const *argv, const char *cwd, char **out, char **err)
{
  char o[] = "/tmp/auditgen-out-XXXXXX", e[] = "/tmp/auditgen-err-XXXXXX";
  int fo = mkstemp(o), fe = mkstemp(e);
  ck_assert(fo >= 0 && fe >= 0);
  unlink(o);
  unlink(e);
  pid_t pid = fork();
  ck_assert(pid >= 0);
  if (pid == 0) {
    int devnull = open("/dev/null", O_RDONLY);
    dup2(devnull, 0);
    dup2(fo, 1);
    dup2(fe, 2);
    if (cwd && chdir(cwd) != 0)
      _exit(126);
    execv(argv[0], (char *const *)argv);
    _exit(127);
  }
  int st;
  waitpid(pid, &st, 0);
  *out = read_all(fo);
  *err = read_all(fe);
  close(fo);
  close(fe);
  return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

char *tu_slurp(const char *path, size_t *len)
{
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  size_t cap = 8192, n = 0;
  char *s = malloc(cap);
  size_t got;
  while ((got = fread(s + n, 1, cap - n - 1, f)) > 0) {
    n += got;
    if (cap - n < 2) {
      cap *= 2;
      s = realloc(s, cap);
    }
  }
  fclose(f);
  s[n] = '\0';
  if (len)
    *len = n;
  return s;
}

int tu_sh(const char *cmd, char **out)
{
  FILE *p = popen(cmd, "r");
  ck_assert_ptr_nonnull(p); /* no shell: the test cannot run */
  size_t cap = 1 << 16, len = 0, got;
  char *s = malloc(cap);
  while ((got = fread(s + len, 1, cap - len - 1, p)) > 0) {
    len += got;
    if (cap - len < 2) {
      cap *= 2;
      s = realloc(s, cap);
    }
  }
  s[len] = '\0';
  *out = s;
  int rc = pclose(p);
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

double tu_cpu_self(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

double tu_cpu_children(void)
{
  struct rusage ru;
  getrusage(RUSAGE_CHILDREN, &ru);
  return (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
         (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1e-6;
}
