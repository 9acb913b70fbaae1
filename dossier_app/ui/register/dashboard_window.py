"""A project's land clearance dashboard: totals by ward in a table and the three charts, drawn off the GUI thread."""

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dossier_app.domain.errors import DossierError
from dossier_app.services import Services
from dossier_app.services.register.charts import DashboardCharts, WardFigures
from dossier_app.ui.register.register_model import STEP_KEYS, format_area, format_vnd
from dossier_app.ui.shared.messages import show_error
from dossier_app.ui.shared.settings import UiSettings
from dossier_app.ui.shared.workers import run_in_background


def step_names() -> dict[str, str]:
    """The register steps as the parties table names them (same translation context, same words)."""
    return {
        "none": QCoreApplication.translate("PartiesTableModel", "Not started"),
        "notified_on": QCoreApplication.translate("PartiesTableModel", "Notified"),
        "inventoried_on": QCoreApplication.translate("PartiesTableModel", "Inventoried"),
        "plan_posted_on": QCoreApplication.translate("PartiesTableModel", "Plan posted"),
        "approved_on": QCoreApplication.translate("PartiesTableModel", "Approved"),
        "paid_on": QCoreApplication.translate("PartiesTableModel", "Paid"),
        "handed_over_on": QCoreApplication.translate("PartiesTableModel", "Handed over"),
        "enforced_on": QCoreApplication.translate("PartiesTableModel", "Enforced"),
    }


def two_lines(text: str) -> str:
    """A long column title broken at its middle space, so every column fits without clipping its title."""
    words = text.split(" ")
    if len(text) <= 12 or len(words) < 2:
        return text
    best = min(range(1, len(words)), key=lambda cut: abs(len(" ".join(words[:cut])) - len(" ".join(words[cut:]))))
    return " ".join(words[:best]) + "\n" + " ".join(words[best:])


class DashboardWindow(QDialog):
    """Non-modal, one per project; Refresh (F5) reads the register again, and the register window asks it to."""

    refreshed = Signal()  # new figures and charts are shown

    def __init__(
        self, services: Services, project_id: int, settings: UiSettings | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardWindow")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self._services = services
        self._settings = settings
        self.project_id = project_id
        self._pending = 0
        self.charts: DashboardCharts | None = None
        project = services.projects.get(project_id)
        self.setWindowTitle(self.tr("Land clearance dashboard — {code}").format(code=project.code))
        self.resize(1100, 820)
        self.refresh_action = QAction(self.tr("Refresh"), self)
        self.refresh_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_action.triggered.connect(lambda: self.refresh())
        self.addAction(self.refresh_action)
        refresh_button = QPushButton(self.tr("Refresh (F5)"), self)
        refresh_button.clicked.connect(self.refresh_action.trigger)
        close_button = QPushButton(self.tr("Close"), self)
        close_button.clicked.connect(self.close)
        self.status = QLabel(self)
        self.status.setObjectName("dashboardStatus")
        self.table = QTableWidget(self)
        self.table.setObjectName("dashboardTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self._steps = step_names()
        headers = [self.tr("Ward"), self.tr("Parties"), *(self._steps[k] for k in STEP_KEYS)]
        headers += [self.tr("Approved (VND)"), self.tr("Paid (VND)"), self.tr("To recover (m²)")]
        headers += [self.tr("Handed over (m²)")]
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels([two_lines(text) for text in headers])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.images: list[QLabel] = []
        charts_box = QWidget(self)
        charts_layout = QVBoxLayout(charts_box)
        for name in ("partiesByStepChart", "moneyChart", "areaChart"):
            label = QLabel(charts_box)
            label.setObjectName(name)
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            charts_layout.addWidget(label)
            self.images.append(label)
        charts_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidget(charts_box)
        scroll.setWidgetResizable(True)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(scroll)
        splitter.setSizes([220, 600])
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(refresh_button)
        buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.refresh()

    @property
    def busy(self) -> bool:
        """Whether the figures are being read or the charts drawn (tests wait on this)."""
        return self._pending > 0

    def refresh(self) -> None:
        """Read the register's figures again and redraw the charts on a worker thread."""
        self._pending += 1
        self.refresh_action.setEnabled(False)
        self.status.setText(self.tr("Reading the register…"))
        charts, project_id = self._services.charts, self.project_id
        run_in_background(lambda _progress, _cancelled: charts.dashboard(project_id)).on_success(
            self._on_charts
        ).on_failure(self._on_failure)

    def _finished(self) -> None:
        self._pending -= 1
        self.refresh_action.setEnabled(True)
        self.status.setText("")

    def _on_charts(self, charts: DashboardCharts) -> None:
        self._finished()
        if self._pending:
            return  # a newer refresh is on its way
        self.charts = charts
        self._fill_table(charts.figures.wards, charts.figures.total)
        for label, png in zip(self.images, (charts.parties_by_step, charts.money, charts.area), strict=True):
            pixmap = QPixmap()
            pixmap.loadFromData(png, "PNG")
            label.setPixmap(pixmap)
        self.refreshed.emit()

    def _on_failure(self, error: BaseException) -> None:
        self._finished()
        if isinstance(error, DossierError):
            show_error(self, error)
        else:
            QMessageBox.critical(self, self.windowTitle(), str(error))

    def _fill_table(self, wards: tuple[WardFigures, ...], total: WardFigures) -> None:
        self.table.setRowCount(len(wards) + 1)
        bold = QFont(self.font())
        bold.setBold(True)
        rows = [(w.ward or self.tr("(no ward)"), w) for w in wards] + [(self.tr("Project total"), total)]
        for row, (name, figures) in enumerate(rows):
            values = [name, str(figures.parties)]
            values += [str(figures.parties_by_step.get(k, 0)) for k in STEP_KEYS]
            values += [format_vnd(figures.money_approved_vnd), format_vnd(figures.money_paid_vnd)]
            values += [format_area(Decimal(figures.area_planned_m2)), format_area(Decimal(figures.area_recovered_m2))]
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if row == len(wards):
                    item.setFont(bold)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
