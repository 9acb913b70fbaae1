"""What every service shares: the context of one open database, permissions and connections."""
