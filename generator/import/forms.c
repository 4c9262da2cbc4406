/* forms.c — sheets read as the forms a client keeps, into a facility tree.
 *
 * Input: books of sheets of cells (book.c). Output: the facility as a tree
 * of maps, sequences and scalars (import.h), every scalar with the cell it
 * came from. Each sheet is recognised by its header (or taken as the form
 * --form names): form 205-1, the monthly ledger (one carrier per sheet
 * with months across, or one meter per row with months across), a meter
 * list (JJF 1356 B.3 columns and the intake workbook's), an equipment list
 * and the intake workbook's path/value sheet. Header cells may be merged
 * over two rows; a unit is read from a unit column, the header's
 * parentheses or a «计量单位：» line above the table, with 万 units scaled.
 * Blank rows are skipped; a totals row (合计, 能源合计, 全年) is checked
 * against the rows above it and not imported. Nothing is guessed: a name
 * that is not a carrier, or names several, and a unit that is unknown or
 * does not fit the carrier are errors at their cell, and every error of
 * every sheet is reported. */
#include "import.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/buf.h"
#include "../base/strmap.h"
#include "../load/fschema.h"
#include "internal.h"

/* {====================================================== the tree */

static inode *node(arena *a, inode_kind k, const char *key)
{
  inode *n = ARENA_NEW(a, inode);
  n->kind = k;
  n->key = key;
  return n;
}

static void add_kid(arena *a, inode *p, inode *k)
{
  *ARENA_PUSH(a, p->kids, p->n, p->cap) = k;
}

static inode *map_get(const inode *map, const char *key)
{
  for (size_t i = 0; i < map->n; i++)
    if (strcmp(map->kids[i]->key, key) == 0)
      return map->kids[i];
  return NULL;
}

typedef struct F {
  arena *a;
  imp_msgs *m;
  inode *root;
  const ibook *book;
  const isheet *sheet;
  /* what came from where, for the precedence of forms */
  bool have_meter_list;
  const char **ledger_carriers; /* a boundary meter with monthly values */
  size_t n_lc, cap_lc;
  bool period_set;
  int year;                     /* of a ledger or form title, 0 unknown */
  int months;                   /* months in the ledger, 0 unknown */
  const char *year_src;
  int month;                    /* a 205-1 sheet of one month (sheet "3月"),
                                   0 for a form of the period */
  bool month_seen[13];
  struct macc *acc;             /* carriers of the month sheets */
  size_t n_acc, cap_acc;
} F;

/* A carrier over the month sheets: each month's purchases, the first
   month's opening stock, the last month's closing, the cost. */
typedef struct macc {
  const char *carrier;
  const struct unit_name *u;
  const char *unit_at;
  double buy[12];
  bool got[12];
  const char *first_src, *last_src;
  int last_month;
  const char *open, *open_src, *close, *close_src;
  int close_month;
  double amount, amount_qty;
  const char *amount_src;
} macc;

static const char *where(F *f, uint32_t r, uint32_t c)
{
  if (f->book->csv)
    return arena_printf(f->a, "%s:%u:%u", f->book->file, r, c);
  return arena_printf(f->a, "%s:%s!%s", f->book->file, f->sheet->name,
                      imp_ref(f->a, r, c));
}

/* "205-1!F12" — the comment beside an imported value. */
static const char *src(F *f, uint32_t r, uint32_t c)
{
  if (f->book->csv)
    return arena_printf(f->a, "%s:%u:%u", f->book->stem, r, c);
  return arena_printf(f->a, "%s!%s", f->sheet->name, imp_ref(f->a, r, c));
}

static inode *child(F *f, inode *map, const char *key, inode_kind k)
{
  inode *n = map_get(map, key);
  if (!n) {
    n = node(f->a, k, arena_strdup(f->a, key));
    add_kid(f->a, map, n);
  }
  return n;
}

/* Sets map.key to a scalar; a second value for one key is an error at the
   second cell unless it is the same text. */
static inode *set(F *f, inode *map, const char *key, const char *text,
                  bool plain, const char *from, const char *at)
{
  inode *n = map_get(map, key);
  if (n) {
    if (n->kind == IN_SCALAR && n->text && strcmp(n->text, text) == 0)
      return n;
    if (n->kind == IN_SCALAR && n->note) { /* a placeholder: fill it */
      n->note = NULL;
    } else if (n->kind == IN_SCALAR && n->guess) { /* given plainly */
      n->guess = false;
    } else {
      imp_error(f->m, at, "%s given twice: \"%s\" here, and %s at %s", key,
                text, n->kind == IN_SCALAR ? n->text : "a list or map",
                n->src ? n->src : "another cell");
      return n;
    }
  } else {
    n = node(f->a, IN_SCALAR, arena_strdup(f->a, key));
    add_kid(f->a, map, n);
  }
  n->kind = IN_SCALAR;
  n->text = arena_strdup(f->a, text);
  n->plain = plain;
  n->src = from;
  return n;
}

/* The item of a sequence whose id is id, made at the end if missing. */
static inode *item_by_id(F *f, inode *seq, const char *id, const char *from)
{
  /* an index by id of the items so far (constant time a look-up: lists
     of 100,000 meters are read) */
  if (!seq->ids)
    seq->ids = strmap_new(f->a);
  for (; seq->indexed < seq->n; seq->indexed++) {
    inode *it = seq->kids[seq->indexed];
    inode *k = it->kind == IN_MAP ? map_get(it, "id") : NULL;
    if (k && k->kind == IN_SCALAR && k->text)
      strmap_put(seq->ids, k->text, (long)seq->indexed);
  }
  long at = strmap_get(seq->ids, id);
  if (at >= 0)
    return seq->kids[at];
  inode *it = node(f->a, IN_MAP, "");
  add_kid(f->a, seq, it);
  inode *k = node(f->a, IN_SCALAR, "id");
  k->text = arena_strdup(f->a, id);
  k->src = from;
  add_kid(f->a, it, k);
  return it;
}

/* {====================================================== cell values */

/* s without the spaces around it (s itself when it has none). */
static const char *trim(arena *a, const char *s)
{
  while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
    s++;
  /* full-width space U+3000 */
  while (strncmp(s, "\xE3\x80\x80", 3) == 0)
    s += 3;
  size_t n = strlen(s), all = n;
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' ||
               s[n - 1] == '\r'))
    n--;
  return n == all ? s : arena_strndup(a, s, n);
}

static const char *num_text(arena *a, double v)
{
  char tmp[64];
  snprintf(tmp, sizeof tmp, "%.15g", v);
  if (strcmp(tmp, "-0") == 0)
    return "0";
  return arena_strdup(a, tmp);
}

/* The text of a cell ("" for none): numbers as %.15g, booleans as
   true/false, a number shown as a date (an Excel serial with a date
   format) as YYYY-MM-DD. A serial that is no date keeps its number (the
   sheet's check_dates has said so). */
static const char *text_of(F *f, const icell *c)
{
  if (!c)
    return "";
  int y, mo, d;
  const char *why;
  if (c->kind == IC_NUM && c->date && imp_date(c, &y, &mo, &d, &why))
    return arena_printf(f->a, "%04d-%02d-%02d", y, mo, d);
  if (c->kind == IC_NUM)
    return num_text(f->a, c->num);
  if (c->kind == IC_BOOL)
    return c->num ? "true" : "false";
  return trim(f->a, c->str);
}

static const char *text_at(F *f, uint32_t r, uint32_t c, bool merged)
{
  return text_of(f, imp_cell(f->sheet, r, c, merged));
}

/* A number from a numeric cell or a text such as "1,234.5"; false for an
   empty cell. *bad is set for a cell that is neither empty nor a number
   ("—" and "-" count as empty, as forms write them). */
static bool num_at(F *f, uint32_t r, uint32_t c, double *v, bool *bad)
{
  *bad = false;
  const icell *x = imp_cell(f->sheet, r, c, false);
  if (!x)
    return false;
  if (x->kind == IC_NUM && x->date) {
    *bad = true; /* a date where an amount belongs: not read as its serial */
    return false;
  }
  if (x->kind == IC_NUM) {
    *v = x->num;
    return true;
  }
  if (x->kind != IC_STR) {
    *bad = true;
    return false;
  }
  const char *t = trim(f->a, x->str);
  if (!*t || strcmp(t, "-") == 0 || strcmp(t, "—") == 0 ||
      strcmp(t, "/") == 0)
    return false;
  char clean[64];
  size_t k = 0;
  for (const char *p = t; *p && k + 1 < sizeof clean; p++)
    if (*p != ',' && *p != ' ')
      clean[k++] = *p;
  clean[k] = '\0';
  char *end;
  double d = strtod(clean, &end);
  if (end == clean || *end || !isfinite(d)) {
    *bad = true;
    return false;
  }
  *v = d;
  return true;
}

/* Cells shown as dates whose serial is no date: Excel's 1900-02-29
   (serial 60 of the 1900 system), a time of day (below 1), beyond
   9999-12-31. An error naming each, once per sheet read. */
static void check_dates(F *f)
{
  const isheet *s = f->sheet;
  for (size_t i = 0; i < s->n; i++) {
    const icell *c = &s->cells[i];
    int y, mo, d;
    const char *why;
    if (c->kind == IC_NUM && c->date && !imp_date(c, &y, &mo, &d, &why))
      imp_error(f->m, where(f, c->row, c->col),
                "%s is shown as a date but is %s", num_text(f->a, c->num),
                why);
  }
}

static bool row_empty(F *f, uint32_t r)
{
  const isheet *s = f->sheet;
  if (r > s->max_row)
    return true;
  for (size_t i = s->row_start[r]; i < s->row_start[r + 1]; i++)
    if (s->cells[i].kind != IC_STR || *text_of(f, &s->cells[i]))
      return false;
  return true;
}

static uint32_t max_col(const isheet *s) { return s->max_col; }

/* {====================================================== units, carriers */

typedef enum { D_MASS, D_ELEC, D_HEAT, D_VOL, D_COAL, D_LIQ, D_MONEY } dim;

