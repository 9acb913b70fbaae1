"""The tasks of an export's worker processes: write one document in one format, and each worker's warm-up, which
imports its library (and builds the Word template or registers the fonts) while the parent still reads the database.
Module-level functions of plain values, so a worker can be sent them."""

import os
from pathlib import Path

from dossier_app.export.plan import ContentsEntry, Document

FORMATS = ("docx", "pdf")
WORKER_NICENESS = 5


def write_document(plan: Document, fmt: str, target: Path, font_dir: Path) -> Path:
    """Write the plan as `fmt` (docx or pdf) at `target`; the PDF embeds the faces found in `font_dir`. A Word file
    whose contents have no pages yet gets them from the PDF's layout, made in memory (an export without the PDF;
    the export with it sends `write_with_contents` first and the pages with the Word file)."""
    if fmt == "docx":
        from dossier_app.export.docx_writer import write_docx

        if plan.has_contents and not plan.contents_known:
            from dossier_app.export.pdf_writer import contents_pages

            plan = plan.with_contents(contents_pages(plan, font_dir))
        return write_docx(plan, target)
    from dossier_app.export.pdf_writer import write_pdf

    return write_pdf(plan, target, font_dir)


def write_with_contents(plan: Document, target: Path, font_dir: Path) -> tuple[Path, tuple[ContentsEntry, ...]]:
    """Write the plan's PDF at `target` and return its contents' lines with their pages, for its Word file."""
    from dossier_app.export.pdf_writer import write_pdf_contents

    return write_pdf_contents(plan, target, font_dir)


def yield_to_parent() -> None:
    """Lower this worker's priority: while the parent imports the database layer and reads the project (the
    export's longest chain), the workers' warm-ups take only what the parent leaves of the cores."""
    nice = getattr(os, "nice", None)  # not on Windows
    if nice is not None:
        nice(WORKER_NICENESS)


def warm_docx(line_spacing: float, reference: Path | None = None) -> None:
    """Import python-docx and read the reference document the first document (the Tờ trình) opens."""
    from dossier_app.export.docx_styles import new_document

    new_document(line_spacing, reference)


def warm_pdf(font_dir: Path) -> None:
    """Import reportlab and register the embedded faces."""
    from dossier_app.export.pdf_writer import register_fonts

    register_fonts(font_dir)
