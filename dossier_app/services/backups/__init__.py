"""Backing up and restoring the database."""
