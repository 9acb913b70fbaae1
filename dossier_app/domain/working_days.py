"""Working-day arithmetic for legal review clocks: weekends, public holidays and make-up Saturdays."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from dossier_app.domain.errors import QT_TRANSLATE_NOOP, ValidationFailed

WEEKEND = (5, 6)  # Saturday, Sunday


class DayKind(StrEnum):
    """A day the calendar changes: a holiday off, or a weekend day worked in exchange (ngày làm bù)."""

    OFF = "off"
    WORK = "work"


@dataclass(frozen=True)
class CalendarDay:
    """One entry of the holiday calendar."""

    day: date
    name: str
    kind: DayKind = DayKind.OFF


@dataclass(frozen=True)
class HolidayCalendar:
    """The days off on weekdays and the weekend days worked; everything else follows the week."""

    days_off: frozenset[date] = field(default_factory=frozenset)
    extra_working_days: frozenset[date] = field(default_factory=frozenset)

    @classmethod
    def of(cls, days: Iterable[CalendarDay]) -> "HolidayCalendar":
        """Build the calendar from its entries."""
        days = list(days)
        return cls(
            frozenset(d.day for d in days if d.kind is DayKind.OFF),
            frozenset(d.day for d in days if d.kind is DayKind.WORK),
        )


def is_working_day(day: date, calendar: HolidayCalendar) -> bool:
    """Monday to Friday except holidays, plus the make-up Saturdays."""
    if day in calendar.extra_working_days:
        return True
    return day.weekday() not in WEEKEND and day not in calendar.days_off


def add_working_days(start: date, n: int, calendar: HolidayCalendar) -> date:
    """The n-th working day after `start` (the start day itself is not counted), as legal clocks count."""
    if n < 0:
        raise ValueError("n must not be negative")
    day = start
    while n:
        day += timedelta(days=1)
        if is_working_day(day, calendar):
            n -= 1
    return day


def working_days_between(start: date, end: date, calendar: HolidayCalendar) -> int:
    """Working days after `start` up to and including `end`; negative when `end` is before `start`."""
    if end < start:
        return -working_days_between(end, start, calendar)
    count = 0
    day = start
    while day < end:
        day += timedelta(days=1)
        if is_working_day(day, calendar):
            count += 1
    return count


def _bad(where: str) -> ValidationFailed:
    return ValidationFailed(
        QT_TRANSLATE_NOOP("Errors", "Holiday file: a day is wrong at {where}."), field="date", where=where
    )


def parse_holidays(data: Mapping[str, Any], where: str = "") -> tuple[CalendarDay, ...]:
    """Read one year's holiday file (`days_off`, `working_days`), refusing dates outside its year."""
    year = data.get("year")
    if not isinstance(year, int):
        raise _bad(f"{where} year")
    entries: list[CalendarDay] = []
    for kind, name in ((DayKind.OFF, "days_off"), (DayKind.WORK, "working_days")):
        for item in data.get(name) or ():
            day = item.get("date") if isinstance(item, Mapping) else None
            label = item.get("name") if isinstance(item, Mapping) else None
            if isinstance(day, str):
                try:
                    day = date.fromisoformat(day)
                except ValueError:
                    raise _bad(f"{where} {name} {day}") from None
            if not isinstance(day, date) or day.year != year or not isinstance(label, str) or not label.strip():
                raise _bad(f"{where} {name} {item}")
            if kind is DayKind.WORK and day.weekday() not in WEEKEND:
                raise _bad(f"{where} {name} {day.isoformat()} (not a weekend day)")
            entries.append(CalendarDay(day, label.strip(), kind))
    seen = [e.day for e in entries]
    if len(seen) != len(set(seen)):
        raise _bad(f"{where} (a day is listed twice)")
    return tuple(sorted(entries, key=lambda e: e.day))
