"""Plain HTTP against a running `main.py serve`, and reading its database from outside: what the role matrix, the
hostile requests, the fault trials and the replica property test share."""

import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from dossier_app.storage.sync_log import synced_tables
from tests.server.server_process import ServerProcess

PASSWORD = "demo-cantho"  # the demo accounts' password
OFFICER, MANAGER, CLERK, ADMIN = "chuyenvien", "lanhdao", "vanthu", "quantri"
# The server's own bookkeeping of what it holds, compared with the synced tables.
BOOKKEEPING = ("syncstate", "synctombstone", "syncappliedchange")


def url(server: ServerProcess) -> str:
    return f"http://127.0.0.1:{server.port}"


def database_of(server: ServerProcess) -> Path:
    return Path(server._argv[1])


@contextmanager
def api(server: ServerProcess) -> Iterator[httpx.Client]:
    """An HTTP client of the server (no proxy from the environment)."""
    with httpx.Client(base_url=url(server), trust_env=False, timeout=30) as client:
        yield client


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def token_of(client: httpx.Client, username: str, password: str = PASSWORD) -> str:
    answer = client.post("/v1/session", json={"username": username, "password": password, "client": "trials"})
    assert answer.status_code == 201, answer.text
    return str(answer.json()["token"])


def library_version(client: httpx.Client, token: str) -> int:
    """The server's library version, from a pull that holds a newer one than any (304)."""
    answer = client.get("/v1/changes", headers={**bearer(token), "If-Modified-Since-Version": str(10**15)})
    assert answer.status_code == 304, answer.text
    return int(answer.headers["Last-Modified-Version"])


def push(client: httpx.Client, token: str, changes: list[Any], based_on: int | None = None) -> httpx.Response:
    """POST /v1/changes based on the server's current library version (or `based_on`)."""
    version = library_version(client, token) if based_on is None else based_on
    headers = {**bearer(token), "If-Unmodified-Since-Version": str(version)}
    return client.post("/v1/changes", json={"changes": changes}, headers=headers)


def new_change(table: str, uid: str, fields: dict[str, Any]) -> dict[str, Any]:
    return {"id": str(uuid.uuid4()), "table": table, "uid": uid, "fields": fields}


def revision_change(section_uid: str, body: str, base: str | None) -> dict[str, Any]:
    return new_change("sectionrevision", str(uuid.uuid4()), {"section": section_uid, "base": base, "body": body})


def comment_change(section_uid: str, body: str) -> dict[str, Any]:
    return new_change("sectioncomment", str(uuid.uuid4()), {"section": section_uid, "body": body, "quote": ""})


def dump(database: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the synced tables and of the sync bookkeeping, in key order: what a refusal must not change."""
    with sqlite3.connect(database) as db:
        return {
            name: db.execute(f"SELECT * FROM {name} ORDER BY 1").fetchall() for name in (*synced_tables(), *BOOKKEEPING)
        }


def rows_by_uid(database: Path, table: str, columns: str) -> dict[str, tuple[Any, ...]]:
    """`columns` of every row of a synced table, by uid."""
    with sqlite3.connect(database) as db:
        query = f"SELECT uid, {columns} FROM {table}"
        return {row[0]: tuple(row[1:]) for row in db.execute(query)}


def integrity_problems(database: Path) -> list[Any]:
    """What SQLite's own checks find wrong: `integrity_check` other than ok, and every foreign key left dangling."""
    with sqlite3.connect(database) as db:
        found = [row for row in db.execute("PRAGMA integrity_check") if row != ("ok",)]
        return found + db.execute("PRAGMA foreign_key_check").fetchall()


def empty_sections(database: Path) -> list[tuple[str, str]]:
    """(uid, project code and outline key) of every section with no revision yet, in a stable order."""
    with sqlite3.connect(database) as db:
        return db.execute(
            "SELECT s.uid, p.code || ' ' || s.outline_key FROM section s JOIN document d ON d.id = s.document_id "
            "JOIN project p ON p.id = d.project_id WHERE NOT EXISTS "
            "(SELECT 1 FROM sectionrevision r WHERE r.section_id = s.id) ORDER BY p.code, s.id"
        ).fetchall()


def section_row(database: Path, uid: str) -> tuple[Any, ...]:
    """A section's body, state, approved hash and approver, and how many revisions and comments it has."""
    with sqlite3.connect(database) as db:
        return db.execute(
            "SELECT s.body, s.state, s.approved_hash, s.approved_by, "
            "(SELECT count(*) FROM sectionrevision r WHERE r.section_id = s.id), "
            "(SELECT count(*) FROM sectioncomment c WHERE c.section_id = s.id) FROM section s WHERE s.uid = ?",
            (uid,),
        ).fetchone()
