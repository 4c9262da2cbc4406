/* diag.c — collects diagnostics and prints them with source quotes.
 *
 * Input: positions from the loader (1-based, already converted from
 * libyaml's 0-based marks) and messages. Output: text on a stream. The
 * order of printing does not depend on the order stages ran: diagnostics
 * are sorted by position, stable for equal positions. */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "strmap.h"

struct source {
  const char *file, *text;
  size_t len;
  struct source *next;
};

struct diag_list {
  arena *a;
  diag *head, *tail;
  size_t n, errors, warnings;
  struct source *sources;
  strmap *seen; /* every diagnostic's severity, place and message */
};

src_pos src_none(void)
{
  src_pos p = {NULL, 0, 0, 0};
  return p;
}

diag_list *diag_new(arena *a)
{
  diag_list *dl = ARENA_NEW(a, diag_list);
  dl->a = a;
  dl->seen = strmap_new(a);
  return dl;
}

void diag_add_source(diag_list *dl, const char *file, const char *text,
                     size_t len)
{
  struct source *s = ARENA_NEW(dl->a, struct source);
  s->file = file;
  s->text = text;
  s->len = len;
  s->next = dl->sources;
  dl->sources = s;
}

void diag_add(diag_list *dl, diag_severity sev, src_pos pos, const char *fmt,
              ...)
{
  diag *d = ARENA_NEW(dl->a, diag);
  buf b;
  buf_init(&b);
  va_list ap;
  va_start(ap, fmt);
  char tmp[512];
  int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
  va_end(ap);
  if (n >= (int)sizeof tmp) {
    char *big = mem_alloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    buf_puts(&b, big);
    mem_free(big);
  } else if (n > 0) {
    buf_puts(&b, tmp);
  }
  d->msg = arena_strndup(dl->a, b.data, b.len);
  buf_fini(&b);
  /* The same message at the same place once: a template included 5,000
     times would repeat each of its errors 5,000 times. */
  const char *key = arena_printf(dl->a, "%d:%s:%d:%d:%d:%s", (int)sev,
                                 pos.file ? pos.file : "", pos.line, pos.col,
                                 pos.len, d->msg);
  if (strmap_put(dl->seen, key, 0) >= 0)
    return;
  d->sev = sev;
  d->pos = pos;
  if (dl->tail)
    dl->tail->next = d;
  else
    dl->head = d;
  dl->tail = d;
  dl->n++;
  if (sev == DIAG_ERROR)
    dl->errors++;
  else if (sev == DIAG_WARNING)
    dl->warnings++;
}

size_t diag_errors(const diag_list *dl) { return dl->errors; }
size_t diag_warnings(const diag_list *dl) { return dl->warnings; }

struct item {
  diag *d;
  size_t seq;
};

static int cmp_item(const void *pa, const void *pb)
{
  const struct item *a = pa, *b = pb;
  const char *fa = a->d->pos.file ? a->d->pos.file : "";
  const char *fb = b->d->pos.file ? b->d->pos.file : "";
  int c = strcmp(fa, fb);
  if (c)
    return c;
  if (a->d->pos.line != b->d->pos.line)
    return a->d->pos.line < b->d->pos.line ? -1 : 1;
  if (a->d->pos.col != b->d->pos.col)
    return a->d->pos.col < b->d->pos.col ? -1 : 1;
  return a->seq < b->seq ? -1 : a->seq > b->seq;
}

diag **diag_sorted(diag_list *dl, size_t *n)
{
  struct item *items = mem_alloc(sizeof *items * (dl->n + 1));
  size_t i = 0;
  for (diag *d = dl->head; d; d = d->next, i++) {
    items[i].d = d;
    items[i].seq = i;
  }
  qsort(items, dl->n, sizeof *items, cmp_item);
  diag **out = ARENA_ARRAY(dl->a, diag *, dl->n + 1);
  for (i = 0; i < dl->n; i++)
    out[i] = items[i].d;
  mem_free(items);
  *n = dl->n;
  return out;
}

/* Where the last line was found. Diagnostics print in line order, so
   each search resumes there instead of at the start of the file (a file
   with an error on each of its 100,000 lines printed in quadratic time). */
typedef struct line_cursor {
  const struct source *s;
  int line;
  const char *p; /* start of that line */
} line_cursor;

/* Finds line `line` (1-based) of the file's text; returns its start and
   sets *len to its length without the newline. */
static const char *find_line(const struct source *s, int line, size_t *len,
                             line_cursor *c)
{
  const char *p = s->text, *end = s->text + s->len;
  int l = 1;
  if (c->s == s && c->line <= line) {
    p = c->p;
    l = c->line;
  }
  for (; l < line && p < end; l++) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    if (!nl)
      return NULL;
    p = nl + 1;
  }
  if (p >= end)
    return NULL;
  c->s = s;
  c->line = line;
  c->p = p;
  const char *nl = memchr(p, '\n', (size_t)(end - p));
  size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
  if (n && p[n - 1] == '\r')
    n--;
  *len = n;
  return p;
}

static const char *sev_name(diag_severity s)
{
  return s == DIAG_ERROR ? "error" : s == DIAG_WARNING ? "warning" : "note";
}

/* Decodes one UTF-8 character at p (n bytes left); sets *len. Invalid
   bytes count as one character of their own. */
