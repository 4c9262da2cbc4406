/* diag.c — collects diagnostics and prints them with source quotes.
 *
 * Input: positions from the loader (1-based, already converted from
 * libyaml's 0-based marks) and messages. Output: text on a stream. The
 * order of printing does not depend on the order stages ran: diagnostics
 * are sorted by position, stable for equal positions.
 *
 * Invariants: nothing from the input reaches the stream unescaped (see
 * diag.h); the work of printing is linear in the size of the sources plus
 * what is printed — lines are found by one forward pass per file, since
 * the diagnostics of a file print in line order, and at most
 * DIAG_SHOWN_PER_FILE of each severity are kept per file. */
#include "diag.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "strmap.h"
#include "utf8.h"

/* An unquoted run of characters without a space (a key path, a file name)
   is cut after this many; a whole message after MSG_MAX. */
#define WORD_MAX 120
#define MSG_MAX 1000
/* A line longer than this (bytes) is quoted as a window around the
   column: WINDOW_LEFT characters before it, WINDOW characters in all. */
#define LONG_LINE 160
#define WINDOW_LEFT 60
#define WINDOW 120

struct source {
  const char *file, *text;
  size_t len;
  diag_lines how;
  /* The forward cursor over lines: line `line` spans [at, end). */
  int line;
  size_t at, end;
  size_t shown;     /* the end shown: a TEXT line hides the CR of CR LF */
  int binary;       /* the line is mostly not UTF-8: -1 unknown */
  int col;          /* the column cursor in that line: character col - 1 */
  size_t col_at;    /* starts at byte col_at */
};

/* Diagnostics kept and not kept, per file and severity. */
struct tally {
  const char *file;
  size_t kept[3], hidden[3];
};

struct alias {
  const char *file;
  int line, col;       /* of the alias */
  const char *name;
  int aline, acol;     /* of the anchored node */
};

struct diag_list {
  arena *a;
  diag *head, *tail;
  size_t n, errors, warnings;
  strmap *source_index; /* file -> slot in sources */
  struct source **sources;
  size_t n_sources, cap_sources;
  strmap *tally_index;
  struct tally **tallies;
  size_t n_tallies, cap_tallies;
  struct tally *last;
  struct alias *aliases; /* open addressing on (line, col) */
  size_t n_aliases, cap_aliases;
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
  dl->tally_index = strmap_new(a);
  dl->source_index = strmap_new(a);
  dl->seen = strmap_new(a);
  return dl;
}

/* {====================================================== characters */

/* One character as it is shown: the bytes, or an escape. */
static size_t char_len(const char *p, size_t n)
{
  unsigned cp;
  size_t l = utf8_decode(p, n, &cp);
  return l ? l : 1;
}

int diag_chars(const char *p, size_t n)
{
  int c = 0;
  for (size_t i = 0; i < n; i += char_len(p + i, n - i))
    c++;
  return c;
}

/* Characters that move the cursor, ring, erase, reorder the text around
   them or hide: controls (C0, DEL, C1), bidirectional marks, embeddings,
   overrides and isolates, line and paragraph separators, zero-width and
   invisible format characters. */