static const struct unit_name {
  const char *name, *unit;
  dim d;
  double scale; /* to the base unit below */
  const char *base;
} UNITS[] = {
    {"吨", "t", D_MASS, 1, "t"},
    {"t", "t", D_MASS, 1, "t"},
    {"万吨", "万t", D_MASS, 1e4, "t"},
    {"万t", "万t", D_MASS, 1e4, "t"},
    {"千克", "kg", D_MASS, 1e-3, "t"},
    {"公斤", "kg", D_MASS, 1e-3, "t"},
    {"kg", "kg", D_MASS, 1e-3, "t"},
    {"千瓦时", "kWh", D_ELEC, 1, "kWh"},
    {"千瓦·时", "kWh", D_ELEC, 1, "kWh"},
    {"kWh", "kWh", D_ELEC, 1, "kWh"},
    {"kW·h", "kWh", D_ELEC, 1, "kWh"},
    {"万千瓦时", "万kWh", D_ELEC, 1e4, "kWh"},
    {"万千瓦·时", "万kWh", D_ELEC, 1e4, "kWh"},
    {"万kWh", "万kWh", D_ELEC, 1e4, "kWh"},
    {"兆瓦时", "MWh", D_ELEC, 1e3, "kWh"},
    {"MWh", "MWh", D_ELEC, 1e3, "kWh"},
    {"立方米", "m3", D_VOL, 1, "m3"},
    {"m3", "m3", D_VOL, 1, "m3"},
    {"m³", "m3", D_VOL, 1, "m3"},
    {"万立方米", "万m3", D_VOL, 1e4, "m3"},
    {"万m3", "万m3", D_VOL, 1e4, "m3"},
    {"万m³", "万m3", D_VOL, 1e4, "m3"},
    {"标准立方米", "Nm3", D_VOL, 1, "Nm3"},
    {"Nm3", "Nm3", D_VOL, 1, "Nm3"},
    {"万标准立方米", "万Nm3", D_VOL, 1e4, "Nm3"},
    {"万Nm3", "万Nm3", D_VOL, 1e4, "Nm3"},
    {"百万千焦", "GJ", D_HEAT, 1, "GJ"},
    {"吉焦", "GJ", D_HEAT, 1, "GJ"},
    {"GJ", "GJ", D_HEAT, 1, "GJ"},
    {"兆焦", "MJ", D_HEAT, 1e-3, "GJ"},
    {"MJ", "MJ", D_HEAT, 1e-3, "GJ"},
    {"吨标准煤", "tce", D_COAL, 1, "tce"},
    {"tce", "tce", D_COAL, 1, "tce"},
    {"千克标准煤", "kgce", D_COAL, 1e-3, "tce"},
    {"kgce", "kgce", D_COAL, 1e-3, "tce"},
    {"升", "L", D_LIQ, 1, "L"},
    {"L", "L", D_LIQ, 1, "L"},
    {"千元", "千元", D_MONEY, 1e3, "CNY"},
    {"万元", "万元", D_MONEY, 1e4, "CNY"},
    {"元", "CNY", D_MONEY, 1, "CNY"},
    {"CNY", "CNY", D_MONEY, 1, "CNY"},
};

static const struct unit_name *unit_find(const char *s)
{
  for (size_t i = 0; i < sizeof UNITS / sizeof *UNITS; i++)
    if (strcmp(UNITS[i].name, s) == 0)
      return &UNITS[i];
  return NULL;
}

static const struct carrier_name {
  const char *name, *key;
} CARRIERS[] = {
    {"原煤", "raw_coal"},         {"洗精煤", "washed_coal"},
    {"洗中煤", "middlings"},      {"煤泥", "coal_slime"},
    {"煤矸石", "coal_gangue"},    {"无烟煤", "anthracite"},
    {"烟煤", "bituminous_coal"},  {"炼焦烟煤", "bituminous_coal"},
    {"一般烟煤", "bituminous_coal"}, {"褐煤", "lignite"},
    {"焦炭", "coke"},             {"石油焦", "petroleum_coke"},
    {"原油", "crude_oil"},        {"燃料油", "fuel_oil"},
    {"汽油", "gasoline"},         {"煤油", "kerosene"},
    {"柴油", "diesel"},           {"煤焦油", "coal_tar"},
    {"渣油", "residual_oil"},     {"粗苯", "crude_benzene"},
    {"液化石油气", "lpg"},        {"炼厂干气", "refinery_gas"},
    {"液化天然气", "lng"},        {"天然气", "natural_gas"},
    {"天然气(气态)", "natural_gas"}, {"天然气（气态）", "natural_gas"},
    {"油田天然气", "associated_gas"}, {"煤矿瓦斯气", "coal_mine_gas"},
    {"煤层气", "coal_mine_gas"},  {"焦炉煤气", "coke_oven_gas"},
    {"高炉煤气", "blast_furnace_gas"}, {"转炉煤气", "converter_gas"},
    {"发生炉煤气", "producer_gas"}, {"水煤气", "water_gas"},
    {"电力", "electricity"},      {"电", "electricity"},
    {"热力", "heat"},             {"蒸汽", "steam"},
    {"新水", "fresh_water"},      {"自来水", "fresh_water"},
    {"软化水", "softened_water"}, {"除氧水", "deaerated_water"},
    {"压缩空气", "compressed_air"}, {"氧气", "oxygen"},
    {"氮气", "nitrogen"},
};

/* Names that name more than one carrier: an error, never a pick. */
static const struct {
  const char *name, *which;
} AMBIGUOUS[] = {
    {"煤", "原煤, 洗精煤, 无烟煤, 烟煤, 褐煤…"},
    {"其他洗煤", "洗中煤 (middlings) or 煤泥 (coal_slime)"},
    {"水", "新水 (fresh_water), 软化水, 除氧水"},
    {"煤气", "焦炉煤气, 高炉煤气, 转炉煤气, 发生炉煤气, 水煤气"},
    {"燃气", "天然气, 液化石油气, 焦炉煤气…"},
    {"气", "天然气, 蒸汽, 压缩空气…"},
    {"油", "汽油, 柴油, 燃料油…"},
    {"石油", "原油, 燃料油…"},
};

static const char *const KEYS_ONLY[] = {
    "raw_coal", "washed_coal", "middlings", "coal_slime", "coal_gangue",
    "anthracite", "bituminous_coal", "lignite", "coke", "petroleum_coke",
    "crude_oil", "fuel_oil", "gasoline", "kerosene", "diesel", "coal_tar",
    "residual_oil", "crude_benzene", "lpg", "refinery_gas", "lng",
    "natural_gas", "associated_gas", "coal_mine_gas", "coke_oven_gas",
    "blast_furnace_gas", "converter_gas", "producer_gas", "water_gas",
    "electricity", "heat", "steam", "fresh_water", "softened_water",
    "deaerated_water", "compressed_air", "oxygen", "nitrogen"};

static const char *zh_of(const char *key)
{
  for (size_t i = 0; i < sizeof CARRIERS / sizeof *CARRIERS; i++)
    if (strcmp(CARRIERS[i].key, key) == 0)
      return CARRIERS[i].name;
  return key;
}

/* Removes spaces and a trailing "（吨）"-like unit from a row name. */
static const char *bare_name(arena *a, const char *s)
{
  buf b;
  buf_init(&b);
  for (const char *p = s; *p; p++)
    if (*p != ' ' && *p != '\t')
      buf_putc(&b, *p);
  char *r = arena_strndup(a, b.data, b.len);
  buf_fini(&b);
  return r;
}

/* The carrier key a name gives, or NULL after an error at `at`. */
static const char *carrier_of(F *f, const char *name, const char *at)
{
  const char *n = bare_name(f->a, name);
  for (size_t i = 0; i < sizeof KEYS_ONLY / sizeof *KEYS_ONLY; i++)
    if (strcmp(KEYS_ONLY[i], n) == 0)
      return KEYS_ONLY[i];
  for (size_t i = 0; i < sizeof CARRIERS / sizeof *CARRIERS; i++)
    if (strcmp(CARRIERS[i].name, n) == 0)
      return CARRIERS[i].key;
  for (size_t i = 0; i < sizeof AMBIGUOUS / sizeof *AMBIGUOUS; i++)
    if (strcmp(AMBIGUOUS[i].name, n) == 0) {
      imp_error(f->m, at, "carrier \"%s\" is ambiguous: it may be %s; write "
                "the exact name or the carrier key", name, AMBIGUOUS[i].which);
      return NULL;
    }
  imp_error(f->m, at, "\"%s\" is not a carrier auditgen knows (原煤, 洗精煤, "
            "焦炭, 柴油, 天然气, 电力, 热力, 蒸汽, 新水…, or a key such as "
            "raw_coal)", name);
  return NULL;
}

static dim carrier_dim(const char *key, bool *also_vol)
{
  *also_vol = false;
  if (strcmp(key, "electricity") == 0)
    return D_ELEC;
  if (strcmp(key, "heat") == 0)
    return D_HEAT;
  static const char *const gases[] = {
      "natural_gas", "associated_gas", "coal_mine_gas", "coke_oven_gas",
      "blast_furnace_gas", "converter_gas", "producer_gas", "water_gas"};
  for (size_t i = 0; i < sizeof gases / sizeof *gases; i++)
    if (strcmp(gases[i], key) == 0)
      return D_VOL;
  static const char *const media[] = {"fresh_water", "softened_water",
                                      "deaerated_water", "compressed_air",
                                      "oxygen", "nitrogen"};
  for (size_t i = 0; i < sizeof media / sizeof *media; i++)
    if (strcmp(media[i], key) == 0)
      *also_vol = true;
  return D_MASS;
}

/* The unit a quantity of carrier is written in, or NULL after an error at
   `at` (unknown unit, a unit of another dimension, standard coal or money
   where a physical quantity belongs). */
static const struct unit_name *unit_for(F *f, const char *carrier,
                                        const char *unit, const char *at)
{
  const char *u = bare_name(f->a, unit);
  const struct unit_name *un = unit_find(u);
  if (!un) {
    imp_error(f->m, at, "unit \"%s\" is not one auditgen reads (吨, 万吨, "
              "千瓦时, 万千瓦时, 立方米, 万立方米, 百万千焦, 吨标准煤…)", unit);
    return NULL;
  }
  if (!carrier)
    return un;
  bool vol;
  dim d = carrier_dim(carrier, &vol);
  if (un->d == d || (vol && un->d == D_VOL))
    return un;
  imp_error(f->m, at, "unit \"%s\" does not fit %s (%s)%s", unit,
            zh_of(carrier), carrier,
            un->d == D_COAL ? ": a quantity in standard coal where the "
                              "physical quantity belongs"
                            : "");
  return NULL;
}

static const char *qty_text(F *f, double v, const struct unit_name *u)
{
  return arena_printf(f->a, "%s %s", num_text(f->a, v), u->unit);
}

/* {====================================================== headers */

/* The unit in parentheses at the end of a header ("购进量（万千瓦时）"),
   or NULL. */
static const char *paren_unit(arena *a, const char *s)
{
  const char *open = NULL, *p;
  for (p = s; *p; p++) {
    if (*p == '(')
      open = p + 1;
    else if (strncmp(p, "（", 3) == 0)
      open = p + 3;
  }
  if (!open)
    return NULL;
  const char *close = strstr(open, ")");
  const char *close2 = strstr(open, "）");
  if (!close || (close2 && close2 < close))
    close = close2;
  if (!close)
    return NULL;
  return trim(a, arena_strndup(a, open, (size_t)(close - open)));
}

typedef struct header {
  uint32_t row, last; /* header rows row..last */
  uint32_t ncol;
  const char **label; /* [1..ncol]: the texts of the header rows, "/" */
} header;

