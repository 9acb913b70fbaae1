"""Plain HTTP against a running `main.py serve`, and reading its database from outside: what the role matrix, the
hostile requests, the fault trials and the replica property test share."""

import sqlite3
import uuid
from collections.abc import Collection, Iterator
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


@contextmanager
def opened(database: Path) -> Iterator[sqlite3.Connection]:
    """A connection to a database file, committed and closed at the end (a connection left to the garbage
    collector keeps the file's WAL index mapped while killed processes and others remove and remake it)."""
    connection = sqlite3.connect(database, timeout=30)
    try:
        with connection:
            yield connection
    finally:
        connection.close()


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
    with opened(database) as db:
        return {
            name: db.execute(f"SELECT * FROM {name} ORDER BY 1").fetchall() for name in (*synced_tables(), *BOOKKEEPING)
        }


def rows_by_uid(database: Path, table: str, columns: str) -> dict[str, tuple[Any, ...]]:
    """`columns` of every row of a synced table, by uid."""
    with opened(database) as db:
        query = f"SELECT uid, {columns} FROM {table}"
        return {row[0]: tuple(row[1:]) for row in db.execute(query)}


def integrity_problems(database: Path) -> list[Any]:
    """What SQLite's own checks find wrong: `integrity_check` other than ok, and every foreign key left dangling."""
    with opened(database) as db:
        found = [row for row in db.execute("PRAGMA integrity_check") if row != ("ok",)]
        return found + db.execute("PRAGMA foreign_key_check").fetchall()


def empty_sections(database: Path) -> list[tuple[str, str]]:
    """(uid, project code and outline key) of every section with no revision yet, in a stable order."""
    with opened(database) as db:
        return db.execute(
            "SELECT s.uid, p.code || ' ' || s.outline_key FROM section s JOIN document d ON d.id = s.document_id "
            "JOIN project p ON p.id = d.project_id WHERE NOT EXISTS "
            "(SELECT 1 FROM sectionrevision r WHERE r.section_id = s.id) ORDER BY p.code, s.id"
        ).fetchall()


def section_row(database: Path, uid: str) -> tuple[Any, ...]:
    """A section's body, state, approved hash and approver, and how many revisions and comments it has."""
    with opened(database) as db:
        return tuple(
            db.execute(
                "SELECT s.body, s.state, s.approved_hash, s.approved_by, "
                "(SELECT count(*) FROM sectionrevision r WHERE r.section_id = s.id), "
                "(SELECT count(*) FROM sectioncomment c WHERE c.section_id = s.id) FROM section s WHERE s.uid = ?",
                (uid,),
            ).fetchone()
        )


def uids(database: Path, table: str) -> set[str]:
    with opened(database) as db:
        return {uid for (uid,) in db.execute(f"SELECT uid FROM {table}")}


def same_as_server(
    replica: Path,
    server: Path,
    in_conflict: Collection[str] = (),
    echoes: Collection[str] = (),
    apart: Collection[str] = (),
) -> None:
    """Every synced table holds the rows the server holds (by uid) and no other, and every section its text and
    review fields, except a section in conflict here: its own text, and revisions and comments waiting on it; but
    for `echoes`, revisions here the server took as unchanged; and but for the rows `apart` on either side (a
    household's waiting here for a person to pick a field's value)."""
    with opened(server) as theirs, opened(replica) as ours:
        waiting: set[str] = set(echoes)
        for uid in in_conflict:
            for table in ("sectionrevision", "sectioncomment"):
                query = f"SELECT t.uid FROM {table} t JOIN section s ON s.id = t.section_id WHERE s.uid = ?"
                waiting |= {row[0] for row in ours.execute(query, (uid,))}
        for name in synced_tables():
            query = f"SELECT uid FROM {name}"
            mine, on_server = {r[0] for r in ours.execute(query)}, {r[0] for r in theirs.execute(query)}
            mine, on_server = mine.difference(apart), on_server.difference(apart)
            extra = mine - on_server - waiting
            assert on_server <= mine and not extra, (name, on_server - mine, extra, str(replica))
        query = (
            "SELECT s.uid, s.body, s.state, s.approved_hash, a.uid, b.uid FROM section s "
            "LEFT JOIN sectionrevision a ON a.id = s.approved_revision_id "
            "LEFT JOIN sectionrevision b ON b.id = s.submitted_revision_id ORDER BY s.uid"
        )
        left_out = {*in_conflict, *apart}
        rows = [row for row in ours.execute(query) if row[0] not in left_out]
        assert rows == [row for row in theirs.execute(query) if row[0] not in left_out]


def echoed_revisions(replica: Path, server: Path) -> set[str]:
    """Revisions made here that the server does not hold, whose text one of the section's revisions on the server
    has: the push answered them `unchanged` (another desk had written the same text first), so none was made."""
    query = "SELECT r.uid, s.uid, r.body FROM sectionrevision r JOIN section s ON s.id = r.section_id"
    with opened(server) as theirs, opened(replica) as ours:
        held = {(section, body) for _uid, section, body in theirs.execute(query)}
        on_server = {uid for uid, _section, _body in theirs.execute(query)}
        return {uid for uid, section, body in ours.execute(query) if uid not in on_server and (section, body) in held}
