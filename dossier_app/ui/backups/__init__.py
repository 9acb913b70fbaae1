"""Backups and restores from the window."""
