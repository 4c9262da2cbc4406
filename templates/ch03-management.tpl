#! ch03-management.tpl — 能源管理 / Energy management.
#! The obligations that follow from the results, then what the facility
#! file's `management:` section states (organisation, targets, management
#! system, meter management, online monitoring, obsolete equipment, the
#! previous audit's measures) with the figures computed beside it, and the
#! findings on management. A part the file does not give is said to be
#! missing; without the section the chapter says so once.

# 能源管理 | Energy management

## 能源管理要求 | Management requirements

{% if energy.total_tce >= 10000 tce %}

zh: {{facility.organisation.zh}}审计期综合能耗{{energy.total_tce|0.00}} tce，属重点用能单位。按《中华人民共和国节约能源法》和《重点用能单位节能管理办法》，{{facility.organisation.zh}}应设立能源管理岗位、聘任能源管理负责人并报节能主管部门备案，建立能源计量、统计和节能目标责任制度，每年报送能源利用状况报告，并定期开展能源审计。
en: With {{energy.total_tce|0.00}} tce in the audit period the {{facility.organisation.en}} is a key energy-using organisation. Under the Energy Conservation Law and the Measures for the energy conservation management of key energy-using organisations it must establish energy management posts, appoint an energy manager registered with the energy conservation authority, run systems for energy metering, statistics and target responsibility, report its energy use every year and be audited regularly.

{% else %}

zh: {{facility.organisation.zh}}审计期综合能耗{{energy.total_tce|0.00}} tce，未达到重点用能单位1万吨标准煤的界限；{{facility.organisation.zh}}仍应按《中华人民共和国节约能源法》建立节能目标责任制和能源计量、统计制度。
en: With {{energy.total_tce|0.00}} tce in the audit period the {{facility.organisation.en}} is below the 10,000 tce of a key energy-using organisation; it must nevertheless keep energy-saving target responsibility and energy metering and statistics systems under the Energy Conservation Law.

{% endif %}

{% if carbon.ets.reaches_threshold %}

zh: {{facility.organisation.zh}}年排放量{{carbon.ets.annual_tco2|0.00}} tCO2，达到全国碳排放权交易市场重点排放单位的纳入门槛（{{carbon.ets.threshold_tco2|0}} tCO2e）；{{facility.organisation.zh}}的碳排放管理应与能源管理统筹安排，详见“碳排放审计”一章。
en: Annual emissions of {{carbon.ets.annual_tco2|0.00}} tCO2 reach the threshold of a key emitting entity of the national emissions trading scheme ({{carbon.ets.threshold_tco2|0}} tCO2e); carbon management should be organised together with energy management (see the chapter on the carbon audit).

{% endif %}

{% if management.provided %}

## 能源管理组织 | Energy management organisation

{% if exists(management.organisation) %}

{% keyvalue | 能源管理组织与能源管理负责人 | Energy management organisation and energy manager %}
| 能源管理部门 | Energy management department | {{management.organisation.department.zh}} | | {{management.organisation.department.en}} |
| 能源管理负责人 | Energy manager | {{management.organisation.manager.name.zh}} | | {{management.organisation.manager.name.en}} |
| 职务 | Post | {{management.organisation.manager.post.zh}} | | {{management.organisation.manager.post.en}} |
| 备案编号 | Registration number | {{management.organisation.manager.registration}} |
| 备案日期 | Registered on | {{management.organisation.manager.registered}} |
| 能源管理人员 | Energy management staff | {{management.organisation.staff_text_zh}} | | {{management.organisation.staff_text_en}} |
{% endkeyvalue %}

{% else %}

zh: {{facility.organisation.zh}}未提供能源管理机构和能源管理负责人的情况。
en: The {{facility.organisation.en}} gave no account of its energy management organisation or energy manager.

{% endif %}

## 节能目标及完成情况 | Energy-saving targets and their completion

{% if exists(management.targets) %}

