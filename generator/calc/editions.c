/* editions.c — which edition of each standard the audit applies, and
 * whether the rules hold that edition's values.
 *
 * Input: the register (rules/standards.yaml), the model's period and
 * report date, or the date of --as-of. Output: standards_applied[] of the
 * results; the GB/T 2589 coefficient of the edition in force for each
 * carrier; benchmarks and equipment grades withdrawn where the edition in
 * force is not the one the rules transcribe. Rule (README "Editions"):
 * a standard of values (selected_by: period) applies in the edition in
 * force on the period's last day, a standard of method (selected_by:
 * report) in the edition in force on the report date; a product or a
 * device is graded only against the edition in force; a conversion
 * coefficient of another edition is used only with a statement. */
#include "internal.h"

#include <string.h>

static const char *day_text(arena *a, date d)
{
  char buf[16];
  date_format(d, buf);
  return arena_strdup(a, buf);
}

/* The date a standard's edition is selected on, and how it was chosen. */
static date select_day(calc_ctx *c, bool by_report, const char **how)
{
  if (c->as_of) {
    *how = "as_of";
    return *c->as_of;
  }
  if (by_report && c->m->has_report_date) {
    *how = "report_date";
    return c->m->report_date;
  }
  *how = "period_end";
  return c->m->to;
}

static value *find_applied(calc_ctx *c, const char *code)
{
  for (size_t i = 0; i < c->applied->n; i++)
    if (strcmp(val_get(c->applied->items[i], "code")->str, code) == 0)
      return c->applied->items[i];
  return NULL;
}

/* The entry of standards_applied[] for code, made on first use. by_report
   is the selection rule when the register does not know the code. */
static value *applied(calc_ctx *c, const char *code, bool by_report)
{
  value *o = find_applied(c, code);
  if (o)
    return o;
  arena *a = c->a;
  const std_def *sd = factors_standard(c->f, code);
  const char *how;
  date day = select_day(c, sd ? sd->by_report : by_report, &how);
  const std_edition *e = sd ? factors_edition_at(sd, day) : NULL;
  /* before the first listed edition: the earlier one, when it is named */
  const char *earlier = sd && !e ? sd->earlier : NULL;
  o = val_obj(a);
  val_push(a, c->applied, o);
  val_set_str(a, o, "key", sd ? sd->key : code);
  val_set_str(a, o, "code", code);
  const char *desig = e         ? arena_printf(a, "%s-%s", code, e->edition)
                      : earlier ? arena_printf(a, "%s-%s", code, earlier)
                                : code;
  val_set_str(a, o, "designation", desig);
  if (e || earlier)
    val_set_str(a, o, "edition", e ? e->edition : earlier);
  else
    val_set_null(a, o, "edition");
  const text2 *title = e && e->has_title               ? &e->title
                       : earlier && sd->has_earlier_title ? &sd->earlier_title
                       : sd                               ? &sd->title
                                                          : NULL;
  val_set_str(a, o, "title_zh", title ? title->zh : "");
  val_set_str(a, o, "title_en", title ? title->en : "");
  if (e) {
    val_set_str(a, o, "in_force_from", day_text(a, e->in_force));
    val_set_bool(a, o, "in_force_verified", e->verified);
  } else {
    val_set_null(a, o, "in_force_from");
    val_set_null(a, o, "in_force_verified");
  }
  val_set_str(a, o, "selected_by", how);
  val_set_str(a, o, "date", day_text(a, day));
  const char *dz = day_text(a, day);
  const char *when_zh = strcmp(how, "as_of") == 0 ? "重新评估日期"
                        : strcmp(how, "report_date") == 0 ? "报告日期"
                                                          : "审计期末";
  const char *when_en = strcmp(how, "as_of") == 0 ? "on the re-assessment date"
                        : strcmp(how, "report_date") == 0
                            ? "on the report date"
                            : "at the end of the audit period";
  const char *zh, *en;
  if (!sd) {
    zh = arena_printf(a, "标准登记中没有%s的版本信息，采用规则所载版本。", code);
    en = arena_printf(a, "The register of standards has no editions of %s: "
                         "the edition of the rules is applied.",
                      code);
  } else if (earlier) {
    zh = arena_printf(a, "%s（%s）适用%s（其实施日期未列入标准登记；%s-%s于%s起实施）。",
                      when_zh, dz, desig, code, sd->ed[0].edition,
                      day_text(a, sd->ed[0].in_force));
    en = arena_printf(a, "%s applied %s (%s): the register gives no date "
                         "for it; %s-%s came into force on %s.",
                      desig, when_en, dz, code, sd->ed[0].edition,
                      day_text(a, sd->ed[0].in_force));
  } else if (!e) {
    zh = arena_printf(a, "%s（%s）尚无已实施的%s版本。", when_zh, dz, code);
    en = arena_printf(a, "No edition of %s was in force %s (%s).", code,
                      when_en, dz);
  } else {
    zh = arena_printf(a, "%s（%s）有效的版本为%s（%s起实施%s）。", when_zh, dz,
                      desig, day_text(a, e->in_force),
                      e->verified ? "" : "，实施日期未经标准文本核对");
    en = arena_printf(a, "%s (in force from %s%s) is the edition in force "
                         "%s (%s).",
                      desig, day_text(a, e->in_force),
                      e->verified ? ""
                                  : "; date not checked against the "
                                    "standard's text",
                      when_en, dz);
    /* A new edition that came into force inside the audit period. */
    long from = date_days(c->m->from);
    if (strcmp(how, "period_end") == 0 && date_days(e->in_force) > from &&
        e != sd->ed) {
      const std_edition *prev = e - 1;
      zh = arena_printf(a, "%s该版本于审计期内实施，本报告对整个审计期适用该版本；"
                           "此前适用%s-%s。",
                        zh, code, prev->edition);
      en = arena_printf(a, "%s It came into force within the audit period "
                           "and is applied to the whole period; %s-%s "
                           "applied before.",
                        en, code, prev->edition);
    }
  }
  val_set_str(a, o, "why_zh", zh);
  val_set_str(a, o, "why_en", en);
  val_set_null(a, o, "values_edition");
  val_set_null(a, o, "values_in_rules");
  val_set_str(a, o, "values_note_zh", "");
  val_set_str(a, o, "values_note_en", "");
  return o;
}

