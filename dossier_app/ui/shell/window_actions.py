"""The File and Help menus: projects, demo data, settings, search focus, quitting."""

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox, QProgressDialog

from dossier_app.domain.enums import Role
from dossier_app.domain.errors import DossierError
from dossier_app.domain.lifecycle import Action
from dossier_app.ui.dossier.project_dialog import ProjectDialog
from dossier_app.ui.shared.messages import show_error
from dossier_app.ui.shared.workers import run_in_background
from dossier_app.ui.shell.readiness_actions import ReadinessActions
from dossier_app.ui.shell.settings_dialog import SettingsDialog

if TYPE_CHECKING:
    from dossier_app.services.demo.demo import DemoResult
    from dossier_app.ui.shell.window_host import WindowHost


class WindowActions(QObject):
    """Actions that concern the whole window rather than one section."""

    # A register window changed its project's register; the open plan windows refresh their driven percents.
    register_changed = Signal(int)
    # Something a side window edits changed (register, plan, consultations, an export): the project home reads again.
    data_changed = Signal()

    def __init__(self, window: "WindowHost") -> None:
        super().__init__(window)
        self._window = window
        self.new_project_action = self._make(self.tr("New project…"), QKeySequence.StandardKey.New, self.new_project)
        self.edit_project_action = self._make(self.tr("Project details…"), "Ctrl+Shift+P", self.edit_project)
        self.register_action = self._make(self.tr("Land clearance register…"), None, self.open_register)
        self.dashboard_action = self._make(self.tr("Land clearance dashboard…"), None, self.open_dashboard)
        self.catalogues_action = self._make(self.tr("Catalogues…"), None, self.open_catalogues)
        self.consultations_action = self._make(
            self.tr("Ministry consultations and review clock…"), None, self.open_consultations
        )
        self.holidays_action = self._make(self.tr("Holiday calendar…"), None, self.open_holidays)
        self.milestones_action = self._make(self.tr("Milestone plan…"), "Ctrl+Shift+M", self.open_milestones)
        self.export_action = self._make(self.tr("Export the submission package…"), "Ctrl+E", self.open_export)
        self.demo_action = self._make(self.tr("Load the Cần Thơ demo data"), None, self.load_demo)
        self.backups_action = self._make(self.tr("Backups…"), None, self.open_backups)
        self.settings_action = self._make(self.tr("Settings…"), "Ctrl+,", self.open_settings)
        self.quit_action = self._make(self.tr("Quit"), QKeySequence.StandardKey.Quit, window.close)
        self.readiness = ReadinessActions(window)
        self.readiness.data_changed.connect(self.data_changed)
        self.register_changed.connect(lambda _project_id: self.data_changed.emit())
        self.accounts_action = self._make(self.tr("Accounts…"), None, self.open_accounts)
        self.audit_action = self._make(self.tr("Audit trail…"), None, self.open_audit)
        self.find_action = self._make(self.tr("Search the project…"), QKeySequence.StandardKey.Find, self.focus_search)
        self.about_action = self._make(self.tr("About"), None, self.about)
        # Files and the program; then the menus of the work: the dossier, land clearance, administration.
        self._fill(window.file_menu, self.new_project_action, self.edit_project_action, self.demo_action, None)
        self._fill(window.file_menu, self.backups_action, self.settings_action, None, self.quit_action)
        self._fill(window.dossier_menu, *self.readiness.actions, self.consultations_action, None, self.export_action)
        self._fill(window.clearance_menu, self.register_action, self.dashboard_action, self.milestones_action)
        account = window.account
        if account is not None and account.has_role(Role.ADMIN):
            self._fill(window.admin_menu, self.accounts_action)
        if account is not None and (account.has_role(Role.ADMIN) or account.has_role(Role.MANAGER)):
            self._fill(window.admin_menu, self.audit_action)
        self._fill(window.admin_menu, self.holidays_action, self.catalogues_action)
        window.edit_menu.addSeparator()
        window.edit_menu.addAction(self.find_action)
        window.help_menu.addAction(self.about_action)
        self.sync()

    @staticmethod
    def _fill(menu: QMenu, *actions: QAction | None) -> None:
        """Add actions in order; None is a separator."""
        for action in actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)

    def _make(self, text: str, shortcut: QKeySequence | QKeySequence.StandardKey | str | None, slot) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self._window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def sync(self) -> None:
        """Enable what applies now; a greyed-out command says why in its tooltip and status tip."""
        window = self._window
        no_project = self.tr("Choose a project in the navigator first.")
        has_project = window.current_project_id is not None
        may_edit = window.may(Action.EDIT_PROJECT)
        not_allowed = self.tr("Your role does not allow this.")
        explain(self.new_project_action, may_edit, not_allowed)
        explain(self.edit_project_action, may_edit and has_project, no_project if may_edit else not_allowed)
        explain(self.register_action, has_project, no_project)
        explain(self.dashboard_action, has_project, no_project)
        explain(self.consultations_action, has_project, no_project)
        explain(self.milestones_action, has_project, no_project)
        may_export = window.may(Action.EXPORT)
        explain(self.export_action, has_project and may_export, no_project if may_export else not_allowed)
        for action in self.readiness.actions:
            explain(action, has_project, no_project)
        # The demo goes only into a database without projects: never mixed into a department's real work.
        self.demo_action.setVisible(window.model.rowCount() == 0)

    def new_project(self) -> None:
        """Open the project form; the new project's dossier appears in the navigator."""
        window = self._window
        if not window.editor.save_now():
            return
        dialog = ProjectDialog(window.services, window.language, parent=window)
        if dialog.exec() and dialog.saved is not None:
            window.reload_navigator(None)
            window.select_project(dialog.saved.id)
            window.statusBar().showMessage(
                self.tr("Project {code} created with its documents.").format(code=dialog.saved.code), 6000
            )

    def edit_project(self) -> None:
        """Edit the current project's facts."""
        window = self._window
        project_id = window.current_project_id
        if project_id is None or not window.editor.save_now():
            return
        try:
            project = window.services.projects.get(project_id)
        except DossierError as error:
            show_error(window, error)
            return
        dialog = ProjectDialog(window.services, window.language, project, parent=window)
        if dialog.exec():
            window.reload_navigator(window.current_section.id if window.current_section else None)

    def open_register(self) -> None:
        """Open the land clearance register of the current project beside the main window."""
        from dossier_app.ui.register.register_window import RegisterWindow

        window = self._window
        project_id = window.current_project_id
        if project_id is None:
            return
        try:
            register = RegisterWindow(window.services, project_id, window.settings, window)
        except DossierError as error:
            show_error(window, error)
            return
        register.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        register.register_changed.connect(self.register_changed)
        register.show()
        self.register_window = register

    def _open_register_window(self):  # type: ignore[no-untyped-def]
        """The register window of the current project if one is open, else None."""
        register = getattr(self, "register_window", None)
        if register is None or not shiboken6.isValid(register) or not register.isVisible():
            return None
        return register if register.project_id == self._window.current_project_id else None

    def open_dashboard(self) -> None:
        """Show the current project's dashboard beside its register (which keeps it up to date)."""
        if self._open_register_window() is None:
            self.open_register()
        register = self._open_register_window()
        if register is not None:
            register.open_dashboard()

    def open_catalogues(self) -> None:
        """Edit the land-use, ward and asset catalogues; an open register's filters follow the change."""
        from dossier_app.ui.register.catalogues_dialog import CataloguesDialog

        dialog = CataloguesDialog(self._window.services, self._window)  # type: ignore[arg-type]
        register = self._open_register_window()
        if register is not None:
            dialog.changed.connect(register.reload_catalogues)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.catalogues_dialog = dialog

    def open_consultations(self) -> None:
        """Open the current project's ministry consultations and review clock beside the main window."""
        from dossier_app.ui.completeness.consultations_window import ConsultationsWindow

        window = self._window
        if window.current_project_id is None:
            return
        try:
            consultations = ConsultationsWindow(
                window.services, window.current_project_id, window.language, window.account, window
            )
        except DossierError as error:
            show_error(window, error)
            return
        consultations.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        consultations.model.changed.connect(self.data_changed)
        consultations.show()
        self.consultations_window = consultations

    def open_consultation(self, consultation_id: int) -> None:
        """Open the consultations with one body's row chosen (the project home's overdue and due-soon lines)."""
        self.open_consultations()
        window = getattr(self, "consultations_window", None)
        if window is None or not shiboken6.isValid(window):
            return
        for row in range(window.model.rowCount()):
            if window.model.row_at(row).id == consultation_id:
                window.table.selectRow(row)
                window.table.setFocus()
                return

    def open_holidays(self) -> None:
        """Edit the holiday calendar the review clocks count over."""
        from dossier_app.ui.shared.holidays_dialog import HolidaysDialog

        HolidaysDialog(self._window.services, self._window.account, self._window).exec()

    def open_milestones(self) -> None:
        """Open the milestone plan of the current project beside the main window."""
        from dossier_app.ui.milestones.milestones_window import MilestonesWindow

        window = self._window
        project_id = window.current_project_id
        if project_id is None:
            return
        try:
            plan = MilestonesWindow(
                window.services, project_id, window.may(Action.EDIT_PLAN), window, settings=window.settings
            )
        except DossierError as error:
            show_error(window, error)
            return
        plan.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.register_changed.connect(plan.register_changed)
        plan.undo_stack.indexChanged.connect(self.data_changed)
        plan.show()
        self.milestones_window = plan

    def open_milestone(self, key: str) -> None:
        """Open the plan with one step chosen (the project home's overdue and at-risk lines)."""
        self.open_milestones()
        plan = getattr(self, "milestones_window", None)
        if key and plan is not None and shiboken6.isValid(plan):
            plan.reload(select=key)

    def open_export(self) -> None:
        """Open the export dialog (with the export history) for the current project."""
        self._export(history=False)

    def open_export_history(self) -> None:
        """Open the export dialog on its history (the project home's last-export lines)."""
        self._export(history=True)

    def _export(self, *, history: bool) -> None:
        from dossier_app.ui.export.export_dialog import ExportDialog

        window = self._window
        project_id = window.current_project_id
        if project_id is None or not window.editor.save_now():
            return
        try:
            code = window.services.projects.get(project_id).code
        except DossierError as error:
            show_error(window, error)
            return
        self.export_dialog = ExportDialog(window.services, code, window.settings, window)
        if history:
            self.export_dialog.tabs.setCurrentWidget(self.export_dialog.history)
        self.export_dialog.exec()
        self.data_changed.emit()

    def load_demo(self) -> None:
        """Load CT-HTP and CT-ITP in the background with a progress dialog."""
        window = self._window
        if not window.editor.save_now():
            return
        progress = QProgressDialog(self.tr("Loading the Cần Thơ demo data…"), "", 0, 2, window)
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        task = run_in_background(lambda report, _cancelled: window.services.demo.load(report))
        task.on_progress(lambda done, total, _message: progress.setValue(done))

        def finished(result: "DemoResult") -> None:
            progress.close()
            window.reload_navigator(None)
            window.select_project(window.services.projects.by_code(result.project_codes[0]).id)
            window.statusBar().showMessage(
                self.tr("Demo data loaded: {created} project(s) created, {filled} section(s) filled.").format(
                    created=result.projects_created, filled=result.sections_filled
                ),
                8000,
            )

        def failed(error: BaseException) -> None:
            progress.close()
            if isinstance(error, DossierError):
                show_error(window, error)
            else:
                QMessageBox.critical(window, self.tr("Demo data"), str(error))

        task.on_success(finished).on_failure(failed)

    def open_accounts(self) -> None:
        """Administrators manage the accounts."""
        from dossier_app.ui.accounts.accounts_dialog import AccountsDialog

        AccountsDialog(self._window.services, self._window).exec()

    def open_audit(self) -> None:
        """Show the audit trail."""
        from dossier_app.ui.accounts.audit_dialog import AuditDialog

        AuditDialog(self._window.services, self._window).exec()

    def open_backups(self) -> None:
        """Back up or restore; a restore closes the window and reopens it on the restored data."""
        from dossier_app.ui.backups.backup_dialog import BackupDialog

        window = self._window
        if not window.editor.save_now():
            return
        dialog = BackupDialog(window.services, window.settings, window)
        dialog.exec()
        if dialog.restored_from is not None:
            window.editor.clear()
            window.reload_navigator(None)
            window.request_rebuild()

    def open_settings(self) -> None:
        """Open the settings; a new language rebuilds the window."""
        window = self._window
        sync = window.sync_panel
        location = window.services.database.display_location
        dialog = SettingsDialog(window.settings, location, window, server=sync.server, pinned=sync.trusted_fingerprint)
        if not dialog.exec():
            return
        if dialog.server_changed:
            sync.use_server(dialog.server_address())
        if dialog.language_changed:
            window.request_rebuild()

    def focus_search(self) -> None:
        """Put the cursor in the search box, with the editor's selection as the query."""
        window = self._window
        window.left_tabs.setCurrentWidget(window.search)
        selected = window.editor.text.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            window.search.query.setText(selected)
        window.search.query.setFocus()
        window.search.query.selectAll()
        if window.current_kind() is None and window.model.rowCount() > 0:
            window.navigator.setCurrentIndex(window.model.index(0, 0))

    def about(self) -> None:
        """Say what the program is, its version and its licences and those of what it ships with."""
        from dossier_app.ui.shell.about_dialog import AboutDialog

        AboutDialog(self._window).exec()


def explain(action: QAction, enabled: bool, reason: str) -> None:
    """Enable or grey out an action; greyed out, its tooltip and status tip give the reason."""
    action.setEnabled(enabled)
    action.setToolTip(action.text().replace("&", "") if enabled else reason)
    action.setStatusTip("" if enabled else reason)
