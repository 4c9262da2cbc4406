#! appendix-a-calc.tpl — 计算书 / Worked calculations.
#! Each indicator: formula, the numbers substituted, the result, the source.

#A 计算书 | Worked calculations

zh: 本附录列出主要指标的计算公式、代入数值和计算结果。计算使用未修约的数值，表中数值修约后显示，末位可能有微小差异。
en: This appendix gives each main indicator's formula, the numbers substituted and the result. The calculation uses unrounded values; figures are displayed rounded, so the last digit may differ slightly.

## 综合能耗（当量值） | Comprehensive energy consumption (equivalent value)

zh: 依据GB/T 2589-2020《综合能耗计算通则》：各能源品种消费量 = 购入量 − 外供量 + 库存减少量；折标准煤量（tce）= 消费量 × 折标系数（kgce/单位）/ 1000；综合能耗 = Σ 各计入品种的折标准煤量。1 kgce = 29 307.6 kJ（低位发热量）。
en: Under GB/T 2589-2020 (General principles for calculation of the comprehensive energy consumption): consumption of each carrier = purchased − supplied to others + stock decrease; standard coal (tce) = consumption × coefficient (kgce/unit) / 1000; comprehensive energy consumption = Σ standard coal of the carriers counted. 1 kgce = 29,307.6 kJ (net calorific value).

{% for energy.carriers %}

- zh: {{.name_zh}}：消费量 = {{.purchased|0.00}} − {{.sold|0.00}} + {{.stock_change|0.00}} = {{.consumed|0.00}} {{.unit}}；折标准煤 = {{.consumed|0.00}} × {{.coefficient_kgce|0.0000}} / 1000 = {{.tce|0.00}} tce
  en: {{.name_en}}: consumed = {{.purchased|0.00}} − {{.sold|0.00}} + {{.stock_change|0.00}} = {{.consumed|0.00}} {{.unit}}; standard coal = {{.consumed|0.00}} × {{.coefficient_kgce|0.0000}} / 1000 = {{.tce|0.00}} tce

{% endfor %}

zh: 综合能耗（当量值）= Σ 折标准煤量 = {{energy.total_tce|0.00}} tce。
en: Comprehensive energy consumption (equivalent value) = Σ standard coal = {{energy.total_tce|0.00}} tce.

{% if count(energy.carriers[? .carrier != "electricity" and .produced > 0]) > 0 %}

note: zh: 注：企业自产并自用的能源（如自产蒸汽）消费量为零，其能耗已计入生产它的单元的投入；自产外供的能源以负值扣减；自产能源的折标系数为实际系数 = 生产单元投入的标准煤量 / 产出量（GB/T 2589-2020）。 | en: Note: energy made and used on site (e.g. own steam) has zero consumption, its energy being in the inputs of the unit that made it; energy made and supplied to others is deducted as a negative value; its coefficient is the actual one = standard coal into the producing unit / its output (GB/T 2589-2020).

{% endif %}

## 综合能耗（等价值） | Comprehensive energy consumption (equal value)

{% if exists(energy.carriers[electricity]) %}

