/* measure.c — runs a command N times and reports its wall time and peak
 * memory, for bench/run.sh (which compiles it into build/bench/measure).
 *
 *   measure [-n RUNS] [-w WARMUP] -- COMMAND [ARG...]
 *
 * Each run is a fork + execvp with stdin, stdout and stderr on /dev/null.
 * Wall time is CLOCK_MONOTONIC from just before fork to just after wait4,
 * so it includes process start-up; peak memory is the child's ru_maxrss
 * from wait4 (KiB on Linux), the largest over all timed runs; CPU time is
 * the child's user + system time from wait4, which includes the processes
 * it forked and waited for (batch's workers): its median over the runs,
 * a figure that a busy machine disturbs less than the wall time. WARMUP
 * untimed runs (default 1) come first so that the binary and its input
 * are in the page cache.
 *
 * Prints one line, for the script to parse:
 *
 *   runs=50 median_ms=3.412 min_ms=3.280 max_ms=4.017 maxrss_kib=2816 maxrss_mib=2.75 cpu_ms=3.105
 *
 * Exits 0 when every run exited 0; otherwise 1, after saying on stderr
 * which run failed and how (the child's own output is not kept: rerun the
 * command by hand to see it). 2 on a usage error. */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void usage(void)
{
  fprintf(stderr, "usage: measure [-n RUNS] [-w WARMUP] -- COMMAND [ARG...]\n");
  exit(2);
}

static long parse_count(const char *s, long min, long max)
{
  char *end;
  errno = 0;
  long v = strtol(s, &end, 10);
  if (errno || end == s || *end || v < min || v > max) {
    fprintf(stderr, "measure: bad count \"%s\" (%ld to %ld)\n", s, min, max);
    exit(2);
  }
  return v;
}

static double now_ms(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* One run: returns 0 and fills *ms, *cpu_ms and *rss_kib, or -1 after
   reporting. */
static int run_once(char **argv, int devnull, double *ms, double *cpu_ms,
                    long *rss_kib)
{
  struct rusage ru;
  int status, err = 0;
  /* A failed exec is reported through a close-on-exec pipe: no bytes
     means the exec succeeded. */
  int fds[2];
  if (pipe(fds) < 0) {
    perror("measure: pipe");
    return -1;
  }
  if (fcntl(fds[1], F_SETFD, FD_CLOEXEC) < 0) {
    perror("measure: fcntl");
    close(fds[0]);
    close(fds[1]);
    return -1;
  }
  double t0 = now_ms();
  pid_t pid = fork();
  if (pid < 0) {
    perror("measure: fork");
    close(fds[0]);
    close(fds[1]);
    return -1;
  }
  if (pid == 0) {
    close(fds[0]);
    if (dup2(devnull, 0) >= 0 && dup2(devnull, 1) >= 0 &&
        dup2(devnull, 2) >= 0)
      execvp(argv[0], argv);
    err = errno;
    ssize_t w = write(fds[1], &err, sizeof err);
    (void)w;
    _exit(127);
  }
  close(fds[1]);
  ssize_t got_err;
  do
    got_err = read(fds[0], &err, sizeof err);
  while (got_err < 0 && errno == EINTR);
  close(fds[0]);
  pid_t got;
  do
    got = wait4(pid, &status, 0, &ru);
  while (got < 0 && errno == EINTR);
  double t1 = now_ms();
  if (got < 0) {
    perror("measure: wait4");
    return -1;
  }
  if (got_err == (ssize_t)sizeof err) {
    fprintf(stderr, "measure: cannot run %s: %s\n", argv[0], strerror(err));
    return -1;
  }
  if (WIFSIGNALED(status)) {
    fprintf(stderr, "measure: %s killed by signal %d (%s)\n", argv[0],
            WTERMSIG(status), strsignal(WTERMSIG(status)));
    return -1;
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    fprintf(stderr, "measure: %s exited with status %d\n", argv[0],
            WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    return -1;
  }
  *ms = t1 - t0;
  *cpu_ms = (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
            (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
  *rss_kib = ru.ru_maxrss;
  return 0;
}

static int cmp_double(const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
  long runs = 10, warmup = 1;
  int i = 1;
  for (; i < argc; i++) {
    if (strcmp(argv[i], "--") == 0) {
      i++;
      break;
    } else if (strcmp(argv[i], "-n") == 0 && i + 1 < argc) {
      runs = parse_count(argv[++i], 1, 100000);
    } else if (strcmp(argv[i], "-w") == 0 && i + 1 < argc) {
      warmup = parse_count(argv[++i], 0, 100000);
    } else {
      usage();
    }
  }
  if (i >= argc)
    usage();
  char **cmd = argv + i;

  int devnull = open("/dev/null", O_RDWR);
  if (devnull < 0) {
    perror("measure: /dev/null");
    return 1;
  }
  double *ms = malloc(sizeof *ms * (size_t)runs);
  double *cpu = malloc(sizeof *cpu * (size_t)runs);
  if (!ms || !cpu) {
    perror("measure");
    return 1;
  }
  long max_rss = 0, rss;
  double t, c;
  for (long k = 0; k < warmup; k++)
    if (run_once(cmd, devnull, &t, &c, &rss) != 0) {
      fprintf(stderr, "measure: warm-up run %ld of %ld failed\n", k + 1,
              warmup);
      return 1;
    }
  for (long k = 0; k < runs; k++) {
    if (run_once(cmd, devnull, &ms[k], &cpu[k], &rss) != 0) {
      fprintf(stderr, "measure: run %ld of %ld failed\n", k + 1, runs);
      return 1;
    }
    if (rss > max_rss)
      max_rss = rss;
  }
  qsort(ms, (size_t)runs, sizeof *ms, cmp_double);
  qsort(cpu, (size_t)runs, sizeof *cpu, cmp_double);
  double median = runs % 2 ? ms[runs / 2]
                           : (ms[runs / 2 - 1] + ms[runs / 2]) / 2.0;
  double cpu_median = runs % 2 ? cpu[runs / 2]
                               : (cpu[runs / 2 - 1] + cpu[runs / 2]) / 2.0;
  printf("runs=%ld median_ms=%.3f min_ms=%.3f max_ms=%.3f maxrss_kib=%ld "
         "maxrss_mib=%.2f cpu_ms=%.3f\n",
         runs, median, ms[0], ms[runs - 1], max_rss, (double)max_rss / 1024.0,
         cpu_median);
  free(ms);
  free(cpu);
  close(devnull);
  return 0;
}
