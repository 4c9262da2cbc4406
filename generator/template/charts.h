/* charts.h — the data of the shipped charts, taken from the results tree
 * for {% chart KIND %} (templates/README.md). The template stage owns this
 * step; the chart stage only draws the series it is given. */
#ifndef GEN_TCHARTS_H
#define GEN_TCHARTS_H

#include <stdbool.h>

#include "../base/mem.h"
#include "../base/value.h"
#include "doc.h"

/* True when kind names a chart: monthly, structure, flow, benchmark,
   carbon, macc. */
bool charts_known(const char *kind);
/* The chart of kind from the results (empty series when the facility has
   no such data). */
doc_chart *charts_build(arena *a, const char *kind, const value *results);

#endif
