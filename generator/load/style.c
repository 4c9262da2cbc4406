/* style.c — reads a style file (see style.h). */
#include "style.h"

#include <stdlib.h>
#include <string.h>

#include "ytree.h"

static bool colour(schema *s, const ynode *n, const char *path, uint32_t *out)
{
  const char *v;
  if (!sch_str(s, n, path, &v))
    return false;
  char *end;
  if (v[0] != '#' || strlen(v) != 7 || (strtoul(v + 1, &end, 16), *end)) {
    diag_error(s->dl, n->pos, "%s: \"%s\" is not a colour #RRGGBB", path, v);
    return false;
  }
  *out = (uint32_t)strtoul(v + 1, NULL, 16);
  return true;
}

static const char *resolve(arena *a, const char *dir, const char *p)
{
  if (p[0] == '/')
    return p;
  return arena_printf(a, "%s/%s", dir, p);
}

style_file *style_load(arena *a, diag_list *dl, const units *u,
                       const char *path)
{
  schema s = {a, dl, u};
  ytree_limits lim = ytree_default_limits();
  bool io;
  size_t before = diag_errors(dl);
  ynode *root = ytree_load_file(a, dl, path, path, &lim, &io);
  if (!root)
    return NULL;
  static const char *const keys[] = {"firm",      "report_no", "colours",
                                     "margins_mm", "body_size", "line_spacing",
                                     "fonts",     "logo",       NULL};
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
  if (!sch_map(&s, root, "style", keys, req))
    return NULL;
  const char *slash = strrchr(path, '/');
  const char *dir = slash ? arena_strndup(a, path, (size_t)(slash - path)) : ".";
  const ynode *x;
  if ((x = ytree_get(root, "firm")))
    sch_text2(&s, x, "firm", &st->firm);
  if ((x = ytree_get(root, "report_no")))
    sch_str(&s, x, "report_no", &st->report_no);
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
        if (y && sch_str(&s, y, sch_path(&s, "fonts", fk[i]), &p))
          *dst[i] = resolve(a, dir, p);
      }
  }
  const char *logo;
  if ((x = ytree_get(root, "logo")) && !ytree_is_null(x) &&
      sch_str(&s, x, "logo", &logo)) {
    size_t n = strlen(logo);
    if (n < 4 || strcmp(logo + n - 4, ".png") != 0)
      diag_error(dl, x->pos, "logo: \"%s\" is not a PNG file", logo);
    else
      st->logo = resolve(a, dir, logo);
  }
  return diag_errors(dl) > before ? NULL : st;
}
