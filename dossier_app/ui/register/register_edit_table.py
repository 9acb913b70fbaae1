"""An editable table of a party's parcels, assets or compensation lines, read back through the documented columns."""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem, QWidget

from dossier_app.domain.register_columns import ColumnSpec
from dossier_app.services.register.register_cells import CellRefused, parse_cell
from dossier_app.ui.register.catalogue_picker import CODE_ROLE, Catalogue, CatalogueDelegate, resolve

ERROR_BRUSH = QBrush(QColor("#f8d7da"))
MAX_COLUMN_WIDTH = 240


@dataclass(frozen=True)
class CellProblem:
    """A cell of a child table that is wrong: its row, its field and the English reason."""

    row: int
    field: str
    reason: str


NUMERIC_TYPES = frozenset({"int", "money", "decimal"})


class ChildTable(QTableWidget):
    """Rows of text cells (yes/no columns as check boxes, coded columns picked by name from their catalogue);
    Insert adds a row, Delete removes the current one."""

    def __init__(
        self,
        columns: Sequence[ColumnSpec],
        titles: Sequence[str],
        shown: Callable[[ColumnSpec, Any], str],
        parent: QWidget | None = None,
        coded: Mapping[str, Catalogue] | None = None,
    ) -> None:
        super().__init__(0, len(columns), parent)
        self.columns = tuple(columns)
        self._shown = shown
        self._coded = {field: dict(catalogue.names) for field, catalogue in (coded or {}).items()}
        for position, column in enumerate(self.columns):
            if coded and column.name in coded:
                self.setItemDelegateForColumn(position, CatalogueDelegate(coded[column.name], self))
        self.setHorizontalHeaderLabels(list(titles))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.horizontalHeader().setStretchLastSection(True)
        self.verticalHeader().setDefaultSectionSize(22)

    # Rows ----------------------------------------------------------------------------------------------------

    def set_records(self, records: Sequence[dict[str, Any]]) -> None:
        """Fill the table with records (field → value), shown as the user types them."""
        self.blockSignals(True)
        self.setRowCount(0)
        for record in records:
            self._append(record)
        self.blockSignals(False)
        self.resizeColumnsToContents()  # names of wards and land uses are read, not guessed from "Phường Hưng…"
        for position in range(self.columnCount()):
            self.setColumnWidth(position, min(self.columnWidth(position), MAX_COLUMN_WIDTH))
        self.itemChanged.emit(QTableWidgetItem())

    def _append(self, record: dict[str, Any]) -> int:
        row = self.rowCount()
        self.insertRow(row)
        for position, column in enumerate(self.columns):
            value = record.get(column.name)
            item = QTableWidgetItem()
            if column.type == "bool":
                item.setFlags(
                    Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                )
                item.setCheckState(Qt.CheckState.Checked if value else Qt.CheckState.Unchecked)
            elif column.name in self._coded and value is not None:
                code = str(value)
                item.setData(CODE_ROLE, code)
                item.setText(self._coded[column.name].get(code, code))
                item.setToolTip(code)
            else:
                item.setText("" if value is None else self._shown(column, value))
                if column.type in NUMERIC_TYPES:  # figures line up on their last digit, as in the register table
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.setItem(row, position, item)
        return row

    def add_row(self) -> int:
        """Append an empty row and start editing its first cell."""
        row = self._append({})
        self.setCurrentCell(row, 0)
        self.editItem(self.item(row, 0))
        self.itemChanged.emit(self.item(row, 0))
        return row

    def remove_current_row(self) -> None:
        """Remove the row of the current cell."""
        row = self.currentRow()
        if 0 <= row < self.rowCount():
            self.removeRow(row)
            self.itemChanged.emit(QTableWidgetItem())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Insert adds a row, Delete removes the current one (outside cell editing)."""
        if event.key() == Qt.Key.Key_Insert:
            self.add_row()
            return
        if event.key() == Qt.Key.Key_Delete and self.state() != QAbstractItemView.State.EditingState:
            self.remove_current_row()
            return
        super().keyPressEvent(event)

    # Reading back ------------------------------------------------------------------------------------------

    def records(self) -> tuple[list[dict[str, Any]], list[CellProblem]]:
        """Each row's values by field (parsed like an imported cell), and the cells that could not be read."""
        records: list[dict[str, Any]] = []
        problems: list[CellProblem] = []
        for row in range(self.rowCount()):
            values: dict[str, Any] = {}
            for position, column in enumerate(self.columns):
                item = self.item(row, position)
                if column.type == "bool":
                    values[column.name] = item is not None and item.checkState() == Qt.CheckState.Checked
                    continue
                text = item.text() if item is not None else ""
                if column.name in self._coded and item is not None:
                    text = self.code(item, column.name)
                try:
                    values[column.name] = parse_cell(column, text)
                except CellRefused as refusal:
                    values[column.name] = None
                    problems.append(CellProblem(row, column.name, refusal.reason))
            records.append(values)
        return records, problems

    def code(self, item: QTableWidgetItem, field: str) -> str:
        """The code a coded cell stands for: the picked code while its name is shown, else what the text names."""
        names = self._coded[field]
        stored = item.data(CODE_ROLE)
        if stored is not None and item.text() == names.get(str(stored), str(stored)):
            return str(stored)
        return resolve(names, item.text()) if item.text().strip() else ""

    def mark(self, problems: Sequence[CellProblem]) -> None:
        """Colour the wrong cells and give each its reason as a tooltip; clear the others."""
        self.blockSignals(True)
        wrong = {(p.row, p.field): p.reason for p in problems}
        for row in range(self.rowCount()):
            for position, column in enumerate(self.columns):
                item = self.item(row, position)
                if item is None:
                    item = QTableWidgetItem()
                    self.setItem(row, position, item)
                reason = wrong.get((row, column.name))
                item.setBackground(ERROR_BRUSH if reason else QBrush())
                if reason:
                    item.setToolTip(QCoreApplication.translate("Errors", reason))
                elif column.name in self._coded and item.text():
                    item.setToolTip(self.code(item, column.name))  # the name shows; the code is one hover away
                else:
                    item.setToolTip("")
        self.blockSignals(False)

    def cell_problem(self, row: int, field: str) -> str:
        """The tooltip (translated reason) of a cell, empty when the cell is right."""
        position = next(i for i, c in enumerate(self.columns) if c.name == field)
        item = self.item(row, position)
        return item.toolTip() if item is not None and item.background() == ERROR_BRUSH else ""
