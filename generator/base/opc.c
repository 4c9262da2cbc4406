/* opc.c — the parts every OOXML package has (see opc.h). */
#include "opc.h"

#include <time.h>

#include "xml.h"

void opc_content_types(buf *b, const char *defaults, const char *overrides)
{
  buf_puts(b, OPC_XML_DECL
           "<Types xmlns=\"http://schemas.openxmlformats.org/package/"
           "2006/content-types\"><Default Extension=\"rels\" ContentType=\""
           "application/vnd.openxmlformats-package.relationships+xml\"/>"
           "<Default Extension=\"xml\" ContentType=\"application/xml\"/>");
  buf_puts(b, defaults);
  buf_puts(b, overrides);
  buf_puts(b, "<Override PartName=\"/docProps/core.xml\" ContentType=\""
              "application/vnd.openxmlformats-package.core-properties+xml\"/>"
              "<Override PartName=\"/docProps/app.xml\" ContentType=\""
              "application/vnd.openxmlformats-officedocument.extended-"
              "properties+xml\"/></Types>");
}

void opc_package_rels(buf *b, const char *main)
{
  buf_puts(b, OPC_XML_DECL "<Relationships xmlns=\"" OPC_NS_REL "\">"
              "<Relationship Id=\"rId1\" Type=\"" OPC_REL_BASE
              "officeDocument\" Target=\"");
  buf_puts(b, main);
  buf_puts(b, "\"/><Relationship Id=\"rId2\" Type=\"http://schemas."
              "openxmlformats.org/package/2006/relationships/metadata/"
              "core-properties\" Target=\"docProps/core.xml\"/>"
              "<Relationship Id=\"rId3\" Type=\"" OPC_REL_BASE
              "extended-properties\" Target=\"docProps/app.xml\"/>"
              "</Relationships>");
}

/* W3C date and time, UTC: 2023-11-14T22:13:20Z. */
static void w3cdtf(buf *b, int64_t epoch)
{
  time_t t = (time_t)epoch;
  struct tm tm;
  gmtime_r(&t, &tm);
  buf_printf(b, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900,
             tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

void opc_core(buf *b, const opc_props *p)
{
  buf_puts(b, OPC_XML_DECL
           "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats"
           ".org/package/2006/metadata/core-properties\" xmlns:dc=\"http://"
           "purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/"
           "terms/\" xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" "
           "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">");
  const char *tags[][2] = {{"dc:title", p->title},
                           {"dc:subject", p->subject},
                           {"dc:creator", p->author},
                           {"cp:keywords", p->keywords},
                           {"dc:language", p->language}};
  for (size_t i = 0; i < sizeof tags / sizeof tags[0]; i++) {
    if (!tags[i][1] || !*tags[i][1])
      continue;
    buf_printf(b, "<%s>", tags[i][0]);
    xml_text(b, tags[i][1]);
    buf_printf(b, "</%s>", tags[i][0]);
  }
  if (p->has_date) {
    buf_puts(b, "<dcterms:created xsi:type=\"dcterms:W3CDTF\">");
    w3cdtf(b, p->epoch);
    buf_puts(b, "</dcterms:created><dcterms:modified "
                "xsi:type=\"dcterms:W3CDTF\">");
    w3cdtf(b, p->epoch);
    buf_puts(b, "</dcterms:modified>");
  }
  buf_puts(b, "</cp:coreProperties>");
}

void opc_app(buf *b, const char *application)
{
  buf_puts(b, OPC_XML_DECL
           "<Properties xmlns=\"http://schemas.openxmlformats.org/"
           "officeDocument/2006/extended-properties\"><Application>");
  xml_text(b, application);
  buf_puts(b, "</Application></Properties>");
}
