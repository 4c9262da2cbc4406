/* docx.c — the document tree as WordprocessingML (see docx.h).
 *
 * One pass over the blocks writes word/document.xml; the other parts
 * (styles, numbering, settings, header, footer, properties, relations) are
 * fixed markup around the style's values. Units: Word measures in twips
 * (1/20 pt) and half-points, DrawingML in EMU (12,700 per point). */
#include "docx.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../base/bytes.h"
#include "../base/fileio.h"
#include "../base/image.h"
#include "../base/opc.h"
#include "../base/xml.h"
#include "../base/zipw.h"
#include "../chart/chart.h"
#include "../template/docnum.h"

#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_A "http://schemas.openxmlformats.org/drawingml/2006/main"
#define NS_WP \
  "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
#define NS_PIC "http://schemas.openxmlformats.org/drawingml/2006/picture"
#define NS_WPS "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
#define NS_WPG "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"
#define NS_MC "http://schemas.openxmlformats.org/markup-compatibility/2006"

/* The firm's logo on the cover: at most 45 × 15 mm, as in the PDF. */
#define LOGO_W_MM 45.0
#define LOGO_H_MM 15.0
#define MM (72.0 / 25.4)

typedef struct W {
  arena *a;
  diag_list *dl;
  const doc *d;
  const lay_style *st;
  const docx_fonts *f;
  lay_lang lang;
  lay_measure m;
  void *ctx;
  buf body;          /* word/document.xml */
  doc_numbers num;
  int bookmark;      /* next bookmark id (headings, for the TOC) */
  int shape;         /* next drawing object id */
  bool page_top;     /* nothing written on the current page yet */
  bool in_cover;
  double text_w;     /* points between the margins */
  bool logo;         /* the package holds word/media/logo.png */
  double logo_w, logo_h; /* points */
  /* the pictures of the document (evidence): their checked bytes, to be
     stored as word/media/imageN.png or .jpeg */
  char **media;
  size_t *media_len;
  bool *media_jpeg;
  size_t n_media;
  bool failed;       /* a picture could not be read */
} W;

static long twips(double pt) { return lround(pt * 20); }
static long long emu(double pt) { return llround(pt * 12700); }
static long half_points(double pt) { return lround(pt * 2); }

static bool differs(doc_text t)
{
  return t.zh && t.en && strcmp(t.zh, t.en) != 0;
}

static const char *pick(const W *w, doc_text t)
{
  const char *zh = t.zh ? t.zh : "", *en = t.en ? t.en : zh;
  return w->lang == LANG_EN ? en : zh;
}

/* {====================================================== runs, paragraphs */

/* Whether text needs xml:space="preserve": a space at either end, two
   in a row, or a tab or line break anywhere (Word drops or merges white
   space otherwise). */
static bool keeps_spaces(const char *text)
{
  size_t n = strlen(text);
  if (!n)
    return false;
  if (text[0] == ' ' || text[n - 1] == ' ' || strpbrk(text, "\t\n\r"))
    return true;
  return strstr(text, "  ") != NULL;
}

/* A run of text with optional properties (rpr: markup inside <w:rPr>). */
static void run(W *w, const char *rpr, const char *text)
{
  buf *b = &w->body;
  buf_puts(b, "<w:r>");
  if (rpr && *rpr) {
    buf_puts(b, "<w:rPr>");
    buf_puts(b, rpr);
    buf_puts(b, "</w:rPr>");
  }
  /* spaces kept as they are only where Word would drop or merge them */
  buf_puts(b, keeps_spaces(text) ? "<w:t xml:space=\"preserve\">" : "<w:t>");
  xml_text(b, text);
  buf_puts(b, "</w:t></w:r>");
}

/* A paragraph of one run in style; ppr and rpr are extra properties. */
static void para(W *w, const char *style, const char *ppr, const char *rpr,
                 const char *text)
{
  buf *b = &w->body;
  buf_printf(b, "<w:p><w:pPr><w:pStyle w:val=\"%s\"/>%s</w:pPr>", style,
             ppr ? ppr : "");
  if (text && *text)
    run(w, rpr, text);
  buf_puts(b, "</w:p>");
  w->page_top = false;
}

/* The text in the output language; in bilingual mode the English
   follows in its own paragraph (style_en) when it differs. */
static void text_paras(W *w, doc_text t, const char *style,
                       const char *style_en, const char *ppr)
{
  if (w->lang == LANG_BILINGUAL && differs(t)) {
    para(w, style, ppr, NULL, t.zh);
    para(w, style_en, ppr, NULL, t.en);
  } else {
    para(w, style, ppr, NULL, pick(w, t));
  }
}

static void page_break(W *w)
{
  if (w->page_top)
    return;
  buf_puts(&w->body, "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>");
  w->page_top = true;
}

/* }====================================================== */
/* {====================================================== headings, contents */

static void heading(W *w, const doc_block *b)
{
  int level = b->level < 1 ? 1 : b->level > 3 ? 3 : b->level;
  char num[32];
  doc_number_heading(&w->num, b, num, sizeof num);
  const char *zh = b->text.zh ? b->text.zh : "", *en = b->text.en ? b->text.en : zh;
  const char *pre_zh = "", *pre_en = "";
  if (b->appendix) {
    pre_zh = arena_printf(w->a, "附录%c ", b->appendix);
    pre_en = arena_printf(w->a, "Appendix %c ", b->appendix);
  } else if (*num) {
    pre_zh = pre_en = arena_printf(w->a, "%s ", num);
  }
  /* a chapter starts a page, unless the page is still empty */
  bool new_page = level == 1 && !w->in_cover && !w->page_top;
  buf *b2 = &w->body;
  buf_printf(b2, "<w:p><w:pPr><w:pStyle w:val=\"Heading%d\"/>%s</w:pPr>", level,
             new_page ? "<w:pageBreakBefore/>" : "");
  int id = w->bookmark++;
  buf_printf(b2, "<w:bookmarkStart w:id=\"%d\" w:name=\"_Toc%d\"/>", id, id);
  if (w->lang == LANG_EN) {
    run(w, NULL, arena_printf(w->a, "%s%s", pre_en, en));
  } else {
    run(w, NULL, arena_printf(w->a, "%s%s", pre_zh, zh));
    if (w->lang == LANG_BILINGUAL && strcmp(zh, en) != 0) {
      buf_puts(b2, "<w:r><w:br/></w:r>");
      run(w, arena_printf(w->a, "<w:b w:val=\"0\"/><w:sz w:val=\"%ld\"/>",
                          half_points(level == 1 ? 13.5 : level == 2 ? 10.5 : 9)),
          arena_printf(w->a, "%s%s", pre_en, en));
    }
  }
  buf_printf(b2, "<w:bookmarkEnd w:id=\"%d\"/></w:p>", id);
  w->page_top = false;
}

