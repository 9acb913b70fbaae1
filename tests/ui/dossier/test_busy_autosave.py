"""Autosave while another connection holds the database: a status-bar message, a retry, no dialog, no loss."""

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox

from dossier_app.domain.errors import StorageBusy
from dossier_app.services import Services, open_services
from dossier_app.services.core.context import Operator
from dossier_app.ui.shared.i18n import error_text
from tests.conftest import FAST_HASHER
from tests.services.core.test_busy_database import held_lock
from tests.ui.conftest import section_id_by_key


def test_autosave_waits_out_a_busy_database(  # type: ignore[no-untyped-def]
    demo_db: Services, make_window, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = open_services(demo_db.database.url, Operator("officer"), password_hasher=FAST_HASHER, interactive=True)
    dialogs: list[object] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: dialogs.append(box) or 0)
    section_id = section_id_by_key(services, "CT-HTP", "tt.kien_nghi")
    window = make_window(services)
    window.select_section(section_id)
    before = services.dossiers.section(section_id).version
    cursor = window.editor.text.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText(" Đoạn mới khi cơ sở dữ liệu bận.")
    with held_lock(services.database.url, section_id):
        assert not window.editor.save_now()
        assert window.statusBar().currentMessage() == error_text(StorageBusy())
        assert window.editor.is_dirty and window.editor._autosave.isActive()  # it will try again
    assert not dialogs
    qtbot.waitUntil(lambda: not window.editor.is_dirty, timeout=5000)  # the retry stored the text
    stored = services.dossiers.section(section_id)
    assert stored.version == before + 1 and "Đoạn mới khi cơ sở dữ liệu bận." in stored.body
    services.close()
