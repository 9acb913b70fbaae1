"""The window's sync with a real `serve` process: the server's address, the status line (online, offline, last sync,
changes waiting), Tệp › Đồng bộ ngay asking the password when the desk holds no session of the person, a shared
desk's other person waiting for their sign-in, and the conflicts window's merge view."""

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QPushButton

from dossier_app.cli.sections import find_section
from dossier_app.domain.enums import Role
from dossier_app.domain.errors import SessionRevoked
from dossier_app.services import Services, open_services
from dossier_app.services.core.context import Operator
from dossier_app.services.sync.client import SyncConnection
from dossier_app.ui.dossier.conflict_dialog import ConflictChoice, ConflictDialog
from dossier_app.ui.shared.settings import UiSettings
from dossier_app.ui.shell.sync_panel import ServerDialog
from tests.server.http_api import PASSWORD, url
from tests.server.server_process import ServerProcess

CODE, KEY = "CT-HTP", "tt.can_cu_phap_ly"
FIRST = "trên cơ sở các căn cứ pháp lý sau đây:"


def _replica(path: Path, server: ServerProcess, username: str = "chuyenvien") -> Services:
    """A desktop's copy, synced once from the server (as the command line's first sync does, which keeps the
    person's verifier for offline sign-in); their session has ended since, so the window asks the password."""
    services = open_services(str(path), Operator("cli:tester"))
    with SyncConnection(url(server)) as connection:
        services.people.remember(PASSWORD, connection.sign_in(username, PASSWORD, "test desk"))
        assert services.replica.sync(connection).clean
        connection.sign_out()
    services.people.refused(username, SessionRevoked())
    services.context.operator = Operator(services.accounts.authenticate(username, PASSWORD).username)  # offline
    return services


@pytest.fixture
def desk(server: ServerProcess, tmp_path: Path) -> Iterator[Services]:
    services = _replica(tmp_path / "desk.sqlite3", server)
    yield services
    services.close()


def _window(make_window, services: Services, ui_settings: UiSettings, server: ServerProcess | None):  # type: ignore[no-untyped-def]
    if server is not None:
        ui_settings.set_sync_server(services.database.url, url(server))
    return make_window(services, services.accounts.authenticate("chuyenvien", PASSWORD))


def _sync(qtbot, window, monkeypatch: pytest.MonkeyPatch, password: str = PASSWORD) -> list[str]:  # type: ignore[no-untyped-def]
    asked: list[str] = []

    def ask(*_args: object, **_kwargs: object) -> tuple[str, bool]:
        asked.append("password")
        return password, True

    monkeypatch.setattr(QInputDialog, "getText", ask)
    window.sync_panel.sync_action.trigger()
    qtbot.waitUntil(lambda: not window.sync_panel._running, timeout=60_000)
    return asked


def test_sync_now_asks_the_password_once_pushes_a_local_edit_and_shows_online(  # type: ignore[no-untyped-def]
    desk: Services, server: ServerProcess, make_window, ui_settings: UiSettings, qtbot, monkeypatch, tmp_path: Path
) -> None:
    window = _window(make_window, desk, ui_settings, server)
    panel = window.sync_panel
    assert panel.sync_action in window.file_menu.actions() and panel.label.isVisible()
    assert "Chưa đồng bộ" in panel.label.text()
    section = find_section(desk, CODE, KEY)
    desk.dossiers.save_body(section.id, section.body + "\n\nĐoạn viết trên máy xách tay.")
    assert desk.replica.waiting() == 1
    assert _sync(qtbot, window, monkeypatch) == ["password"]
    assert panel.online is True and panel.last_sync is not None and panel.waiting == 0
    assert "Trực tuyến" in panel.label.text() and "đồng bộ lúc" in panel.label.text()
    other = _replica(tmp_path / "other.sqlite3", server)
    assert "Đoạn viết trên máy xách tay." in find_section(other, CODE, KEY).body  # it reached the server
    other.close()
    assert _sync(qtbot, window, monkeypatch) == []  # the session is kept on the desk: not asked again
    assert desk.people.token("chuyenvien") is not None


