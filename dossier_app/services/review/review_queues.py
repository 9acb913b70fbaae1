"""Work queues and the dossier overview: what waits for whom across projects, counted in SQL."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import case, func
from sqlmodel import Session, col, select

from dossier_app.domain.accounts import decode_roles, normalise_username
from dossier_app.domain.enums import CommentKind, DocumentKind, Role, SectionState
from dossier_app.domain.errors import QT_TRANSLATE_NOOP, NotFound
from dossier_app.domain.models import Account, Document, Project, Section, SectionComment, SectionRevision, as_utc


@dataclass(frozen=True)
class SubmittedSection:
    """A section waiting for a manager, with how long it has waited."""

    section_id: int
    project_id: int
    project_code: str
    document_id: int
    document_title: str
    title: str
    revision_id: int | None
    submitted_by: str
    submitted_at: datetime
    age: timedelta


@dataclass(frozen=True)
class ReturnedSection:
    """A section returned to its officer, with the comment it was returned with."""

    section_id: int
    project_id: int
    project_code: str
    document_id: int
    document_title: str
    title: str
    returned_by: str
    returned_at: datetime | None
    comment: str


@dataclass(frozen=True)
class ApprovedDocument:
    """A document whose required sections are all approved, ready for a final export."""

    document_id: int
    project_id: int
    project_code: str
    kind: DocumentKind
    title: str
    required_total: int
    last_approved_at: datetime | None


@dataclass(frozen=True)
class DocumentOverview:
    """How far one document is: its required sections written, submitted and approved."""

    document_id: int
    kind: DocumentKind
    title: str
    required_total: int
    written: int
    submitted: int
    approved: int


@dataclass(frozen=True)
class BadgeCounts:
    """The numbers on the navigator's badges; zero for a queue the account's roles do not see."""

    submitted: int = 0
    returned: int = 0
    approved_documents: int = 0


def account_roles(session: Session, username: str) -> frozenset[Role]:
    """The roles of a named account (none while disabled); NotFound when there is no such account."""
    row = session.exec(select(Account).where(Account.username == normalise_username(username))).first()
    if row is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "There is no account named '{username}'."), username=username)
    return frozenset() if row.disabled else decode_roles(row.roles)


def _visible(session: Session, section_ids: list[int]) -> set[int]:
    """The ids among `section_ids` whose section and ancestors are all live (a deleted parent hides a child)."""
    if not section_ids:
        return set()
    nodes = {
        int(row[0] or 0): (row[1], row[2] is not None)
        for row in session.exec(select(Section.id, Section.parent_id, Section.deleted_at)).all()
    }
    visible = set()
    for section_id in section_ids:
        current: int | None = section_id
        while current is not None and current in nodes and not nodes[current][1]:
            current = nodes[current][0]
        if current is None:
            visible.add(section_id)
    return visible


def _located(*columns: Any) -> Any:
    """Sections with their document and project, live ones only."""
    return (
        select(*columns)
        .join(Document, col(Document.id) == col(Section.document_id))
        .join(Project, col(Project.id) == col(Document.project_id))
        .where(col(Section.deleted_at).is_(None))
    )


def submitted_sections(session: Session, now: datetime) -> list[SubmittedSection]:
    """Every submitted section across projects, the longest waiting first."""
    rows = session.exec(
        _located(
            Section.id,
            Project.id,
            Project.code,
            Document.id,
            Document.title,
            Section.title,
            Section.submitted_revision_id,
            Section.submitted_by,
            Section.submitted_at,
        )
        .where(Section.state == SectionState.SUBMITTED.value)
        .order_by(col(Section.submitted_at), col(Section.id))
    ).all()
    visible = _visible(session, [row[0] for row in rows])
    result = []
    for row in rows:
        if row[0] not in visible:
            continue
        at = as_utc(row[8]) if row[8] else now
        result.append(
            SubmittedSection(
                section_id=row[0],
                project_id=row[1],
                project_code=row[2],
                document_id=row[3],
                document_title=row[4],
                title=row[5],
                revision_id=row[6],
                submitted_by=row[7],
                submitted_at=at,
                age=max(now - at, timedelta()),
            )
        )
    return result


def returned_sections(session: Session, username: str) -> list[ReturnedSection]:
    """Sections returned for changes whose submitted (else latest) revision `username` wrote."""
    name = normalise_username(username)
    rows = session.exec(
        _located(
            Section.id,
            Project.id,
            Project.code,
            Document.id,
            Document.title,
            Section.title,
            Section.submitted_revision_id,
        )
        .where(Section.state == SectionState.CHANGES_REQUESTED.value)
        .order_by(col(Project.code), col(Document.position), col(Section.position), col(Section.id))
    ).all()
    visible = _visible(session, [row[0] for row in rows])
    result = []
    for row in rows:
        if row[0] not in visible or normalise_username(_author(session, row[0], row[6])) != name:
            continue
        comment = session.exec(
            select(SectionComment)
            .where(SectionComment.section_id == row[0], SectionComment.kind == CommentKind.RETURN.value)
            .order_by(col(SectionComment.created_at).desc(), col(SectionComment.id).desc())
            .limit(1)
        ).first()
        result.append(
            ReturnedSection(
                section_id=row[0],
                project_id=row[1],
                project_code=row[2],
                document_id=row[3],
                document_title=row[4],
                title=row[5],
                returned_by=comment.author if comment else "",
                returned_at=as_utc(comment.created_at) if comment else None,
                comment=comment.body if comment else "",
            )
        )
    return result


def returned_in_project(session: Session, project_id: int) -> list[int]:
    """The ids of a project's live sections returned for changes, whoever wrote them, in outline order."""
    rows = session.exec(
        _located(Section.id)
        .where(Section.state == SectionState.CHANGES_REQUESTED.value, Document.project_id == project_id)
        .order_by(col(Document.position), col(Section.position), col(Section.id))
    ).all()
    visible = _visible(session, [int(row or 0) for row in rows])
    return [int(row or 0) for row in rows if int(row or 0) in visible]