/* The contents as a TOC field over heading levels 1–2. Its cached result
   lists the headings with PAGEREF fields to their bookmarks, so a reader
   that does not rebuild the field still shows every entry with its page;
   Word rebuilds it on opening (settings: updateFields). */
static void contents(W *w)
{
  page_break(w);
  const char *title = w->lang == LANG_EN          ? "Contents"
                      : w->lang == LANG_BILINGUAL ? "目  录  Contents"
                                                  : "目  录";
  para(w, "TOCHeading", NULL, NULL, title);
  buf *b = &w->body;
  /* the bookmarks the headings will get, in order */
  doc_numbers n = w->num;
  int id = w->bookmark;
  bool first = true;
  for (size_t i = 0; i < w->d->n; i++) {
    const doc_block *hb = &w->d->blocks[i];
    if (hb->kind != DOC_HEADING)
      continue;
    char num[32];
    doc_number_heading(&n, hb, num, sizeof num);
    int this_id = id++;
    if (hb->level > 2)
      continue;
    const char *zh = hb->text.zh ? hb->text.zh : "",
               *en = hb->text.en ? hb->text.en : zh;
    const char *pre_zh = "", *pre_en = "";
    if (hb->appendix) {
      pre_zh = arena_printf(w->a, "附录%c ", hb->appendix);
      pre_en = arena_printf(w->a, "Appendix %c ", hb->appendix);
    } else if (*num) {
      pre_zh = pre_en = arena_printf(w->a, "%s ", num);
    }
    const char *text =
        w->lang == LANG_EN ? arena_printf(w->a, "%s%s", pre_en, en)
        : w->lang == LANG_BILINGUAL && strcmp(zh, en) != 0
            ? arena_printf(w->a, "%s%s  %s", pre_zh, zh, en)
            : arena_printf(w->a, "%s%s", pre_zh, zh);
    buf_printf(b, "<w:p><w:pPr><w:pStyle w:val=\"TOC%d\"/></w:pPr>",
               hb->level);
    if (first) {
      buf_puts(b, "<w:r><w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\"/>"
                  "</w:r><w:r><w:instrText xml:space=\"preserve\"> TOC \\o \"1-2\" "
                  "\\h \\z \\u </w:instrText></w:r>"
                  "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>");
      first = false;
    }
    buf_printf(b, "<w:hyperlink w:anchor=\"_Toc%d\" w:history=\"1\">",
               this_id);
    run(w, NULL, text);
    buf_printf(b,
               "<w:r><w:tab/></w:r>"
               "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
               "<w:r><w:instrText xml:space=\"preserve\"> PAGEREF _Toc%d \\h "
               "</w:instrText></w:r>"
               "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
               "<w:r><w:t></w:t></w:r>"
               "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
               "</w:hyperlink></w:p>",
               this_id);
  }
  if (first) /* no headings: the field alone, for Word to fill */
    buf_puts(b, "<w:p><w:r><w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\"/>"
                "</w:r><w:r><w:instrText xml:space=\"preserve\"> TOC \\o \"1-2\" "
                "\\h \\z \\u </w:instrText></w:r>"
                "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
                "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>");
  else
    buf_puts(b, "<w:p><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>");
  w->page_top = false;
  page_break(w);
}

/* }====================================================== */
/* {====================================================== tables */

/* Tables this short are kept on one page (as the PDF keeps them). */
#define KEEP_TOGETHER_ROWS 12

static void caption(W *w, const char *zh_word, const char *en_word,
                    const char *num, doc_text c, bool keep_next)
{
  if (!c.zh && !c.en)
    return;
  const char *zh = c.zh ? c.zh : c.en, *en = c.en ? c.en : zh;
  const char *ppr = keep_next ? "<w:keepNext/>" : "";
  if (w->lang != LANG_EN)
    para(w, "Caption", ppr, NULL,
         arena_printf(w->a, "%s %s  %s", zh_word, num, zh));
  if (w->lang == LANG_EN)
    para(w, "Caption", ppr, NULL,
         arena_printf(w->a, "%s %s  %s", en_word, num, en));
  else if (w->lang == LANG_BILINGUAL && strcmp(zh, en) != 0)
    para(w, "CaptionEn", ppr, NULL,
         arena_printf(w->a, "%s %s  %s", en_word, num, en));
}

static const char *jc_of(doc_align al)
{
  return al == ALIGN_NUMBER ? "right" : al == ALIGN_CENTER ? "center" : "left";
}

/* One cell: its width, shading, the top rule of a total row, and the
   text (two paragraphs in bilingual mode). */
/* A table cell's paragraph properties: keep-with-next, alignment. */
static void cell_ppr(buf *b, const char *jc, bool keep)
{
  if (keep)
    buf_puts(b, "<w:keepNext/>");
  if (strcmp(jc, "left") != 0) { /* left: the TableText style's own */
    buf_puts(b, "<w:jc w:val=\"");
    buf_puts(b, jc);
    buf_puts(b, "\"/>");
  }
  buf_puts(b, "</w:pPr>");
}

/* One cell of a table (written piece by piece, not formatted: a report
   has thousands). */
static void cell(W *w, doc_text t, long width, const char *jc, bool head,
                 bool total, bool keep)
{
  buf *b = &w->body;
  char num[24];
  snprintf(num, sizeof num, "%ld", width);
  buf_puts(b, "<w:tc><w:tcPr><w:tcW w:w=\"");
  buf_puts(b, num);
  buf_puts(b, "\" w:type=\"dxa\"/>");
  if (total)
    buf_puts(b, "<w:tcBorders><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" "
                "w:color=\"auto\"/></w:tcBorders>");
  if (head)
    buf_printf(b, "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"%06X\"/>",
               (unsigned)w->st->color_band);
  buf_puts(b, "</w:tcPr>");
  const char *rpr = head || total ? "<w:b/>" : NULL;
  const char *zh = t.zh ? t.zh : "", *en = t.en ? t.en : zh;
  buf_puts(b, "<w:p><w:pPr><w:pStyle w:val=\"TableText\"/>");
  cell_ppr(b, jc, keep);
  if (w->lang == LANG_BILINGUAL && differs(t)) {
    run(w, rpr, zh);
    buf_puts(b, "</w:p><w:p><w:pPr><w:pStyle w:val=\"TableTextEn\"/>");
    cell_ppr(b, jc, keep);
    run(w, rpr, en);
  } else {
    const char *s = w->lang == LANG_EN ? en : zh;
    if (*s)
      run(w, rpr, s);
  }
  buf_puts(b, "</w:p></w:tc>");
}

