/* book.c — an xlsx workbook or a CSV file as a book of sheets of cells.
 *
 * Input: a file named on the command line. Output: an ibook in the arena.
 * xlsx: the zip is opened with libzip and every part is read through
 * zip_fread in 64 KiB pieces straight into expat, so no part is ever held
 * inflated in memory; only the cells with a value (and the shared strings
 * they use) are kept. Bytes inflated are counted over the parts read and a
 * book over IMP_MAX_PART in all stops (a zip bomb), as does a zip of more
 * than IMP_MAX_PARTS entries, a sheet naming another sheet's part, a book
 * over IMP_MAX_CELLS
 * cells, a string over IMP_MAX_STRING characters, and a cell reference
 * beyond Excel's grid. A missing part, bad XML or a reference to a shared
 * string that does not exist is an error naming the part (and the line and
 * column of the XML). CSV: UTF-8 (a BOM skipped) or, when asked, GBK
 * through iconv; anything else is refused naming the line. */
#include "import.h"

#include <ctype.h>
#include <errno.h>
#include <expat.h>
#include <iconv.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include "../base/buf.h"
#include "../base/fileio.h"
#include "../base/utf8.h"
#include "../base/dynlib.h"

/* {====================================================== libraries on demand */

#define BOOK_ZIP(X) \
  X(zip_discard) X(zip_fclose) X(zip_file_strerror) X(zip_fopen_index) \
  X(zip_fread) X(zip_name_locate) X(zip_open) X(zip_strerror)
#define BOOK_EXPAT(X) \
  X(XML_ErrorString) X(XML_GetCurrentColumnNumber) \
  X(XML_GetCurrentLineNumber) X(XML_GetErrorCode) X(XML_Parse) \
  X(XML_ParserCreate) X(XML_ParserFree) X(XML_SetCharacterDataHandler) \
  X(XML_SetElementHandler) X(XML_SetStartDoctypeDeclHandler) \
  X(XML_SetUserData) X(XML_StopParser)
DYNLIB_POINTERS(BOOK_ZIP)
DYNLIB_POINTERS(BOOK_EXPAT)

/* libzip and expat, opened at the first workbook read (dynlib.h); NULL,
   or why they could not be. */
static const char *book_libs(void)
{
  static dynlib zip = {AUDITGEN_SONAME_ZIP, "libzip4", NULL, false};
  static dynlib expat = {AUDITGEN_SONAME_EXPAT, "libexpat1", NULL, false};
  static bool bound;
  static char why[DYNLIB_WHY];
  bool ok = bound;
  if (!ok)
    DYNLIB_BIND(&zip, BOOK_ZIP, ok, why);
  if (ok && !bound)
    DYNLIB_BIND(&expat, BOOK_EXPAT, ok, why);
  bound = ok;
  return ok ? NULL : why;
}

#define zip_discard (*dl_zip_discard)
#define zip_fclose (*dl_zip_fclose)
#define zip_file_strerror (*dl_zip_file_strerror)
#define zip_fopen_index (*dl_zip_fopen_index)
#define zip_fread (*dl_zip_fread)
#define zip_name_locate (*dl_zip_name_locate)
#define zip_open (*dl_zip_open)
#define zip_strerror (*dl_zip_strerror)
#define XML_ErrorString (*dl_XML_ErrorString)
#define XML_GetCurrentColumnNumber (*dl_XML_GetCurrentColumnNumber)
#define XML_GetCurrentLineNumber (*dl_XML_GetCurrentLineNumber)
#define XML_GetErrorCode (*dl_XML_GetErrorCode)
#define XML_Parse (*dl_XML_Parse)
#define XML_ParserCreate (*dl_XML_ParserCreate)
#define XML_ParserFree (*dl_XML_ParserFree)
#define XML_SetCharacterDataHandler (*dl_XML_SetCharacterDataHandler)
#define XML_SetElementHandler (*dl_XML_SetElementHandler)
#define XML_SetStartDoctypeDeclHandler (*dl_XML_SetStartDoctypeDeclHandler)
#define XML_SetUserData (*dl_XML_SetUserData)
#define XML_StopParser (*dl_XML_StopParser)

/* }====================================================== */

/* {====================================================== messages */

static void add_msg(imp_msgs *m, bool error, const char *where,
                    const char *fmt, va_list ap)
{
  char tmp[1024];
  vsnprintf(tmp, sizeof tmp, fmt, ap);
  imp_msg *x = ARENA_PUSH(m->a, m->items, m->n, m->cap);
  x->error = error;
  x->where = arena_strdup(m->a, where);
  x->text = arena_strdup(m->a, tmp);
  if (error)
    m->errors++;
}

void imp_error(imp_msgs *m, const char *where, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  add_msg(m, true, where, fmt, ap);
  va_end(ap);
}

void imp_warn(imp_msgs *m, const char *where, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  add_msg(m, false, where, fmt, ap);
  va_end(ap);
}

