#! ch01-scope.tpl — 审计事项说明 / Scope of the audit.

# 审计事项说明 | Scope of the audit

## 审计目的 | Purpose

zh: 通过对{{facility.name.zh}}能源利用全过程的检测、核查、分析和评价，摸清{{facility.organisation.zh}}能源消费结构、用能水平和能源管理状况，核算{{facility.organisation.zh}}二氧化碳排放，查找用能和计量方面存在的问题，挖掘节能潜力并提出技术上可行、经济上合理的节能降碳措施，为{{facility.organisation.zh}}加强能源管理、完成节能目标和碳排放管理提供依据。
en: By examining, verifying, analysing and evaluating the whole chain of energy use at {{facility.name.en}}, the audit establishes the {{facility.organisation.en}}'s energy consumption structure, its level of energy use and the state of its energy management; accounts for its carbon dioxide emissions; identifies shortcomings in energy use and metering; and quantifies the saving potential with measures that are technically feasible and economically sound, as a basis for the {{facility.organisation.en}}'s energy management, its energy-saving targets and its carbon management.

## 审计边界与审计期 | Boundary and period

{% if facility.is_building %}

zh: 审计边界为{{facility.name.zh}}（统一社会信用代码{{facility.credit_code}}）建筑范围内的全部用能系统（暖通空调、照明及插座、动力、生活热水、厨房和特殊用能等），以进出建筑的能源计量点为界。外购能源按购入量计，向外供出的能源按供出量扣减（{{standards_applied[gbt2589].designation}}）。
en: The boundary comprises all energy-using systems of {{facility.name.en}} (unified social credit code {{facility.credit_code}}) within its buildings (HVAC, lighting and sockets, power, hot water, kitchen, special use and the like), delimited by the energy metering points where energy enters the buildings. Purchased energy is counted as purchased; energy supplied to others is deducted ({{standards_applied[gbt2589].designation}}).

{% else %}

zh: 审计边界为{{facility.name.zh}}（统一社会信用代码{{facility.credit_code}}）厂区范围内的全部生产系统、辅助生产系统和附属生产系统，以进出厂区边界的能源计量点为界。外购能源按购入量计，向外供出的能源按供出量扣减（{{standards_applied[gbt2589].designation}}）。
en: The boundary comprises all production, auxiliary and ancillary systems of {{facility.name.en}} (unified social credit code {{facility.credit_code}}) within the site, delimited by the energy metering points at the site boundary. Purchased energy is counted as purchased; energy supplied to others is deducted ({{standards_applied[gbt2589].designation}}).

{% endif %}

zh: 审计期为{{period.from}}至{{period.to}}，共{{period.days|#}}天（{{period.months|#}}个月）。
en: The audit period runs from {{period.from}} to {{period.to}}: {{period.days|plural day}} ({{period.months|plural month}}).

{% if exists(savings.base_from) %}

zh: 节能量计算的基期为{{savings.base_from}}至{{savings.base_to}}（GB/T 13234）。
en: The base period for energy savings is {{savings.base_from}} to {{savings.base_to}} (GB/T 13234).

{% endif %}

## 审计依据 | Basis of the audit

zh: 本次审计依据的主要法规和标准如下（标准均注明版本）：
en: The audit is based on the following laws and standards (editions stated):

- zh: 《中华人民共和国节约能源法》；《重点用能单位节能管理办法》
  en: Energy Conservation Law of the People's Republic of China; Measures for the energy conservation management of key energy-using organisations

{% for standards_applied %}

- zh: {{.designation}}《{{.title_zh}}》
  en: {{.designation}} {{.title_en}}

{% endfor %}

- zh: 《碳排放权交易管理办法（试行）》（生态环境部令第19号）
  en: Measures for the Administration of Carbon Emission Trading (Trial), MEE Order No. 19

zh: 各标准按审计期末（方法标准按报告日期）有效的版本适用；所采用的版本及其实施日期见附录B。
en: Each standard applies in the edition in force at the end of the audit period (standards of method: on the report date); the editions and their dates of entry into force are listed in Appendix B.

## 审计方法 | Methods

{% if facility.is_building %}

zh: 审计采用资料核查、现场调查、计量数据统计分析和必要的测试相结合的方法：核查能源购入、消耗和外供的原始记录与计量数据；按能源品种核算综合能耗（当量值、等价值）；按GB 17167核查计量器具的配备率和准确度等级；按建筑面积、用能人数、床位数等核算建筑能耗指标并与能耗定额对标；按设备能效标准评价主要用能设备；按GB/T 32150核算化石燃料燃烧和外购电力、热力的二氧化碳排放；对节能措施进行节能量、减排量和经济性分析。
en: The audit combines a review of records, site investigation, statistical analysis of metered data and tests where needed: the original records and metered data of energy purchased, consumed and supplied were checked; comprehensive energy consumption was computed per carrier (equivalent and equal value); metering coverage and accuracy classes were checked against GB 17167; the building's indicators per floor area, occupant, bed and the like were computed and compared with the energy quotas; the main energy-using equipment was evaluated against its efficiency standards; CO2 from fuel combustion and purchased electricity and heat was accounted under GB/T 32150; and each energy-saving measure was assessed for its energy saving, CO2 reduction and economics.

{% else %}

zh: 审计采用资料核查、现场调查、计量数据统计分析和必要的测试相结合的方法：核查{{facility.organisation.zh}}能源购入、消耗、库存和外供的原始记录与计量数据；按能源品种核算综合能耗（当量值、等价值）；按GB 17167核查计量器具的配备率和准确度等级；按产品核算单位产品综合能耗并与能耗限额标准对标；按设备能效标准评价主要用能设备；按GB/T 32150核算化石燃料燃烧、工业生产过程和外购电力、热力的二氧化碳排放；对节能措施进行节能量、减排量和经济性分析。
en: The audit combines a review of records, site investigation, statistical analysis of metered data and tests where needed: the original records and metered data of energy purchased, consumed, stocked and supplied were checked; comprehensive energy consumption was computed per carrier (equivalent and equal value); metering coverage and accuracy classes were checked against GB 17167; unit energy consumption was computed per product and compared with the limit standards; the main energy-using equipment was evaluated against its efficiency standards; CO2 from fuel combustion, industrial processes and purchased electricity and heat was accounted under GB/T 32150; and each energy-saving measure was assessed for its energy saving, CO2 reduction and economics.

{% endif %}

## 数据来源 | Data sources

zh: 能源购入、库存和外供数据来自{{facility.organisation.zh}}的能源统计台账、购销结算凭证和进出厂计量记录；分单元用能数据来自次级计量；燃料低位发热量、含碳量等实测值来自{{facility.organisation.zh}}化验记录（见附录B）；其余折标系数和排放因子采用标准和主管部门公布的缺省值。计算结果经审计组复核。
en: Data on energy purchased, stocked and supplied come from the {{facility.organisation.en}}'s energy statistics ledgers, purchase and sales settlements and boundary metering records; energy use per unit from the secondary meters; measured calorific values and carbon contents from the {{facility.organisation.en}}'s laboratory records (Appendix B); other conversion coefficients and emission factors are the defaults published in the standards and by the authorities. The audit team reviewed the results.

## 审计组 | Audit team

zh: 审计组成员及分工见签署页。
en: The members of the audit team and their roles are given on the sign-off page.
