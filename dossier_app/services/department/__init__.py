"""The department server's side of sync: the change feed, applying pushed changes, attachments' bytes, sessions."""
