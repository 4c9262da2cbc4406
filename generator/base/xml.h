/* xml.h — writing XML text: escaping into a buffer.
 *
 * The OOXML writers build their parts with buf_printf for markup and
 * these functions for every piece of text that comes from data, so no
 * name, number or sentence of an input can break the markup. */
#ifndef GEN_XML_H
#define GEN_XML_H

#include "buf.h"

/* Appends s escaped for character data and attribute values (& < > " ').
   Characters XML 1.0 forbids (C0 controls other than tab, newline and
   carriage return) are dropped; s is UTF-8 that the input stage checked. */
void xml_text(buf *b, const char *s);

#endif
