# 乙 | B

{% include a.tpl %}
