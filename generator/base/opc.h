/* opc.h — the parts every OOXML package has (Open Packaging Conventions).
 *
 * The Word document (docx/) and the workbooks (xlsx/) are zips of XML
 * parts (zipw.h) built in buffers; the parts around their own content are
 * the same in both: the content types, the package's relationships, the
 * core properties (title, author, dates) and the application properties.
 * Text from data goes through xml_text. No clock is read: the dates come
 * from the caller. */
#ifndef GEN_OPC_H
#define GEN_OPC_H

#include <stdbool.h>
#include <stdint.h>

#include "buf.h"

#define OPC_XML_DECL                                                         \
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
#define OPC_NS_REL                                                           \
  "http://schemas.openxmlformats.org/package/2006/relationships"
#define OPC_NS_R                                                             \
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define OPC_REL_BASE                                                         \
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

/* A package's document properties (docProps/core.xml). NULL or empty
   strings are left out; without has_date the package has no dates. */
typedef struct opc_props {
  const char *title, *subject, *author, *keywords;
  const char *language; /* "zh-CN", "en-US" */
  bool has_date;
  int64_t epoch; /* seconds since 1970, UTC */
} opc_props;

/* [Content_Types].xml: rels and xml by extension, then defaults (more
   Default elements, or ""), then overrides (the package's own Override
   elements), then the two property parts. */
void opc_content_types(buf *b, const char *defaults, const char *overrides);
/* _rels/.rels: the main part (main, e.g. "word/document.xml") and the two
   property parts. */
void opc_package_rels(buf *b, const char *main);
/* docProps/core.xml. */
void opc_core(buf *b, const opc_props *p);
/* docProps/app.xml: the application's name alone. */
void opc_app(buf *b, const char *application);

#endif
