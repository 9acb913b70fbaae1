"""Picking a catalogue code by its name: an editable list of "CODE — name" filtered as the user types.

A tired official remembers "đất ở nông thôn", not "ONT": typing any part of the code or the name (without
diacritics too) narrows the list, Enter takes the highlighted entry, Escape leaves the cell as it was. Text that
matches no entry is kept as typed, so the register's rules still report an unknown code.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from dossier_app.domain.text import fold

Index = QModelIndex | QPersistentModelIndex
SEPARATOR = " — "
# The role of a coded cell that holds the stored code (the cell's text is the code's name).
CODE_ROLE = Qt.ItemDataRole.UserRole + 7


@dataclass(frozen=True)
class Catalogue:
    """The entries offered in a coded column: code → name in the UI language, in catalogue order, and whether the
    list shows the codes (land-use codes are known to officials; kinds have internal English codes)."""

    names: Mapping[str, str]
    show_codes: bool = True

    def label(self, code: str) -> str:
        """How an entry is listed: its code, a dash and its name (or its name alone)."""
        return label(code, self.names.get(code, code)) if self.show_codes else self.names.get(code, code)


def label(code: str, name: str) -> str:
    """An entry as "CODE — name"."""
    return f"{code}{SEPARATOR}{name}" if name and name != code else code


def resolve(names: Mapping[str, str], text: str) -> str:
    """The code a typed or listed text stands for: a code (any case), a listed "CODE — name" or a name (folded);
    otherwise the text as typed, for the rules to judge."""
    typed = text.strip()
    key = " ".join(fold(typed).split())
    for code, name in names.items():
        if key in (fold(code), " ".join(fold(name).split()), " ".join(fold(label(code, name)).split())):
            return code
    return typed


class _FoldedFilter(QSortFilterProxyModel):
    """Keeps the entries whose text or code contains every typed word, diacritics and case ignored; entries that
    start with the typed text come first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._needle = ""

    def set_text(self, text: str) -> None:
        """Filter by what is typed now."""
        self._needle = fold(text.strip())
        self._words = self._needle.split()
        self.invalidate()
        self.sort(0)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        """Every typed word is in the folded "CODE — name"."""
        index = self.sourceModel().index(source_row, 0, source_parent)
        text = fold(f"{index.data()} {index.data(Qt.ItemDataRole.UserRole)}")
        return all(word in text for word in self._words)

    def lessThan(self, left: Index, right: Index) -> bool:
        """Code-prefix matches first, then catalogue order."""
        return (self._rank(left), left.row()) < (self._rank(right), right.row())

    def _rank(self, index: Index) -> int:
        code, shown = fold(str(index.data(Qt.ItemDataRole.UserRole))), fold(str(index.data()))
        return 0 if self._needle and (code.startswith(self._needle) or shown.startswith(self._needle)) else 1


class CataloguePicker(QComboBox):
    """An editable combo of a catalogue's entries whose pop-up list narrows to what is typed."""

    def __init__(self, catalogue: Catalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cataloguePicker")
        self.names = dict(catalogue.names)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(12)
        for code in self.names:
            self.addItem(catalogue.label(code), code)
        self.filter = _FoldedFilter(self)
        self.filter.setSourceModel(self.model())  # so a click in the list selects the combo's entry
        self.filter.sort(0)
        line = self.lineEdit()
        assert line is not None
        line.setCompleter(None)  # no inline completion: the list below narrows instead
        self.picker_list = QCompleter(self.filter, self)  # driven here, not by the line (which would unselect)
        self.picker_list.setWidget(line)
        self.picker_list.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.picker_list.setMaxVisibleItems(12)
        self.picker_list.popup().setObjectName("cataloguePickerList")
        self.picker_list.popup().installEventFilter(self)
        self.picker_list.activated[QModelIndex].connect(
            lambda index: self.set_code(str(index.data(Qt.ItemDataRole.UserRole)))
        )
        line.textEdited.connect(self._narrow)

    def code(self) -> str:
        """The code the picker stands for: the highlighted entry, else what the text names or the text itself."""
        popup = self.picker_list.popup()
        if popup.isVisible() and popup.currentIndex().isValid():
            return str(popup.currentIndex().data(Qt.ItemDataRole.UserRole))
        return resolve(self.names, self.currentText())

    def set_code(self, code: str) -> None:
        """Show a stored code: its entry, or the code as it is when the catalogue does not know it."""
        position = self.findData(code)
        if position >= 0:
            self.setCurrentIndex(position)
        else:
            self.setCurrentIndex(-1)
            self.setEditText(code)
        line = self.lineEdit()
        assert line is not None
        line.selectAll()

    def _narrow(self, text: str) -> None:
        """List the entries matching the text and highlight the first, which Enter takes."""
        self.filter.set_text(text)
        completer = self.picker_list
        popup = completer.popup()
        if not text.strip() or self.filter.rowCount() == 0:
            popup.hide()  # nothing typed, or an unknown code: Enter keeps the text as typed
            return
        line = self.lineEdit()
        assert line is not None
        # As wide as the longest name listed (the column is narrower than the names), under the line.
        width = popup.sizeHintForColumn(0) + popup.verticalScrollBar().sizeHint().width() + 2 * popup.frameWidth()
        completer.complete(QRect(0, 0, max(self.width(), min(width, 560)), line.height()))
        popup.setCurrentIndex(completer.completionModel().index(0, 0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter or Tab in the list takes the highlighted entry; Escape cancels the whole edit at once."""
        popup = self.picker_list.popup()
        keys = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Escape)
        pressed = isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress
        if watched is popup and pressed and isinstance(event, QKeyEvent) and event.key() in keys:
            chosen = self.code()
            popup.hide()
            if event.key() != Qt.Key.Key_Escape:
                self.set_code(chosen)
            # The item view's delegate filters its editor's keys: hand it the key to commit or cancel.
            QCoreApplication.sendEvent(self, QKeyEvent(event.type(), event.key(), event.modifiers()))
            return True
        return super().eventFilter(watched, event)


class CatalogueDelegate(QStyledItemDelegate):
    """A `CataloguePicker` editor for a coded cell; the cell keeps the code (CODE_ROLE) and shows its name."""

    def __init__(self, catalogue: Catalogue, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.catalogue = catalogue
        self.names = dict(catalogue.names)

    def createEditor(self, parent: QWidget, _option: QStyleOptionViewItem, _index: Index) -> QWidget:
        """A picker of the catalogue's entries."""
        return CataloguePicker(self.catalogue, parent)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        """Start from the cell's code."""
        assert isinstance(editor, CataloguePicker)
        stored = index.data(CODE_ROLE)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        if stored is None or text != self.names.get(str(stored), str(stored)):
            stored = resolve(self.names, text)
        editor.set_code(str(stored))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        """Store the picked code and show its name (an unknown code as typed)."""
        assert isinstance(editor, CataloguePicker)
        code = editor.code()
        name = self.names.get(code, code)
        model.setItemData(
            index, {CODE_ROLE: code, Qt.ItemDataRole.DisplayRole: name, Qt.ItemDataRole.ToolTipRole: code}
        )

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, _index: Index) -> None:
        """Wide enough to read what is typed (names are longer than codes), never narrower than the cell."""
        rect = option.rect  # type: ignore[attr-defined]
        width = max(rect.width(), 240)
        editor.setGeometry(rect.x(), rect.y(), width, rect.height())
