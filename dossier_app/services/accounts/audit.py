"""The audit trail: every change appended, chained by SHA-256, checked, and read back for the viewer."""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import cast

from sqlalchemy import Connection, Table, func
from sqlalchemy import select as core_select
from sqlmodel import Session, col, select

from dossier_app.domain.audit import (
    EMPTY_HEAD,
    ChainHead,
    ChainProblem,
    ChainRow,
    ChainVerdict,
    Progress,
    entry_hash,
    verify_chain,
)
from dossier_app.domain.models import AuditEntry, Setting, as_utc
from dossier_app.services.core.context import ServiceContext

HEAD_KEY = "audit.head"
_ENTRIES = cast(Table, AuditEntry.__table__)  # type: ignore[attr-defined]
_SETTINGS = cast(Table, Setting.__table__)  # type: ignore[attr-defined]
SUMMARY_LIMIT = 500
DEFAULT_PAGE = 200
STREAM_BATCH = 5000

_CHAIN_COLUMNS = (
    col(AuditEntry.id),
    col(AuditEntry.at),
    col(AuditEntry.actor),
    col(AuditEntry.action),
    col(AuditEntry.entity_type),
    col(AuditEntry.entity_id),
    col(AuditEntry.project_id),
    col(AuditEntry.summary),
    col(AuditEntry.prev_hash),
    col(AuditEntry.hash),
)


@dataclass(frozen=True)
class AuditEntryView:
    """One entry as the viewer lists it."""

    id: int
    at: datetime
    actor: str
    action: str
    entity_type: str
    entity_id: str
    project_id: int | None
    summary: str
    hash: str


@dataclass(frozen=True)
class AuditFilter:
    """What the viewer narrows the trail to; `since` is inclusive, `until` exclusive, both UTC."""

    actor: str | None = None
    project_id: int | None = None
    action: str | None = None
    entity_type: str | None = None
    entity_id: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    limit: int = DEFAULT_PAGE
    offset: int = 0


@dataclass(frozen=True)
class AuditVerification:
    """The result of `verify`: intact, or the first bad entry and what is wrong with it."""

    ok: bool
    checked: int
    total: int
    problem: ChainProblem | None = None
    entry_id: int | None = None
    noticed_at: int | None = None
    missing: int = 0


