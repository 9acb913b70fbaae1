"""Milestone plans and their steps, baselines, review schedules and holidays."""

from datetime import date, datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field

import dossier_app.domain.models.dossier  # noqa: F401 - the tables its foreign keys name
from dossier_app.domain.models.columns import SyncedRow, moment_field

# The milestone plan of land recovery (DOMAIN.md §4; rules in domain/milestones.py) ---------------------


class MilestonePlan(SyncedRow, table=True):
    """A project's plan settings: the template it came from, the land kind its clocks use, the at-risk window."""

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", unique=True, ondelete="CASCADE")
    template_key: str = Field(max_length=40)
    land_kind: str = Field(max_length=20)
    at_risk_days: int = 7
    next_custom: int = 1  # the number of the next step a person adds (X1, X2, …); never reused
    updated_at: datetime = moment_field()
    updated_by: str = Field(default="", max_length=120)


class ReviewSchedule(SyncedRow, table=True):
    """The day a project's dossier was filed: the start of its regime's review clock."""

    project_id: int = Field(foreign_key="project.id", primary_key=True, ondelete="CASCADE")
    submitted_on: date | None = None


class Holiday(SyncedRow, table=True):
    """A day of the working-day calendar: a holiday off or a make-up Saturday; seeded from resources/holidays."""

    id: int | None = Field(default=None, primary_key=True)
    day: date = Field(unique=True, index=True)
    name: str = Field(max_length=200)
    kind: str = Field(default="off", max_length=10)


class MilestoneStep(SyncedRow, table=True):
    """One step of a project's plan; `key` stays the same through renames and moves (baselines refer to it)."""

    __table_args__ = (UniqueConstraint("project_id", "key"),)

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", index=True, ondelete="CASCADE")
    key: str = Field(max_length=20)
    title: str = Field(max_length=300)
    position: int = 0
    planned_start: date | None = None
    planned_end: date | None = None
    actual_start: date | None = None
    actual_end: date | None = None
    responsible: str = Field(default="", max_length=300)
    status: str = Field(default="not_started", max_length=20)
    percent: int = 0


class MilestoneBaseline(SyncedRow, table=True):
    """A named snapshot of a plan's planned dates; its entries are only ever written once."""

    __table_args__ = (UniqueConstraint("project_id", "name"),)

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", index=True, ondelete="CASCADE")
    name: str = Field(max_length=120)
    created_at: datetime = moment_field()
    created_by: str = Field(default="", max_length=120)


class BaselineEntry(SyncedRow, table=True):
    """The planned dates of one step as a baseline froze them."""

    __table_args__ = (UniqueConstraint("baseline_id", "key"),)

    id: int | None = Field(default=None, primary_key=True)
    baseline_id: int = Field(foreign_key="milestonebaseline.id", index=True, ondelete="CASCADE")
    key: str = Field(max_length=20)
    position: int = 0
    planned_start: date | None = None
    planned_end: date | None = None
