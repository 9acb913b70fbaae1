"""The project home in the centre: shown when a project is chosen, every line opening its place, kept up to date."""

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from dossier_app.domain.enums import SectionState
from dossier_app.services import Services, open_services
from dossier_app.services.core.context import Operator
from dossier_app.services.demo.review_demo import RETURNED, WAITING
from dossier_app.services.dossier.project_home import ProjectHome
from dossier_app.ui.export.export_dialog import ExportDialog
from dossier_app.ui.shell.home_links import HomeLink, Tile
from dossier_app.ui.shell.main_window import MainWindow
from tests.conftest import FAST_HASHER
from tests.services.register_support import party
from tests.ui.conftest import section_id_by_key


@pytest.fixture
def manager(demo_db: Services) -> Iterator[Services]:
    """The demo's manager, lanhdao, on the same database."""
    services = open_services(demo_db.database.url, Operator("lanhdao"), password_hasher=FAST_HASHER)
    yield services
    services.close()


@pytest.fixture
def window(manager: Services, make_window) -> MainWindow:  # type: ignore[no-untyped-def]
    return make_window(manager, manager.accounts.get("lanhdao"))


def _home(window: MainWindow, qtbot, code: str) -> ProjectHome:  # type: ignore[no-untyped-def]
    """Choose a project in the navigator and wait for its figures of now."""
    project_id = window.services.projects.by_code(code).id
    window.select_project(project_id)
    _settled(window, qtbot, project_id)
    assert window.home.home is not None
    return window.home.home


def _settled(window: MainWindow, qtbot, project_id: int) -> None:  # type: ignore[no-untyped-def]
    home = window.home
    qtbot.waitUntil(lambda: not home.busy and home.home is not None and home.home.project_id == project_id)


def _link(window: MainWindow, name: str) -> HomeLink:
    link = window.home.page.findChild(HomeLink, name)
    assert link is not None, name
    return link


