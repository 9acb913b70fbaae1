"""The regime's review clock as dated phases, and the state of each ministry consultation against it."""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from dossier_app.domain.outline import ClockStep
from dossier_app.domain.working_days import HolidayCalendar, add_working_days, working_days_between

DUE_SOON_WORKING_DAYS = 3


class ConsultationState(StrEnum):
    """Where one request for comments stands on a given day."""

    NOT_SENT = "not_sent"
    WAITING = "waiting"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    RECEIVED = "received"
    RECEIVED_LATE = "received_late"


@dataclass(frozen=True)
class Phase:
    """One step of the review clock with its dates (end = the step's last working day)."""

    key: str
    title_vi: str
    title_en: str
    working_days: int
    start: date
    end: date

    def state(self, today: date) -> str:
        """'done', 'current' or 'future' relative to today."""
        if today > self.end:
            return "done"
        return "current" if today >= self.start else "future"


def review_phases(submitted_on: date, steps: tuple[ClockStep, ...], calendar: HolidayCalendar) -> tuple[Phase, ...]:
    """Each step starts where the previous ended and lasts its working days, from the submission date."""
    phases = []
    start = submitted_on
    for step in steps:
        end = add_working_days(start, step.working_days, calendar)
        phases.append(Phase(step.key, step.title_vi, step.title_en, step.working_days, start, end))
        start = end
    return tuple(phases)


def due_date(sent_on: date | None, reply_days: int, calendar: HolidayCalendar) -> date | None:
    """The last working day for the reply, counted from the day the request was sent."""
    return None if sent_on is None else add_working_days(sent_on, reply_days, calendar)


def consultation_state(
    sent_on: date | None, due_on: date | None, received_on: date | None, today: date, calendar: HolidayCalendar
) -> ConsultationState:
    """Overdue once today passes the due date with no reply; due soon within the last working days."""
    if sent_on is None or due_on is None:
        return ConsultationState.NOT_SENT
    if received_on is not None:
        return ConsultationState.RECEIVED_LATE if received_on > due_on else ConsultationState.RECEIVED
    if today > due_on:
        return ConsultationState.OVERDUE
    if working_days_between(today, due_on, calendar) <= DUE_SOON_WORKING_DAYS:
        return ConsultationState.DUE_SOON
    return ConsultationState.WAITING
