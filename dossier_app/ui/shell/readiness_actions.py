"""Menu actions for readiness, the conditions checklist and the comment register, and going where an item is fixed."""

from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog

from dossier_app.domain.errors import DossierError
from dossier_app.domain.readiness import Target, TargetKind
from dossier_app.ui.completeness.checklist_window import ChecklistWindow
from dossier_app.ui.completeness.readiness_window import ReadinessWindow
from dossier_app.ui.review.comment_register_window import CommentRegisterWindow
from dossier_app.ui.shared.messages import show_error

if TYPE_CHECKING:
    from dossier_app.ui.shell.window_host import WindowHost

W = TypeVar("W", bound=QDialog)


class ReadinessActions(QObject):
    """Owns the three windows of the current project and routes the dashboard's links."""

    data_changed = Signal()  # the checklist or the comment register changed something readiness counts

    def __init__(self, window: "WindowHost") -> None:
        super().__init__(window)
        self._window = window
        self.readiness_window: ReadinessWindow | None = None
        self.checklist_window: ChecklistWindow | None = None
        self.register_window: CommentRegisterWindow | None = None
        self.readiness_action = self._make(self.tr("Dossier readiness…"), "Ctrl+Shift+R", self.open_readiness)
        self.checklist_action = self._make(self.tr("Conditions checklist…"), "Ctrl+Shift+K", self.open_checklist)
        self.comments_action = self._make(self.tr("Comment register…"), "Ctrl+Shift+G", self.open_comment_register)

    @property
    def actions(self) -> tuple[QAction, ...]:
        """The menu entries, in menu order."""
        return (self.readiness_action, self.checklist_action, self.comments_action)

    def _make(self, text: str, shortcut: str, slot) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self._window)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _show(self, current: W | None, build: type[W], *args: object) -> W | None:
        """The open window of this kind for the current project, or a new one."""
        project_id = self._window.current_project_id
        if project_id is None:
            return None
        if current is not None and getattr(current, "project_id", None) == project_id:
            current.show()
            current.raise_()
            current.activateWindow()
            return current
        if current is not None:
            current.close()
        try:
            widget = build(self._window.services, project_id, *args, self._window)  # type: ignore[call-arg, arg-type]
        except DossierError as error:
            show_error(self._window, error)
            return None
        widget.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        widget.show()
        return widget

    def open_readiness(self) -> ReadinessWindow | None:
        """Open the dashboard of the current project."""
        fresh = self.readiness_window is None or self.readiness_window.project_id != self._window.current_project_id
        shown = self._show(self.readiness_window, ReadinessWindow, self._window.language)
        if shown is not None and fresh:
            shown.target_chosen.connect(self.go_to)
            shown.destroyed.connect(lambda _=None, w=shown: self._forget("readiness_window", w))
        elif shown is not None:
            shown.refresh()
        self.readiness_window = shown
        return shown

    def open_checklist(self) -> ChecklistWindow | None:
        """Open the conditions checklist of the current project."""
        fresh = self.checklist_window is None or self.checklist_window.project_id != self._window.current_project_id
        shown = self._show(self.checklist_window, ChecklistWindow, self._window.language)
        if shown is not None and fresh:
            shown.section_chosen.connect(self.open_section)
            shown.changed.connect(self._refresh_readiness)
            shown.destroyed.connect(lambda _=None, w=shown: self._forget("checklist_window", w))
        self.checklist_window = shown
        return shown

    def open_comment_register(self) -> CommentRegisterWindow | None:
        """Open the comment register of the current project."""
        fresh = self.register_window is None or self.register_window.project_id != self._window.current_project_id
        shown = self._show(self.register_window, CommentRegisterWindow)
        if shown is not None and fresh:
            shown.section_chosen.connect(self.open_section)
            shown.changed.connect(self._refresh_readiness)
            shown.destroyed.connect(lambda _=None, w=shown: self._forget("register_window", w))
        self.register_window = shown
        return shown

    def _forget(self, name: str, widget: QDialog) -> None:
        """Drop the reference to a closed window, unless a newer one took its place."""
        if getattr(self, name) is widget:
            setattr(self, name, None)

    def _refresh_readiness(self) -> None:
        if self.readiness_window is not None:
            self.readiness_window.refresh()
        self.data_changed.emit()

    def open_section(self, section_id: int) -> None:
        """Bring the main window forward with the section open."""
        window = self._window
        window.select_section(section_id)
        window.raise_()
        window.activateWindow()

    def go_to(self, target: Target) -> None:
        """Open where a readiness item is fixed."""
        window = self._window
        if target.kind is TargetKind.SECTION:
            self.open_section(int(target.ref))
        elif target.kind is TargetKind.ATTACHMENT:
            if target.section_id is not None:
                self.open_section(target.section_id)
            window.tabs.setCurrentWidget(window.attachments)
        elif target.kind in (TargetKind.CONDITION, TargetKind.CRITERION):
            checklist = self.open_checklist()
            if checklist is not None and target.kind is TargetKind.CONDITION:
                checklist.select_condition(target.ref)
            elif checklist is not None:
                checklist.facts_button.setFocus()
        elif target.kind is TargetKind.COMMENT:
            register = self.open_comment_register()
            if register is not None:
                register.select_comment(int(target.ref))
        elif target.kind is TargetKind.MILESTONE:
            window.window_actions.open_milestones()
