/* fschema.c — the facility file's sections as tables (see fschema.h), the
 * key check the loader runs over them, and their JSON Schema.
 *
 * Input: nothing but these constant tables (and the loader's nodes for
 * fs_map). Output: diagnostics from fs_map; a value tree from
 * fs_json_schema. Invariant: every mapping of a facility file that the
 * loader reads has its section here, and the loader checks its keys with
 * fs_map, so the schema written and the file read never disagree on which
 * keys exist and which are required. */
#include "fschema.h"

#include "../rules/factors.h"
#include "management.h"
#include "units.h"

#include <string.h>

/* {====================================================== word lists */

const char *const fs_grids[] = {"north",   "northeast", "east_china",
                                "central", "northwest", "south",
                                "southwest", "national", NULL};
const char *const fs_audit_types[] = {"full", "special", "internal", NULL};
const char *const fs_stages[] = {"purchase", "conversion", "distribution",
                                 "end_use", NULL};
/* in the order of unit_system after SYSTEM_NONE */
const char *const fs_systems[] = {"production", "auxiliary", "ancillary",
                                  NULL};
const char *const fs_series_stamps[] = {"start", "end", NULL};
const char *const fs_series_values[] = {"interval", "cumulative", NULL};
const char *const fs_vats[] = {"included", "excluded", NULL};
const char *const fs_origins[] = {"measured", "contract", "assumed",
                                  "publication", NULL};
const char *const fs_coolings[] = {"air", "liquid", NULL};
const char *const fs_cores[] = {"electrical_steel", "amorphous", NULL};
const char *const fs_insulations[] = {"B", "F", "H", NULL};
const char *const fs_controls[] = {"throttle",    "damper", "bypass",
                                   "inlet_vanes", "vsd",    "none", NULL};
const char *const fs_intensity_bases[] = {"output_value", "value_added",
                                          NULL};
const char *const fs_ems_standards[] = {"none", "GB/T 23331", "GB/T 15587",
                                        NULL};
const char *const fs_implemented[] = {"yes", "partly", "no", NULL};
const char *const fs_green_kinds[] = {"certificate", "direct", NULL};
/* buildings and public institutions (GB/T 51161-2016, GB 50176-2016) */
const char *const fs_building_types[] = {
    "office_government", "office_commercial", "hotel",  "mall",
    "hospital",          "school",            "university", "other", NULL};
const char *const fs_climate_zones[] = {"severe_cold", "cold",
                                        "hot_summer_cold_winter",
                                        "hot_summer_warm_winter", "mild",
                                        NULL};
const char *const fs_ventilations[] = {"natural", "mechanical", NULL};
const char *const fs_hospital_grades[] = {
    "tertiary_a",  "tertiary_b",  "tertiary",  "secondary_a",
    "secondary_b", "secondary",   "primary",   NULL};
/* in the order of unit_use after USE_NONE */
const char *const fs_uses[] = {"regular", "special", "heating", NULL};

/* }====================================================== */
/* {====================================================== tables */

#define T(k) (&(const fs_type){.kind = (k)})
#define TEXT T(FS_TEXT)
#define ID T(FS_ID)
#define NUM T(FS_NUM)
#define BOOL T(FS_BOOL)
#define DATE T(FS_DATE)
#define TEXT2 T(FS_TEXT2)
#define RATIO T(FS_RATIO)
#define INT(l, h) (&(const fs_type){.kind = FS_INT, .lo = (l), .hi = (h)})
#define QTY(u) (&(const fs_type){.kind = FS_QTY, .unit = (u)})
#define ENUM(c) (&(const fs_type){.kind = FS_ENUM, .choices = (c)})
#define FLAGS(c) (&(const fs_type){.kind = FS_FLAGS, .choices = (c)})
#define LIST(t) (&(const fs_type){.kind = FS_LIST, .item = (t)})
#define LIST_OR_NULL(t)                                                        \
  (&(const fs_type){.kind = FS_LIST, .item = (t), .nullable = true})
#define MAP(s) (&(const fs_type){.kind = FS_MAP, .sec = &(s)})
#define MAP_OR_NULL(s)                                                         \
  (&(const fs_type){.kind = FS_MAP, .sec = &(s), .nullable = true})
#define DICT_OR_NULL(t)                                                        \
  (&(const fs_type){.kind = FS_DICT, .item = (t), .nullable = true})
#define ONE_OF(a, b) (&(const fs_type){.kind = FS_ONE_OF, .item = (a), .alt = (b)})
#define EVIDENCE LIST(ONE_OF(TEXT, MAP(fs_evidence)))
#define R true  /* required */
#define O false /* optional */
#define END {NULL, NULL, false, NULL, NULL}

const fs_section fs_evidence = {
    "evidence", "证据文件", "evidence file",
    (const fs_key[]){
        {"file", TEXT, R, "文件路径（相对于设施文件）：PDF、PNG 或 JPEG",
         "path of the file, relative to the facility file: PDF, PNG or JPEG"},
        {"title", TEXT2, O, "附录中的标题", "title in the appendix"},
        END}};

const fs_section fs_capacity = {
    "capacity", "设计产能", "design capacity",
    (const fs_key[]){
        {"name", TEXT2, R, "产能名称（如熟料生产线）",
         "what the capacity is of (a clinker line)"},
        {"value", QTY(NULL), R, "单位时间的产量或功率：5,000 t/d、60 万t/a、9 MW",
         "an amount per unit of time: 5,000 t/d, 60 万t/a, 9 MW"},
        END}};

const fs_section fs_lighting = {
    "lighting", "照明场所", "lit room",
    (const fs_key[]){
        {"room", ID, R,
         "场所类型：rules/buildings.yaml lighting 的键（如 office_general 为普通办公室、会议室）",
         "kind of room: a key of rules/buildings.yaml lighting (office_general "
         "is a general office or meeting room)"},
        {"name", TEXT2, O, "场所名称（如三层办公区）",
         "name of the room or area (third-floor offices)"},
        {"area", QTY("m2"), R, "该类场所的面积合计", "floor area of these rooms"},
        {"power", QTY("kW"), R,
         "一般照明的安装功率合计（含镇流器、驱动电源等附属电器）",
         "installed power of the general lighting, ballasts and drivers "
         "included"},
        {"accent_lighting", BOOL, O,
         "营业厅装设重点照明（GB 50034-2024 第6.3.6条：一般商店、高档商店、"
         "专卖店营业厅的限值增加5 W/m²）",
         "the sales floor has accent lighting (GB 50034-2024 6.3.6: the "
         "limits of ordinary, high-grade and specialty shop sales floors "
         "rise by 5 W/m²)"},
        {"decorative_power", QTY("kW"), O,
         "装饰性灯具的安装功率合计（不含在 power 中；第6.3.18条：按50%计入）",
         "installed power of decorative luminaires, not in power (6.3.18: "
         "half of it counts)"},
        END}};

const fs_section fs_facility = {
    "facility", "企业（审计边界）", "the enterprise (audit boundary)",
    (const fs_key[]){
        {"name", TEXT2, R, "企业名称", "name of the enterprise"},
        {"credit_code", TEXT, O,
         "统一社会信用代码：18 位，校验码按 GB 32100 核对",
         "unified social credit code: 18 characters, check character of "
         "GB 32100"},
        {"industry", TEXT, R,
         "行业：GB/T 4754-2017 代码（C3011）或 rules/industries.yaml 的键",
         "industry: a GB/T 4754-2017 code (C3011) or a key of "
         "rules/industries.yaml"},
        {"province", ID, O, "省份（决定默认电网区域）",
         "province (selects the default grid region)"},
        {"grid", ENUM(fs_grids), O, "电网区域（覆盖省份的默认值）",
         "grid region (overrides the province's default)"},
        {"address", TEXT2, O, "地址", "address"},
        {"output_value", QTY("万元"), O, "审计期工业总产值", "gross output value of the period"},
        {"value_added", QTY("万元"), O, "审计期工业增加值", "value added of the period"},
        {"floor_area", QTY("m2"), O, "建筑面积", "floor area"},
        {"employees", INT(0, 10000000), O, "职工人数", "number of employees"},
        {"building_type", ENUM(fs_building_types), O,
         "建筑类型：党政机关办公、商业办公、旅馆、商场、医院、中小学、高校、其他",
         "kind of building: government office, commercial office, hotel, "
         "mall, hospital, school, university, other"},
        {"climate_zone", ENUM(fs_climate_zones), O,
         "建筑热工设计分区（GB 50176-2016）：严寒、寒冷、夏热冬冷、夏热冬暖、温和",
         "climate zone of GB 50176-2016: severe cold, cold, hot summer and "
         "cold winter, hot summer and warm winter, mild"},
        {"ventilation", ENUM(fs_ventilations), O,
         "GB/T 51161 建筑分类：natural 为 A 类（可开窗自然通风），mechanical 为 "
         "B 类（常年依靠机械通风和空调）",
         "GB/T 51161 class: natural is class A (windows can be opened), "
         "mechanical is class B (mechanical ventilation and air "
         "conditioning all year)"},
        {"hospital_grade", ENUM(fs_hospital_grades), O,
         "医院等级（building_type: hospital）：tertiary_a 为三级甲等",
         "grade of a hospital (building_type: hospital): tertiary_a is "
         "grade III class A"},
        {"beds", INT(1, 1000000), O, "编制（实际开放）床位数",
         "number of beds (open)"},
        {"bed_days", INT(1, 400000000), O, "审计期实际占用总床日数",
         "occupied bed-days of the period"},
        {"outpatient_visits", INT(1, 1000000000), O, "审计期门急诊人次",
         "outpatient and emergency visits of the period"},
        {"students", INT(1, 10000000), O, "在校学生人数", "number of students"},
        {"occupants", INT(1, 10000000), O,
         "用能人数（定额标准所定义的建筑使用人数）",
         "occupants (the users of the building as the quota standards "
         "define them)"},
        {"operating_hours", QTY("h"), O,
         "年使用时间（GB/T 51161 修正用，0–8,784 h）",
         "hours of use a year (for GB/T 51161's correction, 0–8,784 h)"},
        {"capacity", LIST(MAP(fs_capacity)), O, "设计产能", "design capacities"},
        {"lighting", LIST(MAP(fs_lighting)), O,
         "照明功率密度（GB 50034）：各类场所的面积和一般照明安装功率",
         "lighting power density (GB 50034): the area and installed power of "
         "the general lighting of each kind of room"},
        {"process", TEXT2, O, "主要工艺路线", "main process route"},
        END}};

