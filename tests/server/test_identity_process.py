"""Who acts on a replica, against a real `main.py serve` process: a desktop shared by an officer and a manager pushes
each one's changes with that person's own token; a person whose session ended waits (named, exit 1) until they sign
in again; an account an administrator disabled is refused at the next sync and can no longer sign in offline; the
command line acts as the person who last synced, with the server's roles, and leaves accounts to the server."""

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from dossier_app.cli.sections import find_section
from dossier_app.domain.errors import AuthenticationFailed
from dossier_app.services import Services, open_services
from dossier_app.services.core.context import Operator
from dossier_app.services.sync.client import SyncConnection
from dossier_app.services.sync.replica import SyncReport
from tests.server.http_api import MANAGER, OFFICER, PASSWORD, url
from tests.server.server_process import ServerProcess, main_py

OFFICER_NAME = "Nguyễn Văn An (chuyên viên)"
CODE, KEY = "CT-HTP", "tt.can_cu_phap_ly"
FIRST = "trên cơ sở các căn cứ pháp lý sau đây:"  # a phrase of the section's first paragraph
LAST = "Các văn bản nêu trên đã được Sở Tư pháp"  # and of its last


def sign_in_and_sync(desk: Services, server: ServerProcess, username: str) -> SyncReport:
    """`username` signs in at the server from this desk (as the window's sync does) and syncs."""
    with SyncConnection(url(server)) as connection:
        desk.people.remember(PASSWORD, connection.sign_in(username, PASSWORD, "shared desk"))
        return desk.replica.sync(connection)


def sync_with_kept_session(desk: Services, server: ServerProcess, username: str) -> SyncReport:
    """A later sync: no password, the session kept on this desk."""
    with SyncConnection(url(server)) as connection:
        connection.token, connection.username = desk.people.token(username), username
        return desk.replica.sync(connection)


@pytest.fixture
def desk(server: ServerProcess, tmp_path: Path) -> Iterator[Services]:
    """One desktop where the officer and then the manager signed in at the server and synced."""
    services = open_services(str(tmp_path / "desk.sqlite3"), Operator("cli:setup"))
    assert sign_in_and_sync(services, server, OFFICER).clean
    assert sign_in_and_sync(services, server, MANAGER).clean
    yield services
    services.close()


def server_authors(server: ServerProcess) -> tuple[str, str]:
    """Who the server recorded as the author of the section's latest revision and of its latest comment."""
    with sqlite3.connect(str(server._argv[1])) as db:
        section = db.execute(
            "SELECT s.id FROM section s JOIN document d ON d.id = s.document_id JOIN project p ON p.id = d.project_id "
            "WHERE p.code = ? AND s.outline_key = ?",
            (CODE, KEY),
        ).fetchone()[0]
        revision = db.execute(
            "SELECT author FROM sectionrevision WHERE section_id = ? ORDER BY number DESC LIMIT 1", (section,)
        ).fetchone()[0]
        comment = db.execute(
            "SELECT author FROM sectioncomment WHERE section_id = ? ORDER BY id DESC LIMIT 1", (section,)
        ).fetchone()
    return revision, comment[0] if comment else ""


def work_offline(desk: Services) -> int:
    """The officer edits the section and the manager comments on it, each signed in on the desk in turn."""
    section = find_section(desk, CODE, KEY)
    desk.context.operator = Operator(desk.accounts.authenticate(OFFICER, PASSWORD).username)
    assert desk.dossiers.save_body(section.id, section.body + "\n\nĐoạn bổ sung của chuyên viên.\n").changed
    desk.context.operator = Operator(desk.accounts.authenticate(MANAGER, PASSWORD).username)
    desk.reviews.add_comment(section.id, "Lãnh đạo: đề nghị rà lại căn cứ.")
    return section.id


def test_each_persons_changes_are_pushed_with_their_own_token(desk: Services, server: ServerProcess) -> None:
    work_offline(desk)
    report = sync_with_kept_session(desk, server, MANAGER)
    assert report.clean, report
    assert len(report.pushed) == 2
    assert server_authors(server) == (OFFICER, MANAGER)  # the server applied each as its own person


def test_a_managers_sync_merges_an_officers_offline_edit_as_the_officer(
    desk: Services, server: ServerProcess, tmp_path: Path
) -> None:
    section = find_section(desk, CODE, KEY)
    desk.context.operator = Operator(OFFICER)
    assert desk.dossiers.save_body(section.id, section.body.replace(FIRST, FIRST + " (máy chung)", 1)).changed
    other = open_services(str(tmp_path / "other.sqlite3"), Operator(OFFICER))  # meanwhile, on another desk
    try:
        assert sign_in_and_sync(other, server, OFFICER).clean
        theirs = find_section(other, CODE, KEY)
        assert other.dossiers.save_body(theirs.id, theirs.body.replace(LAST, LAST + " (máy khác)", 1)).changed
        assert sync_with_kept_session(other, server, OFFICER).clean
    finally:
        other.close()
    desk.context.operator = Operator(MANAGER)  # the manager, who may not edit, syncs the desk
    report = sync_with_kept_session(desk, server, MANAGER)
    assert report.clean and report.merged == [f"{CODE} {KEY}"], report
    body = find_section(desk, CODE, KEY).body
    assert FIRST + " (máy chung)" in body and LAST + " (máy khác)" in body
    assert server_authors(server)[0] == OFFICER  # the merged text is the officer's, pushed with their token


