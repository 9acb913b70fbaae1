"""Review of each section, the work queues and the comment register."""
