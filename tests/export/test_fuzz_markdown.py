"""Property-based fuzzing of section Markdown through the parser and both writers: hostile input never crashes them,
the files reopen, and every ordinary word the parser keeps comes back out of the PDF."""

import re
import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from tempfile import TemporaryDirectory

import pytest
from docx import Document as open_docx
from hypothesis import HealthCheck, example, given, settings
from pypdf import PdfReader

from dossier_app.export.docx_writer import write_docx
from dossier_app.export.format_rules import CELL_PADDING_MM, column_widths, word_width_mm
from dossier_app.export.markdown_blocks import parse_blocks
from dossier_app.export.pdf_writer import write_pdf
from dossier_app.export.plan import Block, Document, DocumentSettings, Heading, ListBlock, Paragraph, Runs, Table, plain
from dossier_app.storage.resources import font_dir
from tests.export.hostile_markdown import VIETNAMESE, VOWELS, hostile_markdown

EXAMPLES: dict[str, int] = {}
# The words checked in the PDF: Vietnamese and ASCII letters and digits only (the fonts have them all), at most 40
# characters so a word never has to break across lines. Control characters, markup and emphasis debris are left out.
CHECKED_WORD = re.compile(rf"^[{VIETNAMESE}{VOWELS}A-Za-z0-9]{{1,40}}$")


def _count(name: str) -> None:
    EXAMPLES[name] = EXAMPLES.get(name, 0) + 1


@pytest.fixture(scope="module", autouse=True)
def _report_examples() -> Iterator[None]:
    yield
    print(f"\nfuzz examples run: {EXAMPLES}")


def _document(markdown: str) -> Document:
    blocks = (Heading(level=1, text="Phần thử"), *parse_blocks(markdown, heading_offset=1))
    return Document(name="fuzz", title="Thử nghiệm", settings=DocumentSettings(), blocks=blocks)


def _texts(blocks: tuple[Block, ...] | tuple[ListBlock, ...]) -> Iterator[str]:
    for block in blocks:
        if isinstance(block, Heading):
            yield block.text
        elif isinstance(block, Paragraph):
            yield plain(block.runs)
        elif isinstance(block, ListBlock):
            for item in block.items:
                yield plain(item.runs)
                yield from _texts(item.children)
        elif isinstance(block, Table):
            cells: list[Runs] = [*block.header, *(cell for row in block.rows for cell in row)]
            yield from (plain(cell) for cell in cells)


def _words(document: Document) -> set[str]:
    found = set()
    for text in _texts(document.blocks):
        for word in unicodedata.normalize("NFC", text).split():
            if CHECKED_WORD.match(word):
                found.add(word.casefold())
    return found


def _pdf_words(path: Path) -> set[str]:
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True, text=True).stdout
    else:
        text = "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)
    # Word characters only: pdftotext may glue a list's "-" label to the first word.
    text = text.replace("\u200b", "")  # the writer's invisible break points inside very long words
    return set(re.findall(r"\w+", unicodedata.normalize("NFC", text).casefold()))


