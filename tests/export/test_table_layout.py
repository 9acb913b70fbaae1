"""Table layout in both writers: figures right, ordinals centred, text left; wide tables on landscape pages with the
numbering going on; the comment register's '(Kèm theo …)' line centred. Read back from the DOCX and the PDF."""

import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document as open_docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from pypdf import PdfReader

from dossier_app.domain.comment_register import CommentState, RegisterRow
from dossier_app.domain.conditions import ConditionStatus, Outcome
from dossier_app.export.appendices import HouseholdLine, build_register_appendix
from dossier_app.export.appendix_conditions import ConditionLine, CriterionLine, build_conditions_appendix
from dossier_app.export.charts import WardFigures
from dossier_app.export.check_format import check_docx
from dossier_app.export.comment_register_doc import build_comment_register
from dossier_app.export.documents import AttachmentLine, build_attachments_appendix
from dossier_app.export.docx_writer import write_docx
from dossier_app.export.format_rules import Align
from dossier_app.export.markdown_blocks import parse_blocks
from dossier_app.export.page_orientation import is_wide, stretches
from dossier_app.export.pdf_writer import write_pdf
from dossier_app.export.plan import Document, DocumentSettings, PageBreak, Paragraph, Run, Table
from dossier_app.storage.resources import font_dir
from tests.export.support import LETTERHEAD

WARDS = (
    WardFigures("Phường Cái Răng", 3, {"notified_on": 1, "paid_on": 2}, 1_000_000_000, 400_000_000,
                Decimal("1500.25"), Decimal("300")),
    WardFigures("Phường Hưng Phú", 2, {"handed_over_on": 2}, 5_000_000, 5_000_000, Decimal("80"), Decimal("80")),
)  # fmt: skip
TOTAL = WardFigures("", 5, {"notified_on": 1, "paid_on": 2, "handed_over_on": 2}, 1_005_000_000, 405_000_000,
                    Decimal("1580.25"), Decimal("380"))  # fmt: skip
HOUSEHOLDS = [
    HouseholdLine(f"HT-{i:04d}", f"Trần Thị Hộ {i}", "Phường Cái Răng", Decimal(i * 7), 1_500_000 * i, "paid_on")
    for i in range(1, 81)
]  # more than 60: the PDF lays it out as a long table
ROWS = tuple(
    RegisterRow(i, i, "Bộ Tài chính", None, None, "", f"Góp ý số {i}.", "", CommentState.PENDING, None)
    for i in range(1, 13)
)


def _cell(text: str) -> tuple[Run, ...]:
    return (Run(text),)


def _table(columns: int, rows: int = 3, word: str = "ô") -> Table:
    return Table(
        header=tuple(_cell(f"Cột {c}") for c in range(columns)),
        rows=tuple(tuple(_cell(f"{word}{r}") for _ in range(columns)) for r in range(rows)),
    )


def _sandwich() -> Document:
    """Portrait text, a wide table under its bold label, then portrait text again."""
    blocks = (
        Paragraph((Run("Đoạn mở đầu trên trang đứng."),)),
        Paragraph((Run("1. Bảng rộng", bold=True),)),
        _table(9),
        Paragraph((Run("Đoạn kết trên trang đứng."),)),
    )
    return Document("Kep", "Văn bản có bảng rộng", DocumentSettings(), blocks)


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("layout")
    plans = {
        "register": build_register_appendix(LETTERHEAD, "TTr", WARDS, TOTAL, (), HOUSEHOLDS, DocumentSettings()),
        "comments": build_comment_register(LETTERHEAD, "về Đề án", LETTERHEAD, "TTr", ROWS, DocumentSettings()),
        "sandwich": _sandwich(),
    }
    out: dict[str, Path] = {}
    for name, plan in plans.items():
        out[f"{name}.docx"] = write_docx(plan, folder / f"{name}.docx")
        out[f"{name}.pdf"] = write_pdf(plan, folder / f"{name}.pdf", font_dir())
    return out


def _aligns(row: object) -> list[object]:
    """Each cell's first paragraph alignment, direct or from its style."""
    out = []
    for cell in row.cells:  # type: ignore[attr-defined]
        paragraph = cell.paragraphs[0]
        out.append(
            paragraph.alignment if paragraph.alignment is not None else paragraph.style.paragraph_format.alignment
        )
    return out


R, C, L = WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT


