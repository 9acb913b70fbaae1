"""The register's search index (migration 0013): SQLite fills its trigram table row by row through a trigger,
five times slower than in one statement, so a large import turns the trigger off and indexes its rows at once."""

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import text
from sqlmodel import Session

INSERT_TRIGGER = "party_fts_insert"
COLUMNS = "name_folded, address_folded, citizen_id"


@contextmanager
def indexing_at_once(session: Session) -> Iterator[None]:
    """Inside: parties inserted are not indexed one by one; on leaving, all of them are indexed in one statement
    and the trigger is back. Same transaction throughout, so a failure rolls the trigger back too."""
    if session.get_bind().dialect.name != "sqlite":
        yield
        return
    found = session.execute(
        text("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = :name"), {"name": INSERT_TRIGGER}
    ).scalar_one_or_none()
    if found is None:
        yield
        return
    session.execute(text(f"DROP TRIGGER {INSERT_TRIGGER}"))  # a write first: no other writer from here on
    # New rows get ids above the largest one now (SQLite's rowid rule for an INTEGER PRIMARY KEY).
    before = int(session.execute(text("SELECT coalesce(max(id), 0) FROM affectedparty")).scalar_one())
    yield
    session.execute(
        text(f"INSERT INTO party_fts(rowid, {COLUMNS}) SELECT id, {COLUMNS} FROM affectedparty WHERE id > :before"),
        {"before": before},
    )
    session.execute(text(str(found)))
