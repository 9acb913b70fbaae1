"""Creating, editing and listing projects; a new project gets its regime's documents and sections."""

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from decimal import Decimal, InvalidOperation

from sqlalchemy import case, func
from sqlmodel import Session, col, select

from dossier_app.domain.enums import AuditAction, DocumentKind, ParkKind
from dossier_app.domain.errors import QT_TRANSLATE_NOOP, Conflict, NotFound, ValidationFailed
from dossier_app.domain.lifecycle import Action
from dossier_app.domain.models import Document, Project, Section, new_uid, utc_now
from dossier_app.domain.organ_codes import GOVERNMENT_OFFICE, organ_code
from dossier_app.domain.outline import OutlineNode, Regime
from dossier_app.domain.text import searchable
from dossier_app.services.accounts.audit import AuditTrail, shorten
from dossier_app.services.core.context import ServiceContext
from dossier_app.services.core.permissions import require_action
from dossier_app.services.dossier.regime_switch import (
    OutsideSection,
    RegimeSwitchPlan,
    apply_switch,
    document_uid_key,
    outside_sections,
    plan_switch,
    section_uid_key,
)

CODE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$")
DEFAULT_REGIME = {ParkKind.HIGH_TECH: "nd10_2024", ParkKind.IT_PARK: "nd154_2013"}


@dataclass(frozen=True)
class ProjectInput:
    """What a user types into the project form."""

    code: str
    name: str
    kind: ParkKind
    regime_key: str
    location: str = ""
    ward: str = ""
    area_ha: Decimal | None = None
    investor: str = ""
    total_investment_vnd: int | None = None
    governing_body: str = ""
    issuing_body: str = ""
    signer_title: str = ""
    signer_name: str = ""
    sender_organ_code: str = ""  # electronic identification codes for the edXML message (domain/organ_codes.py)
    recipient_organ_code: str = GOVERNMENT_OFFICE


@dataclass(frozen=True)
class ProjectView(ProjectInput):
    """A stored project, with its id."""

    id: int = 0


@dataclass(frozen=True)
class ProjectSummary:
    """One line of the project list: who it is and how far its required sections are written."""

    id: int
    code: str
    name: str
    kind: ParkKind
    regime_key: str
    required_written: int
    required_total: int


def parse_area(text: str) -> Decimal | None:
    """Read an area in hectares as typed (comma or dot as the decimal mark)."""
    text = text.strip().replace(" ", "")
    if not text:
        return None
    if "," in text and "." in text:
        text = text.replace(".", "").replace(",", ".")
    else:
        text = text.replace(",", ".")
    try:
        return Decimal(text)
    except InvalidOperation:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("Errors", "The area '{value}' is not a number of hectares."),
            field="area_ha",
            value=text,
        ) from None


def parse_vnd(text: str) -> int | None:
    """Read an amount of đồng as typed, with dots, commas or spaces between thousands."""
    digits = re.sub(r"[\s.,_]|đ|VND", "", text.strip(), flags=re.IGNORECASE)
    if not digits:
        return None
    if not digits.lstrip("-").isdigit():
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("Errors", "The amount '{value}' is not a whole number of đồng."),
            field="total_investment_vnd",
            value=text,
        )
    return int(digits)


def _validate(data: ProjectInput, regimes: dict[str, Regime]) -> ProjectInput:
    code = data.code.strip()
    if not CODE_PATTERN.match(code):
        raise ValidationFailed(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The project code '{value}' must be 1 to 32 letters, digits, dots, dashes or underscores.",
            ),
            field="code",
            value=code,
        )
    if not data.name.strip():
        raise ValidationFailed(QT_TRANSLATE_NOOP("Errors", "The project name is empty."), field="name")
    if data.area_ha is not None and data.area_ha < 0:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("Errors", "The area cannot be negative ({value} ha)."),
            field="area_ha",
            value=data.area_ha,
        )
    if data.total_investment_vnd is not None and data.total_investment_vnd < 0:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("Errors", "The total investment cannot be negative."),
            field="total_investment_vnd",
        )
    if data.regime_key not in regimes:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("Errors", "Unknown legal regime '{value}'."),
            field="regime_key",
            value=data.regime_key,
        )
    if regimes[data.regime_key].park_kind != data.kind:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("Errors", "The regime {value} does not apply to this kind of park."),
            field="regime_key",
            value=regimes[data.regime_key].code,
        )
    cleaned = {f.name: getattr(data, f.name) for f in fields(ProjectInput)}
    for name, value in cleaned.items():
        if isinstance(value, str):
            cleaned[name] = value.strip()
    for name in ("sender_organ_code", "recipient_organ_code"):
        cleaned[name] = organ_code(cleaned[name], name)
    return ProjectInput(**cleaned)


