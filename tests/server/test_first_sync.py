"""The first sync against a real `serve` process, a page at a time (pages made small so the demo spans many): a sync
cancelled between pages, or stopped in the middle of one (its transaction's pages lost), resumes where it stopped
and ends equal to the server with nothing twice; its progress only grows and reaches the total."""

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from dossier_app.services import open_services
from dossier_app.services.core.context import Operator
from dossier_app.services.sync import replica as replica_module
from dossier_app.services.sync.client import SyncConnection
from dossier_app.services.sync.replica import PAGES_PER_COMMIT, ReplicaService, SyncReport
from dossier_app.storage.sync_log import synced_tables
from tests.server.http_api import PASSWORD
from tests.server.server_process import ServerProcess, serving_copy

KEY = "tt.can_cu_phap_ly"
PAGE = 40  # changes per page in these tests (the real one is 1000)


@pytest.fixture
def server(demo_server_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[ServerProcess]:
    monkeypatch.setattr(replica_module, "MAX_LIMIT", PAGE)
    with serving_copy(demo_server_db, tmp_path) as running:
        yield running


def sync(path: Path, server: ServerProcess, **options: object) -> SyncReport:
    services = open_services(str(path), Operator("cli:tester"))
    try:
        with SyncConnection(f"http://127.0.0.1:{server.port}") as connection:
            connection.sign_in("chuyenvien", PASSWORD, "laptop")
            return services.replica.sync(connection, **options)  # type: ignore[arg-type]
    finally:
        services.close()


def rows(database: Path | str) -> dict[str, list[str]]:
    """Every synced table's uids, sorted, repeats kept (a duplicate would show)."""
    with sqlite3.connect(database) as db:
        return {name: sorted(uid for (uid,) in db.execute(f"SELECT uid FROM {name}")) for name in synced_tables()}


def library(server: ServerProcess) -> int:
    with sqlite3.connect(server._argv[1]) as db:
        return int(db.execute("SELECT version FROM syncstate").fetchone()[0])


def cursor(path: Path) -> int:
    with sqlite3.connect(path) as db:
        return int(db.execute("SELECT value FROM setting WHERE key = 'sync.cursor'").fetchone()[0])


def test_a_cancelled_first_sync_resumes_and_ends_equal_to_the_server(server: ServerProcess, tmp_path: Path) -> None:
    laptop = tmp_path / "laptop.sqlite3"
    total = library(server)
    assert total > 5 * PAGE
    pages: list[tuple[int, int]] = []
    stopped = sync(
        laptop, server, progress=lambda done, of: pages.append((done, of)), cancelled=lambda: len(pages) >= 3
    )
    assert stopped.cancelled and not stopped.pushed and len(pages) == 3
    assert 0 < cursor(laptop) < total
    heard: list[tuple[int, int]] = []
    resumed = sync(laptop, server, progress=lambda done, of: heard.append((done, of)))
    assert resumed.clean and not resumed.cancelled
    assert rows(laptop) == rows(server._argv[1])
    assert cursor(laptop) == total
    dones = [done for done, _of in heard]
    assert dones == sorted(dones) and heard[-1][0] == heard[-1][1] > 0
    assert all(done <= of for done, of in heard)
    assert heard[-1][1] < total  # it went on from where the cancelled one stopped


def test_a_first_sync_stopped_in_the_middle_of_a_page_resumes_with_nothing_twice(
    server: ServerProcess, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    laptop = tmp_path / "laptop.sqlite3"
    monkeypatch.setattr(replica_module, "MAX_LIMIT", PAGE // 2)  # enough pages for two transactions
    apply_page, calls = ReplicaService._apply_page, []

    def dies_in_the_second_transaction(self: ReplicaService, *args: object) -> object:
        calls.append(1)
        if len(calls) == PAGES_PER_COMMIT + 3:
            raise KeyboardInterrupt  # as a kill in the middle of a page: its transaction never commits
        return apply_page(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(ReplicaService, "_apply_page", dies_in_the_second_transaction)
    with pytest.raises(KeyboardInterrupt):
        sync(laptop, server)
    monkeypatch.setattr(ReplicaService, "_apply_page", apply_page)
    assert 0 < cursor(laptop) < library(server)  # the first transaction's pages are kept, not the second's
    assert sync(laptop, server).clean
    assert rows(laptop) == rows(server._argv[1])


def test_rows_whose_project_changed_since_come_with_it_and_are_placed_at_once(
    server: ServerProcess, tmp_path: Path
) -> None:
    with sqlite3.connect(server._argv[1]) as db:  # the project edited after everything under it
        top = int(db.execute("SELECT version FROM syncstate").fetchone()[0]) + 1
        db.execute("UPDATE syncstate SET version = ?", (top,))
        db.execute("UPDATE project SET name = name || ' (sửa)', sync_version = ? WHERE code = 'CT-ITP'", (top,))
    laptop = tmp_path / "laptop.sqlite3"
    pages: list[tuple[int, int]] = []
    stopped = sync(
        laptop, server, progress=lambda done, of: pages.append((done, of)), cancelled=lambda: len(pages) >= 4
    )
    assert stopped.cancelled
    with sqlite3.connect(laptop) as db:
        name = db.execute("SELECT name FROM project WHERE code = 'CT-ITP'").fetchone()
        under = db.execute(
            "SELECT count(*) FROM document d JOIN project p ON p.id = d.project_id WHERE p.code = 'CT-ITP'"
        )
        assert name and name[0].endswith("(sửa)") and under.fetchone()[0] > 0
    assert cursor(laptop) == pages[-1][0]  # nothing waits for a later page: the cursor is the page's
    assert sync(laptop, server).clean
    assert rows(laptop) == rows(server._argv[1])


def test_a_section_the_server_moved_twice_during_one_pull_is_merged_once_against_the_latest(
    server: ServerProcess, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.server.test_sync_process import FIRST, LAST, Replica, server_section

    a, b = Replica(tmp_path / "a.sqlite3", server, "chuyenvien"), Replica(tmp_path / "b.sqlite3", server, "chuyenvien")
    try:
        assert a.sync().clean and b.sync().clean
        base = a.body()
        b.save(base.replace(LAST, LAST + " (bản B)"))
        a.save(base.replace(FIRST, FIRST + " (A1)"))
        assert a.sync().clean
        a.save(a.body().replace("(A1)", "(A1, A2)"))
        assert a.sync().clean
        monkeypatch.setattr(replica_module, "MAX_LIMIT", 1)  # each server revision on a page of its own
        report = b.sync()
        assert report.clean and report.merged == [f"CT-HTP {KEY}"]
        with sqlite3.connect(b.path) as db:
            assert db.execute("SELECT count(*) FROM syncconflict").fetchone()[0] == 1
        body = server_section(server)[0]
        assert "(A1, A2)" in body and "(bản B)" in body
    finally:
        a.close()
        b.close()
