/* fileio.c — whole-file reading of regular files and atomic file
 * replacement (see fileio.h). */
#define _POSIX_C_SOURCE 200809L
#include "fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mem.h"

char *file_read_regular(const char *path, size_t max_bytes, size_t *len,
                        int *err)
{
  *len = 0;
  *err = 0;
  /* O_NONBLOCK: opening a FIFO for reading must not wait for a writer;
     the type is then checked on the open descriptor (no race with a
     rename between a stat and the open). */
  int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) {
    *err = errno;
    return NULL;
  }
  struct stat st;
  if (fstat(fd, &st) != 0) {
    *err = errno;
    close(fd);
    return NULL;
  }
  if (!S_ISREG(st.st_mode)) {
    *err = FILE_ERR_NOT_REGULAR;
    close(fd);
    return NULL;
  }
  if ((unsigned long long)st.st_size > max_bytes) {
    *err = FILE_ERR_TOO_LARGE;
    close(fd);
    return NULL;
  }
  /* The size is a hint: a file that grows while read is still cut off
     at max_bytes + 1 and refused. */
  size_t cap = (size_t)st.st_size + 1, n = 0;
  char *text = mem_alloc(cap + 1);
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
  return text;
}

const char *file_strerror(int err)
{
  switch (err) {
  case FILE_ERR_NOT_REGULAR:
    return "not a regular file (a FIFO, device or directory)";
  case FILE_ERR_TOO_LARGE:
    return "larger than the limit";
  default:
    return strerror(err);
  }
}

int file_write_atomic(const char *path, const void *data, size_t len)
{
  size_t plen = strlen(path);
  char *tmp = mem_alloc(plen + 16);
  snprintf(tmp, plen + 16, "%s.tmpXXXXXX", path);
  int fd = mkstemp(tmp);
  if (fd < 0) {
    int e = errno;
    mem_free(tmp);
    return e;
  }
  mode_t mask = umask(0);
  umask(mask);
  fchmod(fd, 0666 & ~mask);
  const char *p = data;
  size_t left = len;
  int err = 0;
  while (left > 0) {
    ssize_t w = write(fd, p, left);
    if (w < 0) {
      if (errno == EINTR)
        continue;
      err = errno;
      break;
    }
    p += w;
    left -= (size_t)w;
  }
  if (!err && fsync(fd) != 0)
    err = errno;
  if (close(fd) != 0 && !err)
    err = errno;
  if (!err && rename(tmp, path) != 0)
    err = errno;
  if (err)
    unlink(tmp);
  mem_free(tmp);
  return err;
}
