"""A project's export history: who wrote which package when, its manifest hash, and a fresh check of it."""

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dossier_app.domain.errors import DossierError
from dossier_app.services import Services
from dossier_app.services.export.export_history import ExportRecord
from dossier_app.services.export.packages import PackageCheck
from dossier_app.ui.shared.i18n import error_text
from dossier_app.ui.shared.workers import run_in_background


class ExportHistoryPane(QWidget):
    """Lists the packages, newest first; open the folder, verify again, or preview the PDFs of the chosen one."""

    preview_requested = Signal(object)

    def __init__(self, services: Services, project_code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportHistory")
        self._services = services
        self._code = project_code
        self._records: list[ExportRecord] = []
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("historyTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Who"), self.tr("Kind"), self.tr("Numbers"), self.tr("Package"), "SHA-256"]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in range(5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.open_button = QPushButton(self.tr("Open folder"), self)
        self.verify_button = QPushButton(self.tr("Verify again"), self)
        self.preview_button = QPushButton(self.tr("Preview…"), self)
        self.result = QLabel(self)
        self.result.setObjectName("verifyResult")
        self.result.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.open_button, self.verify_button, self.preview_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        self.open_button.clicked.connect(self.open_folder)
        self.verify_button.clicked.connect(self.verify)
        self.preview_button.clicked.connect(self._preview)
        self.table.itemSelectionChanged.connect(self._sync)
        self.refresh()

    def refresh(self) -> None:
        """Read the history again (after an export)."""
        try:
            self._records = self._services.export_history.list(self._code)
        except DossierError as error:
            self._records = []
            self.result.setText(error_text(error))
        self.table.setRowCount(len(self._records))
        for row, record in enumerate(self._records):
            kind = self.tr("Draft") if record.draft else self.tr("Final")
            cells = (
                record.at.astimezone().strftime("%d/%m/%Y %H:%M"),
                record.actor,
                kind,
                record.numbers or "—",
                record.folder_name,
                record.manifest_sha256,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(str(record.folder) if column == 4 else text)
                self.table.setItem(row, column, item)
        if self._records:
            self.table.selectRow(0)
        self._sync()

    def selected(self) -> ExportRecord | None:
        """The chosen history line."""
        rows = self.table.selectionModel().selectedRows()
        return self._records[rows[0].row()] if rows else None

    def _sync(self) -> None:
        record = self.selected()
        for button in (self.open_button, self.verify_button, self.preview_button):
            button.setEnabled(record is not None)
        if record is not None:
            self.open_button.setEnabled(record.folder.exists())
            self.preview_button.setEnabled(record.folder.exists())

    def open_folder(self) -> None:
        """Show the package folder in the file manager."""
        record = self.selected()
        if record is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(record.folder)))

    def _preview(self) -> None:
        record = self.selected()
        if record is not None:
            self.preview_requested.emit(record.folder)

    def verify(self) -> None:
        """Re-hash the chosen package in the background and say OK or the first file that differs."""
        record = self.selected()
        if record is None:
            return
        self.verify_button.setEnabled(False)
        self.result.setText(self.tr("Checking {name}…").format(name=record.folder_name))
        task = run_in_background(lambda _report, _cancelled: self._services.export_history.verify(record.id))
        task.on_success(lambda check: self._verified(record, check)).on_failure(self._failed)

    def _verified(self, record: ExportRecord, check: PackageCheck) -> None:
        self.verify_button.setEnabled(True)
        if check.ok:
            self.result.setText(
                self.tr("OK: all {count} files of {name} match its manifest.").format(
                    count=check.checked, name=record.folder_name
                )
            )
        else:
            reasons = {
                "missing": self.tr("missing"),
                "content differs from the manifest": self.tr("content differs from the manifest"),
                "not listed in the manifest": self.tr("not listed in the manifest"),
                "differs from the hash the history recorded": self.tr("differs from the hash the history recorded"),
            }
            reason = reasons.get(check.reason, check.reason)
            self.result.setText(self.tr("Changed: {file} ({reason}).").format(file=check.first_bad, reason=reason))

    def _failed(self, error: BaseException) -> None:
        self.verify_button.setEnabled(True)
        self.result.setText(error_text(error) if isinstance(error, DossierError) else str(error))
