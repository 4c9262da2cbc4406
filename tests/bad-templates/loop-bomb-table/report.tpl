{% for energy.monthly.months %}
{% for energy.monthly.months %}
{% for energy.monthly.months %}
{% for energy.monthly.months %}
{% table energy.monthly.months | 月份 | Months %}
| 月份 | Month | {{.}} | | left | 1
{% endtable %}
{% endfor %}
{% endfor %}
{% endfor %}
{% endfor %}
