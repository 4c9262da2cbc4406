zh: 名称{{.name_zh}}。
