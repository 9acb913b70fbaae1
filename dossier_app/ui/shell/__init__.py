"""The window's frame: the main window, its menus, the navigator, settings and opening the database."""
