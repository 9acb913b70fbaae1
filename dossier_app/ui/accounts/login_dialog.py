"""Signing in: the first administrator on a new database, then a user name and password each start."""

from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from dossier_app.domain.errors import DossierError
from dossier_app.services import Services
from dossier_app.services.accounts.accounts import AccountView
from dossier_app.services.demo.demo import DEMO_PASSWORD
from dossier_app.ui.shared.i18n import error_text

if TYPE_CHECKING:
    from dossier_app.ui.shared.server_link import Synced
    from dossier_app.ui.shared.settings import UiSettings


@dataclass(frozen=True)
class SignedIn:
    """Who signed in, and the first sync when they joined the department's server to get here (the window shows it
    as its last sync instead of "not synced yet this session")."""

    account: AccountView
    joined: "Synced | None" = None


class _CredentialsDialog(QDialog):
    """A small form with an inline error line; nothing is stored until the service accepts."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.account: AccountView | None = None
        self.form = QFormLayout()
        self.username = QLineEdit(self)
        self.username.setObjectName("username")
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel(self)
        self.error.setObjectName("loginError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b71c1c; font-weight: bold;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def _fail(self, error: DossierError) -> None:
        self.error.setText(error_text(error))
        self.password.selectAll()
        self.password.setFocus()


class LoginDialog(_CredentialsDialog):
    """Asks for a user name and password; on a demo database it lists the demo accounts."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self.setObjectName("loginDialog")
        self.setWindowTitle(self.tr("Sign in"))
        self.intro.setText(self.tr("Sign in to the park establishment dossier."))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        self.form.addRow(self.tr("User name:"), self.username)
        self.form.addRow(self.tr("Password:"), self.password)
        demo = services.demo.demo_accounts()
        if demo:
            rows = "".join(
                f"<tr><td><b>{escape(spec.username)}</b></td><td>{escape(spec.display_name)}</td></tr>" for spec in demo
            )
            note = QLabel(
                "<p>"
                + escape(self.tr("Demo database. Accounts (password {password}):").format(password=DEMO_PASSWORD))
                + f"</p><table cellspacing='4'>{rows}</table>",
                self,
            )
            note.setObjectName("demoAccounts")
            note.setStyleSheet("color: #37474f; background: #eceff1; padding: 6px;")
            self.layout().insertWidget(2, note)
        self.username.setFocus()

    def accept(self) -> None:
        """Check the password; stay open with the reason when it is refused."""
        try:
            self.account = self._services.accounts.authenticate(self.username.text(), self.password.text())
        except DossierError as error:
            self._fail(error)
            return
        super().accept()


class FirstAdminDialog(_CredentialsDialog):
    """The first start on a database without accounts: create the administrator, load the demo, or (with the
    desktop's settings, where the server's address is kept) join the department's server."""

    def __init__(self, services: Services, parent: QWidget | None = None, settings: "UiSettings | None" = None) -> None:
        super().__init__(services, parent)
        self._settings = settings
        self.setObjectName("firstAdminDialog")
        self.setWindowTitle(self.tr("Create the administrator"))
        self.intro.setText(
            self.tr(
                "This database has no accounts yet. Create the administrator, who then adds the officers, "
                "managers and clerks."
            )
        )
        self.display_name = QLineEdit(self)
        self.repeat = QLineEdit(self)
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.addRow(self.tr("User name:"), self.username)
        self.form.addRow(self.tr("Full name:"), self.display_name)
        self.form.addRow(self.tr("Password:"), self.password)
        self.form.addRow(self.tr("Repeat the password:"), self.repeat)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create"))
        self.demo_button = self.buttons.addButton(
            self.tr("Load the Cần Thơ demo instead"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.demo_button.setToolTip(
            self.tr("Creates the demo projects CT-HTP and CT-ITP and one account per role, then asks you to sign in.")
        )
        self.demo_button.clicked.connect(self.load_demo)
        self.demo_loaded = False
        self.join_button = self.buttons.addButton(
            self.tr("Join the department's server…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.join_button.setObjectName("joinServer")
        self.join_button.setToolTip(
            self.tr(
                "For an officer whose account is on the department's server: brings its projects to this desktop "
                "and signs you in."
            )
        )
        self.join_button.clicked.connect(self.join_server)
        self.join_button.setVisible(settings is not None)
        self.joined: Synced | None = None  # the join's first sync, handed to the window

    def join_server(self) -> None:
        """Join the department's server instead: signed in as the server's account once its data is here."""
        from dossier_app.ui.accounts.join_dialog import JoinServerDialog

        assert self._settings is not None
        dialog = JoinServerDialog(self._services, self._settings, self)
        joined = dialog.exec() == QDialog.DialogCode.Accepted
        if joined or self._services.accounts.has_accounts():  # a cancelled first sync: signing in goes on
            self.account = dialog.account if joined else None
            self.joined = dialog.synced if joined else None
            self.done(QDialog.DialogCode.Accepted)

    def load_demo(self) -> None:
        """Load the demo (with its accounts) instead of creating an administrator."""
        try:
            self._services.demo.load()
        except DossierError as error:
            self._fail(error)
            return
        self.demo_loaded = True
        self.done(QDialog.DialogCode.Accepted)

    def accept(self) -> None:
        """Create the administrator, or say what is wrong."""
        if self.password.text() != self.repeat.text():
            self.error.setText(self.tr("The two passwords differ."))
            self.repeat.clear()
            self.password.setFocus()
            return
        try:
            self.account = self._services.accounts.create_first_admin(
                self.username.text(), self.password.text(), self.display_name.text()
            )
        except DossierError as error:
            self._fail(error)
            return
        super().accept()


def sign_in(services: Services, parent: QWidget | None = None, settings: "UiSettings | None" = None) -> SignedIn | None:
    """Create the first administrator (or join the department's server) if needed, then sign in; None when the user
    cancels."""
    if not services.accounts.has_accounts():
        first = FirstAdminDialog(services, parent, settings)
        if not first.exec():
            return None
        if first.account is not None:
            return SignedIn(first.account, first.joined)
    login = LoginDialog(services, parent)
    if not login.exec() or login.account is None:
        return None
    return SignedIn(login.account)
