/* check_xlsx.c — the Excel workbook: number formats, the sample's sheets
 * as openpyxl reads them (full-precision numbers, totals and shares as
 * formulas with their results stored), LibreOffice recalculating every
 * formula to the stored result, and the command line. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../generator/base/mem.h"
#include "../../generator/xlsx/xlsx.h"
#include "../../generator/xlsx/xlw.h"
#include "suites.h"
#include "testutil.h"

START_TEST(t_xlsx_num_format)
{
  arena *a = arena_new();
  /* the templates' formats, rounded as the report rounds them */
  ck_assert_str_eq(xlsx_num_format(a, NULL, ""), "#,##0.00");
  ck_assert_str_eq(xlsx_num_format(a, "0", ""), "#,##0");
  ck_assert_str_eq(xlsx_num_format(a, "0.0000", ""), "#,##0.0000");
  ck_assert_str_eq(xlsx_num_format(a, "#", ""), "0");
  ck_assert_str_eq(xlsx_num_format(a, "%", ""), "0.0%");
  ck_assert_str_eq(xlsx_num_format(a, "%0", ""), "0%");
  ck_assert_str_eq(xlsx_num_format(a, "%0.00", ""), "0.00%");
  /* a unit after the number is literal text of the format */
  ck_assert_str_eq(xlsx_num_format(a, "0.00", " tce"), "#,##0.00\" tce\"");
  ck_assert_str_eq(xlsx_num_format(a, "0", " 万元\"x"), "#,##0\" 万元x\"");
  /* not a number's format: the cell stays text */
  ck_assert_ptr_null(xlsx_num_format(a, "yesno", ""));
  ck_assert_ptr_null(xlsx_num_format(a, "0.0x", ""));
  ck_assert_ptr_null(xlsx_num_format(a, "0.0000000000", ""));
  arena_free(a);
}
END_TEST

/* Facts of a workbook read by openpyxl, one per line. */
static char *facts(const char *xlsx, const char *json)
{
  char cmd[4096], *out;
  snprintf(cmd, sizeof cmd,
           "/usr/bin/python3 -c '\n"
           "import json, sys, openpyxl\n"
           "wb = openpyxl.load_workbook(sys.argv[1])\n"
           "vals = openpyxl.load_workbook(sys.argv[1], data_only=True)\n"
           "r = json.load(open(sys.argv[2]))\n"
           "print(\"sheets\", len(wb.sheetnames), wb.sheetnames[0])\n"
           "ws = [n for n in wb.sheetnames if n.startswith(\"表5-1 \")][0]\n"
           "s, v = wb[ws], vals[ws]\n"
           "print(\"freeze\", s.freeze_panes)\n"
           "print(\"total\", s[\"E7\"].value, s[\"E7\"].number_format,\n"
           "      abs(v[\"E7\"].value / r[\"energy\"][\"total_tce\"] - 1) < 1e-14)\n"
           "print(\"share\", s[\"F3\"].value, s[\"F3\"].number_format,\n"
           "      abs(v[\"F3\"].value - r[\"energy\"][\"carriers\"][0][\"share\"]) < 1e-12)\n"
           "print(\"row\", v[\"A3\"].value,\n"
           "      abs(v[\"C3\"].value / r[\"energy\"][\"carriers\"][0][\"consumed\"] - 1) < 1e-14)\n"
           "f = wb[wb.sheetnames[-1]]\n"
           "print(\"factors\", wb.sheetnames[-1], f.max_row - 2 == len(r[\"factors_used\"]))\n"
           "import math\n"
           "def lines(t, w):\n"
           "    n = 0\n"
           "    for part in t.split(chr(10)):\n"
           "        u = sum(2 if len(ch.encode()) >= 3 else 1.1 for ch in part)\n"
           "        n += max(1, math.ceil(u / max(1, w - 1)))\n"
           "    return n\n"
           "wa, wd = f.column_dimensions[\"A\"].width, f.column_dimensions[\"D\"].width\n"
           "tall = all((f.row_dimensions[i].height or 15) >= 15 * min(12, max(lines(f.cell(i, 1).value, wa), lines(f.cell(i, 4).value or \"\", wd)))\n"
           "           for i in range(3, f.max_row + 1))\n"
           "multi = sum(lines(f.cell(i, 4).value or \"\", wd) > 1 for i in range(3, f.max_row + 1))\n"
           "print(\"factor widths\", 10 <= wa <= 40, round(wd), f.column_dimensions[\"C\"].width >= 8,\n"
           "      all(f.cell(i, k).alignment.wrap_text for i in range(3, f.max_row + 1) for k in (1, 4)),\n"
           "      tall, multi > 0, f.page_setup.orientation,\n"
           "      f.sheet_properties.pageSetUpPr.fitToPage, f.page_setup.fitToWidth in (None, 1), f.print_title_rows)\n"
           "c = wb[wb.sheetnames[0]]\n"
           "print(\"link\", c[\"A5\"].hyperlink.location if c[\"A5\"].hyperlink else None)\n"
           "print(\"names\", all(len(n) <= 31 for n in wb.sheetnames),\n"
           "      len(set(n.lower() for n in wb.sheetnames)) == len(wb.sheetnames))\n"
           "' '%s' '%s' 2>&1",
           xlsx, json);
  tu_sh(cmd, &out);
  return out;
}

