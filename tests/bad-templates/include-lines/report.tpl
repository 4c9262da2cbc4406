{% include big.tpl %}
{% include big.tpl %}
{% include big.tpl %}
{% include big.tpl %}
{% include big.tpl %}
