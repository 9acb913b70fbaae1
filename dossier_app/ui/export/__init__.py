"""Exporting the submission package: the export dialog, its history and the page preview."""
