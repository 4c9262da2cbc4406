/* xlw.h — a workbook written as SpreadsheetML (.xlsx), in memory.
 *
 * The report's workbook (xlsx.c) and the intake workbook (import/intake.c)
 * are built through this small writer: a book of sheets, cells kept per
 * sheet (the last write to a cell wins), a table of cell styles
 * deduplicated into styles.xml, a shared strings table deduplicated by
 * text, formulas with their computed results stored, merged ranges,
 * column widths, row heights, frozen panes, print titles, page setup,
 * internal hyperlinks and list validations. xlw_finish writes the parts
 * (the package parts through base/opc.h) and zips them (base/zipw.h): the
 * same calls give the same bytes, and no clock or temporary file is used.
 *
 * Ownership: the book and everything in it live in the arena given to
 * xlw_new; strings handed to the writer are copied where they are kept.
 * Rows and columns are 0-based, as in the callers' loops. */
#ifndef GEN_XLW_H
#define GEN_XLW_H

#include <stdbool.h>
#include <stdint.h>

#include "../base/buf.h"
#include "../base/diag.h"
#include "../base/mem.h"
#include "../base/opc.h"

typedef struct xlw_book xlw_book;
typedef struct xlw_sheet xlw_sheet;

typedef enum { XLW_H_NONE, XLW_H_LEFT, XLW_H_CENTER, XLW_H_RIGHT } xlw_halign;
typedef enum { XLW_V_NONE, XLW_V_TOP, XLW_V_CENTER } xlw_valign;
typedef enum { XLW_BORDER_NONE, XLW_BORDER_BOTTOM, XLW_BORDER_BOX } xlw_border;

/* A cell's look; a zeroed struct is the default (General, 11 pt, no
   alignment, no fill, no border). */
typedef struct xlw_style {
  const char *num_format; /* Excel's format code; NULL: General */
  double font_size;       /* points; 0: 11 */
  bool bold, wrap;
  xlw_halign halign;
  xlw_valign valign;
  bool filled;
  uint32_t fill; /* 0xRRGGBB when filled */
  xlw_border border;
} xlw_style;

/* A new book. Style 0 is the default style. */
xlw_book *xlw_new(arena *a);
/* The id of a style (made once per distinct style; the strings of s are
   copied). */
int xlw_style_id(xlw_book *b, const xlw_style *s);

/* Adds a sheet named name (the caller makes it a name Excel accepts:
   at most 31 characters, none of []:*?/\, unique). */
xlw_sheet *xlw_add_sheet(xlw_book *b, const char *name);

/* Cells. A string that is empty writes a blank cell (nothing when style
   is 0), as does xlw_blank. A formula is Excel's text, with or without
   the leading '=', and result is what it computes (stored, so that a
   viewer that does not recalculate shows it). A number that is not
   finite is stored as the error #NUM!. */
void xlw_string(xlw_sheet *s, uint32_t row, uint32_t col, const char *text,
                int style);
void xlw_number(xlw_sheet *s, uint32_t row, uint32_t col, double v,
                int style);
void xlw_formula(xlw_sheet *s, uint32_t row, uint32_t col,
                 const char *formula, double result, int style);
void xlw_blank(xlw_sheet *s, uint32_t row, uint32_t col, int style);
/* text in the cell, a link to cell A1 of the sheet named target, in the
   hyperlink style (blue, underlined). */
void xlw_link(xlw_sheet *s, uint32_t row, uint32_t col, const char *target,
              const char *text);
/* Merges r0..r1 × c0..c1; text goes to the first cell, the others are
   blank in the same style (so borders and fill cover the whole range). */
void xlw_merge(xlw_sheet *s, uint32_t r0, uint32_t c0, uint32_t r1,
               uint32_t c1, const char *text, int style);

/* Columns c0..c1 width characters wide (as Excel's column width dialog). */
void xlw_col_width(xlw_sheet *s, uint32_t c0, uint32_t c1, double width);
/* Row row height points tall. */
void xlw_row_height(xlw_sheet *s, uint32_t row, double height);
/* Rows above row and columns left of col stay in view. */
void xlw_freeze(xlw_sheet *s, uint32_t row, uint32_t col);
/* Rows r0..r1 printed at the top of every page. */
void xlw_print_titles(xlw_sheet *s, uint32_t r0, uint32_t r1);
/* Printed on paper (Excel's paper code: 9 is A4), landscape or not,
   scaled to fit_w pages wide and fit_h tall (0: as many as it takes). */
void xlw_page(xlw_sheet *s, int paper, bool landscape, int fit_w, int fit_h);
/* The sheet hidden from the tabs. */
void xlw_hide(xlw_sheet *s);
/* Cells r0..r1 × c0..c1 take a value from a drop-down list: the values
   of the range formula (e.g. "=列表!$A$1:$A$60"); blanks allowed. */
void xlw_list_validation(xlw_sheet *s, uint32_t r0, uint32_t c0, uint32_t r1,
                         uint32_t c1, const char *formula);

/* Writes the package, with props as its document properties, into out.
   Returns false after a diagnostic (a zip error). */
bool xlw_finish(xlw_book *b, const opc_props *props, diag_list *dl,
                buf *out);

/* Column c's letters (0 → A, 26 → AA) into out; returns out. */
const char *xlw_col_name(uint32_t c, char out[8]);

#endif
