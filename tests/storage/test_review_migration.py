"""Migration 0003 (section review) on a database that already holds sections: rows become drafts; it also
goes down and up again on each backend."""

from collections.abc import Iterator

import pytest
from alembic import command
from sqlalchemy import inspect, text

from dossier_app.storage import migrations
from dossier_app.storage.database import Database, open_database


@pytest.fixture
def database(db_url: str) -> Iterator[Database]:
    """The migrated database of one test, on each backend."""
    opened = open_database(db_url)
    yield opened
    opened.dispose()


def test_sections_written_before_review_become_drafts(database: Database) -> None:
    config = migrations.alembic_config(database)
    command.downgrade(config, "0002")
    assert "sectioncomment" not in inspect(database.engine).get_table_names()
    with database.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO project (id, code, name, kind, regime_key, location, ward, investor, governing_body,"
                " issuing_body, signer_title, signer_name, created_at, updated_at, updated_by)"
                " VALUES (1, 'P', 'P', 'it_park', 'nd154_2013', '', '', '', '', '', '', '', :at, :at, '')"
            ),
            {"at": "2026-11-25 10:00:00+00:00"},
        )
        connection.execute(
            text("INSERT INTO document (id, project_id, kind, title, position) VALUES (1, 1, 'de_an', 'D', 0)")
        )
        connection.execute(
            text(
                "INSERT INTO section (id, document_id, title, required, position, body, plain_text, search_text,"
                " word_count, version, updated_at, updated_by)"
                " VALUES (1, 1, 'S', true, 0, 'x', 'x', 'x', 1, 1, :at, '')"
            ),
            {"at": "2026-11-25 10:00:00+00:00"},
        )
    command.upgrade(config, "head")
    assert migrations.current_revision(database) == migrations.head_revision()
    with database.engine.connect() as connection:
        row = connection.execute(
            text(
                "SELECT state, submitted_revision_id, submitted_by, approved_revision_id, approved_hash,"
                " approved_by, changed_since_approval FROM section WHERE id = 1"
            )
        ).one()
    assert tuple(row) == ("draft", None, "", None, "", "", False)
