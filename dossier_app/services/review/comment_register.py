"""The comment register of a project: ministry and council comments, the city's answers, what resolved them."""

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from dossier_app.domain.comment_register import CommentState, RegisterRow, in_document_order
from dossier_app.domain.enums import AuditAction
from dossier_app.domain.errors import QT_TRANSLATE_NOOP, NotFound, ValidationFailed
from dossier_app.domain.lifecycle import Action
from dossier_app.domain.models import Document, MinistryComment, Project, Section, SectionRevision, new_uid, utc_now
from dossier_app.services.accounts.audit import AuditTrail
from dossier_app.services.core.context import ServiceContext
from dossier_app.services.core.permissions import require_action

MAX_SOURCE = 200


@dataclass(frozen=True)
class CommentInput:
    """What a person types for one comment."""

    source: str
    body: str
    received_on: date | None = None
    section_id: int | None = None
    response: str = ""
    state: CommentState = CommentState.PENDING
    resolved_revision_id: int | None = None


@dataclass(frozen=True)
class CommentView(CommentInput):
    """A stored comment with the section's title and the resolving revision's number."""

    id: int = 0
    project_id: int = 0
    section_title: str = ""
    resolved_revision: int | None = None


class CommentRegisterService:
    """Adding, editing, filtering and deleting the comments of a project's register."""

    def __init__(self, context: ServiceContext, audit: AuditTrail) -> None:
        self._context = context
        self._audit = audit

    def comments(
        self, project_id: int, *, source: str | None = None, state: CommentState | None = None
    ) -> list[CommentView]:
        """The project's comments by date received (undated last), filtered by source and state."""
        with self._context.database.begin() as session:
            _project(session, project_id)
            query = select(MinistryComment).where(MinistryComment.project_id == project_id)
            if source:
                query = query.where(MinistryComment.source == source)
            if state is not None:
                query = query.where(MinistryComment.state == CommentState(state).value)
            rows = session.exec(query.order_by(col(MinistryComment.id))).all()
            views = [_view(session, row) for row in rows]
        return sorted(views, key=lambda v: (v.received_on or date.max, v.id))

    def comment(self, comment_id: int) -> CommentView:
        """One comment."""
        with self._context.database.begin() as session:
            return _view(session, _get(session, comment_id))

    def sources(self, project_id: int) -> list[str]:
        """The bodies that commented on the project, for the filter."""
        with self._context.database.begin() as session:
            rows = session.exec(
                select(MinistryComment.source).where(MinistryComment.project_id == project_id).distinct()
            ).all()
        return sorted(rows)

    def add(self, project_id: int, data: CommentInput, *, uid: str | None = None) -> CommentView:
        """Record a comment received (one a desktop recorded keeps the desktop's uid)."""
        with self._context.database.begin() as session:
            require_action(session, self._context, Action.EDIT)
            project = _project(session, project_id)
            row = MinistryComment(project_id=project_id, source="", body="", uid=uid or new_uid())
            _apply(session, project_id, row, data, self._context.operator.name)
            session.add(row)
            session.flush()
            summary = f"{project.code}: {row.source}, {row.state}"
            self._record(session, AuditAction.REGISTER_COMMENT_ADD, row, summary)
            return _view(session, row)

    def update(self, comment_id: int, data: CommentInput) -> CommentView:
        """Change a comment, its answer or its state."""
        with self._context.database.begin() as session:
            require_action(session, self._context, Action.EDIT)
            row = _get(session, comment_id)
            before = row.state
            _apply(session, row.project_id, row, data, self._context.operator.name)
            session.add(row)
            session.flush()
            self._record(session, AuditAction.REGISTER_COMMENT_UPDATE, row, f"{row.source}: {before} -> {row.state}")
            return _view(session, row)

    def delete(self, comment_id: int) -> None:
        """Remove a comment entered by mistake."""
        with self._context.database.begin() as session:
            require_action(session, self._context, Action.EDIT)
            row = _get(session, comment_id)
            self._record(session, AuditAction.REGISTER_COMMENT_DELETE, row, f"{row.source}: {row.body[:120]}")
            session.delete(row)

    def rows(self, project_id: int) -> list[RegisterRow]:
        """The register in document order (by the linked section's place in the dossier), numbered, for export."""
        with self._context.database.begin() as session:
            _project(session, project_id)
            order = section_order(session, project_id)
            comments = session.exec(
                select(MinistryComment)
                .where(MinistryComment.project_id == project_id)
                .order_by(col(MinistryComment.id))
            ).all()
            views = [_view(session, row) for row in comments]
        rows = [
            RegisterRow(
                v.id,
                0,
                v.source,
                v.received_on,
                v.section_id,
                v.section_title,
                v.body,
                v.response,
                v.state,
                v.resolved_revision,
            )
            for v in views
        ]
        return in_document_order(rows, order)

    def _record(self, session: Session, action: AuditAction, row: MinistryComment, summary: str) -> None:
        actor = self._context.operator.name
        self._audit.record(session, actor, action, "register_comment", row.id, summary[:500], row.project_id)


