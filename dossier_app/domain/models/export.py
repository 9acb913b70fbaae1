"""Exports: document number counters and the record of every package written."""

from datetime import datetime

from sqlalchemy import Column, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

import dossier_app.domain.models.dossier  # noqa: F401 - the tables its foreign keys name
from dossier_app.domain.models.columns import SyncedRow, moment_field


class DocumentCounter(SyncedRow, table=True):
    """The next number the clerk set for one document symbol of a project (TTr, ĐA); a final export takes it."""

    __table_args__ = (UniqueConstraint("project_id", "symbol"),)

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", index=True, ondelete="CASCADE")
    symbol: str = Field(max_length=20)
    next_number: int = 1
    updated_at: datetime = moment_field()
    updated_by: str = Field(default="", max_length=120)


class PackageExport(SQLModel, table=True):
    """One written submission package: who, when, final or draft, where it went and its manifest's hash."""

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", index=True, ondelete="CASCADE")
    at: datetime = moment_field()
    actor: str = Field(max_length=120)
    draft: bool = False
    folder: str = Field(sa_column=Column(Text, nullable=False))
    zip_path: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    manifest_sha256: str = Field(max_length=64)
    numbers: str = Field(default="", max_length=200)
