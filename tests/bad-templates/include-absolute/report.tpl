# 概况 | Overview

{% include /etc/passwd %}
