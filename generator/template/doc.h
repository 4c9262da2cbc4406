/* doc.h — the document tree: what the template stage hands to layout.
 *
 * A flat list of blocks in reading order (cmark's shape, flattened: a
 * report has no nesting that layout needs). Every piece of text exists in
 * both languages; layout picks per the output mode. The layout and pdf
 * stages know nothing of energy or carbon: they see only these blocks.
 * Everything lives in the run's arena. */
#ifndef GEN_DOC_H
#define GEN_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum {
  DOC_HEADING,
  DOC_PARA,
  DOC_LIST_ITEM,
  DOC_NOTE,
  DOC_TABLE,
  DOC_PAGEBREAK,
  DOC_TOC,
  DOC_COVER_BEGIN,
  DOC_COVER_END,
  DOC_CHART,
  DOC_IMAGE
} doc_kind;

typedef enum { ALIGN_LEFT, ALIGN_CENTER, ALIGN_NUMBER } doc_align;

/* Text in both languages (either may equal the other). */
typedef struct doc_text {
  const char *zh, *en;
} doc_text;

/* The number a cell shows, unrounded, with the format the template
   rounds it by ("0.00", "%", "#"…), for formats that keep numbers (a
   spreadsheet). set is false for text, a dash, a blank. */
typedef struct doc_num {
  bool set;
  double v;
  const char *fmt;
  const char *suffix; /* the text after the number (a unit), or "" */
} doc_num;

typedef struct doc_table {
  doc_text caption;
  size_t ncols;
  doc_text *header;   /* ncols */
  doc_align *align;   /* ncols */
  double *weight;     /* ncols, relative widths */
  doc_text *cells;    /* nrows × ncols, row-major */
  size_t nrows;
  bool last_is_total; /* the last row is a total (set bold, rule above) */
  bool keyvalue;      /* two columns: label, value (no header row) */
  doc_num *nums;      /* nrows × ncols, as cells (NULL: none) */
} doc_table;

typedef enum {
  CHART_STACKED_BARS, /* categories along x, series stacked */
  CHART_DONUT,        /* one series: the slices */
  CHART_HBARS,        /* one series, a bar per category */
  CHART_BANDS,        /* per category: grade 1, 2, 3 and the value */
  CHART_MACC,         /* per category: width (tCO2/a), height (CNY/tCO2) */
  CHART_FLOW,         /* nodes are the categories; values[t * ncat + f] is
                         the flow from node f to node t */
  CHART_TREND,        /* categories (years) along x, a line per series,
                         each indexed to its first value = 100 */
  CHART_WATERFALL     /* one series: the first and last categories are
                         totals, those between changes stacked on them */
} chart_kind;

/* A chart as data: the template stage fills it from the results, the
   chart stage draws it. values is row-major by series: values[s*ncat+c];
   NAN marks a missing value. With more than DOC_CHART_MAX_ITEMS
   categories or series no values are gathered (values NULL): the chart
   stage says the chart is omitted. */
#define DOC_CHART_MAX_ITEMS 200
typedef struct doc_chart {
  chart_kind kind;
  doc_text caption;
  const char *unit;
  size_t ncat, nser;
  doc_text *cats, *sers;
  double *values;
  /* CHART_FLOW: each node's stage column (0 purchase and storage, 1
     conversion, 2 distribution, 3 end use) and its sub-column within the
     stage; NULL: sources first, sinks last, the rest between */
  int *stage, *depth;
} doc_chart;

/* A picture from a file (evidence: a meter photo, a scanned certificate),
   drawn at its aspect ratio within the text width; the caption below it
   is numbered with the figures. file is as the results name it (relative
   to the facility file) until the report stage resolves it. */
typedef struct doc_image {
  const char *file;
  unsigned width_px, height_px;
  bool jpeg;          /* else PNG */
  doc_text caption;
} doc_image;

typedef struct doc_block {
  doc_kind kind;
  int level;          /* headings: 1..3 */
  bool numbered;      /* headings */
  char appendix;      /* headings of appendices: 'A', 'B'… (0 otherwise) */
  doc_text text;
  doc_table *table;
  doc_chart *chart;
  doc_image *image;
} doc_block;

/* The document information every output format carries (a PDF's Info
   dictionary, a docx's or xlsx's core properties). Dates come from the
   caller (SOURCE_DATE_EPOCH): no writer reads a clock. */
typedef struct doc_info {
  const char *title, *author, *subject, *keywords;
  bool has_date;
  int64_t epoch; /* seconds since 1970, UTC */
} doc_info;

typedef struct doc {
  doc_block *blocks;
  size_t n, cap;
  doc_text title;     /* for the running header and the PDF info */
  doc_text short_name;/* client's name for the running header */
  const char *author;
} doc;

#endif
