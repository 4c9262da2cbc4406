{% table energy.carriers | 能源 | Energy %}
| 品种 | Carrier | {{.name_zh}} | {{.name_en}} | left | 2
