"""Fixtures of the service tests: a fresh project of each kind."""

import pytest

from dossier_app.services import Services
from dossier_app.services.dossier.projects import ProjectView
from tests.services.support import high_tech, it_park


@pytest.fixture
def itp(services: Services) -> ProjectView:
    """A new IT park project (Decree 154/2013) on the test database."""
    return services.projects.create(it_park())


@pytest.fixture
def htp(services: Services) -> ProjectView:
    """A new high-tech park project (Decree 10/2024) on the test database."""
    return services.projects.create(high_tech())
