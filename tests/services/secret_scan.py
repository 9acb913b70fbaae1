"""Looking for a secret everywhere the program writes: every text column of every table, the raw files."""

from pathlib import Path

from sqlalchemy import String, Text, inspect, text
from sqlalchemy.engine import make_url

from dossier_app.storage.database import Database


def text_columns_containing(database: Database, secret: str) -> list[str]:
    """`table.column` of every text column, in every table, that holds the secret anywhere in a value."""
    found = []
    inspector = inspect(database.engine)
    with database.engine.connect() as connection:
        for table in inspector.get_table_names():
            for column in inspector.get_columns(table):
                if not isinstance(column["type"], String | Text):
                    continue
                name = column["name"]
                hits = connection.execute(
                    text(f'SELECT count(*) FROM "{table}" WHERE "{name}" LIKE :pattern'), {"pattern": f"%{secret}%"}
                ).scalar()
                if hits:
                    found.append(f"{table}.{name}")
    return found


def files_containing(database: Database, secret: str) -> list[str]:
    """The SQLite file and its journal files whose raw bytes hold the secret (freed pages included)."""
    if not database.is_sqlite:
        return []
    path = Path(str(make_url(database.url).database))
    candidates = [path, Path(f"{path}-wal"), Path(f"{path}-journal")]
    return [str(p) for p in candidates if p.exists() and secret.encode("utf-8") in p.read_bytes()]
