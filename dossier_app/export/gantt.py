"""The milestone plan drawn as a Gantt chart with Pillow (called through export/charts.py)."""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from dossier_app.domain.milestones import Assessment, Baseline, Bound, Deadline, Milestone, MilestoneStatus, Risk
from dossier_app.export.chart_canvas import (
    ACTUAL,
    AT_RISK,
    AXIS,
    BASE_SIZE,
    BASELINE,
    GRID,
    MUTED,
    NOT_AFTER,
    NOT_BEFORE,
    OVERDUE,
    PLANNED,
    PLANNED_EDGE,
    TEXT,
    TODAY,
    Box,
    Canvas,
    LegendItem,
    draw_legend,
    legend_columns,
    legend_size,
    marker,
)
from dossier_app.export.chart_values import ChartSize, GanttScale, format_number

LABEL_CHARS = 48
ROW_IN = 0.36
LABEL_IN = 3.5  # room for "M12  Chi trả tiền bồi thường, hỗ trợ…" at 9 pt
INCH_PER_TICK = {"week": 0.42, "month": 0.62}
MIN_TICK_GAP_IN = {"week": 0.42, "month": 0.5}
MAX_WIDTH_IN = 80.0
# Planned bars take the colour of the step's risk: face and edge.
RISK_COLOURS = {
    Risk.ON_TRACK: (PLANNED, PLANNED_EDGE),
    Risk.AT_RISK: ("#fcd581", AT_RISK),
    Risk.OVERDUE: ("#f5a3a3", OVERDUE),
}
RISK_TEXT = {Risk.ON_TRACK: TEXT, Risk.AT_RISK: "#9a6700", Risk.OVERDUE: OVERDUE}


def _x(day: date) -> float:
    """Days as x coordinates: the proleptic ordinal, so the chart needs no date converter."""
    return float(day.toordinal())


def _label(milestone: Milestone) -> str:
    text = f"{milestone.key}  {' '.join(milestone.title.split())}"
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1].rstrip() + "…"


def _days(start: date, end: date) -> float:
    """The width of a bar that covers both its first and its last day."""
    return float((end - start).days + 1)


