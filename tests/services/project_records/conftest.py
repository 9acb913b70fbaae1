"""A department's server (its services in this process) with an officer and a manager, and desks synced once from it,
for the project records' sync tests; a module names its desks by overriding `desk_names`."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from dossier_app.domain.enums import Role
from dossier_app.services import Services, open_services
from dossier_app.services.core.context import Operator
from dossier_app.services.dossier.projects import ProjectView
from tests.conftest import FAST_HASHER
from tests.services.sync.test_row_sync import MANAGER, OFFICER, PASSWORD, sync


@pytest.fixture
def server(services: Services, itp: ProjectView) -> Services:
    """The department's database: an officer and a manager, the project's plan made."""
    services.accounts.add(OFFICER, [Role.OFFICER], PASSWORD, "Nguyễn Văn An")
    services.accounts.add(MANAGER, [Role.MANAGER], PASSWORD, "Trần Thị Bình")
    services.milestones.plan(itp.id)
    return services


@pytest.fixture
def desk_names() -> tuple[str, ...]:
    """The desks a test gets: two officers' (a desk named "manager" syncs as the manager)."""
    return ("a", "b")


@pytest.fixture
def desks(server: Services, tmp_path: Path, desk_names: tuple[str, ...]) -> Iterator[dict[str, Services]]:
    made = {
        name: open_services(str(tmp_path / f"{name}.sqlite3"), Operator("cli:tester"), password_hasher=FAST_HASHER)
        for name in desk_names
    }
    for name, desk in made.items():
        assert sync(desk, server, name).clean
    yield made
    for desk in made.values():
        desk.close()
