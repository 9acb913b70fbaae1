"""Land recovery milestones as pure rules: the template, the legal clocks, risk, and drift against baselines."""

import calendar
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any, TypeVar

from dossier_app.domain.errors import QT_TRANSLATE_NOOP, ValidationFailed


class MilestoneStatus(StrEnum):
    """Where a step stands."""

    NOT_STARTED = "not_started"
    RUNNING = "running"
    DONE = "done"


class LandKind(StrEnum):
    """The land kind that decides how long before the recovery decision the notice must come."""

    AGRICULTURAL = "agricultural"
    NON_AGRICULTURAL = "non_agricultural"


class RuleKind(StrEnum):
    """How a legal clock ties a step to its anchor; each kind's edges are fixed so the data stays simple."""

    MIN_DAYS_BEFORE = "min_days_before"  # the step ends at least N days before the anchor starts
    WITHIN_DAYS_AFTER = "within_days_after"  # the step ends at most N days (or months) after the anchor ends
    DURATION_DAYS = "duration_days"  # the step lasts N days from the anchor's start; it may not end earlier


class RegisterStep(StrEnum):
    """Steps whose percent complete comes from the register rather than from a person's estimate."""

    INVENTORY = "inventory"
    POSTING = "posting"
    PAYMENT = "payment"
    HAND_OVER = "hand_over"


class Bound(StrEnum):
    """Whether a deadline is the latest or the earliest date the step may end."""

    NOT_AFTER = "not_after"
    NOT_BEFORE = "not_before"


class Risk(StrEnum):
    """What the plan view highlights: overdue means a legal clock or the planned end was broken."""

    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OVERDUE = "overdue"


class FindingKind(StrEnum):
    """Why a step is flagged, so the UI can say it in the user's language."""

    DEADLINE_MISSED = "deadline_missed"  # the legal deadline passed and the step is not done
    DONE_LATE = "done_late"  # the step was done after its legal deadline
    ENDED_EARLY = "ended_early"  # a step with a legal duration ended before the duration ran out
    PLANNED_END_PASSED = "planned_end_passed"  # the planned end passed and the step is not done
    DEADLINE_NEAR = "deadline_near"  # the legal deadline falls within the at-risk window


RISK_OF: dict[FindingKind, Risk] = {
    FindingKind.DEADLINE_MISSED: Risk.OVERDUE,
    FindingKind.DONE_LATE: Risk.OVERDUE,
    FindingKind.ENDED_EARLY: Risk.OVERDUE,
    FindingKind.PLANNED_END_PASSED: Risk.OVERDUE,
    FindingKind.DEADLINE_NEAR: Risk.AT_RISK,
}

_SEVERITY = {Risk.ON_TRACK: 0, Risk.AT_RISK: 1, Risk.OVERDUE: 2}

_E = TypeVar("_E", bound=StrEnum)


@dataclass(frozen=True)
class ClockRule:
    """One legal clock, as data: which step it binds, to which anchor, and by how many calendar days or months."""

    key: str
    step: str
    kind: RuleKind
    anchor: str
    days: int | None = None
    days_by_land_kind: tuple[tuple[LandKind, int], ...] = ()
    months: int | None = None
    after: str | None = None  # another rule of the same step whose due date this rule counts from
    advisory: bool = False  # shown as a marker only: it applies case by case, not to the whole plan
    note_vi: str = ""
    note_en: str = ""

    @property
    def bound(self) -> Bound:
        """Durations set the earliest end; the other kinds set the latest."""
        return Bound.NOT_BEFORE if self.kind is RuleKind.DURATION_DAYS else Bound.NOT_AFTER

    def offset_days(self, land_kind: LandKind) -> int | None:
        """The day count for this land kind (None for a rule counted in months)."""
        for kind, days in self.days_by_land_kind:
            if kind == land_kind:
                return days
        return self.days


