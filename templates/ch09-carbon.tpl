#! ch09-carbon.tpl — 碳排放审计 / Carbon audit (GB/T 32150-2015).

# 碳排放审计 | Carbon audit

## 核算边界与方法 | Boundary and method

zh: 碳排放核算边界与能源审计边界一致。按GB/T 32150-2015及相关行业核算指南，核算范围一（直接排放：化石燃料燃烧排放和工业生产过程排放）和范围二（外购电力、热力对应的间接排放）的二氧化碳排放。燃料燃烧排放 = 消费量 × 低位发热量 × 单位热值含碳量 × 碳氧化率 × 44/12；过程排放 = 活动数据 × 排放因子，或按行业核算指南的公式（碳酸盐分解、碳酸盐使用、碳平衡）由企业实测参数计算；外购电力排放 = 净购入电量 × 区域电网平均排放因子（基于位置）；外购热力排放 = 净购入热量 × 0.11 tCO2/GJ。其他温室气体按所用全球增温潜势折算为二氧化碳当量，回收并供边界外使用的二氧化碳按指南扣减，购买绿证、绿电的另报基于市场的范围二排放，均见本章后文。
en: The carbon boundary is the energy audit boundary. Under GB/T 32150-2015 and the sector accounting guidelines, CO2 is accounted for Scope 1 (direct: fuel combustion and industrial processes) and Scope 2 (indirect: purchased electricity and heat). Combustion = consumption × net calorific value × carbon content per unit heat × oxidation rate × 44/12; process = activity × emission factor, or computed from the plant's measured inputs by a sector guideline's formula (carbonate decomposition, carbonate use, carbon balance); purchased electricity = net purchased electricity × the regional grid's average emission factor (location-based); purchased heat = net purchased heat × 0.11 tCO2/GJ. Other greenhouse gases are converted to CO2 equivalent with the GWP set in use, CO2 recovered and supplied outside the boundary is deducted as the guidelines allow, and purchases of green certificates or green power add a market-based scope 2: each is reported later in this chapter.

{% keyvalue | 二氧化碳排放汇总 | CO2 emissions summary %}
| 范围一：化石燃料燃烧 | Scope 1: fuel combustion | {{carbon.scope1.combustion_tco2|0.00}} | tCO2
| 范围一：工业生产过程 | Scope 1: industrial processes | {{carbon.scope1.process_tco2|0.00}} | tCO2
| 范围一合计 | Scope 1 total | {{carbon.scope1.total_tco2|0.00}} | tCO2
| 范围二：外购电力 | Scope 2: purchased electricity | {{carbon.scope2.electricity_tco2|0.00}} | tCO2
| 范围二：外购热力 | Scope 2: purchased heat | {{carbon.scope2.heat_tco2|0.00}} | tCO2
| 范围二合计 | Scope 2 total | {{carbon.scope2.total_tco2|0.00}} | tCO2
| 二氧化碳排放总量 | Total CO2 emissions | {{carbon.total_tco2|0.00}} | tCO2
| 万元产值二氧化碳排放 | CO2 per 10⁴ CNY of output value | {{carbon.intensity.tco2_per_10k_cny_output|0.000}} | tCO2/万元 | | tCO2/10⁴ CNY
{% endkeyvalue %}

{% if not exists(carbon.intensity.tco2_per_10k_cny_output) %}

note: zh: 注：“—”表示未计算：{{facility.organisation.zh}}未提供工业总产值。 | en: Note: "—" means not computed: the {{facility.organisation.en}} gave no gross output value.

{% endif %}

## 化石燃料燃烧排放 | Fuel combustion

{% if count(carbon.scope1.combustion) > 0 %}

