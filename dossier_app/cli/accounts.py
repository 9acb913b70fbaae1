"""`user …` and `audit …`: accounts with passwords never on the command line, and the audit trail's chain."""

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from dossier_app.cli.outcomes import EXIT_OK, EXIT_PROBLEM
from dossier_app.domain.accounts import ROLE_ORDER
from dossier_app.domain.audit import ChainProblem
from dossier_app.domain.enums import Role
from dossier_app.domain.errors import QT_TRANSLATE_NOOP, ValidationFailed

if TYPE_CHECKING:
    from dossier_app.services import Services
    from dossier_app.services.accounts.audit import AuditVerification


PASSWORD_ENV = "DOSSIER_PASSWORD"
Handler = Callable[["Services", argparse.Namespace], int]


def add_account_commands(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """`user add|list|disable|enable|passwd` and `audit verify|log`."""
    user = commands.add_parser("user", help="local accounts: add, list, disable, enable, passwd")
    users = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    add = users.add_parser("add", help=f"add an account (password from {PASSWORD_ENV} or a prompt)")
    add.add_argument("name")
    add.add_argument("--role", action="append", required=True, choices=[r.value for r in Role], help="repeatable")
    add.add_argument("--display-name", default="")
    add.add_argument("--password", help=argparse.SUPPRESS)
    add.set_defaults(handler=cmd_user_add)
    users.add_parser("list", help="list accounts, roles and state").set_defaults(handler=cmd_user_list)
    for action, text, handler in (
        ("disable", "stop an account from signing in", cmd_user_disable),
        ("enable", "let a disabled account sign in again", cmd_user_enable),
        ("passwd", f"set a password (from {PASSWORD_ENV} or a prompt); lifts a lockout", cmd_user_passwd),
    ):
        parser = users.add_parser(action, help=text)
        parser.add_argument("name")
        if action == "passwd":
            parser.add_argument("--password", help=argparse.SUPPRESS)
        parser.set_defaults(handler=handler)
    audit = commands.add_parser("audit", help="the audit trail: verify the chain, show entries")
    audits = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    audits.add_parser("verify", help="check the chain; exit 1 naming the first bad entry").set_defaults(
        handler=cmd_audit_verify
    )
    log = audits.add_parser("log", help="the latest entries, newest first")
    log.add_argument("--limit", type=int, default=20)
    log.add_argument("--actor")
    log.add_argument("--action")
    log.add_argument("--project", metavar="CODE")
    log.set_defaults(handler=cmd_audit_log)


def refuse_password_argument(args: argparse.Namespace) -> None:
    """Refuse `--password`, before anything else is checked or asked."""
    if getattr(args, "password", None) is not None:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP(
                "Errors",
                "A password is never taken from the command line, where the process list and the shell history "
                "show it: set DOSSIER_PASSWORD or type it at the prompt.",
            ),
            field="password",
        )


def password_from_env_or_terminal() -> str | None:
    """DOSSIER_PASSWORD if set; None when a hidden prompt may ask for it; a refusal when nobody can be asked."""
    from_env = os.environ.get(PASSWORD_ENV)
    if from_env:
        return from_env
    if not sys.stdin or not sys.stdin.isatty():
        raise ValidationFailed(
            QT_TRANSLATE_NOOP(
                "Errors", "No password given: set DOSSIER_PASSWORD, or run the command in a terminal to be asked."
            ),
            field="password",
        )
    return None


def read_new_password(args: argparse.Namespace) -> str:
    """A new password from DOSSIER_PASSWORD, else typed twice at a hidden prompt; never from an argument."""
    refuse_password_argument(args)
    from_env = password_from_env_or_terminal()
    if from_env:
        return from_env
    first = getpass.getpass(f"Mật khẩu / password for {args.name}: ")
    second = getpass.getpass("Nhập lại / again: ")
    if first != second:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("Errors", "The two passwords differ; nothing was changed."), field="password"
        )
    return first


def cmd_user_add(services: "Services", args: argparse.Namespace) -> int:
    """Add an account with its roles."""
    password = read_new_password(args)
    account = services.accounts.add(args.name, args.role, password, args.display_name)
    roles = ", ".join(r.value for r in ROLE_ORDER if r in account.roles)
    print(f"Đã tạo tài khoản / account created: {account.username} ({roles})")
    return EXIT_OK