/* {====================================================== cells */

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian). */
static long days_from_civil(long y, long m, long d)
{
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

bool imp_date(const icell *c, int *y, int *m, int *d, const char **why)
{
  *why = NULL;
  double v = c->num;
  double lo = c->date == IMP_DATE_1904 ? 0 : 1;
  if (!(v >= lo && v < 2958466)) { /* 9999-12-31 is 2,958,465 */
    *why = v >= 0 && v < 1 ? "a time of day, not a date"
                           : "outside the dates a workbook can hold";
    return false;
  }
  long serial = (long)floor(v);
  long days; /* since 1970-01-01 */
  if (c->date == IMP_DATE_1904)
    days = days_from_civil(1904, 1, 1) + serial;
  else if (serial == 60) {
    /* Lotus 1-2-3's 1900-02-29, kept by Excel: no such day */
    *why = "1900-02-29 (serial 60), a day that does not exist (Excel's "
           "1900 leap-year bug)";
    return false;
  } else
    days = days_from_civil(1899, 12, serial < 60 ? 31 : 30) + serial;
  /* civil_from_days */
  long z = days + 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  *d = (int)(doy - (153 * mp + 2) / 5 + 1);
  *m = (int)(mp < 10 ? mp + 3 : mp - 9);
  *y = (int)(yoe + era * 400 + (*m <= 2));
  return true;
}

const char *imp_ref(arena *a, uint32_t row, uint32_t col)
{
  char letters[8];
  int n = 0;
  while (col > 0 && n < 7) {
    uint32_t r = (col - 1) % 26;
    letters[n++] = (char)('A' + r);
    col = (col - 1) / 26;
  }
  char rev[8];
  for (int i = 0; i < n; i++)
    rev[i] = letters[n - 1 - i];
  rev[n] = '\0';
  return arena_printf(a, "%s%u", rev, row);
}

bool imp_parse_ref(const char *s, size_t n, uint32_t *row, uint32_t *col)
{
  size_t i = 0;
  uint64_t c = 0, r = 0;
  while (i < n && isalpha((unsigned char)s[i])) {
    c = c * 26 + (uint64_t)(toupper((unsigned char)s[i]) - 'A' + 1);
    if (++i > 3)
      return false;
  }
  if (i == 0 || i == n)
    return false;
  size_t d0 = i;
  while (i < n && isdigit((unsigned char)s[i])) {
    r = r * 10 + (uint64_t)(s[i] - '0');
    if (i - d0 > 8)
      return false;
    i++;
  }
  if (i != n || r == 0 || r > IMP_MAX_ROW || c > IMP_MAX_COL)
    return false;
  *row = (uint32_t)r;
  *col = (uint32_t)c;
  return true;
}

static int cell_cmp(const void *x, const void *y)
{
  const icell *a = x, *b = y;
  if (a->row != b->row)
    return a->row < b->row ? -1 : 1;
  if (a->col != b->col)
    return a->col < b->col ? -1 : 1;
  return 0;
}

/* Sorts the cells, drops a repeated place (the last wins, as Excel
   does) and indexes the rows. */
static void cells_to_arena(arena *a, isheet *s);

static void sheet_finish(arena *a, isheet *s)
{
  cells_to_arena(a, s);
  bool sorted = true; /* as a spreadsheet program writes them */
  for (size_t i = 1; i < s->n && sorted; i++)
    sorted = cell_cmp(&s->cells[i - 1], &s->cells[i]) < 0;
  if (!sorted)
    qsort(s->cells, s->n, sizeof *s->cells, cell_cmp);
  size_t k = 0;
  for (size_t i = 0; i < s->n; i++) {
    if (k && s->cells[k - 1].row == s->cells[i].row &&
        s->cells[k - 1].col == s->cells[i].col)
      k--;
    s->cells[k++] = s->cells[i];
  }
  s->n = k;
  s->max_row = k ? s->cells[k - 1].row : 0;
  for (size_t i = 0; i < k; i++)
    if (s->cells[i].col > s->max_col)
      s->max_col = s->cells[i].col;
  /* rows covered by a merged range: a running count of starts − ends */
  s->merged_row = ARENA_ARRAY(a, unsigned char, (size_t)s->max_row + 2);
  long *delta = mem_alloc(sizeof *delta * ((size_t)s->max_row + 3));
  for (size_t i = 0; i < s->n_merges; i++) {
    const imerge *g = &s->merges[i];
    if (g->r1 > s->max_row)
      continue;
    delta[g->r1]++;
    delta[(g->r2 > s->max_row ? s->max_row : g->r2) + 1]--;
  }
  long run = 0;
  for (uint32_t r = 0; r <= s->max_row; r++) {
    run += delta[r];
    s->merged_row[r] = run > 0;
  }
  mem_free(delta);
  s->row_start = ARENA_ARRAY(a, size_t, (size_t)s->max_row + 2);
  size_t i = 0;
  for (uint32_t r = 0; r <= s->max_row + 1; r++) {
    while (i < s->n && s->cells[i].row < r)
      i++;
    s->row_start[r] = i;
  }
}

const icell *imp_cell(const isheet *s, uint32_t row, uint32_t col,
                      bool merged)
{
  if (merged && row <= s->max_row && s->merged_row[row])
    for (size_t i = 0; i < s->n_merges; i++) {
      const imerge *g = &s->merges[i];
      if (row >= g->r1 && row <= g->r2 && col >= g->c1 && col <= g->c2) {
        row = g->r1;
        col = g->c1;
        break;
      }
    }
  if (row == 0 || row > s->max_row)
    return NULL;
  size_t lo = s->row_start[row], hi = s->row_start[row + 1];
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (s->cells[mid].col == col)
      return &s->cells[mid];
    if (s->cells[mid].col < col)
      lo = mid + 1;
    else
      hi = mid;
  }
  return NULL;
}

