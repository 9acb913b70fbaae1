"""Files filed with a section: maps, decisions, evidence; bytes stored once by SHA-256."""

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlmodel import Session, col, select

from dossier_app.domain.enums import AuditAction
from dossier_app.domain.errors import QT_TRANSLATE_NOOP, AttachmentUnreadable, NotFound, TooLarge, ValidationFailed
from dossier_app.domain.file_names import safe_file_name
from dossier_app.domain.lifecycle import Action
from dossier_app.domain.models import Attachment, Document, Project, Section, as_utc
from dossier_app.domain.submission import RequiredAttachment
from dossier_app.services.accounts.audit import AuditTrail
from dossier_app.services.core.context import ServiceContext
from dossier_app.services.core.permissions import require_action


@dataclass(frozen=True)
class AttachmentView:
    """One attachment as the list shows it."""

    id: int
    section_id: int
    name: str
    size: int
    sha256: str
    added_by: str
    added_at: datetime
    kind: str = ""  # the key of the regime's required attachment it is ("planning_map", "eia_decision"), or ""


def _view(row: Attachment) -> AttachmentView:
    return AttachmentView(
        id=row.id or 0,
        section_id=row.section_id,
        name=row.name,
        size=row.size,
        sha256=row.sha256,
        added_by=row.added_by,
        added_at=as_utc(row.added_at),
        kind=row.kind,
    )


