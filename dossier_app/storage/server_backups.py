"""Backups of a PostgreSQL database with the server's own tools: pg_dump's custom format, checked restores.

A backup holds everything, attachments included (server mode keeps them in the database). Restoring reads
the whole file first (a truncated or damaged dump is refused before anything changes), then drops every
table of the database's schema (the database is the program's own, as the README sets it up) and loads the dump
in one psql transaction: any error rolls the database back as it was.
The password travels in the tools' environment, never on their command line, where `ps` would show it.
"""

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import IO

from sqlalchemy.engine import URL, make_url

from dossier_app.domain.errors import QT_TRANSLATE_NOOP, BackupRefused, SchemaTooNew, StorageUnavailable
from dossier_app.storage.database import Database
from dossier_app.storage.migrations import known_revision

DUMP_HEADER = b"PGDMP"
DUMP_SUFFIX = ".dump"
_TOOL_FOLDERS = "/usr/lib/postgresql"  # Debian's servers: /usr/lib/postgresql/<major>/bin
# Windows: the EDB installer's C:\Program Files\PostgreSQL\<major>\bin (64-bit, then 32-bit Program Files).
_WINDOWS_PROGRAM_FOLDERS = ("ProgramW6432", "ProgramFiles", "ProgramFiles(x86)")
_LOCK_WAIT_MS = 30_000
_VERSION_ROW = re.compile(r"^COPY [\w.\"]*alembic_version \(version_num\) FROM stdin;\n([^\n\\]+)\n", re.MULTILINE)
# No owners, grants or comments: a department's own account restores what it dumped without superuser rights.
_RESTORE_OPTIONS = ("--no-owner", "--no-privileges", "--no-comments")
# Drops every table of the current schema (not the database, not extensions): the dump then creates them again.
_DROP_TABLES = """DO $$ DECLARE t record; BEGIN
  FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() LOOP
    EXECUTE format('DROP TABLE IF EXISTS %I CASCADE', t.tablename);
  END LOOP;
END $$;
"""


def installed_tools(name: str, windows: bool = os.name == "nt") -> list[Path]:
    """One PostgreSQL tool of every installed server, oldest major version first (Debian's or Windows' folders)."""
    if windows:
        roots = {Path(os.environ[key]) / "PostgreSQL" for key in _WINDOWS_PROGRAM_FOLDERS if os.environ.get(key)}
        pattern = f"*/bin/{name}.exe"
    else:
        roots, pattern = {Path(_TOOL_FOLDERS)}, f"*/bin/{name}"
    found = {path for root in roots for path in root.glob(pattern)}
    return sorted(found, key=lambda path: (_major(path.parent.parent.name), str(path)))


def server_tool(name: str) -> Path:
    """pg_dump, pg_restore or psql: on the PATH, else the newest installed server's, else a clear refusal."""
    found = shutil.which(name)  # on Windows also finds NAME.exe (PATHEXT)
    if found:
        return Path(found)
    candidates = installed_tools(name)
    if candidates:
        return candidates[-1]
    raise StorageUnavailable(
        QT_TRANSLATE_NOOP(
            "Errors",
            "{tool} is not installed on this computer; install the PostgreSQL client tools (Debian: "
            "postgresql-client; Windows: PostgreSQL's installer, command line tools) to back up or restore a server "
            "database.",
        ),
        tool=name,
    )


def write_server_backup(database: Database, dest: Path) -> Path:
    """pg_dump the whole database into `dest` (written beside it first, so a failed dump leaves no half file)."""
    dest = dest.expanduser().resolve()
    partial = dest.with_name(f".{dest.name}.partial")
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        _run(
            database, [server_tool("pg_dump"), "--format=custom", "--no-owner", "--no-privileges", f"--file={partial}"]
        )
        with partial.open("rb") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, dest)
    except OSError as error:
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP("Errors", "Cannot write the backup {location}: {reason}"),
            location=str(dest),
            reason=error.strerror or str(error),
        ) from error
    finally:
        partial.unlink(missing_ok=True)
    return dest


