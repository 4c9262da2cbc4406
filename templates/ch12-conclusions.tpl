#! ch12-conclusions.tpl — 结论与建议 / Conclusions and recommendations.
#! An overall evaluation first (products against their limit standards,
#! progress against the base period, the balance's losses, metering, the
#! verdict), then every finding by severity with its clause, then the
#! order in which to act.

# 结论与建议 | Conclusions and recommendations

## 总体评价 | Overall evaluation

{% if exists(energy.intensity.tce_per_10k_cny_output) %}

zh: 审计期（{{period.from}}至{{period.to}}）内，{{facility.name.zh}}综合能耗（当量值）{{energy.total_tce|0.00}} tce，等价值{{energy.total_equal_value_tce|0.00}} tce；万元产值综合能耗{{energy.intensity.tce_per_10k_cny_output|0.000}} tce/万元；二氧化碳排放总量{{carbon.total_tco2|0.00}} tCO2，其中范围一{{carbon.scope1.total_tco2|0.00}} tCO2、范围二{{carbon.scope2.total_tco2|0.00}} tCO2。
en: In the audit period ({{period.from}} to {{period.to}}) {{facility.name.en}} consumed {{energy.total_tce|0.00}} tce of energy at equivalent value and {{energy.total_equal_value_tce|0.00}} tce at equal value, {{energy.intensity.tce_per_10k_cny_output|0.000}} tce per 10⁴ CNY of output value, and emitted {{carbon.total_tco2|0.00}} tCO2: {{carbon.scope1.total_tco2|0.00}} tCO2 in Scope 1 and {{carbon.scope2.total_tco2|0.00}} tCO2 in Scope 2.

{% else %}

zh: 审计期（{{period.from}}至{{period.to}}）内，{{facility.name.zh}}综合能耗（当量值）{{energy.total_tce|0.00}} tce，等价值{{energy.total_equal_value_tce|0.00}} tce；二氧化碳排放总量{{carbon.total_tco2|0.00}} tCO2，其中范围一{{carbon.scope1.total_tco2|0.00}} tCO2、范围二{{carbon.scope2.total_tco2|0.00}} tCO2。
en: In the audit period ({{period.from}} to {{period.to}}) {{facility.name.en}} consumed {{energy.total_tce|0.00}} tce of energy at equivalent value and {{energy.total_equal_value_tce|0.00}} tce at equal value and emitted {{carbon.total_tco2|0.00}} tCO2: {{carbon.scope1.total_tco2|0.00}} tCO2 in Scope 1 and {{carbon.scope2.total_tco2|0.00}} tCO2 in Scope 2.

{% endif %}

{% for energy.products[? exists(.benchmark)] %}

{% if .benchmark.status == "graded" %}