/* What the register says of the values of o's edition when the rules do
   not hold them (values_note of the edition or of earlier), or NULL. */
static const text2 *values_note(calc_ctx *c, const value *o)
{
  const value *ed = val_get(o, "edition");
  const std_def *sd = factors_standard(c->f, val_get(o, "code")->str);
  if (!sd || !ed || ed->kind != VAL_STR)
    return NULL;
  for (size_t i = 0; i < sd->n_ed; i++)
    if (strcmp(sd->ed[i].edition, ed->str) == 0)
      return sd->ed[i].has_values_note ? &sd->ed[i].values_note : NULL;
  if (sd->earlier && strcmp(sd->earlier, ed->str) == 0 &&
      sd->has_earlier_values_note)
    return &sd->earlier_values_note;
  return NULL;
}

/* Records which edition's values were used for o's standard. */
static void values_used(calc_ctx *c, value *o, const char *values_edition,
                        const char *zh, const char *en)
{
  arena *a = c->a;
  const char *desig = val_get(o, "designation")->str;
  bool same = values_edition && strcmp(values_edition, desig) == 0;
  if (values_edition)
    val_set_str(a, o, "values_edition", values_edition);
  val_set_bool(a, o, "values_in_rules", same);
  const text2 *note = same || !*zh ? NULL : values_note(c, o);
  if (note) {
    zh = arena_printf(a, "%s%s", zh, note->zh);
    en = arena_printf(a, "%s %s", en, note->en ? note->en : note->zh);
  }
  if (!same) {
    val_set_str(a, o, "values_note_zh", zh);
    val_set_str(a, o, "values_note_en", en);
  }
}

void calc_editions(calc_ctx *c)
{
  c->applied = val_arr(c->a);
  static const char *const codes[] = {"GB/T 17166", "GB/T 2589",
                                      "GB/T 13234", "GB/T 32150"};
  for (size_t i = 0; i < sizeof codes / sizeof *codes; i++)
    applied(c, codes[i], false);
}

const char *calc_std(calc_ctx *c, const char *code)
{
  return val_get(applied(c, code, false), "designation")->str;
}

const char *calc_std_in_force(calc_ctx *c, const char *code)
{
  const value *o = find_applied(c, code);
  if (o)
    return val_get(o, "designation")->str;
  const std_def *sd = factors_standard(c->f, code);
  const char *how;
  const std_edition *e =
      sd ? factors_edition_at(sd, select_day(c, sd->by_report, &how)) : NULL;
  if (!e && sd && sd->earlier)
    return arena_printf(c->a, "%s-%s", code, sd->earlier);
  return e ? arena_printf(c->a, "%s-%s", code, e->edition) : NULL;
}

