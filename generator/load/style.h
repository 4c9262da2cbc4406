/* style.h — a firm's style file (templates/style.yaml): name, report
 * number, colours, margins, type size and fonts. Read like every input:
 * unknown keys and bad values are errors at file:line:column. */
#ifndef GEN_STYLE_H
#define GEN_STYLE_H

#include <stdbool.h>
#include <stdint.h>

#include "../base/diag.h"
#include "../base/mem.h"
#include "schema.h"

typedef struct style_file {
  text2 firm;
  const char *report_no;
  uint32_t primary, band, text, secondary, rule;
  double margin_top, margin_bottom, margin_left, margin_right; /* mm */
  double body_size, line_spacing;
  const char *font_cjk, *font_latin, *font_latin_bold; /* absolute paths */
  const char *logo;   /* PNG, or NULL */
} style_file;

/* Loads path; font paths relative to the file's folder are resolved.
   Returns NULL after diagnostics. */
style_file *style_load(arena *a, diag_list *dl, const units *u,
                       const char *path);

#endif
