#! ch10-savings.tpl — 节能量 / Energy savings (GB/T 13234). Only with a baseline.

{% if count(savings.products) > 0 %}

# 节能量 | Energy savings

zh: 按GB/T 13234《用能单位节能量计算方法》，以{{savings.base_from}}至{{savings.base_to}}为基期，计算审计期的产品节能量和产值节能量。本报告中节能量以正值表示节约、负值表示多用能。
en: Under GB/T 13234 (Calculation methods for energy savings of energy-using organisations), the product and output-value savings of the audit period are computed against the base period {{savings.base_from}} to {{savings.base_to}}. In this report a positive saving means energy saved, a negative one energy used in excess.

## 产品节能量 | Product energy savings

{% table savings.products | 产品节能量 | Product energy savings %}
| 产品 | Product | {{.name_zh}} | {{.name_en}} | left | 3
| 基期单耗（kgce/单位） | Base period (kgce/unit) | {{.base_unit_consumption_kgce|0.000}} | | number | 2
| 审计期单耗（kgce/单位） | Audit period (kgce/unit) | {{.unit_consumption_kgce|0.000}} | | number | 2
| 单耗下降率 | Reduction | {{.saving_rate|%}} | | number | 1.5
| 节能量（tce） | Saving (tce) | {{.saving_tce|0.00}} | | number | 2
{% total %}
| 合计 | Total
| |
| |
| |
| {{savings.product_saving_tce|0.00}} |
{% endtable %}
note: zh: 注：产品节能量 = （基期单位产品综合能耗 − 审计期单位产品综合能耗）× 审计期产量 / 1000（GB/T 13234；标准以相反符号表示同一差值）。合计按多品种产品节能量加和；被其他产品使用的中间产品（如水泥所用熟料）已计入使用它的产品，合计中只计其余下的产量，不重复计算。 | en: Note: product saving = (base-period unit consumption − audit-period unit consumption) × audit-period output / 1000 (GB/T 13234, which writes the same difference with the opposite sign). The total adds the products' savings; an intermediate product used by another (clinker in cement) is already in the product that uses it, so the total counts only the rest of its output, not twice.

{% if count(savings.products[? .comparable == false]) > 0 %}

note: zh: 注：节能量为“—”的产品，审计期单耗与基期相差3倍以上，两期统计边界可能不同，未计算节能量（见本章审计发现）。 | en: Note: where the saving is “—”, the audit-period unit consumption differs from the base period's by more than 3 times; the two periods probably have different boundaries and no saving is computed (see the findings of this chapter).

{% endif %}

## 产值节能量 | Output-value energy savings

{% if savings.output_value_comparable == false %}

zh: 审计期万元产值综合能耗为{{energy.intensity.tce_per_10k_cny_output|0.000}} tce/万元，为基期的{{savings.output_value_ratio|0.00}}倍；相差3倍以上，两期口径可能不同，未计算产值节能量（见本章审计发现）。
en: Energy per 10⁴ CNY of output value in the audit period was {{energy.intensity.tce_per_10k_cny_output|0.000}} tce, {{savings.output_value_ratio|0.00}} times the base period's; with a difference of more than 3 times the two periods are probably on different bases, and no output-value saving is computed (see the findings of this chapter).

{% else %}

zh: 按万元产值综合能耗计算，审计期较基期的产值节能量为{{savings.output_value_saving_tce|0.00}} tce。审计期万元产值综合能耗为{{energy.intensity.tce_per_10k_cny_output|0.000}} tce/万元。
en: Computed from energy per 10⁴ CNY of output value, the output-value saving against the base period is {{savings.output_value_saving_tce|0.00}} tce. Energy per 10⁴ CNY of output value in the audit period was {{energy.intensity.tce_per_10k_cny_output|0.000}} tce.

{% endif %}

note: zh: 注：产值节能量 = （基期万元产值综合能耗 − 审计期万元产值综合能耗）× 审计期工业总产值（万元）。 | en: Note: output-value saving = (base-period − audit-period energy per 10⁴ CNY of output value) × audit-period output value (10⁴ CNY).

## 审计发现 | Findings

{% if count(findings[? .rule == "intensity_increased" or .rule == "product_unit_consumption_increased" or .rule == "product_savings_achieved" or .rule == "base_period_not_comparable" or .rule == "base_intensity_not_comparable"]) > 0 %}

{% for findings[? .rule == "intensity_increased" or .rule == "product_unit_consumption_increased" or .rule == "product_savings_achieved" or .rule == "base_period_not_comparable" or .rule == "base_intensity_not_comparable"] %}

{% include finding-item.tpl %}

{% endfor %}

{% else %}

zh: 本章范围内未发现问题。
en: No findings in the scope of this chapter.

{% endif %}

{% endif %}
