#! finding-item.tpl — one finding as a list item with its severity label and
#! clause. Included inside {% for findings… %}: ".x" is the finding.

{% if .severity == "nonconformity" %}

- zh: 【不符合项】{{.text.zh}}（依据：{{.basis.zh}}）
  en: [Nonconformity] {{.text.en}} (Basis: {{.basis.en}})

{% endif %}

{% if .severity == "warning" %}

- zh: 【警示】{{.text.zh}}（依据：{{.basis.zh}}）
  en: [Warning] {{.text.en}} (Basis: {{.basis.en}})

{% endif %}

{% if .severity == "advice" %}

- zh: 【建议】{{.text.zh}}（依据：{{.basis.zh}}）
  en: [Advice] {{.text.en}} (Basis: {{.basis.en}})

{% endif %}

{% if .severity == "info" %}

- zh: 【说明】{{.text.zh}}（依据：{{.basis.zh}}）
  en: [Information] {{.text.en}} (Basis: {{.basis.en}})

{% endif %}