def check_server_backup(source: Path) -> str:
    """Read the whole dump (refusing a damaged one or one from a newer program); return its schema revision."""
    source = source.expanduser().resolve()
    if not source.is_file():
        raise BackupRefused(
            QT_TRANSLATE_NOOP("Errors", "The backup {name} does not exist or is not a file."), name=str(source)
        )
    with source.open("rb") as handle:
        header = handle.read(len(DUMP_HEADER))
    if header != DUMP_HEADER:
        raise BackupRefused(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{name} is not a backup of a server database (not a pg_dump custom-format file); nothing was changed.",
            ),
            name=str(source),
        )
    _read_whole(source)
    match = _VERSION_ROW.search(
        _pg_restore(source, "--data-only", "--table=alembic_version", "--file=-").decode("utf-8")
    )
    revision = match.group(1).strip() if match else ""
    if not known_revision(revision):
        raise SchemaTooNew(location=str(source), revision=revision or "?")
    return revision


def restore_server_backup(database: Database, source: Path) -> str:
    """Replace this program's tables by the dump's, in one transaction; return the backup's revision."""
    source = source.expanduser().resolve()
    revision = check_server_backup(source)
    database.dispose()
    restore = [str(server_tool("pg_restore")), *_RESTORE_OPTIONS, "--file=-", str(source)]
    psql: list[Path | str] = [server_tool("psql"), "--no-psqlrc", "--quiet", "--single-transaction"]
    with (
        tempfile.TemporaryFile() as errors,  # a file, not a pipe: a full pipe nobody reads would stall the dump
        subprocess.Popen(restore, stdout=subprocess.PIPE, stderr=errors) as dump,
    ):
        _run(database, [*psql, "--set=ON_ERROR_STOP=1", f"--command={_DROP_TABLES}", "--file=-"], stdin=dump.stdout)
        if dump.stdout is not None:
            dump.stdout.close()  # psql is done: a dump still writing gets a broken pipe, not a stall
        dump.wait()
        errors.seek(0)
        stderr = errors.read()
    if dump.returncode != 0:  # checked above, so only a file changed meanwhile; psql saw a cut script and failed
        raise BackupRefused(
            QT_TRANSLATE_NOOP("Errors", "The backup {name} is damaged ({reason}); nothing was changed."),
            name=str(source),
            reason=_first_line(stderr),
        )
    return revision


def _read_whole(source: Path) -> None:
    """pg_restore reads every data block into nowhere: a truncated or altered dump fails here."""
    _pg_restore(source, f"--file={os.devnull}")  # /dev/null, or nul on Windows


def _pg_restore(source: Path, *options: str) -> bytes:
    command = [str(server_tool("pg_restore")), *_RESTORE_OPTIONS, *options, str(source)]
    result = subprocess.run(command, capture_output=True, check=False)
    if result.returncode != 0:
        raise BackupRefused(
            QT_TRANSLATE_NOOP("Errors", "The backup {name} is damaged ({reason}); nothing was changed."),
            name=str(source),
            reason=_first_line(result.stderr),
        )
    return result.stdout


def _run(database: Database, command: list[Path | str], stdin: IO[bytes] | None = None) -> None:
    url = make_url(database.url)
    target = URL.create("postgresql", url.username, None, url.host, url.port, url.database, url.query).render_as_string(
        hide_password=False
    )
    env = dict(
        os.environ, PGOPTIONS=f"-c lock_timeout={_LOCK_WAIT_MS} -c client_min_messages=warning"
    )  # a desktop mid-write: wait, then fail
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    result = subprocess.run(
        [str(part) for part in command] + [f"--dbname={target}"],
        stdin=stdin,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        check=False,
    )
    if result.returncode != 0:
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP("Errors", "{tool} failed on {location}: {reason}"),
            tool=Path(command[0]).name,
            location=database.display_location,
            reason=_first_line(result.stderr),
        )


def _first_line(stderr: bytes) -> str:
    """The line that says what went wrong (psql and pg_restore print notices before it)."""
    lines = [line.strip() for line in stderr.decode("utf-8", "replace").splitlines() if line.strip()]
    errors = [line for line in lines if "error" in line.lower() or "fatal" in line.lower()]
    return (errors or lines or ["?"])[0]


def _major(version: str) -> int:
    return int(version) if version.isdigit() else 0