@dataclass(frozen=True)
class MilestoneTemplate:
    """A step of the template a project's plan starts from."""

    key: str
    title_vi: str
    title_en: str
    responsible_vi: str
    order: int
    register_step: RegisterStep | None = None
    rules: tuple[ClockRule, ...] = ()


@dataclass(frozen=True)
class PlanTemplate:
    """A whole template file: the ordered steps and their legal clocks."""

    key: str
    title_vi: str
    title_en: str
    steps: tuple[MilestoneTemplate, ...]

    @property
    def rules(self) -> tuple[ClockRule, ...]:
        """Every clock rule of every step, in step order."""
        return tuple(rule for step in self.steps for rule in step.rules)

    def step(self, key: str) -> MilestoneTemplate | None:
        """The step with this key, if the template has it."""
        return next((step for step in self.steps if step.key == key), None)


@dataclass(frozen=True)
class Milestone:
    """A step of a project's plan with its planned and actual dates; keys stay fixed when steps are renamed."""

    key: str
    title: str
    planned_start: date | None = None
    planned_end: date | None = None
    actual_start: date | None = None
    actual_end: date | None = None
    responsible: str = ""
    status: MilestoneStatus = MilestoneStatus.NOT_STARTED
    percent: int = 0

    def start(self) -> date | None:
        """The actual start if known, else the planned one: what the clocks count from."""
        return self.actual_start or self.planned_start

    def end(self) -> date | None:
        """The actual end if known, else the planned one: what the clocks count from."""
        return self.actual_end or self.planned_end


@dataclass(frozen=True)
class Deadline:
    """A legal clock worked out to a date for one step of one plan."""

    rule: ClockRule
    step: str
    anchor: str
    due: date
    from_actual: bool  # True when the anchor date it counts from is an actual date

    @property
    def bound(self) -> Bound:
        """Latest or earliest end date, as the rule decides."""
        return self.rule.bound


@dataclass(frozen=True)
class Finding:
    """One reason a step is flagged, with the date concerned and how many days late or left."""

    kind: FindingKind
    due: date
    days: int
    rule_key: str | None = None

    @property
    def risk(self) -> Risk:
        """How serious this finding is."""
        return RISK_OF[self.kind]


@dataclass(frozen=True)
class Assessment:
    """The verdict on one step: the worst of its findings (on track when there are none)."""

    key: str
    risk: Risk
    findings: tuple[Finding, ...] = ()


@dataclass(frozen=True)
class PlannedDates:
    """The planned dates of one step as a baseline froze them."""

    key: str
    planned_start: date | None
    planned_end: date | None


@dataclass(frozen=True)
class Baseline:
    """A named, immutable snapshot of the planned dates, to measure later slips against."""

    name: str
    created_at: datetime
    planned: tuple[PlannedDates, ...] = field(default=())

    def dates(self, key: str) -> PlannedDates | None:
        """The frozen dates of one step, if the baseline has it."""
        return next((entry for entry in self.planned if entry.key == key), None)


# --- parsing -------------------------------------------------------------------------------------------------


def _text(data: Mapping[str, Any], name: str, where: str, default: str | None = None) -> str:
    value = data.get(name, default)
    if not isinstance(value, str) or (default is None and not value.strip()):
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("Errors", "Milestone template: '{field}' is missing or empty at {where}."),
            field=name,
            where=where,
        )
    return value.strip()


def _count(value: Any, name: str, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP(
                "Errors", "Milestone template: '{field}' at {where} must be a whole number, zero or more."
            ),
            field=name,
            where=where,
        )
    return value


def _choice(enum: type[_E], value: Any, name: str, where: str) -> _E:
    try:
        return enum(value)
    except ValueError:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP(
                "Errors", "Milestone template: '{value}' is not a valid '{field}' at {where}; use {allowed}."
            ),
            field=name,
            where=where,
            value=value,
            allowed=", ".join(member.value for member in enum),
        ) from None