def _view(project: Project) -> ProjectView:
    values = {f.name: getattr(project, f.name) for f in fields(ProjectInput)}
    values["kind"] = ParkKind(project.kind)
    if values["area_ha"] is not None:
        values["area_ha"] = Decimal(values["area_ha"])
    return ProjectView(id=project.id or 0, **values)


def _changes(before: ProjectView, after: ProjectView) -> str:
    """The fields an edit changed, old → new, shortened for the audit trail."""
    changed = [
        f"{f.name} {shorten(str(getattr(before, f.name)), 60)!r} → {shorten(str(getattr(after, f.name)), 60)!r}"
        for f in fields(ProjectInput)
        if getattr(before, f.name) != getattr(after, f.name)
    ]
    return "; ".join(changed) if changed else "no field changed"


def instantiate_outline(
    session: Session, project: Project, regime: Regime, actor: str, uids: Mapping[str, str] | None = None
) -> None:
    """Create the project's documents and their section trees from the regime's outlines; `uids` gives rows the
    ids a desktop made them with (a project made on a replica keeps them on the server)."""
    given = uids or {}

    def add_nodes(document: Document, parent: Section | None, nodes: tuple[OutlineNode, ...]) -> None:
        for node in nodes:
            section = Section(
                uid=given.get(section_uid_key(document.kind, node.key)) or new_uid(),
                document_id=document.id or 0,
                parent_id=parent.id if parent else None,
                outline_key=node.key,
                title=node.title_vi,
                required=node.required,
                position=node.order,
                search_text=searchable(node.title_vi, ""),
                updated_by=actor,
            )
            session.add(section)
            session.flush()
            add_nodes(document, section, node.children)

    for position, outline in enumerate(regime.documents):
        document = Document(
            uid=given.get(document_uid_key(outline.kind)) or new_uid(),
            project_id=project.id or 0,
            kind=outline.kind,
            title=outline.title_vi,
            position=position,
        )
        session.add(document)
        session.flush()
        add_nodes(document, None, outline.sections)


