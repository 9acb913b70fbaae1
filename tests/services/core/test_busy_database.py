"""A database held by another writer beyond the short wait: a typed StorageBusy, nothing written, no crash."""

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, text

from dossier_app.domain.errors import StorageBusy
from dossier_app.services import Services, open_services
from dossier_app.services.core.context import Operator
from dossier_app.services.dossier.projects import ProjectView
from dossier_app.storage import database as database_module
from tests.conftest import FAST_HASHER
from tests.services.support import section_by_key


@contextmanager
def held_lock(url: str, section_id: int) -> Iterator[None]:
    """Another connection holds the write lock (SQLite) or the section's row lock (PostgreSQL)."""
    engine = create_engine(url)
    connection = engine.connect()
    try:
        if engine.dialect.name == "sqlite":
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            connection.execute(text("SELECT id FROM section WHERE id = :id FOR UPDATE"), {"id": section_id})
        yield
    finally:
        connection.rollback()
        connection.close()
        engine.dispose()


def test_a_held_lock_gives_storage_busy(
    services: Services, itp: ProjectView, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(database_module, "BUSY_TIMEOUT_MS", 200)
    impatient = open_services(db_url, Operator("cli:impatient"), password_hasher=FAST_HASHER)
    section_id = section_by_key(services, itp.id, "da.7_ban_do_quy_hoach").id
    before = services.dossiers.section(section_id)
    with held_lock(db_url, section_id), pytest.raises(StorageBusy) as raised:
        impatient.dossiers.save_body(section_id, "Văn bản mới", base_version=before.version)
    assert "busy" in raised.value.message
    assert services.dossiers.section(section_id).version == before.version
    assert services.dossiers.revisions(section_id) == []
    # once the other writer is gone the same save goes through
    assert impatient.dossiers.save_body(section_id, "Văn bản mới", base_version=before.version).changed
    impatient.close()


def test_the_window_waits_only_briefly_for_another_writer(db_url: str) -> None:
    """The window opens the database with a short lock wait, the command line with the long one."""
    for interactive, expected in ((True, database_module.INTERACTIVE_LOCK_WAIT_MS), (False, 5000)):
        opened = open_services(db_url, Operator("cli:tester"), password_hasher=FAST_HASHER, interactive=interactive)
        try:
            with opened.database.engine.connect() as connection:
                if opened.database.is_sqlite:
                    wait = int(connection.exec_driver_sql("PRAGMA busy_timeout").scalar() or 0)
                else:
                    query = "SELECT setting FROM pg_settings WHERE name = 'lock_timeout'"  # in ms, unlike SHOW
                    wait = int(str(connection.exec_driver_sql(query).scalar()))
            assert wait == expected
        finally:
            opened.close()
