/* zipw.h — a zip archive of named parts, built in memory (libzip).
 *
 * For the OOXML packages (docx, xlsx): parts are added in order and
 * compressed with deflate (libdeflate; a part deflate would not shrink is
 * stored);
 * every entry carries the same timestamp, given by the
 * caller (SOURCE_DATE_EPOCH, or 1980-01-01), so the same parts give the
 * same bytes whatever the time zone or the clock. */
#ifndef GEN_ZIP_H
#define GEN_ZIP_H

#include <stdbool.h>
#include <stdint.h>

#include "buf.h"
#include "diag.h"

typedef struct zip_writer zip_writer;

/* has_date false: entries are dated 1980-01-01 00:00, zip's first date. */
zip_writer *zipw_new(diag_list *dl, bool has_date, int64_t epoch);
/* Deflates the parts added from now on at level (libdeflate's 1 to 12;
   zipw_new starts at 6). */
void zipw_level(zip_writer *z, int level);
/* Adds a part; data must stay valid until zipw_finish. Returns false
   after a diagnostic. */
bool zipw_add(zip_writer *z, const char *name, const char *data, size_t len);
/* Writes the archive's bytes into out and frees z (also on failure). */
bool zipw_finish(zip_writer *z, buf *out);

#endif
