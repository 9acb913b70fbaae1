"""Writing the dossier: the section editor, revisions, attachments, structure, project facts, search."""
