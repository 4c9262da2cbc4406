/* fileio.c — whole-file reading of regular files, the inputs a run has
 * read, and atomic file replacement that survives signals (see fileio.h). */
#include "fileio.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mem.h"

/* {====================================================== inputs */

/* The files read by this process, so that no output replaces one. */
typedef struct input_file {
  dev_t dev;
  ino_t ino;
  char *path;
} input_file;

static input_file *inputs;
static size_t n_inputs, cap_inputs;

static void remember(const struct stat *st, const char *path)
{
  for (size_t i = 0; i < n_inputs; i++)
    if (inputs[i].dev == st->st_dev && inputs[i].ino == st->st_ino)
      return;
  if (n_inputs == cap_inputs) {
    cap_inputs = cap_inputs ? cap_inputs * 2 : 16;
    inputs = mem_realloc(inputs, sizeof *inputs * cap_inputs);
  }
  size_t len = strlen(path);
  char *copy = mem_alloc(len + 1);
  memcpy(copy, path, len + 1);
  inputs[n_inputs++] = (input_file){st->st_dev, st->st_ino, copy};
}

void file_note_input(const char *path)
{
  struct stat st;
  if (path && stat(path, &st) == 0)
    remember(&st, path);
}

const char *file_input_same(unsigned long long dev, unsigned long long ino)
{
  for (size_t i = 0; i < n_inputs; i++)
    if ((unsigned long long)inputs[i].dev == dev &&
        (unsigned long long)inputs[i].ino == ino)
      return inputs[i].path;
  return NULL;
}

void file_inputs_reset(void)
{
  for (size_t i = 0; i < n_inputs; i++)
    mem_free(inputs[i].path);
  mem_free(inputs);
  inputs = NULL;
  n_inputs = cap_inputs = 0;
}

/* }====================================================== */

/* {====================================================== reading */

/* Opens path for reading without blocking and checks that it is a regular
   file: the descriptor, or -1 with *err set. */
static int open_regular(const char *path, struct stat *st, int *err)
{
  /* O_NONBLOCK: opening a FIFO for reading must not wait for a writer;
     the type is then checked on the open descriptor (no race with a
     rename between a stat and the open). */
  int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) {
    *err = errno;
    return -1;
  }
  if (fstat(fd, st) != 0) {
    *err = errno;
    close(fd);
    return -1;
  }
  if (!S_ISREG(st->st_mode)) {
    *err = FILE_ERR_NOT_REGULAR;
    close(fd);
    return -1;
  }
  return fd;
}

int file_open_read(const char *path, size_t max_bytes, int *err)
{
  *err = 0;
  struct stat st;
  int fd = open_regular(path, &st, err);
  if (fd < 0)
    return -1;
  if ((unsigned long long)st.st_size > max_bytes) {
    *err = FILE_ERR_TOO_LARGE;
    close(fd);
    return -1;
  }
  remember(&st, path);
  return fd;
}

int file_probe_regular(const char *path)
{
  struct stat st;
  int err = 0;
  int fd = open_regular(path, &st, &err);
  if (fd >= 0)
    close(fd);
  return err;
}

/* Maps the pages of a large new buffer in one call (MADV_POPULATE_WRITE,
   Linux 5.14) instead of one page fault per 4 KB page as read() fills
   it: on a virtual machine a fault costs microseconds, and a font is
   megabytes. Nothing changes where the call is not supported. */
static void prefault(void *p, size_t n)
{
#ifdef MADV_POPULATE_WRITE
  if (n < (256u << 10))
    return;
  long page = sysconf(_SC_PAGESIZE);
  if (page <= 0)
    return;
  uintptr_t lo = ((uintptr_t)p + (uintptr_t)page - 1) & ~((uintptr_t)page - 1);
  uintptr_t hi = ((uintptr_t)p + n) & ~((uintptr_t)page - 1);
  if (hi > lo)
    (void)madvise((void *)lo, hi - lo, MADV_POPULATE_WRITE);
#else
  (void)p;
  (void)n;
#endif
}

