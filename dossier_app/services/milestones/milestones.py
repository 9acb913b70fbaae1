"""A project's milestone plan: made from its template, edited step by step, held against the legal clocks, the
register and named baselines."""

from collections.abc import Callable, Sequence
from dataclasses import fields, replace
from datetime import date, datetime
from typing import TypeVar

from sqlalchemy import func
from sqlmodel import Session, col, select

from dossier_app.domain.enums import AuditAction
from dossier_app.domain.errors import QT_TRANSLATE_NOOP, Conflict, NotFound, ValidationFailed
from dossier_app.domain.lifecycle import Action
from dossier_app.domain.milestones import (
    Baseline,
    LandKind,
    Milestone,
    MilestoneStatus,
    RegisterStep,
    assess,
    check_milestone,
    drift,
    legal_deadlines,
    register_percent,
    take_baseline,
)
from dossier_app.domain.models import BaselineEntry, MilestoneBaseline, MilestonePlan, MilestoneStep, as_utc, utc_now
from dossier_app.services.accounts.audit import AuditTrail, shorten
from dossier_app.services.core.context import ServiceContext
from dossier_app.services.core.permissions import require_action
from dossier_app.services.milestones.milestone_rows import (
    CUSTOM_PREFIX,
    as_baseline,
    as_milestone,
    baseline_row,
    copy_into,
    plan_row,
    project_row,
    register_counts,
    register_step_of,
    renumber,
    step_row,
    step_rows,
)
from dossier_app.services.milestones.milestone_views import BaselineInfo, PlanView, RemovedStep
from dossier_app.storage.milestone_templates import milestone_template

TITLE_LIMIT = 300
NAME_LIMIT = 120
_E = TypeVar("_E", LandKind, MilestoneStatus)
_EDITABLE = ("title", "planned_start", "planned_end", "actual_start", "actual_end", "responsible", "status", "percent")


