"""People: signing in, managing accounts and reading the audit trail."""
