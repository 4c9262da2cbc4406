#!/usr/bin/env python3
"""forms_facts.py — the filing forms of a workbook checked against the results.

Usage: forms_facts.py WORKBOOK.xlsx RESULTS.json [LO-RECALCULATED.xlsx]

Reads the form sheets of a Chinese (--lang zh) workbook with openpyxl, as
formulas and as stored results, and prints one line per check, "ok NAME" or
"BAD NAME: why"; check_xlsx.c asserts that no line is BAD and that every
check it expects ran. With a third workbook (the same one recalculated by
LibreOffice from formulas whose stored results were removed), every formula
cell of the form sheets must have the result stored in the first.
"""
import json
import sys

import openpyxl

wb = openpyxl.load_workbook(sys.argv[1])
vals = openpyxl.load_workbook(sys.argv[1], data_only=True)
r = json.load(open(sys.argv[2]))
E = r["energy"]


def say(name, good, why=""):
    print(("ok " if good else "BAD ") + name + ("" if good else ": " + why))


def near(a, b, tol):
    return a is not None and b is not None and abs(a - b) <= tol


def sheet(prefix):
    names = [n for n in wb.sheetnames if n.startswith(prefix)]
    return names[0] if names else None


def row_of(ws, col, start):
    for row in ws.iter_rows():
        c = row[col]
        if isinstance(c.value, str) and c.value.startswith(start):
            return c.row
    return None


# 205-1: rows matched to the carriers, units of the form, the total in tce
s = sheet("205-1 ")
say("205-1 sheet", s is not None, str(wb.sheetnames[-10:]))
if s:
    f, v = wb[s], vals[s]
    merged = [str(m) for m in f.merged_cells.ranges]
    hr = row_of(f, 0, "能源名称")
    say("205-1 header", hr is not None and f.cell(hr, 5).value == "购进量"
        and f"E{hr}:F{hr}" in merged and f"G{hr}:K{hr}" in merged
        and f"A{hr}:A{hr + 1}" in merged and f.cell(hr + 1, 5).value == "实物量",
        f"{hr} {merged}")
    marks = [f.cell(hr + 2, c).value for c in range(1, 15)]
    say("205-1 column numbers", marks == ["甲", "乙", "丙"] + [str(i) for i in range(1, 11)] + ["丁"],
        str(marks))
    say("205-1 corner", any(isinstance(c.value, str) and c.value.startswith("表")
                            and "205-1表" in c.value for row in f.iter_rows(max_row=hr) for c in row), "")
    say("205-1 footer", row_of(f, 0, "单位负责人") is not None, "")
    # the carriers the shipped form has a row for
    import os, re
    tpl = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                       "templates", "forms", "10-205-1.yaml")
    keys = set(re.findall(r"energy\.carriers\[carrier=(\w+)\]", open(tpl).read()))
    say("205-1 template rows", len(keys) >= 30, str(len(keys)))
    media = {c["carrier"] for c in E["carriers"] if c["carrier"] not in keys}
    on_form = [c for c in E["carriers"] if c["carrier"] in keys]
    body = [rw for rw in range(hr + 3, f.max_row + 1)
            if f.cell(rw, 1).value and not str(f.cell(rw, 1).value).startswith(("能源合计", "说明", "2.", "3.", "单位负责人"))]
    say("205-1 rows", len(body) == len(on_form), f"{len(body)} rows, {len(on_form)} carriers")
    tr = row_of(f, 0, "能源合计")
    want = sum(c["tce"] for c in on_form)
    say("205-1 total tce", tr and near(v.cell(tr, 7).value, want, 0.005)
        and near(v.cell(tr, 7).value, E["total_tce"] - sum(c["tce"] for c in E["carriers"] if c["carrier"] in media), 0.005)
        and str(f.cell(tr, 7).value).startswith("=SUMPRODUCT("),
        f"{v.cell(tr, 7).value} {f.cell(tr, 7).value} want {want}")
    el = [c for c in E["carriers"] if c["carrier"] == "electricity"]
    er = row_of(f, 0, "电力")
    if el:
        say("205-1 electricity", er and f.cell(er, 2).value == "万千瓦时"
            and near(v.cell(er, 5).value, el[0]["purchased"] / 1e4, 1e-9 * max(1, abs(el[0]["purchased"])))
            and near(v.cell(er, 7).value, el[0]["consumed"] / 1e4, 1e-9 * max(1, abs(el[0]["consumed"])))
            and near(v.cell(er, 13).value, el[0]["coefficient_kgce"] * 10, 1e-12),
            f"row {er}: {[v.cell(er, c).value for c in range(1, 14)]}")
    for c in on_form:
        rw = row_of(f, 0, c["name_zh"].split("（")[0])
        if not rw:
            continue
        ind = f.cell(rw, 8).value
        say("205-1 relation 4=5+7 " + c["carrier"], isinstance(ind, str) and ind.startswith("=G"), str(ind))
        if c.get("opening_stock") is not None and c["sold"] == 0:
            say("205-1 closing stock " + c["carrier"],
                str(f.cell(rw, 12).value).startswith("=D") and near(v.cell(rw, 12).value, c["closing_stock"], 1e-6),
                f"{f.cell(rw, 12).value} {v.cell(rw, 12).value}")
        if c.get("opening_stock") is None:
            say("205-1 note " + c["carrier"], any(w in str(f.cell(rw, 15).value) for w in ("库存", "外销", "自产")),
                str(f.cell(rw, 15).value))
    # columns 6-8: raw-material and non-industrial use 0 on every row;
    # vehicles 0 for a carrier no vehicle runs on, blank (with the note)
    # for one a vehicle may; the total row sums them, blank when any is
    vehicle = {"gasoline", "kerosene", "diesel", "fuel_oil", "lpg", "lng", "natural_gas", "electricity"}
    good = True
    for c in on_form:
        rw = row_of(f, 0, c["name_zh"].split("（")[0])
        if not rw:
            continue
        six, seven, eight = (v.cell(rw, k).value for k in (9, 10, 11))
        print("205-1 6-8", f.cell(rw, 1).value, six, seven, eight, v.cell(rw, 8).value == v.cell(rw, 7).value)
        if six != 0 or seven != 0 or (eight is None) != (c["carrier"] in vehicle):
            good = False
        if c["carrier"] in vehicle and "8 运输工具消费" not in str(f.cell(rw, 15).value):
            good = False
    if tr:
        t = [v.cell(tr, k).value for k in (9, 10, 11)]
        print("205-1 6-8 total", *t, [f.cell(tr, k).value for k in (9, 10, 11)])
        good = good and t[:2] == [0, 0] and (t[2] is None) == any(c["carrier"] in vehicle for c in on_form)
    say("205-1 columns 6-8", good, "")

