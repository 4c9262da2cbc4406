zh: {{energy.nothing_here}}
