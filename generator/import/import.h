/* import.h — client spreadsheets in, facility YAML text out; and the intake
 * workbook the client fills in.
 *
 * Three steps, each its own file:
 *   book.c    xlsx (libzip + expat, streamed) or CSV → a book of sheets of
 *             cells, each cell with its row and column (A1 in messages);
 *   forms.c   a book's sheets read as form 205-1, the monthly ledger, a
 *             meter list, an equipment list or the path/value sheet →
 *             a tree of keys and values, every value with its cell;
 *   emit.c    that tree → facility YAML text, each value commented with
 *             the cell it came from (`# 205-1!F12`).
 *   intake.c  a facility file (or nothing) → the intake workbook
 *             (xlsx/xlw.h) with the same forms and drop-down lists.
 *
 * Nothing here prints or exits. Problems go to an imp_msgs list, each
 * naming its place as `file:sheet!cell` (or `file:line` for CSV, or the
 * part and line of bad XML), in the order they were found; the caller
 * prints them. Every object lives in the run's arena. */
#ifndef GEN_IMPORT_H
#define GEN_IMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../base/buf.h"
#include "../base/mem.h"

/* {====================================================== messages */

typedef struct imp_msg {
  bool error;        /* false: a warning */
  const char *where; /* "file:sheet!B7", "file", "file:3" */
  const char *text;
} imp_msg;

typedef struct imp_msgs {
  arena *a;
  imp_msg *items;
  size_t n, cap;
  size_t errors;
  bool io; /* a file could not be read (exit 3), not bad content */
} imp_msgs;

void imp_error(imp_msgs *m, const char *where, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void imp_warn(imp_msgs *m, const char *where, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* {====================================================== the book */

typedef enum { IC_NUM, IC_STR, IC_BOOL, IC_ERR } icell_kind;

/* A number shown as a date: its serial counts days from 1899-12-30 (the
   1900 system, with Excel's fictitious 1900-02-29 as serial 60) or from
   1904-01-01 (workbookPr date1904). */
enum { IMP_DATE_NONE, IMP_DATE_1900, IMP_DATE_1904 };

typedef struct icell {
  uint32_t row, col; /* 1-based */
  icell_kind kind;
  unsigned char date; /* IC_NUM with a date format: IMP_DATE_1900/1904 */
  double num;        /* IC_NUM, IC_BOOL (0/1) */
  const char *str;   /* IC_STR, IC_ERR: text (UTF-8) */
} icell;

typedef struct imerge {
  uint32_t r1, c1, r2, c2;
} imerge;

typedef struct isheet {
  const char *name;
  icell *cells; /* sorted by row, then column; no two at one place; on
                   the heap (imp_free) */
  size_t n, cap;
  imerge *merges;
  size_t n_merges, cap_merges;
  uint32_t max_row, max_col;
  size_t *row_start; /* index of the first cell of each row 0..max_row+1 */
  unsigned char *merged_row; /* [0..max_row]: 1 when a merged range covers
                                the row (the ranges are searched only then) */
} isheet;

typedef struct ibook {
  const char *file; /* as named on the command line */
  const char *stem; /* the file name without folder and extension */
  bool csv;
  isheet *sheets;
  size_t n, cap;
} ibook;

/* Limits on hostile input. */
#define IMP_MAX_PART (512u << 20)   /* bytes of an xlsx inflated, all parts */
#define IMP_MAX_CELLS 8000000u       /* cells with a value in a book */
#define IMP_MAX_STRING 32767u        /* characters in a cell (Excel's) */
#define IMP_MAX_ROW 1048576u
#define IMP_MAX_COL 16384u
#define IMP_MAX_MERGES 2000u          /* merged ranges in a sheet */
#define IMP_MAX_FILE ((size_t)1 << 30) /* bytes of a workbook or CSV */
#define IMP_MAX_PARTS 10000u         /* entries of an xlsx zip */

/* Reads FILE (.xlsx or .csv, by its extension) into a book. encoding is
   NULL or "utf-8" (a BOM allowed) or "gbk" (GB18030, through iconv) and
   applies to CSV only. Returns NULL after adding messages (m->io set when
   the file could not be opened or read). */
ibook *imp_read(arena *a, imp_msgs *m, const char *file, const char *encoding);

/* Releases the cells of a book's sheets (they live on the heap: a big
   sheet's array grows in place); the rest lives in the arena. */
void imp_free(ibook *b);

/* The cell at row, col (1-based) or NULL. The merged region's top-left
   cell when merged is true and the place lies in a merged region. */
const icell *imp_cell(const isheet *s, uint32_t row, uint32_t col,
                      bool merged);
/* The calendar date of a date cell (c->date set): false with *why for a
   serial that is no date (a time of day, 1900-02-29, out of range). */
bool imp_date(const icell *c, int *y, int *m, int *d, const char **why);
/* "B7" for row 7, column 2, in arena a. */
const char *imp_ref(arena *a, uint32_t row, uint32_t col);
/* Parses "B7" (letters then digits) into row and column; false when it is
   not a reference or lies beyond Excel's 1,048,576 rows or 16,384
   columns. */
bool imp_parse_ref(const char *s, size_t n, uint32_t *row, uint32_t *col);

/* {====================================================== the tree */

typedef enum { IN_MAP, IN_SEQ, IN_SCALAR } inode_kind;

typedef struct inode inode;
struct inode {
  inode_kind kind;
  const char *key;   /* in a map: this entry's key */
  const char *text;  /* scalar */
  bool plain;        /* write unquoted (booleans, numbers of a count) */
  const char *src;   /* "205-1!F12", written as a comment */
  const char *note;  /* a placeholder's explanation, as a comment */
  bool flow;         /* a sequence of scalars written on one line */
  bool guess;        /* read from another cell's words (a meter's carrier
                        from its name): a value given plainly replaces it */
  inode **kids;
  size_t n, cap;
  struct strmap *ids; /* a sequence: item index by id (items 0..indexed) */
  size_t indexed;
};

/* What forms may be read from a sheet. */
typedef enum {
  IMP_FORM_AUTO,
  IMP_FORM_205,
  IMP_FORM_LEDGER,
  IMP_FORM_METERS,
  IMP_FORM_EQUIPMENT,
  IMP_FORM_OTHER
} imp_form;

/* Reads the books' sheets as forms (form: the --form option, or AUTO to
   recognise each sheet by its header) and returns the facility tree, with
   placeholders for the required fields no form carried. NULL when an
   error was added. */
inode *imp_forms(arena *a, imp_msgs *m, ibook **books, size_t n_books,
                 imp_form form);

/* Appends the facility YAML text of the tree to out. */
void imp_emit(buf *out, const inode *root, const char *const *files,
              size_t n_files);

/* {====================================================== intake workbook */

/* Writes the intake workbook for the facility file at yaml_path (NULL for
   a blank one) and returns its bytes (mem_alloc'd; the caller frees
   them) with *len. NULL after messages (m->io for a write failure). */
char *imp_intake(arena *a, imp_msgs *m, const char *yaml_path, size_t *len);

#endif
