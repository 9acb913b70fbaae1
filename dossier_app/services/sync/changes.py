"""The pull side of sync, as Zotero's `?since=`: every synced row changed after a cursor and every tombstone, in
version order, a page at a time, each row as plain data a replica can apply (its references as the uids of the
rows they point at, never this database's integer ids).

Every version is given to exactly one change (storage/sync_log), so a page is the `limit` smallest versions after
the cursor and the next cursor is the last of them: no change is skipped or repeated however the pages fall. A row
changed again between two pages moves past the cursor and comes once more, with its newer version. The library
version is read first; every change up to it is committed (its row lock orders writers), so a page never holds a
version whose predecessors are still invisible.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from typing import Any

from sqlalchemy import Connection, RowMapping, Table, select

from dossier_app.domain.errors import QT_TRANSLATE_NOOP, CursorAhead, ValidationFailed
from dossier_app.domain.models import SyncState, as_utc
from dossier_app.services.core.context import ServiceContext
from dossier_app.storage.sync_log import TOMBSTONES, synced_tables

DEFAULT_LIMIT = 100
MAX_LIMIT = 1000
_CHUNK = 500  # ids per IN (...) when turning references into uids
_SYNC_COLUMNS = frozenset({"uid", "sync_version"})


@dataclass(frozen=True)
class Reference:
    """A column holding another row's local id, sent as that row's uid under `field` (`project_id` → `project`)."""

    column: str
    field: str
    table: str
    target: str  # the column it refers to (`id`)


@dataclass(frozen=True)
class ChangePage:
    """One page of the feed: changed rows (`table`, `uid`, `version`, `fields`) and deletions (`table`, `uid`,
    `version`), each in version order, covering the versions after `since` up to `cursor`; `more` when later
    changes wait for the next page; `library_version` is the server's at the time of reading."""

    since: int
    cursor: int
    library_version: int
    more: bool
    changes: tuple[Mapping[str, Any], ...]
    deleted: tuple[Mapping[str, Any], ...]

    def as_json(self) -> dict[str, Any]:
        """The page as the server sends it (docs/architecture.md, the change feed)."""
        return {
            "since": self.since,
            "cursor": self.cursor,
            "library_version": self.library_version,
            "more": self.more,
            "changes": [dict(change) for change in self.changes],
            "deleted": [dict(stone) for stone in self.deleted],
        }


@cache
def references(table_name: str) -> tuple[Reference, ...]:
    """The columns of a synced table that refer to other rows: its foreign keys and the ids kept without one
    (Section's submitted and approved revisions, marked `references` in the model)."""
    table = synced_tables()[table_name]
    found = []
    for column in table.columns:
        keys = list(column.foreign_keys)
        if keys:
            target_table, target = keys[0].column.table.name, keys[0].column.name
        elif "references" in column.info:
            target_table, target = str(column.info["references"]), "id"
        else:
            continue
        field = column.name.removesuffix("_id") if column.name.endswith("_id") else column.name
        found.append(Reference(column.name, field, target_table, target))
    return tuple(found)


def _plain(value: Any) -> Any:
    """A stored value as JSON holds it: exact decimals as text, dates and UTC moments in ISO 8601."""
    if isinstance(value, datetime):
        return as_utc(value).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _local_key(table: Table) -> str | None:
    """This database's own integer key, never sent (a key that is also a reference is sent as a uid)."""
    keys = list(table.primary_key.columns)
    return keys[0].name if len(keys) == 1 and not keys[0].foreign_keys else None


def check_page_request(since: int, limit: int) -> None:
    """A cursor is a version (0 or more); a page holds 1 to MAX_LIMIT changes."""
    if since < 0:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("Errors", "The cursor 'since' must be a whole number of at least 0."), field="since"
        )
    if not 1 <= limit <= MAX_LIMIT:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("Errors", "The page size 'limit' must be a whole number from 1 to {largest}."),
            field="limit",
            largest=MAX_LIMIT,
        )


