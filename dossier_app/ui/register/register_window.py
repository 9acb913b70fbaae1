"""The land clearance register of one project: filters, the paged parties table, a detail pane, totals, files."""

from pathlib import Path

from PySide6.QtCore import QItemSelection, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dossier_app.domain.errors import DossierError
from dossier_app.services import Services
from dossier_app.services.register.register import PartyFilter, RegisterTotals
from dossier_app.services.register.register_io import IMPORT_SUFFIXES
from dossier_app.ui.register.catalogues_dialog import CataloguesDialog
from dossier_app.ui.register.dashboard_window import DashboardWindow
from dossier_app.ui.register.register_detail import PartyDetailPane
from dossier_app.ui.register.register_edit import PartyEditDialog
from dossier_app.ui.register.register_import import ImportDialog
from dossier_app.ui.register.register_model import ID_ROLE, STEP_KEYS, PartiesTableModel
from dossier_app.ui.register.row_conflict_panel import RowConflictPanel
from dossier_app.ui.shared.messages import show_error
from dossier_app.ui.shared.settings import UiSettings
from dossier_app.ui.shared.workers import run_in_background

SEARCH_DELAY_MS = 250


class RegisterWindow(QDialog):
    """A non-modal window per project, so the register stays open beside the dossier."""

    # The project whose register was changed here (a party saved or deleted, a file imported): windows showing
    # figures computed from the register (the milestone plan) follow.
    register_changed = Signal(int)

    def __init__(
        self, services: Services, project_id: int, settings: UiSettings | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("registerWindow")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self._services = services
        self._settings = settings
        self.project_id = project_id
        self.import_dialog: ImportDialog | None = None
        self.totals: RegisterTotals | None = None  # summed in the background: a full pass over the register
        self._totals_asked = 0
        self.dashboard: DashboardWindow | None = None
        project = services.projects.get(project_id)
        self.setWindowTitle(self.tr("Land clearance register — {code}").format(code=project.code))
        self.resize(1200, 720)
        self.model = PartiesTableModel(services.register, project_id, self)
        self._build_filters()
        self.table = QTableView(self)
        self.table.setObjectName("partiesTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        header = self.table.horizontalHeader()
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 80), (2, 108), (3, 140), (4, 118), (5, 120), (6, 140), (7, 128), (8, 66)):
            header.resizeSection(column, width)  # fixed widths: fitting to contents would page through the rows
        self.table.setSortingEnabled(True)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.model.modelReset.connect(self._on_rows_changed)
        self.model.layoutChanged.connect(self._on_rows_changed)
        self.detail = PartyDetailPane(self.model.step_names(), self, services.register.catalogue_names())
        self.conflict_panel = RowConflictPanel(services.row_conflicts, self.model.step_names(), self)
        self.conflict_panel.decided.connect(self._on_conflict_decided)
        self.model.conflicted = services.row_conflicts.parties(project_id)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.conflict_panel)
        side_layout.addWidget(self.detail, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([1000, 400])
        self.count_label = QLabel(self)
        self.count_label.setObjectName("registerCount")
        self.totals_label = QLabel(self)
        self.totals_label.setObjectName("registerTotals")
        self.totals_label.setWordWrap(True)
        self.new_button = QPushButton(self.tr("New party…"), self)
        self.new_button.setToolTip(self.tr("Ctrl+N"))
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.edit_button.setToolTip(self.tr("Enter or double-click a row"))
        self.delete_button = QPushButton(self.tr("Delete…"), self)
        self.delete_button.setToolTip(self.tr("Delete"))
        self.new_button.clicked.connect(lambda: self.new_party())
        self.edit_button.clicked.connect(lambda: self.edit_party())
        self.delete_button.clicked.connect(lambda: self.delete_party())
        QShortcut(QKeySequence.StandardKey.New, self, activated=lambda: self.new_party())
        delete_key = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table, activated=lambda: self.delete_party())
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)  # Delete in the search box edits text
        self.table.activated.connect(lambda _index: self.edit_party())  # Enter, or a double click
        self.edit_dialog: PartyEditDialog | None = None
        self.import_button = QPushButton(self.tr("Import…"), self)
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.template_button = QPushButton(self.tr("Template…"), self)
        self.catalogues_button = QPushButton(self.tr("Catalogues…"), self)
        self.catalogues_button.setToolTip(self.tr("Edit the land-use codes and wards"))
        self.catalogues_button.clicked.connect(lambda: self.open_catalogues())
        self.dashboard_button = QPushButton(self.tr("Dashboard…"), self)
        self.dashboard_button.clicked.connect(lambda: self.open_dashboard())
        close_button = QPushButton(self.tr("Close"), self)
        self.import_button.clicked.connect(lambda: self.start_import())
        self.export_button.clicked.connect(lambda: self.export())
        self.template_button.clicked.connect(lambda: self.write_template())
        close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label)
        buttons.addStretch(1)
        for button in (self.new_button, self.edit_button, self.delete_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addSpacing(16)
        for button in (
            self.dashboard_button,
            self.import_button,
            self.export_button,
            self.template_button,
            self.catalogues_button,
            close_button,
        ):
            button.setAutoDefault(False)  # Enter in the table edits the party; it never presses a button
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(self.filter_bar)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.totals_label)
        layout.addLayout(buttons)
        self.detail.show_empty()
        self.reload_catalogues()
        self._on_rows_changed()
        self.load_totals()

    # Filters -------------------------------------------------------------------------------------------

    def _build_filters(self) -> None:
        self.ward = QComboBox(self)
        self.ward.setObjectName("wardFilter")
        self.step = QComboBox(self)
        self.step.setObjectName("stepFilter")
        self.step.addItem(self.tr("All steps"), None)
        names = self.model.step_names()
        for key in STEP_KEYS:
            self.step.addItem(names[key], key)
        self.land_code = QComboBox(self)
        self.land_code.setObjectName("landCodeFilter")
        self.land_code.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.land_code.setMinimumContentsLength(16)
        self.poor = QCheckBox(self.tr("Poor household"), self)
        self.farmer = QCheckBox(self.tr("Direct farmer"), self)
        self.complaint = QCheckBox(self.tr("Complaint"), self)
        self.search = QLineEdit(self)
        self.search.setObjectName("registerSearch")
        self.search.setPlaceholderText(self.tr("Search name, citizen ID or address"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(240)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        for combo in (self.ward, self.step, self.land_code):
            combo.currentIndexChanged.connect(lambda _index: self.apply_filters())
        for box in (self.poor, self.farmer, self.complaint):
            box.toggled.connect(lambda _checked: self.apply_filters())
        self.filter_bar = QHBoxLayout()
        for label, widget in (
            (self.tr("Ward:"), self.ward),
            (self.tr("Step:"), self.step),
            (self.tr("Land use:"), self.land_code),
        ):
            self.filter_bar.addWidget(QLabel(label, self))
            self.filter_bar.addWidget(widget)
        for box in (self.poor, self.farmer, self.complaint):
            self.filter_bar.addWidget(box)
        self.filter_bar.addWidget(self.search, 1)

    def reload_catalogues(self) -> None:
        """Fill the ward and land-use lists (wards as the project holds them), keeping the choices."""
        ward, code = self.ward.currentData(), self.land_code.currentData()
        for combo in (self.ward, self.land_code):
            combo.blockSignals(True)
            combo.clear()
        self.ward.addItem(self.tr("All wards"), None)
        for name in self._services.register.wards(self.project_id):
            self.ward.addItem(name, name)
        self.land_code.addItem(self.tr("All land uses"), None)
        for key, name in sorted(self._services.register.land_use_codes.items()):
            self.land_code.addItem(f"{key} — {name}", key)
        for combo, value in ((self.ward, ward), (self.land_code, code)):
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.blockSignals(False)

    def current_filter(self) -> PartyFilter:
        """The filter the bar describes; an unticked flag means either."""
        return PartyFilter(
            ward=self.ward.currentData(),
            step=self.step.currentData(),
            poor_household=True if self.poor.isChecked() else None,
            direct_farmer=True if self.farmer.isChecked() else None,
            complaint=True if self.complaint.isChecked() else None,
            land_use_code=self.land_code.currentData(),
            search=self.search.text(),
        )

    def apply_filters(self) -> None:
        """Re-query the table in SQL with the bar's filter."""
        self._search_timer.stop()
        try:
            self.model.set_filters(self.current_filter())
        except DossierError as error:
            show_error(self, error)

    # Table and detail ------------------------------------------------------------------------------------

    def _on_rows_changed(self) -> None:
        self.count_label.setText(self.tr("{count} party(ies)").format(count=self.model.rowCount()))
        self._show_totals()
        if not self.table.selectionModel().hasSelection():
            self.detail.show_empty()

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            self.detail.show_empty()
            self.conflict_panel.show_party(None)
            return
        party_id = indexes[0].data(ID_ROLE)
        if party_id is not None:
            self.show_party(int(party_id))

    def selected_party(self) -> int | None:
        """The id of the party selected in the table, if any."""
        rows = self.table.selectionModel().selectedRows()
        value = rows[0].data(ID_ROLE) if rows else None
        return int(value) if value is not None else None

    def new_party(self) -> PartyEditDialog:
        """Open the edit dialog for a new party (Ctrl+N)."""
        return self._open_editor(None)

    def edit_party(self, party_id: int | None = None) -> PartyEditDialog | None:
        """Open the edit dialog for the selected party (Enter, double-click)."""
        party_id = party_id if party_id is not None else self.selected_party()
        return None if party_id is None else self._open_editor(party_id)

    def _open_editor(self, party_id: int | None) -> PartyEditDialog:
        dialog = PartyEditDialog(self._services, self.project_id, party_id, self)
        self.edit_dialog = dialog
        dialog.accepted.connect(lambda: self._after_save(dialog))
        dialog.open()
        return dialog

    def _after_save(self, dialog: PartyEditDialog) -> None:
        """Refresh the table, the lists and the totals, and keep the saved party selected."""
        if dialog.saved is None:
            return
        self.refresh()
        self.reselect(dialog.saved.id)

    def reselect(self, party_id: int) -> None:
        """Select a party's row wherever the current filter and order put it; show it in the pane regardless."""
        row = self.model.row_of(party_id)
        if row is None:
            self.table.clearSelection()
            self.show_party(party_id)
            return
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0), QTableView.ScrollHint.PositionAtCenter)

    def delete_party(self, confirm: bool = True) -> bool:
        """Delete the selected party with everything recorded about it, after asking (Delete)."""
        party_id = self.selected_party()
        if party_id is None:
            return False
        row = self.model.row(self.table.selectionModel().selectedRows()[0].row())
        label = f"{row.code} — {row.name}" if row is not None else str(party_id)
        if confirm:
            answer = QMessageBox.question(
                self,
                self.tr("Delete party"),
                self.tr("Delete {party} with its parcels, assets, compensation and resettlement?").format(party=label),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        try:
            self._services.register.delete_party(party_id)
        except DossierError as error:
            show_error(self, error)
            return False
        self.table.clearSelection()
        self.refresh()
        return True

    def select_row(self, row: int) -> None:
        """Select a row of the table (and so fill the detail pane)."""
        self.table.selectRow(row)

    def show_party(self, party_id: int) -> None:
        """Fill the read-only detail pane with a party's parcels, compensation, resettlement and totals."""
        try:
            detail = self._services.register.party(party_id)
        except DossierError as error:
            self.detail.setPlainText(str(error))
            return
        self.detail.show_detail(detail)
        self.conflict_panel.show_party(party_id if party_id in self.model.conflicted else None)

    def _on_conflict_decided(self, party_id: int) -> None:
        """A field picked in the conflict panel: the row's mark and the details follow."""
        self.refresh()
        self.show_party(party_id)

    def load_totals(self) -> None:
        """Sum the register on a worker thread (about a second at 100,000 parties); the line fills in after."""
        self._totals_asked += 1
        asked, register, project_id = self._totals_asked, self._services.register, self.project_id
        # Bound methods, not closures: Qt drops the connections when this window is deleted before the sums come.
        run_in_background(lambda _progress, _cancelled: (asked, register.totals(project_id))).on_success(
            self._totals_ready
        ).on_failure(self._totals_failed)

    def _totals_ready(self, result: tuple[int, RegisterTotals]) -> None:
        asked, totals = result
        if asked == self._totals_asked:  # a later request (after an import) wins over an earlier one
            self.totals = totals
            self._show_totals()

    def _totals_failed(self, error: BaseException) -> None:
        self.totals_label.setText(str(error))

    @property
    def totals_pending(self) -> bool:
        """Whether the totals line still waits for its sums (tests wait on this)."""
        return self.totals is None

    def _show_totals(self) -> None:
        totals = self.totals
        if totals is None:
            return
        lines = [self.tr("Project: {totals}").format(totals=self.detail.totals_text(totals.project))]
        ward = self.ward.currentData()
        for name, ward_totals in totals.wards:
            if name == ward:
                lines.append(self.tr("{ward}: {totals}").format(ward=name, totals=self.detail.totals_text(ward_totals)))
        self.totals_label.setText("\n".join(lines))

    def open_catalogues(self) -> CataloguesDialog:
        """Edit the catalogues; the filters follow every change."""
        dialog = CataloguesDialog(self._services, self)
        dialog.changed.connect(self.reload_catalogues)
        dialog.open()
        return dialog

    def refresh(self) -> None:
        """Reload counts, catalogues and totals after a change of the register."""
        self.reload_catalogues()
        self.model.conflicted = self._services.row_conflicts.parties(self.project_id)
        self.model.refresh()
        self.load_totals()
        if self.dashboard is not None and self.dashboard.isVisible():
            self.dashboard.refresh()
        self.register_changed.emit(self.project_id)

    def open_dashboard(self) -> DashboardWindow:
        """Show the project's dashboard (charts and totals by ward) beside the register."""
        if self.dashboard is None:
            self.dashboard = DashboardWindow(self._services, self.project_id, self._settings, self)
        elif not self.dashboard.isVisible():
            self.dashboard.refresh()  # the register may have changed while it was closed
        self.dashboard.show()
        self.dashboard.raise_()
        self.dashboard.activateWindow()
        return self.dashboard

    # Files ---------------------------------------------------------------------------------------------------

    def _folder(self) -> str:
        return self._settings.last_folder if self._settings is not None else ""

    def _remember(self, path: Path) -> None:
        if self._settings is not None:
            self._settings.last_folder = str(path.parent)

    def start_import(self, path: Path | None = None) -> ImportDialog | None:
        """Ask for a file (unless given), then open the import dialog with its dry run running."""
        if path is None:
            patterns = " ".join(f"*{suffix}" for suffix in IMPORT_SUFFIXES)
            chosen, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Import into the register"),
                self._folder(),
                self.tr("Register files ({patterns})").format(patterns=patterns),
            )
            if not chosen:
                return None
            path = Path(chosen)
        self._remember(path)
        dialog = ImportDialog(self._services, self.project_id, path, self)
        dialog.imported.connect(lambda _report: self.refresh())
        self.import_dialog = dialog
        dialog.open()
        dialog.start()
        return dialog

    def _save_path(self, title: str, name: str) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, title, str(Path(self._folder()) / name), self.tr("Excel workbooks (*.xlsx)")
        )
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == ".xlsx" else path.with_suffix(".xlsx")

    def export(self, path: Path | None = None) -> None:
        """Write the project's register to a workbook in the background."""
        path = path or self._save_path(self.tr("Export the register"), "register.xlsx")
        if path is None:
            return
        self._remember(path)
        project_id = self.project_id
        self._run_file_job(
            lambda: self._services.register_io.export(project_id, path),
            lambda count: self.tr("{count} party(ies) exported to {name}.").format(count=count, name=path.name),
        )

    def write_template(self, path: Path | None = None) -> None:
        """Write an empty workbook with the documented headers and drop-down lists."""
        path = path or self._save_path(self.tr("Save the register template"), "register-template.xlsx")
        if path is None:
            return
        self._remember(path)
        self._run_file_job(
            lambda: self._services.register_io.template(path),
            lambda _result: self.tr("Template written to {name}.").format(name=path.name),
        )

    def _run_file_job(self, job, message) -> None:  # type: ignore[no-untyped-def]
        for button in (self.import_button, self.export_button, self.template_button):
            button.setEnabled(False)
        self.count_label.setText(self.tr("Working…"))
        self.file_job_message = ""

        def done(result: object) -> None:
            self._file_job_finished()
            self.file_job_message = message(result)
            self.count_label.setText(self.file_job_message)

        def failed(error: BaseException) -> None:
            self._file_job_finished()
            self._on_rows_changed()
            if isinstance(error, DossierError):
                show_error(self, error)
            else:
                QMessageBox.critical(self, self.windowTitle(), str(error))

        run_in_background(lambda _progress, _cancelled: job()).on_success(done).on_failure(failed)

    def _file_job_finished(self) -> None:
        for button in (self.import_button, self.export_button, self.template_button):
            button.setEnabled(True)

    @property
    def busy(self) -> bool:
        """Whether a file job is running (tests wait on this)."""
        return not self.export_button.isEnabled()
