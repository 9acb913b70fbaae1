"""Chart images for the window and the PDF appendix, so the UI reaches the export layer only through services."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from dossier_app.domain.milestones import Assessment, Baseline, Deadline, Milestone
from dossier_app.export.charts import (
    DEFAULT_SIZE,
    ChartSize,
    GanttScale,
    WardFigures,
    area_by_ward_png,
    gantt_png,
    money_by_ward_png,
    parties_by_step_png,
)
from dossier_app.services.register.register_dashboard import DashboardFigures, RegisterDashboard

__all__ = ("ChartService", "ChartSize", "DashboardCharts", "DashboardFigures", "GanttScale", "WardFigures")


@dataclass(frozen=True)
class DashboardCharts:
    """A project's dashboard: its figures and the three charts drawn from them, as PNG bytes."""

    figures: DashboardFigures
    parties_by_step: bytes
    money: bytes
    area: bytes


class ChartService:
    """Draws the Gantt chart of a plan and the register dashboard; safe to call from a worker thread."""

    def __init__(self, dashboard: RegisterDashboard) -> None:
        self._dashboard = dashboard

    def gantt_png(
        self,
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
        """The plan as a Gantt chart (see export.charts.gantt_png)."""
        return gantt_png(milestones, deadlines, assessments, baseline, today=today, scale=scale, size=size, title=title)

    def parties_by_step_png(self, wards: Sequence[WardFigures], size: ChartSize = DEFAULT_SIZE) -> bytes:
        """Stacked bars of parties per register step, by ward."""
        return parties_by_step_png(wards, size)

    def money_png(self, wards: Sequence[WardFigures], size: ChartSize = DEFAULT_SIZE) -> bytes:
        """Money approved beside money paid, by ward."""
        return money_by_ward_png(wards, size)

    def area_png(self, wards: Sequence[WardFigures], size: ChartSize = DEFAULT_SIZE) -> bytes:
        """Area to recover beside area handed over, by ward."""
        return area_by_ward_png(wards, size)

    def dashboard(self, project_id: int, size: ChartSize = DEFAULT_SIZE) -> DashboardCharts:
        """A project's figures per ward and its three dashboard charts, in one call for a worker thread."""
        figures = self._dashboard.figures(project_id)
        return DashboardCharts(
            figures=figures,
            parties_by_step=parties_by_step_png(figures.wards, size),
            money=money_by_ward_png(figures.wards, size),
            area=area_by_ward_png(figures.wards, size),
        )