/* A bilingual workbook: every cell of two lines (Chinese, then English)
   sits in a row at least two lines tall, on the contents sheet, in the
   tables and in the titles (merged across the table), so that
   LibreOffice and Excel draw neither line over the other. */
START_TEST(t_xlsx_bilingual_rows)
{
  char dir[] = "/tmp/auditgen-xlsx-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  char cmd[4096], *out;
  snprintf(cmd, sizeof cmd,
           "cd '%s' && '%s' report samples/cement-plant.yaml -o %s/b.xlsx -q "
           "&& /usr/bin/python3 -c '\n"
           "import sys, openpyxl\n"
           "wb = openpyxl.load_workbook(sys.argv[1])\n"
           "short = 0; rows = 0\n"
           "for n in wb.sheetnames:\n"
           "    s = wb[n]\n"
           "    if n[0] not in \"目表\":\n"
           "        continue\n"
           "    for row in s.iter_rows():\n"
           "        k = max((str(c.value).count(chr(10)) + 1 for c in row if c.value is not None), default=1)\n"
           "        if k > 1:\n"
           "            rows += 1\n"
           "            short += (s.row_dimensions[row[0].row].height or 15) < 15 * k\n"
           "t = wb[[n for n in wb.sheetnames if n.startswith(\"表3 \")][0]]\n"
           "print(rows > 500, short, \"A1:\" in str(t.merged_cells), wb[wb.sheetnames[0]].page_setup.fitToWidth in (None, 1))\n"
           "' %s/b.xlsx 2>&1; rm -rf '%s'",
           tu_root(), tu_bin(), dir, dir, dir);
  ck_assert_int_eq(tu_sh(cmd, &out), 0);
  ck_assert_str_eq(out, "True 0 True True\n");
  free(out);
}
END_TEST

/* Every row of the cement workbook, in each language, tall enough for
   its wrapped text at LibreOffice's line height (tests/tools/xlsx_rows.py
   says how it counts): LibreOffice clipped the 205-1 total row's note
   (bold, three lines of Chinese in 47 pt) and contents rows of seven
   lines that were cut to six. */
START_TEST(t_xlsx_row_heights)
{
  static const char *const langs[] = {"zh", "en", "bilingual"};
  char dir[] = "/tmp/auditgen-xlsxrows-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  for (int i = 0; i < 3; i++) {
    char cmd[4096], *out;
    snprintf(cmd, sizeof cmd,
             "cd '%s' && '%s' report samples/cement-plant.yaml --lang %s -o "
             "%s/w.xlsx -q && /usr/bin/python3 tests/tools/xlsx_rows.py "
             "%s/w.xlsx 2>&1 && /usr/bin/python3 -c '\n"
             "import sys, zipfile, xml.dom.minidom\n"
             "z = zipfile.ZipFile(sys.argv[1])\n"
             "for n in z.namelist():\n"
             "    xml.dom.minidom.parseString(z.read(n))\n"
             "print(\"parts\", len(z.namelist()) > 150)\n"
             "' %s/w.xlsx 2>&1",
             tu_root(), tu_bin(), langs[i], dir, dir, dir);
    ck_assert_int_eq(tu_sh(cmd, &out), 0);
    /* hundreds of rows of more than one line (bilingual: 1,083), none
       short (xlsx_rows.py opens every sheet through openpyxl); every
       part of the package well-formed XML */
    const char *tail = " short 0\nparts True\n";
    const char *end = strstr(out, tail);
    ck_assert_msg(strncmp(out, "rows ", 5) == 0 && atoi(out + 5) > 200 &&
                      end && !end[strlen(tail)] &&
                      strchr(out, '\n') == end + 8,
                  "%s: %s", langs[i], out);
    free(out);
  }
  char cmd[512];
  snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
  ck_assert_int_eq(system(cmd), 0);
}
END_TEST

