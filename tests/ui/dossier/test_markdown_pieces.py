"""The Markdown written piece by piece is the whole document's Markdown, character for character, after any edit; and
only the pieces that changed are written again."""

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QFont, QTextCharFormat, QTextCursor, QTextDocument, QTextListFormat, QTextTableFormat

from dossier_app.ui.dossier import markdown_pieces
from dossier_app.ui.dossier.markdown_pieces import MarkdownPieces
from dossier_app.ui.dossier.section_markdown import EDITOR_MARKDOWN, section_markdown
from tests.export.hostile_markdown import VIETNAMESE, VOWELS, hostile_markdown

LONG = "Đường" * 20  # longer than Qt's 80-column line: the piece gets the writer's workarounds
SECTION = "\n\n".join(
    [
        "## 1. Căn cứ pháp lý",
        "Luật Quy hoạch số 21/2017/QH14 và **Nghị định** số 37/2019/NĐ-CP, diện tích > 5 ha.",
        "Đoạn thứ hai.",
        "- một\n- hai `mã` và *nghiêng*\n  - lồng nhau",
        "Đoạn giữa danh sách và bảng, có [liên kết](http://x.vn) và " + LONG,
        "Đoạn thứ tư.",
        "| Phân khu | Diện tích |\n|---|---:|\n| Đất ở \\| nhà | 12,5 |",
        "Đoạn sau bảng.",
        "1. thứ nhất\n2. thứ hai",
        "### 1.1. Phạm vi",
        "Đoạn thứ năm.",
        "> Trích dẫn " + LONG,
        "Đoạn cuối " * 30,
        "Hết.",
    ]
)


def _document(markdown: str) -> QTextDocument:
    document = QTextDocument()
    document.setMarkdown(markdown, EDITOR_MARKDOWN)
    return document


def test_a_section_is_cut_into_pieces_that_join_into_its_markdown(qapp) -> None:  # type: ignore[no-untyped-def]
    document = _document(SECTION)
    pieces = MarkdownPieces(document)
    assert len(pieces._pieces()) >= 5
    assert pieces.markdown() == section_markdown(document)


@pytest.mark.parametrize(
    "markdown",
    [
        "Mở.\n\n    mã thụt lề\n\nĐoạn A.\n\nĐoạn B.\n\n1. một\n2. hai",
        "Mở.\n\n```\nmã\n```\n\nĐoạn A.\n\nĐoạn B.",
        "Đầu.\n\n| Phân khu | Diện tích |\n|---|---|\n| Đất ở | 12 |\n| Cây xanh | 3 |\n\nSau.\n\nHết.",
        "Đầu.\n\nĐoạn.\n\n## 2. Quy hoạch\n\nSau.",
    ],
    ids=["indented-code", "fenced-code", "table", "heading"],
)
def test_blocks_the_writer_carries_state_over_join_as_in_the_whole(qapp, markdown: str) -> None:  # type: ignore[no-untyped-def]
    """After an indented code block Qt's writer writes everything as code; a table's cells are one piece; a piece that
    begins with a heading keeps it."""
    document = _document(markdown)
    assert MarkdownPieces(document).markdown() == section_markdown(document)


