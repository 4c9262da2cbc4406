# 概况 | Overview

{% include ../unknown-path/report.tpl %}
