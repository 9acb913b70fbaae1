"""A project's milestone plan, its facts and its filing date between a real `main.py serve` process and laptops'
replicas: a step's dates, a step added or removed, the plan's settings, the facts and the filing date made on one
laptop reach the other; different fields of one step merge and the same field is a conflict keeping both values
until a person picks in the conflicts window; two laptops adding a step offline keep both; a step removed on one
laptop and edited on the other is kept; a clerk's replica cannot change the plan on the server."""

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from dossier_app.domain.conditions import ProjectFacts
from dossier_app.domain.milestones import LandKind, Milestone
from dossier_app.services import Services, open_services
from dossier_app.services.core.context import Operator
from dossier_app.services.sync.client import SyncConnection
from dossier_app.services.sync.replica import SyncReport
from tests.server.http_api import CLERK, OFFICER, PASSWORD, url
from tests.server.server_process import ServerProcess, main_py

CODE = "CT-ITP"  # a demo project with a milestone plan


class Laptop:
    """A replica synced as one server account."""

    def __init__(self, path: Path, server: ServerProcess, username: str) -> None:
        self.path, self.server, self.username = path, server, username
        self.services: Services = open_services(str(path), Operator("cli:tester"))
        self.project_id = 0

    def sync(self) -> SyncReport:
        with SyncConnection(url(self.server)) as signed:
            signed.sign_in(self.username, PASSWORD, "laptop")
            report = self.services.replica.sync(signed)
        self.project_id = self.services.projects.by_code(CODE).id
        return report

    def steps(self) -> tuple[Milestone, ...]:
        return self.services.milestones.plan(self.project_id).milestones

    def step(self, key: str) -> Milestone:
        return self.services.milestones.plan(self.project_id).milestone(key)

    def edit(self, key: str, **changes: Any) -> None:
        self.services.milestones.update_step(self.project_id, replace(self.step(key), **changes))


@pytest.fixture
def laptops(server: ServerProcess, tmp_path: Path) -> Iterator[dict[str, Laptop]]:
    made = {
        name: Laptop(tmp_path / f"{name}.sqlite3", server, account)
        for name, account in (("a", OFFICER), ("b", OFFICER), ("clerk", CLERK))
    }
    for laptop in made.values():
        assert laptop.sync().clean
    yield made
    for laptop in made.values():
        laptop.services.close()


