#! ch06-equipment.tpl — 主要用能设备 / Main energy-using equipment.
#! Only when the facility lists equipment.

{% if count(equipment) > 0 %}

# 主要用能设备 | Main energy-using equipment

zh: 主要用能设备分两方面评价。一是额定值（铭牌值或型式试验值）：与产品能效标准的能效等级及淘汰目录比较。能效等级分为1级（最高）、2级和3级，3级为能效限定值；额定值未达到能效限定值或列入淘汰目录的设备，属应淘汰或改造的设备，列为不符合项。二是现场实测值（负载率、运行效率）：产品能效标准规定的是出厂额定值，实测值不与之比较，而与经济运行标准比较；未达到经济运行要求的是运行问题，列为警告并说明原因。
en: The main energy-using equipment is assessed in two ways. Its rated values (nameplate or type-test values) are compared with the energy-efficiency grades of the product standards and with the obsolete-equipment catalogues. Grades run from 1 (best) through 2 to 3, grade 3 being the minimum allowable value; equipment whose rated value does not reach it, or which a catalogue lists, is to be replaced or retrofitted and is a nonconformity. Its field-measured values (load factor, operating efficiency) are not compared with the product standards, which define rated values at sale, but with the standards for economic operation; a shortfall there is a matter of operation, reported as a warning with its cause.

{% if count(equipment[? .indicator == "efficiency" and .kind != "transformer"]) > 0 %}

{% table equipment | 按效率评价的设备 | Equipment rated by efficiency %}
{% where .indicator == "efficiency" and .kind != "transformer" %}
| 设备名称 | Equipment | {{.name_zh}} | {{.name_en}} | left | 2.9
| 分级类别 | Class | {{.class_zh}} | {{.class_en}} | left | 2.5
| 额定效率 | Rated | {{.rated_efficiency|%}} | | number | 1.5
| 1级 | Grade 1 | {{.grades[0]|%}} | | number | 1.4
| 2级 | Grade 2 | {{.grades[1]|%}} | | number | 1.4
| 3级（限定值） | Grade 3 (limit) | {{.grades[2]|%}} | | number | 1.5
| 达到等级 | Grade | {{.status_zh}} | {{.status_en}} | center | 1.6
| 标准 | Standard | {{.standard}} | | left | 2.6
{% endtable %}
note: zh: 注：额定效率为铭牌值或型式试验值，越高越好；“未达限定值”表示低于3级限定值；“无额定值”表示只有实测值（实测值见下文运行评价）；“不适用”表示该设备不在标准分级范围内或缺少分级所需参数，原因见本章审计发现。 | en: Note: the rated efficiency is the nameplate or type-test value, higher is better; "Not reached" means below the grade 3 limit; "No rated value" that only a measured value is given (see the operation below); "Not applicable" that the item is outside the standard's classes or lacks the parameters needed for grading (the findings of this chapter say why).

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
| 额定效率 | Rated | {{.rated_efficiency|%}} | | number | 1.5
{% endtable %}
{% if count(equipment[? .kind == "pump" and .verified == false and not exists(.checked)]) > 0 %}

note: zh: 注：GB 19762-2025的系数和分档值尚待与标准原文核对，分级结论仅供参考。 | en: Note: the coefficients and band values of GB 19762-2025 await checking against the standard's text; the grading is indicative.

{% endif %}

{% endif %}

{% if count(equipment[? .indicator == "cop"]) > 0 %}

{% table equipment | 按制冷性能系数评价的冷水机组 | Water-chilling packages rated by cooling COP %}
{% where .indicator == "cop" %}
| 设备名称 | Equipment | {{.name_zh}} | {{.name_en}} | left | 3.0
| 分级类别 | Class | {{.class_zh}} | {{.class_en}} | left | 2.8
| 额定COP | Rated COP | {{.rated_cop|0.00}} | | number | 1.3
| 1级 | Grade 1 | {{.grades[0]|0.00}} | | number | 1.2
| 2级 | Grade 2 | {{.grades[1]|0.00}} | | number | 1.2
| 3级（限定值） | Grade 3 (limit) | {{.grades[2]|0.00}} | | number | 1.5
| IPLV（要求） | IPLV (required) | {{.rated_iplv|0.00}} ({{.iplv_min|0.0}}) | | number | 1.7
| 达到等级 | Grade | {{.status_zh}} | {{.status_en}} | center | 1.6
| 标准 | Standard | {{.standard}} | | left | 1.9
{% endtable %}
note: zh: 注：COP为名义工况制冷性能系数（W/W），越高越好；按GB 19577-2024表2（制冷性能系数指标体系）分级，限定值另要求综合部分负荷性能系数IPLV不低于括号内数值；“未对标”表示审计期适用的标准版本的数值未收入规则；“不适用”表示不在已录入的表格范围内或缺少分级所需参数。 | en: Note: COP is the cooling coefficient of performance at rated conditions (W/W), higher is better; graded by GB 19577-2024 Table 2 (the COPc system), whose limit also requires the integrated part-load value IPLV to be at least the figure in brackets; "Not graded" means that the values of the edition in force for the period are not in the rules; "Not applicable" that the item is outside the tables in the rules or lacks the parameters needed for grading.

