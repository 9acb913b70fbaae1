"""One comment of the register: who made it and when, the section it concerns, the answer, its state."""

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QPlainTextEdit,
    QWidget,
)

from dossier_app.domain.comment_register import CommentState
from dossier_app.domain.errors import DossierError
from dossier_app.services import Services
from dossier_app.services.review.comment_register import CommentInput, CommentView
from dossier_app.ui.shared.messages import show_error


def state_labels(_widget: QWidget | None = None) -> dict[CommentState, str]:
    """The states as the register shows them (one context, so lupdate and the lookup agree)."""
    return {
        CommentState.PENDING: QCoreApplication.translate("CommentStates", "No answer yet"),
        CommentState.ACCEPTED: QCoreApplication.translate("CommentStates", "Accepted"),
        CommentState.EXPLAINED: QCoreApplication.translate("CommentStates", "Explained"),
        CommentState.NOT_ACCEPTED: QCoreApplication.translate("CommentStates", "Not accepted"),
    }


class CommentDialog(QDialog):
    """Adds a comment to a project's register, or edits one; `saved` holds the stored comment."""

    def __init__(
        self, services: Services, project_id: int, comment: CommentView | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("commentDialog")
        self._services = services
        self.project_id = project_id
        self._comment = comment
        self.saved: CommentView | None = None
        self.setWindowTitle(self.tr("Edit comment") if comment else self.tr("New comment"))
        self.source = QComboBox(self)
        self.source.setObjectName("sourceCombo")
        self.source.setEditable(True)
        self.source.addItems(services.comment_register.sources(project_id))
        self.source.setCurrentText(comment.source if comment else "")
        self.has_date = QCheckBox(self.tr("Received on"), self)
        self.received = QDateEdit(self)
        self.received.setCalendarPopup(True)
        self.received.setDisplayFormat("dd/MM/yyyy")
        received = comment.received_on if comment else date.today()
        self.has_date.setChecked(received is not None)
        self.received.setDate(QDate(received) if received else QDate.currentDate())
        self.has_date.toggled.connect(self.received.setEnabled)
        self.received.setEnabled(self.has_date.isChecked())
        self.section = QComboBox(self)
        self.section.setObjectName("sectionCombo")
        self.section.addItem(self.tr("(no section)"), None)
        for choice in services.checklist.evidence_choices(project_id):
            if choice.kind == "section":
                self.section.addItem(choice.title, choice.id)
        self.section.setCurrentIndex(max(0, self.section.findData(comment.section_id if comment else None)))
        self.section.currentIndexChanged.connect(self._fill_revisions)
        self.body = QPlainTextEdit(comment.body if comment else "", self)
        self.body.setObjectName("bodyEdit")
        self.response = QPlainTextEdit(comment.response if comment else "", self)
        self.response.setObjectName("responseEdit")
        self.state = QComboBox(self)
        self.state.setObjectName("stateCombo")
        for state, label in state_labels(self).items():
            self.state.addItem(label, state.value)
        self.state.setCurrentIndex(self.state.findData((comment.state if comment else CommentState.PENDING).value))
        self.revision = QComboBox(self)
        self.revision.setObjectName("revisionCombo")
        self._fill_revisions()
        if comment and comment.resolved_revision_id is not None:
            self.revision.setCurrentIndex(max(0, self.revision.findData(comment.resolved_revision_id)))
        dates = QHBoxLayout()
        dates.addWidget(self.has_date)
        dates.addWidget(self.received)
        dates.addStretch(1)
        form = QFormLayout(self)
        form.addRow(self.tr("From (ministry, council)"), self.source)
        form.addRow(dates)
        form.addRow(self.tr("Section"), self.section)
        form.addRow(self.tr("Comment"), self.body)
        form.addRow(self.tr("Answer (tiếp thu, giải trình)"), self.response)
        form.addRow(self.tr("State"), self.state)
        form.addRow(self.tr("Resolved by revision"), self.revision)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(720, 560)

    def _fill_revisions(self) -> None:
        self.revision.clear()
        self.revision.addItem(self.tr("(none)"), None)
        section_id = self.section.currentData()
        if section_id is None:
            return
        for revision in self._services.dossiers.revisions(int(section_id)):
            when = revision.created_at.astimezone().strftime("%d/%m/%Y %H:%M")
            label = self.tr("Revision {number} — {when}, {who}")
            self.revision.addItem(label.format(number=revision.number, when=when, who=revision.author), revision.id)

    def data(self) -> CommentInput:
        """The form as input for the service."""
        section = self.section.currentData()
        revision = self.revision.currentData()
        return CommentInput(
            source=self.source.currentText(),
            body=self.body.toPlainText(),
            received_on=self.received.date().toPython() if self.has_date.isChecked() else None,  # type: ignore[arg-type]
            section_id=int(section) if section is not None else None,
            response=self.response.toPlainText(),
            state=CommentState(self.state.currentData()),
            resolved_revision_id=int(revision) if revision is not None else None,
        )

    def save(self) -> None:
        """Store the comment and close, or say why not and stay."""
        register = self._services.comment_register
        try:
            if self._comment is None:
                self.saved = register.add(self.project_id, self.data())
            else:
                self.saved = register.update(self._comment.id, self.data())
        except DossierError as error:
            show_error(self, error)
            return
        self.accept()
