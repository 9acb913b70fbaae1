"""The tasks of an export's worker processes: write one document in one format, and each worker's warm-up, which
imports its library (and builds the Word template or registers the fonts) while the parent still reads the database.
Module-level functions of plain values, so a worker can be sent them."""

from pathlib import Path

from dossier_app.export.plan import Document

FORMATS = ("docx", "pdf")


def write_document(plan: Document, fmt: str, target: Path, font_dir: Path) -> Path:
    """Write the plan as `fmt` (docx or pdf) at `target`; the PDF embeds the faces found in `font_dir`."""
    if fmt == "docx":
        from dossier_app.export.docx_writer import write_docx

        return write_docx(plan, target)
    from dossier_app.export.pdf_writer import write_pdf

    return write_pdf(plan, target, font_dir)


def warm_docx(line_spacing: float, reference: Path | None = None) -> None:
    """Import python-docx and read the reference document the first document (the Tờ trình) opens."""
    from dossier_app.export.docx_styles import new_document

    new_document(line_spacing, reference)


def warm_pdf(font_dir: Path) -> None:
    """Import reportlab and register the embedded faces."""
    from dossier_app.export.pdf_writer import register_fonts

    register_fonts(font_dir)
