#!/usr/bin/python3
"""What a firm does with our Word and Excel files: edit them and open them
again (issue 11). Run by tests/unit/check_docx.c t_edit_round_trip.

  edit_roundtrip.py docx IN.docx OUT.docx
      python-docx rewrites the first body paragraph that holds NEEDLE (the
      auditor's edit of a sentence) and saves; prints the new sentence.
  edit_roundtrip.py xlsx IN.xlsx OUT.xlsx
      openpyxl finds the first SUM formula over a column of plain numbers,
      adds 1000 to the first of them (the auditor corrects a quantity) and
      saves; prints "SHEET CELL OLD_TOTAL" for the check after LibreOffice
      has recalculated.
  edit_roundtrip.py total LO.xlsx SHEET CELL
      the value LibreOffice stored in that cell.
"""
import re
import sys

EDIT_ZH = "【审核修改】本段由审计人员修改并经复核。"
EDIT_EN = "[Reviewed] This paragraph was edited by the auditor in Word."


def edit_docx(src, dst):
    import docx
    d = docx.Document(src)
    for p in d.paragraphs:
        # a body paragraph of the Chinese or English report, not a heading
        if p.style.name.startswith("Heading") or len(p.text) < 40:
            continue
        text = EDIT_ZH if re.search("[\u4e00-\u9fff]", p.text) else EDIT_EN
        for r in p.runs[1:]:
            r.text = ""
        p.runs[0].text = text
        d.save(dst)
        print(text)
        return
    sys.exit("no body paragraph to edit")


def edit_xlsx(src, dst):
    import openpyxl
    wb = openpyxl.load_workbook(src)
    vals = openpyxl.load_workbook(src, data_only=True)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                m = re.fullmatch(r"=SUM\(([A-Z]+)(\d+):([A-Z]+)(\d+)\)",
                                 str(c.value or ""))
                if not m or m.group(1) != m.group(3):
                    continue
                col, r0, r1 = m.group(1), int(m.group(2)), int(m.group(4))
                cells = [ws[f"{col}{r}"] for r in range(r0, r1 + 1)]
                if not all(isinstance(x.value, (int, float)) for x in cells):
                    continue
                old = vals[ws.title][c.coordinate].value
                cells[0].value = cells[0].value + 1000
                wb.save(dst)
                print(ws.title, c.coordinate, repr(old))
                return
    sys.exit("no SUM over plain numbers")


def total(path, sheet, cell):
    import openpyxl
    print(repr(openpyxl.load_workbook(path, data_only=True)[sheet][cell].value))


if __name__ == "__main__":
    what = sys.argv[1]
    if what == "docx":
        edit_docx(sys.argv[2], sys.argv[3])
    elif what == "xlsx":
        edit_xlsx(sys.argv[2], sys.argv[3])
    elif what == "total":
        total(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        sys.exit("usage: edit_roundtrip.py docx|xlsx|total ...")
