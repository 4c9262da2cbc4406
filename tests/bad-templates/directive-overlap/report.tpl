# 标题 | Title

{%}
