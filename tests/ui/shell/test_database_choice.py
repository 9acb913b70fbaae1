"""Choosing the department's server in Settings, testing it, and opening it at start with a password asked for."""

from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from dossier_app.domain.errors import PasswordRequired, StorageUnavailable
from dossier_app.services.core.connections import ServerAddress
from dossier_app.ui.shared.settings import UiSettings
from dossier_app.ui.shell import database_opening, settings_dialog
from dossier_app.ui.shell.settings_dialog import SettingsDialog

SECRET = "Mật-khẩu-bí-mật-42"


def _fill(dialog: SettingsDialog, address: ServerAddress) -> None:
    dialog.server_radio.setChecked(True)
    dialog.host_edit.setText(address.host)
    dialog.port_spin.setValue(address.port)
    dialog.database_edit.setText(address.database)
    dialog.user_edit.setText(address.user)


def _settings_file(tmp_path: Path) -> str:
    return (tmp_path / "settings.ini").read_text(encoding="utf-8")


def test_the_server_is_remembered_without_a_password(
    ui_settings: UiSettings, tmp_path: Path, qtbot, vietnamese
) -> None:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(ui_settings, "/tmp/x.sqlite3")
    qtbot.addWidget(dialog)
    assert dialog.local_radio.isChecked() and not dialog.server_fields.isEnabled()
    _fill(dialog, ServerAddress(host="db.soxaydung.local", database="ho_so", user="can_bo"))
    assert dialog.server_fields.isEnabled()
    dialog.accept()
    assert dialog.database_changed
    assert ui_settings.database_url == "postgresql+psycopg://can_bo@db.soxaydung.local:5432/ho_so"
    ui_settings.database_url = f"postgresql+psycopg://can_bo:{SECRET}@db.soxaydung.local/ho_so"
    ui_settings.sync()
    assert SECRET not in _settings_file(tmp_path) and SECRET not in ui_settings.database_url
    again = SettingsDialog(ui_settings, "/tmp/x.sqlite3")
    qtbot.addWidget(again)
    assert again.server_radio.isChecked() and again.host_edit.text() == "db.soxaydung.local"
    again.local_radio.setChecked(True)
    again.accept()
    assert ui_settings.database_url == "" and again.database_changed


def test_an_incomplete_address_is_not_accepted(ui_settings: UiSettings, qtbot, vietnamese) -> None:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(ui_settings, "/tmp/x.sqlite3")
    qtbot.addWidget(dialog)
    _fill(dialog, ServerAddress(host="", database="ho_so", user="can_bo"))
    dialog.accept()
    assert dialog.result() == 0 and ui_settings.database_url == ""
    assert dialog.connection_status.text()


@pytest.mark.postgresql
def test_testing_the_connection_reaches_the_server(ui_settings: UiSettings, pg_url: str, qtbot, vietnamese) -> None:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(ui_settings, "/tmp/x.sqlite3")
    qtbot.addWidget(dialog)
    address = ServerAddress.parse(pg_url)
    assert address is not None
    _fill(dialog, address)
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=20000)
    assert str(make_url(pg_url).database) in dialog.connection_status.text()


def test_a_server_that_wants_a_password_gets_it_asked_and_never_stored(  # type: ignore[no-untyped-def]
    ui_settings: UiSettings, tmp_path: Path, qtbot, monkeypatch: pytest.MonkeyPatch, vietnamese
) -> None:
    tried: list[str] = []

    def fake_probe(url: str) -> str:
        tried.append(url)
        if make_url(url).password != SECRET:
            raise PasswordRequired(location="db.soxaydung.local", user="can_bo")
        return "db.soxaydung.local/ho_so"

    monkeypatch.setattr(settings_dialog, "probe", fake_probe)
    dialog = SettingsDialog(ui_settings, "/tmp/x.sqlite3")
    qtbot.addWidget(dialog)
    monkeypatch.setattr(dialog, "ask_password", lambda _address: SECRET)
    _fill(dialog, ServerAddress(host="db.soxaydung.local", database="ho_so", user="can_bo"))
    dialog.test_button.click()
    qtbot.waitUntil(lambda: len(tried) == 2 and dialog.test_button.isEnabled(), timeout=5000)
    assert "db.soxaydung.local/ho_so" in dialog.connection_status.text()
    dialog.accept()
    assert SECRET not in _settings_file(tmp_path)


class _Opened:
    """Stands for the services a successful open returns."""


def test_start_asks_the_servers_password_and_keeps_it_in_memory(  # type: ignore[no-untyped-def]
    ui_settings: UiSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DOSSIER_DB", raising=False)
    ui_settings.database_url = "postgresql+psycopg://can_bo@db.soxaydung.local/ho_so"
    opened: list[str | None] = []

    def fake_open(url: str | None, _operator: object, **_kwargs: object) -> _Opened:
        opened.append(url)
        if url and make_url(url).password != SECRET:
            raise PasswordRequired(location="db.soxaydung.local", user="can_bo")
        return _Opened()

    answers = iter(["sai", SECRET])
    monkeypatch.setattr(database_opening, "open_services", fake_open)
    monkeypatch.setattr(database_opening, "ask_password", lambda _error, _attempt: next(answers))
    assert isinstance(database_opening.open_for_window(None, ui_settings), _Opened)
    assert len(opened) == 3 and make_url(str(opened[-1])).password == SECRET
    ui_settings.sync()
    assert SECRET not in _settings_file(tmp_path)


def test_an_unreachable_chosen_server_offers_this_computers_file(  # type: ignore[no-untyped-def]
    ui_settings: UiSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DOSSIER_DB", raising=False)
    ui_settings.database_url = "postgresql+psycopg://can_bo@khong-co-may-nay.invalid/ho_so"
    opened: list[str | None] = []

    def fake_open(url: str | None, _operator: object, **_kwargs: object) -> _Opened:
        opened.append(url)
        if url:
            raise StorageUnavailable("Cannot open the database {location}: {reason}", location=url, reason="no host")
        return _Opened()

    monkeypatch.setattr(database_opening, "open_services", fake_open)
    monkeypatch.setattr(database_opening, "offer_local", lambda _error: True)
    assert isinstance(database_opening.open_for_window(None, ui_settings), _Opened)
    assert opened == [ui_settings.database_url, None]


def test_a_database_named_at_start_is_never_swapped_silently(  # type: ignore[no-untyped-def]
    ui_settings: UiSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    refused: list[str] = []

    def fake_open(url: str | None, _operator: object, **_kwargs: object) -> _Opened:
        raise StorageUnavailable("Cannot open the database {location}: {reason}", location=str(url), reason="x")

    monkeypatch.setattr(database_opening, "open_services", fake_open)
    monkeypatch.setattr(database_opening, "offer_local", lambda _error: pytest.fail("must not offer"))
    monkeypatch.setattr(database_opening, "show_refusal", lambda error: refused.append(error.message))
    assert database_opening.open_for_window("/khong/ton/tai.sqlite3", ui_settings) is None
    assert refused and "/khong/ton/tai.sqlite3" in refused[0]
