"""A section's comment thread: quote the selected text, comment, resolve and reopen."""

from collections.abc import Callable
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dossier_app.domain.enums import CommentKind
from dossier_app.domain.errors import DossierError
from dossier_app.services import Services
from dossier_app.services.review.reviews import CommentView
from dossier_app.ui.shared.messages import show_error


class CommentsPane(QWidget):
    """Lists the thread newest last; `changed` after a comment is added, resolved or reopened."""

    changed = Signal()

    def __init__(self, services: Services, selected_text: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._selected_text = selected_text
        self._section_id: int | None = None
        self._comments: list[CommentView] = []
        self.list = QListWidget(self)
        self.list.setObjectName("commentsList")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.itemSelectionChanged.connect(self._sync)
        self.quote = QLabel(self)
        self.quote.setWordWrap(True)
        self.quote.setStyleSheet("color:#555;font-style:italic")
        self.entry = QPlainTextEdit(self)
        self.entry.setObjectName("commentEntry")
        self.entry.setPlaceholderText(self.tr("Write a comment (the text selected in the editor is quoted)…"))
        self.entry.setMaximumHeight(90)
        self.send_button = QPushButton(self.tr("Add comment"), self)
        self.resolve_button = QPushButton(self.tr("Resolve / reopen"), self)
        self.send_button.clicked.connect(self.add_comment)
        self.resolve_button.clicked.connect(self.toggle_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.resolve_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.list)
        layout.addWidget(self.quote)
        layout.addWidget(self.entry)
        layout.addLayout(buttons)
        self._sync()

    def show_section(self, section_id: int | None) -> None:
        """Show the thread of a section (or nothing)."""
        self._section_id = section_id
        self.refresh()

    def refresh(self) -> None:
        """Re-read the thread."""
        self.list.clear()
        self._comments = self._services.reviews.comments(self._section_id) if self._section_id else []
        for comment in self._comments:
            when = comment.created_at.astimezone().strftime("%d/%m/%Y %H:%M")
            head = f"{comment.author} · {when}"
            if comment.kind is CommentKind.RETURN:
                head += " · " + self.tr("returned for changes")
            if comment.resolved:
                head += " · " + self.tr("resolved")
            text = head + "\n" + (f"“{comment.quote}”\n" if comment.quote else "") + comment.body
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, comment.id)
            if comment.resolved:
                item.setForeground(Qt.GlobalColor.gray)
            self.list.addItem(item)
        self._sync()

    def _sync(self) -> None:
        has_section = self._section_id is not None
        self.send_button.setEnabled(has_section)
        self.entry.setEnabled(has_section)
        self.resolve_button.setEnabled(bool(self.list.selectedItems()))
        quote = self._selected_text() if has_section else ""
        self.quote.setText(escape(self.tr("Quoting: “{text}”").format(text=quote[:200])) if quote else "")

    def update_quote(self) -> None:
        """Show what will be quoted (the editor's selection changed)."""
        self._sync()

    def add_comment(self) -> bool:
        """Store the comment with the quoted selection; an empty one is refused with a message."""
        if self._section_id is None:
            return False
        try:
            self._services.reviews.add_comment(self._section_id, self.entry.toPlainText(), self._selected_text())
        except DossierError as error:
            show_error(self, error)
            return False
        self.entry.clear()
        self.refresh()
        self.changed.emit()
        return True

    def toggle_selected(self) -> None:
        """Resolve an open comment or reopen a resolved one."""
        items = self.list.selectedItems()
        if not items:
            return
        comment_id = int(items[0].data(Qt.ItemDataRole.UserRole))
        comment = next(c for c in self._comments if c.id == comment_id)
        try:
            if comment.resolved:
                self._services.reviews.reopen_comment(comment_id)
            else:
                self._services.reviews.resolve_comment(comment_id)
        except DossierError as error:
            show_error(self, error)
        self.refresh()
        self.changed.emit()
