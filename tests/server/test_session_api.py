"""Sign-in, sign-out and /v1/me over HTTP: statuses, bodies, and refusals that leave the database unchanged."""

import asyncio
import logging

import httpx
import pytest
from sqlalchemy import func
from sqlmodel import select
from starlette.testclient import TestClient

from dossier_app.domain.models import Account, AuditEntry, SessionToken
from dossier_app.server.app import create_app
from dossier_app.server.requests import MAX_BODY_BYTES
from dossier_app.services import Services
from dossier_app.services.accounts.audit import AuditFilter
from dossier_app.storage.migrations import head_revision
from tests.services.secret_scan import files_containing, text_columns_containing
from tests.services.sync.token_support import (
    ADMIN,
    ADMIN_PASSWORD,
    OFFICER,
    OFFICER_PASSWORD,
    Clock,
    as_admin,
)


def sign_in(client: TestClient, username: str = OFFICER, password: str = OFFICER_PASSWORD) -> httpx.Response:
    return client.post("/v1/session", json={"username": username, "password": password, "client": "desk 3"})


def token_of(client: TestClient, username: str = OFFICER, password: str = OFFICER_PASSWORD) -> str:
    answer = sign_in(client, username, password)
    assert answer.status_code == 201, answer.text
    return str(answer.json()["token"])


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def state(services: Services) -> tuple[int, int, list[tuple[str, int]]]:
    """What a refused request must leave as it was: sessions, audit entries, failed-attempt counts."""
    with services.database.begin() as session:
        tokens = session.exec(select(func.count()).select_from(SessionToken)).one()
        entries = session.exec(select(func.count()).select_from(AuditEntry)).one()
        attempts = [(a.username, a.failed_attempts) for a in session.exec(select(Account).order_by(Account.id))]
    return int(tokens), int(entries), attempts


def test_health_needs_no_sign_in(client: TestClient) -> None:
    answer = client.get("/v1/health")
    assert answer.status_code == 200
    assert answer.json()["program"] == "dossier_app"
    assert answer.json()["schema"] == head_revision()
    assert answer.json()["version"]


def test_sign_in_gives_a_token_and_the_account(client: TestClient, clock: Clock) -> None:
    answer = sign_in(client)
    assert answer.status_code == 201
    assert answer.headers["cache-control"] == "no-store"
    body = answer.json()
    assert set(body) == {"token", "expires", "account"}
    assert len(body["token"]) == 43
    assert body["expires"] == "2026-04-01T08:00:00+00:00"  # thirty days after the clock's now
    assert body["account"] == {"username": OFFICER, "display_name": "Nguyễn Văn An", "roles": ["officer"]}


def test_the_token_signs_in_me(client: TestClient) -> None:
    token = token_of(client)
    answer = client.get("/v1/me", headers=bearer(token))
    assert answer.status_code == 200
    assert answer.json() == {"username": OFFICER, "display_name": "Nguyễn Văn An", "roles": ["officer"]}
    assert client.get("/v1/me", headers={"Authorization": f"bearer   {token}  "}).status_code == 200


def test_wrong_password_and_unknown_user_get_the_same_answer(client: TestClient, server_services: Services) -> None:
    before = state(server_services)
    wrong = sign_in(client, OFFICER, "not the password")
    unknown = sign_in(client, "khong-co-ai", OFFICER_PASSWORD)
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json() == unknown.json()
    assert wrong.json() == {
        "error": "authentication_failed",
        "message_en": "Wrong user name or password.",
        "message_vi": "Sai tên đăng nhập hoặc mật khẩu.",
    }
    assert wrong.headers["www-authenticate"] == unknown.headers["www-authenticate"]
    tokens, entries, _attempts = state(server_services)
    assert (tokens, entries) == before[:2]  # a wrong password counts, but issues nothing and records nothing


def test_the_fifth_wrong_password_locks_the_account(client: TestClient, clock: Clock) -> None:
    for _ in range(4):
        assert sign_in(client, OFFICER, "wrong password").status_code == 401
    locked = sign_in(client, OFFICER, "wrong password")
    assert locked.status_code == 423
    assert locked.json()["error"] == "account_locked"
    assert "2026-03-02 08:05:00 UTC" in locked.json()["message_en"]
    assert locked.json()["message_vi"].startswith("Tài khoản 'canbo' đã bị khóa")
    assert sign_in(client).status_code == 423  # even the right password, while locked
    clock.advance(minutes=5, seconds=1)
    assert sign_in(client).status_code == 201


