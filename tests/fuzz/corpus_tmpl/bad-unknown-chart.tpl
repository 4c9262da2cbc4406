{% chart piechart | 饼图 | Pie %}
