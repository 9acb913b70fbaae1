"""Opening the database the window works on: the one named at start, else the server chosen in Settings, asking
for the server's password when it wants one (kept in memory only) and offering this computer's file instead of
leaving the user at a dead end when the server cannot be reached."""

import os

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox

from dossier_app.domain.errors import DossierError, PasswordRequired
from dossier_app.services import Services, open_services
from dossier_app.services.core.connections import DB_ENV, with_password
from dossier_app.services.core.context import Operator, os_account
from dossier_app.ui.shared.i18n import error_text
from dossier_app.ui.shared.settings import UiSettings

PASSWORD_ATTEMPTS = 3


def ask_password(error: PasswordRequired, attempt: int) -> str | None:
    """The server's password, typed hidden; None when the user cancels."""
    prompt = error_text(error)
    if attempt > 1:
        prompt = QCoreApplication.translate("DatabaseOpening", "That password was not accepted.") + "\n" + prompt
    text, accepted = QInputDialog.getText(
        None, QCoreApplication.translate("DatabaseOpening", "Server password"), prompt, QLineEdit.EchoMode.Password
    )
    return text if accepted else None


def offer_local(error: DossierError) -> bool:
    """The chosen server cannot be opened: open this computer's database instead? (No: quit.)"""
    answer = QMessageBox.question(
        None,
        QCoreApplication.translate("DatabaseOpening", "Cannot open the server database"),
        error_text(error)
        + "\n\n"
        + QCoreApplication.translate(
            "DatabaseOpening", "Open the database on this computer instead? (Settings can change the choice.)"
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes


def show_refusal(error: DossierError) -> None:
    """Nothing could be opened: say why."""
    QMessageBox.critical(
        None, QCoreApplication.translate("DatabaseOpening", "Cannot open the database"), error_text(error)
    )


def chosen_location(cli_location: str | None, settings: UiSettings) -> tuple[str | None, bool]:
    """--db, then DOSSIER_DB, then the server chosen in Settings, then this computer's file; and whether the
    choice came from Settings (only that one falls back to the local file)."""
    named = cli_location or os.environ.get(DB_ENV)
    if named:
        return named, False
    return (settings.database_url or None), bool(settings.database_url)


def open_for_window(cli_location: str | None, settings: UiSettings) -> Services | None:
    """The services the window runs on, or None after the user gave up (told why)."""
    location, from_settings = chosen_location(cli_location, settings)
    url, attempt = location, 0
    while True:
        try:
            return open_services(url, Operator(os_account()), interactive=True)
        except PasswordRequired as error:
            attempt += 1
            password = ask_password(error, attempt) if location and attempt <= PASSWORD_ATTEMPTS else None
            if location and password is not None:
                url = with_password(location, password)
                continue
            if not (from_settings and offer_local(error)):
                return None
        except DossierError as error:
            if not (from_settings and offer_local(error)):
                show_refusal(error)
                return None
        location = url = None
        from_settings = False
