"""The comment register window (bảng tổng hợp tiếp thu, giải trình): a table with filters, add, edit, delete."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
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

from dossier_app.domain.comment_register import CommentState
from dossier_app.domain.errors import DossierError
from dossier_app.services import Services
from dossier_app.services.review.comment_register import CommentView
from dossier_app.ui.review.comment_dialog import CommentDialog, state_labels
from dossier_app.ui.shared.messages import show_error

ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATE_COLOURS = {
    CommentState.PENDING: "#c62828",
    CommentState.NOT_ACCEPTED: "#b26a00",
    CommentState.ACCEPTED: "#2e7d32",
    CommentState.EXPLAINED: "#2e7d32",
}


class CommentRegisterWindow(QDialog):
    """Non-modal; `section_chosen` asks the main window to open the section a comment concerns."""

    section_chosen = Signal(int)
    changed = Signal()

    def __init__(self, services: Services, project_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("commentRegisterWindow")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self._services = services
        self.project_id = project_id
        self.comments: list[CommentView] = []
        project = services.projects.get(project_id)
        self.setWindowTitle(self.tr("Comment register — {code}").format(code=project.code))
        self.resize(1240, 640)
        self.source_filter = QComboBox(self)
        self.source_filter.setObjectName("sourceFilter")
        self.state_filter = QComboBox(self)
        self.state_filter.setObjectName("stateFilter")
        self.state_filter.addItem(self.tr("All states"), None)
        for state, label in state_labels(self).items():
            self.state_filter.addItem(label, state.value)
        self.source_filter.currentIndexChanged.connect(self.refresh)
        self.state_filter.currentIndexChanged.connect(self.refresh)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("From"), self))
        filters.addWidget(self.source_filter, 1)
        filters.addWidget(QLabel(self.tr("State"), self))
        filters.addWidget(self.state_filter)
        headers = [self.tr("Received"), self.tr("From"), self.tr("Section"), self.tr("Comment"), self.tr("Answer"),
                   self.tr("State"), self.tr("Revision")]  # fmt: skip
        self.table = QTableWidget(0, len(headers), self)
        self.table.setObjectName("commentTable")
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for column in range(len(headers)):
            mode = QHeaderView.ResizeMode.Stretch if column in (3, 4) else QHeaderView.ResizeMode.ResizeToContents
            header.setSectionResizeMode(column, mode)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 220)
        self.table.itemDoubleClicked.connect(lambda _item: self.edit_selected())
        self.table.itemSelectionChanged.connect(self._sync_buttons)
        self.add_button = QPushButton(self.tr("Add…"), self)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.section_button = QPushButton(self.tr("Go to the section"), self)
        self.section_button.setObjectName("goToSection")
        self.close_button = QPushButton(self.tr("Close"), self)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.section_button.clicked.connect(self.go_to_section)
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button, self.section_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._fill_sources()
        self.refresh()

    def _fill_sources(self) -> None:
        current = self.source_filter.currentData()
        self.source_filter.blockSignals(True)
        self.source_filter.clear()
        self.source_filter.addItem(self.tr("All ministries and councils"), None)
        for source in self._services.comment_register.sources(self.project_id):
            self.source_filter.addItem(source, source)
        self.source_filter.setCurrentIndex(max(0, self.source_filter.findData(current)))
        self.source_filter.blockSignals(False)

    def refresh(self) -> None:
        """Re-read the comments the filters let through."""
        state = self.state_filter.currentData()
        try:
            self.comments = self._services.comment_register.comments(
                self.project_id,
                source=self.source_filter.currentData(),
                state=CommentState(state) if state else None,
            )
        except DossierError as error:
            show_error(self, error)
            return
        labels = state_labels(self)
        self.table.setRowCount(len(self.comments))
        for row, comment in enumerate(self.comments):
            cells = [
                comment.received_on.strftime("%d/%m/%Y") if comment.received_on else "",
                comment.source,
                comment.section_title,
                comment.body,
                comment.response,
                labels[comment.state],
                str(comment.resolved_revision) if comment.resolved_revision else "",
            ]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(ID_ROLE, comment.id)
                cell.setToolTip(text)
                if column == 5:
                    cell.setForeground(QBrush(QColor(STATE_COLOURS[comment.state])))
                self.table.setItem(row, column, cell)
        self.table.resizeRowsToContents()
        self._sync_buttons()

    def selected(self) -> CommentView | None:
        """The selected comment."""
        row = self.table.currentRow()
        return self.comments[row] if 0 <= row < len(self.comments) and self.table.selectedItems() else None

    def select_comment(self, comment_id: int) -> None:
        """Select a comment by id, clearing the filters if they hide it (the dashboard links here)."""
        if all(c.id != comment_id for c in self.comments):
            self.source_filter.setCurrentIndex(0)
            self.state_filter.setCurrentIndex(0)
        for row, comment in enumerate(self.comments):
            if comment.id == comment_id:
                self.table.selectRow(row)
                self.table.scrollToItem(self.table.item(row, 0))

    def _sync_buttons(self) -> None:
        comment = self.selected()
        self.edit_button.setEnabled(comment is not None)
        self.delete_button.setEnabled(comment is not None)
        self.section_button.setEnabled(comment is not None and comment.section_id is not None)

    def _after_change(self, comment_id: int | None) -> None:
        self._fill_sources()
        self.refresh()
        if comment_id is not None:
            self.select_comment(comment_id)
        self.changed.emit()

    def add(self) -> None:
        """Enter a new comment."""
        dialog = CommentDialog(self._services, self.project_id, None, self)
        if dialog.exec() and dialog.saved is not None:
            self._after_change(dialog.saved.id)

    def edit_selected(self) -> None:
        """Edit the selected comment: its answer, state, section or resolving revision."""
        comment = self.selected()
        if comment is None:
            return
        dialog = CommentDialog(self._services, self.project_id, comment, self)
        if dialog.exec() and dialog.saved is not None:
            self._after_change(dialog.saved.id)

    def delete_selected(self) -> None:
        """Delete the selected comment after asking."""
        comment = self.selected()
        if comment is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete comment"), self.tr("Delete the comment from {source}?").format(source=comment.source)
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self._services.comment_register.delete(comment.id)
        except DossierError as error:
            show_error(self, error)
            return
        self._after_change(None)

    def go_to_section(self) -> None:
        """Open the comment's section in the main window."""
        comment = self.selected()
        if comment is not None and comment.section_id is not None:
            self.section_chosen.emit(comment.section_id)
