"""Pages of an exported PDF drawn for the preview, by PDFium and by the pdftoppm fallback."""

import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from dossier_app.domain.errors import PreviewUnavailable
from dossier_app.services import Services
from dossier_app.services.export import pdf_pages
from dossier_app.services.export.exports import ExportOptions


@pytest.fixture
def letter_pdf(demo_services: Services, tmp_path: Path) -> Path:
    result = demo_services.exports.export("CT-HTP", tmp_path, ExportOptions(draft=True, formats=("pdf",)))
    return result.folder / "To_trinh.pdf"


def _ink(image: pdf_pages.PageImage) -> int:
    """How many bytes of the page are not white."""
    return sum(1 for value in image.pixels[0 : image.stride * image.height : 4] if value < 200)


def test_pdfium_draws_every_page_at_a4_size(letter_pdf: Path) -> None:
    assert pdf_pages.renderer() == "pdfium"
    count = pdf_pages.page_count(letter_pdf)
    assert count == len(PdfReader(str(letter_pdf)).pages) >= 2
    image = pdf_pages.render_page(letter_pdf, count - 1, dpi=72)
    assert abs(image.width - 595) <= 1 and abs(image.height - 842) <= 1 and image.stride >= image.width * 4
    assert len(image.pixels) == image.stride * image.height and _ink(image) > 1000
    with pytest.raises(PreviewUnavailable):
        pdf_pages.render_page(letter_pdf, count, dpi=72)


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="poppler-utils is not installed")
def test_pdftoppm_fallback_draws_the_same_page(letter_pdf: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_pages, "pdfium", None)
    assert pdf_pages.renderer() == "pdftoppm"
    assert pdf_pages.page_count(letter_pdf) == len(PdfReader(str(letter_pdf)).pages)
    image = pdf_pages.render_page(letter_pdf, 0, dpi=72)
    assert abs(image.width - 595) <= 1 and abs(image.height - 842) <= 1 and _ink(image) > 1000


def test_a_file_that_is_not_a_pdf_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"not a pdf at all")
    with pytest.raises(PreviewUnavailable):
        pdf_pages.page_count(bad)
    with pytest.raises(PreviewUnavailable):
        pdf_pages.render_page(bad, 0)
    monkeypatch.setattr(pdf_pages, "pdfium", None)
    with pytest.raises(PreviewUnavailable):
        pdf_pages.page_count(bad)
