"""Decree 30 format checks of any Word file, offered to the window and the command line through services."""

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # python-docx only when a file is checked: the command line imports this module to start
    from dossier_app.export.check_format import FormatReport, RuleResult

__all__ = ["FormatReport", "RuleResult", "check_docx_file"]


def check_docx_file(path: Path) -> "FormatReport":
    """Check a .docx against Decree 30; DocxUnreadable when the file is not one."""
    from dossier_app.export.check_format import check_docx

    return check_docx(path)


def __getattr__(name: str) -> object:
    """FormatReport and RuleResult for callers that name them, imported on first use."""
    if name in ("FormatReport", "RuleResult"):
        from dossier_app.export import check_format

        return getattr(check_format, name)
    raise AttributeError(name)
