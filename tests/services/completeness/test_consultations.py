"""Consultations and the review clock through the service, on SQLite and PostgreSQL: dates, flags, audit, roles."""

from datetime import date

import pytest
from sqlalchemy import text

from dossier_app.domain.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from dossier_app.domain.review_clock import ConsultationState
from dossier_app.domain.working_days import CalendarDay, DayKind
from dossier_app.services import Services
from dossier_app.services.core.context import Operator
from dossier_app.services.dossier.projects import ProjectView


def _audit_actions(services: Services) -> list[str]:
    with services.database.engine.connect() as connection:
        return [str(a) for a in connection.execute(text("SELECT action FROM auditentry ORDER BY id")).scalars()]


def test_the_calendar_is_seeded_from_the_holiday_files(services: Services) -> None:
    assert {2025, 2026, 2027} <= set(services.holidays.years())
    days_2026 = {d.day for d in services.holidays.days(2026)}
    assert date(2026, 2, 17) in days_2026 and date(2025, 1, 29) not in days_2026
    assert date(2026, 2, 17) in services.holidays.calendar().days_off


def test_regime_bodies_are_added_once_with_the_regime_reply_time(services: Services, htp: ProjectView) -> None:
    assert services.consultations.add_regime_bodies(htp.id) == 7
    assert services.consultations.add_regime_bodies(htp.id) == 0
    rows = services.consultations.overview(htp.id, date(2026, 3, 1)).rows
    assert {r.body_key for r in rows} >= {"mod", "mps"}
    assert {r.reply_days for r in rows} == {20}
    assert all(r.state is ConsultationState.NOT_SENT and r.due_on is None for r in rows)


def test_it_park_bodies_reply_in_ten_working_days(services: Services, itp: ProjectView) -> None:
    services.consultations.add_regime_bodies(itp.id)
    assert {r.reply_days for r in services.consultations.overview(itp.id).rows} == {10}


def test_due_dates_and_flags_across_tet(services: Services, htp: ProjectView) -> None:
    consultations = services.consultations
    late = consultations.add(htp.id, "Bộ Tài chính")
    answered = consultations.add(htp.id, "Bộ Xây dựng")
    waiting = consultations.add(htp.id, "Bộ Công an", reply_days=30)
    consultations.update(late.id, sent_on=date(2026, 2, 2))
    consultations.update(answered.id, sent_on=date(2026, 2, 2), received_on=date(2026, 3, 5), letter_ref="12/BXD")
    consultations.update(waiting.id, sent_on=date(2026, 2, 2))
    overview = consultations.overview(htp.id, date(2026, 3, 10))
    rows = {r.name: r for r in overview.rows}
    assert rows["Bộ Tài chính"].due_on == date(2026, 3, 9)  # 20 working days, Tết 16-20/02 skipped
    assert rows["Bộ Tài chính"].state is ConsultationState.OVERDUE
    assert rows["Bộ Xây dựng"].state is ConsultationState.RECEIVED and rows["Bộ Xây dựng"].letter_ref == "12/BXD"
    assert rows["Bộ Công an"].due_on == date(2026, 3, 23)
    assert rows["Bộ Công an"].state is ConsultationState.WAITING
    assert [r.name for r in overview.overdue] == ["Bộ Tài chính"]
    assert consultations.overview(htp.id, date(2026, 3, 9)).overdue == ()


def test_review_clock_phases_from_the_filing_date(services: Services, htp: ProjectView) -> None:
    assert services.consultations.overview(htp.id).phases == ()
    services.consultations.set_submitted(htp.id, date(2026, 1, 26))
    overview = services.consultations.overview(htp.id, date(2026, 2, 20))
    assert overview.submitted_on == date(2026, 1, 26)
    assert [(p.key, p.working_days, p.end) for p in overview.phases] == [
        ("ask_ministries", 5, date(2026, 2, 2)),
        ("ministries_reply", 20, date(2026, 3, 9)),
        ("most_assessment", 5, date(2026, 3, 16)),
        ("submit_to_pm", 5, date(2026, 3, 23)),
    ]
    services.consultations.set_submitted(htp.id, None)
    assert services.consultations.overview(htp.id).phases == ()