def test_only_the_piece_typed_in_is_written_again(qapp, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    document = _document(SECTION)
    pieces = MarkdownPieces(document)
    pieces.markdown()
    written: list[str] = []
    monkeypatch.setattr(markdown_pieces, "section_markdown", lambda copy: written.append(copy.toPlainText()) or "")
    assert pieces.markdown() == section_markdown(document)  # nothing changed: nothing written
    assert not written
    cursor = QTextCursor(document.findBlockByNumber(1))
    cursor.insertText("Theo ")
    pieces.markdown()
    assert len(written) == 1 and written[0].startswith("Theo Luật Quy hoạch")


def test_priming_writes_every_piece_so_a_save_writes_one(qapp, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    document = _document(SECTION)
    pieces = MarkdownPieces(document)
    while not pieces.prime(0.0):  # at least one piece per call
        pass
    counted = []
    monkeypatch.setattr(markdown_pieces, "section_markdown", lambda copy: counted.append(1) or section_markdown(copy))
    QTextCursor(document.lastBlock()).insertText("Thêm ")
    assert pieces.markdown() == section_markdown(document)
    assert len(counted) == 1  # the piece typed in


def test_a_document_reset_with_the_same_text_is_written_anew(qapp) -> None:  # type: ignore[no-untyped-def]
    """Format indices are the document's own: after setMarkdown the same index may stand for another format."""
    document = _document("**đậm** chữ\n\nđoạn hai")
    pieces = MarkdownPieces(document)
    assert "**đậm**" in pieces.markdown()
    document.setMarkdown("*đậm* chữ\n\nđoạn hai", EDITOR_MARKDOWN)
    assert pieces.markdown() == section_markdown(document) and "*đậm*" in pieces.markdown()


def _pieces_after(markdown: str, edit) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """(pieces' Markdown, whole document's Markdown) after an edit, the pieces written once before it."""
    document = _document(markdown)
    pieces = MarkdownPieces(document)
    pieces.markdown()
    edit(document)
    return pieces.markdown(), section_markdown(document)


def test_a_paragraph_made_bold_whole_is_written_again(qapp) -> None:  # type: ignore[no-untyped-def]
    """Same text, same fragment lengths: only the format index tells the change."""

    def bold(document: QTextDocument) -> None:
        cursor = QTextCursor(document.findBlockByNumber(1))
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(_format("bold"))

    mine, whole = _pieces_after("Một.\n\nHai ba.\n\nBốn.", bold)
    assert mine == whole and "**Hai ba.**" in mine


def test_items_taken_out_of_a_list_do_not_split_the_list(qapp) -> None:  # type: ignore[no-untyped-def]
    """The list goes on after the two paragraphs: its numbers are the whole list's."""

    def unlist(document: QTextDocument) -> None:
        for number in (3, 4):  # as SectionEditor.toggle_list does
            block = document.findBlockByNumber(number)
            text_list = block.textList()
            assert text_list is not None
            text_list.remove(block)
            block_format = block.blockFormat()
            block_format.setIndent(0)
            QTextCursor(block).setBlockFormat(block_format)

    mine, whole = _pieces_after("Mở.\n\nĐầu.\n\n1. một\n2. hai\n3. ba\n4. bốn\n5. năm\n\nHết.", unlist)
    assert mine == whole and "3.  năm" in mine


def test_a_list_after_a_nested_one_keeps_the_writers_spacing(qapp) -> None:  # type: ignore[no-untyped-def]
    """Qt's writer puts a blank line before a loose list item whose level differs from the last item written."""

    def empty_paragraph(document: QTextDocument) -> None:
        cursor = QTextCursor(document.findBlockByNumber(3))
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        cursor.insertBlock()

    body = "- a\n  - b\n\nĐoạn A.\n\nĐoạn B.\n\n- c\n\n  tiếp\n\n- d"
    mine, whole = _pieces_after(body, empty_paragraph)
    assert mine == whole and "Đoạn B.\n\n\n- c" in mine


def test_quoted_paragraphs_stay_one_quote(qapp) -> None:  # type: ignore[no-untyped-def]
    mine, whole = _pieces_after("Mở.\n\n> Trích một.\n>\n> Trích hai.\n\nHết.", lambda document: None)
    assert mine == whole and "> \n> Trích hai." in mine


def _fixed_pitch() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontFixedPitch(True)
    return fmt


def _format(kind: str) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if kind == "bold":
        fmt.setFontWeight(QFont.Weight.Bold)
    elif kind == "italic":
        fmt.setFontItalic(True)
    elif kind == "plain":
        fmt.setFontWeight(QFont.Weight.Normal)
        fmt.setFontItalic(False)
    else:
        fmt = _fixed_pitch()
    return fmt


def _edit(document: QTextDocument, rng: random.Random, typed: str) -> None:
    """One random edit, as the clerk makes them with the keyboard and the toolbar."""
    end = document.characterCount() - 1
    cursor = QTextCursor(document)
    cursor.setPosition(rng.randint(0, end))
    cursor.setPosition(min(end, cursor.position() + rng.randint(0, 40)), QTextCursor.MoveMode.KeepAnchor)
    action = rng.choice(["type", "type", "delete", "enter", "format", "heading", "list", "unlist", "table", "undo"])
    if action == "type":
        cursor.insertText(typed)
    elif action == "delete":
        cursor.removeSelectedText()
    elif action == "enter":
        cursor.insertBlock()
    elif action == "format":
        cursor.mergeCharFormat(_format(rng.choice(["bold", "italic", "plain", "code"])))
    elif action == "heading":
        block_format = cursor.blockFormat()
        block_format.setHeadingLevel(rng.choice([0, 2, 3]))
        cursor.setBlockFormat(block_format)
    elif action == "list":
        list_format = QTextListFormat()
        list_format.setStyle(rng.choice([QTextListFormat.Style.ListDisc, QTextListFormat.Style.ListDecimal]))
        list_format.setIndent(rng.choice([1, 1, 2]))
        cursor.createList(list_format)
    elif action == "unlist":
        current = cursor.currentList()
        if current is not None:
            current.remove(cursor.block())
    elif action == "table":
        table_format = QTextTableFormat()
        table_format.setHeaderRowCount(1)
        cursor.insertTable(rng.randint(1, 3), rng.randint(1, 3), table_format)
    else:
        document.undo()


word = st.text(alphabet=VIETNAMESE + VOWELS + "bcdghklmnpqrstvx0123456789", min_size=1, max_size=12)
paragraph = st.lists(word, min_size=1, max_size=30).map(" ".join)
plain_blocks = st.lists(st.one_of(paragraph, paragraph.map("## ".__add__)), min_size=2, max_size=6).map("\n\n".join)
bodies = st.tuples(plain_blocks, hostile_markdown, plain_blocks).map("\n\n".join)
typed = st.one_of(paragraph, st.sampled_from([LONG, " > 5 ha", "a | b", "[x](y)", "`", "\\", "1. ", "- ", "#"]))


@settings(
    derandomize=True,
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)
@given(body=bodies, seed=st.integers(0, 2**32), texts=st.lists(typed, min_size=1, max_size=8))
def test_after_any_edits_the_pieces_join_into_the_whole_documents_markdown(  # type: ignore[no-untyped-def]
    qapp, body: str, seed: int, texts: list[str]
) -> None:
    document = _document(body)
    pieces = MarkdownPieces(document)
    assert pieces.markdown() == section_markdown(document)
    rng = random.Random(seed)
    for text in texts:
        _edit(document, rng, text)
        if rng.random() < 0.3:
            pieces.prime(0.0)
        assert pieces.markdown() == section_markdown(document)
