"""Which database a desktop opens: its own file or a department's server, and trying a server before using it."""

from dossier_app.storage.database import (
    DB_ENV,
    ServerAddress,
    default_database_path,
    open_database,
    with_password,
    without_password,
)

__all__ = ["DB_ENV", "ServerAddress", "default_database_path", "probe", "with_password", "without_password"]


def probe(url: str) -> str:
    """Open the database once (creating or upgrading its schema as a start would) and say where it is.

    Raises PasswordRequired when the server wants a password, StorageUnavailable or SchemaTooNew otherwise.
    """
    database = open_database(url)
    try:
        return database.display_location
    finally:
        database.dispose()
