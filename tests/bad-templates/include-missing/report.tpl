{% include chapter-nine.tpl %}
