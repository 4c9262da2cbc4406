#!/usr/bin/python3
"""Writes samples/intake/: two client files as a firm keeps them.

  205-1.xlsx   form 205-1 能源购进、消费与库存 for 2024 of a fictitious dyeing
               plant: the NBS heading block (表号, 制定机关, 文号, 有效期至),
               unit name and credit code, two merged header rows, the
               column-number row (甲 乙 丙 1 2 …), 万 units (万立方米,
               万千瓦时, 百万千焦, 金额 in 千元), blank rows, 其中 rows, the
               能源合计 totals row (Σ quantity × 采用折标系数), the footer and
               说明 rows.
  205-1-monthly.xlsx  the same year's 电力 and 原煤 as twelve monthly
               205-1 sheets (1月 … 12月), each with its 能源合计 row.
  ledger.xlsx  the 工业企业能源统计台帐 of the same plant: one sheet per carrier
               (电力 in 万千瓦时, 原煤 in 吨), months 1–12 across with a 全年
               column, each row as 本月 and 累计 (label merged over the two),
               年初库存, 期末库存, 折标系数, a blank row and 注 rows.
  facility.csv what the forms do not carry (English name, industry,
               province), as the path/value rows `import` reads.

Run: /usr/bin/python3 tests/tools/make_intake_samples.py  (openpyxl). The
numbers are fixed; the files are committed and tests/unit/check_import.c
states the totals worked by hand.
"""
import os
import sys
import zipfile

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                   "samples", "intake")
NAME = "浙江绍兴示范印染有限公司"


def credit_code(head):
    """GB 32100: head = 登记管理部门 + 机构类别 + 行政区划 (8 characters) +
    the first 8 of the organisation code; the GB 11714 check of the
    organisation code and the GB 32100 check of the whole are computed."""
    org = head[8:]
    w = [3, 7, 9, 10, 5, 8, 4, 2]
    val = lambda ch: int(ch) if ch.isdigit() else ord(ch) - 55
    c9 = 11 - sum(val(ch) * k for ch, k in zip(org, w)) % 11
    code = head + ("X" if c9 == 10 else "0" if c9 == 11 else str(c9))
    cs = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    s = sum(cs.index(ch) * pow(3, i, 31) for i, ch in enumerate(code))
    return code + cs[(31 - s % 31) % 31]


CODE = credit_code("91330602MA2D8K3L")
thin = Side(style="thin")
box = Border(left=thin, right=thin, top=thin, bottom=thin)
center = Alignment(horizontal="center", vertical="center", wrap_text=True)

# name, unit, code, opening, purchase, amount (千元), use total, industrial,
# raw material, non-industrial, transport, closing, coefficient (tce/unit)
ROWS = [
    ("原煤", "吨", "01", 1250.00, 18600.00, 16182.0, 18950.00, 18800.00, None,
     150.00, None, 900.00, 0.7143),
    ("洗精煤", "吨", "06", None, None, None, None, None, None, None, None,
     None, 0.9000),
    ("焦炭", "吨", "09", None, None, None, None, None, None, None, None, None,
     0.9714),
    None,  # a blank row, as forms have between groups
    ("天然气(气态)", "万立方米", "15", None, 126.50, 4301.0, 126.50, 120.30,
     None, 6.20, None, None, 12.143),
    ("汽油", "吨", "19", None, None, None, None, None, None, None, None, None,
     1.4714),
    ("柴油", "吨", "21", 3.20, 42.60, 318.6, 43.10, 8.30, None, 34.80, 34.80,
     2.70, 1.4571),
    ("  其中：用于运输", "吨", "", None, None, None, 34.80, None, None, 34.80,
     34.80, None, None),
    ("热力", "百万千焦", "31", None, 85000.00, 12750.0, 85000.00, 85000.00,
     None, 0.00, None, None, 0.0341),
    ("电力", "万千瓦时", "33", None, 2386.45, 15511.9, 2386.45, 2310.20, None,
     76.25, None, None, 1.229),
]

# electricity purchased per month, 万千瓦时 (Σ 2,386.45); raw coal, t
# (Σ 18,600.00)
ELEC = [201.36, 142.08, 198.74, 203.55, 207.91, 204.12, 212.67, 210.38,
        201.94, 205.73, 199.06, 198.91]
COAL = [1720.00, 1160.00, 1600.00, 1580.00, 1540.00, 1460.00, 1520.00,
        1500.00, 1540.00, 1620.00, 1640.00, 1720.00]
COAL_USE = [1760.00, 1180.00, 1640.00, 1620.00, 1580.00, 1500.00, 1560.00,
            1540.00, 1580.00, 1660.00, 1680.00, 1650.00]


