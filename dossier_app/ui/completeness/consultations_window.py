"""Per project: the ministries consulted with their dates and due dates, and the review clock as a timeline."""

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dossier_app.domain.errors import DossierError
from dossier_app.domain.lifecycle import ALLOWED, Action
from dossier_app.services import Services
from dossier_app.services.accounts.accounts import AccountView
from dossier_app.ui.completeness.consultations_model import DAYS, NAME, STATE, ConsultationTableModel
from dossier_app.ui.completeness.review_timeline import ReviewTimeline
from dossier_app.ui.shared.holidays_dialog import HolidaysDialog
from dossier_app.ui.shared.i18n import error_text
from dossier_app.ui.shared.messages import show_error


def may(account: AccountView | None, action: Action) -> bool:
    """Whether the signed-in account may do this (the services refuse it anyway)."""
    return account is None or (not account.disabled and bool(account.roles & ALLOWED[action]))


class ConsultationsWindow(QDialog):
    """Ministry consultations of one project: a table edited in place and the review-clock timeline."""

    def __init__(
        self,
        services: Services,
        project_id: int,
        language: str,
        account: AccountView | None = None,
        parent: QWidget | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self._services = services
        self._project_id = project_id
        self._language = language
        self._account = account
        project = services.projects.get(project_id)
        self._regime = services.context.regime(project.regime_key)
        self.setWindowTitle(self.tr("Consultations and review clock — {code}").format(code=project.code))
        self.model = ConsultationTableModel(services, project_id, self)
        if today is not None:
            self.model.set_today(today)
        self.model.failed.connect(self._report)
        self.model.changed.connect(self._refresh)
        editable = may(account, Action.RECORD_CONSULTATIONS)

        title = self._regime.title_en if language == "en" else self._regime.title_vi
        self.heading = QLabel(f"<b>{project.code} — {project.name}</b><br>{title}")
        self.heading.setWordWrap(True)
        self.submitted_box = QCheckBox(self.tr("Dossier filed on"))
        self.submitted_edit = QDateEdit()
        self.submitted_edit.setDisplayFormat("dd/MM/yyyy")
        self.submitted_edit.setCalendarPopup(True)
        self.submitted_edit.setDate(QDate.currentDate())
        self.clock_label = QLabel()
        filed_row = QHBoxLayout()
        for widget in (self.submitted_box, self.submitted_edit, self.clock_label):
            filed_row.addWidget(widget)
        filed_row.addStretch(1)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            if editable
            else QAbstractItemView.EditTrigger.NoEditTriggers
        )
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(STATE, QHeaderView.ResizeMode.ResizeToContents)

        self.add_button = QPushButton(self.tr("Add body…"))
        self.defaults_button = QPushButton(self.tr("Add the regime's bodies"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.calendar_button = QPushButton(self.tr("Holiday calendar…"))
        self.add_button.clicked.connect(self.add_body)
        self.defaults_button.clicked.connect(self.add_defaults)
        self.remove_button.clicked.connect(self.remove_selected)
        self.calendar_button.clicked.connect(self.open_calendar)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.defaults_button, self.remove_button):
            button.setEnabled(editable)
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.calendar_button)

        self.legend = QLabel(
            self.tr("Red: no reply after the due date (or a late reply). Amber: due within 3 working days.")
        )
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setWordWrap(True)
        self.timeline = ReviewTimeline()
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(filed_row)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.legend)
        layout.addWidget(self.error_label)
        layout.addWidget(QLabel("<b>" + self.tr("Review clock (working days)") + "</b>"))
        layout.addWidget(self.timeline)
        self.submitted_box.setEnabled(editable)
        self.submitted_edit.setEnabled(editable)
        self._refresh()
        self.submitted_box.toggled.connect(self._store_submitted)
        self.submitted_edit.dateChanged.connect(self._store_submitted)
        self.resize(1180, 720)

    def _refresh(self) -> None:
        overview = self.model.overview
        for widget in (self.submitted_box, self.submitted_edit):
            widget.blockSignals(True)
        self.submitted_box.setChecked(overview.submitted_on is not None)
        if overview.submitted_on is not None:
            submitted = overview.submitted_on
            self.submitted_edit.setDate(QDate(submitted.year, submitted.month, submitted.day))
        for widget in (self.submitted_box, self.submitted_edit):
            widget.blockSignals(False)
        steps = " + ".join(str(s.working_days) for s in self._regime.review_clock)
        self.clock_label.setText(
            self.tr("Review clock of {regime}: {steps} working days").format(regime=self._regime.code, steps=steps)
            if steps
            else self.tr("The regime {regime} sets no review clock.").format(regime=self._regime.code)
        )
        empty = (
            self.tr("Enter the filing date to see the review clock.")
            if self._regime.review_clock
            else self.tr("The regime {regime} sets no review clock.").format(regime=self._regime.code)
        )
        self.timeline.set_phases(overview.phases, overview.today, self._language == "en", empty)
        self.table.resizeColumnToContents(DAYS)

    def _report(self, error: Exception) -> None:
        if isinstance(error, DossierError):
            self.error_label.setText(error_text(error))
        else:
            self.error_label.setText(self.tr("“{text}” is not a date (dd/mm/yyyy).").format(text=str(error)))

    def _store_submitted(self) -> None:
        value = self.submitted_edit.date()
        day = date(value.year(), value.month(), value.day()) if self.submitted_box.isChecked() else None
        try:
            self._services.consultations.set_submitted(self._project_id, day)
        except DossierError as error:
            self._report(error)
        self.model.reload()

    def add_body(self, name: str | None = None) -> None:
        """Ask for a body's name and add it with the regime's reply time."""
        if not name:
            name, accepted = QInputDialog.getText(self, self.tr("Add body"), self.tr("Ministry or body consulted:"))
            if not accepted:
                return
        try:
            self._services.consultations.add(self._project_id, name)
        except DossierError as error:
            self._report(error)
            return
        self.error_label.clear()
        self.model.reload()

    def add_defaults(self) -> None:
        """Add the bodies the regime names that the list lacks."""
        try:
            added = self._services.consultations.add_regime_bodies(self._project_id)
        except DossierError as error:
            self._report(error)
            return
        self.error_label.setText("" if added else self.tr("The list already has every body the regime names."))
        self.model.reload()

    def remove_selected(self) -> None:
        """Remove the selected body from the list."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        try:
            self._services.consultations.remove(self.model.row_at(rows[0].row()).id)
        except DossierError as error:
            show_error(self, error)
            return
        self.model.reload()

    def open_calendar(self) -> None:
        """Edit the holiday calendar; due dates are counted again afterwards."""
        dialog = HolidaysDialog(self._services, self._account, self)
        dialog.exec()
        self.model.reload()
