"""A project's records in sync, with the server's services in this process (and its database on PostgreSQL when the
suite has one): a pulled plan waits for nothing; a filing date set offline on two laptops while the server had none
becomes the server's row on the second and a conflict keeping both dates; a replica that pulled before records were
pushed takes its rows as the server's once; a step edited offline while another desk moved it keeps both."""

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import delete
from sqlmodel import col, select

from dossier_app.domain.enums import Role
from dossier_app.domain.models import ReviewSchedule, Setting, SyncShadow
from dossier_app.services import Services, open_services
from dossier_app.services.core.context import Operator
from dossier_app.services.dossier.projects import ProjectView
from dossier_app.services.project_records.sync import RECORDS, SHADOWED_KEY, waiting
from tests.conftest import FAST_HASHER
from tests.services.sync.test_row_sync import OFFICER, PASSWORD, sync


@pytest.fixture
def server(services: Services, itp: ProjectView) -> Services:
    """The department's database: an officer and a manager, the project's plan made."""
    services.accounts.add(OFFICER, [Role.OFFICER], PASSWORD, "Nguyễn Văn An")
    services.accounts.add("lanhdao", [Role.MANAGER], PASSWORD, "Trần Thị Bình")
    services.milestones.plan(itp.id)
    return services


@pytest.fixture
def desks(server: Services, tmp_path: Path) -> Iterator[dict[str, Services]]:
    made = {
        name: open_services(str(tmp_path / f"{name}.sqlite3"), Operator("cli:tester"), password_hasher=FAST_HASHER)
        for name in ("a", "b")
    }
    for name, desk in made.items():
        assert sync(desk, server, name).clean
    yield made
    for desk in made.values():
        desk.close()


def test_a_pulled_plan_waits_for_nothing(server: Services, desks: dict[str, Services], itp: ProjectView) -> None:
    desk = desks["a"]
    with desk.database.begin() as session:
        assert waiting(session) == {}
    assert desk.replica.waiting() == 0
    assert desk.milestones.plan(itp.id).milestones == server.milestones.plan(itp.id).milestones


def test_a_filing_date_set_on_two_laptops_before_the_server_had_one_conflicts_keeping_both(
    server: Services, desks: dict[str, Services], itp: ProjectView
) -> None:
    a, b = desks["a"], desks["b"]
    a.consultations.set_submitted(itp.id, date(2027, 1, 15))
    b.consultations.set_submitted(itp.id, date(2027, 2, 1))
    assert sync(a, server, "a").clean
    report = sync(b, server, "b")
    assert report.conflicts == [f"{itp.code}: ngày nộp hồ sơ/filing date"], report
    with server.database.begin() as session:
        server_uid = session.exec(select(ReviewSchedule.uid)).one()
    with b.database.begin() as session:
        assert session.exec(select(ReviewSchedule.uid)).one() == server_uid  # ours became the server's row
    [conflict] = b.record_conflicts.listing()
    assert (conflict.field, conflict.ours, conflict.theirs) == ("submitted_on", "2027-02-01", "2027-01-15")
    assert b.consultations.overview(itp.id).submitted_on == date(2027, 2, 1)  # ours kept until a person picks
    assert b.replica.waiting() == 0  # nothing of it is pushed meanwhile
    b.record_conflicts.resolve(conflict.id, take_theirs=False)
    assert sync(b, server, "b").clean
    assert server.consultations.overview(itp.id).submitted_on == date(2027, 2, 1)
    assert sync(a, server, "a").clean
    assert a.consultations.overview(itp.id).submitted_on == date(2027, 2, 1)


def test_a_replica_from_before_records_were_pushed_takes_its_rows_as_the_servers_once(
    server: Services, desks: dict[str, Services], itp: ProjectView
) -> None:
    desk = desks["a"]
    with desk.database.begin() as session:
        session.execute(delete(SyncShadow).where(col(SyncShadow.table_name).in_(RECORDS)))
        session.execute(delete(Setting).where(col(Setting.key) == SHADOWED_KEY))
    report = sync(desk, server, "a")
    assert report.clean and not report.pushed, report
    assert desk.replica.waiting() == 0


def test_a_step_edited_on_one_laptop_and_moved_on_the_other_keeps_both(
    server: Services, desks: dict[str, Services], itp: ProjectView
) -> None:
    a, b = desks["a"], desks["b"]
    steps = a.milestones.plan(itp.id).milestones
    last = steps[-1]
    a.milestones.move_step(itp.id, last.key, 0)
    b.milestones.update_step(itp.id, replace(last, responsible="Trung tâm Phát triển quỹ đất quận"))
    assert sync(a, server, "a").clean
    report = sync(b, server, "b")
    assert report.clean and not report.conflicts, report
    assert sync(a, server, "a").clean
    for desk in (a, b, server):
        plan = desk.milestones.plan(itp.id)
        assert plan.milestones[0].key == last.key
        assert plan.milestone(last.key).responsible == "Trung tâm Phát triển quỹ đất quận"
    assert a.milestones.plan(itp.id).milestones == b.milestones.plan(itp.id).milestones


def test_a_step_whose_place_went_elsewhere_and_back_on_the_server_is_moved_by_the_same_change_again(
    server: Services, desks: dict[str, Services], itp: ProjectView
) -> None:
    """A and B each remove a step ahead of the second last one (so both move it up one place); A syncs first. A step
    added on the server ahead of it puts it back at its old place. B's change of its place is then A's very change
    (the same fields on the same base): its id was the same, the server answered that it had applied it already and
    did nothing, and B took its place for the server's for good."""
    a, b = desks["a"], desks["b"]
    keys = [step.key for step in server.milestones.plan(itp.id).milestones]
    a.milestones.remove_step(itp.id, keys[-4])
    b.milestones.remove_step(itp.id, keys[-3])
    assert sync(a, server, "a").clean
    server.milestones.add_step(itp.id, "Bước thêm trên máy chủ", position=len(keys) - 3)
    for desk, name in ((b, "b"), (a, "a"), (b, "b")):
        sync(desk, server, name)
    order = [step.key for step in server.milestones.plan(itp.id).milestones]
    for desk in (a, b):
        assert [step.key for step in desk.milestones.plan(itp.id).milestones] == order
        with desk.database.begin() as session:
            assert waiting(session) == {}
