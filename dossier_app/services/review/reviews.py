"""Review of each section: submit, approve, return for changes, comment, and the work queues (redlines: redlines.py)."""

import unicodedata
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from dossier_app.domain.accounts import normalise_username
from dossier_app.domain.enums import AuditAction, CommentKind, SectionState
from dossier_app.domain.errors import QT_TRANSLATE_NOOP, NotFound, PermissionDenied
from dossier_app.domain.lifecycle import (
    Action,
    Actor,
    EmptyComment,
    EmptySection,
    Queue,
    StaleReview,
    next_state,
    require,
    require_queue,
)
from dossier_app.domain.models import Document, Section, SectionComment, SectionRevision, as_utc
from dossier_app.services.accounts.audit import AuditTrail, shorten
from dossier_app.services.core.context import ServiceContext
from dossier_app.services.core.permissions import current_actor
from dossier_app.services.review import review_queues as queues
from dossier_app.services.review.review_queues import (
    ApprovedDocument,
    BadgeCounts,
    DocumentOverview,
    ReturnedSection,
    SubmittedSection,
)

__all__ = [
    "ApprovedDocument",
    "BadgeCounts",
    "CommentView",
    "DocumentOverview",
    "ReturnedSection",
    "ReviewService",
    "SectionReview",
    "SubmittedSection",
]


@dataclass(frozen=True)
class SectionReview:
    """Where a section stands in review: its state, the revision submitted and the one approved."""

    section_id: int
    state: SectionState
    version: int
    latest_revision_id: int | None
    submitted_revision_id: int | None
    submitted_hash: str
    submitted_at: datetime | None
    submitted_by: str
    approved_revision_id: int | None
    approved_hash: str
    approved_at: datetime | None
    approved_by: str
    changed_since_approval: bool


@dataclass(frozen=True)
class CommentView:
    """One comment of a section's thread."""

    id: int
    section_id: int
    author: str
    body: str
    quote: str
    kind: CommentKind
    created_at: datetime
    resolved_at: datetime | None
    resolved_by: str

    @property
    def resolved(self) -> bool:
        """Whether someone marked the comment as dealt with."""
        return self.resolved_at is not None


def _clean(text: str) -> str:
    """Comments are stored in NFC without surrounding blank space, like section bodies."""
    return unicodedata.normalize("NFC", text).strip()


def _comment_view(row: SectionComment) -> CommentView:
    return CommentView(
        id=row.id or 0,
        section_id=row.section_id,
        author=row.author,
        body=row.body,
        quote=row.quote,
        kind=CommentKind(row.kind),
        created_at=as_utc(row.created_at),
        resolved_at=as_utc(row.resolved_at) if row.resolved_at else None,
        resolved_by=row.resolved_by,
    )


def live_section(session: Session, section_id: int, *, lock: bool = False) -> Section:
    """The section, refused when it was deleted (also by the redlines)."""
    section = session.get(Section, section_id, with_for_update=lock or None)
    if section is None or section.deleted_at is not None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "The section no longer exists."))
    return section


def latest_revision(session: Session, section_id: int) -> SectionRevision | None:
    """The section's newest revision, if it has one."""
    return session.exec(
        select(SectionRevision)
        .where(SectionRevision.section_id == section_id)
        .order_by(col(SectionRevision.number).desc())
        .limit(1)
    ).first()


