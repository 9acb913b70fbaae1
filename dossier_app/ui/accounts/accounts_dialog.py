"""Administrators add, disable and reset accounts; every change goes through the account service."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dossier_app.domain.enums import Role
from dossier_app.domain.errors import DossierError
from dossier_app.services import Services
from dossier_app.services.accounts.accounts import AccountView
from dossier_app.ui.shared.messages import show_error


def role_names() -> dict[Role, str]:
    """The roles as the UI names them."""
    return {
        Role.OFFICER: QCoreApplication.translate("Roles", "Planning officer"),
        Role.MANAGER: QCoreApplication.translate("Roles", "Manager"),
        Role.CLERK: QCoreApplication.translate("Roles", "Clerk"),
        Role.ADMIN: QCoreApplication.translate("Roles", "Administrator"),
    }


class NewAccountDialog(QDialog):
    """User name, full name, roles and a first password."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New account"))
        self.username = QLineEdit(self)
        self.display_name = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.roles = {role: QCheckBox(name, self) for role, name in role_names().items()}
        form = QFormLayout()
        form.addRow(self.tr("User name:"), self.username)
        form.addRow(self.tr("Full name:"), self.display_name)
        form.addRow(self.tr("First password:"), self.password)
        for box in self.roles.values():
            form.addRow("", box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def chosen_roles(self) -> list[Role]:
        """The ticked roles."""
        return [role for role, box in self.roles.items() if box.isChecked()]


class AccountsDialog(QDialog):
    """The account list with add, disable/enable and password reset."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountsDialog")
        self.setWindowTitle(self.tr("Accounts"))
        self._services = services
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("User name"), self.tr("Full name"), self.tr("Roles"), self.tr("State")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.add_button = QPushButton(self.tr("Add…"), self)
        self.toggle_button = QPushButton(self.tr("Disable / enable"), self)
        self.password_button = QPushButton(self.tr("Reset password…"), self)
        self.add_button.clicked.connect(self.add_account)
        self.toggle_button.clicked.connect(self.toggle_selected)
        self.password_button.clicked.connect(self.reset_password)
        row = QHBoxLayout()
        for button in (self.add_button, self.toggle_button, self.password_button):
            row.addWidget(button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(close)
        self.resize(720, 420)
        self._accounts: list[AccountView] = []
        self.refresh()

    def refresh(self) -> None:
        """Re-read the accounts."""
        names = role_names()
        self._accounts = self._services.accounts.list()
        self.table.setRowCount(len(self._accounts))
        for row, account in enumerate(self._accounts):
            state = self.tr("disabled") if account.disabled else self.tr("active")
            roles = ", ".join(names[role] for role in Role if role in account.roles)
            for column, text in enumerate((account.username, account.display_name, roles, state)):
                self.table.setItem(row, column, QTableWidgetItem(text))

    def selected(self) -> AccountView | None:
        """The highlighted account."""
        rows = self.table.selectionModel().selectedRows()
        return self._accounts[rows[0].row()] if rows else None

    def add_account(self) -> None:
        """Ask for the new account and create it."""
        dialog = NewAccountDialog(self)
        if not dialog.exec():
            return
        try:
            self._services.accounts.add(
                dialog.username.text(), dialog.chosen_roles(), dialog.password.text(), dialog.display_name.text()
            )
        except DossierError as error:
            show_error(self, error)
            return
        self.refresh()

    def toggle_selected(self) -> None:
        """Disable an active account or enable a disabled one."""
        account = self.selected()
        if account is None:
            return
        try:
            if account.disabled:
                self._services.accounts.enable(account.username)
            else:
                self._services.accounts.disable(account.username)
        except DossierError as error:
            show_error(self, error)
        self.refresh()

    def reset_password(self) -> None:
        """Set a new password for the selected account (lifts a lockout)."""
        account = self.selected()
        if account is None:
            return
        password, ok = QInputDialog.getText(
            self,
            self.tr("Reset password"),
            self.tr("New password for {name}:").format(name=account.username),
            QLineEdit.EchoMode.Password,
        )
        if not ok:
            return
        try:
            self._services.accounts.set_password(account.username, password)
        except DossierError as error:
            show_error(self, error)