START_TEST(t_xlsx_sample)
{
  char dir[] = "/tmp/auditgen-xlsx-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  char cmd[2048], *out;
  snprintf(cmd, sizeof cmd,
           "cd '%s' && SOURCE_DATE_EPOCH=1700000000 '%s' report "
           "samples/cement-plant.yaml --lang zh -o %s/zh.xlsx -q && '%s' calc "
           "samples/cement-plant.yaml -o %s/r.json -q && "
           "SOURCE_DATE_EPOCH=1700000000 '%s' report samples/cement-plant.yaml "
           "--lang zh -o %s/again.xlsx -q && cmp %s/zh.xlsx %s/again.xlsx 2>&1",
           tu_root(), tu_bin(), dir, tu_bin(), dir, tu_bin(), dir, dir, dir);
  ck_assert_msg(tu_sh(cmd, &out) == 0, "%s", out);
  free(out);
  char x[512], j[512];
  snprintf(x, sizeof x, "%s/zh.xlsx", dir);
  snprintf(j, sizeof j, "%s/r.json", dir);
  out = facts(x, j);
  /* a contents sheet, a sheet per table, the factors; Table 5-1 with its
     header frozen, the total as SUM with the JSON's total stored, each
     share as the row's standard coal over the total; numbers unrounded
     (xlw.c writes the shortest digits that read back: equal to 1e-14
     holds with room) */
  ck_assert_msg(strstr(out, "sheets ") && strstr(out, " 目录\n"), "%s", out);
  ck_assert_msg(strstr(out, "freeze A3\n"), "%s", out);
  ck_assert_msg(strstr(out, "total =SUM(E3:E6) #,##0.00 True\n"), "%s", out);
  ck_assert_msg(strstr(out, "share =E3/E$7 0.0% True\n"), "%s", out);
  ck_assert_msg(strstr(out, "row 原煤 True\n"), "%s", out);
  ck_assert_msg(strstr(out, "factors 因子与来源 True\n"), "%s", out);
  /* the factors sheet readable: the name column as wide as its longest
     name within 10 to 40 characters, the source column 70 and wrapping,
     each row as tall as its longest text takes lines (some sources do
     take more than one), so nothing runs over the next row in LibreOffice;
     printed landscape, one page wide, the header on every page */
  ck_assert_msg(strstr(out, "factor widths True 71 True True True True "
                            "landscape True True $2:$2\n"),
                "%s", out);
  ck_assert_msg(strstr(out, "link '表1 审计组成员'!A1\n"), "%s", out);
  ck_assert_msg(strstr(out, "names True True\n"), "%s", out);
  int sheets = atoi(strstr(out, "sheets ") + 7);
  ck_assert_int_gt(sheets, 60);
  free(out);
  /* the English workbook names its sheets in English */
  snprintf(cmd, sizeof cmd,
           "cd '%s' && '%s' report samples/cement-plant.yaml --lang en -o "
           "%s/en.xlsx -q && /usr/bin/python3 -c 'import openpyxl, sys; "
           "n = openpyxl.load_workbook(sys.argv[1]).sheetnames; print(n[0], "
           "n[-1]); print([s for s in n if s.startswith(\"T5-1 \")])' %s/en.xlsx",
           tu_root(), tu_bin(), dir, dir);
  tu_sh(cmd, &out);
  /* (31 characters at most: Excel's limit) */
  ck_assert_msg(strstr(out, "Contents Factors and their sources\n['T5-1 Energy "
                            "consumption by carr']\n"),
                "%s", out);
  free(out);
  snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
  ck_assert_int_eq(system(cmd), 0);
}
END_TEST

/* LibreOffice recalculates every formula (their stored results removed
   first, so it must) to the result the workbook stored. */
START_TEST(t_xlsx_libreoffice)
{
  char dir[] = "/tmp/auditgen-xlsxlo-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  char cmd[4096], *out;
  snprintf(cmd, sizeof cmd,
           "cd '%s' && '%s' report samples/cement-plant.yaml --lang zh -o "
           "%s/w.xlsx -q && cd %s && /usr/bin/python3 -c '\n"
           "import re, zipfile\n"
           "src = zipfile.ZipFile(\"w.xlsx\")\n"
           "out = zipfile.ZipFile(\"bare.xlsx\", \"w\", zipfile.ZIP_DEFLATED)\n"
           "for i in src.infolist():\n"
           "    d = src.read(i.filename)\n"
           "    if i.filename.startswith(\"xl/worksheets/\"):\n"
           "        d = re.sub(rb\"(<f>[^<]*</f>)<v>[^<]*</v>\", rb\"\\1\", d)\n"
           "    out.writestr(i, d)\n"
           "out.close()' && HOME=%s timeout 300 soffice --headless --norestore "
           "--convert-to xlsx:\"Calc MS Excel 2007 XML\" --outdir lo bare.xlsx "
           ">/dev/null 2>&1; /usr/bin/python3 -c '\n"
           "import openpyxl\n"
           "f = openpyxl.load_workbook(\"w.xlsx\")\n"
           "ours = openpyxl.load_workbook(\"w.xlsx\", data_only=True)\n"
           "lo = openpyxl.load_workbook(\"lo/bare.xlsx\", data_only=True)\n"
           "n = bad = 0\n"
           "for s in f.sheetnames:\n"
           "    for row in f[s].iter_rows():\n"
           "        for c in row:\n"
           "            if isinstance(c.value, str) and c.value.startswith(\"=\"):\n"
           "                n += 1\n"
           "                a, b = ours[s][c.coordinate].value, lo[s][c.coordinate].value\n"
           "                if b is None or abs(a - b) > 1e-9 * max(1, abs(a)):\n"
           "                    bad += 1\n"
           "                    print(s, c.coordinate, c.value, a, b)\n"
           "print(n, \"formulas\", bad, \"differ\")' 2>&1",
           tu_root(), tu_bin(), dir, dir, dir);
  tu_sh(cmd, &out);
  /* Tables 5 (measures), 5-1 (5 cells), 5-2, 5-3, 11-1 … */
  char *p = strstr(out, " formulas 0 differ\n");
  ck_assert_msg(p != NULL, "%s", out);
  while (p > out && p[-1] != '\n')
    p--;
  ck_assert_msg(atoi(p) >= 20, "%s", out);
  free(out);
  snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
  ck_assert_int_eq(system(cmd), 0);
}
END_TEST

