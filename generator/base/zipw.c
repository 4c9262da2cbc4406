/* zipw.c — deterministic in-memory zip archives through libzip (see zipw.h). */
#include "zipw.h"

#include <assert.h>
#include <libdeflate.h>
#include <string.h>
#include <time.h>
#include <zip.h>

#include "mem.h"
#include "dynlib.h"

/* {====================================================== libraries on demand */

#define ZIPW_ZIP(X) \
  X(zip_close) X(zip_discard) X(zip_error_fini) X(zip_error_init) \
  X(zip_error_set) X(zip_error_strerror) X(zip_error_to_data) \
  X(zip_file_add) X(zip_file_set_mtime) X(zip_open_from_source) \
  X(zip_set_file_compression) X(zip_source_buffer) \
  X(zip_source_buffer_create) X(zip_source_close) X(zip_source_free) \
  X(zip_source_function) X(zip_source_keep) \
  X(zip_source_make_command_bitmap) X(zip_source_open) X(zip_source_read) \
  X(zip_source_stat) X(zip_stat_init) X(zip_strerror)
DYNLIB_POINTERS(ZIPW_ZIP)

/* libzip, opened at the first zipw_new (dynlib.h). */
static bool zipw_lib(diag_list *dl)
{
  static dynlib zip = {AUDITGEN_SONAME_ZIP, "libzip4", NULL, false};
  static bool bound;
  char why[DYNLIB_WHY];
  bool ok = bound;
  if (!ok)
    DYNLIB_BIND(&zip, ZIPW_ZIP, ok, why);
  if (!ok)
    diag_error(dl, src_none(), "%s", why);
  bound = ok;
  return ok;
}

#define zip_close (*dl_zip_close)
#define zip_discard (*dl_zip_discard)
#define zip_error_fini (*dl_zip_error_fini)
#define zip_error_init (*dl_zip_error_init)
#define zip_error_set (*dl_zip_error_set)
#define zip_error_strerror (*dl_zip_error_strerror)
#define zip_error_to_data (*dl_zip_error_to_data)
#define zip_file_add (*dl_zip_file_add)
#define zip_file_set_mtime (*dl_zip_file_set_mtime)
#define zip_open_from_source (*dl_zip_open_from_source)
#define zip_set_file_compression (*dl_zip_set_file_compression)
#define zip_source_buffer (*dl_zip_source_buffer)
#define zip_source_buffer_create (*dl_zip_source_buffer_create)
#define zip_source_close (*dl_zip_source_close)
#define zip_source_free (*dl_zip_source_free)
#define zip_source_function (*dl_zip_source_function)
#define zip_source_keep (*dl_zip_source_keep)
#define zip_source_make_command_bitmap (*dl_zip_source_make_command_bitmap)
#define zip_source_open (*dl_zip_source_open)
#define zip_source_read (*dl_zip_source_read)
#define zip_source_stat (*dl_zip_source_stat)
#define zip_stat_init (*dl_zip_stat_init)
#define zip_strerror (*dl_zip_strerror)

/* }====================================================== */

/* libdeflate's level: its 6 makes the cement docx's 1.6 MB document.xml
   6 % larger than zlib's 9 did, in a third of the instructions */
#define ZIPW_LEVEL 6

struct zip_writer {
  diag_list *dl;
  zip_source_t *src; /* the archive's bytes */
  zip_t *za;
  time_t mtime;
  struct libdeflate_compressor *deflater; /* made at the first part */
  int level;
  bool failed;
};

/* {====================================================== deflated parts */

/* A part deflated here, handed to libzip as data already compressed (a
   source whose stat gives the method, both sizes and the CRC: libzip
   copies such data as it is, as it does an entry of another archive). */
typedef struct packed {
  char *data; /* the deflate stream */
  size_t len, at;
  zip_uint64_t size; /* the part's own length */
  zip_uint32_t crc;
  zip_error_t err;
} packed;

