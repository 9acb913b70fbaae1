"""The pull side of sync, as Zotero's `?since=`: every synced row changed after a cursor and every tombstone, in
version order, a page at a time, each row as plain data a replica can apply (its references as the uids of the
rows they point at, never this database's integer ids).

Every version is given to exactly one change (storage/sync_log), so a page is the `limit` smallest versions after
the cursor and the next cursor is the last of them: no change is skipped or repeated however the pages fall. A row
changed again between two pages moves past the cursor and comes once more, with its newer version. The library
version is read first; every change up to it is committed (its row lock orders writers), so a page never holds a
version whose predecessors are still invisible.

A page also carries, apart from its changes, the rows its rows refer to that changed after its cursor (`parents`: a
project edited after its register was imported), as they are now and their own parents with them, so a replica can
place every row of a page when it comes; each of them comes again on its own page.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from typing import Any

from sqlalchemy import Connection, Date, DateTime, Integer, Numeric, Row, Table, bindparam, literal, select, union_all

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
    parents: tuple[Mapping[str, Any], ...] = ()  # rows referred to that changed after `cursor`, as they are now

    def as_json(self) -> dict[str, Any]:
        """The page as the server sends it (docs/architecture.md, the change feed)."""
        body = {
            "since": self.since,
            "cursor": self.cursor,
            "library_version": self.library_version,
            "more": self.more,
            "changes": [dict(change) for change in self.changes],
            "deleted": [dict(stone) for stone in self.deleted],
        }
        if self.parents:
            body["parents"] = [dict(change) for change in self.parents]
        return body


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


@cache
def _plan(table_name: str) -> tuple[tuple[int, str, str | None, Any], ...]:
    """How each sent column of a table travels, decided once: (its position in the row, its field name, the column
    whose reference it is or None, how its value becomes JSON or None for as it is)."""
    table = synced_tables()[table_name]
    refs = {ref.column: ref for ref in references(table_name)}
    skipped = _SYNC_COLUMNS | {_local_key(table)}
    plan: list[tuple[int, str, str | None, Any]] = []
    for at, column in enumerate(table.columns):
        if column.name in skipped:
            continue
        ref = refs.get(column.name)
        if ref is not None:
            plan.append((at, ref.field, column.name, None))
        elif isinstance(column.type, (DateTime, Date, Numeric)):
            plan.append((at, column.name, None, _plain))
        else:
            plan.append((at, column.name, None, None))
    return tuple(plan)


def _local_key(table: Table) -> str | None:
    """This database's own integer key, never sent (a key that is also a reference is sent as a uid)."""
    keys = list(table.primary_key.columns)
    return keys[0].name if len(keys) == 1 and not keys[0].foreign_keys else None


# The feed's statements are built once: a statement reused keeps its cache key, so a pull does not pay SQLAlchemy's
# statement building and cache-key walk (over all 25 tables for the page's window) again on every request.


@cache
def _first_versions_query() -> Any:
    """Each synced table's and the tombstones' first `first` versions in (`since`, `upto`], with the table's name,
    merged: the first `first` of them all."""
    since, upto = bindparam("since", type_=Integer), bindparam("upto", type_=Integer)
    first = bindparam("first", type_=Integer)
    parts = []
    for table in [*synced_tables().values(), TOMBSTONES]:
        version = table.c.sync_version
        window = select(literal(table.name).label("name"), version.label("v")).where(version > since, version <= upto)
        part = window.order_by(version).limit(first).subquery()
        parts.append(select(part.c.name, part.c.v))
    merged = union_all(*parts).subquery()
    return select(merged.c.name, merged.c.v).order_by(merged.c.v).limit(first)


@cache
def _window_query(table_name: str) -> Any:
    """A table's rows with a version in (`since`, `upto`], in version order."""
    table = TOMBSTONES if table_name == TOMBSTONES.name else synced_tables()[table_name]
    version = table.c.sync_version
    return select(table).where(version > bindparam("since"), version <= bindparam("upto")).order_by(version)


