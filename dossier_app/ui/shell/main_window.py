"""The main window: navigator, section editor, guidance, revisions, attachments and search."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from dossier_app.domain.enums import Role, SectionState
from dossier_app.domain.errors import DossierError, StorageBusy
from dossier_app.domain.lifecycle import ALLOWED, Action
from dossier_app.ui.shared.help_window import help_launcher
from dossier_app.ui.shared.i18n import error_text
from dossier_app.ui.shared.messages import show_error
from dossier_app.ui.shared.settings import UiSettings
from dossier_app.ui.shell.navigator import ID_ROLE, KIND_ROLE, PROJECT_ROLE, NavigatorModel, NodeKind

if TYPE_CHECKING:
    from dossier_app.services import Services
    from dossier_app.services.accounts.accounts import AccountView
    from dossier_app.services.dossier.dossiers import SaveResult, SectionView

# The panes and menus the window is made of: they import the services and through them the database libraries, so
# the frame imports them only when it is given its services (and the start preloads them on a thread meanwhile).
WORKSPACE_MODULES = (
    "dossier_app.ui.dossier.attachments_pane",
    "dossier_app.ui.dossier.guidance_pane",
    "dossier_app.ui.dossier.revisions_pane",
    "dossier_app.ui.dossier.search_panel",
    "dossier_app.ui.dossier.section_editor",
    "dossier_app.ui.review.comments_pane",
    "dossier_app.ui.review.queue_pane",
    "dossier_app.ui.review.review_bar",
    "dossier_app.ui.shell.project_home",
    "dossier_app.ui.shell.structure_actions",
    "dossier_app.ui.shell.window_actions",
)


def preload_workspace() -> None:
    """Import the window's panes ahead of need (on a thread, while a person signs in)."""
    import importlib

    for name in WORKSPACE_MODULES:
        importlib.import_module(name)


# F1: the section of the user guide (docs/huong-dan-su-dung.md) for each pane of the window and for its states.
HELP_SECTIONS = {
    "search": "tim-kiem",
    "queue": "viec-can-xu-ly",
    "review_bar": "trinh-duyet",
    "revisions": "phien-ban",
    "attachments": "tep-dinh-kem",
    "comments": "y-kien",
    "guidance": "soan-thao",
    "editor": "soan-thao",
    "home": "cua-so-chinh",
    "returned": "sua-khi-bi-tra-lai",
    "signing_in": "dang-nhap",
}
# The panes whose keyboard focus decides the section, in this order.
PANES_WITH_HELP = (
    "search",
    "queue",
    "review_bar",
    "revisions",
    "attachments",
    "comments",
    "guidance",
    "editor",
    "home",
)


