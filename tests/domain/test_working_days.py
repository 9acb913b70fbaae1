"""Working days over the shipped holiday calendars: weekends, Tết, the Hùng Kings and make-up Saturdays."""

from datetime import date, timedelta

import pytest

from dossier_app.domain.errors import ValidationFailed
from dossier_app.domain.outline import ClockStep
from dossier_app.domain.review_clock import ConsultationState, consultation_state, due_date, review_phases
from dossier_app.domain.working_days import (
    CalendarDay,
    DayKind,
    HolidayCalendar,
    add_working_days,
    is_working_day,
    parse_holidays,
    working_days_between,
)
from dossier_app.storage.resources import load_holiday_files


@pytest.fixture(scope="module")
def calendar() -> HolidayCalendar:
    """The calendar exactly as shipped (2025-2027)."""
    return HolidayCalendar.of(load_holiday_files())


NO_HOLIDAYS = HolidayCalendar()


def test_shipped_files_cover_the_fixed_holidays_of_each_year() -> None:
    days = {d.day: d for d in load_holiday_files()}
    for year in (2025, 2026, 2027):
        assert date(year, 4, 30) in days and date(year, 9, 2) in days
        assert date(year, 1, 1) in days
    assert date(2025, 1, 29) in days  # mùng 1 Tết Ất Tỵ
    assert date(2026, 2, 17) in days  # mùng 1 Tết Bính Ngọ
    assert date(2025, 4, 7) in days  # Giỗ Tổ 2025
    assert all(d.day.weekday() < 5 for d in days.values() if d.kind is DayKind.OFF)
    assert all(d.day.weekday() == 5 for d in days.values() if d.kind is DayKind.WORK)


def test_weekends_are_not_working_days() -> None:
    assert is_working_day(date(2026, 11, 27), NO_HOLIDAYS)  # Friday
    assert not is_working_day(date(2026, 11, 28), NO_HOLIDAYS)
    assert not is_working_day(date(2026, 11, 29), NO_HOLIDAYS)
    assert add_working_days(date(2026, 11, 27), 1, NO_HOLIDAYS) == date(2026, 11, 30)
    assert add_working_days(date(2026, 11, 23), 5, NO_HOLIDAYS) == date(2026, 11, 30)
    assert add_working_days(date(2026, 11, 23), 0, NO_HOLIDAYS) == date(2026, 11, 23)


def test_tet_2026_week_is_skipped(calendar: HolidayCalendar) -> None:
    for day in range(14, 23):
        assert not is_working_day(date(2026, 2, day), calendar), day
    assert is_working_day(date(2026, 2, 13), calendar) and is_working_day(date(2026, 2, 23), calendar)
    # Friday 13/02 + 1 working day jumps the whole Tết break to Monday 23/02.
    assert add_working_days(date(2026, 2, 13), 1, calendar) == date(2026, 2, 23)
    # 10/02 (Tue) + 5: 11, 12, 13, then 23, 24.
    assert add_working_days(date(2026, 2, 10), 5, calendar) == date(2026, 2, 24)
    assert working_days_between(date(2026, 2, 13), date(2026, 2, 23), calendar) == 1
    assert working_days_between(date(2026, 2, 1), date(2026, 2, 28), calendar) == 20 - 5 - 1 + 1


def test_twenty_working_days_across_tet_2026(calendar: HolidayCalendar) -> None:
    # From Mon 02/02/2026: working days 3-6, 9-13 (9), 23-27 (14), 2-6/3 (19), 9/3 is the 20th.
    assert add_working_days(date(2026, 2, 2), 20, calendar) == date(2026, 3, 9)
    assert add_working_days(date(2026, 2, 2), 20, NO_HOLIDAYS) == date(2026, 3, 2)


def test_hung_kings_and_reunification_2026(calendar: HolidayCalendar) -> None:
    assert not is_working_day(date(2026, 4, 27), calendar)  # compensating Monday for Sunday 26/04
    assert not is_working_day(date(2026, 4, 30), calendar) and not is_working_day(date(2026, 5, 1), calendar)
    # Fri 24/04 + 3: Tue 28, Wed 29, then Mon 04/05.
    assert add_working_days(date(2026, 4, 24), 3, calendar) == date(2026, 5, 4)


