/* model.c — facility YAML (a ynode tree) to the typed model.
 *
 * Input: the tree of one facility file and the carrier rules. Output: a
 * model whose references are resolved and whose quantities are in base
 * units, or NULL with every error of the file in the diag list. The
 * reading goes on after an error so that one run reports all of them;
 * cross-references are checked once every list has been read. */
#include "model.h"
#include "balance.h"
#include "evidence.h"
#include "fschema.h"
#include "../rules/checks.h"
#include "series.h"

#include "../base/fileio.h"
#include "../base/strmap.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct loader {
  schema s;
  const char *dir;           /* of the facility file, for series: paths */
  const char *series_root;   /* series: files must lie in this folder tree
                                (NULL: a facility from memory) */
  const factors *f;
  model *m;
  const char **carrier_keys; /* rules' keys, NULL-terminated */
  strmap *product_ids;       /* product id -> index in m->products (empty,
                                never NULL, without a valid products:) */
  const char **pids;         /* the product ids, NULL-terminated (the same) */
  const ynode **conv_nodes;  /* units[i].conversion, checked after meters */
  const ynode *industry;     /* facility.industry as written, or NULL */
  bool nested;               /* a year of another file's history */
} loader;

#define ERR(ld, pos, ...) diag_error((ld)->s.dl, (pos), __VA_ARGS__)
#define PATH(ld, p, k) sch_path(&(ld)->s, (p), (k))
#define INDEX(ld, p, i) sch_index(&(ld)->s, (p), (i))

/* The evidence: list of item u, if any (evidence.h). */
static void evidence(loader *ld, const ynode *u, const char *path,
                     const char *kind, const char *id, text2 name)
{
  if (!name.zh)
    name.zh = name.en = id;
  evidence_read(&ld->s, &ld->m->evidence, ytree_get(u, "evidence"), path, kind,
                id, name);
}

/* {====================================================== GB 32100 */

