"""`python main.py milestones CODE`: a project's plan as a table, with its legal deadlines, risks and drift."""

import argparse
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from dossier_app.domain.errors import QT_TRANSLATE_NOOP, ValidationFailed
from dossier_app.domain.milestones import Bound, Deadline, Finding, FindingKind, Milestone, MilestoneStatus, Risk

if TYPE_CHECKING:
    from dossier_app.services import Services
    from dossier_app.services.milestones.milestones import PlanView


TITLE_WIDTH = 44
FLAGS = {Risk.OVERDUE: "!!", Risk.AT_RISK: "!", Risk.ON_TRACK: ""}
RISK_WORDS = {
    Risk.OVERDUE: "QUÁ HẠN/OVERDUE",
    Risk.AT_RISK: "SẮP ĐẾN HẠN/AT RISK",
    Risk.ON_TRACK: "",
}
STATUS_WORDS = {
    MilestoneStatus.NOT_STARTED: "chưa làm/not started",
    MilestoneStatus.RUNNING: "đang làm/running",
    MilestoneStatus.DONE: "xong/done",
}
LAND_WORDS = {
    "agricultural": "đất nông nghiệp/agricultural",
    "non_agricultural": "đất phi nông nghiệp/non-agricultural",
}
HEADER = (
    "",
    "MÃ/KEY",
    "BƯỚC/STEP",
    "KẾ HOẠCH/PLANNED",
    "THỰC TẾ/ACTUAL",
    "TRẠNG THÁI/STATUS",
    "%",
    "HẠN LUẬT ĐỊNH/LEGAL DEADLINE",
    "LỆCH/DRIFT",
    "CẢNH BÁO/RISK",
)


def add_milestone_commands(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """`milestones CODE [--baseline NAME] [--today YYYY-MM-DD]`."""
    parser = commands.add_parser(
        "milestones", help="the milestone plan of a project, with legal deadlines; overdue steps flagged"
    )
    parser.add_argument("code", metavar="CODE", help="project code")
    parser.add_argument("--baseline", metavar="NAME", help="show the drift in days against this baseline")
    parser.add_argument("--today", metavar="YYYY-MM-DD", help="measure against this day instead of today")
    parser.set_defaults(handler=cmd_milestones)


def parse_day(text: str) -> date:
    """A date typed as YYYY-MM-DD, or a typed refusal naming it."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("Errors", "'{value}' is not a date; write it as YYYY-MM-DD."), field="today", value=text
        ) from None


def cmd_milestones(services: "Services", args: argparse.Namespace) -> int:
    """Print the plan; exit 0 whatever its state (overdue steps are flagged, not failed)."""
    today = parse_day(args.today) if args.today else None
    project = services.projects.by_code(args.code)
    view = services.milestones.plan(project.id, today=today, baseline=args.baseline)
    print(
        f"Kế hoạch / plan {project.code} — hôm nay / today {view.today.isoformat()} — "
        f"{LAND_WORDS.get(view.land_kind.value, view.land_kind.value)}"
        + (f" — so với / against '{view.baseline.name}'" if view.baseline else "")
    )
    print("\n".join(plan_lines(view)))
    return 0


def plan_lines(view: "PlanView") -> list[str]:
    """The table and a closing line that names the overdue and at-risk steps."""
    rows = [_row(view, milestone) for milestone in view.milestones]
    widths = [max(len(r[i]) for r in [HEADER, *rows]) for i in range(len(HEADER) - 1)]
    lines = [
        "  ".join([*(cell.ljust(w) for cell, w in zip(row[:-1], widths, strict=True)), row[-1]]).rstrip()
        for row in [HEADER, *rows]
    ]
    overdue = [a.key for a in view.assessments if a.risk is Risk.OVERDUE]
    at_risk = [a.key for a in view.assessments if a.risk is Risk.AT_RISK]
    lines.append(
        f"{len(overdue)} bước quá hạn / step(s) overdue{': ' + ', '.join(overdue) if overdue else ''}; "
        f"{len(at_risk)} bước sắp đến hạn / at risk{': ' + ', '.join(at_risk) if at_risk else ''}"
        + (f" (cửa sổ / window {view.at_risk_days} ngày/days)" if view.at_risk_days else "")
    )
    if view.register_steps:
        lines.append(f"% của {', '.join(view.register_steps)}: theo sổ / from the register ({view.parties} hộ/parties)")
    return lines


def _row(view: "PlanView", milestone: Milestone) -> tuple[str, ...]:
    assessment = view.assessment(milestone.key)
    drift = view.drift.get(milestone.key)
    return (
        FLAGS[assessment.risk],
        milestone.key,
        _shorten(milestone.title, TITLE_WIDTH),
        _span(milestone.planned_start, milestone.planned_end),
        _span(milestone.actual_start, milestone.actual_end),
        STATUS_WORDS[milestone.status],
        f"{milestone.percent}" + ("*" if view.is_register_driven(milestone.key) else ""),
        ", ".join(_deadline(d) for d in view.deadlines_of(milestone.key)),
        "" if drift is None else f"{drift:+d}",
        _risk(assessment.risk, assessment.findings),
    )


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _span(start: date | None, end: date | None) -> str:
    if start is None and end is None:
        return "—"
    return f"{start.isoformat() if start else '?'}→{end.isoformat() if end else '?'}"


def _deadline(deadline: Deadline) -> str:
    mark = "≤" if deadline.bound is Bound.NOT_AFTER else "≥"
    text = f"{mark}{deadline.due.isoformat()}"
    return f"({text})" if deadline.rule.advisory else text


def _risk(risk: Risk, findings: Sequence[Finding]) -> str:
    if risk is Risk.ON_TRACK:
        return ""
    worst = [f for f in findings if f.risk is risk]
    return f"{RISK_WORDS[risk]}: " + "; ".join(reason(f) for f in worst)


def reason(finding: Finding) -> str:
    """Why a step is flagged, in Vietnamese then English."""
    due, days = finding.due.isoformat(), finding.days
    rule = f" [{finding.rule_key}]" if finding.rule_key else ""
    if finding.kind is FindingKind.DEADLINE_MISSED:
        return f"trễ hạn luật định {due} {days} ngày / {days} day(s) past the legal deadline {due}{rule}"
    if finding.kind is FindingKind.DONE_LATE:
        return f"xong sau hạn {due} {days} ngày / done {days} day(s) after the legal deadline {due}{rule}"
    if finding.kind is FindingKind.ENDED_EARLY:
        return f"kết thúc sớm {days} ngày trước {due} / ended {days} day(s) before {due}{rule}"
    if finding.kind is FindingKind.PLANNED_END_PASSED:
        return f"quá ngày kết thúc kế hoạch {due} {days} ngày / {days} day(s) past the planned end {due}"
    return f"còn {days} ngày đến hạn {due} / {days} day(s) left to the legal deadline {due}{rule}"