static bool has(const char *s, const char *w) { return strstr(s, w) != NULL; }

/* Finds the header: the first of the first 30 rows with a cell holding
   `word`, extended over the rows below that the cell is merged over (or
   over one row when the cell below it is empty and the row holds text
   only). Skips a column-number row (甲 乙 丙 1 2 3). */
static bool find_header(F *f, const char *word, header *h)
{
  const isheet *s = f->sheet;
  uint32_t nc = max_col(s);
  for (uint32_t r = 1; r <= s->max_row && r <= 30; r++)
    for (uint32_t c = 1; c <= nc; c++) {
      const char *t = text_at(f, r, c, false);
      if (!*t || !has(t, word))
        continue;
      h->row = r;
      h->last = r;
      for (size_t i = 0; i < s->n_merges; i++)
        if (s->merges[i].r1 == r && s->merges[i].c1 == c &&
            s->merges[i].r2 > r && s->merges[i].r2 <= r + 3)
          h->last = s->merges[i].r2;
      if (h->last == r && !*text_at(f, r + 1, c, true) &&
          !row_empty(f, r + 1)) {
        bool text_only = true;
        for (uint32_t k = 1; k <= nc; k++) {
          const icell *x = imp_cell(s, r + 1, k, false);
          if (x && x->kind != IC_STR)
            text_only = false;
        }
        if (text_only)
          h->last = r + 1;
      }
      if (strcmp(text_at(f, h->last + 1, 1, false), "甲") == 0)
        h->last++;
      h->ncol = nc;
      h->label = ARENA_ARRAY(f->a, const char *, (size_t)nc + 2);
      for (uint32_t k = 1; k <= nc; k++) {
        buf b;
        buf_init(&b);
        const char *prev = "";
        for (uint32_t rr = h->row; rr <= h->last; rr++) {
          const char *x = text_at(f, rr, k, true);
          if (!*x || strcmp(x, prev) == 0 || strcmp(x, "甲") == 0)
            continue;
          if (b.len)
            buf_putc(&b, '/');
          buf_puts(&b, x);
          prev = x;
        }
        h->label[k] = arena_strndup(f->a, b.data, b.len);
        buf_fini(&b);
      }
      return true;
    }
  return false;
}

/* The first column whose label holds every word of `all` and none of
   `none` (NULL-terminated lists), or 0. */
static uint32_t col_of(const header *h, const char *const *all,
                       const char *const *none)
{
  for (uint32_t c = 1; c <= h->ncol; c++) {
    bool ok = *h->label[c] != '\0';
    for (size_t i = 0; ok && all[i]; i++)
      ok = has(h->label[c], all[i]);
    for (size_t i = 0; ok && none && none[i]; i++)
      ok = !has(h->label[c], none[i]);
    if (ok)
      return c;
  }
  return 0;
}

#define W(...)                                                                 \
  (const char *const[]) { __VA_ARGS__, NULL }

/* Text after "word：" in the rows above the header (a form's heading
   block), or NULL; *r, *c: its cell. When the colon ends the cell, the
   next cell of the row. */
static const char *heading_value(F *f, const char *word, uint32_t above,
                                 uint32_t *rr, uint32_t *cc)
{
  uint32_t nc = max_col(f->sheet);
  for (uint32_t r = 1; r < above; r++)
    for (uint32_t c = 1; c <= nc; c++) {
      const char *t = text_at(f, r, c, false);
      const char *w = strstr(t, word);
      if (!w)
        continue;
      const char *p = w + strlen(word);
      while (*p && *p != ':' && strncmp(p, "：", 3) != 0)
        p++;
      if (!*p)
        continue;
      p += *p == ':' ? 1 : 3;
      while (*p == ' ' || strncmp(p, "\xE3\x80\x80", 3) == 0)
        p += *p == ' ' ? 1 : 3;
      /* the value ends at a gap before the next field ("  计量单位：…") */
      const char *gap = strstr(p, "  ");
      const char *gap2 = strstr(p, "\xE3\x80\x80");
      if (!gap || (gap2 && gap2 < gap))
        gap = gap2;
      const char *v =
          trim(f->a, gap ? arena_strndup(f->a, p, (size_t)(gap - p)) : p);
      if (strstr(v, "：") || strchr(v, ':'))
        v = ""; /* the next field's label: this one is blank */
      *rr = r;
      *cc = c;
      if (!*v) {
        *cc = c + 1;
        v = text_at(f, r, c + 1, false);
      }
      return *v ? v : NULL;
    }
  return NULL;
}

/* A year "2024年" in the rows above the header. */
static int heading_year(F *f, uint32_t above, uint32_t *rr, uint32_t *cc)
{
  uint32_t nc = max_col(f->sheet);
  for (uint32_t r = 1; r < above; r++)
    for (uint32_t c = 1; c <= nc; c++) {
      const char *t = text_at(f, r, c, false);
      for (const char *p = strstr(t, "年"); p; p = strstr(p + 3, "年")) {
        if (p - t < 4)
          continue;
        const char *y = p - 4;
        if (isdigit((unsigned char)y[0]) && isdigit((unsigned char)y[1]) &&
            isdigit((unsigned char)y[2]) && isdigit((unsigned char)y[3]) &&
            (y == t || !isdigit((unsigned char)y[-1]))) {
          int v = atoi(y);
          if (v >= 1990 && v <= 2100) {
            *rr = r;
            *cc = c;
            return v;
          }
        }
      }
    }
  return 0;
}

static void set_period(F *f, int year, int months, const char *from)
{
  if (f->period_set || year == 0)
    return;
  inode *audit = child(f, f->root, "audit", IN_MAP);
  if (map_get(audit, "period"))
    return; /* given on the path/value sheet */
  inode *period = child(f, audit, "period", IN_MAP);
  static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int last = months > 0 && months <= 12 ? months : 12;
  int day = mdays[last - 1];
  if (last == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0))
    day = 29;
  set(f, period, "from", arena_printf(f->a, "%04d-01-01", year), true, from,
      from);
  set(f, period, "to", arena_printf(f->a, "%04d-%02d-%02d", year, last, day),
      true, from, from);
  f->period_set = true;
}

/* {====================================================== meters */

static inode *meters(F *f) { return child(f, f->root, "meters", IN_SEQ); }

static bool ledger_has(F *f, const char *carrier)
{
  for (size_t i = 0; i < f->n_lc; i++)
    if (strcmp(f->ledger_carriers[i], carrier) == 0)
      return true;
  return false;
}

/* The boundary meter of a carrier that a 205-1 form or a ledger stands
   for: id CARRIER_in, from outside to site, level 1. */
static inode *boundary_meter(F *f, const char *carrier, const char *form,
                             const char *at)
{
  const char *id = arena_printf(f->a, "%s_in", carrier);
  inode *it = item_by_id(f, meters(f), id, at);
  if (!map_get(it, "name")) {
    inode *name = child(f, it, "name", IN_MAP);
    set(f, name, "zh", arena_printf(f->a, "%s购进（%s）", zh_of(carrier),
                                    strcmp(form, "ledger") == 0 ? "能源统计台帐"
                                                                : "205-1表"),
        false, at, at);
    set(f, name, "en", arena_printf(f->a, "%s purchased (%s)", carrier,
                                    strcmp(form, "ledger") == 0
                                        ? "energy ledger"
                                        : "form 205-1"),
        false, at, at);
    set(f, it, "carrier", carrier, false, at, at);
    set(f, it, "level", "1", true, at, at);
    set(f, it, "from", "outside", false, at, at);
    set(f, it, "to", "site", false, at, at);
  }
  return it;
}

static void stock(F *f, const char *carrier, const char *car_src,
                  const char *open, const char *open_src, const char *close,
                  const char *close_src, const char *at)
{
  inode *seq = child(f, f->root, "stock", IN_SEQ);
  inode *it = NULL;
  for (size_t i = 0; i < seq->n; i++) {
    inode *c = map_get(seq->kids[i], "carrier");
    if (c && strcmp(c->text, carrier) == 0)
      it = seq->kids[i];
  }
  if (!it) {
    it = node(f->a, IN_MAP, "");
    add_kid(f->a, seq, it);
    set(f, it, "carrier", carrier, false, car_src, at);
  }
  if (open)
    set(f, it, "opening", open, false, open_src, at);
  if (close)
    set(f, it, "closing", close, false, close_src, at);
}

/* {====================================================== form 205-1 */

static double tol(double total) { return fmax(1.0, fabs(total) * 1e-3); }

static const char *qty_text(F *f, double v, const struct unit_name *u);

/* One carrier's row of a month's 205-1 sheet, kept for month_finish. */
static void month_row(F *f, const char *carrier, const struct unit_name *u,
                      const bool *got, const double *vals, uint32_t r,
                      uint32_t c_name, uint32_t c_buy, uint32_t c_use,
                      uint32_t c_open, uint32_t c_close, uint32_t c_amount)
{
  macc *a = NULL;
  for (size_t i = 0; i < f->n_acc; i++)
    if (strcmp(f->acc[i].carrier, carrier) == 0)
      a = &f->acc[i];
  if (!a) {
    a = ARENA_PUSH(f->a, f->acc, f->n_acc, f->cap_acc);
    a->carrier = carrier;
    a->u = u;
    a->unit_at = src(f, r, c_name);
  } else if (a->u != u) {
    imp_error(f->m, where(f, r, c_name), "%s in %s here, in %s at %s: one "
              "unit for a carrier in every month", zh_of(carrier), u->name,
              a->u->name, a->unit_at);
    return;
  }
  int k = f->month - 1;
  if (a->got[k]) {
    imp_error(f->m, where(f, r, c_name), "%s twice in month %d",
              zh_of(carrier), f->month);
    return;
  }
  uint32_t qc = got[1] ? c_buy : c_use;
  a->buy[k] = got[1] ? vals[1] : vals[2];
  a->got[k] = got[1] || got[2];
  if (a->got[k]) {
    if (!a->first_src)
      a->first_src = src(f, r, qc);
    if (f->month >= a->last_month) {
      a->last_month = f->month;
      a->last_src = src(f, r, qc);
    }
  }
  if (f->month == 1 && got[0]) {
    a->open = qty_text(f, vals[0], u);
    a->open_src = src(f, r, c_open);
  }
  if (got[5] && f->month >= a->close_month) {
    a->close = qty_text(f, vals[5], u);
    a->close_src = src(f, r, c_close);
    a->close_month = f->month;
  }
  double amount;
  bool bad;
  if (c_amount && got[1] && num_at(f, r, c_amount, &amount, &bad)) {
    a->amount += amount;
    a->amount_qty += vals[1];
    if (!a->amount_src)
      a->amount_src = src(f, r, c_amount);
  }
}

static inode *flow_seq(F *f, const double *v, int n, const char *unit,
                       const char *from);

