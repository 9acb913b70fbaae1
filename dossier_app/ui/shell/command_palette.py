"""Ctrl+K: every action of the window by name, found without diacritics ("ke hoach" finds "Kế hoạch tiến độ…").

The list is read from the window's menus each time it opens, so it always shows what the menus show, with each
action's menu, shortcut and, for a greyed-out one, why it cannot run now.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMenuBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from dossier_app.domain.text import fold

MENU_PATH_SEPARATOR = " › "


@dataclass(frozen=True)
class PaletteEntry:
    """One action as the palette lists it, with the folded words it is found by."""

    action: QAction
    name: str
    path: str
    shortcut: str
    folded: str


def plain_name(text: str) -> str:
    """A menu text without its mnemonic ampersand (a doubled one is a literal &)."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def menu_entries(menu_bar: QMenuBar, leave_out: QAction | None = None) -> list[PaletteEntry]:
    """Every visible command of the menu bar, its submenus included, in menu order (but `leave_out`)."""
    entries: list[PaletteEntry] = []

    def walk(menu: QMenu, path: list[str]) -> None:
        for action in menu.actions():
            if action.isSeparator() or not action.isVisible() or action is leave_out:
                continue
            name = plain_name(action.text())
            if action.menu() is not None:
                walk(action.menu(), [*path, name])  # type: ignore[arg-type]
                continue
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            location = MENU_PATH_SEPARATOR.join(path)
            entries.append(PaletteEntry(action, name, location, shortcut, fold(f"{name} {location}")))

    for top in menu_bar.actions():
        if top.menu() is not None and top.isVisible():
            walk(top.menu(), [plain_name(top.text())])  # type: ignore[arg-type]
    return entries


def matches(entry: PaletteEntry, query: str) -> bool:
    """Every word typed appears in the action's name or menu, diacritics and case aside."""
    return all(word in entry.folded for word in fold(query).split())


class PaletteModel(QAbstractTableModel):
    """The entries that match the query in three columns (name, menu, shortcut); a greyed-out one in grey."""

    COLUMNS = 3

    def __init__(self, entries: list[PaletteEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._all = entries
        self.shown = list(entries)

    def set_query(self, query: str) -> None:
        """Keep the entries that match, enabled ones first, each group in menu order."""
        self.beginResetModel()
        found = [entry for entry in self._all if matches(entry, query)]
        self.shown = [e for e in found if e.action.isEnabled()] + [e for e in found if not e.action.isEnabled()]
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Qt's row count: the entries shown."""
        return 0 if parent.isValid() else len(self.shown)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Qt's column count: name, menu, shortcut."""
        return 0 if parent.isValid() else self.COLUMNS

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Qt's data: the name, its menu and its shortcut; greyed when the action cannot run now."""
        if not index.isValid():
            return None
        entry = self.shown[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (entry.name, entry.path, entry.shortcut)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return entry.action.toolTip() if not entry.action.isEnabled() else entry.path
        if role == Qt.ItemDataRole.ForegroundRole and (index.column() > 0 or not entry.action.isEnabled()):
            group = QPalette.ColorGroup.Disabled if not entry.action.isEnabled() else QPalette.ColorGroup.Active
            role_colour = (
                QPalette.ColorRole.Text if not entry.action.isEnabled() else QPalette.ColorRole.PlaceholderText
            )
            return QApplication.palette().color(group, role_colour)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        """Every line can be chosen, a greyed-out one too, so its reason can be read under the list."""
        return Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled


class CommandPalette(QDialog):
    """Type to filter, arrows to choose, Enter to run; Escape closes without running anything."""

    def __init__(self, menu_bar: QMenuBar, parent: QWidget, leave_out: QAction | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("commandPalette")
        self.setWindowTitle(self.tr("Find a command"))
        self.chosen: QAction | None = None
        self.query = QLineEdit(self)
        self.query.setObjectName("paletteQuery")
        self.query.setPlaceholderText(self.tr("Type part of a command's name, with or without diacritics"))
        self.query.setClearButtonEnabled(True)
        self.model = PaletteModel(menu_entries(menu_bar, leave_out), self)
        self.list = QTreeView(self)
        self.list.setObjectName("paletteList")
        self.list.setModel(self.model)
        self.list.setRootIsDecorated(False)
        self.list.setHeaderHidden(True)
        self.list.setUniformRowHeights(True)
        self.list.setAllColumnsShowFocus(True)
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the typing stays in the query; arrows move the list
        self.reason = QLabel(self)
        self.reason.setObjectName("paletteReason")
        self.reason.setWordWrap(True)
        self.reason.setStyleSheet("color: #666")
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.list)
        layout.addWidget(self.reason)
        self.query.textChanged.connect(self._filter)
        self.query.installEventFilter(self)
        self.list.activated.connect(self._run)
        self.list.clicked.connect(self._run)
        self._filter("")
        self.resize(640, 420)

    def _filter(self, text: str) -> None:
        self.model.set_query(text)
        if self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(0, 0))
        self._explain()

    def _explain(self) -> None:
        """Under the list: nothing found, or why the chosen action is greyed out."""
        index = self.list.currentIndex()
        if not self.model.rowCount():
            self.reason.setText(self.tr("No command matches."))
        elif index.isValid() and not self.model.shown[index.row()].action.isEnabled():
            action = self.model.shown[index.row()].action
            why = action.statusTip() or action.toolTip()
            self.reason.setText(self.tr("Not available now.") + (f" {why}" if why and why != action.text() else ""))
        else:
            self.reason.setText("")

    def eventFilter(self, watched: object, event: object) -> bool:  # type: ignore[override]
        """Up, Down, Page Up/Down and Enter in the query move and run the list."""
        if watched is self.query and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
                self.list.keyPressEvent(event)
                self._explain()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._run(self.list.currentIndex())
                return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]

    def _run(self, index: QModelIndex) -> None:
        """Close, then trigger the action (a dialog it opens must not sit behind the palette)."""
        if not index.isValid():
            return
        action = self.model.shown[index.row()].action
        if not action.isEnabled():
            self._explain()
            return
        self.chosen = action
        self.accept()


def open_palette(window: QWidget, menu_bar: QMenuBar, leave_out: QAction | None = None) -> QAction | None:
    """Show the palette over the window; run and return the chosen action (None when closed without one)."""
    palette = CommandPalette(menu_bar, window, leave_out)
    palette.exec()
    if palette.chosen is not None:
        palette.chosen.trigger()
    palette.deleteLater()
    return palette.chosen
