"""`sync` and `conflicts`: this database as a replica of the department server, from a terminal."""

import argparse
import socket
import sys
from typing import TYPE_CHECKING, TextIO

from dossier_app.cli.accounts import refuse_password_argument
from dossier_app.cli.acting import USER_ENV, acting_name, read_password
from dossier_app.cli.outcomes import EXIT_OK, EXIT_PROBLEM
from dossier_app.domain.errors import (
    QT_TRANSLATE_NOOP,
    SessionAccountDisabled,
    SessionRefused,
    ValidationFailed,
)

if TYPE_CHECKING:
    from dossier_app.services import Services
    from dossier_app.services.project_records.conflicts import RecordConflictView

LONG_PULL = 3_000  # changes (three pages): a pull this long tells its progress on stderr
PROGRESS_STEP = 5  # percent between two progress lines


def add_sync_commands(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """`sync --server URL [--user NAME] [--fingerprint SHA256]` and `conflicts [CODE]`."""
    sync = commands.add_parser(
        "sync",
        help="pull the server's changes, merge, push this desktop's; exit 1 while a conflict or a refusal remains, "
        "2 when the server cannot be reached or refuses the sign-in",
    )
    sync.add_argument("--server", metavar="URL", required=True, help="the department server, e.g. https://host:8470")
    sync.add_argument(
        "--user",
        metavar="NAME",
        help=f"sign in at the server as this account (default: {USER_ENV}; without either, the kept session of "
        "the person who last synced this desktop)",
    )
    sync.add_argument(
        "--fingerprint",
        metavar="SHA256",
        help="the server certificate's SHA-256 fingerprint, as `serve --init-tls` printed it (else pinned at the "
        "first connection and refused when it changes)",
    )
    sync.add_argument("--password", help=argparse.SUPPRESS)
    sync.set_defaults(handler=cmd_sync)
    conflicts = commands.add_parser("conflicts", help="unresolved sync conflicts; exit 1 while any remain")
    conflicts.add_argument("code", metavar="CODE", nargs="?", help="only this project's")
    conflicts.set_defaults(handler=cmd_conflicts)


def cmd_sync(services: "Services", args: argparse.Namespace) -> int:
    """Sign in at the server (or go on with the session of who last synced), sync; print what moved and what is left.
    The session is kept on this desktop for the next sync and for that person's changes (never the password)."""
    refuse_password_argument(args)
    username = acting_name(args)
    person = services.people.last_synced() if username is None else None
    token = services.people.token(person.username) if person else None
    if username is None and token is None:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("Errors", "Sync signs in at the server: give the account with --user or DOSSIER_USER."),
            field="user",
        )
    from dossier_app.services.sync.client import SyncConnection

    with SyncConnection(args.server, fingerprint=args.fingerprint, pins=services.replica) as connection:
        trust = connection.connect()
        if trust.first_use:
            print(f"Đã ghim chứng thư / certificate pinned on first use: SHA-256 {trust.fingerprint}")
        if username is not None:
            password = read_password(username)
            try:
                signed = connection.sign_in(username, password, f"cli {socket.gethostname()}"[:80])
            except SessionAccountDisabled as error:
                services.people.refused(username, error)
                raise
            services.people.remember(password, signed)
        else:
            assert person is not None
            connection.token, connection.username = token, person.username
            print(f"Đồng bộ với tư cách / syncing as: {person.username}")
        try:
            report = services.replica.sync(connection, PullProgress(sys.stderr))
        except SessionRefused as error:
            services.people.refused(connection.username or "", error)
            raise
    print(f"Máy chủ / server: {connection.base_url} — phiên bản thư viện / library version {report.library_version}")
    print(f"Đã nhận / pulled: {report.pulled} thay đổi / changes")
    print(f"Đã gửi / pushed: {len(report.pushed)}")
    for label in report.pushed:
        print(f"  {label}")
    if report.retried:
        print(f"Máy chủ đã thay đổi, đã nhận và gửi lại / server moved, pulled and pushed again: {report.retried}")
    for label in report.merged:
        print(f"Đã hợp nhất / merged: {label}")
    for label in report.conflicts:
        print(f"Xung đột / conflict: {label} — giữ cả hai bản / both texts kept; xem / see: conflicts")
    for label in report.kept:
        print(f"Máy chủ đã xoá, giữ lại vì có sửa đổi ở đây / deleted on the server, kept for the edits here: {label}")
    for label in report.to_check:
        print(f"Cần xem lại / to check: {label}")
    if report.unplaced:
        print(
            f"Không đặt được / left out: {report.unplaced} dòng thiếu dòng cha / rows whose parent is missing; "
            "hãy đồng bộ lại / sync again"
        )
    if report.downloaded or report.uploaded:
        print(f"Tệp đính kèm / attachment files: tải về / downloaded {report.downloaded}, gửi / sent {report.uploaded}")
    for name in report.unavailable:
        print(f"Máy chủ không có tệp / the server lacks the file of attachment: {name}")
    for label in report.held_back:
        print(f"Chưa gửi được tệp, tệp đính kèm chờ / file not sent, the attachment waits: {label}")
    for name in report.waiting_for:
        print(
            f"Thay đổi của {name} đang chờ đăng nhập lại / {name}'s changes wait until they sign in again (sync --user)"
        )
    for refusal in report.refused:
        vietnamese = refusal.message_vi if refusal.message_vi != refusal.message_en else ""
        reason = f"{vietnamese} — {refusal.message_en}" if vietnamese else refusal.message_en
        print(f"Bị từ chối / refused: {refusal.label} — {reason}")
    if report.clean:
        print("Đồng bộ xong / in sync")
        return EXIT_OK
    return EXIT_PROBLEM