class MilestoneService:
    """Reading and editing a project's milestone plan; baselines are taken, never changed."""

    def __init__(self, context: ServiceContext, audit: AuditTrail) -> None:
        self._context = context
        self._audit = audit

    def today(self) -> date:
        """The local date of the service clock: what `plan` measures against unless told otherwise."""
        return self._context.clock().astimezone().date()

    # Reading -------------------------------------------------------------------------------------------

    def plan(self, project_id: int, *, today: date | None = None, baseline: str | None = None) -> PlanView:
        """The plan with percents, deadlines, assessments and, given a baseline name, the drift against it."""
        today = today or self.today()
        with self._context.database.begin() as session:
            plan = plan_row(session, project_id)
            template = milestone_template(plan.template_key)
            land_kind = LandKind(plan.land_kind)
            total, done = register_counts(session, project_id)
            driven: dict[str, RegisterStep] = {}
            milestones: list[Milestone] = []
            for row in step_rows(session, project_id):
                milestone = as_milestone(row)
                step = register_step_of(template, row.key)
                if step is not None:
                    driven[row.key] = step
                    milestone = replace(milestone, percent=register_percent(done[step], total))
                milestones.append(milestone)
            chosen = as_baseline(session, baseline_row(session, project_id, baseline)) if baseline else None
            infos = _baseline_infos(session, project_id)
        deadlines = legal_deadlines(milestones, template.rules, land_kind)
        return PlanView(
            project_id=project_id,
            template_key=plan.template_key,
            land_kind=land_kind,
            at_risk_days=plan.at_risk_days,
            today=today,
            milestones=tuple(milestones),
            register_steps=driven,
            parties=total,
            deadlines=tuple(deadlines),
            assessments=tuple(assess(milestones, deadlines, today, plan.at_risk_days)),
            baselines=infos,
            baseline=chosen,
            drift=drift(milestones, chosen) if chosen else {},
        )

    def baselines(self, project_id: int) -> list[BaselineInfo]:
        """The project's baselines, oldest first."""
        with self._context.database.begin() as session:
            project_row(session, project_id)
            return list(_baseline_infos(session, project_id))

    def baseline(self, project_id: int, name: str) -> Baseline:
        """One baseline with its frozen planned dates."""
        with self._context.database.begin() as session:
            return as_baseline(session, baseline_row(session, project_id, name))

    # Editing the plan ----------------------------------------------------------------------------------

    def set_land_kind(self, project_id: int, land_kind: LandKind) -> None:
        """Say which land kind the notice clock counts for (90 or 180 days before the recovery decision)."""
        land_kind = _choice(LandKind, land_kind, "land_kind")
        with self._context.database.begin() as session:
            actor, code, plan = self._begin_edit(session, project_id)
            if plan.land_kind == land_kind.value:
                return
            summary = f"{code}: land kind {plan.land_kind} → {land_kind.value}"
            plan.land_kind = land_kind.value
            self._touch(session, actor, plan, summary)

    def set_at_risk_days(self, project_id: int, days: int) -> None:
        """How many days before a legal deadline a step that is not done is flagged as at risk."""
        if isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= 365:
            raise ValidationFailed(
                QT_TRANSLATE_NOOP("Errors", "The at-risk window must be between 0 and 365 days."),
                field="at_risk_days",
            )
        with self._context.database.begin() as session:
            actor, code, plan = self._begin_edit(session, project_id)
            if plan.at_risk_days == days:
                return
            summary = f"{code}: at-risk window {plan.at_risk_days} → {days} days"
            plan.at_risk_days = days
            self._touch(session, actor, plan, summary)

    def add_step(self, project_id: int, title: str, *, position: int | None = None, responsible: str = "") -> Milestone:
        """Add a step of the project's own (key X1, X2, … never reused), at the end unless a position is given."""
        with self._context.database.begin() as session:
            actor, code, plan = self._begin_edit(session, project_id)
            rows = step_rows(session, project_id)
            used = {row.key for row in rows}
            number = plan.next_custom
            while f"{CUSTOM_PREFIX}{number}" in used:
                number += 1
            milestone = Milestone(key=f"{CUSTOM_PREFIX}{number}", title=_tidy(title), responsible=_tidy(responsible))
            _check(milestone)
            plan.next_custom = number + 1
            session.add(plan)
            self._insert(session, project_id, rows, milestone, _position(position, len(rows) + 1))
            summary = f"{code} {milestone.key} '{shorten(milestone.title, 120)}'"
            self._audit.record(
                session, actor, AuditAction.MILESTONE_ADD, "milestone", milestone.key, summary, project_id
            )
            return milestone

    def restore_step(self, project_id: int, milestone: Milestone, position: int) -> Milestone:
        """Put a removed step back with its key and dates (undo of a removal); refused if the key is in use."""
        _check(milestone)
        with self._context.database.begin() as session:
            actor, code, _plan = self._begin_edit(session, project_id)
            rows = step_rows(session, project_id)
            if any(row.key == milestone.key for row in rows):
                raise Conflict(QT_TRANSLATE_NOOP("Errors", "The plan already has a step {key}."), key=milestone.key)
            self._insert(session, project_id, rows, milestone, _position(position, len(rows) + 1))
            summary = f"{code} {milestone.key} '{shorten(milestone.title, 120)}' put back at {position + 1}"
            self._audit.record(
                session, actor, AuditAction.MILESTONE_ADD, "milestone", milestone.key, summary, project_id
            )
            return milestone

    def place_synced_step(self, project_id: int, milestone: Milestone, position: int, uid: str) -> Milestone:
        """A step made on a desktop, kept with the desktop's uid; a custom key another desktop took meanwhile
        becomes the plan's next free one (two offline desks may both have made an X1)."""
        _check(milestone)
        with self._context.database.begin() as session:
            actor, code, plan = self._begin_edit(session, project_id)
            rows = step_rows(session, project_id)
            used = {row.key for row in rows}
            if milestone.key in used:
                if not milestone.key.startswith(CUSTOM_PREFIX):
                    raise Conflict(QT_TRANSLATE_NOOP("Errors", "The plan already has a step {key}."), key=milestone.key)
                number = plan.next_custom
                while f"{CUSTOM_PREFIX}{number}" in used:
                    number += 1
                milestone = replace(milestone, key=f"{CUSTOM_PREFIX}{number}")
            if milestone.key.startswith(CUSTOM_PREFIX) and milestone.key[1:].isdigit():
                plan.next_custom = max(plan.next_custom, int(milestone.key[1:]) + 1)
                session.add(plan)
            self._insert(session, project_id, rows, milestone, _position(position, len(rows) + 1), uid=uid)
            summary = f"{code} {milestone.key} '{shorten(milestone.title, 120)}'"
            self._audit.record(
                session, actor, AuditAction.MILESTONE_ADD, "milestone", milestone.key, summary, project_id
            )
            return milestone

    def remove_step(self, project_id: int, key: str) -> RemovedStep:
        """Remove a step; the legal clocks that need it are no longer computed, baselines keep its dates."""
        with self._context.database.begin() as session:
            actor, code, _plan = self._begin_edit(session, project_id)
            rows = step_rows(session, project_id)
            row = _find(rows, key)
            removed = RemovedStep(as_milestone(row), rows.index(row))
            session.delete(row)
            rows.remove(row)
            session.flush()
            renumber(rows)
            summary = f"{code} {key} '{shorten(row.title, 120)}'"
            self._audit.record(session, actor, AuditAction.MILESTONE_REMOVE, "milestone", key, summary, project_id)
            return removed

    def move_step(self, project_id: int, key: str, position: int) -> None:
        """Move a step to another place in the plan (0 is the first)."""
        with self._context.database.begin() as session:
            actor, code, _plan = self._begin_edit(session, project_id)
            rows = step_rows(session, project_id)
            row = _find(rows, key)
            old = rows.index(row)
            new = _position(position, len(rows))
            if old == new:
                return
            rows.remove(row)
            rows.insert(new, row)
            renumber(rows)
            summary = f"{code} {key}: position {old + 1} → {new + 1}"
            self._audit.record(session, actor, AuditAction.MILESTONE_MOVE, "milestone", key, summary, project_id)

    def rename_step(self, project_id: int, key: str, title: str) -> Milestone:
        """Give a step a new title; its key, and so its baselines and clocks, stay."""
        return self._update(project_id, key, lambda current: replace(current, title=title))

    def update_step(self, project_id: int, milestone: Milestone) -> Milestone:
        """Store a step's title, dates, responsible unit, status and percent (checked first); a register-driven
        step's percent must be the one the register gives (it cannot be set by hand)."""
        return self._update(project_id, milestone.key, lambda _current: milestone)

    def _update(self, project_id: int, key: str, edit: Callable[[Milestone], Milestone]) -> Milestone:
        """Apply `edit` to the step as it is shown (register percent included) and store the result."""
        with self._context.database.begin() as session:
            actor, code, plan = self._begin_edit(session, project_id)
            row = _find(step_rows(session, project_id), key)
            stored = as_milestone(row)
            step = register_step_of(milestone_template(plan.template_key), row.key)
            shown = stored
            if step is not None:
                total, done = register_counts(session, project_id)
                shown = replace(stored, percent=register_percent(done[step], total))
            wanted = edit(shown)
            wanted = replace(
                wanted,
                key=row.key,
                title=_tidy(wanted.title),
                responsible=_tidy(wanted.responsible),
                status=_choice(MilestoneStatus, wanted.status, "status"),
            )
            if step is not None and wanted.percent != shown.percent:
                raise ValidationFailed(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "The percent complete of step {key} comes from the register ({value}%) and cannot be "
                        "set by hand.",
                    ),
                    field="percent",
                    key=row.key,
                    value=shown.percent,
                )
            _check(wanted)
            changes = _changes(shown, wanted)
            if changes:
                copy_into(row, wanted if step is None else replace(wanted, percent=stored.percent))
                session.add(row)
                summary = f"{code} {row.key}: {changes}"
                self._audit.record(
                    session, actor, AuditAction.MILESTONE_UPDATE, "milestone", row.key, summary, project_id
                )
            return wanted

    # Baselines -----------------------------------------------------------------------------------------

    def take_baseline(self, project_id: int, name: str) -> BaselineInfo:
        """Freeze the planned dates of every step under a new name; a baseline is never changed afterwards."""
        with self._context.database.begin() as session:
            actor, code, _plan = self._begin_edit(session, project_id)
            frozen = take_baseline(
                name, [as_milestone(r) for r in step_rows(session, project_id)], self._context.clock()
            )
            if len(frozen.name) > NAME_LIMIT:
                raise ValidationFailed(
                    QT_TRANSLATE_NOOP("Errors", "The name is longer than {limit} characters."),
                    field="name",
                    limit=NAME_LIMIT,
                )
            clash = select(func.count()).where(
                col(MilestoneBaseline.project_id) == project_id, col(MilestoneBaseline.name) == frozen.name
            )
            if session.exec(clash).one():
                raise Conflict(
                    QT_TRANSLATE_NOOP("Errors", "A baseline named '{name}' already exists in this project."),
                    name=frozen.name,
                )
            row = MilestoneBaseline(
                project_id=project_id, name=frozen.name, created_at=frozen.created_at, created_by=actor
            )
            session.add(row)
            session.flush()
            for position, entry in enumerate(frozen.planned):
                session.add(
                    BaselineEntry(
                        baseline_id=row.id or 0,
                        key=entry.key,
                        position=position,
                        planned_start=entry.planned_start,
                        planned_end=entry.planned_end,
                    )
                )
            summary = f"{code} '{frozen.name}': {len(frozen.planned)} step(s)"
            self._audit.record(session, actor, AuditAction.BASELINE_TAKE, "baseline", row.id, summary, project_id)
            return BaselineInfo(frozen.name, as_utc(frozen.created_at), actor)

    def store_baseline(
        self,
        project_id: int,
        name: str,
        created_at: datetime,
        entries: Sequence[tuple[str, str, date | None, date | None]],
        uid: str,
    ) -> BaselineInfo:
        """A baseline taken on a desktop, kept as it was taken there (its name, moment and frozen dates, its uid and
        its entries' uids); a name another desktop's baseline took meanwhile becomes "NAME (2)"."""
        with self._context.database.begin() as session:
            actor, code, _plan = self._begin_edit(session, project_id)
            taken = set(
                session.exec(select(MilestoneBaseline.name).where(col(MilestoneBaseline.project_id) == project_id))
            )
            wanted, number = " ".join(name.split())[: NAME_LIMIT - 5] or "?", 2
            free = wanted
            while free in taken:
                free, number = f"{wanted} ({number})", number + 1
            row = MilestoneBaseline(project_id=project_id, name=free, created_at=created_at, created_by=actor, uid=uid)
            session.add(row)
            session.flush()
            for position, (entry_uid, key, start, end) in enumerate(entries):
                session.add(
                    BaselineEntry(
                        baseline_id=row.id or 0,
                        key=key[:20],
                        position=position,
                        planned_start=start,
                        planned_end=end,
                        uid=entry_uid,
                    )
                )
            summary = f"{code} '{free}': {len(entries)} step(s), taken on a desktop"
            self._audit.record(session, actor, AuditAction.BASELINE_TAKE, "baseline", row.id, summary, project_id)
            return BaselineInfo(free, as_utc(created_at), actor)

    # Shared --------------------------------------------------------------------------------------------

    def _begin_edit(self, session: Session, project_id: int) -> tuple[str, str, MilestonePlan]:
        """Check the right to edit, then lock the plan (concurrent edits of one plan queue up)."""
        actor = require_action(session, self._context, Action.EDIT_PLAN).name
        code = project_row(session, project_id).code
        return actor, code, plan_row(session, project_id, lock=True)

    def _touch(self, session: Session, actor: str, plan: MilestonePlan, summary: str) -> None:
        plan.updated_at = utc_now()
        plan.updated_by = actor
        session.add(plan)
        self._audit.record(session, actor, AuditAction.PLAN_UPDATE, "plan", plan.project_id, summary, plan.project_id)

    @staticmethod
    def _insert(
        session: Session,
        project_id: int,
        rows: list[MilestoneStep],
        milestone: Milestone,
        position: int,
        uid: str | None = None,
    ) -> None:
        row = step_row(project_id, milestone, position)
        if uid is not None:
            row.uid = uid
        rows.insert(position, row)
        renumber(rows)
        session.add(row)


