"""Migration 0013's search index: SQLite's trigram table and triggers, PostgreSQL's pg_trgm indexes (used by the
LIKE search), and a PostgreSQL role without the right to create extensions still migrates (no indexes)."""

import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from dossier_app.storage import migrations
from dossier_app.storage.database import Database, open_database
from tests.conftest import PG_URL

TRGM_INDEXES = {f"ix_affectedparty_{c}_trgm" for c in ("name_folded", "address_folded", "citizen_id")}


@pytest.fixture
def database(db_url: str) -> Iterator[Database]:
    """The migrated database of one test, on each backend."""
    opened = open_database(db_url)
    yield opened
    opened.dispose()


def _trgm_indexes(database: Database) -> set[str]:
    with database.engine.connect() as connection:
        rows = connection.execute(text("SELECT indexname FROM pg_indexes WHERE tablename = 'affectedparty'"))
        return {str(name) for (name,) in rows} & TRGM_INDEXES


def test_the_search_index_is_there_after_migrating(database: Database) -> None:
    with database.engine.connect() as connection:
        if database.is_sqlite:
            names = connection.execute(text("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')"))
            assert {"party_fts", "party_fts_insert", "party_fts_update", "party_fts_delete"} <= set(names.scalars())
            return
        assert connection.execute(text("SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'")).scalar() == 1
        # On an empty table the planner would scan: forbid that to see that the LIKE search can use the index.
        connection.execute(text("SET enable_seqscan = off"))
        plan = connection.execute(
            text("EXPLAIN SELECT id FROM affectedparty WHERE name_folded LIKE :p ESCAPE '\\'"), {"p": "%nguyen%"}
        )
        assert "ix_affectedparty_name_folded_trgm" in "\n".join(plan.scalars())
    assert _trgm_indexes(database) == TRGM_INDEXES


@pytest.mark.postgresql
def test_without_the_right_to_create_extensions_the_migration_still_succeeds(pg_template: str) -> None:
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    suffix = uuid.uuid4().hex[:8]
    name, role = f"dossier_noext_{suffix}", f"dossier_limited_{suffix}"
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE ROLE "{role}" LOGIN'))
            connection.execute(text(f'CREATE DATABASE "{name}"'))  # owned by the admin: the role may not CREATE on it
        own = create_engine(make_url(PG_URL).set(database=name), isolation_level="AUTOCOMMIT")
        with own.connect() as connection:
            connection.execute(text(f'GRANT USAGE, CREATE ON SCHEMA public TO "{role}"'))
        own.dispose()
        url = make_url(PG_URL).set(database=name, username=role).render_as_string(hide_password=False)
        database = open_database(url)
        try:
            assert migrations.current_revision(database) == migrations.head_revision()
            assert _trgm_indexes(database) == set()
            with database.engine.connect() as connection:
                found = connection.execute(text("SELECT count(*) FROM affectedparty WHERE name_folded LIKE '%a%'"))
                assert found.scalar() == 0
        finally:
            database.dispose()
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            connection.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
        admin.dispose()
