"""Preferences: the interface language (Vietnamese by default) and the department server this desktop's copy syncs
with. The window always works on this computer's copy; only `--db` or DOSSIER_DB name another database."""

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QGroupBox, QVBoxLayout, QWidget

from dossier_app.ui.generated.ui_settings_dialog import Ui_SettingsDialog
from dossier_app.ui.shared.settings import UiSettings
from dossier_app.ui.shell.sync_server import ServerFields


class SettingsDialog(QDialog):
    """Shows and stores the user's preferences; `language_changed` and `server_changed` tell the caller (who keeps
    the server's address: the sync panel restarts its timer with it)."""

    def __init__(
        self,
        settings: UiSettings,
        database_location: str,
        parent: QWidget | None = None,
        *,
        server: str = "",
        pinned: Callable[[str], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_SettingsDialog()
        self.ui.setupUi(self)
        self._settings = settings
        self._server = server
        self.language_changed = False
        self.server_changed = False
        self.ui.languageCombo.addItem("Tiếng Việt", "vi")
        self.ui.languageCombo.addItem("English", "en")
        self.ui.languageCombo.setCurrentIndex(self.ui.languageCombo.findData(settings.language))
        self.ui.databaseValue.setText(database_location)
        group = QGroupBox(self.tr("Department server"), self)
        self.server_fields = ServerFields(server, pinned, group)
        QVBoxLayout(group).addWidget(self.server_fields)
        self.ui.mainLayout.insertWidget(1, group)
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("OK"))
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.resize(600, self.sizeHint().height())

    def server_address(self) -> str:
        """The sync server's address as filled in ("" to work alone)."""
        return self.server_fields.address()

    def accept(self) -> None:
        """Store the language; the server's address is the caller's to keep (never a password: none is asked)."""
        if not self.server_fields.acceptable():
            return
        language = str(self.ui.languageCombo.currentData())
        self.language_changed = language != self._settings.language
        self._settings.language = language
        self.server_changed = self.server_address() != self._server
        self._settings.sync()
        super().accept()
