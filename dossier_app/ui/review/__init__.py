"""Review in the window: the review strip, redlines, work queues, comments and the comment register."""
