/* evidence.c — evidence files, checked and hashed (see evidence.h). */
#include "evidence.h"
#include "fschema.h"

#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/fileio.h"
#include "../base/image.h"

const char *evidence_type_name(evidence_type t)
{
  switch (t) {
  case EVIDENCE_PNG:
    return "png";
  case EVIDENCE_JPEG:
    return "jpeg";
  case EVIDENCE_PDF:
    break;
  }
  return "pdf";
}

static void sha256_hex(const char *data, size_t len, char out[65])
{
  struct sha256_ctx c;
  uint8_t d[SHA256_DIGEST_SIZE];
  sha256_init(&c);
  sha256_update(&c, len, (const uint8_t *)data);
  sha256_digest(&c, sizeof d, d);
  for (size_t i = 0; i < sizeof d; i++)
    snprintf(out + 2 * i, 3, "%02x", d[i]);
}

/* The file's kind by its content, and for images their size; false with
   a reason (to follow the file's name) when a report could not show it. */
static bool classify(const char *data, size_t len, m_evidence *e, char *why,
                     size_t wn)
{
  if (len >= 5 && memcmp(data, "%PDF-", 5) == 0) {
    e->type = EVIDENCE_PDF;
    return true;
  }
  if (len >= 8 && memcmp(data, "\x89PNG\r\n\x1a\n", 8) == 0) {
    image_png png;
    if (!image_png_check(data, len, &png, why, wn))
      return false;
    mem_free(png.data);
    e->type = EVIDENCE_PNG;
    e->width = png.width;
    e->height = png.height;
    return true;
  }
  if (len >= 3 && (unsigned char)data[0] == 0xFF &&
      (unsigned char)data[1] == 0xD8) {
    image_jpeg jpg;
    if (!image_jpeg_check(data, len, &jpg, why, wn))
      return false;
    e->type = EVIDENCE_JPEG;
    e->width = jpg.width;
    e->height = jpg.height;
    return true;
  }
  snprintf(why, wn, "is not a PDF, PNG or JPEG file (by its content)");
  return false;
}

static const char *base_name(const char *p)
{
  const char *slash = strrchr(p, '/');
  return slash ? slash + 1 : p;
}

static void add_support(schema *s, m_evidence *e, const char *kind,
                        const char *id, text2 name)
{
  for (size_t i = 0; i < e->n_supports; i++)
    if (strcmp(e->supports[i].kind, kind) == 0 && strcmp(e->supports[i].id, id) == 0)
      return;
  m_support *sp = ARENA_PUSH(s->a, e->supports, e->n_supports, e->cap_supports);
  sp->kind = kind;
  sp->id = id;
  sp->name = name;
}

/* One entry: a path, or {file, title}. */
static void read_entry(schema *s, evidence_list *ev, const ynode *x,
                       const char *path, const char *kind, const char *id,
                       text2 name, const char **seen, size_t n_seen)
{
  seen[n_seen] = NULL;
  const char *rel = NULL;
  text2 title = {NULL, NULL, x->pos};
  const char *fpath = path;
  if (x->kind == YN_MAP) {
    if (!fs_map(s, x, path, &fs_evidence))
      return;
    const ynode *f = ytree_get(x, "file"), *t = ytree_get(x, "title");
    fpath = sch_path(s, path, "file");
    if (!f || !sch_str(s, f, fpath, &rel))
      return;
    if (t && !sch_text2(s, t, sch_path(s, path, "title"), &title))
      return;
    x = f;
  } else if (!sch_str(s, x, path, &rel)) {
    return;
  }
  if (!*rel) {
    diag_error(s->dl, x->pos, "%s: an evidence file needs a path", fpath);
    return;
  }
  for (size_t i = 0; i < n_seen; i++)
    if (seen[i] && strcmp(seen[i], rel) == 0) {
      diag_error(s->dl, x->pos, "%s: \"%s\" is listed twice", fpath, rel);
      return;
    }
  seen[n_seen] = rel;
  if (!ev->root) {
    diag_error(s->dl, x->pos, "%s: evidence files need a facility file in a "
                              "folder (this one was given as text)",
               fpath);
    return;
  }
  const char *full = rel[0] == '/' || !ev->dir
                         ? rel
                         : arena_printf(s->a, "%s/%s", ev->dir, rel);
  bool outside = false;
  int err = 0;
  char *real = file_resolve_inside(ev->root, full, &outside, &err);
  if (outside) {
    diag_error(s->dl, x->pos, "%s: %s is not inside the folder of the facility "
                              "file (%s): evidence must lie in that folder or "
                              "below it",
               fpath, rel, ev->root);
    return;
  }
  if (!real) {
    diag_error(s->dl, x->pos, "%s: cannot read evidence %s: %s", fpath, rel,
               file_strerror(err));
    return;
  }
  /* a file several items cite is one piece of evidence */
  for (size_t i = 0; i < ev->n; i++)
    if (strcmp(ev->items[i].real, real) == 0) {
      add_support(s, &ev->items[i], kind, id, name);
      free(real);
      return;
    }
  if (ev->n >= EVIDENCE_MAX_FILES) {
    diag_error(s->dl, x->pos, "%s: more than %d evidence files in one facility "
                              "file",
               fpath, EVIDENCE_MAX_FILES);
    free(real);
    return;
  }
  size_t len = 0;
  char *data = file_read_regular(real, EVIDENCE_MAX_BYTES, &len, &err);
  if (!data) {
    diag_error(s->dl, x->pos, "%s: cannot read evidence %s: %s", fpath, rel,
               err == FILE_ERR_TOO_LARGE ? "larger than 32 MB"
                                         : file_strerror(err));
    free(real);
    return;
  }
  m_evidence e;
  memset(&e, 0, sizeof e);
  char why[200];
  bool ok = classify(data, len, &e, why, sizeof why);
  if (!ok)
    diag_error(s->dl, x->pos, "%s: evidence %s %s", fpath, rel, why);
  else if (ev->total_bytes + len > EVIDENCE_MAX_TOTAL) {
    diag_error(s->dl, x->pos, "%s: the evidence files of one facility may hold "
                              "at most 1 GB",
               fpath);
    ok = false;
  }
  if (ok) {
    sha256_hex(data, len, e.sha256);
    ev->total_bytes += len;
    e.file = rel;
    e.real = arena_strdup(s->a, real);
    e.bytes = len;
    e.pos = x->pos;
    if (!title.zh)
      title.zh = title.en = base_name(rel);
    e.title = title;
    m_evidence *slot = ARENA_PUSH(s->a, ev->items, ev->n, ev->cap);
    *slot = e;
    add_support(s, slot, kind, id, name);
  }
  mem_free(data);
  free(real);
}

void evidence_read(schema *s, evidence_list *ev, const ynode *n,
                   const char *path, const char *kind, const char *id,
                   text2 name)
{
  if (!n)
    return;
  const char *epath = sch_path(s, path, "evidence");
  if (!sch_list(s, n, epath))
    return;
  if (n->n > EVIDENCE_MAX_PER_ITEM) {
    diag_error(s->dl, n->pos, "%s: %zu entries, more than the limit of %d",
               epath, n->n, EVIDENCE_MAX_PER_ITEM);
    return;
  }
  const char **seen = ARENA_ARRAY(s->a, const char *, n->n + 1);
  for (size_t i = 0; i < n->n; i++)
    read_entry(s, ev, n->kids[i], sch_index(s, epath, i), kind, id, name,
               seen, i);
}
