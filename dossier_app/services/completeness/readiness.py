"""How ready a project's dossier is to submit: one report for the dashboard, the `check` command and the export."""

from collections.abc import Callable, Sequence

from sqlalchemy import func
from sqlmodel import Session, col, select

from dossier_app.domain.comment_register import CommentState
from dossier_app.domain.enums import SectionState
from dossier_app.domain.errors import QT_TRANSLATE_NOOP, NotFound
from dossier_app.domain.models import Attachment, Document, MinistryComment, Project, Section
from dossier_app.domain.readiness import (
    DocumentProgress,
    MilestoneSignal,
    OpenComment,
    ReadinessItem,
    ReadinessReport,
    attachment_item,
    comment_items,
    condition_item,
    criterion_item,
    document_items,
    milestone_items,
)
from dossier_app.domain.submission import RequiredAttachment
from dossier_app.services.completeness.checklist import ChecklistService
from dossier_app.services.core.context import ServiceContext
from dossier_app.services.milestones.milestones import MilestoneService
from dossier_app.services.review.comment_register import section_order
from dossier_app.services.review.review_queues import overview

# What the milestone service reports per project; wired in services/__init__.py once milestones are persisted.
MilestoneProvider = Callable[[int], Sequence[MilestoneSignal]]


class ReadinessService:
    """Builds the readiness report of a project from the dossier, the checklist, attachments and comments."""

    def __init__(
        self, context: ServiceContext, checklist: ChecklistService, milestones: MilestoneProvider | None = None
    ) -> None:
        self._context = context
        self._checklist = checklist
        self._milestones = milestones

    def report_for_code(self, code: str) -> ReadinessReport:
        """The report of the project with this code (NotFound for an unknown code)."""
        with self._context.database.begin() as session:
            project = session.exec(select(Project).where(func.upper(Project.code) == code.strip().upper())).first()
            if project is None:
                raise NotFound(QT_TRANSLATE_NOOP("Errors", "There is no project with the code {code}."), code=code)
            project_id = project.id or 0
        return self.report(project_id)

    def report(self, project_id: int) -> ReadinessReport:
        """Documents, conditions and criteria, mandatory attachments, milestones, open comments, in that order."""
        items: list[ReadinessItem] = []
        with self._context.database.begin() as session:
            project = session.get(Project, project_id)
            if project is None:
                raise NotFound(QT_TRANSLATE_NOOP("Errors", "The project no longer exists."))
            code, regime = project.code, self._context.regime(project.regime_key)
            order = section_order(session, project_id)
            for document in overview(session, project_id):
                unwritten, unapproved = first_missing(session, document.document_id, order)
                items += document_items(
                    DocumentProgress(
                        document.document_id,
                        document.title,
                        document.required_total,
                        document.written,
                        document.submitted,
                        document.approved,
                        unwritten,
                        unapproved,
                    )
                )
            required = [attachment for attachment in regime.attachments if attachment.mandatory]
            homes = _attachment_homes(session, project_id, required)
            attached = dict(
                session.exec(
                    select(Attachment.kind, func.count())
                    .join(Section, col(Section.id) == col(Attachment.section_id))
                    .join(Document, col(Document.id) == col(Section.document_id))
                    .where(Document.project_id == project_id, col(Section.deleted_at).is_(None))
                    .group_by(col(Attachment.kind))
                ).all()
            )
            comments = session.exec(
                select(MinistryComment)
                .where(MinistryComment.project_id == project_id)
                .order_by(col(MinistryComment.id))
            ).all()
            open_comments = [
                OpenComment(c.id or 0, c.source, c.body, CommentState(c.state))
                for c in comments
                if CommentState(c.state).open
            ]
            total_comments = len(comments)
        conditions = {condition.key: condition for condition in regime.conditions}
        for row in self._checklist.conditions(project_id):
            items.append(condition_item(conditions[row.key], row.status, len(row.evidence)))
        items += [criterion_item(result) for result in self._checklist.criteria(project_id)]
        items += [attachment_item(a, int(attached.get(a.key, 0)), homes.get(a.key)) for a in required]
        items += milestone_items(self._milestones(project_id) if self._milestones else None)
        items += comment_items(open_comments, total_comments)
        return ReadinessReport(project_id, code, tuple(items))


def first_missing(session: Session, document_id: int, order: dict[int, int]) -> tuple[int | None, int | None]:
    """The first required section (in outline order) not written, and the first not approved."""
    rows = session.exec(
        select(Section.id, Section.word_count, Section.state, Section.changed_since_approval).where(
            Section.document_id == document_id, col(Section.required).is_(True), col(Section.deleted_at).is_(None)
        )
    ).all()
    ordered = sorted(rows, key=lambda r: order.get(r[0] or 0, len(order)))
    unwritten = next((r[0] for r in ordered if not r[1]), None)
    unapproved = next((r[0] for r in ordered if r[2] != SectionState.APPROVED.value or r[3]), None)
    return unwritten, unapproved


def _attachment_homes(session: Session, project_id: int, required: Sequence[RequiredAttachment]) -> dict[str, int]:
    """Per mandatory attachment, the section holding one, else the section the regime files it under."""
    homes: dict[str, int] = {}
    for attachment in required:
        kind = attachment.key
        held = session.exec(
            select(Section.id)
            .join(Attachment, col(Attachment.section_id) == col(Section.id))
            .join(Document, col(Document.id) == col(Section.document_id))
            .where(col(Document.project_id) == project_id, col(Section.deleted_at).is_(None), Attachment.kind == kind)
            .limit(1)
        ).first()
        if held is None:
            held = session.exec(
                select(Section.id)
                .join(Document, col(Document.id) == col(Section.document_id))
                .where(
                    col(Document.project_id) == project_id,
                    col(Section.deleted_at).is_(None),
                    col(Section.outline_key) == attachment.section_key,
                )
                .limit(1)
            ).first()
        if held is not None:
            homes[kind] = held
    return homes


def milestone_signals(milestones: MilestoneService) -> MilestoneProvider:
    """The provider reading each project's persisted land-recovery plan and its assessment as of today."""

    def provide(project_id: int) -> list[MilestoneSignal]:
        plan = milestones.plan(project_id)
        return [MilestoneSignal(m.key, m.title, plan.assessment(m.key).risk) for m in plan.milestones]

    return provide
