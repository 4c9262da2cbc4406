/* internal.h — what the import stage's files share (not its public face). */
#ifndef GEN_IMPORT_INTERNAL_H
#define GEN_IMPORT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

/* The Chinese name of a carrier key as forms write it (原煤 for raw_coal),
   or NULL for a key the forms have no name for. */
const char *imp_carrier_zh(const char *key);
/* Whether forms.c reads u as a unit (吨, 万千瓦时, kWh, t…). */
bool imp_unit_known(const char *u);
/* The i-th carrier name and the i-th unit name of the drop-down lists, or
   NULL after the last. */
const char *imp_carrier_list(size_t i);
const char *imp_unit_list(size_t i);

#endif