{% table carbon.scope1.combustion | 化石燃料燃烧二氧化碳排放 | CO2 from fuel combustion %}
| 燃料品种 | Fuel | {{.name_zh}} | {{.name_en}} | left | 2.5
| 单位 | Unit | {{.unit}} | | center | 1
| 燃烧量 | Burnt | {{.combusted|0.00}} | | number | 2.2
| 低位发热量（GJ/单位） | NCV (GJ/unit) | {{.ncv_gj|0.00000}} | | number | 1.8
| 单位热值含碳量（tC/GJ） | Carbon content (tC/GJ) | {{.carbon_tc_per_gj|0.00000}} | | number | 1.8
| 碳氧化率 | Oxidation | {{.oxidation|%}} | | number | 1.4
| 排放量（tCO2） | Emissions (tCO2) | {{.tco2|0.00}} | | number | 2.2
{% endtable %}
note: zh: 注：排放量 = 燃烧量 × 低位发热量 × 单位热值含碳量 × 碳氧化率 × 44/12；各参数为实测值或缺省值见下文，来源见附录B。 | en: Note: emissions = quantity burnt × NCV × carbon content × oxidation × 44/12; which parameters are measured or default is stated below; sources in Appendix B.

{% for carbon.scope1.combustion[? exists(.feedstock)] %}

- zh: {{.name_zh}}消费{{.consumed|0.00}} {{.unit}}，其中{{.feedstock|0.00}} {{.unit}}用作原料，其碳计入工业生产过程排放的碳平衡（见下文），不计燃烧；能源消费量（综合能耗）仍计全部消费量。
  en: {{.name_en}}: of the {{.consumed|0.00}} {{.unit}} consumed, {{.feedstock|0.00}} {{.unit}} is used as raw material; its carbon is in the carbon balance of process emissions (below), not in combustion; the energy consumption still counts the whole quantity.

{% endfor %}

zh: 各燃料排放参数的取值来源如下：
en: Origin of each fuel's emission parameters:

{% for carbon.scope1.combustion %}

{% if .measured.ncv %}

- zh: {{.name_zh}}低位发热量：{{facility.organisation.zh}}实测值
  en: {{.name_en}}, net calorific value: measured by the {{facility.organisation.en}}

{% else %}

- zh: {{.name_zh}}低位发热量：缺省值
  en: {{.name_en}}, net calorific value: default

{% endif %}

{% if .measured.carbon_content %}

- zh: {{.name_zh}}单位热值含碳量：{{facility.organisation.zh}}实测值
  en: {{.name_en}}, carbon content per unit heat: measured by the {{facility.organisation.en}}

{% else %}

- zh: {{.name_zh}}单位热值含碳量：缺省值
  en: {{.name_en}}, carbon content per unit heat: default

{% endif %}

{% if .measured.oxidation %}

- zh: {{.name_zh}}碳氧化率：{{facility.organisation.zh}}实测值
  en: {{.name_en}}, oxidation rate: measured by the {{facility.organisation.en}}

{% else %}

- zh: {{.name_zh}}碳氧化率：缺省值
  en: {{.name_en}}, oxidation rate: default

{% endif %}

{% endfor %}

{% if count(carbon.scope1.combustion[? .defaults_verified == false]) > 0 %}

note: zh: 注：所用缺省值尚待与核算指南原文核对（见附录B）。 | en: Note: the default values used await checking against the text of the accounting guidelines (Appendix B).

{% endif %}

{% else %}

zh: 审计期内{{facility.organisation.zh}}未消耗化石燃料。
en: The {{facility.organisation.en}} burnt no fossil fuel in the audit period.

{% endif %}

## 工业生产过程排放 | Process emissions

{% if count(carbon.scope1.process) > 0 %}

{% table carbon.scope1.process | 工业生产过程二氧化碳排放 | CO2 from industrial processes %}
| 排放源 | Source | {{.name_zh}} | {{.name_en}} | left | 2.5
| 活动数据 | Activity | {{.activity_text}} | {{.activity_text|en}} | number | 2
| 排放因子 | Factor | {{.factor_text}} | {{.factor_text|en}} | number | 2
| 排放量（tCO2） | Emissions (tCO2) | {{.tco2|0.00}} | | number | 2
| 因子出处 | Factor reference | {{.citation_zh}} | {{.citation}} | left | 4
{% endtable %}
note: zh: 注：过程排放 = 活动数据 × 排放因子；按行业核算指南公式计算的排放源，排放因子为公式结果折合的单位活动数据排放量，计算参数见下节。本表只含二氧化碳：其他温室气体（二氧化碳当量）、回收外供的二氧化碳和基于市场的范围二排放见本章后文。 | en: Note: process emissions = activity × emission factor; for a source computed by a sector guideline's formula the factor is the formula's result per unit of activity, and its inputs are in the next section. This table holds CO2 only: other greenhouse gases (in CO2 equivalent), CO2 recovered and supplied outside, and the market-based scope 2 are reported later in this chapter.