class _FirstPaint(QObject):
    """Calls back once, on the turn of the event loop after the watched window's first paint.

    A window that gets no paint event (shown minimised, say) still goes on after `fallback_ms`.
    """

    def __init__(self, window: QMainWindow, callback: Callable[[], object], fallback_ms: int = 1000) -> None:
        super().__init__(window)
        self._callback = callback
        self._done = False
        QTimer.singleShot(fallback_ms, self, self._call)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Wait for the first Paint, then step aside."""
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._call)
        return False

    def _call(self) -> None:
        if not self._done:
            self._done = True
            self.parent().removeEventFilter(self)
            self._callback()
            self.deleteLater()


class MainWindow(QMainWindow):
    """Composes the panes; every action goes through the services it was given."""

    rebuild_requested = Signal()

    def __init__(
        self,
        services: Services | None,
        settings: UiSettings,
        language: str,
        account: AccountView | None = None,
        *,
        load_now: bool = True,
    ) -> None:
        """Without services the window is a frame that paints at once; `attach` fills it once the database is open.

        `load_now=False`: the window paints first and the caller runs load_data() right after (a faster start).
        """
        super().__init__()
        self.account = account
        self.setObjectName("mainWindow")
        self.settings = settings
        self.language = language
        self.attached = False
        self.undo_stack = QUndoStack(self)
        self._current_section: SectionView | None = None
        self._current_project_id: int | None = None
        self._restoring_selection = False
        self._closing_checked = False
        self.file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.section_menu = self.menuBar().addMenu(self.tr("&Section"))
        self.dossier_menu = self.menuBar().addMenu(self.tr("&Dossier"))
        self.clearance_menu = self.menuBar().addMenu(self.tr("&Land clearance"))
        self.admin_menu = self.menuBar().addMenu(self.tr("&Administration"))
        self.help_menu = self.menuBar().addMenu(self.tr("&Help"))
        for menu in self.menus():
            menu.setToolTipsVisible(True)  # a greyed-out command's tooltip says why
        self._enable_menus(False)  # empty until the database is open and the person signed in
        self.opening_label = QLabel(self.tr("Opening the database…"), self)
        self.opening_label.setObjectName("openingLabel")
        self.opening_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.opening_label.setStyleSheet("color: #666; font-size: 12pt")
        self.setCentralWidget(self.opening_label)
        if self.settings.geometry is not None:
            self.restoreGeometry(self.settings.geometry)
        else:
            self.resize(1440, 860)
        self._update_title()
        if services is not None:
            self.attach(services, account, load_now=load_now)

    def attach(self, services: Services, account: AccountView | None, *, load_now: bool = True) -> None:
        """Build the panes and menus on the opened database, for the signed-in account."""
        from dossier_app.ui.dossier.attachments_pane import AttachmentsPane
        from dossier_app.ui.dossier.guidance_pane import GuidancePane
        from dossier_app.ui.dossier.revisions_pane import RevisionsPane
        from dossier_app.ui.dossier.search_panel import SearchPanel
        from dossier_app.ui.dossier.section_editor import SectionEditor
        from dossier_app.ui.review.comments_pane import CommentsPane
        from dossier_app.ui.review.queue_pane import QueuePane
        from dossier_app.ui.review.review_bar import ReviewBar
        from dossier_app.ui.shell.project_home import ProjectHomePane
        from dossier_app.ui.shell.structure_actions import StructureActions
        from dossier_app.ui.shell.window_actions import WindowActions

        self.services = services
        self.account = account
        settings, language = self.settings, self.language
        self.model = NavigatorModel(services, self)
        self.navigator = QTreeView(self)
        self.navigator.setObjectName("navigator")
        self.navigator.setModel(self.model)
        self.navigator.setHeaderHidden(True)
        self.navigator.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.navigator.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.navigator.setUniformRowHeights(True)
        self.navigator.setAllColumnsShowFocus(True)
        self.search = SearchPanel(services, self)
        self.editor = SectionEditor(services, self)
        self.section_header = QLabel(self)
        self.section_header.setObjectName("sectionHeader")
        self.section_header.setWordWrap(True)
        self.section_header.setTextFormat(Qt.TextFormat.RichText)
        self.section_header.setContentsMargins(10, 6, 10, 6)
        self.guidance = GuidancePane(language, self)
        self.revisions = RevisionsPane(services, self)
        self.attachments = AttachmentsPane(services, settings, self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("sideTabs")
        self.tabs.tabBar().setExpanding(False)
        self.tabs.setElideMode(Qt.TextElideMode.ElideNone)
        self.tabs.addTab(self.guidance, self.tr("Guidance"))
        self.tabs.addTab(self.revisions, self.tr("Revisions"))
        self.tabs.addTab(self.attachments, self.tr("Attachments"))
        self.comments = CommentsPane(services, lambda: self.editor.text.textCursor().selectedText(), self)
        self.tabs.addTab(self.comments, self.tr("Comments"))
        self.queue = QueuePane(services, account, self)
        self.left_tabs = QTabWidget(self)
        self.left_tabs.setObjectName("leftTabs")
        self.left_tabs.addTab(self.search, self.tr("Search"))
        self.queue_tab = self.left_tabs.addTab(self.queue, self.tr("Work queue"))
        self.review_bar = ReviewBar(services, account, self)
        self.review_bar.save_first = self.editor.save_now

        self.left_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.left_splitter.setObjectName("leftSplitter")
        self.left_splitter.addWidget(self.navigator)
        self.left_splitter.addWidget(self.left_tabs)
        self.left_splitter.setStretchFactor(0, 3)
        self.left_splitter.setStretchFactor(1, 1)
        editor_column = QWidget(self)
        column_layout = QVBoxLayout(editor_column)
        column_layout.setContentsMargins(0, 0, 0, 0)
        column_layout.setSpacing(0)
        column_layout.addWidget(self.section_header)
        column_layout.addWidget(self.review_bar)
        column_layout.addWidget(self.editor)
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.main_splitter.setObjectName("mainSplitter")
        self.main_splitter.addWidget(self.left_splitter)
        self.home = ProjectHomePane(services, language, self)
        self.centre = QStackedWidget(self)
        self.centre.setObjectName("centre")
        self.centre.addWidget(editor_column)
        self.centre.addWidget(self.home)
        self.editor_column = editor_column
        self.main_splitter.addWidget(self.centre)
        self.main_splitter.addWidget(self.tabs)
        self.main_splitter.setStretchFactor(0, 2)
        self.main_splitter.setStretchFactor(1, 5)
        self.main_splitter.setStretchFactor(2, 2)
        self.main_splitter.setSizes([360, 620, 460])
        self.setCentralWidget(self.main_splitter)
        self.opening_label = None

        self.words_label = QLabel(self)
        self.save_label = QLabel(self)
        self.location_label = QLabel(
            self.tr("Database: {location}").format(location=services.database.display_location), self
        )
        self.location_label.setStyleSheet("color: #666")
        self.location_label.setMinimumWidth(1)  # a long path gives way to the sync line, whole in the tooltip
        self.location_label.setToolTip(self.location_label.text())
        self.statusBar().addWidget(self.location_label, 1)
        if account is not None:
            self.account_label = QLabel(
                self.tr("Signed in: {name}").format(name=account.display_name or account.username), self
            )
            self.statusBar().addPermanentWidget(self.account_label)
        self.statusBar().addPermanentWidget(self.save_label)
        self.statusBar().addPermanentWidget(self.words_label)

        self.editor.writable = self.may(Action.EDIT)
        self.attachments.writable = self.may(Action.EDIT)
        self.revisions.writable = self.may(Action.EDIT)
        self.structure = StructureActions(self)
        self.window_actions = WindowActions(self)
        self.palette_action = QAction(self.tr("Find a command…"), self)
        self.palette_action.setShortcut(QKeySequence("Ctrl+K"))
        self.palette_action.triggered.connect(self.open_command_palette)
        self.guide_action = QAction(self.tr("User guide"), self)
        self.guide_action.setShortcut(QKeySequence("F1"))
        self.guide_action.triggered.connect(self.open_guide)
        self.help_menu.insertAction(self.window_actions.about_action, self.guide_action)
        help_launcher()  # F1 in every window and dialog, not only where the menu's shortcut reaches
        self.help_menu.insertAction(self.window_actions.about_action, self.palette_action)
        self.help_menu.insertSeparator(self.window_actions.about_action)
        from dossier_app.ui.shell.sync_panel import SyncPanel

        self.sync_panel = SyncPanel(self, services, settings, account)
        self.statusBar().addPermanentWidget(self.sync_panel.label)
        for action in self.sync_panel.actions():
            self.file_menu.insertAction(self.window_actions.backups_action, action)
        self.file_menu.insertSeparator(self.window_actions.backups_action)
        self.sync_panel.synced.connect(self._after_sync)
        self.attached = True
        self._enable_menus(True)
        self._connect()
        self._restore_layout()
        self._update_title()
        self._show_section(None)
        if load_now:
            self.load_data()

    def open_guide(self) -> None:
        """F1, Trợ giúp › Hướng dẫn sử dụng: the guide at the section for what is in front."""
        help_launcher().show_anchor(self.help_anchor())

    def help_anchor(self) -> str:
        """The guide's section for what the person is doing: the pane with the keyboard, else what is shown."""
        if not self.attached:
            return HELP_SECTIONS["signing_in"]
        focus = self.focusWidget()
        for name in PANES_WITH_HELP:
            pane = getattr(self, name)
            if focus is not None and (focus is pane or pane.isAncestorOf(focus)):
                return HELP_SECTIONS[name]
        if self.centre.currentWidget() is self.home or self.current_section is None:
            return HELP_SECTIONS["home"]
        review = self.review_bar.review
        if review is not None and review.state is SectionState.CHANGES_REQUESTED:
            return HELP_SECTIONS["returned"]
        for name in ("revisions", "attachments", "comments"):
            if self.tabs.currentWidget() is getattr(self, name):
                return HELP_SECTIONS[name]
        return HELP_SECTIONS["editor"]

    def open_command_palette(self) -> None:
        """Ctrl+K: find any command of the menus by name and run it."""
        from dossier_app.ui.shell.command_palette import open_palette

        open_palette(self, self.menuBar(), leave_out=self.palette_action)

    def menus(self) -> tuple[QMenu, ...]:
        """The menu bar's menus, in order."""
        return (
            self.file_menu,
            self.edit_menu,
            self.section_menu,
            self.dossier_menu,
            self.clearance_menu,
            self.admin_menu,
            self.help_menu,
        )

    def _enable_menus(self, enabled: bool) -> None:
        for menu in self.menus():
            menu.menuAction().setEnabled(enabled)

    def load_data(self) -> None:
        """Fill the navigator and the work queue from the database."""
        self._reload_model()
        self.queue.refresh()
        self.navigator.expandToDepth(0)
        self.window_actions.sync()

    def load_after_first_paint(self, then: Callable[[], None] | None = None) -> None:
        """Let the window paint its frame first, then fill it (and run `then`): the start shows a window at once."""
        self.after_first_paint(lambda: (self.load_data(), then() if then else None))

    def after_first_paint(self, callback: Callable[[], object]) -> None:
        """Run `callback` once the window has painted (the start opens the database then)."""
        self.installEventFilter(_FirstPaint(self, callback))

    # Wiring --------------------------------------------------------------------

    def _connect(self) -> None:
        self.navigator.selectionModel().currentChanged.connect(self._on_current_changed)
        self.editor.saved.connect(self._on_saved)
        self.editor.save_failed.connect(self._on_save_failed)
        self.editor.conflict.connect(self._on_conflict)
        self.editor.words_changed.connect(self._on_words_changed)
        self.editor.dirty_changed.connect(self._on_dirty_changed)
        self.revisions.restore_requested.connect(self.restore_revision)
        self.search.hit_chosen.connect(self.jump_to_hit)
        self.review_bar.changed.connect(self._after_review)
        self.comments.changed.connect(self.review_bar.refresh)
        self.editor.text.selectionChanged.connect(self.comments.update_quote)
        self.queue.open_section.connect(self.select_section)
        self.queue.count_changed.connect(self._label_queue)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self._connect_home()

    def _connect_home(self) -> None:
        """Each line of the project home opens its place through the window's own actions; changes made
        elsewhere make the home read its figures again."""
        home, actions = self.home, self.window_actions
        home.readiness_requested.connect(actions.readiness.open_readiness)
        home.item_chosen.connect(actions.readiness.go_to)
        home.section_chosen.connect(self.select_section)
        home.queue_requested.connect(self.show_queue)
        home.register_requested.connect(actions.open_register)
        home.dashboard_requested.connect(actions.open_dashboard)
        home.milestone_chosen.connect(actions.open_milestone)
        home.consultations_requested.connect(actions.open_consultations)
        home.consultation_chosen.connect(actions.open_consultation)
        home.export_requested.connect(actions.open_export)
        home.history_requested.connect(actions.open_export_history)
        actions.data_changed.connect(home.refresh_if_shown)
        self.review_bar.changed.connect(home.refresh_if_shown)

    def show_queue(self) -> None:
        """Bring the work queue to the front, with the keyboard in it."""
        self.left_tabs.setCurrentWidget(self.queue)
        self.queue.setFocus()

    def changeEvent(self, event: QEvent) -> None:
        """Back from another window (the register, the plan, a dialog): the home reads its figures again."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.attached and self.isActiveWindow():
            self.home.refresh_if_shown()

    def may(self, action: Action) -> bool:
        """Whether the signed-in account's roles allow an action (the services refuse it anyway)."""
        account = self.account
        return account is None or (not account.disabled and bool(account.roles & ALLOWED[action]))

    # Selection -----------------------------------------------------------------

    def current_kind(self) -> NodeKind | None:
        """What the navigator's current row is."""
        index = self.navigator.currentIndex()
        return NodeKind(index.data(KIND_ROLE)) if index.isValid() else None

    def current_id(self) -> int | None:
        """The id of the navigator's current row."""
        index = self.navigator.currentIndex()
        return int(index.data(ID_ROLE)) if index.isValid() else None

    @property
    def current_project_id(self) -> int | None:
        """The project the user is working in."""
        return self._current_project_id

    @property
    def current_section(self) -> SectionView | None:
        """The section in the editor."""
        return self._current_section

    def _on_current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._restoring_selection:
            return
        if not self.editor.save_now():
            self._restoring_selection = True
            self.navigator.setCurrentIndex(previous)
            self._restoring_selection = False
            return
        if not current.isValid():
            self._show_section(None)
            return
        self._current_project_id = int(current.data(PROJECT_ROLE))
        self.search.set_project(self._current_project_id)
        if NodeKind(current.data(KIND_ROLE)) is NodeKind.SECTION:
            self.open_section(int(current.data(ID_ROLE)))
        else:
            self._show_section(None)
            self.show_home(self._current_project_id)
        self.structure.sync()
        self.window_actions.sync()

    def open_section(self, section_id: int) -> None:
        """Load a section into the editor and the side panes."""
        try:
            section = self.services.dossiers.section(section_id)
        except DossierError as error:
            show_error(self, error)
            self.reload_navigator(None)
            return
        self._show_section(section)

    def _show_section(self, section: SectionView | None) -> None:
        self._current_section = section
        self.centre.setCurrentWidget(self.editor_column)
        self.tabs.show()
        if section is None:
            self.editor.clear()
            self.section_header.setText(
                "<span style='color:#666'>" + self.tr("Choose a section in the navigator to start writing.") + "</span>"
            )
        else:
            self.editor.load(section)
            self._current_project_id = section.project_id
            self._show_header(section)
        self.guidance.show_section(section)
        self._show_panes(section)
        self._update_save_label(None)

    def _show_header(self, section: SectionView) -> None:
        self.section_header.setText(
            f"<span style='color:#666'>{escape(section.project_code)} › {escape(section.document_title)}</span><br>"
            f"<b style='font-size:13pt'>{escape(section.title)}</b>"
        )

    def _show_panes(self, section: SectionView | None) -> None:
        """The section's review bar, comments, history and files read again, and the window title."""
        section_id = section.id if section else None
        self.review_bar.show_section(section_id, section.title if section else "")
        self.comments.show_section(section_id)
        self.revisions.show_section(section_id)
        self.attachments.show_section(section_id)
        self._update_title()

    def show_home(self, project_id: int) -> None:
        """Show the project's home in the centre, with the room of the section's side panes (empty without a section):
        its figures, each opening where it is dealt with."""
        self.centre.setCurrentWidget(self.home)
        self.tabs.hide()
        self.home.show_project(project_id)

    def select_section(self, section_id: int | None) -> None:
        """Make a section current in the navigator (and so in the editor)."""
        if section_id is None:
            return
        index = self.model.index_of_section(section_id)
        if index.isValid():
            self.navigator.setCurrentIndex(index)
            self.navigator.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.navigator.scrollTo(index)

    def select_project(self, project_id: int) -> None:
        """Make a project current and expand it."""
        index = self.model.index_of_project(project_id)
        if index.isValid():
            self.navigator.setCurrentIndex(index)
            self.navigator.expand(index)

    def _after_sync(self) -> None:
        """What the sync brought in: the tree, the queues and the home read again, the open section kept."""
        self.reload_navigator(None)
        self._show_newer_text()
        self.queue.refresh()
        self.window_actions.data_changed.emit()

    def _show_newer_text(self) -> None:
        """The open section as the sync left it: its text (another desk's edit, or ours merged with it) where the
        reader was, its history, comments, files and review state. Typing not yet saved stays as it is: its save
        meets the newer text in the conflict dialog, as any save after another's does."""
        shown = self._current_section
        if shown is None or self.editor.section is None:
            return
        try:
            stored = self.services.dossiers.section(shown.id)
        except DossierError:
            return  # gone: reload_navigator has cleared it
        if not self.editor.is_dirty and stored.version != self.editor.version:
            self._current_section = stored
            self.editor.show_newer(stored)
            self.statusBar().showMessage(self.tr("The open section was updated by the sync."), 8000)
        self._show_header(stored)  # a title renamed on another desk
        self._show_panes(stored)

    def reload_navigator(self, select_section_id: int | None) -> None:
        """Rebuild the tree after a structural change, keeping what was expanded."""
        expanded = self._expanded_keys()
        self._restoring_selection = True
        self._reload_model()
        self._restore_expanded(expanded)
        self._restoring_selection = False
        if select_section_id is not None and self.model.index_of_section(select_section_id).isValid():
            self.select_section(select_section_id)
            if self._current_section is None or self._current_section.id != select_section_id:
                self.open_section(select_section_id)
        elif self._current_section is not None:
            still_there = self.model.index_of_section(self._current_section.id)
            if still_there.isValid():
                self._restoring_selection = True
                self.navigator.setCurrentIndex(still_there)
                self._restoring_selection = False
            else:
                self._show_section(None)
        self.structure.sync()
        self.window_actions.sync()

    def _reload_model(self) -> None:
        """Read the tree again and size its columns: the titles take the width, the counts what they need (a reload
        clears the columns, and with them how they were sized: after a sync the titles were cut to a few letters)."""
        self.model.reload()
        header = self.navigator.header()  # the sections exist once the model has its columns
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)

    def _expanded_keys(self) -> set[tuple[int, int]]:
        keys: set[tuple[int, int]] = set()
        pending = [QModelIndex()]
        while pending:
            parent = pending.pop()
            for row in range(self.model.rowCount(parent)):
                index = self.model.index(row, 0, parent)
                if self.navigator.isExpanded(index):
                    keys.add((int(index.data(KIND_ROLE)), int(index.data(ID_ROLE))))
                    pending.append(index)
        return keys

    def _restore_expanded(self, keys: set[tuple[int, int]]) -> None:
        pending = [QModelIndex()]
        while pending:
            parent = pending.pop()
            for row in range(self.model.rowCount(parent)):
                index = self.model.index(row, 0, parent)
                if (int(index.data(KIND_ROLE)), int(index.data(ID_ROLE))) in keys:
                    self.navigator.expand(index)
                    pending.append(index)

    # Saving --------------------------------------------------------------------

    def _after_review(self) -> None:
        """A review action changed a state: refresh the navigator icon, the queues and the comment thread."""
        self._show_review_state()
        self.queue.refresh()
        self.comments.refresh()

    def _show_review_state(self) -> None:
        review = self.review_bar.review
        if review is not None:
            self.model.set_review_state(review.section_id, review.state, review.changed_since_approval)

    def _label_queue(self, count: int) -> None:
        label = self.tr("Work queue")
        self.left_tabs.setTabText(self.queue_tab, f"{label} ({count})" if count else label)

    def _on_saved(self, result: SaveResult) -> None:
        self.model.update_section(result.section_id, result.word_count)
        if result.revision is not None:
            self.revisions.add_revision(result.revision)
        self._update_save_label(result)
        review = self.review_bar.review
        if review is None or (review.state is SectionState.DRAFT and review.approved_revision_id is None):
            return  # a plain draft stays a plain draft: no need to re-read the review state on every autosave
        self.review_bar.refresh()
        if self.review_bar.review is not None and self.review_bar.review.state != review.state:
            self._show_review_state()
            self.queue.refresh()

    def _on_dirty_changed(self, dirty: bool) -> None:
        self.setWindowModified(dirty)
        if dirty:
            self.save_label.setText(self.tr("Unsaved changes…"))

    def _update_save_label(self, result: SaveResult | None) -> None:
        if result is None:
            self.save_label.setText("")
        else:
            self.save_label.setText(self.tr("Saved at {time}").format(time=datetime.now().strftime("%H:%M:%S")))

    def _on_conflict(self, stored: SectionView) -> None:
        from dossier_app.ui.dossier.conflict_dialog import ConflictChoice, ConflictDialog

        dialog = ConflictDialog(stored, self.editor.markdown(), self)
        dialog.exec()
        if dialog.choice is ConflictChoice.KEEP_MINE:
            self.editor.keep_mine(dialog.merged_markdown())
            self.revisions.refresh()
        elif dialog.choice is ConflictChoice.TAKE_THEIRS:
            self._show_section(stored)

    def restore_revision(self, revision_id: int) -> None:
        """Save what is typed, then bring back an old revision as a new one."""
        if not self.editor.save_now() or self._current_section is None:
            return
        try:
            result = self.services.dossiers.restore_revision(revision_id)
        except DossierError as error:
            show_error(self, error)
            return
        self.open_section(result.section_id)
        self.model.update_section(result.section_id, result.word_count)
        self.revisions.refresh()
        self.statusBar().showMessage(self.tr("Revision restored as a new revision."), 5000)

    # Search --------------------------------------------------------------------

    def jump_to_hit(self, section_id: int, folded_query: str) -> None:
        """Open the section of a search result and mark the matches."""
        if self._current_section is None or self._current_section.id != section_id:
            self.select_section(section_id)
        if self._current_section is not None and self._current_section.id == section_id:
            self.editor.highlight(folded_query)

    # Window --------------------------------------------------------------------

    def _on_save_failed(self, error: DossierError) -> None:
        if isinstance(error, StorageBusy):  # a passing lock: say so quietly, the editor retries by itself
            self.save_label.setText(self.tr("Not saved yet: the database is busy"))
            self.statusBar().showMessage(error_text(error), 8000)
            return
        show_error(self, error)

    def _on_words_changed(self, count: int) -> None:
        self.words_label.setText(self.tr("{count} words").format(count=count))

    def _on_clean_changed(self, _clean: bool) -> None:
        """A bound slot, so Qt drops the connection when the window is destroyed."""
        self._update_title()

    def _update_title(self) -> None:
        parts = []
        if self._current_section is not None:
            parts.append(f"{self._current_section.project_code} — {self._current_section.title}[*]")
        parts.append(self.tr("Park establishment dossier"))
        self.setWindowTitle(" — ".join(parts))

    def _restore_layout(self) -> None:
        if self.settings.window_state is not None:
            self.restoreState(self.settings.window_state)
        for name, splitter in (("main", self.main_splitter), ("left", self.left_splitter)):
            state = self.settings.splitter(name)
            if state is not None:
                splitter.restoreState(state)

    def save_layout(self) -> None:
        """Remember geometry, splitters and the open section."""
        self.settings.geometry = self.saveGeometry()
        self.settings.window_state = self.saveState()
        self.settings.set_splitter("main", self.main_splitter.saveState())
        self.settings.set_splitter("left", self.left_splitter.saveState())
        self.settings.set_last_section(
            self.services.database.display_location,
            self._current_project_id,
            self._current_section.id if self._current_section else None,
            person=self._person(),
        )
        self.settings.sync()

    def restore_last_place(self) -> None:
        """Reopen the project and section the user had open last time."""
        project_id, section_id = self.settings.last_section(
            self.services.database.display_location, person=self._person()
        )
        if section_id is not None and self.model.index_of_section(section_id).isValid():
            self.select_section(section_id)
        elif project_id is not None and self.model.index_of_project(project_id).isValid():
            self.select_project(project_id)
        elif self.model.rowCount() > 0:
            self.navigator.expand(self.model.index(0, 0))

    def _person(self) -> str:
        return self.account.username if self.account is not None else ""

    def land_on_work(self) -> None:
        """After sign-in: a manager on the oldest section waiting for approval with its approval view open, an
        officer on the first section returned to them, with the work queue in front; a clerk on the readiness of the
        project closest to final; otherwise back where this person left off (an administrator with the accounts open
        over it)."""
        account = self.account
        waiting: list[int] = []
        approving = False
        try:
            if account is not None and account.has_role(Role.MANAGER):
                waiting = [item.section_id for item in self.services.reviews.submitted_queue()]
                approving = bool(waiting)
            if not waiting and account is not None and account.has_role(Role.OFFICER):
                waiting = [item.section_id for item in self.services.reviews.returned_queue(account.username)]
        except DossierError:
            waiting = []  # a queue this person may not read: the usual start
        if waiting and self.model.index_of_section(waiting[0]).isValid():
            self.select_section(waiting[0])
            self.left_tabs.setCurrentWidget(self.queue)
            if approving:
                self.review_bar.show_approval()  # the redline of the oldest submission, ready to approve or return
            return
        if account is not None and account.has_role(Role.CLERK) and self._land_on_readiness():
            return
        self.restore_last_place()
        if account is not None and account.has_role(Role.ADMIN):
            from dossier_app.ui.accounts.accounts_dialog import AccountsDialog

            self.accounts_dialog = AccountsDialog(self.services, self)
            self.accounts_dialog.open()  # over the window, without holding up the start

    def _land_on_readiness(self) -> bool:
        """A clerk: the readiness of the project closest to a final export (fewest red items), beside the window."""
        from dossier_app.domain.readiness import Light

        try:
            projects = self.services.projects.summaries()
            reds = {p.id: self.services.readiness.report(p.id).count(Light.RED) for p in projects}
        except DossierError:
            return False
        if not reds:
            return False
        closest = min(reds, key=lambda project_id: (reds[project_id], project_id))
        self.select_project(closest)
        self.window_actions.readiness.open_readiness()
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save the open section first; never lose typing silently."""
        if not self.attached:  # closed before the database opened: nothing typed yet
            event.accept()
            return
        if not self.editor.save_now():
            answer = QMessageBox.question(
                self,
                self.tr("Close without saving?"),
                self.tr("The section could not be saved. Close anyway and lose the unsaved typing?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        self.save_layout()
        event.accept()

    def request_rebuild(self) -> None:
        """Save everything, then ask the application to rebuild the window (language change)."""
        if self.editor.save_now():
            self.save_layout()
            QTimer.singleShot(0, self.rebuild_requested.emit)
