"""The milestone plan service: created with the project (or lazily), edited, checked, measured and baselined."""

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import text

from dossier_app.domain.enums import AuditAction
from dossier_app.domain.errors import Conflict, NotFound, ValidationFailed
from dossier_app.domain.milestones import FindingKind, LandKind, MilestoneStatus, RegisterStep, Risk
from dossier_app.services import Services
from dossier_app.services.dossier.projects import ProjectView
from dossier_app.storage.milestone_templates import milestone_template
from tests.services.register_support import party
from tests.services.support import it_park

D = date
TODAY = D(2026, 6, 1)
PLAN_TABLES = ("milestoneplan", "milestonestep", "milestonebaseline", "baselineentry", "auditentry")


def stored(services: Services) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the plan tables and the audit trail, in id order."""
    with services.database.engine.connect() as connection:
        return {
            table: [tuple(row) for row in connection.execute(text(f"SELECT * FROM {table} ORDER BY id"))]
            for table in PLAN_TABLES
        }


def keys(services: Services, project_id: int) -> list[str]:
    return [m.key for m in services.milestones.plan(project_id, today=TODAY).milestones]


def last_action(services: Services) -> str:
    return services.audit.entries()[0].action


# --- creation -------------------------------------------------------------------------------------------------


def test_a_new_project_gets_the_template_plan_without_extra_audit_entries(services: Services) -> None:
    before = services.audit.count()
    project = services.projects.create(it_park())
    assert services.audit.count() == before + 1  # project.create only: the plan is part of it
    view = services.milestones.plan(project.id, today=TODAY)
    template = milestone_template()
    assert [m.key for m in view.milestones] == [f"M{n}" for n in range(1, 17)]
    assert [m.title for m in view.milestones] == [s.title_vi for s in template.steps]
    assert [m.responsible for m in view.milestones] == [s.responsible_vi for s in template.steps]
    assert all(m.status is MilestoneStatus.NOT_STARTED and m.planned_start is None for m in view.milestones)
    assert view.land_kind is LandKind.NON_AGRICULTURAL and view.at_risk_days == 7 and view.template_key == template.key
    assert dict(view.register_steps) == {
        "M4": RegisterStep.INVENTORY,
        "M6": RegisterStep.POSTING,
        "M12": RegisterStep.PAYMENT,
        "M14": RegisterStep.HAND_OVER,
    }
    assert view.deadlines == () and view.baselines == () and view.baseline is None and not view.drift
    assert {a.risk for a in view.assessments} == {Risk.ON_TRACK}


def test_a_project_made_before_plans_existed_gets_one_when_first_read(services: Services, itp: ProjectView) -> None:
    with services.database.engine.begin() as connection:
        connection.execute(text("DELETE FROM milestoneplan"))
        connection.execute(text("DELETE FROM milestonestep"))
    entries = services.audit.count()
    assert len(services.milestones.plan(itp.id, today=TODAY).milestones) == 16
    assert len(services.milestones.plan(itp.id, today=TODAY).milestones) == 16  # once only
    assert services.audit.count() == entries
    with services.database.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM milestoneplan")).scalar() == 1


def test_an_unknown_project_is_not_found(services: Services) -> None:
    with pytest.raises(NotFound):
        services.milestones.plan(9999)
    with pytest.raises(NotFound):
        services.milestones.add_step(9999, "Bước mới")


# --- register-driven percents -------------------------------------------------------------------------------


def test_register_steps_count_the_parties_through_them(services: Services, itp: ProjectView) -> None:
    services.register.add_party(itp.id, party("HT-001", citizen_id="092085000001", paid_on=None))
    services.register.add_party(
        itp.id,
        party(
            "HT-002",
            citizen_id="092085000002",
            plan_posted_on=D(2026, 5, 1),
            approved_on=D(2026, 5, 20),
            paid_on=D(2026, 6, 1),
            parcels=(),
        ),
    )
    services.register.add_party(
        itp.id, party("HT-003", citizen_id="092085000003", inventoried_on=None, parcels=(), resettlement=None)
    )
    view = services.milestones.plan(itp.id, today=TODAY)
    assert view.parties == 3
    percents = {m.key: m.percent for m in view.milestones}
    assert percents["M4"] == 66  # 2 of 3 inventoried, rounded down
    assert percents["M6"] == 33
    assert percents["M12"] == 33
    assert percents["M14"] == 0
    assert view.is_register_driven("M4") and not view.is_register_driven("M5")


def test_a_register_driven_percent_cannot_be_typed(services: Services, itp: ProjectView) -> None:
    view = services.milestones.plan(itp.id, today=TODAY)
    before = stored(services)
    with pytest.raises(ValidationFailed) as caught:
        services.milestones.update_step(itp.id, replace(view.milestone("M4"), percent=50))
    assert caught.value.field == "percent"
    assert stored(services) == before
    # the same step with its register percent and a new date is fine
    changed = services.milestones.update_step(itp.id, replace(view.milestone("M4"), planned_start=D(2026, 4, 1)))
    assert changed.planned_start == D(2026, 4, 1)
    assert services.milestones.plan(itp.id, today=TODAY).milestone("M4").planned_start == D(2026, 4, 1)


# --- editing a step -----------------------------------------------------------------------------------------


def test_update_stores_every_editable_field_and_audits_the_change(services: Services, itp: ProjectView) -> None:
    step = services.milestones.plan(itp.id, today=TODAY).milestone("M5")
    wanted = replace(
        step,
        title="Lập phương án bồi thường (đợt 1)",
        planned_start=D(2026, 5, 1),
        planned_end=D(2026, 5, 31),
        actual_start=D(2026, 5, 3),
        actual_end=D(2026, 5, 28),
        responsible="Trung tâm Phát triển quỹ đất",
        status=MilestoneStatus.DONE,
        percent=100,
    )
    assert services.milestones.update_step(itp.id, wanted) == wanted
    assert services.milestones.plan(itp.id, today=TODAY).milestone("M5") == wanted
    entry = services.audit.entries()[0]
    assert entry.action == AuditAction.MILESTONE_UPDATE.value and entry.project_id == itp.id
    assert "M5" in entry.summary and "planned_end" in entry.summary and "2026-05-31" in entry.summary
    entries = services.audit.count()
    services.milestones.update_step(itp.id, wanted)  # nothing changed: nothing recorded
    assert services.audit.count() == entries


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"planned_start": D(2026, 5, 10), "planned_end": D(2026, 5, 1)}, "planned_end"),
        ({"actual_start": D(2026, 5, 10), "actual_end": D(2026, 5, 1)}, "actual_end"),
        ({"status": MilestoneStatus.DONE}, "actual_end"),
        ({"percent": 101}, "percent"),
        ({"percent": -1}, "percent"),
        ({"status": "finished"}, "status"),
        ({"title": "   "}, "title"),
        ({"responsible": "x" * 301}, "responsible"),
    ],
)
def test_bad_edits_are_refused_naming_the_field_and_store_nothing(
    services: Services, itp: ProjectView, changes: dict[str, object], field: str
) -> None:
    step = services.milestones.plan(itp.id, today=TODAY).milestone("M5")
    before = stored(services)
    with pytest.raises(ValidationFailed) as caught:
        services.milestones.update_step(itp.id, replace(step, **changes))  # type: ignore[arg-type]
    assert caught.value.field == field
    assert stored(services) == before


def test_rename_keeps_the_key(services: Services, itp: ProjectView) -> None:
    renamed = services.milestones.rename_step(itp.id, "M9", " Thẩm định phương án  (Sở Nông nghiệp và Môi trường) ")
    assert renamed.key == "M9"
    view = services.milestones.plan(itp.id, today=TODAY)
    assert view.milestone("M9").title == "Thẩm định phương án (Sở Nông nghiệp và Môi trường)"
    assert view.position("M9") == 8
    with pytest.raises(ValidationFailed):
        services.milestones.rename_step(itp.id, "M9", "")
    with pytest.raises(NotFound):
        services.milestones.rename_step(itp.id, "M99", "Không có")


# --- structure ------------------------------------------------------------------------------------------------


def test_added_steps_get_new_keys_that_are_never_reused(services: Services, itp: ProjectView) -> None:
    first = services.milestones.add_step(itp.id, "Khảo sát hiện trạng hạ tầng", responsible="Ban quản lý dự án")
    assert first.key == "X1" and last_action(services) == AuditAction.MILESTONE_ADD.value
    second = services.milestones.add_step(itp.id, "Họp dân lần hai", position=1)
    assert second.key == "X2"
    assert keys(services, itp.id)[:3] == ["M1", "X2", "M2"] and keys(services, itp.id)[-1] == "X1"
    services.milestones.remove_step(itp.id, "X2")
    assert services.milestones.add_step(itp.id, "Bước khác").key == "X3"
    assert services.milestones.plan(itp.id, today=TODAY).milestone("X1").responsible == "Ban quản lý dự án"
    with pytest.raises(ValidationFailed) as caught:
        services.milestones.add_step(itp.id, "Ngoài kế hoạch", position=40)
    assert caught.value.field == "position"


def test_remove_then_restore_puts_the_step_back_as_it_was(services: Services, itp: ProjectView) -> None:
    step = replace(
        services.milestones.plan(itp.id, today=TODAY).milestone("M7"),
        planned_start=D(2026, 7, 1),
        planned_end=D(2026, 7, 2),
    )
    services.milestones.update_step(itp.id, step)
    removed = services.milestones.remove_step(itp.id, "M7")
    assert removed.position == 6 and removed.milestone == step
    assert "M7" not in keys(services, itp.id) and last_action(services) == AuditAction.MILESTONE_REMOVE.value
    # the consultation clock needs M7: it is no longer computed
    services.milestones.restore_step(itp.id, removed.milestone, removed.position)
    view = services.milestones.plan(itp.id, today=TODAY)
    assert [m.key for m in view.milestones] == [f"M{n}" for n in range(1, 17)]
    assert view.milestone("M7") == step
    with pytest.raises(Conflict):
        services.milestones.restore_step(itp.id, removed.milestone, 0)


def test_move_reorders_and_refuses_a_place_outside_the_plan(services: Services, itp: ProjectView) -> None:
    services.milestones.move_step(itp.id, "M3", 0)
    assert keys(services, itp.id)[:4] == ["M3", "M1", "M2", "M4"]
    assert last_action(services) == AuditAction.MILESTONE_MOVE.value
    services.milestones.move_step(itp.id, "M3", 15)
    assert keys(services, itp.id)[-2:] == ["M16", "M3"]
    before = stored(services)
    with pytest.raises(ValidationFailed):
        services.milestones.move_step(itp.id, "M3", 16)
    with pytest.raises(ValidationFailed):
        services.milestones.move_step(itp.id, "M3", -1)
    assert stored(services) == before


# --- clocks and risk ------------------------------------------------------------------------------------------


def _dated(services: Services, project_id: int, **dates: dict[str, object]) -> None:
    view = services.milestones.plan(project_id, today=TODAY)
    for key, changes in dates.items():
        services.milestones.update_step(project_id, replace(view.milestone(key), **changes))  # type: ignore[arg-type]


def test_the_land_kind_decides_the_notice_clock(services: Services, itp: ProjectView) -> None:
    _dated(services, itp.id, M11={"planned_start": D(2026, 12, 1), "planned_end": D(2026, 12, 5)})
    view = services.milestones.plan(itp.id, today=TODAY)
    (notice,) = [d for d in view.deadlines_of("M2") if d.rule.key == "notice_lead"]
    assert notice.due == D(2026, 6, 4)  # 180 days before 1 December
    services.milestones.set_land_kind(itp.id, LandKind.AGRICULTURAL)
    assert last_action(services) == AuditAction.PLAN_UPDATE.value
    view = services.milestones.plan(itp.id, today=TODAY)
    assert view.land_kind is LandKind.AGRICULTURAL
    (notice,) = [d for d in view.deadlines_of("M2") if d.rule.key == "notice_lead"]
    assert notice.due == D(2026, 9, 2)  # 90 days before
    with pytest.raises(ValidationFailed) as caught:
        services.milestones.set_land_kind(itp.id, "forest")  # type: ignore[arg-type]
    assert caught.value.field == "land_kind"


def test_overdue_and_at_risk_steps_against_today(services: Services, itp: ProjectView) -> None:
    _dated(
        services,
        itp.id,
        M10={"actual_start": D(2026, 5, 1), "actual_end": D(2026, 5, 10), "status": MilestoneStatus.DONE},
        M11={"planned_start": D(2026, 5, 15), "planned_end": D(2026, 5, 25)},
        M12={"planned_start": D(2026, 5, 20), "planned_end": D(2026, 6, 20)},
    )
    view = services.milestones.plan(itp.id, today=TODAY)
    decision = view.assessment("M11")
    assert decision.risk is Risk.OVERDUE  # the decision was due 10 days after approval, 20 May
    assert {f.kind for f in decision.findings} >= {FindingKind.DEADLINE_MISSED, FindingKind.PLANNED_END_PASSED}
    missed = next(f for f in decision.findings if f.kind is FindingKind.DEADLINE_MISSED)
    assert (missed.due, missed.days, missed.rule_key) == (D(2026, 5, 20), 12, "decision")
    assert view.assessment("M12").risk is Risk.ON_TRACK  # payment due 9 June: 8 days left, outside 7
    services.milestones.set_at_risk_days(itp.id, 10)
    payment = services.milestones.plan(itp.id, today=TODAY).assessment("M12")
    assert payment.risk is Risk.AT_RISK and payment.findings[0].days == 8
    services.milestones.set_at_risk_days(itp.id, 7)
    assert services.milestones.plan(itp.id, today=TODAY).assessment("M12").risk is Risk.ON_TRACK
    with pytest.raises(ValidationFailed):
        services.milestones.set_at_risk_days(itp.id, -1)


def test_today_defaults_to_the_local_date_of_the_service_clock(services: Services, itp: ProjectView) -> None:
    services.context.clock = lambda: datetime(2026, 8, 1, 12, 0, tzinfo=UTC)
    assert services.milestones.plan(itp.id).today == D(2026, 8, 1)


# --- baselines ------------------------------------------------------------------------------------------------


def test_a_baseline_freezes_the_planned_dates_and_drift_is_measured_against_it(
    services: Services, itp: ProjectView
) -> None:
    _dated(
        services,
        itp.id,
        M1={"planned_start": D(2026, 3, 1), "planned_end": D(2026, 3, 5)},
        M4={"planned_start": D(2026, 4, 1), "planned_end": D(2026, 5, 15)},
        M6={"planned_start": D(2026, 6, 1)},
    )
    services.context.clock = lambda: datetime(2026, 3, 1, 2, 0, tzinfo=UTC)
    info = services.milestones.take_baseline(itp.id, "  Kế hoạch ban đầu ")
    assert info.name == "Kế hoạch ban đầu" and info.created_by == "cli:tester"
    assert info.created_at == datetime(2026, 3, 1, 2, 0, tzinfo=UTC)
    assert last_action(services) == AuditAction.BASELINE_TAKE.value
    _dated(
        services,
        itp.id,
        M4={"planned_end": D(2026, 6, 4)},
        M6={"planned_start": D(2026, 5, 25)},
    )
    services.milestones.add_step(itp.id, "Bước mới")
    view = services.milestones.plan(itp.id, today=TODAY, baseline="Kế hoạch ban đầu")
    assert view.baseline is not None and view.baseline.name == "Kế hoạch ban đầu"
    assert dict(view.drift) == {"M1": 0, "M4": 20, "M6": -7}
    assert [b.name for b in view.baselines] == ["Kế hoạch ban đầu"]
    frozen = services.milestones.baseline(itp.id, "Kế hoạch ban đầu")
    assert frozen.dates("M4") is not None and frozen.dates("M4").planned_end == D(2026, 5, 15)  # type: ignore[union-attr]
    assert [entry.key for entry in frozen.planned] == [f"M{n}" for n in range(1, 17)]


def test_baseline_names_are_unique_per_project_and_not_empty(services: Services, itp: ProjectView) -> None:
    services.milestones.take_baseline(itp.id, "Kế hoạch ban đầu")
    before = stored(services)
    with pytest.raises(Conflict):
        services.milestones.take_baseline(itp.id, "Kế hoạch ban đầu")
    with pytest.raises(ValidationFailed) as caught:
        services.milestones.take_baseline(itp.id, "  ")
    assert caught.value.field == "name"
    with pytest.raises(ValidationFailed):
        services.milestones.take_baseline(itp.id, "x" * 121)
    assert stored(services) == before
    other = services.projects.create(it_park("CT-ITP9"))
    services.milestones.take_baseline(other.id, "Kế hoạch ban đầu")  # another project may use the name
    assert [b.name for b in services.milestones.baselines(other.id)] == ["Kế hoạch ban đầu"]


def test_an_unknown_baseline_is_not_found(services: Services, itp: ProjectView) -> None:
    with pytest.raises(NotFound) as caught:
        services.milestones.plan(itp.id, baseline="Không có")
    assert "Không có" in caught.value.message
