"""The database: migrations equal the models, SQLite pragmas, and refusals that change nothing."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError
from sqlmodel import SQLModel

from dossier_app.domain.errors import SchemaTooNew, StorageUnavailable
from dossier_app.domain.models import load_all
from dossier_app.storage import migrations
from dossier_app.storage.database import Database, open_database, resolve_url

FUTURE_REVISION = "9999_from_the_future"
TABLES = {"project", "document", "section", "sectionrevision", "attachment"}


@pytest.fixture
def database(db_url: str) -> Iterator[Database]:
    """The migrated database of one test, on each backend."""
    opened = open_database(db_url)
    yield opened
    opened.dispose()


def _schema_diff(database: Database) -> list[object]:
    load_all()
    with database.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_object": migrations.include_object}
        )
        return list(compare_metadata(context, SQLModel.metadata))


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_migrations_produce_exactly_the_models_schema(database: Database) -> None:
    assert migrations.current_revision(database) == migrations.head_revision()
    assert set(inspect(database.engine).get_table_names()) >= TABLES
    assert _schema_diff(database) == []


def test_schema_comparison_notices_a_drift(database: Database) -> None:
    """The check above is not vacuous: a column the models lack shows up as a difference."""
    with database.engine.begin() as connection:
        connection.execute(text("ALTER TABLE project ADD COLUMN stray_note VARCHAR(20)"))
    diff = _schema_diff(database)
    assert any(op[0] == "remove_column" and op[3].name == "stray_note" for op in diff)  # type: ignore[index]


def test_opening_again_keeps_data_and_revision(db_url: str) -> None:
    first = open_database(db_url)
    with first.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO project (uid, code, name, kind, regime_key, location, ward, investor, governing_body, "
                "issuing_body, signer_title, signer_name, created_at, updated_at, updated_by) VALUES "
                "('0b5e6f2c-1d3a-4c8e-9f7a-2b4c6d8e0f1a', 'X-1', 'Khu thử', 'it_park', 'nd154_2013', '', '', '', "
                "'', '', '', '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'tester')"
            )
        )
    first.dispose()
    second = open_database(db_url)
    try:
        assert migrations.current_revision(second) == migrations.head_revision()
        with second.engine.connect() as connection:
            assert connection.execute(text("SELECT name FROM project")).scalars().all() == ["Khu thử"]
    finally:
        second.dispose()


def test_sqlite_pragmas_are_on_for_every_connection(sqlite_url: str) -> None:
    database = open_database(sqlite_url)
    try:
        for _ in range(2):
            with database.engine.connect() as connection:
                assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
                assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
                assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            database.engine.dispose()
    finally:
        database.dispose()


def test_foreign_keys_are_enforced(database: Database) -> None:
    with pytest.raises(IntegrityError), database.engine.begin() as connection:
        connection.execute(
            text("INSERT INTO document (project_id, kind, title, position) VALUES (424242, 'de_an', 'x', 0)")
        )
    with database.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM document")).scalar() == 0


@pytest.mark.parametrize("below", ["dossier.sqlite3", "nested/deeper/dossier.sqlite3"])
def test_unwritable_path_raises_storage_unavailable_and_creates_nothing(tmp_path: Path, below: str) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_bytes(b"a regular file")
    before = sorted(p.name for p in tmp_path.rglob("*"))
    target = blocker / below
    with pytest.raises(StorageUnavailable) as caught:
        open_database(str(target))
    assert str(blocker) in caught.value.message
    assert sorted(p.name for p in tmp_path.rglob("*")) == before
    assert blocker.read_bytes() == b"a regular file"


def test_unreachable_server_raises_storage_unavailable() -> None:
    with pytest.raises(StorageUnavailable) as caught:
        open_database("postgresql+psycopg://nobody:secret@127.0.0.1:1/none?connect_timeout=2")
    assert "secret" not in caught.value.message


def _stamp_future(database: Database) -> None:
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = :rev"), {"rev": FUTURE_REVISION})
    database.dispose()


def test_newer_schema_is_refused_and_the_file_is_unchanged(sqlite_url: str, tmp_path: Path) -> None:
    _stamp_future(open_database(sqlite_url))
    before = _files(tmp_path)
    assert "dossier.sqlite3" in before
    with pytest.raises(SchemaTooNew) as caught:
        open_database(sqlite_url)
    assert FUTURE_REVISION in caught.value.message
    assert _files(tmp_path) == before


def test_newer_schema_is_refused_on_each_backend(db_url: str) -> None:
    _stamp_future(open_database(db_url))
    with pytest.raises(SchemaTooNew):
        open_database(db_url)
    check = open_database(db_url, upgrade=False)
    try:
        assert migrations.current_revision(check) == FUTURE_REVISION
        assert set(inspect(check.engine).get_table_names()) >= TABLES
    finally:
        check.dispose()


def test_resolve_url_turns_paths_into_sqlite_urls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DOSSIER_DB", raising=False)
    assert resolve_url(str(tmp_path / "a.sqlite3")) == f"sqlite:///{tmp_path / 'a.sqlite3'}"
    assert resolve_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"
    monkeypatch.setenv("DOSSIER_DB", str(tmp_path / "env.sqlite3"))
    assert resolve_url(None) == f"sqlite:///{tmp_path / 'env.sqlite3'}"
    assert resolve_url(str(tmp_path / "cli.sqlite3")).endswith("cli.sqlite3")


def test_attachment_store_lives_beside_a_sqlite_file(sqlite_url: str, tmp_path: Path) -> None:
    database = open_database(sqlite_url)
    try:
        assert database.files_root() == tmp_path / "dossier.sqlite3.files"
        assert database.display_location == str(tmp_path / "dossier.sqlite3")
    finally:
        database.dispose()


def test_the_revisions_read_as_text_are_alembics_own() -> None:
    """The start reads the head without Alembic; it must agree with Alembic on every revision and the head."""
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory(str(migrations.MIGRATIONS_DIR))
    assert migrations.revision_graph() == {r.revision: r.down_revision for r in scripts.walk_revisions()}
    assert migrations.head_revision() == scripts.get_current_head()