def test_docx_figures_are_right_aligned_ordinals_centred_text_left(written: dict[str, Path]) -> None:
    docx = open_docx(str(written["register.docx"]))
    parties, money, households = docx.tables
    for row in parties.rows[1:]:  # the total row too
        assert _aligns(row) == [L] + [R] * 9
    assert _aligns(parties.rows[0]) == [C] * 10  # header cells stay centred
    assert [c.text for c in money.rows[-1].cells][:2] == ["Tổng cộng", "1.005.000.000"]
    assert _aligns(money.rows[-1]) == [L, R, R, R, R]
    assert _aligns(households.rows[5]) == [L, L, L, R, R, L]
    comments = open_docx(str(written["comments.docx"])).tables[1]  # tables[0] is the header block
    assert _aligns(comments.rows[3])[:4] == [C, L, C, L]


def test_comment_register_note_is_centred_in_docx(written: dict[str, Path]) -> None:
    docx = open_docx(str(written["comments.docx"]))
    note = next(p for p in docx.paragraphs if p.text.startswith("(Kèm theo Tờ trình"))
    assert note.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert not note.paragraph_format.first_line_indent
    assert all(run.italic for run in note.runs)


def _words(pdf: Path, page: int) -> list[tuple[str, float, float]]:
    """(word, xMin, xMax) on a 1-based page, from pdftotext's bounding boxes."""
    html = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    pattern = r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>'
    return [(text, float(x0), float(x1)) for x0, x1, text in re.findall(pattern, html)]


def _box(words: list[tuple[str, float, float]], text: str) -> tuple[float, float]:
    return next((x0, x1) for word, x0, x1 in words if word == text)


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is not installed")
def test_pdf_figures_share_their_right_edge(written: dict[str, Path]) -> None:
    pdf = written["register.pdf"]
    page = next(n for n in range(1, 6) if any(w == "5.000.000" for w, _, _ in _words(pdf, n)))
    words = _words(pdf, page)
    big, small, total = _box(words, "1.000.000.000"), _box(words, "5.000.000"), _box(words, "1.005.000.000")
    assert abs(big[1] - small[1]) < 0.5 and abs(big[1] - total[1]) < 0.5  # right-aligned money column
    assert small[0] - big[0] > 10
    page = next(n for n in range(1, 8) if any(w == "HT-0001" for w, _, _ in _words(pdf, n)))
    words = _words(pdf, page)  # the long household table, laid out page by page
    one, ten = _box(words, "1.500.000"), _box(words, "15.000.000")
    assert abs(one[1] - ten[1]) < 0.5 and ten[0] < one[0] - 3
    code_one, code_ten = _box(words, "HT-0001"), _box(words, "HT-0010")
    assert abs(code_one[0] - code_ten[0]) < 0.5  # the code column stays left


