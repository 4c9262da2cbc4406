# 甲 | A

{% include b.tpl %}
