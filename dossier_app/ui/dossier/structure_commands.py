"""Undoable structural edits of a document's outline (add, rename, move, delete a section)."""

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from dossier_app.domain.errors import DossierError
from dossier_app.services import Services
from dossier_app.ui.shared.replay_command import ReplayCommand

Refresh = Callable[[int | None], None]  # select this section id after the tree is rebuilt
ReportError = Callable[[DossierError], None]


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