/* open_regular, and a file over max_bytes refused: -1 with *err set. */
static int open_bounded(const char *path, size_t max_bytes, struct stat *st,
                        int *err)
{
  int fd = open_regular(path, st, err);
  if (fd >= 0 && (unsigned long long)st->st_size > max_bytes) {
    *err = FILE_ERR_TOO_LARGE;
    close(fd);
    return -1;
  }
  return fd;
}

char *file_read_regular(const char *path, size_t max_bytes, size_t *len,
                        int *err)
{
  *len = 0;
  *err = 0;
  struct stat st;
  int fd = open_bounded(path, max_bytes, &st, err);
  if (fd < 0)
    return NULL;
  /* The size is a hint: a file that grows while read is still cut off
     at max_bytes + 1 and refused. */
  size_t cap = (size_t)st.st_size + 1, n = 0;
  char *text = mem_alloc(cap + 1);
  prefault(text, cap + 1);
  for (;;) {
    if (n == cap) {
      if (cap > max_bytes)
        break;
      cap = cap * 2 > max_bytes + 1 ? max_bytes + 1 : cap * 2;
      text = mem_realloc(text, cap + 1);
    }
    ssize_t got = read(fd, text + n, cap - n);
    if (got < 0) {
      if (errno == EINTR)
        continue;
      *err = errno;
      break;
    }
    if (got == 0)
      break;
    n += (size_t)got;
  }
  close(fd);
  if (!*err && n > max_bytes)
    *err = FILE_ERR_TOO_LARGE;
  if (*err) {
    mem_free(text);
    return NULL;
  }
  text[n] = '\0';
  *len = n;
  remember(&st, path);
  return text;
}

const char *file_map_regular(const char *path, size_t max_bytes, size_t *len,
                             int *err)
{
  *len = 0;
  *err = 0;
  struct stat st;
  int fd = open_bounded(path, max_bytes, &st, err);
  if (fd < 0)
    return NULL;
  size_t n = (size_t)st.st_size;
  const char *p = "";
  if (n) {
    void *m = mmap(NULL, n, PROT_READ, MAP_PRIVATE, fd, 0);
    if (m == MAP_FAILED) {
      *err = errno;
      close(fd);
      return NULL;
    }
    p = m;
  }
  close(fd);
  *len = n;
  remember(&st, path);
  return p;
}

void file_unmap(const char *p, size_t len)
{
  if (p && len)
    munmap((void *)(uintptr_t)p, len);
}

/* The texts file_map_text has given, kept for the process: the same file
   asked for again (rules loaded once per test, per batch worker) is not
   mapped again. */
typedef struct mapped_text {
  dev_t dev;
  ino_t ino;
  off_t size;
  struct timespec mtime, ctime;
  const char *text;
  size_t len;
} mapped_text;

static mapped_text *texts;
static size_t n_texts, cap_texts;

