"""Editing rights of the milestone plan: officers and managers edit it; everyone else is refused, nothing changes."""

from collections.abc import Callable
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import text

from dossier_app.domain.enums import AuditAction
from dossier_app.domain.errors import PermissionDenied
from dossier_app.domain.lifecycle import ACTION_WORDS, ALLOWED, Action
from dossier_app.domain.milestones import LandKind, Milestone
from dossier_app.services import Services
from tests.services.review_support import CAST, LOCAL, act_as, create_cast
from tests.services.support import it_park

PEOPLE = [*CAST, "ghost", LOCAL]
MAY_EDIT_PLAN = {"an", "binh", "em", LOCAL}
TABLES = ("milestoneplan", "milestonestep", "milestonebaseline", "baselineentry", "auditentry")
REMOVED = Milestone(key="X9", title="Bước đã bỏ")

Write = Callable[[Services, int], object]
WRITES: dict[str, tuple[Write, AuditAction]] = {
    "set_land_kind": (lambda s, p: s.milestones.set_land_kind(p, LandKind.AGRICULTURAL), AuditAction.PLAN_UPDATE),
    "set_at_risk_days": (lambda s, p: s.milestones.set_at_risk_days(p, 14), AuditAction.PLAN_UPDATE),
    "add_step": (lambda s, p: s.milestones.add_step(p, "Bước mới"), AuditAction.MILESTONE_ADD),
    "restore_step": (lambda s, p: s.milestones.restore_step(p, REMOVED, 3), AuditAction.MILESTONE_ADD),
    "remove_step": (lambda s, p: s.milestones.remove_step(p, "M15"), AuditAction.MILESTONE_REMOVE),
    "move_step": (lambda s, p: s.milestones.move_step(p, "M3", 0), AuditAction.MILESTONE_MOVE),
    "rename_step": (lambda s, p: s.milestones.rename_step(p, "M9", "Thẩm định"), AuditAction.MILESTONE_UPDATE),
    "update_step": (
        lambda s, p: s.milestones.update_step(
            p, replace(s.milestones.plan(p).milestone("M5"), planned_start=date(2026, 5, 1))
        ),
        AuditAction.MILESTONE_UPDATE,
    ),
    "take_baseline": (lambda s, p: s.milestones.take_baseline(p, "Kế hoạch ban đầu"), AuditAction.BASELINE_TAKE),
}


def _stored(services: Services) -> dict[str, list[tuple[object, ...]]]:
    with services.database.engine.connect() as connection:
        return {t: [tuple(r) for r in connection.execute(text(f"SELECT * FROM {t} ORDER BY id"))] for t in TABLES}


def test_officers_and_managers_edit_the_plan() -> None:
    assert {name for name, roles in CAST.items() if name != "former" and set(roles) & ALLOWED[Action.EDIT_PLAN]} | {
        LOCAL
    } == MAY_EDIT_PLAN


@pytest.mark.parametrize("person", PEOPLE)
def test_plan_edits_are_allowed_to_officers_and_managers_only(services: Services, person: str) -> None:
    create_cast(services)
    project_id = services.projects.create(it_park()).id
    services.milestones.plan(project_id)  # reading is open to everyone and changes nothing
    act_as(services, person)
    for name, (perform, recorded) in WRITES.items():
        before, entries = _stored(services), services.audit.count()
        if person in MAY_EDIT_PLAN:
            perform(services, project_id)
            last = services.audit.entries()[0]
            assert (services.audit.count(), last.actor, last.action) == (entries + 1, person, recorded.value), name
            assert _stored(services) != before, name
            continue
        with pytest.raises(PermissionDenied) as caught:
            perform(services, project_id)
        assert caught.value.message == f"You are not allowed to {ACTION_WORDS[Action.EDIT_PLAN]}.", name
        assert services.audit.count() == entries, name
        assert _stored(services) == before, name