static bool hidden_cp(unsigned cp)
{
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x061C ||
         cp == 0x180E || (cp >= 0x200B && cp <= 0x200F) ||
         (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x206F) ||
         cp == 0xFEFF || (cp >= 0xFFF9 && cp <= 0xFFFB) ||
         (cp >= 0xE0000 && cp <= 0xE007F);
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

/* Writes the character at p (n bytes left) as it is shown into out (at
   least 12 bytes); returns its bytes in the source and sets *olen and its
   width in terminal columns *w. A tab shows as a space when tab_space. */
static size_t show_char(const char *p, size_t n, bool tab_space, char *out,
                        size_t *olen, int *w)
{
  unsigned cp;
  size_t l = utf8_decode(p, n, &cp);
  if (!l) {
    *olen = (size_t)snprintf(out, 12, "\\x%02x", (unsigned char)p[0]);
    *w = (int)*olen;
    return 1;
  }
  if (cp == '\t' && tab_space) {
    out[0] = ' ';
    *olen = 1;
    *w = 1;
  } else if (hidden_cp(cp)) {
    *olen = (size_t)snprintf(out, 12,
                             cp < 0x80      ? "\\x%02x"
                             : cp <= 0xFFFF ? "\\u%04x"
                                            : "\\U%08x",
                             cp);
    *w = (int)*olen;
  } else {
    memcpy(out, p, l);
    *olen = l;
    *w = wide(cp) ? 2 : 1;
  }
  return l;
}

/* Appends s escaped, nothing cut (file names). */
static void put_clean(buf *out, const char *s)
{
  size_t n = strlen(s);
  for (size_t i = 0; i < n;) {
    char tmp[12];
    size_t ol;
    int w;
    i += show_char(s + i, n - i, false, tmp, &ol, &w);
    buf_add(out, tmp, ol);
  }
}

/* Appends message s[0..n) to b made safe: escapes as put_clean, a
   "quoted" run cut after DIAG_QUOTE_MAX characters, an unquoted word after
   WORD_MAX, the whole after MSG_MAX. */
static void clean_message(buf *b, const char *s, size_t n)
{
  bool quoted = false, cut = false;
  size_t run = 0, total = 0;
  for (size_t i = 0; i < n;) {
    if (total >= MSG_MAX) {
      buf_puts(b, "…");
      return;
    }
    char c = s[i];
    if (c == '"' || (c == ' ' && !quoted)) {
      quoted ^= c == '"';
      run = 0;
      cut = false;
      buf_putc(b, c);
      i++;
      total++;
      continue;
    }
    char tmp[12];
    size_t ol;
    int w;
    size_t l = show_char(s + i, n - i, false, tmp, &ol, &w);
    i += l;
    if (++run > (quoted ? DIAG_QUOTE_MAX : WORD_MAX)) {
      if (!cut)
        buf_puts(b, "…");
      cut = true;
      continue;
    }
    buf_add(b, tmp, ol);
    total++;
  }
}

/* }====================================================== */
/* {====================================================== lines */

void diag_add_source_lines(diag_list *dl, const char *file, const char *text,
                           size_t len, diag_lines how)
{
  struct source *s = ARENA_NEW(dl->a, struct source);
  s->file = file;
  s->text = text;
  s->len = len;
  s->how = how;
  /* a file registered again is quoted from its newest text */
  long i = strmap_put(dl->source_index, file, (long)dl->n_sources);
  if (i >= 0)
    dl->sources[i] = s;
  else
    *ARENA_PUSH(dl->a, dl->sources, dl->n_sources, dl->cap_sources) = s;
}

void diag_add_source(diag_list *dl, const char *file, const char *text,
                     size_t len)
{
  diag_add_source_lines(dl, file, text, len, DIAG_LINES_TEXT);
}

/* Bytes of the line break at text[i], 0 when there is none. */
static size_t break_at(const char *text, size_t len, size_t i, diag_lines how)
{
  const unsigned char *t = (const unsigned char *)text;
  if (t[i] == '\n')
    return 1;
  if (how == DIAG_LINES_TEXT)
    return 0;
  if (t[i] == '\r')
    return i + 1 < len && t[i + 1] == '\n' ? 2 : 1;
  if (t[i] == 0xC2 && i + 1 < len && t[i + 1] == 0x85)
    return 2;
  if (t[i] == 0xE2 && i + 2 < len && t[i + 1] == 0x80 &&
      (t[i + 2] == 0xA8 || t[i + 2] == 0xA9))
    return 3;
  return 0;
}

/* Where the first line starts: after a UTF-8 byte order mark. */
static size_t text_start(const char *text, size_t len)
{
  return len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

/* The end of the line starting at i: its break, or the end of the text. */
static size_t line_end(const char *text, size_t len, size_t i, diag_lines how)
{
  if (how == DIAG_LINES_TEXT) {
    const char *nl = memchr(text + i, '\n', len - i);
    return nl ? (size_t)(nl - text) : len;
  }
  while (i < len && !break_at(text, len, i, how))
    i++;
  return i;
}

src_pos diag_locate(const char *file, const char *text, size_t len,
                    size_t off, diag_lines how)
{
  src_pos p = {file, 1, 1, 0};
  size_t i = text_start(text, len);
  if (off > len)
    off = len;
  while (i < off) {
    size_t br = break_at(text, len, i, how);
    if (br) {
      i += br;
      if (i > off)
        break; /* inside a "\r\n": the break itself */
      p.line++;
      p.col = 1;
    } else {
      size_t l = char_len(text + i, len - i);
      if (i + l > off)
        break;
      i += l;
      p.col++;
    }
  }
  return p;
}

size_t diag_offset(const char *text, size_t len, int line, int col,
                   diag_lines how)
{
  size_t i = text_start(text, len);
  for (int l = 1; l < line && i < len; l++) {
    i = line_end(text, len, i, how);
    if (i < len)
      i += break_at(text, len, i, how);
  }
  size_t end = line_end(text, len, i, how);
  for (int c = 1; c < col && i < end; c++)
    i += char_len(text + i, end - i);
  return i;
}

static void set_shown(struct source *s)
{
  s->shown = s->end;
  if (s->how == DIAG_LINES_TEXT && s->shown > s->at &&
      s->text[s->shown - 1] == '\r')
    s->shown--;
}

/* Moves the source's cursor to line `line`; false when the text has no
   such line (or it is the empty remainder after the last break). */
static bool seek_line(struct source *s, int line)
{
  if (s->line == 0 || line < s->line) {
    s->line = 1;
    s->at = text_start(s->text, s->len);
    s->end = line_end(s->text, s->len, s->at, s->how);
    set_shown(s);
    s->binary = -1;
    s->col = 0;
    s->col_at = s->at;
  }
  while (s->line < line) {
    if (s->end >= s->len)
      return false;
    s->at = s->end + break_at(s->text, s->len, s->end, s->how);
    s->end = line_end(s->text, s->len, s->at, s->how);
    set_shown(s);
    s->line++;
    s->binary = -1;
    s->col = 0;
    s->col_at = s->at;
  }
  return s->at < s->len;
}

/* The byte of character `col` (0-based) of the cursor's line, or the end
   of the line. Moves the column cursor forward when it can. */
static size_t seek_col(struct source *s, int col)
{
  if (col < s->col) {
    s->col = 0;
    s->col_at = s->at;
  }
  while (s->col < col && s->col_at < s->shown) {
    s->col_at += char_len(s->text + s->col_at, s->shown - s->col_at);
    s->col++;
  }
  return s->col_at;
}

/* A line mostly of bytes that are not UTF-8 is binary and not quoted. */
static bool binary_line(struct source *s)
{
  if (s->binary < 0) {
    size_t bad = 0, n = s->shown - s->at;
    unsigned cp;
    for (size_t i = 0; i < n;) {
      size_t l = utf8_decode((const char *)s->text + s->at + i, n - i,
                           &cp);
      bad += !l;
      i += l ? l : 1;
    }
    s->binary = bad * 4 > n;
  }
  return s->binary;
}

/* Quotes the line of d and puts carets under its span. */
static void quote_line(struct source *s, const diag *d, buf *out)
{
  if (!seek_line(s, d->pos.line) || binary_line(s))
    return;
  int col = d->pos.col > 0 ? d->pos.col - 1 : 0;
  const char *text = s->text;
  size_t end = s->shown;
  /* A very long line is quoted as a window around the column. */
  bool long_line = end - s->at > LONG_LINE;
  int first = long_line && col > WINDOW_LEFT ? col - WINDOW_LEFT : 0;
  size_t from = seek_col(s, first);
  size_t to = end;
  if (long_line) {
    to = from;
    for (int k = 0; k < WINDOW && to < end; k++)
      to += char_len(text + to, end - to);
  }
  bool cut_left = from > s->at, cut_right = to < end;
  buf_puts(out, cut_left ? "  …" : "  ");
  /* Pad to the column and count the span in shown columns: an escape is
     as wide as its text. */
  int pad = cut_left ? 1 : 0, span = 0;
  int chars = d->pos.len > 0 ? d->pos.len : 1;
  int c = first;
  for (size_t i = from; i < to; c++) {
    char tmp[12];
    size_t ol;
    int w;
    i += show_char(text + i, to - i, true, tmp, &ol, &w);
    buf_add(out, tmp, ol);
    if (c < col)
      pad += w;
    else if (c < col + chars)
      span += w;
  }
  /* a column past the end of the line puts the caret just after it */
  buf_puts(out, cut_right ? "…\n" : "\n");
  buf_printf(out, "  %*s", pad, "");
  for (int k = 0; k < (span > 0 ? span : 1); k++)
    buf_putc(out, '^');
  buf_putc(out, '\n');
}

/* }====================================================== */
/* {====================================================== adding */

static struct tally *tally_of(diag_list *dl, const char *file)
{
  const char *key = file ? file : "";
  if (dl->last && strcmp(dl->last->file, key) == 0)
    return dl->last;
  long i = strmap_get(dl->tally_index, key);
  if (i < 0) {
    struct tally *t = ARENA_NEW(dl->a, struct tally);
    t->file = key;
    i = (long)dl->n_tallies;
    *ARENA_PUSH(dl->a, dl->tallies, dl->n_tallies, dl->cap_tallies) = t;
    strmap_put(dl->tally_index, key, i);
  }
  dl->last = dl->tallies[i];
  return dl->last;
}

bool diag_capped(diag_list *dl, const char *file)
{
  return tally_of(dl, file)->kept[DIAG_ERROR] >= DIAG_SHOWN_PER_FILE;
}

static size_t alias_slot(const diag_list *dl, const char *file, int line,
                         int col)
{
  size_t mask = dl->cap_aliases - 1;
  size_t i = ((size_t)line * 2654435761u + (size_t)col * 40503u) & mask;
  while (dl->aliases[i].file &&
         (dl->aliases[i].line != line || dl->aliases[i].col != col ||
          strcmp(dl->aliases[i].file, file) != 0))
    i = (i + 1) & mask;
  return i;
}

void diag_note_alias(diag_list *dl, src_pos alias, const char *name,
                     src_pos anchored)
{
  if (!alias.file || alias.line <= 0)
    return;
  if ((dl->n_aliases + 1) * 2 > dl->cap_aliases) {
    struct alias *old = dl->aliases;
    size_t oc = dl->cap_aliases;
    dl->cap_aliases = oc ? oc * 2 : 64;
    dl->aliases = ARENA_ARRAY(dl->a, struct alias, dl->cap_aliases);
    for (size_t j = 0; j < oc; j++)
      if (old[j].file)
        dl->aliases[alias_slot(dl, old[j].file, old[j].line, old[j].col)] =
            old[j];
  }
  struct alias *r =
      &dl->aliases[alias_slot(dl, alias.file, alias.line, alias.col)];
  if (!r->file)
    dl->n_aliases++;
  r->file = alias.file;
  r->line = alias.line;
  r->col = alias.col;
  r->name = arena_strdup(dl->a, name);
  r->aline = anchored.line;
  r->acol = anchored.col;
}

void diag_add(diag_list *dl, diag_severity sev, src_pos pos, const char *fmt,
              ...)
{
  buf raw, b;
  buf_init(&raw);
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
    buf_add(&raw, big, (size_t)n);
    mem_free(big);
  } else if (n > 0) {
    buf_add(&raw, tmp, (size_t)n);
  }
  clean_message(&b, raw.data, raw.len);
  if (dl->n_aliases && pos.file && pos.line > 0) {
    const struct alias *r =
        &dl->aliases[alias_slot(dl, pos.file, pos.line, pos.col)];
    if (r->file) {
      buf_clear(&raw);
      buf_printf(&raw, ": via alias *%s at %d:%d, anchored at %d:%d", r->name,
                 r->line, r->col, r->aline, r->acol);
      clean_message(&b, raw.data, raw.len);
    }
  }
  const char *msg = arena_strndup(dl->a, b.data, b.len);
  buf_fini(&raw);
  buf_fini(&b);
  /* The same message at the same place counts once: a template included
     5,000 times would repeat each of its errors 5,000 times. */
  const char *key = arena_printf(dl->a, "%d:%s:%d:%d:%d:%s", (int)sev,
                                 pos.file ? pos.file : "", pos.line, pos.col,
                                 pos.len, msg);
  if (strmap_put(dl->seen, key, 0) >= 0)
    return;
  if (sev == DIAG_ERROR)
    dl->errors++;
  else if (sev == DIAG_WARNING)
    dl->warnings++;
  struct tally *t = tally_of(dl, pos.file);
  if (t->kept[sev] >= DIAG_SHOWN_PER_FILE) {
    t->hidden[sev]++;
    return;
  }
  t->kept[sev]++;
  diag *d = ARENA_NEW(dl->a, diag);
  d->msg = msg;
  d->sev = sev;
  d->pos = pos;
  if (dl->tail)
    dl->tail->next = d;
  else
    dl->head = d;
  dl->tail = d;
  dl->n++;
}

size_t diag_errors(const diag_list *dl) { return dl->errors; }
size_t diag_warnings(const diag_list *dl) { return dl->warnings; }

/* }====================================================== */
/* {====================================================== printing */

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

static const char *sev_name(diag_severity s)
{
  return s == DIAG_ERROR ? "error" : s == DIAG_WARNING ? "warning" : "note";
}

/* After a file's last diagnostic: how many more were found. */
static void print_hidden(diag_list *dl, const char *file, buf *out)
{
  const struct tally *t = tally_of(dl, file);
  static const char *const what[] = {"error", "warning", "note"};
  for (int k = 0; k < 3; k++) {
    if (!t->hidden[k])
      continue;
    if (file)
      put_clean(out, file);
    else
      buf_puts(out, "auditgen");
    buf_printf(out, ": … and %zu more %s%s (not shown)\n", t->hidden[k],
               what[k], t->hidden[k] == 1 ? "" : "s");
  }
}

void diag_print(diag_list *dl, FILE *out, bool quote)
{
  size_t n;
  diag **all = diag_sorted(dl, &n);
  /* Each diagnostic is written at once: stderr is not buffered. */
  buf b;
  buf_init(&b);
  for (size_t i = 0; i < n; i++) {
    diag *d = all[i];
    buf_clear(&b);
    if (d->pos.file) {
      put_clean(&b, d->pos.file);
      if (d->pos.line > 0)
        buf_printf(&b, ":%d:%d", d->pos.line, d->pos.col);
      buf_printf(&b, ": %s: %s\n", sev_name(d->sev), d->msg);
    } else {
      buf_printf(&b, "auditgen: %s: %s\n", sev_name(d->sev), d->msg);
    }
    if (quote && d->pos.file && d->pos.line > 0) {
      long k = strmap_get(dl->source_index, d->pos.file);
      if (k >= 0)
        quote_line(dl->sources[k], d, &b);
    }
    const char *f = d->pos.file ? d->pos.file : "";
    const char *g = i + 1 < n && all[i + 1]->pos.file ? all[i + 1]->pos.file
                                                      : "";
    if (i + 1 == n || strcmp(f, g) != 0)
      print_hidden(dl, d->pos.file, &b);
    fwrite(b.data, 1, b.len, out);
  }
  buf_fini(&b);
}

/* }====================================================== */
