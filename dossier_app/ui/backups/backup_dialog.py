"""Backups in the window: the automatic ones with date and size, backing up now, restoring after a clear question."""

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dossier_app.domain.errors import DossierError
from dossier_app.services import Services
from dossier_app.services.backups.backups import BackupEntry
from dossier_app.ui.shared.i18n import error_text
from dossier_app.ui.shared.settings import UiSettings
from dossier_app.ui.shared.workers import BackgroundTask, run_in_background

PATH_ROLE = Qt.ItemDataRole.UserRole + 1


def _size_text(size: int) -> str:
    return f"{size / 1_048_576:,.1f} MB" if size >= 1_048_576 else f"{max(1, size // 1024):,} KB"


class BackupDialog(QDialog):
    """Lists this database's automatic backups; `restored_from` is set when the database was replaced."""

    def __init__(self, services: Services, settings: UiSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupDialog")
        self.setWindowTitle(self.tr("Backups"))
        self._services = services
        self._settings = settings
        self.restored_from: Path | None = None
        self.intro = intro = QLabel(self)
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Size"), self.tr("File")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.back_up_button = QPushButton(self.tr("Back up now…"), self)
        self.restore_selected_button = QPushButton(self.tr("Restore the selected backup…"), self)
        self.restore_file_button = QPushButton(self.tr("Restore from a file…"), self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.back_up_button.clicked.connect(self.back_up_now)
        self.restore_selected_button.clicked.connect(self.restore_selected)
        self.restore_file_button.clicked.connect(self.restore_from_file)
        self.table.itemSelectionChanged.connect(self._sync)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.close_buttons = buttons
        self.busy = False
        self._task: BackgroundTask | None = None
        row = QHBoxLayout()
        for button in (self.back_up_button, self.restore_selected_button, self.restore_file_button):
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.status)
        if not services.backups.automatic_supported:
            layout.addStretch(1)  # no list of daily copies for a server: keep the text and buttons together
        layout.addWidget(buttons)
        self.resize(640, 420 if services.backups.automatic_supported else 260)
        if services.backups.automatic_supported:
            intro.setText(
                self.tr(
                    "The program backs up this database once a day when it starts and keeps the last {count} "
                    "copies in {folder}. Each backup holds the attachments in a folder beside it."
                ).format(count=settings.backups_kept, folder=str(services.backups.folder))
            )
        else:
            intro.setText(
                self.tr(
                    "This database is on a PostgreSQL server ({location}). The server's own daily backups are "
                    "its administrator's job; here an administrator can write a complete copy now (pg_dump, "
                    "attachments included) or restore one. Restoring replaces the data every desktop sees."
                ).format(location=services.database.display_location)
            )
        self.refresh()

    def refresh(self) -> None:
        """Re-read the automatic backups, newest first."""
        entries = self._services.backups.automatic()
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            day = QTableWidgetItem(entry.taken_on.isoformat())
            day.setData(PATH_ROLE, str(entry.path))
            size = QTableWidgetItem(_size_text(entry.size))
            size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 0, day)
            self.table.setItem(row, 1, size)
            self.table.setItem(row, 2, QTableWidgetItem(entry.path.name))
        self._sync()

    def _sync(self) -> None:
        self.restore_selected_button.setEnabled(self._selected_path() is not None)
        self.table.setVisible(self._services.backups.automatic_supported)
        self.restore_selected_button.setVisible(self._services.backups.automatic_supported)

    def _selected_path(self) -> Path | None:
        items = self.table.selectedItems()
        if not items:
            return None
        first = self.table.item(items[0].row(), 0)
        return Path(str(first.data(PATH_ROLE))) if first is not None else None

    # Asking the user (separate methods so tests can answer) --------------------------------------------

    def ask_save_path(self) -> Path | None:
        """Where to write a backup."""
        suffix = self._services.backups.suffix
        suggested = Path(self._settings.last_folder or str(Path.home())) / f"dossier-{date.today().isoformat()}{suffix}"
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Back up the database"), str(suggested), self._file_filter()
        )
        return Path(name) if name else None

    def ask_open_path(self) -> Path | None:
        """Which backup file to restore."""
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Restore from a backup"),
            self._settings.last_folder,
            self._file_filter() + ";;" + self.tr("All files (*)"),
        )
        return Path(name) if name else None

    def _file_filter(self) -> str:
        if self._services.backups.automatic_supported:
            return self.tr("Database backups (*.sqlite3 *.db)")
        return self.tr("Server database backups (*.dump)")

    def confirm_restore(self, source: Path) -> bool:
        """Name exactly what will be replaced, and by what; No is the default."""
        answer = QMessageBox.question(
            self,
            self.tr("Restore the backup?"),
            self.tr(
                "The whole database {database} will be replaced by the backup {backup}. Everything saved since "
                "that backup was made will be lost. The window closes and reopens on the restored data."
            ).format(database=self._services.database.display_location, backup=str(source)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    # Actions -------------------------------------------------------------------------------------------

    def back_up_now(self) -> None:
        """Write a backup where the user says, off the GUI thread (a server dump can take a while)."""
        path = self.ask_save_path()
        if path is None:
            return
        self._settings.last_folder = str(path.parent)
        self._set_busy(self.tr("Backing up to {path}…").format(path=str(path)))
        self._task = run_in_background(lambda _progress, _cancelled: self._services.backups.back_up(path))
        self._task.on_success(self._backed_up).on_failure(self._failed)

    def restore_selected(self) -> None:
        """Restore the automatic backup chosen in the list."""
        path = self._selected_path()
        if path is not None:
            self.restore(path)

    def restore_from_file(self) -> None:
        """Restore a backup file chosen on disk."""
        path = self.ask_open_path()
        if path is not None:
            self._settings.last_folder = str(path.parent)
            self.restore(path)

    def restore(self, source: Path) -> None:
        """Check (off the GUI thread), ask, replace; a refused file is explained and nothing changes."""
        self._set_busy(self.tr("Checking the backup {path}…").format(path=str(source)))
        self._task = run_in_background(lambda _progress, _cancelled: self._services.backups.check(source))
        self._task.on_success(lambda _revision: self._confirm_and_restore(source)).on_failure(self._failed)

    def _confirm_and_restore(self, source: Path) -> None:
        self._set_idle("")
        if not self.confirm_restore(source):
            self.status.setText(self.tr("Nothing was restored."))
            return
        self._set_busy(self.tr("Restoring from {path}…").format(path=str(source)))
        self._task = run_in_background(lambda _progress, _cancelled: self._services.backups.restore(source))
        self._task.on_success(lambda _revision: self._restored(source)).on_failure(self._failed)

    def _restored(self, source: Path) -> None:
        self._set_idle("")
        self.restored_from = source
        self.accept()

    def _backed_up(self, entry: BackupEntry) -> None:
        self._set_idle(
            self.tr("Backed up to {path} ({size}).").format(path=str(entry.path), size=_size_text(entry.size))
        )
        self.refresh()

    def _failed(self, error: BaseException) -> None:
        self._set_idle(error_text(error) if isinstance(error, DossierError) else str(error))

    def _set_busy(self, message: str) -> None:
        self.busy = True
        self.status.setText(message)
        for button in (self.back_up_button, self.restore_selected_button, self.restore_file_button):
            button.setEnabled(False)
        self.close_buttons.setEnabled(False)
        self.setCursor(Qt.CursorShape.BusyCursor)

    def _set_idle(self, message: str) -> None:
        self.busy = False
        self.status.setText(message)
        self.back_up_button.setEnabled(True)
        self.restore_file_button.setEnabled(True)
        self.close_buttons.setEnabled(True)
        self.unsetCursor()
        self._sync()

    def reject(self) -> None:
        """Escape and Close wait while a backup or restore is running: leaving would hide its outcome."""
        if not self.busy:
            super().reject()
