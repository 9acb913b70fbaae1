"""The Section menu: add, rename, move and delete sections, each undoable through the QUndoStack."""

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMessageBox

from dossier_app.domain.errors import DossierError
from dossier_app.domain.lifecycle import Action
from dossier_app.ui.dossier.structure_commands import (
    AddSectionCommand,
    DeleteSectionCommand,
    MoveSectionCommand,
    RenameSectionCommand,
)
from dossier_app.ui.shared.messages import show_error
from dossier_app.ui.shell.navigator import DOCUMENT_ROLE, ID_ROLE, KIND_ROLE, NodeKind

if TYPE_CHECKING:
    from dossier_app.ui.shell.window_host import WindowHost


class StructureActions(QObject):
    """Owns the structural actions and keeps them enabled only where they apply."""

    def __init__(self, window: "WindowHost") -> None:
        super().__init__(window)
        self._window = window
        stack = window.undo_stack
        self.undo_action = stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = stack.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.add_action = self._make(self.tr("Add sub-section…"), "Ctrl+Shift+N", self.add_section)
        self.rename_action = self._make(self.tr("Rename section…"), "F2", self.rename_section)
        self.up_action = self._make(self.tr("Move up"), "Alt+Up", lambda: self.move_section(-1))
        self.down_action = self._make(self.tr("Move down"), "Alt+Down", lambda: self.move_section(1))
        self.delete_action = self._make(self.tr("Delete section"), None, self.delete_section)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        for action in (self.undo_action, self.redo_action):
            window.edit_menu.addAction(action)
            window.navigator.addAction(action)
        for action in (
            self.add_action,
            self.rename_action,
            self.up_action,
            self.down_action,
            self.delete_action,
        ):
            window.section_menu.addAction(action)
            window.navigator.addAction(action)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.sync()

    def _make(self, text: str, shortcut: str | None, slot) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self._window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def sync(self) -> None:
        """Enable what applies to the navigator's current row."""
        kind = self._window.current_kind()
        section = self._window.current_section
        may = self._window.may(Action.EDIT_STRUCTURE)
        on_section = may and kind is NodeKind.SECTION and section is not None
        self.add_action.setEnabled(may and kind in (NodeKind.DOCUMENT, NodeKind.SECTION))
        self.rename_action.setEnabled(on_section)
        self.delete_action.setEnabled(on_section and section is not None and not section.required)
        if on_section and section is not None:
            index, count = self._window.services.dossiers.sibling_index(section.id)
            self.up_action.setEnabled(index > 0)
            self.down_action.setEnabled(index < count - 1)
        else:
            self.up_action.setEnabled(False)
            self.down_action.setEnabled(False)

    def _args(self) -> tuple[object, ...]:
        return (self._window.services, self._window.reload_navigator, lambda e: show_error(self._window, e))

    def add_section(self) -> None:
        """Add a custom sub-section under the current section (or at the top of the current document)."""
        window = self._window
        kind = window.current_kind()
        index = window.navigator.currentIndex()
        if kind not in (NodeKind.DOCUMENT, NodeKind.SECTION) or not window.editor.save_now():
            return
        document_id = int(index.data(DOCUMENT_ROLE))
        parent_id = window.current_id() if kind is NodeKind.SECTION else None
        title, ok = QInputDialog.getText(window, self.tr("Add sub-section"), self.tr("Title of the new section:"))
        if not ok:
            return
        try:
            section_id = window.services.dossiers.add_section(document_id, parent_id, title)
        except DossierError as error:
            show_error(window, error)
            return
        window.undo_stack.push(AddSectionCommand(section_id, title.strip(), parent_id, *self._args()))
        window.reload_navigator(section_id)

    def rename_section(self) -> None:
        """Give the current section a new title."""
        window = self._window
        section = window.current_section
        if section is None or not window.editor.save_now():
            return
        title, ok = QInputDialog.getText(window, self.tr("Rename section"), self.tr("New title:"), text=section.title)
        if not ok or title.strip() == section.title:
            return
        try:
            old = window.services.dossiers.rename_section(section.id, title)
        except DossierError as error:
            show_error(window, error)
            return
        window.undo_stack.push(RenameSectionCommand(section.id, old, " ".join(title.split()), *self._args()))
        window.reload_navigator(section.id)
        window.open_section(section.id)

    def move_section(self, delta: int) -> None:
        """Move the current section one place up (-1) or down (+1) among its siblings."""
        window = self._window
        section = window.current_section
        if section is None or not window.editor.save_now():
            return
        index, count = window.services.dossiers.sibling_index(section.id)
        target = index + delta
        if not 0 <= target < count:
            return
        try:
            old = window.services.dossiers.move_section(section.id, target)
        except DossierError as error:
            show_error(window, error)
            return
        window.undo_stack.push(MoveSectionCommand(section.id, section.title, old, target, *self._args()))
        window.reload_navigator(section.id)

    def delete_section(self) -> None:
        """Delete the current section if the law does not require it (undo brings it back)."""
        window = self._window
        section = window.current_section
        if section is None or not window.editor.save_now():
            return
        if section.required:
            QMessageBox.information(
                window,
                self.tr("Delete section"),
                self.tr("“{title}” is required by the legal outline and cannot be deleted.").format(
                    title=section.title
                ),
            )
            return
        index = window.navigator.currentIndex()
        neighbour = index.sibling(index.row() - 1, 0) if index.row() > 0 else index.parent()
        is_section = neighbour.isValid() and neighbour.data(KIND_ROLE) == NodeKind.SECTION
        neighbour_id = int(neighbour.data(ID_ROLE)) if is_section else None
        try:
            window.services.dossiers.delete_section(section.id)
        except DossierError as error:
            show_error(window, error)
            return
        window.undo_stack.push(DeleteSectionCommand(section.id, section.title, neighbour_id, *self._args()))
        window.statusBar().showMessage(
            self.tr("Deleted “{title}”. Undo (Ctrl+Z) brings it back.").format(title=section.title), 8000
        )
        window.reload_navigator(neighbour_id)