/* Cells are gathered on the heap (growing by half) and the array shrunk
   to its size when the sheet is done: a big sheet leaves no smaller copies
   of its array behind, as an arena would. imp_free releases them. */
static void push_cell(isheet *s, const icell *c)
{
  if (s->n == s->cap) {
    s->cap = s->cap ? s->cap + s->cap / 2 : 256;
    s->cells = mem_realloc(s->cells, s->cap * sizeof *s->cells);
  }
  s->cells[s->n++] = *c;
}

/* The array shrinks to its size; imp_free releases it. */
static void cells_to_arena(arena *a, isheet *s)
{
  (void)a;
  if (s->n && s->n < s->cap) {
    s->cells = mem_realloc(s->cells, s->n * sizeof *s->cells);
    s->cap = s->n;
  }
}

void imp_free(ibook *b)
{
  for (size_t i = 0; b && i < b->n; i++) {
    mem_free(b->sheets[i].cells);
    b->sheets[i].cells = NULL;
    b->sheets[i].n = b->sheets[i].cap = 0;
  }
}

/* {====================================================== xlsx parts */

typedef struct X X;
typedef void (*start_fn)(X *x, const char *el, const char **attr);
typedef void (*end_fn)(X *x, const char *el);

struct X {
  arena *a;
  imp_msgs *m;
  ibook *book;
  zip_t *zip;
  const char *part; /* being parsed */
  XML_Parser p;
  start_fn start;   /* the handlers of the part being parsed */
  end_fn end;
  bool failed;      /* this part stopped with an error */
  size_t cells;     /* in the book so far */
  size_t inflated;  /* bytes of the parts read before this one */
  /* shared strings */
  const char **sst;
  size_t n_sst, cap_sst;
  bool in_si, in_t, in_rph;
  buf text;
  /* workbook */
  const char **sheet_names, **sheet_rids;
  size_t n_sheets, cap_names, cap_rids;
  const char **rel_ids, **rel_targets, **rel_types;
  size_t n_rels, cap_ri, cap_rt, cap_ry;
  /* a sheet */
  isheet *sheet;
  uint32_t row, col;   /* current row; last column seen */
  bool in_c, in_v, in_is;
  char ctype[16];
  long cstyle_s;       /* t="s" index */
  long cxf;            /* the cell's style (s=""), -1 none */
  /* styles: which cell formats (cellXfs, by index) show a date */
  bool date1904;       /* workbookPr date1904: serial 0 is 1904-01-01 */
  bool in_xfs;
  unsigned char *xf_date;
  size_t n_xf, cap_xf;
  long *date_fmts;     /* custom numFmt ids whose code is a date */
  size_t n_date_fmts, cap_date_fmts;
  uint32_t crow, ccol;
};

static const char *local(const char *el)
{
  const char *c = strrchr(el, ':');
  return c ? c + 1 : el;
}

static const char *attr_of(const char **attr, const char *name)
{
  for (size_t i = 0; attr[i]; i += 2)
    if (strcmp(local(attr[i]), name) == 0)
      return attr[i + 1];
  return NULL;
}

