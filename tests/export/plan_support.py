"""A dated M1-M16 plan built by hand from the template (steps done, running, overdue, one undated) for chart tests."""

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta

from dossier_app.domain.milestones import (
    Assessment,
    Baseline,
    Deadline,
    LandKind,
    Milestone,
    MilestoneStatus,
    assess,
    legal_deadlines,
    plan_from_template,
    take_baseline,
)
from dossier_app.storage.milestone_templates import milestone_template

TODAY = date(2026, 11, 26)
LENGTHS = (7, 14, 10, 60, 30, 30, 7, 21, 20, 14, 10, 30, 45, 30, 20, 30)


@dataclass(frozen=True)
class Plan:
    """What the Gantt chart takes."""

    milestones: list[Milestone]
    deadlines: list[Deadline]
    assessments: list[Assessment]
    baseline: Baseline
    today: date


def demo_plan(today: date = TODAY) -> Plan:
    """Steps laid end to end from March 2026, the later ones slipped three weeks since the baseline."""
    template = milestone_template()
    day = date(2026, 3, 2)
    dated: list[Milestone] = []
    for milestone, length in zip(plan_from_template(template), LENGTHS, strict=True):
        dated.append(replace(milestone, planned_start=day, planned_end=day + timedelta(days=length)))
        day += timedelta(days=length + 3)
    baseline = take_baseline("Kế hoạch phê duyệt 03/2026", dated, datetime(2026, 3, 1, tzinfo=UTC))
    plan: list[Milestone] = []
    for index, m in enumerate(dated):
        assert m.planned_start is not None and m.planned_end is not None
        slip = timedelta(days=21 if index > 6 else 0)
        m = replace(m, planned_start=m.planned_start + slip, planned_end=m.planned_end + slip)
        assert m.planned_start is not None and m.planned_end is not None
        if m.planned_end < today - timedelta(days=30) and index < 9:
            late = timedelta(days=4 if index % 2 else -1)
            m = replace(
                m,
                status=MilestoneStatus.DONE,
                actual_start=m.planned_start + timedelta(days=2),
                actual_end=m.planned_end + late,
                percent=100,
            )
        elif m.planned_start <= today:
            m = replace(
                m, status=MilestoneStatus.RUNNING, actual_start=m.planned_start + timedelta(days=3), percent=40 + index
            )
        plan.append(m)
    plan[-1] = replace(plan[-1], planned_start=None, planned_end=None)  # M16 not dated yet
    deadlines = legal_deadlines(plan, template.rules, LandKind.AGRICULTURAL)
    return Plan(plan, deadlines, assess(plan, deadlines, today, 14), baseline, today)
