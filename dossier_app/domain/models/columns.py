"""What the tables share: the synced rows' global id and version, UTC moments, areas, decimals."""

import os
import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, Column, DateTime, Numeric
from sqlmodel import Field, SQLModel

from dossier_app.domain.moments import utc_now


def moment_field() -> Any:
    """A UTC timestamp column that defaults to now."""
    return Field(default_factory=utc_now, sa_type=DateTime(timezone=True))


def new_uid() -> str:
    """A global id made where the row is made (no server round trip, no collision between offline desktops)."""
    return str(uuid.uuid4())


def new_uids(count: int) -> list[str]:
    """Many version-4 UUIDs at once, as uuid4 would make them, for bulk inserts: from one read of the system's
    random source, five times faster than `count` calls of uuid4 (a 100,000-party register needs half a million)."""
    digits = os.urandom(16 * count).hex()
    made = []
    for start in range(0, 32 * count, 32):
        h = digits[start : start + 32]
        made.append(f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[int(h[16], 16) & 3]}{h[17:20]}-{h[20:]}")
    return made


UNSTAMPED = 0  # a synced row written in the current transaction: storage/sync_log gives it a version at commit


class SyncedRow(SQLModel):
    """What every synced table carries: a global id and the library version of its last change (0 until the
    transaction that wrote it commits; storage/sync_log stamps it). Named `sync_version` because Section.version
    is already the editor's own save counter."""

    uid: str = Field(default_factory=new_uid, max_length=36, unique=True, index=True)
    sync_version: int = Field(
        default=UNSTAMPED, index=True, sa_type=BigInteger, sa_column_kwargs={"server_default": "0"}
    )


def revision_ref_field() -> Any:
    """A revision id kept without a foreign key (sections and revisions refer to each other); the change feed
    still sends it as the revision's uid."""
    return Field(default=None, sa_column_kwargs={"info": {"references": "sectionrevision"}})


def area_field() -> Any:
    """An area in hectares or square metres: two decimals, never NULL."""
    return Field(default=Decimal(0), sa_column=Column(Numeric(14, 2), nullable=False))


def decimal_field() -> Any:
    """A figure of the project's facts: four decimals, empty until known."""
    return Field(default=None, sa_column=Column(Numeric(14, 4), nullable=True))
