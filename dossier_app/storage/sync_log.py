"""Sync versions and tombstones, kept by the unit of work itself so no service can forget them.

Every write of a synced row leaves it unstamped (`sync_version` 0): ORM inserts and updates (before_flush), bulk
`update()` statements (rewritten to set it) and plain inserts (the column's default). A delete, by the ORM or by a
bulk `delete()`, records a tombstone for the row and for every synced row the database will remove with it
(ON DELETE CASCADE, followed through the foreign keys), and unstamps the rows whose reference becomes NULL. When
the transaction commits, one `UPDATE syncstate SET version = version + n RETURNING version` reserves n versions
and the unstamped rows of the tables written get them, parents' tables first, one distinct version each. That row
lock is held until the commit, so on PostgreSQL a second writer takes its versions only after the first has
committed, and a reader never sees a version before an older one is visible; SQLite serialises writers anyway.

Statements sent on the session's connection (`session.connection().execute`, `exec_driver_sql`) bypass the
events: such a writer names its table with `written` (the register's bulk insert does); the `services` test fixture
fails on any row left unstamped.
"""

from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, Connection, Table, and_, event, func, insert, select, true, update
from sqlalchemy.orm import ORMExecuteState, SessionTransaction
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Session, SQLModel

from dossier_app.domain.models import SYNCED_NAMES, UNSTAMPED, SyncedRow, SyncState, SyncTombstone, load_all, utc_now

_WRITTEN = "sync_written"  # session.info: names of the synced tables this transaction wrote
_CHUNK = 500  # values per IN (...) when following a delete to the rows it cascades to
STATE: Table = SyncState.__table__  # type: ignore[attr-defined]
TOMBSTONES: Table = SyncTombstone.__table__  # type: ignore[attr-defined]


@cache
def synced_tables() -> dict[str, Table]:
    """The synced tables by name, parents before children (every table loaded: the first write pays for them)."""
    load_all()
    names = {name.lower() for name in SYNCED_NAMES}
    return {table.name: table for table in SQLModel.metadata.sorted_tables if table.name in names}


@cache
def _dependents() -> dict[str, tuple[tuple[Table, str, str, str], ...]]:
    """For each table, the foreign keys pointing at it whose ON DELETE changes a synced row: (child table, child
    column, parent column, CASCADE or SET NULL), only where a synced row can be reached at all."""
    synced = synced_tables()
    found: dict[str, list[tuple[Table, str, str, str]]] = {}
    for table in SQLModel.metadata.sorted_tables:
        for key in table.foreign_keys:
            rule = (key.ondelete or "").upper()
            if rule in ("CASCADE", "SET NULL"):
                found.setdefault(key.column.table.name, []).append((table, key.parent.name, key.column.name, rule))

    def reaches(name: str, seen: frozenset[str]) -> bool:
        return any(
            child.name in synced
            or (rule == "CASCADE" and child.name not in seen and reaches(child.name, seen | {name}))
            for child, _column, _parent, rule in found.get(name, [])
        )

    return {name: tuple(keys) for name, keys in found.items() if reaches(name, frozenset({name}))}


def written(session: OrmSession, table_name: str) -> None:
    """Note that this transaction wrote rows of a synced table by a path the events do not see (driver SQL)."""
    if table_name in synced_tables():
        session.info.setdefault(_WRITTEN, set()).add(table_name)


def _record_deletion(connection: Connection, session: OrmSession, table: Table, where: ColumnElement[bool]) -> None:
    """Tombstones for the rows `where` selects and for the synced rows their deletion takes with them."""
    synced = table.name in synced_tables()
    dependents = _dependents().get(table.name, ())
    if not synced and not dependents:
        return
    wanted = {parent for _child, _column, parent, _rule in dependents}
    columns = [table.c[name] for name in sorted(wanted)] + ([table.c.uid] if synced else [])
    rows = connection.execute(select(*columns).where(where)).mappings().all()
    if not rows:
        return
    if synced:
        now = utc_now()
        stones = [
            {"uid": row["uid"], "table_name": table.name, "sync_version": UNSTAMPED, "deleted_at": now} for row in rows
        ]
        connection.execute(insert(TOMBSTONES), stones)
        session.info.setdefault(_WRITTEN, set()).add(TOMBSTONES.name)
    for child, column, parent, rule in dependents:
        values = sorted({row[parent] for row in rows if row[parent] is not None})
        for start in range(0, len(values), _CHUNK):
            chunk_where = child.c[column].in_(values[start : start + _CHUNK])
            if rule == "CASCADE":
                _record_deletion(connection, session, child, chunk_where)
            elif child.name in synced_tables():
                connection.execute(update(child).where(chunk_where).values(sync_version=UNSTAMPED))
                written(session, child.name)


