#! appendix-b-factors.tpl — 因子与来源 / Factors and sources.

#B 因子与来源 | Factors and sources

zh: 下表列出本次审计使用的全部折标系数、排放因子和供电煤耗，注明数值、单位和出处（标准及其条款、表，或主管部门公告）。“来源类型”说明数值出自标准、公开发布的资料、按本{{facility.organisation.zh}}数据计算，还是由{{facility.organisation.zh}}提供（实测、合同约定或假定，以审计数据文件的说明为准）；“已核实”仅针对标准和公开资料中的数值，为“是”表示已与原文核对，{{facility.organisation.zh}}提供的数值不在此列，一律为“否”。
en: The table lists every conversion coefficient, emission factor and supply coal rate used in the audit, with its value, unit and the document it comes from (a standard and its clause or table, or a notice of the authorities). "Origin" says whether a value comes from a standard, a publication, a calculation from the {{facility.organisation.en}}'s data, or from the {{facility.organisation.en}} itself (measured, contract or assumed, as the audit data file states); "Verified" applies only to values of standards and publications: yes means checked against the text. A value the {{facility.organisation.en}} supplies is never marked verified.

{% table factors_used | 所用因子及来源 | Factors used and their sources %}
| 因子 | Factor | {{.name_zh}} | {{.name_en}} | left | 2.8
| 数值 | Value | {{.value|0.0000}} | | number | 1.8
| 单位 | Unit | {{.unit}} | | center | 1.5
| 出处 | Reference | {{.citation_zh}} | {{.citation}} | left | 5.4
| 已核实 | Verified | {{.verified|是否}} | {{.verified|yesno}} | center | 1.4
| 来源类型 | Origin | {{.origin_zh}} | {{.origin_en}} | center | 1.6
{% endtable %}
note: zh: 注：单位实物量燃烧排放为每单位燃料燃烧的二氧化碳排放量（tCO2/单位）。 | en: Note: combustion emissions per unit are the CO2 of burning one unit of the fuel (tCO2 per unit).

{% if count(factors_used[? exists(.layer)]) + count(energy.products[? exists(.benchmark.layer)]) + count(equipment[? exists(.layer)]) + count(carbon.scope1.process[? exists(.layer)]) + count(carbon.gases[? exists(.layer)]) + count(benchmark.building[? exists(.layer)]) + count(checks_layered) > 0 or exists(metering.layer) or exists(carbon.gwp_set.layer) %}

zh: 下列数值取自审计机构自备的规则层（--rules 目录），而非随程序发布的规则：
en: These values come from the audit firm's own rules layer (a --rules folder), not from the rules shipped with the program:

{% for factors_used[? exists(.layer)] %}

- zh: {{.name_zh}}：{{.layer}}
  en: {{.name_en}}: {{.layer}}

{% endfor %}

{% for energy.products[? exists(.benchmark.layer)] %}

- zh: {{.name_zh}}能耗限额：{{.benchmark.layer}}
  en: Energy consumption limits for {{.name_en}}: {{.benchmark.layer}}

{% endfor %}

{% for equipment[? exists(.layer)] %}

- zh: {{.name_zh}}的能效等级（{{.standard}}）：{{.layer}}
  en: Efficiency grades for {{.name_en}} ({{.standard}}): {{.layer}}

{% endfor %}

{% for carbon.scope1.process[? exists(.layer)] %}

- zh: 过程排放“{{.name_zh}}”的计算规则：{{.layer}}
  en: The rule of the process emission "{{.name_en}}": {{.layer}}

{% endfor %}

{% for carbon.gases[? exists(.layer)] %}

- zh: 温室气体“{{.name_zh}}”的计算规则：{{.layer}}
  en: The rule of the greenhouse gas source "{{.name_en}}": {{.layer}}

{% endfor %}

{% if exists(carbon.gwp_set.layer) %}

- zh: 全球变暖潜势（{{carbon.gwp_set.name_zh}}）：{{carbon.gwp_set.layer}}
  en: Global warming potentials ({{carbon.gwp_set.name_en}}): {{carbon.gwp_set.layer}}

{% endif %}

{% for benchmark.building[? exists(.layer)] %}

