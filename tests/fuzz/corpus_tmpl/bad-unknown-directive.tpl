# 概况 | Overview

{% iff energy.total_tce > 0 %}
zh: 有能耗。
