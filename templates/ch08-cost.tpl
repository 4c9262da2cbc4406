#! ch08-cost.tpl — 能源成本 / Energy cost.

# 能源成本 | Energy cost

{% if exists(energy.cost.total_cny) %}

zh: 审计期内{{facility.organisation.zh}}外购能源费用合计{{energy.cost.total_cny / 10000|0.00}}万元（{{energy.cost.vat_zh}}），万元产值能源成本{{energy.cost.cny_per_10k_cny_output|0.00}}元。各能源品种费用按购入量乘以结算单价计算，见下表。
en: Purchased energy cost the {{facility.organisation.en}} {{energy.cost.total_cny / 10000|0.00}} × 10⁴ CNY in the audit period ({{energy.cost.vat_en}}), or {{energy.cost.cny_per_10k_cny_output|0.00}} CNY per 10⁴ CNY of output value. Each carrier's cost is the quantity purchased times its settlement price, as tabulated below.

{% table energy.carriers | 分能源品种费用 | Energy cost by carrier %}
{% where exists(.cost_cny) %}
| 能源品种 | Carrier | {{.name_zh}} | {{.name_en}} | left | 2.6
| 单位 | Unit | {{.purchased|qunit .unit}} | {{.purchased|qunit_en .unit}} | center | 1.2
| 购入量 | Purchased | {{.purchased|qty .unit}} | | number | 2.1
| 单价 | Price | {{.price_cny|0.0000}} {{.price_unit_zh}} | {{.price_cny|0.0000}} {{.price_unit_en}} | number | 2.4
| 增值税 | VAT | {{.price_vat_zh}} | {{.price_vat_en}} | center | 1.3
| 费用（万元） | Cost (10⁴ CNY) | {{.cost_cny / 10000|0.00}} | | number | 1.8
| 费用占比 | Share of cost | {{.cost_cny / energy.cost.total_cny|%}} | | number | 1.4
{% total %}
| 合计 | Total
| |
| |
| |
| |
| {{energy.cost.total_cny / 10000|0.00}} |
| {{sum(energy.carriers[].cost_cny) / energy.cost.total_cny|%}} |
{% endtable %}
note: zh: 注：单价为审计期结算均价，按{{facility.organisation.zh}}提供的数据，是否含增值税按{{facility.organisation.zh}}所给注明；费用 = 购入量 × 单价。 | en: Note: prices are the average settlement prices of the period as given by the {{facility.organisation.en}}, with or without VAT as it states; cost = purchased × price.

{% if count(energy.carriers[? not exists(.price_cny) and .purchased > 0]) > 0 %}

zh: 以下外购能源未提供价格，未计入能源费用：
en: The following purchased carriers have no price and are not in the cost:

{% for energy.carriers[? not exists(.price_cny) and .purchased > 0] %}

- zh: {{.name_zh}}
  en: {{.name_en}}

{% endfor %}

{% endif %}

## 单位产品能源成本 | Energy cost per unit of product

{% if count(energy.cost.products) > 0 %}

{% table energy.cost.products | 单位产品能源成本 | Energy cost per unit of product %}
| 产品 | Product | {{.name_zh}} | {{.name_en}} | left | 3
| 能源成本（万元） | Energy cost (10⁴ CNY) | {{.energy_cost_cny / 10000|0.00}} | | number | 2.5
| 单位产品能源成本 | Per unit of product | {{.cny_per_unit|0.00}} | | number | 2
| 单位 | Unit | {{.per_unit_zh}} | {{.per_unit_en}} | center | 1.4
{% endtable %}
note: zh: 注：产品能源成本按产品所耗各能源的实物量乘以单价计算，包括分摊的辅助、附属生产系统；自产的二次能源（如自备锅炉、热电站所产蒸汽、电力）按其生产所耗能源的费用计价，外购与自产并用的按两者的加权平均；使用自产中间产品的，按中间产品的单位能源成本计入。 | en: Note: a product's energy cost is the quantity of each carrier it uses times its price, including its share of auxiliary and ancillary systems; energy made on site (steam or power of the site's boiler house or CHP) is priced at what the energy it was made from cost, and a carrier both bought and made at the weighted average of the two; an intermediate product made on site enters at its own unit energy cost.

{% endif %}

{% else %}

zh: {{facility.organisation.zh}}未提供能源价格，本章从略。
en: The {{facility.organisation.en}} gave no energy prices; this chapter is omitted.

{% endif %}
