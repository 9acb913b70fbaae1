"""A desktop's server session kept between syncs (services/sync/session.py), against a real `serve` process: the
first sync signs in, the next ones carry its token and sign in no more, and a token the server no longer takes
(signed out) is replaced by a new sign-in within the same sync."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from dossier_app.cli.sections import find_section
from dossier_app.services import Services, open_services
from dossier_app.services.core.context import Operator
from dossier_app.services.sync.client import SyncConnection
from dossier_app.services.sync.session import sync_in_session
from tests.server.server_process import ServerProcess, demo_server_database, serving_copy

PASSWORD = "demo-cantho"
CODE, KEY = "CT-HTP", "tt.can_cu_phap_ly"


@pytest.fixture(scope="module")
def demo_server_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_server_database(tmp_path_factory.mktemp("kept-session"))


@pytest.fixture
def server(demo_server_db: Path, tmp_path: Path) -> Iterator[ServerProcess]:
    with serving_copy(demo_server_db, tmp_path) as running:
        yield running


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Services]:
    services = open_services(str(tmp_path / "desk.sqlite3"), Operator("cli:tester"))
    yield services
    services.close()


def _url(server: ServerProcess) -> str:
    return f"http://127.0.0.1:{server.port}"


def _sign_ins(server: ServerProcess) -> int:
    """Sign-ins the server has logged (one request line each)."""
    return server.stderr().count('"POST /v1/session" 201')


def test_the_first_sync_signs_in_and_the_next_ones_carry_its_token(desk: Services, server: ServerProcess) -> None:
    first = sync_in_session(desk, _url(server), "chuyenvien", PASSWORD, None, "test desk")
    assert first.signed_in and first.token and first.report.clean and first.report.pulled > 0
    section = find_section(desk, CODE, KEY)
    desk.dossiers.save_body(section.id, section.body + "\n\nĐoạn viết khi phiên còn mở.")
    second = sync_in_session(desk, _url(server), "chuyenvien", PASSWORD, first.token, "test desk")
    assert not second.signed_in and second.token == first.token
    assert len(second.report.pushed) == 1 and second.report.clean
    assert _sign_ins(server) == 1


def test_a_token_the_server_no_longer_takes_is_replaced_by_a_new_sign_in(desk: Services, server: ServerProcess) -> None:
    first = sync_in_session(desk, _url(server), "chuyenvien", PASSWORD, None, "test desk")
    with SyncConnection(_url(server)) as connection:  # the session ended elsewhere (signed out)
        connection.token = first.token
        connection.sign_out()
    section = find_section(desk, CODE, KEY)
    desk.dossiers.save_body(section.id, section.body + "\n\nĐoạn viết sau khi phiên đã hết.")
    again = sync_in_session(desk, _url(server), "chuyenvien", PASSWORD, first.token, "test desk")
    assert again.signed_in and again.token and again.token != first.token
    assert len(again.report.pushed) == 1 and again.report.clean
    assert _sign_ins(server) == 2
