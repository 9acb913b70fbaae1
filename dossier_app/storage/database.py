"""Engine and session factory: SQLite pragmas, PostgreSQL URLs, schema upgrade on open."""

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlmodel import Session

from dossier_app.domain.errors import (
    QT_TRANSLATE_NOOP,
    PasswordRequired,
    SchemaTooNew,
    StorageBusy,
    StorageUnavailable,
)
from dossier_app.storage.resources import APP_NAME
from dossier_app.storage.sync_log import VersionedSession

DB_ENV = "DOSSIER_DB"
BUSY_TIMEOUT_MS = 5000
# The window's wait for another writer: short enough that a held lock never freezes it; autosave retries instead.
INTERACTIVE_LOCK_WAIT_MS = 400
# PostgreSQL's "lock_not_available": a row or table lock was not granted within lock_timeout.
_PG_LOCK_NOT_AVAILABLE = "55P03"
# session.info key: set on the session of `Database.batch`, whose units of work are its savepoints.
IN_BATCH = "in_batch"
# The batch open in this thread (or task), and its database: `begin` on that database joins it.
_BATCH: ContextVar["tuple[Database, Session] | None"] = ContextVar("dossier_batch", default=None)


def user_data_dir() -> Path:
    """The per-user folder where the default database and the attachment store live."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def server_cache_dir() -> Path:
    """Where a server database's attachments are copied to be opened (checked against their hash, disposable)."""
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / "files"


def default_database_path() -> Path:
    """The SQLite file used when neither --db nor DOSSIER_DB names one."""
    return user_data_dir() / "dossier.sqlite3"


def resolve_url(location: str | None) -> str:
    """Turn --db / DOSSIER_DB (a path or a URL) into an SQLAlchemy URL."""
    location = location or os.environ.get(DB_ENV) or str(default_database_path())
    if "://" in location:
        return location
    return f"sqlite:///{Path(location).expanduser().resolve()}"


SERVER_DRIVER = "postgresql+psycopg"
DEFAULT_SERVER_PORT = 5432
# libpq's words when the password is missing or wrong (its messages are not translated on our servers).
_PASSWORD_REFUSALS = ("no password supplied", "password authentication failed", "password is required")


@dataclass(frozen=True)
class ServerAddress:
    """Where a department's PostgreSQL database is, without any password (that never goes to settings)."""

    host: str
    database: str
    user: str
    port: int = DEFAULT_SERVER_PORT

    @property
    def url(self) -> str:
        """The SQLAlchemy URL for --db and the settings."""
        return URL.create(SERVER_DRIVER, self.user, None, self.host, self.port, self.database).render_as_string()

    @staticmethod
    def parse(url: str) -> "ServerAddress | None":
        """The address in a PostgreSQL URL, or None for a SQLite path or URL."""
        if "://" not in url or not url.startswith("postgresql"):
            return None
        parsed = make_url(url)
        port = parsed.port or DEFAULT_SERVER_PORT
        return ServerAddress(str(parsed.host or ""), str(parsed.database or ""), str(parsed.username or ""), port)


def with_password(url: str, password: str) -> str:
    """The URL with a password, kept in memory only for the session's connections."""
    return make_url(url).set(password=password).render_as_string(hide_password=False)


def without_password(url: str) -> str:
    """The URL as it may be stored or shown: any password removed (not masked)."""
    if "://" not in url:
        return url
    parsed = make_url(url)
    return URL.create(
        parsed.drivername, parsed.username, None, parsed.host, parsed.port, parsed.database, parsed.query
    ).render_as_string(hide_password=False)