zh: 审计期的实际值按本报告计算结果确定（综合能耗、万元产值或增加值综合能耗），此前年度的实际值由{{facility.organisation.zh}}提供。
en: The audit period's actuals are this report's results (total energy consumption, energy per 10⁴ CNY of output or value added); earlier years' actuals are the {{facility.organisation.en}}'s.

{% if count(management.targets[? .kind == "total"]) > 0 %}

{% table management.targets | 能源消费总量控制目标完成情况 | Ceilings of total energy consumption %}
{% where .kind == "total" %}
| 期间 | Period | {{.period_zh}} | {{.period_en}} | center | 1.4
| 控制目标（tce） | Ceiling (tce) | {{.target|0.00}} | | number | 1.8
| 实际（tce） | Actual (tce) | {{.actual|0.00}} | | number | 1.8
| 占目标 | Share of ceiling | {{.used|%}} | | number | 1.3
| 时间进度 | Time elapsed | {{.time_progress|%0}} | | number | 1.2
| 结论 | Status | {{.status_zh}} | {{.status_en}} | center | 1.5
{% endtable %}
note: zh: 注：五年目标的总量控制值针对目标期末年度，审计期实际按年计；时间进度为审计年度末已过的目标期比例。 | en: Note: a five-year ceiling is for the final year of its period; the audit period's actual is a year's; time elapsed is the share of the period over by the end of the audit year.

{% endif %}

{% if count(management.targets[? .kind == "intensity"]) > 0 %}

{% table management.targets | 能耗强度下降目标完成情况 | Targets of energy-intensity reduction %}
{% where .kind == "intensity" %}
| 期间 | Period | {{.period_zh}} | {{.period_en}} | center | 1.7
| 指标 | Indicator | {{.kind_zh}} | {{.kind_en}} | left | 2.4
| 目标降幅 | Target | {{.target|%}} | | number | 1.1
| 实际降幅 | Actual | {{.actual|%}} | | number | 1.1
| 完成率 | Completion | {{.completion|%}} | | number | 1.4
| 结论 | Status | {{.status_zh}} | {{.status_en}} | center | 1.5
{% endtable %}
note: zh: 注：完成率 = 实际降幅 ÷ 目标降幅 × 100%；审计期实际降幅 = 1 − 审计期能耗强度 ÷ 基期能耗强度。 | en: Note: completion = actual reduction ÷ target reduction × 100 %; the audit period's reduction = 1 − its intensity ÷ the base year's.

{% endif %}

{% else %}

zh: {{facility.organisation.zh}}未提供节能目标（五年目标和年度目标）及其完成情况。
en: The {{facility.organisation.en}} gave no energy-saving targets (five-year or yearly) or their completion.

{% endif %}

## 能源管理体系 | Energy management system

{% if exists(management.system) %}

{% if management.system.certified %}

zh: {{facility.organisation.zh}}按{{management.system.standard_zh}}建立能源管理体系并通过认证：证书编号{{management.system.certificate}}，认证机构{{management.system.body.zh}}，发证日期{{management.system.certified_on}}，有效期至{{management.system.valid_until}}。
en: The {{facility.organisation.en}} runs an energy management system certified to {{management.system.standard_en}}: certificate {{management.system.certificate}}, issued by {{management.system.body.en}} on {{management.system.certified_on}}, valid until {{management.system.valid_until}}.

{% else %}

{% if management.system.standard == "none" %}

zh: {{facility.organisation.zh}}未建立能源管理体系。
en: The {{facility.organisation.en}} has no energy management system.

{% else %}

zh: {{facility.organisation.zh}}按{{management.system.standard_zh}}建立能源管理体系，未经认证；最近一次自我评价日期：{{management.system.self_assessed_on}}。
en: The {{facility.organisation.en}} runs an energy management system to {{management.system.standard_en}}, not certified; last self-assessment: {{management.system.self_assessed_on}}.

{% endif %}

{% endif %}

{% if exists(management.system.elements) %}

