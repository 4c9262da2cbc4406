{% for energy.carriers %}
zh: {{.name_zh}}
