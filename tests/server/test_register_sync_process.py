"""The register between a real `main.py serve` process and two laptops' replicas: different fields of one household
edited on the two laptops merge, the same field changed on both is a conflict keeping both values until a person
picks, a household made on a laptop travels to the other, and a manager's replica (no right to edit the register)
pushes nothing into it."""

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from dossier_app.domain.models import AffectedParty
from dossier_app.services import Services, open_services
from dossier_app.services.core.context import Operator
from dossier_app.services.register.register import PartyDetail
from dossier_app.services.sync.client import SyncConnection
from dossier_app.services.sync.replica import SyncReport
from tests.server.http_api import MANAGER, OFFICER, PASSWORD, url
from tests.server.server_process import ServerProcess, main_py
from tests.services.register_support import parcel, party

CODE = "CT-ITP"  # the demo project with a register


class Laptop:
    """A replica synced as one server account."""

    def __init__(self, path: Path, server: ServerProcess, username: str) -> None:
        self.path, self.server, self.username = path, server, username
        self.services: Services = open_services(str(path), Operator("cli:tester"))

    def sync(self) -> SyncReport:
        with SyncConnection(url(self.server)) as signed:
            signed.sign_in(self.username, PASSWORD, "laptop")
            return self.services.replica.sync(signed)

    def household(self, code: str) -> PartyDetail:
        with self.services.database.begin() as session:
            party_id = session.exec(select(AffectedParty.id).where(AffectedParty.code == code)).one()
        return self.services.register.party(int(party_id or 0))

    def edit(self, code: str, **changes: Any) -> None:
        detail = self.household(code)
        self.services.register.update_party(detail.id, replace(detail.data, **changes))


@pytest.fixture
def laptops(server: ServerProcess, tmp_path: Path) -> Iterator[dict[str, Laptop]]:
    made = {
        name: Laptop(tmp_path / f"{name}.sqlite3", server, account)
        for name, account in (("a", OFFICER), ("b", OFFICER), ("manager", MANAGER))
    }
    for laptop in made.values():
        assert laptop.sync().clean
    yield made
    for laptop in made.values():
        laptop.services.close()


def on_server(server: ServerProcess, code: str) -> tuple[Any, ...]:
    with sqlite3.connect(server._argv[1]) as db:
        return tuple(
            db.execute(
                "SELECT name, address, ward, household_size, complaint FROM affectedparty WHERE code = ?", (code,)
            ).fetchone()
        )


def first_code(laptop: Laptop) -> str:
    with laptop.services.database.begin() as session:
        return str(session.exec(select(AffectedParty.code).order_by(AffectedParty.code)).first())


def test_different_fields_merge_and_the_same_field_conflicts_keeping_both(laptops: dict[str, Laptop]) -> None:
    a, b = laptops["a"], laptops["b"]
    code = first_code(a)
    a.edit(code, address="Số 12, đường Nguyễn Văn Cừ", ward="Phường An Khánh")
    b.edit(code, household_size=8, ward="Phường Hưng Lợi")
    assert a.sync().clean
    report = b.sync()
    assert report.conflicts == [f"hộ/household {code}"] and not report.pushed
    server = a.server
    _name, address, ward, size, _complaint = on_server(server, code)
    assert (address, ward) == ("Số 12, đường Nguyễn Văn Cừ", "Phường An Khánh") and size != 8
    here = b.household(code).data
    assert (here.address, here.ward, here.household_size) == ("Số 12, đường Nguyễn Văn Cừ", "Phường Hưng Lợi", 8)
    [conflict] = b.services.row_conflicts.of_party(b.household(code).id)
    assert (conflict.field, conflict.ours, conflict.theirs) == ("ward", "Phường Hưng Lợi", "Phường An Khánh")
    listed = main_py("--db", str(b.path), "conflicts")
    assert listed.returncode == 1, listed.stderr
    assert f"{code} — trường / field ward: ở đây / here 'Phường Hưng Lợi', máy chủ / server 'Phường An Khánh'" in (
        listed.stdout
    )
    b.services.row_conflicts.resolve(conflict.id, take_theirs=False)
    assert b.sync().clean
    assert on_server(server, code)[1:4] == ("Số 12, đường Nguyễn Văn Cừ", "Phường Hưng Lợi", 8)
    assert a.sync().clean
    assert a.household(code).data == b.household(code).data
    assert a.services.replica.waiting() == b.services.replica.waiting() == 0


def test_a_household_made_on_one_laptop_reaches_the_other(laptops: dict[str, Laptop]) -> None:
    a, b = laptops["a"], laptops["b"]
    project = a.services.projects.by_code(CODE)
    made = party("HT-SYNC-1", citizen_id="092099001234", parcels=(parcel("88", "901"),))
    a.services.register.add_party(project.id, made)
    assert a.sync().clean and b.sync().clean
    assert b.household("HT-SYNC-1").data == a.household("HT-SYNC-1").data
    assert on_server(a.server, "HT-SYNC-1")[0] == made.name


def test_a_managers_replica_cannot_edit_the_register_on_the_server(laptops: dict[str, Laptop]) -> None:
    manager = laptops["manager"]
    code = first_code(manager)
    before = on_server(manager.server, code)
    manager.edit(code, complaint=not before[4])
    report = manager.sync()
    [refusal] = report.refused
    assert refusal.label.endswith(f"{code}: hộ/household")
    assert "quyền" in refusal.message_vi or "permission" in refusal.message_en.lower()
    assert on_server(manager.server, code) == before