const fs_section fs_period = {
    "period", "期间", "period",
    (const fs_key[]){
        {"from", DATE, R, "起始日（YYYY-MM-DD）", "first day (YYYY-MM-DD)"},
        {"to", DATE, R, "截止日（YYYY-MM-DD）", "last day (YYYY-MM-DD)"},
        END}};

const fs_section fs_team = {
    "team_member", "审计组成员", "member of the audit team",
    (const fs_key[]){
        {"name", TEXT2, R, "姓名", "name"},
        {"role", TEXT2, R, "职责", "role"},
        {"qualification", TEXT2, O, "资格", "qualification"},
        {"certificate", TEXT, O, "证书编号（一行，至多 64 字符）",
         "certificate number (one line, at most 64 characters)"},
        END}};

const fs_section fs_audit = {
    "audit", "审计", "the audit",
    (const fs_key[]){
        {"period", MAP(fs_period), R, "审计期（至多五年）",
         "audit period (at most five years)"},
        {"type", ENUM(fs_audit_types), O, "审计类型：全面、专项或内部（默认 full）",
         "kind of audit: full, special or internal (default full)"},
        {"auditor", TEXT2, O, "审计机构", "auditing firm"},
        {"report_date", DATE, O, "报告日期", "date of the report"},
        {"grid_year", INT(2000, 2100), O, "电网排放因子的年份",
         "year of the grid emission factor"},
        {"gwp", ID, O, "GWP值组（rules/gwp.yaml，如 sar、ar5、ar6）",
         "GWP set (rules/gwp.yaml: sar, ar5, ar6)"},
        {"standards", LIST(TEXT), O, "报告中引用的标准", "standards cited in the report"},
        {"team", LIST(MAP(fs_team)), O, "审计组（签署页）", "audit team (sign-off page)"},
        END}};

const fs_section fs_conversion = {
    "conversion", "能源加工转换", "energy conversion",
    (const fs_key[]){
        {"kind", ENUM(CONVERSION_KINDS), R, "转换装置类型", "kind of conversion"},
        {"heat_from", ID, O, "余热来源单元（waste_heat_*）",
         "unit whose waste heat is recovered (waste_heat_*)"},
        {"output", QTY(NULL), O, "毛产出（机端），计量单位同其产出能源",
         "gross output at the terminals, in the unit of the carrier made"},
        {"capacity", QTY(NULL), O, "装机容量（MW 或 t/h）",
         "installed capacity (MW or t/h)"},
        END}};

const fs_section fs_unit = {
    "unit", "用能单元", "process unit",
    (const fs_key[]){
        {"id", ID, R, "单元标识（site、outside 为保留字）",
         "unit id (site and outside are reserved)"},
        {"name", TEXT2, R, "单元名称", "name of the unit"},
        {"stage", ENUM(fs_stages), R,
         "能源网络环节：购入、加工转换、输送分配、最终使用",
         "stage of the energy network: purchase, conversion, distribution, "
         "end use"},
        {"parent", ID, O, "上级单元", "parent unit"},
        {"conversion", MAP(fs_conversion), O, "加工转换（stage: conversion）",
         "conversion (stage: conversion)"},
        {"system", ENUM(fs_systems), O,
         "所属系统：主要生产、辅助生产、附属生产（end_use 单元）",
         "system: production, auxiliary or ancillary (end-use units)"},
        {"section", ID, O,
         "所属工段（其行业在 rules/stages.yaml 中的工段划分）",
         "section (stage) of the unit in its industry's set of rules/stages.yaml"},
        {"use", ENUM(fs_uses), O,
         "建筑用能分类：regular 常规用能、special 特殊用能、heating 供暖（下级单元沿用）",
         "building energy use: regular, special or heating (descendants "
         "inherit it)"},
        END}};

const fs_section fs_register = {
    "register", "表底读数", "dial readings",
    (const fs_key[]){
        {"start", NUM, R, "期初读数", "reading at the start"},
        {"end", NUM, R, "期末读数", "reading at the end"},
        {"multiplier", NUM, O, "倍率（CT×PT）", "multiplier (CT × PT ratio)"},
        {"unit", TEXT, R, "读数的计量单位", "unit of the readings"},
        END}};

const fs_section fs_meter = {
    "meter", "计量器具", "meter",
    (const fs_key[]){
        {"id", ID, R, "计量器具编号", "meter id"},
        {"name", TEXT2, O, "名称", "name"},
        {"carrier", ID, R, "能源品种（rules/carriers.yaml 的键或转换单元的产出）",
         "carrier (a key of rules/carriers.yaml or made by a conversion unit)"},
        {"level", INT(1, 3), R, "GB 17167 级别：1 进出用能单位、2 次级单位、3 主要设备",
         "GB 17167 level: 1 boundary, 2 sub-unit, 3 main equipment"},
        {"accuracy", TEXT, O, "准确度等级（如 0.5S）", "accuracy class (such as 0.5S)"},
        {"from", ID, O, "来自：单元、site 或 outside（默认 outside）",
         "from: a unit id, site or outside (default outside)"},
        {"to", ID, O, "去向：单元、site 或 outside", "to: a unit id, site or outside"},
        {"installed", BOOL, O, "false：应配而未配的计量点",
         "false: a required metering point without a meter"},
        {"total", QTY(NULL), O, "审计期合计", "total of the period"},
        {"monthly", LIST(QTY(NULL)), O, "逐月数值（按期间顺序）",
         "one value per month of the period, in order"},
        {"register", MAP(fs_register), O, "表底读数 × 倍率", "dial readings × multiplier"},
        {"series", TEXT, O, "区间数据 CSV（timestamp,value），相对路径",
         "interval data CSV (timestamp,value), relative path"},
        {"unit", TEXT, O, "series 数值的计量单位", "unit of the series values"},
        {"series_stamp", ENUM(fs_series_stamps), O,
         "时间戳标记区间的开始或结束", "a timestamp marks an interval's start or end"},
        {"series_column", TEXT, O,
         "多表宽表 CSV 中本表数值列的表头名（第一列为时间戳）",
         "header name of this meter's column in a wide CSV (the first column "
         "is the timestamp)"},
        {"series_timezone", TEXT, O,
         "无时区后缀的时间戳的 UTC 偏移（如 +08:00、Z）；给出时按北京时间（UTC+08:00）"
         "换算，带偏移的时间戳按其自身偏移",
         "UTC offset of timestamps written without one (+08:00, Z); when "
         "given, timestamps are converted to China Standard Time (UTC+08:00), "
         "those with an offset by their own"},
        {"series_values", ENUM(fs_series_values), O,
         "interval：区间用量；cumulative：累计读数（相邻读数之差为区间用量）",
         "interval: use per interval; cumulative: register readings (the "
         "difference of consecutive readings is the interval's use)"},
        {"series_rollover", NUM, O,
         "累计读数的翻转值：读数达到此值后从 0 重新计数",
         "cumulative readings: the reading at which the register starts "
         "again at 0"},
        {"evidence", EVIDENCE, O, "证据文件", "evidence files"},
        {"kind", ENUM(METER_KINDS), O, "器具类型（GB 17167 表 4）",
         "instrument kind (GB 17167 Table 4)"},
        {"calibrated", DATE, O, "最近检定/校准日期", "date of the last calibration"},
        {"calibration_due", DATE, O, "下次检定日期", "date the next calibration is due"},
        {"calibration_interval", INT(1, 120), O, "检定周期（月）",
         "calibration interval in months"},
        {"certificate", TEXT, O, "检定证书编号", "calibration certificate"},
        {"sold_to", ID, O, "买方：同一集团的企业（仅用于 to: outside 的售出计量）",
         "buyer: a facility of the same group (only on a sale, to: outside)"},
        END}};