static void part_error(X *x, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void part_error(X *x, const char *fmt, ...)
{
  char tmp[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(tmp, sizeof tmp, fmt, ap);
  va_end(ap);
  const char *where =
      x->p ? arena_printf(x->a, "%s:%s:%lu:%lu", x->book->file, x->part,
                          (unsigned long)XML_GetCurrentLineNumber(x->p),
                          (unsigned long)XML_GetCurrentColumnNumber(x->p) + 1)
           : arena_printf(x->a, "%s:%s", x->book->file, x->part);
  imp_error(x->m, where, "%s", tmp);
  x->failed = true;
  if (x->p)
    XML_StopParser(x->p, XML_FALSE);
}

static void text_add(X *x, const char *s, int len)
{
  if (x->text.len + (size_t)len > (size_t)IMP_MAX_STRING * 4) {
    part_error(x, "a text longer than %u characters", IMP_MAX_STRING);
    return;
  }
  buf_add(&x->text, s, (size_t)len);
}

/* shared strings: <si><t>…</t></si> or <si><r><t>…</t></r>…</si>; the
   phonetic runs (<rPh>) are not part of the text. */
static void sst_start(X *x, const char *el, const char **attr)
{
  (void)attr;
  el = local(el);
  if (strcmp(el, "si") == 0) {
    x->in_si = true;
    buf_clear(&x->text);
  } else if (strcmp(el, "rPh") == 0)
    x->in_rph = true;
  else if (strcmp(el, "t") == 0 && x->in_si && !x->in_rph)
    x->in_t = true;
}

static void sst_end(X *x, const char *el)
{
  el = local(el);
  if (strcmp(el, "t") == 0)
    x->in_t = false;
  else if (strcmp(el, "rPh") == 0)
    x->in_rph = false;
  else if (strcmp(el, "si") == 0 && x->in_si) {
    x->in_si = false;
    if (x->n_sst >= IMP_MAX_CELLS) {
      part_error(x, "more than %u shared strings", IMP_MAX_CELLS);
      return;
    }
    *ARENA_PUSH(x->a, x->sst, x->n_sst, x->cap_sst) =
        arena_strndup(x->a, x->text.data, x->text.len);
  }
}

static void wb_start(X *x, const char *el, const char **attr)
{
  el = local(el);
  if (strcmp(el, "workbookPr") == 0) {
    const char *d = attr_of(attr, "date1904");
    x->date1904 = d && (strcmp(d, "1") == 0 || strcmp(d, "true") == 0);
  } else if (strcmp(el, "sheet") == 0) {
    const char *name = attr_of(attr, "name"), *rid = attr_of(attr, "id");
    if (!name || !rid) {
      part_error(x, "a <sheet> without a name or r:id");
      return;
    }
    *ARENA_PUSH(x->a, x->sheet_names, x->n_sheets, x->cap_names) =
        arena_strdup(x->a, name);
    x->n_sheets--;
    *ARENA_PUSH(x->a, x->sheet_rids, x->n_sheets, x->cap_rids) =
        arena_strdup(x->a, rid);
    if (x->n_sheets > 1000)
      part_error(x, "more than 1,000 sheets");
  }
}

static void rels_start(X *x, const char *el, const char **attr)
{
  if (strcmp(local(el), "Relationship") != 0)
    return;
  const char *id = attr_of(attr, "Id"), *t = attr_of(attr, "Target"),
             *ty = attr_of(attr, "Type");
  if (!id || !t)
    return;
  *ARENA_PUSH(x->a, x->rel_ids, x->n_rels, x->cap_ri) = arena_strdup(x->a, id);
  x->n_rels--;
  *ARENA_PUSH(x->a, x->rel_types, x->n_rels, x->cap_ry) =
      arena_strdup(x->a, ty ? ty : "");
  x->n_rels--;
  *ARENA_PUSH(x->a, x->rel_targets, x->n_rels, x->cap_rt) =
      arena_strdup(x->a, t);
  if (x->n_rels > 2000)
    part_error(x, "more than 2,000 relationships");
}

/* Whether a number format code shows a date: a y or d, or 年 or 日,
   outside quotes and brackets ([Red], [$-804], [h]). Codes with only h,
   m, s show a time, which is not a date; "General" none. */
static bool date_code(const char *code)
{
  bool q = false, br = false, ymd = false;
  for (const char *p = code; *p; p++) {
    char c = *p;
    if (c == '"')
      q = !q;
    else if (q)
      continue;
    else if (c == '\\' && p[1])
      p++;
    else if (c == '[')
      br = true;
    else if (c == ']')
      br = false;
    else if (!br && (c == 'y' || c == 'Y' || c == 'd' || c == 'D'))
      ymd = true;
    else if (!br && strncmp(p, "年", 3) == 0)
      ymd = true;
    else if (!br && strncmp(p, "日", 3) == 0)
      ymd = true;
  }
  return ymd;
}

/* Built-in number formats that show a date (ECMA-376 18.8.30: 14-17, 22;
   of the zh-CN ones 27-31, 36, 50-54, 57 and 58: 32-35, 55 and 56 are
   times). */
static bool builtin_date(long id)
{
  return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 31) ||
         id == 36 || (id >= 50 && id <= 54) || id == 57 || id == 58;
}

/* styles: <numFmts><numFmt numFmtId="" formatCode=""/></numFmts> and
   <cellXfs><xf numFmtId=""/>…</cellXfs> (a cell's s="" indexes these). */
static void styles_start(X *x, const char *el, const char **attr)
{
  el = local(el);
  if (strcmp(el, "numFmt") == 0) {
    const char *id = attr_of(attr, "numFmtId"), *code = attr_of(attr,
                                                               "formatCode");
    if (id && code && date_code(code)) {
      if (x->n_date_fmts >= 4096) {
        part_error(x, "more than 4,096 number formats");
        return;
      }
      *ARENA_PUSH(x->a, x->date_fmts, x->n_date_fmts, x->cap_date_fmts) =
          strtol(id, NULL, 10);
    }
  } else if (strcmp(el, "cellXfs") == 0)
    x->in_xfs = true;
  else if (x->in_xfs && strcmp(el, "xf") == 0) {
    if (x->n_xf >= 65536) {
      part_error(x, "more than 65,536 cell formats");
      return;
    }
    const char *id = attr_of(attr, "numFmtId");
    long v = id ? strtol(id, NULL, 10) : 0;
    bool d = builtin_date(v);
    for (size_t i = 0; !d && i < x->n_date_fmts; i++)
      d = x->date_fmts[i] == v;
    *ARENA_PUSH(x->a, x->xf_date, x->n_xf, x->cap_xf) = d;
  }
}

static void styles_end(X *x, const char *el)
{
  if (strcmp(local(el), "cellXfs") == 0)
    x->in_xfs = false;
}

static void no_end(X *x, const char *el)
{
  (void)x;
  (void)el;
}

/* sheet: <row r=""><c r="" t="" s=""><v>…</v> | <is><t>…</t></is></c>;
   <mergeCell ref="A1:B2"/>. */
static void ws_start(X *x, const char *el, const char **attr)
{
  el = local(el);
  if (strcmp(el, "row") == 0) {
    const char *r = attr_of(attr, "r");
    if (r) {
      char *end;
      errno = 0;
      unsigned long v = strtoul(r, &end, 10);
      if (*end || errno || v == 0 || v > IMP_MAX_ROW) {
        part_error(x, "row number \"%.20s\" outside 1 to 1,048,576", r);
        return;
      }
      x->row = (uint32_t)v;
    } else
      x->row++;
    x->col = 0;
  } else if (strcmp(el, "c") == 0) {
    const char *r = attr_of(attr, "r"), *t = attr_of(attr, "t");
    if (r) {
      uint32_t rr, cc;
      if (!imp_parse_ref(r, strlen(r), &rr, &cc)) {
        part_error(x, "cell reference \"%.20s\" outside A1 to XFD1048576", r);
        return;
      }
      x->crow = rr;
      x->ccol = cc;
    } else {
      if (x->col >= IMP_MAX_COL) {
        part_error(x, "more than 16,384 columns in a row");
        return;
      }
      x->crow = x->row ? x->row : 1;
      x->ccol = x->col + 1;
    }
    x->col = x->ccol;
    snprintf(x->ctype, sizeof x->ctype, "%s", t ? t : "n");
    const char *st = attr_of(attr, "s");
    x->cxf = st ? strtol(st, NULL, 10) : -1;
    x->in_c = true;
    buf_clear(&x->text);
  } else if (x->in_c && strcmp(el, "v") == 0)
    x->in_v = true;
  else if (x->in_c && strcmp(el, "is") == 0)
    x->in_is = true;
  else if (x->in_is && strcmp(el, "rPh") == 0)
    x->in_rph = true;
  else if (x->in_is && strcmp(el, "t") == 0 && !x->in_rph)
    x->in_t = true;
  else if (strcmp(el, "mergeCell") == 0) {
    const char *ref = attr_of(attr, "ref");
    const char *colon = ref ? strchr(ref, ':') : NULL;
    imerge g;
    if (!colon || !imp_parse_ref(ref, (size_t)(colon - ref), &g.r1, &g.c1) ||
        !imp_parse_ref(colon + 1, strlen(colon + 1), &g.r2, &g.c2) ||
        g.r2 < g.r1 || g.c2 < g.c1) {
      part_error(x, "merged range \"%.40s\" is not a range such as A1:B2",
                 ref ? ref : "");
      return;
    }
    if (x->sheet->n_merges >= IMP_MAX_MERGES) {
      part_error(x, "more than %u merged ranges in a sheet", IMP_MAX_MERGES);
      return;
    }
    *ARENA_PUSH(x->a, x->sheet->merges, x->sheet->n_merges,
                x->sheet->cap_merges) = g;
  }
}

static bool parse_num(const char *s, double *out)
{
  char *end;
  errno = 0;
  double v = strtod(s, &end);
  while (*end == ' ')
    end++;
  if (end == s || *end || errno == ERANGE || v != v || v - v != 0)
    return false;
  *out = v;
  return true;
}

static void ws_end(X *x, const char *el)
{
  el = local(el);
  if (strcmp(el, "v") == 0)
    x->in_v = false;
  else if (strcmp(el, "t") == 0)
    x->in_t = false;
  else if (strcmp(el, "rPh") == 0)
    x->in_rph = false;
  else if (strcmp(el, "is") == 0)
    x->in_is = false;
  else if (strcmp(el, "c") == 0 && x->in_c) {
    x->in_c = false;
    if (x->text.len == 0 && strcmp(x->ctype, "inlineStr") != 0)
      return; /* a styled empty cell */
    icell c = {.row = x->crow, .col = x->ccol};
    const char *t = x->ctype, *where = NULL;
    if (strcmp(t, "s") == 0) {
      double v;
      if (!parse_num(x->text.data, &v) || v < 0 || v >= (double)x->n_sst ||
          v != (double)(size_t)v) {
        where = imp_ref(x->a, c.row, c.col);
        part_error(x, "cell %s: shared string \"%.20s\" does not exist (%zu "
                   "strings)", where, x->text.data, x->n_sst);
        return;
      }
      c.kind = IC_STR;
      c.str = x->sst[(size_t)v];
    } else if (strcmp(t, "str") == 0 || strcmp(t, "inlineStr") == 0) {
      c.kind = IC_STR;
      c.str = arena_strndup(x->a, x->text.data, x->text.len);
    } else if (strcmp(t, "b") == 0) {
      c.kind = IC_BOOL;
      c.num = strcmp(x->text.data, "1") == 0 ? 1 : 0;
    } else if (strcmp(t, "e") == 0) {
      c.kind = IC_ERR;
      c.str = arena_strndup(x->a, x->text.data, x->text.len);
    } else {
      c.kind = IC_NUM;
      if (!parse_num(x->text.data, &c.num)) {
        part_error(x, "cell %s: \"%.20s\" is not a number",
                   imp_ref(x->a, c.row, c.col), x->text.data);
        return;
      }
      if (x->cxf >= 0 && (size_t)x->cxf < x->n_xf && x->xf_date[x->cxf])
        c.date = x->date1904 ? IMP_DATE_1904 : IMP_DATE_1900;
    }
    if (++x->cells > IMP_MAX_CELLS) {
      part_error(x, "more than %u cells with a value in the workbook",
                 IMP_MAX_CELLS);
      return;
    }
    push_cell(x->sheet, &c);
  }
}

static void xml_start(void *ud, const char *el, const char **attr)
{
  X *x = ud;
  if (!x->failed)
    x->start(x, el, attr);
}

static void xml_end(void *ud, const char *el)
{
  X *x = ud;
  if (!x->failed)
    x->end(x, el);
}

static void xml_text(void *ud, const char *s, int len)
{
  X *x = ud;
  if (x->failed)
    return;
  if (x->in_t || x->in_v)
    text_add(x, s, len);
}

/* Refuses a document type declaration (entities: the billion laughs). */
static void xml_doctype(void *ud, const char *name, const char *sysid,
                        const char *pubid, int has_internal)
{
  (void)name;
  (void)sysid;
  (void)pubid;
  (void)has_internal;
  part_error(ud, "a document type declaration (not allowed in xlsx)");
}

/* Streams one part of the zip through expat with the given handlers.
   required: a missing part is an error. Returns false on any error. */
static bool parse_part(X *x, const char *name, start_fn st, end_fn en,
                       bool required)
{
  x->part = name;
  x->failed = false;
  x->p = NULL;
  zip_int64_t idx = zip_name_locate(x->zip, name, 0);
  if (idx < 0) {
    if (required)
      part_error(x, "this part of the workbook is missing");
    return !required;
  }
  zip_file_t *zf = zip_fopen_index(x->zip, (zip_uint64_t)idx, 0);
  if (!zf) {
    part_error(x, "cannot be read: %s", zip_strerror(x->zip));
    return false;
  }
  XML_Parser p = XML_ParserCreate("UTF-8");
  if (!p) {
    fprintf(stderr, "auditgen: out of memory\n");
    abort();
  }
  x->p = p;
  XML_SetUserData(p, x);
  XML_SetElementHandler(p, xml_start, xml_end);
  XML_SetCharacterDataHandler(p, xml_text);
  XML_SetStartDoctypeDeclHandler(p, xml_doctype);
  x->start = st;
  x->end = en;
  x->in_t = x->in_v = x->in_c = x->in_is = x->in_si = x->in_rph = false;
  static char chunk[1 << 16];
  size_t total = 0, cap = IMP_MAX_PART;
  const char *test_cap = getenv("AUDITGEN_TEST_MAX_PART"); /* tests only */
  if (test_cap && *test_cap)
    cap = (size_t)strtoul(test_cap, NULL, 10);
  bool ok = true;
  for (;;) {
    zip_int64_t got = zip_fread(zf, chunk, sizeof chunk);
    if (got < 0 || x->inflated + total + (size_t)got > cap)
      x->p = NULL; /* the zip's fault, not a place in the XML */
    if (got < 0) {
      part_error(x, "cannot be inflated: %s", zip_file_strerror(zf));
      ok = false;
      break;
    }
    total += (size_t)got;
    if (total > cap) {
      part_error(x, "inflates to more than %zu bytes (a zip bomb?)", cap);
      ok = false;
      break;
    }
    if (x->inflated + total > cap) {
      part_error(x, "with the parts before it, the workbook inflates to more "
                    "than %zu bytes (a zip bomb?)",
                 cap);
      ok = false;
      break;
    }
    if (XML_Parse(p, chunk, (int)got, got == 0) == XML_STATUS_ERROR) {
      if (!x->failed)
        part_error(x, "bad XML: %s", XML_ErrorString(XML_GetErrorCode(p)));
      ok = false;
      break;
    }
    if (x->failed) {
      ok = false;
      break;
    }
    if (got == 0)
      break;
  }
  x->inflated += total;
  zip_fclose(zf);
  XML_ParserFree(p); /* p, not x->p: that may be NULL by now */
  x->p = NULL;
  return ok && !x->failed;
}

/* "worksheets/sheet1.xml" relative to xl/, or "/xl/…" absolute. */
static const char *part_path(arena *a, const char *target)
{
  if (target[0] == '/')
    return arena_strdup(a, target + 1);
  if (strncmp(target, "xl/", 3) == 0)
    return arena_strdup(a, target);
  return arena_printf(a, "xl/%s", target);
}

static uint64_t le(const unsigned char *p, int bytes)
{
  uint64_t v = 0;
  for (int i = bytes - 1; i >= 0; i--)
    v = v << 8 | p[i];
  return v;
}

/* The number of entries the zip's end-of-central-directory record (or
   its zip64 record) announces, read from the file's tail before libzip
   reads the whole directory: a file of a million empty entries would
   cost libzip gigabytes and minutes. UINT64_MAX when no record is found
   (libzip then says what is wrong), or with *err set when the file
   cannot be opened or passes IMP_MAX_FILE bytes. */
static uint64_t zip_entries(const char *path, int *err)
{
  *err = 0;
  int fd = file_open_read(path, IMP_MAX_FILE, err);
  if (fd < 0)
    return UINT64_MAX;
  uint64_t count = UINT64_MAX;
  unsigned char tail[22 + 65535], rec[56];
  struct stat st;
  if (fstat(fd, &st) != 0 || st.st_size < 22)
    goto done;
  size_t n = (size_t)st.st_size < sizeof tail ? (size_t)st.st_size
                                              : sizeof tail;
  off_t base = st.st_size - (off_t)n;
  if (pread(fd, tail, n, base) != (ssize_t)n)
    goto done;
  for (size_t i = n - 22 + 1; i-- > 0;) {
    if (memcmp(tail + i, "PK\5\6", 4) != 0)
      continue;
    count = le(tail + i + 10, 2);
    if (count == 0xFFFF && i >= 20 && memcmp(tail + i - 20, "PK\6\7", 4) == 0) {
      uint64_t at = le(tail + i - 20 + 8, 8);
      count = UINT64_MAX;
      if (at <= (uint64_t)st.st_size - sizeof rec &&
          pread(fd, rec, sizeof rec, (off_t)at) == (ssize_t)sizeof rec &&
          memcmp(rec, "PK\6\6", 4) == 0)
        count = le(rec + 32, 8);
    }
    break;
  }
done:
  close(fd);
  return count;
}

static bool read_xlsx(X *x, const char *path)
{
  const char *why = book_libs();
  if (why) { /* not the workbook's fault: exit as for an unreadable file */
    imp_error(x->m, x->book->file, "%s", why);
    x->m->io = true;
    return false;
  }
  int err;
  uint64_t parts = zip_entries(path, &err);
  if (err) {
    imp_error(x->m, x->book->file, "cannot be read: %s", file_strerror(err));
    x->m->io = true;
    return false;
  }
  if (parts != UINT64_MAX && parts > IMP_MAX_PARTS) {
    imp_error(x->m, x->book->file,
              "the zip holds %llu parts; a workbook has at most %u "
              "(not a workbook a spreadsheet program wrote)",
              (unsigned long long)parts, IMP_MAX_PARTS);
    return false;
  }
  int zerr = 0;
  x->zip = zip_open(path, ZIP_RDONLY, &zerr);
  if (!x->zip) {
    imp_error(x->m, x->book->file,
              "not an xlsx workbook (not a zip archive%s)",
              zerr == ZIP_ER_NOZIP ? "" : ", or damaged");
    return false;
  }
  bool ok = parse_part(x, "xl/workbook.xml", wb_start, no_end, true) &&
            parse_part(x, "xl/_rels/workbook.xml.rels", rels_start, no_end,
                       true);
  if (ok && x->n_sheets == 0) {
    x->part = "xl/workbook.xml";
    part_error(x, "the workbook lists no sheet");
    ok = false;
  }
  const char *sst_part = "xl/sharedStrings.xml";
  for (size_t i = 0; ok && i < x->n_rels; i++) {
    size_t tl = strlen(x->rel_types[i]);
    if (tl >= 14 && strcmp(x->rel_types[i] + tl - 14, "/sharedStrings") == 0)
      sst_part = part_path(x->a, x->rel_targets[i]);
  }
  if (ok)
    ok = parse_part(x, sst_part, sst_start, sst_end, false);
  const char *styles_part = "xl/styles.xml";
  for (size_t i = 0; ok && i < x->n_rels; i++) {
    size_t tl = strlen(x->rel_types[i]);
    if (tl >= 7 && strcmp(x->rel_types[i] + tl - 7, "/styles") == 0)
      styles_part = part_path(x->a, x->rel_targets[i]);
  }
  if (ok)
    ok = parse_part(x, styles_part, styles_start, styles_end, false);
  const char **taken = ARENA_ARRAY(x->a, const char *, x->n_sheets + 1);
  for (size_t i = 0; ok && i < x->n_sheets; i++) {
    const char *target = NULL;
    for (size_t k = 0; k < x->n_rels; k++)
      if (strcmp(x->rel_ids[k], x->sheet_rids[i]) == 0)
        target = x->rel_targets[k];
    if (!target) {
      x->part = "xl/_rels/workbook.xml.rels";
      part_error(x, "sheet \"%s\" (%s) has no relationship", x->sheet_names[i],
                 x->sheet_rids[i]);
      ok = false;
      break;
    }
    /* Each sheet has a part of its own: a workbook that lists one part
       under a thousand names would have it read a thousand times. */
    const char *part = part_path(x->a, target);
    for (size_t k = 0; ok && k < i; k++)
      if (strcmp(taken[k], part) == 0) {
        x->part = "xl/workbook.xml";
        part_error(x, "sheet \"%s\" (%s) names the part %s of sheet \"%s\"",
                   x->sheet_names[i], x->sheet_rids[i], part,
                   x->sheet_names[k]);
        ok = false;
      }
    if (!ok)
      break;
    taken[i] = part;
    isheet *s = ARENA_PUSH(x->a, x->book->sheets, x->book->n, x->book->cap);
    s->name = x->sheet_names[i];
    x->sheet = s;
    x->row = 0;
    ok = parse_part(x, part, ws_start, ws_end, true);
    if (ok)
      sheet_finish(x->a, s);
    else
      cells_to_arena(x->a, s);
  }
  zip_discard(x->zip);
  return ok;
}

/* {====================================================== CSV */

/* GB18030 (a superset of GBK) to UTF-8 through glibc's iconv. */
static char *from_gbk(const char *in, size_t len, size_t *out_len)
{
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == (iconv_t)-1)
    return NULL;
  size_t cap = len * 2 + 16;
  char *out = mem_alloc(cap);
  char *ip = (char *)in, *op = out;
  size_t il = len, ol = cap - 1;
  size_t r = iconv(cd, &ip, &il, &op, &ol);
  iconv_close(cd);
  if (r == (size_t)-1) {
    mem_free(out);
    return NULL;
  }
  *op = '\0';
  *out_len = (size_t)(op - out);
  return out;
}

