"""The tables load by capability: a name brings its module and the tables its foreign keys name, nothing more."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from dossier_app.domain import models

ROOT = Path(__file__).resolve().parents[2]

RESOLVE_ALONE = """
import sys
from sqlmodel import SQLModel
from dossier_app.domain.models import {name}
for table in SQLModel.metadata.tables.values():
    for key in table.foreign_keys:
        key.column  # raises NoReferencedTableError when the referenced table was not loaded with it
print(sorted(m for m in sys.modules if m.startswith("dossier_app.domain.models.")))
"""


@pytest.mark.parametrize("name", sorted(n for n, m in models._MODULE_OF.items() if m != "columns"))
def test_each_table_alone_brings_the_tables_its_foreign_keys_name(name: str) -> None:
    result = subprocess.run(
        [sys.executable, "-c", RESOLVE_ALONE.format(name=name)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert f"dossier_app.domain.models.{models._MODULE_OF[name]}" in result.stdout


def test_every_name_is_the_table_of_its_module() -> None:
    for name, module in models._MODULE_OF.items():
        if module == "columns":  # the shared helpers and the synced rows' base, not tables
            continue
        table = getattr(models, name)
        assert table.__module__ == f"dossier_app.domain.models.{module}"
        assert table.__tablename__ == name.lower()


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="NoSuchTable"):
        models.NoSuchTable  # noqa: B018


def test_listing_projects_loads_only_the_dossier_and_account_tables(tmp_path: Path) -> None:
    """`projects` is the command typed most: it must not pay for the register, milestone or readiness tables."""
    database = tmp_path / "list.db"
    subprocess.run(
        [sys.executable, "main.py", "--db", str(database), "demo", "--households", "5"],
        cwd=ROOT,
        capture_output=True,
        timeout=300,
        check=True,
    )
    # -X importtime misses imports made through importlib (the package's __getattr__): read sys.modules at exit
    report = (
        "import atexit, runpy, sys; "
        "atexit.register(lambda: print('MODULES', sorted(m for m in sys.modules "
        "if m.startswith('dossier_app.domain.models.')))); "
        f"sys.argv = ['main.py', '--db', {str(database)!r}, 'projects']; runpy.run_path('main.py', run_name='__main__')"
    )
    result = subprocess.run(
        [sys.executable, "-c", report], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
    line = next(line for line in result.stdout.splitlines() if line.startswith("MODULES "))
    loaded = set(ast.literal_eval(line.removeprefix("MODULES ")))
    assert "dossier_app.domain.models.dossier" in loaded
    assert loaded <= {
        "dossier_app.domain.models.dossier",
        "dossier_app.domain.models.accounts",
        "dossier_app.domain.models.columns",
        "dossier_app.domain.models.sync",  # the unit of work's two bookkeeping tables (storage/sync_log)
    }


def test_the_synced_names_are_the_synced_tables() -> None:
    """SYNCED_NAMES (read without loading any table) and SYNCED_MODELS (the classes) list the same tables."""
    assert [model.__name__ for model in models.SYNCED_MODELS] == list(models.SYNCED_NAMES)
    assert all(issubclass(model, models.SyncedRow) for model in models.SYNCED_MODELS)
