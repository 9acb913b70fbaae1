"""Warnings: the project's own are errors in the tests; a library's never reach the user's terminal."""

import os
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

from dossier_app import app

ROOT = Path(__file__).resolve().parents[1]


def _warn_from(module: str, category: type[Warning] = DeprecationWarning) -> None:
    """Raise a warning from code whose module is `module`, as `warnings.warn` in that module's body would."""
    code = compile(f"import warnings\nwarnings.warn('old call', {category.__name__})\n", f"<{module}>", "exec")
    exec(code, {"__name__": module})


@pytest.mark.parametrize("module", ["dossier_app", "dossier_app.services", "dossier_app.export.signing", "tests.x"])
def test_a_deprecation_in_our_code_fails_the_test(module: str) -> None:
    with pytest.raises(DeprecationWarning, match="old call"):
        _warn_from(module)


@pytest.mark.parametrize("module", ["pyhanko.sign.signers.pdf_cms", "dossier_appendix", "testsuite"])
def test_a_library_warning_is_no_error_in_the_tests(module: str) -> None:
    with warnings.catch_warnings(record=True) as caught:
        _warn_from(module)
    assert [str(w.message) for w in caught] == ["old call"]


def test_the_program_hides_library_warnings_and_shows_its_own() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        app.hide_library_warnings()
        for module in ("pyhanko.sign", "cryptography.utils", "dossier_appendix", "dossier_app.cli", "__main__"):
            _warn_from(module, UserWarning)
    assert [w.filename for w in caught] == ["<dossier_app.cli>", "<__main__>"]


@pytest.mark.parametrize("command", [["--help"], ["projects"], ["demo"]], ids=["help", "projects", "demo"])
def test_no_library_warning_on_the_terminal(tmp_path: Path, command: list[str]) -> None:
    """Every warning switched on (-W default, PYTHONWARNINGS, -X dev): stderr still carries none of a library's."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONWARNINGS": "default"}
    env.pop("DOSSIER_DB", None)
    result = subprocess.run(
        [sys.executable, "-X", "dev", "-W", "default", "main.py", "--db", str(tmp_path / "d.sqlite3"), *command],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout
    assert "Warning" not in result.stderr
    assert result.stderr == ""
