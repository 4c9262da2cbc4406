{% for energy.monthly.months %}
{% for energy.monthly.months %}
{% for energy.monthly.months %}
{% for energy.monthly.months %}
{% for energy.monthly.months %}
{% for energy.monthly.months %}
{% for energy.monthly.months %}
{% for energy.monthly.months %}
{% for energy.monthly.months %}
{% for energy.monthly.months %}
{% for energy.monthly.months %}
{% for energy.monthly.months %}
zh: {{.}}
{% endfor %}
{% endfor %}
{% endfor %}
{% endfor %}
{% endfor %}
{% endfor %}
{% endfor %}
{% endfor %}
{% endfor %}
{% endfor %}
{% endfor %}
{% endfor %}
