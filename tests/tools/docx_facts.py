#!/usr/bin/env python3
"""docx_facts.py — what a Word document holds, as JSON, read by real clients.

Usage: docx_facts.py FILE.docx

Opens FILE with python-docx (the structure Word sees) and parses every XML
part with lxml (well-formedness), then prints one JSON object: the parts in
order, heading paragraphs per level with their texts, the outline levels of
the heading styles, the TOC field, the header and footer texts and fields,
tables (how many repeat a header row), captions, drawings, the page set-up
and the core properties. check_docx.c asserts on it.
"""
import json
import sys
import zipfile

import docx
from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W,
      "wpg": "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",
      "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
      "dc": "http://purl.org/dc/elements/1.1/",
      "dcterms": "http://purl.org/dc/terms/",
      "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"}


def main(path):
    facts = {}
    with zipfile.ZipFile(path) as z:
        facts["parts"] = z.namelist()
        trees = {}
        for name in z.namelist():
            if name.endswith(".xml") or name.endswith(".rels"):
                trees[name] = etree.fromstring(z.read(name))  # raises if malformed
    d = docx.Document(path)
    heads = {"1": [], "2": [], "3": []}
    captions, body = [], []
    for p in d.paragraphs:
        name = p.style.name
        if name.startswith("Heading ") and name[8:] in heads:
            heads[name[8:]].append(p.text)
        if name.startswith("Caption"):
            captions.append(p.text)
        body.append(p.text)
    facts["headings"] = heads
    facts["captions"] = captions
    styles = trees["word/styles.xml"]
    outline = {}
    for sid in ("Heading1", "Heading2", "Heading3"):
        lv = styles.xpath("//w:style[@w:styleId='%s']//w:outlineLvl/@w:val" % sid,
                          namespaces=NS)
        outline[sid] = int(lv[0]) if lv else None
    facts["outline"] = outline
    doc = trees["word/document.xml"]
    instr = " ".join(doc.xpath("//w:instrText/text()", namespaces=NS))
    facts["toc_field"] = "TOC \\o" in instr
    facts["toc_dirty"] = bool(doc.xpath("//w:fldChar[@w:dirty='true']", namespaces=NS))
    facts["pagerefs"] = instr.count("PAGEREF")
    facts["bookmarks"] = len(doc.xpath("//w:bookmarkStart", namespaces=NS))
    tables = d.tables
    facts["tables"] = len(tables)
    facts["tables_header_repeat"] = sum(
        1 for t in tables if t._tbl.xpath("./w:tr[1]/w:trPr/w:tblHeader"))
    facts["table_rows"] = sum(len(t.rows) for t in tables)
    facts["table_cells_text"] = [[c.text for c in r.cells] for t in tables[:3] for r in t.rows]
    facts["drawings"] = len(doc.xpath("//wpg:wgp", namespaces=NS))
    facts["shapes"] = len(doc.xpath("//wps:wsp", namespaces=NS))
    sec = d.sections[-1]
    facts["sections"] = len(d.sections)
    facts["page"] = {"w_mm": round(sec.page_width.mm, 1), "h_mm": round(sec.page_height.mm, 1),
                     "top_mm": round(sec.top_margin.mm, 1),
                     "bottom_mm": round(sec.bottom_margin.mm, 1),
                     "left_mm": round(sec.left_margin.mm, 1),
                     "right_mm": round(sec.right_margin.mm, 1)}
    facts["cover_has_footer"] = bool(d.sections[0].footer.paragraphs and
                                     not d.sections[0].footer.is_linked_to_previous) \
        if len(d.sections) > 1 else None
    facts["header_text"] = " | ".join(p.text for p in sec.header.paragraphs)
    facts["footer_text"] = " | ".join(p.text for p in sec.footer.paragraphs)
    footer = trees.get("word/footer1.xml")
    facts["footer_fields"] = footer.xpath("//w:fldSimple/@w:instr", namespaces=NS) if footer is not None else []
    cp = d.core_properties
    facts["core"] = {"title": cp.title, "creator": cp.author, "language": cp.language,
                     "created": cp.created.isoformat() if cp.created else None}
    facts["text"] = "\n".join(body)
    json.dump(facts, sys.stdout, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main(sys.argv[1])
