"""packaging/systemd/dossier-serve.service: a unit systemd accepts, running `serve` as its own user with the database's
URL from an environment file, TLS, and a restart on failure; its command line is one `main.py` takes."""

import configparser
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dossier_app.cli import build_parser
from tests.packaging.conftest import ROOT

UNIT = ROOT / "packaging" / "systemd" / "dossier-serve.service"
PYTHON = "/opt/dossier_app/.venv/bin/python"


def _service() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(UNIT.read_text(encoding="utf-8"))
    return parser["Service"]


def test_the_unit_runs_serve_as_its_own_user_with_tls_and_restarts_on_failure() -> None:
    service = _service()
    assert service["User"] == "dossier" and service["Group"] == "dossier"
    assert service["EnvironmentFile"] == "/etc/dossier/serve.env" and service["Restart"] == "on-failure"
    command = shlex.split(service["ExecStart"])
    assert command[:2] == [PYTHON, "/opt/dossier_app/main.py"]
    args = build_parser().parse_args(command[2:])
    assert (args.host, args.port, args.tls_dir) == ("0.0.0.0", 8470, "/etc/dossier/tls")
    assert args.db is None  # the database's URL comes from DOSSIER_DB in the environment file


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd is not installed")
def test_systemd_analyze_verifies_the_unit(tmp_path: Path) -> None:
    unit = tmp_path / UNIT.name  # the program is not in /opt here: the unit's python is this test's
    unit.write_text(UNIT.read_text(encoding="utf-8").replace(PYTHON, sys.executable), encoding="utf-8")
    result = subprocess.run(["systemd-analyze", "verify", str(unit)], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and not result.stderr.strip(), result.stderr
