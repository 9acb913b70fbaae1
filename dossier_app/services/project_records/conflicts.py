"""A replica's conflicts in project records, as the conflicts window shows them: each field of a project's details,
milestone plan, step, facts, filing date, body consulted, condition or ministry comment, and a section's title, that
both sides changed differently, with its two values, and the person's pick saved through the service that owns the
row (so it is checked and audited) and pushed at the next sync."""

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlmodel import col, select

from dossier_app.domain.models import Project, Section, SectionRevision, SyncRecordConflict, utc_now
from dossier_app.services.project_records.sync import COMMENT, CONDITION, CONSULTATION, REFS, STEP, local_rows

if TYPE_CHECKING:
    from sqlmodel import Session

    from dossier_app.services.core.context import ServiceContext
    from dossier_app.services.dossier.dossiers import DossierService
    from dossier_app.services.project_records.push import RecordWriter


@dataclass(frozen=True)
class RecordConflictView:
    """One undecided field: its project, what it belongs to (the table, a step's key and title), its name and the
    values here (ours) and on the server (theirs)."""

    id: int
    project_code: str
    table_name: str
    detail: str  # a step's key and title, a body's name, a condition's key; "" for a plan, the facts or the date
    field: str
    ours: Any
    theirs: Any


class RecordConflicts:
    """Reading and deciding the records' conflicts."""

    def __init__(self, context: "ServiceContext", writer: "RecordWriter", dossiers: "DossierService") -> None:
        self._context, self._writer, self._dossiers = context, writer, dossiers

    def listing(self, code: str | None = None) -> list[RecordConflictView]:
        """Every undecided field (of project CODE only, when given), oldest first."""
        with self._context.database.begin() as session:
            query = (
                select(SyncRecordConflict, Project.code)
                .join(Project, col(Project.id) == SyncRecordConflict.project_id)
                .where(col(SyncRecordConflict.resolved_at).is_(None))
                .order_by(col(SyncRecordConflict.id))
            )
            if code is not None:
                query = query.where(col(Project.code) == code)
            found = session.exec(query).all()
            rows = local_rows(session) if found else {}
            views = []
            for row, project_code in found:
                local = rows.get(row.row_uid)
                detail = ""
                if local is not None and row.table_name == STEP:
                    detail = f"{local.record.get('key')} {local.record.get('title')}"
                elif local is not None and row.table_name == CONSULTATION:
                    detail = str(local.record.get("name", ""))
                elif local is not None and row.table_name == CONDITION:
                    detail = str(local.record.get("condition_key", ""))
                elif local is not None and row.table_name == COMMENT:
                    detail = str(local.record.get("source", ""))
                elif row.table_name == "section":
                    detail = str(session.exec(select(Section.title).where(col(Section.uid) == row.row_uid)).first())
                views.append(
                    RecordConflictView(
                        row.id or 0,
                        project_code,
                        row.table_name,
                        detail,
                        row.field,
                        _readable(session, row.table_name, row.field, json.loads(row.ours_value)),
                        _readable(session, row.table_name, row.field, json.loads(row.theirs_value)),
                    )
                )
            return views

    def resolve(self, conflict_id: int, *, take_theirs: bool) -> None:
        """Keep our value, or save the server's in its place (the owning service's rules apply); either is pushed
        at the next sync."""
        with self._context.database.begin() as session:
            row = session.get(SyncRecordConflict, conflict_id)
            if row is None or row.resolved_at is not None:
                return
            table_name, uid, name, theirs = row.table_name, row.row_uid, row.field, json.loads(row.theirs_value)
            local = local_rows(session).get(uid)
            section = session.exec(select(Section.id).where(col(Section.uid) == uid)).first()
        if take_theirs and table_name == "section" and section is not None:
            self._dossiers.rename_section(section, str(theirs))  # a section's title, renamed on both sides
        elif take_theirs and local is not None:
            wanted = {**local.record, name: theirs}
            self._writer.write(table_name, local.project_id, wanted, local.record, uid, local.key)
        with self._context.database.begin() as session:
            row = session.get(SyncRecordConflict, conflict_id)
            assert row is not None
            row.resolved_at = utc_now()
            session.add(row)


def _readable(session: "Session", table_name: str, field: str, value: Any) -> Any:
    """A reference as people know the row it names: a section by its title, a revision by its number."""
    if (table_name, field) not in REFS or not isinstance(value, str):
        return value
    named = REFS[(table_name, field)][1]
    column = SectionRevision.number if named == "sectionrevision" else Section.title
    model = SectionRevision if named == "sectionrevision" else Section
    found = session.exec(select(column).where(col(model.uid) == value)).first()
    return value if found is None else found
