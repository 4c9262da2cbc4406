zh: {{energy.carriers[1.5].tce|0.00}}