static unsigned decode(const unsigned char *p, size_t n, size_t *len)
{
  unsigned c = p[0];
  size_t need = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (need > n)
    need = 1;
  unsigned cp = need == 1 ? c : c & (0x7F >> need);
  for (size_t i = 1; i < need; i++)
    cp = (cp << 6) | (p[i] & 0x3F);
  *len = need;
  return cp;
}

/* East Asian wide and fullwidth characters take two terminal columns. */
static bool wide(unsigned cp)
{
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
         (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
         (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1FAFF) ||
         (cp >= 0x20000 && cp <= 0x3FFFD);
}

/* Display width of bytes [p, p+n). */
static int width_of(const char *p, size_t n)
{
  int w = 0;
  size_t i = 0;
  while (i < n) {
    size_t len;
    unsigned cp = decode((const unsigned char *)p + i, n - i, &len);
    w += wide(cp) ? 2 : 1;
    i += len;
  }
  return w;
}

/* Length of the valid UTF-8 character at p (n bytes left), or 0. */
static size_t utf8_len(const char *p, size_t n)
{
  unsigned char c = (unsigned char)p[0];
  size_t need = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3
               : (c >> 3) == 30 ? 4 : 0;
  if (!need || need > n)
    return 0;
  for (size_t k = 1; k < need; k++)
    if (((unsigned char)p[k] & 0xC0) != 0x80)
      return 0;
  return need;
}

/* Invalid UTF-8 bytes in p[0..n): a line mostly of them is binary and is
   not quoted; a few are shown as '?'. */
static size_t invalid_bytes(const char *p, size_t n)
{
  size_t bad = 0;
  for (size_t i = 0; i < n;) {
    size_t l = utf8_len(p + i, n - i);
    if (!l) {
      bad++;
      l = 1;
    }
    i += l;
  }
  return bad;
}

/* Byte length of the first `chars` UTF-8 characters of p[0..n). */
static size_t skip_chars(const char *p, size_t n, int chars)
{
  size_t i = 0;
  for (int c = 0; c < chars && i < n; c++) {
    i++;
    while (i < n && ((unsigned char)p[i] & 0xC0) == 0x80)
      i++;
  }
  return i;
}

void diag_print(diag_list *dl, FILE *out, bool quote)
{
  size_t n;
  diag **all = diag_sorted(dl, &n);
  line_cursor cursor = {NULL, 0, NULL};
  for (size_t i = 0; i < n; i++) {
    diag *d = all[i];
    if (d->pos.file && d->pos.line > 0)
      fprintf(out, "%s:%d:%d: %s: %s\n", d->pos.file, d->pos.line, d->pos.col,
              sev_name(d->sev), d->msg);
    else if (d->pos.file)
      fprintf(out, "%s: %s: %s\n", d->pos.file, sev_name(d->sev), d->msg);
    else
      fprintf(out, "auditgen: %s: %s\n", sev_name(d->sev), d->msg);
    if (!quote || !d->pos.file || d->pos.line <= 0)
      continue;
    const struct source *s = dl->sources;
    while (s && strcmp(s->file, d->pos.file) != 0)
      s = s->next;
    if (!s)
      continue;
    size_t llen;
    const char *line = find_line(s, d->pos.line, &llen, &cursor);
    if (!line || invalid_bytes(line, llen) * 4 > llen)
      continue;
    /* A very long line is quoted as a window around the column. */
    size_t col_byte = skip_chars(line, llen, d->pos.col > 0 ? d->pos.col - 1 : 0);
    bool cut_left = false, cut_right = false;
    int col = d->pos.col;
    if (llen > 160) {
      size_t from = col_byte > 60 ? col_byte - 60 : 0;
      while (from > 0 && ((unsigned char)line[from] & 0xC0) == 0x80)
        from--;
      size_t to = from + 120 < llen ? from + 120 : llen;
      while (to < llen && ((unsigned char)line[to] & 0xC0) == 0x80)
        to++;
      cut_left = from > 0;
      cut_right = to < llen;
      int skipped = 0;
      for (size_t k = 0; k < from; k++)
        skipped += ((unsigned char)line[k] & 0xC0) != 0x80;
      col -= skipped;
      line += from;
      llen = to - from;
    }
    /* Quote the line with control bytes replaced, so binary input cannot
       drive the terminal. */
    fputs(cut_left ? "  …" : "  ", out);
    for (size_t k = 0; k < llen;) {
      size_t l = utf8_len(line + k, llen - k);
      unsigned char c = (unsigned char)line[k];
      if (!l)
        fputc('?', out);
      else if (l == 1)
        fputc(c < 0x20 || c == 0x7f ? ' ' : c, out);
      else
        fwrite(line + k, 1, l, out);
      k += l ? l : 1;
    }
    fputs(cut_right ? "…\n" : "\n", out);
    /* Columns count characters (as libyaml's marks do): walk UTF-8. */
    size_t col0 = skip_chars(line, llen, col > 0 ? col - 1 : 0);
    int pad = width_of(line, col0) + (cut_left ? 1 : 0);
    size_t chars = d->pos.len > 0 ? (size_t)d->pos.len : 1;
    size_t span = skip_chars(line + col0, llen - col0, (int)chars);
    int w = width_of(line + col0, span);
    fprintf(out, "  %*s", pad, "");
    for (int k = 0; k < (w > 0 ? w : 1); k++)
      fputc('^', out);
    fputc('\n', out);
  }
}
