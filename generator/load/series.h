/* series.h — interval data of a meter (input.md, `series:`).
 *
 * A CSV file of "timestamp,value" rows, header optional, is read into the
 * period's total and its monthly sums. Options of the meter read other
 * export shapes: a wide file of one column per meter (series_column, the
 * value column picked by its header name), timestamps in a stated UTC
 * offset or with their own (series_timezone: moved to the facility's
 * clock), and register readings instead of interval values (series_values:
 * cumulative: the difference of consecutive readings is the interval's
 * value, stamped at the first; a reading below the one before is an error,
 * or a roll-over past series_rollover). The file is read in pieces: memory
 * does not grow with the file for start-stamped rows in time order. The timestamp (ISO 8601, local
 * clock time) is the START of the interval the value covers (or its END
 * with end_stamped: then every row is moved back by the commonest step
 * before it is placed in the period); values whose
 * timestamp is outside the audit period are ignored with a warning.
 * Duplicated timestamps are errors (the total would be ambiguous); gaps in
 * the interval grid are warnings, and their count is kept. Every problem
 * names the CSV's file:line:column.
 *
 * The file must lie inside the facility file's folder tree (its real path,
 * symbolic links followed, under the folder's real path): a path such as
 * ../../etc/passwd, an absolute path elsewhere or a link pointing out is
 * refused at the series: key, so no line of a file that is not the
 * user's data is ever read or quoted. */
#ifndef GEN_SERIES_H
#define GEN_SERIES_H

#include <stdbool.h>
#include <stddef.h>

#include "../base/diag.h"
#include "../base/mem.h"
#include "schema.h"

typedef struct series_in {
  const char *path;  /* file system path */
  const char *name;  /* as shown in messages */
  const char *root;  /* the file must resolve (symbolic links followed)
                        inside this folder tree; NULL: anywhere */
  date from, to;     /* the audit period, both days included */
  int months;        /* calendar months of the period */
  double scale;      /* carrier units per CSV value */
  src_pos at;        /* the series: value, for file-wide errors */
  const char *what;  /* its key path, e.g. meters[E01].series */
  bool end_stamped;  /* timestamps mark the END of their interval */
  const char *column; /* series_column: the header name of the value
                         column of a wide file; NULL: timestamp,value */
  bool zoned;        /* series_timezone given: timestamps are moved to the
                        facility's clock, SERIES_LOCAL_OFFSET_S */
  int offset_s;      /* the offset of timestamps written without one,
                        seconds east of UTC */
  bool cumulative;   /* series_values: cumulative — register readings */
  double rollover;   /* the reading at which the register starts again at
                        0 (series_rollover); 0: a decrease is an error */
} series_in;

/* The facility's clock: China Standard Time, UTC+08:00 all year (no
   daylight saving since 1991). The audit period is read in it. */
#define SERIES_LOCAL_OFFSET_S (8 * 3600)

typedef struct series_out {
  double total;            /* carrier units */
  double *monthly;         /* carrier units, months values (arena) */
  size_t n_values;         /* rows inside the period */
  size_t n_outside;        /* rows outside it (ignored) */
  size_t n_missing;        /* intervals of the grid without a row */
  long interval_s;         /* the commonest step, 0 when unknown */
} series_out;

/* Reads the file; false when it has errors (all reported to dl). */
bool series_read(arena *a, diag_list *dl, const series_in *in,
                 series_out *out);

/* Reads a UTC offset "Z", "+08:00", "-0530" (at most 14 hours) into
   seconds east of UTC. False when [s, e) is not one. */
bool series_parse_offset(const char *s, const char *e, int *offset_s);

/* Reads a value of a row, bytes [s, e): a plain decimal (digits, sign,
   point, exponent; no hex, inf, nan or separators), shorter than 64
   bytes, giving bit for bit the double strtod gives. False when it is
   not one. */
bool series_parse_value(const char *s, const char *e, double *v);

#endif
