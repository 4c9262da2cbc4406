/* style.h — a firm's style file (templates/style.yaml): name, report
 * number, colours, margins, type size, fonts and logo. Read like every
 * input: unknown keys and bad values are errors at file:line:column. The
 * fonts and the logo are read and checked when the style loads (a face
 * libharu cannot load safely, a CJK face without Chinese, a logo that is
 * not a PNG libharu can draw are errors at the key's position). */
#ifndef GEN_STYLE_H
#define GEN_STYLE_H

#include <stdbool.h>
#include <stdint.h>

#include "../base/diag.h"
#include "../base/mem.h"
#include "schema.h"

/* Limits of the texts the style prints (characters). */
#define STYLE_MAX_NAME 200
#define STYLE_MAX_REPORT_NO 60
#define STYLE_MAX_FONT_NAME 31 /* Windows: a face name has at most 31 characters */

typedef struct style_file {
  text2 firm;
  const char *report_no;
  uint32_t primary, band, text, secondary, rule;
  double margin_top, margin_bottom, margin_left, margin_right; /* mm */
  double body_size, line_spacing;
  const char *font_cjk, *font_latin, *font_latin_bold; /* absolute paths */
  const char *logo;   /* PNG, or NULL */
  /* font names for the Word document (installed fonts, not files) */
  const char *word_cjk, *word_cjk_heading, *word_latin;
} style_file;

/* Loads path; font and logo paths relative to the file's folder are
   resolved, and the files are read and checked. Returns NULL after
   diagnostics. */
style_file *style_load(arena *a, diag_list *dl, const units *u,
                       const char *path);

#endif
