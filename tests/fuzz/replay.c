/* replay.c — runs a fuzz target over saved inputs without libFuzzer, so
 * the corpora replay under gcc and the sanitizer build in every test run
 * (linked with one tests/fuzz/fuzz_*.c).
 *
 *   replay_NAME PATH...   each PATH a file or a folder of files (not
 *                         recursive; names starting with '.' skipped)
 *
 * Prints how many inputs ran; a crash or a sanitizer report is the
 * failure, as under libFuzzer. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int run_file(const char *path)
{
  FILE *f = fopen(path, "rb");
  if (!f) {
    perror(path);
    return -1;
  }
  size_t cap = 4096, n = 0;
  uint8_t *b = malloc(cap);
  size_t got;
  while (b && (got = fread(b + n, 1, cap - n, f)) > 0) {
    n += got;
    if (n == cap)
      b = realloc(b, cap *= 2);
  }
  fclose(f);
  if (!b)
    return -1;
  LLVMFuzzerTestOneInput(b, n);
  free(b);
  return 1;
}

static int by_name(const struct dirent **x, const struct dirent **y)
{
  return strcmp((*x)->d_name, (*y)->d_name);
}

int main(int argc, char **argv)
{
  long count = 0;
  for (int i = 1; i < argc; i++) {
    struct stat st;
    if (stat(argv[i], &st) != 0) {
      perror(argv[i]);
      return 2;
    }
    if (!S_ISDIR(st.st_mode)) {
      if (run_file(argv[i]) < 0)
        return 2;
      count++;
      continue;
    }
    struct dirent **list;
    int n = scandir(argv[i], &list, NULL, by_name);
    if (n < 0) {
      perror(argv[i]);
      return 2;
    }
    for (int j = 0; j < n; j++) {
      char path[4096];
      snprintf(path, sizeof path, "%s/%s", argv[i], list[j]->d_name);
      if (list[j]->d_name[0] != '.' && stat(path, &st) == 0 &&
          S_ISREG(st.st_mode)) {
        if (run_file(path) < 0)
          return 2;
        count++;
      }
      free(list[j]);
    }
    free(list);
  }
  printf("replayed %ld inputs\n", count);
  return 0;
}
