/* pool.c — forked workers for numbered jobs (pool.h).
 *
 * Parent and worker talk over two pipes per worker: the parent writes
 * job numbers (8 bytes) on the task pipe; the worker answers each with a
 * frame on its result pipe: job number, status, then the bytes the job
 * printed on standard output and standard error. A worker gone (end of
 * file on its result pipe) crashed in the job it held. Invariant: every
 * job is handed out once and reported once, in order. */
#include "pool.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../base/mem.h"

typedef struct frame {
  uint64_t job;
  int32_t status;
  uint64_t out_len, err_len;
} frame;

typedef struct worker {
  pid_t pid;
  int task_fd, res_fd; /* -1 when closed */
  size_t job;          /* the job it holds, or SIZE_MAX when idle */
} worker;

static bool write_all(int fd, const void *p, size_t n)
{
  const char *c = p;
  while (n) {
    ssize_t w = write(fd, c, n);
    if (w < 0 && errno == EINTR)
      continue;
    if (w <= 0)
      return false;
    c += w;
    n -= (size_t)w;
  }
  return true;
}

/* Reads n bytes; false at end of file or on error before n. */
static bool read_all(int fd, void *p, size_t n)
{
  char *c = p;
  while (n) {
    ssize_t r = read(fd, c, n);
    if (r < 0 && errno == EINTR)
      continue;
    if (r <= 0)
      return false;
    c += r;
    n -= (size_t)r;
  }
  return true;
}

/* The bytes of the file open on fd, from its start (malloc'd). */
static char *slurp_fd(int fd, size_t *len)
{
  off_t end = lseek(fd, 0, SEEK_END);
  size_t n = end > 0 ? (size_t)end : 0;
  char *b = mem_alloc(n + 1);
  size_t got = 0;
  while (got < n) {
    ssize_t r = pread(fd, b + got, n - got, (off_t)got);
    if (r < 0 && errno == EINTR)
      continue;
    if (r <= 0)
      break;
    got += (size_t)r;
  }
  b[got] = '\0';
  *len = got;
  return b;
}

/* The worker's life: take a job, run it with standard output and error
   on temporary files, send what it printed, until the task pipe closes. */
static void worker_main(int task_fd, int res_fd, pool_job job, void *ctx)
{
  FILE *fo = tmpfile(), *fe = tmpfile();
  if (!fo || !fe)
    _exit(120);
  int ofd = fileno(fo), efd = fileno(fe);
  fflush(stdout);
  fflush(stderr);
  if (dup2(ofd, 1) < 0 || dup2(efd, 2) < 0)
    _exit(121);
  uint64_t i;
  while (read_all(task_fd, &i, sizeof i)) {
    fflush(stdout);
    fflush(stderr);
    clearerr(stdout);
    if (ftruncate(1, 0) != 0 || ftruncate(2, 0) != 0)
      _exit(122);
    lseek(1, 0, SEEK_SET);
    lseek(2, 0, SEEK_SET);
    int status = job((size_t)i, ctx);
    fflush(stdout);
    fflush(stderr);
    frame f = {i, status, 0, 0};
    char *out = slurp_fd(1, &f.out_len), *err = slurp_fd(2, &f.err_len);
    bool ok = write_all(res_fd, &f, sizeof f) &&
              write_all(res_fd, out, f.out_len) &&
              write_all(res_fd, err, f.err_len);
    mem_free(out);
    mem_free(err);
    if (!ok)
      _exit(123);
  }
  _exit(0);
}

static int spawn(worker *ws, size_t nw, size_t k, pool_job job, void *ctx)
{
  int tp[2], rp[2];
  if (pipe(tp) != 0)
    return errno;
  if (pipe(rp) != 0) {
    int e = errno;
    close(tp[0]);
    close(tp[1]);
    return e;
  }
  fflush(stdout);
  fflush(stderr);
  pid_t pid = fork();
  if (pid < 0) {
    int e = errno;
    close(tp[0]), close(tp[1]), close(rp[0]), close(rp[1]);
    return e;
  }
  if (pid == 0) {
    /* only its own pipe ends: a sibling's result pipe held open here
       would hide that sibling's death from the parent */
    for (size_t j = 0; j < nw; j++) {
      if (ws[j].task_fd >= 0)
        close(ws[j].task_fd);
      if (ws[j].res_fd >= 0)
        close(ws[j].res_fd);
    }
    close(tp[1]);
    close(rp[0]);
    worker_main(tp[0], rp[1], job, ctx);
  }
  close(tp[0]);
  close(rp[1]);
  ws[k].pid = pid;
  ws[k].task_fd = tp[1];
  ws[k].res_fd = rp[0];
  ws[k].job = SIZE_MAX;
  return 0;
}

static void retire(worker *w)
{
  if (w->task_fd >= 0)
    close(w->task_fd);
  if (w->res_fd >= 0)
    close(w->res_fd);
  w->task_fd = w->res_fd = -1;
  if (w->pid > 0) {
    int st;
    while (waitpid(w->pid, &st, 0) < 0 && errno == EINTR)
      ;
  }
  w->pid = 0;
}

