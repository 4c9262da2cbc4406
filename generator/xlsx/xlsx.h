/* xlsx.h — the report's tables as an Excel workbook (written by xlw.h).
 *
 * Input: the document tree the PDF and the Word document are made from
 * (template/doc.h), the results (for the factors sheet) and the output
 * language. Output: the bytes of an .xlsx file. Every table of the report
 * is a sheet named by its number and caption, with its header row frozen
 * and units in the headers or in the number formats; cells hold the
 * numbers unrounded (doc_num) under number formats that round them as
 * the report does; a total row that is the sum of the rows above it is a
 * SUM formula, a share column that is a column over its total is a ratio
 * formula, each with its computed result stored, so a viewer that does
 * not recalculate shows the right numbers and an auditor who changes a
 * quantity sees the total move. After the tables come the filing forms
 * (template/forms.h), then a last sheet lists every factor with its
 * source; a contents sheet links to every sheet. */
#ifndef GEN_XLSX_H
#define GEN_XLSX_H

#include <stdbool.h>
#include <stdint.h>

#include "../base/buf.h"
#include "../base/diag.h"
#include "../base/mem.h"
#include "../base/value.h"
#include "../layout/layout.h"
#include "../template/doc.h"
#include "../template/forms.h"

typedef doc_info xlsx_info; /* template/doc.h */

/* Writes the workbook of d into out: the contents, the tables, the
   filing forms (nforms grids of forms.h, each a sheet laid out as the
   form is: title, header block, merged header rows, column numbers,
   rows, notes, footer), the factors. Returns false after a diagnostic
   (a zip error). */
bool xlsx_write(arena *a, diag_list *dl, const doc *d, const value *results,
                const form_grid *forms, size_t nforms, lay_lang lang,
                const xlsx_info *info, buf *out);

/* The Excel number format for a template format ("0.00" → "#,##0.00",
   "%" → "0.0%", "#" → "0"), with suffix (a unit) shown after the
   number; NULL for a format that is not a number's. */
const char *xlsx_num_format(arena *a, const char *fmt, const char *suffix);

#endif