def test_make_up_saturday_counts(calendar: HolidayCalendar) -> None:
    assert is_working_day(date(2025, 4, 26), calendar)  # Saturday worked for Friday 02/05/2025
    assert add_working_days(date(2025, 4, 25), 1, calendar) == date(2025, 4, 26)
    assert not is_working_day(date(2025, 5, 2), calendar)


def test_between_is_the_inverse_of_add(calendar: HolidayCalendar) -> None:
    start = date(2025, 12, 15)
    for n in range(0, 80, 7):
        end = add_working_days(start, n, calendar)
        assert working_days_between(start, end, calendar) == n
        assert working_days_between(end, start, calendar) == -n
    day = start
    for _ in range(60):
        day += timedelta(days=1)
        assert is_working_day(day, calendar) == (working_days_between(day - timedelta(days=1), day, calendar) == 1)


def test_negative_count_is_refused() -> None:
    with pytest.raises(ValueError):
        add_working_days(date(2026, 1, 5), -1, NO_HOLIDAYS)


def test_holiday_file_errors() -> None:
    with pytest.raises(ValidationFailed):
        parse_holidays({"year": 2026, "days_off": [{"date": "2025-01-01", "name": "x"}]})
    with pytest.raises(ValidationFailed):
        parse_holidays({"year": 2026, "working_days": [{"date": "2026-01-05", "name": "Monday"}]})
    with pytest.raises(ValidationFailed):
        parse_holidays({"year": 2026, "days_off": [{"date": "2026-01-01", "name": ""}]})
    with pytest.raises(ValidationFailed):
        parse_holidays({"year": 2026, "days_off": [{"date": "2026-01-01", "name": "a"}] * 2})
    parsed = parse_holidays({"year": 2026, "days_off": [{"date": date(2026, 1, 1), "name": "Tết Dương lịch"}]})
    assert parsed == (CalendarDay(date(2026, 1, 1), "Tết Dương lịch", DayKind.OFF),)


STEPS = (
    ClockStep("ask_ministries", "Hỏi ý kiến", "Ask", 5),
    ClockStep("ministries_reply", "Trả lời", "Reply", 20),
    ClockStep("most_assessment", "Đánh giá", "Assess", 5),
    ClockStep("submit_to_pm", "Trình", "Submit", 5),
)


def test_review_clock_phases_across_tet_2026(calendar: HolidayCalendar) -> None:
    phases = review_phases(date(2026, 1, 26), STEPS, calendar)
    assert [(p.start, p.end) for p in phases] == [
        (date(2026, 1, 26), date(2026, 2, 2)),
        (date(2026, 2, 2), date(2026, 3, 9)),
        (date(2026, 3, 9), date(2026, 3, 16)),
        (date(2026, 3, 16), date(2026, 3, 23)),
    ]
    assert [p.state(date(2026, 2, 20)) for p in phases] == ["done", "current", "future", "future"]


def test_consultation_states(calendar: HolidayCalendar) -> None:
    sent = date(2026, 2, 2)
    due = due_date(sent, 20, calendar)
    assert due == date(2026, 3, 9)
    assert due_date(None, 20, calendar) is None

    def state(received: date | None, today: date) -> ConsultationState:
        return consultation_state(sent, due, received, today, calendar)

    assert state(None, date(2026, 2, 25)) is ConsultationState.WAITING
    assert state(None, date(2026, 3, 4)) is ConsultationState.DUE_SOON  # 3 working days left
    assert state(None, date(2026, 3, 9)) is ConsultationState.DUE_SOON
    assert state(None, date(2026, 3, 10)) is ConsultationState.OVERDUE
    assert state(date(2026, 3, 9), date(2026, 4, 1)) is ConsultationState.RECEIVED
    assert state(date(2026, 3, 10), date(2026, 4, 1)) is ConsultationState.RECEIVED_LATE
    assert consultation_state(None, None, None, sent, calendar) is ConsultationState.NOT_SENT
