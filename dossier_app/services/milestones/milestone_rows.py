"""Rows of a milestone plan: creating a plan from its template, reading steps and baselines, register counts."""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from dossier_app.domain.errors import QT_TRANSLATE_NOOP, NotFound
from dossier_app.domain.milestones import (
    Baseline,
    LandKind,
    Milestone,
    MilestoneStatus,
    PlannedDates,
    PlanTemplate,
    RegisterStep,
    plan_from_template,
)
from dossier_app.domain.models import (
    AffectedParty,
    BaselineEntry,
    MilestoneBaseline,
    MilestonePlan,
    MilestoneStep,
    Project,
    as_utc,
)
from dossier_app.storage.database import open_transaction
from dossier_app.storage.milestone_templates import milestone_template

DEFAULT_TEMPLATE = "land_recovery"
# The stricter notice clock (180 days) until someone says the recovered land is agricultural: nothing is missed.
DEFAULT_LAND_KIND = LandKind.NON_AGRICULTURAL
DEFAULT_AT_RISK_DAYS = 7
CUSTOM_PREFIX = "X"
# The party date each register-driven step counts: percent = parties with the date / all parties of the project.
REGISTER_DATES: dict[RegisterStep, Any] = {
    RegisterStep.INVENTORY: AffectedParty.inventoried_on,
    RegisterStep.POSTING: AffectedParty.plan_posted_on,
    RegisterStep.PAYMENT: AffectedParty.paid_on,
    RegisterStep.HAND_OVER: AffectedParty.handed_over_on,
}


def project_row(session: Session, project_id: int, *, lock: bool = False) -> Project:
    """The project, or NotFound."""
    project = session.get(Project, project_id, with_for_update=lock or None)
    if project is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "The project no longer exists."))
    return project


def insert_plan(session: Session, project_id: int, actor: str, template_key: str = DEFAULT_TEMPLATE) -> MilestonePlan:
    """A project's plan with every step of its template, not started and not yet dated."""
    template = milestone_template(template_key)
    plan = MilestonePlan(
        project_id=project_id,
        template_key=template.key,
        land_kind=DEFAULT_LAND_KIND.value,
        at_risk_days=DEFAULT_AT_RISK_DAYS,
        updated_by=actor,
    )
    session.add(plan)
    for position, milestone in enumerate(plan_from_template(template, "vi")):
        session.add(step_row(project_id, milestone, position))
    session.flush()
    return plan


def plan_row(session: Session, project_id: int, *, lock: bool = False) -> MilestonePlan:
    """The project's plan; a project made before plans existed gets the default one now (no audit entry: it is
    what the project would have been given, and nobody decided anything)."""
    query = select(MilestonePlan).where(col(MilestonePlan.project_id) == project_id)
    if lock:
        query = query.with_for_update()
    plan = session.exec(query).first()
    if plan is not None:
        return plan
    project = project_row(session, project_id)
    open_transaction(session)
    try:
        with session.begin_nested():
            plan = insert_plan(session, project_id, project.updated_by or "")
    except IntegrityError:  # another session created it in the meantime
        plan = session.exec(query).first()
        if plan is None:
            raise
    return plan


def step_row(project_id: int, milestone: Milestone, position: int) -> MilestoneStep:
    """A new row for a step."""
    row = MilestoneStep(project_id=project_id, key=milestone.key, title=milestone.title, position=position)
    copy_into(row, milestone)
    return row


def copy_into(row: MilestoneStep, milestone: Milestone) -> None:
    """Write a step's editable fields into its row."""
    row.title = milestone.title
    row.planned_start = milestone.planned_start
    row.planned_end = milestone.planned_end
    row.actual_start = milestone.actual_start
    row.actual_end = milestone.actual_end
    row.responsible = milestone.responsible
    row.status = MilestoneStatus(milestone.status).value
    row.percent = milestone.percent


def as_milestone(row: MilestoneStep) -> Milestone:
    """The domain step of a row (percent as stored)."""
    return Milestone(
        key=row.key,
        title=row.title,
        planned_start=row.planned_start,
        planned_end=row.planned_end,
        actual_start=row.actual_start,
        actual_end=row.actual_end,
        responsible=row.responsible,
        status=MilestoneStatus(row.status),
        percent=row.percent,
    )


def step_rows(session: Session, project_id: int) -> list[MilestoneStep]:
    """The plan's steps in plan order."""
    query = select(MilestoneStep).where(col(MilestoneStep.project_id) == project_id)
    return list(session.exec(query.order_by(col(MilestoneStep.position), col(MilestoneStep.id))).all())


def renumber(rows: Sequence[MilestoneStep]) -> None:
    """Positions 0, 1, 2, … in the given order."""
    for position, row in enumerate(rows):
        if row.position != position:
            row.position = position


def register_counts(session: Session, project_id: int) -> tuple[int, dict[RegisterStep, int]]:
    """All parties of the project, and how many carry each register-driven step's date (SQL COUNTs)."""
    steps = list(REGISTER_DATES)
    query = select(func.count(), *(func.count(REGISTER_DATES[step]) for step in steps)).where(
        col(AffectedParty.project_id) == project_id
    )
    total, *done = tuple(session.execute(query).one())
    return int(total), {step: int(count) for step, count in zip(steps, done, strict=True)}


def register_step_of(template: PlanTemplate, key: str) -> RegisterStep | None:
    """The register step a template step is driven by (custom steps never are)."""
    found = template.step(key)
    return found.register_step if found is not None else None


def baseline_row(session: Session, project_id: int, name: str) -> MilestoneBaseline:
    """A baseline by name, or NotFound."""
    row = session.exec(
        select(MilestoneBaseline).where(
            col(MilestoneBaseline.project_id) == project_id, col(MilestoneBaseline.name) == name.strip()
        )
    ).first()
    if row is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("Errors", "There is no baseline named '{name}' in this project."), name=name.strip()
        )
    return row


def as_baseline(session: Session, row: MilestoneBaseline) -> Baseline:
    """A stored baseline with its frozen dates, in the order they were taken."""
    entries = session.exec(
        select(BaselineEntry).where(col(BaselineEntry.baseline_id) == row.id).order_by(col(BaselineEntry.position))
    ).all()
    return Baseline(
        name=row.name,
        created_at=as_utc(row.created_at),
        planned=tuple(PlannedDates(e.key, e.planned_start, e.planned_end) for e in entries),
    )
