"""Appendices II and III of the Tờ trình: the land recovery plan with its Gantt chart, and the compensation and
resettlement summary by ward with the list of households, built from plain values like the other documents."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from dossier_app.domain.milestones import Assessment, Bound, Deadline, FindingKind, Milestone, MilestoneStatus, Risk
from dossier_app.export.chart_values import STEP_NAMES_VI, STEP_ORDER, WardFigures, format_number, ward_label
from dossier_app.export.documents import Letterhead, appendix_note
from dossier_app.export.format_rules import Align
from dossier_app.export.plan import AppendixHeader, Block, Document, DocumentSettings, Image, Paragraph, Run, Table
from dossier_app.export.templates import wording_of

Cell = tuple[Run, ...]

STATUS_VI = {
    MilestoneStatus.NOT_STARTED: "Chưa bắt đầu",
    MilestoneStatus.RUNNING: "Đang thực hiện",
    MilestoneStatus.DONE: "Hoàn thành",
}
PLAN_HEADER = (  # six columns: on a portrait page eight left the step and its unit a word a line
    "Bước, nội dung",
    "Đơn vị chủ trì",
    "Kế hoạch từ – đến",
    "Thực hiện từ – đến",
    "Tình trạng, tiến độ",
    "Thời hạn pháp lý",
)
STEP_COLUMNS = STEP_ORDER  # Chưa bắt đầu, Đã thông báo … Đã cưỡng chế: the columns add up to the parties
HOUSEHOLD_HEADER = (
    "Mã hộ",
    "Họ và tên",
    "Phường",
    "Diện tích thu hồi (m²)",
    "Tổng tiền bồi thường (đồng)",
    "Bước hiện tại",
)
HOUSEHOLD_ALIGN = (Align.LEFT, Align.LEFT, Align.LEFT, Align.RIGHT, Align.RIGHT, Align.LEFT)  # area, money right
NO_DATA = "Chưa có số liệu."
PLAN_APPENDIX = ("Phu_luc_II", "Phụ lục II - Kế hoạch thu hồi đất, bồi thường, hỗ trợ, tái định cư")  # file stem, title
REGISTER_APPENDIX = ("Phu_luc_III", "Phụ lục III - Tổng hợp bồi thường, hỗ trợ, tái định cư")
TOTAL_LABEL = "Tổng cộng"


@dataclass(frozen=True)
class HouseholdLine:
    """One household as the appendix lists it: its code, name, ward, area recovered, money and current step."""

    code: str
    name: str
    ward: str
    recovered_area_m2: Decimal
    compensation_vnd: int
    step: str


def _cell(text: str, bold: bool = False) -> Cell:
    return (Run(text, bold=bold),)


def vnd(amount: int) -> str:
    """Whole đồng with dots between thousands: 1.234.567.890."""
    return format_number(amount)


def square_metres(area: Decimal) -> str:
    """An area in m² with one decimal after a comma (halves rounded up), as Vietnamese documents write it: 1.234,5."""
    return format_number(Decimal(area).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP), 1)


def day(value: date | None) -> str:
    """A date as dd/mm/yyyy, or a dash when there is none."""
    return f"{value:%d/%m/%Y}" if value else "–"


def _span(start: date | None, end: date | None) -> str:
    if start is None and end is None:
        return ""
    return f"{day(start)}\n{day(end)}"  # one date a line: the column stays as narrow as a date


def _head(letterhead: Letterhead, letter_symbol: str, appendix: str, settings: DocumentSettings) -> AppendixHeader:
    label, title = wording_of(settings).head(appendix)
    return AppendixHeader(label, title, appendix_note(letterhead, letter_symbol))


def _status(milestone: Milestone, assessment: Assessment | None) -> str:
    """The step's status, with 'Quá hạn n ngày' for the longest overdue finding."""
    text = STATUS_VI.get(milestone.status, str(milestone.status))
    if assessment is None or assessment.risk is Risk.ON_TRACK:
        return text
    late = [f for f in assessment.findings if f.risk is Risk.OVERDUE]
    if late:
        worst = max(late, key=lambda finding: finding.days)
        word = "Ra trước hạn" if worst.kind is FindingKind.ENDED_EARLY else "Quá hạn"
        return f"{text}; {word} {worst.days} ngày"
    near = min(assessment.findings, key=lambda finding: finding.days)
    return f"{text}; còn {near.days} ngày đến hạn"


def _legal(deadlines: Sequence[Deadline]) -> str:
    """The step's legal deadlines: 'không sau dd/mm/yyyy' or 'không trước dd/mm/yyyy', advisory ones left out."""
    lines = [
        f"{'không trước' if deadline.bound is Bound.NOT_BEFORE else 'không sau'} {day(deadline.due)}"
        for deadline in deadlines
        if not deadline.rule.advisory
    ]
    return "\n".join(lines)