/* The month sheets together: a boundary meter per carrier with its
   monthly purchases (0 in a month whose sheet has no row for it), the
   first month's opening and the last month's closing stock, prices from
   the summed 金额 over the summed 购进量. */
static void month_finish(F *f, const char *file)
{
  int n = 0;
  while (n < 12 && f->month_seen[n + 1])
    n++;
  if (n == 0)
    return;
  for (int k = n + 1; k <= 12; k++)
    if (f->month_seen[k]) {
      imp_error(f->m, file, "a sheet for month %d but none for month %d",
                k, n + 1);
      return;
    }
  if (f->months && f->months != n)
    imp_error(f->m, file, "%d month sheets, %d months in a ledger", n,
              f->months);
  f->months = n;
  if (f->year)
    set_period(f, f->year, n, f->year_src);
  for (size_t i = 0; i < f->n_acc; i++) {
    macc *a = &f->acc[i];
    if (!f->have_meter_list && !ledger_has(f, a->carrier) && a->first_src) {
      inode *mt = boundary_meter(f, a->carrier, "205-1", a->unit_at);
      for (int k = 0; k < n; k++)
        if (!a->got[k])
          a->buy[k] = 0;
      add_kid(f->a, mt,
              flow_seq(f, a->buy, n, a->u->unit,
                       arena_printf(f->a, "%s…%s", a->first_src,
                                    a->last_src)));
    }
    if (a->open || a->close)
      stock(f, a->carrier, a->unit_at, a->open, a->open_src, a->close,
            a->close_src, file);
    inode *prices = child(f, f->root, "prices", IN_MAP);
    if (a->amount_qty > 0 && !map_get(prices, a->carrier)) {
      char tmp[64];
      snprintf(tmp, sizeof tmp, "%.10g CNY/%s",
               a->amount * 1e3 / (a->amount_qty * a->u->scale), a->u->base);
      set(f, prices, a->carrier, tmp, false,
          arena_printf(f->a, "Σ 金额 ÷ Σ 购进量, %s…", a->amount_src), file);
    }
  }
}

static void read_205(F *f)
{
  header h;
  if (!find_header(f, "能源名称", &h)) {
    imp_error(f->m, where(f, 1, 1), "no header with 能源名称 (form 205-1)");
    return;
  }
  uint32_t c_name = col_of(&h, W("能源名称"), NULL);
  uint32_t c_unit = col_of(&h, W("计量单位"), NULL);
  uint32_t c_open = col_of(&h, W("期初"), NULL);
  uint32_t c_buy = col_of(&h, W("购进", "实物"), NULL);
  if (!c_buy)
    c_buy = col_of(&h, W("购进"), W("金额"));
  uint32_t c_amount = col_of(&h, W("金额"), NULL);
  uint32_t c_use = col_of(&h, W("消费", "合计"), W("运输"));
  if (!c_use)
    c_use = col_of(&h, W("消费量"), W("工业", "原材料", "运输"));
  uint32_t c_ind = col_of(&h, W("工业生产"), W("非工业"));
  uint32_t c_non = col_of(&h, W("非工业"), NULL);
  uint32_t c_close = col_of(&h, W("期末"), NULL);
  uint32_t c_coef = col_of(&h, W("采用折标"), NULL);
  if (!c_coef)
    c_coef = col_of(&h, W("折标系数"), W("参考"));
  if (!c_buy && !c_use) {
    imp_error(f->m, where(f, h.row, c_name),
              "form 205-1 without a 购进量 or 消费量 column");
    return;
  }
  /* the heading block: name, credit code, year */
  uint32_t r0 = 1, c0 = 1;
  const char *name = heading_value(f, "单位详细名称", h.row, &r0, &c0);
  if (!name)
    name = heading_value(f, "单位名称", h.row, &r0, &c0);
  if (name) {
    inode *fac = child(f, f->root, "facility", IN_MAP);
    inode *nm = child(f, fac, "name", IN_MAP);
    set(f, nm, "zh", name, false, src(f, r0, c0), where(f, r0, c0));
  }
  const char *code = heading_value(f, "统一社会信用代码", h.row, &r0, &c0);
  if (code) {
    inode *fac = child(f, f->root, "facility", IN_MAP);
    set(f, fac, "credit_code", code, false, src(f, r0, c0), where(f, r0, c0));
  }
  int year = heading_year(f, h.row, &r0, &c0);
  if (year && f->month) {
    f->year = year; /* the period ends with the last month's sheet */
    f->year_src = src(f, r0, c0);
  } else if (year)
    set_period(f, year, 0, src(f, r0, c0));

  /* columns summed in the totals row, in standard coal */
  uint32_t sum_cols[] = {c_open, c_buy, c_use, c_ind, c_non, c_close};
  double sums[6] = {0};
  double amount_sum = 0;
  bool any_coef = false;
  for (uint32_t r = h.last + 1; r <= f->sheet->max_row; r++) {
    if (row_empty(f, r))
      continue;
    const char *nm = text_at(f, r, c_name, true);
    if (!*nm || has(nm, "单位负责人") || has(nm, "填表人") ||
        strncmp(nm, "说明", 6) == 0 || strncmp(nm, "注", 3) == 0)
      continue;
    if (strncmp(nm, "其中", 6) == 0)
      continue; /* a part of the row above, not an addition */
    if (has(nm, "合计")) {
      /* 能源合计 (tce): Σ quantity × 采用折标系数 per column */
      for (size_t k = 0; k < 6; k++) {
        double v;
        bool bad;
        if (!sum_cols[k] || !num_at(f, r, sum_cols[k], &v, &bad))
          continue;
        if (!any_coef) {
          imp_warn(f->m, where(f, r, sum_cols[k]),
                   "the totals row is not checked: no 采用折标系数 column");
          break;
        }
        if (fabs(v - sums[k]) > tol(v))
          imp_error(f->m, where(f, r, sum_cols[k]),
                    "%s gives %s tce, the rows above give %s tce (quantity "
                    "× 采用折标系数)",
                    nm, num_text(f->a, v), num_text(f->a, sums[k]));
      }
      double v;
      bool bad;
      /* the form's total consumption is what the enterprise declared:
         calc reconciles it with the computed total (declared[]) */
      if (c_use && !f->month && num_at(f, r, c_use, &v, &bad) && v > 0) {
        inode *it = node(f->a, IN_MAP, "");
        add_kid(f->a, child(f, f->root, "declared", IN_SEQ), it);
        const char *from = src(f, r, c_use), *at = where(f, r, c_use);
        set(f, it, "figure", "energy.total_tce", true, from, at);
        set(f, it, "value", arena_printf(f->a, "%s tce", num_text(f->a, v)),
            false, from, at);
        inode *fi = child(f, it, "filed_in", IN_MAP);
        set(f, fi, "zh",
            year ? arena_printf(f->a, "%d年205-1表“%s”", year, nm)
                 : arena_printf(f->a, "205-1表“%s”", nm),
            false, from, at);
        set(f, fi, "en",
            year ? arena_printf(f->a, "form 205-1 for %d, total", year)
                 : "form 205-1, total",
            false, from, at);
      }
      if (c_amount && num_at(f, r, c_amount, &v, &bad) &&
          fabs(v - amount_sum) > fmax(0.5, fabs(v) * 1e-4))
        imp_error(f->m, where(f, r, c_amount),
                  "%s gives %s 千元, the rows above give %s 千元", nm,
                  num_text(f->a, v), num_text(f->a, amount_sum));
      continue;
    }
    /* a data row: any number in it? */
    double vals[6] = {0};
    bool got[6] = {false}, any = false, bad_any = false;
    for (size_t k = 0; k < 6; k++) {
      bool bad;
      if (sum_cols[k]) {
        got[k] = num_at(f, r, sum_cols[k], &vals[k], &bad);
        if (bad) {
          imp_error(f->m, where(f, r, sum_cols[k]), "\"%s\" is not a number",
                    text_at(f, r, sum_cols[k], false));
          bad_any = true;
        }
        any |= got[k] && vals[k] != 0;
      }
    }
    if (!any || bad_any)
      continue;
    const char *at = where(f, r, c_name);
    const char *carrier = carrier_of(f, nm, at);
    const char *ut = c_unit ? text_at(f, r, c_unit, true) : "";
    if (!*ut)
      ut = paren_unit(f->a, nm) ? paren_unit(f->a, nm) : "";
    if (!carrier)
      continue;
    if (!*ut) {
      imp_error(f->m, at, "no unit for %s (计量单位)", nm);
      continue;
    }
    const struct unit_name *u =
        unit_for(f, carrier, ut, c_unit ? where(f, r, c_unit) : at);
    if (!u)
      continue;
    double coef;
    bool bad;
    if (c_coef && num_at(f, r, c_coef, &coef, &bad)) {
      any_coef = true;
      for (size_t k = 0; k < 6; k++)
        if (got[k])
          sums[k] += vals[k] * coef;
    }
    /* relations of the form: 合计 = 工业 + 非工业; 期末 = 期初 + 购进 −
       合计 */
    if (got[2] && got[3] && got[4] &&
        fabs(vals[2] - vals[3] - vals[4]) > fmax(1e-6, 1e-4 * fabs(vals[2])))
      imp_error(f->m, where(f, r, c_use),
                "消费量合计 %s is not 工业生产消费 %s + 非工业生产消费 %s",
                num_text(f->a, vals[2]), num_text(f->a, vals[3]),
                num_text(f->a, vals[4]));
    if (got[0] && got[1] && got[2] && got[5] &&
        fabs(vals[0] + vals[1] - vals[2] - vals[5]) >
            fmax(1e-6, 1e-4 * fabs(vals[1])))
      imp_warn(f->m, where(f, r, c_close),
               "期末库存 %s is not 期初 %s + 购进 %s − 消费 %s (a loss or "
               "a count of stock?)",
               num_text(f->a, vals[5]), num_text(f->a, vals[0]),
               num_text(f->a, vals[1]), num_text(f->a, vals[2]));
    double amount;
    bool has_amount = c_amount && got[1] && vals[1] > 0 &&
                      num_at(f, r, c_amount, &amount, &bad);
    if (has_amount)
      amount_sum += amount;
    if (f->month) {
      month_row(f, carrier, u, got, vals, r, c_name, c_buy, c_use, c_open,
                c_close, c_amount);
      continue;
    }
    if ((got[0] && vals[0] != 0) || (got[5] && vals[5] != 0))
      stock(f, carrier, src(f, r, c_name), got[0] ? qty_text(f, vals[0], u) : NULL,
            src(f, r, c_open), got[5] ? qty_text(f, vals[5], u) : NULL,
            src(f, r, c_close), at);
    /* purchases cross the boundary: a meter, unless a meter list or a
       ledger gives this carrier's */
    if (!f->have_meter_list && !ledger_has(f, carrier)) {
      uint32_t qc = got[1] ? c_buy : c_use;
      double q = got[1] ? vals[1] : vals[2];
      if (!got[1])
        imp_warn(f->m, where(f, r, c_use),
                 "no 购进量 for %s: its 消费量 stands for the boundary meter",
                 nm);
      inode *mt = boundary_meter(f, carrier, "205-1", src(f, r, c_name));
      set(f, mt, "total", qty_text(f, q, u), false, src(f, r, qc), where(f, r, qc));
    }
    if (has_amount) {
      inode *prices = child(f, f->root, "prices", IN_MAP);
      if (!map_get(prices, carrier)) {
        double per_base = amount * 1e3 / (vals[1] * u->scale);
        char tmp[64];
        snprintf(tmp, sizeof tmp, "%.10g CNY/%s", per_base, u->base);
        set(f, prices, carrier, tmp, false,
            arena_printf(f->a, "%s ÷ %s", src(f, r, c_amount),
                         src(f, r, c_buy)),
            where(f, r, c_amount));
      }
    }
  }
}

