"""Capture the README screenshots on a virtual screen.

Run: xvfb-run -a -s "-screen 0 1440x900x24" .venv/bin/python docs/screenshots/capture.py
"""

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
HOME = Path(tempfile.mkdtemp(prefix="dossier-shots-"))
os.environ["XDG_DATA_HOME"] = str(HOME / "data")
os.environ["XDG_CONFIG_HOME"] = str(HOME / "config")

from PySide6.QtCore import QSettings, QTimer  # noqa: E402
from PySide6.QtGui import QCursor  # noqa: E402
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget  # noqa: E402

from dossier_app.services import open_services  # noqa: E402
from dossier_app.services.core.context import Operator  # noqa: E402
from dossier_app.ui.accounts.login_dialog import LoginDialog  # noqa: E402
from dossier_app.ui.completeness.checklist_window import ChecklistWindow  # noqa: E402
from dossier_app.ui.completeness.consultations_window import ConsultationsWindow  # noqa: E402
from dossier_app.ui.completeness.readiness_window import ReadinessWindow  # noqa: E402
from dossier_app.ui.dossier.project_dialog import ProjectDialog  # noqa: E402
from dossier_app.ui.export.export_dialog import ExportDialog  # noqa: E402
from dossier_app.ui.milestones.milestones_window import MilestonesWindow  # noqa: E402
from dossier_app.ui.register.dashboard_window import DashboardWindow  # noqa: E402
from dossier_app.ui.register.register_window import RegisterWindow  # noqa: E402
from dossier_app.ui.review.review_bar import ApprovalDialog  # noqa: E402
from dossier_app.ui.shared.i18n import Translators  # noqa: E402
from dossier_app.ui.shared.settings import UiSettings  # noqa: E402
from dossier_app.ui.shell.main_window import MainWindow  # noqa: E402

OUT = Path(__file__).resolve().parent


def section_id(services, code: str, key: str) -> int:  # type: ignore[no-untyped-def]
    """A demo section's id by outline key."""
    return services.dossiers.section_by_key(services.projects.by_code(code).id, key).id


def grab(widget: QWidget, name: str) -> None:
    """Let the widget paint, then save it as PNG."""
    for _ in range(20):
        QApplication.processEvents()
    widget.grab().save(str(OUT / name))
    print("wrote", OUT / name)


def capture_review(services, settings, language: str) -> None:  # type: ignore[no-untyped-def]
    """An officer submits a change; the manager's window and the approval redline."""
    sid = section_id(services, "CT-HTP", "tt.kien_nghi")
    body = services.dossiers.section(sid).body
    services.reviews.submit(sid)
    manager = open_services(services.database.url, Operator("lanhdao"))
    manager.reviews.approve(sid, manager.reviews.review(sid).submitted_hash)
    services.dossiers.save_body(sid, body.replace("xem xét", "sớm xem xét", 1) + "\n\nKính trình Thủ tướng Chính phủ.")
    services.reviews.submit(sid)
    window = MainWindow(manager, settings, language, manager.accounts.get("lanhdao"))
    window.resize(1440, 860)
    window.show()
    window.select_section(sid)
    window.left_tabs.setCurrentWidget(window.queue)
    grab(window, "review_vi.png")
    dialog = ApprovalDialog(manager, window.review_bar.review, window.current_section.title, window)
    dialog.show()
    grab(dialog, "approval_vi.png")
    dialog.close()
    window.close()
    manager.close()


ROLES = (("lanhdao", "manager"), ("chuyenvien", "officer"), ("vanthu", "clerk"), ("quantri", "admin"))