zh: 等价值将电力由当量值系数改按供电煤耗折算：等价值 = 当量值 − E × c / 1000 + E × r / 1000，E为电力消费量（kWh），c为当量值折标系数（kgce/kWh），r为{{energy.equal_value.year|#}}年供电煤耗（kgce/kWh）。
en: The equal value counts electricity at the supply coal rate instead of its equivalent coefficient: equal value = equivalent value − E × c / 1000 + E × r / 1000, where E is electricity consumed (kWh), c its equivalent coefficient (kgce/kWh) and r the {{energy.equal_value.year|#}} supply coal rate (kgce/kWh).

zh: 等价值 = {{energy.total_tce|0.00}} − {{energy.carriers[electricity].consumed|0.00}} × {{energy.carriers[electricity].coefficient_kgce|0.0000}} / 1000 + {{energy.carriers[electricity].consumed|0.00}} × {{energy.equal_value.supply_coal_rate_gce_per_kwh / 1000|0.0000}} / 1000 = {{energy.total_equal_value_tce|0.00}} tce
en: Equal value = {{energy.total_tce|0.00}} − {{energy.carriers[electricity].consumed|0.00}} × {{energy.carriers[electricity].coefficient_kgce|0.0000}} / 1000 + {{energy.carriers[electricity].consumed|0.00}} × {{energy.equal_value.supply_coal_rate_gce_per_kwh / 1000|0.0000}} / 1000 = {{energy.total_equal_value_tce|0.00}} tce

note: zh: 供电煤耗来源：{{energy.equal_value.source}} | en: Source of the supply coal rate: {{energy.equal_value.source}}

{% else %}

zh: 企业未消费电力，等价值与当量值相同：{{energy.total_equal_value_tce|0.00}} tce。
en: The enterprise used no electricity: the equal value equals the equivalent value, {{energy.total_equal_value_tce|0.00}} tce.

{% endif %}

## 单位产品综合能耗 | Unit energy consumption of products

zh: 依据GB/T 2589-2020：产品综合能耗 = Σ 进入该产品生产单元的各能源实物量 × 折标系数 / 1000 + 分摊的辅助、附属生产系统能耗；单位产品综合能耗（kgce/单位）= 产品综合能耗（tce）× 1000 / 产量。企业既外购又自产的能源（如外购电与余热发电）按厂内混合系数折算。
en: Under GB/T 2589-2020: product energy = Σ each carrier into the product's units × coefficient / 1000 + its share of auxiliary and ancillary systems; unit consumption (kgce/unit) = product energy (tce) × 1000 / output. A carrier both purchased and made on site (grid power and waste-heat power) is converted at its internal mixed coefficient.

{% for energy.products %}

### {{.name_zh}} | {{.name_en}}

{% for .inputs %}

{% if exists(.coefficient_kgce) %}

- zh: {{.carrier}}（{{.via}}）：{{.quantity|0.00}} {{.unit}} × {{.coefficient_kgce|0.000000}} / 1000 = {{.tce|0.00}} tce
  en: {{.carrier}} ({{.via}}): {{.quantity|0.00}} {{.unit}} × {{.coefficient_kgce|0.000000}} / 1000 = {{.tce|0.00}} tce

{% else %}

- zh: 自产中间产品{{.product}}：{{.quantity|0.00}} {{.unit}} × {{.unit_consumption_kgce|0.000}} kgce/{{.unit}} / 1000 = {{.tce|0.00}} tce
  en: Intermediate product {{.product}} made on site: {{.quantity|0.00}} {{.unit}} × {{.unit_consumption_kgce|0.000}} kgce/{{.unit}} / 1000 = {{.tce|0.00}} tce

{% endif %}

{% endfor %}

zh: 产品综合能耗 = {{.energy_tce|0.00}} tce；单位产品综合能耗 = {{.energy_tce|0.00}} × 1000 / {{.quantity|0.00}} = {{.unit_consumption_kgce|0.000}} kgce/{{.unit}}。
en: Product energy = {{.energy_tce|0.00}} tce; unit consumption = {{.energy_tce|0.00}} × 1000 / {{.quantity|0.00}} = {{.unit_consumption_kgce|0.000}} kgce/{{.unit}}.

{% if exists(.benchmark.savings_potential_tce) %}

zh: 节能潜力 = max(0, {{.benchmark.value|0.00}} − {{.benchmark.advanced_kgce|0.00}}) {{.benchmark.unit}} × {{.quantity|0.00}} {{.unit}}，按指标单位折算为 {{.benchmark.savings_potential_tce|0.00}} tce（{{.benchmark.standard}}）。
en: Potential = max(0, {{.benchmark.value|0.00}} − {{.benchmark.advanced_kgce|0.00}}) {{.benchmark.unit}} × {{.quantity|0.00}} {{.unit}}, converted from the indicator's unit: {{.benchmark.savings_potential_tce|0.00}} tce ({{.benchmark.standard}}).

{% endif %}

{% endfor %}

## 能耗强度 | Energy intensity

zh: 万元产值综合能耗 = 综合能耗 / 工业总产值 = {{energy.total_tce|0.00}} / {{facility.output_value_10k_cny|0.00}} = {{energy.intensity.tce_per_10k_cny_output|0.0000}} tce/万元。
en: Energy per 10⁴ CNY of output value = total energy / output value = {{energy.total_tce|0.00}} / {{facility.output_value_10k_cny|0.00}} = {{energy.intensity.tce_per_10k_cny_output|0.0000}} tce per 10⁴ CNY.

{% if exists(facility.value_added_10k_cny) %}

zh: 万元增加值综合能耗 = {{energy.total_tce|0.00}} / {{facility.value_added_10k_cny|0.00}} = {{energy.intensity.tce_per_10k_cny_value_added|0.0000}} tce/万元。
en: Energy per 10⁴ CNY of value added = {{energy.total_tce|0.00}} / {{facility.value_added_10k_cny|0.00}} = {{energy.intensity.tce_per_10k_cny_value_added|0.0000}} tce per 10⁴ CNY.

{% endif %}

## 二氧化碳排放 | CO2 emissions

zh: 依据GB/T 32150-2015及相关行业核算指南。化石燃料燃烧排放 = 消费量 × 低位发热量 × 单位热值含碳量 × 碳氧化率 × 44/12：
en: Under GB/T 32150-2015 and the sector accounting guidelines. Fuel combustion = consumption × net calorific value × carbon content per unit heat × oxidation rate × 44/12:

{% for carbon.scope1.combustion %}

- zh: {{.name_zh}}：{{.consumed|0.00}} {{.unit}} × {{.ncv_gj|0.00000}} GJ/{{.unit}} × {{.carbon_tc_per_gj|0.00000}} tC/GJ × {{.oxidation|0.00}} × 44/12 = {{.tco2|0.00}} tCO2
  en: {{.name_en}}: {{.consumed|0.00}} {{.unit}} × {{.ncv_gj|0.00000}} GJ/{{.unit}} × {{.carbon_tc_per_gj|0.00000}} tC/GJ × {{.oxidation|0.00}} × 44/12 = {{.tco2|0.00}} tCO2

{% endfor %}

{% for carbon.scope1.process %}

- zh: {{.name_zh}}：{{.activity_text}} × {{.factor_text}} = {{.tco2|0.00}} tCO2
  en: {{.name_en}}: {{.activity_text}} × {{.factor_text}} = {{.tco2|0.00}} tCO2

{% endfor %}

zh: 外购电力排放：{{carbon.scope2.electricity_purchased_mwh|0.00}} MWh × {{carbon.scope2.grid_factor_tco2_per_mwh|0.0000}} tCO2/MWh = {{carbon.scope2.electricity_purchased_tco2|0.00}} tCO2；扣减外供电力 {{carbon.scope2.electricity_exported_tco2|0.00}} tCO2；外购电力排放 {{carbon.scope2.electricity_tco2|0.00}} tCO2。外购热力排放 {{carbon.scope2.heat_tco2|0.00}} tCO2（0.11 tCO2/GJ）。
en: Purchased electricity: {{carbon.scope2.electricity_purchased_mwh|0.00}} MWh × {{carbon.scope2.grid_factor_tco2_per_mwh|0.0000}} tCO2/MWh = {{carbon.scope2.electricity_purchased_tco2|0.00}} tCO2; less exported electricity {{carbon.scope2.electricity_exported_tco2|0.00}} tCO2; purchased electricity {{carbon.scope2.electricity_tco2|0.00}} tCO2. Purchased heat {{carbon.scope2.heat_tco2|0.00}} tCO2 (0.11 tCO2/GJ).

zh: 排放总量 = 范围一 {{carbon.scope1.total_tco2|0.00}} + 范围二 {{carbon.scope2.total_tco2|0.00}} = {{carbon.total_tco2|0.00}} tCO2。
en: Total = Scope 1 {{carbon.scope1.total_tco2|0.00}} + Scope 2 {{carbon.scope2.total_tco2|0.00}} = {{carbon.total_tco2|0.00}} tCO2.

{% if count(savings.products) > 0 %}

## 节能量 | Energy savings

zh: 依据GB/T 13234：产品节能量 = （基期单耗 − 审计期单耗）× 审计期产量 / 1000。
en: Under GB/T 13234: product saving = (base-period − audit-period unit consumption) × audit-period output / 1000.

{% for savings.products %}

- zh: {{.name_zh}}：（{{.base_unit_consumption_kgce|0.000}} − {{.unit_consumption_kgce|0.000}}）kgce × 产量 / 1000 = {{.saving_tce|0.00}} tce
  en: {{.name_en}}: ({{.base_unit_consumption_kgce|0.000}} − {{.unit_consumption_kgce|0.000}}) kgce × output / 1000 = {{.saving_tce|0.00}} tce

{% endfor %}

{% endif %}

{% if count(measures) > 0 %}

## 节能措施经济评价 | Economics of the measures

zh: 静态回收期 = 投资 / 年节约费用；资本回收系数 CRF = r(1+r)^n / ((1+r)^n − 1)；减排成本 = （投资 × CRF − 年节约费用）/ 年减排量。
en: Simple payback = investment / annual cost saving; capital recovery factor CRF = r(1+r)^n / ((1+r)^n − 1); abatement cost = (investment × CRF − annual cost saving) / annual reduction.

{% for measures %}

- zh: {{.id}} {{.name_zh}}：回收期 = {{.investment_cny|0}} / {{.annual_saving_cny|0}} = {{.payback_years|0.00}}年；减排成本 = （{{.investment_cny|0}} × {{.crf|0.000000}} − {{.annual_saving_cny|0}}）/ {{.annual_reduction_tco2|0.00}} = {{.abatement_cost_cny_per_tco2|0}}元/tCO2
  en: {{.id}} {{.name_en}}: payback = {{.investment_cny|0}} / {{.annual_saving_cny|0}} = {{.payback_years|0.00}} years; abatement cost = ({{.investment_cny|0}} × {{.crf|0.000000}} − {{.annual_saving_cny|0}}) / {{.annual_reduction_tco2|0.00}} = {{.abatement_cost_cny_per_tco2|0}} CNY/tCO2

{% endfor %}

{% endif %}