/* {====================================================== ledgers */

/* The month a header names: "1月", "一月", "2016-01", or the first day
   of a month "2016-01-01" (a date cell's text: a month column headed by a
   date) … (1-12), or 0. Another day is a date, not a month. */
static int month_of(const char *s)
{
  int y, mo, d = 1, len = 0;
  if ((sscanf(s, "%4d-%2d-%2d%n", &y, &mo, &d, &len) == 3 ||
       (len = 0, sscanf(s, "%4d-%2d%n", &y, &mo, &len) == 2)) &&
      len == (int)strlen(s) && y >= 1900 && mo >= 1 && mo <= 12 && d == 1)
    return mo;
  static const char *const zh[] = {"一月", "二月", "三月", "四月",
                                   "五月", "六月", "七月", "八月",
                                   "九月", "十月", "十一月", "十二月"};
  for (int i = 11; i >= 0; i--)
    if (strncmp(s, zh[i], strlen(zh[i])) == 0)
      return i + 1;
  char *end;
  long v = strtol(s, &end, 10);
  if (end != s && v >= 1 && v <= 12 && strncmp(end, "月", 3) == 0)
    return (int)v;
  return 0;
}

typedef struct months {
  uint32_t col[13]; /* column of month 1..12, 0 none */
  int n;            /* months found, 1..n without a gap */
  uint32_t total;   /* a 全年 / 合计 / 累计 column */
} months;

static bool find_months(F *f, const header *h, months *mo)
{
  memset(mo, 0, sizeof *mo);
  for (uint32_t c = 1; c <= h->ncol; c++) {
    const char *l = h->label[c];
    int k = month_of(l);
    if (k && !mo->col[k]) {
      /* "1月/本月" and "1月/累计": the month's own column */
      if (has(l, "累计"))
        continue;
      mo->col[k] = c;
    } else if (!k && (has(l, "全年") || strcmp(l, "合计") == 0 ||
                      strcmp(l, "年度合计") == 0 || strcmp(l, "累计") == 0))
      mo->total = c;
  }
  while (mo->n < 12 && mo->col[mo->n + 1])
    mo->n++;
  for (int k = mo->n + 1; k <= 12; k++)
    if (mo->col[k]) {
      imp_error(f->m, where(f, h->row, mo->col[k]),
                "month %d without month %d before it", k, mo->n + 1);
      return false;
    }
  return mo->n > 0;
}

/* The values of one row across the months: all given, or an error at the
   first blank one. The totals column is checked. */
static bool month_values(F *f, uint32_t r, const months *mo, double *v,
                         int *n_given)
{
  bool ok = true;
  int n = 0;
  for (int k = 1; k <= mo->n; k++) {
    bool bad;
    if (num_at(f, r, mo->col[k], &v[k - 1], &bad)) {
      if (n != k - 1) {
        imp_error(f->m, where(f, r, mo->col[n + 1]),
                  "month %d is blank but a later month is given", n + 1);
        return false;
      }
      n = k;
    } else if (bad) {
      imp_error(f->m, where(f, r, mo->col[k]), "\"%s\" is not a number",
                text_at(f, r, mo->col[k], false));
      ok = false;
    }
  }
  *n_given = n;
  double t;
  bool bad;
  if (ok && n && mo->total && num_at(f, r, mo->total, &t, &bad)) {
    double s = 0;
    for (int k = 0; k < n; k++)
      s += v[k];
    if (fabs(s - t) > fmax(1e-6, 1e-6 * fabs(t)) + 0.005)
      imp_error(f->m, where(f, r, mo->total),
                "the total %s is not the sum of the months, %s",
                num_text(f->a, t), num_text(f->a, s));
  }
  return ok;
}

/* The months as one flow sequence, written as it is printed: one node,
   not twelve (ledgers of 100,000 meters are read). */
static inode *flow_seq(F *f, const double *v, int n, const char *unit,
                       const char *from)
{
  inode *s = node(f->a, IN_SCALAR, "monthly");
  s->plain = true;
  s->src = from;
  buf b;
  buf_init(&b);
  buf_putc(&b, '[');
  for (int k = 0; k < n; k++) {
    char tmp[64];
    snprintf(tmp, sizeof tmp, "%.15g", v[k]);
    buf_printf(&b, "%s\"%s %s\"", k ? ", " : "",
               strcmp(tmp, "-0") == 0 ? "0" : tmp, unit);
  }
  buf_putc(&b, ']');
  s->text = arena_strndup(f->a, b.data, b.len);
  buf_fini(&b);
  return s;
}

static void put_monthly(F *f, inode *meter, inode *seq, const char *at)
{
  if (map_get(meter, "monthly") || map_get(meter, "total")) {
    imp_error(f->m, at, "meter %s has its data already (from another "
              "sheet)", map_get(meter, "id")->text);
    return;
  }
  seq->key = "monthly";
  add_kid(f->a, meter, seq);
}

/* The intake workbook's ledger: one meter per row, months across. */
static void read_meter_ledger(F *f, const header *h, const months *mo)
{
  uint32_t c_id = col_of(h, W("编号"), NULL);
  uint32_t c_unit = col_of(h, W("单位"), NULL);
  uint32_t c_name = col_of(h, W("能源"), NULL);
  /* the last row's unit and carrier: a long ledger repeats them */
  const char *last_ut = NULL, *last_name = NULL, *last_carrier = NULL;
  const struct unit_name *last_u = NULL;
  for (uint32_t r = h->last + 1; r <= f->sheet->max_row; r++) {
    if (row_empty(f, r))
      continue;
    const char *id = text_at(f, r, c_id, true);
    if (!*id || has(id, "合计"))
      continue;
    double v[12];
    int n;
    if (!month_values(f, r, mo, v, &n) || n == 0)
      continue;
    const char *ut = c_unit ? text_at(f, r, c_unit, false) : "";
    const char *nm = c_name ? text_at(f, r, c_name, false) : "";
    const char *carrier = NULL;
    if (*nm && last_name && strcmp(nm, last_name) == 0)
      carrier = last_carrier;
    else if (*nm) {
      carrier = carrier_of(f, nm, where(f, r, c_name));
      if (!carrier)
        continue;
      last_name = nm;
      last_carrier = carrier;
      last_u = NULL; /* the unit is checked against the new carrier */
    }
    if (!*ut) {
      imp_error(f->m, where(f, r, c_id), "no unit (计量单位) for meter %s",
                id);
      continue;
    }
    const struct unit_name *u = last_u;
    if (!u || strcmp(ut, last_ut) != 0) {
      u = unit_for(f, carrier, ut, where(f, r, c_unit));
      if (!u)
        continue;
      last_u = u;
      last_ut = ut;
    }
    inode *mt = item_by_id(f, meters(f), id, src(f, r, c_id));
    if (carrier && !map_get(mt, "carrier"))
      set(f, mt, "carrier", carrier, false, src(f, r, c_name),
          where(f, r, c_name));
    if (map_get(mt, "monthly") || map_get(mt, "total")) {
      imp_error(f->m, where(f, r, c_id), "meter %s has its data already "
                "(from another sheet or row)", id);
      continue;
    }
    inode *seq = flow_seq(f, v, n, u->unit,
                          arena_printf(f->a, "%s…%s", src(f, r, mo->col[1]),
                                       imp_ref(f->a, r, mo->col[n])));
    add_kid(f->a, mt, seq);
  }
}

/* The 能源统计台帐 of one carrier: rows 消费量总计, 生产用, 非生产用,
   购进量总计, 年初库存, 期末库存…, months across. */