def form_205():
    wb = Workbook()
    ws = wb.active
    ws.title = "205-1表"
    ws.merge_cells("A1:M1")
    ws["A1"] = "能源购进、消费与库存"
    ws["A1"].font = Font(size=16, bold=True)
    ws["A1"].alignment = center
    ws["J2"] = "表    号：205-1表"
    ws["J3"] = "制定机关：国家统计局"
    ws["J4"] = "文    号：国统字（2023）XX号"
    ws["A2"] = "统一社会信用代码：" + CODE
    ws["A3"] = "单位详细名称：" + NAME
    ws["F3"] = "2024年"
    ws["A4"] = "有效期至：2025年12月"
    heads = ["能源名称", "计量单位", "代码", "期初库存量", "购进量", None,
             "消费量", None, None, None, None, "期末库存量", "采用折标系数"]
    sub = [None, None, None, None, "实物量", "金额（千元）", "合计",
           "工业生产消费", "用于原材料", "非工业生产消费", "合计中：运输工具消费",
           None, None]
    for c, h in enumerate(heads, 1):
        if h:
            ws.cell(5, c, h)
    for c, h in enumerate(sub, 1):
        if h:
            ws.cell(6, c, h)
    for c, h in enumerate(heads, 1):
        if h and not sub[c - 1]:
            ws.merge_cells(start_row=5, start_column=c, end_row=6,
                           end_column=c)
    ws.merge_cells("E5:F5")
    ws.merge_cells("G5:K5")
    numbers = ["甲", "乙", "丙"] + [str(i) for i in range(1, 11)]
    for c, t in enumerate(numbers, 1):
        ws.cell(7, c, t)
    r = 8
    sums = [0.0] * 6
    amount = 0.0
    for row in ROWS:
        if row is None:
            r += 1
            continue
        for c, v in enumerate(row, 1):
            if v is not None:
                ws.cell(r, c, v)
        if not row[0].strip().startswith("其中") and row[12]:
            for k, col in enumerate((3, 4, 6, 7, 9, 11)):
                if row[col] is not None:
                    sums[k] += row[col] * row[12]
            if row[5] is not None:
                amount += row[5]
        r += 1
    total = ["能源合计", "吨标准煤", "40", round(sums[0], 2), None,
             round(amount, 1), round(sums[2], 2), round(sums[3], 2), None,
             round(sums[4], 2), None, round(sums[5], 2), None]
    # the purchases' column holds the total of the purchases in tce
    total[4] = round(sums[1], 2)
    for c, v in enumerate(total, 1):
        if v is not None:
            ws.cell(r, c, v)
    for rr in range(5, r + 1):
        for c in range(1, 14):
            ws.cell(rr, c).border = box
    for rr in (5, 6, 7):
        for c in range(1, 14):
            ws.cell(rr, c).alignment = center
    ws.cell(r + 2, 1, "单位负责人：王某某    统计负责人：李某某    填表人：张某某"
            "    联系电话：0575-8xxxxxxx    报出日期：2025年1月20日")
    ws.cell(r + 3, 1, "说明：1. 本表由规模以上工业法人单位填报。")
    ws.cell(r + 4, 1, "2. 主要逻辑审核关系：消费量合计 = 工业生产消费 + 非工业"
            "生产消费；期末库存量 = 期初库存量 + 购进量 − 消费量合计。")
    ws.column_dimensions["A"].width = 18
    for col in "DEFGHIJKLM":
        ws.column_dimensions[col].width = 13
    wb.save(os.path.join(OUT, "205-1.xlsx"))
    return sums, amount


def ledger_sheet(wb, carrier, unit, buy, use, opening, coef):
    ws = wb.create_sheet(carrier)
    ws.merge_cells("A1:O1")
    ws["A1"] = "2024年 工业企业能源统计台帐（%s）" % carrier
    ws["A1"].font = Font(size=14, bold=True)
    ws["A1"].alignment = center
    ws["A2"] = "单位名称：%s    计量单位：%s" % (NAME, unit)
    ws.cell(3, 1, "项目")
    ws.merge_cells("A3:B3")
    for m in range(1, 13):
        ws.cell(3, 2 + m, "%d月" % m)
    ws.cell(3, 15, "全年")
    r = 4

    def pair(label, vals):
        nonlocal r
        ws.cell(r, 1, label)
        ws.merge_cells(start_row=r, start_column=1, end_row=r + 1,
                       end_column=1)
        ws.cell(r, 2, "本月")
        ws.cell(r + 1, 2, "累计")
        run = 0.0
        for m, v in enumerate(vals, 1):
            if v is None:
                continue
            run += v
            ws.cell(r, 2 + m, v)
            ws.cell(r + 1, 2 + m, round(run, 2))
        if all(v is not None for v in vals):
            ws.cell(r, 15, round(sum(vals), 2))
        r += 2

    pair("消费量总计", use)
    prod = [round(u * 0.97, 2) for u in use]
    non = [round(u - p, 2) for u, p in zip(use, prod)]
    pair("其中：生产用", prod)
    pair("非生产用", non)
    pair("购进量总计", buy)
    pair("其中：省外购进", [0.0] * 12)
    r += 1  # a blank row
    ws.cell(r, 1, "年初库存")
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=2)
    ws.cell(r, 3, opening)
    r += 1
    ws.cell(r, 1, "期末库存")
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=2)
    stock = opening
    for m in range(12):
        stock = round(stock + buy[m] - use[m], 2)
        ws.cell(r, 3 + m, stock)
    r += 1
    ws.cell(r, 1, "折标系数")
    ws.cell(r, 2, "本月")
    for m in range(12):
        ws.cell(r, 3 + m, coef)
    r += 2
    ws.cell(r, 1, "注：1. 消费量总计 = 生产用 + 非生产用；2. 年初库存填报一次。")
    ws.column_dimensions["A"].width = 14
    return ws