- zh: {{.name_zh}}{{.benchmark.indicator_zh}}为{{.benchmark.value|0.00}} {{.benchmark.unit}}，对照{{.benchmark.standard}}达到{{.benchmark.grade|#}}级。
  en: {{.name_en}}: {{.benchmark.indicator_en}} of {{.benchmark.value|0.00}} {{.benchmark.unit_en}}, grade {{.benchmark.grade|#}} of {{.benchmark.standard}}.

{% else %}

{% if .benchmark.status == "not_reached" %}

- zh: {{.name_zh}}{{.benchmark.indicator_zh}}为{{.benchmark.value|0.00}} {{.benchmark.unit}}，未达到{{.benchmark.standard}}的限定值，属不合理用能。
  en: {{.name_en}}: {{.benchmark.indicator_en}} of {{.benchmark.value|0.00}} {{.benchmark.unit_en}} does not meet the limit of {{.benchmark.standard}}: its energy use is not reasonable.

{% else %}

{% if .benchmark.status == "limit_met" %}

- zh: {{.name_zh}}{{.benchmark.indicator_zh}}为{{.benchmark.value|0.00}} {{.benchmark.unit}}，达到{{.benchmark.standard}}的限定值。
  en: {{.name_en}}: {{.benchmark.indicator_en}} of {{.benchmark.value|0.00}} {{.benchmark.unit_en}} meets the limit of {{.benchmark.standard}}.

{% else %}

- zh: {{.name_zh}}{{.benchmark.indicator_zh}}为{{.benchmark.value|0.00}} {{.benchmark.unit}}，未能按{{.benchmark.standard}}评定等级（原因见“产品能耗与对标”一章）。
  en: {{.name_en}}: {{.benchmark.indicator_en}} of {{.benchmark.value|0.00}} {{.benchmark.unit_en}} could not be graded under {{.benchmark.standard}} (the chapter on product energy says why).

{% endif %}

{% endif %}

{% endif %}

{% endfor %}

{% for savings.products[? .comparable] %}

- zh: 与基期（{{savings.base_from}}至{{savings.base_to}}）相比，{{.name_zh}}单位产品综合能耗由{{.base_unit_consumption_kgce|0.00}} kgce/{{.unit}}降至{{.unit_consumption_kgce|0.00}} kgce/{{.unit}}，下降{{.saving_rate|%}}，产品节能量{{.saving_tce|0.00}} tce。
  en: Against the base period ({{savings.base_from}} to {{savings.base_to}}) the unit consumption of {{.name_en}} went from {{.base_unit_consumption_kgce|0.00}} kgce/{{.unit}} to {{.unit_consumption_kgce|0.00}} kgce/{{.unit}}, {{.saving_rate|%}} less: a product energy saving of {{.saving_tce|0.00}} tce.

{% endfor %}

{% if count(energy.balance) > 0 %}

{% if sum(energy.balance[].saving_loss_tce) > 0 %}

zh: 能量平衡：各能源品种输入与最终使用之差中，超出计量不确定度的输配损失合计{{sum(energy.balance[].saving_loss_tce)|0.00}} tce，占综合能耗的{{sum(energy.balance[].saving_loss_tce) / energy.total_tce|%0.00}}，应查找并降低。
en: Energy balance: of the differences between each carrier's input and end use, distribution losses beyond the metering uncertainty come to {{sum(energy.balance[].saving_loss_tce)|0.00}} tce, {{sum(energy.balance[].saving_loss_tce) / energy.total_tce|%0.00}} of the total energy; they should be traced and reduced.

{% else %}

zh: 能量平衡：各能源品种输入与最终使用之差均在计量不确定度以内或属耗能工质，未发现超出计量不确定度的输配损失。
en: Energy balance: every carrier's difference between input and end use lies within the metering uncertainty or is a working medium; no distribution loss beyond the uncertainty was found.

{% endif %}

{% endif %}

{% if count(metering.coverage[? .ok == false]) + count(metering.accuracy[? .ok == false]) + count(metering.missing) > 0 %}

zh: 能源计量：对照{{metering.standard}}，计量器具配备率未达要求{{count(metering.coverage[? .ok == false])|#}}项，准确度等级不符合要求{{count(metering.accuracy[? .ok == false])|#}}台，应配而未配计量器具的计量点{{count(metering.missing)|#}}个，计量器具检定或校准过期{{metering.calibration.overdue|#}}台，能源计量不完全符合要求。
en: Metering against {{metering.standard}}: {{count(metering.coverage[? .ok == false])|plural coverage rate}} below the requirement, {{count(metering.accuracy[? .ok == false])|plural meter}} of too low an accuracy class, {{count(metering.missing)|plural metering point}} without the meter required and {{metering.calibration.overdue|plural meter}} overdue for calibration: the metering does not fully comply.

{% else %}

zh: 能源计量：对照{{metering.standard}}，计量器具配备率和准确度等级均符合要求。
en: Metering against {{metering.standard}}: the coverage rates and accuracy classes meet the requirements.

{% endif %}

{% if count(management.targets[? .of_audit]) > 0 %}

{% for management.targets[? .of_audit] %}

zh: 节能目标：{{.period_zh}}{{.kind_zh}}目标为{{.target_text_zh}}，实际{{.actual_text_zh}}，{{.status_zh}}。
en: Energy-saving target: {{.kind_en}}, {{.period_en}}: {{.target_text_en}}; actual {{.actual_text_en}}: {{.status_en}}.

{% endfor %}

{% else %}

zh: 节能目标：{{facility.organisation.zh}}未提供审计期的节能目标，无法评价目标完成情况。
en: Energy-saving targets: the {{facility.organisation.en}} gave none for the audit period, so their completion cannot be judged.

{% endif %}

{% if count(findings[? .severity == "nonconformity"]) + count(energy.products[? .benchmark.status == "not_reached"]) > 0 %}

zh: 综合评价：{{facility.organisation.zh}}用能存在不合理之处，共有不符合项{{count(findings[? .severity == "nonconformity"])|#}}项（见下文），应限期整改；在此基础上实施本报告提出的节能措施。
en: Overall: the {{facility.organisation.en}}'s energy use is not reasonable in every respect: the audit found {{count(findings[? .severity == "nonconformity"])|plural nonconformity}} (listed below), to be corrected within a set time; the measures of this report should follow.

{% else %}

zh: 综合评价：未发现违反强制性标准的用能，{{facility.organisation.zh}}用能总体合理；警示项和建议项所列问题仍有改进空间。
en: Overall: no energy use in breach of a mandatory standard was found, and the {{facility.organisation.en}}'s energy use is reasonable on the whole; the warnings and advice below leave room for improvement.

{% endif %}

zh: 审计共形成{{count(findings)|#}}项审计发现，其中不符合项{{count(findings[? .severity == "nonconformity"])|#}}项、警示项{{count(findings[? .severity == "warning"])|#}}项、建议{{count(findings[? .severity == "advice"])|#}}项、说明{{count(findings[? .severity == "info"])|#}}项，按严重程度分列如下。
en: The audit made {{count(findings)|plural finding}}: {{count(findings[? .severity == "nonconformity"])|plural nonconformity}}, {{count(findings[? .severity == "warning"])|plural warning}}, {{count(findings[? .severity == "advice"])|plural item of advice/items of advice}} and {{count(findings[? .severity == "info"])|plural item of information/items of information}}, listed below by severity.

## 审计发现 | Findings

### 不符合项 | Nonconformities

{% if count(findings[? .severity == "nonconformity"]) > 0 %}

zh: 不符合项指违反强制性标准或法规要求的情况，{{facility.organisation.zh}}应限期整改。
en: Nonconformities breach a mandatory standard or regulation; the {{facility.organisation.en}} must correct them within a set time.

{% table findings | 不符合项 | Nonconformities %}
{% where .severity == "nonconformity" %}
| 审计发现 | Finding | {{.text.zh}} | {{.text.en}} | left | 6
| 依据条款 | Clause | {{.basis.zh}} | {{.basis.en}} | left | 2.5
{% endtable %}

{% else %}

zh: 本次审计未发现不符合项。
en: The audit found no nonconformity.

{% endif %}

### 警示项 | Warnings

{% if count(findings[? .severity == "warning"]) > 0 %}

zh: 警示项指能效水平偏低或存在合规风险的情况，{{facility.organisation.zh}}应制定改进计划。
en: Warnings mark a low level of efficiency or a compliance risk; the {{facility.organisation.en}} should plan improvements.

{% table findings | 警示项 | Warnings %}
{% where .severity == "warning" %}
| 审计发现 | Finding | {{.text.zh}} | {{.text.en}} | left | 6
| 依据条款 | Clause | {{.basis.zh}} | {{.basis.en}} | left | 2.5
{% endtable %}

{% else %}

zh: 本次审计未发现警示项。
en: The audit found no warning.

{% endif %}

### 建议项与说明项 | Advice and information

{% if count(findings[? .severity == "advice" or .severity == "info"]) > 0 %}

{% table findings | 建议项与说明项 | Advice and information %}
{% where .severity == "advice" or .severity == "info" %}
| 审计发现 | Finding | {{.text.zh}} | {{.text.en}} | left | 6
| 依据条款 | Clause | {{.basis.zh}} | {{.basis.en}} | left | 2.5
{% endtable %}
note: zh: 注：表中先列建议，后列说明。 | en: Note: advice first, then information.

{% else %}

zh: 无其他建议或说明。
en: No further advice or information.

{% endif %}

## 整改与措施实施安排 | Action plan

zh: 审计组建议{{facility.organisation.zh}}按以下顺序落实整改和节能措施：
en: The audit team recommends that the {{facility.organisation.en}} act in the following order:

{% if count(findings[? .severity == "nonconformity"]) > 0 %}

- zh: 首先对上述不符合项限期整改，补齐计量器具、淘汰或改造低于能效限定值的设备和装置，确保符合强制性标准。
  en: First, correct the nonconformities above within a set time: complete the metering, replace or retrofit equipment and plant below the minimum efficiency, and so comply with the mandatory standards.

{% endif %}

{% if count(findings[? .severity == "warning"]) > 0 %}

- zh: 针对警示项制定改进计划，明确责任部门和完成时限。
  en: Draw up an improvement plan for the warnings, naming the responsible department and the deadline.

{% endif %}

{% for measures[? .payback_years <= 3] %}

- zh: 优先实施{{.name_zh}}：投资{{.investment_cny / 10000|0.00}}万元，年节能{{.annual_saving_tce|0.00}} tce、减排{{.annual_reduction_tco2|0.00}} tCO2，静态回收期{{.payback_years|0.0}}年。
  en: Implement {{.name_en}} first: investment {{.investment_cny / 10000|0.00}} × 10⁴ CNY, saving {{.annual_saving_tce|0.00}} tce and {{.annual_reduction_tco2|0.00}} tCO2 a year, simple payback {{.payback_years|0.0}} years.

{% endfor %}

{% for measures[? .payback_years > 3] %}

- zh: 结合技改计划实施{{.name_zh}}：投资{{.investment_cny / 10000|0.00}}万元，年节能{{.annual_saving_tce|0.00}} tce、减排{{.annual_reduction_tco2|0.00}} tCO2，静态回收期{{.payback_years|0.0}}年。
  en: Schedule {{.name_en}} with the investment plan: investment {{.investment_cny / 10000|0.00}} × 10⁴ CNY, saving {{.annual_saving_tce|0.00}} tce and {{.annual_reduction_tco2|0.00}} tCO2 a year, simple payback {{.payback_years|0.0}} years.

{% endfor %}

{% if facility.is_building %}

- zh: 完善分项计量和逐月统计，持续跟踪单位建筑面积能耗、人均能耗与碳排放强度，对照能耗定额管理用能，并在下一审计期评估措施实施效果。
  en: Complete sub-metering by system and monthly statistics, track energy per m², energy per occupant and carbon intensity, manage energy against the quotas, and assess the effect of the measures in the next audit period.

{% else %}

- zh: 完善能源计量和逐月统计，对燃料低位发热量和元素碳含量开展实测，持续跟踪单位产品能耗与碳排放强度，并在下一审计期评估措施实施效果。
  en: Complete energy metering and monthly statistics, measure fuel calorific values and elemental carbon contents, track unit energy consumption and carbon intensity, and assess the effect of the measures in the next audit period.

{% endif %}