def _baseline_infos(session: Session, project_id: int) -> tuple[BaselineInfo, ...]:
    rows = session.exec(
        select(MilestoneBaseline)
        .where(col(MilestoneBaseline.project_id) == project_id)
        .order_by(col(MilestoneBaseline.created_at), col(MilestoneBaseline.id))
    ).all()
    return tuple(BaselineInfo(r.name, as_utc(r.created_at), r.created_by) for r in rows)


def _tidy(text: str) -> str:
    """Titles and names without stray or doubled spaces."""
    return " ".join(text.split())


def _find(rows: list[MilestoneStep], key: str) -> MilestoneStep:
    for row in rows:
        if row.key == key:
            return row
    raise NotFound(QT_TRANSLATE_NOOP("Errors", "The plan has no step {key}."), key=key)


def _position(position: int | None, count: int) -> int:
    """A position among `count` places, or a typed refusal."""
    if position is None:
        return count - 1
    if isinstance(position, bool) or not isinstance(position, int) or not 0 <= position < count:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("Errors", "There is no place {value} in the plan."), field="position", value=position
        )
    return position


def _choice(enum: type[_E], value: object, name: str) -> _E:
    try:
        return enum(str(value))
    except ValueError:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("Errors", "'{value}' is not a valid {field}; use {allowed}."),
            field=name,
            value=value,
            allowed=", ".join(member.value for member in enum),
        ) from None


def _check(milestone: Milestone) -> None:
    """The domain's checks plus what the table can hold."""
    if not milestone.title.strip():
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("Errors", "Step {key} needs a title."), field="title", key=milestone.key
        )
    for name in ("title", "responsible"):
        if len(getattr(milestone, name)) > TITLE_LIMIT:
            raise ValidationFailed(
                QT_TRANSLATE_NOOP("Errors", "The {field} of step {key} is longer than {limit} characters."),
                field=name,
                key=milestone.key,
                limit=TITLE_LIMIT,
            )
    check_milestone(milestone)


def _changes(before: Milestone, after: Milestone) -> str:
    """The fields an edit changed, old → new, for the audit trail."""
    parts = []
    for f in fields(Milestone):
        if f.name in _EDITABLE and getattr(before, f.name) != getattr(after, f.name):
            old, new = getattr(before, f.name), getattr(after, f.name)
            parts.append(f"{f.name} {shorten(str(old), 60)!r} → {shorten(str(new), 60)!r}")
    return "; ".join(parts)


__all__ = ("BaselineInfo", "MilestoneService", "PlanView", "RemovedStep")
