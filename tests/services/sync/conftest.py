"""The department's server for the replica tests that run it in this process (test_row_sync.Direct)."""

import pytest

from dossier_app.domain.enums import Role
from dossier_app.services import Services
from dossier_app.services.dossier.projects import ProjectView
from tests.services.register_support import party
from tests.services.sync.test_row_sync import MANAGER, OFFICER, PASSWORD


@pytest.fixture
def server(services: Services, itp: ProjectView) -> Services:
    """The department's database: an officer and a manager, one household registered."""
    services.accounts.add(OFFICER, [Role.OFFICER], PASSWORD, "Nguyễn Văn An")
    services.accounts.add(MANAGER, [Role.MANAGER], PASSWORD, "Trần Thị Bình")
    services.register.add_party(itp.id, party("HT-001"))
    return services
