"""The plain values charts are drawn from (sizes, ward figures, register steps) and the Vietnamese number formats
their labels and the appendices share; no drawing library here, so the tables and the drawing modules both import it."""

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

GanttScale = Literal["week", "month"]
SCALES: tuple[GanttScale, ...] = ("week", "month")

# The register steps a party can be at, in order, with their Vietnamese names (documents are Vietnamese).
STEP_ORDER = (
    "none", "notified_on", "inventoried_on", "plan_posted_on", "approved_on", "paid_on", "handed_over_on", "enforced_on"
)  # fmt: skip
STEP_NAMES_VI = {
    "none": "Chưa bắt đầu",
    "notified_on": "Đã thông báo",
    "inventoried_on": "Đã kiểm đếm",
    "plan_posted_on": "Đã niêm yết",
    "approved_on": "Đã phê duyệt",
    "paid_on": "Đã chi trả",
    "handed_over_on": "Đã bàn giao",
    "enforced_on": "Đã cưỡng chế",
}
NO_WARD_VI = "(chưa ghi phường)"


@dataclass(frozen=True)
class ChartSize:
    """Width and height in inches (None: worked out from the content) and the resolution of the PNG."""

    width_in: float | None = None
    height_in: float | None = None
    dpi: int = 100


DEFAULT_SIZE = ChartSize()


@dataclass(frozen=True)
class WardFigures:
    """One ward's register in figures: parties per current step, money approved and paid, area planned and handed."""

    ward: str
    parties: int = 0
    parties_by_step: dict[str, int] = field(default_factory=dict)
    money_approved_vnd: int = 0
    money_paid_vnd: int = 0
    area_planned_m2: Decimal = Decimal(0)
    area_recovered_m2: Decimal = Decimal(0)


# Vietnamese numbers ------------------------------------------------------------------------------------------


def format_number(value: Decimal | int | float, decimals: int = 0) -> str:
    """Dots between thousands and a decimal comma, as Vietnamese documents write numbers."""
    text = f"{Decimal(str(value)):,.{decimals}f}"
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def money_unit(largest_vnd: int) -> tuple[int, str]:
    """The divisor and unit that keep money readable: tỷ đồng from a billion, triệu đồng from a million."""
    if abs(largest_vnd) >= 1_000_000_000:
        return 1_000_000_000, "tỷ đồng"
    if abs(largest_vnd) >= 1_000_000:
        return 1_000_000, "triệu đồng"
    return 1, "đồng"


def area_unit(largest_m2: Decimal) -> tuple[Decimal, str]:
    """Hectares from one hectare up, else square metres."""
    return (Decimal(10_000), "ha") if largest_m2 >= 10_000 else (Decimal(1), "m²")


def ward_label(ward: str) -> str:
    """A ward's name, or a note that the register left it empty."""
    return ward or NO_WARD_VI
