"""Who may do what over HTTP, against a real `main.py serve`: every role of the demo (officer, manager, clerk,
administrator) and a disabled account, for each thing the API takes — sign-in and sign-out, reading the feed, and
pushing a revision, a comment, a submit, an approval and a return. A push the role does not allow is a refused
change with its reason in English and Vietnamese, and the server's data stays as it was; a replica tampered by hand
to mark a section approved, by any role but the manager, makes the server approve nothing."""

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from dossier_app.domain.enums import Role
from dossier_app.services import open_services
from dossier_app.services.core.context import Operator
from dossier_app.services.sync.client import SyncConnection
from tests.server.http_api import (
    ADMIN,
    CLERK,
    MANAGER,
    OFFICER,
    PASSWORD,
    api,
    bearer,
    comment_change,
    database_of,
    dump,
    empty_sections,
    library_version,
    new_change,
    opened,
    push,
    revision_change,
    section_row,
    token_of,
    url,
)
from tests.server.server_process import ServerProcess, demo_server_database, main_py, serving_copy

RESTING, RESTING_PASSWORD = "tamnghi", "Mật-khẩu-tạm-nghỉ-1"  # an officer whose account is disabled
ROLES = {OFFICER: "officer", MANAGER: "manager", CLERK: "clerk", ADMIN: "admin"}
ACTIONS = ("revision", "comment", "submit", "approve", "return")
# Who may push each kind of change (domain/lifecycle.ALLOWED: edit, comment, submit, approve, request changes).
MAY = {
    "revision": {OFFICER},
    "comment": {OFFICER, MANAGER, CLERK},
    "submit": {OFFICER},
    "approve": {MANAGER},
    "return": {MANAGER},
}
CASES = [(action, who) for action in ACTIONS for who in ROLES]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """One server over the demo with a disabled officer added, for the whole matrix (each case has its own
    section)."""
    folder = tmp_path_factory.mktemp("matrix")
    template = demo_server_database(folder / "..")
    services = open_services(str(template), Operator("cli:tester"))
    try:
        services.accounts.add(RESTING, [Role.OFFICER], RESTING_PASSWORD, "Đỗ Văn Nghỉ")
        services.accounts.disable(RESTING)
    finally:
        services.close()
    with serving_copy(template, folder) as running:
        yield running


@pytest.fixture(scope="module")
def sections(server: ServerProcess) -> list[str]:
    """Sections with no text yet on the server, one per case, taken in the cases' order."""
    found = [uid for uid, _label in empty_sections(database_of(server))]
    assert len(found) >= len(CASES)
    return found


@pytest.fixture(scope="module")
def tokens(server: ServerProcess) -> dict[str, str]:
    with api(server) as client:
        return {who: token_of(client, who) for who in ROLES}


def revision_on(client: httpx.Client, token: str, section_uid: str, body: str) -> str:
    """The officer writes the section's first revision; its uid."""
    change = revision_change(section_uid, body, None)
    assert push(client, token, [change]).json()["results"][0]["status"] == "applied"
    return str(change["uid"])


def submitted(client: httpx.Client, officer: str, section_uid: str, database: Path) -> tuple[str, str]:
    """The officer writes and submits the section; the submitted revision's uid and hash."""
    revision = revision_on(client, officer, section_uid, "Bản trình duyệt.\n")
    submit = new_change("section", section_uid, {"review": "submit", "revision": revision})
    assert push(client, officer, [submit]).json()["results"][0]["status"] == "applied"
    with opened(database) as db:
        digest = db.execute(
            "SELECT r.content_hash FROM section s JOIN sectionrevision r ON r.id = s.submitted_revision_id "
            "WHERE s.uid = ?",
            (section_uid,),
        ).fetchone()[0]
    return revision, str(digest)


def the_change(action: str, client: httpx.Client, officer: str, section_uid: str, database: Path) -> dict[str, Any]:
    """The change of `action` on the section, the section first brought to the state the action needs."""
    if action == "revision":
        return revision_change(section_uid, "Đoạn viết ngoài hiện trường.\n", None)
    if action == "comment":
        return comment_change(section_uid, "Một ý kiến góp ý.")
    if action == "submit":
        revision = revision_on(client, officer, section_uid, "Bản sẽ trình.\n")
        return new_change("section", section_uid, {"review": "submit", "revision": revision})
    revision, digest = submitted(client, officer, section_uid, database)
    if action == "approve":
        return new_change("section", section_uid, {"review": "approve", "revision": revision, "hash": digest})
    return new_change(
        "section", section_uid, {"review": "return", "comment": "Bổ sung căn cứ.", "comment_uid": str(uuid.uuid4())}
    )


