"""The backup dialog: automatic backups listed, backing up now, restoring after a question that names both."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from dossier_app import app
from dossier_app.domain.errors import PermissionDenied
from dossier_app.services import Services, open_services
from dossier_app.services.backups.backups import BackupService
from dossier_app.services.core.context import Operator
from dossier_app.storage.database import open_database
from dossier_app.ui.backups.backup_dialog import BackupDialog
from dossier_app.ui.shared.i18n import error_text
from dossier_app.ui.shared.settings import UiSettings
from tests.conftest import FAST_HASHER
from tests.ui.conftest import section_id_by_key


def test_back_up_now_and_restore_reopens_the_window(  # type: ignore[no-untyped-def]
    demo_db: Services, make_window, ui_settings: UiSettings, tmp_path: Path, monkeypatch, qtbot
) -> None:
    demo_db.backups.run_automatic()
    window = make_window(demo_db)
    section_id = section_id_by_key(demo_db, "CT-HTP", "tt.kien_nghi")
    dest = tmp_path / "saved" / "ban-sao.sqlite3"
    asked: list[str] = []
    with pytest.raises(PermissionDenied) as refused:
        demo_db.backups.check(tmp_path)
    denied = refused.value

    def drive(dialog: BackupDialog) -> int:
        assert dialog.table.rowCount() == 1  # today's automatic backup
        assert dialog.table.item(0, 1).text().endswith("KB") or dialog.table.item(0, 1).text().endswith("MB")
        monkeypatch.setattr(dialog, "ask_save_path", lambda: dest)
        dialog.back_up_button.click()
        assert not dialog.back_up_button.isEnabled(), "busy while the copy is written off the GUI thread"
        qtbot.waitUntil(lambda: not dialog.busy)
        assert dest.is_file() and str(dest) in dialog.status.text()
        demo_db.dossiers.save_body(section_id, "Viết sau khi sao lưu")
        monkeypatch.setattr(dialog, "ask_open_path", lambda: dest)

        def confirm(source: Path) -> bool:
            asked.append(str(source))
            return True

        monkeypatch.setattr(dialog, "confirm_restore", confirm)
        dialog.restore_file_button.click()  # the officer may back up but not restore: refused before asking
        qtbot.waitUntil(lambda: not dialog.busy)
        assert dialog.status.text() == error_text(denied)
        assert dialog.restored_from is None and asked == []
        demo_db.context.operator = Operator("cli:admin")  # the local operator (an administrator would do too)
        dialog.restore_file_button.click()
        qtbot.waitUntil(lambda: dialog.restored_from is not None)
        return 1

    monkeypatch.setattr(BackupDialog, "exec", drive)
    with qtbot.waitSignal(window.rebuild_requested, timeout=3000):
        window.window_actions.backups_action.trigger()
    assert asked == [str(dest)]
    assert "Viết sau khi sao lưu" not in demo_db.dossiers.section(section_id).body


def test_a_refused_file_is_explained_and_nothing_is_asked(  # type: ignore[no-untyped-def]
    demo_db: Services, ui_settings: UiSettings, tmp_path: Path, monkeypatch, qtbot
) -> None:
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"not a database at all")
    demo_db.context.operator = Operator("cli:admin")
    dialog = BackupDialog(demo_db, ui_settings)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(dialog, "confirm_restore", lambda _source: pytest.fail("must not ask"))
    dialog.restore(bad)
    qtbot.waitUntil(lambda: not dialog.busy)
    assert "bad.sqlite3" in dialog.status.text() and dialog.restored_from is None


def test_answering_no_keeps_the_database(  # type: ignore[no-untyped-def]
    demo_db: Services, ui_settings: UiSettings, tmp_path: Path, monkeypatch, qtbot
) -> None:
    backup = demo_db.backups.back_up(tmp_path / "copy.sqlite3")
    section_id = section_id_by_key(demo_db, "CT-HTP", "tt.kien_nghi")
    demo_db.dossiers.save_body(section_id, "Giữ nguyên")
    demo_db.context.operator = Operator("cli:admin")
    dialog = BackupDialog(demo_db, ui_settings)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    dialog.restore(backup.path)
    qtbot.waitUntil(lambda: dialog.status.text() == dialog.tr("Nothing was restored."))
    assert dialog.restored_from is None
    assert demo_db.dossiers.section(section_id).body.startswith("Giữ nguyên")


def test_start_makes_todays_backup_once(tmp_path: Path, monkeypatch, qapp) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "start.sqlite3"
    monkeypatch.setattr("dossier_app.ui.accounts.login_dialog.sign_in", lambda *_args: None)
    assert app.run_gui(str(path)) == 0
    assert app.run_gui(str(path)) == 0
    database = open_database(str(path))
    try:
        from dossier_app.services import build_services
        from dossier_app.services.core.context import Operator

        services = build_services(database, Operator("cli:tester"))
        entries = services.backups.automatic()
        assert len(entries) == 1 and entries[0].path.name.endswith(".sqlite3")
        assert isinstance(services.backups, BackupService)
    finally:
        database.dispose()


@pytest.mark.postgresql
def test_a_server_database_is_backed_up_and_restored_from_the_dialog(  # type: ignore[no-untyped-def]
    pg_url: str, ui_settings: UiSettings, tmp_path: Path, monkeypatch, qtbot
) -> None:
    services = open_services(pg_url, Operator("cli:admin"), password_hasher=FAST_HASHER, interactive=True)
    try:
        services.demo.load(households=3)
        section_id = section_id_by_key(services, "CT-HTP", "tt.kien_nghi")
        saved = services.dossiers.section(section_id).body
        dialog = BackupDialog(services, ui_settings)
        qtbot.addWidget(dialog)
        assert "PostgreSQL" in dialog.intro.text()
        assert dialog.table.isHidden() and dialog.restore_selected_button.isHidden()
        dump = tmp_path / "phong.dump"
        monkeypatch.setattr(dialog, "ask_save_path", lambda: dump)
        dialog.back_up_button.click()
        qtbot.waitUntil(lambda: not dialog.busy, timeout=20000)
        assert dump.read_bytes().startswith(b"PGDMP") and str(dump) in dialog.status.text()
        services.dossiers.save_body(section_id, "Viết sau khi sao lưu")
        monkeypatch.setattr(dialog, "confirm_restore", lambda _source: True)
        dialog.restore(dump)
        qtbot.waitUntil(lambda: dialog.restored_from == dump, timeout=20000)
        assert services.dossiers.section(section_id).body == saved
    finally:
        services.close()