def test_a_person_whose_session_ended_waits_until_they_sign_in_again(
    desk: Services, server: ServerProcess, tmp_path: Path
) -> None:
    work_offline(desk)
    with SyncConnection(url(server)) as connection:  # the officer's session ends at the server (signed out)
        connection.token, connection.username = desk.people.token(OFFICER), OFFICER
        connection.sign_out()
    database = str(tmp_path / "desk.sqlite3")
    synced = main_py("--db", database, "sync", "--server", url(server))  # as the manager, who synced last
    assert synced.returncode == 1, synced.stdout + synced.stderr
    assert f"syncing as: {MANAGER}" in synced.stdout
    assert f"Thay đổi của {OFFICER_NAME} đang chờ đăng nhập lại" in synced.stdout
    assert server_authors(server)[1] == MANAGER  # the manager's comment went
    assert desk.people.token(OFFICER) is None
    assert desk.accounts.authenticate(OFFICER, PASSWORD).username == OFFICER  # still signs in offline
    assert desk.replica.waiting() == 1
    again = sign_in_and_sync(desk, server, OFFICER)  # the officer signs in again: their revision goes
    assert again.clean and again.pushed and not again.waiting_for
    assert server_authors(server)[0] == OFFICER


def test_a_disabled_account_is_refused_at_the_next_sync_and_cannot_sign_in_offline(
    desk: Services, server: ServerProcess, tmp_path: Path
) -> None:
    work_offline(desk)
    disabled = main_py("--db", server._argv[1], "user", "disable", OFFICER)  # an administrator, on the server
    assert disabled.returncode == 0, disabled.stderr
    report = sync_with_kept_session(desk, server, MANAGER)
    assert report.waiting_for == [OFFICER_NAME] and not report.clean
    assert server_authors(server)[1] == MANAGER
    assert desk.people.person(OFFICER) is None  # token and verifier gone
    with pytest.raises(AuthenticationFailed):
        desk.accounts.authenticate(OFFICER, PASSWORD)
    refused = main_py(
        "--db",
        str(tmp_path / "desk.sqlite3"),
        "sync",
        "--server",
        url(server),
        "--user",
        OFFICER,
        env={"DOSSIER_PASSWORD": PASSWORD},
    )
    assert refused.returncode == 2
    assert "disabled" in refused.stderr


def test_the_command_line_acts_as_who_last_synced_with_the_servers_roles(
    desk: Services, server: ServerProcess, tmp_path: Path
) -> None:
    database = str(tmp_path / "desk.sqlite3")
    desk.close()
    sign_in = {"DOSSIER_PASSWORD": PASSWORD}
    synced = main_py("--db", database, "sync", "--server", url(server), "--user", OFFICER, env=sign_in)
    assert synced.returncode == 0, synced.stderr
    text = tmp_path / "text.md"
    text.write_text("Căn cứ Luật Quy hoạch 2017.\n", encoding="utf-8")
    put = main_py("--db", database, "section", "put", CODE, KEY, str(text))  # as the officer, who synced last
    assert put.returncode == 0, put.stderr
    submitted = main_py("--db", database, "review", "submit", CODE, KEY)
    assert submitted.returncode == 0, submitted.stderr
    approve = main_py("--db", database, "review", "approve", CODE, KEY)
    assert approve.returncode == 2 and "approve" in approve.stderr  # an officer approves nothing, here either
    synced = main_py("--db", database, "sync", "--server", url(server))  # the officer's kept session: no password
    assert synced.returncode == 0, synced.stdout + synced.stderr
    approve = main_py("--db", database, "review", "approve", CODE, KEY, "--user", MANAGER, env=sign_in)
    assert approve.returncode == 0, approve.stderr  # the manager, checked against the offline verifier
    wrong = main_py("--db", database, "section", "get", CODE, KEY, "--user", MANAGER, env={"DOSSIER_PASSWORD": "x"})
    assert wrong.returncode == 2
    added = main_py("--db", database, "user", "add", "moi", "--role", "officer", env={"DOSSIER_PASSWORD": "mk-moi-12"})
    assert added.returncode == 2
    assert "máy chủ" in added.stderr and "on the server, not here" in added.stderr
    synced = main_py("--db", database, "sync", "--server", url(server))  # the approval goes with the manager's token
    assert synced.returncode == 0, synced.stdout + synced.stderr
    with sqlite3.connect(str(server._argv[1])) as db:
        state = db.execute(
            "SELECT s.state, s.approved_by FROM section s JOIN document d ON d.id = s.document_id "
            "JOIN project p ON p.id = d.project_id WHERE p.code = ? AND s.outline_key = ?",
            (CODE, KEY),
        ).fetchone()
    assert state == ("approved", MANAGER)
