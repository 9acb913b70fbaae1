"""The import dialog: a background dry run, its problems (row, column, value, reason), then the real import."""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dossier_app.domain.errors import DossierError, ImportRejected, RowProblem
from dossier_app.services import Services
from dossier_app.services.register.register_io import ImportReport
from dossier_app.ui.shared.messages import show_error
from dossier_app.ui.shared.workers import run_in_background


def problem_reason(problem: RowProblem) -> str:
    """The problem's reason in the UI language, with the other row filled in."""
    template = QCoreApplication.translate("Errors", problem.reason)
    try:
        return template.format(other_row=problem.other_row)
    except (KeyError, IndexError, ValueError):
        return problem.message


class ImportDialog(QDialog):
    """Checks a file without writing, shows every problem, and imports only a file without any."""

    imported = Signal(object)

    def __init__(self, services: Services, project_id: int, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("registerImportDialog")
        self.setWindowTitle(self.tr("Import into the register"))
        self.resize(820, 480)
        self._services = services
        self._project_id = project_id
        self.path = path
        self.report: ImportReport | None = None
        self.busy = False
        self.file_label = QLabel(self.tr("File: {name}").format(name=path.name), self)
        self.status = QLabel(self.tr("Checking the file…"), self)
        self.status.setObjectName("importStatus")
        self.status.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.problems = QTableWidget(0, 4, self)
        self.problems.setObjectName("importProblems")
        self.problems.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Column"), self.tr("Value"), self.tr("Reason")]
        )
        self.problems.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems.verticalHeader().setVisible(False)
        self.problems.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(self)
        self.import_button = QPushButton(self.tr("Import"), self)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.run_import)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.file_label)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.problems, 1)
        layout.addWidget(buttons)

    def start(self) -> None:
        """Run the dry run off the GUI thread; nothing is written."""
        self.busy = True
        project_id, path = self._project_id, self.path
        task = run_in_background(lambda _report, _cancelled: self._services.register_io.check(project_id, path))
        task.on_success(self._checked).on_failure(self._failed)

    def _checked(self, report: ImportReport) -> None:
        self.busy = False
        self.progress.hide()
        self.report = report
        self._show_problems(report.problems)
        if report.ok:
            self.status.setText(
                self.tr("No problem found: {parties} party(ies), {parcels} parcel(s), {lines} line(s).").format(
                    parties=report.parties, parcels=report.parcels, lines=report.lines
                )
            )
        else:
            self.status.setText(
                self.tr("{count} problem(s) found; correct the file and try again. Nothing was written.").format(
                    count=len(report.problems)
                )
            )
        self.import_button.setEnabled(report.ok)

    def _show_problems(self, problems: tuple[RowProblem, ...]) -> None:
        self.problems.setRowCount(len(problems))
        for row, problem in enumerate(problems):
            cells = (str(problem.row) if problem.row else "", problem.column, problem.value, problem_reason(problem))
            for column, text in enumerate(cells):
                self.problems.setItem(row, column, QTableWidgetItem(text))
        self.problems.resizeColumnsToContents()
        self.problems.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

    def run_import(self) -> None:
        """Import the checked file in one transaction, off the GUI thread."""
        if self.report is None or not self.report.ok or self.busy:
            return
        self.busy = True
        self.import_button.setEnabled(False)
        self.close_button.setEnabled(False)
        self.progress.show()
        self.status.setText(self.tr("Importing…"))
        project_id, path = self._project_id, self.path
        task = run_in_background(lambda _report, _cancelled: self._services.register_io.import_file(project_id, path))
        task.on_success(self._imported).on_failure(self._failed)

    def _imported(self, report: ImportReport) -> None:
        self.busy = False
        self.progress.hide()
        self.close_button.setEnabled(True)
        self.report = report
        self.imported.emit(report)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        self.progress.hide()
        self.close_button.setEnabled(True)
        self.import_button.setEnabled(False)
        if isinstance(error, ImportRejected):
            self._show_problems(error.problems)
        self.status.setText(self.tr("The file was not imported; nothing was written."))
        if isinstance(error, DossierError):
            show_error(self, error)
        else:
            QMessageBox.critical(self, self.tr("Import into the register"), str(error))