START_TEST(t_xlsx_cli)
{
  char dir[] = "/tmp/auditgen-xlsxcli-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  char cmd[2048], *out;
  snprintf(cmd, sizeof cmd,
           "cd '%s' && '%s' report samples/training/boiler-house.yaml -o "
           "%s/a.XLSX -q && '%s' report samples/training/boiler-house.yaml "
           "--format xlsx -o %s/b.tables -q && '%s' batch "
           "samples/training/boiler-house.yaml -o %s/out --formats xlsx "
           ">/dev/null && cd %s && for f in a.XLSX b.tables out/*; do "
           "echo $f $(unzip -l $f 2>/dev/null | grep -c xl/workbook.xml); done; "
           "'%s' report '%s/samples/training/boiler-house.yaml' --format xlsx "
           "-o c.pdf 2>&1 | head -1",
           tu_root(), tu_bin(), dir, tu_bin(), dir, tu_bin(), dir, dir, tu_bin(),
           tu_root());
  tu_sh(cmd, &out);
  ck_assert_str_eq(out, "a.XLSX 1\nb.tables 1\nout/boiler-house.json 0\n"
                        "out/boiler-house.xlsx 1\n"
                        "out/summary.jsonl 0\n"
                        "auditgen: -o c.pdf does not match --format xlsx\n");
  free(out);
  /* an exercise: figures blank, so no numbers and no formulas */
  snprintf(cmd, sizeof cmd,
           "cd '%s' && '%s' report samples/cement-plant.yaml --exercise -o "
           "%s/ex.xlsx -q && cd %s && unzip -p ex.xlsx 'xl/worksheets/*.xml' | "
           "grep -c '<f>'",
           tu_root(), tu_bin(), dir, dir);
  tu_sh(cmd, &out);
  ck_assert_str_eq(out, "0\n");
  free(out);
  snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
  ck_assert_int_eq(system(cmd), 0);
}
END_TEST

/* The filing forms of each sample (a template folder with a one-line
   report.tpl, so the workbook holds the forms alone): every check of
   tests/tools/forms_facts.py — 205-1's rows, units, column numbers,
   merged header, total in tce against the JSON, relations as formulas,
   C.2's total against the carbon total, C.3, the status report's tables —
   and LibreOffice recalculating every form formula (stored results
   removed first) to the result stored. */