static void table(W *w, const doc_table *t)
{
  size_t nc = t->ncols;
  char num[32];
  doc_number_table(&w->num, num, sizeof num);
  if (!nc)
    return;
  caption(w, "表", "Table", num, t->caption, true);
  double total = 0;
  for (size_t c = 0; c < nc; c++)
    total += t->weight[c] > 0 ? t->weight[c] : 1;
  long *wd = ARENA_ARRAY(w->a, long, nc);
  long full = twips(w->text_w);
  for (size_t c = 0; c < nc; c++)
    wd[c] = lround((double)full * (t->weight[c] > 0 ? t->weight[c] : 1) / total);
  buf *b = &w->body;
  buf_printf(b, "<w:tbl><w:tblPr><w:tblStyle w:val=\"AuditTable\"/>"
                "<w:tblW w:w=\"%ld\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/>"
                "<w:tblLook w:val=\"04A0\" w:firstRow=\"%d\" w:lastRow=\"0\" "
                "w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" "
                "w:noVBand=\"1\"/></w:tblPr><w:tblGrid>",
             full, t->keyvalue ? 0 : 1);
  for (size_t c = 0; c < nc; c++)
    buf_printf(b, "<w:gridCol w:w=\"%ld\"/>", wd[c]);
  buf_puts(b, "</w:tblGrid>");
  bool keep_all = t->nrows <= KEEP_TOGETHER_ROWS;
  if (!t->keyvalue) {
    /* the header row repeats on every page the table runs onto */
    buf_puts(b, "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
    for (size_t c = 0; c < nc; c++)
      cell(w, t->header[c], wd[c], "center", true, false, true);
    buf_puts(b, "</w:tr>");
  }
  for (size_t r = 0; r < t->nrows; r++) {
    bool is_total = t->last_is_total && r + 1 == t->nrows;
    /* keep-with-next on every row but the last keeps a short table on
       one page; a long one keeps its first row with the header and never
       leaves its last row alone */
    bool keep = r + 1 < t->nrows && (keep_all || r == 0 || r + 2 == t->nrows);
    buf_puts(b, "<w:tr><w:trPr><w:cantSplit/></w:trPr>");
    for (size_t c = 0; c < nc; c++)
      cell(w, t->cells[r * nc + c], wd[c], jc_of(t->align[c]), false, is_total,
           keep);
    buf_puts(b, "</w:tr>");
  }
  buf_puts(b, "</w:tbl>");
  /* space after the table (a table cannot carry it) */
  para(w, "TableAfter", NULL, NULL, NULL);
}

/* }====================================================== */
/* {====================================================== charts */

static void hex(buf *b, uint32_t rgb) { buf_printf(b, "%06X", (unsigned)(rgb & 0xFFFFFF)); }

static void shape_open(W *w, double x, double y, double cx, double cy,
                       const char *flip, bool txbox)
{
  buf *b = &w->body;
  int id = ++w->shape;
  buf_printf(b, "<wps:wsp><wps:cNvPr id=\"%d\" name=\"Shape %d\"/>"
                "<wps:cNvSpPr%s/><wps:spPr><a:xfrm%s><a:off x=\"%lld\" "
                "y=\"%lld\"/><a:ext cx=\"%lld\" cy=\"%lld\"/></a:xfrm>",
             id, id, txbox ? " txBox=\"1\"" : "", flip ? flip : "", emu(x),
             emu(y), emu(cx), emu(cy));
}

/* The chart stage's commands (origin at the lower left, points) as the
   shapes of a DrawingML group (origin at the top left, EMU). */
static void chart_shapes(W *w, const ch_drawing *d)
{
  buf *b = &w->body;
  double H = d->h;
  for (size_t i = 0; i < d->n; i++) {
    const ch_cmd *c = &d->cmds[i];
    switch (c->kind) {
    case CH_RECT: {
      double x = c->w < 0 ? c->x + c->w : c->x, cw = fabs(c->w);
      double y = c->h < 0 ? c->y + c->h : c->y, chh = fabs(c->h);
      shape_open(w, x, H - y - chh, cw, chh, NULL, false);
      buf_puts(b, "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom>"
                  "<a:solidFill><a:srgbClr val=\"");
      hex(b, c->color);
      buf_puts(b, "\"/></a:solidFill><a:ln><a:noFill/></a:ln></wps:spPr>"
                  "<wps:bodyPr/></wps:wsp>");
      break;
    }
    case CH_POLY: {
      if (c->npts < 3)
        break;
      double x0 = c->pts[0], x1 = x0, t0 = H - c->pts[1], t1 = t0;
      for (size_t k = 1; k < c->npts; k++) {
        x0 = fmin(x0, c->pts[2 * k]);
        x1 = fmax(x1, c->pts[2 * k]);
        t0 = fmin(t0, H - c->pts[2 * k + 1]);
        t1 = fmax(t1, H - c->pts[2 * k + 1]);
      }
      long long pw = emu(x1 - x0), ph = emu(t1 - t0);
      shape_open(w, x0, t0, x1 - x0, t1 - t0, NULL, false);
      buf_printf(b, "<a:custGeom><a:avLst/><a:gdLst/><a:ahLst/><a:cxnLst/>"
                    "<a:rect l=\"0\" t=\"0\" r=\"r\" b=\"b\"/><a:pathLst>"
                    "<a:path w=\"%lld\" h=\"%lld\">",
                 pw, ph);
      for (size_t k = 0; k < c->npts; k++)
        buf_printf(b, "<a:%s><a:pt x=\"%lld\" y=\"%lld\"/></a:%s>",
                   k ? "lnTo" : "moveTo", emu(c->pts[2 * k] - x0),
                   emu(H - c->pts[2 * k + 1] - t0), k ? "lnTo" : "moveTo");
      buf_puts(b, "<a:close/></a:path></a:pathLst></a:custGeom><a:solidFill>"
                  "<a:srgbClr val=\"");
      hex(b, c->color);
      buf_puts(b, "\"/></a:solidFill><a:ln><a:noFill/></a:ln></wps:spPr>"
                  "<wps:bodyPr/></wps:wsp>");
      break;
    }
    case CH_LINE: {
      double xa = c->x, ta = H - c->y, xb = c->w, tb = H - c->h;
      const char *flip = xb < xa && tb < ta ? " flipH=\"1\" flipV=\"1\""
                         : xb < xa          ? " flipH=\"1\""
                         : tb < ta          ? " flipV=\"1\""
                                            : NULL;
      shape_open(w, fmin(xa, xb), fmin(ta, tb), fabs(xb - xa), fabs(tb - ta),
                 flip, false);
      buf_printf(b, "<a:prstGeom prst=\"line\"><a:avLst/></a:prstGeom>"
                    "<a:ln w=\"%lld\"><a:solidFill><a:srgbClr val=\"",
                 emu(c->lw > 0 ? c->lw : 0.5));
      hex(b, c->color);
      buf_puts(b, "\"/></a:solidFill></a:ln></wps:spPr><wps:bodyPr/></wps:wsp>");
      break;
    }
    case CH_TEXT: {
      if (!c->text || !*c->text)
        break;
      /* a box wider than the text (Word's font may be wider than the one
         measured), placed by the anchor, the text aligned to it */
      double tw = w->m(w->ctx, c->text, strlen(c->text), c->face, c->size);
      double bw = tw * 1.3 + 4;
      double x = c->anchor == 1 ? c->x - bw / 2 : c->anchor == 2 ? c->x - bw : c->x;
      double top = H - c->y - c->size * 0.95, bh = c->size * 1.4;
      shape_open(w, x, top, bw, bh, NULL, true);
      buf_puts(b, "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom><a:noFill/>"
                  "<a:ln><a:noFill/></a:ln></wps:spPr><wps:txbx><w:txbxContent>");
      buf_printf(b, "<w:p><w:pPr><w:pStyle w:val=\"ChartText\"/><w:jc w:val=\"%s\"/>"
                    "</w:pPr>",
                 c->anchor == 1 ? "center" : c->anchor == 2 ? "right" : "left");
      buf_printf(b, "<w:r><w:rPr>%s<w:color w:val=\"",
                 c->face == FACE_BOLD ? "<w:b/>" : "");
      hex(b, c->color);
      buf_printf(b, "\"/><w:sz w:val=\"%ld\"/><w:szCs w:val=\"%ld\"/></w:rPr>"
                    "<w:t xml:space=\"preserve\">",
                 half_points(c->size), half_points(c->size));
      xml_text(b, c->text);
      buf_puts(b, "</w:t></w:r></w:p></w:txbxContent></wps:txbx>"
                  "<wps:bodyPr rot=\"0\" wrap=\"none\" lIns=\"0\" tIns=\"0\" "
                  "rIns=\"0\" bIns=\"0\" anchor=\"t\" anchorCtr=\"0\">"
                  "<a:noAutofit/></wps:bodyPr></wps:wsp>");
      break;
    }
    }
  }
}

static void chart(W *w, const doc_chart *c)
{
  char num[32];
  doc_number_figure(&w->num, num, sizeof num);
  double h = layout_chart_height(c);
  ch_drawing *d = chart_draw(w->a, c, w->text_w, h, w->lang, w->m, w->ctx);
  buf *b = &w->body;
  int id = ++w->shape;
  long long cx = emu(w->text_w), cy = emu(h);
  buf_printf(b, "<w:p><w:pPr><w:pStyle w:val=\"Figure\"/><w:keepNext/></w:pPr>"
                "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" "
                "distR=\"0\"><wp:extent cx=\"%lld\" cy=\"%lld\"/>"
                "<wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/>"
                "<wp:docPr id=\"%d\" name=\"Figure %s\"/><wp:cNvGraphicFramePr/>"
                "<a:graphic xmlns:a=\"" NS_A "\"><a:graphicData uri=\"" NS_WPG
                "\"><wpg:wgp><wpg:cNvGrpSpPr/><wpg:grpSpPr><a:xfrm>"
                "<a:off x=\"0\" y=\"0\"/><a:ext cx=\"%lld\" cy=\"%lld\"/>"
                "<a:chOff x=\"0\" y=\"0\"/><a:chExt cx=\"%lld\" cy=\"%lld\"/>"
                "</a:xfrm></wpg:grpSpPr>",
             cx, cy, id, num, cx, cy, cx, cy);
  if (d->n == 0) {
    /* a group needs a member: an empty frame the size of the chart */
    shape_open(w, 0, 0, w->text_w, h, NULL, false);
    buf_puts(b, "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom><a:noFill/>"
                "<a:ln><a:noFill/></a:ln></wps:spPr><wps:bodyPr/></wps:wsp>");
  }
  chart_shapes(w, d);
  buf_puts(b, "</wpg:wgp></a:graphicData></a:graphic></wp:inline></w:drawing>"
              "</w:r></w:p>");
  w->page_top = false;
  caption(w, "图", "Figure", num, c->caption, false);
}

/* }====================================================== */
/* {====================================================== cover */

/* Width and height of a PNG from its header (the style loader checked
   the file); false when it is not one. */
static bool png_size(const char *data, size_t len, double *pw, double *ph)
{
  if (len < 24 || memcmp(data, "\x89PNG\r\n\x1a\n", 8) != 0)
    return false;
  uint32_t iw = bytes_be32((const unsigned char *)data + 16),
           ih = bytes_be32((const unsigned char *)data + 20);
  if (!iw || !ih)
    return false;
  *pw = iw;
  *ph = ih;
  return true;
}

static void logo(W *w)
{
  buf *b = &w->body;
  int id = ++w->shape;
  long long cx = emu(w->logo_w), cy = emu(w->logo_h);
  buf_printf(b, "<w:p><w:pPr><w:pStyle w:val=\"CoverLogo\"/></w:pPr><w:r>"
                "<w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" "
                "distR=\"0\"><wp:extent cx=\"%lld\" cy=\"%lld\"/>"
                "<wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/>"
                "<wp:docPr id=\"%d\" name=\"Logo\"/><wp:cNvGraphicFramePr>"
                "<a:graphicFrameLocks xmlns:a=\"" NS_A "\" noChangeAspect=\"1\"/>"
                "</wp:cNvGraphicFramePr><a:graphic xmlns:a=\"" NS_A "\">"
                "<a:graphicData uri=\"" NS_PIC "\"><pic:pic xmlns:pic=\"" NS_PIC
                "\"><pic:nvPicPr><pic:cNvPr id=\"%d\" name=\"logo.png\"/>"
                "<pic:cNvPicPr/></pic:nvPicPr><pic:blipFill>"
                "<a:blip r:embed=\"rIdLogo\"/><a:stretch><a:fillRect/></a:stretch>"
                "</pic:blipFill><pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/>"
                "<a:ext cx=\"%lld\" cy=\"%lld\"/></a:xfrm><a:prstGeom prst=\"rect\">"
                "<a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData>"
                "</a:graphic></wp:inline></w:drawing></w:r></w:p>",
             cx, cy, id, id, cx, cy);
}

/* The bytes of a picture, checked as the PDF checks them; NULL after a
   diagnostic. */
static char *picture_bytes(W *w, const doc_image *im, size_t *len)
{
  int err = 0;
  char *data = file_read_regular(im->file, IMAGE_JPEG_MAX_BYTES, len, &err);
  char why[200];
  if (!data) {
    diag_error(w->dl, src_none(), "image %s: %s", im->file, file_strerror(err));
    return NULL;
  }
  bool ok;
  if (im->jpeg) {
    image_jpeg j;
    ok = image_jpeg_check(data, *len, &j, why, sizeof why);
  } else {
    image_png p;
    ok = *len <= IMAGE_MAX_BYTES && image_png_check(data, *len, &p, why, sizeof why);
    if (ok)
      mem_free(p.data);
    else if (*len > IMAGE_MAX_BYTES)
      snprintf(why, sizeof why, "holds more than 4 MB");
  }
  if (!ok) {
    diag_error(w->dl, src_none(), "image %s %s", im->file, why);
    mem_free(data);
    return NULL;
  }
  return data;
}

/* A picture, centred, its caption below. */
static void picture(W *w, const doc_image *im)
{
  char num[32];
  doc_number_figure(&w->num, num, sizeof num);
  size_t len = 0;
  char *data = picture_bytes(w, im, &len);
  if (!data) {
    w->failed = true;
    return;
  }
  size_t k = w->n_media++;
  w->media = mem_realloc(w->media, w->n_media * sizeof *w->media);
  w->media_len = mem_realloc(w->media_len, w->n_media * sizeof *w->media_len);
  w->media_jpeg = mem_realloc(w->media_jpeg, w->n_media * sizeof *w->media_jpeg);
  w->media[k] = data;
  w->media_len[k] = len;
  w->media_jpeg[k] = im->jpeg;
  double h, pw = layout_image_size(im, w->text_w, &h);
  long long cx = emu(pw), cy = emu(h);
  int id = ++w->shape;
  buf_printf(&w->body,
             "<w:p><w:pPr><w:pStyle w:val=\"Figure\"/><w:keepNext/></w:pPr><w:r>"
             "<w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" "
             "distR=\"0\"><wp:extent cx=\"%lld\" cy=\"%lld\"/>"
             "<wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/>"
             "<wp:docPr id=\"%d\" name=\"Figure %s\"/><wp:cNvGraphicFramePr>"
             "<a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>"
             "<a:graphic><a:graphicData uri=\"" NS_PIC "\"><pic:pic>"
             "<pic:nvPicPr><pic:cNvPr id=\"%d\" name=\"image%zu\"/><pic:cNvPicPr/>"
             "</pic:nvPicPr><pic:blipFill><a:blip r:embed=\"rIdImage%zu\"/>"
             "<a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr>"
             "<a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"%lld\" cy=\"%lld\"/>"
             "</a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom>"
             "</pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline>"
             "</w:drawing></w:r></w:p>",
             cx, cy, id, num, id, k + 1, k + 1, cx, cy);
  w->page_top = false;
  caption(w, "图", "Figure", num, im->caption, false);
}

/* The page size and margins, shared by the cover's section and the
   body's. */
static void page_setup(W *w, buf *b)
{
  const lay_style *st = w->st;
  buf_printf(b, "<w:pgSz w:w=\"%ld\" w:h=\"%ld\"/><w:pgMar w:top=\"%ld\" "
                "w:right=\"%ld\" w:bottom=\"%ld\" w:left=\"%ld\" w:header=\"%ld\" "
                "w:footer=\"%ld\" w:gutter=\"0\"/>",
             twips(st->page_w), twips(st->page_h), twips(st->margin_top),
             twips(st->margin_right), twips(st->margin_bottom),
             twips(st->margin_left), twips(st->margin_top / 2),
             twips(st->margin_bottom / 2));
}

/* The cover is a section of its own: no header, no footer. */
static void cover_end(W *w)
{
  buf *b = &w->body;
  buf_puts(b, "<w:p><w:pPr><w:sectPr>");
  page_setup(w, b);
  buf_puts(b, "<w:cols w:space=\"425\"/></w:sectPr></w:pPr></w:p>");
  w->in_cover = false;
  w->page_top = true;
}

/* }====================================================== */
/* {====================================================== parts */

static void document_part(W *w)
{
  buf *b = &w->body;
  buf_puts(b, OPC_XML_DECL "<w:document xmlns:w=\"" NS_W "\" xmlns:r=\"" OPC_NS_R
              "\" xmlns:wp=\"" NS_WP "\" xmlns:a=\"" NS_A "\" xmlns:pic=\""
              NS_PIC "\" xmlns:wps=\"" NS_WPS "\" xmlns:wpg=\"" NS_WPG
              "\" xmlns:mc=\"" NS_MC "\"><w:body>");
  w->page_top = true;
  for (size_t i = 0; i < w->d->n; i++) {
    const doc_block *bl = &w->d->blocks[i];
    switch (bl->kind) {
    case DOC_HEADING:
      heading(w, bl);
      break;
    case DOC_PARA:
      if (w->in_cover)
        text_paras(w, bl->text, "CoverText", "CoverTextEn", NULL);
      else
        text_paras(w, bl->text, "BodyText", "BodyTextEn", NULL);
      break;
    case DOC_LIST_ITEM:
      text_paras(w, bl->text, "ListBullet", "ListBulletEn", NULL);
      break;
    case DOC_NOTE:
      text_paras(w, bl->text, "Note", "NoteEn", NULL);
      break;
    case DOC_TABLE:
      table(w, bl->table);
      break;
    case DOC_CHART:
      chart(w, bl->chart);
      break;
    case DOC_IMAGE:
      picture(w, bl->image);
      break;
    case DOC_PAGEBREAK:
      page_break(w);
      break;
    case DOC_TOC:
      contents(w);
      break;
    case DOC_COVER_BEGIN:
      if (!w->page_top)
        cover_end(w); /* a cover that is not first starts a section */
      w->in_cover = true;
      if (w->logo)
        logo(w);
      para(w, "CoverSpace", NULL, NULL, NULL);
      break;
    case DOC_COVER_END:
      cover_end(w);
      break;
    }
  }
  if (w->in_cover)
    cover_end(w);
  buf_puts(b, "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/>"
              "<w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>");
  page_setup(w, b);
  buf_puts(b, "<w:cols w:space=\"425\"/></w:sectPr></w:body></w:document>");
}

/* A paragraph style. ppr and rpr are the markup inside pPr and rPr. */
static void pstyle(buf *b, const char *id, const char *name, const char *based,
                   const char *ppr, const char *rpr, bool quick)
{
  buf_printf(b, "<w:style w:type=\"paragraph\"%s w:styleId=\"%s\">"
                "<w:name w:val=\"%s\"/>",
             strcmp(id, "Normal") == 0 ? " w:default=\"1\"" : "", id, name);
  if (based)
    buf_printf(b, "<w:basedOn w:val=\"%s\"/>", based);
  if (strncmp(id, "Heading", 7) == 0 || strcmp(id, "Caption") == 0)
    buf_puts(b, "<w:next w:val=\"BodyText\"/>");
  if (quick)
    buf_puts(b, "<w:qFormat/>");
  buf_printf(b, "<w:pPr>%s</w:pPr><w:rPr>%s</w:rPr></w:style>", ppr ? ppr : "",
             rpr ? rpr : "");
}

static const char *color_rpr(arena *a, uint32_t rgb)
{
  return arena_printf(a, "<w:color w:val=\"%06X\"/>", (unsigned)(rgb & 0xFFFFFF));
}

static const char *size_rpr(arena *a, double pt)
{
  return arena_printf(a, "<w:sz w:val=\"%ld\"/><w:szCs w:val=\"%ld\"/>",
                      half_points(pt), half_points(pt));
}

static void styles_part(W *w, buf *b)
{
  arena *a = w->a;
  const lay_style *st = w->st;
  /* Latin text is English, East Asian text Chinese, in every mode: the
     language decides where a line may break */
  const char *lang = "en-US";
  double body = st->body_size;
  long line = lround(240 * st->line_spacing);
  buf_puts(b, OPC_XML_DECL "<w:styles xmlns:w=\"" NS_W "\"><w:docDefaults><w:rPrDefault><w:rPr>"
              "<w:rFonts w:ascii=\"");
  xml_text(b, w->f->latin);
  buf_puts(b, "\" w:hAnsi=\"");
  xml_text(b, w->f->latin);
  buf_puts(b, "\" w:cs=\"");
  xml_text(b, w->f->latin);
  buf_puts(b, "\" w:eastAsia=\"");
  xml_text(b, w->f->cjk);
  buf_printf(b, "\"/>%s%s<w:lang w:val=\"%s\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/>"
                "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
                "<w:spacing w:after=\"0\" w:line=\"%ld\" w:lineRule=\"auto\"/>"
                "</w:pPr></w:pPrDefault></w:docDefaults>",
             size_rpr(a, body), color_rpr(a, st->color_text), lang, line);
  /* Normal and the body */
  pstyle(b, "Normal", "Normal", NULL, "<w:jc w:val=\"both\"/>", NULL, true);
  pstyle(b, "BodyText", "Body Text", "Normal",
         arena_printf(a, "<w:spacing w:after=\"%ld\"/>", twips(body * 0.6)), NULL,
         true);
  pstyle(b, "BodyTextEn", "Body Text English", "BodyText", NULL,
         arena_printf(a, "%s%s", size_rpr(a, body - 1.5),
                      color_rpr(a, st->color_secondary)),
         false);
  /* headings: outline levels drive the navigation pane and the TOC */
  static const double hs[] = {16, 13, 11.5};
  for (int i = 0; i < 3; i++) {
    const char *ppr = arena_printf(
        a, "<w:keepNext/><w:keepLines/><w:spacing w:before=\"%ld\" w:after=\"%ld\"/>"
           "%s<w:jc w:val=\"left\"/><w:outlineLvl w:val=\"%d\"/>",
        twips(hs[i] * (i == 0 ? 0.5 : 0.6)), twips(hs[i] * 0.35),
        i == 0 ? arena_printf(a, "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" "
                                 "w:space=\"4\" w:color=\"%06X\"/></w:pBdr>",
                              (unsigned)st->color_primary)
               : "",
        i);
    /* the heading font name is data: escape it */
    buf tmp;
    buf_init(&tmp);
    xml_text(&tmp, w->f->cjk_heading);
    const char *rpr = arena_printf(a, "<w:rFonts w:eastAsia=\"%s\"/><w:b/><w:bCs/>%s%s", tmp.data,
                       color_rpr(a, st->color_primary), size_rpr(a, hs[i]));
    buf_fini(&tmp);
    pstyle(b, arena_printf(a, "Heading%d", i + 1),
           arena_printf(a, "heading %d", i + 1), "Normal", ppr, rpr, true);
  }
  /* contents */
  long right = twips(w->text_w);
  pstyle(b, "TOCHeading", "TOC Heading", "Normal",
         "<w:jc w:val=\"center\"/><w:spacing w:after=\"200\"/>",
         arena_printf(a, "<w:b/>%s%s", size_rpr(a, 16), color_rpr(a, st->color_primary)),
         false);
  for (int i = 1; i <= 2; i++)
    pstyle(b, arena_printf(a, "TOC%d", i), arena_printf(a, "toc %d", i), "Normal",
           arena_printf(a, "<w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" "
                           "w:pos=\"%ld\"/></w:tabs><w:ind w:left=\"%d\"/>"
                           "<w:jc w:val=\"left\"/>",
                        right, i == 1 ? 0 : 320),
           i == 1 ? arena_printf(a, "<w:b/>%s", size_rpr(a, body))
                  : size_rpr(a, body - 0.5),
           false);
  /* captions, tables, notes, lists */
  pstyle(b, "Caption", "caption", "Normal",
         "<w:jc w:val=\"center\"/><w:spacing w:before=\"60\" w:after=\"60\"/>",
         arena_printf(a, "<w:b/>%s", size_rpr(a, body - 0.5)), true);
  pstyle(b, "CaptionEn", "Caption English", "Caption", NULL,
         arena_printf(a, "<w:b w:val=\"0\"/>%s%s", size_rpr(a, body - 1.5),
                      color_rpr(a, st->color_secondary)),
         false);
  pstyle(b, "TableText", "Table Text", "Normal",
         "<w:spacing w:before=\"40\" w:after=\"40\" w:line=\"240\" "
         "w:lineRule=\"auto\"/><w:jc w:val=\"left\"/>",
         size_rpr(a, body - 1.5), false);
  pstyle(b, "TableTextEn", "Table Text English", "TableText", NULL,
         arena_printf(a, "%s%s", size_rpr(a, body - 2.5),
                      color_rpr(a, st->color_secondary)),
         false);
  pstyle(b, "TableAfter", "Table Spacing", "Normal",
         arena_printf(a, "<w:spacing w:after=\"%ld\" w:line=\"240\" "
                         "w:lineRule=\"auto\"/>",
                      twips(body * 0.5)),
         size_rpr(a, 6), false);
  pstyle(b, "Note", "Note", "Normal",
         arena_printf(a, "<w:spacing w:after=\"%ld\"/>", twips(6)),
         arena_printf(a, "%s%s", size_rpr(a, 8.5), color_rpr(a, st->color_secondary)),
         false);
  pstyle(b, "NoteEn", "Note English", "Note", NULL, size_rpr(a, 8), false);
  pstyle(b, "ListBullet", "List Bullet", "Normal",
         arena_printf(a, "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/>"
                         "</w:numPr><w:spacing w:after=\"%ld\"/>",
                      twips(body * 0.4)),
         NULL, true);
  pstyle(b, "ListBulletEn", "List Bullet English", "BodyTextEn",
         "<w:ind w:left=\"420\"/>", NULL, false);
  pstyle(b, "Figure", "Figure", "Normal",
         "<w:jc w:val=\"center\"/><w:spacing w:before=\"120\" w:line=\"240\" "
         "w:lineRule=\"auto\"/>",
         NULL, false);
  pstyle(b, "ChartText", "Chart Text", "Normal",
         "<w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>", NULL, false);
  /* the cover */
  pstyle(b, "CoverLogo", "Cover Logo", "Normal", "<w:jc w:val=\"right\"/>", NULL,
         false);
  pstyle(b, "CoverSpace", "Cover Space", "Normal",
         arena_printf(a, "<w:spacing w:before=\"%ld\"/>",
                      twips((st->page_h - st->margin_top - st->margin_bottom) * 0.18)),
         NULL, false);
  pstyle(b, "CoverText", "Cover Text", "Normal",
         "<w:jc w:val=\"center\"/><w:spacing w:after=\"160\"/>",
         arena_printf(a, "<w:b/>%s", size_rpr(a, 15)), false);
  pstyle(b, "CoverTextEn", "Cover Text English", "CoverText",
         "<w:spacing w:after=\"280\"/>",
         arena_printf(a, "<w:b w:val=\"0\"/>%s%s", size_rpr(a, 12),
                      color_rpr(a, st->color_secondary)),
         false);
  /* running header and footer */
  pstyle(b, "Header", "header", "Normal",
         arena_printf(a, "<w:tabs><w:tab w:val=\"right\" w:pos=\"%ld\"/></w:tabs>"
                         "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"1\" "
                         "w:color=\"%06X\"/></w:pBdr><w:jc w:val=\"left\"/>",
                      right, (unsigned)st->color_rule),
         arena_printf(a, "%s%s", size_rpr(a, 8), color_rpr(a, st->color_secondary)),
         false);
  pstyle(b, "Footer", "footer", "Normal", "<w:jc w:val=\"center\"/>",
         arena_printf(a, "%s%s", size_rpr(a, 8), color_rpr(a, st->color_secondary)),
         false);
  /* the tables: three rules (heavy above and below, light between rows) */
  buf_printf(b, "<w:style w:type=\"table\" w:styleId=\"AuditTable\">"
                "<w:name w:val=\"Audit Table\"/><w:tblPr><w:tblBorders>"
                "<w:top w:val=\"single\" w:sz=\"12\" w:space=\"0\" w:color=\"%06X\"/>"
                "<w:bottom w:val=\"single\" w:sz=\"12\" w:space=\"0\" w:color=\"%06X\"/>"
                "<w:insideH w:val=\"single\" w:sz=\"2\" w:space=\"0\" w:color=\"%06X\"/>"
                "</w:tblBorders><w:tblCellMar><w:left w:w=\"60\" w:type=\"dxa\"/>"
                "<w:right w:w=\"60\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"
                "</w:style>",
             (unsigned)st->color_text, (unsigned)st->color_text,
             (unsigned)st->color_rule);
  buf_puts(b, "</w:styles>");
}

static void numbering_part(W *w, buf *b)
{
  buf_printf(b, OPC_XML_DECL "<w:numbering xmlns:w=\"" NS_W "\">"
                "<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType "
                "w:val=\"singleLevel\"/><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>"
                "<w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"•\"/>"
                "<w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"420\" "
                "w:hanging=\"300\"/></w:pPr><w:rPr><w:color w:val=\"%06X\"/>"
                "</w:rPr></w:lvl></w:abstractNum><w:num w:numId=\"1\">"
                "<w:abstractNumId w:val=\"0\"/></w:num></w:numbering>",
             (unsigned)w->st->color_primary);
}

static void settings_part(W *w, buf *b)
{
  buf_printf(b, OPC_XML_DECL "<w:settings xmlns:w=\"" NS_W "\">"
                "<w:updateFields w:val=\"true\"/><w:defaultTabStop w:val=\"420\"/>"
                "<w:characterSpacingControl w:val=\"compressPunctuation\"/>"
                "<w:compat><w:compatSetting w:name=\"compatibilityMode\" "
                "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/>"
                "</w:compat><w:themeFontLang w:val=\"%s\" w:eastAsia=\"zh-CN\"/>"
                "</w:settings>",
             w->lang == LANG_EN ? "en-US" : "zh-CN");
}

static void field(buf *b, const char *instr, const char *shown)
{
  buf_printf(b, "<w:fldSimple w:instr=\" %s \"><w:r><w:t>%s</w:t></w:r>"
                "</w:fldSimple>",
             instr, shown);
}

static void plain_run(buf *b, const char *s)
{
  buf_puts(b, "<w:r><w:t xml:space=\"preserve\">");
  xml_text(b, s);
  buf_puts(b, "</w:t></w:r>");
}

static void header_part(W *w, buf *b)
{
  const doc *d = w->d;
  const char *left = w->lang == LANG_EN ? d->short_name.en : d->short_name.zh;
  const char *right = w->lang == LANG_EN ? d->title.en : d->title.zh;
  buf_puts(b, OPC_XML_DECL "<w:hdr xmlns:w=\"" NS_W "\" xmlns:r=\"" OPC_NS_R "\">"
              "<w:p><w:pPr><w:pStyle w:val=\"Header\"/></w:pPr>");
  plain_run(b, left ? left : "");
  buf_puts(b, "<w:r><w:tab/></w:r>");
  plain_run(b, right ? right : "");
  buf_puts(b, "</w:p></w:hdr>");
}

/* 第 X 页 共 Y 页 / Page X of Y, as fields Word and LibreOffice fill. */
static void footer_part(W *w, buf *b)
{
  buf_puts(b, OPC_XML_DECL "<w:ftr xmlns:w=\"" NS_W "\" xmlns:r=\"" OPC_NS_R "\">"
              "<w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>");
  if (w->lang != LANG_EN) {
    plain_run(b, "第 ");
    field(b, "PAGE", "1");
    plain_run(b, " 页 共 ");
    field(b, "NUMPAGES", "1");
    plain_run(b, " 页");
  }
  if (w->lang == LANG_BILINGUAL)
    plain_run(b, "    ");
  if (w->lang != LANG_ZH) {
    plain_run(b, "Page ");
    field(b, "PAGE", "1");
    plain_run(b, " of ");
    field(b, "NUMPAGES", "1");
  }
  buf_puts(b, "</w:p></w:ftr>");
}

static void content_types(W *w, buf *b)
{
  const char *ct = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
  buf overrides;
  buf_init(&overrides);
  buf_printf(&overrides,
             "<Override PartName=\"/word/document.xml\" ContentType=\"%s"
             "document.main+xml\"/>"
             "<Override PartName=\"/word/styles.xml\" ContentType=\"%sstyles+xml\"/>"
             "<Override PartName=\"/word/settings.xml\" ContentType=\"%s"
             "settings+xml\"/>"
             "<Override PartName=\"/word/numbering.xml\" ContentType=\"%s"
             "numbering+xml\"/>"
             "<Override PartName=\"/word/header1.xml\" ContentType=\"%sheader+xml\"/>"
             "<Override PartName=\"/word/footer1.xml\" ContentType=\"%sfooter+xml\"/>",
             ct, ct, ct, ct, ct, ct);
  opc_content_types(b,
                    w->logo || w->n_media
                        ? "<Default Extension=\"png\" ContentType=\"image/png\"/>"
                          "<Default Extension=\"jpeg\" ContentType=\"image/jpeg\"/>"
                        : "",
                    overrides.data);
  buf_fini(&overrides);
}

static void document_rels(W *w, buf *b)
{
  buf_puts(b, OPC_XML_DECL "<Relationships xmlns=\"" OPC_NS_REL "\">"
              "<Relationship Id=\"rIdStyles\" Type=\"" OPC_REL_BASE "styles\" "
              "Target=\"styles.xml\"/>"
              "<Relationship Id=\"rIdSettings\" Type=\"" OPC_REL_BASE "settings\" "
              "Target=\"settings.xml\"/>"
              "<Relationship Id=\"rIdNumbering\" Type=\"" OPC_REL_BASE "numbering\" "
              "Target=\"numbering.xml\"/>"
              "<Relationship Id=\"rIdHeader\" Type=\"" OPC_REL_BASE "header\" "
              "Target=\"header1.xml\"/>"
              "<Relationship Id=\"rIdFooter\" Type=\"" OPC_REL_BASE "footer\" "
              "Target=\"footer1.xml\"/>");
  if (w->logo)
    buf_puts(b, "<Relationship Id=\"rIdLogo\" Type=\"" OPC_REL_BASE "image\" "
                "Target=\"media/logo.png\"/>");
  for (size_t i = 0; i < w->n_media; i++)
    buf_printf(b, "<Relationship Id=\"rIdImage%zu\" Type=\"" OPC_REL_BASE "image\" "
                  "Target=\"media/image%zu.%s\"/>",
               i + 1, i + 1, w->media_jpeg[i] ? "jpeg" : "png");
  buf_puts(b, "</Relationships>");
}

/* }====================================================== */

bool docx_write(arena *a, diag_list *dl, const doc *d, const lay_style *st,
                const docx_fonts *fonts, lay_lang lang, lay_measure measure,
                void *ctx, const docx_info *info, buf *out)
{
  W w;
  memset(&w, 0, sizeof w);
  w.a = a;
  w.dl = dl;
  w.d = d;
  w.st = st;
  w.f = fonts;
  w.lang = lang;
  w.m = measure;
  w.ctx = ctx;
  w.text_w = st->page_w - st->margin_left - st->margin_right;
  w.bookmark = 1;
  char *logo_data = NULL;
  size_t logo_len = 0;
  if (st->logo) {
    int err = 0;
    logo_data = file_read_regular(st->logo, IMAGE_MAX_BYTES, &logo_len, &err);
    double pw, ph;
    if (!logo_data) {
      diag_error(dl, src_none(), "logo %s: %s", st->logo, file_strerror(err));
      return false;
    }
    if (!png_size(logo_data, logo_len, &pw, &ph)) {
      diag_error(dl, src_none(), "logo %s: not a PNG file", st->logo);
      mem_free(logo_data);
      return false;
    }
    double fit = fmin(LOGO_W_MM * MM / pw, LOGO_H_MM * MM / ph);
    w.logo = true;
    w.logo_w = pw * fit;
    w.logo_h = ph * fit;
  }
  buf_init(&w.body);
  document_part(&w);
  buf parts[9];
  for (size_t i = 0; i < 9; i++)
    buf_init(&parts[i]);
  content_types(&w, &parts[0]);
  opc_package_rels(&parts[1], "word/document.xml");
  opc_props props = {info->title,    info->subject,
                     info->author,   info->keywords,
                     lang == LANG_EN ? "en-US" : "zh-CN",
                     info->has_date, info->epoch};
  opc_core(&parts[2], &props);
  opc_app(&parts[3], "auditgen");
  document_rels(&w, &parts[4]);
  styles_part(&w, &parts[5]);
  settings_part(&w, &parts[6]);
  numbering_part(&w, &parts[7]);
  header_part(&w, &parts[8]);
  buf footer;
  buf_init(&footer);
  footer_part(&w, &footer);
  zip_writer *z = zipw_new(dl, info->has_date, info->epoch);
  bool ok = zipw_add(z, "[Content_Types].xml", parts[0].data, parts[0].len) &&
            zipw_add(z, "_rels/.rels", parts[1].data, parts[1].len) &&
            zipw_add(z, "docProps/core.xml", parts[2].data, parts[2].len) &&
            zipw_add(z, "docProps/app.xml", parts[3].data, parts[3].len) &&
            zipw_add(z, "word/_rels/document.xml.rels", parts[4].data,
                     parts[4].len) &&
            zipw_add(z, "word/document.xml", w.body.data, w.body.len) &&
            zipw_add(z, "word/styles.xml", parts[5].data, parts[5].len) &&
            zipw_add(z, "word/settings.xml", parts[6].data, parts[6].len) &&
            zipw_add(z, "word/numbering.xml", parts[7].data, parts[7].len) &&
            zipw_add(z, "word/header1.xml", parts[8].data, parts[8].len) &&
            zipw_add(z, "word/footer1.xml", footer.data, footer.len) &&
            (!w.logo || zipw_add(z, "word/media/logo.png", logo_data, logo_len));
  for (size_t i = 0; ok && i < w.n_media; i++)
    ok = zipw_add(z, arena_printf(a, "word/media/image%zu.%s", i + 1,
                                  w.media_jpeg[i] ? "jpeg" : "png"),
                  w.media[i], w.media_len[i]);
  ok = zipw_finish(z, out) && ok && !w.failed;
  for (size_t i = 0; i < w.n_media; i++)
    mem_free(w.media[i]);
  mem_free(w.media);
  mem_free(w.media_len);
  mem_free(w.media_jpeg);
  for (size_t i = 0; i < 9; i++)
    buf_fini(&parts[i]);
  buf_fini(&footer);
  buf_fini(&w.body);
  mem_free(logo_data);
  return ok;
}
