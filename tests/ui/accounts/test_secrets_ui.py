"""Signing in through the window writes no password to QSettings, the database or the log."""

import logging
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from dossier_app.services import open_services
from dossier_app.services.core.context import Operator
from dossier_app.ui.accounts.login_dialog import FirstAdminDialog, LoginDialog
from dossier_app.ui.shared.settings import UiSettings
from tests.conftest import FAST_HASHER
from tests.services.secret_scan import files_containing, text_columns_containing

SECRET = "Cua-So-Mat-Khau-42"


def test_sign_in_leaves_no_password_behind(  # type: ignore[no-untyped-def]
    sqlite_url: str, ui_settings: UiSettings, make_window, tmp_path: Path, qtbot, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    services = open_services(sqlite_url, Operator("first-start"), password_hasher=FAST_HASHER)
    first = FirstAdminDialog(services)
    qtbot.addWidget(first)
    first.username.setText("quantri")
    first.password.setText(SECRET)
    first.repeat.setText(SECRET)
    first.accept()
    assert first.result() == QDialog.DialogCode.Accepted
    login = LoginDialog(services)
    qtbot.addWidget(login)
    login.username.setText("quantri")
    login.password.setText(SECRET + "-sai")
    login.accept()
    login.password.setText(SECRET)
    login.accept()
    assert login.result() == QDialog.DialogCode.Accepted and login.account is not None
    window = make_window(services, login.account)
    window.close()
    ui_settings.sync()
    ini = (tmp_path / "settings.ini").read_text(encoding="utf-8")
    assert ini and SECRET not in ini
    assert SECRET not in caplog.text
    assert text_columns_containing(services.database, SECRET) == []
    services.close()
    assert files_containing(services.database, SECRET) == []
