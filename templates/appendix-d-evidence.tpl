#! appendix-d-evidence.tpl — 证据材料 / Evidence.
#! Printed only when the facility file lists evidence files (meters,
#! products, equipment, factors, process emissions: evidence:). Each file
#! with what it supports and its SHA-256, which lets a reviewer confirm
#! that the archived copy is the one the audit used; images are placed
#! below the list.

{% if count(evidence) > 0 %}

#D 证据材料 | Evidence

zh: 下表列出支持本报告数据的证据材料（发票、计量器具照片、检定证书、检测报告等），及各材料支持的数据项。每份材料的SHA-256校验值由审计所用文件计算，可用以核对存档副本与审计所用文件是否一致。
en: The table lists the evidence behind the data of this report (invoices, meter photographs, calibration certificates, test reports) and the data each supports. The SHA-256 of each file was computed from the file the audit used; it confirms that an archived copy is that file.

{% table evidence | 证据材料清单 | Evidence files %}
| 序号 | No. | {{.no|0}} | | center | 0.6
| 材料 | Document | {{.title.zh}} | {{.title.en}} | left | 2.4
| 支持的数据 | Supports | {{.supports_text.zh}} | {{.supports_text.en}} | left | 2.6
| 文件 | File | {{.file}} | | left | 2.4
| SHA-256 | SHA-256 | {{.sha256}} | | left | 3.2
{% endtable %}

{% for evidence %}
{% image . | {{.title.zh}}（证据{{.no|0}}） | {{.title.en}} (evidence {{.no|0}}) %}
{% endfor %}

{% endif %}