def _lines(pdf: Path, page: int) -> list[tuple[str, float, float]]:
    """(text, xMin, xMax) of each line on a 1-based page, from pdftotext's layout boxes."""
    html = subprocess.run(
        ["pdftotext", "-bbox-layout", "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found = re.findall(r'<line xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">(.*?)</line>', html, re.S)
    return [(" ".join(re.findall(r">([^<]*)</word>", body)), float(x0), float(x1)) for x0, x1, body in found]


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is not installed")
def test_pdf_comment_register_note_and_numbers_are_centred(written: dict[str, Path]) -> None:
    middle = (30 + (210 - 15)) / 2 * 72 / 25.4  # the middle of the portrait text column, in points
    lines = _lines(written["comments.pdf"], 1)
    start = next(index for index, line in enumerate(lines) if line[0].startswith("(Kèm theo"))
    note = [line for line in lines[start:] if line[0]][:2]  # the note wraps on a portrait page
    assert note[-1][0].endswith(")")
    for text, x0, x1 in note:
        assert abs((x0 + x1) / 2 - middle) < 3, (text, x0, x1, middle)
    words = _words(written["comments.pdf"], 1)
    nine, twelve = _box(words, "9"), _box(words, "12")  # STT centred: 12 starts left of 9, same middle
    assert twelve[0] < nine[0] - 1 and abs((twelve[0] + twelve[1]) - (nine[0] + nine[1])) < 1


def test_wide_means_more_than_seven_columns_or_words_that_cannot_fit() -> None:
    assert is_wide(_table(8), 165) and not is_wide(_table(7), 165)
    unbreakable = _table(4, word="Khu_công_nghệ_cao_Cần_Thơ_phân_khu_số_")
    assert is_wide(unbreakable, 165) and not is_wide(_table(4), 165)
    parts = stretches(_sandwich().blocks, DocumentSettings().margins)
    assert [(part.landscape, len(part.blocks)) for part in parts] == [(False, 1), (True, 2), (False, 1)]
    broken = stretches((PageBreak(), _table(8), PageBreak(), Paragraph((Run("x"),))), DocumentSettings().margins)
    assert [(part.landscape, len(part.blocks)) for part in broken] == [(True, 1), (False, 1)]  # no blank pages


def test_docx_wide_table_goes_on_a_landscape_section_and_back(written: dict[str, Path]) -> None:
    docx = open_docx(str(written["sandwich.docx"]))
    first, wide, last = docx.sections
    assert [s.orientation for s in docx.sections] == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT]
    assert (round(wide.page_width.mm), round(wide.page_height.mm)) == (297, 210)
    assert (round(last.page_width.mm), round(last.page_height.mm)) == (210, 297)
    turned = [round(getattr(wide, f"{side}_margin").mm) for side in ("top", "bottom", "left", "right")]
    assert turned == [30, 15, 20, 20]  # the binding margin at the top of the turned page
    assert first.different_first_page_header_footer
    for later in (wide, last):
        assert not later.different_first_page_header_footer  # its first page shows its number
        assert later.header.is_linked_to_previous  # the same centred PAGE field
        assert later._sectPr.find(qn("w:pgNumType")) is None  # numbering goes on
    body = list(docx.element.body.iterchildren())
    table = next(i for i, child in enumerate(body) if child.tag == qn("w:tbl"))
    breaks = [i for i, child in enumerate(body) if child.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None]
    assert breaks[0] < table < breaks[1]
    layout = {"paper", "margins", "font", "body_size", "page_numbers"}  # it has no header block: those rules fail
    assert all(rule.passed for rule in check_docx(written["sandwich.docx"]).results if rule.key in layout)


def test_register_appendix_starts_landscape_with_its_head_and_label(written: dict[str, Path]) -> None:
    docx = open_docx(str(written["register.docx"]))
    assert [s.orientation for s in docx.sections] == [WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT]
    report = check_docx(written["register.docx"])
    assert report.passed, report.failed()
    reader = PdfReader(str(written["register.pdf"]))
    sizes = [(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages]
    assert sizes[0] == (842, 595) and set(sizes[1:]) == {(595, 842)}
    assert "Phụ lục III" in (reader.pages[0].extract_text() or "")
    assert (reader.pages[1].extract_text() or "").split()[0] == "2"


def test_pdf_pages_turn_and_keep_counting(written: dict[str, Path]) -> None:
    reader = PdfReader(str(written["sandwich.pdf"]))
    sizes = [(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages]
    assert sizes == [(595, 842), (842, 595), (595, 842)]
    assert [(page.extract_text() or "").split()[0] for page in reader.pages[1:]] == ["2", "3"]
    assert "1. Bảng rộng" in (reader.pages[1].extract_text() or "")


def test_markdown_tables_keep_their_column_alignment() -> None:
    (table,) = parse_blocks("| Hạng mục | Số lượng | STT |\n|---|--:|:-:|\n| Nhà | 1.200 | 1 |\n")
    assert isinstance(table, Table) and table.align == (Align.LEFT, Align.RIGHT, Align.CENTER)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_turns_the_same_pages(written: dict[str, Path], tmp_path: Path) -> None:
    result = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(written["sandwich.docx"]),
        ],
        capture_output=True,
        text=True,
        timeout=240,
    )
    converted = tmp_path / "sandwich.pdf"
    assert result.returncode == 0 and converted.exists(), result.stderr
    reader = PdfReader(str(converted))
    sizes = [(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages]
    assert sizes == [(595, 842), (842, 595), (595, 842)]
    assert [(page.extract_text() or "").split()[0] for page in reader.pages[1:]] == ["2", "3"]


def test_builders_name_each_columns_alignment() -> None:
    settings = DocumentSettings()
    line = CriterionLine("Số lao động", ">=", Decimal(2000), "people", Decimal(2400), Outcome.PASS)
    condition = ConditionLine("a)", "Phù hợp quy hoạch", ConditionStatus.MET, "", ())
    appendix = build_conditions_appendix(LETTERHEAD, "TTr", (condition,), (line,), settings)
    conditions, criteria = (block for block in appendix.blocks if isinstance(block, Table))
    assert [conditions.column_align(i) for i in range(5)] == [Align.CENTER] + [Align.LEFT] * 4
    assert criteria.align == (Align.CENTER, Align.LEFT, Align.RIGHT, Align.RIGHT, Align.LEFT)
    files = build_attachments_appendix(LETTERHEAD, "TTr", (AttachmentLine("a.pdf", "I", 2048, "ab" * 32),), settings)
    (table,) = (block for block in files.blocks if isinstance(block, Table))
    assert table.align == (Align.CENTER, Align.LEFT, Align.LEFT, Align.RIGHT)
