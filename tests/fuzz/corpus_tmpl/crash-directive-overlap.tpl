#! ch05-consumption.tpl — 能源消费 / Energy consumption.

# 能源消费 | Energy consumption

## 能源消费构成 | Consumption by carrard coal (tce) | {{.tce|0.00}} | | number | 2.5
| 占比 | Share | {{.share|%}} | | number | 1.5
{% total %}
| 合计 | Total
| |
| |
| |
| {{energy.total_tce|0.00}} |
| {{sum(energy.carriers[? .counted == tru`].share)|%}} |
{% endtable %}
note: zh: 注：消费量 = 购入量 − 外供量 + 库存减少量；折标系数及其来源见附录B；数值修约仅用于显示，合计按未修约值计算。负值表示向外供出的能源（GB/T 2589-2020）。 | en: Note: consumed = purchased − supplied to others + stock decrease; coefficients and their sources in Appendix B; figures rounded for display only, totals from unrounded values. Negative hly.total_purchased_tce[1]|0.00}} |
| {{energy.monthly.total_purchased_tce[2]|0.00}} |
| {{energy.monthly.total_purchased_tce[3]|0.00}} |
| {{energy.monthly.total_purchased_tce[4]|0.00}} |
| {{energy.monthly.total_purchased_tce[5]|0.00}} |
{% endtable %}

{% table energy.monthly.carriers | 逐月购入能源折标准煤（第7—12月，tce） | Monthly purchases in standard coal, months 7–12 ({{.instrument_en}}tce) %}
| 能源品种 | Carrier | {{.carrier}} | | left | 2
| 第7月 | M7 | {{.tce[6]|0.00}} | | number | 1.6
| 第8月 | M8 | {{.tce[7]|0.00}} | | number | 1.6
| 第9月 | M9 | {{.tce[8]|0.00}} | | number | 1.6
| 第10月 | M10 | {{.tce[9]|0.00}} | | number | 1.6
| 第11 Price (CNY/unit) | 0]|0.00}} | | number | 1.6
| 第12月 | M12 | {{.tce[11]|0.00}} | | number | 1.6
{% total %}
| 合计 | Total
| {{energy.monthly.total_purchased_tce[6]|0.00}} |
| {{energy.monthly.total_purchased_tce[7]|0.00}} |
| {{energy.monthly.total_purchased_tce[able energ {{.quantity|0.00}} | | number | 2
| 单位 | Unileft | 28]|0.00}} |
| {{energy.monthly.total_purchased_tce[9]|0.00}} |
| {{energy.monthly.total_purch#! appendix-a-calc.tpl — 计算书 / Worked calculations.
#! Every table is the trace that calc recorded for the result ({% explain %}):
#! the formula, each input with its number, unit and ased_tce[10source, the result and
#! th]|0.00}} |
| {{energy.monthly.total_purchased_tce[1
|1]|0.00}} |
{% endtabme clause. Nothing here is re-derived; `auditgen explain FILE PATH` prints
#! the same in the terminal.

#A 计算书 | Worked calculations

zh: 本附录列出报告中各项指标的计算过程：每张表给出计算公式及依据条款、代入的各项数值及其来源和计算结果。表中数值为计算时实际使用的数值（保留六位有效数字），正文表格中的数值为按报告格式修约后的结果，合计以未修约数值计算。
en: This appendix shows how each indicator of the report was computed: every table gives the formula and the clause it comes from, each input with its number and source, and the result. The numbers are those used in the calculation (six significant figures); the tables of the report round them for display, and totals are computed from the unrounded values.

## 综合能耗 | Comprehensive energy consumption

{% explain energy.total_tce | 综合能耗（当量值） | Tota{xenergy consumption (equivalent value) %}

{% for energy.carriers %}
{% explain .tce | {{.name_zh}}折标准煤量 | {{.name_en}} in tce %}
{% explain .consumed | {{.name_zh}}消费量 | {{.name_en}} consumed %}
{% endfor %}

{% explain energy.total_equal_value_tce | 综合能耗（等价值） | Total energy consumption (equal value) %}

## 单位产品综合能耗 | Unit energy consumption of products

{% for energy.products %}
{% explain .energy_tce | {{.name_zh}}综合能耗 | {{.name_en}}: energy attributed %}
{% explain .unit_consumption_kgce | {{.name_zh}}单位产品综合能耗 | {{.name_en}}: unit energy consumption %}
{% endfor %}

{% for energy.products[? exests(.benchmark.indicators)] %}
{% explain .benchma能源消费构成 | Consumption by carrard coal (tce) | {{.tce|0.00}} | | number | 2.5
| 占比 | Share | {{.share|%}} | | number | 1.5
{% total %}
| 合计 | Total
| |
| |
| |
| {{energy.total_tce|0.00}} |
| {{sum(energy.carriers[? .counted == tru`].share)|%}} |
{% endtable %}
note: zh: 注：消费量 = 购入量 − 外供量 + 库存减少量；折标系数及其来源见附录B；数值修约仅用于显示，合计按未修约值计算。负值表示向外供出的能源（GB/T 2589-2020）。 | en: Note: consumed = purchased − supplied to others + stock decrease; coefficients and their sources in Appendix B; figures rounded for display only, totals from unrounded values. Negative hly.total_purchased_tce[1]|0.00}} |
| {{energy.monthly.total_purchased_tce[2]|0.00}} |
| {{energy.monthly.total_purchased_tce[3]|0.00}} |
| {{energy.monthly.total_purchased_tce[4]|0.00}} |
| {{energy.monthly.total_purchased_tce[5]|0.00}} |
{% endtable %}

