"""The section editor stores exactly the Markdown of what is in it, written piece by piece, however the typing and the
autosaves interleave with the pieces written ahead."""

from PySide6.QtGui import QTextCursor

from dossier_app.domain.text import normalise_body
from dossier_app.services import Services
from dossier_app.ui.dossier.section_editor import HEADING_SIZES, SectionEditor
from dossier_app.ui.dossier.section_markdown import section_markdown
from tests.ui.conftest import section_id_by_key
from tests.ui.dossier.test_markdown_pieces import SECTION


def _editor(services: Services, qtbot, body: str) -> tuple[SectionEditor, int]:  # type: ignore[no-untyped-def]
    section_id = section_id_by_key(services, "CT-HTP", "tt.kien_nghi")
    services.dossiers.save_body(section_id, body)
    editor = SectionEditor(services)
    qtbot.addWidget(editor)
    editor.writable = True
    editor.load(services.dossiers.section(section_id))
    return editor, section_id


def _type_at(editor: SectionEditor, block_number: int, text: str) -> None:
    cursor = QTextCursor(editor.text.document().findBlockByNumber(block_number))
    cursor.insertText(text)


def _stored_is_the_whole_markdown(services: Services, editor: SectionEditor, section_id: int) -> bool:
    assert editor.save_now() and not editor.is_dirty
    return services.dossiers.section(section_id).body == normalise_body(section_markdown(editor.text.document()))


def test_saves_before_and_after_the_pieces_are_written_ahead_store_the_whole_text(  # type: ignore[no-untyped-def]
    demo_db: Services, qtbot
) -> None:
    editor, section_id = _editor(demo_db, qtbot, SECTION)
    _type_at(editor, 1, "Căn cứ ")
    assert not editor._primed
    assert _stored_is_the_whole_markdown(demo_db, editor, section_id)  # written at once: nothing was written ahead
    _type_at(editor, 5, "Thêm ")
    qtbot.waitUntil(lambda: editor._primed, timeout=5000)
    _type_at(editor, 5, "nữa ")
    _type_at(editor, editor.text.document().blockCount() - 1, " Cuối.")
    assert _stored_is_the_whole_markdown(demo_db, editor, section_id)
    editor.text.undo()
    assert _stored_is_the_whole_markdown(demo_db, editor, section_id)
    assert "Cuối." not in demo_db.dossiers.section(section_id).body


def test_formatting_a_paragraph_is_saved(demo_db: Services, qtbot) -> None:  # type: ignore[no-untyped-def]
    editor, section_id = _editor(demo_db, qtbot, SECTION)
    editor.markdown()
    cursor = QTextCursor(editor.text.document().findBlockByNumber(2))
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
    editor.text.setTextCursor(cursor)
    editor.italic_action.setChecked(True)
    editor.toggle_italic()
    assert _stored_is_the_whole_markdown(demo_db, editor, section_id)
    assert "*Đoạn thứ hai.*" in demo_db.dossiers.section(section_id).body


def test_each_section_opens_in_a_fresh_document_with_its_own_undo(demo_db: Services, qtbot) -> None:  # type: ignore[no-untyped-def]
    editor, section_id = _editor(demo_db, qtbot, SECTION)
    heading = editor.text.document().findBlockByNumber(0)
    base = editor.text.document().defaultFont().pointSizeF()
    assert QTextCursor(heading).charFormat().fontPointSize() == base * HEADING_SIZES[2]
    _type_at(editor, 1, "Căn cứ ")
    assert editor.undo_action.isEnabled() and editor.is_dirty
    dirty: list[bool] = []
    editor.dirty_changed.connect(dirty.append)
    other = section_id_by_key(demo_db, "CT-HTP", "tt.can_cu_phap_ly")
    for _ in range(3):  # the unsaved typing is dropped, as after "take theirs" in a conflict
        editor.load(demo_db.dossiers.section(other))
        editor.load(demo_db.dossiers.section(section_id))
    assert dirty == [False] and not editor.is_dirty
    assert not editor.undo_action.isEnabled() and not editor.text.document().isUndoAvailable()
    assert "Căn cứ Luật" not in editor.text.toPlainText()
    _type_at(editor, 2, "Mới ")
    assert editor.undo_action.isEnabled()
    editor.text.undo()
    assert editor.text.document().findBlockByNumber(2).text() == "Đoạn thứ hai."
