"""`consultations CODE`: the ministries consulted and the review clock of a project, with overdue flags."""

import argparse
from datetime import date
from typing import TYPE_CHECKING

from dossier_app.domain.review_clock import ConsultationState

if TYPE_CHECKING:
    from dossier_app.services import Services


STATE_WORDS = {
    ConsultationState.NOT_SENT: "chưa gửi/not sent",
    ConsultationState.WAITING: "đang chờ/waiting",
    ConsultationState.DUE_SOON: "sắp đến hạn/due soon",
    ConsultationState.OVERDUE: "QUÁ HẠN/OVERDUE",
    ConsultationState.RECEIVED: "đã nhận/received",
    ConsultationState.RECEIVED_LATE: "nhận trễ/received late",
}
PHASE_WORDS = {"done": "đã qua/done", "current": "ĐANG DIỄN RA/CURRENT", "future": "sắp tới/future"}


def iso_day(text: str) -> date:
    """An argparse type: a YYYY-MM-DD date, refused (exit 2) otherwise."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {text!r}") from None


def add_consultation_commands(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Register `consultations CODE [--today YYYY-MM-DD]`."""
    parser = commands.add_parser("consultations", help="ministries consulted and the review clock, overdue flagged")
    parser.add_argument("code", metavar="CODE", help="project code")
    parser.add_argument("--today", type=iso_day, metavar="YYYY-MM-DD", help="judge due dates on this day")
    parser.set_defaults(handler=cmd_consultations)


def _day(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else "-"


def cmd_consultations(services: "Services", args: argparse.Namespace) -> int:
    """Print the table of consultations and the phases of the review clock; exit 0."""
    project = services.projects.by_code(args.code)
    overview = services.consultations.overview(project.id, args.today)
    regime = services.context.regime(project.regime_key)
    print(f"{project.code} — {project.name} — {regime.code} — hôm nay/today {_day(overview.today)}")
    header = ("CƠ QUAN/BODY", "NGÀY GỬI/SENT", "HẠN/DUE", "NHẬN/RECEIVED", "NGÀY LV/DAYS", "TÌNH TRẠNG/STATE")
    rows = [
        (r.name, _day(r.sent_on), _day(r.due_on), _day(r.received_on), str(r.reply_days), STATE_WORDS[r.state])
        for r in overview.rows
    ]
    if rows:
        widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
        for row in [header, *rows]:
            print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
    else:
        print("(chưa có cơ quan nào được lấy ý kiến — no bodies consulted yet)")
    print()
    print(f"Thời hạn xem xét / review clock ({regime.code}), nộp hồ sơ/filed: {_day(overview.submitted_on)}")
    if not regime.review_clock:
        print("  (chế độ này chưa có thời hạn — this regime has no review clock)")
    elif not overview.phases:
        steps = " + ".join(str(s.working_days) for s in regime.review_clock)
        print(f"  {steps} ngày làm việc/working days; chưa có ngày nộp — no filing date yet")
    for number, phase in enumerate(overview.phases, start=1):
        print(
            f"  {number}. {phase.title_vi} — {phase.working_days} ngày LV/working days: "
            f"{_day(phase.start)} → {_day(phase.end)}  [{PHASE_WORDS[phase.state(overview.today)]}]"
        )
    print()
    print(f"Quá hạn / overdue: {len(overview.overdue)}")
    return 0
