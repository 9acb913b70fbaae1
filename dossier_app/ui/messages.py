"""Showing typed errors and questions to the user in the UI language."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from dossier_app.domain.errors import DossierError
from dossier_app.ui.i18n import error_text


def show_error(parent: QWidget | None, error: DossierError, title: str | None = None) -> None:
    """A modal message with the translated text of a refused action."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title or QCoreApplication.translate("Messages", "Cannot do that"))
    box.setText(error_text(error))
    box.exec()