static const char CREDIT_CHARS[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

const char *credit_code_problem(const char *code)
{
  static const int weights[17] = {1,  3,  9,  27, 19, 26, 16, 17, 20,
                                  29, 25, 13, 8,  24, 10, 30, 28};
  if (strlen(code) != 18)
    return "must have 18 characters";
  int sum = 0;
  for (int i = 0; i < 18; i++) {
    const char *p = strchr(CREDIT_CHARS, code[i]);
    if (!p || !code[i])
      return "may use only digits and the capital letters "
             "ABCDEFGHJKLMNPQRTUWXY";
    if (i < 17)
      sum += (int)(p - CREDIT_CHARS) * weights[i];
  }
  int check = (31 - sum % 31) % 31;
  if (code[17] != CREDIT_CHARS[check])
    return "check character (GB 32100-2015 clause 4.4) does not match";
  return NULL;
}

/* }====================================================== */

const char *model_conv_kind(conv_kind k)
{
  return CONVERSION_KINDS[k];
}

int model_unit(const model *m, const char *id)
{
  if (m->unit_index)
    return (int)strmap_get(m->unit_index, id);
  for (size_t i = 0; i < m->n_units; i++)
    if (strcmp(m->units[i].id, id) == 0)
      return (int)i;
  return -1;
}

const char *model_place(const model *m, int place)
{
  if (place == PLACE_OUTSIDE)
    return "outside";
  if (place == PLACE_SITE)
    return "site";
  return m->units[place].id;
}

const char *model_carrier_unit(const model *m, const factors *f,
                               const char *key)
{
  const carrier_def *c = factors_carrier(f, key);
  if (c)
    return c->unit;
  for (size_t i = 0; i < m->n_own; i++)
    if (strcmp(m->own_carriers[i], key) == 0)
      return m->own_units[i];
  return NULL;
}

/* Builds a NULL-terminated list of ids from a field of an array of
   structs, for did-you-mean. */
static const char **id_list(loader *ld, const char *const *ids, size_t n,
                            bool places)
{
  const char **out = ARENA_ARRAY(ld->s.a, const char *, n + 3);
  size_t k = 0;
  if (places) {
    out[k++] = "outside";
    out[k++] = "site";
  }
  for (size_t i = 0; i < n; i++)
    out[k++] = ids[i];
  return out;
}

static size_t list_len(const char *const *l)
{
  size_t n = 0;
  while (l[n])
    n++;
  return n;
}

static void unknown_ref(loader *ld, const ynode *at, const char *path,
                        const char *what, const char *id,
                        const char *const *cands)
{
  /* past the shown errors, a hint would be worded for nobody */
  const char *hint = diag_capped(ld->s.dl, at->pos.file)
                         ? NULL
                         : sch_suggest(id, cands, list_len(cands));
  if (hint)
    ERR(ld, at->pos, "%s: unknown %s \"%s\" (did you mean \"%s\"?)", path, what,
        id, hint);
  else
    ERR(ld, at->pos, "%s: unknown %s \"%s\"", path, what, id);
}

/* The paths of a list's items in messages: name[id] where the item has
   a well-formed id (sch_id's letters) that no earlier item of the list
   has, as results and the later messages name it; name[i] otherwise, so
   that a duplicate or a missing id is still told apart. Computed before
   any key is read, so that "missing required key" names the item too. */
static const char **item_paths(loader *ld, const ynode *list,
                               const char *name)
{
  const char **out = ARENA_ARRAY(ld->s.a, const char *, list->n + 1);
  strmap *seen = strmap_new(ld->s.a);
  for (size_t i = 0; i < list->n; i++) {
    const ynode *u = list->kids[i];
    const ynode *id = u && u->kind == YN_MAP ? ytree_get(u, "id") : NULL;
    bool ok = id && id->kind == YN_SCALAR && id->len > 0 && id->len <= 64 &&
              strlen(id->str) == id->len;
    for (size_t k = 0; ok && k < id->len; k++) {
      char c = id->str[k];
      ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
    }
    /* "site" and "outside" name places, not a unit (refused later) */
    if (ok && (strcmp(id->str, "site") == 0 || strcmp(id->str, "outside") == 0))
      ok = false;
    if (ok && strmap_put(seen, id->str, (long)i) < 0)
      out[i] = arena_printf(ld->s.a, "%s[%s]", name, id->str);
    else
      out[i] = INDEX(ld, name, i);
  }
  return out;
}

/* Counts a facility file may hold. Every figure is computed per product
   over the meters, per unit over the tree: these bound the work (a
   run stays within seconds) far above any audit (a large plant has a
   few hundred meters, a few dozen products). */
#define MAX_UNITS 5000
#define MAX_METERS 20000
#define MAX_STOCK 500
#define MAX_PRODUCTS 1000
#define MAX_PROCESS 1000
#define MAX_EQUIPMENT 10000
#define MAX_MEASURES 1000

static bool within_count(loader *ld, const ynode *n, const char *what,
                         size_t max)
{
  if (n->n <= max)
    return true;
  ERR(ld, n->pos, "%s: %zu entries, more than the %zu one facility file may "
                  "have",
      what, n->n, max);
  return false;
}

/* {====================================================== facility, audit */

static const char *const *const grids = fs_grids;

#define MAX_CAPACITY 100
#define MAX_TEAM 100

/* facility.capacity: [{name: TEXT, value: RATE}] — design capacities as a
   report's overview states them (5,000 t/d clinker, 9 MW waste-heat
   power). A capacity is a positive amount per unit of time. */
static void read_capacity(loader *ld, const ynode *n)
{
  model *m = ld->m;
  if (!sch_list(&ld->s, n, "facility.capacity") ||
      !within_count(ld, n, "facility.capacity", MAX_CAPACITY))
    return;
  m->capacity = ARENA_ARRAY(ld->s.a, m_capacity, n->n + 1);
  for (size_t i = 0; i < n->n; i++) {
    const ynode *u = n->kids[i], *x;
    const char *path = INDEX(ld, "facility.capacity", i);
    if (!fs_map(&ld->s, u, path, &fs_capacity))
      continue;
    m_capacity *c = &m->capacity[m->n_capacity];
    memset(c, 0, sizeof *c);
    c->pos = u->pos;
    bool ok = (x = ytree_get(u, "name")) &&
              sch_text2(&ld->s, x, PATH(ld, path, "name"), &c->name);
    if (!(x = ytree_get(u, "value")) ||
        !sch_qty(&ld->s, x, PATH(ld, path, "value"), NULL, &c->value))
      continue;
    if (c->value.dim.e[DIM_TIME] != -1) {
      ERR(ld, x->pos, "%s.value: \"%s\" is not a capacity: expected an "
                      "amount per unit of time (such as 5,000 t/d, "
                      "60 万t/a or 9 MW)",
          path, c->value.text);
      continue;
    }
    if (!(c->value.v > 0)) {
      ERR(ld, x->pos, "%s.value: must be greater than zero, found %s", path,
          c->value.text);
      continue;
    }
    if (ok)
      m->n_capacity++;
  }
}

#define MAX_LIGHTING 500

/* facility.lighting: [{room: ID, name?: TEXT, area: AREA, power: POWER}] —
   the lit rooms of each kind, whose lighting power density (power / area)
   calc compares with the rules' lighting table. The room must be a key of
   that table; area and power greater than zero. */
static void read_lighting(loader *ld, const ynode *n)
{
  model *m = ld->m;
  if (!sch_list(&ld->s, n, "facility.lighting") ||
      !within_count(ld, n, "facility.lighting", MAX_LIGHTING))
    return;
  m->lighting = ARENA_ARRAY(ld->s.a, m_lighting, n->n + 1);
  const factors *f = ld->f;
  for (size_t i = 0; i < n->n; i++) {
    const ynode *u = n->kids[i], *x;
    const char *path = INDEX(ld, "facility.lighting", i);
    if (!fs_map(&ld->s, u, path, &fs_lighting))
      continue;
    m_lighting *l = &m->lighting[m->n_lighting];
    memset(l, 0, sizeof *l);
    l->pos = u->pos;
    bool ok = true;
    const bl_room *room = NULL; /* the room's rules entry */
    if ((x = ytree_get(u, "room")) &&
        sch_id(&ld->s, x, PATH(ld, path, "room"), &l->room)) {
      l->room_pos = x->pos;
      for (size_t k = 0; f && !room && k < f->n_lighting; k++)
        if (strcmp(f->lighting[k].key, l->room) == 0)
          room = &f->lighting[k];
      if (!room && f && f->n_lighting) {
        const char **keys =
            ARENA_ARRAY(ld->s.a, const char *, f->n_lighting + 1);
        for (size_t k = 0; k < f->n_lighting; k++)
          keys[k] = f->lighting[k].key;
        unknown_ref(ld, x, PATH(ld, path, "room"),
                    "kind of room (rules/buildings.yaml lighting)", l->room,
                    keys);
        ok = false;
      }
    } else {
      ok = false;
    }
    if ((x = ytree_get(u, "name")))
      ok = sch_text2(&ld->s, x, PATH(ld, path, "name"), &l->name) && ok;
    dimvec area = dim_of("m2"), power = dim_of("kW");
    const char *names[] = {"area", "power"};
    const dimvec *dims[] = {&area, &power};
    qty *vals[] = {&l->area, &l->power};
    for (int k = 0; k < 2; k++) {
      if (!(x = ytree_get(u, names[k])) ||
          !sch_qty(&ld->s, x, PATH(ld, path, names[k]), dims[k], vals[k])) {
        ok = false;
        continue;
      }
      if (!(vals[k]->v > 0)) {
        ERR(ld, x->pos, "%s.%s: must be greater than zero, found %s", path,
            names[k], vals[k]->text);
        ok = false;
      }
    }
    if ((x = ytree_get(u, "decorative_power"))) {
      if (!sch_qty(&ld->s, x, PATH(ld, path, "decorative_power"), &power,
                   &l->decorative))
        ok = false;
      else if (!(l->decorative.v >= 0)) {
        ERR(ld, x->pos, "%s.decorative_power: must not be negative, found %s",
            path, l->decorative.text);
        ok = false;
      }
    }
    if ((x = ytree_get(u, "accent_lighting"))) {
      if (!sch_bool(&ld->s, x, PATH(ld, path, "accent_lighting"), &l->accent))
        ok = false;
      else if (l->accent && room && !isfinite(room->accent)) {
        ERR(ld, x->pos,
            "%s.accent_lighting: the rules' lighting table gives no "
            "allowance for accent lighting in %s (%s); GB 50034-2024 "
            "6.3.6 gives one to the sales floors of ordinary, high-grade "
            "and specialty shops only",
            path, l->room, room->name.en ? room->name.en : l->room);
        ok = false;
      }
    }
    if (ok)
      m->n_lighting++;
  }
}

/* The keys of a building or public institution: its type, climate zone
   and GB/T 51161 class, and the denominators of its indicators (beds,
   bed-days, visits, students, occupants, hours of use). A hospital grade
   belongs to a hospital; bed-days cannot exceed beds × the period's days
   (checked once the period is read, in check_building). */
static void read_building(loader *ld, const ynode *n)
{
  model *m = ld->m;
  const ynode *x;
  int k;
  struct {
    const char *key;
    const char *const *words;
    const char **out;
  } words[] = {
      {"building_type", fs_building_types, &m->building_type},
      {"climate_zone", fs_climate_zones, &m->climate_zone},
      {"ventilation", fs_ventilations, &m->ventilation},
      {"hospital_grade", fs_hospital_grades, &m->hospital_grade},
  };
  for (size_t i = 0; i < sizeof words / sizeof *words; i++)
    if ((x = ytree_get(n, words[i].key)) &&
        sch_enum(&ld->s, x, PATH(ld, "facility", words[i].key),
                 words[i].words, &k))
      *words[i].out = words[i].words[k];
  struct {
    const char *key;
    long hi, *out;
  } counts[] = {
      {"beds", 1000000, &m->beds},
      {"bed_days", 400000000, &m->bed_days},
      {"outpatient_visits", 1000000000, &m->outpatient_visits},
      {"students", 10000000, &m->students},
      {"occupants", 10000000, &m->occupants},
  };
  for (size_t i = 0; i < sizeof counts / sizeof *counts; i++)
    if ((x = ytree_get(n, counts[i].key)) &&
        !sch_int(&ld->s, x, PATH(ld, "facility", counts[i].key), 1,
                 counts[i].hi, counts[i].out))
      *counts[i].out = 0;
  if ((x = ytree_get(n, "hospital_grade")) && m->hospital_grade &&
      !(m->building_type && strcmp(m->building_type, "hospital") == 0)) {
    ERR(ld, x->pos, "facility.hospital_grade: a hospital grade needs "
                    "building_type: hospital (found %s)",
        m->building_type ? m->building_type : "no building_type");
    m->hospital_grade = NULL;
  }
  dimvec hours = dim_of("h");
  qty q;
  if ((x = ytree_get(n, "operating_hours")) &&
      sch_qty(&ld->s, x, "facility.operating_hours", &hours, &q)) {
    if (!(q.v > 0) || q.v > 8784)
      ERR(ld, x->pos, "facility.operating_hours: %s is not a number of "
                      "hours in a year (more than 0, at most 8,784 h)",
          q.text);
    else
      m->operating_hours = q.v;
  }
}

/* Occupied bed-days cannot exceed the beds times the days of the audit
   period (every bed taken every day). */
static void check_bed_days(loader *ld, const ynode *facility)
{
  const model *m = ld->m;
  const ynode *x = ytree_get(facility, "bed_days");
  if (!x || m->beds <= 0 || m->bed_days <= 0 || m->months <= 0)
    return;
  long days = date_days(m->to) - date_days(m->from) + 1;
  if (m->bed_days > m->beds * days)
    ERR(ld, x->pos, "facility.bed_days: %ld occupied bed-days is more than "
                    "the %ld beds can hold in the %ld days of the audit "
                    "period (%ld)",
        m->bed_days, m->beds, days, m->beds * days);
}

static void read_facility(loader *ld, const ynode *n)
{
  model *m = ld->m;
  if (!fs_map(&ld->s, n, "facility", &fs_facility))
    return;
  const ynode *x;
  if ((x = ytree_get(n, "name")))
    sch_text2(&ld->s, x, "facility.name", &m->name);
  if ((x = ytree_get(n, "address")))
    m->has_address = sch_text2(&ld->s, x, "facility.address", &m->address);
  if ((x = ytree_get(n, "credit_code")) &&
      sch_str(&ld->s, x, "facility.credit_code", &m->credit_code)) {
    const char *why = credit_code_problem(m->credit_code);
    if (why) {
      ERR(ld, x->pos, "facility.credit_code: \"%s\" is not a valid unified "
                      "social credit code: %s",
          m->credit_code, why);
      m->credit_code = NULL;
    }
  }
  /* a GB/T 4754-2017 code, its digits, or a key (rules/industries.yaml) */
  ld->industry = ytree_get(n, "industry");
  if ((x = ytree_get(n, "industry")) &&
      sch_str(&ld->s, x, "facility.industry", &m->industry)) {
    if (!industries_resolve(ld->f, m->industry, &m->industry_code,
                            &m->industry_name)) {
      /* a code the table lacks: the nearest code above it (C3099 is
         in C30); else did-you-mean over every code and key */
      const char *code = NULL;
      text2 up;
      size_t len = strlen(m->industry);
      while (len > 3 && !code) {
        len--;
        const char *pre = arena_strndup(ld->s.a, m->industry, len);
        if (!(m->industry[0] >= 'A' && m->industry[0] <= 'T') ||
            !industries_resolve(ld->f, pre, &code, &up))
          code = NULL;
      }
      const char **all = industries_all(ld->f, ld->s.a);
      const char *hint = code ? NULL
                              : sch_suggest(m->industry, all, list_len(all));
      if (code)
        ERR(ld, x->pos, "facility.industry: \"%s\" is not a code of "
                        "rules/industries.yaml (GB/T 4754-2017); it lies in "
                        "%s %s: write %s, or add the class to the table",
            m->industry, code, up.zh, code);
      else
        ERR(ld, x->pos, "facility.industry: unknown industry \"%s\"%s%s%s "
                        "(a GB/T 4754-2017 code such as C34 or C3011, or a "
                        "key of rules/industries.yaml)",
            m->industry, hint ? " (did you mean \"" : "", hint ? hint : "",
            hint ? "\"?)" : "");
      m->industry = NULL;
    }
  }
  int k;
  if ((x = ytree_get(n, "province")) &&
      sch_id(&ld->s, x, "facility.province", &m->province)) {
    bool known = ld->f->n_provinces == 0;
    const char **names =
        ARENA_ARRAY(ld->s.a, const char *, ld->f->n_provinces + 1);
    for (size_t i = 0; i < ld->f->n_provinces; i++) {
      names[i] = ld->f->provinces[i].province;
      if (strcmp(names[i], m->province) == 0)
        known = true;
    }
    if (!known) {
      unknown_ref(ld, x, "facility.province", "province", m->province, names);
      m->province = NULL;
    }
  }
  if ((x = ytree_get(n, "grid")) &&
      sch_enum(&ld->s, x, "facility.grid", grids, &k))
    m->grid = grids[k];
  dimvec money = dim_of("CNY"), area = dim_of("m2");
  if ((x = ytree_get(n, "output_value")))
    sch_qty(&ld->s, x, "facility.output_value", &money, &m->output_value);
  if ((x = ytree_get(n, "value_added")))
    sch_qty(&ld->s, x, "facility.value_added", &money, &m->value_added);
  if ((x = ytree_get(n, "floor_area")))
    sch_qty(&ld->s, x, "facility.floor_area", &area, &m->floor_area);
  qty *pos_fields[] = {&m->output_value, &m->value_added, &m->floor_area};
  const char *pos_names[] = {"output_value", "value_added", "floor_area"};
  for (int i = 0; i < 3; i++)
    if (pos_fields[i]->set && !(pos_fields[i]->v > 0)) {
      ERR(ld, pos_fields[i]->pos, "facility.%s: must be greater than zero, "
                                  "found %s",
          pos_names[i], pos_fields[i]->text);
      pos_fields[i]->set = false;
    }
  if ((x = ytree_get(n, "employees")))
    m->has_employees = sch_int(&ld->s, x, "facility.employees", 0, 10000000,
                               &m->employees);
  read_building(ld, n);
  if ((x = ytree_get(n, "process")))
    m->has_process_route =
        sch_text2(&ld->s, x, "facility.process", &m->process_route);
  if ((x = ytree_get(n, "capacity")))
    read_capacity(ld, x);
  if ((x = ytree_get(n, "lighting")))
    read_lighting(ld, x);
}

static bool read_period(loader *ld, const ynode *n, const char *path,
                        date *from, date *to)
{
  if (!fs_map(&ld->s, n, path, &fs_period))
    return false;
  const ynode *f = ytree_get(n, "from"), *t = ytree_get(n, "to");
  bool ok = f && sch_date(&ld->s, f, PATH(ld, path, "from"), from);
  ok = (t && sch_date(&ld->s, t, PATH(ld, path, "to"), to)) && ok;
  if (!ok)
    return false;
  if (date_days(*to) < date_days(*from)) {
    char a[16], b[16];
    date_format(*from, a);
    date_format(*to, b);
    ERR(ld, t->pos, "%s: reversed period: to %s is before from %s", path, b,
        a);
    return false;
  }
  return true;
}

/* audit.team: [{name:, role:, qualification:, certificate:}] — the
   people who sign the report, in the order the sign-off page lists them. */
static void read_team(loader *ld, const ynode *n)
{
  model *m = ld->m;
  if (!sch_list(&ld->s, n, "audit.team") ||
      !within_count(ld, n, "audit.team", MAX_TEAM))
    return;
  m->team = ARENA_ARRAY(ld->s.a, m_member, n->n + 1);
  for (size_t i = 0; i < n->n; i++) {
    const ynode *u = n->kids[i], *x;
    const char *path = INDEX(ld, "audit.team", i);
    if (!fs_map(&ld->s, u, path, &fs_team))
      continue;
    m_member *p = &m->team[m->n_team];
    memset(p, 0, sizeof *p);
    p->pos = u->pos;
    bool ok = (x = ytree_get(u, "name")) &&
              sch_text2(&ld->s, x, PATH(ld, path, "name"), &p->name);
    ok = (x = ytree_get(u, "role")) &&
         sch_text2(&ld->s, x, PATH(ld, path, "role"), &p->role) && ok;
    if ((x = ytree_get(u, "qualification"))) {
      p->has_qualification = sch_text2(
          &ld->s, x, PATH(ld, path, "qualification"), &p->qualification);
      ok = p->has_qualification && ok;
    }
    if ((x = ytree_get(u, "certificate")) &&
        sch_str(&ld->s, x, PATH(ld, path, "certificate"), &p->certificate)) {
      /* one line as printed in a table cell: 1 to 64 bytes, no control
         characters */
      size_t len = strlen(p->certificate);
      bool plain = len > 0 && len <= 64;
      for (size_t k = 0; k < len && plain; k++)
        plain = (unsigned char)p->certificate[k] >= 0x20 &&
                p->certificate[k] != 0x7f;
      if (!plain) {
        ERR(ld, x->pos, "%s.certificate: expected a certificate number of "
                        "1 to 64 characters on one line",
            path);
        ok = false;
      }
    } else if (x) {
      ok = false;
    }
    if (ok)
      m->n_team++;
  }
}

static void read_audit(loader *ld, const ynode *n)
{
  static const char *const *const types = fs_audit_types;
  model *m = ld->m;
  if (!fs_map(&ld->s, n, "audit", &fs_audit))
    return;
  const ynode *x;
  if ((x = ytree_get(n, "period")) &&
      read_period(ld, x, "audit.period", &m->from, &m->to)) {
    m->months = (m->to.y * 12 + m->to.m) - (m->from.y * 12 + m->from.m) + 1;
    if (m->months > 60)
      ERR(ld, x->pos, "audit.period: %d months is longer than the five years "
                      "an audit period may span",
          m->months);
  }
  int k = 0;
  m->audit_type = "full";
  if ((x = ytree_get(n, "type")) && sch_enum(&ld->s, x, "audit.type", types, &k))
    m->audit_type = types[k];
  if ((x = ytree_get(n, "auditor")))
    m->has_auditor = sch_text2(&ld->s, x, "audit.auditor", &m->auditor);
  if ((x = ytree_get(n, "report_date")))
    m->has_report_date = sch_date(&ld->s, x, "audit.report_date",
                                  &m->report_date);
  long y;
  if ((x = ytree_get(n, "grid_year")) &&
      sch_int(&ld->s, x, "audit.grid_year", 2000, 2100, &y)) {
    m->grid_year = (int)y;
    m->grid_year_pos = x->pos;
  }
  if ((x = ytree_get(n, "gwp")) && sch_id(&ld->s, x, "audit.gwp", &m->gwp) &&
      !factors_gwp_set(ld->f, m->gwp)) {
    const char **known =
        ARENA_ARRAY(ld->s.a, const char *, ld->f->n_gwp_sets + 1);
    for (size_t j = 0; j < ld->f->n_gwp_sets; j++)
      known[j] = ld->f->gwp_sets[j].key;
    unknown_ref(ld, x, "audit.gwp", "GWP set (rules/gwp.yaml)", m->gwp, known);
    m->gwp = NULL;
  }
  if ((x = ytree_get(n, "standards")) &&
      sch_list(&ld->s, x, "audit.standards")) {
    m->standards = ARENA_ARRAY(ld->s.a, const char *, x->n + 1);
    for (size_t i = 0; i < x->n; i++)
      if (sch_str(&ld->s, x->kids[i], INDEX(ld, "audit.standards", i),
                  &m->standards[m->n_standards]))
        m->n_standards++;
  }
  if ((x = ytree_get(n, "team")))
    read_team(ld, x);
}

/* }====================================================== */
/* {====================================================== units */

/* Levels of parent: under parent: (site → workshop → line → section →
   equipment is five). */
#define MAX_UNIT_DEPTH 32

static const char *const *const stages = fs_stages;
/* in the order of unit_system after SYSTEM_NONE */
static const char *const *const systems = fs_systems;

/* A unit's section: one of the stage set of the facility's industry
   (rules/stages.yaml). */
static void read_section(loader *ld, const ynode *x, const char *path,
                         const char **out)
{
  const char *id;
  if (!sch_id(&ld->s, x, path, &id))
    return;
  const model *m = ld->m;
  if (ld->industry && !m->industry_name.zh)
    return; /* an industry the rules do not know: its own error says so */
  const stage_set *set = factors_stages(ld->f, m->industry_code, m->industry);
  if (!set) {
    if (m->industry)
      ERR(ld, x->pos, "%s: the rules have no stage sections for industry "
                      "\"%s\" (rules/stages.yaml)",
          path, m->industry);
    else
      ERR(ld, x->pos, "%s: a section needs facility.industry (its stage "
                      "set in rules/stages.yaml)",
          path);
    return;
  }
  const char **ids = ARENA_ARRAY(ld->s.a, const char *, set->n_sections + 1);
  for (size_t i = 0; i < set->n_sections; i++) {
    ids[i] = set->sections[i].id;
    if (strcmp(ids[i], id) == 0) {
      *out = ids[i];
      return;
    }
  }
  unknown_ref(ld, x, path, arena_printf(ld->s.a, "section of %s", set->key),
              id, ids);
}

static void read_units(loader *ld, const ynode *n)
{
  model *m = ld->m;
  if (!sch_list(&ld->s, n, "units") ||
      !within_count(ld, n, "units", MAX_UNITS))
    return;
  m->units = ARENA_ARRAY(ld->s.a, m_unit, n->n + 1);
  ld->conv_nodes = ARENA_ARRAY(ld->s.a, const ynode *, n->n + 1);
  const ynode **parents = ARENA_ARRAY(ld->s.a, const ynode *, n->n + 1);
  /* The last place of each id in the list, for a duplicate's parent that
     is defined further down. */
  strmap *last = strmap_new(ld->s.a);
  for (size_t j = n->n; j-- > 0;) {
    const ynode *o = ytree_get(n->kids[j], "id");
    if (o && o->kind == YN_SCALAR)
      strmap_put(last, o->str, (long)j);
  }
  const char **paths = item_paths(ld, n, "units");
  for (size_t i = 0; i < n->n; i++) {
    const ynode *u = n->kids[i];
    const char *path = paths[i];
    if (!fs_map(&ld->s, u, path, &fs_unit))
      continue;
    m_unit *mu = &m->units[m->n_units];
    memset(mu, 0, sizeof *mu);
    mu->parent = -1;
    mu->conv.heat_from = -1;
    mu->pos = u->pos;
    const ynode *x = ytree_get(u, "id");
    if (!x || !sch_id(&ld->s, x, PATH(ld, path, "id"), &mu->id))
      continue;
    if (strcmp(mu->id, "site") == 0 || strcmp(mu->id, "outside") == 0) {
      ERR(ld, x->pos, "%s.id: \"%s\" is reserved (the boundary and the world "
                      "beyond it)",
          path, mu->id);
      continue;
    }
    bool dup = model_unit(m, mu->id) >= 0;
    if (dup)
      ERR(ld, x->pos, "%s.id: duplicate unit id \"%s\" (first at line %d)",
          path, mu->id, m->units[model_unit(m, mu->id)].pos.line);
    if ((x = ytree_get(u, "name")))
      sch_text2(&ld->s, x, PATH(ld, path, "name"), &mu->name);
    int k;
    bool staged = false;
    if ((x = ytree_get(u, "stage")) &&
        sch_enum(&ld->s, x, PATH(ld, path, "stage"), stages, &k)) {
      mu->stage = (unit_stage)k;
      staged = true;
    }
    if ((x = ytree_get(u, "system")) &&
        sch_enum(&ld->s, x, PATH(ld, path, "system"), systems, &k)) {
      /* the systems of GB/T 28751 divide the end use, not the other
         stages */
      if (staged && mu->stage != STAGE_END_USE)
        ERR(ld, x->pos, "%s.system: only an end-use unit (stage: end_use) "
                        "belongs to a production, auxiliary or ancillary "
                        "system; this unit's stage is %s",
            path, stages[mu->stage]);
      else
        mu->system = (unit_system)(k + 1);
    }
    if ((x = ytree_get(u, "use")) &&
        sch_enum(&ld->s, x, PATH(ld, path, "use"), fs_uses, &k))
      mu->use = (unit_use)(k + 1);
    if ((x = ytree_get(u, "section"))) {
      read_section(ld, x, PATH(ld, path, "section"), &mu->section);
      mu->section_pos = x->pos;
    }
    if (dup) {
      /* Read for its own errors; its parent is checked by name only. */
      const ynode *p = ytree_get(u, "parent");
      const char *pid;
      if (p && sch_id(&ld->s, p, PATH(ld, path, "parent"), &pid) &&
          model_unit(m, pid) < 0) {
        if (strmap_get(last, pid) <= (long)i)
          ERR(ld, p->pos, "%s.parent: unknown unit \"%s\"", path, pid);
      }
      continue;
    }
    parents[m->n_units] = ytree_get(u, "parent");
    ld->conv_nodes[m->n_units] = ytree_get(u, "conversion");
    if (!m->unit_index)
      m->unit_index = strmap_new(ld->s.a);
    strmap_put(m->unit_index, mu->id, (long)m->n_units);
    m->n_units++;
  }
  /* Parents are resolved after all ids are known; cycles are refused. */
  const char **ids = ARENA_ARRAY(ld->s.a, const char *, m->n_units + 1);
  for (size_t i = 0; i < m->n_units; i++)
    ids[i] = m->units[i].id;
  for (size_t i = 0; i < m->n_units; i++) {
    const ynode *p = parents[i];
    const char *pid;
    const char *path = arena_printf(ld->s.a, "units[%s].parent",
                                    m->units[i].id);
    if (!p || !sch_id(&ld->s, p, path, &pid))
      continue;
    int pi = model_unit(m, pid);
    if (pi < 0) {
      unknown_ref(ld, p, path, "unit", pid, ids);
      continue;
    }
    m->units[i].parent = pi;
    /* a longer cycle is also deeper than the limit, reported below */
    int steps = 0, at = pi;
    while (at >= 0 && at != (int)i && steps++ <= MAX_UNIT_DEPTH)
      at = m->units[at].parent;
    if (at == (int)i) {
      ERR(ld, p->pos, "%s: unit \"%s\" would be its own ancestor", path,
          m->units[i].id);
      m->units[i].parent = -1;
    }
  }
  /* A unit belongs to one section: its own, or an ancestor's. */
  for (size_t i = 0; i < m->n_units; i++) {
    const m_unit *mu = &m->units[i];
    int steps = 0;
    for (int at = mu->parent; mu->section && at >= 0 &&
                              steps++ <= MAX_UNIT_DEPTH;
         at = m->units[at].parent)
      if (m->units[at].section &&
          strcmp(m->units[at].section, mu->section) != 0) {
        ERR(ld, mu->section_pos,
            "units[%s].section: the unit is inside \"%s\", which is in "
            "section %s; a unit belongs to one section (name it on the "
            "parent or on the units below it, not both)",
            mu->id, m->units[at].id, m->units[at].section);
        break;
      }
  }
  /* An energy network (GB/T 16616) is a few levels deep; a limit keeps
     every walk up the tree short. One error names the first unit found
     below the limit (a deep chain is one mistake, not thousands). */
  for (size_t i = 0; i < m->n_units; i++) {
    int d = 1;
    for (int at = m->units[i].parent; at >= 0 && d <= MAX_UNIT_DEPTH;
         at = m->units[at].parent)
      d++;
    if (d > MAX_UNIT_DEPTH) {
      ERR(ld, parents[i] ? parents[i]->pos : m->units[i].pos,
          "units[%s].parent: units nest more than %d levels deep",
          m->units[i].id, MAX_UNIT_DEPTH);
      break;
    }
  }
}

/* }====================================================== */
/* {====================================================== carriers */

/* Resolves a carrier key: a rules carrier, or (allow_own) any identifier,
   which the cross-check later requires to be made by a conversion unit. */
static bool read_carrier_key(loader *ld, const ynode *x, const char *path,
                             bool allow_own, const char **out)
{
  if (!sch_id(&ld->s, x, path, out))
    return false;
  if (factors_carrier(ld->f, *out) || allow_own)
    return true;
  unknown_ref(ld, x, path, "carrier", *out, ld->carrier_keys);
  return false;
}

/* The dimension of a carrier's base unit; for an in-house carrier not yet
   known, false. */
static bool carrier_dim(loader *ld, const char *key, dimvec *d)
{
  const char *u = model_carrier_unit(ld->m, ld->f, key);
  if (!u)
    return false;
  *d = dim_of(u);
  return true;
}

static double to_carrier_units(loader *ld, const char *key, double base)
{
  const char *u = model_carrier_unit(ld->m, ld->f, key);
  return u ? units_to(base, u) : base;
}

/* Whether unit (a simple unit name, len bytes) may measure the carrier:
   input.md's units of its kind (electricity in kWh, MWh, GWh, 万kWh, heat
   in MJ, GJ, TJ…), not merely any unit of its dimension. */
static bool fits_family(loader *ld, src_pos at, const char *path,
                        const char *unit, size_t len, const char *carrier)
{
  const carrier_def *cd = factors_carrier(ld->f, carrier);
  /* a carrier made in-house is of no kind input.md names: its dimension
     (fixed by its first meter) is all there is to check */
  const char *base = cd ? cd->unit : NULL;
  if (!cd || units_in_family(base, unit, len))
    return true;
  ERR(ld, at, "%s: unit %.*s is not a unit of %s (%s)", path, (int)len, unit,
      carrier, units_family_list(base));
  return false;
}

/* A volume of a carrier that rules/carriers.yaml gives a density
   (water: 1 t/m3, the convention of water bills) stands for its mass.
   Returns the carrier's t per m3 when unit (len bytes, of dimension got)
   is a volume it may be written in, else 0. A normal cubic metre (Nm3)
   is a gas's unit, never water's. */
static double volume_density(loader *ld, const char *carrier, dimvec got,
                             const char *unit, size_t len)
{
  const carrier_def *cd = factors_carrier(ld->f, carrier);
  if (!cd || !(cd->density > 0) || !dim_eq(got, dim_of("m3")) ||
      !units_in_family("m3", unit, len))
    return 0;
  for (size_t i = 0; i + 3 <= len; i++)
    if (memcmp(unit + i, "Nm3", 3) == 0)
      return 0;
  return cd->density;
}

/* The end of a "does not fit carrier" message when a volume was written
   for a carrier counted by mass: which carriers may be. */
static const char *volume_note(loader *ld, const char *carrier, dimvec got)
{
  const carrier_def *cd = factors_carrier(ld->f, carrier);
  if (!cd || !dim_eq(got, dim_of("m3")) || !dim_eq(cd->dim, dim_of("t")))
    return "";
  if (cd->density > 0)
    return "; water is written in m3, 万m3 or L, not Nm3";
  return arena_printf(ld->s.a, "; a volume stands for a mass only where "
                               "rules/carriers.yaml gives the carrier a "
                               "density (water), and %s has none",
                      carrier);
}

/* A quantity the loader derives from several inputs (a register's
   (end − start) × multiplier, the sum of monthly values or of interval
   rows) obeys the bounds of a written one (units.h): finite, and zero or
   within [UNITS_TINY, UNITS_LIMIT] in base units. v is in unit (a unit
   of the table). */
static bool derived_in_range(loader *ld, src_pos at, const char *path,
                             const char *what, double v, const char *unit)
{
  unit_info ui;
  if (!units_lookup(unit, strlen(unit), &ui))
    ui.scale = 1.0;
  double base = v * ui.scale;
  if (isfinite(base) && fabs(base) <= UNITS_LIMIT &&
      (base == 0 || fabs(base) >= UNITS_TINY))
    return true;
  bool large = !isfinite(base) || fabs(base) > UNITS_LIMIT;
  double lim = (large ? UNITS_LIMIT : UNITS_TINY) / ui.scale;
  if (!isfinite(base))
    ERR(ld, at, "%s: %s overflows (at most %.3g %s)", path, what, lim, unit);
  else
    ERR(ld, at, "%s: %s, %s %s, is %s (%s %.3g %s)", path, what,
        balance_num(ld->s.a, v), unit,
        large ? "out of range" : "too small to be told from zero",
        large ? "at most" : "a non-zero value is at least", lim, unit);
  return false;
}

/* Reads a quantity that must be in the carrier's dimension; reports
   "unit X does not fit carrier c (mass)". Returns the value in carrier
   base units. */
static bool carrier_qty(loader *ld, const ynode *x, const char *path,
                        const char *carrier, double *out, const char **text)
{
  qty q;
  if (!sch_qty(&ld->s, x, path, NULL, &q))
    return false;
  dimvec want;
  if (!carrier_dim(ld, carrier, &want))
    return false;
  static const dimvec none = {{0}};
  if (dim_eq(q.dim, none) && !dim_eq(want, none)) {
    ERR(ld, x->pos, "%s: %s has no unit; write it with the unit, e.g. \"%s %s\"",
        path, q.text, q.text, model_carrier_unit(ld->m, ld->f, carrier));
    return false;
  }
  if (!dim_eq(q.dim, want)) {
    double rho = volume_density(ld, carrier, q.dim, q.unit, strlen(q.unit));
    if (rho > 0) {
      *out = to_carrier_units(ld, carrier, q.v * rho);
      if (text)
        *text = q.text;
      return true;
    }
    char w[64], list[160];
    dim_name(want, w, sizeof w);
    units_for_dim(want, list, sizeof list);
    ERR(ld, x->pos, "%s: \"%s\" does not fit carrier %s (%s: %s%s)", path,
        q.text, carrier, w, list, volume_note(ld, carrier, q.dim));
    return false;
  }
  if (!fits_family(ld, x->pos, path, q.unit, strlen(q.unit), carrier))
    return false;
  *out = to_carrier_units(ld, carrier, q.v);
  if (text)
    *text = q.text;
  return true;
}

/* }====================================================== */
/* {====================================================== meters */

static int read_place(loader *ld, const ynode *x, const char *path,
                      const char **place_ids)
{
  const char *id;
  if (!sch_id(&ld->s, x, path, &id))
    return -99;
  if (strcmp(id, "outside") == 0)
    return PLACE_OUTSIDE;
  if (strcmp(id, "site") == 0)
    return PLACE_SITE;
  int u = model_unit(ld->m, id);
  if (u < 0) {
    unknown_ref(ld, x, path, "place (a unit id, site or outside)", id,
                place_ids);
    return -99;
  }
  return u;
}

static bool is_accuracy_class(const char *s)
{
  static const char *const classes[] = {
      "0.01", "0.02", "0.05", "0.1", "0.2", "0.2S", "0.5", "0.5S", "1",
      "1.0",  "1.5",  "2",    "2.0", "2.5", "3",    "4",   "5",    NULL};
  for (int i = 0; classes[i]; i++)
    if (strcmp(s, classes[i]) == 0)
      return true;
  return false;
}

/* A meter's own in-house carrier: its unit is fixed by the first meter
   that uses it. */
static void note_own_carrier(loader *ld, const char *key, dimvec d,
                             src_pos at)
{
  model *m = ld->m;
  for (size_t i = 0; i < m->n_own; i++)
    if (strcmp(m->own_carriers[i], key) == 0)
      return;
  const char *unit = NULL;
  if (dim_eq(d, dim_of("t")))
    unit = "t";
  else if (dim_eq(d, dim_of("m3")))
    unit = "m3";
  else if (dim_eq(d, dim_of("GJ")))
    unit = "GJ";
  if (!unit) {
    char w[64];
    ERR(ld, at, "carrier %s: a carrier made inside is metered as a mass (t), "
                "a volume (m3) or heat (GJ), not %s",
        key, dim_name(d, w, sizeof w));
    return;
  }
  const char **k = ARENA_ARRAY(ld->s.a, const char *, m->n_own + 1);
  const char **u = ARENA_ARRAY(ld->s.a, const char *, m->n_own + 1);
  if (m->n_own) {
    memcpy(k, m->own_carriers, sizeof *k * m->n_own);
    memcpy(u, m->own_units, sizeof *u * m->n_own);
  }
  k[m->n_own] = key;
  u[m->n_own] = unit;
  m->own_carriers = k;
  m->own_units = u;
  m->n_own++;
}

static void read_register(loader *ld, const ynode *x, const char *path,
                          m_meter *mt)
{
  if (!fs_map(&ld->s, x, path, &fs_register))
    return;
  const ynode *y;
  bool ok = true;
  mt->reg_multiplier = 1.0;
  ok &= (y = ytree_get(x, "start")) &&
        sch_num(&ld->s, y, PATH(ld, path, "start"), &mt->reg_start);
  ok &= (y = ytree_get(x, "end")) &&
        sch_num(&ld->s, y, PATH(ld, path, "end"), &mt->reg_end);
  if ((y = ytree_get(x, "multiplier")) &&
      sch_num(&ld->s, y, PATH(ld, path, "multiplier"), &mt->reg_multiplier) &&
      !(mt->reg_multiplier > 0)) {
    ERR(ld, y->pos, "%s.multiplier: must be greater than zero", path);
    ok = false;
  }
  const ynode *un = ytree_get(x, "unit");
  if (!un || !sch_str(&ld->s, un, PATH(ld, path, "unit"), &mt->reg_unit))
    return;
  if (!ok)
    return;
  if (mt->reg_start < 0 || mt->reg_end < 0) {
    ERR(ld, ytree_get(x, mt->reg_start < 0 ? "start" : "end")->pos,
        "%s: a dial reading cannot be negative", path);
    return;
  }
  if (mt->reg_end < mt->reg_start) {
    ERR(ld, ytree_get(x, "end")->pos,
        "%s: end reading %g is below start %g (enter a meter that rolled "
        "over or was replaced as a total)",
        path, mt->reg_end, mt->reg_start);
    return;
  }
  double diff = (mt->reg_end - mt->reg_start) * mt->reg_multiplier;
  char text[64];
  snprintf(text, sizeof text, "%.17g %s", diff, mt->reg_unit);
  const char *t = arena_strdup(ld->s.a, text);
  qty q;
  unit_info ui;
  if (!units_lookup(mt->reg_unit, strlen(mt->reg_unit), &ui)) {
    char hint[160];
    ERR(ld, un->pos, "%s.unit: unknown unit \"%s\"%s", path, mt->reg_unit,
        units_hint(mt->reg_unit, strlen(mt->reg_unit), NULL, hint,
                   sizeof hint));
    return;
  }
  (void)q;
  dimvec want;
  if (!carrier_dim(ld, mt->carrier, &want)) {
    note_own_carrier(ld, mt->carrier, ui.dim, un->pos);
    if (!carrier_dim(ld, mt->carrier, &want))
      return;
  }
  double rho = 1.0;
  if (!dim_eq(ui.dim, want)) {
    rho = volume_density(ld, mt->carrier, ui.dim, mt->reg_unit,
                         strlen(mt->reg_unit));
    if (!(rho > 0)) {
      char w[64];
      dim_name(want, w, sizeof w);
      ERR(ld, un->pos, "%s.unit: \"%s\" does not fit carrier %s (%s%s)", path,
          mt->reg_unit, mt->carrier, w, volume_note(ld, mt->carrier, ui.dim));
      return;
    }
  } else if (!fits_family(ld, un->pos, PATH(ld, path, "unit"), mt->reg_unit,
                          strlen(mt->reg_unit), mt->carrier))
    return;
  /* finite readings can still multiply past any meter */
  const ynode *blame = ytree_get(x, "multiplier");
  if (!derived_in_range(ld, (blame ? blame : ytree_get(x, "end"))->pos, path,
                        "(end − start) × multiplier", diff, mt->reg_unit))
    return;
  mt->quantity = to_carrier_units(ld, mt->carrier, diff * ui.scale * rho);
  mt->text = t;
  mt->form = METER_REGISTER;
}

/* The keys that read other export shapes (series.h): series_column,
   series_timezone, series_values and series_rollover. False after an
   error. */
static bool series_options(loader *ld, const ynode *u, const char *mpath,
                           series_in *in)
{
  bool ok = true;
  const ynode *x;
  if ((x = ytree_get(u, "series_column"))) {
    const char *col;
    if (!sch_str(&ld->s, x, PATH(ld, mpath, "series_column"), &col))
      ok = false;
    else if (!*col || strchr(col, '"')) {
      ERR(ld, x->pos, "%s: a column's header name, not empty and without "
                      "double quotes (found \"%s\")",
          PATH(ld, mpath, "series_column"), col);
      ok = false;
    } else {
      in->column = col;
    }
  }
  if ((x = ytree_get(u, "series_timezone"))) {
    const char *tz;
    if (!sch_str(&ld->s, x, PATH(ld, mpath, "series_timezone"), &tz))
      ok = false;
    else if (!series_parse_offset(tz, tz + strlen(tz), &in->offset_s)) {
      ERR(ld, x->pos, "%s: \"%s\" is not a UTC offset (+08:00, -05:00 or "
                      "Z; a fixed offset: zone names and daylight saving "
                      "are not read)",
          PATH(ld, mpath, "series_timezone"), tz);
      ok = false;
    } else {
      in->zoned = true;
    }
  }
  static const char *const *const kinds = fs_series_values;
  int kind = 0;
  if ((x = ytree_get(u, "series_values")) &&
      !sch_enum(&ld->s, x, PATH(ld, mpath, "series_values"), kinds, &kind))
    ok = false;
  in->cumulative = kind == 1;
  if (in->cumulative && in->end_stamped) {
    ERR(ld, ytree_get(u, "series_stamp")->pos,
        "%s: cumulative readings are instants, neither the start nor the "
        "end of an interval: no series_stamp: with series_values: "
        "cumulative",
        PATH(ld, mpath, "series_stamp"));
    ok = false;
  }
  if ((x = ytree_get(u, "series_rollover"))) {
    const char *rpath = PATH(ld, mpath, "series_rollover");
    double m;
    if (!in->cumulative) {
      ERR(ld, x->pos, "%s: only cumulative readings (series_values: "
                      "cumulative) roll over",
          rpath);
      ok = false;
    } else if (!sch_num(&ld->s, x, rpath, &m)) {
      ok = false;
    } else if (!(m > 0) || m > 1e15) {
      ERR(ld, x->pos, "%s: the reading at which the register starts again "
                      "at 0, a number above 0 and at most 1e15 (found %g)",
          rpath, m);
      ok = false;
    } else {
      in->rollover = m;
    }
  }
  return ok;
}

/* series: a CSV of interval values in the meter's unit: (series.h). */
static void read_series(loader *ld, const ynode *u, const ynode *x,
                        const char *mpath, m_meter *mt, bool own)
{
  const char *path = PATH(ld, mpath, "series");
  const char *upath = PATH(ld, mpath, "unit");
  const char *rel;
  if (!sch_str(&ld->s, x, path, &rel))
    return;
  const ynode *un = ytree_get(u, "unit");
  const char *uname;
  if (!un) {
    ERR(ld, x->pos, "%s: interval data need the meter's unit: (the unit of "
                    "the CSV's values, e.g. unit: kWh)",
        path);
    return;
  }
  if (!sch_str(&ld->s, un, upath, &uname))
    return;
  unit_info info;
  if (!units_lookup(uname, strlen(uname), &info)) {
    char hint[160];
    ERR(ld, un->pos, "%s: unknown unit \"%s\"%s", upath, uname,
        units_hint(uname, strlen(uname), NULL, hint, sizeof hint));
    return;
  }
  if (own)
    note_own_carrier(ld, mt->carrier, info.dim, un->pos);
  dimvec want;
  if (!carrier_dim(ld, mt->carrier, &want))
    return;
  double rho = 1.0;
  if (!dim_eq(info.dim, want)) {
    rho = volume_density(ld, mt->carrier, info.dim, uname, strlen(uname));
    if (!(rho > 0)) {
      char w[64], list[160];
      dim_name(want, w, sizeof w);
      units_for_dim(want, list, sizeof list);
      ERR(ld, un->pos, "%s: \"%s\" does not fit carrier %s (%s: %s%s)",
          upath, uname, mt->carrier, w, list,
          volume_note(ld, mt->carrier, info.dim));
      return;
    }
  } else if (!fits_family(ld, un->pos, upath, uname, strlen(uname),
                          mt->carrier))
    return;
  if (ld->m->months <= 0)
    return; /* the period is wrong, and said so */
  series_in in;
  memset(&in, 0, sizeof in);
  in.path = rel[0] == '/' || !ld->dir
                ? rel
                : arena_printf(ld->s.a, "%s/%s", ld->dir, rel);
  in.name = in.path;
  in.root = ld->series_root;
  in.from = ld->m->from;
  in.to = ld->m->to;
  in.months = ld->m->months;
  in.scale = to_carrier_units(ld, mt->carrier, info.scale * rho);
  in.at = x->pos;
  in.what = path;
  static const char *const *const stamps = fs_series_stamps;
  const ynode *st = ytree_get(u, "series_stamp");
  int k = 0;
  if (st) {
    if (!sch_enum(&ld->s, st, PATH(ld, mpath, "series_stamp"),
                  stamps, &k))
      return;
  }
  in.end_stamped = k == 1;
  if (!series_options(ld, u, mpath, &in))
    return;
  series_out out;
  if (!series_read(ld->s.a, ld->s.dl, &in, &out))
    return;
  if (!derived_in_range(ld, x->pos, path,
                        arena_printf(ld->s.a, "the total of %s", in.name),
                        out.total, model_carrier_unit(ld->m, ld->f,
                                                      mt->carrier)))
    return;
  mt->quantity = out.total;
  mt->monthly = out.monthly;
  mt->n_monthly = (size_t)ld->m->months;
  mt->series_file = in.name;
  mt->series_values = out.n_values;
  mt->series_missing = out.n_missing;
  mt->series_interval_s = out.interval_s;
  mt->text = arena_printf(ld->s.a, "%zu interval values (%s)", out.n_values,
                          in.name);
  mt->form = METER_SERIES;
}

static void read_meter_data(loader *ld, const ynode *u, const char *path,
                            m_meter *mt)
{
  static const char *const forms[] = {"total", "monthly", "register", "series"};
  const ynode *found[4];
  int count = 0;
  for (int i = 0; i < 4; i++)
    if ((found[i] = ytree_get(u, forms[i])))
      count++;
  if (!mt->installed) {
    for (int i = 0; i < 4; i++)
      if (found[i])
        ERR(ld, found[i]->pos, "%s.%s: a meter with installed: false has no "
                               "readings",
            path, forms[i]);
    mt->form = METER_NONE;
    return;
  }
  if (count == 0) {
    ERR(ld, u->pos, "%s: meter %s has no data: give one of total, monthly, "
                    "register or series",
        path, mt->id);
    return;
  }
  if (count > 1) {
    const ynode *second = NULL;
    for (int i = 0, seen = 0; i < 4; i++)
      if (found[i] && ++seen == 2)
        second = found[i];
    ERR(ld, second->pos, "%s: meter %s has more than one of total, monthly, "
                         "register and series",
        path, mt->id);
    return;
  }
  /* An in-house carrier learns its unit from its first meter. */
  const ynode *x;
  bool own = !factors_carrier(ld->f, mt->carrier);
  if ((x = found[0])) {
    mt->data_pos = x->pos;
    if (own) {
      qty q;
      if (!sch_qty(&ld->s, x, PATH(ld, path, "total"), NULL, &q))
        return;
      note_own_carrier(ld, mt->carrier, q.dim, x->pos);
    }
    if (carrier_qty(ld, x, PATH(ld, path, "total"), mt->carrier, &mt->quantity,
                    &mt->text)) {
      if (mt->quantity < 0)
        ERR(ld, x->pos, "%s.total: negative quantity %s", path, mt->text);
      else
        mt->form = METER_TOTAL;
    }
  } else if ((x = found[1])) {
    mt->data_pos = x->pos;
    const char *mpath = PATH(ld, path, "monthly");
    if (!sch_list(&ld->s, x, mpath))
      return;
    if (ld->m->months > 0 && x->n != (size_t)ld->m->months) {
      ERR(ld, x->pos, "%s: %zu monthly values, but the audit period %04d-%02d "
                      "to %04d-%02d has %d months",
          mpath, x->n, ld->m->from.y, ld->m->from.m, ld->m->to.y, ld->m->to.m,
          ld->m->months);
    }
    mt->monthly = ARENA_ARRAY(ld->s.a, double, x->n + 1);
    bool ok = true;
    for (size_t i = 0; i < x->n; i++) {
      const char *ipath = INDEX(ld, mpath, i);
      if (own && i == 0) {
        qty q;
        if (sch_qty(&ld->s, x->kids[i], ipath, NULL, &q))
          note_own_carrier(ld, mt->carrier, q.dim, x->kids[i]->pos);
      }
      double v;
      const char *t;
      if (!carrier_qty(ld, x->kids[i], ipath, mt->carrier, &v, &t)) {
        ok = false;
        continue;
      }
      if (v < 0) {
        ERR(ld, x->kids[i]->pos, "%s: negative quantity %s", ipath, t);
        ok = false;
        continue;
      }
      mt->monthly[i] = v;
      mt->quantity += v;
    }
    mt->n_monthly = x->n;
    if (ok && !derived_in_range(ld, x->pos, mpath, "the sum", mt->quantity,
                                model_carrier_unit(ld->m, ld->f,
                                                   mt->carrier)))
      ok = false;
    if (ok && (ld->m->months <= 0 || x->n == (size_t)ld->m->months))
      mt->form = METER_MONTHLY;
  } else if ((x = found[2])) {
    mt->data_pos = x->pos;
    read_register(ld, x, PATH(ld, path, "register"), mt);
  } else if ((x = found[3])) {
    mt->data_pos = x->pos;
    read_series(ld, u, x, path, mt, own);
  }
}

/* A meter's instrument kind and calibration (GB 17167 Table 4, 5.3). */
static void read_meter_upkeep(loader *ld, const ynode *u, const char *path,
                              m_meter *mt)
{
  const ynode *x, *due = ytree_get(u, "calibration_due"),
                  *iv = ytree_get(u, "calibration_interval");
  if ((x = ytree_get(u, "kind")) &&
      sch_str(&ld->s, x, PATH(ld, path, "kind"), &mt->kind) &&
      !meter_kind_known(mt->kind)) {
    ERR(ld, x->pos, "%s.kind: \"%s\" is not a meter kind (energy_meter, "
                    "static_scale, truck_scale, static_rail_scale, "
                    "dynamic_scale, belt_scale, dynamic_rail_scale, "
                    "flow_meter)",
        path, mt->kind);
    mt->kind = NULL;
  }
  if ((x = ytree_get(u, "certificate")))
    sch_str(&ld->s, x, PATH(ld, path, "certificate"), &mt->certificate);
  if ((x = ytree_get(u, "calibrated")))
    mt->has_calibrated =
        sch_date(&ld->s, x, PATH(ld, path, "calibrated"), &mt->calibrated);
  if (due && iv) {
    ERR(ld, iv->pos, "%s: give calibration_due or calibration_interval, not "
                     "both",
        path);
    return;
  }
  if (due) {
    mt->has_due =
        sch_date(&ld->s, due, PATH(ld, path, "calibration_due"), &mt->due);
    if (mt->has_due && mt->has_calibrated &&
        date_days(mt->due) <= date_days(mt->calibrated)) {
      char a[16], b[16];
      date_format(mt->due, a);
      date_format(mt->calibrated, b);
      ERR(ld, due->pos, "%s.calibration_due: %s is not after the calibration "
                        "on %s",
          path, a, b);
      mt->has_due = false;
    }
  }
  long months;
  if (iv && sch_int(&ld->s, iv, PATH(ld, path, "calibration_interval"), 1,
                    120, &months)) {
    mt->interval_months = (int)months;
    if (!ytree_get(u, "calibrated"))
      ERR(ld, iv->pos, "%s.calibration_interval: an interval needs the date "
                       "it runs from (calibrated:)",
          path);
    else if (mt->has_calibrated) {
      date d = mt->calibrated;
      int mm = d.m - 1 + (int)months;
      d.y += mm / 12;
      d.m = mm % 12 + 1;
      static const int md[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
      int last = md[d.m - 1] + (d.m == 2 && ((d.y % 4 == 0 && d.y % 100 != 0) ||
                                             d.y % 400 == 0));
      if (d.d > last)
        d.d = last;
      mt->due = d;
      mt->has_due = true;
    }
  }
}

static void read_meters(loader *ld, const ynode *n)
{
  model *m = ld->m;
  if (!sch_list(&ld->s, n, "meters") ||
      !within_count(ld, n, "meters", MAX_METERS))
    return;
  if (n->n == 0) {
    ERR(ld, n->pos, "meters: at least one meter is required");
    return;
  }
  const char **uids = ARENA_ARRAY(ld->s.a, const char *, m->n_units + 1);
  for (size_t i = 0; i < m->n_units; i++)
    uids[i] = m->units[i].id;
  const char **places = id_list(ld, uids, m->n_units, true);
  m->meters = ARENA_ARRAY(ld->s.a, m_meter, n->n + 1);
  strmap *meter_ids = strmap_new(ld->s.a);
  const char **paths = item_paths(ld, n, "meters");
  for (size_t i = 0; i < n->n; i++) {
    const ynode *u = n->kids[i];
    const char *path = paths[i];
    if (!fs_map(&ld->s, u, path, &fs_meter))
      continue;
    m_meter *mt = &m->meters[m->n_meters];
    memset(mt, 0, sizeof *mt);
    mt->pos = u->pos;
    mt->installed = true;
    mt->from = PLACE_OUTSIDE;
    mt->to = PLACE_SITE;
    const ynode *x = ytree_get(u, "id");
    if (!x || !sch_id(&ld->s, x, PATH(ld, path, "id"), &mt->id))
      continue;
    long first = strmap_get(meter_ids, mt->id);
    bool dup = first >= 0;
    if (dup)
      ERR(ld, x->pos, "%s.id: duplicate meter id \"%s\" (first at line %d)",
          path, mt->id, m->meters[first].pos.line);
    /* A duplicate is still read, so that its own errors show too. */
    if (!dup)
      path = arena_printf(ld->s.a, "meters[%s]", mt->id);
    if ((x = ytree_get(u, "name")))
      sch_text2(&ld->s, x, PATH(ld, path, "name"), &mt->name);
    else
      mt->name.zh = mt->name.en = mt->id;
    evidence(ld, u, path, "meter", mt->id, mt->name);
    bool carrier_ok = false;
    if ((x = ytree_get(u, "carrier"))) {
      carrier_ok =
          read_carrier_key(ld, x, PATH(ld, path, "carrier"), true, &mt->carrier);
      mt->carrier_pos = x->pos;
    }
    long level;
    if ((x = ytree_get(u, "level")) &&
        sch_int(&ld->s, x, PATH(ld, path, "level"), 1, 3, &level))
      mt->level = (int)level;
    if ((x = ytree_get(u, "accuracy")) &&
        sch_str(&ld->s, x, PATH(ld, path, "accuracy"), &mt->accuracy)) {
      mt->accuracy_pos = x->pos;
      if (!is_accuracy_class(mt->accuracy)) {
        ERR(ld, x->pos, "%s.accuracy: \"%s\" is not an accuracy class (0.2S, "
                        "0.5S, 0.5, 1.0, 2.0, 2.5…)",
            path, mt->accuracy);
        mt->accuracy = NULL;
      }
    }
    read_meter_upkeep(ld, u, path, mt);
    int place;
    bool places_ok = true;
    const ynode *to_node = ytree_get(u, "to");
    if ((x = ytree_get(u, "from"))) {
      if ((place = read_place(ld, x, PATH(ld, path, "from"), places)) != -99)
        mt->from = place;
      else
        places_ok = false;
    }
    if ((x = to_node)) {
      if ((place = read_place(ld, x, PATH(ld, path, "to"), places)) != -99)
        mt->to = place;
      else
        places_ok = false;
    }
    if (places_ok && mt->from == mt->to)
      ERR(ld, to_node ? to_node->pos : u->pos,
          "%s: from and to are both \"%s\"", path, model_place(m, mt->from));
    /* sold_to: the buyer, a facility of the same group (rollup nets the
       sale out of the group's totals) */
    if ((x = ytree_get(u, "sold_to")) &&
        sch_id(&ld->s, x, PATH(ld, path, "sold_to"), &mt->sold_to) &&
        places_ok && mt->to != PLACE_OUTSIDE) {
      ERR(ld, x->pos, "%s.sold_to: only a sale (a meter to: outside) names "
                      "its buyer; this meter goes to \"%s\"",
          path, model_place(m, mt->to));
      mt->sold_to = NULL;
    }
    bool installed_ok = true;
    if ((x = ytree_get(u, "installed")))
      installed_ok =
          sch_bool(&ld->s, x, PATH(ld, path, "installed"), &mt->installed);
    if ((x = ytree_get(u, "unit")) && !ytree_get(u, "series"))
      ERR(ld, x->pos, "%s.unit: only a meter with series: takes unit:", path);
    static const char *const series_keys[] = {
        "series_stamp",  "series_column",   "series_timezone",
        "series_values", "series_rollover", NULL};
    for (int k = 0; series_keys[k]; k++)
      if ((x = ytree_get(u, series_keys[k])) && !ytree_get(u, "series"))
        ERR(ld, x->pos, "%s.%s: only a meter with series: takes %s:", path,
            series_keys[k], series_keys[k]);
    if (installed_ok && !mt->installed) {
      static const char *const upkeep[] = {"calibrated", "calibration_due",
                                           "calibration_interval",
                                           "certificate", NULL};
      for (int k = 0; upkeep[k]; k++)
        if ((x = ytree_get(u, upkeep[k])))
          ERR(ld, x->pos, "%s.%s: a meter that is not installed has no "
                          "calibration",
              path, upkeep[k]);
    }
    if (carrier_ok && installed_ok)
      read_meter_data(ld, u, path, mt);
    if (!dup) {
      strmap_put(meter_ids, mt->id, (long)m->n_meters);
      m->n_meters++;
    }
  }
}

/* units[].conversion (docs/calculation.md, "Conversion units"): what a
   conversion unit is, the unit it recovers heat from, its gross output at
   the terminals and its capacity. Read after the meters: its outflow
   says which carrier the output is of. */
static void read_conversions(loader *ld)
{
  model *m = ld->m;
  if (!ld->conv_nodes)
    return;
  const char **uids = NULL;
  for (size_t i = 0; i < m->n_units; i++) {
    const ynode *n = ld->conv_nodes[i];
    if (!n)
      continue;
    m_unit *mu = &m->units[i];
    m_conversion *cv = &mu->conv;
    const char *path = arena_printf(ld->s.a, "units[%s].conversion", mu->id);
    if (!fs_map(&ld->s, n, path, &fs_conversion))
      continue;
    cv->given = true;
    cv->pos = n->pos;
    if (mu->stage != STAGE_CONVERSION)
      ERR(ld, n->pos, "%s: only a unit of stage conversion converts energy "
                      "(this unit's stage is %s)",
          path, stages[mu->stage]);
    const ynode *x;
    int k;
    /* without a kind (reported by sch_map) nothing else can be judged */
    if (!(x = ytree_get(n, "kind")))
      continue;
    cv->kind_pos = x->pos;
    if (!sch_enum(&ld->s, x, PATH(ld, path, "kind"), CONVERSION_KINDS, &k))
      continue;
    cv->kind = (conv_kind)k;
    x = ytree_get(n, "heat_from");
    if (x && !CONV_RECOVERS(cv->kind)) {
      ERR(ld, x->pos, "%s.heat_from: only a unit of kind waste_heat_power or "
                      "waste_heat_boiler recovers heat from another unit "
                      "(kind is %s)",
          path, CONVERSION_KINDS[cv->kind]);
    } else if (x) {
      const char *id;
      cv->heat_from_pos = x->pos;
      if (sch_id(&ld->s, x, PATH(ld, path, "heat_from"), &id)) {
        int h = model_unit(m, id);
        if (h < 0) {
          if (!uids) {
            uids = ARENA_ARRAY(ld->s.a, const char *, m->n_units + 1);
            for (size_t j = 0; j < m->n_units; j++)
              uids[j] = m->units[j].id;
          }
          unknown_ref(ld, x, PATH(ld, path, "heat_from"), "unit", id, uids);
        } else if (h == (int)i) {
          ERR(ld, x->pos, "%s.heat_from: a unit cannot recover its own "
                          "waste heat; name the unit whose heat it uses "
                          "(the kiln, the furnace)",
              path);
        } else {
          cv->heat_from = h;
        }
      }
    } else if (CONV_RECOVERS(cv->kind)) {
      ERR(ld, n->pos, "%s.heat_from: required for kind %s: the unit whose "
                      "waste heat it recovers (its fuel already holds that "
                      "heat)",
          path, CONVERSION_KINDS[cv->kind]);
    }
    /* the carriers it sends out */
    const char *made = NULL, *other = NULL;
    double out = 0;
    const char *out_ids = NULL;
    for (size_t j = 0; j < m->n_meters; j++) {
      const m_meter *mt = &m->meters[j];
      if (mt->from != (int)i || !mt->carrier)
        continue;
      if (!made)
        made = mt->carrier;
      else if (strcmp(made, mt->carrier) != 0 && !other)
        other = mt->carrier;
      if (strcmp(made, mt->carrier) == 0 && mt->form != METER_NONE) {
        out += mt->quantity;
        out_ids = out_ids ? arena_printf(ld->s.a, "%s, %s", out_ids, mt->id)
                          : mt->id;
      }
    }
    if (!other)
      cv->carrier = made;
    if ((x = ytree_get(n, "output"))) {
      const char *opath = PATH(ld, path, "output");
      if (!made) {
        ERR(ld, x->pos, "%s: no meter leaves this unit, so nothing says what "
                        "it makes; add the meter of its net output",
            opath);
      } else if (other) {
        ERR(ld, x->pos, "%s: the unit sends out %s and %s; a gross output is "
                        "given for a unit that makes one carrier",
            opath, made, other);
      } else {
        double v;
        const char *text;
        if (carrier_qty(ld, x, opath, made, &v, &text)) {
          if (!(v > 0)) {
            ERR(ld, x->pos, "%s: must be greater than zero, found %s", opath,
                text);
          } else if (out > v * (1 + 1e-9)) {
            const char *cu = model_carrier_unit(m, ld->f, made);
            ERR(ld, x->pos, "%s: %s is less than the metered outflow %s %s "
                            "(meters %s); the gross output at the terminals "
                            "includes the unit's own use",
                opath, text, balance_num(ld->s.a, out), cu, out_ids);
          } else {
            cv->output.set = true;
            cv->output.v = v;
            cv->output.text = text;
            cv->output.pos = x->pos;
          }
        }
      }
    }
    if ((x = ytree_get(n, "capacity"))) {
      const char *cpath = PATH(ld, path, "capacity");
      if (sch_qty(&ld->s, x, cpath, NULL, &cv->capacity) &&
          !dim_eq(cv->capacity.dim, dim_of("kW")) &&
          !dim_eq(cv->capacity.dim, dim_of("t/h"))) {
        ERR(ld, x->pos, "%s: \"%s\" is not a power (kW, MW) or a steam rate "
                        "(t/h)",
            cpath, cv->capacity.text);
        cv->capacity.set = false;
      } else if (cv->capacity.set && !(cv->capacity.v > 0)) {
        ERR(ld, x->pos, "%s: must be greater than zero, found %s", cpath,
            cv->capacity.text);
        cv->capacity.set = false;
      }
    }
  }
  /* Heat is recovered once: a recovery unit's heat comes from a unit that
     burns or uses energy, not from another recovery unit. */
  for (size_t i = 0; i < m->n_units; i++) {
    const m_conversion *cv = &m->units[i].conv;
    if (cv->heat_from >= 0 && CONV_RECOVERS(m->units[cv->heat_from].conv.kind))
      ERR(ld, cv->heat_from_pos,
          "units[%s].conversion.heat_from: %s itself recovers waste heat; "
          "name the unit whose fuel the heat comes from",
          m->units[i].id, m->units[cv->heat_from].id);
  }
}

/* }====================================================== */
/* {====================================================== stock, prices */

static void read_stock(loader *ld, const ynode *n)
{
  model *m = ld->m;
  if (!sch_list(&ld->s, n, "stock") ||
      !within_count(ld, n, "stock", MAX_STOCK))
    return;
  m->stock = ARENA_ARRAY(ld->s.a, m_stock, n->n + 1);
  strmap *seen = strmap_new(ld->s.a);
  for (size_t i = 0; i < n->n; i++) {
    const ynode *u = n->kids[i];
    const char *path = INDEX(ld, "stock", i);
    if (!fs_map(&ld->s, u, path, &fs_stock))
      continue;
    m_stock *st = &m->stock[m->n_stock];
    st->pos = u->pos;
    const ynode *x = ytree_get(u, "carrier");
    if (!x || !read_carrier_key(ld, x, PATH(ld, path, "carrier"), false,
                                &st->carrier))
      continue;
    const carrier_def *cd = factors_carrier(ld->f, st->carrier);
    if (cd && cd->cls != CARRIER_FUEL) {
      ERR(ld, x->pos, "%s.carrier: %s cannot be stored; stock changes are for "
                      "storable fuels",
          path, st->carrier);
      continue;
    }
    if (strmap_put(seen, st->carrier, (long)i) >= 0)
      ERR(ld, x->pos, "%s.carrier: a second stock entry for %s", path,
          st->carrier);
    bool ok = true;
    const char *t;
    ok &= (x = ytree_get(u, "opening")) &&
          carrier_qty(ld, x, PATH(ld, path, "opening"), st->carrier,
                      &st->opening, &t);
    if (ok && st->opening < 0)
      ERR(ld, x->pos, "%s.opening: negative stock %s", path, t), ok = false;
    if (ok) {
      st->opening_pos = x->pos;
      st->opening_text = t;
    }
    bool ok2 = (x = ytree_get(u, "closing")) &&
               carrier_qty(ld, x, PATH(ld, path, "closing"), st->carrier,
                           &st->closing, &t);
    if (ok2 && st->closing < 0)
      ERR(ld, x->pos, "%s.closing: negative stock %s", path, t), ok2 = false;
    if (ok2) {
      st->closing_pos = x->pos;
      st->closing_text = t;
    }
    if (ok && ok2)
      m->n_stock++;
  }
}

static void read_prices(loader *ld, const ynode *n)
{
  model *m = ld->m;
  if (!n || n->kind != YN_MAP) {
    ERR(ld, n->pos, "prices: expected a mapping of carrier: price, found %s",
        ytree_kind_name(n));
    return;
  }
  m->prices = ARENA_ARRAY(ld->s.a, m_price, n->n + 1);
  for (size_t i = 0; i < n->n; i++) {
    const ynode *k = n->kids[2 * i], *v = n->kids[2 * i + 1];
    const char *key;
    const char *path = arena_printf(ld->s.a, "prices.%s", k->str);
    if (!read_carrier_key(ld, k, "prices", true, &key))
      continue;
    /* {price: QTY, vat: included|excluded}: the price and what it says
       about value-added tax */
    vat_basis vat = VAT_NOT_STATED;
    if (v->kind == YN_MAP && ytree_get(v, "price")) {
      static const char *const *const vats = fs_vats;
      fs_map(&ld->s, v, path, &fs_price);
      const ynode *vn = ytree_get(v, "vat");
      int kv;
      if (vn && sch_enum(&ld->s, vn, PATH(ld, path, "vat"), vats, &kv))
        vat = kv == 0 ? VAT_INCLUDED : VAT_EXCLUDED;
      path = PATH(ld, path, "price");
      v = ytree_get(v, "price");
    }
    qty q;
    if (!sch_qty(&ld->s, v, path, NULL, &q))
      continue;
    dimvec cd;
    if (!carrier_dim(ld, key, &cd)) {
      unknown_ref(ld, k, "prices", "carrier", key, ld->carrier_keys);
      continue;
    }
    dimvec want = dim_of("CNY");
    for (int d = 0; d < DIM_COUNT; d++)
      want.e[d] = (signed char)(want.e[d] - cd.e[d]);
    size_t dl;
    const char *den = units_denominator(q.unit, &dl);
    /* water is priced per m3: CNY/m3 over the density is CNY/t */
    double rho = 0;
    if (!dim_eq(q.dim, want) && dim_eq(q.dim, dim_of("CNY/m3")) &&
        (rho = volume_density(ld, key, dim_of("m3"), den, dl)) > 0) {
      if (q.v < 0) {
        ERR(ld, v->pos, "%s: negative price %s", path, q.text);
        continue;
      }
      m_price *p = &m->prices[m->n_prices++];
      p->carrier = key;
      p->cny_per_unit = q.v / rho / units_to(1.0, model_carrier_unit(m, ld->f,
                                                                     key));
      p->text = q.text;
      p->vat = vat;
      p->pos = v->pos;
      continue;
    }
    if (!dim_eq(q.dim, want)) {
      char w[64];
      dim_name(cd, w, sizeof w);
      const carrier_def *kd = factors_carrier(ld->f, key);
      ERR(ld, v->pos, "%s: \"%s\" is not a price per %s (such as CNY/%s%s)",
          path, q.text, w, model_carrier_unit(m, ld->f, key),
          kd && kd->density > 0 ? " or CNY/m3" : "");
      continue;
    }
    if (!fits_family(ld, v->pos, path, den, dl, key))
      continue;
    if (q.v < 0) {
      ERR(ld, v->pos, "%s: negative price %s", path, q.text);
      continue;
    }
    m_price *p = &m->prices[m->n_prices++];
    p->carrier = key;
    /* q.v is CNY per base unit of the dimension; per carrier unit: */
    p->cny_per_unit = q.v / units_to(1.0, model_carrier_unit(m, ld->f, key));
    p->text = q.text;
    p->vat = vat;
    p->pos = v->pos;
  }
}

/* }====================================================== */
/* {====================================================== factor overrides */

static dimvec dim_per(dimvec num, dimvec den)
{
  for (int d = 0; d < DIM_COUNT; d++)
    num.e[d] = (signed char)(num.e[d] - den.e[d]);
  return num;
}

/* The per-unit part of a factor ("kJ/kg", "tCO2/MWh") is a unit of the
   carrier's kind. */
static bool per_fits(loader *ld, const ynode *x, const char *path,
                     const qty *q, const char *carrier)
{
  size_t len;
  const char *den = units_denominator(q->unit, &len);
  return fits_family(ld, x->pos, path, den, len, carrier);
}

static void read_factor_overrides(loader *ld, const ynode *n)
{
  static const char *const *const origins = fs_origins;
  model *m = ld->m;
  if (!n || n->kind != YN_MAP) {
    ERR(ld, n->pos, "factors: expected a mapping of carrier: overrides, "
                    "found %s",
        ytree_kind_name(n));
    return;
  }
  m->factor_overrides = ARENA_ARRAY(ld->s.a, m_factor, n->n + 1);
  for (size_t i = 0; i < n->n; i++) {
    const ynode *k = n->kids[2 * i], *v = n->kids[2 * i + 1];
    const char *path = arena_printf(ld->s.a, "factors.%s", k->str);
    m_factor *fo = &m->factor_overrides[m->n_factor_overrides];
    memset(fo, 0, sizeof *fo);
    if (!read_carrier_key(ld, k, "factors", false, &fo->carrier))
      continue;
    if (!fs_map(&ld->s, v, path, &fs_factor))
      continue;
    fo->pos = v->pos;
    const carrier_def *cdef = factors_carrier(ld->f, fo->carrier);
    text2 cname = {fo->carrier, fo->carrier, k->pos};
    if (cdef)
      cname = (text2){cdef->name.zh, cdef->name.en, k->pos};
    evidence(ld, v, path, "factor", fo->carrier, cname);
    dimvec cd;
    carrier_dim(ld, fo->carrier, &cd);
    double scale = 1.0 / units_to(1.0, model_carrier_unit(m, ld->f,
                                                          fo->carrier));
    const ynode *x;
    qty q;
    if ((x = ytree_get(v, "ncv"))) {
      dimvec want = dim_per(dim_of("MJ"), cd);
      if (sch_qty(&ld->s, x, PATH(ld, path, "ncv"), &want, &q) &&
          per_fits(ld, x, PATH(ld, path, "ncv"), &q, fo->carrier)) {
        if (q.v <= 0)
          ERR(ld, x->pos, "%s.ncv: must be greater than zero", path);
        fo->has_ncv = q.v > 0;
        fo->ncv_mj = q.v * scale;
        fo->ncv_text = q.text;
      }
    }
    if ((x = ytree_get(v, "counted")) &&
        sch_bool(&ld->s, x, PATH(ld, path, "counted"), &fo->counted)) {
      /* GB/T 2589 counts every fuel, electricity and heat; only a working
         medium (耗能工质) is counted or not by the scope of the statistics */
      if (cdef && cdef->cls != CARRIER_MEDIUM && !fo->counted)
        ERR(ld, x->pos, "%s.counted: only an energy-carrying working medium "
                        "(耗能工质, class medium: fresh water, compressed "
                        "air…) may be left out of the total; %s is of class "
                        "%s, which GB/T 2589 always counts",
            path, fo->carrier,
            cdef->cls == CARRIER_FUEL          ? "fuel"
            : cdef->cls == CARRIER_ELECTRICITY ? "electricity"
            : cdef->cls == CARRIER_STEAM       ? "steam"
                                               : "heat");
      else
        fo->has_counted = true;
    }
    if ((x = ytree_get(v, "enthalpy"))) {
      dimvec want = dim_per(dim_of("MJ"), cd);
      if (sch_qty(&ld->s, x, PATH(ld, path, "enthalpy"), &want, &q) &&
          per_fits(ld, x, PATH(ld, path, "enthalpy"), &q, fo->carrier)) {
        if (q.v <= 0)
          ERR(ld, x->pos, "%s.enthalpy: must be greater than zero", path);
        fo->has_enthalpy = q.v > 0;
        fo->enthalpy_mj = q.v * scale;
        fo->enthalpy_text = q.text;
      }
    }
    if ((x = ytree_get(v, "carbon_content"))) {
      dimvec want = dim_of("tC/GJ");
      if (sch_qty(&ld->s, x, PATH(ld, path, "carbon_content"), &want, &q)) {
        if (q.v <= 0)
          ERR(ld, x->pos, "%s.carbon_content: must be greater than zero", path);
        fo->has_cc = q.v > 0;
        fo->cc = q.v * 1000.0;
        fo->cc_text = q.text;
      }
    }
    if ((x = ytree_get(v, "oxidation")) &&
        sch_ratio(&ld->s, x, PATH(ld, path, "oxidation"), true, &fo->ox)) {
      fo->has_ox = true;
      fo->ox_text = x->str;
    }
    if ((x = ytree_get(v, "emission_factor"))) {
      dimvec want = dim_per(dim_of("tCO2"), cd);
      if (sch_qty(&ld->s, x, PATH(ld, path, "emission_factor"), &want, &q) &&
          per_fits(ld, x, PATH(ld, path, "emission_factor"), &q,
                   fo->carrier)) {
        if (q.v < 0)
          ERR(ld, x->pos, "%s.emission_factor: negative", path);
        fo->has_ef = q.v >= 0;
        fo->ef = q.v * scale;
        fo->ef_text = q.text;
      }
    }
    if ((x = ytree_get(v, "source")))
      sch_text2(&ld->s, x, PATH(ld, path, "source"), &fo->source);
    int oi;
    if ((x = ytree_get(v, "origin")) &&
        sch_enum(&ld->s, x, PATH(ld, path, "origin"), origins, &oi))
      fo->origin = origins[oi];
    m->n_factor_overrides++;
  }
}

/* }====================================================== */
/* {====================================================== products */

/* The unit a product is counted in. An energy product is electricity
   (kWh) when written in kWh, MWh, GWh or 万kWh, heat (GJ) when written in
   MJ, GJ or TJ; any other energy unit (kJ) is neither, and NULL. */
static const char *product_unit(dimvec d, const char *unit)
{
  if (dim_eq(d, dim_of("GJ"))) {
    size_t len = strlen(unit);
    return units_in_family("kWh", unit, len)  ? "kWh"
           : units_in_family("GJ", unit, len) ? "GJ"
                                              : NULL;
  }
  static const char *const cands[] = {"t", "m3", "m2", NULL};
  for (int i = 0; cands[i]; i++)
    if (dim_eq(d, dim_of(cands[i])))
      return cands[i];
  return NULL;
}

/* The order in which products are computed: that of passes that take,
   in list order, each product whose uses are all placed (a product placed
   earlier in the same pass counts). Product i lands in pass max(1,
   pass(u) for a use u listed before it, pass(u) + 1 for one listed after
   it), so one depth-first walk finds every pass and the order is (pass,
   index): linear in the uses, not a scan of the list per pass. Products in
   or behind a cycle of uses are never placed: each gets an error and goes
   last, in list order. */
struct placing {
  size_t pass; /* a cycle: SIZE_MAX */
  size_t next; /* the next use to look at during the walk */
  int state;   /* 0 new, 1 on the walk's stack, 2 done */
  size_t index;
};

static int by_pass(const void *pa, const void *pb)
{
  const struct placing *a = pa, *b = pb;
  if (a->pass != b->pass)
    return a->pass < b->pass ? -1 : 1;
  return (a->index > b->index) - (a->index < b->index);
}

static void order_products(loader *ld)
{
  model *m = ld->m;
  size_t n = m->n_products;
  m->product_order = ARENA_ARRAY(ld->s.a, size_t, n + 1);
  struct placing *pl = mem_alloc(sizeof *pl * (n + 1));
  size_t *stack = mem_alloc(sizeof *stack * (n + 1));
  for (size_t root = 0; root < n; root++) {
    if (pl[root].state)
      continue;
    size_t top = 0;
    stack[top++] = root;
    pl[root].state = 1;
    pl[root].pass = 1;
    while (top) {
      size_t i = stack[top - 1];
      const m_product *p = &m->products[i];
      if (pl[i].next == p->n_uses) {
        pl[i].state = 2;
        top--;
        continue;
      }
      size_t u = (size_t)p->uses[pl[i].next].product;
      if (pl[u].state == 0) { /* walk u first, then look at it again */
        pl[u].state = 1;
        pl[u].pass = 1;
        stack[top++] = u;
        continue;
      }
      pl[i].next++;
      size_t k = pl[u].state == 1 || pl[u].pass == SIZE_MAX
                     ? SIZE_MAX
                     : pl[u].pass + (u > i ? 1 : 0);
      if (k > pl[i].pass)
        pl[i].pass = k;
    }
  }
  for (size_t i = 0; i < n; i++)
    pl[i].index = i;
  qsort(pl, n, sizeof *pl, by_pass);
  for (size_t i = 0; i < n; i++)
    m->product_order[i] = pl[i].index;
  for (size_t i = 0; i < n; i++)
    if (pl[i].pass == SIZE_MAX)
      ERR(ld, m->products[pl[i].index].pos,
          "products[%s].uses: products use each other in a cycle",
          m->products[pl[i].index].id);
  mem_free(pl);
  mem_free(stack);
}

/* A quantity of product p written in unit (len bytes): for an energy
   product, a unit of its kind (a product counted in kWh is not given in
   GJ). */
static bool fits_product(loader *ld, src_pos at, const char *path,
                         const char *unit, size_t len, const m_product *p)
{
  bool energy = strcmp(p->unit, "kWh") == 0 || strcmp(p->unit, "GJ") == 0;
  if (!energy || units_in_family(p->unit, unit, len))
    return true;
  ERR(ld, at, "%s: unit %.*s does not fit product %s, counted as %s (%s)",
      path, (int)len, unit, p->id, units_family_name(p->unit),
      units_family_list(p->unit));
  return false;
}

/* Reads each product's uses: (intermediate products it consumes), after
   all ids are known, and orders the products so that a used product comes
   before its user; a cycle is an error. */
static void read_uses(loader *ld, const ynode **uses)
{
  model *m = ld->m;
  const char **pids = ld->pids;
  for (size_t i = 0; i < m->n_products; i++) {
    const ynode *x = uses[i];
    m_product *p = &m->products[i];
    const char *path = arena_printf(ld->s.a, "products[%s].uses", p->id);
    if (!x || !sch_list(&ld->s, x, path))
      continue;
    p->uses = ARENA_ARRAY(ld->s.a, m_use, x->n + 1);
    for (size_t j = 0; j < x->n; j++) {
      const ynode *u = x->kids[j], *y;
      const char *upath = INDEX(ld, path, j), *id;
      if (!fs_map(&ld->s, u, upath, &fs_use) ||
          !(y = ytree_get(u, "product")) ||
          !sch_id(&ld->s, y, PATH(ld, upath, "product"), &id))
        continue;
      int q = (int)strmap_get(ld->product_ids, id);
      if (q < 0) {
        unknown_ref(ld, y, PATH(ld, upath, "product"), "product", id, pids);
        continue;
      }
      if (q == (int)i) {
        ERR(ld, y->pos, "%s.product: a product cannot use itself", upath);
        continue;
      }
      qty amount;
      const m_product *qp = &m->products[q];
      if (!(y = ytree_get(u, "quantity")) || !qp->unit)
        continue;
      dimvec want = dim_of(qp->unit);
      if (!sch_qty(&ld->s, y, PATH(ld, upath, "quantity"), &want, &amount) ||
          !fits_product(ld, y->pos, PATH(ld, upath, "quantity"), amount.unit,
                        strlen(amount.unit), qp))
        continue;
      if (amount.v < 0) {
        ERR(ld, y->pos, "%s.quantity: negative quantity %s", upath, amount.text);
        continue;
      }
      m_use *mu = &p->uses[p->n_uses++];
      mu->product = q;
      mu->amount = units_to(amount.v, qp->unit);
      mu->text = amount.text;
      mu->pos = y->pos;
    }
  }
  order_products(ld);
}

/* Output by month may differ from the annual quantity by rounding only:
   beyond this share of it one of the two is wrong (docs/input.md). */
#define PRODUCT_MONTHLY_SLACK 0.001

/* A product's monthly: one output per month of the period, in a unit of
   its quantity's kind; their sum agrees with quantity within
   PRODUCT_MONTHLY_SLACK. */
static void read_product_monthly(loader *ld, const ynode *x, const char *path,
                                 m_product *p)
{
  const char *mpath = PATH(ld, path, "monthly");
  if (!sch_list(&ld->s, x, mpath))
    return;
  bool ok = true;
  if (ld->m->months > 0 && x->n != (size_t)ld->m->months) {
    ERR(ld, x->pos, "%s: %zu monthly values, but the audit period %04d-%02d "
                    "to %04d-%02d has %d months",
        mpath, x->n, ld->m->from.y, ld->m->from.m, ld->m->to.y, ld->m->to.m,
        ld->m->months);
    ok = false;
  }
  double *v = ARENA_ARRAY(ld->s.a, double, x->n + 1);
  double sum = 0;
  dimvec want = dim_of(p->unit);
  for (size_t i = 0; i < x->n; i++) {
    const char *ipath = INDEX(ld, mpath, i);
    qty q;
    if (!sch_qty(&ld->s, x->kids[i], ipath, &want, &q) ||
        !fits_product(ld, x->kids[i]->pos, ipath, q.unit, strlen(q.unit), p)) {
      ok = false;
      continue;
    }
    if (q.v < 0) {
      ERR(ld, x->kids[i]->pos, "%s: negative quantity %s", ipath, q.text);
      ok = false;
      continue;
    }
    v[i] = units_to(q.v, p->unit);
    sum += v[i];
  }
  if (!ok || ld->m->months <= 0)
    return;
  double diff = sum - p->quantity.v;
  if (!isfinite(sum) ||
      fabs(diff) > PRODUCT_MONTHLY_SLACK * p->quantity.v) {
    ERR(ld, x->pos, "%s: the monthly values add up to %.10g %s, but quantity "
                    "is %s (%.10g %s): they differ by %.2f %%, more than the "
                    "0.1 %% rounding allows",
        mpath, sum, p->unit, p->quantity.text, p->quantity.v, p->unit,
        fabs(diff) / p->quantity.v * 100.0);
    return;
  }
  p->monthly = v;
  p->n_monthly = x->n;
  p->monthly_pos = x->pos;
}

static void read_products(loader *ld, const ynode *n)
{
  model *m = ld->m;
  if (!sch_list(&ld->s, n, "products") ||
      !within_count(ld, n, "products", MAX_PRODUCTS))
    return;
  const ynode **uses = ARENA_ARRAY(ld->s.a, const ynode *, n->n + 1);
  const char **uids = ARENA_ARRAY(ld->s.a, const char *, m->n_units + 1);
  for (size_t i = 0; i < m->n_units; i++)
    uids[i] = m->units[i].id;
  m->products = ARENA_ARRAY(ld->s.a, m_product, n->n + 1);
  ld->product_ids = strmap_new(ld->s.a);
  const char **paths = item_paths(ld, n, "products");
  for (size_t i = 0; i < n->n; i++) {
    const ynode *u = n->kids[i];
    const char *path = paths[i];
    if (!fs_map(&ld->s, u, path, &fs_product))
      continue;
    m_product *p = &m->products[m->n_products];
    memset(p, 0, sizeof *p);
    p->pos = u->pos;
    const ynode *x = ytree_get(u, "id");
    if (!x || !sch_id(&ld->s, x, PATH(ld, path, "id"), &p->id))
      continue;
    long first = strmap_get(ld->product_ids, p->id);
    bool dup = first >= 0;
    if (dup)
      ERR(ld, x->pos, "%s.id: duplicate product id \"%s\" (first at line %d)",
          path, p->id, m->products[first].pos.line);
    if (!dup)
      path = arena_printf(ld->s.a, "products[%s]", p->id);
    if ((x = ytree_get(u, "name")))
      sch_text2(&ld->s, x, PATH(ld, path, "name"), &p->name);
    evidence(ld, u, path, "product", p->id, p->name);
    if ((x = ytree_get(u, "benchmark")) &&
        sch_id(&ld->s, x, PATH(ld, path, "benchmark"), &p->benchmark)) {
      p->benchmark_pos = x->pos;
      if (ld->f->n_benchmarks && !factors_benchmark(ld->f, p->benchmark)) {
        const char **known =
            ARENA_ARRAY(ld->s.a, const char *, ld->f->n_benchmarks + 1);
        size_t nk = 0; /* another edition's entry is not named */
        for (size_t k = 0; k < ld->f->n_benchmarks; k++)
          if (!ld->f->benchmarks[k].edition_of)
            known[nk++] = ld->f->benchmarks[k].key;
        known[nk] = NULL;
        unknown_ref(ld, x, PATH(ld, path, "benchmark"),
                    "benchmark (rules/benchmarks/)", p->benchmark, known);
        p->benchmark = NULL;
      }
    }
    if ((x = ytree_get(u, "quantity")) &&
        sch_qty(&ld->s, x, PATH(ld, path, "quantity"), NULL, &p->quantity)) {
      p->unit = product_unit(p->quantity.dim, p->quantity.unit);
      if (!p->unit && dim_eq(p->quantity.dim, dim_of("GJ"))) {
        ERR(ld, x->pos, "%s.quantity: unit %s is not a unit of electricity "
                        "(%s) or heat (%s)",
            path, p->quantity.unit, units_family_list("kWh"),
            units_family_list("GJ"));
      } else if (!p->unit) {
        ERR(ld, x->pos, "%s.quantity: \"%s\" is not an amount of product (a "
                        "mass, volume, area or electricity)",
            path, p->quantity.text);
      } else if (!(p->quantity.v > 0)) {
        ERR(ld, x->pos, "%s.quantity: must be greater than zero, found %s",
            path, p->quantity.text);
      } else {
        p->quantity.v = units_to(p->quantity.v, p->unit);
      }
    }
    if ((x = ytree_get(u, "units")) &&
        sch_list(&ld->s, x, PATH(ld, path, "units"))) {
      p->units = ARENA_ARRAY(ld->s.a, int, x->n + 1);
      for (size_t j = 0; j < x->n; j++) {
        const char *id, *ipath = INDEX(ld, PATH(ld, path, "units"), j);
        if (!sch_id(&ld->s, x->kids[j], ipath, &id))
          continue;
        int ui = model_unit(m, id);
        if (ui < 0)
          unknown_ref(ld, x->kids[j], ipath, "unit", id, uids);
        else
          p->units[p->n_units++] = ui;
      }
    }
    if ((x = ytree_get(u, "shared")) &&
        sch_list(&ld->s, x, PATH(ld, path, "shared"))) {
      p->shared = ARENA_ARRAY(ld->s.a, m_share, x->n + 1);
      for (size_t j = 0; j < x->n; j++) {
        const char *spath = INDEX(ld, PATH(ld, path, "shared"), j), *id;
        const ynode *s = x->kids[j];
        if (!fs_map(&ld->s, s, spath, &fs_share))
          continue;
        const ynode *un = ytree_get(s, "unit"), *sh = ytree_get(s, "share");
        double share;
        bool id_ok = un && sch_id(&ld->s, un, PATH(ld, spath, "unit"), &id);
        bool share_ok =
            sh && sch_ratio(&ld->s, sh, PATH(ld, spath, "share"), true, &share);
        if (id_ok && model_unit(m, id) < 0) {
          unknown_ref(ld, un, PATH(ld, spath, "unit"), "unit", id, uids);
          continue;
        }
        if (!id_ok || !share_ok)
          continue;
        int ui = model_unit(m, id);
        if (ui < 0) {
          unknown_ref(ld, un, PATH(ld, spath, "unit"), "unit", id, uids);
          continue;
        }
        p->shared[p->n_shared].unit = ui;
        p->shared[p->n_shared].pos = sh->pos;
        p->shared[p->n_shared++].share = share;
      }
    }
    if ((x = ytree_get(u, "monthly")) && p->unit && p->quantity.v > 0)
      read_product_monthly(ld, x, path, p);
    uses[m->n_products] = ytree_get(u, "uses");
    if (!dup) {
      strmap_put(ld->product_ids, p->id, (long)m->n_products);
      m->n_products++;
    }
  }
  ld->pids = ARENA_ARRAY(ld->s.a, const char *, m->n_products + 1);
  for (size_t i = 0; i < m->n_products; i++)
    ld->pids[i] = m->products[i].id;
  read_uses(ld, uses);
  /* The shares of one shared unit over all products may not pass 100 %.
     Each unit's shares are gathered in product order (a counting sort),
     not found by a scan of every product per unit. */
  size_t *first = ARENA_ARRAY(ld->s.a, size_t, m->n_units + 2);
  size_t n_sh = 0;
  for (size_t i = 0; i < m->n_products; i++)
    for (size_t j = 0; j < m->products[i].n_shared; j++, n_sh++)
      first[m->products[i].shared[j].unit + 1]++;
  for (size_t ui = 0; ui < m->n_units; ui++)
    first[ui + 1] += first[ui];
  const m_share **by_unit = ARENA_ARRAY(ld->s.a, const m_share *, n_sh + 1);
  const char **owner = ARENA_ARRAY(ld->s.a, const char *, n_sh + 1);
  size_t *fill = ARENA_ARRAY(ld->s.a, size_t, m->n_units + 1);
  memcpy(fill, first, sizeof *fill * m->n_units);
  for (size_t i = 0; i < m->n_products; i++)
    for (size_t j = 0; j < m->products[i].n_shared; j++) {
      size_t k = fill[m->products[i].shared[j].unit]++;
      by_unit[k] = &m->products[i].shared[j];
      owner[k] = m->products[i].id;
    }
  for (size_t ui = 0; ui < m->n_units; ui++) {
    double total = 0;
    src_pos at = src_none();
    char parts[256];
    size_t len = 0;
    parts[0] = '\0';
    for (size_t k = first[ui]; k < first[ui + 1]; k++) {
      total += by_unit[k]->share;
      at = by_unit[k]->pos;
      if (len < sizeof parts)
        len += (size_t)snprintf(parts + len, sizeof parts - len, "%s%s %.4g %%",
                                len ? ", " : "", owner[k],
                                by_unit[k]->share * 100.0);
    }
    if (total > 1.0 + 1e-9)
      ERR(ld, at, "products: the shares of unit %s add up to %.4g %% (%s), "
                  "more than 100 %%",
          m->units[ui].id, total * 100.0, parts);
  }
}

/* }====================================================== */
/* {====================================================== emissions etc. */

/* The `carrier:` of a process emission: a fuel of the rules used as raw
   material, whose quantity (the activity, in a unit of the carrier's
   dimension) calc takes out of combustion and bounds by what was consumed
   (calc/carbon.c). Only a carbon balance's input row takes one. */
static bool read_process_carrier(loader *ld, const char *path,
                                 const m_process *pe, const process_rule *r)
{
  const char *kp = PATH(ld, path, "carrier");
  if (r->formula != PF_CARBON || r->deduct || r->impurities) {
    ERR(ld, pe->carrier_pos, "%s: rule \"%s\" does not take a carrier: only "
                             "the input side of a carbon balance (such as "
                             "feedstock_carbon) uses a fuel as raw material",
        kp, pe->rule);
    return false;
  }
  const carrier_def *d = factors_carrier(ld->f, pe->carrier);
  if (!d || d->cls != CARRIER_FUEL) {
    const char **fuels =
        ARENA_ARRAY(ld->s.a, const char *, ld->f->n_carriers + 1);
    size_t k = 0;
    for (size_t i = 0; i < ld->f->n_carriers; i++)
      if (ld->f->carriers[i].cls == CARRIER_FUEL)
        fuels[k++] = ld->f->carriers[i].key;
    fuels[k] = NULL;
    if (d)
      ERR(ld, pe->carrier_pos, "%s: %s is not a fuel: only a fuel's quantity "
                               "moves out of combustion",
          kp, pe->carrier);
    else
      unknown_ref(ld, &(const ynode){.pos = pe->carrier_pos}, kp,
                  "fuel (rules/carriers.yaml)", pe->carrier, fuels);
    return false;
  }
  if (!dim_eq(pe->activity.dim, d->dim)) {
    char buf[256];
    ERR(ld, pe->activity.pos, "%s.activity: \"%s\" is not a quantity of %s "
                              "(measured in %s)",
        path, pe->activity.text, pe->carrier,
        units_for_dim(d->dim, buf, sizeof buf));
    return false;
  }
  return true;
}

/* The inputs of a process rule's formula (rules/process.yaml): each one
   the rule takes, as the guideline names it; the plant's value, else the
   rule's default (calc/process.c). A key the formula does not take, a
   needed input with no default, a share outside 0–100 %, a non-carbonate
   share above the oxide's, and impurities of 100 % or more are errors.
   r is NULL for an entry with its own factor: it takes none. */
static bool read_process_params(loader *ld, const ynode *u, const char *path,
                                m_process *pe, const process_rule *r)
{
  bool ok = true;
  for (int p = 0; p < PP_COUNT; p++) {
    const char *key = factors_proc_param_key((proc_param)p);
    const ynode *x = ytree_get(u, key);
    if (!x)
      continue;
    if (!r || !factors_proc_takes(r, (proc_param)p)) {
      if (r)
        ERR(ld, x->pos, "%s.%s: rule \"%s\" does not take %s (its "
                        "formula has no such input)",
            path, key, pe->rule, key);
      else
        ERR(ld, x->pos, "%s.%s: only an emission computed by a rule "
                        "takes %s; this one gives its own factor",
            path, key, key);
      ok = false;
      continue;
    }
    m_param *mp = &pe->params[p];
    const char *kp = PATH(ld, path, key);
    bool volume = dim_eq(pe->activity.dim, dim_of("m3"));
    if (p == PP_CARBON_CONTENT && x->kind == YN_SCALAR && x->str &&
        strstr(x->str, "tC")) {
      /* tC per unit of the activity: tC/t is the mass share itself */
      dimvec want = dim_per(dim_of("tC"), pe->activity.dim);
      qty q;
      if (!sch_qty(&ld->s, x, kp, &want, &q)) {
        ok = false;
        continue;
      }
      if (q.v < 0 || (!volume && q.v > 1)) {
        ERR(ld, x->pos, q.v < 0 ? "%s: negative value %s"
                                : "%s: %s is more carbon than mass (over "
                                  "1 tC/t)",
            kp, q.text);
        ok = false;
        continue;
      }
      mp->v = q.v;
      mp->text = q.text;
    } else if (p == PP_CARBON_CONTENT && volume) {
      ERR(ld, x->pos, "%s: the activity \"%s\" is a volume: give the carbon "
                      "per unit of it, such as \"5.9 tC/万m3\" (a mass "
                      "share has no meaning here)",
          kp, pe->activity.text);
      ok = false;
      continue;
    } else if (factors_proc_param_is_mass((proc_param)p)) {
      qty q;
      if (!sch_qty(&ld->s, x, kp, &pe->activity.dim, &q)) {
        ok = false;
        continue;
      }
      if (q.v < 0) {
        ERR(ld, x->pos, "%s: negative quantity %s", kp, q.text);
        ok = false;
        continue;
      }
      mp->v = q.v;
      mp->text = q.text;
    } else {
      if (!sch_ratio(&ld->s, x, kp, p != PP_CONSUMPTION, &mp->v)) {
        ok = false;
        continue;
      }
      if (mp->v < 0) {
        ERR(ld, x->pos, "%s: negative value %s", kp, x->str);
        ok = false;
        continue;
      }
      mp->text = x->str;
    }
    mp->has = true;
    mp->pos = x->pos;
  }
  if (!r || !ok)
    return ok;
  /* a carbon balance weighs gases by volume (tC/万m3); the other forms
     take a mass */
  bool volume = dim_eq(pe->activity.dim, dim_of("m3"));
  bool by_volume = r->formula == PF_CARBON && !r->impurities;
  if (r->formula != PF_FACTOR && !dim_eq(pe->activity.dim, dim_of("t")) &&
      !(by_volume && volume)) {
    ERR(ld, pe->activity.pos, "%s.activity: rule \"%s\" computes CO2 from "
                              "a mass%s; \"%s\" is not one",
        path, pe->rule, by_volume ? " or a volume" : "", pe->activity.text);
    return false;
  }
  if (pe->carrier && !read_process_carrier(ld, path, pe, r))
    return false;
  if (volume && !pe->carrier && !pe->params[PP_CARBON_CONTENT].has) {
    ERR(ld, u->pos, "%s: the activity \"%s\" is a volume: give "
                    "carbon_content in tC per unit of it, such as "
                    "\"5.9 tC/万m3\"%s",
        path, pe->activity.text,
        r->defaults[PP_CARBON_CONTENT].has ? " (the rule's default is a "
                                             "mass share)"
                                           : "");
    return false;
  }
  for (int p = 0; p < PP_COUNT; p++)
    if (factors_proc_needs(r, (proc_param)p) && !pe->params[p].has &&
        !(p == PP_CARBON_CONTENT && pe->carrier)) {
      text2 nm = factors_proc_param_name((proc_param)p);
      ERR(ld, u->pos, "%s: rule \"%s\" needs %s (%s): the rules give no "
                      "default",
          path, pe->rule, factors_proc_param_key((proc_param)p), nm.en);
      ok = false;
    }
  /* the value in use: the plant's, else the rule's default */
  double v[PP_COUNT];
  for (int p = 0; p < PP_COUNT; p++)
    v[p] = pe->params[p].has        ? pe->params[p].v
           : r->defaults[p].has     ? r->defaults[p].v
                                    : 0;
  static const int pairs[][2] = {{PP_CAO_NC, PP_CAO}, {PP_MGO_NC, PP_MGO}};
  for (size_t i = 0; ok && i < 2; i++) {
    int nc = pairs[i][0], ox = pairs[i][1];
    if (factors_proc_takes(r, (proc_param)nc) && v[nc] > v[ox]) {
      const m_param *at = pe->params[nc].has ? &pe->params[nc]
                                             : &pe->params[ox];
      ERR(ld, at->has ? at->pos : u->pos,
          "%s: %s (%.4g %%) is more than %s (%.4g %%): the non-carbonate "
          "part of an oxide cannot exceed the oxide",
          path, factors_proc_param_key((proc_param)nc), v[nc] * 100,
          factors_proc_param_key((proc_param)ox), v[ox] * 100);
      ok = false;
    }
  }
  if (ok && r->formula == PF_CARBON && r->impurities &&
      v[PP_SULFUR] + v[PP_ASH] >= 1) {
    const m_param *at = pe->params[PP_SULFUR].has ? &pe->params[PP_SULFUR]
                                                  : &pe->params[PP_ASH];
    ERR(ld, at->has ? at->pos : u->pos,
        "%s: sulfur + ash = %.4g %% leaves no carbon in the anode", path,
        (v[PP_SULFUR] + v[PP_ASH]) * 100);
    ok = false;
  }
  if (ok && pe->params[PP_RAW_MEAL].has && !pe->params[PP_RAW_MEAL_TOC].has &&
      !r->defaults[PP_RAW_MEAL_TOC].has) {
    ERR(ld, pe->params[PP_RAW_MEAL].pos,
        "%s.raw_meal: give raw_meal_organic_carbon too (the rules give no "
        "default)",
        path);
    ok = false;
  }
  if (ok && pe->params[PP_RAW_MEAL_TOC].has && !pe->params[PP_RAW_MEAL].has) {
    ERR(ld, pe->params[PP_RAW_MEAL_TOC].pos,
        "%s.raw_meal_organic_carbon: give raw_meal too (the raw meal whose "
        "organic carbon is counted)",
        path);
    ok = false;
  }
  return ok;
}

static void read_process(loader *ld, const ynode *n)
{
  model *m = ld->m;
  if (!sch_list(&ld->s, n, "process_emissions") ||
      !within_count(ld, n, "process_emissions", MAX_PROCESS))
    return;
  m->process = ARENA_ARRAY(ld->s.a, m_process, n->n + 1);
  strmap *ids = strmap_new(ld->s.a);
  const char **paths = item_paths(ld, n, "process_emissions");
  for (size_t i = 0; i < n->n; i++) {
    const ynode *u = n->kids[i];
    const char *path = paths[i];
    if (!fs_map(&ld->s, u, path, &fs_process))
      continue;
    m_process *pe = &m->process[m->n_process];
    memset(pe, 0, sizeof *pe);
    pe->pos = u->pos;
    pe->product = -1;
    const ynode *x = ytree_get(u, "id");
    if (!x || !sch_id(&ld->s, x, PATH(ld, path, "id"), &pe->id))
      continue;
    long first = strmap_get(ids, pe->id);
    if (first >= 0)
      ERR(ld, x->pos, "%s.id: duplicate process emission id \"%s\" (first "
                      "at line %d)",
          path, pe->id, m->process[first].pos.line);
    if ((x = ytree_get(u, "name")))
      sch_text2(&ld->s, x, PATH(ld, path, "name"), &pe->name);
    evidence(ld, u, path, "process_emission", pe->id, pe->name);
    if (!(x = ytree_get(u, "activity")) ||
        !sch_qty(&ld->s, x, PATH(ld, path, "activity"), NULL, &pe->activity))
      continue;
    if (pe->activity.v < 0) {
      ERR(ld, x->pos, "%s.activity: negative quantity %s", path,
          pe->activity.text);
      continue;
    }
    const ynode *fx = ytree_get(u, "factor"), *rx = ytree_get(u, "rule");
    if (!!fx == !!rx) {
      ERR(ld, u->pos, "%s: give exactly one of factor and rule", path);
      continue;
    }
    if (fx) {
      dimvec want = dim_per(dim_of("tCO2"), pe->activity.dim);
      if (!sch_qty(&ld->s, fx, PATH(ld, path, "factor"), &want, &pe->factor))
        continue;
      if (pe->factor.v < 0) {
        ERR(ld, fx->pos, "%s.factor: negative factor %s", path,
            pe->factor.text);
        continue;
      }
    } else if (!sch_id(&ld->s, rx, PATH(ld, path, "rule"), &pe->rule)) {
      continue;
    } else if (!factors_process(ld->f, pe->rule)) {
      const char **known =
          ARENA_ARRAY(ld->s.a, const char *, ld->f->n_process + 1);
      for (size_t k = 0; k < ld->f->n_process; k++)
        known[k] = ld->f->process[k].key;
      unknown_ref(ld, rx, PATH(ld, path, "rule"),
                  "process rule (rules/process.yaml)", pe->rule, known);
      continue;
    }
    pe->path = path;
    if ((x = ytree_get(u, "carrier"))) {
      if (!sch_id(&ld->s, x, PATH(ld, path, "carrier"), &pe->carrier))
        continue;
      pe->carrier_pos = x->pos;
      if (!pe->rule) {
        ERR(ld, x->pos, "%s.carrier: only an emission computed by a rule "
                        "(such as feedstock_carbon) takes a carrier; this "
                        "one gives its own factor",
            path);
        continue;
      }
    }
    if (!read_process_params(ld, u, path, pe,
                             pe->rule ? factors_process(ld->f, pe->rule)
                                      : NULL))
      continue;
    if ((x = ytree_get(u, "source")))
      pe->has_source = sch_text2(&ld->s, x, PATH(ld, path, "source"),
                                 &pe->source);
    const char *pid;
    if ((x = ytree_get(u, "product")) &&
        sch_id(&ld->s, x, PATH(ld, path, "product"), &pid)) {
      pe->product = (int)strmap_get(ld->product_ids, pid);
      if (pe->product < 0) {
        unknown_ref(ld, x, PATH(ld, path, "product"), "product", pid,
                    ld->pids);
        continue;
      }
    }
    strmap_put(ids, pe->id, (long)m->n_process);
    m->n_process++;
  }
}

/* {====================================================== gases */

#define MAX_GASES 1000

/* An optional number of gas entry u: a plain number (NUM), a ratio or a
   quantity of dimension want; negative values are errors. */
static bool gas_param(loader *ld, const ynode *u, const char *path,
                      const char *key, const char *unit, bool unit_interval,
                      m_param *out)
{
  const ynode *x = ytree_get(u, key);
  if (!x)
    return true;
  const char *kp = PATH(ld, path, key);
  if (unit) {
    dimvec want = dim_of(unit);
    qty q;
    if (!sch_qty(&ld->s, x, kp, &want, &q))
      return false;
    out->v = q.v;
    out->text = q.text;
  } else {
    if (!sch_ratio(&ld->s, x, kp, unit_interval, &out->v))
      return false;
    out->text = x->str;
  }
  if (out->v < 0) {
    ERR(ld, x->pos, "%s: negative value %s", kp, out->text);
    return false;
  }
  out->has = true;
  out->pos = x->pos;
  return true;
}

/* The SF6 items of gas entry g: retired and overhauled equipment, each
   capacity with what was recovered (no more than the capacity), and
   top-ups. */
static bool read_sf6(loader *ld, const ynode *u, const char *path, m_gas *g)
{
  const ynode *r = ytree_get(u, "retired"), *o = ytree_get(u, "overhauled");
  size_t n = (r && r->kind == YN_SEQ ? r->n : 0) +
             (o && o->kind == YN_SEQ ? o->n : 0) + 1;
  g->sf6 = ARENA_ARRAY(ld->s.a, m_sf6, n + 1);
  bool ok = true;
  const ynode *lists[2] = {r, o};
  const char *names[2] = {"retired", "overhauled"};
  dimvec kg = dim_of("kg");
  for (int l = 0; l < 2; l++) {
    const ynode *lst = lists[l];
    const char *lp = PATH(ld, path, names[l]);
    if (!lst)
      continue;
    if (!sch_list(&ld->s, lst, lp)) {
      ok = false;
      continue;
    }
    for (size_t i = 0; i < lst->n; i++) {
      const ynode *it = lst->kids[i];
      const char *ip = INDEX(ld, lp, i);
      if (!fs_map(&ld->s, it, ip, &fs_sf6)) {
        ok = false;
        continue;
      }
      m_sf6 *e = &g->sf6[g->n_sf6];
      memset(e, 0, sizeof *e);
      e->overhauled = l == 1;
      qty c, rq;
      memset(&rq, 0, sizeof rq);
      const ynode *cx = ytree_get(it, "capacity"),
                  *rx = ytree_get(it, "recovered");
      if (!cx || !sch_qty(&ld->s, cx, PATH(ld, ip, "capacity"), &kg, &c)) {
        ok = false;
        continue;
      }
      e->capacity = c.v;
      e->capacity_text = c.text;
      if (rx) {
        if (!sch_qty(&ld->s, rx, PATH(ld, ip, "recovered"), &kg, &rq)) {
          ok = false;
          continue;
        }
        e->recovered = rq.v;
        e->recovered_text = rq.text;
      }
      if (c.v < 0 || e->recovered < 0) {
        ERR(ld, (c.v < 0 ? cx : rx)->pos, "%s: negative quantity %s", ip,
            c.v < 0 ? c.text : rq.text);
        ok = false;
        continue;
      }
      if (e->recovered > e->capacity * (1 + 1e-12)) {
        ERR(ld, rx->pos, "%s.recovered: %s recovered is more than the "
                         "capacity %s",
            ip, rq.text, c.text);
        ok = false;
        continue;
      }
      g->n_sf6++;
    }
  }
  m_param top;
  memset(&top, 0, sizeof top);
  if (!gas_param(ld, u, path, "top_up", "kg", false, &top))
    return false;
  if (top.has) {
    m_sf6 *e = &g->sf6[g->n_sf6++];
    memset(e, 0, sizeof *e);
    e->capacity = top.v;
    e->capacity_text = top.text;
    e->top_up = true;
  }
  if (ok && !g->n_sf6) {
    ERR(ld, u->pos, "%s: an SF6 rule needs retired, overhauled or top_up",
        path);
    ok = false;
  }
  return ok;
}

/* The inputs of a coal-mine source (the coal-production guideline):
   the mine type as technology; underground, the CH4 of the ventilation
   air (required) and of drainage, the drained CH4 flared and used (no
   more than was drained), the CO2 of both; a surface mine has none of
   these. Every bad value is reported, not only the first. */
static bool read_coal_mine(loader *ld, const ynode *u, const char *path,
                           const gas_rule *r, m_gas *g)
{
  static const char *const volumes[] = {"ch4_ventilation", "ch4_drained",
                                        "ch4_flared",      "ch4_used",
                                        "co2_ventilation", "co2_drained"};
  m_param *vol[] = {&g->ch4_vent,   &g->ch4_drained, &g->ch4_flared,
                    &g->ch4_used,   &g->co2_vent,    &g->co2_drained};
  bool ok = true;
  for (size_t i = 0; i < 6; i++)
    ok &= gas_param(ld, u, path, volumes[i], "m3", false, vol[i]);
  ok &= gas_param(ld, u, path, "post_mining", NULL, false, &g->post_mining);
  ok &= gas_param(ld, u, path, "mining", NULL, false, &g->mining);
  ok &= gas_param(ld, u, path, "flare_oxidation", NULL, true,
                  &g->flare_oxidation);
  if (!ok)
    return false;
  if (!g->technology) {
    const char *list = "none in the rules";
    for (size_t k = 0; k < r->n_techs; k++)
      list = k ? arena_printf(ld->s.a, "%s, %s", list, r->techs[k].key)
               : r->techs[0].key;
    ERR(ld, u->pos, "%s: give technology, the mine type (%s)", path, list);
    return false;
  }
  const gas_tech *t = factors_gas_tech(r, g->technology);
  bool surface = t && t->b > 0;
  if (surface) {
    for (size_t i = 0; i < 6; i++)
      if (vol[i]->has) {
        ERR(ld, vol[i]->pos, "%s.%s: a surface mine (technology %s) has no "
                             "ventilation or drainage; its mining CH4 is "
                             "raw coal × the mining factor",
            path, volumes[i], g->technology);
        ok = false;
      }
    return ok;
  }
  if (g->mining.has) {
    ERR(ld, g->mining.pos, "%s.mining: an underground mine's mining CH4 is "
                           "measured (ch4_ventilation, ch4_drained), not a "
                           "factor",
        path);
    ok = false;
  }
  if (!g->ch4_vent.has) {
    ERR(ld, u->pos, "%s: an underground mine (technology %s) needs "
                    "ch4_ventilation, the CH4 in its ventilation air",
        path, g->technology);
    ok = false;
  }
  double out = (g->ch4_flared.has ? g->ch4_flared.v : 0) +
               (g->ch4_used.has ? g->ch4_used.v : 0);
  double in = g->ch4_drained.has ? g->ch4_drained.v : 0;
  if (out > in * (1 + 1e-12)) {
    const m_param *at = g->ch4_used.has ? &g->ch4_used : &g->ch4_flared;
    ERR(ld, at->pos, "%s.%s: %s of drained CH4 flared and used in all is "
                     "more than the %s drained",
        path, g->ch4_used.has ? "ch4_used" : "ch4_flared",
        g->ch4_flared.has && g->ch4_used.has
            ? arena_printf(ld->s.a, "%s + %s", g->ch4_flared.text,
                           g->ch4_used.text)
            : at->text,
        g->ch4_drained.has ? g->ch4_drained.text : "0 m3");
    ok = false;
  }
  return ok;
}

/* Whether key is a key of a gas source at all (tables of fschema.c). */
static bool fs_gas_key(const char *key)
{
  for (const fs_key *k = fs_gas.keys; k->name; k++)
    if (strcmp(k->name, key) == 0)
      return true;
  return false;
}

/* Whether key is one that rule kind k reads (the others are refused, so
   that a value given is never silently ignored). */
static bool gas_key_of(gas_kind k, const char *key)
{
  static const char *const slope[] = {"technology", "activity",
                                      "anode_effect_frequency",
                                      "anode_effect_duration", "slope_cf4",
                                      "c2f6_per_cf4", NULL};
  static const char *const equip[] = {"retired", "overhauled", "top_up", NULL};
  static const char *const prod[] = {"technology", "activity", "factor",
                                     "abatement", NULL};
  static const char *const ww[] = {"activity", "sludge_cod", "b0", "mcf",
                                   "recovered", NULL};
  static const char *const mine[] = {"technology",      "activity",
                                     "ch4_ventilation", "ch4_drained",
                                     "ch4_flared",      "ch4_used",
                                     "co2_ventilation", "co2_drained",
                                     "post_mining",     "mining",
                                     "flare_oxidation", NULL};
  static const char *const common[] = {"id",  "name",   "rule",
                                       "gwp", "source", "evidence", NULL};
  const char *const *lists[] = {slope, equip, prod, ww, mine};
  for (size_t i = 0; common[i]; i++)
    if (strcmp(common[i], key) == 0)
      return true;
  for (size_t i = 0; lists[k][i]; i++)
    if (strcmp(lists[k][i], key) == 0)
      return true;
  return false;
}

static void read_gas_gwp(loader *ld, const ynode *x, const char *path,
                         const gas_rule *r, m_gas *g)
{
  if (ytree_is_null(x))
    return;
  if (x->kind != YN_MAP) {
    ERR(ld, x->pos, "%s: expected a mapping gas: GWP, found %s", path,
        ytree_kind_name(x));
    return;
  }
  g->gwp_gas = ARENA_ARRAY(ld->s.a, const char *, x->n + 1);
  g->gwp_value = ARENA_ARRAY(ld->s.a, double, x->n + 1);
  for (size_t i = 0; i < x->n; i++) {
    const ynode *k = x->kids[2 * i], *v = x->kids[2 * i + 1];
    const char *kp = PATH(ld, path, k->str);
    const char *gas;
    double num;
    if (!sch_str(&ld->s, k, path, &gas) || !sch_num(&ld->s, v, kp, &num))
      continue;
    if (strcmp(gas, "CO2") == 0 && r->gas2 && strcmp(r->gas2, "CO2") == 0) {
      ERR(ld, k->pos, "%s: the GWP of CO2 is 1 by definition", kp);
      continue;
    }
    if (strcmp(gas, r->gas) != 0 && !(r->gas2 && strcmp(gas, r->gas2) == 0)) {
      if (r->gas2)
        ERR(ld, k->pos, "%s: rule \"%s\" emits %s and %s, not \"%s\"",
            path, r->key, r->gas, r->gas2, gas);
      else
        ERR(ld, k->pos, "%s: rule \"%s\" emits %s, not \"%s\"", path,
            r->key, r->gas, gas);
      continue;
    }
    if (!(num > 0)) {
      ERR(ld, v->pos, "%s: a GWP is a positive number, found %s", kp, v->str);
      continue;
    }
    g->gwp_gas[g->n_gwp] = gas;
    g->gwp_value[g->n_gwp++] = num;
  }
}

static void read_gases(loader *ld, const ynode *n)
{
  model *m = ld->m;
  if (!sch_list(&ld->s, n, "gases") || !within_count(ld, n, "gases", MAX_GASES))
    return;
  m->gases = ARENA_ARRAY(ld->s.a, m_gas, n->n + 1);
  strmap *ids = strmap_new(ld->s.a);
  const char **paths = item_paths(ld, n, "gases");
  for (size_t i = 0; i < n->n; i++) {
    const ynode *u = n->kids[i], *x;
    const char *path = paths[i];
    if (!fs_map(&ld->s, u, path, &fs_gas))
      continue;
    m_gas *g = &m->gases[m->n_gases];
    memset(g, 0, sizeof *g);
    g->pos = u->pos;
    if (!(x = ytree_get(u, "id")) || !sch_id(&ld->s, x, PATH(ld, path, "id"),
                                             &g->id))
      continue;
    long first = strmap_get(ids, g->id); /* the line of the first */
    if (first >= 0)
      ERR(ld, x->pos, "%s.id: duplicate gas source id \"%s\" (first at line "
                      "%ld)",
          path, g->id, first);
    else
      strmap_put(ids, g->id, (long)u->pos.line);
    if ((x = ytree_get(u, "name")))
      g->has_name = sch_text2(&ld->s, x, PATH(ld, path, "name"), &g->name);
    evidence(ld, u, path, "gas", g->id, g->has_name ? g->name : (text2){0});
    x = ytree_get(u, "rule");
    if (!x || !sch_id(&ld->s, x, PATH(ld, path, "rule"), &g->rule))
      continue;
    const gas_rule *r = factors_gas(ld->f, g->rule);
    if (!r) {
      const char **known =
          ARENA_ARRAY(ld->s.a, const char *, ld->f->n_gases + 1);
      for (size_t k = 0; k < ld->f->n_gases; k++)
        known[k] = ld->f->gases[k].key;
      unknown_ref(ld, x, PATH(ld, path, "rule"),
                  "gas rule (rules/gases.yaml)", g->rule, known);
      continue;
    }
    bool ok = true;
    for (size_t k = 0; k < u->n; k++) {
      const ynode *kn = u->kids[2 * k];
      if (kn->kind == YN_SCALAR && !gas_key_of(r->kind, kn->str)) {
        if (!fs_gas_key(kn->str)) { /* fs_map named it unknown already */
          ok = false;
          continue;
        }
        ERR(ld, kn->pos, "%s.%s: rule \"%s\" does not take %s", path,
            kn->str, g->rule, kn->str);
        ok = false;
      }
    }
    if (!ok)
      continue;
    if ((x = ytree_get(u, "technology"))) {
      if (!sch_id(&ld->s, x, PATH(ld, path, "technology"), &g->technology))
        continue;
      if (!factors_gas_tech(r, g->technology)) {
        const char **known = ARENA_ARRAY(ld->s.a, const char *, r->n_techs + 1);
        for (size_t k = 0; k < r->n_techs; k++)
          known[k] = r->techs[k].key;
        unknown_ref(ld, x, PATH(ld, path, "technology"),
                    arena_printf(ld->s.a, "technology of rule \"%s\"",
                                 g->rule),
                    g->technology, known);
        continue;
      }
    }
    /* a rule with one technology needs no choice */
    if (!g->technology && r->n_techs == 1)
      g->technology = r->techs[0].key;
    if (r->kind != GK_EQUIPMENT) {
      dimvec t = dim_of("t");
      if (!(x = ytree_get(u, "activity"))) {
        ERR(ld, u->pos, "%s: rule \"%s\" needs activity", path, g->rule);
        continue;
      }
      if (!sch_qty(&ld->s, x, PATH(ld, path, "activity"), &t, &g->activity))
        continue;
      if (g->activity.v < 0) {
        ERR(ld, x->pos, "%s.activity: negative quantity %s", path,
            g->activity.text);
        continue;
      }
    }
    switch (r->kind) {
    case GK_SLOPE:
      /* every bad value reported, not only the first */
      ok = gas_param(ld, u, path, "anode_effect_frequency", NULL, false,
                     &g->frequency);
      ok &= gas_param(ld, u, path, "anode_effect_duration", "min", false,
                      &g->duration);
      ok &= gas_param(ld, u, path, "slope_cf4", NULL, false, &g->slope);
      ok &= gas_param(ld, u, path, "c2f6_per_cf4", NULL, true, &g->ratio);
      if (ok && g->duration.has) /* minutes, as the slope is stated */
        g->duration.v = units_to(g->duration.v, "min");
      if (ok && (!g->frequency.has || !g->duration.has)) {
        ERR(ld, u->pos, "%s: the slope method needs anode_effect_frequency "
                        "and anode_effect_duration",
            path);
        ok = false;
      }
      if (ok && (!g->slope.has || !g->ratio.has) && !g->technology) {
        ERR(ld, u->pos, "%s: give technology (%s) or both slope_cf4 and "
                        "c2f6_per_cf4",
            path, r->n_techs ? r->techs[0].key : "none in the rules");
        ok = false;
      }
      break;
    case GK_EQUIPMENT:
      ok = read_sf6(ld, u, path, g);
      break;
    case GK_PRODUCTION:
      ok = gas_param(ld, u, path, "factor", NULL, false, &g->factor);
      ok &= gas_param(ld, u, path, "abatement", NULL, true, &g->abatement);
      if (ok && !g->factor.has && !g->technology) {
        ERR(ld, u->pos, "%s: give technology or factor", path);
        ok = false;
      }
      break;
    case GK_WASTEWATER:
      ok = gas_param(ld, u, path, "sludge_cod", "t", false, &g->sludge);
      ok &= gas_param(ld, u, path, "b0", NULL, false, &g->b0);
      ok &= gas_param(ld, u, path, "mcf", NULL, true, &g->mcf);
      ok &= gas_param(ld, u, path, "recovered", "t", false, &g->recovered);
      if (ok && g->sludge.has && g->sludge.v > g->activity.v) {
        ERR(ld, g->sludge.pos, "%s.sludge_cod: %s is more than the COD "
                               "removed %s",
            path, g->sludge.text, g->activity.text);
        ok = false;
      }
      if (ok && ((!g->b0.has && !r->b0.has) || (!g->mcf.has && !r->mcf.has))) {
        ERR(ld, u->pos, "%s: give %s (the rules give no default)", path,
            !g->b0.has && !r->b0.has ? "b0" : "mcf");
        ok = false;
      }
      if (ok && g->recovered.has) {
        double made = (g->activity.v - (g->sludge.has ? g->sludge.v : 0)) *
                      (g->b0.has ? g->b0.v : r->b0.v) *
                      (g->mcf.has ? g->mcf.v : r->mcf.v);
        if (g->recovered.v > made * (1 + 1e-12)) {
          ERR(ld, g->recovered.pos, "%s.recovered: %s of methane recovered "
                                    "is more than the %.6g t the wastewater "
                                    "makes",
              path, g->recovered.text, made);
          ok = false;
        }
      }
      break;
    case GK_COAL_MINE:
      ok = read_coal_mine(ld, u, path, r, g);
      break;
    }
    if (!ok)
      continue;
    if ((x = ytree_get(u, "gwp")))
      read_gas_gwp(ld, x, PATH(ld, path, "gwp"), r, g);
    if ((x = ytree_get(u, "source")))
      g->has_source = sch_text2(&ld->s, x, PATH(ld, path, "source"),
                                &g->source);
    m->n_gases++;
  }
}

/* }====================================================== */

/* An efficiency (0, 110 %]: condensing boilers pass 100 % on the NCV
   basis. NAN stays in *out on error. */
static void read_efficiency(loader *ld, const ynode *x, const char *path,
                            double *out)
{
  if (sch_ratio(&ld->s, x, path, false, out) && !(*out > 0 && *out <= 1.1)) {
    ERR(ld, x->pos, "%s: %s is not a plausible efficiency (above 0, at most "
                    "110 %%)",
        path, x->str);
    *out = NAN;
  } else if (!isfinite(*out)) {
    *out = NAN;
  }
}

static void read_specific_power(loader *ld, const ynode *x, const char *path,
                                double *out, const char **text)
{
  dimvec spd = dim_of("kW/(m3/min)");
  qty q;
  if (!sch_qty(&ld->s, x, path, &spd, &q))
    return;
  if (q.v > 0) {
    *out = q.v;
    if (text)
      *text = q.text;
  } else {
    ERR(ld, x->pos, "%s: must be greater than zero", path);
  }
}

/* A quantity of dimension unit's that must be above zero. */
static bool read_positive(loader *ld, const ynode *x, const char *path,
                          const char *unit, qty *q)
{
  dimvec d = dim_of(unit);
  if (!sch_qty(&ld->s, x, path, &d, q))
    return false;
  if (!(q->v > 0)) {
    ERR(ld, x->pos, "%s: must be greater than zero, found %s", path, q->text);
    q->set = false;
    return false;
  }
  return true;
}

static bool is_apparent(const qty *q)
{
  return q->set && q->unit &&
         (strcmp(q->unit, "kVA") == 0 || strcmp(q->unit, "MVA") == 0);
}

/* A field of rated: or measured: that only kinds of one operating method
   take; false (with the error) when the item's kind is another. op < 0:
   the kind is unknown (reported already), anything goes. */
static bool kind_takes(loader *ld, const ynode *x, const char *path,
                       const m_equipment *e, int op, int want)
{
  static const char *const what[] = {
      "", "motors (the shaft output gives the load factor)",
      "transformers (their ratings and load give the load factor)",
      "fans and pumps (operating flow and flow control)"};
  if (op < 0 || op == want)
    return true;
  ERR(ld, x->pos, "%s: kind \"%s\" does not take it; it is for %s", path,
      e->kind, what[want]);
  return false;
}

/* rated: {efficiency, specific_power, no_load_loss, load_loss} — the
   nameplate values (铭牌值) the product standard grades. */
static void read_rated(loader *ld, const ynode *r, const char *path,
                       m_equipment *e, int op)
{
  if (!fs_map(&ld->s, r, path, &fs_rated))
    return;
  const ynode *x;
  if ((x = ytree_get(r, "efficiency")))
    read_efficiency(ld, x, PATH(ld, path, "efficiency"), &e->rated_efficiency);
  if ((x = ytree_get(r, "specific_power")))
    read_specific_power(ld, x, PATH(ld, path, "specific_power"),
                        &e->rated_specific_power, NULL);
  const struct {
    const char *key;
    double *v;
  } cop[] = {{"cop", &e->rated_cop},   {"iplv", &e->rated_iplv},
             {"seer", &e->rated_seer}, {"apf", &e->rated_apf},
             {"aeer", &e->rated_aeer}};
  for (size_t i = 0; i < sizeof cop / sizeof *cop; i++) {
    double v;
    if ((x = ytree_get(r, cop[i].key)) &&
        sch_num(&ld->s, x, PATH(ld, path, cop[i].key), &v)) {
      if (!(v > 0 && v <= 20))
        ERR(ld, x->pos, "%s.%s: %s is not a plausible coefficient of "
                        "performance (above 0, at most 20)",
            path, cop[i].key, x->str);
      else
        *cop[i].v = v;
    }
  }
  if ((x = ytree_get(r, "no_load_loss")) &&
      kind_takes(ld, x, PATH(ld, path, "no_load_loss"), e, op,
                 EQ_OP_TRANSFORMER))
    read_positive(ld, x, PATH(ld, path, "no_load_loss"), "kW",
                  &e->no_load_loss);
  if ((x = ytree_get(r, "load_loss")) &&
      kind_takes(ld, x, PATH(ld, path, "load_loss"), e, op, EQ_OP_TRANSFORMER))
    read_positive(ld, x, PATH(ld, path, "load_loss"), "kW", &e->load_loss);
}

/* measured: {efficiency, specific_power, load_factor, output_power, load,
   flow, control} — the field test (实测) the operating standard judges.
   top is the item, for the older top-level efficiency/specific_power. */
static void read_measured(loader *ld, const ynode *u, const ynode *r,
                          const char *ipath, m_equipment *e, int op)
{
  static const char *const *const controls = fs_controls;
  const char *path = PATH(ld, ipath, "measured");
  if (!fs_map(&ld->s, r, path, &fs_measured))
    return;
  const ynode *x, *old;
  static const char *const twice[] = {"efficiency", "specific_power"};
  for (size_t i = 0; i < 2; i++)
    if ((x = ytree_get(r, twice[i])) && (old = ytree_get(u, twice[i]))) {
      ERR(ld, x->pos, "%s.%s: given twice, here and as %s.%s (line %d); "
                      "write it once, under measured",
          path, twice[i], ipath, twice[i], old->pos.line);
    } else if (x && i == 0) {
      read_efficiency(ld, x, PATH(ld, path, "efficiency"), &e->efficiency);
    } else if (x) {
      read_specific_power(ld, x, PATH(ld, path, "specific_power"),
                          &e->specific_power, &e->specific_power_text);
    }
  if ((x = ytree_get(r, "power_factor")) &&
      kind_takes(ld, x, PATH(ld, path, "power_factor"), e, op,
                 EQ_OP_TRANSFORMER) &&
      sch_ratio(&ld->s, x, PATH(ld, path, "power_factor"), true,
                &e->power_factor) &&
      !(e->power_factor > 0)) {
    ERR(ld, x->pos, "%s.power_factor: must be greater than zero, found %s",
        path, x->str);
    e->power_factor = NAN;
  }
  const ynode *lf = ytree_get(r, "load_factor");
  if (lf && sch_ratio(&ld->s, lf, PATH(ld, path, "load_factor"), false,
                      &e->load_factor) &&
      !(e->load_factor > 0 && e->load_factor <= 2.0)) {
    ERR(ld, lf->pos, "%s.load_factor: %s is not a plausible load factor "
                     "(above 0, at most 200 %%)",
        path, lf->str);
    e->load_factor = NAN;
  }
  static const struct {
    const char *key, *unit;
    int op;
  } by[] = {{"output_power", "kW", EQ_OP_MOTOR},
            {"load", "kW", EQ_OP_TRANSFORMER}};
  for (size_t i = 0; i < 2; i++) {
    qty *q = i == 0 ? &e->output_power : &e->load;
    const char *p = PATH(ld, path, by[i].key);
    if (!(x = ytree_get(r, by[i].key)) ||
        !kind_takes(ld, x, p, e, op, by[i].op))
      continue;
    if (lf) {
      ERR(ld, x->pos, "%s: give the load factor or the %s, not both", p,
          i == 0 ? "output power" : "load");
      continue;
    }
    if (!read_positive(ld, x, p, by[i].unit, q))
      continue;
    if (i == 0 && is_apparent(q)) {
      ERR(ld, x->pos, "%s: %s is an apparent power; a motor's output is in "
                      "kW",
          p, q->text);
      q->set = false;
    } else if (i == 1 && !is_apparent(q)) {
      ERR(ld, x->pos, "%s: %s is not an apparent power (kVA, MVA)", p,
          q->text);
      q->set = false;
    } else if (e->capacity.set && q->v / e->capacity.v > 2.0) {
      ERR(ld, x->pos, "%s: %s is more than twice the rated %s", p, q->text,
          e->capacity.text);
      q->set = false;
    }
  }
  if ((x = ytree_get(r, "flow")) &&
      kind_takes(ld, x, PATH(ld, path, "flow"), e, op, EQ_OP_RATIO))
    read_positive(ld, x, PATH(ld, path, "flow"), "m3/h", &e->op_flow);
  int k;
  if ((x = ytree_get(r, "control")) &&
      kind_takes(ld, x, PATH(ld, path, "control"), e, op, EQ_OP_RATIO) &&
      sch_enum(&ld->s, x, PATH(ld, path, "control"), controls, &k))
    e->control = controls[k];
}

static void read_equipment(loader *ld, const ynode *n)
{
  static const char *const *const coolings = fs_coolings;
  model *m = ld->m;
  if (!sch_list(&ld->s, n, "equipment") ||
      !within_count(ld, n, "equipment", MAX_EQUIPMENT))
    return;
  const char **uids = ARENA_ARRAY(ld->s.a, const char *, m->n_units + 1);
  for (size_t i = 0; i < m->n_units; i++)
    uids[i] = m->units[i].id;
  m->equipment = ARENA_ARRAY(ld->s.a, m_equipment, n->n + 1);
  strmap *ids = strmap_new(ld->s.a);
  const char **paths = item_paths(ld, n, "equipment");
  for (size_t i = 0; i < n->n; i++) {
    const ynode *u = n->kids[i];
    const char *path = paths[i];
    if (!fs_map(&ld->s, u, path, &fs_equipment))
      continue;
    m_equipment *e = &m->equipment[m->n_equipment];
    memset(e, 0, sizeof *e);
    e->pos = u->pos;
    e->unit = -1;
    e->efficiency = NAN;
    e->specific_power = NAN;
    e->rated_efficiency = NAN;
    e->rated_specific_power = NAN;
    e->rated_cop = e->rated_iplv = NAN;
    e->rated_seer = e->rated_apf = e->rated_aeer = NAN;
    e->load_factor = NAN;
    const ynode *x = ytree_get(u, "id");
    if (!x || !sch_id(&ld->s, x, PATH(ld, path, "id"), &e->id))
      continue;
    long first = strmap_get(ids, e->id);
    if (first >= 0)
      ERR(ld, x->pos, "%s.id: duplicate equipment id \"%s\" (first at "
                      "line %d)",
          path, e->id, m->equipment[first].pos.line);
    if ((x = ytree_get(u, "kind")) &&
        sch_id(&ld->s, x, PATH(ld, path, "kind"), &e->kind)) {
      e->kind_pos = x->pos;
      if (ld->f->n_equipment && !factors_equipment(ld->f, e->kind)) {
        const char **known =
            ARENA_ARRAY(ld->s.a, const char *, ld->f->n_equipment + 1);
        size_t n_known = 0;
        for (size_t k = 0; k < ld->f->n_equipment; k++)
          if (!ld->f->equipment[k].edition_of)
            known[n_known++] = ld->f->equipment[k].key;
        known[n_known] = NULL;
        unknown_ref(ld, x, PATH(ld, path, "kind"),
                    "equipment kind (rules/equipment.yaml)", e->kind, known);
      }
    }
    if ((x = ytree_get(u, "name")))
      sch_text2(&ld->s, x, PATH(ld, path, "name"), &e->name);
    evidence(ld, u, path, "equipment", e->id, e->name);
    const char *id;
    if ((x = ytree_get(u, "unit")) &&
        sch_id(&ld->s, x, PATH(ld, path, "unit"), &id)) {
      e->unit = model_unit(m, id);
      if (e->unit < 0)
        unknown_ref(ld, x, PATH(ld, path, "unit"), "unit", id, uids);
    }
    if ((x = ytree_get(u, "fuel")))
      read_carrier_key(ld, x, PATH(ld, path, "fuel"), false, &e->fuel);
    if ((x = ytree_get(u, "capacity"))) {
      if (sch_qty(&ld->s, x, PATH(ld, path, "capacity"), NULL, &e->capacity) &&
          !dim_eq(e->capacity.dim, dim_of("kW")) &&
          !dim_eq(e->capacity.dim, dim_of("t/h"))) {
        ERR(ld, x->pos, "%s.capacity: \"%s\" is not a power (kW, MW) or a "
                        "steam rate (t/h)",
            path, e->capacity.text);
        e->capacity.set = false;
      } else if (e->capacity.set && !(e->capacity.v > 0)) {
        ERR(ld, x->pos, "%s.capacity: must be greater than zero, found %s",
            path, e->capacity.text);
        e->capacity.set = false;
      }
    }
    /* the operating method of the kind decides which fields it takes;
       -1 while the kind is unknown (reported above) */
    const eq_kind *ek = e->kind ? factors_equipment(ld->f, e->kind) : NULL;
    int op = ek ? ek->op.method : -1;
    if (e->capacity.set) {
      bool app = is_apparent(&e->capacity);
      if (op == EQ_OP_TRANSFORMER && !app) {
        ERR(ld, ytree_get(u, "capacity")->pos,
            "%s.capacity: a transformer is rated in kVA or MVA, found %s",
            path, e->capacity.text);
        e->capacity.set = false;
      } else if (op >= 0 && op != EQ_OP_TRANSFORMER && app) {
        ERR(ld, ytree_get(u, "capacity")->pos,
            "%s.capacity: %s is an apparent power; only transformers are "
            "rated in kVA",
            path, e->capacity.text);
        e->capacity.set = false;
      }
    }
    if ((x = ytree_get(u, "efficiency")))
      read_efficiency(ld, x, PATH(ld, path, "efficiency"), &e->efficiency);
    if ((x = ytree_get(u, "model")))
      sch_str(&ld->s, x, PATH(ld, path, "model"), &e->model_no);
    if ((x = ytree_get(u, "series")))
      sch_str(&ld->s, x, PATH(ld, path, "series"), &e->series);
    if ((x = ytree_get(u, "type")))
      sch_id(&ld->s, x, PATH(ld, path, "type"), &e->type);
    if ((x = ytree_get(u, "coal_class")))
      sch_id(&ld->s, x, PATH(ld, path, "coal_class"), &e->coal_class);
    int k;
    if ((x = ytree_get(u, "cooling")) &&
        sch_enum(&ld->s, x, PATH(ld, path, "cooling"), coolings, &k))
      e->cooling = coolings[k];
    if ((x = ytree_get(u, "poles")))
      sch_int(&ld->s, x, PATH(ld, path, "poles"), 2, 16, &e->poles);
    /* transformers */
    const struct {
      const char *key;
      const char *const *vals;
      const char **out;
    } tr[] = {{"core", fs_cores, &e->core},
              {"insulation", fs_insulations, &e->insulation}};
    for (size_t j = 0; j < sizeof tr / sizeof *tr; j++)
      if ((x = ytree_get(u, tr[j].key)) &&
          sch_enum(&ld->s, x, PATH(ld, path, tr[j].key), tr[j].vals, &k))
        *tr[j].out = tr[j].vals[k];
    if ((x = ytree_get(u, "connection")))
      sch_id(&ld->s, x, PATH(ld, path, "connection"), &e->connection);
    e->meter = -1;
    e->power_factor = NAN;
    if ((x = ytree_get(u, "meter")) &&
        kind_takes(ld, x, PATH(ld, path, "meter"), e, op, EQ_OP_TRANSFORMER) &&
        sch_id(&ld->s, x, PATH(ld, path, "meter"), &id)) {
      const char **mids = ARENA_ARRAY(ld->s.a, const char *, m->n_meters + 1);
      for (size_t j = 0; j < m->n_meters; j++) {
        mids[j] = m->meters[j].id;
        if (strcmp(mids[j], id) == 0)
          e->meter = (int)j;
      }
      if (e->meter < 0) {
        unknown_ref(ld, x, PATH(ld, path, "meter"), "meter", id, mids);
      } else if (strcmp(m->meters[e->meter].carrier, "electricity") != 0) {
        ERR(ld, x->pos, "%s.meter: meter %s measures %s, not the electricity "
                        "through a transformer",
            path, id, m->meters[e->meter].carrier);
        e->meter = -1;
      }
    }

    dimvec pd = dim_of("MPa");
    if ((x = ytree_get(u, "pressure")) &&
        sch_qty(&ld->s, x, PATH(ld, path, "pressure"), &pd, &e->pressure) &&
        !(e->pressure.v > 0)) {
      ERR(ld, x->pos, "%s.pressure: must be greater than zero, found %s", path,
          e->pressure.text);
      e->pressure.set = false;
    }
    dimvec fd = dim_of("m3/h"), hd = dim_of("m"), nd = dim_of("r/min");
    const struct {
      const char *key;
      const dimvec *dim;
      qty *q;
    } pump[] = {{"flow", &fd, &e->flow},
                {"head", &hd, &e->head},
                {"speed", &nd, &e->speed}};
    for (size_t j = 0; j < sizeof pump / sizeof *pump; j++)
      if ((x = ytree_get(u, pump[j].key)) &&
          sch_qty(&ld->s, x, PATH(ld, path, pump[j].key), pump[j].dim,
                  pump[j].q) &&
          !(pump[j].q->v > 0)) {
        ERR(ld, x->pos, "%s.%s: must be greater than zero", path, pump[j].key);
        pump[j].q->set = false;
      }
    if ((x = ytree_get(u, "stages")))
      sch_int(&ld->s, x, PATH(ld, path, "stages"), 1, 20, &e->stages);
    /* fans (and a transformer's voltage class, kV): numbers, each
       greater than zero */
    const struct {
      const char *key;
      double *v;
    } fan[] = {{"pressure_coefficient", &e->pressure_coefficient},
               {"hub_ratio", &e->hub_ratio},
               {"specific_speed", &e->specific_speed},
               {"machine_number", &e->machine_number},
               {"voltage_class", &e->voltage_class}};
    for (size_t j = 0; j < sizeof fan / sizeof *fan; j++) {
      *fan[j].v = NAN;
      double v;
      if ((x = ytree_get(u, fan[j].key)) &&
          sch_num(&ld->s, x, PATH(ld, path, fan[j].key), &v)) {
        if (!(v > 0) || (fan[j].v == &e->hub_ratio && !(v < 1)))
          ERR(ld, x->pos, "%s.%s: must be greater than zero%s, found %s", path,
              fan[j].key, fan[j].v == &e->hub_ratio ? " and less than one" : "",
              x->str);
        else
          *fan[j].v = v;
      }
    }
    if ((x = ytree_get(u, "specific_power")))
      read_specific_power(ld, x, PATH(ld, path, "specific_power"),
                          &e->specific_power, &e->specific_power_text);
    if ((x = ytree_get(u, "rated")))
      read_rated(ld, x, PATH(ld, path, "rated"), e, op);
    if ((x = ytree_get(u, "measured")))
      read_measured(ld, u, x, path, e, op);
    strmap_put(ids, e->id, (long)m->n_equipment);
    m->n_equipment++;
  }
}

/* schedule: {start:, finish:} or {start:, months:} or {months:} — when
   the measure is carried out. */
static void read_schedule(loader *ld, const ynode *n, const char *path,
                          m_measure *me)
{
  if (!fs_map(&ld->s, n, path, &fs_schedule))
    return;
  const ynode *s = ytree_get(n, "start"), *f = ytree_get(n, "finish"),
              *k = ytree_get(n, "months");
  if (!s && !f && !k) {
    ERR(ld, n->pos, "%s: give start and finish, or months (the duration)",
        path);
    return;
  }
  if (s)
    me->has_start = sch_date(&ld->s, s, PATH(ld, path, "start"), &me->start);
  if (f)
    me->has_finish =
        sch_date(&ld->s, f, PATH(ld, path, "finish"), &me->finish);
  if (k)
    sch_int(&ld->s, k, PATH(ld, path, "months"), 1, 120, &me->months);
  if (f && k)
    ERR(ld, k->pos, "%s.months: give finish or months, not both", path);
  if (f && !s)
    ERR(ld, f->pos, "%s.finish: a finish needs a start", path);
  if (me->has_start && me->has_finish &&
      date_days(me->finish) < date_days(me->start)) {
    char a[16], b[16];
    date_format(me->start, a);
    date_format(me->finish, b);
    ERR(ld, f->pos, "%s.finish: %s is before start %s", path, b, a);
    me->has_finish = false;
  }
}

/* The optional description of a measure: situation, scheme,
   saving_basis, schedule, operating_hours. */
static void read_measure_plan(loader *ld, const ynode *u, const char *path,
                              m_measure *me)
{
  const ynode *x;
  if ((x = ytree_get(u, "situation")))
    me->has_situation =
        sch_text2(&ld->s, x, PATH(ld, path, "situation"), &me->situation);
  if ((x = ytree_get(u, "scheme")))
    me->has_scheme =
        sch_text2(&ld->s, x, PATH(ld, path, "scheme"), &me->scheme);
  if ((x = ytree_get(u, "saving_basis")))
    me->has_saving_basis = sch_text2(
        &ld->s, x, PATH(ld, path, "saving_basis"), &me->saving_basis);
  if ((x = ytree_get(u, "schedule")))
    read_schedule(ld, x, PATH(ld, path, "schedule"), me);
  dimvec hours = dim_of("h");
  qty q;
  if ((x = ytree_get(u, "operating_hours")) &&
      sch_qty(&ld->s, x, PATH(ld, path, "operating_hours"), &hours, &q)) {
    if (!(q.v > 0) || q.v > 8784)
      ERR(ld, x->pos, "%s.operating_hours: %s is not a number of hours in a "
                      "year (more than 0, at most 8,784 h)",
          path, q.text);
    else
      me->operating_hours = q.v;
  }
}

static void read_measures(loader *ld, const ynode *n)
{
  model *m = ld->m;
  if (!sch_list(&ld->s, n, "measures") ||
      !within_count(ld, n, "measures", MAX_MEASURES))
    return;
  dimvec money = dim_of("CNY"), time = dim_of("a");
  m->measures = ARENA_ARRAY(ld->s.a, m_measure, n->n + 1);
  strmap *ids = strmap_new(ld->s.a);
  const char **paths = item_paths(ld, n, "measures");
  for (size_t i = 0; i < n->n; i++) {
    const ynode *u = n->kids[i];
    const char *path = paths[i];
    if (!fs_map(&ld->s, u, path, &fs_measure))
      continue;
    m_measure *me = &m->measures[m->n_measures];
    memset(me, 0, sizeof *me);
    me->pos = u->pos;
    me->discount_rate = NAN;
    me->operating_hours = NAN;
    const ynode *x = ytree_get(u, "id");
    if (!x || !sch_id(&ld->s, x, PATH(ld, path, "id"), &me->id))
      continue;
    long first = strmap_get(ids, me->id);
    if (first >= 0)
      ERR(ld, x->pos, "%s.id: duplicate measure id \"%s\" (first at line "
                      "%d)",
          path, me->id, m->measures[first].pos.line);
    path = arena_printf(ld->s.a, "measures[%s]", me->id);
    if ((x = ytree_get(u, "name")))
      sch_text2(&ld->s, x, PATH(ld, path, "name"), &me->name);
    qty q;
    bool ok = true;
    if ((x = ytree_get(u, "investment")) &&
        sch_qty(&ld->s, x, PATH(ld, path, "investment"), &money, &q)) {
      if (q.v < 0)
        ERR(ld, x->pos, "%s.investment: negative %s", path, q.text), ok = false;
      me->investment = q.v;
    } else {
      ok = false;
    }
    if ((x = ytree_get(u, "om_cost")) &&
        sch_qty(&ld->s, x, PATH(ld, path, "om_cost"), &money, &q))
      me->om_cost = q.v;
    if ((x = ytree_get(u, "lifetime")) &&
        sch_qty(&ld->s, x, PATH(ld, path, "lifetime"), &time, &q)) {
      me->lifetime = q.v / 8760.0;
      if (me->lifetime < 1 || me->lifetime > 60 ||
          me->lifetime != (double)(long)me->lifetime) {
        ERR(ld, x->pos, "%s.lifetime: %s is not a whole number of years from 1 "
                        "to 60",
            path, q.text);
        ok = false;
      }
    } else {
      ok = false;
    }
    if ((x = ytree_get(u, "discount_rate")) &&
        sch_ratio(&ld->s, x, PATH(ld, path, "discount_rate"), true,
                  &me->discount_rate) &&
        me->discount_rate >= 1.0) {
      ERR(ld, x->pos, "%s.discount_rate: must be below 100 %%", path);
    }
    read_measure_plan(ld, u, path, me);
    if ((x = ytree_get(u, "saves")) &&
        sch_list(&ld->s, x, PATH(ld, path, "saves"))) {
      me->saves = ARENA_ARRAY(ld->s.a, m_saving, x->n + 1);
      for (size_t j = 0; j < x->n; j++) {
        const ynode *s = x->kids[j], *c, *a;
        const char *spath = INDEX(ld, PATH(ld, path, "saves"), j);
        if (!fs_map(&ld->s, s, spath, &fs_saving))
          continue;
        m_saving *sv = &me->saves[me->n_saves];
        sv->pos = s->pos;
        if (!(c = ytree_get(s, "carrier")) ||
            !read_carrier_key(ld, c, PATH(ld, spath, "carrier"), true,
                              &sv->carrier) ||
            !(a = ytree_get(s, "amount")))
          continue;
        if (!model_carrier_unit(m, ld->f, sv->carrier)) {
          unknown_ref(ld, c, PATH(ld, spath, "carrier"), "carrier",
                      sv->carrier, ld->carrier_keys);
          continue;
        }
        sv->amount_pos = a->pos;
        if (carrier_qty(ld, a, PATH(ld, spath, "amount"), sv->carrier,
                        &sv->amount, &sv->text))
          me->n_saves++;
      }
      if (x->n == 0)
        ERR(ld, x->pos, "%s.saves: a measure saves at least one carrier", path);
      /* a negative amount is extra use (the new fuel of a fuel switch);
         a measure of extra use only saves nothing */
      bool saves = false;
      for (size_t j = 0; j < me->n_saves; j++)
        saves |= me->saves[j].amount > 0;
      if (x->n && me->n_saves == x->n && !saves)
        ERR(ld, x->pos, "%s.saves: no amount is greater than zero: a measure "
                        "saves at least one carrier (a negative amount is "
                        "extra use, as of the new fuel in a fuel switch)",
            path);
    }
    (void)ok;
    strmap_put(ids, me->id, (long)m->n_measures);
    m->n_measures++;
  }
}

static void read_baseline(loader *ld, const ynode *n)
{
  model *m = ld->m;
  m_baseline *b = &m->baseline;
  if (!fs_map(&ld->s, n, "baseline", &fs_baseline))
    return;
  b->pos = n->pos;
  const ynode *x;
  bool ok = (x = ytree_get(n, "period")) &&
            read_period(ld, x, "baseline.period", &b->from, &b->to);
  if (ok && date_days(b->to) >= date_days(m->from) && m->months > 0)
    ERR(ld, x->pos, "baseline.period: the base period must end before the "
                    "audit period begins");
  const char **pids = ARENA_ARRAY(ld->s.a, const char *, m->n_products + 1);
  for (size_t i = 0; i < m->n_products; i++)
    pids[i] = m->products[i].id;
  if ((x = ytree_get(n, "products")) &&
      sch_list(&ld->s, x, "baseline.products")) {
    b->products = ARENA_ARRAY(ld->s.a, m_base_product, x->n + 1);
    const char **bpaths = item_paths(ld, x, "baseline.products");
    for (size_t i = 0; i < x->n; i++) {
      const ynode *p = x->kids[i], *y;
      const char *path = bpaths[i], *id;
      if (!fs_map(&ld->s, p, path, &fs_base_product))
        continue;
      if (!(y = ytree_get(p, "id")) ||
          !sch_id(&ld->s, y, PATH(ld, path, "id"), &id))
        continue;
      int pi = (int)strmap_get(ld->product_ids, id);
      if (pi < 0) {
        unknown_ref(ld, y, PATH(ld, path, "id"), "product", id, pids);
        continue;
      }
      const m_product *pr = &m->products[pi];
      if (!pr->unit || !(y = ytree_get(p, "unit_consumption")))
        continue;
      dimvec want = dim_per(dim_of("kgce"), dim_of(pr->unit));
      qty q;
      size_t dl;
      if (!sch_qty(&ld->s, y, PATH(ld, path, "unit_consumption"), &want, &q))
        continue;
      const char *den = units_denominator(q.unit, &dl);
      if (!fits_product(ld, y->pos, PATH(ld, path, "unit_consumption"), den,
                        dl, pr))
        continue;
      if (!(q.v > 0)) {
        ERR(ld, y->pos, "%s.unit_consumption: must be greater than zero", path);
        continue;
      }
      m_base_product *bp = &b->products[b->n_products++];
      bp->product = pi;
      bp->unit_consumption_kgce = q.v * units_to(1.0, pr->unit) > 0
                                      ? q.v / units_to(1.0, pr->unit)
                                      : q.v;
      bp->text = q.text;
      bp->pos = y->pos;
    }
  }
  if ((x = ytree_get(n, "output_value_intensity"))) {
    dimvec want = dim_per(dim_of("kgce"), dim_of("CNY"));
    qty q;
    if (sch_qty(&ld->s, x, "baseline.output_value_intensity", &want, &q)) {
      if (!(q.v > 0))
        ERR(ld, x->pos, "baseline.output_value_intensity: must be greater "
                        "than zero");
      b->has_intensity = q.v > 0;
      /* kgce per CNY -> tce per 万元 */
      b->intensity_tce_per_10k = q.v * 1e4 / 1000.0;
    }
  }
  b->present = ok;
}

/* {====================================================== declared */

#define MAX_DECLARED 500

/* declared: [{figure, value, filed_in}] — what the enterprise filed. The
   figure must be a path of the results (its shape, with [] for any item,
   is checked here; whether it holds a number, and the value's unit
   against it, once computed). A figure declared twice is an error. */
static void read_declared(loader *ld, const ynode *n)
{
  model *m = ld->m;
  if (!sch_list(&ld->s, n, "declared") ||
      !within_count(ld, n, "declared", MAX_DECLARED))
    return;
  m->declared = ARENA_ARRAY(ld->s.a, m_declared, n->n + 1);
  for (size_t i = 0; i < n->n; i++) {
    const ynode *u = n->kids[i], *x;
    const char *path = INDEX(ld, "declared", i);
    if (!fs_map(&ld->s, u, path, &fs_declared))
      continue;
    m_declared *d = &m->declared[m->n_declared];
    memset(d, 0, sizeof *d);
    d->pos = u->pos;
    bool ok = true;
    if ((x = ytree_get(u, "figure")) &&
        sch_str(&ld->s, x, PATH(ld, path, "figure"), &d->figure)) {
      d->figure_pos = x->pos;
      /* the shape: every [...] written [] */
      size_t len = strlen(d->figure);
      char *shape = arena_alloc(ld->s.a, len + 1);
      size_t k = 0;
      bool bad = false;
      for (size_t j = 0; j < len; j++) {
        shape[k++] = d->figure[j];
        if (d->figure[j] == '[') {
          const char *close = strchr(d->figure + j, ']');
          if (!close || close == d->figure + j + 1) {
            bad = true;
            break;
          }
          j = (size_t)(close - d->figure) - 1;
        }
      }
      shape[k] = '\0';
      d->shape = shape;
      const char *why = bad ? "an item is written [id], such as energy.carriers[electricity].consumed"
                            : checks_path_check(shape, ld->s.a);
      if (why) {
        ERR(ld, x->pos, "%s.figure: \"%s\": %s", path, d->figure, why);
        ok = false;
      }
      for (size_t j = 0; ok && j < m->n_declared; j++)
        if (strcmp(m->declared[j].figure, d->figure) == 0) {
          ERR(ld, x->pos, "%s.figure: %s is declared twice (first at line "
                          "%d)",
              path, d->figure, m->declared[j].figure_pos.line);
          ok = false;
        }
    } else {
      ok = false;
    }
    if ((x = ytree_get(u, "value")) &&
        sch_qty(&ld->s, x, PATH(ld, path, "value"), NULL, &d->value))
      d->value_pos = x->pos;
    else
      ok = false;
    if (!(x = ytree_get(u, "filed_in")) ||
        !sch_text2(&ld->s, x, PATH(ld, path, "filed_in"), &d->filed_in))
      ok = false;
    if (ok)
      m->n_declared++;
  }
}

/* quotas: [{name, standard, indicator, constraint, baseline, guide,
   source}] — the energy quotas set for this facility (a public
   institution's yearly 能耗定额), compared like the quotas of
   rules/buildings.yaml: one row, whatever the building's type and zone. */
static void read_quotas(loader *ld, const ynode *n)
{
  model *m = ld->m;
  if (!sch_list(&ld->s, n, "quotas") ||
      !within_count(ld, n, "quotas", MAX_UNITS))
    return;
  m->quotas = ARENA_ARRAY(ld->s.a, bq_quota, n->n + 1);
  const char *names[64];
  size_t nn = 0;
  for (size_t i = 0; BUILDING_INDICATORS[i] && nn < 64; i += 2)
    names[nn++] = BUILDING_INDICATORS[i];
  for (size_t i = 0; i < n->n; i++) {
    const ynode *u = n->kids[i], *x;
    const char *path = INDEX(ld, "quotas", i);
    if (!fs_map(&ld->s, u, path, &fs_quota))
      continue;
    bq_quota *q = &m->quotas[m->n_quotas];
    memset(q, 0, sizeof *q);
    q->pos = u->pos;
    q->key = arena_printf(ld->s.a, "quotas[%zu]", i);
    bq_row *r = ARENA_NEW(ld->s.a, bq_row);
    r->constraint = r->baseline = r->guide = NAN;
    r->pos = u->pos;
    bool ok = (x = ytree_get(u, "name")) &&
              sch_text2(&ld->s, x, PATH(ld, path, "name"), &q->name);
    ok = (x = ytree_get(u, "standard")) &&
         sch_text2(&ld->s, x, PATH(ld, path, "standard"), &q->citation) &&
         ok;
    q->standard = q->citation.en;
    if ((x = ytree_get(u, "indicator")) &&
        sch_id(&ld->s, x, PATH(ld, path, "indicator"), &q->indicator) &&
        !factors_building_unit(q->indicator)) {
      const char *hint = sch_suggest(q->indicator, names, nn);
      ERR(ld, x->pos, "%s.indicator: \"%s\" is not an indicator a building "
                      "is compared on%s%s%s (kgce_per_m2, "
                      "kgce_per_m2_equal_value, kgce_per_bed … as README.md "
                      "lists them)",
          path, q->indicator, hint ? " (did you mean \"" : "",
          hint ? hint : "", hint ? "\"?)" : "");
      q->indicator = NULL;
    }
    ok = q->indicator && ok;
    const char *keys[] = {"constraint", "baseline", "guide"};
    double *vals[] = {&r->constraint, &r->baseline, &r->guide};
    for (int k = 0; k < 3; k++) {
      double v;
      if (!(x = ytree_get(u, keys[k])) ||
          !sch_num(&ld->s, x, PATH(ld, path, keys[k]), &v)) {
        ok = ok && !(k == 0 || x);
        continue;
      }
      if (!(v > 0)) {
        ERR(ld, x->pos, "%s.%s: must be greater than zero, found %s", path,
            keys[k], x->str);
        ok = false;
        continue;
      }
      *vals[k] = v;
    }
    /* the guide is the better level, the constraint the worst allowed:
       each pair of values given in order */
    for (int lo = 2; lo > 0; lo--)
      for (int hi = lo - 1; hi >= 0; hi--)
        if (isfinite(*vals[lo]) && isfinite(*vals[hi]) &&
            *vals[lo] > *vals[hi]) {
          ERR(ld, ytree_get(u, keys[lo])->pos,
              "%s.%s: %g is above the %s %g (expected guide <= baseline <= "
              "constraint: the guide value is the better level)",
              path, keys[lo], *vals[lo], keys[hi], *vals[hi]);
          ok = false;
        }
    if ((x = ytree_get(u, "source")))
      ok = sch_text2(&ld->s, x, PATH(ld, path, "source"), &r->source) && ok;
    else
      r->source = q->name;
    q->rows = r;
    q->n_rows = 1;
    if (ok)
      m->n_quotas++;
  }
}

/* }====================================================== */
/* {====================================================== earlier years */

static model *load_root(arena *a, diag_list *dl, const units *u,
                        const factors *f, ynode *root, const char *name,
                        const char *dir, const char *series_root,
                        size_t before, bool nested);
static const char *dir_of(arena *a, const char *path);

/* history[i].file: the year's own facility file, loaded and validated as
   the main one is (its errors are its own, at its lines). It must lie in
   the main file's folder tree, like interval data, and may not name
   earlier years itself (which also rules out a cycle). */
static void read_year_file(loader *ld, const ynode *x, const char *path,
                           m_year *y)
{
  const char *rel;
  if (!sch_str(&ld->s, x, PATH(ld, path, "file"), &rel))
    return;
  y->file = rel;
  const char *full = rel[0] == '/' || !ld->dir
                         ? rel
                         : arena_printf(ld->s.a, "%s/%s", ld->dir, rel);
  int err = 0;
  bool outside = false;
  if (ld->series_root) {
    char *real = file_resolve_inside(ld->series_root, full, &outside, &err);
    bool found = real != NULL;
    free(real);
    if (outside) {
      ERR(ld, x->pos, "%s.file: %s is not inside the folder of the facility "
                      "file (%s): a year's file must lie in that folder or "
                      "below it",
          path, rel, ld->series_root);
      return;
    }
    if (!found) {
      ERR(ld, x->pos, "%s.file: cannot read %s: %s", path, rel,
          file_strerror(err));
      return;
    }
  }
  if ((err = file_probe_regular(full)) != 0) {
    ERR(ld, x->pos, "%s.file: cannot read %s: %s", path, rel,
        file_strerror(err));
    return;
  }
  size_t before = diag_errors(ld->s.dl);
  ytree_limits lim = ytree_default_limits();
  bool io = false;
  ynode *root = ytree_load_file(ld->s.a, ld->s.dl, full, full, &lim, &io);
  if (!root)
    return;
  const char *dir = dir_of(ld->s.a, full);
  const model *sub = load_root(ld->s.a, ld->s.dl, ld->s.u, ld->f, root, full,
                               dir, !dir ? "." : *dir ? dir : "/", before,
                               true);
  if (!sub)
    return;
  /* the same products: each of the year's is one of this file's, in the
     same kind of unit */
  bool ok = true;
  for (size_t i = 0; i < sub->n_products; i++) {
    const m_product *sp = &sub->products[i];
    long pi = strmap_get(ld->product_ids, sp->id);
    if (pi < 0) {
      ERR(ld, x->pos, "%s.file: product \"%s\" of %s (line %d) is not a "
                      "product of this file: the years compare the same "
                      "products",
          path, sp->id, rel, sp->pos.line);
      ok = false;
    } else if (sp->unit && ld->m->products[pi].unit &&
               strcmp(sp->unit, ld->m->products[pi].unit) != 0) {
      ERR(ld, x->pos, "%s.file: product \"%s\" of %s (line %d) is counted "
                      "in %s, here in %s",
          path, sp->id, rel, sp->pos.line, sp->unit,
          ld->m->products[pi].unit);
      ok = false;
    }
  }
  if (!ok)
    return;
  y->sub = sub;
  y->from = sub->from;
  y->to = sub->to;
  y->output_value = sub->output_value.set ? sub->output_value.v : (double)NAN;
}

/* An inline year's product's uses: the intermediate products of this
   file it used that year, as products[].uses (docs/calculation.md
   "Earlier years": they give the year's net outputs). False after an
   error. */
static bool read_year_uses(loader *ld, const ynode *x, const char *ppath,
                           m_year_product *yp)
{
  model *m = ld->m;
  const char *path = PATH(ld, ppath, "uses");
  if (!sch_list(&ld->s, x, path))
    return false;
  bool ok = true;
  yp->uses = ARENA_ARRAY(ld->s.a, m_use, x->n + 1);
  strmap *seen = strmap_new(ld->s.a);
  for (size_t j = 0; j < x->n; j++) {
    const ynode *u = x->kids[j], *z;
    const char *upath = INDEX(ld, path, j), *id;
    if (!fs_map(&ld->s, u, upath, &fs_use) ||
        !(z = ytree_get(u, "product")) ||
        !sch_id(&ld->s, z, PATH(ld, upath, "product"), &id)) {
      ok = false;
      continue;
    }
    int q = (int)strmap_get(ld->product_ids, id);
    if (q < 0) {
      unknown_ref(ld, z, PATH(ld, upath, "product"), "product", id, ld->pids);
      ok = false;
      continue;
    }
    if (q == yp->product) {
      ERR(ld, z->pos, "%s.product: a product cannot use itself", upath);
      ok = false;
      continue;
    }
    long first = strmap_get(seen, id);
    if (first >= 0) {
      ERR(ld, z->pos, "%s.product: product \"%s\" is used twice in this "
                      "list (first at line %ld)",
          upath, id, first);
      ok = false;
      continue;
    }
    strmap_put(seen, id, (long)z->pos.line);
    const m_product *qp = &m->products[q];
    qty amount;
    if (!(z = ytree_get(u, "quantity")) || !qp->unit)
      continue;
    dimvec want = dim_of(qp->unit);
    if (!sch_qty(&ld->s, z, PATH(ld, upath, "quantity"), &want, &amount) ||
        !fits_product(ld, z->pos, PATH(ld, upath, "quantity"), amount.unit,
                      strlen(amount.unit), qp)) {
      ok = false;
      continue;
    }
    if (amount.v < 0) {
      ERR(ld, z->pos, "%s.quantity: negative quantity %s", upath,
          amount.text);
      ok = false;
      continue;
    }
    m_use *mu = &yp->uses[yp->n_uses++];
    mu->product = q;
    mu->amount = units_to(amount.v, qp->unit);
    mu->text = amount.text;
    mu->pos = z->pos;
  }
  return ok;
}

/* history[i] written inline: period, consumption per carrier, products'
   output (and, for the decomposition by product, unit consumption),
   output value, optionally CO2. */
static bool read_year_inline(loader *ld, const ynode *u, const char *path,
                             m_year *y)
{
  model *m = ld->m;
  const ynode *x;
  bool ok = true;
  if (!(x = ytree_get(u, "period")) ||
      !read_period(ld, x, PATH(ld, path, "period"), &y->from, &y->to))
    ok = false;
  if (!x)
    ERR(ld, u->pos, "%s: missing key \"period\" (a year written inline gives "
                    "its period, consumption and output_value; or file:)",
        path), ok = false;
  dimvec money = dim_of("CNY"), mass = dim_of("t");
  qty q;
  if (!(x = ytree_get(u, "output_value"))) {
    ERR(ld, u->pos, "%s: missing key \"output_value\" (a year written inline "
                    "gives its period, consumption and output_value; or "
                    "file:)",
        path);
    ok = false;
  } else if (sch_qty(&ld->s, x, PATH(ld, path, "output_value"), &money, &q)) {
    if (!(q.v > 0))
      ERR(ld, x->pos, "%s.output_value: must be greater than zero, found %s",
          path, q.text), ok = false;
    y->output_value = q.v;
  } else {
    ok = false;
  }
  if ((x = ytree_get(u, "co2")) &&
      sch_qty(&ld->s, x, PATH(ld, path, "co2"), &mass, &q)) {
    if (q.v < 0)
      ERR(ld, x->pos, "%s.co2: negative %s", path, q.text), ok = false;
    y->co2_t = units_to(q.v, "t");
  }
  x = ytree_get(u, "consumption");
  if (!x || ytree_is_null(x)) {
    ERR(ld, x ? x->pos : u->pos, "%s: %s (a year written inline gives its "
                                 "consumption per carrier)",
        path, x ? "consumption is empty" : "missing key \"consumption\"");
    ok = false;
  } else if (x->kind != YN_MAP) {
    ERR(ld, x->pos, "%s.consumption: expected a mapping of carrier: "
                    "quantity, found %s",
        path, ytree_kind_name(x));
    ok = false;
  } else {
    y->consumption = ARENA_ARRAY(ld->s.a, m_year_carrier, x->n + 1);
    for (size_t i = 0; i < x->n; i++) {
      const ynode *k = x->kids[2 * i], *v = x->kids[2 * i + 1];
      const char *cpath = PATH(ld, PATH(ld, path, "consumption"), k->str);
      m_year_carrier *c = &y->consumption[y->n_consumption];
      if (!read_carrier_key(ld, k, PATH(ld, path, "consumption"), false,
                            &c->carrier)) {
        ok = false;
        continue;
      }
      if (!carrier_qty(ld, v, cpath, c->carrier, &c->quantity, &c->text)) {
        ok = false;
        continue;
      }
      if (c->quantity < 0) {
        ERR(ld, v->pos, "%s: negative %s", cpath, c->text);
        ok = false;
        continue;
      }
      c->pos = v->pos;
      y->n_consumption++;
    }
  }
  if ((x = ytree_get(u, "products")) && !ytree_is_null(x) &&
      sch_list(&ld->s, x, PATH(ld, path, "products"))) {
    y->products = ARENA_ARRAY(ld->s.a, m_year_product, x->n + 1);
    const char **ppaths = item_paths(ld, x, PATH(ld, path, "products"));
    strmap *seen = strmap_new(ld->s.a);
    for (size_t i = 0; i < x->n; i++) {
      const ynode *p = x->kids[i], *z;
      const char *ppath = ppaths[i], *id;
      if (!fs_map(&ld->s, p, ppath, &fs_year_product)) {
        ok = false;
        continue;
      }
      if (!(z = ytree_get(p, "id")) ||
          !sch_id(&ld->s, z, PATH(ld, ppath, "id"), &id)) {
        ok = false;
        continue;
      }
      int pi = (int)strmap_get(ld->product_ids, id);
      if (pi < 0) {
        unknown_ref(ld, z, PATH(ld, ppath, "id"), "product", id, ld->pids);
        ok = false;
        continue;
      }
      long first = strmap_get(seen, id);
      if (first >= 0) {
        ERR(ld, z->pos, "%s.id: product \"%s\" is given twice in this year "
                        "(first at line %ld)",
            ppath, id, first);
        ok = false;
        continue;
      }
      strmap_put(seen, id, (long)z->pos.line);
      const m_product *pr = &m->products[pi];
      m_year_product *yp = &y->products[y->n_products];
      yp->product = pi;
      yp->unit_kgce = (double)NAN;
      yp->pos = p->pos;
      if (!pr->unit || !(z = ytree_get(p, "quantity")))
        continue;
      dimvec want = dim_of(pr->unit);
      size_t dl;
      if (!sch_qty(&ld->s, z, PATH(ld, ppath, "quantity"), &want, &q) ||
          !fits_product(ld, z->pos, PATH(ld, ppath, "quantity"), q.unit,
                        strlen(q.unit), pr)) {
        ok = false;
        continue;
      }
      if (!(q.v > 0)) {
        ERR(ld, z->pos, "%s.quantity: must be greater than zero, found %s "
                        "(leave out a product not made that year)",
            ppath, q.text);
        ok = false;
        continue;
      }
      yp->quantity = units_to(q.v, pr->unit);
      yp->text = q.text;
      if ((z = ytree_get(p, "unit_consumption"))) {
        want = dim_per(dim_of("kgce"), dim_of(pr->unit));
        if (!sch_qty(&ld->s, z, PATH(ld, ppath, "unit_consumption"), &want,
                     &q)) {
          ok = false;
          continue;
        }
        const char *den = units_denominator(q.unit, &dl);
        if (!fits_product(ld, z->pos, PATH(ld, ppath, "unit_consumption"),
                          den, dl, pr)) {
          ok = false;
          continue;
        }
        if (!(q.v > 0)) {
          ERR(ld, z->pos, "%s.unit_consumption: must be greater than zero",
              ppath);
          ok = false;
          continue;
        }
        yp->unit_kgce = units_to(1.0, pr->unit) > 0
                            ? q.v / units_to(1.0, pr->unit)
                            : q.v;
      }
      if ((z = ytree_get(p, "uses")) && !read_year_uses(ld, z, ppath, yp)) {
        ok = false;
        continue;
      }
      y->n_products++;
    }
  }
  return ok;
}

static const char *period_text(arena *a, date f, date t)
{
  char x[16], y[16];
  date_format(f, x);
  date_format(t, y);
  return arena_printf(a, "%s to %s", x, y);
}

/* history: up to five earlier years, each from a file or inline; then
   the periods: each ends before the audit period begins, and no two
   overlap. The years are kept oldest first. */
static void read_history(loader *ld, const ynode *n)
{
  model *m = ld->m;
  if (!sch_list(&ld->s, n, "history"))
    return;
  if (ld->nested) {
    ERR(ld, n->pos, "history: this file is an earlier year named by another "
                    "file's history, and such a year cannot name earlier "
                    "years of its own (a chain or a cycle): give every "
                    "earlier year in the audit year's file");
    return;
  }
  if (n->n > MODEL_MAX_YEARS) {
    ERR(ld, n->pos, "history: %zu years, more than the %d earlier years a "
                    "facility file may carry",
        n->n, MODEL_MAX_YEARS);
    return;
  }
  m_year *ys = ARENA_ARRAY(ld->s.a, m_year, n->n + 1);
  const char **paths = ARENA_ARRAY(ld->s.a, const char *, n->n + 1);
  src_pos *at = ARENA_ARRAY(ld->s.a, src_pos, n->n + 1);
  size_t ny = 0;
  bool all = true;
  static const char *const inline_keys[] = {"period", "consumption",
                                            "products", "output_value", "co2",
                                            NULL};
  for (size_t i = 0; i < n->n; i++) {
    const ynode *u = n->kids[i], *x;
    const char *path = INDEX(ld, "history", i);
    if (!fs_map(&ld->s, u, path, &fs_year)) {
      all = false;
      continue;
    }
    m_year *y = &ys[ny];
    memset(y, 0, sizeof *y);
    y->output_value = y->co2_t = (double)NAN;
    y->pos = u->pos;
    if ((x = ytree_get(u, "file"))) {
      bool mixed = false;
      for (size_t k = 0; inline_keys[k]; k++) {
        const ynode *o = ytree_get(u, inline_keys[k]);
        if (o) {
          ERR(ld, o->pos, "%s.%s: a year given by file: takes its figures "
                          "from that file; write either file: or the "
                          "year's figures",
              path, inline_keys[k]);
          mixed = true;
        }
      }
      read_year_file(ld, x, path, y);
      if (mixed || !y->sub) {
        all = false;
        continue;
      }
      y->pos = x->pos;
    } else if (!read_year_inline(ld, u, path, y)) {
      all = false;
      continue;
    }
    paths[ny] = path;
    at[ny] = y->pos;
    ny++;
  }
  if (!all)
    return;
  /* oldest first (insertion sort: at most five) */
  for (size_t i = 1; i < ny; i++)
    for (size_t j = i; j > 0 && date_days(ys[j].from) < date_days(ys[j - 1].from);
         j--) {
      m_year t = ys[j];
      ys[j] = ys[j - 1], ys[j - 1] = t;
      const char *p = paths[j];
      paths[j] = paths[j - 1], paths[j - 1] = p;
      src_pos s = at[j];
      at[j] = at[j - 1], at[j - 1] = s;
    }
  bool ok = true;
  for (size_t i = 0; i < ny; i++) {
    if (m->months > 0 && date_days(ys[i].to) >= date_days(m->from)) {
      ERR(ld, at[i], "%s: the year %s does not end before the audit period "
                     "(%s) begins: history holds earlier years only",
          paths[i], period_text(ld->s.a, ys[i].from, ys[i].to),
          period_text(ld->s.a, m->from, m->to));
      ok = false;
    }
    if (i > 0 && date_days(ys[i].from) <= date_days(ys[i - 1].to)) {
      ERR(ld, at[i], "%s: the year %s overlaps %s (%s, line %d)", paths[i],
          period_text(ld->s.a, ys[i].from, ys[i].to), paths[i - 1],
          period_text(ld->s.a, ys[i - 1].from, ys[i - 1].to),
          at[i - 1].line);
      ok = false;
    }
  }
  if (!ok)
    return;
  m->history = ys;
  m->n_history = ny;
}

/* saving_target: an energy saving in tce, or a reduction of energy per
   output value in %, over the years from the earliest of history to the
   audit year. */
static void read_target(loader *ld, const ynode *x, bool have_history)
{
  model *m = ld->m;
  qty q;
  if (!sch_qty(&ld->s, x, "saving_target", NULL, &q))
    return;
  static const dimvec none = {{0}};
  bool pct = dim_eq(q.dim, none) && strcmp(q.unit, "%") == 0;
  bool energy = dim_eq(q.dim, dim_of("tce")) &&
                units_in_family("tce", q.unit, strlen(q.unit));
  if (!pct && !energy) {
    ERR(ld, x->pos, "saving_target: expected an energy saving such as "
                    "\"600 tce\" or a reduction of energy per output value "
                    "such as \"8 %%\", found %s",
        q.text);
    return;
  }
  double v = pct ? q.v : units_to(q.v, "tce");
  if (!(v > 0) || (pct && !(v < 1))) {
    ERR(ld, x->pos, "saving_target: %s is out of range (%s)", q.text,
        pct ? "a reduction above 0 % and below 100 %"
            : "a saving greater than zero");
    return;
  }
  if (!have_history) {
    ERR(ld, x->pos, "saving_target: needs history: the target is measured "
                    "from the earliest earlier year given there");
    return;
  }
  m->has_target = true;
  m->target_is_ratio = pct;
  m->target = v;
  m->target_text = q.text;
  m->target_pos = x->pos;
}

/* }====================================================== */
/* {====================================================== cross-checks */

/* Every carrier not in the rules must be made inside the boundary by a
   conversion unit; otherwise it is a misspelt key. */
static void check_own_carriers(loader *ld, const ynode *meters)
{
  model *m = ld->m;
  /* the carriers that leave a conversion unit */
  strmap *made_here = strmap_new(ld->s.a);
  for (size_t j = 0; j < m->n_meters; j++) {
    const m_meter *o = &m->meters[j];
    if (o->carrier && o->from >= 0 &&
        m->units[o->from].stage == STAGE_CONVERSION)
      strmap_put(made_here, o->carrier, (long)j);
  }
  for (size_t i = 0; i < m->n_meters; i++) {
    const m_meter *mt = &m->meters[i];
    if (!mt->carrier || factors_carrier(ld->f, mt->carrier))
      continue;
    bool made = strmap_get(made_here, mt->carrier) >= 0;
    if (made) {
      if (mt->from == PLACE_OUTSIDE)
        ERR(ld, mt->carrier_pos,
            "meters[%s].carrier: %s is bought from outside but has no GB/T "
            "2589 coefficient; define it in a rules directory (--rules DIR)",
            mt->id, mt->carrier);
      continue;
    }
    const char *hint = sch_suggest(mt->carrier, ld->carrier_keys,
                                   list_len(ld->carrier_keys));
    src_pos at = mt->carrier_pos;
    if (hint)
      ERR(ld, at, "meters[%s].carrier: unknown carrier \"%s\" (did you mean "
                  "\"%s\"?); a carrier outside rules/carriers.yaml must come "
                  "from a unit of stage conversion",
          mt->id, mt->carrier, hint);
    else
      ERR(ld, at, "meters[%s].carrier: unknown carrier \"%s\"; a carrier "
                  "outside rules/carriers.yaml must come from a unit of stage "
                  "conversion",
          mt->id, mt->carrier);
  }
  (void)meters;
}

/* }====================================================== */


static const char *dir_of(arena *a, const char *path)
{
  const char *slash = strrchr(path, '/');
  if (!slash)
    return NULL; /* the current directory */
  if (slash == path)
    return "";
  return arena_strndup(a, path, (size_t)(slash - path));
}

model *model_load(arena *a, diag_list *dl, const units *u, const factors *f,
                  const char *path, const char *name, bool *io_error)
{
  size_t before = diag_errors(dl);
  ytree_limits lim = ytree_default_limits();
  /* The tree's nodes in an arena of their own, freed once the model is
     built: the model keeps none of them, only the scalars' text, which
     stays in a (19,000 meters: ~60 MB of nodes given back before calc). */
  arena *nodes = arena_new();
  ynode *root = ytree_load_file_apart(a, nodes, dl, path, name, &lim, io_error);
  model *m = NULL;
  if (root) {
    const char *dir = dir_of(a, path);
    m = load_root(a, dl, u, f, root, name, dir,
                  !dir ? "." : *dir ? dir : "/", before, false);
  }
  arena_free(nodes);
  return m;
}

model *model_load_text(arena *a, diag_list *dl, const units *u,
                       const factors *f, const char *text, size_t len,
                       const char *name)
{
  size_t before = diag_errors(dl);
  ytree_limits lim = ytree_default_limits();
  const char *kept = arena_strndup(a, text, len);
  diag_add_source_lines(dl, name, kept, len, DIAG_LINES_YAML);
  arena *nodes = arena_new(); /* freed as model_load frees it */
  ynode *root = ytree_load_string_apart(a, nodes, dl, kept, len, name, &lim);
  model *m = root ? load_root(a, dl, u, f, root, name, NULL, NULL, before,
                              false)
                  : NULL;
  arena_free(nodes);
  return m;
}

/* Products are required of an industrial facility (input.md: "optional
   for buildings, required for industry"): one whose facility.industry is a
   GB/T 4754-2017 code of section B (mining), C (manufacturing) or D
   (electricity, heat, gas and water), the sections of industry (工业) in
   the statistics, unless it names a building_type. The own keys building,
   public_institution and other, and a file without an industry, need
   none. At least one item: its output is what the unit energy consumption
   (GB/T 17166) is computed on. A list whose items are bad has its own
   errors. */
static void check_products_required(loader *ld, const ynode *root)
{
  const model *m = ld->m;
  const char *code = m->industry_code;
  if (ld->nested || !code || m->building_type ||
      !(code[0] == 'B' || code[0] == 'C' || code[0] == 'D') ||
      !ld->industry)
    return;
  const ynode *p = ytree_get(root, "products");
  if (p && p->kind == YN_SEQ && p->n > 0)
    return;
  if (p && !ytree_is_null(p) && p->kind != YN_SEQ)
    return; /* "expected a list" said already */
  const char *why = arena_printf(
      ld->s.a,
      "facility.industry \"%s\" (%s%s%s) is an industrial facility, which "
      "states its products and their output, the basis of the unit energy "
      "consumption (GB/T 17166); list at least one, such as "
      "{id: p1, name: {zh: 产品, en: Product}, quantity: \"1,000 t\"}",
      m->industry, strcmp(m->industry, code) == 0 ? "" : code,
      strcmp(m->industry, code) == 0 ? "" : ", ",
      m->industry_name.en ? m->industry_name.en : "");
  if (!p)
    ERR(ld, ld->industry->pos, "(top level): missing key \"products\": %s",
        why);
  else
    ERR(ld, p->pos, "products: found %s, but %s",
        ytree_is_null(p) ? "null" : "an empty list", why);
}

static model *load_root(arena *a, diag_list *dl, const units *u,
                        const factors *f, ynode *root, const char *name,
                        const char *dir, const char *series_root,
                        size_t before, bool nested)
{
  loader ld;
  memset(&ld, 0, sizeof ld);
  ld.nested = nested;
  ld.dir = dir;
  ld.series_root = series_root;
  ld.s.a = a;
  ld.s.dl = dl;
  ld.s.u = u;
  ld.f = f;
  ld.carrier_keys = factors_carrier_keys(f, a);
  /* no product until products: is read: every later section looks a
     product id up in these whether or not the file has valid products */
  ld.product_ids = strmap_new(a);
  ld.pids = ARENA_ARRAY(a, const char *, 1);
  model *m = ARENA_NEW(a, model);
  m->file = name;
  m->evidence.dir = dir;
  m->evidence.root = series_root;
  ld.m = m;

  if (root->kind != YN_MAP) {
    diag_error(dl, root->pos, "the top level must be a mapping with keys "
                              "auditgen, facility, audit, meters…; found %s",
               ytree_kind_name(root));
    return NULL;
  }
  fs_map(&ld.s, root, "(top level)", &fs_root);
  const ynode *x;
  long version;
  if ((x = ytree_get(root, "auditgen")) &&
      sch_int(&ld.s, x, "auditgen", 0, 1000000, &version) && version != 1)
    diag_error(dl, x->pos, "auditgen: schema version %ld is not supported "
                           "(this program reads version 1)",
               version);
  if ((x = ytree_get(root, "facility")))
    read_facility(&ld, x);
  if ((x = ytree_get(root, "audit")))
    read_audit(&ld, x);
  if ((x = ytree_get(root, "facility")))
    check_bed_days(&ld, x);
  if ((x = ytree_get(root, "units")) && !ytree_is_null(x))
    read_units(&ld, x);
  const ynode *meters = ytree_get(root, "meters");
  if (meters)
    read_meters(&ld, meters);
  read_conversions(&ld);
  if ((x = ytree_get(root, "stock")) && !ytree_is_null(x))
    read_stock(&ld, x);
  if ((x = ytree_get(root, "prices")) && !ytree_is_null(x))
    read_prices(&ld, x);
  if ((x = ytree_get(root, "factors")) && !ytree_is_null(x))
    read_factor_overrides(&ld, x);
  if ((x = ytree_get(root, "products")) && !ytree_is_null(x))
    read_products(&ld, x);
  check_products_required(&ld, root);
  if ((x = ytree_get(root, "process_emissions")) && !ytree_is_null(x))
    read_process(&ld, x);
  if ((x = ytree_get(root, "gases")) && !ytree_is_null(x))
    read_gases(&ld, x);
  if ((x = ytree_get(root, "equipment")) && !ytree_is_null(x))
    read_equipment(&ld, x);
  if ((x = ytree_get(root, "measures")) && !ytree_is_null(x))
    read_measures(&ld, x);
  if ((x = ytree_get(root, "baseline")) && !ytree_is_null(x))
    read_baseline(&ld, x);
  if ((x = ytree_get(root, "management")) && !ytree_is_null(x))
    m->management = management_read(&ld.s, x, m);
  if ((x = ytree_get(root, "declared")) && !ytree_is_null(x))
    read_declared(&ld, x);
  carbonin_read(&ld.s, root, m, f);
  if ((x = ytree_get(root, "quotas")) && !ytree_is_null(x))
    read_quotas(&ld, x);
  if ((x = ytree_get(root, "history")) && !ytree_is_null(x))
    read_history(&ld, x);
  if ((x = ytree_get(root, "saving_target")))
    read_target(&ld, x, (ytree_get(root, "history") &&
                         !ytree_is_null(ytree_get(root, "history"))));
  check_own_carriers(&ld, meters);
  /* Balances need every meter: checked only on an otherwise valid file,
     so that one bad reading does not bring a cascade of false ones. */
  if (diag_errors(dl) == before)
    balance_check(a, dl, m, f);
  return diag_errors(dl) > before ? NULL : m;
}
