"""The readiness dashboard of a project: red, amber and green items by group, each a link to where it is fixed."""

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dossier_app.domain.errors import DossierError
from dossier_app.domain.readiness import GROUP_TITLES, Group, Light, ReadinessItem, ReadinessReport, Target, TargetKind
from dossier_app.services import Services
from dossier_app.ui.shared.messages import show_error
from dossier_app.ui.shared.readiness_text import item_text

TARGET_ROLE = Qt.ItemDataRole.UserRole + 1
COLOURS = {Light.RED: "#c62828", Light.AMBER: "#ef8f00", Light.GREEN: "#2e7d32"}


def light_icon(light: Light, size: int = 14) -> QIcon:
    """A filled dot in the light's colour."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(COLOURS[light]))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


class ReadinessWindow(QDialog):
    """Non-modal, beside the main window; `target_chosen` says what to open when an item is activated."""

    target_chosen = Signal(object)

    def __init__(self, services: Services, project_id: int, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readinessWindow")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self._services = services
        self._language = language
        self.project_id = project_id
        project = services.projects.get(project_id)
        self.setWindowTitle(self.tr("Dossier readiness — {code}").format(code=project.code))
        self.resize(900, 640)
        self.summary = QLabel(self)
        self.summary.setObjectName("readinessSummary")
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("readinessTree")
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setWordWrap(False)
        self.tree.itemActivated.connect(self._activated)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.clicked.connect(self.refresh)
        self.open_button = QPushButton(self.tr("Go to it"), self)
        self.open_button.clicked.connect(lambda: self._activated(self.tree.currentItem(), 0))
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.refresh_button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self.report: ReadinessReport | None = None
        self.refresh()

    def refresh(self) -> None:
        """Re-read the report and show it, groups expanded."""
        try:
            report = self._services.readiness.report(self.project_id)
        except DossierError as error:
            show_error(self, error)
            return
        self.report = report
        self.tree.clear()
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for group in Group:
            items = report.group(group)
            if not items:
                continue
            worst = min((item.light for item in items), key=[Light.RED, Light.AMBER, Light.GREEN].index)
            title = QCoreApplication.translate("Readiness", GROUP_TITLES[group])
            head = QTreeWidgetItem([f"{title}  ({self._counts(items)})"])
            head.setFont(0, bold)
            head.setIcon(0, light_icon(worst))
            head.setData(0, TARGET_ROLE, None)
            self.tree.addTopLevelItem(head)
            for item in items:
                child = QTreeWidgetItem([item_text(item, self._language)])
                child.setIcon(0, light_icon(item.light))
                child.setForeground(0, QBrush(QColor(COLOURS[item.light]).darker(130)))
                child.setData(0, TARGET_ROLE, item.target)
                if item.target.kind is not TargetKind.NONE:
                    child.setToolTip(0, self.tr("Double-click to open where this is fixed."))
                head.addChild(child)
            head.setExpanded(True)
        red, amber = report.count(Light.RED), report.count(Light.AMBER)
        if report.complete:
            text = self.tr("Complete: nothing is missing ({amber} item(s) to look at).").format(amber=amber)
        else:
            text = self.tr("{red} item(s) missing, {amber} to look at. Double-click an item to fix it.").format(
                red=red, amber=amber
            )
        colour = COLOURS[Light.GREEN if report.complete else Light.RED]
        self.summary.setText(f"<b style='color:{colour}'>{report.project_code}</b> — {text}")

    def _counts(self, items: list[ReadinessItem]) -> str:
        green = sum(1 for item in items if item.light is Light.GREEN)
        return self.tr("{green} of {total} done").format(green=green, total=len(items))

    def _activated(self, tree_item: QTreeWidgetItem | None, _column: int) -> None:
        if tree_item is None:
            return
        target = tree_item.data(0, TARGET_ROLE)
        if isinstance(target, Target) and target.kind is not TargetKind.NONE:
            self.target_chosen.emit(target)
