"""Sync between a real `main.py serve` process on a loopback port and replicas in temporary SQLite files: the first
sync pulls the department, edits in different blocks merge, the same block becomes a conflict with both texts
kept, review requests are re-checked by the server as the signed-in person, a tampered replica approves nothing, a
repeated push is applied once, and a push refused because the server moved (412) is merged and sent again."""

import shutil
import sqlite3
import uuid
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest

from dossier_app.cli.sections import find_section
from dossier_app.domain.enums import SectionState
from dossier_app.domain.errors import PreconditionFailed
from dossier_app.domain.models import Section
from dossier_app.services import open_services
from dossier_app.services.core.context import Operator
from dossier_app.services.sync.client import PushAnswer, SyncConnection
from dossier_app.services.sync.replica import SyncReport
from dossier_app.storage.sync_log import synced_tables
from tests.server.http_api import PASSWORD, url
from tests.server.server_process import ServerProcess, main_py

CODE, KEY = "CT-HTP", "tt.can_cu_phap_ly"
FIRST = "trên cơ sở các căn cứ pháp lý sau đây:"  # a phrase of the section's first paragraph
LAST = "Các văn bản nêu trên đã được Sở Tư pháp"  # and of its last


class Replica:
    """A desktop's SQLite copy, its services acting as the local operator, synced as one server account."""

    def __init__(self, path: Path, server: ServerProcess, username: str) -> None:
        self.path, self.server, self.username = path, server, username
        self.services = open_services(str(path), Operator("cli:tester"))

    def sync(self, connection: SyncConnection | None = None) -> SyncReport:
        with connection or SyncConnection(url(self.server)) as signed:
            if signed.token is None:  # signed in as `main.py sync` does: the desk remembers who synced
                self.services.people.remember(PASSWORD, signed.sign_in(self.username, PASSWORD, "test desk"))
            return self.services.replica.sync(signed)

    def body(self) -> str:
        return find_section(self.services, CODE, KEY).body

    def save(self, body: str) -> None:
        section = find_section(self.services, CODE, KEY)
        assert self.services.dossiers.save_body(section.id, body).changed

    def close(self) -> None:
        self.services.close()


@pytest.fixture
def replicas(server: ServerProcess, tmp_path: Path) -> Iterator[dict[str, Replica]]:
    """Two officers' desktops and a manager's, each synced once from the server."""
    made = {
        name: Replica(tmp_path / f"{name}.sqlite3", server, account)
        for name, account in (("a", "chuyenvien"), ("b", "chuyenvien"), ("manager", "lanhdao"))
    }
    for replica in made.values():
        assert replica.sync().clean
    yield made
    for replica in made.values():
        replica.close()


def server_db(server: ServerProcess) -> sqlite3.Connection:
    return sqlite3.connect(server._argv[1])


def server_section(server: ServerProcess) -> tuple[str, str, str, int]:
    """The server's body, state and approved hash of the section, and how many revisions it has."""
    with server_db(server) as db:
        row = db.execute(
            "SELECT s.body, s.state, s.approved_hash, s.id FROM section s JOIN document d ON d.id = s.document_id "
            "JOIN project p ON p.id = d.project_id WHERE p.code = ? AND s.outline_key = ?",
            (CODE, KEY),
        ).fetchone()
        count = db.execute("SELECT count(*) FROM sectionrevision WHERE section_id = ?", (row[3],)).fetchone()[0]
    return row[0], row[1], row[2], count


def revision_bodies(database: Path | str) -> list[str]:
    with sqlite3.connect(database) as db:
        return [
            body
            for (body,) in db.execute(
                "SELECT r.body FROM sectionrevision r JOIN section s ON s.id = r.section_id WHERE s.outline_key = ? "
                "AND s.document_id IN (SELECT d.id FROM document d JOIN project p ON p.id = d.project_id "
                "WHERE p.code = ?)",
                (KEY, CODE),
            )
        ]


def same_as_server(replica: Replica) -> None:
    """Every synced table holds the same rows (by uid) as the server's, and every section the same text and state."""
    with server_db(replica.server) as theirs, sqlite3.connect(replica.path) as ours:
        for name in synced_tables():
            query = f"SELECT uid FROM {name}"
            assert {r[0] for r in ours.execute(query)} == {r[0] for r in theirs.execute(query)}, name
        query = "SELECT uid, body, state, approved_hash FROM section ORDER BY uid"
        assert ours.execute(query).fetchall() == theirs.execute(query).fetchall()


