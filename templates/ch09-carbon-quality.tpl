#! ch09-carbon-quality.tpl — included by ch09-carbon.tpl: CO2 recovered and supplied outside,
#! the market-based scope 2, the allowance position, the data quality of each emission source
#! with the inventory's uncertainty, and the carbon management (docs/calculation.md "Recovery,
#! market-based scope 2, data quality and allowances").

{% if exists(carbon.recovery.tco2) %}

## 二氧化碳回收利用 | CO2 recovered and supplied outside

zh: 按行业核算指南，回收并供核算边界以外使用的二氧化碳（回收量 × 纯度）从排放总量中扣减，共{{carbon.recovery.tco2|0.00}} tCO2。
en: As the sector guidelines allow, CO2 recovered and supplied outside the boundary (quantity × purity) is deducted from the total: {{carbon.recovery.tco2|0.00}} tCO2.

{% table carbon.recovery.items | 回收外供的二氧化碳 | CO2 recovered and supplied outside %}
| 接收方 | Supplied to | {{.supplied_to_zh}} | {{.supplied_to_en}} | left | 3.2
| 用途 | Use | {{.use_zh}} | {{.use_en}} | left | 2.2
| 回收量（t） | Recovered (t) | {{.quantity_t|0.00}} | | number | 2
| 纯度 | Purity | {{.purity|%}} | | number | 1.4
| 扣减量（tCO2） | Deducted (tCO2) | {{.tco2|0.00}} | | number | 2
| 证据文件 | Evidence files | {{.evidence|#}} | | number | 1.4
{% endtable %}

{% endif %}

{% if exists(carbon.scope2.market_based) %}

## 基于市场的范围二排放 | Market-based scope 2

zh: {{facility.organisation.zh}}购买绿色电力证书和绿色电力（绿电直购），其电量排放计为零；其余外购电量按生态环境部、国家统计局公布的不包括市场化交易非化石能源电量的全国电力平均二氧化碳排放因子计算，与基于位置的范围二（按所在电网平均因子）并列报告。排放总量仍按基于位置的口径。
en: The {{facility.organisation.en}} bought green certificates and green power (direct purchases), counted at zero emissions; the rest of its purchases is at the national average factor excluding market-traded non-fossil power announced by MEE and NBS. The market-based scope 2 is reported beside the location-based one (at the grid's average factor); the total stays location-based.

{% keyvalue | 基于市场的外购电力排放 | Market-based purchased electricity %}
| 外购电量 | Electricity purchased | {{carbon.scope2.market_based.purchased_mwh|0.00}} | MWh
| 其中：绿证对应电量 | of which green certificates | {{carbon.scope2.market_based.certificate_mwh|0.00}} | MWh
| 其中：绿电直购电量 | of which direct green power | {{carbon.scope2.market_based.direct_mwh|0.00}} | MWh
| 其余外购电量 | Other purchases | {{carbon.scope2.market_based.other_purchased_mwh|0.00}} | MWh
| 排放因子（不含市场化交易非化石能源电量） | Factor excluding market-traded non-fossil power | {{carbon.scope2.market_based.factor_tco2_per_mwh|0.0000}} | tCO2/MWh
| 外购电力排放（基于位置） | Purchased electricity (location-based) | {{carbon.scope2.electricity_tco2|0.00}} | tCO2
| 外购电力排放（基于市场） | Purchased electricity (market-based) | {{carbon.scope2.market_based.electricity_tco2|0.00}} | tCO2
| 范围二合计（基于市场） | Scope 2 total (market-based) | {{carbon.scope2.market_based_tco2|0.00}} | tCO2
{% endkeyvalue %}

{% if exists(carbon.scope2.market_based.factor_citation_zh) %}

note: zh: 注：因子出处：{{carbon.scope2.market_based.factor_citation_zh}}。 | en: Note: factor: {{carbon.scope2.market_based.factor_citation}}.

{% endif %}

{% endif %}

{% if exists(carbon.allowance) %}

## 配额盈缺 | Allowance position

{% if carbon.allowance.kind == "process" %}

zh: 按《2024、2025年度全国碳排放权交易市场钢铁、水泥、铝冶炼行业配额总量和分配方案》，配额按纳入的工序（生产线）免费分配：2024年度各工序的配额与其经核查排放量相等；2025年度按单位产出碳排放强度分配，其公式与系数未在已读来源中找到，配额取省级生态环境主管部门核定的数，方案列明的水泥熟料生产线特定情形仍与经核查排放量相等。履约排放量为覆盖温室气体的直接排放（化石燃料燃烧和工业生产过程；电解铝另含CF₄、C₂F₆的二氧化碳当量），不含外购电力和热力。缺口按{{facility.organisation.zh}}给出的碳价估算成本。审计年度为{{carbon.allowance.year|#}}年。
en: Under the 2024 and 2025 allowance cap and allocation plan for iron and steel, cement and aluminium smelting, allowances are allocated free to each covered process (production line). For 2024 a process receives its verified emissions. For 2025 the allocation is intensity-based; its formula and coefficients were not found in the sources read, so the allocation is the figure the provincial authority determined, and the clinker-line cases the plan names still receive their verified emissions. The emissions surrendered for are the direct emissions in the covered gases (fossil-fuel combustion and industrial processes; for aluminium electrolysis also CF4 and C2F6 in CO2e), without purchased electricity and heat. A shortfall is costed at the carbon price the {{facility.organisation.en}} gives. The audit year is {{carbon.allowance.year|#}}.

{% table carbon.allowance.lines | 配额分配 | Allocation %}
| 工序 | Process | {{.process_zh}} | {{.process_en}} | left | 2.3
| 特定情形 | Case | {{.case_zh}} | {{.case_en}} | left | 3
| 覆盖气体 | Gases | {{.gases}} | | left | 1.4
| 方案年度 | Plan year | {{.years}} | | center | 1.4
| 经核查排放量（tCO2e） | Verified emissions (tCO2e) | {{.emissions_tco2|0}} | | number | 2
| 配额依据 | Allocated as | {{.allocation_basis_zh}} | {{.allocation_basis_en}} | left | 2.4
| 配额（tCO2e） | Allocation (tCO2e) | {{.allocation_tco2|0}} | | number | 2
{% endtable %}

{% if exists(carbon.allowance.pre_allocation_share) %}

note: zh: 注：2025年度预分配配额为上一年度经核查排放量的{{carbon.allowance.pre_allocation_share|%}}，年度核定后多退少补；预分配不改变上表的配额。 | en: Note: the 2025 pre-allocation is {{carbon.allowance.pre_allocation_share|%}} of the previous year's verified emissions, settled when the year's allocation is determined; it does not change the allocation above.

{% endif %}

{% else %}

zh: 按配额分配方案的基准法，配额 = 基准值 × 电量（或供热量）× 修正系数，与履约排放量相比得出盈余或缺口，并按{{facility.organisation.zh}}给出的碳价估算其价值。审计年度为{{carbon.allowance.year|#}}年。
en: By the benchmark method of the allocation plan, allocation = benchmark × electricity (or heat) × correction factor; set against the emissions surrendered for, it gives the surplus or shortfall, valued at the carbon price the {{facility.organisation.en}} gives. The audit year is {{carbon.allowance.year|#}}.

{% table carbon.allowance.lines | 配额分配 | Allocation %}
| 机组类别 | Unit category | {{.category_zh}} | {{.category_en}} | left | 3.6
| 基准值年度 | Benchmark years | {{.years}} | | center | 1.4
| 电量（MWh） | Electricity (MWh) | {{.electricity_mwh|0}} | | number | 2
| 供热量（GJ） | Heat (GJ) | {{.heat_gj|0}} | | number | 1.8
| 修正系数 | Correction | {{.correction|0.000}} | | number | 1.3
| 配额（tCO2） | Allocation (tCO2) | {{.allocation_tco2|0}} | | number | 2
{% endtable %}

{% endif %}

{% keyvalue | 配额盈缺 | Allowance position %}
| 配额量 | Allocation | {{carbon.allowance.allocation_tco2|0.00}} | tCO2
| 履约排放量 | Emissions surrendered for | {{carbon.allowance.emissions_tco2|0.00}} | tCO2
| 盈余（负值为缺口） | Surplus (negative: shortfall) | {{carbon.allowance.position_tco2|0.00}} | tCO2
| 碳价 | Carbon price | {{carbon.allowance.price_cny_per_tco2|0.00}} | CNY/tCO2 | | CNY/tCO2
| 缺口成本（负值为盈余价值） | Cost of the shortfall (negative: value of the surplus) | {{carbon.allowance.cost_cny|0}} | CNY | | CNY
{% endkeyvalue %}

{% if carbon.allowance.emissions_basis == "scope1" %}

note: zh: 注：自本年度起配额只覆盖直接排放，履约排放量为范围一排放。 | en: Note: from this year the allowances cover direct emissions only: the emissions surrendered for are scope 1.

{% endif %}

{% if carbon.allowance.emissions_basis == "power_guideline" %}

note: zh: 注：履约排放量按发电设施核算指南口径（范围一 + 外购电力和热力，上网电量不扣减）。 | en: Note: the emissions surrendered for are on the basis of the power-generation guideline (scope 1 + purchased electricity and heat, exports not deducted).

{% endif %}

{% if count(carbon.allowance.lines[? .emissions_given == false]) > 0 %}

note: zh: 注：各工序的经核查排放量未单独给出时，取设施覆盖温室气体的直接排放量（只有一项时）。 | en: Note: a process whose verified emissions are not given takes the facility's direct emissions in the covered gases (a single line only).

{% endif %}

{% if carbon.allowance.kind == "process" and exists(carbon.allowance.position_tco2) == false %}

note: zh: 注：有工序的配额未计算（见上表“配额依据”），配额盈缺未计算。 | en: Note: the allocation of a process is not computed (see "Allocated as" above), so the position is not computed.

{% endif %}

{% if carbon.allowance.plan_in_force == false and carbon.allowance.kind == "power" %}

note: zh: 注：规则中没有审计年度配额方案的基准值，采用此前最近一期方案的基准值，结果仅供参考。 | en: Note: the rules have no benchmarks of the plan for the audit year; those of the latest earlier plan are used, and the result is for reference only.

{% endif %}

{% if carbon.allowance.plan_in_force == false and carbon.allowance.kind == "process" %}

note: zh: 注：规则中的配额方案不覆盖审计年度（2024、2025年度），配额只能取核定的数。 | en: Note: the plan in the rules does not cover the audit year (2024 and 2025 only): the allocation can only be the figure determined.

{% endif %}

{% if carbon.allowance.benchmarks_verified == false and carbon.allowance.kind == "process" %}

note: zh: 注：所用配额分配规则未经配额方案原文核实（见附录B），配额盈缺为估算。 | en: Note: the allocation rule used is not verified against the allocation plan's text (Appendix B): the position is an estimate.

{% endif %}

{% if carbon.allowance.benchmarks_verified == false and carbon.allowance.kind == "power" %}

note: zh: 注：所用基准值未经配额方案原文核实（见附录B），配额盈缺为估算。 | en: Note: the benchmarks used are not verified against the allocation plan's text (Appendix B): the position is an estimate.

{% endif %}

{% endif %}

## 数据质量与不确定性 | Data quality and uncertainty

zh: 各排放源的活动数据按计量器具（其准确度等级即最大允许误差）、生产记录或推算取得，排放因子为实测值、缺省值或公布因子；其他温室气体每种气体为一个排放源，按二氧化碳当量计。每个排放源的不确定性为活动数据与排放因子不确定性的平方和开方，排放总量的不确定性为各源（不确定性 × 排放量）平方和开方除以排放量之和（IPCC 2006年指南第1卷第3章方法1；ISO 14064-1:2018）。未注明的不确定性取规则中按数据层级给出的缺省值。
en: Each source's activity data come from meters (whose accuracy class is the maximum permissible error), production records or estimates; its emission factor is measured, a default or a published factor; each other greenhouse gas is a source of its own, in CO2 equivalent. A source's uncertainty is the root sum of squares of its activity and factor uncertainties; the total's is the root sum of squares of each source's uncertainty × emissions over the sum of the emissions (2006 IPCC Guidelines Vol. 1 Ch. 3, Approach 1; ISO 14064-1:2018). An uncertainty not stated takes the default of its data tier in the rules.

{% if count(carbon.data_quality.sources) > 0 %}

{% table carbon.data_quality.sources | 排放源数据质量 | Data quality of the emission sources %}
| 排放源 | Source | {{.name_zh}} | {{.name_en}} | left | 2.8
| 占比 | Share | {{.share|%}} | | number | 1.2
| 活动数据 | Activity data | {{.activity_tier_zh}} | {{.activity_tier_en}} | left | 2.2
| 准确度等级 | Class | {{.accuracy_class}} | | center | 1.1
| 活动数据不确定性 | Activity ± | {{.activity_uncertainty|%}} | | number | 1.6
| 排放因子 | Factor | {{.factor_tier_zh}} | {{.factor_tier_en}} | left | 2.1
| 因子不确定性 | Factor ± | {{.factor_uncertainty|%}} | | number | 1.5
| 不确定性 | Total ± | {{.uncertainty|%}} | | number | 1.5
{% endtable %}

{% if count(carbon.data_quality.sources[? .kind == "gas"]) > 0 %}

{% keyvalue | 排放总量的不确定性 | Uncertainty of the total %}
| 排放源合计（含其他温室气体） | Sum of the sources (other gases included) | {{carbon.data_quality.sources_tco2|0.00}} | tCO2e
| 不确定性（95%置信水平） | Uncertainty (95 % confidence) | ±{{carbon.data_quality.uncertainty|%}} |
| 不确定性（tCO2e） | Uncertainty (tCO2e) | ±{{carbon.data_quality.uncertainty_tco2|0}} | tCO2e
| 采用缺省因子的排放占比 | Share of emissions on default factors | {{carbon.data_quality.default_share|%}} |
{% endkeyvalue %}

note: zh: 注：其他温室气体每种气体为一个排放源，按二氧化碳当量（tCO2e）计入合计与不确定性，活动数据按生产记录计；排放因子按所用数据分为实测（企业实测的风排、抽放量，阳极效应数据与斜率，设备充装与回收量等）、缺省值或部分实测，缺省因子的不确定性取规则中依据IPCC《2006年国家温室气体清单指南》所列范围的取值（未经原文核实），部分实测的煤矿甲烷按实测与缺省两部分分别计。 | en: Note: each other greenhouse gas is a source, counted in CO2 equivalent (tCO2e) in the sum and the uncertainty, its activity data as production records; its factor is measured (the plant's ventilation and drained volumes, anode-effect data and slope, equipment charges and recoveries), a default or partly measured; a default factor's uncertainty is the value the rules take from the ranges the 2006 IPCC Guidelines state (not verified against their text), and a partly measured coal-mine CH4 takes its measured and its default part each with its own.

{% else %}

{% keyvalue | 排放总量的不确定性 | Uncertainty of the total %}
| 排放源合计 | Sum of the sources | {{carbon.data_quality.sources_tco2|0.00}} | tCO2
| 不确定性（95%置信水平） | Uncertainty (95 % confidence) | ±{{carbon.data_quality.uncertainty|%}} |
| 不确定性（tCO2） | Uncertainty (tCO2) | ±{{carbon.data_quality.uncertainty_tco2|0}} | tCO2
| 采用缺省因子的排放占比 | Share of emissions on default factors | {{carbon.data_quality.default_share|%}} |
{% endkeyvalue %}

{% endif %}

note: zh: 注：外购电力和热力按购入量计（上网电量、外供热量的扣减不作为排放源）。各数据层级的缺省不确定性依据IPCC《2006年国家温室气体清单指南》第2卷第1、2章及第3卷，取值未经指南原文核实。 | en: Note: purchased electricity and heat are counted as bought (the deduction of exports is not a source). The default uncertainties of the data tiers follow the 2006 IPCC Guidelines Vol. 2 Ch. 1 and 2 and Vol. 3; the values are not verified against the guidance's text.

{% endif %}

## 碳排放管理 | Carbon management

{% if carbon.management.stated %}

{% table carbon.management.items | 碳排放管理情况 | Carbon management %}
| 项目 | Item | {{.item_zh}} | {{.item_en}} | left | 5
| 情况 | State | {{.state_zh}} | {{.state_en}} | left | 4
{% endtable %}

{% else %}

zh: {{facility.organisation.zh}}未提供碳排放管理情况（监测计划、化验、内部审核和减排目标）。
en: The {{facility.organisation.en}} gave no account of its carbon management (monitoring plan, laboratory analysis, internal review and targets).

{% endif %}

{% if count(findings[? .rule == "carbon_monitoring_plan_missing" or .rule == "carbon_monitoring_plan_needed" or .rule == "carbon_content_not_tested" or .rule == "carbon_laboratory_not_accredited" or .rule == "carbon_internal_review_missing" or .rule == "carbon_targets_missing" or .rule == "process_default_large" or .rule == "carbon_uncertainty_high" or .rule == "recovery_without_evidence" or .rule == "green_electricity_market_based" or .rule == "allowance_shortfall" or .rule == "allowance_surplus"]) > 0 %}

zh: 碳排放管理与数据质量方面的审计发现：
en: Findings on carbon management and data quality:

{% for findings[? .rule == "carbon_monitoring_plan_missing" or .rule == "carbon_monitoring_plan_needed" or .rule == "carbon_content_not_tested" or .rule == "carbon_laboratory_not_accredited" or .rule == "carbon_internal_review_missing" or .rule == "carbon_targets_missing" or .rule == "process_default_large" or .rule == "carbon_uncertainty_high" or .rule == "recovery_without_evidence" or .rule == "green_electricity_market_based" or .rule == "allowance_shortfall" or .rule == "allowance_surplus"] %}

{% include finding-item.tpl %}

{% endfor %}

{% endif %}
