"""The Gantt chart of a milestone plan as an image in a scroll area: zoom by week or month, export to PNG."""

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from dossier_app.domain.errors import DossierError
from dossier_app.domain.milestones import Assessment, Baseline, Deadline, Milestone
from dossier_app.services.register.charts import ChartService, ChartSize, GanttScale
from dossier_app.ui.shared.messages import show_error
from dossier_app.ui.shared.settings import UiSettings
from dossier_app.ui.shared.workers import run_in_background

DPI = 100


class GanttView(QWidget):
    """Shows the plan it is given; drawing runs on a worker thread, and only the latest request's image is kept."""

    rendered = Signal()  # a new image is on screen

    def __init__(self, charts: ChartService, settings: UiSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ganttView")
        self._charts = charts
        self._settings = settings
        self._plan: tuple[list[Milestone], list[Deadline], list[Assessment], Baseline | None, date] | None = None
        self._scale: GanttScale = "month"
        self._generation = 0
        self._pending = 0
        self.png: bytes | None = None
        self.week_button = QPushButton(self.tr("Weeks"), self)
        self.month_button = QPushButton(self.tr("Months"), self)
        self._scales = QButtonGroup(self)
        for button, scale in ((self.week_button, "week"), (self.month_button, "month")):
            button.setCheckable(True)
            button.setChecked(scale == self._scale)
            self._scales.addButton(button)
            button.clicked.connect(lambda _checked=False, s=scale: self.set_scale(s))
        self.week_button.setToolTip(self.tr("Zoom in: one column per ISO week (Ctrl++)"))
        self.month_button.setToolTip(self.tr("Zoom out: one column per month (Ctrl+-)"))
        self.export_button = QPushButton(self.tr("Export PNG…"), self)
        self.export_button.clicked.connect(lambda: self.export_png())
        self.export_button.setEnabled(False)
        self.status = QLabel(self)
        self.status.setObjectName("ganttStatus")
        self.image = QLabel(self)
        self.image.setObjectName("ganttImage")
        self.image.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(self.image)
        self.scroll.setWidgetResizable(False)
        self.scroll.setBackgroundRole(self.image.backgroundRole())
        for keys, scale in ((QKeySequence.StandardKey.ZoomIn, "week"), (QKeySequence.StandardKey.ZoomOut, "month")):
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _checked=False, s=scale: self.set_scale(s))
            self.addAction(action)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Scale:"), self))
        bar.addWidget(self.week_button)
        bar.addWidget(self.month_button)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.scroll, 1)
        self.image.setText(self.tr("No plan to show."))
        self.image.adjustSize()

    @property
    def scale(self) -> GanttScale:
        """Week or month columns."""
        return self._scale

    @property
    def busy(self) -> bool:
        """Whether a drawing is still running (tests wait on this)."""
        return self._pending > 0

    def show_plan(
        self,
        milestones: Sequence[Milestone],
        deadlines: Sequence[Deadline],
        assessments: Sequence[Assessment],
        baseline: Baseline | None,
        today: date,
    ) -> None:
        """Draw this plan (with its legal deadlines, verdicts and the chosen baseline) as of `today`."""
        self._plan = (list(milestones), list(deadlines), list(assessments), baseline, today)
        self._render()

    def set_scale(self, scale: GanttScale) -> None:
        """Redraw with one column per week or per month."""
        (self.week_button if scale == "week" else self.month_button).setChecked(True)
        if scale != self._scale:
            self._scale = scale
            self._render()

    def _render(self) -> None:
        if self._plan is None:
            return
        self._generation += 1
        self._pending += 1
        generation, scale, charts = self._generation, self._scale, self._charts
        milestones, deadlines, assessments, baseline, today = self._plan
        ratio = self.devicePixelRatioF()
        size = ChartSize(dpi=round(DPI * ratio))
        self.status.setText(self.tr("Drawing…"))

        def draw(_progress: object, _cancelled: object) -> tuple[int, float, bytes]:
            png = charts.gantt_png(milestones, deadlines, assessments, baseline, today=today, scale=scale, size=size)
            return generation, ratio, png

        # bound methods, so a view closed before the drawing ends simply drops the result
        run_in_background(draw).on_success(self._on_drawn).on_failure(self._on_failure)

    def _on_drawn(self, result: tuple[int, float, bytes]) -> None:
        self._pending -= 1
        generation, ratio, png = result
        if generation == self._generation:
            self._show(png, ratio)

    def _on_failure(self, error: BaseException) -> None:
        self._pending -= 1
        self.status.setText("")
        if isinstance(error, DossierError):
            show_error(self, error)
        else:
            QMessageBox.critical(self, self.tr("Gantt chart"), str(error))

    def _show(self, png: bytes, ratio: float) -> None:
        pixmap = QPixmap()
        pixmap.loadFromData(png, "PNG")
        pixmap.setDevicePixelRatio(ratio)
        self.png = png
        self.image.setPixmap(pixmap)
        self.image.adjustSize()
        self.status.setText("")
        self.export_button.setEnabled(True)
        self.rendered.emit()

    def export_png(self, path: Path | None = None) -> Path | None:
        """Write the image on screen to a PNG file (asking where, in the folder used last)."""
        if self.png is None:
            return None
        if path is None:
            folder = self._settings.last_folder if self._settings is not None else ""
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export the Gantt chart"), str(Path(folder) / "gantt.png"), self.tr("PNG images (*.png)")
            )
            if not chosen:
                return None
            path = Path(chosen)
        if path.suffix.lower() != ".png":
            path = path.with_suffix(".png")
        try:
            path.write_bytes(self.png)
        except OSError as error:
            QMessageBox.critical(self, self.tr("Gantt chart"), str(error))
            return None
        if self._settings is not None:
            self._settings.last_folder = str(path.parent)
        self.status.setText(self.tr("Saved to {name}.").format(name=path.name))
        return path
