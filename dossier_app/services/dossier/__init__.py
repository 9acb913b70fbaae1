"""Writing the dossier: projects, sections and revisions, attachments, search, regimes, numbers."""
