"""The milestone plan of one project: the steps edited in place, legal deadlines, risks, baselines and drift."""

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from dossier_app.domain.errors import DossierError
from dossier_app.domain.milestones import LandKind, Milestone, Risk
from dossier_app.services import Services
from dossier_app.services.milestones.milestones import PlanView
from dossier_app.ui.milestones.gantt_view import GanttView
from dossier_app.ui.milestones.milestone_commands import (
    AddStepCommand,
    EditStepCommand,
    MoveStepCommand,
    RemoveStepCommand,
)
from dossier_app.ui.milestones.milestone_delegates import DateDelegate, PercentDelegate, StatusDelegate
from dossier_app.ui.milestones.milestone_model import COLUMNS, DATE_COLUMNS, KEY_ROLE, MilestoneTableModel, show_date
from dossier_app.ui.shared.messages import show_error
from dossier_app.ui.shared.settings import UiSettings


class MilestonesWindow(QDialog):
    """A non-modal window per project, so the plan stays open beside the dossier and the register."""

    def __init__(
        self,
        services: Services,
        project_id: int,
        writable: bool = True,
        parent: QWidget | None = None,
        today: date | None = None,
        settings: UiSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("milestonesWindow")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self._services = services
        self.project_id = project_id
        self.writable = writable
        self.today = today or services.milestones.today()
        project = services.projects.get(project_id)
        self.setWindowTitle(self.tr("Milestone plan — {code}").format(code=project.code))
        self.resize(1280, 640)
        self.undo_stack = QUndoStack(self)
        self.model = MilestoneTableModel(self)
        self.model.writable = writable
        self.model.editor = self._store_edit
        self.table = self._build_table()
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("milestoneTabs")
        self.tabs.addTab(self.table, self.tr("Table"))
        self.gantt = GanttView(services.charts, settings, self)
        self.tabs.addTab(self.gantt, self.tr("Gantt chart"))
        self._gantt_stale = True
        self._view: PlanView | None = None
        self._register_stale = False  # the register changed while an edit was open: reload when it ends
        self.tabs.currentChanged.connect(lambda _index: self._draw_gantt_if_shown())
        self._build_header()
        self._build_actions()
        self.summary = QLabel(self)
        self.summary.setObjectName("milestoneSummary")
        self.summary.setWordWrap(True)
        close_button = QPushButton(self.tr("Close"), self)
        close_button.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(self.header)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        self.reload()

    # Building ------------------------------------------------------------------------------------------

    def _build_table(self) -> QTableView:
        table = QTableView(self)
        table.setObjectName("milestonesTable")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        table.verticalHeader().setVisible(False)
        table.setWordWrap(False)
        self._date_delegate = DateDelegate(table)
        self._status_delegate = StatusDelegate(self.model, table)
        self._percent_delegate = PercentDelegate(table)
        for column, name in enumerate(COLUMNS):
            if name in DATE_COLUMNS:
                table.setItemDelegateForColumn(column, self._date_delegate)
        table.setItemDelegateForColumn(COLUMNS.index("status"), self._status_delegate)
        table.setItemDelegateForColumn(COLUMNS.index("percent"), self._percent_delegate)
        header = table.horizontalHeader()
        header.setSectionResizeMode(COLUMNS.index("title"), QHeaderView.ResizeMode.Stretch)
        for name, width in (
            ("key", 72),
            ("responsible", 220),
            ("status", 110),
            ("percent", 60),
            ("deadline", 200),
            ("drift", 80),
        ):
            header.resizeSection(COLUMNS.index(name), width)
        for name in DATE_COLUMNS:
            header.resizeSection(COLUMNS.index(name), 100)
        return table

    def _build_header(self) -> None:
        self.today_label = QLabel(self.tr("Today: {day}").format(day=show_date(self.today)), self)
        self.today_label.setObjectName("milestoneToday")
        self.land_kind = QComboBox(self)
        self.land_kind.setObjectName("landKind")
        self.land_kind.addItem(self.tr("Agricultural land (notice 90 days ahead)"), LandKind.AGRICULTURAL.value)
        self.land_kind.addItem(
            self.tr("Non-agricultural land (notice 180 days ahead)"), LandKind.NON_AGRICULTURAL.value
        )
        self.land_kind.setEnabled(self.writable)
        self.land_kind.currentIndexChanged.connect(lambda _index: self.set_land_kind(self.land_kind.currentData()))
        self.at_risk_days = QSpinBox(self)
        self.at_risk_days.setObjectName("atRiskDays")
        self.at_risk_days.setRange(0, 365)
        self.at_risk_days.setSuffix(self.tr(" days"))
        self.at_risk_days.setToolTip(self.tr("A step is at risk when its legal deadline is this close."))
        self.at_risk_days.setEnabled(self.writable)
        self.at_risk_days.editingFinished.connect(lambda: self.set_at_risk_days(self.at_risk_days.value()))
        self.baseline = QComboBox(self)
        self.baseline.setObjectName("baselineChoice")
        self.baseline.setMinimumContentsLength(18)
        self.baseline.currentIndexChanged.connect(lambda _index: self.reload(self.current_key()))
        self.header = QHBoxLayout()
        self.header.addWidget(self.today_label)
        self.header.addStretch(1)
        self.header.addWidget(QLabel(self.tr("Land:"), self))
        self.header.addWidget(self.land_kind)
        self.header.addWidget(QLabel(self.tr("At risk within:"), self))
        self.header.addWidget(self.at_risk_days)
        self.header.addWidget(QLabel(self.tr("Baseline:"), self))
        self.header.addWidget(self.baseline)

    def _build_actions(self) -> None:
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("milestoneToolbar")
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.add_action = self._make(self.tr("Add step…"), "Ctrl+Shift+N", lambda: self.add_step())
        self.remove_action = self._make(self.tr("Remove step"), "Ctrl+Del", self.remove_step)
        self.rename_action = self._make(self.tr("Rename step"), "F2", self.rename_step)
        self.up_action = self._make(self.tr("Move up"), "Alt+Up", lambda: self.move_step(-1))
        self.down_action = self._make(self.tr("Move down"), "Alt+Down", lambda: self.move_step(1))
        self.baseline_action = self._make(self.tr("Take baseline…"), "Ctrl+Shift+B", lambda: self.take_baseline())
        for action in (self.undo_action, self.redo_action):
            self.addAction(action)
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        for action in (self.add_action, self.remove_action, self.rename_action, self.up_action, self.down_action):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.baseline_action)
        self.table.selectionModel().currentRowChanged.connect(lambda _now, _before: self.sync())
        delegates = (self.table.itemDelegate(), self._date_delegate, self._status_delegate, self._percent_delegate)
        for delegate in delegates:
            delegate.closeEditor.connect(lambda _editor, _hint: QTimer.singleShot(0, self._catch_up))
        self.at_risk_days.editingFinished.connect(lambda: QTimer.singleShot(0, self._catch_up))

    def _make(self, text: str, shortcut: str, slot) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setToolTip(f"{text} ({QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)})")
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    # Showing -------------------------------------------------------------------------------------------

    def baseline_name(self) -> str | None:
        """The baseline chosen to measure drift against, if any."""
        value = self.baseline.currentData()
        return str(value) if value else None

    def current_key(self) -> str | None:
        """The key of the selected step."""
        index = self.table.currentIndex()
        return str(index.data(KEY_ROLE)) if index.isValid() else None

    def set_today(self, day: date) -> None:
        """Measure against another day (tests, and the day the window stays open past midnight)."""
        self.today = day
        self.today_label.setText(self.tr("Today: {day}").format(day=show_date(day)))
        self.reload(self.current_key())

    def reload(self, select: str | None = None) -> None:
        """Fetch the plan again and show it, keeping or moving the selection to `select`."""
        try:
            view = self._services.milestones.plan(self.project_id, today=self.today, baseline=self.baseline_name())
        except DossierError as error:
            self.report(error)
            return
        self.model.set_plan(view)
        self._view, self._gantt_stale = view, True
        self._draw_gantt_if_shown()
        self._fill_baselines([b.name for b in view.baselines], view.baseline.name if view.baseline else None)
        self.land_kind.blockSignals(True)
        self.land_kind.setCurrentIndex(max(0, self.land_kind.findData(view.land_kind.value)))
        self.land_kind.blockSignals(False)
        self.at_risk_days.setValue(view.at_risk_days)
        overdue = [a.key for a in view.assessments if a.risk is Risk.OVERDUE]
        at_risk = [a.key for a in view.assessments if a.risk is Risk.AT_RISK]
        lines = [
            self.tr("Overdue: {overdue}. At risk (deadline within {days} days): {at_risk}.").format(
                overdue=", ".join(overdue) or "—", at_risk=", ".join(at_risk) or "—", days=view.at_risk_days
            )
        ]
        if view.register_steps:
            lines.append(
                self.tr("The percent of {keys} comes from the land register ({count} parties).").format(
                    keys=", ".join(view.register_steps), count=view.parties
                )
            )
        self.summary.setText(" ".join(lines))
        row = self.model.row_of(select) if select else -1
        if row >= 0:
            current = self.table.currentIndex()
            column = current.column() if current.isValid() else 0
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, column),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
        self.sync()

    def register_changed(self, project_id: int) -> None:
        """The register behind the driven percents changed (another window saved or imported): show the new
        percents, keeping the selected step; an edit in progress is left alone and the plan follows when it ends."""
        if project_id != self.project_id:
            return
        self._register_stale = True
        self._catch_up()

    def _editing(self) -> bool:
        """A cell editor is open, or the at-risk days are being typed and not yet stored."""
        if self.table.state() == QAbstractItemView.State.EditingState:
            return True
        stored = self.model.plan.at_risk_days if self.model.plan is not None else None
        return self.at_risk_days.hasFocus() and self.at_risk_days.value() != stored

    def _catch_up(self) -> None:
        """Reload once nothing is being edited, if the register changed meanwhile."""
        if self._register_stale and not self._editing():
            self._register_stale = False
            self.reload(self.current_key())

    def _draw_gantt_if_shown(self) -> None:
        """Draw the chart only while its tab is shown: a drawing takes a second or two of a worker's time."""
        if self._view is None or not self._gantt_stale or self.tabs.currentWidget() is not self.gantt:
            return
        view = self._view
        self.gantt.show_plan(view.milestones, view.deadlines, view.assessments, view.baseline, view.today)
        self._gantt_stale = False

    def _fill_baselines(self, names: list[str], chosen: str | None) -> None:
        self.baseline.blockSignals(True)
        self.baseline.clear()
        self.baseline.addItem(self.tr("No baseline"), None)
        for name in names:
            self.baseline.addItem(name, name)
        self.baseline.setCurrentIndex(max(0, self.baseline.findData(chosen)) if chosen else 0)
        self.baseline.blockSignals(False)

    def sync(self) -> None:
        """Enable what applies to the selected step."""
        row = self.table.currentIndex().row()
        count = self.model.rowCount()
        selected = 0 <= row < count
        self.add_action.setEnabled(self.writable)
        self.baseline_action.setEnabled(self.writable)
        self.remove_action.setEnabled(self.writable and selected)
        self.rename_action.setEnabled(self.writable and selected)
        self.up_action.setEnabled(self.writable and selected and row > 0)
        self.down_action.setEnabled(self.writable and selected and row < count - 1)

    def report(self, error: DossierError) -> None:
        """Show a refusal in the user's language."""
        show_error(self, error)

    def _args(self) -> tuple[object, ...]:
        return self._services.milestones, self.project_id, self.reload, self.report

    # Editing -------------------------------------------------------------------------------------------

    def _store_edit(self, before: Milestone, after: Milestone) -> bool:
        """Store an edited cell; on a refusal show why and keep what was stored."""
        try:
            if self.model.plan is not None and self.model.plan.is_register_driven(after.key):
                # the register may have changed while the cell was edited: its percent is what it says now
                current = self._services.milestones.plan(self.project_id, today=self.today)
                after = replace(after, percent=current.milestone(after.key).percent)
            self._services.milestones.update_step(self.project_id, after)
        except DossierError as error:
            self.report(error)
            self.reload(before.key)
            return False
        self.undo_stack.push(EditStepCommand(before, after, *self._args()))
        self.reload(after.key)
        return True

    def set_land_kind(self, value: object) -> None:
        """Switch the land kind the notice clock counts for."""
        try:
            self._services.milestones.set_land_kind(self.project_id, LandKind(str(value)))
        except DossierError as error:
            self.report(error)
        self.reload(self.current_key())

    def set_at_risk_days(self, days: int) -> None:
        """Change how close a legal deadline must be for a step to be flagged at risk."""
        if self.model.plan is not None and self.model.plan.at_risk_days == days:
            return
        try:
            self._services.milestones.set_at_risk_days(self.project_id, days)
        except DossierError as error:
            self.report(error)
        self.reload(self.current_key())

    def add_step(self, title: str | None = None) -> None:
        """Add a step of the project's own after the selected one (or at the end)."""
        if title is None:
            title, ok = QInputDialog.getText(self, self.tr("Add step"), self.tr("Title of the new step:"))
            if not ok:
                return
        row = self.table.currentIndex().row()
        position = row + 1 if row >= 0 else None
        try:
            added = self._services.milestones.add_step(self.project_id, title, position=position)
        except DossierError as error:
            self.report(error)
            return
        self.reload(added.key)
        where = self.model.row_of(added.key)
        self.undo_stack.push(AddStepCommand(added, where, *self._args()))

    def remove_step(self) -> None:
        """Remove the selected step (undo puts it back)."""
        key = self.current_key()
        if key is None:
            return
        try:
            removed = self._services.milestones.remove_step(self.project_id, key)
        except DossierError as error:
            self.report(error)
            return
        self.undo_stack.push(RemoveStepCommand(removed, *self._args()))
        self.reload()
        neighbour = min(removed.position, self.model.rowCount() - 1)
        if neighbour >= 0:
            self.reload(self.model.milestone_at(neighbour).key)

    def rename_step(self) -> None:
        """Edit the selected step's title in place."""
        row = self.table.currentIndex().row()
        if row < 0:
            return
        index = self.model.index(row, COLUMNS.index("title"))
        self.table.setCurrentIndex(index)
        self.table.edit(index)
        editor = self.table.indexWidget(index)
        if isinstance(editor, QLineEdit):
            editor.selectAll()

    def move_step(self, delta: int) -> None:
        """Move the selected step up (-1) or down (+1)."""
        key = self.current_key()
        if key is None:
            return
        old = self.model.row_of(key)
        new = old + delta
        if not 0 <= new < self.model.rowCount():
            return
        try:
            self._services.milestones.move_step(self.project_id, key, new)
        except DossierError as error:
            self.report(error)
            return
        self.undo_stack.push(MoveStepCommand(key, old, new, *self._args()))
        self.reload(key)

    def take_baseline(self, name: str | None = None) -> None:
        """Freeze today's planned dates under a name, and measure drift against it."""
        if name is None:
            name, ok = QInputDialog.getText(
                self, self.tr("Take baseline"), self.tr("Name of the baseline:"), text=show_date(self.today)
            )
            if not ok:
                return
        try:
            taken = self._services.milestones.take_baseline(self.project_id, name)
        except DossierError as error:
            self.report(error)
            return
        self.reload(self.current_key())
        self.baseline.setCurrentIndex(max(0, self.baseline.findData(taken.name)))
