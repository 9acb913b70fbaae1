"""Both writers render the same plan: the DOCX passes check-format and LibreOffice reads it; the PDF's text comes
back exactly, its fonts are embedded, and only drafts carry DỰ THẢO."""

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document as open_docx
from pypdf import PdfReader

from dossier_app.export.check_format import check_docx
from dossier_app.export.docx_writer import write_docx
from dossier_app.export.markdown_blocks import parse_blocks
from dossier_app.export.pdf_writer import write_pdf
from dossier_app.export.plan import (
    Addressees,
    Document,
    DocumentSettings,
    HeaderBlock,
    Image,
    ListBlock,
    ListItem,
    PageBreak,
    Paragraph,
    Run,
    Title,
    plain,
)
from dossier_app.storage.resources import demo_texts, font_dir
from tests.export.support import de_an, to_trinh


def _pdf_text(path: Path) -> str:
    """The PDF's text with each page's number (the first line from page 2 on) left out, so paragraphs that run
    across a page break read whole."""
    if shutil.which("pdftotext"):
        out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True)
        pages = out.stdout.split("\f")
    else:
        pages = [page.extract_text() or "" for page in PdfReader(str(path)).pages]
    kept = []
    for number, page in enumerate(pages, start=1):
        lines = page.strip("\n").split("\n")
        if number > 1 and lines and lines[0].strip() == str(number):
            lines = lines[1:]
        kept.append("\n".join(lines))
    return "\n".join(kept)


def _squash(text: str) -> str:
    return " ".join(text.split())


def _sentences(document: Document) -> list[str]:
    """Every paragraph and list item, whole, as a reader must find it."""
    found: list[str] = []
    for block in document.blocks:
        if isinstance(block, Paragraph):
            found.append(plain(block.runs))
        elif isinstance(block, ListBlock):
            found.extend(plain(item.runs) for item in block.items)
    return [" ".join(text.split()) for text in found if text.strip()]


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("writers")
    out: dict[str, Path] = {}
    for name, plan in (("tt", to_trinh()), ("da", de_an()), ("tt_draft", to_trinh(draft=True))):
        out[f"{name}.docx"] = write_docx(plan, folder / f"{name}.docx")
        out[f"{name}.pdf"] = write_pdf(plan, folder / f"{name}.pdf", font_dir())
    return out


@pytest.mark.parametrize("name", ["tt.docx", "da.docx", "tt_draft.docx"])
def test_every_docx_passes_check_format(written: dict[str, Path], name: str) -> None:
    report = check_docx(written[name])
    assert report.passed, [r for r in report.results if not r.passed]


def test_docx_names_times_new_roman_in_styles_and_has_header_table(written: dict[str, Path]) -> None:
    doc = open_docx(str(written["tt.docx"]))
    normal = doc.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size.pt == 14
    assert round(normal.paragraph_format.first_line_indent.cm, 2) == 1.27
    header = doc.tables[0]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in header.cell(0, 1).text
    assert "Số: 05/TTr-UBND" in header.cell(0, 0).text
    assert "Cần Thơ, ngày 05 tháng 3 năm 2026" in header.cell(0, 1).text
    assert all(run.font.name is None for p in doc.paragraphs for run in p.runs)  # fonts come from styles


def test_de_an_docx_has_a_toc_field_and_chapters(written: dict[str, Path]) -> None:
    doc = open_docx(str(written["da.docx"]))
    xml = doc.element.xml
    assert 'TOC \\o "1-2"' in xml
    texts = [p.text for p in doc.paragraphs]
    assert "Chương I" in texts and "MỤC LỤC" in texts


@pytest.mark.parametrize("name", ["tt.pdf", "da.pdf"])
def test_pdf_text_holds_each_sections_vietnamese_text(written: dict[str, Path], name: str) -> None:
    plan = to_trinh() if name == "tt.pdf" else de_an()
    text = _squash(_pdf_text(written[name]))
    phrases = _sentences(plan)
    assert phrases
    for phrase in phrases:
        assert phrase in text


def test_demo_legal_bases_come_back_exactly_in_the_pdf(written: dict[str, Path]) -> None:
    text = _squash(_pdf_text(written["tt.pdf"]))
    for block in parse_blocks(demo_texts("CT-HTP")["tt.can_cu_phap_ly"]):
        if isinstance(block, ListBlock):
            for item in block.items:
                assert plain(item.runs).rstrip(";.") in text


