{% if .tce > 0 %}
{% if .tce > 0 %}
{% if .tce > 0 %}
{% if .tce > 0 %}
{% if .tce > 0 %}
{% if .tce > 0 %}
{% if .tce > 0 %}
{% if .tce > 0 %}
{% if .tce > 0 %}
{% if .tce > 0 %}
{% if .tce > 0 %}
{% if .tce > 0 %}
{% if .tce > 0 %}
{% if .tce > 0 %}
{% if .tce > 0 %}
{% if .tce > 0 %}
{% if .tce > 0 %}
{% if .tce > 0 %}
{% if .tce > 0 %}
{% if .tce > 0 %}
zh: x
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
