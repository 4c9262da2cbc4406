/* pool.h — runs numbered jobs in forked worker processes (batch --jobs).
 *
 * The caller loads everything the jobs share (rules, checks, templates,
 * style) before pool_run; the workers are forked after, so they share
 * it copy-on-write and nothing is loaded twice. Each worker takes the
 * next job the parent hands it, so a slow facility never holds up the
 * others. What a job prints on standard output and standard error is
 * captured (the descriptors point at per-worker temporary files while it
 * runs) and handed to the parent, which calls `done` for each job in the
 * order of the jobs, whatever order they finish in: the same input gives
 * the same output with any number of workers.
 *
 * A job that crashes (a signal, an abort, an exit) takes only its worker
 * with it: its result says so (status POOL_CRASHED, signal), a new worker
 * is forked for the jobs left, and the others go on. With workers == 1
 * the jobs still run in one forked worker, so a crash is isolated too. */
#ifndef GEN_POOL_H
#define GEN_POOL_H

#include <stdbool.h>
#include <stddef.h>

#define POOL_CRASHED (-1)

typedef struct pool_result {
  int status;   /* the job's return value, or POOL_CRASHED */
  int signal;   /* POOL_CRASHED: the signal that ended the worker, or 0
                   when it exited (its exit code in exit_code) */
  int exit_code;
  const char *out, *err; /* what the job printed (NUL-terminated) */
  size_t out_len, err_len;
} pool_result;

/* Runs job i in a worker; returns its status (>= 0). */
typedef int (*pool_job)(size_t i, void *ctx);
/* Called in the parent, in job order, once job i has finished. */
typedef void (*pool_done)(size_t i, const pool_result *r, void *ctx);
/* Called in the parent whenever a job finishes (any order): for a
   progress line. finished counts the jobs done so far. */
typedef void (*pool_tick)(size_t finished, size_t total, void *ctx);

/* Runs jobs 0..n-1 on `workers` processes (at least 1). Returns 0, or an
   errno value when no worker could be started (nothing was run then). */
int pool_run(size_t n, unsigned workers, pool_job job, pool_done done,
             pool_tick tick, void *ctx);

#endif
