"""Ministry consultations per project and the regime's review clock, counted in working days."""

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from dossier_app.domain.enums import AuditAction
from dossier_app.domain.errors import QT_TRANSLATE_NOOP, Conflict, NotFound, ValidationFailed
from dossier_app.domain.lifecycle import Action
from dossier_app.domain.models import Consultation, Project, ReviewSchedule, new_uid, utc_now
from dossier_app.domain.outline import Regime
from dossier_app.domain.review_clock import (
    ConsultationState,
    Phase,
    consultation_state,
    due_date,
    review_phases,
)
from dossier_app.domain.working_days import HolidayCalendar
from dossier_app.services.accounts.audit import AuditTrail
from dossier_app.services.core.context import ServiceContext
from dossier_app.services.core.permissions import require_action
from dossier_app.services.milestones.holidays import HolidayService

LATE_STATES = frozenset({ConsultationState.OVERDUE, ConsultationState.RECEIVED_LATE})


@dataclass(frozen=True)
class ConsultationRow:
    """One body consulted, its dates and where it stands today."""

    id: int
    name: str
    body_key: str
    reply_days: int
    sent_on: date | None
    due_on: date | None
    received_on: date | None
    letter_ref: str
    state: ConsultationState

    @property
    def overdue(self) -> bool:
        """The reply is late (still missing past its due date, or received after it)."""
        return self.state in LATE_STATES


@dataclass(frozen=True)
class ConsultationOverview:
    """A project's consultations and review clock as of one day."""

    project_id: int
    project_code: str
    regime_key: str
    today: date
    submitted_on: date | None
    rows: tuple[ConsultationRow, ...]
    phases: tuple[Phase, ...]

    @property
    def overdue(self) -> tuple[ConsultationRow, ...]:
        """The rows whose reply is late."""
        return tuple(row for row in self.rows if row.overdue)


def _reply_days(regime: Regime, step_key: str | None = None) -> int:
    """Working days a body has to reply: its clock step, else the regime's reply step, else the first step."""
    steps = {s.key: s.working_days for s in regime.review_clock}
    for key in (step_key, regime.bodies[0].reply_step if regime.bodies else None, "ministries_reply"):
        if key in steps:
            return steps[key]
    return regime.review_clock[0].working_days if regime.review_clock else 0


def _clean_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise ValidationFailed(QT_TRANSLATE_NOOP("Errors", "The name of the body consulted is empty."), field="name")
    return name


def _check_days(reply_days: int) -> int:
    if reply_days < 0 or reply_days > 365:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("Errors", "The reply time must be 0 to 365 working days, not {value}."),
            field="reply_days",
            value=reply_days,
        )
    return reply_days


