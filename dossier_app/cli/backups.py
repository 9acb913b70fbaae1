"""`backup DEST` and `restore SRC [--yes]`: copies of the database and checked restores."""

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from dossier_app.cli.outcomes import EXIT_OK, EXIT_PROBLEM
from dossier_app.domain.errors import QT_TRANSLATE_NOOP, ValidationFailed

if TYPE_CHECKING:
    from dossier_app.services import Services


def add_backup_commands(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """`backup DEST` and `restore SRC [--yes]`."""
    backup = commands.add_parser(
        "backup",
        help="copy the database to DEST while it is in use (SQLite: attachments go to DEST.files beside it; "
        "PostgreSQL: a pg_dump archive holding everything)",
    )
    backup.add_argument("dest", metavar="DEST")
    backup.set_defaults(handler=cmd_backup)
    restore = commands.add_parser(
        "restore", help="replace the database by a backup, after checking it (asks first unless --yes)"
    )
    restore.add_argument("source", metavar="SRC")
    restore.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    restore.set_defaults(handler=cmd_restore)


def cmd_backup(services: "Services", args: argparse.Namespace) -> int:
    """Write a backup (SQLite); a server database gets the pg_dump command instead, exit 2."""
    entry = services.backups.back_up(Path(args.dest))
    print(f"Đã sao lưu / backed up: {services.database.display_location} → {entry.path} ({entry.size:,} bytes)")
    return EXIT_OK


def cmd_restore(services: "Services", args: argparse.Namespace) -> int:
    """Check the backup, confirm, replace. A refused file or a "no" leaves the database exactly as it was."""
    source = Path(args.source)
    revision = services.backups.check(source)
    if not args.yes:
        if not sys.stdin or not sys.stdin.isatty():
            raise ValidationFailed(
                QT_TRANSLATE_NOOP(
                    "Errors", "Restoring replaces the whole database: confirm at a terminal or add --yes."
                ),
                field="yes",
            )
        answer = input(
            f"Thay toàn bộ cơ sở dữ liệu {services.database.display_location} bằng bản sao lưu {source}? "
            f"/ Replace the whole database {services.database.display_location} with the backup {source}? [y/N] "
        )
        if answer.strip().lower() not in ("y", "yes", "c", "có", "co"):
            print("Đã hủy, không thay đổi gì / cancelled, nothing was changed")
            return EXIT_PROBLEM
    services.backups.restore(source)
    print(f"Đã khôi phục / restored: {services.database.display_location} ← {source} (schema {revision})")
    return EXIT_OK