def _rule(data: Any, step: str, seen: set[str]) -> ClockRule:
    if not isinstance(data, Mapping):
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("Errors", "Milestone template: each entry of '{field}' at {where} must be a mapping."),
            field="rules",
            where=step,
        )
    key = _text(data, "key", step)
    where = f"{step}.{key}"
    if key in seen:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("Errors", "Milestone template: the key '{key}' is used twice."), field="key", key=key
        )
    kind = _choice(RuleKind, data.get("kind"), "kind", where)
    days: int | None = None
    by_land: tuple[tuple[LandKind, int], ...] = ()
    raw_days = data.get("days")
    if isinstance(raw_days, Mapping):
        by_land = tuple(
            (_choice(LandKind, land, "days", where), _count(value, "days", where)) for land, value in raw_days.items()
        )
        if {land for land, _ in by_land} != set(LandKind):
            raise ValidationFailed(
                QT_TRANSLATE_NOOP("Errors", "Milestone template: '{field}' at {where} needs a value for {allowed}."),
                field="days",
                where=where,
                allowed=", ".join(member.value for member in LandKind),
            )
    elif raw_days is not None:
        days = _count(raw_days, "days", where)
    months = None if data.get("months") is None else _count(data.get("months"), "months", where)
    if (raw_days is None) == (months is None) or (months is not None and kind is not RuleKind.WITHIN_DAYS_AFTER):
        raise ValidationFailed(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Milestone template: the rule {where} needs either 'days' or 'months' (months only for "
                "within_days_after).",
            ),
            field="days",
            where=where,
        )
    after = data.get("after")
    if after is not None and (not isinstance(after, str) or after not in seen or kind is not RuleKind.DURATION_DAYS):
        raise ValidationFailed(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Milestone template: 'after' at {where} must name an earlier rule of the same step "
                "(duration_days only).",
            ),
            field="after",
            where=where,
        )
    # a duration counts from its own step unless told otherwise; the other kinds must name their anchor
    anchor = _text(data, "anchor", where, step if kind is RuleKind.DURATION_DAYS else None) or step
    advisory = data.get("advisory", False)
    if not isinstance(advisory, bool):
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("Errors", "Milestone template: '{field}' at {where} must be true or false."),
            field="advisory",
            where=where,
        )
    seen.add(key)
    return ClockRule(
        key=key,
        step=step,
        kind=kind,
        anchor=anchor,
        days=days,
        days_by_land_kind=by_land,
        months=months,
        after=after,
        advisory=advisory,
        note_vi=_text(data, "note_vi", where, ""),
        note_en=_text(data, "note_en", where, ""),
    )


def parse_template(data: Mapping[str, Any]) -> PlanTemplate:
    """Build a milestone template from its data file's mapping, refusing anything incomplete or inconsistent."""
    if not isinstance(data, Mapping):
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("Errors", "Milestone template: the file is not a mapping of fields."), field="top"
        )
    key = _text(data, "key", "top")
    raw_steps = data.get("steps")
    if not isinstance(raw_steps, Sequence) or isinstance(raw_steps, str) or not raw_steps:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("Errors", "Milestone template: '{field}' is missing or empty at {where}."),
            field="steps",
            where=key,
        )
    steps: list[MilestoneTemplate] = []
    step_keys: set[str] = set()
    rule_keys: set[str] = set()
    for order, item in enumerate(raw_steps):
        if not isinstance(item, Mapping):
            raise ValidationFailed(
                QT_TRANSLATE_NOOP(
                    "Errors", "Milestone template: each entry of '{field}' at {where} must be a mapping."
                ),
                field="steps",
                where=key,
            )
        step_key = _text(item, "key", key)
        if step_key in step_keys:
            raise ValidationFailed(
                QT_TRANSLATE_NOOP("Errors", "Milestone template: the key '{key}' is used twice."),
                field="key",
                key=step_key,
            )
        step_keys.add(step_key)
        raw_register = item.get("register_step")
        raw_rules = item.get("rules") or ()
        if not isinstance(raw_rules, Sequence) or isinstance(raw_rules, str):
            raise ValidationFailed(
                QT_TRANSLATE_NOOP(
                    "Errors", "Milestone template: each entry of '{field}' at {where} must be a mapping."
                ),
                field="rules",
                where=step_key,
            )
        steps.append(
            MilestoneTemplate(
                key=step_key,
                title_vi=_text(item, "title_vi", step_key),
                title_en=_text(item, "title_en", step_key),
                responsible_vi=_text(item, "responsible_vi", step_key, ""),
                order=order,
                register_step=None
                if raw_register is None
                else _choice(RegisterStep, raw_register, "register_step", step_key),
                rules=tuple(_rule(rule, step_key, rule_keys) for rule in raw_rules),
            )
        )
    for rule in (rule for step in steps for rule in step.rules):
        if rule.anchor not in step_keys:
            raise ValidationFailed(
                QT_TRANSLATE_NOOP(
                    "Errors", "Milestone template: '{field}' of the rule {where} names the unknown step '{value}'."
                ),
                field="anchor",
                where=f"{rule.step}.{rule.key}",
                value=rule.anchor,
            )
    return PlanTemplate(
        key=key,
        title_vi=_text(data, "title_vi", key),
        title_en=_text(data, "title_en", key),
        steps=tuple(steps),
    )


