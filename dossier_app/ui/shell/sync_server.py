"""The question asked at start on a desktop that Settings pointed at the department's PostgreSQL server (before each
desktop had a copy of its own): it is told what changed and asked for the sync server's address instead, prefilled
with the same host and port 8470, or later; the old PostgreSQL setting is then removed either way. The address and
trusted-certificate fields it shares with Tệp › Máy chủ đồng bộ… and Settings are in ui/shared/server_link.py."""

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from dossier_app.ui.shared.server_link import ServerFields
from dossier_app.ui.shared.settings import UiSettings

SYNC_PORT = 8470  # `serve`'s default port


def server_address_for(host: str) -> str:
    """The sync server's usual address on a host (the PostgreSQL server's, at start, as a first guess)."""
    return f"https://{host}:{SYNC_PORT}" if host else ""


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