class PullProgress:
    """A long pull's progress as lines on a stream, one every PROGRESS_STEP percent and one at the end; a short
    pull says nothing."""

    def __init__(self, stream: TextIO) -> None:
        self._stream, self._shown = stream, -PROGRESS_STEP

    def __call__(self, done: int, total: int) -> None:
        if total < LONG_PULL:
            return
        percent = done * 100 // total
        if percent - self._shown < PROGRESS_STEP and done < total:
            return
        self._shown = percent
        print(f"Đang nhận / pulling: {done}/{total} thay đổi / changes ({percent}%)", file=self._stream, flush=True)


def record_label(record: "RecordConflictView") -> str:
    """A record conflict's row as the command line names it: project code and what it is."""
    from dossier_app.services.project_records.sync import WORDS

    return " ".join(part for part in (record.project_code, WORDS[record.table_name], record.detail) if part)


def cmd_conflicts(services: "Services", args: argparse.Namespace) -> int:
    """List the unresolved conflicts; exit 1 while any remain."""
    found = services.replica.conflicts(args.code)
    code = services.projects.by_code(args.code).code if args.code else None
    households = services.row_conflicts.listing(code)
    records = services.record_conflicts.listing(code)
    if not found and not households and not records:
        print("Không có xung đột / no conflicts")
        return EXIT_OK
    for label, field in households:
        print(
            f"{label} — trường / field {field.field}: ở đây / here {field.ours!r}, máy chủ / server {field.theirs!r}; "
            "chọn trong cửa sổ sổ bồi thường / pick one in the register window"
        )
    for record in records:
        print(
            f"{record_label(record)} — trường / field {record.field}: ở đây / here {record.ours!r}, "
            f"máy chủ / server {record.theirs!r}; chọn trong cửa sổ xung đột đồng bộ / pick one in the sync "
            "conflicts window"
        )
    if not found:
        return EXIT_PROBLEM
    for conflict in found:
        when = conflict.created_at.astimezone().isoformat(sep=" ", timespec="seconds")
        print(
            f"{conflict.label} — {conflict.title}: {conflict.blocks} khối sửa khác nhau ở hai nơi / "
            f"block(s) changed differently on both sides ({when})"
        )
    print(
        "Giải quyết / to resolve: lưu bản đã hợp nhất / save the resolved text with "
        "`section put CODE KEY FILE`, rồi / then `sync`"
    )
    return EXIT_PROBLEM