START_TEST(t_xlsx_forms)
{
  char dir[] = "/tmp/auditgen-xlsxforms-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  static const char *const samples[] = {"cement-plant", "power-plant",
                                        "aluminium-smelter"};
  char cmd[4096], *out;
  snprintf(cmd, sizeof cmd,
           "mkdir -p %s/tpl %s/lo && printf 'zh: 表单。\\n' > %s/tpl/report.tpl",
           dir, dir, dir);
  ck_assert_int_eq(system(cmd), 0);
  for (int i = 0; i < 3; i++) {
    snprintf(cmd, sizeof cmd,
             "cd '%s' && '%s' report samples/%s.yaml --lang zh --templates "
             "%s/tpl -o %s/%s.xlsx -q && '%s' calc samples/%s.yaml -o "
             "%s/%s.json -q 2>&1 && cd %s && /usr/bin/python3 -c '\n"
             "import re, sys, zipfile\n"
             "src = zipfile.ZipFile(sys.argv[1] + \".xlsx\")\n"
             "out = zipfile.ZipFile(\"lo/\" + sys.argv[1] + \"-bare.xlsx\", \"w\", "
             "zipfile.ZIP_DEFLATED)\n"
             "for i in src.infolist():\n"
             "    d = src.read(i.filename)\n"
             "    if i.filename.startswith(\"xl/worksheets/\"):\n"
             "        d = re.sub(rb\"(<f>[^<]*</f>)<v>[^<]*</v>\", rb\"\\1\", d)\n"
             "    out.writestr(i, d)\n"
             "out.close()' %s",
             tu_root(), tu_bin(), samples[i], dir, dir, samples[i], tu_bin(),
             samples[i], dir, samples[i], dir, samples[i]);
    ck_assert_msg(tu_sh(cmd, &out) == 0, "%s", out);
    free(out);
  }
  snprintf(cmd, sizeof cmd,
           "cd %s/lo && HOME=%s timeout 300 soffice --headless --norestore "
           "--convert-to xlsx:\"Calc MS Excel 2007 XML\" --outdir re "
           "cement-plant-bare.xlsx power-plant-bare.xlsx "
           "aluminium-smelter-bare.xlsx >/dev/null 2>&1; ls re",
           dir, dir);
  tu_sh(cmd, &out);
  free(out);
  for (int i = 0; i < 3; i++) {
    snprintf(cmd, sizeof cmd,
             "/usr/bin/python3 '%s/tests/tools/forms_facts.py' %s/%s.xlsx "
             "%s/%s.json %s/lo/re/%s-bare.xlsx 2>&1",
             tu_root(), dir, samples[i], dir, samples[i], dir, samples[i]);
    tu_sh(cmd, &out);
    ck_assert_msg(!strstr(out, "BAD ") && strstr(out, "ok 205-1 total tce\n") &&
                      strstr(out, "ok 205-1 header\n") &&
                      strstr(out, "ok 205-1 column numbers\n") &&
                      strstr(out, "ok 205-1 electricity\n") &&
                      strstr(out, "ok C.2 total\n") &&
                      strstr(out, "ok C.3 total\n") &&
                      strstr(out, "ok T4 per unit\n") &&
                      strstr(out, "ok recalculated\n") &&
                      strstr(out, "ok 205-1 columns 6-8\n") &&
                      strstr(out, "ok C.2 gases\n"),
                  "%s: %s", samples[i], out);
    if (i == 0) {
      /* Cement, 205-1 columns 6 (raw material), 7 (non-industrial), 8
         (vehicles), by hand: the audit counts all of each carrier in the
         comprehensive consumption (raw coal 218,789.46 t, diesel 296.4 t,
         electricity 10,378.567 万kWh) and C.3 burns all of the coal and
         diesel, so 6 = 7 = 0 and 5 = 4 on each row; 8 is 0 for raw coal
         (no vehicle runs on it) and blank for diesel and electricity
         (vehicles may: the audit does not know their share), so 8's
         total is blank while 6's and 7's are Σ 0 × coefficient = 0. */
      ck_assert_msg(strstr(out, "205-1 6-8 原煤 0 0 0 True\n") &&
                        strstr(out, "205-1 6-8 柴油 0 0 None True\n") &&
                        strstr(out, "205-1 6-8 电力 0 0 None True\n") &&
                        strstr(out, "205-1 6-8 total 0 0 None ['=SUMPRODUCT("
                                    "I9:I11,M9:M11)', '=SUMPRODUCT(J9:J11,"
                                    "M9:M11)', None]\n"),
                    "%s", out);
      /* no non-CO2 gas: C.2 has CO2 rows only */
      ck_assert_msg(!strstr(out, "C.2 gas "), "%s", out);
    }
    if (i == 2)
      /* Aluminium, C.2's gas rows (mass in t, CO2e at the SAR GWPs): CF4
         2.3230 t × 6,500 = 15,099.63 tCO2e; C2F6 0.2811 t × 9,200 =
         2,585.99; SF6 0.0400 t × 23,900 = 956.00; the total row is CO2
         4,524,020.82 + 18,641.61 = 4,542,662.44 tCO2e (ok C.2 total) */
      ck_assert_msg(
          strstr(out, "C.2 gas 电解槽阳极效应全氟化碳 CF4 2.3230 15099.63 "
                      "#,##0.0000\n"
                      "C.2 gas 电解槽阳极效应全氟化碳 C2F6 0.2811 2585.99 "
                      "#,##0.0000\n"
                      "C.2 gas 220 kV GIS及断路器六氟化硫 SF6 0.0400 956.00 "
                      "#,##0.0000\n"),
          "%s", out);
    free(out);
  }
  snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
  ck_assert_int_eq(system(cmd), 0);
}
END_TEST

/* A firm's form of the same file name replaces the shipped one; a new
   name adds a form; the other shipped forms stay. */
