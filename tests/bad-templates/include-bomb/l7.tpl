zh: {{energy.total_tce|0.00}}
