"""Release checks: what the program ships with and under which licences (not part of the program itself)."""
