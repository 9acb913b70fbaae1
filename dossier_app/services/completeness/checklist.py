"""The conditions checklist of a project: each condition's status, note and evidence, and the numeric criteria."""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from sqlmodel import Session, col, select

from dossier_app.domain.conditions import (
    ConditionStatus,
    CriterionResult,
    criterion_for,
    evaluate,
    evaluate_all,
)
from dossier_app.domain.conditions import (
    ProjectFacts as Facts,
)
from dossier_app.domain.enums import AuditAction
from dossier_app.domain.errors import QT_TRANSLATE_NOOP, NotFound, ValidationFailed
from dossier_app.domain.lifecycle import Action
from dossier_app.domain.models import (
    Attachment,
    ConditionCheck,
    ConditionEvidence,
    Document,
    Project,
    ProjectFacts,
    Section,
    new_uid,
    utc_now,
)
from dossier_app.domain.outline import Regime
from dossier_app.services.accounts.audit import AuditTrail
from dossier_app.services.core.context import ServiceContext
from dossier_app.services.core.permissions import require_action


@dataclass(frozen=True)
class EvidenceLink:
    """A section or an attachment that proves a condition."""

    kind: str  # "section" or "attachment"
    id: int
    title: str
    section_id: int  # the section itself, or the one the attachment is filed with


@dataclass(frozen=True)
class ConditionRow:
    """One condition of the project's regime with its assessment and, where it has one, its numeric criterion."""

    key: str
    label: str
    title_vi: str
    title_en: str
    guidance_vi: str
    guidance_en: str
    status: ConditionStatus
    note: str
    evidence: tuple[EvidenceLink, ...]
    criterion: CriterionResult | None


@dataclass(frozen=True)
class EvidenceChoice:
    """Something a condition can cite: a live section of the project or an attachment of one."""

    kind: str
    id: int
    title: str
    section_id: int
    attachment_kind: str = ""


def parse_fact(text: str, field: str) -> Decimal | None:
    """Read a figure as typed (comma or dot as the decimal mark, spaces or dots between thousands); empty is None."""
    cleaned = text.strip().replace(" ", "").replace("%", "")
    if not cleaned:
        return None
    if "," in cleaned and "." in cleaned:
        cleaned = cleaned.replace(".", "").replace(",", ".")
    else:
        cleaned = cleaned.replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        value = Decimal("NaN")
    if not value.is_finite() or value < 0:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("Errors", "'{value}' is not a number zero or above."), field=field, value=text.strip()
        )
    return value


def parse_count(text: str, field: str) -> int | None:
    """Read a number of people as typed (spaces, dots or commas between thousands); empty is None."""
    cleaned = text.strip().replace(" ", "").replace(".", "").replace(",", "")
    if not cleaned:
        return None
    if not cleaned.isdigit():
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("Errors", "'{value}' is not a whole number of people."), field=field, value=text.strip()
        )
    return int(cleaned)


def _check_facts(facts: Facts) -> None:
    """Refuse facts that cannot all be true, before anything is stored."""
    for name in ("building_density_pct", "existing_parks_occupancy_pct"):
        value = getattr(facts, name)
        if value is not None and not Decimal(0) <= value <= Decimal(100):
            raise ValidationFailed(
                QT_TRANSLATE_NOOP("Errors", "A percentage must be between 0 and 100."), field=name, value=str(value)
            )
    for name in ("it_workers", "total_workforce", "land_area_ha", "core_area_ha", "construction_land_ha"):
        value = getattr(facts, name)
        if value is not None and value < 0:
            raise ValidationFailed(QT_TRANSLATE_NOOP("Errors", "A figure cannot be negative."), field=name)
    if facts.it_workers is not None and facts.total_workforce is not None and facts.it_workers > facts.total_workforce:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("Errors", "The IT workers cannot outnumber the whole workforce."), field="it_workers"
        )
    if (
        facts.core_area_ha is not None
        and facts.construction_land_ha is not None
        and facts.core_area_ha > facts.construction_land_ha
    ):
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("Errors", "The core functional zone cannot be larger than the construction land."),
            field="core_area_ha",
        )


