"""The demo's milestone plan for CT-ITP: dated relative to the day the demo runs, with steps done, running, one
overdue and one at risk, and a baseline "Kế hoạch ban đầu" taken before some dates slipped."""

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from sqlmodel import col, select

from dossier_app.domain.enums import AuditAction
from dossier_app.domain.lifecycle import Action
from dossier_app.domain.milestones import Milestone, MilestoneStatus, check_milestone
from dossier_app.domain.models import BaselineEntry, MilestoneBaseline
from dossier_app.services.accounts.audit import AuditTrail
from dossier_app.services.core.context import ServiceContext
from dossier_app.services.core.permissions import require_action
from dossier_app.services.milestones.milestone_rows import as_milestone, copy_into, plan_row, project_row, step_rows

DEMO_BASELINE = "Kế hoạch ban đầu"
BASELINE_DAYS_AGO = 330  # the plan was agreed a month before the pre-notice meeting (day -300)
DONE, RUNNING = MilestoneStatus.DONE, MilestoneStatus.RUNNING


@dataclass(frozen=True)
class DemoStep:
    """Days relative to the demo's today: the baseline's planned dates, today's planned dates, the actual ones."""

    key: str
    baseline: tuple[int, int]
    planned: tuple[int, int] | None = None  # None: as in the baseline
    actual: tuple[int | None, int | None] = (None, None)
    status: MilestoneStatus = MilestoneStatus.NOT_STARTED
    percent: int = 0


# Inventory, posting, payment and hand-over take their percent from the register; the others are estimates.
DEMO_STEPS = (
    DemoStep("M1", (-300, -299), actual=(-300, -300), status=DONE, percent=100),
    DemoStep("M2", (-292, -288), actual=(-290, -288), status=DONE, percent=100),
    DemoStep("M3", (-288, -275), actual=(-288, -272), status=DONE, percent=100),
    DemoStep("M4", (-270, -210), (-270, -200), actual=(-268, -195), status=DONE),
    DemoStep("M5", (-210, -160), (-200, -152), actual=(-196, -152), status=DONE, percent=100),
    DemoStep("M6", (-158, -128), (-150, -120), actual=(-150, -120), status=DONE),
    DemoStep("M7", (-127, -127), (-119, -119), actual=(-119, -119), status=DONE, percent=100),
    DemoStep("M8", (-125, -95), (-117, -80), actual=(-117, -76), status=DONE, percent=100),
    DemoStep("M9", (-95, -60), (-75, -45), actual=(-75, -40), status=DONE, percent=100),
    DemoStep("M10", (-60, -50), (-40, -30), actual=(-38, -25), status=DONE, percent=100),
    # the recovery decision is due 10 days after the approval (-15): still running, so overdue
    DemoStep("M11", (-50, -42), (-24, -10), actual=(-20, None), status=RUNNING, percent=60),
    # payment is due 30 days after the approval (+5): running, so at risk
    DemoStep("M12", (-45, -20), (-22, 5), actual=(-20, None), status=RUNNING),
    DemoStep("M13", (-30, 10), (-10, 40), actual=(-5, None), status=RUNNING, percent=20),
    DemoStep("M14", (-20, 25), (-15, 45), actual=(-15, None), status=RUNNING),
    DemoStep("M15", (30, 60), (50, 80)),
    DemoStep("M16", (70, 100), (90, 120)),
)


def _day(today: date, offset: int | None) -> date | None:
    return None if offset is None else today + timedelta(days=offset)


def load_plan(context: ServiceContext, audit: AuditTrail, project_id: int, today: date) -> bool:
    """Date a plan nobody has touched (no baseline, no date) and take its baseline; any other plan is left as it
    is. Returns whether it wrote anything."""
    with context.database.begin() as session:
        actor = require_action(session, context, Action.EDIT_PLAN).name
        code = project_row(session, project_id).code
        plan_row(session, project_id, lock=True)
        baselines = select(MilestoneBaseline.id).where(col(MilestoneBaseline.project_id) == project_id)
        rows = {row.key: row for row in step_rows(session, project_id)}
        touched = any(
            row.planned_start or row.planned_end or row.actual_start or row.actual_end for row in rows.values()
        )
        if touched or session.exec(baselines).first() is not None:
            return False
        dated: dict[str, Milestone] = {}
        for step in DEMO_STEPS:
            if step.key not in rows:
                continue
            planned = step.planned or step.baseline
            milestone = replace(
                as_milestone(rows[step.key]),
                planned_start=_day(today, planned[0]),
                planned_end=_day(today, planned[1]),
                actual_start=_day(today, step.actual[0]),
                actual_end=_day(today, step.actual[1]),
                status=step.status,
                percent=step.percent,
            )
            check_milestone(milestone)  # a mistake of this table, never the user's: refuse before writing
            dated[step.key] = milestone
        taken = datetime.combine(today - timedelta(days=BASELINE_DAYS_AGO), time(9, 0)).astimezone()
        baseline = MilestoneBaseline(project_id=project_id, name=DEMO_BASELINE, created_at=taken, created_by=actor)
        session.add(baseline)
        session.flush()
        for position, step in enumerate(s for s in DEMO_STEPS if s.key in rows):
            session.add(
                BaselineEntry(
                    baseline_id=baseline.id or 0,
                    key=step.key,
                    position=position,
                    planned_start=_day(today, step.baseline[0]),
                    planned_end=_day(today, step.baseline[1]),
                )
            )
        for key, milestone in dated.items():
            copy_into(rows[key], milestone)
            session.add(rows[key])
        summary = (
            f"{code}: demo plan, {len(dated)} step(s) dated around {today.isoformat()}, baseline '{DEMO_BASELINE}'"
        )
        audit.record(session, actor, AuditAction.PLAN_UPDATE, "plan", project_id, summary, project_id)
        return True
