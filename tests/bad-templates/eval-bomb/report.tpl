# 测试 | Test

{% if count(findings[? count(findings[? count(findings[? count(findings[? count(findings[? count(findings[? count(findings[? count(findings[? true]) > 0]) > 0]) > 0]) > 0]) > 0]) > 0]) > 0]) > 0 %}

zh: x

{% endif %}
