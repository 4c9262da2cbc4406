#! lighting.tpl — the lighting power density of facility.lighting's rooms
#! (benchmark.lighting[]) against GB 50034's current and target values, and
#! its findings. Included by ch07 for buildings and for other facilities.

{% if count(benchmark.lighting) > 0 %}

## 照明功率密度 | Lighting power density

zh: 照明功率密度（LPD）为房间或场所一般照明的安装功率（含镇流器、驱动电源等附属电器）除以其面积，与照明设计标准的现行值（强制限值）和目标值比较；不超过限值即达到该值。
en: The lighting power density (LPD) is the installed power of a room's general lighting, ballasts and drivers included, divided by its area, compared with the lighting design standard's current value (the mandatory limit) and target value; a room at or below a value meets it.

{% table benchmark.lighting | 照明功率密度对比 | Lighting power density against the limits %}
| 场所 | Room | {{.name_zh}} | {{.name_en}} | left | 3.0
| 面积 m² | Area m² | {{.area|0}} | | number | 1.8
| 功率 kW | Power kW | {{.power_kw|0.00}} | | number | 1.7
| LPD W/m² | LPD W/m² | {{.lpd|0.00}} | | number | 1.7
| 现行值 | Current | {{.current|0.0}} | | number | 1.6
| 目标值 | Target | {{.target|0.0}} | | number | 1.6
| 结论 | Result | {{.result_zh}} | {{.result_en}} | center | 2.6
{% endtable %}
note: zh: 注：“—”表示规则未录入该值（见下文）。限值按GB 50034-2024各表录入，与审计期适用的版本无关。 | en: Note: "—" means the rules do not hold that value (see below). The limits are GB 50034-2024's tables, whatever edition applied in the audit period.

{% for benchmark.lighting %}

{% if exists(.current_note_zh) %}

note: zh: {{.name_zh}}（{{.room_zh}}）：{{.current_note_zh}}；只与目标值比较。 | en: {{.name_en}} ({{.room_en}}): {{.current_note_en}}; compared with the target value only.

{% endif %}

{% if exists(.accent_allowance) %}

note: zh: {{.name_zh}}装设重点照明：按{{.standard}}第6.3.6条，其限值增加{{.accent_allowance|0.0}} W/m²，表中为增加后的值。 | en: Accent lighting in {{.name_en}}: under {{.standard}} 6.3.6 the limits rise by {{.accent_allowance|0.0}} W/m², as the table shows them.

{% endif %}

{% if exists(.decorative_power_kw) %}

note: zh: {{.name_zh}}另有装饰性灯具{{.decorative_power_kw|0.00}} kW，按第6.3.18条以50%计入照明功率密度。 | en: Decorative luminaires in {{.name_en}}: {{.decorative_power_kw|0.00}} kW, half of which counts in the lighting power density (6.3.18).

{% endif %}

{% endfor %}

{% endif %}