START_TEST(t_xlsx_forms_variant)
{
  char dir[] = "/tmp/auditgen-xlsxvar-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  char cmd[4096], *out;
  snprintf(cmd, sizeof cmd,
           "mkdir -p %s/firm/forms && printf 'zh: 表单。\\n' > "
           "%s/firm/report.tpl && sed -e 's/^sheet: .*/sheet: 205-1 某省变体 | "
           "205-1 Variant/' -e 's/^title: .*/title: 能源购进、消费与库存（某省） | "
           "Variant/' '%s/templates/forms/10-205-1.yaml' > "
           "%s/firm/forms/10-205-1.yaml && printf 'sheet: 补充表 | Extra\\n"
           "title: 补充 | Extra\\ncolumns:\\n  - {id: a, head: 合计 | Total}\\n"
           "rows:\\n  - cells: {a: {value: energy.total_tce}}\\n' > "
           "%s/firm/forms/90-extra.yaml && cd '%s' && '%s' report "
           "samples/cement-plant.yaml --lang zh --templates %s/firm -o "
           "%s/v.xlsx -q && /usr/bin/python3 -c 'import openpyxl, sys; "
           "wb = openpyxl.load_workbook(sys.argv[1]); n = wb.sheetnames; "
           "print([s for s in n if s.startswith(\"205-1\")], "
           "wb[\"205-1 某省变体\"][\"A1\"].value, "
           "sum(s.startswith(\"状况报告\") for s in n), n[-2], "
           "wb[\"补充表\"][\"A3\"].value > 1000)' %s/v.xlsx 2>&1",
           dir, dir, tu_root(), dir, dir, tu_root(), tu_bin(), dir, dir, dir);
  tu_sh(cmd, &out);
  ck_assert_str_eq(out, "['205-1 某省变体'] 能源购进、消费与库存（某省） 5 补充表 True\n");
  free(out);
  snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
  ck_assert_int_eq(system(cmd), 0);
}
END_TEST

/* {====================================================== the writer */

/* A workbook of the cases the writer must get right, built through
   xlw.h; its bytes written to path. */
static void xlw_sample(const char *path)
{
  arena *a = arena_new();
  xlw_book *b = xlw_new(a);
  int bold = xlw_style_id(b, &(xlw_style){.bold = true});
  /* the same style twice is one style */
  ck_assert_int_eq(bold, xlw_style_id(b, &(xlw_style){.bold = true}));
  int unit = xlw_style_id(
      b, &(xlw_style){.num_format = "#,##0.00\" t&<x>\"", .bold = true});
  int boxed = xlw_style_id(b, &(xlw_style){.border = XLW_BORDER_BOX,
                                           .filled = true,
                                           .fill = 0xDCE6F0,
                                           .halign = XLW_H_CENTER,
                                           .valign = XLW_V_CENTER,
                                           .wrap = true});
  const char *odd = "It's <&> \"q\"";
  xlw_sheet *s = xlw_add_sheet(b, odd);
  xlw_string(s, 0, 0, "a & b < c > d \" e ' f", 0);
  xlw_string(s, 1, 0, "ctl\x01\x02\x1f|tab\there\nnew\x7f", 0);
  xlw_string(s, 2, 0, "  padded  ", 0);
  xlw_string(s, 3, 0, "a & b < c > d \" e ' f", bold);
  xlw_number(s, 4, 0, 1.0 / 3, unit);
  xlw_number(s, 4, 1, 2.5, 0);
  xlw_formula(s, 4, 2, "=A5+B5", 1.0 / 3 + 2.5, 0);
  xlw_formula(s, 5, 0, "IF(B5<>0,B5*2,0)", 5, 0);
  xlw_number(s, 5, 1, NAN, 0);
  xlw_string(s, 6, 0, "overwritten", 0);
  xlw_number(s, 6, 0, 7, 0); /* the last write wins */
  xlw_merge(s, 7, 0, 8, 2, "merged", boxed);
  xlw_row_height(s, 10, 30); /* a row with no cells */
  xlw_col_width(s, 0, 0, 34);
  xlw_freeze(s, 1, 1);
  xlw_print_titles(s, 0, 0);
  xlw_page(s, 9, true, 1, 0);
  xlw_sheet *t = xlw_add_sheet(b, "二");
  xlw_string(t, 0, 0, "a & b < c > d \" e ' f", 0);
  xlw_link(t, 1, 0, odd, "back");
  xlw_blank(t, 2, 0, 0); /* nothing: a blank in the default style */
  xlw_string(t, 3, 0, "", 0);
  xlw_string(t, 4, 0, "", boxed); /* a styled blank */
  xlw_list_validation(t, 5, 1, 99, 1, "=列表!$A$1:$A$3");
  xlw_sheet *h = xlw_add_sheet(b, "列表");
  xlw_string(h, 0, 0, "x", 0);
  xlw_hide(h);
  opc_props props = {.title = "T & <t>",
                     .language = "zh-CN",
                     .has_date = true,
                     .epoch = 1700000000};
  buf out;
  buf_init(&out);
  diag_list *dl = diag_new(a);
  ck_assert(xlw_finish(b, &props, dl, &out));
  FILE *f = fopen(path, "wb");
  ck_assert_ptr_nonnull(f);
  ck_assert_uint_eq(fwrite(out.data, 1, out.len, f), out.len);
  ck_assert_int_eq(fclose(f), 0);
  buf_fini(&out);
  arena_free(a);
}

