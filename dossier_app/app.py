"""Composition root: builds the services, the translator and the main window; the only wiring place."""

import sys
import warnings
from collections.abc import Sequence
from types import ModuleType

from dossier_app.domain.errors import DossierError

# The program's own modules: dossier_app and everything under it, and main.py when it runs as the script.
OWN_MODULES = r"(dossier_app|__main__)(\.|$)"


def main(argv: Sequence[str] | None = None) -> int:
    """`python main.py [--db …] [COMMAND …]`: a command runs headless, no command opens the window."""
    hide_library_warnings()
    args = _cli().build_parser().parse_args(argv)
    if args.command:
        return _cli().run(args)
    return run_gui(args.db)


def hide_library_warnings() -> None:
    """Keep the warnings of third-party libraries off the user's terminal; the program's own still show.

    A library warns about its own future (pyHanko's import on a newer cryptography, say): that is for the developers'
    tests, not for the officer at the terminal. Put first in the filter list, so it wins over -W and PYTHONWARNINGS;
    warnings attributed to our modules keep whatever the other filters say (the test suite turns them into errors).
    """
    warnings.filterwarnings("ignore", module=f"(?!{OWN_MODULES})")


def _cli() -> ModuleType:
    """The command line, imported on first use: importing it imports the libraries, which may warn as they load."""
    from dossier_app import cli

    return cli


def run_gui(database_location: str | None) -> int:
    """Open the window on the database and run the event loop."""
    from PySide6.QtWidgets import QApplication

    from dossier_app.ui.shared.i18n import Translators
    from dossier_app.ui.shared.messages import install_error_hook
    from dossier_app.ui.shared.settings import UiSettings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("dossier_app")
    app.setOrganizationName("dossier_app")
    settings = UiSettings()
    translators = Translators(app)
    translators.install(settings.language)
    previous_hook = install_error_hook()
    try:
        return _open_and_run(app, database_location, settings, translators)
    finally:
        sys.excepthook = previous_hook
        translators.remove()


def _open_and_run(app, database_location, settings, translators) -> int:  # type: ignore[no-untyped-def]
    """Open the database, sign in, show the window and run until it closes."""
    import importlib

    from PySide6.QtCore import QTimer

    from dossier_app.services.core.context import Operator
    from dossier_app.ui.accounts.login_dialog import sign_in
    from dossier_app.ui.shell.database_opening import open_for_window

    services = open_for_window(database_location, settings)
    if services is None:
        return _cli().EXIT_USAGE
    backup = _start_automatic_backup(services, settings.backups_kept)
    # While the sign-in dialog waits for a person, load the main window's modules, so Enter opens it sooner.
    QTimer.singleShot(0, lambda: importlib.import_module("dossier_app.ui.shell.main_window"))
    try:
        account = sign_in(services)
        if account is None:
            return _cli().EXIT_OK
        services.context.operator = Operator(account.username)
        controller = WindowController(services, settings, translators, account)
        controller.open()
        QTimer.singleShot(0, controller.offer_start)
        return app.exec()
    finally:
        backup.join()
        services.close()


def _start_automatic_backup(services, keep: int):  # type: ignore[no-untyped-def]
    """Today's backup of a local database, if not made yet, on its own thread so the window does not wait for the
    copy; a failure is logged and never stops the program. The caller joins the thread before closing."""
    import logging
    import threading

    def back_up() -> None:
        try:
            services.backups.run_automatic(keep=keep)
        except DossierError as error:
            logging.getLogger(__name__).warning("automatic backup skipped: %s", error.message)
        except Exception:  # a bug here must not take the window down with it
            logging.getLogger(__name__).exception("automatic backup failed")

    thread = threading.Thread(target=back_up, name="automatic-backup")
    thread.start()
    return thread


class WindowController:
    """Owns the main window; rebuilds it when the language changes so every string is retranslated."""

    def __init__(self, services, settings, translators, account=None) -> None:  # type: ignore[no-untyped-def]
        self.services = services
        self.settings = settings
        self.translators = translators
        self.account = account
        self.window = None

    def open(self):  # type: ignore[no-untyped-def]
        """Build, show and return the main window, back where the user left off."""
        from dossier_app.ui.shell.main_window import MainWindow

        window = MainWindow(self.services, self.settings, self.translators.language, self.account, load_now=False)
        self.window = window
        window.rebuild_requested.connect(self.rebuild)
        window.load_after_first_paint(then=window.restore_last_place)
        window.show()
        return window

    def offer_start(self) -> None:
        """On an empty database, offer the demo or a new project."""
        from dossier_app.ui.shell.welcome import offer_start

        if self.window is not None:
            offer_start(self.window)

    def rebuild(self) -> None:
        """Switch language: install the translator and replace the window."""
        old = self.window
        self.translators.install(self.settings.language)
        self.open()
        if old is not None:
            old.hide()
            old.deleteLater()