static zip_int64_t packed_cb(void *ud, void *data, zip_uint64_t len,
                             zip_source_cmd_t cmd)
{
  packed *p = ud;
  switch (cmd) {
  case ZIP_SOURCE_OPEN:
    p->at = 0;
    return 0;
  case ZIP_SOURCE_READ: {
    size_t n = p->len - p->at;
    if (n > len)
      n = (size_t)len;
    memcpy(data, p->data + p->at, n);
    p->at += n;
    return (zip_int64_t)n;
  }
  case ZIP_SOURCE_CLOSE:
    return 0;
  case ZIP_SOURCE_STAT: {
    zip_stat_t *st = data;
    zip_stat_init(st);
    st->valid = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD |
                ZIP_STAT_CRC;
    st->size = p->size;
    st->comp_size = p->len;
    st->comp_method = ZIP_CM_DEFLATE;
    st->crc = p->crc;
    return sizeof *st;
  }
  case ZIP_SOURCE_ERROR:
    return zip_error_to_data(&p->err, data, len);
  case ZIP_SOURCE_FREE:
    zip_error_fini(&p->err);
    mem_free(p->data);
    mem_free(p);
    return 0;
  case ZIP_SOURCE_SUPPORTS:
    return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ,
                                          ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
                                          ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE,
                                          -1);
  default:
    zip_error_set(&p->err, ZIP_ER_OPNOTSUPP, 0);
    return -1;
  }
}

/* The part deflated as a source, or NULL when deflating does not make it
   smaller (it is then stored). */
static zip_source_t *deflated(zip_writer *z, const char *data, size_t len)
{
  size_t cap = libdeflate_deflate_compress_bound(z->deflater, len);
  char *out = mem_alloc(cap ? cap : 1);
  size_t n = libdeflate_deflate_compress(z->deflater, data, len, out, cap);
  if (n == 0 || n >= len) {
    mem_free(out);
    return NULL;
  }
  packed *p = mem_alloc(sizeof *p);
  p->data = out;
  p->len = n;
  p->at = 0;
  p->size = len;
  p->crc = (zip_uint32_t)libdeflate_crc32(0, data, len);
  zip_error_init(&p->err);
  zip_source_t *s = zip_source_function(z->za, packed_cb, p);
  if (!s) {
    zip_error_fini(&p->err);
    mem_free(out);
    mem_free(p);
  }
  return s;
}

/* }====================================================== */

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
  z->deflater = NULL;
  z->level = ZIPW_LEVEL;
  z->src = NULL;
  z->za = NULL;
  if (!zipw_lib(dl)) {
    z->failed = true;
    return z;
  }
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

void zipw_level(zip_writer *z, int level)
{
  assert(level >= 1 && level <= 12);
  if (z->deflater)
    libdeflate_free_compressor(z->deflater);
  z->deflater = NULL;
  z->level = level;
}

bool zipw_add(zip_writer *z, const char *name, const char *data, size_t len)
{
  if (z->failed)
    return false;
  if (!z->deflater) {
    z->deflater = libdeflate_alloc_compressor(z->level);
    if (!z->deflater) {
      diag_error(z->dl, src_none(), "zip: cannot start the compressor");
      z->failed = true;
      return false;
    }
  }
  zip_source_t *s = deflated(z, data, len);
  bool store = !s;
  if (store)
    s = zip_source_buffer(z->za, data, len, 0);
  zip_int64_t idx = s ? zip_file_add(z->za, name, s, ZIP_FL_ENC_UTF_8) : -1;
  if (idx < 0) {
    if (s)
      zip_source_free(s);
    diag_error(z->dl, src_none(), "zip: %s: %s", name, zip_strerror(z->za));
    z->failed = true;
    return false;
  }
  if ((store &&
       zip_set_file_compression(z->za, (zip_uint64_t)idx, ZIP_CM_STORE, 0) <
           0) ||
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
  if (z->deflater)
    libdeflate_free_compressor(z->deflater);
  mem_free(z);
  return ok;
}