def test_the_first_sync_of_an_empty_database_pulls_the_department(server: ServerProcess, tmp_path: Path) -> None:
    local = tmp_path / "laptop.sqlite3"
    env = {"DOSSIER_PASSWORD": PASSWORD, "DOSSIER_USER": "chuyenvien"}
    synced = main_py("--db", str(local), "sync", "--server", url(server), env=env)
    assert synced.returncode == 0, synced.stderr
    assert "Đồng bộ xong / in sync" in synced.stdout and "pulled:" in synced.stdout
    listed = main_py("--db", str(local), "projects")
    assert "CT-HTP" in listed.stdout and "CT-ITP" in listed.stdout
    replica = Replica(local, server, "chuyenvien")
    try:
        same_as_server(replica)
        again = replica.sync()
        assert again.clean and not again.pushed and again.pulled == 0
    finally:
        replica.close()


def test_the_command_exits_2_when_the_server_refuses_the_sign_in_or_is_not_there(
    server: ServerProcess, tmp_path: Path
) -> None:
    local = str(tmp_path / "laptop.sqlite3")
    wrong = main_py(
        "--db", local, "sync", "--server", url(server), "--user", "chuyenvien", env={"DOSSIER_PASSWORD": "wrong"}
    )
    assert wrong.returncode == 2 and "error" in wrong.stderr
    server.stop()
    gone = main_py(
        "--db", local, "sync", "--server", url(server), "--user", "chuyenvien", env={"DOSSIER_PASSWORD": PASSWORD}
    )
    assert gone.returncode == 2 and "cannot be reached" in gone.stderr


def test_edits_in_different_blocks_merge_and_every_offline_revision_reaches_the_server(
    replicas: dict[str, Replica],
) -> None:
    a, b = replicas["a"], replicas["b"]
    base = a.body()
    a.save(base.replace(FIRST, FIRST + " (bản A)"))
    b.save(base.replace(LAST, LAST + " (bản B)"))
    b.save(base.replace(LAST, LAST + " (bản B, lần 2)"))
    assert a.sync().pushed
    report = b.sync()
    assert report.clean and report.merged == [f"{CODE} {KEY}"]
    assert a.sync().clean
    body = server_section(a.server)[0]
    assert "(bản A)" in body and "(bản B, lần 2)" in body
    history = revision_bodies(a.server._argv[1])
    assert any("(bản B)" in text and "lần 2" not in text for text in history)  # B's first offline revision
    for replica in (a, b):
        same_as_server(replica)
        assert replica.body() == body


def test_the_same_block_changed_on_both_sides_is_a_conflict_keeping_both_texts(
    replicas: dict[str, Replica], tmp_path: Path
) -> None:
    a, b = replicas["a"], replicas["b"]
    base = a.body()
    ours_a, ours_b = base.replace(FIRST, FIRST + " (bản A)"), base.replace(FIRST, FIRST + " (bản B)")
    a.save(ours_a)
    b.save(ours_b)
    assert a.sync().clean
    report = b.sync()
    assert report.conflicts == [f"{CODE} {KEY}"] and not report.clean
    assert b.body() == ours_b  # nothing of B's is lost
    assert server_section(b.server)[0] == ours_a  # nor of A's
    [conflict] = b.services.replica.conflicts(CODE)
    assert (conflict.base_text, conflict.ours_text, conflict.theirs_text) == (base, ours_b, ours_a)
    listed = main_py("--db", str(b.path), "conflicts")
    assert listed.returncode == 1 and f"{CODE} {KEY}" in listed.stdout
    assert not b.sync().clean  # still in conflict; B's revision waits
    assert server_section(b.server)[0] == ours_a
    resolved = base.replace(FIRST, FIRST + " (bản A và B)")
    b.save(resolved)
    assert b.sync().clean
    assert server_section(b.server)[0] == resolved
    assert ours_b in revision_bodies(b.server._argv[1])  # B's offline revision is in the server's history
    assert main_py("--db", str(b.path), "conflicts").returncode == 0
    assert a.sync().clean and a.body() == resolved


