"""The milestone plan drawn as a Gantt chart on a private Agg figure (called through export/charts.py)."""

import math
from collections.abc import Sequence
from datetime import date, timedelta

from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from dossier_app.domain.milestones import Assessment, Baseline, Bound, Deadline, Milestone, MilestoneStatus, Risk
from dossier_app.export.chart_canvas import (
    ACTUAL,
    AT_RISK,
    BASE_SIZE,
    BASELINE,
    FONT,
    GRID,
    MUTED,
    NOT_AFTER,
    NOT_BEFORE,
    OVERDUE,
    PLANNED,
    PLANNED_EDGE,
    TODAY,
    new_figure,
    png_bytes,
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
RISK_TEXT = {Risk.ON_TRACK: "#212121", Risk.AT_RISK: "#9a6700", Risk.OVERDUE: OVERDUE}


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


def _empty(size: ChartSize, title: str) -> bytes:
    figure = new_figure(size.width_in or 8.0, size.height_in or 2.0, size.dpi)
    figure.text(
        0.5,
        0.55,
        "Chưa có mốc tiến độ nào trong kế hoạch.",
        ha="center",
        va="center",
        fontfamily=FONT,
        fontsize=BASE_SIZE + 2,
        color=MUTED,
    )
    if title:
        figure.suptitle(title, fontfamily=FONT, fontsize=BASE_SIZE + 3, fontweight="bold")
    return png_bytes(figure, size.dpi)


def _draw_rows(
    ax: Axes,
    milestones: Sequence[Milestone],
    risks: dict[str, Risk],
    baseline: Baseline | None,
    today: date,
) -> None:
    for row, m in enumerate(milestones):
        frozen = baseline.dates(m.key) if baseline is not None else None
        if frozen is not None and frozen.planned_start is not None and frozen.planned_end is not None:
            ax.barh(
                row,
                _days(frozen.planned_start, frozen.planned_end),
                left=_x(frozen.planned_start),
                height=0.8,
                color=BASELINE,
                alpha=0.35,
                edgecolor=MUTED,
                linestyle="--",
                linewidth=0.8,
                zorder=1,
            )
        face, edge = RISK_COLOURS[risks.get(m.key, Risk.ON_TRACK)]
        start, end = m.planned_start or m.planned_end, m.planned_end or m.planned_start
        if start is not None and end is not None:
            ax.barh(
                row,
                _days(start, end),
                left=_x(start),
                height=0.56,
                color=face,
                edgecolor=edge,
                linewidth=0.9,
                zorder=2,
            )
        actual_end = m.actual_end
        if actual_end is None and m.actual_start is not None and m.status is MilestoneStatus.RUNNING:
            actual_end = max(today, m.actual_start)
        if m.actual_start is not None and actual_end is not None:
            running = m.actual_end is None
            ax.barh(
                row,
                _days(m.actual_start, actual_end),
                left=_x(m.actual_start),
                height=0.24,
                color=ACTUAL,
                alpha=0.55 if running else 1.0,
                hatch="///" if running else None,
                edgecolor=ACTUAL,
                linewidth=0.6,
                zorder=3,
            )
        ends = [d for d in (end, actual_end) if d is not None]
        if m.status is MilestoneStatus.RUNNING and ends:
            ax.text(
                _x(max(ends)) + 2.5,
                row,
                f"{m.percent}%",
                va="center",
                ha="left",
                fontfamily=FONT,
                fontsize=BASE_SIZE - 1,
                color=ACTUAL,
                zorder=5,
            )
        if start is None and m.actual_start is None:
            ax.text(
                0.006,
                row,
                "chưa có ngày",
                transform=ax.get_yaxis_transform(),
                va="center",
                ha="left",
                fontfamily=FONT,
                fontsize=BASE_SIZE - 1,
                fontstyle="italic",
                color=MUTED,
                zorder=5,
            )


def _draw_deadlines(ax: Axes, rows: dict[str, int], deadlines: Sequence[Deadline]) -> None:
    for deadline in deadlines:
        row = rows.get(deadline.step)
        if row is None:
            continue
        not_after = deadline.bound is Bound.NOT_AFTER
        colour = NOT_AFTER if not_after else NOT_BEFORE
        ax.plot(
            _x(deadline.due),
            row,
            marker="D" if not_after else "^",
            markersize=7 if not_after else 8,
            color=colour,
            markerfacecolor="white" if deadline.rule.advisory else colour,
            markeredgewidth=1.2,
            linestyle="none",
            zorder=6,
        )


def _legend_handles(baseline: Baseline | None, deadlines: Sequence[Deadline], risks: set[Risk]) -> list[Patch | Line2D]:
    handles: list[Patch | Line2D] = [
        Patch(facecolor=PLANNED, edgecolor=PLANNED_EDGE, label="Kế hoạch"),
        Patch(facecolor=ACTUAL, edgecolor=ACTUAL, label="Thực tế"),
    ]
    if Risk.OVERDUE in risks:
        handles.append(Patch(facecolor=RISK_COLOURS[Risk.OVERDUE][0], edgecolor=OVERDUE, label="Quá hạn"))
    if Risk.AT_RISK in risks:
        handles.append(Patch(facecolor=RISK_COLOURS[Risk.AT_RISK][0], edgecolor=AT_RISK, label="Sắp đến hạn"))
    if baseline is not None:
        handles.append(
            Patch(
                facecolor=BASELINE, alpha=0.35, edgecolor=MUTED, linestyle="--", label=f"Kế hoạch gốc «{baseline.name}»"
            )
        )
    bounds = {(d.bound, d.rule.advisory) for d in deadlines}
    if any(bound is Bound.NOT_AFTER for bound, _ in bounds):
        handles.append(
            Line2D(
                [],
                [],
                marker="D",
                color=NOT_AFTER,
                linestyle="none",
                markersize=7,
                label="Hạn luật định (không muộn hơn)",
            )
        )
    if any(bound is Bound.NOT_BEFORE for bound, _ in bounds):
        handles.append(
            Line2D(
                [],
                [],
                marker="^",
                color=NOT_BEFORE,
                linestyle="none",
                markersize=8,
                label="Thời hạn tối thiểu (không sớm hơn)",
            )
        )
    advisory = sorted(bound for bound, is_advisory in bounds if is_advisory)
    if advisory:
        handles.append(
            Line2D(
                [],
                [],
                marker="D" if advisory[0] is Bound.NOT_AFTER else "^",
                color=MUTED,
                markerfacecolor="white",
                linestyle="none",
                markersize=7,
                label="Mốc tham khảo (tùy trường hợp)",
            )
        )
    handles.append(Line2D([], [], color=TODAY, linestyle="--", label="Hôm nay"))
    return handles


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
    legend_rows = 2 if width >= 14 else 3
    height = size.height_in or (0.9 + (0.35 if title else 0) + len(milestones) * ROW_IN + 0.55 + 0.28 * legend_rows)
    figure = new_figure(width, height, size.dpi)
    ax = figure.add_subplot()
    left_edge = float(_x(first))
    _draw_rows(ax, milestones, risks, baseline, today)
    _draw_deadlines(ax, rows, deadlines)
    ax.axvline(_x(today) + 0.5, color=TODAY, linestyle="--", linewidth=1.2, zorder=7)
    ax.text(
        _x(today) + 0.5,
        -0.75,
        f"Hôm nay {today:%d/%m/%Y}",
        ha="center",
        va="bottom",
        fontfamily=FONT,
        fontsize=BASE_SIZE - 1,
        color=TODAY,
        fontweight="bold",
        clip_on=False,
        zorder=8,
    )
    ax.set_ylim(len(milestones) - 0.5, -0.5)
    ax.set_yticks(range(len(milestones)), [_label(m) for m in milestones], fontfamily=FONT, fontsize=BASE_SIZE)
    for label, m in zip(ax.get_yticklabels(), milestones, strict=True):
        risk = risks.get(m.key, Risk.ON_TRACK)
        label.set_color(RISK_TEXT[risk])
        if risk is Risk.OVERDUE:
            label.set_fontweight("bold")
    stride = max(1, math.ceil(len(ticks) * MIN_TICK_GAP_IN[scale] / max(1.0, width - LABEL_IN - 0.6) - 0.01))
    shown = ticks[::stride]
    ax.set_xticks([_x(d) for d, _ in shown], [text for _, text in shown], fontfamily=FONT, fontsize=BASE_SIZE - 1)
    if stride > 1:  # unlabelled ticks between the labelled ones (tick objects are costly: only when needed)
        ax.set_xticks([_x(d) for d, _ in ticks], minor=True)
    ax.set_xlim(left_edge, _x(last))  # after the ticks, which would widen the view to include themselves
    ax.grid(axis="x", which="both", color=GRID, linewidth=0.6, zorder=0)
    ax.set_axisbelow(True)
    ax.tick_params(axis="y", length=0)
    ax.set_xlabel(
        "Tuần (số tuần ISO, ngày thứ Hai)" if scale == "week" else "Tháng",
        fontfamily=FONT,
        fontsize=BASE_SIZE,
        color=MUTED,
    )
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    if title:
        ax.set_title(title, fontfamily=FONT, fontsize=BASE_SIZE + 3, fontweight="bold", loc="left", pad=18)
    late = sum(1 for r in risks.values() if r is Risk.OVERDUE)
    if late:
        ax.set_title(
            f"{format_number(late)} bước quá hạn",
            fontfamily=FONT,
            fontsize=BASE_SIZE,
            color=OVERDUE,
            loc="right",
            pad=18,
        )
    figure.legend(
        handles=_legend_handles(baseline, deadlines, set(risks.values())),
        loc="outside lower center",
        ncols=math.ceil(9 / legend_rows),
        frameon=False,
        prop={"family": FONT, "size": BASE_SIZE - 0.5},
    )
    return png_bytes(figure, size.dpi)
