"""An undo command pushed after its change was made once, replayed through a service on redo and undo."""

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtGui import QUndoCommand

from dossier_app.domain.errors import DossierError

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
