"""A project's records in sync (milestone plans and steps, facts, filing dates): the desktop's side, its conflicts,
and the server's side."""