def shorten(text: str, limit: int = SUMMARY_LIMIT) -> str:
    """A summary that fits its column; long titles end in an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class AuditTrail:
    """Appends entries inside the caller's transaction, so a rolled-back change leaves no entry."""

    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    def record(
        self,
        session: Session,
        actor: str,
        action: str,
        entity_type: str,
        entity_id: object,
        summary: str,
        project_id: int | None = None,
    ) -> int:
        """Append one entry after the chain's head, holding the head's lock until the caller commits."""
        session.flush()  # the caller's rows are locked before the head, always in that order
        head = self.lock(session)
        entry_id = head.id + 1
        at = self._context.clock()
        entity = str(entity_id)[:64]
        summary = shorten(summary)
        digest = entry_hash(entry_id, at, actor, action, entity_type, entity, project_id, summary, head.hash)
        connection = session.connection()
        connection.execute(
            _ENTRIES.insert().values(
                id=entry_id,
                at=at,
                actor=actor,
                action=action,
                entity_type=entity_type,
                entity_id=entity,
                project_id=project_id,
                summary=summary,
                prev_hash=head.hash,
                hash=digest,
            )
        )
        connection.execute(
            _SETTINGS.update().where(_SETTINGS.c.key == HEAD_KEY).values(value=ChainHead(entry_id, digest).encode())
        )
        return entry_id

    def lock(self, session: Session) -> ChainHead:
        """Serialise writers on the head row (a row lock on PostgreSQL, the write lock on SQLite)."""
        connection = session.connection()
        value = connection.execute(
            _SETTINGS.update()
            .where(_SETTINGS.c.key == HEAD_KEY)
            .values(value=_SETTINGS.c.value)
            .returning(_SETTINGS.c.value)
        ).scalar()
        if value is None:
            head = self._head_from_entries(session)
            connection.execute(_SETTINGS.insert().values(key=HEAD_KEY, value=head.encode()))
            return head
        return ChainHead.decode(value) or self._head_from_entries(session)

    @staticmethod
    def _head_from_entries(session: Session) -> ChainHead:
        last = session.execute(
            select(AuditEntry.id, AuditEntry.hash).order_by(col(AuditEntry.id).desc()).limit(1)
        ).first()
        return ChainHead(int(last[0]), str(last[1])) if last else EMPTY_HEAD

    def verify(self, progress: Progress | None = None) -> AuditVerification:
        """Re-hash every entry in order from one consistent snapshot; name the first bad one."""
        with self._snapshot() as connection:
            stored = connection.execute(select(Setting.value).where(col(Setting.key) == HEAD_KEY)).scalar()
            head = ChainHead.decode(stored)
            total = int(connection.execute(select(func.count()).select_from(AuditEntry)).scalar() or 0)
            result = connection.execution_options(yield_per=STREAM_BATCH).execute(
                core_select(*_CHAIN_COLUMNS).order_by(col(AuditEntry.id))
            )
            rows = cast(Iterator[ChainRow], (tuple(row) for row in result))
            verdict: ChainVerdict = verify_chain(rows, head, total, progress)
            result.close()
        return AuditVerification(
            ok=verdict.ok,
            checked=verdict.checked,
            total=total,
            problem=verdict.problem,
            entry_id=verdict.entry_id,
            noticed_at=verdict.noticed_at,
            missing=verdict.missing,
        )

    @contextmanager
    def _snapshot(self) -> Iterator[Connection]:
        """A read transaction that sees one state of the trail while others keep appending."""
        engine = self._context.database.engine
        if engine.dialect.name == "sqlite":
            with engine.connect() as connection:
                connection.exec_driver_sql("BEGIN")
                try:
                    yield connection
                finally:
                    connection.rollback()
        else:
            with (
                engine.connect().execution_options(isolation_level="REPEATABLE READ") as connection,
                connection.begin(),
            ):
                yield connection

    def entries(self, filters: AuditFilter | None = None) -> list[AuditEntryView]:
        """A page of entries, newest first, narrowed in SQL by person, project, action, entity and dates."""
        filters = filters or AuditFilter()
        with self._context.database.begin() as session:
            query = self._filtered(select(AuditEntry), filters)
            rows = session.exec(
                query.order_by(col(AuditEntry.id).desc()).offset(max(0, filters.offset)).limit(max(0, filters.limit))
            ).all()
            return [_view(row) for row in rows]

    def count(self, filters: AuditFilter | None = None) -> int:
        """How many entries the filters match (for the viewer's paging)."""
        filters = filters or AuditFilter()
        with self._context.database.begin() as session:
            query = self._filtered(select(func.count()).select_from(AuditEntry), filters)
            return int(session.exec(query).one())

    def actors(self) -> list[str]:
        """Everyone who has changed something, for the viewer's person filter."""
        with self._context.database.begin() as session:
            return list(session.exec(select(AuditEntry.actor).distinct().order_by(col(AuditEntry.actor))).all())

    @staticmethod
    def _filtered(query, filters: AuditFilter):  # type: ignore[no-untyped-def]
        if filters.actor is not None:
            query = query.where(col(AuditEntry.actor) == filters.actor)
        if filters.project_id is not None:
            query = query.where(col(AuditEntry.project_id) == filters.project_id)
        if filters.action is not None:
            query = query.where(col(AuditEntry.action) == filters.action)
        if filters.entity_type is not None:
            query = query.where(col(AuditEntry.entity_type) == filters.entity_type)
        if filters.entity_id is not None:
            query = query.where(col(AuditEntry.entity_id) == str(filters.entity_id))
        if filters.since is not None:
            query = query.where(col(AuditEntry.at) >= _utc(filters.since))
        if filters.until is not None:
            query = query.where(col(AuditEntry.at) < _utc(filters.until))
        return query


def _utc(moment: datetime) -> datetime:
    """Bounds in UTC, as the entries are stored (a naive bound is taken as UTC)."""
    return as_utc(moment).astimezone(UTC)


def _view(row: AuditEntry) -> AuditEntryView:
    return AuditEntryView(
        id=row.id or 0,
        at=as_utc(row.at),
        actor=row.actor,
        action=row.action,
        entity_type=row.entity_type,
        entity_id=row.entity_id,
        project_id=row.project_id,
        summary=row.summary,
        hash=row.hash,
    )
