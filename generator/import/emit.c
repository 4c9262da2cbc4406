/* emit.c — the facility tree of forms.c as YAML text.
 *
 * Input: the tree (maps keep the order keys were made in, except that the
 * top level follows the order of the input spec). Output: block YAML in
 * the arena; every scalar double-quoted unless marked plain (booleans and
 * the placeholder ~), each followed by a comment naming its cell, and a
 * placeholder by what to fill in. */
#include "import.h"

#include <stdio.h>
#include <string.h>

#include "../base/buf.h"

static void put_scalar(buf *b, const inode *n)
{
  if (n->plain) {
    buf_puts(b, n->text);
    return;
  }
  buf_putc(b, '"');
  for (const unsigned char *p = (const unsigned char *)n->text; *p; p++) {
    if (*p == '"' || *p == '\\') {
      buf_putc(b, '\\');
      buf_putc(b, (char)*p);
    } else if (*p == '\n')
      buf_puts(b, "\\n");
    else if (*p == '\t')
      buf_puts(b, "\\t");
    else if (*p < 0x20 || *p == 0x7f)
      buf_printf(b, "\\x%02x", *p);
    else
      buf_putc(b, (char)*p);
  }
  buf_putc(b, '"');
}

/* Comment text with line breaks and other controls as spaces: a sheet or
   file name holding a line break must not end the comment and start YAML
   of its own. */
static void put_clean(buf *b, const char *s)
{
  for (const unsigned char *p = (const unsigned char *)s; *p; p++)
    buf_putc(b, *p < 0x20 || *p == 0x7f ? ' ' : (char)*p);
}

static void put_comment(buf *b, const inode *n)
{
  if (n->note) {
    buf_puts(b, "  # TO FILL / 待填: ");
    put_clean(b, n->note);
  } else if (n->src) {
    buf_puts(b, "  # ");
    put_clean(b, n->src);
  }
  buf_putc(b, '\n');
}

static void indent(buf *b, int d)
{
  for (int i = 0; i < d; i++)
    buf_putc(b, ' ');
}

static bool all_scalars(const inode *n)
{
  for (size_t i = 0; i < n->n; i++)
    if (n->kids[i]->kind != IN_SCALAR)
      return false;
  return true;
}

static void put_node(buf *b, const inode *n, int d);

/* The entries of a map at depth d; first_inline: the first entry goes on
   the current line (after "- "). */
static void put_map(buf *b, const inode *n, int d, bool first_inline)
{
  for (size_t i = 0; i < n->n; i++) {
    const inode *k = n->kids[i];
    if (!(i == 0 && first_inline))
      indent(b, d);
    buf_printf(b, "%s:", k->key);
    put_node(b, k, d + 2);
  }
}

/* After "key:" (or "- "): the value. */
static void put_node(buf *b, const inode *n, int d)
{
  if (n->kind == IN_SCALAR) {
    buf_putc(b, ' ');
    put_scalar(b, n);
    put_comment(b, n);
  } else if (n->kind == IN_MAP) {
    if (n->n == 0) {
      buf_puts(b, " {}\n");
      return;
    }
    buf_putc(b, '\n');
    put_map(b, n, d, false);
  } else if (n->n == 0) {
    buf_puts(b, " []\n");
  } else if (all_scalars(n) && n->flow) {
    /* monthly values: one line, the cells in one comment */
    buf_puts(b, " [");
    for (size_t i = 0; i < n->n; i++) {
      if (i)
        buf_puts(b, ", ");
      put_scalar(b, n->kids[i]);
    }
    buf_putc(b, ']');
    put_comment(b, n);
  } else {
    buf_putc(b, '\n');
    for (size_t i = 0; i < n->n; i++) {
      const inode *k = n->kids[i];
      indent(b, d);
      buf_puts(b, "-");
      if (k->kind == IN_MAP && k->n) {
        buf_putc(b, ' ');
        put_map(b, k, d + 2, true);
      } else
        put_node(b, k, d + 2);
    }
  }
}

void imp_emit(buf *out, const inode *root, const char *const *files,
              size_t n_files)
{
  buf b = *out;
  buf_puts(&b, "# Imported by `auditgen import` from");
  for (size_t i = 0; i < n_files; i++) {
    buf_puts(&b, i ? ", " : " ");
    put_clean(&b, files[i]);
  }
  buf_puts(&b,
           ".\n# Each value names the cell it came from (file or sheet!cell"
           "); a field the\n# forms do not carry is ~ with a \"TO FILL\" "
           "comment: `auditgen check`\n# reports each until it is filled "
           "in.\n\n");
  for (size_t i = 0; i < root->n; i++) {
    const inode *k = root->kids[i];
    if (i)
      buf_putc(&b, '\n');
    buf_printf(&b, "%s:", k->key);
    put_node(&b, k, 2);
  }
  *out = b;
}