const fs_section fs_stock = {
    "stock", "库存变化", "stock change",
    (const fs_key[]){
        {"carrier", ID, R, "可储存燃料品种", "storable fuel"},
        {"opening", QTY(NULL), R, "期初库存", "opening stock"},
        {"closing", QTY(NULL), R, "期末库存", "closing stock"},
        END}};

const fs_section fs_price = {
    "price", "价格及增值税", "price and VAT",
    (const fs_key[]){
        {"price", QTY(NULL), R, "单价（元/能源计量单位）", "unit price (CNY per carrier unit)"},
        {"vat", ENUM(fs_vats), O, "是否含增值税", "whether VAT is included"},
        END}};

const fs_section fs_factor = {
    "factor_override", "实测或约定的系数", "measured or agreed factors",
    (const fs_key[]){
        {"ncv", QTY(NULL), O, "低位发热量（kJ/kg、MJ/m3…）",
         "net calorific value (kJ/kg, MJ/m3…)"},
        {"carbon_content", QTY("tC/GJ"), O, "单位热值含碳量", "carbon content per unit heat"},
        {"oxidation", RATIO, O, "碳氧化率", "carbon oxidation rate"},
        {"emission_factor", QTY(NULL), O, "排放因子（如 tCO2/MWh）",
         "emission factor (such as tCO2/MWh)"},
        {"enthalpy", QTY(NULL), O, "蒸汽焓值（GJ/t）", "steam enthalpy (GJ/t)"},
        {"counted", BOOL, O,
         "是否计入综合能耗（仅耗能工质可按统计口径不计）",
         "whether it counts in the total energy (only an energy-carrying "
         "working medium may be left out, as the statistics it is filed "
         "under do)"},
        {"source", TEXT2, R, "来源", "source"},
        {"origin", ENUM(fs_origins), O, "来源类别", "kind of source"},
        {"evidence", EVIDENCE, O, "证据文件", "evidence files"},
        END}};

const fs_section fs_share = {
    "share", "公用单元分摊", "share of a shared unit",
    (const fs_key[]){
        {"unit", ID, R, "公用单元", "shared unit"},
        {"share", RATIO, R, "分摊比例", "share"},
        END}};

const fs_section fs_use = {
    "use", "耗用的中间产品", "intermediate product used",
    (const fs_key[]){
        {"product", ID, R, "中间产品", "product used"},
        {"quantity", QTY(NULL), R, "耗用量", "quantity used"},
        END}};

const fs_section fs_product = {
    "product", "产品", "product",
    (const fs_key[]){
        {"id", ID, R, "产品标识", "product id"},
        {"name", TEXT2, R, "产品名称", "name of the product"},
        {"benchmark", ID, O, "限额标准（rules/benchmarks/）", "benchmark (rules/benchmarks/)"},
        {"quantity", QTY(NULL), R, "审计期产量", "output of the period"},
        {"units", LIST(ID), O, "其能耗计入该产品的单元",
         "units whose energy counts for the product"},
        {"shared", LIST(MAP(fs_share)), O, "公用单元的分摊", "shares of shared units"},
        {"uses", LIST(MAP(fs_use)), O, "耗用的中间产品", "intermediate products used"},
        {"evidence", EVIDENCE, O, "证据文件", "evidence files"},
        {"monthly", LIST(QTY(NULL)), O, "逐月产量", "output per month"},
        END}};

const fs_section fs_process = {
    "process_emission", "工业过程排放", "process emission",
    (const fs_key[]){
        {"id", ID, R, "标识", "id"},
        {"name", TEXT2, R, "名称", "name"},
        {"activity", QTY(NULL), R, "活动水平", "activity data"},
        {"factor", QTY(NULL), O, "排放因子（如 0.525 tCO2/t）",
         "emission factor (such as 0.525 tCO2/t)"},
        {"rule", ID, O, "rules/process.yaml 的规则", "rule of rules/process.yaml"},
        {"carrier", ID, O, "用作原料的燃料品种（该量移出燃料燃烧）",
         "fuel used as feedstock (its quantity moves out of combustion)"},
        {"source", TEXT2, O, "来源", "source"},
        {"product", ID, O, "对应产品", "product it belongs to"},
        {"evidence", EVIDENCE, O, "证据文件", "evidence files"},
        {"cao", RATIO, O, "熟料（石灰）CaO含量，企业化验值",
         "CaO content of the clinker (lime), the plant's lab value"},
        {"mgo", RATIO, O, "熟料（石灰）MgO含量", "MgO content of the clinker (lime)"},
        {"cao_non_carbonate", RATIO, O, "非碳酸盐来源的CaO含量（默认 0）",
         "CaO from non-carbonate sources (default 0)"},
        {"mgo_non_carbonate", RATIO, O, "非碳酸盐来源的MgO含量（默认 0）",
         "MgO from non-carbonate sources (default 0)"},
        {"kiln_head_dust", QTY(NULL), O, "窑头粉尘量（与活动水平同单位）",
         "kiln-head dust (unit of the activity)"},
        {"bypass_dust", QTY(NULL), O, "旁路放风粉尘量（与活动水平同单位）",
         "bypass dust (unit of the activity)"},
        {"raw_meal", QTY(NULL), O, "生料消耗量（计非燃料碳时）",
         "raw meal consumed (for its organic carbon)"},
        {"raw_meal_organic_carbon", RATIO, O, "生料中非燃料碳含量",
         "organic (non-fuel) carbon content of the raw meal"},
        {"purity", RATIO, O, "碳酸盐含量（纯度）", "carbonate content (purity)"},
        {"carbon_content", ONE_OF(RATIO, QTY(NULL)), O,
         "含碳量（质量分数，或每单位活动水平的 tC，如 5.9 tC/万m3）",
         "carbon content (a mass share, or tC per unit of activity such as "
         "5.9 tC/万m3)"},
        {"net_anode_consumption", RATIO, O, "吨铝炭阳极净耗（t/t）",
         "net anode consumption per t of aluminium (t/t)"},
        {"sulfur", RATIO, O, "炭阳极含硫量", "sulphur content of the anode"},
        {"ash", RATIO, O, "炭阳极灰分", "ash content of the anode"},
        END}};

const fs_section fs_sf6 = {
    "sf6_item", "六氟化硫设备", "SF6 equipment item",
    (const fs_key[]){
        {"capacity", QTY("kg"), R, "铭牌SF6充装量（补气时为补入量）",
         "nameplate SF6 charge (for a top-up, the mass charged)"},
        {"recovered", QTY("kg"), O, "回收的SF6量（默认 0）",
         "SF6 recovered (default 0)"},
        END}};

const fs_section fs_gas = {
    "gas", "非二氧化碳温室气体排放源", "non-CO2 greenhouse gas source",
    (const fs_key[]){
        {"id", ID, R, "标识", "id"},
        {"name", TEXT2, O, "名称（默认为规则名称）", "name (default: the rule's)"},
        {"rule", ID, R, "rules/gases.yaml 的规则", "rule of rules/gases.yaml"},
        {"technology", ID, O, "工艺类型（选择规则的缺省值）",
         "technology (selects the rule's defaults)"},
        {"activity", QTY("t"), O,
         "活动水平：原铝、硝酸、己二酸或HCFC-22产量；去除的COD量；原煤产量",
         "activity: aluminium, nitric or adipic acid or HCFC-22 made; COD "
         "removed; raw coal produced"},
        {"anode_effect_frequency", NUM, O, "阳极效应系数（次/槽·日）",
         "anode effects per cell-day"},
        {"anode_effect_duration", QTY("min"), O, "阳极效应平均持续时间",
         "mean duration of an anode effect"},
        {"slope_cf4", NUM, O, "CF4斜率系数（kg CF4/t铝 每 AE-min/槽·日）",
         "CF4 slope (kg CF4/t Al per AE-minute per cell-day)"},
        {"c2f6_per_cf4", RATIO, O, "C2F6与CF4的质量比", "C2F6 to CF4 mass ratio"},
        {"factor", RATIO, O, "排放因子（如 7 kg/t）", "emission factor (such as 7 kg/t)"},
        {"abatement", RATIO, O, "分解（减排）比例", "share destroyed (abated)"},
        {"sludge_cod", QTY("t"), O, "以污泥形式去除的COD", "COD removed with sludge"},
        {"b0", RATIO, O, "最大甲烷产生能力（kg CH4/kg COD）",
         "maximum methane producing capacity (kg CH4/kg COD)"},
        {"mcf", RATIO, O, "甲烷修正因子", "methane correction factor"},
        {"recovered", QTY("t"), O, "回收或火炬销毁的甲烷量",
         "methane recovered or flared"},
        {"ch4_ventilation", QTY("m3"), O, "井工矿风排CH4量（纯量，如 万m3）",
         "CH4 in an underground mine's ventilation air (pure, as 万m3)"},
        {"ch4_drained", QTY("m3"), O, "井工矿抽采（抽放）CH4量（纯量）",
         "CH4 drained from an underground mine (pure)"},
        {"ch4_flared", QTY("m3"), O, "抽采CH4中火炬销毁的量",
         "drained CH4 flared"},
        {"ch4_used", QTY("m3"), O, "抽采CH4中回收利用的量",
         "drained CH4 recovered and used"},
        {"co2_ventilation", QTY("m3"), O, "井工矿风排CO2量（纯量）",
         "CO2 in an underground mine's ventilation air (pure)"},
        {"co2_drained", QTY("m3"), O, "井工矿抽采CO2量（纯量）",
         "CO2 drained from an underground mine (pure)"},
        {"post_mining", RATIO, O, "矿后活动CH4排放因子（如 2.01 kg/t）",
         "post-mining CH4 factor (such as 2.01 kg/t)"},
        {"mining", RATIO, O, "露天开采CH4排放因子（如 1.34 kg/t）",
         "surface mining CH4 factor (such as 1.34 kg/t)"},
        {"flare_oxidation", RATIO, O, "火炬燃烧碳氧化率",
         "carbon oxidation of the flare"},
        {"retired", LIST(MAP(fs_sf6)), O, "退役设备", "retired equipment"},
        {"overhauled", LIST(MAP(fs_sf6)), O, "检修设备", "overhauled equipment"},
        {"top_up", QTY("kg"), O, "钢瓶补气量", "top-ups from cylinders"},
        {"gwp", DICT_OR_NULL(NUM), O, "企业指定的GWP（按气体）",
         "GWP given by the enterprise, by gas"},
        {"source", TEXT2, O, "来源", "source"},
        {"evidence", EVIDENCE, O, "证据文件", "evidence files"},
        END}};

