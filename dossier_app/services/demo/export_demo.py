"""The demo's draft export, so a clerk finds one package in the history on the first screen.

The Tờ trình and the Đề án of CT-ITP written as a draft by the demo clerk, through the export service (the audit
trail and the history show it as the clerk's work), into a folder beside the database; once, and never again once
the project has any export.
"""

from dataclasses import replace
from pathlib import Path

from sqlalchemy import func
from sqlmodel import select

from dossier_app.domain.models.export import PackageExport
from dossier_app.services.accounts.audit import AuditTrail
from dossier_app.services.core.context import Operator, ServiceContext

EXPORT_PROJECT = "CT-ITP"
EXPORT_DOCUMENTS = ("To_trinh", "De_an")
CLERK = "vanthu"


def demo_export_folder(context: ServiceContext) -> Path:
    """Where the demo's package goes: beside a SQLite file (next to its attachments), else in the user's data."""
    return context.database.files_root().parent / "demo-exports"


def load_draft_export(writer: ServiceContext, audit: AuditTrail, project_id: int) -> Path | None:
    """Export the draft once, as the demo clerk, in this process; the package folder, or None when the project
    has been exported before."""
    with writer.database.begin() as session:
        count = select(func.count()).select_from(PackageExport).where(PackageExport.project_id == project_id)
        if session.exec(count).one():
            return None
    from dossier_app.export.workers import Workers
    from dossier_app.services.export import FORMATS
    from dossier_app.services.export.export_workers import ExportOptions
    from dossier_app.services.export.exports import ExportService
    from dossier_app.services.review.reviews import ReviewService

    clerk = replace(writer, operator=Operator(CLERK))
    exports = ExportService(clerk, audit, ReviewService(clerk, audit))
    options = ExportOptions(draft=True, documents=EXPORT_DOCUMENTS)
    inline = Workers({fmt: fmt for fmt in FORMATS}, inline=True)  # two small documents: no processes to start
    return exports.export(EXPORT_PROJECT, demo_export_folder(writer), options, workers=inline).folder
