"""POST /v1/changes over HTTP: signed in only, based on a library version (412 when the server moved), each change
applied through the services as the signed-in person with a result of its own, refusals bilingual and leaving the
server's data as it was, a repeated change id acknowledged and not applied twice."""

import threading
import uuid
from typing import Any

import pytest
from sqlmodel import col, select
from starlette.testclient import TestClient

from dossier_app.domain.models import Section, SectionComment, SectionRevision
from dossier_app.services import Services
from tests.server.test_session_api import bearer, token_of
from tests.services.support import it_park, section_by_key

KEY = "da.1_su_can_thiet_can_cu"


@pytest.fixture
def section(server_services: Services) -> tuple[int, str]:
    """A section of a new project on the server: its id and uid."""
    project = server_services.projects.create(it_park())
    node = section_by_key(server_services, project.id, KEY)
    with server_services.database.begin() as session:
        found = session.get(Section, node.id)
        assert found is not None
        return node.id, found.uid


def revision(section_uid: str, body: str, base: str | None = None) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "table": "sectionrevision",
        "uid": str(uuid.uuid4()),
        "fields": {"section": section_uid, "base": base, "body": body},
    }


def push(client: TestClient, token: str, based_on: int, changes: list[Any]) -> Any:
    headers = {**bearer(token), "If-Unmodified-Since-Version": str(based_on)}
    return client.post("/v1/changes", json={"changes": changes}, headers=headers)


def revisions(services: Services, section_id: int) -> list[tuple[str, str, str]]:
    with services.database.begin() as session:
        query = select(SectionRevision).where(SectionRevision.section_id == section_id)
        rows = session.exec(query.order_by(col(SectionRevision.number)))
        return [(row.uid, row.body, row.author) for row in rows]


def test_a_push_needs_a_session_and_a_base_version(client: TestClient, server_services: Services) -> None:
    assert client.post("/v1/changes", json={"changes": []}).status_code == 401
    token = token_of(client)
    missing = client.post("/v1/changes", json={"changes": []}, headers=bearer(token))
    assert missing.status_code == 400 and missing.json()["field"] == "If-Unmodified-Since-Version"
    assert missing.json()["message_vi"] != missing.json()["message_en"]
    library = server_services.changes.library_version()
    assert push(client, token, library, [{"id": "x"}] * 51).status_code == 413
    headers = {**bearer(token), "If-Unmodified-Since-Version": str(library), "Content-Type": "application/json"}
    huge = client.post("/v1/changes", content=b"[" + b" " * (8 * 1_048_576) + b"]", headers=headers)
    assert huge.status_code == 413 and huge.json()["error"] == "too_large"
    broken = client.post("/v1/changes", content=b'{"changes": [', headers=headers)
    assert broken.status_code == 400 and broken.json()["field"] == "body"
    assert server_services.changes.library_version() == library


def test_a_revision_is_saved_as_the_signed_in_person_under_the_uid_it_was_made_with(
    client: TestClient, server_services: Services, section: tuple[int, str]
) -> None:
    section_id, section_uid = section
    token = token_of(client)
    library = server_services.changes.library_version()
    change = revision(section_uid, "Đoạn viết ngoài hiện trường.\n")
    answer = push(client, token, library, [change])
    assert answer.status_code == 200, answer.text
    assert answer.json()["results"] == [{"id": change["id"], "status": "applied"}]
    assert int(answer.headers["Last-Modified-Version"]) == answer.json()["library_version"] > library
    assert revisions(server_services, section_id) == [(change["uid"], "Đoạn viết ngoài hiện trường.\n", "canbo")]
    stale = push(client, token, library, [revision(section_uid, "Khác.\n", change["uid"])])
    assert stale.status_code == 412 and stale.json()["error"] == "precondition_failed"
    assert stale.headers["Last-Modified-Version"] == str(answer.json()["library_version"])


def test_each_change_has_its_result_and_a_refusal_does_not_stop_the_others(
    client: TestClient, server_services: Services, section: tuple[int, str]
) -> None:
    section_id, section_uid = section
    token = token_of(client)
    library = server_services.changes.library_version()
    good = revision(section_uid, "Bản một.\n")
    stale_base = revision(section_uid, "Bản viết trên một bản không còn mới nhất.\n", str(uuid.uuid4()))
    unknown_section = revision(str(uuid.uuid4()), "Mục không có.\n")
    account = {"id": str(uuid.uuid4()), "table": "account", "uid": str(uuid.uuid4()), "fields": {"roles": "admin"}}
    no_id = {"table": "sectionrevision", "uid": str(uuid.uuid4()), "fields": {}}
    comment = {
        "id": str(uuid.uuid4()),
        "table": "sectioncomment",
        "uid": str(uuid.uuid4()),
        "fields": {"section": section_uid, "body": "Ý kiến ngoài hiện trường.", "quote": ""},
    }
    answer = push(client, token, library, [good, stale_base, unknown_section, account, no_id, comment])
    assert answer.status_code == 200
    results = answer.json()["results"]
    assert [r["status"] for r in results] == ["applied", "refused", "refused", "refused", "refused", "applied"]
    assert [r.get("error") for r in results[1:5]] == ["stale", "refused", "refused", "refused"]
    assert all(r["message_vi"] and r["message_vi"] != r["message_en"] for r in results[1:5])
    assert [row[0] for row in revisions(server_services, section_id)] == [good["uid"]]
    with server_services.database.begin() as session:
        assert session.exec(select(SectionComment).where(SectionComment.uid == comment["uid"])).one().author == "canbo"