def section_order(session: Session, project_id: int) -> dict[int, int]:
    """Each live section's place in a depth-first walk of the project's documents."""
    rows = session.exec(
        select(Section.id, Section.parent_id, Section.document_id)
        .join(Document, col(Document.id) == col(Section.document_id))
        .where(Document.project_id == project_id, col(Section.deleted_at).is_(None))
        .order_by(col(Document.position), col(Document.id), col(Section.position), col(Section.id))
    ).all()
    documents: list[int] = []
    children: dict[tuple[int, int | None], list[int]] = {}
    for section_id, parent_id, document_id in rows:
        if document_id not in documents:
            documents.append(document_id)
        children.setdefault((document_id, parent_id), []).append(section_id or 0)
    order: dict[int, int] = {}

    def walk(document_id: int, parent_id: int | None) -> None:
        for child in children.get((document_id, parent_id), []):
            order[child] = len(order)
            walk(document_id, child)

    for document_id in documents:
        walk(document_id, None)
    return order


def _project(session: Session, project_id: int) -> Project:
    project = session.get(Project, project_id)
    if project is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "The project no longer exists."))
    return project


def _get(session: Session, comment_id: int) -> MinistryComment:
    row = session.get(MinistryComment, comment_id)
    if row is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "That comment no longer exists."))
    return row


def _apply(session: Session, project_id: int, row: MinistryComment, data: CommentInput, actor: str) -> None:
    """Check the input, then copy it onto the row; nothing is written on a refusal."""
    source, body, response = data.source.strip(), data.body.strip(), data.response.strip()
    if not source:
        raise ValidationFailed(QT_TRANSLATE_NOOP("Errors", "Say which body made the comment."), field="source")
    if len(source) > MAX_SOURCE:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("Errors", "The source is longer than {limit} characters."),
            field="source",
            limit=MAX_SOURCE,
        )
    if not body:
        raise ValidationFailed(QT_TRANSLATE_NOOP("Errors", "The comment text is empty."), field="body")
    state = CommentState(data.state)
    if state is not CommentState.PENDING and not response:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("Errors", "An accepted, explained or refused comment needs the city's answer."),
            field="response",
        )
    if data.section_id is not None:
        section = session.get(Section, data.section_id)
        document = session.get(Document, section.document_id) if section else None
        if section is None or section.deleted_at is not None or document is None or document.project_id != project_id:
            raise ValidationFailed(
                QT_TRANSLATE_NOOP("Errors", "The linked section is not part of this project."), field="section_id"
            )
    if data.resolved_revision_id is not None:
        revision = session.get(SectionRevision, data.resolved_revision_id)
        if revision is None or data.section_id is None or revision.section_id != data.section_id:
            raise ValidationFailed(
                QT_TRANSLATE_NOOP("Errors", "The resolving revision must be a revision of the linked section."),
                field="resolved_revision_id",
            )
    row.source, row.body, row.response = source, body, response
    row.received_on = data.received_on
    row.section_id = data.section_id
    row.state = state.value
    row.resolved_revision_id = data.resolved_revision_id
    row.updated_at = utc_now()
    row.updated_by = actor


def _view(session: Session, row: MinistryComment) -> CommentView:
    section = session.get(Section, row.section_id) if row.section_id is not None else None
    revision = session.get(SectionRevision, row.resolved_revision_id) if row.resolved_revision_id else None
    return CommentView(
        source=row.source,
        body=row.body,
        received_on=row.received_on,
        section_id=row.section_id,
        response=row.response,
        state=CommentState(row.state),
        resolved_revision_id=row.resolved_revision_id,
        id=row.id or 0,
        project_id=row.project_id,
        section_title=section.title if section else "",
        resolved_revision=revision.number if revision else None,
    )
