"""Showing typed errors and questions to the user in the UI language."""

import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from dossier_app.domain.errors import DossierError
from dossier_app.ui.shared.i18n import error_text


def show_error(parent: QWidget | None, error: DossierError, title: str | None = None) -> None:
    """A modal message with the translated text of a refused action."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title or QCoreApplication.translate("Messages", "Cannot do that"))
    box.setText(error_text(error))
    box.exec()


def show_unexpected(error: BaseException) -> None:
    """Whatever escaped a slot: say so in a message instead of letting it vanish into a terminal nobody reads."""
    if isinstance(error, DossierError):
        show_error(QApplication.activeWindow(), error)
        return
    logging.getLogger("dossier_app").error("unexpected error", exc_info=error)
    box = QMessageBox(QApplication.activeWindow())
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("Messages", "Unexpected error"))
    box.setText(
        QCoreApplication.translate(
            "Messages",
            "The action was not completed because of an unexpected error. Text already saved is safe; "
            "please tell the program's maintainers what you were doing.",
        )
    )
    box.setDetailedText("".join(traceback.format_exception(error)))
    box.exec()


def install_error_hook() -> Callable[[type[BaseException], BaseException, TracebackType | None], Any]:
    """Route exceptions raised in slots to a message (a busy database, a refused action); returns the old hook."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if issubclass(kind, (KeyboardInterrupt, SystemExit)) or QApplication.instance() is None:
            previous(kind, error, trace)
            return
        show_unexpected(error.with_traceback(trace))

    sys.excepthook = hook
    return previous