{% if count(carbon.scope1.process[? .deducted == true]) > 0 %}

note: zh: 注：负值为留在产品中的碳（碳平衡法的输出项），已从过程排放合计中扣减。 | en: Note: negative rows are carbon that stays in the products (the output side of the carbon balance), deducted from the process total.

{% endif %}

{% else %}

zh: {{facility.organisation.zh}}无需单独核算的工业生产过程排放。
en: The {{facility.organisation.en}} has no industrial process emissions to account separately.

{% endif %}

{% include ch09-gases.tpl %}

## 外购电力和热力排放 | Purchased electricity and heat

{% keyvalue | 外购电力、热力排放 | Emissions of purchased electricity and heat %}
| 外购电量 | Electricity purchased | {{carbon.scope2.electricity_purchased_mwh|0.00}} | MWh
| 外供电量 | Electricity exported | {{carbon.scope2.electricity_exported_mwh|0.00}} | MWh
| 电网排放因子 | Grid emission factor | {{carbon.scope2.grid_factor_tco2_per_mwh|0.0000}} | tCO2/MWh
| 外购电力排放 | Emissions of purchased electricity | {{carbon.scope2.electricity_tco2|0.00}} | tCO2
| 外购热量 | Heat purchased | {{carbon.scope2.heat_purchased_gj|0.00}} | GJ
| 外供热量 | Heat exported | {{carbon.scope2.heat_exported_gj|0.00}} | GJ
| 外购热力排放 | Emissions of purchased heat | {{carbon.scope2.heat_tco2|0.00}} | tCO2
{% endkeyvalue %}

{% if carbon.scope2.grid == "enterprise" %}

zh: 电力排放因子采用{{facility.organisation.zh}}提供的数值{{carbon.scope2.grid_factor_tco2_per_mwh|0.0000}} tCO2/MWh，代替区域电网平均二氧化碳排放因子。来源：{{carbon.scope2.grid_factor_source_zh}}
en: The emission factor of electricity is the {{facility.organisation.en}}'s own value, {{carbon.scope2.grid_factor_tco2_per_mwh|0.0000}} tCO2/MWh, in place of the regional grid's average CO2 emission factor. Source: {{carbon.scope2.grid_factor_source}}

{% else %}

{% if exists(carbon.scope2.grid_factor_tco2_per_mwh) %}

