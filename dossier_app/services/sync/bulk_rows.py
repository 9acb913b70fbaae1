"""Pulled rows the replica does not have yet, inserted in bulk: one executemany per table and set of columns instead
of a statement per row, which is what makes the first sync of a large register fast.

The new rows of a page are gathered and sent when a row that refers to one of them needs its local id, at the end
of each pass over the page, and before anything reads the tables (references set later, tombstones). A batch is
tried in a savepoint: a row that collides with a local row on a natural key (the catalogue and holidays every new
database seeds, a row the server deleted and made again) fails the whole batch, which is then placed row by row by
the caller's own way (natural key first), exactly as before the batching.
"""

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import Table, insert, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from dossier_app.domain.models import SyncShadow
from dossier_app.storage.database import open_transaction
from dossier_app.storage.sync_log import synced_tables, written

# (table name, values with the local ids of references) → the local id of the row placed
PlaceOne = Callable[[str, dict[str, Any]], Any]


class Inserts:
    """New rows waiting to be inserted, per table; `known(table)` is the uid → local id map they join."""

    def __init__(self, session: Session, known: Callable[[str], dict[str, Any]], place_one: PlaceOne) -> None:
        self._session, self._known, self._place_one = session, known, place_one
        self._rows: dict[str, list[dict[str, Any]]] = {}
        self._uids: dict[str, set[str]] = {}

    def add(self, table_name: str, values: dict[str, Any]) -> None:
        """Queue one row (its values hold its uid and its references as local ids)."""
        self._rows.setdefault(table_name, []).append(values)
        self._uids.setdefault(table_name, set()).add(values["uid"])

    def holds(self, table_name: str, uid: str) -> bool:
        """Whether this row is queued (a reference to it waits for the next flush)."""
        return uid in self._uids.get(table_name, ())

    def flush(self) -> None:
        """Insert every queued row, parents' tables first, and record their local ids."""
        if not self._rows:
            return
        rows, self._rows, self._uids = self._rows, {}, {}
        for name, table in synced_tables().items():
            queued = rows.get(name)
            if queued:
                self._insert(name, table, queued)

    def _insert(self, name: str, table: Table, queued: list[dict[str, Any]]) -> None:
        key = next(iter(table.primary_key.columns))
        known = self._known(name)
        by_columns: dict[frozenset[str], list[dict[str, Any]]] = {}
        for values in queued:  # one executemany takes rows with the same columns
            by_columns.setdefault(frozenset(values), []).append(values)
        open_transaction(self._session)
        for group in by_columns.values():
            try:
                with self._session.begin_nested():  # its SAVEPOINT is sent with the session's next statement
                    made = self._session.connection().execute(insert(table).returning(key, table.c.uid), group)
                    placed = {str(uid): local for local, uid in made}
            except IntegrityError:  # a natural key taken here: each row finds its own place
                placed = {str(values["uid"]): self._place_one(name, values) for values in group}
            known.update(placed)
        written(self._session, name)  # sent on the connection: sync_log stamps them at commit all the same


def uid_lookup(session: Session, table_name: str, uids: set[str]) -> dict[str, Any]:
    """uid → local id of those of these rows the table holds (an IN list per 500)."""
    table = synced_tables()[table_name]
    key = next(iter(table.primary_key.columns))
    wanted = sorted(uids)
    found: dict[str, Any] = {}
    connection = session.connection()
    for start in range(0, len(wanted), 500):
        query = select(table.c.uid, key).where(table.c.uid.in_(wanted[start : start + 500]))
        found.update({str(uid): local for uid, local in connection.execute(query)})
    return found


def upsert_shadows(session: Session, rows: Sequence[Mapping[str, str]]) -> None:
    """Keep pulled rows as the server holds them (`uid`, `table_name`, `fields`): one executemany for a page, the
    pull's fast path (a first sync writes a shadow for every row); shadows the session already loaded are
    expired, so it reads the new ones."""
    if not rows:
        return
    connection = session.connection()
    dialect_insert = postgresql_insert if connection.dialect.name == "postgresql" else sqlite_insert
    statement = dialect_insert(SyncShadow.__table__)  # type: ignore[attr-defined]
    upsert = statement.on_conflict_do_update(index_elements=["uid"], set_={"fields": statement.excluded.fields})
    connection.execute(upsert, list(rows))
    for loaded in list(session.identity_map.values()):
        if isinstance(loaded, SyncShadow):
            session.expire(loaded)
