"""Migration 0017 (organ codes) on a database holding the demo: the projects get an empty sender code and the
Government Office as recipient, nothing else changes; it goes down and up again."""

from alembic import command
from sqlalchemy import inspect, text

from dossier_app.services import Services
from dossier_app.storage import migrations

CODES = ("sender_organ_code", "recipient_organ_code")


def _projects(services: Services) -> list[tuple[object, ...]]:
    with services.database.engine.connect() as connection:
        names = [c["name"] for c in inspect(connection).get_columns("project") if c["name"] not in CODES]
        return [tuple(row) for row in connection.execute(text(f"SELECT {', '.join(names)} FROM project ORDER BY id"))]


def test_existing_projects_get_no_sender_and_the_government_office_as_recipient(demo_services: Services) -> None:
    database = demo_services.database
    before = _projects(demo_services)
    config = migrations.alembic_config(database)
    command.downgrade(config, "0016")
    assert not {c["name"] for c in inspect(database.engine).get_columns("project")} & set(CODES)
    command.upgrade(config, "head")
    assert _projects(demo_services) == before
    with database.engine.connect() as connection:
        codes = connection.execute(text(f"SELECT {', '.join(CODES)} FROM project")).all()
    assert codes and all(tuple(row) == ("", "000.00.00.G22") for row in codes)