{% table management.system.elements | 能源管理要素（GB/T 15587） | Elements of energy management (GB/T 15587) %}
| 要素 | Element | {{.name_zh}} | {{.name_en}} | left | 4
| 情况 | Status | {{.status_zh}} | {{.status_en}} | center | 1.5
{% endtable %}

{% endif %}

{% else %}

zh: {{facility.organisation.zh}}未提供能源管理体系的情况。
en: The {{facility.organisation.en}} gave no account of an energy management system.

{% endif %}

## 能源计量管理 | Management of energy metering

{% if exists(management.meter_management) %}

{% keyvalue | 能源计量管理（GB 17167第5章） | Management of energy metering (GB 17167, clause 5) %}
| 能源计量管理制度 | Metering management system | {{management.meter_management.system|是否}} | | {{management.meter_management.system|yesno}} |
| 计量管理人员 | Metering staff | {{management.meter_management.staff|#}}人 | | {{management.meter_management.staff|plural person/people}} |
| 计量器具一览表和档案 | List and records of meters | {{management.meter_management.ledger|是否}} | | {{management.meter_management.ledger|yesno}} |
| 检定（校准）记录 | Calibration records | {{management.meter_management.calibration_records|是否}} | | {{management.meter_management.calibration_records|yesno}} |
| 计量数据记录和统计台账 | Records of metering data | {{management.meter_management.data_records|是否}} | | {{management.meter_management.data_records|yesno}} |
| 在用计量器具 | Meters in use | {{management.meter_management.meters_in_use|#}}台 | | {{management.meter_management.meters_in_use|plural meter}} |
| 检定（校准）有效 | Calibration valid | {{management.meter_management.calibration_valid|#}}台 | | {{management.meter_management.calibration_valid|plural meter}} |
| 检定（校准）超期 | Calibration overdue | {{management.meter_management.calibration_overdue|#}}台 | | {{management.meter_management.calibration_overdue|plural meter}} |
| 无检定（校准）记录 | No calibration on record | {{management.meter_management.calibration_without_record|#}}台 | | {{management.meter_management.calibration_without_record|plural meter}} |
{% endkeyvalue %}
note: zh: 注：前五项为{{facility.organisation.zh}}的说明，后四项为“能源计量与统计”一章逐台核查的结果。 | en: Note: the first five rows are the {{facility.organisation.en}}'s statement, the last four the meter-by-meter check of the chapter on metering.

{% else %}

zh: {{facility.organisation.zh}}未提供能源计量管理制度、人员和记录的情况；计量器具的逐台核查见“能源计量与统计”一章。
en: The {{facility.organisation.en}} gave no account of its metering management system, staff and records; the meter-by-meter check is in the chapter on metering.

{% endif %}

## 能耗在线监测 | Online energy monitoring

{% if exists(management.online_monitoring) %}

{% if management.online_monitoring.connected %}

zh: {{facility.organisation.zh}}已于{{management.online_monitoring.connected_on}}接入{{management.online_monitoring.platform.zh}}，上传数据采集点{{management.online_monitoring.data_points|#}}个。
en: The {{facility.organisation.en}} was connected to the {{management.online_monitoring.platform.en}} on {{management.online_monitoring.connected_on}}, uploading {{management.online_monitoring.data_points|plural data point}}.

{% else %}

zh: {{facility.organisation.zh}}未接入重点用能单位能耗在线监测系统。
en: The {{facility.organisation.en}} is not connected to the online energy-monitoring system of key energy-using organisations.

{% endif %}

{% else %}

zh: {{facility.organisation.zh}}未提供能耗在线监测系统的接入情况。
en: The {{facility.organisation.en}} gave no account of its connection to the online energy-monitoring system.

{% endif %}

## 淘汰设备核查 | Check against the obsolete-equipment catalogues

{% if exists(management.obsolete) %}

{% if management.obsolete.checked %}

zh: {{facility.organisation.zh}}于{{management.obsolete.checked_on}}对照以下目录核查了在用用能设备：
en: On {{management.obsolete.checked_on}} the {{facility.organisation.en}} checked its equipment in use against these catalogues:

{% for management.obsolete.catalogues %}

- zh: {{.zh}}
  en: {{.en}}

{% endfor %}

{% if count(management.obsolete.found) > 0 %}

{% table management.obsolete.found | 列入淘汰目录的在用设备 | Equipment in use on an obsolete-equipment catalogue %}
| 序号 | No. | {{.no|#}} | | center | 0.6
| 设备 | Equipment | {{.name_zh}} | {{.name_en}} | left | 3
| 目录 | Catalogue | {{.catalogue_zh}} | {{.catalogue_en}} | left | 1.4
| 处置计划 | Plan | {{.plan_zh}} | {{.plan_en}} | left | 3
| 期限 | Deadline | {{.deadline}} | | center | 1.4
{% endtable %}

{% else %}

zh: {{facility.organisation.zh}}核查未发现列入淘汰目录的在用设备。
en: The {{facility.organisation.en}} found no equipment in use on a catalogue.

{% endif %}

{% else %}

zh: {{facility.organisation.zh}}未对照淘汰目录核查在用用能设备。
en: The {{facility.organisation.en}} has not checked its equipment in use against the obsolete-equipment catalogues.

{% endif %}

{% if count(management.obsolete.catalogue_listed) > 0 %}

zh: 按“主要用能设备”一章对照规则所收淘汰目录的核对，以下在用设备列入淘汰目录：
en: By the chapter on equipment, checked against the catalogues in the rules, these items in use are listed as obsolete:

{% for management.obsolete.catalogue_listed %}

- zh: {{.name_zh}}：《{{.catalogue_zh}}》{{.entry_zh}}
  en: {{.name_en}}: {{.catalogue_en}}, {{.entry_en}}

{% endfor %}

{% endif %}

{% if count(management.obsolete.below_limit) > 0 %}

zh: 按“主要用能设备”一章的评价，以下设备低于能效限定值：
en: By the chapter on equipment, these items are below their efficiency limit:

{% for management.obsolete.below_limit %}

- zh: {{.name_zh}}（{{.standard}}）
  en: {{.name_en}} ({{.standard}})

{% endfor %}

{% endif %}

{% else %}

zh: {{facility.organisation.zh}}未提供对照淘汰目录核查在用设备的情况。
en: The {{facility.organisation.en}} gave no account of a check of its equipment against the obsolete-equipment catalogues.

{% endif %}

## 上次能源审计措施落实情况 | Follow-up of the previous audit's measures

{% if exists(management.previous_audit) %}

{% if count(management.previous_audit.measures) > 0 %}

{% table management.previous_audit.measures | 上次能源审计措施落实情况 | The previous audit's measures %}
| 编号 | ID | {{.id}} | | center | 0.8
| 措施 | Measure | {{.name_zh}} | {{.name_en}} | left | 3.2
| 计划节能量（tce） | Planned (tce) | {{.planned_tce|0.00}} | | number | 1.5
| 落实情况 | Implemented | {{.implemented_zh}} | {{.implemented_en}} | center | 1.5
| 实现节能量（tce） | Achieved (tce) | {{.saving_tce|0.00}} | | number | 1.5
| 实现比例 | Share | {{.achieved|%}} | | number | 1.2
{% total %}
| 合计 | Total
| |
| {{management.previous_audit.planned_tce|0.00}} |
| |
| {{management.previous_audit.saving_tce|0.00}} |
| |
{% endtable %}
note: zh: 注：上次能源审计报告日期{{management.previous_audit.report_date}}；实现节能量由{{facility.organisation.zh}}提供。 | en: Note: the previous audit reported on {{management.previous_audit.report_date}}; the savings achieved are the {{facility.organisation.en}}'s.

{% endif %}

{% else %}

zh: {{facility.organisation.zh}}未提供上次能源审计所提措施的落实情况。
en: The {{facility.organisation.en}} gave no account of the follow-up of the previous audit's measures.

{% endif %}

{% else %}

## 能源管理现状 | Energy management as found

zh: 审计数据未包含{{facility.organisation.zh}}能源管理的情况（能源管理组织和能源管理负责人、节能目标及完成情况、能源管理体系、能源计量管理、能耗在线监测、淘汰设备核查、上次审计措施的落实），本章不作评价；{{facility.organisation.zh}}应按上述要求补充提供。
en: The audit data contain no account of the {{facility.organisation.en}}'s energy management (organisation and energy manager, energy-saving targets and their completion, management system, metering management, online monitoring, the check against the obsolete-equipment catalogues, follow-up of the previous audit's measures), so this chapter does not assess them; the {{facility.organisation.en}} should provide them.

{% endif %}

## 能源统计与费用核算 | Energy statistics and cost accounting

{% if count(energy.monthly.carriers) == 0 %}

zh: 审计期内{{facility.organisation.zh}}共使用{{count(energy.carriers)|#}}种能源（含耗能工质），其中{{count(energy.carriers[? exists(.price_cny)])|#}}种有结算价格可用于能源成本核算；各种能源均无逐月购入数据，只有年度数据。
en: The {{facility.organisation.en}} used {{count(energy.carriers)|plural energy carrier}} (working media included) in the audit period, {{count(energy.carriers[? exists(.price_cny)])|#}} of them with a settlement price for the energy cost accounts; none has monthly purchase data, only annual figures.

{% else %}

zh: 审计期内{{facility.organisation.zh}}共使用{{count(energy.carriers)|#}}种能源（含耗能工质），其中{{count(energy.carriers[? exists(.price_cny)])|#}}种有结算价格可用于能源成本核算，{{count(energy.monthly.carriers)|#}}种有逐月购入数据。
en: The {{facility.organisation.en}} used {{count(energy.carriers)|plural energy carrier}} (working media included) in the audit period, {{count(energy.carriers[? exists(.price_cny)])|#}} of them with a settlement price for the energy cost accounts and {{count(energy.monthly.carriers)|#}} with monthly purchase data.

{% endif %}

## 审计发现 | Findings

{% if count(findings[? .rule == "large_energy_user" or .rule == "missing_prices" or .rule == "energy_manager_not_registered" or .rule == "energy_target_not_met" or .rule == "energy_target_behind" or .rule == "ems_none" or .rule == "ems_certificate_expired" or .rule == "ems_elements_missing" or .rule == "meter_management_no_system" or .rule == "meter_management_no_staff" or .rule == "meter_management_no_ledger" or .rule == "meter_management_no_data_records" or .rule == "meter_records_contradicted" or .rule == "online_monitoring_not_connected" or .rule == "online_monitoring_no_data" or .rule == "obsolete_not_checked" or .rule == "obsolete_equipment_found" or .rule == "obsolete_catalogue_unlisted" or .rule == "obsolete_below_limit_unlisted" or .rule == "previous_measure_not_implemented" or .rule == "previous_measure_partly" or .rule == "previous_measure_short"]) > 0 %}

{% for findings[? .rule == "large_energy_user" or .rule == "missing_prices" or .rule == "energy_manager_not_registered" or .rule == "energy_target_not_met" or .rule == "energy_target_behind" or .rule == "ems_none" or .rule == "ems_certificate_expired" or .rule == "ems_elements_missing" or .rule == "meter_management_no_system" or .rule == "meter_management_no_staff" or .rule == "meter_management_no_ledger" or .rule == "meter_management_no_data_records" or .rule == "meter_records_contradicted" or .rule == "online_monitoring_not_connected" or .rule == "online_monitoring_no_data" or .rule == "obsolete_not_checked" or .rule == "obsolete_equipment_found" or .rule == "obsolete_catalogue_unlisted" or .rule == "obsolete_below_limit_unlisted" or .rule == "previous_measure_not_implemented" or .rule == "previous_measure_partly" or .rule == "previous_measure_short"] %}

{% include finding-item.tpl %}

{% endfor %}

{% else %}

zh: 本章范围内未发现问题。
en: No findings in the scope of this chapter.

{% endif %}