const char *file_map_text(const char *path, size_t max_bytes, size_t *len,
                          int *err)
{
  *len = 0;
  *err = 0;
  struct stat st;
  int fd = open_bounded(path, max_bytes, &st, err);
  if (fd < 0)
    return NULL;
  remember(&st, path);
  for (size_t i = 0; i < n_texts; i++) {
    const mapped_text *t = &texts[i];
    if (t->dev == st.st_dev && t->ino == st.st_ino && t->size == st.st_size &&
        t->mtime.tv_sec == st.st_mtim.tv_sec &&
        t->mtime.tv_nsec == st.st_mtim.tv_nsec &&
        t->ctime.tv_sec == st.st_ctim.tv_sec &&
        t->ctime.tv_nsec == st.st_ctim.tv_nsec) {
      close(fd);
      *len = t->len;
      return t->text;
    }
  }
  size_t n = (size_t)st.st_size;
  long page = sysconf(_SC_PAGESIZE);
  const char *text = NULL;
  /* the zeros after the end of the last page are the NUL; a file that
     ends on a page boundary has none, and is read */
  if (n && page > 0 && n % (size_t)page) {
    void *m = mmap(NULL, n, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
    if (m != MAP_FAILED)
      text = m;
  }
  close(fd);
  if (!text) {
    text = file_read_regular(path, max_bytes, &n, err);
    if (!text)
      return NULL;
  }
  if (n_texts == cap_texts) {
    cap_texts = cap_texts ? 2 * cap_texts : 32;
    texts = mem_realloc(texts, sizeof *texts * cap_texts);
  }
  texts[n_texts++] =
      (mapped_text){st.st_dev, st.st_ino, st.st_size, st.st_mtim, st.st_ctim,
                    text, n};
  *len = n;
  return text;
}

/* }====================================================== */

const char *file_strerror(int err)
{
  switch (err) {
  case FILE_ERR_NOT_REGULAR:
    return "not a regular file (a FIFO, device or directory)";
  case FILE_ERR_TOO_LARGE:
    return "larger than the limit";
  case FILE_ERR_SPECIAL:
    return "a FIFO, socket or block device, not a regular file";
  case FILE_ERR_IS_INPUT:
    return "it is one of this run's inputs";
  case FILE_ERR_DANGLING:
    return "a symbolic link to a file that does not exist";
  default:
    return strerror(err);
  }
}

/* {====================================================== signals */

/* The temporary file being written, for the signal handler: set and
   cleared only with the handled signals blocked. */
static char sig_tmp[PATH_MAX + 64];
static volatile sig_atomic_t sig_tmp_set;

static void on_fatal_signal(int sig)
{
  /* only async-signal-safe calls: unlink, signal, raise */
  if (sig_tmp_set)
    unlink(sig_tmp);
  signal(sig, SIG_DFL);
  raise(sig); /* delivered when the handler returns: the process dies */
}

/* The signals whose default action ends the process and that a user, a
   terminal or a job controller sends (not SIGPROF or SIGVTALRM, which a
   profiler may own). */
static const int fatal_signals[] = {SIGINT,  SIGTERM, SIGHUP, SIGQUIT,
                                    SIGALRM, SIGUSR1, SIGUSR2};

void file_signals_init(void)
{
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_fatal_signal;
  sigemptyset(&sa.sa_mask);
  for (size_t i = 0; i < sizeof fatal_signals / sizeof *fatal_signals; i++)
    sigaddset(&sa.sa_mask, fatal_signals[i]);
  for (size_t i = 0; i < sizeof fatal_signals / sizeof *fatal_signals; i++) {
    struct sigaction old;
    /* a signal ignored by whoever started us (nohup) stays ignored */
    if (sigaction(fatal_signals[i], NULL, &old) == 0 &&
        old.sa_handler == SIG_IGN)
      continue;
    sigaction(fatal_signals[i], &sa, NULL);
  }
  signal(SIGXFSZ, SIG_IGN);
}

static void block_fatal(sigset_t *old)
{
  sigset_t set;
  sigemptyset(&set);
  for (size_t i = 0; i < sizeof fatal_signals / sizeof *fatal_signals; i++)
    sigaddset(&set, fatal_signals[i]);
  sigprocmask(SIG_BLOCK, &set, old);
}

/* }====================================================== */

/* {====================================================== writing */

/* The folder part of path ("." when none), mem_alloc'd. */
static char *dir_part(const char *path)
{
  const char *slash = strrchr(path, '/');
  size_t len = slash ? (size_t)(slash - path) : 1;
  if (slash == path)
    len = 1; /* "/name": the root */
  char *dir = mem_alloc(len + 1);
  memcpy(dir, slash ? path : ".", len);
  dir[len] = '\0';
  return dir;
}

int file_output_check(const char *path)
{
  struct stat st;
  if (!*path)
    return ENOENT; /* else "." would be taken as its folder */
  if (stat(path, &st) != 0) {
    int e = errno;
    if (e != ENOENT)
      return e;
    struct stat lst;
    if (lstat(path, &lst) == 0)
      return FILE_ERR_DANGLING;
    /* a new file: its folder must exist and take new names */
    char *dir = dir_part(path);
    int err = 0;
    if (stat(dir, &st) != 0)
      err = errno;
    else if (!S_ISDIR(st.st_mode))
      err = ENOTDIR;
    else if (access(dir, W_OK | X_OK) != 0)
      err = errno;
    mem_free(dir);
    return err;
  }
  if (S_ISCHR(st.st_mode))
    return access(path, W_OK) != 0 ? errno : 0;
  if (S_ISDIR(st.st_mode))
    return EISDIR;
  if (!S_ISREG(st.st_mode))
    return FILE_ERR_SPECIAL;
  if (file_input_same((unsigned long long)st.st_dev,
                      (unsigned long long)st.st_ino))
    return FILE_ERR_IS_INPUT;
  if (access(path, W_OK) != 0)
    return errno;
  return 0;
}

static int write_all(int fd, const void *data, size_t len)
{
  const char *p = data;
  while (len > 0) {
    ssize_t w = write(fd, p, len);
    if (w < 0) {
      if (errno == EINTR)
        continue;
      return errno;
    }
    p += w;
    len -= (size_t)w;
  }
  return 0;
}

/* A character device is written through: there is nothing to replace.
   Returns the descriptor, or -1 with *err set. */
static int open_device(const char *path, int *err)
{
  /* O_NONBLOCK so that opening a line without carrier cannot hang; the
     writes themselves block as usual */
  int fd = open(path, O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) {
    *err = errno;
    return -1;
  }
  struct stat st;
  int e = 0;
  if (fstat(fd, &st) != 0)
    e = errno;
  else if (!S_ISCHR(st.st_mode))
    e = FILE_ERR_SPECIAL; /* replaced since the check */
  else if (fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) != 0)
    e = errno;
  if (e) {
    close(fd);
    *err = e;
    return -1;
  }
  return fd;
}

