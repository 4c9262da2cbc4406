#! report.tpl — the top file of the shipped report (shared/spec/report.md).
#! Cover, sign-off page, contents, summary, chapters 1–12, appendices A–C.
#! A firm reorders or cuts parts by editing the includes below.

{% cover %}

zh: {{facility.name.zh}}
en: {{facility.name.en}}

zh: 统一社会信用代码：{{facility.credit_code}}
en: Unified social credit code: {{facility.credit_code}}

zh: 能源审计报告（及碳排放审计）
en: Energy Audit Report (and Carbon Audit)

zh: 审计期：{{period.from}} 至 {{period.to}}
en: Audit period: {{period.from}} to {{period.to}}

{% if audit.type == "special" %}

zh: 审计类型：专项审计
en: Audit type: special audit

{% else %}

{% if audit.type == "internal" %}

zh: 审计类型：{{facility.organisation.zh}}内部审计
en: Audit type: internal audit

{% else %}

zh: 审计类型：全面审计
en: Audit type: full audit

{% endif %}

{% endif %}

{% if exists(audit.auditor) %}

zh: 审计单位：{{audit.auditor.zh}}
en: Auditor: {{audit.auditor.en}}

{% endif %}

{% if exists(audit.report_date) %}

zh: 报告日期：{{audit.report_date}}
en: Report date: {{audit.report_date}}

{% endif %}

#! 报告编号 / Report No. and the firm logo come from the style (not in the
#! results tree).

{% endcover %}

#* 审计报告签署页 | Sign-off

zh: 本报告由审计组依据GB/T 17166《能源审计技术通则》及相关标准编制，经审核后签发。报告中的数据来自{{facility.organisation.zh}}提供的计量与统计资料及审计组的核查、测试，计算过程见附录A，所用因子及其来源见附录B。
en: This report was prepared by the audit team under GB/T 17166 (General principles for energy audits) and the related standards, and issued after review. Its data come from the {{facility.organisation.en}}'s metering and statistical records and from the audit team's verification and tests; the calculations are set out in Appendix A and the factors used, with their sources, in Appendix B.

{% if count(audit.team) > 0 %}

{% table audit.team | 审计组成员 | Audit team %}
| 姓名 | Name | {{.name_zh}} | {{.name_en}} | left | 1.6
| 审计职责 | Role | {{.role_zh}} | {{.role_en}} | left | 2.6
| 职称或资格 | Qualification | {{.qualification_zh}} | {{.qualification_en}} | left | 2.6
| 证书编号 | Certificate No. | {{.certificate}} | | left | 1.8
| 签字 | Signature | | | left | 1.8
{% endtable %}

{% keyvalue | 签署 | Sign-off %}
| 批准人 | Approved by | ____________________ |
| 审计单位（盖章） | Audit firm (seal) | ____________________ |
| 签发日期 | Date of issue | ____________________ |
{% endkeyvalue %}

{% else %}

{% keyvalue | 审计组与签署 | Audit team and sign-off %}
| 项目负责人 | Project leader | ____________________ |
| 审计人员 | Auditors | ____________________ |
| 审核人 | Reviewer | ____________________ |
| 批准人 | Approved by | ____________________ |
| 审计单位（盖章） | Audit firm (seal) | ____________________ |
| 签发日期 | Date of issue | ____________________ |
{% endkeyvalue %}

{% endif %}
note: zh: 注：签署栏由审计单位填写并加盖公章；无签字盖章的报告无效。 | en: Note: to be completed, signed and sealed by the audit firm; the report is not valid without signatures and seal.

{% pagebreak %}

{% toc %}

{% include summary.tpl %}

{% include ch01-scope.tpl %}

{% include ch02-enterprise.tpl %}

{% include ch03-management.tpl %}

{% include ch04-metering.tpl %}

{% include ch05-consumption.tpl %}

{% include ch06-equipment.tpl %}

{% include ch07-products.tpl %}

{% include ch08-cost.tpl %}

{% include ch09-carbon.tpl %}

{% include ch10-savings.tpl %}

{% include ch11-measures.tpl %}

{% include ch12-conclusions.tpl %}

{% include appendix-a-calc.tpl %}

{% include appendix-b-factors.tpl %}

{% include appendix-c-data.tpl %}

{% include appendix-d-evidence.tpl %}
