"""Review in the window: an officer submits, a manager finds it in the queue, reads the redline, approves or returns."""

from PySide6.QtWidgets import QTreeWidgetItem

from dossier_app.domain.enums import SectionState
from dossier_app.services import Services, open_services
from dossier_app.services.core.context import Operator
from dossier_app.ui.review.review_bar import ApprovalDialog
from tests.conftest import FAST_HASHER
from tests.ui.conftest import section_id_by_key


def _as(demo_db: Services, username: str) -> Services:
    services = open_services(demo_db.database.url, Operator(username), password_hasher=FAST_HASHER)
    return services


def _queue_items(window) -> list[QTreeWidgetItem]:  # type: ignore[no-untyped-def]
    tree = window.queue.tree
    return [
        tree.topLevelItem(i).child(j)
        for i in range(tree.topLevelItemCount())
        for j in range(tree.topLevelItem(i).childCount())
    ]


def test_manager_approves_from_the_queue_seeing_the_redline(draft_demo_db: Services, make_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    section_id = section_id_by_key(draft_demo_db, "CT-HTP", "tt.kien_nghi")
    officer_services, manager_services = _as(draft_demo_db, "chuyenvien"), _as(draft_demo_db, "lanhdao")
    officer = make_window(officer_services, officer_services.accounts.get("chuyenvien"))
    officer.select_section(section_id)
    officer.editor.text.textCursor().insertText("Kính trình. ")
    assert officer.review_bar.submit()
    assert officer.review_bar.review.state is SectionState.SUBMITTED

    manager = make_window(manager_services, manager_services.accounts.get("lanhdao"))
    assert manager.left_tabs.tabText(manager.queue_tab).endswith("(1)")
    leaves = _queue_items(manager)
    assert len(leaves) == 1 and "Kiến nghị" in leaves[0].text(0) and leaves[0].text(1) == "chuyenvien"
    manager.queue.tree.itemActivated.emit(leaves[0], 0)
    assert manager.current_section is not None and manager.current_section.id == section_id
    assert manager.review_bar.approve_button.isEnabled() and not manager.review_bar.submit_button.isEnabled()

    def look_and_approve(dialog: ApprovalDialog) -> int:
        assert "Kính trình." in dialog.view.toPlainText()
        dialog._choose("approve")
        return 1

    monkeypatch.setattr(ApprovalDialog, "exec", look_and_approve)
    manager.review_bar.open_approval()
    assert manager.review_bar.review.state is SectionState.APPROVED
    assert "Đã phê duyệt" in manager.review_bar.state_label.text()
    assert manager.left_tabs.tabText(manager.queue_tab) == "Việc cần xử lý"
    officer_services.close()
    manager_services.close()


def test_officer_sees_the_returned_comment(demo_db: Services, make_window) -> None:  # type: ignore[no-untyped-def]
    section_id = section_id_by_key(demo_db, "CT-ITP", "da.1_su_can_thiet_can_cu")
    officer_services, manager_services = _as(demo_db, "chuyenvien"), _as(demo_db, "lanhdao")
    officer_services.dossiers.save_body(section_id, "Bản dự thảo của chuyên viên.")
    officer_services.reviews.submit(section_id)
    manager = make_window(manager_services, manager_services.accounts.get("lanhdao"))
    manager.select_section(section_id)
    assert manager.review_bar.request_changes("Bổ sung số liệu lao động công nghệ thông tin.")
    officer = make_window(officer_services, officer_services.accounts.get("chuyenvien"))
    officer.select_section(section_id)
    assert officer.review_bar.return_note.isVisible()
    assert "Bổ sung số liệu lao động" in officer.review_bar.return_note.text()
    assert "Yêu cầu chỉnh sửa" in officer.review_bar.state_label.text()
    assert any("Kiến nghị" in leaf.text(0) or "Sự cần thiết" in leaf.text(0) for leaf in _queue_items(officer))
    officer_services.close()
    manager_services.close()


def test_a_comment_quotes_the_selected_text(demo_db: Services, make_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    section_id = section_id_by_key(demo_db, "CT-HTP", "tt.can_cu_phap_ly")
    manager_services = _as(demo_db, "lanhdao")
    window = make_window(manager_services, manager_services.accounts.get("lanhdao"))
    window.select_section(section_id)
    cursor = window.editor.text.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(12, cursor.MoveMode.KeepAnchor)
    window.editor.text.setTextCursor(cursor)
    window.comments.entry.setPlainText("Cần trích dẫn đầy đủ số hiệu văn bản.")
    assert window.comments.add_comment()
    comments = manager_services.reviews.comments(section_id)
    assert comments[-1].quote == cursor.selectedText().strip() and comments[-1].author == "lanhdao"
    shown: list[str] = []
    monkeypatch.setattr("dossier_app.ui.review.comments_pane.show_error", lambda _w, error: shown.append(error.message))
    window.comments.entry.setPlainText("   ")
    assert not window.comments.add_comment()
    assert len(shown) == 1 and len(manager_services.reviews.comments(section_id)) == len(comments)
    manager_services.close()


def test_a_clerk_reads_but_cannot_edit(demo_db: Services, make_window) -> None:  # type: ignore[no-untyped-def]
    clerk_services = _as(demo_db, "vanthu")
    window = make_window(clerk_services, clerk_services.accounts.get("vanthu"))
    window.select_section(section_id_by_key(demo_db, "CT-HTP", "tt.can_cu_phap_ly"))
    assert window.editor.text.isReadOnly() and not window.editor.bold_action.isEnabled()
    assert not window.structure.add_action.isEnabled() and not window.structure.rename_action.isEnabled()
    assert not window.window_actions.new_project_action.isEnabled()
    assert not window.attachments.add_button.isEnabled()
    assert not window.review_bar.submit_button.isEnabled() and not window.review_bar.approve_button.isEnabled()
    clerk_services.close()


def test_the_navigator_shows_review_state_and_badges(draft_demo_db: Services, make_window) -> None:  # type: ignore[no-untyped-def]
    section_id = section_id_by_key(draft_demo_db, "CT-HTP", "tt.kien_nghi")
    officer_services = _as(draft_demo_db, "chuyenvien")
    window = make_window(officer_services, officer_services.accounts.get("chuyenvien"))
    window.select_section(section_id)
    assert window.review_bar.submit()
    project = window.model.index_of_project(officer_services.projects.by_code("CT-HTP").id)
    assert project.data().endswith("[1 chờ phê duyệt]")
    assert "Đã trình duyệt" in window.model.index_of_section(section_id).data(3)
    officer_services.close()