/* Temporary names: "." NAME ".auditgen-" PID "-" XXXXXX ".tmp", NAME cut
   so that the whole stays within a file name's 255 bytes. */
#define TMP_NAME_MAX 200
#define TMP_TAG ".auditgen-"

/* Whether name is a temporary of the target named base written by
   another process; sets *pid. */
static bool stale_name(const char *name, const char *base, size_t blen,
                       pid_t *pid)
{
  if (name[0] != '.' || strncmp(name + 1, base, blen) != 0 ||
      strncmp(name + 1 + blen, TMP_TAG, strlen(TMP_TAG)) != 0)
    return false;
  const char *p = name + 1 + blen + strlen(TMP_TAG);
  long long v = 0;
  const char *digits = p;
  while (*p >= '0' && *p <= '9' && p - digits < 10)
    v = v * 10 + (*p++ - '0');
  if (p == digits || *p != '-' || v <= 0)
    return false;
  p++;
  for (int i = 0; i < 6; i++, p++)
    if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
          (*p >= '0' && *p <= '9')))
      return false;
  if (strcmp(p, ".tmp") != 0)
    return false;
  *pid = (pid_t)v;
  return true;
}

/* Removes the temporaries of base in dir whose writer is gone (killed
   with SIGKILL, or by a power cut): regular files of ours only, named as
   this program names them, whose process no longer exists. */
static void remove_stale(const char *dir, const char *base, size_t blen)
{
  DIR *d = opendir(dir);
  if (!d)
    return;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    pid_t pid;
    if (!stale_name(e->d_name, base, blen, &pid) || pid == getpid())
      continue;
    if (kill(pid, 0) == 0 || errno != ESRCH)
      continue; /* alive, or someone else's */
    size_t n = strlen(dir) + strlen(e->d_name) + 2;
    char *path = mem_alloc(n);
    snprintf(path, n, "%s/%s", dir, e->d_name);
    struct stat st;
    if (lstat(path, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == geteuid())
      unlink(path);
    mem_free(path);
  }
  closedir(d);
}

/* The test hook of fileio.h: a signal raised between write and rename. */
static void test_raise(void)
{
  const char *s = getenv("AUDITGEN_TEST_RAISE_BEFORE_RENAME");
  if (s && *s)
    raise(atoi(s));
}

struct file_out {
  int fd;
  int err;      /* the first write error, or 0 */
  bool device;  /* written through: no temporary, no rename */
  char *target; /* the file replaced (a symbolic link's target) */
  char tmp[sizeof sig_tmp];
};

