"""Undoable edits of a milestone plan (edit a step, add, remove, move), replayed through MilestoneService."""

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QCoreApplication

from dossier_app.domain.errors import DossierError
from dossier_app.domain.milestones import Milestone
from dossier_app.services.milestones.milestones import MilestoneService, RemovedStep
from dossier_app.ui.shared.replay_command import ReplayCommand

Refresh = Callable[[str | None], None]  # reload the plan and select this step
ReportError = Callable[[DossierError], None]


class PlanCommand(ReplayCommand[str]):
    """An edit of the plan, replayed through MilestoneService; selects the step key afterwards."""

    def __init__(
        self, text: str, service: MilestoneService, project_id: int, refresh: Refresh, report: ReportError
    ) -> None:
        super().__init__(text, refresh, report)
        self._service = service
        self._project_id = project_id


def _tr(text: str) -> str:
    return QCoreApplication.translate("MilestoneCommands", text)


class EditStepCommand(PlanCommand):
    """A step's fields were changed; undo stores the old ones again."""

    def __init__(self, before: Milestone, after: Milestone, *args: object) -> None:
        super().__init__(_tr("Edit step {key}").format(key=before.key), *args)  # type: ignore[arg-type]
        self._before, self._after = before, after

    def _store(self, milestone: Milestone) -> str:
        # a register-driven percent is whatever the register says now, not what it said then
        current = self._service.plan(self._project_id)
        if current.is_register_driven(milestone.key):
            milestone = replace(milestone, percent=current.milestone(milestone.key).percent)
        self._service.update_step(self._project_id, milestone)
        return milestone.key

    def _forward(self) -> str | None:
        return self._store(self._after)

    def _backward(self) -> str | None:
        return self._store(self._before)


class AddStepCommand(PlanCommand):
    """A step was added; undo removes it, redo puts it back with the same key."""

    def __init__(self, milestone: Milestone, position: int, *args: object) -> None:
        super().__init__(_tr("Add step {key}").format(key=milestone.key), *args)  # type: ignore[arg-type]
        self._milestone, self._position = milestone, position

    def _forward(self) -> str | None:
        self._service.restore_step(self._project_id, self._milestone, self._position)
        return self._milestone.key

    def _backward(self) -> str | None:
        self._milestone = self._service.remove_step(self._project_id, self._milestone.key).milestone
        return None


class RemoveStepCommand(PlanCommand):
    """A step was removed; undo puts it back where it was, with its key and dates."""

    def __init__(self, removed: RemovedStep, *args: object) -> None:
        super().__init__(_tr("Remove step {key}").format(key=removed.milestone.key), *args)  # type: ignore[arg-type]
        self._removed = removed

    def _forward(self) -> str | None:
        self._removed = self._service.remove_step(self._project_id, self._removed.milestone.key)
        return None

    def _backward(self) -> str | None:
        self._service.restore_step(self._project_id, self._removed.milestone, self._removed.position)
        return self._removed.milestone.key


class MoveStepCommand(PlanCommand):
    """A step moved up or down; undo moves it back."""

    def __init__(self, key: str, old: int, new: int, *args: object) -> None:
        super().__init__(_tr("Move step {key}").format(key=key), *args)  # type: ignore[arg-type]
        self._key, self._old, self._new = key, old, new

    def _forward(self) -> str | None:
        self._service.move_step(self._project_id, self._key, self._new)
        return self._key

    def _backward(self) -> str | None:
        self._service.move_step(self._project_id, self._key, self._old)
        return self._key