static void read_carrier_ledger(F *f, const header *h, const months *mo)
{
  uint32_t r0 = 1, c0 = 1;
  const char *name = heading_value(f, "能源名称", h->row, &r0, &c0);
  if (!name)
    name = heading_value(f, "能源品种", h->row, &r0, &c0);
  const char *at_name;
  if (name)
    at_name = where(f, r0, c0);
  else {
    /* "能源统计台帐（原煤）" in the title, else the sheet's name */
    name = NULL;
    for (uint32_t r = 1; r < h->row && !name; r++) {
      const char *t = text_at(f, r, 1, true);
      const char *p = paren_unit(f->a, t);
      if (p && has(t, "台帐")) {
        name = p;
        r0 = r;
        c0 = 1;
      }
    }
    at_name = name ? where(f, r0, c0) : where(f, 1, 1);
    if (!name)
      name = f->sheet->name;
  }
  const char *carrier = carrier_of(f, name, at_name);
  const char *at_name_src =
      name == f->sheet->name ? arena_printf(f->a, "sheet %s", name)
                             : src(f, r0, c0);
  uint32_t ru, cu;
  const char *ut = heading_value(f, "计量单位", h->row, &ru, &cu);
  const char *at_unit = ut ? where(f, ru, cu) : NULL;
  int year = heading_year(f, h->row, &r0, &c0);
  const char *year_src = year ? src(f, r0, c0) : NULL;
  if (!carrier)
    return;
  if (!ut) {
    imp_error(f->m, where(f, h->row, 1),
              "no 计量单位 above the ledger of %s", name);
    return;
  }
  const struct unit_name *u = unit_for(f, carrier, ut, at_unit);
  if (!u)
    return;
  /* the label columns: the first two, merged-aware */
  uint32_t r_use = 0, r_prod = 0, r_non = 0, r_buy = 0, r_open = 0,
           r_close = 0;
  for (uint32_t r = h->last + 1; r <= f->sheet->max_row; r++) {
    const char *l1 = text_at(f, r, 1, true), *l2 = text_at(f, r, 2, true);
    const char *l = arena_printf(f->a, "%s/%s", l1, l2);
    if (has(l, "累计") && !has(l, "本月"))
      continue; /* the running totals: checked by nothing, used by no one */
    if (has(l, "消费量") && !r_use)
      r_use = r;
    else if (has(l, "非生产") && !r_non)
      r_non = r;
    else if (has(l, "生产用") && !r_prod)
      r_prod = r;
    else if (has(l, "购进量") && !r_buy)
      r_buy = r;
    else if ((has(l, "年初库存") || has(l, "期初库存")) && !r_open)
      r_open = r;
    else if (has(l, "期末库存") && !r_close)
      r_close = r;
  }
  double use[12], prod[12], non[12], buy[12], close[12], open[12];
  int n_use = 0, n_prod = 0, n_non = 0, n_buy = 0, n_close = 0, n_open = 0;
  bool ok = true;
  if (r_use)
    ok &= month_values(f, r_use, mo, use, &n_use);
  if (r_prod)
    ok &= month_values(f, r_prod, mo, prod, &n_prod);
  if (r_non)
    ok &= month_values(f, r_non, mo, non, &n_non);
  if (r_buy)
    ok &= month_values(f, r_buy, mo, buy, &n_buy);
  if (r_close)
    ok &= month_values(f, r_close, mo, close, &n_close);
  if (r_open)
    ok &= month_values(f, r_open, mo, open, &n_open);
  if (!ok)
    return;
  for (int k = 0; k < n_use && k < n_prod && k < n_non; k++)
    if (fabs(use[k] - prod[k] - non[k]) > fmax(1e-6, 1e-6 * fabs(use[k])))
      imp_error(f->m, where(f, r_use, mo->col[k + 1]),
                "消费量总计 %s is not 生产用 %s + 非生产用 %s",
                num_text(f->a, use[k]), num_text(f->a, prod[k]),
                num_text(f->a, non[k]));
  int n = n_buy ? n_buy : n_use;
  uint32_t rr = n_buy ? r_buy : r_use;
  if (n == 0) {
    imp_error(f->m, where(f, h->row, 1),
              "the ledger of %s has no 购进量 or 消费量 row with values", name);
    return;
  }
  if (!n_buy)
    imp_warn(f->m, where(f, r_use, 1),
             "no 购进量 row: the 消费量 stands for the boundary meter");
  if (f->months && f->months != n)
    imp_error(f->m, where(f, rr, mo->col[n]),
              "%d months here, %d in another ledger", n, f->months);
  f->months = n;
  inode *mt = boundary_meter(f, carrier, "ledger", src(f, rr, 1));
  put_monthly(f, mt,
              flow_seq(f, n_buy ? buy : use, n, u->unit,
                       arena_printf(f->a, "%s…%s", src(f, rr, mo->col[1]),
                                    imp_ref(f->a, rr, mo->col[n]))),
              where(f, rr, 1));
  *ARENA_PUSH(f->a, f->ledger_carriers, f->n_lc, f->cap_lc) = carrier;
  bool stock_zero = (!n_open || open[0] == 0) &&
                    (!n_close || close[n_close - 1] == 0);
  if ((n_open || n_close) && !stock_zero) {
    /* opening: the year's first (年初库存 is written once); closing: the
       last month's */
    stock(f, carrier, at_name_src, n_open ? qty_text(f, open[0], u) : NULL,
          n_open ? src(f, r_open, mo->col[1]) : NULL,
          n_close ? qty_text(f, close[n_close - 1], u) : NULL,
          n_close ? src(f, r_close, mo->col[n_close]) : NULL,
          where(f, rr, 1));
    if (n_open && n_close && n_buy && n_use) {
      double s = open[0];
      for (int k = 0; k < n; k++)
        s += buy[k] - use[k];
      if (fabs(s - close[n_close - 1]) > fmax(1e-6, 1e-4 * fabs(s)))
        imp_warn(f->m, where(f, r_close, mo->col[n_close]),
                 "期末库存 %s is not 年初库存 + 购进 − 消费 = %s",
                 num_text(f->a, close[n_close - 1]), num_text(f->a, s));
    }
  }
  if (year)
    set_period(f, year, n, year_src);
}

static void read_ledger(F *f)
{
  header h;
  bool found = false;
  /* the header row holds the months */
  uint32_t nc = max_col(f->sheet);
  for (uint32_t r = 1; r <= f->sheet->max_row && r <= 30 && !found; r++)
    for (uint32_t c = 1; c <= nc && !found; c++) {
      const char *t = text_at(f, r, c, false);
      if (month_of(t) == 1)
        found = find_header(f, t, &h);
    }
  months mo;
  if (!found) {
    imp_error(f->m, where(f, 1, 1), "no header of months (1月 … 12月) for a "
              "ledger");
    return;
  }
  if (!find_months(f, &h, &mo))
    return;
  if (col_of(&h, W("编号"), NULL))
    read_meter_ledger(f, &h, &mo);
  else
    read_carrier_ledger(f, &h, &mo);
}

/* {====================================================== meter list */

static const char *level_of(const char *s)
{
  if (has(s, "一级") || strcmp(s, "1") == 0)
    return "1";
  if (has(s, "二级") || strcmp(s, "2") == 0)
    return "2";
  if (has(s, "三级") || strcmp(s, "3") == 0)
    return "3";
  return NULL;
}

static const char *bool_of(const char *s)
{
  if (!strcmp(s, "是") || !strcmp(s, "true") || !strcmp(s, "TRUE") ||
      !strcmp(s, "yes") || !strcmp(s, "有"))
    return "true";
  if (!strcmp(s, "否") || !strcmp(s, "false") || !strcmp(s, "FALSE") ||
      !strcmp(s, "no") || !strcmp(s, "无"))
    return "false";
  return NULL;
}

/* A carrier from a meter's name when it says one plainly. */
static const char *carrier_in_name(const char *s)
{
  if (has(s, "电能表") || has(s, "电度表") || has(s, "电表"))
    return "electricity";
  if (has(s, "水表"))
    return "fresh_water";
  if (has(s, "天然气"))
    return "natural_gas";
  if (has(s, "蒸汽"))
    return "steam";
  return NULL;
}

static void read_meters(F *f)
{
  header h;
  if (!find_header(f, "计量器具名称", &h)) {
    imp_error(f->m, where(f, 1, 1), "no header with 计量器具名称 (meter list)");
    return;
  }
  uint32_t c_no = col_of(&h, W("序号"), NULL);
  uint32_t c_id = col_of(&h, W("管理编号"), NULL);
  uint32_t c_name = col_of(&h, W("计量器具名称"), NULL);
  uint32_t c_en = col_of(&h, W("英文"), NULL);
  uint32_t c_acc = col_of(&h, W("准确度"), NULL);
  uint32_t c_car = col_of(&h, W("能源种类"), NULL);
  uint32_t c_lvl = col_of(&h, W("级别"), NULL);
  uint32_t c_kind = col_of(&h, W("器具类型"), NULL);
  uint32_t c_from = col_of(&h, W("来自"), NULL);
  uint32_t c_to = col_of(&h, W("去向"), NULL);
  uint32_t c_inst = col_of(&h, W("是否安装"), NULL);
  uint32_t c_total = col_of(&h, W("期间用量"), NULL);
  uint32_t c_unit = col_of(&h, W("计量单位"), NULL);
  uint32_t c_cal = col_of(&h, W("检定日期"), NULL);
  uint32_t c_int = col_of(&h, W("周期"), NULL);
  uint32_t c_cert = col_of(&h, W("证书"), NULL);
  uint32_t c_state = col_of(&h, W("状态"), NULL);
  uint32_t used[] = {c_no, c_id, c_name, c_en, c_acc, c_car, c_lvl, c_kind,
                     c_from, c_to, c_inst, c_total, c_unit, c_cal, c_int,
                     c_cert, c_state};
  for (uint32_t c = 1; c <= h.ncol; c++) {
    bool u = false;
    for (size_t k = 0; k < sizeof used / sizeof *used; k++)
      u |= used[k] == c;
    if (!u && *h.label[c])
      imp_warn(f->m, where(f, h.row, c), "column %s is not carried into the "
               "facility file", h.label[c]);
  }
  const char *sheet_level = level_of(f->sheet->name);
  for (uint32_t r = h.last + 1; r <= f->sheet->max_row; r++) {
    if (row_empty(f, r))
      continue;
    const char *name = text_at(f, r, c_name, true);
    if (!*name)
      continue;
    const char *at = where(f, r, c_name);
    const char *state = c_state ? text_at(f, r, c_state, false) : "";
    if (has(state, "停用")) {
      imp_warn(f->m, where(f, r, c_state), "meter %s is out of use (停用): "
               "not imported", name);
      continue;
    }
    const char *id = c_id ? text_at(f, r, c_id, false) : "";
    const char *id_src = c_id ? src(f, r, c_id) : NULL;
    if (!*id) {
      const char *no = c_no ? text_at(f, r, c_no, false) : "";
      id = arena_printf(f->a, "M%s", *no ? no : num_text(f->a, r));
      id_src = arena_printf(f->a, "%s (no 管理编号: numbered)", src(f, r, c_no ? c_no : c_name));
    }
    inode *mt = item_by_id(f, meters(f), id, id_src);
    f->have_meter_list = true;
    inode *nm = child(f, mt, "name", IN_MAP);
    set(f, nm, "zh", name, false, src(f, r, c_name), at);
    if (c_en && *text_at(f, r, c_en, false))
      set(f, nm, "en", text_at(f, r, c_en, false), false, src(f, r, c_en),
          where(f, r, c_en));
    /* carrier */
    const char *carrier = NULL;
    bool guessed = false;
    if (c_car && *text_at(f, r, c_car, false))
      carrier = carrier_of(f, text_at(f, r, c_car, false), where(f, r, c_car));
    else if ((carrier = carrier_in_name(name)) == NULL) {
      imp_error(f->m, at, "meter %s: no 能源种类 and its name does not say "
                "which carrier it measures", name);
    } else {
      guessed = true;
    }
    if (carrier) {
      inode *cn = map_get(mt, "carrier");
      if (!(guessed && cn)) { /* a guess never overrides a value given */
        cn = set(f, mt, "carrier", carrier, false,
                 guessed ? arena_printf(f->a, "%s (from the meter's name)",
                                        src(f, r, c_name))
                         : c_car ? src(f, r, c_car) : src(f, r, c_name),
                 at);
        cn->guess = guessed;
      }
    }
    /* level */
    const char *lv = c_lvl ? level_of(text_at(f, r, c_lvl, false)) : NULL;
    if (c_lvl && *text_at(f, r, c_lvl, false) && !lv)
      imp_error(f->m, where(f, r, c_lvl), "level \"%s\" is not 一级, 二级 or "
                "三级 (1, 2, 3)", text_at(f, r, c_lvl, false));
    else if (lv)
      set(f, mt, "level", lv, true, src(f, r, c_lvl), at);
    else if (sheet_level)
      set(f, mt, "level", sheet_level, true,
          arena_printf(f->a, "sheet %s", f->sheet->name), at);
    else {
      inode *p = set(f, mt, "level", "~", true, NULL, at);
      p->note = arena_printf(f->a, "GB 17167 level 1, 2 or 3 of meter %s "
                             "(not in %s)", id, where(f, r, c_name));
    }
    if (c_acc && *text_at(f, r, c_acc, false)) {
      const char *acc = text_at(f, r, c_acc, false);
      size_t n = strlen(acc);
      if (n > 3 && strcmp(acc + n - 3, "级") == 0)
        acc = arena_strndup(f->a, acc, n - 3);
      set(f, mt, "accuracy", acc, false, src(f, r, c_acc), at);
    }
    struct {
      uint32_t c;
      const char *key;
    } plain[] = {{c_kind, "kind"}, {c_from, "from"}, {c_to, "to"},
                 {c_cal, "calibrated"}, {c_cert, "certificate"}};
    for (size_t k = 0; k < sizeof plain / sizeof *plain; k++)
      if (plain[k].c && *text_at(f, r, plain[k].c, false))
        set(f, mt, plain[k].key, text_at(f, r, plain[k].c, false),
            strcmp(plain[k].key, "calibrated") == 0, src(f, r, plain[k].c),
            where(f, r, plain[k].c));
    if (c_int && *text_at(f, r, c_int, false)) {
      const char *t = text_at(f, r, c_int, false);
      char *end;
      double v = strtod(t, &end);
      const char *rest = trim(f->a, end);
      if (end != t && (has(rest, "年") || strcmp(rest, "a") == 0))
        v *= 12, rest = "";
      if (end == t || v <= 0 || v != floor(v) ||
          (*rest && strcmp(rest, "个月") && strcmp(rest, "月")))
        imp_error(f->m, where(f, r, c_int), "calibration interval \"%s\" is "
                  "not months (12, 12个月) or years (1年)", t);
      else
        set(f, mt, "calibration_interval", num_text(f->a, v), true,
            src(f, r, c_int), where(f, r, c_int));
    }
    if (c_inst && *text_at(f, r, c_inst, false)) {
      const char *b = bool_of(text_at(f, r, c_inst, false));
      if (!b)
        imp_error(f->m, where(f, r, c_inst), "是否安装 \"%s\" is not 是 or 否",
                  text_at(f, r, c_inst, false));
      else
        set(f, mt, "installed", b, true, src(f, r, c_inst),
            where(f, r, c_inst));
    }
    double v;
    bool bad = false;
    if (c_total && num_at(f, r, c_total, &v, &bad)) {
      const char *ut = c_unit ? text_at(f, r, c_unit, false) : "";
      if (!*ut)
        ut = paren_unit(f->a, h.label[c_total]) ? paren_unit(f->a, h.label[c_total]) : "";
      if (!*ut)
        imp_error(f->m, where(f, r, c_total), "a quantity without a unit "
                  "(计量单位)");
      else {
        const struct unit_name *u =
            unit_for(f, carrier, ut, where(f, r, c_unit ? c_unit : c_total));
        if (u)
          set(f, mt, "total", qty_text(f, v, u), false, src(f, r, c_total),
              where(f, r, c_total));
      }
    } else if (bad)
      imp_error(f->m, where(f, r, c_total), "\"%s\" is not a number",
                text_at(f, r, c_total, false));
  }
}

