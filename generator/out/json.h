/* json.h — the results tree as JSON text (results.md's contract).
 *
 * Keys in the tree's insertion order, numbers in the shortest form that
 * reads back to the same double, strings escaped per RFC 8259, two-space
 * indentation. The same tree gives the same bytes on every run and
 * machine. Traces are not written (explain prints them). */
#ifndef GEN_JSON_H
#define GEN_JSON_H

#include "../base/buf.h"
#include "../base/value.h"

void json_write(const value *v, buf *out);
/* The same text as json_write, handed to put in pieces of about 64 KiB
   as it is produced, so that a large results tree is never held whole as
   text (calc, batch). put is called at least once; the pieces joined are
   byte for byte what json_write appends. */
void json_stream(const value *v,
                 void (*put)(void *ctx, const char *data, size_t len),
                 void *ctx);
/* The same on one line, without spaces after commas between members or
   a newline at the end (a line of summary.jsonl). */
void json_write_line(const value *v, buf *out);
/* The shortest "%.*g" form of x that strtod reads back as x. */
void json_number(double x, char *out, size_t cap);

#endif
