"""The command line never echoes a password: not on stdout, stderr, in the audit log or the database."""

import logging
from pathlib import Path

import pytest

from dossier_app.app import main
from dossier_app.services import open_services
from dossier_app.services.core.context import Operator
from tests.conftest import FAST_HASHER
from tests.services.secret_scan import files_containing, text_columns_containing

SECRET = "Cli-Mat-Khau-Rat-Bi-Mat"
CHANGED = "Cli-Doi-Mat-Khau-Moi-9"


def test_user_commands_keep_passwords_secret(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    caplog.set_level(logging.DEBUG)
    db = str(tmp_path / "cli.sqlite3")
    outputs = []
    monkeypatch.setenv("DOSSIER_PASSWORD", SECRET)
    assert main(["--db", db, "user", "add", "quantri", "--role", "admin"]) == 0
    outputs.append(capsys.readouterr())
    assert main(["--db", db, "user", "add", "lo", "--role", "officer", "--password", SECRET]) == 2
    outputs.append(capsys.readouterr())
    monkeypatch.setenv("DOSSIER_PASSWORD", CHANGED)
    assert main(["--db", db, "user", "passwd", "quantri"]) == 0
    outputs.append(capsys.readouterr())
    monkeypatch.setenv("DOSSIER_PASSWORD", "ngan")  # too short: the refusal must not repeat it
    assert main(["--db", db, "user", "passwd", "quantri"]) == 2
    outputs.append(capsys.readouterr())
    assert main(["--db", db, "audit", "log", "--limit", "100"]) == 0
    outputs.append(capsys.readouterr())
    assert main(["--db", db, "user", "list"]) == 0
    outputs.append(capsys.readouterr())
    services = open_services(db, Operator("cli:tester"), password_hasher=FAST_HASHER)
    services.accounts.authenticate("quantri", CHANGED)
    for secret in (SECRET, CHANGED):
        for captured in outputs:
            assert secret not in captured.out and secret not in captured.err
        assert secret not in caplog.text
        assert text_columns_containing(services.database, secret) == []
    assert "ngan" not in outputs[3].err
    services.close()
    for secret in (SECRET, CHANGED):
        assert files_containing(services.database, secret) == []
