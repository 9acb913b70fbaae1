"""The holiday calendar per year: days off and make-up Saturdays, added and removed by managers."""

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dossier_app.domain.errors import DossierError
from dossier_app.domain.lifecycle import ALLOWED, Action
from dossier_app.domain.working_days import CalendarDay, DayKind
from dossier_app.services import Services
from dossier_app.services.accounts.accounts import AccountView
from dossier_app.ui.shared.i18n import error_text


class HolidaysDialog(QDialog):
    """Lists one year's entries; everything is stored in the database at once (seeded from resources/holidays)."""

    def __init__(self, services: Services, account: AccountView | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.setWindowTitle(self.tr("Holiday calendar"))
        editable = account is None or (not account.disabled and bool(account.roles & ALLOWED[Action.EDIT_CALENDAR]))
        self.year_combo = QComboBox()
        years = sorted(set(services.holidays.years()) | {date.today().year, date.today().year + 1})
        for year in years:
            self.year_combo.addItem(str(year), year)
        self.year_combo.setCurrentIndex(max(0, self.year_combo.findData(date.today().year)))
        self.year_combo.currentIndexChanged.connect(self.reload)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Kind"), self.tr("Name")])
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        self.date_edit.setCalendarPopup(True)
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(self.tr("Day off"), DayKind.OFF)
        self.kind_combo.addItem(self.tr("Make-up working day"), DayKind.WORK)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("Name, e.g. Tết Nguyên đán"))
        self.add_button = QPushButton(self.tr("Add"))
        self.remove_button = QPushButton(self.tr("Remove selected"))
        self.add_button.clicked.connect(self.add_day)
        self.remove_button.clicked.connect(self.remove_selected)
        for widget in (self.date_edit, self.kind_combo, self.name_edit, self.add_button, self.remove_button):
            widget.setEnabled(editable)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year:")))
        top.addWidget(self.year_combo)
        top.addStretch(1)
        adding = QHBoxLayout()
        for widget in (self.date_edit, self.kind_combo, self.name_edit, self.add_button):
            adding.addWidget(widget)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(
            QLabel(self.tr("Weekdays off and weekend days worked; Saturdays and Sundays are off unless listed here."))
        )
        layout.addWidget(self.table, 1)
        layout.addLayout(adding)
        removing = QHBoxLayout()
        removing.addWidget(self.remove_button)
        removing.addStretch(1)
        layout.addLayout(removing)
        layout.addWidget(self.error_label)
        layout.addWidget(close)
        self.resize(720, 520)
        self.reload()

    def reload(self) -> None:
        """Show the chosen year's entries."""
        year = int(self.year_combo.currentData())
        days = self._services.holidays.days(year)
        self.table.setRowCount(len(days))
        for row, entry in enumerate(days):
            kind = self.tr("Day off") if entry.kind is DayKind.OFF else self.tr("Make-up working day")
            weekday = self.locale().toString(QDate(entry.day.year, entry.day.month, entry.day.day), "ddd dd/MM/yyyy")
            for column, text in enumerate((weekday, kind, entry.name)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, entry.day.isoformat())
                self.table.setItem(row, column, item)

    def add_day(self) -> None:
        """Add the day typed below the table."""
        value = self.date_edit.date()
        entry = CalendarDay(
            date(value.year(), value.month(), value.day()),
            self.name_edit.text(),
            DayKind(self.kind_combo.currentData()),
        )
        try:
            self._services.holidays.add(entry)
        except DossierError as error:
            self.error_label.setText(error_text(error))
            return
        self.error_label.clear()
        self.name_edit.clear()
        index = self.year_combo.findData(entry.day.year)
        if index < 0:
            self.year_combo.addItem(str(entry.day.year), entry.day.year)
            index = self.year_combo.count() - 1
        if index == self.year_combo.currentIndex():
            self.reload()
        else:
            self.year_combo.setCurrentIndex(index)

    def remove_selected(self) -> None:
        """Take the selected day out of the calendar."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        item = self.table.item(rows[0].row(), 0)
        try:
            self._services.holidays.remove(date.fromisoformat(str(item.data(Qt.ItemDataRole.UserRole))))
        except DossierError as error:
            self.error_label.setText(error_text(error))
            return
        self.error_label.clear()
        self.reload()
