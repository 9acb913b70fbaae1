"""The page settings a clerk may adjust for an export, checked against Decree 30 before anything is written."""

from dataclasses import dataclass

from dossier_app.export.format_rules import DEFAULT_LINE_SPACING, LINE_SPACING_RANGE, MARGIN_RULES, Margins
from dossier_app.export.plan import DocumentSettings

__all__ = ["DocumentSettings", "SideRange", "line_spacing_range", "margin_ranges", "page_settings"]


@dataclass(frozen=True)
class SideRange:
    """One margin's default and the decree's range, in millimetres, for a form field."""

    side: str
    default: float
    low: float
    high: float


def margin_ranges() -> list[SideRange]:
    """Top, bottom, left and right with their defaults and allowed ranges."""
    return [SideRange(side, rule.default, rule.low, rule.high) for side, rule in MARGIN_RULES.items()]


def line_spacing_range() -> tuple[float, float, float]:
    """The default line spacing and the decree's range (single to 1.5 lines)."""
    return DEFAULT_LINE_SPACING, LINE_SPACING_RANGE[0], LINE_SPACING_RANGE[1]


def page_settings(margins_mm: dict[str, float], line_spacing: float) -> DocumentSettings:
    """Settings for ExportOptions; ValidationFailed names the field (top, bottom, left, right, line_spacing)."""
    return DocumentSettings(Margins(**margins_mm), line_spacing)
