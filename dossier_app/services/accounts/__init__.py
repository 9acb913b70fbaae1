"""Accounts, sign-in and the audit trail."""
