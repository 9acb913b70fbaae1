"""Failing stand-ins for the export's worker tasks: module-level, so a worker process imports them by name."""

import os
from pathlib import Path
from typing import Any

from dossier_app.domain.errors import QT_TRANSLATE_NOOP, StorageUnavailable
from dossier_app.export.package_files import write_document
from dossier_app.export.plan import Document

FAILING = "Phu_luc_IV.pdf"  # De_an.pdf goes through write_with_contents


def write_or_refuse(plan: Document, fmt: str, target: Path, font_dir: Path) -> Path:
    """Write as the export does, but leave a half-written PDF and raise a typed error."""
    if target.name == FAILING:
        target.write_bytes(b"%PDF-1.4 half")
        raise StorageUnavailable(QT_TRANSLATE_NOOP("Errors", "No room left to write {path}."), path=target.name)
    return write_document(plan, fmt, target, font_dir)


def write_or_die(plan: Document, fmt: str, target: Path, font_dir: Path) -> Path:
    """Write as the export does, but end the worker process half-way through a PDF."""
    if target.name == FAILING:
        target.write_bytes(b"%PDF-1.4 half")
        os._exit(9)
    return write_document(plan, fmt, target, font_dir)


def refuse_to_draw(*args: Any, **kwargs: Any) -> bytes:
    """A chart that cannot be drawn."""
    raise StorageUnavailable(QT_TRANSLATE_NOOP("Errors", "No room left to draw {path}."), path="gantt.png")
