/* forms.h — the official forms a firm files (statistics form 205-1, the
 * energy-use status report's tables, the carbon data tables), as layouts
 * read from templates/forms/NAME.yaml and filled from the results.
 *
 * Input: the form layouts (one YAML file a sheet; format in
 * templates/README.md "Forms") and the results tree. Output: one grid
 * per form — the title, the header block, merged header rows, the
 * column-number row, the rows with their cells (texts, numbers unrounded
 * with the form's format, formulas with their computed results), the
 * notes and the footer — that the xlsx writer sets out cell by cell.
 *
 * Loading checks every key, expression (against the results schema),
 * unit, column reference and sheet name before anything is filled;
 * errors go to the diag list with form-file:line:column. Filling fails
 * only on size (an expression budget, too many rows). */
#ifndef GEN_FORMS_H
#define GEN_FORMS_H

#include <stdbool.h>
#include <stddef.h>

#include "../base/diag.h"
#include "../base/mem.h"
#include "../base/value.h"
#include "../load/units.h"
#include "doc.h"

typedef struct form_set form_set;

/* Loads every forms/NAME.yaml of shipped_dir, then of firm_dir (NULL or
   the same folder: none): a firm's file replaces the shipped file of the
   same NAME, a new NAME adds a form; the forms are taken in the order of
   their file names. A missing forms/ folder holds no forms. Returns the
   set (it may be empty), or NULL after diagnostics; *io is set when a
   file could not be read. */
form_set *forms_load(arena *a, diag_list *dl, const units *u,
                     const char *shipped_dir, const char *firm_dir, bool *io);

/* How many forms the set holds. */
size_t forms_count(const form_set *fs);

typedef struct form_cell {
  doc_text text;       /* a text cell (zh NULL: no text) */
  bool num;            /* holds a number */
  double v;            /* the number, unrounded (a formula's result) */
  const char *fmt;     /* template number format: "0.00", "%", "#" */
  const char *formula; /* the Excel formula whose result v is, or NULL */
} form_cell;

typedef struct form_col {
  doc_text head[2]; /* header levels; head[1].zh NULL for one level */
  const char *no;   /* the column-number row's mark (甲, 1 …), or NULL */
  double width;     /* characters */
  int align;        /* texts: 0 left, 1 centre, 2 right */
} form_col;

typedef struct form_grid {
  doc_text sheet, title;
  doc_text *corner; /* the block at the right: 表号, 制定机关 … */
  size_t n_corner;
  doc_text *info; /* lines at the left under the title */
  size_t n_info;
  form_col *cols;
  size_t ncols;
  size_t head_levels; /* 1 or 2 */
  bool numbers_row;   /* a column has a mark */
  form_cell *cells;   /* nrows × ncols */
  bool *total;        /* per row: set in bold */
  size_t nrows;
  doc_text *notes;
  size_t n_notes;
  doc_text *footer;
  size_t n_footer;
  unsigned first_row; /* 0-based sheet row of the first body row */
} form_grid;

/* Fills every form of fs against results into *n grids (arena). Returns
   NULL after a diagnostic when a budget runs out (expression work, rows
   of a form). */
form_grid *forms_fill(arena *a, diag_list *dl, const form_set *fs,
                      const value *results, size_t *n);

#endif