/* Escaping of & < > " ' in strings, formulas, number formats, sheet
   names and properties; control characters dropped (XML 1.0 has no way
   to write them), tabs, newlines and edge spaces kept; one shared string
   per distinct text; a formula with its result stored; a number that is
   not finite as #NUM!; merged ranges with their blanks styled; the last
   write to a cell winning; links, print titles, panes, hidden sheets and
   list validations; SOURCE_DATE_EPOCH's date in core.xml and the zip;
   the same calls giving the same bytes. Every part parses as XML and
   openpyxl opens every sheet. */
START_TEST(t_xlw_parts)
{
  char dir[] = "/tmp/auditgen-xlw-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  char p1[512], p2[512], cmd[8192], *out;
  snprintf(p1, sizeof p1, "%s/a.xlsx", dir);
  snprintf(p2, sizeof p2, "%s/b.xlsx", dir);
  xlw_sample(p1);
  xlw_sample(p2);
  size_t n1, n2;
  char *b1 = tu_slurp(p1, &n1), *b2 = tu_slurp(p2, &n2);
  ck_assert(n1 == n2 && memcmp(b1, b2, n1) == 0);
  free(b1);
  free(b2);
  snprintf(cmd, sizeof cmd,
           "/usr/bin/python3 -c '\n"
           "import re, sys, zipfile, openpyxl, xml.dom.minidom\n"
           "z = zipfile.ZipFile(sys.argv[1])\n"
           "for n in z.namelist():\n"
           "    xml.dom.minidom.parseString(z.read(n))\n"
           "print(len(z.namelist()), set(i.date_time for i in z.infolist()))\n"
           "core = z.read(\"docProps/core.xml\").decode()\n"
           "print(\"<dc:title>T &amp; &lt;t&gt;</dc:title>\" in core,\n"
           "      \"2023-11-14T22:13:20Z</dcterms:created>\" in core)\n"
           "sst = z.read(\"xl/sharedStrings.xml\").decode()\n"
           "print(\"sst\", re.search(r\"count=.(\\d+). uniqueCount=.(\\d+)\", sst).groups(),\n"
           "      sst.count(\"a &amp; b &lt; c &gt; d &quot; e &apos; f\"))\n"
           "s1 = z.read(\"xl/worksheets/sheet1.xml\").decode()\n"
           "print(re.findall(r\"<c r=.C5.[^>]*>.*?</c>\", s1))\n"
           "print(re.findall(r\"<c r=.A6.[^>]*>.*?</c>\", s1))\n"
           "print(re.findall(r\"<c r=.B6.[^>]*>.*?</c>\", s1))\n"
           "print(re.findall(r\"<mergeCell [^>]*>\", s1))\n"
           "wb = openpyxl.load_workbook(sys.argv[1])\n"
           "v = openpyxl.load_workbook(sys.argv[1], data_only=True)\n"
           "print(wb.sheetnames, [wb[n].sheet_state for n in wb.sheetnames])\n"
           "for n in wb.sheetnames:\n"
           "    list(wb[n].iter_rows(values_only=True))\n"
           "s, sv = wb.worksheets[0], v.worksheets[0]\n"
           "for r in range(1, 8):\n"
           "    print(repr(s.cell(r, 1).value))\n"
           "print(s[\"A5\"].value == 1 / 3, s[\"A5\"].number_format, s[\"A5\"].font.b,\n"
           "      sv[\"C5\"].value == 1 / 3 + 2.5, sv[\"A6\"].value, sv[\"B6\"].value)\n"
           "print(s.merged_cells, s[\"C9\"].border.right.style, s[\"A8\"].fill.fgColor.rgb,\n"
           "      s[\"A8\"].alignment.horizontal, s[\"A8\"].alignment.wrap_text)\n"
           "print(s.freeze_panes, s.print_title_rows, s.page_setup.orientation,\n"
           "      s.page_setup.fitToHeight, s.column_dimensions[\"A\"].width,\n"
           "      s.row_dimensions[11].height)\n"
           "t = wb[\"二\"]\n"
           "print(t[\"A1\"].value == s[\"A1\"].value, t[\"B2\"].value, t[\"A2\"].value,\n"
           "      t[\"A2\"].hyperlink.location, t[\"A2\"].font.u, t.max_row,\n"
           "      [(str(d.sqref), d.formula1) for d in t.data_validations.dataValidation])\n"
           "' '%s' 2>&1",
           p1);
  ck_assert_int_eq(tu_sh(cmd, &out), 0);
  ck_assert_str_eq(
      out,
      "11 {(2023, 11, 14, 22, 13, 20)}\n"
      "True True\n"
      "sst ('8', '7') 1\n"
      "['<c r=\"C5\"><f>A5+B5</f><v>2.8333333333333335</v></c>']\n"
      "['<c r=\"A6\"><f>IF(B5&lt;&gt;0,B5*2,0)</f><v>5</v></c>']\n"
      "['<c r=\"B6\" t=\"e\"><v>#NUM!</v></c>']\n"
      "['<mergeCell ref=\"A8:C9\"/>']\n"
      "['It\\'s <&> \"q\"', '二', '列表'] ['visible', 'visible', 'hidden']\n"
      "'a & b < c > d \" e \\' f'\n"
      "'ctl|tab\\there\\nnew\\x7f'\n"
      "'  padded  '\n"
      "'a & b < c > d \" e \\' f'\n"
      "0.3333333333333333\n"
      "'=IF(B5<>0,B5*2,0)'\n"
      "7\n"
      "True #,##0.00\" t&<x>\" True True 5 #NUM!\n"
      "A8:C9 thin FFDCE6F0 center True\n"
      "B2 $1:$1 landscape 0 34.7109375 30.0\n"
      "True None back 'It''s <&> \"q\"'!A1 single 5 [('B6:B100', "
      "'列表!$A$1:$A$3')]\n");
  free(out);
  snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
  ck_assert_int_eq(system(cmd), 0);
}
END_TEST