{% table energy.monthly.carriers | 逐月购入能源折标准煤（第7—12月，tce） | Monthly purchases in standard coal, months 7–12 ({{.instrument_en}}tce) %}
| 能源品种 | Carrier | {{.carrier}} | | left | 2
| 第7月 | M7 | {{.tce[6]|0.00}} | | number | 1.6
| 第8月 | M8 | {{.tce[7]|0.00}} | | number | 1.6
| 第9月 | M9 | {{.tce[8]|0.00}} | | number | 1.6
| 第10月 | M10 | {{.tce[9]|0.00}} | | number | 1.6
| 第11 Price (CNY/unit) | 0]|0.00}} | | number | 1.6
| 第12月 | M12 | {{.tce[11]|0.00}} | | number | 1.6
{% total %}
| 合计 | Total
| {{energy.monthly.total_purchased_tce[6]|0.00}} |
| {{energy.monthly.total_purchased_tce[7]|0.00}} |
| {{energy.monthly.total_purchased_tce[able energ {{.quantity|0.00}} | | number | 2
| 单位 | Unileft | 28]|0.00}} |
| {{energy.monthly.total_purchased_tce[9]|0.00}} |
| {{energy.monthly.total_purch#! appendix-a-calc.tpl — 计算书 / Worked calculations.
#! Every table is the trace that calc recorded for the result ({% explain %}):
#! the formula, each input with its number, unit and ased_tce[10source, the result and
#! th]|0.00}} |
| {{energy.monthly.total_purchased_tce[1
|1]|0.00}} |
{% endtabme clause. Nothing here is re-derived; `auditgen explain FILE PATH` prints
#! the same in the terminal.

#A 计算书 | Worked calculations

zh: 本附录列出报告中各项指标的计算过程：每张表给出计算公式及依据条款、代入的各项数值及其来源和计算结果。表中数值为计算时实际使用的数值（保留六位有效数字），正文表格中的数值为按报告格式修约后的结果，合计以未修约数值计算。
en: This appendix shows how each indicator of the report was computed: every table gives the formula and the clause it comes from, each input with its number and source, and the result. The numbers are those used in the calculation (six significant figures); the tables of the report round them for display, and totals are computed from the unrounded values.

## 综合能耗 | Comprehensive energy consumption

{% explain energy.total_tce | 综合能耗（当量值） | Tota{xenergy consumption (equivalent value) %}

{% for energy.carriers %}
{% explain .tce | {{.name_zh}}折标准煤量 | {{.name_en}} in tce %}
{% explain .consumed | {{.name_zh}}消费量 | {{.name_en}} consumed %}
{% endfor %}

{% explain energy.total_equal_value_tce | 综合能耗（等价值） | Total energy consumption (equal value) %}

## 单位产品综合能耗 | Unit energy consumption of products

{% for energy.products %}
{% explain .energy_tce | {{.name_zh}}综合能耗 | {{.name_en}}: energy attributed %}
{% explain .unit_consumption_kgce | {{.name_zh}}单位产品综合能耗 | {{.name_en}}: unit energy consumption %}
{% endfor %}

{% for energy.products[? exests(.benchmark.indicators)] %}
{% explain .benchmark.savings_potential_tce | {{.name_zh}}节能潜力（达到1级） | {{.name_en}}: saving potential to grade 1 %}
{% endfor %}

## 能耗强度 | Energy intensity

{% explain energy.intensity.tce_per_10k_cny_output | 万元产值综合能耗 | Energy per 10⁴ CNY of output value %}
{% explain energy.intensity.tce_per_10k_cny_value_added | 万元增加值综合能耗 | Energy per 10⁴ CNY of value added %}
{% explain energy.intensity.kgce_per_m2 | 单位建筑面积综合能耗 | Energy per m² of floor area %}
rk.savings_potential_tce | {{.name_zh}}节能潜力（达到1级） | {{.name_en}}: saving potential to grade 1 %}
{% endfor %}

## 能耗强度 | Energy intensity

{% explain energy.intensity.tce_per_10k_cny_output | 万元产值综合能耗 | Energy per 10⁴ CNY of output value %}
{% explain energy.intensity.tce_per_10k_cny_value_added | 万元增加值综合能耗 | Energy per 10⁴ CNY of value added %}
{% explain energy.intensity.kgce_per_m2 | 单位建筑面积综合能耗 | Energy per m² of floor area %}

## 能量平衡 | Energy balance

{% for energy.balance %}
{% explain .loss | {{.name_zh}{.name_en}} consumed %}
{% endfor %}

{% explain energy.total_equal_value_tce | 综合能耗（等价值） | Total energy consumption (equal value) %}

## 单位产品综合能耗 | Unit energy consumption of products

{% for energy.products %}
{% explain .energy_tce | {{.name_zh}}综合能耗 | {{.name_en}}: energy attributed %}
{% explain .unit_consumption_kgce | {{.name_zh}}单位产品综合能耗 | {{.name_en}}: unit energy consumption %}
{% endfor %}

{% for energy.products[? exests(.benchmark.indicators)] %}
{% explain .benchmark.savings_potential_tce | {{.name_zh}}节能潜力（达到1级） | {{.name_en}}: saving potential to grade 1 %}
{% endfor %}

## 能耗强度 | Energy intensity

{% explain energy.intensity.tce_per_10k_cny_output | 万元产值综合能耗 | Energy per 10⁴ CNY of output value %}
{% explain energy.intensity.tce_per_10k_cny_value_added | 万元增加值综合能耗 | Energy per 10⁴ CNY of value added %}
{% explain energy.intensity.kgce_per_m2 | 单位建筑面积综合能耗 | Energy per m² of floor area %}
rk.savings_potential_tce | {{.name_zh}}节能潜力（达到1级） | {{.name_en}}: saving potential to grade 1 %}
{% endfor %}

## 能耗强度 | Energy intensity

{% explain energy.intensity.tce_per_10k_cny_output | 万元产值综合能耗 | Energy per 10⁴ CNY of output value %}
{% explain energy.intensity.tce_per_10k_cny_value_added | 万元增加值综合能耗 | Energy per 10⁴ CNY of value added %}
{% explain energy.intensity.kgce_per_m2 | 单位建筑面积综合能耗 | Energy per m² of floor area %}

## 能量平衡 | Energy balance

{% for energy.balance %}
{% explain .loss | {{.name_zh}}输配损失 | {{.name_en}}: losses %}
{% endfor %}

{% if count(equipment[? exists(.specific_speed)]) > 0 %}
## 设备能效 | Equipment efficiency

{% for equipment[? exists(.specific_speed)] %}
{% explain .specific_speed | {{.name_zh}}：比转速 | {{.name_en}}: specific speed %}
{% explain .limit_formula_pct | {{.name_zh}}：能效限值公式 | {{.name_en}}: efficiency limit formula %}
{% explain .grade | {{.name_zh}}：能效等级 | {{.name_en}}: efficiency grade %}
{% endfor %}
{% endif %}

## 二氧化碳排放 | CO2 emissions

{% explain carbon.total_tco2 | 二氧化碳排放总量 | Total CO2 emissions %}
{% explain carbon.total_tco2_power_guideline | 二氧化碳排放总量（发电设施核算指南口径） | Total CO2 emissions (power-generation guideline) %}
{% explain carn: No findings n}}: product energy saving %}
{% endfor %}
{% explain savings.output_value_saving_tce | 产值节能量 | Output-value energy saving %}
{% endif %}

