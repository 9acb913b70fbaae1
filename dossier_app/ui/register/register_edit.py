"""The party edit dialog: a party's facts, parcels, assets, compensation and resettlement, checked as they are typed.

Every field and cell is read back through the documented columns (the same parsing as an imported file) and the
whole record through the register's rules; a wrong field shows its reason beside it, a wrong cell is coloured with
its reason as a tooltip, and Save stays disabled until nothing is wrong. The service checks again when saving
(permissions, duplicates), and nothing is stored unless all of it is right.
"""

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dossier_app.domain.errors import DossierError
from dossier_app.domain.register import FieldProblem, PartyInput, ResettlementInput
from dossier_app.domain.register_columns import (
    ASSET_COLUMNS,
    LINE_COLUMNS,
    PARCEL_COLUMNS,
    PARTY_COLUMNS,
    ColumnSpec,
    asset_from_values,
    line_from_values,
    parcel_from_values,
    parcel_values,
)
from dossier_app.services import Services
from dossier_app.services.register.register import PartyDetail
from dossier_app.services.register.register_cells import CellRefused, parse_cell
from dossier_app.ui.register.catalogue_picker import Catalogue
from dossier_app.ui.register.register_detail import catalogue_name
from dossier_app.ui.register.register_edit_table import CellProblem, ChildTable
from dossier_app.ui.register.register_model import format_vnd
from dossier_app.ui.shared.messages import show_error

ERROR_STYLE = "color: #b00020;"
_SETTLE = {"resettlement_eligible": "eligible", "resettlement_site": "site", "resettlement_lot": "lot_no"}
_SETTLE |= {"resettlement_fee_vnd": "land_fee_vnd"}
_NESTED = {"land_fee_vnd": "resettlement_fee_vnd"}
_TABS = {"party": 0, "parcel": 1, "asset": 2, "line": 3}


def shown(column: ColumnSpec, value: Any) -> str:
    """A stored value as the user types it: dd/mm/yyyy dates, đồng with dots, decimals with a comma."""
    if value is None:
        return ""
    if column.type == "date":
        return str(value.strftime("%d/%m/%Y"))
    if column.type == "money":
        return format_vnd(int(value))
    if isinstance(value, Decimal):
        return f"{value.normalize():f}".replace(".", ",")
    return str(value)