def capture_roles(app: QApplication, language: str) -> None:
    """Each demo role's first screen after sign-in, as the whole screen shows it (dialogs opened over the window
    included), on a demo database of its own: role_<role>_<language>.png."""
    database = HOME / f"roles-{language}.sqlite3"
    loader = open_services(str(database), Operator("cli:demo"))
    loader.demo.load()
    loader.close()
    for username, role in ROLES:
        services = open_services(str(database), Operator(username))
        settings = UiSettings(QSettings(str(HOME / f"roles-{language}-{username}.ini"), QSettings.Format.IniFormat))
        window = MainWindow(services, settings, language, services.accounts.get(username))
        window.setGeometry(0, 0, 1440, 860)
        window.show()
        window.land_on_work()
        for _ in range(40):
            QApplication.processEvents()
            time.sleep(0.02)
        app.primaryScreen().grabWindow(0).copy(0, 0, 1440, 900).save(str(OUT / f"role_{role}_{language}.png"))
        print("wrote", OUT / f"role_{role}_{language}.png")
        for widget in QApplication.topLevelWidgets():
            if widget is not window and widget.isVisible():
                widget.close()
        window.close()
        services.close()


def capture_export(services, settings, window: QWidget) -> None:  # type: ignore[no-untyped-def]
    """The clerk's export dialog after a draft export, its history tab, and the preview of the Tờ trình."""
    clerk = open_services(services.database.url, Operator("vanthu"))
    clerk.numbers.set("CT-HTP", "TTr", 5)
    dialog = ExportDialog(clerk, "CT-HTP", settings, window)
    dialog.destination.setText(str(HOME / "exports"))
    dialog.show()
    dialog.start()
    while dialog.running:
        QApplication.processEvents()
    grab(dialog, "export_dialog_vi.png")
    dialog.tabs.setCurrentWidget(dialog.history)
    dialog.history.verify()
    for _ in range(200):
        QApplication.processEvents()
        if dialog.history.verify_button.isEnabled():
            break
    grab(dialog, "export_history_vi.png")
    assert dialog.result is not None
    preview = dialog.preview_folder(dialog.result.folder)
    preview.document.setCurrentIndex(preview.document.findText("To_trinh.pdf"))
    preview.resize(900, 860)
    while preview.image.pixmap().isNull():
        QApplication.processEvents()
    grab(preview, "preview_vi.png")
    preview.close()
    dialog.close()
    clerk.close()


def capture_signing(services, settings, window: QWidget) -> None:  # type: ignore[no-untyped-def]
    """The export dialog's signing box with the USB token chosen: driver, token, key label and PIN."""
    clerk = open_services(services.database.url, Operator("vanthu"))
    dialog = ExportDialog(clerk, "CT-HTP", settings, window)
    dialog.show()
    dialog.sign_token.setChecked(True)
    wait_until(lambda: dialog._token_reading is None, 10)
    box = dialog.sign_token.parentWidget()
    box.resize(max(box.width(), 640), box.height())
    grab(box, "guide_export_sign_vi.png")
    dialog.close()
    clerk.close()


def wait_until(done, seconds: float = 60) -> None:  # type: ignore[no-untyped-def]
    """Spin the event loop until background drawing is done (or give up)."""
    deadline = time.monotonic() + seconds
    while not done() and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.02)


def capture_plans(services, settings) -> None:  # type: ignore[no-untyped-def]
    """The CT-ITP milestone plan and its Gantt chart, the register dashboard, readiness, checklist, consultations."""
    itp = services.projects.by_code("CT-ITP").id
    plan = MilestonesWindow(services, itp, settings=settings)
    plan.resize(1400, 720)
    plan.show()
    grab(plan, "milestones_vi.png")
    plan.tabs.setCurrentWidget(plan.gantt)
    wait_until(lambda: plan.gantt.png is not None)
    grab(plan, "gantt_vi.png")
    plan.close()
    dashboard = DashboardWindow(services, itp, settings)
    dashboard.resize(1400, 860)
    dashboard.show()
    wait_until(lambda: dashboard.charts is not None and not dashboard.busy)
    grab(dashboard, "dashboard_vi.png")
    dashboard.close()
    for window, name in (
        (ReadinessWindow(services, itp, "vi"), "readiness_vi.png"),
        (ChecklistWindow(services, itp, "vi"), "checklist_vi.png"),
        (ConsultationsWindow(services, services.projects.by_code("CT-HTP").id, "vi"), "consultations_vi.png"),
    ):
        window.resize(1300, 760)
        window.show()
        grab(window, name)
        window.close()


