"""Offline desktops and the department server (issue 9): server sign-in tokens, and the desktop's connection."""
