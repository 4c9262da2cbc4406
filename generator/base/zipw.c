/* zipw.c — deterministic in-memory zip archives through libzip (see zipw.h). */
#include "zipw.h"

#include <time.h>
#include <zip.h>

#include "mem.h"

struct zip_writer {
  diag_list *dl;
  zip_source_t *src; /* the archive's bytes */
  zip_t *za;
  time_t mtime;
  bool failed;
};

/* libzip stores DOS dates, which it makes with localtime(): the time_t
   handed to it is the one whose local time shows the wanted UTC fields,
   so the bytes do not depend on TZ. */
static time_t local_for_utc_fields(bool has_date, int64_t epoch)
{
  struct tm tm = {0};
  if (has_date && epoch >= 315532800) { /* 1980-01-01, DOS's first date */
    time_t t = (time_t)epoch;
    gmtime_r(&t, &tm);
  } else {
    tm.tm_year = 80;
    tm.tm_mday = 1;
  }
  tm.tm_isdst = -1;
  return mktime(&tm);
}

zip_writer *zipw_new(diag_list *dl, bool has_date, int64_t epoch)
{
  zip_writer *z = mem_alloc(sizeof *z);
  z->dl = dl;
  z->failed = false;
  z->mtime = local_for_utc_fields(has_date, epoch);
  zip_error_t ze;
  zip_error_init(&ze);
  z->src = zip_source_buffer_create(NULL, 0, 0, &ze);
  z->za = NULL;
  if (z->src) {
    zip_source_keep(z->src);
    z->za = zip_open_from_source(z->src, ZIP_TRUNCATE, &ze);
  }
  if (!z->za) {
    diag_error(dl, src_none(), "zip: %s", zip_error_strerror(&ze));
    z->failed = true;
  }
  zip_error_fini(&ze);
  return z;
}

bool zipw_add(zip_writer *z, const char *name, const char *data, size_t len)
{
  if (z->failed)
    return false;
  zip_source_t *s = zip_source_buffer(z->za, data, len, 0);
  zip_int64_t idx = s ? zip_file_add(z->za, name, s, ZIP_FL_ENC_UTF_8) : -1;
  if (idx < 0) {
    if (s)
      zip_source_free(s);
    diag_error(z->dl, src_none(), "zip: %s: %s", name, zip_strerror(z->za));
    z->failed = true;
    return false;
  }
  if (zip_set_file_compression(z->za, (zip_uint64_t)idx, ZIP_CM_DEFLATE, 9) < 0 ||
      zip_file_set_mtime(z->za, (zip_uint64_t)idx, z->mtime, 0) < 0) {
    diag_error(z->dl, src_none(), "zip: %s: %s", name, zip_strerror(z->za));
    z->failed = true;
    return false;
  }
  return true;
}

bool zipw_finish(zip_writer *z, buf *out)
{
  bool ok = !z->failed;
  if (z->za) {
    if (ok && zip_close(z->za) < 0) {
      diag_error(z->dl, src_none(), "zip: %s", zip_strerror(z->za));
      zip_discard(z->za);
      ok = false;
    } else if (!ok) {
      zip_discard(z->za);
    }
  }
  if (ok) {
    zip_stat_t st;
    if (zip_source_open(z->src) < 0 || zip_source_stat(z->src, &st) < 0 ||
        !(st.valid & ZIP_STAT_SIZE)) {
      diag_error(z->dl, src_none(), "zip: cannot read the archive back");
      ok = false;
    } else {
      char chunk[65536];
      zip_int64_t n;
      while ((n = zip_source_read(z->src, chunk, sizeof chunk)) > 0)
        buf_add(out, chunk, (size_t)n);
      if (n < 0) {
        diag_error(z->dl, src_none(), "zip: cannot read the archive back");
        ok = false;
      }
      zip_source_close(z->src);
    }
  }
  if (z->src)
    zip_source_free(z->src);
  mem_free(z);
  return ok;
}
