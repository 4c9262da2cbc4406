# 证据 | Evidence

{% image evidence[0].width_px + 1 | 图 | Figure %}
{% image count(evidence) %}
{% image nosuch.path | 图 | Figure %}
