"""Migration 0016 (sync identity) on a database holding the demo: every existing synced row gets its own uid and
version, nothing else changes, the register's search still works; it also goes down and up again."""

import uuid

from alembic import command
from sqlalchemy import inspect, text

from dossier_app.services import Services
from dossier_app.services.register.register import PartyFilter
from dossier_app.storage import migrations
from dossier_app.storage.sync_log import synced_tables

SYNC_COLUMNS = ("uid", "sync_version")
LATER_COLUMNS = ("sender_organ_code", "recipient_organ_code")  # 0017's: down with it, back with their defaults


def _contents(services: Services) -> dict[str, list[tuple[object, ...]]]:
    """Every synced table's rows without the sync columns, in key order."""
    found = {}
    with services.database.engine.connect() as connection:
        for name, table in synced_tables().items():
            names = [c.name for c in table.columns if c.name not in (*SYNC_COLUMNS, *LATER_COLUMNS)]
            key = ", ".join(c.name for c in table.primary_key.columns)
            query = f"SELECT {', '.join(names)} FROM {name} ORDER BY {key}"
            found[name] = [tuple(row) for row in connection.execute(text(query))]
    return found


def test_the_demo_survives_the_migration_and_every_row_gets_a_distinct_uid_and_version(
    demo_services: Services,
) -> None:
    database = demo_services.database
    before = _contents(demo_services)
    assert sum(len(rows) for rows in before.values()) > 1000
    config = migrations.alembic_config(database)
    command.downgrade(config, "0015")
    inspector = inspect(database.engine)
    assert "syncstate" not in inspector.get_table_names()
    assert not {c["name"] for c in inspector.get_columns("section")} & set(SYNC_COLUMNS)
    command.upgrade(config, "head")
    assert _contents(demo_services) == before
    with database.engine.connect() as connection:
        pairs = [
            (str(uid), int(version))
            for name in synced_tables()
            for uid, version in connection.execute(text(f"SELECT uid, sync_version FROM {name}"))
        ]
        library = int(connection.execute(text("SELECT version FROM syncstate")).scalar_one())
    uids = [uid for uid, _version in pairs]
    assert len(set(uids)) == len(pairs) and all(uuid.UUID(uid).version == 4 for uid in uids)
    assert sorted(version for _uid, version in pairs) == list(range(1, len(pairs) + 1)) and library == len(pairs)
    with database.engine.connect() as connection:
        project_id, name = connection.execute(text("SELECT project_id, name FROM affectedparty ORDER BY id")).first()
    found = demo_services.register.parties(project_id, PartyFilter(search=name))
    assert name in [row.name for row in found]  # 0013's search index is still there and fed
