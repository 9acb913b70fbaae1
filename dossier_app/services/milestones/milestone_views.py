"""Read models of a milestone plan, as MilestoneService hands them to the window, the Gantt and the exports."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from dossier_app.domain.milestones import (
    Assessment,
    Baseline,
    Deadline,
    LandKind,
    Milestone,
    RegisterStep,
    Risk,
)


@dataclass(frozen=True)
class BaselineInfo:
    """A baseline as the plan lists it: its name, when and by whom it was taken."""

    name: str
    created_at: datetime
    created_by: str


@dataclass(frozen=True)
class RemovedStep:
    """A step that was removed and where it stood, so it can be put back exactly (undo)."""

    milestone: Milestone
    position: int


@dataclass(frozen=True)
class PlanView:
    """A project's plan as of `today`: steps in order with register-driven percents filled in, the legal deadlines,
    one assessment per step, the baselines, and the drift (in days) against the chosen `baseline`, if any."""

    project_id: int
    template_key: str
    land_kind: LandKind
    at_risk_days: int
    today: date
    milestones: tuple[Milestone, ...]
    register_steps: Mapping[str, RegisterStep]  # step key → the register step its percent comes from
    parties: int  # the parties of the project the register-driven percents count over
    deadlines: tuple[Deadline, ...]
    assessments: tuple[Assessment, ...]
    baselines: tuple[BaselineInfo, ...]
    baseline: Baseline | None = None
    drift: Mapping[str, int] = field(default_factory=dict)

    def milestone(self, key: str) -> Milestone:
        """One step by key (KeyError if the plan lacks it)."""
        for milestone in self.milestones:
            if milestone.key == key:
                return milestone
        raise KeyError(key)

    def position(self, key: str) -> int:
        """Where a step stands in the plan, from 0."""
        return [m.key for m in self.milestones].index(key)

    def deadlines_of(self, key: str) -> tuple[Deadline, ...]:
        """The legal deadlines bound to one step."""
        return tuple(deadline for deadline in self.deadlines if deadline.step == key)

    def assessment(self, key: str) -> Assessment:
        """The verdict on one step."""
        return next((a for a in self.assessments if a.key == key), Assessment(key, Risk.ON_TRACK))

    def is_register_driven(self, key: str) -> bool:
        """Whether the step's percent comes from the register (and cannot be typed)."""
        return key in self.register_steps