def on_server(server: ServerProcess, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    with sqlite3.connect(server._argv[1]) as db:
        return list(db.execute(sql, params).fetchall())


def server_steps(server: ServerProcess) -> list[tuple[Any, ...]]:
    return on_server(
        server,
        "SELECT s.uid, s.key, s.title, s.position, s.planned_end, s.responsible FROM milestonestep s "
        "JOIN project p ON p.id = s.project_id WHERE p.code = ? ORDER BY s.position",
        CODE,
    )


def body_uid(laptop: Laptop, consultation_id: int) -> str:
    with laptop.services.database.begin() as session:
        found = session.connection().exec_driver_sql("SELECT uid FROM consultation WHERE id = ?", (consultation_id,))
        return str(found.scalar())


def custom_step(laptop: Laptop) -> str:
    """A key of the plan that no register drives (its percent can be typed)."""
    plan = laptop.services.milestones.plan(laptop.project_id)
    return next(m.key for m in plan.milestones if not plan.is_register_driven(m.key))


def test_step_dates_and_plan_settings_reach_the_other_laptop(laptops: dict[str, Laptop]) -> None:
    a, b = laptops["a"], laptops["b"]
    key = custom_step(a)
    a.edit(key, planned_end=date(2027, 3, 31), responsible="Trung tâm Phát triển quỹ đất", percent=40)
    a.services.milestones.set_land_kind(a.project_id, LandKind.AGRICULTURAL)
    a.services.milestones.set_at_risk_days(a.project_id, 14)
    assert a.services.replica.waiting() == 2
    report = a.sync()
    assert report.clean, report
    assert any(f"{CODE}: bước/step {key}" in label for label in report.pushed)
    assert a.services.replica.waiting() == 0
    assert b.sync().clean
    assert b.step(key) == a.step(key)
    plan = b.services.milestones.plan(b.project_id)
    assert (plan.land_kind, plan.at_risk_days) == (LandKind.AGRICULTURAL, 14)
    assert server_steps(a.server) == server_steps(a.server)  # the server's rows are readable
    assert [row[1:] for row in server_steps(a.server)] == [
        (m.key, m.title, position, m.planned_end.isoformat() if m.planned_end else None, m.responsible)
        for position, m in enumerate(b.steps())
    ]
    assert a.sync().clean and a.services.replica.waiting() == 0  # nothing pushed again


def test_different_fields_merge_and_the_same_field_conflicts_keeping_both(laptops: dict[str, Laptop]) -> None:
    a, b = laptops["a"], laptops["b"]
    key = custom_step(a)
    a.edit(key, planned_end=date(2027, 5, 1), title="Lập phương án bồi thường (bản A)")
    b.edit(key, responsible="UBND phường An Khánh", title="Lập phương án bồi thường (bản B)")
    assert a.sync().clean
    report = b.sync()
    assert report.conflicts == [f"{CODE}: bước/step {key} 'Lập phương án bồi thường (bản B)'"], report
    here = b.step(key)
    assert (here.planned_end, here.responsible, here.title) == (
        date(2027, 5, 1),
        "UBND phường An Khánh",
        "Lập phương án bồi thường (bản B)",
    )
    [conflict] = b.services.record_conflicts.listing()
    assert (conflict.field, conflict.ours, conflict.theirs) == (
        "title",
        "Lập phương án bồi thường (bản B)",
        "Lập phương án bồi thường (bản A)",
    )
    listed = main_py("--db", str(b.path), "conflicts")
    assert listed.returncode == 1, listed.stderr
    assert f"{CODE} bước/step {key}" in listed.stdout and "'Lập phương án bồi thường (bản A)'" in listed.stdout
    b.services.record_conflicts.resolve(conflict.id, take_theirs=True)
    assert b.step(key).title == "Lập phương án bồi thường (bản A)"
    assert b.sync().clean
    assert a.sync().clean
    assert a.step(key) == b.step(key)
    assert a.step(key).responsible == "UBND phường An Khánh"
    assert main_py("--db", str(b.path), "conflicts").returncode == 0


def test_steps_added_on_two_laptops_offline_are_both_kept(laptops: dict[str, Laptop]) -> None:
    a, b = laptops["a"], laptops["b"]
    mine = a.services.milestones.add_step(a.project_id, "Họp dân lấy ý kiến bổ sung", position=0)
    theirs = b.services.milestones.add_step(b.project_id, "Đo đạc bổ sung thửa 88")
    assert mine.key == theirs.key  # both made X1 offline
    assert a.sync().clean
    assert b.sync().clean
    assert a.sync().clean
    titles = {m.title: m.key for m in a.steps()}
    assert titles == {m.title: m.key for m in b.steps()}
    assert {"Họp dân lấy ý kiến bổ sung", "Đo đạc bổ sung thửa 88"} <= set(titles)
    assert titles["Họp dân lấy ý kiến bổ sung"] != titles["Đo đạc bổ sung thửa 88"]
    assert a.steps()[0].title == "Họp dân lấy ý kiến bổ sung"
    assert [m.title for m in a.steps()] == [m.title for m in b.steps()]
    assert [row[2] for row in server_steps(a.server)] == [m.title for m in a.steps()]


def test_a_step_removed_on_one_laptop_and_edited_on_the_other_is_kept(laptops: dict[str, Laptop]) -> None:
    a, b = laptops["a"], laptops["b"]
    key = custom_step(a)
    a.services.milestones.remove_step(a.project_id, key)
    b.edit(key, responsible="Ban bồi thường quận")
    assert b.sync().clean
    report = a.sync()
    assert any(key in label for label in report.kept), report
    assert a.step(key).responsible == "Ban bồi thường quận"
    assert a.sync().clean
    assert key in [row[1] for row in server_steps(a.server)]
    # Removed with nobody editing it since, it goes everywhere.
    other = custom_step(a)
    a.services.milestones.remove_step(a.project_id, other)
    assert a.sync().clean and b.sync().clean
    assert other not in [m.key for m in b.steps()]
    assert other not in [row[1] for row in server_steps(a.server)]


def test_facts_and_filing_date_reach_the_other_laptop(laptops: dict[str, Laptop]) -> None:
    a, b = laptops["a"], laptops["b"]
    area = a.services.checklist.facts(a.project_id).land_area_ha
    facts = ProjectFacts(
        it_workers=1200, total_workforce=1500, land_area_ha=area, core_area_ha=Decimal("12.5"), software_only=True
    )
    a.services.checklist.save_facts(a.project_id, facts)
    a.services.consultations.set_submitted(a.project_id, date(2027, 1, 15))
    assert a.sync().clean
    assert b.sync().clean
    assert b.services.checklist.facts(b.project_id) == a.services.checklist.facts(a.project_id)
    assert b.services.consultations.overview(b.project_id).submitted_on == date(2027, 1, 15)
    assert on_server(
        a.server,
        "SELECT f.it_workers, f.core_area_ha FROM projectfacts f JOIN project p ON p.id = f.project_id "
        "WHERE p.code = ?",
        CODE,
    ) == [(1200, 12.5)]
    assert a.sync().clean and b.sync().clean
    assert a.services.replica.waiting() == b.services.replica.waiting() == 0


def test_a_clerks_replica_cannot_change_the_plan_or_the_project_on_the_server(laptops: dict[str, Laptop]) -> None:
    clerk = laptops["clerk"]
    key = custom_step(clerk)
    before = server_steps(clerk.server)
    with clerk.services.database.begin() as session:  # the replica tampered by hand: the service would refuse
        session.connection().exec_driver_sql(
            "UPDATE milestonestep SET title = ?, sync_version = 0 WHERE key = ? AND project_id = ?",
            ("Đã xong (sửa tay)", key, clerk.project_id),
        )
        session.connection().exec_driver_sql(
            "UPDATE project SET signer_name = ?, sync_version = 0 WHERE id = ?", ("Văn thư ký thay", clerk.project_id)
        )
    report = clerk.sync()
    step_refusal, project_refusal = sorted(report.refused, key=lambda refusal: "dự án" in refusal.label)
    assert f"{CODE}: bước/step {key}" in step_refusal.label and "quyền" in step_refusal.message_vi
    assert f"{CODE}: thông tin dự án/project details" == project_refusal.label
    assert "quyền" in project_refusal.message_vi
    assert server_steps(clerk.server) == before
    assert on_server(clerk.server, "SELECT signer_name FROM project WHERE code = ?", CODE) != [("Văn thư ký thay",)]


def test_a_clerk_records_consultations_but_assesses_no_condition(laptops: dict[str, Laptop]) -> None:
    clerk = laptops["clerk"]
    body = clerk.services.consultations.add(clerk.project_id, "Bộ Tài chính", 15)
    clerk.services.consultations.update(body.id, letter_ref="45/SKHĐT-QH")
    condition = next(row for row in clerk.services.checklist.conditions(clerk.project_id) if row.note)  # assessed
    with clerk.services.database.begin() as session:  # the replica tampered by hand: the service would refuse
        session.connection().exec_driver_sql(
            "UPDATE conditioncheck SET note = ?, sync_version = 0 WHERE condition_key = ? AND project_id = ?",
            ("Văn thư tự đánh giá", condition.key, clerk.project_id),
        )
    report = clerk.sync()
    assert any(f"cơ quan hỏi ý kiến/consultation '{body.name}'" in label for label in report.pushed), report
    [refusal] = report.refused
    assert f"{CODE}: điều kiện/condition {condition.key}" in refusal.label and "quyền" in refusal.message_vi
    query = (
        "SELECT c.letter_ref FROM consultation c JOIN project p ON p.id = c.project_id WHERE p.code = ? AND c.uid = ?"
    )
    assert on_server(clerk.server, query, CODE, body_uid(clerk, body.id)) == [("45/SKHĐT-QH",)]
    assert "Văn thư tự đánh giá" not in str(on_server(clerk.server, "SELECT note FROM conditioncheck"))