def test_pdf_fonts_are_all_embedded(written: dict[str, Path]) -> None:
    if not shutil.which("pdffonts"):
        pytest.skip("pdffonts (poppler-utils) is not installed")
    for name in ("tt.pdf", "da.pdf", "tt_draft.pdf"):
        lines = subprocess.run(["pdffonts", str(written[name])], capture_output=True, text=True, check=True).stdout
        rows = lines.splitlines()[2:]
        assert rows and all(re.search(r"\byes\s+yes\s+yes\b", row) for row in rows), lines
        assert all("LiberationSerif" in row for row in rows)


def test_pdf_numbers_pages_from_two_and_the_toc_has_page_numbers(written: dict[str, Path]) -> None:
    reader = PdfReader(str(written["da.pdf"]))
    assert len(reader.pages) >= 3
    first = (reader.pages[0].extract_text() or "").split()
    assert "1" not in first[:3]
    assert (reader.pages[1].extract_text() or "").split()[0] == "2"
    toc_page = reader.pages[1].extract_text() or ""
    assert "MỤC LỤC" in toc_page and re.search(r"Chương I .*\d", toc_page)


def test_watermark_only_on_drafts(written: dict[str, Path]) -> None:
    draft = PdfReader(str(written["tt_draft.pdf"]))
    assert all("DỰ THẢO" in (page.extract_text() or "") for page in draft.pages)
    final = PdfReader(str(written["tt.pdf"]))
    assert not any("DỰ THẢO" in (page.extract_text() or "") for page in final.pages)
    draft_docx = open_docx(str(written["tt_draft.docx"]))
    assert "DỰ THẢO" in draft_docx.sections[0].header.paragraphs[-1].text
    final_docx = open_docx(str(written["tt.docx"]))
    assert "DỰ THẢO" not in "".join(p.text for p in final_docx.sections[0].header.paragraphs)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_converts_each_docx_with_a_page_count_close_to_ours(
    written: dict[str, Path], tmp_path: Path
) -> None:
    for name in ("tt", "da"):
        profile = tmp_path / f"profile-{name}"
        result = subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(tmp_path),
                str(written[f"{name}.docx"]),
            ],
            capture_output=True,
            text=True,
            timeout=240,
        )
        converted = tmp_path / f"{name}.pdf"
        assert result.returncode == 0 and converted.exists(), result.stderr
        theirs = len(PdfReader(str(converted)).pages)
        ours = len(PdfReader(str(written[f"{name}.pdf"])).pages)
        assert abs(theirs - ours) <= max(1, ours // 4), (name, theirs, ours)
        assert "Cần Thơ" in _pdf_text(converted)


def _png() -> bytes:
    from PIL import Image as PilImage

    buffer = io.BytesIO()
    PilImage.new("RGB", (40, 20), (200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_every_block_kind_renders_in_both_writers(tmp_path: Path) -> None:
    nested = ListBlock(True, (ListItem((Run("Điểm con thứ nhất"),)),))
    blocks = (
        HeaderBlock(
            "BỘ KHOA HỌC VÀ CÔNG NGHỆ",
            "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
            "Số: 07/BC-SKHCN",
            "Cần Thơ, ngày 05 tháng 3 năm 2026",
        ),
        Title("BÁO CÁO", "Về tiến độ giải phóng mặt bằng"),
        Addressees(("Ủy ban nhân dân thành phố", "Sở Tài chính")),
        ListBlock(True, (ListItem((Run("Mục một", bold=True),), (nested,)), ListItem((Run("Mục hai"),)))),
        Image(_png(), 60.0, "Hình 1. Sơ đồ vị trí"),
        PageBreak(),
        Paragraph((Run("Trang sau ngắt trang: ữ ỡ ặ."),)),
    )
    plan = Document("Bao_cao", "Báo cáo", DocumentSettings(), blocks)
    docx_path = write_docx(plan, tmp_path / "all.docx")
    pdf_path = write_pdf(plan, tmp_path / "all.pdf", font_dir())
    assert check_docx(docx_path).passed
    doc = open_docx(str(docx_path))
    assert len(doc.inline_shapes) == 1
    texts = [p.text for p in doc.paragraphs]
    assert "1. Mục một" in texts and "a) Điểm con thứ nhất" in texts and "- Sở Tài chính." in texts
    reader = PdfReader(str(pdf_path))
    assert len(reader.pages) == 2
    assert "Trang sau ngắt trang: ữ ỡ ặ." in (reader.pages[1].extract_text() or "")
    assert "a) Điểm con thứ nhất" in _squash(_pdf_text(pdf_path))
    assert any(
        "/Image" in str(obj.get_object().get("/Subtype")) for obj in reader.pages[0]["/Resources"]["/XObject"].values()
    )
