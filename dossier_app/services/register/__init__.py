"""The land clearance register: parties and their rows, workbooks, catalogues, dashboard, charts."""
