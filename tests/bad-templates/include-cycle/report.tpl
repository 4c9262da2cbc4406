# 概况 | Overview

{% include a.tpl %}
