/* report.c — templates → document tree → layout → PDF (see report.h).
 *
 * Input: results, templates, style; output: PDF bytes. The style file's
 * millimetres become the layout's points here, and the document
 * information follows the report's language, the facility's name and
 * its auditor (else the style's firm). */
#include "report.h"

#include <stdlib.h>
#include <string.h>

#include "../base/fileio.h"

#include "../docx/docx.h"
#include "../pdf/pdf.h"
#include "../xlsx/xlsx.h"
#include "../rules/checks.h"

const char *report_lang_name(lay_lang lang)
{
  switch (lang) {
  case LANG_ZH:
    return "zh";
  case LANG_EN:
    return "en";
  case LANG_BILINGUAL:
    break;
  }
  return "bilingual";
}

/* The layout's settings from the firm's style file. */
static lay_style layout_style(const style_file *sf)
{
  const double pt_per_mm = 72.0 / 25.4;
  lay_style ls = lay_default_style();
  ls.margin_top = sf->margin_top * pt_per_mm;
  ls.margin_bottom = sf->margin_bottom * pt_per_mm;
  ls.margin_left = sf->margin_left * pt_per_mm;
  ls.margin_right = sf->margin_right * pt_per_mm;
  ls.body_size = sf->body_size;
  ls.line_spacing = sf->line_spacing;
  ls.color_primary = sf->primary;
  ls.color_band = sf->band;
  ls.color_text = sf->text;
  ls.color_secondary = sf->secondary;
  ls.color_rule = sf->rule;
  ls.firm_zh = sf->firm.zh;
  ls.firm_en = sf->firm.en;
  ls.report_no = sf->report_no;
  ls.logo = sf->logo;
  return ls;
}

/* A string of the results, or NULL. */
static const char *str_at(const value *results, const char *path)
{
  const value *v = val_path(results, path);
  return v && v->kind == VAL_STR && *v->str ? v->str : NULL;
}

/* Text in the report's language: one of the two, or both ("zh / en") in
   a bilingual report when they differ. */
static const char *in_lang(arena *a, lay_lang lang, const char *zh,
                           const char *en)
{
  if (lang == LANG_ZH)
    return zh;
  if (lang == LANG_EN)
    return en;
  return strcmp(zh, en) == 0 ? zh : arena_printf(a, "%s / %s", zh, en);
}

/* The document information: the title, subject and keywords in the
   report's language (both in a bilingual one), the author the auditor
   that the facility file names, as the cover does, else the style's
   firm. */
static void report_info(arena *a, const value *results, const style_file *sf,
                        lay_lang lang, doc_info *info)
{
  memset(info, 0, sizeof *info);
  const char *name_zh = str_at(results, "facility.name.zh");
  const char *name_en = str_at(results, "facility.name.en");
  bool group = !name_zh && !name_en && str_at(results, "group.name.zh");
  if (group) { /* a group's results (rollup) */
    name_zh = str_at(results, "group.name.zh");
    name_en = str_at(results, "group.name.en");
  }
  name_zh = name_zh ? name_zh : name_en ? name_en : "";
  name_en = name_en ? name_en : name_zh;
  info->title = in_lang(
      a, lang,
      arena_printf(a, "%s——%s",
                   group ? "集团能源消费与碳排放合并报告"
                         : "能源审计报告（及碳排放审计）",
                   name_zh),
      arena_printf(a, "%s - %s",
                   group ? "Consolidated Energy and Carbon Report of the Group"
                         : "Energy Audit Report and Carbon Audit",
                   name_en));
  const char *aud_zh = str_at(results, "audit.auditor.zh");
  const char *aud_en = str_at(results, "audit.auditor.en");
  if (!aud_zh && !aud_en) {
    aud_zh = sf->firm.zh;
    aud_en = sf->firm.en;
  }
  aud_zh = aud_zh && *aud_zh ? aud_zh : aud_en ? aud_en : "";
  aud_en = aud_en && *aud_en ? aud_en : aud_zh;
  info->author = in_lang(a, lang, aud_zh, aud_en);
  info->subject = in_lang(
      a, lang, "能源审计（GB/T 17166）及碳排放审计（GB/T 32150）",
      "Energy audit (GB/T 17166) and carbon audit (GB/T 32150)");
  info->keywords =
      in_lang(a, lang, "能源审计；碳排放审计；GB/T 17166；GB/T 2589",
              "energy audit; carbon audit; GB/T 17166; GB/T 2589");
}

/* The images of the document (evidence) as real paths: a file the
   facility file named, still inside its folder. False after a diagnostic
   when one has gone or moved out since the facility was read. */
