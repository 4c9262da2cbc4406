/* series.c — interval data of a meter: CSV rows into the period's total and
 * monthly sums (see series.h for the rules).
 *
 * The file is read in pieces through one reused buffer, and each row goes
 * straight into the sums: memory does not grow with the file when its rows
 * are in time order and start-stamped, which is how meters write them.
 * The commonest step and the gaps are found from a count per distinct
 * step, which keeps the first rows after each step for the warnings.
 * Otherwise (rows out of order, found on the way: the file is read again;
 * end-stamped rows, whose step must be known before any row is placed) the
 * rows are kept in an array, sorted when needed, and then summed the same
 * way. Errors about rows that depend on their neighbours (duplicates,
 * readings that go down) are kept until the rows are in order, so a second
 * reading never reports a row twice. */
#include "series.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include "../base/buf.h"
#include "../base/fileio.h"
#include "../base/mem.h"

/* Interval files of a year at one-minute resolution are about 15 MB. */
#define SERIES_MAX_BYTES ((size_t)256 << 20)
/* Gaps reported one by one; the rest are summed in one warning. */
#define GAPS_SHOWN 5
/* The reading buffer; a longer line makes it grow. */
#define CHUNK ((size_t)256 << 10)

typedef struct row {
  int64_t t;  /* seconds since 0000-03-01 (date_days × 86400), local */
  double v;
  int line;
  int col, len;   /* the timestamp's column and length (characters) */
  int vcol, vlen; /* the value's (kept for cumulative readings only) */
} row;

typedef struct reader {
  diag_list *dl; /* row errors: the run's list, or a scratch list when the
                    file is read a second time */
  const series_in *in;
  const char *name;
  int line;
  const char *ls; /* the line's first byte (after a byte order mark) */
  int column;     /* the value's field, 0-based (1: timestamp,value) */
  bool seen_content, header_done;
  bool ok;        /* no row error */
  bool fatal;     /* the value column cannot be found: rows not read */
} reader;

static src_pos at(const reader *r, int col, int len)
{
  src_pos p = {r->name, r->line, col, len};
  return p;
}

/* The position of bytes [s, e) of the current line: columns count
   characters, as diag quotes them. */
static src_pos span(const reader *r, const char *s, const char *e)
{
  return at(r, diag_chars(r->ls, (size_t)(s - r->ls)) + 1,
            diag_chars(s, (size_t)(e - s)));
}

static src_pos row_pos(const char *name, const row *rw)
{
  src_pos p = {name, rw->line, rw->col, rw->len};
  return p;
}

/* {====================================================== fields */

/* The next comma-separated field of [*s, e): optional surrounding blanks
   and double quotes. False for an unterminated quote, with *fs at the
   quote. */
static bool next_field(const char **s, const char *e, const char **fs,
                       const char **fe)
{
  const char *p = *s;
  while (p < e && (*p == ' ' || *p == '\t'))
    p++;
  if (p < e && *p == '"') {
    const char *q = memchr(p + 1, '"', (size_t)(e - p - 1));
    if (!q) {
      *fs = p;
      *fe = e;
      return false;
    }
    *fs = p + 1;
    *fe = q;
    p = q + 1;
    while (p < e && (*p == ' ' || *p == '\t'))
      p++;
  } else {
    const char *q = memchr(p, ',', (size_t)(e - p));
    if (!q)
      q = e;
    *fs = p;
    const char *t = q;
    while (t > p && (t[-1] == ' ' || t[-1] == '\t'))
      t--;
    *fe = t;
    p = q;
  }
  *s = p;
  return true;
}

static bool digits(const char **p, const char *e, int n, int *out)
{
  int v = 0;
  for (int i = 0; i < n; i++) {
    unsigned d = (unsigned)(unsigned char)**p - '0';
    if (*p >= e || d > 9)
      return false;
    v = v * 10 + (int)d;
    (*p)++;
  }
  *out = v;
  return true;
}

static int month_days(int y, int m)
{
  static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : d[m - 1];
}

/* The day of the last timestamp read: rows of one day repeat it. */
typedef struct day_cache {
  char ymd[10]; /* its YYYY-MM-DD */
  long days;    /* date_days of it */
  bool valid;
} day_cache;

bool series_parse_offset(const char *s, const char *e, int *offset_s)
{
  const char *p = s;
  int oh, om;
  if (e - s == 1 && *p == 'Z') {
    *offset_s = 0;
    return true;
  }
  if (p >= e || (*p != '+' && *p != '-'))
    return false;
  int sign = *p++ == '-' ? -1 : 1;
  if (!digits(&p, e, 2, &oh))
    return false;
  if (p < e && *p == ':')
    p++;
  if (!digits(&p, e, 2, &om) || p != e || oh > 14 || om > 59 ||
      oh * 60 + om > 14 * 60)
    return false;
  *offset_s = sign * (oh * 3600 + om * 60);
  return true;
}