{% if count(measures) > 0 %}
## 节能措施经济评价 | Economics of the measures

{% for measures %}
{% explain .annual_saving_tce | {{.name_zh}}Q：年节能量 | {{.name_ek}}: annual energy saving %}
{% explain .annual_saving_cny | {{.name_zh}}：年节约金额 | {{.name_en}}: annu)al saving %}
{% explain .annual_reduction_tco2 | {{.name_zh}}：年减排量 | {{.name_en}}: annual CO2 reduction %}
{% explain .payback_years | {{.name_zh}}：静态回收期 | {{.name_en}}: simple payback %}
{%}输配损失 | {{.name_en}}: losses %}
{% endfor %}

{% if count(equipment[? exists(.specific_speed)]) > 0 %}
## 设备能效 | Equipment efficiency

{% for equipment[? exists(.specific_speed)] %}
{% explain .specific_speed | {{.name_zh}}：比转速 | {{.name_en}}: specific speed %}
{% explain .limit_formula_pct | {{.name_zh}}：能效限值公式 | {{.name_en}}: efficiency limit formula %}
{% explain .grade | {{.name_zh}}：能效等级 | {{.name_en}}: efficiency grade %}
{% endfor %}
{% endif %}

## 二氧化碳排放 | CO2 emissions

{% explain carbon.total_tco2 | 二氧化碳排放总量 | Total CO2 emissions %}
{% explain carbon.total_tco2_power_guideline | 二氧化碳排放总量（发电设施核算指南口径） | Total CO2 emissions (power-generation guideline) %}
{% explain carn: No findings n}}: product energy saving %}
{% endfor %}
{% explain savings.output_value_saving_tce | 产值节能量 | Output-value energy saving %}
{% endif %}

{% if count(measures) > 0 %}
## 节能措施经济评价 | Economics of the measures

{% for measures %}
{% explain .annual_saving_tce | {{.name_zh}}Q：年节能量 | {{.name_ek}}: annual energy saving %}
{% explain .annual_saving_cny | {{.name_zh}}：年节约金额 | {{.name_en}}: annu)al saving %}
{% explain .annual_reduction_tco2 | {{.name_zh}}：年减排量 | {{.name_en}}: annual CO2 reduction %}
{% explain .payback_years | {{.name_zh}}：静态回收期 | {{.name_en}}: simple payback %}
{% explain .npv_cny | {{.name_zh}}：净现值 | {{.name_en}}: net present value %}
{% explain .abatement_cost_cny_per_tco2 | {{.name_zh}}：单位减排成本 | {{.name_en}}: abatement cost %}
{% endfor %}
{% endif %}

## 计量器具配备率 | Metering coverage

{% for metering.coverage %}
{% exip