/* diagjson.h — diagnostics as JSON values, for tools and web front ends
 * (`auditgen check --diagnostics json`).
 *
 * Each diagnostic becomes {file, line, column, path, severity, message_en,
 * message_zh}: line and column 1-based or null, path the key path the
 * message starts with (meters[E01].total) or null, message_en the message
 * as printed in text, message_zh its Chinese wording where the message is
 * one of the classes worded in both languages (unknown key, missing
 * required key, wrong type, a word not in its list, a date, a plain
 * name), else null: the program's messages are written in English. */
#ifndef GEN_DIAGJSON_H
#define GEN_DIAGJSON_H

#include <stdbool.h>

#include "../base/diag.h"
#include "../base/mem.h"
#include "../base/value.h"

/* Appends to the array arr one object per diagnostic kept in dl, in the
   order they are printed (file, line, column); warnings and notes only when
   warnings is set. Every string is copied into a, so dl may be freed. */
void diagjson_add(arena *a, value *arr, diag_list *dl, bool warnings);

/* The Chinese wording of an English message (without its path), in a, or
   NULL when the message is not of a class worded in Chinese. */
const char *diagjson_zh(arena *a, const char *en);

#endif