def test_the_lock_is_recorded_as_the_clients_address_not_the_servers_operator(
    client: TestClient, server_services: Services
) -> None:
    for _ in range(5):
        sign_in(client, OFFICER, "wrong password")
    [entry] = server_services.audit.entries(AuditFilter(action="account.lock"))
    assert entry.actor == "server:testclient"
    assert server_services.context.operator.name == "cli:tester"  # the server's own services were never changed


def test_a_disabled_account_cannot_sign_in(client: TestClient, server_services: Services) -> None:
    as_admin(server_services).accounts.disable(OFFICER)
    answer = sign_in(client)
    assert answer.status_code == 403
    assert answer.json()["error"] == "account_disabled"


def test_sign_out_ends_the_session(client: TestClient, server_services: Services) -> None:
    token = token_of(client)
    assert client.delete("/v1/session", headers=bearer(token)).status_code == 204
    after = client.get("/v1/me", headers=bearer(token))
    assert after.status_code == 401
    assert after.json()["error"] == "session_revoked"
    assert 'error="invalid_token"' in after.headers["www-authenticate"]
    replayed = client.delete("/v1/session", headers=bearer(token))
    assert (replayed.status_code, replayed.json()["error"]) == (401, "session_revoked")
    [entry] = server_services.audit.entries(AuditFilter(action="session.sign_out"))
    assert entry.actor == OFFICER


def test_an_expired_token_is_refused(client: TestClient, clock: Clock) -> None:
    token = token_of(client)
    clock.advance(days=30)
    answer = client.get("/v1/me", headers=bearer(token))
    assert (answer.status_code, answer.json()["error"]) == (401, "session_expired")
    assert answer.json()["message_vi"] == "Phiên làm việc đã hết hạn lúc 2026-04-01 08:00:00 UTC; hãy đăng nhập lại."


def test_an_account_disabled_by_an_administrator_loses_its_token_at_the_next_request(
    client: TestClient, server_services: Services
) -> None:
    token = token_of(client)
    admin_token = token_of(client, ADMIN, ADMIN_PASSWORD)
    assert client.get("/v1/me", headers=bearer(token)).status_code == 200
    as_admin(server_services).accounts.disable(OFFICER)
    answer = client.get("/v1/me", headers=bearer(token))
    # Its own code, so a desktop forgets the person's token and offline sign-in (services/sync/people.py).
    assert (answer.status_code, answer.json()["error"]) == (401, "account_disabled")
    assert OFFICER in answer.json()["message_en"] and OFFICER in answer.json()["message_vi"]
    assert client.get("/v1/me", headers=bearer(admin_token)).json()["username"] == ADMIN


@pytest.mark.parametrize(
    ("headers", "code"),
    [
        ({}, "session_required"),
        ({"Authorization": "Basic Y2FuYm86eA=="}, "session_required"),
        ({"Authorization": "Bearer"}, "session_required"),
        ({"Authorization": "Bearer " + "A" * 43}, "session_unknown"),
        ({"Authorization": "Bearer ../../etc/passwd"}, "session_unknown"),
        ({"Authorization": "Bearer " + "x" * 5000}, "session_unknown"),
    ],
)
def test_missing_or_unknown_tokens_are_refused(client: TestClient, headers: dict[str, str], code: str) -> None:
    answer = client.get("/v1/me", headers=headers)
    assert (answer.status_code, answer.json()["error"]) == (401, code)
    assert answer.headers["www-authenticate"].startswith("Bearer")
    assert client.delete("/v1/session", headers=headers).status_code == 401


def test_a_token_in_the_query_string_is_not_taken(client: TestClient) -> None:
    token = token_of(client)
    assert client.get(f"/v1/me?access_token={token}").status_code == 401


@pytest.mark.parametrize(
    ("content", "field"),
    [
        (b"{", "body"),
        (b"", "body"),
        (b"[]", "body"),
        (b'"canbo"', "body"),
        (b"\xff\xfe{}", "body"),
        (b'{"username": "canbo", "password": NaN}', "body"),
        (b'{"username": "canbo", "username": "quantri", "password": "x"}', "body"),
        (b"[" * 100_000 + b"]" * 100_000, "body"),
        (b'{"password": "Mat-khau-1"}', "username"),
        (b'{"username": "canbo"}', "password"),
        (b'{"username": 7, "password": "Mat-khau-1"}', "username"),
        (b'{"username": "canbo", "password": ["x"]}', "password"),
        (b'{"username": "canbo", "password": null}', "password"),
        (b'{"username": "canbo", "password": "Mat-khau-1", "client": true}', "client"),
        (b'{"username": "canbo", "password": "Mat-khau-1", "admin": true}', "admin"),
        (b'{"username": "canbo", "password": "Mat-khau-1", "client": "bell\\u0007"}', "client"),
    ],
)
def test_malformed_sign_ins_are_refused_and_change_nothing(
    client: TestClient, server_services: Services, content: bytes, field: str
) -> None:
    before = state(server_services)
    answer = client.post("/v1/session", content=content, headers={"Content-Type": "application/json"})
    assert answer.status_code == 400, answer.text
    assert (answer.json()["error"], answer.json()["field"]) == ("invalid", field)
    assert answer.json()["message_vi"] != answer.json()["message_en"]  # translated
    assert state(server_services) == before


