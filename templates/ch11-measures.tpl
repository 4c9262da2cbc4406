#! ch11-measures.tpl — 节能潜力与措施 / Saving potential and measures.
#! Measures are listed in input order; the chart ranks them by cost.

# 节能潜力与措施 | Saving potential and measures

## 节能潜力 | Saving potential

{% if count(energy.products[? exists(.benchmark)]) > 0 %}

zh: 按单位产品能耗达到限额标准1级（先进值）计算，{{facility.organisation.zh}}产品节能潜力合计{{energy.products_potential_tce|0.00}} tce/a；使用其他产品的产品（如含熟料的水泥）只计其本工序的潜力，所含中间产品的潜力已在该产品中计入，不重复计算（各产品明细见“产品能耗与对标”一章）。
en: If every product reached grade 1 (the advanced value) of its limit standard, the {{facility.organisation.en}} would save {{energy.products_potential_tce|0.00}} tce a year; a product that uses another (cement containing clinker) is counted only for its own stage, the potential of what it contains being counted with that product, not twice (details per product in the chapter Product energy and benchmarks).

{% endif %}

{% if count(energy.balance[? .saving_loss_tce > 0]) > 0 %}

zh: 审计期各能源品种超出计量不确定度的输配损失合计{{sum(energy.balance[].saving_loss_tce)|0.00}} tce（耗能工质和计量不确定度以内的差额不计），降低损失也是节能潜力的来源。
en: Distribution losses beyond the metering uncertainty came to {{sum(energy.balance[].saving_loss_tce)|0.00}} tce in the audit period (working media and differences within the meters' accuracy not counted); reducing them is a further source of savings.

{% endif %}

## 节能措施 | Energy-saving measures

{% if count(measures) > 0 %}

zh: 审计组结合现场调查和对标分析，提出以下节能技改措施。节能量按当量值计算；减排量按各能源的排放因子计算，节电按电网排放因子计算；经济评价采用静态回收期、动态回收期、净现值和内部收益率，减排成本 = （投资 × 资本回收系数 − 年节约费用）/ 年减排量，负值表示措施在减排的同时产生收益。
en: From the site investigation and the benchmark analysis the audit team proposes the following measures. Savings are at equivalent value; reductions use each carrier's emission factor, electricity at the grid factor; the economics are assessed by simple and discounted payback, net present value and internal rate of return; abatement cost = (investment × capital recovery factor − annual cost saving) / annual reduction, a negative value meaning the measure pays while it abates.

{% table measures | 节能措施的节能量与减排量 | Savings and reductions of the measures %}
| 编号 | ID | {{.id}} | | center | 0.8
| 措施 | Measure | {{.name_zh}} | {{.name_en}} | left | 4
| 年节能量（tce） | Saving (tce/a) | {{.annual_saving_tce|0.00}} | | number | 1.8
| 年节约费用（万元） | Cost saving (10⁴ CNY/a) | {{.annual_saving_cny / 10000|0.00}} | | number | 1.8
| 年减排量（tCO2） | Reduction (tCO2/a) | {{.annual_reduction_tco2|0.00}} | | number | 1.8
| 投资（万元） | Investment (10⁴ CNY) | {{.investment_cny / 10000|0.00}} | | number | 1.8
{% total %}
| |
| 合计 | Total
| {{sum(measures[].annual_saving_tce)|0.00}} |
| {{sum(measures[].annual_saving_cny) / 10000|0.00}} |
| {{sum(measures[].annual_reduction_tco2)|0.00}} |
| {{sum(measures[].investment_cny) / 10000|0.00}} |
{% endtable %}
note: zh: 注：年节约费用 = 节约的能源实物量 × 单价 − 运行维护费用变化；负的节约量为措施新增的能源消耗（如热泵用电）。合计为各措施单独实施时的加和，未计措施之间的相互影响：作用于同一系统的措施同时实施时（如锅炉改造与用汽设备节汽），合计的节约量偏大。 | en: Note: cost saving = energy saved × price − change of operating and maintenance cost; a negative saving is energy the measure adds (the power of a heat pump, for example). The total adds the measures as each would save alone, without their interactions: measures on one system carried out together (a boiler upgrade and steam savings at its users, for example) save less than the total.

{% table measures | 节能措施经济评价 | Economics of the measures %}
| 编号 | ID | {{.id}} | | center | 0.8
| 寿命（年） | Life (years) | {{.lifetime_years|0}} | | number | 1.2
| 折现率 | Discount rate | {{.discount_rate|%}} | | number | 1.3
| 静态回收期（年） | Payback (years) | {{.payback_years|0.0}} | | number | 1.5
| 动态回收期（年） | Discounted payback (years) | {{.discounted_payback_years|0.0}} | | number | 1.6
| 净现值（万元） | NPV (10⁴ CNY) | {{.npv_cny / 10000|0.00}} | | number | 1.8
| 内部收益率 | IRR | {{.irr|%}} | | number | 1.4
| 减排成本（元/tCO2） | Abatement cost (CNY/tCO2) | {{.abatement_cost_cny_per_tco2|0}} | | number | 1.8
{% endtable %}
note: zh: 注：净现值 = −投资 + Σ 年节约费用 /（1+r）^t，t = 1…n；内部收益率为净现值等于零时的折现率；“—”表示不能计算（如节约费用不为正，或寿命期内不能回收投资）。 | en: Note: NPV = −investment + Σ annual cost saving / (1+r)^t, t = 1…n; IRR is the rate at which NPV = 0; "—" means it cannot be computed (for example, no positive saving, or no payback within the life).

{% for measures[? not exists(.irr) and exists(.irr_reason)] %}

note: zh: {{.id}}：未计算内部收益率，原因：{{.irr_reason_zh}}。 | en: {{.id}}: no IRR, because {{.irr_reason}}.

{% endfor %}

{% for measures %}

### {{.id}} {{.name_zh}} | {{.id}} {{.name_en}}

{% if exists(.situation) %}
zh: 现状：{{.situation.zh}}
en: Present situation: {{.situation.en}}
{% endif %}

{% if exists(.scheme) %}
zh: 改造方案：{{.scheme.zh}}
en: Scheme: {{.scheme.en}}
{% endif %}

{% if exists(.saving_basis) %}
zh: 节能量测算依据：{{.saving_basis.zh}}
en: Basis of the saving: {{.saving_basis.en}}
{% endif %}

zh: 预期效果：年节能{{.annual_saving_tce|0.00}} tce（当量值），年节约费用{{.annual_saving_cny / 10000|0.00}}万元，年减排二氧化碳{{.annual_reduction_tco2|0.00}} tCO2；投资{{.investment_cny / 10000|0.00}}万元，静态回收期{{.payback_years|0.0}}年。
en: Expected effect: {{.annual_saving_tce|0.00}} tce a year saved (equivalent value), {{.annual_saving_cny / 10000|0.00}} × 10⁴ CNY a year, {{.annual_reduction_tco2|0.00}} tCO2 a year less; investment {{.investment_cny / 10000|0.00}} × 10⁴ CNY, simple payback {{.payback_years|0.0}} years.

{% if exists(.schedule.finish) %}
zh: 实施计划：{{.schedule.start}}开始，{{.schedule.finish}}完成。
en: Schedule: from {{.schedule.start}} to {{.schedule.finish}}.
{% else %}
{% if exists(.schedule.start) and exists(.schedule.months) %}
zh: 实施计划：{{.schedule.start}}开始，工期{{.schedule.months|#}}个月。
en: Schedule: from {{.schedule.start}}, {{.schedule.months|plural month}}.
{% else %}
{% if exists(.schedule.start) %}
zh: 实施计划：{{.schedule.start}}开始。
en: Schedule: from {{.schedule.start}}.
{% else %}
{% if exists(.schedule.months) %}
zh: 实施计划：工期{{.schedule.months|#}}个月。
en: Schedule: {{.schedule.months|plural month}}.
{% else %}
zh: 实施计划：审计数据文件未给出，由{{facility.organisation.zh}}结合技改计划确定。
en: Schedule: not given in the audit data file; the {{facility.organisation.en}} sets it with its investment plan.
{% endif %}
{% endif %}
{% endif %}
{% endif %}

{% if exists(.operating_hours) %}
zh: 测算假设：折现率{{.discount_rate|%}}，计算期取寿命{{.lifetime_years|0}}年；能源价格按表“分能源品种费用”的结算单价（{{energy.cost.vat_zh}}）；年运行{{.operating_hours|0}} h；节约的电力按电网排放因子计算减排量。
en: Assumptions: discount rate {{.discount_rate|%}}, over a life of {{.lifetime_years|0}} years; energy at the settlement prices of the table Energy cost by carrier ({{energy.cost.vat_en}}); {{.operating_hours|0}} operating hours a year; electricity saved abates at the grid emission factor.
{% else %}
zh: 测算假设：折现率{{.discount_rate|%}}，计算期取寿命{{.lifetime_years|0}}年；能源价格按表“分能源品种费用”的结算单价（{{energy.cost.vat_zh}}）；年运行时间按审计期实际运行计；节约的电力按电网排放因子计算减排量。
en: Assumptions: discount rate {{.discount_rate|%}}, over a life of {{.lifetime_years|0}} years; energy at the settlement prices of the table Energy cost by carrier ({{energy.cost.vat_en}}); operating hours as in the audit period; electricity saved abates at the grid emission factor.
{% endif %}

{% endfor %}

{% else %}

zh: 本次审计未提出量化的节能措施。
en: The audit proposes no quantified energy-saving measure.

{% endif %}

{% if count(measures[? exists(.abatement_cost_cny_per_tco2)]) > 0 %}
zh: 下图为边际减排成本曲线：各措施按单位减排成本由低到高排列，柱宽为年减排量，柱高为单位减排成本；位于横轴以下的措施在减排的同时带来净收益。
en: The marginal abatement cost curve below ranks the measures from the lowest cost per tonne of CO2 to the highest: each bar is as wide as the measure's annual reduction and as high as its cost per tonne; bars below the axis save money while they cut emissions.

{% chart macc | 边际减排成本曲线 | Marginal abatement cost curve %}
{% endif %}

## 审计发现 | Findings

{% if count(findings[? .rule == "measure_not_viable" or .rule == "measure_quick_payback" or .rule == "measure_payback_exceeds_life" or .rule == "measure_negative_abatement_cost" or .rule == "no_measures"]) > 0 %}

{% for findings[? .rule == "measure_not_viable" or .rule == "measure_quick_payback" or .rule == "measure_payback_exceeds_life" or .rule == "measure_negative_abatement_cost" or .rule == "no_measures"] %}

{% include finding-item.tpl %}

{% endfor %}

{% else %}

zh: 本章范围内未发现问题。
en: No findings in the scope of this chapter.

{% endif %}