def plan_from_template(template: PlanTemplate, language: str = "vi") -> list[Milestone]:
    """A new project's plan: every template step, not started and not yet dated."""
    return [
        Milestone(
            key=step.key,
            title=step.title_vi if language == "vi" else step.title_en,
            responsible=step.responsible_vi,
        )
        for step in template.steps
    ]


def check_milestone(milestone: Milestone) -> None:
    """Refuse a step whose dates run backwards or whose percent or status does not add up."""
    if milestone.planned_start and milestone.planned_end and milestone.planned_end < milestone.planned_start:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("Errors", "The planned end of step {key} is before its planned start."),
            field="planned_end",
            key=milestone.key,
        )
    if milestone.actual_start and milestone.actual_end and milestone.actual_end < milestone.actual_start:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("Errors", "The actual end of step {key} is before its actual start."),
            field="actual_end",
            key=milestone.key,
        )
    if not 0 <= milestone.percent <= 100:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("Errors", "The percent complete of step {key} must be between 0 and 100."),
            field="percent",
            key=milestone.key,
        )
    if milestone.status == MilestoneStatus.DONE and milestone.actual_end is None:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("Errors", "Step {key} is marked done but has no actual end date."),
            field="actual_end",
            key=milestone.key,
        )


# --- clocks --------------------------------------------------------------------------------------------------


def add_months(day: date, months: int) -> date:
    """The same day N calendar months later, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _anchor_date(rule: ClockRule, anchor: Milestone) -> tuple[date | None, bool]:
    if rule.kind is RuleKind.WITHIN_DAYS_AFTER:
        return anchor.end(), anchor.actual_end is not None
    return anchor.start(), anchor.actual_start is not None


def legal_deadlines(milestones: Iterable[Milestone], rules: Iterable[ClockRule], land_kind: LandKind) -> list[Deadline]:
    """Each rule worked out to a date from its anchor's actual (else planned) date; undated anchors give none."""
    by_key = {milestone.key: milestone for milestone in milestones}
    deadlines: list[Deadline] = []
    done: dict[str, Deadline] = {}
    for rule in rules:
        if rule.step not in by_key or rule.anchor not in by_key:
            continue  # the step or its anchor was removed from this plan
        offset = rule.offset_days(land_kind)
        if rule.after is not None:
            previous = done.get(rule.after)
            if previous is None:
                continue
            base: date | None = previous.due
            from_actual = previous.from_actual
        else:
            base, from_actual = _anchor_date(rule, by_key[rule.anchor])
        if base is None:
            continue
        if rule.kind is RuleKind.MIN_DAYS_BEFORE:
            due = base - timedelta(days=offset or 0)
        elif rule.months is not None:
            due = add_months(base, rule.months)
        else:
            due = base + timedelta(days=offset or 0)
        deadline = Deadline(rule=rule, step=rule.step, anchor=rule.anchor, due=due, from_actual=from_actual)
        done[rule.key] = deadline
        deadlines.append(deadline)
    return deadlines


