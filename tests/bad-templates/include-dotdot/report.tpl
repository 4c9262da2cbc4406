# 概况 | Overview

{% include .. %}
