/* strmap.c — open-addressing string map (see strmap.h). Grows at 50 %
   load; old slot arrays stay in the arena. */
#include "strmap.h"

#include <stdint.h>
#include <string.h>

struct strmap {
  arena *a;
  const char **keys;
  long *vals;
  size_t cap, n;
};

static uint64_t hash(const char *s)
{
  uint64_t h = 1469598103934665603u;
  for (; *s; s++)
    h = (h ^ (unsigned char)*s) * 1099511628211u;
  return h;
}

strmap *strmap_new(arena *a)
{
  strmap *m = ARENA_NEW(a, strmap);
  m->a = a;
  m->cap = 64;
  m->keys = ARENA_ARRAY(a, const char *, m->cap);
  m->vals = ARENA_ARRAY(a, long, m->cap);
  return m;
}

static size_t slot(const strmap *m, const char *key)
{
  size_t i = (size_t)hash(key) & (m->cap - 1);
  while (m->keys[i] && strcmp(m->keys[i], key) != 0)
    i = (i + 1) & (m->cap - 1);
  return i;
}

long strmap_put(strmap *m, const char *key, long v)
{
  size_t i = slot(m, key);
  if (m->keys[i])
    return m->vals[i];
  if ((m->n + 1) * 2 > m->cap) {
    const char **ok = m->keys;
    long *ov = m->vals;
    size_t oc = m->cap;
    m->cap *= 2;
    m->keys = ARENA_ARRAY(m->a, const char *, m->cap);
    m->vals = ARENA_ARRAY(m->a, long, m->cap);
    for (size_t j = 0; j < oc; j++)
      if (ok[j]) {
        size_t k = slot(m, ok[j]);
        m->keys[k] = ok[j];
        m->vals[k] = ov[j];
      }
    i = slot(m, key);
  }
  m->keys[i] = key;
  m->vals[i] = v;
  m->n++;
  return -1;
}

long strmap_get(const strmap *m, const char *key)
{
  size_t i = slot(m, key);
  return m->keys[i] ? m->vals[i] : -1;
}