def ledger():
    wb = Workbook()
    wb.remove(wb.active)
    ledger_sheet(wb, "电力", "万千瓦时", ELEC, ELEC, 0.0, 1.229)
    ledger_sheet(wb, "原煤", "吨", COAL, COAL_USE, 1250.0, 0.7143)
    wb.save(os.path.join(OUT, "ledger.xlsx"))


def monthly_205():
    """The same year as twelve monthly 205-1 sheets (1月 … 12月), as firms
    that file the form monthly keep it: 电力 and 原煤 only."""
    wb = Workbook()
    wb.remove(wb.active)
    stock = 1250.0
    for m in range(12):
        ws = wb.create_sheet("%d月" % (m + 1))
        ws.merge_cells("A1:H1")
        ws["A1"] = "能源购进、消费与库存"
        ws["A2"] = "单位详细名称：" + NAME
        ws["F2"] = "2024年%d月" % (m + 1)
        heads = ["能源名称", "计量单位", "期初库存量", "购进量", None,
                 "消费量合计", "期末库存量", "采用折标系数"]
        for c, h in enumerate(heads, 1):
            if h:
                ws.cell(4, c, h)
        ws.cell(5, 4, "实物量")
        ws.cell(5, 5, "金额（千元）")
        for c in (1, 2, 3, 6, 7, 8):
            ws.merge_cells(start_row=4, start_column=c, end_row=5,
                           end_column=c)
        ws.merge_cells("D4:E4")
        close = round(stock + COAL[m] - COAL_USE[m], 2)
        rows = [("原煤", "吨", stock, COAL[m], round(COAL[m] * 0.87, 1),
                 COAL_USE[m], close, 0.7143),
                ("电力", "万千瓦时", None, ELEC[m], round(ELEC[m] * 6.5, 1),
                 ELEC[m], None, 1.229)]
        r = 6
        tce = [0.0] * 4
        for row in rows:
            for c, v in enumerate(row, 1):
                if v is not None:
                    ws.cell(r, c, v)
            for k, col in enumerate((2, 3, 5, 6)):
                if row[col] is not None:
                    tce[k] += row[col] * row[7]
            r += 1
        r += 1  # a blank row before the total
        ws.cell(r, 1, "能源合计")
        ws.cell(r, 2, "吨标准煤")
        for k, col in enumerate((3, 4, 6, 7)):
            ws.cell(r, col, round(tce[k], 2))
        ws.cell(r, 5, round(sum(x[4] for x in rows), 1))
        stock = close
    wb.save(os.path.join(OUT, "205-1-monthly.xlsx"))


def facility_csv():
    with open(os.path.join(OUT, "facility.csv"), "w", encoding="utf-8",
              newline="") as f:
        f.write("\ufeff路径,值\r\n")
        f.write("facility.name.en,\"Zhejiang Shaoxing Demo Dyeing Co., Ltd.\""
                "\r\n")
        f.write("facility.industry,textile\r\n")
        f.write("facility.province,zhejiang\r\n")


def normalise(path):
    """openpyxl stamps the time of writing into docProps/core.xml: a fixed
    date keeps the committed files the same from run to run."""
    tmp = path + ".tmp"
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(
            tmp, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "docProps/core.xml":
                import re
                data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ",
                              b"2025-01-20T00:00:00Z", data)
            info.date_time = (2025, 1, 20, 0, 0, 0)
            zout.writestr(info, data)
    os.replace(tmp, path)


def main():
    os.makedirs(OUT, exist_ok=True)
    assert abs(sum(ELEC) - 2386.45) < 1e-6, sum(ELEC)
    assert abs(sum(COAL) - 18600.0) < 1e-6, sum(COAL)
    assert abs(sum(COAL_USE) - 18950.0) < 1e-6, sum(COAL_USE)
    sums, amount = form_205()
    ledger()
    monthly_205()
    facility_csv()
    for n in ("205-1.xlsx", "ledger.xlsx", "205-1-monthly.xlsx"):
        normalise(os.path.join(OUT, n))
    print("能源合计 (tce): opening %.2f purchases %.2f use %.2f industrial "
          "%.2f non-industrial %.2f closing %.2f; amount %.1f 千元"
          % (sums[0], sums[1], sums[2], sums[3], sums[4], sums[5], amount),
          file=sys.stderr)


if __name__ == "__main__":
    main()
