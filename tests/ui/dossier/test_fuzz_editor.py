"""Hostile section Markdown loaded into the section editor and saved back through it (setMarkdown, toMarkdown,
save_body) never crashes, and every ordinary word the editor showed is one the exporters print from what it saved."""

import re
import unicodedata
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, assume, given, settings

from dossier_app.domain.text import writable
from dossier_app.export.markdown_blocks import parse_blocks
from dossier_app.services import Services
from dossier_app.ui.dossier.section_editor import SectionEditor
from tests.export.hostile_markdown import VIETNAMESE, VOWELS, hostile_markdown
from tests.export.test_fuzz_markdown import _texts
from tests.ui.conftest import section_id_by_key

EXAMPLES: dict[str, int] = {}
# The words compared: Vietnamese and ASCII letters and digits (markup, control characters and emphasis debris are
# not words a reader sees, and the two Markdown dialects may legitimately read them differently), of any length: Qt's
# toMarkdown wraps at column 80 and drops a character of a longer word, which ui/dossier/section_markdown.py works
# around.
# Words are runs of those characters, so a one-row table Qt writes back as "|a|b|" (no delimiter row: no longer
# a table) still keeps its words.
ENTITY = re.compile(r"&#?\w+;")
WORD = re.compile(rf"[{VIETNAMESE}{VOWELS}A-Za-z0-9]+")
FIXED = [
    "# Đường Nguyễn Văn Cừ\n\nBản đồ *quy hoạch* **tỷ lệ** 1/2000 và ***_~~soup~~_***.",
    "| Hạng mục | Diện tích |\n|---|---|\n| Đất ở | 12 | thừa |\n| a \\| b |\n| Cây xanh",
    "- một\n  - hai\n    - ba\n      - bốn\n        > năm\n        > - sáu",
    "<script>alert('x')</script> chữ <para>đoạn</para> <font name='x'>phông</font> a < b & c > d &amp; &lt;",
    "[liên kết](javascript:alert(1)) ![ảnh](file:///etc/passwd) \\*không nghiêng\\* `mã & <b>`",
    "Chữ\x00 có\x1b[31m điều\x07 khiển\x0c và ký tự ghép a\u0301 e\u0323\u0302 Đ đ",
    "Từ" + "rấtdài" * 500 + " cuối",
    "#" * 6 + " Cấp sáu\n\n" + "Đoạn dài. " * 1000,
    "[\\](../../x) ![\\](../../x)",  # found by random exploration: Qt wrote back a link and an image of no text
    "[`](../../x) ![`](../../x)",  # found by random exploration: a "]" in a link's text ended the link early
    "A\n\n# AA\n\n*",  # found by random exploration: Qt makes the heading a list item, the exporters dropped it
    # Found by random exploration: lists nested past column 80 are written shallower, on a copy whose list ids differ.
    "\n".join("  " * level + "- *" for level in range(14))
    + "\n\n"
    + "\n".join("  " * level + "- A" for level in range(4)),
]


@pytest.fixture(scope="module", autouse=True)
def _report_examples() -> Iterator[None]:
    yield
    print(f"\nfuzz examples run: {EXAMPLES}")


def _checked(text: str) -> set[str]:
    return set(WORD.findall(unicodedata.normalize("NFC", text)))


def _words(markdown: str) -> set[str]:
    """The checked words of the text runs the exporters take from this Markdown."""
    return set().union(*(_checked(text) for text in _texts(parse_blocks(markdown))))


@pytest.fixture
def editor(demo_db: Services, qtbot) -> SectionEditor:  # type: ignore[no-untyped-def]
    widget = SectionEditor(demo_db)
    qtbot.addWidget(widget)
    return widget


def _round_trip(services: Services, editor: SectionEditor, body: str) -> tuple[set[str], str]:
    """The words the editor shows for the stored body, and the body after the editor saved it back."""
    section_id = section_id_by_key(services, "CT-HTP", "tt.kien_nghi")
    services.dossiers.save_body(section_id, body)
    editor.load(services.dossiers.section(section_id))
    # Qt writes a literal "&amp;" back unescaped, so the exporters read "&": entity names are left out (known gap).
    shown = _checked(ENTITY.sub(" ", editor.text.toPlainText()))
    editor.text.document().setModified(True)  # as if the clerk had typed: the editor's Markdown is stored
    assert editor.save_now()
    return shown, services.dossiers.section(section_id).body


@pytest.mark.parametrize("body", FIXED, ids=range(len(FIXED)))
def test_fixed_hostile_bodies_survive_the_editor(demo_db: Services, editor: SectionEditor, body: str) -> None:
    shown, stored = _round_trip(demo_db, editor, body)
    assert not shown - _words(stored)  # every word the clerk saw is exported


@settings(
    derandomize=True,  # the same examples on every run: CI judges the code, not the draw (see the closing note)
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(body=hostile_markdown)
def test_generated_hostile_bodies_survive_the_editor(demo_db: Services, editor: SectionEditor, body: str) -> None:
    assume(writable(body) == body)  # stored bodies never hold control characters (save_body strips them)
    EXAMPLES["editor"] = EXAMPLES.get("editor", 0) + 1
    shown, stored = _round_trip(demo_db, editor, body)
    assert not shown - _words(stored)  # every word the clerk saw is exported


def test_a_word_longer_than_a_line_survives_the_editor(demo_db: Services, editor: SectionEditor) -> None:
    """Qt's writer cut such a word at column 80 and dropped the character at the cut."""
    word = "Đường" * 20
    _, stored = _round_trip(demo_db, editor, f"Xem bản đồ {word} nhé.")
    assert word in stored.split()


def test_a_table_cell_holding_only_a_pipe_survives_the_editor(demo_db: Services, editor: SectionEditor) -> None:
    """Qt's writer left the pipe unescaped ("|||AA|"), so the cell split in two and the row lost "AA"."""
    body = "A\n\n| A | a | b |\n|---|---|\n| \\| | AA"  # found by hypothesis in CI
    shown, stored = _round_trip(demo_db, editor, body)
    assert not shown - _words(stored)
    assert "|\\||AA|" in stored


def test_a_body_between_rules_is_shown_and_not_carried_into_the_next(demo_db: Services, editor: SectionEditor) -> None:
    """Qt read "---" lines as YAML front matter: hidden in the editor, then saved at the head of the next body loaded
    into the same editor (found by random exploration)."""
    shown, _ = _round_trip(demo_db, editor, "---\nbí mật\n---\nPhần một")
    assert "bí" in shown
    _, stored = _round_trip(demo_db, editor, "Phần hai")
    assert stored.split() == ["Phần", "hai"]


@pytest.mark.xfail(strict=True, reason="Qt's writer keeps writing an indented code block's state into later blocks")
@pytest.mark.parametrize(
    "body",
    [
        "A\n\n    indented code & <font>\n\n    indented code & <font>\n\n1. >\n  1. >\n    1. >",
        "    indented code & <font>\n\n|  |\n|---|\n| a | b |",
    ],
    ids=["list", "table"],
)
def test_an_indented_code_block_before_a_list_or_table_survives_the_editor(
    demo_db: Services, editor: SectionEditor, body: str
) -> None:
    """Found by random exploration: after an indented code block Qt writes later blocks as code (m_indentedCodeBlock
    is never reset): a list item's "1." or a table cell's "a" is lost. Writing the block fenced on a copy moved the
    closing fence into the table. Code blocks come only from pasted Markdown; the toolbar makes none."""
    shown, stored = _round_trip(demo_db, editor, body)
    assert not shown - _words(stored)
