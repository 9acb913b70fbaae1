"""Alembic migrations: the program upgrades the schema on open and refuses a newer one."""

from pathlib import Path
from typing import TYPE_CHECKING

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError

from dossier_app.domain.errors import SchemaTooNew

if TYPE_CHECKING:
    from dossier_app.storage.database import Database

MIGRATIONS_DIR = Path(__file__).resolve().parent


def alembic_config(database: "Database") -> Config:
    """An Alembic config bound to this database's open engine (no alembic.ini needed)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", database.url.replace("%", "%%"))
    config.attributes["engine"] = database.engine
    return config


def current_revision(database: "Database") -> str | None:
    """The revision the database is at, or None for an empty one."""
    with database.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str:
    """The newest revision this program knows."""
    head = ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head()
    assert head is not None
    return head


def known_revision(revision: str) -> bool:
    """Whether this program's migrations know a schema revision (a backup from a newer program's does not)."""
    if not revision:
        return False
    try:
        return ScriptDirectory(str(MIGRATIONS_DIR)).get_revision(revision) is not None
    except CommandError:
        return False


def upgrade(database: "Database") -> None:
    """Bring the schema to head; refuse a database a newer program has written."""
    config = alembic_config(database)
    current = current_revision(database)
    if current == head_revision():
        return
    if current is not None:
        try:
            known = ScriptDirectory.from_config(config).get_revision(current)
        except CommandError:
            known = None
        if known is None:
            raise SchemaTooNew(location=database.display_location, revision=current)
    command.upgrade(config, "head")


def include_object(_obj: object, name: str | None, _type: str, _reflected: bool, _compare_to: object) -> bool:
    """Whether the models-versus-schema comparison looks at a table or index: the search index (migration 0013:
    SQLite's party_fts and its shadow tables, PostgreSQL's trigram indexes) lives in migrations only."""
    return not (name or "").startswith("party_fts") and not (name or "").endswith("_trgm")
