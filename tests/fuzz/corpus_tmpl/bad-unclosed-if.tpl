# 概况 | Overview

{% if energy.total_tce > 0 %}
zh: 有能耗。
en: Energy is used.
