"""Test setup: offscreen Qt, isolated user folders, and a fresh migrated database per test (SQLite and PostgreSQL)."""

import os
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
_ISOLATED_HOME = Path(tempfile.mkdtemp(prefix="dossier-test-home-"))
os.environ["XDG_DATA_HOME"] = str(_ISOLATED_HOME / "data")
os.environ["XDG_CONFIG_HOME"] = str(_ISOLATED_HOME / "config")
os.environ.pop("DOSSIER_DB", None)

import pytest  # noqa: E402
from argon2 import PasswordHasher  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from dossier_app.services import Services, open_services  # noqa: E402
from dossier_app.services.core.context import Operator  # noqa: E402
from dossier_app.storage.database import open_database  # noqa: E402

PG_URL = os.environ.get("DOSSIER_TEST_PG_URL", "")
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)]
# argon2id at its cheapest: the tests check behaviour, bench/password_hash.py checks the real cost.
FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
# The operator of the `services` fixture: the local operator, so fixtures and tests may write freely.
TESTER = "cli:tester"


def pytest_configure(config: pytest.Config) -> None:
    """Register the marker of tests that need the PostgreSQL server."""
    config.addinivalue_line("markers", "postgresql: runs against the throwaway PostgreSQL cluster")


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    """A migrated PostgreSQL database that each test copies (CREATE DATABASE … TEMPLATE is fast)."""
    if not PG_URL:
        pytest.skip("DOSSIER_TEST_PG_URL is not set (./dev test starts a cluster when PostgreSQL is installed)")
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    name = f"dossier_tmpl_{uuid.uuid4().hex[:8]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    open_database(url).dispose()
    yield name
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _pg_database(template: str) -> Iterator[str]:
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    name = f"dossier_t_{uuid.uuid4().hex[:12]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, migrated database URL: a SQLite file, then the same test on PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'dossier.sqlite3'}"
    else:
        yield from _pg_database(request.getfixturevalue("pg_template"))


@pytest.fixture
def pg_url(pg_template: str) -> Iterator[str]:
    """A fresh, migrated PostgreSQL database URL, for tests about server mode only."""
    yield from _pg_database(pg_template)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A SQLite database file for tests that are about SQLite or the window."""
    return f"sqlite:///{tmp_path / 'dossier.sqlite3'}"


def unstamped(services: Services) -> dict[str, int]:
    """Synced rows and tombstones left without a sync version: a write that bypassed storage/sync_log."""
    from dossier_app.storage.sync_log import TOMBSTONES, synced_tables

    with services.database.engine.connect() as connection:
        counts = {
            name: int(connection.execute(text(f"SELECT count(*) FROM {name} WHERE sync_version = 0")).scalar_one())
            for name in [*synced_tables(), TOMBSTONES.name]
        }
    return {name: count for name, count in counts.items() if count}


@pytest.fixture
def services(db_url: str) -> Iterator[Services]:
    """All services on a fresh database, acting as the local operator `cli:tester` (allowed everything, like the
    command line); tests about roles act as named accounts (tests/services/test_permissions.py, review_support).
    Afterwards every synced row the test wrote must have its sync version (issue 13's pull feed relies on it)."""
    built = open_services(db_url, Operator(TESTER), password_hasher=FAST_HASHER)
    yield built
    try:
        assert not unstamped(built), "rows written past storage/sync_log, so no pull would ever see them"
    finally:
        built.close()


@pytest.fixture
def demo_services(services: Services) -> Services:
    """Services on a database with the Cần Thơ demo loaded."""
    services.demo.load()
    return services


@pytest.fixture
def draft_demo_services(services: Services) -> Services:
    """The demo without its review story: every section a draft, for tests that count the queues from zero."""
    services.demo.load(story=False)
    return services
