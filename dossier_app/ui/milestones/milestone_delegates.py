"""Cell editors of the milestone table: a date editor that can also be emptied, a status list, a percent box."""

from PySide6.QtCore import QAbstractItemModel, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QSpinBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from dossier_app.ui.milestones.milestone_model import DATE_FORMAT, MilestoneTableModel

Index = QModelIndex | QPersistentModelIndex
# The date editor shows this lowest date as "no date", so a date can be cleared.
NO_DATE = QDate(1900, 1, 1)


class DateDelegate(QStyledItemDelegate):
    """A calendar date editor; its first value, shown as “no date”, clears the cell."""

    def createEditor(self, parent: QWidget, _option: QStyleOptionViewItem, _index: Index) -> QWidget:
        """A date editor with a calendar."""
        editor = QDateEdit(parent)
        editor.setObjectName("milestoneDateEditor")
        editor.setCalendarPopup(True)
        editor.setDisplayFormat(DATE_FORMAT)
        editor.setMinimumDate(NO_DATE)
        editor.setSpecialValueText(self.tr("no date"))
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        """The cell's date; an empty cell starts at today (the likely answer) but stays empty unless touched."""
        assert isinstance(editor, QDateEdit)
        value = index.data(Qt.ItemDataRole.EditRole)
        empty = not (isinstance(value, QDate) and value.isValid())
        editor.setProperty("untouched", empty)
        editor.setDate(QDate.currentDate() if empty else value)
        if empty:
            editor.dateChanged.connect(lambda _day: editor.setProperty("untouched", False))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        """The chosen date, or none for the “no date” value."""
        assert isinstance(editor, QDateEdit)
        chosen = editor.date()
        if editor.property("untouched"):
            return  # an empty cell opened and left as it was
        model.setData(index, QDate() if chosen == NO_DATE else chosen, Qt.ItemDataRole.EditRole)


class StatusDelegate(QStyledItemDelegate):
    """A list of the statuses in the UI language."""

    def __init__(self, model: MilestoneTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model

    def createEditor(self, parent: QWidget, _option: QStyleOptionViewItem, _index: Index) -> QWidget:
        """A combo of the statuses."""
        combo = QComboBox(parent)
        combo.setObjectName("milestoneStatusEditor")
        for status, name in self._model.status_names().items():
            combo.addItem(name, status.value)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        """Select the cell's status."""
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        """Store the chosen status."""
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class PercentDelegate(QStyledItemDelegate):
    """A box from 0 to 100."""

    def createEditor(self, parent: QWidget, _option: QStyleOptionViewItem, _index: Index) -> QWidget:
        """A spin box with a percent suffix."""
        box = QSpinBox(parent)
        box.setRange(0, 100)
        box.setSuffix(" %")
        return box
