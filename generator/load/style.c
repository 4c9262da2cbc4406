/* style.c — reads a style file (see style.h).
 *
 * Input: the style file. Output: a style_file whose every value is in
 * range and whose files (three fonts and the logo) have been read and
 * checked: a face libharu would fail on or crash on, a CJK face without
 * Chinese, a logo that is not a PNG libharu can draw, are errors at the
 * key's position, reported before any facility is computed. */
#include "style.h"

#include <stdlib.h>
#include <string.h>

#include "../base/buf.h"
#include "../base/fileio.h"
#include "../base/image.h"
#include "../base/mem.h"
#include "../base/ttf.h"
#include "../base/utf8.h"
#include "ytree.h"

/* {====================================================== values */

static int hex_digit(char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static bool colour(schema *s, const ynode *n, const char *path, uint32_t *out)
{
  const char *v;
  if (!sch_str(s, n, path, &v))
    return false;
  bool ok = v[0] == '#' && strlen(v) == 7;
  uint32_t c = 0;
  for (int i = 1; ok && i < 7; i++) {
    int h = hex_digit(v[i]);
    ok = h >= 0;
    c = c << 4 | (uint32_t)(h < 0 ? 0 : h);
  }
  if (!ok) {
    diag_error(s->dl, n->pos, "%s: \"%s\" is not a colour #RRGGBB", path, v);
    return false;
  }
  *out = c;
  return true;
}

/* Text printed on the report (the firm's name, the report number): one
   line of at most max characters, no control characters. */
static void one_line(schema *s, const ynode *n, const char *path,
                     const char *v, size_t max)
{
  size_t chars = 0;
  for (const unsigned char *p = (const unsigned char *)v; *p; p++) {
    if (*p < 0x20 || *p == 0x7F) {
      diag_error(s->dl, n->pos, "%s: text contains a control character "
                                "(U+%04X); it must be one line",
                 path, *p);
      return;
    }
    chars += (*p & 0xC0) != 0x80;
  }
  if (chars > max)
    diag_error(s->dl, n->pos, "%s: %zu characters, more than the limit of "
                              "%zu",
               path, chars, max);
}

static const char *resolve(arena *a, const char *dir, const char *p)
{
  if (p[0] == '/')
    return p;
  return arena_printf(a, "%s/%s", dir, p);
}

/* }====================================================== */
/* {====================================================== files */

/* Reads the style's file at path (a font or the logo) whole; NULL after
   a diagnostic at pos when it cannot be read. */
static void file_error(schema *s, src_pos pos, const char *key,
                       const char *path, size_t max, int err)
{
  if (err == FILE_ERR_TOO_LARGE)
    diag_error(s->dl, pos, "%s: %s is larger than the limit of %u MB", key,
               path, (unsigned)(max >> 20));
  else if (err == FILE_ERR_NOT_REGULAR)
    diag_error(s->dl, pos, "%s: %s is not a regular file (a FIFO, device or "
                           "directory)",
               key, path);
  else
    diag_error(s->dl, pos, "%s: cannot open %s: %s%s", key, path,
               file_strerror(err),
               strncmp(key, "fonts.", 6) == 0
                   ? " (fonts/README.md says which Debian package provides "
                     "the shipped faces)"
                   : "");
}

static char *read_file(schema *s, src_pos pos, const char *key,
                       const char *path, size_t max, size_t *len)
{
  int err;
  char *data = file_read_regular(path, max, len, &err);
  if (!data)
    file_error(s, pos, key, path, max, err);
  return data;
}

/* The characters each face must have: a sample of the report's Chinese
   for the CJK face, printable ASCII for the Latin faces. */
static const char cjk_sample[] = "中文能源审计报告年，。";

/* Whether the face draws code point cp (glyph 0 is the "missing" box). */
static bool draws(const ttf_face *f, unsigned cp)
{
  unsigned g = ttf_glyph(f, cp);
  return g != 0 && ttf_has_outline(f, g);
}

/* Checks a font of the style: readable, a TrueType face libharu loads
   safely, with glyphs (outlines, not empty boxes) for its script. */
static void check_font(schema *s, const ynode *n, const char *key,
                       const char *path, bool cjk)
{
  size_t len;
  int err;
  /* mapped, not read: the check touches the tables, not the glyphs */
  const char *data = file_map_regular(path, TTF_MAX_BYTES, &len, &err);
  if (!data) {
    file_error(s, n->pos, key, path, TTF_MAX_BYTES, err);
    return;
  }
  ttf_face f;
  char why[200];
  if (!ttf_open(&f, data, len, why, sizeof why)) {
    diag_error(s->dl, n->pos, "%s: %s %s", key, path, why);
    file_unmap(data, len);
    return;
  }
  buf missing;
  buf_init(&missing);
  size_t n_missing = 0;
  unsigned cp;
  if (cjk) {
    for (const char *c = cjk_sample; *c;) {
      size_t k = utf8_decode(c, strlen(c), &cp);
      if (!draws(&f, cp) && n_missing++ < 6)
        buf_printf(&missing, "%s%.*s (U+%04X)", n_missing > 1 ? ", " : "",
                   (int)k, c, cp);
      c += k;
    }
  } else {
    for (cp = 0x21; cp < 0x7F; cp++)
      if (!draws(&f, cp) && n_missing++ < 6)
        buf_printf(&missing, cp == '"' ? "%sU+%04X" : "%s%c (U+%04X)",
                   n_missing > 1 ? ", " : "", cp == '"' ? cp : (unsigned)cp,
                   cp);
    if (!ttf_glyph(&f, ' ') && n_missing++ < 6)
      buf_printf(&missing, "%sspace (U+0020)", n_missing > 1 ? ", " : "");
  }
  if (n_missing)
    diag_error(s->dl, n->pos, "%s: %s has no glyph for %s%s; the report's "
                              "%s would print as blanks",
               key, path, missing.data, n_missing > 6 ? " and more" : "",
               cjk ? "Chinese" : "English and numbers");
  buf_fini(&missing);
  file_unmap(data, len);
}

/* Checks the logo: a PNG libharu draws (image.h), within the limits. */
static void check_logo(schema *s, const ynode *n, const char *path)
{
  size_t len;
  char *data = read_file(s, n->pos, "logo", path, IMAGE_MAX_BYTES, &len);
  if (!data)
    return;
  image_png img;
  char why[200];
  if (image_png_check(data, len, &img, why, sizeof why))
    mem_free(img.data);
  else
    diag_error(s->dl, n->pos, "logo: %s %s", path, why);
  mem_free(data);
}

/* }====================================================== */

style_file *style_load(arena *a, diag_list *dl, const units *u,
                       const char *path)
{
  schema s = {a, dl, u, NULL};
  ytree_limits lim = ytree_default_limits();
  bool io;
  size_t before = diag_errors(dl);
  ynode *root = ytree_load_file(a, dl, path, path, &lim, &io);
  if (!root)
    return NULL;
  static const char *const keys[] = {"firm",      "report_no", "colours",
                                     "margins_mm", "body_size", "line_spacing",
                                     "fonts",     "logo",       "word_fonts",
                                     NULL};
  static const char *const req[] = {"firm", "fonts", NULL};
  style_file *st = ARENA_NEW(a, style_file);
  st->primary = 0x1F4E79;
  st->band = 0xDCE6F0;
  st->text = 0x1A1A1A;
  st->secondary = 0x595959;
  st->rule = 0x7F7F7F;
  st->margin_top = 25;
  st->margin_bottom = st->margin_left = st->margin_right = 20;
  st->body_size = 10.5;
  st->line_spacing = 1.5;
  st->report_no = "";
  st->word_cjk = "宋体";
  st->word_cjk_heading = "黑体";
  st->word_latin = "Times New Roman";
  if (!sch_map(&s, root, "style", keys, req))
    return NULL;
  const char *slash = strrchr(path, '/');
  const char *dir = slash ? arena_strndup(a, path, (size_t)(slash - path)) : ".";
  const ynode *x;
  if ((x = ytree_get(root, "firm")) && sch_text2(&s, x, "firm", &st->firm)) {
    const ynode *zh = ytree_get(x, "zh"), *en = ytree_get(x, "en");
    one_line(&s, zh ? zh : x, zh ? "firm.zh" : "firm", st->firm.zh,
             STYLE_MAX_NAME);
    if (en)
      one_line(&s, en, "firm.en", st->firm.en, STYLE_MAX_NAME);
  }
  if ((x = ytree_get(root, "report_no")) &&
      sch_str(&s, x, "report_no", &st->report_no))
    one_line(&s, x, "report_no", st->report_no, STYLE_MAX_REPORT_NO);
  if ((x = ytree_get(root, "colours"))) {
    static const char *const ck[] = {"primary", "band", "text", "secondary",
                                     "rule", NULL};
    uint32_t *dst[] = {&st->primary, &st->band, &st->text, &st->secondary,
                       &st->rule};
    if (sch_map(&s, x, "colours", ck, NULL))
      for (int i = 0; ck[i]; i++) {
        const ynode *y = ytree_get(x, ck[i]);
        if (y)
          colour(&s, y, sch_path(&s, "colours", ck[i]), dst[i]);
      }
  }
  if ((x = ytree_get(root, "margins_mm"))) {
    static const char *const mk[] = {"top", "bottom", "left", "right", NULL};
    double *dst[] = {&st->margin_top, &st->margin_bottom, &st->margin_left,
                     &st->margin_right};
    if (sch_map(&s, x, "margins_mm", mk, NULL))
      for (int i = 0; mk[i]; i++) {
        const ynode *y = ytree_get(x, mk[i]);
        double v;
        if (y && sch_num(&s, y, sch_path(&s, "margins_mm", mk[i]), &v)) {
          if (v < 5 || v > 60)
            diag_error(dl, y->pos, "margins_mm.%s: %g mm is outside 5 to 60",
                       mk[i], v);
          else
            *dst[i] = v;
        }
      }
  }
  double v;
  if ((x = ytree_get(root, "body_size")) && sch_num(&s, x, "body_size", &v)) {
    if (v < 7 || v > 16)
      diag_error(dl, x->pos, "body_size: %g pt is outside 7 to 16", v);
    else
      st->body_size = v;
  }
  if ((x = ytree_get(root, "line_spacing")) &&
      sch_num(&s, x, "line_spacing", &v)) {
    if (v < 1 || v > 3)
      diag_error(dl, x->pos, "line_spacing: %g is outside 1 to 3", v);
    else
      st->line_spacing = v;
  }
  if ((x = ytree_get(root, "fonts"))) {
    static const char *const fk[] = {"cjk", "latin", "latin_bold", NULL};
    const char **dst[] = {&st->font_cjk, &st->font_latin, &st->font_latin_bold};
    if (sch_map(&s, x, "fonts", fk, fk))
      for (int i = 0; fk[i]; i++) {
        const ynode *y = ytree_get(x, fk[i]);
        const char *p;
        const char *key = sch_path(&s, "fonts", fk[i]);
        if (y && sch_str(&s, y, key, &p)) {
          *dst[i] = resolve(a, dir, p);
          check_font(&s, y, key, *dst[i], i == 0);
        }
      }
  }
  if ((x = ytree_get(root, "word_fonts"))) {
    /* names of installed fonts, for the Word document: one line each */
    static const char *const wk[] = {"cjk", "cjk_heading", "latin", NULL};
    const char **dst[] = {&st->word_cjk, &st->word_cjk_heading, &st->word_latin};
    if (sch_map(&s, x, "word_fonts", wk, NULL))
      for (int i = 0; wk[i]; i++) {
        const ynode *y = ytree_get(x, wk[i]);
        const char *key = sch_path(&s, "word_fonts", wk[i]);
        if (y && sch_str(&s, y, key, dst[i])) {
          if (!**dst[i])
            diag_error(dl, y->pos, "%s: a font name is required", key);
          one_line(&s, y, key, *dst[i], STYLE_MAX_FONT_NAME);
        }
      }
  }
  const char *logo;
  if ((x = ytree_get(root, "logo")) && !ytree_is_null(x) &&
      sch_str(&s, x, "logo", &logo)) {
    st->logo = resolve(a, dir, logo);
    check_logo(&s, x, st->logo);
  }
  return diag_errors(dl) > before ? NULL : st;
}
