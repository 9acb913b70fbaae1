"""The package's documents built from the database: Phụ lục I from the checklist, II (the milestone plan with its
Gantt chart) and III (the register by ward with the dashboard charts and every household), the bảng tổng hợp of
the comment register, and the readiness gate of a final export."""

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from dossier_app.domain.enums import DocumentKind
from dossier_app.export.appendices import (
    PLAN_APPENDIX,
    REGISTER_APPENDIX,
    HouseholdLine,
    build_plan_appendix,
    build_register_appendix,
)
from dossier_app.export.appendix_conditions import (
    ConditionLine,
    CriterionLine,
    build_conditions_appendix,
    section_numbers,
)
from dossier_app.export.charts import (
    ChartCall,
    ChartSize,
    area_by_ward_png,
    draw_charts,
    gantt_png,
    money_by_ward_png,
    parties_by_step_png,
)
from dossier_app.export.comment_register_doc import build_comment_register
from dossier_app.export.documents import Letterhead, SchemeContent, SectionText
from dossier_app.export.plan import Document, DocumentSettings
from dossier_app.services.accounts.audit import AuditTrail
from dossier_app.services.completeness.checklist import ChecklistService
from dossier_app.services.core.context import ServiceContext
from dossier_app.services.milestones.milestones import MilestoneService
from dossier_app.services.register.catalogues import CatalogueService
from dossier_app.services.register.register import RegisterService
from dossier_app.services.register.register_dashboard import RegisterDashboard
from dossier_app.services.review.comment_register import CommentRegisterService

SHORT_NAMES = {DocumentKind.TO_TRINH: "Tờ trình", DocumentKind.DE_AN: "Đề án"}
SectionRef = tuple[int, str | None]  # a section's id and outline key


def section_labels(
    document_title: str, kind: DocumentKind, refs: Sequence[SectionRef], tree: Sequence[SectionText]
) -> dict[int, str]:
    """Each section's evidence label with the numbering its document prints: 'Tờ trình, mục II.1'."""
    intro = SchemeContent("").intro_keys if kind is DocumentKind.DE_AN else None
    numbers = section_numbers(tree, intro)
    labels: dict[int, str] = {}
    for section_id, key in refs:
        number = numbers.get(key or "")
        if number is None:
            continue
        place = number if number.startswith("Chương") else f"mục {number}" if number else "phần mở đầu"
        labels[section_id] = f"{SHORT_NAMES.get(kind, document_title)}, {place}"
    return labels


def conditions_appendix(
    checklist: ChecklistService,
    project_id: int,
    letterhead: Letterhead,
    letter_symbol: str,
    sections: Mapping[int, str],
    hashes: Mapping[int, str],
    settings: DocumentSettings,
) -> Document:
    """Phụ lục I from the checklist: `sections` labels section ids, `hashes` gives attachment ids their SHA-256."""
    lines = []
    for row in checklist.conditions(project_id):
        evidence = []
        for link in row.evidence:
            if link.kind == "section":
                where = sections.get(link.id)
                evidence.append(f"{where}: {link.title}" if where else link.title)
            else:
                digest = hashes.get(link.id, "")
                evidence.append(f"{link.title} (SHA-256 {digest[:12]})" if digest else link.title)
        lines.append(ConditionLine(row.label, row.title_vi, row.status, row.note, tuple(evidence)))
    criteria = [
        CriterionLine(c.title_vi, c.operator, c.threshold, c.unit, c.value, c.outcome)
        for c in checklist.criteria(project_id)
    ]
    return build_conditions_appendix(letterhead, letter_symbol, lines, criteria, settings)


def comment_register_document(
    comments: CommentRegisterService,
    project_id: int,
    letterhead: Letterhead,
    subject: str,
    letter: Letterhead,
    letter_symbol: str,
    settings: DocumentSettings,
) -> Document:
    """The bảng tổng hợp, tiếp thu, giải trình ý kiến of the project's register, in document order."""
    rows = comments.rows(project_id)
    return build_comment_register(letterhead, subject, letter, letter_symbol, rows, settings)


# Charts at the text width (165 mm ≈ 6.5 in) and a resolution that prints sharply without bloating the files.
GANTT_SIZE = ChartSize(width_in=6.5, dpi=150)
DASHBOARD_SIZE = ChartSize(width_in=6.5, height_in=3.4, dpi=150)


APPENDIX_TITLES = dict((PLAN_APPENDIX, REGISTER_APPENDIX))  # file name stem → title, in package order


@dataclass(frozen=True, eq=False)  # one appendix is itself, not every appendix with equal fields
class PendingAppendix:
    """An appendix read from the database whose charts are still to be drawn: `build` makes the document from the
    PNGs of `charts`, in their order, wherever they were drawn (an export draws them in a worker process)."""

    name: str
    charts: tuple[ChartCall, ...]
    build: Callable[[Sequence[bytes]], Document]
    reference: Path | None = None  # the Word reference document of exports/ the appendix opens

    def built(self, pngs: Sequence[bytes]) -> Document:
        """The document from its charts' PNGs, opening its reference document."""
        return replace(self.build(pngs), reference=self.reference)

    def document(self) -> Document:
        """Draw the charts here and build the document."""
        return self.built(draw_charts(self.charts))


