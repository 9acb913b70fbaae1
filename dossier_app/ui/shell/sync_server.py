"""The department sync server's address and the certificate fingerprint this desktop trusts for it: one set of fields
for Tệp › Máy chủ đồng bộ…, Settings and the question asked at start. A desktop that Settings pointed at the
department's PostgreSQL server (before each desktop had a copy of its own) is told what changed and asked for the
sync server's address instead, prefilled with the same host and port 8470, or later; the old PostgreSQL setting is
then removed either way."""

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from dossier_app.ui.shared.settings import UiSettings

SYNC_PORT = 8470  # `serve`'s default port


def server_address_for(host: str) -> str:
    """The sync server's usual address on a host (the PostgreSQL server's, at start, as a first guess)."""
    return f"https://{host}:{SYNC_PORT}" if host else ""


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
        self.fingerprint.setWordWrap(True)
        self.note = QLabel(
            self.tr(
                "Each desktop keeps its own copy and syncs with the department's server, which alone holds the "
                "data and checks each person's rights. Leave the address empty to work alone."
            ),
            self,
        )
        self.note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Server address:"), self.address_edit)
        form.addRow(self.tr("Trusted certificate (SHA-256):"), self.fingerprint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note)
        layout.addLayout(form)
        self.address_edit.editingFinished.connect(self._show_pinned)
        self._show_pinned()

    def address(self) -> str:
        """The address as typed, without a trailing slash ("" to work alone)."""
        return self.address_edit.text().strip().rstrip("/")

    def _show_pinned(self) -> None:
        pinned = self._pinned(self.address()) if self.address() else ""
        halves = pinned.split(":")  # 32 pairs 'AB:CD:…' do not wrap: two lines of 16
        shown = ":".join(halves[:16]) + ":\n" + ":".join(halves[16:]) if len(halves) == 32 else pinned
        self.fingerprint.setText(shown or self.tr("(none yet: trusted at the first sync)"))

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


class ServerMoveDialog(QDialog):
    """The program now works on its own copy: the sync server's address, or later."""

    def __init__(self, old_address: str, host: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("serverMoveDialog")
        self.setWindowTitle(self.tr("The department server has changed"))
        intro = QLabel(
            self.tr(
                "Until now this computer opened the department's PostgreSQL database directly ({address}). "
                "The program now works on its own copy of the data on this computer, also without a network, "
                "and syncs it with the department server, which alone holds the database and checks each "
                "person's rights."
            ).format(address=old_address),
            self,
        )
        intro.setWordWrap(True)
        self.fields = ServerFields(server_address_for(host), None, self)
        self.fields.note.setText(
            self.tr(
                "Enter the sync server's address (IT gives it; it usually ends in :8470). After you sign in, "
                "File › Sync now brings the department's projects to this computer. You can also do it later in "
                "Settings. The old PostgreSQL setting is removed."
            )
        )
        buttons = QDialogButtonBox(self)
        self.use_button = buttons.addButton(self.tr("Use this server"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.later_button = buttons.addButton(self.tr("Later"), QDialogButtonBox.ButtonRole.RejectRole)
        self.use_button.setDefault(True)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.fields)
        layout.addWidget(buttons)
        self.resize(640, self.sizeHint().height())

    def address(self) -> str:
        """The sync server's address as filled in ("" to work alone)."""
        return self.fields.address()

    def _accept(self) -> None:
        if self.fields.acceptable():
            self.accept()


def ask_for_sync_server(settings: UiSettings, database: str, parent: QWidget | None = None) -> str:
    """Ask once for the sync server of `database` (this computer's copy) instead of the PostgreSQL address Settings
    held, keep it, and forget the old address whatever the answer; the address kept ("" for later)."""
    from dossier_app.services.core.connections import ServerAddress

    old = settings.database_url
    server = ServerAddress.parse(old)
    shown = f"{server.host}:{server.port}/{server.database}" if server else old
    dialog = ServerMoveDialog(shown, server.host if server else "", parent)
    chosen = dialog.address() if dialog.exec() == QDialog.DialogCode.Accepted else ""
    if chosen:
        settings.set_sync_server(database, chosen)
    settings.forget_database_url()
    settings.sync()
    return chosen
