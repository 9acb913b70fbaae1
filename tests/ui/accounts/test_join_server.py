"""A fresh desktop joins the department's server from the first-start dialog, against a real `serve` process: the
first sync pulls the demo's projects and the officer is signed in with the server's roles; a wrong password, an
unreachable server and a cancelled first sync keep the dialog open and leave nothing half-made."""

import shutil
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QPushButton

from dossier_app.domain.enums import Role
from dossier_app.services import Services, open_services
from dossier_app.services.core.context import Operator
from dossier_app.ui.accounts.join_dialog import JoinServerDialog
from dossier_app.ui.accounts.login_dialog import FirstAdminDialog, sign_in
from dossier_app.ui.shared.settings import UiSettings
from tests.conftest import FAST_HASHER
from tests.server.http_api import PASSWORD, url
from tests.server.server_process import ServerProcess, free_port
from tests.server.test_serve_process import init_tls


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Services]:
    """A new desktop's empty database, as the window opens it before anyone signs in."""
    services = open_services(str(tmp_path / "fresh.sqlite3"), Operator("cli:tester"), password_hasher=FAST_HASHER)
    yield services
    services.close()


def _dialog(qtbot, services: Services, settings: UiSettings, address: str, password: str) -> JoinServerDialog:  # type: ignore[no-untyped-def]
    dialog = JoinServerDialog(services, settings)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.fields.address_edit.setText(address)
    dialog.username.setText("chuyenvien")
    dialog.password.setText(password)
    return dialog


def _join(qtbot, dialog: JoinServerDialog) -> None:  # type: ignore[no-untyped-def]
    """Enter in the password field is OK; wait for the first sync to end either way."""
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.running
    qtbot.waitUntil(lambda: not dialog.running, timeout=60_000)


@pytest.fixture
def joining(server: ServerProcess, qtbot, monkeypatch) -> list[FirstAdminDialog]:  # type: ignore[no-untyped-def]
    """The first-start dialog and the join dialog driven as an officer would: Kết nối máy chủ của sở…, then the
    server's address, the officer's name and password, Enter. The first-start dialogs that opened a join, in order."""
    first_start: list[FirstAdminDialog] = []

    def run_join(self: JoinServerDialog) -> int:  # the dialog's exec
        first_start.append(self.parent())
        self.show()
        self.fields.address_edit.setText(url(server))
        self.username.setText("chuyenvien")
        self.password.setText(PASSWORD)
        _join(qtbot, self)
        return int(self.result())

    def run_first(self: FirstAdminDialog) -> int:
        qtbot.addWidget(self)
        self.show()
        assert self.join_button.isVisible() and self.join_button.text() == "Kết nối máy chủ của sở…"
        qtbot.mouseClick(self.join_button, Qt.MouseButton.LeftButton)
        return int(self.result())

    monkeypatch.setattr(JoinServerDialog, "exec", run_join)
    monkeypatch.setattr(FirstAdminDialog, "exec", run_first)
    return first_start


def test_joining_from_the_first_start_pulls_the_projects_and_signs_in_as_the_servers_officer(  # type: ignore[no-untyped-def]
    fresh: Services, server: ServerProcess, ui_settings: UiSettings, joining: list[FirstAdminDialog], vietnamese
) -> None:
    assert not fresh.accounts.has_accounts()
    signed = sign_in(fresh, None, ui_settings)
    assert signed is not None and signed.joined is not None and not signed.joined.report.cancelled
    account = signed.account
    assert account.username == "chuyenvien"
    assert account.roles == frozenset({Role.OFFICER}) and account.created_by == "server"
    assert isinstance(joining[0], FirstAdminDialog)
    assert {project.code for project in fresh.projects.summaries()} >= {"CT-HTP", "CT-ITP"}
    assert ui_settings.sync_server(fresh.database.url) == url(server)  # Tệp › Đồng bộ ngay goes on with it
    assert fresh.people.token("chuyenvien") is not None  # the session kept, as the window's sync keeps it
    assert fresh.accounts.authenticate("chuyenvien", PASSWORD).username == "chuyenvien"  # offline from now on


def test_the_window_opened_after_joining_shows_the_joins_sync_in_its_status_line(  # type: ignore[no-untyped-def]
    ui_settings: UiSettings, joining: list[FirstAdminDialog], qtbot, monkeypatch, tmp_path: Path
) -> None:
    """The whole start (app.run_gui) on a fresh desktop: the join signs in and pulls, and the window that opens says
    online and when it synced, as after its own sync, instead of "not synced yet this session"."""
    from dossier_app import app
    from dossier_app.ui.shell.main_window import MainWindow

    seen: dict[str, object] = {}

    def look(controller: app.WindowController) -> None:  # the first thing after the window opens
        window = controller.window
        assert isinstance(window, MainWindow)
        panel = window.sync_panel
        seen.update(label=panel.label.text(), online=panel.online, last=panel.last_sync, waiting=panel.waiting)
        seen["timer"] = panel.timer.isActive()
        qtbot.addWidget(window)  # closed after the test
        window.hide()  # other tests look for a shown main window
        QApplication.instance().exit(0)

    monkeypatch.delenv("DOSSIER_DB", raising=False)

    class TheseSettings(UiSettings):  # run_gui's UiSettings() is the test's; still a class for annotations
        def __new__(cls) -> UiSettings:  # type: ignore[misc]
            return ui_settings

    monkeypatch.setattr("dossier_app.ui.shared.settings.UiSettings", TheseSettings)
    monkeypatch.setattr(app, "_start_automatic_backup", lambda _services, _keep: None)
    monkeypatch.setattr(app.WindowController, "offer_start", look)
    before = datetime.now().astimezone()
    assert app.run_gui(str(tmp_path / "fresh-desk.sqlite3")) == 0
    assert seen["online"] is True and seen["waiting"] == 0 and seen["timer"] is True
    last = seen["last"]
    assert isinstance(last, datetime) and before <= last <= datetime.now().astimezone()
    label = str(seen["label"])
    assert "Chưa đồng bộ" not in label and "Trực tuyến" in label
    assert f"đồng bộ lúc {last.strftime('%H:%M')}" in label
    assert len(joining) == 1  # joined from the first-start dialog


