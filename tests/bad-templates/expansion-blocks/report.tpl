{% for energy.monthly.months %}
{% for energy.monthly.months %}
{% for energy.monthly.months %}
{% for energy.monthly.months %}
zh: a

zh: a

zh: a

zh: a

zh: a

zh: a

zh: a

zh: a

zh: a

zh: a

{% endfor %}
{% endfor %}
{% endfor %}
{% endfor %}
