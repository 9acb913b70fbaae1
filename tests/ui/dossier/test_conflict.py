"""Two windows on one database edit the same section: the later save gets the side-by-side conflict view."""

from PySide6.QtGui import QTextCursor

from dossier_app.services import Services, open_services
from dossier_app.services.core.context import Operator
from dossier_app.ui.dossier.conflict_dialog import ConflictChoice, ConflictDialog
from tests.conftest import FAST_HASHER
from tests.ui.conftest import section_id_by_key


def _type(window, text: str) -> None:  # type: ignore[no-untyped-def]
    cursor = window.editor.text.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText(text)


def _second(demo_db: Services) -> Services:
    """A second writer: the demo's officer `chuyenvien` (a manager may not edit text)."""
    return open_services(demo_db.database.url, Operator("chuyenvien"), password_hasher=FAST_HASHER)


def test_merging_keeps_both_texts_in_history(demo_db: Services, make_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    section_id = section_id_by_key(demo_db, "CT-HTP", "tt.kien_nghi")
    other = _second(demo_db)
    mine, theirs = make_window(demo_db), make_window(other)
    mine.select_section(section_id)
    theirs.select_section(section_id)
    _type(theirs, " Ý kiến của lãnh đạo.")
    assert theirs.editor.save_now()
    _type(mine, " Ý kiến của chuyên viên.")
    seen: list[ConflictDialog] = []

    def merge(dialog: ConflictDialog) -> int:
        seen.append(dialog)
        assert "Ý kiến của lãnh đạo." in dialog.theirs.toPlainText()
        assert "Ý kiến của chuyên viên." in dialog.mine.toPlainText()
        dialog.mine.moveCursor(QTextCursor.MoveOperation.End)
        dialog.mine.insertPlainText(" Ý kiến của lãnh đạo.")
        dialog._decide(ConflictChoice.KEEP_MINE)
        return 1

    monkeypatch.setattr(ConflictDialog, "exec", merge)
    assert mine.editor.save_now()
    assert len(seen) == 1
    body = demo_db.dossiers.section(section_id).body
    assert "Ý kiến của chuyên viên." in body and "Ý kiến của lãnh đạo." in body
    assert [r.author for r in demo_db.dossiers.revisions(section_id)[:2]] == ["officer", "chuyenvien"]
    assert not mine.editor.is_dirty
    other.close()


def test_taking_theirs_drops_mine(demo_db: Services, make_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    section_id = section_id_by_key(demo_db, "CT-HTP", "tt.kien_nghi")
    other = _second(demo_db)
    mine, theirs = make_window(demo_db), make_window(other)
    mine.select_section(section_id)
    theirs.select_section(section_id)
    _type(theirs, " Bản của lãnh đạo.")
    theirs.editor.save_now()
    _type(mine, " Bản của tôi.")
    monkeypatch.setattr(ConflictDialog, "exec", lambda d: d._decide(ConflictChoice.TAKE_THEIRS) or 1)
    assert mine.editor.save_now()
    assert "Bản của lãnh đạo." in mine.editor.text.toPlainText()
    assert "Bản của tôi." not in demo_db.dossiers.section(section_id).body
    other.close()
