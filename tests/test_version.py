"""One version number, pyproject.toml's: `--version`, About and every manifest show it."""

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from dossier_app import version
from tests.cli.test_start_imports import HELP_FORBIDDEN, imported_modules

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT_VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def test_the_version_is_pyprojects() -> None:
    assert version.program_version() == PYPROJECT_VERSION


def test_main_prints_the_version_without_the_database_layer_or_qt() -> None:
    result = subprocess.run(
        [sys.executable, "main.py", "--version"], cwd=ROOT, capture_output=True, text=True, timeout=120, check=True
    )
    assert result.stdout == f"dossier_app {PYPROJECT_VERSION}\n"
    assert sorted(imported_modules("--version") & set(HELP_FORBIDDEN)) == []


def test_the_bundle_reads_the_file_written_at_build_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The bundle has neither pyproject.toml nor metadata: the spec writes dossier_app/VERSION, which comes first."""
    shipped = tmp_path / "VERSION"
    shipped.write_text("9.8.7\n", encoding="utf-8")
    monkeypatch.setattr(version, "BUNDLED_VERSION_FILE", shipped)
    assert version.program_version() == "9.8.7"


def test_without_the_file_or_pyproject_the_installed_metadata_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An installed wheel: no pyproject.toml beside the package, its metadata has the number."""
    monkeypatch.setattr(version, "BUNDLED_VERSION_FILE", tmp_path / "absent")
    monkeypatch.setattr(version, "_PYPROJECT", tmp_path / "pyproject.toml")
    monkeypatch.setattr("importlib.metadata.version", lambda name: "1.2.3" if name == "dossier_app" else "?")
    assert version.program_version() == "1.2.3"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('[project]\nname = "x"\nversion = "2.0.1"\n', "2.0.1"),
        ('[project]\nname = "x"\n', None),
        ('[project]\nversion = "not a version"\n', None),
        ("[project\n", None),
    ],
)
def test_pyproject_version(tmp_path: Path, text: str, expected: str | None) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text(text, encoding="utf-8")
    assert version.pyproject_version(path) == expected