FACT_FIELDS = (  # what a project's facts row holds (the land area is the project's own)
    "it_workers",
    "total_workforce",
    "core_area_ha",
    "construction_land_ha",
    "building_density_pct",
    "existing_parks_occupancy_pct",
    "software_only",
    "expansion",
)


def _facts(project: Project, row: ProjectFacts | None) -> Facts:
    if row is None:
        return Facts(land_area_ha=project.area_ha)
    return Facts(
        it_workers=row.it_workers,
        total_workforce=row.total_workforce,
        land_area_ha=project.area_ha,
        core_area_ha=row.core_area_ha,
        construction_land_ha=row.construction_land_ha,
        building_density_pct=row.building_density_pct,
        existing_parks_occupancy_pct=row.existing_parks_occupancy_pct,
        software_only=row.software_only,
        expansion=row.expansion,
    )


class ChecklistService:
    """Reading and editing a project's facts, condition statuses, notes and evidence links."""

    def __init__(self, context: ServiceContext, audit: AuditTrail) -> None:
        self._context = context
        self._audit = audit

    # Facts and criteria ------------------------------------------------------------------------------

    def facts(self, project_id: int) -> Facts:
        """The project's facts (land area from the project itself)."""
        with self._context.database.begin() as session:
            project = _project(session, project_id)
            return _facts(project, session.get(ProjectFacts, project_id))

    def save_facts(self, project_id: int, facts: Facts) -> Facts:
        """Store the facts the numeric criteria are computed from; the land area is the project's area."""
        _check_facts(facts)
        with self._context.database.begin() as session:
            require_action(session, self._context, Action.EDIT_PROJECT)
            project = _project(session, project_id)
            row = session.get(ProjectFacts, project_id) or ProjectFacts(project_id=project_id)
            for name in FACT_FIELDS:
                setattr(row, name, getattr(facts, name))
            row.updated_at = utc_now()
            row.updated_by = self._context.operator.name
            project.area_ha = facts.land_area_ha
            session.add(row)
            session.add(project)
            summary = f"{project.code}: " + ", ".join(
                f"{name}={value}" for name, value in vars(facts).items() if value not in (None, False)
            )
            self._record(session, AuditAction.FACTS_UPDATE, "project", project_id, summary[:500], project_id)
            return _facts(project, row)

    def criteria(self, project_id: int) -> list[CriterionResult]:
        """Every numeric criterion of the project's regime, checked against its facts."""
        with self._context.database.begin() as session:
            project = _project(session, project_id)
            facts = _facts(project, session.get(ProjectFacts, project_id))
            regime = self._context.regime(project.regime_key)
        return evaluate_all(regime.criteria, facts)

    # Conditions --------------------------------------------------------------------------------------

    def conditions(self, project_id: int) -> list[ConditionRow]:
        """The conditions of the project's regime in the regime's order, each with its assessment."""
        with self._context.database.begin() as session:
            project = _project(session, project_id)
            regime = self._context.regime(project.regime_key)
            facts = _facts(project, session.get(ProjectFacts, project_id))
            checks = {
                c.condition_key: c
                for c in session.exec(select(ConditionCheck).where(ConditionCheck.project_id == project_id)).all()
            }
            evidence = _evidence(session, [c.id or 0 for c in checks.values()])
        rows = []
        for condition in regime.conditions:
            check = checks.get(condition.key)
            criterion = criterion_for(condition, regime.criteria)
            rows.append(
                ConditionRow(
                    key=condition.key,
                    label=condition.label,
                    title_vi=condition.title_vi,
                    title_en=condition.title_en,
                    guidance_vi=condition.guidance_vi,
                    guidance_en=condition.guidance_en,
                    status=ConditionStatus(check.status) if check else ConditionStatus.UNKNOWN,
                    note=check.note if check else "",
                    evidence=tuple(evidence.get(check.id or 0, ())) if check else (),
                    criterion=evaluate(criterion, facts) if criterion else None,
                )
            )
        return rows

    def set_condition(
        self,
        project_id: int,
        condition_key: str,
        status: ConditionStatus,
        note: str,
        evidence: list[tuple[str, int]] | None = None,
        *,
        uid: str | None = None,
    ) -> ConditionRow:
        """Set a condition's status and note and, when given, replace its evidence ("section"/"attachment", id): the
        links kept stay the rows they were (a replica syncs links added and removed, not the whole list again).
        `uid`: the assessment's, when it is made now (a desktop's pushed assessment keeps the desktop's)."""
        with self._context.database.begin() as session:
            require_action(session, self._context, Action.EDIT)
            project = _project(session, project_id)
            regime = self._context.regime(project.regime_key)
            _condition(regime, condition_key)
            links = _valid_links(session, project_id, evidence) if evidence is not None else None
            check = session.exec(
                select(ConditionCheck).where(
                    ConditionCheck.project_id == project_id, ConditionCheck.condition_key == condition_key
                )
            ).first()
            if check is None:
                check = ConditionCheck(project_id=project_id, condition_key=condition_key, uid=uid or new_uid())
            check.status = ConditionStatus(status).value
            check.note = note.strip()
            check.updated_at = utc_now()
            check.updated_by = self._context.operator.name
            session.add(check)
            session.flush()
            if links is not None:
                held = {
                    _link_of(row): row
                    for row in session.exec(
                        select(ConditionEvidence).where(ConditionEvidence.check_id == check.id)
                    ).all()
                }
                for link, row in held.items():
                    if link not in links:
                        session.delete(row)
                for kind, ref in links:
                    if (kind, ref) not in held:
                        session.add(_evidence_row(check.id or 0, kind, ref))
            summary = f"{project.code} {condition_key}: {check.status}" + (
                f", {len(links)} evidence" if links is not None else ""
            )
            self._record(session, AuditAction.CONDITION_UPDATE, "condition", check.id, summary, project_id)
        return next(row for row in self.conditions(project_id) if row.key == condition_key)

    def link_evidence(self, check_id: int, kind: str, ref: int, uid: str | None = None) -> None:
        """Add one evidence link to an assessment (a link a desktop made offline, pushed); one already there stays."""
        with self._context.database.begin() as session:
            require_action(session, self._context, Action.EDIT)
            check = _check(session, check_id)
            [link] = _valid_links(session, check.project_id, [(kind, ref)])
            held = session.exec(select(ConditionEvidence).where(ConditionEvidence.check_id == check_id)).all()
            if link in {_link_of(row) for row in held}:
                return
            session.add(_evidence_row(check_id, kind, ref, uid))
            summary = f"{check.condition_key}: evidence {kind} {ref} linked"
            self._record(session, AuditAction.CONDITION_UPDATE, "condition", check_id, summary, check.project_id)

    def unlink_evidence(self, link_id: int) -> None:
        """Remove one evidence link (a link a desktop removed offline, pushed); one already gone is no error."""
        with self._context.database.begin() as session:
            require_action(session, self._context, Action.EDIT)
            row = session.get(ConditionEvidence, link_id)
            if row is None:
                return
            check = _check(session, row.check_id)
            kind, ref = _link_of(row)
            session.delete(row)
            summary = f"{check.condition_key}: evidence {kind} {ref} unlinked"
            self._record(session, AuditAction.CONDITION_UPDATE, "condition", check.id, summary, check.project_id)

    def evidence_choices(self, project_id: int) -> list[EvidenceChoice]:
        """The live sections of the project in document order, then its attachments."""
        with self._context.database.begin() as session:
            _project(session, project_id)
            sections = session.exec(
                select(Section.id, Section.title)
                .join(Document, col(Document.id) == col(Section.document_id))
                .where(Document.project_id == project_id, col(Section.deleted_at).is_(None))
                .order_by(col(Document.position), col(Section.position), col(Section.id))
            ).all()
            attachments = session.exec(
                select(Attachment.id, Attachment.name, Attachment.section_id, Attachment.kind)
                .join(Section, col(Section.id) == col(Attachment.section_id))
                .join(Document, col(Document.id) == col(Section.document_id))
                .where(Document.project_id == project_id, col(Section.deleted_at).is_(None))
                .order_by(col(Attachment.id))
            ).all()
        choices = [EvidenceChoice("section", sid or 0, title, sid or 0) for sid, title in sections]
        choices += [EvidenceChoice("attachment", aid or 0, name, sid, kind) for aid, name, sid, kind in attachments]
        return choices

    def _record(
        self, session: Session, action: AuditAction, entity: str, entity_id: object, summary: str, project_id: int
    ) -> None:
        self._audit.record(session, self._context.operator.name, action, entity, entity_id, summary, project_id)


