"""A project's home: readiness, review, land clearance, consultations and the last export, gathered in one call.

Every figure is a SQL count or sum (the register's too), so a 100,000-household register costs a few grouped
queries and never a row loaded into Python; the window gathers it off the GUI thread and draws the result.
"""

from dataclasses import dataclass
from datetime import datetime

from dossier_app.domain.milestones import Risk
from dossier_app.domain.readiness import (
    DocumentProgress,
    Group,
    Light,
    ReadinessItem,
    ReadinessReport,
    TargetKind,
)
from dossier_app.export.chart_values import WardFigures
from dossier_app.services.completeness.consultations import ConsultationOverview, ConsultationService
from dossier_app.services.completeness.readiness import ReadinessService, first_missing
from dossier_app.services.core.context import ServiceContext
from dossier_app.services.dossier.projects import ProjectService
from dossier_app.services.export.export_history import ExportHistory, ExportRecord
from dossier_app.services.register.register_dashboard import RegisterDashboard
from dossier_app.services.review import review_queues as queues
from dossier_app.services.review.comment_register import section_order

FIRST_TO_FIX = 4  # readiness items the home lists; the readiness window has them all


@dataclass(frozen=True)
class ReviewFigures:
    """Per document its required sections written, submitted and approved (with the first missing of each);
    what waits for a manager, the oldest first; what came back for changes."""

    documents: tuple[DocumentProgress, ...] = ()
    waiting: tuple[queues.SubmittedSection, ...] = ()
    returned: tuple[int, ...] = ()  # section ids, in outline order

    @property
    def required(self) -> int:
        """Required sections in the whole dossier."""
        return sum(d.required for d in self.documents)

    @property
    def written(self) -> int:
        """Required sections with text."""
        return sum(d.written for d in self.documents)

    @property
    def approved(self) -> int:
        """Required sections approved and unchanged since."""
        return sum(d.approved for d in self.documents)

    @property
    def first_unwritten(self) -> int | None:
        """The first required section without text, in outline order."""
        return next((d.first_unwritten for d in self.documents if d.first_unwritten is not None), None)

    @property
    def first_unapproved(self) -> int | None:
        """The first required section not approved, in outline order."""
        return next((d.first_unapproved for d in self.documents if d.first_unapproved is not None), None)

    @property
    def oldest_waiting(self) -> queues.SubmittedSection | None:
        """The section that has waited longest for approval."""
        return self.waiting[0] if self.waiting else None


@dataclass(frozen=True)
class MilestoneFlag:
    """A milestone of the plan that is overdue or at risk today."""

    key: str
    title: str
    risk: Risk


@dataclass(frozen=True)
class ProjectHome:
    """What the centre of the window shows for a project, as of one moment."""

    project_id: int
    code: str
    name: str
    readiness: ReadinessReport
    review: ReviewFigures
    clearance: WardFigures
    milestones: tuple[MilestoneFlag, ...]
    consultations: ConsultationOverview
    last_export: ExportRecord | None
    at: datetime

    def count(self, light: Light) -> int:
        """Readiness items of one light."""
        return self.readiness.count(light)

    @property
    def to_fix(self) -> tuple[ReadinessItem, ...]:
        """What to do next: red items before amber ones, and within each light the items beyond the documents first
        (the review figures already show each document's sections), in report order."""
        items = [item for item in self.readiness.items if item.light is not Light.GREEN]
        items.sort(key=lambda item: (item.light is not Light.RED, item.group is Group.DOCUMENTS))
        return tuple(items[:FIRST_TO_FIX])


class ProjectHomeService:
    """Gathers the home from the services' own read models; reads only."""

    def __init__(
        self,
        context: ServiceContext,
        projects: ProjectService,
        readiness: ReadinessService,
        dashboard: RegisterDashboard,
        consultations: ConsultationService,
        history: ExportHistory,
    ) -> None:
        self._context = context
        self._projects = projects
        self._readiness = readiness
        self._dashboard = dashboard
        self._consultations = consultations
        self._history = history

    def home(self, project_id: int) -> ProjectHome:
        """The project's home now (NotFound when the project is gone)."""
        project = self._projects.get(project_id)
        report = self._readiness.report(project_id)
        return ProjectHome(
            project_id=project_id,
            code=project.code,
            name=project.name,
            readiness=report,
            review=self.review(project_id),
            clearance=self._dashboard.totals(project_id),
            milestones=milestone_flags(report),
            consultations=self._consultations.overview(project_id),
            last_export=self._history.latest(project_id),
            at=self._context.clock(),
        )

    def review(self, project_id: int) -> ReviewFigures:
        """The review figures of one project (required sections only for written, submitted and approved)."""
        now = self._context.clock()
        with self._context.database.begin() as session:
            order = section_order(session, project_id)
            documents = []
            for d in queues.overview(session, project_id):
                unwritten, unapproved = first_missing(session, d.document_id, order)
                documents.append(
                    DocumentProgress(
                        d.document_id,
                        d.title,
                        d.required_total,
                        d.written,
                        d.submitted,
                        d.approved,
                        unwritten,
                        unapproved,
                    )
                )
            waiting = tuple(row for row in queues.submitted_sections(session, now) if row.project_id == project_id)
            returned = tuple(queues.returned_in_project(session, project_id))
        return ReviewFigures(tuple(documents), waiting, returned)


def milestone_flags(report: ReadinessReport) -> tuple[MilestoneFlag, ...]:
    """The overdue (red) and at-risk (amber) milestones the readiness report already assessed, overdue first."""
    risks = {Light.RED: Risk.OVERDUE, Light.AMBER: Risk.AT_RISK}
    flags = [
        MilestoneFlag(item.target.ref, str(item.params.get("title", "")), risks[item.light])
        for item in report.group(Group.MILESTONES)
        if item.light in risks and item.target.kind is TargetKind.MILESTONE and item.target.ref
    ]
    return tuple(sorted(flags, key=lambda flag: flag.risk is not Risk.OVERDUE))
