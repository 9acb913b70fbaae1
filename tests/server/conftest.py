"""The API in process (starlette.testclient: no socket), over the test database with two accounts and a clock; and
for the trials against real `main.py serve` processes, the demo made once per module and a server over a copy of it
per test (a module needing another server defines its own `server`)."""

from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient

from dossier_app.server.app import create_app
from dossier_app.services import Services
from tests.server.server_process import demo_server_db, server  # noqa: F401 (the fixtures, shared with tests/ui)
from tests.services.sync.token_support import Clock, with_accounts


@pytest.fixture
def clock(services: Services) -> Clock:
    """The services' clock, under the test's control."""
    fake = Clock()
    services.context.clock = fake
    return fake


@pytest.fixture
def server_services(services: Services, clock: Clock) -> Services:
    """The server's database: an administrator and an officer."""
    return with_accounts(services)


@pytest.fixture
def client(server_services: Services) -> Iterator[TestClient]:
    """A client of the app; a bug surfaces as the exception, not as a 500."""
    with TestClient(create_app(server_services), base_url="http://127.0.0.1:8470") as test_client:
        yield test_client