def test_a_project_made_in_the_window_of_a_replica_reaches_the_server_and_the_other_desks(  # type: ignore[no-untyped-def]
    desk: Services, server: ServerProcess, make_window, ui_settings: UiSettings, qtbot, monkeypatch, tmp_path: Path
) -> None:
    window = _window(make_window, desk, ui_settings, server)
    shown = desk.projects.by_code(CODE)
    made = desk.projects.create(replace(shown, code="CT-MOI", name="Khu công nghệ cao mở rộng"))
    section = desk.dossiers.section_by_key(made.id, KEY)
    desk.dossiers.save_body(section.id, "Căn cứ viết trên máy xách tay.")
    assert desk.replica.waiting() == 2  # the project and its text
    _sync(qtbot, window, monkeypatch)
    assert window.sync_panel.waiting == 0 and desk.replica.waiting() == 0
    other = _replica(tmp_path / "other.sqlite3", server)
    assert find_section(other, "CT-MOI", KEY).body.strip() == "Căn cứ viết trên máy xách tay."
    other.close()


def test_the_sync_message_offers_the_conflicts_window_only_for_a_conflict(  # type: ignore[no-untyped-def]
    desk: Services, make_window, ui_settings: UiSettings
) -> None:
    from dossier_app.services.sync.replica import SyncReport

    panel = _window(make_window, desk, ui_settings, None).sync_panel
    box, show = panel.problems_box(SyncReport(to_check=["lịch ngày nghỉ/holiday calendar 2027-04-19: name"]))
    assert show is None and "Cần xem lại" in box.detailedText()
    assert all("xung đột" not in button.text() for button in box.buttons())
    box, show = panel.problems_box(SyncReport(conflicts=[f"{CODE} {KEY}"]))
    assert show is not None and show.text() == "Xem các xung đột…"


def test_a_colleague_whose_session_ended_is_named_in_the_status_line(  # type: ignore[no-untyped-def]
    desk: Services, server: ServerProcess, make_window, ui_settings: UiSettings, qtbot, monkeypatch
) -> None:
    with SyncConnection(url(server)) as connection:  # the manager signed in on this desk too, then signed out
        desk.people.remember(PASSWORD, connection.sign_in("lanhdao", PASSWORD, "test desk"))
        connection.sign_out()
    section = find_section(desk, CODE, KEY)
    desk.context.operator = Operator("lanhdao")
    desk.reviews.add_comment(section.id, "Ý kiến viết khi mất mạng.")
    desk.context.operator = Operator("chuyenvien")
    window = _window(make_window, desk, ui_settings, server)
    monkeypatch.setattr(window.sync_panel, "_show_problems", lambda _report: None)
    assert _sync(qtbot, window, monkeypatch) == ["password"]
    label = window.sync_panel.label.text()
    assert "Thay đổi của Trần Thị Bình (lãnh đạo) đang chờ đăng nhập lại" in label
    assert desk.replica.waiting() == 1 and desk.people.token("lanhdao") is None


def test_an_unreachable_server_shows_offline_and_a_wrong_password_is_asked_again(  # type: ignore[no-untyped-def]
    desk: Services, server: ServerProcess, make_window, ui_settings: UiSettings, qtbot, monkeypatch
) -> None:
    window = _window(make_window, desk, ui_settings, server)
    shown: list[str] = []
    monkeypatch.setattr("dossier_app.ui.shell.sync_panel.show_error", lambda _parent, error: shown.append(str(error)))
    assert _sync(qtbot, window, monkeypatch, password="sai-mat-khau") == ["password"]
    assert shown and window.sync_panel._password is None
    ui_settings.set_sync_server(desk.database.url, "http://127.0.0.1:9")  # nothing listens there
    assert _sync(qtbot, window, monkeypatch) == ["password"]
    assert window.sync_panel.online is False and "Ngoại tuyến" in window.sync_panel.label.text()


