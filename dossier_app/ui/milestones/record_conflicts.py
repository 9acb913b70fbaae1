"""In the conflicts window: the fields of a milestone plan, a step, the project facts or the filing date that a sync
found changed differently here and on the server, both values side by side, and a button for each, so a person
picks; the pick is saved through its service here and pushed at the next sync."""

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dossier_app.domain.comment_register import CommentState
from dossier_app.domain.conditions import ConditionStatus
from dossier_app.domain.errors import DossierError
from dossier_app.domain.milestones import LandKind, MilestoneStatus
from dossier_app.ui.shared.messages import show_error

if TYPE_CHECKING:
    from dossier_app.services.project_records.conflicts import RecordConflicts, RecordConflictView


class RecordConflictList(QWidget):
    """Every undecided field of the projects' records (milestone plans and steps, facts, filing dates, consulted
    bodies, conditions), with "keep this" and "take the server's"; hidden when none."""

    decided = Signal()

    def __init__(self, conflicts: "RecordConflicts", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordConflictList")
        self._conflicts = conflicts
        self.shown: list[RecordConflictView] = []
        self.intro = QLabel(
            self.tr(
                "Some fields of a project's details, milestone plan, facts, filing date, consultations, conditions, "
                "ministry comments or section titles were changed differently here and on the server. Pick the value "
                "to keep for each field; it is sent at the next sync."
            ),
            self,
        )
        self.intro.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("Record"), self.tr("Field"), self.tr("Here"), self.tr("Server")])
        self.tree.setRootIsDecorated(False)
        self.tree.currentItemChanged.connect(lambda *_: self._enable())
        self.detail = QLabel(self)  # the chosen field whole: a step's title and a unit's name run long
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.keep_button = QPushButton(self.tr("&Keep the value here"), self)
        self.take_button = QPushButton(self.tr("&Take the server's value"), self)
        self.keep_button.clicked.connect(lambda: self.decide(take_theirs=False))
        self.take_button.clicked.connect(lambda: self.decide(take_theirs=True))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.take_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.intro)
        layout.addWidget(self.tree)
        layout.addWidget(self.detail)
        layout.addLayout(buttons)
        self.hide()

    def refresh(self) -> None:
        """Read the undecided fields again."""
        try:
            self.shown = self._conflicts.listing()
        except DossierError as error:
            self.shown = []
            show_error(self, error)
        self.tree.clear()
        for conflict in self.shown:
            item = QTreeWidgetItem(
                [
                    self.record_name(conflict),
                    self.field_name(conflict.field, conflict.table_name),
                    self.value_text(conflict.field, conflict.ours),
                    self.value_text(conflict.field, conflict.theirs),
                ]
            )
            for column in range(4):
                item.setToolTip(column, item.text(column))
            self.tree.addTopLevelItem(item)
        header = self.tree.header()
        header.setStretchLastSection(False)
        for column in (0, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        if self.shown:
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self.setVisible(bool(self.shown))
        self._enable()

    def decide(self, *, take_theirs: bool) -> None:
        """Keep our value of the selected field, or save the server's."""
        row = self.tree.indexOfTopLevelItem(self.tree.currentItem()) if self.tree.currentItem() else -1
        if not 0 <= row < len(self.shown):
            return
        try:
            self._conflicts.resolve(self.shown[row].id, take_theirs=take_theirs)
        except DossierError as error:
            show_error(self, error)
            return
        self.refresh()
        self.decided.emit()

    def _enable(self) -> None:
        item = self.tree.currentItem()
        self.keep_button.setEnabled(item is not None)
        self.take_button.setEnabled(item is not None)
        if item is None:
            self.detail.setText("")
            return
        header = self.tree.headerItem()
        self.detail.setText(
            f"{item.text(0)} — {item.text(1)}\n{header.text(2)}: {item.text(2)}\n{header.text(3)}: {item.text(3)}"
        )

    def record_name(self, conflict: "RecordConflictView") -> str:
        """What the field belongs to, as people read it."""
        names = {
            "milestoneplan": self.tr("Milestone plan"),
            "projectfacts": self.tr("Project facts"),
            "reviewschedule": self.tr("Filing date"),
            "milestonestep": self.tr("Step {detail}"),
            "consultation": self.tr("Consultation: {detail}"),
            "conditioncheck": self.tr("Condition {detail}"),
            "ministrycomment": self.tr("Ministry comment: {detail}"),
            "project": self.tr("Project details"),
            "section": self.tr("Section: {detail}"),
        }
        what = names.get(conflict.table_name, conflict.table_name).format(detail=conflict.detail)
        return f"{conflict.project_code} › {what}"

    def field_name(self, field: str, table_name: str = "") -> str:
        """A record field's name in the window's language."""
        own = {
            ("ministrycomment", "received_on"): self.tr("Comment received on"),
            ("project", "name"): self.tr("Project name"),
            ("section", "title"): self.tr("Section title"),
        }
        if (table_name, field) in own:
            return own[(table_name, field)]
        names = {
            "code": self.tr("Project code"),
            "location": self.tr("Location"),
            "ward": self.tr("Ward"),
            "area_ha": self.tr("Area (ha)"),
            "investor": self.tr("Investor"),
            "total_investment_vnd": self.tr("Total investment (VND)"),
            "governing_body": self.tr("Governing body"),
            "issuing_body": self.tr("Issuing body"),
            "signer_title": self.tr("Signer's title"),
            "signer_name": self.tr("Signer"),
            "sender_organ_code": self.tr("Sender's organ code"),
            "recipient_organ_code": self.tr("Recipient's organ code"),
            "land_kind": self.tr("Land kind"),
            "at_risk_days": self.tr("At-risk window (days)"),
            "it_workers": self.tr("IT workers"),
            "total_workforce": self.tr("Total workforce"),
            "core_area_ha": self.tr("Core functional zone (ha)"),
            "construction_land_ha": self.tr("Construction land (ha)"),
            "building_density_pct": self.tr("Building density (%)"),
            "existing_parks_occupancy_pct": self.tr("Occupancy of existing parks (%)"),
            "software_only": self.tr("Software only"),
            "expansion": self.tr("Expansion"),
            "submitted_on": self.tr("Filing date"),
            "key": self.tr("Key"),
            "title": self.tr("Title"),
            "planned_start": self.tr("Planned start"),
            "planned_end": self.tr("Planned end"),
            "actual_start": self.tr("Actual start"),
            "actual_end": self.tr("Actual end"),
            "responsible": self.tr("Responsible unit"),
            "status": self.tr("Status"),
            "percent": self.tr("Percent complete"),
            "body_key": self.tr("Body in the regime's list"),
            "name": self.tr("Body consulted"),
            "reply_days": self.tr("Reply time (working days)"),
            "sent_on": self.tr("Request sent on"),
            "received_on": self.tr("Reply received on"),
            "letter_ref": self.tr("Letter number"),
            "condition_key": self.tr("Condition"),
            "note": self.tr("Note"),
            "source": self.tr("Body that commented"),
            "section": self.tr("Linked section"),
            "body": self.tr("Comment"),
            "response": self.tr("The city's answer"),
            "state": self.tr("Answer"),
            "resolved_revision": self.tr("Resolving revision"),
        }
        return names.get(field, field)

    def value_text(self, field: str, value: Any) -> str:
        """A value as people read it: dates day first, yes or no, a step's status and a land kind in words, a dash
        for none."""
        if value is None or value == "":
            return "—"
        words = {
            ("status", MilestoneStatus.NOT_STARTED.value): self.tr("Not started"),
            ("status", MilestoneStatus.RUNNING.value): self.tr("Running"),
            ("status", MilestoneStatus.DONE.value): self.tr("Done"),
            ("land_kind", LandKind.AGRICULTURAL.value): self.tr("Agricultural land"),
            ("land_kind", LandKind.NON_AGRICULTURAL.value): self.tr("Non-agricultural land"),
            ("status", ConditionStatus.MET.value): self.tr("Met"),
            ("status", ConditionStatus.NOT_MET.value): self.tr("Not met"),
            ("status", ConditionStatus.UNKNOWN.value): self.tr("Not assessed yet"),
            ("state", CommentState.PENDING.value): QCoreApplication.translate("CommentStates", "No answer yet"),
            ("state", CommentState.ACCEPTED.value): QCoreApplication.translate("CommentStates", "Accepted"),
            ("state", CommentState.EXPLAINED.value): QCoreApplication.translate("CommentStates", "Explained"),
            ("state", CommentState.NOT_ACCEPTED.value): QCoreApplication.translate("CommentStates", "Not accepted"),
        }
        if (field, value) in words:
            return words[(field, value)]
        if isinstance(value, bool):
            return self.tr("Yes") if value else self.tr("No")
        text = str(value)
        if len(text) == 10 and text[4] == "-" and text[7] == "-":
            return f"{text[8:10]}/{text[5:7]}/{text[0:4]}"
        return text