const fs_section fs_rated = {
    "rated", "额定（铭牌）值", "rated (nameplate) values",
    (const fs_key[]){
        {"efficiency", RATIO, O, "额定效率", "rated efficiency"},
        {"specific_power", QTY("kW/(m3/min)"), O, "额定比功率",
         "rated specific power"},
        {"cop", NUM, O, "名义制冷性能系数COP（冷水机组）",
         "rated cooling COP (water-chilling packages)"},
        {"iplv", NUM, O, "综合部分负荷性能系数IPLV（冷水机组、水冷单元式空调机）",
         "integrated part-load value IPLV (water-chilling packages, "
         "water-cooled unitary air conditioners)"},
        {"seer", NUM, O, "制冷季节能效比SEER（单冷型单元式空调机）",
         "seasonal energy efficiency ratio SEER (cooling-only unitary air "
         "conditioners)"},
        {"apf", NUM, O, "全年能源消耗效率APF（热泵型单元式空调机）",
         "annual performance factor APF (heat-pump unitary air "
         "conditioners)"},
        {"aeer", NUM, O, "全年能效比AEER（机房、恒温恒湿单元式空调机）",
         "annual energy efficiency ratio AEER (computer-room and "
         "constant-temperature-and-humidity unitary air conditioners)"},
        {"no_load_loss", QTY("kW"), O, "空载损耗（变压器）",
         "no-load loss (transformers)"},
        {"load_loss", QTY("kW"), O, "负载损耗（变压器）", "load loss (transformers)"},
        END}};

const fs_section fs_measured = {
    "measured", "实测值", "measured values",
    (const fs_key[]){
        {"efficiency", RATIO, O, "实测效率", "measured efficiency"},
        {"specific_power", QTY("kW/(m3/min)"), O, "实测比功率",
         "measured specific power"},
        {"load_factor", RATIO, O, "负载率", "load factor"},
        {"output_power", QTY("kW"), O, "输出功率（电动机）", "shaft output (motors)"},
        {"load", QTY("kW"), O, "负载（变压器）", "load (transformers)"},
        {"flow", QTY("m3/h"), O, "运行流量（风机、水泵）", "operating flow (fans, pumps)"},
        {"control", ENUM(fs_controls), O, "流量调节方式", "flow control"},
        {"power_factor", RATIO, O, "平均功率因数（变压器）",
         "average power factor (transformers)"},
        END}};

const fs_section fs_equipment = {
    "equipment", "主要用能设备", "energy-using equipment",
    (const fs_key[]){
        {"id", ID, R, "设备编号", "equipment id"},
        {"kind", ID, R, "设备类型（rules/equipment.yaml）", "kind (rules/equipment.yaml)"},
        {"name", TEXT2, R, "名称", "name"},
        {"unit", ID, O, "所在单元", "unit it belongs to"},
        {"fuel", ID, O, "燃料品种", "fuel"},
        {"capacity", QTY(NULL), O, "容量（kW、t/h、kVA…）", "capacity (kW, t/h, kVA…)"},
        {"efficiency", RATIO, O, "实测效率", "measured efficiency"},
        {"type", ID, O, "型式", "type"},
        {"poles", INT(2, 16), O, "极数（电动机）", "poles (motors)"},
        {"pressure", QTY("MPa"), O, "压力", "pressure"},
        {"cooling", ENUM(fs_coolings), O, "冷却方式", "cooling"},
        {"coal_class", ID, O, "煤种", "coal class"},
        {"specific_power", QTY("kW/(m3/min)"), O, "比功率", "specific power"},
        {"flow", QTY("m3/h"), O, "额定流量", "rated flow"},
        {"head", QTY("m"), O, "扬程", "head"},
        {"speed", QTY("r/min"), O, "转速", "speed"},
        {"stages", INT(1, 20), O, "级数", "stages"},
        {"pressure_coefficient", NUM, O, "压力系数ψ（离心通风机）",
         "pressure coefficient ψ (centrifugal fans)"},
        {"hub_ratio", NUM, O, "轮毂比γ（轴流通风机）", "hub ratio γ (axial fans)"},
        {"specific_speed", NUM, O, "比转速ns（通风机）", "specific speed ns (fans)"},
        {"machine_number", NUM, O, "机号（通风机）", "machine number (fans)"},
        {"core", ENUM(fs_cores), O, "铁心材料（变压器）", "core material (transformers)"},
        {"connection", ID, O, "联结组别（变压器）",
         "connection (transformers)"},
        {"insulation", ENUM(fs_insulations), O, "绝缘耐热等级（干式变压器）",
         "insulation class (dry transformers)"},
        {"voltage_class", NUM, O,
         "电压等级（kV，变压器；高压电动机的额定电压）",
         "voltage class (kV, transformers; rated voltage of HV motors)"},
        {"meter", ID, O, "计量器具（变压器：通过其电量）",
         "meter (transformers: the electricity through it)"},
        {"evidence", EVIDENCE, O, "证据文件", "evidence files"},
        {"model", TEXT, O, "型号", "model number"},
        {"series", TEXT, O, "系列", "series"},
        {"rated", MAP(fs_rated), O, "额定值", "rated values"},
        {"measured", MAP(fs_measured), O, "实测值", "measured values"},
        END}};

const fs_section fs_saving = {
    "saving", "年节能量", "yearly saving",
    (const fs_key[]){
        {"carrier", ID, R, "能源品种", "carrier"},
        {"amount", QTY(NULL), R, "每年节约量（负值为增加使用）",
         "amount saved per year (negative: extra use)"},
        END}};

const fs_section fs_schedule = {
    "schedule", "实施进度", "schedule",
    (const fs_key[]){
        {"start", DATE, O, "开始", "start"},
        {"finish", DATE, O, "完成", "finish"},
        {"months", INT(1, 120), O, "工期（月）", "duration in months"},
        END}};

const fs_section fs_measure = {
    "measure", "节能技改措施", "energy-saving measure",
    (const fs_key[]){
        {"id", ID, R, "措施编号", "measure id"},
        {"name", TEXT2, R, "名称", "name"},
        {"investment", QTY("CNY"), R, "投资", "investment"},
        {"saves", LIST(MAP(fs_saving)), R, "每年节能量", "yearly savings"},
        {"om_cost", QTY("CNY"), O, "年运行费用变化", "change of yearly operating cost"},
        {"lifetime", QTY("a"), R, "寿命", "lifetime"},
        {"discount_rate", RATIO, O, "折现率", "discount rate"},
        {"situation", TEXT2, O, "现状", "present situation"},
        {"scheme", TEXT2, O, "改造方案", "scheme"},
        {"saving_basis", TEXT2, O, "节能量测算依据", "basis of the saving"},
        {"schedule", MAP(fs_schedule), O, "实施进度", "schedule"},
        {"operating_hours", QTY("h"), O, "年运行小时", "operating hours per year"},
        END}};

const fs_section fs_base_product = {
    "base_product", "基期产品单耗", "unit consumption of the base period",
    (const fs_key[]){
        {"id", ID, R, "产品标识", "product id"},
        {"unit_consumption", QTY(NULL), R, "基期单位产品能耗（如 112.4 kgce/t）",
         "unit consumption of the base period (such as 112.4 kgce/t)"},
        END}};

const fs_section fs_baseline = {
    "baseline", "基期（GB/T 13234）", "base period (GB/T 13234)",
    (const fs_key[]){
        {"period", MAP(fs_period), R, "基期", "base period"},
        {"products", LIST(MAP(fs_base_product)), O, "基期产品单耗",
         "unit consumptions of the base period"},
        {"output_value_intensity", QTY("tce/万元"), O, "基期万元产值能耗",
         "energy per output value in the base period"},
        END}};