const char *calc_std_clause(calc_ctx *c, const char *code, const char *rest)
{
  return arena_printf(c->a, "%s%s", calc_std(c, code), rest);
}

/* {====================================================== GB/T 2589 */

void calc_edition_coefficient(calc_ctx *c, carrier_fig *cf)
{
  const carrier_def *d = cf->def;
  value *o = applied(c, "GB/T 2589", false);
  const value *ed = val_get(o, "edition");
  cf->coef_edition = d->edition;
  if (!d->edition || ed->kind != VAL_STR)
    return;
  const char *want = val_get(o, "designation")->str;
  if (strcmp(d->edition, want) == 0)
    return;
  for (size_t i = 0; i < d->n_alts; i++)
    if (strcmp(d->alts[i].edition, want) == 0) {
      cf->coefficient = d->alts[i].coef_kgce;
      cf->coef_source = d->alts[i].source.en;
      cf->coef_source_zh =
          d->alts[i].source.zh ? d->alts[i].source.zh : d->alts[i].source.en;
      cf->coef_verified = d->alts[i].verified;
      cf->coef_edition = d->alts[i].edition;
      cf->coef_cite = d->alts[i].citation;
      cf->coef_checked = NULL; /* a firm's mark is on the carrier's own value */
      return;
    }
}

/* After the energy section: which carriers use another edition's
   coefficient than the one in force. */
static void coefficients_summary(calc_ctx *c)
{
  arena *a = c->a;
  value *o = applied(c, "GB/T 2589", false);
  const char *want = val_get(o, "designation")->str;
  const char *other = NULL;
  const char *zh = "", *en = "";
  size_t n = 0, used = 0;
  for (size_t k = 0; k < c->n_carriers; k++) {
    carrier_fig *cf = &c->carriers[k];
    if (!cf->def || strcmp(cf->coef_basis, "reference") != 0 ||
        !cf->coef_edition)
      continue;
    used++;
    if (strcmp(cf->coef_edition, want) == 0)
      continue;
    other = cf->coef_edition;
    zh = arena_printf(a, "%s%s%s（%s）", zh, n ? "、" : "",
                      calc_carrier_name(c, cf, true), cf->coef_edition);
    en = arena_printf(a, "%s%s%s (%s)", en, n ? ", " : "",
                      calc_carrier_name(c, cf, false), cf->coef_edition);
    n++;
  }
  if (!used)
    return; /* no reference coefficient is used: nothing to say */
  values_used(c, o, n ? other : want,
              arena_printf(a, "%s的折标准煤系数未收入规则，以下能源品种采用其他版本的系数：%s。",
                           want, zh),
              arena_printf(a, "The conversion coefficients of %s are not in "
                              "the rules; these carriers use the coefficient "
                              "of another edition: %s.",
                           want, en));
}

/* }====================================================== */
/* {====================================================== grades */

/* Whether a table transcribing designation may grade the period: the
   edition in force is that one. Fills o (standards_applied entry). */
static bool edition_fits(calc_ctx *c, const char *designation, date in_force,
                         bool has_in_force, const text2 *title, value **entry)
{
  arena *a = c->a;
  const char *code, *ed;
  if (!factors_designation(a, designation, &code, &ed)) {
    *entry = NULL;
    return true;
  }
  value *o = applied(c, code, false);
  *entry = o;
  /* a standard the register does not list takes the table's title */
  if (title && title->zh && !*val_get(o, "title_zh")->str) {
    val_set_str(a, o, "title_zh", title->zh);
    val_set_str(a, o, "title_en", title->en ? title->en : title->zh);
  }
  const value *e = val_get(o, "edition");
  if (e->kind == VAL_STR)
    return strcmp(e->str, ed) == 0;
  if (factors_standard(c->f, code))
    return false; /* no edition in force yet */
  /* Not in the register: the table's own date decides. */
  const char *how;
  date day = select_day(c, false, &how);
  if (has_in_force && date_days(in_force) > date_days(day)) {
    val_set_str(a, o, "why_zh",
                arena_printf(a, "%s于%s起实施，%s（%s）适用其前一版本，该版本不在标准登记中。",
                             designation, day_text(a, in_force),
                             strcmp(how, "as_of") == 0 ? "重新评估日期"
                                                       : "审计期末",
                             day_text(a, day)));
    val_set_str(a, o, "why_en",
                arena_printf(a, "%s came into force on %s; on %s the earlier "
                                "edition applied, which is not in the "
                                "register of standards.",
                             designation, day_text(a, in_force),
                             day_text(a, day)));
    return false;
  }
  val_set_str(a, o, "designation", designation);
  val_set_str(a, o, "edition", ed);
  return true;
}