@cache
def _uids_query(table_name: str, key_column: str) -> Any:
    """The uid and version of a table's rows whose `key_column` is one of `keys`."""
    table = synced_tables()[table_name]
    key = table.c[key_column]
    return select(key, table.c.uid, table.c.sync_version).where(key.in_(bindparam("keys", expanding=True)))


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
            cursor, more, changed = self._page_window(connection, since, library, limit)
            changes: list[dict[str, Any]] = []
            ahead: dict[tuple[str, str], set[Any]] = {}  # (table, column) → rows referred to, changed after cursor
            for name, table in synced_tables().items():
                if name in changed:
                    changes.extend(self._rows(connection, name, table, since, cursor, ahead))
            parents = self._parents(connection, cursor, ahead)
            deleted = (
                [
                    {"table": str(row.table_name), "uid": str(row.uid), "version": int(row.sync_version)}
                    for row in connection.execute(_window_query(TOMBSTONES.name), {"since": since, "upto": cursor})
                ]
                if TOMBSTONES.name in changed
                else []
            )
        changes.sort(key=lambda change: int(change["version"]))
        return ChangePage(since, cursor, library, more, tuple(changes), tuple(deleted), tuple(parents))

    @staticmethod
    def _library(connection: Connection) -> int:
        state: Table = SyncState.__table__  # type: ignore[attr-defined]
        return int(connection.execute(select(state.c.version).where(state.c.id == 1)).scalar_one_or_none() or 0)

    @staticmethod
    def _page_window(connection: Connection, since: int, library: int, limit: int) -> tuple[int, bool, set[str]]:
        """The page's last version, whether later changes follow, and the tables with a row in it: the `limit` + 1
        smallest versions after `since` with their tables, in one query (an index range scan each table)."""
        found = connection.execute(_first_versions_query(), {"since": since, "upto": library, "first": limit + 1}).all()
        more = len(found) > limit
        page = found[:limit]
        return (int(page[-1].v) if more else library), more, {str(row.name) for row in page}

    def _rows(
        self,
        connection: Connection,
        name: str,
        table: Table,
        since: int,
        upto: int,
        ahead: dict[tuple[str, str], set[Any]] | None = None,
    ) -> list[dict[str, Any]]:
        """A table's changes in the window, references as uids (the rows referred to that changed after `upto`
        noted in `ahead`)."""
        rows = connection.execute(_window_query(name), {"since": since, "upto": upto}).all()
        return self._as_changes(connection, name, table, rows, upto, ahead)

    def _parents(
        self, connection: Connection, upto: int, ahead: dict[tuple[str, str], set[Any]]
    ) -> list[dict[str, Any]]:
        """The rows referred to that changed after `upto`, as they are now, and theirs in turn."""
        found: list[dict[str, Any]] = []
        sent: set[tuple[str, str, Any]] = set()
        while ahead:
            wanted, ahead = ahead, {}
            for (name, column), values in wanted.items():
                new = sorted(value for value in values if (name, column, value) not in sent)
                sent.update((name, column, value) for value in new)
                table = synced_tables()[name]
                for start in range(0, len(new), _CHUNK):
                    query = select(table).where(table.c[column].in_(new[start : start + _CHUNK]))
                    rows = connection.execute(query).all()
                    found.extend(self._as_changes(connection, name, table, rows, upto, ahead))
        return found

    def _as_changes(
        self,
        connection: Connection,
        name: str,
        table: Table,
        rows: Sequence[Row[Any]],
        upto: int,
        ahead: dict[tuple[str, str], set[Any]] | None,
    ) -> list[dict[str, Any]]:
        """Rows of one table (all its columns, in order) as changes, references as uids."""
        if not rows:
            return []
        position = {column.name: at for at, column in enumerate(table.columns)}
        uids = {
            ref.column: self._uids(connection, ref, [row[position[ref.column]] for row in rows], upto, ahead)
            for ref in references(name)
        }
        plan = _plan(name)
        uid_at, version_at = position["uid"], position["sync_version"]
        changes = []
        for row in rows:
            fields: dict[str, Any] = {}
            for at, field, ref_column, plain in plan:
                value = row[at]
                if ref_column is not None:
                    fields[field] = None if value is None else uids[ref_column].get(value)
                else:
                    fields[field] = value if plain is None or value is None else plain(value)
            changes.append({"table": name, "uid": str(row[uid_at]), "version": int(row[version_at]), "fields": fields})
        return changes

    @staticmethod
    def _uids(
        connection: Connection,
        ref: Reference,
        values: Iterable[Any],
        upto: int = 0,
        ahead: dict[tuple[str, str], set[Any]] | None = None,
    ) -> dict[Any, str]:
        """The uid of every row these values of one reference point at (a row gone since reads as None); in
        `ahead`, those that changed after `upto`."""
        wanted = sorted({value for value in values if value is not None})
        found: dict[Any, str] = {}
        query = _uids_query(ref.table, ref.target)
        for start in range(0, len(wanted), _CHUNK):
            for local, uid, version in connection.execute(query, {"keys": wanted[start : start + _CHUNK]}):
                found[local] = str(uid)
                if ahead is not None and int(version) > upto:
                    ahead.setdefault((ref.table, ref.target), set()).add(local)
        return found
