/* evidence.h — the files behind a figure: invoices, meter photos, test
 * records, laboratory reports.
 *
 * A meter, a product, an equipment item, a factor override or a process
 * emission may list evidence files, as paths relative to the facility
 * file (in its folder or below it):
 *
 *   evidence:
 *     - evidence/E01-invoices-2016.pdf            # titled by its name
 *     - {file: evidence/E01.jpg, title: {zh: 电表铭牌, en: Meter nameplate}}
 *
 * Each file is read when the facility loads: it must exist, be a regular
 * file, and be a PDF, PNG or JPEG by its content (an image that a report
 * could not show is refused); its SHA-256 is computed. A file that several
 * items cite is one piece of evidence supporting each. Everything wrong is
 * an input error at the entry's position. */
#ifndef GEN_EVIDENCE_H
#define GEN_EVIDENCE_H

#include <stdbool.h>
#include <stddef.h>

#include "schema.h"

#define EVIDENCE_MAX_BYTES (32u << 20)    /* one file */
#define EVIDENCE_MAX_TOTAL (1024u << 20)  /* all files of a facility */
#define EVIDENCE_MAX_FILES 1000           /* distinct files of a facility */
#define EVIDENCE_MAX_PER_ITEM 100         /* entries of one evidence: list */

typedef enum { EVIDENCE_PDF, EVIDENCE_PNG, EVIDENCE_JPEG } evidence_type;

/* What a file supports: an item of the facility file. */
typedef struct m_support {
  const char *kind; /* meter, product, equipment, factor, process_emission */
  const char *id;
  text2 name;
} m_support;

typedef struct m_evidence {
  const char *file;    /* as the facility file writes it */
  const char *real;    /* its checked real path (for the report only) */
  evidence_type type;
  size_t bytes;
  char sha256[65];     /* lower-case hex */
  text2 title;
  unsigned width, height; /* pixels, images only */
  m_support *supports;
  size_t n_supports, cap_supports;
  src_pos pos;         /* where it is first listed */
} m_evidence;

typedef struct evidence_list {
  m_evidence *items;
  size_t n, cap;
  size_t total_bytes;
  const char *dir;     /* the facility file's folder */
  const char *root;    /* files must lie in this folder tree (NULL: a
                          facility from memory, which may name none) */
} evidence_list;

/* Reads n, the evidence: list of the item (kind, id, name) at path. */
void evidence_read(schema *s, evidence_list *ev, const ynode *n,
                   const char *path, const char *kind, const char *id,
                   text2 name);

/* "pdf", "png" or "jpeg". */
const char *evidence_type_name(evidence_type t);

#endif
