"""When a save is refused because someone else saved first: both texts side by side, merge or choose."""

from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from dossier_app.domain.redline import redline
from dossier_app.services.dossier.dossiers import SectionView
from dossier_app.ui.dossier.section_markdown import EDITOR_MARKDOWN, section_markdown
from dossier_app.ui.shared.redline_view import RedlineView


class ConflictChoice(Enum):
    """What the user decided."""

    KEEP_MINE = "keep_mine"
    TAKE_THEIRS = "take_theirs"


class ConflictDialog(QDialog):
    """Their stored text on the left, the user's own (editable, to merge into) on the right."""

    def __init__(self, stored: SectionView, mine: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(self.tr("Edit conflict"))
        self.choice: ConflictChoice | None = None
        intro = QLabel(
            self.tr(
                "“{title}” was saved by {who} after you opened it. Nothing of yours is lost: merge what you need "
                "into your text on the right and save it as a new revision (theirs stays in the history), "
                "or take theirs and drop yours."
            ).format(title=stored.title, who=stored.updated_by),
            self,
        )
        intro.setWordWrap(True)
        self.theirs = QTextBrowser(self)
        self.theirs.setObjectName("theirText")
        self.theirs.document().setMarkdown(stored.body, EDITOR_MARKDOWN)
        self.mine = QTextEdit(self)
        self.mine.setObjectName("myText")
        self.mine.document().setMarkdown(mine, EDITOR_MARKDOWN)
        self.changes = RedlineView(self)
        self.changes.show_redline(redline(stored.body, mine), self.tr("Their text"), self.tr("Your text"))
        columns = QSplitter(Qt.Orientation.Horizontal, self)
        for title, widget in ((self.tr("Their text (saved)"), self.theirs), (self.tr("Your text"), self.mine)):
            box = QWidget(columns)
            layout = QVBoxLayout(box)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.addWidget(QLabel(f"<b>{title}</b>", box))
            layout.addWidget(widget)
            columns.addWidget(box)
        rows = QSplitter(Qt.Orientation.Vertical, self)
        rows.addWidget(columns)
        rows.addWidget(self.changes)
        rows.setSizes([420, 200])
        buttons = QDialogButtonBox(self)
        self.keep_button = QPushButton(self.tr("Save my text as a new revision"), self)
        self.take_button = QPushButton(self.tr("Take theirs, drop mine"), self)
        buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.take_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.keep_button.setDefault(True)
        self.keep_button.clicked.connect(lambda: self._decide(ConflictChoice.KEEP_MINE))
        self.take_button.clicked.connect(lambda: self._decide(ConflictChoice.TAKE_THEIRS))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(rows)
        layout.addWidget(buttons)
        self.resize(1100, 720)

    def merged_markdown(self) -> str:
        """The right-hand text as the user left it."""
        return section_markdown(self.mine.document())

    def _decide(self, choice: ConflictChoice) -> None:
        self.choice = choice
        self.accept()

    def reject(self) -> None:
        """Closing without a choice keeps the user's text in the editor, unsaved (autosave will ask again)."""
        self.choice = None
        super().reject()