int pool_run(size_t n, unsigned workers, pool_job job, pool_done done,
             pool_tick tick, void *ctx)
{
  if (n == 0)
    return 0;
  size_t nw = workers ? workers : 1;
  if (nw > n)
    nw = n;
  worker *ws = mem_alloc(sizeof *ws * nw);
  for (size_t k = 0; k < nw; k++)
    ws[k] = (worker){0, -1, -1, SIZE_MAX};
  pool_result *rs = mem_alloc(sizeof *rs * n);
  memset(rs, 0, sizeof *rs * n);
  bool *have = mem_alloc(sizeof *have * n);
  memset(have, 0, sizeof *have * n);
  size_t next = 0, finished = 0, delivered = 0, live = 0;
  int first_err = 0;
  for (size_t k = 0; k < nw; k++) {
    int e = spawn(ws, nw, k, job, ctx);
    if (e) {
      first_err = first_err ? first_err : e;
      continue;
    }
    live++;
  }
  if (live == 0) {
    mem_free(ws), mem_free(rs), mem_free(have);
    return first_err ? first_err : EAGAIN;
  }
  struct pollfd *pf = mem_alloc(sizeof *pf * nw);
  size_t *pk = mem_alloc(sizeof *pk * nw);
  while (finished < n) {
    /* hand out work to idle workers; close the task pipe of an idle one
       when none is left, so that it exits */
    for (size_t k = 0; k < nw; k++) {
      worker *w = &ws[k];
      if (w->pid <= 0 || w->job != SIZE_MAX)
        continue;
      if (next < n) {
        uint64_t i = next;
        if (write_all(w->task_fd, &i, sizeof i))
          w->job = next++;
      } else if (w->task_fd >= 0) {
        close(w->task_fd);
        w->task_fd = -1;
      }
    }
    size_t np = 0;
    for (size_t k = 0; k < nw; k++)
      if (ws[k].pid > 0 && ws[k].res_fd >= 0) {
        pf[np].fd = ws[k].res_fd;
        pf[np].events = POLLIN;
        pf[np].revents = 0;
        pk[np++] = k;
      }
    if (np == 0)
      break; /* cannot happen while jobs are out: each has a worker */
    int pr = poll(pf, (nfds_t)np, -1);
    if (pr < 0) {
      if (errno == EINTR)
        continue;
      break;
    }
    for (size_t p = 0; p < np; p++) {
      if (!pf[p].revents)
        continue;
      worker *w = &ws[pk[p]];
      frame f;
      bool got = read_all(w->res_fd, &f, sizeof f) && f.job == w->job &&
                 f.out_len < ((uint64_t)1 << 40) &&
                 f.err_len < ((uint64_t)1 << 40);
      char *out = NULL, *err = NULL;
      if (got) {
        out = mem_alloc((size_t)f.out_len + 1);
        err = mem_alloc((size_t)f.err_len + 1);
        got = read_all(w->res_fd, out, (size_t)f.out_len) &&
              read_all(w->res_fd, err, (size_t)f.err_len);
      }
      size_t j = w->job;
      if (got) {
        out[f.out_len] = err[f.err_len] = '\0';
        rs[j] = (pool_result){f.status, 0, 0, out, err, (size_t)f.out_len,
                              (size_t)f.err_len};
        w->job = SIZE_MAX;
      } else {
        /* the worker is gone: it crashed in job j (if it held one) */
        mem_free(out);
        mem_free(err);
        pid_t pid = w->pid;
        if (w->task_fd >= 0)
          close(w->task_fd);
        close(w->res_fd);
        w->task_fd = w->res_fd = -1;
        int st = 0;
        while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
          ;
        w->pid = 0;
        live--;
        if (j != SIZE_MAX) {
          char *e0 = mem_alloc(1), *o0 = mem_alloc(1);
          e0[0] = o0[0] = '\0';
          rs[j] = (pool_result){POOL_CRASHED,
                                WIFSIGNALED(st) ? WTERMSIG(st) : 0,
                                WIFEXITED(st) ? WEXITSTATUS(st) : 0,
                                o0, e0, 0, 0};
        }
        w->job = SIZE_MAX;
        if (next < n && spawn(ws, nw, pk[p], job, ctx) == 0)
          live++;
        if (j == SIZE_MAX)
          continue;
      }
      have[j] = true;
      finished++;
      if (tick)
        tick(finished, n, ctx);
      while (delivered < n && have[delivered]) {
        done(delivered, &rs[delivered], ctx);
        mem_free((void *)rs[delivered].out);
        mem_free((void *)rs[delivered].err);
        rs[delivered].out = rs[delivered].err = NULL;
        delivered++;
      }
    }
    if (live == 0 && finished < n) {
      /* no worker could be forked again: the jobs left fail as crashed */
      for (size_t j = 0; j < n; j++)
        if (!have[j]) {
          char *e0 = mem_alloc(1), *o0 = mem_alloc(1);
          e0[0] = o0[0] = '\0';
          rs[j] = (pool_result){POOL_CRASHED, 0, 0, o0, e0, 0, 0};
          have[j] = true;
          finished++;
        }
      while (delivered < n && have[delivered]) {
        done(delivered, &rs[delivered], ctx);
        mem_free((void *)rs[delivered].out);
        mem_free((void *)rs[delivered].err);
        delivered++;
      }
    }
  }
  for (size_t k = 0; k < nw; k++)
    retire(&ws[k]);
  mem_free(pf), mem_free(pk), mem_free(ws), mem_free(rs), mem_free(have);
  return 0;
}