class ExportAppendices:
    """Builds Appendices II and III of one project; reads only (the plan service may create a default plan)."""

    def __init__(self, context: ServiceContext, audit: AuditTrail) -> None:
        self._milestones = MilestoneService(context, audit)
        self._dashboard = RegisterDashboard(context)
        self._register = RegisterService(context, audit, CatalogueService(context, audit))

    def plans(
        self,
        project_id: int,
        letterhead: Letterhead,
        letter_symbol: str,
        settings: DocumentSettings,
        wanted: Collection[str] | None = None,
    ) -> list[Document]:
        """Appendices II and III, or those of them named in `wanted` (None: both): the others cost no query or
        chart."""
        return [pending.document() for pending in self.pending(project_id, letterhead, letter_symbol, settings, wanted)]

    def pending(
        self,
        project_id: int,
        letterhead: Letterhead,
        letter_symbol: str,
        settings: DocumentSettings,
        wanted: Collection[str] | None = None,
    ) -> list[PendingAppendix]:
        """Appendices II and III (or those named in `wanted`) read from the database, their charts not drawn yet."""
        out: list[PendingAppendix] = []
        if wanted is None or PLAN_APPENDIX[0] in wanted:
            out.append(self.pending_plan_appendix(project_id, letterhead, letter_symbol, settings))
        if wanted is None or REGISTER_APPENDIX[0] in wanted:
            out.append(self.pending_register_appendix(project_id, letterhead, letter_symbol, settings))
        return out

    def plan_appendix(
        self,
        project_id: int,
        letterhead: Letterhead,
        letter_symbol: str,
        settings: DocumentSettings,
        today: date | None = None,
    ) -> Document:
        """Appendix II: the milestone plan as of `today` (the service's today), as a table and a Gantt chart by
        month."""
        return self.pending_plan_appendix(project_id, letterhead, letter_symbol, settings, today).document()

    def pending_plan_appendix(
        self,
        project_id: int,
        letterhead: Letterhead,
        letter_symbol: str,
        settings: DocumentSettings,
        today: date | None = None,
    ) -> PendingAppendix:
        """Appendix II read from the database, its Gantt chart (when the plan has dates) still to draw."""
        today = today or self._milestones.today()
        view = self._milestones.plan(project_id, today=today)
        dated = any(m.start() or m.end() for m in view.milestones)
        milestones, deadlines, assessments = tuple(view.milestones), tuple(view.deadlines), tuple(view.assessments)
        charts = (
            (
                ChartCall(
                    gantt_png,
                    (milestones, deadlines, assessments),
                    {"today": today, "scale": "month", "size": GANTT_SIZE},
                ),
            )
            if dated
            else ()
        )

        def build(pngs: Sequence[bytes]) -> Document:
            chart = pngs[0] if pngs else None
            return build_plan_appendix(letterhead, letter_symbol, milestones, deadlines, assessments, chart, settings)

        return PendingAppendix(PLAN_APPENDIX[0], charts, build)

    def register_appendix(
        self, project_id: int, letterhead: Letterhead, letter_symbol: str, settings: DocumentSettings
    ) -> Document:
        """Appendix III: the register by ward and step with money and area, its charts, and every household."""
        return self.pending_register_appendix(project_id, letterhead, letter_symbol, settings).document()

    def pending_register_appendix(
        self, project_id: int, letterhead: Letterhead, letter_symbol: str, settings: DocumentSettings
    ) -> PendingAppendix:
        """Appendix III read from the database, its three dashboard charts (when the register has wards) to draw."""
        figures = self._dashboard.figures(project_id)
        wards = tuple(figures.wards)
        captions = (
            "Số hộ theo bước thực hiện, theo phường",
            "Kinh phí đã phê duyệt và đã chi trả, theo phường",
            "Diện tích thu hồi và đã bàn giao, theo phường",
        )
        charts = (
            tuple(
                ChartCall(draw, (wards, DASHBOARD_SIZE))
                for draw in (parties_by_step_png, money_by_ward_png, area_by_ward_png)
            )
            if wards
            else ()
        )
        households = self.households(project_id)

        def build(pngs: Sequence[bytes]) -> Document:
            drawn = list(zip(pngs, captions, strict=False))
            return build_register_appendix(letterhead, letter_symbol, wards, figures.total, drawn, households, settings)

        return PendingAppendix(REGISTER_APPENDIX[0], charts, build)

    def households(self, project_id: int) -> list[HouseholdLine]:
        """Every household of the project by ward (then as entered), with its totals, in one SQL query."""
        rows = self._register.parties(project_id, sort="ward", limit=1_000_000)
        return [
            HouseholdLine(row.code, row.name, row.ward, row.recovered_area_m2, row.compensation_vnd, row.step)
            for row in rows
        ]
