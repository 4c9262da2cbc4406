#!/usr/bin/env python3
"""bench/rl_side.py — the other side of the ReportLab comparison (issue 14).

Sets the text of a report auditgen wrote (pdftotext -raw of its PDF, page by
page) with ReportLab's Platypus in the same faces (WenQuanYi Micro Hei for
CJK runs, DejaVu Sans for the rest), on A4 with the same margins, one source
page per page, into memory. Prints one line: the pages ReportLab made, the
milliseconds doc.build took in this process, wall and CPU, and the PDF's
bytes (font registration included; the interpreter's start-up and the
imports are not, which favours ReportLab). bench/reportlab.sh alternates it
with auditgen.

Usage: rl_side.py TEXT-FILE (pages separated by form feeds)
"""
import io
import sys
import time
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

CJK = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
LATIN = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def is_cjk(ch):
    c = ord(ch)
    return (0x2E80 <= c <= 0xA4CF or 0xAC00 <= c <= 0xD7A3 or
            0xF900 <= c <= 0xFAFF or 0xFE30 <= c <= 0xFE4F or
            0xFF00 <= c <= 0xFFEF or c in (0x2018, 0x2019, 0x201C, 0x201D,
                                           0x2014, 0x2026, 0x00B7))


def markup(line):
    """The line as Platypus markup: each CJK run in the CJK face."""
    out, run, cjk = [], [], None
    for ch in line:
        k = is_cjk(ch)
        if cjk is not None and k != cjk:
            text = escape("".join(run))
            out.append('<font name="wqy">%s</font>' % text if cjk else text)
            run = []
        run.append(ch)
        cjk = k
    if run:
        text = escape("".join(run))
        out.append('<font name="wqy">%s</font>' % text if cjk else text)
    return "".join(out)


def build(pages):
    pdfmetrics.registerFont(TTFont("wqy", CJK, subfontIndex=0))
    pdfmetrics.registerFont(TTFont("dejavu", LATIN))
    style = ParagraphStyle("body", fontName="dejavu", fontSize=9,
                           leading=12.5)
    story = []
    for i, page in enumerate(pages):
        if i:
            story.append(PageBreak())
        for line in page.split("\n"):
            if line.strip():
                story.append(Paragraph(markup(line), style))
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=20 * mm,
                            rightMargin=20 * mm, topMargin=20 * mm,
                            bottomMargin=20 * mm)
    doc.build(story)
    return doc.page, len(out.getvalue())


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: rl_side.py TEXT-FILE")
    with open(sys.argv[1], encoding="utf-8") as f:
        pages = [p for p in f.read().split("\f") if p.strip()]
    t0, c0 = time.perf_counter(), time.process_time()
    n, size = build(pages)
    ms = (time.perf_counter() - t0) * 1000
    cpu = (time.process_time() - c0) * 1000
    print("%d %.1f %.1f %d" % (n, ms, cpu, size))


if __name__ == "__main__":
    main()