def test_a_sign_in_that_is_not_json_is_refused(client: TestClient, server_services: Services) -> None:
    before = state(server_services)
    form = client.post("/v1/session", data={"username": OFFICER, "password": OFFICER_PASSWORD})
    assert (form.status_code, form.json()["field"]) == (400, "content-type")
    assert state(server_services) == before


def test_an_oversized_body_is_refused_before_it_is_read(client: TestClient, server_services: Services) -> None:
    before = state(server_services)
    padding = "x" * MAX_BODY_BYTES
    answer = client.post("/v1/session", json={"username": OFFICER, "password": OFFICER_PASSWORD, "client": padding})
    assert (answer.status_code, answer.json()["error"]) == (413, "too_large")
    declared = client.post(
        "/v1/session",
        content=b"{}",
        headers={"Content-Type": "application/json", "Content-Length": str(MAX_BODY_BYTES + 1)},
    )
    assert declared.status_code == 413

    def chunks():  # type: ignore[no-untyped-def]
        yield b'{"username": "canbo", "password": "'
        for _ in range(20):
            yield b"x" * 65_536
        yield b'"}'

    streamed = client.post("/v1/session", content=chunks(), headers={"Content-Type": "application/json"})
    assert (streamed.status_code, streamed.json()["error"]) == (413, "too_large")
    assert state(server_services) == before


def test_unknown_paths_and_methods_answer_in_json(client: TestClient) -> None:
    missing = client.get("/v1/nothing-here")
    assert (missing.status_code, missing.json()["error"]) == (404, "no_such_path")
    wrong = client.put("/v1/session", json={})
    assert (wrong.status_code, wrong.json()["error"]) == (405, "method_not_allowed")
    assert set(wrong.headers["allow"].replace(" ", "").split(",")) == {"POST", "DELETE"}
    assert client.post("/v1/me").status_code == 405
    assert client.get("/v1/session").status_code == 405


def test_the_token_is_never_stored_or_logged_in_clear(
    client: TestClient, server_services: Services, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="dossier_app.server")
    token = token_of(client)
    client.get("/v1/me", headers=bearer(token))
    client.delete("/v1/session", headers=bearer(token))
    server_services.database.dispose()
    assert text_columns_containing(server_services.database, token) == []
    assert files_containing(server_services.database, token) == []
    lines = [record.getMessage() for record in caplog.records if record.name == "dossier_app.server"]
    assert len(lines) == 3
    assert all(token not in line and OFFICER_PASSWORD not in line for line in lines)
    assert lines[1].startswith(f'testclient {OFFICER} "GET /v1/me" 200')


def test_concurrent_requests_each_act_as_their_own_person(server_services: Services) -> None:
    app = create_app(server_services)

    async def run() -> list[str]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as http:
            signed = await asyncio.gather(
                *(
                    http.post("/v1/session", json={"username": name, "password": password})
                    for name, password in [(OFFICER, OFFICER_PASSWORD), (ADMIN, ADMIN_PASSWORD)] * 3
                )
            )
            tokens = [answer.json()["token"] for answer in signed]
            answers = await asyncio.gather(*(http.get("/v1/me", headers=bearer(token)) for token in tokens * 4))
            return [answer.json()["username"] for answer in answers]

    assert asyncio.run(run()) == [OFFICER, ADMIN] * 12
    assert server_services.context.operator.name == "cli:tester"


def test_a_bug_is_a_plain_500_that_tells_nothing_of_the_inside(
    server_services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object) -> None:
        raise RuntimeError("secret detail of the inside")

    monkeypatch.setattr("dossier_app.services.department.tokens.TokenService.resolve", broken)
    with TestClient(create_app(server_services), raise_server_exceptions=False) as client:
        answer = client.get("/v1/me", headers=bearer("A" * 43))
    assert answer.status_code == 500
    assert answer.json()["error"] == "internal"
    assert "secret" not in answer.text
