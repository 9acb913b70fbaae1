"""Shows two revisions compared: the formatted text with insertions and deletions marked, and saves it as a Word file
with tracked changes."""

from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from dossier_app.domain.errors import DossierError
from dossier_app.domain.redline import (
    COLLAPSED_BLOCKS_TEMPLATE,
    COLLAPSED_TEMPLATE,
    DELETE_STYLE,
    INSERT_STYLE,
    Redline,
    render_html,
)
from dossier_app.services import Services
from dossier_app.services.review.redlines import ReadableRedline
from dossier_app.ui.shared.messages import show_error, show_unexpected
from dossier_app.ui.shared.settings import UiSettings
from dossier_app.ui.shared.workers import BackgroundTask, run_in_background


class RedlineView(QTextBrowser):
    """A read-only redline with a one-line summary and legend on top."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("redlineView")

    def show_readable(self, services: Services, redline: ReadableRedline, old_label: str, new_label: str) -> None:
        """Two revisions as formatted text (headings, emphasis, lists, tables), changes marked word by word."""
        marked = redline.marked
        summary = self.tr(
            "{inserted} words inserted, {deleted} words deleted, {blocks} paragraphs, items or rows changed"
        )
        summary = summary.format(
            inserted=marked.words_inserted, deleted=marked.words_deleted, blocks=marked.blocks_changed
        )
        if not marked.has_changes:
            summary = self.tr("The two texts are the same.")
        template = QCoreApplication.translate("Redline", COLLAPSED_BLOCKS_TEMPLATE)
        self.setHtml(self._legend(old_label, new_label, summary) + services.redlines.html(redline, template))

    def show_redline(self, redline: Redline, old_label: str, new_label: str) -> None:
        """Two texts compared line by line as written (Markdown shown as typed), for a conflict between saves."""
        summary = self.tr("{inserted} words inserted, {deleted} words deleted, {lines} lines changed").format(
            inserted=redline.words_inserted, deleted=redline.words_deleted, lines=redline.lines_changed
        )
        if not redline.has_changes:
            summary = self.tr("The two texts are the same.")
        body = render_html(redline, collapsed_template=QCoreApplication.translate("Redline", COLLAPSED_TEMPLATE))
        self.setHtml(self._legend(old_label, new_label, summary) + body)

    def _legend(self, old_label: str, new_label: str, summary: str) -> str:
        inserted_word = escape(self.tr("inserted"))
        deleted_word = escape(self.tr("deleted"))
        return (
            f"<p style='color:#555'>{escape(old_label)} → <b>{escape(new_label)}</b><br>{escape(summary)} · "
            f"<span style='{INSERT_STYLE}'>{inserted_word}</span> · "
            f"<span style='{DELETE_STYLE}'>{deleted_word}</span></p><hr>"
        )


class RedlineSaver(QPushButton):
    """ "Save as Word…": asks where (starting in the last folder used), writes the redline with tracked changes on a
    worker thread, and says in `status` what became of it."""

    def __init__(
        self, services: Services, redline: ReadableRedline, status: QLabel, parent: QWidget, settings: UiSettings
    ) -> None:
        super().__init__(parent)
        self.setObjectName("saveRedlineButton")
        self.setText(self.tr("Save as Word with tracked changes…"))
        self._services, self._redline, self._status, self._settings = services, redline, status, settings
        self.task: BackgroundTask | None = None
        self.written: Path | None = None
        self.clicked.connect(lambda: self.save())

    def suggested_name(self) -> str:
        """The project code and both revision numbers, so two saved redlines never share a name."""
        redline = self._redline
        old = redline.old.number if redline.old else 0
        return f"{redline.project_code}_so-sanh_{old}-{redline.new.number}.docx"

    def save(self, path: Path | None = None) -> None:
        """Ask for a file (unless given one), then write it in the background."""
        if path is None:
            start = Path(self._settings.last_folder or Path.home()) / self.suggested_name()
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save the redline as a Word file"), str(start), self.tr("Word documents (*.docx)")
            )
            if not chosen:
                return
            path = Path(chosen) if Path(chosen).suffix.lower() == ".docx" else Path(chosen).with_suffix(".docx")
        self._settings.last_folder = str(path.parent)
        self.setEnabled(False)
        self._status.setText(self.tr("Writing {name}…").format(name=path.name))
        services, redline, target = self._services, self._redline, path
        self.task = (
            run_in_background(lambda _progress, _cancelled: services.redlines.write_docx(redline, target))
            .on_success(self._saved)
            .on_failure(self._failed)
        )

    def _saved(self, path: Path) -> None:
        self.setEnabled(True)
        self.written = path
        self._status.setText(
            self.tr("Saved {path}: open it in Word or LibreOffice to accept or reject each change.").format(path=path)
        )

    def _failed(self, error: BaseException) -> None:
        self.setEnabled(True)
        self._status.setText(self.tr("The Word file was not written."))
        if isinstance(error, DossierError):
            show_error(self, error, self.tr("Cannot save the redline"))
        else:
            show_unexpected(error)


class RedlineDialog(QDialog):
    """A window for one comparison, opened from the revisions pane, that can also be saved as a Word file."""

    def __init__(
        self,
        title: str,
        services: Services,
        redline: ReadableRedline,
        labels: tuple[str, str],
        parent: QWidget | None = None,
        settings: UiSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.view = RedlineView(self)
        self.view.show_readable(services, redline, *labels)
        self.status = QLabel(self)
        self.status.setObjectName("redlineStatus")
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.save_button = RedlineSaver(services, redline, self.status, self, settings or UiSettings())
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(title, self))
        layout.addWidget(self.view)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(900, 640)