def capture_home(window: MainWindow, services, language: str) -> None:  # type: ignore[no-untyped-def]
    """CT-HTP's home in the centre: readiness, review, land clearance, consultations, last export."""
    project_id = services.projects.by_code("CT-HTP").id
    window.select_project(project_id)
    wait_until(
        lambda: not window.home.busy and window.home.home is not None and window.home.home.project_id == project_id
    )
    QCursor.setPos(0, 0)  # no line under the mouse
    grab(window, f"project-home-{language}.png")


def capture_palette(window: MainWindow) -> None:
    """Ctrl+K: the command palette over the main window with a query typed without diacritics."""
    from dossier_app.ui.shell.command_palette import CommandPalette

    palette = CommandPalette(window.menuBar(), window, window.palette_action)
    palette.show()
    palette.query.setText("bang")
    grab(palette, "guide_palette_vi.png")
    palette.close()


def capture_register_work(services, register: QWidget) -> None:  # type: ignore[no-untyped-def]
    """The party form of the register, and the dry run of an import into CT-HTP of CT-ITP's register with two
    citizen IDs spoilt: the two problems listed, nothing written."""
    import openpyxl

    from dossier_app.ui.register.register_edit import PartyEditDialog
    from dossier_app.ui.register.register_import import ImportDialog

    project_id = services.projects.by_code("CT-ITP").id
    party = services.register.parties(project_id, limit=3)[2]
    dialog = PartyEditDialog(services, project_id, party.id, register)
    dialog.resize(1000, 640)
    dialog.show()
    grab(dialog, "guide_party_edit_vi.png")
    dialog.close()
    workbook_path = HOME / "so-gpmb.xlsx"
    services.register_io.export(project_id, workbook_path)
    book = openpyxl.load_workbook(workbook_path)
    sheet = book.worksheets[0]
    headers = [cell.value for cell in sheet[1]]
    sheet.cell(row=3, column=headers.index("Số CCCD") + 1, value="0920851")
    sheet.cell(row=5, column=headers.index("Số CCCD") + 1, value="09208512345X")
    book.save(workbook_path)
    importer = ImportDialog(services, services.projects.by_code("CT-HTP").id, workbook_path, register)
    importer.show()
    importer.start()
    wait_until(lambda: not importer.busy)
    grab(importer, "guide_register_import_vi.png")
    importer.close()


def capture_admin(services, settings, window: QWidget) -> None:  # type: ignore[no-untyped-def]
    """The administrator's dialogs: accounts, audit trail, backups, settings, catalogues, holidays."""
    from dossier_app.ui.accounts.accounts_dialog import AccountsDialog
    from dossier_app.ui.accounts.audit_dialog import AuditDialog
    from dossier_app.ui.backups.backup_dialog import BackupDialog
    from dossier_app.ui.register.catalogues_dialog import CataloguesDialog
    from dossier_app.ui.shared.holidays_dialog import HolidaysDialog
    from dossier_app.ui.shell.settings_dialog import SettingsDialog

    admin = open_services(services.database.url, Operator("quantri"))
    account = admin.accounts.get("quantri")
    admin.backups.run_automatic()
    for dialog, name, size in (
        (AccountsDialog(admin, window), "guide_accounts_vi.png", (900, 480)),
        (AuditDialog(admin, window), "guide_audit_vi.png", (1200, 640)),
        (BackupDialog(admin, settings, window), "guide_backups_vi.png", (900, 520)),
        (
            SettingsDialog(
                settings,
                admin.database.display_location,
                window,
                server="https://may-chu.so-khcn.cantho.gov.vn:8470",
                pinned=lambda _address: ":".join(["4F", "6D", "AE", "2E"] * 8),
            ),
            "guide_settings_vi.png",
            None,
        ),
        (CataloguesDialog(admin, window), "guide_catalogues_vi.png", (900, 560)),
        (HolidaysDialog(admin, account, window), "guide_holidays_vi.png", (760, 560)),
    ):
        if size is not None:
            dialog.resize(*size)
        for table in dialog.findChildren(QAbstractItemView):
            table.setCurrentIndex(table.model().index(0, 0))  # a row chosen: its buttons enabled
        dialog.show()
        grab(dialog, name)
        dialog.close()
    admin.close()


