"""The approval dialog and Compare show the redline as formatted text, and save it as a Word file with tracked
changes through a save dialog that starts in the last folder used."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from dossier_app.domain.errors import DossierError
from dossier_app.services import Services
from dossier_app.services.core.context import Operator
from dossier_app.ui.review.review_bar import ApprovalDialog
from dossier_app.ui.shared import redline_view
from dossier_app.ui.shared.redline_view import RedlineDialog
from dossier_app.ui.shared.settings import UiSettings
from tests.export.redline_support import NEW, OLD, document_xml
from tests.ui.conftest import section_id_by_key


@pytest.fixture
def submitted_change(demo_db: Services) -> int:
    """A section whose approved text is OLD and whose submitted text is NEW (both with bold, a list and a table)."""
    section_id = section_id_by_key(demo_db, "CT-ITP", "da.1_su_can_thiet_can_cu")
    officer, manager = Operator("chuyenvien"), Operator("lanhdao")
    demo_db.context.operator = officer
    demo_db.dossiers.save_body(section_id, OLD)
    demo_db.reviews.submit(section_id)
    demo_db.context.operator = manager
    demo_db.reviews.approve(section_id, demo_db.reviews.review(section_id).submitted_hash)
    demo_db.context.operator = officer
    demo_db.dossiers.save_body(section_id, NEW)
    demo_db.reviews.submit(section_id)
    demo_db.context.operator = manager
    return section_id


def _dialog(services: Services, section_id: int, settings: UiSettings, qtbot) -> ApprovalDialog:  # type: ignore[no-untyped-def]
    dialog = ApprovalDialog(services, services.reviews.review(section_id), "Sự cần thiết", settings=settings)
    qtbot.addWidget(dialog)
    return dialog


def test_the_dialog_shows_formatted_text_with_changes_marked(
    demo_db: Services, submitted_change: int, ui_settings: UiSettings, qtbot, vietnamese
) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(demo_db, submitted_change, ui_settings, qtbot)
    shown = dialog.view.toPlainText()
    assert "**" not in shown and "|---" not in shown and "## " not in shown and "| Đất ở" not in shown
    assert "Khu công nghệ cao Cần Thơ" in shown and "Ninh Kiều" in shown and "Bình Thủy" in shown
    assert "28 từ được thêm, 19 từ bị xóa, 10 đoạn, mục hoặc dòng bảng thay đổi" in shown
    assert "Nội dung đã phê duyệt gần nhất → Nội dung trình duyệt" in shown
    document = dialog.view.document()
    tables = [frame for frame in document.rootFrame().childFrames() if frame.__class__.__name__ == "QTextTable"]
    assert len(tables) == 1 and tables[0].rows() == 4 and tables[0].columns() == 3
    fragments = []
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            fragments.append((fragment.text(), fragment.charFormat()))
            iterator += 1
        block = block.next()
    struck = "".join(text for text, char in fragments if char.fontStrikeOut())
    underlined = "".join(text for text, char in fragments if char.fontUnderline())
    bold = "".join(text for text, char in fragments if char.fontWeight() >= 700)
    assert "Ninh Kiều" in struck and "30,0" in struck and "Đoạn này sẽ bị xoá" in struck
    assert "Bình Thủy" in underlined and "31,5" in underlined and "Mật độ xây dựng" in underlined
    assert "Khu công nghệ cao Cần Thơ" in bold
    assert dialog.save_button.text() == "Lưu thành tệp Word có theo dõi thay đổi…"


def test_the_button_saves_the_word_file_where_the_person_chose(
    demo_db: Services, submitted_change: int, ui_settings: UiSettings, qtbot, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    ui_settings.last_folder = str(tmp_path)
    asked: list[str] = []

    def choose(parent: QWidget, title: str, start: str, filters: str) -> tuple[str, str]:
        asked.append(start)
        return str(tmp_path / "ra" / "so-sanh"), filters

    (tmp_path / "ra").mkdir()
    monkeypatch.setattr(redline_view.QFileDialog, "getSaveFileName", choose)
    dialog = _dialog(demo_db, submitted_change, ui_settings, qtbot)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.save_button.written is not None, timeout=30_000)
    assert asked and Path(asked[0]).parent == tmp_path and asked[0].endswith(".docx")
    written = tmp_path / "ra" / "so-sanh.docx"
    assert dialog.save_button.written == written and str(written) in dialog.status.text()
    assert ui_settings.last_folder == str(tmp_path / "ra")
    xml = document_xml(written).decode()
    assert "<w:ins " in xml and "<w:del " in xml and "Bình Thủy" in xml and "Ninh Kiều" in xml
    author = demo_db.redlines.for_review(submitted_change).new.author
    assert f'w:author="{author}"' in xml and author != "lanhdao"  # who wrote the submitted revision


def test_a_failed_save_says_so_and_leaves_the_button_usable(
    demo_db: Services, submitted_change: int, ui_settings: UiSettings, qtbot, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    shown: list[DossierError] = []
    monkeypatch.setattr(redline_view, "show_error", lambda parent, error, title=None: shown.append(error))
    dialog = _dialog(demo_db, submitted_change, ui_settings, qtbot)
    dialog.save_button.save(tmp_path / "khong-co" / "so-sanh.docx")
    qtbot.waitUntil(lambda: bool(shown), timeout=30_000)
    assert "cannot be written" in shown[0].message
    assert dialog.save_button.isEnabled() and dialog.save_button.written is None
    assert not (tmp_path / "khong-co").exists()


def test_cancelling_the_save_dialog_writes_nothing(
    demo_db: Services, submitted_change: int, ui_settings: UiSettings, qtbot, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(redline_view.QFileDialog, "getSaveFileName", lambda *args: ("", ""))
    dialog = _dialog(demo_db, submitted_change, ui_settings, qtbot)
    dialog.save_button.click()
    assert dialog.save_button.task is None and dialog.status.text() == ""


def test_compare_shows_two_revisions_formatted(
    demo_db: Services, submitted_change: int, ui_settings: UiSettings, qtbot
) -> None:  # type: ignore[no-untyped-def]
    newest, older = demo_db.dossiers.revisions(submitted_change)[:2]
    redline = demo_db.redlines.for_revisions(older.id, newest.id)
    dialog = RedlineDialog("So sánh", demo_db, redline, ("cũ", "mới"), settings=ui_settings)
    qtbot.addWidget(dialog)
    shown = dialog.view.toPlainText()
    assert "**" not in shown and "|---" not in shown and "Bình Thủy" in shown and "Ninh Kiều" in shown
    assert dialog.save_button.suggested_name() == f"{redline.project_code}_so-sanh_{older.number}-{newest.number}.docx"