/* {====================================================== equipment */

static void read_equipment(F *f)
{
  header h;
  if (!find_header(f, "设备名称", &h)) {
    imp_error(f->m, where(f, 1, 1), "no header with 设备名称 (equipment list)");
    return;
  }
  uint32_t c_no = col_of(&h, W("序号"), NULL);
  uint32_t c_id = col_of(&h, W("编号"), NULL);
  uint32_t c_name = col_of(&h, W("设备名称"), NULL);
  uint32_t c_en = col_of(&h, W("英文"), NULL);
  uint32_t c_kind = col_of(&h, W("设备类别"), NULL);
  uint32_t c_unit = col_of(&h, W("所属单元"), NULL);
  uint32_t c_model = col_of(&h, W("型号"), NULL);
  uint32_t c_cap = col_of(&h, W("额定"), NULL);
  uint32_t c_capu = col_of(&h, W("容量单位"), NULL);
  uint32_t c_fuel = col_of(&h, W("燃料"), NULL);
  uint32_t used[] = {c_no, c_id, c_name, c_en, c_kind, c_unit, c_model,
                     c_cap, c_capu, c_fuel};
  for (uint32_t c = 1; c <= h.ncol; c++) {
    bool u = false;
    for (size_t k = 0; k < sizeof used / sizeof *used; k++)
      u |= used[k] == c;
    if (!u && *h.label[c])
      imp_warn(f->m, where(f, h.row, c), "column %s is not carried into the "
               "facility file", h.label[c]);
  }
  inode *seq = child(f, f->root, "equipment", IN_SEQ);
  for (uint32_t r = h.last + 1; r <= f->sheet->max_row; r++) {
    if (row_empty(f, r))
      continue;
    const char *name = text_at(f, r, c_name, true);
    if (!*name || has(name, "合计"))
      continue;
    const char *at = where(f, r, c_name);
    const char *id = c_id ? text_at(f, r, c_id, false) : "";
    const char *id_src = c_id ? src(f, r, c_id) : NULL;
    if (!*id) {
      const char *no = c_no ? text_at(f, r, c_no, false) : "";
      id = arena_printf(f->a, "EQ%s", *no ? no : num_text(f->a, r));
      id_src = arena_printf(f->a, "%s (no 编号: numbered)", src(f, r, c_name));
    }
    inode *it = item_by_id(f, seq, id, id_src);
    if (c_kind && *text_at(f, r, c_kind, false))
      set(f, it, "kind", text_at(f, r, c_kind, false), false, src(f, r, c_kind),
          where(f, r, c_kind));
    else {
      inode *p = set(f, it, "kind", "~", true, NULL, at);
      p->note = arena_printf(f->a, "kind of equipment %s (a key of "
                             "rules/equipment.yaml: motor, fan, pump, "
                             "industrial_boiler…)", id);
    }
    inode *nm = child(f, it, "name", IN_MAP);
    set(f, nm, "zh", name, false, src(f, r, c_name), at);
    if (c_en && *text_at(f, r, c_en, false))
      set(f, nm, "en", text_at(f, r, c_en, false), false, src(f, r, c_en),
          where(f, r, c_en));
    struct {
      uint32_t c;
      const char *key;
    } plain[] = {{c_unit, "unit"}, {c_model, "model"}};
    for (size_t k = 0; k < sizeof plain / sizeof *plain; k++)
      if (plain[k].c && *text_at(f, r, plain[k].c, false))
        set(f, it, plain[k].key, text_at(f, r, plain[k].c, false), false,
            src(f, r, plain[k].c), where(f, r, plain[k].c));
    if (c_fuel && *text_at(f, r, c_fuel, false)) {
      const char *fuel = carrier_of(f, text_at(f, r, c_fuel, false),
                                    where(f, r, c_fuel));
      if (fuel)
        set(f, it, "fuel", fuel, false, src(f, r, c_fuel), where(f, r, c_fuel));
    }
    if (c_cap && *text_at(f, r, c_cap, false)) {
      const char *v = text_at(f, r, c_cap, false);
      const char *u = c_capu ? text_at(f, r, c_capu, false) : "";
      if (!*u && paren_unit(f->a, h.label[c_cap]))
        u = paren_unit(f->a, h.label[c_cap]);
      set(f, it, "capacity", *u ? arena_printf(f->a, "%s %s", v, u) : v, false,
          src(f, r, c_cap), where(f, r, c_cap));
    }
  }
}

/* {====================================================== path / value */

/* One step of a path: a key, [N] or [id]. */
static void read_other(F *f)
{
  header h;
  if (!find_header(f, "路径", &h)) {
    imp_error(f->m, where(f, 1, 1), "no header with 路径 (path/value sheet)");
    return;
  }
  uint32_t c_path = col_of(&h, W("路径"), NULL);
  uint32_t c_val = col_of(&h, W("值"), NULL);
  if (!c_val) {
    imp_error(f->m, where(f, h.row, c_path), "no 值 column beside 路径");
    return;
  }
  for (uint32_t r = h.last + 1; r <= f->sheet->max_row; r++) {
    const char *path = text_at(f, r, c_path, false);
    const icell *vc = imp_cell(f->sheet, r, c_val, false);
    const char *val = text_of(f, vc);
    if (!*path)
      continue;
    const char *at = where(f, r, c_val);
    if (!*val)
      continue; /* a row left empty: nothing given */
    inode *cur = f->root;
    const char *p = path;
    /* a path of the facility file (a path sheet's meters.id or
       stock[0].carrier.zh, with a 205-1 form read after it, once crashed
       import or wrote YAML that did not parse) */
    bool bad = !fs_path_fits(path), reported = false;
    char key[128];
    while (*p && !bad && !reported) {
      if (*p == '[') {
        const char *close = strchr(p, ']');
        if (cur->kind != IN_SEQ || !close || close == p + 1 ||
            (size_t)(close - p) > sizeof key) {
          bad = true;
          break;
        }
        memcpy(key, p + 1, (size_t)(close - p - 1));
        key[close - p - 1] = '\0';
        p = close + 1;
        bool numeric = true;
        for (const char *k = key; *k; k++)
          numeric &= isdigit((unsigned char)*k) != 0;
        inode_kind next = *p == '.' ? IN_MAP : *p == '[' ? IN_SEQ : IN_SCALAR;
        if (numeric) {
          size_t i = strtoul(key, NULL, 10);
          if (i > cur->n || i > 100000) {
            imp_error(f->m, where(f, r, c_path), "path %s: item [%zu] leaves a gap (the list "
                      "has %zu so far; items are numbered from [0])", path, i,
                      cur->n);
            reported = true;
            break;
          }
          if (next == IN_SCALAR) {
            if (i < cur->n) {
              imp_error(f->m, at, "path %s given twice", path);
              reported = true;
              break;
            }
            inode *x = node(f->a, IN_SCALAR, "");
            x->text = val;
            x->src = src(f, r, c_val);
            x->plain = bool_of(val) && vc && (vc->kind == IC_BOOL ||
                                             !strcmp(val, "true") ||
                                             !strcmp(val, "false"));
            add_kid(f->a, cur, x);
            break;
          }
          if (i == cur->n)
            add_kid(f->a, cur, node(f->a, next, ""));
          cur = cur->kids[i];
          if (cur->kind != next) {
            bad = true;
            break;
          }
        } else {
          if (next != IN_MAP) {
            bad = true;
            break;
          }
          cur = item_by_id(f, cur, key, src(f, r, c_path));
        }
        if (*p == '.')
          p++;
      } else {
        size_t n = strcspn(p, ".[");
        if (n == 0 || n >= sizeof key || cur->kind != IN_MAP) {
          bad = true;
          break;
        }
        memcpy(key, p, n);
        key[n] = '\0';
        for (size_t k = 0; k < n; k++)
          if (!isalnum((unsigned char)key[k]) && key[k] != '_')
            bad = true;
        p += n;
        if (bad)
          break;
        if (!*p) {
          bool pl = vc && vc->kind == IC_BOOL;
          pl |= !strcmp(val, "true") || !strcmp(val, "false");
          set(f, cur, key, pl && vc->kind == IC_BOOL ? val : val, pl,
              src(f, r, c_val), at);
          break;
        }
        inode_kind next = *p == '.' ? IN_MAP : IN_SEQ;
        inode *c = map_get(cur, key);
        if (c && c->kind != next) {
          bad = true;
          break;
        }
        cur = child(f, cur, key, next);
        if (*p == '.')
          p++;
      }
    }
    if (bad)
      imp_error(f->m, where(f, r, c_path), "\"%s\" is not a path of the "
                "facility file such as meters[E01].name.zh or "
                "audit.standards[0], or it clashes with another row", path);
  }
}