class ChangeFeed:
    """What changed after a cursor, read in one unit of work."""

    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    def library_version(self) -> int:
        """The last version handed to a change (0 for a database nothing was ever written to)."""
        with self._context.database.begin() as session:
            return self._library(session.connection())

    def since(self, since: int, limit: int = DEFAULT_LIMIT) -> ChangePage:
        """The page of at most `limit` changes after `since`; CursorAhead when `since` is beyond the library (the
        replica synced with another database, or this one was restored from an older backup)."""
        check_page_request(since, limit)
        with self._context.database.begin() as session:
            connection = session.connection()
            library = self._library(connection)
            if since > library:
                raise CursorAhead(since=since, version=library)
            if since == library:  # the replica is up to date: nothing to read (a desktop's idle sync)
                return ChangePage(since, library, library, False, (), ())
            tables = [*synced_tables().values(), TOMBSTONES]
            found = {table: list(self._versions(connection, table, since, library, limit)) for table in tables}
            versions = sorted(version for table_versions in found.values() for version in table_versions)
            more = len(versions) > limit
            cursor = versions[limit - 1] if more else library
            changes: list[dict[str, Any]] = []
            for name, table in synced_tables().items():
                if found[table]:  # nothing after `since` in a table: nothing of it in the window (a small increment)
                    changes.extend(self._rows(connection, name, table, since, cursor))
            deleted = [
                {"table": str(row.table_name), "uid": str(row.uid), "version": int(row.sync_version)}
                for row in (connection.execute(self._window(TOMBSTONES, since, cursor)) if found[TOMBSTONES] else ())
            ]
        changes.sort(key=lambda change: int(change["version"]))
        return ChangePage(since, cursor, library, more, tuple(changes), tuple(deleted))

    @staticmethod
    def _library(connection: Connection) -> int:
        state: Table = SyncState.__table__  # type: ignore[attr-defined]
        return int(connection.execute(select(state.c.version).where(state.c.id == 1)).scalar_one_or_none() or 0)

    @staticmethod
    def _window(table: Table, since: int, upto: int) -> Any:
        version = table.c.sync_version
        return select(table).where(version > since, version <= upto).order_by(version)

    @staticmethod
    def _versions(connection: Connection, table: Table, since: int, upto: int, limit: int) -> Iterable[int]:
        """The first `limit` + 1 versions after `since` in one table (an index range scan)."""
        version = table.c.sync_version
        query = select(version).where(version > since, version <= upto).order_by(version).limit(limit + 1)
        return (int(value) for value in connection.execute(query).scalars())

    def _rows(self, connection: Connection, name: str, table: Table, since: int, upto: int) -> list[dict[str, Any]]:
        """A table's changes in the window, references as uids."""
        rows = connection.execute(self._window(table, since, upto)).mappings().all()
        if not rows:
            return []
        refs = references(name)
        uids = {ref.column: self._uids(connection, ref, rows) for ref in refs}
        by_column = {ref.column: ref for ref in refs}
        skipped = _SYNC_COLUMNS | {_local_key(table)}
        changes = []
        for row in rows:
            fields: dict[str, Any] = {}
            for column, value in row.items():
                if column in skipped:
                    continue
                ref = by_column.get(column)
                if ref is None:
                    fields[column] = _plain(value)
                else:
                    fields[ref.field] = None if value is None else uids[column].get(value)
            changes.append(
                {"table": name, "uid": str(row["uid"]), "version": int(row["sync_version"]), "fields": fields}
            )
        return changes

    @staticmethod
    def _uids(connection: Connection, ref: Reference, rows: Sequence[RowMapping]) -> dict[Any, str]:
        """The uid of every row these rows refer to through one reference (a row gone since reads as None)."""
        target = synced_tables()[ref.table]
        wanted = sorted({row[ref.column] for row in rows if row[ref.column] is not None})
        found: dict[Any, str] = {}
        for start in range(0, len(wanted), _CHUNK):
            key = target.c[ref.target]
            query = select(key, target.c.uid).where(key.in_(wanted[start : start + _CHUNK]))
            found.update({local: str(uid) for local, uid in connection.execute(query)})
        return found
