"""The working-day calendar kept in the database (seeded from resources/holidays by migration 0009), editable."""

from datetime import date

from sqlmodel import col, select

from dossier_app.domain.enums import AuditAction
from dossier_app.domain.errors import QT_TRANSLATE_NOOP, Conflict, NotFound, ValidationFailed
from dossier_app.domain.lifecycle import Action
from dossier_app.domain.models import Holiday, new_uid
from dossier_app.domain.working_days import WEEKEND, CalendarDay, DayKind, HolidayCalendar
from dossier_app.services.accounts.audit import AuditTrail
from dossier_app.services.core.context import ServiceContext
from dossier_app.services.core.permissions import require_action


def _day(row: Holiday) -> CalendarDay:
    return CalendarDay(row.day, row.name, DayKind(row.kind))


def _checked(entry: CalendarDay) -> str:
    """The entry's name, tidied; refused when empty, or when its kind does not fit its weekday."""
    name = " ".join(entry.name.split())
    if not name:
        raise ValidationFailed(QT_TRANSLATE_NOOP("Errors", "The name of the day is empty."), field="name")
    weekend = entry.day.weekday() in WEEKEND
    if entry.kind is DayKind.WORK and not weekend:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("Errors", "A make-up working day must be a Saturday or Sunday ({day})."),
            field="day",
            day=entry.day.strftime("%d/%m/%Y"),
        )
    if entry.kind is DayKind.OFF and weekend:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("Errors", "{day} is a weekend day already; list the weekday taken off instead."),
            field="day",
            day=entry.day.strftime("%d/%m/%Y"),
        )
    return name


def _missing(day: date) -> NotFound:
    return NotFound(QT_TRANSLATE_NOOP("Errors", "The calendar has no entry on {day}."), day=day.strftime("%d/%m/%Y"))


class HolidayService:
    """Public holidays and make-up Saturdays per year; every due date is counted over them."""

    def __init__(self, context: ServiceContext, audit: AuditTrail) -> None:
        self._context = context
        self._audit = audit

    def days(self, year: int | None = None) -> list[CalendarDay]:
        """The calendar's entries, of one year or all, by date."""
        with self._context.database.begin() as session:
            query = select(Holiday).order_by(col(Holiday.day))
            if year is not None:
                query = query.where(col(Holiday.day) >= date(year, 1, 1), col(Holiday.day) <= date(year, 12, 31))
            return [_day(row) for row in session.exec(query)]

    def years(self) -> list[int]:
        """The years the calendar has entries for."""
        return sorted({entry.day.year for entry in self.days()})

    def calendar(self) -> HolidayCalendar:
        """The whole calendar, as the working-day arithmetic takes it."""
        return HolidayCalendar.of(self.days())

    def add(self, entry: CalendarDay, *, uid: str | None = None) -> CalendarDay:
        """Add a day off (a weekday) or a make-up working day (a Saturday or Sunday); `uid`: the id a desktop made it
        with (sync keeps it)."""
        name = _checked(entry)
        with self._context.database.begin() as session:
            actor = require_action(session, self._context, Action.EDIT_CALENDAR).name
            if session.exec(select(Holiday).where(Holiday.day == entry.day)).first() is not None:
                raise Conflict(
                    QT_TRANSLATE_NOOP("Errors", "The calendar already has {day}."), day=entry.day.strftime("%d/%m/%Y")
                )
            row = Holiday(day=entry.day, name=name, kind=entry.kind.value, uid=uid or new_uid())
            session.add(row)
            session.flush()
            summary = f"{entry.day.isoformat()} {entry.kind.value} '{name}'"
            self._audit.record(session, actor, AuditAction.HOLIDAY_ADD, "holiday", row.id, summary)
            return _day(row)

    def change(self, entry: CalendarDay) -> CalendarDay:
        """Give a day of the calendar another name or kind (a desktop's edit, merged by sync)."""
        name = _checked(entry)
        with self._context.database.begin() as session:
            actor = require_action(session, self._context, Action.EDIT_CALENDAR).name
            row = session.exec(select(Holiday).where(Holiday.day == entry.day)).first()
            if row is None:
                raise _missing(entry.day)
            summary = f"{row.day.isoformat()} {row.kind} '{row.name}' → {entry.kind.value} '{name}'"
            row.name, row.kind = name, entry.kind.value
            session.add(row)
            self._audit.record(session, actor, AuditAction.HOLIDAY_CHANGE, "holiday", row.id, summary)
            return _day(row)

    def remove(self, day: date) -> None:
        """Take a day out of the calendar."""
        with self._context.database.begin() as session:
            actor = require_action(session, self._context, Action.EDIT_CALENDAR).name
            row = session.exec(select(Holiday).where(Holiday.day == day)).first()
            if row is None:
                raise _missing(day)
            summary = f"{row.day.isoformat()} {row.kind} '{row.name}'"
            session.delete(row)
            self._audit.record(session, actor, AuditAction.HOLIDAY_REMOVE, "holiday", row.id, summary)
