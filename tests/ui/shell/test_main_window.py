"""The window on a demo database: navigate, write, autosave, reopen, revisions, search, structure undo."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QHeaderView, QInputDialog

from dossier_app.services import Services
from dossier_app.ui.shared.settings import UiSettings
from dossier_app.ui.shell.main_window import MainWindow
from dossier_app.ui.shell.navigator import ID_ROLE, KIND_ROLE, NodeKind
from tests.ui.conftest import section_id_by_key

TYPED = " Thêm đoạn về Khu công nghệ cao Cần Thơ ở Ô Môn."


def type_text(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type Vietnamese one key event per character (qtbot.keyClicks breaks on non-ASCII)."""
    for char in text:
        QApplication.sendEvent(widget, QKeyEvent(QKeyEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, char))
        QApplication.sendEvent(widget, QKeyEvent(QKeyEvent.Type.KeyRelease, 0, Qt.KeyboardModifier.NoModifier, char))


def test_window_shows_the_demo_projects_in_vietnamese(demo_db: Services, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window(demo_db)
    model = window.model
    projects = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert projects == [  # the demo's review story: one section waits for the manager, one was returned
        "CT-HTP — Khu công nghệ cao Cần Thơ  [1 chờ phê duyệt, 1 bị trả lại]",
        "CT-ITP — Khu công nghệ thông tin tập trung Cần Thơ",
    ]
    first_project = model.index(0, 0)
    documents = [model.index(row, 0, first_project).data() for row in range(model.rowCount(first_project))]
    assert documents[0].startswith("Tờ trình") and documents[1].startswith("Đề án")
    assert model.index(0, 1, first_project).data() == "3/5"
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&Tệp", "&Sửa", "&Mục", "&Hồ sơ", "Giải phóng mặt &bằng", "&Quản trị", "Trợ &giúp"]
    assert window.tabs.tabText(0) == "Hướng dẫn"


def test_selecting_a_section_loads_text_and_guidance(demo_db: Services, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window(demo_db)
    section_id = section_id_by_key(demo_db, "CT-HTP", "tt.can_cu_phap_ly")
    window.select_section(section_id)
    assert window.current_section is not None and window.current_section.id == section_id
    assert "Thủ tướng Chính phủ" in window.editor.text.toPlainText()
    assert "Nghị định" in window.guidance.toPlainText()
    assert window.current_kind() is NodeKind.SECTION
    assert window.revisions.table.rowCount() == 1
    assert int(window.words_label.text().split()[0]) > 100


def test_an_empty_section_invites_typing_instead_of_pointing_at_the_navigator(  # type: ignore[no-untyped-def]
    demo_db: Services, make_window
) -> None:
    window = make_window(demo_db)
    assert "Chọn một mục" in window.editor.text.placeholderText()  # nothing chosen yet
    section_id = section_id_by_key(demo_db, "CT-ITP", "da.7_ban_do_quy_hoach")
    demo_db.dossiers.save_body(section_id, "")
    window.select_section(section_id)
    assert window.editor.text.toPlainText() == ""
    assert "Chọn một mục" not in window.editor.text.placeholderText()
    assert window.editor.text.placeholderText().startswith("Mục này chưa có nội dung")


def test_typing_autosaves_and_survives_closing_and_reopening(demo_db: Services, make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    section_id = section_id_by_key(demo_db, "CT-HTP", "tt.tom_tat_de_an")
    window = make_window(demo_db)
    window.select_section(section_id)
    window.editor.text.setFocus()
    type_text(window.editor.text, "Tóm tắt đề án:" + TYPED)
    assert window.editor.is_dirty and window.isWindowModified()
    qtbot.waitUntil(lambda: not window.editor.is_dirty, timeout=5000)
    assert len(demo_db.dossiers.revisions(section_id)) == 1
    type_text(window.editor.text, " Bổ sung.")
    window.close()
    assert demo_db.dossiers.section(section_id).body.strip().endswith("Bổ sung.")
    assert len(demo_db.dossiers.revisions(section_id)) == 2

    reopened = make_window(demo_db)
    reopened.restore_last_place()
    assert reopened.current_section is not None and reopened.current_section.id == section_id
    assert (
        "Tóm tắt đề án: Thêm đoạn về Khu công nghệ cao Cần Thơ ở Ô Môn. Bổ sung." in reopened.editor.text.toPlainText()
    )
    assert reopened.revisions.table.rowCount() == 2


def test_switching_sections_saves_the_previous_one(demo_db: Services, make_window) -> None:  # type: ignore[no-untyped-def]
    first = section_id_by_key(demo_db, "CT-HTP", "tt.danh_gia_tieu_chi")
    second = section_id_by_key(demo_db, "CT-HTP", "tt.kien_nghi")
    window = make_window(demo_db)
    window.select_section(first)
    window.editor.text.moveCursor(QTextCursor.MoveOperation.End)
    type_text(window.editor.text, "Đánh giá đạt")
    window.select_section(second)
    assert demo_db.dossiers.section(first).body.strip() == "Đánh giá đạt"
    counts = window.model.index_of_section(first).parent()
    assert window.model.index(counts.row(), 1, counts.parent()).data() == "4/5"


def test_restoring_a_revision_adds_a_new_one(demo_db: Services, make_window) -> None:  # type: ignore[no-untyped-def]
    section_id = section_id_by_key(demo_db, "CT-HTP", "tt.kien_nghi")
    original = demo_db.dossiers.section(section_id).body
    demo_db.dossiers.save_body(section_id, "Văn bản mới thay thế.")
    window = make_window(demo_db)
    window.select_section(section_id)
    assert window.revisions.table.rowCount() == 2
    window.revisions.table.selectRow(1)
    window.revisions.restore_button.click()
    assert demo_db.dossiers.section(section_id).body == original
    history = demo_db.dossiers.revisions(section_id)
    assert [r.number for r in history] == [3, 2, 1] and history[0].restored_from == 1
    assert window.editor.text.toPlainText().startswith(original.split()[0])
    assert window.revisions.table.rowCount() == 3


def test_search_without_diacritics_jumps_and_highlights(demo_db: Services, make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(demo_db)
    window.select_project(demo_db.projects.by_code("CT-ITP").id)
    window.search.query.setText("hung thanh")
    assert window.search.run() > 0
    item = window.search.results.item(0)
    window.search.results.itemActivated.emit(item)
    section = window.current_section
    assert section is not None and section.project_code == "CT-ITP"
    selections = window.editor.text.extraSelections()
    assert selections and all(s.cursor.selectedText().lower() == "hưng thạnh" for s in selections)


def test_structural_edits_are_undoable(demo_db: Services, make_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = make_window(demo_db)
    parent_id = section_id_by_key(demo_db, "CT-HTP", "da.4_phuong_huong")
    window.select_section(parent_id)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Hạ tầng số dùng chung", True))
    window.structure.add_action.trigger()
    added = window.current_section
    assert added is not None and added.title == "Hạ tầng số dùng chung" and not added.required
    parent_index = window.model.index_of_section(parent_id)
    assert window.model.rowCount(parent_index) == 6

    window.undo_stack.undo()
    assert window.model.rowCount(window.model.index_of_section(parent_id)) == 5
    window.undo_stack.redo()
    assert window.model.rowCount(window.model.index_of_section(parent_id)) == 6

    window.select_section(added.id)
    window.structure.up_action.trigger()
    siblings = window.model.index_of_section(parent_id)
    assert window.model.index(4, 0, siblings).data(ID_ROLE) == added.id
    window.structure.delete_action.trigger()
    assert not window.model.index_of_section(added.id).isValid()
    window.undo_stack.undo()
    assert window.model.index_of_section(added.id).isValid()
    window.undo_stack.undo()
    assert window.model.index(5, 0, window.model.index_of_section(parent_id)).data(ID_ROLE) == added.id


def test_required_sections_cannot_be_deleted_from_the_menu(demo_db: Services, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window(demo_db)
    window.select_section(section_id_by_key(demo_db, "CT-HTP", "tt.kien_nghi"))
    assert not window.structure.delete_action.isEnabled()
    assert window.model.index_of_section(window.current_section.id).data(KIND_ROLE) == NodeKind.SECTION


def test_comparing_revisions_shows_the_changed_words(demo_db: Services, make_window) -> None:  # type: ignore[no-untyped-def]
    section_id = section_id_by_key(demo_db, "CT-HTP", "tt.kien_nghi")
    demo_db.dossiers.save_body(section_id, "Đề nghị Thủ tướng Chính phủ xem xét, quyết định.")
    demo_db.dossiers.save_body(section_id, "Kính đề nghị Thủ tướng Chính phủ xem xét, sớm quyết định.")
    window = make_window(demo_db)
    window.select_section(section_id)
    window.revisions.table.selectRow(0)
    assert window.revisions.compare_button.isEnabled()
    window.revisions.compare_button.click()
    dialog = window.revisions.last_dialog
    assert dialog is not None and dialog.isVisible()
    html = dialog.view.toHtml()
    assert "Kính" in html and "sớm" in html and "text-decoration:underline" in html.replace(" ", "")
    summary = "3 từ được thêm, 1 từ bị xóa, 1 đoạn, mục hoặc dòng bảng thay đổi"  # Đề → Kính đề, + sớm
    assert summary in dialog.view.toPlainText()
    dialog.close()


def test_a_window_that_paints_first_fills_itself_after_its_first_paint(  # type: ignore[no-untyped-def]
    demo_db: Services, ui_settings: UiSettings, qtbot
) -> None:
    """The start shows the frame at once, then the navigator fills, its titles in a stretched first column."""
    window = MainWindow(demo_db, ui_settings, "vi", load_now=False)
    qtbot.addWidget(window)
    reopened: list[bool] = []
    window.load_after_first_paint(then=lambda: reopened.append(True))
    assert window.model.rowCount() == 0
    window.show()
    qtbot.waitUntil(lambda: reopened == [True], timeout=5000)
    assert window.model.rowCount() == 2
    header = window.navigator.header()
    assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.Stretch
    assert header.sectionResizeMode(1) == QHeaderView.ResizeMode.ResizeToContents
    window.reload_navigator(None)  # as after a sync or an outline change: the titles keep the width
    assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.Stretch
    assert header.sectionResizeMode(1) == QHeaderView.ResizeMode.ResizeToContents
