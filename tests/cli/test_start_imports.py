"""Start-up is a feature: the commands a person types most load no library their path does not use.

Each check runs `python -X importtime main.py …` in a fresh interpreter and reads which modules it imported, so a
module-level import added anywhere on the path fails here, whatever the machine's speed.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Loaded only by the code that uses them: signing, charts, Word, PDF, spreadsheets, page images, passwords, the
# department server and its certificates, the desktop's HTTP client.
HEAVY = (
    "pyhanko",
    "PIL",
    "docx",
    "reportlab",
    "openpyxl",
    "python_calamine",
    "pypdfium2",
    "pypdf",
    "argon2",
    "starlette",
    "uvicorn",
    "httpx",
    "cryptography",
)
# `--help` needs neither the database layer nor Qt.
HELP_FORBIDDEN = (*HEAVY, "sqlalchemy", "sqlmodel", "alembic", "PySide6")


def imported_modules(*argv: str, env: dict[str, str] | None = None) -> set[str]:
    """The top-level packages a fresh `python main.py ARGV` imports, from its -X importtime report."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "main.py", *argv],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    names = modules_in_report(result.stderr)
    assert names, "no -X importtime report read"
    return names


def modules_in_report(report: str) -> set[str]:
    """Top-level package names of an -X importtime report."""
    return {
        line.rsplit("|", 1)[1].strip().split(".")[0]
        for line in report.splitlines()
        if line.startswith("import time:") and line.count("|") == 2
    }


def test_help_imports_no_database_layer_no_qt_and_no_heavy_library() -> None:
    loaded = imported_modules("--help")
    assert "dossier_app" in loaded
    assert sorted(loaded & set(HELP_FORBIDDEN)) == []


def test_projects_imports_no_heavy_library(tmp_path: Path) -> None:
    database = tmp_path / "start.db"
    demo = subprocess.run(
        [sys.executable, "main.py", "--db", str(database), "demo", "--households", "5"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert demo.returncode == 0, demo.stderr
    loaded = imported_modules("--db", str(database), "projects")
    assert "sqlalchemy" in loaded  # the listing really opened the database
    assert sorted(loaded & set(HEAVY)) == []


def test_the_window_frame_loads_no_database_layer() -> None:
    """The frame paints before the database opens: its module must not pull SQLAlchemy in behind its back."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "from dossier_app.ui.shell.main_window import MainWindow"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    loaded = modules_in_report(result.stderr)
    assert "PySide6" in loaded
    assert sorted(loaded & {*HEAVY, "sqlalchemy", "sqlmodel", "alembic", "pydantic"}) == []


@pytest.mark.parametrize("module", HEAVY)
def test_the_check_would_see_a_heavy_import(module: str) -> None:
    """The report parser finds a heavy module when one is imported (guards against a check that never fails)."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", f"import {module}"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert module in modules_in_report(result.stderr)
