"""Write the Word reference documents of `exports/` from the Decree 30 styles built in code.

Run after changing the styles in code (export/format_rules.py, export/docx_styles.py), then commit the files:

    python release/export_templates.py            # rewrites exports/<kind>.docx for every document kind
    python release/export_templates.py --check    # exit 1 when a shipped reference lacks a style the writer needs

An office that wants another look edits its copy in Word (Home › Styles) and keeps it in the `exports` folder of its
user data folder; the program reads that copy first.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dossier_app.domain.errors import DossierError
from dossier_app.export.docx_styles import reference_document
from dossier_app.export.templates import KINDS, SHIPPED_DIR, check_reference


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check the shipped reference documents")
    args = parser.parse_args(argv)
    for kind in KINDS:
        path = SHIPPED_DIR / f"{kind}.docx"
        if not args.check:
            path.write_bytes(reference_document())
        try:
            check_reference(path)
        except DossierError as error:
            print(error.message, file=sys.stderr)
            return 1
        print(f"{path.relative_to(SHIPPED_DIR.parent)}: ok")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
