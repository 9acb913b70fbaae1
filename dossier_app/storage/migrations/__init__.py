"""Alembic migrations: the program upgrades the schema on open and refuses a newer one.

Opening a database that is already at head never imports Alembic (a third of a second): the head is read from the
version files' `revision` / `down_revision` lines and the current revision from the `alembic_version` table.
"""

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine

from dossier_app.domain.errors import SchemaTooNew

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent
VERSIONS_DIR = MIGRATIONS_DIR / "versions"
_REVISION_LINE = re.compile(r"^(down_revision|revision)\s*(?::[^=]*)?=\s*['\"]?([\w-]+|None)['\"]?\s*$", re.MULTILINE)


class MigratedDatabase(Protocol):
    """What migrating needs of an open database (storage.database.Database has it), without importing that module."""

    @property
    def url(self) -> str:
        """The database's URL, password included."""

    @property
    def engine(self) -> Engine:
        """The open engine."""

    @property
    def display_location(self) -> str:
        """Where the database is, for messages."""


def alembic_config(database: MigratedDatabase) -> "Config":
    """An Alembic config bound to this database's open engine (no alembic.ini needed)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", database.url.replace("%", "%%"))
    config.attributes["engine"] = database.engine
    return config


def current_revision(database: MigratedDatabase) -> str | None:
    """The revision the database is at, or None for an empty one."""
    with database.engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
        return str(row[0]) if row else None


@cache
def revision_graph() -> dict[str, str | None]:
    """Each revision of the version files and the one it follows, read as text."""
    graph: dict[str, str | None] = {}
    for path in sorted(VERSIONS_DIR.glob("*.py")):
        found = dict(_REVISION_LINE.findall(path.read_text(encoding="utf-8")))
        if "revision" in found:
            down = found.get("down_revision")
            graph[found["revision"]] = None if down in (None, "None") else down
    return graph


def head_revision() -> str:
    """The newest revision this program knows: the one no other revision follows."""
    graph = revision_graph()
    heads = set(graph) - {down for down in graph.values() if down}
    if len(heads) != 1:
        raise RuntimeError(f"the migrations have {len(heads)} heads: {sorted(heads)}; give each new one the head")
    return heads.pop()


def known_revision(revision: str) -> bool:
    """Whether this program's migrations know a schema revision (a backup from a newer program's does not)."""
    return bool(revision) and revision in revision_graph()


def upgrade(database: MigratedDatabase) -> None:
    """Bring the schema to head; refuse a database a newer program has written."""
    current = current_revision(database)
    if current == head_revision():
        return
    if current is not None and not known_revision(current):
        raise SchemaTooNew(location=database.display_location, revision=current)
    from alembic import command

    command.upgrade(alembic_config(database), "head")


def include_object(_obj: object, name: str | None, _type: str, _reflected: bool, _compare_to: object) -> bool:
    """Whether the models-versus-schema comparison looks at a table or index: the search index (migration 0013:
    SQLite's party_fts and its shadow tables, PostgreSQL's trigram indexes) lives in migrations only."""
    return not (name or "").startswith("party_fts") and not (name or "").endswith("_trgm")