# Carbon C.2: the total is the carbon total; C.3: the fuels' emissions
s = sheet("碳排放表C.2")
say("C.2 sheet", s is not None, "")
if s:
    f, v = wb[s], vals[s]
    tr = row_of(f, 0, "企业温室气体排放总量")
    C = r["carbon"]
    hr = row_of(f, 0, "排放源类别")
    col = {f.cell(hr, k).value: k for k in range(1, 6)}
    te = col.get("排放量（吨二氧化碳当量）")
    say("C.2 total", tr and te and near(v.cell(tr, te).value, C["total_tco2e"], 1e-6 * max(1, abs(C["total_tco2e"])))
        and str(f.cell(tr, te).value).startswith("=SUM("), f"{te and v.cell(tr, te).value} {C['total_tco2e']}")
    # the non-CO2 gases: a row each, its gas, its mass in t and CO2e
    rows = [rw for rw in range(hr + 1, tr) if v.cell(rw, col["温室气体"]).value not in (None, "CO2")]
    good = len(rows) == len(C["gases"])
    for g, rw in zip(C["gases"], rows):
        m, e = v.cell(rw, col["排放量（吨）"]).value, v.cell(rw, te).value
        print("C.2 gas", v.cell(rw, 1).value, v.cell(rw, col["温室气体"]).value, f"{m:.4f}", f"{e:.2f}",
              f.cell(rw, col["排放量（吨）"]).number_format)
        good = good and v.cell(rw, col["温室气体"]).value == g["gas"] and near(m, g["mass_t"], 1e-12) \
            and near(e, g["tco2e"], 1e-9 * max(1, g["tco2e"]))
    co2 = sum(v.cell(rw, te).value or 0 for rw in range(hr + 1, tr) if rw not in rows)
    say("C.2 gases", good and near(co2, C["total_tco2"], 1e-6 * max(1, abs(C["total_tco2"]))), f"{len(rows)} {co2}")
s = sheet("碳排放表C.3")
say("C.3 sheet", s is not None, "")
if s:
    f, v = wb[s], vals[s]
    tr = row_of(f, 0, "合计")
    want = sum(x["tco2"] for x in r["carbon"]["scope1"]["combustion"])
    say("C.3 total", tr and near(v.cell(tr, 9).value, want, 1e-9 * max(1, want)), f"{v.cell(tr, 9).value} {want}")
# Status report: basics, structure total, product intensity
s = sheet("状况报告表1")
say("T1 sheet", s is not None, "")
if s:
    v = vals[s]
    rw = row_of(wb[s], 0, "综合能源消费量（当量值）")
    say("T1 total", rw and near(v.cell(rw, 2).value, E["total_tce"], 1e-9), str(rw))
s = sheet("状况报告表2")
if s:
    f, v = wb[s], vals[s]
    tr = row_of(f, 0, "合计")
    say("T2 total", tr and near(v.cell(tr, 5).value, E["total_tce"], 1e-6), f"{v.cell(tr, 5).value}")
s = sheet("状况报告表4")
if s and E["products"]:
    f, v = wb[s], vals[s]
    p = E["products"][0]
    rw = row_of(f, 0, p["name_zh"])
    say("T4 per unit", rw and near(v.cell(rw, 5).value, p["energy_tce"] * 1000 / p["quantity"], 1e-9)
        and str(f.cell(rw, 5).value).startswith("="), f"{rw}")

# LibreOffice's recalculation of every form formula
if len(sys.argv) > 3:
    lo = openpyxl.load_workbook(sys.argv[3], data_only=True)
    n = bad = 0
    for s in wb.sheetnames:
        if not (s.startswith("205-1") or s.startswith("状况报告") or s.startswith("碳排放")):
            continue
        for row in wb[s].iter_rows():
            for c in row:
                if isinstance(c.value, str) and c.value.startswith("="):
                    n += 1
                    a, b = vals[s][c.coordinate].value, lo[s][c.coordinate].value
                    if b is None or abs(a - b) > 1e-9 * max(1, abs(a)):
                        bad += 1
                        print("differs", s, c.coordinate, c.value, a, b)
    say("recalculated", n >= 10 and bad == 0, f"{n} formulas, {bad} differ")