def build_plan_appendix(
    letterhead: Letterhead,
    letter_symbol: str,
    milestones: Sequence[Milestone],
    deadlines: Sequence[Deadline],
    assessments: Sequence[Assessment],
    gantt_png: bytes | None,
    settings: DocumentSettings,
) -> Document:
    """Appendix II: every step of the land recovery plan with its dates, status, progress and legal deadline,
    overdue steps marked, then the Gantt chart at the text width."""
    by_step: dict[str, list[Deadline]] = {}
    for deadline in deadlines:
        by_step.setdefault(deadline.step, []).append(deadline)
    verdicts = {assessment.key: assessment for assessment in assessments}
    blocks: list[Block] = [_head(letterhead, letter_symbol, PLAN_APPENDIX[0], settings)]
    dated = any(m.planned_start or m.planned_end or m.actual_start or m.actual_end for m in milestones)
    if not milestones or not dated:
        blocks.append(Paragraph((Run(f"Kế hoạch chưa có ngày thực hiện. {NO_DATA}"),)))
    if milestones:
        rows = []
        for milestone in milestones:
            verdict = verdicts.get(milestone.key)
            late = verdict is not None and verdict.risk is Risk.OVERDUE
            rows.append(
                (
                    _cell(f"{milestone.key}. {milestone.title}"),  # M1, M2, … as the Gantt chart labels its bars
                    _cell(milestone.responsible),
                    _cell(_span(milestone.planned_start, milestone.planned_end)),
                    _cell(_span(milestone.actual_start, milestone.actual_end)),
                    _cell(f"{_status(milestone, verdict)} ({milestone.percent} %)", bold=late),
                    _cell(_legal(by_step.get(milestone.key, ()))),
                )
            )
        blocks.append(Table(header=tuple(_cell(text) for text in PLAN_HEADER), rows=tuple(rows)))
    if gantt_png and dated:
        width = settings.margins.text_width_mm
        blocks.append(Image(gantt_png, width, "Biểu đồ tiến độ thực hiện (theo tháng)"))
    return Document(
        name=PLAN_APPENDIX[0],
        title=PLAN_APPENDIX[1],
        settings=settings,
        blocks=tuple(blocks),
    )


def _parties_table(wards: Sequence[WardFigures], total: WardFigures) -> Table:
    header = ("Phường", "Số hộ", *(STEP_NAMES_VI[step] for step in STEP_COLUMNS))

    def line(label: str, figures: WardFigures, bold: bool) -> tuple[Cell, ...]:
        steps = (str(figures.parties_by_step.get(step, 0)) for step in STEP_COLUMNS)
        return tuple(_cell(text, bold) for text in (label, str(figures.parties), *steps))

    rows = [line(ward_label(w.ward), w, False) for w in wards]
    rows.append(line(TOTAL_LABEL, total, True))
    align = (Align.LEFT, *(Align.RIGHT for _ in header[1:]))  # counts right, the total row's too
    return Table(header=tuple(_cell(text) for text in header), rows=tuple(rows), align=align)


def _money_table(wards: Sequence[WardFigures], total: WardFigures) -> Table:
    header = (
        "Phường",
        "Tiền bồi thường, hỗ trợ đã phê duyệt (đồng)",
        "Đã chi trả (đồng)",
        "Diện tích thu hồi (m²)",
        "Đã bàn giao (m²)",
    )

    def line(label: str, figures: WardFigures, bold: bool) -> tuple[Cell, ...]:
        values = (
            vnd(figures.money_approved_vnd),
            vnd(figures.money_paid_vnd),
            square_metres(figures.area_planned_m2),
            square_metres(figures.area_recovered_m2),
        )
        return tuple(_cell(text, bold) for text in (label, *values))

    rows = [line(ward_label(w.ward), w, False) for w in wards]
    rows.append(line(TOTAL_LABEL, total, True))
    align = (Align.LEFT, *(Align.RIGHT for _ in header[1:]))  # money and areas right
    return Table(header=tuple(_cell(text) for text in header), rows=tuple(rows), align=align)


def household_table(households: Sequence[HouseholdLine]) -> Table:
    """The households one row each, a long table whose header row repeats on every page."""
    rows = tuple(
        (
            _cell(line.code),
            _cell(line.name),
            _cell(ward_label(line.ward)),
            _cell(square_metres(line.recovered_area_m2)),
            _cell(vnd(line.compensation_vnd)),
            _cell(STEP_NAMES_VI.get(line.step, line.step)),
        )
        for line in households
    )
    return Table(header=tuple(_cell(text) for text in HOUSEHOLD_HEADER), rows=rows, align=HOUSEHOLD_ALIGN)


def build_register_appendix(
    letterhead: Letterhead,
    letter_symbol: str,
    wards: Sequence[WardFigures],
    total: WardFigures,
    charts: Sequence[tuple[bytes, str]],
    households: Sequence[HouseholdLine],
    settings: DocumentSettings,
) -> Document:
    """Appendix III: parties by step and money and area per ward with a bold total row, the dashboard charts, then
    the list of households."""
    blocks: list[Block] = [_head(letterhead, letter_symbol, REGISTER_APPENDIX[0], settings)]
    if not wards:
        blocks.append(Paragraph((Run(f"Sổ giải phóng mặt bằng chưa có hộ nào. {NO_DATA}"),)))
    else:
        blocks += [
            Paragraph((Run("1. Số hộ theo bước đang thực hiện", bold=True),)),
            _parties_table(wards, total),
            Paragraph((Run("2. Kinh phí bồi thường, hỗ trợ và diện tích thu hồi", bold=True),)),
            _money_table(wards, total),
        ]
        width = settings.margins.text_width_mm
        blocks += [Image(png, width, caption) for png, caption in charts]
    if households:
        blocks += [
            Paragraph((Run("3. Danh sách các hộ bị ảnh hưởng", bold=True),)),
            household_table(households),
        ]
    return Document(
        name=REGISTER_APPENDIX[0],
        title=REGISTER_APPENDIX[1],
        settings=settings,
        blocks=tuple(blocks),
    )


__all__ = [
    "PLAN_APPENDIX",
    "REGISTER_APPENDIX",
    "HouseholdLine",
    "build_plan_appendix",
    "build_register_appendix",
    "day",
    "household_table",
    "square_metres",
    "vnd",
]