/* ISO 8601 local time: YYYY-MM-DD, then optionally T or a space and
   hh:mm[:ss[.fff]], then optionally Z or ±hh:mm, whose offset (seconds
   east of UTC) goes to *off with *has_off set. The common fixed-width
   forms of a day already seen cost a comparison and a few digits. */
static bool parse_ts(day_cache *dc, const char *s, const char *e,
                     int64_t *t, bool *has_off, int *off)
{
  const char *p = s;
  int h = 0, mi = 0, se = 0;
  *has_off = false;
  if (dc->valid && e - s >= 10 && memcmp(s, dc->ymd, 10) == 0) {
    p = s + 10; /* the day of the row before, checked then */
  } else {
    int y, mo, d;
    if (!digits(&p, e, 4, &y) || p >= e || *p++ != '-' ||
        !digits(&p, e, 2, &mo) || p >= e || *p++ != '-' ||
        !digits(&p, e, 2, &d))
      return false;
    if (mo < 1 || mo > 12 || d < 1 || d > month_days(y, mo))
      return false;
    date dt = {y, mo, d, {NULL, 0, 0, 0}};
    memcpy(dc->ymd, s, 10);
    dc->days = date_days(dt);
    dc->valid = true;
  }
  if (p < e && (*p == 'T' || *p == ' ')) {
    p++;
    if (!digits(&p, e, 2, &h) || p >= e || *p++ != ':' ||
        !digits(&p, e, 2, &mi))
      return false;
    if (p < e && *p == ':') {
      p++;
      if (!digits(&p, e, 2, &se))
        return false;
      if (p < e && *p == '.') {
        p++;
        if (p >= e || !isdigit((unsigned char)*p))
          return false;
        while (p < e && isdigit((unsigned char)*p))
          p++;
      }
    }
    if (h > 23 || mi > 59 || se > 59)
      return false;
    if (p < e && (*p == 'Z' || *p == '+' || *p == '-')) {
      if (!series_parse_offset(p, e, off))
        return false;
      *has_off = true;
      p = e;
    }
  }
  if (p != e)
    return false;
  *t = (int64_t)dc->days * 86400 + h * 3600 + mi * 60 + se;
  return true;
}

