{% if energy.total_tce > > 0 %}
zh: 有。
{% endif %}