file_out *file_out_open(const char *path, int *err)
{
  *err = file_output_check(path);
  if (*err)
    return NULL;
  struct stat st;
  bool exists = stat(path, &st) == 0;
  if (exists && S_ISCHR(st.st_mode)) {
    int fd = open_device(path, err);
    if (fd < 0)
      return NULL;
    file_out *f = mem_alloc(sizeof *f);
    f->fd = fd;
    f->device = true;
    return f;
  }
  /* the file replaced is the symbolic link's target, in its own folder */
  char *real = exists ? realpath(path, NULL) : NULL;
  const char *from = real ? real : path;
  char *target = mem_alloc(strlen(from) + 1);
  memcpy(target, from, strlen(from) + 1);
  free(real);
  char *dir = dir_part(target);
  const char *slash = strrchr(target, '/');
  const char *base = slash ? slash + 1 : target;
  size_t blen = strlen(base) > TMP_NAME_MAX ? TMP_NAME_MAX : strlen(base);
  remove_stale(dir, base, blen);
  file_out *f = mem_alloc(sizeof *f);
  int n = snprintf(f->tmp, sizeof f->tmp, "%s/.%.*s" TMP_TAG "%ld-XXXXXX.tmp",
                   dir, (int)blen, base, (long)getpid());
  mem_free(dir);
  if (n < 0 || (size_t)n >= sizeof f->tmp) {
    mem_free(target);
    mem_free(f);
    *err = ENAMETOOLONG;
    return NULL;
  }
  sigset_t old;
  block_fatal(&old);
  int fd = mkstemps(f->tmp, 4);
  if (fd >= 0) {
    memcpy(sig_tmp, f->tmp, (size_t)n + 1);
    sig_tmp_set = 1;
  } else {
    *err = errno;
  }
  sigprocmask(SIG_SETMASK, &old, NULL);
  if (fd < 0) {
    mem_free(target);
    mem_free(f);
    return NULL;
  }
  if (exists) {
    /* the replacement keeps the owner (when we may give it) and mode */
    if (st.st_uid != geteuid() || st.st_gid != getegid()) {
      /* refused unless root: the file becomes ours, as a rewrite would */
      int refused = fchown(fd, st.st_uid, st.st_gid);
      (void)refused;
    }
    fchmod(fd, st.st_mode & 07777); /* after fchown, which clears set-id */
  } else {
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
  }
  f->fd = fd;
  f->target = target;
  return f;
}

void file_out_write(file_out *f, const void *data, size_t len)
{
  if (!f->err)
    f->err = write_all(f->fd, data, len);
}

int file_out_close(file_out *f, bool keep)
{
  int err = f->err;
  if (f->device) {
    if (close(f->fd) != 0 && !err)
      err = errno;
    mem_free(f);
    return err;
  }
  if (!err && keep && fsync(f->fd) != 0)
    err = errno;
  if (close(f->fd) != 0 && !err)
    err = errno;
  if (!err && keep)
    test_raise();
  sigset_t old;
  block_fatal(&old);
  if (!err && keep && rename(f->tmp, f->target) != 0)
    err = errno;
  if (err || !keep)
    unlink(f->tmp);
  sig_tmp_set = 0;
  sigprocmask(SIG_SETMASK, &old, NULL);
  mem_free(f->target);
  mem_free(f);
  return err;
}

int file_write_atomic(const char *path, const void *data, size_t len)
{
  int err;
  file_out *f = file_out_open(path, &err);
  if (!f)
    return err;
  file_out_write(f, data, len);
  return file_out_close(f, true);
}

/* }====================================================== */

char *file_resolve_inside(const char *root, const char *path, bool *outside,
                          int *err)
{
  char *rr = realpath(root, NULL);
  if (!rr) {
    *err = errno;
    return NULL;
  }
  char *rp = realpath(path, NULL);
  if (!rp) {
    *err = errno;
    free(rr);
    return NULL;
  }
  size_t n = strlen(rr);
  bool in = strcmp(rr, "/") == 0 ? rp[1] != '\0'
                                 : strncmp(rp, rr, n) == 0 && rp[n] == '/';
  free(rr);
  if (!in) {
    *outside = true;
    free(rp);
    return NULL;
  }
  return rp;
}
