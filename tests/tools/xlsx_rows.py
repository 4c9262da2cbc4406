#!/usr/bin/python3
"""xlsx_rows.py WORKBOOK — is every row tall enough for its wrapped text?

LibreOffice keeps the height a row is given and clips the text that does
not fit (it does not grow a row on opening, nor does Excel). Measured in
LibreOffice's PDF of the cement workbook, a wrapped line of 11 pt text
takes about 13 pt (DejaVu Sans) to 14 pt (Chinese, WenQuanYi) plus the
cell's margins, so a row of n lines needs 16 n + 4 pt. A cell's lines
are counted as the writer counts them, independently here: each line of
its text wrapped at the width of its column (or of its merged range),
a Chinese character two units, any other character 1.1, one unit less
than the width usable, bold text 10 % wider. A cell that does not wrap
takes one line per line of its text. The title row (row 1, 12 pt and
larger, its own heights) is left out.

Prints "rows N short K" (N rows of more than one line, K of them too
short), then each short row: sheet, row, height, lines, the cell.
"""
import math
import sys

import openpyxl

LINE_PT, PAD, CAP = 16, 4, 12


def units(line):
    return sum(2 if len(ch.encode()) >= 3 else 1.1 for ch in line)


def lines(text, width, wrap, bold):
    parts = text.split("\n")
    if not wrap:
        return len(parts)
    room = max(1, width - 1) / (1.1 if bold else 1)
    return sum(max(1, math.ceil(units(p) / room)) for p in parts)


def col_width(ws, letter):
    d = ws.column_dimensions.get(letter)
    return d.width if d is not None and d.width else 8.43


def main():
    wb = openpyxl.load_workbook(sys.argv[1])
    n = short = 0
    bad = []
    for ws in wb.worksheets:
        merged = {}
        for rng in ws.merged_cells.ranges:
            w = sum(col_width(ws, openpyxl.utils.get_column_letter(c))
                    for c in range(rng.min_col, rng.max_col + 1))
            merged[(rng.min_row, rng.min_col)] = (w, rng.max_row - rng.min_row + 1)
        for row in ws.iter_rows(min_row=2):
            need, what = 1, None
            for c in row:
                if not isinstance(c.value, str) or not c.value:
                    continue
                w, span = merged.get((c.row, c.column),
                                     (col_width(ws, c.column_letter), 1))
                k = lines(c.value, w, bool(c.alignment.wrap_text),
                          bool(c.font.b)) / span
                if k > need:
                    need, what = k, c
            if need <= 1:
                continue
            n += 1
            h = ws.row_dimensions[row[0].row].height or 15
            if h < LINE_PT * min(need, CAP) + PAD:
                short += 1
                bad.append("%s %d %s %.1f %r" % (ws.title, row[0].row, h, need,
                                                 what.value[:60]))
    print("rows", n, "short", short)
    for b in bad[:20]:
        print(b)


main()