class PartyEditDialog(QDialog):
    """Modal: Save (Enter) stores the whole party in one transaction, Cancel (Esc) leaves everything as it was."""

    def __init__(
        self, services: Services, project_id: int, party_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("partyEditDialog")
        self._services = services
        self._project_id = project_id
        self.party_id = party_id
        self.saved: PartyDetail | None = None
        self.problems: list[tuple[str, int | None, str, str]] = []  # part, row, field, English reason
        self._catalogues = services.register.catalogue_names()
        detail = services.register.party(party_id).data if party_id is not None else None
        self.setWindowTitle(self.tr("Edit party") if detail else self.tr("New party"))
        self.resize(980, 620)
        self.fields: dict[str, QLineEdit | QCheckBox | QComboBox] = {}
        self.field_errors: dict[str, QLabel] = {}
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._form(PARTY_COLUMNS[:18]), self.tr("Party"))
        # Coded cells are picked by name from their catalogue: the parcel's land use, the asset's and line's kind.
        self.parcels = self._table(PARCEL_COLUMNS[1:], self._parcel_titles(), ("land_use_code", "land_use"))
        self.assets = self._table(ASSET_COLUMNS[1:], self._asset_titles(), ("kind", "asset"))
        self.lines = self._table(LINE_COLUMNS[1:], self._line_titles(), ("kind", "compensation"))
        self.tabs.addTab(self._with_buttons(self.parcels), self.tr("Parcels"))
        self.tabs.addTab(self._with_buttons(self.assets), self.tr("Assets"))
        self.tabs.addTab(self._with_buttons(self.lines), self.tr("Compensation"))
        self.tabs.addTab(self._form(PARTY_COLUMNS[18:]), self.tr("Resettlement"))
        self.summary = QLabel(self)
        self.summary.setObjectName("partyEditProblems")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet(ERROR_STYLE)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self._load(detail)
        self._connect()
        self.revalidate()

    # Building ----------------------------------------------------------------------------------------------

    def _labels(self) -> dict[str, str]:
        return {
            "code": self.tr("Party code"), "kind": self.tr("Kind"), "name": self.tr("Name"),
            "citizen_id": self.tr("Citizen ID (12 digits)"), "tax_code": self.tr("Tax code"),
            "address": self.tr("Address"), "ward": self.tr("Ward"), "household_size": self.tr("Household size"),
            "poor_household": self.tr("Poor or policy household"), "direct_farmer": self.tr("Direct farmer"),
            "complaint": self.tr("Complaint"), "notified_on": self.tr("Notified on"),
            "inventoried_on": self.tr("Inventoried on"), "plan_posted_on": self.tr("Plan posted on"),
            "approved_on": self.tr("Plan approved on"), "paid_on": self.tr("Paid on"),
            "handed_over_on": self.tr("Handed over on"), "enforced_on": self.tr("Enforced on"),
            "resettlement_eligible": self.tr("Eligible for resettlement"),
            "resettlement_site": self.tr("Resettlement site"), "resettlement_lot": self.tr("Lot"),
            "resettlement_fee_vnd": self.tr("Land fee payable (VND)"),
        }  # fmt: skip

    def _parcel_titles(self) -> list[str]:
        return [
            self.tr("Map sheet"), self.tr("Parcel no."), self.tr("Parcel ward"), self.tr("Total area (m²)"),
            self.tr("Recovered area (m²)"), self.tr("Land use"), self.tr("Certificate no."), self.tr("Origin"),
            self.tr("Use since"), self.tr("Co-used"),
        ]  # fmt: skip

    def _asset_titles(self) -> list[str]:
        return [self.tr("Kind"), self.tr("Description"), self.tr("Grade"), self.tr("Area (m²)"), self.tr("Count")]

    def _line_titles(self) -> list[str]:
        return [
            self.tr("Kind"), self.tr("Description"), self.tr("Quantity"), self.tr("Unit"),
            self.tr("Unit price (VND)"), self.tr("Amount (VND)"),
        ]  # fmt: skip

    def _form(self, columns: tuple[ColumnSpec, ...]) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        labels = self._labels()
        for column in columns:
            widget: QLineEdit | QCheckBox | QComboBox
            if column.type == "bool":
                widget = QCheckBox(page)
            elif column.type == "kind":
                widget = QComboBox(page)
                widget.addItem(self.tr("Household"), "household")
                widget.addItem(self.tr("Organisation"), "organisation")
            else:
                widget = QLineEdit(page)
                if column.type == "date":
                    widget.setPlaceholderText(self.tr("dd/mm/yyyy"))
            widget.setObjectName(f"field_{column.name}")
            error = QLabel(page)
            error.setObjectName(f"error_{column.name}")
            error.setStyleSheet(ERROR_STYLE)
            row = QHBoxLayout()
            row.addWidget(widget, 2)
            row.addWidget(error, 3)
            form.addRow(labels[column.name], row)
            self.fields[column.name] = widget
            self.field_errors[column.name] = error
        return page

    def _table(self, columns: tuple[ColumnSpec, ...], titles: list[str], coded: tuple[str, str]) -> ChildTable:
        def display(column: ColumnSpec, value: Any) -> str:
            if column.type == "asset_kind":
                return catalogue_name(self._catalogues, "asset", str(value))
            return shown(column, value)

        field, catalogue = coded
        names = {code: catalogue_name(self._catalogues, catalogue, code) for code in self._catalogues[catalogue]}
        # Officials know land-use codes (ONT, LUC); the kinds' codes are internal English words, not shown.
        return ChildTable(columns, titles, display, self, {field: Catalogue(names, catalogue == "land_use")})

    def _with_buttons(self, table: ChildTable) -> QWidget:
        page = QWidget(self)
        add = QPushButton(self.tr("Add row (Insert)"), page)
        remove = QPushButton(self.tr("Remove row (Delete)"), page)
        for button in (add, remove):
            button.setAutoDefault(False)
        add.clicked.connect(lambda: table.add_row())
        remove.clicked.connect(lambda: table.remove_current_row())
        bar = QHBoxLayout()
        bar.addWidget(add)
        bar.addWidget(remove)
        bar.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(table, 1)
        layout.addLayout(bar)
        return page

    def _load(self, data: PartyInput | None) -> None:
        if data is None:
            return
        settle = data.resettlement or ResettlementInput()
        values: dict[str, Any] = {c.name: getattr(data, c.name, None) for c in PARTY_COLUMNS}
        values |= {column: getattr(settle, name) for column, name in _SETTLE.items()}
        for column in PARTY_COLUMNS:
            widget, value = self.fields[column.name], values[column.name]
            if isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            elif isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(0, widget.findData(value)))
            elif column.name == "resettlement_fee_vnd" and not value:
                widget.setText("")
            else:
                widget.setText(shown(column, value))
        self.parcels.set_records([parcel_values(p) for p in data.parcels])
        self.assets.set_records([vars(a) | {"area_m2": a.area_m2 or None, "count": a.count or None}
                                 for a in data.assets])  # fmt: skip
        self.lines.set_records([vars(line) for line in data.compensation])

    def _connect(self) -> None:
        for widget in self.fields.values():
            if isinstance(widget, QLineEdit):
                widget.textChanged.connect(lambda _text: self.revalidate())
            elif isinstance(widget, QCheckBox):
                widget.toggled.connect(lambda _on: self.revalidate())
            else:
                widget.currentIndexChanged.connect(lambda _index: self.revalidate())
        for table in (self.parcels, self.assets, self.lines):
            table.itemChanged.connect(lambda _item: self.revalidate())
            table.model().rowsRemoved.connect(lambda *_args: self.revalidate())

    # Checking ---------------------------------------------------------------------------------------------

    def record(self) -> tuple[PartyInput, list[tuple[str, int | None, str, str]]]:
        """The party the dialog describes, and the fields and cells that could not be read."""
        problems: list[tuple[str, int | None, str, str]] = []
        values: dict[str, Any] = {}
        for column in PARTY_COLUMNS:
            widget = self.fields[column.name]
            if isinstance(widget, QCheckBox):
                values[column.name] = widget.isChecked()
            elif isinstance(widget, QComboBox):
                values[column.name] = widget.currentData()
            else:
                try:
                    values[column.name] = parse_cell(column, widget.text())
                except CellRefused as refusal:
                    values[column.name] = None
                    problems.append(("party", None, column.name, refusal.reason))
        tables: dict[str, list[dict[str, Any]]] = {}
        for part, table in (("parcel", self.parcels), ("asset", self.assets), ("line", self.lines)):
            records, cells = table.records()
            tables[part] = records
            problems.extend((part, c.row, c.field, c.reason) for c in cells)
        settle = {name: values.pop(column) for column, name in _SETTLE.items()}
        resettlement = None
        if settle["eligible"] or settle["site"] or settle["lot_no"] or settle["land_fee_vnd"]:
            resettlement = ResettlementInput(
                bool(settle["eligible"]), settle["site"] or "", settle["lot_no"] or "", settle["land_fee_vnd"] or 0
            )
        texts = ("code", "name", "citizen_id", "tax_code", "address", "ward")
        party = {k: ("" if v is None and k in texts else v) for k, v in values.items()}
        data = PartyInput(
            **party,
            parcels=tuple(parcel_from_values(v) for v in tables["parcel"]),
            assets=tuple(asset_from_values(v) for v in tables["asset"]),
            compensation=tuple(line_from_values(v) for v in tables["line"]),
            resettlement=resettlement,
        )
        return data, problems

    def revalidate(self) -> bool:
        """Check everything, show each problem where it is, and allow Save only when there is none."""
        data, problems = self.record()
        unreadable = {(part, row, name) for part, row, name, _ in problems}
        for problem in self._services.register.problems(data):
            where = _where(problem)
            if where not in unreadable:  # a cell that could not be read is reported once, as unreadable
                problems.append((*where, problem.reason))
        self.problems = problems
        self._show(problems)
        self.save_button.setEnabled(not problems)
        return not problems

    def _show(self, problems: list[tuple[str, int | None, str, str]]) -> None:
        for name, label in self.field_errors.items():
            reason = next((r for part, _, field, r in problems if part == "party" and field == name), "")
            label.setText(QCoreApplication.translate("Errors", reason) if reason else "")
            widget = self.fields[name]
            widget.setStyleSheet("border: 1px solid #b00020;" if reason and isinstance(widget, QLineEdit) else "")
        for part, table in (("parcel", self.parcels), ("asset", self.assets), ("line", self.lines)):
            table.mark([CellProblem(row or 0, field, r) for p, row, field, r in problems if p == part])
        bar = self.tabs.tabBar()
        wrong_tabs = {4 if part == "party" and name in _SETTLE else _TABS[part] for part, _, name, _ in problems}
        for index in range(self.tabs.count()):
            bar.setTabTextColor(index, QColor("#b00020") if index in wrong_tabs else QColor())
        if problems:
            reason = problems[0][3]
            self.summary.setText(
                self.tr("{count} problem(s) to correct before saving; first: {reason}").format(
                    count=len(problems), reason=QCoreApplication.translate("Errors", reason)
                )
            )
        else:
            self.summary.setText("")

    # Saving ------------------------------------------------------------------------------------------------

    def accept(self) -> None:
        """Save when nothing is wrong; a refusal of the service (permission, duplicate) keeps the dialog open."""
        if not self.revalidate():
            return
        data, _ = self.record()
        register = self._services.register
        try:
            if self.party_id is None:
                self.saved = register.add_party(self._project_id, data)
            else:
                self.saved = register.update_party(self.party_id, data)
        except DossierError as error:
            show_error(self, error)
            return
        self.party_id = self.saved.id
        super().accept()


def _where(problem: FieldProblem) -> tuple[str, int | None, str]:
    """Where the dialog shows a rule's problem: the party form (resettlement fee included) or a table's cell."""
    if problem.part == "party":
        return "party", None, _NESTED.get(problem.field, problem.field)
    return problem.part, problem.index, problem.field
