#! ch02-enterprise.tpl — 企业概况 / The enterprise.
#! Capacity and process come from facility.capacity and facility.process;
#! the equipment list is the facility file's equipment (inputs.equipment).

# 企业概况 | The enterprise

## 基本情况 | General information

zh: {{facility.name.zh}}（以下简称“企业”）是本次审计的对象。企业基本情况见下表。
en: {{facility.name.en}} ("the enterprise") is the subject of this audit. Its general data are given below.

{% keyvalue | 企业基本情况 | General data of the enterprise %}
| 企业名称 | Name (Chinese) | {{facility.name.zh}} |
| 企业英文名称 | Name (English) | {{facility.name.en}} |
| 统一社会信用代码 | Unified social credit code | {{facility.credit_code}} |
| 地址 | Address | {{facility.address.zh}} | | {{facility.address.en}} |
| 所属行业（GB/T 4754-2017） | Industry (GB/T 4754-2017) | {{facility.industry_label.zh}} | | {{facility.industry_label.en}} |
| 所在省份 | Province | {{facility.province_name.zh}} | | {{facility.province_name.en}} |
| 工业总产值 | Gross output value | {{facility.output_value_10k_cny|0.00}} | 万元 | | 10⁴ CNY
| 工业增加值 | Value added | {{facility.value_added_10k_cny|0.00}} | 万元 | | 10⁴ CNY
| 职工人数 | Employees | {{facility.employees|#}} 人 | | {{facility.employees|plural person/persons}} |
| 建筑面积 | Floor area | {{facility.floor_area_m2|0}} | m²
| 综合能耗（当量值） | Comprehensive energy consumption (equivalent value) | {{energy.total_tce|0.00}} | tce
{% endkeyvalue %}
note: zh: 注：“—”表示未提供。 | en: Note: "—" means not given.

{% if energy.total_tce >= 10000 tce %}

zh: 审计期内企业综合能耗{{energy.total_tce|0.00}} tce，达到1万吨标准煤，属于《中华人民共和国节约能源法》第五十二条规定的重点用能单位。
en: The enterprise's comprehensive energy consumption in the audit period was {{energy.total_tce|0.00}} tce, at least 10,000 tce: it is a key energy-using organisation under Article 52 of the Energy Conservation Law.

{% endif %}

## 生产规模与工艺 | Capacity and process

{% if count(facility.capacity) > 0 %}

{% table facility.capacity | 设计生产能力 | Design capacity %}
| 生产线或装置 | Line or plant | {{.name_zh}} | {{.name_en}} | left | 4
| 设计能力 | Capacity | {{.value}} | {{.value_en}} | number | 2
{% endtable %}

{% endif %}

{% if exists(facility.process) %}

zh: 生产工艺：{{facility.process.zh}}
en: Process: {{facility.process.en}}

{% endif %}

## 主要产品及产量 | Products and output

{% if count(energy.products) > 0 %}

{% table energy.products | 审计期主要产品产量 | Output of the main products in the audit period %}
| 产品 | Product | {{.name_zh}} | {{.name_en}} | left | 4
| 产量 | Output | {{.quantity|0.00}} | | number | 2
| 单位 | Unit | {{.unit}} | | center | 1
| 综合能耗（tce） | Energy (tce) | {{.energy_tce|0.00}} | | number | 2
{% endtable %}
note: zh: 注：产品综合能耗含分摊的辅助、附属生产系统能耗，上游自产中间产品（如熟料）的能耗计入下游产品，故各产品能耗之和可大于企业综合能耗。 | en: Note: a product's energy includes its share of auxiliary and ancillary systems; an intermediate product made on site (e.g. clinker) is counted again in the product that uses it, so the products' energy may add up to more than the enterprise total.

{% else %}

zh: 本次审计的数据文件未列出产品。
en: The audit data list no products.

{% endif %}

## 主要用能设备 | Main energy-using equipment

{% if count(inputs.equipment) > 0 %}

{% table inputs.equipment | 主要用能设备 | Main energy-using equipment %}
| 编号 | ID | {{.id}} | | center | 0.8
| 设备 | Equipment | {{.name_zh}} | {{.name_en}} | left | 4
| 类别 | Kind | {{.kind_zh}} | {{.kind_en}} | left | 2.2
| 额定容量 | Rating | {{.capacity}} | | number | 1.4
| 所在用能单元 | Unit | {{.unit_zh}} | {{.unit_en}} | left | 2.4
{% endtable %}
note: zh: 注：设备能效对标见“主要用能设备”一章；“—”表示未提供。 | en: Note: the equipment is compared with the efficiency standards in the chapter on the main energy-using equipment; "—" means not given.

{% else %}

zh: 本次审计的数据文件未列出主要用能设备。
en: The audit data list no main energy-using equipment.

{% endif %}

## 主要用能单元与能源流程 | Process units and energy flow

zh: 企业按GB/T 16616划分的用能单元（购入储存、加工转换、输送分配、最终使用）及其计量点见审计数据文件；各能源品种的输入、最终使用和损失见“能源消费”一章的能量平衡表。下图按GB/T 16616和GB/T 28749的格式，分购入贮存、加工转换、输送分配和最终使用四栏绘出企业能流图：各能源品种经加工转换单元（如锅炉、汽轮发电机组、余热电站）和输送分配管网流向主要最终使用单元，分出损失和外供能源（按当量值折标准煤，单位tce；单元内部转换的能源不重复计入；余热电站等没有计量投入的转换单元，其产出来自回收余热余能）。
en: The enterprise's energy-using units by GB/T 16616 stage (purchase and storage, conversion, distribution, end use) and their metering points are listed in the audit data file; the input, end use and losses of each carrier are in the energy balance table of the chapter on energy consumption. The diagram follows GB/T 16616 and GB/T 28749 in four columns, purchase and storage, conversion, distribution and end use: each carrier flows through the conversion units (boilers, turbine-generators, waste-heat power) and its distribution network to the main end-use units, with the losses and the energy supplied to others branching off (tce at equivalent value; energy converted inside a unit is not counted twice; the output of a conversion unit without metered input, such as waste-heat power, comes from recovered waste heat).

{% chart flow | 企业能流图 | Energy flow of the enterprise %}
