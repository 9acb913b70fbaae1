"""A push's change ids are looked up once for the whole push: an id applied by an earlier push, or earlier in the
same push, is acknowledged and not applied again, whatever the change now says."""

import pytest
from sqlmodel import Session, select
from starlette.testclient import TestClient

from dossier_app.domain.errors import QT_TRANSLATE_NOOP, ChangeRefused
from dossier_app.domain.models import SyncAppliedChange
from dossier_app.services import Services
from dossier_app.services.department.push import PushService
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


def test_a_change_refused_after_it_wrote_is_undone_alone(
    client: TestClient,
    server_services: Services,
    section: tuple[int, str],  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The push is one transaction and each change a savepoint: a refusal that comes after the change's revision was
    written (here: when its id is remembered) leaves neither the revision nor the id, and the others commit."""
    section_id, section_uid = section
    token = token_of(client)
    first = revision(section_uid, "Lần đầu.\n")
    refused = revision(section_uid, "Bị từ chối sau khi đã ghi.\n", first["uid"])
    remember = PushService._remember

    def failing(self: PushService, session: Session, change_id: str, table: str, uid: str) -> None:
        remember(self, session, change_id, table, uid)
        if change_id == refused["id"]:
            raise ChangeRefused(
                QT_TRANSLATE_NOOP("Errors", "The server does not yet take changes of '{table}' from desktops."),
                table=table,
            )

    monkeypatch.setattr(PushService, "_remember", failing)
    before = server_services.changes.library_version()
    answer = push(client, token, before, [first, refused])
    assert answer.status_code == 200, answer.text
    assert [result["status"] for result in answer.json()["results"]] == ["applied", "refused"]
    assert [body for _uid, body, _author in revisions(server_services, section_id)] == ["Lần đầu.\n"]
    with server_services.context.database.begin() as session:
        remembered = session.exec(select(SyncAppliedChange.change_id)).all()
    assert first["id"] in remembered and refused["id"] not in remembered
    monkeypatch.setattr(PushService, "_remember", remember)
    again = push(client, token, answer.json()["library_version"], [refused])  # sent again, it is applied now
    assert [result["status"] for result in again.json()["results"]] == ["applied"]