/* RFC 4180: fields separated by commas, quoted with "" inside quotes;
   CRLF or LF ends a record. */
static bool read_csv(arena *a, imp_msgs *m, ibook *b, const char *path,
                     const char *encoding)
{
  size_t len;
  int err;
  char *raw = file_read_regular(path, IMP_MAX_FILE, &len, &err);
  if (!raw) {
    imp_error(m, b->file, "cannot be read: %s", file_strerror(err));
    m->io = true;
    return false;
  }
  char *text = raw;
  bool gbk = encoding && strcmp(encoding, "gbk") == 0;
  if (gbk) {
    size_t n;
    text = from_gbk(raw, len, &n);
    mem_free(raw);
    if (!text) {
      imp_error(m, b->file, "is not GBK (GB18030) text");
      return false;
    }
    len = n;
  } else {
    size_t off = 0;
    if (!utf8_valid(text, len, &off)) {
      size_t line = 1;
      for (size_t i = 0; i < off; i++)
        line += text[i] == '\n';
      imp_error(m, arena_printf(a, "%s:%zu", b->file, line),
                "not UTF-8 text (a GBK file? give --encoding gbk, or save "
                "it as \"CSV UTF-8\")");
      mem_free(text);
      return false;
    }
  }
  const char *p = text, *end = text + len;
  if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  isheet *s = ARENA_PUSH(a, b->sheets, b->n, b->cap);
  s->name = b->stem;
  uint32_t row = 1, col = 1;
  buf f;
  buf_init(&f);
  bool ok = true;
  size_t cells = 0;
  while (p < end && ok) {
    buf_clear(&f);
    bool quoted = false;
    uint32_t line_start = row;
    if (*p == '"') {
      quoted = true;
      p++;
      for (;;) {
        if (p >= end) {
          imp_error(m, arena_printf(a, "%s:%u", b->file, line_start),
                    "a quoted field is not closed");
          ok = false;
          break;
        }
        if (*p == '"' && p + 1 < end && p[1] == '"') {
          buf_putc(&f, '"');
          p += 2;
        } else if (*p == '"') {
          p++;
          break;
        } else {
          if (*p == '\n')
            row++;
          buf_putc(&f, *p++);
        }
      }
    } else {
      while (p < end && *p != ',' && *p != '\n' && *p != '\r')
        buf_putc(&f, *p++);
    }
    if (!ok)
      break;
    if (f.len > (size_t)IMP_MAX_STRING * 4) {
      imp_error(m, arena_printf(a, "%s:%u", b->file, row),
                "a field longer than %u characters", IMP_MAX_STRING);
      ok = false;
      break;
    }
    if (f.len || quoted) {
      if (++cells > IMP_MAX_CELLS || col > IMP_MAX_COL || row > IMP_MAX_ROW) {
        imp_error(m, arena_printf(a, "%s:%u", b->file, row),
                  "beyond %u rows, %u columns or %u cells", IMP_MAX_ROW,
                  IMP_MAX_COL, IMP_MAX_CELLS);
        ok = false;
        break;
      }
      icell c = {.row = line_start, .col = col, .kind = IC_STR,
                 .str = arena_strndup(a, f.data, f.len)};
      push_cell(s, &c);
    }
    if (p < end && *p == ',') {
      p++;
      col++;
    } else if (p < end && (*p == '\r' || *p == '\n')) {
      if (*p == '\r' && p + 1 < end && p[1] == '\n')
        p++;
      p++;
      row++;
      col = 1;
    } else if (p < end) {
      imp_error(m, arena_printf(a, "%s:%u", b->file, row),
                "text after a closing quote");
      ok = false;
    }
  }
  buf_fini(&f);
  mem_free(text);
  if (ok)
    sheet_finish(a, s);
  else
    cells_to_arena(a, s);
  return ok;
}