def test_review_requests_made_offline_are_applied_as_the_signed_in_person(replicas: dict[str, Replica]) -> None:
    a, manager = replicas["a"], replicas["manager"]
    a.save(a.body() + "\n\nĐoạn bổ sung.")
    section = find_section(a.services, CODE, KEY)
    a.services.reviews.submit(section.id)  # offline, on the officer's desktop
    report = a.sync()
    assert report.clean and any("trình/submit" in label for label in report.pushed)
    assert server_section(a.server)[1] == SectionState.SUBMITTED.value
    assert manager.sync().clean
    mine = find_section(manager.services, CODE, KEY)
    review = manager.services.reviews.review(mine.id)
    manager.services.reviews.approve(mine.id, review.submitted_hash)
    assert manager.sync().clean
    _body, state, approved_hash, _count = server_section(manager.server)
    assert state == SectionState.APPROVED.value and approved_hash == review.submitted_hash
    with server_db(manager.server) as db:
        assert db.execute("SELECT approved_by FROM section WHERE approved_hash = ?", (approved_hash,)).fetchone() == (
            "lanhdao",
        )
    assert a.sync().clean
    same_as_server(a)


def test_a_tampered_officer_replica_cannot_make_the_server_approve(replicas: dict[str, Replica]) -> None:
    a = replicas["a"]
    a.save(a.body() + "\n\nĐoạn bổ sung.")
    section = find_section(a.services, CODE, KEY)
    a.services.reviews.submit(section.id)
    assert a.sync().clean
    before = server_section(a.server)
    with sqlite3.connect(a.path) as db:  # the officer edits the database by hand
        revision_id, digest = db.execute(
            "SELECT id, content_hash FROM sectionrevision WHERE section_id = ? ORDER BY number DESC LIMIT 1",
            (section.id,),
        ).fetchone()
        db.execute(
            "UPDATE section SET state = 'approved', approved_revision_id = ?, approved_hash = ?, "
            "approved_by = 'lanhdao' WHERE id = ?",
            (revision_id, digest, section.id),
        )
    env = {"DOSSIER_PASSWORD": PASSWORD}
    synced = main_py("--db", str(a.path), "sync", "--server", url(a.server), "--user", "chuyenvien", env=env)
    assert synced.returncode == 1, synced.stderr
    [refusal] = [line for line in synced.stdout.splitlines() if line.startswith("Bị từ chối / refused:")]
    assert f"{CODE} {KEY}: duyệt/approve" in refusal and "không có quyền" in refusal and "not allowed" in refusal
    assert server_section(a.server) == before  # still submitted, not approved
    assert a.services.reviews.review(section.id).state is SectionState.SUBMITTED  # the server's state again
    same_as_server(a)
    # The same approval written straight into a push, with the officer's token: refused, nothing changes.
    with SyncConnection(url(a.server)) as connection:
        connection.sign_in("chuyenvien", PASSWORD, "forged")
        with sqlite3.connect(a.path) as db:
            section_uid, revision_uid = db.execute(
                "SELECT s.uid, r.uid FROM section s JOIN sectionrevision r ON r.id = s.submitted_revision_id "
                "WHERE s.id = ?",
                (section.id,),
            ).fetchone()
        library = connection.changes(a.services.replica.cursor()).library_version
        forged = {
            "id": str(uuid.uuid4()),
            "table": "section",
            "uid": section_uid,
            "fields": {"review": "approve", "revision": revision_uid, "hash": digest},
        }
        [result] = connection.push(library, [forged]).results
        assert result.status == "refused" and result.error == "permission_denied" and result.message_vi
    assert server_section(a.server) == before