def _sqlite_pragmas(lock_wait_ms: int) -> Callable[[Any, Any], None]:
    def apply(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute(f"PRAGMA busy_timeout={int(lock_wait_ms)}")
        cursor.close()

    return apply


@dataclass
class Database:
    """An open database: its URL, its engine and the unit-of-work factory every service uses."""

    url: str = field(repr=False)  # may hold a server password; the engine's repr masks it
    engine: Engine

    @property
    def is_sqlite(self) -> bool:
        """Whether this is a local file (backups, file store beside it)."""
        return self.engine.dialect.name == "sqlite"

    @property
    def display_location(self) -> str:
        """Where the data is, for messages and the window title, without any password."""
        url = make_url(self.url)
        return str(url.database) if self.is_sqlite else url.render_as_string(hide_password=True)

    @contextmanager
    def begin(self) -> Iterator[Session]:
        """One session per unit of work: commit on success, roll back on any error; a lock wait over the
        short timeout becomes StorageBusy, which callers show and retry instead of crashing. The session keeps
        the sync versions and tombstones (storage/sync_log). Inside `batch` the unit is a savepoint of it."""
        batch = _BATCH.get()
        if batch is not None and batch[0] is self:
            with batch[1].begin_nested():
                yield batch[1]
            return
        try:
            with VersionedSession(self.engine, expire_on_commit=False) as session, session.begin():
                yield session
        except OperationalError as error:
            if is_busy(error):
                raise StorageBusy() from error
            raise

    @contextmanager
    def joined(self) -> Iterator[Session]:
        """Inside `batch`, the batch's session itself with no savepoint of its own, for a step that only reads (a
        savepoint would cost two statements and undo nothing). Outside a batch, `begin`."""
        batch = _BATCH.get()
        if batch is not None and batch[0] is self:
            yield batch[1]
            return
        with self.begin() as session:
            yield session

    @contextmanager
    def batch(self) -> Iterator[Session]:
        """One transaction for many units of work (a desktop's push): every `begin` inside it, in this thread,
        is a savepoint of it, so a failed one is undone alone while the rest commit once, stamped once."""
        with self.begin() as session:
            open_transaction(session, immediate=True)  # on SQLite its write lock now: the units inside will write
            token = _BATCH.set((self, session))
            session.info[IN_BATCH] = True
            try:
                yield session
            finally:
                session.info.pop(IN_BATCH, None)
                _BATCH.reset(token)

    def files_root(self) -> Path:
        """The attachment folder: beside a SQLite file; for a server, where earlier versions kept them."""
        if self.is_sqlite and make_url(self.url).database not in (None, "", ":memory:"):
            database = Path(str(make_url(self.url).database))
            return database.with_name(database.name + ".files")
        return user_data_dir() / "files"

    def dispose(self) -> None:
        """Close every pooled connection (tests, restore, switching databases)."""
        self.engine.dispose()


def open_transaction(session: Session, *, immediate: bool = False) -> None:
    """Before a savepoint on SQLite: begin the driver's transaction now (`immediate`: with the write lock). pysqlite
    sends BEGIN only before a write, so a SAVEPOINT sent first starts a transaction of its own, and its release
    commits the caller's work early."""
    connection = session.connection()
    if connection.dialect.name == "sqlite" and not connection.connection.dbapi_connection.in_transaction:  # type: ignore[union-attr]
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def is_busy(error: OperationalError) -> bool:
    """Whether a database error means another writer holds the lock (SQLite busy, PostgreSQL lock timeout)."""
    if getattr(error.orig, "sqlstate", None) == _PG_LOCK_NOT_AVAILABLE:
        return True
    text = str(error.orig).lower()
    return "database is locked" in text or "database is busy" in text or "database table is locked" in text


def _check_writable(url: str) -> None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return
    path = Path(str(parsed.database))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists():
            with path.open("r+b"):
                pass
        else:
            probe = path.with_name(path.name + ".probe")
            probe.write_bytes(b"")
            probe.unlink()
    except OSError as error:
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP("Errors", "Cannot write the database {location}: {reason}"),
            location=str(path),
            reason=error.strerror or str(error),
        ) from error


def open_database(location: str | None = None, *, upgrade: bool = True, lock_wait_ms: int | None = None) -> Database:
    """Open (creating if needed) the database at a path or URL and bring its schema up to date.

    `lock_wait_ms` is how long a write waits for another writer's lock before StorageBusy (default 5 s).
    """
    from dossier_app.storage import migrations

    url = resolve_url(location)
    _check_writable(url)
    try:
        # PostgreSQL waits for a row lock forever by default: wait as long as SQLite's busy_timeout, then refuse.
        wait = BUSY_TIMEOUT_MS if lock_wait_ms is None else lock_wait_ms
        connect_args = {"options": f"-c lock_timeout={int(wait)}"} if url.startswith("postgresql") else {}
        engine = create_engine(url, future=True, connect_args=connect_args)
    except (SQLAlchemyError, ImportError, ValueError) as error:
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP("Errors", "Cannot open the database {location}: {reason}"),
            location=make_url(url).render_as_string(hide_password=True) if "://" in url else url,
            reason=str(error).splitlines()[0],
        ) from error
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas(wait))
    database = Database(url=url, engine=engine)
    try:
        if upgrade:
            migrations.upgrade(database)
    except SchemaTooNew:
        engine.dispose()
        raise
    except OperationalError as error:
        engine.dispose()
        reason = str(error.orig).splitlines()[0] if error.orig else str(error)
        if any(words in str(error.orig).lower() for words in _PASSWORD_REFUSALS):
            user = make_url(url).username or ""
            raise PasswordRequired(location=database.display_location, user=user) from error
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP("Errors", "Cannot open the database {location}: {reason}"),
            location=database.display_location,
            reason=reason,
        ) from error
    return database
