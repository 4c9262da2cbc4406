zh: 文字。
{% endif %}
