{% for energy.carriers %}
{% if true %}
{% for energy.carriers %}
{% if true %}
{% for energy.carriers %}
{% if true %}
{% for energy.carriers %}
{% if true %}
{% for energy.carriers %}
{% if true %}
{% for energy.carriers %}
{% if true %}
{% for energy.carriers %}
{% if true %}
{% for energy.carriers %}
{% if true %}
{% for energy.carriers %}
{% if true %}
{% for energy.carriers %}
{% if true %}
{% include inner.tpl %}
{% endif %}
{% endfor %}
{% endif %}
{% endfor %}
{% endif %}
{% endfor %}
{% endif %}
{% endfor %}
{% endif %}
{% endfor %}
{% endif %}
{% endfor %}
{% endif %}
{% endfor %}
{% endif %}
{% endfor %}
{% endif %}
{% endfor %}
{% endif %}
{% endfor %}
