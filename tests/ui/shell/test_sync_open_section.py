"""The section open in the editor when a sync brings another desk's edit of it: shown at once where the reader was,
with its history; typing not yet saved is never replaced, and its save meets the newer text in the conflict dialog."""

from pathlib import Path

from dossier_app.cli.sections import find_section
from dossier_app.services import Services
from dossier_app.services.sync.client import SyncConnection
from dossier_app.ui.dossier.conflict_dialog import ConflictChoice, ConflictDialog
from dossier_app.ui.shared.settings import UiSettings
from tests.server.http_api import PASSWORD, url
from tests.server.server_process import ServerProcess
from tests.ui.shell import test_sync_panel as shared
from tests.ui.shell.test_sync_panel import CODE, FIRST, KEY, _replica, _sync, _window

desk = shared.desk  # the fixture, shared (server comes from tests/ui/conftest.py)
THEIRS = "theo các căn cứ sau:"
RENAMED = "Căn cứ pháp lý (bản cập nhật)"


def _edit_on_another_desk(tmp_path: Path, server: ServerProcess, title: str | None = None) -> None:
    """Another officer rewrites the section's first paragraph (and renames it) and syncs."""
    other = _replica(tmp_path / "other.sqlite3", server)
    section = find_section(other, CODE, KEY)
    other.dossiers.save_body(section.id, section.body.replace(FIRST, THEIRS, 1))
    if title is not None:
        other.dossiers.rename_section(section.id, title)
    with SyncConnection(url(server)) as connection:
        connection.sign_in("chuyenvien", PASSWORD, "other desk")
        assert other.replica.sync(connection).clean
    other.close()


def history(services: Services, section_id: int) -> list:  # type: ignore[type-arg]
    """Every revision of the section with its text."""
    return [services.dossiers.revision(r.id) for r in services.dossiers.revisions(section_id)]


def _open_at(window, section_id: int, position: int | None) -> None:  # type: ignore[no-untyped-def]
    """Open the section in the editor, the cursor at `position` (None: the end)."""
    window.select_section(section_id)
    window.open_section(section_id)
    assert window.editor.section is not None and window.editor.section.id == section_id
    cursor = window.editor.text.textCursor()
    if position is None:
        cursor.movePosition(cursor.MoveOperation.End)
    else:
        cursor.setPosition(position)
    window.editor.text.setTextCursor(cursor)


def test_the_open_section_shows_the_pulled_edit_where_the_reader_was(  # type: ignore[no-untyped-def]
    desk: Services, server: ServerProcess, make_window, ui_settings: UiSettings, qtbot, monkeypatch, tmp_path: Path
) -> None:
    section = find_section(desk, CODE, KEY)
    window = _window(make_window, desk, ui_settings, server)
    _open_at(window, section.id, 40)
    assert FIRST in window.editor.text.toPlainText()
    revisions = window.revisions.table.rowCount()
    _edit_on_another_desk(tmp_path, server, RENAMED)
    _sync(qtbot, window, monkeypatch)
    shown = window.editor.text.toPlainText()
    assert THEIRS in shown and FIRST not in shown  # no need to click elsewhere and back
    assert not window.editor.is_dirty and window.editor.version == find_section(desk, CODE, KEY).version
    assert window.editor.text.textCursor().position() == 40
    assert window.revisions.table.rowCount() == revisions + 1  # the other desk's revision is in the history pane
    assert "cập nhật" in window.statusBar().currentMessage()
    assert window.windowTitle().startswith(f"{CODE} — {RENAMED}") and RENAMED in window.section_header.text()
    window.editor.text.insertPlainText("Bổ sung. ")  # typing goes on from the newer text: its save is a plain save
    assert window.editor.save_now()
    assert THEIRS in find_section(desk, CODE, KEY).body


def test_typing_not_yet_saved_stays_and_its_save_meets_the_newer_text(  # type: ignore[no-untyped-def]
    desk: Services, server: ServerProcess, make_window, ui_settings: UiSettings, qtbot, monkeypatch, tmp_path: Path
) -> None:
    section = find_section(desk, CODE, KEY)
    window = _window(make_window, desk, ui_settings, server)
    _open_at(window, section.id, None)
    window.editor._autosave.setInterval(600_000)  # the typing below stays unsaved through the sync
    window.editor.text.insertPlainText(" Đoạn đang gõ dở.")
    assert window.editor.is_dirty
    _edit_on_another_desk(tmp_path, server)
    _sync(qtbot, window, monkeypatch)
    assert window.editor.is_dirty and "Đoạn đang gõ dở." in window.editor.text.toPlainText()
    assert FIRST in window.editor.text.toPlainText()  # our typing is not replaced by the pulled text
    shown: list[tuple[str, str]] = []

    def look(dialog: ConflictDialog) -> int:
        shown.append((dialog.theirs.toPlainText(), dialog.mine.toPlainText()))
        return 0  # closed without a choice: the typing stays in the editor

    monkeypatch.setattr(ConflictDialog, "exec", look)
    window.editor.save_now()
    assert len(shown) == 1
    theirs, mine = shown[0]
    assert THEIRS in theirs and "Đoạn đang gõ dở." in mine
    assert "Đoạn đang gõ dở." in window.editor.text.toPlainText()

    def keep_mine(dialog: ConflictDialog) -> int:
        dialog._decide(ConflictChoice.KEEP_MINE)
        return 1

    monkeypatch.setattr(ConflictDialog, "exec", keep_mine)
    window.editor.save_now()  # the officer keeps their text: it is the newest revision, the other's stays in history
    assert not window.editor.is_dirty
    assert "Đoạn đang gõ dở." in find_section(desk, CODE, KEY).body
    assert any(THEIRS in revision.body for revision in history(desk, section.id))
