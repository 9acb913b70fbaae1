"""The milestone plan: its table, undoable edits, the Gantt chart and the holiday calendar."""
