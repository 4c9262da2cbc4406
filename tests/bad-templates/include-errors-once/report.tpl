# 测试 | Test

{% include part.tpl %}

{% include part.tpl %}

{% include part.tpl %}