class ProjectService:
    """Projects: the facts of each park and the dossier that goes with it."""

    def __init__(self, context: ServiceContext, audit: AuditTrail) -> None:
        self._context = context
        self._audit = audit

    def create(self, data: ProjectInput, *, uids: Mapping[str, str] | None = None) -> ProjectView:
        """Store a new project and lay out its dossier from its regime; `uids` (under "project",
        `document_uid_key`, `section_uid_key`): the ids a desktop made them with, for a project made on a replica."""
        data = _validate(data, self._context.regimes)
        actor = self._context.operator.name
        with self._context.database.begin() as session:
            require_action(session, self._context, Action.EDIT_PROJECT)
            self._refuse_duplicate(session, data.code, None)
            values = {f.name: getattr(data, f.name) for f in fields(ProjectInput)}
            project = Project(**values, uid=(uids or {}).get("project") or new_uid(), updated_by=actor)
            session.add(project)
            session.flush()
            instantiate_outline(session, project, self._context.regime(data.regime_key), actor, uids)
            from dossier_app.services.milestones.milestone_rows import insert_plan  # the milestone tables: on create

            insert_plan(session, project.id or 0, actor)
            view = _view(project)
            summary = f"{view.code} '{view.name}', {view.kind.value}, regime {view.regime_key}"
            self._audit.record(session, actor, AuditAction.PROJECT_CREATE, "project", view.id, summary, view.id)
            return view

    def update(self, project_id: int, data: ProjectInput, *, uids: Mapping[str, str] | None = None) -> ProjectView:
        """Change a project's facts; a new regime maps the sections by key (see services/dossier/regime_switch.py),
        the rows it makes taking `uids` (a switch made on a replica)."""
        data = _validate(data, self._context.regimes)
        with self._context.database.begin() as session:
            require_action(session, self._context, Action.EDIT_PROJECT)
            project = self._get(session, project_id)
            old_regime = project.regime_key
            if data.kind != project.kind:
                raise ValidationFailed(
                    QT_TRANSLATE_NOOP("Errors", "The kind of park of an existing project cannot be changed."),
                    field="kind",
                )
            self._refuse_duplicate(session, data.code, project_id)
            before = _view(project)
            for f in fields(ProjectInput):
                setattr(project, f.name, getattr(data, f.name))
            project.updated_at = utc_now()
            project.updated_by = self._context.operator.name
            session.add(project)
            session.flush()
            view = _view(project)
            summary = f"{view.code}: {_changes(before, view)}"
            actor = self._context.operator.name
            self._audit.record(session, actor, AuditAction.PROJECT_UPDATE, "project", view.id, summary, view.id)
            if data.regime_key != old_regime:
                regimes = self._context.regime(old_regime), self._context.regime(data.regime_key)
                plan = apply_switch(session, project, *regimes, actor, uids)
                summary = f"{view.code}: {plan.summary()}"
                self._audit.record(session, actor, AuditAction.PROJECT_REGIME, "project", view.id, summary, view.id)
            return view

    def regime_switch_plan(self, project_id: int, regime_key: str) -> RegimeSwitchPlan:
        """What switching the project to a regime would do, to show before asking for confirmation."""
        with self._context.database.begin() as session:
            project = self._get(session, project_id)
            old, new = self._context.regime(project.regime_key), self._context.regime(regime_key)
            return plan_switch(session, project, old, new)

    def outside_regime(self, project_id: int) -> tuple[OutsideSection, ...]:
        """Sections kept from an earlier regime whose keys the project's regime lacks."""
        with self._context.database.begin() as session:
            project = self._get(session, project_id)
            return outside_sections(session, project, self._context.regime(project.regime_key))

    def get(self, project_id: int) -> ProjectView:
        """One project's facts."""
        with self._context.database.begin() as session:
            return _view(self._get(session, project_id))

    def by_code(self, code: str) -> ProjectView:
        """A project by its code, as the command line names it."""
        with self._context.database.begin() as session:
            project = session.exec(select(Project).where(func.upper(Project.code) == code.strip().upper())).first()
            if project is None:
                raise NotFound(QT_TRANSLATE_NOOP("Errors", "There is no project with the code '{code}'."), code=code)
            return _view(project)

    def summaries(self) -> list[ProjectSummary]:
        """All projects by code, with required sections written over required sections."""
        with self._context.database.begin() as session:
            written = func.sum(case((col(Section.word_count) > 0, 1), else_=0))
            counts = dict(
                (row[0], (int(row[1] or 0), int(row[2] or 0)))
                for row in session.exec(
                    select(Document.project_id, written, func.count(col(Section.id)))
                    .join(Section, col(Section.document_id) == col(Document.id))
                    .where(col(Section.required).is_(True), col(Section.deleted_at).is_(None))
                    .group_by(col(Document.project_id))
                )
            )
            projects = session.exec(select(Project).order_by(col(Project.code))).all()
            return [
                ProjectSummary(
                    id=p.id or 0,
                    code=p.code,
                    name=p.name,
                    kind=ParkKind(p.kind),
                    regime_key=p.regime_key,
                    required_written=counts.get(p.id or 0, (0, 0))[0],
                    required_total=counts.get(p.id or 0, (0, 0))[1],
                )
                for p in projects
            ]

    def documents(self, project_id: int) -> list[tuple[int, DocumentKind, str]]:
        """The project's documents: id, kind and title, in filing order."""
        with self._context.database.begin() as session:
            rows = session.exec(
                select(Document).where(Document.project_id == project_id).order_by(col(Document.position))
            ).all()
            return [(d.id or 0, DocumentKind(d.kind), d.title) for d in rows]

    @staticmethod
    def _get(session: Session, project_id: int) -> Project:
        project = session.get(Project, project_id)
        if project is None:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "The project no longer exists."))
        return project

    @staticmethod
    def _refuse_duplicate(session: Session, code: str, own_id: int | None) -> None:
        existing = session.exec(select(Project).where(func.upper(Project.code) == code.upper())).first()
        if existing is not None and existing.id != own_id:
            raise Conflict(QT_TRANSLATE_NOOP("Errors", "A project with the code '{code}' already exists."), code=code)
