"""Under a household's details in the register window: the fields a sync found changed differently here and on the
server, both values side by side, and a button for each, so a person picks; the pick is pushed at the next sync."""

from collections.abc import Callable, Mapping
from html import escape
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from dossier_app.domain.errors import DossierError
from dossier_app.services.sync.row_conflicts import RowConflicts, RowConflictView
from dossier_app.ui.shared.messages import show_error

SHOWN_ROWS = 4  # children listed per value; the rest counted


class RowConflictPanel(QFrame):
    """The selected household's undecided fields; hidden when it has none."""

    decided = Signal(int)  # the household whose field was decided

    def __init__(self, conflicts: RowConflicts, step_names: Mapping[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rowConflictPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#rowConflictPanel { background: #fff4e5; }")
        self._conflicts, self._steps = conflicts, step_names
        self._party_id: int | None = None
        self.shown: list[RowConflictView] = []
        self.buttons: list[tuple[QPushButton, QPushButton]] = []  # (keep ours, take theirs) per field shown
        layout = QVBoxLayout(self)
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self._grid = QGridLayout()
        layout.addLayout(self._grid)
        self.hide()

    def show_party(self, party_id: int | None) -> None:
        """Show the undecided fields of this household (none: the panel hides)."""
        self._party_id = party_id
        self.shown = self._conflicts.of_party(party_id) if party_id is not None else []
        while self._grid.count():
            item = self._grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setParent(None)
                widget.deleteLater()
        self.buttons = []
        if not self.shown:
            self.hide()
            return
        self.title.setText(
            self.tr(
                "<b>Sync conflict:</b> this household was changed here and on the server in the same fields. "
                "Pick the value to keep for each; it is sent at the next sync."
            )
        )
        for row, conflict in enumerate(self.shown):
            keep = QPushButton(self.tr("Keep this"), self)
            take = QPushButton(self.tr("Take the server's"), self)
            keep.clicked.connect(self._decide(conflict.id, False))
            take.clicked.connect(self._decide(conflict.id, True))
            self.buttons.append((keep, take))
            name = QLabel(f"<b>{escape(self.field_name(conflict.field))}</b>", self)
            ours = QLabel(self.tr("Here: {value}").format(value=self.value_text(conflict.ours)), self)
            theirs = QLabel(self.tr("Server: {value}").format(value=self.value_text(conflict.theirs)), self)
            for label in (ours, theirs):
                label.setWordWrap(True)
                label.setTextFormat(Qt.TextFormat.PlainText)
            # Each field on three lines: its name, our value with its button, the server's with its.
            self._grid.addWidget(name, row * 3, 0, 1, 2)
            self._grid.addWidget(ours, row * 3 + 1, 0)
            self._grid.addWidget(keep, row * 3 + 1, 1)
            self._grid.addWidget(theirs, row * 3 + 2, 0)
            self._grid.addWidget(take, row * 3 + 2, 1)
        self._grid.setColumnStretch(0, 1)
        self.show()

    def _decide(self, conflict_id: int, take_theirs: bool) -> Callable[[], None]:
        def decide() -> None:
            try:
                self._conflicts.resolve(conflict_id, take_theirs=take_theirs)
            except DossierError as error:
                show_error(self, error)
                return
            party_id = self._party_id
            self.show_party(party_id)
            if party_id is not None:
                self.decided.emit(party_id)

        return decide

    def field_name(self, field: str) -> str:
        """A field's name in the UI language."""
        names = {
            "code": self.tr("Party code"),
            "kind": self.tr("Kind"),
            "name": self.tr("Name"),
            "citizen_id": self.tr("Citizen ID"),
            "tax_code": self.tr("Tax code"),
            "address": self.tr("Address"),
            "ward": self.tr("Ward"),
            "household_size": self.tr("Household size"),
            "poor_household": self.tr("Poor household"),
            "direct_farmer": self.tr("Direct farmer"),
            "complaint": self.tr("Complaint"),
            "parcels": self.tr("Parcels"),
            "assets": self.tr("Assets on the land"),
            "compensation": self.tr("Compensation and support"),
            "resettlement": self.tr("Resettlement"),
        }
        return names.get(field) or self._steps.get(field) or field

    def value_text(self, value: Any) -> str:
        """A value as a person reads it: empty, yes or no, a date, or a household's rows one per line."""
        if value is None or value == "":
            return self.tr("(empty)")
        if isinstance(value, bool):
            return self.tr("Yes") if value else self.tr("No")
        if isinstance(value, dict):
            return self._row_text(value)
        if isinstance(value, list):
            if not value:
                return self.tr("(none)")
            lines = [self._row_text(row) for row in value[:SHOWN_ROWS]]
            if len(value) > SHOWN_ROWS:
                lines.append(self.tr("and {count} more").format(count=len(value) - SHOWN_ROWS))
            return "; ".join(lines)
        if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
            return f"{value[8:10]}/{value[5:7]}/{value[:4]}"
        return str(value)

    def _row_text(self, row: Mapping[str, Any]) -> str:
        shown = [self.value_text(v) for v in row.values() if v not in (None, "", False, 0, "0")]
        return " · ".join(shown)
