"""The audit trail viewer: who changed what and when, filtered by person, project, action and dates."""

from datetime import UTC, datetime, time, timedelta

from PySide6.QtCore import QDate
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

from dossier_app.domain.audit import ChainProblem
from dossier_app.domain.errors import DossierError
from dossier_app.services import Services
from dossier_app.services.accounts.audit import AuditFilter, AuditVerification
from dossier_app.ui.shared.i18n import error_text
from dossier_app.ui.shared.workers import run_in_background

PAGE = 500


def _utc_start(day: QDate) -> datetime:
    """Local midnight of a chosen day, in UTC."""
    local = datetime.combine(day.toPython(), time.min).astimezone()  # type: ignore[arg-type]
    return local.astimezone(UTC)


class AuditDialog(QDialog):
    """Lists the newest entries that match the filters and checks the chain on request."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditDialog")
        self.setWindowTitle(self.tr("Audit trail"))
        self._services = services
        self.person = QComboBox(self)
        self.person.addItem(self.tr("Everyone"), None)
        for actor in services.audit.actors():
            self.person.addItem(actor, actor)
        self.project = QComboBox(self)
        self.project.addItem(self.tr("All projects"), None)
        for summary in services.projects.summaries():
            self.project.addItem(summary.code, summary.id)
        self.action = QLineEdit(self)
        self.action.setPlaceholderText(self.tr("action, e.g. section.save"))
        today = QDate.currentDate()
        self.since = QDateEdit(today.addDays(-30), self)
        self.until = QDateEdit(today, self)
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        self.apply_button = QPushButton(self.tr("Show"), self)
        self.verify_button = QPushButton(self.tr("Check the chain"), self)
        self.apply_button.clicked.connect(self.refresh)
        self.verify_button.clicked.connect(self.verify)
        filters = QHBoxLayout()
        for label, widget in (
            (self.tr("Person:"), self.person),
            (self.tr("Project:"), self.project),
            (self.tr("Action:"), self.action),
            (self.tr("From:"), self.since),
            (self.tr("To:"), self.until),
        ):
            filters.addWidget(QLabel(label, self))
            filters.addWidget(widget)
        filters.addWidget(self.apply_button)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("auditTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Person"), self.tr("Action"), self.tr("Object"), self.tr("Summary")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.verified: bool | None = None
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.verify_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table)
        layout.addLayout(bottom)
        layout.addWidget(close)
        self.resize(1100, 620)
        self.refresh()

    def current_filter(self) -> AuditFilter:
        """The filters as chosen, with the 'to' day included."""
        return AuditFilter(
            actor=self.person.currentData(),
            project_id=self.project.currentData(),
            action=self.action.text().strip() or None,
            since=_utc_start(self.since.date()),
            until=_utc_start(self.until.date()) + timedelta(days=1),
            limit=PAGE,
        )

    def refresh(self) -> int:
        """Show the newest matching entries; returns how many are listed."""
        filters = self.current_filter()
        entries = self._services.audit.entries(filters)
        total = self._services.audit.count(filters)
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            cells = (
                entry.at.astimezone().strftime("%d/%m/%Y %H:%M:%S"),
                entry.actor,
                entry.action,
                f"{entry.entity_type} {entry.entity_id}",
                entry.summary,
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.status.setText(self.tr("{shown} of {total} entries shown.").format(shown=len(entries), total=total))
        return len(entries)

    def verify(self) -> None:
        """Re-hash the whole chain off the GUI thread, with progress, and say where it breaks if it does."""
        self.verify_button.setEnabled(False)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Checking the audit trail…"))
        self.verified = None
        task = run_in_background(lambda progress, _cancelled: self._services.audit.verify(progress))
        task.on_progress(self._show_progress).on_success(self._show_result).on_failure(self._show_failure)

    def _show_progress(self, done: int, total: int, _message: str) -> None:
        self.status.setText(self.tr("Checking the audit trail… {done} of {total}").format(done=done, total=total))

    def _show_failure(self, error: BaseException) -> None:
        self.verify_button.setEnabled(True)
        self.status.setText(error_text(error) if isinstance(error, DossierError) else str(error))

    def _show_result(self, result: AuditVerification) -> None:
        self.verify_button.setEnabled(True)
        self.verified = result.ok
        if result.ok:
            self.status.setText(
                self.tr("The audit trail is intact: {count} entries checked.").format(count=result.checked)
            )
            self.status.setStyleSheet("color: #2e7d32; font-weight: bold;")
            return
        problems = {
            ChainProblem.ALTERED: self.tr("altered"),
            ChainProblem.REMOVED: self.tr("missing (removed)"),
            ChainProblem.INSERTED: self.tr("inserted by hand"),
        }
        problem = problems.get(result.problem, str(result.problem)) if result.problem else ""
        self.status.setText(
            self.tr("The audit trail was tampered with: entry {entry} is {problem}.").format(
                entry=result.entry_id, problem=problem
            )
        )
        self.status.setStyleSheet("color: #b71c1c; font-weight: bold;")
