#! ch03-management.tpl — 能源管理 / Energy management.
#! The input has no organisation, responsibilities or targets yet; this
#! chapter states the obligations that follow from the results and lists the
#! findings on management. A firm adds its interview notes here.

# 能源管理 | Energy management

## 能源管理要求 | Management requirements

{% if energy.total_tce >= 10000 tce %}

zh: 企业审计期综合能耗{{energy.total_tce|0.00}} tce，属重点用能单位。按《中华人民共和国节约能源法》和《重点用能单位节能管理办法》，企业应设立能源管理岗位、聘任能源管理负责人并报节能主管部门备案，建立能源计量、统计和节能目标责任制度，每年报送能源利用状况报告，并定期开展能源审计。
en: With {{energy.total_tce|0.00}} tce in the audit period the enterprise is a key energy-using organisation. Under the Energy Conservation Law and the Measures for the energy conservation management of key energy-using organisations it must establish energy management posts, appoint an energy manager registered with the energy conservation authority, run systems for energy metering, statistics and target responsibility, report its energy use every year and be audited regularly.

{% else %}

zh: 企业审计期综合能耗{{energy.total_tce|0.00}} tce，未达到重点用能单位1万吨标准煤的界限；企业仍应按《中华人民共和国节约能源法》建立节能目标责任制和能源计量、统计制度。
en: With {{energy.total_tce|0.00}} tce in the audit period the enterprise is below the 10,000 tce of a key energy-using organisation; it must nevertheless keep energy-saving target responsibility and energy metering and statistics systems under the Energy Conservation Law.

{% endif %}

{% if carbon.ets.reaches_threshold %}

zh: 企业年排放量{{carbon.ets.annual_tco2|0.00}} tCO2，达到全国碳排放权交易市场重点排放单位的纳入门槛（{{carbon.ets.threshold_tco2|0}} tCO2e）；企业的碳排放管理应与能源管理统筹安排，详见“碳排放审计”一章。
en: Annual emissions of {{carbon.ets.annual_tco2|0.00}} tCO2 reach the threshold of a key emitting entity of the national emissions trading scheme ({{carbon.ets.threshold_tco2|0}} tCO2e); carbon management should be organised together with energy management (see the chapter on the carbon audit).

{% endif %}

## 能源统计与费用核算 | Energy statistics and cost accounting

zh: 审计期内企业共使用{{count(energy.carriers)|#}}种能源（含耗能工质），其中{{count(energy.carriers[? exists(.price_cny)])|#}}种有结算价格可用于能源成本核算。逐月统计情况：{{count(energy.monthly.carriers)|#}}种能源有逐月购入数据。
en: The enterprise used {{count(energy.carriers)|plural energy carrier}} (working media included) in the audit period; a settlement price for the energy cost accounts: {{count(energy.carriers[? exists(.price_cny)])|#}} of them. Monthly statistics: monthly purchase data for {{count(energy.monthly.carriers)|plural carrier}}.

## 审计发现 | Findings

{% if count(findings[? .rule == "large_energy_user" or .rule == "missing_prices"]) > 0 %}

{% for findings[? .rule == "large_energy_user" or .rule == "missing_prices"] %}

{% include finding-item.tpl %}

{% endfor %}

{% else %}

zh: 本章范围内未发现问题。
en: No findings in the scope of this chapter.

{% endif %}
