"""A library's identity: every feed answer names the server's library; a restore gives it a new id; a replica that
pulled from another library stops with a bilingual message (exit 2) and pulls nothing."""

import sqlite3
import uuid
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from dossier_app.domain.errors import LibraryChanged
from dossier_app.services import Services, open_services
from dossier_app.services.core.context import Operator
from dossier_app.services.sync.client import SyncConnection
from dossier_app.services.sync.library import LIBRARY_ID_KEY, PINNED_LIBRARY_KEY, library_id
from tests.server.server_process import ServerProcess, demo_server_database, main_py
from tests.server.test_session_api import bearer, token_of

PASSWORD = "demo-cantho"
SYNC_ENV = {"DOSSIER_PASSWORD": PASSWORD, "DOSSIER_USER": "chuyenvien"}


def test_every_feed_answer_names_one_library(client: TestClient, server_services: Services) -> None:
    headers = bearer(token_of(client))
    page = client.get("/v1/changes?since=0", headers=headers)
    identity = page.headers["Library-Id"]
    assert uuid.UUID(identity) and identity == library_id(server_services.database)
    library = server_services.changes.library_version()
    held = client.get("/v1/changes", headers={**headers, "If-Modified-Since-Version": str(library)})
    ahead = client.get(f"/v1/changes?since={library + 5}", headers=headers)
    assert held.status_code == 304 and held.headers["Library-Id"] == identity
    assert ahead.status_code == 400 and ahead.json()["error"] == "cursor_ahead"
    assert ahead.headers["Library-Id"] == identity


def test_a_restore_gives_the_library_a_new_id(services: Services, tmp_path: Path) -> None:
    before = library_id(services.database)
    backup = tmp_path / "backup.sqlite3"
    services.backups.back_up(backup)
    services.backups.restore(backup)
    after = library_id(services.database)
    assert after != before and uuid.UUID(after)


def _setting(database: Path, key: str) -> str:
    with sqlite3.connect(database) as db:
        row = db.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
    return row[0] if row else ""


def test_a_replica_of_a_restored_server_stops_and_keeps_its_work(tmp_path: Path) -> None:
    server_db = demo_server_database(tmp_path)
    backup = tmp_path / "server-backup.sqlite3"
    assert main_py("--db", str(server_db), "backup", str(backup)).returncode == 0
    laptop = tmp_path / "laptop.sqlite3"
    with ServerProcess(server_db, tmp_path) as server:
        address = f"http://127.0.0.1:{server.port}"
        first = main_py("--db", str(laptop), "sync", "--server", address, env=SYNC_ENV)
        assert first.returncode == 0, first.stderr
    pinned, cursor = _setting(laptop, PINNED_LIBRARY_KEY), _setting(laptop, "sync.cursor")
    assert pinned == _setting(server_db, LIBRARY_ID_KEY) and int(cursor) > 0
    restored = main_py("--db", str(server_db), "restore", "--yes", str(backup))
    assert restored.returncode == 0, restored.stderr
    with ServerProcess(server_db, tmp_path) as server:
        address = f"http://127.0.0.1:{server.port}"
        again = main_py("--db", str(laptop), "sync", "--server", address, env=SYNC_ENV)
        presented = _setting(server_db, LIBRARY_ID_KEY)
        assert presented and presented != pinned
        assert again.returncode == 2, again.stdout
        assert pinned in again.stderr and presented in again.stderr
        assert "thư viện" in again.stderr and "section get" in again.stderr  # Vietnamese, then English
        assert _setting(laptop, PINNED_LIBRARY_KEY) == pinned and _setting(laptop, "sync.cursor") == cursor
        replica = open_services(str(laptop), Operator("cli:tester"))
        try:
            with SyncConnection(address) as connection, pytest.raises(LibraryChanged):
                connection.sign_in("chuyenvien", PASSWORD, "test")
                replica.replica.sync(connection)
        finally:
            replica.close()