def test_an_officer_cannot_approve_and_a_manager_approves_the_submitted_hash(
    client: TestClient, server_services: Services, section: tuple[int, str]
) -> None:
    from dossier_app.domain.enums import Role

    server_services.accounts.add("lanhdao", [Role.MANAGER], "Mật-khẩu-lãnh-đạo-1", "Trần Thị Bình")
    section_id, section_uid = section
    officer = token_of(client)
    library = server_services.changes.library_version()
    written = revision(section_uid, "Bản trình duyệt.\n")
    submit = {
        "id": str(uuid.uuid4()),
        "table": "section",
        "uid": section_uid,
        "fields": {"review": "submit", "revision": written["uid"]},
    }
    answer = push(client, officer, library, [written, submit])
    assert [r["status"] for r in answer.json()["results"]] == ["applied", "applied"]
    review = server_services.reviews.review(section_id)
    approve = {
        "id": str(uuid.uuid4()),
        "table": "section",
        "uid": section_uid,
        "fields": {"review": "approve", "revision": written["uid"], "hash": review.submitted_hash},
    }
    library = answer.json()["library_version"]
    [refused] = push(client, officer, library, [approve]).json()["results"]
    assert refused["status"] == "refused" and refused["error"] == "permission_denied"
    assert server_services.reviews.review(section_id).state.value == "submitted"
    manager = token_of(client, "lanhdao", "Mật-khẩu-lãnh-đạo-1")
    wrong_hash = {**approve, "id": str(uuid.uuid4()), "fields": {**approve["fields"], "hash": "0" * 64}}
    [stale] = push(client, manager, library, [wrong_hash]).json()["results"]
    assert stale["status"] == "refused" and server_services.reviews.review(section_id).state.value == "submitted"
    [applied] = push(client, manager, library, [approve]).json()["results"]
    assert applied["status"] == "applied"
    approved = server_services.reviews.review(section_id)
    assert approved.state.value == "approved" and approved.approved_hash == review.submitted_hash
    assert approved.approved_by == "lanhdao"


def test_a_change_id_already_applied_is_acknowledged_not_applied_again(
    client: TestClient, server_services: Services, section: tuple[int, str]
) -> None:
    section_id, section_uid = section
    token = token_of(client)
    change = revision(section_uid, "Một lần.\n")
    first = push(client, token, server_services.changes.library_version(), [change])
    again = push(client, token, first.json()["library_version"], [change])
    assert again.json()["results"] == [{"id": change["id"], "status": "already"}]
    assert again.json()["library_version"] == first.json()["library_version"]
    assert len(revisions(server_services, section_id)) == 1


def test_a_push_that_waited_behind_one_moving_the_library_is_refused_at_once(
    client: TestClient, server_services: Services, section: tuple[int, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two desktops push on the same library version at the same moment: the second waits for the first and, the
    library now past its base, is refused (412) without its changes reaching the services."""
    import dossier_app.server.app as server_app
    from dossier_app.services.department.push import PushService

    token, library = token_of(client), server_services.changes.library_version()
    section_id, uid = section
    first_applying, release, second_waiting = threading.Event(), threading.Event(), threading.Event()
    bases: list[int] = []
    read, apply = server_app.json_fields, PushService.apply

    async def reading(*args: Any, **kwargs: Any) -> Any:
        fields = await read(*args, **kwargs)
        if first_applying.is_set():
            second_waiting.set()  # its next step, in the same turn of the loop, is waiting for the first
        return fields

    def applying(self: PushService, based_on: int, changes: Any) -> Any:
        bases.append(based_on)
        first_applying.set()
        release.wait(10)
        return apply(self, based_on, changes)

    monkeypatch.setattr(server_app, "json_fields", reading)
    monkeypatch.setattr(PushService, "apply", applying)
    answers: dict[str, Any] = {}

    def pushing(name: str, body: str) -> None:
        answers[name] = push(client, token, library, [revision(uid, body)])

    first = threading.Thread(target=pushing, args=("first", "Bản của máy thứ nhất."))
    first.start()
    assert first_applying.wait(10)
    second = threading.Thread(target=pushing, args=("second", "Bản của máy thứ hai."))
    second.start()
    assert second_waiting.wait(10)
    release.set()
    first.join(10)
    second.join(10)

    assert answers["first"].status_code == 200
    refused = answers["second"]
    assert refused.status_code == 412 and refused.json()["error"] == "precondition_failed"
    assert int(refused.headers["Last-Modified-Version"]) == answers["first"].json()["library_version"]
    assert bases == [library]  # the second push never reached the services
    assert revisions(server_services, section_id)[-1][1].strip() == "Bản của máy thứ nhất."
