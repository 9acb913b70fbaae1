"""The window's side of a replica: where the department's sync server is, a line in the status bar (online or offline,
the last sync, changes waiting, conflicts), Tệp › Đồng bộ ngay, a sync every minute while the server answers, and
the conflicts window with the side-by-side merge view.

The signed-in person signs in at the server with their own password, asked when the desktop holds no session of
theirs (never kept); the session the server gives is kept in this database (services/sync/people.py), so the
next syncs, the timer's too, need no password, and their changes are pushed as them. Every sync runs off the GUI
thread.
"""

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dossier_app.domain.errors import AuthenticationFailed, DossierError, ServerUnreachable, SessionRefused
from dossier_app.ui.milestones.record_conflicts import RecordConflictList
from dossier_app.ui.shared.messages import error_text, show_error
from dossier_app.ui.shared.server_link import (
    PROGRESS_FROM,
    PullProgress,
    ServerFields,
    Synced,
    conflict_count,
    pinned_fingerprint,
    synced,
    tell_trusted,
)
from dossier_app.ui.shared.workers import BackgroundTask, run_in_background

if TYPE_CHECKING:
    from collections.abc import Callable

    from dossier_app.services import Services
    from dossier_app.services.accounts.accounts import AccountView
    from dossier_app.services.sync.replica import ConflictView, SyncReport
    from dossier_app.ui.shared.settings import UiSettings

MINUTE_MS = 60_000


