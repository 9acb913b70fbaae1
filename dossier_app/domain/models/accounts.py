"""Accounts, server session tokens, a replica's people, the audit trail and the database's own settings."""

from datetime import datetime

from sqlalchemy import Column, DateTime, Text
from sqlmodel import Field, SQLModel

from dossier_app.domain.models.columns import moment_field


class Account(SQLModel, table=True):
    """A person who signs in; `username` is stored lower-case, so names are unique whatever the case."""

    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(max_length=64, unique=True, index=True)
    display_name: str = Field(default="", max_length=120)
    password_hash: str = Field(max_length=255)
    roles: str = Field(default="", max_length=80)
    disabled: bool = False
    failed_attempts: int = 0
    locked_until: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    created_at: datetime = moment_field()
    created_by: str = Field(default="", max_length=120)


class SessionToken(SQLModel, table=True):
    """A sign-in at the department server; only the token's SHA-256 is kept: a copy of the database signs no one in."""

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(foreign_key="account.id", index=True, ondelete="CASCADE")
    token_sha256: str = Field(max_length=64, unique=True, index=True)
    client: str = Field(default="", max_length=80)
    created_at: datetime = moment_field()
    expires_at: datetime = Field(sa_type=DateTime(timezone=True))
    revoked_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))


class ReplicaPerson(SQLModel, table=True):
    """Someone who signed in at the department server from this desktop: what lets them sign in here offline (an
    argon2id hash of the password that last worked, never the password), the roles the server gave them, and their
    session token, kept on this disk (as Zotero keeps its API key) so their changes are pushed as them."""

    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(max_length=64, unique=True, index=True)
    display_name: str = Field(default="", max_length=120)
    roles: str = Field(default="", max_length=80)
    password_hash: str = Field(max_length=255)
    token: str = Field(default="", max_length=128)
    token_expires: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    failed_attempts: int = 0
    locked_until: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    signed_in_at: datetime = moment_field()
    synced_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))


class AuditEntry(SQLModel, table=True):
    """One recorded change, chained to the previous entry by SHA-256; only ever appended to."""

    id: int | None = Field(default=None, primary_key=True, sa_column_kwargs={"autoincrement": False})
    at: datetime = Field(sa_type=DateTime(timezone=True), index=True)
    actor: str = Field(max_length=120, index=True)
    action: str = Field(max_length=40, index=True)
    entity_type: str = Field(max_length=40)
    entity_id: str = Field(max_length=64)
    project_id: int | None = Field(default=None, index=True)
    summary: str = Field(default="", max_length=500)
    prev_hash: str = Field(max_length=64)
    hash: str = Field(max_length=64)


class Setting(SQLModel, table=True):
    """A small key/value fact about the database itself (demo flag, head of the audit chain)."""

    key: str = Field(primary_key=True, max_length=80)
    value: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