def test_a_push_repeated_with_the_same_change_ids_is_applied_once(replicas: dict[str, Replica]) -> None:
    a = replicas["a"]
    with sqlite3.connect(a.path) as db:
        section_uid, head_uid = db.execute(
            "SELECT s.uid, r.uid FROM section s JOIN sectionrevision r ON r.section_id = s.id WHERE s.id = ? "
            "ORDER BY r.number DESC LIMIT 1",
            (find_section(a.services, CODE, KEY).id,),
        ).fetchone()
    changes = [
        {
            "id": str(uuid.uuid4()),
            "table": "sectionrevision",
            "uid": str(uuid.uuid4()),
            "fields": {"section": section_uid, "base": head_uid, "body": a.body() + "\n\nMột lần thôi."},
        },
        {
            "id": str(uuid.uuid4()),
            "table": "sectioncomment",
            "uid": str(uuid.uuid4()),
            "fields": {"section": section_uid, "body": "Một ý kiến.", "quote": ""},
        },
    ]
    count = server_section(a.server)[3]
    with SyncConnection(url(a.server)) as connection:
        connection.sign_in("chuyenvien", PASSWORD, "retry")
        library = connection.changes(a.services.replica.cursor()).library_version
        first = connection.push(library, changes)
        assert [r.status for r in first.results] == ["applied", "applied"]
        with pytest.raises(PreconditionFailed):  # the same push again, on the version it was based on
            connection.push(library, changes)
        again = connection.push(first.library_version, changes)  # as after pulling: acknowledged, not applied
        assert [r.status for r in again.results] == ["already", "already"]
        assert again.library_version == first.library_version
    assert server_section(a.server)[3] == count + 1
    with server_db(a.server) as db:
        assert db.execute("SELECT count(*) FROM sectioncomment WHERE body = 'Một ý kiến.'").fetchone() == (1,)


class MovingServer(SyncConnection):
    """A connection whose first push finds the server moved: another desktop syncs just before it."""

    def __init__(self, base_url: str, before_push: Any) -> None:
        super().__init__(base_url)
        self._before_push = before_push
        self.pushes = 0

    def push(self, based_on: int, changes: Sequence[Mapping[str, Any]]) -> PushAnswer:
        self.pushes += 1
        if self._before_push is not None:
            hook, self._before_push = self._before_push, None
            hook()
        return super().push(based_on, changes)


def test_a_push_refused_because_the_server_moved_is_merged_and_sent_again(replicas: dict[str, Replica]) -> None:
    a, b = replicas["a"], replicas["b"]
    base = a.body()
    a.save(base.replace(FIRST, FIRST + " (bản A)"))
    b.save(base.replace(LAST, LAST + " (bản B)"))
    connection = MovingServer(url(b.server), lambda: a.sync())
    connection.sign_in("chuyenvien", PASSWORD, "moving")
    report = b.sync(connection)
    assert report.clean and report.retried == 1 and connection.pushes >= 2
    assert report.merged == [f"{CODE} {KEY}"]
    body = server_section(b.server)[0]
    assert "(bản A)" in body and "(bản B)" in body
    assert a.sync().clean
    for replica in (a, b):
        same_as_server(replica)


def test_a_section_deleted_on_the_server_and_edited_here_keeps_the_edit(replicas: dict[str, Replica]) -> None:
    a = replicas["a"]
    edited = a.body() + "\n\nĐoạn viết ngoài hiện trường.\n"
    a.save(edited)
    on_server = open_services(a.server._argv[1], Operator("cli:tester"))
    try:  # a hard delete on the server (as a regime switch makes): its tombstone reaches the replica
        with on_server.database.begin() as session:
            session.delete(session.get(Section, find_section(on_server, CODE, KEY).id))
    finally:
        on_server.close()
    report = a.sync()
    assert report.kept == [f"{CODE} {KEY}"] and not report.clean
    assert a.body() == edited
    assert edited in revision_bodies(a.path)
    [refusal] = report.refused  # its revision cannot be saved on the server: named, kept here
    assert refusal.label.startswith(f"{CODE} {KEY}") and refusal.message_vi != refusal.message_en


