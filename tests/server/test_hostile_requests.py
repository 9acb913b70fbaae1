"""Hostile requests against a real `main.py serve`, beyond what test_session_api and test_push_api check in process:
missing, unknown, replayed and expired tokens on the feed and the push; oversized, streamed and malformed push
bodies and base versions; changes naming a project or a section the server does not have, or fields of the wrong
kind; a feed asked with broken parameters. Each is refused with a clear status (or a refused change) in English
and Vietnamese, and a dump of the server's synced tables and sync bookkeeping is the same before and after."""

import socket
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.server.http_api import (
    MANAGER,
    OFFICER,
    api,
    bearer,
    comment_change,
    database_of,
    dump,
    library_version,
    new_change,
    opened,
    push,
    revision_change,
    token_of,
)
from tests.server.server_process import ServerProcess, demo_server_database, serving_copy

PUSH_LIMIT = 8 * 1_048_576


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    folder = tmp_path_factory.mktemp("hostile")
    with serving_copy(demo_server_database(folder / ".."), folder) as running:
        yield running


@pytest.fixture
def client(server: ServerProcess) -> Iterator[httpx.Client]:
    with api(server) as http:
        yield http


@pytest.fixture
def unchanged(server: ServerProcess) -> Iterator[None]:
    """The test's requests leave every synced row and the sync bookkeeping as they were."""
    before = dump(database_of(server))
    yield
    after = dump(database_of(server))
    assert [name for name in before if before[name] != after[name]] == []


def a_step(server: ServerProcess) -> tuple[str, dict[str, Any]]:
    """A step of the demo's milestone plan: its uid and its record as a desktop pushes it."""
    with opened(database_of(server)) as db:
        row = db.execute(
            "SELECT s.uid, p.uid, s.key, s.title, s.position, s.planned_start, s.planned_end, s.actual_start, "
            "s.actual_end, s.responsible, s.status, s.percent FROM milestonestep s "
            "JOIN project p ON p.id = s.project_id ORDER BY s.id LIMIT 1"
        ).fetchone()
    names = ("project", "key", "title", "position", "planned_start", "planned_end", "actual_start", "actual_end")
    return row[0], dict(zip((*names, "responsible", "status", "percent"), row[1:], strict=True))


def a_section(server: ServerProcess) -> tuple[str, str]:
    """A written section of the demo: its uid and its latest revision's uid."""
    with opened(database_of(server)) as db:
        return db.execute(
            "SELECT s.uid, r.uid FROM section s JOIN sectionrevision r ON r.section_id = s.id "
            "ORDER BY s.id, r.number DESC LIMIT 1"
        ).fetchone()


def refused(answer: httpx.Response, status: int, error: str) -> dict[str, Any]:
    """The answer is a bilingual refusal of this status and code; its body."""
    assert answer.status_code == status, answer.text
    body = answer.json()
    assert body["error"] == error, body
    assert body["message_en"] and body["message_vi"] and body["message_vi"] != body["message_en"]
    return dict(body)


