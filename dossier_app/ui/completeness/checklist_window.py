"""The conditions checklist of a project: numeric criteria computed from its facts, and each condition's
status, note and evidence (sections and attachments)."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dossier_app.domain.conditions import ConditionStatus, CriterionResult, Outcome
from dossier_app.domain.errors import DossierError
from dossier_app.domain.readiness import UNIT_SYMBOLS, format_number
from dossier_app.services import Services
from dossier_app.services.completeness.checklist import ConditionRow
from dossier_app.ui.completeness.facts_dialog import FactsDialog
from dossier_app.ui.shared.messages import show_error

STATUS_COLOURS = {
    ConditionStatus.MET: "#2e7d32",
    ConditionStatus.NOT_MET: "#c62828",
    ConditionStatus.UNKNOWN: "#8a6d00",
}
OUTCOME_COLOURS = {Outcome.PASS: "#2e7d32", Outcome.FAIL: "#c62828", Outcome.UNKNOWN: "#8a6d00",
                   Outcome.NOT_APPLICABLE: "#666666"}  # fmt: skip
LINK_ROLE = Qt.ItemDataRole.UserRole + 1


class ChecklistWindow(QDialog):
    """Non-modal; `section_chosen` asks the main window to open a section cited as evidence."""

    section_chosen = Signal(int)
    changed = Signal()

    def __init__(self, services: Services, project_id: int, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checklistWindow")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self._services = services
        self._vi = language == "vi"
        self.project_id = project_id
        self._rows: list[ConditionRow] = []
        project = services.projects.get(project_id)
        self.setWindowTitle(self.tr("Conditions checklist — {code}").format(code=project.code))
        self.resize(1280, 780)
        self.criteria = QTableWidget(0, 4, self)
        self.criteria.setObjectName("criteriaTable")
        self.criteria.setHorizontalHeaderLabels([self.tr("Criterion"), self.tr("Requirement"), self.tr("Value"),
                                                 self.tr("Result")])  # fmt: skip
        self._table_look(self.criteria)
        self.criteria.setWordWrap(False)
        self.facts_button = QPushButton(self.tr("Edit the facts…"), self)
        self.facts_button.setObjectName("factsButton")
        self.facts_button.clicked.connect(self.edit_facts)
        criteria_box = QGroupBox(self.tr("Numeric criteria, computed from the project's facts"), self)
        criteria_layout = QVBoxLayout(criteria_box)
        criteria_layout.addWidget(self.criteria)
        facts_row = QHBoxLayout()
        facts_row.addStretch(1)
        facts_row.addWidget(self.facts_button)
        criteria_layout.addLayout(facts_row)

        self.conditions = QTableWidget(0, 4, self)
        self.conditions.setObjectName("conditionsTable")
        self.conditions.setHorizontalHeaderLabels([self.tr("Condition"), self.tr("Status"), self.tr("Evidence"),
                                                   self.tr("Note")])  # fmt: skip
        self._table_look(self.conditions)
        self.conditions.setWordWrap(False)
        conditions_header = self.conditions.horizontalHeader()
        conditions_header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        conditions_header.resizeSection(3, 200)
        self.conditions.itemSelectionChanged.connect(self._show_selected)
        self.guidance = QLabel(self)
        self.guidance.setWordWrap(True)
        self.guidance.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.guidance.setStyleSheet("color:#444")
        self.status = QComboBox(self)
        self.status.setObjectName("statusCombo")
        for status, label in (
            (ConditionStatus.UNKNOWN, self.tr("Not assessed")),
            (ConditionStatus.MET, self.tr("Met")),
            (ConditionStatus.NOT_MET, self.tr("Not met")),
        ):
            self.status.addItem(label, status.value)
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("noteEdit")
        self.note.setPlaceholderText(self.tr("How the dossier shows it, or what is still missing"))
        self.note.setMaximumHeight(90)
        self.evidence = QListWidget(self)
        self.evidence.setMinimumHeight(220)
        self.evidence.setObjectName("evidenceList")
        self.evidence.itemDoubleClicked.connect(self._open_evidence)
        self.evidence.setToolTip(self.tr("Tick the sections and attachments that prove the condition; "
                                         "double-click one to open its section."))  # fmt: skip
        self.save_button = QPushButton(self.tr("Save the condition"), self)
        self.save_button.setObjectName("saveConditionButton")
        self.save_button.clicked.connect(self.save_condition)
        detail = QGroupBox(self.tr("Selected condition"), self)
        form = QFormLayout(detail)
        form.addRow(self.guidance)
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Note"), self.note)
        form.addRow(self.tr("Evidence"), self.evidence)
        form.addRow("", self.save_button)

        lower = QSplitter(Qt.Orientation.Horizontal, self)
        lower.addWidget(self.conditions)
        lower.addWidget(detail)
        lower.setStretchFactor(0, 1)
        lower.setStretchFactor(1, 1)
        lower.setSizes([700, 560])
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(criteria_box)
        layout.addWidget(lower, 1)
        layout.addLayout(bottom)
        self.refresh()

    @staticmethod
    def _table_look(table: QTableWidget) -> None:
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().setVisible(False)
        table.setWordWrap(True)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, table.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    # Reading -----------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the criteria and the conditions, keeping the selected condition."""
        keep = self.selected_key()
        try:
            results = self._services.checklist.criteria(self.project_id)
            self._rows = self._services.checklist.conditions(self.project_id)
            self._choices = self._services.checklist.evidence_choices(self.project_id)
        except DossierError as error:
            show_error(self, error)
            return
        self._fill_criteria(results)
        self.conditions.setRowCount(len(self._rows))
        labels = {ConditionStatus(self.status.itemData(i)): self.status.itemText(i) for i in range(self.status.count())}
        for row_index, row in enumerate(self._rows):
            title = row.title_vi if self._vi else row.title_en
            cells = [f"{row.label}) {title}", labels[row.status], str(len(row.evidence)), row.note]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(LINK_ROLE, row.key)
                cell.setToolTip(text)
                if column == 1:
                    cell.setForeground(QBrush(QColor(STATUS_COLOURS[row.status])))
                self.conditions.setItem(row_index, column, cell)
        self.select_condition(keep or (self._rows[0].key if self._rows else ""))

    def _fill_criteria(self, results: list[CriterionResult]) -> None:
        outcome_labels = {
            Outcome.PASS: self.tr("Pass"),
            Outcome.FAIL: self.tr("Fail"),
            Outcome.UNKNOWN: self.tr("Facts missing"),
            Outcome.NOT_APPLICABLE: self.tr("Does not apply"),
        }
        units = {"people": self.tr("people"), **UNIT_SYMBOLS}
        self.criteria.setRowCount(len(results))
        for index, result in enumerate(results):
            unit = units.get(result.unit, result.unit)
            value = format_number(result.value) if result.value is not None else "—"
            cells = [
                result.title_vi if self._vi else result.title_en,
                f"{result.operator.replace('>=', '≥').replace('<=', '≤')} {format_number(result.threshold)} {unit}",
                f"{value} {unit}" if result.value is not None else value,
                outcome_labels[result.outcome],
            ]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column == 3:
                    cell.setForeground(QBrush(QColor(OUTCOME_COLOURS[result.outcome])))
                    font = cell.font()
                    font.setBold(True)
                    cell.setFont(font)
                self.criteria.setItem(index, column, cell)
        height = self.criteria.horizontalHeader().height() + sum(
            self.criteria.rowHeight(i) for i in range(len(results))
        )
        self.criteria.setFixedHeight(height + 4)

    def selected_key(self) -> str | None:
        """The key of the selected condition."""
        row = self.conditions.currentRow()
        return self._rows[row].key if 0 <= row < len(self._rows) else None

    def select_condition(self, key: str) -> None:
        """Select a condition by key (the dashboard links here)."""
        for index, row in enumerate(self._rows):
            if row.key == key:
                self.conditions.selectRow(index)
                self.conditions.scrollToItem(self.conditions.item(index, 0))
                self._show_selected()
                return

    def _show_selected(self) -> None:
        key = self.selected_key()
        row = next((r for r in self._rows if r.key == key), None)
        self.save_button.setEnabled(row is not None)
        self.evidence.clear()
        if row is None:
            self.guidance.clear()
            self.note.clear()
            return
        self.guidance.setText(row.guidance_vi if self._vi else row.guidance_en)
        self.status.setCurrentIndex(self.status.findData(row.status.value))
        self.note.setPlainText(row.note)
        cited = {(e.kind, e.id) for e in row.evidence}
        for choice in self._choices:
            prefix = "§ " if choice.kind == "section" else "📎 "
            item = QListWidgetItem(prefix + choice.title)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if (choice.kind, choice.id) in cited else Qt.CheckState.Unchecked)
            item.setData(LINK_ROLE, (choice.kind, choice.id, choice.section_id))
            self.evidence.addItem(item)

    # Writing -----------------------------------------------------------------------------------------

    def checked_evidence(self) -> list[tuple[str, int]]:
        """The ticked sections and attachments."""
        result = []
        for index in range(self.evidence.count()):
            item = self.evidence.item(index)
            if item.checkState() == Qt.CheckState.Checked:
                kind, ref, _section = item.data(LINK_ROLE)
                result.append((str(kind), int(ref)))
        return result

    def save_condition(self) -> None:
        """Store the selected condition's status, note and evidence."""
        key = self.selected_key()
        if key is None:
            return
        try:
            self._services.checklist.set_condition(
                self.project_id,
                key,
                ConditionStatus(self.status.currentData()),
                self.note.toPlainText(),
                self.checked_evidence(),
            )
        except DossierError as error:
            show_error(self, error)
            return
        self.refresh()
        self.changed.emit()

    def edit_facts(self) -> None:
        """Open the facts form; the criteria are recomputed when it is saved."""
        dialog = FactsDialog(self._services, self.project_id, self)
        if dialog.exec():
            self.refresh()
            self.changed.emit()

    def _open_evidence(self, item: QListWidgetItem) -> None:
        _kind, _ref, section_id = item.data(LINK_ROLE)
        self.section_chosen.emit(int(section_id))
