"""Backing up and restoring the database: automatic daily copies on start, copies on demand, checked restores."""

from dataclasses import dataclass
from datetime import date, datetime
from hashlib import sha1
from pathlib import Path
from shutil import rmtree

from dossier_app.domain.enums import AuditAction
from dossier_app.domain.lifecycle import Action
from dossier_app.services.accounts.audit import AuditTrail
from dossier_app.services.core.context import ServiceContext
from dossier_app.services.core.permissions import require_action
from dossier_app.services.core.replica_state import NOT_HERE_RESTORE, refuse_on_replica
from dossier_app.storage import migrations
from dossier_app.storage.backups import check_backup, files_folder, restore_backup, sqlite_file, write_backup
from dossier_app.storage.database import user_data_dir
from dossier_app.storage.server_backups import check_server_backup, restore_server_backup, write_server_backup

DEFAULT_KEEP = 10
SUFFIX = ".sqlite3"
SERVER_SUFFIX = ".dump"


@dataclass(frozen=True)
class BackupEntry:
    """One backup file as the dialog lists it."""

    path: Path
    taken_on: date
    size: int
    modified: datetime


def _entry(path: Path) -> BackupEntry:
    stat = path.stat()
    modified = datetime.fromtimestamp(stat.st_mtime).astimezone()
    try:
        taken_on = date.fromisoformat(path.name.removesuffix(SUFFIX))
    except ValueError:
        taken_on = modified.date()
    return BackupEntry(path=path, taken_on=taken_on, size=stat.st_size, modified=modified)


class BackupService:
    """Backups of a SQLite file (online backup API, automatic daily copies) or of a server database (pg_dump)."""

    def __init__(self, context: ServiceContext, audit: AuditTrail, root: Path | None = None) -> None:
        self._context = context
        self._audit = audit
        self._root = root or user_data_dir() / "backups"

    @property
    def automatic_supported(self) -> bool:
        """Whether the program keeps daily copies itself: of a local file yes; a server is backed up on the server."""
        return self._context.database.is_sqlite

    @property
    def suffix(self) -> str:
        """The file name ending of this database's backups: a SQLite file or a pg_dump archive."""
        return SUFFIX if self._context.database.is_sqlite else SERVER_SUFFIX

    @property
    def folder(self) -> Path:
        """Where this database's automatic backups go: one sub-folder per database file."""
        database = sqlite_file(self._context.database)
        tag = sha1(str(database).encode("utf-8")).hexdigest()[:8]
        return self._root / f"{database.stem}-{tag}"

    def automatic(self) -> list[BackupEntry]:
        """The automatic backups of this database, newest first."""
        if not self.automatic_supported or not self.folder.is_dir():
            return []
        files = [p for p in self.folder.glob(f"*{SUFFIX}") if p.is_file() and not p.name.startswith(".")]
        return sorted((_entry(p) for p in files), key=lambda e: (e.taken_on, e.modified), reverse=True)

    def run_automatic(self, keep: int = DEFAULT_KEEP, today: date | None = None) -> BackupEntry | None:
        """At most one backup a day, named with the date; only the newest `keep` are kept. None if none was due."""
        if not self.automatic_supported:
            return None
        today = today or self._context.clock().astimezone().date()
        target = self.folder / f"{today.isoformat()}{SUFFIX}"
        made = None
        if not target.exists():
            made = _entry(write_backup(self._context.database, target))
        for old in self.automatic()[max(1, keep) :]:
            old.path.unlink(missing_ok=True)
            rmtree(files_folder(old.path), ignore_errors=True)
        return made

    def back_up(self, dest: Path) -> BackupEntry:
        """Copy the database to a file of the user's choice: a SQLite file (attachments into `DEST.files` beside
        it), or for a server a pg_dump archive holding everything, attachments included."""
        database = self._context.database
        if database.is_sqlite:
            return _entry(write_backup(database, dest))
        with database.begin() as session:
            require_action(session, self._context, Action.BACK_UP_SERVER)
        return _entry(write_server_backup(database, dest))

    def check(self, source: Path) -> str:
        """Refuse someone who may not restore, a damaged file or one from a newer program, before anything is asked."""
        self._require_restore()
        return check_backup(source) if self._context.database.is_sqlite else check_server_backup(source)

    def restore(self, source: Path) -> str:
        """Replace the database by the backup (after checking it), bring its schema up to date, and record it."""
        database = self._context.database
        self._require_restore()
        revision = (restore_backup if database.is_sqlite else restore_server_backup)(database, source)
        migrations.upgrade(database)
        from dossier_app.services.sync.library import renew_library_id

        with database.begin() as session:
            renew_library_id(session)  # another history now: replicas of the one replaced must not mix into it
            self._audit.record(
                session,
                self._context.operator.name,
                AuditAction.DATABASE_RESTORE,
                "database",
                None,
                f"restored from backup '{source.name}' (schema {revision})",
            )
        return revision

    def _require_restore(self) -> None:
        with self._context.database.begin() as session:
            refuse_on_replica(session, NOT_HERE_RESTORE)  # a replica is made again by syncing, not restored
            require_action(session, self._context, Action.RESTORE_BACKUP)
