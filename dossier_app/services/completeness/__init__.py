"""Readiness of a dossier: the conditions checklist, the readiness report, consultations."""