{% endif %}

{% if count(equipment[? .indicator == "performance"]) > 0 %}

{% table equipment | 按能效比评价的单元式空调机 | Unitary air conditioners rated by performance ratio %}
{% where .indicator == "performance" %}
| 设备名称 | Equipment | {{.name_zh}} | {{.name_en}} | left | 2.8
| 分级类别 | Class | {{.class_zh}} | {{.class_en}} | left | 2.8
| 指标 | Indicator | {{.indicator_zh}} | {{.indicator_en}} | left | 2.2
| 额定值 | Rated | {{.rated_value|0.00}} | | number | 1.2
| 1级 | Grade 1 | {{.grades[0]|0.00}} | | number | 1.1
| 2级 | Grade 2 | {{.grades[1]|0.00}} | | number | 1.1
| 3级（限定值） | Grade 3 (limit) | {{.grades[2]|0.00}} | | number | 1.4
| 达到等级 | Grade | {{.status_zh}} | {{.status_en}} | center | 1.5
{% endtable %}
note: zh: 注：能效比单位W/W，越高越好；按GB 19576-2019表1，单冷型风冷机组按SEER、热泵型按APF、水冷式按IPLV、机房和恒温恒湿机组按AEER、基站机组按COP分级；“不适用”表示不在已录入的表格范围内或缺少分级所需参数。 | en: Note: ratios in W/W, higher is better; graded by GB 19576-2019 Table 1: air-cooled cooling-only units by SEER, heat pumps by APF, water-cooled units by IPLV, computer-room and constant-temperature units by AEER, base-station units by COP; "Not applicable" means outside the tables in the rules or lacking the parameters needed for grading.

{% endif %}

{% if count(equipment[? .indicator == "losses"]) > 0 %}

{% table equipment | 按损耗评价的电力变压器 | Power transformers rated by losses %}
{% where .indicator == "losses" %}
| 设备名称 | Equipment | {{.name_zh}} | {{.name_en}} | left | 2.9
| 分级类别 | Class | {{.class_zh}} | {{.class_en}} | left | 2.5
| 额定空载损耗 | Rated P0 | {{.no_load_loss_kw|0.000}} | | number | 1.4
| 空载损耗1级/3级 | P0 grade 1 / 3 | {{.grades_no_load_kw[0]|0.000}} / {{.grades_no_load_kw[2]|0.000}} | | number | 1.9
| 额定负载损耗 | Rated Pk | {{.load_loss_kw|0.00}} | | number | 1.4
| 负载损耗1级/3级 | Pk grade 1 / 3 | {{.grades_load_kw[0]|0.00}} / {{.grades_load_kw[2]|0.00}} | | number | 1.9
| 达到等级 | Grade | {{.status_zh}} | {{.status_en}} | center | 1.8
| 标准 | Standard | {{.standard}} | | left | 2.0
{% endtable %}
note: zh: 注：损耗单位kW，越低越好；空载损耗和负载损耗均不超过某一等级的数值时达到该等级，等级取两项中较低者；“未达限定值”表示至少一项高于3级限定值；“未对标”表示审计期适用的标准版本的数值未收入规则；“不适用”表示不在已录入的表格范围内或缺少分级所需参数，原因见本章审计发现。 | en: Note: losses in kW, lower is better; a transformer reaches a grade when both its no-load and its load loss are at most that grade's values, so its grade is the worse of the two; "Not reached" means at least one loss above the grade 3 limit; "Not graded" that the values of the edition in force for the period are not in the rules; "Not applicable" that the item is outside the tables in the rules or lacks the parameters needed for grading (the findings of this chapter say why).

{% endif %}

{% if count(equipment[? .indicator == "specific_power"]) > 0 %}

{% table equipment | 按比功率评价的设备 | Equipment rated by specific power %}
{% where .indicator == "specific_power" %}
| 设备名称 | Equipment | {{.name_zh}} | {{.name_en}} | left | 2.8
| 分级类别 | Class | {{.class_zh}} | {{.class_en}} | left | 2.2
| 额定比功率 | Rated | {{.rated_specific_power|0.00}} | | number | 1.4
| 实测比功率 | Measured | {{.specific_power|0.00}} | | number | 1.8
| 1级 | Grade 1 | {{.grades[0]|0.00}} | | number | 1.2
| 2级 | Grade 2 | {{.grades[1]|0.00}} | | number | 1.2
| 3级（限定值） | Grade 3 (limit) | {{.grades[2]|0.00}} | | number | 1.5
| 达到等级 | Grade | {{.status_zh}} | {{.status_en}} | center | 1.5
| 标准 | Standard | {{.standard}} | | left | 2.1
{% endtable %}
note: zh: 注：比功率单位为kW/(m³/min)，越低越好；等级按额定比功率（铭牌值）评定，实测比功率仅作对照；“未达限定值”表示高于3级限定值；“不适用”表示不在标准分级范围内或缺少分级所需参数。 | en: Note: specific power in kW/(m³/min), lower is better; the grade is that of the rated (nameplate) specific power, the measured one is shown for comparison; "Not reached" means above the grade 3 limit; "Not applicable" that the item is outside the standard's classes or lacks the parameters needed for grading.

