/* terms.h — the glossary: how the machine names of the results read in
 * each language.
 *
 * calc names the inputs and formulas of its worked calculations (traces,
 * value.h) with machine names (`consumed`, `annual_saving_cny`,
 * "purchased - sold + stock_change"), and keys of the facility and the rules
 * (`raw_coal`, `cement`, `zhejiang`) appear in the results. A report speaks
 * one language at a time: rules/terms.yaml gives every such name its
 * Chinese and English wording (each with the standard it follows, or
 * "project term"), and rules/names.yaml the names of industries and
 * provinces. The tables themselves are loaded with the other rules
 * (factors.h); this module applies them. */
#ifndef GEN_TERMS_H
#define GEN_TERMS_H

#include <stdbool.h>
#include <stddef.h>

#include "../base/mem.h"
#include "../base/value.h"
#include "factors.h"

/* The entry of section for key, or NULL. */
const term_def *terms_lookup(const factors *f, term_section section,
                             const char *key);

/* Whether a text reads the same in both languages: no CJK character, and
   every run of three or more letters is a unit symbol or an acronym (tce,
   kgce, tCO2, kWh, NCV, GB…). Codes, numbers and symbols need no
   glossary. */
bool terms_neutral(const char *s);

/* A unit in one language: each token (split at "/", spaces and
   brackets) replaced by its units: entry (万元 → 10⁴ CNY, CNY → 元).
   Returns unit itself when nothing changes; NULL for NULL. */
const char *terms_unit(arena *a, const factors *f, const char *unit, bool zh);

/* Fills the wording of every trace in results (formula, basis, each term's
   label, source and unit, in both languages) from the glossary, where calc
   did not set it: a term named by the key of the list item its path points
   into takes that item's name_zh/name_en, and neutral text (terms_neutral)
   stands for itself. What the glossary does not know stays NULL (readers
   fall back to the machine name); terms_missing lists it. */
void terms_localize(arena *a, const factors *f, value *results);

/* After terms_localize: the machine names that have no wording ("formula:
   …", "basis: …", "term: …", "source: …"), each once, NULL-terminated in
   the arena. Returns their number. A report would show them as they are,
   so the tests require none. */
size_t terms_missing(arena *a, const value *results, const char ***out);

#endif
