"""The demo's milestone plans: CT-ITP dated around the day the demo runs with a baseline, CT-HTP the default."""

from dataclasses import replace
from datetime import UTC, date, datetime

from dossier_app.domain.milestones import MilestoneStatus, Risk
from dossier_app.services import Services
from dossier_app.services.demo.demo import DEMO_PROJECTS
from dossier_app.services.demo.milestone_demo import DEMO_BASELINE

RUN_DAY = date(2027, 2, 15)


def _at(services: Services, day: date) -> None:
    services.context.clock = lambda: datetime(day.year, day.month, day.day, 3, 0, tzinfo=UTC)


def test_ct_itp_gets_a_plan_with_steps_done_running_overdue_and_at_risk(services: Services) -> None:
    _at(services, RUN_DAY)
    result = services.demo.load(households=0)
    assert result.plan_dated and result.plan_baseline == DEMO_BASELINE
    itp = services.projects.by_code("CT-ITP").id
    view = services.milestones.plan(itp, baseline=DEMO_BASELINE)
    assert view.today == RUN_DAY
    statuses = {m.status for m in view.milestones}
    assert statuses == {MilestoneStatus.DONE, MilestoneStatus.RUNNING, MilestoneStatus.NOT_STARTED}
    risks = {a.key: a.risk for a in view.assessments}
    assert risks["M11"] is Risk.OVERDUE and risks["M12"] is Risk.AT_RISK
    assert [key for key, risk in risks.items() if risk is not Risk.ON_TRACK] == ["M11", "M12"]
    assert all(m.planned_start is not None and m.planned_end is not None for m in view.milestones)
    assert view.milestone("M1").actual_end is not None and view.milestone("M1").actual_end < RUN_DAY  # type: ignore[operator]
    assert view.drift["M1"] == 0 and view.drift["M11"] > 0 and view.drift["M16"] > 0
    (baseline,) = view.baselines
    assert baseline.name == DEMO_BASELINE and baseline.created_at.date() < view.milestone("M1").planned_start  # type: ignore[operator]


def test_ct_htp_gets_the_default_plan_and_a_second_load_changes_nothing(services: Services) -> None:
    _at(services, RUN_DAY)
    services.demo.load(households=0)
    htp = services.projects.by_code("CT-HTP").id
    default = services.milestones.plan(htp, today=RUN_DAY)
    assert len(default.milestones) == 16 and all(m.planned_start is None for m in default.milestones)
    assert default.baselines == ()
    itp = services.projects.by_code("CT-ITP").id
    before, entries = services.milestones.plan(itp), services.audit.count()
    _at(services, date(2027, 3, 1))  # another day: the plan keeps the dates it was given
    again = services.demo.load(households=0)
    assert not again.plan_dated
    assert services.milestones.plan(itp, today=RUN_DAY).milestones == before.milestones
    assert len(services.milestones.baselines(itp)) == 1
    assert services.audit.count() == entries


def test_a_plan_someone_already_dated_is_left_alone(services: Services) -> None:
    project = services.projects.create(DEMO_PROJECTS[1])
    plan = services.milestones.plan(project.id)
    services.milestones.update_step(project.id, replace(plan.milestone("M1"), planned_start=date(2026, 1, 5)))
    assert not services.demo.load(households=0).plan_dated
    view = services.milestones.plan(project.id)
    assert view.milestone("M1").planned_start == date(2026, 1, 5)
    assert view.milestone("M2").planned_start is None and view.baselines == ()