def _findings(milestone: Milestone, deadlines: Iterable[Deadline], today: date, at_risk_days: int) -> list[Finding]:
    findings: list[Finding] = []
    done = milestone.status == MilestoneStatus.DONE
    for deadline in deadlines:
        if deadline.rule.advisory:
            continue
        due, key = deadline.due, deadline.rule.key
        if deadline.bound is Bound.NOT_BEFORE:
            if milestone.actual_end is not None and milestone.actual_end < due:
                findings.append(Finding(FindingKind.ENDED_EARLY, due, (due - milestone.actual_end).days, key))
        elif done:
            if milestone.actual_end is not None and milestone.actual_end > due:
                findings.append(Finding(FindingKind.DONE_LATE, due, (milestone.actual_end - due).days, key))
        elif today > due:
            findings.append(Finding(FindingKind.DEADLINE_MISSED, due, (today - due).days, key))
        elif (due - today).days <= at_risk_days:
            findings.append(Finding(FindingKind.DEADLINE_NEAR, due, (due - today).days, key))
    if not done and milestone.planned_end is not None and today > milestone.planned_end:
        end = milestone.planned_end
        findings.append(Finding(FindingKind.PLANNED_END_PASSED, end, (today - end).days))
    return findings


def assess(
    milestones: Iterable[Milestone], deadlines: Iterable[Deadline], today: date, at_risk_days: int = 7
) -> list[Assessment]:
    """One verdict per step, in plan order: overdue, at risk (a legal deadline within at_risk_days) or on track."""
    if at_risk_days < 0:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("Errors", "The at-risk window must be zero days or more."), field="at_risk_days"
        )
    per_step: dict[str, list[Deadline]] = {}
    for deadline in deadlines:
        per_step.setdefault(deadline.step, []).append(deadline)
    result: list[Assessment] = []
    for milestone in milestones:
        findings = _findings(milestone, per_step.get(milestone.key, ()), today, at_risk_days)
        risk = max((finding.risk for finding in findings), key=_SEVERITY.__getitem__, default=Risk.ON_TRACK)
        result.append(Assessment(key=milestone.key, risk=risk, findings=tuple(findings)))
    return result


# --- baselines and progress ----------------------------------------------------------------------------------


def take_baseline(name: str, milestones: Iterable[Milestone], created_at: datetime) -> Baseline:
    """Freeze the planned dates of every step under a name."""
    if not name.strip():
        raise ValidationFailed(QT_TRANSLATE_NOOP("Errors", "A baseline needs a name."), field="name")
    return Baseline(
        name=name.strip(),
        created_at=created_at,
        planned=tuple(PlannedDates(m.key, m.planned_start, m.planned_end) for m in milestones),
    )


def drift(current: Iterable[Milestone], baseline: Baseline) -> dict[str, int]:
    """Days each step's planned end (else start) slipped since the baseline; positive is later, steps not in both
    or undated on either side are left out."""
    result: dict[str, int] = {}
    for milestone in current:
        frozen = baseline.dates(milestone.key)
        if frozen is None:
            continue
        if milestone.planned_end is not None and frozen.planned_end is not None:
            result[milestone.key] = (milestone.planned_end - frozen.planned_end).days
        elif milestone.planned_start is not None and frozen.planned_start is not None:
            result[milestone.key] = (milestone.planned_start - frozen.planned_start).days
    return result


def register_percent(done_count: int, total_count: int) -> int:
    """Percent complete of a register-driven step, rounded down so 100 means every party is through it."""
    if done_count < 0 or total_count < 0 or done_count > total_count:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP(
                "Errors", "Cannot compute a percent from {done} done out of {total}: the counts do not fit."
            ),
            field="done_count",
            done=done_count,
            total=total_count,
        )
    if total_count == 0:
        return 0
    return done_count * 100 // total_count
