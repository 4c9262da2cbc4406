# 概况 | Overview

{% include chapter.tpl %}