def test_a_wrong_password_keeps_the_dialog_open_and_remembers_nobody(  # type: ignore[no-untyped-def]
    fresh: Services, server: ServerProcess, ui_settings: UiSettings, qtbot, vietnamese
) -> None:
    dialog = _dialog(qtbot, fresh, ui_settings, url(server), "sai-mat-khau")
    _join(qtbot, dialog)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted and dialog.account is None
    assert "mật khẩu" in dialog.error.text().lower()
    assert dialog.ok_button.isEnabled() and dialog.password.isEnabled()
    assert fresh.people.everyone() == [] and not fresh.accounts.has_accounts()
    assert fresh.projects.summaries() == [] and ui_settings.sync_server(fresh.database.url) == ""


def test_an_unreachable_server_or_a_missing_address_keeps_the_dialog_open(  # type: ignore[no-untyped-def]
    qtbot, fresh: Services, ui_settings: UiSettings, vietnamese
) -> None:
    dialog = _dialog(qtbot, fresh, ui_settings, "", PASSWORD)
    dialog.accept()
    assert not dialog.running and "địa chỉ" in dialog.error.text()
    dialog.fields.address_edit.setText("http://127.0.0.1:9")  # nothing listens there
    _join(qtbot, dialog)
    assert dialog.isVisible() and dialog.account is None and dialog.error.text()
    assert "máy chủ" in dialog.error.text().lower()
    assert not fresh.accounts.has_accounts() and ui_settings.sync_server(fresh.database.url) == ""


def test_a_cancelled_first_sync_stays_open_and_joining_again_goes_on(  # type: ignore[no-untyped-def]
    fresh: Services, server: ServerProcess, ui_settings: UiSettings, qtbot, vietnamese, monkeypatch
) -> None:
    monkeypatch.setattr("dossier_app.services.sync.replica.MAX_LIMIT", 20)  # the small demo spans many pages
    monkeypatch.setattr("dossier_app.ui.accounts.join_dialog.PROGRESS_FROM", 100)
    dialog = _dialog(qtbot, fresh, ui_settings, url(server), PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.progress is not None and dialog.progress.isVisible(), timeout=60_000)
    progress = dialog.progress
    assert progress is not None and "thay đổi" in progress.labelText()
    cancel = progress.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "Hủy"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Esc does not close the dialog under a running sync
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.running, timeout=60_000)
    assert dialog.isVisible() and dialog.account is None and dialog.progress is None
    assert "đã hủy" in dialog.error.text().lower()
    assert fresh.replica.cursor() > 0  # what arrived is kept: the pull goes on from there
    assert ui_settings.sync_server(fresh.database.url) == url(server)  # the window's sync can go on with it
    _join(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.account is not None
    assert {project.code for project in fresh.projects.summaries()} >= {"CT-HTP", "CT-ITP"}


def test_the_fields_follow_in_tab_order_and_esc_cancels(qtbot, fresh, ui_settings, vietnamese) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, fresh, ui_settings, "", "")
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.fields.address_edit)
    qtbot.keyClick(dialog.fields.address_edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.username
    qtbot.keyClick(dialog.username, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.password
    assert dialog.ok_button.isDefault() and dialog.ok_button.text() == "Kết nối"
    qtbot.keyClick(dialog.password, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()
    assert not fresh.accounts.has_accounts()


def test_a_certificate_changed_since_the_first_attempt_keeps_the_dialog_open_naming_both(  # type: ignore[no-untyped-def]
    fresh: Services, demo_server_db: Path, ui_settings: UiSettings, qtbot, vietnamese, tmp_path: Path
) -> None:
    database = tmp_path / "server.sqlite3"
    shutil.copyfile(demo_server_db, database)
    tls, port = tmp_path / "tls", free_port()
    first = init_tls(database, tls)
    address = f"https://127.0.0.1:{port}"
    with ServerProcess(database, tmp_path, "--tls-dir", str(tls), port=port):
        dialog = _dialog(qtbot, fresh, ui_settings, address, "sai-mat-khau")
        _join(qtbot, dialog)  # a wrong password: nobody is kept, the certificate seen at this first use is
        assert "mật khẩu" in dialog.error.text().lower() and dialog.account is None
    for name in ("cert.pem", "key.pem"):
        (tls / name).unlink()
    second = init_tls(database, tls)  # the server's certificate is replaced (or someone stands in its place)
    with ServerProcess(database, tmp_path, "--tls-dir", str(tls), port=port) as server:
        dialog.password.setText(PASSWORD)
        _join(qtbot, dialog)
        assert dialog.isVisible() and dialog.account is None
        shown = dialog.error.text().replace("\u200b", "")  # the fingerprints may break after a colon
        assert "chứng thư" in shown.lower() and first in shown and second in shown
        assert first.replace(":", "")[:16] in dialog.fields.fingerprint.text().replace(":", "")  # the one trusted
        assert fresh.projects.summaries() == [] and fresh.people.everyone() == []
        assert "POST /v1/session" not in server.stderr()  # nothing was sent to a server it does not trust
