"""Readiness (issue 6): consultations, project facts, the conditions checklist, the comment register."""

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Column, Text, UniqueConstraint
from sqlmodel import Field

import dossier_app.domain.models.dossier  # noqa: F401 - the tables its foreign keys name
from dossier_app.domain.models.columns import SyncedRow, decimal_field, moment_field


class Consultation(SyncedRow, table=True):
    """A ministry or body asked for its written opinion on a project's dossier, with the dates that count."""

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", index=True, ondelete="CASCADE")
    body_key: str = Field(default="", max_length=40)
    name: str = Field(max_length=300)
    position: int = 0
    reply_days: int = 0
    sent_on: date | None = None
    received_on: date | None = None
    letter_ref: str = Field(default="", max_length=120)
    updated_at: datetime = moment_field()
    updated_by: str = Field(default="", max_length=120)


class ProjectFacts(SyncedRow, table=True):
    """The figures the numeric criteria are computed from (the land area is Project.area_ha)."""

    project_id: int = Field(foreign_key="project.id", primary_key=True, ondelete="CASCADE")
    it_workers: int | None = None
    total_workforce: int | None = None
    core_area_ha: Decimal | None = decimal_field()
    construction_land_ha: Decimal | None = decimal_field()
    building_density_pct: Decimal | None = decimal_field()
    existing_parks_occupancy_pct: Decimal | None = decimal_field()
    software_only: bool = False
    expansion: bool = False
    updated_at: datetime = moment_field()
    updated_by: str = Field(default="", max_length=120)


class ConditionCheck(SyncedRow, table=True):
    """A project's assessment of one condition of its regime (keyed by the condition's key)."""

    __table_args__ = (UniqueConstraint("project_id", "condition_key"),)

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", index=True, ondelete="CASCADE")
    condition_key: str = Field(max_length=80)
    status: str = Field(default="unknown", max_length=20)
    note: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    updated_at: datetime = moment_field()
    updated_by: str = Field(default="", max_length=120)


class ConditionEvidence(SyncedRow, table=True):
    """A link from a condition's assessment to the section or attachment that proves it."""

    id: int | None = Field(default=None, primary_key=True)
    check_id: int = Field(foreign_key="conditioncheck.id", index=True, ondelete="CASCADE")
    section_id: int | None = Field(default=None, foreign_key="section.id", ondelete="CASCADE")
    attachment_id: int | None = Field(default=None, foreign_key="attachment.id", ondelete="CASCADE")


class MinistryComment(SyncedRow, table=True):
    """A row of the comment register: a ministry's or council's comment and the city's answer."""

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", index=True, ondelete="CASCADE")
    source: str = Field(max_length=200)
    received_on: date | None = None
    section_id: int | None = Field(default=None, foreign_key="section.id", ondelete="SET NULL")
    body: str = Field(sa_column=Column(Text, nullable=False))
    response: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    state: str = Field(default="pending", max_length=20, index=True)
    resolved_revision_id: int | None = Field(default=None, foreign_key="sectionrevision.id", ondelete="SET NULL")
    created_at: datetime = moment_field()
    updated_at: datetime = moment_field()
    updated_by: str = Field(default="", max_length=120)
