"""Signing in, the first administrator, the accounts dialog and the audit trail viewer."""

import sqlite3

from PySide6.QtWidgets import QDialog, QLabel

from dossier_app import app
from dossier_app.domain.enums import Role
from dossier_app.services import Services, open_services
from dossier_app.services.core.context import Operator
from dossier_app.services.demo.demo import DEMO_PASSWORD
from dossier_app.ui.accounts.accounts_dialog import AccountsDialog
from dossier_app.ui.accounts.audit_dialog import AuditDialog
from dossier_app.ui.accounts.login_dialog import FirstAdminDialog, LoginDialog
from tests.conftest import FAST_HASHER


def test_login_shows_demo_accounts_and_refuses_a_wrong_password(demo_db: Services, qtbot, vietnamese) -> None:  # type: ignore[no-untyped-def]
    dialog = LoginDialog(demo_db)
    qtbot.addWidget(dialog)
    demo = dialog.findChild(QLabel, "demoAccounts")
    assert demo is not None and "chuyenvien" in demo.text() and DEMO_PASSWORD in demo.text()
    dialog.username.setText("lanhdao")
    dialog.password.setText("sai-mat-khau")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error.text() == "Sai tên đăng nhập hoặc mật khẩu."
    dialog.password.setText(DEMO_PASSWORD)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.account is not None and dialog.account.has_role(Role.MANAGER)


def test_login_hides_accounts_on_a_real_database(sqlite_url: str, qtbot, vietnamese) -> None:  # type: ignore[no-untyped-def]
    services = open_services(sqlite_url, Operator("cli:test"), password_hasher=FAST_HASHER)
    services.accounts.create_first_admin("quantri", "mat-khau-dai")
    dialog = LoginDialog(services)
    qtbot.addWidget(dialog)
    assert dialog.findChild(QLabel, "demoAccounts") is None
    services.close()


def test_first_start_creates_the_administrator(sqlite_url: str, qtbot, vietnamese) -> None:  # type: ignore[no-untyped-def]
    services = open_services(sqlite_url, Operator("first-start"), password_hasher=FAST_HASHER)
    dialog = FirstAdminDialog(services)
    qtbot.addWidget(dialog)
    dialog.username.setText("quantri")
    dialog.display_name.setText("Lê Văn Cường")
    dialog.password.setText("mat-khau-dai")
    dialog.repeat.setText("mat-khau-khac")
    dialog.accept()
    assert dialog.error.text() and not services.accounts.has_accounts()
    dialog.password.setText("ngan")
    dialog.repeat.setText("ngan")
    dialog.accept()
    assert "ít nhất" in dialog.error.text() and not services.accounts.has_accounts()
    dialog.password.setText("mat-khau-dai")
    dialog.repeat.setText("mat-khau-dai")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert services.accounts.get("quantri").has_role(Role.ADMIN)
    services.close()


def test_cancelling_the_sign_in_opens_no_window(sqlite_url: str, monkeypatch, qapp) -> None:  # type: ignore[no-untyped-def]
    import dossier_app.ui.accounts.login_dialog as login

    monkeypatch.setattr(login, "sign_in", lambda services, parent=None, settings=None: None)
    assert app.run_gui(sqlite_url) == 0


def test_admin_adds_and_disables_an_account(demo_db: Services, qtbot, vietnamese) -> None:  # type: ignore[no-untyped-def]
    demo_db.context.operator = Operator("quantri")
    dialog = AccountsDialog(demo_db)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 5  # the four demo accounts and the fixture's `officer`
    demo_db.accounts.add("chuyenvien2", [Role.OFFICER], "mat-khau-dai", "Phạm Thị Dung")
    dialog.refresh()
    row = next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 0).text() == "chuyenvien2")
    assert dialog.table.item(row, 2).text() == "Chuyên viên"
    dialog.table.selectRow(row)
    dialog.toggle_selected()
    assert demo_db.accounts.get("chuyenvien2").disabled
    assert dialog.table.item(row, 3).text() == "đã vô hiệu hóa"


def test_audit_viewer_lists_changes_and_detects_tampering(demo_db: Services, qtbot, vietnamese) -> None:  # type: ignore[no-untyped-def]
    dialog = AuditDialog(demo_db)
    qtbot.addWidget(dialog)
    assert dialog.refresh() > 10
    dialog.person.setCurrentIndex(dialog.person.findData("officer"))
    assert dialog.refresh() > 0
    assert all(dialog.table.item(r, 1).text() == "officer" for r in range(dialog.table.rowCount()))
    dialog.verify()
    qtbot.waitUntil(lambda: dialog.verified is not None, timeout=10000)
    assert dialog.verified is True and "nguyên vẹn" in dialog.status.text()
    path = demo_db.database.display_location
    connection = sqlite3.connect(path)
    connection.execute("UPDATE auditentry SET summary = 'sửa lén' WHERE id = 3")
    connection.commit()
    connection.close()
    dialog.verify()
    qtbot.waitUntil(lambda: dialog.verified is not None, timeout=10000)
    assert dialog.verified is False and "mục 3" in dialog.status.text()


def test_first_start_can_load_the_demo_and_then_sign_in(sqlite_url: str, qtbot, vietnamese) -> None:  # type: ignore[no-untyped-def]
    services = open_services(sqlite_url, Operator("first-start"), password_hasher=FAST_HASHER)
    dialog = FirstAdminDialog(services)
    qtbot.addWidget(dialog)
    dialog.demo_button.click()
    assert dialog.demo_loaded and dialog.result() == QDialog.DialogCode.Accepted
    assert [p.code for p in services.projects.summaries()] == ["CT-HTP", "CT-ITP"]
    login = LoginDialog(services)
    qtbot.addWidget(login)
    assert login.findChild(QLabel, "demoAccounts") is not None
    services.close()
