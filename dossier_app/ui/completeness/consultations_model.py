"""A thin table model over a project's consultations: dates edited inline, late rows red, due-soon amber."""

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from dossier_app.domain.errors import DossierError
from dossier_app.domain.review_clock import ConsultationState
from dossier_app.services import Services
from dossier_app.services.completeness.consultations import ConsultationOverview, ConsultationRow

NAME, DAYS, SENT, DUE, RECEIVED, LETTER, STATE = range(7)
EDITABLE = (NAME, DAYS, SENT, RECEIVED, LETTER)
ROW_COLOURS = {
    ConsultationState.OVERDUE: QColor("#f4c7c3"),
    ConsultationState.RECEIVED_LATE: QColor("#f9e0dd"),
    ConsultationState.DUE_SOON: QColor("#fde9b8"),
}
Index = QModelIndex | QPersistentModelIndex


def parse_day(text: str) -> date | None:
    """A date typed as dd/mm/yyyy (or yyyy-mm-dd); empty means none; ValueError otherwise."""
    text = text.strip()
    if not text:
        return None
    for pattern in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(text)


def day_text(value: date | None) -> str:
    """Dates as Vietnamese readers write them."""
    return value.strftime("%d/%m/%Y") if value else ""


class ConsultationTableModel(QAbstractTableModel):
    """Rows from ConsultationService.overview; each edit goes through the service and reloads the overview."""

    failed = Signal(object)  # a DossierError or a ValueError from typing a date
    changed = Signal()

    def __init__(self, services: Services, project_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._project_id = project_id
        self._today: date | None = None
        self.overview: ConsultationOverview = services.consultations.overview(project_id)
        self._rows: tuple[ConsultationRow, ...] = self.overview.rows

    def set_today(self, today: date | None) -> None:
        """Judge due dates on another day (tests, planning ahead)."""
        self._today = today
        self.reload()

    def reload(self) -> None:
        """Fetch the overview again."""
        self.beginResetModel()
        self.overview = self._services.consultations.overview(self._project_id, self._today)
        self._rows = self.overview.rows
        self.endResetModel()
        self.changed.emit()

    def row_at(self, row: int) -> ConsultationRow:
        """The read model shown on a row."""
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Consultations of the project."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Body, reply days, sent, due, received, letter, state."""
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Column titles."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Body consulted"),
            self.tr("Working days"),
            self.tr("Sent"),
            self.tr("Due"),
            self.tr("Received on"),
            self.tr("Letter no."),
            self.tr("State"),
        )[section]

    def state_text(self, state: ConsultationState) -> str:
        """The state in words."""
        return {
            ConsultationState.NOT_SENT: self.tr("Not sent"),
            ConsultationState.WAITING: self.tr("Waiting"),
            ConsultationState.DUE_SOON: self.tr("Due soon"),
            ConsultationState.OVERDUE: self.tr("Overdue"),
            ConsultationState.RECEIVED: self.tr("Received"),
            ConsultationState.RECEIVED_LATE: self.tr("Received late"),
        }[state]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text, edit text, row colours."""
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            values = (
                row.name,
                str(row.reply_days),
                day_text(row.sent_on),
                day_text(row.due_on),
                day_text(row.received_on),
                row.letter_ref,
                self.state_text(row.state),
            )
            return values[column]
        if role == Qt.ItemDataRole.BackgroundRole:
            return ROW_COLOURS.get(row.state)
        if role == Qt.ItemDataRole.ToolTipRole and column in (SENT, RECEIVED):
            return self.tr("Type a date as dd/mm/yyyy; leave it empty to clear it.")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Dates, name, reply days and letter number are edited in place."""
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.column() in EDITABLE else base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Store one edited cell through the service; a refusal is reported and nothing changes."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        row = self._rows[index.row()]
        text = str(value)
        try:
            column = index.column()
            if column == NAME:
                self._services.consultations.update(row.id, name=text)
            elif column == DAYS:
                self._services.consultations.update(row.id, reply_days=int(text.strip()))
            elif column == LETTER:
                self._services.consultations.update(row.id, letter_ref=text)
            elif column in (SENT, RECEIVED):
                day = parse_day(text)
                if column == SENT:
                    self._services.consultations.update(row.id, sent_on=day, clear_sent=day is None)
                else:
                    self._services.consultations.update(row.id, received_on=day, clear_received=day is None)
            else:
                return False
        except (DossierError, ValueError) as error:
            self.failed.emit(error)
            return False
        self.reload()
        return True
