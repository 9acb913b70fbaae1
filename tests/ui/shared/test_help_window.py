"""F1 opens the Vietnamese user guide in the program's help window, at the section for the window in front; the guide
has every section the F1 map names, every picture it shows, and the name of every menu of the window."""

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtWidgets import QApplication

from dossier_app.domain.enums import Role
from dossier_app.services import Services
from dossier_app.services.core.context import Operator
from dossier_app.ui.export.export_dialog import HELP_EXPORT, HELP_HISTORY
from dossier_app.ui.shared.help_window import (
    DOCS_DIR,
    GUIDE_FILE,
    HELP_ANCHORS,
    START_ANCHOR,
    HelpWindow,
    guide_sections,
    help_launcher,
)
from dossier_app.ui.shell.main_window import HELP_SECTIONS
from tests.ui.conftest import section_id_by_key

GUIDE = GUIDE_FILE.read_text(encoding="utf-8")
HEADINGS = {section.anchor: section.heading for section in guide_sections(GUIDE)}


@pytest.fixture
def guide(qapp: QApplication) -> Iterator[None]:
    """No help window left over from another test; the one of this test closed after it."""
    launcher = help_launcher()
    launcher.window = None
    yield
    if launcher.window is not None:
        launcher.window.close()
        launcher.window.deleteLater()
        launcher.window = None


def _shown(qtbot, anchor: str) -> HelpWindow:  # type: ignore[no-untyped-def]
    """The help window, shown and scrolled to the anchor's heading (read from the browser's view)."""
    window = help_launcher().window
    assert window is not None
    qtbot.waitUntil(window.isVisible)
    assert window.current_anchor == anchor
    assert window.top_heading() == HEADINGS[anchor]
    return window


def test_f1_in_the_editor_opens_the_guide_on_writing(demo_db: Services, make_window, qtbot, guide) -> None:  # type: ignore[no-untyped-def]
    window = make_window(demo_db)
    window.select_section(section_id_by_key(demo_db, "CT-HTP", "da.3_dieu_kien_thanh_lap"))
    window.editor.text.setFocus()
    qtbot.keyClick(window.editor.text, Qt.Key.Key_F1)
    _shown(qtbot, "soan-thao")
    window.search.query.setFocus()
    qtbot.keyClick(window.search.query, Qt.Key.Key_F1)
    help_window = _shown(qtbot, "tim-kiem")
    assert help_launcher().window is help_window  # one window, reused
    assert help_window.windowTitle() == "Hướng dẫn sử dụng"


def test_a_project_shows_the_window_part_and_the_menu_opens_it(demo_db: Services, make_window, qtbot, guide) -> None:  # type: ignore[no-untyped-def]
    window = make_window(demo_db)
    window.select_project(demo_db.projects.by_code("CT-ITP").id)
    assert window.guide_action.text() == "Hướng dẫn sử dụng" and window.guide_action.shortcut().toString() == "F1"
    window.guide_action.trigger()
    _shown(qtbot, "cua-so-chinh")


def test_f1_in_the_register_window_opens_the_register_section(demo_db: Services, make_window, qtbot, guide) -> None:  # type: ignore[no-untyped-def]
    window = make_window(demo_db)
    window.select_project(demo_db.projects.by_code("CT-ITP").id)
    window.window_actions.open_register()
    register = window.window_actions.register_window
    qtbot.waitExposed(register)
    register.table.setFocus()
    qtbot.keyClick(register.table, Qt.Key.Key_F1)
    _shown(qtbot, "so-boi-thuong")


def test_f1_in_a_modal_dialog_opens_its_section_beside_it(demo_db: Services, make_window, qtbot, guide) -> None:  # type: ignore[no-untyped-def]
    window = make_window(demo_db)
    seen: dict[str, object] = {}

    def press_f1_then_close() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, press_f1_then_close)
            return
        qtbot.keyClick(dialog, Qt.Key.Key_F1)
        help_window = help_launcher().window
        seen.update(anchor=help_window.current_anchor, heading=help_window.top_heading())
        seen.update(parent=help_window.parentWidget() is dialog, visible=help_window.isVisible())
        dialog.close()

    QTimer.singleShot(0, press_f1_then_close)
    window.window_actions.open_holidays()  # runs the dialog's own event loop until it closes
    assert seen == {"anchor": "ngay-nghi", "heading": HEADINGS["ngay-nghi"], "parent": True, "visible": True}
    help_window = help_launcher().window
    assert help_window.parentWidget() is None and help_window.isVisible()  # kept open once the dialog is gone


def test_links_of_the_contents_go_to_their_section(qtbot, guide) -> None:  # type: ignore[no-untyped-def]
    help_window = help_launcher().show_anchor("no-such-section")
    assert help_window.current_anchor == START_ANCHOR  # an unknown section: the start of the guide
    help_window.follow(QUrl("#tai-khoan"))
    _shown(qtbot, "tai-khoan")


def test_the_find_box_finds_words_typed_without_diacritics(qtbot, vietnamese, guide) -> None:  # type: ignore[no-untyped-def]
    help_window = help_launcher().show_anchor(START_ANCHOR)
    help_window.find_box.setText("sao luu ngay")
    help_window.find_next()
    first = help_window.browser.textCursor()
    assert first.selectedText() == "Sao lưu ngay"
    help_window.find_next()
    second = help_window.browser.textCursor()
    assert second.selectedText().lower() == "sao lưu ngay" and second.position() > first.position()
    help_window.find_box.setText("khong co trong huong dan")
    help_window.find_next()
    assert help_window.find_status.text() == "Không tìm thấy"


def test_every_section_the_f1_map_names_is_in_the_guide() -> None:
    named = set(HELP_ANCHORS.values()) | set(HELP_SECTIONS.values()) | {HELP_EXPORT, HELP_HISTORY, START_ANCHOR}
    assert named - set(HEADINGS) == set()
    assert len(HEADINGS) == len(re.findall(r'^<a id="', GUIDE, re.MULTILINE))  # every anchor sits above a heading


def test_every_link_and_picture_of_the_guide_exists() -> None:
    pictures = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", GUIDE)
    assert len(pictures) >= 20
    assert [path for path in pictures if not (DOCS_DIR / path).is_file()] == []
    assert all(path.startswith("screenshots/") for path in pictures)
    links = set(re.findall(r"\]\(#([a-z0-9-]+)\)", GUIDE))
    assert links - set(HEADINGS) == set()


def test_the_guide_names_every_menu_and_command_as_the_window_shows_them(demo_db: Services, make_window) -> None:  # type: ignore[no-untyped-def]
    demo_db.context.operator = Operator("cli:test")
    demo_db.accounts.add("quantri2", [Role.ADMIN], "admin-password")
    window = make_window(demo_db, demo_db.accounts.get("quantri2"))
    titles = [menu.title().replace("&", "") for menu in window.menus()]
    assert titles[0] == "Tệp" and len(titles) == 7
    assert [title for title in titles if f"**{title}**" not in GUIDE] == []
    commands = [action.text() for menu in window.menus() for action in menu.actions() if not action.isSeparator()]
    assert "Nạp dữ liệu mẫu Cần Thơ" in commands and "Tài khoản…" in commands
    assert [command for command in commands if command not in GUIDE] == []
