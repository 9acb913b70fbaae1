"""Pages of an exported PDF drawn as RGBA pixels, so the program can preview a package without a PDF reader."""

import shutil
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from dossier_app.domain.errors import PreviewUnavailable

try:  # pypdfium2 ships its own PDFium; pdftoppm (poppler-utils) is the fallback without it
    import pypdfium2 as pdfium
except ImportError:  # pragma: no cover - only without the wheel
    pdfium = None

POINTS_PER_INCH = 72
# PDFium is not thread-safe: one page at a time, whichever thread asks.
_PDFIUM_LOCK = threading.Lock()


@dataclass(frozen=True)
class PageImage:
    """One rendered page: `pixels` are RGBX8888 rows of `stride` bytes (QImage.Format_RGBX8888 reads them)."""

    index: int
    width: int
    height: int
    stride: int
    pixels: bytes


def renderer() -> str:
    """Which engine draws the pages: 'pdfium', 'pdftoppm', or '' when neither is installed."""
    if pdfium is not None:
        return "pdfium"
    return "pdftoppm" if shutil.which("pdftoppm") else ""


def page_count(path: Path) -> int:
    """How many pages the PDF has."""
    if pdfium is not None:
        with _pdfium_document(path) as document:
            return len(document)
    try:
        return len(PdfReader(str(path)).pages)
    except (PdfReadError, OSError, ValueError) as error:
        raise PreviewUnavailable(path=path.name, reason=str(error)) from error


def render_page(path: Path, index: int, dpi: float = 96.0) -> PageImage:
    """Draw page `index` (from 0) at `dpi` dots per inch on white."""
    if pdfium is not None:
        return _render_pdfium(path, index, dpi)
    if shutil.which("pdftoppm"):
        return _render_pdftoppm(path, index, dpi)
    raise PreviewUnavailable(path=path.name, reason="neither pypdfium2 nor pdftoppm is installed")


def _render_pdfium(path: Path, index: int, dpi: float) -> PageImage:
    with _pdfium_document(path) as document:
        if not 0 <= index < len(document):
            raise PreviewUnavailable(path=path.name, reason=f"no page {index + 1}")
        page = document[index]
        bitmap = page.render(
            scale=dpi / POINTS_PER_INCH, fill_color=(255, 255, 255, 255), rev_byteorder=True, prefer_bgrx=True
        )
        image = PageImage(index, bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer))
        bitmap.close()
        page.close()
        return image


@contextmanager
def _pdfium_document(path: Path) -> Iterator[Any]:
    """The PDF open in PDFium, under the lock (PDFium is not thread-safe); an unreadable file is a preview error."""
    assert pdfium is not None
    with _PDFIUM_LOCK:
        try:
            document = pdfium.PdfDocument(str(path))
        except (pdfium.PdfiumError, OSError) as error:
            raise PreviewUnavailable(path=path.name, reason=str(error)) from error
        try:
            yield document
        finally:
            document.close()


def _render_pdftoppm(path: Path, index: int, dpi: float) -> PageImage:
    """The poppler fallback: one page as binary PPM on stdout, widened to RGBX."""
    number = str(index + 1)
    command = ["pdftoppm", "-r", f"{dpi:.0f}", "-f", number, "-l", number, str(path)]
    done = subprocess.run(command, capture_output=True, check=False, timeout=60)
    if done.returncode != 0 or not done.stdout.startswith(b"P6"):
        raise PreviewUnavailable(path=path.name, reason=done.stderr.decode("utf-8", "replace").strip() or "pdftoppm")
    return _ppm_to_image(index, done.stdout)


def _ppm_to_image(index: int, data: bytes) -> PageImage:
    fields: list[bytes] = []
    position = 2
    while len(fields) < 3:
        while data[position : position + 1].isspace():
            position += 1
        if data[position : position + 1] == b"#":
            position = data.index(b"\n", position) + 1
            continue
        end = position
        while not data[end : end + 1].isspace():
            end += 1
        fields.append(data[position:end])
        position = end
    width, height = int(fields[0]), int(fields[1])
    rgb = data[position + 1 : position + 1 + width * height * 3]
    pixels = bytearray(b"\xff" * (width * height * 4))
    pixels[0::4], pixels[1::4], pixels[2::4] = rgb[0::3], rgb[1::3], rgb[2::3]
    return PageImage(index, width, height, width * 4, bytes(pixels))
