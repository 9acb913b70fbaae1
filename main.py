"""Thin launcher: the program and its command line live in dossier_app.app."""

from dossier_app.app import main

if __name__ == "__main__":
    raise SystemExit(main())
