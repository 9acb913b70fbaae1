"""Decree 30 format checks of any Word file, offered to the window and the command line through services."""

from pathlib import Path

from dossier_app.export.check_format import FormatReport, RuleResult, check_docx

__all__ = ["FormatReport", "RuleResult", "check_docx_file"]


def check_docx_file(path: Path) -> FormatReport:
    """Check a .docx against Decree 30; DocxUnreadable when the file is not one."""
    return check_docx(path)
