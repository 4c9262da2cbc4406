#! appendix-a-calc.tpl — 计算书 / Worked calculations.
#! Every table is the trace that calc recorded for the result ({% explain %}):
#! the formula, each input with its number, unit and source, the result and
#! the clause. Nothing here is re-derived; `auditgen explain FILE PATH` prints
#! the same in the terminal.

#A 计算书 | Worked calculations

zh: 本附录列出报告中各项指标的计算过程：每张表给出计算公式及依据条款、代入的各项数值及其来源和计算结果。表中数值为计算时实际使用的数值（保留六位有效数字），正文表格中的数值为按报告格式修约后的结果，合计以未修约数值计算。
en: This appendix shows how each indicator of the report was computed: every table gives the formula and the clause it comes from, each input with its number and source, and the result. The numbers are those used in the calculation (six significant figures); the tables of the report round them for display, and totals are computed from the unrounded values.

## 综合能耗 | Comprehensive energy consumption

{% explain energy.total_tce | 综合能耗（当量值） | Total energy consumption (equivalent value) %}

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

{% for energy.products[? exists(.benchmark.indicators)] %}
{% explain .benchmark.savings_potential_tce | {{.name_zh}}节能潜力（达到1级） | {{.name_en}}: saving potential to grade 1 %}
{% endfor %}

{% if count(energy.stages.indicators[? exists(.numerator)]) > 0 %}
## 工段指标 | Stage indicators

{% for energy.stages.indicators[? exists(.numerator)] %}
{% explain .value | {{.name_zh}} | {{.name_en}} %}
{% endfor %}
{% endif %}

## 能耗强度 | Energy intensity

{% explain energy.intensity.tce_per_10k_cny_output | 万元产值综合能耗 | Energy per 10⁴ CNY of output value %}
{% explain energy.intensity.tce_per_10k_cny_value_added | 万元增加值综合能耗 | Energy per 10⁴ CNY of value added %}
{% explain energy.intensity.kgce_per_m2 | 单位建筑面积综合能耗 | Energy per m² of floor area %}
{% explain energy.intensity.kgce_per_m2_equal_value | 单位建筑面积综合能耗（等价值） | Energy per m² of floor area (equal value) %}
{% explain energy.intensity.kgce_per_employee | 人均综合能耗 | Energy per employee %}

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
{% explain carbon.scope1.total_tco2 | 范围一排放 | Scope 1 emissions %}
{% explain carbon.scope1.combustion_tco2 | 化石燃料燃烧排放 | Fuel combustion %}
{% for carbon.scope1.combustion %}
{% explain .tco2 | {{.name_zh}}燃烧排放 | {{.name_en}}: combustion emissions %}
{% endfor %}
{% for carbon.scope1.process %}
{% explain .tco2 | {{.name_zh}} | {{.name_en}} %}
{% endfor %}
{% explain carbon.scope2.total_tco2 | 范围二排放 | Scope 2 emissions %}
{% explain carbon.scope2.electricity_tco2 | 外购电力排放 | Purchased electricity %}
{% explain carbon.scope2.heat_tco2 | 外购热力排放 | Purchased heat %}
{% explain carbon.intensity.tco2_per_10k_cny_output | 万元产值二氧化碳排放 | CO2 per 10⁴ CNY of output value %}

{% if count(savings.products) > 0 %}
## 节能量 | Energy savings

{% for savings.products %}
{% explain .saving_tce | {{.name_zh}}产品节能量 | {{.name_en}}: product energy saving %}
{% endfor %}
{% explain savings.output_value_saving_tce | 产值节能量 | Output-value energy saving %}
{% endif %}

{% if exists(history.lmdi.previous.change_tce) %}
## 历年能耗变化的因素分解 | Decomposition of the year-on-year change

{% explain history.lmdi.previous.change_tce | 综合能耗变化 | Change in total energy %}
{% explain history.lmdi.previous.activity_tce | 产出效应 | Activity effect %}
{% explain history.lmdi.previous.structure_tce | 结构效应 | Structure effect %}
{% explain history.lmdi.previous.intensity_tce | 强度效应 | Intensity effect %}
{% explain history.target.achieved | 节能目标实现值 | Saving target: achieved %}
{% explain history.target.completed_pct | 节能目标完成率 | Saving target: completion %}
{% endif %}

{% if count(measures) > 0 %}
## 节能措施经济评价 | Economics of the measures

{% for measures %}
{% explain .annual_saving_tce | {{.name_zh}}：年节能量 | {{.name_en}}: annual energy saving %}
{% explain .annual_saving_cny | {{.name_zh}}：年节约金额 | {{.name_en}}: annual saving %}
{% explain .annual_reduction_tco2 | {{.name_zh}}：年减排量 | {{.name_en}}: annual CO2 reduction %}
{% explain .payback_years | {{.name_zh}}：静态回收期 | {{.name_en}}: simple payback %}
{% explain .npv_cny | {{.name_zh}}：净现值 | {{.name_en}}: net present value %}
{% explain .abatement_cost_cny_per_tco2 | {{.name_zh}}：单位减排成本 | {{.name_en}}: abatement cost %}
{% endfor %}
{% endif %}

## 计量器具配备率 | Metering coverage

{% for metering.coverage %}
{% explain .rate | 第{{.level|#}}级 {{.name_zh}}配备率 | Level {{.level|#}} {{.name_en}}: coverage %}
{% endfor %}