bool calc_benchmark_applies(calc_ctx *c, const benchmark *b)
{
  value *o;
  return edition_fits(c, b->standard, b->in_force, b->has_in_force, &b->title,
                      &o);
}

static void ungrade(calc_ctx *c, value *o)
{
  val_set_null(c->a, o, "grade");
  val_set_null(c->a, o, "meets_limit");
  /* the mark in words follows: not graded, whatever the later edition's
     grades would say (they are printed for reference only) */
  if (val_get(o, "status")) {
    val_set_str(c->a, o, "status", "not_graded");
    val_set_str(c->a, o, "status_zh", "未对标");
    val_set_str(c->a, o, "status_en", "Not graded");
  }
  if (val_get(o, "savings_potential_tce"))
    val_set_null(c->a, o, "savings_potential_tce");
  /* a transformer's grade by each loss goes with the grade */
  static const char *const by_loss[] = {"grade_no_load", "grade_load",
                                        "grade_set_by"};
  for (size_t i = 0; i < 3; i++)
    if (val_get(o, by_loss[i]))
      val_set_null(c->a, o, by_loss[i]);
}

void calc_editions_products(calc_ctx *c)
{
  arena *a = c->a;
  value *prods = val_path(c->root, "energy.products");
  for (size_t i = 0; prods && i < prods->n; i++) {
    value *bm = val_get(prods->items[i], "benchmark");
    const value *std = bm ? val_get(bm, "standard") : NULL;
    if (!std || std->kind != VAL_STR)
      continue;
    /* the entry whose limits were compared: the base benchmark or its
       entry of another edition (standards.c) */
    const char *key = val_get(bm, "key")->str;
    const benchmark *b = factors_benchmark_edition(c->f, key, std->str);
    if (!b)
      b = factors_benchmark(c->f, key);
    value *o;
    bool fits = edition_fits(c, std->str, b ? b->in_force : c->m->to,
                             b && b->has_in_force, b ? &b->title : NULL, &o);
    val_set_bool(a, bm, "graded", fits);
    if (!o)
      continue;
    val_set(a, bm, "edition_in_force", val_get(o, "designation"));
    const char *in_force = val_get(o, "designation")->str;
    /* the designation is the bare code when the edition in force is not
       in the register */
    bool bare = val_get(o, "edition")->kind != VAL_STR;
    const char *in_force_zh =
        bare ? arena_printf(a, "%s的前一版本", in_force) : in_force;
    const char *in_force_en =
        bare ? arena_printf(a, "the earlier edition of %s", in_force)
             : in_force;
    if (fits) {
      if (!val_get(o, "values_edition") ||
          val_get(o, "values_edition")->kind == VAL_NULL)
        values_used(c, o, std->str, "", "");
      continue;
    }
    ungrade(c, bm);
    value *inds = val_get(bm, "indicators");
    for (size_t j = 0; inds && j < inds->n; j++)
      ungrade(c, inds->items[j]);
    const char *zh = arena_printf(
        a, "适用的%s的限额值未收入规则，产品未对标；所列%s各级值仅供参考。",
        in_force_zh, std->str);
    const char *en = arena_printf(
        a, "The limit values of %s, which applies, are not in the rules: "
           "the products are not graded; the grades of %s shown are for "
           "reference only.",
        in_force_en, std->str);
    values_used(c, o, std->str, zh, en);
    const value *id = val_get(prods->items[i], "id");
    /* the statement with what the register says of the values */
    calc_note(c, arena_printf(a, "energy.products[%s].benchmark",
                              id ? id->str : ""),
              val_get(o, "values_note_zh")->str,
              val_get(o, "values_note_en")->str);
  }
}