/* Powers of ten that a double holds exactly. */
static const double exact_pow10[] = {
    1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

/* The common case of a meter reading, [+-]digits[.digits] of at most 2^53
   as an integer and at most 22 decimals, without strtod: the integer and
   the power of ten are both exact doubles, so the one division is
   correctly rounded, which is what strtod gives (Clinger's fast path).
   False for anything else, which strtod then reads. */
static bool fast_decimal(const char *s, const char *e, double *v)
{
  const char *p = s;
  bool neg = false;
  if (p < e && (*p == '+' || *p == '-'))
    neg = *p++ == '-';
  /* one pass over digits and at most one dot: 15 digits and a dot at
     most (more digits: strtod) */
  size_t n = (size_t)(e - p);
  if (n == 0 || n > 16)
    return false;
  uint64_t m = 0;
  size_t dot = n; /* none */
  for (size_t i = 0; i < n; i++) {
    unsigned d = (unsigned)(unsigned char)p[i] - '0';
    if (d <= 9)
      m = m * 10 + d;
    else if (p[i] == '.' && dot == n)
      dot = i;
    else
      return false;
  }
  size_t frac = dot == n ? 0 : n - 1 - dot;
  size_t ndig = n - (dot != n);
  /* at most 15 digits: below 2^53, so m and 10^frac are exact */
  if (ndig == 0 || ndig > 15)
    return false;
  double x = (double)m / exact_pow10[frac];
  *v = neg ? -x : x;
  return true;
}

/* The same for up to 19 digits, with the 2^53 check on the way. */
static bool exact_decimal(const char *s, const char *e, double *v)
{
  const char *p = s;
  bool neg = false;
  if (p < e && (*p == '+' || *p == '-'))
    neg = *p++ == '-';
  uint64_t m = 0;
  int ndig = 0, frac = 0;
  bool dot = false;
  for (; p < e; p++) {
    if (*p >= '0' && *p <= '9') {
      if (m >= (uint64_t)1 << 53)
        return false; /* more digits than an exact integer holds */
      m = m * 10 + (uint64_t)(*p - '0');
      ndig++;
      frac += dot;
    } else if (*p == '.' && !dot) {
      dot = true;
    } else {
      return false;
    }
  }
  if (ndig == 0 || m > (uint64_t)1 << 53 || frac > 22)
    return false;
  double x = (double)m / exact_pow10[frac];
  *v = neg ? -x : x;
  return true;
}

/* A plain decimal value: bit for bit what strtod reads (series.h). */
bool series_parse_value(const char *s, const char *e, double *v)
{
  char tmp[64];
  size_t n = (size_t)(e - s);
  if (n == 0 || n >= sizeof tmp)
    return false;
  if (fast_decimal(s, e, v) || exact_decimal(s, e, v))
    return true;
  memcpy(tmp, s, n);
  tmp[n] = '\0';
  /* a plain decimal: no hex, no inf/nan, no thousands separators; a NUL
     byte (which strchr finds in any set, and which ends strtod) is none */
  for (size_t i = 0; i < n; i++)
    if (!tmp[i] ||
        (!isdigit((unsigned char)tmp[i]) && !strchr("+-.eE", tmp[i])))
      return false;
  char *end;
  errno = 0;
  *v = strtod(tmp, &end);
  return *end == '\0' && errno == 0 && isfinite(*v);
}

/* }====================================================== */
/* {====================================================== lines */

/* The header of a file read by column name: finds in->column. False
   (with an error) when the value column cannot be told. */
static bool read_header(reader *r, const char *q, const char *e)
{
  const char *want = r->in->column;
  size_t wn = strlen(want);
  const char *s = q, *fs, *fe;
  int k = 0, found = -1;
  buf cols;
  buf_init(&cols);
  for (;; k++) {
    if (!next_field(&s, e, &fs, &fe)) {
      diag_error(r->dl, span(r, fs, fs + 1),
                 "unterminated quote in the header");
      buf_fini(&cols);
      return false;
    }
    if ((size_t)(fe - fs) == wn && memcmp(fs, want, wn) == 0) {
      if (found >= 0) {
        diag_error(r->dl, span(r, fs, fe),
                   "column \"%s\" appears twice in the header (columns "
                   "%d and %d): series_column cannot tell which",
                   want, found + 1, k + 1);
        buf_fini(&cols);
        return false;
      }
      if (k == 0) {
        diag_error(r->dl, span(r, fs, fe),
                   "column \"%s\" is the timestamp column (the first); "
                   "series_column names a column of values",
                   want);
        buf_fini(&cols);
        return false;
      }
      found = k;
    }
    if (k > 0 && cols.len < 200)
      buf_printf(&cols, "%s%.*s", k > 1 ? ", " : "", (int)(fe - fs), fs);
    if (s >= e || *s != ',')
      break;
    s++;
  }
  if (found < 0) {
    diag_error(r->dl, span(r, q, e),
               "no column \"%s\" in the header (columns after the "
               "timestamp: %s%s)",
               want, cols.len ? cols.data : "none",
               cols.len >= 200 ? ", …" : "");
    buf_fini(&cols);
    return false;
  }
  buf_fini(&cols);
  r->column = found;
  return true;
}

/* Two digits at p as a number, or -1. */
static inline int two(const char *p)
{
  unsigned a = (unsigned)(unsigned char)p[0] - '0';
  unsigned b = (unsigned)(unsigned char)p[1] - '0';
  return a > 9 || b > 9 ? -1 : (int)(a * 10 + b);
}

/* The common row of a day already seen: "YYYY-MM-DDThh:mm,value" or
   "YYYY-MM-DD hh:mm:ss,value", no blanks or quotes, the value a short
   plain decimal. False for anything else, which read_line reads the long
   way (and gives the same row for). A row this accepts has no NUL or CR:
   every byte was checked. */
static bool quick_row(const reader *r, const day_cache *dc, const char *q,
                      const char *e, row *out)
{
  size_t n = (size_t)(e - q);
  if (n < 18 || !dc->valid || memcmp(q, dc->ymd, 10) != 0 ||
      (q[10] != 'T' && q[10] != ' ') || q[13] != ':')
    return false;
  int h = two(q + 11), mi = two(q + 14), se = 0;
  const char *vs = q + 16;
  if (*vs == ':') {
    if (n < 21)
      return false;
    se = two(q + 17);
    vs = q + 19;
  }
  if (h < 0 || h > 23 || mi < 0 || mi > 59 || se < 0 || se > 59 ||
      vs >= e || *vs != ',')
    return false;
  const char *te = vs++;
  double v;
  if (!fast_decimal(vs, e, &v) || v < 0 || (v == 0 && *vs == '-'))
    return false;
  int64_t t = (int64_t)dc->days * 86400 + h * 3600 + mi * 60 + se;
  if (r->in->zoned)
    t += SERIES_LOCAL_OFFSET_S - r->in->offset_s;
  *out = (row){t, v, r->line, 1, (int)(te - q), 0, 0};
  if (r->in->cumulative) {
    out->vcol = (int)(vs - q) + 1;
    out->vlen = (int)(e - vs);
  }
  return true;
}

/* One line [q, e) of the file (the line end and a byte order mark cut
   off). True when it is a row, then in *out. */
static bool read_line(reader *r, day_cache *dc, const char *q, const char *e,
                      row *out)
{
  if (r->seen_content && !r->in->column && quick_row(r, dc, q, e, out))
    return true;
  r->ls = q;
  const char *nul = e > q ? memchr(q, '\0', (size_t)(e - q)) : NULL;
  if (nul) {
    /* binary data: nothing after the NUL may be read as text */
    diag_error(r->dl, span(r, nul, nul + 1),
               "a NUL byte: interval data are text (CSV), not binary");
    r->ok = false;
    r->seen_content = true;
    return false;
  }
  const char *c = q;
  while (c < e && (*c == ' ' || *c == '\t'))
    c++;
  if (c == e)
    return false;
  const char *cr = memchr(q, '\r', (size_t)(e - q));
  if (cr) {
    diag_error(r->dl, span(r, cr, cr + 1),
               "a carriage return inside a row: lines must end in LF or "
               "CR LF (a file of CR-only line ends is one long line)");
    r->ok = false;
    return false;
  }
  bool first = !r->seen_content;
  r->seen_content = true;
  bool dated = isdigit((unsigned char)(*c == '"' && c + 1 < e ? c[1] : *c));
  if (r->in->column && !r->header_done) {
    r->header_done = true;
    if (dated) {
      diag_error(r->dl, span(r, q, e),
                 "series_column \"%s\": the file needs a header row naming "
                 "its columns (timestamp,%s,…) before the first row",
                 r->in->column, r->in->column);
      r->fatal = true;
      return false;
    }
    if (!read_header(r, q, e))
      r->fatal = true;
    return false;
  }
  /* a header is a first line that does not start with a date */
  if (first && !dated)
    return false;
  const char *s = q, *ts, *te, *vs = NULL, *ve = NULL;
  if (!next_field(&s, e, &ts, &te)) {
    diag_error(r->dl, span(r, ts, ts + 1),
               "unterminated quote in the timestamp");
    r->ok = false;
    return false;
  }
  for (int k = 1; k <= r->column; k++) {
    if (s >= e || *s != ',') {
      if (!r->in->column)
        diag_error(r->dl, span(r, c, e), "expected \"timestamp,value\"");
      else
        diag_error(r->dl, span(r, c, e),
                   "a row of %d field%s: column \"%s\" is field %d", k,
                   k == 1 ? "" : "s", r->in->column, r->column + 1);
      r->ok = false;
      return false;
    }
    s++;
    if (!next_field(&s, e, &vs, &ve)) {
      diag_error(r->dl, span(r, vs, vs + 1),
                 "unterminated quote in the value");
      r->ok = false;
      return false;
    }
  }
  /* by name, the columns after the value are other meters' */
  if (s != e && !(r->in->column && *s == ',')) {
    diag_error(r->dl, span(r, s, e),
               "unexpected text after the value (a row is "
               "\"timestamp,value\"; write numbers without thousands "
               "separators)");
    r->ok = false;
    return false;
  }
  int64_t t;
  bool has_off;
  int off = 0;
  if (!parse_ts(dc, ts, te, &t, &has_off, &off)) {
    diag_error(r->dl, span(r, ts, te),
               "\"%.*s\" is not an ISO 8601 date and time "
               "(2016-01-01T00:15 or 2016-01-01 00:15:00)",
               (int)(te - ts), ts);
    r->ok = false;
    return false;
  }
  double v;
  if (!series_parse_value(vs, ve, &v)) {
    diag_error(r->dl, span(r, vs, ve),
               ve == vs ? "missing value" : "\"%.*s\" is not a number",
               (int)(ve - vs), vs);
    r->ok = false;
    return false;
  }
  if (v < 0) {
    diag_error(r->dl, span(r, vs, ve), "negative value %.*s", (int)(ve - vs),
               vs);
    r->ok = false;
    return false;
  }
  if (r->in->zoned) /* to the facility's clock */
    t += SERIES_LOCAL_OFFSET_S - (has_off ? off : r->in->offset_s);
  /* the timestamp's prefix (blanks, a quote) and the timestamp itself
     are ASCII: bytes are characters */
  *out = (row){t, v, r->line, (int)(ts - q) + 1, (int)(te - ts), 0, 0};
  if (r->in->cumulative) {
    out->vcol = diag_chars(q, (size_t)(vs - q)) + 1;
    out->vlen = (int)(ve - vs);
  }
  return true;
}

/* }====================================================== */
/* {====================================================== sums */

/* A row after a step of its size, for the gap warnings. */
typedef struct step_row {
  int64_t t, d; /* the row's time, and the step before it */
  int line, col, len, prev_line;
} step_row;

typedef struct step_count {
  int64_t d;
  size_t count;
  step_row first[GAPS_SHOWN]; /* the first rows after it, in time order */
  int n_first;
  bool used;
} step_count;

/* An error found once rows are in order, emitted when they are final. */
typedef struct later {
  src_pos at;
  const char *msg;
} later;

/* The sums of rows fed in time order. */
typedef struct acc {
  arena *a;
  const series_in *in;
  int64_t t0, t1;
  const int64_t *ms; /* month starts (in->months + 1) */
  int k;             /* the month of the last row */
  int64_t next_ms;   /* the start of month k + 1; INT64_MAX in the last */
  double *monthly, total;
  size_t n, n_outside;
  row first, last, first_out;
  step_count *steps; /* open addressing on d (heap) */
  size_t n_steps, cap_steps;
  step_count *cur;   /* the last step's entry: nearly every step is it */
  later *errs;
  size_t n_errs, cap_errs;
  /* cumulative readings: the reading before */
  row prev;
  bool have_prev;
  int64_t end; /* when the last interval summed ends (its next reading) */
} acc;

static void later_error(acc *A, src_pos at, const char *msg)
{
  later *l = ARENA_PUSH(A->a, A->errs, A->n_errs, A->cap_errs);
  l->at = at;
  l->msg = msg;
}

static size_t step_slot(const step_count *tab, size_t cap, int64_t d)
{
  size_t i = (size_t)((uint64_t)d * 0x9E3779B97F4A7C15u >> 20) & (cap - 1);
  while (tab[i].used && tab[i].d != d)
    i = (i + 1) & (cap - 1);
  return i;
}

static void step_note(acc *A, int64_t d, const row *rw, int prev_line)
{
  step_count *sc = A->cur;
  if (sc && sc->d == d && sc->n_first == GAPS_SHOWN) {
    sc->count++;
    return;
  }
  if ((A->n_steps + 1) * 2 > A->cap_steps) {
    size_t cap = A->cap_steps ? A->cap_steps * 2 : 16;
    step_count *tab = mem_alloc(cap * sizeof *tab);
    for (size_t i = 0; i < A->cap_steps; i++)
      if (A->steps[i].used)
        tab[step_slot(tab, cap, A->steps[i].d)] = A->steps[i];
    mem_free(A->steps);
    A->steps = tab;
    A->cap_steps = cap;
  }
  sc = &A->steps[step_slot(A->steps, A->cap_steps, d)];
  A->cur = sc;
  if (!sc->used) {
    sc->used = true;
    sc->d = d;
    A->n_steps++;
  }
  sc->count++;
  if (sc->n_first < GAPS_SHOWN)
    sc->first[sc->n_first++] =
        (step_row){rw->t, d, rw->line, rw->col, rw->len, prev_line};
}

/* An interval row, in time order. True when it is summed. */
static bool acc_add(acc *A, const row *rw)
{
  if (rw->t < A->t0 || rw->t >= A->t1) {
    if (!A->n_outside++ || rw->line < A->first_out.line)
      A->first_out = *rw;
    return false;
  }
  if (A->n > 0 && A->last.t == rw->t) {
    later_error(A, row_pos(A->in->name, rw),
                arena_printf(A->a, "duplicate timestamp (first at line %d)",
                             A->last.line));
    return false;
  }
  while (rw->t >= A->next_ms) {
    A->k++;
    A->next_ms = A->k + 1 < A->in->months ? A->ms[A->k + 1] : INT64_MAX;
  }
  A->monthly[A->k] += rw->v * A->in->scale;
  A->total += rw->v;
  step_count *sc = A->cur;
  if (A->n && sc && sc->d == rw->t - A->last.t && sc->n_first == GAPS_SHOWN)
    sc->count++; /* the step of the row before, seen often already */
  else if (A->n)
    step_note(A, rw->t - A->last.t, rw, A->last.line);
  else
    A->first = *rw;
  A->last = *rw;
  A->n++;
  return true;
}

/* A row as read: a cumulative reading becomes the interval from it to the
   next reading, stamped at its start. */
static void acc_feed(acc *A, const row *rw)
{
  if (!A->in->cumulative) {
    acc_add(A, rw);
    return;
  }
  double m = A->in->rollover;
  src_pos vp = {A->in->name, rw->line, rw->vcol, rw->vlen};
  if (A->have_prev && rw->t == A->prev.t) {
    later_error(A, row_pos(A->in->name, rw),
                arena_printf(A->a, "duplicate timestamp (first at line %d)",
                             A->prev.line));
    return;
  }
  if (m > 0 && rw->v >= m) {
    later_error(A, vp,
                arena_printf(A->a, "reading %.17g is not below "
                                   "series_rollover %.17g (where the register "
                                   "starts again at 0)",
                             rw->v, m));
  } else if (A->have_prev && !(m > 0 && A->prev.v >= m)) {
    double d = rw->v - A->prev.v;
    if (d < 0 && m > 0) {
      d = rw->v + (m - A->prev.v); /* the register wrapped past m */
    } else if (d < 0) {
      later_error(A, vp,
                  arena_printf(A->a, "reading %.17g is below the reading "
                                     "before it (%.17g at line %d): a "
                                     "cumulative register only goes up; for "
                                     "a register that wraps give "
                                     "series_rollover:, after a meter reset "
                                     "or exchange split the file",
                               rw->v, A->prev.v, A->prev.line));
    }
    if (d >= 0) {
      row iv = A->prev;
      iv.v = d;
      if (acc_add(A, &iv))
        A->end = rw->t;
    }
  }
  A->prev = *rw;
  A->have_prev = true;
}

static const char *duration(char *b, size_t cap, int64_t s)
{
  if (s % 86400 == 0)
    snprintf(b, cap, "%lld d", (long long)(s / 86400));
  else if (s % 3600 == 0)
    snprintf(b, cap, "%lld h", (long long)(s / 3600));
  else if (s % 60 == 0)
    snprintf(b, cap, "%lld min", (long long)(s / 60));
  else
    snprintf(b, cap, "%lld s", (long long)s);
  return b;
}

static int by_time(const void *a, const void *b)
{
  const row *x = a, *y = b;
  if (x->t != y->t)
    return x->t < y->t ? -1 : 1;
  return (x->line > y->line) - (x->line < y->line);
}

static int by_value(const void *a, const void *b)
{
  int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
  return (x > y) - (x < y);
}

static int by_step_time(const void *a, const void *b)
{
  const step_row *x = a, *y = b;
  return (x->t > y->t) - (x->t < y->t);
}

/* The commonest step between consecutive rows of a sorted array, 0 with
   fewer than two; of equally common steps the shortest. */
static int64_t common_step(const row *rows, size_t n)
{
  if (n < 2)
    return 0;
  int64_t *d = malloc((n - 1) * sizeof *d);
  if (!d)
    return 0;
  for (size_t i = 1; i < n; i++)
    d[i - 1] = rows[i].t - rows[i - 1].t;
  qsort(d, n - 1, sizeof *d, by_value);
  int64_t best = d[0];
  size_t best_run = 0;
  for (size_t i = 0; i < n - 1;) {
    size_t j = i;
    while (j < n - 1 && d[j] == d[i])
      j++;
    if (j - i > best_run) {
      best_run = j - i;
      best = d[i];
    }
    i = j;
  }
  free(d);
  return best;
}

/* }====================================================== */
/* {====================================================== reading */

/* Where read_all puts rows: into the sums (in order), or an array. */
typedef struct sink {
  acc *A;         /* streaming: rows go here while in order */
  bool disordered; /* a row came before the one above it */
  int64_t last_t;
  bool any;
  row *rows;       /* keeping: every row (heap) */
  size_t n, cap;
  bool keep;
} sink;

static void sink_row(sink *k, const row *rw)
{
  if (k->keep) {
    if (k->n == k->cap) {
      k->cap = k->cap ? k->cap * 2 : 4096;
      k->rows = mem_realloc(k->rows, k->cap * sizeof *k->rows);
    }
    k->rows[k->n++] = *rw;
    return;
  }
  if (k->disordered)
    return;
  if (k->any && rw->t < k->last_t) {
    k->disordered = true;
    return;
  }
  k->any = true;
  k->last_t = rw->t;
  if (k->A->in->cumulative)
    acc_feed(k->A, rw);
  else
    acc_add(k->A, rw); /* what acc_feed does with it, one call less */
}

/* Reads the file from fd in pieces through one buffer, line by line, into
   the sink. 0, or an errno value or FILE_ERR_TOO_LARGE. */
static int read_all(reader *r, int fd, sink *k)
{
  size_t cap = CHUNK, have = 0, total = 0;
  /* not zeroed (mem_alloc would clear 256 KiB a file): only bytes read
     are looked at */
  char *b = mem_realloc(NULL, cap);
  day_cache dc = {{0}, 0, false};
  int err = 0;
  r->line = 0;
  for (;;) {
    ssize_t got = read(fd, b + have, cap - have);
    if (got < 0) {
      if (errno == EINTR)
        continue;
      err = errno;
      break;
    }
    total += (size_t)got;
    if (total > SERIES_MAX_BYTES) {
      err = FILE_ERR_TOO_LARGE;
      break;
    }
    bool eof = got == 0;
    const char *p = b, *end = b + have + (size_t)got;
    while (p < end && !r->fatal) {
      const char *le = memchr(p, '\n', (size_t)(end - p));
      if (!le && !eof)
        break; /* the rest of the line is in the next piece */
      if (!le)
        le = end;
      r->line++;
      const char *q = p, *e = le;
      p = le < end ? le + 1 : end;
      if (e > q && e[-1] == '\r')
        e--;
      if (r->line == 1 && e - q >= 3 && memcmp(q, "\xEF\xBB\xBF", 3) == 0)
        q += 3; /* UTF-8 byte order mark */
      row rw;
      if (read_line(r, &dc, q, e, &rw))
        sink_row(k, &rw);
    }
    if (eof || r->fatal)
      break;
    have = (size_t)(end - p);
    memmove(b, p, have);
    if (have == cap) { /* one line fills the buffer */
      cap *= 2;
      b = mem_realloc(b, cap);
    }
  }
  mem_free(b);
  return err;
}

/* }====================================================== */

/* The period's figures and the warnings about the rows summed. */
static void finish(acc *A, diag_list *dl, const series_in *in,
                   series_out *out, bool *ok)
{
  date from = in->from, to = in->to;
  out->monthly = A->monthly;
  if (A->n_outside) {
    out->n_outside = A->n_outside;
    diag_warn(dl, row_pos(in->name, &A->first_out),
              "%zu value%s outside the audit period %04d-%02d-%02d to "
              "%04d-%02d-%02d ignored (%s)",
              A->n_outside, A->n_outside == 1 ? "" : "s", from.y, from.m,
              from.d, to.y, to.m, to.d,
              in->end_stamped ? "timestamps taken as interval ends"
              : in->cumulative
                  ? "a difference of readings counts at the first of them"
                  : "a timestamp is the start of its interval; "
                    "series_stamp: end for end-stamped data");
  }
  if (*ok && A->n == 0) {
    diag_error(dl, in->at, "%s: %s has no values inside the audit period",
               in->what, in->name);
    *ok = false;
  }
  if (*ok && A->n == 1) {
    /* the interval is the step between rows: one row covers an unknown
       sliver of the period, and could not be reported complete */
    diag_error(dl, in->at, "%s: %s has a single row inside the audit period: "
                           "interval data need two rows or more (the "
                           "interval is the step between them); give one "
                           "reading for the period as total:",
               in->what, in->name);
    *ok = false;
  }
  if (!*ok)
    return;
  out->total = A->total * in->scale;
  out->n_values = A->n;
  /* the commonest step; of equally common ones the shortest */
  int64_t step = 0;
  size_t best = 0;
  for (size_t i = 0; i < A->cap_steps; i++) {
    const step_count *sc = &A->steps[i];
    if (sc->used && (sc->count > best || (sc->count == best && sc->d < step))) {
      best = sc->count;
      step = sc->d;
    }
  }
  out->interval_s = (long)step;
  if (step <= 0)
    return;
  char b1[32];
  size_t gaps = 0, missing_in_gaps = 0, n_shown = 0;
  step_row shown[GAPS_SHOWN * 4];
  /* a difference of readings covers the time between them: no interval
     inside the data is missing */
  for (size_t i = 0; !in->cumulative && i < A->cap_steps; i++) {
    const step_count *sc = &A->steps[i];
    if (!sc->used || sc->d <= step)
      continue;
    gaps += sc->count;
    missing_in_gaps += sc->count * (size_t)((sc->d - 1) / step);
    for (int j = 0; j < sc->n_first; j++) {
      if (n_shown == sizeof shown / sizeof *shown) {
        qsort(shown, n_shown, sizeof *shown, by_step_time);
        n_shown = GAPS_SHOWN; /* the first ones in time are all kept */
      }
      shown[n_shown++] = sc->first[j];
    }
  }
  qsort(shown, n_shown, sizeof *shown, by_step_time);
  for (size_t i = 0; i < n_shown && i < GAPS_SHOWN; i++) {
    const step_row *g = &shown[i];
    size_t miss = (size_t)((g->d - 1) / step);
    src_pos gp = {in->name, g->line, g->col, g->len};
    diag_warn(dl, gp,
              "gap before this row: %zu interval%s of %s missing "
              "(previous row: line %d)",
              miss, miss == 1 ? "" : "s", duration(b1, sizeof b1, step),
              g->prev_line);
  }
  if (gaps > GAPS_SHOWN)
    diag_warn(dl, in->at, "%s: %s has %zu more gaps (%zu gaps, %zu "
                          "intervals missing in all)",
              in->what, in->name, gaps - GAPS_SHOWN, gaps, missing_in_gaps);
  size_t head = (size_t)((A->first.t - A->t0) / step);
  /* an interval row covers one step; a difference of readings up to the
     next reading */
  size_t tail = !in->cumulative ? (size_t)((A->t1 - A->last.t - 1) / step)
                : A->end < A->t1 ? (size_t)((A->t1 - A->end + step - 1) / step)
                                 : 0;
  if (head) {
    diag_warn(dl, row_pos(in->name, &A->first),
              "the data start %zu interval%s of %s after the audit "
              "period does",
              head, head == 1 ? "" : "s", duration(b1, sizeof b1, step));
  }
  if (tail) {
    diag_warn(dl, row_pos(in->name, &A->last),
              "the data end %zu interval%s of %s before the audit "
              "period does",
              tail, tail == 1 ? "" : "s", duration(b1, sizeof b1, step));
  }
  out->n_missing = missing_in_gaps + head + tail;
}

/* Sets up the sums of the period. */
static void acc_init(acc *A, arena *a, const series_in *in)
{
  memset(A, 0, sizeof *A);
  A->a = a;
  A->in = in;
  A->t0 = (int64_t)date_days(in->from) * 86400;
  A->t1 = ((int64_t)date_days(in->to) + 1) * 86400;
  /* month k begins at ms[k] (the period's first day for k 0) */
  int64_t *ms = ARENA_ARRAY(a, int64_t, (size_t)in->months + 1);
  for (int k = 0; k < in->months; k++) {
    int mm = in->from.m - 1 + k;
    date d = {in->from.y + mm / 12, mm % 12 + 1, 1, {NULL, 0, 0, 0}};
    ms[k] = k == 0 ? A->t0 : (int64_t)date_days(d) * 86400;
  }
  ms[in->months] = A->t1;
  A->ms = ms;
  A->next_ms = in->months > 1 ? ms[1] : INT64_MAX;
  A->monthly = ARENA_ARRAY(a, double, (size_t)in->months + 1);
}

/* Reads the rows of fd into *A; 0 or an error code (read_all's). */
static int read_rows(arena *a, diag_list *dl, const series_in *in, int fd,
                     acc *A, bool *ok)
{
  reader r = {dl, in, in->name, 0, NULL, 1, false, false, true, false};
  sink k = {A, false, 0, false, NULL, 0, 0, in->end_stamped};
  int err = read_all(&r, fd, &k);
  if (!err && !r.fatal && k.disordered) {
    /* rows out of time order: read again, keeping them; the rows' errors
       are reported already */
    r.dl = diag_new(a);
    r.seen_content = r.header_done = false;
    r.column = 1;
    k.keep = true;
    err = lseek(fd, 0, SEEK_SET) != 0 ? errno : read_all(&r, fd, &k);
    mem_free(A->steps);
    acc_init(A, a, in);
  }
  if (k.keep && !err) {
    qsort(k.rows, k.n, sizeof *k.rows, by_time);
    if (in->end_stamped) {
      /* an end-stamped row covers (t − step, t]: place it at its start */
      int64_t step = common_step(k.rows, k.n);
      for (size_t i = 0; step > 0 && i < k.n; i++)
        k.rows[i].t -= step;
    }
    for (size_t i = 0; i < k.n; i++)
      acc_feed(A, &k.rows[i]);
  }
  mem_free(k.rows);
  *ok = r.ok && !r.fatal;
  return err;
}

bool series_read(arena *a, diag_list *dl, const series_in *in,
                 series_out *out)
{
  memset(out, 0, sizeof *out);
  size_t errs = diag_errors(dl), seen = errs + diag_warnings(dl);
  int err = 0;
  bool outside = false;
  char *real = in->root ? file_resolve_inside(in->root, in->path, &outside, &err)
                        : NULL;
  if (outside) {
    diag_error(dl, in->at, "%s: %s is not inside the folder of the facility "
                           "file (%s): interval data must lie in that folder "
                           "or below it",
               in->what, in->name, in->root);
    return false;
  }
  const char *path = real ? real : in->path;
  int fd = in->root && !real ? -1
                             : file_open_read(path, SERIES_MAX_BYTES, &err);
  bool ok = false;
  acc A;
  acc_init(&A, a, in);
  if (fd >= 0) {
    err = read_rows(a, dl, in, fd, &A, &ok);
    close(fd);
  }
  if (fd < 0 || err) {
    mem_free(A.steps);
    free(real);
    diag_error(dl, in->at, "%s: cannot read interval data %s: %s", in->what,
               in->name,
               err == FILE_ERR_TOO_LARGE ? "larger than 256 MB"
                                         : file_strerror(err));
    return false;
  }
  for (size_t i = 0; i < A.n_errs; i++)
    diag_error(dl, A.errs[i].at, "%s", A.errs[i].msg);
  ok = ok && A.n_errs == 0;
  finish(&A, dl, in, out, &ok);
  mem_free(A.steps);
  /* quote the file's lines only when something about it is reported: the
     file is read whole then, and only then */
  if (diag_errors(dl) + diag_warnings(dl) > seen) {
    size_t len;
    char *text = file_read_regular(path, SERIES_MAX_BYTES, &len, &err);
    if (text) {
      diag_add_source(dl, in->name, arena_strndup(a, text, len), len);
      mem_free(text);
    }
  }
  free(real);
  return ok && diag_errors(dl) == errs;
}