/* A sheet's name as Excel takes it, whatever the captions say: each of
   []:*?/\ replaced, no apostrophe last, at most 31 characters, unique
   (a form named as the contents or the factors sheet: the later one gets
   ~2); links reach sheets whose names hold apostrophes (doubled in the
   reference). */
START_TEST(t_xlsx_sheet_names)
{
  char dir[] = "/tmp/auditgen-xlsxnames-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  char path[512], cmd[4096], *out;
  snprintf(cmd, sizeof cmd, "mkdir -p %s/firm/forms", dir);
  ck_assert_int_eq(system(cmd), 0);
  snprintf(path, sizeof path, "%s/firm/report.tpl", dir);
  FILE *f = fopen(path, "w");
  ck_assert_ptr_nonnull(f);
  static const char *const caps[] = {
      "汇总[A]:B*C?D/E\\F", "很长的标题一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十",
      "O'Brien's 'x'"};
  fputs("zh: 表单。\n", f);
  for (size_t i = 0; i < 3; i++)
    fprintf(f, "{%% keyvalue | %s | Cap %%}\n| 甲 | A | %zu | t\n"
               "{%% endkeyvalue %%}\n",
            caps[i], i);
  ck_assert_int_eq(fclose(f), 0);
  static const char *const forms[] = {"目录", "因子与来源"};
  for (size_t i = 0; i < 2; i++) {
    snprintf(path, sizeof path, "%s/firm/forms/9%zu-n.yaml", dir, i);
    f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fprintf(f, "sheet: %s\ntitle: 表%zu\ncolumns:\n  - {id: a, head: 合计}\n"
               "rows:\n  - cells: {a: {value: energy.total_tce}}\n",
            forms[i], i);
    ck_assert_int_eq(fclose(f), 0);
  }
  snprintf(cmd, sizeof cmd,
           "cd '%s' && '%s' report samples/cement-plant.yaml --lang zh "
           "--templates %s/firm -o %s/n.xlsx -q && /usr/bin/python3 -c '\n"
           "import sys, openpyxl\n"
           "wb = openpyxl.load_workbook(sys.argv[1])\n"
           "n = wb.sheetnames\n"
           "for s in n[:4] + n[-3:]:\n"
           "    print(s, len(s))\n"
           "links = [c.hyperlink.location for row in wb.worksheets[0].iter_rows()\n"
           "         for c in row if c.hyperlink]\n"
           "print(links[2], len(links) == len(n) - 1)\n"
           "' %s/n.xlsx 2>&1",
           tu_root(), tu_bin(), dir, dir, dir);
  ck_assert_int_eq(tu_sh(cmd, &out), 0);
  ck_assert_str_eq(out,
                   "目录 2\n"
                   "表1 汇总_A__B_C_D_E_F 18\n"
                   "表2 很长的标题一二三四五六七八九十一二三四五六七八九十一二三 31\n"
                   "表3 O'Brien's 'x 15\n"
                   "目录~2 4\n"
                   "因子与来源 5\n"
                   "因子与来源~2 7\n"
                   "'表3 O''Brien''s ''x'!A1 True\n");
  free(out);
  snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
  ck_assert_int_eq(system(cmd), 0);
}
END_TEST

/* }====================================================== */

Suite *xlsx_suite(void)
{
  Suite *s = suite_create("xlsx");
  TCase *tc = tcase_create("xlsx");
  tcase_set_timeout(tc, 600);
  tcase_add_test(tc, t_xlsx_num_format);
  tcase_add_test(tc, t_xlw_parts);
  tcase_add_test(tc, t_xlsx_sheet_names);
  tcase_add_test(tc, t_xlsx_sample);
  tcase_add_test(tc, t_xlsx_bilingual_rows);
  tcase_add_test(tc, t_xlsx_row_heights);
  tcase_add_test(tc, t_xlsx_libreoffice);
  tcase_add_test(tc, t_xlsx_cli);
  tcase_add_test(tc, t_xlsx_forms);
  tcase_add_test(tc, t_xlsx_forms_variant);
  suite_add_tcase(s, tc);
  return s;
}
