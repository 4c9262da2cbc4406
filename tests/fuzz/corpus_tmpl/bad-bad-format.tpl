zh: 综合能耗{{energy.total_tce|0,00}} tce。
