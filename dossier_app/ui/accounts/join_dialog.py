"""A fresh desktop joins its department's server from the window: the server's address, the officer's user name and
password there; the first sync pulls the department's projects off the GUI thread, and the officer is then signed in
here as the server knows them (their offline verifier kept as the window's sync keeps it); the window then shows that
sync as its last."""

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from dossier_app.domain.errors import DossierError
from dossier_app.ui.shared.i18n import error_text
from dossier_app.ui.shared.server_link import (
    PROGRESS_FROM,
    PullProgress,
    ServerFields,
    Synced,
    pinned_fingerprint,
    synced,
    tell_trusted,
)
from dossier_app.ui.shared.workers import BackgroundTask, run_in_background

if TYPE_CHECKING:
    from dossier_app.services import Services
    from dossier_app.services.accounts.accounts import AccountView
    from dossier_app.ui.shared.settings import UiSettings


@dataclass(frozen=True)
class Joined:
    """What the first sync in the background brought back: who signed in, and the sync (cancelled or not)."""

    username: str
    synced: Synced


class JoinServerDialog(QDialog):
    """The server's address, a user name and password there; OK signs in at the server and runs the first sync."""

    def __init__(self, services: "Services", settings: "UiSettings", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("joinServerDialog")
        self.setWindowTitle(self.tr("Join the department's server"))
        self._services, self._settings = services, settings
        self.account: AccountView | None = None
        self.synced: Synced | None = None  # the first sync, once it has ended (the window shows it as its last)
        self.fingerprint = ""  # the certificate trusted at this first connection, shown once
        self.progress: PullProgress | None = None
        self._task: BackgroundTask | None = None
        self.running = False
        self.fields = ServerFields("", partial(pinned_fingerprint, services.replica), self)  # a cancelled join pinned
        self.fields.note.setText(
            self.tr(
                "This desktop gets a copy of the department's projects from its server and syncs with it. Sign in "
                "with the account the administrator made for you on the server (IT gives the address; it usually "
                "ends in :8470)."
            )
        )
        self.username = QLineEdit(self)
        self.username.setObjectName("joinUsername")
        self.password = QLineEdit(self)
        self.password.setObjectName("joinPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.fields.form.addRow(self.tr("User name at the server:"), self.username)
        self.fields.form.addRow(self.tr("Password at the server:"), self.password)
        self.status = QLabel(self)
        self.status.setObjectName("joinStatus")
        self.status.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setObjectName("joinError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b71c1c; font-weight: bold;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Join"))
        self.ok_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.fields)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.fields.address_edit, self.username)
        self.setTabOrder(self.username, self.password)
        self.setMinimumWidth(640)  # a fingerprint line beside the longest Vietnamese label
        self.fields.address_edit.setFocus()

    def accept(self) -> None:
        """Sign in at the server and pull the department's data in the background; the dialog stays open on error."""
        if self.running:
            return
        address, username, password = self.fields.address(), self.username.text().strip(), self.password.text()
        if not address:
            self._show_error(self.tr("Enter the server's address."), self.fields.address_edit)
            return
        if not self.fields.acceptable():
            return
        if not username:
            self._show_error(self.tr("Enter your user name at the server."), self.username)
            return
        self.error.clear()
        self.status.setText(self.tr("Connecting to {server}…").format(server=address))
        self._set_running(True)
        services = self._services

        def job(tell: Callable[[int, int, str], None], cancelled: Callable[[], bool]) -> Joined:
            from dossier_app.services.sync.client import SyncConnection

            with SyncConnection(address, pins=services.replica) as connection:
                trust = connection.connect()
                person = services.people.remember(password, connection.sign_in(username, password, "desktop"))
                tell(0, 0, "signed-in")
                report = services.replica.sync(connection, lambda done, total: tell(done, total, ""), cancelled)
            return Joined(person.username, synced(services, report, trust))

        self._task = run_in_background(job).on_progress(self._progress).on_success(self._done)
        self._task.on_failure(self._failed)

    def reject(self) -> None:
        """Esc or Cancel: close, unless the first sync is under way (its progress has Hủy)."""
        if self.running:
            return
        super().reject()

    def _set_running(self, running: bool) -> None:
        self.running = running
        for widget in (self.fields, self.buttons):
            widget.setEnabled(not running)

    def _progress(self, done: int, total: int, kind: str) -> None:
        """Signed in (the pull begins), then the pull's pages; a long pull shows the window's progress with Hủy."""
        if kind == "signed-in":
            self.status.setText(self.tr("Signed in. Receiving the department's data…"))
            return
        if kind:
            return
        if self.progress is None:
            if total < PROGRESS_FROM or done >= total:
                return
            self.progress = PullProgress(self, True, self._cancel)
        self.progress.pulled(done, total)

    def _cancel(self) -> None:
        """Stop after the page being received; what came is kept and joining again goes on from there."""
        if self._task is not None and self.running:
            self._task.cancel()
            self.status.setText(self.tr("Stopping the sync…"))

    def _finished(self) -> None:
        self._set_running(False)
        if self.progress is not None:
            self.progress.finish()
            self.progress = None

    def _keep_address(self) -> None:
        """Once someone has signed in at the server here, this database is that server's replica: the window's sync
        (Tệp › Đồng bộ ngay) goes on with it, also after a cancelled or failed first sync."""
        if self._services.accounts.has_accounts():
            self._settings.set_sync_server(self._services.database.url, self.fields.address())
            self._settings.sync()

    def _done(self, result: Joined) -> None:
        self._finished()
        self._keep_address()
        self.fingerprint = result.synced.first_use_fingerprint or self.fingerprint
        if result.synced.report.cancelled:
            self.status.clear()
            self._show_error(
                self.tr(
                    "The first sync was cancelled. What arrived is kept: Join goes on from where it stopped, or "
                    "sign in later and use File › Sync now."
                ),
                self.password,
            )
            return
        if self.fingerprint:
            tell_trusted(self, self.fingerprint)
        self.account = self._services.accounts.remembered(result.username)
        self.synced = result.synced
        super().accept()

    def _failed(self, error: BaseException) -> None:
        self._finished()
        self._keep_address()
        self.fields.show_pinned()  # the certificate seen at this first use is trusted now
        self.status.clear()
        message = error_text(error) if isinstance(error, DossierError) else str(error)
        self._show_error(message, self.password)

    def _show_error(self, message: str, focus: QWidget) -> None:
        # A fingerprint is one long word: a zero-width space after each colon lets it wrap instead of running out.
        self.error.setText(message.replace(":", ":\u200b"))
        layout = self.layout()
        if layout is not None:
            layout.activate()  # the new texts' sizes, before the dialog is fitted to them
        self.adjustSize()  # the dialog grows to show the whole reason
        focus.setFocus()
        if isinstance(focus, QLineEdit):
            focus.selectAll()
