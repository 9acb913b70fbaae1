"""The Đề án's table of contents shows page numbers in Word and in LibreOffice: the DOCX's TOC field holds, as its
shown result, one line per heading with the page the PDF's layout put that heading on, and asks to be updated."""

import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

from dossier_app.export.docx_writer import write_docx
from dossier_app.export.package_files import write_document
from dossier_app.export.pdf_writer import contents_pages, write_pdf_contents
from dossier_app.export.plan import ContentsEntry, Document, Heading, Paragraph, Run
from dossier_app.storage.resources import font_dir
from tests.export.support import de_an, toc_field_lines

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SOFFICE = shutil.which("soffice")


def _long_de_an() -> Document:
    """The demo Đề án with every chapter padded by a few paragraphs, so its headings spread over several pages."""
    filler = Paragraph((Run("Nội dung chi tiết của mục này được trình bày đầy đủ trong hồ sơ kèm theo. " * 12),))
    blocks: list[object] = []
    for block in de_an().blocks:
        blocks.append(block)
        if isinstance(block, Heading) and block.chapter:
            blocks += [filler] * 4
    return Document("De_an", "Đề án", de_an().settings, tuple(blocks))  # type: ignore[arg-type]


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


def _pages(pdf: Path) -> list[str]:
    """Each page's text, folded (case and white space) so a heading split over two lines still matches."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    try:
        return [_folded(page.get_textpage().get_text_range()) for page in document]
    finally:
        document.close()


def _listed(plan: Document) -> list[Heading]:
    return [b for b in plan.blocks if isinstance(b, Heading) and b.in_toc and b.level <= 2]


def test_the_word_contents_carry_the_pages_the_pdf_put_each_heading_on(tmp_path: Path) -> None:
    plan = _long_de_an()
    pdf, entries = write_pdf_contents(plan, tmp_path / "De_an.pdf", font_dir())
    headings = _listed(plan)
    assert [entry.text for entry in entries] == [heading.contents_text for heading in headings]
    pages = _pages(pdf)
    found, cursor = [], 2  # page 1 is the cover, page 2 the contents themselves
    for heading in headings:
        cursor = next(n for n in range(cursor, len(pages)) if _folded(heading.text) in pages[n])
        found.append(cursor + 1)
    assert [entry.page for entry in entries] == found
    assert len(set(found)) > 3  # the headings really are spread over pages

    docx = write_docx(plan.with_contents(entries), tmp_path / "De_an.docx")
    lines, instruction = toc_field_lines(docx)
    assert lines == [(entry.text, str(entry.page)) for entry in entries]
    assert 'TOC \\o "1-2"' in instruction
    with zipfile.ZipFile(docx) as archive:
        settings = ElementTree.fromstring(archive.read("word/settings.xml"))
    update = settings.find(f"{W}updateFields")
    assert update is not None and update.get(f"{W}val") == "true"
    with zipfile.ZipFile(docx) as archive:
        xml = archive.read("word/document.xml").decode()
    assert xml.count('w:leader="dot"') >= len(entries)  # each line's page right-aligned after dot leaders


def test_a_word_file_written_alone_gets_its_pages_from_the_layout_made_in_memory(tmp_path: Path) -> None:
    plan = _long_de_an()
    docx = write_document(plan, "docx", tmp_path / "De_an.docx", font_dir())
    expected = contents_pages(plan, font_dir())
    assert expected and all(entry.page > 2 for entry in expected)
    assert toc_field_lines(docx)[0] == [(entry.text, str(entry.page)) for entry in expected]


def test_the_pdf_lists_only_the_levels_the_word_field_lists(tmp_path: Path) -> None:
    plan = _long_de_an()
    deep = Heading(level=3, text="Một mục cấp ba", numbering="4.1.1")
    deeper = Document("De_an", "Đề án", plan.settings, (*plan.blocks, deep))
    _path, entries = write_pdf_contents(deeper, tmp_path / "x.pdf", font_dir())
    assert all(entry.level <= 2 for entry in entries)
    assert "4.1.1. Một mục cấp ba" not in [entry.text for entry in entries]


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_shows_the_page_numbers_of_the_word_contents(tmp_path: Path) -> None:
    plan = _long_de_an()
    docx = write_document(plan, "docx", tmp_path / "De_an.docx", font_dir())
    entries: tuple[ContentsEntry, ...] = contents_pages(plan, font_dir())
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(
        [str(SOFFICE), f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir",
         str(tmp_path / "lo"), str(docx)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    shown = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "lo" / "De_an.pdf"), "-"], capture_output=True, check=True, text=True
    ).stdout
    contents = " ".join(next(page for page in shown.split("\f") if "MỤC LỤC" in page).split())
    for entry in entries:
        line = re.escape(" ".join(entry.text.split())) + r"\s*\.{2,}\s*" + str(entry.page) + r"\b"
        assert re.search(line, contents), (entry, contents)