def _author(session: Session, section_id: int, revision_id: int | None) -> str:
    """Who wrote the submitted revision, or the latest one when none was submitted."""
    query = select(SectionRevision.author)
    if revision_id is not None:
        query = query.where(SectionRevision.id == revision_id)
    else:
        query = query.where(SectionRevision.section_id == section_id).order_by(col(SectionRevision.number).desc())
    return session.exec(query.limit(1)).first() or ""


def _approved_clause() -> Any:
    return (col(Section.state) == SectionState.APPROVED.value) & col(Section.changed_since_approval).is_(False)


def _required_counts(session: Session, project_id: int | None) -> dict[int, tuple[Any, ...]]:
    """Per document: required total, written, submitted, approved (not changed since), latest approval."""
    query = (
        _located(
            Section.document_id,
            func.count(),
            func.sum(case((col(Section.word_count) > 0, 1), else_=0)),
            func.sum(case((col(Section.state) == SectionState.SUBMITTED.value, 1), else_=0)),
            func.sum(case((_approved_clause(), 1), else_=0)),
            func.max(Section.approved_at),
        )
        .where(col(Section.required).is_(True))
        .group_by(col(Section.document_id))
    )
    if project_id is not None:
        query = query.where(Document.project_id == project_id)
    return {int(row[0]): tuple(row[1:]) for row in session.exec(query).all()}


def approved_documents(session: Session) -> list[ApprovedDocument]:
    """Documents with at least one required section, every one of them approved and unchanged since."""
    counts = _required_counts(session, None)
    ready = [document_id for document_id, c in counts.items() if c[0] and int(c[0]) == int(c[3] or 0)]
    if not ready:
        return []
    rows = session.exec(
        select(Document, Project.code)
        .join(Project, col(Project.id) == col(Document.project_id))
        .where(col(Document.id).in_(ready))
        .order_by(col(Project.code), col(Document.position))
    ).all()
    return [
        ApprovedDocument(
            document_id=document.id or 0,
            project_id=document.project_id,
            project_code=code,
            kind=DocumentKind(document.kind),
            title=document.title,
            required_total=int(counts[document.id or 0][0]),
            last_approved_at=as_utc(counts[document.id or 0][4]) if counts[document.id or 0][4] else None,
        )
        for document, code in rows
    ]


def overview(session: Session, project_id: int) -> list[DocumentOverview]:
    """Per document of a project, in order: required sections in total, written, submitted, approved."""
    if session.get(Project, project_id) is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "The project no longer exists."))
    counts = _required_counts(session, project_id)
    documents = session.exec(
        select(Document).where(Document.project_id == project_id).order_by(col(Document.position), col(Document.id))
    ).all()
    result = []
    for document in documents:
        total, written, submitted, approved, _ = counts.get(document.id or 0, (0, 0, 0, 0, None))
        result.append(
            DocumentOverview(
                document.id or 0,
                DocumentKind(document.kind),
                document.title,
                int(total),
                int(written or 0),
                int(submitted or 0),
                int(approved or 0),
            )
        )
    return result


def badge_counts(session: Session, username: str, now: datetime) -> BadgeCounts:
    """The badge numbers of one account, for the queues its roles see."""
    roles = account_roles(session, username)
    return BadgeCounts(
        submitted=len(submitted_sections(session, now)) if Role.MANAGER in roles else 0,
        returned=len(returned_sections(session, username)) if Role.OFFICER in roles else 0,
        approved_documents=len(approved_documents(session)) if roles & {Role.CLERK, Role.MANAGER} else 0,
    )
