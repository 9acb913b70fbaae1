"""“Keep mine” in the conflicts window with our text left exactly as it was: no revision is needed to resolve the
conflict, the next sync pushes our text and the server takes it."""

from pathlib import Path

from PySide6.QtCore import Qt

from dossier_app.cli.sections import find_section
from dossier_app.services import Services
from dossier_app.services.sync.client import SyncConnection
from dossier_app.ui.dossier.conflict_dialog import ConflictChoice, ConflictDialog
from dossier_app.ui.shared.icons import conflict_icon
from dossier_app.ui.shared.settings import UiSettings
from tests.server.http_api import PASSWORD, url
from tests.server.server_process import ServerProcess
from tests.ui.shell import test_sync_panel as shared
from tests.ui.shell.test_sync_panel import CODE, FIRST, KEY, _replica, _sync, _window

desk = shared.desk  # the fixture, shared (demo_server_db and server come from tests/ui/conftest.py)


def test_keeping_my_text_unchanged_resolves_the_conflict(  # type: ignore[no-untyped-def]
    desk: Services, server: ServerProcess, make_window, ui_settings: UiSettings, qtbot, monkeypatch, tmp_path: Path
) -> None:
    other = _replica(tmp_path / "other.sqlite3", server)
    theirs_section = find_section(other, CODE, KEY)
    other.dossiers.save_body(theirs_section.id, theirs_section.body.replace(FIRST, "theo các căn cứ sau:", 1))
    with SyncConnection(url(server)) as connection:
        connection.sign_in("chuyenvien", PASSWORD, "other desk")
        assert other.replica.sync(connection).clean
    ours_section = find_section(desk, CODE, KEY)
    ours = ours_section.body.replace(FIRST, "căn cứ vào các văn bản sau:", 1)
    desk.dossiers.save_body(ours_section.id, ours)
    window = _window(make_window, desk, ui_settings, server)
    monkeypatch.setattr("dossier_app.ui.shell.sync_panel.QMessageBox.exec", lambda _box: 0)
    _sync(qtbot, window, monkeypatch)
    panel = window.sync_panel
    assert panel.conflicts == 1
    marked = window.model.index_of_section(ours_section.id)  # the navigator marks the section in conflict
    assert marked.data(Qt.ItemDataRole.DecorationRole).cacheKey() == conflict_icon().cacheKey()
    assert "Tệp › Xung đột đồng bộ…" in marked.data(Qt.ItemDataRole.ToolTipRole)
    revisions = len(desk.dossiers.revisions(ours_section.id))
    panel.open_conflicts()
    conflicts = panel.conflicts_window
    assert conflicts is not None

    def keep_as_it_is(dialog: ConflictDialog) -> int:
        dialog._decide(ConflictChoice.KEEP_MINE)
        return 1

    monkeypatch.setattr(ConflictDialog, "exec", keep_as_it_is)
    # The right-hand side left untouched is our text exactly (whatever Qt's Markdown writer would make of it).
    monkeypatch.setattr(ConflictDialog, "merged_markdown", lambda _dialog: ours)
    assert conflicts.open_item(0)
    assert conflicts.tree.topLevelItemCount() == 0 and not desk.replica.conflicts()
    assert len(desk.dossiers.revisions(ours_section.id)) == revisions  # nothing repeated
    settled = window.model.index_of_section(ours_section.id)
    assert settled.data(Qt.ItemDataRole.DecorationRole).cacheKey() != conflict_icon().cacheKey()
    assert "Xung đột" not in settled.data(Qt.ItemDataRole.ToolTipRole)
    _sync(qtbot, window, monkeypatch)
    assert panel.conflicts == 0 and panel.waiting == 0
    with SyncConnection(url(server)) as connection:
        connection.sign_in("chuyenvien", PASSWORD, "other desk")
        assert other.replica.sync(connection).clean
    assert find_section(other, CODE, KEY).body == ours
    other.close()