def cmd_user_list(services: "Services", _args: argparse.Namespace) -> int:
    """List accounts with their roles and whether they may sign in."""
    now = services.context.clock()
    rows = []
    for account in services.accounts.list():
        if account.disabled:
            state = "vô hiệu/disabled"
        elif account.locked_until is not None and account.is_locked(now):
            state = f"khóa đến/locked until {account.locked_until:%Y-%m-%d %H:%M} UTC"
        else:
            state = "hoạt động/active"
        roles = ",".join(r.value for r in ROLE_ORDER if r in account.roles)
        rows.append((account.username, account.display_name, roles, state, account.created_by))
    header = ("TÊN/USERNAME", "HỌ TÊN/NAME", "VAI TRÒ/ROLES", "TRẠNG THÁI/STATE", "TẠO BỞI/CREATED BY")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
    if not rows:
        print("(chưa có tài khoản — no accounts yet; try: python main.py user add NAME --role admin)")
    return EXIT_OK


def cmd_user_disable(services: "Services", args: argparse.Namespace) -> int:
    """Disable an account."""
    account = services.accounts.disable(args.name)
    print(f"Đã vô hiệu hóa / disabled: {account.username}")
    return EXIT_OK


def cmd_user_enable(services: "Services", args: argparse.Namespace) -> int:
    """Enable a disabled account."""
    account = services.accounts.enable(args.name)
    print(f"Đã kích hoạt lại / enabled: {account.username}")
    return EXIT_OK


def cmd_user_passwd(services: "Services", args: argparse.Namespace) -> int:
    """Set an account's password."""
    refuse_password_argument(args)
    services.accounts.get(args.name)  # a wrong name is refused before anyone types a password
    account = services.accounts.set_password(args.name, read_new_password(args))
    print(f"Đã đặt mật khẩu / password set: {account.username}")
    return EXIT_OK


def describe_break(result: "AuditVerification") -> str:
    """The first bad entry of a broken chain and what is wrong with it, in Vietnamese and English."""
    first, seen = result.entry_id, result.noticed_at
    if result.problem == ChainProblem.ALTERED:
        why = "its content no longer matches its hash" if seen == first else f"entry {seen} no longer links to it"
        return f"mục {first} đã bị sửa — entry {first} was altered ({why})"
    if result.problem == ChainProblem.REMOVED:
        if result.missing > 1 and first is not None:
            last = first + result.missing - 1
            return f"các mục {first}–{last} đã bị xóa — entries {first}–{last} were removed"
        return f"mục {first} đã bị xóa — entry {first} was removed"
    if result.problem == ChainProblem.INSERTED:
        return (
            f"mục {first} được chèn thủ công — entry {first} was inserted by hand "
            "(neither the entry before it nor the chain's head vouches for it)"
        )
    return "mất bản ghi đầu chuỗi — the record of the chain's last entry is missing"


def cmd_audit_verify(services: "Services", _args: argparse.Namespace) -> int:
    """Check the chain: exit 0 when intact, 1 naming the first bad entry."""
    result = services.audit.verify()
    if result.ok:
        print(f"Nhật ký thao tác nguyên vẹn — audit trail intact: {result.total} entries")
        return EXIT_OK
    print(f"Nhật ký thao tác không còn nguyên vẹn — audit trail broken: {describe_break(result)}")
    return EXIT_PROBLEM


def cmd_audit_log(services: "Services", args: argparse.Namespace) -> int:
    """The latest entries, newest first, optionally narrowed."""
    project_id = services.projects.by_code(args.project).id if args.project else None
    from dossier_app.services.accounts.audit import AuditFilter

    filters = AuditFilter(actor=args.actor, action=args.action, project_id=project_id, limit=max(1, args.limit))
    for entry in services.audit.entries(filters):
        print(f"{entry.id:>7}  {entry.at:%Y-%m-%d %H:%M:%S}Z  {entry.actor}  {entry.action}  {entry.summary}")
    return EXIT_OK