def test_a_return_and_comments_made_offline_reach_the_server_as_their_authors(replicas: dict[str, Replica]) -> None:
    a, manager = replicas["a"], replicas["manager"]
    a.save(a.body() + "\n\nĐoạn bổ sung.\n")
    a.services.reviews.submit(find_section(a.services, CODE, KEY).id)
    assert a.sync().clean and manager.sync().clean
    mine = find_section(manager.services, CODE, KEY)
    manager.services.reviews.add_comment(mine.id, "Cần dẫn thêm Luật Đầu tư.")
    manager.services.reviews.request_changes(mine.id, "Bổ sung căn cứ về đầu tư.")
    report = manager.sync()
    assert report.clean and any("trả lại/return" in label for label in report.pushed)
    assert server_section(manager.server)[1] == SectionState.CHANGES_REQUESTED.value
    with server_db(manager.server) as db:
        rows = db.execute("SELECT author, kind, body FROM sectioncomment WHERE author = 'lanhdao' ORDER BY id")
        assert rows.fetchall()[-2:] == [
            ("lanhdao", "comment", "Cần dẫn thêm Luật Đầu tư."),
            ("lanhdao", "return", "Bổ sung căn cứ về đầu tư."),
        ]
    assert a.sync().clean
    assert a.services.reviews.review(find_section(a.services, CODE, KEY).id).state is SectionState.CHANGES_REQUESTED
    same_as_server(a)
    same_as_server(manager)


def test_sync_over_https_pins_the_certificate_in_the_replica_and_refuses_another(
    demo_server_db: Path, tmp_path: Path
) -> None:
    from tests.server.test_serve_process import init_tls

    database, tls = tmp_path / "server.sqlite3", tmp_path / "tls"
    shutil.copyfile(demo_server_db, database)
    pinned = init_tls(database, tls)
    local = str(tmp_path / "laptop.sqlite3")
    env = {"DOSSIER_PASSWORD": PASSWORD, "DOSSIER_USER": "chuyenvien"}
    with ServerProcess(database, tmp_path, "--tls-dir", str(tls)) as server:
        address = f"https://127.0.0.1:{server.port}"
        first = main_py("--db", local, "sync", "--server", address, env=env)
        assert first.returncode == 0, first.stderr
        assert f"certificate pinned on first use: SHA-256 {pinned}" in first.stdout
        again = main_py("--db", local, "sync", "--server", address, env=env)
        assert again.returncode == 0 and "pinned on first use" not in again.stdout
        wrong = main_py("--db", local, "sync", "--server", address, "--fingerprint", "AB" * 32, env=env)
        assert wrong.returncode == 2 and pinned in wrong.stderr


def test_a_sync_stopped_after_its_pull_still_merges_at_the_next(
    replicas: dict[str, Replica], monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = replicas["a"], replicas["b"]
    base = a.body()
    a.save(base.replace(FIRST, FIRST + " (bản A)"))
    b.save(base.replace(LAST, LAST + " (bản B)"))
    assert a.sync().clean
    replica = b.services.replica
    finish, calls = replica._finish_merges, []

    def stopped(report: SyncReport) -> None:
        calls.append(report)
        if len(calls) == 2:  # the first runs before the pull; the second saves the merge the pull decided
            raise KeyboardInterrupt
        finish(report)

    monkeypatch.setattr(replica, "_finish_merges", stopped)
    with pytest.raises(KeyboardInterrupt):
        b.sync()
    monkeypatch.undo()
    assert "(bản A)" not in b.body()  # pulled and decided, not yet saved
    report = b.sync()
    assert report.clean and report.merged == [f"{CODE} {KEY}"]
    body = server_section(b.server)[0]
    assert "(bản A)" in body and "(bản B)" in body
    assert a.sync().clean
    for replica_ in (a, b):
        same_as_server(replica_)


def test_an_offline_approval_of_a_text_changed_since_is_refused_and_the_new_text_arrives(
    replicas: dict[str, Replica],
) -> None:
    a, manager = replicas["a"], replicas["manager"]
    a.save(a.body() + "\n\nBản trình.\n")
    a.services.reviews.submit(find_section(a.services, CODE, KEY).id)
    assert a.sync().clean and manager.sync().clean
    mine = find_section(manager.services, CODE, KEY)
    manager.services.reviews.approve(mine.id, manager.services.reviews.review(mine.id).submitted_hash)  # offline
    a.save(a.body() + "\n\nSửa sau khi trình.\n")  # meanwhile the officer changes the text, and syncs first
    assert a.sync().clean
    report = manager.sync()
    [refusal] = report.refused
    assert "duyệt/approve" in refusal.label
    assert server_section(manager.server)[1] != SectionState.APPROVED.value
    assert "Sửa sau khi trình." in manager.body()  # the server's text, not the one approved offline
    same_as_server(manager)
