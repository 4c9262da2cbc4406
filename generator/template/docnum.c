/* docnum.c — heading, table and figure numbers (see docnum.h). */
#include "docnum.h"

#include <stdio.h>

const char *doc_number_heading(doc_numbers *n, const doc_block *b, char *out,
                               size_t cap)
{
  out[0] = '\0';
  if (!b->numbered)
    return out;
  if (b->level == 1) {
    if (b->appendix) {
      n->appendix = b->appendix;
      n->chapter = 0;
      snprintf(out, cap, "%c", b->appendix);
    } else {
      n->appendix = 0;
      n->chapter++;
      snprintf(out, cap, "%d", n->chapter);
    }
    n->section = n->sub = n->table_no = n->figure_no = 0;
  } else if (b->level == 2) {
    n->section++;
    n->sub = 0;
    if (n->appendix)
      snprintf(out, cap, "%c.%d", n->appendix, n->section);
    else
      snprintf(out, cap, "%d.%d", n->chapter, n->section);
  } else {
    n->sub++;
    if (n->appendix)
      snprintf(out, cap, "%c.%d.%d", n->appendix, n->section, n->sub);
    else
      snprintf(out, cap, "%d.%d.%d", n->chapter, n->section, n->sub);
  }
  return out;
}

static const char *counted(const doc_numbers *n, int no, char *out, size_t cap)
{
  if (n->appendix)
    snprintf(out, cap, "%c-%d", n->appendix, no);
  else if (n->chapter)
    snprintf(out, cap, "%d-%d", n->chapter, no);
  else
    snprintf(out, cap, "%d", no);
  return out;
}

const char *doc_number_table(doc_numbers *n, char *out, size_t cap)
{
  return counted(n, ++n->table_no, out, cap);
}

const char *doc_number_figure(doc_numbers *n, char *out, size_t cap)
{
  return counted(n, ++n->figure_no, out, cap);
}
