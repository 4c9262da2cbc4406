# 概况 | Overview

zh: 综合能耗{{energy.totl_tce|0.00}} tce。
en: Total energy {{energy.total_tce|0.00}} tce.