def _click(window: MainWindow, qtbot, name: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(_link(window, name), Qt.MouseButton.LeftButton)


def test_choosing_a_project_shows_its_home_in_the_centre(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    home = _home(window, qtbot, "CT-HTP")
    assert window.centre.currentWidget() is window.home and window.home.isVisible()
    assert not window.tabs.isVisible()  # the section's side panes give the home their room
    assert window.home.title.text().startswith("CT-HTP — ")
    assert set(window.home.cards) == {"readiness", "review", "clearance", "consultations", "export"}
    waiting = window.home.page.findChild(Tile, "review.waiting")
    assert waiting is not None and waiting.count() == str(len(home.review.waiting)) == "1"
    assert window.home.page.findChild(Tile, "readiness.red").count() == str(home.count(home.to_fix[0].light))
    assert "Tổng quan hồ sơ" not in window.guidance.toPlainText()  # the overview left the guidance pane
    window.select_section(section_id_by_key(window.services, "CT-HTP", WAITING))
    assert window.centre.currentWidget() is window.editor_column and window.tabs.isVisible()


def test_the_home_is_in_vietnamese(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    _home(window, qtbot, "CT-ITP")
    titles = [card.title.text() for card in window.home.cards.values()]
    assert titles == [
        "Mức độ hoàn thiện hồ sơ",
        "Duyệt hồ sơ",
        "Giải phóng mặt bằng",
        "Lấy ý kiến bộ, ngành",
        "Lần xuất gần nhất",
    ]
    assert _link(window, "clearance.households").text() == "hộ"


def test_the_review_lines_open_the_sections_and_the_queue(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    services = window.services
    _home(window, qtbot, "CT-HTP")
    _click(window, qtbot, "review.oldest")
    assert window.current_section is not None and window.current_section.id == section_id_by_key(
        services, "CT-HTP", WAITING
    )
    home = _home(window, qtbot, "CT-HTP")
    QTest.keyClick(_link(window, "review.returned"), Qt.Key.Key_Return)  # the keyboard opens a line too
    assert window.current_section.id == section_id_by_key(services, "CT-HTP", RETURNED)
    _home(window, qtbot, "CT-HTP")
    _click(window, qtbot, "review.written")
    assert window.current_section.id == home.review.first_unwritten and window.current_section.word_count == 0
    _home(window, qtbot, "CT-HTP")
    window.left_tabs.setCurrentWidget(window.search)
    _click(window, qtbot, "review.waiting")
    assert window.left_tabs.currentWidget() is window.queue


def test_the_readiness_lines_open_the_readiness_list_and_the_item(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    from dossier_app.domain.readiness import TargetKind

    home = _home(window, qtbot, "CT-ITP")
    readiness = window.window_actions.readiness
    _click(window, qtbot, "readiness.red")
    assert readiness.readiness_window is not None and readiness.readiness_window.isVisible()
    assert readiness.readiness_window.project_id == home.project_id
    assert home.to_fix[0].target.kind in (TargetKind.CONDITION, TargetKind.CRITERION)
    _click(window, qtbot, "readiness.fix0")
    assert readiness.checklist_window is not None and readiness.checklist_window.isVisible()
    readiness.readiness_window.close()
    readiness.checklist_window.close()


def test_the_land_clearance_lines_open_register_dashboard_and_plan(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    actions = window.window_actions
    home = _home(window, qtbot, "CT-ITP")
    _click(window, qtbot, "clearance.households")
    assert actions.register_window.isVisible() and actions.register_window.project_id == home.project_id
    _click(window, qtbot, "clearance.paid")
    assert actions.register_window.dashboard is not None and actions.register_window.dashboard.isVisible()
    overdue = home.milestones[0]
    _click(window, qtbot, "clearance.milestone0")
    assert actions.milestones_window.isVisible() and actions.milestones_window.current_key() == overdue.key
    for opened in (actions.register_window.dashboard, actions.register_window, actions.milestones_window):
        opened.close()


def test_the_consultation_and_export_lines_open_their_windows(window: MainWindow, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    actions = window.window_actions
    _home(window, qtbot, "CT-HTP")
    _click(window, qtbot, "consultations.overdue")
    assert actions.consultations_window.isVisible()
    actions.consultations_window.close()
    overdue = next(row for row in window.home.home.consultations.rows if row.state.value == "overdue")
    _click(window, qtbot, "consultations.body0")
    consultations = actions.consultations_window
    chosen = consultations.table.selectionModel().selectedRows()
    assert consultations.isVisible() and [consultations.model.row_at(i.row()).id for i in chosen] == [overdue.id]
    consultations.close()
    opened: list[bool] = []
    monkeypatch.setattr(
        ExportDialog, "exec", lambda dialog: opened.append(dialog.tabs.currentWidget() is dialog.history) or 0
    )
    _click(window, qtbot, "export.none")
    assert opened == [False]  # no package yet: the export tab, to make one


def test_the_home_reads_again_when_the_register_changes(window: MainWindow, demo_db: Services, qtbot) -> None:  # type: ignore[no-untyped-def]
    home = _home(window, qtbot, "CT-ITP")
    demo_db.register.add_party(home.project_id, party("HT-NEW-1", citizen_id="092085009999"))  # an officer
    window.window_actions.register_changed.emit(home.project_id)  # what a register window says after a save
    _settled(window, qtbot, home.project_id)
    assert window.home.home.clearance.parties == home.clearance.parties + 1
    assert window.home.page.findChild(Tile, "clearance.households").count() == f"{home.clearance.parties + 1}"


def test_an_approval_shows_in_the_review_figures(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    before = _home(window, qtbot, "CT-HTP")
    waiting = section_id_by_key(window.services, "CT-HTP", WAITING)
    window.select_section(waiting)
    assert window.review_bar.approve()
    assert window.review_bar.review.state is SectionState.APPROVED
    after = _home(window, qtbot, "CT-HTP")
    assert len(after.review.waiting) == len(before.review.waiting) - 1 == 0
    assert after.review.approved == before.review.approved + 1
    assert window.home.page.findChild(Tile, "review.waiting").count() == "0"


def test_the_last_export_is_checked_and_opens_the_history(
    window: MainWindow, demo_db: Services, qtbot, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import json

    from dossier_app.services.export.export_history import record_export
    from dossier_app.services.export.packages import MANIFEST, file_entry, sha256_bytes

    folder = tmp_path / "CT-HTP_2026-12-06_1"
    folder.mkdir()
    (folder / "To_trinh.pdf").write_bytes(b"%PDF-1.7 to trinh")
    manifest = json.dumps({"files": [file_entry(folder, folder / "To_trinh.pdf")]}).encode()
    (folder / MANIFEST).write_bytes(manifest)
    project_id = demo_db.projects.by_code("CT-HTP").id
    with demo_db.database.begin() as session:
        record_export(session, project_id, "vanthu", False, folder, None, sha256_bytes(manifest), {})
    _home(window, qtbot, "CT-HTP")
    qtbot.waitUntil(lambda: window.home.page.findChild(HomeLink, "export.verified").text().startswith("Đã kiểm tra"))
    assert "chính thức" in _link(window, "export.last").text() and folder.name in _link(window, "export.last").text()
    assert "1 tệp" in _link(window, "export.verified").text()
    opened: list[bool] = []
    monkeypatch.setattr(
        ExportDialog, "exec", lambda dialog: opened.append(dialog.tabs.currentWidget() is dialog.history) or 0
    )
    QTest.keyClick(_link(window, "export.verified"), Qt.Key.Key_Space)
    assert opened == [True]  # the history, where the package is verified again


def test_tab_reads_the_home_in_order_and_a_refresh_keeps_the_focus(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    _home(window, qtbot, "CT-HTP")
    chain: list[str] = []
    widget = window.home.refresh_button.nextInFocusChain()
    while len(chain) < 6:
        if isinstance(widget, HomeLink):
            chain.append(widget.objectName())
        widget = widget.nextInFocusChain()
    assert chain == [
        "readiness.red",
        "readiness.amber",
        "readiness.green",
        "readiness.fix0",
        "readiness.fix1",
        "readiness.fix2",
    ]
    line = _link(window, "review.queue")
    line.setFocus()
    window.home.refresh()
    _settled(window, qtbot, window.home.project_id)
    assert _link(window, "review.queue") is line and window.focusWidget() is line