zh: 电网排放因子采用{{carbon.scope2.grid_name_zh}}{{carbon.scope2.grid_year|#}}年电力平均二氧化碳排放因子{{carbon.scope2.grid_factor_tco2_per_mwh|0.0000}} tCO2/MWh。出处：{{carbon.scope2.grid_factor_citation_zh}}
en: The grid emission factor is the {{carbon.scope2.grid_year|#}} average CO2 emission factor of electricity of the {{carbon.scope2.grid_name_en}}, {{carbon.scope2.grid_factor_tco2_per_mwh|0.0000}} tCO2/MWh. Reference: {{carbon.scope2.grid_factor_citation}}

{% else %}

zh: 规则中没有{{carbon.scope2.grid_name_zh}}可用的电力平均二氧化碳排放因子，外购电力排放未计算。
en: The rules hold no average CO2 emission factor of electricity for the {{carbon.scope2.grid_name_en}}: the emissions of purchased electricity are not computed.

{% endif %}

{% endif %}

{% if carbon.scope2.grid_factor_verified == false and carbon.scope2.grid != "enterprise" %}

note: zh: 注：所用电网排放因子未经公开来源核实，外购电力排放仅供参考。 | en: Note: the grid emission factor used is not verified against its publication; the emissions of purchased electricity are indicative.

{% endif %}

{% if carbon.scope2.electricity_exported_mwh > 0 or carbon.scope2.heat_exported_gj > 0 %}

{% if exists(carbon.total_tco2_power_guideline) %}

zh: 按GB/T 32150，外供电力和热力对应的排放（电力{{carbon.scope2.electricity_exported_tco2|0.00}} tCO2）从范围二中扣减，排放总量为{{carbon.total_tco2|0.00}} tCO2。按《企业温室气体排放核算方法与报告指南 发电设施》，发电{{facility.organisation.zh}}外供的电力和热力为其产品，不予扣减，排放量为化石燃料燃烧、过程排放与外购电力、热力排放之和，即{{carbon.total_tco2_power_guideline|0.00}} tCO2；全国碳市场以此口径判断纳入门槛。
en: Under GB/T 32150 the emissions of the electricity and heat supplied ({{carbon.scope2.electricity_exported_tco2|0.00}} tCO2 for electricity) are deducted from scope 2, giving a total of {{carbon.total_tco2|0.00}} tCO2. Under the accounting guidelines for power generation the electricity and heat a generator supplies are its products and are not deducted: its emissions are fuel combustion, process emissions and purchased electricity and heat, {{carbon.total_tco2_power_guideline|0.00}} tCO2, the figure on which the national ETS threshold is judged.

{% else %}

zh: 外购电力排放按净购入电量核算，外供电量对应的排放{{carbon.scope2.electricity_exported_tco2|0.00}} tCO2已扣减。
en: Emissions of purchased electricity are accounted on net purchases; the {{carbon.scope2.electricity_exported_tco2|0.00}} tCO2 of exported electricity have been deducted.

{% endif %}

{% endif %}

{% chart carbon | 碳排放构成（按范围和排放源） | CO2 by scope and source %}

## 排放强度 | Emission intensity

{% if count(carbon.intensity.products) > 0 %}

{% table carbon.intensity.products | 单位产品二氧化碳排放 | CO2 per unit of product %}
| 产品 | Product | {{.name_zh}} | {{.name_en}} | left | 3
| 排放量（tCO2） | Emissions (tCO2) | {{.tco2|0.00}} | | number | 2.5
| 单位产品排放（kgCO2/单位） | Per unit (kgCO2/unit) | {{.tco2_per_unit * 1000|0.000}} | | number | 2.5
| 单位 | Unit | {{.unit}} | | center | 1
{% endtable %}
note: zh: 注：产品排放 = 产品所耗各能源的排放 + 归属该产品的过程排放；电力按外购比例乘以电网排放因子；使用自产中间产品的，含中间产品的排放；产品以审计数据文件中的代号列示。 | en: Note: product emissions = emissions of the energy the product uses + process emissions attributed to it; electricity at the grid factor times the purchased fraction; an intermediate product made on site is included; products are listed by their code in the audit data file.

{% endif %}

## 全国碳排放权交易市场 | National emissions trading scheme

{% if carbon.ets.annualised %}

zh: 按《碳排放权交易管理办法（试行）》，属于全国碳市场覆盖行业、年度温室气体排放量达到{{carbon.ets.threshold_tco2|0}} tCO2e（综合能耗约{{carbon.ets.threshold_tce|0}} tce）的企业列为重点排放单位。审计期为{{period.days|#}}天，按365天折算，{{facility.organisation.zh}}年化排放量{{carbon.ets.annual_tco2|0.00}} tCO2，年化综合能耗{{carbon.ets.annual_tce|0.00}} tce。
en: Under the Measures for the Administration of Carbon Emission Trading (Trial), an enterprise in a covered sector whose annual greenhouse gas emissions reach {{carbon.ets.threshold_tco2|0}} tCO2e (about {{carbon.ets.threshold_tce|0}} tce of energy) is a key emitting entity. The audit period has {{period.days|#}} days; scaled to 365 days, the {{facility.organisation.en}}'s annualised emissions are {{carbon.ets.annual_tco2|0.00}} tCO2 and its annualised energy consumption {{carbon.ets.annual_tce|0.00}} tce.

{% else %}

zh: 按《碳排放权交易管理办法（试行）》，属于全国碳市场覆盖行业、年度温室气体排放量达到{{carbon.ets.threshold_tco2|0}} tCO2e（综合能耗约{{carbon.ets.threshold_tce|0}} tce）的企业列为重点排放单位。审计期为一整年，{{facility.organisation.zh}}年度排放量为{{carbon.ets.annual_tco2|0.00}} tCO2，综合能耗为{{carbon.ets.annual_tce|0.00}} tce。
en: Under the Measures for the Administration of Carbon Emission Trading (Trial), an enterprise in a covered sector whose annual greenhouse gas emissions reach {{carbon.ets.threshold_tco2|0}} tCO2e (about {{carbon.ets.threshold_tce|0}} tce of energy) is a key emitting entity. The audit period is one full year: the {{facility.organisation.en}}'s annual emissions are {{carbon.ets.annual_tco2|0.00}} tCO2 and its energy consumption {{carbon.ets.annual_tce|0.00}} tce.

{% endif %}

{% if carbon.ets.covered_in_period %}

zh: {{facility.organisation.zh}}所属行业在审计期已纳入全国碳市场，且排放量达到纳入门槛，应作为重点排放单位按规定报告排放、接受核查并清缴配额。
en: The {{facility.organisation.en}}'s sector was covered by the national scheme in the audit period and its emissions reach the threshold: as a key emitting entity it must report its emissions, be verified and surrender allowances.

{% else %}

{% if carbon.ets.sector_covered and carbon.ets.reaches_threshold %}

zh: {{facility.organisation.zh}}排放量达到纳入门槛；所属行业自{{carbon.ets.sector_since|#}}年起纳入全国碳市场，晚于审计期，{{facility.organisation.zh}}现应按规定报告排放并履约。
en: The {{facility.organisation.en}}'s emissions reach the threshold; its sector joined the national scheme in {{carbon.ets.sector_since|#}}, after the audit period, and the {{facility.organisation.en}} must now report its emissions and comply.

{% else %}

{% if carbon.ets.reaches_threshold %}

zh: {{facility.organisation.zh}}排放量达到纳入门槛，但所属行业目前未纳入全国碳市场。
en: The {{facility.organisation.en}}'s emissions reach the threshold, but its sector is not covered by the national scheme at present.

{% else %}

zh: {{facility.organisation.zh}}排放量未达到全国碳市场纳入门槛。
en: The {{facility.organisation.en}}'s emissions are below the threshold of the national scheme.

{% endif %}

{% endif %}

{% endif %}

{% if count(carbon.ets.power_benchmarks) > 0 %}

{% table carbon.ets.power_benchmarks | 全国碳市场发电行业基准值 | Power-sector benchmarks of the national scheme %}
| 机组类别 | Unit category | {{.category_zh}} | {{.category_en}} | left | 5
| 年度 | Years | {{.years}} | | center | 1.5
| 供电基准值（tCO2/MWh） | Electricity (tCO2/MWh) | {{.electricity_tco2_per_mwh|0.000}} | | number | 2
| 供热基准值（tCO2/GJ） | Heat (tCO2/GJ) | {{.heat_tco2_per_gj|0.000}} | | number | 2
{% endtable %}
note: zh: 注：基准值用于配额分配，仅供对照；部分数值未经原文核实（见附录B）。 | en: Note: benchmarks set the allocation of allowances and are shown for comparison; some values are not verified against the original text (Appendix B).

{% endif %}

note: zh: 纳入门槛出处：{{carbon.ets.citation_zh}} | en: Threshold: {{carbon.ets.citation}}

{% include ch09-carbon-quality.tpl %}

## 审计发现 | Findings

{% if count(findings[? .rule == "ets_covered" or .rule == "ets_sector_joined_later" or .rule == "ets_threshold_not_covered_sector" or .rule == "combustion_defaults_only" or .rule == "grid_factor_unverified" or .rule == "scope2_dominant" or .rule == "process_emissions_large" or .rule == "carbon_factor_missing"]) > 0 %}

{% for findings[? .rule == "ets_covered" or .rule == "ets_sector_joined_later" or .rule == "ets_threshold_not_covered_sector" or .rule == "combustion_defaults_only" or .rule == "grid_factor_unverified" or .rule == "scope2_dominant" or .rule == "process_emissions_large" or .rule == "carbon_factor_missing"] %}

{% include finding-item.tpl %}

{% endfor %}

{% else %}

zh: 本章范围内未发现问题。
en: No findings in the scope of this chapter.

{% endif %}
