"""The land clearance register: the paged table, detail, editing, import, catalogues and dashboard."""
