#! appendix-b-factors.tpl — 因子与来源 / Factors and sources.

#B 因子与来源 | Factors and sources

zh: 下表列出本次审计使用的全部折标系数、排放因子和供电煤耗，注明数值、单位和来源。“企业实测”为“是”表示采用企业实测或自有数据，为“否”表示采用标准或主管部门公布的缺省值；“已核实”为“否”表示该值未能与标准或公告原文核对，使用时应注意。
en: The table lists every conversion coefficient, emission factor and supply coal rate used in the audit, with its value, unit and source. "Enterprise value" yes means the enterprise's own measured or reported value, no a default published in a standard or by the authorities; "Verified" no means the value could not be checked against the text of the standard or announcement and should be used with care.

{% table factors_used | 所用因子及来源 | Factors used and their sources %}
| 因子 | Factor | {{.name_zh}} | {{.name_en}} | left | 2.8
| 数值 | Value | {{.value|0.0000}} | | number | 1.8
| 单位 | Unit | {{.unit}} | | center | 1.5
| 来源 | Source | {{.source_zh}} | {{.source}} | left | 5.4
| 已核实 | Verified | {{.verified|是否}} | {{.verified|yesno}} | center | 1.4
| 企业实测 | Enterprise value | {{.enterprise_value|是否}} | {{.enterprise_value|yesno}} | center | 1.6
{% endtable %}
note: zh: 注：单位实物量燃烧排放为每单位燃料燃烧的二氧化碳排放量（tCO2/单位）。 | en: Note: combustion emissions per unit are the CO2 of burning one unit of the fuel (tCO2 per unit).

## 标准版本 | Editions of the standards

zh: 各标准按审计期末有效的版本适用，方法标准（审计、节能量计算）按报告日期有效的版本适用；规则中没有适用版本数值的，下表说明所作处理。
en: Each standard applies in the edition in force at the end of the audit period, standards of method (the audit, the savings calculation) in the edition in force on the report date; where the rules do not hold the values of the edition that applies, the table says what was done.

{% table standards_applied | 适用的标准版本 | Editions applied %}
| 标准 | Standard | {{.designation}} | | left | 1.8
| 实施日期 | In force from | {{.in_force_from}} | | center | 1.4
| 版本的确定 | Why this edition | {{.why_zh}}{{.values_note_zh}} | {{.why_en}} {{.values_note_en}} | left | 6.2
{% endtable %}

{% if count(energy.products[? exists(.benchmark)]) > 0 %}

## 能耗限额标准 | Energy consumption limit standards

{% table energy.products | 对标所用限额标准 | Limit standards used for the benchmarks %}
{% where exists(.benchmark) %}
| 产品 | Product | {{.name_zh}} | {{.name_en}} | left | 2
| 标准 | Standard | {{.benchmark.standard}} | | left | 1.8
| 来源 | Source | {{.benchmark.source_zh}} | {{.benchmark.source}} | left | 6
{% endtable %}

{% endif %}

{% if count(notes) > 0 %}

## 数据说明 | Notes on the data

zh: 计算中作出的假设、采用的替代值和未核实的数据说明如下：
en: Assumptions made in the calculation, substitute values used and unverified data:

{% for notes %}

- zh: {{.zh}}
  en: {{.en}}

{% endfor %}

{% endif %}