class ReviewService:
    """Section by section approval; every action is checked against the acting account's roles."""

    def __init__(self, context: ServiceContext, audit: AuditTrail) -> None:
        self._context = context
        self._audit = audit

    # Reading -------------------------------------------------------------------------------------

    def review(self, section_id: int) -> SectionReview:
        """The review state of one live section."""
        with self._context.database.begin() as session:
            return self._review_view(session, self._live(session, section_id))

    def approved_body(self, section_id: int) -> str | None:
        """The text of the approved revision (what a final export uses), or None when none is approved."""
        with self._context.database.begin() as session:
            section = self._live(session, section_id)
            return self._body(session, section.approved_revision_id)

    def comments(self, section_id: int) -> list[CommentView]:
        """The section's thread, oldest first."""
        with self._context.database.begin() as session:
            rows = session.exec(
                select(SectionComment)
                .where(SectionComment.section_id == section_id)
                .order_by(col(SectionComment.created_at), col(SectionComment.id))
            ).all()
            return [_comment_view(row) for row in rows]

    def open_return(self, section_id: int) -> CommentView | None:
        """The latest unresolved comment the section was returned with, shown at the top of the section."""
        with self._context.database.begin() as session:
            row = session.exec(
                select(SectionComment)
                .where(
                    SectionComment.section_id == section_id,
                    SectionComment.kind == CommentKind.RETURN.value,
                    col(SectionComment.resolved_at).is_(None),
                )
                .order_by(col(SectionComment.created_at).desc(), col(SectionComment.id).desc())
                .limit(1)
            ).first()
            return _comment_view(row) if row else None

    # Work queues ---------------------------------------------------------------------------------

    def submitted_queue(self) -> list[SubmittedSection]:
        """Every submitted section across projects, the longest waiting first (managers)."""
        with self._context.database.begin() as session:
            require_queue(self._actor(session), Queue.SUBMITTED)
            return queues.submitted_sections(session, self._context.clock())

    def returned_queue(self, username: str) -> list[ReturnedSection]:
        """The sections returned to an officer (that officer, or a manager, may look)."""
        with self._context.database.begin() as session:
            actor = self._actor(session)
            require_queue(actor, Queue.RETURNED, owner=normalise_username(username))
            return queues.returned_sections(session, username)

    def approved_documents(self) -> list[ApprovedDocument]:
        """Documents whose required sections are all approved and unchanged since (clerks, managers)."""
        with self._context.database.begin() as session:
            require_queue(self._actor(session), Queue.APPROVED)
            return queues.approved_documents(session)

    def overview(self, project_id: int) -> list[DocumentOverview]:
        """Per document: required sections in total, written, submitted and approved."""
        with self._context.database.begin() as session:
            return queues.overview(session, project_id)

    def badge_counts(self, username: str) -> BadgeCounts:
        """The navigator's badge numbers for an account (that person or the local operator may ask)."""
        with self._context.database.begin() as session:
            actor = self._actor(session)
            if not actor.is_local_operator or actor.disabled:
                self._require_self(actor, username)
            return queues.badge_counts(session, username, self._context.clock())

    # Review actions ------------------------------------------------------------------------------

    def submit(self, section_id: int) -> SectionReview:
        """Send the section's latest revision to review (officers); resolves the return it answers."""
        with self._context.database.begin() as session:
            section = self._live(session, section_id, lock=True)
            actor = self._actor(session)
            state = next_state(actor, Action.SUBMIT, SectionState(section.state))
            latest = self._latest(session, section_id)
            if latest is None or not latest.body.strip():
                raise EmptySection(title=section.title)
            now = self._context.clock()
            section.state = state.value
            section.submitted_revision_id = latest.id
            section.submitted_at, section.submitted_by = now, actor.name
            session.add(section)
            answered = session.exec(
                select(SectionComment).where(
                    SectionComment.section_id == section_id,
                    SectionComment.kind == CommentKind.RETURN.value,
                    col(SectionComment.resolved_at).is_(None),
                )
            ).all()
            for comment in answered:
                comment.resolved_at, comment.resolved_by = now, actor.name
                session.add(comment)
            summary = f"revision {latest.number} submitted, sha256 {latest.content_hash[:12]}"
            if answered:
                summary += f", {len(answered)} return comment(s) resolved"
            self._record(session, AuditAction.SECTION_SUBMIT, "section", section_id, section, summary)
            return self._review_view(session, section)

    def approve(self, section_id: int, expected_hash: str) -> SectionReview:
        """Approve the submitted revision (managers, not its author), if it is still the one with that hash."""
        with self._context.database.begin() as session:
            section = self._live(session, section_id, lock=True)
            actor = self._actor(session)
            require(actor, Action.APPROVE)
            latest = self._latest(session, section_id)
            submitted = self._body_revision(session, section.submitted_revision_id)
            if latest is None or latest.content_hash != expected_hash:
                raise StaleReview()
            if section.state == SectionState.SUBMITTED.value and (submitted is None or submitted.id != latest.id):
                raise StaleReview()
            author = submitted.author if submitted else latest.author
            state = next_state(
                actor, Action.APPROVE, SectionState(section.state), revision_author=normalise_username(author)
            )
            assert submitted is not None  # a submitted section always has its revision
            section.state = state.value
            section.approved_revision_id, section.approved_hash = submitted.id, submitted.content_hash
            section.approved_at, section.approved_by = self._context.clock(), actor.name
            section.changed_since_approval = False
            session.add(section)
            summary = f"revision {submitted.number} approved, sha256 {submitted.content_hash[:12]}"
            self._record(session, AuditAction.SECTION_APPROVE, "section", section_id, section, summary)
            return self._review_view(session, section)

    def request_changes(self, section_id: int, comment: str, *, comment_uid: str | None = None) -> SectionReview:
        """Return the submitted section to its officer (managers), saying what to change; a return pushed by a
        desktop keeps its comment's uid (`comment_uid`)."""
        with self._context.database.begin() as session:
            section = self._live(session, section_id, lock=True)
            actor = self._actor(session)
            state = next_state(actor, Action.REQUEST_CHANGES, SectionState(section.state), comment=comment)
            section.state = state.value
            session.add(section)
            note = SectionComment(
                section_id=section_id,
                author=actor.name,
                body=_clean(comment),
                kind=CommentKind.RETURN.value,
                created_at=self._context.clock(),
            )
            if comment_uid is not None:
                note.uid = comment_uid
            session.add(note)
            session.flush()
            summary = f"returned for changes: {note.body}"
            self._record(session, AuditAction.SECTION_RETURN, "section", section_id, section, summary)
            return self._review_view(session, section)

    # Comments ------------------------------------------------------------------------------------

    def add_comment(self, section_id: int, body: str, quote: str = "", *, uid: str | None = None) -> CommentView:
        """Add a comment to the section's thread, quoting the selected text if any; a comment pushed by a desktop
        keeps the uid it was made with there."""
        with self._context.database.begin() as session:
            section = self._live(session, section_id)
            actor = self._actor(session)
            require(actor, Action.COMMENT)
            if not body.strip():
                raise EmptyComment()
            row = SectionComment(
                section_id=section_id,
                author=actor.name,
                body=_clean(body),
                quote=_clean(quote),
                kind=CommentKind.COMMENT.value,
                created_at=self._context.clock(),
            )
            if uid is not None:
                row.uid = uid
            session.add(row)
            session.flush()
            summary = f"on section {section_id}: {row.body}"
            self._record(session, AuditAction.COMMENT_ADD, "comment", row.id, section, summary)
            return _comment_view(row)

    def resolve_comment(self, comment_id: int) -> CommentView:
        """Mark a comment as dealt with."""
        return self._set_resolved(comment_id, resolved=True)

    def reopen_comment(self, comment_id: int) -> CommentView:
        """Open a resolved comment again."""
        return self._set_resolved(comment_id, resolved=False)

    def _set_resolved(self, comment_id: int, *, resolved: bool) -> CommentView:
        with self._context.database.begin() as session:
            actor = self._actor(session)
            require(actor, Action.COMMENT)
            row = session.get(SectionComment, comment_id, with_for_update=True)
            if row is None:
                raise NotFound(QT_TRANSLATE_NOOP("Errors", "That comment no longer exists."))
            if (row.resolved_at is not None) == resolved:
                return _comment_view(row)
            row.resolved_at = self._context.clock() if resolved else None
            row.resolved_by = actor.name if resolved else ""
            session.add(row)
            session.flush()
            section = self._live(session, row.section_id)
            action = AuditAction.COMMENT_RESOLVE if resolved else AuditAction.COMMENT_REOPEN
            summary = f"on section {row.section_id}: {'resolved' if resolved else 'reopened'}"
            self._record(session, action, "comment", comment_id, section, summary)
            return _comment_view(row)

    # Internals -----------------------------------------------------------------------------------

    def _actor(self, session: Session) -> Actor:
        return current_actor(session, self._context)

    @staticmethod
    def _require_self(actor: Actor, username: str) -> None:
        if actor.disabled or actor.name != normalise_username(username) or not actor.roles:
            raise PermissionDenied(QT_TRANSLATE_NOOP("Errors", "You can see only your own work queues."))

    def _record(
        self, session: Session, action: AuditAction, entity: str, entity_id: object, section: Section, summary: str
    ) -> None:
        document = session.get(Document, section.document_id)
        project_id = document.project_id if document else None
        actor = self._context.operator.name
        self._audit.record(session, actor, action, entity, entity_id, shorten(summary), project_id)

    def _review_view(self, session: Session, section: Section) -> SectionReview:
        latest = self._latest(session, section.id or 0)
        submitted = self._body_revision(session, section.submitted_revision_id)
        return SectionReview(
            section_id=section.id or 0,
            state=SectionState(section.state),
            version=section.version,
            latest_revision_id=latest.id if latest else None,
            submitted_revision_id=section.submitted_revision_id,
            submitted_hash=submitted.content_hash if submitted else "",
            submitted_at=as_utc(section.submitted_at) if section.submitted_at else None,
            submitted_by=section.submitted_by,
            approved_revision_id=section.approved_revision_id,
            approved_hash=section.approved_hash,
            approved_at=as_utc(section.approved_at) if section.approved_at else None,
            approved_by=section.approved_by,
            changed_since_approval=section.changed_since_approval,
        )

    _latest = staticmethod(latest_revision)

    @staticmethod
    def _revision(session: Session, revision_id: int) -> SectionRevision:
        revision = session.get(SectionRevision, revision_id)
        if revision is None:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "That revision does not exist."))
        return revision

    @staticmethod
    def _body_revision(session: Session, revision_id: int | None) -> SectionRevision | None:
        return session.get(SectionRevision, revision_id) if revision_id is not None else None

    def _body(self, session: Session, revision_id: int | None) -> str | None:
        revision = self._body_revision(session, revision_id)
        return revision.body if revision else None

    _live = staticmethod(live_section)