class SyncPanel(QObject):
    """Sync of this database with the department server, as the signed-in person."""

    synced = Signal()  # after a sync that reached the server: the window reads its data again

    def __init__(
        self, window: QWidget, services: "Services", settings: "UiSettings", account: "AccountView | None"
    ) -> None:
        super().__init__(window)
        self._window, self._services, self._settings, self._account = window, services, settings, account
        self._database = services.database.url
        self._password: str | None = None
        self._running = False
        self.online: bool | None = None  # None: not tried yet this session
        self.last_sync: datetime | None = None
        self.waiting = 0
        self.conflicts = 0
        self.waiting_for: list[str] = []  # people whose changes wait until they sign in again
        self.progress: PullProgress | None = None  # a long pull's progress, with its Cancel button
        self.stopped = False  # the person cancelled the last sync: the timer waits for the next by hand
        self._task: BackgroundTask | None = None
        self.label = QLabel(window)
        self.label.setObjectName("syncStatus")
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.server_action = QAction(self.tr("Sync server…"), window)
        self.server_action.triggered.connect(self.choose_server)
        self.sync_action = QAction(self.tr("Sync now"), window)
        self.sync_action.setShortcut(QKeySequence("Ctrl+Shift+Y"))
        self.sync_action.triggered.connect(lambda: self.sync_now(quiet=False))
        self.conflicts_action = QAction(self.tr("Sync conflicts…"), window)
        self.conflicts_action.triggered.connect(self.open_conflicts)
        self.timer = QTimer(self)
        self.timer.setInterval(MINUTE_MS)
        self.timer.timeout.connect(lambda: self.sync_now(quiet=True))
        self.conflicts_window: ConflictsWindow | None = None
        self._count_local()
        self._update()
        if self.server:
            self.timer.start()

    @property
    def server(self) -> str:
        """The sync server's address for this database ("" when it works alone)."""
        return self._settings.sync_server(self._database)

    def actions(self) -> list[QAction]:
        """The File menu's sync commands, in order."""
        return [self.sync_action, self.conflicts_action, self.server_action]

    # The server's address --------------------------------------------------------------------------------

    def choose_server(self) -> bool:
        """Ask for the server's address (and show the certificate this desktop trusts for it)."""
        dialog = ServerDialog(self.server, self._pinned(self.server), self._window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self.use_server(dialog.address())
        return True

    def trusted_fingerprint(self, address: str) -> str:
        """The certificate fingerprint this desktop trusts for `address` ("" when none yet)."""
        return self._pinned(address)

    def use_server(self, address: str) -> None:
        """Sync with this server from now on ("" to work alone), as Tệp › Máy chủ đồng bộ… and Settings choose."""
        self._settings.set_sync_server(self._database, address)
        self._password = None  # another server: sign in again
        self.online = None
        if self.server:
            self.timer.start()
        else:
            self.timer.stop()
        self._update()

    def _pinned(self, address: str) -> str:
        return pinned_fingerprint(self._services.replica, address)

    # Syncing ---------------------------------------------------------------------------------------------

    def sync_now(self, quiet: bool = False) -> None:
        """Sync in the background; `quiet` (the timer) asks nothing and shows only the status line."""
        if self._running or (quiet and self.stopped):
            return
        if not self.server and (quiet or not self.choose_server() or not self.server):
            return
        if self._account is None:
            if not quiet:
                QMessageBox.information(
                    self._window, self.tr("Sync"), self.tr("Sign in with your account to sync with the server.")
                )
            return
        username, services = self._account.username, self._services
        token = services.people.token(username)
        if token is None and self._password is None:
            if quiet:
                return  # the timer never asks; the person syncs once by hand after signing in
            password, ok = QInputDialog.getText(
                self._window,
                self.tr("Sign in at the server"),
                self.tr("Password of {user} at {server}:").format(user=self._account.username, server=self.server),
                QLineEdit.EchoMode.Password,
            )
            if not ok:
                return
            self._password = password
        self._running = True
        self.quiet = quiet
        self.label.setText(self.tr("Syncing…"))
        server, password = self.server, self._password

        def job(tell: Callable[[int, int, str], None], cancelled: Callable[[], bool]) -> Synced:
            from dossier_app.services.sync.client import SyncConnection

            def files(kind: str, done: int, total: int) -> None:  # attachments' files, for the status line
                tell(done, total, kind)

            with SyncConnection(server, pins=services.replica) as connection:
                trust = connection.connect()
                if token is not None:
                    connection.token, connection.username = token, username
                else:
                    assert password is not None
                    services.people.remember(password, connection.sign_in(username, password, "desktop"))
                try:
                    report = services.replica.sync(
                        connection, lambda done, total: tell(done, total, ""), cancelled, blob_progress=files
                    )
                except SessionRefused as error:  # the kept session ended: forget it (or the person, if disabled)
                    services.people.refused(connection.username or username, error)
                    raise
            return synced(services, report, trust)

        self.stopped = False
        self._task = run_in_background(job).on_progress(self._progress).on_success(self._done).on_failure(self._failed)

    def _progress(self, done: int, total: int, kind: str) -> None:
        """A pull's pages (no kind) or attachments' files ("upload", "download") on their way."""
        if kind:
            self._transferring(done, total, kind)
        else:
            self._pulled(done, total, kind)

    def _transferring(self, done: int, total: int, kind: str) -> None:
        """The status line while attachments' files travel: which one of how many."""
        if not self._running:
            return
        if done >= total:
            self.label.setText(self.tr("Syncing…"))
        elif kind == "upload":
            self.label.setText(self.tr("Sending attachment {done}/{total}…").format(done=done + 1, total=total))
        else:
            self.label.setText(self.tr("Downloading attachment {done}/{total}…").format(done=done + 1, total=total))

    def _pulled(self, done: int, total: int, _message: str) -> None:
        """A long pull (the first sync of a large register) shows how far it is, with a Cancel button."""
        if self.progress is None:
            if total < PROGRESS_FROM or done >= total:
                return
            self.progress = PullProgress(self._window, not self.quiet, self._cancel)
        self.progress.pulled(done, total)

    def _cancel(self) -> None:
        """Stop the sync after the page being received; what came so far is kept and the next sync goes on."""
        if self._task is not None and self._running:
            self._task.cancel()
            self.stopped = True
            self.label.setText(self.tr("Stopping the sync…"))

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.finish()
            self.progress = None

    def status(self) -> dict[str, object]:
        """What the status line knows: online or offline, the last sync, what waits, the conflicts, who must sign in
        again."""
        names = ("online", "last_sync", "stopped", "waiting", "conflicts", "waiting_for")
        return {name: getattr(self, name) for name in names}

    def carry_over(self, status: dict[str, object]) -> None:
        """The window rebuilt in another language keeps what the old one's status line knew (else it said "not
        synced yet" until the next sync)."""
        if not self._running:
            for name, value in status.items():
                setattr(self, name, value)
            self._update()

    def took(self, result: Synced) -> None:
        """A sync made before this window opened (joining the server at the first start) is this session's last
        sync, as if the window had made it: online, its time, what waits, quietly (its dialog said the rest)."""
        if not self._running:
            self._record(result)

    def _record(self, result: Synced) -> None:
        """The status line after a sync that reached the server."""
        self.online = True
        if not result.report.cancelled:
            self.last_sync = result.finished
        self.waiting, self.conflicts = result.waiting, result.conflicts
        self.waiting_for = list(result.report.waiting_for)
        self._update()

    def _done(self, result: Synced) -> None:
        self._running = False
        self._close_progress()
        self._password = None  # the session is kept in the database now; the password is not kept at all
        self._record(result)
        if result.report.pulled or result.report.merged:
            self.synced.emit()
        if result.first_use_fingerprint:
            tell_trusted(self._window, result.first_use_fingerprint)
        report = result.report
        if not report.clean and not self.quiet:
            self._show_problems(report)

    def _failed(self, error: BaseException) -> None:
        self._running = False
        self._close_progress()
        if isinstance(error, ServerUnreachable):
            self.online = False
            self._update()
            if not self.quiet:
                show_error(self._window, error)
            return
        if isinstance(error, (AuthenticationFailed, SessionRefused)):
            self._password = None  # ask again next time
        self.online = self.online if self.online is not None else False
        self._update()
        if isinstance(error, DossierError):
            if not self.quiet:
                show_error(self._window, error)
            return
        QMessageBox.critical(self._window, self.tr("Sync"), str(error))

    def _show_problems(self, report: "SyncReport") -> None:
        box, show = self.problems_box(report)
        box.exec()
        if show is not None and box.clickedButton() is show:
            self.open_conflicts()

    def problems_box(self, report: "SyncReport") -> tuple[QMessageBox, QPushButton | None]:
        """The message a sync that did not end clean leaves, with what is not in step in its details; the conflicts
        window is offered only when there is a conflict to open there."""
        lines = [self.tr("Conflict: {section}").format(section=label) for label in report.conflicts]
        lines += [
            self.tr("Refused by the server: {what} — {why}").format(what=refusal.label, why=refusal.message_vi)
            for refusal in report.refused
        ]
        lines += [self.tr("Deleted on the server, kept here: {section}").format(section=label) for label in report.kept]
        lines += [self.tr("To check: {what}").format(what=label) for label in report.to_check]
        lines += [
            self.tr("The server lacks the file of attachment {name}").format(name=name) for name in report.unavailable
        ]
        lines += [
            self.tr("File not sent, the attachment waits: {what}").format(what=label) for label in report.held_back
        ]
        lines += [self._waiting_words(name) for name in report.waiting_for]
        box = QMessageBox(self._window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Sync"))
        box.setText(self.tr("The sync finished, but not everything is in step with the server."))
        box.setDetailedText("\n".join(lines))
        box.addButton(QMessageBox.StandardButton.Ok)
        show = None
        if report.conflicts:
            show = box.addButton(self.tr("Show the conflicts…"), QMessageBox.ButtonRole.ActionRole)
        return box, show

    # The status bar ---------------------------------------------------------------------------------------

    def _count_local(self) -> None:
        """Count the changes waiting and the conflicts off the GUI thread (the outbox reads every unsent revision);
        only for a replica: a desktop working alone has neither."""
        if not self.server:
            return
        services = self._services
        task = run_in_background(lambda _report, _cancelled: (services.replica.waiting(), conflict_count(services)))
        task.on_success(self._counted)  # bound: a window closed meanwhile drops the counts

    def _counted(self, counts: tuple[int, int]) -> None:
        if not self._running:  # a sync under way brings its own counts
            self.waiting, self.conflicts = counts
            self._update()

    def _update(self) -> None:
        """The status line: offline or online, the last sync, the changes waiting and the conflicts."""
        self.sync_action.setEnabled(not self._running)
        self.conflicts_action.setEnabled(True)
        if not self.server:
            self.label.setText("")
            self.label.setVisible(False)
            return
        self.label.setVisible(True)
        if self.online is False:
            state, colour = self.tr("Offline"), "#b71c1c"
        elif self.online:
            state, colour = self.tr("Online"), "#1b5e20"
        else:
            state, colour = self.tr("Not synced yet this session"), "#757575"
        parts = [f"<span style='color:{colour}'>● {escape(state)}</span>"]
        if self.stopped:
            parts.append(escape(self.tr("sync cancelled: Sync now goes on from where it stopped")))
        if self.last_sync is not None:
            parts.append(escape(self.tr("synced at {time}").format(time=self.last_sync.strftime("%H:%M"))))
        if self.waiting:
            parts.append(escape(self.tr("{count} changes waiting").format(count=self.waiting)))
        if self.conflicts:
            conflicts = escape(self.tr("{count} conflicts").format(count=self.conflicts))
            parts.append(f"<span style='color:#b71c1c'>{conflicts}</span>")
        for name in self.waiting_for:
            parts.append(f"<span style='color:#e65100'>{escape(self._waiting_words(name))}</span>")
        self.label.setText(" · ".join(parts))
        self.label.setToolTip(self.tr("Sync server: {server}").format(server=self.server))

    def _waiting_words(self, name: str) -> str:
        return self.tr("{name}'s changes are waiting for them to sign in again").format(name=name)

    # Conflicts -------------------------------------------------------------------------------------------

    def open_conflicts(self) -> None:
        """The conflicts window, one for the session, read again each time it is shown."""
        if self.conflicts_window is None:
            self.conflicts_window = ConflictsWindow(self._services, self._window)
            self.conflicts_window.resolved.connect(self._after_resolution)
        self.conflicts_window.refresh()
        self.conflicts_window.show()
        self.conflicts_window.raise_()

    def _after_resolution(self) -> None:
        self._count_local()
        self.synced.emit()


class ServerDialog(QDialog):
    """The department server's address, and the fingerprint of the certificate trusted for it."""

    def __init__(self, address: str, pinned: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncServerDialog")
        self.setWindowTitle(self.tr("Sync server"))
        self.fields = ServerFields(address, lambda typed: pinned if typed == address else "", self)
        self.address_edit = self.fields.address_edit
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.fields)
        layout.addWidget(buttons)

    def address(self) -> str:
        return self.fields.address()

    def _accept(self) -> None:
        if self.fields.acceptable():
            self.accept()


class ConflictsWindow(QDialog):
    """Every unresolved sync conflict; opening one shows the server's text beside ours to merge and save."""

    resolved = Signal()

    def __init__(self, services: "Services", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncConflictsWindow")
        self.setWindowTitle(self.tr("Sync conflicts"))
        self._services = services
        self._conflicts: list[ConflictView] = []
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("Section"), self.tr("Blocks"), self.tr("Found")])
        self.tree.setRootIsDecorated(False)
        self.tree.itemActivated.connect(lambda item, _column: self.open_item(self.tree.indexOfTopLevelItem(item)))
        self.records = RecordConflictList(services.record_conflicts, self)
        self.records.decided.connect(self.resolved)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.tree)
        layout.addWidget(self.records)
        layout.addWidget(buttons)
        self.resize(820, 520)

    def refresh(self) -> None:
        """Read the unresolved conflicts again."""
        try:
            self._conflicts = self._services.replica.conflicts()
        except DossierError as error:
            self._conflicts = []
            self.intro.setText(error_text(error))
        self.tree.clear()
        for conflict in self._conflicts:
            when = conflict.created_at.astimezone().strftime("%d/%m/%Y %H:%M")
            project = conflict.label.split(" ", 1)[0]  # the label is "CODE outline_key"; people read titles
            item = QTreeWidgetItem([f"{project} › {conflict.title}", str(conflict.blocks), when])
            item.setToolTip(0, conflict.label)
            self.tree.addTopLevelItem(item)
        self.records.refresh()
        self.tree.setVisible(bool(self._conflicts) or not self.records.shown)
        if self._conflicts:
            self.intro.setText(
                self.tr(
                    "The same passage was changed here and on the server. Both texts are kept. Open a conflict "
                    "(Enter or double-click), merge what you need into your text and save it as a new revision."
                )
            )
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        elif self.records.shown:
            self.intro.setText(self.tr("No section text is in conflict."))
        else:
            self.intro.setText(self.tr("No conflicts: this copy and the server agree."))
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    def open_item(self, row: int) -> bool:
        """The merge view of one conflict; whether a revision was saved (which resolves it at the next sync)."""
        if not 0 <= row < len(self._conflicts):
            return False
        from dossier_app.ui.dossier.conflict_dialog import ConflictChoice, ConflictDialog

        conflict = self._conflicts[row]
        try:
            stored = replace(
                self._services.dossiers.section(conflict.section_id),
                body=conflict.theirs_text,
                updated_by=self.tr("the server"),
            )
            dialog = ConflictDialog(stored, conflict.ours_text, self)
            dialog.exec()
            if dialog.choice is None:
                return False
            text = dialog.merged_markdown() if dialog.choice is ConflictChoice.KEEP_MINE else conflict.theirs_text
            saved = self._services.dossiers.save_body(conflict.section_id, text)
            # Our text kept as it was makes no revision: the record is closed by ours instead (services/sync/keeping).
            kept = not saved.changed and self._services.replica.keep_ours(conflict.section_id, text)
        except DossierError as error:
            show_error(self, error)
            return False
        self.refresh()
        self.resolved.emit()
        return bool(saved.changed or kept)
