"""Demo consultations for CT-HTP: filed some weeks ago, most ministries answered, one overdue, one due soon."""

from datetime import date, timedelta

from dossier_app.domain.working_days import HolidayCalendar, add_working_days, working_days_between
from dossier_app.services.accounts.audit import AuditTrail
from dossier_app.services.completeness.consultations import ConsultationService
from dossier_app.services.core.context import ServiceContext
from dossier_app.services.milestones.holidays import HolidayService

CONSULTATION_PROJECT = "CT-HTP"
FILED_WORKING_DAYS_AGO = 32  # ask 5 + reply 20 ends 7 working days before today: late replies show as overdue


def working_days_before(day: date, n: int, calendar: HolidayCalendar) -> date:
    """The day n working days before `day` (the inverse of add_working_days)."""
    start = day
    while working_days_between(start, day, calendar) < n:
        start -= timedelta(days=1)
    return start


def load_consultations(writer: ServiceContext, audit: AuditTrail, project_id: int) -> int:
    """Fill an empty consultation list with the regime's bodies and dates relative to today; rows added."""
    holidays = HolidayService(writer, audit)
    service = ConsultationService(writer, audit, holidays)
    overview = service.overview(project_id)
    if overview.rows or overview.submitted_on:
        return 0
    calendar = holidays.calendar()
    today = service.today()
    filed = working_days_before(today, FILED_WORKING_DAYS_AGO, calendar)
    service.set_submitted(project_id, filed)
    added = service.add_regime_bodies(project_id)
    rows = service.overview(project_id).rows
    sent = add_working_days(filed, 5, calendar)
    for index, row in enumerate(rows):
        if index == len(rows) - 1:  # sent late, two working days left: due soon
            service.update(row.id, sent_on=working_days_before(today, row.reply_days - 2, calendar))
        elif index == len(rows) - 2:  # no answer after the due date: overdue
            service.update(row.id, sent_on=sent, letter_ref="")
        else:
            received = add_working_days(sent, 8 + 2 * index, calendar)
            service.update(row.id, sent_on=sent, received_on=received, letter_ref=f"{120 + index}/CV")
    return added
