"""A push that arrives while another is being applied: when the library has moved past its base, already or while it
waits, it is refused (412) then instead of waiting for the other push to end, since it would be refused anyway; a
push whose base still holds waits its turn."""

import anyio
import httpx
from starlette.testclient import TestClient

from dossier_app.server.app import DossierApi
from dossier_app.services import Services
from tests.server.test_push_api import revision, section  # noqa: F401 (a fixture)
from tests.server.test_session_api import bearer, token_of


def _api(client: TestClient) -> DossierApi:
    """The routes' object behind the app (its push lock)."""
    route = next(route for route in client.app.routes if getattr(route, "path", "") == "/v1/changes")  # type: ignore[attr-defined]
    api = route.endpoint.__self__
    assert isinstance(api, DossierApi)
    return api


async def _push(client: TestClient, section_uid: str, based_on: int) -> httpx.Response:
    """A push of one revision from another desktop, through the app in this event loop."""
    token = token_of(client)
    transport = httpx.ASGITransport(app=client.app)  # type: ignore[arg-type]
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1:8470") as other:
        return await other.post(
            "/v1/changes",
            json={"changes": [revision(section_uid, "Đoạn viết trên máy khác.\n")]},
            headers={**bearer(token), "If-Unmodified-Since-Version": str(based_on)},
        )


def test_a_push_behind_another_is_refused_at_once_when_the_library_moved(
    client: TestClient,
    server_services: Services,
    section: tuple[int, str],  # noqa: F811
) -> None:
    section_id, section_uid = section
    based_on = server_services.changes.library_version()
    server_services.dossiers.save_body(section_id, "Đoạn của lần đẩy đang chạy.\n")  # the other push's first revision
    api = _api(client)

    async def behind_another_push() -> httpx.Response:
        async with api._one_push:  # the other push holds the lock for the whole test
            with anyio.fail_after(20):
                return await _push(client, section_uid, based_on)

    answer = anyio.run(behind_another_push)
    assert answer.status_code == 412 and answer.json()["error"] == "precondition_failed"
    assert int(answer.headers["Last-Modified-Version"]) == server_services.changes.library_version() > based_on


def test_a_push_waiting_behind_another_is_refused_when_the_library_moves_meanwhile(
    client: TestClient,
    server_services: Services,
    section: tuple[int, str],  # noqa: F811
) -> None:
    section_id, section_uid = section
    based_on = server_services.changes.library_version()
    api = _api(client)
    answers: list[httpx.Response] = []
    waited: list[str] = []

    async def behind_another_push() -> None:
        async with api._one_push, anyio.create_task_group() as group:  # the other push holds the lock throughout

            async def waiting_push() -> None:
                answers.append(await _push(client, section_uid, based_on))

            group.start_soon(waiting_push)
            await anyio.sleep(0.5)
            waited.append("answered" if answers else "still waiting")
            await anyio.to_thread.run_sync(server_services.dossiers.save_body, section_id, "Đoạn của lần đẩy kia.\n")
            with anyio.fail_after(20):
                while not answers:
                    await anyio.sleep(0.05)

    anyio.run(behind_another_push)
    assert waited == ["still waiting"]  # its base held: it waited behind the other push
    assert answers[0].status_code == 412 and answers[0].json()["error"] == "precondition_failed"
