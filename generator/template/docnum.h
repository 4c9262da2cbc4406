/* docnum.h — the numbers of headings, tables and figures of a document.
 *
 * Chapters count 1, 2, 3…; appendices are lettered A, B…; sections and
 * subsections count within them ("3.2", "B.1.4"); tables and figures count
 * within their chapter ("表 5-2", "Figure B-1"). Every renderer (the PDF's
 * layout, the Word writer) walks the blocks in order through one
 * doc_numbers, so the numbers are the same in every format. */
#ifndef GEN_DOCNUM_H
#define GEN_DOCNUM_H

#include <stddef.h>

#include "doc.h"

typedef struct doc_numbers {
  int chapter, section, sub, table_no, figure_no;
  char appendix;
} doc_numbers;

/* The number of heading b ("" when it is not numbered) into out. */
const char *doc_number_heading(doc_numbers *n, const doc_block *b, char *out,
                               size_t cap);
/* The number of the next table or figure ("5-2", "B-1", "3"). */
const char *doc_number_table(doc_numbers *n, char *out, size_t cap);
const char *doc_number_figure(doc_numbers *n, char *out, size_t cap);

#endif