const fs_section fs_year_product = {
    "year_product", "往年产品产量", "a product's output in an earlier year",
    (const fs_key[]){
        {"id", ID, R, "产品标识（本文件 products 中的）",
         "product id (of this file's products)"},
        {"quantity", QTY(NULL), R, "该年产量，单位同本文件（如 3,800 t）",
         "output of the year, in the product's unit (such as 3,800 t)"},
        {"unit_consumption", QTY(NULL), O,
         "该年单位产品综合能耗（如 1,150 kgce/t），供分产品的因素分解",
         "unit consumption of the year (such as 1,150 kgce/t), for the "
         "decomposition by product"},
        {"uses", LIST(MAP(fs_use)), O,
         "该年耗用的本文件中间产品（如水泥耗用熟料），供分产品的因素分解",
         "intermediate products of this file used that year (such as the "
         "clinker in the cement), for the decomposition by product"},
        END}};

const fs_section fs_year = {
    "history_year", "往年数据（至多 5 年）", "an earlier year (at most five)",
    (const fs_key[]){
        {"file", TEXT, O,
         "该年完整的设施文件（相对于本文件），按同一方法计算；与其余键二选一",
         "that year's full facility file (relative to this file), computed "
         "the same way; instead of the other keys"},
        {"period", MAP(fs_period), O, "统计期（行内给出时必填）",
         "period (required inline)"},
        {"consumption", DICT_OR_NULL(QTY(NULL)), O,
         "各品种消费量：品种: 数量（如 electricity: \"5,800,000 kWh\"）",
         "consumption per carrier: carrier: quantity (such as electricity: "
         "\"5,800,000 kWh\")"},
        {"products", LIST_OR_NULL(MAP(fs_year_product)), O, "产品产量",
         "products' output"},
        {"output_value", QTY("CNY"), O, "工业总产值（行内给出时必填）",
         "output value (required inline)"},
        {"co2", QTY("t"), O, "二氧化碳排放量（无法由消费量算出时）",
         "CO2 emitted (where the consumption cannot give it)"},
        END}};

const fs_section fs_manager = {
    "manager", "能源管理负责人", "energy manager",
    (const fs_key[]){
        {"name", TEXT2, R, "姓名", "name"},
        {"post", TEXT2, R, "职务", "post"},
        {"registration", TEXT, O, "备案编号", "registration number"},
        {"registered", DATE, O, "备案日期", "date of registration"},
        END}};

const fs_section fs_organisation = {
    "organisation", "能源管理机构", "energy management organisation",
    (const fs_key[]){
        {"department", TEXT2, R, "管理部门", "department"},
        {"manager", MAP(fs_manager), R, "能源管理负责人", "energy manager"},
        {"staff", INT(0, 100000), O, "专职人员数", "staff"},
        END}};

#define TARGET_FIGURES                                                         \
  {"total_tce", QTY("tce"), O, "能源消费总量控制目标", "ceiling of total energy"},  \
      {"intensity_reduction", RATIO, O, "能耗强度下降目标",                     \
       "target reduction of energy intensity"},                                \
      {"intensity_basis", ENUM(fs_intensity_bases), O, "强度的分母",             \
       "what the intensity is per"},                                           \
      {"intensity_base", QTY("tce/万元"), O, "基年能耗强度",                     \
       "intensity of the base year"},                                          \
      {"actual_tce", QTY("tce"), O, "实际能源消费量（往年）",                     \
       "actual total energy (earlier years)"},                                 \
      {"actual_reduction", RATIO, O, "实际强度下降（往年）",                     \
       "actual intensity reduction (earlier years)"},                          \
  {                                                                            \
    "document", TEXT2, O, "目标文件", "document setting the target"           \
  }

const fs_section fs_five_year = {
    "five_year_target", "五年目标", "five-year target",
    (const fs_key[]){{"from", INT(1990, 2100), R, "起始年", "first year"},
                     {"to", INT(1990, 2100), R, "截止年", "last year"},
                     TARGET_FIGURES,
                     END}};

const fs_section fs_yearly = {
    "yearly_target", "年度目标", "yearly target",
    (const fs_key[]){{"year", INT(1990, 2100), R, "年份", "year"},
                     TARGET_FIGURES,
                     END}};

const fs_section fs_targets = {
    "targets", "节能目标", "energy-saving targets",
    (const fs_key[]){
        {"five_year", MAP(fs_five_year), O, "五年目标", "five-year target"},
        {"yearly", LIST_OR_NULL(MAP(fs_yearly)), O, "年度目标", "yearly targets"},
        END}};

const fs_section fs_system = {
    "energy_management_system", "能源管理体系", "energy management system",
    (const fs_key[]){
        {"standard", ENUM(fs_ems_standards), R, "体系标准", "standard"},
        {"certified", BOOL, O, "是否通过认证", "certified"},
        {"certificate", TEXT, O, "认证证书编号", "certificate number"},
        {"body", TEXT2, O, "认证机构", "certification body"},
        {"certified_on", DATE, O, "认证日期", "date of certification"},
        {"valid_until", DATE, O, "有效期至", "valid until"},
        {"self_assessed_on", DATE, O, "自评价日期", "date of the self-assessment"},
        {"elements", FLAGS(mg_element_keys), O,
         "GB/T 15587 各要素是否具备（true/false）",
         "GB/T 15587 elements in place (true/false)"},
        END}};

const fs_section fs_meter_management = {
    "meter_management", "计量管理（GB 17167 第 5 章）",
    "meter management (GB 17167 chapter 5)",
    (const fs_key[]){
        {"system", BOOL, R, "计量管理制度", "metering management system"},
        {"staff", INT(0, 100000), R, "计量人员数", "metering staff"},
        {"ledger", BOOL, O, "器具台账", "meter ledger"},
        {"calibration_records", BOOL, O, "检定记录", "calibration records"},
        {"data_records", BOOL, O, "数据记录", "data records"},
        END}};

const fs_section fs_online = {
    "online_monitoring", "能耗在线监测", "online energy monitoring",
    (const fs_key[]){
        {"connected", BOOL, R, "是否接入", "connected"},
        {"connected_on", DATE, O, "接入日期", "date connected"},
        {"data_points", INT(0, 1000000), O, "上传数据点数", "data points sent"},
        {"platform", TEXT2, O, "平台", "platform"},
        END}};

const fs_section fs_obsolete_found = {
    "obsolete_item", "淘汰目录中的设备", "equipment in an obsolete catalogue",
    (const fs_key[]){
        {"equipment", ID, O, "设备编号", "equipment id"},
        {"name", TEXT2, O, "名称（无 equipment 时）", "name (without equipment)"},
        {"catalogue", TEXT2, R, "淘汰目录", "catalogue"},
        {"plan", TEXT2, O, "淘汰计划", "replacement plan"},
        {"deadline", DATE, O, "期限", "deadline"},
        END}};

const fs_section fs_obsolete = {
    "obsolete_check", "淘汰设备核查", "check for obsolete equipment",
    (const fs_key[]){
        {"checked", BOOL, R, "是否核查", "checked"},
        {"checked_on", DATE, O, "核查日期", "date checked"},
        {"catalogues", LIST_OR_NULL(TEXT2), O, "所对照的目录", "catalogues checked against"},
        {"found", LIST_OR_NULL(MAP(fs_obsolete_found)), O, "发现的淘汰设备",
         "obsolete equipment found"},
        END}};

const fs_section fs_previous_measure = {
    "previous_measure", "上次审计的措施", "measure of the previous audit",
    (const fs_key[]){
        {"id", ID, R, "编号", "id"},
        {"name", TEXT2, R, "名称", "name"},
        {"planned_tce", QTY("tce"), O, "计划节能量", "planned saving"},
        {"implemented", ENUM(fs_implemented), R, "是否实施：yes、partly、no",
         "implemented: yes, partly or no"},
        {"saving_tce", QTY("tce"), O, "实际节能量", "actual saving"},
        {"note", TEXT2, O, "说明", "note"},
        END}};

const fs_section fs_previous = {
    "previous_audit", "上次审计整改", "follow-up of the previous audit",
    (const fs_key[]){
        {"report_date", DATE, O, "上次报告日期", "date of the previous report"},
        {"measures", LIST_OR_NULL(MAP(fs_previous_measure)), R, "措施", "measures"},
        END}};

const fs_section fs_management = {
    "management", "能源管理", "energy management",
    (const fs_key[]){
        {"organisation", MAP(fs_organisation), O, "能源管理机构",
         "energy management organisation"},
        {"targets", MAP(fs_targets), O, "节能目标", "energy-saving targets"},
        {"system", MAP(fs_system), O, "能源管理体系", "energy management system"},
        {"meter_management", MAP(fs_meter_management), O, "计量管理",
         "meter management"},
        {"online_monitoring", MAP(fs_online), O, "能耗在线监测",
         "online energy monitoring"},
        {"obsolete_check", MAP(fs_obsolete), O, "淘汰设备核查",
         "check for obsolete equipment"},
        {"previous_audit", MAP(fs_previous), O, "上次审计整改",
         "follow-up of the previous audit"},
        END}};

