"""The register dashboard's bar charts by ward, drawn with Pillow (called through export/charts.py)."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from dossier_app.export.chart_canvas import (
    AXIS,
    BASE_SIZE,
    GRID,
    MUTED,
    PAIR,
    STEP_RAMP,
    TEXT,
    Box,
    Canvas,
    LegendItem,
    draw_legend,
    legend_columns,
    legend_size,
    nice_ticks,
)
from dossier_app.export.chart_values import (
    STEP_NAMES_VI,
    STEP_ORDER,
    ChartSize,
    WardFigures,
    area_unit,
    format_number,
    money_unit,
    ward_label,
)

WIDTH_IN = 8.0
ROW_IN = {"stacked": 0.42, "grouped": 0.62}
MARGIN_PT = 6.0
TICK_PT = 3.5


@dataclass(frozen=True)
class _Axes:
    """Where the bars go: the plot box, the number of rows (wards) and the value at the right edge."""

    plot: Box
    rows: int
    right_value: float

    def x(self, value: float) -> float:
        return self.plot.left + value / self.right_value * self.plot.width

    def y(self, row: float) -> float:
        return self.plot.top + (row + 0.5) * self.plot.height / self.rows

    def pitch(self) -> float:
        return self.plot.height / self.rows


def _empty(size: ChartSize, title: str) -> bytes:
    canvas = Canvas(size.width_in or WIDTH_IN, size.dpi)
    canvas.begin(size.height_in or 2.0)
    canvas.text(canvas.width / 2, canvas.pt(MARGIN_PT), title, BASE_SIZE + 2, TEXT, "ma", "bold")
    message = "Chưa có hộ nào trong sổ giải phóng mặt bằng."
    canvas.text(canvas.width / 2, canvas.height * 0.55, message, BASE_SIZE + 1, MUTED, "mm")
    return canvas.png()


def _chart(
    size: ChartSize,
    kind: str,
    title: str,
    labels: list[str],
    xlabel: str,
    right_value: float,
    ticks: list[float],
    tick_text: Callable[[float], str],
    legend: list[LegendItem],
    most_columns: int,
    bars: Callable[[Canvas, _Axes], None],
) -> bytes:
    """Lay out title, ward names, axis, ticks and legend around the plot, then let `bars` draw into it."""
    canvas = Canvas(size.width_in or WIDTH_IN, size.dpi)
    pt = canvas.pt
    columns = legend_columns(canvas, legend, most_columns)
    _, legend_height = legend_size(canvas, legend, columns)
    above = pt(MARGIN_PT) + canvas.line_height(BASE_SIZE + 2) + pt(6)
    below = (
        pt(TICK_PT + 2)
        + canvas.line_height(BASE_SIZE - 1)
        + pt(3)
        + canvas.line_height(BASE_SIZE)
        + pt(4)
        + legend_height
        + pt(MARGIN_PT)
    )
    rows_height = pt(72 * ROW_IN[kind]) * len(labels)
    canvas.begin(size.height_in or canvas.inches(above + rows_height + below))
    names_width = max(canvas.text_width(label, BASE_SIZE) for label in labels)
    last_tick = canvas.text_width(tick_text(ticks[-1]), BASE_SIZE - 1) / 2 if ticks else 0.0
    right = canvas.width - pt(MARGIN_PT) - max(pt(4), last_tick)
    plot = Box(pt(MARGIN_PT) + names_width + pt(5), above, right, canvas.height - below)
    axes = _Axes(plot, len(labels), right_value)
    for value in ticks:
        canvas.line((axes.x(value), plot.top), (axes.x(value), plot.bottom), GRID, 0.6)
    bars(canvas, axes)
    canvas.line((plot.left, plot.top), (plot.left, plot.bottom), AXIS, 0.8)
    canvas.line((plot.left, plot.bottom), (plot.right, plot.bottom), AXIS, 0.8)
    for value in ticks:
        x = axes.x(value)
        canvas.line((x, plot.bottom), (x, plot.bottom + pt(TICK_PT)), AXIS, 0.8)
        canvas.text(x, plot.bottom + pt(TICK_PT + 2), tick_text(value), BASE_SIZE - 1, TEXT, "ma")
    for row, label in enumerate(labels):
        canvas.text(plot.left - pt(5), axes.y(row), label, BASE_SIZE, TEXT, "rm")
    canvas.text(pt(MARGIN_PT), pt(MARGIN_PT), title, BASE_SIZE + 2, TEXT, "la", "bold")
    xlabel_top = plot.bottom + pt(TICK_PT + 2) + canvas.line_height(BASE_SIZE - 1) + pt(3)
    canvas.text((plot.left + plot.right) / 2, xlabel_top, xlabel, BASE_SIZE, MUTED, "ma")
    legend_top = canvas.height - pt(MARGIN_PT) - legend_height
    draw_legend(canvas, legend, columns, canvas.width / 2, legend_top)
    return canvas.png()


def draw_parties_by_step(wards: Sequence[WardFigures], size: ChartSize) -> bytes:
    """Stacked bars of parties per current step, one bar per ward; see export.charts.parties_by_step_png."""
    title = "Số hộ, tổ chức theo bước giải phóng mặt bằng"
    if not wards:
        return _empty(size, title)
    steps = [s for s in STEP_ORDER if any(w.parties_by_step.get(s, 0) for w in wards)] or ["none"]
    largest = max(1, *(sum(w.parties_by_step.values()) for w in wards))
    right_value = largest * 1.1

    def bars(canvas: Canvas, axes: _Axes) -> None:
        half = axes.pitch() * 0.31
        for row, ward in enumerate(wards):
            left = 0
            centre = axes.y(row)
            for step in steps:
                count = ward.parties_by_step.get(step, 0)
                if not count:
                    continue
                colour = STEP_RAMP[STEP_ORDER.index(step)]
                box = Box(axes.x(left), centre - half, axes.x(left + count), centre + half)
                canvas.rect(box, colour, "#ffffff", 0.8)
                if count / largest >= 0.045:
                    dark = STEP_ORDER.index(step) >= 4
                    ink = "#ffffff" if dark else TEXT
                    canvas.text((box.left + box.right) / 2, centre, format_number(count), BASE_SIZE - 1.5, ink, "mm")
                left += count
            total_x = axes.x(left + largest * 0.01)
            canvas.text(total_x, centre, format_number(left), BASE_SIZE - 1, TEXT, "lm", "bold")

    legend = [LegendItem(STEP_NAMES_VI[step], STEP_RAMP[STEP_ORDER.index(step)]) for step in steps]
    return _chart(
        size,
        "stacked",
        title,
        [ward_label(w.ward) for w in wards],
        "Số hộ gia đình, tổ chức",
        right_value,
        nice_ticks(right_value, integer=True),
        lambda value: format_number(int(value)),
        legend,
        min(4, len(steps)),
        bars,
    )


def _grouped(
    wards: Sequence[WardFigures],
    size: ChartSize,
    title: str,
    series: tuple[tuple[str, list[Decimal]], tuple[str, list[Decimal]]],
    xlabel: str,
    decimals: int,
    short_unit: str,
) -> bytes:
    if not wards:
        return _empty(size, title)
    largest = max(max(values) for _, values in series) or Decimal(1)
    right_value = float(largest) * 1.22

    def bars(canvas: Canvas, axes: _Axes) -> None:
        pitch = axes.pitch()
        for index, (_name, values) in enumerate(series):
            offset = -0.17 if index == 0 else 0.17
            for row, value in enumerate(values):
                centre = axes.y(row + offset)
                box = Box(axes.x(0), centre - pitch * 0.17, axes.x(float(value)), centre + pitch * 0.17)
                if value:
                    canvas.rect(box, PAIR[index])
                share = ""
                if index == 1 and series[0][1][row]:
                    share = f" ({format_number(100 * value / series[0][1][row], 0)}%)"
                text = f"{format_number(value, decimals)} {short_unit}{share}"
                x = axes.x(float(value + largest * Decimal("0.01")))
                canvas.text(x, centre, text, BASE_SIZE - 1.5, TEXT, "lm")

    def tick_text(value: float) -> str:
        return format_number(Decimal(str(value)), decimals if value % 1 else 0)

    return _chart(
        size,
        "grouped",
        title,
        [ward_label(w.ward) for w in wards],
        xlabel,
        right_value,
        nice_ticks(right_value),
        tick_text,
        [LegendItem(name, PAIR[index]) for index, (name, _) in enumerate(series)],
        2,
        bars,
    )


def draw_money_by_ward(wards: Sequence[WardFigures], size: ChartSize) -> bytes:
    """Money approved and paid per ward; see export.charts.money_by_ward_png."""
    largest = max((max(w.money_approved_vnd, w.money_paid_vnd) for w in wards), default=0)
    divisor, unit = money_unit(largest)
    approved = [Decimal(w.money_approved_vnd) / divisor for w in wards]
    paid = [Decimal(w.money_paid_vnd) / divisor for w in wards]
    return _grouped(
        wards,
        size,
        "Kinh phí bồi thường, hỗ trợ: đã phê duyệt và đã chi trả",
        (("Đã phê duyệt", approved), ("Đã chi trả", paid)),
        f"Số tiền ({unit})",
        0 if divisor == 1 else 2,
        unit.replace(" đồng", ""),
    )


def draw_area_by_ward(wards: Sequence[WardFigures], size: ChartSize) -> bytes:
    """Area to recover and area handed over per ward; see export.charts.area_by_ward_png."""
    largest = max((max(w.area_planned_m2, w.area_recovered_m2) for w in wards), default=Decimal(0))
    divisor, unit = area_unit(largest)
    planned = [w.area_planned_m2 / divisor for w in wards]
    recovered = [w.area_recovered_m2 / divisor for w in wards]
    return _grouped(
        wards,
        size,
        "Diện tích thu hồi: theo kế hoạch và đã bàn giao mặt bằng",
        (("Phải thu hồi", planned), ("Đã bàn giao", recovered)),
        f"Diện tích ({unit})",
        2,
        unit,
    )
