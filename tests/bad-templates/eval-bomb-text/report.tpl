# 测试 | Test

zh: 共{{count(energy.monthly.months[? count(energy.monthly.months[? count(energy.monthly.months[? count(energy.monthly.months[? count(energy.monthly.months[? count(energy.monthly.months[? count(energy.monthly.months[? count(energy.monthly.months[? true])])])])])])])])|#}}项
en: {{energy.total_tce|0.00}}
