{% table count(energy.carriers) | 能源 | Energy %}
| 品种 | Carrier | {{.name_zh}} | | left | 2
{% endtable %}
