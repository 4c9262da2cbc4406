#! summary.tpl — 审计摘要 / Executive summary (report.md: 1–2 pages).

#* 审计摘要 | Executive summary

{% if audit.type == "internal" %}

zh: {{facility.name.zh}}组织本{{facility.organisation.zh}}审计组，依据{{standards_applied[gbt17166].designation}}《{{standards_applied[gbt17166].title_zh}}》、{{standards_applied[gbt2589].designation}}《{{standards_applied[gbt2589].title_zh}}》和{{standards_applied[gbt32150].designation}}《{{standards_applied[gbt32150].title_zh}}》，对本{{facility.organisation.zh}}{{period.from}}至{{period.to}}（{{period.days|#}}天）的能源利用状况和二氧化碳排放进行了内部能源审计。主要结论摘要如下。
en: The internal audit team of {{facility.name.en}} audited the {{facility.organisation.en}}'s own energy use and carbon dioxide emissions from {{period.from}} to {{period.to}} ({{period.days|plural day}}) under {{standards_applied[gbt17166].designation}} ({{standards_applied[gbt17166].title_en}}), {{standards_applied[gbt2589].designation}} ({{standards_applied[gbt2589].title_en}}) and {{standards_applied[gbt32150].designation}} ({{standards_applied[gbt32150].title_en}}). The main results are summarised below.

{% else %}

{% if audit.type == "special" %}

zh: 受{{facility.name.zh}}委托，审计组依据{{standards_applied[gbt17166].designation}}《{{standards_applied[gbt17166].title_zh}}》、{{standards_applied[gbt2589].designation}}《{{standards_applied[gbt2589].title_zh}}》和{{standards_applied[gbt32150].designation}}《{{standards_applied[gbt32150].title_zh}}》，对该{{facility.organisation.zh}}{{period.from}}至{{period.to}}（{{period.days|#}}天）的能源利用状况和二氧化碳排放进行了专项能源审计。主要结论摘要如下。
en: At the request of {{facility.name.en}}, the audit team made a special energy audit of the {{facility.organisation.en}}'s energy use and carbon dioxide emissions from {{period.from}} to {{period.to}} ({{period.days|plural day}}) under {{standards_applied[gbt17166].designation}} ({{standards_applied[gbt17166].title_en}}), {{standards_applied[gbt2589].designation}} ({{standards_applied[gbt2589].title_en}}) and {{standards_applied[gbt32150].designation}} ({{standards_applied[gbt32150].title_en}}). The main results are summarised below.

{% else %}

zh: 受{{facility.name.zh}}委托，审计组依据{{standards_applied[gbt17166].designation}}《{{standards_applied[gbt17166].title_zh}}》、{{standards_applied[gbt2589].designation}}《{{standards_applied[gbt2589].title_zh}}》和{{standards_applied[gbt32150].designation}}《{{standards_applied[gbt32150].title_zh}}》，对该{{facility.organisation.zh}}{{period.from}}至{{period.to}}（{{period.days|#}}天）的能源利用状况和二氧化碳排放进行了全面能源审计。主要结论摘要如下。
en: At the request of {{facility.name.en}}, the audit team made a full energy audit of the {{facility.organisation.en}}'s energy use and carbon dioxide emissions from {{period.from}} to {{period.to}} ({{period.days|plural day}}) under {{standards_applied[gbt17166].designation}} ({{standards_applied[gbt17166].title_en}}), {{standards_applied[gbt2589].designation}} ({{standards_applied[gbt2589].title_en}}) and {{standards_applied[gbt32150].designation}} ({{standards_applied[gbt32150].title_en}}). The main results are summarised below.

{% endif %}

{% endif %}

{% if facility.is_building %}

{% keyvalue | 主要指标 | Key figures %}
| 综合能耗（当量值） | Comprehensive energy consumption (equivalent value) | {{energy.total_tce|0.00}} | tce
| 综合能耗（等价值） | Comprehensive energy consumption (equal value) | {{energy.total_equal_value_tce|0.00}} | tce
| 能源费用 | Energy cost | {{energy.cost.total_cny / 10000|0.00}} | 万元 | | 10⁴ CNY
| 建筑面积 | Floor area | {{facility.floor_area_m2|0}} | m²
| 单位建筑面积综合能耗（当量值） | Energy per m² (equivalent value) | {{energy.intensity.kgce_per_m2|0.00}} | kgce/m²
| 单位建筑面积综合能耗（等价值） | Energy per m² (equal value) | {{energy.intensity.kgce_per_m2_equal_value|0.00}} | kgce/m²
| 单位建筑面积电耗 | Electricity per m² | {{energy.intensity.kwh_per_m2|0.00}} | kWh/m²
| 人均综合能耗（当量值） | Energy per occupant (equivalent value) | {{energy.intensity.kgce_per_occupant|0.00}} | kgce/人 | | kgce/person
| 二氧化碳排放总量 | Total CO2 emissions | {{carbon.total_tco2|0.00}} | tCO2
| 其中：范围一（直接排放） | of which Scope 1 (direct) | {{carbon.scope1.total_tco2|0.00}} | tCO2
| 其中：范围二（外购电力、热力） | of which Scope 2 (purchased electricity and heat) | {{carbon.scope2.total_tco2|0.00}} | tCO2
| 单位建筑面积二氧化碳排放 | CO2 per m² | {{carbon.intensity.kgco2_per_m2|0.00}} | kgCO2/m²
| 计量器具配备率达标项 | Metering coverage items meeting GB 17167 | {{count(metering.coverage[? .ok == true])|#}} / {{count(metering.coverage)|#}} |
| 计量器具准确度达标台数（已核对） | Meters meeting the required accuracy class (of those checked) | {{metering.class_check.meets|#}} / {{metering.class_check.checked|#}} |
| 未注明准确度等级的计量器具 | Meters stating no accuracy class | {{metering.class_check.not_stated|#}} |
| 建议措施年节能量 | Annual energy saving of the proposed measures | {{sum(measures[].annual_saving_tce)|0.00}} | tce/a
| 建议措施年节约费用 | Annual cost saving of the proposed measures | {{sum(measures[].annual_saving_cny) / 10000|0.00}} | 万元/a | | 10⁴ CNY/a
| 建议措施年减排量 | Annual CO2 reduction of the proposed measures | {{sum(measures[].annual_reduction_tco2)|0.00}} | tCO2/a
| 建议措施总投资 | Total investment of the proposed measures | {{sum(measures[].investment_cny) / 10000|0.00}} | 万元 | | 10⁴ CNY
{% endkeyvalue %}

{% if count(benchmark.building) > 0 %}

{% table benchmark.building | 能耗定额对标结论 | Comparison with the energy quotas %}
| 定额 | Quota | {{.name_zh}} | {{.name_en}} | left | 4.4
| 实际值（修正后） | Actual (corrected) | {{.corrected|0.00}} {{.unit_zh}} | {{.corrected|0.00}} {{.unit_en}} | number | 3
| 约束值 | Constraint | {{.constraint|0.00}} | | number | 2
| 结论 | Result | {{.grade_zh}} | {{.grade_en}} | center | 2.6
{% endtable %}

{% endif %}

{% else %}

{% keyvalue | 主要指标 | Key figures %}
| 综合能耗（当量值） | Comprehensive energy consumption (equivalent value) | {{energy.total_tce|0.00}} | tce
| 综合能耗（等价值） | Comprehensive energy consumption (equal value) | {{energy.total_equal_value_tce|0.00}} | tce
| 能源费用 | Energy cost | {{energy.cost.total_cny / 10000|0.00}} | 万元 | | 10⁴ CNY
| 工业总产值 | Gross output value | {{facility.output_value_10k_cny|0.00}} | 万元 | | 10⁴ CNY
| 万元产值综合能耗 | Energy per 10⁴ CNY of output value | {{energy.intensity.tce_per_10k_cny_output|0.000}} | tce/万元 | | tce/10⁴ CNY
| 万元增加值综合能耗 | Energy per 10⁴ CNY of value added | {{energy.intensity.tce_per_10k_cny_value_added|0.000}} | tce/万元 | | tce/10⁴ CNY
| 二氧化碳排放总量 | Total CO2 emissions | {{carbon.total_tco2|0.00}} | tCO2
| 其中：范围一（直接排放） | of which Scope 1 (direct) | {{carbon.scope1.total_tco2|0.00}} | tCO2
| 其中：范围二（外购电力、热力） | of which Scope 2 (purchased electricity and heat) | {{carbon.scope2.total_tco2|0.00}} | tCO2
| 万元产值二氧化碳排放 | CO2 per 10⁴ CNY of output value | {{carbon.intensity.tco2_per_10k_cny_output|0.000}} | tCO2/万元 | | tCO2/10⁴ CNY
| 计量器具配备率达标项 | Metering coverage items meeting GB 17167 | {{count(metering.coverage[? .ok == true])|#}} / {{count(metering.coverage)|#}} |
| 计量器具准确度达标台数（已核对） | Meters meeting the required accuracy class (of those checked) | {{metering.class_check.meets|#}} / {{metering.class_check.checked|#}} |
| 未注明准确度等级的计量器具 | Meters stating no accuracy class | {{metering.class_check.not_stated|#}} |
| 产品对标节能潜力（达到1级，不重复计算） | Product saving potential (to grade 1, not counted twice) | {{energy.products_potential_tce|0.00}} | tce
| 建议措施年节能量 | Annual energy saving of the proposed measures | {{sum(measures[].annual_saving_tce)|0.00}} | tce/a
| 建议措施年节约费用 | Annual cost saving of the proposed measures | {{sum(measures[].annual_saving_cny) / 10000|0.00}} | 万元/a | | 10⁴ CNY/a
| 建议措施年减排量 | Annual CO2 reduction of the proposed measures | {{sum(measures[].annual_reduction_tco2)|0.00}} | tCO2/a
| 建议措施总投资 | Total investment of the proposed measures | {{sum(measures[].investment_cny) / 10000|0.00}} | 万元 | | 10⁴ CNY
{% endkeyvalue %}

{% endif %}
note: zh: 注：当量值按电力0.1229 kgce/kWh折算；等价值按审计年度供电煤耗折算电力，自产并外供电力的企业，外供电力按其自身加工转换的实际折算系数扣减（见附录A）。数值修约仅用于显示，合计按未修约值计算。“—”表示未计算：审计数据中没有所需的数据（产值、能源价格、对标产品或节能措施）。 | en: Note: the equivalent value counts electricity at 0.1229 kgce/kWh; the equal value at the supply coal rate of the audit year, except that an enterprise that makes electricity and sells some deducts what it sells at the actual coefficient of its own conversion (Appendix A). Figures are rounded for display only; totals are computed from unrounded values. "—" means not computed: the audit data hold no figure it needs (output value, energy prices, benchmarked products or saving measures).

{% if exists(savings.base_from) %}

zh: 与基期（{{savings.base_from}}至{{savings.base_to}}）相比，按万元产值综合能耗计算的节能量为{{savings.output_value_saving_tce|0.00}} tce（正值为节约，负值为多用能）。
en: Against the base period ({{savings.base_from}} to {{savings.base_to}}), the saving computed from energy per 10⁴ CNY of output value is {{savings.output_value_saving_tce|0.00}} tce (positive: saved; negative: more energy used).

{% endif %}

{% if exists(history.lmdi.previous.change_tce) %}

zh: 与{{history.lmdi.previous.from}}年相比，综合能耗变化{{history.lmdi.previous.change_tce|0.00}} tce，其中产出效应{{history.lmdi.previous.activity_tce|0.00}} tce、结构效应{{history.lmdi.previous.structure_tce|0.00}} tce、强度效应{{history.lmdi.previous.intensity_tce|0.00}} tce（LMDI-I分解，见“能源消费”一章）。
en: Against {{history.lmdi.previous.from}}, total energy changed by {{history.lmdi.previous.change_tce|0.00}} tce: activity {{history.lmdi.previous.activity_tce|0.00}} tce, structure {{history.lmdi.previous.structure_tce|0.00}} tce, intensity {{history.lmdi.previous.intensity_tce|0.00}} tce (LMDI-I decomposition, chapter Energy consumption).

{% endif %}

{% if count(energy.products) > 0 %}

{% table energy.products | 主要产品单位产品能耗及等级 | Unit energy consumption of the main products and grade %}
| 产品 | Product | {{.name_zh}} | {{.name_en}} | left | 3
| 产量 | Output | {{.quantity|0}} {{.unit}} | | number | 2.6
| 单位产品综合能耗 | Unit consumption | {{.unit_consumption_kgce|0.000}} kgce/{{.unit}} | | number | 2.6
| 对标指标 | Benchmark indicator | {{.benchmark.indicator_zh}}（{{.benchmark.unit}}） | {{.benchmark.indicator_en}} ({{.benchmark.unit_en}}) | left | 3.6
| 指标值 | Value | {{.benchmark.value|0.00}} | | number | 1.8
| 达到等级 | Grade | {{.benchmark.grade|#}} | | center | 1.3
{% endtable %}
note: zh: 注：等级按单位产品能源消耗限额标准的1级（先进）、2级（准入）、3级（限定）值判定；“—”表示无对标标准或未达到3级限定值，详见“产品能耗与对标”一章。 | en: Note: grades per the energy-consumption-limit standard (grade 1 advanced, grade 2 access, grade 3 limit); "—" means no benchmark applies or the limit is not met (see the chapter Product energy and benchmarks).

{% endif %}

{% if count(findings[? .severity == "nonconformity" or .severity == "warning"]) > 0 %}

{% table findings | 主要问题 | Principal findings %}
{% where .severity == "nonconformity" or .severity == "warning" %}
| 问题 | Finding | {{.text.zh}} | {{.text.en}} | left | 6
| 依据 | Basis | {{.basis.zh}} | {{.basis.en}} | left | 2
{% endtable %}
note: zh: 注：本表列出不符合项和警示项；全部审计发现按严重程度列于“结论与建议”一章。 | en: Note: nonconformities and warnings only; all findings, by severity, are in the chapter Conclusions and recommendations.

{% else %}

zh: 本次审计未发现不符合项或警示项。
en: The audit found no nonconformity and no warning.

{% endif %}

{% if count(measures) > 0 %}

{% table measures | 建议实施的节能措施 | Recommended energy-saving measures %}
| 措施 | Measure | {{.name_zh}} | {{.name_en}} | left | 4
| 投资（万元） | Investment (10⁴ CNY) | {{.investment_cny / 10000|0.00}} | | number | 2
| 年节能量（tce） | Saving (tce/a) | {{.annual_saving_tce|0.00}} | | number | 2
| 年节约费用（万元） | Saving (10⁴ CNY/a) | {{.annual_saving_cny / 10000|0.00}} | | number | 2
| 年减排量（tCO2） | Reduction (tCO2/a) | {{.annual_reduction_tco2|0.00}} | | number | 2
| 静态回收期（年） | Payback (years) | {{.payback_years|0.0}} | | number | 1.5
{% total %}
| 合计 | Total
| {{sum(measures[].investment_cny) / 10000|0.00}} |
| {{sum(measures[].annual_saving_tce)|0.00}} |
| {{sum(measures[].annual_saving_cny) / 10000|0.00}} |
| {{sum(measures[].annual_reduction_tco2)|0.00}} |
| |
{% endtable %}

{% endif %}
