#! ch07-products.tpl — 产品能耗与对标 / Product energy and benchmarks; for a
#! building, its energy indicators and the quotas it is compared with.

{% if facility.is_building %}

# 建筑能耗指标与定额对标 | Building energy indicators and quotas

zh: 建筑能耗指标 = 审计期能耗 ÷ 建筑面积、用能人数、床位数等。当量值按电力折标准煤系数{{energy.carriers[electricity].coefficient_kgce|0.0000}} kgce/kWh计算，等价值按{{energy.equal_value.year|#}}年供电煤耗{{energy.equal_value.supply_coal_rate_gce_per_kwh|0.0}} gce/kWh计算。常规能耗不含特殊用能（如大型医疗设备、信息机房、消毒供应用汽）和供暖能耗；非供暖能耗按GB/T 51161计算，非电能源按供电煤耗折算为电量。
en: Building energy indicators = the period's energy ÷ floor area, occupants, beds and the like. Equivalent values take electricity at {{energy.carriers[electricity].coefficient_kgce|0.0000}} kgce/kWh, equal values at the {{energy.equal_value.year|#}} supply coal rate of {{energy.equal_value.supply_coal_rate_gce_per_kwh|0.0}} gce/kWh. Regular use leaves out special use (large medical equipment, data rooms, steam for sterilisation and the like) and heating; the non-heating energy follows GB/T 51161, with the other carriers expressed as electricity at the supply coal rate.

{% if count(energy.building_indicators) > 0 %}

{% table energy.building_indicators | 建筑能耗指标 | Building energy indicators %}
| 指标 | Indicator | {{.name_zh}} | {{.name_en}} | left | 6
| 单位 | Unit | {{.unit_zh}} | {{.unit_en}} | center | 2
| 当量值 | Equivalent value | {{.equivalent|0.00}} | | number | 2.2
| 等价值 | Equal value | {{.equal_value|0.00}} | | number | 2.2
{% endtable %}
note: zh: 注：电耗和非供暖能耗以kWh计，只列一栏；“—”表示不适用。 | en: Note: electricity and non-heating energy are in kWh, one column only; "—" means not applicable.

{% else %}

zh: 审计数据文件未给出建筑面积、用能人数等，未计算建筑能耗指标。
en: The audit data give no floor area, occupants or the like: no building indicators are computed.

{% endif %}

## 能耗定额对标 | Comparison with the quotas

{% if count(benchmark.building) > 0 %}

{% table benchmark.building | 建筑能耗与定额对比 | Building energy against the quotas %}
| 定额 | Quota | {{.name_zh}} | {{.name_en}} | left | 2.8
| 依据 | Basis | {{.standard_zh}} | {{.standard}} | left | 2.3
| 实际值 | Actual | {{.value|0.00}} | | number | 1.7
| 修正后 | Corrected | {{.corrected|0.00}} | | number | 1.8
| 约束值 | Constraint | {{.constraint|0.00}} | | number | 1.9
| 基准值 | Baseline | {{.baseline|0.00}} | | number | 1.7
| 引导值 | Guide | {{.guide|0.00}} | | number | 1.6
| 结论 | Result | {{.grade_zh}} | {{.grade_en}} | center | 1.9
{% endtable %}
note: zh: 注：实际值与定额同单位（见下文）；未作修正的，修正后的值即实际值；“—”表示定额未规定该级或未能对标。 | en: Note: actual values are in the quota's unit (below); where no correction applies the corrected value is the actual one; "—" means the quota sets no such level or no comparison was made.

{% for benchmark.building %}

### {{.name_zh}} | {{.name_en}}

{% if exists(.grade) %}

{% if exists(.correction) %}

zh: 对比指标为{{.indicator_zh}}，实际值{{.value|0.00}} {{.unit_zh}}，经使用时间和人员密度修正后为{{.corrected|0.00}} {{.unit_zh}}，约束值{{.constraint|0.00}} {{.unit_zh}}，结论：{{.grade_zh}}。
en: The indicator compared is {{.indicator_en}}: {{.value|0.00}} {{.unit_en}}, {{.corrected|0.00}} {{.unit_en}} once corrected for hours of use and occupant density, against a constraint value of {{.constraint|0.00}} {{.unit_en}}: {{.grade_en}}.

zh: 修正按GB/T 51161：修正后的值 = 实际值 × 使用时间修正系数 × 人员密度修正系数 = {{.value|0.00}} × {{.correction.hours_factor|0.0000}} × {{.correction.density_factor|0.0000}} = {{.corrected|0.00}} {{.unit_zh}}。
en: The correction follows GB/T 51161: corrected value = actual × hours factor × density factor = {{.value|0.00}} × {{.correction.hours_factor|0.0000}} × {{.correction.density_factor|0.0000}} = {{.corrected|0.00}} {{.unit_en}}.

{% if .correction.hours > 0 %}

zh: 使用时间修正系数 = 0.3 + 0.7 × 标准年使用时间{{.correction.hours_standard|0}} h ÷ 年实际使用时间{{.correction.hours|0}} h = {{.correction.hours_factor|0.0000}}。
en: Hours factor = 0.3 + 0.7 × standard hours {{.correction.hours_standard|0}} h ÷ actual hours {{.correction.hours|0}} h = {{.correction.hours_factor|0.0000}}.

{% else %}

zh: 审计数据文件未给出年实际使用时间，使用时间修正系数取1。
en: The audit data give no hours of use a year: the hours factor is 1.

{% endif %}

{% if .correction.area_per_person > 0 %}

zh: 人员密度修正系数 = 0.7 + 0.3 × 人均建筑面积{{.correction.area_per_person|0.00}} m² ÷ 标准人均建筑面积{{.correction.area_per_person_standard|0}} m² = {{.correction.density_factor|0.0000}}。
en: Density factor = 0.7 + 0.3 × floor area per occupant {{.correction.area_per_person|0.00}} m² ÷ standard {{.correction.area_per_person_standard|0}} m² = {{.correction.density_factor|0.0000}}.

{% else %}

zh: 审计数据文件未给出用能人数，人员密度修正系数取1。
en: The audit data give no occupants: the density factor is 1.

{% endif %}

{% else %}

zh: 对比指标为{{.indicator_zh}}，实际值{{.value|0.00}} {{.unit_zh}}，约束值{{.constraint|0.00}} {{.unit_zh}}，结论：{{.grade_zh}}。
en: The indicator compared is {{.indicator_en}}: {{.value|0.00}} {{.unit_en}} against a constraint value of {{.constraint|0.00}} {{.unit_en}}: {{.grade_en}}.

{% endif %}

{% else %}

zh: {{.finding_zh}}
en: {{.finding_en}}

{% endif %}

note: zh: 定额出处：{{.citation_zh}} | en: Quota values: {{.citation}}

{% if .verified == false and .origin == "rules" and not exists(.checked) %}

note: zh: 注：该定额值尚待与标准原文核对（见附录B），对标结论仅供参考。 | en: Note: the quota values await checking against the standard's text (Appendix B); the comparison is indicative.

{% endif %}

{% endfor %}

{% else %}

zh: 规则和审计数据文件中没有适用于本建筑的能耗定额，本次审计未作定额对标；事务管理部门下达的能耗定额或本省公共机构能耗定额标准可按数据文件的能耗定额或规则文件补充。
en: Neither the rules nor the audit data hold a quota for this building: no comparison was made. A quota set by the administering authority, or the province's quota standard for public institutions, is added in the audit data or as a rules file.

{% endif %}

{% include lighting.tpl %}

## 审计发现 | Findings

{% if count(findings[? .rule == "building_exceeds_quota" or .rule == "building_within_constraint_only" or .rule == "building_within_guide" or .rule == "building_quota_not_compared" or .rule == "lighting_exceeds_current" or .rule == "lighting_above_target" or .rule == "lighting_above_target_no_current" or .rule == "lighting_within_target"]) > 0 %}

{% for findings[? .rule == "building_exceeds_quota" or .rule == "building_within_constraint_only" or .rule == "building_within_guide" or .rule == "building_quota_not_compared" or .rule == "lighting_exceeds_current" or .rule == "lighting_above_target" or .rule == "lighting_above_target_no_current" or .rule == "lighting_within_target"] %}

{% include finding-item.tpl %}

{% endfor %}

{% else %}

zh: 本章范围内未发现问题。
en: No findings in the scope of this chapter.

{% endif %}

{% else %}

# 产品能耗与对标 | Product energy and benchmarks

{% if count(energy.products) > 0 %}

zh: 按{{standards_applied[gbt2589].designation}}，产品综合能耗为生产该产品所消耗的各种能源折标准煤之和，包括分摊的辅助、附属生产系统能耗；单位产品综合能耗 = 产品综合能耗 / 产品产量。对有单位产品能源消耗限额标准的产品，将其指标值与标准的1级（先进值）、2级（准入值）和3级（限定值）比较。
en: Under {{standards_applied[gbt2589].designation}} a product's comprehensive energy consumption is the sum, in standard coal, of all energy used to make it, including its share of auxiliary and ancillary systems; unit consumption = product energy / output. Where a limit standard exists, the indicator is compared with its grade 1 (advanced), grade 2 (access) and grade 3 (limit) values.

## 产品综合能耗 | Product energy

{% table energy.products | 产品综合能耗与单位产品综合能耗 | Product energy and unit consumption %}
| 产品 | Product | {{.name_zh}} | {{.name_en}} | left | 3
| 产量 | Output | {{.quantity|0.00}} | | number | 2.5
| 单位 | Unit | {{.unit}} | | center | 1
| 综合能耗（tce） | Energy (tce) | {{.energy_tce|0.00}} | | number | 2.5
| 其中电力（万kWh） | of which electricity (10⁴ kWh) | {{.electricity_kwh|qty "kWh"}} | | number | 2.5
| 单位产品综合能耗（kgce/单位） | Unit consumption (kgce/unit) | {{.unit_consumption_kgce|0.000}} | | number | 2.6
{% endtable %}

{% if count(energy.products[? .recovered_tce > 0]) > 0 %}

### 余热回收的扣除 | Waste heat recovered

{% for energy.products[? .recovered_tce > 0] %}

zh: 按GB 16780，{{.name_zh}}的综合能耗扣除利用其生产余热的余热回收单元的产出（见“加工转换单元”一节）：扣除{{.recovered_tce|0.00}} tce，合{{.recovered_tce * 1000 / .quantity|0.00}} kgce/{{.unit}}。其综合电耗（未扣除余热发电）为{{.electricity_kwh / .quantity|0.00}} kWh/{{.unit}}，扣除余热发电后为{{.electricity_net_kwh / .quantity|0.00}} kWh/{{.unit}}。单位产品综合能耗 = 燃料{{.fuel_kgce / .quantity|0.00}} kgce/{{.unit}} + 扣除余热发电后的电耗{{.electricity_net_kwh / .quantity|0.00}} kWh/{{.unit}} × {{energy.carriers[electricity].coefficient_kgce|0.0000}} kgce/kWh = {{.unit_consumption_kgce|0.00}} kgce/{{.unit}}。
en: As GB 16780 prescribes, the energy of {{.name_en}} is net of what the waste-heat units recovering its heat make (see the section on conversion units): {{.recovered_tce|0.00}} tce, or {{.recovered_tce * 1000 / .quantity|0.00}} kgce/{{.unit}}. Its comprehensive electricity consumption, waste-heat power not deducted, is {{.electricity_kwh / .quantity|0.00}} kWh/{{.unit}}; net of waste-heat power it is {{.electricity_net_kwh / .quantity|0.00}} kWh/{{.unit}}. Unit consumption = fuel {{.fuel_kgce / .quantity|0.00}} kgce/{{.unit}} + net electricity {{.electricity_net_kwh / .quantity|0.00}} kWh/{{.unit}} × {{energy.carriers[electricity].coefficient_kgce|0.0000}} kgce/kWh = {{.unit_consumption_kgce|0.00}} kgce/{{.unit}}.

{% endfor %}

note: zh: 注：余热回收单元的产出按其参考折算系数计入厂内，并从产生余热的单元所服务产品的能耗中扣除，全厂综合能耗不变；限额标准的综合电耗指标按未扣除余热发电的耗电量评价。 | en: Note: what a waste-heat unit makes enters the site at its reference coefficient and is deducted from the energy of the products of the unit whose heat it uses, so the site's total is unchanged; the limit standard's electricity indicator is graded on the electricity consumed, waste-heat power not deducted.

{% endif %}

## 对标分析 | Benchmarks

{% if count(energy.products[? exists(.benchmark)]) > 0 %}

{% table energy.products | 单位产品能耗与限额标准对比 | Unit consumption against the limit standards %}
{% where exists(.benchmark) %}
| 产品 | Product | {{.name_zh}} | {{.name_en}} | left | 2.4
| 指标（单位） | Indicator (unit) | {{.benchmark.indicator_zh}}（{{.benchmark.unit}}） | {{.benchmark.indicator_en}} ({{.benchmark.unit_en}}) | left | 3.4
| 实际值 | Actual | {{.benchmark.value|0.00}} | | number | 1.9
| 1级 | Grade 1 | {{.benchmark.advanced_kgce|0.00}} | | number | 1.8
| 2级 | Grade 2 | {{.benchmark.access_kgce|0.00}} | | number | 1.8
| 3级（限定值） | Grade 3 (limit) | {{.benchmark.limit_kgce|0.00}} | | number | 1.9
| 达到等级 | Grade | {{.benchmark.status_zh}} | {{.benchmark.status_en}} | center | 1.7
| 节能潜力（tce） | Potential (tce) | {{.benchmark.savings_potential_tce|0.00}} | | number | 2.1
{% endtable %}
note: zh: 注：1级、2级、3级分别为先进值、准入值和限定值，单位见“指标”栏，各产品执行的标准见下文；节能潜力 =（实际值 − 1级值）× 产量（实际值不高于1级值时为零），即达到1级时的节能量；“未达限定值”表示未达到3级限定值，“不适用”表示未能对标（原因见附注），“未对标”表示审计期适用版本的限额值未收入规则（所列各级值仅供参考）。 | en: Note: grades 1, 2 and 3 are the advanced, access and limit values, in the unit given with the indicator, each product's standard below; potential = max(0, actual − grade 1) × output, the saving at grade 1; "Not reached" means the grade 3 limit is not met, "Not applicable" that no comparison could be made (the notes say why), "Not graded" that the limit values of the edition in force for the audit period are not in the rules (the grades shown are for reference only).

{% if count(energy.products[? .benchmark.potential_in_used_tce > 0]) > 0 %}

{% table energy.products | 节能潜力不重复计算 | Potentials not counted twice %}
{% where exists(.benchmark.potential_own_tce) %}
| 产品 | Product | {{.name_zh}} | {{.name_en}} | left | 3.4
| 节能潜力（tce） | Potential (tce) | {{.benchmark.savings_potential_tce|0.00}} | | number | 3.6
| 所用中间产品已计入（tce） | Counted in the products used (tce) | {{.benchmark.potential_in_used_tce|0.00}} | | number | 5.0
| 本工序节能潜力（tce） | Own-stage potential (tce) | {{.benchmark.potential_own_tce|0.00}} | | number | 5.0
{% endtable %}
note: zh: 注：产品综合能耗含所用中间产品的能耗（如水泥含其熟料），其节能潜力也含该中间产品的潜力；所用中间产品已计入的潜力 = Σ 所用量 × 该中间产品单位产量已计入的潜力，本工序节能潜力 = 节能潜力 − 所用中间产品已计入的潜力（不足零时为零）。不重复计算的合计为{{energy.products_potential_tce|0.00}} tce。 | en: Note: a product's energy includes that of the products it uses (cement its clinker), and so does its potential; the potential counted in the products used = Σ quantity used × the potential counted per unit of that product, and the own-stage potential = potential − that part (zero if negative). The total not counted twice is {{energy.products_potential_tce|0.00}} tce.

{% endif %}

{% chart benchmark | 单位产品能耗与限额标准各级值 | Unit consumption against the grades of the limit standards %}

{% for energy.products[? exists(.benchmark)] %}

### {{.name_zh}}：各项指标 | {{.name_en}}: all indicators

{% if exists(.benchmark.grade) %}

zh: {{.name_zh}}执行{{.benchmark.standard}}《{{.benchmark.title_zh}}》。该产品主要对标指标为{{.benchmark.indicator_zh}}，实际值{{.benchmark.value|0.00}} {{.benchmark.unit}}，达到{{.benchmark.grade|#}}级。
en: {{.name_en}} falls under {{.benchmark.standard}} {{.benchmark.title_en}}. Its main indicator, {{.benchmark.indicator_en}}, is {{.benchmark.value|0.00}} {{.benchmark.unit_en}}: grade {{.benchmark.grade|#}}.

{% else %}

{% if .benchmark.status == "not_graded" %}

zh: {{.name_zh}}执行{{.benchmark.standard}}《{{.benchmark.title_zh}}》。审计期适用的{{.benchmark.edition_in_force}}的限额值未收入规则，该产品未对标；下表所列{{.benchmark.standard}}各级值仅供参考。
en: {{.name_en}} falls under {{.benchmark.standard}} {{.benchmark.title_en}}. The limit values of {{.benchmark.edition_in_force}}, which applies to the audit period, are not in the rules: the product is not graded; the grades of {{.benchmark.standard}} below are for reference only.

{% else %}

{% if .benchmark.status == "not_applicable" %}

zh: {{.name_zh}}执行{{.benchmark.standard}}《{{.benchmark.title_zh}}》。该产品主要对标指标为{{.benchmark.indicator_zh}}，未能对标（不适用，原因见附注）。
en: {{.name_en}} falls under {{.benchmark.standard}} {{.benchmark.title_en}}. Its main indicator, {{.benchmark.indicator_en}}, could not be compared (not applicable; the notes say why).

{% else %}

zh: {{.name_zh}}执行{{.benchmark.standard}}《{{.benchmark.title_zh}}》。该产品主要对标指标为{{.benchmark.indicator_zh}}，实际值{{.benchmark.value|0.00}} {{.benchmark.unit}}，未达到限定值（{{.benchmark.limit_kgce|0.00}} {{.benchmark.unit}}）。
en: {{.name_en}} falls under {{.benchmark.standard}} {{.benchmark.title_en}}. Its main indicator, {{.benchmark.indicator_en}}, is {{.benchmark.value|0.00}} {{.benchmark.unit_en}}: it does not meet the limit ({{.benchmark.limit_kgce|0.00}} {{.benchmark.unit_en}}).

{% endif %}

{% endif %}

{% endif %}

{% table .benchmark.indicators | 分项指标对标 | Each indicator against the standard %}
| 指标（单位） | Indicator (unit) | {{.name_zh}}（{{.unit}}） | {{.name_en}} ({{.unit_en}}) | left | 3.8
| 实际值 | Actual | {{.value|0.00}} | | number | 1.9
| 1级 | Grade 1 | {{.grades[0]|0.00}} | | number | 1.8
| 2级 | Grade 2 | {{.grades[1]|0.00}} | | number | 1.8
| 3级（限定值） | Grade 3 (limit) | {{.grades[2]|0.00}} | | number | 1.9
| 达到等级 | Grade | {{.status_zh}} | {{.status_en}} | center | 1.7
| 节能潜力（tce） | Potential (tce) | {{.savings_potential_tce|0.00}} | | number | 2.1
{% endtable %}
note: zh: 限额值出处：{{.benchmark.citation_zh}} | en: Limit values: {{.benchmark.citation}}

{% if .benchmark.verified == false and not exists(.benchmark.checked) %}

note: zh: 注：该标准的限额值尚待与标准原文核对（见附录B），对标结论仅供参考。 | en: Note: the limit values await checking against the standard's text (Appendix B); the comparison is indicative.

{% endif %}

{% if exists(.benchmark.checked) %}

note: zh: 限额值经核对：{{.benchmark.checked.by}} / {{.benchmark.checked.against}} / {{.benchmark.checked.on}} | en: The limit values were checked by {{.benchmark.checked.by}} against {{.benchmark.checked.against}} on {{.benchmark.checked.on}}.

{% endif %}

{% for .benchmark.indicators[? exists(.corrections_not_applied)] %}

note: zh: 注：{{.name_zh}}未作修正。标准规定的修正（原文说明）：{{.corrections_not_applied_zh}} | en: Note: {{.name_en}} is uncorrected. Corrections the standard provides: {{.corrections_not_applied}}

{% endfor %}

{% endfor %}

{% else %}

zh: {{facility.organisation.zh}}产品均无适用的单位产品能源消耗限额标准，本次审计未作对标。
en: No energy-consumption limit standard applies to the {{facility.organisation.en}}'s products; no benchmark comparison was made.

{% endif %}

{% if count(energy.products[? not exists(.benchmark)]) > 0 %}

zh: 以下产品无适用的能耗限额标准，只核算其单位产品综合能耗：
en: The following products have no applicable limit standard; only their unit consumption is reported:

{% for energy.products[? not exists(.benchmark)] %}

- zh: {{.name_zh}}：{{.unit_consumption_kgce|0.000}} kgce/{{.unit}}
  en: {{.name_en}}: {{.unit_consumption_kgce|0.000}} kgce/{{.unit}}

{% endfor %}

{% endif %}

{% if count(energy.stages.indicators) > 0 %}

## 工段指标 | Stage indicators

zh: 按{{energy.stages.name_zh}}行业的工段划分，各工段指标 = 进入该工段用能单元的能源量（或为其供能、回收其余热的转换单元的产出）/ 该工段所服务产品的产量（厂用电率等指标除以转换单元的毛产出）。限额标准规定了同名指标的，按标准分级，其1级（先进值）即行业先进水平；其余指标只有在规则给出有来源的先进水平时才作比较。
en: By the sections of the {{energy.stages.name_en}} industry, each stage indicator = the energy entering the section's units (or the output of the conversion units that feed it or recover its waste heat) / the output of the product the section serves (or, for a rate such as station service, the conversion units' gross output). Where a limit standard defines the same indicator it is graded by that standard, whose grade 1 (advanced value) is the industry's advanced level; other indicators are compared only where the rules give an advanced level with its source.

{% table energy.stages.indicators | 工段指标及与先进水平比较 | Stage indicators against the advanced level %}
| 指标 | Indicator | {{.name_zh}} | {{.name_en}} | left | 3.2
| 工段单元 | Units | {{.units_zh}} | {{.units_en}} | left | 3.4
| 产品 | Product | {{.product_zh}} | {{.product_en}} | left | 1.8
| 实际值 | Actual | {{.value|0.00}} | | number | 1.8
| 单位 | Unit | {{.unit}} | | center | 1.4
| 先进水平 | Advanced | {{.advanced.value|0.00}} | | number | 1.8
| 差距 | Gap | {{.advanced.gap|0.00}} | | number | 1.5
| 等级 | Grade | {{.compare.status_zh}} | {{.compare.status_en}} | center | 1.6
{% endtable %}
note: zh: 注：差距 = 实际值 − 先进水平（实际值不高于先进水平时为零），每单位产品；先进水平为限额标准1级值的，等级栏按该标准分级（“未对标”表示审计期适用版本的限额值未收入规则）；先进水平栏空白的指标，规则中没有可核实来源的先进值，未作比较。各指标的定义和来源见下文及附录A。 | en: Note: gap = max(0, actual − advanced level) per unit of product; where the advanced level is grade 1 of a limit standard the grade column grades by that standard ("Not graded": the limit values of the edition in force for the audit period are not in the rules); where the advanced-level column is blank, the rules hold no advanced value with a source that could be checked, and no comparison is made. Each indicator's definition and source are below and in Appendix A.

zh: 各指标的定义和来源：
en: The definition and source of each indicator:

{% for energy.stages.indicators %}

- zh: {{.name_zh}}：{{.definition_zh}}。依据：{{.basis_zh}}。
  en: {{.name_en}}: {{.definition_en}}. Basis: {{.basis_en}}.

{% endfor %}

{% if count(energy.stages.indicators[? exists(.why_zh)]) > 0 %}

zh: 以下指标未能计算：
en: The following indicators could not be computed:

{% for energy.stages.indicators[? exists(.why_zh)] %}

- zh: {{.name_zh}}：{{.why_zh}}。
  en: {{.name_en}}: {{.why_en}}.

{% endfor %}

{% endif %}

{% if count(energy.stages.indicators[? .advanced.gap_total > 0]) > 0 %}

zh: 达到先进水平的节约量（按审计期产量）：
en: What reaching the advanced level would save (at the audit period's output):

{% for energy.stages.indicators[? .advanced.gap_total > 0] %}

- zh: {{.name_zh}}：{{.advanced.gap_total|0}} {{.advanced.gap_total_unit}}（先进水平{{.advanced.value|0.00}} {{.unit}}，{{.advanced.source_zh}}）。
  en: {{.name_en}}: {{.advanced.gap_total|0}} {{.advanced.gap_total_unit}} (advanced level {{.advanced.value|0.00}} {{.unit}}, {{.advanced.source}}).

{% endfor %}

{% endif %}

{% endif %}

{% include lighting.tpl %}

## 审计发现 | Findings

{% if count(findings[? .rule == "product_exceeds_limit" or .rule == "product_grade_3_only" or .rule == "product_grade_1" or .rule == "secondary_indicator_exceeds_limit" or .rule == "benchmark_not_comparable" or .rule == "product_without_benchmark" or .rule == "lighting_exceeds_current" or .rule == "lighting_above_target" or .rule == "lighting_above_target_no_current" or .rule == "lighting_within_target"]) > 0 %}

{% for findings[? .rule == "product_exceeds_limit" or .rule == "product_grade_3_only" or .rule == "product_grade_1" or .rule == "secondary_indicator_exceeds_limit" or .rule == "benchmark_not_comparable" or .rule == "product_without_benchmark" or .rule == "lighting_exceeds_current" or .rule == "lighting_above_target" or .rule == "lighting_above_target_no_current" or .rule == "lighting_within_target"] %}

{% include finding-item.tpl %}

{% endfor %}

{% else %}

zh: 本章范围内未发现问题。
en: No findings in the scope of this chapter.

{% endif %}

{% else %}

zh: 审计数据未列出产品，本章从略。
en: The audit data list no products; this chapter is omitted.

{% endif %}

{% endif %}
