/* summary.h — a readable text summary of the results tree for the
 * terminal (what `auditgen calc` prints without --json). Reads the tree by
 * path only; knows nothing of how figures were computed. */
#ifndef GEN_SUMMARY_H
#define GEN_SUMMARY_H

#include "../base/buf.h"
#include "../base/value.h"

void summary_write(const value *results, buf *out);

#endif