def _project(session: Session, project_id: int) -> Project:
    project = session.get(Project, project_id)
    if project is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "The project no longer exists."))
    return project


def _condition(regime: Regime, key: str) -> None:
    if not any(condition.key == key for condition in regime.conditions):
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("Errors", "The regime has no condition '{key}'."), field="condition_key", key=key
        )


def _check(session: Session, check_id: int) -> ConditionCheck:
    check = session.get(ConditionCheck, check_id)
    if check is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "The condition's assessment no longer exists."))
    return check


def _link_of(row: ConditionEvidence) -> tuple[str, int]:
    """A stored link as ("section"/"attachment", id)."""
    return ("section", row.section_id) if row.section_id is not None else ("attachment", row.attachment_id or 0)


def _evidence_row(check_id: int, kind: str, ref: int, uid: str | None = None) -> ConditionEvidence:
    return ConditionEvidence(
        check_id=check_id,
        section_id=ref if kind == "section" else None,
        attachment_id=ref if kind == "attachment" else None,
        uid=uid or new_uid(),
    )


def _valid_links(session: Session, project_id: int, links: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The links, each checked to be a live section or attachment of this project."""
    result = []
    for kind, ref in dict.fromkeys(links):
        section_id: int | None = None
        if kind == "section":
            section_id = ref
        elif kind == "attachment":
            attachment = session.get(Attachment, ref)
            section_id = attachment.section_id if attachment else None
        section = session.get(Section, section_id) if section_id is not None else None
        document = session.get(Document, section.document_id) if section else None
        if section is None or section.deleted_at is not None or document is None or document.project_id != project_id:
            raise ValidationFailed(
                QT_TRANSLATE_NOOP("Errors", "The evidence {kind} {id} is not part of this project."),
                field="evidence",
                kind=kind,
                id=ref,
            )
        result.append((kind, ref))
    return result


def _evidence(session: Session, check_ids: list[int]) -> dict[int, list[EvidenceLink]]:
    if not check_ids:
        return {}
    rows = session.exec(
        select(ConditionEvidence)
        .where(col(ConditionEvidence.check_id).in_(check_ids))
        .order_by(col(ConditionEvidence.id))
    ).all()
    result: dict[int, list[EvidenceLink]] = {}
    for row in rows:
        if row.section_id is not None:
            section = session.get(Section, row.section_id)
            if section is None or section.deleted_at is not None:
                continue
            link = EvidenceLink("section", section.id or 0, section.title, section.id or 0)
        else:
            attachment = session.get(Attachment, row.attachment_id)
            if attachment is None:
                continue
            link = EvidenceLink("attachment", attachment.id or 0, attachment.name, attachment.section_id)
        result.setdefault(row.check_id, []).append(link)
    return result
