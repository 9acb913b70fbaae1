"""Backups of a SQLite database and its attachment folder: SQLite's online backup API, checked atomic restores.

A backup is a plain SQLite file (rollback-journal mode, one self-contained file) with the attachment blobs in
a folder beside it named like the program's own store: `NAME.sqlite3` and `NAME.sqlite3.files/`. Opening the
backup file with `--db` therefore shows it with its attachments; restoring copies it back.
"""

import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

from sqlalchemy.engine import make_url

from dossier_app.domain.errors import QT_TRANSLATE_NOOP, BackupRefused, SchemaTooNew, StorageUnavailable
from dossier_app.storage.database import BUSY_TIMEOUT_MS, Database
from dossier_app.storage.migrations import known_revision

SQLITE_HEADER = b"SQLite format 3\x00"


def sqlite_file(database: Database) -> Path:
    """The database's file; an in-memory database has none to copy (a server goes through server_backups)."""
    url = make_url(database.url)
    if not database.is_sqlite or url.database in (None, "", ":memory:"):
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP("Errors", "The database {location} is not a file that can be copied."),
            location=database.display_location,
        )
    return Path(str(url.database))


def files_folder(database_file: Path) -> Path:
    """The attachment folder that belongs to a database or backup file (as Database.files_root names it)."""
    return database_file.with_name(database_file.name + ".files")


def write_backup(database: Database, dest: Path) -> Path:
    """Copy the live database into `dest` page by page while others keep working, then its attachments."""
    source = sqlite_file(database)
    dest = dest.expanduser().resolve()
    partial = dest.with_name(f".{dest.name}.partial")
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        _copy_database(source, partial)
        os.replace(partial, dest)
        copy_blobs(files_folder(source), files_folder(dest))
    except (OSError, sqlite3.Error) as error:
        partial.unlink(missing_ok=True)
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP("Errors", "Cannot write the backup {location}: {reason}"),
            location=str(dest),
            reason=_reason(error),
        ) from error
    return dest


def check_backup(source: Path) -> str:
    """Refuse anything but a sound database of this program's schema (or an older one); return its revision."""
    with tempfile.TemporaryDirectory(prefix="dossier-check-") as scratch:
        return _checked_copy(source.expanduser().resolve(), Path(scratch) / "check.sqlite3")


def restore_backup(database: Database, source: Path) -> str:
    """Replace the database by a checked copy of `source` in one os.replace; return the backup's revision.

    The copy is written and checked beside the target first: a refused backup leaves the database as it was.
    """
    target = sqlite_file(database)
    source = source.expanduser().resolve()
    incoming = target.with_name(f".{target.name}.restoring")
    try:
        revision = _checked_copy(source, incoming)
        database.dispose()
        _checkpoint(target)
        os.replace(incoming, target)
        for leftover in (Path(f"{target}-wal"), Path(f"{target}-shm")):
            leftover.unlink(missing_ok=True)  # the old file's journal must never be applied to the new one
        copy_blobs(files_folder(source), files_folder(target))
    except OSError as error:
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP("Errors", "Cannot write the database {location}: {reason}"),
            location=str(target),
            reason=_reason(error),
        ) from error
    finally:
        incoming.unlink(missing_ok=True)
    return revision


def copy_blobs(source: Path, dest: Path) -> int:
    """Bring every attachment blob of `source` into `dest` (hard links where possible: blobs never change)."""
    copied = 0
    for blob in _blobs(source):
        target = dest / blob.parent.name / blob.name
        if target.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(blob, target)
        except OSError:
            shutil.copy2(blob, target)
        copied += 1
    return copied


def _blobs(folder: Path) -> Iterator[Path]:
    if not folder.is_dir():
        return
    for sub in sorted(folder.iterdir()):
        if sub.is_dir() and len(sub.name) == 2:
            yield from (p for p in sorted(sub.iterdir()) if p.is_file() and not p.name.startswith("."))


def _copy_database(source: Path, dest: Path) -> None:
    """SQLite's online backup API into a fresh file, left in rollback-journal mode and synced to disk."""
    with (
        closing(sqlite3.connect(str(source), timeout=BUSY_TIMEOUT_MS / 1000)) as reader,
        closing(sqlite3.connect(str(dest))) as writer,
    ):
        reader.backup(writer)
        writer.execute("PRAGMA journal_mode=DELETE")
    with dest.open("rb") as handle:
        os.fsync(handle.fileno())


def _checked_copy(source: Path, dest: Path) -> str:
    if not source.is_file():
        raise BackupRefused(
            QT_TRANSLATE_NOOP("Errors", "The backup {name} does not exist or is not a file."), name=str(source)
        )
    try:
        with source.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise BackupRefused(
            QT_TRANSLATE_NOOP("Errors", "Cannot read the backup {name}: {reason}"),
            name=str(source),
            reason=_reason(error),
        ) from error
    if header != SQLITE_HEADER:
        raise BackupRefused(
            QT_TRANSLATE_NOOP("Errors", "{name} is not a database backup (not a SQLite file); nothing was changed."),
            name=str(source),
        )
    dest.unlink(missing_ok=True)
    try:
        _copy_database(source, dest)
        with closing(sqlite3.connect(str(dest))) as connection:
            verdict = [str(row[0]) for row in connection.execute("PRAGMA integrity_check").fetchall()]
            if verdict != ["ok"]:
                raise sqlite3.DatabaseError("; ".join(verdict[:3]))
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error as error:
        dest.unlink(missing_ok=True)
        raise BackupRefused(
            QT_TRANSLATE_NOOP("Errors", "The backup {name} is damaged ({reason}); nothing was changed."),
            name=str(source),
            reason=_reason(error),
        ) from error
    revision = str(row[0]) if row else ""
    if not known_revision(revision):
        dest.unlink(missing_ok=True)
        raise SchemaTooNew(location=str(source), revision=revision or "?")
    return revision


def _checkpoint(target: Path) -> None:
    """Fold the write-ahead log into the file before it is replaced (nothing pending is then thrown away)."""
    if not target.exists():
        return
    try:
        with closing(sqlite3.connect(str(target), timeout=BUSY_TIMEOUT_MS / 1000)) as connection:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.Error:
        pass  # the file is replaced next either way


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError):
        return error.strerror or str(error)
    return str(error).splitlines()[0] if str(error) else type(error).__name__