const fs_section fs_declared = {
    "declared", "申报数据", "declared figure",
    (const fs_key[]){
        {"figure", TEXT, R,
         "结果路径（如 energy.total_tce、energy.products[clinker].unit_consumption_kgce，见 rules/README.md）",
         "a path of the results (energy.total_tce, "
         "energy.products[clinker].unit_consumption_kgce; rules/README.md lists them)"},
        {"value", QTY(NULL), R, "企业申报的数值及单位（如 \"2,427.77 tce\"）",
         "the value the enterprise declared, with its unit (\"2,427.77 tce\")"},
        {"filed_in", TEXT2, R, "申报于何处（如 2024年205-1表）",
         "where it was filed (form 205-1 for 2024)"},
        END}};

const fs_section fs_recovered = {
    "co2_recovered", "回收外供的二氧化碳", "CO2 recovered and supplied outside",
    (const fs_key[]){
        {"id", ID, R, "标识", "id"},
        {"quantity", QTY("t"), R, "回收并外供的气体质量（如 12,000 t）",
         "mass of the gas recovered and supplied outside (such as 12,000 t)"},
        {"purity", RATIO, R, "二氧化碳纯度（质量分数，如 99.5 %）",
         "CO2 purity, mass fraction (such as 99.5 %)"},
        {"supplied_to", TEXT2, R, "接收方（核算边界以外）",
         "who receives it, outside the boundary"},
        {"use", TEXT2, O, "用途", "what it is used for"},
        {"evidence", EVIDENCE, O, "证据文件（销售凭证、计量记录、纯度检测）",
         "evidence files (sales records, metering, purity tests)"},
        END}};

const fs_section fs_green = {
    "green_electricity", "绿色电力", "green electricity",
    (const fs_key[]){
        {"id", ID, R, "标识", "id"},
        {"kind", ENUM(fs_green_kinds), R,
         "certificate：绿证；direct：绿电直购（绿电交易）",
         "certificate: green certificates; direct: direct green-power purchase"},
        {"quantity", QTY("MWh"), R, "审计期内对应的电量", "electricity of the period it covers"},
        {"supplier", TEXT2, O, "售电方或核发机构", "seller or issuing body"},
        {"evidence", EVIDENCE, O, "证据文件（绿证、交易凭证）",
         "evidence files (certificates, trade records)"},
        END}};

const fs_section fs_carbon_management = {
    "carbon_management", "碳排放管理", "carbon management",
    (const fs_key[]){
        {"monitoring_plan", BOOL, O, "有经批准的数据质量控制计划（监测计划）",
         "an approved monitoring (data quality control) plan is in place"},
        {"monitoring_plan_date", DATE, O, "监测计划的批准或最近修订日期",
         "date the plan was approved or last revised"},
        {"responsible", TEXT2, O, "碳排放管理的负责部门或人员",
         "department or person responsible for carbon accounting"},
        {"activity_metering", BOOL, O, "活动数据按计划计量并留存记录",
         "activity data metered as planned, with records kept"},
        {"carbon_content_tested", BOOL, O, "燃料元素碳含量按规定采样化验",
         "fuel carbon content sampled and analysed as required"},
        {"ncv_tested", BOOL, O, "燃料低位发热量按规定采样化验",
         "fuel net calorific value sampled and analysed as required"},
        {"laboratory", TEXT2, O, "化验机构", "laboratory"},
        {"laboratory_accredited", BOOL, O, "化验机构具备 CMA 或 CNAS 资质",
         "the laboratory holds CMA or CNAS accreditation"},
        {"internal_review", BOOL, O, "排放报告经内部审核",
         "the emission report is reviewed internally"},
        {"peak_year", INT(2000, 2100), O, "碳达峰目标年份", "target year of the emissions peak"},
        {"intensity_target", RATIO, O, "碳排放强度下降目标", "target reduction of carbon intensity"},
        {"intensity_target_year", INT(2000, 2100), O, "强度目标的目标年份",
         "year the intensity target is for"},
        {"reporting", BOOL, O, "按规定报送排放报告（管理平台）",
         "emission reports submitted as required (the reporting platform)"},
        END}};

const fs_section fs_allowance_line = {
    "allowance_line", "配额分配项", "allocation line",
    (const fs_key[]){
        {"benchmark", ID, O,
         "发电行业基准值（rules/ets.yaml power_benchmarks 的 key）；与 process 二选一",
         "power benchmark (a key of power_benchmarks in rules/ets.yaml); "
         "this or process"},
        {"process", ID, O,
         "钢铁、水泥、铝冶炼纳入配额分配的工序（rules/ets.yaml "
         "industrial_allocation 的 key）；与 benchmark 二选一",
         "the covered steel, cement or aluminium process (a key of "
         "industrial_allocation in rules/ets.yaml); this or benchmark"},
        {"case", ID, O,
         "配额方案列明的特定情形（如 carbide_slag_over_15，rules/ets.yaml 的 cases）",
         "a case the plan names (such as carbide_slag_over_15, cases of "
         "rules/ets.yaml)"},
        {"emissions", QTY("tCO2"), O,
         "该工序经核查的排放量（覆盖气体，tCO2e）；只有一项时默认取设施的直接排放",
         "the process's verified emissions in the covered gases (tCO2e); "
         "with a single line, the facility's direct emissions by default"},
        {"allocated", QTY("tCO2"), O,
         "省级生态环境主管部门核定的配额（给出时取此数）",
         "the allocation the provincial authority determined (used when "
         "given)"},
        {"electricity", QTY("MWh"), O,
         "计算配额的电量（配额方案规定的供电量或发电量）",
         "electricity allocated on (supply or generation, as the plan says)"},
        {"heat", QTY("GJ"), O, "供热量", "heat supplied"},
        {"correction", NUM, O, "修正系数之积（默认 1）",
         "product of the correction factors (default 1)"},
        END}};

const fs_section fs_allowance = {
    "allowance", "碳排放配额", "emission allowances",
    (const fs_key[]){
        {"carbon_price", QTY(NULL), O, "碳价（如 85 CNY/t）",
         "carbon price (such as 85 CNY/t)"},
        {"lines", LIST(MAP(fs_allowance_line)), O, "按基准值分配的各项",
         "the lines allocated by benchmark"},
        END}};

const fs_section fs_quota = {
    "quota", "能耗定额", "energy quota",
    (const fs_key[]){
        {"name", TEXT2, R, "定额名称（如 2024 年度能耗定额）",
         "name of the quota (the 2024 energy quota)"},
        {"standard", TEXT2, R, "依据：地方标准或下达文件的编号",
         "basis: the provincial standard or the notice that sets it"},
        {"indicator", ID, R,
         "对比的指标（energy.intensity 的键，如 kgce_per_m2_equal_value）",
         "the indicator compared (a key of energy.intensity, such as "
         "kgce_per_m2_equal_value)"},
        {"constraint", NUM, R, "约束值（指标的单位）",
         "constraint value (in the indicator's unit)"},
        {"baseline", NUM, O, "基准值", "baseline value"},
        {"guide", NUM, O, "引导值", "guide value"},
        {"source", TEXT2, O, "来源说明", "where the values come from"},
        END}};

const fs_section fs_root = {
    "facility_file", "auditgen 设施文件（版本 1）", "auditgen facility file (version 1)",
    (const fs_key[]){
        {"auditgen", INT(1, 1), R, "输入格式版本，写 1", "input format version: 1"},
        {"facility", MAP(fs_facility), R, "企业", "the enterprise"},
        {"audit", MAP(fs_audit), R, "审计", "the audit"},
        {"units", LIST_OR_NULL(MAP(fs_unit)), O, "用能单元（GB/T 16616 能源网络）",
         "process units (GB/T 16616 energy network)"},
        {"meters", LIST(MAP(fs_meter)), R, "计量器具与计量点", "meters and metering points"},
        {"stock", LIST_OR_NULL(MAP(fs_stock)), O, "库存变化", "stock changes"},
        {"products", LIST_OR_NULL(MAP(fs_product)), O, "产品", "products"},
        {"prices", DICT_OR_NULL(ONE_OF(QTY(NULL), MAP(fs_price))), O,
         "能源价格：品种: 单价 或 {price, vat}",
         "prices: carrier: unit price or {price, vat}"},
        {"factors", DICT_OR_NULL(MAP(fs_factor)), O, "覆盖 rules/ 的系数（须注明来源）",
         "overrides of rules/ factors (each with its source)"},
        {"process_emissions", LIST_OR_NULL(MAP(fs_process)), O, "工业过程排放",
         "process emissions"},
        {"gases", LIST_OR_NULL(MAP(fs_gas)), O, "非二氧化碳温室气体",
         "non-CO2 greenhouse gases"},
        {"equipment", LIST_OR_NULL(MAP(fs_equipment)), O, "主要用能设备",
         "energy-using equipment"},
        {"measures", LIST_OR_NULL(MAP(fs_measure)), O, "节能技改措施",
         "energy-saving measures"},
        {"baseline", MAP_OR_NULL(fs_baseline), O, "基期（节能量）",
         "base period (energy savings)"},
        {"management", MAP_OR_NULL(fs_management), O, "能源管理", "energy management"},
        {"declared", LIST_OR_NULL(MAP(fs_declared)), O,
         "企业申报的数据（与核算结果对照）",
         "figures the enterprise declared (reconciled with the computed ones)"},
        {"co2_recovered", LIST_OR_NULL(MAP(fs_recovered)), O,
         "回收并供边界外使用的二氧化碳（按纯度扣减）",
         "CO2 recovered and supplied outside the boundary (deducted by purity)"},
        {"green_electricity", LIST_OR_NULL(MAP(fs_green)), O,
         "绿证和绿电直购（基于市场的范围二）",
         "green certificates and direct green-power purchases (market-based scope 2)"},
        {"carbon_management", MAP_OR_NULL(fs_carbon_management), O,
         "碳排放管理与数据质量", "carbon management and data quality"},
        {"allowance", MAP_OR_NULL(fs_allowance), O, "碳排放配额与碳价",
         "emission allowances and the carbon price"},
        {"quotas", LIST_OR_NULL(MAP(fs_quota)), O,
         "下达给本单位的能耗定额（公共机构）",
         "energy quotas set for this facility (public institutions)"},
        {"history", LIST_OR_NULL(MAP(fs_year)), O, "往年数据（逐年比较、因素分解）",
         "earlier years (year-on-year comparison, decomposition)"},
        {"saving_target", QTY(NULL), O,
         "节能目标：自最早往年起的节能量（如 \"600 tce\"）或万元产值能耗下降率（如 \"8 %\"）",
         "saving target since the earliest earlier year: an energy saving "
         "(such as \"600 tce\") or a reduction of energy per output value "
         "(such as \"8 %\")"},
        END}};

