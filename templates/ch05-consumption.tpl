#! ch05-consumption.tpl — 能源消费 / Energy consumption.

# 能源消费 | Energy consumption

## 能源消费构成 | Consumption by carrier

zh: 审计期内{{facility.organisation.zh}}综合能耗（当量值）为{{energy.total_tce|0.00}} tce，综合能耗（等价值）为{{energy.total_equal_value_tce|0.00}} tce。各能源品种的消费量按{{standards_applied[gbt2589].designation}}折算为标准煤，结果见下表。
en: In the audit period the {{facility.organisation.en}}'s comprehensive energy consumption was {{energy.total_tce|0.00}} tce at equivalent value and {{energy.total_equal_value_tce|0.00}} tce at equal value. Each carrier's consumption was converted to standard coal under {{standards_applied[gbt2589].designation}}, as tabulated below.

{% table energy.carriers | 能源消费构成 | Energy consumption by carrier %}
| 能源品种 | Carrier | {{.name_zh}} | {{.name_en}} | left | 3
| 单位 | Unit | {{.consumed|qunit .unit}} | {{.consumed|qunit_en .unit}} | center | 1.2
| 消费量 | Consumed | {{.consumed|qty .unit}} | | number | 2.3
| 折标系数 | Coefficient | {{.coefficient_kgce|coef .unit}} | | number | 2.4
| 折标准煤（tce） | Standard coal (tce) | {{.tce|0.00}} | | number | 2.5
| 占比 | Share | {{.share|%}} | | number | 1.5
{% total %}
| 合计 | Total
| |
| |
| |
| {{energy.total_tce|0.00}} |
| {{sum(energy.carriers[? .counted == true].share)|%}} |
{% endtable %}
note: zh: 注：消费量 = 购入量 − 外供量 + 库存减少量；折标系数及其出处见附录B；数值修约仅用于显示，合计按未修约值计算。负值表示向外供出的能源（{{standards_applied[gbt2589].designation}}）。电力以万kWh、气体以万m³计，折标系数按{{standards_applied[gbt2589].designation}}表列单位（kgce/kg、kgce/m³、kgce/kWh）列出；全精度数值见附录A、附录C。 | en: Note: consumed = purchased − supplied to others + stock decrease; coefficients and the documents they come from in Appendix B; figures rounded for display only, totals from unrounded values. Negative values are energy supplied to others ({{standards_applied[gbt2589].designation}}). Electricity is shown in 10⁴ kWh, gases in 10⁴ m³, coefficients in the units of the {{standards_applied[gbt2589].designation}} table (kgce/kg, kgce/m³, kgce/kWh); full precision in Appendices A and C.

{% for energy.carriers[? .coefficient_verified == false and .coefficient_basis == "reference" and not exists(.coefficient_checked)] %}

note: zh: {{.name_zh}}的折标系数（{{.coefficient_citation_zh}}）尚待与标准原文核对（见附录B）。 | en: The coefficient of {{.name_en}} ({{.coefficient_citation}}) awaits checking against the standard's text (Appendix B).

{% endfor %}

{% chart structure | 能源消费结构（当量值） | Energy structure (equivalent value) %}

## 当量值与等价值 | Equivalent and equal value

{% if energy.equal_value.method == "own_conversion" %}

