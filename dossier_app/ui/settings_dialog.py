"""Preferences: the interface language (Vietnamese by default), remembered in QSettings."""

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from dossier_app.ui.generated.ui_settings_dialog import Ui_SettingsDialog
from dossier_app.ui.settings import UiSettings


class SettingsDialog(QDialog):
    """Shows and stores the user's preferences; `language_changed` tells the window to rebuild."""

    def __init__(self, settings: UiSettings, database_location: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SettingsDialog()
        self.ui.setupUi(self)
        self._settings = settings
        self.language_changed = False
        self.ui.languageCombo.addItem("Tiếng Việt", "vi")
        self.ui.languageCombo.addItem("English", "en")
        self.ui.languageCombo.setCurrentIndex(self.ui.languageCombo.findData(settings.language))
        self.ui.databaseValue.setText(database_location)
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("OK"))
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def accept(self) -> None:
        """Store the choices."""
        language = str(self.ui.languageCombo.currentData())
        self.language_changed = language != self._settings.language
        self._settings.language = language
        self._settings.sync()
        super().accept()
