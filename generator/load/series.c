/* series.c — interval data of a meter: CSV "timestamp,value" rows into the
 * period's total and monthly sums (see series.h for the rules). */
#include "series.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "../base/fileio.h"
#include "../base/mem.h"

/* Interval files of a year at one-minute resolution are about 15 MB. */
#define SERIES_MAX_BYTES ((size_t)256 << 20)
/* Gaps reported one by one; the rest are summed in one warning. */
#define GAPS_SHOWN 5

typedef struct row {
  int64_t t; /* seconds since 0000-03-01 (date_days × 86400) */
  double v;
  int line;
  uint32_t ls, ts, te; /* byte offsets in the file of the line's first
                          byte and of the timestamp: its column is
                          counted only when a message names it */
} row;

typedef struct reader {
  diag_list *dl;
  const char *name;
  int line;
  const char *ls; /* the line's first byte (after a byte order mark) */
  bool bad;
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

/* The position of row's timestamp in the file text. */
static src_pos row_at(reader *r, const char *text, const row *rw)
{
  r->line = rw->line;
  r->ls = text + rw->ls;
  return span(r, text + rw->ts, text + rw->te);
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
    const char *q = p;
    while (q < e && *q != ',')
      q++;
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
    if (*p >= e || !isdigit((unsigned char)**p))
      return false;
    v = v * 10 + (**p - '0');
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

/* ISO 8601 local time: YYYY-MM-DD, then optionally T or a space and
   hh:mm[:ss[.fff]], then optionally Z or ±hh:mm (accepted, not applied:
   the clock time is taken as the facility's local time). */
static bool parse_ts(day_cache *dc, const char *s, const char *e,
                     int64_t *t)
{
  const char *p = s;
  int h = 0, mi = 0, se = 0;
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
    if (p < e && *p == 'Z') {
      p++;
    } else if (p < e && (*p == '+' || *p == '-')) {
      int oh, om;
      p++;
      if (!digits(&p, e, 2, &oh))
        return false;
      if (p < e && *p == ':')
        p++;
      if (!digits(&p, e, 2, &om) || oh > 14 || om > 59)
        return false;
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
  if (fast_decimal(s, e, v))
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
/* {====================================================== reading */

/* Parses the rows; false (with errors) when a row is malformed. */
static bool parse_rows(reader *r, const char *text, size_t len, row **out,
                       size_t *n_out)
{
  /* a row is at least "YYYY-MM-DD,v" and a line end: room for every row
     at once, of which only what the rows fill is ever touched */
  size_t cap = len / 13 + 2, n = 0;
  row *rows = malloc(cap * sizeof *rows);
  if (!rows)
    return false;
  const char *p = text, *end = text + len;
  bool seen_content = false, ok = true;
  day_cache dc = {{0}, 0, false};
  r->line = 0;
  while (p < end) {
    r->line++;
    const char *ls = p, *le = memchr(p, '\n', (size_t)(end - p));
    if (!le)
      le = end;
    p = le < end ? le + 1 : end;
    const char *e = le;
    if (e > ls && e[-1] == '\r')
      e--;
    const char *q = ls;
    if (r->line == 1 && e - q >= 3 && memcmp(q, "\xEF\xBB\xBF", 3) == 0)
      q += 3; /* UTF-8 byte order mark */
    r->ls = q;
    const char *nul = e > q ? memchr(q, '\0', (size_t)(e - q)) : NULL;
    if (nul) {
      /* binary data: nothing after the NUL may be read as text */
      diag_error(r->dl, span(r, nul, nul + 1),
                 "a NUL byte: interval data are text (CSV), not binary");
      ok = false;
      seen_content = true;
      continue;
    }
    const char *c = q;
    while (c < e && (*c == ' ' || *c == '\t'))
      c++;
    if (c == e)
      continue;
    const char *cr = memchr(q, '\r', (size_t)(e - q));
    if (cr) {
      diag_error(r->dl, span(r, cr, cr + 1),
                 "a carriage return inside a row: lines must end in LF or "
                 "CR LF (a file of CR-only line ends is one long line)");
      ok = false;
      continue;
    }
    bool first = !seen_content;
    seen_content = true;
    /* a header is a first line that does not start with a date */
    if (first && !isdigit((unsigned char)(*c == '"' && c + 1 < e ? c[1] : *c)))
      continue;
    const char *s = q, *ts, *te, *vs, *ve;
    if (!next_field(&s, e, &ts, &te)) {
      diag_error(r->dl, span(r, ts, ts + 1),
                 "unterminated quote in the timestamp");
      ok = false;
      continue;
    }
    if (s >= e || *s != ',') {
      diag_error(r->dl, span(r, c, e), "expected \"timestamp,value\"");
      ok = false;
      continue;
    }
    s++;
    if (!next_field(&s, e, &vs, &ve)) {
      diag_error(r->dl, span(r, vs, vs + 1), "unterminated quote in the value");
      ok = false;
      continue;
    }
    if (s != e) {
      diag_error(r->dl, span(r, s, e),
                 "unexpected text after the value (a row is "
                 "\"timestamp,value\"; write numbers without thousands "
                 "separators)");
      ok = false;
      continue;
    }
    int64_t t;
    if (!parse_ts(&dc, ts, te, &t)) {
      diag_error(r->dl, span(r, ts, te),
                 "\"%.*s\" is not an ISO 8601 date and time "
                 "(2016-01-01T00:15 or 2016-01-01 00:15:00)",
                 (int)(te - ts), ts);
      ok = false;
      continue;
    }
    double v;
    if (!series_parse_value(vs, ve, &v)) {
      diag_error(r->dl, span(r, vs, ve),
                 ve == vs ? "missing value"
                          : "\"%.*s\" is not a number",
                 (int)(ve - vs), vs);
      ok = false;
      continue;
    }
    if (v < 0) {
      diag_error(r->dl, span(r, vs, ve),
                 "negative value %.*s", (int)(ve - vs), vs);
      ok = false;
      continue;
    }
    if (n == cap) {
      cap *= 2;
      row *nr = realloc(rows, cap * sizeof *rows);
      if (!nr) {
        free(rows);
        return false;
      }
      rows = nr;
    }
    rows[n++] = (row){t, v, r->line, (uint32_t)(q - text),
                      (uint32_t)(ts - text), (uint32_t)(te - text)};
  }
  *out = rows;
  *n_out = n;
  return ok;
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

/* The commonest step between consecutive rows, 0 with fewer than two. */
static int64_t common_step(const row *rows, size_t n)
{
  if (n < 2)
    return 0;
  /* nearly always one step is most of them: found in one pass (a step of
     more than half the rows is the only commonest one) */
  int64_t cand = 0;
  size_t votes = 0, count = 0;
  for (size_t i = 1; i < n; i++) {
    int64_t d = rows[i].t - rows[i - 1].t;
    if (votes == 0)
      cand = d;
    votes = d == cand ? votes + 1 : votes - 1;
  }
  for (size_t i = 1; i < n; i++)
    count += rows[i].t - rows[i - 1].t == cand;
  if (count > (n - 1) / 2)
    return cand;
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

bool series_read(arena *a, diag_list *dl, const series_in *in,
                 series_out *out)
{
  memset(out, 0, sizeof *out);
  size_t errs = diag_errors(dl), seen = errs + diag_warnings(dl);
  size_t len;
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
  char *text = in->root && !real
                   ? NULL
                   : file_read_regular(real ? real : in->path,
                                       SERIES_MAX_BYTES, &len, &err);
  free(real);
  if (!text) {
    diag_error(dl, in->at, "%s: cannot read interval data %s: %s", in->what,
               in->name,
               err == FILE_ERR_TOO_LARGE ? "larger than 256 MB"
                                         : file_strerror(err));
    return false;
  }
  reader r = {dl, in->name, 0, NULL, false};
  row *rows = NULL;
  size_t n = 0;
  bool ok = parse_rows(&r, text, len, &rows, &n);
  if (!rows) {
    diag_error(dl, in->at, "%s: %s: out of memory", in->what, in->name);
    mem_free(text);
    return false;
  }
  /* rows are nearly always in time order already (lines are) */
  bool sorted = true;
  for (size_t i = 1; i < n && sorted; i++)
    sorted = rows[i - 1].t <= rows[i].t;
  if (!sorted)
    qsort(rows, n, sizeof *rows, by_time);
  if (in->end_stamped) {
    /* an end-stamped row covers (t − step, t]: place it at its start */
    int64_t step = common_step(rows, n);
    for (size_t i = 0; step > 0 && i < n; i++)
      rows[i].t -= step;
  }
  date from = in->from, to = in->to;
  int64_t t0 = (int64_t)date_days(from) * 86400;
  int64_t t1 = ((int64_t)date_days(to) + 1) * 86400;
  /* month starts: month k begins at ms[k] (the period's first day for k 0) */
  int64_t *ms = ARENA_ARRAY(a, int64_t, (size_t)in->months + 1);
  for (int k = 0; k < in->months; k++) {
    int mm = from.m - 1 + k;
    date d = {from.y + mm / 12, mm % 12 + 1, 1, {NULL, 0, 0, 0}};
    ms[k] = k == 0 ? t0 : (int64_t)date_days(d) * 86400;
  }
  ms[in->months] = t1;
  out->monthly = ARENA_ARRAY(a, double, (size_t)in->months + 1);
  /* keep the rows inside the period, in order; report duplicates */
  size_t m = 0;
  row first_out = {0, 0, 0, 0, 0, 0};
  int k = 0;
  for (size_t i = 0; i < n; i++) {
    if (rows[i].t < t0 || rows[i].t >= t1) {
      if (!out->n_outside++ || rows[i].line < first_out.line)
        first_out = rows[i];
      continue;
    }
    if (m > 0 && rows[m - 1].t == rows[i].t) {
      diag_error(dl, row_at(&r, text, &rows[i]),
                 "duplicate timestamp (first at line %d)", rows[m - 1].line);
      ok = false;
      continue;
    }
    rows[m++] = rows[i];
  }
  if (out->n_outside) {
    diag_warn(dl, row_at(&r, text, &first_out),
              "%zu value%s outside the audit period %04d-%02d-%02d to "
              "%04d-%02d-%02d ignored (%s)",
              out->n_outside, out->n_outside == 1 ? "" : "s", from.y, from.m,
              from.d, to.y, to.m, to.d,
              in->end_stamped ? "timestamps taken as interval ends"
                              : "a timestamp is the start of its interval; "
                                "series_stamp: end for end-stamped data");
  }
  if (ok && m == 0) {
    diag_error(dl, in->at, "%s: %s has no values inside the audit period",
               in->what, in->name);
    ok = false;
  }
  if (ok && m == 1) {
    /* the interval is the step between rows: one row covers an unknown
       sliver of the period, and could not be reported complete */
    diag_error(dl, in->at, "%s: %s has a single row inside the audit period: "
                           "interval data need two rows or more (the "
                           "interval is the step between them); give one "
                           "reading for the period as total:",
               in->what, in->name);
    ok = false;
  }
  if (ok) {
    double total = 0;
    for (size_t i = 0; i < m; i++) {
      while (k + 1 < in->months && rows[i].t >= ms[k + 1])
        k++;
      out->monthly[k] += rows[i].v * in->scale;
      total += rows[i].v;
    }
    out->total = total * in->scale;
    out->n_values = m;
    int64_t step = common_step(rows, m);
    out->interval_s = (long)step;
    char b1[32];
    if (step > 0) {
      size_t shown = 0, gaps = 0, missing_in_gaps = 0;
      for (size_t i = 1; i < m; i++) {
        int64_t d = rows[i].t - rows[i - 1].t;
        if (d <= step)
          continue;
        size_t miss = (size_t)((d - 1) / step);
        gaps++;
        missing_in_gaps += miss;
        if (shown++ < GAPS_SHOWN) {
          diag_warn(dl, row_at(&r, text, &rows[i]),
                    "gap before this row: %zu interval%s of %s missing "
                    "(previous row: line %d)",
                    miss, miss == 1 ? "" : "s",
                    duration(b1, sizeof b1, step), rows[i - 1].line);
        }
      }
      if (gaps > GAPS_SHOWN)
        diag_warn(dl, in->at, "%s: %s has %zu more gaps (%zu gaps, %zu "
                              "intervals missing in all)",
                  in->what, in->name, gaps - GAPS_SHOWN, gaps,
                  missing_in_gaps);
      size_t head = (size_t)((rows[0].t - t0) / step);
      size_t tail = (size_t)((t1 - rows[m - 1].t - 1) / step);
      if (head) {
        diag_warn(dl, row_at(&r, text, &rows[0]),
                  "the data start %zu interval%s of %s after the audit "
                  "period does",
                  head, head == 1 ? "" : "s", duration(b1, sizeof b1, step));
      }
      if (tail) {
        diag_warn(dl, row_at(&r, text, &rows[m - 1]),
                  "the data end %zu interval%s of %s before the audit "
                  "period does",
                  tail, tail == 1 ? "" : "s", duration(b1, sizeof b1, step));
      }
      out->n_missing = missing_in_gaps + head + tail;
    }
  }
  free(rows);
  /* quote the file's lines only when something about it is reported */
  if (diag_errors(dl) + diag_warnings(dl) > seen)
    diag_add_source(dl, in->name, arena_strndup(a, text, len), len);
  mem_free(text);
  return ok && diag_errors(dl) == errs;
}