- zh: 建筑能耗指标“{{.name_zh}}”：{{.layer}}
  en: Building energy quota "{{.name_en}}": {{.layer}}

{% endfor %}

{% if exists(metering.layer) %}

- zh: 计量器具配备和准确度要求（{{metering.standard}}）：{{metering.layer}}
  en: Metering coverage and accuracy requirements ({{metering.standard}}): {{metering.layer}}

{% endif %}

{% for checks_layered %}

- zh: 检查项 {{.rule}}（据此给出的发现：{{.findings|0}}项）：{{.layer}}
  en: Check {{.rule}} (findings it gave: {{.findings|0}}): {{.layer}}

{% endfor %}

{% endif %}

## 标准版本 | Editions of the standards

zh: 各标准按审计期末有效的版本适用，方法标准（审计、节能量计算）按报告日期有效的版本适用；规则中没有适用版本数值的，下表说明所作处理。
en: Each standard applies in the edition in force at the end of the audit period, standards of method (the audit, the savings calculation) in the edition in force on the report date; where the rules do not hold the values of the edition that applies, the table says what was done.

{% table standards_applied | 适用的标准版本 | Editions applied %}
| 标准 | Standard | {{.designation}} | | left | 1.8
| 实施日期 | In force from | {{.in_force_from}} | | center | 1.4
| 版本的确定 | Why this edition | {{.why_zh}}{{.values_note_zh}} | {{.why_en}} {{.values_note_en}} | left | 6.2
{% endtable %}

{% if count(energy.products[? exists(.benchmark.citation)]) > 0 %}

## 能耗限额标准 | Energy consumption limit standards

{% table energy.products | 对标所用限额标准 | Limit standards used for the benchmarks %}
{% where exists(.benchmark.citation) %}
| 产品 | Product | {{.name_zh}} | {{.name_en}} | left | 2
| 标准 | Standard | {{.benchmark.standard}} | | left | 1.8
| 出处 | Reference | {{.benchmark.citation_zh}} | {{.benchmark.citation}} | left | 6
{% endtable %}

{% endif %}

{% if count(factors_used[? .verified == false and not exists(.checked) and (.origin == "standard" or .origin == "publication")]) + count(energy.products[? .benchmark.verified == false and not exists(.benchmark.checked)]) > 0 %}

## 待核对的数值 | Values awaiting checking

zh: 下列数值尚未与标准或公告原文核对，使用这些数值的结论仅供参考：
en: The following values have not yet been checked against the text of the standard or notice; the conclusions that use them are indicative:

#! only values of standards and publications await checking: the
#! enterprise's own are its own (their origin is in the table above)
{% for factors_used[? .verified == false and not exists(.checked) and (.origin == "standard" or .origin == "publication")] %}

- zh: {{.name_zh}}：{{.citation_zh}}
  en: {{.name_en}}: {{.citation}}

{% endfor %}

{% for energy.products[? .benchmark.verified == false and not exists(.benchmark.checked)] %}

- zh: {{.name_zh}}能耗限额：{{.benchmark.citation_zh}}
  en: Energy consumption limits for {{.name_en}}: {{.benchmark.citation}}

{% endfor %}

{% endif %}

{% if count(factors_used[? exists(.checked)]) + count(energy.products[? exists(.benchmark.checked)]) > 0 %}

## 经核对的数值 | Values checked against the text

{% for factors_used[? exists(.checked)] %}

- zh: {{.name_zh}}（{{.citation_zh}}）经核对：{{.checked.by}} / {{.checked.against}} / {{.checked.on}}
  en: {{.name_en}} ({{.citation}}): checked by {{.checked.by}} against {{.checked.against}} on {{.checked.on}}

{% endfor %}

{% for energy.products[? exists(.benchmark.checked)] %}

- zh: {{.name_zh}}能耗限额（{{.benchmark.citation_zh}}）经核对：{{.benchmark.checked.by}} / {{.benchmark.checked.against}} / {{.benchmark.checked.on}}
  en: Energy consumption limits for {{.name_en}} ({{.benchmark.citation}}): checked by {{.benchmark.checked.by}} against {{.benchmark.checked.against}} on {{.benchmark.checked.on}}

{% endfor %}

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