class ConsultationService:
    """Who was asked for comments, when, and whether their reply is late; the review clock as phases."""

    def __init__(self, context: ServiceContext, audit: AuditTrail, holidays: HolidayService) -> None:
        self._context = context
        self._audit = audit
        self._holidays = holidays

    def today(self) -> date:
        """The day overdue flags are judged on, from the context's clock."""
        return self._context.clock().date()

    def overview(self, project_id: int, today: date | None = None) -> ConsultationOverview:
        """Every consultation with its due date and state, and the review clock's phases from the filing date."""
        today = today or self.today()
        calendar = self._holidays.calendar()
        with self._context.database.begin() as session:
            project = _project(session, project_id)
            schedule = session.get(ReviewSchedule, project_id)
            submitted_on = schedule.submitted_on if schedule else None
            rows = tuple(_row(c, today, calendar) for c in _consultations(session, project_id))
            regime = self._context.regime(project.regime_key)
        phases = review_phases(submitted_on, regime.review_clock, calendar) if submitted_on else ()
        return ConsultationOverview(project_id, project.code, project.regime_key, today, submitted_on, rows, phases)

    def add_regime_bodies(self, project_id: int) -> int:
        """Add the regime's default bodies the project does not list yet; how many were added."""
        with self._context.database.begin() as session:
            actor = require_action(session, self._context, Action.RECORD_CONSULTATIONS).name
            project = _project(session, project_id)
            regime = self._context.regime(project.regime_key)
            existing = list(_consultations(session, project_id))
            keys = {c.body_key for c in existing if c.body_key}
            names = {c.name.casefold() for c in existing}
            added = 0
            for body in regime.bodies:
                if body.key in keys or body.name_vi.casefold() in names:
                    continue
                consultation = Consultation(
                    project_id=project_id,
                    body_key=body.key,
                    name=body.name_vi,
                    position=len(existing) + added,
                    reply_days=_reply_days(regime, body.reply_step),
                    updated_by=actor,
                )
                session.add(consultation)
                added += 1
            if added:
                summary = f"{project.code}: {added} bodies of {regime.key}"
                self._audit.record(
                    session, actor, AuditAction.CONSULTATION_ADD, "project", project_id, summary, project_id
                )
            return added

    def add(
        self,
        project_id: int,
        name: str,
        reply_days: int | None = None,
        *,
        uid: str | None = None,
        body_key: str = "",
    ) -> ConsultationRow:
        """Add a body by name; its reply time defaults to the regime's reply step. A body a desktop added keeps the
        desktop's uid and, if it came from the regime's list, its key there."""
        name = _clean_name(name)
        with self._context.database.begin() as session:
            actor = require_action(session, self._context, Action.RECORD_CONSULTATIONS).name
            project = _project(session, project_id)
            existing = list(_consultations(session, project_id))
            _refuse_duplicate(existing, name, None)
            days = _reply_days(self._context.regime(project.regime_key)) if reply_days is None else reply_days
            consultation = Consultation(
                project_id=project_id,
                body_key=body_key[:40],
                name=name,
                position=len(existing),
                reply_days=_check_days(days),
                updated_by=actor,
                uid=uid or new_uid(),
            )
            session.add(consultation)
            session.flush()
            summary = f"{project.code}: '{name}', {consultation.reply_days} working days"
            self._audit.record(
                session, actor, AuditAction.CONSULTATION_ADD, "consultation", consultation.id, summary, project_id
            )
            return _row(consultation, self.today(), self._holidays.calendar())

    def update(
        self,
        consultation_id: int,
        *,
        name: str | None = None,
        reply_days: int | None = None,
        sent_on: date | None = None,
        received_on: date | None = None,
        letter_ref: str | None = None,
        clear_sent: bool = False,
        clear_received: bool = False,
    ) -> ConsultationRow:
        """Rename a body or record its dates; a reply cannot come before the request."""
        with self._context.database.begin() as session:
            actor = require_action(session, self._context, Action.RECORD_CONSULTATIONS).name
            consultation = _consultation(session, consultation_id)
            before = _describe(consultation)
            if name is not None:
                consultation.name = _clean_name(name)
                _refuse_duplicate(
                    list(_consultations(session, consultation.project_id)), consultation.name, consultation.id
                )
            if reply_days is not None:
                consultation.reply_days = _check_days(reply_days)
            if sent_on is not None or clear_sent:
                consultation.sent_on = None if clear_sent else sent_on
            if received_on is not None or clear_received:
                consultation.received_on = None if clear_received else received_on
            if letter_ref is not None:
                consultation.letter_ref = letter_ref.strip()[:120]
            _check_dates(consultation)
            consultation.updated_at = utc_now()
            consultation.updated_by = actor
            session.add(consultation)
            summary = f"{before} → {_describe(consultation)}"
            self._audit.record(
                session,
                actor,
                AuditAction.CONSULTATION_UPDATE,
                "consultation",
                consultation.id,
                summary,
                consultation.project_id,
            )
            return _row(consultation, self.today(), self._holidays.calendar())

    def remove(self, consultation_id: int) -> None:
        """Remove a body from the project's list (the audit trail keeps what it said)."""
        with self._context.database.begin() as session:
            actor = require_action(session, self._context, Action.RECORD_CONSULTATIONS).name
            consultation = _consultation(session, consultation_id)
            summary = _describe(consultation)
            project_id = consultation.project_id
            session.delete(consultation)
            self._audit.record(
                session, actor, AuditAction.CONSULTATION_REMOVE, "consultation", consultation_id, summary, project_id
            )

    def set_submitted(self, project_id: int, submitted_on: date | None) -> None:
        """Record (or clear) the day the dossier was filed: the review clock starts there."""
        with self._context.database.begin() as session:
            actor = require_action(session, self._context, Action.RECORD_CONSULTATIONS).name
            project = _project(session, project_id)
            schedule = session.get(ReviewSchedule, project_id) or ReviewSchedule(project_id=project_id)
            schedule.submitted_on = submitted_on
            session.add(schedule)
            summary = f"{project.code}: filed on {submitted_on.isoformat() if submitted_on else '-'}"
            self._audit.record(session, actor, AuditAction.REVIEW_SUBMITTED, "project", project_id, summary, project_id)


def _project(session: Session, project_id: int) -> Project:
    project = session.get(Project, project_id)
    if project is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "The project no longer exists."))
    return project


def _consultation(session: Session, consultation_id: int) -> Consultation:
    consultation = session.get(Consultation, consultation_id)
    if consultation is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "This consultation no longer exists."))
    return consultation


def _consultations(session: Session, project_id: int) -> list[Consultation]:
    query = (
        select(Consultation)
        .where(Consultation.project_id == project_id)
        .order_by(col(Consultation.position), col(Consultation.id))
    )
    return list(session.exec(query))


def _refuse_duplicate(existing: list[Consultation], name: str, own_id: int | None) -> None:
    if any(c.name.casefold() == name.casefold() and c.id != own_id for c in existing):
        raise Conflict(QT_TRANSLATE_NOOP("Errors", "'{name}' is already in the list of bodies consulted."), name=name)


def _check_dates(consultation: Consultation) -> None:
    if consultation.received_on is not None and consultation.sent_on is None:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("Errors", "A reply date needs the date the request was sent."), field="received_on"
        )
    if consultation.received_on and consultation.sent_on and consultation.received_on < consultation.sent_on:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("Errors", "The reply ({received}) cannot come before the request ({sent})."),
            field="received_on",
            received=consultation.received_on.strftime("%d/%m/%Y"),
            sent=consultation.sent_on.strftime("%d/%m/%Y"),
        )


def _describe(consultation: Consultation) -> str:
    def day(value: date | None) -> str:
        return value.isoformat() if value else "-"

    return (
        f"'{consultation.name}' {consultation.reply_days}d sent {day(consultation.sent_on)} "
        f"received {day(consultation.received_on)}"
    )


def _row(consultation: Consultation, today: date, calendar: HolidayCalendar) -> ConsultationRow:
    due_on = due_date(consultation.sent_on, consultation.reply_days, calendar)
    return ConsultationRow(
        id=consultation.id or 0,
        name=consultation.name,
        body_key=consultation.body_key,
        reply_days=consultation.reply_days,
        sent_on=consultation.sent_on,
        due_on=due_on,
        received_on=consultation.received_on,
        letter_ref=consultation.letter_ref,
        state=consultation_state(consultation.sent_on, due_on, consultation.received_on, today, calendar),
    )
