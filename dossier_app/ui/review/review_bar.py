"""The review strip above the editor: the section's state, a returned comment, submit / approve / return."""

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dossier_app.domain.enums import Role, SectionState
from dossier_app.domain.errors import DossierError
from dossier_app.services import Services
from dossier_app.services.accounts.accounts import AccountView
from dossier_app.services.review.reviews import SectionReview
from dossier_app.ui.shared.messages import show_error
from dossier_app.ui.shared.redline_view import RedlineSaver, RedlineView
from dossier_app.ui.shared.review_states import STATE_COLOURS, state_name
from dossier_app.ui.shared.settings import UiSettings


class ApprovalDialog(QDialog):
    """The manager approves while reading the formatted redline against the last approved text, and may save it as
    a Word file with tracked changes."""

    def __init__(
        self,
        services: Services,
        review: SectionReview,
        title: str,
        parent: QWidget | None = None,
        settings: UiSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("approvalDialog")
        self.setWindowTitle(self.tr("Approve “{title}”").format(title=title))
        self.view = RedlineView(self)
        old_label = self.tr("Last approved text") if review.approved_revision_id else self.tr("(nothing approved yet)")
        self.redline = services.redlines.for_review(review.section_id)
        self.view.show_readable(services, self.redline, old_label, self.tr("Submitted text"))
        self.status = QLabel(self)
        self.status.setObjectName("redlineStatus")
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.approve_button = buttons.addButton(self.tr("Approve"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.return_button = buttons.addButton(self.tr("Return for changes…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button = RedlineSaver(services, self.redline, self.status, self, settings or UiSettings())
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.choice = ""
        self.approve_button.clicked.connect(lambda: self._choose("approve"))
        self.return_button.clicked.connect(lambda: self._choose("return"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(960, 680)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()


class ReviewBar(QWidget):
    """Shows and changes the review state of the section in the editor; `changed` after any action."""

    changed = Signal()

    def __init__(self, services: Services, account: AccountView | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewBar")
        self._services = services
        self._account = account
        self._section_id: int | None = None
        self._title = ""
        self.review: SectionReview | None = None
        self.approval_dialog: ApprovalDialog | None = None
        self.state_label = QLabel(self)
        self.state_label.setObjectName("reviewState")
        self.return_note = QLabel(self)
        self.return_note.setObjectName("returnNote")
        self.return_note.setWordWrap(True)
        self.return_note.setStyleSheet("background:#fff3e0;border:1px solid #ffb74d;padding:6px;")
        self.submit_button = QPushButton(self.tr("Submit for review"), self)
        self.approve_button = QPushButton(self.tr("Approve…"), self)
        self.return_button = QPushButton(self.tr("Return for changes…"), self)
        self.submit_button.clicked.connect(self.submit)
        self.approve_button.clicked.connect(self.open_approval)
        self.return_button.clicked.connect(self.request_changes)
        row = QHBoxLayout()
        row.setContentsMargins(10, 0, 10, 0)
        row.addWidget(self.state_label)
        row.addStretch(1)
        for button in (self.submit_button, self.approve_button, self.return_button):
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.addLayout(row)
        layout.addWidget(self.return_note)
        self.save_first = lambda: True
        self.show_section(None, "")

    def _holds(self, role: Role) -> bool:
        return self._account is None or self._account.has_role(role)

    def show_section(self, section_id: int | None, title: str) -> None:
        """Show the review state of a section (or hide for none)."""
        self._section_id, self._title = section_id, title
        self.setVisible(section_id is not None)
        self.refresh()

    def refresh(self) -> None:
        """Re-read the state and the open return comment."""
        if self._section_id is None:
            self.review = None
            return
        review = self.review = self._services.reviews.review(self._section_id)
        text = state_name(review.state)
        if review.changed_since_approval:
            text += " · " + self.tr("changed since approval")
        self.state_label.setText(
            f"<span style='color:white;background:{STATE_COLOURS[review.state]};padding:2px 8px'>"
            f"&nbsp;{escape(text)}&nbsp;</span>"
        )
        returned = self._services.reviews.open_return(self._section_id)
        self.return_note.setVisible(returned is not None)
        if returned is not None:
            self.return_note.setText(
                "<b>"
                + escape(self.tr("Returned by {who}:").format(who=returned.author))
                + "</b> "
                + escape(returned.body)
            )
        self.submit_button.setEnabled(
            self._holds(Role.OFFICER) and review.state in (SectionState.DRAFT, SectionState.CHANGES_REQUESTED)
        )
        manager_can = self._holds(Role.MANAGER) and review.state is SectionState.SUBMITTED
        self.approve_button.setEnabled(manager_can)
        self.return_button.setEnabled(manager_can)

    def _run(self, action) -> bool:  # type: ignore[no-untyped-def]
        try:
            action()
        except DossierError as error:
            show_error(self, error)
            self.refresh()
            return False
        self.refresh()
        self.changed.emit()
        return True

    def submit(self) -> bool:
        """Save what is typed, then submit the latest revision."""
        if self._section_id is None or not self.save_first():
            return False
        section_id = self._section_id
        return self._run(lambda: self._services.reviews.submit(section_id))

    def open_approval(self) -> None:
        """Show the redline, then approve or return from there."""
        if self._section_id is None or self.review is None:
            return
        dialog = ApprovalDialog(self._services, self.review, self._title, self)
        dialog.exec()
        self._decide(dialog.choice)

    def show_approval(self) -> ApprovalDialog | None:
        """The same approval view over the window without holding up the caller (a manager's first screen): the
        choice is carried out when the dialog closes."""
        if self._section_id is None or self.review is None or not self.approve_button.isEnabled():
            return None
        dialog = self.approval_dialog = ApprovalDialog(self._services, self.review, self._title, self)
        dialog.finished.connect(lambda _code: self._decide(dialog.choice))
        dialog.open()
        return dialog

    def _decide(self, choice: str) -> None:
        if choice == "approve":
            self.approve()
        elif choice == "return":
            self.request_changes()

    def approve(self) -> bool:
        """Approve the submitted revision the manager looked at (refused if it changed since)."""
        if self._section_id is None or self.review is None:
            return False
        section_id, expected = self._section_id, self.review.submitted_hash
        return self._run(lambda: self._services.reviews.approve(section_id, expected))

    def request_changes(self, comment: str | None = None) -> bool:
        """Return the section with a comment that says what to change."""
        if self._section_id is None:
            return False
        if comment is None:
            comment, ok = QInputDialog.getMultiLineText(
                self, self.tr("Return for changes"), self.tr("What should be changed?")
            )
            if not ok:
                return False
        section_id = self._section_id
        return self._run(lambda: self._services.reviews.request_changes(section_id, comment or ""))
