#! ch02-enterprise.tpl — 企业概况 / The enterprise.
#! Capacity and process come from facility.capacity and facility.process;
#! the equipment list is the facility file's equipment (inputs.equipment).

# {{facility.organisation.zh}}概况 | The {{facility.organisation.en}}

## 基本情况 | General information

zh: {{facility.name.zh}}（以下简称“{{facility.organisation.zh}}”）是本次审计的对象。{{facility.organisation.zh}}基本情况见下表。
en: {{facility.name.en}} ("the {{facility.organisation.en}}") is the subject of this audit. Its general data are given below.

{% keyvalue | {{facility.organisation.zh}}基本情况 | General data of the {{facility.organisation.en}} %}
| {{facility.organisation.zh}}名称 | Name (Chinese) | {{facility.name.zh}} |
| {{facility.organisation.zh}}英文名称 | Name (English) | {{facility.name.en}} |
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

zh: 审计期内{{facility.organisation.zh}}综合能耗{{energy.total_tce|0.00}} tce，达到1万吨标准煤，属于《中华人民共和国节约能源法》第五十二条规定的重点用能单位。
en: The {{facility.organisation.en}}'s comprehensive energy consumption in the audit period was {{energy.total_tce|0.00}} tce, at least 10,000 tce: it is a key energy-using organisation under Article 52 of the Energy Conservation Law.

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

{% if facility.is_building == false %}

## 主要产品及产量 | Products and output

{% if count(energy.products) > 0 %}

{% table energy.products | 审计期主要产品产量 | Output of the main products in the audit period %}
| 产品 | Product | {{.name_zh}} | {{.name_en}} | left | 4
| 产量 | Output | {{.quantity|0.00}} | | number | 2
| 单位 | Unit | {{.unit}} | | center | 1
| 综合能耗（tce） | Energy (tce) | {{.energy_tce|0.00}} | | number | 2
{% endtable %}
note: zh: 注：产品综合能耗含分摊的辅助、附属生产系统能耗，上游自产中间产品（如熟料）的能耗计入下游产品，故各产品能耗之和可大于{{facility.organisation.zh}}综合能耗。 | en: Note: a product's energy includes its share of auxiliary and ancillary systems; an intermediate product made on site (e.g. clinker) is counted again in the product that uses it, so the products' energy may add up to more than the {{facility.organisation.en}} total.

{% else %}

zh: 本次审计的数据文件未列出产品。
en: The audit data list no products.

{% endif %}

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

{% if facility.is_building %}

## 建筑概况 | The building

{% if exists(facility.building_type) %}

- zh: 建筑类型：{{facility.building_type_name.zh}}
  en: Kind of building: {{facility.building_type_name.en}}

{% endif %}

{% if exists(facility.hospital_grade) %}

- zh: 医院等级：{{facility.hospital_grade_name.zh}}
  en: Hospital grade: {{facility.hospital_grade_name.en}}

{% endif %}

{% if exists(facility.climate_zone) %}

- zh: 建筑热工设计分区（GB 50176）：{{facility.climate_zone_name.zh}}
  en: Climate zone (GB 50176): {{facility.climate_zone_name.en}}

{% endif %}

{% if exists(facility.ventilation) %}

- zh: GB/T 51161建筑分类：{{facility.ventilation_name.zh}}
  en: GB/T 51161 class: {{facility.ventilation_name.en}}

{% endif %}

{% if exists(facility.floor_area_m2) %}

- zh: 建筑面积：{{facility.floor_area_m2|0}} m²
  en: Floor area: {{facility.floor_area_m2|0}} m²

{% endif %}

{% if exists(facility.occupants) %}

- zh: 用能人数：{{facility.occupants|0}}人
  en: Occupants: {{facility.occupants|0}}

{% endif %}

{% if exists(facility.beds) %}

- zh: 床位数：{{facility.beds|0}}张
  en: Beds: {{facility.beds|0}}

{% endif %}

{% if exists(facility.bed_days) %}

- zh: 实际占用总床日数：{{facility.bed_days|0}}床日
  en: Occupied bed-days: {{facility.bed_days|0}}

{% endif %}

{% if exists(facility.outpatient_visits) %}

- zh: 门急诊人次：{{facility.outpatient_visits|0}}人次
  en: Outpatient and emergency visits: {{facility.outpatient_visits|0}}

{% endif %}

{% if exists(facility.students) %}

- zh: 学生人数：{{facility.students|0}}人
  en: Students: {{facility.students|0}}

{% endif %}

{% if exists(facility.operating_hours) %}

- zh: 年使用时间：{{facility.operating_hours|0}} h
  en: Hours of use a year: {{facility.operating_hours|0}} h

{% endif %}

## 建筑用能系统与能源流程 | Building systems and energy flow

zh: 建筑按用能系统（暖通空调、照明及插座、生活热水、厨房、电梯、信息机房、医疗设备等）划分的用能单元及其计量点见审计数据文件；各能源品种的输入、最终使用和损失见“能源消费”一章的能量平衡表。下图按GB/T 16616的格式绘出建筑能流图：各能源品种经变配电、燃气调压等输送分配系统流向各用能系统；没有分项计量的部分列为建筑末端用能（未分项计量），没有出口计量的锅炉房等转换单元按其用途列为供暖或特殊用能（按当量值折标准煤，单位tce）。
en: The building's systems (HVAC, lighting and sockets, hot water, kitchen, lifts, data room, medical equipment and the like) and their metering points are listed in the audit data file; the input, end use and losses of each carrier are in the energy balance table of the chapter on energy consumption. The diagram follows GB/T 16616: each carrier flows through the substation, the gas station and the like to the building's systems; what no meter divides is shown as the building's end uses (not sub-metered), and a boiler house without metered output ends in the use it serves, heating or special use (tce at equivalent value).

{% else %}

## 主要用能单元与能源流程 | Process units and energy flow

zh: {{facility.organisation.zh}}按GB/T 16616划分的用能单元（购入储存、加工转换、输送分配、最终使用）及其计量点见审计数据文件；各能源品种的输入、最终使用和损失见“能源消费”一章的能量平衡表。下图按GB/T 16616和GB/T 28749的格式，分购入贮存、加工转换、输送分配和最终使用四栏绘出{{facility.organisation.zh}}能流图：各能源品种经加工转换单元（如锅炉、汽轮发电机组、余热电站）和输送分配管网流向主要最终使用单元，分出损失和外供能源（按当量值折标准煤，单位tce；单元内部转换的能源不重复计入；余热电站等没有计量投入的转换单元，其产出来自回收余热余能）。
en: The {{facility.organisation.en}}'s energy-using units by GB/T 16616 stage (purchase and storage, conversion, distribution, end use) and their metering points are listed in the audit data file; the input, end use and losses of each carrier are in the energy balance table of the chapter on energy consumption. The diagram follows GB/T 16616 and GB/T 28749 in four columns, purchase and storage, conversion, distribution and end use: each carrier flows through the conversion units (boilers, turbine-generators, waste-heat power) and its distribution network to the main end-use units, with the losses and the energy supplied to others branching off (tce at equivalent value; energy converted inside a unit is not counted twice; the output of a conversion unit without metered input, such as waste-heat power, comes from recovered waste heat).

{% endif %}

{% if facility.is_building %}

{% chart flow | 建筑能流图 | Energy flow of the building %}

{% else %}

{% chart flow | {{facility.organisation.zh}}能流图 | Energy flow of the {{facility.organisation.en}} %}

{% endif %}
