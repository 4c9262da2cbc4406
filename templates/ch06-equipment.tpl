#! ch06-equipment.tpl — 主要用能设备 / Main energy-using equipment.
#! Only when the facility lists equipment.

{% if count(equipment) > 0 %}

# 主要用能设备 | Main energy-using equipment

zh: 审计组对企业主要用能设备的运行效率进行了测试或核查，并与相应的能效标准比较。能效等级分为1级（最高）、2级和3级；3级为能效限定值，低于3级的设备属于应淘汰或改造的低效设备。
en: The audit team tested or verified the operating efficiency of the main energy-using equipment and compared it with the applicable efficiency standards. Grades run from 1 (best) through 2 to 3; grade 3 is the minimum allowable value, and equipment below it is inefficient and should be replaced or retrofitted.

{% if count(equipment[? .indicator == "efficiency"]) > 0 %}

{% table equipment | 按效率评价的设备 | Equipment rated by efficiency %}
{% where .indicator == "efficiency" %}
| 设备名称 | Equipment | {{.name_zh}} | {{.name_en}} | left | 3.6
| 分级类别 | Class | {{.class_zh}} | {{.class_en}} | left | 2
| 实测效率 | Measured | {{.efficiency|%}} | | number | 1.7
| 1级 | Grade 1 | {{.grades[0]|%}} | | number | 1.2
| 2级 | Grade 2 | {{.grades[1]|%}} | | number | 1.2
| 3级（限定值） | Grade 3 (limit) | {{.grades[2]|%}} | | number | 1.5
| 达到等级 | Grade | {{.status_zh}} | {{.status_en}} | center | 1.7
| 标准 | Standard | {{.standard}} | | left | 2.6
{% endtable %}
note: zh: 注：效率越高越好；“未达限定值”表示低于3级限定值；“不适用”表示该设备不在标准分级范围内或缺少分级所需参数，原因见本章审计发现。 | en: Note: higher is better; "Not reached" means below the grade 3 limit; "Not applicable" that the item is outside the standard's classes or lacks the parameters needed for grading (the findings of this chapter say why).

{% endif %}

{% if count(equipment[? exists(.specific_speed)]) > 0 %}

zh: 清水离心泵的能效限值按GB 19762-2025由比转速和流量计算：ns = 3.65n√Q/H^0.75（Q为最高效率点流量，m³/s，双吸泵取一半；H为单级扬程，m；n为转速，r/min），η = a(ln ns)² + b(ln Q)² + c(ln ns)(ln Q) + d(ln ns) + e(ln Q) − C（此处Q以m³/h计），C按泵型和流量分档取值。
en: The efficiency limits of clean-water centrifugal pumps are computed by GB 19762-2025 from the specific speed and the flow: ns = 3.65n√Q/H^0.75 (Q the flow at best efficiency in m³/s, half of it for a double-suction pump; H the head per stage in m; n the speed in r/min), η = a(ln ns)² + b(ln Q)² + c(ln ns)(ln Q) + d(ln ns) + e(ln Q) − C (Q here in m³/h), with C by pump type and flow band.

{% table equipment | 清水离心泵能效限值计算 | Efficiency limits of clean-water pumps %}
{% where exists(.specific_speed) %}
| 设备名称 | Equipment | {{.name_zh}} | {{.name_en}} | left | 3.6
| 比转速ns | Specific speed ns | {{.specific_speed|0.0}} | | number | 1.6
| 公式值（%） | Formula value (%) | {{.limit_formula_pct|0.00}} | | number | 1.6
| 1级 | Grade 1 | {{.grades[0]|%}} | | number | 1.2
| 3级（限定值） | Grade 3 (limit) | {{.grades[2]|%}} | | number | 1.5
| 实测效率 | Measured | {{.efficiency|%}} | | number | 1.5
{% endtable %}
{% if count(equipment[? .kind == "pump" and .verified == false and not exists(.checked)]) > 0 %}

note: zh: 注：GB 19762-2025的系数和分档值尚待与标准原文核对，分级结论仅供参考。 | en: Note: the coefficients and band values of GB 19762-2025 await checking against the standard's text; the grading is indicative.

{% endif %}

{% endif %}

{% if count(equipment[? .indicator == "specific_power"]) > 0 %}

{% table equipment | 按比功率评价的设备 | Equipment rated by specific power %}
{% where .indicator == "specific_power" %}
| 设备名称 | Equipment | {{.name_zh}} | {{.name_en}} | left | 3.6
| 分级类别 | Class | {{.class_zh}} | {{.class_en}} | left | 2
| 实测比功率 | Measured | {{.specific_power|0.00}} | | number | 1.7
| 1级 | Grade 1 | {{.grades[0]|0.00}} | | number | 1.2
| 2级 | Grade 2 | {{.grades[1]|0.00}} | | number | 1.2
| 3级（限定值） | Grade 3 (limit) | {{.grades[2]|0.00}} | | number | 1.5
| 达到等级 | Grade | {{.status_zh}} | {{.status_en}} | center | 1.7
| 标准 | Standard | {{.standard}} | | left | 2.6
{% endtable %}
note: zh: 注：比功率单位为kW/(m³/min)，越低越好；“未达限定值”表示高于3级限定值；“不适用”表示不在标准分级范围内或缺少分级所需参数。 | en: Note: specific power in kW/(m³/min), lower is better; "Not reached" means above the grade 3 limit; "Not applicable" that the item is outside the standard's classes or lacks the parameters needed for grading.

{% endif %}

{% if count(equipment[? .meets_limit == false]) > 0 %}

zh: 以下设备未达到能效限定值，应列入淘汰或改造计划：
en: The following equipment does not reach the minimum allowable efficiency and should be scheduled for replacement or retrofit:

{% for equipment[? .meets_limit == false] %}

- zh: {{.id}} {{.name_zh}}（{{.standard}}）
  en: {{.id}} {{.name_en}} ({{.standard}})

{% endfor %}

{% endif %}

## 审计发现 | Findings

{% if count(findings[? .rule == "equipment_below_limit" or .rule == "equipment_grade_3" or .rule == "equipment_not_graded" or .rule == "boiler_efficiency_low"]) > 0 %}

{% for findings[? .rule == "equipment_below_limit" or .rule == "equipment_grade_3" or .rule == "equipment_not_graded" or .rule == "boiler_efficiency_low"] %}

{% include finding-item.tpl %}

{% endfor %}

{% else %}

zh: 本章范围内未发现问题。
en: No findings in the scope of this chapter.

{% endif %}

{% endif %}
