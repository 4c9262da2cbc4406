/* explain.h — the trace of a result, for the terminal (`auditgen
 * explain`): the formula, each input with its number, unit and source,
 * and, for inputs that are results themselves, their own traces in turn.
 * Reads only the traces that calc recorded; nothing is re-derived. */
#ifndef GEN_EXPLAIN_H
#define GEN_EXPLAIN_H

#include <stdbool.h>

#include "../base/buf.h"
#include "../base/value.h"

/* Writes the explanation of the value at path; false when there is no
   value there. zh selects Chinese labels. */
bool explain_write(const value *results, const char *path, bool zh, buf *out);

#endif