def test_the_server_dialog_takes_an_address_and_refuses_one_without_a_scheme(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    warned: list[str] = []
    monkeypatch.setattr("dossier_app.ui.shell.sync_panel.QMessageBox.warning", lambda *args: warned.append(args[2]))
    dialog = ServerDialog("", "", None)
    qtbot.addWidget(dialog)
    dialog.address_edit.setText("may-chu:8470")
    dialog._accept()
    assert warned and dialog.result() == 0
    dialog.address_edit.setText("https://may-chu.so.gov.vn:8470/")
    dialog._accept()
    assert dialog.result() == 1 and dialog.address() == "https://may-chu.so.gov.vn:8470"


def test_a_conflict_is_listed_merged_in_the_side_by_side_view_and_pushed_at_the_next_sync(  # type: ignore[no-untyped-def]
    desk: Services, server: ServerProcess, make_window, ui_settings: UiSettings, qtbot, monkeypatch, tmp_path: Path
) -> None:
    other = _replica(tmp_path / "other.sqlite3", server)
    theirs_section = find_section(other, CODE, KEY)
    other.dossiers.save_body(theirs_section.id, theirs_section.body.replace(FIRST, "theo các căn cứ sau:", 1))
    with SyncConnection(url(server)) as connection:
        connection.sign_in("chuyenvien", PASSWORD, "other desk")
        assert other.replica.sync(connection).clean
    ours_section = find_section(desk, CODE, KEY)
    desk.dossiers.save_body(ours_section.id, ours_section.body.replace(FIRST, "căn cứ vào các văn bản sau:", 1))
    window = _window(make_window, desk, ui_settings, server)
    monkeypatch.setattr("dossier_app.ui.shell.sync_panel.QMessageBox.exec", lambda _box: 0)
    _sync(qtbot, window, monkeypatch)
    panel = window.sync_panel
    assert panel.conflicts == 1 and "1 xung đột" in panel.label.text()
    panel.open_conflicts()
    conflicts = panel.conflicts_window
    assert conflicts is not None and conflicts.tree.topLevelItemCount() == 1

    def merge(dialog: ConflictDialog) -> int:
        assert "theo các căn cứ sau:" in dialog.theirs.toPlainText()
        assert "căn cứ vào các văn bản sau:" in dialog.mine.toPlainText()
        cursor = dialog.mine.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        cursor.insertText(" Đã thống nhất với bản trên máy chủ.")
        dialog._decide(ConflictChoice.KEEP_MINE)
        return 1

    monkeypatch.setattr(ConflictDialog, "exec", merge)
    assert conflicts.open_item(0)
    _sync(qtbot, window, monkeypatch)
    assert panel.conflicts == 0 and panel.waiting == 0
    with SyncConnection(url(server)) as connection:
        connection.sign_in("chuyenvien", PASSWORD, "other desk")
        other.replica.sync(connection)
    assert "Đã thống nhất với bản trên máy chủ." in find_section(other, CODE, KEY).body
    other.close()


def test_the_status_line_counts_the_attachment_files_as_they_travel(  # type: ignore[no-untyped-def]
    desk: Services, server: ServerProcess, make_window, ui_settings: UiSettings, qtbot, monkeypatch, tmp_path: Path
) -> None:
    window = _window(make_window, desk, ui_settings, server)
    panel = window.sync_panel
    shown: list[str] = []
    transferring = panel._transferring

    def recording(done: int, total: int, kind: str) -> None:
        transferring(done, total, kind)
        shown.append(panel.label.text())

    monkeypatch.setattr(panel, "_transferring", recording)
    source = tmp_path / "bản đồ.pdf"
    source.write_bytes(b"%PDF-1.4 ban do quy hoach" * 1000)
    section = find_section(desk, CODE, KEY)
    added = desk.attachments.add(section.id, source)
    _sync(qtbot, window, monkeypatch)
    assert "Đang gửi tệp đính kèm 1/1…" in shown and panel.waiting == 0
    desk.context.files.discard(added.sha256)  # this desk lost the file: the next sync fetches it again
    shown.clear()
    _sync(qtbot, window, monkeypatch)
    assert "Đang tải tệp đính kèm 1/1…" in shown
    assert desk.attachments.path(added.id).read_bytes() == source.read_bytes()


def test_a_long_first_sync_shows_its_progress_and_cancel_stops_it_until_the_next(  # type: ignore[no-untyped-def]
    server: ServerProcess, make_window, ui_settings: UiSettings, qtbot, monkeypatch, tmp_path: Path
) -> None:
    monkeypatch.setattr("dossier_app.services.sync.replica.MAX_LIMIT", 20)  # the small demo spans many pages
    monkeypatch.setattr("dossier_app.ui.shell.sync_panel.PROGRESS_FROM", 100)
    laptop = open_services(str(tmp_path / "laptop.sqlite3"), Operator("cli:tester"))
    laptop.accounts.add("chuyenvien", [Role.OFFICER], PASSWORD)  # a fresh laptop: its first account
    laptop.context.operator = Operator("chuyenvien")
    window = _window(make_window, laptop, ui_settings, server)
    panel = window.sync_panel
    monkeypatch.setattr(QInputDialog, "getText", lambda *_args, **_kwargs: (PASSWORD, True))
    panel.sync_action.trigger()
    qtbot.waitUntil(lambda: panel.progress is not None and panel.progress.isVisible(), timeout=60_000)
    dialog = panel.progress
    assert dialog is not None and dialog.maximum() >= 100 and "thay đổi" in dialog.labelText()
    cancel = dialog.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "Hủy"
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel._running, timeout=60_000)
    assert panel.progress is None and panel.stopped and panel.last_sync is None
    assert "đã hủy" in panel.label.text()
    stopped_at = laptop.replica.cursor()
    with sqlite3.connect(server._argv[1]) as db:
        library = int(db.execute("SELECT version FROM syncstate").fetchone()[0])
    assert 0 < stopped_at < library
    panel.sync_now(quiet=True)  # the timer does not go on after a cancel
    assert not panel._running
    panel.sync_action.trigger()  # by hand it goes on from where it stopped
    qtbot.waitUntil(lambda: not panel._running, timeout=60_000)
    assert not panel.stopped and panel.last_sync is not None and laptop.replica.cursor() == library
    assert "Trực tuyến" in panel.label.text()
    laptop.close()