{% endif %}

{% if count(equipment[? exists(.operation)]) > 0 %}

## 运行评价（实测值） | Operation as measured

zh: 下表将现场实测的负载率或运行效率与设备所属类别的经济运行标准比较。未达到经济运行要求的设备列为警告，原因见本章审计发现；这不表示设备的额定能效不合格。
en: The table compares the field-measured load factor or operating efficiency with the economic-operation standard of each kind. Equipment short of economic operation is reported as a warning, with its cause in the findings of this chapter; this does not mean that its rated efficiency fails.

{% table equipment | 实测值与经济运行标准 | Measured values and economic operation %}
{% where exists(.operation) %}
| 设备名称 | Equipment | {{.name_zh}} | {{.name_en}} | left | 3.2
| 实测值 | Measured | {{.operation.reading}} | | left | 2.6
| 判据 | Criterion | {{.operation.criterion_zh}} | {{.operation.criterion_en}} | left | 4.4
| 运行状态 | Operation | {{.operation.zone_zh}} | {{.operation.zone_en}} | center | 1.8
| 依据 | Basis | {{.operation.standard}} | | left | 2.2
{% endtable %}
note: zh: 注：β为负载率（实测输出功率或负载与额定值之比）；风机、水泵为实测运行效率与额定效率之比。“未评价”表示缺少评价所需的实测值或铭牌值。经济运行判据的数值尚待与标准原文核对。 | en: Note: β is the load factor (measured output or load over the rating); for fans and pumps, the measured operating efficiency over the rated efficiency. "Not assessed" means that a measured or nameplate value needed is missing. The figures of the operating criteria await checking against the standards' texts.

{% endif %}

{% if count(equipment[? exists(.catalogue)]) > 0 %}

## 淘汰目录核对 | Obsolete-equipment catalogues

{% table equipment | 设备与淘汰目录 | Equipment and the obsolete-equipment catalogues %}
{% where exists(.catalogue) %}
| 设备名称 | Equipment | {{.name_zh}} | {{.name_en}} | left | 3.4
| 型号 | Model | {{.model}} | | left | 2.2
| 系列 | Series | {{.series}} | | left | 1.4
| 核对结果 | Result | {{.catalogue.status_zh}} | {{.catalogue.status_en}} | center | 2.4
| 目录条目 | Entry | {{.catalogue.matches[0].entry_zh}} | {{.catalogue.matches[0].entry_en}} | left | 4.8
{% endtable %}
note: zh: 注：按设备型号或系列及目录所列条件核对；“可能列入”表示型号或系列相符但缺少目录所列条件（如燃料、容量），需核对铭牌。目录条目尚待与目录原文核对。 | en: Note: checked by the model or series and the catalogue's conditions; "Possibly listed" means that the model or series fits but a condition of the catalogue (fuel, capacity) is not given, to be checked on the nameplate. The entries await checking against the catalogues' texts.

{% endif %}

{% if count(equipment[? .meets_limit == false]) > 0 %}

zh: 以下设备未达到能效限定值，应列入淘汰或改造计划：
en: The following equipment does not reach the minimum allowable efficiency and should be scheduled for replacement or retrofit:

{% for equipment[? .meets_limit == false] %}

- zh: {{.id}} {{.name_zh}}（{{.standard}}）
  en: {{.id}} {{.name_en}} ({{.standard}})

{% endfor %}

{% endif %}

{% if count(equipment[? .catalogue.status == "listed"]) > 0 %}

zh: 以下设备列入淘汰目录，应制定淘汰计划：
en: The following equipment is listed in an obsolete-equipment catalogue and is to be phased out:

{% for equipment[? .catalogue.status == "listed"] %}

- zh: {{.id}} {{.name_zh}}（{{.catalogue.matches[0].name_zh}}，{{.catalogue.matches[0].entry_zh}}）
  en: {{.id}} {{.name_en}} ({{.catalogue.matches[0].name_en}}, {{.catalogue.matches[0].entry_en}})

{% endfor %}

{% endif %}

## 审计发现 | Findings

{% if count(findings[? .rule == "equipment_below_limit" or .rule == "equipment_grade_3" or .rule == "equipment_not_graded" or .rule == "boiler_efficiency_low" or .rule == "equipment_obsolete" or .rule == "equipment_obsolete_possible" or .rule == "equipment_operation_short"]) > 0 %}

{% for findings[? .rule == "equipment_below_limit" or .rule == "equipment_grade_3" or .rule == "equipment_not_graded" or .rule == "boiler_efficiency_low" or .rule == "equipment_obsolete" or .rule == "equipment_obsolete_possible" or .rule == "equipment_operation_short"] %}

{% include finding-item.tpl %}

{% endfor %}

{% else %}

zh: 本章范围内未发现问题。
en: No findings in the scope of this chapter.

{% endif %}

{% endif %}
