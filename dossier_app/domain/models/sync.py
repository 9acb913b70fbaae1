"""Sync bookkeeping (issue 13; storage/sync_log keeps them): the library version and the tombstones."""

from datetime import datetime

from sqlalchemy import BigInteger, Column, DateTime, Text
from sqlmodel import Field, SQLModel

import dossier_app.domain.models.dossier  # noqa: F401 - the tables their foreign keys name
from dossier_app.domain.models.columns import UNSTAMPED, moment_field

# Sync bookkeeping (issue 13; storage/sync_log keeps them) ---------------------------------------------------


class SyncState(SQLModel, table=True):
    """The library version: the last version handed to a change; one row, only ever increased, so a pull `since`
    a version sees every later change (its row lock makes concurrent writers take versions in commit order)."""

    id: int = Field(default=1, primary_key=True)
    version: int = Field(default=0, sa_column=Column(BigInteger, nullable=False, server_default="0"))


class SyncTombstone(SQLModel, table=True):
    """A deleted synced row: its uid, its table and the version of the deletion, so replicas delete it too
    instead of pushing it back (resurrection)."""

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(max_length=36, index=True)
    table_name: str = Field(max_length=40)
    sync_version: int = Field(
        default=UNSTAMPED, index=True, sa_type=BigInteger, sa_column_kwargs={"server_default": "0"}
    )
    deleted_at: datetime = moment_field()


class SyncAppliedChange(SQLModel, table=True):
    """A pushed change the server applied, by the id its desktop made for it: a push repeated after a lost answer
    is acknowledged from here and never applied twice (Zotero's write token, kept for ever for now)."""

    change_id: str = Field(primary_key=True, max_length=36)
    username: str = Field(max_length=120)
    table_name: str = Field(max_length=40)
    uid: str = Field(max_length=36)
    applied_at: datetime = moment_field()


class SyncShadow(SQLModel, table=True):
    """On a replica: a row the server holds, as last pulled (Zotero's syncCache). A section's `fields` are the
    server's review fields; a revision or comment here is shared, one missing is local work still to push."""

    uid: str = Field(primary_key=True, max_length=36)
    table_name: str = Field(max_length=40, index=True)
    fields: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))


class SyncConflict(SQLModel, table=True):
    """On a replica: a section both sides changed in the same block since the revision they shared. All three
    texts are kept; the section's offline revisions wait unpushed until a later save resolves it."""

    id: int | None = Field(default=None, primary_key=True)
    section_id: int = Field(foreign_key="section.id", index=True, ondelete="CASCADE")
    base_revision_uid: str = Field(default="", max_length=36)
    theirs_revision_uid: str = Field(max_length=36)
    ours_revision_uid: str = Field(max_length=36)
    base_text: str = Field(sa_column=Column(Text, nullable=False))
    ours_text: str = Field(sa_column=Column(Text, nullable=False))
    theirs_text: str = Field(sa_column=Column(Text, nullable=False))
    blocks: int = 0
    created_at: datetime = moment_field()
    resolved_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    resolved_by_revision_uid: str = Field(default="", max_length=36)


class SyncRecordConflict(SQLModel, table=True):
    """On a replica: one field of a project's record (its milestone plan, a step, its facts, its filing date, a body
    consulted, a condition's assessment) that both sides changed differently since the copy they shared. The three
    values are kept (JSON); the row holds ours and waits unpushed until a person picks one in the conflicts window."""

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", index=True, ondelete="CASCADE")
    table_name: str = Field(max_length=40)
    row_uid: str = Field(max_length=36, index=True)
    field: str = Field(max_length=40)
    base_value: str = Field(default="null", sa_column=Column(Text, nullable=False, default="null"))
    ours_value: str = Field(sa_column=Column(Text, nullable=False))
    theirs_value: str = Field(sa_column=Column(Text, nullable=False))
    created_at: datetime = moment_field()
    resolved_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