/* {====================================================== entry */

static const char *stem_of(arena *a, const char *path)
{
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  const char *dot = strrchr(base, '.');
  return arena_strndup(a, base, dot && dot > base ? (size_t)(dot - base)
                                                  : strlen(base));
}

static bool ends_with(const char *s, const char *suffix)
{
  size_t n = strlen(s), k = strlen(suffix);
  return n >= k && strcasecmp(s + n - k, suffix) == 0;
}

ibook *imp_read(arena *a, imp_msgs *m, const char *file, const char *encoding)
{
  ibook *b = ARENA_NEW(a, ibook);
  b->file = file;
  b->stem = stem_of(a, file);
  if (ends_with(file, ".csv")) {
    b->csv = true;
    if (read_csv(a, m, b, file, encoding))
      return b;
    imp_free(b);
    return NULL;
  }
  if (!ends_with(file, ".xlsx") && !ends_with(file, ".xlsm")) {
    imp_error(m, file, "not a .xlsx or .csv file (an .xls of Excel 97-2003 "
                       "must be saved as .xlsx first)");
    return NULL;
  }
  int err = file_probe_regular(file);
  if (err) {
    imp_error(m, file, "cannot be read: %s", file_strerror(err));
    m->io = true;
    return NULL;
  }
  file_note_input(file);
  X x = {.a = a, .m = m, .book = b};
  buf_init(&x.text);
  bool ok = read_xlsx(&x, file);
  buf_fini(&x.text);
  if (ok)
    return b;
  imp_free(b);
  return NULL;
}
