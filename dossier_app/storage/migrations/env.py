"""Alembic environment: runs on the program's own engine, batch mode for SQLite."""

from alembic import context
from sqlmodel import SQLModel

from dossier_app.domain.models import load_all
from dossier_app.storage.migrations import include_object

load_all()  # every table on the metadata, for autogenerate
config = context.config
target_metadata = SQLModel.metadata


def run_migrations() -> None:
    """Migrate online through the engine handed over in config.attributes."""
    engine = config.attributes.get("engine")
    if engine is None:
        from sqlalchemy import create_engine

        engine = create_engine(config.get_main_option("sqlalchemy.url") or "")
    with engine.begin() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
            include_object=include_object,
        )
        with context.begin_transaction():
            context.run_migrations()


run_migrations()
