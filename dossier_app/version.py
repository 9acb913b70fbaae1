"""The program's name and version: one number, `version` in pyproject.toml, shown by `--version` and About and
written into every package manifest.

From a source checkout the number is read from pyproject.toml itself; an installed wheel has no pyproject.toml
beside the package but has its metadata; the bundle has neither, so `packaging/dossier_app.spec` writes the number
from pyproject.toml into `dossier_app/VERSION` beside this module at build time. Cheap: no library is imported.
"""

import re
from pathlib import Path

PROGRAM_NAME = "dossier_app"
BUNDLED_VERSION_FILE = Path(__file__).resolve().parent / "VERSION"  # only in the bundle (not committed)
_PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


def program_version() -> str:
    """The version of the running program: the bundle's file, else pyproject.toml, else the installed metadata."""
    try:
        return BUNDLED_VERSION_FILE.read_text(encoding="utf-8").strip()
    except OSError:
        pass
    if found := pyproject_version(_PYPROJECT):
        return found
    from importlib import metadata

    try:
        return metadata.version(PROGRAM_NAME)
    except metadata.PackageNotFoundError:
        return "0.0.0"


def pyproject_version(path: Path) -> str | None:
    """The `version` of pyproject.toml's [project] table (tomllib: the bundle's build reads it the same way)."""
    import tomllib

    try:
        with path.open("rb") as file:
            version = tomllib.load(file).get("project", {}).get("version")
    except (OSError, tomllib.TOMLDecodeError):
        return None
    return version if isinstance(version, str) and re.fullmatch(r"[0-9][0-9A-Za-z.+!-]*", version) else None
