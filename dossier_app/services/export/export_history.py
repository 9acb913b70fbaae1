"""The export history: every package written for a project, who made it and when, and a fresh check of it."""

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlmodel import Session, col, select

from dossier_app.domain.errors import QT_TRANSLATE_NOOP, NotFound, PackageUnreadable
from dossier_app.domain.models import PackageExport, as_utc
from dossier_app.services.core.context import ServiceContext
from dossier_app.services.dossier.document_numbers import project_by_code
from dossier_app.services.export.packages import MANIFEST, PackageCheck, sha256_bytes, verify_package


@dataclass(frozen=True)
class ExportRecord:
    """One line of the history: the package's place, kind, author, time (UTC) and manifest hash."""

    id: int
    at: datetime
    actor: str
    draft: bool
    folder: Path
    zip_path: Path | None
    manifest_sha256: str
    numbers: str

    @property
    def folder_name(self) -> str:
        """The package's name, `<CODE>_<yyyy-mm-dd>_<n>`."""
        return self.folder.name


def record_export(
    session: Session,
    project_id: int,
    actor: str,
    draft: bool,
    folder: Path,
    zip_path: Path | None,
    manifest_sha256: str,
    numbers: dict[str, int],
) -> None:
    """Add the history line in the caller's transaction (the one holding the export's audit entry)."""
    session.add(
        PackageExport(
            project_id=project_id,
            actor=actor,
            draft=draft,
            folder=str(folder.resolve()),
            zip_path=str(zip_path.resolve()) if zip_path else "",
            manifest_sha256=manifest_sha256,
            numbers=", ".join(f"{number:02d}/{symbol}" for symbol, number in numbers.items()),
        )
    )


def _record(row: PackageExport) -> ExportRecord:
    assert row.id is not None
    return ExportRecord(
        id=row.id,
        at=as_utc(row.at),
        actor=row.actor,
        draft=row.draft,
        folder=Path(row.folder),
        zip_path=Path(row.zip_path) if row.zip_path else None,
        manifest_sha256=row.manifest_sha256,
        numbers=row.numbers,
    )


class ExportHistory:
    """Reads the history; the export service writes it."""

    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    def list(self, code: str) -> list[ExportRecord]:
        """The project's packages, newest first."""
        with self._context.database.begin() as session:
            project = project_by_code(session, code)
            rows = session.exec(
                select(PackageExport)
                .where(PackageExport.project_id == project.id)
                .order_by(col(PackageExport.at).desc(), col(PackageExport.id).desc())
            )
            return [_record(row) for row in rows]

    def latest(self, project_id: int) -> ExportRecord | None:
        """The project's newest package, if any (the project home)."""
        with self._context.database.begin() as session:
            row = session.exec(
                select(PackageExport)
                .where(PackageExport.project_id == project_id)
                .order_by(col(PackageExport.at).desc(), col(PackageExport.id).desc())
                .limit(1)
            ).first()
            return _record(row) if row is not None else None

    def get(self, export_id: int) -> ExportRecord:
        """One history line by id."""
        with self._context.database.begin() as session:
            row = session.get(PackageExport, export_id)
            if row is None:
                raise NotFound(QT_TRANSLATE_NOOP("Errors", "That export is not in the history."))
            return _record(row)

    def verify(self, export_id: int) -> PackageCheck:
        """Check the package again: its folder, or its zip when the folder is gone."""
        record = self.get(export_id)
        for path in (record.folder, record.zip_path):
            if path is not None and path.exists():
                check = verify_package(path)
                manifest = path / MANIFEST
                if check.ok and manifest.is_file() and sha256_bytes(manifest.read_bytes()) != record.manifest_sha256:
                    return PackageCheck(False, check.checked, MANIFEST, "differs from the hash the history recorded")
                return check
        raise PackageUnreadable(path=str(record.folder))