def _key_of(row: SQLModel) -> ColumnElement[bool]:
    table: Table = row.__table__  # type: ignore[attr-defined]
    return and_(*(column == getattr(row, column.key) for column in table.primary_key.columns))


class VersionedSession(Session):
    """The session of every unit of work (`Database.begin`): its events keep the sync versions and tombstones."""


@event.listens_for(VersionedSession, "before_flush")
def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    """Unstamp inserted and changed synced rows; record the deletions the flush is about to make."""
    for row in session.new:
        if isinstance(row, SyncedRow):
            row.sync_version = UNSTAMPED
            written(session, row.__tablename__)  # type: ignore[arg-type]
    for row in session.dirty:
        if isinstance(row, SyncedRow) and session.is_modified(row, include_collections=False):
            row.sync_version = UNSTAMPED
            written(session, row.__tablename__)  # type: ignore[arg-type]
    deleted = [row for row in session.deleted if isinstance(row, SQLModel)]
    if deleted:
        connection = session.connection()
        for row in deleted:
            _record_deletion(connection, session, row.__table__, _key_of(row))  # type: ignore[attr-defined]


@event.listens_for(VersionedSession, "do_orm_execute")
def _on_execute(state: ORMExecuteState) -> None:
    """Bulk statements: an insert or update of a synced table unstamps its rows; a delete records tombstones."""
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    table = getattr(state.statement, "table", None)
    if not isinstance(table, Table):
        return
    session = state.session
    if state.is_delete:
        where = getattr(state.statement, "whereclause", None)
        _record_deletion(session.connection(), session, table, where if where is not None else true())
        return
    if table.name not in synced_tables():
        return
    written(session, table.name)
    if state.is_update:
        state.statement = state.statement.values(sync_version=UNSTAMPED)  # type: ignore[attr-defined]


@event.listens_for(VersionedSession, "before_commit")
def _before_commit(session: Session) -> None:
    """Stamp what this transaction wrote, once, as it commits (a savepoint's release stamps nothing)."""
    if session.in_nested_transaction():
        return
    session.flush()
    tables = session.info.pop(_WRITTEN, None)
    if tables:
        stamp(session.connection(), tables)


@event.listens_for(VersionedSession, "after_transaction_end")
def _after_transaction_end(session: Session, transaction: SessionTransaction) -> None:
    """Forget the tables written when the whole transaction ends (a rolled-back one stamps nothing)."""
    if transaction.parent is None:
        session.info.pop(_WRITTEN, None)


def stamp(connection: Connection, table_names: Iterable[str]) -> int:
    """Give every unstamped row of these tables its own new library version; the library version after."""
    names = set(table_names)
    tables = [table for name, table in synced_tables().items() if name in names]
    if TOMBSTONES.name in names:
        _drop_repeated_tombstones(connection)
        tables.append(TOMBSTONES)
    counts: list[tuple[Table, int]] = []
    for table in tables:
        count = int(connection.execute(select(func.count()).where(table.c.sync_version == UNSTAMPED)).scalar_one())
        if count:
            counts.append((table, count))
    total = sum(count for _table, count in counts)
    if not total:
        return 0
    top = int(
        connection.execute(
            update(STATE).values(version=STATE.c.version + total).returning(STATE.c.version)
        ).scalar_one()
    )
    given = top - total
    for table, count in counts:
        _number(connection, table, given)
        given += count
    return top


def _number(connection: Connection, table: Table, after: int) -> None:
    """Versions after+1, after+2, … to the table's unstamped rows, in the order of their primary key."""
    keys: Sequence[Any] = list(table.primary_key.columns)
    key = keys[0]
    ranked = (
        select(key.label("k"), (func.row_number().over(order_by=keys) + after).label("v"))
        .where(table.c.sync_version == UNSTAMPED)
        .subquery()
    )
    connection.execute(update(table).where(key == ranked.c.k).values(sync_version=ranked.c.v))


def _drop_repeated_tombstones(connection: Connection) -> None:
    """One tombstone per uid and transaction (a row deleted by the ORM and by a cascade at once)."""
    first = select(func.min(TOMBSTONES.c.id)).where(TOMBSTONES.c.sync_version == UNSTAMPED).group_by(TOMBSTONES.c.uid)
    connection.execute(TOMBSTONES.delete().where(TOMBSTONES.c.sync_version == UNSTAMPED, TOMBSTONES.c.id.not_in(first)))
