#! group/report.tpl — the group report of `auditgen rollup` (issue 13,
#! "Groups"): the consolidated totals of a group file's facilities by the
#! group's approach, the facilities ranked by intensity and grade with
#! each one's share, the sales between them that were netted out, and the
#! facilities left out (invalid files) or of another data year. The paths
#! are those of the group results (README.md, "Groups").

{% cover %}

zh: {{group.name.zh}}
en: {{group.name.en}}

zh: 集团能源消费与碳排放合并报告
en: Consolidated Energy and Carbon Report of the Group

zh: 合并方法：{{group.approach_zh}}
en: Consolidation approach: {{group.approach_en}}

{% if exists(period.from) %}

zh: 数据期：{{period.from}} 至 {{period.to}}
en: Data period: {{period.from}} to {{period.to}}

{% endif %}

{% endcover %}

# 合并范围与方法 | Consolidation boundary and approach

zh: 本报告按温室气体核算体系企业标准（GHG Protocol Corporate Standard）第3章的{{group.approach_zh}}合并集团所属{{group.facilities|#}}家企业的能源消费与二氧化碳排放，同一方法用于每一家企业：股权比例法按持股比例计入；运营控制权法和财务控制权法对集团拥有该控制权的企业全额计入，否则不计入。
en: This report consolidates the energy use and CO2 emissions of the group's {{group.facilities|plural facility/facilities}} by {{group.approach_en}} (GHG Protocol Corporate Standard, chapter 3), one approach for every facility: equity share counts each facility at the group's equity; operational and financial control count a facility in full when the group has that control, and not at all otherwise.

{% table facilities | 纳入合并的企业 | Facilities consolidated %}
| 代号 | Id | {{.id}} | | left | 1.6
| 企业名称 | Facility | {{.name_zh}} | {{.name_en}} | left | 3.2
| 股权比例 | Equity | {{.equity|%}} | | number | 1.2
| 运营控制权 | Operational control | {{.operational_control|是否}} | {{.operational_control|yesno}} | center | 1.3
| 财务控制权 | Financial control | {{.financial_control|是否}} | {{.financial_control|yesno}} | center | 1.3
| 计入比例 | Weight | {{.weight|%}} | | number | 1.2
{% endtable %}
note: zh: 注：计入比例由合并方法确定，同一企业的能源消费、范围一和范围二排放及其对集团内企业的售出均按同一比例计入。 | en: Note: the weight follows from the approach; a facility's energy use, Scope 1 and Scope 2 emissions and its sales to other facilities of the group all count at that one weight.

# 合并结果 | Consolidated totals

{% keyvalue | 集团合并能源消费与排放 | The group's consolidated energy use and emissions %}
| 综合能源消费量（tce） | Total energy consumption (tce) | {{energy.total_tce|0.00}} |
| 各企业按比例计入之和（tce） | Sum of the weighted facilities (tce) | {{energy.facilities_tce|0.00}} |
| 集团内部购售调整（tce） | Adjustment for sales within the group (tce) | {{energy.internal_adjustment_tce|0.00}} |
| 范围一排放（tCO2） | Scope 1 emissions (tCO2) | {{carbon.scope1.total_tco2|0.00}} |
| 范围二排放（tCO2） | Scope 2 emissions (tCO2) | {{carbon.scope2.total_tco2|0.00}} |
| 二氧化碳排放总量（tCO2） | Total CO2 emissions (tCO2) | {{carbon.total_tco2|0.00}} |
| 万元产值综合能耗（tce/万元） | Energy per 10⁴ CNY of output (tce) | {{energy.intensity.tce_per_10k_cny_output|0.000}} |
{% endkeyvalue %}
note: zh: 注：集团内一家企业售给另一家企业的电力、热力或蒸汽只计一次：售方扣除的售出量和购方计入的购入量按两者计入比例中较小者同时剔除。万元产值综合能耗在任一计入企业缺少产值时不计算。 | en: Note: electricity, heat or steam sold by one facility of the group to another counts once: the seller's deduction of the sale and the buyer's purchase are both taken out for the smaller of their two weights. The energy per output value is not computed when a facility counted has no output value.

{% if count(energy.carriers) > 0 %}

{% table energy.carriers | 集团外购与外售能源（按比例） | Energy bought and sold by the group (weighted) %}
| 能源品种 | Carrier | {{.carrier}} | | left | 2
| 单位 | Unit | {{.unit}} | | center | 1
| 从集团外购入 | Bought from outside the group | {{.purchased|0.00}} | | number | 2.2
| 售出集团外 | Sold outside the group | {{.sold|0.00}} | | number | 2.2
| 集团内购售（已剔除） | Sold within the group (netted out) | {{.internal|0.00}} | | number | 2.2
{% endtable %}

{% endif %}

# 各企业能效排名 | Facilities ranked by energy intensity

zh: 下表按万元产值综合能耗由低到高排列各企业，能耗相同者按对标等级排列；占比为各企业按比例计入的能源消费量和排放量占各企业计入之和的比例（集团内部购售调整前）。
en: The facilities below are ranked from the lowest energy use per 10⁴ CNY of output to the highest, ties by their benchmark grade; the shares are each facility's weighted energy use and emissions as a part of the sum over the facilities (before the adjustment for sales within the group).

{% table ranking | 企业排名 | Facilities ranked %}
| 名次 | Rank | {{.rank|#}} | | center | 0.8
| 企业 | Facility | {{.name_zh}} | {{.name_en}} | left | 3
| 万元产值综合能耗（tce/万元） | Energy per 10⁴ CNY (tce) | {{.intensity_tce_per_10k_cny|0.000}} | | number | 1.6
| 对标等级 | Benchmark grade | {{.grade_zh}} | {{.grade_en}} | center | 1.6
| 综合能耗（tce） | Energy (tce) | {{.total_tce|0.00}} | | number | 1.8
| 能耗占比 | Energy share | {{.share|%}} | | number | 1.2
| 排放量（tCO2） | Emissions (tCO2) | {{.total_tco2|0.00}} | | number | 1.8
| 排放占比 | Emissions share | {{.co2_share|%}} | | number | 1.2
{% endtable %}
note: zh: 注：综合能耗和排放量为企业自身数值；占比按计入比例计算。对标等级取企业各产品中最差者。 | en: Note: energy and emissions are each facility's own figures; the shares are at its weight. The benchmark grade is the worst of the facility's products.

{% if count(internal_sales) > 0 %}

# 集团内部购售 | Sales within the group

{% table internal_sales | 集团内企业之间的购售 | Sales between facilities of the group %}
| 售方 | Seller | {{.seller}} | | left | 1.6
| 购方 | Buyer | {{.buyer}} | | left | 1.6
| 能源品种 | Carrier | {{.carrier}} | | left | 1.4
| 售出量 | Quantity | {{.quantity|0.00}} | | number | 1.6
| 单位 | Unit | {{.unit}} | | center | 0.8
| 剔除比例 | Share netted | {{.netted_share|%}} | | number | 1.2
| 能耗调整（tce） | Energy adjustment (tce) | {{.energy_adjustment_tce|0.00}} | | number | 1.8
| 范围二调整（tCO2） | Scope 2 adjustment (tCO2) | {{.scope2_adjustment_tco2|0.00}} | | number | 1.8
{% endtable %}
note: zh: 注：能耗调整 = 剔除比例 ×（售方按其折标系数扣除的量 − 购方按其折标系数计入的量）；范围二调整同理按双方的排放因子计算。 | en: Note: energy adjustment = share netted × (what the seller deducted at its coefficient − what the buyer counted at its coefficient); the Scope 2 adjustment likewise at the two sides' emission factors.

{% endif %}

{% if count(invalid) + count(years_differ) > 0 %}

# 数据问题 | Data issues

{% for invalid %}

- zh: {{.file}}：文件有{{.errors|#}}处错误，未纳入合并。
  en: {{.file}}: the file has {{.errors|plural error}} and is left out of the totals.

{% endfor %}

{% for years_differ %}

- zh: {{.name_zh}}的数据期为{{.from}}至{{.to}}，与集团数据期（{{period.from}}至{{period.to}}）不同，仍按其数据计入。
  en: {{.name_en}} reports for {{.from}} to {{.to}}, not the group's data period ({{period.from}} to {{period.to}}); its figures are counted as they are.

{% endfor %}

{% endif %}