static bool resolve_images(arena *a, diag_list *dl, doc *d, const char *dir)
{
  bool ok = true;
  for (size_t i = 0; i < d->n; i++) {
    doc_image *im = d->blocks[i].kind == DOC_IMAGE ? d->blocks[i].image : NULL;
    if (!im)
      continue;
    const char *full = im->file[0] == '/' || !dir
                           ? im->file
                           : arena_printf(a, "%s/%s", dir, im->file);
    bool outside = false;
    int err = 0;
    char *real = file_resolve_inside(dir ? (*dir ? dir : "/") : ".", full,
                                     &outside, &err);
    if (!real) {
      diag_error(dl, src_none(), "evidence %s: %s", im->file,
                 outside ? "is no longer inside the facility file's folder"
                         : file_strerror(err));
      ok = false;
      continue;
    }
    im->file = arena_strdup(a, real);
    free(real);
  }
  return ok;
}

/* The document tree of the results: the report's own fields (the firm,
   the report number, the language, exercise) added under results.report,
   the templates expanded. NULL when a budget of the expansion ran out. */
static doc *expand(arena *a, diag_list *dl, const tmpl *t, const style_file *sf,
                   value *results, const report_opts *o)
{
  value *rep = val_set(a, results, "report", val_obj(a));
  value *firm = val_set(a, rep, "firm", val_obj(a));
  val_set_str(a, firm, "zh", sf->firm.zh);
  val_set_str(a, firm, "en", sf->firm.en);
  val_set_str(a, rep, "report_no", sf->report_no);
  val_set_str(a, rep, "lang", report_lang_name(o->lang));
  val_set_bool(a, rep, "exercise", o->exercise);
  if (o->exercise)
    checks_blank_texts(a, results); /* findings state computed figures */
  doc *d = tmpl_expand(a, dl, t, results, o->exercise);
  if (!d || !resolve_images(a, dl, d, o->facility_dir))
    return NULL;
  d->author = sf->firm.en;
  return d;
}

report_status report_render_pdf(arena *a, diag_list *dl, const tmpl *t,
                                const style_file *sf, value *results,
                                const report_opts *o, buf *out, size_t *pages)
{
  *pages = 0;
  doc *d = expand(a, dl, t, sf, results, o);
  if (!d) /* a budget of the expansion ran out: before any page */
    return REPORT_INPUT;
  pdf_fonts fonts = {sf->font_cjk, sf->font_latin, sf->font_latin_bold};
  pdf_writer *w = pdf_new(dl, &fonts);
  if (!w)
    return REPORT_IO;
  lay_style ls = layout_style(sf);
  layout *lay = layout_run(a, d, &ls, o->lang, pdf_measure, w);
  pdf_info info;
  report_info(a, results, sf, o->lang, &info);
  info.has_date = o->has_date;
  info.epoch = o->epoch;
  bool rendered = pdf_render(w, lay, &info, out);
  pdf_free(w);
  *pages = lay->n;
  return rendered ? REPORT_OK : REPORT_IO;
}

report_status report_render_docx(arena *a, diag_list *dl, const tmpl *t,
                                 const style_file *sf, value *results,
                                 const report_opts *o, buf *out)
{
  doc *d = expand(a, dl, t, sf, results, o);
  if (!d)
    return REPORT_INPUT;
  /* the charts place their labels by width: measured with the PDF's
     faces, which Word's differ from; the drawing leaves room for that */
  pdf_fonts fonts = {sf->font_cjk, sf->font_latin, sf->font_latin_bold};
  pdf_metrics *m = pdf_metrics_new(dl, &fonts);
  if (!m)
    return REPORT_IO;
  lay_style ls = layout_style(sf);
  docx_fonts df = {sf->word_cjk, sf->word_cjk_heading, sf->word_latin};
  doc_info info; /* the same document information as the PDF's */
  report_info(a, results, sf, o->lang, &info);
  info.has_date = o->has_date;
  info.epoch = o->epoch;
  bool ok = docx_write(a, dl, d, &ls, &df, o->lang, pdf_metrics_measure, m,
                       &info, out);
  pdf_metrics_free(m);
  return ok ? REPORT_OK : REPORT_IO;
}

report_status report_render_xlsx(arena *a, diag_list *dl, const tmpl *t,
                                 const style_file *sf, value *results,
                                 const report_opts *o, buf *out)
{
  doc *d = expand(a, dl, t, sf, results, o);
  if (!d)
    return REPORT_INPUT;
  doc_info info; /* the same document information as the PDF's */
  report_info(a, results, sf, o->lang, &info);
  info.has_date = o->has_date;
  info.epoch = o->epoch;
  size_t nforms = 0;
  const form_grid *forms = NULL;
  if (o->forms && !o->exercise) { /* an exercise has no filled forms */
    forms = forms_fill(a, dl, o->forms, results, &nforms);
    if (!forms)
      return REPORT_INPUT;
  }
  return xlsx_write(a, dl, d, results, forms, nforms, o->lang, &info, out)
             ? REPORT_OK
             : REPORT_IO;
}
