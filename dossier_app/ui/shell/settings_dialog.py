"""Preferences: the interface language (Vietnamese by default) and which database this desktop opens."""

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from dossier_app.domain.errors import DossierError, PasswordRequired
from dossier_app.services.core.connections import ServerAddress, default_database_path, probe, with_password
from dossier_app.ui.generated.ui_settings_dialog import Ui_SettingsDialog
from dossier_app.ui.shared.i18n import error_text
from dossier_app.ui.shared.settings import UiSettings
from dossier_app.ui.shared.workers import BackgroundTask, run_in_background


class SettingsDialog(QDialog):
    """Shows and stores the user's preferences; `language_changed` and `database_changed` tell the caller."""

    def __init__(self, settings: UiSettings, database_location: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SettingsDialog()
        self.ui.setupUi(self)
        self._settings = settings
        self.language_changed = False
        self.database_changed = False
        self._task: BackgroundTask | None = None
        self.ui.languageCombo.addItem("Tiếng Việt", "vi")
        self.ui.languageCombo.addItem("English", "en")
        self.ui.languageCombo.setCurrentIndex(self.ui.languageCombo.findData(settings.language))
        self.ui.databaseValue.setText(database_location)
        self.ui.mainLayout.insertWidget(1, self._database_group())
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("OK"))
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self._show_address(ServerAddress.parse(settings.database_url))
        self.resize(560, self.sizeHint().height())

    def _database_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Database to open at start"), self)
        self.local_radio = QRadioButton(
            self.tr("On this computer ({path})").format(path=default_database_path()), group
        )
        self.server_radio = QRadioButton(self.tr("The department's server (PostgreSQL)"), group)
        self.host_edit = QLineEdit(group)
        self.host_edit.setPlaceholderText("db.soxaydung.local")
        self.port_spin = QSpinBox(group)
        self.port_spin.setRange(1, 65535)
        self.database_edit = QLineEdit(group)
        self.user_edit = QLineEdit(group)
        self.test_button = QPushButton(self.tr("Test the connection"), group)
        self.test_button.clicked.connect(lambda: self.test_connection())
        self.connection_status = QLabel(group)
        self.connection_status.setWordWrap(True)
        server = QFormLayout()
        server.addRow(self.tr("Server:"), self.host_edit)
        server.addRow(self.tr("Port:"), self.port_spin)
        server.addRow(self.tr("Database name:"), self.database_edit)
        server.addRow(self.tr("User name:"), self.user_edit)
        self.server_fields = QWidget(group)
        self.server_fields.setLayout(server)
        row = QHBoxLayout()
        row.addWidget(self.test_button)
        row.addStretch(1)
        note = QLabel(
            self.tr(
                "The password is never stored by the program: it is asked at start, or read from the "
                "PostgreSQL password file (~/.pgpass). A new choice takes effect the next time the program starts."
            ),
            group,
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(group)
        for widget in (self.local_radio, self.server_radio, self.server_fields):
            layout.addWidget(widget)
        layout.addLayout(row)
        layout.addWidget(self.connection_status)
        layout.addWidget(note)
        self.server_radio.toggled.connect(self._sync)
        return group

    def _show_address(self, address: ServerAddress | None) -> None:
        self.server_radio.setChecked(address is not None)
        self.local_radio.setChecked(address is None)
        shown = address or ServerAddress(host="", database="dossier", user="dossier")
        self.host_edit.setText(shown.host)
        self.port_spin.setValue(shown.port)
        self.database_edit.setText(shown.database)
        self.user_edit.setText(shown.user)
        self._sync()

    def _sync(self) -> None:
        self.server_fields.setEnabled(self.server_radio.isChecked())
        self.test_button.setEnabled(self.server_radio.isChecked() and self._task is None)

    def address(self) -> ServerAddress | None:
        """The server as filled in, or None for the local file (or while a field is still empty)."""
        host, database, user = (e.text().strip() for e in (self.host_edit, self.database_edit, self.user_edit))
        if not self.server_radio.isChecked() or not (host and database and user):
            return None
        return ServerAddress(host=host, database=database, user=user, port=self.port_spin.value())

    def ask_password(self, address: ServerAddress) -> str | None:
        """The server's password for this test only (separate so tests can answer)."""
        text, accepted = QInputDialog.getText(
            self,
            self.tr("Server password"),
            self.tr("Password of {user} on {host}:").format(user=address.user, host=address.host),
            QLineEdit.EchoMode.Password,
        )
        return text if accepted else None

    def test_connection(self, password: str | None = None) -> None:
        """Open the server once off the GUI thread (asking for a password if it wants one) and say how it went."""
        address = self.address()
        if address is None:
            self.connection_status.setText(self.tr("Fill in the server, the database name and the user name."))
            return
        url = with_password(address.url, password) if password else address.url
        self.connection_status.setText(self.tr("Connecting to {host}…").format(host=address.host))
        self._task = run_in_background(lambda _progress, _cancelled: probe(url))
        self._task.on_success(self._connected).on_failure(lambda error: self._refused(address, error, password))
        self._sync()

    def _connected(self, location: str) -> None:
        self._task = None
        self.connection_status.setText(self.tr("Connected to {location}.").format(location=location))
        self._sync()

    def _refused(self, address: ServerAddress, error: BaseException, password: str | None) -> None:
        self._task = None
        self._sync()
        if isinstance(error, PasswordRequired) and password is None:
            typed = self.ask_password(address)
            if typed:
                self.test_connection(typed)
                return
        self.connection_status.setText(error_text(error) if isinstance(error, DossierError) else str(error))

    def accept(self) -> None:
        """Store the choices (the server's address, never its password)."""
        language = str(self.ui.languageCombo.currentData())
        self.language_changed = language != self._settings.language
        self._settings.language = language
        address = self.address()
        if self.server_radio.isChecked() and address is None:
            self.connection_status.setText(self.tr("Fill in the server, the database name and the user name."))
            return
        url = address.url if address else ""
        self.database_changed = url != self._settings.database_url
        self._settings.database_url = url
        self._settings.sync()
        super().accept()