def test_a_holiday_added_moves_the_due_date(services: Services, htp: ProjectView) -> None:
    row = services.consultations.add(htp.id, "Bộ Quốc phòng", reply_days=1)
    services.consultations.update(row.id, sent_on=date(2026, 11, 26))
    assert services.consultations.overview(htp.id).rows[0].due_on == date(2026, 11, 27)
    services.holidays.add(CalendarDay(date(2026, 11, 27), "Nghỉ đột xuất"))
    assert services.consultations.overview(htp.id).rows[0].due_on == date(2026, 11, 30)
    services.holidays.add(CalendarDay(date(2026, 11, 28), "Làm bù", DayKind.WORK))
    assert services.consultations.overview(htp.id).rows[0].due_on == date(2026, 11, 28)
    services.holidays.remove(date(2026, 11, 28))
    services.holidays.remove(date(2026, 11, 27))
    assert services.consultations.overview(htp.id).rows[0].due_on == date(2026, 11, 27)
    actions = _audit_actions(services)
    assert actions.count("holiday.add") == 2 and actions.count("holiday.remove") == 2


def test_bad_holidays_are_refused(services: Services) -> None:
    with pytest.raises(ValidationFailed):
        services.holidays.add(CalendarDay(date(2026, 11, 28), "Thứ Bảy"))  # a Saturday off adds nothing
    with pytest.raises(ValidationFailed):
        services.holidays.add(CalendarDay(date(2026, 11, 27), "Thứ Sáu", DayKind.WORK))
    with pytest.raises(Conflict):
        services.holidays.add(CalendarDay(date(2026, 2, 17), "Trùng"))
    with pytest.raises(NotFound):
        services.holidays.remove(date(2026, 11, 26))


def test_bad_input_changes_nothing(services: Services, htp: ProjectView) -> None:
    row = services.consultations.add(htp.id, "Bộ Tài chính")
    services.consultations.update(row.id, sent_on=date(2026, 3, 2))
    with pytest.raises(ValidationFailed):
        services.consultations.update(row.id, received_on=date(2026, 3, 1))
    with pytest.raises(ValidationFailed):
        services.consultations.update(row.id, name="  ")
    with pytest.raises(ValidationFailed):
        services.consultations.update(row.id, reply_days=-1)
    with pytest.raises(Conflict):
        services.consultations.add(htp.id, "bộ tài chính")
    with pytest.raises(ValidationFailed):
        services.consultations.update(row.id, clear_sent=True, received_on=date(2026, 3, 5))
    [stored] = services.consultations.overview(htp.id).rows
    assert (stored.name, stored.sent_on, stored.received_on, stored.reply_days) == (
        "Bộ Tài chính",
        date(2026, 3, 2),
        None,
        20,
    )


def test_rename_remove_and_audit(services: Services, htp: ProjectView) -> None:
    row = services.consultations.add(htp.id, "Bộ Tài chánh")
    services.consultations.update(row.id, name="Bộ Tài chính")
    assert services.consultations.overview(htp.id).rows[0].name == "Bộ Tài chính"
    services.consultations.remove(row.id)
    assert services.consultations.overview(htp.id).rows == ()
    with pytest.raises(NotFound):
        services.consultations.remove(row.id)
    actions = _audit_actions(services)
    assert [a for a in actions if a.startswith("consultation.")] == [
        "consultation.add",
        "consultation.update",
        "consultation.remove",
    ]


def test_clerks_record_dates_but_do_not_edit_the_calendar(services: Services, htp: ProjectView) -> None:
    services.accounts.add("vanthu", ["clerk"], "mat-khau-dai-123")
    row = services.consultations.add(htp.id, "Bộ Tài chính")
    services.context.operator = Operator("vanthu")
    services.consultations.update(row.id, sent_on=date(2026, 3, 2))
    with pytest.raises(PermissionDenied):
        services.holidays.add(CalendarDay(date(2026, 11, 27), "Nghỉ"))
    assert date(2026, 11, 27) not in services.holidays.calendar().days_off
