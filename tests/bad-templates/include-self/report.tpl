# 概况 | Overview

{% include report.tpl %}
