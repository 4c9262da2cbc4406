#! appendix-c-data.tpl — 原始数据 / Input data.
#! The figures of the facility file as the audit used them (inputs.*):
#! the meter list with each reading, monthly readings, stock counts,
#! production (monthly where given) and prices as written; then the
#! carriers' purchased, supplied and consumed quantities computed from them.

#C 原始数据 | Input data

zh: 本附录列出审计计算所用的原始数据：计量器具清单及各计量点的审计期读数（逐月读数单列）、库存盘点、产品产量（逐月产量单列）和能源结算单价。数据由审计组与{{facility.organisation.zh}}统计台账和结算凭证逐项核对；审计数据文件随本报告存档备查。
en: This appendix lists the input data of the audit: the meters with each metering point's reading for the audit period (monthly readings in tables of their own), the stock counts, the product outputs (by month where given) and the settlement prices. The audit team checked them item by item against the {{facility.organisation.en}}'s statistics ledgers and settlements; the audit data file is archived with this report.

## 计量器具及读数 | Meters and readings

{% table inputs.meters | 计量器具清单及审计期读数 | Meters and their readings in the audit period %}
| 编号 | Meter | {{.meter}} | | center | 1.1
| 名称 | Name | {{.meter_name_zh}} | {{.meter_name_en}} | left | 3
| 能源品种 | Carrier | {{.name_zh}} | {{.name_en}} | left | 1.5
| 级别 | Level | {{.level|#}} | | center | 1
| 准确度等级 | Class | {{.accuracy}} | | center | 1
| 计量位置（从→到） | From → to | {{.from_zh}}→{{.to_zh}} | {{.from_en}} → {{.to_en}} | left | 2.8
| 审计期读数 | Reading | {{.quantity|0.00}} | | number | 2.8
| 单位 | Unit | {{.unit}} | | center | 1.1
{% endtable %}
note: zh: 注：级别按GB 17167（1：进出用能单位，2：主要次级用能单位，3：主要用能设备）；“—”表示应配而未配计量器具。 | en: Note: levels by GB 17167 (1: the organisation's boundary, 2: main sub-units, 3: main equipment); "—" marks a required metering point without a meter.

{% for inputs.meters[? count(.monthly) > 0] %}

{% table .monthly | {{.meter}} {{.meter_name_zh}}逐月读数（{{.unit}}） | {{.meter}} {{.meter_name_en}}: monthly readings ({{.unit}}) %}
| 月份 | Month | {{.month}} | | center | 1.5
| 读数 | Reading | {{.quantity|0.00}} | | number | 2
{% endtable %}

{% endfor %}

## 库存盘点 | Stock counts

{% if count(inputs.stock) > 0 %}

{% table inputs.stock | 期初与期末库存 | Opening and closing stock %}
| 能源品种 | Carrier | {{.name_zh}} | {{.name_en}} | left | 2.5
| 单位 | Unit | {{.unit}} | | center | 1
| 期初库存 | Opening | {{.opening|0.00}} | | number | 2
| 期末库存 | Closing | {{.closing|0.00}} | | number | 2
{% endtable %}

{% else %}

zh: 审计数据文件未给出库存盘点数据（各能源品种的库存变化按零计）。
en: The audit data file gives no stock counts (no carrier's stock is taken to change).

{% endif %}

## 产品产量 | Production

{% if count(inputs.products) > 0 %}

{% table inputs.products | 审计期产品产量 | Production in the audit period %}
| 产品 | Product | {{.name_zh}} | {{.name_en}} | left | 3.5
| 产量 | Output | {{.quantity|0.00}} | | number | 2
| 单位 | Unit | {{.unit}} | | center | 1
{% endtable %}

{% for inputs.products[? count(.monthly) > 0] %}

{% table .monthly | {{.name_zh}}逐月产量（{{.unit}}） | {{.name_en}}: output by month ({{.unit}}) %}
| 月份 | Month | {{.month}} | | center | 1.5
| 产量 | Output | {{.quantity|0.00}} | | number | 2
{% endtable %}

{% endfor %}

{% else %}

zh: 审计数据文件未列出产品。
en: The audit data file lists no products.

{% endif %}

## 能源价格 | Energy prices

{% if count(inputs.prices) > 0 %}

{% table energy.carriers | 能源结算单价 | Settlement prices of energy %}
{% where exists(.price_cny) %}
| 能源品种 | Carrier | {{.name_zh}} | {{.name_en}} | left | 2.5
| 单价 | Price | {{.price_cny|0.0000}} | | number | 2
| 单位 | Unit | {{.price_unit_zh}} | {{.price_unit_en}} | center | 1.4
| 增值税 | VAT | {{.price_vat_zh}} | {{.price_vat_en}} | center | 1.4
{% endtable %}

{% else %}

zh: 审计数据文件未给出能源价格。
en: The audit data file gives no energy prices.

{% endif %}

## 能源购销存数据 | Energy purchased, supplied and stocked

{% table energy.carriers | 审计期能源购入、外供与库存变化 | Energy purchased, supplied and stock change in the audit period %}
| 能源品种 | Carrier | {{.name_zh}} | {{.name_en}} | left | 2.5
| 单位 | Unit | {{.unit}} | | center | 1.3
| 购入量 | Purchased | {{.purchased|0.00}} | | number | 2.2
| 外供量 | Supplied to others | {{.sold|0.00}} | | number | 2.2
| 库存减少量 | Stock decrease | {{.stock_change|0.00}} | | number | 2
| 自产量 | Produced on site | {{.produced|0.00}} | | number | 2.2
| 消费量 | Consumed | {{.consumed|0.00}} | | number | 2.2
{% endtable %}
note: zh: 注：库存减少量 = 期初库存 − 期末库存；消费量 = 购入量 − 外供量 + 库存减少量；自产量为厂内加工转换单元的产出（如余热发电），仅供参考。 | en: Note: stock decrease = opening − closing stock; consumed = purchased − supplied + stock decrease; produced on site is the output of conversion units (such as waste-heat power), for reference.