static void equipment_editions(calc_ctx *c)
{
  arena *a = c->a;
  value *arr = val_get(c->root, "equipment");
  for (size_t i = 0; arr && i < arr->n; i++) {
    value *e = arr->items[i];
    const value *std = val_get(e, "standard");
    if (!std || std->kind != VAL_STR)
      continue;
    value *o;
    const value *kind = val_get(e, "kind");
    const eq_kind *k = kind ? factors_equipment(c->f, kind->str) : NULL;
    bool fits = edition_fits(c, std->str, c->m->to, false,
                             k ? &k->title : NULL, &o);
    if (!o)
      continue;
    const char *in_force = val_get(o, "designation")->str;
    if (fits) {
      if (val_get(o, "values_edition")->kind == VAL_NULL)
        values_used(c, o, std->str, "", "");
      continue;
    }
    /* why the rules hold no table of it, when the kind says */
    const text2 *why = factors_equipment_missing(k, in_force);
    /* the designation is the bare code when the edition in force is not
       in the register (an edition before the first one listed) */
    if (val_get(o, "edition")->kind != VAL_STR)
      in_force = arena_printf(a, "%s的前一版本", in_force);
    const char *in_force_en =
        val_get(o, "edition")->kind != VAL_STR
            ? arena_printf(a, "the earlier edition of %s",
                           val_get(o, "designation")->str)
            : in_force;
    const char *zh = arena_printf(
        a, "适用的%s的能效等级值未收入规则，设备未评级（%s的数值不适用于本审计期）",
        in_force, std->str);
    const char *en = arena_printf(
        a, "the grades of %s, which applies, are not in the rules (those of "
           "%s do not apply to this period)",
        in_force_en, std->str);
    const char *vzh = arena_printf(a, "%s。", zh);
    const char *ven = arena_printf(a, "The grades of %s, which applies, are "
                                      "not in the rules: equipment under it "
                                      "is not graded.",
                                   in_force_en);
    if (why) {
      zh = arena_printf(a, "%s。%s", zh, why->zh);
      en = arena_printf(a, "%s. %s", en, why->en ? why->en : why->zh);
      vzh = arena_printf(a, "%s%s", vzh, why->zh);
      ven = arena_printf(a, "%s %s", ven, why->en ? why->en : why->zh);
      /* the reason is a sentence; the note adds its own full stop */
      size_t lz = strlen(zh), le = strlen(en);
      if (lz >= 3 && strcmp(zh + lz - 3, "。") == 0)
        zh = arena_strndup(a, zh, lz - 3);
      if (le && en[le - 1] == '.')
        en = arena_strndup(a, en, le - 1);
    }
    values_used(c, o, std->str, vzh, ven);
    if (val_get(e, "not_graded_zh"))
      continue; /* already not graded, for its own reason */
    ungrade(c, e);
    val_set_str(a, e, "not_graded_zh", zh);
    val_set_str(a, e, "not_graded_en", en);
    const value *nz = val_get(e, "name_zh"), *ne = val_get(e, "name_en");
    const value *id = val_get(e, "id");
    calc_note(c, arena_printf(a, "equipment[%s].grade", id->str),
              arena_printf(a, "设备%s未评级：%s。", nz ? nz->str : id->str, zh),
              arena_printf(a, "%s is not graded: %s.", ne ? ne->str : id->str,
                           en));
  }
}

/* GB 17167: the coverage and accuracy tables of the rules' edition are
   applied with a statement when another edition is in force (the
   metering facts do not change; the requirement may have). */
static void metering_edition(calc_ctx *c)
{
  arena *a = c->a;
  const value *std = val_path(c->root, "metering.standard");
  if (!std || std->kind != VAL_STR)
    return;
  value *o;
  bool fits = edition_fits(c, std->str, c->m->to, false, NULL, &o);
  if (!o)
    return;
  const char *in_force = val_get(o, "designation")->str;
  values_used(c, o, std->str,
              fits ? ""
                   : arena_printf(a, "适用的%s的表格未收入规则，计量器具配备率和准确度按%s核查，结论须按%s复核。",
                                  in_force, std->str, in_force),
              fits ? ""
                   : arena_printf(a, "The tables of %s, which applies, are not "
                                     "in the rules: metering coverage and "
                                     "accuracy were checked against %s and "
                                     "must be confirmed against %s.",
                                  in_force, std->str, in_force));
}

/* }====================================================== */

void calc_editions_finish(calc_ctx *c)
{
  coefficients_summary(c);
  metering_edition(c);
  equipment_editions(c);
  val_set(c->a, c->root, "standards_applied", c->applied);
}
