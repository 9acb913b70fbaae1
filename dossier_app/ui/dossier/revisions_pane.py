"""A section's history: every saved text, who and when, and restoring any one of them."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from dossier_app.domain.errors import DossierError
from dossier_app.services import Services
from dossier_app.services.dossier.dossiers import RevisionView
from dossier_app.ui.dossier.section_markdown import EDITOR_MARKDOWN
from dossier_app.ui.shared.messages import show_error
from dossier_app.ui.shared.redline_view import RedlineDialog


def local_time(revision: RevisionView) -> str:
    """A revision's moment in the user's time zone and locale."""
    return revision.created_at.astimezone().strftime("%d/%m/%Y %H:%M:%S")


class RevisionsPane(QWidget):
    """Lists revisions newest first; restoring asks the window to save first, then adds a revision."""

    restore_requested = Signal(int)  # revision id

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._section_id: int | None = None
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("revisionsTable")
        self.table.setHorizontalHeaderLabels([self.tr("No."), self.tr("Saved at"), self.tr("By"), self.tr("Words")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.view_button = QPushButton(self.tr("View…"), self)
        self.restore_button = QPushButton(self.tr("Restore this revision"), self)
        self.compare_button = QPushButton(self.tr("Compare…"), self)
        self.compare_button.setToolTip(
            self.tr("One revision: what it changed from the one before. Two revisions: the older against the newer.")
        )
        self.compare_button.clicked.connect(self.compare_selected)
        self.view_button.clicked.connect(self.view_selected)
        self.restore_button.clicked.connect(self._restore_selected)
        self.table.itemSelectionChanged.connect(self._sync_buttons)
        self.table.doubleClicked.connect(self.view_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.view_button)
        buttons.addWidget(self.compare_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self._revisions: list[RevisionView] = []
        self.last_dialog: RedlineDialog | None = None
        self.writable = True
        self._sync_buttons()

    def show_section(self, section_id: int | None) -> None:
        """List the history of a section (or nothing)."""
        self._section_id = section_id
        self.refresh()

    def refresh(self) -> None:
        """Re-read the whole history (after switching sections or restoring)."""
        self._revisions = self._services.dossiers.revisions(self._section_id) if self._section_id else []
        self.table.setRowCount(0)
        self.table.setRowCount(len(self._revisions))
        for row, revision in enumerate(self._revisions):
            self._fill_row(row, revision)
        self._sync_buttons()

    def add_revision(self, revision: RevisionView) -> None:
        """Put a just-saved revision on top without re-reading the history (autosave stays cheap)."""
        if revision.section_id != self._section_id:
            return
        self._revisions.insert(0, revision)
        self.table.insertRow(0)
        self._fill_row(0, revision)
        self._sync_buttons()

    def _fill_row(self, row: int, revision: RevisionView) -> None:
        number = str(revision.number)
        if revision.restored_from:
            number += " ↺" + str(revision.restored_from)
        cells = [number, local_time(revision), revision.author, str(revision.word_count)]
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, revision.id)
            if column == 0:
                tip = self.tr("SHA-256: {hash}").format(hash=revision.content_hash)
                if revision.restored_from:
                    tip = self.tr("Restored from revision {number}").format(number=revision.restored_from) + "\n" + tip
                item.setToolTip(tip)
            self.table.setItem(row, column, item)

    def selected_revisions(self) -> list[RevisionView]:
        """The highlighted revisions, newest first."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self._revisions[row] for row in rows]

    def selected_revision(self) -> RevisionView | None:
        """The one highlighted revision, if exactly one is."""
        selected = self.selected_revisions()
        return selected[0] if len(selected) == 1 else None

    def _sync_buttons(self) -> None:
        selected = self.selected_revision()
        count = len(self.selected_revisions())
        self.view_button.setEnabled(selected is not None)
        self.compare_button.setEnabled(count == 2 or (count == 1 and selected is not None and selected.number > 1))
        restorable = selected is not None and self._revisions.index(selected) > 0
        self.restore_button.setEnabled(self.writable and restorable)

    def compare_selected(self) -> None:
        """Compare two chosen revisions, or one with the revision before it."""
        chosen = self.selected_revisions()
        if len(chosen) == 1:
            position = self._revisions.index(chosen[0])
            if position + 1 >= len(self._revisions):
                return
            chosen.append(self._revisions[position + 1])
        if len(chosen) != 2:
            return
        newer, older = chosen
        try:
            changes = self._services.redlines.for_revisions(older.id, newer.id)
        except DossierError as error:
            show_error(self, error)
            return
        label = self.tr("Revision {number} ({when}, {who})")
        dialog = RedlineDialog(
            self.tr("Changes from revision {old} to revision {new}").format(old=older.number, new=newer.number),
            self._services,
            changes,
            (
                label.format(number=older.number, when=local_time(older), who=older.author),
                label.format(number=newer.number, when=local_time(newer), who=newer.author),
            ),
            self,
        )
        dialog.setObjectName("redlineDialog")
        dialog.open()
        self.last_dialog = dialog

    def view_selected(self) -> None:
        """Show the selected revision's text read-only."""
        selected = self.selected_revision()
        if selected is None:
            return
        try:
            revision = self._services.dossiers.revision(selected.id)
        except DossierError as error:
            show_error(self, error)
            return
        dialog = QDialog(self)
        dialog.setWindowTitle(
            self.tr("Revision {number} — {when}").format(number=revision.number, when=local_time(revision))
        )
        browser = QTextBrowser(dialog)
        browser.document().setMarkdown(revision.body, EDITOR_MARKDOWN)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(browser)
        layout.addWidget(buttons)
        dialog.resize(720, 560)
        dialog.exec()

    def _restore_selected(self) -> None:
        selected = self.selected_revision()
        if selected is not None:
            self.restore_requested.emit(selected.id)
