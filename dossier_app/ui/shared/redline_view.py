"""Shows two revisions compared: insertions and deletions marked word by word."""

from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from dossier_app.domain.redline import COLLAPSED_TEMPLATE, DELETE_STYLE, INSERT_STYLE, Redline, render_html


class RedlineView(QTextBrowser):
    """A read-only redline with a one-line summary and legend on top."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("redlineView")

    def show_redline(self, redline: Redline, old_label: str, new_label: str) -> None:
        """Render a comparison between two labelled texts."""
        summary = self.tr("{inserted} words inserted, {deleted} words deleted, {lines} lines changed").format(
            inserted=redline.words_inserted, deleted=redline.words_deleted, lines=redline.lines_changed
        )
        if not redline.has_changes:
            summary = self.tr("The two texts are the same.")
        inserted_word = escape(self.tr("inserted"))
        deleted_word = escape(self.tr("deleted"))
        legend = (
            f"<p style='color:#555'>{escape(old_label)} → <b>{escape(new_label)}</b><br>{escape(summary)} · "
            f"<span style='{INSERT_STYLE}'>{inserted_word}</span> · "
            f"<span style='{DELETE_STYLE}'>{deleted_word}</span></p><hr>"
        )
        body = render_html(redline, collapsed_template=QCoreApplication.translate("Redline", COLLAPSED_TEMPLATE))
        self.setHtml(legend + body)


class RedlineDialog(QDialog):
    """A window for one comparison, opened from the revisions pane."""

    def __init__(self, title: str, redline: Redline, old_label: str, new_label: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.view = RedlineView(self)
        self.view.show_redline(redline, old_label, new_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(title, self))
        layout.addWidget(self.view)
        layout.addWidget(buttons)
        self.resize(900, 640)