const fs_section *const fs_sections[] = {
    &fs_root,     &fs_facility,  &fs_capacity,  &fs_audit,
    &fs_period,   &fs_team,      &fs_unit,      &fs_conversion,
    &fs_meter,    &fs_register,  &fs_stock,     &fs_price,
    &fs_factor,   &fs_product,   &fs_share,     &fs_use,
    &fs_process,  &fs_equipment, &fs_rated,     &fs_measured,
    &fs_measure,  &fs_saving,    &fs_schedule,  &fs_baseline,
    &fs_base_product, &fs_evidence, &fs_management, &fs_organisation,
    &fs_manager,  &fs_targets,   &fs_five_year, &fs_yearly,
    &fs_system,   &fs_meter_management, &fs_online, &fs_obsolete,
    &fs_obsolete_found, &fs_previous, &fs_previous_measure, &fs_declared,
    &fs_gas, &fs_sf6, &fs_recovered, &fs_green, &fs_carbon_management,
    &fs_allowance, &fs_allowance_line, &fs_quota, &fs_year, &fs_year_product,
    &fs_lighting, NULL};

/* }====================================================== */
/* {====================================================== key check */

/* No section has more keys than this (a static check in the tests). */
#define FS_MAX_KEYS 64

bool fs_map(schema *s, const ynode *n, const char *path,
            const fs_section *sec)
{
  const char *keys[FS_MAX_KEYS + 1], *req[FS_MAX_KEYS + 1];
  size_t nk = 0, nr = 0;
  for (const fs_key *k = sec->keys; k->name && nk < FS_MAX_KEYS; k++) {
    keys[nk++] = k->name;
    if (k->required)
      req[nr++] = k->name;
  }
  keys[nk] = req[nr] = NULL;
  return sch_map(s, n, path, keys, req);
}

/* }====================================================== */
/* {====================================================== JSON Schema */

static const char *both(arena *a, const char *zh, const char *en,
                        const char *sep)
{
  return arena_printf(a, "%s%s%s", zh, sep, en);
}

/* The number forms of units_number, unanchored. */
static const char *number_re(arena *a)
{
  const char *re = units_number_pattern();
  size_t n = strlen(re);
  return arena_strndup(a, re + 1, n - 2); /* without ^ and $ */
}

static value *ref(arena *a, const char *def)
{
  value *v = val_obj(a);
  val_set_str(a, v, "$ref", arena_printf(a, "#/$defs/%s", def));
  return v;
}

static value *string_list(arena *a, const char *const *words)
{
  value *arr = val_arr(a);
  for (size_t i = 0; words[i]; i++)
    val_push(a, arr, val_str(a, words[i]));
  return arr;
}

static value *any_of(arena *a, value *x, value *y)
{
  value *v = val_obj(a);
  value *arr = val_arr(a);
  val_push(a, arr, x);
  val_push(a, arr, y);
  val_set(a, v, "anyOf", arr);
  return v;
}

/* An array or object schema v that also takes null: its "type" a list
   (an editor then names the type expected, not "none of the schemas"). */
static value *or_null(arena *a, value *v)
{
  value *types = val_arr(a);
  val_push(a, types, val_str(a, val_get(v, "type")->str));
  val_push(a, types, val_str(a, "null"));
  val_set(a, v, "type", types);
  return v;
}

static value *type_schema(arena *a, const fs_type *t)
{
  value *v;
  switch (t->kind) {
  case FS_TEXT:
    v = ref(a, "text");
    break;
  case FS_ID:
    v = ref(a, "id");
    break;
  case FS_NUM:
    v = ref(a, "number");
    break;
  case FS_BOOL:
    v = ref(a, "boolean");
    break;
  case FS_DATE:
    v = ref(a, "date");
    break;
  case FS_TEXT2:
    v = ref(a, "text2");
    break;
  case FS_RATIO:
    v = ref(a, "ratio");
    break;
  case FS_QTY:
    v = ref(a, "quantity");
    break;
  case FS_INT: {
    value *i = val_obj(a);
    val_set_str(a, i, "type", "integer");
    val_set_num(a, i, "minimum", (double)t->lo);
    val_set_num(a, i, "maximum", (double)t->hi);
    value *s = val_obj(a);
    val_set_str(a, s, "type", "string");
    val_set_str(a, s, "pattern", arena_printf(a, "^%s$", number_re(a)));
    v = any_of(a, i, s);
    break;
  }
  case FS_ENUM:
    v = val_obj(a);
    val_set(a, v, "enum", string_list(a, t->choices));
    break;
  case FS_LIST:
    v = val_obj(a);
    val_set_str(a, v, "type", "array");
    val_set(a, v, "items", type_schema(a, t->item));
    return t->nullable ? or_null(a, v) : v;
  case FS_MAP:
    v = ref(a, t->sec->def);
    break;
  case FS_FLAGS: {
    v = val_obj(a);
    val_set_str(a, v, "type", "object");
    value *props = val_obj(a);
    for (size_t i = 0; t->choices[i]; i++)
      val_set(a, props, t->choices[i], ref(a, "boolean"));
    val_set(a, v, "properties", props);
    val_set_bool(a, v, "additionalProperties", false);
    break;
  }
  case FS_DICT: {
    v = val_obj(a);
    val_set_str(a, v, "type", "object");
    val_set(a, v, "propertyNames", ref(a, "id"));
    val_set(a, v, "additionalProperties", type_schema(a, t->item));
    return t->nullable ? or_null(a, v) : v;
  }
  case FS_ONE_OF:
  default:
    v = any_of(a, type_schema(a, t->item), type_schema(a, t->alt));
    break;
  }
  if (t->nullable) {
    value *n = val_obj(a);
    val_set_str(a, n, "type", "null");
    v = any_of(a, v, n);
  }
  return v;
}

static value *section_schema(arena *a, const fs_section *sec)
{
  value *v = val_obj(a);
  val_set_str(a, v, "title", both(a, sec->zh, sec->en, " / "));
  val_set_str(a, v, "type", "object");
  value *props = val_obj(a), *req = val_arr(a);
  for (const fs_key *k = sec->keys; k->name; k++) {
    value *p = type_schema(a, k->type); /* a new object: its own words */
    const char *zh = k->zh, *en = k->en;
    if (k->type->kind == FS_QTY && k->type->unit) {
      zh = arena_printf(a, "%s（单位如 %s）", zh, k->type->unit);
      en = arena_printf(a, "%s (in %s or another unit of its dimension)", en,
                        k->type->unit);
    }
    val_set_str(a, p, "title", both(a, k->zh, k->en, " / "));
    val_set_str(a, p, "description", both(a, zh, en, "\n"));
    val_set(a, props, k->name, p);
    if (k->required)
      val_push(a, req, val_str(a, k->name));
  }
  val_set(a, v, "properties", props);
  if (req->n)
    val_set(a, v, "required", req);
  val_set_bool(a, v, "additionalProperties", false);
  return v;
}

static value *typed(arena *a, const char *type)
{
  value *v = val_obj(a);
  val_set_str(a, v, "type", type);
  return v;
}

static value *patterned(arena *a, const char *pattern)
{
  value *v = typed(a, "string");
  val_set_str(a, v, "pattern", pattern);
  return v;
}