def test_a_step_changed_on_two_desks_is_picked_in_the_conflicts_window(  # type: ignore[no-untyped-def]
    desk: Services, server: ServerProcess, make_window, ui_settings: UiSettings, qtbot, monkeypatch, tmp_path: Path
) -> None:
    other = _replica(tmp_path / "other.sqlite3", server)
    project_id = other.projects.by_code(CODE).id
    step = other.milestones.plan(project_id).milestones[-1]
    other.milestones.rename_step(project_id, step.key, "Bàn giao mặt bằng (máy bên kia)")
    with SyncConnection(url(server)) as connection:
        connection.sign_in("chuyenvien", PASSWORD, "other desk")
        assert other.replica.sync(connection).clean
    desk.milestones.rename_step(project_id, step.key, "Bàn giao mặt bằng (máy này)")
    window = _window(make_window, desk, ui_settings, server)
    monkeypatch.setattr("dossier_app.ui.shell.sync_panel.QMessageBox.exec", lambda _box: 0)
    _sync(qtbot, window, monkeypatch)
    panel = window.sync_panel
    assert panel.conflicts == 1 and "1 xung đột" in panel.label.text()
    panel.open_conflicts()
    conflicts = panel.conflicts_window
    assert conflicts is not None and conflicts.records.isVisible() and not conflicts.tree.isVisible()
    row = conflicts.records.tree.topLevelItem(0)
    assert [row.text(column) for column in range(4)] == [
        f"{CODE} › Bước {step.key} Bàn giao mặt bằng (máy này)",
        "Tên bước",
        "Bàn giao mặt bằng (máy này)",
        "Bàn giao mặt bằng (máy bên kia)",
    ]
    assert conflicts.records.take_button.text() == "&Lấy giá trị của máy chủ"
    conflicts.records.take_button.click()
    assert desk.milestones.plan(project_id).milestone(step.key).title == "Bàn giao mặt bằng (máy bên kia)"
    assert not conflicts.records.isVisible()
    _sync(qtbot, window, monkeypatch)
    assert panel.conflicts == 0 and panel.waiting == 0
    other.close()
