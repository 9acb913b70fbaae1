"""Is the dossier ready: readiness, the conditions checklist, facts and ministry consultations."""
