#! ch04-metering.tpl — 能源计量与统计 / Metering and statistics (GB 17167).

# 能源计量与统计 | Metering and statistics

zh: 依据{{metering.standard}}《用能单位能源计量器具配备和管理通则》，审计组核查了{{facility.organisation.zh}}能源计量器具的配备率和准确度等级。计量级别：一级为进出用能单位，二级为进出主要次级用能单位，三级为主要用能设备。
en: The audit team checked the coverage and accuracy classes of the {{facility.organisation.en}}'s energy meters against {{metering.standard}}. Levels: 1, the boundary of the organisation; 2, the main secondary energy-using units; 3, the main energy-using equipment.

## 计量器具配备率 | Metering coverage

{% if count(metering.coverage) > 0 %}

{% table metering.coverage | 能源计量器具配备率 | Metering coverage by level and carrier %}
| 计量级别 | Level | {{.level|#}} | | center | 1
| 能源品种 | Carrier | {{.name_zh}} | {{.name_en}} | left | 3
| 应配（个） | Required | {{.required_points|#}} | | number | 1.5
| 实配（个） | Installed | {{.installed|#}} | | number | 1.5
| 配备率 | Coverage | {{.rate|%}} | | number | 1.5
| 要求配备率 | Required rate | {{.required_rate|%}} | | number | 1.5
{% endtable %}
note: zh: 注：配备率 = 实配数量 / 应配数量 × 100%（{{metering.standard}} 表3）。 | en: Note: coverage = installed / required × 100 % ({{metering.standard}} Table 3).

{% if count(metering.coverage[? .ok == false]) > 0 %}

zh: 配备率未达到标准要求的项目如下：
en: Coverage below the required rate:

{% for metering.coverage[? .ok == false] %}

- zh: {{.level|#}}级 {{.name_zh}}：配备率{{.rate|%}}（实配{{.installed|#}}个/应配{{.required_points|#}}个），要求{{.required_rate|%}}。
  en: Level {{.level|#}}, {{.name_en}}: {{.rate|%}} ({{.installed|#}} of {{.required_points|#}} installed) against {{.required_rate|%}} required.

{% endfor %}

{% else %}

zh: 各级各类能源计量器具的配备率均达到标准要求。
en: Coverage meets the required rate at every level and for every carrier.

{% endif %}

{% else %}

zh: 审计数据未提供计量点信息，无法评价配备率。
en: The audit data give no metering points: coverage cannot be assessed.

{% endif %}

## 计量器具准确度等级与检定 | Accuracy classes and calibration

{% if count(metering.accuracy) > 0 %}

zh: 审计组按{{metering.standard}}表4逐台核对了在用计量器具的准确度等级：一级计量器具按表4，二级、三级计量器具按第4.3.9、4.3.10条引用表4，其中电能表可比同类用户低一个档次；衡器按静态称重或动态称重分别要求。检定（校准）状态按审计期末判定。
en: The audit team checked the accuracy class of every meter in use against {{metering.standard}} Table 4: level-1 meters against Table 4, level-2 and level-3 meters against Table 4 by reference (clauses 4.3.9 and 4.3.10), electricity meters there one grade lower than for the same user class; weighing instruments by static or dynamic weighing. Calibration is judged at the end of the audit period.

{% table metering.accuracy | 能源计量器具准确度等级核对 | Check of the accuracy classes of the energy meters %}
| 编号 | Meter | {{.meter}} | | center | 0.9
| 级别 | Level | {{.level|#}} | | center | 0.85
| 计量器具类别 | Instrument | {{.instrument_zh}} | {{.instrument_en}} | left | 2.75
| 器具类型 | Kind | {{.kind_zh}} | {{.kind_en}} | left | 1.7
| 等级 | Class | {{.class}} | | center | 0.9
| 要求 | Required | {{.required_class}} | | center | 1.5
| 核对结果 | Check | {{.check_zh}} | {{.check_en}} | center | 1.3
| 检定（校准） | Calibration | {{.calibration_zh}} | {{.calibration_en}} | left | 1.9
{% endtable %}
note: zh: 注：要求等级见{{metering.standard}} 表4；电能表按用户类别确定要求等级，二级、三级电能表可低一个档次；“器具类型”为空者按该能源品种唯一或通常的器具核对。 | en: Note: required classes per {{metering.standard}} Table 4; electricity meters by user class, one grade lower at levels 2 and 3; a meter with no kind given is checked as the carrier's only or usual instrument.

{% if count(metering.accuracy[? .ok == false]) > 0 %}

zh: 准确度等级低于要求的计量器具如下：
en: Meters below the required accuracy class:

{% for metering.accuracy[? .ok == false] %}

- zh: {{.meter}}（{{.meter_name_zh}}，{{.instrument_zh}}）：准确度等级{{.class}}，要求不低于{{.required_class}}。
  en: {{.meter}} ({{.meter_name_en}}, {{.instrument_en}}): class {{.class}}, {{.required_class}} or better required.

{% endfor %}

{% else %}

zh: 可核对的计量器具的准确度等级均满足标准要求。
en: Every meter that could be checked meets the required accuracy class.

{% endif %}

{% if count(metering.accuracy[? .status == "cannot_check" or .status == "not_stated"]) > 0 %}

zh: 以下计量器具的准确度等级无法判定：
en: The accuracy class of the following meters cannot be checked:

{% for metering.accuracy[? .status == "cannot_check" or .status == "not_stated"] %}

- zh: {{.meter}}（{{.meter_name_zh}}）：{{.reason_zh}}。
  en: {{.meter}} ({{.meter_name_en}}): {{.reason_en}}.

{% endfor %}

{% endif %}

{% endif %}

{% if count(metering.missing) > 0 %}

## 应配而未配计量器具的计量点 | Metering points without a meter

zh: 以下计量点应配备能源计量器具而未配备：
en: The following metering points require a meter and have none:

{% for metering.missing %}

- zh: 第{{.level|#}}级 {{.meter}}：{{.meter_name_zh}}（{{.name_zh}}）
  en: Level {{.level|#}}, {{.meter}}: {{.meter_name_en}} ({{.name_en}})

{% endfor %}

{% endif %}

## 能源统计 | Energy statistics

{% if energy.monthly.complete %}

zh: {{facility.organisation.zh}}各能源品种均有逐月计量统计数据，逐月用能情况见“能源消费”一章。
en: Every carrier has monthly metered data; the monthly figures are in the chapter on energy consumption.

{% else %}

zh: 部分能源品种只有年度数据，未实现逐月统计；逐月用能分析只涵盖有逐月数据的品种。
en: Some carriers have annual data only; the monthly analysis covers only the carriers recorded monthly.

{% endif %}

## 审计发现 | Findings

{% if count(findings[? .rule == "metering_coverage_short" or .rule == "meter_class_too_coarse" or .rule == "meter_class_missing" or .rule == "meter_kind_missing" or .rule == "meter_kind_assumed" or .rule == "meter_not_in_table" or .rule == "meter_calibration_overdue" or .rule == "meter_calibration_missing" or .rule == "meter_calibration_no_due" or .rule == "metering_point_without_meter" or .rule == "metering_coverage_full" or .rule == "monthly_data_incomplete"]) > 0 %}

{% for findings[? .rule == "metering_coverage_short" or .rule == "meter_class_too_coarse" or .rule == "meter_class_missing" or .rule == "meter_kind_missing" or .rule == "meter_kind_assumed" or .rule == "meter_not_in_table" or .rule == "meter_calibration_overdue" or .rule == "meter_calibration_missing" or .rule == "meter_calibration_no_due" or .rule == "metering_point_without_meter" or .rule == "metering_coverage_full" or .rule == "monthly_data_incomplete"] %}

{% include finding-item.tpl %}

{% endfor %}

{% else %}

zh: 本章范围内未发现问题。
en: No findings in the scope of this chapter.

{% endif %}
