"""The register dashboard's bar charts by ward, drawn on private Agg figures (called through export/charts.py)."""

from collections.abc import Callable, Sequence
from decimal import Decimal

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from dossier_app.export.chart_canvas import BASE_SIZE, FONT, GRID, MUTED, PAIR, STEP_RAMP, new_figure, png_bytes
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


def _figure(size: ChartSize, rows: int, kind: str, legend_rows: int) -> Figure:
    height = size.height_in or (1.0 + rows * ROW_IN[kind] + 0.3 * legend_rows)
    return new_figure(size.width_in or WIDTH_IN, height, size.dpi)


def _empty(size: ChartSize, title: str) -> bytes:
    figure = new_figure(size.width_in or WIDTH_IN, size.height_in or 2.0, size.dpi)
    figure.suptitle(title, fontfamily=FONT, fontsize=BASE_SIZE + 2, fontweight="bold")
    figure.text(
        0.5,
        0.45,
        "Chưa có hộ nào trong sổ giải phóng mặt bằng.",
        ha="center",
        va="center",
        fontfamily=FONT,
        fontsize=BASE_SIZE + 1,
        color=MUTED,
    )
    return png_bytes(figure, size.dpi)


def _style(ax: Axes, title: str, xlabel: str, labels: list[str], formatter: Callable[[float, int], str]) -> None:
    ax.set_title(title, fontfamily=FONT, fontsize=BASE_SIZE + 2, fontweight="bold", loc="left")
    ax.set_xlabel(xlabel, fontfamily=FONT, fontsize=BASE_SIZE, color=MUTED)
    ax.set_yticks(range(len(labels)), labels, fontfamily=FONT, fontsize=BASE_SIZE)
    ax.set_ylim(len(labels) - 0.5, -0.5)
    ax.xaxis.set_major_locator(MaxNLocator(nbins=6))
    ax.xaxis.set_major_formatter(FuncFormatter(formatter))
    ax.tick_params(axis="x", labelfontfamily=FONT, labelsize=BASE_SIZE - 1)
    ax.tick_params(axis="y", length=0)
    ax.grid(axis="x", color=GRID, linewidth=0.6)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def _legend(figure: Figure, columns: int) -> None:
    figure.legend(
        loc="outside lower center", ncols=columns, frameon=False, prop={"family": FONT, "size": BASE_SIZE - 0.5}
    )


def draw_parties_by_step(wards: Sequence[WardFigures], size: ChartSize) -> bytes:
    """Stacked bars of parties per current step, one bar per ward; see export.charts.parties_by_step_png."""
    title = "Số hộ, tổ chức theo bước giải phóng mặt bằng"
    if not wards:
        return _empty(size, title)
    steps = [s for s in STEP_ORDER if any(w.parties_by_step.get(s, 0) for w in wards)] or ["none"]
    figure = _figure(size, len(wards), "stacked", 1 + (len(steps) > 4))
    ax = figure.add_subplot()
    largest = max(1, *(sum(w.parties_by_step.values()) for w in wards))
    left = [0] * len(wards)
    for step in steps:
        counts = [w.parties_by_step.get(step, 0) for w in wards]
        colour = STEP_RAMP[STEP_ORDER.index(step)]
        bars = ax.barh(
            range(len(wards)),
            counts,
            left=left,
            height=0.62,
            color=colour,
            edgecolor="white",
            linewidth=0.8,
            label=STEP_NAMES_VI[step],
        )
        dark = STEP_ORDER.index(step) >= 4
        for bar, count in zip(bars, counts, strict=True):
            if count and count / largest >= 0.045:
                ax.text(
                    bar.get_x() + bar.get_width() / 2,
                    bar.get_y() + bar.get_height() / 2,
                    format_number(count),
                    ha="center",
                    va="center",
                    fontfamily=FONT,
                    fontsize=BASE_SIZE - 1.5,
                    color="white" if dark else "#212121",
                )
        left = [a + b for a, b in zip(left, counts, strict=True)]
    for row, total in enumerate(left):
        ax.text(
            total + largest * 0.01,
            row,
            format_number(total),
            va="center",
            ha="left",
            fontfamily=FONT,
            fontsize=BASE_SIZE - 1,
            fontweight="bold",
        )
    ax.set_xlim(0, largest * 1.1)
    _style(
        ax,
        title,
        "Số hộ gia đình, tổ chức",
        [ward_label(w.ward) for w in wards],
        lambda value, _pos: format_number(int(value)),
    )
    ax.xaxis.set_major_locator(MaxNLocator(nbins=6, integer=True))
    _legend(figure, min(4, len(steps)))
    return png_bytes(figure, size.dpi)


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
    figure = _figure(size, len(wards), "grouped", 1)
    ax = figure.add_subplot()
    largest = max(max(values) for _, values in series) or Decimal(1)
    for index, (name, values) in enumerate(series):
        offset = -0.17 if index == 0 else 0.17
        rows = [row + offset for row in range(len(wards))]
        ax.barh(rows, [float(v) for v in values], height=0.34, color=PAIR[index], label=name)
        for row, value in zip(rows, values, strict=True):
            share = ""
            if index == 1 and series[0][1][round(row - offset)]:
                share = f" ({format_number(100 * value / series[0][1][round(row - offset)], 0)}%)"
            ax.text(
                float(value + largest * Decimal("0.01")),
                row,
                f"{format_number(value, decimals)} {short_unit}{share}",
                va="center",
                ha="left",
                fontfamily=FONT,
                fontsize=BASE_SIZE - 1.5,
            )
    ax.set_xlim(0, float(largest) * 1.22)
    _style(
        ax,
        title,
        xlabel,
        [ward_label(w.ward) for w in wards],
        lambda value, _pos: format_number(Decimal(str(value)), decimals if value % 1 else 0),
    )
    _legend(figure, 2)
    return png_bytes(figure, size.dpi)


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
