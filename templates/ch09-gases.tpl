#! ch09-gases.tpl — 过程排放计算参数与其他温室气体 / process formula inputs and
#! non-CO2 gases (docs/calculation.md "Process emissions by formula", "Non-CO2
#! gases"). Included by ch09-carbon.tpl after the process emissions.

{% if count(carbon.scope1.process[? exists(.formula)]) > 0 %}

## 过程排放的计算参数 | Inputs of the process emission formulas

zh: 以下过程排放按行业核算指南的公式计算：碳酸盐分解按熟料（石灰）中CaO、MgO含量扣除非碳酸盐来源部分，以44/56、44/40.30折算；碳酸盐使用按消耗量 × 纯度 × 化学计量比；炭阳极等按含碳量 × 44/12。参数优先采用{{facility.organisation.zh}}实测值，缺失时采用指南缺省值。
en: The process emissions below are computed by the formulas of the sector accounting guidelines: carbonate decomposition from the CaO and MgO of the clinker (lime), less their non-carbonate part, at 44/56 and 44/40.30; carbonates used as quantity × purity × stoichiometric ratio; anodes and other carbon as carbon content × 44/12. The plant's measured values come first, the guideline's defaults fill what is missing.

{% for carbon.scope1.process[? exists(.formula)] %}

{% table .inputs | 过程排放计算参数 | Inputs of a process emission formula %}
| 参数 | Input | {{.name_zh}} | {{.name_en}} | left | 3
| 取值 | Value | {{.text}} | {{.text|en}} | number | 1.5
| 来源 | Source | {{.citation_zh}} | {{.citation}} | left | 4
{% endtable %}
note: zh: 注：{{.name_zh}}按上表参数计算，排放量{{.tco2|0.00}} tCO2（折合{{.factor_text}}），计算式见附录A；来源栏为空的参数未提供，按0计。 | en: Note: {{.name_en}} from the inputs above: {{.tco2|0.00}} tCO2 ({{.factor_text|en}}); the worked calculation is in Appendix A; an input with no source was not given and counts 0.

{% endfor %}

{% endif %}

## 其他温室气体 | Other greenhouse gases

{% if count(carbon.gases) > 0 %}

{% table carbon.gases | 非二氧化碳温室气体排放 | Non-CO2 greenhouse gas emissions %}
| 排放源 | Source | {{.name_zh}} | {{.name_en}} | left | 2.6
| 气体 | Gas | {{.gas}} | | left | 0.9
| 排放量（t） | Emitted (t) | {{.mass_t|0.0000}} | | number | 1.9
| GWP | GWP | {{.gwp|0.0}} | | number | 1.5
| 排放量（tCO2e） | Emissions (tCO2e) | {{.tco2e|0.00}} | | number | 1.8
| 方法出处 | Method reference | {{.citation_zh}} | {{.citation}} | left | 3.3
{% endtable %}
note: zh: 注：按{{carbon.gwp_set.name_zh}}折算二氧化碳当量；其他温室气体合计{{carbon.gases_tco2e|0.00}} tCO2e，温室气体排放总量（CO2当量）{{carbon.total_tco2e|0.00}} tCO2e。全国碳市场纳入门槛和行业基准仍按其规则所述的二氧化碳口径判断。 | en: Note: CO2 equivalents with the {{carbon.gwp_set.name_en}}; other greenhouse gases total {{carbon.gases_tco2e|0.00}} tCO2e and all greenhouse gases {{carbon.total_tco2e|0.00}} tCO2e. The national ETS threshold and the sector benchmarks stay on the CO2 basis their rules state.

{% if count(carbon.gases[? .gas == "CO2"]) > 0 %}
note: zh: 注：表中CO2为煤矿瓦斯中逃逸的二氧化碳及火炬燃烧抽采甲烷产生的二氧化碳，按煤炭生产企业核算指南计入温室气体排放总量（GWP为1），不计入范围一的二氧化碳合计和全国碳市场口径。 | en: Note: the CO2 rows are the carbon dioxide escaping with the mine gas and that of the drained methane flared, counted in the greenhouse gas total as the coal-production guideline does (GWP 1), not in the scope 1 CO2 total nor on the national ETS basis.
{% endif %}

{% else %}

zh: {{facility.organisation.zh}}无需单独核算的其他温室气体（甲烷、氧化亚氮、氢氟碳化物、全氟化碳、六氟化硫）排放；温室气体排放总量即二氧化碳排放总量{{carbon.total_tco2e|0.00}} tCO2e（{{carbon.gwp_set.name_zh}}）。
en: The {{facility.organisation.en}} has no other greenhouse gases (CH4, N2O, HFCs, PFCs, SF6) to account separately; its greenhouse gas total is its CO2 total, {{carbon.total_tco2e|0.00}} tCO2e ({{carbon.gwp_set.name_en}}).

{% endif %}