/* {====================================================== recognising */

static imp_form recognise(F *f)
{
  const isheet *s = f->sheet;
  uint32_t nc = max_col(s);
  bool name = false, stock = false, meter = false, equip = false,
       path = false, month = false;
  for (uint32_t r = 1; r <= s->max_row && r <= 30; r++)
    for (uint32_t c = 1; c <= nc && c <= 60; c++) {
      const char *t = text_at(f, r, c, false);
      if (!*t)
        continue;
      name |= has(t, "能源名称") && !has(t, "：") && !has(t, ":");
      stock |= has(t, "期初库存") || has(t, "购进量");
      meter |= has(t, "计量器具名称");
      equip |= has(t, "设备名称");
      path |= strncmp(t, "路径", 6) == 0;
      month |= month_of(t) == 1;
    }
  if (path)
    return IMP_FORM_OTHER;
  if (meter)
    return IMP_FORM_METERS;
  if (equip)
    return IMP_FORM_EQUIPMENT;
  if (month)
    return IMP_FORM_LEDGER;
  if (name && stock)
    return IMP_FORM_205;
  return IMP_FORM_AUTO;
}

/* {====================================================== entry */

/* The month a sheet's name gives: "3月", "三月", "2024年3月", "2024.03"
   is not one (0). */
static int sheet_month(const char *name)
{
  const char *p = strstr(name, "年");
  int k = month_of(p ? p + 3 : name);
  if (!k)
    return 0;
  /* nothing after the month but 份 or spaces */
  const char *yue = strstr(p ? p + 3 : name, "月");
  const char *rest = yue ? yue + 3 : "";
  if (strncmp(rest, "份", 3) == 0)
    rest += 3;
  while (*rest == ' ')
    rest++;
  return *rest ? 0 : k;
}

/* Required fields that no sheet gave become ~ with what to fill in. */
static void placeholder(F *f, inode *map, const char *key, const char *what)
{
  inode *n = map_get(map, key);
  if (n)
    return;
  n = node(f->a, IN_SCALAR, key);
  n->text = "~";
  n->plain = true;
  n->note = what;
  add_kid(f->a, map, n);
}

static void reorder(F *f)
{
  static const char *const order[] = {
      "auditgen", "facility", "audit", "units", "meters", "stock",
      "products", "prices", "factors", "process_emissions", "equipment",
      "measures", "baseline", "management"};
  inode **kids = ARENA_ARRAY(f->a, inode *, f->root->n + 1);
  size_t n = 0;
  for (size_t i = 0; i < sizeof order / sizeof *order; i++) {
    inode *k = map_get(f->root, order[i]);
    if (k)
      kids[n++] = k;
  }
  for (size_t i = 0; i < f->root->n; i++) {
    bool known = false;
    for (size_t k = 0; k < sizeof order / sizeof *order; k++)
      known |= strcmp(f->root->kids[i]->key, order[k]) == 0;
    if (!known)
      kids[n++] = f->root->kids[i];
  }
  f->root->kids = kids;
}

inode *imp_forms(arena *a, imp_msgs *m, ibook **books, size_t n_books,
                 imp_form form)
{
  F f = {.a = a, .m = m};
  f.root = node(a, IN_MAP, "");
  inode *v = node(a, IN_SCALAR, "auditgen");
  v->text = "1";
  v->plain = true;
  add_kid(a, f.root, v);
  /* lists first (their order is the order of the items), then the
     path/value rows that add to their items; 205-1 last: it stands for
     the boundary meters only of carriers no meter list or ledger gives,
     and for prices only where none is given */
  static const imp_form passes[] = {IMP_FORM_METERS, IMP_FORM_EQUIPMENT,
                                    IMP_FORM_OTHER, IMP_FORM_LEDGER,
                                    IMP_FORM_205};
  size_t read = 0;
  for (size_t p = 0; p < sizeof passes / sizeof *passes; p++)
    for (size_t b = 0; b < n_books; b++)
      for (size_t s = 0; s < books[b]->n; s++) {
        f.book = books[b];
        f.sheet = &books[b]->sheets[s];
        if (f.sheet->n == 0 || strcmp(f.sheet->name, "列表") == 0)
          continue; /* the intake workbook's drop-down lists */
        imp_form k = form != IMP_FORM_AUTO ? form : recognise(&f);
        if (k == IMP_FORM_AUTO) {
          if (p == 0 && strcmp(f.sheet->name, "说明") != 0 &&
              strncmp(f.sheet->name, "说明", 6) != 0)
            imp_warn(m, books[b]->csv ? books[b]->file
                                      : arena_printf(a, "%s:%s",
                                                     books[b]->file,
                                                     f.sheet->name),
                     "not a form auditgen reads (205-1, ledger, meters, "
                     "equipment): skipped; --form names what it is");
          continue;
        }
        if (k != passes[p])
          continue;
        read++;
        check_dates(&f);
        switch (k) {
        case IMP_FORM_205:
          /* a sheet named for a month ("3月", "2024年3月") is that month's */
          f.month = sheet_month(f.sheet->name);
          if (f.month && f.month_seen[f.month])
            imp_error(m, arena_printf(a, "%s:%s", books[b]->file,
                                      f.sheet->name),
                      "a second sheet for month %d", f.month);
          else {
            f.month_seen[f.month] = true;
            read_205(&f);
          }
          f.month = 0;
          break;
        case IMP_FORM_LEDGER: read_ledger(&f); break;
        case IMP_FORM_METERS: read_meters(&f); break;
        case IMP_FORM_EQUIPMENT: read_equipment(&f); break;
        case IMP_FORM_OTHER: read_other(&f); break;
        case IMP_FORM_AUTO: break;
        }
      }
  month_finish(&f, books[0]->file);
  if (read == 0 && m->errors == 0)
    imp_error(m, books[0]->file, "no sheet is a form auditgen reads "
              "(205-1, ledger, meters, equipment)");
  /* what the forms do not carry, where the sections have the shape the
     facility file gives them: a path sheet may have made one a scalar or
     a list (meters.id, facility[0]), or added a list item by its index
     with no id (meters[0].carrier); the loader says what is wrong with
     those, at the written file's line */
  inode *fac = child(&f, f.root, "facility", IN_MAP);
  if (fac->kind == IN_MAP) {
    inode *nm = map_get(fac, "name");
    if (!nm)
      placeholder(&f, fac, "name", "the enterprise's name {zh: …, en: …}");
    else if (nm->kind == IN_MAP && !map_get(nm, "en"))
      placeholder(&f, nm, "en", "the enterprise's name in English");
    placeholder(&f, fac, "industry", "cement, steel, aluminium, power, "
                "chemicals, building…");
    placeholder(&f, fac, "province", "the province, such as zhejiang");
  }
  inode *audit = child(&f, f.root, "audit", IN_MAP);
  if (audit->kind == IN_MAP && !map_get(audit, "period")) {
    inode *p = child(&f, audit, "period", IN_MAP);
    placeholder(&f, p, "from", "first day of the audit period, YYYY-MM-DD");
    placeholder(&f, p, "to", "last day of the audit period, YYYY-MM-DD");
  }
  inode *ms = map_get(f.root, "meters");
  for (size_t i = 0; ms && ms->kind == IN_SEQ && i < ms->n; i++) {
    inode *mt = ms->kids[i];
    if (mt->kind != IN_MAP)
      continue;
    inode *id = map_get(mt, "id");
    const char *who = id && id->kind == IN_SCALAR && id->text
                          ? arena_printf(a, "meter %s", id->text)
                          : arena_printf(a, "meters[%zu]", i);
    inode *nmm = map_get(mt, "name");
    if (nmm && nmm->kind == IN_MAP && map_get(nmm, "zh") &&
        !map_get(nmm, "en"))
      placeholder(&f, nmm, "en",
                  arena_printf(a, "%s's name in English", who));
    inode *inst = map_get(mt, "installed");
    bool none = inst && inst->text && strcmp(inst->text, "false") == 0;
    if (!none && !map_get(mt, "total") && !map_get(mt, "monthly") &&
        !map_get(mt, "register") && !map_get(mt, "series"))
      placeholder(&f, mt, "total",
                  arena_printf(a, "what %s measured in the period "
                               "(or monthly:, register:, series:)",
                               who));
  }
  inode *eq = map_get(f.root, "equipment");
  for (size_t i = 0; eq && eq->kind == IN_SEQ && i < eq->n; i++) {
    inode *nmm =
        eq->kids[i]->kind == IN_MAP ? map_get(eq->kids[i], "name") : NULL;
    if (nmm && nmm->kind == IN_MAP && map_get(nmm, "zh") &&
        !map_get(nmm, "en"))
      placeholder(&f, nmm, "en", "the equipment's name in English");
  }
  reorder(&f);
  return m->errors ? NULL : f.root;
}

/* {====================================================== shared lists */

const char *imp_carrier_zh(const char *key)
{
  for (size_t i = 0; i < sizeof CARRIERS / sizeof *CARRIERS; i++)
    if (strcmp(CARRIERS[i].key, key) == 0)
      return CARRIERS[i].name;
  return NULL;
}

bool imp_unit_known(const char *u) { return unit_find(u) != NULL; }

const char *imp_carrier_list(size_t i)
{
  /* one name per key: the first of each */
  size_t k = 0;
  for (size_t j = 0; j < sizeof CARRIERS / sizeof *CARRIERS; j++) {
    bool first = true;
    for (size_t p = 0; p < j; p++)
      first &= strcmp(CARRIERS[p].key, CARRIERS[j].key) != 0;
    if (first && k++ == i)
      return CARRIERS[j].name;
  }
  return NULL;
}

const char *imp_unit_list(size_t i)
{
  return i < sizeof UNITS / sizeof *UNITS ? UNITS[i].name : NULL;
}