def capture_comment_register(services, window: QWidget) -> None:  # type: ignore[no-untyped-def]
    """The comment register (bảng tổng hợp tiếp thu, giải trình) of the IT park."""
    from dossier_app.ui.review.comment_register_window import CommentRegisterWindow

    comments = CommentRegisterWindow(services, services.projects.by_code("CT-ITP").id, window)
    comments.resize(1200, 420)
    comments.show()
    grab(comments, "guide_comment_register_vi.png")
    comments.close()


def capture_help(window: MainWindow) -> None:
    """The user guide in the program's help window, opened by F1 on the register."""
    from dossier_app.ui.shared.help_window import help_launcher

    help_window = help_launcher().show_anchor("so-boi-thuong")
    help_window.resize(1100, 820)
    wait_until(lambda: False, 1)
    help_window.scroll_to("so-boi-thuong")
    grab(help_window, "guide_help_vi.png")
    help_window.close()


def main() -> None:
    """Open the demo in both languages and save the views the README shows."""
    app = QApplication(sys.argv[:1])
    services = open_services(str(HOME / "demo.sqlite3"), Operator("cli:demo"))
    services.demo.load()
    services.context.operator = Operator("chuyenvien")
    translators = Translators(app)
    for language in ("vi", "en"):
        translators.install(language)
        capture_roles(app, language)
        settings = UiSettings(QSettings(str(HOME / f"{language}.ini"), QSettings.Format.IniFormat))
        window = MainWindow(services, settings, language, services.accounts.get("chuyenvien"))
        window.resize(1440, 860)
        window.show()
        window.select_section(section_id(services, "CT-HTP", "da.3_dieu_kien_thanh_lap"))
        window.navigator.expand(window.model.index_of_section(section_id(services, "CT-HTP", "da.4_phuong_huong")))
        grab(window, f"main_window_{language}.png")
        capture_home(window, services, language)
        if language == "vi":
            window.select_project(services.projects.by_code("CT-ITP").id)
            window.search.query.setText("hung thanh")
            window.search.run()
            window.search.results.itemActivated.emit(window.search.results.item(0))
            grab(window, "search_vi.png")
            window.tabs.setCurrentWidget(window.revisions)
            grab(window, "revisions_vi.png")
            login = LoginDialog(services, window)
            login.show()
            grab(login, "login_vi.png")
            login.close()
            dialog = ProjectDialog(services, language, services.projects.by_code("CT-ITP"), window)
            dialog.show()
            grab(dialog, "project_dialog_vi.png")
            dialog.close()
            capture_palette(window)
            capture_comment_register(services, window)
            capture_help(window)
        window.close()
        if language == "vi":
            capture_review(services, settings, language)
            register = RegisterWindow(services, services.projects.by_code("CT-ITP").id)
            register.resize(1400, 820)
            register.show()
            register.table.selectRow(2)
            grab(register, "register_vi.png")
            capture_register_work(services, register)
            capture_admin(services, settings, register)
            register.close()
            capture_export(services, settings, register)
            capture_signing(services, settings, register)
            capture_plans(services, settings)
    QTimer.singleShot(0, app.quit)
    app.exec()


if __name__ == "__main__":
    main()