/* The scalar types shared by every section. */
static void scalar_defs(arena *a, value *defs)
{
  const char *num = number_re(a);
  value *scalar = val_arr(a);
  val_push(a, scalar, val_str(a, "string"));
  val_push(a, scalar, val_str(a, "number"));
  val_push(a, scalar, val_str(a, "boolean"));

  value *text = val_obj(a);
  val_set_str(a, text, "title", "文字 / text");
  val_set(a, text, "type", scalar);
  val_set(a, defs, "text", text);

  value *id = any_of(a, patterned(a, "^[A-Za-z0-9_.-]{1,64}$"),
                     typed(a, "number"));
  val_set_str(a, id, "title", "标识 / identifier");
  val_set_str(a, id, "description",
              "字母、数字、_ - .，至多 64 个\nletters, digits, _ - . ; at "
              "most 64");
  val_set(a, defs, "id", id);

  value *number = any_of(a, typed(a, "number"),
                         patterned(a, arena_printf(a, "^%s$", num)));
  val_set_str(a, number, "title", "数 / number");
  val_set_str(a, number, "description",
              "可用千位分隔符（1,234,567.8）\nthousands separators allowed "
              "(1,234,567.8)");
  val_set(a, defs, "number", number);

  value *words = val_obj(a);
  val_set(a, words, "enum", string_list(a, (const char *const[]){"yes", "no",
                                                                 NULL}));
  value *boolean = any_of(a, typed(a, "boolean"), words);
  val_set_str(a, boolean, "title", "是非 / true or false");
  val_set(a, defs, "boolean", boolean);

  value *d = patterned(a, "^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
  val_set_str(a, d, "title", "日期 / date");
  val_set_str(a, d, "description", "YYYY-MM-DD");
  val_set(a, defs, "date", d);

  /* {zh, en}, or one string for both */
  value *lang = val_obj(a);
  val_set_str(a, lang, "type", "object");
  value *zp = val_obj(a);
  val_set(a, zp, "zh", ref(a, "text"));
  val_set(a, zp, "en", ref(a, "text"));
  val_set_str(a, val_get(zp, "zh"), "description", "中文\nChinese");
  val_set_str(a, val_get(zp, "en"), "description", "英文\nEnglish");
  val_set(a, lang, "properties", zp);
  val_set(a, lang, "required", string_list(a, (const char *const[]){"zh", "en",
                                                                    NULL}));
  val_set_bool(a, lang, "additionalProperties", false);
  value *plain = typed(a, "string");
  val_set_str(a, plain, "description",
              "一个字符串同时用于两种语言（警告）\none string for both "
              "languages (a warning)");
  value *bi = any_of(a, lang, plain);
  val_set_str(a, bi, "title", "双语文字 / bilingual text");
  val_set_str(a, bi, "description",
              "{zh: 中文, en: English}\n{zh: Chinese, en: English}");
  val_set(a, defs, "text2", bi);

  /* a quantity: "<number> <unit>", or {value:, unit:} */
  value *obj = val_obj(a);
  val_set_str(a, obj, "type", "object");
  value *qp = val_obj(a);
  val_set(a, qp, "value", ref(a, "number"));
  val_set(a, qp, "unit", typed(a, "string"));
  val_set(a, obj, "properties", qp);
  val_set(a, obj, "required", string_list(a, (const char *const[]){"value",
                                                                   NULL}));
  val_set_bool(a, obj, "additionalProperties", false);
  value *q = any_of(a, patterned(a, arena_printf(a, "^\\s*%s\\s*[^\\s0-9.,]"
                                                    ".*$",
                                                 num)),
                    obj);
  val_set_str(a, q, "title", "量 / quantity");
  val_set_str(a, q, "description",
              "数值和单位，如 \"2,427.77 tce\"，或 {value: 2427.77, unit: "
              "tce}\na number and its unit, such as \"2,427.77 tce\", or "
              "{value: 2427.77, unit: tce}");
  val_set(a, defs, "quantity", q);

  /* a ratio: 0.78, "78 %", or a dimensionless quantity */
  value *r = val_obj(a);
  value *alts = val_arr(a);
  val_push(a, alts, typed(a, "number"));
  val_push(a, alts,
           patterned(a, arena_printf(a, "^\\s*%s\\s*(%%|[^\\s0-9.,].*)?$",
                                     num)));
  val_push(a, alts, obj);
  val_set(a, r, "anyOf", alts);
  val_set_str(a, r, "title", "比率 / ratio");
  val_set_str(a, r, "description", "0.78 或 \"78 %\"\n0.78 or \"78 %\"");
  val_set(a, defs, "ratio", r);
}

/* products are required of an industrial facility (model.c,
   check_products_required): facility.industry one of industrial (the codes
   of GB/T 4754 sections B, C and D in rules/industries.yaml, their digits
   alone, and the keys standing for one) and no building_type. */
static value *products_required(arena *a, const char *const *industrial)
{
  static const char *const none[] = {NULL};
  value *ind = val_obj(a);
  val_set(a, ind, "enum", string_list(a, industrial ? industrial : none));
  value *fac = val_obj(a);
  value *req = val_set(a, fac, "required", val_arr(a));
  val_push(a, req, val_str(a, "industry"));
  val_set(a, val_set(a, fac, "properties", val_obj(a)), "industry", ind);
  value *bt = val_set(a, fac, "not", val_obj(a));
  val_push(a, val_set(a, bt, "required", val_arr(a)),
           val_str(a, "building_type"));
  value *cond = val_obj(a);
  val_push(a, val_set(a, cond, "required", val_arr(a)),
           val_str(a, "facility"));
  val_set(a, val_set(a, cond, "properties", val_obj(a)), "facility", fac);
  value *then = val_obj(a);
  val_push(a, val_set(a, then, "required", val_arr(a)),
           val_str(a, "products"));
  value *pl = val_obj(a);
  val_set_str(a, pl, "type", "array");
  val_set_num(a, pl, "minItems", 1);
  val_set(a, val_set(a, then, "properties", val_obj(a)), "products", pl);
  value *rule = val_obj(a);
  val_set(a, rule, "if", cond);
  val_set(a, rule, "then", then);
  val_set_str(a, rule, "description",
              "工业企业（GB/T 4754 B、C、D 门类，未写 building_type）须列出产品\n"
              "An industrial facility (GB/T 4754 sections B, C, D, no "
              "building_type) lists its products");
  value *all = val_arr(a);
  val_push(a, all, rule);
  return all;
}

value *fs_json_schema(arena *a, const char *const *industrial)
{
  value *root = section_schema(a, &fs_root);
  value *out = val_obj(a);
  val_set_str(a, out, "$schema", "https://json-schema.org/draft/2020-12/schema");
  for (size_t i = 0; i < root->n; i++)
    val_set(a, out, root->keys[i], root->items[i]);
  val_set(a, out, "allOf", products_required(a, industrial));
  val_set_str(a, out, "description",
              "auditgen 的输入：一个企业（审计边界）一个审计期。未知键是错误。\n"
              "The input of auditgen: one enterprise (the audit boundary) for "
              "one audit period. Unknown keys are errors.");
  value *defs = val_obj(a);
  scalar_defs(a, defs);
  for (size_t i = 1; fs_sections[i]; i++)
    val_set(a, defs, fs_sections[i]->def, section_schema(a, fs_sections[i]));
  val_set(a, out, "$defs", defs);
  return out;
}

/* }====================================================== */

/* {====================================================== paths */

/* Whether rest, what follows a step of a path ("" at its end, else
   ".key…" or "[item]…"), fits type t: each key one of its section, an
   item only in a list, and a scalar only where the file takes one (not
   for a list or mapping, though it may be null: a value there would hide
   what the forms add to it). */
static bool path_fits(const fs_type *t, const char *rest)
{
  if (t->kind == FS_ONE_OF)
    return path_fits(t->item, rest) || path_fits(t->alt, rest);
  if (!*rest)
    return t->kind != FS_MAP && t->kind != FS_LIST && t->kind != FS_DICT &&
           t->kind != FS_FLAGS;
  if (*rest == '[') {
    const char *close = strchr(rest, ']');
    return t->kind == FS_LIST && close && path_fits(t->item, close + 1);
  }
  const char *k = rest + 1;
  size_t n = strcspn(k, ".[");
  switch (t->kind) {
  case FS_MAP:
    for (const fs_key *x = t->sec->keys; x->name; x++)
      if (strlen(x->name) == n && strncmp(x->name, k, n) == 0)
        return path_fits(x->type, k + n);
    return false;
  case FS_DICT:
    return path_fits(t->item, k + n);
  case FS_FLAGS:
    for (const char *const *c = t->choices; c && *c; c++)
      if (strlen(*c) == n && strncmp(*c, k, n) == 0)
        return !k[n];
    return false;
  case FS_TEXT2: /* {zh:, en:} */
    return !k[n] && ((n == 2 && (strncmp(k, "zh", 2) == 0 ||
                                 strncmp(k, "en", 2) == 0)));
  case FS_QTY: /* {value:, unit:} */
    return !k[n] && ((n == 5 && strncmp(k, "value", 5) == 0) ||
                     (n == 4 && strncmp(k, "unit", 4) == 0));
  default:
    return false;
  }
}

bool fs_path_fits(const char *path)
{
  static const fs_type file = {.kind = FS_MAP, .sec = &fs_root};
  if (!path || !*path || *path == '[' || *path == '.')
    return false;
  size_t n = strlen(path);
  char rest[1024];
  if (n + 2 > sizeof rest)
    return false;
  rest[0] = '.';
  memcpy(rest + 1, path, n + 1);
  return path_fits(&file, rest);
}

/* }====================================================== */
