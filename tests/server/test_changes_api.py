"""GET /v1/changes over HTTP: signed in only, the library version in Last-Modified-Version, 304 when the client
already holds it, and bilingual 400s for a bad cursor or page size."""

import pytest
from starlette.testclient import TestClient

from dossier_app.domain.models import Project
from dossier_app.services import Services
from tests.server.test_session_api import bearer, token_of


def test_the_feed_needs_a_session(client: TestClient) -> None:
    answer = client.get("/v1/changes?since=0")
    assert answer.status_code == 401 and answer.json()["error"] == "session_required"
    assert client.get("/v1/changes", headers=bearer("not-a-token")).status_code == 401


def test_pages_follow_the_cursor_to_the_library_version(client: TestClient, server_services: Services) -> None:
    headers = bearer(token_of(client))
    library = server_services.changes.library_version()
    assert library > 0  # the seeded catalogues and the accounts' work
    first = client.get("/v1/changes?since=0&limit=3", headers=headers)
    assert first.status_code == 200 and first.headers["Last-Modified-Version"] == str(library)
    body = first.json()
    assert set(body) == {"since", "cursor", "library_version", "more", "changes", "deleted"}
    assert body["more"] is True and len(body["changes"]) == 3 and body["library_version"] == library
    assert [change["version"] for change in body["changes"]] == sorted(c["version"] for c in body["changes"])
    assert body["cursor"] == body["changes"][-1]["version"]
    everything = client.get("/v1/changes", params={"since": 0, "limit": 1000}, headers=headers).json()
    assert everything["changes"][:3] == body["changes"] and everything["cursor"] == library
    last = client.get(f"/v1/changes?since={library}", headers=headers)
    assert last.json()["changes"] == [] and last.json()["more"] is False


def test_a_client_holding_the_library_version_gets_304(client: TestClient, server_services: Services) -> None:
    headers = bearer(token_of(client))
    library = server_services.changes.library_version()
    held = client.get("/v1/changes", headers={**headers, "If-Modified-Since-Version": str(library)})
    assert held.status_code == 304 and held.headers["Last-Modified-Version"] == str(library)
    with server_services.database.begin() as session:
        session.add(Project(code="P-9", name="Khu mới", kind="it_park", regime_key="nd154_2013"))
    moved = client.get(f"/v1/changes?since={library}", headers={**headers, "If-Modified-Since-Version": str(library)})
    assert moved.status_code == 200 and [c["table"] for c in moved.json()["changes"]] == ["project"]
    assert moved.json()["changes"][0]["fields"]["name"] == "Khu mới"


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("since=-1", "since"),
        ("since=abc", "since"),
        ("since=1.5", "since"),
        ("since=%D9%A3", "since"),  # an Arabic-Indic three: a digit to str.isdigit, not to the API
        ("since=1&since=2", "since"),
        ("since=1234567890123456789012", "since"),
        ("limit=0", "limit"),
        ("limit=1001", "limit"),
        ("limit=", "limit"),
        ("cursor=5", "cursor"),
    ],
)
def test_a_bad_cursor_or_page_size_is_a_bilingual_400(client: TestClient, query: str, field: str) -> None:
    answer = client.get(f"/v1/changes?{query}", headers=bearer(token_of(client)))
    assert answer.status_code == 400, answer.text
    body = answer.json()
    assert body["error"] == "invalid" and body["field"] == field
    assert body["message_vi"] and body["message_vi"] != body["message_en"]  # translated


def test_a_cursor_ahead_of_the_library_is_refused_with_the_library_version(
    client: TestClient, server_services: Services
) -> None:
    library = server_services.changes.library_version()
    answer = client.get(f"/v1/changes?since={library + 5}", headers=bearer(token_of(client)))
    assert answer.status_code == 400 and answer.json()["error"] == "cursor_ahead"
    assert answer.json()["field"] == "since" and answer.headers["Last-Modified-Version"] == str(library)
    assert answer.json()["message_vi"] != answer.json()["message_en"]
