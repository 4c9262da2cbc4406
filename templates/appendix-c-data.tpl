#! appendix-c-data.tpl — 原始数据 / Input data.
#! The results tree echoes only part of the facility file: the carriers'
#! quantities and the meters' accuracy classes. Meter readings, units and
#! stock lines need the input echoed in the results.

#C 原始数据 | Input data

zh: 本附录汇总审计计算所用的能源实物量数据。完整的计量器具清单、各计量点的逐月读数、用能单元划分、库存盘点和产品产量等原始数据载于企业的审计数据文件，由审计组与企业统计台账和结算凭证逐项核对，随本报告存档备查。
en: This appendix summarises the physical energy quantities used in the audit. The full meter list, the monthly readings of each metering point, the energy-using units, the stock counts and the product outputs are in the enterprise's audit data file; the audit team checked them item by item against the enterprise's statistics ledgers and settlements, and the file is archived with this report.

## 能源购销存数据 | Energy purchased, supplied and stocked

{% table energy.carriers | 审计期能源购入、外供与库存变化 | Energy purchased, supplied and stock change in the audit period %}
| 能源品种 | Carrier | {{.name_zh}} | {{.name_en}} | left | 2.5
| 单位 | Unit | {{.unit}} | | center | 1
| 购入量 | Purchased | {{.purchased|0.00}} | | number | 2.2
| 外供量 | Supplied to others | {{.sold|0.00}} | | number | 2.2
| 库存减少量 | Stock decrease | {{.stock_change|0.00}} | | number | 2
| 自产量 | Produced on site | {{.produced|0.00}} | | number | 2.2
| 消费量 | Consumed | {{.consumed|0.00}} | | number | 2.2
{% endtable %}
note: zh: 注：库存减少量 = 期初库存 − 期末库存；消费量 = 购入量 − 外供量 + 库存减少量；自产量为厂内加工转换单元的产出，仅供参考。 | en: Note: stock decrease = opening − closing stock; consumed = purchased − supplied + stock decrease; produced on site is the output of conversion units, for reference.

## 计量器具 | Meters

{% if count(metering.accuracy) > 0 %}

{% table metering.accuracy | 计量器具及准确度等级 | Meters and accuracy classes %}
| 编号 | Meter | {{.meter}} | | center | 1
| 能源品种 | Carrier | {{.name_zh}} | {{.name_en}} | left | 1.8
| 计量器具类别 | Instrument | {{.instrument_zh}} | {{.instrument_en}} | left | 4
| 准确度等级 | Class | {{.class}} | | center | 1.2
| 要求等级 | Required | {{.required_class}} | | center | 1.2
{% endtable %}

{% else %}

zh: 审计数据文件未给出计量器具的准确度等级。
en: The audit data file gives no accuracy classes.

{% endif %}
