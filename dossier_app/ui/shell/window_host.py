"""What the menu actions need of the main window, so they depend on this shape and not on the window's module."""

from typing import Protocol

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMenu, QStatusBar, QTabWidget, QTreeView

from dossier_app.domain.lifecycle import Action
from dossier_app.services import Services
from dossier_app.services.accounts.accounts import AccountView
from dossier_app.services.dossier.dossiers import SectionView
from dossier_app.ui.dossier.attachments_pane import AttachmentsPane
from dossier_app.ui.dossier.search_panel import SearchPanel
from dossier_app.ui.dossier.section_editor import SectionEditor
from dossier_app.ui.shared.settings import UiSettings
from dossier_app.ui.shell.navigator import NavigatorModel, NodeKind


class MilestonesOpener(Protocol):
    """The File menu's part that readiness links use to open the milestone plan."""

    def open_milestones(self) -> None:
        """Open the current project's milestone plan."""


class WindowHost(Protocol):
    """The main window as its File, Section and readiness actions see it."""

    services: Services
    settings: UiSettings
    language: str
    account: AccountView | None
    undo_stack: QUndoStack
    model: NavigatorModel
    navigator: QTreeView
    search: SearchPanel
    editor: SectionEditor
    attachments: AttachmentsPane
    tabs: QTabWidget
    left_tabs: QTabWidget
    file_menu: QMenu
    edit_menu: QMenu
    section_menu: QMenu
    dossier_menu: QMenu
    clearance_menu: QMenu
    admin_menu: QMenu
    help_menu: QMenu
    window_actions: MilestonesOpener

    @property
    def current_project_id(self) -> int | None:
        """The project the user is working in."""

    @property
    def current_section(self) -> SectionView | None:
        """The section in the editor."""

    def may(self, action: Action) -> bool:
        """Whether the signed-in account may do an action."""

    def current_kind(self) -> NodeKind | None:
        """What the navigator's current row is."""

    def current_id(self) -> int | None:
        """The id of the navigator's current row."""

    def open_section(self, section_id: int) -> None:
        """Show a section in the editor."""

    def select_section(self, section_id: int | None) -> None:
        """Select a section in the navigator."""

    def select_project(self, project_id: int) -> None:
        """Select a project in the navigator."""

    def reload_navigator(self, select_section_id: int | None) -> None:
        """Rebuild the navigator, then select a section."""

    def request_rebuild(self) -> None:
        """Rebuild the window, for a new interface language."""

    def statusBar(self) -> QStatusBar:
        """The window's status bar."""

    def close(self) -> bool:
        """Close the window."""

    def raise_(self) -> None:
        """Bring the window to the front."""

    def activateWindow(self) -> None:
        """Give the window the keyboard focus."""