def raw_request(server: ServerProcess, method: str, path: str, headers: dict[str, str], body: bytes) -> bytes:
    """A request written on a socket as given (a client library would not send a Content-Length it does not
    keep); the server's answer as read until it closes."""
    lines = [f"{method} {path} HTTP/1.1", f"Host: 127.0.0.1:{server.port}", "Connection: close"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as connection:
        connection.sendall(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
        answer = b""
        while chunk := connection.recv(65_536):
            answer += chunk
    return answer


def expire(server: ServerProcess, username: str) -> None:
    """Every session of `username` ends a second past its expiry, as thirty days later."""
    with opened(database_of(server)) as db:
        db.execute(
            "UPDATE sessiontoken SET expires_at = '2001-01-01 00:00:00.000000' "
            "WHERE account_id = (SELECT id FROM account WHERE username = ?)",
            (username,),
        )


@pytest.mark.usefixtures("unchanged")
@pytest.mark.parametrize(
    ("headers", "code"),
    [
        ({}, "session_required"),
        ({"Authorization": "Basic Y2h1eWVudmllbjpkZW1vLWNhbnRobw=="}, "session_required"),
        ({"Authorization": "Bearer " + "A" * 43}, "session_unknown"),
        ({"Authorization": "Bearer ../../../etc/passwd"}, "session_unknown"),
        ({"Authorization": ("Bearer " + "é" * 10).encode()}, "session_unknown"),
    ],
    ids=["none", "basic", "unknown", "path", "not-ascii"],
)
def test_a_missing_or_unknown_token_reads_and_writes_nothing(
    server: ServerProcess, client: httpx.Client, headers: dict[str, str], code: str
) -> None:
    section_uid, head = a_section(server)
    change = revision_change(section_uid, "Ghi đè không có phiên.\n", head)
    answers = [
        client.get("/v1/changes", headers=headers),
        client.post(
            "/v1/changes",
            json={"changes": [change]},
            headers={**headers, "If-Unmodified-Since-Version": str(10**9)},
        ),
    ]
    for answer in answers:
        refused(answer, 401, code)
        assert answer.headers["www-authenticate"].startswith("Bearer")
        assert "changes" not in answer.json()


@pytest.mark.usefixtures("unchanged")
def test_a_token_replayed_after_sign_out_or_past_its_expiry_is_refused(
    server: ServerProcess, client: httpx.Client
) -> None:
    section_uid, head = a_section(server)
    signed_out = token_of(client, OFFICER)
    library = library_version(client, signed_out)
    assert client.delete("/v1/session", headers=bearer(signed_out)).status_code == 204
    expired = token_of(client, MANAGER)
    expire(server, MANAGER)
    before = dump(database_of(server))  # the sign-in and sign-out themselves write sessions, not synced rows
    for token, code in ((signed_out, "session_revoked"), (expired, "session_expired")):
        refused(client.get("/v1/changes", headers=bearer(token)), 401, code)
        change = revision_change(section_uid, "Viết bằng phiên đã hết.\n", head)
        refused(push(client, token, [change], based_on=library), 401, code)
        refused(client.delete("/v1/session", headers=bearer(token)), 401, code)
    assert dump(database_of(server)) == before


@pytest.mark.usefixtures("unchanged")
def test_oversized_push_bodies_are_refused_declared_or_streamed(server: ServerProcess, client: httpx.Client) -> None:
    token = token_of(client, OFFICER)
    library = library_version(client, token)
    headers = {**bearer(token), "If-Unmodified-Since-Version": str(library), "Content-Type": "application/json"}
    declared = raw_request(server, "POST", "/v1/changes", {**headers, "Content-Length": str(PUSH_LIMIT + 1)}, b"{}")
    assert declared.startswith(b"HTTP/1.1 413 ") and b'"too_large"' in declared  # refused before it is read

    def streamed() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
        yield b'{"changes": [{"id": "x", "fields": {"body": "'
        for _ in range(PUSH_LIMIT // 65_536 + 2):
            yield b"x" * 65_536
        yield b'"}}]}'

    refused(client.post("/v1/changes", content=streamed(), headers=headers), 413, "too_large")
    section_uid, head = a_section(server)
    many = [comment_change(section_uid, f"Ý kiến {n}.") for n in range(51)]
    refused(push(client, token, many, based_on=library), 413, "too_large")
    # Within the push's limit but over a section's 2 MiB: that change is refused, nothing saved.
    huge = revision_change(section_uid, "chữ " * 600_000, head)
    [result] = push(client, token, [huge], based_on=library).json()["results"]
    assert (result["status"], result["error"]) == ("refused", "too_large")
    assert result["message_vi"] != result["message_en"]


@pytest.mark.usefixtures("unchanged")
@pytest.mark.parametrize(
    ("content", "field"),
    [
        (b"", "body"),
        (b"{", "body"),
        (b"[]", "body"),
        (b"null", "body"),
        (b'"changes"', "body"),
        (b"\xff\xfe{}", "body"),
        (b'{"changes": NaN}', "body"),
        (b'{"changes": [], "changes": [{"id": 1}]}', "body"),
        (b"[" * 100_000 + b"]" * 100_000, "body"),
        (b"{}", "changes"),
        (b'{"changes": {"id": "x"}}', "changes"),
        (b'{"changes": "sectionrevision"}', "changes"),
        (b'{"changes": [], "force": true}', "force"),
    ],
    ids=[
        "empty",
        "cut",
        "list",
        "null",
        "string",
        "not-utf8",
        "nan",
        "duplicate-key",
        "deep",
        "no-changes",
        "changes-object",
        "changes-string",
        "extra-field",
    ],
)
def test_malformed_push_bodies_are_refused(
    server: ServerProcess, client: httpx.Client, content: bytes, field: str
) -> None:
    token = token_of(client, OFFICER)
    headers = {
        **bearer(token),
        "If-Unmodified-Since-Version": str(library_version(client, token)),
        "Content-Type": "application/json",
    }
    body = refused(client.post("/v1/changes", content=content, headers=headers), 400, "invalid")
    assert body["field"] == field


@pytest.mark.usefixtures("unchanged")
@pytest.mark.parametrize("based_on", ["", "-1", "1e3", "0x10", "٣".encode(), "1" * 19, "1, 2", "abc"])
def test_a_push_with_a_broken_base_version_is_refused(client: httpx.Client, based_on: str | bytes) -> None:
    token = token_of(client, OFFICER)
    headers = {**bearer(token), "If-Unmodified-Since-Version": based_on}
    answer = client.post("/v1/changes", json={"changes": []}, headers=headers)
    assert refused(answer, 400, "invalid")["field"] == "If-Unmodified-Since-Version"


@pytest.mark.usefixtures("unchanged")
def test_a_push_based_on_an_old_version_is_412_and_applies_nothing(server: ServerProcess, client: httpx.Client) -> None:
    token = token_of(client, OFFICER)
    library = library_version(client, token)
    section_uid, head = a_section(server)
    answer = push(client, token, [revision_change(section_uid, "Viết trên bản cũ.\n", head)], based_on=library - 1)
    refused(answer, 412, "precondition_failed")
    assert answer.headers["Last-Modified-Version"] == str(library)


@pytest.mark.usefixtures("unchanged")
def test_changes_for_a_project_or_section_the_server_does_not_have_are_refused(
    server: ServerProcess, client: httpx.Client
) -> None:
    token = token_of(client, OFFICER)
    section_uid, head = a_section(server)
    nowhere = str(uuid.uuid4())
    changes = [
        new_change("project", nowhere, {"code": "CT-MOI", "name": "Dự án không có"}),
        new_change("document", str(uuid.uuid4()), {"project": nowhere, "kind": "to_trinh"}),
        new_change("section", str(uuid.uuid4()), {"document": nowhere, "title": "Mục mới"}),
        revision_change(nowhere, "Mục không có trên máy chủ.\n", None),
        comment_change(nowhere, "Ý kiến cho mục không có."),
        new_change("section", nowhere, {"review": "submit", "revision": head}),
        new_change("section", nowhere, {"review": "return", "comment": "Trả lại.", "comment_uid": str(uuid.uuid4())}),
        new_change("section", section_uid, {"review": "approve", "revision": str(uuid.uuid4()), "hash": "0" * 64}),
        new_change("account", str(uuid.uuid4()), {"username": "ke-gian", "roles": "admin"}),
        new_change("syncappliedchange", str(uuid.uuid4()), {}),
        new_change("milestonestep", str(uuid.uuid4()), {**a_step(server)[1], "project": nowhere, "key": "X90"}),
        new_change("reviewschedule", str(uuid.uuid4()), {"project": nowhere, "submitted_on": "2027-01-15"}),
    ]
    answer = push(client, token, changes)
    assert answer.status_code == 200, answer.text
    results = answer.json()["results"]
    assert [r["id"] for r in results] == [c["id"] for c in changes]
    assert {r["status"] for r in results} == {"refused"}
    for result in results:
        assert result["message_en"] and result["message_vi"] and result["message_vi"] != result["message_en"]
    assert results[3]["error"] == "refused" and nowhere in results[3]["message_en"]


@pytest.mark.usefixtures("unchanged")
def test_changes_with_fields_of_the_wrong_kind_are_refused_each_naming_the_field(
    server: ServerProcess, client: httpx.Client
) -> None:
    token = token_of(client, OFFICER)
    section_uid, head = a_section(server)
    step_uid, step = a_step(server)
    baseline = {"project": step["project"], "name": "Kế hoạch gốc", "created_at": "2027-01-01T00:00:00+00:00"}
    baseline["entries"] = []
    good = revision_change(section_uid, "Hợp lệ nhưng không được gửi.\n", head)
    changes: list[Any] = [
        None,
        "sectionrevision",
        [good],
        {**good, "id": "not-a-uuid"},
        {**good, "id": str(uuid.uuid4()), "uid": "../../etc/passwd"},
        {**good, "id": str(uuid.uuid4()), "fields": "body"},
        {**good, "id": str(uuid.uuid4()), "fields": {**good["fields"], "body": ["x"]}},
        {**good, "id": str(uuid.uuid4()), "fields": {**good["fields"], "section": section_uid.upper()}},
        {**good, "id": str(uuid.uuid4()), "fields": {**good["fields"], "base": 7}},
        {**good, "id": str(uuid.uuid4()), "table": ["sectionrevision"]},
        new_change("section", section_uid, {"review": "publish", "revision": head}),
        new_change("sectioncomment", str(uuid.uuid4()), {"section": section_uid, "body": {"x": 1}, "quote": ""}),
        new_change("milestonestep", step_uid, {**step, "planned_end": "31/03/2027"}),
        new_change("milestonestep", step_uid, {**step, "status": "published"}),
        new_change("milestonestep", step_uid, {**step, "key": "../X1"}),
        new_change(
            "milestoneplan", str(uuid.uuid4()), {"project": step["project"], "land_kind": "x", "at_risk_days": 7}
        ),
        new_change("projectfacts", str(uuid.uuid4()), {"project": step["project"], "deleted": True}),
        {**new_change("milestonestep", step_uid, step), "base": "M1"},
        new_change("milestonebaseline", str(uuid.uuid4()), {**baseline, "created_at": "hôm qua"}),
        new_change(
            "milestonebaseline", str(uuid.uuid4()), {**baseline, "entries": [{"uid": step_uid, "key": "../M1"}]}
        ),
    ]
    answer = push(client, token, changes)
    assert answer.status_code == 200, answer.text
    results = answer.json()["results"]
    assert len(results) == len(changes)
    assert {r["status"] for r in results} == {"refused"}
    assert all(r["message_vi"] != r["message_en"] for r in results)
    named = [r["message_en"] for r in results]
    assert "'id'" in named[0] and "'id'" in named[3] and "'uid'" in named[4] and "'fields'" in named[5]
    assert "'body'" in named[6] and "'section'" in named[7] and "'base'" in named[8] and "'review'" in named[10]
    assert "'planned_end'" in named[12] and "'status'" in named[13] and "'key'" in named[14]
    assert "'land_kind'" in named[15] and "'deleted'" in named[16] and "'base'" in named[17]
    assert "'created_at'" in named[18] and "'entries.key'" in named[19]


@pytest.mark.usefixtures("unchanged")
@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("since=-1", "since"),
        ("since=abc", "since"),
        ("since=1&since=2", "since"),
        ("limit=0x10", "limit"),
        ("limit=1001", "limit"),
        ("since=" + "9" * 40, "since"),
        ("table=account", "table"),
    ],
)
def test_a_feed_asked_with_broken_parameters_is_refused(client: httpx.Client, query: str, field: str) -> None:
    token = token_of(client, OFFICER)
    answer = client.get(f"/v1/changes?{query}", headers=bearer(token))
    assert refused(answer, 400, "invalid")["field"] == field


@pytest.mark.usefixtures("unchanged")
def test_a_feed_cursor_beyond_the_library_is_cursor_ahead(client: httpx.Client) -> None:
    token = token_of(client, OFFICER)
    library = library_version(client, token)
    answer = client.get("/v1/changes", params={"since": library + 1}, headers=bearer(token))
    refused(answer, 400, "cursor_ahead")
    assert answer.headers["Last-Modified-Version"] == str(library)


@pytest.mark.usefixtures("unchanged")
def test_evidence_links_that_name_nothing_both_or_another_projects_rows_are_refused(
    server: ServerProcess, client: httpx.Client
) -> None:
    token = token_of(client, OFFICER)
    with opened(database_of(server)) as db:
        check, project = db.execute(
            "SELECT c.uid, p.uid FROM conditioncheck c JOIN project p ON p.id = c.project_id ORDER BY c.id LIMIT 1"
        ).fetchone()
        own, other, other_project = db.execute(
            "SELECT s.uid, o.uid, op.uid FROM conditioncheck c "
            "JOIN document d ON d.project_id = c.project_id JOIN section s ON s.document_id = d.id "
            "JOIN document od ON od.project_id <> c.project_id JOIN section o ON o.document_id = od.id "
            "JOIN project op ON op.id = od.project_id WHERE c.uid = ? LIMIT 1",
            (check,),
        ).fetchone()
    link = {"project": project, "check": check, "section": own, "attachment": None}
    changes = [
        new_change("conditionevidence", str(uuid.uuid4()), {**link, "section": None}),  # names nothing
        new_change("conditionevidence", str(uuid.uuid4()), {**link, "attachment": own}),  # names both
        new_change("conditionevidence", str(uuid.uuid4()), {**link, "project": other_project}),  # not its project's
        new_change("conditionevidence", str(uuid.uuid4()), {**link, "section": other}),  # another project's section
        new_change("conditionevidence", str(uuid.uuid4()), {**link, "check": str(uuid.uuid4())}),  # no such check
    ]
    answer = push(client, token, changes)
    assert answer.status_code == 200, answer.text
    results = answer.json()["results"]
    assert {r["status"] for r in results} == {"refused"}, results
    assert all(r["message_vi"] != r["message_en"] for r in results)
    named = [r["message_en"] for r in results]
    assert "'section'" in named[0] and "'section'" in named[1] and "'check'" in named[2]
    assert "not part of this project" in named[3] and "conditioncheck" in named[4]
