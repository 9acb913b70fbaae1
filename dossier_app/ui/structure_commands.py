"""Undoable structural edits of a document's outline (add, rename, move, delete a section)."""

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from dossier_app.domain.errors import DossierError
from dossier_app.services import Services

Refresh = Callable[[int | None], None]  # select this section id after the tree is rebuilt
ReportError = Callable[[DossierError], None]


Key = TypeVar("Key")


class ReplayCommand(QUndoCommand, Generic[Key]):
    """Pushed after the change was made once; later redo/undo replay it through a service, then select `Key`."""

    def __init__(
        self, text: str, refresh: Callable[[Key | None], None], report: Callable[[DossierError], None]
    ) -> None:
        super().__init__(text)
        self._refresh = refresh
        self._report = report
        self._first_redo = True

    def redo(self) -> None:
        """Replay the change (the first call is the one already made)."""
        if self._first_redo:
            self._first_redo = False
            return
        self._run(self._forward)

    def undo(self) -> None:
        """Reverse the change."""
        self._run(self._backward)

    def _run(self, step: Callable[[], Key | None]) -> None:
        try:
            self._refresh(step())
        except DossierError as error:
            self.setObsolete(True)
            self._report(error)
            self._refresh(None)

    def _forward(self) -> Key | None:
        raise NotImplementedError

    def _backward(self) -> Key | None:
        raise NotImplementedError


class _StructureCommand(ReplayCommand[int]):
    """A structural edit of the outline, replayed through the dossier service."""

    def __init__(self, text: str, services: Services, refresh: Refresh, report: ReportError) -> None:
        super().__init__(text, refresh, report)
        self._services = services


class AddSectionCommand(_StructureCommand):
    """A custom sub-section was added; undo hides it again."""

    def __init__(self, section_id: int, title: str, parent_id: int | None, *args: object) -> None:
        super().__init__(
            QCoreApplication.translate("StructureCommands", "Add section “{title}”").format(title=title),
            *args,
        )  # type: ignore[arg-type]
        self._section_id = section_id
        self._parent_id = parent_id

    def _forward(self) -> int | None:
        self._services.dossiers.undelete_section(self._section_id)
        return self._section_id

    def _backward(self) -> int | None:
        self._services.dossiers.delete_section(self._section_id)
        return self._parent_id


class RenameSectionCommand(_StructureCommand):
    """A section was renamed; undo gives it back its old title."""

    def __init__(self, section_id: int, old: str, new: str, *args: object) -> None:
        super().__init__(
            QCoreApplication.translate("StructureCommands", "Rename section “{title}”").format(title=old),
            *args,
        )  # type: ignore[arg-type]
        self._section_id, self._old, self._new = section_id, old, new

    def _forward(self) -> int | None:
        self._services.dossiers.rename_section(self._section_id, self._new)
        return self._section_id

    def _backward(self) -> int | None:
        self._services.dossiers.rename_section(self._section_id, self._old)
        return self._section_id


class MoveSectionCommand(_StructureCommand):
    """A section moved among its siblings; undo puts it back."""

    def __init__(self, section_id: int, title: str, old_index: int, new_index: int, *args: object) -> None:
        super().__init__(
            QCoreApplication.translate("StructureCommands", "Move section “{title}”").format(title=title),
            *args,
        )  # type: ignore[arg-type]
        self._section_id, self._old, self._new = section_id, old_index, new_index

    def _forward(self) -> int | None:
        self._services.dossiers.move_section(self._section_id, self._new)
        return self._section_id

    def _backward(self) -> int | None:
        self._services.dossiers.move_section(self._section_id, self._old)
        return self._section_id


class DeleteSectionCommand(_StructureCommand):
    """A section that the law does not require was deleted; undo brings it back with its text."""

    def __init__(self, section_id: int, title: str, neighbour_id: int | None, *args: object) -> None:
        super().__init__(
            QCoreApplication.translate("StructureCommands", "Delete section “{title}”").format(title=title),
            *args,
        )  # type: ignore[arg-type]
        self._section_id = section_id
        self._neighbour_id = neighbour_id

    def _forward(self) -> int | None:
        self._services.dossiers.delete_section(self._section_id)
        return self._neighbour_id

    def _backward(self) -> int | None:
        self._services.dossiers.undelete_section(self._section_id)
        return self._section_id
