"""The window works on this computer's copy: Settings take the department sync server's address (and show the
certificate trusted for it) instead of a PostgreSQL address; a desktop set up for PostgreSQL is asked for the sync
server at the next start and the old setting removed; `--db` still opens a PostgreSQL URL, asking its password."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QMessageBox
from sqlalchemy.engine import make_url

from dossier_app import app
from dossier_app.domain.errors import PasswordRequired
from dossier_app.services import Services
from dossier_app.ui.shared.settings import UiSettings
from dossier_app.ui.shell import database_opening
from dossier_app.ui.shell.settings_dialog import SettingsDialog
from dossier_app.ui.shell.sync_server import ServerMoveDialog, ask_for_sync_server

SECRET = "Mật-khẩu-bí-mật-42"
OLD = "postgresql+psycopg://can_bo@db.soxaydung.local:5432/ho_so"
PIN = "ab" * 32


def _settings_file(tmp_path: Path) -> str:
    return (tmp_path / "settings.ini").read_text(encoding="utf-8")


def test_settings_take_the_sync_servers_address_and_show_its_fingerprint(  # type: ignore[no-untyped-def]
    ui_settings: UiSettings, qtbot, vietnamese
) -> None:
    server = "https://may-chu.so.gov.vn:8470"
    dialog = SettingsDialog(ui_settings, "/tmp/x.sqlite3", server=server, pinned=lambda a: PIN if a == server else "")
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert "PostgreSQL" not in " ".join(texts) and len(dialog.findChildren(QLineEdit)) == 1
    assert dialog.server_address() == server and dialog.server_fields.fingerprint.text() == PIN
    dialog.server_fields.address_edit.setText("https://may-chu-moi.so.gov.vn:8470/")
    dialog.server_fields.address_edit.editingFinished.emit()
    assert "chưa có" in dialog.server_fields.fingerprint.text()  # none trusted for another server yet
    dialog.accept()
    assert dialog.result() == 1 and dialog.server_changed
    assert dialog.server_address() == "https://may-chu-moi.so.gov.vn:8470"


def test_settings_refuse_an_address_without_a_scheme(ui_settings: UiSettings, qtbot, monkeypatch, vietnamese) -> None:  # type: ignore[no-untyped-def]
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warned.append(args[2]))
    dialog = SettingsDialog(ui_settings, "/tmp/x.sqlite3")
    qtbot.addWidget(dialog)
    dialog.server_fields.address_edit.setText("may-chu:8470")
    dialog.accept()
    assert warned and dialog.result() == 0 and not dialog.server_changed


def test_the_windows_settings_point_its_sync_at_the_server(  # type: ignore[no-untyped-def]
    demo_services: Services, make_window, ui_settings: UiSettings, monkeypatch
) -> None:
    window = make_window(demo_services)
    chosen: list[SettingsDialog] = []

    def fill(dialog: SettingsDialog) -> int:
        chosen.append(dialog)
        dialog.server_fields.address_edit.setText("https://may-chu.so.gov.vn:8470")
        dialog.accept()
        return 1

    monkeypatch.setattr(SettingsDialog, "exec", fill)
    window.window_actions.open_settings()
    assert chosen and ui_settings.sync_server(demo_services.database.url) == "https://may-chu.so.gov.vn:8470"
    assert window.sync_panel.server == "https://may-chu.so.gov.vn:8470" and window.sync_panel.timer.isActive()
    assert window.sync_panel.label.isVisible()


def test_the_window_opens_this_computers_copy_whatever_settings_held(  # type: ignore[no-untyped-def]
    ui_settings: UiSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DOSSIER_DB", raising=False)
    ui_settings.database_url = OLD
    opened: list[str | None] = []
    monkeypatch.setattr(
        database_opening, "open_services", lambda url, _operator, **_kw: opened.append(url) or _Opened()
    )
    assert isinstance(database_opening.open_for_window(None, ui_settings), _Opened)
    assert opened == [None]


class _Opened:
    """Stands for the services a successful open returns."""


def test_a_postgresql_url_named_at_start_asks_its_password_and_keeps_it_in_memory(  # type: ignore[no-untyped-def]
    ui_settings: UiSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str | None] = []

    def fake_open(url: str | None, _operator: object, **_kwargs: object) -> _Opened:
        opened.append(url)
        if url and make_url(url).password != SECRET:
            raise PasswordRequired(location="db.soxaydung.local", user="can_bo")
        return _Opened()

    answers = iter(["sai", SECRET])
    monkeypatch.setattr(database_opening, "open_services", fake_open)
    monkeypatch.setattr(database_opening, "ask_password", lambda _error, _attempt: next(answers))
    assert isinstance(database_opening.open_for_window(OLD, ui_settings), _Opened)
    assert len(opened) == 3 and make_url(str(opened[-1])).password == SECRET
    ui_settings.language = "vi"  # something written, so the file exists to be read
    ui_settings.sync()
    assert SECRET not in _settings_file(tmp_path)


def test_a_database_named_at_start_that_cannot_open_is_refused(  # type: ignore[no-untyped-def]
    ui_settings: UiSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dossier_app.domain.errors import StorageUnavailable

    refused: list[str] = []

    def fake_open(url: str | None, _operator: object, **_kwargs: object) -> _Opened:
        raise StorageUnavailable("Cannot open the database {location}: {reason}", location=str(url), reason="x")

    monkeypatch.setattr(database_opening, "open_services", fake_open)
    monkeypatch.setattr(database_opening, "show_refusal", lambda error: refused.append(error.message))
    assert database_opening.open_for_window("/khong/ton/tai.sqlite3", ui_settings) is None
    assert refused and "/khong/ton/tai.sqlite3" in refused[0]


def test_a_desktop_set_up_for_postgresql_is_asked_for_the_sync_server_prefilled(  # type: ignore[no-untyped-def]
    ui_settings: UiSettings, tmp_path: Path, qtbot, monkeypatch, vietnamese
) -> None:
    ui_settings.database_url = OLD
    seen: list[ServerMoveDialog] = []

    def accept_prefilled(dialog: ServerMoveDialog) -> int:
        seen.append(dialog)
        dialog._accept()
        return dialog.result()

    monkeypatch.setattr(ServerMoveDialog, "exec", accept_prefilled)
    assert ask_for_sync_server(ui_settings, "sqlite:////tmp/ban-sao.sqlite3") == "https://db.soxaydung.local:8470"
    [dialog] = seen
    assert "db.soxaydung.local" in dialog.findChildren(QLabel)[0].text()
    assert ui_settings.sync_server("sqlite:////tmp/ban-sao.sqlite3") == "https://db.soxaydung.local:8470"
    assert ui_settings.database_url == "" and "database" not in _settings_file(tmp_path)


def test_later_removes_the_postgresql_setting_and_keeps_no_server(  # type: ignore[no-untyped-def]
    ui_settings: UiSettings, tmp_path: Path, qtbot, monkeypatch, vietnamese
) -> None:
    ui_settings.database_url = OLD
    monkeypatch.setattr(ServerMoveDialog, "exec", lambda _dialog: QDialog.DialogCode.Rejected)
    assert ask_for_sync_server(ui_settings, "sqlite:////tmp/ban-sao.sqlite3") == ""
    assert ui_settings.sync_server("sqlite:////tmp/ban-sao.sqlite3") == "" and ui_settings.database_url == ""


def test_the_start_asks_once_then_opens_this_computers_copy(  # type: ignore[no-untyped-def]
    ui_settings: UiSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp
) -> None:
    ui_settings.database_url = OLD
    asked: list[str] = []

    def answer(dialog: ServerMoveDialog) -> int:
        asked.append(dialog.address())
        return QDialog.DialogCode.Rejected

    monkeypatch.delenv("DOSSIER_DB", raising=False)
    monkeypatch.setattr("dossier_app.ui.shared.settings.UiSettings", lambda: ui_settings)
    monkeypatch.setattr(ServerMoveDialog, "exec", answer)
    monkeypatch.setattr("dossier_app.ui.accounts.login_dialog.sign_in", lambda _services, _window, _settings: None)
    monkeypatch.setattr(app, "_start_automatic_backup", lambda _services, _keep: None)
    database = tmp_path / "ban-sao.sqlite3"
    assert app.run_gui(str(database)) == 0
    assert asked == ["https://db.soxaydung.local:8470"] and ui_settings.database_url == ""
    assert app.run_gui(str(database)) == 0
    assert len(asked) == 1  # asked once
