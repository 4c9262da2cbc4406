/* xml.c — XML escaping (see xml.h). */
#include "xml.h"

void xml_text(buf *b, const char *s)
{
  if (!s)
    return;
  const char *run = s;
  for (const char *p = s;; p++) {
    unsigned char c = (unsigned char)*p;
    const char *rep = NULL;
    switch (c) {
    case '&':
      rep = "&amp;";
      break;
    case '<':
      rep = "&lt;";
      break;
    case '>':
      rep = "&gt;";
      break;
    case '"':
      rep = "&quot;";
      break;
    case '\'':
      rep = "&apos;";
      break;
    default:
      if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r')
        continue;
      rep = ""; /* a control character, or the end */
      break;
    }
    buf_add(b, run, (size_t)(p - run));
    buf_puts(b, rep);
    run = p + 1;
    if (!c)
      return;
  }
}
