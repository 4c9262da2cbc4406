/* fuzz_import.c — libFuzzer target: client spreadsheets as `auditgen
 * import` reads them. Must never crash, hang or leak; and what import
 * writes must be YAML the loader reads.
 *
 * The input's first byte chooses the file: odd, a CSV (bit 1: read as
 * GBK) of the remaining bytes; even, an xlsx whose parts are the
 * remaining bytes cut at NUL bytes, in the order of PARTS below, packed
 * by our zip writer — mutating a zip's compressed bytes would only ever
 * reach its checksum, so the fuzzer mutates the XML instead. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../generator/base/buf.h"
#include "../../generator/base/zipw.h"
#include "../../generator/import/import.h"
#include "../../generator/load/ytree.h"
#include "fuzzenv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const PARTS[] = {
    "xl/workbook.xml",          "xl/_rels/workbook.xml.rels",
    "xl/sharedStrings.xml",     "xl/styles.xml",
    "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
    "xl/worksheets/sheet3.xml", "xl/worksheets/sheet4.xml",
    "xl/worksheets/sheet5.xml", "xl/worksheets/sheet6.xml",
    "xl/worksheets/sheet7.xml",
};
enum { N_PARTS = sizeof PARTS / sizeof *PARTS };

/* The xlsx of the parts in data (cut at NUL bytes), written to scratch;
   its path, or NULL when the zip writer refused the parts. */
static const char *pack(const uint8_t *data, size_t size)
{
  arena *a = arena_new();
  diag_list *dl = diag_new(a);
  zip_writer *z = zipw_new(dl, false, 0);
  size_t start = 0;
  for (size_t k = 0; k < N_PARTS && start <= size; k++) {
    const uint8_t *nul = memchr(data + start, 0, size - start);
    size_t end = nul ? (size_t)(nul - data) : size;
    zipw_add(z, PARTS[k], (const char *)data + start, end - start);
    start = end + 1;
  }
  buf out;
  buf_init(&out);
  const char *path = NULL;
  if (zipw_finish(z, &out))
    path = fuzz_env_write("in.xlsx", out.data, out.len);
  buf_fini(&out);
  arena_free(a);
  return path;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  if (size == 0)
    return 0;
  const char *path;
  const char *enc = NULL;
  if (data[0] & 1) {
    path = fuzz_env_write("in.csv", data + 1, size - 1);
    enc = data[0] & 2 ? "gbk" : NULL;
  } else
    path = pack(data + 1, size - 1);
  if (!path)
    return 0;
  arena *a = arena_new();
  imp_msgs m = {.a = a};
  ibook *book = imp_read(a, &m, path, enc);
  inode *root = book ? imp_forms(a, &m, &book, 1, IMP_FORM_AUTO) : NULL;
  if (book)
    imp_free(book);
  if (root) {
    buf text;
    buf_init(&text);
    const char *files[] = {path};
    imp_emit(&text, root, files, 1);
    diag_list *dl = diag_new(a);
    ytree_limits lim = ytree_default_limits();
    if (!ytree_load_string(a, dl, text.data, text.len, "imported.yaml",
                           &lim)) {
      /* import wrote a file that is not YAML (or not one the loader
         takes): the user would get a facility file they cannot check */
      fwrite(text.data, 1, text.len, stderr);
      diag_print(dl, stderr, true);
      abort();
    }
    buf_fini(&text);
    fuzz_env_done(a, dl);
    return 0;
  }
  arena_free(a);
  return 0;
}
