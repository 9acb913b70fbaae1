"""Charts of the land clearance plan and register as PNG bytes, one code path for the screen and the PDF appendix.

The inputs are plain values (export/chart_values.py); Pillow is imported only when a chart is drawn, so the program
starts without it. Drawn with Pillow rather than a plotting library: the four charts of an export take about a
tenth of a second, where matplotlib's import alone took a third of one.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from dossier_app.domain.milestones import Assessment, Baseline, Deadline, Milestone
from dossier_app.export.chart_values import (
    DEFAULT_SIZE,
    NO_WARD_VI,
    SCALES,
    STEP_NAMES_VI,
    STEP_ORDER,
    ChartSize,
    GanttScale,
    WardFigures,
    area_unit,
    format_number,
    money_unit,
    ward_label,
)

__all__ = [
    "DEFAULT_SIZE",
    "NO_WARD_VI",
    "SCALES",
    "STEP_NAMES_VI",
    "STEP_ORDER",
    "ChartCall",
    "ChartSize",
    "GanttScale",
    "WardFigures",
    "area_by_ward_png",
    "area_unit",
    "draw_charts",
    "format_number",
    "gantt_png",
    "money_by_ward_png",
    "money_unit",
    "parties_by_step_png",
    "ward_label",
    "warm_up",
]


# Charts ---------------------------------------------------------------------------------------------------------


def gantt_png(
    milestones: Sequence[Milestone],
    deadlines: Sequence[Deadline] = (),
    assessments: Sequence[Assessment] = (),
    baseline: Baseline | None = None,
    *,
    today: date,
    scale: GanttScale = "week",
    size: ChartSize = DEFAULT_SIZE,
    title: str = "",
) -> bytes:
    """The plan as a Gantt chart: planned and actual bars, baseline ghosts, legal deadlines, today, risk colours."""
    from dossier_app.export.gantt import draw_gantt

    return draw_gantt(milestones, deadlines, assessments, baseline, today, scale, size, title)


def parties_by_step_png(wards: Sequence[WardFigures], size: ChartSize = DEFAULT_SIZE) -> bytes:
    """Stacked bars per ward: how many parties stand at each register step."""
    from dossier_app.export.dashboard import draw_parties_by_step

    return draw_parties_by_step(wards, size)


def money_by_ward_png(wards: Sequence[WardFigures], size: ChartSize = DEFAULT_SIZE) -> bytes:
    """Money approved beside money paid, per ward, in tỷ or triệu đồng."""
    from dossier_app.export.dashboard import draw_money_by_ward

    return draw_money_by_ward(wards, size)


def area_by_ward_png(wards: Sequence[WardFigures], size: ChartSize = DEFAULT_SIZE) -> bytes:
    """Area to recover beside area handed over, per ward, in m² or ha."""
    from dossier_app.export.dashboard import draw_area_by_ward

    return draw_area_by_ward(wards, size)


# Drawing elsewhere ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChartCall:
    """One chart to draw as plain values a worker process can be sent: a drawing function of this module (pickled by
    name) and its arguments."""

    draw: Callable[..., bytes]
    args: tuple[Any, ...] = ()
    kwargs: Mapping[str, Any] = field(default_factory=dict)


def draw_charts(calls: Sequence[ChartCall]) -> list[bytes]:
    """Draw the charts in order, as PNG bytes, in whichever process runs this."""
    return [call.draw(*call.args, **call.kwargs) for call in calls]


def warm_up() -> None:
    """Import Pillow and the drawing modules ahead of the first chart (a worker process does this first)."""
    from dossier_app.export import dashboard, gantt  # noqa: F401