@settings(
    max_examples=300,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(hostile_markdown)
def test_parse_blocks_never_raises(markdown: str) -> None:
    _count("parse_blocks")
    for offset in (0, 1, 3):
        parse_blocks(markdown, heading_offset=offset)


@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(hostile_markdown)
def test_docx_of_hostile_markdown_reopens(markdown: str) -> None:
    _count("write_docx")
    document = _document(markdown)
    with TemporaryDirectory() as folder:
        path = write_docx(document, Path(folder) / "fuzz.docx")
        opened = open_docx(str(path))
        text = " ".join(p.text for p in opened.paragraphs)
        text += " " + " ".join(c.text for t in opened.tables for r in t.rows for c in r.cells)
    missing = _words(document) - set(unicodedata.normalize("NFC", text).casefold().split())
    assert not missing


@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(hostile_markdown)
@example(f"| AAAAA | {'Đường' * 40} | {'Đường' * 40} |\n|---|---|---|")  # random exploration: "AAAA" / "A"
def test_pdf_of_hostile_markdown_reopens_and_keeps_every_word(markdown: str) -> None:
    _count("write_pdf")
    document = _document(markdown)
    with TemporaryDirectory() as folder:
        path = write_pdf(document, Path(folder) / "fuzz.pdf", font_dir())
        assert len(PdfReader(str(path)).pages) >= 1
        # One-letter words are left out: pdftotext reads "A A" as "AA" (the gap is under its word-break threshold).
        missing = {word for word in _words(document) if len(word) > 1} - _pdf_words(path)
    assert not missing


def test_thirty_nested_lists_keep_their_deepest_words() -> None:
    markdown = "".join("  " * level + f"- mục{level}\n" for level in range(30)) + "\n```\ncuối\n```\n"
    words = _words(_document(markdown))
    assert {"mục29", "cuối"} <= words  # markdown-it's default nesting limit dropped everything past ten lists


@pytest.mark.parametrize(
    "markdown",
    [">" * 5000 + " x", "".join("  " * i + "- A\n" for i in range(3000)), "[" * 20000 + "x" + "]" * 20000, "*" * 50000],
)
def test_absurd_nesting_neither_raises_nor_recurses_too_deep(markdown: str) -> None:
    parse_blocks(markdown)


def test_a_huge_unbroken_word_in_a_table_cell_flows_over_pages() -> None:
    """A pasted 2,500-letter 'word' in a narrow cell: reportlab split it letter by letter (minutes) and then refused a
    row taller than a page; now it gets invisible break points and the row splits across pages."""
    markdown = "|a|b|c|\n|---|---|---|\n| x | y | A " + "Đường" * 512 + " |\n"
    with TemporaryDirectory() as folder:
        path = write_pdf(_document(markdown), Path(folder) / "long.pdf", font_dir())
        assert len(PdfReader(str(path)).pages) >= 2
        assert "Đường" * 5 in "".join(_pdf_text_without_breaks(path).split())


@pytest.mark.parametrize(
    ("markdown", "text"),
    [
        ("* # Tiêu đề trong mục", "Tiêu đề trong mục"),
        ("- > trích dẫn trong mục", "trích dẫn trong mục"),
        ("1. a\n\n   ```\n   mã trong mục\n   ```", "mã trong mục"),
    ],
)
def test_a_list_item_keeps_the_text_of_any_block_in_it(markdown: str, text: str) -> None:
    """Only paragraphs were read inside a list item: a heading in one (Qt writes "* # AA" for a heading made a list
    item in the editor) printed nothing (found by random exploration)."""
    assert text in " ".join(_texts(_document(markdown).blocks))


def test_a_short_word_keeps_its_column_beside_columns_of_long_words() -> None:
    """The columns' words needed more than the page, and every column shrank alike: "AAAAA" broke into "AAAA"/"A"."""
    long = "Đường" * 40
    widths = column_widths([["AAAAA", long, long]], 165)
    assert widths[0] >= word_width_mm("AAAAA") + CELL_PADDING_MM
    assert widths[1] == widths[2]
    assert sum(widths) == pytest.approx(165)


HUGE = "Đường" * 1000  # 5,000 letters without a space: taller than a page in any column


@pytest.mark.parametrize(
    "markdown",
    [
        f"| a {HUGE} | b |\n|---|---|\n| c | d |\n",  # reportlab could not split the repeated header row
        f"| a | {'từ ' * 3000}|\n|---|---|\n| c | d |\n",
        f"| a {HUGE} | b |\n|---|---|\n" + "| c | d |\n" * 70,  # a long table, laid out page by page
        "| a | b |\n|---|---|\n| c | " + HUGE + " |\n" + "| c | d |\n" * 70,  # the word ran off its cell
        "| a | b |\n|---|---|\n| c | " + "từ " * 3000 + "|\n" + "| c | d |\n" * 70,  # the row failed the export
    ],
    ids=["header-word", "header-words", "long-table-header-word", "long-table-cell-word", "long-table-cell-words"],
)
def test_a_table_row_taller_than_a_page_is_printed_whole(markdown: str) -> None:
    with TemporaryDirectory() as folder:
        path = write_pdf(_document(markdown), Path(folder) / "tall.pdf", font_dir())
        assert len(PdfReader(str(path)).pages) >= 2
        text = unicodedata.normalize("NFC", _pdf_text_without_breaks(path))
    if HUGE in markdown:  # its letters in order; the other cells and the page numbers hold none of them
        assert HUGE in "".join(char for char in text if char in "Đường")
    else:
        assert text.split().count("từ") == 3000


def _pdf_text_without_breaks(path: Path) -> str:
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True, text=True).stdout
    return text.replace("\u200b", "")