class AttachmentService:
    """Adding, listing, opening and removing a section's attachments."""

    def __init__(self, context: ServiceContext, audit: AuditTrail) -> None:
        self._context = context
        self._audit = audit

    def add(self, section_id: int, source: Path, name: str | None = None) -> AttachmentView:
        """Copy a file into the store and record it against the section under a name safe on every system.

        `name` is the name to show (a mail or archive may give one); it defaults to the file's own name.
        """
        if not source.is_file():
            raise AttachmentUnreadable(
                QT_TRANSLATE_NOOP("Errors", "Cannot read the file {name}: it is not a readable file."),
                name=str(source),
            )
        limit = self._context.max_attachment_bytes
        self._refuse_if_too_large(source, source.stat().st_size, limit)
        with self._context.database.begin() as session:
            require_action(session, self._context, Action.EDIT)
            section = session.get(Section, section_id)
            if section is None or section.deleted_at is not None:
                raise NotFound(QT_TRANSLATE_NOOP("Errors", "The section no longer exists."))
        sha256, size = self._context.files.put(source)
        if size > limit:  # it grew while being copied
            self._discard_unless_used(sha256)
            self._refuse_if_too_large(source, size, limit)
        try:
            with self._context.database.begin() as session:
                require_action(session, self._context, Action.EDIT)  # again: the account may have changed meanwhile
                row = Attachment(
                    section_id=section_id,
                    name=safe_file_name(name if name is not None else source.name),
                    size=size,
                    sha256=sha256,
                    added_by=self._context.operator.name,
                )
                session.add(row)
                session.flush()
                view = _view(row)
                self._record(session, AuditAction.ATTACHMENT_ADD, view)
                return view
        except Exception:
            self._discard_unless_used(sha256)  # refused after the bytes went in: leave the store as it was
            raise

    def add_stored(
        self, section_id: int, sha256: str, name: str, kind: str = "", *, uid: str | None = None
    ) -> AttachmentView:
        """Record an attachment whose bytes are in the store already (a desktop uploaded them before pushing the
        attachment); it keeps the uid it was made with there, so it is one attachment on both."""
        if not self._context.files.has(sha256):
            raise NotFound(
                QT_TRANSLATE_NOOP("Errors", "The file of attachment '{name}' has not reached the server yet."),
                name=name,
            )
        size = self._context.files.path_for(sha256).stat().st_size
        with self._context.database.begin() as session:
            require_action(session, self._context, Action.EDIT)
            section = session.get(Section, section_id)
            if section is None or section.deleted_at is not None:
                raise NotFound(QT_TRANSLATE_NOOP("Errors", "The section no longer exists."))
            if kind and kind not in {required.key for required in self._kinds(session, section_id)}:
                raise ValidationFailed(
                    QT_TRANSLATE_NOOP("Errors", "The regime asks for no attachment '{kind}'."), field="kind", kind=kind
                )
            row = Attachment(
                section_id=section_id,
                name=safe_file_name(name),
                size=size,
                sha256=sha256,
                added_by=self._context.operator.name,
                kind=kind,
            )
            if uid is not None:
                row.uid = uid
            session.add(row)
            session.flush()
            view = _view(row)
            self._record(session, AuditAction.ATTACHMENT_ADD, view)
            return view

    def for_section(self, section_id: int) -> list[AttachmentView]:
        """The section's attachments in the order they were added."""
        with self._context.database.begin() as session:
            rows = session.exec(
                select(Attachment).where(Attachment.section_id == section_id).order_by(col(Attachment.id))
            ).all()
            return [_view(r) for r in rows]

    def path(self, attachment_id: int) -> Path:
        """Where the attachment's bytes are, for the system viewer."""
        with self._context.database.begin() as session:
            row = session.get(Attachment, attachment_id)
            if row is None:
                raise NotFound(QT_TRANSLATE_NOOP("Errors", "That attachment no longer exists."))
            path = self._context.files.path_for(row.sha256)
        if not path.is_file():
            raise NotFound(
                QT_TRANSLATE_NOOP("Errors", "The file of attachment '{name}' is missing from {location}."),
                name=row.name,
                location=str(path.parent),
            )
        return path

    def remove(self, attachment_id: int) -> AttachmentView:
        """Forget an attachment; its bytes go when no other record uses them."""
        with self._context.database.begin() as session:
            require_action(session, self._context, Action.EDIT)
            row = session.get(Attachment, attachment_id)
            if row is None:
                raise NotFound(QT_TRANSLATE_NOOP("Errors", "That attachment no longer exists."))
            view = _view(row)
            session.delete(row)
            session.flush()
            self._record(session, AuditAction.ATTACHMENT_REMOVE, view)
            still_used = session.exec(select(Attachment.id).where(Attachment.sha256 == view.sha256)).first()
        if still_used is None:
            self._context.files.discard(view.sha256)
        return view

    def kinds(self, section_id: int) -> tuple[RequiredAttachment, ...]:
        """The attachments the project's regime asks for by name, which an attachment of this section may be."""
        with self._context.database.begin() as session:
            return self._kinds(session, section_id)

    def _kinds(self, session: Session, section_id: int) -> tuple[RequiredAttachment, ...]:
        section = session.get(Section, section_id)
        document = session.get(Document, section.document_id) if section else None
        project = session.get(Project, document.project_id) if document else None
        if project is None:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "The section no longer exists."))
        return self._context.regime(project.regime_key).attachments

    def set_kind(self, attachment_id: int, kind: str) -> AttachmentView:
        """Mark an attachment as one the regime asks for by name (the map, the EIA decision), or clear it with ""."""
        with self._context.database.begin() as session:
            require_action(session, self._context, Action.EDIT)
            row = session.get(Attachment, attachment_id)
            if row is None:
                raise NotFound(QT_TRANSLATE_NOOP("Errors", "That attachment no longer exists."))
            if kind and kind not in {required.key for required in self._kinds(session, row.section_id)}:
                raise ValidationFailed(
                    QT_TRANSLATE_NOOP("Errors", "The regime asks for no attachment '{kind}'."), field="kind", kind=kind
                )
            row.kind = kind
            session.add(row)
            session.flush()
            view = _view(row)
            self._record(session, AuditAction.ATTACHMENT_KIND, view)
            return view

    @staticmethod
    def _refuse_if_too_large(source: Path, size: int, limit: int) -> None:
        if size > limit:
            raise TooLarge(
                QT_TRANSLATE_NOOP(
                    "Errors", "The file {name} is {size} MB; attachments may be at most {limit} MB. Nothing was added."
                ),
                name=source.name,
                size=f"{size / 1_048_576:,.1f}",
                limit=f"{limit / 1_048_576:,.0f}",
            )

    def _discard_unless_used(self, sha256: str) -> None:
        with self._context.database.begin() as session:
            used = session.exec(select(Attachment.id).where(Attachment.sha256 == sha256)).first()
        if used is None:
            self._context.files.discard(sha256)

    def _record(self, session: Session, action: AuditAction, view: AttachmentView) -> None:
        section = session.get(Section, view.section_id)
        document = session.get(Document, section.document_id) if section else None
        summary = f"'{view.name}' on section {view.section_id}, {view.size:,} bytes, sha256 {view.sha256[:12]}"
        summary += f", kind {view.kind}" if view.kind else ""
        project_id = document.project_id if document else None
        actor = self._context.operator.name
        self._audit.record(session, actor, action, "attachment", view.id, summary, project_id)
