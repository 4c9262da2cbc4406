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
/* Writes the explanation of v, a value of the results found by other
   means (a filter), labelled with label. */
void explain_node(const value *results, const value *v, const char *label,
                  bool zh, buf *out);
/* Why path leads nowhere in results, for a message: "unknown path
   \"energy.total\" (did you mean \"energy.total_tce\",
   \"energy.total_equal_value_tce\"?)" — candidates are the keys (or item
   names) at the first step that fails which begin with, contain or are
   one or two edits from the step written. In the arena a. */
const char *explain_unknown(arena *a, const value *results, const char *path);

#endif
