"""A section's attachments: add (button or drop), open with the system viewer, remove."""

from pathlib import Path

from PySide6.QtCore import QLocale, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from dossier_app.domain.errors import DossierError
from dossier_app.services import Services
from dossier_app.ui.shared.messages import show_error, show_unexpected
from dossier_app.ui.shared.settings import UiSettings
from dossier_app.ui.shared.workers import BackgroundTask, run_in_background


class AttachmentsPane(QWidget):
    """Files filed with the chosen section; emits `changed` after an add or a removal."""

    changed = Signal()

    def __init__(self, services: Services, settings: UiSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._settings = settings
        self._section_id: int | None = None
        self.writable = True
        self.busy = False  # files are being copied in: no second add until they are
        self._task: BackgroundTask | None = None
        self.setAcceptDrops(True)
        self.list = QListWidget(self)
        self.list.setObjectName("attachmentsList")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.itemActivated.connect(lambda _item: self.open_selected())
        self.add_button = QPushButton(self.tr("Add files…"), self)
        self.open_button = QPushButton(self.tr("Open"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.kind_button = QToolButton(self)
        self.kind_button.setObjectName("attachmentKindButton")
        self.kind_button.setText(self.tr("Mark as"))
        self.kind_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.kind_menu = QMenu(self.kind_button)
        self.kind_button.setMenu(self.kind_menu)
        self.kind_labels: dict[str, str] = {}
        self.add_button.clicked.connect(self.choose_files)
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.list.itemSelectionChanged.connect(self._sync_buttons)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.open_button, self.remove_button, self.kind_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.list.setToolTip(self.tr("Drop files here to attach them to the section."))
        self._sync_buttons()

    def show_section(self, section_id: int | None) -> None:
        """List the attachments of a section (or nothing)."""
        self._section_id = section_id
        self.refresh()

    def _fill_kinds(self) -> None:
        """The regime's named attachments (the map, the EIA decision) this section's files can be marked as."""
        vietnamese = QLocale().language() == QLocale.Language.Vietnamese
        kinds = self._services.attachments.kinds(self._section_id) if self._section_id is not None else ()
        self.kind_labels = {kind.key: kind.title_vi if vietnamese else kind.title_en for kind in kinds}
        self.kind_menu.clear()
        for key, label in self.kind_labels.items():
            self.kind_menu.addAction(label, lambda key=key: self.mark_selected(key))
        self.kind_menu.addSeparator()
        self.kind_menu.addAction(self.tr("None of these"), lambda: self.mark_selected(""))

    def refresh(self) -> None:
        """Re-read the list."""
        self.list.clear()
        try:
            self._fill_kinds()
        except DossierError:
            self.kind_labels = {}
        if self._section_id is not None:
            locale = QLocale()
            for attachment in self._services.attachments.for_section(self._section_id):
                text = f"{attachment.name}  ({locale.formattedDataSize(attachment.size)})"
                if attachment.kind:
                    text += f"  — {self.kind_labels.get(attachment.kind, attachment.kind)}"
                item = QListWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, attachment.id)
                item.setToolTip(
                    self.tr("Added by {who} on {when}\nSHA-256: {hash}").format(
                        who=attachment.added_by,
                        when=attachment.added_at.astimezone().strftime("%d/%m/%Y %H:%M"),
                        hash=attachment.sha256,
                    )
                )
                self.list.addItem(item)
        self._sync_buttons()

    def _sync_buttons(self) -> None:
        has_section = self._section_id is not None
        selected = bool(self.list.selectedItems())
        self.add_button.setEnabled(has_section and self.writable and not self.busy)
        self.open_button.setEnabled(selected)
        self.remove_button.setEnabled(selected and self.writable)
        self.kind_button.setEnabled(selected and self.writable)

    def mark_selected(self, kind: str) -> None:
        """Mark the selected attachments as the map, the EIA decision, or neither (readiness looks for them)."""
        for item in self.list.selectedItems():
            try:
                self._services.attachments.set_kind(int(item.data(Qt.ItemDataRole.UserRole)), kind)
            except DossierError as error:
                show_error(self, error)
        self.refresh()
        self.changed.emit()

    def choose_files(self) -> None:
        """Ask for files and attach them."""
        if self._section_id is None:
            return
        names, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Attach files to the section"), self._settings.last_folder
        )
        if names:
            self._settings.last_folder = str(Path(names[0]).parent)
            self.add_files([Path(name) for name in names])

    def add_files(self, paths: list[Path]) -> None:
        """Attach files off the GUI thread (on a server the bytes travel over the network); each file refused gets
        its own message, the others are still added."""
        section_id = self._section_id
        if section_id is None or not paths:
            return
        self.busy = True
        self._sync_buttons()
        attachments = self._services.attachments

        def add_each(_progress: object, _cancelled: object) -> tuple[int, list[DossierError]]:
            added, refused = 0, []
            for path in paths:
                try:
                    attachments.add(section_id, path)
                    added += 1
                except DossierError as error:
                    refused.append(error)
            return added, refused

        self._task = run_in_background(add_each)
        self._task.on_success(self._files_added).on_failure(self._failed)

    def _files_added(self, result: tuple[int, list[DossierError]]) -> None:
        added, refused = result
        self.busy = False
        self.refresh()
        if added:
            self.changed.emit()
        for error in refused:
            show_error(self, error)

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        self.refresh()
        show_unexpected(error)

    def open_selected(self) -> None:
        """Open the selected attachments with the system's viewer (fetched off the GUI thread when on a server)."""
        ids = [int(item.data(Qt.ItemDataRole.UserRole)) for item in self.list.selectedItems()]
        if not ids:
            return
        attachments = self._services.attachments

        def fetch(_progress: object, _cancelled: object) -> list[Path | DossierError]:
            found: list[Path | DossierError] = []
            for attachment_id in ids:
                try:
                    found.append(attachments.path(attachment_id))
                except DossierError as error:
                    found.append(error)
            return found

        self._task = run_in_background(fetch)
        self._task.on_success(self._open_fetched).on_failure(show_unexpected)

    def _open_fetched(self, found: list[Path | DossierError]) -> None:
        for entry in found:
            if isinstance(entry, DossierError):
                show_error(self, entry)
            else:
                self.opener(entry)

    @staticmethod
    def opener(path: Path) -> None:
        """Hand a file to the system's viewer (a method so tests can watch it)."""
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def remove_selected(self) -> None:
        """Remove the selected attachments after asking."""
        items = self.list.selectedItems()
        if not items:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove attachments"),
            self.tr("Remove {count} attachment(s) from this section?").format(count=len(items)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        for item in items:
            try:
                self._services.attachments.remove(int(item.data(Qt.ItemDataRole.UserRole)))
            except DossierError as error:
                show_error(self, error)
        self.refresh()
        self.changed.emit()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept files dragged from the desktop."""
        if self._section_id is not None and not self.busy and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Attach the dropped files."""
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            self.add_files(paths)
            event.acceptProposedAction()
