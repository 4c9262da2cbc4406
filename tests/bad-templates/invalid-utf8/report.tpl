# 标题 | Title

zh: 正文�� 文本
en: body