@pytest.mark.parametrize(("action", "who"), CASES, ids=[f"{a}-{ROLES[w]}" for a, w in CASES])
def test_each_role_may_push_what_its_role_allows_and_nothing_else(
    server: ServerProcess, sections: list[str], tokens: dict[str, str], action: str, who: str
) -> None:
    database = database_of(server)
    section_uid = sections[CASES.index((action, who))]
    with api(server) as client:
        change = the_change(action, client, tokens[OFFICER], section_uid, database)
        before, rows_before = section_row(database, section_uid), dump(database)
        answer = push(client, tokens[who], [change])
        assert answer.status_code == 200, answer.text
        [result] = answer.json()["results"]
    if who in MAY[action]:
        assert result == {"id": change["id"], "status": "applied"}
        after = section_row(database, section_uid)
        expected_state = {"revision": "draft", "comment": before[1], "submit": "submitted"}
        expected_state |= {"approve": "approved", "return": "changes_requested"}
        assert after[1] == expected_state[action]
        if action == "approve":
            assert after[3] == who
        return
    assert (result["status"], result["error"]) == ("refused", "permission_denied"), result
    assert result["message_en"] and result["message_vi"] and result["message_vi"] != result["message_en"]
    assert dump(database) == rows_before  # nothing of the refused change was written
    assert section_row(database, section_uid) == before


@pytest.mark.parametrize("who", list(ROLES))
def test_every_active_account_signs_in_reads_the_feed_and_signs_out(server: ServerProcess, who: str) -> None:
    with api(server) as client:
        signed = client.post("/v1/session", json={"username": who, "password": PASSWORD})
        assert signed.status_code == 201
        token = signed.json()["token"]
        assert signed.json()["account"]["roles"] == [ROLES[who]]
        assert client.get("/v1/me", headers=bearer(token)).json()["username"] == who
        page = client.get("/v1/changes", params={"since": 0, "limit": 5}, headers=bearer(token))
        assert page.status_code == 200 and page.json()["changes"]
        assert library_version(client, token) >= 1
        assert client.delete("/v1/session", headers=bearer(token)).status_code == 204
        for after in (client.get("/v1/me", headers=bearer(token)), client.get("/v1/changes", headers=bearer(token))):
            assert (after.status_code, after.json()["error"]) == (401, "session_revoked")
        assert push(client, token, [], based_on=0).status_code == 401


def test_a_disabled_account_cannot_sign_in_and_a_disabled_persons_token_stops_working(server: ServerProcess) -> None:
    database = database_of(server)
    with api(server) as client:
        refused = client.post("/v1/session", json={"username": RESTING, "password": RESTING_PASSWORD})
        assert (refused.status_code, refused.json()["error"]) == (403, "account_disabled")
        assert refused.json()["message_vi"] != refused.json()["message_en"]
        token = token_of(client, clerk := CLERK)
        before = dump(database)
        on_server = open_services(str(database), Operator("cli:tester"))
        try:
            on_server.accounts.disable(clerk)  # an administrator disables the clerk while a token is out
            for answer in (
                client.get("/v1/me", headers=bearer(token)),
                client.get("/v1/changes", headers=bearer(token)),
                client.post(
                    "/v1/changes",
                    json={"changes": [comment_change(empty_sections(database)[0][0], "Vẫn góp ý.")]},
                    headers={**bearer(token), "If-Unmodified-Since-Version": "0"},
                ),
            ):
                assert (answer.status_code, answer.json()["error"]) == (401, "account_disabled"), answer.text
            assert dump(database) == before
        finally:
            on_server.accounts.enable(clerk)
            on_server.close()


@pytest.mark.parametrize("who", [OFFICER, CLERK, ADMIN])
def test_a_replica_tampered_to_approve_makes_the_server_approve_nothing(
    server: ServerProcess, tokens: dict[str, str], tmp_path: Path, who: str
) -> None:
    """The replica of `who` is synced, its database is edited by hand to mark a submitted section approved by the
    manager, and its next sync pushes that approval as `who`: refused, the server's section still submitted."""
    database = database_of(server)
    section_uid = empty_sections(database)[-1 - [OFFICER, CLERK, ADMIN].index(who)][0]
    with api(server) as client:
        submitted(client, tokens[OFFICER], section_uid, database)
    local = tmp_path / "desk.sqlite3"
    replica = open_services(str(local), Operator("cli:tester"))
    try:
        with SyncConnection(url(server)) as connection:
            connection.sign_in(who, PASSWORD, "tampered desk")
            replica.replica.sync(connection)
    finally:
        replica.close()
    before, rows_before = section_row(database, section_uid), dump(database)
    with opened(local) as db:  # edited by hand
        db.execute(
            "UPDATE section SET state = 'approved', approved_revision_id = submitted_revision_id, "
            "approved_by = ?, approved_hash = "
            "(SELECT content_hash FROM sectionrevision r WHERE r.id = submitted_revision_id) WHERE uid = ?",
            (MANAGER, section_uid),
        )
    synced = main_py(
        "--db", str(local), "sync", "--server", url(server), "--user", who, env={"DOSSIER_PASSWORD": PASSWORD}
    )
    assert synced.returncode == 1, synced.stdout + synced.stderr
    [refusal] = [line for line in synced.stdout.splitlines() if line.startswith("Bị từ chối / refused:")]
    assert "duyệt/approve" in refusal and "không có quyền" in refusal and "not allowed" in refusal
    assert section_row(database, section_uid) == before
    assert before[1] == "submitted"
    changed = {name for name, rows in dump(database).items() if rows != rows_before[name]}
    assert changed <= {"syncappliedchange"}, changed  # nothing but, at most, the bookkeeping of the attempt
    with opened(local) as db:  # the replica shows what the server decided
        assert db.execute("SELECT state FROM section WHERE uid = ?", (section_uid,)).fetchone() == ("submitted",)
