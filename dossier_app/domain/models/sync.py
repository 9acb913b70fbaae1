"""Sync bookkeeping (issue 13; storage/sync_log keeps them): the library version and the tombstones."""

from datetime import datetime

from sqlalchemy import BigInteger, Column
from sqlmodel import Field, SQLModel

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
