"""A push's change ids are looked up once for the whole push: an id applied by an earlier push, or earlier in the
same push, is acknowledged and not applied again, whatever the change now says."""

from starlette.testclient import TestClient

from dossier_app.services import Services
from tests.server.test_push_api import push, revision, revisions, section  # noqa: F401 (a fixture)
from tests.server.test_session_api import token_of


def test_an_id_repeated_within_one_push_is_applied_once(
    client: TestClient,
    server_services: Services,
    section: tuple[int, str],  # noqa: F811
) -> None:
    section_id, section_uid = section
    token = token_of(client)
    first = revision(section_uid, "Lần đầu.\n")
    repeated = {**revision(section_uid, "Lần sau, cùng mã thay đổi.\n", first["uid"]), "id": first["id"]}
    fresh = revision(section_uid, "Một thay đổi khác.\n", first["uid"])
    answer = push(client, token, server_services.changes.library_version(), [first, repeated, fresh])
    assert answer.status_code == 200, answer.text
    assert [result["status"] for result in answer.json()["results"]] == ["applied", "already", "applied"]
    assert [body for _uid, body, _author in revisions(server_services, section_id)] == [
        "Lần đầu.\n",
        "Một thay đổi khác.\n",
    ]
