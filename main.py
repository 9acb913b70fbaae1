"""Thin launcher: the program and its command line live in dossier_app.app."""

import gc

from dossier_app.app import main

if __name__ == "__main__":
    status = main()
    # The interpreter's last collections would walk every object SQLAlchemy, the models and the libraries made (about
    # 0.2 s after an export, as long as the export's own reading); the program is done, so they skip what exists now.
    gc.freeze()
    raise SystemExit(status)
