"""Composition root: builds the services, the translator and the main window; the only wiring place."""

import os
import sys
import warnings
from collections.abc import Sequence
from types import ModuleType

from dossier_app.domain.errors import DossierError

# Kept here and in export.workers (which starts the bundle's workers with it) so the start path imports no more.
WORKER_ARGUMENT = "--export-worker"
# Set, the window paints its frame once, prints `first-paint <unix time> …` and exits 0 without opening the database;
# a value ending in .png keeps a picture of it there. For packaging/smoke.py and the start-up measures, not for users.
PAINT_ONCE_VARIABLE = "DOSSIER_PAINT_ONCE"

# The program's own modules: dossier_app and everything under it, and main.py when it runs as the script.
OWN_MODULES = r"(dossier_app|__main__)(\.|$)"


def main(argv: Sequence[str] | None = None) -> int:
    """`python main.py [--db …] [COMMAND …]`: a command runs headless, no command opens the window."""
    arguments = sys.argv[1:] if argv is None else list(argv)
    if arguments[:1] == [WORKER_ARGUMENT]:
        # The bundle starts an export's worker as itself with this hidden argument (it has no `python -c`).
        from dossier_app.export.workers import serve

        serve()
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

    from dossier_app.ui.shared.help_window import help_launcher
    from dossier_app.ui.shared.i18n import Translators
    from dossier_app.ui.shared.icons import program_icon
    from dossier_app.ui.shared.messages import install_error_hook
    from dossier_app.ui.shared.settings import UiSettings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("dossier_app")
    app.setOrganizationName("dossier_app")
    app.setWindowIcon(program_icon())  # every window and dialog takes the application's icon
    app.setDesktopFileName("dossier_app")  # Wayland and the taskbar match the window to dossier_app.desktop
    settings = UiSettings()
    translators = Translators(app)
    translators.install(settings.language)
    previous_hook = install_error_hook()
    help_launcher()  # F1 opens the user guide from every window, the sign-in included
    try:
        return _open_and_run(app, database_location, settings, translators)
    finally:
        sys.excepthook = previous_hook
        translators.remove()


def _open_and_run(app, database_location, settings, translators) -> int:  # type: ignore[no-untyped-def]
    """Show the window's frame at once, then open the database, sign in and fill it; run until it closes."""
    from dossier_app.ui.shell.main_window import MainWindow

    window = MainWindow(None, settings, translators.language)
    start = _Start(app, window, database_location, settings, translators)
    paint_once = os.environ.get(PAINT_ONCE_VARIABLE)
    window.after_first_paint(start.run if paint_once is None else lambda: _painted_once(app, window, paint_once))
    window.show()
    try:
        code = app.exec()
    finally:
        start.finish()
    return start.exit_code if start.exit_code is not None else code


def _painted_once(app, window, picture: str) -> None:  # type: ignore[no-untyped-def]
    """The smoke test's and the start bench's exit: report the first paint (wall clock), keep a picture, leave."""
    import time

    painted = time.time()
    if picture.endswith(".png"):
        window.grab().save(picture)
    icon = sorted(size.width() for size in app.windowIcon().availableSizes())
    print(f"first-paint {painted:.6f} icon={icon} title={window.windowTitle()}", flush=True)
    app.exit(0)


class _Start:
    """What runs once the frame has painted: the database, the sign-in, the panes; or a clean exit when one fails."""

    def __init__(self, app, window, database_location, settings, translators) -> None:  # type: ignore[no-untyped-def]
        self.app = app
        self.window = window
        self.database_location = database_location
        self.settings = settings
        self.translators = translators
        self.services = None
        self.backup = None
        self.exit_code: int | None = None
        self.controller = None  # kept alive for the window's language switch

    def run(self) -> None:
        """Open, sign in, attach; any way out leaves the event loop with the right exit code."""
        import threading

        from PySide6.QtCore import QTimer

        from dossier_app.services.core.context import Operator
        from dossier_app.ui.accounts.login_dialog import sign_in
        from dossier_app.ui.shell.database_opening import open_for_window
        from dossier_app.ui.shell.main_window import preload_workspace

        try:
            self.services = services = open_for_window(self.database_location, self.settings)
            if services is None:
                self._leave(_cli().EXIT_USAGE)
                return
            if self.settings.database_url and services.database.is_sqlite:  # set up for PostgreSQL before sync
                from dossier_app.ui.shell.sync_server import ask_for_sync_server

                ask_for_sync_server(self.settings, services.database.url, self.window)
            self.backup = _start_automatic_backup(services, self.settings.backups_kept)
            # The panes load on a thread while the sign-in waits for a person and checks the password (argon2
            # leaves the interpreter free while it hashes), so the window fills sooner after Enter.
            preload = threading.Thread(target=preload_workspace, name="preload-window")
            preload.start()
            signed = sign_in(services, self.window, self.settings)
            preload.join()
            if signed is None:
                self._leave(_cli().EXIT_OK)
                return
            account = signed.account
            services.context.operator = Operator(account.username)
            controller = WindowController(services, self.settings, self.translators, account)
            window = controller.open(self.window)
            if signed.joined is not None:  # joined the server just now: that sync is the window's last
                window.sync_panel.took(signed.joined)
            self.controller = controller
            QTimer.singleShot(0, controller.offer_start)
        except BaseException:
            self._leave(1)
            raise

    def _leave(self, code: int) -> None:
        self.exit_code = code
        self.window.hide()
        self.app.exit(code)

    def finish(self) -> None:
        """After the event loop: wait for today's backup, close the database."""
        if self.backup is not None:
            self.backup.join()
        if self.services is not None:
            self.services.close()


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

    def open(self, frame=None, sync_status=None):  # type: ignore[no-untyped-def]
        """Fill the frame that is already showing, or build and show a new window; back where the user left off
        (`sync_status`: the replaced window's status line, kept)."""
        from dossier_app.ui.shell.main_window import MainWindow

        if frame is None:
            window = MainWindow(self.services, self.settings, self.translators.language, self.account, load_now=False)

            def loaded() -> None:
                window.restore_last_place()
                if sync_status is not None:
                    window.sync_panel.carry_over(sync_status)

            window.load_after_first_paint(then=loaded)
            window.show()
        else:
            window = frame
            window.attach(self.services, self.account)
            window.land_on_work()
        self.window = window
        window.rebuild_requested.connect(self.rebuild)
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
        panel = getattr(old, "sync_panel", None)
        self.open(sync_status=panel.status() if panel is not None else None)
        if old is not None:
            old.hide()
            old.deleteLater()
