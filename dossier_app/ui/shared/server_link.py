"""The department server as a desktop reaches it, shared by the window's sync (ui/shell) and joining a department
from a fresh desktop (ui/accounts): the address and trusted-certificate fields, the progress of a long pull with
its Cancel button, and what a sync brought back for the status line."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QMessageBox, QProgressDialog, QVBoxLayout, QWidget

from dossier_app.domain.errors import DossierError

if TYPE_CHECKING:
    from dossier_app.services import Services
    from dossier_app.services.sync.client import ServerTrust
    from dossier_app.services.sync.replica import ReplicaService, SyncReport

PROGRESS_FROM = 3_000  # changes to pull (three pages): a pull this long shows its progress and can be cancelled


def _now() -> datetime:
    return datetime.now().astimezone()


@dataclass(frozen=True)
class Synced:
    """What a sync in the background brought back to the window's status line: the report, the changes still
    waiting, the conflicts, when it ended, and the certificate a first connection trusted ("" when pinned before).
    Joining the server at the first start hands its sync to the window in this form too."""

    report: "SyncReport"
    waiting: int
    conflicts: int
    first_use_fingerprint: str = ""
    finished: datetime = field(default_factory=_now)


def synced(services: "Services", report: "SyncReport", trust: "ServerTrust") -> Synced:
    """Count what waits and what conflicts right after a sync, in the sync's own thread (the outbox reads every
    unsent revision); the conflicts are the texts', the register's and the projects' records'."""
    return Synced(
        report, services.replica.waiting(), conflict_count(services), trust.fingerprint if trust.first_use else ""
    )


def conflict_count(services: "Services") -> int:
    """The conflicts the status line counts: texts, register fields and the projects' records' fields."""
    texts = len(services.replica.conflicts())
    return texts + len(services.row_conflicts.listing()) + len(services.record_conflicts.listing())


class ServerFields(QWidget):
    """A note, the address (https://host:8470) and the fingerprint pinned for it, looked up again when it changes."""

    def __init__(self, address: str, pinned: Callable[[str], str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pinned = pinned or (lambda _address: "")
        self.address_edit = QLineEdit(address, self)
        self.address_edit.setObjectName("syncServerAddress")
        self.address_edit.setPlaceholderText("https://may-chu.so-khcn.cantho.gov.vn:8470")
        self.address_edit.setMinimumWidth(420)
        self.fingerprint = QLabel(self)
        self.fingerprint.setObjectName("syncServerFingerprint")
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Not word-wrapped: its lines are broken by hand (show_pinned), and a wrapped label's height is not
        # recomputed when a fingerprint replaces the one-line placeholder, so the second line was cut.
        self.note = QLabel(
            self.tr(
                "Each desktop keeps its own copy and syncs with the department's server, which alone holds the "
                "data and checks each person's rights. Leave the address empty to work alone."
            ),
            self,
        )
        self.note.setWordWrap(True)
        self.form = QFormLayout()  # joining a server adds the user name and password rows, aligned with these
        self.form.addRow(self.tr("Server address:"), self.address_edit)
        self.form.addRow(self.tr("Trusted certificate (SHA-256):"), self.fingerprint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note)
        layout.addLayout(self.form)
        self.address_edit.editingFinished.connect(self.show_pinned)
        self.show_pinned()

    def address(self) -> str:
        """The address as typed, without a trailing slash ("" to work alone)."""
        return self.address_edit.text().strip().rstrip("/")

    def show_pinned(self) -> None:
        """The fingerprint trusted for the address typed, in two lines (or that none is yet)."""
        pinned = self._pinned(self.address()) if self.address() else ""
        halves = pinned.split(":")  # 32 pairs 'AB:CD:…' do not wrap: two lines of 16
        shown = ":".join(halves[:16]) + ":\n" + ":".join(halves[16:]) if len(halves) == 32 else pinned
        self.fingerprint.setText(shown or self.tr("(none yet: trusted at the first sync)"))
        # The fingerprint takes two lines: the nested form and the window holding these fields must ask again.
        self.form.invalidate()
        self.updateGeometry()

    def acceptable(self) -> bool:
        """Whether the address may be kept; says why not (a scheme is needed: https://, http:// on this computer)."""
        address = self.address()
        if address and not address.startswith(("http://", "https://")):
            QMessageBox.warning(
                self,
                self.tr("Sync server"),
                self.tr("The address starts with https:// (or http:// for a server on this computer)."),
            )
            self.address_edit.setFocus()
            return False
        return True


class PullProgress(QProgressDialog):
    """A long pull (the first sync of a large register): how far it is, with Hủy, which calls `on_cancel`."""

    def __init__(self, parent: QWidget, modal: bool, on_cancel: Callable[[], None]) -> None:
        super().__init__(parent)
        self.setObjectName("syncProgress")
        self.setWindowTitle(self.tr("Sync"))
        self.setCancelButtonText(self.tr("Cancel"))
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumDuration(0)
        self.setMinimumWidth(460)
        self.setWindowModality(Qt.WindowModality.WindowModal if modal else Qt.WindowModality.NonModal)
        self.canceled.connect(on_cancel)
        self.show()

    def pulled(self, done: int, total: int) -> None:
        """Show `done` of `total` changes received."""
        locale = self.parentWidget().locale() if self.parentWidget() else self.locale()
        self.setMaximum(total)
        self.setValue(done)
        self.setLabelText(
            self.tr("Receiving the department's data from the server: {done} of {total} changes.").format(
                done=locale.toString(done), total=locale.toString(total)
            )
        )

    def finish(self) -> None:
        """Close and let Qt delete it."""
        self.close()
        self.deleteLater()


def pinned_fingerprint(replica: "ReplicaService", address: str) -> str:
    """The certificate fingerprint this desktop trusts for `address` ("" when none yet, or no address)."""
    if not address:
        return ""
    from dossier_app.services.sync.client import server_key  # httpx loads with it: only when asked

    try:
        key = server_key(address)
        return (replica.pinned(key) or "") if key else ""
    except (DossierError, ValueError):
        return ""


def tell_trusted(parent: QWidget, fingerprint: str) -> None:
    """Say once which certificate a first connection trusted, to be checked with IT."""
    QMessageBox.information(
        parent,
        QCoreApplication.translate("ServerLink", "Server certificate trusted"),
        QCoreApplication.translate(
            "ServerLink",
            "This desktop now trusts the server's certificate with the SHA-256 fingerprint\n{fingerprint}\n"
            "Check it with IT once; a different certificate will be refused.",
        ).format(fingerprint=fingerprint),
    )
