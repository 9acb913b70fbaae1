"""Opening the database the window works on: the one named at start (`--db`, DOSSIER_DB), else this computer's copy,
which syncs with the department server. A PostgreSQL URL named at start is opened as before (the server and the
tools), asking for its password when it wants one (kept in memory only)."""

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


def show_refusal(error: DossierError) -> None:
    """Nothing could be opened: say why."""
    QMessageBox.critical(
        None, QCoreApplication.translate("DatabaseOpening", "Cannot open the database"), error_text(error)
    )


def chosen_location(cli_location: str | None) -> str | None:
    """--db, then DOSSIER_DB, then this computer's copy (None). Settings no longer name a database: a desktop syncs
    its copy with the department server instead (services/sync)."""
    return cli_location or os.environ.get(DB_ENV) or None


def open_for_window(cli_location: str | None, _settings: UiSettings) -> Services | None:
    """The services the window runs on, or None after the user gave up (told why)."""
    location = url = chosen_location(cli_location)
    attempt = 0
    while True:
        try:
            return open_services(url, Operator(os_account()), interactive=True)
        except PasswordRequired as error:
            attempt += 1
            password = ask_password(error, attempt) if location and attempt <= PASSWORD_ATTEMPTS else None
            if location and password is not None:
                url = with_password(location, password)
                continue
            return None
        except DossierError as error:
            show_refusal(error)
            return None
