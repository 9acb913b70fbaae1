"""The holiday calendar in sync: a day a manager adds or removes on a laptop reaches the server (and every other
desk) through HolidayService with the manager's right; an officer's is refused and the server's calendar kept; a day
named differently on two desks keeps the server's name and the sync says so."""

from datetime import date
from pathlib import Path

import pytest

from dossier_app.domain.working_days import CalendarDay, DayKind
from dossier_app.services import Services, open_services
from dossier_app.services.core.context import Operator
from tests.conftest import FAST_HASHER
from tests.services.sync.test_row_sync import sync

SEEDED = date(2026, 9, 2)  # Quốc khánh, seeded with the program on every database
EXTRA = CalendarDay(date(2027, 4, 19), "Nghỉ bù Giỗ Tổ", DayKind.OFF)


@pytest.fixture
def desk_names() -> tuple[str, ...]:
    return ("a", "manager")


def test_a_seeded_calendar_waits_for_nothing(server: Services, desks: dict[str, Services]) -> None:
    assert SEEDED in {entry.day for entry in server.holidays.days(2026)}
    for desk in desks.values():
        assert desk.replica.waiting() == 0
        assert desk.holidays.days() == server.holidays.days()


def test_days_a_manager_adds_and_removes_offline_reach_the_server_and_the_other_desks(
    server: Services, desks: dict[str, Services]
) -> None:
    manager, a = desks["manager"], desks["a"]
    manager.holidays.add(EXTRA)
    manager.holidays.remove(SEEDED)
    report = sync(manager, server, "manager")
    assert report.clean, report
    assert "lịch ngày nghỉ/holiday calendar 2027-04-19 'Nghỉ bù Giỗ Tổ'" in report.pushed
    days = {entry.day: entry for entry in server.holidays.days()}
    assert days[EXTRA.day] == EXTRA and SEEDED not in days
    assert sync(a, server, "a").clean
    assert a.holidays.days() == server.holidays.days() == manager.holidays.days()
    assert manager.replica.waiting() == a.replica.waiting() == 0


def test_an_officers_day_is_refused_and_the_servers_calendar_kept(server: Services, desks: dict[str, Services]) -> None:
    a = desks["a"]
    before = server.holidays.days()
    a.holidays.add(EXTRA)  # the laptop's local operator may; the server asks the officer's role
    a.holidays.remove(SEEDED)
    report = sync(a, server, "a")
    refused = {refusal.label: refusal.message_en for refusal in report.refused}
    assert "not allowed" in refused["lịch ngày nghỉ/holiday calendar 2027-04-19 'Nghỉ bù Giỗ Tổ'"], report
    assert len(refused) == 2, report
    assert server.holidays.days() == before


def test_a_day_named_differently_on_two_desks_keeps_the_servers_name_and_says_so(
    server: Services, desks: dict[str, Services], tmp_path: Path
) -> None:
    manager = desks["manager"]
    other = open_services(str(tmp_path / "other.sqlite3"), Operator("cli:tester"), password_hasher=FAST_HASHER)
    try:
        assert sync(other, server, "manager").clean
        manager.holidays.add(EXTRA)
        other.holidays.add(CalendarDay(EXTRA.day, "Nghỉ lễ địa phương", DayKind.OFF))
        assert sync(manager, server, "manager").clean
        report = sync(other, server, "manager")
        assert not report.clean and report.to_check, report
        assert "Nghỉ lễ địa phương" in report.to_check[0] and "Nghỉ bù Giỗ Tổ" in report.to_check[0]
        assert other.holidays.days() == server.holidays.days()
        assert {entry.day: entry.name for entry in server.holidays.days()}[EXTRA.day] == "Nghỉ bù Giỗ Tổ"
    finally:
        other.close()


def test_a_day_the_department_removed_does_not_come_back_from_a_new_desk(server: Services, tmp_path: Path) -> None:
    server.holidays.remove(SEEDED)
    fresh = open_services(str(tmp_path / "fresh.sqlite3"), Operator("cli:tester"), password_hasher=FAST_HASHER)
    try:
        assert SEEDED in {entry.day for entry in fresh.holidays.days()}  # seeded here before joining
        assert sync(fresh, server, "manager").clean
        assert fresh.holidays.days() == server.holidays.days()
        assert fresh.replica.waiting() == 0
    finally:
        fresh.close()