zh: 当量值按电力的热当量0.1229 kgce/kWh计算，为{{energy.total_tce|0.00}} tce。{{facility.organisation.zh}}自产电力并有外供，发电属于加工转换：等价值中外供电力是{{facility.organisation.zh}}自产的，按其自身加工转换的实际折算系数{{energy.equal_value.own_coefficient_kgce_per_kwh|0.0000}} kgce/kWh扣减，购入电力按{{energy.equal_value.year|#}}年供电煤耗{{energy.equal_value.supply_coal_rate_gce_per_kwh|0.0}} gce/kWh折算，等价值为{{energy.total_equal_value_tce|0.00}} tce。
en: At equivalent value, electricity counted at its heat equivalent of 0.1229 kgce/kWh, the total is {{energy.total_tce|0.00}} tce. The {{facility.organisation.en}} makes electricity and sells some; generation is a conversion, so at equal value the electricity sold, which it made, is deducted at the actual coefficient of its own conversion, {{energy.equal_value.own_coefficient_kgce_per_kwh|0.0000}} kgce/kWh, and electricity bought is counted at the {{energy.equal_value.year|#}} supply coal rate of {{energy.equal_value.supply_coal_rate_gce_per_kwh|0.0}} gce/kWh: the equal-value total is {{energy.total_equal_value_tce|0.00}} tce.

{% else %}

{% if energy.equal_value.method == "not_applicable" %}

zh: 当量值按电力的热当量0.1229 kgce/kWh计算，为{{energy.total_tce|0.00}} tce。按等价值计算的综合能耗为负值，等价值指标对本{{facility.organisation.zh}}不适用，不予列示。
en: At equivalent value, electricity counted at its heat equivalent of 0.1229 kgce/kWh, the total is {{energy.total_tce|0.00}} tce. The equal-value total would be negative: the indicator does not apply to this {{facility.organisation.en}} and is not given.

{% else %}

zh: 当量值按电力的热当量0.1229 kgce/kWh计算，为{{energy.total_tce|0.00}} tce；等价值按{{energy.equal_value.year|#}}年供电煤耗{{energy.equal_value.supply_coal_rate_gce_per_kwh|0.0}} gce/kWh折算电力，为{{energy.total_equal_value_tce|0.00}} tce。
en: At equivalent value, electricity counted at its heat equivalent of 0.1229 kgce/kWh, the total is {{energy.total_tce|0.00}} tce; at equal value, electricity counted at the {{energy.equal_value.year|#}} supply coal rate of {{energy.equal_value.supply_coal_rate_gce_per_kwh|0.0}} gce/kWh, it is {{energy.total_equal_value_tce|0.00}} tce.

{% endif %}

{% endif %}

{% if energy.equal_value.verified == false %}

note: zh: 注：所用供电煤耗（{{energy.equal_value.citation_zh}}）尚待与发布原文核对（见附录B），等价值仅供参考。 | en: Note: the supply coal rate used ({{energy.equal_value.citation}}) awaits checking against the published text (Appendix B); the equal value is indicative.

{% endif %}

## 逐月能源消费 | Monthly consumption

{% if count(energy.monthly.carriers) > 0 %}

{% table energy.monthly.carriers | 逐月购入能源折标准煤（第1—6月，tce） | Monthly purchases in standard coal, months 1–6 (tce) %}
| 能源品种 | Carrier | {{.name_zh}} | {{.name_en}} | left | 2
| 第1月 | M1 | {{.tce[0]|0.00}} | | number | 1.6
| 第2月 | M2 | {{.tce[1]|0.00}} | | number | 1.6
| 第3月 | M3 | {{.tce[2]|0.00}} | | number | 1.6
| 第4月 | M4 | {{.tce[3]|0.00}} | | number | 1.6
| 第5月 | M5 | {{.tce[4]|0.00}} | | number | 1.6
| 第6月 | M6 | {{.tce[5]|0.00}} | | number | 1.6
{% total %}
| 合计 | Total
| {{energy.monthly.total_purchased_tce[0]|0.00}} |
| {{energy.monthly.total_purchased_tce[1]|0.00}} |
| {{energy.monthly.total_purchased_tce[2]|0.00}} |
| {{energy.monthly.total_purchased_tce[3]|0.00}} |
| {{energy.monthly.total_purchased_tce[4]|0.00}} |
| {{energy.monthly.total_purchased_tce[5]|0.00}} |
{% endtable %}

{% table energy.monthly.carriers | 逐月购入能源折标准煤（第7—12月，tce） | Monthly purchases in standard coal, months 7–12 (tce) %}
| 能源品种 | Carrier | {{.name_zh}} | {{.name_en}} | left | 2
| 第7月 | M7 | {{.tce[6]|0.00}} | | number | 1.6
| 第8月 | M8 | {{.tce[7]|0.00}} | | number | 1.6
| 第9月 | M9 | {{.tce[8]|0.00}} | | number | 1.6
| 第10月 | M10 | {{.tce[9]|0.00}} | | number | 1.6
| 第11月 | M11 | {{.tce[10]|0.00}} | | number | 1.6
| 第12月 | M12 | {{.tce[11]|0.00}} | | number | 1.6
{% total %}
| 合计 | Total
| {{energy.monthly.total_purchased_tce[6]|0.00}} |
| {{energy.monthly.total_purchased_tce[7]|0.00}} |
| {{energy.monthly.total_purchased_tce[8]|0.00}} |
| {{energy.monthly.total_purchased_tce[9]|0.00}} |
| {{energy.monthly.total_purchased_tce[10]|0.00}} |
| {{energy.monthly.total_purchased_tce[11]|0.00}} |
{% endtable %}
note: zh: 注：第1月为{{energy.monthly.months[0]}}，依次类推；表中为购入量（不含库存变化），只含逐月计量的能源品种；“—”表示审计期不足该月。 | en: Note: M1 is {{energy.monthly.months[0]}}, and so on; purchases (without stock change), carriers metered monthly only; "—": the period has no such month.

{% else %}

zh: {{facility.organisation.zh}}未提供逐月计量数据。
en: The {{facility.organisation.en}} gave no monthly metered data.

{% endif %}

{% if count(energy.monthly.carriers) > 0 %}
{% chart monthly | 逐月能源消费（外购量折标准煤） | Monthly energy purchases (tce) %}
{% endif %}

{% if facility.is_building == false %}

## 逐月产量与单位产品能耗 | Monthly output and unit consumption

{% if count(energy.monthly.products) > 0 %}

{% table energy.monthly.products | 逐月产量（第1—6月） | Monthly output, months 1–6 %}
| 产品 | Product | {{.name_zh}}（{{.unit}}） | {{.name_en}} ({{.unit}}) | left | 2
| 第1月 | M1 | {{.quantity[0]|0}} | | number | 1.6
| 第2月 | M2 | {{.quantity[1]|0}} | | number | 1.6
| 第3月 | M3 | {{.quantity[2]|0}} | | number | 1.6
| 第4月 | M4 | {{.quantity[3]|0}} | | number | 1.6
| 第5月 | M5 | {{.quantity[4]|0}} | | number | 1.6
| 第6月 | M6 | {{.quantity[5]|0}} | | number | 1.6
{% endtable %}

{% table energy.monthly.products | 逐月产量（第7—12月） | Monthly output, months 7–12 %}
| 产品 | Product | {{.name_zh}}（{{.unit}}） | {{.name_en}} ({{.unit}}) | left | 2
| 第7月 | M7 | {{.quantity[6]|0}} | | number | 1.6
| 第8月 | M8 | {{.quantity[7]|0}} | | number | 1.6
| 第9月 | M9 | {{.quantity[8]|0}} | | number | 1.6
| 第10月 | M10 | {{.quantity[9]|0}} | | number | 1.6
| 第11月 | M11 | {{.quantity[10]|0}} | | number | 1.6
| 第12月 | M12 | {{.quantity[11]|0}} | | number | 1.6
{% endtable %}
note: zh: 注：第1月为{{energy.monthly.months[0]}}，依次类推；产量为{{facility.organisation.zh}}统计的逐月产量，合计等于全年产量。 | en: Note: M1 is {{energy.monthly.months[0]}}, and so on; output as the {{facility.organisation.en}}'s monthly statistics give it, adding up to the annual output.

{% if count(energy.monthly.products[? .attributable]) > 0 %}

{% table energy.monthly.products[? .attributable] | 逐月单位产品综合能耗（kgce/单位产品）（第1—6月） | Monthly unit consumption (kgce per unit of output), months 1–6 %}
| 产品 | Product | {{.name_zh}}（{{.unit}}） | {{.name_en}} ({{.unit}}) | left | 2
| 第1月 | M1 | {{.unit_consumption_kgce[0]|0.00}} | | number | 1.6
| 第2月 | M2 | {{.unit_consumption_kgce[1]|0.00}} | | number | 1.6
| 第3月 | M3 | {{.unit_consumption_kgce[2]|0.00}} | | number | 1.6
| 第4月 | M4 | {{.unit_consumption_kgce[3]|0.00}} | | number | 1.6
| 第5月 | M5 | {{.unit_consumption_kgce[4]|0.00}} | | number | 1.6
| 第6月 | M6 | {{.unit_consumption_kgce[5]|0.00}} | | number | 1.6
{% endtable %}

{% table energy.monthly.products[? .attributable] | 逐月单位产品综合能耗（kgce/单位产品）（第7—12月） | Monthly unit consumption (kgce per unit of output), months 7–12 %}
| 产品 | Product | {{.name_zh}}（{{.unit}}） | {{.name_en}} ({{.unit}}) | left | 2
| 第7月 | M7 | {{.unit_consumption_kgce[6]|0.00}} | | number | 1.6
| 第8月 | M8 | {{.unit_consumption_kgce[7]|0.00}} | | number | 1.6
| 第9月 | M9 | {{.unit_consumption_kgce[8]|0.00}} | | number | 1.6
| 第10月 | M10 | {{.unit_consumption_kgce[9]|0.00}} | | number | 1.6
| 第11月 | M11 | {{.unit_consumption_kgce[10]|0.00}} | | number | 1.6
| 第12月 | M12 | {{.unit_consumption_kgce[11]|0.00}} | | number | 1.6
{% endtable %}
note: zh: 注：逐月能耗按进入产品用能单元的逐月计量数据折算，与全年单位产品综合能耗口径相同；偏离全年值15%以上的月份见本章的审计发现。 | en: Note: the monthly energy is that of the monthly meters into the product's units, on the basis of the annual unit consumption; months more than 15 % from the annual value are among the findings of this chapter.

{% endif %}

{% for energy.monthly.products[? not .attributable] %}
zh: {{.name_zh}}：逐月能耗无法归集（{{.why_zh}}），只列逐月产量。
en: {{.name_en}}: its energy cannot be attributed by month ({{.why_en}}); only the monthly output is shown.
{% endfor %}

{% else %}

zh: {{facility.organisation.zh}}未提供逐月产量数据。
en: The {{facility.organisation.en}} gave no monthly output.

{% endif %}

{% endif %}

## 加工转换单元 | Conversion units

{% if count(energy.conversion) > 0 %}

zh: {{facility.organisation.zh}}有{{count(energy.conversion)|#}}个能源加工转换单元，其输入、输出和转换效率见下表。输入、输出按厂内折算系数折标准煤；转换效率 = 输出能源的能量 ÷ 输入能源的能量（{{standards_applied[gbt2589].designation}}）。余热回收单元利用的是已计入产生余热单元所耗燃料的热量，不另计能耗，其产出从该单元所生产产品的能耗中扣除。
en: The {{facility.organisation.en}} has {{count(energy.conversion)|plural energy conversion unit}}; their inputs, outputs and efficiencies are tabulated below. Inputs and outputs are in standard coal at the coefficients used inside the site; efficiency = energy content of the outputs ÷ energy content of the inputs ({{standards_applied[gbt2589].designation}}). A waste-heat unit uses heat already counted in the fuel of the unit that gives it off: it adds no energy consumption, and what it makes is deducted from the energy of that unit's products.

{% table energy.conversion | 能源加工转换单元 | Energy conversion units %}
| 单元 | Unit | {{.name_zh}} | {{.name_en}} | left | 3.6
| 类型 | Kind | {{.kind_zh}} | {{.kind_en}} | left | 2.2
| 输入（tce） | Input (tce) | {{.input_tce|0.00}} | | number | 2.1
| 输出能量（tce） | Output energy (tce) | {{.output_content_tce|0.00}} | | number | 2.1
| 转换效率 | Efficiency | {{.efficiency|%0.00}} | | number | 1.8
{% endtable %}
note: zh: 注：输入按厂内折算系数折标准煤；输出能量按各能源的能量（电力0.1229 kgce/kWh、热力0.03412 kgce/MJ、燃料按其发热量）折算，蒸汽只有实测焓值时才能计算其能量，否则输出能量和效率不计算（“—”）；余热回收单元的输入为回收的余热，未计量，不计算转换效率。 | en: Note: inputs in standard coal at the coefficients used inside the site; output energy at each carrier's energy content (electricity 0.1229 kgce/kWh, heat 0.03412 kgce/MJ, fuels by their calorific value); the energy of steam is known only from its measured enthalpy, otherwise output energy and efficiency are not given ("—"); a waste-heat unit's input is recovered heat, which is not metered: no efficiency.

{% for energy.conversion[? exists(.gross_output) or exists(.hours_at_capacity) or exists(.products)] %}

### {{.name_zh}} | {{.name_en}}

{% if exists(.gross_output) %}

zh: {{.name_zh}}审计期毛产出量（机端）{{.gross_output|qty .output_unit}} {{.gross_output|qunit .output_unit}}，出口计量的净产出量{{.gross_output - .own_use|qty .output_unit}} {{.gross_output|qunit .output_unit}}，自用量{{.own_use|qty .output_unit}} {{.own_use|qunit .output_unit}}，自用率{{.own_use_ratio|%0.00}}。
en: In the audit period {{.name_en}} made {{.gross_output|qty .output_unit}} {{.gross_output|qunit_en .output_unit}} gross (at the terminals), of which {{.gross_output - .own_use|qty .output_unit}} {{.gross_output|qunit_en .output_unit}} net (metered at its outlet) and {{.own_use|qty .output_unit}} {{.own_use|qunit_en .output_unit}} for its own use: an own-use rate of {{.own_use_ratio|%0.00}}.

{% endif %}

{% if exists(.hours_at_capacity) %}

zh: 装机容量{{.capacity_kw / 1000|0.0}} MW，折合满负荷运行{{.hours_at_capacity|0}} h。
en: At an installed capacity of {{.capacity_kw / 1000|0.0}} MW this is {{.hours_at_capacity|0}} hours at full load.

{% endif %}

{% if exists(.heat_from) %}

zh: 该单元回收{{.heat_from_zh}}的余热，不消耗外购能源；按GB 16780，其净产出{{.recovered_tce|0.00}} tce从所服务产品的综合能耗中扣除（见“产品能耗与对标”一章）。
en: It recovers the waste heat of {{.heat_from_en}} and takes no purchased energy; as GB 16780 prescribes, its net output of {{.recovered_tce|0.00}} tce is deducted from the energy of the products it serves (see the chapter on product energy).

{% endif %}

{% if exists(.products) %}

{% table .products | {{.name_zh}}单位产品产出 | {{.name_en}}: output per unit of product %}
| 产品 | Product | {{.name_zh}} | {{.name_en}} | left | 3.2
| 单位 | Unit | {{.output_unit}}/{{.unit}} | | center | 2
| 分摊比例 | Share | {{.share|%0}} | | number | 1.6
| 毛产出 | Gross | {{.gross_per_unit|0.00}} | | number | 2
| 净产出 | Net | {{.net_per_unit|0.00}} | | number | 2
{% endtable %}

{% endif %}

{% endfor %}

{% if count(energy.conversion[? exists(.products)]) > 0 %}

note: zh: 注：单位产品产出 = 产出量 × 分摊比例 ÷ 产品产量；余热回收单元按产生余热的单元所服务的产品计（如吨熟料余热发电量），整流所按其所服务的产品计（如吨铝直流电耗）；毛产出“—”表示未给出毛产出量。 | en: Note: output per unit of product = output × share ÷ product output; a waste-heat unit is counted against the products of the unit whose heat it uses (waste-heat power per t of clinker), a rectifier station against the products it serves (DC power per t of aluminium); a gross output of "—": none given.

{% endif %}

{% else %}

zh: {{facility.organisation.zh}}边界内没有能源加工转换单元，外购能源直接输配至最终使用单元。
en: There is no energy conversion unit inside the boundary: purchased energy goes through distribution straight to the end-use units.

{% endif %}

## 能量平衡与损失 | Energy balance and losses

{% if count(energy.balance) > 0 %}

zh: 对设有次级计量的能源品种，按“输入 = 最终使用 + 损失”进行平衡分析，结果见下表。损失包括输配损失和未计量的使用。
en: For carriers with secondary meters the balance input = end use + loss was analysed, as tabulated below. Losses include transmission and distribution losses and unmetered use.

{% table energy.balance | 分能源品种能量平衡 | Energy balance by carrier %}
| 能源品种 | Carrier | {{.name_zh}} | {{.name_en}} | left | 2.5
| 单位 | Unit | {{.input|qunit .unit}} | {{.input|qunit_en .unit}} | center | 1.5
| 输入量 | Input | {{.input|qty .unit}} | | number | 2.3
| 最终使用量 | End use | {{.end_use|qty .unit}} | | number | 2.3
| 损失量 | Loss | {{.loss|qty .unit}} | | number | 2
| 损失率 | Loss ratio | {{.loss_ratio|%0.00}} | | number | 1.5
| 损失折标准煤（tce） | Loss (tce) | {{.loss_tce|0.00}} | | number | 2
| 性质 | Nature | {{.loss_kind_zh}} | {{.loss_kind_en}} | left | 2.9
{% endtable %}
note: zh: 注：输入量 = 购入量 + 库存减少量 + 自产量；最终使用量 = 进入加工转换和最终使用单元的量 + 外供量。耗能工质（如新水）的差额是未计量的使用，不是损失；差额不超过计量器具准确度等级（输入侧与使用侧最低等级的方和根）的属计量不确定度；两者都不计入节能潜力。 | en: Note: input = purchased + stock decrease + produced on site; end use = flows into conversion and end-use units + supplied to others. The difference of a working medium (fresh water) is unmetered use, not a loss; a difference within the meters' accuracy (the coarsest class on the input and the end-use side, root sum of squares) is metering uncertainty; neither is a saving potential.

{% else %}

zh: {{facility.organisation.zh}}各能源品种均未设次级计量，无法进行分品种能量平衡分析。
en: No carrier has secondary meters: a balance per carrier cannot be drawn.

{% endif %}

## {{facility.organisation.zh}}能量平衡表 | Energy balance table

zh: 按GB/T 28751的格式，将各能源品种按购入贮存、加工转换、输送分配和最终使用四个环节列成能量平衡表，每个品种分实物量和折标准煤两行；最终使用按主要生产、辅助生产和附属生产系统划分。每一行都满足：供入量 = 加工转换投入 + 加工转换产出（负值） + 输送分配损失 + 最终使用量；折标准煤的供入量合计{{energy.balance_matrix.total.supply|0.00}} tce，即综合能耗（当量值）。
en: In the format of GB/T 28751, each carrier is followed through the four stages purchase and storage, conversion, distribution and end use, in a physical row and a row in standard coal; end use is divided into the production, auxiliary and ancillary systems. Every row closes: supply = conversion input + conversion output (negative) + distribution loss + end use; the supply in standard coal totals {{energy.balance_matrix.total.supply|0.00}} tce, the comprehensive energy consumption at equivalent value.

{% table energy.balance_matrix.rows | {{facility.organisation.zh}}能量平衡表（一）：购入贮存与加工转换 | Energy balance table (1): purchase, storage and conversion %}
| 能源品种（单位） | Carrier (unit) | {{.name_zh}}（{{.supply|qunit .unit}}） | {{.name_en}} ({{.supply|qunit_en .unit}}) | left | 2.6
| 购入量 | Purchased | {{.purchased|qty0 .unit}} | | number | 1.6
| 库存减少量 | Stock drawn | {{.stock_change|qty0 .unit}} | | number | 1.5
| 外供量 | Supplied out | {{.exported|qty0 .unit}} | | number | 1.6
| 供入量 | Supply | {{.supply|qty0 .unit}} | | number | 1.6
| 加工转换投入 | Conversion input | {{.conversion_input|qty0 .unit}} | | number | 1.6
| 加工转换产出 | Conversion output | {{.conversion_output|qty0 .unit}} | | number | 1.6
{% total %}
| 合计（tce） | Total (tce)
| {{energy.balance_matrix.total.purchased|0}} |
| {{energy.balance_matrix.total.stock_change|0}} |
| {{energy.balance_matrix.total.exported|0}} |
| {{energy.balance_matrix.total.supply|0}} |
| {{energy.balance_matrix.total.conversion_input|0}} |
| {{energy.balance_matrix.total.conversion_output|0}} |
{% endtable %}

{% table energy.balance_matrix.rows | {{facility.organisation.zh}}能量平衡表（二）：输送分配与最终使用 | Energy balance table (2): distribution and end use %}
| 能源品种（单位） | Carrier (unit) | {{.name_zh}}（{{.supply|qunit .unit}}） | {{.name_en}} ({{.supply|qunit_en .unit}}) | left | 2.6
| 输送分配损失 | Distribution loss | {{.distribution_loss|qty0 .unit}} | | number | 1.6
| 主要生产系统 | Production | {{.production|qty0 .unit}} | | number | 1.6
| 辅助生产系统 | Auxiliary | {{.auxiliary|qty0 .unit}} | | number | 1.5
| 附属生产系统 | Ancillary | {{.ancillary|qty0 .unit}} | | number | 1.5
| 未分系统计量 | Not by system | {{.unmetered_use|qty0 .unit}} | | number | 1.5
| 最终使用合计 | End use | {{.end_use|qty0 .unit}} | | number | 1.6
{% total %}
| 合计（tce） | Total (tce)
| {{energy.balance_matrix.total.distribution_loss|0}} |
| {{energy.balance_matrix.total.production|0}} |
| {{energy.balance_matrix.total.auxiliary|0}} |
| {{energy.balance_matrix.total.ancillary|0}} |
| {{energy.balance_matrix.total.unmetered_use|0}} |
| {{energy.balance_matrix.total.end_use|0}} |
{% endtable %}
note: zh: 注：供入量 = 购入量 + 库存减少量 + 外供量（负值）；加工转换产出以负值列出，是该能源的供入；输送分配损失含未计量的差额，其性质（损失或计量不确定度）见上节的分能源品种能量平衡表；耗能工质和未设次级计量的能源品种，其差额列为未分系统计量的使用。折标准煤行按各品种的折标系数计算，合计行为折标准煤之和。电力以万kWh、气体以万m³计，数值修约至整数，合计按未修约值计算。 | en: Note: supply = purchased + stock drawn + supplied out (negative); conversion output is shown negative, as supply of the carrier made; the distribution loss includes unmetered differences, whose nature (loss or metering uncertainty) is in the balance by carrier above; for a working medium and a carrier without sub-meters the difference is use not metered by system. Rows in standard coal use each carrier's coefficient, and the total row adds them. Electricity in 10⁴ kWh, gases in 10⁴ m³, figures rounded to the unit, totals from unrounded values.

{% if energy.balance_matrix.recovered_tce > 0 %}

zh: 回收余热余能{{energy.balance_matrix.recovered_tce|0.00}} tce是下列加工转换单元的产出超出其计量投入的部分（余热发电站没有计量的投入，其热源是生产过程回收的余热）：在加工转换中列为投入，在主要生产系统的最终使用中以负值扣除，不重复计入综合能耗。
en: Recovered waste heat and energy, {{energy.balance_matrix.recovered_tce|0.00}} tce, is what the output of the conversion units below exceeds their metered input (a waste-heat power station has no metered input: its heat is recovered from the process). It is shown as input to conversion and deducted, negative, from the end use of the production system, so it is not counted again in the comprehensive consumption.

{% for energy.balance_matrix.recovered_units %}
- zh: {{.name_zh}}：{{.tce|0.00}} tce
  en: {{.name_en}}: {{.tce|0.00}} tce
{% endfor %}

{% endif %}

{% if count(declared) > 0 %}

## 申报数据核对 | Declared and computed figures

zh: {{facility.organisation.zh}}在审计前申报的数据与本次审计核算值对照如下。相对差 =（申报值 − 核算值）/ 核算值；超出容差的，审计发现中说明数据所显示的原因。
en: The figures the {{facility.organisation.en}} filed before the audit, beside the values this audit computes. Relative difference = (declared − computed) / computed; where it exceeds the tolerance, the findings give the cause the data show.

{% table declared | 申报数据与核算结果对照 | Declared figures against the computed ones %}
| 项目 | Figure | {{.name_zh}} | {{.name_en}} | left | 3.4
| 申报于 | Filed in | {{.filed_in_zh}} | {{.filed_in_en}} | left | 2.8
| 申报值 | Declared | {{.declared|qty .unit}} | | number | 1.9
| 核算值 | Computed | {{.computed|qty .unit}} | | number | 1.9
| 单位 | Unit | {{.computed|qunit .unit}} | {{.computed|qunit_en .unit}} | center | 1.3
| 相对差 | Rel. diff. | {{.relative_difference|%}} | | number | 1.4
| 容差 | Tol. | {{.tolerance|%}} | | number | 1.3
| 结论 | Result | {{.status_zh}} | {{.status_en}} | center | 1.4
{% endtable %}
note: zh: 注：容差按附录B所列规则；核算值按本报告的计量数据和折标系数计算。 | en: Note: the tolerances are those of the rules listed in Appendix B; the computed values follow this report's metered data and coefficients.

{% endif %}

{% if count(history.years) > 0 %}

## 历年能耗变化及因素分解 | Year-on-year change and its factors

zh: 下表比较审计年与此前{{count(history.years) - 1|#}}年的能源消费和二氧化碳排放。往年数据来自各年的设施文件（按本报告的同一方法计算）或{{facility.organisation.zh}}提供的各年统计数；行内给出的年份按审计年的折标系数和排放因子折算，等价值按该年的供电煤耗折算。
en: The table compares the audit year with the {{count(history.years) - 1|plural earlier year}}. Earlier years come from that year's facility file (computed by the method of this report) or from the {{facility.organisation.en}}'s statistics of the year; a year given by its figures is converted at the audit year's coefficients and emission factors, and its equal value at that year's supply coal rate.

{% table history.years | 历年能源消费和二氧化碳排放 | Energy and CO2 by year %}
| 年份 | Year | {{.label}} | | center | 1.2
| 综合能耗（当量值，tce） | Total energy (equivalent, tce) | {{.total_tce|0.00}} | | number | 2
| 综合能耗（等价值，tce） | Total energy (equal value, tce) | {{.total_equal_value_tce|0.00}} | | number | 2
| 工业总产值（万元） | Output value (10⁴ CNY) | {{.output_value_10k_cny|0.00}} | | number | 1.8
| 万元产值综合能耗（tce/万元） | Energy per 10⁴ CNY (tce) | {{.intensity_tce_per_10k_cny|0.0000}} | | number | 1.8
| 二氧化碳排放（tCO2） | CO2 (tCO2) | {{.total_tco2|0.00}} | | number | 2
| 万元产值二氧化碳排放（tCO2/万元） | CO2 per 10⁴ CNY (tCO2) | {{.tco2_per_10k_cny|0.0000}} | | number | 1.8
{% endtable %}
note: zh: 注：“—”表示该年数据不足以计算（如无电力以外的排放因子、未给出产值）。 | en: Note: "—" means the year's data do not allow the figure (such as no output value, or no emission factor for a carrier).

{% if count(history.product_years) > 0 %}

{% table history.product_years | 历年单位产品综合能耗 | Unit consumption by year %}
| 产品 | Product | {{.name_zh}} | {{.name_en}} | left | 2.4
| 年份 | Year | {{.label}} | | center | 1.2
| 产量 | Output | {{.quantity|0}} {{.unit}} | | number | 2
| 单位产品综合能耗 | Unit consumption | {{.unit_consumption_kgce|0.00}} kgce/{{.unit}} | | number | 2.4
| 较上年（%） | On the year before (%) | {{.change_pct|0.0}} | | number | 1.6
{% endtable %}

{% endif %}

{% table history.changes | 逐年变化 | Year-on-year change %}
| 期间 | Years | {{.from}}–{{.to}} | | center | 1.6
| 综合能耗变化（tce） | Total energy change (tce) | {{.total_tce_change|0.00}} | | number | 2
| 综合能耗变化率（%） | Total energy (%) | {{.total_tce_change_pct|0.0}} | | number | 1.6
| 万元产值能耗变化率（%） | Energy per 10⁴ CNY (%) | {{.intensity_change_pct|0.0}} | | number | 1.8
| 二氧化碳排放变化率（%） | CO2 (%) | {{.tco2_change_pct|0.0}} | | number | 1.6
| 万元产值排放变化率（%） | CO2 per 10⁴ CNY (%) | {{.tco2_intensity_change_pct|0.0}} | | number | 1.8
{% endtable %}

{% chart trend | 历年能耗、单耗、强度和排放趋势（首年 = 100） | Trend of energy, unit consumption, intensity and CO2 (first year = 100) %}

{% if exists(history.lmdi.previous.change_tce) %}

zh: 按对数平均迪氏指数法（LMDI-I加法分解），{{history.lmdi.previous.from}}年至{{history.lmdi.previous.to}}年综合能耗变化{{history.lmdi.previous.change_tce|0.00}} tce，分解为产出效应{{history.lmdi.previous.activity_tce|0.00}} tce（工业总产值的变化）、结构效应{{history.lmdi.previous.structure_tce|0.00}} tce（产品构成的变化）和强度效应{{history.lmdi.previous.intensity_tce|0.00}} tce（单位产品综合能耗的变化），三者之和等于总变化，无残差。
en: By the logarithmic mean Divisia index (additive LMDI-I), the change of {{history.lmdi.previous.change_tce|0.00}} tce in total energy from {{history.lmdi.previous.from}} to {{history.lmdi.previous.to}} splits into an activity effect of {{history.lmdi.previous.activity_tce|0.00}} tce (the change of output value), a structure effect of {{history.lmdi.previous.structure_tce|0.00}} tce (the change of the product mix) and an intensity effect of {{history.lmdi.previous.intensity_tce|0.00}} tce (the change of unit consumption); the three add up to the change, with no residual.

{% table history.lmdi.previous.segments | 综合能耗变化的因素分解（LMDI-I） | Decomposition of the change in total energy (LMDI-I) %}
| 分项 | Segment | {{.name_zh}} | {{.name_en}} | left | 2.6
| 比较年能耗（tce） | Earlier year (tce) | {{.energy0_tce|0.00}} | | number | 1.8
| 审计年能耗（tce） | Audit year (tce) | {{.energy1_tce|0.00}} | | number | 1.8
| 产出效应（tce） | Activity (tce) | {{.activity_tce|0.00}} | | number | 1.6
| 结构效应（tce） | Structure (tce) | {{.structure_tce|0.00}} | | number | 1.6
| 强度效应（tce） | Intensity (tce) | {{.intensity_tce|0.00}} | | number | 1.6
{% total %}
| 合计 | Total
| {{history.lmdi.previous.energy0_tce|0.00}} |
| {{history.lmdi.previous.energy1_tce|0.00}} |
| {{history.lmdi.previous.activity_tce|0.00}} |
| {{history.lmdi.previous.structure_tce|0.00}} |
| {{history.lmdi.previous.intensity_tce|0.00}} |
{% endtable %}
note: zh: 注：分项为各产品的净产出（不含被其他产品消耗的中间产品，其能耗已计入消耗它的产品）和不属于任何产品的其余能耗；结构指标 = 分项产量 ÷ 工业总产值，强度 = 分项能耗 ÷ 分项产量；某一年为零的分项取零值的解析极限（以趋于零的小值代替零），其变化全部计入结构效应。计算式见附录A。 | en: Note: the segments are each product's net output (an intermediate product consumed by another is counted in that product's energy) and the energy in no product; structure = segment output ÷ output value, intensity = segment energy ÷ segment output; a segment that is zero in one year takes the limit of Ang & Liu (2007), its whole change in the structure effect. Formulas in Appendix A.

{% chart lmdi | 综合能耗变化的因素分解（LMDI-I） | Factors of the change in total energy (LMDI-I) %}

{% endif %}

{% if exists(history.target.completed_pct) %}

{% if history.target.kind == "intensity" %}

zh: 节能目标：{{history.target.from}}年至{{history.target.to}}年万元产值综合能耗下降{{history.target.target_pct|0.0}}%；实际下降{{history.target.achieved|0.00}}%，目标完成率{{history.target.completed_pct|0.0}}%。
en: Saving target: energy per 10⁴ CNY of output value down {{history.target.target_pct|0.0}} % from {{history.target.from}} to {{history.target.to}}; it fell by {{history.target.achieved|0.00}} %, {{history.target.completed_pct|0.0}} % of the target.

{% else %}

zh: 节能目标：{{history.target.from}}年至{{history.target.to}}年节能量{{history.target.target_tce|0.00}} tce；按万元产值综合能耗的下降计算（GB/T 13234产值节能量），实现{{history.target.achieved|0.00}} tce，目标完成率{{history.target.completed_pct|0.0}}%。
en: Saving target: {{history.target.target_tce|0.00}} tce from {{history.target.from}} to {{history.target.to}}; the saving computed from the fall in energy per 10⁴ CNY of output value (GB/T 13234 output-value saving) is {{history.target.achieved|0.00}} tce, {{history.target.completed_pct|0.0}} % of the target.

{% endif %}

{% endif %}

{% endif %}

## 审计发现 | Findings

{% if count(findings[? .rule == "loss_ratio_high" or .rule == "loss_ratio_negative" or .rule == "loss_ratio_moderate" or .rule == "loss_ratio_moderate_heat" or .rule == "loss_ratio_fuel" or .rule == "loss_within_uncertainty" or .rule == "no_balance_data" or .rule == "no_building_submetering" or .rule == "coefficient_unverified" or .rule == "coal_without_measured_ncv" or .rule == "equal_value_indicative" or .rule == "monthly_unit_consumption_high" or .rule == "monthly_unit_consumption_low" or .rule == "declared_differs" or .rule == "declared_differs_cause" or .rule == "saving_target_not_met" or .rule == "saving_target_not_met_tce" or .rule == "saving_target_met" or .rule == "saving_target_met_tce"]) > 0 %}

{% for findings[? .rule == "loss_ratio_high" or .rule == "loss_ratio_negative" or .rule == "loss_ratio_moderate" or .rule == "loss_ratio_moderate_heat" or .rule == "loss_ratio_fuel" or .rule == "loss_within_uncertainty" or .rule == "no_balance_data" or .rule == "no_building_submetering" or .rule == "coefficient_unverified" or .rule == "coal_without_measured_ncv" or .rule == "equal_value_indicative" or .rule == "monthly_unit_consumption_high" or .rule == "monthly_unit_consumption_low" or .rule == "declared_differs" or .rule == "declared_differs_cause" or .rule == "saving_target_not_met" or .rule == "saving_target_not_met_tce" or .rule == "saving_target_met" or .rule == "saving_target_met_tce"] %}

{% include finding-item.tpl %}

{% endfor %}

{% else %}

zh: 本章范围内未发现问题。
en: No findings in the scope of this chapter.

{% endif %}