def _span(
    milestones: Sequence[Milestone], deadlines: Sequence[Deadline], baseline: Baseline | None, today: date
) -> tuple[date, date]:
    dates = [today, *(d.due for d in deadlines)]
    for m in milestones:
        dates.extend(d for d in (m.planned_start, m.planned_end, m.actual_start, m.actual_end) if d is not None)
        frozen = baseline.dates(m.key) if baseline is not None else None
        if frozen is not None:
            dates.extend(d for d in (frozen.planned_start, frozen.planned_end) if d is not None)
    days = (max(dates) - min(dates)).days
    pad = max(7, days // 40)  # a margin of about a week on a week scale, more on a long plan
    return min(dates) - timedelta(days=pad), max(dates) + timedelta(days=pad + 3)


def _ticks(first: date, last: date, scale: GanttScale) -> list[tuple[date, str]]:
    ticks: list[tuple[date, str]] = []
    if scale == "week":
        day = first + timedelta(days=(7 - first.weekday()) % 7)
        while day <= last:
            ticks.append((day, f"{day.isocalendar().week}\n{day:%d/%m}"))
            day += timedelta(days=7)
        return ticks
    day = date(first.year, first.month, 1)
    if day < first:
        day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    while day <= last:
        year = f"\n{day.year}" if not ticks or day.month == 1 else ""
        ticks.append((day, f"T{day.month}{year}"))
        day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return ticks


def _width(size: ChartSize, ticks: int, scale: GanttScale) -> float:
    if size.width_in is not None:
        return size.width_in
    return min(MAX_WIDTH_IN, max(10.0, LABEL_IN + 0.6 + ticks * INCH_PER_TICK[scale]))


MARGIN_PT = 6.0
TICK_PT = 3.5
MINOR_TICK_PT = 2.0


@dataclass(frozen=True)
class _Axes:
    """Where the plan goes: the plot box, the rows (steps) and the days from its left to its right edge."""

    plot: Box
    rows: int
    first: float
    last: float

    def x(self, day: float) -> float:
        return self.plot.left + (day - self.first) / (self.last - self.first) * self.plot.width

    def y(self, row: float) -> float:
        return self.plot.top + (row + 0.5) * self.plot.height / self.rows

    def band(self, row: int, share: float) -> tuple[float, float]:
        """The top and bottom of a bar `share` of a row tall, centred on the row."""
        half = self.plot.height / self.rows * share / 2
        return self.y(row) - half, self.y(row) + half

    def bar(self, row: int, start: date, end: date, share: float) -> Box:
        top, bottom = self.band(row, share)
        return Box(self.x(_x(start)), top, self.x(_x(start) + _days(start, end)), bottom)


def _empty(size: ChartSize, title: str) -> bytes:
    canvas = Canvas(size.width_in or 8.0, size.dpi)
    canvas.begin(size.height_in or 2.0)
    message = "Chưa có mốc tiến độ nào trong kế hoạch."
    canvas.text(canvas.width / 2, canvas.height * 0.55, message, BASE_SIZE + 2, MUTED, "mm")
    if title:
        canvas.text(canvas.width / 2, canvas.pt(MARGIN_PT), title, BASE_SIZE + 3, TEXT, "ma", "bold")
    return canvas.png()


def _draw_rows(
    canvas: Canvas,
    axes: _Axes,
    milestones: Sequence[Milestone],
    risks: dict[str, Risk],
    baseline: Baseline | None,
    today: date,
) -> None:
    for row, m in enumerate(milestones):
        frozen = baseline.dates(m.key) if baseline is not None else None
        if frozen is not None and frozen.planned_start is not None and frozen.planned_end is not None:
            ghost = axes.bar(row, frozen.planned_start, frozen.planned_end, 0.8)
            canvas.rect(ghost, BASELINE, MUTED, 0.8, alpha=0.35, dashed=True)
        face, edge = RISK_COLOURS[risks.get(m.key, Risk.ON_TRACK)]
        start, end = m.planned_start or m.planned_end, m.planned_end or m.planned_start
        if start is not None and end is not None:
            canvas.rect(axes.bar(row, start, end, 0.56), face, edge, 0.9)
        actual_end = m.actual_end
        if actual_end is None and m.actual_start is not None and m.status is MilestoneStatus.RUNNING:
            actual_end = max(today, m.actual_start)
        if m.actual_start is not None and actual_end is not None:
            running = m.actual_end is None
            box = axes.bar(row, m.actual_start, actual_end, 0.24)
            canvas.rect(box, ACTUAL, ACTUAL, 0.6, alpha=0.55 if running else 1.0)
            if running:
                canvas.hatch(box, ACTUAL)
        ends = [d for d in (end, actual_end) if d is not None]
        if m.status is MilestoneStatus.RUNNING and ends:
            canvas.text(axes.x(_x(max(ends)) + 2.5), axes.y(row), f"{m.percent}%", BASE_SIZE - 1, ACTUAL, "lm")
        if start is None and m.actual_start is None:
            x = axes.plot.left + 0.006 * axes.plot.width
            canvas.text(x, axes.y(row), "chưa có ngày", BASE_SIZE - 1, MUTED, "lm", "italic")


def _draw_deadlines(canvas: Canvas, axes: _Axes, rows: dict[str, int], deadlines: Sequence[Deadline]) -> None:
    for deadline in deadlines:
        row = rows.get(deadline.step)
        if row is None:
            continue
        not_after = deadline.bound is Bound.NOT_AFTER
        colour = NOT_AFTER if not_after else NOT_BEFORE
        fill = "#ffffff" if deadline.rule.advisory else colour
        marker(canvas, "diamond" if not_after else "triangle", axes.x(_x(deadline.due)), axes.y(row), fill, colour)


def _legend_items(baseline: Baseline | None, deadlines: Sequence[Deadline], risks: set[Risk]) -> list[LegendItem]:
    items = [LegendItem("Kế hoạch", PLANNED, PLANNED_EDGE), LegendItem("Thực tế", ACTUAL, ACTUAL)]
    if Risk.OVERDUE in risks:
        items.append(LegendItem("Quá hạn", RISK_COLOURS[Risk.OVERDUE][0], OVERDUE))
    if Risk.AT_RISK in risks:
        items.append(LegendItem("Sắp đến hạn", RISK_COLOURS[Risk.AT_RISK][0], AT_RISK))
    if baseline is not None:
        items.append(LegendItem(f"Kế hoạch gốc «{baseline.name}»", BASELINE, MUTED, alpha=0.35, dashed_edge=True))
    bounds = {(d.bound, d.rule.advisory) for d in deadlines}
    if any(bound is Bound.NOT_AFTER for bound, _ in bounds):
        items.append(LegendItem("Hạn luật định (không muộn hơn)", NOT_AFTER, kind="diamond"))
    if any(bound is Bound.NOT_BEFORE for bound, _ in bounds):
        items.append(LegendItem("Thời hạn tối thiểu (không sớm hơn)", NOT_BEFORE, kind="triangle"))
    advisory = sorted(bound for bound, is_advisory in bounds if is_advisory)
    if advisory:
        shape: Literal["diamond", "triangle"] = "diamond" if advisory[0] is Bound.NOT_AFTER else "triangle"
        items.append(LegendItem("Mốc tham khảo (tùy trường hợp)", MUTED, kind=shape, hollow=True))
    items.append(LegendItem("Hôm nay", TODAY, kind="dashed"))
    return items


def draw_gantt(
    milestones: Sequence[Milestone],
    deadlines: Sequence[Deadline],
    assessments: Sequence[Assessment],
    baseline: Baseline | None,
    today: date,
    scale: GanttScale,
    size: ChartSize,
    title: str,
) -> bytes:
    """Draw the plan; see export.charts.gantt_png."""
    if scale not in INCH_PER_TICK:
        raise ValueError(f"unknown Gantt scale {scale!r}")
    if not milestones:
        return _empty(size, title)
    rows = {m.key: row for row, m in enumerate(milestones)}
    risks = {a.key: a.risk for a in assessments if a.key in rows}
    first, last = _span(milestones, deadlines, baseline, today)
    ticks = _ticks(first, last, scale)
    width = _width(size, len(ticks), scale)
    canvas = Canvas(width, size.dpi)
    pt = canvas.pt
    legend = _legend_items(baseline, deadlines, set(risks.values()))
    columns = legend_columns(canvas, legend, math.ceil(9 / (2 if width >= 14 else 3)))
    _, legend_height = legend_size(canvas, legend, columns)
    late = sum(1 for r in risks.values() if r is Risk.OVERDUE)
    heading = canvas.line_height(BASE_SIZE + 3) + pt(4) if title or late else 0.0
    above = pt(MARGIN_PT) + heading + canvas.line_height(BASE_SIZE - 1) + pt(3)
    tick_lines = max(text.count("\n") + 1 for _, text in ticks) if ticks else 1
    below = (
        pt(TICK_PT + 2)
        + tick_lines * canvas.line_height(BASE_SIZE - 1)
        + pt(3)
        + canvas.line_height(BASE_SIZE)
        + pt(6)
        + legend_height
        + pt(MARGIN_PT)
    )
    canvas.begin(size.height_in or canvas.inches(above + pt(72 * ROW_IN) * len(milestones) + below))
    labels = [_label(m) for m in milestones]
    weights = ["bold" if risks.get(m.key) is Risk.OVERDUE else "regular" for m in milestones]
    names_width = max(canvas.text_width(text, BASE_SIZE, w) for text, w in zip(labels, weights, strict=True))  # type: ignore[arg-type]
    plot = Box(pt(MARGIN_PT) + names_width + pt(6), above, canvas.width - pt(MARGIN_PT + 4), canvas.height - below)
    axes = _Axes(plot, len(milestones), _x(first), _x(last))

    stride = max(1, math.ceil(len(ticks) * MIN_TICK_GAP_IN[scale] / max(1.0, width - LABEL_IN - 0.6) - 0.01))
    shown = ticks[::stride]
    for day, _ in ticks:
        canvas.line((axes.x(_x(day)), plot.top), (axes.x(_x(day)), plot.bottom), GRID, 0.6)
    _draw_rows(canvas, axes, milestones, risks, baseline, today)
    _draw_deadlines(canvas, axes, rows, deadlines)
    today_x = axes.x(_x(today) + 0.5)
    canvas.line((today_x, plot.top), (today_x, plot.bottom), TODAY, 1.2, dash=(4.0, 2.0))
    today_text = f"Hôm nay {today:%d/%m/%Y}"
    half = canvas.text_width(today_text, BASE_SIZE - 1, "bold") / 2
    label_x = min(max(today_x, half + pt(MARGIN_PT)), canvas.width - half - pt(MARGIN_PT))
    canvas.text(label_x, plot.top - pt(2), today_text, BASE_SIZE - 1, TODAY, "md", "bold")

    canvas.line((plot.left, plot.top), (plot.left, plot.bottom), AXIS, 0.8)
    canvas.line((plot.left, plot.bottom), (plot.right, plot.bottom), AXIS, 0.8)
    if stride > 1:  # unlabelled ticks between the labelled ones
        for day, _ in ticks:
            x = axes.x(_x(day))
            canvas.line((x, plot.bottom), (x, plot.bottom + pt(MINOR_TICK_PT)), AXIS, 0.6)
    for day, text in shown:
        x = axes.x(_x(day))
        canvas.line((x, plot.bottom), (x, plot.bottom + pt(TICK_PT)), AXIS, 0.8)
        canvas.text(x, plot.bottom + pt(TICK_PT + 2), text, BASE_SIZE - 1, TEXT, "ma")
    for row, (text, weight, m) in enumerate(zip(labels, weights, milestones, strict=True)):
        colour = RISK_TEXT[risks.get(m.key, Risk.ON_TRACK)]
        canvas.text(plot.left - pt(6), axes.y(row), text, BASE_SIZE, colour, "rm", weight)  # type: ignore[arg-type]
    xlabel = "Tuần (số tuần ISO, ngày thứ Hai)" if scale == "week" else "Tháng"
    xlabel_top = plot.bottom + pt(TICK_PT + 2) + tick_lines * canvas.line_height(BASE_SIZE - 1) + pt(3)
    canvas.text((plot.left + plot.right) / 2, xlabel_top, xlabel, BASE_SIZE, MUTED, "ma")
    if title:
        canvas.text(pt(MARGIN_PT), pt(MARGIN_PT), title, BASE_SIZE + 3, TEXT, "la", "bold")
    if late:
        late_text = f"{format_number(late)} bước quá hạn"
        canvas.text(canvas.width - pt(MARGIN_PT), pt(MARGIN_PT) + pt(2), late_text, BASE_SIZE, OVERDUE, "ra")
    draw_legend(canvas, legend, columns, canvas.width / 2, canvas.height - pt(MARGIN_PT) - legend_height)
    return canvas.png()
